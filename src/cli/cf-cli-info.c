/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli set and info: the fields of a case and of its documents. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

int
cf_cli_set (int    argc,
            char **argv)
{
  gint64 document_id = 0;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_INT64, &document_id, N_("Change a field of this document instead of the case"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  const char *name;
  const char *value;

  context = cf_cli_option_context_new (_("CASE FIELD VALUE"),
                                       _("Change a field of the case: title, summary, "
                                         "incident_date, marking or analyst.\n"
                                         "With --document, a field of a document: title, "
                                         "byline, publisher, url, published, language or captured.\n"
                                         "An empty VALUE clears the field."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 3, 3, _("CASE FIELD VALUE")))
    return CF_CLI_EXIT_USAGE;

  name = argv[2];
  value = *argv[3] != '\0' ? argv[3] : NULL;

  if (document_id != 0)
    {
      CfDocumentField field;

      if (!cf_document_field_from_name (name, &field))
        {
          cf_cli_error (_("“%s” is not a document field; use one of: title, byline, "
                          "publisher, url, published, language, captured"), name);
          return CF_CLI_EXIT_USAGE;
        }
      if ((field == CF_DOCUMENT_FIELD_PUBLISHED || field == CF_DOCUMENT_FIELD_CAPTURED) &&
          !cf_cli_check_date (value, name))
        return CF_CLI_EXIT_USAGE;

      kase = cf_cli_open_case (argv[1], FALSE);
      if (kase == NULL)
        return CF_CLI_EXIT_FAILURE;

      if (!cf_case_set_document_field (kase, document_id, field, value, &error))
        return cf_cli_report_error (error);
    }
  else
    {
      CfCaseField field;

      if (!cf_case_field_from_name (name, &field))
        {
          cf_cli_error (_("“%s” is not a case field; use one of: title, summary, "
                          "incident_date, marking, analyst"), name);
          return CF_CLI_EXIT_USAGE;
        }

      if (field == CF_CASE_FIELD_INCIDENT_DATE && !cf_cli_check_date (value, name))
        return CF_CLI_EXIT_USAGE;
      if (field == CF_CASE_FIELD_TITLE && value == NULL)
        {
          cf_cli_error (_("A case needs a title: give a VALUE that is not empty"));
          return CF_CLI_EXIT_USAGE;
        }

      kase = cf_cli_open_case (argv[1], FALSE);
      if (kase == NULL)
        return CF_CLI_EXIT_FAILURE;

      if (!cf_case_set_info (kase, field, value, &error))
        return cf_cli_report_error (error);
    }

  return CF_CLI_EXIT_OK;
}

static guint
count_items (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  return g_list_model_get_n_items (owned);
}

int
cf_cli_info (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  const CfCaseField fields[] = {
    CF_CASE_FIELD_TITLE, CF_CASE_FIELD_SUMMARY, CF_CASE_FIELD_INCIDENT_DATE,
    CF_CASE_FIELD_MARKING, CF_CASE_FIELD_ANALYST,
  };
  struct { const char *name; const char *label; guint count; } counts[] = {
    { "documents", N_("Documents"), 0 },
    { "claims", N_("Claims"), 0 },
    { "actors", N_("Actors"), 0 },
    { "tags", N_("Tags"), 0 },
    { "hypotheses", N_("Hypotheses"), 0 },
  };
  const char *labels[] = {
    N_("Title"), N_("Summary"), N_("Incident date"), N_("Marking"), N_("Analyst"),
  };

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Show the fields of the case and how many "
                                         "documents, claims, actors, tags and hypotheses "
                                         "it holds."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE")))
    return CF_CLI_EXIT_USAGE;

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  counts[0].count = count_items (cf_case_list_documents (kase));
  counts[1].count = count_items (cf_case_list_claims (kase));
  counts[2].count = count_items (cf_case_list_actors (kase));
  counts[3].count = count_items (cf_case_list_tags (kase));
  counts[4].count = count_items (cf_case_list_hypotheses (kase));

  if (json)
    {
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "path", argv[1]);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *value = cf_case_get_info (kase, fields[i]);

          /* a field never set is null, as in the other JSON rows */
          if (value != NULL && *value != '\0')
            json_object_set_string_member (o, cf_case_field_to_name (fields[i]), value);
          else
            json_object_set_null_member (o, cf_case_field_to_name (fields[i]));
        }
      json_object_set_string_member (o, "case_id", cf_case_get_case_id (kase));
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        json_object_set_int_member (o, counts[i].name, counts[i].count);

      cf_cli_print_object (o);
    }
  else
    {
      g_autoptr(CfCliTable) table = NULL;

      table = cf_cli_table_new (2, _("Field"), _("Value"));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *label = g_strconcat (_(labels[i]), ":", NULL);

          cf_cli_table_add_row (table, label, cf_case_get_info (kase, fields[i]));
        }
      {
        /* TRANSLATORS: the case's identity, 32 hex digits */
        g_autofree char *label = g_strconcat (_("Case id"), ":", NULL);

        cf_cli_table_add_row (table, label, cf_case_get_case_id (kase));
      }
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        {
          g_autofree char *label = g_strconcat (_(counts[i].label), ":", NULL);
          g_autofree char *count = g_strdup_printf ("%u", counts[i].count);

          cf_cli_table_add_row (table, label, count);
        }

      /* the titles of a key/value listing say nothing */
      cf_cli_table_set_show_header (table, FALSE);
      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}
