/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the brief tests share: reading a PDF back as a reader would (pdftotext and
 * pdfinfo from poppler-utils), and building small cases through the store API to
 * render. */
#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "brief-test-util.h"

const char *const quote_a = "Two drones struck the depot shortly after midnight";
const char *const quote_b = "No aircraft was seen over the river that night";
const char *const quote_c = "The depot stored timber and diesel fuel";
const char *const quote_d = "The harbour master called the fire an accident";

gboolean
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
char *
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

void
pdf_text_free (PdfText *pdf)
{
  g_ptr_array_unref (pdf->pages);
  g_free (pdf->all);
  g_free (pdf);
}

PdfText *
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
guint
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
gsize
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

void
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
char *
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

gboolean
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

GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 5, 3, 9, 30, 0);
}

char *
temp_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own runtime folder and removes
   * it afterwards; /tmp would be shared by every build running these tests. */
  return g_build_filename (g_get_user_runtime_dir (), name, NULL);
}

CfCase *
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

gint64
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

gint64
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

char *
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

void
init_options (CfBriefOptions *options,
              GDateTime      *date)
{
  cf_brief_options_init (options);
  options->date = date;
  options->paper = CF_BRIEF_PAPER_A4;
}

/* A small case with two hypotheses, tags, ratings, relations and notes. */
CfCase *
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

PdfText *
render_brief (CfCase               *kase,
              const CfBriefOptions *options,
              const char           *name)
{
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = NULL;
  CfBriefOptions defaults;
  PdfText *pdf;

  if (options == NULL)
    {
      init_options (&defaults, date);
      options = &defaults;
    }
  path = write_brief (kase, options, name);
  pdf = read_pdf (path);
  g_unlink (path);
  return pdf;
}
