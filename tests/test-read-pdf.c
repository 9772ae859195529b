/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF reader: articles we typeset with cairo (one and two columns, running
 * headers, page numbers, hyphens, ligatures, metadata) must come back as their
 * prose, page by page; hand-made hostile files (tests/fixtures/pdf, written by
 * make-fixtures.py there) must be refused with a reason or read, never crash. */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cf-formats.h"
#include "cf-read-pdf.h"
#include "pdf-test-util.h"

static GPtrArray *
read_article (const PdfTestArticle  *article,
              GError               **error)
{
  g_autoptr(GBytes) bytes = pdf_test_make_article (article);

  return cf_read_pdf (bytes, NULL, error);
}

static CfExtractedDocument *
read_one (const PdfTestArticle *article,
          GPtrArray           **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = read_article (article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*keep);
  g_assert_cmpuint ((*keep)->len, ==, 1);
  return (*keep)->pdata[0];
}

static GPtrArray *
read_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pdf", name, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  return cf_read_pdf (bytes, NULL, error);
}

/* An article in @data columns (1 or 2) comes back as its prose, in order. */
static void
test_text_as_typeset (gconstpointer data)
{
  guint columns = GPOINTER_TO_UINT (data);
  g_auto(GStrv) prose = pdf_test_prose (columns, 4 + 12 * columns);
  PdfTestArticle article = {
    .title = "Water levels at the northern reservoir",
    .header = "Regional Review",
    .paragraphs = (const char *const *) prose,
    .columns = columns,
    .page_numbers = TRUE,
    .hyphenate = TRUE,
  };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);
  g_autofree char *expected = pdf_test_expected_text (&article);

  g_assert_cmpuint (doc->pages->len, >=, 2);
  g_assert_cmpstr (doc->text, ==, expected);
  g_assert_cmpstr (doc->media_type, ==, "application/pdf");
}

static void
test_running_header_left_out (void)
{
  g_auto(GStrv) prose = pdf_test_prose (3, 14);
  PdfTestArticle article = {
    .header = "Quarterly Assessment of the Harbour",
    .paragraphs = (const char *const *) prose,
    .columns = 1,
  };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);

  g_assert_cmpuint (doc->pages->len, >=, 2);
  g_assert_null (strstr (doc->text, "Quarterly Assessment"));
}

static void
test_page_numbers_left_out (void)
{
  g_auto(GStrv) prose = pdf_test_prose (4, 14);
  PdfTestArticle article = {
    .paragraphs = (const char *const *) prose,
    .columns = 1,
    .page_numbers = TRUE,
  };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);
  g_autofree char *expected = pdf_test_expected_text (&article);

  g_assert_cmpuint (doc->pages->len, >=, 2);
  /* a folio would show up as a stray "1" or "2" in the text */
  g_assert_cmpstr (doc->text, ==, expected);
}

static void
test_hyphens_joined (void)
{
  const char *paragraphs[] = {
    "Representatives acknowledged the telecommunications interruption, "
    "notwithstanding the administrative reorganisation, characterising the "
    "disproportionate countermeasures as institutionally unprecedented.",
    NULL,
  };
  PdfTestArticle article = { .paragraphs = paragraphs, .columns = 2, .hyphenate = TRUE };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);

  g_assert_cmpstr (doc->text, ==, paragraphs[0]);
}

static void
test_ligatures_spelled_out (void)
{
  const char *paragraphs[] = {
    "The \xef\xac\x81nance o\xef\xac\x83" "ce reported an in\xef\xac\x82" "ow of "
    "sta\xef\xac\x80 and a ba\xef\xac\x84" "ed auditor.",
    NULL,
  };
  PdfTestArticle article = { .paragraphs = paragraphs, .columns = 1 };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);

  g_assert_cmpstr (doc->text, ==, "The finance office reported an inflow of staff and a baffled auditor.");
}

