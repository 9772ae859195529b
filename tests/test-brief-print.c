/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the brief prints what an analyst marked, as a reader checks it in the PDF
 * (pdftotext): quotes without stray punctuation and with one pair of quotation
 * marks, the claims following the key judgments on the same page when there is room
 * and never leaving their heading alone at a page's foot, the running header's title
 * cut only at a word, every source's whole SHA-256, and nothing said of ratings a
 * claim does not have. */

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "brief-test-util.h"

static const char statement[] =
  "The minister said, \"we will announce a mobilization.\" Officials later added that "
  "the decision would follow within a week, and that reservists should wait for orders.";

/* Rewrites claim @id's quote in the file, as a case marked before quotes were
 * trimmed holds it. */
static void
set_stored_quote (const char *path,
                  gint64      id,
                  const char *quote)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE claims SET quote = ?2 WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, quote, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_quotes_print_cleanly (void)
{
  g_autofree char *path = temp_path ("quotes.casefile");
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wholly, tail, old;

  if (!have_poppler ())
    return;

  {
    g_autoptr(CfCase) kase = new_case ("quotes.casefile", "Mobilization");
    gint64 doc = add_document (kase, "Statement", "Ministry", statement);

    /* in quotation marks of its own; its end only (the opening mark is outside) */
    wholly = add_claim (kase, doc, "\"we will announce a mobilization.\"");
    tail = add_claim (kase, doc, "a mobilization.\" Officials later added");
    old = add_claim (kase, doc, "the decision would follow within a week");
    cf_case_close (kase);
  }
  /* marked before the store trimmed selections: a leading ", " and a closing mark */
  set_stored_quote (path, old, ", the decision would follow within a week.\"");

  {
    g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    pdf = render_brief (kase, NULL, "quotes.pdf");
  }

  (void) wholly;
  (void) tail;
  g_assert_nonnull (strstr (pdf->all, "“we will announce a mobilization.”"));
  g_assert_nonnull (strstr (pdf->all, "“a mobilization.’ Officials later added”"));
  g_assert_nonnull (strstr (pdf->all, "“the decision would follow within a week.”"));
  /* never two marks in a row, never a quote opening on punctuation */
  g_assert_null (strstr (pdf->all, "““"));
  g_assert_null (strstr (pdf->all, "””"));
  g_assert_null (strstr (pdf->all, ".\"”"));
  g_assert_null (strstr (pdf->all, "“\""));
  g_assert_null (strstr (pdf->all, "“,"));
  g_assert_null (strstr (pdf->all, "“ "));
}

/* The page (from 0) of the first @needle in @pdf. */
static guint
page_of (PdfText    *pdf,
         const char *needle)
{
  const char *at = strstr (pdf->all, needle);

  g_assert_nonnull (at);
  return page_of_offset (pdf, at - pdf->all);
}

static void
test_claims_follow_on_first_page (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  gint64 doc;

  if (!have_poppler ())
    return;

  kase = new_case ("follow.casefile", "Mobilization");
  doc = add_document (kase, "Statement", "Ministry", statement);
  add_claim (kase, doc, "we will announce a mobilization");
  pdf = render_brief (kase, NULL, "follow.pdf");

  /* a short brief: the claims do not wait for a page of their own */
  g_assert_cmpuint (page_of (pdf, "Claims by tag"), ==, 0);
  g_assert_cmpuint (page_of (pdf, "we will announce a mobilization"), ==, 0);
}

static void
test_claims_heading_never_alone (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc;
  guint moved = 0;

  if (!have_poppler ())
    return;

  kase = new_case ("orphan.casefile", "Mobilization");
  doc = add_document (kase, "Statement", "Ministry", statement);
  add_claim (kase, doc, "reservists should wait for orders");

  /* a summary of more and more lines walks the heading down page 1 and over */
  for (guint lines = 24; lines <= 60; lines += 3)
    {
      g_autoptr(GString) summary = g_string_new (NULL);
      g_autoptr(PdfText) pdf = NULL;
      guint heading, quote;

      for (guint i = 0; i < lines; i++)
        g_string_append_printf (summary, "Line %u of the summary.\n\n", i + 1);
      g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_SUMMARY, summary->str, &error));
      pdf = render_brief (kase, NULL, "orphan.pdf");
      heading = page_of (pdf, "Claims by tag");
      quote = page_of (pdf, "reservists should wait for orders");
      g_assert_cmpuint (heading, ==, quote);
      moved += heading > 0;
    }
  /* the walk did reach the page break */
  g_assert_cmpuint (moved, >, 0);
}

