/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_READER (cf_reader_get_type ())
G_DECLARE_FINAL_TYPE (CfReader, cf_reader, CF, READER, GtkBox)

/* Shows one document's text with its claims highlighted. Emits "claim-activated"
 * (gint64 claim id) when the user clicks inside a highlight or presses Enter in one. */
void         cf_reader_set_case         (CfReader  *self,
                                         CfCase    *kase);
void         cf_reader_show_document    (CfReader  *self,
                                         gint64     document_id);
gint64       cf_reader_get_document_id  (CfReader  *self);
/* Shows the claim's document, selects its span and scrolls to it. */
void         cf_reader_select_claim     (CfReader  *self,
                                         CfClaim   *claim);
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
/* The claim whose highlight covers the character @offset (the shortest), or 0. */
gint64       cf_reader_claim_at_offset  (CfReader  *self,
                                         int        offset);
guint        cf_reader_get_n_highlights (CfReader  *self);
GtkTextView *cf_reader_get_text_view    (CfReader  *self);
/* Re-applies the highlights now instead of at the next idle. */
void         cf_reader_flush            (CfReader  *self);

G_END_DECLS
