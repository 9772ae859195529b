/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cf-extract.h"

/* ---- helpers --------------------------------------------------------------- */

static GPtrArray *
extract_len (const char  *data,
             gsize        len,
             const char  *filename,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return cf_extract_bytes (bytes, filename, error);
}

static GPtrArray *
extract (const char  *data,
         const char  *filename,
         GError     **error)
{
  return extract_len (data, strlen (data), filename, error);
}

static CfExtractedDocument *
first (GPtrArray *docs)
{
  g_assert_nonnull (docs);
  g_assert_cmpuint (docs->len, >=, 1);
  return g_ptr_array_index (docs, 0);
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A file of tests/fixtures/extract, extracted as if it were called @filename. */
static GPtrArray *
extract_fixture (const char  *name,
                 const char  *filename,
                 GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "extract",
                                                 name, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return extract_len (contents, len, filename, error);
}

/* ---- plain text -------------------------------------------------------------- */

static void
test_text_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract ("Grüße aus Kyjiw — Київ\r\nline two   \r\n\r\n\r\n\r\nSecond paragraph.\n\n",
                                       "notes.txt", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = first (docs);
  g_assert_cmpstr (doc->text, ==, "Grüße aus Kyjiw — Київ\nline two\n\nSecond paragraph.");
  g_assert_cmpstr (doc->media_type, ==, "text/plain");
  g_assert_null (doc->note);
}

static void
test_text_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract ("\xEF\xBB\xBFHello, world", "a.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, "Hello, world");
}

static void
test_text_utf16 (gconstpointer data)
{
  gboolean big_endian = GPOINTER_TO_INT (data);
  const char *text = "Zprávy\r\nz Kyjeva: Київ";
  g_autoptr(GError) error = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;
  CfExtractedDocument *doc;

  encoded = g_convert (text, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (len + 2);
  with_bom[0] = big_endian ? '\xFE' : '\xFF';
  with_bom[1] = big_endian ? '\xFF' : '\xFE';
  memcpy (with_bom + 2, encoded, len);

  docs = extract_len (with_bom, len + 2, "a.txt", &error);
  g_assert_no_error (error);
  doc = first (docs);
  g_assert_cmpstr (doc->text, ==, "Zprávy\nz Kyjeva: Київ");
}

static void
test_text_latin1 (void)
{
  g_autoptr(GError) error = NULL;
  /* "Café crème à Noël" in ISO-8859-1 */
  g_autoptr(GPtrArray) docs = extract ("Caf\xE9 cr\xE8me \xE0 No\xEBl", "a.txt", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = first (docs);
  g_assert_cmpstr (doc->text, ==, "Café crème à Noël");
  g_assert_nonnull (doc->note);
  g_assert_nonnull (strstr (doc->note, "windows-1252"));
}

static const char russian[] =
  "Вчера вечером в центре города прошёл митинг. Участники требовали отставки "
  "губернатора и проведения новых выборов.\n\nПолиция сообщила, что задержанных нет.";

static void
test_text_cp1251 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cp1251 = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc;
  gsize len = 0;

  cp1251 = g_convert (russian, -1, "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (cp1251, len, "news.txt", &error);
  g_assert_no_error (error);
  doc = first (docs);
  g_assert_cmpstr (doc->text, ==, russian);
  g_assert_nonnull (strstr (doc->note, "windows-1251"));
}

static void
test_text_koi8r (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *koi8 = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;

  koi8 = g_convert (russian, -1, "KOI8-R", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (koi8, len, "news.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, russian);
  g_assert_nonnull (strstr (first (docs)->note, "KOI8-R"));
}

static void
test_text_cp1251_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup_printf ("<html><head><title>Новости</title></head>"
                                           "<body><article><p>%s</p></article></body></html>",
                                           russian);
  g_autofree char *cp1251 = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;

  /* no declaration at all: the bytes alone must say Cyrillic */
  cp1251 = g_convert (page, -1, "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (cp1251, len, "news.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first (docs)->text, "Полиция сообщила"));
  g_assert_cmpstr (first (docs)->title, ==, "Новости");
}

static void
test_text_nul (void)
{
  static const char data[] = "Looks like text\0but is not\0\0\x01\x02";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_len (data, sizeof data - 1, "a.txt", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "binary"));
}

static void
test_text_undecodable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  /* a UTF-16 BOM, then a lone low surrogate */
  static const char bad_utf16[] = "\xFF\xFE" "a\0" "\x00\xDC" "b\0";
  GString *junk = g_string_new (NULL);

  docs = extract_len (bad_utf16, sizeof bad_utf16 - 1, "a.txt", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_ENCODING);
  g_clear_error (&error);

  /* bytes no 8-bit text encoding would produce */
  for (guint i = 0; i < 400; i++)
    g_string_append_c (junk, (char) (0x80 + (i * 7) % 32));
  docs = extract_len (junk->str, junk->len, "a.txt", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_ENCODING);
  g_string_free (junk, TRUE);
}

static void
test_text_like_markup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract ("<Ed> wrote: the meeting is at noon.\n<Ann> ok", "chat.txt",
                                       &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->media_type, ==, "text/plain");
  g_assert_cmpstr (first (docs)->text, ==, "<Ed> wrote: the meeting is at noon.\n<Ann> ok");
}

