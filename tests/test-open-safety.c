/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What opening a case file refuses, and how a file of the older format is brought
 * up to date (issue 10, section 1 and "Format"): anything added to the schema, even
 * under a name SQLite reserves for its statistics (sqlite_stat...), is refused by
 * open and by `casefile-cli check` without a byte of the file changing; a version-1
 * file is never opened or upgraded silently, every command names `casefile-cli
 * upgrade`, and that command upgrades it, keeping the old file as a backup. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-case.h"
#include "cf-test-util.h"

/* A sound version-2 case with a claim and a note, closed, at a fresh path. */
static char *
make_case (const char *name)
{
  g_autoptr(CfCase) kase = cf_test_new_case (name);
  g_autoptr(GError) error = NULL;
  gint64 document = cf_test_add_sample_document (kase);
  gint64 claim = cf_case_add_claim (kase, document, 0, 5, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (claim, >, 0);
  g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_CASE, 0, "Call the wire.", &error), >, 0);
  g_assert_no_error (error);
  cf_case_close (kase);
  return g_strdup (cf_case_get_path (kase));
}

/* Runs @sql on @path with plain SQLite, as someone crafting a file would. */
static void
craft (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_open_refused (const char *path,
                     gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

  g_assert_error (error, CF_CASE_ERROR, code);
  g_assert_null (kase);
  g_clear_error (&error);
  kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_error (error, CF_CASE_ERROR, code);
  g_assert_null (kase);
}

/* --- the schema check --------------------------------------------------------------- */

/* Each was let through by a `LIKE 'sqlite\_stat%'` exemption. */
static const char *stat_named[] = {
  /* re-rates every claim on the next note */
  "CREATE TRIGGER sqlite_stat_x AFTER INSERT ON notes BEGIN "
  "  UPDATE claims SET reliability = 'A', credibility = 1; END;",
  "CREATE INDEX sqlite_stat_i ON notes (body);",
  "CREATE TABLE sqlite_stat9 (x);",
};

static void
test_stat_named_additions_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (stat_named); i++)
    {
      g_autofree char *name = g_strdup_printf ("stat-%u.casefile", i);
      g_autofree char *path = make_case (name);
      g_autofree char *sql = g_strconcat ("PRAGMA writable_schema = ON;", stat_named[i], NULL);
      g_auto(CfTestRun) run = { 0 };
      CfTestSnapshot before;

      craft (path, sql);
      before = cf_test_snapshot_take (path);

      assert_open_refused (path, CF_CASE_ERROR_DAMAGED);
      cf_test_run_cli (&run, "check", path);
      cf_test_assert_cli_error (&run, 1);
      g_assert_nonnull (strstr (run.err, "altered"));
      cf_test_run_cli (&run, "note", "add", path, "Hello");
      cf_test_assert_cli_error (&run, 1);

      cf_test_snapshot_assert_unchanged (path, &before);
      g_assert_false (cf_test_side_file_exists (path, "-journal"));
    }
}

/* The statistics SQLite itself keeps (ANALYZE) are the one thing allowed beside our
 * schema, with their exact definitions. */
