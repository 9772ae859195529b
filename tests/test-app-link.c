/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's panes linked: choosing a claim, a highlight or a source in one pane
 * shows it in the others, a filter or a deletion leaves them consistent, and a claim
 * another program deleted is not edited. Each test opens a copy of the example case. */
#include "config.h"

#include "app-test-util.h"
#include "cf-import.h"

/* --- linking the panes ------------------------------------------------------------------ */

/* Selects the last claim of the table, as a click on its row does, and returns
 * it; it is likely in another source than the one shown. */
static CfClaim *
select_last_claim (WindowFixture *f)
{
  GListModel *claims = cf_claims_pane_get_model (CLAIMS (f));
  guint n = g_list_model_get_n_items (claims);
  CfClaim *claim;

  g_assert_cmpuint (n, >, 0);
  claim = g_list_model_get_item (claims, n - 1);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (f), cf_claim_get_id (claim)));
  app_test_drain ();
  return claim;
}

static void
test_link_claim_selects_document (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;

  if (!window_fixture_open_example (&f))
    return;

  claim = select_last_claim (&f);

  g_assert_cmpint (cf_reader_get_document_id (READER (&f)), ==, cf_claim_get_document_id (claim));
  g_assert_cmpint (cf_sources_pane_get_document_id (SOURCES (&f)), ==, cf_claim_get_document_id (claim));

  window_fixture_close (&f);
}

static void
test_link_claim_selects_span (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  if (!window_fixture_open_example (&f))
    return;

  claim = select_last_claim (&f);

  /* the cursor at its start, underlined but not selected as text (which would
   * offer to mark it again) */
  buffer = gtk_text_view_get_buffer (cf_reader_get_text_view (READER (&f)));
  g_assert_false (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, cf_claim_get_start (claim));
  g_assert_true (cf_reader_get_selected_claim (READER (&f)) == claim);

  window_fixture_close (&f);
}

static void
test_link_claim_fills_inspector (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;

  if (!window_fixture_open_example (&f))
    return;

  claim = select_last_claim (&f);

  g_assert_true (cf_inspector_get_claim (INSPECTOR (&f)) == claim);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (INSPECTOR (&f))));

  window_fixture_close (&f);
}

static void
test_link_highlight_selects_claim (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) other = NULL;
  gint64 clicked;
  int middle;

  if (!window_fixture_open_example (&f))
    return;

  other = window_fixture_first_claim (&f);
  middle = (cf_claim_get_start (other) + cf_claim_get_end (other)) / 2;
  cf_reader_show_document (READER (&f), cf_claim_get_document_id (other));
  app_test_drain ();
  clicked = cf_reader_claim_at_offset (READER (&f), middle);
  g_assert_cmpint (clicked, !=, 0);

  /* What a click inside the highlight emits. */
  g_signal_emit_by_name (READER (&f), "claim-activated", clicked);
  app_test_drain ();

  g_assert_nonnull (cf_claims_pane_get_selected_claim (CLAIMS (&f)));
  g_assert_cmpint (cf_claim_get_id (cf_claims_pane_get_selected_claim (CLAIMS (&f))), ==, clicked);
  g_assert_nonnull (cf_inspector_get_claim (INSPECTOR (&f)));
  g_assert_cmpint (cf_claim_get_id (cf_inspector_get_claim (INSPECTOR (&f))), ==, clicked);

  window_fixture_close (&f);
}