static void
test_metadata (void)
{
  const char *paragraphs[] = { "A short statement.", NULL };
  PdfTestArticle article = {
    .title = "Statement on the convoy",
    .author = "Press Office",
    .created = "2023-05-03T14:30:00Z",
    .paragraphs = paragraphs,
    .columns = 1,
  };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);

  g_assert_cmpstr (doc->title, ==, "Statement on the convoy");
  g_assert_cmpstr (doc->byline, ==, "Press Office");
  g_assert_nonnull (doc->published);
  g_assert_true (g_str_has_prefix (doc->published, "2023-05-03T14:30:00"));
}

static void
test_xmp_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_fixture ("xmp-metadata.pdf", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = docs->pdata[0];
  g_assert_cmpstr (doc->title, ==, "Convoy report & annex");
  g_assert_cmpstr (doc->byline, ==, "Field Office");
  g_assert_cmpstr (doc->language, ==, "uk");
}

/* Every page has its range, in order, and a sentence known to be printed on page 2
 * lies inside page 2's range. */
static void
test_pages_cover_their_text (void)
{
  g_auto(GStrv) prose = pdf_test_prose (5, 20);
  PdfTestArticle article = { .paragraphs = (const char *const *) prose, .columns = 1, .page_numbers = TRUE };
  g_autoptr(GBytes) bytes = pdf_test_make_article (&article);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPdfLayout) layout = NULL;
  CfExtractedDocument *doc;
  guint previous_end = 0;

  docs = cf_read_pdf (bytes, NULL, &error);
  g_assert_no_error (error);
  doc = docs->pdata[0];
  layout = cf_pdf_layout_new (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_pdf_layout_get_text (layout), ==, doc->text);
  g_assert_cmpuint (doc->pages->len, ==, cf_pdf_layout_get_n_pages (layout));
  g_assert_cmpuint (doc->pages->len, >=, 3);

  for (guint i = 0; i < doc->pages->len; i++)
    {
      CfExtractedPage *page = &g_array_index (doc->pages, CfExtractedPage, i);

      g_assert_cmpuint (page->start, >=, previous_end);
      g_assert_cmpuint (page->end, >, page->start);
      previous_end = page->end;
    }
  g_assert_cmpuint (previous_end, <=, g_utf8_strlen (doc->text, -1));

  /* every character of page 2 is drawn on page 2 */
  {
    CfExtractedPage *second = &g_array_index (doc->pages, CfExtractedPage, 1);
    g_autoptr(GArray) rects = cf_pdf_layout_get_rects (layout, second->start, second->end);

    g_assert_cmpuint (rects->len, >, 10);
    for (guint i = 0; i < rects->len; i++)
      g_assert_cmpuint (g_array_index (rects, CfPdfRect, i).page, ==, 1);
    g_assert_cmpuint (cf_pdf_layout_page_at (layout, second->start), ==, 1);
    g_assert_cmpuint (cf_pdf_layout_page_at (layout, second->end - 1), ==, 1);
  }
}

/* A point on a word's rectangle maps back to that word's offsets. */
static void
test_layout_offsets_round_trip (void)
{
  g_auto(GStrv) prose = pdf_test_prose (6, 6);
  PdfTestArticle article = { .paragraphs = (const char *const *) prose, .columns = 2 };
  g_autoptr(GBytes) bytes = pdf_test_make_article (&article);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPdfLayout) layout = cf_pdf_layout_new (bytes, NULL, &error);
  const char *text;
  const char *word;
  guint start, end;
  g_autoptr(GArray) rects = NULL;
  CfPdfRect *r;

  g_assert_no_error (error);
  text = cf_pdf_layout_get_text (layout);
  word = strstr (text + strlen (text) / 2, " the ");
  g_assert_nonnull (word);
  start = (guint) g_utf8_pointer_to_offset (text, word + 1);
  end = start + 3;
  rects = cf_pdf_layout_get_rects (layout, start, end);
  g_assert_cmpuint (rects->len, ==, 1);
  r = &g_array_index (rects, CfPdfRect, 0);
  g_assert_cmpint (cf_pdf_layout_offset_at (layout, r->page, r->x1 + 0.5, (r->y1 + r->y2) / 2, FALSE),
                   ==, start);
  g_assert_cmpint (cf_pdf_layout_offset_at (layout, r->page, r->x2 - 0.5, (r->y1 + r->y2) / 2, TRUE),
                   ==, end);
}

