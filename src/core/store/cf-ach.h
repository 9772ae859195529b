/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-scales.h"

G_BEGIN_DECLS

/* Analysis of competing hypotheses (Heuer): a matrix of evidence rows against
 * hypothesis columns and the figures computed from it. The matrix is plain data, so
 * the formulas can be tested on matrices written by hand; cf_case_build_ach() fills one
 * from a case. The formulas are the README's "Analysis of competing hypotheses". */

/* What an evidence row is: a quote from a document, or an item the analyst states. */
typedef enum
{
  CF_EVIDENCE_QUOTE,
  CF_EVIDENCE_ASSUMPTION,  /* something taken as true without a source */
  CF_EVIDENCE_ABSENCE,     /* expected evidence that is missing */
} CfEvidenceKind;

/* Relevance of a row (claims.relevance); NONE reads as medium. */
typedef enum
{
  CF_RELEVANCE_NONE = 0,
  CF_RELEVANCE_LOW,
  CF_RELEVANCE_MEDIUM,
  CF_RELEVANCE_HIGH,
} CfRelevance;

#define CF_RELEVANCE_LAST CF_RELEVANCE_HIGH

/* How much a deceptive row counts in the deception ranking. */
#define CF_ACH_DECEPTION_FACTOR 0.25

typedef struct
{
  gint64          claim_id;
  CfEvidenceKind  kind;
  char           *text;             /* the quote, or the stated item */
  char           *date;             /* event date, else when it was marked; may be NULL */
  CfReliability   reliability;
  CfCredibility   credibility;
  CfRelevance     relevance;
  double          weight_override;  /* the analyst's weight; < 0 for none */
  gint64          actor_id;         /* 0 for none */
  gint64          document_id;      /* 0 for an assumption or absence */
  gboolean        actor_deceptive;  /* its actor is marked possibly deceptive */
  gboolean        document_deceptive; /* its document is */
  gboolean        deceptive;        /* either: counts CF_ACH_DECEPTION_FACTOR in the second ranking */
  CfRelation     *ratings;          /* one per hypothesis, NONE = not assessed */

  /* set by cf_ach_matrix_compute() */
  double          weight;
  double          deception_weight; /* weight, times CF_ACH_DECEPTION_FACTOR if deceptive */
  guint           diagnosticity;    /* spread of the assessed ratings, 0..4 */
  gboolean        diagnostic;       /* two assessed ratings that differ */
  gboolean        critical;         /* leaving it out changes the leading hypotheses */
} CfAchRow;

typedef struct
{
  gint64          hypothesis_id;
  char           *title;
  CfLikelihood    likelihood;       /* the analyst's stated judgement */

  /* set by cf_ach_matrix_compute() */
  double          score;            /* weighted inconsistency, 0 or below */
  double          deception_score;  /* the same with deceptive rows down-weighted */
  guint           counts[CF_RELATION_LAST + 1];  /* rows per rating, NONE = not assessed */
  guint           rank;             /* 1 = least weighted inconsistency; ties share */
  guint           deception_rank;
} CfAchHypothesis;

typedef struct
{
  GPtrArray *hypotheses;   /* CfAchHypothesis, the columns */
  GPtrArray *rows;         /* CfAchRow */
  guint      n_critical;   /* set by cf_ach_matrix_compute() */
} CfAchMatrix;

CfAchMatrix     *cf_ach_matrix_new            (void);
void             cf_ach_matrix_free           (CfAchMatrix   *matrix);
/**
 * cf_ach_matrix_add_hypothesis:
 * @title: (nullable): the hypothesis's title
 *
 * Adds a column; every row must be added after the last column.
 *
 * Returns: (transfer none): the column, owned by the matrix
 */
CfAchHypothesis *cf_ach_matrix_add_hypothesis (CfAchMatrix   *matrix,
                                               gint64         hypothesis_id,
                                               const char    *title,
                                               CfLikelihood   likelihood);
/**
 * cf_ach_matrix_add_row:
 * @text: (nullable): the quote or stated item
 *
 * Adds a row with every cell not assessed, medium relevance, unrated and no
 * override; fill its fields before cf_ach_matrix_compute().
 *
 * Returns: (transfer none): the row, owned by the matrix
 */
