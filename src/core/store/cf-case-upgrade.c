/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Upgrading a case file to a newer format version: the one mechanism every format
 * change goes through (issue 10, "Format").
 *
 * The old file is never written. It is copied twice, byte for byte: to a backup
 * beside it (kept) and to a temporary file in the same folder. The copy is checked
 * to be exactly the old version (as open checks a file), then the ordered upgrade
 * steps run on it in one transaction, user_version is set, and the result must have
 * exactly the schema a new file of that version has, sound foreign keys and a clean
 * quick_check before it commits. Only then is the copy compacted, checked again and
 * renamed over the old file, which is the single moment the case changes. A failure
 * anywhere before that removes the copy and the backup, so the old file stays byte
 * for byte what it was; a crash leaves at most a stray temporary file.
 *
 * The copies are made without holding an SQLite lock on the old file (opening and
 * closing it in this process would drop locks SQLite holds there), so the upgrade
 * compares the file's identity, size, time and change counter before and after and
 * gives up if another program wrote to it meanwhile. SQLite opens the copy as open
 * opens a case (_cf_case_open_connection: the same hardening, and the VFS a test
 * chose with _cf_case_set_vfs_name). */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-case-private.h"
#include "cf-case-schema.h"
#include "cf-case-upgrade-private.h"

typedef gboolean (*UpgradeFunc) (sqlite3  *db,
                                 GError  **error);

/* One step from_version -> from_version + 1: plain SQL, or a function for what SQL
 * alone cannot do. */
typedef struct
{
  guint        from_version;
  const char  *sql;
  UpgradeFunc  func;
} UpgradeStep;

static gboolean upgrade_1_to_2 (sqlite3  *db,
                                GError  **error);

static gboolean upgrade_2_to_3 (sqlite3  *db,
                                GError  **error);

static const UpgradeStep upgrade_steps[] = {
  { 1, NULL, upgrade_1_to_2 },
  { 2, NULL, upgrade_2_to_3 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (upgrade_steps) == CF_SCHEMA_NEWEST - 1);

/* --- checking a database -------------------------------------------------------- */

static gboolean
verify_foreign_keys (sqlite3     *db,
                     const char  *display,
                     GError     **error)
{
  g_autofree char *problems = _cf_case_query_rows (db, "PRAGMA foreign_key_check", error);

  if (problems == NULL)
    return FALSE;
  if (*problems != '\0')
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” has records that point to records it does not have."), display);
      return FALSE;
    }
  return TRUE;
}

/* --- the steps ------------------------------------------------------------------ */

/* Each distinct original is stored once, keyed by the SHA-256 of its bytes as they
 * are (not by the hash version 1 stored beside them, which a damaged or crafted file
 * could get wrong and so merge two different originals). */
