/* SPDX-License-Identifier: GPL-3.0-or-later */
/* XML import: RSS and Atom feeds as one document per item, and any other XML as
 * its text, parsed with every libxml2 feature that could reach outside the file
 * switched off (see below). */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "cf-encoding.h"
#include "cf-extract-private.h"
#include "cf-feed.h"
#include "cf-html-extract.h"

/*
 * XML the safe way: we decode the bytes ourselves (so a lying or missing encoding
 * declaration is handled as for any text) and hand libxml2 UTF-8 with
 * XML_PARSE_IGNORE_ENC. The options never include NOENT, DTDLOAD, DTDVALID, DTDATTR,
 * XINCLUDE or HUGE: entities are not substituted, no DTD is read, the default depth
 * limit (256) stays, and the external entity loader refuses everything (see
 * _cf_extract_init_libxml). Errors go to a structured handler, never to stderr.
 *
 * Generic XML becomes its text content. An element in an "element-only" context
 * (its parent has no text of its own, like <chapter> in <book>) starts a paragraph;
 * an element inside mixed content (like <emphasis> in a sentence) is inline. That
 * rule needs no knowledge of the vocabulary and matches how people lay out prose in
 * XML. Attributes, comments and processing instructions are not text.
 */

typedef struct
{
  guint n_errors;
} ErrorCollector;

/* libxml2 hands parser errors to the context's structured handler with the
 * context itself as data; our collector hangs off its _private. */
static void
xml_error_cb (void        *user_data,
              xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = user_data;
  ErrorCollector *collector = ctxt ? ctxt->_private : NULL;

  if (collector == NULL)
    return;
  /* Recovery is off, so the first fatal error ends the parse; the count only
   * bounds the work spent on warnings. */
  if (++collector->n_errors > 1000)
    xmlStopParser (ctxt);
}

static xmlDocPtr
parse_xml (const char  *utf8,
           gsize        len,
           GError     **error)
{
  ErrorCollector collector = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   "Could not start the XML parser.");
      return NULL;
    }
  ctxt->_private = &collector;
  ctxt->sax->serror = xml_error_cb;
  doc = xmlCtxtReadMemory (ctxt, utf8, (int) len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA);
  if (doc == NULL || !ctxt->wellFormed || xmlDocGetRootElement (doc) == NULL)
    {
      xmlErrorPtr last = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strstrip (g_strdup (last && last->message ? last->message
                                                                        : "no root element"));

      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   "The file is not well-formed XML (line %d: %s).",
                   last ? last->line : 0, msg);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  return doc;
}

typedef struct
{
  GString *out;
  gboolean need_space;
  gboolean need_break;
  gsize    entity_bytes;
  guint    elements;
} XmlSink;

static void
xml_sink_text (XmlSink    *sink,
               const char *s)
{
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        {
          sink->need_space = TRUE;
          continue;
        }
      if (sink->out->len > 0)
        {
          if (sink->need_break)
            g_string_append (sink->out, "\n\n");
          else if (sink->need_space)
            g_string_append_c (sink->out, ' ');
        }
      sink->need_break = FALSE;
      sink->need_space = FALSE;
      g_string_append_c (sink->out, (char) *p);
    }
}

