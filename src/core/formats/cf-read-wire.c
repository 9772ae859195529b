/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the casefile-reader helper writes on its stdout and the importer reads back:
 * the extracted documents, or the error, as one JSON object. The importer trusts
 * the helper no more than the file it read, so everything read back is checked:
 * types, the document count, and that an attachment points to an earlier document. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cf-formats-private.h"

#define FIELDS(X) \
  X (title) X (byline) X (published) X (site_name) X (language) X (url) \
  X (text) X (media_type) X (note) X (captured) X (filename)

/* A PDF's pages as [[start, end], ...]. */
static void
add_pages (JsonBuilder *builder,
           GArray      *pages)
{
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint p = 0; p < pages->len; p++)
    {
      const CfExtractedPage *page = &g_array_index (pages, CfExtractedPage, p);

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, page->start);
      json_builder_add_int_value (builder, page->end);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

/* The pages read back: in order, inside the text, at most the PDF page limit. */
static gboolean
get_pages (JsonObject           *object,
           CfExtractedDocument  *doc)
{
  JsonNode *node = json_object_get_member (object, "pages");
  JsonArray *array;
  glong text_length;
  guint previous_end = 0;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || doc->text == NULL)
    return FALSE;
  array = json_node_get_array (node);
  text_length = g_utf8_strlen (doc->text, -1);
  if (json_array_get_length (array) > cf_read_limits_default ()->max_pages)
    return FALSE;
  doc->pages = g_array_sized_new (FALSE, FALSE, sizeof (CfExtractedPage), json_array_get_length (array));
  for (guint p = 0; p < json_array_get_length (array); p++)
    {
      JsonNode *element = json_array_get_element (array, p);
      JsonArray *pair;
      gint64 start, end;
      CfExtractedPage page;

      if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (json_node_get_array (element)) != 2)
        return FALSE;
      pair = json_node_get_array (element);
      for (guint k = 0; k < 2; k++)
        {
          JsonNode *n = json_array_get_element (pair, k);

          if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
            return FALSE;
        }
      start = json_array_get_int_element (pair, 0);
      end = json_array_get_int_element (pair, 1);
      if (start < previous_end || end < start || end > text_length)
        return FALSE;
      page.start = (guint) start;
      page.end = (guint) end;
      previous_end = page.end;
      g_array_append_val (doc->pages, page);
    }
  return TRUE;
}

char *
cf_read_serialise (GPtrArray    *documents,
                   const GError *error,
                   gsize        *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, error->domain == CF_EXTRACT_ERROR ? error->code
                                                                              : CF_EXTRACT_ERROR_PARSE);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      CfExtractedDocument *doc = g_ptr_array_index (documents, i);

      json_builder_begin_object (builder);
#define ADD_FIELD(name) \
      if (doc->name != NULL) \
        { \
          json_builder_set_member_name (builder, #name); \
          json_builder_add_string_value (builder, doc->name); \
        }
      FIELDS (ADD_FIELD)
#undef ADD_FIELD
      json_builder_set_member_name (builder, "parent_index");
      json_builder_add_int_value (builder, doc->parent_index);
      if (doc->pages != NULL)
        add_pages (builder, doc->pages);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            char       **out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static void
set_garbled (GError **error)
{
  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
               _("The reader process gave an answer that makes no sense."));
}

GPtrArray *
cf_read_deserialise (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) docs = _cf_read_documents_new ();
  JsonNode *root, *node;
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0 || length > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      set_garbled (error);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_garbled (error);
      return NULL;
    }
  object = json_node_get_object (root);
  node = json_object_get_member (object, "error");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *e = json_node_get_object (node);
      gint64 code = json_object_get_int_member_with_default (e, "code", CF_EXTRACT_ERROR_PARSE);
      const char *message = json_object_get_string_member_with_default (e, "message", NULL);

      if (code < CF_EXTRACT_ERROR_TOO_LARGE || code > CF_EXTRACT_ERROR_EMPTY)
        code = CF_EXTRACT_ERROR_PARSE;
      g_set_error_literal (error, CF_EXTRACT_ERROR, (int) code,
                           message != NULL ? message : _("The file could not be read."));
      return NULL;
    }
  node = json_object_get_member (object, "documents");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_garbled (error);
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0 ||
      json_array_get_length (array) > cf_read_limits_default ()->max_documents)
    {
      set_garbled (error);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(CfExtractedDocument) doc = NULL;
      JsonObject *d;
      gint64 parent;
      gboolean ok = TRUE;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_garbled (error);
          return NULL;
        }
      d = json_node_get_object (element);
      doc = g_new0 (CfExtractedDocument, 1);
#define GET_FIELD(name) ok = ok && get_string (d, #name, &doc->name);
      FIELDS (GET_FIELD)
#undef GET_FIELD
      parent = json_object_get_int_member_with_default (d, "parent_index", -1);
      ok = ok && get_pages (d, doc);
      if (!ok || doc->text == NULL || doc->media_type == NULL || parent < -1 || parent >= i)
        {
          set_garbled (error);
          return NULL;
        }
      doc->parent_index = (int) parent;
      g_ptr_array_add (docs, g_steal_pointer (&doc));
    }
  return g_steal_pointer (&docs);
}
