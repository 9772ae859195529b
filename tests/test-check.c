/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "casefile-cli check" finds what is wrong in a case file written past the store
 * (issue 10, section 5): ratings and relations off their scales, a damaged or
 * out-of-step search index, text that is not UTF-8, a claim without its document -
 * each with where it is, without writing to the file. And the other commands take
 * such a file without a GLib critical. Files are spoiled with plain SQL on a
 * connection of the test's own, as someone with the sqlite3 shell would. */

#include <sqlite3.h>
#include <string.h>

#include "cf-test-util.h"

typedef struct
{
  CfTestCliCase cli;
} Fixture;

/* A case with a document, two claims (the first rated, with an actor and a tag), a
 * note on the first claim and a hypothesis the first claim bears on. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *doc = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *other = NULL;
  g_autoptr(JsonObject) created = NULL;

  cf_test_cli_case_init (&f->cli);
  doc = cf_test_cli_case_with_document (&f->cli);
  cf_test_run_ok (&run, "tag", "add", f->cli.case_path, "fire");
  cf_test_run_ok (&run, "claim", "add", f->cli.case_path, "--document", doc,
                  "--quote", "the harbour master said", "--actor", "Harbour master",
                  "--tag", "fire", "--reliability", "B", "--credibility", "2");
  created = cf_test_parse_object (run.out);
  claim = cf_test_id_string (created);
  other = cf_test_cli_add_claim (&f->cli, doc, "witnesses reported seeing no aircraft");
  cf_test_run_ok (&run, "note", "add", f->cli.case_path, "--claim", claim, "Check the log.");
  cf_test_run_ok (&run, "hypothesis", "add", f->cli.case_path, "Drone attack");
  cf_test_run_ok (&run, "claim", "relate", f->cli.case_path, claim, "1", "consistent");
  g_assert_cmpstr (claim, ==, "1");
  g_assert_cmpstr (other, ==, "2");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  cf_test_cli_case_clear (&f->cli);
}

/* Runs @sql on the case with CHECK constraints and foreign keys off. */
static void
spoil (Fixture    *f,
       const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->cli.case_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, "PRAGMA ignore_check_constraints = 1; PRAGMA foreign_keys = 0;",
                    NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("spoiling the case: %s", message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Bytes that are not UTF-8 in the case's title, an actor, a tag, a note and a
 * hypothesis: "Rive\xffr", "\xc3(", "\x80", "Check\xfe", "\xff". */
static const char invalid_utf8_sql[] =
  "UPDATE case_info SET title = CAST (X'52697665FF72' AS TEXT);"
  "UPDATE actors SET name = CAST (X'C328' AS TEXT);"
  "UPDATE tags SET name = CAST (X'80' AS TEXT);"
  "UPDATE notes SET body = CAST (X'436865636BFE' AS TEXT);"
  "UPDATE hypotheses SET title = CAST (X'FF' AS TEXT);";

static void
assert_no_critical (CfTestRun *run)
{
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}

/* Runs casefile-cli, which must succeed without a GLib critical or warning. */
#define run_clean(run, ...) \
  G_STMT_START { \
    cf_test_run_cli (run, __VA_ARGS__); \
    assert_no_critical (run); \
    g_assert_cmpint ((run)->status, ==, 0); \
  } G_STMT_END

/* Runs "check --json", which must fail without changing the file, and returns its
 * findings. */
static JsonArray *
check_findings (Fixture *f)
{
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot before = cf_test_snapshot_take (f->cli.case_path);
  g_autoptr(JsonObject) result = NULL;

  cf_test_run_cli (&run, "check", "--json", f->cli.case_path);
  assert_no_critical (&run);
  g_assert_cmpint (run.status, ==, 1);
  cf_test_snapshot_assert_unchanged (f->cli.case_path, &before);
  g_assert_false (cf_test_side_file_exists (f->cli.case_path, "-journal"));

  result = cf_test_parse_object (run.out);
  g_assert_false (json_object_get_boolean_member (result, "sound"));
  return json_array_ref (json_object_get_array_member (result, "findings"));
}

/* Whether @findings has one at @table, @id (0: none), @column (NULL: none). */
static gboolean
has_finding (JsonArray  *findings,
             const char *table,
             gint64      id,
             const char *column)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *o = json_array_get_object_element (findings, i);
      gint64 o_id = json_object_get_null_member (o, "id") ? 0 : json_object_get_int_member (o, "id");
      const char *o_column = json_object_get_null_member (o, "column")
                             ? NULL : json_object_get_string_member (o, "column");

      if (g_strcmp0 (json_object_get_string_member (o, "table"), table) == 0
          && o_id == id && g_strcmp0 (o_column, column) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (o, "message"), !=, "");
          return TRUE;
        }
    }
  return FALSE;
}

