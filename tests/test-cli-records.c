/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli on the records of a case, one behaviour per test: claims (adding,
 * refusing, rating, filtering), notes, tags, hypotheses and search. Every test spawns
 * the built program (CASEFILE_CLI) on a case in a temporary folder made from
 * cf_test_depot_text. */

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-test-util.h"

/* A case with the depot text; frees itself. */
typedef struct
{
  CfTestCliCase  c;
  char          *document_id;
} DepotCase;

static void
depot_case_set_up (DepotCase     *f,
                   gconstpointer  data)
{
  cf_test_cli_case_init (&f->c);
  f->document_id = cf_test_cli_case_with_document (&f->c);
}

static void
depot_case_tear_down (DepotCase     *f,
                      gconstpointer  data)
{
  cf_test_cli_case_clear (&f->c);
  g_clear_pointer (&f->document_id, g_free);
}

/* The rows of "list CASE WHAT --json [EXTRA…]". */
static GPtrArray *
list_rows (DepotCase  *f,
           const char *what,
           const char *option,
           const char *value)
{
  g_auto(CfTestRun) run = { 0 };

  if (option != NULL)
    cf_test_run_ok (&run, "list", f->c.case_path, what, "--json", option, value);
  else
    cf_test_run_ok (&run, "list", f->c.case_path, what, "--json");
  return cf_test_parse_lines (run.out);
}

static const char drones_quote[] = "the explosions were likely caused by drones";

/* A claim on drones_quote by "Officials", B2, very likely, moderate confidence, tagged
 * Attack/Drone, with a paraphrase. */
static JsonObject *
add_rated_claim (DepotCase *f)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "tag", "add", f->c.case_path, "Attack", "--color", "#c01c28");
  cf_test_run_ok (&run, "tag", "add", f->c.case_path, "Drone", "--parent", "Attack");
  cf_test_run_ok (&run, "claim", "add", f->c.case_path, "--document", f->document_id,
                  "--quote", drones_quote,
                  "--actor", "Officials", "--reliability", "b", "--credibility", "2",
                  "--likelihood", "very likely", "--confidence", "moderate",
                  "--tag", "Attack/Drone", "--paraphrase", "Drones did it.");
  return cf_test_parse_object (run.out);
}

/* --- claims ------------------------------------------------------------------------ */

static void
test_claim_add_prints_grade (DepotCase     *f,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) claim = add_rated_claim (f);

  g_assert_cmpstr (json_object_get_string_member (claim, "grade"), ==, "B2");
}

static void
test_claim_list_shows_what_was_given (DepotCase     *f,
                                      gconstpointer  data)
{
  g_autoptr(JsonObject) claim = add_rated_claim (f);
  g_autoptr(GPtrArray) rows = list_rows (f, "claims", NULL, NULL);
  JsonObject *listed;
  JsonArray *tags;

  g_assert_cmpuint (rows->len, ==, 1);
  listed = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "grade"), ==, "B2");
  g_assert_cmpstr (json_object_get_string_member (listed, "quote"), ==, drones_quote);
  g_assert_cmpstr (json_object_get_string_member (listed, "actor"), ==, "Officials");
  g_assert_cmpstr (json_object_get_string_member (listed, "paraphrase"), ==, "Drones did it.");
  g_assert_cmpstr (json_object_get_string_member (listed, "confidence"), ==, "moderate");
  g_assert_nonnull (json_object_get_string_member (listed, "likelihood"));
  tags = json_object_get_array_member (listed, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (tags, 0), "Drone"));
  g_assert_nonnull (strstr (json_array_get_string_element (tags, 0), "Attack"));
}

static void
test_claim_list_filters (DepotCase     *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) claim = add_rated_claim (f);
  g_auto(CfTestRun) run = { 0 };
  struct { const char *option; const char *value; guint n; } filters[] = {
    { "--tag", "Attack/Drone", 1 },
    { "--actor", "officials", 1 },
    { "--tag", "Cargo", 0 },
  };

  cf_test_run_ok (&run, "tag", "add", f->c.case_path, "Cargo");
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GPtrArray) rows = list_rows (f, "claims", filters[i].option, filters[i].value);

      g_test_message ("%s %s", filters[i].option, filters[i].value);
      g_assert_cmpuint (rows->len, ==, filters[i].n);
    }
}

