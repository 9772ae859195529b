/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ratings: the Admiralty grade (source reliability, information credibility), the
 * likelihood and the confidence of claims, and the likelihood and confidence of
 * hypotheses. The six setters differ only in their column, their scale and their
 * undo label, so they are one table and one function. Reliability is stored as
 * its letter code; the others as their number, with 0 (unrated) as NULL. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-case-private.h"

typedef enum
{
  RATING_CLAIM_RELIABILITY,
  RATING_CLAIM_CREDIBILITY,
  RATING_CLAIM_LIKELIHOOD,
  RATING_CLAIM_CONFIDENCE,
  RATING_HYPOTHESIS_LIKELIHOOD,
  RATING_HYPOTHESIS_CONFIDENCE,
} RatingField;

typedef struct
{
  CfRecordKind  kind;
  const char   *sql;       /* ?1 the id, ?2 the value, ?3 the time when the table has it */
  guint         last;      /* the highest value on the scale */
  gboolean      as_code;   /* stored as cf_reliability_to_code() */
  const char   *invalid;   /* the message for a value off the scale */
  const char   *label;     /* the undo label */
} RatingDesc;

static const RatingDesc rating_fields[] = {
  [RATING_CLAIM_RELIABILITY] = {
    CF_RECORD_CLAIM, "UPDATE claims SET reliability = ?2, modified = ?3 WHERE id = ?1",
    CF_RELIABILITY_LAST, TRUE, N_("That is not a reliability rating."), N_("Rate source reliability"),
  },
  [RATING_CLAIM_CREDIBILITY] = {
    CF_RECORD_CLAIM, "UPDATE claims SET credibility = ?2, modified = ?3 WHERE id = ?1",
    CF_CREDIBILITY_LAST, FALSE, N_("That is not a credibility rating."), N_("Rate credibility"),
  },
  [RATING_CLAIM_LIKELIHOOD] = {
    CF_RECORD_CLAIM, "UPDATE claims SET likelihood = ?2, modified = ?3 WHERE id = ?1",
    CF_LIKELIHOOD_LAST, FALSE, N_("That is not a likelihood."), N_("Rate likelihood"),
  },
  [RATING_CLAIM_CONFIDENCE] = {
    CF_RECORD_CLAIM, "UPDATE claims SET confidence = ?2, modified = ?3 WHERE id = ?1",
    CF_CONFIDENCE_LAST, FALSE, N_("That is not a confidence level."), N_("Rate confidence"),
  },
  [RATING_HYPOTHESIS_LIKELIHOOD] = {
    CF_RECORD_HYPOTHESIS, "UPDATE hypotheses SET likelihood = ?2 WHERE id = ?1",
    CF_LIKELIHOOD_LAST, FALSE, N_("That is not a likelihood."), N_("Judge a hypothesis"),
  },
  [RATING_HYPOTHESIS_CONFIDENCE] = {
    CF_RECORD_HYPOTHESIS, "UPDATE hypotheses SET confidence = ?2 WHERE id = ?1",
    CF_CONFIDENCE_LAST, FALSE, N_("That is not a confidence level."), N_("Judge a hypothesis"),
  },
};

static gboolean
set_rating (CfCase       *self,
            RatingField   field,
            gint64        id,
            guint         value,
            GError      **error)
{
  const RatingDesc *desc = &rating_fields[field];

  if (value > desc->last)
    {
      g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _(desc->invalid));
      return FALSE;
    }
  if (desc->as_code)
    return _cf_case_update_field (self, desc->sql, id, CF_VALUE_TEXT_OR_NULL,
                                  cf_reliability_to_code (value), 0, _(desc->label),
                                  desc->kind, error);
  return _cf_case_update_field (self, desc->sql, id, CF_VALUE_INT_OR_NULL, NULL, value,
                                _(desc->label), desc->kind, error);
}

gboolean
cf_case_set_claim_reliability (CfCase         *self,
                               gint64          claim_id,
                               CfReliability   value,
                               GError        **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return set_rating (self, RATING_CLAIM_RELIABILITY, claim_id, value, error);
}

gboolean
cf_case_set_claim_credibility (CfCase         *self,
                               gint64          claim_id,
                               CfCredibility   value,
                               GError        **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return set_rating (self, RATING_CLAIM_CREDIBILITY, claim_id, value, error);
}

gboolean
cf_case_set_claim_likelihood (CfCase        *self,
                              gint64         claim_id,
                              CfLikelihood   value,
                              GError       **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return set_rating (self, RATING_CLAIM_LIKELIHOOD, claim_id, value, error);
}

gboolean
cf_case_set_claim_confidence (CfCase        *self,
                              gint64         claim_id,
                              CfConfidence   value,
                              GError       **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return set_rating (self, RATING_CLAIM_CONFIDENCE, claim_id, value, error);
}

gboolean
cf_case_set_hypothesis_likelihood (CfCase        *self,
                                   gint64         hypothesis_id,
                                   CfLikelihood   value,
                                   GError       **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return set_rating (self, RATING_HYPOTHESIS_LIKELIHOOD, hypothesis_id, value, error);
}

gboolean
cf_case_set_hypothesis_confidence (CfCase        *self,
                                   gint64         hypothesis_id,
                                   CfConfidence   value,
                                   GError       **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return set_rating (self, RATING_HYPOTHESIS_CONFIDENCE, hypothesis_id, value, error);
}
