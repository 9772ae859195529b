/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF reader's second face: the same text as cf_read_pdf() gives, with every
 * character's place on its page, for the page view (highlights drawn where a claim's
 * words are printed, a selection dragged on the page mapped back to offsets). Nothing
 * of it is stored: it is rebuilt from the original bytes, deterministically. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cf-formats.h"

G_BEGIN_DECLS

typedef struct _CfPdfLayout CfPdfLayout;

/* A rectangle on page @page (from 0), in points, origin at the page's top left. */
typedef struct
{
  guint  page;
  double x1;
  double y1;
  double x2;
  double y2;
} CfPdfRect;

/**
 * cf_pdf_layout_new:
 * @bytes: (transfer none): the PDF
 * @limits: (nullable): the limits, %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL with @error set as
 *   cf_read_pdf() would
 */
CfPdfLayout *cf_pdf_layout_new            (GBytes              *bytes,
                                           const CfReadLimits  *limits,
                                           GError             **error);
void         cf_pdf_layout_free           (CfPdfLayout         *layout);

/* Returns: (transfer none) the text, exactly as cf_read_pdf() gives it. */
const char  *cf_pdf_layout_get_text       (CfPdfLayout         *layout);
guint        cf_pdf_layout_get_n_pages    (CfPdfLayout         *layout);
/* The size of page @page (from 0) in points. */
void         cf_pdf_layout_get_page_size  (CfPdfLayout         *layout,
                                           guint                page,
                                           double              *width,
                                           double              *height);
/* The page (from 0) the character at @offset is on (the nearest page before it for
 * a character between pages). */
guint        cf_pdf_layout_page_at        (CfPdfLayout         *layout,
                                           guint                offset);
/* The character offset where page @page (from 0) begins in the text. */
guint        cf_pdf_layout_page_start     (CfPdfLayout         *layout,
                                           guint                page);

/**
 * cf_pdf_layout_get_rects:
 *
 * The rectangles covering the characters [@start, @end): one per run of characters
 * on one printed line, in text order.
 *
 * Returns: (transfer full) (element-type CfPdfRect): the rectangles, maybe none
 */
GArray      *cf_pdf_layout_get_rects      (CfPdfLayout         *layout,
                                           guint                start,
                                           guint                end);

/* The offset of the text character printed nearest to (@x, @y) on @page: the one
 * whose rectangle holds the point, or else the closest on the same line, or -1 when
 * the page holds no text of the body. With @after, a point right of a character's
 * middle gives the offset after it (for the end of a selection). */
int          cf_pdf_layout_offset_at      (CfPdfLayout         *layout,
                                           guint                page,
                                           double               x,
                                           double               y,
                                           gboolean             after);

/* Draws page @page (from 0) at scale 1 (one point per unit) on @cr, white behind. */
void         cf_pdf_layout_render_page    (CfPdfLayout         *layout,
                                           guint                page,
                                           cairo_t             *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfLayout, cf_pdf_layout_free)

G_END_DECLS
