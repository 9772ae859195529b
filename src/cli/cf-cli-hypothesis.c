/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli hypothesis: competing explanations and the analyst's judgment. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

static int
print_hypothesis (CfCase *kase,
                  gint64  hypothesis_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfHypothesis) h = cf_case_get_hypothesis (kase, hypothesis_id, &error);

  if (h == NULL)
    return cf_cli_report_error (error);

  cf_cli_print_object (cf_cli_hypothesis_to_json (h));
  return CF_CLI_EXIT_OK;
}

typedef struct
{
  char         *title;
  char         *description;
  char         *likelihood_text;
  char         *confidence_text;
  CfLikelihood  likelihood;
  CfConfidence  confidence;
} Judgment;

static void
judgment_clear (Judgment *j)
{
  g_clear_pointer (&j->title, g_free);
  g_clear_pointer (&j->description, g_free);
  g_clear_pointer (&j->likelihood_text, g_free);
  g_clear_pointer (&j->confidence_text, g_free);
}

static void
add_judgment_entries (GOptionContext *context,
                      Judgment       *j,
                      gboolean        with_title)
{
  const GOptionEntry entries[] = {
    { "description", 'D', 0, G_OPTION_ARG_STRING, &j->description, N_("What the hypothesis says in full"), N_("TEXT") },
    { "likelihood", 'l', 0, G_OPTION_ARG_STRING, &j->likelihood_text, N_("Likelihood: almost-no-chance, very-unlikely, unlikely, roughly-even-chance, likely, very-likely, almost-certain"), N_("LIKELIHOOD") },
    { "confidence", 'C', 0, G_OPTION_ARG_STRING, &j->confidence_text, N_("Analytic confidence: low, moderate or high"), N_("CONFIDENCE") },
    { NULL }
  };
  const GOptionEntry title_entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &j->title, N_("New title"), N_("TITLE") },
    { NULL }
  };

  if (with_title)
    g_option_context_add_main_entries (context, title_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
apply_judgment (CfCase    *kase,
                gint64     hypothesis_id,
                Judgment  *j,
                GError   **error)
{
  if (j->title != NULL && !cf_case_set_hypothesis_title (kase, hypothesis_id, j->title, error))
    return FALSE;
  if (j->description != NULL &&
      !cf_case_set_hypothesis_description (kase, hypothesis_id,
                                           *j->description ? j->description : NULL, error))
    return FALSE;
  if (j->likelihood_text != NULL &&
      !cf_case_set_hypothesis_likelihood (kase, hypothesis_id, j->likelihood, error))
    return FALSE;
  if (j->confidence_text != NULL &&
      !cf_case_set_hypothesis_confidence (kase, hypothesis_id, j->confidence, error))
    return FALSE;

  return TRUE;
}

typedef struct
{
  const char *title;   /* NULL: change an existing hypothesis */
  Judgment   *judgment;
  gint64      id;      /* in for a change, out for a new one */
} HypothesisEdit;

static gboolean
hypothesis_edits (CfCase   *kase,
                  gpointer  data,
                  GError  **error)
{
  HypothesisEdit *h = data;

  if (h->title != NULL)
    {
      h->id = cf_case_add_hypothesis (kase, h->title, h->judgment->description, error);
      if (h->id <= 0)
        return FALSE;
      /* the description is set */
      g_clear_pointer (&h->judgment->description, g_free);
    }

  return apply_judgment (kase, h->id, h->judgment, error);
}

static int
hypothesis_add (int    argc,
                char **argv)
{
  Judgment j = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  HypothesisEdit edit;
  int status = CF_CLI_EXIT_USAGE;

  context = cf_cli_option_context_new (_("CASE TITLE"),
                                       _("Add a hypothesis with the analyst’s likelihood and "
                                         "confidence. Prints it as JSON."),
                                       NULL);
  add_judgment_entries (context, &j, FALSE);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE TITLE [--likelihood L] [--confidence C]")) ||
      !cf_cli_parse_likelihood (j.likelihood_text, &j.likelihood) ||
      !cf_cli_parse_confidence (j.confidence_text, &j.confidence))
    goto out;

  if (*argv[2] == '\0')
    {
      cf_cli_error (_("A hypothesis needs a TITLE that is not empty"));
      goto out;
    }

  status = CF_CLI_EXIT_FAILURE;
  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    goto out;

  edit = (HypothesisEdit) { argv[2], &j, 0 };
  if (!cf_cli_run_action (kase, _("Add hypothesis"), hypothesis_edits, &edit, &error))
    {
      cf_cli_report_error (error);
      goto out;
    }

  status = print_hypothesis (kase, edit.id);

out:
  judgment_clear (&j);
  return status;
}

static int
hypothesis_set (int    argc,
                char **argv)
{
  Judgment j = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  HypothesisEdit edit;
  int status = CF_CLI_EXIT_USAGE;

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Change the title, description, likelihood or "
                                         "confidence of a hypothesis; an empty value clears "
                                         "it. Prints it as JSON."),
                                       NULL);
  add_judgment_entries (context, &j, TRUE);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID [--title T] [--likelihood L] …")) ||
      !cf_cli_parse_id (argv[2], _("hypothesis"), &id) ||
      !cf_cli_parse_likelihood (j.likelihood_text, &j.likelihood) ||
      !cf_cli_parse_confidence (j.confidence_text, &j.confidence))
    goto out;

  if (j.title != NULL && *j.title == '\0')
    {
      cf_cli_error (_("A hypothesis needs a title that is not empty"));
      goto out;
    }

  status = CF_CLI_EXIT_FAILURE;
  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    goto out;

  edit = (HypothesisEdit) { NULL, &j, id };
  if (!cf_cli_run_action (kase, _("Change hypothesis"), hypothesis_edits, &edit, &error))
    {
      cf_cli_report_error (error);
      goto out;
    }

  status = print_hypothesis (kase, id);

out:
  judgment_clear (&j);
  return status;
}

static int
hypothesis_delete (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Delete a hypothesis with its indicators and the relations of claims to it."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID")) ||
      !cf_cli_parse_id (argv[2], _("hypothesis"), &id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_delete_hypothesis (kase, id, &error))
    return cf_cli_report_error (error);

  return CF_CLI_EXIT_OK;
}

static const CfCliSubcommand hypothesis_actions[] = {
  { "add", hypothesis_add, N_("Add a hypothesis") },
  { "set", hypothesis_set, N_("Change a hypothesis or the judgment of it") },
  { "delete", hypothesis_delete, N_("Delete a hypothesis") },
  { "indicator", cf_cli_hypothesis_indicator, N_("Add, change or delete what should be seen if it is true") },
  { NULL }
};

int
cf_cli_hypothesis (int    argc,
                   char **argv)
{
  return cf_cli_dispatch_subcommand (argc, argv, hypothesis_actions,
                                     N_("Add, change or delete the competing hypotheses of "
                                        "a case."));
}
