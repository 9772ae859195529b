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

/* --- the tests --------------------------------------------------------------------- */

static void
test_new_info_shows_fields (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) info = NULL;

  cf_test_cli_case_init (&f);
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
}

static void
test_new_info_plain (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Port fire", "--analyst", "Ana Lyst");
  cf_test_run_ok (&run, "info", f.case_path);
  g_assert_nonnull (strstr (run.out, "Port fire"));
  g_assert_nonnull (strstr (run.out, "Ana Lyst"));
}

static void
test_new_over_existing_file_refused (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Port fire");
  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_cli (&run, "new", f.case_path, "--title", "Again");
  cf_test_assert_cli_error (&run, 1);
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_new_without_title_is_usage_error (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f);
  cf_test_run_cli (&run, "new", f.case_path, "--summary", "x");
  cf_test_assert_cli_error (&run, 2);
  g_assert_false (g_file_test (f.case_path, G_FILE_TEST_EXISTS));
}

static void
test_set_case_fields (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) info = NULL;

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Port fire", "--analyst", "Ana Lyst");
  cf_test_run_ok (&run, "set", f.case_path, "summary", "Two explosions at the depot.");
  cf_test_run_ok (&run, "set", f.case_path, "title", "Depot blast");
  cf_test_run_ok (&run, "set", f.case_path, "analyst", "");
  cf_test_run_ok (&run, "info", f.case_path, "--json");
  info = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (info, "summary"), ==,
                   "Two explosions at the depot.");
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Depot blast");
  g_assert_true (json_object_get_null_member (info, "analyst"));
}

static void
test_set_document_field (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  cf_test_cli_case_init (&f);
  document_id = cf_test_cli_case_with_document (&f);
  cf_test_run_ok (&run, "set", f.case_path, "--document", document_id, "publisher",
                  "River Gazette");
  cf_test_run_ok (&run, "list", f.case_path, "documents", "--json");
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "publisher"), ==,
                   "River Gazette");
}

static void
test_set_unknown_field_lists_fields (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Port fire");
  cf_test_run_cli (&run, "set", f.case_path, "colour", "blue");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "incident_date"));
}

static void
test_set_empty_title_refused (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Port fire");
  cf_test_run_cli (&run, "set", f.case_path, "title", "");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_import_failed_file_named_others_imported (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *text_path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *listed;

  cf_test_cli_case_init (&f);
  text_path = cf_test_write_file (f.dir, "depot.txt", cf_test_depot_text, -1);
  missing = g_build_filename (f.dir, "no-such-file.html", NULL);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "River depot fire");

  cf_test_run_cli (&run, "import", f.case_path, missing, text_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-file.html"));
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);
  listed = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "path"), ==, text_path);
  g_assert_cmpint (json_object_get_int_member (listed, "length"), >, 100);
}

/* An empty file name (a script's unset variable) is named as such, not taken for
 * the current folder, by every command that takes a file. */
static void
test_empty_file_name_explained (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "River depot fire");

  cf_test_run_cli (&run, "info", "");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the file name is empty"));

  cf_test_run_cli (&run, "new", "", "--title", "Nowhere");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "the file name is empty"));

  cf_test_run_cli (&run, "import", f.case_path, "");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The file name is empty"));

  cf_test_run_cli (&run, "extract", "");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“”: The file name is empty"));

  /* nothing was imported into the case */
  cf_test_run_ok (&run, "list", f.case_path, "documents");
  g_assert_cmpstr (g_strstrip (run.out), ==, "ID  Claims  Published  Publisher  Title");
}

static void
test_import_text_from_stdin (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) listed = NULL;

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "River depot fire");
  cf_test_run_cli_input (&run, "Statement of the depot owner.\n\nWe stored only timber.",
                         "import", f.case_path, "--text", "Owner statement");
  g_assert_cmpint (run.status, ==, 0);
  listed = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (listed, "title"), ==, "Owner statement");
  cf_test_run_ok (&run, "list", f.case_path, "documents");
  g_assert_nonnull (strstr (run.out, "Owner statement"));
}

