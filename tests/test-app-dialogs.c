/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finishing a case in the window alone: the case and source properties dialogs
 * (one undo step each, dates in the locale's style), moving a claim's ends to the
 * reader's selection, exporting the brief and the JSON, and how the reader treats
 * a selected claim (no text selection, no scrolling by itself). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cf-app-util.h"
#include "cf-case-properties.h"
#include "cf-case-timeline.h"
#include "cf-source-properties.h"

#include "app-test-util.h"

/* --- case properties ------------------------------------------------------------------ */

static CfCaseProperties *
open_case_properties (WindowFixture *f)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-properties", NULL));
  app_test_drain ();
  dialog = app_test_find_window_of_type (CF_TYPE_CASE_PROPERTIES);
  g_assert_nonnull (dialog);
  return CF_CASE_PROPERTIES (dialog);
}

static void
set_entry (GtkWidget  *widget,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
test_case_properties_one_undo (void)
{
  WindowFixture f = { 0 };
  CfCaseProperties *dialog;
  CfCase *kase;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);
  title = g_strdup (cf_case_get_info (kase, CF_CASE_FIELD_TITLE));
  summary = g_strdup (cf_case_get_info (kase, CF_CASE_FIELD_SUMMARY));

  dialog = open_case_properties (&f);
  set_entry (cf_case_properties_get_field (dialog, CF_CASE_FIELD_TITLE), "Kremlin drone incident");
  set_entry (cf_case_properties_get_field (dialog, CF_CASE_FIELD_ANALYST), "A. Analyst");
  set_entry (cf_case_properties_get_field (dialog, CF_CASE_FIELD_INCIDENT_DATE), "2023-05-03");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (cf_case_properties_get_field (dialog, CF_CASE_FIELD_SUMMARY))),
                            "The strike was likely staged.\nSecond line.", -1);
  /* a common marking, picked from the menu */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.marking", "s", "TLP:AMBER"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.apply", NULL));
  app_test_drain ();

  g_assert_null (app_test_find_window_of_type (CF_TYPE_CASE_PROPERTIES));
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Kremlin drone incident");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_ANALYST), ==, "A. Analyst");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_MARKING), ==, "TLP:AMBER");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_INCIDENT_DATE), ==, "2023-05-03");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_SUMMARY), ==, "The strike was likely staged.\nSecond line.");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f.window)), ==, "Kremlin drone incident");

  /* one step back undoes the whole dialog */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, title);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_SUMMARY), ==, summary);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_MARKING), !=, "TLP:AMBER");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_ANALYST), !=, "A. Analyst");
  g_assert_no_error (error);

  window_fixture_close (&f);
}

/* The incident's time zone and the precision the case needs, set in the dialog and
 * undone with the rest; a zone GLib does not know keeps Apply off. */
static void
test_case_properties_time (void)
{
  WindowFixture f = { 0 };
  CfCaseProperties *dialog;
  CfCase *kase;
  g_autofree char *zone_before = NULL;
  g_autofree char *zone_after = NULL;
  g_autofree char *zone_undone = NULL;
  CfPrecision precision;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);
  zone_before = cf_case_dup_timezone (kase);

  dialog = open_case_properties (&f);
  set_entry (cf_case_properties_get_timezone_row (dialog), "Mars/Olympus_Mons");
  app_test_drain ();
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.apply", NULL)
                  && app_test_find_window_of_type (CF_TYPE_CASE_PROPERTIES) == NULL);
  set_entry (cf_case_properties_get_timezone_row (dialog), "Europe/Kyiv");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cf_case_properties_get_precision_row (dialog)),
                              CF_PRECISION_HOUR + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.apply", NULL));
  app_test_drain ();

  zone_after = cf_case_dup_timezone (kase);
  g_assert_cmpstr (zone_after, ==, "Europe/Kyiv");
  g_assert_true (cf_case_get_required_precision (kase, &precision));
  g_assert_cmpint (precision, ==, CF_PRECISION_HOUR);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  zone_undone = cf_case_dup_timezone (kase);
  g_assert_cmpstr (zone_undone, ==, zone_before);
  g_assert_false (cf_case_get_required_precision (kase, &precision));

  window_fixture_close (&f);
}

