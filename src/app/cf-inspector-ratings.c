/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim's actor and its four ratings: source reliability, information
 * credibility, likelihood and analytic confidence. The actor shares the ratings'
 * grid so that all labels line up. The drop-downs and the actor follow the claim
 * through bindings; a chosen rating is saved at once, the actor on Enter or when
 * the entry loses the focus, and what is being typed is never overwritten. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector-ratings.h"

#define N_RATINGS 4

struct _CfInspectorRatings
{
  CfInspectorSection  parent_instance;

  GtkEntry           *actor_entry;
  GtkDropDown        *dropdowns[N_RATINGS];

  GtkListStore       *actor_store;
  GBindingGroup      *bindings;
};

G_DEFINE_FINAL_TYPE (CfInspectorRatings, cf_inspector_ratings, CF_TYPE_INSPECTOR_SECTION)

static const struct
{
  const char     *widget;    /* id in the template */
  const char     *property;  /* of CfClaim */
  GtkStringList *(*model) (void);
} ratings[N_RATINGS] = {
  [CF_INSPECTOR_RELIABILITY] = { "reliability_dropdown", "reliability", cf_reliability_model },
  [CF_INSPECTOR_CREDIBILITY] = { "credibility_dropdown", "credibility", cf_credibility_model },
  [CF_INSPECTOR_LIKELIHOOD]  = { "likelihood_dropdown",  "likelihood",  cf_likelihood_model },
  [CF_INSPECTOR_CONFIDENCE]  = { "confidence_dropdown",  "confidence",  cf_confidence_model },
};

static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* --- actor ------------------------------------------------------------------------ */

static void
commit_actor (CfInspectorRatings *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (claim == NULL || kase == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_entry))));
  if (g_strcmp0 (name, cf_claim_get_actor_name (claim) ?: "") == 0)
    return;

  if (!cf_case_set_claim_actor_name (kase, cf_claim_get_id (claim), name, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Set the Actor"), error);
}

static void
actor_activate_cb (CfInspectorRatings *self)
{
  commit_actor (self);
}

static void
actor_focus_leave_cb (CfInspectorRatings *self)
{
  commit_actor (self);
}

static void
refresh_actor_completion (CfInspectorRatings *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GListModel) actors = NULL;
  guint n;

  gtk_list_store_clear (self->actor_store);
  if (kase == NULL)
    return;

  actors = cf_case_list_actors (kase);
  n = g_list_model_get_n_items (actors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfActor) actor = g_list_model_get_item (actors, i);
      GtkTreeIter iter;

      gtk_list_store_insert_with_values (self->actor_store, &iter, -1,
                                         0, cf_actor_get_name (actor), -1);
    }
}

static void
actor_focus_enter_cb (CfInspectorRatings *self)
{
  refresh_actor_completion (self);
}

/* Never overwrites what the user is typing. */
static gboolean
actor_name_to_text (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  CfInspectorRatings *self = user_data;

  if (contains_focus (GTK_WIDGET (self->actor_entry)))
    return FALSE;

  g_value_set_string (to, g_value_get_string (from) ?: "");
  return TRUE;
}

/* --- ratings ---------------------------------------------------------------------- */

static gboolean
set_rating (CfCase             *kase,
            gint64              claim_id,
            CfInspectorRating   rating,
            guint               value,
            GError            **error)
{
  switch (rating)
    {
    case CF_INSPECTOR_RELIABILITY: return cf_case_set_claim_reliability (kase, claim_id, value, error);
    case CF_INSPECTOR_CREDIBILITY: return cf_case_set_claim_credibility (kase, claim_id, value, error);
    case CF_INSPECTOR_LIKELIHOOD:  return cf_case_set_claim_likelihood (kase, claim_id, value, error);
    case CF_INSPECTOR_CONFIDENCE:  return cf_case_set_claim_confidence (kase, claim_id, value, error);
    default: g_assert_not_reached ();
    }
}

