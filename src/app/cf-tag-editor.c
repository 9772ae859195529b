/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tag editor window: create, rename, recolour, nest and delete tags. Each
 * change goes to the case at once as one undo step; the rows follow the case's
 * tag list model. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-tag-editor.h"

struct _CfTagEditor
{
  AdwWindow   parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkEntry        *name_entry;
  GtkListBox      *list_box;

  CfCase          *kase;
  GListModel      *tags;
  gboolean         updating;      /* filling the parent drop-downs: no edits */
  AdwToast        *undo_toast;    /* (weak) the deletion's "Undo", until the next edit */
};

G_DEFINE_FINAL_TYPE (CfTagEditor, cf_tag_editor, ADW_TYPE_WINDOW)

static gint64
row_tag_id (GtkWidget *widget)
{
  CfTag *tag = g_object_get_data (G_OBJECT (widget), "cf-tag");

  return tag != NULL ? cf_tag_get_id (tag) : 0;
}

static void
add_clicked_cb (CfTagEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  if (*name == '\0')
    return;

  if (cf_case_add_tag (self->kase, name, 0, NULL, &error) <= 0)
    cf_show_error (GTK_WIDGET (self), _("Could Not Create the Tag"), error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
}

static void
rename_cb (GtkEntry    *entry,
           CfTagEditor *self)
{
  g_autoptr(GError) error = NULL;
  CfTag *tag = g_object_get_data (G_OBJECT (entry), "cf-tag");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (tag == NULL || *name == '\0' || g_strcmp0 (name, cf_tag_get_name (tag)) == 0)
    return;

  if (!cf_case_rename_tag (self->kase, cf_tag_get_id (tag), name, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), cf_tag_get_name (tag));
      cf_show_error (GTK_WIDGET (self), _("Could Not Rename the Tag"), error);
    }
}

