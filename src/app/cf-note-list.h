/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_NOTE_LIST (cf_note_list_get_type ())
G_DECLARE_FINAL_TYPE (CfNoteList, cf_note_list, CF, NOTE_LIST, GtkBox)

/* The notes on one case, document or claim, with add, edit and delete; with
 * %CF_NOTE_TARGET_CLAIM and target 0, the notes on every claim, each under its
 * claim's quote, a click on one emitting "claim-activated" (the claim's id). */
GtkWidget *cf_note_list_new        (const char   *heading);
/* @kase NULL empties the list and makes it insensitive. */
void       cf_note_list_set_target (CfNoteList   *self,
                                    CfCase       *kase,
                                    CfNoteTarget  target,
                                    gint64        target_id);
void       cf_note_list_set_heading (CfNoteList  *self,
                                     const char  *heading);
/* Opens the dialog for a new note. */
void       cf_note_list_add_note   (CfNoteList   *self);
GListModel *cf_note_list_get_model (CfNoteList   *self);
/* The GtkListBox of the notes (for tests). */
GtkWidget  *cf_note_list_get_list_box (CfNoteList *self);

G_END_DECLS
