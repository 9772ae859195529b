/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HTML extractor's entry points: decode and parse a page, scan it, find its
 * metadata and article, check the article against the publisher's own
 * articleBody, and say why a page yields nothing. Also the text of an HTML
 * fragment (a feed item's content). */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cf-encoding.h"
#include "cf-extract-private.h"
#include "cf-html-extract.h"
#include "cf-html-private.h"

/* in tenths: how much of a JSON-LD articleBody our text must hold */
#define CROSS_CHECK_RECALL 6

/* *@truncated: the parser gave up part-way, which in recovery mode only happens at
 * its nesting limit (256 levels without HTML_PARSE_HUGE, which we never set). */
static htmlDocPtr
parse_html_utf8 (const char *utf8,
                 gsize       len,
                 gboolean   *truncated)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  htmlDocPtr doc;

  *truncated = FALSE;
  if (ctxt == NULL)
    return NULL;
  doc = htmlCtxtReadMemory (ctxt, utf8, (int) len, NULL, "UTF-8",
                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS);
  *truncated = ctxt->disableSAX && ctxt->lastError.code == XML_ERR_INTERNAL_ERROR;
  htmlFreeParserCtxt (ctxt);
  return doc;
}

static GHashTable *
word_set (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_hash_table_add (set, g_strndup (start, p - start));
    }
  return set;
}

static guint
count_common (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += g_hash_table_contains (b, key);
  return n;
}

/* The publisher's own articleBody (JSON-LD) checks our pick: when our text holds
 * little of it, we found the wrong block (comments, a teaser list) and the
 * publisher's text is the better answer. A truncated (paywalled) articleBody is
 * still contained in ours, so it never replaces a full extraction. */
static void
cross_check_json_ld_body (CfExtractedDocument *doc,
                          const char          *json_ld_body)
{
  g_autofree char *ld_text = NULL;
  g_autoptr(GHashTable) ld_words = NULL;
  g_autoptr(GHashTable) our_words = NULL;
  guint common;

  if (strlen (json_ld_body) < 500)
    return;
  if (strchr (json_ld_body, '<') != NULL)
    ld_text = _cf_html_fragment_to_text (json_ld_body, strlen (json_ld_body));
  else
    {
      g_autofree char *unescaped = _cf_html_unescape_entities (json_ld_body);

      ld_text = _cf_normalise_plain_text (unescaped);
    }
  ld_words = word_set (ld_text);
  our_words = word_set (doc->text);
  if (g_hash_table_size (ld_words) < 50)
    return;
  common = count_common (ld_words, our_words);
  if (common * 10 < g_hash_table_size (ld_words) * CROSS_CHECK_RECALL)
    {
      g_free (doc->text);
      doc->text = g_steal_pointer (&ld_text);
    }
}

CfExtractedDocument *
_cf_html_extract (const char  *data,
                  gsize        len,
                  const char  *media_type,
                  GError     **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *note = NULL;
  g_autofree char *json_ld_body = NULL;
  g_autoptr(CfExtractedDocument) doc = NULL;
  htmlDocPtr html;
  Page page = { 0 };
  gsize utf8_len;
  gboolean truncated = FALSE;

  utf8 = _cf_decode_markup (data, len, &utf8_len, &note, error);
  if (utf8 == NULL)
    return NULL;

  html = parse_html_utf8 (utf8, utf8_len, &truncated);
  if (html == NULL || xmlDocGetRootElement (html) == NULL)
    {
      if (html != NULL)
        xmlFreeDoc (html);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   "The page could not be read as HTML.");
      return NULL;
    }

  _cf_html_page_init (&page);
  _cf_html_scan_page (&page, html);

  doc = _cf_extracted_document_new (media_type);
  doc->note = g_steal_pointer (&note);
  _cf_html_fill_metadata (&page, doc, &json_ld_body);
  page.headline = doc->title;
  {
    g_autofree char *body = _cf_html_extract_body (&page);

    g_autofree char *normalised = _cf_normalise_plain_text (body ? body : "");

    doc->text = _cf_html_drop_timestamp_lines (normalised);
  }
  if (json_ld_body != NULL)
    cross_check_json_ld_body (doc, json_ld_body);

  _cf_html_page_clear (&page);
  xmlFreeDoc (html);

  if (truncated && *doc->text == '\0')
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   "The page nests its elements more than 256 levels deep; Casefile "
                   "stops reading there and found no text before that point.");
      return NULL;
    }
  if (truncated)
    {
      char *note2 = g_strdup_printf ("%s%sThe page nests its elements too deeply; text "
                                     "after that point was not read.",
                                     doc->note ? doc->note : "", doc->note ? ". " : "");

      g_free (doc->note);
      doc->note = note2;
    }
  /* A title alone is no source: claims point into the text, and a page built by
   * its scripts has nothing else. */
  if (*doc->text == '\0')
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   "The page contains no text. If a browser shows text on it, the page "
                   "writes it with scripts, which Casefile does not run: save the page "
                   "from the browser once it has loaded, and import that file.");
      return NULL;
    }
  return g_steal_pointer (&doc);
}

char *
_cf_html_fragment_to_text (const char *utf8,
                           gsize       len)
{
  htmlDocPtr html;
  Page page = { 0 };
  gboolean truncated;
  xmlNode *root;
  g_autofree char *raw = NULL;

  if (len == 0 || len > G_MAXINT)
    return g_strdup ("");
  html = parse_html_utf8 (utf8, len, &truncated);
  if (html == NULL)
    return g_strdup ("");
  root = xmlDocGetRootElement (html);
  if (root == NULL)
    {
      xmlFreeDoc (html);
      return g_strdup ("");
    }
  _cf_html_page_init (&page);
  _cf_html_scan_page (&page, html);
  raw = _cf_html_page_text (&page, page.body ? page.body : root);
  _cf_html_page_clear (&page);
  xmlFreeDoc (html);
  return _cf_normalise_plain_text (raw);
}
