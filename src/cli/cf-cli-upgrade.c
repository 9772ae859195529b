/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli upgrade: brings a case file of an older format up to the one this
 * version writes (cf_case_upgrade), keeping the old file beside it as a backup.
 * Every other command refuses such a file and names this one; nothing is ever
 * upgraded without being asked. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

int
cf_cli_upgrade (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Upgrade a case file made by an older version of "
                                         "Casefile to the current format, in one step that "
                                         "either completes or leaves the file as it was. The "
                                         "old file is kept beside it as "
                                         "NAME.vN-backup.casefile; its path is printed."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE")))
    return CF_CLI_EXIT_USAGE;

  if (!cf_case_upgrade (argv[1], &backup, &error))
    {
      cf_cli_error (_("Cannot upgrade “%s”: %s"), argv[1], error->message);
      return CF_CLI_EXIT_FAILURE;
    }

  if (backup == NULL)
    {
      g_print (_("%s: already in the current format; nothing was changed\n"), argv[1]);
      return CF_CLI_EXIT_OK;
    }

  g_print (_("%s: upgraded; the old file is kept as %s\n"), argv[1], backup);
  return CF_CLI_EXIT_OK;
}
