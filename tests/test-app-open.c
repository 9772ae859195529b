/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a case file that needs the full check (issue 12, part 2): the window shows
 * the file's name with "Checking the case file…" and a Cancel button at once, and the
 * case when the check passes; Cancel goes back to what was shown; a refusal is shown
 * as for any open. CASEFILE_BACKGROUND_CHECK_BYTES=0 makes the small example case
 * count as big. */
#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"

static gboolean
has_case (gpointer data)
{
  return cf_window_get_case (data) != NULL;
}

static gboolean
shows_welcome (gpointer data)
{
  GtkStack *stack = GTK_STACK (cf_window_get_pane (data, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "welcome") == 0;
}

static CfWindow *
open_in_new_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CfWindow *window = g_object_ref_sink (cf_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cf_window_open_file (window, file));
  return window;
}

/* The page shown while checking: the file's name and a Cancel button. */
static GtkWidget *
checking_page (CfWindow *window)
{
  GtkStack *stack = GTK_STACK (cf_window_get_pane (window, "stack"));
  GtkWidget *page = gtk_stack_get_visible_child (stack);

  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==,
                   "Checking the case file…");
  g_assert_nonnull (app_test_find_child_of_type (page, GTK_TYPE_PROGRESS_BAR));
  return page;
}

static void
test_checked_in_background (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-open-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(CfWindow) window = NULL;

  app_test_start_gtk ();
  path = app_test_copy_example (tmpdir);
  if (path == NULL)
    {
      g_test_skip ("no example case");
      return;
    }

  window = open_in_new_window (path);
  g_assert_null (cf_window_get_case (window));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (checking_page (window))), ==,
                   "example.casefile");

  g_assert_true (app_test_wait_until (has_case, window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (cf_window_get_pane (window, "stack"))),
                   ==, "case");

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
  g_remove (path);
  g_rmdir (tmpdir);
}

static void
test_cancel_goes_back (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-open-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(CfWindow) window = NULL;
  GtkWidget *cancel;

  app_test_start_gtk ();
  path = app_test_copy_example (tmpdir);
  if (path == NULL)
    {
      g_test_skip ("no example case");
      return;
    }

  window = open_in_new_window (path);
  cancel = app_test_find_child_of_type (checking_page (window), GTK_TYPE_BUTTON);
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");

  g_assert_true (app_test_wait_until (shows_welcome, window));
  app_test_drain ();
  g_assert_null (cf_window_get_case (window));
  g_assert_null (app_test_find_message_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
  g_remove (path);
  g_rmdir (tmpdir);
}

static void
test_refusal_is_shown (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "junk.casefile", NULL);
  g_autoptr(CfWindow) window = NULL;
  AdwMessageDialog *dialog;

  app_test_start_gtk ();
  g_assert_true (g_file_set_contents (path, "not a case file at all", -1, NULL));

  window = open_in_new_window (path);
  checking_page (window);
  g_assert_true (app_test_wait_until (shows_welcome, window));
  app_test_drain ();
  dialog = app_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_null (cf_window_get_case (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
  g_remove (path);
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);
  g_setenv ("CASEFILE_BACKGROUND_CHECK_BYTES", "0", TRUE);

  g_test_add_func ("/app-open/checked-in-background", test_checked_in_background);
  g_test_add_func ("/app-open/cancel-goes-back", test_cancel_goes_back);
  g_test_add_func ("/app-open/refusal-is-shown", test_refusal_is_shown);

  return g_test_run ();
}
