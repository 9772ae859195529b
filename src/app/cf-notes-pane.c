/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notes on the case, on the shown source and on every claim; "case",
 * "document-id" and "selected-claim" are bound to the window's. */
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
  CfNoteList *claim_notes;

  CfCase     *kase;
  gint64      document_id;
  CfClaim    *selected_claim;
  gboolean    loaded;        /* the lists show kase and document_id */
};

G_DEFINE_FINAL_TYPE (CfNotesPane, cf_notes_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_DOCUMENT_ID,
  PROP_SELECTED_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The lists read their notes when the pane is first shown, not before: a big case
 * has tens of thousands of notes, and the window opens on the sources. Hidden
 * again, the lists keep following the case and the source. */
static void
load_lists (CfNotesPane *self)
{
  CfCase *kase = self->kase;

  self->loaded = TRUE;
  cf_note_list_set_target (self->case_notes, kase, CF_NOTE_TARGET_CASE, 0);
  cf_note_list_set_target (self->document_notes, self->document_id > 0 ? kase : NULL,
                           CF_NOTE_TARGET_DOCUMENT, self->document_id);
  cf_note_list_set_target (self->claim_notes, kase, CF_NOTE_TARGET_CLAIM, 0);
}

static void
update_lists (CfNotesPane *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->kase == NULL)
    load_lists (self);
  else if (self->loaded)
    {
      /* not shown: let go of the old case's notes; read the new ones when shown */
      self->loaded = FALSE;
      cf_note_list_set_target (self->case_notes, NULL, CF_NOTE_TARGET_CASE, 0);
      cf_note_list_set_target (self->document_notes, NULL, CF_NOTE_TARGET_DOCUMENT, 0);
      cf_note_list_set_target (self->claim_notes, NULL, CF_NOTE_TARGET_CLAIM, 0);
    }
}

static void
cf_notes_pane_map (GtkWidget *widget)
{
  CfNotesPane *self = CF_NOTES_PANE (widget);

  if (!self->loaded)
    load_lists (self);
  GTK_WIDGET_CLASS (cf_notes_pane_parent_class)->map (widget);
}

void
cf_notes_pane_set_case (CfNotesPane *self,
                        CfCase      *kase)
{
  g_return_if_fail (CF_IS_NOTES_PANE (self));

  if (self->kase == kase)
    return;

  g_set_object (&self->kase, kase);
  self->document_id = 0;
  self->loaded = FALSE;
  update_lists (self);
  if (g_set_object (&self->selected_claim, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

void
cf_notes_pane_set_document (CfNotesPane *self,
                            gint64       document_id)
{
  g_return_if_fail (CF_IS_NOTES_PANE (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  if (self->loaded)
    cf_note_list_set_target (self->document_notes, document_id > 0 ? self->kase : NULL,
                             CF_NOTE_TARGET_DOCUMENT, document_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

void
cf_notes_pane_add_case_note (CfNotesPane *self)
{
  g_return_if_fail (CF_IS_NOTES_PANE (self));

  if (!self->loaded)
    load_lists (self);
  cf_note_list_add_note (self->case_notes);
}

GtkWidget *
cf_notes_pane_get_claim_notes_list (CfNotesPane *self)
{
  g_return_val_if_fail (CF_IS_NOTES_PANE (self), NULL);

  if (!self->loaded)
    load_lists (self);
  return cf_note_list_get_list_box (self->claim_notes);
}

static void
set_selected_claim (CfNotesPane *self,
                    CfClaim     *claim)
{
  if (g_set_object (&self->selected_claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

static void
claim_note_activated_cb (CfNotesPane *self,
                         gint64       claim_id)
{
  g_autoptr(CfClaim) claim = NULL;

  if (self->kase == NULL)
    return;
  claim = cf_case_get_claim (self->kase, claim_id, NULL);
  if (claim == NULL)
    return;
  /* chosen again after another claim was picked elsewhere: the window follows */
  if (claim == self->selected_claim)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
  set_selected_claim (self, claim);
}

static void
cf_notes_pane_dispose (GObject *object)
{
  CfNotesPane *self = CF_NOTES_PANE (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->selected_claim);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_NOTES_PANE);

  G_OBJECT_CLASS (cf_notes_pane_parent_class)->dispose (object);
}

static void
cf_notes_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CfNotesPane *self = CF_NOTES_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_notes_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CfNotesPane *self = CF_NOTES_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_notes_pane_set_case (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT_ID:
      cf_notes_pane_set_document (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTED_CLAIM:
      set_selected_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_notes_pane_class_init (CfNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_notes_pane_dispose;
  object_class->get_property = cf_notes_pane_get_property;
  object_class->set_property = cf_notes_pane_set_property;
  widget_class->map = cf_notes_pane_map;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The source whose notes show below the case's. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The claim whose note was last clicked, or the window's. */
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_object ("selected-claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->claim_notes = CF_NOTE_LIST (cf_note_list_new (_("Notes on Claims")));
  g_signal_connect_swapped (self->claim_notes, "claim-activated",
                            G_CALLBACK (claim_note_activated_cb), self);
  gtk_box_append (self->content, GTK_WIDGET (self->claim_notes));
}