/* --- check ------------------------------------------------------------------------- */

static void
test_sound_case_is_sound (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) result = NULL;
  CfTestSnapshot before = cf_test_snapshot_take (f->cli.case_path);

  cf_test_run_ok (&run, "check", f->cli.case_path);
  g_assert_nonnull (strstr (run.out, "no problems found"));
  cf_test_run_ok (&run, "check", "--json", f->cli.case_path);
  assert_no_critical (&run);
  result = cf_test_parse_object (run.out);
  g_assert_true (json_object_get_boolean_member (result, "sound"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "findings")), ==, 0);
  cf_test_snapshot_assert_unchanged (f->cli.case_path, &before);
}

static void
test_finds_rating_outside_scale (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(JsonArray) findings = NULL;
  g_auto(CfTestRun) run = { 0 };

  spoil (f, "UPDATE claims SET reliability = 'Z', credibility = 99 WHERE id = 1;"
            "UPDATE claims SET likelihood = 2.5 WHERE id = 2;"
            "UPDATE claim_hypotheses SET relation = 'bogus';");
  findings = check_findings (f);
  g_assert_true (has_finding (findings, "claims", 1, "reliability"));
  g_assert_true (has_finding (findings, "claims", 1, "credibility"));
  g_assert_true (has_finding (findings, "claims", 2, "likelihood"));
  g_assert_true (has_finding (findings, "claim_hypotheses", 1, "relation"));
  g_assert_cmpuint (json_array_get_length (findings), ==, 4);

  /* the text output says where, too */
  cf_test_run_cli (&run, "check", f->cli.case_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, ": claims 1 reliability: "));
  g_assert_nonnull (strstr (run.out, "'Z'"));
}

static void
test_finds_id_sequence_at_limit (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(JsonArray) findings = NULL;

  spoil (f, "UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'notes';");
  findings = check_findings (f);
  g_assert_true (has_finding (findings, "notes", 0, NULL));
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
}

static void
test_finds_damaged_fts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonArray) findings = NULL;
  g_auto(CfTestRun) run = { 0 };

  /* the segments of the claims' index overwritten with noise */
  spoil (f, "UPDATE claims_fts_data SET block = zeroblob (length (block)) WHERE id > 10;");
  findings = check_findings (f);
  g_assert_true (has_finding (findings, "claims_fts", 0, NULL));
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);

  cf_test_run_cli (&run, "search", f->cli.case_path, "harbour");
  assert_no_critical (&run);
}

static void
test_finds_fts_out_of_step (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonArray) findings = NULL;

  /* the document taken out of its index, its text left */
  spoil (f, "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "SELECT 'delete', id, title, text FROM documents;");
  findings = check_findings (f);
  g_assert_true (has_finding (findings, "documents_fts", 0, NULL));
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
}

static void
test_finds_invalid_utf8 (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonArray) findings = NULL;

  spoil (f, invalid_utf8_sql);
  findings = check_findings (f);
  g_assert_true (has_finding (findings, "case_info", 1, "title"));
  g_assert_true (has_finding (findings, "actors", 1, "name"));
  g_assert_true (has_finding (findings, "tags", 1, "name"));
  g_assert_true (has_finding (findings, "notes", 1, "body"));
  g_assert_true (has_finding (findings, "hypotheses", 1, "title"));
  g_assert_cmpuint (json_array_get_length (findings), ==, 5);
}

static void
test_finds_claim_without_document (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(JsonArray) findings = NULL;

  spoil (f, "UPDATE claims SET document_id = 7 WHERE id = 2;");
  findings = check_findings (f);
  g_assert_true (has_finding (findings, "claims", 2, "document_id"));
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
}

/* --- the other commands --------------------------------------------------------------- */

static void
test_list_claim_without_document (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *brief = g_build_filename (f->cli.dir, "brief.pdf", NULL);

  spoil (f, "UPDATE claims SET document_id = 7 WHERE id = 2;");
  run_clean (&run, "list", f->cli.case_path, "claims");
  g_assert_nonnull (strstr (run.out, "the harbour master said"));
  g_assert_null (strstr (run.out, "\n0 "));

  run_clean (&run, "list", f->cli.case_path, "notes");
  run_clean (&run, "claim", "show", f->cli.case_path, "2");
  run_clean (&run, "brief", f->cli.case_path, "-o", brief);
}