static void
rename_focus_leave_cb (GtkEventControllerFocus *controller,
                       CfTagEditor             *self)
{
  rename_cb (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static void
color_set_cb (GtkColorButton *button,
              CfTagEditor    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  if (!cf_case_set_tag_color (self->kase, row_tag_id (GTK_WIDGET (button)), color, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Change the Colour"), error);
}

/* @dropdown offers every tag but its own as its tag's parent, the current one
 * chosen; called again whenever tags are added, renamed, moved or deleted. */
static void
fill_parent_dropdown (CfTagEditor *self,
                      GtkDropDown *dropdown)
{
  CfTag *tag = g_object_get_data (G_OBJECT (dropdown), "cf-tag");
  g_autoptr(GtkStringList) parents = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (self->tags);
  guint selected = 0;
  gint64 none = 0;

  gtk_string_list_append (parents, _("Top level"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfTag) other = g_list_model_get_item (self->tags, i);
      gint64 other_id = cf_tag_get_id (other);

      if (other_id == cf_tag_get_id (tag))
        continue;
      gtk_string_list_append (parents, cf_tag_get_path (other));
      g_array_append_val (ids, other_id);
      if (other_id == cf_tag_get_parent_id (tag))
        selected = ids->len - 1;
    }

  self->updating = TRUE;
  g_object_set_data_full (G_OBJECT (dropdown), "cf-parent-ids", ids, (GDestroyNotify) g_array_unref);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (parents));
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating = FALSE;
}

static void
refresh_parent_dropdowns (CfTagEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;

      for (child = child != NULL ? gtk_widget_get_first_child (child) : NULL;
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_DROP_DOWN (child))
          fill_parent_dropdown (self, GTK_DROP_DOWN (child));
    }
}

/* After each edit, undo or redo: the parents on offer follow the tags, and a
 * deletion's "Undo" goes, since undo would now take back something else. */
static void
records_changed_cb (CfCase      *kase,
                    guint        kinds,
                    CfTagEditor *self)
{
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if ((kinds & (1u << CF_RECORD_TAG)) != 0)
    refresh_parent_dropdowns (self);
}

static void
parent_changed_cb (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   CfTagEditor *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = g_object_get_data (G_OBJECT (dropdown), "cf-parent-ids");
  CfTag *tag = g_object_get_data (G_OBJECT (dropdown), "cf-tag");
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 parent_id;

  if (self->updating || ids == NULL || tag == NULL || selected >= ids->len)
    return;

  parent_id = g_array_index (ids, gint64, selected);
  if (parent_id == cf_tag_get_parent_id (tag))
    return;

  if (!cf_case_set_tag_parent (self->kase, cf_tag_get_id (tag), parent_id, &error))
    {
      cf_show_error (GTK_WIDGET (self), _("Could Not Move the Tag"), error);
      /* Rows are rebuilt when the list changes; this one did not change. */
      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == cf_tag_get_parent_id (tag))
          gtk_drop_down_set_selected (dropdown, i);
    }
}

static void
undo_toast_dismissed_cb (AdwToast    *toast,
                         CfTagEditor *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

static void
undo_clicked_cb (AdwToast    *toast,
                 CfTagEditor *self)
{
  g_autoptr(GError) error = NULL;

  /* the toast goes with the next edit, so undo takes back the deletion */
  self->undo_toast = NULL;
  if (!cf_case_undo (self->kase, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Undo"), error);
}

static void
delete_tag (CfTagEditor *self,
            CfTag       *tag)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  title = g_strdup_printf (_("Tag “%s” deleted"), cf_tag_get_name (tag));
  if (!cf_case_delete_tag (self->kase, cf_tag_get_id (tag), &error))
    {
      cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Tag"), error);
      return;
    }

  /* Undo brings a deleted tag back with its claims. */
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CfTagEditor      *self)
{
  CfTag *tag = g_object_get_data (G_OBJECT (dialog), "cf-tag");

  if (g_strcmp0 (response, "delete") == 0 && tag != NULL)
    delete_tag (self, tag);
}

/* A tag in use is deleted only once the user says so, knowing how many claims
 * lose it; either way an "Undo" follows. */
static void
delete_clicked_cb (GtkButton   *button,
                   CfTagEditor *self)
{
  CfTag *tag = g_object_get_data (G_OBJECT (button), "cf-tag");
  guint n_claims;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (tag == NULL)
    return;
  n_claims = cf_tag_get_claim_count (tag);
  if (n_claims == 0)
    {
      delete_tag (self, tag);
      return;
    }

  heading = g_strdup_printf (_("Delete Tag “%s”?"), cf_tag_get_name (tag));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u claim is tagged with it and will lose the tag. "
                                       "Tags nested in it move up a level.",
                                       "%u claims are tagged with it and will lose the tag. "
                                       "Tags nested in it move up a level.", n_claims),
                          n_claims);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cf-tag", g_object_ref (tag), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CfTagEditor *self = user_data;
  CfTag *tag = item;
  GtkWidget *row, *box, *color, *name, *parent, *delete;
  GtkEventController *focus;
  GdkRGBA rgba;
  g_autofree char *delete_label = NULL;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 8 + 20 * cf_tag_get_depth (tag));
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  color = gtk_color_button_new ();
  if (gdk_rgba_parse (&rgba, cf_tag_get_color (tag) ?: "#888888"))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag colour"), -1);
  g_object_set_data_full (G_OBJECT (color), "cf-tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (color, "color-set", G_CALLBACK (color_set_cb), self);
  gtk_box_append (GTK_BOX (box), color);

  name = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (name), cf_tag_get_name (tag));
  gtk_widget_set_hexpand (name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag name"), -1);
  g_object_set_data_full (G_OBJECT (name), "cf-tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (name, "activate", G_CALLBACK (rename_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (rename_focus_leave_cb), self);
  gtk_widget_add_controller (name, focus);
  gtk_box_append (GTK_BOX (box), name);

  parent = gtk_drop_down_new (NULL, NULL);
  g_object_set_data_full (G_OBJECT (parent), "cf-tag", g_object_ref (tag), g_object_unref);
  fill_parent_dropdown (self, GTK_DROP_DOWN (parent));
  gtk_widget_set_tooltip_text (parent, _("Parent tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Parent tag"), -1);
  g_signal_connect (parent, "notify::selected", G_CALLBACK (parent_changed_cb), self);
  gtk_box_append (GTK_BOX (box), parent);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (delete, "flat");
  delete_label = g_strdup_printf (_("Delete tag “%s”"), cf_tag_get_name (tag));
  gtk_widget_set_tooltip_text (delete, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data_full (G_OBJECT (delete), "cf-tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), delete);

  {
    GtkWidget *count = gtk_label_new (NULL);
    g_autofree char *text = g_strdup_printf ("%u", cf_tag_get_claim_count (tag));
    g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims",
                                                         cf_tag_get_claim_count (tag)),
                                            cf_tag_get_claim_count (tag));
    gtk_label_set_label (GTK_LABEL (count), text);
    gtk_widget_set_tooltip_text (count, tip);
    gtk_widget_add_css_class (count, "claim-count");
    gtk_box_insert_child_after (GTK_BOX (box), count, name);
  }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

CfTagEditor *
cf_tag_editor_new (GtkWindow *parent,
                   CfCase    *kase)
{
  CfTagEditor *self;
  GtkWidget *placeholder;

  g_return_val_if_fail (CF_IS_CASE (kase), NULL);

  self = g_object_new (CF_TYPE_TAG_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->kase = g_object_ref (kase);
  self->tags = cf_case_list_tags (kase);
  g_signal_connect_object (kase, "records-changed", G_CALLBACK (records_changed_cb), self, 0);
  gtk_list_box_bind_model (self->list_box, self->tags, create_row_cb, self, NULL);

  placeholder = gtk_label_new (_("No tags yet. Type a name above and press Enter."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list_box, placeholder);

  return self;
}

static void
cf_tag_editor_dispose (GObject *object)
{
  CfTagEditor *self = CF_TAG_EDITOR (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, records_changed_cb, self);
  self->undo_toast = NULL;
  g_clear_object (&self->tags);
  g_clear_object (&self->kase);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_TAG_EDITOR);
  self->list_box = NULL;

  G_OBJECT_CLASS (cf_tag_editor_parent_class)->dispose (object);
}

static void
cf_tag_editor_class_init (CfTagEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_tag_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-tag-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfTagEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfTagEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CfTagEditor, list_box);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_tag_editor_init (CfTagEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
