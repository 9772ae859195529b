/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"
#include "cf-page-view.h"

G_BEGIN_DECLS

/* The reader's second view of a PDF source (its pages, CfPageView), the Text / Page
 * switch, and the page breaks and numbers in the text view. Owned by the reader. */
typedef struct _CfReaderPages CfReaderPages;

/* Builds the page view and the switch beside @text_view (inside its scrolled
 * window's parent). A click on a highlight emits "claim-activated" on @reader; a
 * selection on the page selects the same characters in @text_view. */
CfReaderPages *_cf_reader_pages_new            (GtkWidget      *reader,
                                                GtkTextView    *text_view);
void           _cf_reader_pages_free           (CfReaderPages  *pages);
/* After the document's text is in the buffer: for a PDF, reads its layout from the
 * original (the page view is offered only when it gives the same text) and marks
 * the page breaks; for anything else, only the text view. */
void           _cf_reader_pages_load           (CfReaderPages  *pages,
                                                CfCase         *kase,
                                                CfDocument     *document);
void           _cf_reader_pages_clear          (CfReaderPages  *pages);
/* @claims: the shown document's claims. */
void           _cf_reader_pages_set_claims     (CfReaderPages  *pages,
                                                GListModel     *claims);
void           _cf_reader_pages_select_claim   (CfReaderPages  *pages,
                                                gint64          claim_id);
/* (transfer none) (nullable) the page view when the shown document has pages. */
CfPageView    *_cf_reader_pages_get_view       (CfReaderPages  *pages);
/* Shows the pages (TRUE) or the text. */
void           _cf_reader_pages_show_pages     (CfReaderPages  *pages,
                                                gboolean        show);

G_END_DECLS
