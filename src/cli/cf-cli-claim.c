/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli claim: add, rate, tag, relate, show and delete claims. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-case-timeline.h"
#include "cf-cli.h"

typedef struct
{
  char          *actor;
  char          *reliability_text;
  char          *credibility_text;
  char          *likelihood_text;
  char          *confidence_text;
  char          *paraphrase;
  char          *event_date;
  CfReliability  reliability;
  CfCredibility  credibility;
  CfLikelihood   likelihood;
  CfConfidence   confidence;
} Ratings;

static void
ratings_clear (Ratings *r)
{
  g_clear_pointer (&r->actor, g_free);
  g_clear_pointer (&r->reliability_text, g_free);
  g_clear_pointer (&r->credibility_text, g_free);
  g_clear_pointer (&r->likelihood_text, g_free);
  g_clear_pointer (&r->confidence_text, g_free);
  g_clear_pointer (&r->paraphrase, g_free);
  g_clear_pointer (&r->event_date, g_free);
}

/* The options "add" and "rate" share; @r must outlive the context. */
static void
add_rating_entries (GOptionContext *context,
                    Ratings        *r)
{
  const GOptionEntry entries[] = {
    { "actor", 'a', 0, G_OPTION_ARG_STRING, &r->actor, N_("Who asserts the claim (\"\" removes the actor)"), N_("NAME") },
    { "reliability", 'r', 0, G_OPTION_ARG_STRING, &r->reliability_text, N_("Source reliability: A to F"), N_("A-F") },
    { "credibility", 'c', 0, G_OPTION_ARG_STRING, &r->credibility_text, N_("Information credibility: 1 to 6"), N_("1-6") },
    { "likelihood", 'l', 0, G_OPTION_ARG_STRING, &r->likelihood_text, N_("Likelihood: almost-no-chance, very-unlikely, unlikely, roughly-even-chance, likely, very-likely, almost-certain"), N_("LIKELIHOOD") },
    { "confidence", 'C', 0, G_OPTION_ARG_STRING, &r->confidence_text, N_("Analytic confidence: low, moderate or high"), N_("CONFIDENCE") },
    { "paraphrase", 'p', 0, G_OPTION_ARG_STRING, &r->paraphrase, N_("The claim in the analyst’s words"), N_("TEXT") },
    { "event-date", 0, 0, G_OPTION_ARG_STRING, &r->event_date, N_("When the claimed event happened: 2023-05-03, 2023-05, 2023-05-03T02:30, a range 2023-05-03/2023-05-04, “~” in front for approximately, a time zone after a space (\"\" clears it)"), N_("DATE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
parse_ratings (Ratings *r)
{
  return cf_cli_parse_reliability (r->reliability_text, &r->reliability) &&
         cf_cli_parse_credibility (r->credibility_text, &r->credibility) &&
         cf_cli_parse_likelihood (r->likelihood_text, &r->likelihood) &&
         cf_cli_parse_confidence (r->confidence_text, &r->confidence) &&
         cf_cli_check_event_time (r->event_date, "--event-date");
}

/* Applies what was given; inside an action of the caller. */
static gboolean
apply_ratings (CfCase   *kase,
               gint64    claim_id,
               Ratings  *r,
               GError  **error)
{
  if (r->actor != NULL && !cf_case_set_claim_actor_name (kase, claim_id, r->actor, error))
    return FALSE;
  if (r->reliability_text != NULL &&
      !cf_case_set_claim_reliability (kase, claim_id, r->reliability, error))
    return FALSE;
  if (r->credibility_text != NULL &&
      !cf_case_set_claim_credibility (kase, claim_id, r->credibility, error))
    return FALSE;
  if (r->likelihood_text != NULL &&
      !cf_case_set_claim_likelihood (kase, claim_id, r->likelihood, error))
    return FALSE;
  if (r->confidence_text != NULL &&
      !cf_case_set_claim_confidence (kase, claim_id, r->confidence, error))
    return FALSE;
  if (r->paraphrase != NULL &&
      !cf_case_set_claim_paraphrase (kase, claim_id, *r->paraphrase ? r->paraphrase : NULL,
                                     error))
    return FALSE;
  if (r->event_date != NULL &&
      !cf_case_set_claim_event_date (kase, claim_id, *r->event_date ? r->event_date : NULL,
                                     error))
    return FALSE;

  return TRUE;
}

static int
print_claim (CfCase *kase,
             gint64  claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = cf_case_get_claim (kase, claim_id, &error);

  if (claim == NULL)
    return cf_cli_report_error (error);

  cf_cli_print_object (cf_cli_claim_to_json (kase, claim));
  return CF_CLI_EXIT_OK;
}

/* Resolves tag paths to ids before anything is changed. */
static GArray *
find_tags (CfCase      *kase,
           char       **paths,
           int          n_paths)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 0; i < n_paths; i++)
    {
      gint64 id = cf_cli_find_tag (kase, paths[i]);

      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

typedef struct
{
  gint64      document_id;
  int         start;
  int         end;
  const char *quote;
  Ratings    *ratings;
  GArray     *tag_ids;
  gint64      claim_id;   /* out */
} NewClaim;

static gboolean
add_claim_edits (CfCase   *kase,
                 gpointer  data,
                 GError  **error)
{
  NewClaim *c = data;

  c->claim_id = cf_case_add_claim (kase, c->document_id, c->start, c->end, c->quote, error);
  if (c->claim_id <= 0 || !apply_ratings (kase, c->claim_id, c->ratings, error))
    return FALSE;

  for (guint i = 0; i < c->tag_ids->len; i++)
    {
      if (!cf_case_add_claim_tag (kase, c->claim_id, g_array_index (c->tag_ids, gint64, i),
                                  error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64   claim_id;
  Ratings *ratings;
} RateClaim;

static gboolean
rate_claim_edits (CfCase   *kase,
                  gpointer  data,
                  GError  **error)
{
  RateClaim *rate = data;

  return apply_ratings (kase, rate->claim_id, rate->ratings, error);
}

typedef struct
{
  gint64    claim_id;
  GArray   *tag_ids;
  gboolean  add;
} TagClaim;

static gboolean
tag_claim_edits (CfCase   *kase,
                 gpointer  data,
                 GError  **error)
{
  TagClaim *tagging = data;

  for (guint i = 0; i < tagging->tag_ids->len; i++)
    {
      gint64 tag_id = g_array_index (tagging->tag_ids, gint64, i);
      gboolean ok;

      if (tagging->add)
        ok = cf_case_add_claim_tag (kase, tagging->claim_id, tag_id, error);
      else
        ok = cf_case_remove_claim_tag (kase, tagging->claim_id, tag_id, error);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static int
claim_add (int    argc,
           char **argv)
{
  Ratings r = { 0 };
  gint64 document_id = 0;
  int start = -1;
  int end = -1;
  int occurrence = 0;
  g_autofree char *quote = NULL;
  g_auto(GStrv) tags = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_INT64, &document_id, N_("The document the claim is in (required)"), N_("ID") },
    { "start", 's', 0, G_OPTION_ARG_INT, &start, N_("First character of the span (counted from 0)"), N_("N") },
    { "end", 'e', 0, G_OPTION_ARG_INT, &end, N_("Character after the span"), N_("N") },
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote, N_("The quoted text: finds the span, or checks it with --start/--end"), N_("TEXT") },
    { "occurrence", 'o', 0, G_OPTION_ARG_INT, &occurrence, N_("Which appearance of the quote, from 0"), N_("K") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag of the claim (repeat for more)"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GArray) tag_ids = NULL;
  g_autoptr(GError) error = NULL;
  NewClaim edit;
  int status = CF_CLI_EXIT_USAGE;

  context = cf_cli_option_context_new (_("CASE --document ID (--start N --end N [--quote TEXT] | --quote TEXT)"),
                                       _("Highlight a passage of a document as a claim, with "
                                         "who asserts it, its ratings and tags, all or nothing. "
                                         "Prints the claim as JSON."),
                                       entries);
  add_rating_entries (context, &r);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE --document ID (--start N --end N | --quote TEXT)")) ||
      !parse_ratings (&r))
    goto out;

  if (document_id <= 0)
    {
      cf_cli_error (_("Say which document the claim is in with --document ID "
                      "(see “casefile-cli list CASE documents”)"));
      goto out;
    }
  if ((start >= 0) != (end >= 0))
    {
      cf_cli_error (_("Give both --start and --end, or --quote alone"));
      goto out;
    }
  if (start < 0 && (quote == NULL || *quote == '\0'))
    {
      cf_cli_error (_("Say where the claim is: --quote TEXT, or --start N --end N"));
      goto out;
    }
  if (occurrence < 0)
    {
      cf_cli_error (_("--occurrence counts from 0 and cannot be negative"));
      goto out;
    }

  status = CF_CLI_EXIT_FAILURE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    goto out;

  if (start < 0)
    {
      start = cf_case_find_quote (kase, document_id, quote, occurrence, &error);
      if (start < 0)
        {
          cf_cli_error (_("Cannot add the claim: %s"), error->message);
          goto out;
        }
      end = start + g_utf8_strlen (quote, -1);
    }

  tag_ids = find_tags (kase, tags, tags ? g_strv_length (tags) : 0);
  if (tag_ids == NULL)
    goto out;

  edit = (NewClaim) { document_id, start, end, quote, &r, tag_ids, 0 };
  if (!cf_cli_run_action (kase, _("Add claim"), add_claim_edits, &edit, &error))
    {
      cf_cli_error (_("Cannot add the claim: %s"), error->message);
      goto out;
    }

  status = print_claim (kase, edit.claim_id);

out:
  ratings_clear (&r);
  return status;
}

static int
claim_rate (int    argc,
            char **argv)
{
  Ratings r = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 claim_id;
  RateClaim rate;
  int status = CF_CLI_EXIT_USAGE;

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Change who asserts a claim and how it is rated; "
                                         "only the options given change. An empty value "
                                         "clears a rating. Prints the claim as JSON."),
                                       NULL);
  add_rating_entries (context, &r);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID [--reliability A-F] …")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &claim_id) ||
      !parse_ratings (&r))
    goto out;

  status = CF_CLI_EXIT_FAILURE;
  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    goto out;

  rate = (RateClaim) { claim_id, &r };
  if (!cf_cli_run_action (kase, _("Rate claim"), rate_claim_edits, &rate, &error))
    {
      cf_cli_report_error (error);
      goto out;
    }

  status = print_claim (kase, claim_id);

out:
  ratings_clear (&r);
  return status;
}

static int
claim_tag_or_untag (int      argc,
                    char   **argv,
                    gboolean add)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GArray) tag_ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 claim_id;
  TagClaim tagging;

  context = cf_cli_option_context_new (_("CASE ID TAGPATH…"),
                                       add ? _("Give a claim tags (“Parent/Child” or a name). "
                                               "Prints the claim as JSON.")
                                           : _("Take tags off a claim. Prints the claim as JSON."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, -1, _("CASE ID TAGPATH…")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &claim_id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  tag_ids = find_tags (kase, argv + 3, argc - 3);
  if (tag_ids == NULL)
    return CF_CLI_EXIT_FAILURE;

  tagging = (TagClaim) { claim_id, tag_ids, add };
  if (!cf_cli_run_action (kase, add ? _("Tag claim") : _("Untag claim"), tag_claim_edits,
                          &tagging, &error))
    return cf_cli_report_error (error);

  return print_claim (kase, claim_id);
}

static int
claim_tag (int    argc,
           char **argv)
{
  return claim_tag_or_untag (argc, argv, TRUE);
}

static int
claim_untag (int    argc,
             char **argv)
{
  return claim_tag_or_untag (argc, argv, FALSE);
}

static int
claim_relate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 claim_id, hypothesis_id;
  CfRelation relation;

  context = cf_cli_option_context_new (_("CASE ID HYPOTHESIS_ID CC|C|N|I|II|NA|none"),
                                       _("Say how a claim bears on a hypothesis: very consistent "
                                         "(CC), consistent (C), neutral (N), inconsistent (I), very "
                                         "inconsistent (II) or not applicable (NA); the words "
                                         "consistent, neutral and inconsistent also work, and "
                                         "“none” removes the relation. Prints the claim as JSON."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 4, 4, _("CASE ID HYPOTHESIS_ID CC|C|N|I|II|NA|none")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &claim_id) ||
      !cf_cli_parse_id (argv[3], _("hypothesis"), &hypothesis_id) ||
      !cf_cli_parse_relation (argv[4], &relation))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_set_claim_relation (kase, claim_id, hypothesis_id, relation, &error))
    return cf_cli_report_error (error);

  return print_claim (kase, claim_id);
}

static int
claim_delete (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 claim_id;

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Delete a claim with its notes, tags and relations."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &claim_id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (!cf_case_delete_claim (kase, claim_id, &error))
    return cf_cli_report_error (error);

  return CF_CLI_EXIT_OK;
}

/* The whole event time as the timeline reads it: the stored form (start, end, zone,
 * "~"), then in words how precise it is and whether it is approximate. */
static char *
describe_event_time (const CfEventTime *time)
{
  g_autofree char *stored = cf_event_time_to_string (time);
  g_autofree char *start = cf_event_time_format_local (time, FALSE);
  g_autofree char *end = time->has_end ? cf_event_time_format_local (time, TRUE) : NULL;
  g_autofree char *span = end != NULL
                          /* TRANSLATORS: the start and end of an event's time range */
                          ? g_strdup_printf (_("from %s to %s"), start, end)
                          : g_strdup_printf (_("at %s"), start);
  const char *zone = time->timezone != NULL ? time->timezone : _("the case’s time zone");

  if (time->approximate)
    /* TRANSLATORS: "~2023-05-03 (about, from 2023-05-03 to ..., in Europe/Moscow, precision: Day)" */
    return g_strdup_printf (_("%s (about: %s, in %s, precision: %s)"), stored, span, zone,
                            cf_precision_get_label (time->precision));
  /* TRANSLATORS: "2023-05-03 (at 2023-05-03, in Europe/Moscow, precision: Day)" */
  return g_strdup_printf (_("%s (%s, in %s, precision: %s)"), stored, span, zone,
                          cf_precision_get_label (time->precision));
}

/* The members `casefile-cli timeline --json` gives an entry's time. */
static JsonObject *
event_time_to_json (const CfEventTime *time)
{
  JsonObject *o = json_object_new ();
  g_autofree char *text = cf_event_time_to_string (time);
  g_autofree char *start = cf_event_time_format_local (time, FALSE);

  json_object_set_string_member (o, "time", text);
  json_object_set_string_member (o, "start", start);
  if (time->has_end)
    {
      g_autofree char *end = cf_event_time_format_local (time, TRUE);

      json_object_set_string_member (o, "end", end);
    }
  else
    json_object_set_null_member (o, "end");
  json_object_set_string_member (o, "precision", cf_precision_to_string (time->precision));
  if (time->timezone != NULL)
    json_object_set_string_member (o, "timezone", time->timezone);
  else
    json_object_set_null_member (o, "timezone");
  json_object_set_boolean_member (o, "approximate", time->approximate);
  return o;
}

static int
claim_show (int    argc,
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
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) hypotheses = NULL;
  g_autoptr(CfCliTable) table = NULL;
  g_autofree char *span = NULL;
  g_autofree char *document = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(CfEventTime) event_time = NULL;
  gint64 claim_id;

  context = cf_cli_option_context_new (_("CASE ID"),
                                       _("Show a claim: its quote, source, actor, ratings, "
                                         "tags, hypotheses and notes."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE ID")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &claim_id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  claim = cf_case_get_claim (kase, claim_id, &error);
  if (claim == NULL)
    return cf_cli_report_error (error);

  notes = cf_case_list_notes (kase, CF_NOTE_TARGET_CLAIM, claim_id);

  if (json)
    {
      JsonObject *o = cf_cli_claim_to_json (kase, claim);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(CfNote) note = g_list_model_get_item (notes, i);

          json_array_add_object_element (array, cf_cli_note_to_json (note));
        }
      json_object_set_array_member (o, "notes", array);
      event_time = cf_case_get_claim_event_time (kase, claim_id, &error);
      if (event_time == NULL && error != NULL)
        {
          json_object_unref (o);
          return cf_cli_report_error (error);
        }
      if (event_time != NULL)
        json_object_set_object_member (o, "event_time", event_time_to_json (event_time));
      else
        json_object_set_null_member (o, "event_time");
      cf_cli_print_object (o);
      return CF_CLI_EXIT_OK;
    }

  /* quotes and notes are printed whole, not cut to a table cell */
  g_print ("“%s”\n\n", cf_claim_get_quote (claim));

  table = cf_cli_table_new (2, "", "");
  cf_cli_table_set_show_header (table, FALSE);
  if (cf_claim_get_kind (claim) == CF_EVIDENCE_QUOTE)
    {
      document = g_strdup_printf ("%" G_GINT64_FORMAT " (%s)", cf_claim_get_document_id (claim),
                                  cf_claim_get_document_title (claim));
      int page = cf_case_get_page_for_offset (kase, cf_claim_get_document_id (claim),
                                              cf_claim_get_start (claim), NULL);

      if (page > 0)
        /* TRANSLATORS: a claim's character span in its document and the PDF page it is on */
        span = g_strdup_printf (_("%d–%d (p. %d)"), cf_claim_get_start (claim), cf_claim_get_end (claim), page);
      else
        span = g_strdup_printf ("%d–%d", cf_claim_get_start (claim), cf_claim_get_end (claim));
    }
  else
    {
      /* an assumption or absence is the analyst's: no document, no span */
      document = g_strdup (cf_evidence_kind_to_label (cf_claim_get_kind (claim)));
      span = g_strdup ("");
    }
  summary = cf_rating_format_summary (cf_claim_get_reliability (claim),
                                      cf_claim_get_credibility (claim),
                                      cf_claim_get_likelihood (claim),
                                      cf_claim_get_confidence (claim));
  cf_cli_table_add_row (table, _("Document:"), document);
  cf_cli_table_add_row (table, _("Span:"), span);
  cf_cli_table_add_row (table, _("Actor:"), cf_claim_get_actor_name (claim));
  cf_cli_table_add_row (table, _("Rating:"), summary);
  cf_cli_table_add_row (table, _("Tags:"), cf_claim_get_tag_names (claim));
  event_time = cf_case_get_claim_event_time (kase, claim_id, &error);
  if (event_time == NULL && error != NULL)
    return cf_cli_report_error (error);
  if (event_time != NULL)
    {
      g_autofree char *text = describe_event_time (event_time);

      cf_cli_table_add_row (table, _("Event time:"), text);
    }

  hypotheses = cf_case_list_hypotheses (kase);
  for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
    {
      g_autoptr(CfHypothesis) h = g_list_model_get_item (hypotheses, i);
      CfRelation relation = cf_case_get_claim_relation (kase, claim_id,
                                                        cf_hypothesis_get_id (h));
      g_autofree char *text = NULL;

      if (relation == CF_RELATION_NONE)
        continue;
      text = g_strdup_printf ("%s: %s", cf_relation_to_label (relation),
                              cf_hypothesis_get_title (h));
      cf_cli_table_add_row (table, _("Hypothesis:"), text);
    }
  cf_cli_table_print (table);

  if (cf_claim_get_paraphrase (claim) != NULL && *cf_claim_get_paraphrase (claim) != '\0')
    g_print ("\n%s\n  %s\n", _("Paraphrase:"), cf_claim_get_paraphrase (claim));

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CfNote) note = g_list_model_get_item (notes, i);

      g_print ("\n%s %" G_GINT64_FORMAT " (%s):\n  %s\n", _("Note"), cf_note_get_id (note),
               cf_note_get_modified (note), cf_note_get_body (note));
    }

  return CF_CLI_EXIT_OK;
}

