/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions (win.*) and their shortcuts: importing in a worker thread
 * with progress, pasting text, marking and deleting claims, undo and redo, Save
 * As, dialogs; and which of them are enabled for the case and the selection. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-ach-pane.h"
#include "cf-app-util.h"
#include "cf-timeline-pane.h"
#include "cf-archive-import-dialog.h"
#include "cf-print-operation.h"
#include "cf-scales-help.h"
#include "cf-tag-editor.h"
#include "cf-window-private.h"

enum {
  IMPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- importing ---------------------------------------------------------------------- */

/* Files are read and extracted in a worker thread (cf_import_read_file() touches no
 * case) and handed to the main thread, which stores them through one CfImportBatch:
 * one transaction and one undo step for the whole job, however many files, written
 * in slices of STORE_SLICE_US from an idle source so that frames keep coming (a
 * 50,000-item feed stored in one call froze the window for ten seconds). The core
 * explains why the writing stays on this thread (cf-case-documents.c, "an import
 * stored a slice at a time"). While the job runs, the window's edits are greyed out
 * and the core refuses any other (undo included) with a message; closing the window
 * asks first, since it stops the import; Cancel rolls the batch back, leaving the
 * case exactly as it was. */

/* Under a frame at 60 Hz, leaving time to draw it. */
#define STORE_SLICE_US 8000

struct _CfImportJob
{
  gatomicrefcount  ref_count;
  CfWindow        *window;       /* strong; NULL once detached */
  CfCase          *kase;
  GPtrArray       *files;        /* GFile */
  GCancellable    *cancellable;
  CfImportBatch   *batch;        /* opened with the first file read */
  guint            store_id;     /* the idle source storing slices */
  guint            n_done;       /* files read */
  gboolean         all_read;
  GString         *errors;
};

typedef struct
{
  CfImportJob *job;
  guint        index;
  CfImport    *import;
  GError      *error;
  gboolean     finished;
} ImportMessage;

static CfImportJob *
import_job_ref (CfImportJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
import_job_unref (CfImportJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_clear_handle_id (&job->store_id, g_source_remove);
  g_clear_pointer (&job->batch, cf_import_batch_free);
  g_clear_object (&job->window);
  g_clear_object (&job->kase);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_object (&job->cancellable);
  if (job->errors != NULL)
    g_string_free (job->errors, TRUE);
  g_free (job);
}

static void
import_message_free (ImportMessage *message)
{
  g_clear_pointer (&message->import, cf_import_free);
  g_clear_error (&message->error);
  import_job_unref (message->job);
  g_free (message);
}

static void
add_job_error (CfImportJob  *job,
               const char   *name,
               const GError *error)
{
  if (job->errors->len > 0)
    g_string_append_c (job->errors, '\n');
  if (name != NULL)
    g_string_append_printf (job->errors, "%s: %s", name, error->message);
  else
    g_string_append (job->errors, error->message);
}

/* Ends the job: its batch committed (or never opened), the window told. */
static void
finish_import (CfWindow    *self,
               CfImportJob *job,
               guint        n_imported,
               gint64       first_id)
{
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  if (job->errors->len > 0)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Some Files Were Not Imported"),
                                                           job->errors->str));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  if (n_imported > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u source",
                                                            "Imported %u sources", n_imported),
                                               n_imported);
      cf_window_show_toast (self, text);
      _cf_window_set_document_id (self, first_id);
    }

  self->import_job = NULL;
  _cf_window_update_actions (self);
  g_signal_emit (self, signals[IMPORT_FINISHED], 0, n_imported);
  import_job_unref (job);   /* the window's reference */
}

static void
commit_import (CfWindow    *self,
               CfImportJob *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) id_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n_imported = 0;
  gint64 first_id = 0;

  g_clear_handle_id (&job->store_id, g_source_remove);
  if (job->batch != NULL)
    {
      if (!cf_import_batch_commit (job->batch, &error))
        add_job_error (job, NULL, error);
    }
  if (job->batch != NULL)
    {
      GPtrArray *results = cf_import_batch_get_results (job->batch);

      for (guint i = 0; i < results->len; i++)
        {
          GArray *ids = results->pdata[i];

          if (n_imported == 0 && ids->len > 0)
            first_id = g_array_index (ids, gint64, 0);
          n_imported += ids->len;
        }
    }
  finish_import (self, job, n_imported, first_id);
}

