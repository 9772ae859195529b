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

  GtkCustomFilter    *tag_filter;
  GListStore         *new_tag_item;   /* GtkStringObject: the "Create tag" row, or none */
  guint               popup_tick;     /* waiting for the tags to be in view */
  guint               popup_frames;
  gboolean            list_bound;     /* tag_list shows the case's tags */
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

/* @path may name nested tags ("Attribution/Ukraine"), as `casefile-cli tag add`
 * takes it: the missing ones are made, and the claim tagged, in one undo step. */
static void
create_and_add_tag (CfInspectorTags *self,
                    const char      *path)
{
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  if (claim == NULL || path == NULL || *path == '\0')
    return;

  cf_case_begin_action (kase, _("Tag claim"));
  tag_id = cf_case_ensure_tag_path (kase, path, &error);
  if (tag_id <= 0 || !cf_case_add_claim_tag (kase, cf_claim_get_id (claim), tag_id, &error))
    {
      cf_case_cancel_action (kase);
      cf_show_error (GTK_WIDGET (self), _("Could Not Create the Tag"), error);
      return;
    }
  if (!cf_case_end_action (kase, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Create the Tag"), error);
}

/* The typed text without the spaces around it (a new string). */
static char *
typed_path (CfInspectorTags *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_search))));
}

/* A match: the tag's whole path, since that is what one types to find it. */
static GtkWidget *
create_match_row (CfTag *tag)
{
  GtkWidget *row, *box, *dot, *label;
  g_autofree char *markup = dot_markup (tag);

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "tag-match");
  dot = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  label = gtk_label_new (cf_tag_get_path (tag));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, cf_tag_get_path (tag));
  g_object_set_data_full (G_OBJECT (row), "cf-tag", g_object_ref (tag), g_object_unref);

  return row;
}

/* The last row when the typed text names no tag: an explicit choice to make it. */
static GtkWidget *
create_new_tag_row (const char *path)
{
  GtkWidget *row, *box, *icon, *label;
  g_autofree char *text = g_strdup_printf (_("Create tag “%s”"), path);

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "tag-match");
  icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, text);
  g_object_set_data_full (G_OBJECT (row), "cf-new-tag-path", g_strdup (path), g_free);

  return row;
}

static GtkWidget *
create_tag_row_cb (gpointer item,
                   gpointer user_data)
{
  if (CF_IS_TAG (item))
    return create_match_row (CF_TAG (item));
  return create_new_tag_row (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

/* @path casefolded, without spaces around its "/": a tag's path reads
 * "Attribution / Denial" while one types "attribution/den". */
static char *
comparable_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autofree char *joined = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  joined = g_strjoinv ("/", parts);
  return g_utf8_casefold (joined, -1);
}

static gboolean
tag_filter_cb (gpointer item,
               gpointer user_data)
{
  CfInspectorTags *self = user_data;
  CfTag *tag = item;
  g_autofree char *text = typed_path (self);
  g_autofree char *needle = NULL;
  g_autofree char *hay = NULL;

  if (*text == '\0')
    return TRUE;

  needle = comparable_path (text);
  hay = comparable_path (cf_tag_get_path (tag));
  return strstr (hay, needle) != NULL;
}

static void
scroll_to_row (CfInspectorTags *self,
               GtkWidget       *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->tag_list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scrolled == NULL || !gtk_widget_compute_bounds (row, GTK_WIDGET (self->tag_list), &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/* The highlighted row is the list's selected one: Enter applies it. */
static void
highlight_row (CfInspectorTags *self,
               GtkListBoxRow   *row)
{
  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->tag_list);
      return;
    }
  gtk_list_box_select_row (self->tag_list, row);
  scroll_to_row (self, GTK_WIDGET (row));
}

/* After typing: the tag named exactly, else the first match, else "Create tag";
 * nothing while the entry is empty (Enter then does nothing, Down starts). */
static void
highlight_best_row (CfInspectorTags *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autofree char *text = typed_path (self);
  gint64 exact = 0;
  GtkListBoxRow *row;

  if (*text == '\0' || kase == NULL)
    {
      highlight_row (self, NULL);
      return;
    }
  exact = cf_case_find_tag (kase, text);
  for (int i = 0; exact > 0 && (row = gtk_list_box_get_row_at_index (self->tag_list, i)) != NULL; i++)
    {
      CfTag *tag = g_object_get_data (G_OBJECT (row), "cf-tag");

      if (tag != NULL && cf_tag_get_id (tag) == exact)
        {
          highlight_row (self, row);
          return;
        }
    }
  highlight_row (self, gtk_list_box_get_row_at_index (self->tag_list, 0));
}

/* Filters on every keystroke (not after the search entry's delay), so Enter
 * right after typing applies what the list shows for the text typed. */
static void
tag_search_changed_cb (CfInspectorTags *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autofree char *text = typed_path (self);
  gboolean offer_new = *text != '\0' && kase != NULL && cf_case_find_tag (kase, text) == 0;

  gtk_filter_changed (GTK_FILTER (self->tag_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (offer_new)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

      g_list_store_splice (self->new_tag_item, 0, g_list_model_get_n_items (G_LIST_MODEL (self->new_tag_item)),
                           (gpointer *) &item, 1);
    }
  else
    g_list_store_remove_all (self->new_tag_item);
  highlight_best_row (self);
}

static void
apply_row (CfInspectorTags *self,
           GtkListBoxRow   *row)
{
  CfTag *tag = g_object_get_data (G_OBJECT (row), "cf-tag");
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (row), "cf-new-tag-path"));

  gtk_popover_popdown (self->tag_popover);
  if (tag != NULL)
    add_tag (self, cf_tag_get_id (tag));
  else if (path != NULL)
    create_and_add_tag (self, path);
}

