/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ACH formulas (cf-ach.c) on small matrices whose figures are worked out by hand
 * in each test: weights, weighted inconsistency and counts, ranks, diagnosticity,
 * sensitivity (critical rows) and the deception ranking. */
#include "config.h"

#include <math.h>

#include "cf-ach.h"
#include "cf-case.h"
#include "cf-record-list.h"
#include "cf-test-util.h"

#define EPS 1e-9

static CfAchRow *
add_row (CfAchMatrix *m,
         double       weight,
         CfRelation   r1,
         CfRelation   r2,
         CfRelation   r3)
{
  CfAchRow *row = cf_ach_matrix_add_row (m, m->rows->len + 1, CF_EVIDENCE_QUOTE, "row");
  CfRelation ratings[] = { r1, r2, r3 };

  row->weight_override = weight;
  for (guint h = 0; h < m->hypotheses->len && h < 3; h++)
    row->ratings[h] = ratings[h];
  return row;
}

static CfAchHypothesis *
column (CfAchMatrix *m,
        guint        h)
{
  return g_ptr_array_index (m->hypotheses, h);
}

static CfAchRow *
row_at (CfAchMatrix *m,
        guint        r)
{
  return g_ptr_array_index (m->rows, r);
}

/* The worked example: three hypotheses, three rows with set weights.
 *        H1   H2   H3   weight
 *   r1   C    I    II   1.0
 *   r2   I    N    C    1.5
 *   r3   NA   II   I    0.5
 * H1 = −1·1.5 = −1.5; H2 = −1·1 − 2·0.5 = −2; H3 = −2·1 − 1·0.5 = −2.5. */
static CfAchMatrix *
worked_example (void)
{
  CfAchMatrix *m = cf_ach_matrix_new ();

  cf_ach_matrix_add_hypothesis (m, 10, "H1", CF_LIKELIHOOD_NONE);
  cf_ach_matrix_add_hypothesis (m, 20, "H2", CF_LIKELIHOOD_NONE);
  cf_ach_matrix_add_hypothesis (m, 30, "H3", CF_LIKELIHOOD_NONE);
  add_row (m, 1.0, CF_RELATION_CONSISTENT, CF_RELATION_INCONSISTENT, CF_RELATION_VERY_INCONSISTENT);
  add_row (m, 1.5, CF_RELATION_INCONSISTENT, CF_RELATION_NEUTRAL, CF_RELATION_CONSISTENT);
  add_row (m, 0.5, CF_RELATION_NOT_APPLICABLE, CF_RELATION_VERY_INCONSISTENT, CF_RELATION_INCONSISTENT);
  return m;
}