static void
update_import_progress (CfWindow    *self,
                        CfImportJob *job)
{
  g_autofree char *label = NULL;
  guint stored = 0, queued = 0;
  double fraction = 0;

  if (job->batch != NULL)
    cf_import_batch_get_progress (job->batch, &stored, &queued);
  if (queued > 0)
    {
      /* Translators: %'u are numbers with thousands separators */
      label = g_strdup_printf (_("Importing %'u of %'u items…"), stored, queued);
      fraction = (double) stored / queued * job->n_done / job->files->len;
    }
  else
    {
      guint next = MIN (job->n_done + 1, job->files->len);
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (job->files, next - 1));

      label = g_strdup_printf (_("Reading %u of %u: %s"), next, job->files->len, name);
    }
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, fraction);
}

static gboolean
store_slice_cb (gpointer data)
{
  CfImportJob *job = data;
  CfWindow *self = job->window;
  g_autoptr(GError) error = NULL;

  if (!cf_import_batch_store (job->batch, g_get_monotonic_time () + STORE_SLICE_US, &error))
    {
      /* the batch rolled back: nothing of this job was added */
      job->store_id = 0;
      g_cancellable_cancel (job->cancellable);
      add_job_error (job, NULL, error);
      finish_import (self, job, 0, 0);
      return G_SOURCE_REMOVE;
    }
  update_import_progress (self, job);
  if (cf_import_batch_get_progress (job->batch, NULL, NULL))
    return G_SOURCE_CONTINUE;
  job->store_id = 0;
  if (job->all_read)
    commit_import (self, job);
  return G_SOURCE_REMOVE;
}

static void
queue_import (CfWindow    *self,
              CfImportJob *job,
              CfImport    *import,
              const char  *name)
{
  g_autoptr(GError) error = NULL;

  if (job->batch == NULL)
    job->batch = cf_case_begin_import (job->kase, &error);
  if (job->batch == NULL || cf_import_batch_add (job->batch, import, &error) == NULL)
    {
      if (job->batch == NULL)
        cf_import_free (import);
      add_job_error (job, name, error);
      return;
    }
  /* below the frame clock's priority, so a frame is drawn between two slices */
  if (job->store_id == 0)
    job->store_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, store_slice_cb, job, NULL);
}

typedef struct
{
  CfWindow *window;
  CfCase   *kase;
} ArchiveChoice;

static void
archive_choice_free (gpointer data)
{
  ArchiveChoice *choice = data;

  g_object_unref (choice->window);
  g_object_unref (choice->kase);
  g_free (choice);
}

/* The pages the analyst chose from a large web archive, added as one change (or
 * with the running import, which refuses any other edit). */
static void
archive_pages_chosen_cb (CfImport *import,
                         gpointer  data)
{
  ArchiveChoice *choice = data;
  CfWindow *self = choice->window;
  CfImportJob *job = self->import_job;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (import == NULL || self->kase != choice->kase)
    return;
  if (job != NULL && job->kase == self->kase)
    {
      g_autofree gboolean *keep = g_new (gboolean, import->documents->len);

      for (guint i = 0; i < import->documents->len; i++)
        keep[i] = TRUE;
      queue_import (self, job, cf_archive_import_keep (import, keep), import->filename);
      return;
    }
  ids = cf_case_add_import (self->kase, import, &error);
  if (ids == NULL)
    {
      cf_window_show_toast (self, error->message);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u source",
                                       "Imported %u sources", ids->len), ids->len);
  cf_window_show_toast (self, text);
  if (ids->len > 0)
    _cf_window_set_document_id (self, g_array_index (ids, gint64, 0));
}

static gboolean
import_message_cb (gpointer data)
{
  ImportMessage *message = data;
  CfImportJob *job = message->job;
  CfWindow *self = job->window;
  g_autofree char *name = NULL;

  /* A cancelled or replaced import still drains its messages; nobody listens. */
  if (self == NULL || self->import_job != job || self->kase != job->kase)
    return G_SOURCE_REMOVE;

  if (message->finished)
    {
      job->all_read = TRUE;
      if (job->store_id == 0)
        commit_import (self, job);
      return G_SOURCE_REMOVE;
    }

  job->n_done++;
  name = g_file_get_basename (g_ptr_array_index (job->files, message->index));
  if (message->import != NULL && cf_archive_import_should_ask (message->import))
    {
      ArchiveChoice *choice = g_new0 (ArchiveChoice, 1);

      choice->window = g_object_ref (self);
      choice->kase = g_object_ref (job->kase);
      cf_archive_import_dialog_run (GTK_WINDOW (self), g_steal_pointer (&message->import),
                                    archive_pages_chosen_cb, choice, archive_choice_free);
    }
  else if (message->import != NULL)
    queue_import (self, job, g_steal_pointer (&message->import), name);
  else
    add_job_error (job, name, message->error);

  update_import_progress (self, job);
  return G_SOURCE_REMOVE;
}

