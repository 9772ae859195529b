/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli timeline and the event-date forms of "claim": the order, lanes, checks,
 * the Timesketch JSONL (parsed back) and CSV exports, and refusals. */
#include "config.h"

#include <string.h>

#include "cf-test-util.h"

typedef struct {
  CfTestCliCase cli;
  char         *document_id;
} Fixture;

static void
add_dated_claim (Fixture *f, const char *quote, const char *when, const char *tag)
{
  g_auto(CfTestRun) run = { 0 };

  if (tag != NULL)
    cf_test_run_ok (&run, "claim", "add", f->cli.case_path, "--document", f->document_id, "--quote", quote,
                    "--event-date", when, "--tag", tag, "--reliability", "B", "--credibility", "2");
  else
    cf_test_run_ok (&run, "claim", "add", f->cli.case_path, "--document", f->document_id, "--quote", quote,
                    "--event-date", when);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f->cli);
  f->document_id = cf_test_cli_case_with_document (&f->cli);
  cf_test_run_ok (&run, "set", f->cli.case_path, "--document", f->document_id, "published", "2023-05-03");
  cf_test_run_ok (&run, "tag", "add", f->cli.case_path, "Blast");
  add_dated_claim (f, "A fire broke out at the river depot", "2023-05-02", "Blast");
  add_dated_claim (f, "two loud explosions", "~2023-05-02T23:30/2023-05-03T00:10 Europe/Kyiv", "Blast");
  add_dated_claim (f, "witnesses reported seeing no aircraft", "2023-05-06", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->document_id);
  cf_test_cli_case_clear (&f->cli);
}

static void
test_json_in_time_order_with_checks (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) o = NULL;
  JsonArray *claims, *checks;

  cf_test_run_ok (&run, "timeline", f->cli.case_path, "--json", "--lane", "tag");
  o = cf_test_parse_object (run.out);
  claims = json_object_get_array_member (o, "claims");
  g_assert_cmpuint (json_array_get_length (claims), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 0), "time"), ==,
                   "2023-05-02");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 1), "time"), ==,
                   "~2023-05-02T23:30/2023-05-03T00:10 Europe/Kyiv");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 1), "lane"), ==,
                   "Blast");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (claims, 2), "lane"), ==,
                   "Untagged");
  /* the 6 May claim is in a source of 3 May */
  checks = json_object_get_array_member (o, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checks, 0), "kind"), ==,
                   "report-before-event");
}

static void
test_jsonl_for_timesketch (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *second;

  cf_test_run_ok (&run, "timeline", f->cli.case_path, "--jsonl");
  lines = cf_test_parse_lines (run.out);
  /* three claims and the document's publication */
  g_assert_cmpuint (lines->len, ==, 4);
  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (json_object_get_string_member (line, "datetime"), NULL);

      g_assert_nonnull (dt);
      g_assert_nonnull (json_object_get_string_member (line, "message"));
      g_assert_nonnull (json_object_get_string_member (line, "timestamp_desc"));
      g_assert_cmpint (json_object_get_int_member (line, "timestamp"), ==, g_date_time_to_unix (dt) * G_USEC_PER_SEC);
    }
  second = g_ptr_array_index (lines, 1);
  /* 23:30 in Kyiv (UTC+3) */
  g_assert_cmpstr (json_object_get_string_member (second, "datetime"), ==, "2023-05-02T20:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (second, "message"), ==, "two loud explosions");
  g_assert_cmpstr (json_object_get_string_member (second, "grade"), ==, "B2");
  g_assert_cmpstr (json_object_get_string_member (second, "source"), ==, "Blast at the river depot");
  g_assert_cmpstr (json_object_get_string_member (second, "timestamp_desc"), ==, "Event time (approximately, minute)");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 3), "timestamp_desc"), ==,
                   "Publication time");
}

