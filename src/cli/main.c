/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli: the Casefile core from the command line. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cf-cli.h"

typedef struct
{
  const char       *name;
  CfCliCommandFunc  func;
  const char       *summary;
} CfCliCommand;

/* One line per command; "help" lists them in this order. */
static const CfCliCommand commands[] = {
  { "new",        cf_cli_new,        N_("Create a case file") },
  { "info",       cf_cli_info,       N_("Show the title, summary and counts of a case") },
  { "set",        cf_cli_set,        N_("Change a field of the case or of a document") },
  { "import",     cf_cli_import,     N_("Add source documents from files or standard input") },
  { "extract",    cf_cli_extract,    N_("Print the article text and metadata of files") },
  { "list",       cf_cli_list,       N_("List documents, claims, tags, actors, notes, hypotheses or changes") },
  { "claim",      cf_cli_claim,      N_("Add, rate, tag, relate, show or delete claims") },
  { "note",       cf_cli_note,       N_("Add, edit or delete analyst notes") },
  { "tag",        cf_cli_tag,        N_("Add, rename, colour, move or delete tags") },
  { "hypothesis", cf_cli_hypothesis, N_("Add, change or delete hypotheses") },
  { "evidence",   cf_cli_evidence,   N_("Add assumptions and absences, weigh evidence, mark deception") },
  { "ach",        cf_cli_ach,        N_("Print the matrix of competing hypotheses and its scores") },
  { "search",     cf_cli_search,     N_("Search documents, claims and notes") },
  { "check",      cf_cli_check,      N_("Check that a case file is sound") },
  { "upgrade",    cf_cli_upgrade,    N_("Upgrade a case file from an older version of Casefile") },
  { "export",     cf_cli_export,     N_("Export the whole case as JSON") },
  { "brief",      cf_cli_brief,      N_("Print the summary brief of a case to a PDF") },
  { "timeline",   cf_cli_timeline,   N_("Print the dated claims in time order, with checks; export for Timesketch or as CSV") },
};

void
cf_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("casefile-cli: %s\n", message);
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, _("Usage:\n  casefile-cli COMMAND CASE [ARGUMENT…]\n\n"));
  g_string_append (text, _("Work with Casefile case files: sources, claims, ratings, "
                           "tags, hypotheses and notes.\n\n"));
  g_string_append (text, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (text, "\n");
  g_string_append (text, _("Options:\n"));
  g_string_append_printf (text, "  %-11s %s\n", "--help", _("Show this help"));
  g_string_append_printf (text, "  %-11s %s\n", "--version", _("Show the version"));
  g_string_append (text, "\n");
  g_string_append (text, _("Run “casefile-cli COMMAND --help” or “casefile-cli help COMMAND” "
                           "for the arguments of a command.\n"));

  if (stream == stdout)
    g_print ("%s", text->str);
  else
    g_printerr ("%s", text->str);
}

static const CfCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static int
run_command (const CfCliCommand *command,
             int                 argc,
             char              **argv)
{
  g_autofree char *prgname = g_strdup_printf ("casefile-cli %s", command->name);

  /* GOptionContext's --help shows the program name: make it the whole command */
  g_set_prgname (prgname);
  return command->func (argc, argv);
}

int
main (int    argc,
      char **argv)
{
  const CfCliCommand *command;
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return CF_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      print_usage (stdout);
      return CF_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("casefile-cli %s\n", PACKAGE_VERSION);
      return CF_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "help"))
    {
      char *help_argv[3];

      if (argc < 3)
        {
          print_usage (stdout);
          return CF_CLI_EXIT_OK;
        }

      command = find_command (argv[2]);
      if (command == NULL)
        {
          cf_cli_error (_("There is no command “%s”; see “casefile-cli --help”"), argv[2]);
          return CF_CLI_EXIT_USAGE;
        }

      help_argv[0] = argv[2];
      help_argv[1] = (char *) "--help";
      help_argv[2] = NULL;
      return run_command (command, 2, help_argv);
    }

  if (name[0] == '-')
    {
      cf_cli_error (_("Unknown option “%s”; see “casefile-cli --help”"), name);
      return CF_CLI_EXIT_USAGE;
    }

  command = find_command (name);
  if (command == NULL)
    {
      cf_cli_error (_("There is no command “%s”; see “casefile-cli --help”"), name);
      return CF_CLI_EXIT_USAGE;
    }

  return run_command (command, argc - 1, argv + 1);
}
