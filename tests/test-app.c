/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application window on a case: opening (the example, a damaged file, a
 * read-only one), marking and rating claims with undo and redo, sorting, the
 * keyboard, search, closing with work pending, and the README's screenshots.
 * Pane linking is in test-app-link.c, import and the first session in
 * test-app-workflow.c. */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-application.h"
#include "cf-paged-list.h"
#include "cf-record-list.h"
#include "cf-search-popover.h"

#include "app-test-util.h"

/* --- opening ----------------------------------------------------------------------- */

static void
test_open_example (void)
{
  WindowFixture f = { 0 };
  GtkStack *stack;

  if (!window_fixture_open_example (&f))
    return;

  stack = GTK_STACK (cf_window_get_pane (f.window, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  g_assert_cmpuint (g_list_model_get_n_items (cf_sources_pane_get_model (SOURCES (&f))), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f))), >, 0);
  /* The first source is shown with its highlights. */
  g_assert_cmpint (cf_reader_get_document_id (READER (&f)), >, 0);
  g_assert_cmpint (cf_sources_pane_get_document_id (SOURCES (&f)), ==,
                   cf_reader_get_document_id (READER (&f)));
  g_assert_cmpuint (cf_reader_get_n_highlights (READER (&f)), >, 0);

  window_fixture_close (&f);
}

/* --- marking a claim ---------------------------------------------------------------- */

/* Selects the first three words of the shown source's last paragraph, the way a
 * user would drag, with the line break before them; returns the words. */
static char *
select_last_paragraph_words (WindowFixture *f,
                             int            *start,
                             int            *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cf_reader_get_text_view (READER (f)));
  GtkTextIter s, e, words;

  gtk_text_buffer_get_end_iter (buffer, &s);
  gtk_text_iter_backward_line (&s);
  gtk_text_iter_set_line_offset (&s, 0);
  while (gtk_text_iter_backward_char (&s) && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    ;
  gtk_text_iter_set_line_offset (&s, 0);
  e = s;
  gtk_text_iter_forward_word_ends (&e, 3);
  words = s;
  /* The drag starts on the line break before the paragraph. */
  gtk_text_iter_backward_char (&s);
  gtk_text_buffer_select_range (buffer, &s, &e);
  *start = gtk_text_iter_get_offset (&words);
  *end = gtk_text_iter_get_offset (&e);
  g_assert_cmpint (*end, >, *start);
  return gtk_text_buffer_get_text (buffer, &words, &e, FALSE);
}

static void
test_mark_claim_selects_it (void)
{
  WindowFixture f = { 0 };
  g_autofree char *quote = NULL;
  guint before;
  int start, end;

  if (!window_fixture_open_example (&f))
    return;

  before = g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f)));
  quote = select_last_paragraph_words (&f, &start, &end);
  g_assert_true (cf_reader_get_has_selection (READER (&f)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.mark-claim", NULL));
  app_test_drain ();

  /* In the table, and in the inspector ready to rate: the words, not the line break. */
  g_assert_cmpuint (g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f))), ==, before + 1);
  g_assert_nonnull (cf_inspector_get_claim (INSPECTOR (&f)));
  g_assert_cmpstr (cf_claim_get_quote (cf_inspector_get_claim (INSPECTOR (&f))), ==, quote);
  g_assert_true (cf_claims_pane_get_selected_claim (CLAIMS (&f)) == cf_inspector_get_claim (INSPECTOR (&f)));

  window_fixture_close (&f);
}

