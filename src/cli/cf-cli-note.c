/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli note: analyst notes on the case, a document or a claim. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

static int
print_note (CfCase *kase,
            gint64  note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNote) note = cf_case_get_note (kase, note_id, &error);

  if (note == NULL)
    return cf_cli_report_error (error);

  cf_cli_print_object (cf_cli_note_to_json (note));
  return CF_CLI_EXIT_OK;
}

static int
note_add (int    argc,
          char **argv)
{
  gint64 document_id = 0;
  gint64 claim_id = 0;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_INT64, &document_id, N_("A note on this document"), N_("ID") },
    { "claim", 'c', 0, G_OPTION_ARG_INT64, &claim_id, N_("A note on this claim"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  CfNoteTarget target = CF_NOTE_TARGET_CASE;
  gint64 target_id = 0;
  gint64 note_id;

  context = cf_cli_option_context_new (_("CASE [--document ID | --claim ID] TEXT"),
                                       _("Write a note on the case, or on one of its "
                                         "documents or claims. Prints the note as JSON."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE [--document ID | --claim ID] TEXT")))
    return CF_CLI_EXIT_USAGE;

  if (document_id != 0 && claim_id != 0)
    {
      cf_cli_error (_("A note is on a document or on a claim, not both: give --document "
                      "or --claim"));
      return CF_CLI_EXIT_USAGE;
    }
  if (document_id < 0 || claim_id < 0)
    {
      cf_cli_error (_("Ids are positive numbers, as “list” shows them"));
      return CF_CLI_EXIT_USAGE;
    }
  if (*argv[2] == '\0')
    {
      cf_cli_error (_("The note is empty: give its TEXT"));
      return CF_CLI_EXIT_USAGE;
    }

  if (document_id != 0)
    {
      target = CF_NOTE_TARGET_DOCUMENT;
      target_id = document_id;
    }
  else if (claim_id != 0)
    {
      target = CF_NOTE_TARGET_CLAIM;
      target_id = claim_id;
    }

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  note_id = cf_case_add_note (kase, target, target_id, argv[2], &error);
  if (note_id <= 0)
    return cf_cli_report_error (error);

  return print_note (kase, note_id);
}

static int
note_edit (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id;

  context = cf_cli_option_context_new (_("CASE ID TEXT"),
                                       _("Replace the text of a note. Prints the note as JSON."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE ID TEXT")) ||
      !cf_cli_parse_id (argv[2], _("note"), &note_id))
    return CF_CLI_EXIT_USAGE;

  if (*argv[3] == '\0')
    {
      cf_cli_error (_("The note would be empty; to remove it use “casefile-cli note delete”"));
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_set_note_body (kase, note_id, argv[3], &error))
    return cf_cli_report_error (error);

  return print_note (kase, note_id);
}

static int
note_delete (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id;

  context = cf_cli_option_context_new (_("CASE ID"), _("Delete a note."), NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID")) ||
      !cf_cli_parse_id (argv[2], _("note"), &note_id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_delete_note (kase, note_id, &error))
    return cf_cli_report_error (error);

  return CF_CLI_EXIT_OK;
}

static const CfCliSubcommand note_actions[] = {
  { "add", note_add, N_("Write a note on the case, a document or a claim") },
  { "edit", note_edit, N_("Replace the text of a note") },
  { "delete", note_delete, N_("Delete a note") },
  { NULL }
};

int
cf_cli_note (int    argc,
             char **argv)
{
  return cf_cli_dispatch_subcommand (argc, argv, note_actions,
                                     N_("Add, edit or delete analyst notes."));
}