/* Links two claims as accounts of the same event (the timeline's consistency checks
 * compare their times), or unlinks them; prints the claim's links as JSON. */
static int
link_claims (int       argc,
             char    **argv,
             gboolean  link)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) links = NULL;
  gint64 claim_id, other_id;
  JsonObject *o;
  JsonArray *same_event;

  context = cf_cli_option_context_new (_("CASE ID OTHER_ID"),
                                       link ? _("Say that two claims are about the same event, so the "
                                                "timeline checks that their times agree. Prints the "
                                                "claim's links as JSON.")
                                            : _("Say that two claims are not about the same event after "
                                                "all. Prints the claim's links as JSON."),
                                       NULL);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE ID OTHER_ID")) ||
      !cf_cli_parse_id (argv[2], _("claim"), &claim_id) ||
      !cf_cli_parse_id (argv[3], _("claim"), &other_id))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (link ? !cf_case_link_claims (kase, claim_id, other_id, &error)
           : !cf_case_unlink_claims (kase, claim_id, other_id, &error))
    return cf_cli_report_error (error);
  links = cf_case_list_claim_links (kase, claim_id, &error);
  if (links == NULL)
    return cf_cli_report_error (error);

  o = json_object_new ();
  json_object_set_int_member (o, "id", claim_id);
  same_event = json_array_new ();
  for (guint i = 0; i + 1 < links->len; i += 2)
    {
      gint64 a = g_array_index (links, gint64, i);
      gint64 b = g_array_index (links, gint64, i + 1);

      json_array_add_int_element (same_event, a == claim_id ? b : a);
    }
  json_object_set_array_member (o, "same_event", same_event);
  cf_cli_print_object (o);
  return CF_CLI_EXIT_OK;
}

static int
claim_link (int    argc,
            char **argv)
{
  return link_claims (argc, argv, TRUE);
}

static int
claim_unlink (int    argc,
              char **argv)
{
  return link_claims (argc, argv, FALSE);
}

static const CfCliSubcommand claim_actions[] = {
  { "add", claim_add, N_("Highlight a passage as a claim, rated and tagged") },
  { "rate", claim_rate, N_("Change the actor, ratings or paraphrase of a claim") },
  { "tag", claim_tag, N_("Give a claim tags") },
  { "untag", claim_untag, N_("Take tags off a claim") },
  { "relate", claim_relate, N_("Say how a claim bears on a hypothesis") },
  { "link", claim_link, N_("Say that two claims are about the same event") },
  { "unlink", claim_unlink, N_("Say that two claims are not about the same event") },
  { "show", claim_show, N_("Show a claim with its notes") },
  { "delete", claim_delete, N_("Delete a claim") },
  { NULL }
};

int
cf_cli_claim (int    argc,
              char **argv)
{
  return cf_cli_dispatch_subcommand (argc, argv, claim_actions,
                                     N_("Add, rate, tag, relate, link, show or delete the "
                                        "claims of a case."));
}
