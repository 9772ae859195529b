/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's layout as a user sees it: it fits 800×600 with nothing cut off, the
 * sidebar folds over the reader and comes back with F9, the claims table gives the
 * quote the room and shows tags without a horizontal scrollbar, the Notes pane lists
 * the notes on claims, the sources show dates in the locale's style, and a
 * highlight's end can be dragged. */
#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "cf-cell-text.h"
#include "cf-notes-pane.h"

/* The window as the application shows it: with its style sheet, which libadwaita
 * loads for an application (a test's window has none). */
static gboolean
open_example (WindowFixture *f)
{
  static GtkCssProvider *style;

  app_test_start_gtk ();
  if (style == NULL)
    {
      style = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (style, "/org/example/Casefile/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  return window_fixture_open_example (f);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CASEFILE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

#define FRAME 16

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} Size;

static gboolean
window_has_size (gpointer data)
{
  Size *size = data;

  /* the default size counts the frame a window without a compositor draws round it */
  return ABS (gtk_widget_get_width (size->window) - size->width) <= FRAME &&
         ABS (gtk_widget_get_height (size->window) - size->height) <= FRAME;
}

/* As a user drags the window's corner: the window is shown again at the new size
 * (a test display has no window manager to resize a mapped window). */
static void
resize (WindowFixture *f,
        int            width,
        int            height)
{
  Size size = { GTK_WIDGET (f->window), width, height };

  /* the sidebar folds at once: the test looks at where it ends, not the slide */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  if (!app_test_wait_until (window_has_size, &size))
    g_error ("the window is %d×%d, not %d×%d", gtk_widget_get_width (size.window),
             gtk_widget_get_height (size.window), width, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  app_test_drain ();
}

/* Whether @widget is shown whole inside the window. */
static void
assert_inside_window (WindowFixture *f,
                      GtkWidget     *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static GtkScrolledWindow *
claims_scroller (WindowFixture *f)
{
  GtkWidget *view = GTK_WIDGET (cf_claims_pane_get_column_view (CLAIMS (f)));

  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
}

static void
assert_no_horizontal_scroll (WindowFixture *f)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (claims_scroller (f));

  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj) + 0.5);
}

/* The first visible label below @widget showing @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkColumnViewColumn *
column_titled (WindowFixture *f,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (cf_claims_pane_get_column_view (CLAIMS (f)));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

static void
test_fits_800x600 (void)
{
  WindowFixture f = { 0 };
  AdwFlap *sidebar;
  int min_width, min_height;

  if (!open_example (&f))
    return;

  gtk_widget_measure (GTK_WIDGET (f.window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (f.window), GTK_ORIENTATION_VERTICAL, 800, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 800);
  g_assert_cmpint (min_height, <=, 600);

  resize (&f, 800, 600);
  screenshot ("layout-800x600.png");

  /* The sidebar folds away; reader, claims and inspector are whole. */
  sidebar = ADW_FLAP (cf_window_get_pane (f.window, "sidebar"));
  g_assert_true (adw_flap_get_folded (sidebar));
  g_assert_false (adw_flap_get_reveal_flap (sidebar));
  assert_inside_window (&f, cf_window_get_pane (f.window, "reader"));
  assert_inside_window (&f, cf_window_get_pane (f.window, "claims"));
  assert_inside_window (&f, cf_window_get_pane (f.window, "inspector"));
  assert_no_horizontal_scroll (&f);

  /* F9 (win.toggle-sidebar) shows the sources over the reader; picking one hides them. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-sidebar", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  screenshot ("layout-800x600-sidebar.png");
  {
    GListModel *documents = cf_sources_pane_get_model (SOURCES (&f));
    g_autoptr(CfDocument) last = g_list_model_get_item (documents, g_list_model_get_n_items (documents) - 1);

    g_object_set (f.window, "document-id", cf_document_get_id (last), NULL);
    app_test_drain ();
    g_assert_false (adw_flap_get_reveal_flap (sidebar));
    g_assert_cmpint (cf_reader_get_document_id (READER (&f)), ==, cf_document_get_id (last));
  }

  /* Wide again: the sidebar is back beside the reader. */
  resize (&f, 1280, 800);
  screenshot ("layout-1280x800-after.png");
  g_assert_false (adw_flap_get_folded (sidebar));
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  assert_inside_window (&f, cf_window_get_pane (f.window, "sources"));
  assert_inside_window (&f, cf_window_get_pane (f.window, "inspector"));

  window_fixture_close (&f);
}

