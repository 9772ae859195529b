/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cf-case.h"

G_BEGIN_DECLS

/* The summary brief of a case: one renderer that lays the brief out with Pango and
 * draws its pages on any cairo context. The GTK print operation and
 * `casefile-cli brief` both draw through it, so a printed brief and an exported PDF
 * have the same pages. */

typedef enum
{
  CF_BRIEF_GROUP_BY_TAG,
  CF_BRIEF_GROUP_BY_HYPOTHESIS,
} CfBriefGroupBy;

typedef enum
{
  CF_BRIEF_PAPER_AUTO,    /* from the locale (LC_PAPER): Letter or A4 */
  CF_BRIEF_PAPER_A4,
  CF_BRIEF_PAPER_LETTER,
} CfBriefPaper;

typedef struct
{
  CfBriefGroupBy  group_by;
  gboolean        include_notes;
  /* claims rated below this confidence (or not rated) are left out; NONE: all */
  CfConfidence    min_confidence;
  CfBriefPaper    paper;
  /* (nullable) (transfer none): the brief's date, printed on it and written as the
   * PDF creation date; NULL for now (or $SOURCE_DATE_EPOCH when set), so that a
   * fixed date gives the same PDF. cf_brief_new() takes its own reference. */
  GDateTime      *date;
} CfBriefOptions;

/**
 * cf_brief_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Sets the defaults: by tag, with notes, every claim, paper from the locale,
 * today (@options->date %NULL). The options hold no reference of their own:
 * whoever sets @options->date keeps it alive while the options are used.
 */
void          cf_brief_options_init          (CfBriefOptions  *options);

/**
 * cf_brief_group_by_to_code:
 * @group_by: a grouping
 *
 * Returns: (transfer none) (not nullable): "tag" or "hypothesis", a static string
 */
const char   *cf_brief_group_by_to_code      (CfBriefGroupBy   group_by);
/**
 * cf_brief_group_by_from_code:
 * @code: (nullable): "tag" or "hypothesis" (plurals and any case accepted)
 * @out: (out): the grouping, set only on success
 *
 * Returns: %FALSE for %NULL or an unknown code
 */
gboolean      cf_brief_group_by_from_code    (const char      *code,
                                              CfBriefGroupBy  *out);
/**
 * cf_brief_paper_to_code:
 * @paper: a paper size
 *
 * Returns: (transfer none) (not nullable): "auto", "a4" or "letter", a static string
 */
const char   *cf_brief_paper_to_code         (CfBriefPaper     paper);
/**
 * cf_brief_paper_from_code:
 * @code: (nullable): "auto", "a4" or "letter" (any case; "us-letter" too)
 * @out: (out): the paper, set only on success
 *
 * Returns: %FALSE for %NULL or an unknown code
 */
gboolean      cf_brief_paper_from_code       (const char      *code,
                                              CfBriefPaper    *out);
/**
 * cf_brief_paper_get_size:
 * @paper: a paper size; %CF_BRIEF_PAPER_AUTO looks at the locale
 * @width: (out) (optional): the width in points (1/72 inch), portrait
 * @height: (out) (optional): the height in points
 */
void          cf_brief_paper_get_size        (CfBriefPaper     paper,
                                              double          *width,
                                              double          *height);

#define CF_TYPE_BRIEF (cf_brief_get_type ())
G_DECLARE_FINAL_TYPE (CfBrief, cf_brief, CF, BRIEF, GObject)

/**
 * cf_brief_new:
 * @kase: (transfer none): the case to read
 * @options: (nullable) (transfer none): the options, copied (a date in them is
 *   referenced); %NULL for the defaults
 * @error: return location for an error
 *
 * Reads everything the brief shows from @kase once; later edits of the case do
 * not change the brief, and the brief keeps no reference to @kase.
 *
 * Returns: (transfer full) (nullable): a new brief, %NULL with @error set on failure
 */
CfBrief      *cf_brief_new                   (CfCase                *kase,
                                              const CfBriefOptions  *options,
                                              GError               **error);

/**
 * cf_brief_paginate:
 * @self: a brief
 * @context: (nullable) (transfer none): a context whose font map to use; %NULL for
 *   the default PangoCairo one. Only its font map is used, and no reference kept.
 * @page_width: the page width in points
 * @page_height: the page height in points
 * @error: return location for an error
 *
 * Measures the brief for pages of @page_width × @page_height points and finds
 * where each page starts. Text is measured at 72 dpi with unhinted metrics, so the
 * same pages come out whatever device draws them. Must be called before drawing.
 *
 * Returns: %FALSE with @error set only on paper too small for the margins
 */
gboolean      cf_brief_paginate              (CfBrief         *self,
                                              PangoContext    *context,
                                              double           page_width,
                                              double           page_height,
                                              GError         **error);
/**
 * cf_brief_get_n_pages:
 * @self: a brief
 *
 * Returns: the number of pages of the last pagination; 0 before pagination
 */
guint         cf_brief_get_n_pages           (CfBrief         *self);
/**
 * cf_brief_draw_page:
 * @self: a paginated brief
 * @cr: (transfer none): where to draw; its user units must be points
 * @page: the page, from 0, below cf_brief_get_n_pages()
 *
 * Draws page @page with its top-left corner at the origin of @cr. The state of
 * @cr is saved and restored around the drawing.
 */
void          cf_brief_draw_page             (CfBrief         *self,
                                              cairo_t         *cr,
                                              guint            page);

/**
 * cf_brief_write_pdf:
 * @self: a brief
 * @path: (type filename): where to write the PDF; replaced if it exists
 * @error: return location for an error
 *
 * Paginates for the options' paper and writes every page to a PDF at @path
 * (through a temporary file in the same folder, then a rename), with the case
 * title, analyst and the options' date as metadata. On failure @path is left as it
 * was and no temporary file remains.
 *
 * Returns: %TRUE when the whole PDF was written; %FALSE with @error set
 */
gboolean      cf_brief_write_pdf             (CfBrief         *self,
                                              const char      *path,
                                              GError         **error);

/**
 * cf_brief_get_n_claims:
 * @self: a brief
 *
 * Returns: the number of claims the brief shows (after the confidence filter)
 */
guint         cf_brief_get_n_claims          (CfBrief         *self);
/**
 * cf_brief_get_warnings:
 *
 * What a preview should point out before the brief goes out: a hypothesis judged
 * likely that has the most weighted inconsistency in the matrix (cf-brief-ach.c).
 *
 * Returns: (transfer full) (element-type utf8): one sentence each, empty when none
 */
GPtrArray    *cf_brief_get_warnings          (CfBrief         *self);

G_END_DECLS