/* The helper process sends the pages back to the importer with the text. */
static void
test_pages_cross_the_wire (void)
{
  g_auto(GStrv) prose = pdf_test_prose (9, 14);
  PdfTestArticle article = { .paragraphs = (const char *const *) prose, .columns = 1 };
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wire = NULL;
  gsize length = 0;
  CfExtractedDocument *doc = read_one (&article, &docs);
  CfExtractedDocument *returned;

  wire = cf_read_serialise (docs, NULL, &length);
  back = cf_read_deserialise (wire, length, &error);
  g_assert_no_error (error);
  returned = back->pdata[0];
  g_assert_nonnull (returned->pages);
  g_assert_cmpuint (returned->pages->len, ==, doc->pages->len);
  g_assert_cmpmem (returned->pages->data, returned->pages->len * sizeof (CfExtractedPage),
                   doc->pages->data, doc->pages->len * sizeof (CfExtractedPage));
}

static void
test_no_text_layer_noted (void)
{
  g_auto(GStrv) prose = pdf_test_prose (7, 3);
  PdfTestArticle article = { .paragraphs = (const char *const *) prose, .columns = 1, .outlines = TRUE };
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc = read_one (&article, &docs);

  g_assert_cmpstr (doc->text, ==, "");
  g_assert_nonnull (doc->note);
  g_assert_nonnull (strstr (doc->note, "no text layer"));
  g_assert_cmpuint (doc->pages->len, ==, 1);
}

static void
test_page_limit (void)
{
  g_auto(GStrv) prose = pdf_test_prose (8, 20);
  PdfTestArticle article = { .paragraphs = (const char *const *) prose, .columns = 1 };
  g_autoptr(GBytes) bytes = pdf_test_make_article (&article);
  CfReadLimits limits = *cf_read_limits_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  limits.max_pages = 2;
  docs = cf_read_pdf (bytes, &limits, &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "at most 2"));
}

static void
test_encrypted_with_password_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_fixture ("encrypted-password.pdf", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "password"));
}

static void
test_encrypted_without_user_password_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_fixture ("encrypted-no-user-password.pdf", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (((CfExtractedDocument *) docs->pdata[0])->text, ==,
                   "The convoy left the depot before dawn.");
}

/* Refused with a reason, or read: whichever, no crash, no hang, an error in our
 * domain. */
static void
test_hostile (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_fixture (name, &error);

  if (docs == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CF_EXTRACT_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      CfExtractedDocument *doc;
      guint previous_end = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (docs->len, ==, 1);
      doc = docs->pdata[0];
      g_assert_true (g_utf8_validate (doc->text, -1, NULL));
      /* the page ranges stay in order and inside the text, whatever the file */
      for (guint i = 0; i < doc->pages->len; i++)
        {
          CfExtractedPage *page = &g_array_index (doc->pages, CfExtractedPage, i);

          g_assert_cmpuint (page->start, >=, previous_end);
          g_assert_cmpuint (page->end, >=, page->start);
          previous_end = page->end;
        }
      g_assert_cmpuint (previous_end, <=, g_utf8_strlen (doc->text, -1));
    }
}

static void
test_truncated_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_fixture ("truncated.pdf", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
}

/* ---- the page view's errands in the helper process ---------------------------- */

typedef struct
{
  GBytes              *bytes;
  GPtrArray           *docs;
  CfExtractedDocument *doc;
} HelperFixture;

static void
helper_fixture_open (HelperFixture *f)
{
  g_auto(GStrv) prose = pdf_test_prose (7, 12);
  PdfTestArticle article = { .paragraphs = (const char *const *) prose, .columns = 2, .page_numbers = TRUE };
  g_autoptr(GError) error = NULL;

  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_REAL"), TRUE);
  f->bytes = pdf_test_make_article (&article);
  f->docs = cf_read_pdf (f->bytes, NULL, &error);
  g_assert_no_error (error);
  f->doc = f->docs->pdata[0];
  g_assert_cmpuint (f->doc->pages->len, >=, 2);
}