CfAchRow        *cf_ach_matrix_add_row        (CfAchMatrix   *matrix,
                                               gint64         claim_id,
                                               CfEvidenceKind kind,
                                               const char    *text);
/* Computes weights, scores, counts, ranks, diagnosticity and sensitivity. */
void             cf_ach_matrix_compute        (CfAchMatrix   *matrix);
/**
 * cf_ach_matrix_find_hypothesis:
 * Returns: the column of @hypothesis_id, or -1
 */
gint             cf_ach_matrix_find_hypothesis (CfAchMatrix  *matrix,
                                                gint64        hypothesis_id);
/**
 * cf_ach_matrix_contradicts:
 * @column: a column of a computed matrix
 *
 * Whether the analyst's stated likelihood of the hypothesis contradicts the matrix:
 * stated likely or more, yet it has the most weighted inconsistency of all (and some).
 */
gboolean         cf_ach_matrix_contradicts    (CfAchMatrix   *matrix,
                                               guint          column);
/**
 * cf_ach_matrix_get_warnings:
 *
 * Returns: (transfer full) (element-type utf8): a sentence for each hypothesis for
 *   which cf_ach_matrix_contradicts(), to show before a brief goes out
 */
GPtrArray       *cf_ach_matrix_get_warnings   (CfAchMatrix   *matrix);
/**
 * cf_ach_matrix_to_json:
 * Returns: (transfer full): the matrix and every computed figure as a JSON object
 */
JsonNode        *cf_ach_matrix_to_json        (CfAchMatrix   *matrix);

/* The factors of the weight: reliability A..F → 1, 0.8, 0.6, 0.4, 0.2, 0.5 (F and
 * unrated 0.5); credibility 1..6 the same way; relevance low/medium/high → 1/√2, 1,
 * √2. A row's weight is their product, or the analyst's override. */
double           cf_ach_reliability_factor    (CfReliability  reliability);
double           cf_ach_credibility_factor    (CfCredibility  credibility);
double           cf_ach_relevance_factor      (CfRelevance    relevance);
double           cf_ach_row_weight            (const CfAchRow *row);
/* I = −1, II = −2, every other rating 0. */
int              cf_ach_inconsistency         (CfRelation     relation);
/**
 * cf_ach_relation_value:
 * @value: (out): CC 2, C 1, N 0, I −1, II −2
 *
 * Returns: whether @relation is an assessment that takes part in diagnosticity
 *   (FALSE for not assessed and not applicable)
 */
gboolean         cf_ach_relation_value        (CfRelation     relation,
                                               int           *value);

/* The relation scale in reading order, for menus and keys: position 0 is not
 * assessed, then CC, C, N, I, II, NA. */
#define CF_ACH_SCALE_LENGTH 7
CfRelation       cf_ach_scale_relation        (guint          position);
guint            cf_ach_scale_position        (CfRelation     relation);

/**
 * cf_evidence_kind_to_code:
 * Returns: (transfer none): "quote", "assumption" or "absence" (static)
 */
const char      *cf_evidence_kind_to_code     (CfEvidenceKind kind);
/**
 * cf_evidence_kind_to_label:
 * Returns: (transfer none): the translated label
 */
const char      *cf_evidence_kind_to_label    (CfEvidenceKind kind);
/**
 * cf_evidence_kind_from_code:
 * @code: (nullable): a code
 * @out: (out) (optional): the kind
 *
 * Returns: whether @code names a kind
 */
gboolean         cf_evidence_kind_from_code   (const char    *code,
                                               CfEvidenceKind *out);
/**
 * cf_relevance_to_code:
 * Returns: (transfer none) (nullable): "low", "medium", "high" (static), %NULL for none
 */
const char      *cf_relevance_to_code         (CfRelevance    relevance);
/**
 * cf_relevance_to_label:
 * Returns: (transfer none): the translated label
 */
const char      *cf_relevance_to_label        (CfRelevance    relevance);
/**
 * cf_relevance_from_code:
 * @code: (nullable): "low", "medium", "high" or "1".."3"
 * @out: (out) (optional): the relevance
 *
 * Returns: whether @code names a relevance
 */
gboolean         cf_relevance_from_code       (const char    *code,
                                               CfRelevance   *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfAchMatrix, cf_ach_matrix_free)

G_END_DECLS
