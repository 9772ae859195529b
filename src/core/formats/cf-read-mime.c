/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MIME with GMime 3.2: a web page saved as one file (MHTML: its root HTML part
 * through the article extractor, the saved address and date from the headers) and
 * mail (.eml: subject, sender, date, message ID, the text part, and each attachment
 * we can read as a document of its own that points back to the message). GMime
 * parses nested parts by recursion, so a message with absurdly many parts is
 * refused before GMime sees it, and our own walk counts depth and parts. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>

#include "cf-encoding.h"
#include "cf-extract-private.h"
#include "cf-formats-private.h"
#include "cf-html-extract.h"

/* GMime 3.2 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

static void
init_gmime (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      g_mime_init ();
      g_once_init_leave (&initialised, 1);
    }
}

/* Each nested part needs a Content-Type of its own: counting them bounds GMime's
 * recursion before it starts. */
static gboolean
check_part_count (const char          *data,
                  gsize                len,
                  const CfReadLimits  *limits,
                  GError             **error)
{
  guint count = 0;
  const char *p = data, *end = data + len;

  while (p < end && (p = memchr (p, ':', end - p)) != NULL)
    {
      if (p - data >= 12 && g_ascii_strncasecmp (p - 12, "content-type", 12) == 0 &&
          ++count > limits->max_parts)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                       _("The message has more than %u parts, the most one message may have."),
                       limits->max_parts);
          return FALSE;
        }
      p++;
    }
  return TRUE;
}

static GMimeMessage *
parse_message (GBytes              *bytes,
               const CfReadLimits  *limits,
               GError             **error)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  GMimeMessage *message;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  init_gmime ();
  if (data == NULL || len == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (!check_part_count (data, len, limits, error))
    return NULL;
  stream = g_mime_stream_mem_new_with_buffer (data, len);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, NULL);
  if (message == NULL || g_mime_message_get_mime_part (message) == NULL)
    {
      g_clear_object (&message);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("The file is not a MIME message that can be read."));
      return NULL;
    }
  return message;
}

typedef struct
{
  GMimeObject *object;
  guint depth;
} Pending;

/* The leaves of @root in document order (parts, and attached messages, which are
 * not entered), checking depth and count; @depth is how deep @root already is. */
static GPtrArray *
collect_leaves (GMimeObject         *root,
                guint                depth,
                const CfReadLimits  *limits,
                GError             **error)
{
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Pending));
  guint seen = 0;
  Pending first = { root, depth };

  g_array_append_val (stack, first);
  while (stack->len > 0)
    {
      Pending item = g_array_index (stack, Pending, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      if (item.depth > limits->max_depth)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                       _("The message nests its parts more than %u deep, the most it may."),
                       limits->max_depth);
          return NULL;
        }
      if (++seen > limits->max_parts)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                       _("The message has more than %u parts, the most one message may have."),
                       limits->max_parts);
          return NULL;
        }
      if (GMIME_IS_MULTIPART (item.object))
        {
          GMimeMultipart *multipart = GMIME_MULTIPART (item.object);

          for (int i = g_mime_multipart_get_count (multipart) - 1; i >= 0; i--)
            {
              Pending child = { g_mime_multipart_get_part (multipart, i), item.depth + 1 };

              g_array_append_val (stack, child);
            }
        }
      else
        g_ptr_array_add (leaves, item.object);
    }
  return g_steal_pointer (&leaves);
}

/* The decoded content of @part (transfer encoding undone, charset untouched). */
static GBytes *
part_content (GMimePart *part)
{
  GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
  g_autoptr(GMimeStream) out = NULL;
  GByteArray *array;

  if (wrapper == NULL)
    return g_bytes_new (NULL, 0);
  out = g_mime_stream_mem_new ();
  if (g_mime_data_wrapper_write_to_stream (wrapper, out) < 0)
    return g_bytes_new (NULL, 0);
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (out));
  return g_bytes_new (array->data, array->len);
}