static void
test_text_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract ("", "a.txt", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY);
  g_clear_error (&error);
  docs = extract (" \n\t\r\n ", "a.txt", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY);
}

/* A UTF-8 text damaged in two places stays UTF-8: the two places become U+FFFD and
 * the note says so, instead of the whole text turning into a legacy code page. */
static void
test_text_mostly_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("mostly-utf8.txt", "report.txt", &error);
  const char *text;
  guint replaced = 0;

  g_assert_no_error (error);
  text = first (docs)->text;
  g_assert_true (g_str_has_prefix (text, "Звіт портової служби за березень\n\n"));
  g_assert_nonnull (strstr (text, "прийняв \xEF\xBF\xBDсорок два судна"));
  for (const char *p = strstr (text, "\xEF\xBF\xBD"); p != NULL; p = strstr (p + 3, "\xEF\xBF\xBD"))
    replaced++;
  g_assert_cmpuint (replaced, ==, 2);
  g_assert_nonnull (first (docs)->note);
  g_assert_nonnull (strstr (first (docs)->note, "UTF-8"));
}

/* ---- HTML ------------------------------------------------------------------------ */

static void
test_html_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "extract",
                                                 "article.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len;
  CfExtractedDocument *doc;
  const char *unwanted[] = { "Home", "FERRY TICKETS", "Share on", "Related stories",
                             "lighthouse", "First!", "All rights reserved",
                             "tracking pixel", "color: red", "By Mira Holm", NULL };

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (contents, len, "article.html", &error);
  g_assert_no_error (error);
  doc = first (docs);

  g_assert_cmpstr (doc->media_type, ==, "text/html");
  g_assert_cmpstr (doc->title, ==, "Harbour crane collapses during storm");
  g_assert_cmpstr (doc->byline, ==, "Mira Holm");
  g_assert_cmpstr (doc->site_name, ==, "The Coastal Gazette");
  g_assert_cmpstr (doc->language, ==, "en-GB");
  g_assert_cmpstr (doc->url, ==, "https://gazette.example/news/harbour-crane");
  g_assert_true (g_str_has_prefix (doc->published, "2024-03-05"));

  g_assert_true (g_str_has_prefix (doc->text, "A container crane at the northern quay"));
  g_assert_nonnull (strstr (doc->text, "earlier & the quay"));
  g_assert_nonnull (strstr (doc->text, "\n\nQuestions about maintenance\n\n"));
  g_assert_nonnull (strstr (doc->text, "“We warned them in writing, twice,”"));
  g_assert_nonnull (strstr (doc->text, "several million euros."));
  for (guint i = 0; unwanted[i] != NULL; i++)
    {
      if (strstr (doc->text, unwanted[i]) != NULL)
        g_error ("“%s” should not be in the article text:\n%s", unwanted[i], doc->text);
    }
  g_assert_null (strstr (doc->text, "\n\n\n"));
}

/* Upper-case tags, an empty <head> and no title: a browser shows the article. */
static void
test_html_empty_head (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("empty-head.html", "ferry.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->media_type, ==, "text/html");
  g_assert_true (g_str_has_prefix (first (docs)->text, "Night ferry keeps to its timetable\n\n"
                                                        "The night ferry from the northern quay"));
  g_assert_nonnull (strstr (first (docs)->text, "has no shelter from the rain."));
}

/* A page that opens with an element outside the common few is still HTML, whatever
 * the file is called. */
static void
test_sniff_html_by_first_element (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("starts-with-aside.html", "notice", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->media_type, ==, "text/html");
  g_assert_null (strstr (first (docs)->text, "<p>"));
  g_assert_nonnull (strstr (first (docs)->text, "Repairs to the lighthouse"));
}

/* A page that is only scripts has nothing to quote: refused, not imported empty. */
static void
test_html_script_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("script-only.html", "timetable.html", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "contains no text"));
}