static void
test_weight_factors (void)
{
  g_assert_cmpfloat_with_epsilon (cf_ach_reliability_factor (CF_RELIABILITY_A), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_reliability_factor (CF_RELIABILITY_C), 0.6, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_reliability_factor (CF_RELIABILITY_E), 0.2, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_reliability_factor (CF_RELIABILITY_F), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_reliability_factor (CF_RELIABILITY_NONE), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_credibility_factor (CF_CREDIBILITY_1), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_credibility_factor (CF_CREDIBILITY_4), 0.4, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_credibility_factor (CF_CREDIBILITY_6), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_relevance_factor (CF_RELEVANCE_LOW), 1 / sqrt (2), EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_relevance_factor (CF_RELEVANCE_NONE), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (cf_ach_relevance_factor (CF_RELEVANCE_HIGH), sqrt (2), EPS);
}

static void
test_row_weight (void)
{
  g_autoptr(CfAchMatrix) m = cf_ach_matrix_new ();
  CfAchRow *graded, *unrated, *overridden;

  cf_ach_matrix_add_hypothesis (m, 1, "H1", CF_LIKELIHOOD_NONE);
  graded = cf_ach_matrix_add_row (m, 1, CF_EVIDENCE_QUOTE, "graded");
  graded->reliability = CF_RELIABILITY_B;
  graded->credibility = CF_CREDIBILITY_2;
  graded->relevance = CF_RELEVANCE_HIGH;
  unrated = cf_ach_matrix_add_row (m, 2, CF_EVIDENCE_ASSUMPTION, "unrated");
  unrated->relevance = CF_RELEVANCE_LOW;
  overridden = cf_ach_matrix_add_row (m, 3, CF_EVIDENCE_ABSENCE, "overridden");
  overridden->reliability = CF_RELIABILITY_E;
  overridden->weight_override = 3.0;
  cf_ach_matrix_compute (m);

  /* B2 high: 0.8 × 0.8 × √2 */
  g_assert_cmpfloat_with_epsilon (graded->weight, 0.64 * sqrt (2), EPS);
  /* unrated, low: 0.5 × 0.5 × 1/√2 */
  g_assert_cmpfloat_with_epsilon (unrated->weight, 0.25 / sqrt (2), EPS);
  g_assert_cmpfloat_with_epsilon (overridden->weight, 3.0, EPS);
}

static void
test_scores_and_counts (void)
{
  g_autoptr(CfAchMatrix) m = worked_example ();

  cf_ach_matrix_compute (m);
  g_assert_cmpfloat_with_epsilon (column (m, 0)->score, -1.5, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 1)->score, -2.0, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 2)->score, -2.5, EPS);
  g_assert_cmpuint (column (m, 0)->rank, ==, 1);
  g_assert_cmpuint (column (m, 1)->rank, ==, 2);
  g_assert_cmpuint (column (m, 2)->rank, ==, 3);

  g_assert_cmpuint (column (m, 0)->counts[CF_RELATION_CONSISTENT], ==, 1);
  g_assert_cmpuint (column (m, 0)->counts[CF_RELATION_INCONSISTENT], ==, 1);
  g_assert_cmpuint (column (m, 0)->counts[CF_RELATION_NOT_APPLICABLE], ==, 1);
  g_assert_cmpuint (column (m, 1)->counts[CF_RELATION_NEUTRAL], ==, 1);
  g_assert_cmpuint (column (m, 1)->counts[CF_RELATION_VERY_INCONSISTENT], ==, 1);
  g_assert_cmpuint (column (m, 2)->counts[CF_RELATION_NONE], ==, 0);
}

static void
test_scores_ignore_consistency (void)
{
  g_autoptr(CfAchMatrix) m = cf_ach_matrix_new ();

  /* PARC counts only inconsistency: a column of CC scores 0, like a column of N. */
  cf_ach_matrix_add_hypothesis (m, 1, "H1", CF_LIKELIHOOD_NONE);
  cf_ach_matrix_add_hypothesis (m, 2, "H2", CF_LIKELIHOOD_NONE);
  add_row (m, 2.0, CF_RELATION_VERY_CONSISTENT, CF_RELATION_NEUTRAL, CF_RELATION_NONE);
  add_row (m, 1.0, CF_RELATION_VERY_CONSISTENT, CF_RELATION_NONE, CF_RELATION_NONE);
  cf_ach_matrix_compute (m);
  g_assert_cmpfloat (column (m, 0)->score, ==, 0);
  g_assert_cmpfloat (column (m, 1)->score, ==, 0);
  g_assert_cmpuint (column (m, 0)->rank, ==, 1);
  g_assert_cmpuint (column (m, 1)->rank, ==, 1);
  g_assert_cmpuint (column (m, 1)->counts[CF_RELATION_NONE], ==, 1);
}

static void
test_diagnosticity (void)
{
  g_autoptr(CfAchMatrix) m = worked_example ();
  CfAchRow *alike, *single;

  alike = add_row (m, 1.0, CF_RELATION_NEUTRAL, CF_RELATION_NEUTRAL, CF_RELATION_NEUTRAL);
  single = add_row (m, 1.0, CF_RELATION_CONSISTENT, CF_RELATION_NONE, CF_RELATION_NOT_APPLICABLE);
  cf_ach_matrix_compute (m);

  /* r1: C, I, II → 1 − (−2) = 3; r2: I, N, C → 2; r3: NA is left out, II, I → 1 */
  g_assert_cmpuint (row_at (m, 0)->diagnosticity, ==, 3);
  g_assert_cmpuint (row_at (m, 1)->diagnosticity, ==, 2);
  g_assert_cmpuint (row_at (m, 2)->diagnosticity, ==, 1);
  g_assert_true (row_at (m, 2)->diagnostic);
  /* rated alike for every hypothesis, or assessed for one only: helps choose none */
  g_assert_cmpuint (alike->diagnosticity, ==, 0);
  g_assert_false (alike->diagnostic);
  g_assert_false (single->diagnostic);
}

