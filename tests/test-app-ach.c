/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix of competing hypotheses in the window: keyboard entry across a row
 * (stored, undoable, scored again), and a cell that opens its claim in the reader.
 * Each test opens a copy of the example case and the matrix's window. */
#include "config.h"

#include "cf-ach-pane.h"

#include "app-test-util.h"

static CfAchPane *
open_matrix (WindowFixture *f)
{
  CfAchPane *pane;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-matrix", NULL));
  app_test_drain ();
  pane = CF_ACH_PANE (cf_window_get_pane (f->window, "ach"));
  g_assert_nonnull (pane);
  g_assert_nonnull (cf_ach_pane_get_matrix (pane));
  g_assert_cmpuint (cf_ach_pane_get_matrix (pane)->rows->len, >, 2);
  g_assert_cmpuint (cf_ach_pane_get_matrix (pane)->hypotheses->len, >=, 2);
  return pane;
}

/* The case's relation of the claim and hypothesis under the cursor. */
static CfRelation
stored_relation (WindowFixture *f,
                 CfAchPane     *pane)
{
  CfAchMatrix *m = cf_ach_pane_get_matrix (pane);
  CfAchRow *row = g_ptr_array_index (m->rows, cf_ach_pane_get_cursor_row_index (pane));
  CfAchHypothesis *hyp = g_ptr_array_index (m->hypotheses, cf_ach_pane_get_cursor_column_index (pane));

  return cf_case_get_claim_relation (cf_window_get_case (f->window), row->claim_id, hyp->hypothesis_id);
}

static void
test_keyboard_across_a_row (void)
{
  WindowFixture f = { 0 };
  CfAchPane *pane;
  guint row, column;
  double before;

  if (!window_fixture_open_example (&f))
    return;
  pane = open_matrix (&f);

  cf_ach_pane_set_cursor (pane, 0, 0);
  before = ((CfAchHypothesis *) g_ptr_array_index (cf_ach_pane_get_matrix (pane)->hypotheses,
                                                   cf_ach_pane_get_cursor_column_index (pane)))->score;
  /* cleared, I, then I again: very inconsistent */
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_Delete, 0));
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_NONE);
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_i, 0));
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_INCONSISTENT);
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_i, 0));
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_VERY_INCONSISTENT);
  /* the next column: C twice is CC, A is not applicable, N neutral */
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_Right, 0));
  cf_ach_pane_get_cursor (pane, &row, &column);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_Delete, 0));
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_c, 0));
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_CONSISTENT);
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_c, 0));
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_VERY_CONSISTENT);
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_a, 0));
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_NOT_APPLICABLE);

  /* the scores follow once the case reports the edits */
  cf_ach_pane_reload (pane);
  cf_ach_pane_set_cursor (pane, 0, 0);
  g_assert_cmpfloat (((CfAchHypothesis *) g_ptr_array_index (cf_ach_pane_get_matrix (pane)->hypotheses,
                                                             cf_ach_pane_get_cursor_column_index (pane)))->score,
                     <, before);

  /* Tab: the next row, from its first hypothesis */
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_Tab, 0));
  cf_ach_pane_get_cursor (pane, &row, &column);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 0);

  /* each key was one undoable edit: undo takes back the NA */
  cf_ach_pane_set_cursor (pane, 0, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  cf_ach_pane_set_cursor (pane, 0, 1);
  g_assert_cmpint (stored_relation (&f, pane), ==, CF_RELATION_VERY_CONSISTENT);

  window_fixture_close (&f);
}

static void
test_cell_opens_claim (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) selected = NULL;
  CfAchPane *pane;
  CfAchMatrix *m;
  CfAchRow *row;
  guint last;

  if (!window_fixture_open_example (&f))
    return;
  pane = open_matrix (&f);
  m = cf_ach_pane_get_matrix (pane);

  /* the last quote row: likely in another source than the one shown */
  for (last = m->rows->len - 1; last > 0; last--)
    if (((CfAchRow *) g_ptr_array_index (m->rows, last))->kind == CF_EVIDENCE_QUOTE)
      break;
  cf_ach_pane_set_cursor (pane, last, 1);
  g_assert_true (cf_ach_pane_press_key (pane, GDK_KEY_Return, 0));
  app_test_drain ();

  row = g_ptr_array_index (m->rows, cf_ach_pane_get_cursor_row_index (pane));
  g_object_get (f.window, "selected-claim", &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_cmpint (cf_claim_get_id (selected), ==, row->claim_id);
  g_assert_cmpint (cf_reader_get_document_id (CF_READER (cf_window_get_pane (f.window, "reader"))), ==,
                   cf_claim_get_document_id (selected));

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/ach/keyboard-across-a-row", test_keyboard_across_a_row);
  g_test_add_func ("/app/ach/cell-opens-claim-in-reader", test_cell_opens_claim);

  return g_test_run ();
}
