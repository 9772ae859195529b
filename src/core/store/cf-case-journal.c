/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side files SQLite reads beside a case file, checked before SQLite sees them.
 *
 * A rollback journal beside the file is replayed by SQLite on the first read. After
 * our own crash that is what restores the last committed state; a journal of another
 * case (or an old one of this case) would silently turn the file into that case or a
 * hybrid. So the journal is read here the way SQLite's pager plays it back (headers
 * at sector boundaries, records of page number, page and checksum, playback ending at
 * the first bad record) and must show that it restores this file: its header page
 * agrees with the file's (application id, page size, change counter equal or one
 * behind; an older journal of this same case fails there), and the page holding the
 * case record carries the same case id in the journal and in the file. Every write
 * transaction begins by writing those two pages back unchanged
 * (_cf_case_begin_write), so a journal of ours always holds them. A journal that
 * passes is replayed on the real file by SQLite itself, whatever the command, so
 * nothing is copied; one that does not is refused and both files stay as they are.
 *
 * Casefile never writes a write-ahead log: a file in WAL mode, or a -wal beside a
 * file, is another program's, and SQLite would read it. Both are refused. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-case-journal-private.h"
#include "cf-case-private.h"
#include "cf-case-schema.h"

#define JOURNAL_HEADER_MIN 28
#define MAX_SECTOR_SIZE    65536
#define PENDING_BYTE       0x40000000u

static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
power_of_two_in (guint32 value,
                 guint32 low,
                 guint32 high)
{
  return value >= low && value <= high && (value & (value - 1)) == 0;
}

/* What a playback of the journal would do: cut or grow the file to db_pages, write
 * pages (the last record of a page wins), among them page 1 and perhaps pages that
 * hold the case record. */
typedef struct
{
  guint32       page_size;
  guint32       db_pages;
  gboolean      writes_pages;
  const guint8 *page1;
  GHashTable   *case_pages;   /* page number -> the case id its final image holds */
} JournalPlayback;

