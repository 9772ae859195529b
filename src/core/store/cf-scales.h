/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cf-store-enums.h"

G_BEGIN_DECLS

/* The rating scales of DESIGN.md. Codes are stored; labels are translated for display.
 * Every enum has 0 for "not rated". */

typedef enum
{
  CF_RELIABILITY_NONE = 0,
  CF_RELIABILITY_A,   /* completely reliable */
  CF_RELIABILITY_B,   /* usually reliable */
  CF_RELIABILITY_C,   /* fairly reliable */
  CF_RELIABILITY_D,   /* not usually reliable */
  CF_RELIABILITY_E,   /* unreliable */
  CF_RELIABILITY_F,   /* reliability cannot be judged */
} CfReliability;

typedef enum
{
  CF_CREDIBILITY_NONE = 0,
  CF_CREDIBILITY_1,   /* confirmed by other sources */
  CF_CREDIBILITY_2,   /* probably true */
  CF_CREDIBILITY_3,   /* possibly true */
  CF_CREDIBILITY_4,   /* doubtful */
  CF_CREDIBILITY_5,   /* improbable */
  CF_CREDIBILITY_6,   /* truth cannot be judged */
} CfCredibility;

typedef enum
{
  CF_LIKELIHOOD_NONE = 0,
  CF_LIKELIHOOD_ALMOST_NO_CHANCE,   /* 01-05% */
  CF_LIKELIHOOD_VERY_UNLIKELY,      /* 05-20% */
  CF_LIKELIHOOD_UNLIKELY,           /* 20-45% */
  CF_LIKELIHOOD_ROUGHLY_EVEN,       /* 45-55% */
  CF_LIKELIHOOD_LIKELY,             /* 55-80% */
  CF_LIKELIHOOD_VERY_LIKELY,        /* 80-95% */
  CF_LIKELIHOOD_ALMOST_CERTAIN,     /* 95-99% */
} CfLikelihood;

typedef enum
{
  CF_CONFIDENCE_NONE = 0,
  CF_CONFIDENCE_LOW,
  CF_CONFIDENCE_MODERATE,
  CF_CONFIDENCE_HIGH,
} CfConfidence;

typedef enum
{
  CF_RELATION_NONE = 0,
  CF_RELATION_CONSISTENT,
  CF_RELATION_INCONSISTENT,
  CF_RELATION_NEUTRAL,
  CF_RELATION_VERY_CONSISTENT,
  CF_RELATION_VERY_INCONSISTENT,
  CF_RELATION_NOT_APPLICABLE,
} CfRelation;

#define CF_RELIABILITY_LAST CF_RELIABILITY_F
#define CF_CREDIBILITY_LAST CF_CREDIBILITY_6
#define CF_LIKELIHOOD_LAST  CF_LIKELIHOOD_ALMOST_CERTAIN
#define CF_CONFIDENCE_LAST  CF_CONFIDENCE_HIGH
#define CF_RELATION_LAST    CF_RELATION_NOT_APPLICABLE

/* Codes: "A".."F", "1".."6", "likely", "moderate", "C" (relations: CC C N I II NA); NULL for NONE.
 * Parsing accepts the code in any case (and for likelihood/confidence/relation also
 * the English label, spaces or dashes allowed); returns FALSE for anything else. */

/**
 * cf_reliability_to_code:
 * Returns: (transfer none) (nullable): the stored code (static), or %NULL for not rated
 */
const char *cf_reliability_to_code   (CfReliability value);
/**
 * cf_reliability_to_label:
 * Returns: (transfer none): the translated label
 */
const char *cf_reliability_to_label  (CfReliability value);
/**
 * cf_reliability_from_code:
 * @code: (nullable): a code or label
 * @out: (out) (optional): the value
 *
 * Returns: whether @code names a value
 */
gboolean    cf_reliability_from_code (const char *code, CfReliability *out);

/**
 * cf_credibility_to_code:
 * Returns: (transfer none) (nullable): the stored code (static), or %NULL for not rated
 */
const char *cf_credibility_to_code   (CfCredibility value);
/**
 * cf_credibility_to_label:
 * Returns: (transfer none): the translated label
 */
const char *cf_credibility_to_label  (CfCredibility value);
/**
 * cf_credibility_from_code:
 * @code: (nullable): a code or label
 * @out: (out) (optional): the value
 *
 * Returns: whether @code names a value
 */
gboolean    cf_credibility_from_code (const char *code, CfCredibility *out);

/**
 * cf_likelihood_to_code:
 * Returns: (transfer none) (nullable): the stored code (static), or %NULL for not rated
 */
const char *cf_likelihood_to_code    (CfLikelihood value);
/**
 * cf_likelihood_to_label:
 * Returns: (transfer none): the translated label
 */
const char *cf_likelihood_to_label   (CfLikelihood value);
/**
 * cf_likelihood_to_range:
 * Returns: (transfer none) (nullable): e.g. "55–80%" (static), or %NULL for not rated
 */
const char *cf_likelihood_to_range   (CfLikelihood value);
/**
 * cf_likelihood_from_code:
 * @code: (nullable): a code or label
 * @out: (out) (optional): the value
 *
 * Returns: whether @code names a value
 */
gboolean    cf_likelihood_from_code  (const char *code, CfLikelihood *out);

/**
 * cf_confidence_to_code:
 * Returns: (transfer none) (nullable): the stored code (static), or %NULL for not rated
 */
const char *cf_confidence_to_code    (CfConfidence value);
/**
 * cf_confidence_to_label:
 * Returns: (transfer none): the translated label
 */
const char *cf_confidence_to_label   (CfConfidence value);
/**
 * cf_confidence_from_code:
 * @code: (nullable): a code or label
 * @out: (out) (optional): the value
 *
 * Returns: whether @code names a value
 */
gboolean    cf_confidence_from_code  (const char *code, CfConfidence *out);

/**
 * cf_relation_to_code:
 * Returns: (transfer none) (nullable): the stored code (static), or %NULL for not rated
 */
const char *cf_relation_to_code      (CfRelation value);
/**
 * cf_relation_to_label:
 * Returns: (transfer none): the translated label
 */
const char *cf_relation_to_label     (CfRelation value);
/**
 * cf_relation_from_code:
 * @code: (nullable): a code or label
 * @out: (out) (optional): the value
 *
 * Returns: whether @code names a value
 */
gboolean    cf_relation_from_code    (const char *code, CfRelation *out);

/**
 * cf_rating_format_grade:
 * Returns: (transfer full): "B2", "B", "2" or ""
 */
char       *cf_rating_format_grade   (CfReliability reliability,
                                      CfCredibility credibility);

/**
 * cf_rating_format_summary:
 * Returns: (transfer full): "B2 · likely · moderate confidence" with the parts that
 *   are set, translated; "" when nothing is rated
 */
char       *cf_rating_format_summary (CfReliability reliability,
                                      CfCredibility credibility,
                                      CfLikelihood  likelihood,
                                      CfConfidence  confidence);

G_END_DECLS