static void
test_critical_rows (void)
{
  g_autoptr(CfAchMatrix) m = worked_example ();
  CfAchRow *alike;

  alike = add_row (m, 5.0, CF_RELATION_INCONSISTENT, CF_RELATION_INCONSISTENT, CF_RELATION_INCONSISTENT);
  cf_ach_matrix_compute (m);

  /* H1 leads at −1.5 (the alike row takes 5 from each and changes nothing).
   * Without r1: H1 −1.5, H2 −1, H3 −0.5 → H3 leads: critical.
   * Without r2: H1 0, H2 −2, H3 −2.5 → H1 still leads: not critical.
   * Without r3: H1 −1.5, H2 −1, H3 −2 → H2 leads: critical. */
  g_assert_true (row_at (m, 0)->critical);
  g_assert_false (row_at (m, 1)->critical);
  g_assert_true (row_at (m, 2)->critical);
  g_assert_false (alike->critical);
  g_assert_cmpuint (m->n_critical, ==, 2);
}

static void
test_critical_tie (void)
{
  g_autoptr(CfAchMatrix) m = cf_ach_matrix_new ();

  /* H1 −1, H2 −1: both lead. Without either row one of them leads alone, so the
   * set of leaders changes: both rows are critical. */
  cf_ach_matrix_add_hypothesis (m, 1, "H1", CF_LIKELIHOOD_NONE);
  cf_ach_matrix_add_hypothesis (m, 2, "H2", CF_LIKELIHOOD_NONE);
  add_row (m, 1.0, CF_RELATION_INCONSISTENT, CF_RELATION_CONSISTENT, CF_RELATION_NONE);
  add_row (m, 1.0, CF_RELATION_NEUTRAL, CF_RELATION_INCONSISTENT, CF_RELATION_NONE);
  cf_ach_matrix_compute (m);
  g_assert_cmpuint (column (m, 0)->rank, ==, 1);
  g_assert_cmpuint (column (m, 1)->rank, ==, 1);
  g_assert_true (row_at (m, 0)->critical);
  g_assert_true (row_at (m, 1)->critical);
}

static void
test_deception (void)
{
  g_autoptr(CfAchMatrix) m = cf_ach_matrix_new ();
  CfAchRow *planted, *honest;

  /*            H1   H2   weight
   *  planted   N    I    1.0, deceptive
   *  honest    I    N    0.5
   * Plain: H1 −0.5, H2 −1 → H1 first.
   * Deception: planted counts 1 × 0.25: H1 −0.5, H2 −0.25 → H2 first. */
  cf_ach_matrix_add_hypothesis (m, 1, "H1", CF_LIKELIHOOD_NONE);
  cf_ach_matrix_add_hypothesis (m, 2, "H2", CF_LIKELIHOOD_NONE);
  planted = add_row (m, 1.0, CF_RELATION_NEUTRAL, CF_RELATION_INCONSISTENT, CF_RELATION_NONE);
  planted->deceptive = TRUE;
  honest = add_row (m, 0.5, CF_RELATION_INCONSISTENT, CF_RELATION_NEUTRAL, CF_RELATION_NONE);
  cf_ach_matrix_compute (m);

  g_assert_cmpfloat_with_epsilon (planted->deception_weight, 0.25, EPS);
  g_assert_cmpfloat_with_epsilon (honest->deception_weight, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 0)->score, -0.5, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 1)->score, -1.0, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 0)->deception_score, -0.5, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 1)->deception_score, -0.25, EPS);
  g_assert_cmpuint (column (m, 0)->rank, ==, 1);
  g_assert_cmpuint (column (m, 1)->rank, ==, 2);
  g_assert_cmpuint (column (m, 0)->deception_rank, ==, 2);
  g_assert_cmpuint (column (m, 1)->deception_rank, ==, 1);
}