static gboolean
copy_documents_1_to_2 (sqlite3  *db,
                       GError  **error)
{
  const char *doing = _("Upgrading the case file");
  sqlite3_stmt *rows = NULL, *add_original = NULL, *add_document = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id, media_type, original FROM v1_documents ORDER BY id",
                           -1, &rows, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO originals (sha256, media_type, bytes) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (sha256) DO NOTHING",
                             -1, &add_original, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO documents (id, title, byline, publisher, url, published, "
                             "  imported, language, media_type, filename, note, original_id, "
                             "  original_start, original_end, text, text_length) "
                             "SELECT id, title, byline, publisher, url, published, imported, "
                             "  language, media_type, filename, note, "
                             "  (SELECT id FROM originals WHERE sha256 = ?2), NULL, NULL, text, "
                             "  text_length "
                             "FROM v1_documents WHERE id = ?1",
                             -1, &add_document, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      const void *bytes = sqlite3_column_blob (rows, 2);
      int size = sqlite3_column_bytes (rows, 2);
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                             bytes != NULL ? bytes : (const void *) "",
                                                             size);

      sqlite3_bind_text (add_original, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_value (add_original, 2, sqlite3_column_value (rows, 1));
      sqlite3_bind_blob (add_original, 3, bytes != NULL ? bytes : "", size, SQLITE_STATIC);
      rc = sqlite3_step (add_original);
      sqlite3_reset (add_original);
      if (rc != SQLITE_DONE)
        break;

      sqlite3_bind_int64 (add_document, 1, sqlite3_column_int64 (rows, 0));
      sqlite3_bind_text (add_document, 2, sha256, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (add_document);
      sqlite3_reset (add_document);
      if (rc != SQLITE_DONE)
        break;
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    _cf_case_set_sqlite_error (error, db, rc, doing);

  sqlite3_finalize (rows);
  sqlite3_finalize (add_original);
  sqlite3_finalize (add_document);
  return rc == SQLITE_DONE;
}

static gboolean
upgrade_1_to_2 (sqlite3  *db,
                GError  **error)
{
  const char *doing = _("Upgrading the case file");

  return _cf_case_exec_sql (db, _cf_case_migration_sql (1, CF_MIGRATION_PREPARE), doing, error)
         && _cf_case_exec_sql (db, _cf_case_schema_sql (2), doing, error)
         && copy_documents_1_to_2 (db, error)
         && _cf_case_exec_sql (db, _cf_case_migration_sql (1, CF_MIGRATION_FINISH), doing, error);
}

static gboolean
upgrade_2_to_3 (sqlite3  *db,
                GError  **error)
{
  const char *doing = _("Upgrading the case file");

  return _cf_case_exec_sql (db, _cf_case_migration_sql (2, CF_MIGRATION_PREPARE), doing, error)
         && _cf_case_exec_sql (db, _cf_case_schema_sql (3), doing, error)
         && _cf_case_exec_sql (db, _cf_case_migration_sql (2, CF_MIGRATION_FINISH), doing, error);
}

/* Runs the steps from @from to @to, sets user_version and logs the upgrade; the
 * caller holds the transaction. */
static gboolean
run_steps (sqlite3  *db,
           guint     from,
           guint     to,
           GError  **error)
{
  const char *doing = _("Upgrading the case file");
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", to);
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autofree char *summary = NULL;
  sqlite3_stmt *log = NULL;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (upgrade_steps); i++)
    {
      const UpgradeStep *step = &upgrade_steps[i];

      if (step->from_version < from || step->from_version >= to)
        continue;
      if (step->sql != NULL && !_cf_case_exec_sql (db, step->sql, doing, error))
        return FALSE;
      if (step->func != NULL && !step->func (db, error))
        return FALSE;
    }

  /* TRANSLATORS: an entry of the case's change log */
  summary = g_strdup_printf (_("Upgraded the case file from format %u to format %u"), from, to);
  rc = sqlite3_prepare_v2 (db, "INSERT INTO change_log (at, summary) VALUES (?1, ?2)", -1, &log, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (log, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (log, 2, summary, -1, SQLITE_STATIC);
      rc = sqlite3_step (log);
    }
  sqlite3_finalize (log);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }
  return _cf_case_exec_sql (db, set_version, doing, error);
}

/* Opens the temporary copy, checks it is exactly version @from, upgrades it in one
 * transaction, checks the result, compacts it and checks it again. */
static gboolean
upgrade_copy (const char  *copy,
              guint        from,
              guint        to,
              const char  *display,
              GError     **error)
{
  const char *doing = _("Upgrading the case file");
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  /* hardened as any case we did not write, until its schema is known to be ours */
  db = _cf_case_open_connection (copy, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return FALSE;

  /* Tables are rebuilt, so foreign keys are off (they cannot change inside a
   * transaction) and checked as a whole before the commit. */
  ok = _cf_case_exec_sql (db,
                          "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;"
                          "PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY;"
                          "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;",
                          doing, error)
       && _cf_case_schema_verify (db, from, display, error);
  if (ok)
    {
      /* the schema is known to be ours now, so our triggers may feed FTS5 */
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
      ok = _cf_case_exec_sql (db, "BEGIN IMMEDIATE", doing, error)
           && run_steps (db, from, to, error)
           && _cf_case_schema_verify (db, to, display, error)
           && verify_foreign_keys (db, display, error)
           && _cf_case_exec_sql (db, "COMMIT", doing, error);
      if (!ok && !sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }
  /* The rebuilt tables leave the old pages free; a feed's copies can be most of the
   * file. VACUUM attaches a temporary database of its own, which the hardened
   * connection refuses; the copy is private and its schema was just verified. */
  if (ok)
    {
      sqlite3_set_authorizer (db, NULL, NULL);
      sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 1);
    }
  ok = ok
       && _cf_case_exec_sql (db, "VACUUM", doing, error)
       && _cf_case_schema_verify (db, to, display, error);

  rc = sqlite3_close (db);
  if (ok && rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, NULL, rc, doing);
      ok = FALSE;
    }
  return ok;
}

/* --- files ------------------------------------------------------------------------ */

/* What identifies the file's content for our purpose: if none of it changed, no
 * other program committed to it (SQLite bumps the change counter on every commit). */
typedef struct
{
  dev_t    dev;
  ino_t    ino;
  off_t    size;
  gint64   mtime_ns;
  mode_t   mode;
  guint32  change_counter;
  guint32  version;
  guint32  app_id;
} FileStamp;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
read_stamp (int          fd,
            FileStamp   *stamp,
            const char  *display,
            GError     **error)
{
  guint8 header[100];
  struct stat st;
  ssize_t n;

  /* zeroed whole, padding too, since stamps are compared with memcmp */
  memset (stamp, 0, sizeof *stamp);
  if (fstat (fd, &st) != 0 || (n = pread (fd, header, sizeof header, 0)) < 0)
    {
      int saved = errno;

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not open “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode) || n < (ssize_t) sizeof header
      || memcmp (header, "SQLite format 3", 16) != 0
      || read_be32 (header + 68) != CF_APPLICATION_ID)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is not a Casefile case file."), display);
      return FALSE;
    }
  stamp->dev = st.st_dev;
  stamp->ino = st.st_ino;
  stamp->size = st.st_size;
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  stamp->mode = st.st_mode;
  stamp->change_counter = read_be32 (header + 24);
  stamp->version = read_be32 (header + 60);
  stamp->app_id = read_be32 (header + 68);
  return TRUE;
}

