/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief's options: their defaults, the codes the CLI and settings use for them,
 * and the paper sizes (with the locale's choice for "auto"). Kept apart because
 * they need nothing of a case and are used before any brief exists. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "cf-brief-private.h"

void
cf_brief_options_init (CfBriefOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->group_by = CF_BRIEF_GROUP_BY_TAG;
  options->include_notes = TRUE;
  options->min_confidence = CF_CONFIDENCE_NONE;
  options->paper = CF_BRIEF_PAPER_AUTO;
  options->date = NULL;
}

const char *
cf_brief_group_by_to_code (CfBriefGroupBy group_by)
{
  return group_by == CF_BRIEF_GROUP_BY_HYPOTHESIS ? "hypothesis" : "tag";
}

gboolean
cf_brief_group_by_from_code (const char     *code,
                             CfBriefGroupBy *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (code == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (code, "tag") == 0 || g_ascii_strcasecmp (code, "tags") == 0)
    *out = CF_BRIEF_GROUP_BY_TAG;
  else if (g_ascii_strcasecmp (code, "hypothesis") == 0 ||
           g_ascii_strcasecmp (code, "hypotheses") == 0)
    *out = CF_BRIEF_GROUP_BY_HYPOTHESIS;
  else
    return FALSE;
  return TRUE;
}

const char *
cf_brief_paper_to_code (CfBriefPaper paper)
{
  switch (paper)
    {
    case CF_BRIEF_PAPER_A4:
      return "a4";
    case CF_BRIEF_PAPER_LETTER:
      return "letter";
    case CF_BRIEF_PAPER_AUTO:
    default:
      return "auto";
    }
}

gboolean
cf_brief_paper_from_code (const char   *code,
                          CfBriefPaper *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (code == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (code, "a4") == 0)
    *out = CF_BRIEF_PAPER_A4;
  else if (g_ascii_strcasecmp (code, "letter") == 0 ||
           g_ascii_strcasecmp (code, "us-letter") == 0)
    *out = CF_BRIEF_PAPER_LETTER;
  else if (g_ascii_strcasecmp (code, "auto") == 0)
    *out = CF_BRIEF_PAPER_AUTO;
  else
    return FALSE;
  return TRUE;
}

static CfBriefPaper
paper_from_locale (void)
{
#ifdef __GLIBC__
  /* glibc answers LC_PAPER's width in millimetres through the pointer; 216 mm is
   * US Letter (the US, Canada and a few others), everything else prints on A4. */
  union { const char *string; guintptr word; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if ((guint) width.word == 216)
    return CF_BRIEF_PAPER_LETTER;
#endif
  return CF_BRIEF_PAPER_A4;
}

void
cf_brief_paper_get_size (CfBriefPaper  paper,
                         double       *width,
                         double       *height)
{
  if (paper == CF_BRIEF_PAPER_AUTO)
    paper = paper_from_locale ();

  if (paper == CF_BRIEF_PAPER_LETTER)
    {
      if (width != NULL)
        *width = 8.5 * 72.0;
      if (height != NULL)
        *height = 11.0 * 72.0;
    }
  else
    {
      if (width != NULL)
        *width = 210.0 * MM;
      if (height != NULL)
        *height = 297.0 * MM;
    }
}