static gboolean
read_varint (const guint8 **p,
             const guint8  *end,
             guint64       *value)
{
  *value = 0;
  for (int i = 0; i < 9; i++)
    {
      if (*p >= end)
        return FALSE;
      if (i == 8)
        {
          *value = (*value << 8) | *(*p)++;
          return TRUE;
        }
      *value = (*value << 7) | (**p & 0x7f);
      if ((*(*p)++ & 0x80) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The case id if @page is the case record's page: a table leaf whose one row 1 holds
 * the integer key (stored as NULL) and then 32 hex digits. Reading the page itself
 * needs no intact file around it, which a crash does not leave. */
static char *
page_case_id (const guint8 *page,
              guint32       page_size)
{
  const guint8 *end = page + page_size;
  const guint8 *p, *record;
  guint64 payload, rowid, header_size, type0, type1;
  guint cell;

  if (page[0] != 0x0d || ((page[3] << 8) | page[4]) != 1)
    return NULL;
  cell = (page[8] << 8) | page[9];
  if (cell < 10 || cell >= page_size)
    return NULL;
  p = page + cell;
  if (!read_varint (&p, end, &payload) || !read_varint (&p, end, &rowid) || rowid != 1)
    return NULL;
  record = p;
  if (!read_varint (&p, end, &header_size) || !read_varint (&p, end, &type0)
      || !read_varint (&p, end, &type1)
      || type0 != 0 || type1 != 13 + 2 * 32 || header_size > 16
      || record + header_size + 32 > end)
    return NULL;
  p = record + header_size;
  for (int i = 0; i < 32; i++)
    if (!g_ascii_isxdigit (p[i]) || g_ascii_isupper (p[i]))
      return NULL;
  return g_strndup ((const char *) p, 32);
}

static guint32
page_checksum (guint32       nonce,
               const guint8 *page,
               guint32       page_size)
{
  guint32 sum = nonce;

  for (gint64 i = (gint64) page_size - 200; i > 0; i -= 200)
    sum += page[i];
  return sum;
}

/* Walks the journal as SQLite's pager_playback() does for a hot journal. Returns
 * FALSE when SQLite would find no valid header (it would then only delete it). */
static gboolean
read_playback (const guint8    *data,
               gsize            size,
               JournalPlayback *out)
{
  guint64 off = 0;
  guint32 sector = 0;
  gboolean first = TRUE;

  memset (out, 0, sizeof *out);
  out->case_pages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (;;)
    {
      guint32 n_records, nonce;

      if (!first)
        off = ((off + sector - 1) / sector) * sector;
      if (off + (first ? JOURNAL_HEADER_MIN : sector) > size
          || memcmp (data + off, journal_magic, sizeof journal_magic) != 0)
        return !first;
      n_records = be32 (data + off + 8);
      nonce = be32 (data + off + 12);
      if (first)
        {
          out->db_pages = be32 (data + off + 16);
          sector = be32 (data + off + 20);
          out->page_size = be32 (data + off + 24);
          if (!power_of_two_in (sector, 32, MAX_SECTOR_SIZE)
              || !power_of_two_in (out->page_size, 512, 65536)
              || off + sector > size)
            return FALSE;
        }
      off += sector;
      if (n_records == 0xffffffffu)
        n_records = (size - off) / (out->page_size + 8);
      for (guint32 i = 0; i < n_records; i++)
        {
          const guint8 *page;
          guint32 pgno;

          if (off + out->page_size + 8 > size)
            return TRUE;
          pgno = be32 (data + off);
          page = data + off + 4;
          off += out->page_size + 8;
          if (pgno == 0 || pgno == PENDING_BYTE / out->page_size + 1)
            return TRUE;
          if (pgno > out->db_pages)
            continue;
          if (page_checksum (nonce, page, out->page_size) != be32 (page + out->page_size))
            return TRUE;
          out->writes_pages = TRUE;
          if (pgno == 1)
            out->page1 = page;
          else
            g_hash_table_replace (out->case_pages, GUINT_TO_POINTER (pgno),
                                  page_case_id (page, out->page_size));
        }
      first = FALSE;
    }
}

typedef enum
{
  JOURNAL_OURS,        /* restores this case: replay it */
  JOURNAL_HARMLESS,    /* SQLite would write no page and keep the size: let it
                        * delete the journal */
  JOURNAL_FORMAT_1,    /* of a format-1 file (an older version's crash): no case id
                        * to compare, so the replay is checked on a copy first */
  JOURNAL_REFUSED,
} JournalVerdict;

/* Whether a page the journal restores holds, in the file now, the same case id as
 * the journal's copy: only this case's own journal can show this case's id. */
static gboolean
same_case (FILE            *file,
           JournalPlayback *playback)
{
  g_autofree guint8 *page = g_malloc (playback->page_size);
  GHashTableIter iter;
  gpointer key, journal_id;

  g_hash_table_iter_init (&iter, playback->case_pages);
  while (g_hash_table_iter_next (&iter, &key, &journal_id))
    {
      g_autofree char *file_id = NULL;
      guint64 offset = (guint64) (GPOINTER_TO_UINT (key) - 1) * playback->page_size;

      if (journal_id == NULL
          || fseeko (file, (off_t) offset, SEEK_SET) != 0
          || fread (page, 1, playback->page_size, file) != playback->page_size)
        continue;
      file_id = page_case_id (page, playback->page_size);
      if (g_strcmp0 (file_id, journal_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static JournalVerdict
judge_playback (FILE            *file,
                const guint8    *header,
                guint64          file_size,
                JournalPlayback *playback,
                const char     **why)
{
  guint32 page_size = ((guint32) header[16] << 8) | header[17];
  guint32 counter = be32 (header + 24);
  guint32 journal_counter;

  if (page_size == 1)
    page_size = 65536;
  *why = _("it was made for pages of another size");
  if (playback->page_size != page_size)
    return JOURNAL_REFUSED;
  if (!playback->writes_pages)
    {
      *why = _("it would cut the file to another length");
      return (guint64) playback->db_pages * page_size == file_size
             ? JOURNAL_HARMLESS : JOURNAL_REFUSED;
    }

  /* an older version wrote no case id, nor always page 1 */
  if (playback->page1 == NULL && be32 (header + 60) == 1)
    return JOURNAL_FORMAT_1;
  *why = _("it does not hold the file’s first page as this file had it");
  if (playback->page1 == NULL
      || memcmp (playback->page1, "SQLite format 3", 16) != 0
      || be32 (playback->page1 + 68) != CF_APPLICATION_ID
      || memcmp (playback->page1 + 16, header + 16, 2) != 0)
    return JOURNAL_REFUSED;
  journal_counter = be32 (playback->page1 + 24);
  if (counter != journal_counter && counter != journal_counter + 1)
    return JOURNAL_REFUSED;
  if (be32 (playback->page1 + 60) == 1)
    return JOURNAL_FORMAT_1;

  *why = _("it belongs to another case");
  return same_case (file, playback) ? JOURNAL_OURS : JOURNAL_REFUSED;
}

static JournalVerdict
judge_journal (const char    *path,
               const char    *journal,
               const char   **why)
{
  g_autoptr(GMappedFile) mapped = NULL;
  JournalPlayback playback;
  JournalVerdict verdict;
  guint8 header[100];
  GStatBuf st;
  FILE *file;

  *why = _("it could not be read");
  mapped = g_mapped_file_new (journal, FALSE, NULL);
  if (mapped == NULL)
    return JOURNAL_REFUSED;
  file = g_fopen (path, "rb");
  if (file == NULL)
    return JOURNAL_REFUSED;
  if (fread (header, 1, sizeof header, file) != sizeof header || g_stat (path, &st) != 0)
    {
      fclose (file);
      return JOURNAL_REFUSED;
    }

  *why = _("it is not a journal SQLite can play back");
  if (read_playback ((const guint8 *) g_mapped_file_get_contents (mapped),
                     g_mapped_file_get_length (mapped), &playback))
    verdict = judge_playback (file, header, st.st_size, &playback, why);
  else
    verdict = JOURNAL_REFUSED;
  g_clear_pointer (&playback.case_pages, g_hash_table_unref);
  fclose (file);
  return verdict;
}

/* A format-1 journal (a crash of an older version) has no case id to check: it is
 * replayed on a private copy first, and the result must be a sound format-1 file. */
static gboolean
replay_on_copy (const char  *path,
                const char  *journal,
                GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *tmpdir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_journal = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  gboolean ok = FALSE;

  tmpdir = g_dir_make_tmp ("casefile-journal-XXXXXX", error);
  if (tmpdir == NULL)
    return FALSE;
  copy = g_build_filename (tmpdir, "check.casefile", NULL);
  copy_journal = g_strconcat (copy, "-journal", NULL);

  src = g_file_new_for_path (path);
  dst = g_file_new_for_path (copy);
  if (g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_clear_object (&src);
      g_clear_object (&dst);
      src = g_file_new_for_path (journal);
      dst = g_file_new_for_path (copy_journal);
      if (g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          db = _cf_case_open_connection (copy, SQLITE_OPEN_READWRITE, &local_error);
          if (db != NULL)
            {
              ok = _cf_case_schema_verify (db, 1, display, &local_error);
              sqlite3_close (db);
            }
        }
    }

  g_unlink (copy_journal);
  g_unlink (copy);
  g_rmdir (tmpdir);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
set_refused (GError     **error,
             const char  *path,
             const char  *journal,
             const char  *why)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *journal_display = g_filename_display_basename (journal);

  g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
               _("“%s” has a journal “%s” beside it that would not restore this case "
                 "(%s), so neither file was touched. If that journal is not from a "
                 "crash of this case, move it away and open the case again."),
               display, journal_display, why);
}

/* Lets SQLite play the journal back on the file: any read does it. */
static gboolean
replay_in_place (const char  *path,
                 const char  *journal,
                 GError     **error)
{
  sqlite3 *db = _cf_case_open_connection (path, SQLITE_OPEN_READWRITE, error);
  gboolean ok;
  GStatBuf st;

  if (db == NULL)
    return FALSE;
  ok = _cf_case_exec_sql (db, "PRAGMA schema_version", _("Finishing an interrupted edit"), error);
  sqlite3_close (db);
  if (ok && g_stat (journal, &st) == 0 && st.st_size > 0)
    {
      set_refused (error, path, journal, _("SQLite did not play it back"));
      return FALSE;
    }
  return ok;
}

gboolean
_cf_case_restore_journal (const char  *path,
                          gboolean     writable,
                          GError     **error)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db;
  sqlite3_file *file = NULL;
  JournalVerdict verdict = JOURNAL_HARMLESS;
  const char *why = NULL;
  int reserved = 0;
  guint8 first = 0;
  GStatBuf st;
  FILE *f;

  if (g_stat (journal, &st) != 0 || st.st_size == 0)
    return TRUE;
  /* SQLite's rule: a journal whose first byte is zero is not hot and is not read */
  f = g_fopen (journal, "rb");
  if (f != NULL)
    {
      if (fread (&first, 1, 1, f) != 1)
        first = 0;
      fclose (f);
    }
  if (first == 0)
    return TRUE;

  /* Only a journal no program is writing is left over (SQLite's hot-journal rule):
   * while one holds the RESERVED lock, the journal is its transaction, and opening
   * waits for it through the busy timeout. The check runs under a SHARED lock, as
   * SQLite's does, so no writer can commit or roll back meanwhile. Opening this
   * connection reads no page of the file. */
  db = _cf_case_open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK
      || file == NULL || file->pMethods == NULL
      || file->pMethods->xLock (file, SQLITE_LOCK_SHARED) != SQLITE_OK)
    {
      /* a lock refused means a writer is committing: its journal is live */
      sqlite3_close (db);
      return TRUE;
    }
  if (file->pMethods->xCheckReservedLock (file, &reserved) != SQLITE_OK)
    reserved = 0;
  if (!reserved && g_stat (journal, &st) == 0 && st.st_size > 0)
    verdict = judge_journal (path, journal, &why);
  file->pMethods->xUnlock (file, SQLITE_LOCK_NONE);
  sqlite3_close (db);

  if (reserved)
    return TRUE;
  if (verdict == JOURNAL_REFUSED)
    {
      set_refused (error, path, journal, why);
      return FALSE;
    }
  if (!writable)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY,
                   _("“%s” has an unfinished edit: a program stopped while writing it. "
                     "Finishing it needs write access to the file and its folder; "
                     "open it once where you may write, or ask its owner to."),
                   display);
      return FALSE;
    }
  if (verdict == JOURNAL_FORMAT_1)
    {
      g_autoptr(GError) local_error = NULL;

      if (!replay_on_copy (path, journal, &local_error))
        {
          set_refused (error, path, journal, local_error->message);
          return FALSE;
        }
    }
  return replay_in_place (path, journal, error);
}

gboolean
_cf_case_check_no_wal (const char  *path,
                       GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[20] = { 0 };
  FILE *f;

  f = g_fopen (path, "rb");
  if (f != NULL)
    {
      if (fread (header, 1, sizeof header, f) != sizeof header)
        memset (header, 0, sizeof header);
      fclose (f);
    }
  if (header[18] == 2 || header[19] == 2)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” was switched to write-ahead logging by another program. "
                     "Casefile does not open such files; switch it back with "
                     "“sqlite3 FILE 'PRAGMA journal_mode=DELETE'” on a copy."),
                   display);
      return FALSE;
    }
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal_display = g_filename_display_basename (wal);

      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” has a write-ahead log “%s” beside it. Casefile never writes "
                     "one, so it is another program’s and would change the case; "
                     "neither file was touched. Move it away and open the case again."),
                   display, wal_display);
      return FALSE;
    }
  return TRUE;
}

