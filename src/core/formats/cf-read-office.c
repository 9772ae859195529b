/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Word processor documents: DOCX (Office Open XML) and ODT (OpenDocument text),
 * both a zip of XML parts. The body becomes paragraphs (headings and list items on
 * lines of their own, a table row as one line of cells), footnotes and comments
 * follow at the end, each marked where it was cited; the title, author, date and
 * language come from docProps/core.xml or meta.xml. The XML is parsed with the
 * extractor's libxml2 settings (no network, no file, no entity expansion) and
 * walked without recursion, since nesting is the sender's choice. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cf-encoding.h"
#include "cf-extract-private.h"
#include "cf-formats-private.h"

typedef enum { DIALECT_DOCX, DIALECT_ODT } Dialect;

typedef struct
{
  Dialect dialect;
  GString *out;        /* the body, paragraphs separated by blank lines */
  GString *para;       /* the paragraph being read */
  GString *cell;       /* the table cell being read */
  GString *row;        /* the table row being read */
  GString *notes;      /* footnotes and comments, for the end */
  guint table_depth;
  guint note_count;
  guint nodes;
  gboolean list_item;
} Walk;

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static void
append_block (GString    *to,
              const char *text)
{
  g_autofree char *clean = _cf_collapse_whitespace (text);

  if (clean == NULL || *clean == '\0')
    return;
  if (to->len > 0)
    g_string_append (to, "\n\n");
  g_string_append (to, clean);
}

static void
end_paragraph (Walk *w)
{
  if (w->table_depth > 0)
    {
      if (w->cell->len > 0 && w->para->len > 0)
        g_string_append_c (w->cell, ' ');
      g_string_append (w->cell, w->para->str);
    }
  else if (w->list_item && w->para->len > 0)
    {
      g_autofree char *item = g_strconcat ("• ", w->para->str, NULL);

      append_block (w->out, item);
    }
  else
    append_block (w->out, w->para->str);
  g_string_truncate (w->para, 0);
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, name) == 0)
      {
        xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);
        char *copy = g_strdup ((const char *) value);

        xmlFree (value);
        return copy;
      }
  return NULL;
}

/* The plain text under @node, paragraphs joined by spaces (a footnote, a comment). */
static char *
flat_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);
  g_autofree char *raw = NULL;
  xmlNode *n = node->children;

  while (n != NULL && n != node)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) n->content);
      else if (is_named (n, "p") || is_named (n, "tab") || is_named (n, "s"))
        g_string_append_c (text, ' ');
      if (n->type == XML_ELEMENT_NODE && n->children != NULL && !is_named (n, "delText") &&
          !is_named (n, "instrText") && !is_named (n, "note-citation"))
        {
          n = n->children;
          continue;
        }
      while (n != node && n->next == NULL)
        n = n->parent;
      if (n != node)
        n = n->next;
    }
  raw = g_string_free (text, FALSE);
  return _cf_collapse_whitespace (raw);
}

static void
add_note (Walk       *w,
          const char *label,
          xmlNode    *body)
{
  g_autofree char *text = flat_text (body);
  g_autofree char *line = NULL;

  if (text == NULL || *text == '\0')
    return;
  line = g_strdup_printf ("%s %s", label, text);
  append_block (w->notes, line);
}

