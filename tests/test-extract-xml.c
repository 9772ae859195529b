/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The XML importer: generic XML as text, RSS and Atom feeds as one document per
 * item, and none of the ways XML can reach outside the file (external entities,
 * DTDs, XInclude, the network) or blow up in memory (entity expansion, nesting). */
#include <string.h>

#include <glib/gstdio.h>

#include "extract-test-util.h"

/* ---- XML ------------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  const char *xml;      /* @TARGET@ is where the secret file's URI goes */
  gboolean    via_dtd;  /* @TARGET@ names a DTD that defines &secret; */
} XxeCase;

static const XxeCase xxe_cases[] = {
  { "/extract/xml/xxe/external-entity",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"@TARGET@\">]><d><p>a &xxe; b</p></d>",
    FALSE },
  { "/extract/xml/xxe/parameter-entity",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"@TARGET@\"> %p;]><d>a b</d>",
    FALSE },
  { "/extract/xml/xxe/external-dtd",
    "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"@TARGET@\"><d>a &secret; b</d>",
    TRUE },
  { "/extract/xml/xxe/doctype-inside-feed",
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><!DOCTYPE x [<!ENTITY xxe SYSTEM \"@TARGET@\">]>"
    "<channel><item><title>&xxe;</title></item></channel></rss>",
    FALSE },
  { "/extract/xml/xxe/feed-entity",
    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"@TARGET@\">]><rss version=\"2.0\">"
    "<channel><item><title>T &xxe;</title><description>&xxe;</description></item></channel></rss>",
    FALSE },
  { "/extract/xml/xxe/xinclude",
    "<?xml version=\"1.0\"?><d xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
    "<xi:include href=\"@TARGET@\" parse=\"text\"/></d>",
    FALSE },
};

/* Nothing a document names outside itself is read into it. */
static void
test_xml_xxe (gconstpointer data)
{
  const XxeCase *c = data;
  g_autofree char *dir = g_dir_make_tmp ("cf-extract-XXXXXX", NULL);
  g_autofree char *secret = write_temp_file (dir, "secret.txt", "TOPSECRET-4242");
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *dtd_body = g_strdup_printf ("<!ENTITY secret SYSTEM \"%s\">", uri);
  g_autofree char *dtd = write_temp_file (dir, "evil.dtd", dtd_body);
  g_auto(GStrv) parts = g_strsplit (c->xml, "@TARGET@", -1);
  g_autofree char *xml = g_strjoinv (c->via_dtd ? dtd : uri, parts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract (xml, "data.xml", &error);

  g_assert_true (docs != NULL || error != NULL);
  for (guint k = 0; docs != NULL && k < docs->len; k++)
    {
      CfExtractedDocument *doc = g_ptr_array_index (docs, k);

      g_assert_null (strstr (doc->text, "TOPSECRET"));
      g_assert_null (doc->title && strstr (doc->title, "TOPSECRET") ? "title" : NULL);
    }
  g_unlink (secret);
  g_unlink (dtd);
  g_rmdir (dir);
}

/* A DTD on the network: NONET and the loader refuse, so this returns at once. */
static void
test_xml_no_network (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract ("<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM "
                                       "\"http://127.0.0.1:9/evil.dtd\"><d>x</d>",
                                       "d.xml", &error);

  g_assert_true (docs != NULL || error != NULL);
}

/* Nested entities that would expand to gigabytes: bounded output or an error. */
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
  g_autoptr(GPtrArray) docs = extract (xml, "lol.xml", &error);

  g_assert_true (docs != NULL || error != NULL);
  if (docs != NULL)
    g_assert_cmpuint (strlen (first (docs)->text), <, 2 * 1024 * 1024);
}

/* Many references to one big internal entity: bounded output or an error. */
static void
test_xml_big_internal_entity (void)
{
  GString *many = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY big \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (many, "laugh ");
  g_string_append (many, "\">]><d>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (many, "&big;");
  g_string_append (many, "</d>");
  docs = extract_len (many->str, many->len, "big.xml", &error);
  g_assert_true (docs != NULL || error != NULL);
  if (docs != NULL)
    g_assert_cmpuint (strlen (first (docs)->text), <, 4 * 1024 * 1024);
  g_string_free (many, TRUE);
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

/* ---- feeds ----------------------------------------------------------------------- */

static const char harbour_rss[] =
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

static const char harbour_atom[] =
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

/* Item @index of @feed; *@docs keeps the documents alive. */
static CfExtractedDocument *
feed_item (const char  *feed,
           const char  *filename,
           guint        index,
           GPtrArray  **docs)
{
  g_autoptr(GError) error = NULL;

  *docs = extract (feed, filename, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*docs)->len, >, index);
  return g_ptr_array_index (*docs, index);
}

static void
test_rss_one_document_per_item (void)
{
  g_autoptr(GPtrArray) docs = NULL;

  feed_item (harbour_rss, "feed.xml", 0, &docs);
  g_assert_cmpuint (docs->len, ==, 4);
  for (guint i = 0; i < docs->len; i++)
    g_assert_cmpstr (((CfExtractedDocument *) g_ptr_array_index (docs, i))->media_type, ==,
                     "application/rss+xml");
}

/* The channel's title and language are every item's site and language. */
static void
test_rss_channel_fields (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_rss, "feed.xml", 0, &docs);

  g_assert_cmpstr (d->site_name, ==, "Harbour News");
  g_assert_cmpstr (d->language, ==, "en");
}

static void
test_rss_item_html_description (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_rss, "feed.xml", 0, &docs);

  g_assert_cmpstr (d->title, ==, "Crane down");
  g_assert_cmpstr (d->url, ==, "https://harbour.example/1");
  g_assert_cmpstr (d->published, ==, "2024-03-05T09:30:00+01:00");
  g_assert_cmpstr (d->byline, ==, "Mira Holm");
  g_assert_cmpstr (d->text, ==, "A crane fell.\n\nNobody was hurt & the quay is shut.");
}

