/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline in the window: the inspector's event date (typed, coarsened, a range,
 * approximate, a zone, a found date offered and only set when accepted, undo), and the
 * timeline pane (a click selects the claim in every pane, the selected claim is marked,
 * a time span filters the claims list). Each test builds a small case of its own. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cf-case-timeline.h"
#include "cf-claims-pane.h"
#include "cf-inspector-event.h"
#include "cf-inspector-links.h"
#include "cf-timeline-pane.h"

#include "app-test-util.h"

#define TEXT "The ministry said on 3 May that three drones were shot down. Witnesses saw a fire at dawn."

typedef struct
{
  char        *tmpdir;
  char        *path;
  CfCase      *kase;
  CfClaim     *first;
  CfClaim     *second;
  CfInspector *inspector;
  CfInspectorEvent *event;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfDocumentFields fields = { .title = "Ministry statement", .text = TEXT, .published = "2023-05-04" };
  gint64 document_id, first_id, second_id;

  app_test_start_gtk ();

  f->tmpdir = g_dir_make_tmp ("casefile-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->tmpdir, "test.casefile", NULL);
  f->kase = cf_case_create (f->path, "Timeline test", &error);
  g_assert_no_error (error);
  document_id = cf_case_add_document (f->kase, &fields, &error);
  g_assert_no_error (error);
  first_id = cf_case_add_claim (f->kase, document_id, 32, 59, NULL, &error);
  g_assert_no_error (error);
  second_id = cf_case_add_claim (f->kase, document_id, 61, 89, NULL, &error);
  g_assert_no_error (error);
  f->first = cf_case_get_claim (f->kase, first_id, &error);
  f->second = cf_case_get_claim (f->kase, second_id, &error);
  g_assert_no_error (error);

  f->inspector = g_object_ref_sink (g_object_new (CF_TYPE_INSPECTOR, NULL));
  cf_inspector_set_case (f->inspector, f->kase);
  f->event = CF_INSPECTOR_EVENT (app_test_find_child_of_type (GTK_WIDGET (f->inspector), CF_TYPE_INSPECTOR_EVENT));
  g_assert_nonnull (f->event);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cf_inspector_set_case (f->inspector, NULL);
  app_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->inspector));
  g_clear_object (&f->first);
  g_clear_object (&f->second);
  cf_case_close (f->kase);
  g_assert_finalize_object (g_steal_pointer (&f->kase));
  g_unlink (f->path);
  g_rmdir (f->tmpdir);
  g_free (f->path);
  g_free (f->tmpdir);
}

static char *
stored (Fixture *f, CfClaim *claim)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEventTime) time = cf_case_get_claim_event_time (f->kase, cf_claim_get_id (claim), &error);

  g_assert_no_error (error);
  return time != NULL ? cf_event_time_to_string (time) : NULL;
}

static void
type_and_enter (GtkEditable *editable, const char *text)
{
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (editable, "activate");
  app_test_drain ();
}

static void
test_typed_date_is_saved_and_coarsened (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *undone = NULL;

  cf_inspector_set_claim (f->inspector, f->first);
  type_and_enter (cf_inspector_event_get_start_entry (f->event), "2023-05-03");
  day = stored (f, f->first);
  g_assert_cmpstr (day, ==, "2023-05-03");
  /* the precision list shows Day; choosing Month keeps only the month */
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (
                     gtk_drop_down_get_selected_item (cf_inspector_event_get_precision (f->event)))), ==, "Day");
  gtk_drop_down_set_selected (cf_inspector_event_get_precision (f->event), 1);
  app_test_drain ();
  month = stored (f, f->first);
  g_assert_cmpstr (month, ==, "2023-05");
  g_assert_cmpstr (gtk_editable_get_text (cf_inspector_event_get_start_entry (f->event)), ==, "2023-05");
  g_assert_true (cf_case_undo (f->kase, &error));
  app_test_drain ();
  undone = stored (f, f->first);
  g_assert_cmpstr (undone, ==, "2023-05-03");
  g_assert_cmpstr (gtk_editable_get_text (cf_inspector_event_get_start_entry (f->event)), ==, "2023-05-03");
}