/* Called on entering an element; returns FALSE to skip its subtree. */
static gboolean
enter (Walk    *w,
       xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      xmlNode *parent = node->parent;

      if (w->dialect == DIALECT_ODT ||
          (parent != NULL && is_named (parent, "t")))
        g_string_append (w->para, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (strcmp (name, "tbl") == 0 || strcmp (name, "table") == 0)
    w->table_depth++;
  else if (strcmp (name, "tab") == 0)
    g_string_append_c (w->para, ' ');
  else if ((strcmp (name, "br") == 0 || strcmp (name, "line-break") == 0 ||
            strcmp (name, "cr") == 0))
    g_string_append_c (w->para, ' ');
  else if (strcmp (name, "s") == 0 && w->dialect == DIALECT_ODT)
    g_string_append_c (w->para, ' ');
  else if (strcmp (name, "numPr") == 0 && w->dialect == DIALECT_DOCX)
    w->list_item = TRUE;
  else if (strcmp (name, "list-item") == 0)
    w->list_item = TRUE;
  else if (strcmp (name, "footnoteReference") == 0 || strcmp (name, "endnoteReference") == 0)
    {
      g_autofree char *id = attribute (node, "id");

      g_string_append_printf (w->para, "[%s]", id != NULL ? id : "?");
    }
  else if (strcmp (name, "note") == 0 && w->dialect == DIALECT_ODT)
    {
      g_autofree char *label = g_strdup_printf ("[%u]", ++w->note_count);

      g_string_append (w->para, label);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (is_named (c, "note-body"))
          add_note (w, label, c);
      return FALSE;
    }
  else if (strcmp (name, "annotation") == 0 && w->dialect == DIALECT_ODT)
    {
      g_autofree char *author = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (is_named (c, "creator") && author == NULL)
          author = flat_text (c);
        else if (is_named (c, "p") || is_named (c, "list"))
          {
            g_autofree char *p = flat_text (c);

            g_string_append_printf (text, "%s ", p);
          }
      label = author != NULL && *author != '\0' ? g_strdup_printf (_("Comment by %s:"), author)
                                                : g_strdup (_("Comment:"));
      g_strchomp (text->str);
      if (text->str[0] != '\0')
        {
          g_autofree char *line = g_strdup_printf ("%s %s", label, text->str);

          append_block (w->notes, line);
        }
      return FALSE;
    }
  /* text that is not the document's: deletions, field codes, a drawing's fallback
   * copy, ODT's tracked changes and annotation ends */
  else if (strcmp (name, "del") == 0 || strcmp (name, "instrText") == 0 ||
           strcmp (name, "Fallback") == 0 || strcmp (name, "tracked-changes") == 0 ||
           strcmp (name, "note-citation") == 0 || strcmp (name, "sequence-decls") == 0)
    return FALSE;
  return TRUE;
}

static void
leave (Walk    *w,
       xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (node->type != XML_ELEMENT_NODE)
    return;
  if (strcmp (name, "p") == 0 || (strcmp (name, "h") == 0 && w->dialect == DIALECT_ODT))
    {
      end_paragraph (w);
      if (w->dialect == DIALECT_DOCX)
        w->list_item = FALSE;
    }
  else if (strcmp (name, "list-item") == 0)
    w->list_item = FALSE;
  else if ((strcmp (name, "tc") == 0 || strcmp (name, "table-cell") == 0) && w->table_depth == 1)
    {
      g_autofree char *cell = _cf_collapse_whitespace (w->cell->str);

      if (*cell != '\0')
        {
          if (w->row->len > 0)
            g_string_append (w->row, " | ");
          g_string_append (w->row, cell);
        }
      g_string_truncate (w->cell, 0);
    }
  else if ((strcmp (name, "tr") == 0 || strcmp (name, "table-row") == 0) && w->table_depth == 1)
    {
      append_block (w->out, w->row->str);
      g_string_truncate (w->row, 0);
    }
  else if (strcmp (name, "tbl") == 0 || strcmp (name, "table") == 0)
    {
      w->table_depth--;
      if (w->table_depth == 0)
        {
          /* what a malformed table left in its buffers */
          append_block (w->out, w->row->str);
          append_block (w->out, w->cell->str);
          g_string_truncate (w->row, 0);
          g_string_truncate (w->cell, 0);
        }
    }
}

/* Document order over @root's subtree, iteratively: nesting depth is unbounded. */
static gboolean
walk_tree (Walk     *w,
           xmlNode  *root,
           GError  **error)
{
  xmlNode *n = root;

  while (n != NULL)
    {
      if (++w->nodes > CF_EXTRACT_MAX_NODES)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                       _("The document has too many elements to read."));
          return FALSE;
        }
      if (enter (w, n) && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      leave (w, n);
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          leave (w, n);
        }
      if (n == root)
        break;
      n = n->next;
    }
  return TRUE;
}

static xmlDoc *
parse_xml (GBytes      *bytes,
           const char  *part,
           GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc;

  _cf_extract_init_libxml ();
  if (len > G_MAXINT)
    len = 0;
  doc = xmlReadMemory (data != NULL ? data : "", (int) len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("The document’s part “%s” is not well-formed XML."), part);
      return NULL;
    }
  return doc;
}

static xmlDoc *
read_part (CfZip       *zip,
           const char  *name,
           gboolean     required,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!_cf_zip_has (zip, name) && !required)
    return NULL;
  bytes = _cf_zip_read (zip, name, &local_error);
  if (bytes == NULL)
    {
      /* a missing optional part is nothing; a damaged one or a limit is an error */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return parse_xml (bytes, name, error);
}

static xmlNode *
find_element (xmlNode    *root,
              const char *name,
              guint       budget)
{
  xmlNode *n = root;

  while (n != NULL && budget-- > 0)
    {
      if (is_named (n, name))
        return n;
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != root && n->next == NULL)
        n = n->parent;
      if (n == root)
        break;
      n = n->next;
    }
  return NULL;
}

