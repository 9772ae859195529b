/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Web archives: WARC (ISO 28500; plain, or gzip with one member per record, as
 * wget, ArchiveBox and Webrecorder write it) and WACZ (a zip holding WARCs under
 * archive/). Every response record whose HTTP body is HTML becomes a document
 * through the article extractor, with WARC-Target-URI as its URL and WARC-Date as
 * its capture date. A record's Content-Length is checked against the bytes that
 * are really there, and everything unpacked counts against the limits. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-extract-private.h"
#include "cf-formats-private.h"

/* below this many unpacked bytes the ratio is not checked */
#define RATIO_FLOOR (4 * 1024 * 1024)

typedef struct
{
  const CfReadLimits *limits;
  guint64 packed;      /* bytes of compressed input seen */
  guint64 unpacked;    /* bytes unpacked from them */
  guint records;
  guint skipped;       /* HTML responses that gave no text */
} Budget;

static gboolean
count_unpacked (Budget  *budget,
                gsize    n,
                GError **error)
{
  budget->unpacked += n;
  if (budget->unpacked > budget->limits->max_uncompressed)
    {
      g_autofree char *limit = g_format_size (budget->limits->max_uncompressed);

      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The archive unpacks to more than %s, the most it may unpack to."), limit);
      return FALSE;
    }
  if (budget->unpacked > RATIO_FLOOR &&
      budget->unpacked / MAX (budget->packed, 1) > budget->limits->max_ratio)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The archive unpacks to more than %u times its own size, "
                     "which only a compression bomb does."), budget->limits->max_ratio);
      return FALSE;
    }
  return TRUE;
}

/* Every gzip member in @data, one after the other (a .warc.gz is one per record). */
static GByteArray *
gunzip_members (const char  *data,
                gsize        len,
                Budget      *budget,
                GError     **error)
{
  g_autoptr(GZlibDecompressor) inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize pos = 0;

  budget->packed += len;
  while (pos < len)
    {
      char chunk[65536];
      gsize read = 0, written = 0;
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (inflater), data + pos, len - pos,
                                    chunk, sizeof chunk, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                         _("The compressed archive is cut short."));
          else
            g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                         _("The compressed archive is damaged: %s"), local_error->message);
          return NULL;
        }
      pos += read;
      if (!count_unpacked (budget, written, error))
        return NULL;
      g_byte_array_append (out, (const guint8 *) chunk, (guint) written);
      if (result == G_CONVERTER_FINISHED)
        {
          /* the next member, if the rest is one; trailing padding is ignored */
          if (len - pos < 2 || (guchar) data[pos] != 0x1f || (guchar) data[pos + 1] != 0x8b)
            break;
          g_converter_reset (G_CONVERTER (inflater));
        }
      else if (read == 0 && written == 0)
        break;
    }
  return g_steal_pointer (&out);
}

/* A decimal length, digits only, that fits. */
static gboolean
parse_length (const char *s,
              guint64    *out)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  return g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT64, out, NULL);
}

/* Undoes "Transfer-Encoding: chunked". NULL if the chunks do not add up. */
static GByteArray *
dechunk (const char *data,
         gsize       len)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize pos = 0;

  while (pos < len)
    {
      gsize eol = pos;
      guint64 size;
      g_autofree char *line = NULL;

      while (eol < len && data[eol] != '\n')
        eol++;
      if (eol >= len)
        return NULL;
      line = g_strndup (data + pos, eol - pos);
      g_strstrip (line);
      if (strchr (line, ';') != NULL)
        *strchr (line, ';') = '\0';
      if (!g_ascii_string_to_unsigned (line, 16, 0, G_MAXUINT32, &size, NULL))
        return NULL;
      pos = eol + 1;
      if (size == 0)
        break;
      if (size > len - pos)
        return NULL;
      g_byte_array_append (out, (const guint8 *) data + pos, (guint) size);
      pos += size;
      /* the CRLF after the chunk's data */
      if (pos < len && data[pos] == '\r')
        pos++;
      if (pos < len && data[pos] == '\n')
        pos++;
    }
  return g_steal_pointer (&out);
}

static char *
content_type_charset (const char *content_type)
{
  const char *p = content_type ? strstr (content_type, "charset=") : NULL;
  g_autofree char *charset = NULL;

  if (p == NULL)
    return NULL;
  p += strlen ("charset=");
  charset = g_strndup (p, strcspn (p, ";, \t"));
  g_strdelimit (charset, "\"'", ' ');
  g_strstrip (charset);
  return *charset != '\0' ? g_steal_pointer (&charset) : NULL;
}