/* javascript:, data: and file: URLs from a page's canonical link, og:url or JSON-LD
 * never become the document's link. */
static void
test_html_non_web_url_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("non-web-url.html", "fares.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->title, ==, "Ferry fares rise in June");
  g_assert_null (first (docs)->url);
}

/* Passing over a hostile canonical link, the next http(s) source of the URL counts. */
static void
test_html_web_url_after_non_web (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs =
    extract ("<html><head><link rel=\"canonical\" href=\" JavaScript:alert(1)\">"
             "<meta property=\"og:url\" content=\"HTTPS://ferry.example/fares\"></head>"
             "<body><p>Fares rise by six per cent from June, the operator said.</p></body>"
             "</html>", "fares.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->url, ==, "HTTPS://ferry.example/fares");
}

#define LYING_PAGE \
  "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">" \
  "<title>%s</title></head><body><p>%s</p></body></html>"

static void
test_html_charset_lies (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *utf8_page = g_strdup_printf (LYING_PAGE, "iso-8859-1", "Ça va",
                                                "Žluťoučký kůň úpěl ďábelské ódy.");
  g_autofree char *latin_page = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) docs2 = NULL;
  gsize len = 0;

  /* says Latin-1, is UTF-8 */
  docs = extract (utf8_page, "a.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, "Žluťoučký kůň úpěl ďábelské ódy.");
  g_assert_cmpstr (first (docs)->title, ==, "Ça va");

  /* says UTF-8, is windows-1252 */
  {
    g_autofree char *page = g_strdup_printf (LYING_PAGE, "utf-8", "Ça va",
                                             "Le café est très “bon” à Noël.");

    latin_page = g_convert (page, -1, "WINDOWS-1252", "UTF-8", NULL, &len, &error);
    g_assert_no_error (error);
  }
  docs2 = extract_len (latin_page, len, "a.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first (docs2)->text, ==, "Le café est très “bon” à Noël.");
  g_assert_nonnull (first (docs2)->note);
}

static void
test_html_declared_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup_printf ("<html><head><meta charset=\"windows-1251\">"
                                           "</head><body><p>%s</p></body></html>", "Слава");
  g_autofree char *encoded = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;

  encoded = g_convert (page, -1, "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (encoded, len, "a.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, "Слава");
  g_assert_nonnull (strstr (first (docs)->note, "windows-1251"));
}

static void
test_html_deep_nesting (void)
{
  GString *page = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>Deep inside, a sentence survives the nesting.</p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");

  docs = extract_len (page->str, page->len, "deep.html", &error);
  /* a document or a clear error; above all, no crash */
  if (docs != NULL)
    g_assert_nonnull (first (docs)->text);
  else
    g_assert_nonnull (error);
  g_string_free (page, TRUE);

  /* text before the parser's nesting limit is kept, and the user is told */
  page = g_string_new ("<html><body><p>Before the nesting, a sentence.</p>");
  for (guint i = 0; i < 1000; i++)
    g_string_append (page, "<font>");
  g_string_append (page, "<p>Too deep.</p></body></html>");
  g_clear_pointer (&docs, g_ptr_array_unref);
  g_clear_error (&error);
  docs = extract_len (page->str, page->len, "deep.html", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first (docs)->text, "Before the nesting, a sentence."));
  g_assert_nonnull (strstr (first (docs)->note, "too deeply"));
  g_string_free (page, TRUE);

  /* unclosed, of varied tags */
  page = g_string_new ("<html><body>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, i % 3 ? "<span>" : "<section>x ");
  g_clear_pointer (&docs, g_ptr_array_unref);
  g_clear_error (&error);
  docs = extract_len (page->str, page->len, "deep.html", &error);
  g_assert_true (docs != NULL || error != NULL);
  g_string_free (page, TRUE);
}

static void
test_html_binary_junk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 junk[4096];

  /* a PNG header, then noise */
  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (junk, "\x89PNG\r\n\x1a\n", 8);
  docs = extract_len ((const char *) junk, sizeof junk, "page.html", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_BINARY);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (junk, sizeof junk);

    g_assert_cmpstr (cf_extract_sniff_media_type (bytes, "page.html"), ==,
                     "application/octet-stream");
  }
}

