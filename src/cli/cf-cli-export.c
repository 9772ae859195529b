/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli export: the whole case as JSON. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-cli.h"

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

  if (output != NULL && !g_str_equal (output, "-"))
    {
      gsize length = 0;
      g_autofree char *text = cf_json_to_text (node, TRUE, &length);

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