int
_cf_case_begin_write (sqlite3 *db)
{
  int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  /* Each statement changes its page and the next puts it back: the pages are then in
   * the journal, and the file's content is as it was. The CAST flips the value's
   * storage class (same length), so SQLite cannot skip the write as a no-op. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db,
                       "PRAGMA user_version = " G_STRINGIFY (CF_SCHEMA_VERSION) ";"
                       "UPDATE case_info SET modified = CAST (modified AS BLOB) WHERE id = 1;"
                       "UPDATE case_info SET modified = CAST (modified AS TEXT) WHERE id = 1;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK && !sqlite3_get_autocommit (db))
    {
      int saved = rc;

      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      rc = saved;
    }
  return rc;
}

/* --- a VFS that has no write-ahead logs ----------------------------------------------
 * SQLite looks for a -wal beside the file at the start of every read, not only when
 * the file is opened: one copied there while a case is open would be read at the
 * next look. Every connection therefore goes through this shim around the VFS it
 * would use: to SQLite a -wal never exists and cannot be opened, so it reads and
 * writes the file alone, and the -wal stays as it is. Each method hands the call on
 * with the underlying VFS, whose own data (pAppData) its methods need. */

typedef struct
{
  sqlite3_vfs  vfs;
  sqlite3_vfs *base;
  char        *name;
} NoWalVfs;

#define BASE(v) (((NoWalVfs *) (v))->base)

static gboolean
is_wal_name (const char *name)
{
  return name != NULL && g_str_has_suffix (name, "-wal");
}

static int
nowal_open (sqlite3_vfs      *vfs,
            sqlite3_filename  name,
            sqlite3_file     *file,
            int               flags,
            int              *out_flags)
{
  if ((flags & SQLITE_OPEN_WAL) != 0)
    {
      file->pMethods = NULL;
      return SQLITE_CANTOPEN;
    }
  return BASE (vfs)->xOpen (BASE (vfs), name, file, flags, out_flags);
}

static int
nowal_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return BASE (vfs)->xDelete (BASE (vfs), name, sync_dir);
}