static void
test_html_declared_east_asian (void)
{
  g_autoptr(GError) error = NULL;
  /* "中文" plus a GBK-only character (U+9555) under a gb2312 label */
  g_autofree char *page = g_strdup_printf ("<html><head><meta charset=\"gb2312\"></head>"
                                           "<body><p>%s</p></body></html>", "中文鏕");
  g_autofree char *encoded = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;

  encoded = g_convert (page, -1, "GBK", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (encoded, len, "a.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, "中文鏕");
}

static void
test_html_hidden (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs =
    extract ("<html><body><article>"
             "<p>Visible paragraph one, long enough to count as article text for sure.</p>"
             "<p style=\"display: none\">Hidden by style.</p>"
             "<p hidden>Hidden by attribute.</p>"
             "<div aria-hidden=\"true\">Hidden from assistive technology.</div>"
             "<noscript>Enable JavaScript.</noscript><template>Template text.</template>"
             "<p>Shown on desktops <span class=\"sr-only\">Hidden skip link</span>"
             "<span class=\"meta hidden\">Hidden structured data</span>"
             "<span class=\"hidden-xs\">and shown on wide screens</span>.</p>"
             "<p>Visible paragraph two, with entities: &lt;tag&gt; &amp; &eacute;t&eacute; &#x263A;.</p>"
             "</article></body></html>", "a.html", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = first (docs);
  g_assert_null (strstr (doc->text, "Hidden"));
  g_assert_null (strstr (doc->text, "JavaScript"));
  g_assert_null (strstr (doc->text, "Template"));
  g_assert_nonnull (strstr (doc->text, "<tag> & été ☺."));
  g_assert_nonnull (strstr (doc->text, "Shown on desktops and shown on wide screens."));
}

static void
test_html_inline_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs =
    extract ("<html><body><article>"
             "<p><span class=\"dropcap\">T</span>he harbour <b>re</b>opened on <a href=\"#\">Monday</a>, "
             "officials said, after a long and costly repair of the northern quay.</p>"
             "<p>パスワード管理ソフト<a href=\"#\">KeePass</a>の起動ショートカットキーと同じです。</p>"
             "</article></body></html>", "a.html", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = first (docs);
  g_assert_true (g_str_has_prefix (doc->text, "The harbour reopened on Monday, officials said"));
  g_assert_nonnull (strstr (doc->text, "\n\nパスワード管理ソフト KeePass の起動"));
}

static void
test_xhtml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs =
    extract ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
             "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
             "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\" lang=\"fr\">"
             "<head><title>Le port</title></head><body><div class=\"post\">"
             "<p>Une grue s&#233;tait effondr&#233;e sur le quai nord, selon le port.</p><br/>"
             "<p>Personne n'a &#233;t&#233; bless&#233;.</p></div></body></html>",
             "page.xhtml", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = first (docs);
  g_assert_cmpstr (doc->media_type, ==, "application/xhtml+xml");
  g_assert_cmpstr (doc->title, ==, "Le port");
  g_assert_cmpstr (doc->language, ==, "fr");
  g_assert_cmpstr (doc->text, ==, "Une grue sétait effondrée sur le quai nord, selon le port.\n\n"
                                  "Personne n'a été blessé.");
}

static void
test_html_entity_xxe (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cf-extract-XXXXXX", NULL);
  g_autofree char *secret = write_temp_file (dir, "secret.txt", "TOPSECRET-4242");
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *page = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM \"%s\">]>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Before &xxe; after.</p>"
    "<p><img src=\"%s\"/></p></body></html>", uri, uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract (page, "page.xhtml", &error);

  if (docs != NULL)
    for (guint i = 0; i < docs->len; i++)
      g_assert_null (strstr (((CfExtractedDocument *) g_ptr_array_index (docs, i))->text,
                             "TOPSECRET"));
  g_unlink (secret);
  g_rmdir (dir);
}

/* ---- XML ------------------------------------------------------------------------- */

static void
test_xml_xxe (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cf-extract-XXXXXX", NULL);
  g_autofree char *secret = write_temp_file (dir, "secret.txt", "TOPSECRET-4242");
  g_autofree char *dtd = NULL;
  const char *templates[] = {
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"@TARGET@\">]><d><p>a &xxe; b</p></d>",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"@TARGET@\"> %p;]><d>a b</d>",
    "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"@TARGET@\"><d>a &secret; b</d>",
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><!DOCTYPE x [<!ENTITY xxe SYSTEM \"@TARGET@\">]>"
    "<channel><item><title>&xxe;</title></item></channel></rss>",
    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"@TARGET@\">]><rss version=\"2.0\">"
    "<channel><item><title>T &xxe;</title><description>&xxe;</description></item></channel></rss>",
    "<?xml version=\"1.0\"?><d xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
    "<xi:include href=\"@TARGET@\" parse=\"text\"/></d>",
    NULL
  };
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);

  /* an external DTD that would define &secret; */
  {
    g_autofree char *dtd_body = g_strdup_printf ("<!ENTITY secret SYSTEM \"%s\">", uri);

    dtd = write_temp_file (dir, "evil.dtd", dtd_body);
  }

  for (guint i = 0; templates[i] != NULL; i++)
    {
      const char *target = i == 2 ? dtd : uri;
      g_auto(GStrv) parts = g_strsplit (templates[i], "@TARGET@", -1);
      g_autofree char *xml = g_strjoinv (target, parts);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = extract (xml, "data.xml", &error);

      g_assert_true (docs != NULL || error != NULL);
      if (docs != NULL)
        for (guint k = 0; k < docs->len; k++)
          {
            CfExtractedDocument *doc = g_ptr_array_index (docs, k);

            g_assert_null (strstr (doc->text, "TOPSECRET"));
            g_assert_null (doc->title && strstr (doc->title, "TOPSECRET") ? "title" : NULL);
          }
    }

  /* network: NONET and the loader refuse, so this returns at once */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) docs = extract ("<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM "
                                         "\"http://127.0.0.1:9/evil.dtd\"><d>x</d>",
                                         "d.xml", &error);

    g_assert_true (docs != NULL || error != NULL);
  }
  g_unlink (secret);
  g_unlink (dtd);
  g_rmdir (dir);
}

