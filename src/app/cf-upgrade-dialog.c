/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asking before a case file of an older format is upgraded (issue 10, "Format"):
 * the store never upgrades on its own, so the window asks, keeps itself responsive
 * while the upgrade runs in a worker thread, and says where the backup went. */
#define G_LOG_DOMAIN "casefile-upgrade"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-upgrade-dialog.h"

typedef struct
{
  GWeakRef  window;   /* CfWindow: it may close while the upgrade runs */
  GFile    *file;
} UpgradeData;

static void
upgrade_data_free (UpgradeData *data)
{
  g_weak_ref_clear (&data->window);
  g_object_unref (data->file);
  g_free (data);
}

static void
upgrade_data_closure_free (gpointer  data,
                           GClosure *closure)
{
  upgrade_data_free (data);
}

static void
upgrade_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  UpgradeData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autoptr(GError) error = NULL;
  char *backup = NULL;

  if (cf_case_upgrade (path, &backup, &error))
    g_task_return_pointer (task, backup, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
upgrade_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UpgradeData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(CfWindow) window = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_file_get_basename (data->file);

  /* the window closed meanwhile: the file is upgraded (or as it was), nothing to show */
  if (window == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (window), TRUE);
  if (error != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Upgrade “%s”"), name);

      cf_show_error (GTK_WIDGET (window), heading, error);
      return;
    }
  if (!cf_window_open_file (window, data->file))
    return;
  if (backup != NULL)
    {
      g_autofree char *backup_name = g_filename_display_basename (backup);
      g_autofree char *text = g_strdup_printf (_("Upgraded “%s”; the old file is kept as “%s”"),
                                               name, backup_name);

      cf_window_show_toast (window, text);
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             UpgradeData      *data)
{
  g_autoptr(CfWindow) window = g_weak_ref_get (&data->window);
  g_autoptr(GTask) task = NULL;
  UpgradeData *task_data;

  if (g_strcmp0 (response, "upgrade") != 0 || window == NULL)
    return;

  task_data = g_new0 (UpgradeData, 1);
  g_weak_ref_init (&task_data->window, window);
  task_data->file = g_object_ref (data->file);
  /* no source object: the task must not keep a closed window alive */
  task = g_task_new (NULL, NULL, upgrade_done_cb, NULL);
  g_task_set_task_data (task, task_data, (GDestroyNotify) upgrade_data_free);
  g_task_set_name (task, "casefile-upgrade");
  /* no second upgrade or open while this one runs; the window still redraws */
  gtk_widget_set_sensitive (GTK_WIDGET (window), FALSE);
  g_task_run_in_thread (task, upgrade_thread);
}

void
cf_upgrade_dialog_present (CfWindow *window,
                           GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  UpgradeData *data;
  GtkWidget *dialog;

  g_return_if_fail (CF_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("Upgrade “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading,
                                   _("This case file was made by an older version of "
                                     "Casefile. To open it, Casefile upgrades it to the "
                                     "current format. A backup copy of the file as it is "
                                     "now is kept beside it, and the file stays as it is "
                                     "if the upgrade fails."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "upgrade", _("_Upgrade"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upgrade",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "upgrade");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (UpgradeData, 1);
  g_weak_ref_init (&data->window, window);
  data->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), data,
                         upgrade_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
