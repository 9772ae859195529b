/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety under faults, the way SQLite tests itself: a VFS shim fails the N-th
 * write, sync, truncate or delete (once, or for good) and an allocator fails the N-th
 * allocation. For each representative edit, N goes 1, 2, ... until the edit runs
 * without any fault firing; after every attempt the case is reopened normally and
 * must be sound and hold exactly the state before or exactly the state after the
 * edit.
 *
 * CASEFILE_FAULTS_EXHAUSTIVE=1 tries every allocation rather than a sample, and both
 * "I/O error" and "disk full" at every write (slow). */

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-record-list.h"
#include "cf-test-util.h"

typedef enum
{
  FAULT_OFF,
  FAULT_ONCE,
  FAULT_PERSISTENT,
} FaultMode;

typedef struct
{
  FaultMode mode;
  guint     target;   /* the operation that fails first, counted from 1 */
  guint     count;    /* operations seen since armed */
  guint     fired;    /* faults injected since armed */
} Fault;

static Fault io_fault;
static Fault mem_fault;
/* SQLITE_FULL or SQLITE_IOERR_WRITE for a failed write */
static int io_write_error = SQLITE_IOERR_WRITE;

static void
fault_arm (Fault     *fault,
           FaultMode  mode,
           guint      target)
{
  fault->mode = mode;
  fault->target = target;
  fault->count = 0;
  fault->fired = 0;
}

static void
fault_disarm (Fault *fault)
{
  fault->mode = FAULT_OFF;
}

/* Counts one operation; TRUE when it must fail. */
static gboolean
fault_hit (Fault *fault)
{
  if (fault->mode == FAULT_OFF)
    return FALSE;

  fault->count++;
  if (fault->count == fault->target
      || (fault->mode == FAULT_PERSISTENT && fault->count > fault->target))
    {
      fault->fired++;
      return TRUE;
    }
  return FALSE;
}

/* --- the faulty VFS ---------------------------------------------------------- */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;  /* lives right after this struct, szOsFile bytes */
} FaultyFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs faulty_vfs;
static sqlite3_io_methods faulty_methods[4];

#define REAL(f) (((FaultyFile *) (f))->real)

