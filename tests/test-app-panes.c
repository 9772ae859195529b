/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Panes that keep still while one works in them, in the window on the example
 * case: the inspector stays where it was scrolled when a claim is rated, and a long
 * hypothesis title chosen in the claims filter neither widens the claims pane nor
 * squeezes its filter entry. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"

#define BOTTOM_GAP 12   /* pixels below the lowest rating in the inspector's view */

/* Lets a few frames be laid out and drawn. */
static void
wait_frames (WindowFixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      app_test_drain ();
    }
}

static GtkAdjustment *
inspector_adjustment (WindowFixture *f)
{
  GtkWidget *stack = app_test_find_child_of_type (GTK_WIDGET (INSPECTOR (f)), GTK_TYPE_STACK);
  GtkWidget *scroller = app_test_find_child_of_type (gtk_stack_get_visible_child (GTK_STACK (stack)),
                                                     GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Chooses @position in @dropdown as a user does: its list pops up (taking the
 * focus), a row is picked, the list closes and the focus comes back. */
static void
choose (WindowFixture *f,
        GtkDropDown   *dropdown,
        guint          position)
{
  GtkWidget *popover;

  /* (what a click on it does); the list stays up when the windows of other test
   * programs on the same X display take the focus */
  gtk_popover_set_autohide (GTK_POPOVER (app_test_find_child_of_type (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER)), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (app_test_find_child_of_type (GTK_WIDGET (dropdown),
                                                                               GTK_TYPE_TOGGLE_BUTTON)), TRUE);
  popover = app_test_find_child_of_type (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
  wait_frames (f);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  /* the click on a row focuses it */
  {
    GtkWidget *list = app_test_find_child_of_type (popover, GTK_TYPE_LIST_VIEW);
    GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;

    g_assert_nonnull (row);
    for (guint i = 0; i < position && gtk_widget_get_next_sibling (row) != NULL; i++)
      row = gtk_widget_get_next_sibling (row);
    gtk_widget_grab_focus (row);
    wait_frames (f);
  }
  gtk_drop_down_set_selected (dropdown, position);
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_frames (f);
}

static void
test_rating_keeps_inspector_scroll (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  GtkAdjustment *adjustment;
  GtkDropDown *likelihood, *confidence;
  double value;

  if (!window_fixture_open_example (&f))
    return;
  claim = window_fixture_first_claim (&f);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&f), cf_claim_get_id (claim)));
  wait_frames (&f);

  /* the ratings at the bottom of the view, as when one comes to them reading down
   * (a drop-down's list then reaches past the inspector's view) */
  likelihood = cf_inspector_get_dropdown (INSPECTOR (&f), CF_INSPECTOR_LIKELIHOOD);
  confidence = cf_inspector_get_dropdown (INSPECTOR (&f), CF_INSPECTOR_CONFIDENCE);
  adjustment = inspector_adjustment (&f);
  {
    GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (
                           GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (likelihood), GTK_TYPE_SCROLLED_WINDOW)))));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (confidence), content, &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, at.y + gtk_widget_get_height (GTK_WIDGET (confidence))
                                          + BOTTOM_GAP - gtk_adjustment_get_page_size (adjustment));
  }
  wait_frames (&f);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);

  /* rating it twice leaves the fields where they were, under the pointer */
  choose (&f, likelihood, CF_LIKELIHOOD_LIKELY);
  g_assert_cmpint (cf_claim_get_likelihood (claim), ==, CF_LIKELIHOOD_LIKELY);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
  choose (&f, confidence, CF_CONFIDENCE_HIGH);
  g_assert_cmpint (cf_claim_get_confidence (claim), ==, CF_CONFIDENCE_HIGH);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  window_fixture_close (&f);
}

/* The label below @widget that shows some text, depth first. */
static GtkLabel *
shown_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = shown_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_long_hypothesis_keeps_claims_width (void)
{
  WindowFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  CfClaimsPane *claims;
  GtkDropDown *scope, *item;
  GtkWidget *filter, *reader;
  GtkLabel *shown;
  int claims_width, filter_width, reader_width;
  gint64 id;

  if (!window_fixture_open_example (&f))
    return;
  claims = CLAIMS (&f);
  reader = GTK_WIDGET (READER (&f));
  scope = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (claims), CF_TYPE_CLAIMS_PANE, "scope_dropdown"));
  item = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (claims), CF_TYPE_CLAIMS_PANE, "item_dropdown"));
  filter = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (claims), CF_TYPE_CLAIMS_PANE, "filter_entry"));

  id = cf_case_add_hypothesis (cf_window_get_case (f.window),
                               "The fire was started on purpose by the warehouse's owners to collect the "
                               "insurance on a cargo that had already been sold elsewhere", NULL, &error);
  g_assert_no_error (error);
  wait_frames (&f);
  claims_width = gtk_widget_get_width (GTK_WIDGET (claims));
  reader_width = gtk_widget_get_width (reader);

  /* By Hypothesis, the example's first (a title of 47 characters): the room the
   * filter entry has beside it */
  gtk_drop_down_set_selected (scope, 3);
  wait_frames (&f);
  gtk_drop_down_set_selected (item, 0);
  wait_frames (&f);
  filter_width = gtk_widget_get_width (filter);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (claims)), ==, claims_width);

  /* then the new one (the last), three times as long */
  gtk_drop_down_set_selected (item, g_list_model_get_n_items (gtk_drop_down_get_model (item)) - 1);
  wait_frames (&f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (item)));
  {
    g_autoptr(GObject) chosen = gtk_drop_down_get_selected_item (item) ? g_object_ref (gtk_drop_down_get_selected_item (item)) : NULL;

    g_assert_true (CF_IS_HYPOTHESIS (chosen));
    g_assert_cmpint (cf_hypothesis_get_id (CF_HYPOTHESIS (chosen)), ==, id);
  }

  /* the pane and the reader beside it keep their widths; the filter entry keeps
   * the room it has beside a shorter title; the title is cut short with its whole text in the tooltip */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (claims)), ==, claims_width);
  g_assert_cmpint (gtk_widget_get_width (reader), ==, reader_width);
  g_assert_cmpint (gtk_widget_get_width (filter), >=, filter_width);
  shown = shown_label (app_test_find_child_of_type (GTK_WIDGET (item), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_nonnull (shown);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (shown)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (shown)), "collect the insurance"));

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/panes/inspector/rating-keeps-scroll", test_rating_keeps_inspector_scroll);
  g_test_add_func ("/app/panes/claims/long-hypothesis-keeps-width", test_long_hypothesis_keeps_claims_width);

  return g_test_run ();
}