static void
test_contradiction (void)
{
  g_autoptr(CfAchMatrix) m = worked_example ();

  /* H3 has the most weighted inconsistency (−2.5): stated likely, it contradicts;
   * H1 leads, so stating it almost certain does not. */
  column (m, 2)->likelihood = CF_LIKELIHOOD_LIKELY;
  column (m, 0)->likelihood = CF_LIKELIHOOD_ALMOST_CERTAIN;
  column (m, 1)->likelihood = CF_LIKELIHOOD_VERY_LIKELY;
  cf_ach_matrix_compute (m);
  g_assert_true (cf_ach_matrix_contradicts (m, 2));
  g_assert_false (cf_ach_matrix_contradicts (m, 0));
  g_assert_false (cf_ach_matrix_contradicts (m, 1));
  column (m, 2)->likelihood = CF_LIKELIHOOD_ROUGHLY_EVEN;
  g_assert_false (cf_ach_matrix_contradicts (m, 2));
}

static void
test_empty_matrix (void)
{
  g_autoptr(CfAchMatrix) m = cf_ach_matrix_new ();
  g_autoptr(JsonNode) json = NULL;

  cf_ach_matrix_compute (m);
  g_assert_cmpuint (m->n_critical, ==, 0);
  json = cf_ach_matrix_to_json (m);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json));
}

static void
test_codes (void)
{
  CfEvidenceKind kind;
  CfRelevance relevance;

  g_assert_true (cf_evidence_kind_from_code ("absence", &kind));
  g_assert_cmpint (kind, ==, CF_EVIDENCE_ABSENCE);
  g_assert_false (cf_evidence_kind_from_code ("rumour", NULL));
  g_assert_true (cf_relevance_from_code ("HIGH", &relevance));
  g_assert_cmpint (relevance, ==, CF_RELEVANCE_HIGH);
  g_assert_true (cf_relevance_from_code ("1", &relevance));
  g_assert_cmpint (relevance, ==, CF_RELEVANCE_LOW);
  g_assert_false (cf_relevance_from_code ("4", NULL));
  g_assert_cmpint (cf_ach_scale_relation (1), ==, CF_RELATION_VERY_CONSISTENT);
  g_assert_cmpint (cf_ach_scale_relation (6), ==, CF_RELATION_NOT_APPLICABLE);
  g_assert_cmpuint (cf_ach_scale_position (CF_RELATION_INCONSISTENT), ==, 4);
  g_assert_cmpuint (cf_ach_scale_position (CF_RELATION_NONE), ==, 0);
}

/* --- the case's side --- */

