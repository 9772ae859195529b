/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary brief as a reader sees it: each case renders a brief to PDF with a
 * fixed date and reads it back with pdftotext and pdfinfo (poppler-utils). */

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "cf-brief.h"
#include "cf-case.h"
#include "cf-record-list.h"

/* --- reading PDFs back ------------------------------------------------------------------ */

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are needed to read the brief back");
      return FALSE;
    }
  return TRUE;
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2,
          const char *arg3)
{
  const char *argv[] = { tool, arg1, arg2, arg3, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Whitespace runs become one space, so text wrapped over lines still matches. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GPtrArray *pages;   /* char *, whitespace collapsed */
  char      *all;     /* the pages joined with "\f" */
  guint      n_pages; /* from pdfinfo */
  double     width;
  double     height;
} PdfText;

static void
pdf_text_free (PdfText *pdf)
{
  g_ptr_array_unref (pdf->pages);
  g_free (pdf->all);
  g_free (pdf);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfText, pdf_text_free)

static PdfText *
read_pdf (const char *path)
{
  PdfText *pdf = g_new0 (PdfText, 1);
  g_autofree char *text = run_tool ("pdftotext", "-layout", path, "-");
  g_autofree char *info = run_tool ("pdfinfo", path, NULL, NULL);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  pdf->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      /* pdftotext ends every page with a form feed: the last piece is empty */
      if (pages[i + 1] == NULL && *g_strstrip (pages[i]) == '\0')
        break;
      g_ptr_array_add (pdf->pages, collapse_spaces (pages[i]));
    }
  g_ptr_array_add (pdf->pages, NULL);
  pdf->all = g_strjoinv ("\f", (char **) pdf->pages->pdata);
  g_ptr_array_remove_index (pdf->pages, pdf->pages->len - 1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pdf->n_pages = (guint) g_ascii_strtoull (lines[i] + 6 + strspn (lines[i] + 6, " "), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        {
          char *end = NULL;

          pdf->width = g_ascii_strtod (lines[i] + 10 + strspn (lines[i] + 10, " "), &end);
          g_assert_nonnull (strstr (end, " x "));
          pdf->height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
        }
    }
  g_assert_cmpuint (pdf->n_pages, >, 0);
  g_assert_cmpuint (pdf->pages->len, ==, pdf->n_pages);
  return pdf;
}

/* Page (from 0) of an offset into pdf->all. */
static guint
page_of_offset (PdfText *pdf,
                gsize    offset)
{
  guint page = 0;

  for (gsize i = 0; i < offset && pdf->all[i] != '\0'; i++)
    if (pdf->all[i] == '\f')
      page++;
  return page;
}

/* Asserts that each needle occurs in @haystack after the previous one; returns the
 * offset after the last. */
static gsize
assert_in_order (const char  *haystack,
                 gsize        from,
                 const char **needles,
                 guint        n_needles)
{
  for (guint i = 0; i < n_needles; i++)
    {
      g_autofree char *needle = collapse_spaces (needles[i]);
      const char *found = strstr (haystack + from, needle);

      if (found == NULL)
        g_error ("“%s” is not in the brief after offset %" G_GSIZE_FORMAT " (or is out of order)",
                 needle, from);
      from = (gsize) (found - haystack) + strlen (needle);
    }
  return from;
}

static void
assert_page_numbers (PdfText *pdf)
{
  for (guint i = 0; i < pdf->pages->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Page %u of %u", i + 1, pdf->n_pages);

      if (strstr (g_ptr_array_index (pdf->pages, i), expected) == NULL)
        g_error ("page %u does not say “%s”", i + 1, expected);
    }
}

/* The first @n words of @text (at most), whitespace collapsed. */
static char *
first_words (const char *text,
             guint       n)
{
  g_autofree char *flat = collapse_spaces (text);
  g_auto(GStrv) words = g_strsplit (flat, " ", -1);

  if (g_strv_length (words) > n)
    {
      g_free (words[n]);
      words[n] = NULL;
      for (guint i = n + 1; words[i] != NULL; i++)
        g_clear_pointer (&words[i], g_free);
    }
  return g_strjoinv (" ", words);
}

/* --- building cases ------------------------------------------------------------------------ */

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 5, 3, 9, 30, 0);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static CfCase *
new_case (const char *name,
          const char *title)
{
  g_autofree char *path = temp_path (name);
  g_autoptr(GError) error = NULL;
  CfCase *kase;

  g_unlink (path);
  kase = cf_case_create (path, title, &error);
  g_assert_no_error (error);
  return kase;
}