static int
nowal_access (sqlite3_vfs *vfs, const char *name, int flags, int *result)
{
  if (is_wal_name (name))
    {
      *result = 0;
      return SQLITE_OK;
    }
  return BASE (vfs)->xAccess (BASE (vfs), name, flags, result);
}

static int
nowal_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return BASE (vfs)->xFullPathname (BASE (vfs), name, n, out);
}

static void *
nowal_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return BASE (vfs)->xDlOpen (BASE (vfs), name);
}

static void
nowal_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  BASE (vfs)->xDlError (BASE (vfs), n, out);
}

static void (*nowal_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return BASE (vfs)->xDlSym (BASE (vfs), handle, symbol);
}

static void
nowal_dl_close (sqlite3_vfs *vfs, void *handle)
{
  BASE (vfs)->xDlClose (BASE (vfs), handle);
}

static int
nowal_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return BASE (vfs)->xRandomness (BASE (vfs), n, out);
}

static int
nowal_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return BASE (vfs)->xSleep (BASE (vfs), microseconds);
}

static int
nowal_current_time (sqlite3_vfs *vfs, double *now)
{
  return BASE (vfs)->xCurrentTime (BASE (vfs), now);
}

static int
nowal_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return BASE (vfs)->xGetLastError ? BASE (vfs)->xGetLastError (BASE (vfs), n, out) : 0;
}

