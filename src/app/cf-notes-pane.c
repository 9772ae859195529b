/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-note-list.h"
#include "cf-notes-pane.h"

struct _CfNotesPane
{
  GtkBox      parent_instance;

  GtkBox     *content;
  CfNoteList *case_notes;
  CfNoteList *document_notes;

  CfCase     *kase;
  gint64      document_id;
};

G_DEFINE_FINAL_TYPE (CfNotesPane, cf_notes_pane, GTK_TYPE_BOX)

void
cf_notes_pane_set_case (CfNotesPane *self,
                        CfCase      *kase)
{
  g_return_if_fail (CF_IS_NOTES_PANE (self));

  g_set_object (&self->kase, kase);
  self->document_id = 0;
  cf_note_list_set_target (self->case_notes, kase, CF_NOTE_TARGET_CASE, 0);
  cf_note_list_set_target (self->document_notes, NULL, CF_NOTE_TARGET_DOCUMENT, 0);
}

void
cf_notes_pane_set_document (CfNotesPane *self,
                            gint64       document_id)
{
  g_return_if_fail (CF_IS_NOTES_PANE (self));

  self->document_id = document_id;
  cf_note_list_set_target (self->document_notes, document_id > 0 ? self->kase : NULL,
                           CF_NOTE_TARGET_DOCUMENT, document_id);
}

void
cf_notes_pane_add_case_note (CfNotesPane *self)
{
  g_return_if_fail (CF_IS_NOTES_PANE (self));

  cf_note_list_add_note (self->case_notes);
}

static void
cf_notes_pane_dispose (GObject *object)
{
  CfNotesPane *self = CF_NOTES_PANE (object);

  g_clear_object (&self->kase);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_NOTES_PANE);

  G_OBJECT_CLASS (cf_notes_pane_parent_class)->dispose (object);
}

static void
cf_notes_pane_class_init (CfNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_notes_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CfNotesPane, content);
}

static void
cf_notes_pane_init (CfNotesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->case_notes = CF_NOTE_LIST (cf_note_list_new (_("Case Notes")));
  self->document_notes = CF_NOTE_LIST (cf_note_list_new (_("Notes on This Source")));
  gtk_box_append (self->content, GTK_WIDGET (self->case_notes));
  gtk_box_append (self->content, GTK_WIDGET (self->document_notes));
}
