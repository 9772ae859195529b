/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector.h"
#include "cf-note-list.h"

/* How long typing in the paraphrase may pause before it is saved. */
#define PARAPHRASE_COMMIT_DELAY_MS 1200

struct _CfInspector
{
  GtkBox              parent_instance;

  GtkStack           *stack;
  GtkLabel           *source_label;
  GtkLabel           *quote_label;
  GtkTextView        *paraphrase_view;
  GtkEntry           *actor_entry;
  GtkDropDown        *reliability_dropdown;
  GtkDropDown        *credibility_dropdown;
  GtkDropDown        *likelihood_dropdown;
  GtkDropDown        *confidence_dropdown;
  GtkFlowBox         *tags_box;
  GtkMenuButton      *add_tag_button;
  GtkListBox         *hypotheses_box;
  GtkBox             *notes_slot;
  CfNoteList         *notes;

  GtkPopover         *tag_popover;
  GtkSearchEntry     *tag_search;
  GtkListBox         *tag_list;
  GtkButton          *create_tag_button;
  GtkListStore       *actor_store;
  GtkCustomFilter    *tag_filter;
  GtkFilterListModel *filtered_tags;

  CfCase             *kase;
  gulong              changed_id;
  GListModel         *tags;
  GListModel         *hypotheses;
  CfClaim            *claim;
  gulong              notify_id;
  guint               updating;
  gboolean            paraphrase_dirty;
  guint               paraphrase_timeout_id;
  guint               refresh_id;
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

static void update_fields (CfInspector *self);

static void
report (CfInspector  *self,
        const char   *heading,
        const GError *error)
{
  cf_show_error (GTK_WIDGET (self), heading, error);
}

/* --- paraphrase and actor --------------------------------------------------------- */

static void
commit_paraphrase (CfInspector *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_clear_handle_id (&self->paraphrase_timeout_id, g_source_remove);
  if (!self->paraphrase_dirty || self->claim == NULL || self->kase == NULL)
    return;
  self->paraphrase_dirty = FALSE;

  buffer = gtk_text_view_get_buffer (self->paraphrase_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (g_strcmp0 (text, cf_claim_get_paraphrase (self->claim) ?: "") == 0)
    return;

  if (!cf_case_set_claim_paraphrase (self->kase, cf_claim_get_id (self->claim),
                                     *text != '\0' ? text : NULL, &error))
    report (self, _("Could Not Save the Paraphrase"), error);
}

static gboolean
paraphrase_timeout_cb (gpointer data)
{
  CfInspector *self = data;

  self->paraphrase_timeout_id = 0;
  commit_paraphrase (self);
  return G_SOURCE_REMOVE;
}

static void
paraphrase_changed_cb (GtkTextBuffer *buffer,
                       CfInspector   *self)
{
  if (self->updating)
    return;

  self->paraphrase_dirty = TRUE;
  g_clear_handle_id (&self->paraphrase_timeout_id, g_source_remove);
  self->paraphrase_timeout_id = g_timeout_add (PARAPHRASE_COMMIT_DELAY_MS, paraphrase_timeout_cb, self);
}

static void
commit_actor (CfInspector *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->claim == NULL || self->kase == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_entry))));
  if (g_strcmp0 (name, cf_claim_get_actor_name (self->claim) ?: "") == 0)
    return;

  if (!cf_case_set_claim_actor_name (self->kase, cf_claim_get_id (self->claim), name, &error))
    report (self, _("Could Not Set the Actor"), error);
}