static void
helper_fixture_close (HelperFixture *f)
{
  g_bytes_unref (f->bytes);
  g_ptr_array_unref (f->docs);
}

/* The helper's layout places every character where the reader in this process
 * does, and its rendering of a page is the page, in ink. */
static void
test_helper_layout_and_render (void)
{
  HelperFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPdfLayout) here = NULL;
  g_autoptr(CfPdfLayout) there = NULL;
  cairo_surface_t *surface;
  const CfExtractedPage *second;
  guint dark = 0;

  helper_fixture_open (&f);
  here = cf_pdf_layout_new (f.bytes, NULL, &error);
  g_assert_no_error (error);
  there = cf_pdf_layout_in_helper (f.bytes, f.doc->text, f.doc->pages, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_pdf_layout_get_n_pages (there), ==, f.doc->pages->len);
  second = &g_array_index (f.doc->pages, CfExtractedPage, 1);
  {
    g_autoptr(GArray) a = cf_pdf_layout_get_rects (here, second->start, second->end);
    g_autoptr(GArray) b = cf_pdf_layout_get_rects (there, second->start, second->end);

    g_assert_cmpuint (a->len, >, 5);
    g_assert_cmpuint (a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++)
      {
        CfPdfRect *ra = &g_array_index (a, CfPdfRect, i), *rb = &g_array_index (b, CfPdfRect, i);

        g_assert_cmpuint (ra->page, ==, rb->page);
        g_assert_cmpfloat_with_epsilon (ra->x1, rb->x1, 0.01);
        g_assert_cmpfloat_with_epsilon (ra->y2, rb->y2, 0.01);
      }
    g_assert_cmpuint (cf_pdf_layout_page_at (there, second->start), ==, 1);
  }

  surface = cf_pdf_render_in_helper (f.bytes, 1, 300, 424, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 300);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 424);
  for (int y = 0; y < 424; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < 300; x++)
        dark += (row[x] & 0xff) < 0x80;
    }
  g_assert_cmpuint (dark, >, 500);
  cairo_surface_destroy (surface);

  /* a page that is not there, and a size past the limits, are errors */
  g_assert_null (cf_pdf_render_in_helper (f.bytes, 999, 300, 424, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (cf_pdf_render_in_helper (f.bytes, 0, CF_PDF_MAX_RENDER_SIDE + 1, 10, NULL, &error));
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE);
  helper_fixture_close (&f);
}

/* A case whose text is not what the reader makes of the original (another version
 * made it) gets no page view: the offsets would not match. */
static void
test_helper_layout_of_other_text_refused (void)
{
  HelperFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CfPdfLayout) layout = NULL;

  helper_fixture_open (&f);
  text = g_strdup (f.doc->text);
  text[strlen (text) / 2] = text[strlen (text) / 2] == 'x' ? 'y' : 'x';
  layout = cf_pdf_layout_in_helper (f.bytes, text, f.doc->pages, NULL, &error);
  g_assert_null (layout);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  helper_fixture_close (&f);
}

/* The layout answer is read as hostile: a box on a page that does not exist, a
 * coordinate that is not a number, a count that is not the case's, a byte too
 * few or too many are each refused. */