static void
post_message (CfImportJob *job,
              ImportMessage *message)
{
  message->job = import_job_ref (job);
  /* Same priority from one thread: the main loop runs them in order, so the
   * "finished" message comes after every file's. */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, import_message_cb, message,
                              (GDestroyNotify) import_message_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CfImportJob *job = task_data;
  ImportMessage *done;
  /* one reader helper process reads all the files of the import */
  g_autoptr(CfReadSession) session = cf_read_session_new (NULL);

  for (guint i = 0; i < job->files->len; i++)
    {
      ImportMessage *message;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      message = g_new0 (ImportMessage, 1);
      message->index = i;
      message->import = cf_import_read_file_in_session (g_ptr_array_index (job->files, i), session,
                                                        cancellable, &message->error);
      /* checked and hashed here, so the main thread only writes */
      if (message->import != NULL && !cf_import_check (message->import, &message->error))
        g_clear_pointer (&message->import, cf_import_free);
      post_message (job, message);
    }

  done = g_new0 (ImportMessage, 1);
  done->finished = TRUE;
  post_message (job, done);
  g_task_return_boolean (task, TRUE);
}

gboolean
_cf_window_is_importing (CfWindow *self)
{
  return self->import_job != NULL;
}

void
_cf_window_cancel_import (CfWindow *self)
{
  CfImportJob *job = self->import_job;

  if (job == NULL)
    return;

  self->import_job = NULL;
  g_cancellable_cancel (job->cancellable);
  g_clear_handle_id (&job->store_id, g_source_remove);
  /* rolled back: the case is exactly as before the import began */
  if (job->batch != NULL)
    cf_import_batch_cancel (job->batch);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  import_job_unref (job);
  _cf_window_update_actions (self);
}

void
cf_window_import_files (CfWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(GTask) task = NULL;
  CfImportJob *job;

  g_return_if_fail (CF_IS_WINDOW (self));

  if (self->kase == NULL || n_files == 0)
    return;

  if (self->import_job != NULL)
    {
      cf_window_show_toast (self, _("Wait for the running import to finish, or cancel it"));
      return;
    }

  job = g_new0 (CfImportJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->window = g_object_ref (self);
  job->kase = g_object_ref (self->kase);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->cancellable = g_cancellable_new ();
  job->errors = g_string_new (NULL);
  self->import_job = job;   /* the window's reference */

  update_import_progress (self, job);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _cf_window_update_actions (self);

  task = g_task_new (NULL, job->cancellable, NULL, NULL);
  g_task_set_source_tag (task, cf_window_import_files);
  g_task_set_task_data (task, import_job_ref (job), (GDestroyNotify) import_job_unref);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    CfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (n > 0 && self->settings != NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (array, 0));
          g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

          if (path != NULL)
            g_settings_set_string (self->settings, "last-folder", path);
        }
      cf_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  g_object_unref (chooser);
}

static void
set_last_folder (CfWindow       *self,
                 GtkFileChooser *chooser)
{
  g_autofree char *folder = NULL;

  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "last-folder");
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, file, NULL);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import Sources"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Articles and Text"));
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/xhtml+xml");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_mime_type (filter, "application/rss+xml");
  gtk_file_filter_add_mime_type (filter, "application/atom+xml");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  set_last_folder (self, GTK_FILE_CHOOSER (chooser));

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->import_job == NULL)
    return;
  _cf_window_cancel_import (self);
  cf_window_show_toast (self, _("Import cancelled: nothing was added"));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CfWindow      *self)
{
  if (self->kase == NULL || cf_case_get_read_only (self->kase))
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      g_autoptr(GPtrArray) array = g_ptr_array_new ();

      for (GSList *l = files; l != NULL; l = l->next)
        g_ptr_array_add (array, l->data);
      cf_window_import_files (self, (GFile **) array->pdata, array->len);
      return array->len > 0;
    }

  if (G_VALUE_HOLDS_STRING (value))
    {
      g_autoptr(GError) error = NULL;
      const char *text = g_value_get_string (value);
      g_autofree char *title = NULL;
      const char *newline;
      gint64 id;

      if (text == NULL || *text == '\0')
        return FALSE;
      newline = strchr (text, '\n');
      title = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, newline != NULL ? newline - text : -1), 60));
      id = cf_case_import_text (self->kase, g_strstrip (title), text, &error);
      if (id <= 0)
        {
          cf_show_error (GTK_WIDGET (self), _("Could Not Add the Text"), error);
          return FALSE;
        }
      _cf_window_set_document_id (self, id);
      return TRUE;
    }

  return FALSE;
}

