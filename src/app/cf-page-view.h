/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-read-pdf.h"

G_BEGIN_DECLS

/* One claim's highlight on the page: characters [start, end) of the text. */
typedef struct
{
  int     start;
  int     end;
  gint64  claim_id;
  GdkRGBA color;
} CfPageHighlight;

#define CF_TYPE_PAGE_VIEW (cf_page_view_get_type ())
G_DECLARE_FINAL_TYPE (CfPageView, cf_page_view, CF, PAGE_VIEW, GtkBox)

/* The pages of a PDF as printed, one at a time, with the claims' highlights drawn
 * where their words are. A click on a highlight emits "claim-activated" (gint64); a
 * drag across the words emits "selection-changed" (int start, int end: the same
 * character offsets as the text). PgUp/PgDn turn pages, Ctrl+plus/minus zoom,
 * Ctrl+0 fits the width. */
CfPageView  *cf_page_view_new               (void);
/* @layout: (transfer none) (nullable): kept until the next call, so the caller
 * keeps it alive as long as it is shown (it comes from the helper process:
 * cf_pdf_layout_in_session). @original: (nullable): the PDF, which the helper
 * renders the pages from. @helper: (nullable): the reader session whose helper
 * read the layout (it keeps the PDF), which then renders the pages; %NULL for one
 * of the view's own. The helper is ended when it has been idle for a while, and
 * at the next call (another document). */
void         cf_page_view_set_layout        (CfPageView             *self,
                                             CfPdfLayout            *layout,
                                             GBytes                 *original,
                                             CfReadSession          *helper);
/* No layout yet: a spinner until cf_page_view_set_layout(). */
void         cf_page_view_set_loading       (CfPageView             *self);
/* The layout is being read or a page rendered. */
gboolean     cf_page_view_is_rendering      (CfPageView             *self);
/* The shown page's image, at the present zoom, is on the canvas. */
gboolean     cf_page_view_page_is_shown     (CfPageView             *self);
/* (nullable) why the shown page could not be rendered. */
const char  *cf_page_view_get_page_error    (CfPageView             *self);
/* @highlights: (element-type CfPageHighlight) (transfer none): copied. */
void         cf_page_view_set_highlights    (CfPageView             *self,
                                             GArray                 *highlights);
/* Outlines the claim's highlight and turns to its page (0: none). */
void         cf_page_view_set_selected_claim (CfPageView            *self,
                                             gint64                  claim_id);
/* Turns to page @page (from 0). */
void         cf_page_view_set_page          (CfPageView             *self,
                                             guint                   page);
guint        cf_page_view_get_page          (CfPageView             *self);
/* Turns to the page holding character @offset. */
void         cf_page_view_show_offset       (CfPageView             *self,
                                             int                     offset);
double       cf_page_view_get_zoom          (CfPageView             *self);
/* For tests: the widget that draws the page, and where character @offset is drawn
 * on it (the middle of its rectangle, in that widget's coordinates). FALSE when the
 * character is not on the shown page. */
GtkWidget   *cf_page_view_get_canvas        (CfPageView             *self);
gboolean     cf_page_view_get_point_for_offset (CfPageView          *self,
                                             int                     offset,
                                             double                 *x,
                                             double                 *y);
/* For tests: what a press at (@x1, @y1) dragged to (@x2, @y2) on the canvas does
 * (the same point twice is a click). */
void         cf_page_view_simulate_drag     (CfPageView             *self,
                                             double                  x1,
                                             double                  y1,
                                             double                  x2,
                                             double                  y2);

G_END_DECLS
