/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search in the window on the example case, as a user checks it: a result for the
 * second place a word stands in a source selects that place, and Ctrl+G / Ctrl+Shift+G
 * (win.find-next, win.find-previous) walk the occurrences of the last search in the
 * source shown, round past either end. */

#include "config.h"

#include <string.h>

#include "app-test-util.h"
#include "cf-search-popover.h"

#define WORD "drones"

static CfSearchPopover *
search_popover (WindowFixture *f)
{
  return CF_SEARCH_POPOVER (cf_window_get_pane (f->window, "search"));
}

static void
assert_selected (WindowFixture *f,
                 gint64         document_id,
                 gint           start,
                 gint           end)
{
  gint64 shown = 0;
  int from = -1, to = -1;

  g_assert_true (cf_reader_get_selection (READER (f), &shown, &from, &to));
  g_assert_cmpint (shown, ==, document_id);
  g_assert_cmpint (from, ==, start);
  g_assert_cmpint (to, ==, end);
}

static void
hit_activated_cb (CfSearchPopover  *search,
                  CfSearchHit      *hit,
                  CfSearchHit     **copy)
{
  g_clear_pointer (copy, cf_search_hit_free);
  *copy = g_boxed_copy (CF_TYPE_SEARCH_HIT, hit);
}

static void
test_search_second_occurrence_selected (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfSearchHit) hit = NULL;
  guint n;

  if (!window_fixture_open_example (&f))
    return;

  n = cf_search_popover_search (search_popover (&f), WORD);
  g_signal_connect (search_popover (&f), "hit-activated", G_CALLBACK (hit_activated_cb), &hit);
  for (guint i = 0; i < n; i++)
    {
      cf_search_popover_activate_result (search_popover (&f), i);
      app_test_drain ();
      g_assert_nonnull (hit);
      if (hit->kind == CF_RECORD_DOCUMENT && hit->occurrence == 2)
        break;
    }
  g_assert_cmpint (hit->kind, ==, CF_RECORD_DOCUMENT);
  g_assert_cmpuint (hit->occurrence, ==, 2);
  /* the second place, not the first, is what the reader selects */
  assert_selected (&f, hit->document_id, hit->start, hit->end);

  window_fixture_close (&f);
}

static void
test_find_next_and_previous (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfSearchHit) hit = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GError) error = NULL;
  const CfSearchRange *first, *second, *last;
  guint n;

  if (!window_fixture_open_example (&f))
    return;

  n = cf_search_popover_search (search_popover (&f), WORD);
  g_signal_connect (search_popover (&f), "hit-activated", G_CALLBACK (hit_activated_cb), &hit);
  for (guint i = 0; i < n; i++)
    {
      cf_search_popover_activate_result (search_popover (&f), i);
      app_test_drain ();
      if (hit->kind == CF_RECORD_DOCUMENT && hit->n_occurrences >= 2)
        break;
    }
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->kind, ==, CF_RECORD_DOCUMENT);

  ranges = cf_case_find_in_document (cf_window_get_case (f.window), hit->document_id, WORD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranges->len, >=, 2);
  first = &g_array_index (ranges, CfSearchRange, 0);
  second = &g_array_index (ranges, CfSearchRange, 1);
  last = &g_array_index (ranges, CfSearchRange, ranges->len - 1);
  cf_reader_select_range (READER (&f), hit->document_id, first->start, first->end);
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.find-next", NULL));
  app_test_drain ();
  assert_selected (&f, hit->document_id, second->start, second->end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.find-previous", NULL));
  app_test_drain ();
  assert_selected (&f, hit->document_id, first->start, first->end);

  /* before the first comes the last */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.find-previous", NULL));
  app_test_drain ();
  assert_selected (&f, hit->document_id, last->start, last->end);

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/search/second-occurrence-selected", test_search_second_occurrence_selected);
  g_test_add_func ("/app/search/find-next-and-previous", test_find_next_and_previous);

  return g_test_run ();
}
