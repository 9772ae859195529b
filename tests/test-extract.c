/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The extractor on text and HTML: decoding every encoding people send, finding the
 * article and its metadata, sniffing what a file is, refusing what is no text,
 * and staying deterministic and whole on every fixture and corpus page. The XML
 * importer and feeds are in test-extract-xml.c. */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "extract-test-util.h"

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

/* A UTF-16 byte-order mark, then a lone low surrogate. */
static void
test_text_undecodable_utf16 (void)
{
  static const char bad_utf16[] = "\xFF\xFE" "a\0" "\x00\xDC" "b\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_len (bad_utf16, sizeof bad_utf16 - 1, "a.txt", &error);

  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_ENCODING);
}

/* Bytes no 8-bit text encoding would produce. */
static void
test_text_undecodable_high_bytes (void)
{
  char junk[400];
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (char) (0x80 + (i * 7) % 32);
  docs = extract_len (junk, sizeof junk, "a.txt", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_ENCODING);
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
}

static void
test_text_only_white_space (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract (" \n\t\r\n ", "a.txt", &error);

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

/* tests/fixtures/extract/article.html: a news page with menus, share bars, related
 * stories and comments around the article. */
static void
test_html_article_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("article.html", "article.html", &error);
  CfExtractedDocument *doc;

  g_assert_no_error (error);
  doc = first (docs);
  g_assert_cmpstr (doc->media_type, ==, "text/html");
  g_assert_cmpstr (doc->title, ==, "Harbour crane collapses during storm");
  g_assert_cmpstr (doc->byline, ==, "Mira Holm");
  g_assert_cmpstr (doc->site_name, ==, "The Coastal Gazette");
  g_assert_cmpstr (doc->language, ==, "en-GB");
  g_assert_cmpstr (doc->url, ==, "https://gazette.example/news/harbour-crane");
  g_assert_true (g_str_has_prefix (doc->published, "2024-03-05"));
}

static void
test_html_article_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("article.html", "article.html", &error);
  const char *text;

  g_assert_no_error (error);
  text = first (docs)->text;
  g_assert_true (g_str_has_prefix (text, "A container crane at the northern quay"));
  g_assert_nonnull (strstr (text, "earlier & the quay"));
  g_assert_nonnull (strstr (text, "\n\nQuestions about maintenance\n\n"));
  g_assert_nonnull (strstr (text, "“We warned them in writing, twice,”"));
  g_assert_nonnull (strstr (text, "several million euros."));
  g_assert_null (strstr (text, "\n\n\n"));
}

