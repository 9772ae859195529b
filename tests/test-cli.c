/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli as a user runs it: every case spawns the built program (CASEFILE_CLI)
 * on files in a temporary folder and checks exit status, output and the file. */

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-test-util.h"

static const char *sample_text =
  "Blast at the river depot\n\n"
  "A fire broke out at the river depot on Tuesday night after two loud explosions, "
  "the harbour master said.\n\n"
  "Officials said the explosions were likely caused by drones, but witnesses reported "
  "seeing no aircraft.\n\n"
  "The depot stored timber and diesel fuel, according to the owner.";

/* --- a temporary folder per test --------------------------------------------- */

typedef struct
{
  char *dir;
  char *case_path;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("casefile-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->case_path = g_build_filename (f->dir, "test.casefile", NULL);
}

static void
fixture_clear (Fixture *f)
{
  cf_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->case_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  return cf_test_write_file (f->dir, name, contents, length);
}

/* A case with the sample text imported; returns the document id as a string. */
static char *
make_case_with_document (Fixture *f)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *text_path = write_file (f, "depot.txt", sample_text, -1);
  g_autoptr(GPtrArray) rows = NULL;

  cf_test_run_ok (&run, "new", f->case_path, "--title", "River depot fire");
  cf_test_run_ok (&run, "import", f->case_path, text_path);
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);

  return cf_test_id_string (g_ptr_array_index (rows, 0));
}

static char *
add_claim (Fixture    *f,
           const char *document_id,
           const char *quote)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) claim = NULL;

  cf_test_run_ok (&run, "claim", "add", f->case_path, "--document", document_id, "--quote", quote);
  claim = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (claim, "quote"), ==, quote);
  return cf_test_id_string (claim);
}

/* --- the tests --------------------------------------------------------------------- */

