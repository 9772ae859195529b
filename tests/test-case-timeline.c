/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case's side of the timeline: event times on claims, the case's zone and required
 * precision, links between claims, the dated list and the checks, each edit undoable. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "cf-case-private.h"
#include "cf-case-timeline.h"
#include "cf-claim.h"
#include "cf-record-list.h"
#include "cf-test-util.h"
#include "brief-test-util.h"

typedef struct {
  CfCase *kase;
  gint64  document_id;
  gint64  claims[3];
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->kase = cf_test_new_case ("timeline.casefile");
  f->document_id = cf_test_add_sample_document (f->kase);
  f->claims[0] = cf_case_add_claim (f->kase, f->document_id, 0, 9, NULL, &error);
  g_assert_no_error (error);
  f->claims[1] = cf_case_add_claim (f->kase, f->document_id, 10, 20, NULL, &error);
  g_assert_no_error (error);
  f->claims[2] = cf_case_add_claim (f->kase, f->document_id, 21, 30, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cf_test_assert_case_sound (f->kase);
  g_clear_object (&f->kase);
}

static void
set_time (Fixture *f, gint64 claim_id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEventTime) time = cf_event_time_parse (text, &error);

  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_event_time (f->kase, claim_id, time, &error));
  g_assert_no_error (error);
}

static char *
get_time (Fixture *f, gint64 claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEventTime) time = cf_case_get_claim_event_time (f->kase, claim_id, &error);

  g_assert_no_error (error);
  return time != NULL ? cf_event_time_to_string (time) : NULL;
}

static void
test_event_time_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autofree char *back = NULL;

  set_time (f, f->claims[0], "~2023-05-03T02:30/2023-05-03T03:10 Europe/Moscow");
  back = get_time (f, f->claims[0]);
  g_assert_cmpstr (back, ==, "~2023-05-03T02:30/2023-05-03T03:10 Europe/Moscow");
  /* the claim's event_date is the start, as stored */
  claim = cf_case_get_claim (f->kase, f->claims[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_event_date (claim), ==, "2023-05-03T02:30");
  g_assert_null (get_time (f, f->claims[1]));
}

static void
test_event_time_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *cleared = NULL;

  set_time (f, f->claims[0], "2023-05");
  set_time (f, f->claims[0], "2023-05-03/2023-05-04");
  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  first = get_time (f, f->claims[0]);
  g_assert_cmpstr (first, ==, "2023-05");
  g_assert_true (cf_case_set_claim_event_time (f->kase, f->claims[0], NULL, &error));
  cleared = get_time (f, f->claims[0]);
  g_assert_null (cleared);
  g_assert_true (cf_case_undo (f->kase, &error));
  undone = get_time (f, f->claims[0]);
  g_assert_cmpstr (undone, ==, "2023-05");
}

