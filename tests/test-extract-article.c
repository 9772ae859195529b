/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the whole article, class by class of page: articles of sibling sections,
 * of lists of points, of formulas and of annotated (ruby) text; blocks a reader
 * never sees (print-only, hidden); and bylines that are names. Each case is a small
 * page of our own in tests/fixtures/extract/. */
#include <string.h>

#include "extract-test-util.h"

static char *
article_of (const char *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture (fixture, fixture, &error);

  g_assert_no_error (error);
  return g_strdup (first (docs)->text);
}

#define assert_has(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) == NULL) \
      g_error ("“%s” should be in the article text:\n%s", (part), (text)); \
  } G_STMT_END

#define assert_lacks(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) != NULL) \
      g_error ("“%s” should not be in the article text:\n%s", (part), (text)); \
  } G_STMT_END

/* Headings each followed by their paragraphs, one of them wrapped in a div of its
 * own, another loose in a div: every section is the article, not the wrapped
 * paragraph alone; the menu and the footer are not. */
static void
test_sibling_sections (void)
{
  g_autofree char *text = article_of ("sections.html");

  assert_has (text, "The volunteers walked the whole length");
  assert_has (text, "Upper reaches\n\nAbove the mill\n\nBelow the weir");
  assert_has (text, "Estuary\n\nWhere the river meets the sea");
  assert_lacks (text, "Surveys");
  assert_lacks (text, "All rights reserved");
}

/* Section titles in wrappers of their own, between the blocks of text: short,
 * but all heading, so they stay with the sections they open. */
static void
test_wrapped_headings (void)
{
  g_autofree char *text = article_of ("wrapped-headings.html");

  assert_has (text, "Introduction\n\nEvery tide table in the harbour office");
  assert_has (text, "Checks\n\nBefore the tables are printed");
}

/* Release notes written as lists of points, with no paragraph at all, beside a
 * comment section with one long paragraph: the notes are the article. */
static void
test_list_of_points (void)
{
  g_autofree char *text = article_of ("release-notes.html");

  assert_has (text, "The depot on the east side now charges two trams at once");
  assert_has (text, "Thanks to the night crew");
  assert_has (text, "Repairs\n\nThe points at the river crossing");
  assert_has (text, "heating that passengers had asked for");
  assert_lacks (text, "Enhancement request");
  assert_lacks (text, "Write to us");
}

/* MathML formulas (bare, and MathJax's assistive copy in a container whose class
 * names a context menu) keep their symbols, a word each; the TeX annotation and
 * MathJax's drawn copy do not repeat them. */
static void
test_math (void)
{
  g_autofree char *text = article_of ("math.html");

  assert_has (text, "four people instead of two:\n\nA = π r 2\n\n");
  assert_has (text, "V = 4 3 π r 3");
  assert_lacks (text, "\\pi");
}

/* Ruby: the base text stays whole, its reading follows in parentheses, and the
 * page's own fallback parentheses are not doubled. */
static void
test_ruby (void)
{
  g_autofree char *text = article_of ("ruby.html");

  assert_has (text, "ある村(むら)に、たいへん働(はたら)き者(もの)のおじいさんが住(す)んでいました。");
  assert_lacks (text, "（");
}

/* What only prints (print-only classes, classes that the page's print styles
 * alone display) and what is hidden on screen (display:none, aria-hidden,
 * <noscript>) is never article text, even inside the article. */
static void
test_print_only_and_hidden (void)
{
  g_autofree char *text = article_of ("print-only.html");

  assert_has (text, "The repairs to the old stone bridge finished two weeks early");
  assert_has (text, "five thousand cars a day");
  /* hidden on narrow screens only: a reader on a desktop sees it */
  assert_has (text, "The masons replaced more than three hundred stones");
  assert_lacks (text, "printed from");
  assert_lacks (text, "Printed from");
  assert_lacks (text, "Hidden");
  assert_lacks (text, "Turn on scripts");
}

/* A story told in its pictures keeps their captions; a news story keeps none. */
static void
test_captions (void)
{
  g_autofree char *story = article_of ("photo-story.html");
  g_autofree char *news = article_of ("photo-caption.html");

  assert_has (story, "Our photographer spent a whole day");
  assert_has (story, "Five in the morning: the first lorries queue");
  assert_has (story, "Late evening: the cleaners sweep the passenger deck");
  assert_has (news, "Fares on the night ferry will rise");
  assert_lacks (news, "Photo: harbour office");
}

