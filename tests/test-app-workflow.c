/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application end to end on a new, empty case: importing articles (and telling
 * in one dialog what could not be imported) and a new user's first session, from
 * import to reopening the file. */
#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"

typedef struct
{
  gboolean finished;
  guint    n_imported;
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

/* A window on a new, empty case at @path; the window owns the case. */
static CfWindow *
new_case_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = cf_case_create (path, "Test", &error);
  CfWindow *window;

  g_assert_no_error (error);
  window = g_object_ref_sink (cf_window_new (NULL));
  cf_window_set_case (window, kase);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* Imports @files as a user's drop would and waits for the end; returns how many
 * sources were added. */
static guint
import_and_wait (CfWindow  *window,
                 GFile    **files,
                 guint      n_files)
{
  ImportWait wait = { 0 };
  gulong id = g_signal_connect (window, "import-finished", G_CALLBACK (import_finished_cb), &wait);

  cf_window_import_files (window, files, n_files);
  g_assert_true (app_test_wait_until (import_done, &wait));
  app_test_drain ();
  g_signal_handler_disconnect (window, id);
  return wait.n_imported;
}

static void
close_case_window (CfWindow *window)
{
  cf_window_set_case (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
  g_object_unref (window);
}

/* The invented article every end-to-end test imports (tests/fixtures). */
static char *
fixture_article (void)
{
  char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "article.html", NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
test_import_article (void)
{
  g_autofree char *article = fixture_article ();
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "article.casefile", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (article);
  CfWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  CfReader *reader;

  app_test_start_gtk ();
  window = new_case_window (path);
  g_assert_cmpuint (import_and_wait (window, &file, 1), ==, 1);

  /* Listed, and shown without the page's cookie banner. */
  g_assert_null (app_test_find_message_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (cf_sources_pane_get_model (CF_SOURCES_PANE (cf_window_get_pane (window, "sources")))), ==, 1);
  reader = CF_READER (cf_window_get_pane (window, "reader"));
  g_assert_cmpint (cf_reader_get_document_id (reader), >, 0);
  buffer = gtk_text_view_get_buffer (cf_reader_get_text_view (reader));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 1000);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  g_assert_null (strstr (text, "We use cookies"));

  close_case_window (window);
  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_import_errors (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "import.casefile", NULL);
  g_autofree char *good = g_build_filename (tmpdir, "statement.txt", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-article.html", NULL);
  GFile *files[2];
  CfWindow *window;
  AdwMessageDialog *dialog;

  app_test_start_gtk ();
  g_assert_true (g_file_set_contents (good, "Ministry statement\n\nThe ministry said the fire was an accident.\n", -1, NULL));
  files[0] = g_file_new_for_path (missing);
  files[1] = g_file_new_for_path (good);
  window = new_case_window (path);

  /* The good file is in; the bad one is named in one dialog. */
  g_assert_cmpuint (import_and_wait (window, files, 2), ==, 1);
  dialog = app_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no-such-article.html"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
  g_assert_null (app_test_find_message_dialog ());

  close_case_window (window);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_unlink (path);
  g_unlink (good);
  g_rmdir (tmpdir);
}

/* The new user's first session: import an article, highlight a claim, rate it,
 * tag it, write a note, close, reopen: everything is there. */
static gboolean
tag_entry_focused (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

static void
test_workflow (void)
{
  g_autofree char *article = fixture_article ();
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "workflow.casefile", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(CfClaim) stored = NULL;
  CfWindow *window;
  CfReader *reader;
  CfInspector *inspector;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  GtkWidget *focus, *entry;
  AdwMessageDialog *dialog;
  GtkWidget *note_view;

  app_test_start_gtk ();
  window = new_case_window (path);
  g_assert_cmpuint (import_and_wait (window, &file, 1), ==, 1);

  /* Highlight the second paragraph's first five words. */
  reader = CF_READER (cf_window_get_pane (window, "reader"));
  inspector = CF_INSPECTOR (cf_window_get_pane (window, "inspector"));
  buffer = gtk_text_view_get_buffer (cf_reader_get_text_view (reader));
  gtk_text_buffer_get_iter_at_line (buffer, &s, 2);
  e = s;
  gtk_text_iter_forward_word_ends (&e, 5);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-claim", NULL));
  app_test_drain ();
  g_assert_nonnull (cf_inspector_get_claim (inspector));

  /* Rate it. */
  gtk_drop_down_set_selected (cf_inspector_get_dropdown (inspector, CF_INSPECTOR_RELIABILITY), CF_RELIABILITY_B);
  gtk_drop_down_set_selected (cf_inspector_get_dropdown (inspector, CF_INSPECTOR_LIKELIHOOD), CF_LIKELIHOOD_LIKELY);
  app_test_drain ();

  /* Tag it: Ctrl+T opens the tag popover with its entry focused; a new name
   * and Enter create the tag. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-tag", NULL));
  /* (the inspector first scrolls its tags into view) */
  g_assert_true (app_test_wait_until (tag_entry_focused, window));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Attack claims");
  g_signal_emit_by_name (entry, "activate");
  app_test_drain ();
  g_assert_cmpstr (cf_claim_get_tag_names (cf_inspector_get_claim (inspector)), ==, "Attack claims");

  /* A case note, through the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-note", NULL));
  app_test_drain ();
  dialog = app_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  note_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note_view)), "Check the video's metadata.", -1);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();

  /* Close and reopen. */
  cf_window_set_case (window, NULL);
  reopened = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  claims = cf_case_list_claims (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
  stored = g_list_model_get_item (claims, 0);
  g_assert_cmpint (cf_claim_get_reliability (stored), ==, CF_RELIABILITY_B);
  g_assert_cmpint (cf_claim_get_likelihood (stored), ==, CF_LIKELIHOOD_LIKELY);
  g_assert_cmpstr (cf_claim_get_tag_names (stored), ==, "Attack claims");
  notes = cf_case_list_notes (reopened, CF_NOTE_TARGET_CASE, 0);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  {
    g_autoptr(CfNote) note = g_list_model_get_item (notes, 0);
    g_assert_cmpstr (cf_note_get_body (note), ==, "Check the video's metadata.");
  }
  cf_case_close (reopened);

  close_case_window (window);
  g_unlink (path);
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/import/article", test_import_article);
  g_test_add_func ("/app/import/errors-in-one-dialog", test_import_errors);
  g_test_add_func ("/app/workflow/first-session-survives-reopening", test_workflow);

  return g_test_run ();
}