static void
test_new_info (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) info = NULL;

  fixture_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Port fire", "--summary", "Probably a drone.",
          "--marking", "UNCLASSIFIED", "--analyst", "Ana Lyst", "--incident-date", "2026-03-14");
  g_assert_true (g_file_test (f.case_path, G_FILE_TEST_IS_REGULAR));

  cf_test_run_ok (&run, "info", f.case_path, "--json");
  info = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Port fire");
  g_assert_cmpstr (json_object_get_string_member (info, "summary"), ==, "Probably a drone.");
  g_assert_cmpstr (json_object_get_string_member (info, "marking"), ==, "UNCLASSIFIED");
  g_assert_cmpstr (json_object_get_string_member (info, "analyst"), ==, "Ana Lyst");
  g_assert_cmpstr (json_object_get_string_member (info, "incident_date"), ==, "2026-03-14");
  g_assert_cmpint (json_object_get_int_member (info, "documents"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "claims"), ==, 0);

  cf_test_run_ok (&run, "info", f.case_path);
  g_assert_nonnull (strstr (run.out, "Port fire"));
  g_assert_nonnull (strstr (run.out, "Ana Lyst"));

  /* never over an existing file */
  cf_test_run_cli (&run, "new", f.case_path, "--title", "Again");
  cf_test_assert_cli_error (&run, 1);

  /* a case needs a title */
  cf_test_run_cli (&run, "new", f.dir, "--summary", "x");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_set (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) info = NULL;
  g_autofree char *document_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *document;

  fixture_init (&f);
  document_id = make_case_with_document (&f);

  cf_test_run_ok (&run, "set", f.case_path, "summary", "Two explosions at the depot.");
  cf_test_run_ok (&run, "set", f.case_path, "title", "Depot blast");
  cf_test_run_ok (&run, "set", f.case_path, "analyst", "");
  cf_test_run_ok (&run, "info", f.case_path, "--json");
  info = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (info, "summary"), ==,
                   "Two explosions at the depot.");
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Depot blast");
  g_assert_true (json_object_get_null_member (info, "analyst"));

  cf_test_run_ok (&run, "set", f.case_path, "--document", document_id, "publisher", "River Gazette");
  cf_test_run_ok (&run, "list", f.case_path, "documents", "--json");
  rows = cf_test_parse_lines (run.out);
  document = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (document, "publisher"), ==, "River Gazette");

  cf_test_run_cli (&run, "set", f.case_path, "colour", "blue");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "incident_date"));

  cf_test_run_cli (&run, "set", f.case_path, "title", "");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_import_and_claim (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *text_path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) claim = NULL;
  JsonObject *listed;
  JsonArray *tags;

  fixture_init (&f);
  text_path = write_file (&f, "depot.txt", sample_text, -1);
  missing = g_build_filename (f.dir, "no-such-file.html", NULL);

  cf_test_run_ok (&run, "new", f.case_path, "--title", "River depot fire");

  /* a file that fails is named; the others are still imported */
  cf_test_run_cli (&run, "import", f.case_path, missing, text_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-file.html"));
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  listed = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "path"), ==, text_path);
  g_assert_cmpint (json_object_get_int_member (listed, "length"), >, 100);
  document_id = cf_test_id_string (listed);
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_ok (&run, "tag", "add", f.case_path, "Attack", "--color", "#c01c28");
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Drone", "--parent", "Attack");

  cf_test_run_ok (&run, "claim", "add", f.case_path, "--document", document_id,
          "--quote", "the explosions were likely caused by drones",
          "--actor", "Officials", "--reliability", "b", "--credibility", "2",
          "--likelihood", "very likely", "--confidence", "moderate",
          "--tag", "Attack/Drone", "--paraphrase", "Drones did it.");
  claim = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (claim, "grade"), ==, "B2");

  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  listed = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "grade"), ==, "B2");
  g_assert_cmpstr (json_object_get_string_member (listed, "quote"), ==,
                   "the explosions were likely caused by drones");
  g_assert_cmpstr (json_object_get_string_member (listed, "actor"), ==, "Officials");
  g_assert_cmpstr (json_object_get_string_member (listed, "paraphrase"), ==, "Drones did it.");
  g_assert_cmpstr (json_object_get_string_member (listed, "confidence"), ==, "moderate");
  g_assert_nonnull (json_object_get_string_member (listed, "likelihood"));
  tags = json_object_get_array_member (listed, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (tags, 0), "Drone"));
  g_assert_nonnull (strstr (json_array_get_string_element (tags, 0), "Attack"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* filters of the claim list */
  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json", "--tag", "Attack/Drone");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json", "--actor", "officials");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Cargo");
  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json", "--tag", "Cargo");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the plain listing has the grade and the quote */
  cf_test_run_ok (&run, "list", f.case_path, "claims");
  g_assert_nonnull (strstr (run.out, "B2"));
  g_assert_nonnull (strstr (run.out, "Officials"));

  /* re-rating changes only what is given */
  claim_id = cf_test_id_string (claim);
  cf_test_run_ok (&run, "claim", "rate", f.case_path, claim_id, "--credibility", "3");
  g_clear_pointer (&claim, json_object_unref);
  claim = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (claim, "grade"), ==, "B3");
  g_assert_cmpstr (json_object_get_string_member (claim, "actor"), ==, "Officials");

  /* pasted text from standard input */
  cf_test_run_cli_input (&run, "Statement of the depot owner.\n\nWe stored only timber.",
                 "import", f.case_path, "--text", "Owner statement");
  g_assert_cmpint (run.status, ==, 0);
  listed = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (listed, "title"), ==, "Owner statement");
  json_object_unref (listed);

  /* what the user says about a source wins over what the extractor found */
  cf_test_run_ok (&run, "import", f.case_path, text_path, "--title", "Depot blast report",
          "--publisher", "River Gazette", "--published", "2026-03-15",
          "--url", "https://gazette.example/depot");
  listed = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (listed, "title"), ==, "Depot blast report");
  g_assert_cmpstr (json_object_get_string_member (listed, "publisher"), ==, "River Gazette");
  g_assert_cmpstr (json_object_get_string_member (listed, "published"), ==, "2026-03-15");
  g_assert_cmpstr (json_object_get_string_member (listed, "url"), ==, "https://gazette.example/depot");
  json_object_unref (listed);
  cf_test_run_cli (&run, "import", f.case_path, text_path, text_path, "--title", "Both");
  cf_test_assert_cli_error (&run, 2);

  cf_test_run_ok (&run, "list", f.case_path, "documents");
  g_assert_nonnull (strstr (run.out, "Owner statement"));
  g_assert_nonnull (strstr (run.out, "River Gazette"));
  cf_test_run_ok (&run, "list", f.case_path, "actors", "--json");
  g_assert_nonnull (strstr (run.out, "Officials"));
  cf_test_run_ok (&run, "check", f.case_path);
}

/* Imports @path into a new case, quotes @quote from its stored text, rates the claim
 * B2 and checks that the claim is listed and the file sound. */
static void
import_quote_and_rate (Fixture    *f,
                       const char *path,
                       const char *quote,
                       const char *actor)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) claim = NULL;

  cf_test_run_ok (&run, "new", f->case_path, "--title", "Imported article");
  cf_test_run_ok (&run, "import", f->case_path, path);
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  document_id = cf_test_id_string (g_ptr_array_index (rows, 0));

  cf_test_run_ok (&run, "claim", "add", f->case_path, "--document", document_id, "--quote", quote,
          "--reliability", "B", "--credibility", "2", "--actor", actor,
          "--likelihood", "likely");
  claim = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (claim, "grade"), ==, "B2");
  g_assert_cmpint (json_object_get_int_member (claim, "end") -
                   json_object_get_int_member (claim, "start"), ==,
                   g_utf8_strlen (quote, -1));

  g_clear_pointer (&rows, g_ptr_array_unref);
  cf_test_run_ok (&run, "list", f->case_path, "claims", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "grade"), ==,
                   "B2");
  cf_test_run_ok (&run, "check", f->case_path);
}