static void
test_helper_layout_wire_checked (void)
{
  HelperFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPdfLayout) layout = NULL;
  g_autoptr(GBytes) wire = NULL;
  const guint8 *data;
  gsize len, first_char;
  guint n_pages;

  helper_fixture_open (&f);
  layout = cf_pdf_layout_new (f.bytes, NULL, &error);
  g_assert_no_error (error);
  wire = cf_pdf_layout_to_wire (layout);
  data = g_bytes_get_data (wire, &len);
  n_pages = f.doc->pages->len;
  g_assert_cmpuint (len, ==, cf_pdf_layout_wire_size (f.doc->text, f.doc->pages));
  first_char = 8 + 4 + 4 + 64 + n_pages * 24;

  {
    g_autoptr(CfPdfLayout) back = cf_pdf_layout_from_wire (data, len, f.doc->text, f.doc->pages, &error);

    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
  for (guint mutation = 0; mutation < 5; mutation++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      gsize copy_len = len;
      guint32 bad_page = n_pages + 3;
      float nan = NAN;
      g_autoptr(CfPdfLayout) back = NULL;

      /* the first character that has a box */
      gsize at = first_char;
      while (at < len && *(guint32 *) (copy + at) == G_MAXUINT32)
        at += 20;
      g_assert_cmpuint (at, <, len);
      switch (mutation)
        {
        case 0: memcpy (copy + at, &bad_page, 4); break;
        case 1: memcpy (copy + at + 4, &nan, 4); break;
        case 2: copy[8] ^= 1; break;          /* the page count */
        case 3: copy_len--; break;
        default: copy = g_realloc (copy, len + 1); copy[len] = 0; copy_len++; break;
        }
      back = cf_pdf_layout_from_wire (copy, copy_len, f.doc->text, f.doc->pages, &error);
      g_assert_null (back);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  helper_fixture_close (&f);
}

/* A helper taken over by a hostile page that answers with pixels that lie (a
 * larger image than asked, garbage, a stride that does not fit, too few rows, an
 * endless stream) or that crashes, gets a clean refusal, never an image. */
static void
test_helper_misbehaving_render_refused (gconstpointer data)
{
  const char *word = data;
  g_autoptr(GBytes) input = g_bytes_new (word, strlen (word));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  surface = cf_pdf_render_in_helper (input, 0, 120, 170, NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
  g_test_message ("%.*s: %s", (int) strcspn (word, "\n"), word, error->message);
  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_REAL"), TRUE);
}

/* The same of a layout answer that makes no sense. */
static void
test_helper_misbehaving_layout_refused (void)
{
  HelperFixture f = { 0 };
  g_autoptr(GBytes) input = g_bytes_new_static ("nonsense\n", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPdfLayout) layout = NULL;

  helper_fixture_open (&f);
  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  layout = cf_pdf_layout_in_helper (input, f.doc->text, f.doc->pages, NULL, &error);
  g_assert_null (layout);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_REAL"), TRUE);
  helper_fixture_close (&f);
}

/* The process ids of this process's children. */
static GArray *
child_pids (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (int));
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *after_name;
      int pid = atoi (name), ppid = 0;
      char state;

      if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL) ||
          (after_name = strrchr (stat, ')')) == NULL ||
          sscanf (after_name + 1, " %c %d", &state, &ppid) != 2)
        continue;
      if (ppid == getpid () && state != 'Z')
        g_array_append_val (pids, pid);
    }
  return pids;
}

/* One helper reads the layout and renders the pages of a document; a render
 * whose helper died meanwhile is tried again with a fresh one, and shows. */
static void
test_helper_session_renders_and_retries (void)
{
  HelperFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReadSession) session = NULL;
  g_autoptr(CfPdfLayout) layout = NULL;
  g_autoptr(GArray) helpers = NULL;
  g_autoptr(GArray) after = NULL;
  cairo_surface_t *surface;

  /* the helpers of the tests before are gone (they are killed, not waited for) */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GArray) left = child_pids ();

      if (left->len == 0)
        break;
      g_usleep (G_USEC_PER_SEC / 50);
    }
  helper_fixture_open (&f);
  session = cf_read_session_new (NULL);
  layout = cf_pdf_layout_in_session (session, f.bytes, f.doc->text, f.doc->pages, NULL, &error);
  g_assert_no_error (error);
  for (guint page = 0; page < 2; page++)
    {
      surface = cf_pdf_render_in_session (session, f.bytes, page, 150, 212, NULL, &error);
      g_assert_no_error (error);
      cairo_surface_destroy (surface);
    }
  helpers = child_pids ();
  g_assert_cmpuint (helpers->len, ==, 1);

  /* the helper dies while it waits (killed, out of memory): the next page still shows */
  g_assert_cmpint (kill (g_array_index (helpers, int, 0), SIGKILL), ==, 0);
  surface = cf_pdf_render_in_session (session, f.bytes, 1, 150, 212, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 150);
  cairo_surface_destroy (surface);
  after = child_pids ();
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, int, 0), !=, g_array_index (helpers, int, 0));

  /* the session's end is the helper's */
  g_clear_pointer (&session, cf_read_session_unref);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GArray) left = child_pids ();

      if (left->len == 0)
        break;
      g_usleep (G_USEC_PER_SEC / 50);
    }
  {
    g_autoptr(GArray) left = child_pids ();

    g_assert_cmpuint (left->len, ==, 0);
  }
  helper_fixture_close (&f);
}