static void
test_xml_billion_laughs (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n<lolz>&lol9;</lolz>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gint64 start = g_get_monotonic_time ();

  docs = extract (xml, "lol.xml", &error);
  g_assert_true (docs != NULL || error != NULL);
  if (docs != NULL)
    g_assert_cmpuint (strlen (first (docs)->text), <, 2 * 1024 * 1024);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* many references to one big internal entity: bounded output */
  {
    GString *many = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY big \"");
    g_autoptr(GError) error2 = NULL;
    g_autoptr(GPtrArray) docs2 = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (many, "laugh ");
    g_string_append (many, "\">]><d>");
    for (guint i = 0; i < 20000; i++)
      g_string_append (many, "&big;");
    g_string_append (many, "</d>");
    docs2 = extract_len (many->str, many->len, "big.xml", &error2);
    g_assert_true (docs2 != NULL || error2 != NULL);
    if (docs2 != NULL)
      g_assert_cmpuint (strlen (first (docs2)->text), <, 4 * 1024 * 1024);
    g_string_free (many, TRUE);
  }
}

static void
test_xml_deep_nesting (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<a>");
  g_string_append (xml, "text");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</a>");
  docs = extract_len (xml->str, xml->len, "deep.xml", &error);
  g_assert_true (docs != NULL || error != NULL);
  if (docs == NULL)
    g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
  g_string_free (xml, TRUE);
}

static void
test_xml_generic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs =
    extract ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report id=\"7\"><!-- note -->"
             "<title>Quarterly report</title>"
             "<section><para>The <em>first</em> paragraph &amp; more.</para>"
             "<para>The second\n   paragraph.</para></section><?pi data?></report>",
             "report.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->media_type, ==, "application/xml");
  g_assert_cmpstr (first (docs)->text, ==,
                   "Quarterly report\n\nThe first paragraph & more.\n\nThe second paragraph.");
}

static void
test_xml_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract ("<?xml version=\"1.0\"?><a><b></a>", "x.xml", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE);
}