/* What the user says about a source wins over what the extractor found. */
static void
test_import_given_metadata_wins (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *text_path = NULL;
  g_autoptr(JsonObject) listed = NULL;

  cf_test_cli_case_init (&f);
  text_path = cf_test_write_file (f.dir, "depot.txt", cf_test_depot_text, -1);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "River depot fire");
  cf_test_run_ok (&run, "import", f.case_path, text_path, "--title", "Depot blast report",
                  "--publisher", "River Gazette", "--published", "2026-03-15",
                  "--url", "https://gazette.example/depot");
  listed = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (listed, "title"), ==, "Depot blast report");
  g_assert_cmpstr (json_object_get_string_member (listed, "publisher"), ==, "River Gazette");
  g_assert_cmpstr (json_object_get_string_member (listed, "published"), ==, "2026-03-15");
  g_assert_cmpstr (json_object_get_string_member (listed, "url"), ==,
                   "https://gazette.example/depot");
  cf_test_run_ok (&run, "list", f.case_path, "documents");
  g_assert_nonnull (strstr (run.out, "River Gazette"));
  cf_test_run_ok (&run, "check", f.case_path);
}

static void
test_import_metadata_for_two_files_refused (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *text_path = NULL;

  cf_test_cli_case_init (&f);
  text_path = cf_test_write_file (f.dir, "depot.txt", cf_test_depot_text, -1);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "River depot fire");
  cf_test_run_cli (&run, "import", f.case_path, text_path, text_path, "--title", "Both");
  cf_test_assert_cli_error (&run, 2);
}

/* Imports @path into a new case, quotes @quote from its stored text, rates the claim
 * B2 and checks that the claim is listed and the file sound. */
static void
import_quote_and_rate (CfTestCliCase *f,
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
  g_auto(CfTestCliCase) f = { 0 };
  g_autofree char *article = cf_test_fixture_path ("article.html");

  cf_test_cli_case_init (&f);
  import_quote_and_rate (&f, article,
                         "the blasts were probably caused by two small drones",
                         "Regional security council");
}

/* The real seed article, when the shared folder is beside the clone. */
static void
test_seed_article (void)
{
  g_auto(CfTestCliCase) f = { 0 };
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
  cf_test_cli_case_init (&f);
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

/* A case with one of everything: tag, hypothesis, rated and related claim, note. */
static void
make_full_case (CfTestCliCase *f)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = cf_test_cli_case_with_document (f);
  g_autofree char *claim_id = NULL;

  cf_test_run_ok (&run, "tag", "add", f->case_path, "Attack");
  cf_test_run_ok (&run, "hypothesis", "add", f->case_path, "Drone attack");
  claim_id = cf_test_cli_add_claim (f, document_id, "two loud explosions");
  cf_test_run_ok (&run, "claim", "tag", f->case_path, claim_id, "Attack");
  cf_test_run_ok (&run, "claim", "rate", f->case_path, claim_id, "--actor", "Harbour master");
  cf_test_run_ok (&run, "claim", "relate", f->case_path, claim_id, "1", "consistent");
  cf_test_run_ok (&run, "note", "add", f->case_path, "A case note.");
}

static void
test_export_has_every_record (void)
{
  const char *members[] = { "documents", "claims", "tags", "notes", "hypotheses", "actors" };
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) root = NULL;

  cf_test_cli_case_init (&f);
  make_full_case (&f);
  cf_test_run_ok (&run, "export", f.case_path, "--json");
  /* pretty-printed: more than one line */
  g_assert_nonnull (strchr (g_strstrip (run.out), '\n'));
  root = cf_test_parse_object (run.out);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_test_message ("export has %s", members[i]);
      g_assert_true (json_object_has_member (root, members[i]));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, members[i])),
                        >=, 1);
    }
  g_assert_true (json_object_has_member (root, "case"));
  g_assert_nonnull (strstr (run.out, "River depot fire"));
  g_assert_nonnull (strstr (run.out, "two loud explosions"));
  g_assert_nonnull (strstr (run.out, "A case note."));
  g_assert_nonnull (strstr (run.out, "timber and diesel"));
}

static void
test_export_to_file (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *out_path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  cf_test_cli_case_init (&f);
  make_full_case (&f);
  out_path = g_build_filename (f.dir, "export.json", NULL);
  cf_test_run_ok (&run, "export", f.case_path, "--json", "-o", out_path);
  g_assert_cmpstr (run.out, ==, "");
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  root = cf_test_parse_object (written);
  g_assert_true (json_object_has_member (root, "claims"));
}

