/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli check: is a case file sound? */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

int
cf_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Check that a case file is sound: SQLite’s integrity "
                                         "check, then claims inside their documents, quotes "
                                         "matching, hashes matching and references resolving. "
                                         "Prints one problem per line; exits with 0 only for a "
                                         "sound file. Never changes the file."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE")))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  problems = cf_case_check (kase, &error);
  if (problems == NULL)
    {
      cf_cli_error (_("Cannot check “%s”: %s"), argv[1], error->message);
      return CF_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s: %s\n", argv[1], (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    {
      cf_cli_error (ngettext ("“%s” has %u problem", "“%s” has %u problems", problems->len),
                    argv[1], problems->len);
      return CF_CLI_EXIT_FAILURE;
    }

  g_print (_("%s: no problems found\n"), argv[1]);
  return CF_CLI_EXIT_OK;
}
