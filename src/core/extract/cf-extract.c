/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The extractor's public entry: sniffing what some bytes are (by their structure
 * first, the file name second), dispatching them to the HTML, XML/feed or plain
 * text importer, and the helpers all importers share (dates, white space, the
 * libxml2 settings that keep a document from reaching the network or the disk). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "cf-encoding.h"
#include "cf-extract.h"
#include "cf-extract-private.h"
#include "cf-feed.h"
#include "cf-html-extract.h"

G_DEFINE_QUARK (cf-extract-error-quark, cf_extract_error)

void
cf_extracted_document_free (CfExtractedDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->byline);
  g_free (doc->published);
  g_free (doc->site_name);
  g_free (doc->language);
  g_free (doc->url);
  g_free (doc->text);
  g_free (doc->media_type);
  g_free (doc->note);
  g_free (doc->captured);
  g_free (doc->filename);
  g_clear_pointer (&doc->pages, g_array_unref);
  g_free (doc);
}

CfExtractedDocument *
_cf_extracted_document_new (const char *media_type)
{
  CfExtractedDocument *doc = g_new0 (CfExtractedDocument, 1);

  doc->media_type = g_strdup (media_type);
  doc->parent_index = -1;
  return doc;
}

/* Documents come from strangers: nothing they name is ever fetched, neither over
 * the network (NONET covers only http and ftp) nor from the local disk. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

void
_cf_extract_init_libxml (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}

char *
_cf_collapse_whitespace (const char *s)
{
  GString *out;
  gboolean space = FALSE;

  if (s == NULL)
    return NULL;
  out = g_string_sized_new (strlen (s));
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        space = TRUE;
      else if (c == 0xC2 && (guchar) p[1] == 0xA0)
        {
          space = TRUE;
          p++;
        }
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, (char) c);
        }
    }
  return g_string_free (out, FALSE);
}

char *
_cf_web_url_or_null (char *url)
{
  if (url != NULL)
    {
      g_strchug (url);
      if (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
          g_ascii_strncasecmp (url, "https://", 8) == 0)
        return url;
    }
  g_free (url);
  return NULL;
}

static int
month_from_name (const char *s)
{
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (s, months[i], 3) == 0)
      return (int) i + 1;
  return 0;
}

/* RFC 822 zone names, as "+hhmm" (or "Z" for UTC); NULL if unknown. */
static const char *
zone_offset (const char *name)
{
  static const struct { const char *name; const char *offset; } zones[] = {
    { "GMT", "Z" }, { "UT", "Z" }, { "UTC", "Z" }, { "Z", "Z" },
    { "EST", "-0500" }, { "EDT", "-0400" }, { "CST", "-0600" }, { "CDT", "-0500" },
    { "MST", "-0700" }, { "MDT", "-0600" }, { "PST", "-0800" }, { "PDT", "-0700" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_ascii_strcasecmp (name, zones[i].name) == 0)
      return zones[i].offset;
  return NULL;
}

/* "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 2003 04:00 +0200", "June 10, 2003". */
static char *
parse_rfc822_date (const char *s)
{
  g_auto(GStrv) tokens = NULL;
  int day = 0, month = 0, year = 0, hour = -1, minute = 0, second = 0;
  const char *zone = NULL;
  g_autofree char *clean = g_strdelimit (g_strdup (s), ",", ' ');

  tokens = g_strsplit_set (clean, " \t", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (*t == '\0')
        continue;
      if (g_ascii_isdigit (*t) && strchr (t, ':') != NULL && hour < 0)
        sscanf (t, "%d:%d:%d", &hour, &minute, &second);
      else if (g_ascii_isdigit (*t) && strlen (t) == 4 && year == 0)
        year = atoi (t);
      else if (g_ascii_isdigit (*t) && strlen (t) <= 2 && day == 0)
        day = atoi (t);
      else if (g_ascii_isalpha (*t) && month == 0 && month_from_name (t) > 0 &&
               strlen (t) >= 3)
        month = month_from_name (t);
      else if ((*t == '+' || *t == '-') && strlen (t) == 5 && hour >= 0)
        zone = t;
      else if (g_ascii_isalpha (*t) && hour >= 0 && zone == NULL)
        zone = zone_offset (t);
    }
  if (year < 1900 || year > 2200 || month == 0 || day < 1 || day > 31)
    return NULL;
  if (hour < 0 || hour > 23 || minute > 59 || second > 60)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  if (zone != NULL && strcmp (zone, "Z") == 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                            hour, minute, second);
  if (zone != NULL)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%c%c:%c%c", year, month, day,
                            hour, minute, second, zone[0], zone[1], zone[2], zone[3], zone[4]);
  /* no zone we know: a local time, which ISO 8601 allows */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                          hour, minute, second);
}

