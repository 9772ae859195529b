/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window importing a big feed (issue 12): the main loop keeps running while the
 * items are stored, the progress bar counts them, the whole import is one undo step,
 * Cancel leaves the case exactly as it was, and nothing else edits the case meanwhile. */
#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"

#define FEED_ITEMS 3000

typedef struct
{
  gboolean finished;
  guint    n_imported;
  guint    n_ticks;
  gboolean saw_progress;
  double   last_fraction;
  gboolean went_back;
} ImportWait;

static void
import_finished_cb (CfWindow   *window,
                    guint       n_imported,
                    ImportWait *wait)
{
  wait->finished = TRUE;
  wait->n_imported = n_imported;
}

static gboolean
import_done (gpointer data)
{
  return ((ImportWait *) data)->finished;
}

static gboolean
tick_cb (gpointer data)
{
  ((ImportWait *) data)->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static GtkProgressBar *
import_progress (CfWindow *window)
{
  GtkWidget *bar = app_test_find_child_of_type (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  return GTK_PROGRESS_BAR (bar);
}

/* What the bar says beside it, e.g. "Importing 1,200 of 3,000 items…". */
static const char *
import_label (CfWindow *window)
{
  GtkWidget *label = gtk_widget_get_prev_sibling (GTK_WIDGET (import_progress (window)));

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
storing_items (gpointer data)
{
  CfWindow *window = data;

  return strstr (import_label (window), "items") != NULL &&
         gtk_progress_bar_get_fraction (import_progress (window)) > 0.1;
}

static char *
write_feed (const char *dir,
            guint       n_items)
{
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                          "<rss version=\"2.0\"><channel><title>Wire</title>\n");
  char *path = g_build_filename (dir, "wire.rss", NULL);

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (feed,
                            "<item><title>Report %u from the border</title>"
                            "<link>https://example.org/report/%u</link>"
                            "<description>Officials said on day %u that the reported event near "
                            "the border was likely staged, according to a ministry statement. "
                            "Witnesses described a loud noise and smoke over the district.</description>"
                            "</item>\n", i, i, i);
  g_string_append (feed, "</channel></rss>\n");
  g_assert_true (g_file_set_contents (path, feed->str, feed->len, NULL));
  return path;
}

static guint
count_documents (CfCase *kase)
{
  g_autoptr(GListModel) documents = cf_case_list_documents (kase);

  return g_list_model_get_n_items (documents);
}

typedef struct
{
  char     *tmpdir;
  char     *path;
  char     *feed;
  CfWindow *window;
  CfCase   *kase;
} Fixture;

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  app_test_start_gtk ();
  f->tmpdir = g_dir_make_tmp ("casefile-app-import-XXXXXX", NULL);
  f->path = g_build_filename (f->tmpdir, "import.casefile", NULL);
  f->feed = write_feed (f->tmpdir, FEED_ITEMS);
  f->kase = cf_case_create (f->path, "Feed", &error);
  g_assert_no_error (error);
  /* something of the analyst's own, which must survive whatever the import does */
  g_assert_cmpint (cf_case_import_text (f->kase, "Own notes", "The analyst's own text.", &error), >, 0);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (cf_window_new (NULL));
  cf_window_set_case (f->window, f->kase);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_close (Fixture *f)
{
  cf_window_set_case (f->window, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  app_test_drain ();
  g_object_unref (f->window);
  g_clear_object (&f->kase);
  g_unlink (f->feed);
  g_unlink (f->path);
  g_rmdir (f->tmpdir);
  g_free (f->feed);
  g_free (f->path);
  g_free (f->tmpdir);
}

static void
test_feed_one_undo_step (void)
{
  Fixture f = { 0 };
  ImportWait wait = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint tick;
  gulong id;

  fixture_open (&f);
  file = g_file_new_for_path (f.feed);
  id = g_signal_connect (f.window, "import-finished", G_CALLBACK (import_finished_cb), &wait);
  tick = g_timeout_add (1, tick_cb, &wait);

  cf_window_import_files (f.window, &file, 1);
  /* the bar counts the items while they are stored, and the loop runs meanwhile */
  g_assert_true (app_test_wait_until (storing_items, f.window));
  g_assert_nonnull (strstr (import_label (f.window), "of"));
  /* the case refuses other edits until the import is over, and says why */
  g_assert_cmpint (cf_case_import_text (f.kase, "Meanwhile", "Typed during the import.", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (cf_case_undo (f.kase, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_true (app_test_wait_until (import_done, &wait));
  g_source_remove (tick);
  g_signal_handler_disconnect (f.window, id);
  app_test_drain ();

  /* a 1 ms timeout ran many times: the window was never frozen for the whole import */
  g_assert_cmpuint (wait.n_ticks, >=, 20);
  g_assert_cmpuint (wait.n_imported, ==, FEED_ITEMS);
  g_assert_cmpuint (count_documents (f.kase), ==, FEED_ITEMS + 1);
  g_assert_cmpstr (cf_case_get_undo_label (f.kase), ==, "Import “wire.rss”");

  /* one undo step takes the whole feed away, and only it */
  g_assert_true (cf_case_undo (f.kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (f.kase), ==, 1);
  g_assert_true (cf_case_redo (f.kase, &error));
  g_assert_cmpuint (count_documents (f.kase), ==, FEED_ITEMS + 1);

  fixture_close (&f);
}

static void
test_cancel_leaves_case_as_it_was (void)
{
  Fixture f = { 0 };
  ImportWait wait = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autofree char *undo_label = NULL;
  gulong id;

  fixture_open (&f);
  undo_label = g_strdup (cf_case_get_undo_label (f.kase));
  file = g_file_new_for_path (f.feed);
  id = g_signal_connect (f.window, "import-finished", G_CALLBACK (import_finished_cb), &wait);

  cf_window_import_files (f.window, &file, 1);
  g_assert_true (app_test_wait_until (storing_items, f.window));
  g_assert_false (wait.finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.cancel-import", NULL));
  app_test_drain ();
  g_signal_handler_disconnect (f.window, id);

  /* nothing of the feed, the analyst's own document still there, the same history */
  g_assert_cmpuint (count_documents (f.kase), ==, 1);
  g_assert_cmpstr (cf_case_get_undo_label (f.kase), ==, undo_label);
  /* and the case takes edits again */
  g_assert_cmpint (cf_case_import_text (f.kase, "After", "Typed after the import.", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (cf_case_undo (f.kase, &error));
  g_assert_cmpuint (count_documents (f.kase), ==, 1);

  /* the file says the same to the next session */
  cf_window_set_case (f.window, NULL);
  cf_case_close (f.kase);
  reopened = cf_case_open (f.path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (reopened), ==, 1);

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/import/feed-in-slices-one-undo-step", test_feed_one_undo_step);
  g_test_add_func ("/app/import/cancel-leaves-case-as-it-was", test_cancel_leaves_case_as_it_was);

  return g_test_run ();
}