static void
test_case_properties_bad_date_refused (void)
{
  WindowFixture f = { 0 };
  CfCaseProperties *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (!window_fixture_open_example (&f))
    return;
  date = g_strdup (cf_case_get_info (cf_window_get_case (f.window), CF_CASE_FIELD_INCIDENT_DATE));

  dialog = open_case_properties (&f);
  set_entry (cf_case_properties_get_field (dialog, CF_CASE_FIELD_INCIDENT_DATE), "the third of never");
  /* Apply is off, and the date is refused if it is called anyway */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.apply", NULL);
  app_test_drain ();
  g_assert_nonnull (app_test_find_window_of_type (CF_TYPE_CASE_PROPERTIES));
  g_assert_null (app_test_find_message_dialog ());
  g_assert_true (gtk_widget_has_css_class (cf_case_properties_get_field (dialog, CF_CASE_FIELD_INCIDENT_DATE), "error"));
  g_assert_false (cf_case_properties_apply (dialog, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_assert_cmpstr (cf_case_get_info (cf_window_get_case (f.window), CF_CASE_FIELD_INCIDENT_DATE), ==, date);

  gtk_window_destroy (GTK_WINDOW (dialog));
  window_fixture_close (&f);
}

static void
test_case_properties_date_in_locale_style (void)
{
  WindowFixture f = { 0 };
  CfCaseProperties *dialog;
  g_autofree char *shown = cf_date_format_local ("2023-05-03");
  g_autofree char *back = cf_date_parse_input (shown);
  GtkWidget *row;

  if (!window_fixture_open_example (&f))
    return;
  g_assert_true (cf_case_set_info (cf_window_get_case (f.window), CF_CASE_FIELD_INCIDENT_DATE,
                                   "2023-05-03", NULL));

  /* shown as the locale writes dates, read back as the same day */
  dialog = open_case_properties (&f);
  row = cf_case_properties_get_field (dialog, CF_CASE_FIELD_INCIDENT_DATE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, shown);
  g_assert_cmpstr (back, ==, "2023-05-03");
  /* applying without a change writes nothing */
  g_assert_true (cf_case_properties_apply (dialog, NULL));
  g_assert_cmpstr (cf_case_get_info (cf_window_get_case (f.window), CF_CASE_FIELD_INCIDENT_DATE),
                   ==, "2023-05-03");

  window_fixture_close (&f);
}

/* --- source properties ------------------------------------------------------------------- */

static void
test_source_properties_complete_a_text (void)
{
  WindowFixture f = { 0 };
  CfCase *kase;
  CfSourceProperties *dialog;
  g_autoptr(CfDocument) document = NULL;
  gint64 id;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);

  /* a pasted or .txt source has a title and nothing else */
  id = cf_case_import_text (kase, "Notes from the call", "The drone came from the east.", NULL);
  g_assert_cmpint (id, >, 0);
  g_object_set (f.window, "document-id", id, NULL);
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.source-properties", NULL));
  app_test_drain ();
  dialog = CF_SOURCE_PROPERTIES (app_test_find_window_of_type (CF_TYPE_SOURCE_PROPERTIES));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_TITLE)),
                   ==, "Notes from the call");
  gtk_editable_set_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_BYLINE), "J. Reporter");
  gtk_editable_set_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_PUBLISHER), "Example News");
  gtk_editable_set_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_URL), "https://example.org/call");
  gtk_editable_set_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_PUBLISHED), "2023-05-04");
  gtk_editable_set_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_LANGUAGE), "en");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "source.apply", NULL));
  app_test_drain ();

  document = cf_case_get_document (kase, id, NULL);
  g_assert_cmpstr (cf_document_get_byline (document), ==, "J. Reporter");
  g_assert_cmpstr (cf_document_get_publisher (document), ==, "Example News");
  g_assert_cmpstr (cf_document_get_url (document), ==, "https://example.org/call");
  g_assert_cmpstr (cf_document_get_published (document), ==, "2023-05-04");
  g_assert_cmpstr (cf_document_get_language (document), ==, "en");

  /* one undo step takes all five back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_cmpstr (cf_document_get_publisher (document) ?: "", ==, "");
  g_assert_cmpstr (cf_document_get_byline (document) ?: "", ==, "");
  g_assert_cmpstr (cf_document_get_published (document) ?: "", ==, "");

  window_fixture_close (&f);
}

/* The capture date (when a page was saved) is edited as the published date is: a
 * date that is not one is refused with its own message, a date and time is kept
 * as written and shown so again, and one undo step takes it back. */
