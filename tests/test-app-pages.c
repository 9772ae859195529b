/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's page view of a PDF source: a PDF we typeset is imported into a new
 * case and shown as pages, and the analyst clicks a highlight (the claim
 * is selected) and drags across words on the page (Mark Claim quotes the very
 * characters the text view would). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app-test-util.h"
#include "cf-formats.h"
#include "cf-page-view.h"
#include "pdf-test-util.h"

typedef struct
{
  WindowFixture  window;
  gint64         document_id;
  char          *text;
  CfPageView    *pages;
} PdfFixture;

/* A window on a new case, and a two-column article imported into it as the import
 * would store it (the reader itself, without the helper process), shown. */
static gboolean
pdf_fixture_open (PdfFixture *f)
{
  g_auto(GStrv) prose = pdf_test_prose (11, 10);
  PdfTestArticle article = {
    .title = "Harbour inspection",
    .header = "Field Notes",
    .paragraphs = (const char *const *) prose,
    .columns = 2,
    .page_numbers = TRUE,
    .hyphenate = TRUE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  CfImport import = { 0 };
  CfCase *kase;

  app_test_start_gtk ();
  f->window.tmpdir = g_dir_make_tmp ("casefile-pages-XXXXXX", NULL);
  g_assert_nonnull (f->window.tmpdir);
  f->window.path = g_build_filename (f->window.tmpdir, "pages.casefile", NULL);
  {
    g_autoptr(CfCase) created = cf_case_create (f->window.path, "Pages", &error);
    g_autoptr(GFile) file = g_file_new_for_path (f->window.path);

    g_assert_no_error (error);
    g_clear_object (&created);
    f->window.window = g_object_ref_sink (cf_window_new (NULL));
    g_assert_true (cf_window_open_file (f->window.window, file));
  }
  gtk_window_present (GTK_WINDOW (f->window.window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window.window));
  app_test_drain ();
  kase = cf_window_get_case (f->window.window);
  import.filename = (char *) "harbour.pdf";
  import.original = pdf_test_make_article (&article);
  import.documents = cf_read_pdf (import.original, NULL, &error);
  g_assert_no_error (error);
  ids = cf_case_add_import (kase, &import, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (import.documents);
  g_bytes_unref (import.original);
  f->document_id = g_array_index (ids, gint64, 0);
  f->text = cf_case_get_document_text (kase, f->document_id, &error);
  g_assert_no_error (error);

  cf_reader_show_document (READER (&f->window), f->document_id);
  app_test_drain ();
  f->pages = CF_PAGE_VIEW (app_test_find_child_of_type (GTK_WIDGET (READER (&f->window)), CF_TYPE_PAGE_VIEW));
  g_assert_nonnull (f->pages);
  return TRUE;
}

static void
pdf_fixture_close (PdfFixture *f)
{
  g_free (f->text);
  window_fixture_close (&f->window);
}

static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_TOGGLE_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
canvas_drawn (gpointer data)
{
  GtkWidget *canvas = cf_page_view_get_canvas (data);

  /* the layout read and the page rendered by the helper process */
  return gtk_widget_get_mapped (canvas) && gtk_widget_get_height (canvas) > 100 &&
         cf_page_view_page_is_shown (data);
}

static void
show_pages (PdfFixture *f)
{
  GtkToggleButton *page = find_toggle (GTK_WIDGET (READER (&f->window)), "Page");

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  gtk_toggle_button_set_active (page, TRUE);
  g_assert_true (app_test_wait_until (canvas_drawn, f->pages));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->pages)));
}

/* The offset of @word after a quarter of the text, or else its first. */
static int
some_word (PdfFixture *f,
           const char *word)
{
  const char *at = strstr (f->text + strlen (f->text) / 4, word);

  if (at == NULL)
    at = strstr (f->text, word);
  g_assert_nonnull (at);
  return (int) g_utf8_pointer_to_offset (f->text, at);
}