static void
test_too_large (void)
{
  gsize size = 200 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  memset (data, 'a', size);
  bytes = g_bytes_new_take (data, size);
  docs = cf_extract_bytes (bytes, "huge.html", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
}

/* ---- feeds ----------------------------------------------------------------------- */

static void
test_rss (void)
{
  const char *rss =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
    "<title>Harbour News</title><link>https://harbour.example/</link><language>en</language>"
    "<item><title>Crane down</title><link>https://harbour.example/1</link>"
    "<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate><author>desk@harbour.example (Mira Holm)</author>"
    "<description>&lt;p&gt;A crane fell.&lt;/p&gt;&lt;p&gt;Nobody was hurt &amp;amp; the quay is shut.&lt;/p&gt;</description></item>"
    "<item><title>Ferry late</title><link>https://harbour.example/2</link>"
    "<dc:date>2024-03-06T07:00:00Z</dc:date><dc:creator>Jan Berg</dc:creator>"
    "<content:encoded><![CDATA[<p>The morning ferry was <b>two hours</b> late.</p><script>x()</script>]]></content:encoded></item>"
    "<item><title>Lighthouse</title><guid>https://harbour.example/3</guid>"
    "<pubDate>Thu, 7 Mar 2024 12:00:00 GMT</pubDate><description>Plain words.</description></item>"
    "<item><title>Night ferry</title><pubDate>Fri, 08 Mar 2024 23:15:00 EST</pubDate>"
    "<description>Late &lt; early.</description></item>"
    "</channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract (rss, "feed.xml", &error);
  CfExtractedDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 4);

  d = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (d->media_type, ==, "application/rss+xml");
  g_assert_cmpstr (d->title, ==, "Crane down");
  g_assert_cmpstr (d->url, ==, "https://harbour.example/1");
  g_assert_cmpstr (d->published, ==, "2024-03-05T09:30:00+01:00");
  g_assert_cmpstr (d->byline, ==, "Mira Holm");
  g_assert_cmpstr (d->site_name, ==, "Harbour News");
  g_assert_cmpstr (d->language, ==, "en");
  g_assert_cmpstr (d->text, ==, "A crane fell.\n\nNobody was hurt & the quay is shut.");

  d = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (d->title, ==, "Ferry late");
  g_assert_cmpstr (d->url, ==, "https://harbour.example/2");
  g_assert_true (g_str_has_prefix (d->published, "2024-03-06T07:00:00"));
  g_assert_cmpstr (d->byline, ==, "Jan Berg");
  g_assert_cmpstr (d->text, ==, "The morning ferry was two hours late.");

  d = g_ptr_array_index (docs, 2);
  g_assert_cmpstr (d->title, ==, "Lighthouse");
  g_assert_cmpstr (d->url, ==, "https://harbour.example/3");
  g_assert_cmpstr (d->published, ==, "2024-03-07T12:00:00Z");
  g_assert_cmpstr (d->text, ==, "Plain words.");

  d = g_ptr_array_index (docs, 3);
  g_assert_cmpstr (d->published, ==, "2024-03-08T23:15:00-05:00");
  g_assert_null (d->url);
  g_assert_cmpstr (d->text, ==, "Late < early.");
}

static void
test_atom (void)
{
  const char *atom =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\"><title>Hafen</title>"
    "<entry><title>Kran eingestürzt</title><link rel=\"alternate\" href=\"https://hafen.example/1\"/>"
    "<link rel=\"edit\" href=\"https://hafen.example/edit/1\"/>"
    "<published>2024-03-05T09:30:00+01:00</published><updated>2024-03-06T00:00:00Z</updated>"
    "<author><name>Mira Holm</name></author><author><name>Jan Berg</name></author>"
    "<content type=\"html\">&lt;p&gt;Ein Kran ist umgestürzt.&lt;/p&gt;</content></entry>"
    "<entry><title type=\"html\">Fähre &lt;em&gt;verspätet&lt;/em&gt;</title>"
    "<link href=\"https://hafen.example/2\"/><updated>2024-03-06T07:00:00Z</updated>"
    "<summary>Zwei Stunden.</summary></entry>"
    "<entry><title>Leuchtturm</title><link href=\"https://hafen.example/3\"/>"
    "<updated>2024-03-07T12:00:00Z</updated>"
    "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Erster Absatz.</p><p>Zweiter.</p></div></content></entry>"
    "</feed>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract (atom, "feed.atom", &error);
  CfExtractedDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  d = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (d->media_type, ==, "application/atom+xml");
  g_assert_cmpstr (d->title, ==, "Kran eingestürzt");
  g_assert_cmpstr (d->url, ==, "https://hafen.example/1");
  g_assert_cmpstr (d->published, ==, "2024-03-05T09:30:00+01:00");
  g_assert_cmpstr (d->byline, ==, "Mira Holm, Jan Berg");
  g_assert_cmpstr (d->site_name, ==, "Hafen");
  g_assert_cmpstr (d->language, ==, "de");
  g_assert_cmpstr (d->text, ==, "Ein Kran ist umgestürzt.");

  d = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (d->title, ==, "Fähre verspätet");
  g_assert_cmpstr (d->url, ==, "https://hafen.example/2");
  g_assert_true (g_str_has_prefix (d->published, "2024-03-06"));
  g_assert_cmpstr (d->text, ==, "Zwei Stunden.");

  d = g_ptr_array_index (docs, 2);
  g_assert_cmpstr (d->text, ==, "Erster Absatz.\n\nZweiter.");
}

