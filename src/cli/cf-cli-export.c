/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli export: the whole case as JSON. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

/* Text that is not valid UTF-8 (a file written past the store; "check" names it)
 * would make the export invalid JSON: such bytes become U+FFFD. */
static void
make_valid_utf8 (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          make_valid_utf8 (member);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          make_valid_utf8 (json_array_get_element (array, i));
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);

          if (!g_utf8_validate (text, -1, NULL))
            {
              g_autofree char *valid = g_utf8_make_valid (text, -1);

              json_node_set_string (node, valid);
            }
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

int
cf_cli_export (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Export as JSON (the only format for now)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  context = cf_cli_option_context_new (_("CASE --json [-o FILE]"),
                                       _("Export the whole case as one pretty-printed JSON "
                                         "object: the case, documents with their text, actors, "
                                         "claims, tags, notes, hypotheses, relations and "
                                         "changes."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE --json [-o FILE]")))
    return CF_CLI_EXIT_USAGE;
  if (!json)
    {
      cf_cli_error (_("Say which format to export: --json"));
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  node = cf_case_export_json (kase, &error);
  if (node == NULL)
    return cf_cli_report_error (error);
  make_valid_utf8 (node);

  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;
      gsize length = 0;

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, &length);

      /* g_file_set_contents writes a temporary file and renames it: no half exports */
      if (!g_file_set_contents (output, text, length, &error))
        {
          cf_cli_error (_("Cannot write “%s”: %s"), output, error->message);
          return CF_CLI_EXIT_FAILURE;
        }
    }
  else
    {
      cf_cli_print_json (node, TRUE);
    }

  return CF_CLI_EXIT_OK;
}
