/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's time model: reading and writing event times, their intervals in UTC
 * (precision, zones, daylight-saving gaps and folds), ordering and overlap. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cf-event-time.h"
#include "cf-timeline-check.h"

static gint64
utc (gint year, gint month, gint day, gint hour, gint minute)
{
  return cf_days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60;
}

static CfEventTime *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  CfEventTime *t = cf_event_time_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static void
test_parse_forms_round_trip (void)
{
  const char *forms[] = {
    "2023", "2023-05", "2023-05-03", "2023-05-03T02", "2023-05-03T02:30",
    "2023-05-03/2023-05-04", "~2023-05-03", "2023-05-03T02:30 Europe/Moscow",
    "~2023-05-03T01/2023-05-03T03 Europe/Kyiv", "2023-05-03T02:30 UTC",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(CfEventTime) t = parse_ok (forms[i]);
      g_autofree char *back = cf_event_time_to_string (t);

      g_assert_cmpstr (back, ==, forms[i]);
    }
}

static void
test_parse_precision_from_length (void)
{
  const struct { const char *text; CfPrecision precision; } cases[] = {
    { "2023", CF_PRECISION_YEAR },
    { "2023-05", CF_PRECISION_MONTH },
    { "2023-05-03", CF_PRECISION_DAY },
    { "2023-05-03T02", CF_PRECISION_HOUR },
    { "2023-05-03 02:30", CF_PRECISION_MINUTE },
    { "2023-05-03T02:30:59", CF_PRECISION_MINUTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfEventTime) t = parse_ok (cases[i].text);

      g_assert_cmpint (t->precision, ==, cases[i].precision);
      g_assert_false (t->has_end);
    }
}

static void
test_parse_other_spellings (void)
{
  g_autoptr(CfEventTime) bracket = parse_ok ("2023-05-03T02:30[Europe/Moscow]");
  g_autoptr(CfEventTime) question = parse_ok ("2023-05-03?");
  g_autoptr(CfEventTime) zulu = parse_ok ("2023-05-03T02:30Z");
  g_autoptr(CfEventTime) offset = parse_ok ("2023-05-03T02:30+03:00");
  g_autoptr(CfEventTime) same = parse_ok ("2023-05-03/2023-05-03");

  g_assert_cmpstr (bracket->timezone, ==, "Europe/Moscow");
  g_assert_true (question->approximate);
  g_assert_cmpstr (zulu->timezone, ==, "UTC");
  g_assert_cmpstr (offset->timezone, ==, "+03:00");
  g_assert_false (same->has_end);
}

static void
test_parse_refuses_bad_input (void)
{
  const char *bad[] = {
    "", "yesterday", "2023-13-01", "2023-02-29", "2023-05-03T24:00", "2023-05-03T02:60",
    "2023-05-04/2023-05-03", "2023-05-03/2023-05", "2023-05-03 Mars/Olympus",
    "2023-05-03 ../../etc/passwd", "23-05-03", "2023-05-03T", "2023-05-03x", "~",
    "2023-05-03T02:30+03:00/2023-05-03T03:00+04:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfEventTime) t = cf_event_time_parse (bad[i], &error);

      g_assert_null (t);
      g_assert_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID);
    }
}

static void
test_leap_day_is_read (void)
{
  g_autoptr(CfEventTime) t = parse_ok ("2024-02-29");
  gint64 e, l;

  cf_event_time_get_interval (t, NULL, &e, &l);
  g_assert_cmpint (e, ==, utc (2024, 2, 29, 0, 0));
  g_assert_cmpint (l, ==, utc (2024, 3, 1, 0, 0));
}

static void
test_interval_width_follows_precision (void)
{
  const struct { const char *text; gint64 width; } cases[] = {
    { "2023-05-03T02:30", 60 },
    { "2023-05-03T02", 3600 },
    { "2023-05-03", 86400 },
    { "2023-05", 31 * 86400 },
    { "2023-02", 28 * 86400 },
    { "2023", 365 * 86400 },
    { "2024", 366 * 86400 },
    { "2023-05-03/2023-05-04", 2 * 86400 },
    { "2023-12/2024-01", 62 * 86400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfEventTime) t = parse_ok (cases[i].text);
      gint64 e, l;

      cf_event_time_get_interval (t, NULL, &e, &l);
      g_assert_cmpint (l - e, ==, cases[i].width);
    }
}