static void
test_claims_table_room (void)
{
  WindowFixture f = { 0 };
  int sizes[][2] = { { 1280, 800 }, { 1024, 700 }, { 800, 600 } };

  if (!open_example (&f))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkColumnViewColumn *quote, *tags;
      GtkWidget *view = GTK_WIDGET (cf_claims_pane_get_column_view (CLAIMS (&f)));

      resize (&f, sizes[i][0], sizes[i][1]);
      if (i == 0)
        screenshot ("layout-1280x800.png");
      assert_no_horizontal_scroll (&f);

      quote = column_titled (&f, "Quote");
      tags = column_titled (&f, "Tags");
      g_assert_nonnull (quote);
      g_assert_nonnull (tags);

      /* The quote's column is the widest, and the columns fill the table. */
      {
        GtkWidget *quote_title = find_label (view, "Quote");
        GtkWidget *tags_title = find_label (view, "Tags");
        graphene_rect_t quote_bounds, tags_bounds;

        g_assert_nonnull (quote_title);
        g_assert_nonnull (tags_title);
        /* a title's button spans its column */
        g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (gtk_widget_get_parent (quote_title)), view, &quote_bounds));
        g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (gtk_widget_get_parent (tags_title)), view, &tags_bounds));
        g_assert_cmpfloat (quote_bounds.size.width, >=, tags_bounds.size.width);
        g_assert_cmpfloat (quote_bounds.size.width * 4, >=, gtk_widget_get_width (view));
      }
    }

  window_fixture_close (&f);
}

/* Every label's text below @widget, joined by newlines (a table cell's too). */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  if (CF_IS_CELL_TEXT (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, cf_cell_text_get_text (CF_CELL_TEXT (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static void
test_tag_chips_show_names (void)
{
  WindowFixture f = { 0 };
  GListModel *claims;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CfClaim) tagged = NULL;

  if (!open_example (&f))
    return;

  claims = cf_claims_pane_get_model (CLAIMS (&f));
  for (guint i = 0; i < g_list_model_get_n_items (claims) && tagged == NULL; i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);

      if (cf_claim_get_tag_ids (claim, NULL) != NULL)
        tagged = g_steal_pointer (&claim);
    }
  g_assert_nonnull (tagged);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&f), cf_claim_get_id (tagged)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();

  collect_labels (GTK_WIDGET (cf_claims_pane_get_column_view (CLAIMS (&f))), text);
  {
    g_autoptr(CfTag) tag = cf_case_get_tag (cf_window_get_case (f.window),
                                           cf_claim_get_tag_ids (tagged, NULL)[0], NULL);

    g_assert_nonnull (strstr (text->str, cf_tag_get_name (tag)));
  }

  window_fixture_close (&f);
}

static void
test_notes_on_claims (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *quote_start = NULL;
  CfNotesPane *notes;
  GtkListBoxRow *row = NULL;

  if (!open_example (&f))
    return;

  claim = window_fixture_first_claim (&f);
  g_assert_cmpint (cf_case_add_note (cf_window_get_case (f.window), CF_NOTE_TARGET_CLAIM,
                                     cf_claim_get_id (claim), "Check the drone's serial numbers", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&f), 0));
  g_object_set (f.window, "selected-claim", NULL, NULL);

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-sidebar", "s", "notes");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();
  screenshot ("notes-on-claims.png");

  notes = CF_NOTES_PANE (cf_window_get_pane (f.window, "notes"));
  collect_labels (GTK_WIDGET (notes), text);
  g_assert_nonnull (strstr (text->str, "Check the drone's serial numbers"));
  /* the claim's quote beside it, for context (its first words) */
  quote_start = g_utf8_substring (cf_claim_get_quote (claim), 0, 12);
  g_assert_nonnull (strstr (text->str, quote_start));

  /* Clicking the note selects its claim. */
  {
    GtkWidget *list = cf_notes_pane_get_claim_notes_list (notes);

    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_nonnull (row);
    g_signal_emit_by_name (list, "row-activated", row);
    app_test_drain ();
    g_assert_true (cf_inspector_get_claim (INSPECTOR (&f)) != NULL);
    g_assert_cmpint (cf_claim_get_id (cf_inspector_get_claim (INSPECTOR (&f))), ==, cf_claim_get_id (claim));
  }

  window_fixture_close (&f);
}

