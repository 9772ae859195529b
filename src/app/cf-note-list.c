/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-note-list.h"

struct _CfNoteList
{
  GtkBox        parent_instance;

  GtkLabel     *heading;
  GtkButton    *add_button;
  GtkListBox   *list_box;
  GtkButton    *more_button;

  CfCase       *kase;
  GListModel   *notes;
  GtkSliceListModel *shown;   /* the latest notes: a list box makes a row for each */
  guint        limit;         /* how many of them */
  CfNoteTarget  target;
  gint64        target_id;
};

G_DEFINE_FINAL_TYPE (CfNoteList, cf_note_list, GTK_TYPE_BOX)

/* The latest notes shown at first, and how many more each "Show Earlier Notes" adds:
 * a case of 20,000 notes made as many rows before the window's first frame. */
#define NOTES_PAGE 50

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The notes on every claim, each under its claim's quote. */
static gboolean
lists_every_claim (CfNoteList *self)
{
  return self->target == CF_NOTE_TARGET_CLAIM && self->target_id == 0;
}

typedef struct
{
  CfNoteList  *list;
  CfNote      *note;     /* NULL for a new note */
  GtkTextView *text_view;
} EditData;

static void
edit_data_free (EditData *data)
{
  g_clear_object (&data->list);
  g_clear_object (&data->note);
  g_free (data);
}

static void
edit_data_free_closure (gpointer  data,
                        GClosure *closure)
{
  edit_data_free (data);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditData         *data)
{
  CfNoteList *self = data->list;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "save") != 0 || self->kase == NULL)
    return;

  buffer = gtk_text_view_get_buffer (data->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  if (data->note == NULL)
    {
      if (*body != '\0' &&
          cf_case_add_note (self->kase, self->target, self->target_id, body, &error) <= 0)
        cf_show_error (GTK_WIDGET (self), _("Could Not Add the Note"), error);
    }
  else if (*body == '\0')
    {
      if (!cf_case_delete_note (self->kase, cf_note_get_id (data->note), &error))
        cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Note"), error);
    }
  else if (g_strcmp0 (body, cf_note_get_body (data->note)) != 0)
    {
      if (!cf_case_set_note_body (self->kase, cf_note_get_id (data->note), body, &error))
        cf_show_error (GTK_WIDGET (self), _("Could Not Save the Note"), error);
    }
}

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       AdwMessageDialog      *dialog)
{
  /* Ctrl+Enter saves, as in a chat or mail composer; Enter stays a new line */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK) != 0)
    {
      adw_message_dialog_response (dialog, "save");
      gtk_window_close (GTK_WINDOW (dialog));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
open_editor (CfNoteList *self,
             CfNote     *note)
{
  GtkEventController *keys;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *scroller, *text_view;
  EditData *data;

  if (self->kase == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       note != NULL ? _("Edit Note") : _("New Note"),
                                                       NULL));
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"), -1);
  if (note != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                              cf_note_get_body (note) ?: "", -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 140);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 380);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (editor_key_pressed_cb), dialog, 0);
  gtk_widget_add_controller (text_view, keys);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (EditData, 1);
  data->list = g_object_ref (self);
  data->note = note != NULL ? g_object_ref (note) : NULL;
  data->text_view = GTK_TEXT_VIEW (text_view);
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), data,
                         edit_data_free_closure, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text_view);
}

void
cf_note_list_add_note (CfNoteList *self)
{
  g_return_if_fail (CF_IS_NOTE_LIST (self));

  open_editor (self, NULL);
}

static void
add_clicked_cb (CfNoteList *self)
{
  open_editor (self, NULL);
}

static void
edit_clicked_cb (GtkButton  *button,
                 CfNoteList *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (button), "cf-note"));
}

static void
delete_clicked_cb (GtkButton  *button,
                   CfNoteList *self)
{
  CfNote *note = g_object_get_data (G_OBJECT (button), "cf-note");
  g_autoptr(GError) error = NULL;

  /* No confirmation: Ctrl+Z brings the note back. */
  if (self->kase != NULL && note != NULL &&
      !cf_case_delete_note (self->kase, cf_note_get_id (note), &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Note"), error);
}

static void
update_row (GtkWidget *row)
{
  CfNote *note = g_object_get_data (G_OBJECT (row), "cf-note");
  GtkLabel *body = g_object_get_data (G_OBJECT (row), "cf-body");
  GtkLabel *date = g_object_get_data (G_OBJECT (row), "cf-date");
  GtkLabel *context = g_object_get_data (G_OBJECT (row), "cf-context");
  CfNoteList *self = g_object_get_data (G_OBJECT (row), "cf-list");
  const char *modified = cf_note_get_modified (note);

  gtk_label_set_label (body, cf_note_get_body (note) ?: "");
  if (context != NULL && self->kase != NULL)
    {
      g_autoptr(CfClaim) claim = cf_case_get_claim (self->kase, cf_note_get_target_id (note), NULL);
      g_autofree char *quote = NULL;

      if (claim != NULL)
        /* Translators: a claim's quote, shown above a note on it */
        quote = g_strdup_printf (_("“%s”"), cf_claim_get_quote (claim) ?: "");
      gtk_label_set_label (context, quote ?: "");
    }
  if (modified == NULL)
    modified = cf_note_get_created (note);
  if (modified != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (modified, NULL);
      g_autoptr(GDateTime) local = dt != NULL ? g_date_time_to_local (dt) : NULL;
      g_autofree char *text = local != NULL ? g_date_time_format (local, "%x %H:%M") : g_strdup (modified);

      gtk_label_set_label (date, text);
    }
}

static void
note_notify_cb (CfNote     *note,
                GParamSpec *pspec,
                GtkWidget  *row)
{
  update_row (row);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CfNoteList *self = user_data;
  CfNote *note = item;
  GtkWidget *row, *box, *text_box, *body, *date, *edit, *delete;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  if (lists_every_claim (self))
    {
      GtkWidget *context = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (context), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (context), 2);
      gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (context), 0);
      gtk_widget_add_css_class (context, "note-context");
      gtk_widget_add_css_class (context, "dim-label");
      gtk_box_append (GTK_BOX (text_box), context);
      g_object_set_data (G_OBJECT (row), "cf-context", context);
      gtk_widget_set_tooltip_text (row, _("Select the claim"));
    }
  body = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_lines (GTK_LABEL (body), 6);
  gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);
  date = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_box_append (GTK_BOX (text_box), body);
  gtk_box_append (GTK_BOX (text_box), date);
  gtk_box_append (GTK_BOX (box), text_box);

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Note"), -1);
  g_object_set_data_full (G_OBJECT (edit), "cf-note", g_object_ref (note), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), edit);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_START);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Note"), -1);
  g_object_set_data_full (G_OBJECT (delete), "cf-note", g_object_ref (note), g_object_unref);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), delete);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cf-note", g_object_ref (note), g_object_unref);
  g_object_set_data (G_OBJECT (row), "cf-body", body);
  g_object_set_data (G_OBJECT (row), "cf-list", self);
  g_object_set_data (G_OBJECT (row), "cf-date", date);
  update_row (row);
  g_signal_connect_object (note, "notify", G_CALLBACK (note_notify_cb), row, 0);

  return row;
}