/* A feed item's link is kept only when it is http or https. */
static void
test_feed_non_web_link_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs =
    extract ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Port</title>"
             "<item><title>One</title><link>javascript:alert(1)</link>"
             "<description>First item.</description></item>"
             "<item><title>Two</title><link>vbscript:msgbox(1)</link>"
             "<guid>https://port.example/2</guid><description>Second item.</description></item>"
             "</channel></rss>", "feed.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_null (((CfExtractedDocument *) g_ptr_array_index (docs, 0))->url);
  g_assert_cmpstr (((CfExtractedDocument *) g_ptr_array_index (docs, 1))->url, ==,
                   "https://port.example/2");
}

static void
test_sniff (void)
{
  struct { const char *data; const char *name; const char *type; } cases[] = {
    { "<!DOCTYPE html><html><body>x</body></html>", "a.txt", "text/html" },
    { "\xEF\xBB\xBF  <!-- saved --><html>", NULL, "text/html" },
    { "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", NULL, "application/xhtml+xml" },
    { "<?xml version=\"1.0\"?><rss version=\"2.0\"/>", "x.html", "application/rss+xml" },
    { "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", NULL, "application/atom+xml" },
    { "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", NULL, "application/rss+xml" },
    { "<?xml version=\"1.0\"?><book/>", "book.html", "application/xml" },
    { "<div><p>fragment</p></div>", NULL, "text/html" },
    { "Just some words.", "page.html", "text/plain" },
    { "a < b and c > d", NULL, "text/plain" },
    { "<3 you, see you soon", NULL, "text/plain" },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE d [\n <!ENTITY a \"b\">\n]>\n<d>&a;</d>", NULL, "application/xml" },
    { "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>", NULL, "application/rss+xml" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, strlen (cases[i].data));

      g_assert_cmpstr (cf_extract_sniff_media_type (bytes, cases[i].name), ==, cases[i].type);
    }
}

static void
test_determinism (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "extract",
                                                 "article.html", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *cp1251 = g_convert (russian, -1, "WINDOWS-1251", "UTF-8", NULL, NULL, NULL);

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  a = extract_len (contents, len, "a.html", NULL);
  b = extract_len (contents, len, "a.html", NULL);
  g_assert_cmpstr (first (a)->text, ==, first (b)->text);
  g_assert_cmpstr (first (a)->title, ==, first (b)->title);
  g_clear_pointer (&a, g_ptr_array_unref);
  g_clear_pointer (&b, g_ptr_array_unref);
  a = extract (cp1251, "a.txt", NULL);
  b = extract (cp1251, "a.txt", NULL);
  g_assert_cmpstr (first (a)->text, ==, first (b)->text);
  g_assert_cmpstr (first (a)->note, ==, first (b)->note);
}

/* ---- fixtures and corpora ---------------------------------------------------- */

/* Every file under tests/fixtures/extract (including inputs the fuzzer once
 * crashed on, in crashes/) must give documents or a CF_EXTRACT_ERROR. */
static void
test_fixtures (void)
{
  const char *subdirs[] = { "", "crashes", NULL };
  guint n = 0;

  for (guint s = 0; subdirs[s] != NULL; s++)
    {
      g_autofree char *dirpath = g_test_build_filename (G_TEST_DIST, "fixtures", "extract",
                                                        subdirs[s], NULL);
      g_autoptr(GDir) dir = g_dir_open (dirpath, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirpath, name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) docs = NULL;
          gsize len;

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            continue;
          g_file_get_contents (path, &contents, &len, &error);
          g_assert_no_error (error);
          docs = extract_len (contents, len, name, &error);
          if (docs == NULL)
            g_assert_true (error != NULL && error->domain == CF_EXTRACT_ERROR);
          n++;
        }
    }
  g_assert_cmpuint (n, >, 0);
}