static char *
date_string (GDateTime *date)
{
  return date != NULL ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static gboolean
is_type (GMimeObject *object,
         const char  *type,
         const char  *subtype)
{
  GMimeContentType *content_type = g_mime_object_get_content_type (object);

  return content_type != NULL && g_mime_content_type_is_type (content_type, type, subtype);
}

static const char *
charset_of (GMimeObject *object)
{
  GMimeContentType *content_type = g_mime_object_get_content_type (object);

  return content_type != NULL ? g_mime_content_type_get_parameter (content_type, "charset") : NULL;
}

/* MHTML's root is the part multipart/related's "start" names, else the first HTML. */
static GMimePart *
find_root_html (GMimeObject *body,
                GPtrArray   *leaves)
{
  GMimeContentType *content_type = g_mime_object_get_content_type (body);
  const char *start = content_type ? g_mime_content_type_get_parameter (content_type, "start") : NULL;
  g_autofree char *start_id = NULL;

  if (start != NULL)
    {
      start_id = g_strdup (start);
      g_strstrip (start_id);
      if (*start_id == '<' && g_str_has_suffix (start_id, ">"))
        {
          memmove (start_id, start_id + 1, strlen (start_id));
          start_id[strlen (start_id) - 1] = '\0';
        }
    }
  for (guint i = 0; start_id != NULL && i < leaves->len; i++)
    {
      GMimeObject *leaf = g_ptr_array_index (leaves, i);
      const char *id = g_mime_object_get_content_id (leaf);

      if (GMIME_IS_PART (leaf) && id != NULL && strcmp (id, start_id) == 0)
        return GMIME_PART (leaf);
    }
  for (guint i = 0; i < leaves->len; i++)
    {
      GMimeObject *leaf = g_ptr_array_index (leaves, i);

      if (GMIME_IS_PART (leaf) && (is_type (leaf, "text", "html") ||
                                   is_type (leaf, "application", "xhtml+xml")))
        return GMIME_PART (leaf);
    }
  return NULL;
}

GPtrArray *
cf_read_mhtml (GBytes              *bytes,
               const CfReadLimits  *limits,
               GError             **error)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GBytes) html = NULL;
  GMimeObject *body;
  GMimePart *root;
  CfExtractedDocument *doc;
  const char *location, *date;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (limits == NULL)
    limits = cf_read_limits_default ();
  message = parse_message (bytes, limits, error);
  if (message == NULL)
    return NULL;
  body = g_mime_message_get_mime_part (message);
  leaves = collect_leaves (body, 0, limits, error);
  if (leaves == NULL)
    return NULL;
  root = find_root_html (body, leaves);
  if (root == NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   _("The saved page holds no HTML part."));
      return NULL;
    }
  html = part_content (root);
  data = g_bytes_get_data (html, &len);
  if (len == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   _("The saved page’s HTML part is empty."));
      return NULL;
    }
  doc = _cf_read_html_page (data, len, charset_of (GMIME_OBJECT (root)), error);
  if (doc == NULL)
    return NULL;
  docs = _cf_read_documents_new ();
  g_ptr_array_add (docs, doc);

  location = g_mime_object_get_header (GMIME_OBJECT (message), "Snapshot-Content-Location");
  if (location == NULL)
    location = g_mime_object_get_header (GMIME_OBJECT (root), "Content-Location");
  if (location != NULL)
    {
      char *url = _cf_web_url_or_null (g_strdup (location));

      if (url != NULL)
        {
          g_free (doc->url);
          doc->url = url;
        }
    }
  date = g_mime_object_get_header (GMIME_OBJECT (message), "Date");
  doc->captured = date != NULL ? _cf_normalise_date (date) : NULL;
  if (doc->title == NULL && g_mime_message_get_subject (message) != NULL)
    doc->title = _cf_collapse_whitespace (g_mime_message_get_subject (message));
  g_free (doc->media_type);
  doc->media_type = g_strdup (cf_read_format_media_type (CF_READ_FORMAT_MHTML));
  return g_steal_pointer (&docs);
}

static char *
sender_of (GMimeMessage *message)
{
  InternetAddressList *from = g_mime_message_get_from (message);
  InternetAddress *address;
  const char *name, *addr = NULL;

  if (from == NULL || internet_address_list_length (from) == 0)
    return NULL;
  address = internet_address_list_get_address (from, 0);
  name = internet_address_get_name (address);
  if (INTERNET_ADDRESS_IS_MAILBOX (address))
    addr = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address));
  if (name != NULL && *name != '\0' && addr != NULL && *addr != '\0')
    return g_strdup_printf ("%s <%s>", name, addr);
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  return g_strdup (addr);
}

static gboolean
is_attachment (GMimeObject *leaf)
{
  if (GMIME_IS_MESSAGE_PART (leaf))
    return TRUE;
  return GMIME_IS_PART (leaf) && (g_mime_part_is_attachment (GMIME_PART (leaf)) ||
                                  g_mime_part_get_filename (GMIME_PART (leaf)) != NULL);
}

static char *
body_text (GPtrArray *leaves)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < leaves->len; i++)
      {
        GMimeObject *leaf = g_ptr_array_index (leaves, i);
        g_autoptr(GBytes) content = NULL;
        gsize len;
        const char *data;

        if (is_attachment (leaf) || !GMIME_IS_PART (leaf))
          continue;
        if (pass == 0 && GMIME_IS_TEXT_PART (leaf) && is_type (leaf, "text", "plain"))
          {
            g_autofree char *text = g_mime_text_part_get_text (GMIME_TEXT_PART (leaf));

            if (text != NULL && g_utf8_validate (text, -1, NULL))
              {
                g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
                g_autofree char *unix_text = g_strjoinv ("\n", lines);

                return _cf_normalise_plain_text (unix_text);
              }
          }
        if (pass == 1 && is_type (leaf, "text", "html"))
          {
            g_autofree char *utf8 = NULL;
            const char *charset = charset_of (leaf);

            content = part_content (GMIME_PART (leaf));
            data = g_bytes_get_data (content, &len);
            if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0)
              utf8 = g_convert (data, len, "UTF-8", charset, NULL, NULL, NULL);
            else if (data != NULL && g_utf8_validate (data, len, NULL))
              utf8 = g_strndup (data, len);
            if (utf8 != NULL)
              {
                _cf_extract_init_libxml ();
                return _cf_html_fragment_to_text (utf8, strlen (utf8));
              }
          }
      }
  return g_strdup ("");
}