static void
test_mark_claim_saves_it (void)
{
  WindowFixture f = { 0 };
  g_autofree char *quote = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autoptr(GListModel) claims = NULL;
  gint64 document_id;
  int start, end;
  gboolean found = FALSE;

  if (!window_fixture_open_example (&f))
    return;

  document_id = cf_reader_get_document_id (READER (&f));
  quote = select_last_paragraph_words (&f, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.mark-claim", NULL));
  app_test_drain ();

  reopened = window_fixture_reopen (&f);
  claims = cf_case_list_claims (reopened);
  cf_record_list_set_document (CF_RECORD_LIST (claims), document_id);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);

      if (cf_claim_get_start (claim) == start && cf_claim_get_end (claim) == end)
        {
          g_assert_cmpstr (cf_claim_get_quote (claim), ==, quote);
          found = TRUE;
        }
    }
  g_assert_true (found);
  cf_case_close (reopened);

  window_fixture_close (&f);
}

/* --- rating, undo and redo ---------------------------------------------------------- */

/* Selects the first claim and sets its reliability through the inspector's menu,
 * as a user would; returns the claim and the value it had. */
static CfClaim *
rate_first_claim (WindowFixture *f,
                  CfReliability *original,
                  CfReliability *wanted)
{
  CfClaim *claim = window_fixture_first_claim (f);

  g_assert_true (cf_claims_pane_select_claim (CLAIMS (f), cf_claim_get_id (claim)));
  app_test_drain ();
  *original = cf_claim_get_reliability (claim);
  *wanted = *original == CF_RELIABILITY_E ? CF_RELIABILITY_B : CF_RELIABILITY_E;
  gtk_drop_down_set_selected (cf_inspector_get_dropdown (INSPECTOR (f), CF_INSPECTOR_RELIABILITY), *wanted);
  app_test_drain ();
  return claim;
}

static void
test_rate_updates_everywhere (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(CfCase) other = NULL;
  g_autoptr(CfClaim) from_file = NULL;
  g_autoptr(CfClaim) listed = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *claims;
  CfReliability original, wanted;

  if (!window_fixture_open_example (&f))
    return;

  claim = rate_first_claim (&f, &original, &wanted);

  /* The list item, the inspector and the file agree. */
  g_assert_cmpint (cf_claim_get_reliability (claim), ==, wanted);
  claims = cf_claims_pane_get_model (CLAIMS (&f));
  listed = g_list_model_get_item (claims, cf_paged_list_find (CF_PAGED_LIST (claims), cf_claim_get_id (claim)));
  g_assert_true (g_str_has_prefix (cf_claim_get_grade (listed), cf_reliability_to_code (wanted)));
  g_assert_cmpuint (gtk_drop_down_get_selected (cf_inspector_get_dropdown (INSPECTOR (&f), CF_INSPECTOR_RELIABILITY)), ==, wanted);
  other = cf_case_open (f.path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  from_file = cf_case_get_claim (other, cf_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_claim_get_reliability (from_file), ==, wanted);
  cf_case_close (other);

  window_fixture_close (&f);
}

static void
test_rate_undo_restores (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  CfReliability original, wanted;

  if (!window_fixture_open_example (&f))
    return;

  claim = rate_first_claim (&f, &original, &wanted);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();

  g_assert_cmpint (cf_claim_get_reliability (claim), ==, original);
  g_assert_cmpuint (gtk_drop_down_get_selected (cf_inspector_get_dropdown (INSPECTOR (&f), CF_INSPECTOR_RELIABILITY)), ==, original);

  window_fixture_close (&f);
}

static void
test_rate_redo_reapplies (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autoptr(CfClaim) stored = NULL;
  g_autoptr(GError) error = NULL;
  CfReliability original, wanted;
  gint64 id;

  if (!window_fixture_open_example (&f))
    return;

  claim = rate_first_claim (&f, &original, &wanted);
  id = cf_claim_get_id (claim);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.redo", NULL));
  app_test_drain ();

  g_assert_cmpint (cf_claim_get_reliability (claim), ==, wanted);
  g_assert_cmpuint (gtk_drop_down_get_selected (cf_inspector_get_dropdown (INSPECTOR (&f), CF_INSPECTOR_RELIABILITY)), ==, wanted);
  reopened = window_fixture_reopen (&f);
  stored = cf_case_get_claim (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_claim_get_reliability (stored), ==, wanted);
  cf_case_close (reopened);

  window_fixture_close (&f);
}

static void
test_read_only (void)
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  AdwWindowTitle *title;

  app_test_start_gtk ();
  tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  path = app_test_copy_example (tmpdir);
  if (path == NULL)
    {
      g_test_skip ("CASEFILE_EXAMPLE is not set or not readable; build data/example first");
      g_rmdir (tmpdir);
      return;
    }

  kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (cf_window_new (NULL));
  cf_window_set_case (window, kase);
  gtk_window_present (GTK_WINDOW (window));
  app_test_drain ();

  /* The header says so, and nothing offers to edit. */
  title = ADW_WINDOW_TITLE (app_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "Read-only"));
  g_assert_false (gtk_widget_get_sensitive (cf_window_get_pane (window, "inspector")));

  cf_window_set_case (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_sort_by_column (void)
{
  WindowFixture f = { 0 };
  GtkColumnView *view;
  GListModel *columns;
  GListModel *claims;
  GtkColumnViewColumn *grade = NULL;
  g_autoptr(CfClaim) first = NULL;
  g_autoptr(CfClaim) last = NULL;
  guint n;

  if (!window_fixture_open_example (&f))
    return;

  view = cf_claims_pane_get_column_view (CLAIMS (&f));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Grade") == 0)
        grade = column;
    }
  g_assert_nonnull (grade);

  /* What a click on the header does; the core sorts, best grade first. */
  gtk_column_view_sort_by_column (view, grade, GTK_SORT_ASCENDING);
  app_test_drain ();
  claims = cf_claims_pane_get_model (CLAIMS (&f));
  n = g_list_model_get_n_items (claims);
  first = g_list_model_get_item (claims, 0);
  last = g_list_model_get_item (claims, n - 1);
  g_assert_cmpint (cf_claim_get_reliability (first), !=, CF_RELIABILITY_NONE);
  g_assert_cmpint (cf_claim_get_reliability (first), <=, cf_claim_get_reliability (last) ?: CF_RELIABILITY_LAST + 1);

  gtk_column_view_sort_by_column (view, grade, GTK_SORT_DESCENDING);
  app_test_drain ();
  {
    g_autoptr(CfClaim) top = g_list_model_get_item (claims, 0);
    g_assert_true (top != first || n == 1);
  }

  window_fixture_close (&f);
}