static gboolean
looks_iso (const char *text)
{
  g_autoptr(GRegex) iso = g_regex_new ("\\b\\d{4}-\\d{2}-\\d{2}\\b", 0, 0, NULL);

  return g_regex_match (iso, text, 0, NULL);
}

static void
test_source_dates_locale (void)
{
  WindowFixture f = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 3, 14, 0, 0, 0);
  g_autofree char *local = g_date_time_format (day, "%x");

  if (!open_example (&f))
    return;

  collect_labels (cf_window_get_pane (f.window, "sources"), text);
  g_assert_false (looks_iso (text->str));
  /* the example's first sources were published on 14 March 2026 */
  g_assert_nonnull (strstr (text->str, local));

  window_fixture_close (&f);
}

/* The cell below @widget showing @text. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *text)
{
  if (CF_IS_CELL_TEXT (widget) && g_strcmp0 (cf_cell_text_get_text (CF_CELL_TEXT (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A source's title takes two lines at most, cut short after them; a short one one. */
static void
test_source_titles_two_lines (void)
{
  WindowFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  const char *long_title = "A very long title for a source, far longer than the sidebar is wide, "
                           "so that it would run on for four or five lines if it could";
  CfDocumentFields fields = { .title = long_title, .text = "Text." };
  CfDocumentFields short_fields = { .title = "Short", .text = "Text." };
  GtkWidget *sources, *long_cell, *short_cell;
  int line;

  if (!open_example (&f))
    return;
  g_assert_cmpint (cf_case_add_document (cf_window_get_case (f.window), &fields, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_add_document (cf_window_get_case (f.window), &short_fields, &error), >, 0);
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();

  sources = cf_window_get_pane (f.window, "sources");
  long_cell = find_cell (sources, long_title);
  short_cell = find_cell (sources, "Short");
  g_assert_nonnull (long_cell);
  g_assert_nonnull (short_cell);
  line = gtk_widget_get_height (short_cell);
  g_assert_cmpint (line, >, 0);
  /* two lines (the second line's height less the spacing above it) */
  g_assert_cmpint (gtk_widget_get_height (long_cell), >, line * 3 / 2);
  g_assert_cmpint (gtk_widget_get_height (long_cell), <=, 2 * line);
  /* in the sidebar's width, whatever the title */
  g_assert_cmpint (gtk_widget_get_width (long_cell), <, gtk_widget_get_width (sources));

  window_fixture_close (&f);
}

/* Where, in the text view's widget coordinates, the character boundary at @offset is
 * on its line (the right edge of the character before it when @after_char). */
static void
boundary_point (GtkTextView *view,
                int          offset,
                gboolean     after_char,
                double      *x,
                double      *y)
{
  GtkTextIter iter;
  GdkRectangle place;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, after_char ? offset - 1 : offset);
  gtk_text_view_get_iter_location (view, &iter, &place);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         after_char ? place.x + place.width : place.x,
                                         place.y + place.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}