/* Copies all of @in to @out and flushes @out to the disk. */
static gboolean
copy_synced (int          in,
             int          out,
             const char  *display,
             GError     **error)
{
  g_autofree char *buffer = g_malloc (1 << 16);
  off_t offset = 0;

  for (;;)
    {
      ssize_t n = pread (in, buffer, 1 << 16, offset);
      ssize_t done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0 && fsync (out) == 0)
            return TRUE;
          break;
        }
      while (done < n)
        {
          ssize_t w = write (out, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            goto failed;
          done += w;
        }
      offset += n;
    }

failed:
  {
    int saved = errno;

    g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                 _("Could not copy “%s”: %s."), display, g_strerror (saved));
  }
  return FALSE;
}

/* NAME.vN-backup.casefile, or NAME.vN-backup-2.casefile and so on when taken;
 * created exclusively, so an existing file is never overwritten. */
static int
create_backup (const char  *path,
               guint        version,
               mode_t       mode,
               char       **backup_out,
               GError     **error)
{
  g_autofree char *stem = g_str_has_suffix (path, ".casefile")
                          ? g_strndup (path, strlen (path) - strlen (".casefile"))
                          : g_strdup (path);

  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *candidate = i == 1
                                   ? g_strdup_printf ("%s.v%u-backup.casefile", stem, version)
                                   : g_strdup_printf ("%s.v%u-backup-%u.casefile", stem, version, i);
      int fd = g_open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0666);

      if (fd >= 0)
        {
          *backup_out = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_basename (candidate);

          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                       _("Could not create “%s”: %s."), display, g_strerror (saved));
          return -1;
        }
    }
  g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_EXISTS,
               _("There are too many backups of this case beside it; move some away."));
  return -1;
}

