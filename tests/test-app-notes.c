/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A note list on a case with many notes: the latest fifty are shown, the newest
 * last, and "Show Earlier Notes" brings fifty more each time until none are left.
 * The notes pane reads its notes when first shown: then it shows the notes of the
 * case and the source the window has, whatever changed while it was hidden. */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-note-list.h"
#include "cf-notes-pane.h"

#include "app-test-util.h"

#define N_NOTES 120
#define PAGE    50

static guint
count_rows (CfNoteList *list)
{
  GtkWidget *box = cf_note_list_get_list_box (list);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (box); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_earlier_notes_in_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casefile-notes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "many-notes.casefile", NULL);
  g_autoptr(CfCase) kase = NULL;
  GtkWindow *window;
  CfNoteList *list;
  GtkButton *more;
  GListModel *model;
  g_autoptr(CfNote) last = NULL;

  app_test_start_gtk ();
  g_assert_no_error (error);
  kase = cf_case_create (path, "Many notes", &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= N_NOTES; i++)
    {
      g_autofree char *body = g_strdup_printf ("Note number %u", i);

      g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_CASE, 0, body, &error), >, 0);
      g_assert_no_error (error);
    }

  list = CF_NOTE_LIST (cf_note_list_new ("Case notes"));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gtk_window_get_child (window)), GTK_WIDGET (list));
  gtk_window_present (window);
  cf_note_list_set_target (list, kase, CF_NOTE_TARGET_CASE, 0);
  app_test_drain ();

  more = find_button (GTK_WIDGET (list), "Show _Earlier Notes");
  g_assert_nonnull (more);

  /* of all the notes (oldest first), the latest fifty are shown */
  model = cf_note_list_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_NOTES);
  last = g_list_model_get_item (model, N_NOTES - 1);
  g_assert_cmpstr (cf_note_get_body (last), ==, "Note number 120");
  g_assert_cmpuint (count_rows (list), ==, PAGE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_true (shows_text (GTK_WIDGET (list), "Note number 120"));
  g_assert_true (shows_text (GTK_WIDGET (list), "Note number 71"));
  g_assert_false (shows_text (GTK_WIDGET (list), "Note number 70"));

  g_signal_emit_by_name (more, "clicked");
  app_test_drain ();
  g_assert_cmpuint (count_rows (list), ==, 2 * PAGE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_false (shows_text (GTK_WIDGET (list), "Note number 20"));

  /* the last page holds the twenty left, and the button goes */
  g_signal_emit_by_name (more, "clicked");
  app_test_drain ();
  g_assert_cmpuint (count_rows (list), ==, N_NOTES);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_true (shows_text (GTK_WIDGET (list), "Note number 20"));

  /* a note added now shows at once, at the end */
  g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_CASE, 0, "The newest", &error), >, 0);
  app_test_drain ();
  g_assert_cmpuint (count_rows (list), ==, N_NOTES + 1);

  cf_note_list_set_target (list, NULL, CF_NOTE_TARGET_CASE, 0);
  gtk_window_destroy (window);
  app_test_drain ();
  cf_case_close (kase);
  g_unlink (path);
  g_rmdir (dir);
}

static void
show_sidebar (CfWindow   *window,
              const char *page)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", "s", page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  app_test_drain ();
}

static void
test_pane_read_when_shown (void)
{
  WindowFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(CfDocument) second = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(CfCase) other = NULL;
  GtkWidget *pane;
  CfCase *kase;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);
  pane = cf_window_get_pane (f.window, "notes");
  g_assert_false (gtk_widget_get_mapped (pane));

  /* written, and another source shown, while the pane is hidden */
  g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_CASE, 0, "Written before the pane was shown", &error), >, 0);
  g_assert_no_error (error);
  documents = cf_case_list_documents (kase);
  g_assert_cmpuint (g_list_model_get_n_items (documents), >=, 2);
  second = g_list_model_get_item (documents, 1);
  g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_DOCUMENT, cf_document_get_id (second),
                                     "On the second source", &error), >, 0);
  g_assert_no_error (error);
  g_object_set (f.window, "document-id", cf_document_get_id (second), NULL);
  app_test_drain ();

  show_sidebar (f.window, "notes");
  g_assert_true (gtk_widget_get_mapped (pane));
  g_assert_true (shows_text (pane, "Written before the pane was shown"));
  g_assert_true (shows_text (pane, "On the second source"));

  /* hidden again, another case opened: its notes, not the first case's */
  show_sidebar (f.window, "sources");
  other_path = g_build_filename (f.tmpdir, "other.casefile", NULL);
  other = cf_case_create (other_path, "Another case", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_add_note (other, CF_NOTE_TARGET_CASE, 0, "Only in the other case", &error), >, 0);
  g_assert_no_error (error);
  cf_window_set_case (f.window, other);
  app_test_drain ();
  show_sidebar (f.window, "notes");
  g_assert_true (shows_text (pane, "Only in the other case"));
  g_assert_false (shows_text (pane, "Written before the pane was shown"));

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/notes/earlier-notes-in-pages", test_earlier_notes_in_pages);
  g_test_add_func ("/app/notes/pane-read-when-shown", test_pane_read_when_shown);

  return g_test_run ();
}
