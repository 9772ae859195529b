/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli list: the records of a case, as a table or as JSON lines. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"
#include "cf-record-list.h"

typedef struct
{
  CfCase     *kase;
  gboolean    json;
  gint64      document_id;
  gint64      claim_id;
  char       *tag;
  gint64      hypothesis_id;
  char       *actor;
  char       *text;
  char       *sort;
  gboolean    descending;
  gboolean    case_notes;
  int         limit;
} ListOptions;

static char *
format_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A damaged page or an I/O error while reading leaves rows out of a list: say so
 * instead of printing a shorter list as if it were the whole case. */
static gboolean
read_failed (GListModel *model)
{
  const GError *error = cf_record_list_get_error (CF_RECORD_LIST (model));

  if (error == NULL)
    return FALSE;
  cf_cli_error (_("Could not read the whole case: %s Run “casefile-cli check CASE” to "
                  "see what is damaged."), error->message);
  return TRUE;
}

static int
list_documents (ListOptions *opts)
{
  g_autoptr(GListModel) model = cf_case_list_documents (opts->kase);
  g_autoptr(CfCliTable) table = NULL;

  table = cf_cli_table_new (5, _("ID"), _("Claims"), _("Published"), _("Publisher"), _("Title"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfDocument) document = g_list_model_get_item (model, i);

      if (document == NULL)
        continue;
      if (opts->json)
        {
          cf_cli_print_object (cf_cli_document_to_json (document));
        }
      else
        {
          g_autofree char *id = format_int (cf_document_get_id (document));
          g_autofree char *claims = format_int (cf_document_get_claim_count (document));

          cf_cli_table_add_row (table, id, claims, cf_document_get_published (document),
                                cf_document_get_publisher (document),
                                cf_document_get_title (document));
        }
    }

  if (!opts->json)
    cf_cli_table_print (table);

  if (read_failed (model))
    return CF_CLI_EXIT_FAILURE;
  return CF_CLI_EXIT_OK;
}