void
_cf_window_setup_drop (CfWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_flap), GTK_EVENT_CONTROLLER (target));
}

/* --- pasting text --------------------------------------------------------------------- */

typedef struct
{
  CfWindow    *window;
  GtkEntry    *title;
  GtkTextView *text;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_clear_object (&data->window);
  g_free (data);
}

static void
paste_data_free_closure (gpointer  data,
                         GClosure *closure)
{
  paste_data_free (data);
}

static void
paste_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PasteData        *data)
{
  CfWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (data->text);
  GtkTextIter start, end;
  gint64 id;

  if (g_strcmp0 (response, "add") != 0 || self->kase == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  id = cf_case_import_text (self->kase, gtk_editable_get_text (GTK_EDITABLE (data->title)), text, &error);
  if (id <= 0)
    {
      cf_show_error (GTK_WIDGET (self), _("Could Not Add the Text"), error);
      return;
    }
  _cf_window_set_document_id (self, id);
}

static void
show_paste_dialog (CfWindow   *self,
                   const char *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *title, *scroller, *view;
  PasteData *data;

  title = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Title of the source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  if (text != NULL)
    {
      const char *newline = strchr (text, '\n');
      glong chars = g_utf8_strlen (text, newline != NULL ? newline - text : -1);
      g_autofree char *first = g_utf8_substring (text, 0, MIN (chars, 80));

      gtk_editable_set_text (GTK_EDITABLE (title), g_strstrip (first));
    }

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ?: "", -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 440);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scroller);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Paste Text as a Source"), NULL));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Source"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (PasteData, 1);
  data->window = g_object_ref (self);
  data->title = GTK_ENTRY (title);
  data->text = GTK_TEXT_VIEW (view);
  g_signal_connect_data (dialog, "response", G_CALLBACK (paste_response_cb), data,
                         paste_data_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (self->kase != NULL)
    show_paste_dialog (self, text);
}

static void
paste_text_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 clipboard_text_cb, g_object_ref (self));
}

/* --- claims ------------------------------------------------------------------------------ */

static void
mark_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 document_id, id;
  int start, end;

  /* The source may have been deleted meanwhile. */
  _cf_window_check_outside_changes (self);
  if (self->kase == NULL || !cf_reader_get_selected_words (self->reader, &document_id, &start, &end))
    return;

  id = cf_case_add_claim (self->kase, document_id, start, end, NULL, &error);
  if (id <= 0)
    {
      /* the store names the claim this one would duplicate */
      if (g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_DUPLICATE))
        cf_window_show_toast (self, error->message);
      else
        cf_show_error (widget, _("Could Not Mark the Claim"), error);
      return;
    }

  _cf_window_select_claim_id (self, id);
  cf_inspector_focus_rating (self->inspector);
}

/* A claim named by id (a linked claim in the inspector) becomes the selected one. */
static void
select_claim_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _cf_window_select_claim_id (CF_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
delete_claim_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CfClaim *claim;

  _cf_window_check_outside_changes (self);
  claim = self->selected_claim;
  if (claim != NULL && !cf_case_delete_claim (self->kase, cf_claim_get_id (claim), &error))
    cf_show_error (widget, _("Could Not Delete the Claim"), error);
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  _cf_window_check_outside_changes (self);
  if (self->selected_claim != NULL)
    cf_inspector_popup_tags (self->inspector);
}

static void
delete_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  _cf_window_check_outside_changes (self);
  id = self->document_id;
  if (id <= 0)
    return;

  /* Undo brings the source back with its claims; a toast says so. */
  if (!cf_case_delete_document (self->kase, id, &error))
    cf_show_error (widget, _("Could Not Delete the Source"), error);
  else
    cf_window_show_toast (self, _("Source deleted. Press Ctrl+Z to bring it back."));
}