char *
_cf_normalise_date (const char *s)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (s == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (s));
  if (*trimmed == '\0' || strlen (trimmed) > 64)
    return NULL;

  if (strlen (trimmed) >= 10 && g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[3]) &&
      trimmed[4] == '-' && g_ascii_isdigit (trimmed[5]) && trimmed[7] == '-' &&
      g_ascii_isdigit (trimmed[8]) && g_ascii_isdigit (trimmed[9]))
    {
      if (trimmed[10] == ' ')
        trimmed[10] = 'T';
      utc = g_time_zone_new_utc ();
      dt = g_date_time_new_from_iso8601 (trimmed, utc);
      if (dt != NULL && trimmed[10] == 'T')
        return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
      return g_strndup (trimmed, 10);
    }
  return parse_rfc822_date (trimmed);
}

/* An element of HTML: libxml2 knows HTML 4's, and HTML5 added the rest (less the
 * names that XML vocabularies use for their root too, such as svg or data). A page
 * may open with any of them (a fragment saved from a browser often does). */
static gboolean
is_html_tag_name (const char *name)
{
  static const char *html5[] = {
    "article", "aside", "audio", "bdi", "canvas", "datalist", "details", "dialog",
    "figcaption", "figure", "footer", "header", "hgroup", "main", "mark", "meter",
    "nav", "picture", "progress", "rp", "rt", "ruby", "section", "summary",
    "template", "time", "video", "wbr",
  };

  if (htmlTagLookup ((const xmlChar *) name) != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (html5); i++)
    if (g_ascii_strcasecmp (name, html5[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_suffix_ci (const char *s,
               const char *suffix)
{
  gsize ls, lx;

  if (s == NULL)
    return FALSE;
  ls = strlen (s);
  lx = strlen (suffix);
  return ls >= lx && g_ascii_strcasecmp (s + ls - lx, suffix) == 0;
}

/* Sniffing looks at the root element, after any XML declaration, comments and
 * doctype; a text that opens with no tag is plain text. */
const char *
cf_extract_sniff_media_type (GBytes     *bytes,
                             const char *filename)
{
  const char *data, *bom_charset = NULL;
  gsize len, bom_len, n;
  g_autofree char *converted = NULL;
  g_autofree char *head = NULL;
  const char *p, *end;
  gboolean xml_decl = FALSE, html_doctype = FALSE;
  char name[32];
  gsize name_len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  /* nothing at all: an empty text (the extractor then says the file is empty) */
  if (data == NULL || len == 0)
    return "text/plain";
  bom_len = _cf_detect_bom (data, len, &bom_charset);
  if (bom_charset != NULL && strcmp (bom_charset, "UTF-8") != 0)
    {
      gsize unit = g_str_has_prefix (bom_charset, "UTF-32") ? 4 : 2;

      n = MIN (len - bom_len, 8192);
      n -= n % unit;
      converted = g_convert (data + bom_len, n, "UTF-8", bom_charset, NULL, &n, NULL);
      if (converted == NULL)
        return "text/plain";
      data = converted;
      len = n;
      bom_len = 0;
    }
  data += bom_len;
  len -= bom_len;
  n = MIN (len, 8192);
  if (n == 0)
    return "text/plain";

  if (memchr (data, '\0', n) != NULL && converted == NULL)
    return "application/octet-stream";

  head = g_ascii_strdown (data, n);
  p = head;
  end = head + strlen (head);

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        break;
      if (g_str_has_prefix (p, "<?"))
        {
          const char *q = strstr (p, "?>");

          xml_decl |= g_str_has_prefix (p, "<?xml");
          p = q ? q + 2 : end;
        }
      else if (g_str_has_prefix (p, "<!--"))
        {
          const char *q = strstr (p + 4, "-->");

          p = q ? q + 3 : end;
        }
      else if (g_str_has_prefix (p, "<!"))
        {
          const char *q = strchr (p, '>');
          const char *subset = strchr (p, '[');

          /* an internal subset holds declarations, and so '>' */
          if (subset != NULL && q != NULL && subset < q)
            {
              const char *close = strstr (subset, "]");

              q = close ? strchr (close, '>') : NULL;
            }
          html_doctype |= g_str_has_prefix (p, "<!doctype html");
          p = q ? q + 1 : end;
        }
      else
        {
          p++;
          /* "<3" or "< b" is prose, not a tag */
          if (p >= end || !(g_ascii_isalpha (*p) || *p == '_'))
            return "text/plain";
          while (p < end && name_len < sizeof name - 1 &&
                 (g_ascii_isalnum (*p) || *p == ':' || *p == '-' || *p == '_'))
            name[name_len++] = *p++;
          break;
        }
    }
  name[name_len] = '\0';

  if (name_len == 0)
    {
      if (xml_decl && !html_doctype)
        return "application/xml";
      if (html_doctype)
        return xml_decl ? "application/xhtml+xml" : "text/html";
      if (p < end && *p != '<' && (has_suffix_ci (filename, ".html") ||
                                   has_suffix_ci (filename, ".htm")) &&
          strstr (head, "<p") != NULL)
        return "text/html";
      /* a line of text before the page proper (a saved page with a note on top):
       * the page's own structure says HTML, whatever the file is called */
      if (p < end && *p != '<' &&
          (strstr (head, "<head>") != NULL || strstr (head, "<body") != NULL ||
           strstr (head, "<html") != NULL))
        return "text/html";
      return "text/plain";
    }
  if (strcmp (name, "rss") == 0 || strcmp (name, "rdf:rdf") == 0)
    return "application/rss+xml";
  if (strcmp (name, "feed") == 0)
    return "application/atom+xml";
  if (strcmp (name, "html") == 0 || html_doctype)
    {
      if (xml_decl || (strcmp (name, "html") == 0 &&
                       strstr (head, "http://www.w3.org/1999/xhtml") != NULL &&
                       has_suffix_ci (filename, ".xhtml")))
        return "application/xhtml+xml";
      return "text/html";
    }
  if (xml_decl)
    return "application/xml";
  if (is_html_tag_name (name))
    return "text/html";
  if (has_suffix_ci (filename, ".html") || has_suffix_ci (filename, ".htm"))
    return "text/html";
  return "application/xml";
}

static GPtrArray *
extract_plain_text (const char  *data,
                    gsize        len,
                    GError     **error)
{
  g_autofree char *note = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc;

  decoded = _cf_decode_text (data, len, NULL, &note, error);
  if (decoded == NULL)
    return NULL;

  doc = _cf_extracted_document_new ("text/plain");
  doc->text = _cf_normalise_plain_text (decoded);
  doc->note = g_steal_pointer (&note);
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
  g_ptr_array_add (docs, doc);
  if (*doc->text == '\0')
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   "The file contains no text.");
      return NULL;
    }
  return g_steal_pointer (&docs);
}

GPtrArray *
cf_extract_bytes (GBytes      *bytes,
                  const char  *filename,
                  GError     **error)
{
  const char *data, *media_type;
  gsize len;
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _cf_extract_init_libxml ();

  data = g_bytes_get_data (bytes, &len);
  if (len > CF_EXTRACT_MAX_INPUT)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (CF_EXTRACT_MAX_INPUT);

      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   "The file is too large to import (%s; the limit is %s).", size, limit);
      return NULL;
    }
  if (len == 0 || data == NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, "The file is empty.");
      return NULL;
    }

  media_type = cf_extract_sniff_media_type (bytes, filename);
  if (strcmp (media_type, "text/html") == 0 ||
      strcmp (media_type, "application/xhtml+xml") == 0)
    {
      CfExtractedDocument *doc = _cf_html_extract (data, len, media_type, error);

      if (doc == NULL)
        return NULL;
      docs = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
      g_ptr_array_add (docs, doc);
      return g_steal_pointer (&docs);
    }
  if (strcmp (media_type, "application/xml") == 0 ||
      strcmp (media_type, "application/rss+xml") == 0 ||
      strcmp (media_type, "application/atom+xml") == 0)
    {
      g_autoptr(GError) xml_error = NULL;

      docs = _cf_xml_extract (data, len, &xml_error);
      if (docs != NULL)
        return g_steal_pointer (&docs);
      /* Text that merely starts with something like a tag ("<Ed> wrote:") and
       * never said it was XML is plain text. */
      if (strcmp (media_type, "application/xml") == 0 &&
          g_error_matches (xml_error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE) &&
          g_strstr_len (data, MIN (len, 256), "<?xml") == NULL)
        return extract_plain_text (data, len, error);
      g_propagate_error (error, g_steal_pointer (&xml_error));
      return NULL;
    }

  /* Plain text, and whatever sniffed as binary: decoding says why it is refused. */
  return extract_plain_text (data, len, error);
}

GBytes *
cf_extract_read_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize cap = (gsize) CF_EXTRACT_MAX_INPUT + 1;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  while (buffer->len < cap)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk,
                                      MIN (sizeof chunk, cap - buffer->len), cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
