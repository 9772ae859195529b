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
  g_test_add_func ("/search/ranked-and-counted", test_ranked_and_counted);
  g_test_add_func ("/search/many-matches-rank-the-newest", test_many_matches_rank_the_newest);
  g_test_add_func ("/search/hypotheses-and-tags", test_hypotheses_and_tags);
  g_test_add_func ("/search/cli-offset-is-snippet", test_cli_offset_is_snippet);

  return g_test_run ();
}