static void
test_list_rating_outside_scale (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) claim = NULL;

  spoil (f, "UPDATE claims SET reliability = 'Z', credibility = 99, likelihood = 70,"
            " confidence = -1, kind = 'bogus', relevance = 'high', weight = 'heavy' WHERE id = 1;"
            "UPDATE hypotheses SET likelihood = 8, confidence = 9;"
            "UPDATE claim_hypotheses SET relation = 'bogus';");
  run_clean (&run, "list", f->cli.case_path, "claims");
  run_clean (&run, "list", f->cli.case_path, "claims", "--json");

  /* each reads as unset: a letter off the scale, numbers off theirs, text
   * where a number goes, a kind nobody knows */
  lines = g_strsplit (run.out, "\n", 2);
  claim = cf_test_parse_object (lines[0]);
  g_assert_cmpint (json_object_get_int_member (claim, "id"), ==, 1);
  g_assert_true (json_object_get_null_member (claim, "reliability"));
  g_assert_true (json_object_get_null_member (claim, "credibility"));
  g_assert_true (json_object_get_null_member (claim, "likelihood"));
  g_assert_true (json_object_get_null_member (claim, "confidence"));
  g_assert_true (json_object_get_null_member (claim, "relevance"));
  g_assert_true (json_object_get_null_member (claim, "weight"));
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "quote");
  run_clean (&run, "claim", "show", f->cli.case_path, "1");
  run_clean (&run, "list", f->cli.case_path, "hypotheses");
  run_clean (&run, "export", f->cli.case_path, "--json");
}

static void
test_export_invalid_utf8 (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) exported = NULL;
  JsonObject *kase;

  spoil (f, invalid_utf8_sql);
  run_clean (&run, "export", f->cli.case_path, "--json");
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  exported = cf_test_parse_object (run.out);
  kase = json_object_get_object_member (exported, "case");
  g_assert_cmpstr (json_object_get_string_member (kase, "title"), ==, "Rive\xef\xbf\xbdr");
}

/* every --json output, not only the export's: list, info and export -o; and the
 * brief, which shows such text with U+FFFD */
static void
test_json_outputs_invalid_utf8 (Fixture       *f,
                                gconstpointer  data)
{
  static const char *const lists[] = { "claims", "notes", "tags", "actors", "hypotheses" };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *exported = g_build_filename (f->cli.dir, "export.json", NULL);
  g_autofree char *brief = g_build_filename (f->cli.dir, "brief.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) object = NULL;

  spoil (f, invalid_utf8_sql);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      run_clean (&run, "list", f->cli.case_path, lists[i], "--json");
      g_assert_true (g_utf8_validate (run.out, -1, NULL));
      rows = cf_test_parse_lines (run.out);
      g_assert_cmpuint (rows->len, >, 0);
    }
  run_clean (&run, "info", f->cli.case_path, "--json");
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  object = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Rive\xef\xbf\xbdr");

  run_clean (&run, "export", f->cli.case_path, "--json", "-o", exported);
  run_clean (&run, "brief", f->cli.case_path, "-o", brief);
  bytes = cf_test_read_bytes (exported);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/check/sound-case-is-sound", test_sound_case_is_sound);
  ADD ("/check/finds/rating-outside-scale", test_finds_rating_outside_scale);
  ADD ("/check/finds/id-sequence-at-limit", test_finds_id_sequence_at_limit);
  ADD ("/check/finds/damaged-fts", test_finds_damaged_fts);
  ADD ("/check/finds/fts-out-of-step", test_finds_fts_out_of_step);
  ADD ("/check/finds/invalid-utf8", test_finds_invalid_utf8);
  ADD ("/check/finds/claim-without-document", test_finds_claim_without_document);
  ADD ("/cli/list/claim-without-document-no-critical", test_list_claim_without_document);
  ADD ("/cli/list/rating-outside-scale-no-critical", test_list_rating_outside_scale);
  ADD ("/cli/export/invalid-utf8-valid-json", test_export_invalid_utf8);
  ADD ("/cli/json/invalid-utf8-valid-json", test_json_outputs_invalid_utf8);

#undef ADD
  return g_test_run ();
}