static char *
element_text (xmlNode    *root,
              const char *name)
{
  xmlNode *node = find_element (root, name, 10000);
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;
  text = flat_text (node);
  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* core.xml and meta.xml share Dublin Core names. */
static void
read_metadata (CfExtractedDocument *doc,
               xmlDoc              *meta,
               const char          *creator_fallback,
               const char          *date_name,
               const char          *date_fallback)
{
  xmlNode *root = xmlDocGetRootElement (meta);
  g_autofree char *date = NULL;

  doc->title = element_text (root, "title");
  doc->byline = element_text (root, "creator");
  if (doc->byline == NULL)
    doc->byline = element_text (root, creator_fallback);
  date = element_text (root, date_name);
  if (date == NULL)
    date = element_text (root, date_fallback);
  doc->published = _cf_normalise_date (date);
  doc->language = element_text (root, "language");
}

static void
walk_init (Walk    *w,
           Dialect  dialect)
{
  w->dialect = dialect;
  w->out = g_string_new (NULL);
  w->para = g_string_new (NULL);
  w->cell = g_string_new (NULL);
  w->row = g_string_new (NULL);
  w->notes = g_string_new (NULL);
}

static char *
walk_finish (Walk *w)
{
  if (w->notes->len > 0)
    {
      if (w->out->len > 0)
        g_string_append (w->out, "\n\n");
      g_string_append (w->out, w->notes->str);
    }
  g_string_free (w->para, TRUE);
  g_string_free (w->cell, TRUE);
  g_string_free (w->row, TRUE);
  g_string_free (w->notes, TRUE);
  return g_string_free (w->out, FALSE);
}

static GPtrArray *
finish_document (CfExtractedDocument  *doc,
                 GError              **error)
{
  g_autoptr(CfExtractedDocument) owned = doc;
  GPtrArray *docs;

  if (doc->text == NULL || *doc->text == '\0')
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   _("The document contains no text."));
      return NULL;
    }
  docs = _cf_read_documents_new ();
  g_ptr_array_add (docs, g_steal_pointer (&owned));
  return docs;
}

/* Word keeps footnotes and comments in parts of their own, each a list of notes
 * with ids that the body cites. */
static gboolean
read_docx_notes (CfZip       *zip,
                 Walk        *w,
                 const char  *part,
                 const char  *element,
                 GError     **error)
{
  xmlDoc *notes = read_part (zip, part, FALSE, error);
  xmlNode *root;

  if (notes == NULL)
    return error == NULL || *error == NULL;
  root = xmlDocGetRootElement (notes);
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      g_autofree char *type = NULL, *id = NULL, *author = NULL, *label = NULL;

      if (!is_named (n, element))
        continue;
      type = attribute (n, "type");
      if (type != NULL && strcmp (type, "normal") != 0)
        continue;   /* separators */
      id = attribute (n, "id");
      author = attribute (n, "author");
      if (strcmp (element, "comment") == 0)
        label = author != NULL ? g_strdup_printf (_("Comment by %s:"), author)
                               : g_strdup (_("Comment:"));
      else
        label = g_strdup_printf ("[%s]", id != NULL ? id : "?");
      add_note (w, label, n);
    }
  xmlFreeDoc (notes);
  return TRUE;
}

GPtrArray *
cf_read_docx (GBytes              *bytes,
              const CfReadLimits  *limits,
              GError             **error)
{
  g_autoptr(CfZip) zip = NULL;
  g_autoptr(CfExtractedDocument) doc = NULL;
  xmlDoc *body, *core;
  Walk w = { 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  zip = _cf_zip_open (bytes, limits ? limits : cf_read_limits_default (), error);
  if (zip == NULL)
    return NULL;
  body = read_part (zip, "word/document.xml", TRUE, error);
  if (body == NULL)
    return NULL;
  walk_init (&w, DIALECT_DOCX);
  ok = walk_tree (&w, xmlDocGetRootElement (body), error) &&
       read_docx_notes (zip, &w, "word/footnotes.xml", "footnote", error) &&
       read_docx_notes (zip, &w, "word/endnotes.xml", "endnote", error) &&
       read_docx_notes (zip, &w, "word/comments.xml", "comment", error);
  xmlFreeDoc (body);
  doc = _cf_extracted_document_new (cf_read_format_media_type (CF_READ_FORMAT_DOCX));
  doc->text = walk_finish (&w);
  if (!ok)
    return NULL;
  core = read_part (zip, "docProps/core.xml", FALSE, NULL);
  if (core != NULL)
    {
      read_metadata (doc, core, "lastModifiedBy", "created", "modified");
      xmlFreeDoc (core);
    }
  return finish_document (g_steal_pointer (&doc), error);
}

GPtrArray *
cf_read_odt (GBytes              *bytes,
             const CfReadLimits  *limits,
             GError             **error)
{
  g_autoptr(CfZip) zip = NULL;
  g_autoptr(CfExtractedDocument) doc = NULL;
  xmlDoc *content, *meta;
  xmlNode *text;
  Walk w = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (bytes != NULL, NULL);

  zip = _cf_zip_open (bytes, limits ? limits : cf_read_limits_default (), error);
  if (zip == NULL)
    return NULL;
  content = read_part (zip, "content.xml", TRUE, error);
  if (content == NULL)
    return NULL;
  walk_init (&w, DIALECT_ODT);
  text = find_element (xmlDocGetRootElement (content), "body", 64);
  if (text != NULL)
    ok = walk_tree (&w, text, error);
  xmlFreeDoc (content);
  doc = _cf_extracted_document_new (cf_read_format_media_type (CF_READ_FORMAT_ODT));
  doc->text = walk_finish (&w);
  if (!ok)
    return NULL;
  meta = read_part (zip, "meta.xml", FALSE, NULL);
  if (meta != NULL)
    {
      read_metadata (doc, meta, "initial-creator", "creation-date", "date");
      xmlFreeDoc (meta);
    }
  return finish_document (g_steal_pointer (&doc), error);
}
