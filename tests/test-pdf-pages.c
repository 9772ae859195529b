/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A PDF's pages in the case: importing a PDF (through the reader process) stores its
 * page ranges, every claim knows its page, and casefile-cli and the brief cite it
 * as "p. N". */
#include "config.h"

#include <string.h>

#include "brief-test-util.h"
#include "cf-formats.h"
#include "cf-test-util.h"
#include "pdf-test-util.h"

typedef struct
{
  char   *case_path;
  CfCase *kase;
  gint64  document_id;
  GArray *expected;   /* CfExtractedPage, as the reader gives them */
  char   *text;
} PagesFixture;

static void
fixture_set_up (PagesFixture  *f,
                gconstpointer  data)
{
  g_auto(GStrv) prose = pdf_test_prose (21, 24);
  PdfTestArticle article = {
    .title = "Convoy movements in the spring",
    .header = "Regional Review",
    .paragraphs = (const char *const *) prose,
    .columns = 1,
    .page_numbers = TRUE,
    .hyphenate = TRUE,
  };
  g_autoptr(GBytes) pdf = pdf_test_make_article (&article);
  g_autofree char *pdf_path = cf_test_tmp_path ("convoy.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (pdf_path);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  docs = cf_read_pdf (pdf, NULL, &error);
  g_assert_no_error (error);
  f->expected = g_array_ref (((CfExtractedDocument *) docs->pdata[0])->pages);

  f->case_path = cf_test_tmp_path ("pages.casefile");
  f->kase = cf_test_new_case ("pages.casefile");
  ids = cf_case_import_file (f->kase, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  f->document_id = g_array_index (ids, gint64, 0);
  f->text = cf_case_get_document_text (f->kase, f->document_id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (PagesFixture  *f,
                   gconstpointer  data)
{
  g_clear_object (&f->kase);
  g_array_unref (f->expected);
  g_free (f->text);
  g_free (f->case_path);
}

/* A claim on the first word of page @page (from 1). */
static gint64
claim_on_page (PagesFixture *f,
               guint         page)
{
  const CfExtractedPage *range = &g_array_index (f->expected, CfExtractedPage, page - 1);
  const char *start = g_utf8_offset_to_pointer (f->text, range->start);
  const char *space = strchr (start, ' ');
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_nonnull (space);
  id = cf_case_add_claim (f->kase, f->document_id, (int) range->start,
                          (int) (range->start + g_utf8_strlen (start, space - start)), NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_import_stores_pages (PagesFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = cf_case_get_document_pages (f->kase, f->document_id, &error);
  g_autoptr(CfDocument) document = cf_case_get_document (f->kase, f->document_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cf_document_get_media_type (document), ==, "application/pdf");
  g_assert_cmpuint (f->expected->len, >=, 3);
  g_assert_cmpuint (pages->len, ==, f->expected->len);
  g_assert_cmpmem (pages->data, pages->len * sizeof (CfExtractedPage),
                   f->expected->data, f->expected->len * sizeof (CfExtractedPage));
  cf_test_assert_case_sound (f->kase);
}

static void
test_page_for_offset (PagesFixture  *f,
                      gconstpointer  data)
{
  const CfExtractedPage *second = &g_array_index (f->expected, CfExtractedPage, 1);
  gint64 plain = cf_test_add_sample_document (f->kase);

  g_assert_cmpint (cf_case_get_page_for_offset (f->kase, f->document_id, 0, NULL), ==, 1);
  g_assert_cmpint (cf_case_get_page_for_offset (f->kase, f->document_id, second->start, NULL), ==, 2);
  g_assert_cmpint (cf_case_get_page_for_offset (f->kase, f->document_id, second->end - 1, NULL), ==, 2);
  /* a text without pages has none */
  g_assert_cmpint (cf_case_get_page_for_offset (f->kase, plain, 5, NULL), ==, 0);
}

static void
test_deleting_document_removes_pages (PagesFixture  *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;

  g_assert_true (cf_case_delete_document (f->kase, f->document_id, &error));
  g_assert_no_error (error);
  pages = cf_case_get_document_pages (f->kase, f->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 0);
  cf_test_assert_case_sound (f->kase);
}

static void
test_cli_cites_page (PagesFixture  *f,
                     gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, claim_on_page (f, 3));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_clear_object (&f->kase);
  cf_test_run_ok (&run, "claim", "show", f->case_path, id);
  g_assert_nonnull (strstr (run.out, "(p. 3)"));
  cf_test_run_ok (&run, "claim", "show", f->case_path, id, "--json");
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "page"), ==, 3);
}

static void
test_brief_cites_page (PagesFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(PdfText) brief = NULL;

  if (!have_poppler ())
    return;
  claim_on_page (f, 2);
  brief = render_brief (f->kase, NULL, "brief.pdf");
  g_assert_nonnull (strstr (brief->all, ", p. 2"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, PagesFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf-pages/import-stores-pages", test_import_stores_pages);
  ADD ("/pdf-pages/page-for-offset", test_page_for_offset);
  ADD ("/pdf-pages/deleting-document-removes-pages", test_deleting_document_removes_pages);
  ADD ("/pdf-pages/cli-cites-page", test_cli_cites_page);
  ADD ("/pdf-pages/brief-cites-page", test_brief_cites_page);
#undef ADD
  return g_test_run ();
}