/* The casefile-reader helpers this process runs now. */
static guint
count_helpers (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *after_name;
      int ppid = 0;
      char state;

      if (atoi (name) <= 0 || !g_file_get_contents (path, &stat, NULL, NULL) ||
          strstr (stat, "(casefile-reader)") == NULL ||
          (after_name = strrchr (stat, ')')) == NULL ||
          sscanf (after_name + 1, " %c %d", &state, &ppid) != 2)
        continue;
      n += ppid == getpid () && state != 'Z';
    }
  return n;
}

static gboolean
no_helpers (gpointer data)
{
  return count_helpers () == 0;
}

static gboolean
page_shown (gpointer data)
{
  return cf_page_view_page_is_shown (data);
}

static void
test_pages_offered_for_pdf (void)
{
  PdfFixture f = { 0 };
  g_autoptr(GArray) pages = NULL;

  if (!pdf_fixture_open (&f))
    return;
  pages = cf_case_get_document_pages (cf_window_get_case (f.window.window), f.document_id, NULL);
  g_assert_cmpuint (pages->len, >=, 2);
  show_pages (&f);
  g_assert_cmpuint (cf_page_view_get_page (f.pages), ==, 0);

  /* one helper read the layout and renders the document's pages */
  gtk_widget_activate_action (GTK_WIDGET (f.pages), "page.next", NULL);
  g_assert_true (app_test_wait_until (page_shown, f.pages));
  g_assert_cmpuint (count_helpers (), ==, 1);
  /* and ends with the document */
  pdf_fixture_close (&f);
  g_assert_true (app_test_wait_until (no_helpers, NULL));
}

static void
test_click_highlight_selects_claim (void)
{
  PdfFixture f = { 0 };
  CfCase *kase;
  g_autoptr(GError) error = NULL;
  gint64 claim_id;
  int start;
  double x, y;
  CfClaim *selected;

  if (!pdf_fixture_open (&f))
    return;
  kase = cf_window_get_case (f.window.window);
  start = some_word (&f, " committee ") + 1;
  claim_id = cf_case_add_claim (kase, f.document_id, start, start + 9, "committee", &error);
  g_assert_no_error (error);
  cf_reader_flush (READER (&f.window));
  show_pages (&f);

  cf_page_view_show_offset (f.pages, start);
  app_test_drain ();
  g_assert_true (cf_page_view_get_point_for_offset (f.pages, start + 4, &x, &y));
  cf_page_view_simulate_drag (f.pages, x, y, x, y);
  app_test_drain ();

  selected = cf_reader_get_selected_claim (READER (&f.window));
  g_assert_nonnull (selected);
  g_assert_cmpint (cf_claim_get_id (selected), ==, claim_id);
  pdf_fixture_close (&f);
}

static void
test_drag_marks_claim_at_text_offsets (void)
{
  PdfFixture f = { 0 };
  int start, end;
  double x1, y1, x2, y2;
  gint64 document_id;
  int s, e;
  CfClaim *selected;

  if (!pdf_fixture_open (&f))
    return;
  show_pages (&f);
  start = some_word (&f, " installation ") + 1;
  end = start + (int) strlen ("installation");
  cf_page_view_show_offset (f.pages, start);
  app_test_drain ();
  g_assert_true (cf_page_view_get_point_for_offset (f.pages, start, &x1, &y1));
  g_assert_true (cf_page_view_get_point_for_offset (f.pages, end - 1, &x2, &y2));
  /* from the middle of the first letter to the middle of the last */
  cf_page_view_simulate_drag (f.pages, x1 - 1, y1, x2 + 1, y2);
  app_test_drain ();

  g_assert_true (cf_reader_get_selected_words (READER (&f.window), &document_id, &s, &e));
  g_assert_cmpint (document_id, ==, f.document_id);
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);

  gtk_widget_activate_action (GTK_WIDGET (f.window.window), "win.mark-claim", NULL);
  app_test_drain ();
  selected = cf_reader_get_selected_claim (READER (&f.window));
  g_assert_nonnull (selected);
  g_assert_cmpint (cf_claim_get_start (selected), ==, start);
  g_assert_cmpint (cf_claim_get_end (selected), ==, end);
  g_assert_cmpstr (cf_claim_get_quote (selected), ==, "installation");
  pdf_fixture_close (&f);
}

