/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rating scales: one table per scale (code, translatable label, range) and the
 * functions that read them. Every function is written out by name so it can be
 * found with grep; the tables are the single place a scale is defined. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-scales.h"

typedef struct
{
  const char *code;
  const char *label;   /* N_() */
  const char *range;
} ScaleEntry;

static const ScaleEntry reliability_scale[] = {
  { NULL, N_("Not rated"), NULL },
  { "A", N_("Completely reliable"), NULL },
  { "B", N_("Usually reliable"), NULL },
  { "C", N_("Fairly reliable"), NULL },
  { "D", N_("Not usually reliable"), NULL },
  { "E", N_("Unreliable"), NULL },
  { "F", N_("Reliability cannot be judged"), NULL },
};

static const ScaleEntry credibility_scale[] = {
  { NULL, N_("Not rated"), NULL },
  { "1", N_("Confirmed by other sources"), NULL },
  { "2", N_("Probably true"), NULL },
  { "3", N_("Possibly true"), NULL },
  { "4", N_("Doubtful"), NULL },
  { "5", N_("Improbable"), NULL },
  { "6", N_("Truth cannot be judged"), NULL },
};

static const ScaleEntry likelihood_scale[] = {
  { NULL, N_("Not rated"), NULL },
  { "almost-no-chance", N_("Almost no chance"), "01–05%" },
  { "very-unlikely", N_("Very unlikely"), "05–20%" },
  { "unlikely", N_("Unlikely"), "20–45%" },
  { "roughly-even-chance", N_("Roughly even chance"), "45–55%" },
  { "likely", N_("Likely"), "55–80%" },
  { "very-likely", N_("Very likely"), "80–95%" },
  { "almost-certain", N_("Almost certain"), "95–99%" },
};

static const ScaleEntry confidence_scale[] = {
  { NULL, N_("Not rated"), NULL },
  { "low", N_("Low"), NULL },
  { "moderate", N_("Moderate"), NULL },
  { "high", N_("High"), NULL },
};

static const ScaleEntry relation_scale[] = {
  { NULL, N_("Not assessed"), NULL },
  { "C", N_("Consistent"), NULL },
  { "I", N_("Inconsistent"), NULL },
  { "N", N_("Neutral"), NULL },
  { "CC", N_("Very consistent"), NULL },
  { "II", N_("Very inconsistent"), NULL },
  { "NA", N_("Not applicable"), NULL },
};

/* Compares a user's word with a code or label: case and the separators
 * space, dash and underscore do not matter. */
static gboolean
loose_equal (const char *a,
             const char *b)
{
  for (;;)
    {
      while (*a == ' ' || *a == '-' || *a == '_')
        a++;
      while (*b == ' ' || *b == '-' || *b == '_')
        b++;
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return FALSE;
      a++;
      b++;
    }
}

/* The value @code names in @scale, or -1. */
static int
scale_parse (const ScaleEntry *scale,
             guint             n,
             const char       *code)
{
  if (code == NULL)
    return -1;

  for (guint i = 1; i < n; i++)
    if (loose_equal (code, scale[i].code) || loose_equal (code, scale[i].label))
      return (int) i;

  if (loose_equal (code, "none") || loose_equal (code, "not rated") || *code == '\0')
    return 0;

  return -1;
}

/* Each table has one row per enum value, "not rated" first. */
G_STATIC_ASSERT (G_N_ELEMENTS (reliability_scale) == CF_RELIABILITY_LAST + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (credibility_scale) == CF_CREDIBILITY_LAST + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (likelihood_scale) == CF_LIKELIHOOD_LAST + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (confidence_scale) == CF_CONFIDENCE_LAST + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (relation_scale) == CF_RELATION_LAST + 1);

/* --- reliability --- */

const char *
cf_reliability_to_code (CfReliability value)
{
  g_return_val_if_fail ((guint) value <= CF_RELIABILITY_LAST, NULL);
  return reliability_scale[value].code;
}

const char *
cf_reliability_to_label (CfReliability value)
{
  g_return_val_if_fail ((guint) value <= CF_RELIABILITY_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, reliability_scale[value].label);
}

