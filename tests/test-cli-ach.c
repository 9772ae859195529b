/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli for analysis of competing hypotheses: `claim relate` on the new scale
 * (and the old words), `evidence add|set|deceptive`, `hypothesis indicator`, and
 * `ach` printing the matrix, its scores, critical rows and the deception ranking. */

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-test-util.h"

typedef struct
{
  CfTestCliCase  c;
  char          *document_id;
  char          *claim_id;
  char          *h1;
  char          *h2;
} AchCli;

static char *
add_hypothesis (AchCli     *f,
                const char *title)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) o = NULL;

  cf_test_run_ok (&run, "hypothesis", "add", f->c.case_path, title);
  o = cf_test_parse_object (run.out);
  return cf_test_id_string (o);
}

static void
ach_cli_set_up (AchCli        *f,
                gconstpointer  data)
{
  cf_test_cli_case_init (&f->c);
  f->document_id = cf_test_cli_case_with_document (&f->c);
  f->claim_id = cf_test_cli_add_claim (&f->c, f->document_id, "the explosions were likely caused by drones");
  f->h1 = add_hypothesis (f, "Drones struck the depot");
  f->h2 = add_hypothesis (f, "A fuel tank exploded");
}

static void
ach_cli_tear_down (AchCli        *f,
                   gconstpointer  data)
{
  cf_test_cli_case_clear (&f->c);
  g_free (f->document_id);
  g_free (f->claim_id);
  g_free (f->h1);
  g_free (f->h2);
}

static const char *
first_relation (JsonObject *claim)
{
  JsonArray *relations = json_object_get_array_member (claim, "hypotheses");

  g_assert_cmpuint (json_array_get_length (relations), >=, 1);
  return json_object_get_string_member (json_array_get_object_element (relations, 0), "relation");
}

static void
test_relate_new_scale_and_old_words (AchCli        *f,
                                     gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) o = NULL;

  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h1, "II");
  o = cf_test_parse_object (run.out);
  g_assert_cmpstr (first_relation (o), ==, "II");
  g_clear_pointer (&o, json_object_unref);

  /* the words of format 2 still work */
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h1, "consistent");
  o = cf_test_parse_object (run.out);
  g_assert_cmpstr (first_relation (o), ==, "C");
  g_clear_pointer (&o, json_object_unref);
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h1, "na");
  o = cf_test_parse_object (run.out);
  g_assert_cmpstr (first_relation (o), ==, "NA");

  cf_test_run_cli (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h1, "IIII");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "CC"));
}

static void
test_evidence_and_matrix (AchCli        *f,
                          gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) absence = NULL;
  g_autoptr(JsonObject) matrix = NULL;
  g_autofree char *absence_id = NULL;
  JsonArray *rows, *hypotheses;
  JsonObject *h1, *h2;

  cf_test_run_ok (&run, "evidence", "add", f->c.case_path, "absence", "No wreckage was shown.");
  absence = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (absence, "kind"), ==, "absence");
  g_assert_true (json_object_get_null_member (absence, "document_id"));
  absence_id = cf_test_id_string (absence);

  /* the quote: H1 C, H2 I; the absence, weighed 2 by hand: H1 II */
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h1, "C");
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h2, "I");
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, absence_id, f->h1, "II");
  cf_test_run_ok (&run, "evidence", "set", f->c.case_path, absence_id, "--weight", "2", "--relevance", "high");
  cf_test_run_cli (&run, "evidence", "set", f->c.case_path, absence_id, "--weight", "-3");
  cf_test_assert_cli_error (&run, 2);

  cf_test_run_ok (&run, "ach", f->c.case_path, "--json");
  matrix = cf_test_parse_object (run.out);
  rows = json_object_get_array_member (matrix, "rows");
  hypotheses = json_object_get_array_member (matrix, "hypotheses");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  h1 = json_array_get_object_element (hypotheses, 0);
  h2 = json_array_get_object_element (hypotheses, 1);
  /* the quote is unrated: 0.5 × 0.5 × 1 = 0.25. H1: −2 × 2 = −4; H2: −1 × 0.25 */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (h1, "score"), -4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (h2, "score"), -0.25, 1e-9);
  g_assert_cmpint (json_object_get_int_member (h2, "rank"), ==, 1);
  /* without the absence H1 would lead (0 against −0.25): it is the critical row */
  g_assert_cmpint (json_object_get_int_member (matrix, "critical_rows"), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (rows, 1), "critical"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (rows, 0), "critical"));

  /* the plain text names the columns and flags the critical row */
  cf_test_run_ok (&run, "ach", f->c.case_path);
  g_assert_nonnull (strstr (run.out, "H1  Drones struck the depot"));
  g_assert_nonnull (strstr (run.out, "-4.00"));
  g_assert_nonnull (strstr (run.out, "1 critical row"));
}

static void
test_deception_ranking (AchCli        *f,
                        gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) matrix = NULL;
  JsonArray *hypotheses;

  /* the only evidence is against H2; from a deceptive source it counts a quarter */
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, f->claim_id, f->h2, "I");
  cf_test_run_ok (&run, "evidence", "deceptive", f->c.case_path, "--document", f->document_id, "yes");
  cf_test_run_cli (&run, "evidence", "deceptive", f->c.case_path, "yes");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_ok (&run, "ach", f->c.case_path, "--json");
  matrix = cf_test_parse_object (run.out);
  hypotheses = json_object_get_array_member (matrix, "hypotheses");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (hypotheses, 1), "score"),
                                  -0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (hypotheses, 1),
                                                                 "deception_score"), -0.0625, 1e-9);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_object_get_array_member (matrix, "rows"), 0),
                                                 "deceptive"));
}

static void
test_indicators (AchCli        *f,
                 gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) indicator = NULL;
  g_autofree char *id = NULL;

  cf_test_run_ok (&run, "hypothesis", "indicator", "add", f->c.case_path, f->h1, "Drone debris on the roof");
  indicator = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (indicator, "status"), ==, "unseen");
  id = cf_test_id_string (indicator);
  g_clear_pointer (&indicator, json_object_unref);

  cf_test_run_ok (&run, "hypothesis", "indicator", "set", f->c.case_path, id, "--status", "seen", "--claim", f->claim_id);
  indicator = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (indicator, "status"), ==, "seen");
  g_assert_cmpint (json_object_get_int_member (indicator, "claim_id"), ==, g_ascii_strtoll (f->claim_id, NULL, 10));

  cf_test_run_cli (&run, "hypothesis", "indicator", "set", f->c.case_path, id, "--status", "maybe");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_ok (&run, "hypothesis", "indicator", "delete", f->c.case_path, id);
  cf_test_run_cli (&run, "hypothesis", "indicator", "delete", f->c.case_path, id);
  cf_test_assert_cli_error (&run, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/ach/relate-takes-the-new-scale-and-old-words", AchCli, NULL,
              ach_cli_set_up, test_relate_new_scale_and_old_words, ach_cli_tear_down);
  g_test_add ("/cli/ach/evidence-weights-scores-and-critical-row", AchCli, NULL,
              ach_cli_set_up, test_evidence_and_matrix, ach_cli_tear_down);
  g_test_add ("/cli/ach/deception-ranking", AchCli, NULL,
              ach_cli_set_up, test_deception_ranking, ach_cli_tear_down);
  g_test_add ("/cli/ach/indicators", AchCli, NULL,
              ach_cli_set_up, test_indicators, ach_cli_tear_down);

  return g_test_run ();
}
