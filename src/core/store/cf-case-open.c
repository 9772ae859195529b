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
#include "cf-case-stamp.h"

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
  static gsize configured = 0;
  sqlite3 *db = NULL;
  int rc;

  /* SQLite counts every allocation under a process-wide lock unless told not to
   * before it starts (nothing here reads the counts); if something in the process
   * started it already, this fails and changes nothing. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }

  /* A connection is used by one thread at a time (the worker that opens and checks
   * it hands it to the caller's thread), so it needs no lock of its own around every
   * call: with one, a column read took two pthread calls, a tenth of listing claims. */
  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX,
                        _cf_case_nowal_vfs_name (vfs_name));
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

/* What one open decided and how it can be stopped: the worker of
 * cf_case_open_async() shares it with the thread that may cancel. */
typedef struct
{
  gboolean      full_check;
  gint64        stamp_data_version;
  GCancellable *cancellable;
  GMutex        lock;
  sqlite3      *checking;   /* the connection being checked, for sqlite3_interrupt */
} OpenState;

static void
open_state_init (OpenState    *state,
                 GCancellable *cancellable)
{
  memset (state, 0, sizeof *state);
  state->stamp_data_version = -1;
  state->cancellable = cancellable;
  g_mutex_init (&state->lock);
}

static void
open_state_clear (OpenState *state)
{
  g_mutex_clear (&state->lock);
}

/* Between the VM steps of the check; the b-tree walk inside one step only sees
 * sqlite3_interrupt(), which cancelled_cb() calls. */
static int
check_progress_cb (void *data)
{
  OpenState *state = data;

  return g_cancellable_is_cancelled (state->cancellable) ? 1 : 0;
}

static void
cancelled_cb (GCancellable *cancellable,
              OpenState    *state)
{
  g_mutex_lock (&state->lock);
  if (state->checking != NULL)
    sqlite3_interrupt (state->checking);
  g_mutex_unlock (&state->lock);
}

/* quick_check, application id, version and exactly our schema, everything in
 * sqlite_schema included (cf-case-schema.c); stopped when @state's cancellable is. */
static gboolean
verify_connection (sqlite3     *db,
                   const char  *display,
                   OpenState   *state,
                   GError     **error)
{
  gulong handler = 0;
  gboolean ok;

  if (state->cancellable != NULL)
    {
      g_mutex_lock (&state->lock);
      state->checking = db;
      g_mutex_unlock (&state->lock);
      handler = g_cancellable_connect (state->cancellable, G_CALLBACK (cancelled_cb), state, NULL);
      sqlite3_progress_handler (db, 1000, check_progress_cb, state);
    }
  ok = _cf_case_schema_verify (db, CF_SCHEMA_VERSION, display, error);
  if (state->cancellable != NULL)
    {
      sqlite3_progress_handler (db, 0, NULL, NULL);
      g_cancellable_disconnect (state->cancellable, handler);
      g_mutex_lock (&state->lock);
      state->checking = NULL;
      g_mutex_unlock (&state->lock);
      if (g_cancellable_is_cancelled (state->cancellable))
        {
          g_clear_error (error);
          ok = FALSE;
          g_cancellable_set_error_if_cancelled (state->cancellable, error);
        }
    }
  if (!ok)
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

static gboolean
read_data_version (sqlite3  *db,
                   gint64   *version,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, db, rc, _("Opening the case file"));
      return FALSE;
    }
  return TRUE;
}

/* The full check, or none when the stamp says this machine's Casefile left the file
 * as it is (cf-case-stamp.c). Both run inside one read transaction, so no other
 * program can commit between the check and the stamp taken after it. */
static gboolean
check_or_trust (sqlite3     *db,
                const char  *real,
                gboolean     had_journal,
                const char  *display,
                OpenState   *state,
                GError     **error)
{
  gint64 version = -1;

  if (!_cf_case_exec_sql (db, "BEGIN", _("Opening the case file"), error))
    return FALSE;
  /* the first read: from here on the file cannot change under us */
  if (!read_data_version (db, &version, error))
    goto fail;

  state->full_check = had_journal || !_cf_case_stamp_matches (real);
  if (state->full_check)
    {
      if (!verify_connection (db, display, state, error))
        goto fail;
      _cf_case_stamp_write (real);
    }
  else
    {
      /* The schema is the one compared when the stamp was taken (its cookie is in
       * the stamp), so only the cheap part runs: the application id and version. */
      if (!_cf_case_schema_verify_identity (db, CF_SCHEMA_VERSION, display, error))
        goto fail;
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
    }

  if (!_cf_case_exec_sql (db, "COMMIT", _("Opening the case file"), error))
    goto fail;
  state->stamp_data_version = version;
  return TRUE;

fail:
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static sqlite3 *
open_verified (const char  *path,
               gboolean    *read_only,
               OpenState   *state,
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

  if (!check_or_trust (db, real, journal, display, state, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* 16 MB of pages: a list reads its rows a block at a time, and the documents,
   * actors and tags they join stay cached between blocks. Only now: the pragma reads
   * the schema, which must wait for the journal and the check. */
  if (!_cf_case_exec_sql (db, "PRAGMA cache_size = -16384", _("Opening the case file"), error))
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

static CfCase *
open_case (const char       *path,
           CfCaseOpenFlags   flags,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(CfCase) self = NULL;
  gboolean read_only = (flags & CF_CASE_OPEN_READ_ONLY) != 0;
  OpenState state;
  sqlite3 *db;

  /* "" would name the current folder to some calls and nothing to others */
  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("No case file was named: the file name is empty."));
      return NULL;
    }

  open_state_init (&state, cancellable);
  db = open_verified (path, &read_only, &state, error);
  open_state_clear (&state);
  if (db == NULL)
    return NULL;

  self = case_new_for_db (db, path, read_only);
  self->full_check = state.full_check;
  self->stamp_data_version = state.stamp_data_version;
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

CfCase *
cf_case_open (const char       *path,
              CfCaseOpenFlags   flags,
              GError          **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_case (path, flags, NULL, error);
}

gboolean
cf_case_open_needs_check (const char *path)
{
  g_autofree char *real = NULL;
  g_autofree char *journal = NULL;

  g_return_val_if_fail (path != NULL, TRUE);

  real = realpath (path, NULL);
  if (real == NULL)
    return TRUE;
  journal = g_strconcat (real, "-journal", NULL);
  return g_file_test (journal, G_FILE_TEST_EXISTS) || !_cf_case_stamp_matches (real);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  CfCaseOpenFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "cf-flags"));
  GError *error = NULL;
  CfCase *kase = open_case (path, flags, cancellable, &error);

  if (kase != NULL)
    g_task_return_pointer (task, kase, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
cf_case_open_async (const char          *path,
                    CfCaseOpenFlags      flags,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_case_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "cf-flags", GUINT_TO_POINTER (flags));
  /* the case belongs to the caller's thread once returned, even if cancelled late */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, open_thread);
}

CfCase *
cf_case_open_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_case_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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

  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("No case file was named: the file name is empty."));
      return NULL;
    }

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
  OpenState state;
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
  open_state_init (&state, NULL);
  reopened = open_verified (path, &read_only, &state, error);
  open_state_clear (&state);
  if (reopened == NULL)
    return FALSE;
  self->full_check = state.full_check;
  self->stamp_data_version = state.stamp_data_version;
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