/* Enter applies the highlighted row: a match, or "Create tag" when nothing matches. */
static void
tag_search_activate_cb (CfInspectorTags *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->tag_list);

  if (row != NULL)
    apply_row (self, row);
}

static void
tag_row_activated_cb (GtkListBox      *list_box,
                      GtkListBoxRow   *row,
                      CfInspectorTags *self)
{
  apply_row (self, row);
}

/* Up and Down move the highlight through the rows, the entry keeping the focus. */
static gboolean
tag_search_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           CfInspectorTags       *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->tag_list);
  GtkListBoxRow *next;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = gtk_list_box_get_row_at_index (self->tag_list, index + 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = index > 0 ? gtk_list_box_get_row_at_index (self->tag_list, index - 1) : NULL;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  if (next != NULL)
    highlight_row (self, next);
  return GDK_EVENT_STOP;
}

/* Escape in the entry stops the search rather than reaching the popover. */
static void
tag_search_stopped_cb (CfInspectorTags *self)
{
  gtk_popover_popdown (self->tag_popover);
}

static void bind_tag_list (CfInspectorTags *self);

static void
tag_popover_show_cb (CfInspectorTags *self)
{
  if (!self->list_bound)
    bind_tag_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_search));
}

/* Whether @bounds lie within @widget's allocation (which must have one). */
static gboolean
bounds_inside (const graphene_rect_t *bounds,
               GtkWidget             *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  return width > 0 && height > 0
         && bounds->origin.x >= 0 && bounds->origin.y >= 0
         && bounds->origin.x + bounds->size.width <= width
         && bounds->origin.y + bounds->size.height <= height;
}

/* Whether @widget is laid out in the inspector's view and its window now: a
 * popover anchored outside the window has no monitor to open on, and one anchored
 * to a widget scrolled away is left behind when the layout comes. */
static gboolean
shown_in_view (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (root == NULL || !gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) <= 0)
    return FALSE;
  if (scrolled != NULL
      && (!gtk_widget_compute_bounds (widget, scrolled, &bounds) || !bounds_inside (&bounds, scrolled)))
    return FALSE;
  return gtk_widget_compute_bounds (widget, root, &bounds) && bounds_inside (&bounds, root);
}

/* Scrolls the inspector so @widget is in the middle of its view (a claim opens at
 * its top, where the tags are out of view). */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t at;

  if (scrolled == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (content != NULL && gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (adjustment, at.y - gtk_adjustment_get_page_size (adjustment) / 2);
}

#define POPUP_MAX_FRAMES 30

/* Each frame (it sees the last frame's layout) until the button is laid out in
 * view, scrolling it there; then the popover. */
static gboolean
popup_when_in_view_cb (GtkWidget     *button,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  CfInspectorTags *self = data;

  if (cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self)) != NULL && shown_in_view (button))
    gtk_menu_button_popup (self->add_tag_button);
  else if (cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self)) != NULL
           && ++self->popup_frames < POPUP_MAX_FRAMES)
    {
      scroll_into_view (button);
      return G_SOURCE_CONTINUE;
    }
  self->popup_tick = 0;
  return G_SOURCE_REMOVE;
}

void
cf_inspector_tags_popup (CfInspectorTags *self)
{
  GtkWidget *button;

  g_return_if_fail (CF_IS_INSPECTOR_TAGS (self));

  if (cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self)) == NULL)
    return;
  button = GTK_WIDGET (self->add_tag_button);
  if (shown_in_view (button))
    {
      gtk_menu_button_popup (self->add_tag_button);
      return;
    }
  if (self->popup_tick != 0)
    return;   /* already on its way */
  self->popup_frames = 0;
  self->popup_tick = gtk_widget_add_tick_callback (button, popup_when_in_view_cb,
                                                   g_object_ref (self), g_object_unref);
}

/* The list of tags to choose from, in the pop-over: the matching tags, then the
 * "Create tag" row. Filled when the pop-over first shows for the case, not when
 * the case opens (each tag comes with its claims counted). */
static void
bind_tag_list (CfInspectorTags *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GListStore) parts = NULL;
  GtkFilterListModel *filtered;
  g_autoptr(GtkFlattenListModel) rows = NULL;

  self->list_bound = TRUE;
  if (kase == NULL)
    {
      gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
      return;
    }

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  filtered = gtk_filter_list_model_new (cf_case_list_tags (kase), GTK_FILTER (g_object_ref (self->tag_filter)));
  g_list_store_append (parts, filtered);
  g_object_unref (filtered);
  g_list_store_append (parts, self->new_tag_item);
  rows = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  gtk_list_box_bind_model (self->tag_list, G_LIST_MODEL (rows), create_tag_row_cb, self, NULL);
}

static void
cf_inspector_tags_case_changed (CfInspectorSection *section)
{
  CfInspectorTags *self = CF_INSPECTOR_TAGS (section);

  g_list_store_remove_all (self->new_tag_item);
  if (gtk_widget_get_visible (GTK_WIDGET (self->tag_popover)))
    bind_tag_list (self);
  else
    {
      self->list_bound = FALSE;
      gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
    }
}

static void
cf_inspector_tags_dispose (GObject *object)
{
  CfInspectorTags *self = CF_INSPECTOR_TAGS (object);

  if (self->tag_list != NULL)
    gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->tag_filter);
  g_clear_object (&self->new_tag_item);
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
  gtk_widget_class_bind_template_callback (widget_class, tag_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_popover_show_cb);
}

static void
cf_inspector_tags_init (CfInspectorTags *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tag_filter = gtk_custom_filter_new (tag_filter_cb, self, NULL);
  self->new_tag_item = g_list_store_new (GTK_TYPE_STRING_OBJECT);
}