static void
test_csv_quotes_fields (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  cf_test_run_ok (&run, "timeline", f->cli.case_path, "--csv");
  lines = g_strsplit (run.out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "datetime,timestamp_desc,message,claim_id,event_time,precision,source,grade,actor,tags");
  g_assert_true (g_str_has_prefix (lines[2], "2023-05-02T20:30:00Z,\"Event time (approximately, minute)\",two loud explosions,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
}

static void
test_case_settings_and_refusals (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) o = NULL;

  cf_test_run_ok (&run, "timeline", f->cli.case_path, "--set-timezone", "Europe/Kyiv", "--set-precision", "hour",
                  "--json");
  o = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (o, "timezone"), ==, "Europe/Kyiv");
  /* two day-precision claims are coarser than an hour */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "checks")), ==, 3);

  cf_test_run_cli (&run, "timeline", f->cli.case_path, "--lane", "colour");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "timeline", f->cli.case_path, "--json", "--csv");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "timeline", f->cli.case_path, "--set-timezone", "Atlantis/Capital");
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_cli (&run, "claim", "add", f->cli.case_path, "--document", f->document_id, "--quote", "diesel",
                   "--event-date", "2023-05-04/2023-05-03");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_text_lists_lanes (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "timeline", f->cli.case_path, "--lane", "source");
  g_assert_nonnull (strstr (run.out, "Blast at the river depot\n"));
  g_assert_nonnull (strstr (run.out, "~2023-05-02T23:30/2023-05-03T00:10 Europe/Kyiv"));
  g_assert_nonnull (strstr (run.out, "before it happened"));
}

static guint
n_checks (Fixture *f)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) o = NULL;

  cf_test_run_ok (&run, "timeline", f->cli.case_path, "--json");
  o = cf_test_parse_object (run.out);
  return json_array_get_length (json_object_get_array_member (o, "checks"));
}

/* Two accounts the analyst links as one event must agree in time: the fire on 2 May
 * and the report of 6 May do not, and the timeline says so until they are unlinked. */
static void
test_linked_claims_checked (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) linked = NULL;
  guint before = n_checks (f);

  cf_test_run_ok (&run, "claim", "link", f->cli.case_path, "1", "3");
  linked = cf_test_parse_object (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (linked, "same_event")), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (linked, "same_event"), 0), ==, 3);
  g_assert_cmpuint (n_checks (f), ==, before + 1);

  cf_test_run_cli (&run, "claim", "link", f->cli.case_path, "1", "1");
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_ok (&run, "claim", "unlink", f->cli.case_path, "3", "1");
  g_assert_cmpuint (n_checks (f), ==, before);
}

/* claim show gives the whole event time, as the timeline does: the range's end, the
 * zone, the precision and "about", in the text and in the JSON. */
static void
test_claim_show_event_time (Fixture *f, gconstpointer data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) o = NULL;
  JsonObject *when;

  cf_test_run_ok (&run, "claim", "show", f->cli.case_path, "2");
  g_assert_nonnull (strstr (run.out, "~2023-05-02T23:30/2023-05-03T00:10 Europe/Kyiv"));
  g_assert_nonnull (strstr (run.out, "about"));
  g_assert_nonnull (strstr (run.out, "to 2023-05-03T00:10"));
  g_assert_nonnull (strstr (run.out, "precision: Minute"));

  cf_test_run_ok (&run, "claim", "show", f->cli.case_path, "1");
  g_assert_nonnull (strstr (run.out, "2023-05-02 (at 2023-05-02, in the case’s time zone, precision: Day)"));

  cf_test_run_ok (&run, "claim", "show", f->cli.case_path, "2", "--json");
  o = cf_test_parse_object (run.out);
  when = json_object_get_object_member (o, "event_time");
  g_assert_nonnull (when);
  g_assert_cmpstr (json_object_get_string_member (when, "start"), ==, "2023-05-02T23:30");
  g_assert_cmpstr (json_object_get_string_member (when, "end"), ==, "2023-05-03T00:10");
  g_assert_cmpstr (json_object_get_string_member (when, "precision"), ==, "minute");
  g_assert_cmpstr (json_object_get_string_member (when, "timezone"), ==, "Europe/Kyiv");
  g_assert_true (json_object_get_boolean_member (when, "approximate"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/cli/timeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("json-in-time-order-with-checks", test_json_in_time_order_with_checks);
  ADD ("jsonl-for-timesketch", test_jsonl_for_timesketch);
  ADD ("csv-quotes-fields", test_csv_quotes_fields);
  ADD ("case-settings-and-refusals", test_case_settings_and_refusals);
  ADD ("text-lists-lanes", test_text_lists_lanes);
  ADD ("linked-claims-checked", test_linked_claims_checked);
  ADD ("claim-show-event-time", test_claim_show_event_time);
#undef ADD

  return g_test_run ();
}
