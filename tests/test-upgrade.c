/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The format upgrade (cf-case-upgrade.c) as a user meets it: a version-1 case (a
 * checked-in fixture) becomes version 2 with every record kept, each original stored
 * once, ids that are never reused and an identity of its own; a version-2 case becomes
 * version 3 (five-point relations, event precisions, prefix search, the same ids
 * never handed out again), and version 1 reaches 3 in one go; the old file stays
 * beside it as a backup; a file from a newer version, an altered file or one with a
 * journal is refused and left alone; and under injected I/O faults every failed
 * upgrade leaves the old file byte for byte as it was. The fault VFS here is a small
 * one of our own (tests/test-faults.c keeps its shim to itself). */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-case-schema.h"
#include "cf-case-upgrade-private.h"
#include "cf-test-util.h"

/* --- files ------------------------------------------------------------------------ */

/* isolated per test by G_TEST_OPTION_ISOLATE_DIRS */
static char *
tmp_path (const char *name)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) now = cf_test_read_bytes (path);

  g_assert_true (g_bytes_equal (now, expected));
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted, one string. */
static char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = cf_test_read_bytes (from);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* --- reading both versions with plain SQLite --------------------------------------- */

static int
append_row_cb (void  *user_data,
               int    n_columns,
               char **values,
               char **names)
{
  GString *out = user_data;

  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s|", values[i] != NULL ? values[i] : "NULL");
  g_string_append_c (out, '\n');
  return 0;
}

