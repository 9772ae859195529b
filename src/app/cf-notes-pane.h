/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_NOTES_PANE (cf_notes_pane_get_type ())
G_DECLARE_FINAL_TYPE (CfNotesPane, cf_notes_pane, CF, NOTES_PANE, GtkBox)

/* The case's notes, the notes on the current document and the notes on every
 * claim; clicking a claim's note makes it the "selected-claim" (bound to the
 * window's). */
void cf_notes_pane_set_case     (CfNotesPane *self,
                                 CfCase      *kase);
void cf_notes_pane_set_document (CfNotesPane *self,
                                 gint64       document_id);
/* Opens the dialog for a new case note. */
void cf_notes_pane_add_case_note (CfNotesPane *self);
/* The GtkListBox of the notes on claims (for tests). */
GtkWidget *cf_notes_pane_get_claim_notes_list (CfNotesPane *self);

G_END_DECLS