/* The words of the running header on the first page. pdftotext gives its first line,
 * the date beside it, then its second line, and then the page's kicker. */
static char *
header_text (PdfText *pdf)
{
  const char *page = g_ptr_array_index (pdf->pages, 0);
  const char *date = strstr (page, "2026-05-03");
  const char *kicker = strstr (page, "SUMMARY BRIEF");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_nonnull (date);
  g_assert_true (kicker > date);
  first = g_strstrip (g_strndup (page, date - page));
  date += strlen ("2026-05-03");
  second = g_strstrip (g_strndup (date, kicker - date));
  return *second != '\0' ? g_strconcat (first, " ", second, NULL) : g_steal_pointer (&first);
}

static void
test_header_title_whole_or_cut_at_word (void)
{
  const char *fits = "Drone incident over the Kremlin Senate building on 3 May 2023: attribution, "
                     "staging and the campaign that followed";
  g_autoptr(GString) endless = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (!have_poppler ())
    return;

  {
    g_autoptr(CfCase) kase = new_case ("header.casefile", fits);
    g_autoptr(PdfText) pdf = render_brief (kase, NULL, "header.pdf");
    g_autofree char *header = header_text (pdf);

    g_assert_cmpstr (header, ==, fits);
  }

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (endless, "%sword%u", i > 0 ? " " : "", i);
  words = g_strsplit (endless->str, " ", -1);
  {
    g_autoptr(CfCase) kase = new_case ("endless.casefile", endless->str);
    g_autoptr(PdfText) pdf = render_brief (kase, NULL, "endless.pdf");
    g_autofree char *header = header_text (pdf);
    g_auto(GStrv) shown = NULL;
    guint n;

    g_assert_true (g_str_has_suffix (header, "…"));
    header[strlen (header) - strlen ("…")] = '\0';
    shown = g_strsplit (g_strstrip (header), " ", -1);
    n = g_strv_length (shown);
    g_assert_cmpuint (n, >, 3);
    g_assert_cmpuint (n, <, 40);
    /* every word shown is a whole word of the title, in order */
    for (guint i = 0; i < n; i++)
      g_assert_cmpstr (shown[i], ==, words[i]);
  }
}

static void
test_sources_whole_sha256 (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfDocument) document = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 doc;

  if (!have_poppler ())
    return;

  kase = new_case ("hash.casefile", "Mobilization");
  doc = add_document (kase, "Statement", "Ministry", statement);
  document = cf_case_get_document (kase, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (cf_document_get_sha256 (document)), ==, 64);
  pdf = render_brief (kase, NULL, "hash.pdf");
  line = g_strdup_printf ("SHA-256 %s", cf_document_get_sha256 (document));
  g_assert_nonnull (strstr (pdf->all, line));
}

static void
test_unrated_claims_say_nothing (void)
{
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(PdfText) pdf = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc, rated;

  if (!have_poppler ())
    return;

  kase = new_case ("unrated.casefile", "Mobilization");
  doc = add_document (kase, "Statement", "Ministry", statement);
  add_claim (kase, doc, "we will announce a mobilization");
  rated = add_claim (kase, doc, "reservists should wait for orders");
  g_assert_true (cf_case_set_claim_confidence (kase, rated, CF_CONFIDENCE_HIGH, &error));
  pdf = render_brief (kase, NULL, "unrated.pdf");

  g_assert_null (strstr (pdf->all, "Not rated"));
  g_assert_null (strstr (pdf->all, "not rated"));
  /* a rating there is still printed */
  g_assert_nonnull (strstr (pdf->all, "high confidence"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/print/quotes-clean", test_quotes_print_cleanly);
  g_test_add_func ("/brief/print/claims-follow-on-first-page", test_claims_follow_on_first_page);
  g_test_add_func ("/brief/print/claims-heading-never-alone", test_claims_heading_never_alone);
  g_test_add_func ("/brief/print/header-title-whole-or-cut-at-word", test_header_title_whole_or_cut_at_word);
  g_test_add_func ("/brief/print/sources-whole-sha256", test_sources_whole_sha256);
  g_test_add_func ("/brief/print/unrated-claims-say-nothing", test_unrated_claims_say_nothing);

  return g_test_run ();
}