static void
test_source_properties_capture_date (void)
{
  WindowFixture f = { 0 };
  CfCase *kase;
  CfSourceProperties *dialog;
  g_autoptr(CfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *captured;
  gint64 id;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);
  id = cf_case_import_text (kase, "Saved page", "The convoy left at dawn.", NULL);
  g_assert_cmpint (id, >, 0);
  g_object_set (f.window, "document-id", id, NULL);
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.source-properties", NULL));
  app_test_drain ();
  dialog = CF_SOURCE_PROPERTIES (app_test_find_window_of_type (CF_TYPE_SOURCE_PROPERTIES));
  g_assert_nonnull (dialog);
  captured = cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_CAPTURED);
  g_assert_cmpstr (gtk_editable_get_text (captured), ==, "");

  gtk_editable_set_text (captured, "the day before yesterday");
  g_assert_false (cf_source_properties_apply (dialog, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "capture date"));
  g_clear_error (&error);

  gtk_editable_set_text (captured, "2024-06-02T10:11:12Z");
  g_assert_true (cf_source_properties_apply (dialog, &error));
  g_assert_no_error (error);
  app_test_drain ();
  document = cf_case_get_document (kase, id, NULL);
  g_assert_cmpstr (cf_document_get_captured (document), ==, "2024-06-02T10:11:12Z");
  g_assert_null (cf_document_get_published (document));

  /* shown again with its time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.source-properties", NULL));
  app_test_drain ();
  dialog = CF_SOURCE_PROPERTIES (app_test_find_window_of_type (CF_TYPE_SOURCE_PROPERTIES));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (cf_source_properties_get_field (dialog, CF_DOCUMENT_FIELD_CAPTURED)),
                   ==, "2024-06-02T10:11:12Z");
  gtk_window_close (GTK_WINDOW (dialog));
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_cmpstr (cf_document_get_captured (document) ?: "", ==, "");
  window_fixture_close (&f);
}

/* --- a claim's span ------------------------------------------------------------------------- */

static void
test_claim_span_extends_to_selection (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  g_autofree char *words = NULL;
  int old_start, old_end;

  if (!window_fixture_open_example (&f))
    return;
  claim = window_fixture_first_claim (&f);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&f), cf_claim_get_id (claim)));
  app_test_drain ();
  old_start = cf_claim_get_start (claim);
  old_end = cf_claim_get_end (claim);

  /* select from the claim's start to two words past its end */
  buffer = gtk_text_view_get_buffer (cf_reader_get_text_view (READER (&f)));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, old_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, old_end);
  gtk_text_iter_forward_word_ends (&e, 2);
  gtk_text_buffer_select_range (buffer, &s, &e);
  words = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.set-claim-span", NULL));
  app_test_drain ();
  g_assert_cmpint (cf_claim_get_start (claim), ==, old_start);
  g_assert_cmpint (cf_claim_get_end (claim), ==, gtk_text_iter_get_offset (&e));
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, words);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_cmpint (cf_claim_get_end (claim), ==, old_end);

  window_fixture_close (&f);
}

/* --- the reader and a selected claim ----------------------------------------------------------- */

static void
test_selected_claim_is_no_text_selection (void)
{
  WindowFixture f = { 0 };
  g_autoptr(CfClaim) claim = NULL;
  guint n;

  if (!window_fixture_open_example (&f))
    return;
  claim = window_fixture_first_claim (&f);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&f), cf_claim_get_id (claim)));
  app_test_drain ();

  /* shown and underlined, but not selected as text: nothing to mark again */
  g_assert_true (cf_reader_get_selected_claim (READER (&f)) == claim);
  g_assert_false (cf_reader_get_has_selection (READER (&f)));
  n = g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f)));
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.mark-claim", NULL);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (&f))), ==, n);

  window_fixture_close (&f);
}

