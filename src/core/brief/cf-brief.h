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
  /* the brief's date, printed on it and written as the PDF creation date; NULL for
   * now (or $SOURCE_DATE_EPOCH when set), so that a fixed date gives the same PDF */
  GDateTime      *date;
} CfBriefOptions;

/* Defaults: by tag, with notes, every claim, paper from the locale, today. */
void          cf_brief_options_init          (CfBriefOptions  *options);

/* "tag", "hypothesis" */
const char   *cf_brief_group_by_to_code      (CfBriefGroupBy   group_by);
gboolean      cf_brief_group_by_from_code    (const char      *code,
                                              CfBriefGroupBy  *out);
/* "auto", "a4", "letter" */
const char   *cf_brief_paper_to_code         (CfBriefPaper     paper);
gboolean      cf_brief_paper_from_code       (const char      *code,
                                              CfBriefPaper    *out);
/* Size of @paper in points (1/72 inch), portrait; AUTO looks at the locale. */
void          cf_brief_paper_get_size        (CfBriefPaper     paper,
                                              double          *width,
                                              double          *height);

#define CF_TYPE_BRIEF (cf_brief_get_type ())
G_DECLARE_FINAL_TYPE (CfBrief, cf_brief, CF, BRIEF, GObject)

/* Reads everything the brief shows from @kase once; later edits of the case do not
 * change the brief. */
CfBrief      *cf_brief_new                   (CfCase                *kase,
                                              const CfBriefOptions  *options,
                                              GError               **error);

/* Measures the brief for pages of @page_width × @page_height points and finds where
 * each page starts. Text is measured at 72 dpi with unhinted metrics on a context of
 * @context's font map (NULL: the default PangoCairo one), so the same pages come out
 * whatever device draws them. Must be called before drawing; fails only on paper
 * too small for the margins. */
gboolean      cf_brief_paginate              (CfBrief         *self,
                                              PangoContext    *context,
                                              double           page_width,
                                              double           page_height,
                                              GError         **error);
/* 0 before pagination */
guint         cf_brief_get_n_pages           (CfBrief         *self);
/* Draws page @page (from 0) with its top-left corner at the origin of @cr, whose
 * user units must be points. */
void          cf_brief_draw_page             (CfBrief         *self,
                                              cairo_t         *cr,
                                              guint            page);

/* Paginates for the options' paper and writes every page to a PDF at @path
 * (through a temporary file in the same folder, then a rename), with the case
 * title, analyst and the options' date as metadata. */
gboolean      cf_brief_write_pdf             (CfBrief         *self,
                                              const char      *path,
                                              GError         **error);

/* The number of claims the brief shows (after the confidence filter). */
guint         cf_brief_get_n_claims          (CfBrief         *self);

G_END_DECLS