void
cf_inspector_commit (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  commit_paraphrase (self);
  commit_actor (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                CfInspector             *self)
{
  cf_inspector_commit (self);
}

static void
actor_activate_cb (CfInspector *self)
{
  commit_actor (self);
}

static void
refresh_actor_completion (CfInspector *self)
{
  g_autoptr(GListModel) actors = NULL;
  guint n;

  gtk_list_store_clear (self->actor_store);
  if (self->kase == NULL)
    return;

  actors = cf_case_list_actors (self->kase);
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
actor_focus_enter_cb (GtkEventControllerFocus *controller,
                      CfInspector             *self)
{
  refresh_actor_completion (self);
}

/* --- ratings ------------------------------------------------------------------------ */

static void
rating_changed_cb (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   CfInspector *self)
{
  g_autoptr(GError) error = NULL;
  guint value = gtk_drop_down_get_selected (dropdown);
  gint64 id;
  gboolean ok = TRUE;

  if (self->updating || self->claim == NULL || value == GTK_INVALID_LIST_POSITION)
    return;

  id = cf_claim_get_id (self->claim);
  if (dropdown == self->reliability_dropdown && value != cf_claim_get_reliability (self->claim))
    ok = cf_case_set_claim_reliability (self->kase, id, value, &error);
  else if (dropdown == self->credibility_dropdown && value != cf_claim_get_credibility (self->claim))
    ok = cf_case_set_claim_credibility (self->kase, id, value, &error);
  else if (dropdown == self->likelihood_dropdown && value != cf_claim_get_likelihood (self->claim))
    ok = cf_case_set_claim_likelihood (self->kase, id, value, &error);
  else if (dropdown == self->confidence_dropdown && value != cf_claim_get_confidence (self->claim))
    ok = cf_case_set_claim_confidence (self->kase, id, value, &error);

  if (!ok)
    {
      report (self, _("Could Not Rate the Claim"), error);
      update_fields (self);
    }
}

/* --- tags --------------------------------------------------------------------------- */

static void
remove_tag_clicked_cb (GtkButton   *button,
                       CfInspector *self)
{
  g_autoptr(GError) error = NULL;
  gint64 tag_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "cf-tag-id");

  if (self->claim != NULL &&
      !cf_case_remove_claim_tag (self->kase, cf_claim_get_id (self->claim), tag_id, &error))
    report (self, _("Could Not Remove the Tag"), error);
}

static GtkWidget *
create_chip (CfInspector *self,
             CfTag       *tag)
{
  GtkWidget *chip, *dot, *label, *remove;
  g_autofree char *dot_markup = NULL;
  g_autofree char *remove_label = NULL;
  gint64 *id;

  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "tag-chip");

  dot = gtk_label_new (NULL);
  dot_markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", cf_tag_get_color (tag) ?: "#888888");
  gtk_label_set_markup (GTK_LABEL (dot), dot_markup);
  gtk_box_append (GTK_BOX (chip), dot);

  label = gtk_label_new (cf_tag_get_path (tag));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_box_append (GTK_BOX (chip), label);

  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  remove_label = g_strdup_printf (_("Remove tag “%s”"), cf_tag_get_path (tag));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  id = g_new (gint64, 1);
  *id = cf_tag_get_id (tag);
  g_object_set_data_full (G_OBJECT (remove), "cf-tag-id", id, g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_tag_clicked_cb), self);
  gtk_box_append (GTK_BOX (chip), remove);

  return chip;
}

static void
update_tags (CfInspector *self)
{
  const gint64 *ids;
  guint n_ids = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  if (self->claim == NULL)
    return;

  ids = cf_claim_get_tag_ids (self->claim, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(CfTag) tag = cf_case_get_tag (self->kase, ids[i], NULL);

      if (tag != NULL)
        gtk_flow_box_append (self->tags_box, create_chip (self, tag));
    }
}

static void
add_tag (CfInspector *self,
         gint64       tag_id)
{
  g_autoptr(GError) error = NULL;

  if (self->claim == NULL)
    return;

  if (!cf_case_add_claim_tag (self->kase, cf_claim_get_id (self->claim), tag_id, &error))
    report (self, _("Could Not Tag the Claim"), error);
}

static void
create_and_add_tag (CfInspector *self,
                    const char  *name)
{
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  if (self->claim == NULL || name == NULL || *name == '\0')
    return;

  tag_id = cf_case_find_tag (self->kase, name);
  if (tag_id > 0)
    {
      add_tag (self, tag_id);
      return;
    }

  cf_case_begin_action (self->kase, _("Tag claim"));
  tag_id = cf_case_add_tag (self->kase, name, 0, NULL, &error);
  if (tag_id <= 0 ||
      !cf_case_add_claim_tag (self->kase, cf_claim_get_id (self->claim), tag_id, &error))
    {
      cf_case_cancel_action (self->kase);
      report (self, _("Could Not Create the Tag"), error);
      return;
    }
  if (!cf_case_end_action (self->kase, &error))
    report (self, _("Could Not Create the Tag"), error);
}

static GtkWidget *
create_tag_row_cb (gpointer item,
                   gpointer user_data)
{
  CfTag *tag = item;
  GtkWidget *row, *box, *dot, *label;
  g_autofree char *dot_markup = NULL;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 6 + 12 * cf_tag_get_depth (tag));
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  dot = gtk_label_new (NULL);
  dot_markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", cf_tag_get_color (tag) ?: "#888888");
  gtk_label_set_markup (GTK_LABEL (dot), dot_markup);
  label = gtk_label_new (cf_tag_get_name (tag));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cf-tag", g_object_ref (tag), g_object_unref);

  return row;
}