/* The repository's own news page (tests/fixtures/article.html): always there. */
static void
test_article_import_quote_rate (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *article = cf_test_fixture_path ("article.html");

  fixture_init (&f);
  import_quote_and_rate (&f, article,
                         "the blasts were probably caused by two small drones",
                         "Regional security council");
}

/* The real seed article, when the shared folder is beside the clone. */
static void
test_seed_article (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *seed = cf_test_shared_path ("seed/kremlin-drone-attack.txt");
  g_autofree char *quote = NULL;
  g_autoptr(JsonObject) export = NULL;
  g_autofree char *scratch = NULL;
  JsonArray *documents;
  const char *text;
  const char *at;

  if (seed == NULL)
    {
      g_test_skip ("the seed article is not there (CASEFILE_SHARED_DIR/seed)");
      return;
    }

  /* take the quote from the stored text at run time: the article is not copied here */
  fixture_init (&f);
  scratch = g_build_filename (f.dir, "scratch.casefile", NULL);
  cf_test_run_ok (&run, "new", scratch, "--title", "Scratch");
  cf_test_run_ok (&run, "import", scratch, seed);
  cf_test_run_ok (&run, "export", scratch, "--json");
  export = cf_test_parse_object (run.out);
  documents = json_object_get_array_member (export, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  text = json_object_get_string_member (json_array_get_object_element (documents, 0), "text");
  at = strstr (text, "Kremlin");
  g_assert_nonnull (at);
  quote = g_utf8_substring (at, 0, 40);

  import_quote_and_rate (&f, seed, quote, "US officials");
}

static void
test_claim_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  CfTestSnapshot before;

  fixture_init (&f);
  document_id = make_case_with_document (&f);

  /* a quote that is not in the text */
  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
           "--quote", "the depot was hit by a meteorite", "--reliability", "A");
  cf_test_assert_cli_error (&run, 1);
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
  g_assert_false (cf_test_side_file_exists (f.case_path, "-journal"));

  /* a span outside the text */
  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
           "--start", "10", "--end", "100000");
  cf_test_assert_cli_error (&run, 1);
  cf_test_snapshot_assert_unchanged (f.case_path, &before);

  /* an empty span */
  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
           "--start", "10", "--end", "10");
  cf_test_assert_cli_error (&run, 1);
  cf_test_snapshot_assert_unchanged (f.case_path, &before);

  /* a span whose text is not the quote */
  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
           "--start", "0", "--end", "5", "--quote", "Zzzzz");
  cf_test_assert_cli_error (&run, 1);
  cf_test_snapshot_assert_unchanged (f.case_path, &before);

  /* no such document */
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", "999", "--quote", "fire");
  cf_test_assert_cli_error (&run, 1);

  /* an unknown tag: nothing is added */
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
           "--quote", "fire", "--tag", "Nope");
  cf_test_assert_cli_error (&run, 1);
  g_assert_nonnull (strstr (run.err, "Nope"));

  /* usage errors */
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--quote", "fire");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id, "--start", "3");
  cf_test_assert_cli_error (&run, 2);

  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json");
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_claim_overlap (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) by_span = NULL;

  fixture_init (&f);
  document_id = make_case_with_document (&f);

  first = add_claim (&f, document_id, "Officials said the explosions were likely caused by drones");
  second = add_claim (&f, document_id, "likely caused by drones, but witnesses reported");
  g_assert_cmpstr (first, !=, second);

  /* the same words a second time, by offsets, checked against the quote */
  cf_test_run_ok (&run, "claim", "add", f.case_path, "--document", document_id,
          "--start", "0", "--end", "5", "--quote", "Blast");
  by_span = cf_test_parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (by_span, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (by_span, "end"), ==, 5);

  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json", "--document", document_id);
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 3);

  cf_test_run_ok (&run, "claim", "show", f.case_path, second);
  g_assert_nonnull (strstr (run.out, "witnesses reported"));

  cf_test_run_ok (&run, "claim", "delete", f.case_path, first);
  cf_test_run_cli (&run, "claim", "show", f.case_path, first);
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_ok (&run, "check", f.case_path);
}

