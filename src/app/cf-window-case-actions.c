/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions that finish a case without a terminal: the case and source
 * properties dialogs, moving a claim's ends to the reader's selection, and exports
 * (the brief as PDF and the case as JSON, through the same core calls as
 * `casefile-cli brief` and `casefile-cli export`), with their progress and errors
 * shown in the window. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-brief.h"
#include "cf-case-properties.h"
#include "cf-source-properties.h"
#include "cf-window-private.h"

/* --- properties ------------------------------------------------------------------ */

static void
case_properties_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  _cf_window_check_outside_changes (self);
  if (self->kase != NULL)
    gtk_window_present (GTK_WINDOW (cf_case_properties_new (GTK_WINDOW (self), self->kase)));
}

static void
source_properties_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CfSourceProperties *dialog;

  _cf_window_check_outside_changes (self);
  if (self->kase == NULL || self->document_id <= 0)
    return;

  dialog = cf_source_properties_new (GTK_WINDOW (self), self->kase, self->document_id, &error);
  if (dialog == NULL)
    cf_show_error (widget, _("Could Not Show the Source"), error);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

/* --- a claim's span ------------------------------------------------------------------ */

static void
set_claim_span_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CfClaim *claim;
  gint64 document_id;
  int start, end;

  _cf_window_check_outside_changes (self);
  claim = self->selected_claim;
  if (self->kase == NULL || claim == NULL ||
      !cf_reader_get_selected_words (self->reader, &document_id, &start, &end))
    return;

  /* the selection must reach the claim, or it would be a new claim */
  if (document_id != cf_claim_get_document_id (claim) ||
      end < cf_claim_get_start (claim) || start > cf_claim_get_end (claim))
    {
      cf_window_show_toast (self, _("Select text that overlaps the selected claim to move its ends there"));
      return;
    }
  if (start == cf_claim_get_start (claim) && end == cf_claim_get_end (claim))
    return;

  if (!cf_case_set_claim_span (self->kase, cf_claim_get_id (claim), start, end, &error))
    cf_show_error (widget, _("Could Not Change the Claim"), error);
  else
    cf_window_show_toast (self, _("The claim now quotes the selected text"));
}

/* --- exports ---------------------------------------------------------------------------- */

typedef struct
{
  CfWindowExport  kind;
  GFile          *file;
  CfBrief        *brief;      /* for the PDF */
  JsonNode       *node;       /* for JSON */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->brief);
  g_clear_pointer (&job->node, json_node_unref);
  g_free (job);
}

static gboolean
write_json (JsonNode      *node,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize length = 0;
  g_autofree char *text = cf_json_to_text (node, TRUE, &length);

  /* replaced through a temporary file: a failed export leaves the old file */
  return g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->kind == CF_WINDOW_EXPORT_BRIEF_PDF)
    {
      g_autofree char *path = g_file_get_path (job->file);

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The brief can only be written to a folder on this computer."));
      ok = path != NULL && cf_brief_write_pdf (job->brief, path, &error);
    }
  else
    ok = write_json (job->node, job->file, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
export_idle_cb (gpointer data)
{
  GTask *task = data;

  export_thread (task, g_task_get_source_object (task), g_task_get_task_data (task), NULL);
  return G_SOURCE_REMOVE;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CfWindow *self = CF_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  AdwToast *toast;

  /* the window was closed meanwhile: the file is written, nobody to tell */
  if (self->toast_overlay == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cf_show_error (GTK_WIDGET (self), job->kind == CF_WINDOW_EXPORT_BRIEF_PDF
                                          ? _("Could Not Export the Brief")
                                          : _("Could Not Export the Case"), error);
      return;
    }

  {
    g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
    g_autofree char *uri = g_file_get_uri (job->file);

    toast = adw_toast_new (title);
    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_action_name (toast, "win.open-export");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

void
cf_window_export (CfWindow       *self,
                  CfWindowExport  kind,
                  GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (CF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->kase == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->file = g_object_ref (file);
  /* The case is read here, in the main thread that owns it; the file is written in
   * a worker, from what was read. */
  if (kind == CF_WINDOW_EXPORT_BRIEF_PDF)
    {
      CfBriefOptions options;

      cf_brief_options_init (&options);
      job->brief = cf_brief_new (self->kase, &options, &error);
    }
  else
    job->node = cf_case_export_json (self->kase, &error);
  if (job->brief == NULL && job->node == NULL)
    {
      cf_show_error (GTK_WIDGET (self), kind == CF_WINDOW_EXPORT_BRIEF_PDF
                                          ? _("Could Not Export the Brief")
                                          : _("Could Not Export the Case"), error);
      export_job_free (job);
      return;
    }

  /* No "Exporting…" toast: libadwaita 1.2 crashes when a toast is dismissed while
   * it is still sliding in, and an export of a case takes about that long. The
   * result comes as a toast with Open, a failure as a dialog. */
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, cf_window_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* The brief is laid out with Pango, which the window uses at the same time: its
   * font caches are not to be shared with a worker, so the PDF is written on the
   * main thread when it is idle; the JSON goes to a worker. */
  if (kind == CF_WINDOW_EXPORT_BRIEF_PDF)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, export_idle_cb, g_object_ref (task), g_object_unref);
  else
    g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    CfWindow        *self)
{
  CfWindowExport kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cf-export-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *name = g_file_get_basename (chosen);
      const char *suffix = kind == CF_WINDOW_EXPORT_BRIEF_PDF ? ".pdf" : ".json";

      if (!g_str_has_suffix (name, suffix) && parent != NULL)
        {
          g_autofree char *with_suffix = g_strconcat (name, suffix, NULL);
          g_autoptr(GFile) named = g_file_get_child (parent, with_suffix);

          cf_window_export (self, kind, named);
        }
      else
        cf_window_export (self, kind, chosen);
    }

  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  CfWindowExport kind = g_str_equal (action_name, "win.export-brief") ? CF_WINDOW_EXPORT_BRIEF_PDF
                                                                      : CF_WINDOW_EXPORT_JSON;
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->kase == NULL)
    return;
  _cf_window_check_outside_changes (self);

  chooser = gtk_file_chooser_native_new (kind == CF_WINDOW_EXPORT_BRIEF_PDF ? _("Export the Brief as PDF")
                                                                            : _("Export the Case as JSON"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  base = g_path_get_basename (cf_case_get_path (self->kase));
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, kind == CF_WINDOW_EXPORT_BRIEF_PDF ? ".pdf" : ".json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "cf-export-kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

void
_cf_window_update_case_actions (CfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_case = self->kase != NULL;
  gboolean writable = has_case && !cf_case_get_read_only (self->kase);

  gtk_widget_action_set_enabled (widget, "win.case-properties", has_case);
  gtk_widget_action_set_enabled (widget, "win.source-properties", has_case && self->document_id > 0);
  gtk_widget_action_set_enabled (widget, "win.set-claim-span",
                                 writable && self->selected_claim != NULL &&
                                 cf_reader_get_has_selection (self->reader));
  gtk_widget_action_set_enabled (widget, "win.export-brief", has_case);
  gtk_widget_action_set_enabled (widget, "win.export-json", has_case);
}

void
_cf_window_class_case_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.case-properties", NULL, case_properties_action);
  gtk_widget_class_install_action (widget_class, "win.source-properties", NULL, source_properties_action);
  gtk_widget_class_install_action (widget_class, "win.set-claim-span", NULL, set_claim_span_action);
  gtk_widget_class_install_action (widget_class, "win.export-brief", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.set-claim-span", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.set-claim-span", NULL);
}