static GBytes *
gunzip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  in = g_converter_input_stream_new (raw, G_CONVERTER (z));
  g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_corpus (void)
{
  const char *shared = g_getenv ("CASEFILE_SHARED_DIR");
  g_autofree char *html_dir = NULL;
  g_autofree char *meta_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (shared == NULL)
    {
      g_test_skip ("CASEFILE_SHARED_DIR is not set; no corpora to read");
      return;
    }
  html_dir = g_build_filename (shared, "corpora", "article-extraction", "html", NULL);
  meta_dir = g_build_filename (shared, "corpora", "readability-pages", NULL);
  dir = g_dir_open (html_dir, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("no corpora/article-extraction in CASEFILE_SHARED_DIR");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (html_dir, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;

      if (!g_str_has_suffix (name, ".html.gz"))
        continue;
      bytes = gunzip (path);
      docs = cf_extract_bytes (bytes, "page.html", &error);
      g_assert_no_error (error);
      if (*first (docs)->text == '\0')
        g_error ("%s: no text", name);
      n++;
    }
  g_assert_cmpuint (n, >, 0);

  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (meta_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (meta_dir, name, "source.html", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      gsize len;

      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;
      docs = extract_len (contents, len, "source.html", &error);
      g_assert_no_error (error);
      g_assert_nonnull (first (docs)->text);
    }
}

static void
test_cli_json (void)
{
  const char *cli = g_getenv ("CASEFILE_CLI");
  g_autofree char *dir = g_dir_make_tmp ("cf-extract-XXXXXX", NULL);
  g_autofree char *good = write_temp_file (dir, "good.txt", "Hello from a text file.");
  g_autofree char *bad = write_temp_file (dir, "bad.html", "x");
  g_autofree char *missing = g_build_filename (dir, "missing.html", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CASEFILE_CLI is not set");
      return;
    }
  /* "bad" is one byte of text: fine; the missing file is the failure */
  {
    const char *argv[] = { cli, "extract", "--json", good, missing, bad, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "\"text\":\"Hello from a text file.\""));
  g_assert_nonnull (strstr (lines[1], "\"error\":"));
  g_assert_null (strstr (lines[2], "\"error\":"));
  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extract/text/utf8", test_text_utf8);
  g_test_add_func ("/extract/text/utf8-bom", test_text_utf8_bom);
  g_test_add_data_func ("/extract/text/utf16le-bom", GINT_TO_POINTER (FALSE), test_text_utf16);
  g_test_add_data_func ("/extract/text/utf16be-bom", GINT_TO_POINTER (TRUE), test_text_utf16);
  g_test_add_func ("/extract/text/latin1", test_text_latin1);
  g_test_add_func ("/extract/text/windows-1251", test_text_cp1251);
  g_test_add_func ("/extract/text/koi8-r", test_text_koi8r);
  g_test_add_func ("/extract/text/mostly-utf8", test_text_mostly_utf8);
  g_test_add_func ("/extract/text/nul-bytes", test_text_nul);
  g_test_add_func ("/extract/text/undecodable", test_text_undecodable);
  g_test_add_func ("/extract/text/empty", test_text_empty);
  g_test_add_func ("/extract/text/like-markup", test_text_like_markup);
  g_test_add_func ("/extract/html/article", test_html_article);
  g_test_add_func ("/extract/html/empty-head", test_html_empty_head);
  g_test_add_func ("/extract/html/script-only-refused", test_html_script_only);
  g_test_add_func ("/extract/html/non-web-url-dropped", test_html_non_web_url_dropped);
  g_test_add_func ("/extract/html/web-url-after-non-web", test_html_web_url_after_non_web);
  g_test_add_func ("/extract/sniff/html-by-first-element", test_sniff_html_by_first_element);
  g_test_add_func ("/extract/html/windows-1251-undeclared", test_text_cp1251_html);
  g_test_add_func ("/extract/html/charset-lies", test_html_charset_lies);
  g_test_add_func ("/extract/html/declared-charset", test_html_declared_charset);
  g_test_add_func ("/extract/html/declared-east-asian", test_html_declared_east_asian);
  g_test_add_func ("/extract/html/hidden", test_html_hidden);
  g_test_add_func ("/extract/html/inline-edges", test_html_inline_edges);
  g_test_add_func ("/extract/html/deep-nesting", test_html_deep_nesting);
  g_test_add_func ("/extract/html/binary-junk", test_html_binary_junk);
  g_test_add_func ("/extract/html/entity-xxe", test_html_entity_xxe);
  g_test_add_func ("/extract/html/xhtml", test_xhtml);
  g_test_add_func ("/extract/xml/xxe", test_xml_xxe);
  g_test_add_func ("/extract/xml/billion-laughs", test_xml_billion_laughs);
  g_test_add_func ("/extract/xml/deep-nesting", test_xml_deep_nesting);
  g_test_add_func ("/extract/xml/generic", test_xml_generic);
  g_test_add_func ("/extract/xml/malformed", test_xml_malformed);
  g_test_add_func ("/extract/too-large", test_too_large);
  g_test_add_func ("/extract/feed/rss", test_rss);
  g_test_add_func ("/extract/feed/atom", test_atom);
  g_test_add_func ("/extract/feed/non-web-link-dropped", test_feed_non_web_link_dropped);
  g_test_add_func ("/extract/sniff", test_sniff);
  g_test_add_func ("/extract/determinism", test_determinism);
  g_test_add_func ("/extract/fixtures", test_fixtures);
  g_test_add_func ("/extract/corpus", test_corpus);
  g_test_add_func ("/extract/cli/json", test_cli_json);

  return g_test_run ();
}