static void
test_claim_plain_list_has_grade_and_actor (DepotCase     *f,
                                           gconstpointer  data)
{
  g_autoptr(JsonObject) claim = add_rated_claim (f);
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "list", f->c.case_path, "claims");
  g_assert_nonnull (strstr (run.out, "B2"));
  g_assert_nonnull (strstr (run.out, "Officials"));
}

static void
test_claim_rate_changes_only_what_is_given (DepotCase     *f,
                                            gconstpointer  data)
{
  g_autoptr(JsonObject) claim = add_rated_claim (f);
  g_autoptr(JsonObject) rated = NULL;
  g_autofree char *claim_id = cf_test_id_string (claim);
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "claim", "rate", f->c.case_path, claim_id, "--credibility", "3");
  rated = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (rated, "grade"), ==, "B3");
  g_assert_cmpstr (json_object_get_string_member (rated, "actor"), ==, "Officials");
}

static void
test_claim_actor_listed (DepotCase     *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) claim = add_rated_claim (f);
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "list", f->c.case_path, "actors", "--json");
  g_assert_nonnull (strstr (run.out, "Officials"));
}

/* A refused "claim add" leaves the file as it was, with no journal beside it. */
static void
assert_claim_add_refused (DepotCase   *f,
                          int          status,
                          const char **args)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  CfTestSnapshot before = cf_test_snapshot_take (f->c.case_path);

  g_ptr_array_add (argv, (gpointer) "claim");
  g_ptr_array_add (argv, (gpointer) "add");
  g_ptr_array_add (argv, f->c.case_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  cf_test_run_cliv (&run, NULL, (const char * const *) argv->pdata);
  cf_test_assert_cli_error (&run, status);
  cf_test_snapshot_assert_unchanged (f->c.case_path, &before);
  g_assert_false (cf_test_side_file_exists (f->c.case_path, "-journal"));
}

static void
test_claim_quote_not_in_text_refused (DepotCase     *f,
                                      gconstpointer  data)
{
  const char *args[] = { "--document", f->document_id, "--quote",
                         "the depot was hit by a meteorite", "--reliability", "A", NULL };

  assert_claim_add_refused (f, 1, args);
}

static void
test_claim_span_outside_text_refused (DepotCase     *f,
                                      gconstpointer  data)
{
  const char *args[] = { "--document", f->document_id, "--start", "10", "--end", "100000",
                         NULL };

  assert_claim_add_refused (f, 1, args);
}

static void
test_claim_empty_span_refused (DepotCase     *f,
                               gconstpointer  data)
{
  const char *args[] = { "--document", f->document_id, "--start", "10", "--end", "10", NULL };

  assert_claim_add_refused (f, 1, args);
}

static void
test_claim_span_not_quote_refused (DepotCase     *f,
                                   gconstpointer  data)
{
  const char *args[] = { "--document", f->document_id, "--start", "0", "--end", "5",
                         "--quote", "Zzzzz", NULL };

  assert_claim_add_refused (f, 1, args);
}

static void
test_claim_missing_document_refused (DepotCase     *f,
                                     gconstpointer  data)
{
  const char *args[] = { "--document", "999", "--quote", "fire", NULL };

  assert_claim_add_refused (f, 1, args);
}

static void
test_claim_unknown_tag_refused (DepotCase     *f,
                                gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  cf_test_run_cli (&run, "claim", "add", f->c.case_path, "--document", f->document_id,
                   "--quote", "fire", "--tag", "Nope");
  cf_test_assert_cli_error (&run, 1);
  g_assert_nonnull (strstr (run.err, "Nope"));
  rows = list_rows (f, "claims", NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_claim_without_document_is_usage_error (DepotCase     *f,
                                            gconstpointer  data)
{
  const char *args[] = { "--quote", "fire", NULL };

  assert_claim_add_refused (f, 2, args);
}

static void
test_claim_start_without_end_is_usage_error (DepotCase     *f,
                                             gconstpointer  data)
{
  const char *args[] = { "--document", f->document_id, "--start", "3", NULL };

  assert_claim_add_refused (f, 2, args);
}

static void
test_claim_overlapping_allowed (DepotCase     *f,
                                gconstpointer  data)
{
  g_autofree char *first = cf_test_cli_add_claim (&f->c, f->document_id,
                                                  "Officials said the explosions were likely caused by drones");
  g_autofree char *second = cf_test_cli_add_claim (&f->c, f->document_id,
                                                   "likely caused by drones, but witnesses reported");
  g_autoptr(GPtrArray) rows = list_rows (f, "claims", "--document", f->document_id);

  g_assert_cmpstr (first, !=, second);
  g_assert_cmpuint (rows->len, ==, 2);
}

static void
test_claim_by_span_checked_against_quote (DepotCase     *f,
                                          gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) by_span = NULL;

  cf_test_run_ok (&run, "claim", "add", f->c.case_path, "--document", f->document_id,
                  "--start", "0", "--end", "5", "--quote", "Blast");
  by_span = cf_test_parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (by_span, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (by_span, "end"), ==, 5);
}

static void
test_claim_show_and_delete (DepotCase     *f,
                            gconstpointer  data)
{
  g_autofree char *id = cf_test_cli_add_claim (&f->c, f->document_id, "witnesses reported");
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "claim", "show", f->c.case_path, id);
  g_assert_nonnull (strstr (run.out, "witnesses reported"));
  cf_test_run_ok (&run, "claim", "delete", f->c.case_path, id);
  cf_test_run_cli (&run, "claim", "show", f->c.case_path, id);
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_ok (&run, "check", f->c.case_path);
}