static gboolean
tag_filter_cb (gpointer item,
               gpointer user_data)
{
  CfInspector *self = user_data;
  CfTag *tag = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_search));
  g_autofree char *needle = NULL;
  g_autofree char *hay = NULL;

  if (*text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  hay = g_utf8_casefold (cf_tag_get_path (tag), -1);
  return strstr (hay, needle) != NULL;
}

static void
tag_search_changed_cb (CfInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_search));
  g_autofree char *label = NULL;

  gtk_filter_changed (GTK_FILTER (self->tag_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->create_tag_button),
                          *text != '\0' && cf_case_find_tag (self->kase, text) == 0);
  label = g_strdup_printf (_("Create Tag “%s”"), text);
  gtk_button_set_label (self->create_tag_button, label);
}

static void
tag_search_activate_cb (CfInspector *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_search))));

  gtk_popover_popdown (self->tag_popover);
  create_and_add_tag (self, text);
}

static void
create_tag_clicked_cb (CfInspector *self)
{
  tag_search_activate_cb (self);
}

static void
tag_row_activated_cb (GtkListBox    *list_box,
                      GtkListBoxRow *row,
                      CfInspector   *self)
{
  CfTag *tag = g_object_get_data (G_OBJECT (row), "cf-tag");

  gtk_popover_popdown (self->tag_popover);
  add_tag (self, cf_tag_get_id (tag));
}

static void
tag_popover_show_cb (CfInspector *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->tag_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_search));
}

static void
build_tag_popover (CfInspector *self)
{
  GtkWidget *box, *scroller;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->tag_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->tag_search, "placeholder-text", _("Find or create a tag"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find or create a tag"), -1);
  g_signal_connect_swapped (self->tag_search, "search-changed", G_CALLBACK (tag_search_changed_cb), self);
  g_signal_connect_swapped (self->tag_search, "activate", G_CALLBACK (tag_search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tag_search));

  self->tag_list = GTK_LIST_BOX (gtk_list_box_new ());
  self->tag_filter = gtk_custom_filter_new (tag_filter_cb, self, NULL);
  g_signal_connect (self->tag_list, "row-activated", G_CALLBACK (tag_row_activated_cb), self);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->tag_list));
  gtk_box_append (GTK_BOX (box), scroller);

  self->create_tag_button = GTK_BUTTON (gtk_button_new_with_label (""));
  gtk_widget_set_visible (GTK_WIDGET (self->create_tag_button), FALSE);
  g_signal_connect_swapped (self->create_tag_button, "clicked", G_CALLBACK (create_tag_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->create_tag_button));

  {
    GtkWidget *manage = gtk_button_new_with_mnemonic (_("_Manage Tags…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (manage), "win.manage-tags");
    gtk_widget_add_css_class (manage, "flat");
    gtk_box_append (GTK_BOX (box), manage);
  }

  self->tag_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->tag_popover), 260, -1);
  gtk_popover_set_child (self->tag_popover, box);
  g_signal_connect_swapped (self->tag_popover, "show", G_CALLBACK (tag_popover_show_cb), self);
  gtk_menu_button_set_popover (self->add_tag_button, GTK_WIDGET (self->tag_popover));
}

/* --- hypotheses ------------------------------------------------------------------- */

static void
relation_changed_cb (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     CfInspector *self)
{
  g_autoptr(GError) error = NULL;
  gint64 hypothesis_id = *(gint64 *) g_object_get_data (G_OBJECT (dropdown), "cf-hypothesis-id");
  guint value = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->claim == NULL || value == GTK_INVALID_LIST_POSITION)
    return;

  if (value == cf_case_get_claim_relation (self->kase, cf_claim_get_id (self->claim), hypothesis_id))
    return;

  if (!cf_case_set_claim_relation (self->kase, cf_claim_get_id (self->claim), hypothesis_id,
                                   value, &error))
    report (self, _("Could Not Relate the Claim"), error);
}

static GtkWidget *
create_hypothesis_row_cb (gpointer item,
                          gpointer user_data)
{
  CfInspector *self = user_data;
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
  if (self->claim != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                cf_case_get_claim_relation (self->kase, cf_claim_get_id (self->claim), *id));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (relation_changed_cb), self);
  gtk_box_append (GTK_BOX (box), dropdown);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "cf-dropdown", dropdown);

  return row;
}

