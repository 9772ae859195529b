/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cf-scales.h"

G_BEGIN_DECLS

#define CF_TYPE_CLAIM (cf_claim_get_type ())
G_DECLARE_FINAL_TYPE (CfClaim, cf_claim, CF, CLAIM, GObject)

/* A highlighted passage of a document: its span in characters of the document text
 * [start, end), the quoted text, who asserts it and how it is rated. Properties of the
 * same names notify when the case changes the claim. */
gint64         cf_claim_get_id             (CfClaim *self);
gint64         cf_claim_get_document_id    (CfClaim *self);
const char    *cf_claim_get_document_title (CfClaim *self);
gint           cf_claim_get_start          (CfClaim *self);
gint           cf_claim_get_end            (CfClaim *self);
const char    *cf_claim_get_quote          (CfClaim *self);
const char    *cf_claim_get_prefix         (CfClaim *self);
const char    *cf_claim_get_suffix         (CfClaim *self);
const char    *cf_claim_get_paraphrase     (CfClaim *self);
gint64         cf_claim_get_actor_id       (CfClaim *self);
/* "" when no actor */
const char    *cf_claim_get_actor_name     (CfClaim *self);
CfReliability  cf_claim_get_reliability    (CfClaim *self);
CfCredibility  cf_claim_get_credibility    (CfClaim *self);
CfLikelihood   cf_claim_get_likelihood     (CfClaim *self);
CfConfidence   cf_claim_get_confidence     (CfClaim *self);
const char    *cf_claim_get_event_date     (CfClaim *self);
const char    *cf_claim_get_created        (CfClaim *self);
const char    *cf_claim_get_modified       (CfClaim *self);
/* "B2" or "" */
const char    *cf_claim_get_grade          (CfClaim *self);
/* tag names in tag order, comma separated, or "" */
const char    *cf_claim_get_tag_names      (CfClaim *self);
/* ids of the claim's tags; first is the one that colours the highlight */
const gint64  *cf_claim_get_tag_ids        (CfClaim *self,
                                            guint   *n_tags);
/* "#rrggbb" of the first tag, or NULL */
const char    *cf_claim_get_color          (CfClaim *self);

G_END_DECLS