static void
test_notes (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *note_id = NULL;
  g_autoptr(JsonObject) note = NULL;
  g_autoptr(JsonObject) shown = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  claim_id = add_claim (&f, document_id, "two loud explosions");

  cf_test_run_ok (&run, "note", "add", f.case_path, "Ask the harbour master for the log.");
  cf_test_run_ok (&run, "note", "add", f.case_path, "--document", document_id, "Local paper, one source.");
  cf_test_run_ok (&run, "note", "add", f.case_path, "--claim", claim_id, "Witnesses disagree.");
  note = cf_test_parse_object (run.out);
  note_id = cf_test_id_string (note);
  g_assert_cmpstr (json_object_get_string_member (note, "target"), ==, "claim");

  cf_test_run_ok (&run, "list", f.case_path, "notes", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* text that looks like an option, after "--" */
  cf_test_run_ok (&run, "note", "add", f.case_path, "--", "- check the CCTV");
  g_clear_pointer (&shown, json_object_unref);
  shown = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (shown, "body"), ==, "- check the CCTV");
  g_free (note_id);
  note_id = cf_test_id_string (shown);
  cf_test_run_ok (&run, "note", "delete", f.case_path, note_id);
  g_clear_pointer (&note_id, g_free);
  note_id = cf_test_id_string (note);
  g_clear_pointer (&shown, json_object_unref);

  cf_test_run_ok (&run, "note", "edit", f.case_path, note_id, "Two witnesses disagree.");
  cf_test_run_ok (&run, "claim", "show", f.case_path, claim_id, "--json");
  shown = cf_test_parse_object (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shown, "notes")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (shown, "notes"), 0),
                     "body"), ==, "Two witnesses disagree.");

  cf_test_run_ok (&run, "note", "delete", f.case_path, note_id);
  cf_test_run_ok (&run, "list", f.case_path, "notes", "--json", "--claim", claim_id);
  g_assert_cmpstr (run.out, ==, "");
  cf_test_run_ok (&run, "list", f.case_path, "notes", "--json", "--document", document_id);
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);

  cf_test_run_cli (&run, "note", "edit", f.case_path, note_id, "gone");
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_cli (&run, "note", "add", f.case_path, "--document", document_id, "--claim", claim_id, "x");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "note", "delete", f.case_path, "abc");
  cf_test_assert_cli_error (&run, 2);
}

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