static gboolean
is_html_type (const char *content_type)
{
  return content_type != NULL &&
         (g_ascii_strncasecmp (content_type, "text/html", 9) == 0 ||
          g_ascii_strncasecmp (content_type, "application/xhtml+xml", 21) == 0);
}

/* The HTML page an HTTP response (status line, headers, body) carries, or NULL
 * if it carries none (another type, a redirect, an error page). */
static CfExtractedDocument *
read_http_response (const char  *data,
                    gsize        len,
                    Budget      *budget,
                    GError     **error)
{
  g_autoptr(GHashTable) headers = NULL;
  g_autoptr(GByteArray) unchunked = NULL;
  g_autoptr(GByteArray) inflated = NULL;
  g_autofree char *charset = NULL;
  const char *eol, *content_type, *encoding, *body;
  gsize header_offset, body_offset = 0, body_len;
  int status = 0;

  if (len < 12 || strncmp (data, "HTTP/", 5) != 0)
    return NULL;
  eol = memchr (data, '\n', MIN (len, 1024));
  if (eol == NULL)
    return NULL;
  /* the status line is not NUL-terminated where the record ends: parse a copy */
  {
    const char *space = memchr (data, ' ', eol - data);
    g_autofree char *code = space != NULL ? g_strndup (space + 1, MIN ((gsize) (eol - space - 1), 3)) : NULL;

    status = code != NULL ? (int) g_ascii_strtoll (code, NULL, 10) : 0;
  }
  if (status < 200 || status > 299)
    return NULL;
  header_offset = eol + 1 - data;
  headers = _cf_read_header_block (data + header_offset, len - header_offset, &body_offset);
  if (headers == NULL)
    return NULL;
  content_type = g_hash_table_lookup (headers, "content-type");
  if (!is_html_type (content_type))
    return NULL;
  body = data + header_offset + body_offset;
  body_len = len - header_offset - body_offset;
  encoding = g_hash_table_lookup (headers, "transfer-encoding");
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "chunked") == 0)
    {
      unchunked = dechunk (body, body_len);
      if (unchunked != NULL)
        {
          body = (const char *) unchunked->data;
          body_len = unchunked->len;
        }
    }
  encoding = g_hash_table_lookup (headers, "content-encoding");
  if (encoding != NULL && (g_ascii_strcasecmp (encoding, "gzip") == 0 ||
                           g_ascii_strcasecmp (encoding, "x-gzip") == 0))
    {
      g_autoptr(GError) local_error = NULL;

      inflated = gunzip_members (body, body_len, budget, &local_error);
      if (inflated == NULL)
        {
          if (g_error_matches (local_error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE))
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      body = (const char *) inflated->data;
      body_len = inflated->len;
    }
  if (body_len == 0)
    return NULL;
  charset = content_type_charset (content_type);
  return _cf_read_html_page (body, body_len, charset, NULL);
}

static char *
target_uri (const char *value)
{
  g_autofree char *uri = g_strdup (value);

  g_strstrip (uri);
  /* WARC 1.0's grammar put the URI in angle brackets, and some writers still do */
  if (*uri == '<' && g_str_has_suffix (uri, ">"))
    {
      uri[strlen (uri) - 1] = '\0';
      return _cf_web_url_or_null (g_strdup (uri + 1));
    }
  return _cf_web_url_or_null (g_steal_pointer (&uri));
}