static void
rating_changed_cb (GtkDropDown        *dropdown,
                   GParamSpec         *pspec,
                   CfInspectorRatings *self)
{
  CfInspectorSection *section = CF_INSPECTOR_SECTION (self);
  CfClaim *claim = cf_inspector_section_get_claim (section);
  g_autoptr(GError) error = NULL;
  guint value = gtk_drop_down_get_selected (dropdown);
  CfInspectorRating rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "cf-rating"));
  int current;

  if (cf_inspector_section_is_updating (section) || claim == NULL || value == GTK_INVALID_LIST_POSITION)
    return;

  g_object_get (claim, ratings[rating].property, &current, NULL);
  if (value == (guint) current)
    return;

  if (!set_rating (cf_inspector_section_get_case (section), cf_claim_get_id (claim), rating, value, &error))
    {
      cf_show_error (GTK_WIDGET (self), _("Could Not Rate the Claim"), error);
      gtk_drop_down_set_selected (dropdown, current);
    }
}

/* --- the claim -------------------------------------------------------------------- */

static void
cf_inspector_ratings_claim_changed (CfInspectorSection *section)
{
  CfInspectorRatings *self = CF_INSPECTOR_RATINGS (section);
  CfClaim *claim = cf_inspector_section_get_claim (section);

  g_binding_group_set_source (self->bindings, claim);
  /* The entry may still hold the previous claim's actor, even with the focus. */
  if (claim != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), cf_claim_get_actor_name (claim) ?: "");
}

/* The actors are read when the actor field takes the focus (each with its claims
 * counted: a long read on a big case, not one to make before the window shows). */
static void
cf_inspector_ratings_case_changed (CfInspectorSection *section)
{
  gtk_list_store_clear (CF_INSPECTOR_RATINGS (section)->actor_store);
}

static void
cf_inspector_ratings_commit (CfInspectorSection *section)
{
  commit_actor (CF_INSPECTOR_RATINGS (section));
}

void
cf_inspector_ratings_focus (CfInspectorRatings *self)
{
  g_return_if_fail (CF_IS_INSPECTOR_RATINGS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->dropdowns[CF_INSPECTOR_RELIABILITY]));
}

GtkDropDown *
cf_inspector_ratings_get_dropdown (CfInspectorRatings *self,
                                   CfInspectorRating   rating)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_RATINGS (self), NULL);
  g_return_val_if_fail (rating < N_RATINGS, NULL);

  return self->dropdowns[rating];
}

static void
cf_inspector_ratings_dispose (GObject *object)
{
  CfInspectorRatings *self = CF_INSPECTOR_RATINGS (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->actor_store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_INSPECTOR_RATINGS);

  G_OBJECT_CLASS (cf_inspector_ratings_parent_class)->dispose (object);
}

static void
cf_inspector_ratings_class_init (CfInspectorRatingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_ratings_dispose;
  section_class->claim_changed = cf_inspector_ratings_claim_changed;
  section_class->case_changed = cf_inspector_ratings_case_changed;
  section_class->commit = cf_inspector_ratings_commit;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector-ratings.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspectorRatings, actor_entry);
  for (guint i = 0; i < N_RATINGS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, ratings[i].widget, FALSE,
                                               G_STRUCT_OFFSET (CfInspectorRatings, dropdowns)
                                               + i * sizeof (GtkDropDown *));
  gtk_widget_class_bind_template_callback (widget_class, actor_activate_cb);
}

static void
cf_inspector_ratings_init (CfInspectorRatings *self)
{
  GtkEventController *focus;
  GtkEntryCompletion *completion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  for (guint i = 0; i < N_RATINGS; i++)
    {
      g_autoptr(GtkStringList) model = ratings[i].model ();

      gtk_drop_down_set_model (self->dropdowns[i], G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (self->dropdowns[i]), "cf-rating", GUINT_TO_POINTER (i));
      g_signal_connect (self->dropdowns[i], "notify::selected", G_CALLBACK (rating_changed_cb), self);
      g_binding_group_bind (self->bindings, ratings[i].property, self->dropdowns[i], "selected",
                            G_BINDING_SYNC_CREATE);
    }
  g_binding_group_bind_full (self->bindings, "actor-name", self->actor_entry, "text",
                             G_BINDING_SYNC_CREATE, actor_name_to_text, NULL, self, NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (actor_focus_leave_cb), self);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (actor_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->actor_entry), focus);

  self->actor_store = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->actor_store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->actor_entry, completion);
  g_object_unref (completion);
}
