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

/* ---- the page view's pages, from the casefile-reader helper process ----------
 * The window never parses or renders a PDF itself: the helper builds the layout and
 * renders pages, and answers in a binary form that the window checks in full. */

/* The largest page image the helper renders: pixels per side, and in all. */
#define CF_PDF_MAX_RENDER_SIDE 8192
#define CF_PDF_MAX_RENDER_PIXELS (6000 * 6000)

/* In the helper: the layout's page sizes, page ranges and every character's box,
 * with the text's SHA-256. Returns: (transfer full) the answer. */
GBytes          *cf_pdf_layout_to_wire        (CfPdfLayout         *layout);
/* The exact length of the layout answer for a document holding @text on @pages
 * (element-type CfExtractedPage), or 0 when it would be too large. */
gsize            cf_pdf_layout_wire_size      (const char          *text,
                                               GArray              *pages);
/* In the window: the layout from the helper's answer, which must describe exactly
 * @text (its length and checksum) on @pages (the ranges the case stored).
 * Returns: (transfer full) (nullable): the layout (it renders nothing), or %NULL
 *   with @error set. */
CfPdfLayout     *cf_pdf_layout_from_wire      (const guint8        *data,
                                               gsize                length,
                                               const char          *text,
                                               GArray              *pages,
                                               GError             **error);
/* In the helper: page @page (from 0) of the PDF in @bytes drawn on white into
 * @width x @height pixels (RGB24). A reference to @bytes and their parse are kept
 * until a call with other bytes, for the next page (so @bytes must own their data,
 * never wrap memory that is freed meanwhile); not thread-safe.
 * Returns: (transfer full) (nullable) the answer. */
GBytes          *cf_pdf_render_to_wire        (GBytes              *bytes,
                                               guint                page,
                                               int                  width,
                                               int                  height,
                                               GError             **error);
/* The exact length of the answer for a @width x @height page, or 0 beyond the limits. */
gsize            cf_pdf_render_wire_size      (int                  width,
                                               int                  height);
/* In the window: the image in the helper's answer, which must be exactly the size
 * asked for. Returns: (transfer full) (nullable) an RGB24 image surface. */
cairo_surface_t *cf_pdf_render_from_wire      (const guint8        *data,
                                               gsize                length,
                                               int                  width,
                                               int                  height,
                                               GError             **error);

/* Build the layout (cf_pdf_layout_from_wire's checks) or render a page in a
 * casefile-reader helper process, under the read limits and a timeout: the
 * _in_helper forms in a helper of their own, the _in_session forms in @session's
 * (the page view keeps one per document, which keeps the PDF between pages). A
 * render that fails is tried once more with a fresh helper. Blocking: call them
 * from a thread, or through the _async forms (a GTask thread; @session nullable). */
CfPdfLayout     *cf_pdf_layout_in_helper      (GBytes              *bytes,
                                               const char          *text,
                                               GArray              *pages,
                                               GCancellable        *cancellable,
                                               GError             **error);
cairo_surface_t *cf_pdf_render_in_helper      (GBytes              *bytes,
                                               guint                page,
                                               int                  width,
                                               int                  height,
                                               GCancellable        *cancellable,
                                               GError             **error);
CfPdfLayout     *cf_pdf_layout_in_session     (CfReadSession       *session,
                                               GBytes              *bytes,
                                               const char          *text,
                                               GArray              *pages,
                                               GCancellable        *cancellable,
                                               GError             **error);
cairo_surface_t *cf_pdf_render_in_session     (CfReadSession       *session,
                                               GBytes              *bytes,
                                               guint                page,
                                               int                  width,
                                               int                  height,
                                               GCancellable        *cancellable,
                                               GError             **error);
void             cf_pdf_layout_in_session_async (CfReadSession     *session,
                                               GBytes              *bytes,
                                               const char          *text,
                                               GArray              *pages,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
CfPdfLayout     *cf_pdf_layout_in_session_finish (GAsyncResult     *result,
                                               GError             **error);
void             cf_pdf_render_in_session_async (CfReadSession     *session,
                                               GBytes              *bytes,
                                               guint                page,
                                               int                  width,
                                               int                  height,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
cairo_surface_t *cf_pdf_render_in_session_finish (GAsyncResult     *result,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfLayout, cf_pdf_layout_free)

G_END_DECLS