/* A photo guide's steps each hold their text, a picture and its caption: the
 * captions are part of the steps and stay, while a gallery beside the guide does
 * not come in. A news story's captions among its paragraphs (all in one block)
 * are still a photo's captions, and go. */
static void
test_photo_guide_captions (void)
{
  g_autofree char *guide = article_of ("photo-guide.html");
  g_autofree char *news = article_of ("photo-captions-news.html");

  assert_has (guide, "Choose a pot one size larger");
  assert_has (guide, "A clay pot one size up (Mira Holm)");
  assert_has (guide, "Trim soft roots with clean scissors (Mira Holm)");
  assert_has (guide, "The repotted cactus on a sunny sill");
  assert_lacks (guide, "in bloom");
  assert_lacks (guide, "Garden");
  assert_has (news, "The new container crane at the eastern quay");
  assert_has (news, "for the ferry passengers at the western quay");
  assert_lacks (news, "Photo: port authority");
  assert_lacks (news, "The floating crane arrives at dawn");
}

/* A site's own headline element that says the title again, word for word (a
 * heading or a paragraph above the story), is the title, not text; a heading of
 * the text that only resembles the title stays. */
static void
test_headline_said_again (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("headline-again.html", "headline-again.html", &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->title, ==, "Night buses return to the river line");
  text = first (docs)->text;
  g_assert_true (g_str_has_prefix (text, "The night buses that stopped running"));
  assert_has (text, "Night buses on the river line: the new times");
  assert_has (text, "two more will join them before the winter.");
}

/* Short lines of a story written as divs (a line of dialogue, a short
 * sentence) are paragraphs however short; a short label that says nothing
 * ("Advertisement") and a row of links still go. */
static void
test_short_paragraph_divs (void)
{
  g_autofree char *text = article_of ("dialogue-divs.html");

  assert_has (text, "“We missed it.”\n\n“We did.”\n\nMara sat down");
  assert_has (text, "She laughed.\n\nThere was a café");
  assert_lacks (text, "Advertisement");
  assert_lacks (text, "Previous");
}

/* A card that pops up over a name (a picture and links to the person's other
 * stories), written inside the sentence, is no part of it; the name stays, and
 * a short sentence whose card is all links is still a sentence. */
static void
test_popup_card (void)
{
  g_autofree char *text = article_of ("popup-card.html");

  assert_has (text, "said councillor Ana Lund (Harbour ward), after a debate");
  assert_has (text, "Mayor Ravi Shah called it a good day.");
  assert_lacks (text, "tram depot");
  assert_lacks (text, "Ferry fares to rise");
  assert_lacks (text, "MORE");
}

/* A note above an empty <head> (no .html name to go by): still a page, read as
 * HTML, its paragraphs apart and no tag in the text. */
static void
test_note_above_empty_head (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture ("note-empty-head.txt", "saved page", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->media_type, ==, "text/html");
  assert_lacks (first (docs)->text, "<p>");
  assert_has (first (docs)->text, "southern ramp.\n\nCrews had warned");
}

/* Inside the article: an <h1> that is not the headline is a heading of the text,
 * headings that are links (products, chapters) stay, a definition list holding a
 * proof is text, and a list whose points say more than their links stays; the
 * headline itself is the title, not text. */
static void
test_headings_and_lists (void)
{
  g_autofree char *text = article_of ("headings.html");

  assert_lacks (text, "Five board games for a rainy weekend");
  assert_has (text, "Games for the whole family\n\nRiver Traders ($30)\n\nPlayers ship goods");
  assert_has (text, "Lighthouse Keepers ($25)");
  assert_has (text, "Proof: every face has the same area");
  assert_has (text, "Anna Berg designed a harbour expansion for River Traders");
  assert_has (text, "Ravi Shah drew the new cards");
}

/* A table of figures is text, even when its first column is all links. */
static void
test_data_table (void)
{
  g_autofree char *text = article_of ("data-table.html");

  assert_has (text, "Ferry Timetable 32 MB 4 MB 88%");
  assert_has (text, "Sea Weather 12 MB 2 MB 83%");
  assert_has (text, "Passengers on slow connections");
}