static void
test_tags (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) attack = NULL;
  g_autofree char *attack_id = NULL;
  JsonObject *drone;
  JsonObject *night;

  fixture_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Tags");
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Attack", "--color", "#c01c28");
  attack = cf_test_parse_object (run.out);
  attack_id = cf_test_id_string (attack);
  g_assert_cmpstr (json_object_get_string_member (attack, "color"), ==, "#c01c28");
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Drone", "--parent", "Attack", "--color", "#1c71d8");
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Night", "--parent", "Attack/Drone");

  cf_test_run_ok (&run, "list", f.case_path, "tags", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 3);
  drone = find_tag_row (rows, "Drone");
  night = find_tag_row (rows, "Night");
  g_assert_cmpint (json_object_get_int_member (drone, "depth"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (night, "depth"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (drone, "parent_id"), ==,
                   json_object_get_int_member (attack, "id"));
  g_assert_nonnull (strstr (json_object_get_string_member (night, "path"), "Drone"));
  g_assert_nonnull (json_object_get_string_member (night, "color"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a tag cannot go under its own child */
  cf_test_run_cli (&run, "tag", "move", f.case_path, "Attack", "Attack/Drone");
  cf_test_assert_cli_error (&run, 1);

  cf_test_run_ok (&run, "tag", "move", f.case_path, "Attack/Drone/Night");
  cf_test_run_ok (&run, "tag", "rename", f.case_path, "Night", "Darkness");
  cf_test_run_ok (&run, "tag", "color", f.case_path, "Darkness", "#000000");
  cf_test_run_ok (&run, "list", f.case_path, "tags", "--json");
  rows = cf_test_parse_lines (run.out);
  night = find_tag_row (rows, "Darkness");
  g_assert_cmpint (json_object_get_int_member (night, "depth"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (night, "color"), ==, "#000000");
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_ok (&run, "list", f.case_path, "tags");
  g_assert_nonnull (strstr (run.out, "  Drone"));

  /* deleting a parent moves its children up */
  cf_test_run_ok (&run, "tag", "delete", f.case_path, "Attack");
  cf_test_run_ok (&run, "list", f.case_path, "tags", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (find_tag_row (rows, "Drone"), "depth"), ==, 0);

  cf_test_run_cli (&run, "tag", "add", f.case_path, "Bad", "--color", "red");
  cf_test_assert_cli_error (&run, 2);
  cf_test_run_cli (&run, "tag", "add", f.case_path, "Orphan", "--parent", "Nowhere");
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_cli (&run, "tag", "delete", f.case_path, "Nowhere");
  cf_test_assert_cli_error (&run, 1);
}

static void
test_hypotheses (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *other_claim = NULL;
  g_autofree char *h_id = NULL;
  g_autoptr(JsonObject) h = NULL;
  g_autoptr(JsonObject) related = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JsonArray *relations;

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  claim_id = add_claim (&f, document_id, "the explosions were likely caused by drones");
  other_claim = add_claim (&f, document_id, "timber and diesel fuel");

  cf_test_run_ok (&run, "hypothesis", "add", f.case_path, "Drone attack",
          "--description", "Drones hit the depot.", "--likelihood", "likely",
          "--confidence", "low");
  h = cf_test_parse_object (run.out);
  h_id = cf_test_id_string (h);
  g_assert_cmpstr (json_object_get_string_member (h, "confidence"), ==, "low");
  cf_test_run_ok (&run, "hypothesis", "add", f.case_path, "Accident");

  cf_test_run_ok (&run, "claim", "relate", f.case_path, claim_id, h_id, "consistent");
  related = cf_test_parse_object (run.out);
  relations = json_object_get_array_member (related, "hypotheses");
  g_assert_cmpuint (json_array_get_length (relations), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (relations, 0),
                                                  "relation"), ==, "consistent");
  cf_test_run_ok (&run, "claim", "relate", f.case_path, other_claim, h_id, "inconsistent");

  cf_test_run_ok (&run, "list", f.case_path, "hypotheses", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "consistent"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "inconsistent"), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_ok (&run, "list", f.case_path, "claims", "--json", "--hypothesis", h_id);
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_ok (&run, "claim", "relate", f.case_path, claim_id, h_id, "none");
  cf_test_run_ok (&run, "hypothesis", "set", f.case_path, h_id, "--likelihood", "very unlikely",
          "--title", "Drone attack by unknown forces");
  cf_test_run_ok (&run, "list", f.case_path, "hypotheses", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "consistent"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "title"), ==,
                   "Drone attack by unknown forces");
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_cli (&run, "claim", "relate", f.case_path, claim_id, h_id, "maybe");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "consistent"));

  cf_test_run_ok (&run, "hypothesis", "delete", f.case_path, h_id);
  cf_test_run_ok (&run, "list", f.case_path, "hypotheses", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  cf_test_run_ok (&run, "check", f.case_path);
}

static void
test_search (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found_document = FALSE;

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  claim_id = add_claim (&f, document_id, "witnesses reported seeing no aircraft");
  cf_test_run_ok (&run, "claim", "rate", f.case_path, claim_id, "--paraphrase", "Nobody saw a quadcopter.");
  cf_test_run_ok (&run, "note", "add", f.case_path, "--claim", claim_id, "Check the hangar cameras.");

  /* a word of the document */
  cf_test_run_ok (&run, "search", f.case_path, "timber", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, >=, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (rows, i);

      if (g_str_equal (json_object_get_string_member (hit, "kind"), "document"))
        {
          found_document = TRUE;
          g_assert_cmpint (json_object_get_int_member (hit, "document_id"), ==,
                           g_ascii_strtoll (document_id, NULL, 10));
          g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "«"));
          g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "timber"));
        }
    }
  g_assert_true (found_document);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a word only in the claim's paraphrase */
  cf_test_run_ok (&run, "search", f.case_path, "quadcopter", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "kind"), ==, "claim");
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (rows, 0), "id"), ==,
                   g_ascii_strtoll (claim_id, NULL, 10));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a word only in the note */
  cf_test_run_ok (&run, "search", f.case_path, "hangar", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "kind"), ==, "note");
  g_assert_nonnull (strstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "snippet"),
                            "hangar"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* prefixes and the plain output */
  cf_test_run_ok (&run, "search", f.case_path, "explo*");
  g_assert_nonnull (strstr (run.out, "document"));
  cf_test_run_ok (&run, "search", f.case_path, "zeppelin");
  g_assert_nonnull (strstr (run.out, "Nothing matches"));

  cf_test_run_cli (&run, "search", f.case_path, "fire", "--limit", "0");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_export (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *members[] = { "documents", "claims", "tags", "notes", "hypotheses", "actors" };

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Attack");
  cf_test_run_ok (&run, "hypothesis", "add", f.case_path, "Drone attack");
  claim_id = add_claim (&f, document_id, "two loud explosions");
  cf_test_run_ok (&run, "claim", "tag", f.case_path, claim_id, "Attack");
  cf_test_run_ok (&run, "claim", "rate", f.case_path, claim_id, "--actor", "Harbour master");
  cf_test_run_ok (&run, "claim", "relate", f.case_path, claim_id, "1", "consistent");
  cf_test_run_ok (&run, "note", "add", f.case_path, "A case note.");

  cf_test_run_ok (&run, "export", f.case_path, "--json");
  /* pretty-printed: more than one line */
  g_assert_nonnull (strchr (g_strstrip (run.out), '\n'));
  root = cf_test_parse_object (run.out);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_test_message ("export has %s", members[i]);
      g_assert_true (json_object_has_member (root, members[i]));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, members[i])), >=, 1);
    }
  g_assert_true (json_object_has_member (root, "case"));
  g_assert_nonnull (strstr (run.out, "River depot fire"));
  g_assert_nonnull (strstr (run.out, "two loud explosions"));
  g_assert_nonnull (strstr (run.out, "A case note."));
  g_assert_nonnull (strstr (run.out, "timber and diesel"));

  out_path = g_build_filename (f.dir, "export.json", NULL);
  cf_test_run_ok (&run, "export", f.case_path, "--json", "-o", out_path);
  g_assert_cmpstr (run.out, ==, "");
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  again = cf_test_parse_object (written);
  g_assert_true (json_object_has_member (again, "claims"));

  cf_test_run_cli (&run, "export", f.case_path);
  cf_test_assert_cli_error (&run, 2);
}

