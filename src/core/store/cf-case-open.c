/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening, creating and copying case files. A case file may come from anyone, so
 * nothing here trusts it: the header is read before SQLite sees the file, the
 * connection is locked down (limits, authorizer, no extensions, untrusted schema)
 * before the first page is read, and the schema must be exactly ours. A journal
 * left beside the file must restore this very case (cf-case-journal.c). New files and Save As
 * copies are written under a temporary name and moved into place. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cf-case-journal-private.h"
#include "cf-case-private.h"
#include "cf-case-schema.h"

/* Bounds for a file we did not write: a case file holds whole articles, so values
 * may be long, but SQL text, expressions and compound queries stay small. */
#define CF_LIMIT_LENGTH        (256 * 1024 * 1024)
#define CF_LIMIT_SQL_LENGTH    (1024 * 1024)
#define CF_LIMIT_EXPR_DEPTH    200
#define CF_LIMIT_COMPOUND      16
#define CF_LIMIT_VDBE_OP       100000
#define CF_LIMIT_FUNCTION_ARG  16
#define CF_LIMIT_LIKE_PATTERN  1000
#define CF_LIMIT_VARIABLES     1000
#define CF_LIMIT_TRIGGER_DEPTH 4
#define CF_BUSY_TIMEOUT_MS     5000

static char *vfs_name;

void
_cf_case_set_vfs_name (const char *name)
{
  g_free (vfs_name);
  vfs_name = g_strdup (name);
}

static const char *allowed_pragmas[] = {
  "application_id", "user_version", "quick_check", "integrity_check", "foreign_keys",
  "foreign_key_check", "journal_mode", "synchronous", "cell_size_check", "mmap_size",
  "busy_timeout", "defer_foreign_keys", "table_info", "table_xinfo", "index_list",
  "index_info", "data_version", "page_size", "page_count", "schema_version",
  "secure_delete", "temp_store", "cache_size", NULL
};

/* A second line of defence behind the limits: no ATTACH, and only the pragmas we use
 * (SQLite's session and FTS5 code use some of them internally). */
static int
authorizer_cb (void       *user_data,
               int         action,
               const char *arg1,
               const char *arg2,
               const char *database,
               const char *trigger)
{
  switch (action)
    {
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return SQLITE_DENY;
    case SQLITE_PRAGMA:
      if (arg1 != NULL && g_strv_contains (allowed_pragmas, arg1))
        return SQLITE_OK;
      return SQLITE_DENY;
    default:
      return SQLITE_OK;
    }
}

static void
apply_limits (sqlite3 *db)
{
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, CF_LIMIT_LENGTH);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, CF_LIMIT_SQL_LENGTH);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, CF_LIMIT_EXPR_DEPTH);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, CF_LIMIT_COMPOUND);
  sqlite3_limit (db, SQLITE_LIMIT_VDBE_OP, CF_LIMIT_VDBE_OP);
  sqlite3_limit (db, SQLITE_LIMIT_FUNCTION_ARG, CF_LIMIT_FUNCTION_ARG);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, CF_LIMIT_LIKE_PATTERN);
  sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, CF_LIMIT_VARIABLES);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, CF_LIMIT_TRIGGER_DEPTH);
}

/* Everything that must hold before SQLite reads a single page of a file we did not
 * write (PLATFORM-NOTES.md, "opening a case file someone sent you"). */
static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_EXRESCODE, _cf_case_nowal_vfs_name (vfs_name));
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, db, rc, _("Opening the case file"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);
  apply_limits (db);
  sqlite3_set_authorizer (db, authorizer_cb, NULL);
  /* another program writing the case holds the lock for a moment: wait for it */
  sqlite3_busy_timeout (db, CF_BUSY_TIMEOUT_MS);

  if (!_cf_case_exec_sql (db,
                          "PRAGMA cell_size_check = ON;"
                          "PRAGMA mmap_size = 0;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA temp_store = MEMORY;",
                          _("Opening the case file"), error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
_cf_case_open_connection (const char  *path,
                          int          flags,
                          GError     **error)
{
  return open_connection (path, flags, error);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the first 100 bytes: "SQLite format 3", our application id, a version we
 * know, and a size that agrees with the header. */
static gboolean
check_header (const char  *path,
              gboolean     has_journal,
              GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  guint8 header[100];
  GStatBuf st;
  FILE *f;
  size_t n;
  guint32 page_size, page_count, app_id, version;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_FOUND,
                     _("There is no file “%s”."), display);
      else
        g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                     _("Could not open “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is a folder, not a case file."), display);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is not a regular file, so it is not a case file."), display);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is empty, so it is not a case file."), display);
      return FALSE;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not open “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is not a Casefile case file."), display);
      return FALSE;
    }
  if (n < sizeof header)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” is cut short: it ends inside its header."), display);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  version = read_be32 (header + 60);
  if (app_id != CF_APPLICATION_ID)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is an SQLite database of another program, not a Casefile "
                     "case file."), display);
      return FALSE;
    }
  if (version > CF_SCHEMA_VERSION)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Casefile (format %u; "
                     "this version reads up to %u). Update Casefile to open it."),
                   display, version, CF_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” is an unfinished case file (it has no format version)."),
                   display);
      return FALSE;
    }
  /* never upgraded on the way: the user chooses to, and keeps a backup */
  if (version < CF_SCHEMA_VERSION)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE,
                   _("“%s” is from an older version of Casefile (case file format %u) "
                     "and must be upgraded to format %u before it can be opened: run "
                     "“casefile-cli upgrade %s”, or open it in Casefile and choose "
                     "Upgrade. A backup of the old file is kept beside it."),
                   display, version, CF_SCHEMA_VERSION, shown);
      return FALSE;
    }

  /* A file with a journal may be mid-transaction: its size and header agree again
   * only after the replay (cf-case-journal.c). */
  if (has_journal)
    return TRUE;

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0
      || (guint64) st.st_size % page_size != 0
      || (read_be32 (header + 24) == read_be32 (header + 92)
          && (guint64) page_count * page_size > (guint64) st.st_size))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” is damaged: its size does not match its header (it may "
                     "have been cut short while copying)."), display);
      return FALSE;
    }

  return TRUE;
}