static int
nowal_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *now)
{
  if (BASE (vfs)->iVersion >= 2 && BASE (vfs)->xCurrentTimeInt64 != NULL)
    return BASE (vfs)->xCurrentTimeInt64 (BASE (vfs), now);
  else
    {
      double days = 0;
      int rc = BASE (vfs)->xCurrentTime (BASE (vfs), &days);

      *now = (sqlite3_int64) (days * 86400000.0);
      return rc;
    }
}

const char *
_cf_case_nowal_vfs_name (const char *base_name)
{
  /* one shim per underlying VFS (the default is looked up each time: tests replace
   * it), kept for the life of the program, since connections opened through it
   * keep using it */
  static GHashTable *shims;
  G_LOCK_DEFINE_STATIC (shims);
  sqlite3_vfs *base = sqlite3_vfs_find (base_name);
  NoWalVfs *shim = NULL;

  if (base == NULL)
    return base_name;
  G_LOCK (shims);
  if (shims == NULL)
    shims = g_hash_table_new (NULL, NULL);
  shim = g_hash_table_lookup (shims, base);
  if (shim == NULL)
    {
      shim = g_new0 (NoWalVfs, 1);
      shim->base = base;
      shim->name = g_strdup_printf ("casefile-nowal-%s-%p", base->zName, (void *) base);
      shim->vfs.iVersion = 2;
      shim->vfs.szOsFile = base->szOsFile;
      shim->vfs.mxPathname = base->mxPathname;
      shim->vfs.zName = shim->name;
      shim->vfs.xOpen = nowal_open;
      shim->vfs.xDelete = nowal_delete;
      shim->vfs.xAccess = nowal_access;
      shim->vfs.xFullPathname = nowal_full_pathname;
      shim->vfs.xDlOpen = nowal_dl_open;
      shim->vfs.xDlError = nowal_dl_error;
      shim->vfs.xDlSym = nowal_dl_sym;
      shim->vfs.xDlClose = nowal_dl_close;
      shim->vfs.xRandomness = nowal_randomness;
      shim->vfs.xSleep = nowal_sleep;
      shim->vfs.xCurrentTime = nowal_current_time;
      shim->vfs.xGetLastError = nowal_get_last_error;
      shim->vfs.xCurrentTimeInt64 = nowal_current_time_int64;
      if (sqlite3_vfs_register (&shim->vfs, 0) != SQLITE_OK)
        g_clear_pointer (&shim, g_free);
      else
        g_hash_table_insert (shims, base, shim);
    }
  G_UNLOCK (shims);
  /* without a shim, SQLite's own choice stands and the check before opening remains */
  return shim != NULL ? shim->name : base_name;
}
