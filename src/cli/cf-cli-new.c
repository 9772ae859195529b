/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli new: create a case file. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

typedef struct
{
  CfCaseField field;
  const char *value;   /* NULL: not given */
} Field;

typedef struct
{
  Field  *fields;
  guint   n_fields;
  guint   failed;      /* out: the field that could not be set */
} Describe;

static gboolean
describe_edits (CfCase   *kase,
                gpointer  data,
                GError  **error)
{
  Describe *d = data;

  for (d->failed = 0; d->failed < d->n_fields; d->failed++)
    {
      Field *f = &d->fields[d->failed];

      if (f->value != NULL && !cf_case_set_info (kase, f->field, f->value, error))
        return FALSE;
    }

  return TRUE;
}

int
cf_cli_new (int    argc,
            char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *marking = NULL;
  g_autofree char *analyst = NULL;
  g_autofree char *incident_date = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title of the case (required)"), N_("TITLE") },
    { "summary", 's', 0, G_OPTION_ARG_STRING, &summary, N_("Bottom line up front"), N_("TEXT") },
    { "marking", 'm', 0, G_OPTION_ARG_STRING, &marking, N_("Handling marking, e.g. “UNCLASSIFIED”"), N_("MARKING") },
    { "analyst", 'a', 0, G_OPTION_ARG_STRING, &analyst, N_("Name of the analyst"), N_("NAME") },
    { "incident-date", 'd', 0, G_OPTION_ARG_STRING, &incident_date, N_("Date of the incident (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  Describe describe;
  Field fields[] = {
    { CF_CASE_FIELD_SUMMARY, NULL },
    { CF_CASE_FIELD_MARKING, NULL },
    { CF_CASE_FIELD_ANALYST, NULL },
    { CF_CASE_FIELD_INCIDENT_DATE, NULL },
  };

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Create a new case file at CASE (which must not "
                                         "exist yet)."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE --title TITLE")))
    return CF_CLI_EXIT_USAGE;

  if (title == NULL || *title == '\0')
    {
      cf_cli_error (_("A new case needs a title: add --title TITLE"));
      return CF_CLI_EXIT_USAGE;
    }
  if (!cf_cli_check_date (incident_date, "--incident-date"))
    return CF_CLI_EXIT_USAGE;

  kase = cf_case_create (argv[1], title, &error);
  if (kase == NULL)
    {
      cf_cli_error (_("Cannot create “%s”: %s"), argv[1], error->message);
      return CF_CLI_EXIT_FAILURE;
    }

  fields[0].value = summary;
  fields[1].value = marking;
  fields[2].value = analyst;
  fields[3].value = incident_date;

  describe = (Describe) { fields, G_N_ELEMENTS (fields), 0 };
  if (!cf_cli_run_action (kase, _("Describe the case"), describe_edits, &describe, &error))
    {
      if (describe.failed < G_N_ELEMENTS (fields))
        cf_cli_error (_("The case was created, but setting its %s failed: %s"),
                      cf_case_field_to_name (fields[describe.failed].field), error->message);
      else
        cf_cli_report_error (error);
      return CF_CLI_EXIT_FAILURE;
    }

  return CF_CLI_EXIT_OK;
}