static void
test_range_approximate_and_zone (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = NULL;
  g_autofree char *cleared = NULL;

  cf_inspector_set_claim (f->inspector, f->second);
  gtk_editable_set_text (cf_inspector_event_get_start_entry (f->event), "2023-05-02");
  gtk_editable_set_text (cf_inspector_event_get_zone_entry (f->event), "Europe/Moscow");
  gtk_check_button_set_active (cf_inspector_event_get_approximate (f->event), TRUE);
  gtk_check_button_set_active (cf_inspector_event_get_range (f->event), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cf_inspector_event_get_end_entry (f->event))));
  type_and_enter (cf_inspector_event_get_end_entry (f->event), "2023-05-03");
  saved = stored (f, f->second);
  g_assert_cmpstr (saved, ==, "~2023-05-02/2023-05-03 Europe/Moscow");
  /* emptying the date clears it */
  type_and_enter (cf_inspector_event_get_start_entry (f->event), "");
  cleared = stored (f, f->second);
  g_assert_null (cleared);
}

static void
test_bad_text_is_not_saved (Fixture *f, gconstpointer data)
{
  g_autofree char *none = NULL;
  g_autofree char *still = NULL;

  cf_inspector_set_claim (f->inspector, f->second);
  type_and_enter (cf_inspector_event_get_start_entry (f->event), "next Tuesday-ish");
  none = stored (f, f->second);
  g_assert_null (none);
  type_and_enter (cf_inspector_event_get_start_entry (f->event), "2023-05-03");
  type_and_enter (cf_inspector_event_get_zone_entry (f->event), "Atlantis/Capital");
  still = stored (f, f->second);
  g_assert_cmpstr (still, ==, "2023-05-03");
}

static void
test_found_date_is_offered_not_set (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* "on 3 May" is in the sentence of the first claim */
  cf_inspector_set_claim (f->inspector, f->first);
  app_test_drain ();
  g_assert_cmpstr (cf_inspector_event_get_offer_text (f->event), ==, "Found “3 May” → 2023-05-03. Use it?");
  before = stored (f, f->first);
  g_assert_null (before);
  cf_inspector_event_accept_offer (f->event);
  app_test_drain ();
  after = stored (f, f->first);
  g_assert_cmpstr (after, ==, "2023-05-03");
  g_assert_null (cf_inspector_event_get_offer_text (f->event));
  /* a claim with a date gets no offer */
  cf_inspector_set_claim (f->inspector, f->second);
  cf_inspector_set_claim (f->inspector, f->first);
  g_assert_null (cf_inspector_event_get_offer_text (f->event));
}

/* --- the timeline pane, linked to a window ------------------------------------------ */

typedef struct
{
  WindowFixture   w;
  gint64          claims[3];
  CfTimelinePane *pane;
} PaneFixture;

static void
pane_set_up (PaneFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GFile) file = NULL;
  CfDocumentFields fields = { .title = "Ministry statement", .text = TEXT, .published = "2023-05-04" };
  const char *times[] = { "2023-05-01", "2023-05-03T02:30", "~2023-05-06/2023-05-07" };
  gint64 document_id;

  app_test_start_gtk ();
  f->w.tmpdir = g_dir_make_tmp ("casefile-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  f->w.path = g_build_filename (f->w.tmpdir, "pane.casefile", NULL);
  kase = cf_case_create (f->w.path, "Timeline pane test", &error);
  g_assert_no_error (error);
  document_id = cf_case_add_document (kase, &fields, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CfEventTime) time = cf_event_time_parse (times[i], &error);

      f->claims[i] = cf_case_add_claim (kase, document_id, 32 + i * 10, 38 + i * 10, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (cf_case_set_claim_event_time (kase, f->claims[i], time, &error));
    }
  cf_case_close (kase);

  f->w.window = g_object_ref_sink (cf_window_new (NULL));
  file = g_file_new_for_path (f->w.path);
  g_assert_true (cf_window_open_file (f->w.window, file));
  gtk_window_present (GTK_WINDOW (f->w.window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->w.window));
  gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-timeline", NULL);
  f->pane = CF_TIMELINE_PANE (cf_window_get_pane (f->w.window, "timeline"));
  g_assert_nonnull (f->pane);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (cf_timeline_pane_get_view (f->pane)));
  app_test_drain ();
}