static gboolean
parse_sort (const char  *name,
            CfClaimSort *out)
{
  static const struct { const char *name; CfClaimSort sort; } sorts[] = {
    { "position", CF_CLAIM_SORT_POSITION },
    { "created", CF_CLAIM_SORT_CREATED },
    { "quote", CF_CLAIM_SORT_QUOTE },
    { "actor", CF_CLAIM_SORT_ACTOR },
    { "grade", CF_CLAIM_SORT_GRADE },
    { "likelihood", CF_CLAIM_SORT_LIKELIHOOD },
    { "confidence", CF_CLAIM_SORT_CONFIDENCE },
    { "document", CF_CLAIM_SORT_DOCUMENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      if (g_ascii_strcasecmp (sorts[i].name, name) == 0)
        {
          *out = sorts[i].sort;
          return TRUE;
        }
    }

  cf_cli_error (_("“%s” is not a sort order; use one of: position, created, quote, "
                  "actor, grade, likelihood, confidence, document"), name);
  return FALSE;
}

static gint64
find_actor (CfCase     *kase,
            const char *name)
{
  g_autoptr(GListModel) actors = cf_case_list_actors (kase);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(CfActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *folded = NULL;

      if (actor == NULL)
        continue;
      folded = g_utf8_casefold (cf_actor_get_name (actor), -1);
      if (g_str_equal (folded, wanted))
        return cf_actor_get_id (actor);
    }

  return 0;
}

static int
list_claims (ListOptions *opts)
{
  g_autoptr(GListModel) model = cf_case_list_claims (opts->kase);
  CfRecordList *list = CF_RECORD_LIST (model);
  g_autoptr(CfCliTable) table = NULL;
  g_autoptr(CfCliClaimWriter) writer = NULL;
  guint n_items;

  if (opts->sort != NULL)
    {
      CfClaimSort sort;

      if (!parse_sort (opts->sort, &sort))
        return CF_CLI_EXIT_USAGE;
      cf_record_list_set_sort (list, sort, opts->descending);
    }
  else if (opts->descending)
    {
      cf_record_list_set_sort (list, CF_CLAIM_SORT_POSITION, TRUE);
    }

  if (opts->document_id != 0)
    cf_record_list_set_document (list, opts->document_id);
  if (opts->hypothesis_id != 0)
    cf_record_list_set_hypothesis (list, opts->hypothesis_id);
  if (opts->tag != NULL)
    {
      gint64 tag_id = cf_cli_find_tag (opts->kase, opts->tag);

      if (tag_id == 0)
        return CF_CLI_EXIT_FAILURE;
      cf_record_list_set_tag (list, tag_id);
    }
  if (opts->actor != NULL)
    {
      gint64 actor_id = find_actor (opts->kase, opts->actor);

      if (actor_id == 0)
        {
          cf_cli_error (_("There is no actor “%s” in this case; see “casefile-cli list "
                          "CASE actors”"), opts->actor);
          return CF_CLI_EXIT_FAILURE;
        }
      cf_record_list_set_actor (list, actor_id);
    }
  if (opts->text != NULL)
    cf_record_list_set_text_filter (list, opts->text);

  table = cf_cli_table_new (7, _("ID"), _("Doc"), _("Grade"), _("Likelihood"),
                            _("Actor"), _("Tags"), _("Quote"));
  if (opts->json)
    writer = cf_cli_claim_writer_new (opts->kase);

  n_items = g_list_model_get_n_items (model);
  if (opts->limit > 0)
    n_items = MIN (n_items, (guint) opts->limit);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (model, i);

      if (claim == NULL)
        continue;
      if (opts->json)
        {
          cf_cli_print_object (cf_cli_claim_writer_to_json (writer, claim));
        }
      else
        {
          g_autofree char *id = format_int (cf_claim_get_id (claim));
          /* an assumption or absence shows its kind where a quote shows its document */
          g_autofree char *doc = cf_claim_get_document_id (claim) > 0
                                 ? format_int (cf_claim_get_document_id (claim))
                                 : g_strdup (cf_evidence_kind_to_code (cf_claim_get_kind (claim)));

          cf_cli_table_add_row (table, id, doc, cf_claim_get_grade (claim),
                                cf_likelihood_to_code (cf_claim_get_likelihood (claim)),
                                cf_claim_get_actor_name (claim),
                                cf_claim_get_tag_names (claim),
                                cf_claim_get_quote (claim));
        }
    }

  if (!opts->json)
    cf_cli_table_print (table);

  if (read_failed (model))
    return CF_CLI_EXIT_FAILURE;
  return CF_CLI_EXIT_OK;
}

static int
list_tags (ListOptions *opts)
{
  g_autoptr(GListModel) model = cf_case_list_tags (opts->kase);
  g_autoptr(CfCliTable) table = NULL;

  table = cf_cli_table_new (4, _("ID"), _("Colour"), _("Claims"), _("Tag"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfTag) tag = g_list_model_get_item (model, i);

      if (tag == NULL)
        continue;
      if (opts->json)
        {
          cf_cli_print_object (cf_cli_tag_to_json (tag));
        }
      else
        {
          g_autofree char *id = format_int (cf_tag_get_id (tag));
          g_autofree char *claims = format_int (cf_tag_get_claim_count (tag));
          g_autofree char *indent = g_strnfill (2 * cf_tag_get_depth (tag), ' ');
          g_autofree char *name = g_strconcat (indent, cf_tag_get_name (tag), NULL);

          cf_cli_table_add_row (table, id, cf_tag_get_color (tag), claims, name);
        }
    }

  if (!opts->json)
    cf_cli_table_print (table);

  if (read_failed (model))
    return CF_CLI_EXIT_FAILURE;
  return CF_CLI_EXIT_OK;
}