static void
test_export_without_format_is_usage_error (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Export");
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
make_sound_case (CfTestCliCase *f)
{
  g_autofree char *document_id = cf_test_cli_case_with_document (f);
  g_autofree char *claim_id = cf_test_cli_add_claim (f, document_id, "two loud explosions");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (claim_id);
  g_assert_true (g_file_get_contents (f->case_path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_check_good (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
  bytes = make_sound_case (&f);

  before = cf_test_snapshot_take (f.case_path);
  cf_test_run_ok (&run, "check", f.case_path);
  g_assert_cmpstr (run.err, ==, "");
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

/* Each kind of file that is not a sound case file, made in @f's folder. */
typedef char *(*MakeBadFile) (CfTestCliCase *f);

static char *
make_missing (CfTestCliCase *f)
{
  return g_build_filename (f->dir, "missing.casefile", NULL);
}

static char *
make_folder (CfTestCliCase *f)
{
  char *folder = g_build_filename (f->dir, "folder.casefile", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  return folder;
}

static char *
make_empty (CfTestCliCase *f)
{
  return cf_test_write_file (f->dir, "empty.casefile", "", 0);
}

static char *
make_text (CfTestCliCase *f)
{
  return cf_test_write_file (f->dir, "text.casefile", cf_test_depot_text, -1);
}

/* a plain SQLite database of someone else's */
static char *
make_foreign (CfTestCliCase *f)
{
  char *foreign = g_build_filename (f->dir, "foreign.casefile", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE birds (name TEXT, wings INTEGER);"
                                     "INSERT INTO birds VALUES ('heron', 2);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return foreign;
}

static char *
make_truncated (CfTestCliCase *f)
{
  g_autoptr(GBytes) sound = make_sound_case (f);
  gsize size;
  const char *data = g_bytes_get_data (sound, &size);

  return cf_test_write_file (f->dir, "truncated.casefile", data, size / 2);
}

/* flips the first byte of the middle page: its b-tree page type */
static char *
make_flipped (CfTestCliCase *f)
{
  g_autoptr(GBytes) sound = make_sound_case (f);
  g_autofree guint8 *copy = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (sound, &size);
  guint page_size = (data[16] << 8) | data[17];
  guint n_pages;

  if (page_size == 1)
    page_size = 65536;
  n_pages = size / page_size;
  g_assert_cmpuint (n_pages, >=, 3);
  copy = g_memdup2 (data, size);
  copy[(gsize) (n_pages / 2) * page_size] ^= 0xff;
  return cf_test_write_file (f->dir, "flipped.casefile", (const char *) copy, size);
}

static const struct
{
  const char  *path;
  MakeBadFile  make;
} bad_files[] = {
  { "/cli/bad-file/missing", make_missing },
  { "/cli/bad-file/folder", make_folder },
  { "/cli/bad-file/empty", make_empty },
  { "/cli/bad-file/text", make_text },
  { "/cli/bad-file/foreign-sqlite", make_foreign },
  { "/cli/bad-file/truncated", make_truncated },
  { "/cli/bad-file/flipped-page-type", make_flipped },
};

/* check, list, info and claim add refuse the file, name it and leave it alone. */
static void
test_bad_file_refused (gconstpointer data)
{
  MakeBadFile make = data;
  g_auto(CfTestCliCase) f = { 0 };
  g_autofree char *path = NULL;
  gboolean existed;

  cf_test_cli_case_init (&f);
  path = make (&f);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  assert_refused (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == existed);
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
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
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
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) note = NULL;

  cf_test_cli_case_init (&f);
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
  g_auto(CfTestCliCase) f = { 0 };

  cf_test_cli_case_init (&f);
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
  g_auto(CfTestCliCase) f = { 0 };
  g_autofree char *document_id = NULL;
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
  document_id = cf_test_cli_case_with_document (&f);
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
  g_auto(CfTestCliCase) f = { 0 };
  g_autofree char *text_path = NULL;
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
  text_path = cf_test_write_file (f.dir, "depot.txt", cf_test_depot_text, -1);
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
  g_auto(CfTestCliCase) f = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
  document_id = cf_test_cli_case_with_document (&f);
  claim_id = cf_test_cli_add_claim (&f, document_id, "two loud explosions");
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
  g_auto(CfTestCliCase) f = { 0 };
  g_autofree char *document_id = NULL;
  g_autofree char *claim_id = NULL;

  cf_test_cli_case_init (&f);
  document_id = cf_test_cli_case_with_document (&f);
  claim_id = cf_test_cli_add_claim (&f, document_id, "two loud explosions");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto(CfTestRun) run = { 0 };
      g_autoptr(JsonObject) claim = NULL;

      cf_test_run_ok (&run, "set", f.case_path, "incident_date", good[i]);
      cf_test_run_ok (&run, "set", f.case_path, "--document", document_id, "published", good[i]);
      cf_test_run_ok (&run, "claim", "rate", f.case_path, claim_id, "--event-date", good[i]);
      claim = cf_test_parse_object (run.out);
      /* a date is kept as given; a date and time as its local time to the minute
       * (its zone or offset goes with it, see test-cli-timeline) */
      if (strchr (good[i], 'T') == NULL)
        g_assert_cmpstr (json_object_get_string_member (claim, "event_date"), ==, good[i]);
      else
        {
          g_autofree char *minute = g_strndup (good[i], strlen ("2026-03-14T09:30"));

          g_assert_cmpstr (json_object_get_string_member (claim, "event_date"), ==, minute);
        }
    }
}

static void
test_usage_unknown_command (void)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_cli (&run, "frobnicate", "x.casefile");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  cf_test_run_cli (&run, "help", "frobnicate");
  cf_test_assert_cli_error (&run, 2);
}

static void
test_usage_unknown_list (void)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_cli (&run, "list", "x.casefile", "bananas");
  cf_test_assert_cli_error (&run, 2);
}

/* An unknown rating names the valid ones and changes nothing. */
static void
test_usage_unknown_rating_lists_valid (void)
{
  const struct { const char *option; const char *value; const char *listed; } ratings[] = {
    { "--reliability", "Q", "A, B, C, D, E, F" },
    { "--credibility", "9", "1, 2, 3" },
    { "--likelihood", "perhaps", "likely" },
  };
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *document_id = NULL;
  CfTestSnapshot before;

  cf_test_cli_case_init (&f);
  document_id = cf_test_cli_case_with_document (&f);
  before = cf_test_snapshot_take (f.case_path);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", document_id,
                       "--quote", "fire", ratings[i].option, ratings[i].value);
      cf_test_assert_cli_error (&run, 2);
      g_assert_nonnull (strstr (run.err, ratings[i].listed));
    }
  cf_test_run_cli (&run, "hypothesis", "add", f.case_path, "H", "--confidence", "total");
  cf_test_assert_cli_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "moderate"));
  cf_test_snapshot_assert_unchanged (f.case_path, &before);
}