static void
pane_tear_down (PaneFixture *f, gconstpointer data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (f->pane));

  gtk_window_destroy (GTK_WINDOW (root));
  app_test_drain ();
  g_assert_null (cf_window_get_pane (f->w.window, "timeline"));
  window_fixture_close (&f->w);
}

static void
test_click_selects_claim_everywhere (PaneFixture *f, gconstpointer data)
{
  CfTimelineView *view = cf_timeline_pane_get_view (f->pane);
  g_autoptr(CfClaim) selected = NULL;
  g_autoptr(CfClaim) third = NULL;
  double x, y;

  g_assert_true (cf_timeline_view_get_mark_position (view, f->claims[1], &x, &y));
  cf_timeline_view_click (view, x, y);
  app_test_drain ();
  g_object_get (f->w.window, "selected-claim", &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_cmpint (cf_claim_get_id (selected), ==, f->claims[1]);
  g_assert_true (cf_inspector_get_claim (INSPECTOR (&f->w)) == selected);

  /* a claim chosen elsewhere is the one marked on the timeline */
  third = cf_case_get_claim (cf_window_get_case (f->w.window), f->claims[2], NULL);
  g_object_set (f->w.window, "selected-claim", third, NULL);
  g_assert_cmpint (cf_timeline_view_get_selected (view), ==, f->claims[2]);
  /* an empty stretch of the axis selects nothing */
  cf_timeline_view_click (view, 151, 1);
  g_assert_cmpint (cf_timeline_view_get_selected (view), ==, f->claims[2]);
}

static void
test_span_filters_claims_list (PaneFixture *f, gconstpointer data)
{
  CfTimelineView *view = cf_timeline_pane_get_view (f->pane);
  GListModel *list = cf_claims_pane_get_model (CLAIMS (&f->w));
  double x0, x1, y;

  cf_claims_pane_set_scope (CLAIMS (&f->w), CF_CLAIMS_SCOPE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (cf_timeline_view_get_mark_position (view, f->claims[1], &x0, &y));
  g_assert_true (cf_timeline_view_get_mark_position (view, f->claims[2], &x1, &y));
  cf_timeline_view_select_span_at (view, x0 - 3, x1 + 3);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  cf_timeline_view_clear_span (view);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
}

static void
test_checks_listed_and_follow_edits (PaneFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* the 6–7 May claim is in a source published on 4 May */
  g_assert_cmpuint (cf_timeline_pane_get_n_checks (f->pane), ==, 1);
  g_assert_true (cf_case_set_claim_event_date (cf_window_get_case (f->w.window), f->claims[2], "2023-05-02", &error));
  g_assert_no_error (error);
  cf_timeline_pane_reload (f->pane);
  g_assert_cmpuint (cf_timeline_pane_get_n_checks (f->pane), ==, 0);
}

static guint
n_links (PaneFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) links = cf_case_list_claim_links (cf_window_get_case (f->w.window), 0, &error);

  g_assert_no_error (error);
  return links->len / 2;
}

static guint
n_rows (GtkListBox *box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

typedef struct {
  GListModel *model;
  guint       n;
} CountIs;

static gboolean
count_is (gpointer data)
{
  CountIs *c = data;

  return g_list_model_get_n_items (c->model) == c->n;
}

static void
undo (PaneFixture *f, const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (f->w.window), action, NULL);
  app_test_drain ();
}

/* The analyst links the 1 May claim to the 6–7 May one as one event, from the
 * inspector's "Link to Claim…" popover: the store has the link, the inspector lists it,
 * the timeline finds the disagreement; undo and the unlink button take it back, and a
 * click on the row selects the linked claim. */
static void
test_link_claims_from_inspector (PaneFixture *f, gconstpointer data)
{
  CfCase *kase = cf_window_get_case (f->w.window);
  g_autoptr(CfClaim) first = cf_case_get_claim (kase, f->claims[0], NULL);
  g_autoptr(CfClaim) third = cf_case_get_claim (kase, f->claims[2], NULL);
  g_autoptr(CfClaim) selected = NULL;
  CfInspectorLinks *links;
  GtkListBox *list;
  GtkListView *candidates;
  GtkWidget *row, *unlink;
  CountIs one;
  guint checks = cf_timeline_pane_get_n_checks (f->pane);

  g_object_set (f->w.window, "selected-claim", first, NULL);
  app_test_drain ();
  links = CF_INSPECTOR_LINKS (app_test_find_child_of_type (GTK_WIDGET (INSPECTOR (&f->w)), CF_TYPE_INSPECTOR_LINKS));
  g_assert_nonnull (links);
  list = cf_inspector_links_get_list (links);
  g_assert_cmpuint (n_rows (list), ==, 0);

  /* find the third claim by its quote and pick it (in the popover's search and list;
   * the popover itself is not opened: the section lies below the inspector's fold) */
  g_assert_true (gtk_menu_button_get_popover (cf_inspector_links_get_link_button (links)) != NULL);
  gtk_editable_set_text (cf_inspector_links_get_search (links), cf_claim_get_quote (third));
  g_signal_emit_by_name (cf_inspector_links_get_search (links), "search-changed");
  candidates = cf_inspector_links_get_candidates (links);
  one = (CountIs) { G_LIST_MODEL (gtk_list_view_get_model (candidates)), 1 };
  g_assert_true (app_test_wait_until (count_is, &one));
  gtk_widget_activate_action (GTK_WIDGET (candidates), "list.activate-item", "u", 0);
  app_test_drain ();

  g_assert_cmpuint (n_links (f), ==, 1);
  g_assert_cmpuint (n_rows (list), ==, 1);
  cf_timeline_pane_reload (f->pane);
  g_assert_cmpuint (cf_timeline_pane_get_n_checks (f->pane), ==, checks + 1);

  /* one undo step takes the link back, redo brings it again */
  undo (f, "win.undo");
  g_assert_cmpuint (n_links (f), ==, 0);
  g_assert_cmpuint (n_rows (list), ==, 0);
  cf_timeline_pane_reload (f->pane);
  g_assert_cmpuint (cf_timeline_pane_get_n_checks (f->pane), ==, checks);
  undo (f, "win.redo");
  g_assert_cmpuint (n_links (f), ==, 1);
  g_assert_cmpuint (n_rows (list), ==, 1);

  /* the row's unlink button, then undo of that */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  unlink = app_test_find_child_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (unlink);
  g_signal_emit_by_name (unlink, "clicked");
  app_test_drain ();
  g_assert_cmpuint (n_links (f), ==, 0);
  g_assert_cmpuint (n_rows (list), ==, 0);
  undo (f, "win.undo");
  g_assert_cmpuint (n_links (f), ==, 1);

  /* a click on the linked claim selects it, in the inspector too, which lists the first */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_signal_emit_by_name (list, "row-activated", row);
  app_test_drain ();
  g_object_get (f->w.window, "selected-claim", &selected, NULL);
  g_assert_true (selected == third);
  g_assert_true (cf_inspector_get_claim (INSPECTOR (&f->w)) == third);
  g_assert_cmpuint (n_rows (list), ==, 1);
}

/* Lanes by hypothesis: a claim bearing on two hypotheses is on both lanes; one bearing
 * on none (or only "not applicable") is on "No hypothesis"; a click on either of its
 * marks selects it. */
static void
test_hypothesis_lanes_show_each_relation (PaneFixture *f, gconstpointer data)
{
  CfCase *kase = cf_window_get_case (f->w.window);
  CfTimelineView *view = cf_timeline_pane_get_view (f->pane);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) selected = NULL;
  gint64 staged, ukraine;
  guint lanes[4];
  double x, y;

  staged = cf_case_add_hypothesis (kase, "Staged", NULL, &error);
  g_assert_no_error (error);
  ukraine = cf_case_add_hypothesis (kase, "Carried out by Ukraine", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_relation (kase, f->claims[1], staged, CF_RELATION_CONSISTENT, &error));
  g_assert_true (cf_case_set_claim_relation (kase, f->claims[1], ukraine, CF_RELATION_INCONSISTENT, &error));
  g_assert_true (cf_case_set_claim_relation (kase, f->claims[0], ukraine, CF_RELATION_NEUTRAL, &error));
  g_assert_true (cf_case_set_claim_relation (kase, f->claims[2], staged, CF_RELATION_NOT_APPLICABLE, &error));
  g_assert_no_error (error);

  /* the lane choices: none, actor, source, tag, hypothesis */
  gtk_drop_down_set_selected (cf_timeline_pane_get_lanes (f->pane), 4);
  cf_timeline_pane_reload (f->pane);

  g_assert_cmpuint (cf_timeline_view_get_claim_lanes (view, f->claims[1], lanes, G_N_ELEMENTS (lanes)), ==, 2);
  g_assert_cmpuint (lanes[0], ==, 0);
  g_assert_cmpuint (lanes[1], ==, 1);
  g_assert_cmpuint (cf_timeline_view_get_claim_lanes (view, f->claims[0], lanes, G_N_ELEMENTS (lanes)), ==, 1);
  g_assert_cmpuint (lanes[0], ==, 1);
  g_assert_cmpuint (cf_timeline_view_get_claim_lanes (view, f->claims[2], lanes, G_N_ELEMENTS (lanes)), ==, 1);
  g_assert_cmpuint (lanes[0], ==, 2);

  /* the mark on the second lane selects the claim too */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (cf_timeline_view_get_mark_position (view, f->claims[1], &x, &y));
  cf_timeline_view_click (view, x, y + 30);
  app_test_drain ();
  g_object_get (f->w.window, "selected-claim", &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_cmpint (cf_claim_get_id (selected), ==, f->claims[1]);
}

/* Not a check but the README's picture: only when asked for, e.g.
 * CASEFILE_SCREENSHOT_DIR=data/screenshots build/tests/test-app-timeline -p /app/timeline/screenshot */
static void
test_screenshot (void)
{
  WindowFixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  CfTimelinePane *pane;
  GtkWindow *window;

  if (!window_fixture_open_example (&f))
    return;
  gtk_window_set_default_size (GTK_WINDOW (f.window), 900, 600);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-timeline", NULL);
  pane = CF_TIMELINE_PANE (cf_window_get_pane (f.window, "timeline"));
  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (pane)));
  gtk_window_set_default_size (window, 1180, 460);
  gtk_drop_down_set_selected (cf_timeline_pane_get_lanes (pane), 2);
  cf_timeline_pane_reload (pane);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  cf_timeline_view_zoom_to_fit (cf_timeline_pane_get_view (pane));
  for (guint i = 0; i < 20; i++)
    {
      app_test_drain ();
      g_usleep (20000);
    }
  path = g_build_filename (g_getenv ("CASEFILE_SCREENSHOT_DIR"), "timeline.png", NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  gtk_window_destroy (window);
  window_fixture_close (&f);
}