/* --- files that are not sound case files ------------------------------------------- */

static void
assert_refused (const char *path)
{
  const char *commands[][3] = {
    { "check", NULL, NULL },
    { "list", "claims", NULL },
    { "info", NULL, NULL },
    { "claim", "add", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CfTestRun) run = { 0 };
      CfTestSnapshot before = cf_test_snapshot_take (path);

      if (g_str_equal (commands[i][0], "claim"))
        cf_test_run_cli (&run, "claim", "add", path, "--document", "1", "--start", "0", "--end", "4");
      else if (commands[i][1] != NULL)
        cf_test_run_cli (&run, commands[i][0], path, commands[i][1]);
      else
        cf_test_run_cli (&run, commands[i][0], path);

      cf_test_assert_cli_error (&run, 1);
      g_assert_nonnull (strstr (run.err, path));
      cf_test_snapshot_assert_unchanged (path, &before);
      g_assert_false (cf_test_side_file_exists (path, "-journal"));
      g_assert_false (cf_test_side_file_exists (path, "-wal"));
    }
}

static GBytes *
make_sound_case (Fixture *f)
{
  g_autofree char *document_id = make_case_with_document (f);
  g_autofree char *claim_id = add_claim (f, document_id, "two loud explosions");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (claim_id);
  g_assert_true (g_file_get_contents (f->case_path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_check_good (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  CfTestSnapshot before;

  fixture_init (&f);
  bytes = make_sound_case (&f);

  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_ok (&run, "check", f.case_path);
  g_assert_cmpstr (run.err, ==, "");
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_bad_files (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GBytes) sound = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *text = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *flipped = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *copy = NULL;
  const guint8 *data;
  gsize size;
  guint page_size;
  guint n_pages;
  sqlite3 *db = NULL;

  fixture_init (&f);
  sound = make_sound_case (&f);
  data = g_bytes_get_data (sound, &size);
  g_assert_cmpuint (size, >, 1024);

  missing = g_build_filename (f.dir, "missing.casefile", NULL);
  assert_refused (missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  folder = g_build_filename (f.dir, "folder.casefile", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (folder);

  empty = write_file (&f, "empty.casefile", "", 0);
  assert_refused (empty);

  text = write_file (&f, "text.casefile", sample_text, -1);
  assert_refused (text);

  /* a plain SQLite database of someone else's */
  foreign = g_build_filename (f.dir, "foreign.casefile", NULL);
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE birds (name TEXT, wings INTEGER);"
                                     "INSERT INTO birds VALUES ('heron', 2);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (foreign);

  truncated = write_file (&f, "truncated.casefile", (const char *) data, size / 2);
  assert_refused (truncated);

  /* flip the first byte of the middle page: its b-tree page type */
  page_size = (data[16] << 8) | data[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = size / page_size;
  g_assert_cmpuint (n_pages, >=, 3);
  copy = g_memdup2 (data, size);
  copy[(gsize) (n_pages / 2) * page_size] ^= 0xff;
  flipped = write_file (&f, "flipped.casefile", copy, size);
  assert_refused (flipped);
}

static void
test_help (void)
{
  const char *commands[] = { "new", "info", "set", "import", "extract", "list", "search",
                             "check", "export" };
  const char *actions[][8] = {
    { "claim", "add", "rate", "tag", "untag", "relate", "show", "delete" },
    { "note", "add", "edit", "delete", NULL },
    { "tag", "add", "rename", "color", "move", "delete", NULL },
    { "hypothesis", "add", "set", "delete", NULL },
  };
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "--help");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));
  cf_test_run_ok (&run, "--version");
  g_assert_true (g_str_has_prefix (run.out, "casefile-cli "));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      cf_test_run_ok (&run, commands[i], "--help");
      g_assert_nonnull (strstr (run.out, "Usage"));
      g_assert_nonnull (strstr (run.out, commands[i]));
      cf_test_run_ok (&run, "help", commands[i]);
      g_assert_nonnull (strstr (run.out, "Usage"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      cf_test_run_ok (&run, actions[i][0], "--help");
      for (guint j = 1; j < G_N_ELEMENTS (actions[i]) && actions[i][j] != NULL; j++)
        {
          g_assert_nonnull (strstr (run.out, actions[i][j]));
        }
      for (guint j = 1; j < G_N_ELEMENTS (actions[i]) && actions[i][j] != NULL; j++)
        {
          cf_test_run_ok (&run, actions[i][0], actions[i][j], "--help");
          g_assert_nonnull (strstr (run.out, "Usage"));
        }

      cf_test_run_cli (&run, actions[i][0], "frobnicate", "x.casefile");
      cf_test_assert_cli_error (&run, 2);
    }
}

/* "note add CASE -hello": GOption reads "-hello" as "-h -e -l -l -o" and used to print
 * the help and exit 0 with nothing added. */
static void
test_note_dash_text_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot before;

  fixture_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Dashes");
  before = cf_test_snapshot_take (f.case_path);

  cf_test_run_cli (&run, "note", "add", f.case_path, "-hello");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "“--”"));
  g_assert_cmpstr (run.out, ==, "");
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_note_dash_text_after_double_dash (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) note = NULL;

  fixture_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Dashes");
  cf_test_run_ok (&run, "note", "add", f.case_path, "--", "-hello");
  note = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (note, "body"), ==, "-hello");
}