static void
test_store_evidence_without_document (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("evidence.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(GListModel) claims = NULL;
  gint64 h, assumption, absence;

  h = cf_case_add_hypothesis (kase, "Staged", NULL, &error);
  g_assert_no_error (error);
  assumption = cf_case_add_evidence (kase, CF_EVIDENCE_ASSUMPTION, "  The footage is unedited. ", &error);
  g_assert_no_error (error);
  absence = cf_case_add_evidence (kase, CF_EVIDENCE_ABSENCE, "No wreckage was shown.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_add_evidence (kase, CF_EVIDENCE_ABSENCE, "   ", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_evidence (kase, CF_EVIDENCE_QUOTE, "x", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);

  claim = cf_case_get_claim (kase, assumption, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_claim_get_kind (claim), ==, CF_EVIDENCE_ASSUMPTION);
  g_assert_cmpint (cf_claim_get_document_id (claim), ==, 0);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "The footage is unedited.");
  g_assert_true (cf_case_set_evidence_statement (kase, assumption, "The footage was edited.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "The footage was edited.");
  g_assert_true (cf_case_set_claim_relation (kase, absence, h, CF_RELATION_VERY_CONSISTENT, &error));
  g_assert_no_error (error);

  /* every claim list and the check take claims without a document */
  claims = cf_case_list_claims (kase);
  cf_record_list_set_sort (CF_RECORD_LIST (claims), CF_CLAIM_SORT_DOCUMENT, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
  cf_test_assert_case_sound (kase);

  /* undo takes back the relation, the rewording, then the absence */
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "The footage is unedited.");
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
}

static void
test_store_matrix_from_case (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("matrix.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAchMatrix) m = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint64 doc, h1, h2, quote, unrelated, assumption, actor;
  CfAchRow *row;

  doc = cf_test_add_sample_document (kase);
  h1 = cf_case_add_hypothesis (kase, "Strike", NULL, &error);
  h2 = cf_case_add_hypothesis (kase, "Staged", NULL, &error);
  quote = cf_case_add_claim (kase, doc, 0, 8, NULL, &error);
  unrelated = cf_case_add_claim (kase, doc, 10, 15, NULL, &error);
  assumption = cf_case_add_evidence (kase, CF_EVIDENCE_ASSUMPTION, "Officials would know.", &error);
  g_assert_no_error (error);
  cf_case_set_claim_reliability (kase, quote, CF_RELIABILITY_B, &error);
  cf_case_set_claim_credibility (kase, quote, CF_CREDIBILITY_2, &error);
  cf_case_set_claim_relation (kase, quote, h1, CF_RELATION_CONSISTENT, &error);
  cf_case_set_claim_relation (kase, quote, h2, CF_RELATION_INCONSISTENT, &error);
  cf_case_set_claim_relation (kase, assumption, h1, CF_RELATION_VERY_INCONSISTENT, &error);
  g_assert_true (cf_case_set_claim_relevance (kase, assumption, CF_RELEVANCE_HIGH, &error));
  g_assert_true (cf_case_set_claim_weight (kase, assumption, 0.5, &error));
  g_assert_true (cf_case_set_claim_actor_name (kase, quote, "Ministry", &error));
  g_assert_no_error (error);
  claim = cf_case_get_claim (kase, quote, &error);
  actor = cf_claim_get_actor_id (claim);
  g_assert_true (cf_case_set_actor_deceptive (kase, actor, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (cf_case_set_claim_relevance (kase, quote, 4, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cf_case_set_document_deceptive (kase, 999, TRUE, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
  g_clear_error (&error);

  m = cf_case_build_ach (kase, &error);
  g_assert_no_error (error);
  /* the unrelated quote is not a row; the quote comes before the assumption */
  g_assert_cmpuint (m->hypotheses->len, ==, 2);
  g_assert_cmpuint (m->rows->len, ==, 2);
  row = row_at (m, 0);
  g_assert_cmpint (row->claim_id, ==, quote);
  g_assert_true (row->deceptive);
  g_assert_cmpfloat_with_epsilon (row->weight, 0.64, EPS);
  g_assert_cmpfloat_with_epsilon (row->deception_weight, 0.16, EPS);
  g_assert_cmpint (row->ratings[1], ==, CF_RELATION_INCONSISTENT);
  row = row_at (m, 1);
  g_assert_cmpint (row->claim_id, ==, assumption);
  g_assert_cmpint (row->kind, ==, CF_EVIDENCE_ASSUMPTION);
  g_assert_cmpfloat_with_epsilon (row->weight, 0.5, EPS);
  g_assert_cmpint (row->ratings[1], ==, CF_RELATION_NONE);
  /* H1: −2 × 0.5 = −1; H2: −1 × 0.64 */
  g_assert_cmpfloat_with_epsilon (column (m, 0)->score, -1.0, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 1)->score, -0.64, EPS);
  g_assert_cmpfloat_with_epsilon (column (m, 1)->deception_score, -0.16, EPS);
  g_clear_pointer (&m, cf_ach_matrix_free);

  /* a relevance puts a claim in the matrix; clearing the weight and undoing work */
  g_assert_true (cf_case_set_claim_relevance (kase, unrelated, CF_RELEVANCE_LOW, &error));
  g_assert_true (cf_case_set_claim_weight (kase, assumption, -1, &error));
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  m = cf_case_build_ach (kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->rows->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (row_at (m, 2)->weight, 0.5, EPS);
  cf_test_assert_case_sound (kase);
}

static void
test_store_indicators (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("indicators.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CfIndicator *indicator;
  gint64 doc, h1, h2, claim, i1, i2;

  doc = cf_test_add_sample_document (kase);
  h1 = cf_case_add_hypothesis (kase, "Strike", NULL, &error);
  h2 = cf_case_add_hypothesis (kase, "Staged", NULL, &error);
  claim = cf_case_add_claim (kase, doc, 0, 8, NULL, &error);
  i1 = cf_case_add_indicator (kase, h1, "Debris on the roof", &error);
  g_assert_no_error (error);
  i2 = cf_case_add_indicator (kase, h2, "Launch filmed from inside", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_add_indicator (kase, 999, "x", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_indicator (kase, h1, " ", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cf_case_set_indicator_status (kase, i1, CF_INDICATOR_SEEN, claim, &error));
  g_assert_true (cf_case_set_indicator_description (kase, i1, "Debris on the dome", &error));
  g_assert_no_error (error);
  g_assert_false (cf_case_set_indicator_status (kase, i1, CF_INDICATOR_SEEN, 999, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
  g_clear_error (&error);
  list = cf_case_list_indicators (kase, h1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  indicator = g_ptr_array_index (list, 0);
  g_assert_cmpstr (indicator->description, ==, "Debris on the dome");
  g_assert_cmpint (indicator->status, ==, CF_INDICATOR_SEEN);
  g_assert_cmpint (indicator->claim_id, ==, claim);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* deleting the claim unlinks the indicator; deleting the hypothesis takes its own */
  g_assert_true (cf_case_delete_claim (kase, claim, &error));
  g_assert_true (cf_case_delete_hypothesis (kase, h2, &error));
  g_assert_no_error (error);
  list = cf_case_list_indicators (kase, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  indicator = g_ptr_array_index (list, 0);
  g_assert_cmpint (indicator->claim_id, ==, 0);
  g_assert_cmpint (indicator->status, ==, CF_INDICATOR_SEEN);
  g_clear_pointer (&list, g_ptr_array_unref);
  cf_test_assert_case_sound (kase);

  /* undo brings both back */
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  list = cf_case_list_indicators (kase, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CfIndicator *) g_ptr_array_index (list, 0))->claim_id, ==, claim);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (cf_case_delete_indicator (kase, i2, &error));
  g_assert_no_error (error);
  g_assert_false (cf_case_delete_indicator (kase, i2, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ach/weight/factors", test_weight_factors);
  g_test_add_func ("/ach/weight/row-from-grade-relevance-and-override", test_row_weight);
  g_test_add_func ("/ach/score/weighted-inconsistency-counts-and-ranks", test_scores_and_counts);
  g_test_add_func ("/ach/score/consistency-does-not-count", test_scores_ignore_consistency);
  g_test_add_func ("/ach/diagnosticity/spread-of-assessed-ratings", test_diagnosticity);
  g_test_add_func ("/ach/sensitivity/critical-rows-found", test_critical_rows);
  g_test_add_func ("/ach/sensitivity/tie-broken-is-critical", test_critical_tie);
  g_test_add_func ("/ach/deception/second-ranking", test_deception);
  g_test_add_func ("/ach/contradiction/likely-but-most-inconsistent", test_contradiction);
  g_test_add_func ("/ach/empty-matrix", test_empty_matrix);
  g_test_add_func ("/ach/codes", test_codes);
  g_test_add_func ("/ach/store/evidence-without-document", test_store_evidence_without_document);
  g_test_add_func ("/ach/store/matrix-from-case", test_store_matrix_from_case);
  g_test_add_func ("/ach/store/indicators", test_store_indicators);

  return g_test_run ();
}