/* --- undo ---------------------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->kase == NULL)
    return;

  cf_inspector_commit (self->inspector);
  if (g_str_equal (action_name, "win.undo"))
    ok = cf_case_undo (self->kase, &error);
  else
    ok = cf_case_redo (self->kase, &error);

  if (!ok && !g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_NOTHING_TO_UNDO))
    cf_show_error (widget, g_str_equal (action_name, "win.undo") ? _("Could Not Undo") : _("Could Not Redo"), error);
  _cf_window_update_actions (self);
}

/* --- case file ------------------------------------------------------------------------------- */

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->kase != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".casefile"))
        {
          char *with_suffix = g_strconcat (path, ".casefile", NULL);
          g_free (path);
          path = with_suffix;
        }

      if (path == NULL || !cf_case_save_as (self->kase, path, &error))
        cf_show_error (GTK_WIDGET (self), _("Could Not Save the Case"), error);
      else
        {
          /* The case goes on in the copy; the window shows where it is now. */
          _cf_window_case_moved (self);
          cf_window_show_toast (self, _("Saved a copy; you are now working in it"));
        }
    }

  g_object_unref (chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->kase == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Case As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_path_get_basename (cf_case_get_path (self->kase));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  set_last_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = app != NULL ? gtk_application_get_windows (app) : NULL;

  /* The last window stays open on the welcome page. */
  if (g_list_length (windows) > 1)
    gtk_window_close (GTK_WINDOW (self));
  else
    cf_window_set_case (self, NULL);
}

/* --- dialogs and panes -------------------------------------------------------------------------- */

static void
manage_tags_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->kase != NULL)
    gtk_window_present (GTK_WINDOW (cf_tag_editor_new (GTK_WINDOW (self), self->kase)));
}

static void
new_hypothesis_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "hypotheses");
  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  cf_hypotheses_pane_add_hypothesis (self->hypotheses_pane);
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "notes");
  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  cf_notes_pane_add_case_note (self->notes_pane);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkWidget *page;

  gtk_stack_set_visible_child_name (self->sidebar_stack, g_variant_get_string (parameter, NULL));
  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  page = gtk_stack_get_visible_child (self->sidebar_stack);
  if (page != NULL && !gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  adw_flap_set_reveal_flap (self->sidebar_flap, !adw_flap_get_reveal_flap (self->sidebar_flap));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->kase != NULL)
    gtk_menu_button_popup (self->search_button);
}

/* Ctrl+G, Ctrl+Shift+G: the next (previous) occurrence of the last search in the
 * source shown, after (before) the selection or the cursor, round past the end. */
static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  gboolean backward = g_str_equal (action_name, "win.find-previous");
  const char *query = cf_search_popover_get_query (self->search_popover);
  gint64 document_id = cf_reader_get_document_id (self->reader);
  gint64 selected_document = 0;
  g_autoptr(GArray) ranges = NULL;
  int start = 0, end = 0;
  gboolean selected;
  const CfSearchRange *pick = NULL;

  if (self->kase == NULL || query == NULL || document_id <= 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  ranges = cf_case_find_in_document (self->kase, document_id, query, NULL);
  if (ranges == NULL || ranges->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  selected = cf_reader_get_selection (self->reader, &selected_document, &start, &end) &&
             selected_document == document_id;
  if (!selected)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (cf_reader_get_text_view (self->reader));
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      start = gtk_text_iter_get_offset (&cursor);
    }
  for (guint i = 0; i < ranges->len; i++)
    {
      const CfSearchRange *range = &g_array_index (ranges, CfSearchRange, i);

      if (backward ? range->start < start
                   : (selected ? range->start > start : range->start >= start))
        {
          pick = range;
          if (!backward)
            break;
        }
    }
  if (pick == NULL)
    pick = &g_array_index (ranges, CfSearchRange, backward ? ranges->len - 1 : 0);
  cf_reader_select_range (self->reader, document_id, pick->start, pick->end);
}

static void
filter_claims_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cf_claims_pane_focus_filter (CF_WINDOW (widget)->claims_pane);
}

static void
show_scales_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (cf_scales_help_new (GTK_WINDOW (widget))));
}

static void
show_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  if (CF_WINDOW (widget)->kase != NULL)
    cf_timeline_pane_present (GTK_WINDOW (widget));
}

static void
show_matrix_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (CF_WINDOW (widget)->kase != NULL)
    cf_ach_pane_present (GTK_WINDOW (widget));
}

static void
print_brief_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->kase != NULL)
    cf_print_operation_run_for_window (GTK_WINDOW (self), self->kase);
}