static void
test_statistics_tables_allowed (void)
{
  g_autofree char *path = make_case ("analyzed.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  craft (path, "ANALYZE;");
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cf_test_assert_case_sound (kase);
}

/* --- a version-1 file ------------------------------------------------------------- */

static char *
copy_v1_fixture (const char *name)
{
  g_autofree char *fixture = cf_test_fixture_path ("v1-case.casefile");
  g_autoptr(GBytes) bytes = cf_test_read_bytes (fixture);
  char *path = cf_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_v1_needs_upgrade (void)
{
  g_autofree char *path = copy_v1_fixture ("old.casefile");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  CfTestSnapshot before = cf_test_snapshot_take (path);
  guint entries = count_entries (dir);

  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE);
  g_assert_null (kase);
  /* the message says what to do, in both places it can be done */
  g_assert_nonnull (strstr (error->message, "older version of Casefile"));
  g_assert_nonnull (strstr (error->message, "casefile-cli upgrade"));
  g_assert_nonnull (strstr (error->message, "Upgrade"));

  assert_open_refused (path, CF_CASE_ERROR_NEEDS_UPGRADE);
  /* never written, never upgraded on the way: no backup, no journal */
  cf_test_snapshot_assert_unchanged (path, &before);
  g_assert_cmpuint (count_entries (dir), ==, entries);
}

static void
test_cli_commands_name_the_upgrade (void)
{
  g_autofree char *path = copy_v1_fixture ("old.casefile");
  CfTestSnapshot before = cf_test_snapshot_take (path);
  /* "@" stands for the case */
  const char *commands[][7] = {
    { "info", "@" }, { "list", "@", "documents" }, { "check", "@" },
    { "export", "@", "--json" }, { "note", "add", "@", "Hello" },
    { "claim", "add", "@", "--document", "1", "--quote", "a drone" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CfTestRun) run = { 0 };
      const char *args[G_N_ELEMENTS (commands[0]) + 1] = { NULL };

      for (guint j = 0; j < G_N_ELEMENTS (commands[i]) && commands[i][j] != NULL; j++)
        args[j] = g_str_equal (commands[i][j], "@") ? path : commands[i][j];
      cf_test_run_cliv (&run, NULL, args);
      cf_test_assert_cli_error (&run, 1);
      g_assert_nonnull (strstr (run.err, "casefile-cli upgrade"));
    }
  cf_test_snapshot_assert_unchanged (path, &before);
}

static void
test_cli_upgrade (void)
{
  g_autofree char *path = copy_v1_fixture ("old.casefile");
  g_autofree char *backup = cf_test_tmp_path ("old.v1-backup.casefile");
  g_autoptr(GBytes) old = cf_test_read_bytes (path);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot upgraded;

  cf_test_run_ok (&run, "upgrade", path);
  /* the backup's path is printed, and it holds the old file byte for byte */
  g_assert_nonnull (strstr (run.out, backup));
  kept = cf_test_read_bytes (backup);
  g_assert_true (g_bytes_equal (kept, old));

  cf_test_run_ok (&run, "info", "--json", path);
  info = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Depot strike");
  g_assert_cmpint (json_object_get_int_member (info, "documents"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (info, "claims"), ==, 2);
  g_assert_cmpuint (strlen (json_object_get_string_member (info, "case_id")), ==, 32);
  cf_test_run_ok (&run, "check", path);

  /* a second upgrade has nothing to do and leaves everything alone */
  upgraded = cf_test_snapshot_take (path);
  cf_test_run_ok (&run, "upgrade", path);
  g_assert_nonnull (strstr (run.out, "already"));
  cf_test_snapshot_assert_unchanged (path, &upgraded);
}

static void
test_cli_upgrade_refuses (void)
{
  g_autofree char *text = cf_test_tmp_path ("notes.casefile");
  g_autofree char *newer = cf_test_tmp_path ("newer.casefile");
  g_autofree char *missing = cf_test_tmp_path ("missing.casefile");
  g_autofree char *dir = g_path_get_dirname (text);
  g_autofree char *source = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot before_text, before_newer;
  guint entries;
  gsize size;

  g_assert_true (g_file_set_contents (text, "not a case", -1, NULL));
  source = make_case ("newer-source.casefile");
  bytes = cf_test_read_bytes (source);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  data[63] = 99;   /* user_version, big-endian at offset 60 */
  g_assert_true (g_file_set_contents (newer, (const char *) data, size, NULL));
  before_text = cf_test_snapshot_take (text);
  before_newer = cf_test_snapshot_take (newer);
  entries = count_entries (dir);

  cf_test_run_cli (&run, "upgrade", text);
  cf_test_assert_cli_error (&run, 1);
  g_assert_nonnull (strstr (run.err, "not a Casefile case file"));
  cf_test_run_cli (&run, "upgrade", newer);
  cf_test_assert_cli_error (&run, 1);
  g_assert_nonnull (strstr (run.err, "newer version"));
  cf_test_run_cli (&run, "upgrade", missing);
  cf_test_assert_cli_error (&run, 1);
  cf_test_run_cli (&run, "upgrade");
  cf_test_assert_cli_error (&run, 2);

  cf_test_snapshot_assert_unchanged (text, &before_text);
  cf_test_snapshot_assert_unchanged (newer, &before_newer);
  g_assert_cmpuint (count_entries (dir), ==, entries);
}

static void
test_cli_upgrade_help (void)
{
  g_auto(CfTestRun) run = { 0 };

  cf_test_run_ok (&run, "upgrade", "--help");
  g_assert_nonnull (strstr (run.out, "casefile-cli upgrade"));
  g_assert_nonnull (strstr (run.out, "backup"));
  cf_test_run_ok (&run, "--help");
  g_assert_nonnull (strstr (run.out, "upgrade"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/open-safety/schema/stat-named-additions-refused", test_stat_named_additions_refused);
  g_test_add_func ("/open-safety/schema/statistics-tables-allowed", test_statistics_tables_allowed);
  g_test_add_func ("/open-safety/v1/needs-upgrade", test_v1_needs_upgrade);
  g_test_add_func ("/open-safety/v1/cli-commands-name-the-upgrade", test_cli_commands_name_the_upgrade);
  g_test_add_func ("/open-safety/v1/cli-upgrade", test_cli_upgrade);
  g_test_add_func ("/open-safety/v1/cli-upgrade-refuses", test_cli_upgrade_refuses);
  g_test_add_func ("/open-safety/v1/cli-upgrade-help", test_cli_upgrade_help);

  return g_test_run ();
}
