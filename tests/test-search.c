/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search as a person checks it: every occurrence in a source is a result of its own,
 * the words a result shows are the words it selects, "find next" walks the same
 * occurrences, and hypotheses and tags are found too. */

#include "config.h"

#include <string.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-test-util.h"

static const char report[] =
  "The ministry called the video staged. Analysts said it was likely staged, "
  "and a third source wrote that the whole affair was Staged from the start.\n\n"
  "Nothing else here.";

static gint64
import_report (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cf_case_import_text (kase, "Ministry video report", report, &error);

  g_assert_no_error (error);
  return id;
}

/* The characters [start, end) of @text. */
static char *
cut (const char *text,
     gint        start,
     gint        end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
}

/* The words between the match marks of @snippet. */
static char *
marked (const char *snippet)
{
  const char *open = strstr (snippet, CF_SEARCH_MATCH_START);
  const char *close = open != NULL ? strstr (open, CF_SEARCH_MATCH_END) : NULL;

  g_assert_nonnull (close);
  open += strlen (CF_SEARCH_MATCH_START);
  return g_strndup (open, close - open);
}

static void
test_every_occurrence (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("every.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = import_report (kase);
  gint previous = -1;

  hits = cf_case_search (kase, "staged", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *word = cut (report, hit->start, hit->end);
      g_autofree char *shown = marked (hit->snippet);
      g_autofree char *lower = g_ascii_strdown (word, -1);

      g_assert_cmpint (hit->kind, ==, CF_RECORD_DOCUMENT);
      g_assert_cmpint (hit->document_id, ==, doc);
      g_assert_cmpuint (hit->occurrence, ==, i + 1);
      g_assert_cmpuint (hit->n_occurrences, ==, 3);
      g_assert_cmpint (hit->start, >, previous);
      previous = hit->start;
      /* what is selected is what the snippet marks */
      g_assert_cmpstr (lower, ==, "staged");
      g_assert_cmpstr (shown, ==, word);
    }
}

static void
test_snippet_is_the_occurrence (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("snippet.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = import_report (kase);
  const char *likely = strstr (report, "likely staged");
  gint likely_at = (gint) g_utf8_pointer_to_offset (report, likely) + 7;
  gboolean found = FALSE;

  (void) doc;
  hits = cf_case_search (kase, "staged", 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->start != likely_at)
        continue;
      /* the second occurrence shows its own neighbours, not the first one's */
      g_assert_nonnull (strstr (hit->snippet, "likely " CF_SEARCH_MATCH_START "staged" CF_SEARCH_MATCH_END));
      found = TRUE;
    }
  g_assert_true (found);
}

static void
test_phrase_and_prefix (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("phrase.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phrase = NULL;
  g_autoptr(GPtrArray) prefix = NULL;
  g_autofree char *words = NULL;

  import_report (kase);
  phrase = cf_case_search (kase, "\"likely staged\"", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phrase->len, ==, 1);
  words = cut (report, ((CfSearchHit *) phrase->pdata[0])->start, ((CfSearchHit *) phrase->pdata[0])->end);
  g_assert_cmpstr (words, ==, "likely staged");

  prefix = cf_case_search (kase, "stag*", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prefix->len, ==, 3);
}

static void
test_limit_counts_occurrences (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("limit.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "Line %u mentions the drone once.\n", i);
  cf_case_import_text (kase, "Drones", text->str, &error);
  g_assert_no_error (error);
  hits = cf_case_search (kase, "drone", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 10);
  g_assert_cmpuint (((CfSearchHit *) hits->pdata[9])->occurrence, ==, 10);
  g_assert_cmpuint (((CfSearchHit *) hits->pdata[9])->n_occurrences, ==, 40);
}

static void
test_title_only_match (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("title.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  CfSearchHit *hit;

  import_report (kase);
  hits = cf_case_search (kase, "ministry video", 50, &error);
  g_assert_no_error (error);
  /* "video" is in the text once and in the title: the text's occurrences are hits */
  g_assert_cmpuint (hits->len, >=, 1);
  g_ptr_array_unref (hits);

  hits = cf_case_search (kase, "report", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->start, ==, -1);
  g_assert_nonnull (strstr (hit->snippet, CF_SEARCH_MATCH_START "report" CF_SEARCH_MATCH_END));
}

/* Claims on a report that says "drone" in several places: the claims quote them. */
static gint64
add_drone_claim (CfCase     *kase,
                 gint64      doc,
                 const char *text,
                 const char *quote)
{
  g_autoptr(GError) error = NULL;
  const char *at = strstr (text, quote);
  gint start = g_utf8_pointer_to_offset (text, at);
  gint64 id = cf_case_add_claim (kase, doc, start, start + g_utf8_strlen (quote, -1), NULL, &error);

  g_assert_no_error (error);
  return id;
}

static const char drones[] =
  "Drone drone drone.\n\n"
  "A long paragraph about the weather, the roads, the harvest and the market, which "
  "mentions a drone once, near its end, after many other words.\n\n"
  "Then the drone flew home.";

/* Ranked by bm25 over every match while there are few: the claim that is nothing but
 * the word comes first, the long one last; every match is counted. */
static void
test_ranked_and_counted (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("ranked.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = cf_case_import_text (kase, "Weather", drones, &error);
  gint64 dense, sparse, home;
  guint64 n = 0;
  guint seen = 0;

  g_assert_no_error (error);
  dense = add_drone_claim (kase, doc, drones, "Drone drone drone.");
  sparse = add_drone_claim (kase, doc, drones, "A long paragraph about the weather, the roads, the harvest and "
                                               "the market, which mentions a drone once");
  home = add_drone_claim (kase, doc, drones, "Then the drone flew home.");
  g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, home, "Which drone?", &error), >, 0);
  g_assert_no_error (error);

  hits = cf_case_search (kase, "drone", 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];

      g_assert_false (hit->partial);
      if (hit->kind != CF_RECORD_CLAIM)
        continue;
      /* claims in bm25's order: the densest first, the longest last */
      if (seen == 0)
        g_assert_cmpint (hit->id, ==, dense);
      if (seen == 2)
        g_assert_cmpint (hit->id, ==, sparse);
      g_assert_cmpint (hit->document_id, ==, doc);
      g_assert_nonnull (strstr (hit->snippet, CF_SEARCH_MATCH_START));
      g_assert_cmpstr (hit->title, ==, "Weather");
      seen++;
    }
  g_assert_cmpuint (seen, ==, 3);

  /* the document, three claims and the note */
  g_assert_true (cf_case_count_search (kase, "drone", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
  g_assert_true (cf_case_count_search (kase, "missile", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (cf_case_count_search (kase, "   ", &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

/* More matches of a kind than are ranked: the newest are ranked, and say so; the
 * count still has them all. */
static void
test_many_matches_rank_the_newest (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("newest.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = cf_case_import_text (kase, "Weather", drones, &error);
  gint64 dense, home;
  guint64 n = 0;
  guint claims = 0;

  g_assert_no_error (error);
  dense = add_drone_claim (kase, doc, drones, "Drone drone drone.");
  add_drone_claim (kase, doc, drones, "A long paragraph about the weather, the roads, the harvest and "
                                      "the market, which mentions a drone once");
  home = add_drone_claim (kase, doc, drones, "Then the drone flew home.");

  _cf_case_set_search_ranked_max (2);
  hits = cf_case_search (kase, "drone", 50, &error);
  _cf_case_set_search_ranked_max (0);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];

      if (hit->kind == CF_RECORD_DOCUMENT)
        {
          /* one document: all its matches ranked */
          g_assert_false (hit->partial);
          continue;
        }
      g_assert_cmpint (hit->kind, ==, CF_RECORD_CLAIM);
      g_assert_true (hit->partial);
      /* the two newest, best first: the oldest (the densest) is not ranked */
      g_assert_cmpint (hit->id, !=, dense);
      if (claims == 0)
        g_assert_cmpint (hit->id, ==, home);
      claims++;
    }
  g_assert_cmpuint (claims, ==, 2);
  g_assert_true (cf_case_count_search (kase, "drone", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
}

static void
test_find_in_document (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("find.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = import_report (kase);

  ranges = cf_case_find_in_document (kase, doc, "staged", &error);
  g_assert_no_error (error);
  hits = cf_case_search (kase, "staged", 50, &error);
  g_assert_cmpuint (ranges->len, ==, hits->len);
  for (guint i = 0; i < ranges->len; i++)
    {
      CfSearchRange *range = &g_array_index (ranges, CfSearchRange, i);
      CfSearchHit *hit = hits->pdata[i];

      g_assert_cmpint (range->start, ==, hit->start);
      g_assert_cmpint (range->end, ==, hit->end);
    }

  none = cf_case_find_in_document (kase, doc, "missile", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_null (cf_case_find_in_document (kase, doc + 100, "staged", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
}

/* A long source in several scripts: the phrase "grey heron" in 134 paragraphs,
 * "heron" alone or as "herons" and "heronry" in others, accents and symbols before
 * each (character offsets are not byte offsets). */
static char *
long_source (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 400; i++)
    {
      g_string_append_printf (text, "Paragraph %u — the café’s naïve résumé, 東京 ✈ météo.", i);
      if (i % 3 == 0)
        g_string_append (text, i % 2 == 0 ? " A grey heron stood." : " A Grey Heron stood.");
      else if (i % 7 == 0)
        g_string_append (text, i % 2 == 0 ? " Two herons flew over the heronry." : " One heron, alone.");
      g_string_append (text, "\n\n");
    }
  return g_string_free (text, FALSE);
}

/* The character offsets where @needle (lower case ASCII) starts in @text, in any
 * case. */
static GArray *
offsets_of (const char *text,
            const char *needle)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (const char *p = strstr (lower, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gint at = (gint) g_utf8_pointer_to_offset (lower, p);

      g_array_append_val (offsets, at);
    }
  return offsets;
}

/* Deep in a long source, a phrase and a prefix select what they matched, the hits
 * a page shows are the first occurrences, and each says how many the source has in
 * all, counting those past the page; "find next" walks the same ones. */
static void
test_long_document_spans (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("long.casefile");
  g_autoptr(GError) error = NULL;
  g_autofree char *source = long_source ();
  gint64 doc = cf_case_import_text (kase, "Birds", source, &error);
  /* the text as stored, which the offsets are in */
  g_autofree char *text = cf_case_get_document_text (kase, doc, &error);
  g_autoptr(GArray) phrases = offsets_of (text, "grey heron");
  g_autoptr(GArray) alone = offsets_of (text, "heron,");
  g_autoptr(GArray) plural = offsets_of (text, "herons ");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) ranges = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (phrases->len, ==, 134);
  g_assert_cmpuint (alone->len, >, 10);
  g_assert_cmpuint (plural->len, >, 10);

  /* a phrase: five hits of 134, each the two words */
  hits = cf_case_search (kase, "\"grey heron\"", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];
      g_autofree char *words = cut (text, hit->start, hit->end);
      g_autofree char *shown = marked (hit->snippet);
      g_autofree char *lower = g_utf8_strdown (words, -1);

      g_assert_cmpint (hit->document_id, ==, doc);
      g_assert_cmpint (hit->start, ==, g_array_index (phrases, gint, i));
      g_assert_cmpstr (lower, ==, "grey heron");
      g_assert_cmpstr (shown, ==, words);
      g_assert_cmpuint (hit->occurrence, ==, i + 1);
      g_assert_cmpuint (hit->n_occurrences, ==, phrases->len);
    }

  /* every one of them, the last near the end of the text */
  ranges = cf_case_find_in_document (kase, doc, "\"grey heron\"", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranges->len, ==, phrases->len);
  for (guint i = 0; i < ranges->len; i++)
    {
      CfSearchRange *range = &g_array_index (ranges, CfSearchRange, i);

      g_assert_cmpint (range->start, ==, g_array_index (phrases, gint, i));
      g_assert_cmpint (range->end, ==, range->start + 10);
    }
  g_ptr_array_unref (g_steal_pointer (&hits));
  g_array_unref (g_steal_pointer (&ranges));

  /* a page bigger than the source's occurrences shows them all */
  hits = cf_case_search (kase, "\"grey heron\"", 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, phrases->len);
  g_assert_cmpint (((CfSearchHit *) hits->pdata[hits->len - 1])->start, ==,
                   g_array_index (phrases, gint, phrases->len - 1));
  g_ptr_array_unref (g_steal_pointer (&hits));

  /* a prefix marks each whole word it matched: heron, herons, heronry */
  hits = cf_case_search (kase, "heron*", 500, &error);
  g_assert_no_error (error);
  /* each "herons" comes with a "heronry" */
  g_assert_cmpuint (hits->len, ==, phrases->len + alone->len + 2 * plural->len);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];
      g_autofree char *word = cut (text, hit->start, hit->end);
      g_autofree char *lower = g_utf8_strdown (word, -1);

      g_assert_true (g_str_equal (lower, "heron") || g_str_equal (lower, "herons")
                     || g_str_equal (lower, "heronry"));
      g_assert_cmpuint (hit->n_occurrences, ==, hits->len);
    }
  g_ptr_array_unref (g_steal_pointer (&hits));

  /* the phrase and one of its words: where they overlap they are one occurrence,
   * the phrase; the word alone elsewhere is one too */
  hits = cf_case_search (kase, "\"grey heron\" heron", 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, phrases->len + alone->len);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];
      g_autofree char *words = cut (text, hit->start, hit->end);
      g_autofree char *lower = g_utf8_strdown (words, -1);

      g_assert_true (g_str_equal (lower, "grey heron") || g_str_equal (lower, "heron"));
    }
  g_ptr_array_unref (g_steal_pointer (&hits));

  /* accents are not needed to find a word, and the span is the word as written */
  hits = cf_case_search (kase, "meteo", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  {
    g_autofree char *word = cut (text, ((CfSearchHit *) hits->pdata[0])->start,
                                 ((CfSearchHit *) hits->pdata[0])->end);

    g_assert_cmpstr (word, ==, "météo");
    g_assert_cmpuint (((CfSearchHit *) hits->pdata[0])->n_occurrences, ==, 400);
  }
}

/* Two sources share the page: the first shows as many of its occurrences as fit,
 * the next the rest of the room, each still counting all of its own. */
static void
test_page_shared_by_documents (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("shared.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 first, second;

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (text, "Line %u mentions the drone once.\n", i);
  first = cf_case_import_text (kase, "Drones one", text->str, &error);
  g_assert_no_error (error);
  second = cf_case_import_text (kase, "Drones two", text->str, &error);
  g_assert_no_error (error);

  hits = cf_case_search (kase, "drone", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 10);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];
      gint64 expected = ((CfSearchHit *) hits->pdata[0])->document_id;

      g_assert_true (hit->document_id == first || hit->document_id == second);
      if (i < 8)
        g_assert_cmpint (hit->document_id, ==, expected);
      else
        g_assert_cmpint (hit->document_id, !=, expected);
      g_assert_cmpuint (hit->occurrence, ==, i < 8 ? i + 1 : i - 7);
      g_assert_cmpuint (hit->n_occurrences, ==, 8);
    }
}

/* A source of one word said twelve thousand times: a search and "find next" stop
 * at the bound (10,000 occurrences) instead of growing with the text. */
static void
test_repeated_word_is_bounded (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("repeated.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 doc;

  for (guint i = 0; i < 12000; i++)
    g_string_append (text, "drone ");
  doc = cf_case_import_text (kase, "Noise", text->str, &error);
  g_assert_no_error (error);

  hits = cf_case_search (kase, "drone", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpint (((CfSearchHit *) hits->pdata[2])->start, ==, 12);
  g_assert_cmpuint (((CfSearchHit *) hits->pdata[2])->n_occurrences, ==, 10000);

  ranges = cf_case_find_in_document (kase, doc, "drone", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranges->len, ==, 10000);
  g_assert_cmpint (g_array_index (ranges, CfSearchRange, 9999).start, ==, 9999 * 6);
  g_assert_cmpint (g_array_index (ranges, CfSearchRange, 9999).end, ==, 9999 * 6 + 5);
}

static void
test_hypotheses_and_tags (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("small.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hypotheses = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  gint64 hypothesis = cf_case_add_hypothesis (kase, "The video was STAGED by the ministry",
                                              "A fake made for television.", &error);
  gint64 tag = cf_case_ensure_tag_path (kase, "Attribution/Ukraine", &error);
  CfSearchHit *hit;

  g_assert_no_error (error);
  hypotheses = cf_case_search (kase, "staged", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hypotheses->len, ==, 1);
  hit = hypotheses->pdata[0];
  g_assert_cmpint (hit->kind, ==, CF_RECORD_HYPOTHESIS);
  g_assert_cmpint (hit->id, ==, hypothesis);
  g_assert_nonnull (strstr (hit->snippet, CF_SEARCH_MATCH_START "STAGED" CF_SEARCH_MATCH_END));
  g_ptr_array_unref (g_steal_pointer (&hypotheses));

  /* words of the description count too */
  hypotheses = cf_case_search (kase, "television", 50, &error);
  g_assert_cmpuint (hypotheses->len, ==, 1);

  tags = cf_case_search (kase, "ukraine", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 1);
  hit = tags->pdata[0];
  g_assert_cmpint (hit->kind, ==, CF_RECORD_TAG);
  g_assert_cmpint (hit->id, ==, tag);
}

/* The number of hits of @kind for @query. */
static guint
count_kind (CfCase       *kase,
            const char   *query,
            CfRecordKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cf_case_search (kase, query, 50, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    n += ((CfSearchHit *) hits->pdata[i])->kind == kind;
  return n;
}

/* Hypotheses and tags are found as they are now: after an edit, its undo, and a
 * change another program made to the file. */
static void
test_small_tables_follow_changes (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("follow.casefile");
  g_autoptr(CfCase) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 hypothesis = cf_case_add_hypothesis (kase, "The ferry sank", "", &error);
  gint64 tag = cf_case_ensure_tag_path (kase, "Places/Harbour", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (kase, "ferry", CF_RECORD_HYPOTHESIS), ==, 1);
  g_assert_cmpuint (count_kind (kase, "harbour", CF_RECORD_TAG), ==, 1);

  g_assert_true (cf_case_set_hypothesis_title (kase, hypothesis, "The barge sank", &error));
  g_assert_true (cf_case_rename_tag (kase, tag, "Quay", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (kase, "ferry", CF_RECORD_HYPOTHESIS), ==, 0);
  g_assert_cmpuint (count_kind (kase, "barge", CF_RECORD_HYPOTHESIS), ==, 1);
  g_assert_cmpuint (count_kind (kase, "harbour", CF_RECORD_TAG), ==, 0);
  g_assert_cmpuint (count_kind (kase, "quay", CF_RECORD_TAG), ==, 1);

  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (kase, "harbour", CF_RECORD_TAG), ==, 1);

  /* another program adds a tag */
  other = cf_case_open (cf_case_get_path (kase), CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cf_case_ensure_tag_path (other, "Places/Lighthouse", &error);
  g_assert_no_error (error);
  cf_case_close (other);
  g_assert_cmpuint (count_kind (kase, "lighthouse", CF_RECORD_TAG), ==, 1);
}

static void
test_cli_offset_is_snippet (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *doc = NULL;

  cf_test_cli_case_init (&f);
  doc = cf_test_cli_case_with_document (&f);
  cf_test_run_ok (&run, "search", "--json", f.case_path, "depot");
  hits = cf_test_parse_lines (run.out);
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      JsonObject *hit = hits->pdata[i];
      gint start = json_object_get_int_member (hit, "start");
      gint end = json_object_get_int_member (hit, "end");
      g_autofree char *word = cut (cf_test_depot_text, start, end);
      g_autofree char *shown = marked (json_object_get_string_member (hit, "snippet"));
      const char *before = g_utf8_offset_to_pointer (cf_test_depot_text, MAX (0, start - 4));
      g_autofree char *context = g_strndup (before, g_utf8_offset_to_pointer (cf_test_depot_text, start) - before);

      g_assert_cmpstr (word, ==, shown);
      g_assert_cmpint (json_object_get_int_member (hit, "occurrence"), ==, i + 1);
      /* the few characters before the offset are the ones before the mark */
      g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), context));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/every-occurrence", test_every_occurrence);
  g_test_add_func ("/search/snippet-is-the-occurrence", test_snippet_is_the_occurrence);
  g_test_add_func ("/search/phrase-and-prefix", test_phrase_and_prefix);
  g_test_add_func ("/search/limit-counts-occurrences", test_limit_counts_occurrences);
  g_test_add_func ("/search/title-only-match", test_title_only_match);
  g_test_add_func ("/search/find-in-document", test_find_in_document);
  g_test_add_func ("/search/long-document-spans", test_long_document_spans);
  g_test_add_func ("/search/page-shared-by-documents", test_page_shared_by_documents);
  g_test_add_func ("/search/repeated-word-is-bounded", test_repeated_word_is_bounded);
  g_test_add_func ("/search/ranked-and-counted", test_ranked_and_counted);
  g_test_add_func ("/search/many-matches-rank-the-newest", test_many_matches_rank_the_newest);
  g_test_add_func ("/search/hypotheses-and-tags", test_hypotheses_and_tags);
  g_test_add_func ("/search/small-tables-follow-changes", test_small_tables_follow_changes);
  g_test_add_func ("/search/cli-offset-is-snippet", test_cli_offset_is_snippet);

  return g_test_run ();
}