static void
test_link_source_shows_document (void)
{
  WindowFixture f = { 0 };
  GListModel *documents;
  GtkListView *list;
  GtkSingleSelection *selection;
  g_autoptr(CfDocument) second = NULL;

  if (!window_fixture_open_example (&f))
    return;

  documents = cf_sources_pane_get_model (SOURCES (&f));
  if (g_list_model_get_n_items (documents) < 2)
    {
      g_test_skip ("the example case has a single source");
      window_fixture_close (&f);
      return;
    }
  second = g_list_model_get_item (documents, 1);

  /* What a click on the row does. */
  list = GTK_LIST_VIEW (app_test_find_child_of_type (GTK_WIDGET (SOURCES (&f)), GTK_TYPE_LIST_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  gtk_single_selection_set_selected (selection, 1);
  app_test_drain ();

  g_assert_cmpint (cf_reader_get_document_id (READER (&f)), ==, cf_document_get_id (second));

  window_fixture_close (&f);
}

static void
test_link_filtered_claim_stays (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  GtkWidget *filter;

  if (!window_fixture_open_example (&f))
    return;

  claim = select_last_claim (&f);

  /* A filter (Ctrl+L) that matches nothing hides the row, not the claim being rated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.filter-claims", NULL));
  filter = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (filter);
  gtk_editable_set_text (GTK_EDITABLE (filter), "zzqqxxnotaword");
  g_signal_emit_by_name (filter, "search-changed");
  app_test_drain ();

  g_assert_cmpuint (g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f))), ==, 0);
  g_assert_true (cf_inspector_get_claim (INSPECTOR (&f)) == claim);

  window_fixture_close (&f);
}

static void
test_link_deleted_claim_leaves_inspector (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;

  if (!window_fixture_open_example (&f))
    return;

  claim = select_last_claim (&f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.delete-claim", NULL));
  app_test_drain ();

  g_assert_null (cf_inspector_get_claim (INSPECTOR (&f)));
  g_assert_null (cf_claims_pane_get_selected_claim (CLAIMS (&f)));
  g_assert_null (cf_reader_get_selected_claim (READER (&f)));

  window_fixture_close (&f);
}

static void
test_outside_deleted_claim (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(CfCase) other = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  if (!window_fixture_open_example (&f))
    return;

  claim = select_last_claim (&f);
  before = g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f)));

  /* casefile-cli deletes the claim the window shows... */
  other = cf_case_open (f.path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_delete_claim (other, cf_claim_get_id (claim), &error));
  g_assert_no_error (error);
  cf_case_close (other);

  /* ...and Delete Claim in the window finds it gone instead of deleting another. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.delete-claim", NULL);
  app_test_drain ();
  g_assert_null (app_test_find_message_dialog ());
  g_assert_null (cf_inspector_get_claim (INSPECTOR (&f)));
  g_assert_cmpuint (g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f))), ==, before - 1);

  reopened = window_fixture_reopen (&f);
  claims = cf_case_list_claims (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, before - 1);
  cf_case_close (reopened);

  window_fixture_close (&f);
}

static void
test_link_enter_on_highlight (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gboolean handled = FALSE;

  if (!window_fixture_open_example (&f))
    return;

  claim = window_fixture_first_claim (&f);
  view = cf_reader_get_text_view (READER (&f));
  buffer = gtk_text_view_get_buffer (view);
  cf_reader_show_document (READER (&f), cf_claim_get_document_id (claim));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cf_claim_get_start (claim) + 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));

  /* GTK 4 has no way to synthesize a key press; emit it on the text view's key
   * controllers until one (the reader's) takes it. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    }
  g_assert_true (handled);
  app_test_drain ();

  g_assert_nonnull (cf_inspector_get_claim (INSPECTOR (&f)));
  g_assert_cmpint (cf_claim_get_id (cf_inspector_get_claim (INSPECTOR (&f))), ==,
                   cf_reader_claim_at_offset (READER (&f), cf_claim_get_start (claim) + 1));

  window_fixture_close (&f);
}
/* --- a mail's attachments under it ------------------------------------------------------- */

static CfExtractedDocument *
extracted (const char *title,
           const char *filename,
           int         parent_index)
{
  CfExtractedDocument *doc = g_new0 (CfExtractedDocument, 1);

  doc->title = g_strdup (title);
  doc->filename = g_strdup (filename);
  doc->text = g_strdup_printf ("The text of %s.", title);
  doc->media_type = g_strdup (parent_index < 0 ? "message/rfc822" : "text/plain");
  doc->parent_index = parent_index;
  return doc;
}

/* The row of the sources' tree showing @document_id, or G_MAXUINT. */
static guint
row_of (GListModel *rows,
        gint64      document_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(CfDocument) document = gtk_tree_list_row_get_item (row);

      if (cf_document_get_id (document) == document_id)
        return i;
    }
  return G_MAXUINT;
}

/* A message's attachments are a tree under it in the sources pane: closed at
 * first, opened and closed by its expander, opened when one of them is chosen
 * elsewhere, and chosen by a click on its row. */
static void
test_sources_attachments_under_message (void)
{
  WindowFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GtkTreeListRow) message_row = NULL;
  g_autoptr(GtkTreeListRow) attachment_row = NULL;
  CfImport import = { 0 };
  GtkListView *list;
  GtkSingleSelection *selection;
  GListModel *rows;
  gint64 message, first, second;
  guint at, n_closed;

  if (!window_fixture_open_example (&f))
    return;
  import.filename = (char *) "tip.eml";
  import.original = g_bytes_new_static ("From: a tipster", 15);
  import.documents = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
  g_ptr_array_add (import.documents, extracted ("A tip about the convoy", NULL, -1));
  g_ptr_array_add (import.documents, extracted ("Route map notes", "route.txt", 0));
  g_ptr_array_add (import.documents, extracted ("Witness statement", "witness.txt", 0));
  ids = cf_case_add_import (cf_window_get_case (f.window), &import, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (import.documents);
  g_bytes_unref (import.original);
  message = g_array_index (ids, gint64, 0);
  first = g_array_index (ids, gint64, 1);
  second = g_array_index (ids, gint64, 2);
  app_test_drain ();

  list = GTK_LIST_VIEW (app_test_find_child_of_type (GTK_WIDGET (SOURCES (&f)), GTK_TYPE_LIST_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  rows = gtk_single_selection_get_model (selection);
  at = row_of (rows, message);
  g_assert_cmpuint (at, !=, G_MAXUINT);
  message_row = g_list_model_get_item (rows, at);
  g_assert_true (gtk_tree_list_row_is_expandable (message_row));
  g_assert_false (gtk_tree_list_row_get_expanded (message_row));
  g_assert_cmpuint (row_of (rows, first), ==, G_MAXUINT);
  n_closed = g_list_model_get_n_items (rows);

  /* opened: both attachments right under their message, one level in */
  gtk_tree_list_row_set_expanded (message_row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_closed + 2);
  g_assert_cmpuint (row_of (rows, first), ==, at + 1);
  g_assert_cmpuint (row_of (rows, second), ==, at + 2);
  attachment_row = g_list_model_get_item (rows, at + 1);
  g_assert_cmpuint (gtk_tree_list_row_get_depth (attachment_row), ==, 1);
  g_assert_false (gtk_tree_list_row_is_expandable (attachment_row));

  /* closed again */
  gtk_tree_list_row_set_expanded (message_row, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_closed);
  g_assert_cmpuint (row_of (rows, second), ==, G_MAXUINT);

  /* chosen elsewhere (the reader, a claim): the message opens to show it */
  cf_sources_pane_set_document_id (SOURCES (&f), second);
  app_test_drain ();
  g_assert_true (gtk_tree_list_row_get_expanded (message_row));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, at + 2);

  /* a click on the other attachment's row shows it */
  gtk_single_selection_set_selected (selection, at + 1);
  app_test_drain ();
  g_assert_cmpint (cf_sources_pane_get_document_id (SOURCES (&f)), ==, first);
  g_assert_cmpint (cf_reader_get_document_id (READER (&f)), ==, first);
  if (g_getenv ("CASEFILE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CASEFILE_SCREENSHOT_DIR"), "attachments.png", NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s", path);

      for (int i = 0; i < 20; i++)
        {
          app_test_drain ();
          g_usleep (20000);
        }
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    }
  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/link/claim-selects-document", test_link_claim_selects_document);
  g_test_add_func ("/app/link/claim-selects-span", test_link_claim_selects_span);
  g_test_add_func ("/app/link/claim-fills-inspector", test_link_claim_fills_inspector);
  g_test_add_func ("/app/link/highlight-selects-claim", test_link_highlight_selects_claim);
  g_test_add_func ("/app/link/enter-on-highlight-selects-claim", test_link_enter_on_highlight);
  g_test_add_func ("/app/link/source-shows-document", test_link_source_shows_document);
  g_test_add_func ("/app/link/filtered-claim-stays-in-inspector", test_link_filtered_claim_stays);
  g_test_add_func ("/app/link/deleted-claim-leaves-panes", test_link_deleted_claim_leaves_inspector);
  g_test_add_func ("/app/outside/deleted-claim-is-not-edited", test_outside_deleted_claim);
  g_test_add_func ("/app/link/sources-attachments-under-message", test_sources_attachments_under_message);

  return g_test_run ();
}
