/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures of an ACH matrix: row weights, weighted inconsistency per hypothesis,
 * diagnosticity per row, sensitivity (critical rows) and the deception ranking. Pure
 * arithmetic on a CfAchMatrix, no SQLite, so each formula is tested on a matrix
 * written by hand (tests/test-ach.c); the README documents the same formulas. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cf-ach.h"

/* Scores are sums of a few hundred products of small factors: ties closer than
 * this are ties. */
#define SCORE_EPSILON 1e-9

static void
hypothesis_free (gpointer data)
{
  CfAchHypothesis *hypothesis = data;

  g_free (hypothesis->title);
  g_free (hypothesis);
}

static void
row_free (gpointer data)
{
  CfAchRow *row = data;

  g_free (row->text);
  g_free (row->date);
  g_free (row->ratings);
  g_free (row);
}

CfAchMatrix *
cf_ach_matrix_new (void)
{
  CfAchMatrix *matrix = g_new0 (CfAchMatrix, 1);

  matrix->hypotheses = g_ptr_array_new_with_free_func (hypothesis_free);
  matrix->rows = g_ptr_array_new_with_free_func (row_free);
  return matrix;
}

void
cf_ach_matrix_free (CfAchMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_ptr_array_unref (matrix->hypotheses);
  g_ptr_array_unref (matrix->rows);
  g_free (matrix);
}

CfAchHypothesis *
cf_ach_matrix_add_hypothesis (CfAchMatrix  *matrix,
                              gint64        hypothesis_id,
                              const char   *title,
                              CfLikelihood  likelihood)
{
  CfAchHypothesis *hypothesis;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (matrix->rows->len == 0, NULL);

  hypothesis = g_new0 (CfAchHypothesis, 1);
  hypothesis->hypothesis_id = hypothesis_id;
  /* a damaged file may hold invalid UTF-8; check reports it, every view prints it */
  hypothesis->title = g_utf8_make_valid (title ? title : "", -1);
  hypothesis->likelihood = likelihood;
  g_ptr_array_add (matrix->hypotheses, hypothesis);
  return hypothesis;
}

CfAchRow *
cf_ach_matrix_add_row (CfAchMatrix    *matrix,
                       gint64          claim_id,
                       CfEvidenceKind  kind,
                       const char     *text)
{
  CfAchRow *row;

  g_return_val_if_fail (matrix != NULL, NULL);

  row = g_new0 (CfAchRow, 1);
  row->claim_id = claim_id;
  row->kind = kind;
  row->text = g_utf8_make_valid (text ? text : "", -1);
  row->weight_override = -1;
  row->ratings = g_new0 (CfRelation, MAX (matrix->hypotheses->len, 1));
  g_ptr_array_add (matrix->rows, row);
  return row;
}

gint
cf_ach_matrix_find_hypothesis (CfAchMatrix *matrix,
                               gint64       hypothesis_id)
{
  g_return_val_if_fail (matrix != NULL, -1);

  for (guint h = 0; h < matrix->hypotheses->len; h++)
    if (((CfAchHypothesis *) g_ptr_array_index (matrix->hypotheses, h))->hypothesis_id == hypothesis_id)
      return (gint) h;
  return -1;
}

/* --- the formulas --- */

double
cf_ach_reliability_factor (CfReliability reliability)
{
  switch (reliability)
    {
    case CF_RELIABILITY_A: return 1.0;
    case CF_RELIABILITY_B: return 0.8;
    case CF_RELIABILITY_C: return 0.6;
    case CF_RELIABILITY_D: return 0.4;
    case CF_RELIABILITY_E: return 0.2;
    case CF_RELIABILITY_F:
    case CF_RELIABILITY_NONE:
    default:
      /* cannot be judged and not rated say nothing either way */
      return 0.5;
    }
}

double
cf_ach_credibility_factor (CfCredibility credibility)
{
  switch (credibility)
    {
    case CF_CREDIBILITY_1: return 1.0;
    case CF_CREDIBILITY_2: return 0.8;
    case CF_CREDIBILITY_3: return 0.6;
    case CF_CREDIBILITY_4: return 0.4;
    case CF_CREDIBILITY_5: return 0.2;
    case CF_CREDIBILITY_6:
    case CF_CREDIBILITY_NONE:
    default:
      return 0.5;
    }
}

