/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli ach: the matrix of competing hypotheses with its weights, scores,
 * diagnosticity, critical rows and deception ranking; casefile-cli evidence: rows that
 * are not quotes, a row's relevance and weight, deception marks; and the indicators
 * of "casefile-cli hypothesis indicator". The figures come from cf-ach.c. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cf-cli.h"

/* The text of a cell: the relation's code, "·" when not assessed. */
static const char *
cell_code (CfRelation relation)
{
  const char *code = (guint) relation <= CF_RELATION_LAST ? cf_relation_to_code (relation) : NULL;

  return code ? code : "·";
}

static char *
format_number (double value)
{
  return g_strdup_printf ("%.2f", value);
}

static void
print_matrix (CfAchMatrix *m)
{
  g_autoptr(CfCliTable) hypotheses = NULL;
  g_autoptr(CfCliTable) rows = NULL;
  g_autoptr(GString) legend = g_string_new (NULL);

  g_print ("%s\n\n", _("Hypotheses (least weighted inconsistency first is rank 1)"));
  hypotheses = cf_cli_table_new (6, _("COLUMN"), _("SCORE"), _("RANK"), _("DECEPTION SCORE"),
                                 _("RANK"), _("COUNTS CC/C/N/I/II/NA/–"));
  for (guint h = 0; h < m->hypotheses->len; h++)
    {
      CfAchHypothesis *hyp = g_ptr_array_index (m->hypotheses, h);
      g_autofree char *column = g_strdup_printf ("H%u", h + 1);
      g_autofree char *score = format_number (hyp->score);
      g_autofree char *rank = g_strdup_printf ("%u", hyp->rank);
      g_autofree char *dscore = format_number (hyp->deception_score);
      g_autofree char *drank = g_strdup_printf ("%u", hyp->deception_rank);
      g_autofree char *counts = g_strdup_printf ("%u/%u/%u/%u/%u/%u/%u",
                                                 hyp->counts[CF_RELATION_VERY_CONSISTENT],
                                                 hyp->counts[CF_RELATION_CONSISTENT],
                                                 hyp->counts[CF_RELATION_NEUTRAL],
                                                 hyp->counts[CF_RELATION_INCONSISTENT],
                                                 hyp->counts[CF_RELATION_VERY_INCONSISTENT],
                                                 hyp->counts[CF_RELATION_NOT_APPLICABLE],
                                                 hyp->counts[CF_RELATION_NONE]);

      cf_cli_table_add_row (hypotheses, column, score, rank, dscore, drank, counts);
      g_string_append_printf (legend, "  H%u  %s\n", h + 1, hyp->title);
    }
  cf_cli_table_print (hypotheses);
  g_print ("\n%s", legend->str);

  g_print ("\n%s\n\n", _("Evidence (* critical, ~ not diagnostic, ! possibly deceptive)"));
  rows = cf_cli_table_new (7, _("CLAIM"), _("KIND"), _("WEIGHT"), _("DIAG"), _("FLAGS"),
                           _("RATINGS H1…"), _("TEXT"));
  for (guint r = 0; r < m->rows->len; r++)
    {
      CfAchRow *row = g_ptr_array_index (m->rows, r);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->claim_id);
      g_autofree char *weight = format_number (row->weight);
      g_autofree char *diag = g_strdup_printf ("%u", row->diagnosticity);
      g_autofree char *flags = g_strdup_printf ("%s%s%s", row->critical ? "*" : "",
                                                row->diagnostic ? "" : "~", row->deceptive ? "!" : "");
      g_autoptr(GString) ratings = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint h = 0; h < m->hypotheses->len; h++)
        g_string_append_printf (ratings, "%s%-2s", h > 0 ? " " : "", cell_code (row->ratings[h]));
      /* one line per row: the text is cut, "claim show" prints it whole */
      text = g_utf8_substring (row->text, 0, MIN (g_utf8_strlen (row->text, -1), 60));
      for (char *p = text; *p != '\0'; p++)
        if (*p == '\n' || *p == '\t')
          *p = ' ';
      cf_cli_table_add_row (rows, id, cf_evidence_kind_to_code (row->kind), weight, diag, flags,
                            ratings->str, text);
    }
  cf_cli_table_print (rows);
  g_print ("\n");
  if (m->n_critical == 0)
    g_print ("%s\n", _("No critical rows: leaving out any one row keeps the leading hypothesis."));
  else
    g_print (ngettext ("%u critical row: leaving it out changes the leading hypothesis.\n",
                       "%u critical rows: leaving one out changes the leading hypothesis.\n",
                       m->n_critical), m->n_critical);
}