static void
test_html_article_no_furniture (void)
{
  const char *unwanted[] = { "Home", "FERRY TICKETS", "Share on", "Related stories",
                             "lighthouse", "First!", "All rights reserved",
                             "tracking pixel", "color: red", "By Mira Holm", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("article.html", "article.html", &error);

  g_assert_no_error (error);
  for (guint i = 0; unwanted[i] != NULL; i++)
    {
      if (strstr (first (docs)->text, unwanted[i]) != NULL)
        g_error ("“%s” should not be in the article text:\n%s", unwanted[i], first (docs)->text);
    }
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
test_html_charset_says_latin1_is_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup_printf (LYING_PAGE, "iso-8859-1", "Ça va",
                                           "Žluťoučký kůň úpěl ďábelské ódy.");
  g_autoptr(GPtrArray) docs = extract (page, "a.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, "Žluťoučký kůň úpěl ďábelské ódy.");
  g_assert_cmpstr (first (docs)->title, ==, "Ça va");
}

static void
test_html_charset_says_utf8_is_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup_printf (LYING_PAGE, "utf-8", "Ça va",
                                           "Le café est très “bon” à Noël.");
  g_autofree char *latin_page = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;

  latin_page = g_convert (page, -1, "WINDOWS-1252", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  docs = extract_len (latin_page, len, "a.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->text, ==, "Le café est très “bon” à Noël.");
  g_assert_nonnull (first (docs)->note);
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

/* 100,000 nested divs: a document or a clear error, above all no crash. */
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
  if (docs != NULL)
    g_assert_nonnull (first (docs)->text);
  else
    g_assert_true (error != NULL && error->domain == CF_EXTRACT_ERROR);
  g_string_free (page, TRUE);
}

/* Text before the parser's nesting limit is kept, and the user is told. */
static void
test_html_deep_nesting_keeps_text_before (void)
{
  GString *page = g_string_new ("<html><body><p>Before the nesting, a sentence.</p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (page, "<font>");
  g_string_append (page, "<p>Too deep.</p></body></html>");
  docs = extract_len (page->str, page->len, "deep.html", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first (docs)->text, "Before the nesting, a sentence."));
  g_assert_nonnull (strstr (first (docs)->note, "too deeply"));
  g_string_free (page, TRUE);
}

/* 100,000 unclosed elements of varied tags. */
static void
test_html_deep_nesting_unclosed (void)
{
  GString *page = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, i % 3 ? "<span>" : "<section>x ");
  docs = extract_len (page->str, page->len, "deep.html", &error);
  g_assert_true (docs != NULL || error != NULL);
  g_string_free (page, TRUE);
}

/* A PNG header, then noise. */
static void
fill_binary_junk (guint8 *junk,
                  gsize   len)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < len; i++)
    junk[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (junk, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_html_binary_junk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  guint8 junk[4096];

  fill_binary_junk (junk, sizeof junk);
  docs = extract_len ((const char *) junk, sizeof junk, "page.html", &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_BINARY);
}

static void
test_sniff_binary_junk (void)
{
  guint8 junk[4096];
  g_autoptr(GBytes) bytes = NULL;

  fill_binary_junk (junk, sizeof junk);
  bytes = g_bytes_new (junk, sizeof junk);
  g_assert_cmpstr (cf_extract_sniff_media_type (bytes, "page.html"), ==,
                   "application/octet-stream");
}

/* Nothing to sniff (an empty file, or one that is only a byte order mark) is an
 * empty text, whatever the file is called, and extracting it says it is empty. */
static void
test_sniff_empty (void)
{
  static const struct { const char *data; gsize len; } empties[] = {
    { NULL, 0 },
    { "", 0 },
    { "\xef\xbb\xbf", 3 },        /* UTF-8 */
    { "\xff\xfe", 2 },             /* UTF-16LE */
    { "\xfe\xff", 2 },             /* UTF-16BE */
    { "\xff\xfe\x00\x00", 4 },     /* UTF-32LE */
  };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (empties[i].data, empties[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;

      g_assert_cmpstr (cf_extract_sniff_media_type (bytes, NULL), ==, "text/plain");
      g_assert_cmpstr (cf_extract_sniff_media_type (bytes, "page.html"), ==, "text/plain");
      docs = cf_extract_bytes (bytes, "page.html", &error);
      g_assert_null (docs);
      g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY);
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


typedef struct
{
  const char *path;
  const char *data;
  const char *filename;
  const char *type;
} SniffCase;

static const SniffCase sniff_cases[] = {
  { "/extract/sniff/doctype-beats-name",
    "<!DOCTYPE html><html><body>x</body></html>", "a.txt", "text/html" },
  { "/extract/sniff/bom-and-comment",
    "\xEF\xBB\xBF  <!-- saved --><html>", NULL, "text/html" },
  { "/extract/sniff/xhtml",
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", NULL, "application/xhtml+xml" },
  { "/extract/sniff/rss-beats-name",
    "<?xml version=\"1.0\"?><rss version=\"2.0\"/>", "x.html", "application/rss+xml" },
  { "/extract/sniff/atom",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", NULL, "application/atom+xml" },
  { "/extract/sniff/rdf",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", NULL, "application/rss+xml" },
  { "/extract/sniff/xml-beats-name",
    "<?xml version=\"1.0\"?><book/>", "book.html", "application/xml" },
  { "/extract/sniff/html-fragment",
    "<div><p>fragment</p></div>", NULL, "text/html" },
  { "/extract/sniff/words-in-html-file",
    "Just some words.", "page.html", "text/plain" },
  { "/extract/sniff/comparison-is-text",
    "a < b and c > d", NULL, "text/plain" },
  { "/extract/sniff/heart-is-text",
    "<3 you, see you soon", NULL, "text/plain" },
  { "/extract/sniff/internal-subset",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE d [\n <!ENTITY a \"b\">\n]>\n<d>&a;</d>", NULL, "application/xml" },
  { "/extract/sniff/rss-internal-subset",
    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>", NULL, "application/rss+xml" },
};

static void
test_sniff (gconstpointer data)
{
  const SniffCase *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->data, strlen (c->data));

  g_assert_cmpstr (cf_extract_sniff_media_type (bytes, c->filename), ==, c->type);
}

/* The same bytes give the same text, title and note, every time. */
static void
test_determinism_html (void)
{
  g_autoptr(GPtrArray) a = extract_fixture ("article.html", "a.html", NULL);
  g_autoptr(GPtrArray) b = extract_fixture ("article.html", "a.html", NULL);

  g_assert_cmpstr (first (a)->text, ==, first (b)->text);
  g_assert_cmpstr (first (a)->title, ==, first (b)->title);
}

static void
test_determinism_guessed_encoding (void)
{
  g_autofree char *cp1251 = g_convert (russian, -1, "WINDOWS-1251", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GPtrArray) a = extract (cp1251, "a.txt", NULL);
  g_autoptr(GPtrArray) b = extract (cp1251, "a.txt", NULL);

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

/* A corpus under CASEFILE_SHARED_DIR/corpora, or NULL (and the test skipped). */
static char *
corpus_dir (const char *name)
{
  const char *shared = g_getenv ("CASEFILE_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    {
      g_test_skip ("CASEFILE_SHARED_DIR is not set; no corpora to read");
      return NULL;
    }
  dir = g_build_filename (shared, "corpora", name, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip_printf ("no corpora/%s in CASEFILE_SHARED_DIR", name);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

/* Every page of the article-extraction benchmark gives some text. */
static void
test_corpus_article_extraction (void)
{
  g_autofree char *corpus = corpus_dir ("article-extraction");
  g_autofree char *html_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (corpus == NULL)
    return;
  html_dir = g_build_filename (corpus, "html", NULL);
  dir = g_dir_open (html_dir, 0, NULL);
  g_assert_nonnull (dir);
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
}

/* Every page of Readability.js's test suite is read without an error. */
static void
test_corpus_readability_pages (void)
{
  g_autofree char *corpus = corpus_dir ("readability-pages");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (corpus == NULL)
    return;
  dir = g_dir_open (corpus, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, "source.html", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      gsize len;

      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;
      docs = extract_len (contents, len, "source.html", &error);
      g_assert_no_error (error);
      g_assert_nonnull (first (docs)->text);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
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
  g_test_add_func ("/extract/text/undecodable-utf16", test_text_undecodable_utf16);
  g_test_add_func ("/extract/text/undecodable-high-bytes", test_text_undecodable_high_bytes);
  g_test_add_func ("/extract/text/empty", test_text_empty);
  g_test_add_func ("/extract/text/only-white-space", test_text_only_white_space);
  g_test_add_func ("/extract/text/like-markup", test_text_like_markup);
  g_test_add_func ("/extract/html/article/metadata", test_html_article_metadata);
  g_test_add_func ("/extract/html/article/body", test_html_article_body);
  g_test_add_func ("/extract/html/article/no-furniture", test_html_article_no_furniture);
  g_test_add_func ("/extract/html/empty-head", test_html_empty_head);
  g_test_add_func ("/extract/html/script-only-refused", test_html_script_only);
  g_test_add_func ("/extract/html/non-web-url-dropped", test_html_non_web_url_dropped);
  g_test_add_func ("/extract/html/web-url-after-non-web", test_html_web_url_after_non_web);
  g_test_add_func ("/extract/sniff/html-by-first-element", test_sniff_html_by_first_element);
  g_test_add_func ("/extract/html/windows-1251-undeclared", test_text_cp1251_html);
  g_test_add_func ("/extract/html/charset/says-latin1-is-utf8",
                   test_html_charset_says_latin1_is_utf8);
  g_test_add_func ("/extract/html/charset/says-utf8-is-windows-1252",
                   test_html_charset_says_utf8_is_windows_1252);
  g_test_add_func ("/extract/html/declared-charset", test_html_declared_charset);
  g_test_add_func ("/extract/html/declared-east-asian", test_html_declared_east_asian);
  g_test_add_func ("/extract/html/hidden", test_html_hidden);
  g_test_add_func ("/extract/html/inline-edges", test_html_inline_edges);
  g_test_add_func ("/extract/html/deep-nesting/divs", test_html_deep_nesting);
  g_test_add_func ("/extract/html/deep-nesting/keeps-text-before",
                   test_html_deep_nesting_keeps_text_before);
  g_test_add_func ("/extract/html/deep-nesting/unclosed", test_html_deep_nesting_unclosed);
  g_test_add_func ("/extract/html/binary-junk", test_html_binary_junk);
  g_test_add_func ("/extract/sniff/binary-junk", test_sniff_binary_junk);
  g_test_add_func ("/extract/html/entity-xxe", test_html_entity_xxe);
  g_test_add_func ("/extract/html/xhtml", test_xhtml);
  g_test_add_func ("/extract/too-large", test_too_large);
  for (guint i = 0; i < G_N_ELEMENTS (sniff_cases); i++)
    g_test_add_data_func (sniff_cases[i].path, &sniff_cases[i], test_sniff);
  g_test_add_func ("/extract/determinism/html", test_determinism_html);
  g_test_add_func ("/extract/determinism/guessed-encoding", test_determinism_guessed_encoding);
  g_test_add_func ("/extract/fixtures", test_fixtures);
  g_test_add_func ("/extract/corpus/article-extraction", test_corpus_article_extraction);
  g_test_add_func ("/extract/corpus/readability-pages", test_corpus_readability_pages);
  g_test_add_func ("/extract/cli/json", test_cli_json);
  g_test_add_func ("/extract/sniff/empty", test_sniff_empty);

  return g_test_run ();
}
