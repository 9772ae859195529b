/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim against the case's hypotheses: a row per hypothesis, bound to the
 * case's list so rows come and go with the hypotheses, and a drop-down of the ACH
 * scale (not assessed, CC, C, N, I, II, NA, in that order: cf_ach_scale_relation()). Relations are not part of the claim
 * object, so the drop-downs are read again when the case reports a change to the
 * claim or to a hypothesis. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector-relations.h"

struct _CfInspectorRelations
{
  CfInspectorSection  parent_instance;

  GtkListBox         *hypotheses_box;
};

G_DEFINE_FINAL_TYPE (CfInspectorRelations, cf_inspector_relations, CF_TYPE_INSPECTOR_SECTION)

static gint64
dropdown_hypothesis_id (GtkDropDown *dropdown)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (dropdown), "cf-hypothesis-id");
}

/* The relation of the section's claim to a hypothesis; none without a claim. */
static CfRelation
get_relation (CfInspectorRelations *self,
              gint64                hypothesis_id)
{
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));

  if (claim == NULL || kase == NULL)
    return CF_RELATION_NONE;
  return cf_case_get_claim_relation (kase, cf_claim_get_id (claim), hypothesis_id);
}

static void
relation_changed_cb (GtkDropDown          *dropdown,
                     GParamSpec           *pspec,
                     CfInspectorRelations *self)
{
  CfInspectorSection *section = CF_INSPECTOR_SECTION (self);
  CfClaim *claim = cf_inspector_section_get_claim (section);
  g_autoptr(GError) error = NULL;
  gint64 hypothesis_id = dropdown_hypothesis_id (dropdown);
  guint position = gtk_drop_down_get_selected (dropdown);
  CfRelation value;

  if (cf_inspector_section_is_updating (section) || claim == NULL || position >= CF_ACH_SCALE_LENGTH)
    return;

  value = cf_ach_scale_relation (position);
  if (value == get_relation (self, hypothesis_id))
    return;

  if (!cf_case_set_claim_relation (cf_inspector_section_get_case (section), cf_claim_get_id (claim),
                                   hypothesis_id, value, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Relate the Claim"), error);
}

static GtkWidget *
create_hypothesis_row_cb (gpointer item,
                          gpointer user_data)
{
  CfInspectorRelations *self = user_data;
  CfHypothesis *hypothesis = item;
  g_autoptr(GtkStringList) relations = cf_relation_model ();
  GtkWidget *row, *box, *label, *dropdown;
  gint64 *id;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  label = gtk_label_new (cf_hypothesis_get_title (hypothesis));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&relations)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cf_hypothesis_get_title (hypothesis), -1);
  id = g_new (gint64, 1);
  *id = cf_hypothesis_get_id (hypothesis);
  g_object_set_data_full (G_OBJECT (dropdown), "cf-hypothesis-id", id, g_free);
  if (cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self)) != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), cf_ach_scale_position (get_relation (self, *id)));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (relation_changed_cb), self);
  gtk_box_append (GTK_BOX (box), dropdown);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "cf-dropdown", dropdown);

  return row;
}

static void
cf_inspector_relations_refresh (CfInspectorSection *section)
{
  CfInspectorRelations *self = CF_INSPECTOR_RELATIONS (section);

  if (cf_inspector_section_get_claim (section) == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->hypotheses_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "cf-dropdown");

      if (dropdown != NULL)
        gtk_drop_down_set_selected (dropdown, cf_ach_scale_position (get_relation (self, dropdown_hypothesis_id (dropdown))));
    }
}

static void
cf_inspector_relations_case_changed (CfInspectorSection *section)
{
  CfInspectorRelations *self = CF_INSPECTOR_RELATIONS (section);
  CfCase *kase = cf_inspector_section_get_case (section);
  g_autoptr(GListModel) hypotheses = kase != NULL ? cf_case_list_hypotheses (kase) : NULL;

  if (hypotheses != NULL)
    gtk_list_box_bind_model (self->hypotheses_box, hypotheses, create_hypothesis_row_cb, self, NULL);
  else
    gtk_list_box_bind_model (self->hypotheses_box, NULL, NULL, NULL, NULL);
}

static void
cf_inspector_relations_dispose (GObject *object)
{
  CfInspectorRelations *self = CF_INSPECTOR_RELATIONS (object);

  if (self->hypotheses_box != NULL)
    gtk_list_box_bind_model (self->hypotheses_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_INSPECTOR_RELATIONS);

  G_OBJECT_CLASS (cf_inspector_relations_parent_class)->dispose (object);
}

static void
cf_inspector_relations_class_init (CfInspectorRelationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_relations_dispose;
  section_class->record_kinds = 1u << CF_RECORD_HYPOTHESIS;
  section_class->case_changed = cf_inspector_relations_case_changed;
  section_class->refresh = cf_inspector_relations_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector-relations.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspectorRelations, hypotheses_box);
}

static void
cf_inspector_relations_init (CfInspectorRelations *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