static gboolean
page_failed (gpointer data)
{
  return cf_page_view_get_page_error (data) != NULL && !cf_page_view_is_rendering (data);
}

/* A page whose rendering crashes the helper process (a hostile PDF) says that it
 * could not be shown; the window, the case, the other pages and the text go on. */
static void
test_crashing_render_leaves_window_working (void)
{
  PdfFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CfCase *kase;

  if (!pdf_fixture_open (&f))
    return;
  show_pages (&f);
  g_assert_null (cf_page_view_get_page_error (f.pages));

  /* the next page's helper crashes */
  g_setenv ("CASEFILE_MISBEHAVE", "crash", TRUE);
  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f.pages), "page.next", NULL);
  g_assert_cmpuint (cf_page_view_get_page (f.pages), ==, 1);
  g_assert_true (app_test_wait_until (page_failed, f.pages));
  g_assert_false (cf_page_view_page_is_shown (f.pages));
  g_assert_nonnull (strstr (cf_page_view_get_page_error (f.pages), "could not be shown"));
  if (g_getenv ("CASEFILE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CASEFILE_SCREENSHOT_DIR"), "page-failed.png", NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s", path);

      for (int i = 0; i < 20; i++)
        {
          app_test_drain ();
          g_usleep (20000);
        }
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    }
  g_unsetenv ("CASEFILE_MISBEHAVE");
  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_REAL"), TRUE);

  /* the page before is still there, and the case still answers */
  gtk_widget_activate_action (GTK_WIDGET (f.pages), "page.previous", NULL);
  g_assert_true (cf_page_view_page_is_shown (f.pages));
  g_assert_null (cf_page_view_get_page_error (f.pages));
  kase = cf_window_get_case (f.window.window);
  text = cf_case_get_document_text (kase, f.document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, f.text);
  cf_case_add_claim (kase, f.document_id, 0, 5, NULL, &error);
  g_assert_no_error (error);
  pdf_fixture_close (&f);
}

/* The README's picture of the page view: run by hand, on a display of its own,
 *   CASEFILE_SCREENSHOT_DIR=data/screenshots xvfb-run -a -s "-screen 0 1280x800x24" \
 *     build/tests/test-app-pages -p /app/pages/screenshot */
static void
test_screenshot (void)
{
  PdfFixture f = { 0 };
  const char *words[] = { " committee ", " testimony ", " satellite photographs ", " hydroelectric " };
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  CfCase *kase;

  if (!pdf_fixture_open (&f))
    return;
  kase = cf_window_get_case (f.window.window);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *at = strstr (f.text, words[i]);
      int start;

      if (at == NULL)
        continue;
      start = (int) g_utf8_pointer_to_offset (f.text, at) + 1;
      cf_case_add_claim (kase, f.document_id, start, start + (int) strlen (words[i]) - 2, NULL, NULL);
    }
  gtk_window_set_default_size (GTK_WINDOW (f.window.window), 1280, 800);
  gtk_window_maximize (GTK_WINDOW (f.window.window));
  cf_reader_flush (READER (&f.window));
  show_pages (&f);
  for (int i = 0; i < 20; i++)
    {
      app_test_drain ();
      g_usleep (20000);
    }
  path = g_build_filename (g_getenv ("CASEFILE_SCREENSHOT_DIR"), "page-view.png", NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  pdf_fixture_close (&f);
}

int
main (int argc, char **argv)
{
  app_test_init (&argc, &argv, g_getenv ("CASEFILE_SCREENSHOT_DIR") == NULL);
  if (g_getenv ("CASEFILE_SCREENSHOT_DIR") != NULL)
    g_test_add_func ("/app/pages/screenshot", test_screenshot);

  g_test_add_func ("/app/pages/offered-for-pdf", test_pages_offered_for_pdf);
  g_test_add_func ("/app/pages/click-highlight-selects-claim", test_click_highlight_selects_claim);
  g_test_add_func ("/app/pages/drag-marks-claim-at-text-offsets", test_drag_marks_claim_at_text_offsets);
  g_test_add_func ("/app/pages/crashing-render-leaves-window-working", test_crashing_render_leaves_window_working);
  return g_test_run ();
}
