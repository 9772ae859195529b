/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates found in a claim's sentence: forms, languages, relative days against the
 * published date, zones, and the choice between several dates. */
#include "config.h"

#include <string.h>

#include "cf-date-finder.h"
#include "timeline-test-util.h"

static char *
offer_for (const char *text, const char *published)
{
  g_autoptr(CfDateOffer) offer = cf_date_finder_find_for_span (text, 0, (gint) g_utf8_strlen (text, -1),
                                                               published, "Europe/Kyiv");

  return offer != NULL ? cf_event_time_to_string (offer->time) : NULL;
}

static void
check (const char *text, const char *published, const char *expected)
{
  g_autofree char *got = offer_for (text, published);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_weekday_resolves_to_the_last_one (void)
{
  /* 3 May 2023 was a Wednesday */
  check ("It happened early on Wednesday.", "2023-05-03", "2023-05-03");
  check ("It happened on Monday.", "2023-05-03", "2023-05-01");
  check ("It happened on Thursday.", "2023-05-03", "2023-04-27");
  check ("It happened on Wednesday.", NULL, NULL);
}

static void
test_relative_days (void)
{
  check ("They met yesterday.", "2023-05-03", "2023-05-02");
  check ("They met the day before yesterday.", "2023-05-03", "2023-05-01");
  check ("They met today.", "2023-03-01", "2023-03-01");
  check ("Sie trafen sich gestern.", "2023-03-01", "2023-02-28");
  check ("Вони зустрілися вчора.", "2024-03-01", "2024-02-29");
  check ("The sirens sounded last night.", "2023-05-03", "2023-05-02/2023-05-03");
}

static void
test_day_month_forms (void)
{
  check ("It was on 3 May.", "2023-05-03", "2023-05-03");
  check ("It was on May 3, 2021.", "2023-05-03", "2021-05-03");
  check ("Es war am 3. Mai 2023.", NULL, "2023-05-03");
  check ("Це сталося 3 травня 2023 року.", NULL, "2023-05-03");
  check ("It was on 28 December.", "2023-01-02", "2022-12-28");
  check ("It was on 31 April.", "2023-05-03", NULL);
}

static void
test_night_range (void)
{
  check ("On the night of 2 to 3 May drones were seen.", "2023-05-03", "2023-05-02/2023-05-03");
  check ("In der Nacht vom 2. auf den 3. Mai gab es Alarm.", "2023-05-03", "2023-05-02/2023-05-03");
  /* a small hour in that night is on the second day */
  check ("On the night of 2 to 3 May, at 2:30 am, a blast was heard.", "2023-05-03", "2023-05-03T02:30");
}

static void
test_times_and_zones (void)
{
  check ("A blast at about 2:30 am Moscow time.", "2023-05-03", "~2023-05-03T02:30 Europe/Moscow");
  check ("Posted at 14:05 UTC on 3 May.", "2023-05-04", "2023-05-03T14:05 UTC");
  check ("Sirens at 3 am.", "2023-05-03", "2023-05-03T03");
  check ("Gegen 2:30 Uhr Moskauer Zeit.", "2023-05-03", "~2023-05-03T02:30 Europe/Moscow");
  check ("The flash at 12:15 pm.", "2023-05-03", "2023-05-03T12:15");
  check ("About 30 drones.", "2023-05-03", NULL);
  check ("The score was 3:2.", "2023-05-03", NULL);
}

static void
test_iso_dates (void)
{
  check ("A file dated 2023-05-02 was shared.", NULL, "2023-05-02");
  check ("Logged at 2023-05-03T05:40 by the server.", NULL, "2023-05-03T05:40");
  check ("Version 2023-13-45 is not a date.", NULL, NULL);
}

static void
test_choice_prefers_the_claim (void)
{
  const char *text = "On 1 May the airspace was closed. The drones flew on 3 May.";
  glong claim_start = g_utf8_strlen ("On 1 May the airspace was closed. ", -1);
  g_autoptr(CfDateOffer) in_claim = cf_date_finder_find_for_span (text, (gint) claim_start,
                                                                  (gint) g_utf8_strlen (text, -1),
                                                                  "2023-05-03", NULL);
  const char *text2 = "On 1 May the airspace was closed. Flights resumed later.";
  glong claim2 = g_utf8_strlen ("On 1 May the airspace was closed. ", -1);
  g_autoptr(CfDateOffer) before = cf_date_finder_find_for_span (text2, (gint) claim2,
                                                                (gint) g_utf8_strlen (text2, -1),
                                                                "2023-05-03", NULL);
  g_autofree char *a = cf_event_time_to_string (in_claim->time);
  g_autofree char *b = cf_event_time_to_string (before->time);

  g_assert_cmpstr (a, ==, "2023-05-03");
  g_assert_cmpstr (in_claim->phrase, ==, "3 May");
  g_assert_cmpint (in_claim->start, ==, g_utf8_strlen ("On 1 May the airspace was closed. The drones flew on ", -1));
  g_assert_cmpstr (b, ==, "2023-05-01");
}

static void
test_finds_all_in_order (void)
{
  g_autoptr(GPtrArray) all = cf_date_finder_find_all ("On 1 May it rained; on 3 May at 2:30 am it did not.",
                                                      "2023-05-03", NULL);

  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((CfDateOffer *) g_ptr_array_index (all, 0))->phrase, ==, "1 May");
  g_assert_cmpstr (((CfDateOffer *) g_ptr_array_index (all, 1))->phrase, ==, "3 May at 2:30 am");
}

static void
test_hostile_input (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CfDateOffer) none = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "3 3: 2023- . May ");
  all = cf_date_finder_find_all (big->str, "2023-05-03", "Not/A_Zone");
  g_assert_nonnull (all);
  none = cf_date_finder_find_for_span ("short", 0, 100, NULL, NULL);
  g_assert_null (none);
  g_assert_null (cf_date_finder_find_for_span ("\xff\xfe", 0, 1, NULL, NULL));
}

static void
test_table_hit_rate (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "timeline", "date-sentences.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  guint right, total;

  g_assert_true (cf_test_date_table_run (path, report, &right, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total, >=, 60);
  /* a floor, so a change that breaks many offers is noticed; the figure is in the bench */
  if (right * 100 < total * 85)
    g_test_message ("%s", report->str);
  g_assert_cmpuint (right * 100, >=, total * 85);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date-finder/weekday-is-the-last-one", test_weekday_resolves_to_the_last_one);
  g_test_add_func ("/date-finder/relative-days", test_relative_days);
  g_test_add_func ("/date-finder/day-month-forms", test_day_month_forms);
  g_test_add_func ("/date-finder/night-range", test_night_range);
  g_test_add_func ("/date-finder/times-and-zones", test_times_and_zones);
  g_test_add_func ("/date-finder/iso-dates", test_iso_dates);
  g_test_add_func ("/date-finder/choice-prefers-the-claim", test_choice_prefers_the_claim);
  g_test_add_func ("/date-finder/finds-all-in-order", test_finds_all_in_order);
  g_test_add_func ("/date-finder/hostile-input", test_hostile_input);
  g_test_add_func ("/date-finder/table-hit-rate", test_table_hit_rate);

  return g_test_run ();
}
