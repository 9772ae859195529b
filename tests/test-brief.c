/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary brief as a reader sees it, one behaviour per test: each renders a
 * brief to PDF with a fixed date and reads it back with pdftotext and pdfinfo
 * (poppler-utils). The helpers are in brief-test-util.c. */

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "brief-test-util.h"
#include "cf-record-list.h"

/* --- options ------------------------------------------------------------------------------ */

static void
test_options_group_by_codes (void)
{
  CfBriefGroupBy group_by;

  g_assert_true (cf_brief_group_by_from_code ("hypothesis", &group_by));
  g_assert_cmpint (group_by, ==, CF_BRIEF_GROUP_BY_HYPOTHESIS);
  g_assert_true (cf_brief_group_by_from_code ("tag", &group_by));
  g_assert_cmpint (group_by, ==, CF_BRIEF_GROUP_BY_TAG);
  g_assert_false (cf_brief_group_by_from_code ("actor", &group_by));
  g_assert_cmpstr (cf_brief_group_by_to_code (CF_BRIEF_GROUP_BY_HYPOTHESIS), ==, "hypothesis");
}

static void
test_options_paper_codes (void)
{
  CfBriefPaper paper;

  g_assert_true (cf_brief_paper_from_code ("Letter", &paper));
  g_assert_cmpint (paper, ==, CF_BRIEF_PAPER_LETTER);
  g_assert_true (cf_brief_paper_from_code ("a4", &paper));
  g_assert_cmpint (paper, ==, CF_BRIEF_PAPER_A4);
  g_assert_false (cf_brief_paper_from_code ("a5", &paper));
  g_assert_cmpstr (cf_brief_paper_to_code (CF_BRIEF_PAPER_AUTO), ==, "auto");
}

typedef struct
{
  CfBriefPaper paper;
  double       width;
  double       height;
} PaperSize;

static const PaperSize a4 = { CF_BRIEF_PAPER_A4, 595.276, 841.89 };
static const PaperSize letter = { CF_BRIEF_PAPER_LETTER, 612, 792 };

static void
test_pdf_page_size (gconstpointer data)
{
  const PaperSize *size = data;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  CfBriefOptions options;
  double width, height;

  cf_brief_paper_get_size (size->paper, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, size->width, 0.01);
  g_assert_cmpfloat_with_epsilon (height, size->height, 0.01);
  if (!have_poppler ())
    return;

  kase = small_case ("paper.casefile");
  init_options (&options, date);
  options.paper = size->paper;
  pdf = render_brief (kase, &options, "paper.pdf");
  g_assert_cmpfloat_with_epsilon (pdf->width, size->width, 0.01);
  g_assert_cmpfloat_with_epsilon (pdf->height, size->height, 0.01);
}

/* --- rendering and reading back ------------------------------------------------------------- */

/* How a test adjusts the default options before rendering the small case. */
typedef void (*AdjustOptions) (CfBriefOptions *options);

static PdfText *
render_small (AdjustOptions adjust)
{
  g_autoptr(CfCase) kase = small_case ("small.casefile");
  g_autoptr(GDateTime) date = fixed_date ();
  CfBriefOptions options;

  init_options (&options, date);
  if (adjust != NULL)
    adjust (&options);
  return render_brief (kase, &options, "small.pdf");
}

static void
by_hypothesis (CfBriefOptions *options)
{
  options->group_by = CF_BRIEF_GROUP_BY_HYPOTHESIS;
}

static void
moderate_or_higher (CfBriefOptions *options)
{
  options->min_confidence = CF_CONFIDENCE_MODERATE;
}

static void
high_only (CfBriefOptions *options)
{
  options->min_confidence = CF_CONFIDENCE_HIGH;
}

static void
without_notes (CfBriefOptions *options)
{
  options->include_notes = FALSE;
}

