/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_READER (cf_reader_get_type ())
G_DECLARE_FINAL_TYPE (CfReader, cf_reader, CF, READER, GtkBox)

/* Shows one document's text with its claims highlighted. Properties: "case",
 * "document-id" (the shown document), "selected-claim" and "has-selection".
 * Emits "claim-activated" (gint64 claim id) when the user clicks inside a
 * highlight or presses Enter in one; its default handler selects that claim. */
void         cf_reader_set_case         (CfReader  *self,
                                         CfCase    *kase);
CfCase      *cf_reader_get_case         (CfReader  *self);
void         cf_reader_show_document    (CfReader  *self,
                                         gint64     document_id);
gint64       cf_reader_get_document_id  (CfReader  *self);
/* Shows the claim's document, selects its span and scrolls to it ("selected-claim").
 * Selecting the selected claim again shows it again if another document is shown. */
void         cf_reader_select_claim     (CfReader  *self,
                                         CfClaim   *claim);
/* (transfer none) (nullable) */
CfClaim     *cf_reader_get_selected_claim (CfReader *self);
/* Shows the document and selects the characters [start, end). */
void         cf_reader_select_range     (CfReader  *self,
                                         gint64     document_id,
                                         int        start,
                                         int        end);
/* The selected characters of the shown document; FALSE when nothing is selected. */
gboolean     cf_reader_get_selection    (CfReader  *self,
                                         gint64    *document_id,
                                         int       *start,
                                         int       *end);
/* The selection without the white space at either end: what a claim would quote.
 * FALSE when no words are selected. */
gboolean     cf_reader_get_selected_words (CfReader *self,
                                           gint64   *document_id,
                                           int      *start,
                                           int      *end);
gboolean     cf_reader_get_has_selection (CfReader *self);
/* The claim whose highlight covers the character @offset (the shortest), or 0. */
gint64       cf_reader_claim_at_offset  (CfReader  *self,
                                         int        offset);
guint        cf_reader_get_n_highlights (CfReader  *self);
/* For tests: the view the user reads and selects in. */
GtkTextView *cf_reader_get_text_view    (CfReader  *self);
/* Re-applies the highlights now instead of at the next idle. */
void         cf_reader_flush            (CfReader  *self);

G_END_DECLS