static GPtrArray *read_message (GMimeMessage *message, const CfReadLimits *limits,
                                guint depth, GError **error);

/* The documents of one attachment, or NULL with @error saying why not. */
static GPtrArray *
read_attachment (GMimeObject         *leaf,
                 const CfReadLimits  *limits,
                 guint                depth,
                 GError             **error)
{
  g_autoptr(GBytes) content = NULL;
  const char *filename;

  if (GMIME_IS_MESSAGE_PART (leaf))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (leaf));

      if (inner == NULL)
        {
          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
          return NULL;
        }
      return read_message (inner, limits, depth + 1, error);
    }
  content = part_content (GMIME_PART (leaf));
  filename = g_mime_part_get_filename (GMIME_PART (leaf));
  if (g_bytes_get_size (content) == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (cf_read_sniff (content) != CF_READ_FORMAT_NONE)
    return _cf_read_bytes_at_depth (content, limits, depth + 1, error);
  if (strcmp (cf_extract_sniff_media_type (content, filename), "application/octet-stream") == 0)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED,
                   _("It is not a kind of file Casefile reads."));
      return NULL;
    }
  return cf_extract_bytes (content, filename, error);
}

static GPtrArray *
read_message (GMimeMessage        *message,
              const CfReadLimits  *limits,
              guint                depth,
              GError             **error)
{
  g_autoptr(GPtrArray) docs = _cf_read_documents_new ();
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  CfExtractedDocument *doc;
  const char *subject, *message_id;

  if (depth > limits->max_depth)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The message nests its parts more than %u deep, the most it may."),
                   limits->max_depth);
      return NULL;
    }
  leaves = collect_leaves (g_mime_message_get_mime_part (message), depth, limits, error);
  if (leaves == NULL)
    return NULL;

  doc = _cf_extracted_document_new (cf_read_format_media_type (CF_READ_FORMAT_EML));
  g_ptr_array_add (docs, doc);
  subject = g_mime_message_get_subject (message);
  doc->title = subject != NULL ? _cf_collapse_whitespace (subject) : NULL;
  doc->byline = sender_of (message);
  doc->published = date_string (g_mime_message_get_date (message));
  doc->text = body_text (leaves);
  message_id = g_mime_message_get_message_id (message);
  if (message_id != NULL)
    g_string_append_printf (notes, _("Message ID: <%s>"), message_id);

  for (guint i = 0; i < leaves->len; i++)
    {
      GMimeObject *leaf = g_ptr_array_index (leaves, i);
      g_autoptr(GPtrArray) children = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *name;

      if (!is_attachment (leaf))
        continue;
      name = GMIME_IS_PART (leaf) ? g_mime_part_get_filename (GMIME_PART (leaf)) : NULL;
      children = read_attachment (leaf, limits, depth, &local_error);
      if (children == NULL)
        {
          /* limits stop the whole message; an unreadable attachment only itself */
          if (g_error_matches (local_error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (notes->len > 0)
            g_string_append_c (notes, '\n');
          g_string_append_printf (notes, _("The attachment “%s” was not imported: %s"),
                                  name != NULL ? name : _("(no name)"), local_error->message);
          continue;
        }
      for (guint j = 0; j < children->len; j++)
        {
          CfExtractedDocument *child = g_ptr_array_index (children, j);

          if (child->parent_index < 0 && name != NULL)
            {
              child->filename = g_strdup (name);
              if (child->title == NULL)
                child->title = g_strdup (name);
            }
        }
      if (!_cf_read_append_children (docs, children, 0, limits, error))
        return NULL;
    }
  if (notes->len > 0)
    doc->note = g_strdup (notes->str);
  if (*doc->text == '\0' && docs->len == 1)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   _("The message contains no text."));
      return NULL;
    }
  return g_steal_pointer (&docs);
}

GPtrArray *
_cf_read_eml_at_depth (GBytes              *bytes,
                       const CfReadLimits  *limits,
                       guint                depth,
                       GError             **error)
{
  g_autoptr(GMimeMessage) message = parse_message (bytes, limits, error);

  if (message == NULL)
    return NULL;
  return read_message (message, limits, depth, error);
}

GPtrArray *
cf_read_eml (GBytes              *bytes,
             const CfReadLimits  *limits,
             GError             **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return _cf_read_eml_at_depth (bytes, limits ? limits : cf_read_limits_default (), 0, error);
}
