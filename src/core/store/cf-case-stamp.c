/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stamps: how open knows a case file is exactly as this machine's Casefile left it,
 * so that PRAGMA quick_check (a read of every page: a third of a second per 100 MB)
 * runs only on files it has not seen as they are now.
 *
 * After Casefile commits to a file, or fully checks it at open, it keeps a stamp in
 * the user's state folder ($XDG_STATE_HOME/casefile/stamps/, one file per real path,
 * named by the path's SHA-256): the path, device, inode, size, modification and
 * change times in nanoseconds, and from the SQLite header the file change counter
 * (offset 24, raised by every commit of any SQLite program) and the schema cookie
 * (offset 40, raised by every schema change). Open skips quick_check only when the
 * stamp it finds equals, byte for byte, the one the file would get now, and no
 * journal waits beside the file. It then also skips comparing the schema with ours
 * (the schema cookie in the stamp says the schema is the one compared when the stamp
 * was taken), but the application id and user_version are still read, inside the
 * same read transaction (_cf_case_schema_verify_identity): they cost nothing.
 *
 * Threat model. The full check is there for damage Casefile did not make: a copy cut
 * short, a disk or a program that wrote garbage, a file sent by someone else. Such a
 * file has no stamp here (a copy, a download or a restored backup is a new inode or
 * path), or its stamp differs: any SQLite writer raises the change counter, so a
 * change made behind Casefile's back is caught even when the modification time is
 * put back; any other write changes the change time, which no program can set.
 * Casefile stamps after its own commit only if nobody else committed since its last
 * stamp (PRAGMA data_version, read before and after taking the stamp). Not covered:
 * someone able to write the user's files who edits pages in place and also forges the
 * change time (that needs the clock or the raw disk) or the stamp; such a person can
 * as well replace Casefile itself. Whatever the stamp says, every connection keeps
 * SQLite's defences (cell_size_check, defensive mode, limits, the authorizer), so a
 * damaged page met later is an error, never a crash, and `casefile-cli check` always
 * reads everything.
 *
 * A stamp is only ever compared for equality: it is read with a bound (no larger than
 * the expected text), only if it is a regular file (not a link, FIFO or device), and
 * nothing in it is parsed or believed. Writing one goes through a temporary file and
 * a rename without fsync: a stamp lost or torn by a crash only costs a full check. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cf-case-stamp.h"

#define STAMP_HEADER_BYTES 100

static char *
stamp_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "casefile", "stamps", NULL);
}

char *
_cf_case_stamp_path (const char *real_path)
{
  g_autofree char *folder = stamp_folder ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real_path, -1);
  g_autofree char *name = g_strconcat (hash, ".stamp", NULL);

  return g_build_filename (folder, name, NULL);
}

static guint32
header_be32 (const guint8 *header,
             guint         offset)
{
  const guint8 *p = header + offset;

  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
read_fully (int     fd,
            guint8 *buffer,
            gsize   size)
{
  gsize got = 0;

  while (got < size)
    {
      ssize_t n = pread (fd, buffer + got, size - got, got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      got += n;
    }
  return TRUE;
}

char *
_cf_case_stamp_describe (const char *real_path)
{
  guint8 header[STAMP_HEADER_BYTES];
  struct stat st;
  int fd;
  gboolean ok;

  g_return_val_if_fail (real_path != NULL, NULL);

  fd = g_open (real_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return NULL;
  /* the identity and the header from the same open file */
  ok = fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
       && read_fully (fd, header, sizeof header)
       && memcmp (header, "SQLite format 3", 16) == 0;
  close (fd);
  if (!ok)
    return NULL;

  return g_strdup_printf ("Casefile stamp 1\n"
                          "format %u\n"
                          "path %s\n"
                          "device %" G_GUINT64_FORMAT "\n"
                          "inode %" G_GUINT64_FORMAT "\n"
                          "size %" G_GINT64_FORMAT "\n"
                          "modified %" G_GINT64_FORMAT ".%09ld\n"
                          "changed %" G_GINT64_FORMAT ".%09ld\n"
                          "change-counter %u\n"
                          "schema-cookie %u\n",
                          CF_SCHEMA_VERSION, real_path,
                          (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_size,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (gint64) st.st_ctim.tv_sec, (long) st.st_ctim.tv_nsec,
                          header_be32 (header, 24), header_be32 (header, 40));
}

gboolean
_cf_case_stamp_matches (const char *real_path)
{
  g_autofree char *expected = NULL;
  g_autofree char *stamp = NULL;
  g_autofree guint8 *kept = NULL;
  struct stat st;
  gsize len;
  gboolean equal;
  int fd;

  g_return_val_if_fail (real_path != NULL, FALSE);

  expected = _cf_case_stamp_describe (real_path);
  if (expected == NULL)
    return FALSE;
  len = strlen (expected);

  /* O_NONBLOCK: a FIFO planted as the stamp must not hang the open */
  stamp = _cf_case_stamp_path (real_path);
  fd = g_open (stamp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != (off_t) len)
    {
      close (fd);
      return FALSE;
    }
  kept = g_malloc (len);
  equal = read_fully (fd, kept, len) && memcmp (kept, expected, len) == 0;
  close (fd);
  return equal;
}

void
_cf_case_stamp_write (const char *real_path)
{
  g_autofree char *text = NULL;
  g_autofree char *folder = stamp_folder ();
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  gsize len, done = 0;
  int fd;

  g_return_if_fail (real_path != NULL);

  text = _cf_case_stamp_describe (real_path);
  path = _cf_case_stamp_path (real_path);
  if (text == NULL || g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_unlink (path);
      return;
    }

  tmp = g_build_filename (folder, ".stamp-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_unlink (path);
      return;
    }
  len = strlen (text);
  while (done < len)
    {
      ssize_t n = write (fd, text + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += n;
    }
  if (close (fd) != 0 || done != len || g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      g_unlink (path);
    }
}

void
_cf_case_stamp_forget (const char *real_path)
{
  g_autofree char *path = NULL;

  g_return_if_fail (real_path != NULL);

  path = _cf_case_stamp_path (real_path);
  g_unlink (path);
}

static gboolean
read_data_version (CfCase *self,
                   gint64 *version)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
_cf_case_stamp_committed (CfCase *self)
{
  g_autofree char *real = NULL;
  gint64 before = -1, after = -1;

  g_return_if_fail (CF_IS_CASE (self));

  if (self->stamp_data_version < 0 || self->db == NULL)
    return;
  real = realpath (self->path, NULL);
  if (real == NULL)
    return;

  /* Someone else committed since the last stamp: what they wrote was never checked,
   * so this file gets the full check at its next open. */
  if (!read_data_version (self, &before) || before != self->stamp_data_version)
    goto forget;
  _cf_case_stamp_write (real);
  /* ... and a commit of theirs between ours and the stamp would be in the stamp */
  if (!read_data_version (self, &after) || after != before)
    goto forget;
  return;

forget:
  _cf_case_stamp_forget (real);
  self->stamp_data_version = -1;
}

gboolean
_cf_case_get_full_check (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), TRUE);

  return self->full_check;
}
