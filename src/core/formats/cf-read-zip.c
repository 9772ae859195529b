/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zip archives (DOCX, ODT, WACZ) read from memory with libarchive. A zip describes
 * its own sizes and may lie about them, so every bound is counted on the bytes
 * libarchive really hands over: the entry count, the unpacked size of the whole
 * archive and its ratio to the packed size (a zip bomb trips one of them). */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "cf-formats-private.h"

/* below this many unpacked bytes the ratio is not checked: a small document
 * compresses well and is harmless */
#define RATIO_FLOOR (4 * 1024 * 1024)

struct _CfZip
{
  GBytes *bytes;
  const CfReadLimits *limits;
  GPtrArray *names;
  GHashTable *index;     /* name → position + 1 */
  guint64 unpacked;
};

void
_cf_zip_free (CfZip *zip)
{
  if (zip == NULL)
    return;
  g_bytes_unref (zip->bytes);
  g_ptr_array_unref (zip->names);
  g_hash_table_unref (zip->index);
  g_free (zip);
}

static struct archive *
open_archive (GBytes  *bytes,
              GError **error)
{
  struct archive *a = archive_read_new ();
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("The file is not a zip archive that can be read: %s"),
                   archive_error_string (a) ? archive_error_string (a) : "");
      archive_read_free (a);
      return NULL;
    }
  return a;
}

static void
set_damaged (GError         **error,
             struct archive  *a)
{
  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
               _("The zip archive is damaged: %s"),
               archive_error_string (a) ? archive_error_string (a) : _("unknown error"));
}

CfZip *
_cf_zip_open (GBytes              *bytes,
              const CfReadLimits  *limits,
              GError             **error)
{
  g_autoptr(CfZip) zip = g_new0 (CfZip, 1);
  struct archive *a;
  struct archive_entry *entry;
  int r;

  zip->bytes = g_bytes_ref (bytes);
  zip->limits = limits;
  zip->names = g_ptr_array_new_with_free_func (g_free);
  zip->index = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  a = open_archive (bytes, error);
  if (a == NULL)
    return NULL;
  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname (entry);

      if (zip->names->len >= limits->max_entries)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                       _("The zip archive holds more than %u entries, the most it may hold."),
                       limits->max_entries);
          archive_read_free (a);
          return NULL;
        }
      if (name != NULL && !g_hash_table_contains (zip->index, name))
        {
          g_ptr_array_add (zip->names, g_strdup (name));
          g_hash_table_insert (zip->index, g_ptr_array_index (zip->names, zip->names->len - 1),
                               GUINT_TO_POINTER (zip->names->len));
        }
    }
  if (r != ARCHIVE_EOF && zip->names->len == 0)
    {
      set_damaged (error, a);
      archive_read_free (a);
      return NULL;
    }
  archive_read_free (a);
  if (zip->names->len == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The zip archive is empty."));
      return NULL;
    }
  return g_steal_pointer (&zip);
}

gboolean
_cf_zip_has (CfZip      *zip,
             const char *name)
{
  return g_hash_table_contains (zip->index, name);
}

GPtrArray *
_cf_zip_names (CfZip *zip)
{
  return zip->names;
}

static gboolean
count_unpacked (CfZip   *zip,
                gsize    n,
                GError **error)
{
  gsize packed = g_bytes_get_size (zip->bytes);
  g_autofree char *limit = NULL;

  zip->unpacked += n;
  if (zip->unpacked > zip->limits->max_uncompressed)
    {
      limit = g_format_size (zip->limits->max_uncompressed);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The zip archive unpacks to more than %s, the most it may unpack to."),
                   limit);
      return FALSE;
    }
  if (zip->unpacked > RATIO_FLOOR && zip->unpacked / MAX (packed, 1) > zip->limits->max_ratio)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The zip archive unpacks to more than %u times its own size, "
                     "which only a zip bomb does."), zip->limits->max_ratio);
      return FALSE;
    }
  return TRUE;
}

GBytes *
_cf_zip_read (CfZip       *zip,
              const char  *name,
              GError     **error)
{
  struct archive *a;
  struct archive_entry *entry;
  g_autoptr(GByteArray) out = NULL;
  int r;

  if (!_cf_zip_has (zip, name))
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("The archive has no “%s”."), name);
      return NULL;
    }
  a = open_archive (zip->bytes, error);
  if (a == NULL)
    return NULL;
  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *entry_name = archive_entry_pathname (entry);

      if (entry_name == NULL || strcmp (entry_name, name) != 0)
        continue;
      out = g_byte_array_new ();
      for (;;)
        {
          char chunk[65536];
          la_ssize_t n = archive_read_data (a, chunk, sizeof chunk);

          if (n < 0)
            {
              set_damaged (error, a);
              archive_read_free (a);
              return NULL;
            }
          if (n == 0)
            break;
          if (!count_unpacked (zip, (gsize) n, error))
            {
              archive_read_free (a);
              return NULL;
            }
          g_byte_array_append (out, (const guint8 *) chunk, (guint) n);
        }
      archive_read_free (a);
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
  set_damaged (error, a);
  archive_read_free (a);
  return NULL;
}