static gboolean
focus_in (GtkWindow *window,
          GtkWidget *pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

static void
test_keyboard_panes (void)
{
  WindowFixture f = { 0 };
  GtkWindow *window;

  if (!window_fixture_open_example (&f))
    return;
  window = GTK_WINDOW (f.window);

  /* Ctrl+1..4 and F6 reach every pane without a mouse. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-pane", "i", 0));
  app_test_drain ();
  g_assert_true (focus_in (window, cf_window_get_pane (f.window, "sources")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
  app_test_drain ();
  g_assert_true (focus_in (window, cf_window_get_pane (f.window, "reader")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
  app_test_drain ();
  g_assert_true (focus_in (window, cf_window_get_pane (f.window, "claims")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-pane", "i", 1));
  app_test_drain ();
  g_assert_true (focus_in (window, cf_window_get_pane (f.window, "reader")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pane", NULL));
  app_test_drain ();
  g_assert_true (focus_in (window, cf_window_get_pane (f.window, "sources")));

  window_fixture_close (&f);
}


static void
test_damaged_file (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "damaged.casefile", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CfWindow) window = NULL;
  AdwMessageDialog *dialog;
  GtkStack *stack;

  app_test_start_gtk ();

  g_assert_true (g_file_set_contents (path, "SQLite format 3\0 but not really, just junk bytes", 48, NULL));

  window = g_object_ref_sink (cf_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (cf_window_open_file (window, file));
  app_test_drain ();

  dialog = app_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  stack = GTK_STACK (cf_window_get_pane (window, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  g_assert_null (cf_window_get_case (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
  g_unlink (path);
  g_rmdir (tmpdir);
}


static void
search_changed_cb (GtkSearchEntry *entry,
                   gboolean       *emitted)
{
  *emitted = TRUE;
}


/* The race /app/workflow lost now and then: a search entry reports typing after a
 * delay, which may come after the case was closed. */
static void
test_close_with_tag_search_pending (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  GtkWidget *entry;
  gboolean emitted = FALSE;

  if (!window_fixture_open_example (&f))
    return;

  claim = window_fixture_first_claim (&f);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&f), cf_claim_get_id (claim)));
  app_test_drain ();
  /* The entry of the tag popover (Ctrl+T), typed into as the popover closes. */
  entry = app_test_find_child_of_type (cf_window_get_pane (f.window, "inspector"), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &emitted);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Attack");

  cf_window_set_case (f.window, NULL);
  g_assert_true (app_test_wait_until (app_test_flag_set, &emitted));

  window_fixture_close (&f);
}