/* The records of one uncompressed WARC, appending the HTML pages to @docs. */
static gboolean
read_records (const char  *data,
              gsize        len,
              Budget      *budget,
              GPtrArray   *docs,
              GError     **error)
{
  gsize pos = 0;

  while (pos < len)
    {
      g_autoptr(GHashTable) headers = NULL;
      const char *type, *uri, *date, *content_type;
      gsize body_offset = 0;
      guint64 length;
      guint number = ++budget->records;

      /* blank lines between records are tolerated */
      while (pos < len && (data[pos] == '\r' || data[pos] == '\n'))
        pos++;
      if (pos >= len)
        break;
      if (number > budget->limits->max_entries)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                       _("The archive holds more than %u records, the most it may hold."),
                       budget->limits->max_entries);
          return FALSE;
        }
      if (len - pos < 8 || memcmp (data + pos, "WARC/1.", 7) != 0)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       number == 1 ? _("The file is not a WARC archive.")
                                   : _("Record %u of the archive does not begin where the "
                                       "one before it said it would end (a wrong "
                                       "Content-Length)."), number);
          return FALSE;
        }
      {
        const char *eol = memchr (data + pos, '\n', len - pos);

        headers = eol ? _cf_read_header_block (eol + 1, len - (eol + 1 - data), &body_offset) : NULL;
        if (headers == NULL)
          {
            g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                         _("Record %u of the archive has damaged headers."), number);
            return FALSE;
          }
        pos = eol + 1 - data + body_offset;
      }
      if (!parse_length (g_hash_table_lookup (headers, "content-length"), &length))
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       _("Record %u of the archive has no valid Content-Length."), number);
          return FALSE;
        }
      if (length > len - pos)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       _("Record %u of the archive says it holds %" G_GUINT64_FORMAT
                         " bytes, but only %" G_GSIZE_FORMAT " remain (a wrong "
                         "Content-Length, or a file cut short)."), number, length, len - pos);
          return FALSE;
        }
      type = g_hash_table_lookup (headers, "warc-type");
      uri = g_hash_table_lookup (headers, "warc-target-uri");
      date = g_hash_table_lookup (headers, "warc-date");
      content_type = g_hash_table_lookup (headers, "content-type");
      if (type != NULL && (g_ascii_strcasecmp (type, "response") == 0 ||
                           g_ascii_strcasecmp (type, "resource") == 0))
        {
          g_autoptr(GError) local_error = NULL;
          CfExtractedDocument *doc = NULL;

          if (g_ascii_strcasecmp (type, "resource") == 0 && is_html_type (content_type))
            {
              g_autofree char *charset = content_type_charset (content_type);

              doc = _cf_read_html_page (data + pos, length, charset, NULL);
            }
          else if (g_ascii_strcasecmp (type, "response") == 0)
            doc = read_http_response (data + pos, length, budget, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (doc != NULL)
            {
              if (docs->len >= budget->limits->max_documents)
                {
                  cf_extracted_document_free (doc);
                  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                               _("The file holds more than %u documents, the most one file "
                                 "may hold."), budget->limits->max_documents);
                  return FALSE;
                }
              if (uri != NULL)
                {
                  char *url = target_uri (uri);

                  if (url != NULL)
                    {
                      g_free (doc->url);
                      doc->url = url;
                    }
                }
              doc->captured = date != NULL ? _cf_normalise_date (date) : NULL;
              g_ptr_array_add (docs, doc);
            }
        }
      pos += length;
    }
  return TRUE;
}

static gboolean
read_warc_into (const char  *data,
                gsize        len,
                Budget      *budget,
                GPtrArray   *docs,
                GError     **error)
{
  g_autoptr(GByteArray) plain = NULL;

  if (len >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      plain = gunzip_members (data, len, budget, error);
      if (plain == NULL)
        return FALSE;
      data = (const char *) plain->data;
      len = plain->len;
    }
  return read_records (data, len, budget, docs, error);
}

static GPtrArray *
finish (GPtrArray  *docs,
        const char *media_type,
        GError    **error)
{
  g_autoptr(GPtrArray) owned = docs;

  if (docs->len == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   _("The archive holds no web page with text."));
      return NULL;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      CfExtractedDocument *doc = g_ptr_array_index (docs, i);

      g_free (doc->media_type);
      doc->media_type = g_strdup (media_type);
    }
  return g_steal_pointer (&owned);
}

GPtrArray *
cf_read_warc (GBytes              *bytes,
              const CfReadLimits  *limits,
              GError             **error)
{
  g_autoptr(GPtrArray) docs = _cf_read_documents_new ();
  Budget budget = { limits ? limits : cf_read_limits_default () };
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (!read_warc_into (data, len, &budget, docs, error))
    return NULL;
  return finish (g_steal_pointer (&docs), cf_read_format_media_type (CF_READ_FORMAT_WARC), error);
}

GPtrArray *
cf_read_wacz (GBytes              *bytes,
              const CfReadLimits  *limits,
              GError             **error)
{
  g_autoptr(GPtrArray) docs = _cf_read_documents_new ();
  g_autoptr(CfZip) zip = NULL;
  Budget budget = { limits ? limits : cf_read_limits_default () };
  GPtrArray *names;

  g_return_val_if_fail (bytes != NULL, NULL);

  zip = _cf_zip_open (bytes, budget.limits, error);
  if (zip == NULL)
    return NULL;
  names = _cf_zip_names (zip);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GBytes) warc = NULL;
      const char *data;
      gsize len;

      if (!g_str_has_prefix (name, "archive/") ||
          !(g_str_has_suffix (name, ".warc.gz") || g_str_has_suffix (name, ".warc")))
        continue;
      warc = _cf_zip_read (zip, name, error);
      if (warc == NULL)
        return NULL;
      data = g_bytes_get_data (warc, &len);
      if (len > 0 && !read_warc_into (data, len, &budget, docs, error))
        return NULL;
    }
  return finish (g_steal_pointer (&docs), cf_read_format_media_type (CF_READ_FORMAT_WACZ), error);
}
