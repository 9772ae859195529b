/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The container readers in this process (issue 13): MHTML, mail, DOCX, ODT, WARC
 * and WACZ give the text and metadata of our own articles (fixtures written by
 * tests/fixtures/formats/make-fixtures.py), sniffing goes by content alone, and
 * hostile files (truncated, damaged, a zip bomb, MIME nested 1,000 deep, a lying
 * Content-Length, too many parts) are refused with a message that says why. */
#include "config.h"

#include <string.h>

#include "cf-formats.h"

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "formats", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static CfExtractedDocument *
doc_at (GPtrArray *docs,
        guint      i)
{
  g_assert_cmpuint (i, <, docs->len);
  return g_ptr_array_index (docs, i);
}

static void
test_sniff_by_content (void)
{
  static const struct { const char *name; CfReadFormat format; } cases[] = {
    { "article.mhtml", CF_READ_FORMAT_MHTML },
    { "message.eml", CF_READ_FORMAT_EML },
    { "article.docx", CF_READ_FORMAT_DOCX },
    { "article.odt", CF_READ_FORMAT_ODT },
    { "site.warc", CF_READ_FORMAT_WARC },
    { "site.warc.gz", CF_READ_FORMAT_WARC },
    { "site.wacz", CF_READ_FORMAT_WACZ },
  };
  g_autoptr(GBytes) html = g_bytes_new_static ("<html><body><p>Hi</p></body></html>", 35);
  g_autoptr(GBytes) note = g_bytes_new_static ("From: a note\nto myself\n", 23);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = fixture (cases[i].name);

      g_assert_cmpint (cf_read_sniff (bytes), ==, cases[i].format);
    }
  g_assert_cmpint (cf_read_sniff (html), ==, CF_READ_FORMAT_NONE);
  g_assert_cmpint (cf_read_sniff (note), ==, CF_READ_FORMAT_NONE);
}