/* quick_check, application id, version and exactly our schema, everything in
 * sqlite_schema included (cf-case-schema.c). */
static gboolean
verify_connection (sqlite3     *db,
                   const char  *display,
                   GError     **error)
{
  if (!_cf_case_schema_verify (db, CF_SCHEMA_VERSION, display, error))
    return FALSE;

  /* trusted_schema guards against SQL a sender wrote into the schema. Now that the
   * schema is known to be exactly ours, our own triggers may feed the FTS5 tables
   * (which SQLite 3.40 does not mark innocuous). */
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);

  return TRUE;
}

static gboolean
has_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf st;

  return g_stat (journal, &st) == 0 && st.st_size > 0;
}

static sqlite3 *
open_verified (const char  *path,
               gboolean    *read_only,
               GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *real = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) header_error = NULL;
  gboolean writable;
  gboolean journal;
  sqlite3 *db;

  /* SQLite keeps its journal beside the file the link points to: every side file
   * is looked for there, and SQLite is given that path too */
  real = realpath (path, NULL);
  if (real == NULL)
    real = g_strdup (path);
  dir = g_path_get_dirname (real);

  /* SQLite writes a journal beside the file, so the folder must be writable too. */
  writable = g_access (real, W_OK) == 0 && g_access (dir, W_OK) == 0;
  if (!writable)
    *read_only = TRUE;

  journal = has_journal (real);
  if (!check_header (real, journal, &header_error))
    {
      /* An older version's crash: its journal is settled now, since the upgrade the
       * message asks for will not start while there is one. */
      if (journal
          && g_error_matches (header_error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE)
          && (!_cf_case_check_no_wal (real, error)
              || !_cf_case_restore_journal (real, writable, error)))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&header_error));
      return NULL;
    }
  if (!_cf_case_check_no_wal (real, error))
    return NULL;

  /* replayed on the file whatever the command, so reading shows the last commit */
  if (journal
      && (!_cf_case_restore_journal (real, writable, error)
          || !check_header (real, has_journal (real), error)))
    return NULL;

  db = open_connection (real, *read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  if (!verify_connection (db, display, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (!*read_only
      && !_cf_case_exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;",
                             _("Opening the case file"), error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static CfCase *
case_new_for_db (sqlite3    *db,
                 const char *path,
                 gboolean    read_only)
{
  CfCase *self = g_object_new (CF_TYPE_CASE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->read_only = read_only;
  return self;
}

CfCase *
cf_case_open (const char       *path,
              CfCaseOpenFlags   flags,
              GError          **error)
{
  g_autoptr(CfCase) self = NULL;
  gboolean read_only = (flags & CF_CASE_OPEN_READ_ONLY) != 0;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = open_verified (path, &read_only, error);
  if (db == NULL)
    return NULL;

  self = case_new_for_db (db, path, read_only);
  if (!_cf_case_load_info (self, error))
    return NULL;
  _cf_case_remember_data_version (self);

  /* compiled now, so a rollback under memory pressure needs no compiling */
  if (!read_only)
    {
      if (_cf_case_prepare (self, "ROLLBACK", error) == NULL)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* 16 random bytes as 32 lower-case hex digits: the case's identity (format 2). */
static char *
make_case_id (void)
{
  guint8 bytes[16];
  GString *hex;
  gsize got = 0;
  int fd = g_open ("/dev/urandom", O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      while (got < sizeof bytes)
        {
          ssize_t n = read (fd, bytes + got, sizeof bytes - got);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          got += n;
        }
      close (fd);
    }
  /* GLib's generator is seeded from /dev/urandom too, where there is one */
  for (; got < sizeof bytes; got++)
    bytes[got] = (guint8) g_random_int_range (0, 256);

  hex = g_string_sized_new (2 * sizeof bytes);
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

CfCase *
cf_case_create (const char  *path,
                const char  *title,
                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autofree char *setup = NULL;
  g_autofree char *case_id = make_case_id ();
  sqlite3 *db;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_EXISTS,
                   _("“%s” already exists; choose another name."), display);
      return NULL;
    }

  /* Build the file under a temporary name and link it into place, so a crash never
   * leaves a half-made case file under the real name. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_build_filename (dir, ".casefile-new-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CF_CASE_ERROR, saved == ENOENT ? CF_CASE_ERROR_NOT_FOUND : CF_CASE_ERROR_IO,
                   _("Could not create “%s”: %s."), display, g_strerror (saved));
      return NULL;
    }
  close (fd);
  g_unlink (tmp);

  db = open_connection (tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    {
      g_unlink (tmp);
      return NULL;
    }

  setup = g_strdup_printf ("PRAGMA journal_mode = DELETE;"
                           "PRAGMA synchronous = FULL;"
                           "PRAGMA application_id = %d;"
                           "BEGIN;"
                           "%s"
                           "PRAGMA user_version = %d;"
                           "COMMIT;",
                           CF_APPLICATION_ID, _cf_case_schema_sql (CF_SCHEMA_VERSION),
                           CF_SCHEMA_VERSION);

  /* The schema is ours: it may be written before the defensive flag would refuse
   * writing to sqlite_schema (it does not, since DDL is allowed). */
  if (!_cf_case_exec_sql (db, setup, _("Creating the case file"), error))
    goto fail;

  {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2 (db,
                                 "INSERT INTO case_info (id, case_id, title, created, modified) "
                                 "VALUES (1, ?3, ?1, ?2, ?2)", -1, &stmt, NULL);
    if (rc == SQLITE_OK)
      {
        sqlite3_bind_text (stmt, 1, title ? title : "", -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, case_id, -1, SQLITE_STATIC);
        rc = sqlite3_step (stmt);
        if (rc == SQLITE_DONE)
          rc = SQLITE_OK;
      }
    sqlite3_finalize (stmt);
    if (rc != SQLITE_OK)
      {
        _cf_case_set_sqlite_error (error, db, rc, _("Creating the case file"));
        goto fail;
      }
  }

  if (sqlite3_close (db) != SQLITE_OK)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not finish writing “%s”."), display);
      db = NULL;
      goto fail;
    }
  db = NULL;

  if (link (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, CF_CASE_ERROR, saved == EEXIST ? CF_CASE_ERROR_EXISTS : CF_CASE_ERROR_IO,
                   _("Could not create “%s”: %s."), display, g_strerror (saved));
      goto fail;
    }
  g_unlink (tmp);

  return cf_case_open (path, CF_CASE_OPEN_DEFAULT, error);

fail:
  if (db != NULL)
    sqlite3_close (db);
  g_unlink (tmp);
  return NULL;
}

gboolean
cf_case_save_as (CfCase      *self,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  sqlite3 *dest = NULL;
  sqlite3 *reopened;
  sqlite3_backup *backup;
  gboolean read_only = FALSE;
  int fd, rc;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_cf_case_check_open (self, error))
    return FALSE;
  if (self->action_depth > 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                   _("Finish the current edit before saving a copy."));
      return FALSE;
    }

  display = g_filename_display_basename (path);
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".casefile-copy-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not write “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  dest = open_connection (tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (dest == NULL)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      _cf_case_set_sqlite_error (error, dest, sqlite3_errcode (dest), _("Saving a copy"));
      goto fail;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, dest, rc, _("Saving a copy"));
      goto fail;
    }
  if (!_cf_case_exec_sql (dest, "PRAGMA journal_mode = DELETE", _("Saving a copy"), error))
    goto fail;
  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not finish writing “%s”."), display);
      dest = NULL;
      goto fail;
    }
  dest = NULL;

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not write “%s”: %s."), display, g_strerror (saved));
      goto fail;
    }

  /* Go on with the copy; the undo history stays valid since the content is equal. */
  reopened = open_verified (path, &read_only, error);
  if (reopened == NULL)
    return FALSE;
  _cf_case_finalize_statements (self);
  sqlite3_close (self->db);
  self->db = reopened;
  _cf_case_remember_data_version (self);
  g_free (self->path);
  self->path = g_strdup (path);
  _cf_case_notify (self, CF_CASE_PROP_PATH);
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      _cf_case_notify (self, CF_CASE_PROP_READ_ONLY);
    }
  return TRUE;

fail:
  if (dest != NULL)
    sqlite3_close (dest);
  g_unlink (tmp);
  return FALSE;
}
