/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The case's functions for analysis of competing hypotheses (included by cf-case.h):
 * evidence that is not a quote, the weights of a row, deception marks, indicators and
 * the matrix itself. Every edit is one undoable action, like the rest of cf-case.h. */

#include "cf-ach.h"
#include "cf-case.h"

G_BEGIN_DECLS

typedef enum
{
  CF_INDICATOR_UNSEEN,
  CF_INDICATOR_SEEN,     /* linked to the claim that shows it, when there is one */
  CF_INDICATOR_REFUTED,
} CfIndicatorStatus;

#define CF_INDICATOR_LAST CF_INDICATOR_REFUTED

/* Heuer's step 8: what should be seen if a hypothesis is true. */
typedef struct
{
  gint64             id;
  gint64             hypothesis_id;
  char              *description;
  CfIndicatorStatus  status;
  gint64             claim_id;      /* 0 for none */
} CfIndicator;

void          cf_indicator_free                (CfIndicator       *indicator);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfIndicator, cf_indicator_free)

/**
 * cf_indicator_status_to_code:
 * Returns: (transfer none): "unseen", "seen" or "refuted" (static)
 */
const char   *cf_indicator_status_to_code      (CfIndicatorStatus  status);
/**
 * cf_indicator_status_to_label:
 * Returns: (transfer none): the translated label
 */
const char   *cf_indicator_status_to_label     (CfIndicatorStatus  status);
/**
 * cf_indicator_status_from_code:
 * @code: (nullable): a code
 * @out: (out) (optional): the status
 */
gboolean      cf_indicator_status_from_code    (const char        *code,
                                                CfIndicatorStatus *out);

/**
 * cf_case_add_evidence:
 * @kind: %CF_EVIDENCE_ASSUMPTION or %CF_EVIDENCE_ABSENCE (quotes are marked in a
 *   document with cf_case_add_claim())
 * @statement: what is assumed, or what is missing
 *
 * Adds an evidence row that has no document; it is a claim of that kind, rated,
 * related and noted like any other.
 *
 * Returns: the new claim's id, or 0 with @error set
 */
gint64        cf_case_add_evidence             (CfCase            *self,
                                                CfEvidenceKind     kind,
                                                const char        *statement,
                                                GError           **error);
/* Rewords an assumption or an absence; a quote's text is its document's. */
gboolean      cf_case_set_evidence_statement   (CfCase            *self,
                                                gint64             claim_id,
                                                const char        *statement,
                                                GError           **error);
/**
 * cf_case_set_claim_relevance:
 * @relevance: %CF_RELEVANCE_NONE clears it (read as medium)
 *
 * A relevance also puts a claim in the matrix before it is related to a hypothesis.
 */
gboolean      cf_case_set_claim_relevance      (CfCase            *self,
                                                gint64             claim_id,
                                                CfRelevance        relevance,
                                                GError           **error);
/**
 * cf_case_set_claim_weight:
 * @weight: the weight that replaces the computed one; below 0 (or NaN) clears it
 */
gboolean      cf_case_set_claim_weight         (CfCase            *self,
                                                gint64             claim_id,
                                                double             weight,
                                                GError           **error);
/* Marks an actor as possibly deceptive (ACH's deception ranking), or clears it. */
gboolean      cf_case_set_actor_deceptive      (CfCase            *self,
                                                gint64             actor_id,
                                                gboolean           deceptive,
                                                GError           **error);
/* Marks a source as possibly deceptive or compromised, or clears it. */
gboolean      cf_case_set_document_deceptive   (CfCase            *self,
                                                gint64             document_id,
                                                gboolean           deceptive,
                                                GError           **error);

/**
 * cf_case_add_indicator:
 * @description: what should be seen if the hypothesis is true
 *
 * Returns: the new indicator's id (status unseen), or 0 with @error set
 */
gint64        cf_case_add_indicator            (CfCase            *self,
                                                gint64             hypothesis_id,
                                                const char        *description,
                                                GError           **error);
gboolean      cf_case_set_indicator_description (CfCase           *self,
                                                 gint64            indicator_id,
                                                 const char       *description,
                                                 GError          **error);
/**
 * cf_case_set_indicator_status:
 * @claim_id: the claim that shows it (seen) or refutes it, or 0; unseen clears it
 */
gboolean      cf_case_set_indicator_status     (CfCase            *self,
                                                gint64             indicator_id,
                                                CfIndicatorStatus  status,
                                                gint64             claim_id,
                                                GError           **error);
gboolean      cf_case_delete_indicator         (CfCase            *self,
                                                gint64             indicator_id,
                                                GError           **error);
/**
 * cf_case_list_indicators:
 * @hypothesis_id: the hypothesis, or 0 for every hypothesis's
 *
 * Returns: (transfer full) (element-type CfIndicator) (nullable): the indicators by
 *   hypothesis then age, or %NULL with @error set
 */
GPtrArray    *cf_case_list_indicators          (CfCase            *self,
                                                gint64             hypothesis_id,
                                                GError           **error);

/**
 * cf_case_build_ach:
 *
 * The matrix of the case, computed: every hypothesis (by id) against every claim that
 * is related to one, has a relevance or is an assumption or absence (by kind, then
 * event date or when it was marked, then id).
 *
 * Returns: (transfer full) (nullable): the matrix, or %NULL with @error set
 */
CfAchMatrix  *cf_case_build_ach                (CfCase            *self,
                                                GError           **error);

G_END_DECLS
