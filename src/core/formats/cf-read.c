/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The readers' common ground: the limits, sniffing a format from the content alone
 * (a file's name says what its sender wants us to think), the table from format to
 * reader, and cf_read_any(), the one entry every import path takes: our formats go
 * to the helper process, the rest to the article extractor in this process. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-encoding.h"
#include "cf-extract-private.h"
#include "cf-formats-private.h"
#include "cf-html-extract.h"

#define HEADER_BLOCK_MAX (64 * 1024)

static const CfReadLimits default_limits = {
  .max_uncompressed = 256 * 1024 * 1024,
  .max_ratio = 200,
  .max_entries = 10000,
  .max_depth = 32,
  .max_parts = 5000,
  .max_documents = 5000,
  .max_pages = 5000,
  .max_address_space = (guint64) 1024 * 1024 * 1024,
  .max_cpu_seconds = 60,
  .timeout_seconds = 120,
};

const CfReadLimits *
cf_read_limits_default (void)
{
  return &default_limits;
}

/* The media type stored for each of our formats. */
static const struct
{
  CfReadFormat format;
  const char *media_type;
} media_types[] = {
  { CF_READ_FORMAT_MHTML, "multipart/related" },
  { CF_READ_FORMAT_EML, "message/rfc822" },
  { CF_READ_FORMAT_DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { CF_READ_FORMAT_ODT, "application/vnd.oasis.opendocument.text" },
  { CF_READ_FORMAT_WARC, "application/warc" },
  { CF_READ_FORMAT_WACZ, "application/wacz" },
  { CF_READ_FORMAT_PDF, "application/pdf" },
};

const char *
cf_read_format_media_type (CfReadFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (media_types); i++)
    if (media_types[i].format == format)
      return media_types[i].media_type;
  return "application/octet-stream";
}

GPtrArray *
_cf_read_documents_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
}

gboolean
_cf_read_append_children (GPtrArray           *docs,
                          GPtrArray           *children,
                          int                  parent_index,
                          const CfReadLimits  *limits,
                          GError             **error)
{
  int offset = (int) docs->len;

  if (docs->len + children->len > limits->max_documents)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The file holds more than %u documents, the most one file may hold."),
                   limits->max_documents);
      return FALSE;
    }
  for (guint i = 0; i < children->len; i++)
    {
      CfExtractedDocument *child = g_ptr_array_index (children, i);

      child->parent_index = child->parent_index < 0 ? parent_index : child->parent_index + offset;
    }
  g_ptr_array_set_free_func (children, NULL);
  g_ptr_array_extend_and_steal (docs, g_ptr_array_ref (children));
  g_ptr_array_set_free_func (children, (GDestroyNotify) cf_extracted_document_free);
  g_ptr_array_set_size (children, 0);
  return TRUE;
}

static gboolean
is_header_name_char (guchar c)
{
  return c > 32 && c < 127 && c != ':';
}

GHashTable *
_cf_read_header_block (const char *data,
                       gsize       len,
                       gsize      *body_offset)
{
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;
  GString *value = NULL;
  gsize p = 0, end = MIN (len, HEADER_BLOCK_MAX);

  while (p < end)
    {
      gsize eol = p, next;

      while (eol < end && data[eol] != '\n')
        eol++;
      if (eol >= end)
        break;
      next = eol + 1;
      if (eol > p && data[eol - 1] == '\r')
        eol--;
      if (eol == p)
        {
          /* the empty line that ends the headers */
          if (name != NULL && !g_hash_table_contains (headers, name))
            g_hash_table_insert (headers, g_steal_pointer (&name),
                                 g_strstrip (g_string_free (value, FALSE)));
          else if (value != NULL)
            g_string_free (value, TRUE);
          if (body_offset != NULL)
            *body_offset = next;
          return g_hash_table_size (headers) > 0 ? g_steal_pointer (&headers) : NULL;
        }
      if ((data[p] == ' ' || data[p] == '\t') && value != NULL)
        g_string_append_len (g_string_append_c (value, ' '), data + p, eol - p);
      else
        {
          gsize n = p;

          while (n < eol && is_header_name_char ((guchar) data[n]))
            n++;
          if (n == p || n >= eol || data[n] != ':')
            break;
          if (name != NULL && !g_hash_table_contains (headers, name))
            g_hash_table_insert (headers, g_steal_pointer (&name),
                                 g_strstrip (g_string_free (value, FALSE)));
          else if (value != NULL)
            g_string_free (value, TRUE);
          g_clear_pointer (&name, g_free);
          name = g_ascii_strdown (data + p, n - p);
          value = g_string_new_len (data + n + 1, eol - n - 1);
        }
      p = next;
    }
  if (value != NULL)
    g_string_free (value, TRUE);
  return NULL;
}

static gboolean
gzip_opens_warc (const char *data,
                 gsize       len)
{
  g_autoptr(GZlibDecompressor) inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  char out[16];
  gsize read = 0, written = 0;
  GConverterResult result;

  result = g_converter_convert (G_CONVERTER (inflater), data, MIN (len, 4096), out, sizeof out,
                                G_CONVERTER_NO_FLAGS, &read, &written, NULL);
  return result != G_CONVERTER_ERROR && written >= 7 && memcmp (out, "WARC/1.", 7) == 0;
}

