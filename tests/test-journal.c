/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side files beside a case file (issue 10, sections 2 and 4): a journal is
 * replayed only when it restores this very case, also through a symbolic link and
 * also for a command that only reads; write-ahead logs are refused; and a case open
 * in one program sees what another committed (cf_case_check_outside_changes). */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cf-case-private.h"
#include "cf-claim.h"
#include "cf-test-util.h"

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static char *
side_path (const char *path,
           const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* A case as a crash leaves it: an edit under way whose journal SQLite already
 * synced and whose pages it began writing to the file (a tiny cache makes it spill),
 * copied to @copy together with that journal. The edit retitles the case and adds a
 * large document; the last committed state is "Test incident" with no documents. */
static void
make_crashed_copy (const char *path,
                   const char *copy)
{
  g_autofree char *journal = side_path (path, "-journal");
  g_autofree char *copy_journal = side_path (copy, "-journal");
  g_autofree char *text = cf_test_make_text (7, 30000);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  const guint8 *header;

  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_cf_case_get_db (kase), "PRAGMA cache_size = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  cf_case_begin_action (kase, "Half an edit");
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_TITLE, "half-written", &error));
  g_assert_cmpint (cf_case_import_text (kase, "Big", text, &error), >, 0);
  g_assert_no_error (error);

  db_bytes = cf_test_read_bytes (path);
  journal_bytes = cf_test_read_bytes (journal);
  cf_case_cancel_action (kase);

  /* the journal was synced (it counts its pages), so SQLite would play it back */
  header = g_bytes_get_data (journal_bytes, NULL);
  g_assert_cmpuint (g_bytes_get_size (journal_bytes), >, 4096);
  g_assert_false (header[8] == 0 && header[9] == 0 && header[10] == 0 && header[11] == 0);

  write_bytes (copy, db_bytes);
  write_bytes (copy_journal, journal_bytes);
}

static char *
new_case_path (const char *name)
{
  g_autoptr(CfCase) kase = cf_test_new_case (name);

  return g_strdup (cf_case_get_path (kase));
}

static void
assert_last_commit (CfCase *kase)
{
  g_autoptr(GListModel) documents = cf_case_list_documents (kase);

  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Test incident");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  cf_test_assert_case_sound (kase);
}

