/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief's analysis of competing hypotheses, read back from the PDF with
 * pdftotext: the matrix with its legend, the scores, the critical evidence and the
 * indicators; a matrix longer than a page repeats its header; and the warning a
 * preview shows when a judgment contradicts the matrix. */
#include "config.h"

#include <string.h>

#include "brief-test-util.h"

#define MATRIX_HEADER "Claim Wt D H1 H2"

typedef struct
{
  CfCase *kase;
  gint64  h1, h2, decisive, minor, alike;
} AchCase;

/* Two hypotheses, three rated rows with set weights:
 *            H1  H2   weight
 *  decisive  N   II   1      → H1 0 − 1 (minor), H2 −2
 *  minor     I   N    1
 *  alike     N   N    1
 * H1 leads at −1. Without "decisive" H2 leads (0 against −1): it is critical;
 * without "minor" H1 still leads. */
static void
ach_case_init (AchCase    *c,
               const char *name)
{
  g_autoptr(GError) error = NULL;

  c->kase = new_case (name, "Matrix brief");
  c->h1 = cf_case_add_hypothesis (c->kase, "The depot was struck from the air", NULL, &error);
  c->h2 = cf_case_add_hypothesis (c->kase, "A fuel store exploded by accident", NULL, &error);
  c->decisive = cf_case_add_evidence (c->kase, CF_EVIDENCE_ABSENCE, "No crater was found at the depot.", &error);
  c->minor = cf_case_add_evidence (c->kase, CF_EVIDENCE_ASSUMPTION, "Air defence would have seen a drone.", &error);
  c->alike = cf_case_add_evidence (c->kase, CF_EVIDENCE_ASSUMPTION, "The fire burned for hours.", &error);
  g_assert_no_error (error);
  cf_case_set_claim_relation (c->kase, c->decisive, c->h1, CF_RELATION_NEUTRAL, &error);
  cf_case_set_claim_relation (c->kase, c->decisive, c->h2, CF_RELATION_VERY_INCONSISTENT, &error);
  cf_case_set_claim_relation (c->kase, c->minor, c->h1, CF_RELATION_INCONSISTENT, &error);
  cf_case_set_claim_relation (c->kase, c->minor, c->h2, CF_RELATION_NEUTRAL, &error);
  cf_case_set_claim_relation (c->kase, c->alike, c->h1, CF_RELATION_NEUTRAL, &error);
  cf_case_set_claim_relation (c->kase, c->alike, c->h2, CF_RELATION_NEUTRAL, &error);
  g_assert_no_error (error);
  for (gint64 id = c->decisive; id <= c->alike; id++)
    g_assert_true (cf_case_set_claim_weight (c->kase, id, 1.0, &error));
  g_assert_no_error (error);
}

static void
test_matrix_legend_and_critical (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *critical = NULL;
  AchCase c = { 0 };
  const char *order[] = {
    "Analysis of competing hypotheses",
    "CC very consistent",
    "H1 The depot was struck from the air",
    "H2 A fuel store exploded by accident",
    MATRIX_HEADER,
    "Scores",
    "H1: weighted inconsistency -1.00 (rank 1)",
    "H2: weighted inconsistency -2.00 (rank 2)",
    "Critical evidence",
    NULL,   /* the decisive row, below */
    "Indicators",
    "Debris of a drone on the roof",
  };

  if (!have_poppler ())
    return;
  ach_case_init (&c, "legend.casefile");
  g_assert_cmpint (cf_case_add_indicator (c.kase, c.h1, "Debris of a drone on the roof", &error), >, 0);
  g_assert_no_error (error);
  critical = g_strdup_printf ("#%" G_GINT64_FORMAT " (Absence of evidence, 1.00) No crater", c.decisive);
  order[9] = critical;

  pdf = render_brief (c.kase, NULL, "legend.pdf");
  assert_in_order (pdf->all, 0, order, G_N_ELEMENTS (order));
  /* the minor row is in the matrix but not among the critical evidence */
  {
    g_autofree char *minor = g_strdup_printf ("#%" G_GINT64_FORMAT " (Assumption", c.minor);
    g_autofree char *minor_row = g_strdup_printf ("#%" G_GINT64_FORMAT " ", c.minor);

    g_assert_null (strstr (pdf->all, minor));
    g_assert_nonnull (strstr (pdf->all, minor_row));
  }
  g_object_unref (c.kase);
}

static void
test_matrix_spans_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) pdf = NULL;
  AchCase c = { 0 };
  guint pages_with_rows = 0;
  gboolean in_matrix = FALSE;

  if (!have_poppler ())
    return;
  ach_case_init (&c, "long.casefile");
  cf_case_begin_action (c.kase, "many rows");
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *text = g_strdup_printf ("Assumed item number %u of the long matrix.", i);
      gint64 id = cf_case_add_evidence (c.kase, CF_EVIDENCE_ASSUMPTION, text, &error);

      g_assert_no_error (error);
      cf_case_set_claim_relation (c.kase, id, i % 2 ? c.h1 : c.h2, CF_RELATION_CONSISTENT, &error);
      g_assert_no_error (error);
    }
  g_assert_true (cf_case_end_action (c.kase, &error));

  pdf = render_brief (c.kase, NULL, "long.pdf");
  /* every page that shows rows of the matrix begins them with the header (the
   * matrix ends at its scores; the claims section quotes the rows again) */
  for (guint p = 0; p < pdf->pages->len; p++)
    {
      const char *page = g_ptr_array_index (pdf->pages, p);
      const char *heading = strstr (page, "Analysis of competing hypotheses");
      const char *row;

      /* the key judgments before the matrix quote rows too */
      if (!in_matrix && heading == NULL)
        continue;
      in_matrix = TRUE;
      if (heading != NULL)
        page = heading;
      row = strstr (page, "Assumed item number");
      if (row == NULL && pages_with_rows == 0)
        continue;
      const char *header;
      const char *scores = strstr (page, "Scores H1: weighted inconsistency");

      if (row == NULL || (scores != NULL && scores < row))
        break;
      header = strstr (page, MATRIX_HEADER);
      pages_with_rows++;
      g_assert_nonnull (header);
      g_assert_true (header < row);
    }
  g_assert_cmpuint (pages_with_rows, >=, 2);
  g_object_unref (c.kase);
}

static void
test_contradiction_warning (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  CfBriefOptions options;
  AchCase c = { 0 };

  ach_case_init (&c, "warning.casefile");
  init_options (&options, date);
  brief = cf_brief_new (c.kase, &options, &error);
  g_assert_no_error (error);
  warnings = cf_brief_get_warnings (brief);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_object (&brief);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* H2 has the most weighted inconsistency: judged likely, the preview says so */
  g_assert_true (cf_case_set_hypothesis_likelihood (c.kase, c.h2, CF_LIKELIHOOD_LIKELY, &error));
  brief = cf_brief_new (c.kase, &options, &error);
  g_assert_no_error (error);
  warnings = cf_brief_get_warnings (brief);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "A fuel store exploded by accident"));
  g_object_unref (c.kase);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/ach/matrix-legend-scores-and-critical-evidence", test_matrix_legend_and_critical);
  g_test_add_func ("/brief/ach/matrix-spans-pages-with-its-header", test_matrix_spans_pages);
  g_test_add_func ("/brief/ach/preview-warns-of-contradicted-judgment", test_contradiction_warning);

  return g_test_run ();
}
