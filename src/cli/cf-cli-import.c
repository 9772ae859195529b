/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli import: add source documents to a case. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

static void
print_document (CfCase     *kase,
                gint64      id,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDocument) document = cf_case_get_document (kase, id, &error);
  JsonObject *o;

  if (document == NULL)
    {
      cf_cli_error ("%s", error->message);
      return;
    }

  o = cf_cli_document_to_json (document);
  if (path != NULL)
    json_object_set_string_member (o, "path", path);
  else
    json_object_set_null_member (o, "path");
  cf_cli_print_object (o);
}

static int
import_stdin (CfCase     *kase,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  text = cf_cli_read_stdin (&error);
  if (text == NULL)
    return cf_cli_report_error (error);

  id = cf_case_import_text (kase, title, text, &error);
  if (id <= 0)
    return cf_cli_report_error (error);

  print_document (kase, id, NULL);
  return CF_CLI_EXIT_OK;
}

int
cf_cli_import (int    argc,
               char **argv)
{
  g_autofree char *text_title = NULL;
  const GOptionEntry entries[] = {
    { "text", 't', 0, G_OPTION_ARG_STRING, &text_title, N_("Read the text of one document titled TITLE from standard input"), N_("TITLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  int status = CF_CLI_EXIT_OK;

  context = cf_cli_option_context_new (_("CASE FILE…"),
                                       _("Add source documents to the case: saved web "
                                         "pages, XML, RSS or Atom feeds and plain text. "
                                         "Prints one JSON line per new document.\n"
                                         "A file that cannot be imported is reported and "
                                         "the others are still imported (exit status 1)."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv))
    return CF_CLI_EXIT_USAGE;

  if (text_title != NULL)
    {
      if (!cf_cli_check_n_args (argc, 1, 1, _("CASE --text TITLE < FILE")))
        return CF_CLI_EXIT_USAGE;
    }
  else if (!cf_cli_check_n_args (argc, 2, -1, _("CASE FILE…")))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (text_title != NULL)
    return import_stdin (kase, text_title);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(CfImport) import = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;

      import = cf_import_read_file (file, NULL, &error);
      if (import != NULL)
        ids = cf_case_add_import (kase, import, &error);

      if (ids == NULL)
        {
          cf_cli_error (_("Could not import “%s”: %s"), argv[i], error->message);
          status = CF_CLI_EXIT_FAILURE;
          continue;
        }

      for (guint j = 0; j < ids->len; j++)
        print_document (kase, g_array_index (ids, gint64, j), argv[i]);
    }

  return status;
}