static void
update_relations (CfInspector *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->hypotheses_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "cf-dropdown");
      gint64 *id;

      if (dropdown == NULL || self->claim == NULL)
        continue;
      id = g_object_get_data (G_OBJECT (dropdown), "cf-hypothesis-id");
      gtk_drop_down_set_selected (dropdown,
                                  cf_case_get_claim_relation (self->kase, cf_claim_get_id (self->claim), *id));
    }
}

/* --- the claim ------------------------------------------------------------------------ */

static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
update_fields (CfInspector *self)
{
  g_autofree char *source = NULL;

  if (self->claim == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating++;

  gtk_stack_set_visible_child_name (self->stack, "claim");
  source = g_strdup_printf (_("in %s"), cf_claim_get_document_title (self->claim) ?: _("Untitled Source"));
  gtk_label_set_label (self->source_label, source);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_label), source);
  gtk_label_set_label (self->quote_label, cf_claim_get_quote (self->claim));

  if (!self->paraphrase_dirty)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paraphrase_view);
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (current, cf_claim_get_paraphrase (self->claim) ?: "") != 0)
        gtk_text_buffer_set_text (buffer, cf_claim_get_paraphrase (self->claim) ?: "", -1);
    }

  /* Never overwrite what the user is typing. */
  if (!contains_focus (GTK_WIDGET (self->actor_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), cf_claim_get_actor_name (self->claim) ?: "");

  gtk_drop_down_set_selected (self->reliability_dropdown, cf_claim_get_reliability (self->claim));
  gtk_drop_down_set_selected (self->credibility_dropdown, cf_claim_get_credibility (self->claim));
  gtk_drop_down_set_selected (self->likelihood_dropdown, cf_claim_get_likelihood (self->claim));
  gtk_drop_down_set_selected (self->confidence_dropdown, cf_claim_get_confidence (self->claim));

  update_tags (self);
  update_relations (self);

  self->updating--;
}

static void
claim_notify_cb (CfClaim     *claim,
                 GParamSpec  *pspec,
                 CfInspector *self)
{
  update_fields (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CfInspector *self = data;

  self->refresh_id = 0;
  update_fields (self);
  return G_SOURCE_REMOVE;
}

static void
record_changed_cb (CfCase       *kase,
                   CfRecordKind  kind,
                   gint64        id,
                   CfChange      change,
                   CfInspector  *self)
{
  if (self->claim == NULL)
    return;

  if (kind == CF_RECORD_CLAIM && id == cf_claim_get_id (self->claim) && change == CF_CHANGE_DELETED)
    {
      cf_inspector_set_claim (self, NULL);
      return;
    }

  /* Relations and tag colours live outside the claim object. */
  if ((kind == CF_RECORD_CLAIM && id == cf_claim_get_id (self->claim)) ||
      kind == CF_RECORD_TAG || kind == CF_RECORD_HYPOTHESIS)
    {
      if (self->refresh_id == 0)
        self->refresh_id = g_idle_add (refresh_idle_cb, self);
    }
}

void
cf_inspector_set_claim (CfInspector *self,
                        CfClaim     *claim)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));
  g_return_if_fail (claim == NULL || CF_IS_CLAIM (claim));

  if (self->claim == claim)
    return;

  /* What was typed belongs to the claim it was typed for. */
  cf_inspector_commit (self);

  if (self->claim != NULL)
    g_clear_signal_handler (&self->notify_id, self->claim);
  g_set_object (&self->claim, claim);
  self->paraphrase_dirty = FALSE;

  if (claim != NULL)
    {
      self->notify_id = g_signal_connect (claim, "notify", G_CALLBACK (claim_notify_cb), self);
      /* Force the actor text: the entry may hold the previous claim's actor. */
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), cf_claim_get_actor_name (claim) ?: "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->paraphrase_view),
                                cf_claim_get_paraphrase (claim) ?: "", -1);
      self->updating--;
      cf_note_list_set_target (self->notes, self->kase, CF_NOTE_TARGET_CLAIM, cf_claim_get_id (claim));
    }
  else
    cf_note_list_set_target (self->notes, NULL, CF_NOTE_TARGET_CLAIM, 0);

  update_fields (self);
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

  if (self->kase == kase)
    return;

  cf_inspector_set_claim (self, NULL);
  if (self->kase != NULL)
    g_clear_signal_handler (&self->changed_id, self->kase);
  gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->hypotheses_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered_tags);
  g_clear_object (&self->tags);
  g_clear_object (&self->hypotheses);
  g_set_object (&self->kase, kase);

  if (kase != NULL)
    {
      self->changed_id = cf_case_connect_record_changed (kase, (CfRecordChangedFunc) record_changed_cb, self);
      self->tags = cf_case_list_tags (kase);
      self->hypotheses = cf_case_list_hypotheses (kase);
      self->filtered_tags = gtk_filter_list_model_new (g_object_ref (self->tags),
                                                       GTK_FILTER (g_object_ref (self->tag_filter)));
      gtk_list_box_bind_model (self->tag_list, G_LIST_MODEL (self->filtered_tags), create_tag_row_cb, self, NULL);
      gtk_list_box_bind_model (self->hypotheses_box, self->hypotheses, create_hypothesis_row_cb, self, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self), !cf_case_get_read_only (kase));
    }
  refresh_actor_completion (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

CfCase *
cf_inspector_get_case (CfInspector *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return self->kase;
}

void
cf_inspector_focus_rating (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->reliability_dropdown));
}