static char *
rows (const char *path,
      const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, append_row_cb, out, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count (const char *path,
       const char *sql)
{
  g_autofree char *text = rows (path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* --- a version-1 case -------------------------------------------------------------
 * tests/fixtures/v1-case.casefile, made by the last store that wrote version 1: three
 * feed items sharing one original, a pasted text, rated and tagged claims, notes, a
 * hypothesis with a relation, and a deleted claim (the one whose id version 1 would
 * hand out again). */

static void
make_v1_case (const char *path)
{
  g_autofree char *fixture = cf_test_fixture_path ("v1-case.casefile");

  copy_file (fixture, path);
  g_assert_cmpint (count (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM documents"), ==, 4);
}

/* What both versions hold in the same columns. */
static const char *common_queries[] = {
  "SELECT id, title, summary, incident_date, marking, analyst, created, modified FROM case_info",
  "SELECT id, title, byline, publisher, url, published, imported, language, media_type, "
  "  filename, note, text, text_length FROM documents ORDER BY id",
  "SELECT * FROM actors ORDER BY id",
  "SELECT * FROM claims ORDER BY id",
  "SELECT * FROM tags ORDER BY id",
  "SELECT * FROM claim_tags ORDER BY 1, 2",
  "SELECT * FROM notes ORDER BY id",
  "SELECT * FROM hypotheses ORDER BY id",
  "SELECT * FROM claim_hypotheses ORDER BY 1, 2",
};

static void
assert_same_records (const char *v1_path,
                     const char *v2_path)
{
  g_autofree char *v1_log = NULL;
  g_autofree char *v2_log = NULL;
  g_autofree char *v1_originals = NULL;
  g_autofree char *v2_originals = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (common_queries); i++)
    {
      g_autofree char *before = rows (v1_path, common_queries[i]);
      g_autofree char *after = rows (v2_path, common_queries[i]);

      g_assert_cmpstr (after, ==, before);
    }

  /* every document still reaches the very bytes it was extracted from */
  v1_originals = rows (v1_path, "SELECT id, hex (original) FROM documents ORDER BY id");
  v2_originals = rows (v2_path, "SELECT d.id, hex (o.bytes) FROM documents d "
                                "JOIN originals o ON o.id = d.original_id ORDER BY d.id");
  g_assert_cmpstr (v2_originals, ==, v1_originals);

  /* the change log keeps its entries and says the file was upgraded */
  v1_log = rows (v1_path, "SELECT id, at, summary, detail FROM change_log ORDER BY id");
  v2_log = rows (v2_path, "SELECT id, at, summary, detail FROM change_log ORDER BY id");
  g_assert_true (g_str_has_prefix (v2_log, v1_log));
  g_assert_nonnull (strstr (v2_log + strlen (v1_log), "format 2"));
}

/* The store's own checks of a file of @version, as open will make them. */
static void
assert_sound (const char *path,
              guint       version)
{
  g_autofree char *expected_version = g_strdup_printf ("%u|\n", version);
  g_autofree char *version_row = rows (path, "PRAGMA user_version");
  g_autofree char *check = rows (path, "PRAGMA integrity_check");
  g_autofree char *keys = rows (path, "PRAGMA foreign_key_check");
  g_autofree char *search = rows (path, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'drone'");

  g_assert_cmpstr (version_row, ==, expected_version);
  g_assert_cmpstr (check, ==, "ok|\n");
  g_assert_cmpstr (keys, ==, "");
  /* the search indexes were filled again */
  g_assert_cmpstr (search, ==, "1|\n");
}

static void
assert_sound_v2 (const char *path)
{
  assert_sound (path, 2);
}

static char *
upgrade_to (const char *path,
            guint       from_version,
            guint       to_version)
{
  g_autoptr(GError) error = NULL;
  char *backup = NULL;
  guint from = 0;

  gboolean ok = _cf_case_upgrade_file_to (path, to_version, &from, &backup, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (from, ==, from_version);
  g_assert_nonnull (backup);
  return backup;
}

static char *
upgrade_ok (const char *path)
{
  return upgrade_to (path, 1, 2);
}

/* --- version 2 to 3 ----------------------------------------------------------------
 * tests/fixtures/v2-case.casefile, made by the last store that wrote version 2 (the
 * version-1 fixture upgraded, then given a second hypothesis, relations of all three
 * kinds and event dates of each form that version took). */

static void
make_v2_case (const char *path)
{
  g_autofree char *fixture = cf_test_fixture_path ("v2-case.casefile");

  copy_file (fixture, path);
  g_assert_cmpint (count (path, "PRAGMA user_version"), ==, 2);
}

/* What versions 2 and 3 hold in the same columns. */
static const char *common_queries_v2_v3[] = {
  "SELECT id, case_id, title, summary, incident_date, marking, analyst, created, modified FROM case_info",
  "SELECT id, sha256, media_type, hex (bytes) FROM originals ORDER BY id",
  "SELECT id, title, byline, publisher, url, published, imported, language, media_type, "
  "  filename, note, original_id, original_start, original_end, text, text_length FROM documents ORDER BY id",
  "SELECT id, name, description FROM actors ORDER BY id",
  "SELECT id, document_id, start_offset, end_offset, quote, prefix, suffix, paraphrase, actor_id, "
  "  reliability, credibility, likelihood, confidence, event_date, created, modified FROM claims ORDER BY id",
  "SELECT * FROM tags ORDER BY id",
  "SELECT * FROM claim_tags ORDER BY 1, 2",
  "SELECT * FROM notes ORDER BY id",
  "SELECT * FROM hypotheses ORDER BY id",
  "SELECT claim_id, hypothesis_id FROM claim_hypotheses ORDER BY 1, 2",
};

static void
assert_same_records_v2_v3 (const char *v2_path,
                           const char *v3_path)
{
  g_autofree char *v2_log = rows (v2_path, "SELECT id, at, summary, detail FROM change_log ORDER BY id");
  g_autofree char *v3_log = rows (v3_path, "SELECT id, at, summary, detail FROM change_log ORDER BY id");

  for (guint i = 0; i < G_N_ELEMENTS (common_queries_v2_v3); i++)
    {
      g_autofree char *before = rows (v2_path, common_queries_v2_v3[i]);
      g_autofree char *after = rows (v3_path, common_queries_v2_v3[i]);

      g_assert_cmpstr (after, ==, before);
    }
  g_assert_true (g_str_has_prefix (v3_log, v2_log));
  g_assert_nonnull (strstr (v3_log + strlen (v2_log), "format 3"));
  /* every claim is a quote, as every claim of version 2 was */
  g_assert_cmpint (count (v3_path, "SELECT count (*) FROM claims WHERE kind <> 'quote'"), ==, 0);
}

static void
test_v3_keeps_every_record (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;

  make_v2_case (path);
  backup = upgrade_to (path, 2, 3);
  assert_sound (path, 3);
  assert_same_records_v2_v3 (backup, path);
}

static void
test_v3_maps_relations (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_v2_case (path);
  before = rows (path, "SELECT claim_id, hypothesis_id, relation FROM claim_hypotheses ORDER BY 1, 2");
  g_assert_cmpstr (before, ==, "1|1|consistent|\n1|2|consistent|\n2|1|inconsistent|\n2|2|neutral|\n");
  backup = upgrade_to (path, 2, 3);
  after = rows (path, "SELECT claim_id, hypothesis_id, relation FROM claim_hypotheses ORDER BY 1, 2");
  g_assert_cmpstr (after, ==, "1|1|C|\n1|2|C|\n2|1|I|\n2|2|N|\n");

  /* and the store reads them as the same judgments */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cf_case_get_claim_relation (kase, 1, 1), ==, CF_RELATION_CONSISTENT);
    g_assert_cmpint (cf_case_get_claim_relation (kase, 2, 1), ==, CF_RELATION_INCONSISTENT);
    g_assert_cmpint (cf_case_get_claim_relation (kase, 2, 2), ==, CF_RELATION_NEUTRAL);
  }
}

static void
test_v3_event_precision (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;
  g_autofree char *dates = NULL;

  make_v2_case (path);
  backup = upgrade_to (path, 2, 3);
  dates = rows (path, "SELECT id, event_date, event_precision, event_end, event_timezone, "
                      "event_approximate FROM claims ORDER BY id");
  /* the text as it was, with the precision its form states */
  g_assert_cmpstr (dates, ==,
                   "1|2023-05-03|day|NULL|NULL|0|\n"
                   "2|2023-05|month|NULL|NULL|0|\n"
                   "3|2023-05-03T02:30:00Z|minute|NULL|NULL|0|\n");
}

static void
test_v3_never_reuses_ids (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;
  g_autofree char *sequence_before = NULL;
  g_autofree char *sequence_after = NULL;
  sqlite3 *db = NULL;

  make_v2_case (path);
  /* a claim deleted in version 2: its id stays used */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DELETE FROM claims WHERE id = 3;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sequence_before = rows (path, "SELECT name, seq FROM sqlite_sequence "
                                    "WHERE name <> 'change_log' ORDER BY name");
  backup = upgrade_to (path, 2, 3);
  sequence_after = rows (path, "SELECT name, seq FROM sqlite_sequence "
                                    "WHERE name <> 'change_log' ORDER BY name");
  g_assert_cmpstr (sequence_after, ==, sequence_before);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO claims (document_id, start_offset, end_offset, quote, "
                                 "  created, modified) VALUES (1, 0, 9, 'Officials', 'now', 'now');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_last_insert_rowid (db), ==, 4);
  sqlite3_close (db);
}

static void
test_v3_searches_by_prefix (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;
  g_autofree char *found = NULL;
  g_autofree char *options = NULL;

  make_v2_case (path);
  backup = upgrade_to (path, 2, 3);
  options = rows (path, "SELECT sql FROM sqlite_schema WHERE name = 'claims_fts'");
  g_assert_nonnull (strstr (options, "prefix='2 3'"));
  found = rows (path, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'dro*' ORDER BY rowid");
  g_assert_cmpstr (found, ==, "1|\n");
}

static void
test_v1_to_v3_opens (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *v1 = tmp_path ("pristine.casefile");
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  make_v1_case (path);
  copy_file (path, v1);
  backup = upgrade_to (path, 1, CF_SCHEMA_VERSION);
  g_assert_cmpstr (strstr (backup, ".v1-backup"), !=, NULL);
  assert_sound (path, CF_SCHEMA_VERSION);
  g_assert_cmpint (count (path, "SELECT count (*) FROM claims"), ==, count (v1, "SELECT count (*) FROM claims"));
  g_assert_cmpint (count (path, "SELECT count (*) FROM claim_hypotheses WHERE relation = 'C'"), ==, 1);

  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Depot strike");
}

/* --- tests -------------------------------------------------------------------------- */

static void
test_keeps_every_record (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;

  make_v1_case (path);
  backup = upgrade_ok (path);
  assert_sound_v2 (path);
  assert_same_records (backup, path);
}

static void
test_stores_each_original_once (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;

  make_v1_case (path);
  g_assert_cmpint (count (path, "SELECT count (*) FROM documents"), ==, 4);
  backup = upgrade_ok (path);

  /* three feed items share the feed's bytes; the pasted text has its own */
  g_assert_cmpint (count (path, "SELECT count (*) FROM originals"), ==, 2);
  g_assert_cmpint (count (path, "SELECT count (DISTINCT original_id) FROM documents "
                                "WHERE title = 'Item'"), ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM originals "
                                "WHERE sha256 = lower (sha256) AND length (sha256) = 64"), ==, 2);
}

static void
test_never_reuses_ids (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *backup = NULL;
  g_autofree char *tables = NULL;
  sqlite3 *db = NULL;

  make_v1_case (path);
  backup = upgrade_ok (path);

  tables = rows (path, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                       "AND sql LIKE '%PRIMARY KEY AUTOINCREMENT%' ORDER BY name");
  g_assert_cmpstr (tables, ==, "actors|\nchange_log|\nclaims|\ndocuments|\nhypotheses|\n"
                               "notes|\noriginals|\ntags|\n");

  /* the newest claim goes; the next one gets a new id, not its id again */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DELETE FROM claim_hypotheses WHERE claim_id = 2;"
                                 "DELETE FROM claim_tags WHERE claim_id = 2;"
                                 "DELETE FROM claims WHERE id = 2;"
                                 "INSERT INTO claims (document_id, start_offset, end_offset, quote, "
                                 "  created, modified) VALUES (1, 0, 9, 'Officials', 'now', 'now');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_last_insert_rowid (db), ==, 3);
  sqlite3_close (db);
}

static void
test_gives_the_case_an_identity (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *twin = tmp_path ("twin.casefile");
  g_autofree char *backup = NULL;
  g_autofree char *twin_backup = NULL;
  g_autofree char *id = NULL;
  g_autofree char *twin_id = NULL;

  make_v1_case (path);
  copy_file (path, twin);
  backup = upgrade_ok (path);
  twin_backup = upgrade_ok (twin);

  id = rows (path, "SELECT case_id FROM case_info");
  twin_id = rows (twin, "SELECT case_id FROM case_info");
  g_assert_cmpuint (strlen (id), ==, 32 + 2);
  g_assert_true (strspn (id, "0123456789abcdef") == 32);
  /* two copies of one file become two cases */
  g_assert_cmpstr (id, !=, twin_id);
}

static void
test_keeps_a_backup (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *expected = tmp_path ("strike.v1-backup.casefile");
  g_autofree char *backup = NULL;
  g_autoptr(GBytes) old = NULL;

  make_v1_case (path);
  old = cf_test_read_bytes (path);
  backup = upgrade_to (path, 1, CF_SCHEMA_VERSION);

  g_assert_cmpstr (backup, ==, expected);
  assert_file_is (backup, old);
  /* the backup is the version-1 case as it was: opening it offers the upgrade again */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CfCase) kase = cf_case_open (backup, CF_CASE_OPEN_READ_ONLY, &error);

    g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE);
    g_assert_null (kase);
    assert_file_is (backup, old);
  }
  /* and the upgraded case opens with everything the old one had */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
    g_autoptr(CfDocument) item = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Depot strike");
    g_assert_cmpuint (strlen (cf_case_get_case_id (kase)), ==, 32);
    item = cf_case_get_document (kase, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (cf_document_get_sha256 (item)), ==, 64);
  }
}

static void
test_backup_never_overwrites (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *taken = tmp_path ("strike.v1-backup.casefile");
  g_autofree char *expected = tmp_path ("strike.v1-backup-2.casefile");
  g_autofree char *backup = NULL;
  g_autoptr(GBytes) mine = g_bytes_new_static ("keep me", 7);

  make_v1_case (path);
  g_assert_true (g_file_set_contents (taken, "keep me", 7, NULL));
  backup = upgrade_ok (path);

  g_assert_cmpstr (backup, ==, expected);
  assert_file_is (taken, mine);
}

static void
test_follows_a_symlink (void)
{
  g_autofree char *real = tmp_path ("strike.casefile");
  g_autofree char *link = tmp_path ("link.casefile");
  g_autofree char *expected = tmp_path ("strike.v1-backup.casefile");
  g_autofree char *backup = NULL;

  make_v1_case (real);
  g_assert_cmpint (symlink (real, link), ==, 0);
  backup = upgrade_ok (link);

  /* the real file was upgraded; the link still points at it */
  g_assert_cmpstr (backup, ==, expected);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_sound_v2 (real);
}

/* Asserts that upgrading @path fails with @code and leaves the folder as it was. */
static void
assert_refused (const char *path,
                gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = cf_test_read_bytes (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *listing = folder_listing (folder);
  g_autofree char *listing_after = NULL;
  char *backup = NULL;

  g_assert_false (_cf_case_upgrade_file_to (path, 2, NULL, &backup, &error));
  g_assert_error (error, CF_CASE_ERROR, code);
  g_assert_null (backup);
  assert_file_is (path, before);
  listing_after = folder_listing (folder);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_refuses_a_newer_version (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autoptr(GBytes) bytes = NULL;
  guint8 *data;
  gsize size;

  make_v1_case (path);
  bytes = cf_test_read_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  data[63] = CF_SCHEMA_NEWEST + 1;   /* user_version, big-endian at offset 60 */
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  g_free (data);

  assert_refused (path, CF_CASE_ERROR_TOO_NEW);
}

static void
test_refuses_an_altered_file (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  sqlite3 *db = NULL;

  make_v1_case (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER notes_wipe AFTER INSERT ON notes "
                                     "BEGIN DELETE FROM notes; END;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, CF_CASE_ERROR_DAMAGED);
}

static void
test_refuses_a_file_with_a_journal (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autofree char *journal = tmp_path ("strike.casefile-journal");

  make_v1_case (path);
  g_assert_true (g_file_set_contents (journal, "not empty", -1, NULL));

  assert_refused (path, CF_CASE_ERROR_BUSY);
}

static void
test_leaves_the_current_version_alone (void)
{
  g_autofree char *path = tmp_path ("strike.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *backup = NULL;
  char *none = NULL;
  guint from = 0;

  make_v1_case (path);
  before = cf_test_read_bytes (path);
  g_assert_true (_cf_case_upgrade_file_to (path, 1, &from, &none, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (from, ==, 1);
  g_assert_null (none);
  assert_file_is (path, before);

  backup = upgrade_ok (path);
  g_clear_pointer (&before, g_bytes_unref);
  before = cf_test_read_bytes (path);
  g_assert_true (_cf_case_upgrade_file_to (path, 2, &from, &none, &error));
  g_assert_cmpuint (from, ==, 2);
  g_assert_null (none);
  assert_file_is (path, before);
}

/* --- under faults --------------------------------------------------------------------
 * A VFS shim over the default one: from the N-th file operation on, every open,
 * read, write, truncate, sync and delete fails, as a full or failing disk would. */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* lives right after this struct */
} ShimFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static int ops_before_fault = -1;   /* -1: no faults */

static gboolean
fault_now (void)
{
  if (ops_before_fault < 0)
    return FALSE;
  if (ops_before_fault == 0)
    return TRUE;
  ops_before_fault--;
  return FALSE;
}

#define REAL(file) (((ShimFile *) (file))->real)

static int
shim_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
shim_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  if (fault_now ())
    return SQLITE_IOERR_READ;
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
shim_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  if (fault_now ())
    return SQLITE_FULL;
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  if (fault_now ())
    return SQLITE_IOERR_TRUNCATE;
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
shim_sync (sqlite3_file *file, int flags)
{
  if (fault_now ())
    return SQLITE_IOERR_FSYNC;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
shim_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
shim_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
shim_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
shim_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
shim_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

/* version 1: no shared memory (no WAL) and no memory mapping, which the store does
 * not use */
static const sqlite3_io_methods shim_methods = {
  1, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
  shim_lock, shim_unlock, shim_check_reserved_lock, shim_file_control, shim_sector_size,
  shim_device_characteristics,
};

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->base.pMethods = NULL;
  if (fault_now ())
    return SQLITE_CANTOPEN;
  shim->real = (sqlite3_file *) (shim + 1);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  /* SQLite closes what has methods, even after a failed open */
  if (shim->real->pMethods != NULL)
    shim->base.pMethods = &shim_methods;
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  if (fault_now ())
    return SQLITE_IOERR_DELETE;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static void
shim_install (gboolean faulty)
{
  if (real_vfs == NULL)
    {
      real_vfs = sqlite3_vfs_find (NULL);
      shim_vfs = *real_vfs;
      shim_vfs.pNext = NULL;
      shim_vfs.zName = "cf-upgrade-faults";
      shim_vfs.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
      shim_vfs.xOpen = shim_open;
      shim_vfs.xDelete = shim_delete;
    }
  /* the upgrade opens its copy through the default VFS */
  g_assert_cmpint (sqlite3_vfs_register (faulty ? &shim_vfs : real_vfs, 1), ==, SQLITE_OK);
}

/* One fault run: from the version-1 fixture to version 2, or from the version-2 one
 * to the newest. */
typedef struct
{
  const char *fixture;
  guint       from;
  guint       to;
} FaultRun;

static const FaultRun v1_to_v2 = { "v1-case.casefile", 1, 2 };
static const FaultRun v2_to_v3 = { "v2-case.casefile", 2, 3 };

static void
test_faults_leave_the_old_file (gconstpointer data)
{
  const FaultRun *run = data;
  /* hundreds of upgrades, each with its fsyncs: a RAM-backed folder when there is one */
  g_autofree char *folder = g_access ("/dev/shm", W_OK) == 0
                            ? g_mkdtemp (g_strdup ("/dev/shm/casefile-upgrade-XXXXXX"))
                            : g_strdup (g_get_user_data_dir ());
  g_autofree char *path = g_build_filename (folder, "strike.casefile", NULL);
  g_autofree char *pristine = g_build_filename (folder, "pristine.casefile", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) old = NULL;
  guint failures = 0;

  g_assert_nonnull (folder);
  {
    g_autofree char *fixture = cf_test_fixture_path (run->fixture);

    copy_file (fixture, path);
  }
  copy_file (path, pristine);
  old = cf_test_read_bytes (path);
  listing = folder_listing (folder);

  /* under sanitizers every operation costs many times as much: past the first
   * hundred, sample the fault points (each step an eighth further) */
  gboolean sparse = g_strcmp0 (g_getenv ("CASEFILE_FAULTS_SPARSE"), "1") == 0;

  for (int n = 0;; n += sparse && n > 100 ? 1 + n / 8 : 1)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *listing_after = NULL;
      gboolean ok;

      g_assert_cmpint (n, <, 20000);
      ops_before_fault = n;
      shim_install (TRUE);
      ok = _cf_case_upgrade_file_to (path, run->to, NULL, &backup, &error);
      shim_install (FALSE);
      ops_before_fault = -1;
      if (ok)
        break;

      /* a clear error, the file as it was, and nothing left behind */
      g_assert_nonnull (error);
      g_assert_true (error->domain == CF_CASE_ERROR);
      assert_file_is (path, old);
      listing_after = folder_listing (folder);
      g_assert_cmpstr (listing_after, ==, listing);
      failures++;
    }

  /* the faults reached the upgrade's work, and once they ran out it succeeded */
  g_assert_cmpuint (failures, >, 20);
  g_test_message ("%u faulty upgrades left the file as it was", failures);
  assert_sound (path, run->to);
  if (run->from == 1)
    assert_same_records (pristine, path);
  else
    assert_same_records_v2_v3 (pristine, path);
  if (g_str_has_prefix (folder, "/dev/shm/"))
    cf_test_remove_tree (folder);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/upgrade/v1-to-v2/keeps-every-record", test_keeps_every_record);
  g_test_add_func ("/upgrade/v1-to-v2/stores-each-original-once", test_stores_each_original_once);
  g_test_add_func ("/upgrade/v1-to-v2/never-reuses-ids", test_never_reuses_ids);
  g_test_add_func ("/upgrade/v1-to-v2/gives-the-case-an-identity", test_gives_the_case_an_identity);
  g_test_add_func ("/upgrade/keeps-a-backup", test_keeps_a_backup);
  g_test_add_func ("/upgrade/backup-never-overwrites", test_backup_never_overwrites);
  g_test_add_func ("/upgrade/follows-a-symlink", test_follows_a_symlink);
  g_test_add_func ("/upgrade/refuses-a-newer-version", test_refuses_a_newer_version);
  g_test_add_func ("/upgrade/refuses-an-altered-file", test_refuses_an_altered_file);
  g_test_add_func ("/upgrade/refuses-a-file-with-a-journal", test_refuses_a_file_with_a_journal);
  g_test_add_func ("/upgrade/leaves-the-current-version-alone", test_leaves_the_current_version_alone);
  g_test_add_data_func ("/upgrade/faults/v1-to-v2/leave-the-old-file-as-it-was", &v1_to_v2,
                        test_faults_leave_the_old_file);
  g_test_add_data_func ("/upgrade/faults/v2-to-v3/leave-the-old-file-as-it-was", &v2_to_v3,
                        test_faults_leave_the_old_file);
  g_test_add_func ("/upgrade/v2-to-v3/keeps-every-record", test_v3_keeps_every_record);
  g_test_add_func ("/upgrade/v2-to-v3/maps-relations-to-the-five-point-scale", test_v3_maps_relations);
  g_test_add_func ("/upgrade/v2-to-v3/states-each-event-date-precision", test_v3_event_precision);
  g_test_add_func ("/upgrade/v2-to-v3/never-reuses-ids", test_v3_never_reuses_ids);
  g_test_add_func ("/upgrade/v2-to-v3/searches-by-prefix", test_v3_searches_by_prefix);
  g_test_add_func ("/upgrade/v1-to-v3/opens-with-every-record", test_v1_to_v3_opens);

  return g_test_run ();
}