static GtkEventController *
controller_of_type (GtkWidget *widget,
                    GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* A user points at the end of a highlight (the pointer becomes a resize arrow),
 * drags it back over its last word and lets go; Ctrl+Z takes it back. */
static void
test_drag_claim_end (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  GtkTextView *view;
  GtkTextIter end_iter, target_iter;
  GtkEventController *drag, *motion;
  double x, y, tx, ty;
  int start, end, target, drop;
  CfCase *kase;

  if (!open_example (&f))
    return;

  kase = cf_window_get_case (f.window);
  claim = window_fixture_first_claim (&f);
  cf_reader_show_document (READER (&f), cf_claim_get_document_id (claim));
  cf_reader_flush (READER (&f));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();
  view = cf_reader_get_text_view (READER (&f));
  start = cf_claim_get_start (claim);
  end = cf_claim_get_end (claim);

  /* shrink it by its last word: drop the end at that word's start; the space before
   * it is trimmed, so the claim ends with the word before */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &end_iter, end);
  target_iter = end_iter;
  g_assert_true (gtk_text_iter_backward_word_start (&target_iter));
  drop = gtk_text_iter_get_offset (&target_iter);
  g_assert_true (gtk_text_iter_backward_word_start (&target_iter));
  g_assert_true (gtk_text_iter_forward_word_end (&target_iter));
  target = gtk_text_iter_get_offset (&target_iter);
  g_assert_cmpint (target, <, end);
  g_assert_cmpint (target, >, start);

  boundary_point (view, end, TRUE, &x, &y);
  boundary_point (view, drop, FALSE, &tx, &ty);
  g_test_message ("claim %d–%d, dropped at %d; from %.0f,%.0f to %.0f,%.0f", start, end, drop, x, y, tx, ty);

  motion = controller_of_type (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_nonnull (gtk_widget_get_cursor (GTK_WIDGET (view)));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (view))), ==, "ew-resize");
  /* in the middle of the highlight the pointer is the text cursor again */
  {
    double mx, my;

    boundary_point (view, (start + end) / 2, FALSE, &mx, &my);
    g_signal_emit_by_name (motion, "motion", mx, my);
    g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (view))), ==, "text");
  }

  drag = controller_of_type (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", tx - x, ty - y);
  g_signal_emit_by_name (drag, "drag-end", tx - x, ty - y);
  app_test_drain ();

  g_assert_cmpint (cf_claim_get_start (claim), ==, start);
  g_assert_cmpint (cf_claim_get_end (claim), ==, target);
  /* one step back */
  g_assert_true (cf_case_undo (kase, NULL));
  app_test_drain ();
  g_assert_cmpint (cf_claim_get_start (claim), ==, start);
  g_assert_cmpint (cf_claim_get_end (claim), ==, end);

  /* dragged onto its own start: an empty span, refused; the claim stays */
  cf_reader_flush (READER (&f));
  {
    double sx, sy;

    boundary_point (view, start, FALSE, &sx, &sy);
    g_signal_emit_by_name (drag, "drag-begin", x, y);
    g_signal_emit_by_name (drag, "drag-end", sx - x, sy - y);
    app_test_drain ();
  }
  g_assert_cmpint (cf_claim_get_start (claim), ==, start);
  g_assert_cmpint (cf_claim_get_end (claim), ==, end);

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/layout/fits-800x600", test_fits_800x600);
  g_test_add_func ("/app/layout/claims-table-has-room", test_claims_table_room);
  g_test_add_func ("/app/layout/tag-chips-show-names", test_tag_chips_show_names);
  g_test_add_func ("/app/layout/notes-pane-lists-claim-notes", test_notes_on_claims);
  g_test_add_func ("/app/layout/source-dates-in-locale-style", test_source_dates_locale);
  g_test_add_func ("/app/layout/source-titles-two-lines", test_source_titles_two_lines);
  g_test_add_func ("/app/reader/drag-claim-end", test_drag_claim_end);

  return g_test_run ();
}
