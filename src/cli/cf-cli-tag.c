/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli tag: the nested, coloured tags of a case. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-cli.h"

static int
print_tag (CfCase *kase,
           gint64  tag_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTag) tag = cf_case_get_tag (kase, tag_id, &error);

  if (tag == NULL)
    return cf_cli_report_error (error);

  cf_cli_print_object (cf_cli_tag_to_json (tag));
  return CF_CLI_EXIT_OK;
}

static gboolean
check_color (const char *color)
{
  gboolean ok = color != NULL && color[0] == '#' && strlen (color) == 7;

  for (int i = 1; ok && i < 7; i++)
    ok = g_ascii_isxdigit (color[i]);

  if (!ok)
    cf_cli_error (_("“%s” is not a colour; write it as #rrggbb, e.g. #1c71d8"),
                  color ? color : "");
  return ok;
}

static int
tag_add (int    argc,
         char **argv)
{
  g_autofree char *parent = NULL;
  g_autofree char *color = NULL;
  const GOptionEntry entries[] = {
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &parent, N_("Put the tag under this one"), N_("PATH") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color, N_("Colour of the highlights, #rrggbb"), N_("COLOR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 parent_id = 0;
  gint64 tag_id;

  context = cf_cli_option_context_new (_("CASE NAME"),
                                       _("Add a tag, at the top or under another tag; a path "
                                         "such as Attribution/Ukraine adds the tags of it that "
                                         "are missing. Prints the tag as JSON."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE NAME [--parent PATH] [--color #rrggbb]")))
    return CF_CLI_EXIT_USAGE;
  if (color != NULL && !check_color (color))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (parent != NULL && (parent_id = cf_cli_find_tag (kase, parent)) == 0)
    return CF_CLI_EXIT_FAILURE;

  if (strchr (argv[2], '/') != NULL)
    {
      /* "Attribution/Ukraine": the missing tags of the path are made, as in the app */
      g_autoptr(CfTag) parent_tag = parent_id > 0 ? cf_case_get_tag (kase, parent_id, NULL) : NULL;
      g_autofree char *path = parent_tag != NULL
                              ? g_strconcat (cf_tag_get_path (parent_tag), "/", argv[2], NULL)
                              : g_strdup (argv[2]);

      if (cf_case_find_tag (kase, path) > 0)
        {
          cf_cli_error (_("There is already a tag “%s”"), path);
          return CF_CLI_EXIT_FAILURE;
        }
      cf_case_begin_action (kase, _("Add a tag"));
      tag_id = cf_case_ensure_tag_path (kase, path, &error);
      if (tag_id > 0 && color != NULL && !cf_case_set_tag_color (kase, tag_id, color, &error))
        tag_id = 0;
      if (tag_id <= 0)
        {
          cf_case_cancel_action (kase);
          return cf_cli_report_error (error);
        }
      if (!cf_case_end_action (kase, &error))
        return cf_cli_report_error (error);
    }
  else if ((tag_id = cf_case_add_tag (kase, argv[2], parent_id, color, &error)) <= 0)
    return cf_cli_report_error (error);

  return print_tag (kase, tag_id);
}

/* Opens CASE (argv[1]) for changes and finds the tag at PATH (argv[2]); 0 when either
 * failed, with the reason printed. */
static gint64
open_case_and_tag (char    **argv,
                   CfCase  **kase)
{
  *kase = cf_cli_open_case (argv[1], FALSE);
  if (*kase == NULL)
    return 0;
  return cf_cli_find_tag (*kase, argv[2]);
}

static int
tag_rename (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  context = cf_cli_option_context_new (_("CASE PATH NAME"), _("Rename a tag."), NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE PATH NAME")))
    return CF_CLI_EXIT_USAGE;

  if ((tag_id = open_case_and_tag (argv, &kase)) == 0)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_rename_tag (kase, tag_id, argv[3], &error))
    return cf_cli_report_error (error);

  return print_tag (kase, tag_id);
}

static int
tag_color (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  context = cf_cli_option_context_new (_("CASE PATH #rrggbb"), _("Change the colour of a tag."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE PATH #rrggbb")) ||
      !check_color (argv[3]))
    return CF_CLI_EXIT_USAGE;

  if ((tag_id = open_case_and_tag (argv, &kase)) == 0)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_set_tag_color (kase, tag_id, argv[3], &error))
    return cf_cli_report_error (error);

  return print_tag (kase, tag_id);
}

static int
tag_move (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag_id;
  gint64 parent_id = 0;

  context = cf_cli_option_context_new (_("CASE PATH [PARENT]"),
                                       _("Move a tag under PARENT, or to the top level when "
                                         "PARENT is left out."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 3, _("CASE PATH [PARENT]")))
    return CF_CLI_EXIT_USAGE;

  if ((tag_id = open_case_and_tag (argv, &kase)) == 0)
    return CF_CLI_EXIT_FAILURE;
  if (argc > 3 && (parent_id = cf_cli_find_tag (kase, argv[3])) == 0)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_set_tag_parent (kase, tag_id, parent_id, &error))
    return cf_cli_report_error (error);

  return print_tag (kase, tag_id);
}

static int
tag_delete (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  context = cf_cli_option_context_new (_("CASE PATH"),
                                       _("Delete a tag. Its children move up to its parent "
                                         "and its claims lose the tag."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE PATH")))
    return CF_CLI_EXIT_USAGE;

  if ((tag_id = open_case_and_tag (argv, &kase)) == 0)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_delete_tag (kase, tag_id, &error))
    return cf_cli_report_error (error);

  return CF_CLI_EXIT_OK;
}

static const CfCliSubcommand tag_actions[] = {
  { "add", tag_add, N_("Add a tag, optionally under another") },
  { "rename", tag_rename, N_("Rename a tag") },
  { "color", tag_color, N_("Change the colour of a tag") },
  { "move", tag_move, N_("Move a tag under another or to the top") },
  { "delete", tag_delete, N_("Delete a tag") },
  { NULL }
};

int
cf_cli_tag (int    argc,
            char **argv)
{
  return cf_cli_dispatch_subcommand (argc, argv, tag_actions,
                                     N_("Add, rename, colour, move or delete the tags of a "
                                        "case. Tags are named by path: “Attack/Drone”."));
}
