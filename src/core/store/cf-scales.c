/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  { NULL, N_("No relation"), NULL },
  { "consistent", N_("Consistent"), NULL },
  { "inconsistent", N_("Inconsistent"), NULL },
  { "neutral", N_("Neutral"), NULL },
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

static gboolean
scale_parse (const ScaleEntry *scale,
             guint             n,
             const char       *code,
             guint            *out)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 1; i < n; i++)
    {
      if (loose_equal (code, scale[i].code) || loose_equal (code, scale[i].label))
        {
          *out = i;
          return TRUE;
        }
    }

  if (loose_equal (code, "none") || loose_equal (code, "not rated") || *code == '\0')
    {
      *out = 0;
      return TRUE;
    }

  return FALSE;
}

#define DEFINE_SCALE(Name, name, Type, scale)                                     \
  const char *                                                                    \
  cf_##name##_to_code (Type value)                                                \
  {                                                                               \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (scale), NULL);            \
    return scale[value].code;                                                     \
  }                                                                               \
  const char *                                                                    \
  cf_##name##_to_label (Type value)                                                \
  {                                                                               \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (scale), NULL);            \
    return g_dgettext (GETTEXT_PACKAGE, scale[value].label);                      \
  }                                                                               \
  gboolean                                                                        \
  cf_##name##_from_code (const char *code,                                        \
                         Type       *out)                                         \
  {                                                                               \
    guint v;                                                                      \
    if (!scale_parse (scale, G_N_ELEMENTS (scale), code, &v))                     \
      return FALSE;                                                               \
    if (out != NULL)                                                              \
      *out = (Type) v;                                                            \
    return TRUE;                                                                  \
  }

DEFINE_SCALE (Reliability, reliability, CfReliability, reliability_scale)
DEFINE_SCALE (Credibility, credibility, CfCredibility, credibility_scale)
DEFINE_SCALE (Likelihood, likelihood, CfLikelihood, likelihood_scale)
DEFINE_SCALE (Confidence, confidence, CfConfidence, confidence_scale)
DEFINE_SCALE (Relation, relation, CfRelation, relation_scale)

const char *
cf_likelihood_to_range (CfLikelihood value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (likelihood_scale), NULL);
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