/* The example case shipped with Casefile, or the small case when it is not built. */
static CfCase *
open_example (void)
{
  const char *example = g_getenv ("CASEFILE_EXAMPLE");
  g_autoptr(GError) error = NULL;
  CfCase *kase;

  if (example == NULL || !g_file_test (example, G_FILE_TEST_EXISTS))
    {
      g_test_message ("CASEFILE_EXAMPLE not set: using a case built here");
      return small_case ("example-stand-in.casefile");
    }
  kase = cf_case_open (example, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return kase;
}

static PdfText *
render_example (CfCase *kase)
{
  return render_brief (kase, NULL, "example-brief.pdf");
}

/* --- the example case ------------------------------------------------------------------------ */

static void
test_example_sections_in_order (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  const char *headings[] = {
    "SUMMARY BRIEF", NULL, "3 May 2026", "Bottom line up front", "Key judgments",
    "Claims by tag", "Sources", "Notes",
  };

  if (!have_poppler ())
    return;
  kase = open_example ();
  pdf = render_example (kase);
  headings[1] = cf_case_get_info (kase, CF_CASE_FIELD_TITLE);
  assert_in_order (pdf->all, 0, headings, G_N_ELEMENTS (headings));
}

static void
test_example_every_claim_in_claims_section (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GListModel) claims = NULL;
  gsize claims_at, sources_at;

  if (!have_poppler ())
    return;
  kase = open_example ();
  pdf = render_example (kase);
  claims_at = assert_in_order (pdf->all, 0, (const char *[]) { "Claims by tag" }, 1);
  sources_at = assert_in_order (pdf->all, claims_at, (const char *[]) { "Sources" }, 1);
  claims = cf_case_list_claims (kase);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *needle = first_words (cf_claim_get_quote (claim), 5);
      const char *found;

      /* the brief sets quotation marks inside a quote as single typographic ones, so
       * the words before the first mark are looked for */
      for (char *c = needle; *c != '\0'; c++)
        if (*c == '"' || *c == '\'' || (guchar) *c == 0xe2)
          {
            if (c != needle)
              *c = '\0';
            break;
          }
      found = strstr (pdf->all + claims_at, needle);

      if (found == NULL || (gsize) (found - pdf->all) > sources_at)
        g_error ("claim %" G_GINT64_FORMAT " (“%s”) is not in the claims section",
                 cf_claim_get_id (claim), needle);
    }
}

static void
test_example_every_source_listed (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GListModel) documents = NULL;
  gsize at;

  if (!have_poppler ())
    return;
  kase = open_example ();
  pdf = render_example (kase);
  documents = cf_case_list_documents (kase);
  at = assert_in_order (pdf->all, 0, (const char *[]) { "Claims by tag", "Sources" }, 2);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CfDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *label = g_strdup_printf ("[S%u]", i + 1);
      const char *needles[] = { label, cf_document_get_title (document) };

      at = assert_in_order (pdf->all, at, needles, 2);
      if (cf_document_get_sha256 (document) != NULL)
        {
          g_autofree char *hash = g_strdup_printf ("SHA-256 %.12s", cf_document_get_sha256 (document));

          at = assert_in_order (pdf->all, at, (const char *[]) { hash }, 1);
        }
    }
}

static void
test_example_marking_top_and_bottom (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  const char *marking;

  if (!have_poppler ())
    return;
  kase = open_example ();
  marking = cf_case_get_info (kase, CF_CASE_FIELD_MARKING);
  if (marking == NULL || *marking == '\0')
    {
      g_test_skip ("the example case has no handling marking");
      return;
    }
  pdf = render_example (kase);
  for (guint i = 0; i < pdf->pages->len; i++)
    {
      const char *first = strstr (g_ptr_array_index (pdf->pages, i), marking);

      g_assert_nonnull (first);
      g_assert_nonnull (strstr (first + 1, marking));
    }
}

static void
test_pages_page_n_of_m (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  kase = open_example ();
  pdf = render_example (kase);
  g_assert_cmpuint (pdf->n_pages, >, 1);
  assert_page_numbers (pdf);
}

/* --- the PDF file -------------------------------------------------------------------------- */

/* The same case and date give the same bytes. */
static void
test_pdf_reproducible (void)
{
  g_autoptr(CfCase) kase = small_case ("reproducible.casefile");
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_bytes = NULL;
  g_autofree char *second_bytes = NULL;
  gsize first_len, second_len;
  CfBriefOptions options;

  init_options (&options, date);
  first = write_brief (kase, &options, "reproducible-1.pdf");
  second = write_brief (kase, &options, "reproducible-2.pdf");
  g_assert_true (g_file_get_contents (first, &first_bytes, &first_len, NULL));
  g_assert_true (g_file_get_contents (second, &second_bytes, &second_len, NULL));
  g_assert_cmpmem (first_bytes, first_len, second_bytes, second_len);
  g_unlink (first);
  g_unlink (second);
}