int
main (int argc, char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

#define ADD(path, func) g_test_add ("/app/timeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("inspector/typed-date-saved-and-coarsened", test_typed_date_is_saved_and_coarsened);
  ADD ("inspector/range-approximate-zone", test_range_approximate_and_zone);
  ADD ("inspector/bad-text-not-saved", test_bad_text_is_not_saved);
  ADD ("inspector/found-date-offered-not-set", test_found_date_is_offered_not_set);
#undef ADD
#define ADD_PANE(path, func) g_test_add ("/app/timeline/" path, PaneFixture, NULL, pane_set_up, func, pane_tear_down)
  ADD_PANE ("pane/click-selects-claim-everywhere", test_click_selects_claim_everywhere);
  ADD_PANE ("pane/span-filters-claims-list", test_span_filters_claims_list);
  ADD_PANE ("pane/checks-listed-and-follow-edits", test_checks_listed_and_follow_edits);
  ADD_PANE ("pane/link-claims-from-inspector", test_link_claims_from_inspector);
  ADD_PANE ("pane/hypothesis-lanes-show-each-relation", test_hypothesis_lanes_show_each_relation);
#undef ADD_PANE
  if (g_getenv ("CASEFILE_SCREENSHOT_DIR") != NULL)
    g_test_add_func ("/app/timeline/screenshot", test_screenshot);

  return g_test_run ();
}
