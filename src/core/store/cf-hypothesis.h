/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cf-scales.h"

G_BEGIN_DECLS

#define CF_TYPE_HYPOTHESIS (cf_hypothesis_get_type ())
G_DECLARE_FINAL_TYPE (CfHypothesis, cf_hypothesis, CF, HYPOTHESIS, GObject)

/* A competing explanation with the analyst's judgment of it. Strings it returns
 * belong to the hypothesis: valid until it next changes (then it notifies). */
gint64        cf_hypothesis_get_id           (CfHypothesis *self);
/**
 * cf_hypothesis_get_title:
 * Returns: (transfer none): the hypothesis
 */
const char   *cf_hypothesis_get_title        (CfHypothesis *self);
/**
 * cf_hypothesis_get_description:
 * Returns: (transfer none): longer text, "" when none
 */
const char   *cf_hypothesis_get_description  (CfHypothesis *self);
CfLikelihood  cf_hypothesis_get_likelihood   (CfHypothesis *self);
CfConfidence  cf_hypothesis_get_confidence   (CfHypothesis *self);
guint         cf_hypothesis_get_n_consistent (CfHypothesis *self);
guint         cf_hypothesis_get_n_inconsistent (CfHypothesis *self);

G_END_DECLS