int
cf_cli_ach (int    argc,
            char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfAchMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Print the analysis of competing hypotheses: the "
                                         "matrix of evidence against hypotheses, each row’s "
                                         "weight and diagnosticity, each hypothesis’s weighted "
                                         "inconsistency with and without possibly deceptive "
                                         "evidence, and the critical rows."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE [--json]")))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  matrix = cf_case_build_ach (kase, &error);
  if (matrix == NULL)
    return cf_cli_report_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = cf_ach_matrix_to_json (matrix);

      cf_cli_print_json (node, FALSE);
    }
  else
    print_matrix (matrix);
  return CF_CLI_EXIT_OK;
}

/* --- evidence --- */

static int
print_claim_json (CfCase *kase,
                  gint64  claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = cf_case_get_claim (kase, claim_id, &error);

  if (claim == NULL)
    return cf_cli_report_error (error);
  cf_cli_print_object (cf_cli_claim_to_json (kase, claim));
  return CF_CLI_EXIT_OK;
}

static int
evidence_add (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  CfEvidenceKind kind;
  gint64 id;

  context = cf_cli_option_context_new (_("CASE assumption|absence STATEMENT"),
                                       _("Add an evidence row that is not a quote: something "
                                         "assumed, or expected evidence that is missing. It is "
                                         "rated, related and noted like a claim. Prints it as "
                                         "JSON."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE assumption|absence STATEMENT")))
    return CF_CLI_EXIT_USAGE;
  if (!cf_evidence_kind_from_code (argv[2], &kind) || kind == CF_EVIDENCE_QUOTE)
    {
      cf_cli_error (_("“%s” is not a kind of evidence without a document; use assumption or absence"), argv[2]);
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  id = cf_case_add_evidence (kase, kind, argv[3], &error);
  if (id == 0)
    return cf_cli_report_error (error);
  return print_claim_json (kase, id);
}

typedef struct
{
  gint64       claim_id;
  const char  *statement;
  const char  *relevance_text;
  CfRelevance  relevance;
  const char  *weight_text;
  double       weight;
} EvidenceEdit;

static gboolean
evidence_edits (CfCase   *kase,
                gpointer  data,
                GError  **error)
{
  EvidenceEdit *e = data;

  if (e->statement != NULL && !cf_case_set_evidence_statement (kase, e->claim_id, e->statement, error))
    return FALSE;
  if (e->relevance_text != NULL && !cf_case_set_claim_relevance (kase, e->claim_id, e->relevance, error))
    return FALSE;
  if (e->weight_text != NULL && !cf_case_set_claim_weight (kase, e->claim_id, e->weight, error))
    return FALSE;
  return TRUE;
}

static int
evidence_set (int    argc,
              char **argv)
{
  g_autofree char *statement = NULL;
  g_autofree char *relevance = NULL;
  g_autofree char *weight = NULL;
  const GOptionEntry entries[] = {
    { "statement", 's', 0, G_OPTION_ARG_STRING, &statement, N_("New wording of an assumption or absence"), N_("TEXT") },
    { "relevance", 'r', 0, G_OPTION_ARG_STRING, &relevance, N_("Relevance: low, medium, high or none"), N_("RELEVANCE") },
    { "weight", 'w', 0, G_OPTION_ARG_STRING, &weight, N_("A weight that replaces the computed one, or none"), N_("WEIGHT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  EvidenceEdit edit = { 0 };

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Change the wording, relevance or weight of an "
                                         "evidence row (any claim). Prints it as JSON."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID [--relevance R] [--weight W] [--statement T]")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &edit.claim_id))
    return CF_CLI_EXIT_USAGE;
  edit.statement = statement;
  edit.relevance_text = relevance;
  edit.weight_text = weight;
  if (relevance != NULL && g_ascii_strcasecmp (relevance, "none") != 0
      && !cf_relevance_from_code (relevance, &edit.relevance))
    {
      cf_cli_error (_("“%s” is not a valid relevance; use one of: low, medium, high, none"), relevance);
      return CF_CLI_EXIT_USAGE;
    }
  if (weight != NULL)
    {
      char *end = NULL;

      edit.weight = g_ascii_strtod (weight, &end);
      if (g_ascii_strcasecmp (weight, "none") == 0)
        edit.weight = -1;
      else if (*weight == '\0' || *end != '\0' || !isfinite (edit.weight) || edit.weight < 0)
        {
          cf_cli_error (_("“%s” is not a weight; use a number of 0 or more, or none"), weight);
          return CF_CLI_EXIT_USAGE;
        }
    }

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  if (!cf_cli_run_action (kase, _("Change evidence"), evidence_edits, &edit, &error))
    return cf_cli_report_error (error);
  return print_claim_json (kase, edit.claim_id);
}

static int
evidence_deceptive (int    argc,
                    char **argv)
{
  gint64 actor_id = 0, document_id = 0;
  const GOptionEntry entries[] = {
    { "actor", 'a', 0, G_OPTION_ARG_INT64, &actor_id, N_("Mark this actor"), N_("ID") },
    { "document", 'd', 0, G_OPTION_ARG_INT64, &document_id, N_("Mark this document (source)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gboolean deceptive, ok;

  context = cf_cli_option_context_new (_("CASE yes|no"),
                                       _("Mark an actor or a source as possibly deceptive or "
                                         "compromised (yes) or clear the mark (no). The ACH "
                                         "deception ranking counts their evidence at a quarter."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE --actor ID|--document ID yes|no")))
    return CF_CLI_EXIT_USAGE;
  if ((actor_id > 0) == (document_id > 0))
    {
      cf_cli_error (_("Name one actor (--actor ID) or one document (--document ID)"));
      return CF_CLI_EXIT_USAGE;
    }
  if (g_ascii_strcasecmp (argv[2], "yes") == 0)
    deceptive = TRUE;
  else if (g_ascii_strcasecmp (argv[2], "no") == 0)
    deceptive = FALSE;
  else
    {
      cf_cli_error (_("“%s” is not yes or no"), argv[2]);
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  if (actor_id > 0)
    ok = cf_case_set_actor_deceptive (kase, actor_id, deceptive, &error);
  else
    ok = cf_case_set_document_deceptive (kase, document_id, deceptive, &error);
  if (!ok)
    return cf_cli_report_error (error);
  return CF_CLI_EXIT_OK;
}

static const CfCliSubcommand evidence_actions[] = {
  { "add", evidence_add, N_("Add an assumption or an absence of evidence") },
  { "set", evidence_set, N_("Change the wording, relevance or weight of evidence") },
  { "deceptive", evidence_deceptive, N_("Mark an actor or a source as possibly deceptive") },
  { NULL }
};

int
cf_cli_evidence (int    argc,
                 char **argv)
{
  return cf_cli_dispatch_subcommand (argc, argv, evidence_actions,
                                     N_("Add evidence that is not a quote, weigh evidence and "
                                        "mark deceptive sources for the analysis of competing "
                                        "hypotheses."));
}

/* --- hypothesis indicator --- */

static void
print_indicator (CfCase *kase,
                 gint64  hypothesis_id,
                 gint64  indicator_id)
{
  g_autoptr(GPtrArray) list = cf_case_list_indicators (kase, hypothesis_id, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CfIndicator *indicator = g_ptr_array_index (list, i);
      JsonObject *o;

      if (indicator->id != indicator_id)
        continue;
      o = json_object_new ();
      json_object_set_int_member (o, "id", indicator->id);
      json_object_set_int_member (o, "hypothesis_id", indicator->hypothesis_id);
      json_object_set_string_member (o, "description", indicator->description);
      json_object_set_string_member (o, "status", cf_indicator_status_to_code (indicator->status));
      if (indicator->claim_id > 0)
        json_object_set_int_member (o, "claim_id", indicator->claim_id);
      else
        json_object_set_null_member (o, "claim_id");
      cf_cli_print_object (o);
    }
}

static int
indicator_add (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 hypothesis_id, id;

  context = cf_cli_option_context_new (_("CASE HYPOTHESIS_ID DESCRIPTION"),
                                       _("Add an indicator: what should be seen if the "
                                         "hypothesis is true (not yet seen). Prints it as JSON."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE HYPOTHESIS_ID DESCRIPTION")) ||
      !cf_cli_parse_id (argv[2], _("hypothesis"), &hypothesis_id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  id = cf_case_add_indicator (kase, hypothesis_id, argv[3], &error);
  if (id == 0)
    return cf_cli_report_error (error);
  print_indicator (kase, hypothesis_id, id);
  return CF_CLI_EXIT_OK;
}

typedef struct
{
  gint64             id;
  const char        *description;
  const char        *status_text;
  CfIndicatorStatus  status;
  gint64             claim_id;
} IndicatorEdit;

static gboolean
indicator_edits (CfCase   *kase,
                 gpointer  data,
                 GError  **error)
{
  IndicatorEdit *e = data;

  if (e->description != NULL && !cf_case_set_indicator_description (kase, e->id, e->description, error))
    return FALSE;
  if (e->status_text != NULL && !cf_case_set_indicator_status (kase, e->id, e->status, e->claim_id, error))
    return FALSE;
  return TRUE;
}

static int
indicator_set (int    argc,
               char **argv)
{
  g_autofree char *description = NULL;
  g_autofree char *status = NULL;
  gint64 claim_id = 0;
  const GOptionEntry entries[] = {
    { "description", 'D', 0, G_OPTION_ARG_STRING, &description, N_("New description"), N_("TEXT") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status, N_("Status: unseen, seen or refuted"), N_("STATUS") },
    { "claim", 'c', 0, G_OPTION_ARG_INT64, &claim_id, N_("The claim that shows (or refutes) it"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  IndicatorEdit edit = { 0 };
  g_autoptr(GPtrArray) all = NULL;

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Change an indicator’s description or status; "
                                         "--status seen --claim ID links the claim that shows "
                                         "it. Prints it as JSON."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID [--status S [--claim ID]] [--description T]")) ||
      !cf_cli_parse_id (argv[2], _("indicator"), &edit.id))
    return CF_CLI_EXIT_USAGE;
  if (status != NULL && !cf_indicator_status_from_code (status, &edit.status))
    {
      cf_cli_error (_("“%s” is not a valid status; use one of: unseen, seen, refuted"), status);
      return CF_CLI_EXIT_USAGE;
    }
  if (claim_id != 0 && status == NULL)
    {
      cf_cli_error (_("--claim goes with --status seen or --status refuted"));
      return CF_CLI_EXIT_USAGE;
    }
  edit.description = description;
  edit.status_text = status;
  edit.claim_id = claim_id;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  if (!cf_cli_run_action (kase, _("Change indicator"), indicator_edits, &edit, &error))
    return cf_cli_report_error (error);
  print_indicator (kase, 0, edit.id);
  return CF_CLI_EXIT_OK;
}

static int
indicator_delete (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  context = cf_cli_option_context_new (_("CASE ID"), _("Delete an indicator."), NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID")) ||
      !cf_cli_parse_id (argv[2], _("indicator"), &id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  if (!cf_case_delete_indicator (kase, id, &error))
    return cf_cli_report_error (error);
  return CF_CLI_EXIT_OK;
}

static const CfCliSubcommand indicator_actions[] = {
  { "add", indicator_add, N_("Add an indicator to a hypothesis") },
  { "set", indicator_set, N_("Change an indicator or its status") },
  { "delete", indicator_delete, N_("Delete an indicator") },
  { NULL }
};

int
cf_cli_hypothesis_indicator (int    argc,
                             char **argv)
{
  return cf_cli_dispatch_subcommand (argc, argv, indicator_actions,
                                     N_("What should be seen if a hypothesis is true, and "
                                        "whether it was."));
}
