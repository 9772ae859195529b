/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli brief: the summary brief as a PDF, drawn by the same renderer the
 * app prints with. */

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>

#include "cf-brief.h"
#include "cf-cli.h"

#define BRIEF_USAGE N_("CASE -o FILE.pdf")

/* Accepts "2026-05-03", "2026-05-03T10:00:00Z" or a full ISO 8601 date-time. */
static GDateTime *
parse_date (const char *text)
{
  g_autofree char *with_time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *date;

  date = g_date_time_new_from_iso8601 (text, utc);
  if (date != NULL)
    return date;
  with_time = g_strconcat (text, "T00:00:00Z", NULL);
  return g_date_time_new_from_iso8601 (with_time, utc);
}

int
cf_cli_brief (int    argc,
              char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *min_confidence = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *date = NULL;
  gboolean no_notes = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the brief to FILE (a PDF)"), N_("FILE") },
    { "group-by", 'g', 0, G_OPTION_ARG_STRING, &group_by,
      N_("Group claims by “tag” (the default) or “hypothesis”"), N_("tag|hypothesis") },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &no_notes,
      N_("Leave the analyst’s notes out"), NULL },
    { "min-confidence", 'c', 0, G_OPTION_ARG_STRING, &min_confidence,
      N_("Leave out claims rated below this confidence"), N_("low|moderate|high") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper,
      N_("Paper size: “a4”, “letter” or “auto” (from the locale, the default)"), N_("a4|letter|auto") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("Date the brief (ISO 8601) instead of today, for a reproducible PDF; "
         "$SOURCE_DATE_EPOCH works too"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) brief_date = NULL;
  CfBriefOptions options;

  cf_brief_options_init (&options);

  context = cf_cli_option_context_new (_(BRIEF_USAGE),
                                       _("Print the summary brief of a case to a PDF: handling "
                                         "marking, bottom line up front, key judgments, claims "
                                         "with their sources and ratings, the source list and "
                                         "notes."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _(BRIEF_USAGE)))
    return CF_CLI_EXIT_USAGE;

  if (output == NULL)
    {
      cf_cli_error (_("Say where to write the brief: -o FILE.pdf"));
      return CF_CLI_EXIT_USAGE;
    }
  if (group_by != NULL && !cf_brief_group_by_from_code (group_by, &options.group_by))
    {
      cf_cli_error (_("Unknown grouping “%s”: use “tag” or “hypothesis”."), group_by);
      return CF_CLI_EXIT_USAGE;
    }
  if (min_confidence != NULL && !cf_cli_parse_confidence (min_confidence, &options.min_confidence))
    return CF_CLI_EXIT_USAGE;
  if (paper != NULL && !cf_brief_paper_from_code (paper, &options.paper))
    {
      cf_cli_error (_("Unknown paper size “%s”: use “a4”, “letter” or “auto”."), paper);
      return CF_CLI_EXIT_USAGE;
    }
  if (date != NULL)
    {
      brief_date = parse_date (date);
      if (brief_date == NULL)
        {
          cf_cli_error (_("“%s” is not a date: write it as 2026-05-03 or 2026-05-03T10:00:00Z."),
                        date);
          return CF_CLI_EXIT_USAGE;
        }
      options.date = brief_date;
    }
  options.include_notes = !no_notes;

  kase = cf_cli_open_case (argv[1], TRUE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  brief = cf_brief_new (kase, &options, &error);
  if (brief == NULL)
    return cf_cli_report_error (error);

  /* Past a file size limit (ulimit -f) the kernel kills a writer with SIGXFSZ,
   * which would leave the temporary file behind; ignored, the write fails with
   * EFBIG and the core cleans up and says so. */
  signal (SIGXFSZ, SIG_IGN);
  if (!cf_brief_write_pdf (brief, output, &error))
    return cf_cli_report_error (error);

  return CF_CLI_EXIT_OK;
}