static gint64
add_document (CfCase     *kase,
              const char *title,
              const char *publisher,
              const char *text)
{
  CfDocumentFields fields = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  fields.title = title;
  fields.publisher = publisher;
  fields.url = "https://news.example/2026/05/article";
  fields.published = "2026-05-01";
  fields.text = text;
  id = cf_case_add_document (kase, &fields, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_claim (CfCase     *kase,
           gint64      document,
           const char *quote)
{
  g_autoptr(GError) error = NULL;
  gint start = cf_case_find_quote (kase, document, quote, 0, &error);
  gint64 id;

  g_assert_no_error (error);
  id = cf_case_add_claim (kase, document, start, start + (gint) g_utf8_strlen (quote, -1), quote,
                          &error);
  g_assert_no_error (error);
  return id;
}

static char *
write_brief (CfCase               *kase,
             const CfBriefOptions *options,
             const char           *name)
{
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  char *path = temp_path (name);

  brief = cf_brief_new (kase, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (brief);
  cf_brief_write_pdf (brief, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_brief_get_n_pages (brief), >, 0);
  g_assert_finalize_object (g_steal_pointer (&brief));
  return path;
}

static void
init_options (CfBriefOptions *options,
              GDateTime      *date)
{
  cf_brief_options_init (options);
  options->date = date;
  options->paper = CF_BRIEF_PAPER_A4;
}

static const char *quote_a = "Two drones struck the depot shortly after midnight";
static const char *quote_b = "No aircraft was seen over the river that night";
static const char *quote_c = "The depot stored timber and diesel fuel";
static const char *quote_d = "The harbour master called the fire an accident";

/* A small case with two hypotheses, tags, ratings, relations and notes. */
static CfCase *
small_case (const char *name)
{
  CfCase *kase = new_case (name, "Fire at the river depot");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("%s. %s. %s. %s.", quote_a, quote_b, quote_c, quote_d);
  gint64 doc = add_document (kase, "Blast at the river depot", "River Courier", text);
  gint64 h1, h2, tag, a, b, c;

  cf_case_set_info (kase, CF_CASE_FIELD_SUMMARY, "The depot was probably attacked.", &error);
  g_assert_no_error (error);
  cf_case_set_info (kase, CF_CASE_FIELD_MARKING, "TLP:AMBER", &error);
  g_assert_no_error (error);
  cf_case_set_info (kase, CF_CASE_FIELD_ANALYST, "R. Tester", &error);
  g_assert_no_error (error);

  h1 = cf_case_add_hypothesis (kase, "The depot was attacked", NULL, &error);
  g_assert_no_error (error);
  h2 = cf_case_add_hypothesis (kase, "The fire was an accident", NULL, &error);
  g_assert_no_error (error);
  cf_case_set_hypothesis_likelihood (kase, h1, CF_LIKELIHOOD_LIKELY, &error);
  g_assert_no_error (error);
  cf_case_set_hypothesis_confidence (kase, h1, CF_CONFIDENCE_MODERATE, &error);
  g_assert_no_error (error);

  tag = cf_case_add_tag (kase, "Attack", 0, "#e01b24", &error);
  g_assert_no_error (error);

  a = add_claim (kase, doc, quote_a);
  b = add_claim (kase, doc, quote_b);
  c = add_claim (kase, doc, quote_c);
  add_claim (kase, doc, quote_d);
  cf_case_add_claim_tag (kase, a, tag, &error);
  g_assert_no_error (error);
  cf_case_add_claim_tag (kase, a, cf_case_add_tag (kase, "Wreckage", 0, NULL, &error), &error);
  g_assert_no_error (error);
  cf_case_set_claim_actor_name (kase, a, "Port police", &error);
  g_assert_no_error (error);
  cf_case_set_claim_reliability (kase, a, CF_RELIABILITY_B, &error);
  g_assert_no_error (error);
  cf_case_set_claim_credibility (kase, a, CF_CREDIBILITY_2, &error);
  g_assert_no_error (error);

  cf_case_set_claim_confidence (kase, a, CF_CONFIDENCE_HIGH, &error);
  g_assert_no_error (error);
  cf_case_set_claim_confidence (kase, b, CF_CONFIDENCE_MODERATE, &error);
  g_assert_no_error (error);
  cf_case_set_claim_confidence (kase, c, CF_CONFIDENCE_LOW, &error);
  g_assert_no_error (error);
  /* d stays unrated */

  cf_case_set_claim_relation (kase, a, h1, CF_RELATION_CONSISTENT, &error);
  g_assert_no_error (error);
  cf_case_set_claim_relation (kase, a, h2, CF_RELATION_INCONSISTENT, &error);
  g_assert_no_error (error);
  cf_case_set_claim_relation (kase, b, h1, CF_RELATION_INCONSISTENT, &error);
  g_assert_no_error (error);
  cf_case_set_claim_relation (kase, c, h1, CF_RELATION_NEUTRAL, &error);
  g_assert_no_error (error);

  cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, a, "Check the police log", &error);
  g_assert_no_error (error);
  cf_case_add_note (kase, CF_NOTE_TARGET_CASE, 0, "Ask the insurer for the fire report", &error);
  g_assert_no_error (error);
  cf_case_add_note (kase, CF_NOTE_TARGET_DOCUMENT, doc, "The Courier is a local weekly", &error);
  g_assert_no_error (error);

  return kase;
}

/* --- the example case ------------------------------------------------------------------- */

static void
test_example (void)
{
  const char *example = g_getenv ("CASEFILE_EXAMPLE");
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  CfBriefOptions options;
  gsize claims_at, sources_at, at;
  const char *headings[] = {
    "SUMMARY BRIEF", NULL, "Bottom line up front", "Key judgments", "Claims by tag",
    "Sources", "Notes",
  };

  if (!have_poppler ())
    return;

  if (example != NULL && g_file_test (example, G_FILE_TEST_EXISTS))
    {
      kase = cf_case_open (example, CF_CASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_test_message ("CASEFILE_EXAMPLE not set: using a case built here");
      kase = small_case ("example-stand-in.casefile");
    }

  init_options (&options, date);
  path = write_brief (kase, &options, "example-brief.pdf");
  pdf = read_pdf (path);

  title = g_strdup (cf_case_get_info (kase, CF_CASE_FIELD_TITLE));
  headings[1] = title;
  assert_in_order (pdf->all, 0, headings, G_N_ELEMENTS (headings));
  assert_page_numbers (pdf);
  g_assert_nonnull (strstr (pdf->all, "3 May 2026"));
  if (cf_case_get_info (kase, CF_CASE_FIELD_MARKING) != NULL &&
      *cf_case_get_info (kase, CF_CASE_FIELD_MARKING) != '\0')
    {
      /* on every page, at the top and at the bottom */
      for (guint i = 0; i < pdf->pages->len; i++)
        {
          const char *page = g_ptr_array_index (pdf->pages, i);
          const char *first = strstr (page, cf_case_get_info (kase, CF_CASE_FIELD_MARKING));

          g_assert_nonnull (first);
          g_assert_nonnull (strstr (first + 1, cf_case_get_info (kase, CF_CASE_FIELD_MARKING)));
        }
    }

  /* every claim's quote, in the claims section */
  claims_at = assert_in_order (pdf->all, 0, (const char *[]) { "Claims by tag" }, 1);
  sources_at = assert_in_order (pdf->all, claims_at, (const char *[]) { "Sources" }, 1);
  claims = cf_case_list_claims (kase);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *words = first_words (cf_claim_get_quote (claim), 5);
      g_autofree char *needle = collapse_spaces (words);
      const char *found = strstr (pdf->all + claims_at, needle);

      if (found == NULL || (gsize) (found - pdf->all) > sources_at)
        g_error ("claim %" G_GINT64_FORMAT " (“%s”) is not in the claims section",
                 cf_claim_get_id (claim), needle);
    }

  /* every source title, in order, in the sources section */
  documents = cf_case_list_documents (kase);
  at = sources_at;
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

  g_unlink (path);
}

static gboolean
bytes_contain (const char *bytes,
               gsize       length,
               const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (bytes + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* The same case and date give the same bytes. */
static void
test_reproducible (void)
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
  g_assert_true (bytes_contain (first_bytes, first_len, "20260503093000"));
  g_unlink (first);
  g_unlink (second);
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

static void
test_large (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *path = NULL;
  CfBriefOptions options;
  gsize claims_at, sources_at;
  guint n_split = 0;

  if (!have_poppler ())
    return;

  kase = big_case ("big.casefile");
  init_options (&options, date);
  path = write_brief (kase, &options, "big-brief.pdf");
  pdf = read_pdf (path);

  g_test_message ("1,000 claims: %u pages", pdf->n_pages);
  g_assert_cmpuint (pdf->n_pages, >, 50);
  assert_page_numbers (pdf);
  claims_at = assert_in_order (pdf->all, 0, (const char *[]) { "Claims by tag" }, 1);
  sources_at = assert_in_order (pdf->all, claims_at, (const char *[]) { "Sources" }, 1);

  for (guint i = 0; i < N_BIG_CLAIMS; i++)
    {
      g_autofree char *start = g_strdup_printf ("qs%04u", i);
      g_autofree char *end = g_strdup_printf ("qe%04u", i);
      const char *found_start = strstr (pdf->all + claims_at, start);
      const char *found_end = strstr (pdf->all + claims_at, end);
      guint start_page, end_page;

      if (found_start == NULL || found_end == NULL)
        g_error ("claim %u's first or last word is missing from the brief", i);
      g_assert_cmpuint ((gsize) (found_start - pdf->all), <, sources_at);
      g_assert_cmpuint ((gsize) (found_end - pdf->all), <, sources_at);
      start_page = page_of_offset (pdf, (gsize) (found_start - pdf->all));
      end_page = page_of_offset (pdf, (gsize) (found_end - pdf->all));

      if (i == 400 || i == 801)
        {
          /* longer than a page: split, but every line is there */
          g_assert_cmpuint (end_page, >, start_page);
          n_split++;
        }
      else if (start_page != end_page)
        g_error ("claim %u is cut: it starts on page %u and ends on page %u",
                 i, start_page + 1, end_page + 1);
    }
  g_assert_cmpuint (n_split, ==, 2);

  /* no heading is left alone at the foot of a page (up to the source list, whose
   * lines end in claim counts too) */
  for (guint i = 0; i < page_of_offset (pdf, sources_at); i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, pdf->n_pages);
      g_autofree char *body = g_strdup (g_ptr_array_index (pdf->pages, i));
      char *end = g_strrstr (body, footer);

      g_assert_nonnull (end);
      *end = '\0';
      if (g_regex_match_simple ("(\\d+ claims?|Claims by tag|Sources|Notes|Untagged) *$", body, 0, 0))
        g_error ("page %u ends with a heading: …%s", i + 1, body + MAX (strlen (body), 60) - 60);
    }

  /* right-to-left and Cyrillic text comes through */
  g_assert_nonnull (strstr (pdf->all, "посадовці"));
  g_assert_nonnull (strstr (pdf->all, "Свідки"));
  g_assert_nonnull (strstr (pdf->all, "Contested"));

  g_unlink (path);
}

/* --- edge cases and options ------------------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *path = NULL;
  CfBriefOptions options;
  const char *expected[] = {
    "Nothing yet", "No summary yet.", "No hypotheses yet.", "No claims yet.", "No sources yet.",
    "No notes yet.",
  };

  if (!have_poppler ())
    return;

  kase = new_case ("empty.casefile", "Nothing yet");
  init_options (&options, date);
  path = write_brief (kase, &options, "empty-brief.pdf");
  pdf = read_pdf (path);
  g_assert_cmpuint (pdf->n_pages, ==, 1);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  assert_page_numbers (pdf);
  g_unlink (path);
}

static void
test_no_hypotheses (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = g_strdup_printf ("%s. %s.", quote_a, quote_b);
  CfBriefOptions options;
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
  init_options (&options, date);
  path = write_brief (kase, &options, "no-hypotheses.pdf");
  pdf = read_pdf (path);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  g_assert_null (strstr (pdf->all, "Contested"));
  g_unlink (path);
}

static void
test_by_tag_and_contested (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *path = NULL;
  CfBriefOptions options;
  const char *expected[] = {
    "TLP:AMBER", "Fire at the river depot", "R. Tester",
    "Bottom line up front", "The depot was probably attacked.",
    "Key judgments", "H1", "The depot was attacked", "likely (55–80%)", "moderate confidence",
    "1 consistent", "1 inconsistent", "1 neutral",
    "H2", "The fire was an accident",
    "Claims by tag",
    "Attack", "#1", "Contested", "opposed by #2", quote_a, "Port police", "B2", "high confidence",
    "Check the police log",
    "Untagged", "#2", "Contested", "opposed by #1", quote_b, "#3", quote_c, "#4", quote_d,
    "Sources", "[S1]", "Blast at the river depot", "River Courier",
    "Notes", "Ask the insurer for the fire report", "The Courier is a local weekly",
  };

  if (!have_poppler ())
    return;

  kase = small_case ("by-tag.casefile");
  init_options (&options, date);
  path = write_brief (kase, &options, "by-tag.pdf");
  pdf = read_pdf (path);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  /* a claim stands under its first tag and names the others */
  g_assert_nonnull (strstr (pdf->all, "Wreckage"));
  g_assert_null (strstr (pdf->all, "Wreckage 1 claim"));
  /* the neutral and unrelated claims are not contested: two marks only */
  g_assert_null (strstr (strstr (strstr (pdf->all, "Contested") + 1, "Contested") + 1, "Contested"));
  g_unlink (path);
}

static void
test_by_hypothesis (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *path = NULL;
  CfBriefOptions options;
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

  kase = small_case ("by-hypothesis.casefile");
  init_options (&options, date);
  options.group_by = CF_BRIEF_GROUP_BY_HYPOTHESIS;
  path = write_brief (kase, &options, "by-hypothesis.pdf");
  pdf = read_pdf (path);
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
  g_assert_null (strstr (pdf->all, "Claims by tag"));
  g_unlink (path);
}

static void
test_min_confidence (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = NULL;
  CfBriefOptions options;

  if (!have_poppler ())
    return;

  kase = small_case ("min-confidence.casefile");
  init_options (&options, date);

  /* moderate: the high and moderate claims stay, the low and unrated ones go */
  options.min_confidence = CF_CONFIDENCE_MODERATE;
  path = write_brief (kase, &options, "min-moderate.pdf");
  {
    g_autoptr(PdfText) pdf = read_pdf (path);
    const char *expected[] = { "moderate confidence or higher", "Claims by tag", quote_a, quote_b, "Sources" };

    assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
    g_assert_null (strstr (pdf->all, quote_c));
    g_assert_null (strstr (pdf->all, quote_d));
  }
  g_unlink (path);
  g_clear_pointer (&path, g_free);

  /* high: only a */
  options.min_confidence = CF_CONFIDENCE_HIGH;
  path = write_brief (kase, &options, "min-high.pdf");
  {
    g_autoptr(PdfText) pdf = read_pdf (path);

    g_assert_nonnull (strstr (pdf->all, quote_a));
    g_assert_null (strstr (pdf->all, quote_b));
    /* b no longer opposes a */
    g_assert_null (strstr (pdf->all, "Contested"));
  }
  g_unlink (path);
  g_clear_pointer (&path, g_free);

  /* none left */
  {
    g_autoptr(CfCase) low = new_case ("min-none.casefile", "Low confidence only");
    g_autoptr(GError) error = NULL;
    g_autoptr(PdfText) pdf = NULL;
    g_autofree char *text = g_strdup_printf ("%s.", quote_c);
    gint64 doc = add_document (low, "A source", NULL, text);
    gint64 claim = add_claim (low, doc, quote_c);

    cf_case_set_claim_confidence (low, claim, CF_CONFIDENCE_LOW, &error);
    g_assert_no_error (error);
    path = write_brief (low, &options, "min-none.pdf");
    pdf = read_pdf (path);
    g_assert_nonnull (strstr (pdf->all, "No claims are rated at high confidence or higher."));
    g_assert_null (strstr (pdf->all, quote_c));
    g_unlink (path);
  }
}

static void
test_no_notes (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(PdfText) pdf = NULL;
  g_autofree char *path = NULL;
  CfBriefOptions options;

  if (!have_poppler ())
    return;

  kase = small_case ("no-notes.casefile");
  init_options (&options, date);
  options.include_notes = FALSE;
  path = write_brief (kase, &options, "no-notes.pdf");
  pdf = read_pdf (path);
  g_assert_nonnull (strstr (pdf->all, quote_a));
  g_assert_nonnull (strstr (pdf->all, "notes left out"));
  g_assert_null (strstr (pdf->all, "Check the police log"));
  g_assert_null (strstr (pdf->all, "Ask the insurer"));
  g_assert_null (strstr (pdf->all, "local weekly"));
  g_unlink (path);
}

static void
test_paper (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  CfBriefOptions options;
  struct { CfBriefPaper paper; double width; double height; } sizes[] = {
    { CF_BRIEF_PAPER_A4, 595.276, 841.89 },
    { CF_BRIEF_PAPER_LETTER, 612, 792 },
  };

  if (!have_poppler ())
    return;

  kase = small_case ("paper.casefile");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(PdfText) pdf = NULL;
      double width, height;

      init_options (&options, date);
      options.paper = sizes[i].paper;
      path = write_brief (kase, &options, "paper.pdf");
      pdf = read_pdf (path);
      g_assert_cmpfloat_with_epsilon (pdf->width, sizes[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (pdf->height, sizes[i].height, 0.01);
      cf_brief_paper_get_size (sizes[i].paper, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, sizes[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, sizes[i].height, 0.01);
      g_unlink (path);
    }
}

static void
test_write_error (void)
{
  g_autoptr(CfCase) kase = small_case ("write-error.casefile");
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "no-such-folder", "brief.pdf", NULL);

  brief = cf_brief_new (kase, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cf_brief_write_pdf (brief, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The page a GTK print operation would draw is the page the PDF has: drawing on
 * another surface with the same pagination gives the same page count. */
static void
test_any_surface (void)
{
  g_autoptr(CfCase) kase = small_case ("surface.casefile");
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "surface.pdf", NULL);
  CfBriefOptions options;
  guint n_pages;

  cf_brief_options_init (&options);
  options.paper = CF_BRIEF_PAPER_LETTER;
  brief = cf_brief_new (kase, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_brief_get_n_pages (brief), ==, 0);
  g_assert_true (cf_brief_paginate (brief, NULL, 612, 792, &error));
  g_assert_no_error (error);
  n_pages = cf_brief_get_n_pages (brief);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (cf_brief_get_n_claims (brief), ==, 4);

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

  /* a label printer's paper is refused in words, not with a crash */
  g_assert_false (cf_brief_paginate (brief, NULL, 144, 72, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_options_codes (void)
{
  CfBriefGroupBy group_by;
  CfBriefPaper paper;

  g_assert_true (cf_brief_group_by_from_code ("hypothesis", &group_by));
  g_assert_cmpint (group_by, ==, CF_BRIEF_GROUP_BY_HYPOTHESIS);
  g_assert_true (cf_brief_group_by_from_code ("tag", &group_by));
  g_assert_cmpint (group_by, ==, CF_BRIEF_GROUP_BY_TAG);
  g_assert_false (cf_brief_group_by_from_code ("actor", &group_by));
  g_assert_cmpstr (cf_brief_group_by_to_code (CF_BRIEF_GROUP_BY_HYPOTHESIS), ==, "hypothesis");

  g_assert_true (cf_brief_paper_from_code ("Letter", &paper));
  g_assert_cmpint (paper, ==, CF_BRIEF_PAPER_LETTER);
  g_assert_true (cf_brief_paper_from_code ("a4", &paper));
  g_assert_cmpint (paper, ==, CF_BRIEF_PAPER_A4);
  g_assert_false (cf_brief_paper_from_code ("a5", &paper));
  g_assert_cmpstr (cf_brief_paper_to_code (CF_BRIEF_PAPER_AUTO), ==, "auto");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/options", test_options_codes);
  g_test_add_func ("/brief/example", test_example);
  g_test_add_func ("/brief/reproducible", test_reproducible);
  g_test_add_func ("/brief/by-tag-and-contested", test_by_tag_and_contested);
  g_test_add_func ("/brief/by-hypothesis", test_by_hypothesis);
  g_test_add_func ("/brief/min-confidence", test_min_confidence);
  g_test_add_func ("/brief/no-notes", test_no_notes);
  g_test_add_func ("/brief/empty", test_empty);
  g_test_add_func ("/brief/no-hypotheses", test_no_hypotheses);
  g_test_add_func ("/brief/paper", test_paper);
  g_test_add_func ("/brief/write-error", test_write_error);
  g_test_add_func ("/brief/any-surface", test_any_surface);
  g_test_add_func ("/brief/large", test_large);

  return g_test_run ();
}