static void
test_day_is_a_day_in_its_zone (void)
{
  g_autoptr(GTimeZone) kyiv = g_time_zone_new_identifier ("Europe/Kyiv");
  g_autoptr(CfEventTime) t = parse_ok ("2023-05-03");
  g_autoptr(CfEventTime) moscow = parse_ok ("2023-05-03T02:30 Europe/Moscow");
  gint64 e, l;

  if (kyiv == NULL)
    {
      g_test_skip ("This system has no Europe/Kyiv zone.");
      return;
    }
  /* the case's zone (Kyiv, UTC+3 in summer) when the time names none */
  cf_event_time_get_interval (t, kyiv, &e, &l);
  g_assert_cmpint (e, ==, utc (2023, 5, 2, 21, 0));
  g_assert_cmpint (l, ==, utc (2023, 5, 3, 21, 0));
  /* its own zone wins over the case's */
  cf_event_time_get_interval (moscow, kyiv, &e, &l);
  g_assert_cmpint (e, ==, utc (2023, 5, 2, 23, 30));
  g_assert_cmpint (l - e, ==, 60);
}

static void
test_dst_gap_maps_to_transition (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(CfEventTime) t = parse_ok ("2023-03-26T02:30");
  g_autoptr(CfEventTime) day = parse_ok ("2023-03-26");
  gint64 e, l;

  if (berlin == NULL)
    {
      g_test_skip ("This system has no Europe/Berlin zone.");
      return;
    }
  /* 02:00–03:00 local does not exist that night: clocks went from 02:00 CET to 03:00 CEST
   * at 01:00 UTC */
  cf_event_time_get_interval (t, berlin, &e, &l);
  g_assert_cmpint (e, ==, utc (2023, 3, 26, 1, 0));
  g_assert_cmpint (l, >, e);
  /* that day is 23 hours long */
  cf_event_time_get_interval (day, berlin, &e, &l);
  g_assert_cmpint (l - e, ==, 23 * 3600);
}

static void
test_dst_fold_covers_both_readings (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(CfEventTime) t = parse_ok ("2023-10-29T02:30");
  g_autoptr(CfEventTime) day = parse_ok ("2023-10-29");
  gint64 e, l;

  if (berlin == NULL)
    {
      g_test_skip ("This system has no Europe/Berlin zone.");
      return;
    }
  /* 02:30 happened twice: 00:30 UTC (CEST) and 01:30 UTC (CET) */
  cf_event_time_get_interval (t, berlin, &e, &l);
  g_assert_cmpint (e, ==, utc (2023, 10, 29, 0, 30));
  g_assert_cmpint (l, ==, utc (2023, 10, 29, 1, 31));
  cf_event_time_get_interval (day, berlin, &e, &l);
  g_assert_cmpint (l - e, ==, 25 * 3600);
}

static void
test_columns_upgrade_old_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEventTime) old = cf_event_time_from_columns ("2023-05", NULL, NULL, NULL, FALSE, &error);
  g_autoptr(CfEventTime) full = cf_event_time_from_columns ("2023-05-03T02:30", "2023-05-03T04:00",
                                                            "minute", "Europe/Moscow", TRUE, &error);
  g_autoptr(CfEventTime) coarse = cf_event_time_from_columns ("2023-05-03", NULL, "month", NULL, FALSE, &error);
  g_autoptr(CfEventTime) bad = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (old->precision, ==, CF_PRECISION_MONTH);
  text = cf_event_time_to_string (full);
  g_assert_cmpstr (text, ==, "~2023-05-03T02:30/2023-05-03T04:00 Europe/Moscow");
  g_assert_cmpint (coarse->precision, ==, CF_PRECISION_MONTH);
  g_assert_null (cf_event_time_from_columns (NULL, NULL, NULL, NULL, FALSE, &error));
  g_assert_no_error (error);
  bad = cf_event_time_from_columns ("May 3", NULL, NULL, NULL, FALSE, &error);
  g_assert_null (bad);
  g_assert_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID);
}

static void
test_order_by_earliest_then_latest (void)
{
  g_autoptr(CfEventTime) month = parse_ok ("2023-05");
  g_autoptr(CfEventTime) day1 = parse_ok ("2023-05-01");
  g_autoptr(CfEventTime) day3 = parse_ok ("2023-05-03");
  g_autoptr(CfEventTime) night = parse_ok ("2023-05-03T02:30");

  /* May and 1 May start together; the narrower comes first */
  g_assert_cmpint (cf_event_time_compare (day1, month, NULL), <, 0);
  g_assert_cmpint (cf_event_time_compare (month, day3, NULL), <, 0);
  g_assert_cmpint (cf_event_time_compare (day3, night, NULL), <, 0);
  g_assert_cmpint (cf_event_time_compare (night, night, NULL), ==, 0);
}

