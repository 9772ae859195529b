/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim's tags: one chip per tag with its colour and a remove button, and a
 * popover that finds a tag by its path or creates it, with the claim tagged in the
 * same undo step. Chips are rebuilt when the claim or any tag changes, since a tag
 * may be renamed or recoloured elsewhere. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector-tags.h"

struct _CfInspectorTags
{
  CfInspectorSection  parent_instance;

  GtkFlowBox         *tags_box;
  GtkMenuButton      *add_tag_button;
  GtkPopover         *tag_popover;
  GtkSearchEntry     *tag_search;
  GtkListBox         *tag_list;
  GtkButton          *create_tag_button;

  GtkCustomFilter    *tag_filter;
};

G_DEFINE_FINAL_TYPE (CfInspectorTags, cf_inspector_tags, CF_TYPE_INSPECTOR_SECTION)

static char *
dot_markup (CfTag *tag)
{
  return g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", cf_tag_get_color (tag) ?: "#888888");
}

/* --- chips ------------------------------------------------------------------------ */

static void
remove_tag_clicked_cb (GtkButton       *button,
                       CfInspectorTags *self)
{
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;
  gint64 tag_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "cf-tag-id");

  if (claim != NULL && !cf_case_remove_claim_tag (kase, cf_claim_get_id (claim), tag_id, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Remove the Tag"), error);
}

static GtkWidget *
create_chip (CfInspectorTags *self,
             CfTag           *tag)
{
  GtkWidget *chip, *dot, *label, *remove;
  g_autofree char *markup = dot_markup (tag);
  g_autofree char *remove_label = NULL;
  gint64 *id;

  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "tag-chip");

  dot = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
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
cf_inspector_tags_refresh (CfInspectorSection *section)
{
  CfInspectorTags *self = CF_INSPECTOR_TAGS (section);
  CfClaim *claim = cf_inspector_section_get_claim (section);
  CfCase *kase = cf_inspector_section_get_case (section);
  const gint64 *ids;
  guint n_ids = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  if (claim == NULL)
    return;

  ids = cf_claim_get_tag_ids (claim, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(CfTag) tag = cf_case_get_tag (kase, ids[i], NULL);

      if (tag != NULL)
        gtk_flow_box_append (self->tags_box, create_chip (self, tag));
    }
}

/* --- adding ----------------------------------------------------------------------- */

static void
add_tag (CfInspectorTags *self,
         gint64           tag_id)
{
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;

  if (claim == NULL)
    return;

  if (!cf_case_add_claim_tag (kase, cf_claim_get_id (claim), tag_id, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Tag the Claim"), error);
}

static void
create_and_add_tag (CfInspectorTags *self,
                    const char      *name)
{
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  if (claim == NULL || name == NULL || *name == '\0')
    return;

  tag_id = cf_case_find_tag (kase, name);
  if (tag_id > 0)
    {
      add_tag (self, tag_id);
      return;
    }

  cf_case_begin_action (kase, _("Tag claim"));
  tag_id = cf_case_add_tag (kase, name, 0, NULL, &error);
  if (tag_id <= 0 || !cf_case_add_claim_tag (kase, cf_claim_get_id (claim), tag_id, &error))
    {
      cf_case_cancel_action (kase);
      cf_show_error (GTK_WIDGET (self), _("Could Not Create the Tag"), error);
      return;
    }
  if (!cf_case_end_action (kase, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Create the Tag"), error);
}

static GtkWidget *
create_tag_row_cb (gpointer item,
                   gpointer user_data)
{
  CfTag *tag = item;
  GtkWidget *row, *box, *dot, *label;
  g_autofree char *markup = dot_markup (tag);

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 6 + 12 * cf_tag_get_depth (tag));
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  dot = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
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
  CfInspectorTags *self = user_data;
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
tag_search_changed_cb (CfInspectorTags *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_search));
  g_autofree char *label = NULL;

  gtk_filter_changed (GTK_FILTER (self->tag_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->create_tag_button),
                          *text != '\0' && kase != NULL && cf_case_find_tag (kase, text) == 0);
  label = g_strdup_printf (_("Create Tag “%s”"), text);
  gtk_button_set_label (self->create_tag_button, label);
}

/* Enter in the search and the "Create Tag" button both add the tag typed. */
static void
tag_search_activate_cb (CfInspectorTags *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_search))));

  gtk_popover_popdown (self->tag_popover);
  create_and_add_tag (self, text);
}

