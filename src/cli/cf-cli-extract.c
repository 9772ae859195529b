/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cf-cli.h"
#include "cf-extract.h"
#include "cf-formats.h"

/* Reads at most CF_EXTRACT_MAX_INPUT + 1 bytes, so that an oversized file is
 * refused by the extractor without being read whole. */
static GBytes *
read_capped (const char  *path,
             GError     **error)
{
  /* A path, never a URI: extracting must not fetch anything. */
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  goffset size = 0;

  if (!cf_cli_check_file_arg (path, error))
    return NULL;
  file = g_file_new_for_path (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);
  if (size > (goffset) CF_EXTRACT_MAX_INPUT)
    {
      g_autofree char *human = g_format_size (size);
      g_autofree char *limit = g_format_size (CF_EXTRACT_MAX_INPUT);

      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The file is too large to import (%s; the limit is %s)."), human, limit);
      return NULL;
    }
  return cf_extract_read_file (file, NULL, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A feed prints as one line: the first item's fields, and the text of all items,
 * each headed by its title. */
static char *
joined_text (GPtrArray *docs)
{
  GString *text;

  if (docs->len == 1)
    return g_strdup (((CfExtractedDocument *) g_ptr_array_index (docs, 0))->text);
  text = g_string_new (NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      CfExtractedDocument *doc = g_ptr_array_index (docs, i);

      if (text->len)
        g_string_append (text, "\n\n");
      if (doc->title != NULL)
        g_string_append_printf (text, "%s\n\n", doc->title);
      g_string_append (text, doc->text);
    }
  return g_string_free (text, FALSE);
}

static void
print_json_line (JsonGenerator *generator,
                 const char    *path,
                 GPtrArray     *docs,
                 const GError  *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  CfExtractedDocument *first = docs && docs->len ? g_ptr_array_index (docs, 0) : NULL;
  g_autofree char *text = docs ? joined_text (docs) : NULL;

  json_builder_begin_object (builder);
  add_string (builder, "path", path);
  add_string (builder, "title", first ? first->title : NULL);
  add_string (builder, "byline", first ? first->byline : NULL);
  add_string (builder, "published", first ? first->published : NULL);
  add_string (builder, "site_name", first ? first->site_name : NULL);
  add_string (builder, "language", first ? first->language : NULL);
  add_string (builder, "url", first ? first->url : NULL);
  add_string (builder, "media_type", first ? first->media_type : NULL);
  add_string (builder, "note", first ? first->note : NULL);
  add_string (builder, "captured", first ? first->captured : NULL);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, docs ? docs->len : 0);
  add_string (builder, "text", text ? text : "");
  if (error != NULL)
    add_string (builder, "error", error->message);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  /* g_print would convert to the locale's charset; JSON is UTF-8 always. */
  fputs (line, stdout);
  fputc ('\n', stdout);
}

static void
print_human (const char *path,
             GPtrArray  *docs)
{
  /* Written as UTF-8 whatever the locale, like the JSON. */
  for (guint i = 0; i < docs->len; i++)
    {
      CfExtractedDocument *doc = g_ptr_array_index (docs, i);

      printf ("== %s", path);
      if (docs->len > 1)
        printf (" [%u/%u]", i + 1, docs->len);
      printf (" (%s)\n", doc->media_type);
#define FIELD(label, value) if (value) printf ("%-10s %s\n", label, value)
      FIELD (_("Title:"), doc->title);
      FIELD (_("Byline:"), doc->byline);
      FIELD (_("Published:"), doc->published);
      FIELD (_("Captured:"), doc->captured);
      FIELD (_("Site:"), doc->site_name);
      FIELD (_("Language:"), doc->language);
      FIELD (_("URL:"), doc->url);
      FIELD (_("Note:"), doc->note);
#undef FIELD
      printf ("\n%s\n\n", doc->text);
    }
}

int
cf_cli_extract (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON per file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  /* one reader process for all the files: starting one per file costs more than
   * reading most of them */
  g_autoptr(CfReadSession) session = cf_read_session_new (NULL);
  int status = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Print the article text and metadata of files."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads HTML, XHTML, XML, RSS/Atom and plain-text files, web pages saved as MHTML,\n"
      "mail (.eml), DOCX and ODT documents, WARC and WACZ web archives and PDF, and\n"
      "prints what an import would store: the article body (paragraphs separated by\n"
      "blank lines) and its title, byline, publication date, capture date, site name,\n"
      "language and canonical URL. The format is told by the content, not the name.\n"
      "\n"
      "With --json, prints exactly one JSON object per file, in the order given, with\n"
      "the keys path, title, byline, published (ISO 8601), site_name, language, url,\n"
      "media_type, note (e.g. the encoding the text was converted from), captured\n"
      "(when a saved page or archive was captured), documents\n"
      "and text. A feed yields one document per item: its line carries the first\n"
      "item's fields, \"documents\" counts the items, and \"text\" joins all items,\n"
      "each headed by its title. A file that cannot be read or extracted gets a line\n"
      "with an \"error\" message and empty text; the others are still printed, and\n"
      "the exit status is then 1.\n"));

  if (!cf_cli_parse_options (context, &argc, &argv))
    return CF_CLI_EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    {
      cf_cli_error (_("No file given; see “casefile-cli extract --help”"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      g_autofree char *basename = g_path_get_basename (files[i]);

      bytes = read_capped (files[i], &local_error);
      if (bytes != NULL)
        docs = cf_read_any_in_session (session, bytes, basename, NULL, &local_error);

      if (docs == NULL)
        {
          status = 1;
          if (json)
            print_json_line (generator, files[i], NULL, local_error);
          cf_cli_error (_("“%s”: %s"), files[i], local_error->message);
          continue;
        }
      if (json)
        print_json_line (generator, files[i], docs, NULL);
      else
        print_human (files[i], docs);
    }
  return status;
}