static void
test_overlap_rules (void)
{
  g_autoptr(CfEventTime) may = parse_ok ("2023-05");
  g_autoptr(CfEventTime) may3 = parse_ok ("2023-05-03");
  g_autoptr(CfEventTime) may4 = parse_ok ("2023-05-04");
  g_autoptr(CfEventTime) about_may4 = parse_ok ("~2023-05-04");
  g_autoptr(CfEventTime) night = parse_ok ("2023-05-02/2023-05-03");
  g_autoptr(CfEventTime) moscow = parse_ok ("2023-05-03T02:30 Europe/Moscow");
  g_autoptr(CfEventTime) utc_evening = parse_ok ("2023-05-02T23:30 UTC");
  g_autoptr(CfEventTime) june = parse_ok ("2023-06-01");

  g_assert_true (cf_event_time_overlaps (may, may3, NULL));
  g_assert_false (cf_event_time_overlaps (may3, may4, NULL));
  /* "about 4 May" may be 3 May */
  g_assert_true (cf_event_time_overlaps (may3, about_may4, NULL));
  g_assert_true (cf_event_time_overlaps (night, may3, NULL));
  g_assert_false (cf_event_time_overlaps (night, may4, NULL));
  g_assert_false (cf_event_time_overlaps (moscow, may4, NULL));
  g_assert_true (cf_event_time_overlaps (utc_evening, may3, NULL) == FALSE);
  g_assert_false (cf_event_time_overlaps (may, june, NULL));
}

static void
test_same_instant_in_two_zones (void)
{
  g_autoptr(CfEventTime) moscow = parse_ok ("2023-05-03T02:30 Europe/Moscow");
  g_autoptr(CfEventTime) utc_time = parse_ok ("2023-05-02T23:30 UTC");

  g_assert_cmpint (cf_event_time_compare (moscow, utc_time, NULL), ==, 0);
  g_assert_true (cf_event_time_overlaps (moscow, utc_time, NULL));
}

static void
test_civil_days_round_trip (void)
{
  for (gint64 d = -800000; d < 3000000; d += 997)
    {
      gint y, m, dd;

      cf_civil_from_days (d, &y, &m, &dd);
      g_assert_cmpint (cf_days_from_civil (y, m, dd), ==, d);
    }
  g_assert_cmpint (cf_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (cf_days_from_civil (2000, 3, 1), ==, 11017);
}

static CfTimelineEntry *
entry (gint64 claim_id, const char *when, gint64 tag_id, const char *published)
{
  CfTimelineEntry *e = cf_timeline_entry_new (claim_id, 1, parse_ok (when));

  if (tag_id != 0)
    {
      e->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (e->tag_ids, tag_id);
    }
  e->published = g_strdup (published);
  return e;
}

static guint
count_kind (GPtrArray *findings, CfTimelineFindingKind kind)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((CfTimelineFinding *) g_ptr_array_index (findings, i))->kind == kind;
  return n;
}

static void
test_check_same_tag_disagreement (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_entry_free);
  g_autoptr(GPtrArray) findings = NULL;
  CfTimelineFinding *f;

  g_ptr_array_add (entries, entry (1, "2023-05-03T02:30", 7, NULL));
  g_ptr_array_add (entries, entry (2, "2023-05-03", 7, NULL));
  g_ptr_array_add (entries, entry (3, "2023-05-05", 7, NULL));
  g_ptr_array_add (entries, entry (4, "2023-06-01", 8, NULL));
  findings = cf_timeline_check (entries, NULL, NULL, NULL);
  /* 1 and 2 agree; 3 cannot be the same moment; tag 8 has one claim */
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->kind, ==, CF_TIMELINE_FINDING_DISAGREE);
  g_assert_cmpint (f->claim_id, ==, 1);
  g_assert_cmpint (f->other_id, ==, 3);
  g_assert_cmpint (f->tag_id, ==, 7);
  g_assert_nonnull (strstr (f->message, "2023-05-05"));
}

static void
test_check_linked_claims (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_entry_free);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) findings = NULL;
  const gint64 pairs[] = { 1, 2, 2, 3, 1, 99 };
  CfTimelineFinding *f;

  g_ptr_array_add (entries, entry (1, "2023-05-03", 0, NULL));
  g_ptr_array_add (entries, entry (2, "~2023-05-04", 0, NULL));
  g_ptr_array_add (entries, entry (3, "2023-05-10", 0, NULL));
  g_array_append_vals (links, pairs, G_N_ELEMENTS (pairs));
  findings = cf_timeline_check (entries, links, NULL, NULL);
  /* "about 4 May" may be 3 May; 10 May is not; claim 99 is undated */
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->claim_id, ==, 2);
  g_assert_cmpint (f->other_id, ==, 3);
  g_assert_cmpint (f->tag_id, ==, 0);
}