/* --- notes ------------------------------------------------------------------------- */

static void
test_note_targets (DepotCase     *f,
                   gconstpointer  data)
{
  g_autofree char *claim_id = cf_test_cli_add_claim (&f->c, f->document_id, "two loud explosions");
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) note = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) on_document = NULL;

  cf_test_run_ok (&run, "note", "add", f->c.case_path, "Ask the harbour master for the log.");
  cf_test_run_ok (&run, "note", "add", f->c.case_path, "--document", f->document_id,
                  "Local paper, one source.");
  cf_test_run_ok (&run, "note", "add", f->c.case_path, "--claim", claim_id, "Witnesses disagree.");
  note = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (note, "target"), ==, "claim");

  all = list_rows (f, "notes", NULL, NULL);
  g_assert_cmpuint (all->len, ==, 3);
  on_document = list_rows (f, "notes", "--document", f->document_id);
  g_assert_cmpuint (on_document->len, ==, 1);
}

static void
test_note_edit_shows_on_claim (DepotCase     *f,
                               gconstpointer  data)
{
  g_autofree char *claim_id = cf_test_cli_add_claim (&f->c, f->document_id, "two loud explosions");
  g_autofree char *note_id = NULL;
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) note = NULL;
  g_autoptr(JsonObject) shown = NULL;
  JsonArray *notes;

  cf_test_run_ok (&run, "note", "add", f->c.case_path, "--claim", claim_id, "Witnesses disagree.");
  note = cf_test_parse_object (run.out);
  note_id = cf_test_id_string (note);
  cf_test_run_ok (&run, "note", "edit", f->c.case_path, note_id, "Two witnesses disagree.");
  cf_test_run_ok (&run, "claim", "show", f->c.case_path, claim_id, "--json");
  shown = cf_test_parse_object (run.out);
  notes = json_object_get_array_member (shown, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "body"),
                   ==, "Two witnesses disagree.");
}

static void
test_note_delete_then_edit_refused (DepotCase     *f,
                                    gconstpointer  data)
{
  g_autofree char *claim_id = cf_test_cli_add_claim (&f->c, f->document_id, "two loud explosions");
  g_autofree char *note_id = NULL;
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) note = NULL;

  cf_test_run_ok (&run, "note", "add", f->c.case_path, "--claim", claim_id, "Witnesses disagree.");
  note = cf_test_parse_object (run.out);
  note_id = cf_test_id_string (note);
  cf_test_run_ok (&run, "note", "delete", f->c.case_path, note_id);
  cf_test_run_ok (&run, "list", f->c.case_path, "notes", "--json", "--claim", claim_id);
  g_assert_cmpstr (run.out, ==, "");
  cf_test_run_cli (&run, "note", "edit", f->c.case_path, note_id, "gone");
  cf_test_assert_cli_error (&run, 1);
}

static void
test_note_usage_errors (DepotCase     *f,
                        gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_cli (&run, "note", "add", f->c.case_path, "--document", f->document_id,
                   "--claim", "1", "x");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "note", "delete", f->c.case_path, "abc");
  cf_test_assert_cli_error (&run, 2);
}

/* --- tags -------------------------------------------------------------------------- */

static JsonObject *
find_tag_row (GPtrArray  *rows,
              const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *o = g_ptr_array_index (rows, i);

      if (g_str_equal (json_object_get_string_member (o, "name"), name))
        return o;
    }

  g_error ("no tag %s", name);
  return NULL;
}

