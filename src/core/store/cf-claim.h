/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cf-ach.h"
#include "cf-scales.h"

G_BEGIN_DECLS

#define CF_TYPE_CLAIM (cf_claim_get_type ())
G_DECLARE_FINAL_TYPE (CfClaim, cf_claim, CF, CLAIM, GObject)

/* A highlighted passage of a document: its span in characters of the document text
 * [start, end), the quoted text, who asserts it and how it is rated. Properties of the
 * same names notify when the case changes the claim. Strings it returns belong to the
 * claim: valid until it next changes. */
gint64         cf_claim_get_id             (CfClaim *self);
/* A quote has a document; an assumption or absence has none (document id 0, no
 * span) and its statement is its quote. */
CfEvidenceKind cf_claim_get_kind           (CfClaim *self);
gint64         cf_claim_get_document_id    (CfClaim *self);
/**
 * cf_claim_get_document_title:
 * Returns: (transfer none) (nullable): the title of the claim's document; %NULL if the
 *   document is missing
 */
const char    *cf_claim_get_document_title (CfClaim *self);
gint           cf_claim_get_start          (CfClaim *self);
gint           cf_claim_get_end            (CfClaim *self);
/**
 * cf_claim_get_quote:
 * Returns: (transfer none): the quoted text of the span
 */
const char    *cf_claim_get_quote          (CfClaim *self);
/**
 * cf_claim_get_prefix:
 * Returns: (transfer none): text just before the span, for context
 */
const char    *cf_claim_get_prefix         (CfClaim *self);
/**
 * cf_claim_get_suffix:
 * Returns: (transfer none): text just after the span, for context
 */
const char    *cf_claim_get_suffix         (CfClaim *self);
/**
 * cf_claim_get_paraphrase:
 * Returns: (transfer none): the paraphrase, "" when none
 */
const char    *cf_claim_get_paraphrase     (CfClaim *self);
gint64         cf_claim_get_actor_id       (CfClaim *self);
/**
 * cf_claim_get_actor_name:
 * Returns: (transfer none): the actor's name, "" when no actor
 */
const char    *cf_claim_get_actor_name     (CfClaim *self);
CfReliability  cf_claim_get_reliability    (CfClaim *self);
CfCredibility  cf_claim_get_credibility    (CfClaim *self);
CfLikelihood   cf_claim_get_likelihood     (CfClaim *self);
CfConfidence   cf_claim_get_confidence     (CfClaim *self);
/* ACH: the row's relevance (NONE reads as medium) and the analyst's weight, or -1. */
CfRelevance    cf_claim_get_relevance      (CfClaim *self);
double         cf_claim_get_weight         (CfClaim *self);
/**
 * cf_claim_get_event_date:
 * Returns: (transfer none) (nullable): ISO 8601, or %NULL when not set
 */
const char    *cf_claim_get_event_date     (CfClaim *self);
/**
 * cf_claim_get_created:
 * Returns: (transfer none): ISO 8601 UTC
 */
const char    *cf_claim_get_created        (CfClaim *self);
/**
 * cf_claim_get_modified:
 * Returns: (transfer none): ISO 8601 UTC
 */
const char    *cf_claim_get_modified       (CfClaim *self);
/**
 * cf_claim_get_grade:
 * Returns: (transfer none): "B2", "B", "2" or ""
 */
const char    *cf_claim_get_grade          (CfClaim *self);
/**
 * cf_claim_get_tag_names:
 * Returns: (transfer none): the tag names in tag order, comma separated, or ""
 */
const char    *cf_claim_get_tag_names      (CfClaim *self);
/**
 * cf_claim_get_tag_ids:
 * @n_tags: (out) (optional): the number of tags
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): the ids of the claim's
 *   tags, %NULL when none; the first colours the highlight
 */
const gint64  *cf_claim_get_tag_ids        (CfClaim *self,
                                            guint   *n_tags);
/**
 * cf_claim_get_color:
 * Returns: (transfer none) (nullable): "#rrggbb" of the first tag, or %NULL when untagged
 */
const char    *cf_claim_get_color          (CfClaim *self);

G_END_DECLS