static void
test_mhtml (void)
{
  g_autoptr(GBytes) bytes = fixture ("article.mhtml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_mhtml (bytes, NULL, &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc = doc_at (docs, 0);
  g_assert_cmpstr (doc->title, ==, "Harbour lights went dark for three hours on Tuesday night");
  g_assert_cmpstr (doc->byline, ==, "Mirela Stanescu");
  g_assert_cmpstr (doc->url, ==, "https://example.org/news/harbour-lights");
  g_assert_cmpstr (doc->captured, ==, "2024-06-01T09:30:00+00:00");
  g_assert_cmpstr (doc->published, ==, "2024-03-12T21:40:00+02:00");
  g_assert_cmpstr (doc->media_type, ==, "multipart/related");
  g_assert_true (g_str_has_prefix (doc->text, "The navigation lights along the northern breakwater"));
  g_assert_nonnull (strstr (doc->text, "isolated the fault."));
  /* neither MIME headers nor the page's menu */
  g_assert_null (strstr (doc->text, "Content-Type"));
  g_assert_null (strstr (doc->text, "Home"));
}

static void
test_eml (void)
{
  g_autoptr(GBytes) bytes = fixture ("message.eml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_eml (bytes, NULL, &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = doc_at (docs, 0);
  g_assert_cmpstr (doc->title, ==, "Grain convoy reaches the river terminal a day behind schedule");
  g_assert_cmpstr (doc->byline, ==, "Tomas Brandvold <desk@example.net>");
  g_assert_cmpstr (doc->published, ==, "2024-05-02T08:15:00+00:00");
  g_assert_cmpstr (doc->media_type, ==, "message/rfc822");
  g_assert_cmpint (doc->parent_index, ==, -1);
  g_assert_nonnull (strstr (doc->note, "<grain.1@example.net>"));
  g_assert_true (g_str_has_prefix (doc->text, "A convoy of forty-two lorries"));
  g_assert_nonnull (strstr (doc->text, "margin of three days.\n\nThe regional roads office"));
  /* the text part, once: not the HTML alternative as well */
  g_assert_null (strstr (strstr (doc->text, "half a day") + 1, "A convoy of forty-two"));
  g_assert_null (strstr (doc->text, "\r"));
}

static void
test_eml_attachments (void)
{
  g_autoptr(GBytes) bytes = fixture ("message.eml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_eml (bytes, NULL, &error);
  CfExtractedDocument *report, *notes;

  g_assert_no_error (error);
  /* the message, the DOCX and the text file; the PNG is named in the note */
  g_assert_cmpuint (docs->len, ==, 3);
  report = doc_at (docs, 1);
  notes = doc_at (docs, 2);
  g_assert_cmpint (report->parent_index, ==, 0);
  g_assert_cmpstr (report->filename, ==, "report.docx");
  g_assert_cmpstr (report->title, ==, "Harbour lights went dark for three hours on Tuesday night");
  g_assert_nonnull (strstr (report->text, "breakwater"));
  g_assert_cmpint (notes->parent_index, ==, 0);
  g_assert_cmpstr (notes->filename, ==, "notes.txt");
  g_assert_cmpstr (notes->text, ==, "Call the terminal manager again on Monday.");
  g_assert_nonnull (strstr (doc_at (docs, 0)->note, "“photo.png” was not imported"));
}

static void
check_office_text (const char *text)
{
  const char *body = strstr (text, "The navigation lights");
  const char *list = strstr (text, "• Relay tripped at 21:04\n\n• Power back at 00:10");
  const char *table = strstr (text, "Vessel | Waited\n\nMorning Star | 70 minutes");
  const char *footnote = strstr (text, "[1] Times are local, from the pilot station's radio log.");
  const char *comment = strstr (text, "Comment by Desk editor: Check the breaker log before publishing.");

  g_assert_true (g_str_has_prefix (text, "Harbour lights went dark for three hours on Tuesday night\n\n"));
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, "until a little after midnight.[1]\n\n"));
  g_assert_nonnull (list);
  g_assert_nonnull (table);
  g_assert_nonnull (footnote);
  g_assert_nonnull (comment);
  /* the notes come after the body */
  g_assert_true (body < list && list < table && table < footnote && footnote < comment);
}

static void
check_office_metadata (CfExtractedDocument *doc)
{
  g_assert_cmpstr (doc->title, ==, "Harbour lights went dark for three hours on Tuesday night");
  g_assert_cmpstr (doc->byline, ==, "Mirela Stanescu");
  g_assert_cmpstr (doc->published, ==, "2024-03-12T21:40:00+02:00");
  g_assert_cmpstr (doc->language, ==, "en-GB");
}

static void
test_docx (void)
{
  g_autoptr(GBytes) bytes = fixture ("article.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_docx (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  check_office_text (doc_at (docs, 0)->text);
  check_office_metadata (doc_at (docs, 0));
  g_assert_cmpstr (doc_at (docs, 0)->media_type, ==,
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

static void
test_odt (void)
{
  g_autoptr(GBytes) bytes = fixture ("article.odt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_odt (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  check_office_text (doc_at (docs, 0)->text);
  check_office_metadata (doc_at (docs, 0));
  g_assert_cmpstr (doc_at (docs, 0)->media_type, ==, "application/vnd.oasis.opendocument.text");
}

static void
check_archive_pages (GPtrArray  *docs,
                     guint       n,
                     const char *media_type)
{
  static const char *urls[] = {
    "https://example.org/news/harbour-lights",
    "https://example.org/reports/grain-convoy",
    "https://example.org/culture/library-archive",
  };

  /* the HTML responses only: not the request, the warcinfo or the image */
  g_assert_cmpuint (docs->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      CfExtractedDocument *doc = doc_at (docs, i);

      g_assert_cmpstr (doc->captured, ==, "2024-06-02T12:00:00+00:00");
      g_assert_cmpstr (doc->media_type, ==, media_type);
      g_assert_nonnull (doc->title);
      g_assert_cmpuint (strlen (doc->text), >, 500);
      if (n == 3)
        g_assert_cmpstr (doc->url, ==, urls[i]);
    }
}

static void
test_warc (void)
{
  g_autoptr(GBytes) bytes = fixture ("site.warc");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_warc (bytes, NULL, &error);

  g_assert_no_error (error);
  check_archive_pages (docs, 3, "application/warc");
  g_assert_cmpstr (doc_at (docs, 1)->title, ==,
                   "Grain convoy reaches the river terminal a day behind schedule");
}

static void
test_warc_gzip_members (void)
{
  g_autoptr(GBytes) bytes = fixture ("site.warc.gz");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_warc (bytes, NULL, &error);

  g_assert_no_error (error);
  check_archive_pages (docs, 3, "application/warc");
}

static void
test_wacz (void)
{
  g_autoptr(GBytes) bytes = fixture ("site.wacz");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_wacz (bytes, NULL, &error);

  g_assert_no_error (error);
  check_archive_pages (docs, 2, "application/wacz");
  g_assert_cmpstr (doc_at (docs, 1)->url, ==, "https://example.org/culture/library-archive");
}

static void
assert_refused (const char         *name,
                const CfReadLimits *limits,
                int                 code,
                const char         *words)
{
  g_autoptr(GBytes) bytes = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cf_read_bytes (bytes, limits, &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_zip_bomb (void)
{
  assert_refused ("bomb.docx", NULL, CF_EXTRACT_ERROR_TOO_LARGE, "zip bomb");
}

static void
test_zip_size_limit (void)
{
  CfReadLimits limits = *cf_read_limits_default ();

  limits.max_uncompressed = 1024;
  assert_refused ("article.docx", &limits, CF_EXTRACT_ERROR_TOO_LARGE, "unpacks to more than 1.0");
}

static void
test_zip_entry_limit (void)
{
  CfReadLimits limits = *cf_read_limits_default ();

  limits.max_entries = 2;
  assert_refused ("article.odt", &limits, CF_EXTRACT_ERROR_TOO_LARGE, "more than 2 entries");
}

static void
test_mime_nested_1000 (void)
{
  assert_refused ("nested-1000.eml", NULL, CF_EXTRACT_ERROR_TOO_LARGE, "more than 32 deep");
}

static void
test_mime_part_limit (void)
{
  CfReadLimits limits = *cf_read_limits_default ();

  limits.max_parts = 3;
  assert_refused ("message.eml", &limits, CF_EXTRACT_ERROR_TOO_LARGE, "more than 3 parts");
}

static void
test_warc_lying_length (void)
{
  assert_refused ("lying-length.warc", NULL, CF_EXTRACT_ERROR_PARSE, "wrong Content-Length");
}

static void
test_archive_document_limit (void)
{
  CfReadLimits limits = *cf_read_limits_default ();

  limits.max_documents = 2;
  assert_refused ("site.warc", &limits, CF_EXTRACT_ERROR_TOO_LARGE, "more than 2 documents");
}

static const char *all_fixtures[] = {
  "article.mhtml", "message.eml", "article.docx", "article.odt",
  "site.warc", "site.warc.gz", "site.wacz",
};

/* Cut short anywhere, each file either still reads or says why not. */
static void
test_truncated (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (all_fixtures); f++)
    {
      g_autoptr(GBytes) whole = fixture (all_fixtures[f]);
      gsize len = g_bytes_get_size (whole);

      for (guint cut = 1; cut < 40; cut++)
        {
          g_autoptr(GBytes) part = g_bytes_new_from_bytes (whole, 0, len * cut / 40);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) docs = cf_read_bytes (part, NULL, &error);

          g_assert_true ((docs == NULL) != (error == NULL));
          if (error != NULL)
            g_assert_cmpstr (error->message, !=, "");
          else
            for (guint i = 0; i < docs->len; i++)
              g_assert_true (g_utf8_validate (doc_at (docs, i)->text, -1, NULL));
        }
    }
}

/* Bytes changed at random (the same ones every run): read, or refused, never a crash. */
static void
test_malformed (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1313);

  for (guint f = 0; f < G_N_ELEMENTS (all_fixtures); f++)
    {
      g_autoptr(GBytes) whole = fixture (all_fixtures[f]);

      for (guint round = 0; round < 60; round++)
        {
          gsize len;
          guint8 *data = g_bytes_unref_to_data (g_bytes_ref (whole), &len);
          g_autoptr(GBytes) damaged = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) docs = NULL;

          for (guint k = 0; k < 1 + round % 8; k++)
            data[g_rand_int_range (rand, 0, (gint32) len)] = (guint8) g_rand_int (rand);
          damaged = g_bytes_new_take (data, len);
          docs = cf_read_bytes (damaged, NULL, &error);
          g_assert_true ((docs == NULL) != (error == NULL));
        }
    }
}

static void
test_wire_round_trip (void)
{
  g_autoptr(GBytes) bytes = fixture ("message.eml");
  g_autoptr(GPtrArray) docs = cf_read_eml (bytes, NULL, NULL);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize len;

  json = cf_read_serialise (docs, NULL, &len);
  back = cf_read_deserialise (json, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, docs->len);
  for (guint i = 0; i < docs->len; i++)
    {
      g_assert_cmpstr (doc_at (back, i)->text, ==, doc_at (docs, i)->text);
      g_assert_cmpstr (doc_at (back, i)->title, ==, doc_at (docs, i)->title);
      g_assert_cmpstr (doc_at (back, i)->filename, ==, doc_at (docs, i)->filename);
      g_assert_cmpint (doc_at (back, i)->parent_index, ==, doc_at (docs, i)->parent_index);
    }
}

static void
test_wire_rejects_nonsense (void)
{
  static const char *answers[] = {
    "", "not json", "[]", "{\"documents\": []}", "{\"documents\": [1]}",
    "{\"documents\": [{\"media_type\": \"text/plain\"}]}",
    "{\"documents\": [{\"text\": \"a\", \"media_type\": \"text/plain\", \"parent_index\": 0}]}",
    "{\"documents\": [{\"text\": 5, \"media_type\": \"text/plain\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = cf_read_deserialise (answers[i], strlen (answers[i]), &error);

      g_assert_null (docs);
      g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
    }
}

/* Zero bytes given to each reader, to the sniffer and to the wire reader: a clear
 * error (the file is empty), never a critical or a crash. */
static void
test_empty_input (void)
{
  typedef GPtrArray *(*Reader) (GBytes *, const CfReadLimits *, GError **);
  static const Reader readers[] = {
    cf_read_mhtml, cf_read_eml, cf_read_docx, cf_read_odt, cf_read_warc, cf_read_wacz, cf_read_pdf,
    cf_read_bytes,
  };
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cf_read_sniff (empty), ==, CF_READ_FORMAT_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GPtrArray) docs = readers[i] (empty, NULL, &error);

      g_assert_null (docs);
      g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY);
      g_clear_error (&error);
    }
  {
    g_autoptr(GPtrArray) docs = cf_read_any (empty, "empty.pdf", NULL, &error);

    g_assert_null (docs);
    g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY);
    g_clear_error (&error);
  }
  g_assert_null (cf_read_deserialise (NULL, 0, &error));
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (cf_read_deserialise ("", 0, &error));
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/read/sniff/by-content", test_sniff_by_content);
  g_test_add_func ("/read/mhtml/page-address-and-capture-date", test_mhtml);
  g_test_add_func ("/read/eml/headers-and-text-part", test_eml);
  g_test_add_func ("/read/eml/attachments-linked-to-message", test_eml_attachments);
  g_test_add_func ("/read/docx/text-notes-and-metadata", test_docx);
  g_test_add_func ("/read/odt/text-notes-and-metadata", test_odt);
  g_test_add_func ("/read/warc/html-responses", test_warc);
  g_test_add_func ("/read/warc/gzip-member-per-record", test_warc_gzip_members);
  g_test_add_func ("/read/wacz/html-responses", test_wacz);
  g_test_add_func ("/read/hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/read/hostile/zip-size-limit", test_zip_size_limit);
  g_test_add_func ("/read/hostile/zip-entry-limit", test_zip_entry_limit);
  g_test_add_func ("/read/hostile/mime-nested-1000-deep", test_mime_nested_1000);
  g_test_add_func ("/read/hostile/mime-part-limit", test_mime_part_limit);
  g_test_add_func ("/read/hostile/warc-lying-content-length", test_warc_lying_length);
  g_test_add_func ("/read/hostile/archive-document-limit", test_archive_document_limit);
  g_test_add_func ("/read/hostile/truncated", test_truncated);
  g_test_add_func ("/read/hostile/malformed", test_malformed);
  g_test_add_func ("/read/wire/round-trip", test_wire_round_trip);
  g_test_add_func ("/read/wire/rejects-nonsense", test_wire_rejects_nonsense);
  g_test_add_func ("/read/hostile/empty", test_empty_input);

  return g_test_run ();
}
