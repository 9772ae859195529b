/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli check: is a case file sound? Each finding with where it is (table,
 * id, column), as text or as one JSON object. */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "cf-cli.h"

/* "claims 3 reliability", "documents_fts", or NULL for the whole file */
static char *
finding_location (const CfCaseFinding *finding)
{
  GString *location;

  if (finding->table == NULL)
    return NULL;
  location = g_string_new (finding->table);
  if (finding->id != 0)
    g_string_append_printf (location, " %" PRId64, finding->id);
  if (finding->column != NULL)
    g_string_append_printf (location, " %s", finding->column);
  return g_string_free (location, FALSE);
}

static void
print_findings_json (const char *path,
                     GPtrArray  *findings)
{
  JsonObject *o = json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      const CfCaseFinding *finding = g_ptr_array_index (findings, i);
      JsonObject *f = json_object_new ();

      if (finding->table != NULL)
        json_object_set_string_member (f, "table", finding->table);
      else
        json_object_set_null_member (f, "table");
      if (finding->id != 0)
        json_object_set_int_member (f, "id", finding->id);
      else
        json_object_set_null_member (f, "id");
      if (finding->column != NULL)
        json_object_set_string_member (f, "column", finding->column);
      else
        json_object_set_null_member (f, "column");
      json_object_set_string_member (f, "message", finding->message);
      json_array_add_object_element (array, f);
    }
  json_object_set_string_member (o, "path", path);
  json_object_set_boolean_member (o, "sound", findings->len == 0);
  json_object_set_array_member (o, "findings", array);
  cf_cli_print_object (o);
}

int
cf_cli_check (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Check that a case file is sound: SQLite’s integrity "
                                         "check, then claims inside their documents, quotes "
                                         "matching, hashes matching and references resolving. "
                                         "ratings on their scales, valid text and search indexes "
                                         "in step. Prints one problem per line with where it is "
                                         "(table, id, column); exits with 0 only for a sound "
                                         "file. Never changes the file."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE")))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  problems = cf_case_check_findings (kase, &error);
  if (problems == NULL)
    {
      cf_cli_error (_("Cannot check “%s”: %s"), argv[1], error->message);
      return CF_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      print_findings_json (argv[1], problems);
      return problems->len > 0 ? CF_CLI_EXIT_FAILURE : CF_CLI_EXIT_OK;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const CfCaseFinding *finding = g_ptr_array_index (problems, i);
      g_autofree char *location = finding_location (finding);

      if (location != NULL)
        g_print ("%s: %s: %s\n", argv[1], location, finding->message);
      else
        g_print ("%s: %s\n", argv[1], finding->message);
    }

  if (problems->len > 0)
    {
      cf_cli_error (ngettext ("“%s” has %u problem", "“%s” has %u problems", problems->len),
                    argv[1], problems->len);
      return CF_CLI_EXIT_FAILURE;
    }

  g_print (_("%s: no problems found\n"), argv[1]);
  return CF_CLI_EXIT_OK;
}