static void
test_rss_item_dublin_core (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_rss, "feed.xml", 1, &docs);

  g_assert_cmpstr (d->title, ==, "Ferry late");
  g_assert_cmpstr (d->url, ==, "https://harbour.example/2");
  g_assert_true (g_str_has_prefix (d->published, "2024-03-06T07:00:00"));
  g_assert_cmpstr (d->byline, ==, "Jan Berg");
  g_assert_cmpstr (d->text, ==, "The morning ferry was two hours late.");
}

static void
test_rss_item_guid_as_link (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_rss, "feed.xml", 2, &docs);

  g_assert_cmpstr (d->title, ==, "Lighthouse");
  g_assert_cmpstr (d->url, ==, "https://harbour.example/3");
  g_assert_cmpstr (d->published, ==, "2024-03-07T12:00:00Z");
  g_assert_cmpstr (d->text, ==, "Plain words.");
}

static void
test_rss_item_zone_name (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_rss, "feed.xml", 3, &docs);

  g_assert_cmpstr (d->published, ==, "2024-03-08T23:15:00-05:00");
  g_assert_null (d->url);
  g_assert_cmpstr (d->text, ==, "Late < early.");
}

static void
test_atom_entry_fields (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_atom, "feed.atom", 0, &docs);

  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (d->media_type, ==, "application/atom+xml");
  g_assert_cmpstr (d->title, ==, "Kran eingestürzt");
  g_assert_cmpstr (d->url, ==, "https://hafen.example/1");
  g_assert_cmpstr (d->published, ==, "2024-03-05T09:30:00+01:00");
  g_assert_cmpstr (d->byline, ==, "Mira Holm, Jan Berg");
  g_assert_cmpstr (d->site_name, ==, "Hafen");
  g_assert_cmpstr (d->language, ==, "de");
  g_assert_cmpstr (d->text, ==, "Ein Kran ist umgestürzt.");
}

static void
test_atom_html_title (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_atom, "feed.atom", 1, &docs);

  g_assert_cmpstr (d->title, ==, "Fähre verspätet");
  g_assert_cmpstr (d->url, ==, "https://hafen.example/2");
  g_assert_true (g_str_has_prefix (d->published, "2024-03-06"));
  g_assert_cmpstr (d->text, ==, "Zwei Stunden.");
}

static void
test_atom_xhtml_content (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *d = feed_item (harbour_atom, "feed.atom", 2, &docs);

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (xxe_cases); i++)
    g_test_add_data_func (xxe_cases[i].path, &xxe_cases[i], test_xml_xxe);
  g_test_add_func ("/extract/xml/no-network", test_xml_no_network);
  g_test_add_func ("/extract/xml/billion-laughs", test_xml_billion_laughs);
  g_test_add_func ("/extract/xml/big-internal-entity", test_xml_big_internal_entity);
  g_test_add_func ("/extract/xml/deep-nesting", test_xml_deep_nesting);
  g_test_add_func ("/extract/xml/generic", test_xml_generic);
  g_test_add_func ("/extract/xml/malformed", test_xml_malformed);
  g_test_add_func ("/extract/feed/rss/one-document-per-item", test_rss_one_document_per_item);
  g_test_add_func ("/extract/feed/rss/channel-fields", test_rss_channel_fields);
  g_test_add_func ("/extract/feed/rss/item-html-description", test_rss_item_html_description);
  g_test_add_func ("/extract/feed/rss/item-dublin-core", test_rss_item_dublin_core);
  g_test_add_func ("/extract/feed/rss/item-guid-as-link", test_rss_item_guid_as_link);
  g_test_add_func ("/extract/feed/rss/item-zone-name", test_rss_item_zone_name);
  g_test_add_func ("/extract/feed/atom/entry-fields", test_atom_entry_fields);
  g_test_add_func ("/extract/feed/atom/html-title", test_atom_html_title);
  g_test_add_func ("/extract/feed/atom/xhtml-content", test_atom_xhtml_content);
  g_test_add_func ("/extract/feed/non-web-link-dropped", test_feed_non_web_link_dropped);

  return g_test_run ();
}