double
cf_ach_relevance_factor (CfRelevance relevance)
{
  switch (relevance)
    {
    case CF_RELEVANCE_LOW: return M_SQRT1_2;
    case CF_RELEVANCE_HIGH: return M_SQRT2;
    case CF_RELEVANCE_MEDIUM:
    case CF_RELEVANCE_NONE:
    default:
      return 1.0;
    }
}

double
cf_ach_row_weight (const CfAchRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  if (row->weight_override >= 0)
    return row->weight_override;
  return cf_ach_reliability_factor (row->reliability)
         * cf_ach_credibility_factor (row->credibility)
         * cf_ach_relevance_factor (row->relevance);
}

int
cf_ach_inconsistency (CfRelation relation)
{
  switch (relation)
    {
    case CF_RELATION_INCONSISTENT: return -1;
    case CF_RELATION_VERY_INCONSISTENT: return -2;
    default: return 0;
    }
}

gboolean
cf_ach_relation_value (CfRelation  relation,
                       int        *value)
{
  int v;

  switch (relation)
    {
    case CF_RELATION_VERY_CONSISTENT: v = 2; break;
    case CF_RELATION_CONSISTENT: v = 1; break;
    case CF_RELATION_NEUTRAL: v = 0; break;
    case CF_RELATION_INCONSISTENT: v = -1; break;
    case CF_RELATION_VERY_INCONSISTENT: v = -2; break;
    default:
      return FALSE;
    }
  if (value != NULL)
    *value = v;
  return TRUE;
}

static void
compute_diagnosticity (CfAchRow *row,
                       guint     n_hypotheses)
{
  int low = G_MAXINT, high = G_MININT;
  guint n_assessed = 0;

  for (guint h = 0; h < n_hypotheses; h++)
    {
      int value;

      if (!cf_ach_relation_value (row->ratings[h], &value))
        continue;
      low = MIN (low, value);
      high = MAX (high, value);
      n_assessed++;
    }
  row->diagnosticity = n_assessed >= 2 ? (guint) (high - low) : 0;
  row->diagnostic = row->diagnosticity > 0;
}

/* Marks in @leading the hypotheses whose score is the highest (least inconsistency). */
static void
find_leading (const double *scores,
              guint         n,
              gboolean     *leading)
{
  double best = -G_MAXDOUBLE;

  for (guint h = 0; h < n; h++)
    best = MAX (best, scores[h]);
  for (guint h = 0; h < n; h++)
    leading[h] = scores[h] >= best - SCORE_EPSILON;
}

/* Competition ranking: 1 + how many hypotheses have a strictly better score. */
static guint
rank_of (const double *scores,
         guint         n,
         guint         h)
{
  guint rank = 1;

  for (guint o = 0; o < n; o++)
    if (scores[o] > scores[h] + SCORE_EPSILON)
      rank++;
  return rank;
}

void
cf_ach_matrix_compute (CfAchMatrix *matrix)
{
  guint n_h, n_r;
  g_autofree double *scores = NULL;
  g_autofree double *deception = NULL;
  g_autofree double *without = NULL;
  g_autofree gboolean *leading = NULL;
  g_autofree gboolean *leading_without = NULL;

  g_return_if_fail (matrix != NULL);

  n_h = matrix->hypotheses->len;
  n_r = matrix->rows->len;
  scores = g_new0 (double, MAX (n_h, 1));
  deception = g_new0 (double, MAX (n_h, 1));
  without = g_new0 (double, MAX (n_h, 1));
  leading = g_new0 (gboolean, MAX (n_h, 1));
  leading_without = g_new0 (gboolean, MAX (n_h, 1));

  for (guint h = 0; h < n_h; h++)
    {
      CfAchHypothesis *hypothesis = g_ptr_array_index (matrix->hypotheses, h);

      memset (hypothesis->counts, 0, sizeof hypothesis->counts);
    }

  for (guint r = 0; r < n_r; r++)
    {
      CfAchRow *row = g_ptr_array_index (matrix->rows, r);

      row->weight = cf_ach_row_weight (row);
      row->deception_weight = row->deceptive ? row->weight * CF_ACH_DECEPTION_FACTOR : row->weight;
      compute_diagnosticity (row, n_h);
      for (guint h = 0; h < n_h; h++)
        {
          CfAchHypothesis *hypothesis = g_ptr_array_index (matrix->hypotheses, h);
          CfRelation relation = row->ratings[h];

          if ((guint) relation > CF_RELATION_LAST)
            relation = CF_RELATION_NONE;
          hypothesis->counts[relation]++;
          scores[h] += row->weight * cf_ach_inconsistency (relation);
          deception[h] += row->deception_weight * cf_ach_inconsistency (relation);
        }
    }

  for (guint h = 0; h < n_h; h++)
    {
      CfAchHypothesis *hypothesis = g_ptr_array_index (matrix->hypotheses, h);

      /* −0.0 would print as "-0" */
      hypothesis->score = scores[h] == 0 ? 0 : scores[h];
      hypothesis->deception_score = deception[h] == 0 ? 0 : deception[h];
      hypothesis->rank = rank_of (scores, n_h, h);
      hypothesis->deception_rank = rank_of (deception, n_h, h);
    }

  /* Sensitivity (Heuer's step 6): take each row out in turn. */
  find_leading (scores, n_h, leading);
  matrix->n_critical = 0;
  for (guint r = 0; r < n_r; r++)
    {
      CfAchRow *row = g_ptr_array_index (matrix->rows, r);

      row->critical = FALSE;
      for (guint h = 0; h < n_h; h++)
        without[h] = scores[h] - row->weight * cf_ach_inconsistency (row->ratings[h]);
      find_leading (without, n_h, leading_without);
      for (guint h = 0; h < n_h && !row->critical; h++)
        row->critical = leading[h] != leading_without[h];
      if (row->critical)
        matrix->n_critical++;
    }
}