void
cf_inspector_popup_tags (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  if (self->claim != NULL)
    gtk_menu_button_popup (self->add_tag_button);
}

GtkDropDown *
cf_inspector_get_dropdown (CfInspector       *self,
                           CfInspectorRating  rating)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  switch (rating)
    {
    case CF_INSPECTOR_RELIABILITY: return self->reliability_dropdown;
    case CF_INSPECTOR_CREDIBILITY: return self->credibility_dropdown;
    case CF_INSPECTOR_LIKELIHOOD:  return self->likelihood_dropdown;
    case CF_INSPECTOR_CONFIDENCE:  return self->confidence_dropdown;
    default: g_return_val_if_reached (NULL);
    }
}

static void
delete_claim_clicked_cb (CfInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (self->claim != NULL &&
      !cf_case_delete_claim (self->kase, cf_claim_get_id (self->claim), &error))
    report (self, _("Could Not Delete the Claim"), error);
}

static void
cf_inspector_dispose (GObject *object)
{
  CfInspector *self = CF_INSPECTOR (object);

  g_clear_handle_id (&self->paraphrase_timeout_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->claim != NULL)
    g_clear_signal_handler (&self->notify_id, self->claim);
  g_clear_object (&self->claim);
  if (self->kase != NULL)
    g_clear_signal_handler (&self->changed_id, self->kase);
  if (self->tag_list != NULL)
    gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
  if (self->hypotheses_box != NULL)
    gtk_list_box_bind_model (self->hypotheses_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->tags);
  g_clear_object (&self->hypotheses);
  g_clear_object (&self->kase);
  g_clear_object (&self->actor_store);
  g_clear_object (&self->filtered_tags);
  g_clear_object (&self->tag_filter);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, source_label);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, paraphrase_view);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, reliability_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, credibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, likelihood_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, confidence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, tags_box);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, hypotheses_box);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, notes_slot);
  gtk_widget_class_bind_template_callback (widget_class, delete_claim_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, actor_activate_cb);
}

static void
cf_inspector_init (CfInspector *self)
{
  GtkEventController *focus;
  GtkEntryCompletion *completion;
  GtkWidget *placeholder;
  struct {
    GtkDropDown    *dropdown;
    GtkStringList *(*model) (void);
  } ratings[] = {
    { NULL, cf_reliability_model },
    { NULL, cf_credibility_model },
    { NULL, cf_likelihood_model },
    { NULL, cf_confidence_model },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  ratings[0].dropdown = self->reliability_dropdown;
  ratings[1].dropdown = self->credibility_dropdown;
  ratings[2].dropdown = self->likelihood_dropdown;
  ratings[3].dropdown = self->confidence_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_autoptr(GtkStringList) model = ratings[i].model ();

      gtk_drop_down_set_model (ratings[i].dropdown, G_LIST_MODEL (model));
      g_signal_connect (ratings[i].dropdown, "notify::selected", G_CALLBACK (rating_changed_cb), self);
    }

  g_signal_connect (gtk_text_view_get_buffer (self->paraphrase_view), "changed",
                    G_CALLBACK (paraphrase_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->paraphrase_view), focus);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (actor_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->actor_entry), focus);

  self->actor_store = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->actor_store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->actor_entry, completion);
  g_object_unref (completion);

  placeholder = gtk_label_new (_("No hypotheses yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 8);
  gtk_widget_set_margin_bottom (placeholder, 8);
  gtk_list_box_set_placeholder (self->hypotheses_box, placeholder);

  self->notes = CF_NOTE_LIST (cf_note_list_new (_("Notes on This Claim")));
  gtk_box_append (self->notes_slot, GTK_WIDGET (self->notes));

  build_tag_popover (self);
}