static CfReadFormat
sniff_zip (GBytes *bytes)
{
  CfReadLimits limits = default_limits;
  g_autoptr(CfZip) zip = NULL;
  GPtrArray *names;

  limits.max_uncompressed = 4096;
  zip = _cf_zip_open (bytes, &limits, NULL);
  if (zip == NULL)
    return CF_READ_FORMAT_NONE;
  if (_cf_zip_has (zip, "mimetype"))
    {
      g_autoptr(GBytes) mimetype = _cf_zip_read (zip, "mimetype", NULL);
      const char *odt = "application/vnd.oasis.opendocument.text";

      if (mimetype != NULL && g_bytes_get_size (mimetype) >= strlen (odt) &&
          memcmp (g_bytes_get_data (mimetype, NULL), odt, strlen (odt)) == 0 &&
          (g_bytes_get_size (mimetype) == strlen (odt) ||
           g_ascii_isspace (((const char *) g_bytes_get_data (mimetype, NULL))[strlen (odt)])))
        return CF_READ_FORMAT_ODT;
    }
  if (_cf_zip_has (zip, "[Content_Types].xml") && _cf_zip_has (zip, "word/document.xml"))
    return CF_READ_FORMAT_DOCX;
  names = _cf_zip_names (zip);
  if (_cf_zip_has (zip, "datapackage.json"))
    for (guint i = 0; i < names->len; i++)
      {
        const char *name = g_ptr_array_index (names, i);

        if (g_str_has_prefix (name, "archive/") &&
            (g_str_has_suffix (name, ".warc.gz") || g_str_has_suffix (name, ".warc")))
          return CF_READ_FORMAT_WACZ;
      }
  return CF_READ_FORMAT_NONE;
}

/* MHTML is a MIME message whose body is multipart/related: what a browser saved
 * (Chrome writes Snapshot-Content-Location; none writes a Message-ID or a To).
 * Mail needs From and Date (RFC 5322's two required fields). */
static CfReadFormat
sniff_mime (const char *data,
            gsize       len)
{
  g_autoptr(GHashTable) headers = _cf_read_header_block (data, len, NULL);
  const char *type;

  if (headers == NULL)
    return CF_READ_FORMAT_NONE;
  type = g_hash_table_lookup (headers, "content-type");
  if (type != NULL && g_ascii_strncasecmp (type, "multipart/related", 17) == 0 &&
      (g_hash_table_contains (headers, "snapshot-content-location") ||
       (!g_hash_table_contains (headers, "message-id") && !g_hash_table_contains (headers, "to"))))
    return CF_READ_FORMAT_MHTML;
  if (g_hash_table_contains (headers, "from") && g_hash_table_contains (headers, "date"))
    return CF_READ_FORMAT_EML;
  return CF_READ_FORMAT_NONE;
}

CfReadFormat
cf_read_sniff (GBytes *bytes)
{
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, CF_READ_FORMAT_NONE);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len < 4)
    return CF_READ_FORMAT_NONE;
  if (g_strstr_len (data, MIN (len, 1024), "%PDF-") != NULL)
    return CF_READ_FORMAT_PDF;
  if (len >= 7 && memcmp (data, "WARC/1.", 7) == 0)
    return CF_READ_FORMAT_WARC;
  if ((guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b && gzip_opens_warc (data, len))
    return CF_READ_FORMAT_WARC;
  if (memcmp (data, "PK\003\004", 4) == 0)
    return sniff_zip (bytes);
  return sniff_mime (data, len);
}

CfExtractedDocument *
_cf_read_html_page (const char  *data,
                    gsize        len,
                    const char  *charset,
                    GError     **error)
{
  g_autofree char *utf8 = NULL;
  gsize utf8_len = 0;

  _cf_extract_init_libxml ();
  /* the container's charset wins over the page's own <meta>; a BOM says so to the
   * extractor, which trusts a BOM first */
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      g_autofree char *converted = g_convert (data, len, "UTF-8", charset, NULL, &utf8_len, NULL);

      if (converted != NULL)
        {
          utf8 = g_strconcat ("\xEF\xBB\xBF", converted, NULL);
          utf8_len += 3;
          return _cf_html_extract (utf8, utf8_len, "text/html", error);
        }
    }
  return _cf_html_extract (data, len, "text/html", error);
}

static gboolean
is_reader_format (CfReadFormat format)
{
  return format != CF_READ_FORMAT_NONE;
}

GPtrArray *
cf_read_any_in_session (CfReadSession  *session,
                        GBytes         *bytes,
                        const char     *filename,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) <= CF_EXTRACT_MAX_INPUT && is_reader_format (cf_read_sniff (bytes)))
    {
      if (session == NULL)
        return cf_read_in_helper (bytes, NULL, cancellable, error);
      return cf_read_session_read (session, bytes, cancellable, error);
    }
  return cf_extract_bytes (bytes, filename, error);
}

GPtrArray *
cf_read_any (GBytes        *bytes,
             const char    *filename,
             GCancellable  *cancellable,
             GError       **error)
{
  return cf_read_any_in_session (NULL, bytes, filename, cancellable, error);
}