static void
test_usage_id_not_a_number (void)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_cli (&run, "claim", "rate", "x.casefile", "seven", "--reliability", "A");
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

  g_test_add_func ("/cli/new/info-shows-fields", test_new_info_shows_fields);
  g_test_add_func ("/cli/empty-file-name-explained", test_empty_file_name_explained);
  g_test_add_func ("/cli/new/info-plain", test_new_info_plain);
  g_test_add_func ("/cli/new/over-existing-file-refused", test_new_over_existing_file_refused);
  g_test_add_func ("/cli/new/without-title-is-usage-error", test_new_without_title_is_usage_error);
  g_test_add_func ("/cli/set/case-fields", test_set_case_fields);
  g_test_add_func ("/cli/set/document-field", test_set_document_field);
  g_test_add_func ("/cli/set/unknown-field-lists-fields", test_set_unknown_field_lists_fields);
  g_test_add_func ("/cli/set/empty-title-refused", test_set_empty_title_refused);
  g_test_add_func ("/cli/import/failed-file-named-others-imported",
                   test_import_failed_file_named_others_imported);
  g_test_add_func ("/cli/import/text-from-stdin", test_import_text_from_stdin);
  g_test_add_func ("/cli/import/given-metadata-wins", test_import_given_metadata_wins);
  g_test_add_func ("/cli/import/metadata-for-two-files-refused",
                   test_import_metadata_for_two_files_refused);
  g_test_add_func ("/cli/article/import-quote-rate", test_article_import_quote_rate);
  g_test_add_func ("/cli/seed-article", test_seed_article);
  g_test_add_func ("/cli/export/has-every-record", test_export_has_every_record);
  g_test_add_func ("/cli/export/to-file", test_export_to_file);
  g_test_add_func ("/cli/export/without-format-is-usage-error",
                   test_export_without_format_is_usage_error);
  g_test_add_func ("/cli/check-good", test_check_good);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    g_test_add_data_func (bad_files[i].path, bad_files[i].make, test_bad_file_refused);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage/unknown-command", test_usage_unknown_command);
  g_test_add_func ("/cli/usage/unknown-list", test_usage_unknown_list);
  g_test_add_func ("/cli/usage/unknown-rating-lists-valid", test_usage_unknown_rating_lists_valid);
  g_test_add_func ("/cli/usage/id-not-a-number", test_usage_id_not_a_number);
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
