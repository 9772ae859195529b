/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a big case file this machine has not checked as it is now: the full check
 * reads every page (seconds for a big case), so it runs in a worker thread
 * (cf_case_open_async) while the window shows the file's name, "Checking the case
 * file…" with a progress bar and a Cancel button. The case becomes usable when the
 * check passes; a refusal is shown as it would be for a quick open, and the window
 * goes back to what it showed before. Small files, and files Casefile last wrote
 * (cf-case-stamp.c), open at once as before. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-app-util.h"
#include "cf-upgrade-dialog.h"
#include "cf-window-private.h"

/* Below this a check takes a few tens of milliseconds: not worth a page.
 * CASEFILE_BACKGROUND_CHECK_BYTES changes it (tests use 0). */
#define BACKGROUND_CHECK_BYTES (16 * 1024 * 1024)

#define JOB_KEY "cf-open-job"

typedef struct
{
  GWeakRef        window;
  GFile          *file;
  GCancellable   *cancellable;
  GtkWidget      *page;
  GtkProgressBar *bar;
  char           *previous_page;
  guint           pulse_id;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  g_weak_ref_clear (&job->window);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job->previous_page);
  g_free (job);
}

static goffset
background_threshold (void)
{
  const char *env = g_getenv ("CASEFILE_BACKGROUND_CHECK_BYTES");

  if (env != NULL && *env != '\0')
    return g_ascii_strtoll (env, NULL, 10);
  return BACKGROUND_CHECK_BYTES;
}

/* SQLite's check does not say how far it is: the bar pulses. */
static gboolean
pulse_cb (gpointer data)
{
  OpenJob *job = data;

  gtk_progress_bar_pulse (job->bar);
  return G_SOURCE_CONTINUE;
}

static void
cancel_clicked_cb (GtkButton *button,
                   OpenJob   *job)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  g_cancellable_cancel (job->cancellable);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  OpenJob *job = data;
  g_autoptr(CfWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = cf_case_open_finish (result, &error);

  if (self == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      open_job_free (job);
      return;
    }
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  /* given up for another file: that one's page stays */
  if (g_object_get_data (G_OBJECT (self), JOB_KEY) != job)
    {
      gtk_stack_remove (self->stack, job->page);
      open_job_free (job);
      return;
    }
  g_object_steal_data (G_OBJECT (self), JOB_KEY);

  if (kase != NULL)
    cf_window_set_case (self, kase);
  else
    gtk_stack_set_visible_child_name (self->stack, job->previous_page);
  gtk_stack_remove (self->stack, job->page);

  if (kase == NULL && g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE))
    cf_upgrade_dialog_present (self, job->file);
  else if (kase == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      cf_show_error (GTK_WIDGET (self), heading, error);
    }
  open_job_free (job);
}

static GtkWidget *
make_page (OpenJob    *job,
           const char *name)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_status_page_set_title (ADW_STATUS_PAGE (page), name);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("Checking the case file…"));

  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_pulse_step (job->bar, 0.05);
  gtk_widget_set_size_request (GTK_WIDGET (job->bar), 320, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checking the case file"), -1);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), job);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->bar));
  gtk_box_append (GTK_BOX (box), cancel);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), box);
  return page;
}

gboolean
_cf_window_open_in_background (CfWindow *self,
                               GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  OpenJob *job;
  GStatBuf st;

  if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode)
      || st.st_size < background_threshold () || !cf_case_open_needs_check (path))
    return FALSE;

  /* a second file while one is being checked: the first is given up */
  job = g_object_get_data (G_OBJECT (self), JOB_KEY);
  if (job != NULL)
    {
      g_cancellable_cancel (job->cancellable);
      g_object_steal_data (G_OBJECT (self), JOB_KEY);
    }

  job = g_new0 (OpenJob, 1);
  g_weak_ref_init (&job->window, self);
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  job->previous_page = g_strdup (self->kase != NULL ? "case" : "welcome");
  name = g_file_get_basename (file);
  job->page = make_page (job, name);
  gtk_stack_add_named (self->stack, job->page, NULL);
  gtk_stack_set_visible_child (self->stack, job->page);
  job->pulse_id = g_timeout_add (100, pulse_cb, job);
  /* closing the window gives the check up */
  g_signal_connect_object (self, "destroy", G_CALLBACK (g_cancellable_cancel),
                           job->cancellable, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), JOB_KEY, job);

  cf_case_open_async (path, CF_CASE_OPEN_DEFAULT, job->cancellable, opened_cb, job);
  return TRUE;
}