static void
test_event_date_text_forms (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;

  g_assert_true (cf_case_set_claim_event_date (f->kase, f->claims[1], "~2023-05-03 Europe/Kyiv", &error));
  g_assert_no_error (error);
  back = get_time (f, f->claims[1]);
  g_assert_cmpstr (back, ==, "~2023-05-03 Europe/Kyiv");
  g_assert_false (cf_case_set_claim_event_date (f->kase, f->claims[1], "3rd of May", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cf_case_set_claim_event_date (f->kase, f->claims[1], "2023-05-03 Atlantis/Capital", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_case_set_claim_event_date (f->kase, f->claims[1], "", &error));
  g_assert_null (get_time (f, f->claims[1]));
}

static void
test_old_dates_read_with_derived_precision (Fixture *f, gconstpointer data)
{
  sqlite3 *db = _cf_case_get_db (f->kase);
  g_autofree char *sql = g_strdup_printf ("UPDATE claims SET event_date = '2023-05-03T02' WHERE id = %"
                                          G_GINT64_FORMAT, f->claims[0]);
  g_autoptr(CfEventTime) time = NULL;

  /* what a version-2 file upgrades to: the text kept, no precision column */
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  time = cf_case_get_claim_event_time (f->kase, f->claims[0], NULL);
  g_assert_nonnull (time);
  g_assert_cmpint (time->precision, ==, CF_PRECISION_HOUR);
}

static void
test_case_zone_and_precision (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *none = NULL;
  CfPrecision precision = CF_PRECISION_DAY, got;

  g_assert_null (cf_case_dup_timezone (f->kase));
  g_assert_false (cf_case_get_required_precision (f->kase, &got));
  g_assert_true (cf_case_set_timezone (f->kase, " Europe/Kyiv ", &error));
  g_assert_no_error (error);
  zone = cf_case_dup_timezone (f->kase);
  g_assert_cmpstr (zone, ==, "Europe/Kyiv");
  g_assert_false (cf_case_set_timezone (f->kase, "Mars/Olympus", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_case_set_required_precision (f->kase, &precision, &error));
  g_assert_true (cf_case_get_required_precision (f->kase, &got));
  g_assert_cmpint (got, ==, CF_PRECISION_DAY);
  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_false (cf_case_get_required_precision (f->kase, &got));
  g_assert_true (cf_case_undo (f->kase, &error));
  none = cf_case_dup_timezone (f->kase);
  g_assert_null (none);
}

static void
test_links (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) after_delete = NULL;

  g_assert_true (cf_case_link_claims (f->kase, f->claims[2], f->claims[0], &error));
  g_assert_true (cf_case_link_claims (f->kase, f->claims[1], f->claims[2], &error));
  g_assert_true (cf_case_link_claims (f->kase, f->claims[0], f->claims[2], &error));
  g_assert_no_error (error);
  links = cf_case_list_claim_links (f->kase, f->claims[0], &error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpint (g_array_index (links, gint64, 0), ==, f->claims[0]);
  g_assert_cmpint (g_array_index (links, gint64, 1), ==, f->claims[2]);
  g_assert_false (cf_case_link_claims (f->kase, f->claims[0], f->claims[0], &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cf_case_link_claims (f->kase, f->claims[0], 999, &error));
  g_clear_error (&error);
  g_assert_true (cf_case_unlink_claims (f->kase, f->claims[2], f->claims[1], &error));
  after = cf_case_list_claim_links (f->kase, 0, &error);
  g_assert_cmpuint (after->len, ==, 2);
  /* deleting a claim takes its links with it, and undo brings them back */
  g_assert_true (cf_case_delete_claim (f->kase, f->claims[2], &error));
  g_assert_no_error (error);
  after_delete = cf_case_list_claim_links (f->kase, 0, &error);
  g_assert_cmpuint (after_delete->len, ==, 0);
  g_assert_true (cf_case_undo (f->kase, &error));
  g_clear_pointer (&after_delete, g_array_unref);
  after_delete = cf_case_list_claim_links (f->kase, 0, &error);
  g_assert_cmpuint (after_delete->len, ==, 2);
}

static void
test_list_in_time_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  CfTimelineEntry *e;

  /* 02:30 in Moscow is before 01:00 in London on that night */
  set_time (f, f->claims[0], "2023-05-03T01:00 Europe/London");
  set_time (f, f->claims[1], "2023-05-03T02:30 Europe/Moscow");
  g_assert_true (cf_case_set_document_field (f->kase, f->document_id, CF_DOCUMENT_FIELD_PUBLISHED,
                                             "2023-05-03", &error));
  entries = cf_case_list_timeline (f->kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpint (e->claim_id, ==, f->claims[1]);
  g_assert_cmpstr (e->published, ==, "2023-05-03");
  g_assert_nonnull (e->quote);
  g_assert_cmpint (e->latest - e->earliest, ==, 60);

  g_assert_cmpint (sqlite3_prepare_v2 (_cf_case_get_db (f->kase),
                                       "EXPLAIN QUERY PLAN SELECT id FROM claims WHERE event_date IS NOT NULL "
                                       "ORDER BY event_date, id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append (plan, (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan->str, "claims_by_event"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

static void
test_check_on_a_case (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 tag = cf_case_add_tag (f->kase, "Strike", 0, NULL, &error);
  CfPrecision hour = CF_PRECISION_HOUR;

  g_assert_no_error (error);
  set_time (f, f->claims[0], "2023-05-03");
  set_time (f, f->claims[1], "2023-05-06");
  g_assert_true (cf_case_add_claim_tag (f->kase, f->claims[0], tag, &error));
  g_assert_true (cf_case_add_claim_tag (f->kase, f->claims[1], tag, &error));
  g_assert_true (cf_case_set_document_field (f->kase, f->document_id, CF_DOCUMENT_FIELD_PUBLISHED,
                                             "2023-05-04", &error));
  g_assert_true (cf_case_set_required_precision (f->kase, &hour, &error));
  findings = cf_case_check_timeline (f->kase, &error);
  g_assert_no_error (error);
  /* one disagreement (3 and 6 May), one report before its event (6 May in a source of
   * 4 May), two dates coarser than an hour */
  g_assert_cmpuint (findings->len, ==, 4);
  g_assert_cmpint (((CfTimelineFinding *) g_ptr_array_index (findings, 0))->kind, ==,
                   CF_TIMELINE_FINDING_DISAGREE);
}

static void
test_claims_list_event_range (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GTimeZone) kyiv = g_time_zone_new_identifier ("Europe/Kyiv");
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(CfClaim) only = NULL;

  g_assert_true (cf_case_set_timezone (f->kase, "Europe/Kyiv", &error));
  set_time (f, f->claims[0], "2023-05-02");
  set_time (f, f->claims[1], "2023-05-03T01:00 UTC");
  list = cf_case_list_claims (f->kase);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  /* 3 May in Kyiv starts at 21:00 UTC on 2 May: only the second claim falls in it */
  from = g_date_time_new (kyiv, 2023, 5, 3, 0, 0, 0);
  cf_record_list_set_event_range (CF_RECORD_LIST (list), g_date_time_to_unix (from),
                                  g_date_time_to_unix (from) + 86400);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  only = g_list_model_get_item (list, 0);
  g_assert_cmpint (cf_claim_get_id (only), ==, f->claims[1]);
  /* the list follows edits while filtered */
  set_time (f, f->claims[2], "2023-05-03");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  cf_record_list_set_event_range (CF_RECORD_LIST (list), 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
}

static void
test_brief_chronology (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(CfClaim) first = cf_case_get_claim (f->kase, f->claims[0], NULL);
  g_autoptr(CfClaim) second = cf_case_get_claim (f->kase, f->claims[1], NULL);
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  const char *chronology;

  if (!have_poppler ())
    return;
  g_assert_true (cf_case_set_claim_reliability (f->kase, f->claims[1], CF_RELIABILITY_B, &error));
  g_assert_true (cf_case_set_claim_credibility (f->kase, f->claims[1], CF_CREDIBILITY_2, &error));
  set_time (f, f->claims[0], "2023-05-06");
  set_time (f, f->claims[1], "~2023-05-03T02:30 Europe/Moscow");
  g_assert_true (cf_case_set_document_field (f->kase, f->document_id, CF_DOCUMENT_FIELD_PUBLISHED,
                                             "2023-05-04", &error));
  pdf = render_brief (f->kase, NULL, "chronology.pdf");
  chronology = strstr (pdf->all, "Chronology");
  g_assert_nonnull (chronology);
  /* the 3 May claim (earlier, though marked second) comes first, with source, grade and
   * precision */
  q1 = collapse_spaces (cf_claim_get_quote (second));
  q2 = collapse_spaces (cf_claim_get_quote (first));
  {
    const char *needles[] = { "~2023-05-03T02:30 Europe/Moscow", "(Minute)", q1, "[S1]", "grade B2",
                              "2023-05-06", "(Day)", q2, "Timeline checks", "before it happened" };

    assert_in_order (chronology, 0, needles, G_N_ELEMENTS (needles));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/case-timeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("event-time-round-trip", test_event_time_round_trip);
  ADD ("event-time-undo", test_event_time_undo);
  ADD ("event-date-text-forms", test_event_date_text_forms);
  ADD ("old-dates-derive-precision", test_old_dates_read_with_derived_precision);
  ADD ("case-zone-and-precision", test_case_zone_and_precision);
  ADD ("links", test_links);
  ADD ("list-in-time-order", test_list_in_time_order);
  ADD ("check-on-a-case", test_check_on_a_case);
  ADD ("claims-list-event-range", test_claims_list_event_range);
  ADD ("brief-chronology", test_brief_chronology);
#undef ADD

  return g_test_run ();
}