static int
faulty_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
faulty_read (sqlite3_file  *file,
             void          *buf,
             int            amount,
             sqlite3_int64  offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
faulty_write (sqlite3_file  *file,
              const void    *buf,
              int            amount,
              sqlite3_int64  offset)
{
  if (fault_hit (&io_fault))
    return io_write_error;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
faulty_truncate (sqlite3_file  *file,
                 sqlite3_int64  size)
{
  if (fault_hit (&io_fault))
    return SQLITE_IOERR_TRUNCATE;
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
faulty_sync (sqlite3_file *file,
             int           flags)
{
  if (fault_hit (&io_fault))
    return SQLITE_IOERR_FSYNC;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
faulty_file_size (sqlite3_file  *file,
                  sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
faulty_lock (sqlite3_file *file,
             int           lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
faulty_unlock (sqlite3_file *file,
               int           lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
faulty_check_reserved_lock (sqlite3_file *file,
                            int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
faulty_file_control (sqlite3_file *file,
                     int           op,
                     void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
faulty_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
faulty_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
faulty_shm_map (sqlite3_file  *file,
                int            page,
                int            page_size,
                int            extend,
                void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
faulty_shm_lock (sqlite3_file *file,
                 int           offset,
                 int           n,
                 int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
faulty_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
faulty_shm_unmap (sqlite3_file *file,
                  int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
faulty_fetch (sqlite3_file   *file,
              sqlite3_int64   offset,
              int             amount,
              void          **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
faulty_unfetch (sqlite3_file  *file,
                sqlite3_int64  offset,
                void          *p)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, p);
}

static int
faulty_open (sqlite3_vfs      *vfs,
             sqlite3_filename  name,
             sqlite3_file     *file,
             int               flags,
             int              *out_flags)
{
  FaultyFile *ff = (FaultyFile *) file;
  int rc;

  ff->real = (sqlite3_file *) &ff[1];
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  /* SQLite calls xClose after a failed open when pMethods is set: mirror the real
   * file so that close reaches it. */
  if (ff->real->pMethods == NULL)
    ff->base.pMethods = NULL;
  else
    ff->base.pMethods = &faulty_methods[CLAMP (ff->real->pMethods->iVersion, 1, 3)];
  return rc;
}

static int
faulty_delete (sqlite3_vfs *vfs,
               const char  *name,
               int          sync_dir)
{
  if (fault_hit (&io_fault))
    return SQLITE_IOERR_DELETE;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static void
faulty_vfs_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  for (int v = 1; v <= 3; v++)
    {
      sqlite3_io_methods *m = &faulty_methods[v];

      m->iVersion = v;
      m->xClose = faulty_close;
      m->xRead = faulty_read;
      m->xWrite = faulty_write;
      m->xTruncate = faulty_truncate;
      m->xSync = faulty_sync;
      m->xFileSize = faulty_file_size;
      m->xLock = faulty_lock;
      m->xUnlock = faulty_unlock;
      m->xCheckReservedLock = faulty_check_reserved_lock;
      m->xFileControl = faulty_file_control;
      m->xSectorSize = faulty_sector_size;
      m->xDeviceCharacteristics = faulty_device_characteristics;
      if (v >= 2)
        {
          m->xShmMap = faulty_shm_map;
          m->xShmLock = faulty_shm_lock;
          m->xShmBarrier = faulty_shm_barrier;
          m->xShmUnmap = faulty_shm_unmap;
        }
      if (v >= 3)
        {
          m->xFetch = faulty_fetch;
          m->xUnfetch = faulty_unfetch;
        }
    }

  /* Everything but opening and deleting files goes straight to the real VFS, which
   * finds what it needs in the copied pAppData. */
  faulty_vfs = *real_vfs;
  faulty_vfs.pNext = NULL;
  faulty_vfs.zName = "cf-faulty";
  faulty_vfs.szOsFile = sizeof (FaultyFile) + real_vfs->szOsFile;
  faulty_vfs.xOpen = faulty_open;
  faulty_vfs.xDelete = faulty_delete;
  g_assert_cmpint (sqlite3_vfs_register (&faulty_vfs, 0), ==, SQLITE_OK);
}

/* While armed, the shim is also the default VFS, so that files the store opens
 * without naming a VFS (the temporary copy of Save As, temporary tables) fail too. */
static void
faulty_vfs_make_default (gboolean faulty)
{
  sqlite3_vfs_register (faulty ? &faulty_vfs : real_vfs, 1);
}

/* --- the failing allocator ----------------------------------------------------- */

static sqlite3_mem_methods real_mem;

static void *
faulty_malloc (int size)
{
  if (fault_hit (&mem_fault))
    return NULL;
  return real_mem.xMalloc (size);
}

static void
faulty_free (void *p)
{
  real_mem.xFree (p);
}

static void *
faulty_realloc (void *p,
                int   size)
{
  if (fault_hit (&mem_fault))
    return NULL;
  return real_mem.xRealloc (p, size);
}

static int
faulty_mem_size (void *p)
{
  return real_mem.xSize (p);
}

static int
faulty_roundup (int size)
{
  return real_mem.xRoundup (size);
}

static int
faulty_mem_init (void *data)
{
  return real_mem.xInit (data);
}

static void
faulty_mem_shutdown (void *data)
{
  real_mem.xShutdown (data);
}

/* Must run before anything initialises SQLite. */
static void
faulty_malloc_install (void)
{
  static sqlite3_mem_methods methods;

  g_assert_cmpint (sqlite3_shutdown (), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_GETMALLOC, &real_mem), ==, SQLITE_OK);
  methods = real_mem;
  methods.xMalloc = faulty_malloc;
  methods.xFree = faulty_free;
  methods.xRealloc = faulty_realloc;
  methods.xSize = faulty_mem_size;
  methods.xRoundup = faulty_roundup;
  methods.xInit = faulty_mem_init;
  methods.xShutdown = faulty_mem_shutdown;
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_MALLOC, &methods), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
}

/* --- canonical content of a case file ---------------------------------------------- */

static gboolean
column_is_volatile (const char *name)
{
  static const char * const names[] = {
    "created", "modified", "imported", "at", "changed", "updated", "time",
    "timestamp", "when", "opened",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return g_str_has_suffix (name, "_at") || g_str_has_suffix (name, "_time");
}

/* Every row of every ordinary table (FTS shadow tables and sqlite_sequence included),
 * in a stable order. Clock readings differ between runs, so columns that hold them
 * are left out and timestamps inside text are masked. */
static char *
dump_db (sqlite3 *db)
{
  static GRegex *timestamp_re;
  GString *out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  if (timestamp_re == NULL)
    timestamp_re = g_regex_new ("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?"
                                "(Z|[+-]\\d\\d:?\\d\\d)?", 0, 0, NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema"
                                       " WHERE type = 'table'"
                                       "   AND sql NOT LIKE 'CREATE VIRTUAL%'"
                                       "   AND (name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                       "        OR name = 'sqlite_sequence')"
                                       " ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *probe_sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GString) order = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autofree gboolean *keep = NULL;
      sqlite3_stmt *rows = NULL;
      int n;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe_sql, -1, &rows, NULL), ==, SQLITE_OK);
      n = sqlite3_column_count (rows);
      keep = g_new0 (gboolean, n);
      for (int i = 0; i < n; i++)
        {
          keep[i] = !column_is_volatile (sqlite3_column_name (rows, i));
          if (keep[i])
            g_string_append_printf (order, "%s%d", order->len ? ", " : "", i + 1);
        }
      sqlite3_finalize (rows);

      g_string_append_printf (out, "== %s\n", table);
      sql = g_strdup_printf ("%s%s%s", probe_sql, order->len ? " ORDER BY " : "", order->str);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < n; i++)
            {
              if (!keep[i])
                continue;
              g_string_append_c (out, i ? '|' : ' ');
              switch (sqlite3_column_type (rows, i))
                {
                case SQLITE_NULL:
                  g_string_append (out, "NULL");
                  break;
                case SQLITE_INTEGER:
                  g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                          (gint64) sqlite3_column_int64 (rows, i));
                  break;
                case SQLITE_FLOAT:
                  g_string_append_printf (out, "%.17g", sqlite3_column_double (rows, i));
                  break;
                case SQLITE_TEXT:
                  {
                    const char *text = (const char *) sqlite3_column_text (rows, i);
                    g_autofree char *masked =
                      g_regex_replace_literal (timestamp_re, text, -1, 0, "<time>", 0, NULL);
                    g_autofree char *escaped = g_strescape (masked, NULL);

                    if (strlen (escaped) > 200)
                      {
                        g_autofree char *sum =
                          g_compute_checksum_for_string (G_CHECKSUM_SHA256, masked, -1);

                        g_string_append_printf (out, "T%zu:%s", strlen (masked), sum);
                      }
                    else
                      g_string_append_printf (out, "'%s'", escaped);
                  }
                  break;
                default:
                  {
                    g_autofree char *sum =
                      g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                   sqlite3_column_blob (rows, i),
                                                   sqlite3_column_bytes (rows, i));
                    g_string_append_printf (out, "B%d:%s", sqlite3_column_bytes (rows, i), sum);
                  }
                  break;
                }
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

/* Opens @path with the default VFS and returns its canonical content, after checking
 * that the case is sound. A journal left beside it by a failed write must be
 * replayed, not refused. */
static char *
reopen_and_dump (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = NULL;
  char *dump;

  _cf_case_set_vfs_name (NULL);
  c = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  cf_test_assert_case_sound (c);
  dump = dump_db (_cf_case_get_db (c));
  cf_case_close (c);
  return dump;
}

/* Shows the first line where two dumps part, for the log. */
static void
report_difference (const char *label,
                   const char *expected,
                   const char *actual)
{
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);
  const char *table = "";
  guint i;

  for (i = 0; e[i] && a[i] && g_str_equal (e[i], a[i]); i++)
    if (g_str_has_prefix (e[i], "== "))
      table = e[i] + 3;
  g_test_message ("%s differs in table %s, line %u:\n  expected: %.300s\n  actual:   %.300s",
                  label, table, i, e[i] ? e[i] : "(end)", a[i] ? a[i] : "(end)");
}

/* --- the base case and the edits ---------------------------------------------------- */

typedef struct
{
  char   *dir;
  char   *base_path;   /* the case every attempt starts from */
  char   *work_path;   /* the copy an attempt edits */
  char   *copy_path;   /* Save As target */
  gint64  doc_id;
  gint64  doc2_id;
  gint64  claim_id;
  gint64  claim2_id;
} Fixture;

static Fixture fx;

static void
fixture_create_base (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autofree char *text = cf_test_make_text (1, 400);
  g_autofree char *text2 = cf_test_make_text (2, 300);
  gint64 hyp, tag;

  /* Thousands of commits, each with its fsyncs: a RAM-backed folder keeps the run
   * short, and the shim counts the calls all the same. */
  if (g_access ("/dev/shm", W_OK) == 0)
    {
      fx.dir = g_build_filename ("/dev/shm", "casefile-faults-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (fx.dir));
    }
  else
    {
      fx.dir = g_dir_make_tmp ("casefile-faults-XXXXXX", &error);
      g_assert_no_error (error);
    }
  fx.base_path = g_build_filename (fx.dir, "base.casefile", NULL);
  fx.work_path = g_build_filename (fx.dir, "work.casefile", NULL);
  fx.copy_path = g_build_filename (fx.dir, "copy.casefile", NULL);

  _cf_case_set_vfs_name (NULL);
  c = cf_case_create (fx.base_path, "Faults", &error);
  g_assert_no_error (error);

  fx.doc_id = cf_case_import_text (c, "First report", text, &error);
  g_assert_no_error (error);
  fx.doc2_id = cf_case_import_text (c, "Second report", text2, &error);
  g_assert_no_error (error);
  fx.claim_id = cf_case_add_claim (c, fx.doc_id, 10, 60, NULL, &error);
  g_assert_no_error (error);
  fx.claim2_id = cf_case_add_claim (c, fx.doc2_id, 0, 40, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_actor_name (c, fx.claim2_id, "Ministry", &error));
  g_assert_no_error (error);
  hyp = cf_case_add_hypothesis (c, "Staged", "It was staged", &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_relation (c, fx.claim2_id, hyp, CF_RELATION_CONSISTENT, &error));
  tag = cf_case_add_tag (c, "Attack", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_add_claim_tag (c, fx.claim2_id, tag, &error));
  cf_case_add_note (c, CF_NOTE_TARGET_CLAIM, fx.claim2_id, "check the footage", &error);
  g_assert_no_error (error);
  cf_case_add_note (c, CF_NOTE_TARGET_DOCUMENT, fx.doc2_id, "second source", &error);
  g_assert_no_error (error);
  cf_case_close (c);
}

static void
remove_dir_contents (const char *dir,
                     const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_strcmp0 (name, keep) == 0)
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
fixture_reset_work (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  remove_dir_contents (fx.dir, "base.casefile");
  g_file_get_contents (fx.base_path, &contents, &len, &error);
  g_assert_no_error (error);
  /* no fsync: the copy only has to survive this process */
  g_file_set_contents_full (fx.work_path, contents, len, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

typedef gboolean (*EditFunc) (CfCase  *c,
                              GError **error);

typedef struct
{
  const char *name;
  EditFunc    prepare;   /* unarmed, before the edit; may be NULL */
  EditFunc    edit;
  gboolean    save_as;   /* the edit writes fx.copy_path, not the case */
} Edit;

static gboolean
edit_import (CfCase  *c,
             GError **error)
{
  g_autofree char *text = cf_test_make_text (7, 2500);

  return cf_case_import_text (c, "Imported", text, error) != 0;
}

static gboolean
edit_add_claim (CfCase  *c,
                GError **error)
{
  return cf_case_add_claim (c, fx.doc_id, 100, 180, NULL, error) != 0;
}

static gboolean
edit_rate_claim (CfCase  *c,
                 GError **error)
{
  return cf_case_set_claim_reliability (c, fx.claim_id, CF_RELIABILITY_B, error);
}

static gboolean
edit_tag_claim (CfCase  *c,
                GError **error)
{
  gint64 tag;

  cf_case_begin_action (c, "Tag claim");
  tag = cf_case_add_tag (c, "Evidence", 0, "#aa3300", error);
  if (tag == 0)
    {
      cf_case_cancel_action (c);
      return FALSE;
    }
  if (!cf_case_add_claim_tag (c, fx.claim_id, tag, error))
    {
      cf_case_cancel_action (c);
      return FALSE;
    }
  return cf_case_end_action (c, error);
}

static gboolean
edit_delete_document (CfCase  *c,
                      GError **error)
{
  return cf_case_delete_document (c, fx.doc2_id, error);
}

static gboolean
prepare_undo (CfCase  *c,
              GError **error)
{
  if (cf_case_add_claim (c, fx.doc2_id, 50, 120, NULL, error) == 0)
    return FALSE;
  return cf_case_set_claim_credibility (c, fx.claim2_id, CF_CREDIBILITY_3, error);
}

static gboolean
edit_undo (CfCase  *c,
           GError **error)
{
  return cf_case_undo (c, error);
}

static gboolean
edit_save_as (CfCase  *c,
              GError **error)
{
  return cf_case_save_as (c, fx.copy_path, error);
}

/* A feed stored one item per slice through a CfImportBatch (issue 12): every
 * slice's changeset, page flush and the commit are failure points, and the file must
 * end up with the whole feed or none of it. */
static gboolean
edit_import_batch (CfCase  *c,
                   GError **error)
{
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                          "<title>Wire</title>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CfImportBatch) batch = NULL;
  CfImport *import;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (feed, "<item><title>Item %u</title><description>Officials said on "
                            "day %u that the drone was shot down near the border.</description>"
                            "</item>", i, i);
  g_string_append (feed, "</channel></rss>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&feed));
  import = cf_import_from_bytes (bytes, "wire.rss", error);
  if (import == NULL)
    return FALSE;
  batch = cf_case_begin_import (c, error);
  if (batch == NULL)
    {
      cf_import_free (import);
      return FALSE;
    }
  if (cf_import_batch_add (batch, import, error) == NULL)
    return FALSE;
  /* a deadline already past: one document per slice */
  while (cf_import_batch_get_progress (batch, NULL, NULL))
    {
      if (!cf_import_batch_store (batch, 0, error))
        return FALSE;
    }
  return cf_import_batch_commit (batch, error);
}

static gboolean
edit_undo_import_batch (CfCase  *c,
                        GError **error)
{
  return cf_case_undo (c, error);
}

static const Edit edits[] = {
  { "import-batch", NULL, edit_import_batch, FALSE },
  { "undo-import-batch", edit_import_batch, edit_undo_import_batch, FALSE },
  { "import-text", NULL, edit_import, FALSE },
  { "add-claim", NULL, edit_add_claim, FALSE },
  { "rate-claim", NULL, edit_rate_claim, FALSE },
  { "tag-claim", NULL, edit_tag_claim, FALSE },
  { "delete-document", NULL, edit_delete_document, FALSE },
  { "undo", prepare_undo, edit_undo, FALSE },
  { "save-as", NULL, edit_save_as, TRUE },
};

typedef enum
{
  KIND_IO,
  KIND_IO_FULL,
  KIND_MEMORY,
} FaultKind;

typedef struct
{
  const Edit *edit;
  FaultKind   kind;
  FaultMode   mode;
} FaultTest;

/* The case after the edit without faults: the "after" state. */
static void
reference_states (const Edit  *edit,
                  char       **before,
                  char       **after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = NULL;

  fixture_reset_work ();
  _cf_case_set_vfs_name (NULL);
  c = cf_case_open (fx.work_path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (edit->prepare)
    {
      g_assert_true (edit->prepare (c, &error));
      g_assert_no_error (error);
    }
  *before = dump_db (_cf_case_get_db (c));
  g_assert_true (edit->edit (c, &error));
  g_assert_no_error (error);
  cf_case_close (c);
  *after = reopen_and_dump (edit->save_as ? fx.copy_path : fx.work_path);
}

/* A case whose edit failed must answer later calls or fail them cleanly. */
static void
poke_case (CfCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(CfClaim) claim = NULL;

  cf_case_get_info (c, CF_CASE_FIELD_TITLE);
  cf_case_can_undo (c);
  claims = cf_case_list_claims (c);
  if (claims != NULL && g_list_model_get_n_items (claims) > 0)
    {
      g_autoptr(CfClaim) first = g_list_model_get_item (claims, 0);

      if (first != NULL)
        cf_claim_get_quote (first);
    }
  hits = cf_case_search (c, "drone", 10, &error);
  g_assert_true ((hits != NULL) == (error == NULL));
  g_clear_error (&error);
  claim = cf_case_get_claim (c, fx.claim_id, &error);
  g_assert_true ((claim != NULL) == (error == NULL));
}

static guint soft_problems;

/* The store may warn when a list cannot reload from a failing disk; that is no crash,
 * so warnings are not fatal here (criticals, a broken precondition, still are). */
static void
store_warning_cb (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        user_data)
{
  g_test_message ("store warned: %s", message);
  soft_problems++;
}

/* What one attempt of an edit under a fault did. */
typedef struct
{
  guint     n;            /* the fault hit the Nth call */
  gboolean  ok;           /* the edit reported success */
  gboolean  retried_ok;   /* after a failure, the same edit again succeeded */
  guint     fired;        /* how often the fault hit */
} Attempt;

typedef struct
{
  guint n_failed;
  guint n_fired_ok;
  guint n_retry_failed;
} Tally;

/* A fresh copy of the base case, opened through the faulty VFS and prepared for the
 * edit (unarmed). */
static CfCase *
open_work_case (const FaultTest *t)
{
  g_autoptr(GError) error = NULL;
  CfCase *c;

  fixture_reset_work ();
  _cf_case_set_vfs_name ("cf-faulty");
  faulty_vfs_make_default (TRUE);
  c = cf_case_open (fx.work_path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (t->edit->prepare)
    {
      g_assert_true (t->edit->prepare (c, &error));
      g_assert_no_error (error);
    }
  return c;
}

/* Arms the fault at call @n. Plain runs alternate "I/O error" and "disk full" on
 * failed writes; exhaustive runs try each on every write. */
static void
arm_fault (const FaultTest *t,
           Fault           *fault,
           guint            n,
           gboolean         exhaustive)
{
  if (t->kind == KIND_IO_FULL)
    io_write_error = SQLITE_FULL;
  else if (t->kind == KIND_IO && !exhaustive)
    io_write_error = n % 2 ? SQLITE_IOERR_WRITE : SQLITE_FULL;
  else
    io_write_error = SQLITE_IOERR_WRITE;
  fault_arm (fault, t->mode, n);
}

/* An edit that failed: it said why in the case's own error domain, it failed because
 * of the fault, the case still answers, a one-off fault left the case unchanged, and
 * the same edit again works or fails cleanly. FALSE when the test failed. */
static gboolean
check_failed_edit (const FaultTest *t,
                   CfCase          *c,
                   Fault           *fault,
                   const GError    *error,
                   const char      *before,
                   const char      *after,
                   Attempt         *a,
                   Tally           *tally)
{
  g_autoptr(GError) retry_error = NULL;

  g_assert_nonnull (error);
  g_assert_true (error->domain == CF_CASE_ERROR);
  if (a->fired == 0)
    {
      fault_disarm (fault);
      faulty_vfs_make_default (FALSE);
      g_test_fail_printf ("N=%u: %s failed with no fault injected: %s", a->n,
                          t->edit->name, error->message);
      return FALSE;
    }
  if ((t->kind == KIND_MEMORY && error->code != CF_CASE_ERROR_NO_MEMORY)
      || (t->kind != KIND_MEMORY && error->code != CF_CASE_ERROR_IO))
    {
      g_test_message ("N=%u: unexpected error code %d: %s", a->n, error->code,
                      error->message);
      soft_problems++;
    }
  tally->n_failed++;

  poke_case (c);

  /* A user told that the edit failed will make it again, so it must not have been
   * committed. After a one-off fault the connection can be read: outside a
   * transaction it shows what is in the file. */
  if (t->mode == FAULT_ONCE && !t->edit->save_as
      && sqlite3_get_autocommit (_cf_case_get_db (c)))
    {
      g_autofree char *live = NULL;

      fault_disarm (fault);
      live = dump_db (_cf_case_get_db (c));
      if (g_strcmp0 (live, before) != 0)
        {
          report_difference ("before", before, live);
          g_test_fail_printf ("N=%u: %s reported failure (%s) but changed the case (%s)",
                              a->n, t->edit->name, error->message,
                              g_strcmp0 (live, after) == 0 ? "all of the edit"
                              : "part of the edit");
          faulty_vfs_make_default (FALSE);
          return FALSE;
        }
    }

  /* A transient fault is gone: the same edit again must work, or fail cleanly; it
   * must never apply twice (checked by the state afterwards). */
  a->retried_ok = t->edit->edit (c, &retry_error);
  g_assert_true (a->retried_ok == (retry_error == NULL));
  if (!a->retried_ok)
    {
      g_assert_true (retry_error->domain == CF_CASE_ERROR);
      if (t->mode == FAULT_ONCE)
        {
          g_test_message ("N=%u: retry after a one-off fault failed: %s", a->n,
                          retry_error->message);
          tally->n_retry_failed++;
        }
    }

  return TRUE;
}

/* Save As never changes the original, and leaves a copy only when it is complete.
 * FALSE when the test failed. */
static gboolean
check_save_as_result (const Attempt *a,
                      const char    *before,
                      const char    *after)
{
  g_autofree char *state = reopen_and_dump (fx.work_path);
  g_autofree char *listing = NULL;
  gboolean saved = a->ok || a->retried_ok;

  if (g_strcmp0 (state, before) != 0)
    {
      report_difference ("original after Save As", before, state);
      g_test_fail_printf ("N=%u: Save As changed the original", a->n);
      return FALSE;
    }
  if (saved || g_file_test (fx.copy_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *copy = reopen_and_dump (fx.copy_path);

      if (g_strcmp0 (copy, after) != 0)
        {
          report_difference ("copy", after, copy);
          g_test_fail_printf (saved ? "N=%u: the copy differs from the case"
                                    : "N=%u: a failed Save As left an incomplete copy",
                              a->n);
          return FALSE;
        }
    }

  listing = list_dir (fx.dir);
  if (!saved
      && g_strcmp0 (listing, "base.casefile work.casefile") != 0
      && g_strcmp0 (listing, "base.casefile copy.casefile work.casefile") != 0)
    {
      g_test_message ("N=%u: failed Save As left files behind: %s", a->n, listing);
      soft_problems++;
    }
  return TRUE;
}

/* After an edit that succeeded the file is the state after it; after one that failed,
 * the state before or (the commit reached the disk) after it, never a mix. FALSE when
 * the test failed. */
static gboolean
check_edit_result (const FaultTest *t,
                   const Attempt   *a,
                   const char      *before,
                   const char      *after)
{
  g_autofree char *state = reopen_and_dump (fx.work_path);

  if (a->ok || a->retried_ok)
    {
      if (g_strcmp0 (state, after) != 0)
        {
          report_difference ("after", after, state);
          g_test_fail_printf ("N=%u: %s reported success but the case is not the state "
                              "after it", a->n, t->edit->name);
          return FALSE;
        }
    }
  else if (g_strcmp0 (state, before) != 0 && g_strcmp0 (state, after) != 0)
    {
      report_difference ("before", before, state);
      report_difference ("after", after, state);
      g_test_fail_printf ("N=%u: after a failed %s the case is neither the state before "
                          "nor after", a->n, t->edit->name);
      return FALSE;
    }
  return TRUE;
}

/* Makes the edit with the fault at the first call, the second, ... until it runs
 * without the fault firing, and checks every attempt. */
static void
test_edit_under_faults (gconstpointer data)
{
  const FaultTest *t = data;
  Fault *fault = t->kind == KIND_MEMORY ? &mem_fault : &io_fault;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Tally tally = { 0, 0, 0 };
  guint step = 1;
  gboolean exhaustive = g_strcmp0 (g_getenv ("CASEFILE_FAULTS_EXHAUSTIVE"), "1") == 0;
  /* under sanitizers every allocation costs ten times as much: sample sooner */
  gboolean sparse = g_strcmp0 (g_getenv ("CASEFILE_FAULTS_SPARSE"), "1") == 0;

  reference_states (t->edit, &before, &after);
  if (!t->edit->save_as)
    g_assert_cmpstr (before, !=, after);

  for (guint n = 1; ; n += step)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCase) c = open_work_case (t);
      Attempt a = { n, FALSE, FALSE, 0 };

      arm_fault (t, fault, n, exhaustive);
      a.ok = t->edit->edit (c, &error);
      a.fired = fault->fired;

      if (!a.ok)
        {
          if (!check_failed_edit (t, c, fault, error, before, after, &a, &tally))
            return;
        }
      else
        {
          g_assert_no_error (error);
          if (a.fired > 0)
            tally.n_fired_ok++;
        }

      /* Memory comes back when the program ends; a dead disk stays dead until then. */
      if (t->kind == KIND_MEMORY)
        fault_disarm (fault);
      cf_case_close (c);
      g_clear_object (&c);
      fault_disarm (fault);
      faulty_vfs_make_default (FALSE);

      if (t->edit->save_as ? !check_save_as_result (&a, before, after)
                           : !check_edit_result (t, &a, before, after))
        return;

      if (a.ok && a.fired == 0)
        {
          g_test_message ("%s: %u attempts, %u failed cleanly, %u succeeded despite a fault, "
                          "%u retries failed", t->edit->name, n, tally.n_failed,
                          tally.n_fired_ok, tally.n_retry_failed);
          break;
        }

      /* Allocation counts run into the thousands: past the first sixty, sample
       * them so a run stays within the CI budget (CASEFILE_FAULTS_EXHAUSTIVE=1
       * tries every one). Under sanitizers an attempt costs half a second, so
       * I/O operations are sampled too, and both sooner. */
      if (exhaustive)
        step = 1;
      else if (sparse && n >= 12)
        step = 1 + n / 3;
      else if (t->kind == KIND_MEMORY && n >= 60)
        step = 1 + n / 12;
    }
}

static void
free_test (gpointer data)
{
  g_free (data);
}

int
main (int    argc,
      char **argv)
{
  static const struct { FaultKind kind; FaultMode mode; const char *path; } variants[] = {
    { KIND_IO, FAULT_ONCE, "io-once" },
    { KIND_IO, FAULT_PERSISTENT, "io-persistent" },
    { KIND_MEMORY, FAULT_ONCE, "oom-once" },
    { KIND_MEMORY, FAULT_PERSISTENT, "oom-persistent" },
    /* only with CASEFILE_FAULTS_EXHAUSTIVE=1 */
    { KIND_IO_FULL, FAULT_ONCE, "full-once" },
    { KIND_IO_FULL, FAULT_PERSISTENT, "full-persistent" },
  };
  gboolean exhaustive = g_strcmp0 (g_getenv ("CASEFILE_FAULTS_EXHAUSTIVE"), "1") == 0;
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func (free_test);
  int ret;

  /* The allocator can only be replaced before SQLite starts. */
  faulty_malloc_install ();
  faulty_vfs_register ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_handler ("Casefile", G_LOG_LEVEL_WARNING, store_warning_cb, NULL);

  for (guint v = 0; v < (exhaustive ? G_N_ELEMENTS (variants) : 4); v++)
    for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
      {
        FaultTest *t = g_new0 (FaultTest, 1);
        g_autofree char *path = g_strdup_printf ("/faults/%s/%s", variants[v].path,
                                                 edits[e].name);

        t->edit = &edits[e];
        t->kind = variants[v].kind;
        t->mode = variants[v].mode;
        g_ptr_array_add (tests, t);
        g_test_add_data_func (path, t, test_edit_under_faults);
      }

  fixture_create_base ();
  ret = g_test_run ();

  if (soft_problems > 0)
    g_test_message ("%u soft problems (see the messages above)", soft_problems);
  remove_dir_contents (fx.dir, NULL);
  g_rmdir (fx.dir);
  g_free (fx.dir);
  g_free (fx.base_path);
  g_free (fx.work_path);
  g_free (fx.copy_path);
  return ret;
}