static gboolean
has_own_text (xmlNode *element)
{
  for (xmlNode *c = element->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      for (const char *p = (const char *) c->content; *p; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
  return FALSE;
}

static void
xml_sink_entity (XmlSink *sink,
                 xmlNode *ref)
{
  xmlEntityPtr ent = xmlGetDocEntity (ref->doc, ref->name);
  gsize len;

  /* Only internal entities, their replacement text as written (not expanded
   * further), and only so much in total: a "billion laughs" stays small. */
  if (ent == NULL || ent->etype != XML_INTERNAL_GENERAL_ENTITY || ent->content == NULL)
    return;
  len = strlen ((const char *) ent->content);
  if (sink->entity_bytes + len > CF_EXTRACT_MAX_ENTITY_TEXT)
    return;
  sink->entity_bytes += len;
  xml_sink_text (sink, (const char *) ent->content);
}

/* The text of @root's subtree, paragraphs as described at the top of this file. */
static void
xml_write_text (xmlNode *root,
                XmlSink *sink)
{
  /* depth is bounded by the parser (256 without XML_PARSE_HUGE) */
  g_autoptr(GArray) mixed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  xmlNode *n = root;
  gboolean m = has_own_text (root);

  g_array_append_val (mixed, m);
  n = root->children;
  while (n != NULL && n != root)
    {
      gboolean descended = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        {
          gboolean parent_mixed = g_array_index (mixed, gboolean, mixed->len - 1);

          if (++sink->elements > CF_EXTRACT_MAX_NODES)
            return;
          if (!parent_mixed)
            sink->need_break = TRUE;
          if (n->children != NULL)
            {
              m = has_own_text (n);
              g_array_append_val (mixed, m);
              n = n->children;
              descended = TRUE;
            }
          else if (!parent_mixed)
            sink->need_break = TRUE;
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
        xml_sink_text (sink, (const char *) n->content);
      else if (n->type == XML_ENTITY_REF_NODE)
        xml_sink_entity (sink, n);

      if (descended)
        continue;
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          g_array_set_size (mixed, mixed->len - 1);
          if (n != root && mixed->len > 0 && !g_array_index (mixed, gboolean, mixed->len - 1))
            sink->need_break = TRUE;
        }
      if (n == root)
        break;
      n = n->next;
    }
}

static char *
xml_text (xmlNode *root)
{
  XmlSink sink = { 0 };

  sink.out = g_string_new (NULL);
  xml_write_text (root, &sink);
  {
    g_autofree char *raw = g_string_free (sink.out, FALSE);

    return _cf_normalise_plain_text (raw);
  }
}

static gboolean
is_named (xmlNode    *n,
          const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name != NULL &&
         strcmp ((const char *) n->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (is_named (c, name))
      return c;
  return NULL;
}

/* Flat text of one simple element (title, link, date), white space collapsed. */
static char *
simple_text (xmlNode *n)
{
  g_autofree char *text = NULL;
  char *collapsed;

  if (n == NULL)
    return NULL;
  text = xml_text (n);
  collapsed = _cf_collapse_whitespace (text);
  if (*collapsed == '\0')
    g_clear_pointer (&collapsed, g_free);
  return collapsed;
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  return simple_text (first_child (parent, name));
}

/* Feed content carries escaped HTML; plain text is a subset of it. */
static char *
html_content_text (xmlNode *n)
{
  g_autofree char *markup = NULL;
  XmlSink sink = { 0 };

  sink.out = g_string_new (NULL);
  for (xmlNode *c = n->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      g_string_append (sink.out, (const char *) c->content);
  markup = g_string_free (sink.out, FALSE);
  return _cf_html_fragment_to_text (markup, strlen (markup));
}

static char *
rss_author (xmlNode *item)
{
  g_autofree char *author = child_text (item, "author");
  char *open, *close;

  if (author == NULL)
    return child_text (item, "creator");
  /* "editor@example.com (Jane Doe)" */
  open = strchr (author, '(');
  close = open ? strchr (open, ')') : NULL;
  if (strchr (author, '@') != NULL && open != NULL && close != NULL && close > open + 1)
    return g_strstrip (g_strndup (open + 1, close - open - 1));
  return g_steal_pointer (&author);
}

static CfExtractedDocument *
rss_item (xmlNode    *item,
          const char *site_name,
          const char *language)
{
  CfExtractedDocument *doc = _cf_extracted_document_new ("application/rss+xml");
  xmlNode *content = first_child (item, "encoded");
  g_autofree char *date = NULL;

  if (content == NULL)
    content = first_child (item, "description");
  doc->title = child_text (item, "title");
  doc->url = _cf_web_url_or_null (child_text (item, "link"));
  if (doc->url == NULL)
    {
      xmlNode *guid = first_child (item, "guid");
      xmlChar *permalink = guid ? xmlGetProp (guid, (const xmlChar *) "isPermaLink") : NULL;

      if (guid != NULL && (permalink == NULL || strcmp ((char *) permalink, "false") != 0))
        doc->url = _cf_web_url_or_null (simple_text (guid));
      xmlFree (permalink);
    }
  date = child_text (item, "pubDate");
  if (date == NULL)
    date = child_text (item, "date");
  doc->published = _cf_normalise_date (date);
  doc->byline = rss_author (item);
  doc->site_name = g_strdup (site_name);
  doc->language = g_strdup (language);
  doc->text = content ? html_content_text (content) : g_strdup ("");
  return doc;
}

static char *
atom_text_construct (xmlNode *n)
{
  xmlChar *type;
  char *text;

  if (n == NULL)
    return NULL;
  type = xmlGetProp (n, (const xmlChar *) "type");
  if (type != NULL && strcmp ((char *) type, "html") == 0)
    text = html_content_text (n);
  else
    text = xml_text (n);
  xmlFree (type);
  return text;
}

static CfExtractedDocument *
atom_entry (xmlNode    *entry,
            const char *site_name,
            const char *language)
{
  CfExtractedDocument *doc = _cf_extracted_document_new ("application/atom+xml");
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  xmlNode *content = first_child (entry, "content");
  GString *authors = g_string_new (NULL);
  xmlChar *lang;

  title = atom_text_construct (first_child (entry, "title"));
  doc->title = title ? _cf_collapse_whitespace (title) : NULL;
  for (xmlNode *c = entry->children; c != NULL; c = c->next)
    {
      if (is_named (c, "link") && doc->url == NULL)
        {
          xmlChar *rel = xmlGetProp (c, (const xmlChar *) "rel");
          xmlChar *href = xmlGetProp (c, (const xmlChar *) "href");

          if (href != NULL && (rel == NULL || strcmp ((char *) rel, "alternate") == 0))
            doc->url = _cf_web_url_or_null (g_strdup ((char *) href));
          xmlFree (rel);
          xmlFree (href);
        }
      else if (is_named (c, "author"))
        {
          g_autofree char *name = child_text (c, "name");

          if (name != NULL)
            {
              if (authors->len)
                g_string_append (authors, ", ");
              g_string_append (authors, name);
            }
        }
    }
  if (authors->len > 0)
    doc->byline = g_string_free (authors, FALSE);
  else
    g_string_free (authors, TRUE);
  date = child_text (entry, "published");
  if (date == NULL)
    date = child_text (entry, "updated");
  doc->published = _cf_normalise_date (date);
  doc->site_name = g_strdup (site_name);
  lang = xmlNodeGetLang (entry);
  doc->language = lang ? g_strdup ((char *) lang) : g_strdup (language);
  xmlFree (lang);
  if (content == NULL)
    content = first_child (entry, "summary");
  doc->text = content ? atom_text_construct (content) : NULL;
  if (doc->text == NULL)
    doc->text = g_strdup ("");
  return doc;
}

static GPtrArray *
extract_feed (xmlNode  *root,
              gboolean  atom,
              GError  **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
  xmlNode *channel = atom ? root : first_child (root, "channel");
  g_autofree char *site_name = NULL;
  g_autofree char *language = NULL;

  if (channel == NULL)
    channel = root;
  site_name = atom ? atom_text_construct (first_child (root, "title"))
                   : child_text (channel, "title");
  if (site_name != NULL)
    {
      char *c = _cf_collapse_whitespace (site_name);

      g_free (site_name);
      site_name = c;
    }
  if (atom)
    {
      xmlChar *lang = xmlNodeGetLang (root);

      language = lang ? g_strdup ((char *) lang) : NULL;
      xmlFree (lang);
    }
  else
    language = child_text (channel, "language");

  /* RSS 2.0 has items in <channel>, RSS 1.0 beside it. */
  for (int pass = 0; pass < 2; pass++)
    {
      xmlNode *parent = pass == 0 ? channel : root;

      if (pass == 1 && parent == channel)
        break;
      for (xmlNode *c = parent->children; c != NULL; c = c->next)
        {
          if (atom && is_named (c, "entry"))
            g_ptr_array_add (docs, atom_entry (c, site_name, language));
          else if (!atom && is_named (c, "item"))
            g_ptr_array_add (docs, rss_item (c, site_name, language));
        }
    }

  if (docs->len == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   "The feed has no items.");
      return NULL;
    }
  return g_steal_pointer (&docs);
}

GPtrArray *
_cf_xml_extract (const char  *data,
                 gsize        len,
                 GError     **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  xmlDocPtr xml;
  xmlNode *root;
  const char *name;
  gsize utf8_len;

  _cf_extract_init_libxml ();

  utf8 = _cf_decode_markup (data, len, &utf8_len, &note, error);
  if (utf8 == NULL)
    return NULL;

  xml = parse_xml (utf8, utf8_len, error);
  if (xml == NULL)
    return NULL;
  root = xmlDocGetRootElement (xml);
  name = (const char *) root->name;

  if (strcmp (name, "rss") == 0 || strcmp (name, "RDF") == 0)
    docs = extract_feed (root, FALSE, error);
  else if (strcmp (name, "feed") == 0)
    docs = extract_feed (root, TRUE, error);
  else
    {
      CfExtractedDocument *doc = _cf_extracted_document_new ("application/xml");

      doc->text = xml_text (root);
      docs = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
      g_ptr_array_add (docs, doc);
      if (*doc->text == '\0')
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                       "The XML file contains no text.");
          g_clear_pointer (&docs, g_ptr_array_unref);
        }
    }
  xmlFreeDoc (xml);

  if (docs != NULL && note != NULL)
    for (guint i = 0; i < docs->len; i++)
      {
        CfExtractedDocument *doc = g_ptr_array_index (docs, i);

        doc->note = g_strdup (note);
      }
  return g_steal_pointer (&docs);
}