static void
test_pdf_creation_date_from_options (void)
{
  g_autoptr(CfCase) kase = small_case ("dated.casefile");
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  CfBriefOptions options;

  init_options (&options, date);
  path = write_brief (kase, &options, "dated.pdf");
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (bytes_contain (bytes, length, "20260503093000"));
  g_unlink (path);
}

static void
test_pdf_missing_folder_reported (void)
{
  g_autoptr(CfCase) kase = small_case ("write-error.casefile");
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("no-such-folder/brief.pdf");

  brief = cf_brief_new (kase, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cf_brief_write_pdf (brief, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- what the small case's brief says --------------------------------------------------------- */

static void
test_by_tag_reading_order (void)
{
  g_autoptr(PdfText) pdf = NULL;
  const char *expected[] = {
    "TLP:AMBER", "Fire at the river depot", "R. Tester",
    "Bottom line up front", "The depot was probably attacked.",
    "Key judgments", "H1", "The depot was attacked", "likely (55–80%)", "moderate confidence",
    "1 consistent", "1 inconsistent", "1 neutral",
    "H2", "The fire was an accident",
    "Claims by tag",
    "Attack", "#1", quote_a, "Port police", "B2", "high confidence", "Check the police log",
    "Untagged", "#2", quote_b, "#3", quote_c, "#4", quote_d,
    "Sources", "[S1]", "Blast at the river depot", "River Courier",
    "Notes", "Ask the insurer for the fire report", "The Courier is a local weekly",
  };

  if (!have_poppler ())
    return;
  pdf = render_small (NULL);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
}

/* A claim stands under its first tag only and names the others. */
static void
test_by_tag_claim_names_other_tags (void)
{
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  pdf = render_small (NULL);
  g_assert_nonnull (strstr (pdf->all, "Wreckage"));
  g_assert_null (strstr (pdf->all, "Wreckage 1 claim"));
}

/* #1 and #2 oppose each other on H1; the neutral and unrelated claims are not
 * contested. */
static void
test_by_tag_opposing_claims_contested (void)
{
  g_autoptr(PdfText) pdf = NULL;
  const char *expected[] = {
    "#1", "Contested", "opposed by #2", quote_a, "#2", "Contested", "opposed by #1", quote_b,
  };
  const char *second;

  if (!have_poppler ())
    return;
  pdf = render_small (NULL);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  second = strstr (strstr (pdf->all, "Contested") + 1, "Contested");
  g_assert_null (strstr (second + 1, "Contested"));
}

static void
test_by_hypothesis_claims_under_relation (void)
{
  g_autoptr(PdfText) pdf = NULL;
  const char *expected[] = {
    "Claims by hypothesis",
    "H1 The depot was attacked", "Consistent (1)", quote_a, "Inconsistent (1)", quote_b,
    "Neutral (1)", quote_c,
    "H2 The fire was an accident", "Inconsistent (1)", quote_a,
    "Not linked to a hypothesis", quote_d,
    "Sources",
  };

  if (!have_poppler ())
    return;
  pdf = render_small (by_hypothesis);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
}

static void
test_by_hypothesis_no_tag_sections (void)
{
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  pdf = render_small (by_hypothesis);
  g_assert_null (strstr (pdf->all, "Claims by tag"));
  g_assert_null (strstr (pdf->all, "Untagged"));
}

/* Moderate: the high and moderate claims stay, the low and unrated ones go. */
static void
test_min_confidence_keeps_claims_at_or_above (void)
{
  g_autoptr(PdfText) pdf = NULL;
  const char *expected[] = {
    "moderate confidence or higher", "Claims by tag", quote_a, quote_b, "Sources",
  };

  if (!have_poppler ())
    return;
  pdf = render_small (moderate_or_higher);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  g_assert_null (strstr (pdf->all, quote_c));
  g_assert_null (strstr (pdf->all, quote_d));
}

/* High: only #1 is left, and #2 (left out) no longer makes it contested. */
static void
test_min_confidence_opposition_among_shown_only (void)
{
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  pdf = render_small (high_only);
  g_assert_nonnull (strstr (pdf->all, quote_a));
  g_assert_null (strstr (pdf->all, quote_b));
  g_assert_null (strstr (pdf->all, "Contested"));
}

static void
test_min_confidence_says_when_none_left (void)
{
  g_autoptr(CfCase) kase = new_case ("min-none.casefile", "Low confidence only");
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *text = g_strdup_printf ("%s.", quote_c);
  CfBriefOptions options;
  gint64 doc, claim;

  if (!have_poppler ())
    return;
  doc = add_document (kase, "A source", NULL, text);
  claim = add_claim (kase, doc, quote_c);
  cf_case_set_claim_confidence (kase, claim, CF_CONFIDENCE_LOW, &error);
  g_assert_no_error (error);
  init_options (&options, date);
  options.min_confidence = CF_CONFIDENCE_HIGH;
  pdf = render_brief (kase, &options, "min-none.pdf");
  g_assert_nonnull (strstr (pdf->all, "No claims are rated at high confidence or higher."));
  g_assert_null (strstr (pdf->all, quote_c));
}

static void
test_notes_left_out_on_request (void)
{
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  pdf = render_small (without_notes);
  g_assert_nonnull (strstr (pdf->all, quote_a));
  g_assert_nonnull (strstr (pdf->all, "notes left out"));
  g_assert_null (strstr (pdf->all, "Check the police log"));
  g_assert_null (strstr (pdf->all, "Ask the insurer"));
  g_assert_null (strstr (pdf->all, "local weekly"));
}

static void
test_empty_case_one_page_of_placeholders (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  const char *expected[] = {
    "Nothing yet", "No summary yet.", "No hypotheses yet.", "No claims yet.", "No sources yet.",
    "No notes yet.", "Page 1 of 1",
  };

  if (!have_poppler ())
    return;
  kase = new_case ("empty.casefile", "Nothing yet");
  pdf = render_brief (kase, NULL, "empty-brief.pdf");
  g_assert_cmpuint (pdf->n_pages, ==, 1);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
}

static void
test_no_hypotheses_claims_untagged_uncontested (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *text = g_strdup_printf ("%s. %s.", quote_a, quote_b);
  gint64 doc;
  const char *expected[] = {
    "Key judgments", "No hypotheses yet.", "Claims by tag", "Untagged", quote_a, quote_b,
    "Sources", "[S1]", "Only source",
  };

  if (!have_poppler ())
    return;
  kase = new_case ("no-hypotheses.casefile", "Claims only");
  doc = add_document (kase, "Only source", NULL, text);
  add_claim (kase, doc, quote_a);
  add_claim (kase, doc, quote_b);
  pdf = render_brief (kase, NULL, "no-hypotheses.pdf");
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  g_assert_null (strstr (pdf->all, "Contested"));
}

/* --- drawing on other surfaces ----------------------------------------------------------------- */

static CfBrief *
small_brief_on_letter (void)
{
  g_autoptr(CfCase) kase = small_case ("surface.casefile");
  g_autoptr(GError) error = NULL;
  CfBriefOptions options;
  CfBrief *brief;

  cf_brief_options_init (&options);
  options.paper = CF_BRIEF_PAPER_LETTER;
  brief = cf_brief_new (kase, &options, &error);
  g_assert_no_error (error);
  return brief;
}

static void
test_draw_no_pages_before_pagination (void)
{
  g_autoptr(CfBrief) brief = small_brief_on_letter ();

  g_assert_cmpuint (cf_brief_get_n_pages (brief), ==, 0);
  g_assert_cmpuint (cf_brief_get_n_claims (brief), ==, 4);
}

/* The page a GTK print operation would draw is the page the PDF has: any cairo
 * surface draws the pages pagination found, and writing the PDF keeps them. */
static void
test_draw_any_surface_same_pages (void)
{
  g_autoptr(CfBrief) brief = small_brief_on_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("surface.pdf");
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_assert_true (cf_brief_paginate (brief, NULL, 612, 792, &error));
  g_assert_no_error (error);
  n_pages = cf_brief_get_n_pages (brief);
  g_assert_cmpuint (n_pages, >=, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cf_brief_draw_page (brief, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (cf_brief_write_pdf (brief, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_brief_get_n_pages (brief), ==, n_pages);
  g_unlink (path);
}

/* A label printer's paper is refused in words, not with a crash. */
static void
test_paginate_small_paper_refused (void)
{
  g_autoptr(CfBrief) brief = small_brief_on_letter ();
  g_autoptr(GError) error = NULL;

  g_assert_false (cf_brief_paginate (brief, NULL, 144, 72, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* --- a big case ---------------------------------------------------------------------------- */

#define N_BIG_CLAIMS 1000

static const char *latin_words[] = {
  "officials", "said", "the", "strike", "hit", "a", "depot", "near", "harbour", "after",
  "midnight", "witnesses", "reported", "two", "explosions", "and", "smoke", "over", "river",
  "district", "according", "to", "statement", "ministry", "drone", "wreckage",
};
static const char *ukrainian_words[] = {
  "посадовці", "заявили", "що", "удар", "влучив", "у", "склад", "біля", "гавані", "після",
  "опівночі", "свідки", "повідомили", "про", "два", "вибухи", "дим", "над", "річкою",
};
static const char *arabic_words[] = {
  "قال", "المسؤولون", "إن", "الضربة", "أصابت", "مستودعا", "قرب", "الميناء", "بعد",
  "منتصف", "الليل", "وأفاد", "شهود", "بوقوع", "انفجارين", "ودخان", "فوق", "النهر",
};

/* Claim @i's quote: a start and an end marker around words of varied length and
 * script; a few are longer than a page. */
static char *
big_quote (guint i)
{
  GString *quote = g_string_new (NULL);
  const char **words = latin_words;
  guint n_words = G_N_ELEMENTS (latin_words);
  guint length = 4 + (i * 37) % 45;

  if (i % 10 == 3)
    {
      words = ukrainian_words;
      n_words = G_N_ELEMENTS (ukrainian_words);
    }
  else if (i % 10 == 7)
    {
      words = arabic_words;
      n_words = G_N_ELEMENTS (arabic_words);
    }
  if (i % 97 == 5)
    length = 350;             /* long, but fits on a page */
  if (i == 400 || i == 801)
    length = 2400;            /* longer than a page */

  g_string_append_printf (quote, "qs%04u", i);
  for (guint w = 0; w < length; w++)
    g_string_append_printf (quote, " %s", words[(i + w * 7) % n_words]);
  g_string_append_printf (quote, " qe%04u", i);
  return g_string_free (quote, FALSE);
}

static CfCase *
big_case (const char *name)
{
  CfCase *kase = new_case (name, "A very large case");
  g_autoptr(GError) error = NULL;
  gint64 tags[4];
  gint64 hypotheses[3];
  guint per_document = 50;

  cf_case_set_undo_enabled (kase, FALSE);
  cf_case_begin_action (kase, "Load");

  tags[0] = cf_case_add_tag (kase, "Attack", 0, "#e01b24", &error);
  g_assert_no_error (error);
  tags[1] = cf_case_add_tag (kase, "Drone", tags[0], "#ff7800", &error);
  g_assert_no_error (error);
  tags[2] = cf_case_add_tag (kase, "Denial", 0, "#3584e4", &error);
  g_assert_no_error (error);
  tags[3] = cf_case_add_tag (kase, "Свідки", 0, "#33d17a", &error);
  g_assert_no_error (error);
  for (guint h = 0; h < G_N_ELEMENTS (hypotheses); h++)
    {
      g_autofree char *title = g_strdup_printf ("Hypothesis number %u", h + 1);

      hypotheses[h] = cf_case_add_hypothesis (kase, title, "What the analyst thinks.", &error);
      g_assert_no_error (error);
    }

  for (guint d = 0; d < N_BIG_CLAIMS / per_document; d++)
    {
      g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = NULL;
      g_autofree char *title = g_strdup_printf ("Source document %u", d + 1);
      gint64 document;
      gint offset = 0;

      for (guint k = 0; k < per_document; k++)
        g_ptr_array_add (quotes, big_quote (d * per_document + k));
      g_ptr_array_add (quotes, NULL);
      text = g_strjoinv ("\n\n", (char **) quotes->pdata);
      document = add_document (kase, title, "Example Wire", text);

      for (guint k = 0; k < per_document; k++)
        {
          guint i = d * per_document + k;
          const char *quote = g_ptr_array_index (quotes, k);
          gint length = (gint) g_utf8_strlen (quote, -1);
          gint64 claim = cf_case_add_claim (kase, document, offset, offset + length, quote, &error);

          g_assert_no_error (error);
          offset += length + 2;

          if (i % 5 != 4)
            {
              cf_case_add_claim_tag (kase, claim, tags[i % 4], &error);
              g_assert_no_error (error);
            }
          cf_case_set_claim_reliability (kase, claim, 1 + i % 6, &error);
          g_assert_no_error (error);
          cf_case_set_claim_credibility (kase, claim, 1 + i % 5, &error);
          g_assert_no_error (error);
          cf_case_set_claim_confidence (kase, claim, i % 4, &error);
          g_assert_no_error (error);
          if (i % 3 == 0)
            {
              cf_case_set_claim_relation (kase, claim, hypotheses[i % 3 == 0 ? (i / 3) % 3 : 0],
                                          i % 2 ? CF_RELATION_CONSISTENT : CF_RELATION_INCONSISTENT,
                                          &error);
              g_assert_no_error (error);
            }
          if (i % 11 == 0)
            {
              cf_case_set_claim_actor_name (kase, claim, i % 2 ? "Ministry" : "Міністерство", &error);
              g_assert_no_error (error);
              cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, claim,
                                "A note on this claim that runs on for a while to wrap.", &error);
              g_assert_no_error (error);
            }
        }
    }
  cf_case_end_action (kase, &error);
  g_assert_no_error (error);
  return kase;
}

/* The big case takes seconds to build and render: once for all its tests. */
static PdfText *big_pdf;
static gsize big_claims_at;
static gsize big_sources_at;

static PdfText *
render_big (void)
{
  g_autoptr(CfCase) kase = NULL;

  if (big_pdf != NULL)
    return big_pdf;
  kase = big_case ("big.casefile");
  big_pdf = render_brief (kase, NULL, "big-brief.pdf");
  g_test_message ("1,000 claims: %u pages", big_pdf->n_pages);
  big_claims_at = assert_in_order (big_pdf->all, 0, (const char *[]) { "Claims by tag" }, 1);
  big_sources_at = assert_in_order (big_pdf->all, big_claims_at, (const char *[]) { "Sources" }, 1);
  return big_pdf;
}

/* The first and last page of claim @i's quote. */
static void
big_claim_pages (guint  i,
                 guint *start_page,
                 guint *end_page)
{
  g_autofree char *start = g_strdup_printf ("qs%04u", i);
  g_autofree char *end = g_strdup_printf ("qe%04u", i);
  const char *found_start = strstr (big_pdf->all + big_claims_at, start);
  const char *found_end = strstr (big_pdf->all + big_claims_at, end);

  if (found_start == NULL || found_end == NULL)
    g_error ("claim %u's first or last word is missing from the brief", i);
  g_assert_cmpuint ((gsize) (found_start - big_pdf->all), <, big_sources_at);
  g_assert_cmpuint ((gsize) (found_end - big_pdf->all), <, big_sources_at);
  *start_page = page_of_offset (big_pdf, (gsize) (found_start - big_pdf->all));
  *end_page = page_of_offset (big_pdf, (gsize) (found_end - big_pdf->all));
}

static void
test_large_numbers_every_page (void)
{
  if (!have_poppler ())
    return;
  render_big ();
  g_assert_cmpuint (big_pdf->n_pages, >, 50);
  assert_page_numbers (big_pdf);
}

/* A claim that fits on a page is never cut over two. */
static void
test_large_claims_not_cut (void)
{
  if (!have_poppler ())
    return;
  render_big ();
  for (guint i = 0; i < N_BIG_CLAIMS; i++)
    {
      guint start_page, end_page;

      if (i == 400 || i == 801)
        continue;
      big_claim_pages (i, &start_page, &end_page);
      if (start_page != end_page)
        g_error ("claim %u is cut: it starts on page %u and ends on page %u",
                 i, start_page + 1, end_page + 1);
    }
}

/* A claim longer than a page is split between lines, and every line is there. */
static void
test_large_long_claims_split (void)
{
  guint long_claims[] = { 400, 801 };

  if (!have_poppler ())
    return;
  render_big ();
  for (guint k = 0; k < G_N_ELEMENTS (long_claims); k++)
    {
      guint start_page, end_page;

      big_claim_pages (long_claims[k], &start_page, &end_page);
      g_assert_cmpuint (end_page, >, start_page);
    }
}

/* No heading is left alone at the foot of a page (up to the source list, whose
 * lines end in claim counts too). */
static void
test_large_no_heading_at_page_foot (void)
{
  if (!have_poppler ())
    return;
  render_big ();
  for (guint i = 0; i < page_of_offset (big_pdf, big_sources_at); i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, big_pdf->n_pages);
      g_autofree char *body = g_strdup (g_ptr_array_index (big_pdf->pages, i));
      char *end = g_strrstr (body, footer);

      g_assert_nonnull (end);
      *end = '\0';
      if (g_regex_match_simple ("(\\d+ claims?|Claims by tag|Sources|Notes|Untagged) *$", body, 0, 0))
        g_error ("page %u ends with a heading: …%s", i + 1, body + MAX (strlen (body), 60) - 60);
    }
}

static void
test_large_scripts_come_through (void)
{
  if (!have_poppler ())
    return;
  render_big ();
  g_assert_nonnull (strstr (big_pdf->all, "посадовці"));
  g_assert_nonnull (strstr (big_pdf->all, "Свідки"));
  g_assert_nonnull (strstr (big_pdf->all, "Contested"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/options/group-by-codes", test_options_group_by_codes);
  g_test_add_func ("/brief/options/paper-codes", test_options_paper_codes);
  g_test_add_data_func ("/brief/pdf/page-size-a4", &a4, test_pdf_page_size);
  g_test_add_data_func ("/brief/pdf/page-size-letter", &letter, test_pdf_page_size);
  g_test_add_func ("/brief/pdf/reproducible", test_pdf_reproducible);
  g_test_add_func ("/brief/pdf/creation-date-from-options", test_pdf_creation_date_from_options);
  g_test_add_func ("/brief/pdf/missing-folder-reported", test_pdf_missing_folder_reported);
  g_test_add_func ("/brief/example/sections-in-order", test_example_sections_in_order);
  g_test_add_func ("/brief/example/every-claim-in-claims-section",
                   test_example_every_claim_in_claims_section);
  g_test_add_func ("/brief/example/every-source-listed", test_example_every_source_listed);
  g_test_add_func ("/brief/example/marking-top-and-bottom", test_example_marking_top_and_bottom);
  g_test_add_func ("/brief/pages/page-n-of-m", test_pages_page_n_of_m);
  g_test_add_func ("/brief/by-tag/reading-order", test_by_tag_reading_order);
  g_test_add_func ("/brief/by-tag/claim-names-other-tags", test_by_tag_claim_names_other_tags);
  g_test_add_func ("/brief/by-tag/opposing-claims-contested", test_by_tag_opposing_claims_contested);
  g_test_add_func ("/brief/by-hypothesis/claims-under-relation", test_by_hypothesis_claims_under_relation);
  g_test_add_func ("/brief/by-hypothesis/no-tag-sections", test_by_hypothesis_no_tag_sections);
  g_test_add_func ("/brief/min-confidence/keeps-claims-at-or-above",
                   test_min_confidence_keeps_claims_at_or_above);
  g_test_add_func ("/brief/min-confidence/opposition-among-shown-only",
                   test_min_confidence_opposition_among_shown_only);
  g_test_add_func ("/brief/min-confidence/says-when-none-left", test_min_confidence_says_when_none_left);
  g_test_add_func ("/brief/notes/left-out-on-request", test_notes_left_out_on_request);
  g_test_add_func ("/brief/empty/one-page-of-placeholders", test_empty_case_one_page_of_placeholders);
  g_test_add_func ("/brief/no-hypotheses/claims-untagged-uncontested",
                   test_no_hypotheses_claims_untagged_uncontested);
  g_test_add_func ("/brief/draw/no-pages-before-pagination", test_draw_no_pages_before_pagination);
  g_test_add_func ("/brief/draw/any-surface-same-pages", test_draw_any_surface_same_pages);
  g_test_add_func ("/brief/paginate/small-paper-refused", test_paginate_small_paper_refused);
  g_test_add_func ("/brief/large/numbers-every-page", test_large_numbers_every_page);
  g_test_add_func ("/brief/large/claims-not-cut", test_large_claims_not_cut);
  g_test_add_func ("/brief/large/long-claims-split", test_large_long_claims_split);
  g_test_add_func ("/brief/large/no-heading-at-page-foot", test_large_no_heading_at_page_foot);
  g_test_add_func ("/brief/large/scripts-come-through", test_large_scripts_come_through);

  status = g_test_run ();
  g_clear_pointer (&big_pdf, pdf_text_free);
  return status;
}