/* Every command and action refuses an option it does not know, long or short, with
 * exit status 2, and never prints its help instead. */
static void
test_unknown_option_refused (void)
{
  const char *commands[][2] = {
    { "new", NULL }, { "info", NULL }, { "set", NULL }, { "import", NULL },
    { "extract", NULL }, { "list", NULL }, { "search", NULL }, { "check", NULL },
    { "export", NULL }, { "brief", NULL },
    { "claim", "add" }, { "claim", "rate" }, { "claim", "tag" }, { "claim", "untag" },
    { "claim", "relate" }, { "claim", "show" }, { "claim", "delete" },
    { "note", "add" }, { "note", "edit" }, { "note", "delete" },
    { "tag", "add" }, { "tag", "rename" }, { "tag", "color" }, { "tag", "move" },
    { "tag", "delete" },
    { "hypothesis", "add" }, { "hypothesis", "set" }, { "hypothesis", "delete" },
  };
  const char *options[] = { "--no-such-option", "-hello", "-Z" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint j = 0; j < G_N_ELEMENTS (options); j++)
      {
        g_auto(CfTestRun) run = { 0 };

        g_test_message ("%s %s %s", commands[i][0], commands[i][1] ? commands[i][1] : "",
                        options[j]);
        if (commands[i][1] != NULL)
          cf_test_run_cli (&run, commands[i][0], commands[i][1], "x.casefile", options[j]);
        else
          cf_test_run_cli (&run, commands[i][0], "x.casefile", options[j]);
        cf_test_assert_cli_error (&run, 2);
        g_assert_null (strstr (run.out, "Usage"));
      }
}

/* Dates on the command line are ISO 8601: a date (2026-03-14, or 2026-03 and 2026 when
 * that is all that is known) or a date-time (2026-03-14T09:30:00Z). Anything else is a
 * usage error that names the option, and the case is not changed. */
static const char *bad_dates[] = { "yesterday", "14/03/2026", "2026-13-01", "2026-02-30",
                                   "2026-03-14T25:00:00Z", "2026-03-14 and more", "0" };

static void
test_date_incident_refused (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_auto(CfTestRun) run = { 0 };

      cf_test_run_cli (&run, "new", f.case_path, "--title", "T", "--incident-date", bad_dates[i]);
      cf_test_assert_cli_error (&run, 2);
      g_assert_nonnull (strstr (run.err, "--incident-date"));
      g_assert_false (g_file_test (f.case_path, G_FILE_TEST_EXISTS));
    }
}

static void
test_date_set_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *document_id = NULL;
  CfTestSnapshot before;

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  before = cf_test_snapshot_take (f.case_path);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_auto(CfTestRun) run = { 0 };

      cf_test_run_cli (&run, "set", f.case_path, "incident_date", bad_dates[i]);
      cf_test_assert_cli_error (&run, 2);
      cf_test_run_cli (&run, "set", f.case_path, "--document", document_id, "published",
                       bad_dates[i]);
      cf_test_assert_cli_error (&run, 2);
    }
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_date_published_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *text_path = NULL;
  CfTestSnapshot before;

  fixture_init (&f);
  text_path = write_file (&f, "depot.txt", sample_text, -1);
  {
    g_auto(CfTestRun) run = { 0 };
    cf_test_run_ok (&run, "new", f.case_path, "--title", "Dates");
  }
  before = cf_test_snapshot_take (f.case_path);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_auto(CfTestRun) run = { 0 };

      cf_test_run_cli (&run, "import", f.case_path, text_path, "--published", bad_dates[i]);
      cf_test_assert_cli_error (&run, 2);
      g_assert_nonnull (strstr (run.err, "--published"));
    }
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_date_event_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  CfTestSnapshot before;

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  claim_id = add_claim (&f, document_id, "two loud explosions");
  before = cf_test_snapshot_take (f.case_path);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_auto(CfTestRun) run = { 0 };

      cf_test_run_cli (&run, "claim", "rate", f.case_path, claim_id, "--event-date", bad_dates[i]);
      cf_test_assert_cli_error (&run, 2);
      g_assert_nonnull (strstr (run.err, "--event-date"));
      cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
                       "--quote", "timber", "--event-date", bad_dates[i]);
      cf_test_assert_cli_error (&run, 2);
    }
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_date_valid_accepted (void)
{
  const char *good[] = { "2026-03-14", "2026-03", "2026", "2026-03-14T09:30:00Z",
                         "2026-03-14T09:30:00+02:00", "2026-03-14T09:30:00" };
  g_auto(Fixture) f = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  claim_id = add_claim (&f, document_id, "two loud explosions");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto(CfTestRun) run = { 0 };
      g_autoptr(JsonObject) claim = NULL;

      cf_test_run_ok (&run, "set", f.case_path, "incident_date", good[i]);
      cf_test_run_ok (&run, "set", f.case_path, "--document", document_id, "published", good[i]);
      cf_test_run_ok (&run, "claim", "rate", f.case_path, claim_id, "--event-date", good[i]);
      claim = cf_test_parse_object (run.out);
      g_assert_cmpstr (json_object_get_string_member (claim, "event_date"), ==, good[i]);
    }
}