static void
test_check_report_before_event (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_entry_free);
  g_autoptr(GPtrArray) findings = NULL;
  CfTimelineEntry *captured;

  g_ptr_array_add (entries, entry (1, "2023-05-03T02:30", 0, "2023-05-03T10:00:00Z"));
  g_ptr_array_add (entries, entry (2, "2023-05-03", 0, "2023-05-03"));
  g_ptr_array_add (entries, entry (3, "2023-05-04", 0, "2023-05-03T10:00:00+03:00"));
  captured = entry (4, "2023-05-05", 0, NULL);
  captured->captured = g_strdup ("2023-05-04");
  g_ptr_array_add (entries, captured);
  findings = cf_timeline_check (entries, NULL, NULL, NULL);
  g_assert_cmpuint (count_kind (findings, CF_TIMELINE_FINDING_REPORT_EARLY), ==, 2);
  g_assert_cmpint (((CfTimelineFinding *) g_ptr_array_index (findings, 0))->claim_id, ==, 3);
  g_assert_cmpint (((CfTimelineFinding *) g_ptr_array_index (findings, 1))->claim_id, ==, 4);
}

static void
test_check_required_precision (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_entry_free);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CfPrecision day = CF_PRECISION_DAY;

  g_ptr_array_add (entries, entry (1, "2023-05-03T02:30", 0, NULL));
  g_ptr_array_add (entries, entry (2, "2023-05-03", 0, NULL));
  g_ptr_array_add (entries, entry (3, "2023-05", 0, NULL));
  g_ptr_array_add (entries, entry (4, "2023", 0, NULL));
  none = cf_timeline_check (entries, NULL, NULL, NULL);
  g_assert_cmpuint (none->len, ==, 0);
  findings = cf_timeline_check (entries, NULL, NULL, &day);
  g_assert_cmpuint (count_kind (findings, CF_TIMELINE_FINDING_TOO_COARSE), ==, 2);
  g_assert_cmpint (((CfTimelineFinding *) g_ptr_array_index (findings, 0))->claim_id, ==, 3);
}

static void
test_document_time_forms (void)
{
  gint64 e, l;

  g_assert_true (cf_document_time_parse ("2023-05-03T10:00:00Z", NULL, &e, &l));
  g_assert_cmpint (e, ==, utc (2023, 5, 3, 10, 0));
  g_assert_true (cf_document_time_parse ("2023-05-03", NULL, &e, &l));
  g_assert_cmpint (l - e, ==, 86400);
  g_assert_false (cf_document_time_parse ("last Tuesday", NULL, &e, &l));
  g_assert_false (cf_document_time_parse ("", NULL, &e, &l));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timeline/parse/forms-round-trip", test_parse_forms_round_trip);
  g_test_add_func ("/timeline/parse/precision-from-length", test_parse_precision_from_length);
  g_test_add_func ("/timeline/parse/other-spellings", test_parse_other_spellings);
  g_test_add_func ("/timeline/parse/refuses-bad-input", test_parse_refuses_bad_input);
  g_test_add_func ("/timeline/parse/leap-day", test_leap_day_is_read);
  g_test_add_func ("/timeline/interval/width-follows-precision", test_interval_width_follows_precision);
  g_test_add_func ("/timeline/interval/day-in-its-zone", test_day_is_a_day_in_its_zone);
  g_test_add_func ("/timeline/interval/dst-gap", test_dst_gap_maps_to_transition);
  g_test_add_func ("/timeline/interval/dst-fold", test_dst_fold_covers_both_readings);
  g_test_add_func ("/timeline/columns/old-dates-upgrade", test_columns_upgrade_old_dates);
  g_test_add_func ("/timeline/order/earliest-then-latest", test_order_by_earliest_then_latest);
  g_test_add_func ("/timeline/overlap/rules", test_overlap_rules);
  g_test_add_func ("/timeline/overlap/same-instant-two-zones", test_same_instant_in_two_zones);
  g_test_add_func ("/timeline/civil/days-round-trip", test_civil_days_round_trip);

  g_test_add_func ("/timeline/check/same-tag-disagreement", test_check_same_tag_disagreement);
  g_test_add_func ("/timeline/check/linked-claims", test_check_linked_claims);
  g_test_add_func ("/timeline/check/report-before-event", test_check_report_before_event);
  g_test_add_func ("/timeline/check/required-precision", test_check_required_precision);
  g_test_add_func ("/timeline/check/document-time-forms", test_document_time_forms);

  return g_test_run ();
}