static void
tag_row_activated_cb (GtkListBox      *list_box,
                      GtkListBoxRow   *row,
                      CfInspectorTags *self)
{
  CfTag *tag = g_object_get_data (G_OBJECT (row), "cf-tag");

  gtk_popover_popdown (self->tag_popover);
  add_tag (self, cf_tag_get_id (tag));
}

static void
tag_popover_show_cb (CfInspectorTags *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->tag_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_search));
}

/* Whether @widget lies inside its window now (a popover anchored outside the window
 * has no monitor to open on). */
static gboolean
shown_in_window (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget)
         && gtk_widget_compute_bounds (widget, root, &bounds)
         && bounds.origin.y >= 0 && bounds.origin.x >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root)
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root);
}

/* Each frame until the tags are laid out in view (a few at most), then the popover. */
static gboolean
popup_when_in_view_cb (GtkWidget     *button,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  CfInspectorTags *self = data;
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cf-popup-frames"));

  if (shown_in_window (button))
    {
      gtk_menu_button_popup (self->add_tag_button);
      return G_SOURCE_REMOVE;
    }
  g_object_set_data (G_OBJECT (button), "cf-popup-frames", GUINT_TO_POINTER (frames + 1));
  return frames < 30 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
cf_inspector_tags_popup (CfInspectorTags *self)
{
  GtkWidget *button;
  GtkWidget *scrolled;

  g_return_if_fail (CF_IS_INSPECTOR_TAGS (self));

  if (cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self)) == NULL)
    return;
  button = GTK_WIDGET (self->add_tag_button);
  if (shown_in_window (button))
    {
      gtk_menu_button_popup (self->add_tag_button);
      return;
    }

  /* the tags may be scrolled out of the inspector's view (a claim opens at its
   * top): bring them into view, and open the popover once that is laid out */
  scrolled = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
      graphene_point_t at;

      if (content != NULL
          && gtk_widget_compute_point (button, content, &GRAPHENE_POINT_INIT (0, 0), &at))
        gtk_adjustment_set_value (adjustment,
                                  at.y - gtk_adjustment_get_page_size (adjustment) / 2);
    }
  g_object_set_data (G_OBJECT (button), "cf-popup-frames", GUINT_TO_POINTER (0));
  gtk_widget_add_tick_callback (button, popup_when_in_view_cb, g_object_ref (self), g_object_unref);
}

static void
cf_inspector_tags_case_changed (CfInspectorSection *section)
{
  CfInspectorTags *self = CF_INSPECTOR_TAGS (section);
  CfCase *kase = cf_inspector_section_get_case (section);
  g_autoptr(GtkFilterListModel) filtered = NULL;

  if (kase == NULL)
    {
      gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
      return;
    }

  filtered = gtk_filter_list_model_new (cf_case_list_tags (kase), GTK_FILTER (g_object_ref (self->tag_filter)));
  gtk_list_box_bind_model (self->tag_list, G_LIST_MODEL (filtered), create_tag_row_cb, self, NULL);
}

static void
cf_inspector_tags_dispose (GObject *object)
{
  CfInspectorTags *self = CF_INSPECTOR_TAGS (object);

  if (self->tag_list != NULL)
    gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->tag_filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_INSPECTOR_TAGS);

  G_OBJECT_CLASS (cf_inspector_tags_parent_class)->dispose (object);
}

static void
cf_inspector_tags_class_init (CfInspectorTagsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_tags_dispose;
  section_class->record_kinds = 1u << CF_RECORD_TAG;
  section_class->case_changed = cf_inspector_tags_case_changed;
  section_class->refresh = cf_inspector_tags_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector-tags.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspectorTags, tags_box);
  gtk_widget_class_bind_template_child (widget_class, CfInspectorTags, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, CfInspectorTags, tag_popover);
  gtk_widget_class_bind_template_child (widget_class, CfInspectorTags, tag_search);
  gtk_widget_class_bind_template_child (widget_class, CfInspectorTags, tag_list);
  gtk_widget_class_bind_template_child (widget_class, CfInspectorTags, create_tag_button);
  gtk_widget_class_bind_template_callback (widget_class, tag_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_popover_show_cb);
}

static void
cf_inspector_tags_init (CfInspectorTags *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tag_filter = gtk_custom_filter_new (tag_filter_cb, self, NULL);
}