static void
test_usage_errors (void)
{
  g_auto(Fixture) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  CfTestSnapshot before;

  cf_test_run_cli (&run, "frobnicate", "x.casefile");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));

  cf_test_run_cli (&run, "help", "frobnicate");
  cf_test_assert_cli_error (&run, 2);

  cf_test_run_cli (&run, "list", "x.casefile", "--no-such-option");
  cf_test_assert_cli_error (&run, 2);

  cf_test_run_cli (&run, "list", "x.casefile", "bananas");
  cf_test_assert_cli_error (&run, 2);

  fixture_init (&f);
  document_id = make_case_with_document (&f);
  before = cf_test_snapshot_take (f.case_path);

  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id, "--quote", "fire",
           "--reliability", "Q");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "A, B, C, D, E, F"));

  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id, "--quote", "fire",
           "--credibility", "9");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "1, 2, 3"));

  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id, "--quote", "fire",
           "--likelihood", "perhaps");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "likely"));

  cf_test_run_cli (&run, "hypothesis", "add", f.case_path, "H", "--confidence", "total");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "moderate"));

  cf_test_snapshot_assert_unchanged (f.case_path, &before);

  cf_test_run_cli (&run, "claim", "rate", f.case_path, "seven", "--reliability", "A");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_example_case (void)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *example = g_getenv ("CASEFILE_EXAMPLE");
  CfTestSnapshot before;

  if (example == NULL || !g_file_test (example, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the example case was not built (CASEFILE_EXAMPLE)");
      return;
    }

  before = cf_test_snapshot_take (example);
  cf_test_run_ok (&run, "check", example);
  cf_test_run_ok (&run, "info", example, "--json");
  info = cf_test_parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (info, "claims"), >=, 12);
  g_assert_cmpint (json_object_get_int_member (info, "hypotheses"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (info, "documents"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (info, "tags"), >=, 4);

  cf_test_run_ok (&run, "list", example, "claims", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, >=, 12);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *claim = g_ptr_array_index (rows, i);

      g_assert_cmpstr (json_object_get_string_member (claim, "grade"), !=, "");
      g_assert_false (json_object_get_null_member (claim, "actor"));
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_ok (&run, "list", example, "tags", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, >=, 6);
  g_clear_pointer (&rows, g_ptr_array_unref);

  cf_test_run_ok (&run, "search", example, "wreckage", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, >=, 1);

  cf_test_snapshot_assert_unchanged (example, &before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/new-info", test_new_info);
  g_test_add_func ("/cli/set", test_set);
  g_test_add_func ("/cli/import-and-claim", test_import_and_claim);
  g_test_add_func ("/cli/article/import-quote-rate", test_article_import_quote_rate);
  g_test_add_func ("/cli/seed-article", test_seed_article);
  g_test_add_func ("/cli/claim-refused", test_claim_refused);
  g_test_add_func ("/cli/claim-overlap", test_claim_overlap);
  g_test_add_func ("/cli/notes", test_notes);
  g_test_add_func ("/cli/tags", test_tags);
  g_test_add_func ("/cli/hypotheses", test_hypotheses);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/check-good", test_check_good);
  g_test_add_func ("/cli/bad-files", test_bad_files);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/note/dash-text-refused", test_note_dash_text_refused);
  g_test_add_func ("/cli/note/dash-text-after-double-dash", test_note_dash_text_after_double_dash);
  g_test_add_func ("/cli/options/unknown-refused", test_unknown_option_refused);
  g_test_add_func ("/cli/dates/incident-date-refused", test_date_incident_refused);
  g_test_add_func ("/cli/dates/set-refused", test_date_set_refused);
  g_test_add_func ("/cli/dates/published-refused", test_date_published_refused);
  g_test_add_func ("/cli/dates/event-date-refused", test_date_event_refused);
  g_test_add_func ("/cli/dates/valid-accepted", test_date_valid_accepted);
  g_test_add_func ("/cli/example-case", test_example_case);

  return g_test_run ();
}