int
main (int argc, char **argv)
{
  static const char *hostile[] = {
    "truncated.pdf", "malformed.pdf", "absurd-page-count.pdf", "page-tree-loop.pdf",
    "many-pages.pdf", "deep-object-graph.pdf",
    /* found by fuzz-read-pdf: a hyphen joined across an empty page */
    "fuzz-hyphen-after-empty-page.pdf",
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/read-pdf/one-column/text-as-typeset", GUINT_TO_POINTER (1), test_text_as_typeset);
  g_test_add_data_func ("/read-pdf/two-columns/columns-in-order", GUINT_TO_POINTER (2), test_text_as_typeset);
  g_test_add_func ("/read-pdf/running-header-left-out", test_running_header_left_out);
  g_test_add_func ("/read-pdf/page-numbers-left-out", test_page_numbers_left_out);
  g_test_add_func ("/read-pdf/hyphenated-words-joined", test_hyphens_joined);
  g_test_add_func ("/read-pdf/ligatures-spelled-out", test_ligatures_spelled_out);
  g_test_add_func ("/read-pdf/metadata-from-info", test_metadata);
  g_test_add_func ("/read-pdf/metadata-from-xmp", test_xmp_metadata);
  g_test_add_func ("/read-pdf/pages/cover-their-text", test_pages_cover_their_text);
  g_test_add_func ("/read-pdf/layout/offsets-round-trip", test_layout_offsets_round_trip);
  g_test_add_func ("/read-pdf/pages/cross-the-wire", test_pages_cross_the_wire);
  g_test_add_func ("/read-pdf/no-text-layer-noted", test_no_text_layer_noted);
  g_test_add_func ("/read-pdf/limits/pages", test_page_limit);
  g_test_add_func ("/read-pdf/encrypted/password-refused", test_encrypted_with_password_refused);
  g_test_add_func ("/read-pdf/encrypted/empty-user-password-read", test_encrypted_without_user_password_read);
  g_test_add_func ("/read-pdf/hostile/truncated-refused", test_truncated_refused);
  g_test_add_func ("/read-pdf/helper/layout-and-render", test_helper_layout_and_render);
  g_test_add_func ("/read-pdf/helper/layout-of-other-text-refused", test_helper_layout_of_other_text_refused);
  g_test_add_func ("/read-pdf/helper/layout-wire-checked", test_helper_layout_wire_checked);
  g_test_add_func ("/read-pdf/helper/session-renders-and-retries", test_helper_session_renders_and_retries);
  g_test_add_func ("/read-pdf/helper/misbehaving-layout-refused", test_helper_misbehaving_layout_refused);
  {
    static const char *lies[] = { "oversize", "garbage", "lying-stride", "short", "flood", "crash" };

    for (guint i = 0; i < G_N_ELEMENTS (lies); i++)
      {
        g_autofree char *path = g_strdup_printf ("/read-pdf/helper/misbehaving-render-refused/%s", lies[i]);
        g_autofree char *word = g_strdup_printf ("%s\n", lies[i]);

        g_test_add_data_func_full (path, g_steal_pointer (&word), test_helper_misbehaving_render_refused, g_free);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/read-pdf/hostile/%s", hostile[i]);

      g_test_add_data_func (path, hostile[i], test_hostile);
    }
  return g_test_run ();
}