static int
list_actors (ListOptions *opts)
{
  g_autoptr(GListModel) model = cf_case_list_actors (opts->kase);
  g_autoptr(CfCliTable) table = NULL;

  table = cf_cli_table_new (3, _("ID"), _("Claims"), _("Actor"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfActor) actor = g_list_model_get_item (model, i);

      if (actor == NULL)
        continue;
      if (opts->json)
        {
          cf_cli_print_object (cf_cli_actor_to_json (actor));
        }
      else
        {
          g_autofree char *id = format_int (cf_actor_get_id (actor));
          g_autofree char *claims = format_int (cf_actor_get_claim_count (actor));

          cf_cli_table_add_row (table, id, claims, cf_actor_get_name (actor));
        }
    }

  if (!opts->json)
    cf_cli_table_print (table);

  if (read_failed (model))
    return CF_CLI_EXIT_FAILURE;
  return CF_CLI_EXIT_OK;
}

static int
list_hypotheses (ListOptions *opts)
{
  g_autoptr(GListModel) model = cf_case_list_hypotheses (opts->kase);
  g_autoptr(CfCliTable) table = NULL;

  table = cf_cli_table_new (6, _("ID"), _("Likelihood"), _("Confidence"),
                            _("Consistent"), _("Inconsistent"), _("Hypothesis"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfHypothesis) h = g_list_model_get_item (model, i);

      if (h == NULL)
        continue;
      if (opts->json)
        {
          cf_cli_print_object (cf_cli_hypothesis_to_json (h));
        }
      else
        {
          g_autofree char *id = format_int (cf_hypothesis_get_id (h));
          g_autofree char *consistent = format_int (cf_hypothesis_get_n_consistent (h));
          g_autofree char *inconsistent = format_int (cf_hypothesis_get_n_inconsistent (h));

          cf_cli_table_add_row (table, id,
                                cf_likelihood_to_code (cf_hypothesis_get_likelihood (h)),
                                cf_confidence_to_code (cf_hypothesis_get_confidence (h)),
                                consistent, inconsistent, cf_hypothesis_get_title (h));
        }
    }

  if (!opts->json)
    cf_cli_table_print (table);

  if (read_failed (model))
    return CF_CLI_EXIT_FAILURE;
  return CF_CLI_EXIT_OK;
}

static gboolean
add_notes (ListOptions  *opts,
           CfCliTable   *table,
           CfNoteTarget  target,
           gint64        target_id)
{
  g_autoptr(GListModel) model = cf_case_list_notes (opts->kase, target, target_id);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfNote) note = g_list_model_get_item (model, i);

      if (note == NULL)
        continue;
      if (opts->json)
        {
          cf_cli_print_object (cf_cli_note_to_json (note));
        }
      else
        {
          g_autofree char *id = format_int (cf_note_get_id (note));
          g_autofree char *on = NULL;

          if (target == CF_NOTE_TARGET_CASE)
            on = g_strdup (cf_note_target_to_code (target));
          else
            on = g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                  cf_note_target_to_code (target), target_id);
          cf_cli_table_add_row (table, id, on, cf_note_get_modified (note),
                                cf_note_get_body (note));
        }
    }

  return !read_failed (model);
}

static int
list_notes (ListOptions *opts)
{
  g_autoptr(CfCliTable) table = NULL;
  gboolean all = !opts->case_notes && opts->document_id == 0 && opts->claim_id == 0;
  gboolean ok = TRUE;

  table = cf_cli_table_new (4, _("ID"), _("On"), _("Modified"), _("Note"));

  if (all || opts->case_notes)
    ok &= add_notes (opts, table, CF_NOTE_TARGET_CASE, 0);
  if (opts->document_id != 0)
    ok &= add_notes (opts, table, CF_NOTE_TARGET_DOCUMENT, opts->document_id);
  if (opts->claim_id != 0)
    ok &= add_notes (opts, table, CF_NOTE_TARGET_CLAIM, opts->claim_id);

  if (all)
    {
      /* there is no list of every note: walk the documents, then the claims */
      g_autoptr(GListModel) documents = cf_case_list_documents (opts->kase);
      g_autoptr(GListModel) claims = cf_case_list_claims (opts->kase);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(CfDocument) document = g_list_model_get_item (documents, i);

          if (document == NULL)
            continue;
          ok &= add_notes (opts, table, CF_NOTE_TARGET_DOCUMENT,
                           cf_document_get_id (document));
        }
      for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
        {
          g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);

          if (claim == NULL)
            continue;
          ok &= add_notes (opts, table, CF_NOTE_TARGET_CLAIM, cf_claim_get_id (claim));
        }
      ok &= !read_failed (documents) && !read_failed (claims);
    }

  if (!opts->json)
    cf_cli_table_print (table);

  return ok ? CF_CLI_EXIT_OK : CF_CLI_EXIT_FAILURE;
}