static void
row_activated_cb (GtkListBox    *list_box,
                  GtkListBoxRow *row,
                  CfNoteList    *self)
{
  CfNote *note = g_object_get_data (G_OBJECT (row), "cf-note");

  /* a note among every claim's: the click goes to its claim (the pencil edits) */
  if (lists_every_claim (self))
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, cf_note_get_target_id (note));
  else
    open_editor (self, note);
}

/* The last @limit notes (the list is oldest first, so a note just added shows). */
static void
update_slice (CfNoteList *self)
{
  guint total = self->notes != NULL ? g_list_model_get_n_items (self->notes) : 0;

  if (self->shown != NULL)
    {
      gtk_slice_list_model_set_offset (self->shown, total > self->limit ? total - self->limit : 0);
      gtk_slice_list_model_set_size (self->shown, self->limit);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), total > self->limit);
}

static void
more_clicked_cb (CfNoteList *self)
{
  self->limit += NOTES_PAGE;
  update_slice (self);
}

void
cf_note_list_set_target (CfNoteList   *self,
                         CfCase       *kase,
                         CfNoteTarget  target,
                         gint64        target_id)
{
  g_return_if_fail (CF_IS_NOTE_LIST (self));

  if (self->kase == kase && self->target == target && self->target_id == target_id)
    return;

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, update_slice, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->notes);
  g_set_object (&self->kase, kase);
  self->target = target;
  self->target_id = target_id;

  if (kase != NULL && (target == CF_NOTE_TARGET_CASE || target == CF_NOTE_TARGET_CLAIM || target_id > 0))
    {
      self->notes = cf_case_list_notes (kase, target, target_id);
      self->limit = NOTES_PAGE;
      self->shown = gtk_slice_list_model_new (g_object_ref (self->notes), 0, NOTES_PAGE);
      g_signal_connect_swapped (self->notes, "items-changed", G_CALLBACK (update_slice), self);
      update_slice (self);
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row_cb, self, NULL);
    }
  update_slice (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->notes != NULL);
  /* a new note on a claim is written in the inspector, where the claim is */
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !lists_every_claim (self));
}

void
cf_note_list_set_heading (CfNoteList *self,
                          const char *heading)
{
  g_return_if_fail (CF_IS_NOTE_LIST (self));

  gtk_label_set_label (self->heading, heading);
}

GtkWidget *
cf_note_list_get_list_box (CfNoteList *self)
{
  g_return_val_if_fail (CF_IS_NOTE_LIST (self), NULL);

  return GTK_WIDGET (self->list_box);
}

GListModel *
cf_note_list_get_model (CfNoteList *self)
{
  g_return_val_if_fail (CF_IS_NOTE_LIST (self), NULL);

  return self->notes;
}

GtkWidget *
cf_note_list_new (const char *heading)
{
  CfNoteList *self = g_object_new (CF_TYPE_NOTE_LIST, NULL);

  gtk_label_set_label (self->heading, heading);
  return GTK_WIDGET (self);
}

static void
cf_note_list_dispose (GObject *object)
{
  CfNoteList *self = CF_NOTE_LIST (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  self->list_box = NULL;
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, update_slice, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->notes);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (cf_note_list_parent_class)->dispose (object);
}

static void
cf_note_list_class_init (CfNoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_note_list_dispose;

  /* A note on a claim was clicked, in the list of every claim's notes. */
  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cf_note_list_init (CfNoteList *self)
{
  GtkWidget *header, *placeholder;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->heading));

  self->add_button = GTK_BUTTON (gtk_button_new_from_icon_name ("list-add-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _("Add Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Note"), -1);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->add_button));
  gtk_box_append (GTK_BOX (self), header);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  placeholder = gtk_label_new (_("No notes yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 10);
  gtk_widget_set_margin_bottom (placeholder, 10);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list_box));

  self->more_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Show _Earlier Notes")));
  gtk_widget_set_halign (GTK_WIDGET (self->more_button), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->more_button));

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