/* Our own crash: the journal restores the last committed state and is gone. */
static void
test_own_journal_restored (void)
{
  g_autofree char *path = new_case_path ("source.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("crashed.casefile");
  g_autofree char *journal = side_path (crashed, "-journal");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  make_crashed_copy (path, crashed);
  kase = cf_case_open (crashed, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_last_commit (kase);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Two cases made alike, so that the second's journal fits the first's header page;
 * returns the first's path with the second's crash journal beside it. */
static char *
case_with_foreign_journal (void)
{
  g_autofree char *victim = new_case_path ("victim.casefile");
  g_autofree char *other = new_case_path ("other.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("other-crashed.casefile");
  g_autofree char *crashed_journal = side_path (crashed, "-journal");
  g_autofree char *victim_journal = side_path (victim, "-journal");
  g_autoptr(GBytes) journal_bytes = NULL;

  make_crashed_copy (other, crashed);
  journal_bytes = cf_test_read_bytes (crashed_journal);
  write_bytes (victim_journal, journal_bytes);
  return g_steal_pointer (&victim);
}

/* Telling journals apart needs the case id that format 2 brings, and ids that are
 * never handed out twice come with it. */
static gboolean
skip_without_case_id (void)
{
  if (CF_SCHEMA_VERSION >= 2)
    return FALSE;
  g_test_skip ("needs case ids (format 2)");
  return TRUE;
}

static void
assert_open_refused (const char *open_path,
                     const char *path)
{
  g_autofree char *journal = side_path (path, "-journal");
  CfTestSnapshot before = cf_test_snapshot_take (path);
  CfTestSnapshot journal_before = cf_test_snapshot_take (journal);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  kase = cf_case_open (open_path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED);
  g_test_message ("refused: %s", error->message);
  cf_test_snapshot_assert_unchanged (path, &before);
  cf_test_snapshot_assert_unchanged (journal, &journal_before);
}

/* Another case's journal beside this one would turn it into that case: refused. */
static void
test_foreign_journal_refused (void)
{
  g_autofree char *victim = case_with_foreign_journal ();

  if (skip_without_case_id ())
    return;

  assert_open_refused (victim, victim);
}

/* An old crash journal of this same case, put back after later edits, would undo
 * them half-way: its header page is older than the file's, so it is refused. */
static void
test_stale_own_journal_refused (void)
{
  g_autofree char *path = new_case_path ("source.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("crashed.casefile");
  g_autofree char *crashed_journal = side_path (crashed, "-journal");
  g_autofree char *journal = side_path (path, "-journal");
  g_autoptr(GBytes) journal_bytes = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  make_crashed_copy (path, crashed);
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cf_test_add_sample_document (kase);
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_SUMMARY, "Later work", &error));
  g_assert_no_error (error);
  g_clear_object (&kase);

  journal_bytes = cf_test_read_bytes (crashed_journal);
  write_bytes (journal, journal_bytes);
  assert_open_refused (path, path);
}

/* The same through casefile-cli, with a command that only reads. */
static void
test_foreign_journal_refused_cli (void)
{
  g_autofree char *victim = case_with_foreign_journal ();
  g_autofree char *journal = side_path (victim, "-journal");
  g_auto(CfTestRun) run = { 0 };
  CfTestSnapshot before, journal_before;

  if (skip_without_case_id ())
    return;

  before = cf_test_snapshot_take (victim);
  journal_before = cf_test_snapshot_take (journal);

  cf_test_run_cli (&run, "info", victim);
  cf_test_assert_cli_error (&run, -1);
  cf_test_snapshot_assert_unchanged (victim, &before);
  cf_test_snapshot_assert_unchanged (journal, &journal_before);
}

/* Through a link the journal SQLite would use is the one beside the real file. */
static void
test_symlink_foreign_journal_refused (void)
{
  g_autofree char *victim = case_with_foreign_journal ();
  g_autofree char *link = cf_test_tmp_path ("link.casefile");

  if (skip_without_case_id ())
    return;

  g_assert_cmpint (symlink (victim, link), ==, 0);
  assert_open_refused (link, victim);
}

/* ... and our own crash is restored through the link. */
static void
test_symlink_own_journal_restored (void)
{
  g_autofree char *path = new_case_path ("source.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("crashed.casefile");
  g_autofree char *journal = side_path (crashed, "-journal");
  g_autofree char *link = cf_test_tmp_path ("link.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  make_crashed_copy (path, crashed);
  g_assert_cmpint (symlink (crashed, link), ==, 0);
  kase = cf_case_open (link, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_last_commit (kase);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* After a crash, a command that only reads restores the last commit (issue 10,
 * section 4: "info" used to refuse as read-only until some edit came). */
static void
test_crash_restored_by_info (void)
{
  g_autofree char *path = new_case_path ("source.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("crashed.casefile");
  g_autofree char *journal = side_path (crashed, "-journal");
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  make_crashed_copy (path, crashed);
  cf_test_run_ok (&run, "info", crashed);
  g_assert_nonnull (strstr (run.out, "Test incident"));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  kase = cf_case_open (crashed, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_last_commit (kase);
}

/* Where the file cannot be written, the user is told the journal needs it. */
static void
test_crash_read_only_folder_explained (void)
{
  g_autofree char *path = new_case_path ("source.casefile");
  g_autofree char *dir = cf_test_tmp_path ("locked");
  g_autofree char *crashed = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  CfTestSnapshot before, journal_before;

  if (getuid () == 0)
    {
      g_test_skip ("root may write anywhere");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  crashed = g_build_filename (dir, "crashed.casefile", NULL);
  journal = side_path (crashed, "-journal");
  make_crashed_copy (path, crashed);
  before = cf_test_snapshot_take (crashed);
  journal_before = cf_test_snapshot_take (journal);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  kase = cf_case_open (crashed, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "unfinished edit"));
  cf_test_snapshot_assert_unchanged (crashed, &before);
  cf_test_snapshot_assert_unchanged (journal, &journal_before);
}

/* An older version's crash: opening says the file needs the upgrade and settles the
 * journal, so that the upgrade can start; the last commit is back. */
static void
test_format_1_crash_settled (void)
{
  g_autofree char *fixture = cf_test_fixture_path ("v1-case.casefile");
  g_autofree char *path = cf_test_tmp_path ("old.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("old-crashed.casefile");
  g_autofree char *journal = side_path (path, "-journal");
  g_autofree char *crashed_journal = side_path (crashed, "-journal");
  g_autoptr(GBytes) bytes = cf_test_read_bytes (fixture);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  if (skip_without_case_id ())
    return;

  write_bytes (path, bytes);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA cache_size = 1; BEGIN;"
                                 "UPDATE case_info SET title = 'half-written';"
                                 "UPDATE documents SET byline = hex (randomblob (3000));"
                                 "DELETE FROM claims;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  db_bytes = cf_test_read_bytes (path);
  journal_bytes = cf_test_read_bytes (journal);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  write_bytes (crashed, db_bytes);
  write_bytes (crashed_journal, journal_bytes);

  kase = cf_case_open (crashed, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE);
  g_assert_false (g_file_test (crashed_journal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (sqlite3_open_v2 (crashed, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT title FROM case_info", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpstr (title, !=, "half-written");
}

/* A file another program switched to WAL mode is refused; nothing is created. */
static void
test_wal_mode_refused (void)
{
  g_autofree char *path = new_case_path ("wal.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  CfTestSnapshot before;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (cf_test_side_file_exists (path, "-wal"));

  before = cf_test_snapshot_take (path);
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE);
  cf_test_snapshot_assert_unchanged (path, &before);
  g_assert_false (cf_test_side_file_exists (path, "-wal"));
  g_assert_false (cf_test_side_file_exists (path, "-shm"));
}

/* Puts beside @path the write-ahead log of a copy of it retitled "from the log". */
static void
put_foreign_wal (const char *path)
{
  g_autofree char *other = g_strconcat (path, ".other", NULL);
  g_autofree char *other_wal = side_path (other, "-wal");
  g_autofree char *wal = side_path (path, "-wal");
  g_autoptr(GBytes) bytes = cf_test_read_bytes (path);
  g_autoptr(GBytes) wal_bytes = NULL;
  sqlite3 *db = NULL;

  write_bytes (other, bytes);
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                 "UPDATE case_info SET title = 'from the log';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  wal_bytes = cf_test_read_bytes (other_wal);
  sqlite3_close (db);
  write_bytes (wal, wal_bytes);
}

/* Another file's write-ahead log beside a case would be read by SQLite: refused,
 * both files left as they are, no -shm made. */
static void
test_foreign_wal_refused (void)
{
  g_autofree char *path = new_case_path ("victim.casefile");
  g_autofree char *wal = side_path (path, "-wal");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  CfTestSnapshot before, wal_before;

  put_foreign_wal (path);

  before = cf_test_snapshot_take (path);
  wal_before = cf_test_snapshot_take (wal);
  kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED);
  cf_test_snapshot_assert_unchanged (path, &before);
  cf_test_snapshot_assert_unchanged (wal, &wal_before);
  g_assert_false (cf_test_side_file_exists (path, "-shm"));
}

/* A log that appears while the case is open is never read, nor written to. */
static void
test_wal_appearing_while_open_ignored (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("open.casefile");
  g_autofree char *path = g_strdup (cf_case_get_path (kase));
  g_autofree char *wal = side_path (path, "-wal");
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  CfTestSnapshot wal_before;

  put_foreign_wal (path);
  wal_before = cf_test_snapshot_take (wal);

  g_assert_false (cf_case_check_outside_changes (kase, &error));
  g_assert_no_error (error);
  documents = cf_case_list_documents (kase);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Test incident");
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_SUMMARY, "Written beside a log", &error));
  g_assert_no_error (error);
  cf_test_assert_case_sound (kase);
  g_clear_object (&kase);

  cf_test_snapshot_assert_unchanged (wal, &wal_before);
  g_assert_false (cf_test_side_file_exists (path, "-shm"));
  g_assert_cmpint (g_unlink (wal), ==, 0);
  kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Test incident");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_SUMMARY), ==, "Written beside a log");
}

static void
record_changed_cb (CfCase       *kase,
                   CfRecordKind  kind,
                   gint64        id,
                   CfChange      change,
                   GArray       *deleted)
{
  if (kind == CF_RECORD_CLAIM && change == CF_CHANGE_DELETED)
    g_array_append_val (deleted, id);
}

/* A case with one claim on the sample document, and a second CfCase on the same file
 * as another program would have it. */
typedef struct
{
  CfCase     *mine;
  CfCase     *theirs;
  GListModel *claims;    /* mine's */
  GArray     *deleted;   /* claim ids mine announced as deleted */
  gint64      doc;
  gint64      claim;
  gint        start;
} Shared;

static void
shared_init (Shared *f)
{
  g_autoptr(GError) error = NULL;

  f->mine = cf_test_new_case ("shared.casefile");
  f->doc = cf_test_add_sample_document (f->mine);
  f->start = cf_case_find_quote (f->mine, f->doc, "said", 0, &error);
  g_assert_no_error (error);
  f->claim = cf_case_add_claim (f->mine, f->doc, f->start, f->start + 4, "said", &error);
  g_assert_no_error (error);
  f->claims = cf_case_list_claims (f->mine);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 1);
  f->deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->mine, "record-changed", G_CALLBACK (record_changed_cb), f->deleted);

  /* nothing from outside yet; our own edits do not count */
  g_assert_false (cf_case_check_outside_changes (f->mine, &error));
  g_assert_no_error (error);

  f->theirs = cf_case_open (cf_case_get_path (f->mine), CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
shared_clear (Shared *f)
{
  g_signal_handlers_disconnect_by_func (f->mine, record_changed_cb, f->deleted);
  g_clear_object (&f->claims);
  g_clear_object (&f->theirs);
  g_clear_object (&f->mine);
  g_clear_pointer (&f->deleted, g_array_unref);
}

/* Another program deletes the claim this one shows and retitles the case: the case
 * notices, says the claim is gone, and shows the new title; once only. */
static void
test_outside_delete_announced (void)
{
  Shared f;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) shown = NULL;

  shared_init (&f);
  /* as the inspector holds it */
  shown = cf_case_get_claim (f.mine, f.claim, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_delete_claim (f.theirs, f.claim, &error));
  g_assert_true (cf_case_set_info (f.theirs, CF_CASE_FIELD_TITLE, "Retitled elsewhere", &error));

  g_assert_true (cf_case_check_outside_changes (f.mine, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f.deleted->len, ==, 1);
  g_assert_cmpint (g_array_index (f.deleted, gint64, 0), ==, f.claim);
  g_assert_cmpstr (cf_case_get_info (f.mine, CF_CASE_FIELD_TITLE), ==, "Retitled elsewhere");
  g_assert_cmpuint (g_list_model_get_n_items (f.claims), ==, 0);

  g_assert_false (cf_case_check_outside_changes (f.mine, &error));
  g_assert_no_error (error);
  shared_clear (&f);
}

/* ... and adds another in its place (issue 10, section 4): the list shows the new
 * claim under its own id, never the old one's. */
static void
test_outside_replacement_shown (void)
{
  Shared f;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) first = NULL;
  g_autoptr(CfClaim) shown = NULL;
  gint64 replacement;

  if (skip_without_case_id ())
    return;

  shared_init (&f);
  /* as the inspector holds it */
  shown = cf_case_get_claim (f.mine, f.claim, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_delete_claim (f.theirs, f.claim, &error));
  replacement = cf_case_add_claim (f.theirs, f.doc, f.start, f.start + 4, "said", &error);
  g_assert_no_error (error);
  g_assert_cmpint (replacement, !=, f.claim);

  g_assert_true (cf_case_check_outside_changes (f.mine, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f.deleted->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (f.claims), ==, 1);
  first = g_list_model_get_item (f.claims, 0);
  g_assert_cmpint (cf_claim_get_id (first), ==, replacement);
  shared_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/own-crash-restored", test_own_journal_restored);
  g_test_add_func ("/journal/foreign-refused", test_foreign_journal_refused);
  g_test_add_func ("/journal/foreign-refused-by-read-only-command", test_foreign_journal_refused_cli);
  g_test_add_func ("/journal/stale-own-refused", test_stale_own_journal_refused);
  g_test_add_func ("/journal/symlink/foreign-refused", test_symlink_foreign_journal_refused);
  g_test_add_func ("/journal/symlink/own-crash-restored", test_symlink_own_journal_restored);
  g_test_add_func ("/journal/crash/info-restores", test_crash_restored_by_info);
  g_test_add_func ("/journal/crash/read-only-folder-explained", test_crash_read_only_folder_explained);
  g_test_add_func ("/journal/crash/format-1-settled", test_format_1_crash_settled);
  g_test_add_func ("/journal/wal/wal-mode-refused", test_wal_mode_refused);
  g_test_add_func ("/journal/wal/foreign-wal-refused", test_foreign_wal_refused);
  g_test_add_func ("/journal/wal/appearing-while-open-ignored", test_wal_appearing_while_open_ignored);
  g_test_add_func ("/outside/deleted-claim-announced", test_outside_delete_announced);
  g_test_add_func ("/outside/replacement-claim-shown", test_outside_replacement_shown);

  return g_test_run ();
}