/* Attack (#c01c28) > Drone (#1c71d8) > Night; returns Attack's id. */
static gint64
add_tag_tree (DepotCase *f)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) attack = NULL;

  cf_test_run_ok (&run, "tag", "add", f->c.case_path, "Attack", "--color", "#c01c28");
  attack = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (attack, "color"), ==, "#c01c28");
  cf_test_run_ok (&run, "tag", "add", f->c.case_path, "Drone", "--parent", "Attack",
                  "--color", "#1c71d8");
  cf_test_run_ok (&run, "tag", "add", f->c.case_path, "Night", "--parent", "Attack/Drone");
  return json_object_get_int_member (attack, "id");
}

static void
test_tag_tree_listed_with_depth (DepotCase     *f,
                                 gconstpointer  data)
{
  gint64 attack = add_tag_tree (f);
  g_autoptr(GPtrArray) rows = list_rows (f, "tags", NULL, NULL);
  JsonObject *drone = find_tag_row (rows, "Drone");
  JsonObject *night = find_tag_row (rows, "Night");

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (json_object_get_int_member (drone, "depth"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (night, "depth"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (drone, "parent_id"), ==, attack);
  g_assert_nonnull (strstr (json_object_get_string_member (night, "path"), "Drone"));
  g_assert_nonnull (json_object_get_string_member (night, "color"));
}

static void
test_tag_plain_list_indents_children (DepotCase     *f,
                                      gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  add_tag_tree (f);
  cf_test_run_ok (&run, "list", f->c.case_path, "tags");
  g_assert_nonnull (strstr (run.out, "  Drone"));
}

static void
test_tag_move_under_own_child_refused (DepotCase     *f,
                                       gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  add_tag_tree (f);
  cf_test_run_cli (&run, "tag", "move", f->c.case_path, "Attack", "Attack/Drone");
  cf_test_assert_cli_error (&run, 1);
}

static void
test_tag_move_rename_recolour (DepotCase     *f,
                               gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *night;

  add_tag_tree (f);
  cf_test_run_ok (&run, "tag", "move", f->c.case_path, "Attack/Drone/Night");
  cf_test_run_ok (&run, "tag", "rename", f->c.case_path, "Night", "Darkness");
  cf_test_run_ok (&run, "tag", "color", f->c.case_path, "Darkness", "#000000");
  rows = list_rows (f, "tags", NULL, NULL);
  night = find_tag_row (rows, "Darkness");
  g_assert_cmpint (json_object_get_int_member (night, "depth"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (night, "color"), ==, "#000000");
}

static void
test_tag_delete_parent_moves_children_up (DepotCase     *f,
                                          gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  add_tag_tree (f);
  cf_test_run_ok (&run, "tag", "delete", f->c.case_path, "Attack");
  rows = list_rows (f, "tags", NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (find_tag_row (rows, "Drone"), "depth"), ==, 0);
}

static void
test_tag_refusals (DepotCase     *f,
                   gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_cli (&run, "tag", "add", f->c.case_path, "Bad", "--color", "red");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "tag", "add", f->c.case_path, "Orphan", "--parent", "Nowhere");
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_cli (&run, "tag", "delete", f->c.case_path, "Nowhere");
  cf_test_assert_cli_error (&run, 1);
}

/* --- hypotheses -------------------------------------------------------------------- */

typedef struct
{
  char *claim_id;
  char *other_claim;
  char *h_id;
} Related;

static void
related_clear (Related *r)
{
  g_clear_pointer (&r->claim_id, g_free);
  g_clear_pointer (&r->other_claim, g_free);
  g_clear_pointer (&r->h_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Related, related_clear)

/* "Drone attack" (likely, low confidence) and "Accident"; the drones claim is
 * consistent with the first, the timber claim inconsistent. */
static void
add_related (DepotCase *f,
             Related   *r)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) h = NULL;
  g_autoptr(JsonObject) related = NULL;
  JsonArray *relations;

  r->claim_id = cf_test_cli_add_claim (&f->c, f->document_id, drones_quote);
  r->other_claim = cf_test_cli_add_claim (&f->c, f->document_id, "timber and diesel fuel");
  cf_test_run_ok (&run, "hypothesis", "add", f->c.case_path, "Drone attack",
                  "--description", "Drones hit the depot.", "--likelihood", "likely",
                  "--confidence", "low");
  h = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (h, "confidence"), ==, "low");
  r->h_id = cf_test_id_string (h);
  cf_test_run_ok (&run, "hypothesis", "add", f->c.case_path, "Accident");

  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, r->claim_id, r->h_id, "consistent");
  related = cf_test_parse_object (run.out);
  relations = json_object_get_array_member (related, "hypotheses");
  g_assert_cmpuint (json_array_get_length (relations), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (relations, 0),
                                                  "relation"), ==, "C");
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, r->other_claim, r->h_id,
                  "inconsistent");
}