/* Class names that say what an element lacks or holds ("no_caption", "has-sidebar",
 * "with-share-bar") do not make it a caption, a sidebar or a share bar: the first
 * item of a list article, a heading beside a photo, stays in. */
static void
test_qualified_class_names (void)
{
  g_autofree char *text = article_of ("qualified-class.html");

  assert_has (text, "The towpath from the lock keeper's cottage to the aqueduct");
  assert_has (text, "It is flat and wide");
  assert_has (text, "come back down the far bank");
  assert_lacks (text, "Maps");
}

/* A point of a list that is all link is a point when the list's other points
 * say something; a point that introduces links of its own ("In progress:") keeps
 * them; a list of nothing but links (more news) is still left out. */
static void
test_points_that_are_links (void)
{
  g_autofree char *text = article_of ("link-points.html");

  assert_has (text, "Here is our year in review for the depot!");
  assert_has (text, "In progress:");
  assert_has (text, "Job 41: worn rails on the bridge curve");
  assert_has (text, "Thanks to everyone who stayed late");
  assert_lacks (text, "Depot open day");
}

typedef struct
{
  const char *path;
  const char *fixture;
  const char *byline;
} BylineCase;

/* Bylines are the names and nothing else, the way the page joins them. */
static const BylineCase byline_cases[] = {
  /* "By" in its own element, the date in the next block of the byline's box */
  { "/extract/byline/without-by-and-date", "byline-dated.html", "Jane Doe" },
  /* an avatar, the name, then "• 8h" */
  { "/extract/byline/without-relative-time", "byline-relative-time.html", "Jane Doe" },
  /* the author's job title in a child element */
  { "/extract/byline/without-job-title", "byline-job-title.html", "Jane Doe" },
  /* a dateline marked like a byline comes first: a date is never a byline */
  { "/extract/byline/date-is-no-byline", "byline-dateline-first.html", "Jane Doe" },
  /* two authors, their role and the date in one line */
  { "/extract/byline/several-authors-as-joined", "byline-several.html", "Ana Ruiz and Tom Lee" },
};

static void
test_byline (gconstpointer data)
{
  const BylineCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = extract_fixture (c->fixture, c->fixture, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first (docs)->byline, ==, c->byline);
  /* the byline's clutter does not end up in the article either */
  g_assert_true (g_str_has_prefix (first (docs)->text, "The council voted on Tuesday night"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (byline_cases); i++)
    g_test_add_data_func (byline_cases[i].path, &byline_cases[i], test_byline);

  g_test_add_func ("/extract/article/sibling-sections-kept-whole", test_sibling_sections);
  g_test_add_func ("/extract/article/wrapped-section-titles-kept", test_wrapped_headings);
  g_test_add_func ("/extract/article/list-of-points-is-an-article", test_list_of_points);
  g_test_add_func ("/extract/article/math-keeps-its-symbols", test_math);
  g_test_add_func ("/extract/article/ruby-reading-in-parentheses", test_ruby);
  g_test_add_func ("/extract/article/headings-and-lists-of-the-text", test_headings_and_lists);
  g_test_add_func ("/extract/article/data-table-kept", test_data_table);
  g_test_add_func ("/extract/article/print-only-and-hidden-never-text", test_print_only_and_hidden);
  g_test_add_func ("/extract/article/captions-kept-when-they-tell-the-story", test_captions);
  g_test_add_func ("/extract/article/photo-guide-steps-keep-captions", test_photo_guide_captions);
  g_test_add_func ("/extract/article/headline-said-again-is-no-text", test_headline_said_again);
  g_test_add_func ("/extract/article/short-paragraph-divs-kept", test_short_paragraph_divs);
  g_test_add_func ("/extract/article/popup-card-not-in-the-sentence", test_popup_card);
  g_test_add_func ("/extract/article/note-above-empty-head-is-html", test_note_above_empty_head);
  g_test_add_func ("/extract/article/qualified-class-names", test_qualified_class_names);
  g_test_add_func ("/extract/article/points-that-are-links", test_points_that_are_links);
  return g_test_run ();
}
