/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening without the full check (issue 12, part 1): a file this machine's Casefile
 * committed to or checked opens without reading every page; anything else - a change
 * by another program even with its modification time put back, a copy, a damaged or
 * hostile stamp - gets the full check. And the check in a worker thread can be
 * cancelled. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cf-case-stamp.h"
#include "cf-test-util.h"

static char *
real_path_of (const char *path)
{
  char *real = realpath (path, NULL);

  g_assert_nonnull (real);
  return real;
}

/* A closed case at @name that Casefile wrote and stamped. */
static char *
make_closed_case (const char *name)
{
  g_autoptr(CfCase) kase = cf_test_new_case (name);
  char *path = g_strdup (cf_case_get_path (kase));

  cf_test_add_sample_document (kase);
  cf_case_close (kase);
  return path;
}

static gboolean
opens_with_full_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return _cf_case_get_full_check (kase);
}

static void
test_own_file_skips_check (void)
{
  g_autofree char *path = make_closed_case ("own.casefile");

  g_assert_false (cf_case_open_needs_check (path));
  g_assert_false (opens_with_full_check (path));
  /* and again: opening does not spoil the stamp */
  g_assert_false (opens_with_full_check (path));
}

static void
test_unstamped_file_is_checked_once (void)
{
  g_autofree char *path = make_closed_case ("unstamped.casefile");
  g_autofree char *real = real_path_of (path);

  _cf_case_stamp_forget (real);
  g_assert_true (cf_case_open_needs_check (path));
  g_assert_true (opens_with_full_check (path));
  /* the full check stamped it */
  g_assert_false (opens_with_full_check (path));
}

static void
test_edit_keeps_stamp (void)
{
  g_autofree char *path = make_closed_case ("edited.casefile");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_ANALYST, "R. Analyst", &error));
    g_assert_no_error (error);
    g_assert_true (cf_case_undo (kase, &error));
    g_assert_true (cf_case_redo (kase, &error));
    cf_case_close (kase);
  }
  g_assert_false (opens_with_full_check (path));
}