/* Searches for a long word of the first claim's quote: at least that claim and
 * its source match. Returns the number of results. */
static guint
search_first_claim_word (WindowFixture *f)
{
  g_autoptr(CfClaim) claim = window_fixture_first_claim (f);
  g_auto(GStrv) words = g_strsplit (cf_claim_get_quote (claim), " ", -1);
  CfSearchPopover *search = CF_SEARCH_POPOVER (cf_window_get_pane (f->window, "search"));
  guint n = 0;

  for (guint i = 0; words[i] != NULL && n == 0; i++)
    if (g_utf8_strlen (words[i], -1) >= 6 && g_str_is_ascii (words[i]) &&
        strspn (words[i], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen (words[i]))
      n = cf_search_popover_search (search, words[i]);
  g_assert_cmpuint (n, >, 0);
  return n;
}

static void
test_search (void)
{
  WindowFixture f = { 0 };

  if (!window_fixture_open_example (&f))
    return;

  search_first_claim_word (&f);
  cf_reader_show_document (READER (&f), 0);
  cf_search_popover_activate_result (CF_SEARCH_POPOVER (cf_window_get_pane (f.window, "search")), 0);
  app_test_drain ();
  g_assert_cmpint (cf_reader_get_document_id (READER (&f)), >, 0);

  window_fixture_close (&f);
}

static void
hit_activated_cb (CfSearchPopover  *search,
                  CfSearchHit      *hit,
                  CfSearchHit     **copy)
{
  *copy = g_boxed_copy (CF_TYPE_SEARCH_HIT, hit);
}

static void
test_search_claim_result (void)
{
  WindowFixture f = { 0 };
  CfSearchPopover *search;
  g_autoptr(CfSearchHit) hit = NULL;
  guint n;

  if (!window_fixture_open_example (&f))
    return;

  n = search_first_claim_word (&f);
  search = CF_SEARCH_POPOVER (cf_window_get_pane (f.window, "search"));
  g_signal_connect (search, "hit-activated", G_CALLBACK (hit_activated_cb), &hit);
  for (guint i = 0; i < n; i++)
    {
      g_clear_pointer (&hit, cf_search_hit_free);
      cf_search_popover_activate_result (search, i);
      app_test_drain ();
      g_assert_nonnull (hit);
      if (hit->kind == CF_RECORD_CLAIM)
        break;
    }

  g_assert_cmpint (hit->kind, ==, CF_RECORD_CLAIM);
  g_assert_nonnull (cf_inspector_get_claim (INSPECTOR (&f)));
  g_assert_cmpint (cf_claim_get_id (cf_inspector_get_claim (INSPECTOR (&f))), ==,
                   hit->claim_id > 0 ? hit->claim_id : hit->id);
  g_assert_cmpint (cf_reader_get_document_id (READER (&f)), ==,
                   cf_claim_get_document_id (cf_inspector_get_claim (INSPECTOR (&f))));

  window_fixture_close (&f);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CASEFILE_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
test_screenshots (void)
{
  g_autoptr(CfApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfClaim) claim = NULL;
  GtkWindow *welcome, *window;
  CfClaimsPane *claims;
  CfInspector *inspector;

  app_test_start_gtk ();

  /* A real application, so its actions and icon are there as users see them. */
  app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  welcome = GTK_WINDOW (cf_window_new (ADW_APPLICATION (app)));
  gtk_window_set_default_size (welcome, 1280, 800);
  gtk_window_present (welcome);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (welcome));
  app_test_drain ();
  screenshot ("welcome.png");

  tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  path = app_test_copy_example (tmpdir);
  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  window = cf_application_open_case_file (app, file);
  g_assert_true (window == welcome);
  /* Opening it again presents the same window. */
  g_assert_true (cf_application_open_case_file (app, file) == window);
  claims = CF_CLAIMS_PANE (cf_window_get_pane (CF_WINDOW (window), "claims"));
  inspector = CF_INSPECTOR (cf_window_get_pane (CF_WINDOW (window), "inspector"));
  claim = g_list_model_get_item (cf_claims_pane_get_model (claims), 2);
  g_assert_true (cf_claims_pane_select_claim (claims, cf_claim_get_id (claim)));
  app_test_drain ();
  g_assert_true (cf_inspector_get_claim (inspector) == claim);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  app_test_drain ();
  screenshot ("window.png");

  /* The lower half of the inspector too (tags, hypotheses, notes); for looking
   * at, not for the README. */
  {
    GtkWidget *stack = app_test_find_child_of_type (GTK_WIDGET (inspector), GTK_TYPE_STACK);
    GtkWidget *scroller = app_test_find_child_of_type (gtk_stack_get_visible_child (GTK_STACK (stack)), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", "s", "hypotheses");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    app_test_drain ();
    screenshot ("inspector.png");
  }

  gtk_window_destroy (window);
  app_test_drain ();
  g_unlink (path);
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  /* Screenshots want the system's MIME database and icons as users have them, so
   * they run unisolated (only on request). */
  app_test_init (&argc, &argv, g_getenv ("CASEFILE_SCREENSHOT_DIR") == NULL);

  g_test_add_func ("/app/open/example-shows-first-source", test_open_example);
  g_test_add_func ("/app/open/damaged-file-shows-error", test_damaged_file);
  g_test_add_func ("/app/open/read-only-offers-no-edits", test_read_only);
  g_test_add_func ("/app/mark-claim/selects-new-claim", test_mark_claim_selects_it);
  g_test_add_func ("/app/mark-claim/saves-the-words", test_mark_claim_saves_it);
  g_test_add_func ("/app/rate/updates-list-inspector-and-file", test_rate_updates_everywhere);
  g_test_add_func ("/app/rate/undo-restores", test_rate_undo_restores);
  g_test_add_func ("/app/rate/redo-reapplies", test_rate_redo_reapplies);
  g_test_add_func ("/app/sort/by-grade-column", test_sort_by_column);
  g_test_add_func ("/app/keyboard/reaches-every-pane", test_keyboard_panes);
  g_test_add_func ("/app/search/result-shows-source", test_search);
  g_test_add_func ("/app/search/claim-result-selects-claim", test_search_claim_result);
  g_test_add_func ("/app/close/pending-tag-search-is-harmless", test_close_with_tag_search_pending);
  /* Not a check but the README's pictures: only when asked for, e.g.
   * CASEFILE_SCREENSHOT_DIR=data/screenshots build/tests/test-app -p /app/screenshots */
  if (g_getenv ("CASEFILE_SCREENSHOT_DIR") != NULL)
    g_test_add_func ("/app/screenshots/welcome-window-inspector", test_screenshots);

  return g_test_run ();
}