gboolean
cf_ach_matrix_contradicts (CfAchMatrix *matrix,
                           guint        column)
{
  CfAchHypothesis *hypothesis;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (column < matrix->hypotheses->len, FALSE);

  hypothesis = g_ptr_array_index (matrix->hypotheses, column);
  if (hypothesis->likelihood < CF_LIKELIHOOD_LIKELY || hypothesis->score >= 0)
    return FALSE;
  for (guint h = 0; h < matrix->hypotheses->len; h++)
    {
      CfAchHypothesis *other = g_ptr_array_index (matrix->hypotheses, h);

      if (h != column && other->score < hypothesis->score - SCORE_EPSILON)
        return FALSE;
    }
  return matrix->hypotheses->len >= 2;
}

GPtrArray *
cf_ach_matrix_get_warnings (CfAchMatrix *matrix)
{
  GPtrArray *warnings;

  g_return_val_if_fail (matrix != NULL, NULL);

  warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint h = 0; h < matrix->hypotheses->len; h++)
    {
      CfAchHypothesis *hyp = g_ptr_array_index (matrix->hypotheses, h);
      g_autofree char *likelihood = NULL;

      if (!cf_ach_matrix_contradicts (matrix, h))
        continue;
      likelihood = g_utf8_strdown (cf_likelihood_to_label (hyp->likelihood), -1);
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("“%s” is judged %s, but it has the most weighted inconsistency "
                                          "in the matrix (%.2f). Check the judgment or the ratings."),
                                        hyp->title, likelihood, hyp->score));
    }
  return warnings;
}

/* --- codes --- */

static const CfRelation scale_order[CF_ACH_SCALE_LENGTH] = {
  CF_RELATION_NONE, CF_RELATION_VERY_CONSISTENT, CF_RELATION_CONSISTENT, CF_RELATION_NEUTRAL,
  CF_RELATION_INCONSISTENT, CF_RELATION_VERY_INCONSISTENT, CF_RELATION_NOT_APPLICABLE,
};

CfRelation
cf_ach_scale_relation (guint position)
{
  g_return_val_if_fail (position < CF_ACH_SCALE_LENGTH, CF_RELATION_NONE);
  return scale_order[position];
}

guint
cf_ach_scale_position (CfRelation relation)
{
  for (guint i = 0; i < CF_ACH_SCALE_LENGTH; i++)
    if (scale_order[i] == relation)
      return i;
  return 0;
}

static const char * const kind_codes[] = { "quote", "assumption", "absence" };
static const char * const kind_labels[] = { N_("Quote"), N_("Assumption"), N_("Absence of evidence") };
static const char * const relevance_codes[] = { NULL, "low", "medium", "high" };
static const char * const relevance_labels[] = { N_("Medium (default)"), N_("Low"), N_("Medium"), N_("High") };

