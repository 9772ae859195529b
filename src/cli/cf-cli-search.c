/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli search: full-text search over a case. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

static const char *
hit_kind (CfSearchHit *hit)
{
  switch (hit->kind)
    {
    case CF_RECORD_DOCUMENT:
      return "document";
    case CF_RECORD_CLAIM:
      return "claim";
    case CF_RECORD_NOTE:
      return "note";
    case CF_RECORD_HYPOTHESIS:
      return "hypothesis";
    case CF_RECORD_TAG:
      return "tag";
    default:
      return "other";
    }
}

/* Where a person finds the hit: "document 2 @ 341 (2 of 5)", "claim 7", "note 3 on
 * claim 7", "hypothesis 2", "tag 4". */
static char *
hit_place (CfSearchHit *hit)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->id);
  g_autofree char *claim = g_strdup_printf ("%" G_GINT64_FORMAT, hit->claim_id);
  g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, hit->document_id);

  switch (hit->kind)
    {
    case CF_RECORD_DOCUMENT:
      if (hit->start >= 0 && hit->n_occurrences > 1)
        /* TRANSLATORS: document ID @ OFFSET (OCCURRENCE of N) */
        return g_strdup_printf (_("document %s @ %d (%u of %u)"), id, hit->start,
                                hit->occurrence, hit->n_occurrences);
      if (hit->start >= 0)
        return g_strdup_printf (_("document %s @ %d"), id, hit->start);
      return g_strdup_printf (_("document %s"), id);
    case CF_RECORD_CLAIM:
      return g_strdup_printf (_("claim %s"), id);
    case CF_RECORD_NOTE:
      if (hit->claim_id != 0)
        return g_strdup_printf (_("note %s on claim %s"), id, claim);
      if (hit->document_id != 0)
        return g_strdup_printf (_("note %s on document %s"), id, document);
      return g_strdup_printf (_("note %s on the case"), id);
    case CF_RECORD_HYPOTHESIS:
      return g_strdup_printf (_("hypothesis %s"), id);
    case CF_RECORD_TAG:
      return g_strdup_printf (_("tag %s"), id);
    default:
      return g_steal_pointer (&id);
    }
}

int
cf_cli_search (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  int limit = 20;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per hit"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N hits (20 unless given)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(CfCliTable) table = NULL;

  context = cf_cli_option_context_new (_("CASE QUERY"),
                                       _("Search the text and titles of documents, the quotes "
                                         "and paraphrases of claims, the notes, hypotheses and "
                                         "tags. All words must match; use \"quoted phrases\" "
                                         "and prefix*. A document gives one hit per occurrence, "
                                         "marked «like this» in its snippet, at the offset given."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 2, 2, _("CASE QUERY")))
    return CF_CLI_EXIT_USAGE;
  if (limit <= 0)
    {
      cf_cli_error (_("--limit must be a positive number"));
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  hits = cf_case_search (kase, argv[2], limit, &error);
  if (hits == NULL)
    return cf_cli_report_error (error);

  table = cf_cli_table_new (3, _("Kind"), _("Where"), _("Snippet"));
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = g_ptr_array_index (hits, i);

      if (json)
        {
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "kind", hit_kind (hit));
          json_object_set_int_member (o, "id", hit->id);
          if (hit->document_id != 0)
            json_object_set_int_member (o, "document_id", hit->document_id);
          else
            json_object_set_null_member (o, "document_id");
          if (hit->claim_id != 0)
            json_object_set_int_member (o, "claim_id", hit->claim_id);
          else
            json_object_set_null_member (o, "claim_id");
          if (hit->kind == CF_RECORD_NOTE)
            json_object_set_int_member (o, "note_id", hit->id);
          else
            json_object_set_null_member (o, "note_id");
          json_object_set_int_member (o, "start", hit->start);
          json_object_set_int_member (o, "end", hit->end);
          if (hit->kind == CF_RECORD_DOCUMENT && hit->occurrence > 0)
            {
              json_object_set_int_member (o, "occurrence", hit->occurrence);
              json_object_set_int_member (o, "occurrences", hit->n_occurrences);
            }
          if (hit->title != NULL)
            json_object_set_string_member (o, "title", hit->title);
          else
            json_object_set_null_member (o, "title");
          json_object_set_string_member (o, "snippet", hit->snippet ? hit->snippet : "");
          json_object_set_double_member (o, "rank", hit->rank);
          cf_cli_print_object (o);
        }
      else
        {
          g_autofree char *place = hit_place (hit);

          cf_cli_table_add_row (table, hit_kind (hit), place, hit->snippet);
        }
    }

  if (!json)
    {
      if (hits->len == 0)
        g_print (_("Nothing matches “%s”.\n"), argv[2]);
      else
        cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}