void
_cf_window_update_actions (CfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_case = self->kase != NULL;
  /* a running import refuses every other edit (see the import section above) */
  gboolean writable = has_case && !cf_case_get_read_only (self->kase) && self->import_job == NULL;
  gboolean has_claim = self->selected_claim != NULL;
  gboolean can_undo = writable && cf_case_can_undo (self->kase);
  gboolean can_redo = writable && cf_case_can_redo (self->kase);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->import_job != NULL);
  gtk_widget_action_set_enabled (widget, "win.paste-text", writable);
  gtk_widget_action_set_enabled (widget, "win.mark-claim",
                                 writable && cf_reader_get_has_selection (self->reader));
  gtk_widget_action_set_enabled (widget, "win.delete-claim", writable && has_claim);
  gtk_widget_action_set_enabled (widget, "win.add-tag", writable && has_claim);
  gtk_widget_action_set_enabled (widget, "win.delete-document",
                                 writable && self->document_id > 0);
  gtk_widget_action_set_enabled (widget, "win.undo", can_undo);
  gtk_widget_action_set_enabled (widget, "win.redo", can_redo);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_case);
  gtk_widget_action_set_enabled (widget, "win.close-case", has_case);
  gtk_widget_action_set_enabled (widget, "win.manage-tags", writable);
  gtk_widget_action_set_enabled (widget, "win.new-hypothesis", writable);
  gtk_widget_action_set_enabled (widget, "win.new-note", writable);
  gtk_widget_action_set_enabled (widget, "win.show-sidebar", has_case);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", has_case);
  gtk_widget_action_set_enabled (widget, "win.search", has_case);
  gtk_widget_action_set_enabled (widget, "win.filter-claims", has_case);
  gtk_widget_action_set_enabled (widget, "win.focus-pane", has_case);
  gtk_widget_action_set_enabled (widget, "win.next-pane", has_case);
  gtk_widget_action_set_enabled (widget, "win.previous-pane", has_case);
  gtk_widget_action_set_enabled (widget, "win.print-brief", has_case);
  gtk_widget_action_set_enabled (widget, "win.show-matrix", has_case);
  gtk_widget_action_set_enabled (widget, "win.show-timeline", has_case);
  gtk_widget_action_set_enabled (widget, "win.find-next", has_case);
  gtk_widget_action_set_enabled (widget, "win.find-previous", has_case);
  _cf_window_update_case_actions (self);

  gtk_widget_set_visible (self->sidebar_button, has_case);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), has_case);
  gtk_widget_set_visible (GTK_WIDGET (self->redo_button), has_case);
  gtk_widget_set_visible (self->mark_button, has_case);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), has_case);

  if (can_undo && cf_case_get_undo_label (self->kase) != NULL)
    undo_tip = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), cf_case_get_undo_label (self->kase));
  if (can_redo && cf_case_get_redo_label (self->kase) != NULL)
    redo_tip = g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), cf_case_get_redo_label (self->kase));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip ?: _("Undo (Ctrl+Z)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip ?: _("Redo (Ctrl+Shift+Z)"));
}

void
_cf_window_class_actions_init (GtkWidgetClass *widget_class)
{
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.paste-text", NULL, paste_text_action);
  gtk_widget_class_install_action (widget_class, "win.mark-claim", NULL, mark_claim_action);
  gtk_widget_class_install_action (widget_class, "win.delete-claim", NULL, delete_claim_action);
  gtk_widget_class_install_action (widget_class, "win.select-claim", "x", select_claim_action);
  gtk_widget_class_install_action (widget_class, "win.add-tag", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "win.delete-document", NULL, delete_document_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close-case", NULL, close_case_action);
  gtk_widget_class_install_action (widget_class, "win.manage-tags", NULL, manage_tags_action);
  gtk_widget_class_install_action (widget_class, "win.new-hypothesis", NULL, new_hypothesis_action);
  gtk_widget_class_install_action (widget_class, "win.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", "s", show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.filter-claims", NULL, filter_claims_action);
  gtk_widget_class_install_action (widget_class, "win.show-scales", NULL, show_scales_action);
  gtk_widget_class_install_action (widget_class, "win.print-brief", NULL, print_brief_action);
  gtk_widget_class_install_action (widget_class, "win.show-matrix", NULL, show_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.show-timeline", NULL, show_timeline_action);
  _cf_window_class_case_actions_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.mark-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.add-tag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.filter-claims", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-brief", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-matrix", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-matrix", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-sidebar", "s", "sources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-sidebar", "s", "notes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-sidebar", "s", "hypotheses");
}
