/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim inspector: the claim's source and quote above its sections (paraphrase,
 * actor and ratings, tags, relations to the hypotheses) and its notes. Each section
 * is a CfInspectorSection bound to the inspector's "case" and "claim" in the
 * template; the inspector itself only switches between "no claim" and the claim,
 * lets go of a claim that is deleted, and points the notes at the claim. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector.h"
#include "cf-inspector-paraphrase.h"
#include "cf-inspector-relations.h"
#include "cf-inspector-tags.h"
#include "cf-note-list.h"

struct _CfInspector
{
  GtkBox                 parent_instance;

  GtkStack              *stack;
  GtkLabel              *source_label;
  GtkLabel              *quote_label;
  CfInspectorSection    *paraphrase;
  CfInspectorRatings    *ratings;
  CfInspectorTags       *tags;
  CfInspectorRelations  *relations;
  CfNoteList            *notes;

  CfCase                *kase;
  CfClaim               *claim;
  GSignalGroup          *case_signals;
  GBindingGroup         *claim_bindings;
};

G_DEFINE_FINAL_TYPE (CfInspector, cf_inspector, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CASE,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
document_title_to_source (GBinding     *binding,
                          const GValue *from,
                          GValue       *to,
                          gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  g_value_take_string (to, g_strdup_printf (_("in %s"), title != NULL ? title : _("Untitled Source")));
  return TRUE;
}

static void
record_changed_cb (CfCase       *kase,
                   CfRecordKind  kind,
                   gint64        id,
                   CfChange      change,
                   CfInspector  *self)
{
  if (self->claim != NULL && kind == CF_RECORD_CLAIM && change == CF_CHANGE_DELETED &&
      id == cf_claim_get_id (self->claim))
    cf_inspector_set_claim (self, NULL);
}

void
cf_inspector_set_claim (CfInspector *self,
                        CfClaim     *claim)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));
  g_return_if_fail (claim == NULL || CF_IS_CLAIM (claim));

  if (self->claim == claim)
    return;

  /* The sections follow through the "claim" bindings, each saving first what was
   * typed for the previous claim. */
  g_set_object (&self->claim, claim);
  g_binding_group_set_source (self->claim_bindings, claim);
  if (claim != NULL)
    cf_note_list_set_target (self->notes, self->kase, CF_NOTE_TARGET_CLAIM, cf_claim_get_id (claim));
  else
    cf_note_list_set_target (self->notes, NULL, CF_NOTE_TARGET_CLAIM, 0);
  gtk_stack_set_visible_child_name (self->stack, claim != NULL ? "claim" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM]);
}

CfClaim *
cf_inspector_get_claim (CfInspector *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return self->claim;
}

void
cf_inspector_set_case (CfInspector *self,
                       CfCase      *kase)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));
  g_return_if_fail (kase == NULL || CF_IS_CASE (kase));

  if (self->kase == kase)
    return;

  cf_inspector_set_claim (self, NULL);
  g_set_object (&self->kase, kase);
  g_signal_group_set_target (self->case_signals, kase);
  if (kase != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self), !cf_case_get_read_only (kase));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

CfCase *
cf_inspector_get_case (CfInspector *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return self->kase;
}

void
cf_inspector_commit (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_section_commit (self->paraphrase);
  cf_inspector_section_commit (CF_INSPECTOR_SECTION (self->ratings));
}

void
cf_inspector_focus_rating (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_ratings_focus (self->ratings);
}

void
cf_inspector_popup_tags (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_tags_popup (self->tags);
}

GtkDropDown *
cf_inspector_get_dropdown (CfInspector       *self,
                           CfInspectorRating  rating)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return cf_inspector_ratings_get_dropdown (self->ratings, rating);
}

static void
delete_claim_clicked_cb (CfInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (self->claim != NULL &&
      !cf_case_delete_claim (self->kase, cf_claim_get_id (self->claim), &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Claim"), error);
}

static void
cf_inspector_dispose (GObject *object)
{
  CfInspector *self = CF_INSPECTOR (object);

  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  if (self->claim_bindings != NULL)
    g_binding_group_set_source (self->claim_bindings, NULL);
  g_clear_object (&self->case_signals);
  g_clear_object (&self->claim_bindings);
  g_clear_object (&self->claim);
  g_clear_object (&self->kase);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_INSPECTOR);

  G_OBJECT_CLASS (cf_inspector_parent_class)->dispose (object);
}

static void
cf_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CfInspector *self = CF_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CfInspector *self = CF_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_inspector_set_case (self, g_value_get_object (value));
      break;

    case PROP_CLAIM:
      cf_inspector_set_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_inspector_class_init (CfInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_inspector_dispose;
  object_class->get_property = cf_inspector_get_property;
  object_class->set_property = cf_inspector_set_property;

  /**
   * CfInspector:case: (nullable)
   *
   * The open case; the claim's edits go to it.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CfInspector:claim: (nullable)
   *
   * The claim shown and edited; %NULL shows "No Claim Selected".
   */
  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CF_TYPE_INSPECTOR_PARAPHRASE);
  g_type_ensure (CF_TYPE_INSPECTOR_RATINGS);
  g_type_ensure (CF_TYPE_INSPECTOR_TAGS);
  g_type_ensure (CF_TYPE_INSPECTOR_RELATIONS);
  g_type_ensure (CF_TYPE_NOTE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, source_label);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, paraphrase);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, ratings);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, tags);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, relations);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, notes);
  gtk_widget_class_bind_template_callback (widget_class, delete_claim_clicked_cb);
}

static void
cf_inspector_init (CfInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cf_note_list_set_heading (self->notes, _("Notes on This Claim"));

  self->case_signals = g_signal_group_new (CF_TYPE_CASE);
  g_signal_group_connect (self->case_signals, "record-changed", G_CALLBACK (record_changed_cb), self);

  self->claim_bindings = g_binding_group_new ();
  g_binding_group_bind (self->claim_bindings, "quote", self->quote_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->claim_bindings, "document-title", self->source_label, "label",
                             G_BINDING_SYNC_CREATE, document_title_to_source, NULL, NULL, NULL);
  g_binding_group_bind_full (self->claim_bindings, "document-title", self->source_label, "tooltip-text",
                             G_BINDING_SYNC_CREATE, document_title_to_source, NULL, NULL, NULL);
}