static int
list_changes (ListOptions *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(CfCliTable) table = NULL;

  changes = cf_case_get_changes (opts->kase, MAX (opts->limit, 0), &error);
  if (changes == NULL)
    return cf_cli_report_error (error);

  table = cf_cli_table_new (3, _("ID"), _("When"), _("Change"));
  for (guint i = 0; i < changes->len; i++)
    {
      CfChangeEntry *entry = g_ptr_array_index (changes, i);

      if (opts->json)
        {
          JsonObject *o = json_object_new ();

          json_object_set_int_member (o, "id", entry->id);
          json_object_set_string_member (o, "at", entry->at ? entry->at : "");
          json_object_set_string_member (o, "summary", entry->summary ? entry->summary : "");
          cf_cli_print_object (o);
        }
      else
        {
          g_autofree char *id = format_int (entry->id);

          cf_cli_table_add_row (table, id, entry->at, entry->summary);
        }
    }

  if (!opts->json)
    cf_cli_table_print (table);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_list (int    argc,
             char **argv)
{
  ListOptions opts = { 0 };
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &opts.json, N_("Print one JSON object per line"), NULL },
    { "document", 'd', 0, G_OPTION_ARG_INT64, &opts.document_id, N_("Claims or notes of this document only"), N_("ID") },
    { "claim", 'c', 0, G_OPTION_ARG_INT64, &opts.claim_id, N_("Notes of this claim only"), N_("ID") },
    { "case", 0, 0, G_OPTION_ARG_NONE, &opts.case_notes, N_("Notes on the case itself only"), NULL },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &opts.tag, N_("Claims with this tag only (“Parent/Child” or a name)"), N_("PATH") },
    { "hypothesis", 'H', 0, G_OPTION_ARG_INT64, &opts.hypothesis_id, N_("Claims related to this hypothesis only"), N_("ID") },
    { "actor", 'a', 0, G_OPTION_ARG_STRING, &opts.actor, N_("Claims of this actor only"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &opts.text, N_("Claims whose quote, paraphrase or actor contains TEXT"), N_("TEXT") },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &opts.sort, N_("Order of claims: position, created, quote, actor, grade, likelihood, confidence or document"), N_("ORDER") },
    { "descending", 0, 0, G_OPTION_ARG_NONE, &opts.descending, N_("Reverse the order of claims"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opts.limit, N_("At most N claims or changes"), N_("N") },
    { NULL }
  };
  static const struct { const char *name; int (*func) (ListOptions *); } kinds[] = {
    { "documents", list_documents },
    { "claims", list_claims },
    { "tags", list_tags },
    { "actors", list_actors },
    { "notes", list_notes },
    { "hypotheses", list_hypotheses },
    { "changes", list_changes },
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  int status = CF_CLI_EXIT_USAGE;

  context = cf_cli_option_context_new (_("CASE documents|claims|tags|actors|notes|hypotheses|changes"),
                                       _("List the records of a case: aligned columns for "
                                         "people, or one JSON object per line with --json."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE documents|claims|tags|actors|notes|hypotheses|changes")))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!g_str_equal (kinds[i].name, argv[2]))
        continue;

      kase = cf_cli_open_case (argv[1], TRUE);
      if (kase == NULL)
        {
          status = CF_CLI_EXIT_FAILURE;
          goto out;
        }

      opts.kase = kase;
      status = kinds[i].func (&opts);
      goto out;
    }

  cf_cli_error (_("Cannot list “%s”; use one of: documents, claims, tags, actors, notes, "
                  "hypotheses, changes"), argv[2]);

out:
  g_free (opts.tag);
  g_free (opts.actor);
  g_free (opts.text);
  g_free (opts.sort);
  return status;
}