static void
test_hypothesis_counts_relations (DepotCase     *f,
                                  gconstpointer  data)
{
  g_auto(Related) r = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  add_related (f, &r);
  rows = list_rows (f, "hypotheses", NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "consistent"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "inconsistent"), ==, 1);
}

static void
test_hypothesis_filters_claims (DepotCase     *f,
                                gconstpointer  data)
{
  g_auto(Related) r = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  add_related (f, &r);
  rows = list_rows (f, "claims", "--hypothesis", r.h_id);
  g_assert_cmpuint (rows->len, ==, 2);
}

static void
test_hypothesis_set_and_unrelate (DepotCase     *f,
                                  gconstpointer  data)
{
  g_auto(Related) r = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  add_related (f, &r);
  cf_test_run_ok (&run, "claim", "relate", f->c.case_path, r.claim_id, r.h_id, "none");
  cf_test_run_ok (&run, "hypothesis", "set", f->c.case_path, r.h_id,
                  "--likelihood", "very unlikely", "--title", "Drone attack by unknown forces");
  rows = list_rows (f, "hypotheses", NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "consistent"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "title"), ==,
                   "Drone attack by unknown forces");
}

static void
test_hypothesis_unknown_relation_refused (DepotCase     *f,
                                          gconstpointer  data)
{
  g_auto(Related) r = { 0 };
  g_auto(CfTestRun) run = { 0 };

  add_related (f, &r);
  cf_test_run_cli (&run, "claim", "relate", f->c.case_path, r.claim_id, r.h_id, "maybe");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "CC"));
}

static void
test_hypothesis_delete (DepotCase     *f,
                        gconstpointer  data)
{
  g_auto(Related) r = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  add_related (f, &r);
  cf_test_run_ok (&run, "hypothesis", "delete", f->c.case_path, r.h_id);
  rows = list_rows (f, "hypotheses", NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  cf_test_run_ok (&run, "check", f->c.case_path);
}

/* --- search ------------------------------------------------------------------------ */

/* A claim with a paraphrase ("quadcopter") and a note ("hangar"); returns its id. */
static char *
add_searchable (DepotCase *f)
{
  g_auto(CfTestRun) run = { 0 };
  char *claim_id = cf_test_cli_add_claim (&f->c, f->document_id,
                                          "witnesses reported seeing no aircraft");

  cf_test_run_ok (&run, "claim", "rate", f->c.case_path, claim_id,
                  "--paraphrase", "Nobody saw a quadcopter.");
  cf_test_run_ok (&run, "note", "add", f->c.case_path, "--claim", claim_id,
                  "Check the hangar cameras.");
  return claim_id;
}

static GPtrArray *
search_rows (DepotCase  *f,
             const char *query)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "search", f->c.case_path, query, "--json");
  return cf_test_parse_lines (run.out);
}

static void
test_search_finds_document_with_snippet (DepotCase     *f,
                                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = search_rows (f, "timber");
  gboolean found = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (rows, i);

      if (!g_str_equal (json_object_get_string_member (hit, "kind"), "document"))
        continue;
      found = TRUE;
      g_assert_cmpint (json_object_get_int_member (hit, "document_id"), ==,
                       g_ascii_strtoll (f->document_id, NULL, 10));
      g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "«"));
      g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "timber"));
    }
  g_assert_true (found);
}

static void
test_search_finds_paraphrase (DepotCase     *f,
                              gconstpointer  data)
{
  g_autofree char *claim_id = add_searchable (f);
  g_autoptr(GPtrArray) rows = search_rows (f, "quadcopter");

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "kind"), ==, "claim");
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "id"), ==,
                   g_ascii_strtoll (claim_id, NULL, 10));
}