const char *
cf_evidence_kind_to_code (CfEvidenceKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_codes), NULL);
  return kind_codes[kind];
}

const char *
cf_evidence_kind_to_label (CfEvidenceKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, kind_labels[kind]);
}

gboolean
cf_evidence_kind_from_code (const char     *code,
                            CfEvidenceKind *out)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_codes); i++)
    if (g_ascii_strcasecmp (code, kind_codes[i]) == 0)
      {
        if (out != NULL)
          *out = (CfEvidenceKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cf_relevance_to_code (CfRelevance relevance)
{
  g_return_val_if_fail ((guint) relevance <= CF_RELEVANCE_LAST, NULL);
  return relevance_codes[relevance];
}

const char *
cf_relevance_to_label (CfRelevance relevance)
{
  g_return_val_if_fail ((guint) relevance <= CF_RELEVANCE_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, relevance_labels[relevance]);
}

gboolean
cf_relevance_from_code (const char  *code,
                        CfRelevance *out)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 1; i <= CF_RELEVANCE_LAST; i++)
    {
      char digit[2] = { (char) ('0' + i), '\0' };

      if (g_ascii_strcasecmp (code, relevance_codes[i]) == 0 || strcmp (code, digit) == 0)
        {
          if (out != NULL)
            *out = (CfRelevance) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* --- JSON --- */

static void
add_code_or_null (JsonBuilder *builder,
                  const char  *member,
                  const char  *code)
{
  json_builder_set_member_name (builder, member);
  if (code != NULL)
    json_builder_add_string_value (builder, code);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
cf_ach_matrix_to_json (CfAchMatrix *matrix)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (matrix != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hypotheses");
  json_builder_begin_array (builder);
  for (guint h = 0; h < matrix->hypotheses->len; h++)
    {
      CfAchHypothesis *hypothesis = g_ptr_array_index (matrix->hypotheses, h);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, hypothesis->hypothesis_id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, hypothesis->title);
      add_code_or_null (builder, "likelihood", cf_likelihood_to_code (hypothesis->likelihood));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, hypothesis->score);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, hypothesis->rank);
      json_builder_set_member_name (builder, "deception_score");
      json_builder_add_double_value (builder, hypothesis->deception_score);
      json_builder_set_member_name (builder, "deception_rank");
      json_builder_add_int_value (builder, hypothesis->deception_rank);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint r = 0; r <= CF_RELATION_LAST; r++)
        {
          const char *code = cf_relation_to_code (r);

          json_builder_set_member_name (builder, code ? code : "none");
          json_builder_add_int_value (builder, hypothesis->counts[r]);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < matrix->rows->len; r++)
    {
      CfAchRow *row = g_ptr_array_index (matrix->rows, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "claim_id");
      json_builder_add_int_value (builder, row->claim_id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, cf_evidence_kind_to_code (row->kind));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, row->text);
      add_code_or_null (builder, "date", row->date);
      add_code_or_null (builder, "reliability", cf_reliability_to_code (row->reliability));
      add_code_or_null (builder, "credibility", cf_credibility_to_code (row->credibility));
      add_code_or_null (builder, "relevance", cf_relevance_to_code (row->relevance));
      json_builder_set_member_name (builder, "weight_override");
      if (row->weight_override >= 0)
        json_builder_add_double_value (builder, row->weight_override);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, row->weight);
      json_builder_set_member_name (builder, "deceptive");
      json_builder_add_boolean_value (builder, row->deceptive);
      json_builder_set_member_name (builder, "deception_weight");
      json_builder_add_double_value (builder, row->deception_weight);
      json_builder_set_member_name (builder, "diagnosticity");
      json_builder_add_int_value (builder, row->diagnosticity);
      json_builder_set_member_name (builder, "diagnostic");
      json_builder_add_boolean_value (builder, row->diagnostic);
      json_builder_set_member_name (builder, "critical");
      json_builder_add_boolean_value (builder, row->critical);
      json_builder_set_member_name (builder, "ratings");
      json_builder_begin_array (builder);
      for (guint h = 0; h < matrix->hypotheses->len; h++)
        {
          const char *code = (guint) row->ratings[h] <= CF_RELATION_LAST ? cf_relation_to_code (row->ratings[h]) : NULL;

          if (code != NULL)
            json_builder_add_string_value (builder, code);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "critical_rows");
  json_builder_add_int_value (builder, matrix->n_critical);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