static gboolean
has_side_file (const char *path,
               const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (side, &st) == 0 && st.st_size > 0;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
remove_copy (const char *copy)
{
  g_autofree char *journal = g_strconcat (copy, "-journal", NULL);

  g_unlink (journal);
  g_unlink (copy);
}

gboolean
_cf_case_upgrade_file_to (const char  *path,
                          guint        to_version,
                          guint       *from_version_out,
                          char       **backup_path_out,
                          GError     **error)
{
  g_autofree char *real = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *backup = NULL;
  FileStamp before = { 0 }, after = { 0 };
  int in = -1, out = -1, saved;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (to_version >= 1 && to_version <= CF_SCHEMA_NEWEST, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (backup_path_out != NULL)
    *backup_path_out = NULL;
  display = g_filename_display_basename (path);

  /* SQLite keeps its journal beside the real file, and the rename must replace the
   * real file, not a link to it. */
  real = realpath (path, NULL);
  if (real == NULL)
    {
      saved = errno;
      g_set_error (error, CF_CASE_ERROR, saved == ENOENT ? CF_CASE_ERROR_NOT_FOUND : CF_CASE_ERROR_IO,
                   _("Could not open “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }

  in = g_open (real, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      saved = errno;
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not open “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  if (!read_stamp (in, &before, display, error))
    goto out;
  if (from_version_out != NULL)
    *from_version_out = before.version;
  if (before.version > to_version)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Casefile (format %u; "
                     "this version reads up to %u). Update Casefile to open it."),
                   display, before.version, to_version);
      goto out;
    }
  if (before.version == to_version)
    {
      ok = TRUE;
      goto out;
    }
  if (before.version == 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” is an unfinished case file (it has no format version)."),
                   display);
      goto out;
    }
  /* A journal means a write in progress or a crash: the bytes alone are not the
   * case. Opening the case settles a crash's journal. */
  if (has_side_file (real, "-journal") || has_side_file (real, "-wal"))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY,
                   _("“%s” has a journal beside it: another program may be writing to "
                     "it, or it was left by a crash. Close other programs using the case "
                     "(or open it once so the journal is settled), then upgrade it."),
                   display);
      goto out;
    }

  out = create_backup (real, before.version, before.mode, &backup, error);
  if (out < 0 || !copy_synced (in, out, display, error))
    goto out;
  close (out);
  out = -1;

  dir = g_path_get_dirname (real);
  copy = g_build_filename (dir, ".casefile-upgrade-XXXXXX", NULL);
  out = g_mkstemp_full (copy, O_RDWR | O_CLOEXEC, before.mode & 0666);
  if (out < 0)
    {
      saved = errno;
      g_clear_pointer (&copy, g_free);
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not upgrade “%s”: %s."), display, g_strerror (saved));
      goto out;
    }
  if (!copy_synced (in, out, display, error))
    goto out;
  close (out);
  out = -1;

  if (!read_stamp (in, &after, display, error))
    goto out;
  if (memcmp (&before, &after, sizeof before) != 0)
    goto changed;

  if (!upgrade_copy (copy, before.version, to_version, display, error))
    goto out;

  /* the single moment the case changes */
  if (!read_stamp (in, &after, display, error))
    goto out;
  if (memcmp (&before, &after, sizeof before) != 0)
    goto changed;
  if (g_chmod (copy, before.mode & 07777) != 0 || g_rename (copy, real) != 0)
    {
      saved = errno;
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not upgrade “%s”: %s."), display, g_strerror (saved));
      goto out;
    }
  g_clear_pointer (&copy, g_free);
  sync_folder (real);

  ok = TRUE;
  if (backup_path_out != NULL)
    *backup_path_out = g_steal_pointer (&backup);
  goto out;

changed:
  g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY,
               _("“%s” changed while it was being upgraded, so the upgrade was given up. "
                 "Try again when no other program is using it."), display);

out:
  if (out >= 0)
    close (out);
  if (in >= 0)
    close (in);
  if (!ok)
    {
      if (copy != NULL)
        remove_copy (copy);
      if (backup != NULL)
        g_unlink (backup);
      if (error != NULL && *error != NULL && before.version != 0 && before.version < to_version)
        g_prefix_error (error, _("“%s” was not upgraded and is as it was. "), display);
    }
  return ok;
}

gboolean
_cf_case_upgrade_file (const char  *path,
                       guint       *from_version_out,
                       char       **backup_path_out,
                       GError     **error)
{
  return _cf_case_upgrade_file_to (path, CF_SCHEMA_VERSION, from_version_out,
                                   backup_path_out, error);
}

gboolean
cf_case_upgrade (const char  *path,
                 char       **backup_path,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cf_case_upgrade_file (path, NULL, backup_path, error);
}