gboolean
cf_reliability_from_code (const char    *code,
                          CfReliability *out)
{
  int value = scale_parse (reliability_scale, G_N_ELEMENTS (reliability_scale), code);

  if (value >= 0 && out != NULL)
    *out = (CfReliability) value;
  return value >= 0;
}

/* --- credibility --- */

const char *
cf_credibility_to_code (CfCredibility value)
{
  g_return_val_if_fail ((guint) value <= CF_CREDIBILITY_LAST, NULL);
  return credibility_scale[value].code;
}

const char *
cf_credibility_to_label (CfCredibility value)
{
  g_return_val_if_fail ((guint) value <= CF_CREDIBILITY_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, credibility_scale[value].label);
}

gboolean
cf_credibility_from_code (const char    *code,
                          CfCredibility *out)
{
  int value = scale_parse (credibility_scale, G_N_ELEMENTS (credibility_scale), code);

  if (value >= 0 && out != NULL)
    *out = (CfCredibility) value;
  return value >= 0;
}

/* --- likelihood --- */

const char *
cf_likelihood_to_code (CfLikelihood value)
{
  g_return_val_if_fail ((guint) value <= CF_LIKELIHOOD_LAST, NULL);
  return likelihood_scale[value].code;
}

const char *
cf_likelihood_to_label (CfLikelihood value)
{
  g_return_val_if_fail ((guint) value <= CF_LIKELIHOOD_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, likelihood_scale[value].label);
}

gboolean
cf_likelihood_from_code (const char   *code,
                         CfLikelihood *out)
{
  int value = scale_parse (likelihood_scale, G_N_ELEMENTS (likelihood_scale), code);

  if (value >= 0 && out != NULL)
    *out = (CfLikelihood) value;
  return value >= 0;
}

/* --- confidence --- */

const char *
cf_confidence_to_code (CfConfidence value)
{
  g_return_val_if_fail ((guint) value <= CF_CONFIDENCE_LAST, NULL);
  return confidence_scale[value].code;
}

const char *
cf_confidence_to_label (CfConfidence value)
{
  g_return_val_if_fail ((guint) value <= CF_CONFIDENCE_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, confidence_scale[value].label);
}

gboolean
cf_confidence_from_code (const char   *code,
                         CfConfidence *out)
{
  int value = scale_parse (confidence_scale, G_N_ELEMENTS (confidence_scale), code);

  if (value >= 0 && out != NULL)
    *out = (CfConfidence) value;
  return value >= 0;
}

/* --- relation --- */

const char *
cf_relation_to_code (CfRelation value)
{
  g_return_val_if_fail ((guint) value <= CF_RELATION_LAST, NULL);
  return relation_scale[value].code;
}

const char *
cf_relation_to_label (CfRelation value)
{
  g_return_val_if_fail ((guint) value <= CF_RELATION_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, relation_scale[value].label);
}

gboolean
cf_relation_from_code (const char *code,
                       CfRelation *out)
{
  int value = scale_parse (relation_scale, G_N_ELEMENTS (relation_scale), code);

  if (value >= 0 && out != NULL)
    *out = (CfRelation) value;
  return value >= 0;
}

const char *
cf_likelihood_to_range (CfLikelihood value)
{
  g_return_val_if_fail ((guint) value <= CF_LIKELIHOOD_LAST, NULL);
  return likelihood_scale[value].range;
}

char *
cf_rating_format_grade (CfReliability reliability,
                        CfCredibility credibility)
{
  return g_strconcat (reliability ? cf_reliability_to_code (reliability) : "",
                      credibility ? cf_credibility_to_code (credibility) : "",
                      NULL);
}

char *
cf_rating_format_summary (CfReliability reliability,
                          CfCredibility credibility,
                          CfLikelihood  likelihood,
                          CfConfidence  confidence)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *grade = cf_rating_format_grade (reliability, credibility);

  if (*grade != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&grade));
  if (likelihood != CF_LIKELIHOOD_NONE)
    g_ptr_array_add (parts, g_utf8_strdown (cf_likelihood_to_label (likelihood), -1));
  if (confidence != CF_CONFIDENCE_NONE)
    {
      g_autofree char *level = g_utf8_strdown (cf_confidence_to_label (confidence), -1);

      /* TRANSLATORS: %s is a confidence level: low, moderate or high */
      g_ptr_array_add (parts, g_strdup_printf (_("%s confidence"), level));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}