static void
test_search_finds_note (DepotCase     *f,
                        gconstpointer  data)
{
  g_autofree char *claim_id = add_searchable (f);
  g_autoptr(GPtrArray) rows = search_rows (f, "hangar");

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "kind"), ==, "note");
  g_assert_nonnull (strstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "snippet"),
                            "hangar"));
}

static void
test_search_plain_output (DepotCase     *f,
                          gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "search", f->c.case_path, "explo*");
  g_assert_nonnull (strstr (run.out, "document"));
  cf_test_run_ok (&run, "search", f->c.case_path, "zeppelin");
  g_assert_nonnull (strstr (run.out, "Nothing matches"));
}

static void
test_search_zero_limit_refused (DepotCase     *f,
                                gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_cli (&run, "search", f->c.case_path, "fire", "--limit", "0");
  cf_test_assert_cli_error (&run, 2);
}

#define depot_test(path, func) \
  g_test_add (path, DepotCase, NULL, depot_case_set_up, func, depot_case_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  depot_test ("/cli/claim/add-prints-grade", test_claim_add_prints_grade);
  depot_test ("/cli/claim/list-shows-what-was-given", test_claim_list_shows_what_was_given);
  depot_test ("/cli/claim/list-filters", test_claim_list_filters);
  depot_test ("/cli/claim/plain-list-has-grade-and-actor", test_claim_plain_list_has_grade_and_actor);
  depot_test ("/cli/claim/rate-changes-only-what-is-given", test_claim_rate_changes_only_what_is_given);
  depot_test ("/cli/claim/actor-listed", test_claim_actor_listed);
  depot_test ("/cli/claim/quote-not-in-text-refused", test_claim_quote_not_in_text_refused);
  depot_test ("/cli/claim/span-outside-text-refused", test_claim_span_outside_text_refused);
  depot_test ("/cli/claim/empty-span-refused", test_claim_empty_span_refused);
  depot_test ("/cli/claim/span-not-quote-refused", test_claim_span_not_quote_refused);
  depot_test ("/cli/claim/missing-document-refused", test_claim_missing_document_refused);
  depot_test ("/cli/claim/unknown-tag-refused", test_claim_unknown_tag_refused);
  depot_test ("/cli/claim/without-document-is-usage-error", test_claim_without_document_is_usage_error);
  depot_test ("/cli/claim/start-without-end-is-usage-error", test_claim_start_without_end_is_usage_error);
  depot_test ("/cli/claim/overlapping-allowed", test_claim_overlapping_allowed);
  depot_test ("/cli/claim/by-span-checked-against-quote", test_claim_by_span_checked_against_quote);
  depot_test ("/cli/claim/show-and-delete", test_claim_show_and_delete);
  depot_test ("/cli/note/targets", test_note_targets);
  depot_test ("/cli/note/edit-shows-on-claim", test_note_edit_shows_on_claim);
  depot_test ("/cli/note/delete-then-edit-refused", test_note_delete_then_edit_refused);
  depot_test ("/cli/note/usage-errors", test_note_usage_errors);
  depot_test ("/cli/tag/tree-listed-with-depth", test_tag_tree_listed_with_depth);
  depot_test ("/cli/tag/plain-list-indents-children", test_tag_plain_list_indents_children);
  depot_test ("/cli/tag/move-under-own-child-refused", test_tag_move_under_own_child_refused);
  depot_test ("/cli/tag/move-rename-recolour", test_tag_move_rename_recolour);
  depot_test ("/cli/tag/delete-parent-moves-children-up", test_tag_delete_parent_moves_children_up);
  depot_test ("/cli/tag/refusals", test_tag_refusals);
  depot_test ("/cli/hypothesis/counts-relations", test_hypothesis_counts_relations);
  depot_test ("/cli/hypothesis/filters-claims", test_hypothesis_filters_claims);
  depot_test ("/cli/hypothesis/set-and-unrelate", test_hypothesis_set_and_unrelate);
  depot_test ("/cli/hypothesis/unknown-relation-refused", test_hypothesis_unknown_relation_refused);
  depot_test ("/cli/hypothesis/delete", test_hypothesis_delete);
  depot_test ("/cli/search/finds-document-with-snippet", test_search_finds_document_with_snippet);
  depot_test ("/cli/search/finds-paraphrase", test_search_finds_paraphrase);
  depot_test ("/cli/search/finds-note", test_search_finds_note);
  depot_test ("/cli/search/plain-output", test_search_plain_output);
  depot_test ("/cli/search/zero-limit-refused", test_search_zero_limit_refused);

  return g_test_run ();
}