static void
test_marking_does_not_scroll (void)
{
  WindowFixture f = { 0 };
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkAdjustment *vadj;
  GdkRectangle visible;
  GtkTextIter s, e;
  double before;

  if (!window_fixture_open_example (&f))
    return;
  view = cf_reader_get_text_view (READER (&f));
  buffer = gtk_text_view_get_buffer (view);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  if (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj) < 120)
    {
      g_test_skip ("the example's first source fits the reader without scrolling");
      window_fixture_close (&f);
      return;
    }

  /* scrolled a little, words in the middle of the view are marked */
  gtk_adjustment_set_value (vadj, 100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();
  before = gtk_adjustment_get_value (vadj);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &s, visible.x + 40, visible.y + visible.height / 2);
  gtk_text_iter_forward_word_end (&s);
  gtk_text_iter_backward_word_start (&s);
  e = s;
  gtk_text_iter_forward_word_ends (&e, 2);
  gtk_text_buffer_select_range (buffer, &s, &e);
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.mark-claim", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  app_test_drain ();
  g_assert_nonnull (cf_reader_get_selected_claim (READER (&f)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, before);

  window_fixture_close (&f);
}

/* --- exports ---------------------------------------------------------------------------------- */

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
dialog_shown (gpointer data)
{
  return app_test_find_message_dialog () != NULL;
}

static void
test_export_brief_and_json (void)
{
  WindowFixture f = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *json = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gsize length = 0;

  if (!window_fixture_open_example (&f))
    return;
  pdf = g_build_filename (f.tmpdir, "brief.pdf", NULL);
  json = g_build_filename (f.tmpdir, "case.json", NULL);
  pdf_file = g_file_new_for_path (pdf);
  json_file = g_file_new_for_path (json);

  cf_window_export (f.window, CF_WINDOW_EXPORT_BRIEF_PDF, pdf_file);
  cf_window_export (f.window, CF_WINDOW_EXPORT_JSON, json_file);
  g_assert_true (app_test_wait_until (file_exists, pdf));
  g_assert_true (app_test_wait_until (file_exists, json));
  app_test_drain ();

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (json_parser_load_from_file (parser, json, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "claims"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), >, 0);
  g_assert_null (app_test_find_message_dialog ());

  g_unlink (pdf);
  g_unlink (json);
  window_fixture_close (&f);
}

static void
test_export_error_shown (void)
{
  WindowFixture f = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;

  if (!window_fixture_open_example (&f))
    return;
  path = g_build_filename (f.tmpdir, "no such folder", "brief.pdf", NULL);
  file = g_file_new_for_path (path);

  cf_window_export (f.window, CF_WINDOW_EXPORT_BRIEF_PDF, file);
  g_assert_true (app_test_wait_until (dialog_shown, NULL));
  dialog = app_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Brief");
  gtk_window_destroy (GTK_WINDOW (dialog));

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/case-properties/apply-is-one-undo-step", test_case_properties_one_undo);
  g_test_add_func ("/app/case-properties/bad-date-refused", test_case_properties_bad_date_refused);
  g_test_add_func ("/app/case-properties/time-zone-and-precision", test_case_properties_time);
  g_test_add_func ("/app/case-properties/date-in-locale-style", test_case_properties_date_in_locale_style);
  g_test_add_func ("/app/source-properties/complete-a-pasted-text", test_source_properties_complete_a_text);
  g_test_add_func ("/app/source-properties/capture-date", test_source_properties_capture_date);
  g_test_add_func ("/app/claim-span/extends-to-selection", test_claim_span_extends_to_selection);
  g_test_add_func ("/app/reader/selected-claim-is-no-text-selection", test_selected_claim_is_no_text_selection);
  g_test_add_func ("/app/reader/marking-does-not-scroll", test_marking_does_not_scroll);
  g_test_add_func ("/app/export/brief-and-json-written", test_export_brief_and_json);
  g_test_add_func ("/app/export/error-shown", test_export_error_shown);

  return g_test_run ();
}