static void
restore_times (const char     *path,
               const GStatBuf *before)
{
  struct timespec times[2] = { before->st_atim, before->st_mtim };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
outside_update (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* One "key value" line of a stamp. */
static char *
stamp_line (const char *stamp,
            const char *key)
{
  const char *line = strstr (stamp, key);

  g_assert_nonnull (line);
  return g_strndup (line, strcspn (line, "\n"));
}

static void
test_outside_change_with_time_restored (void)
{
  g_autofree char *path = make_closed_case ("outside.casefile");
  g_autofree char *real = real_path_of (path);
  g_autofree char *before_stamp = _cf_case_stamp_describe (real);
  g_autofree char *after_stamp = NULL;
  g_autofree char *counter_before = NULL;
  g_autofree char *counter_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  /* the same size, the same inode, and the time put back, as a careful tool would */
  outside_update (path, "UPDATE case_info SET title = 'Renamed elsewhere'");
  restore_times (path, &before);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);

  /* SQLite's change counter moved, whatever the times say */
  after_stamp = _cf_case_stamp_describe (real);
  counter_before = stamp_line (before_stamp, "change-counter");
  counter_after = stamp_line (after_stamp, "change-counter");
  g_assert_cmpstr (counter_before, !=, counter_after);

  g_assert_true (cf_case_open_needs_check (path));
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (_cf_case_get_full_check (kase));
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Renamed elsewhere");
}

/* The stamp skips quick_check and the schema comparison, never the cheap identity
 * check: a file whose stamp matches but whose format version is not ours (the stamp
 * taken again after another program changed it, as a stale or forged stamp would
 * be) is still refused, and it is not the full check that refuses it. */
static void
test_stamped_file_still_checks_version (void)
{
  g_autofree char *path = make_closed_case ("version.casefile");
  g_autofree char *real = real_path_of (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  outside_update (path, "PRAGMA user_version = 99");
  _cf_case_stamp_write (real);
  g_assert_false (cf_case_open_needs_check (path));
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_TOO_NEW);
  g_assert_null (kase);
}

/* Bytes written over a page, times put back: refused, as before stamps existed. */
static void
test_damage_with_time_restored_is_refused (void)
{
  g_autofree char *path = make_closed_case ("damaged.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  guint8 garbage[512];
  GStatBuf before;
  int fd;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  memset (garbage, 0xA5, sizeof garbage);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  /* the headers of b-tree pages after the first (4,096 bytes each) */
  for (gint64 page = 1; (page + 1) * 4096 <= before.st_size; page += 2)
    g_assert_cmpint (pwrite (fd, garbage, 16, page * 4096), ==, 16);
  close (fd);
  restore_times (path, &before);

  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED);
}

static void
test_copy_is_checked (void)
{
  g_autofree char *path = make_closed_case ("original.casefile");
  g_autofree char *copy = cf_test_tmp_path ("copy.casefile");
  g_autofree char *moved = cf_test_tmp_path ("moved.casefile");
  g_autoptr(GBytes) bytes = cf_test_read_bytes (path);

  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_true (opens_with_full_check (copy));
  g_assert_false (opens_with_full_check (path));

  /* a file moved into place under a stamped name is another inode */
  g_assert_cmpint (g_rename (copy, moved), ==, 0);
  g_assert_true (opens_with_full_check (moved));
  g_assert_false (opens_with_full_check (moved));
  g_assert_cmpint (g_rename (moved, path), ==, 0);
  g_assert_true (opens_with_full_check (path));
}

static void
test_hostile_stamps_are_ignored (void)
{
  g_autofree char *path = make_closed_case ("hostile.casefile");
  g_autofree char *real = real_path_of (path);
  g_autofree char *stamp = _cf_case_stamp_path (real);
  g_autofree char *good = _cf_case_stamp_describe (real);
  g_autofree char *elsewhere = cf_test_tmp_path ("elsewhere.stamp");
  g_autoptr(GString) huge = g_string_new (good);

  /* garbage */
  g_assert_true (g_file_set_contents (stamp, "\xff\xfe garbage \0 with nul", 20, NULL));
  g_assert_true (opens_with_full_check (path));

  /* the right text with more behind it, and a big file: read with a bound */
  while (huge->len < 8 * 1024 * 1024)
    g_string_append (huge, good);
  g_assert_true (g_file_set_contents (stamp, huge->str, huge->len, NULL));
  g_assert_true (opens_with_full_check (path));

  /* the right text cut short */
  g_assert_true (g_file_set_contents (stamp, good, strlen (good) - 1, NULL));
  g_assert_true (opens_with_full_check (path));

  /* a symlink to the right text */
  g_assert_true (g_file_set_contents (elsewhere, good, -1, NULL));
  g_unlink (stamp);
  g_assert_cmpint (symlink (elsewhere, stamp), ==, 0);
  g_assert_true (opens_with_full_check (path));

  /* a FIFO must not hang the open */
  g_unlink (stamp);
  g_assert_cmpint (mkfifo (stamp, 0600), ==, 0);
  g_assert_true (opens_with_full_check (path));

  /* a folder in its place: the stamp cannot be written, the case still opens */
  g_unlink (stamp);
  g_assert_cmpint (g_mkdir (stamp, 0700), ==, 0);
  g_assert_true (opens_with_full_check (path));
  g_assert_true (opens_with_full_check (path));
  g_rmdir (stamp);

  /* and an honest one again */
  g_assert_true (opens_with_full_check (path));
  g_assert_false (opens_with_full_check (path));
}

/* An edit of ours after another program committed does not vouch for their change. */
static void
test_outside_commit_while_open_is_not_stamped (void)
{
  g_autofree char *path = make_closed_case ("shared.casefile");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_false (_cf_case_get_full_check (kase));
    outside_update (path, "UPDATE case_info SET summary = 'Written by another program'");
    g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_ANALYST, "R. Analyst", &error));
    g_assert_no_error (error);
    cf_case_close (kase);
  }
  g_assert_true (opens_with_full_check (path));
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static CfCase *
open_async_and_wait (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cf_case_open_async (path, CF_CASE_OPEN_DEFAULT, cancellable, open_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cf_case_open_finish (result, error);
}

static void
test_async_open (void)
{
  g_autofree char *path = make_closed_case ("async.casefile");
  g_autofree char *real = real_path_of (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  _cf_case_stamp_forget (real);
  kase = open_async_and_wait (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (_cf_case_get_full_check (kase));
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Test incident");
}

static void
test_async_open_cancelled (void)
{
  g_autofree char *path = make_closed_case ("cancelled.casefile");
  g_autofree char *real = real_path_of (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  _cf_case_stamp_forget (real);
  g_cancellable_cancel (cancellable);
  kase = open_async_and_wait (path, cancellable, &error);
  g_assert_null (kase);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* nothing was stamped on the way */
  g_assert_true (cf_case_open_needs_check (path));
}

static void
test_async_open_refusal (void)
{
  g_autofree char *path = cf_test_tmp_path ("not-a-case.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  g_assert_true (g_file_set_contents (path, "just some text", -1, NULL));
  kase = open_async_and_wait (path, NULL, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/stamp/own-file-skips-check", test_own_file_skips_check);
  g_test_add_func ("/stamp/unstamped-file-is-checked-once", test_unstamped_file_is_checked_once);
  g_test_add_func ("/stamp/edit-undo-redo-keep-stamp", test_edit_keeps_stamp);
  g_test_add_func ("/stamp/outside-change-with-time-restored", test_outside_change_with_time_restored);
  g_test_add_func ("/stamp/damage-with-time-restored-is-refused", test_damage_with_time_restored_is_refused);
  g_test_add_func ("/stamp/copy-is-checked", test_copy_is_checked);
  g_test_add_func ("/stamp/stamped-file-still-checks-version", test_stamped_file_still_checks_version);
  g_test_add_func ("/stamp/hostile-stamps-are-ignored", test_hostile_stamps_are_ignored);
  g_test_add_func ("/stamp/outside-commit-while-open-is-not-stamped",
                   test_outside_commit_while_open_is_not_stamped);
  g_test_add_func ("/stamp/async-open", test_async_open);
  g_test_add_func ("/stamp/async-open-cancelled", test_async_open_cancelled);
  g_test_add_func ("/stamp/async-open-refusal", test_async_open_refusal);

  return g_test_run ();
}
