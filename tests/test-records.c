/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The records of a case through the core API, one behaviour per test: claims (spans,
 * quotes, ratings, actors), tags (tree, colours), hypotheses (relations), notes, and
 * deleting a document with what refers to it. Each test starts from a new case with
 * the sample document (CaseFixture). */

#include "config.h"

#include <string.h>

#include "cf-case.h"
#include "cf-record-list.h"
#include "cf-test-util.h"

/* --- claims ------------------------------------------------------------------------ */

typedef struct
{
  CfCase *kase;
  gint64  doc;
} CaseFixture;

static void
case_fixture_set_up (CaseFixture   *f,
                     gconstpointer  data)
{
  f->kase = cf_test_new_case ("fixture.casefile");
  f->doc = cf_test_add_sample_document (f->kase);
}

static void
case_fixture_tear_down (CaseFixture   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->kase);
}

static const char drone_quote[] = "the drone struck the depot";

/* Adds a claim on drone_quote, found in the text. */
static gint64
add_drone_claim (CaseFixture *f)
{
  g_autoptr(GError) error = NULL;
  gint start = cf_case_find_quote (f->kase, f->doc, drone_quote, 0, &error);
  gint64 id;

  g_assert_no_error (error);
  id = cf_case_add_claim (f->kase, f->doc, start,
                          start + (gint) g_utf8_strlen (drone_quote, -1), drone_quote, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Asserts that adding a claim on [@start, @end) with @quote fails with @code. */
static void
assert_claim_refused (CaseFixture *f,
                      gint64       doc,
                      gint         start,
                      gint         end,
                      const char  *quote,
                      int          code)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cf_case_add_claim (f->kase, doc, start, end, quote, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, code);
}

static void
test_claims_find_quote_gives_offset (CaseFixture   *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cf_case_find_quote (f->kase, f->doc, drone_quote, 0, &error), ==, 15);
  g_assert_no_error (error);
}

static void
test_claims_find_quote_missing_refused (CaseFixture   *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cf_case_find_quote (f->kase, f->doc, "not in the text", 0, &error), ==, -1);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
}

static void
test_claims_add_stores_quote (CaseFixture   *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_drone_claim (f);
  g_autoptr(CfClaim) claim = cf_case_get_claim (f->kase, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, drone_quote);
  g_assert_cmpint (cf_claim_get_start (claim), ==, 15);
}

static void
test_claims_overlap_allowed (CaseFixture   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = add_drone_claim (f);
  gint64 overlap = cf_case_add_claim (f->kase, f->doc, 19, 45, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (overlap, >, first);
}

static void
test_claims_span_outside_text_refused (CaseFixture   *f,
                                       gconstpointer  data)
{
  assert_claim_refused (f, f->doc, 10, 100000, NULL, CF_CASE_ERROR_INVALID);
}

static void
test_claims_empty_span_refused (CaseFixture   *f,
                                gconstpointer  data)
{
  assert_claim_refused (f, f->doc, 5, 5, NULL, CF_CASE_ERROR_INVALID);
}

static void
test_claims_span_change_takes_new_quote (CaseFixture   *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_drone_claim (f);
  g_autoptr(CfClaim) claim = cf_case_get_claim (f->kase, id, &error);

  /* shrink to "drone struck the depot" (the live claim follows), then undo */
  g_assert_true (cf_case_set_claim_span (f->kase, id, 19, 41, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "drone struck the depot");
  g_assert_cmpint (cf_claim_get_start (claim), ==, 19);
  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, drone_quote);
  g_assert_cmpint (cf_claim_get_end (claim), ==, 41);
}

static void
test_claims_span_change_outside_text_refused (CaseFixture   *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_drone_claim (f);
  g_autoptr(CfClaim) claim = cf_case_get_claim (f->kase, id, &error);

  g_assert_false (cf_case_set_claim_span (f->kase, id, 30, 30, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cf_case_set_claim_span (f->kase, id, 0, 100000, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, drone_quote);
}

static void
test_claims_negative_start_refused (CaseFixture   *f,
                                    gconstpointer  data)
{
  assert_claim_refused (f, f->doc, -1, 5, NULL, CF_CASE_ERROR_INVALID);
}

static void
test_claims_quote_mismatch_refused (CaseFixture   *f,
                                    gconstpointer  data)
{
  assert_claim_refused (f, f->doc, 15, 24, "the drones", CF_CASE_ERROR_INVALID);
}

static void
test_claims_missing_document_refused (CaseFixture   *f,
                                      gconstpointer  data)
{
  assert_claim_refused (f, 999, 0, 3, NULL, CF_CASE_ERROR_NO_SUCH_RECORD);
}

/* Offsets count characters, not bytes: the curly quotes around the quote are three
 * bytes each, and the stored context shows them. */
static void
test_claims_add_stores_quote_context (CaseFixture   *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  const char *quote = "likely accurate";
  gint at = cf_case_find_quote (f->kase, f->doc, quote, 0, &error);
  gint64 id;

  g_assert_no_error (error);
  id = cf_case_add_claim (f->kase, f->doc, at, at + 15, quote, &error);
  g_assert_no_error (error);
  claim = cf_case_get_claim (f->kase, id, &error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, quote);
  g_assert_true (g_str_has_suffix (cf_claim_get_prefix (claim), "“"));
  g_assert_true (g_str_has_prefix (cf_claim_get_suffix (claim), "”"));
}

static void
test_claims_ratings_stored (CaseFixture   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint64 id = add_drone_claim (f);

  g_assert_true (cf_case_set_claim_actor_name (f->kase, id, "Port officials", &error));
  g_assert_true (cf_case_set_claim_reliability (f->kase, id, CF_RELIABILITY_B, &error));
  g_assert_true (cf_case_set_claim_credibility (f->kase, id, CF_CREDIBILITY_2, &error));
  g_assert_true (cf_case_set_claim_likelihood (f->kase, id, CF_LIKELIHOOD_LIKELY, &error));
  g_assert_true (cf_case_set_claim_confidence (f->kase, id, CF_CONFIDENCE_MODERATE, &error));
  g_assert_true (cf_case_set_claim_paraphrase (f->kase, id, "A drone hit the depot.", &error));
  g_assert_no_error (error);

  claim = cf_case_get_claim (f->kase, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_actor_name (claim), ==, "Port officials");
  g_assert_cmpstr (cf_claim_get_grade (claim), ==, "B2");
  g_assert_cmpint (cf_claim_get_likelihood (claim), ==, CF_LIKELIHOOD_LIKELY);
  g_assert_cmpint (cf_claim_get_confidence (claim), ==, CF_CONFIDENCE_MODERATE);
  g_assert_cmpstr (cf_claim_get_paraphrase (claim), ==, "A drone hit the depot.");
}

static void
test_claims_actor_found_whatever_the_case (CaseFixture   *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint64 id = add_drone_claim (f);

  g_assert_true (cf_case_set_claim_actor_name (f->kase, id, "Port officials", &error));
  claim = cf_case_get_claim (f->kase, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_ensure_actor (f->kase, "port OFFICIALS", &error), ==,
                   cf_claim_get_actor_id (claim));
}

static void
test_claims_rating_summary (void)
{
  g_autofree char *summary = cf_rating_format_summary (CF_RELIABILITY_B, CF_CREDIBILITY_2,
                                                       CF_LIKELIHOOD_LIKELY,
                                                       CF_CONFIDENCE_MODERATE);

  g_assert_cmpstr (summary, ==, "B2 · likely · moderate confidence");
}

static void
test_claims_delete_removes_claim (CaseFixture   *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_drone_claim (f);

  g_assert_true (cf_case_delete_claim (f->kase, id, &error));
  g_assert_no_error (error);
  g_assert_null (cf_case_get_claim (f->kase, id, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
}

/* --- tags, hypotheses, notes -------------------------------------------------------- */

typedef struct
{
  gint64 parent;   /* "Attack" #ff0000 */
  gint64 child;    /* "Attack/Drone" */
  gint64 other;    /* "Attribution" */
} TagTree;

static TagTree
add_tag_tree (CaseFixture *f)
{
  g_autoptr(GError) error = NULL;
  TagTree t;

  t.parent = cf_case_add_tag (f->kase, "Attack", 0, "#ff0000", &error);
  g_assert_no_error (error);
  t.child = cf_case_add_tag (f->kase, "Drone", t.parent, NULL, &error);
  g_assert_no_error (error);
  t.other = cf_case_add_tag (f->kase, "Attribution", 0, NULL, &error);
  g_assert_no_error (error);
  return t;
}

/* A claim on "Officials", the first word of the sample. */
static gint64
add_officials_claim (CaseFixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cf_case_add_claim (f->kase, f->doc, 0, 9, "Officials", &error);

  g_assert_no_error (error);
  return id;
}

static void
test_tags_child_found_by_path_and_name (CaseFixture   *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTag) tag = NULL;
  TagTree t = add_tag_tree (f);

  g_assert_cmpint (cf_case_find_tag (f->kase, "Attack/Drone"), ==, t.child);
  g_assert_cmpint (cf_case_find_tag (f->kase, "drone"), ==, t.child);
  tag = cf_case_get_tag (f->kase, t.child, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_tag_get_path (tag), ==, "Attack / Drone");
  g_assert_cmpuint (cf_tag_get_depth (tag), ==, 1);
}

static void
test_tags_same_name_under_parent_refused (CaseFixture   *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TagTree t = add_tag_tree (f);

  g_assert_cmpint (cf_case_add_tag (f->kase, "drone", t.parent, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
}

static void
test_tags_bad_color_refused (CaseFixture   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cf_case_add_tag (f->kase, "Bad", 0, "red", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
}

static void
test_tags_move_under_own_child_refused (CaseFixture   *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TagTree t = add_tag_tree (f);

  g_assert_false (cf_case_set_tag_parent (f->kase, t.parent, t.child, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
}

static void
test_tags_listed_in_tree_order (CaseFixture   *f,
                                gconstpointer  data)
{
  g_autoptr(GListModel) tags = NULL;
  const char *expected[] = { "Attack", "Drone", "Attribution" };

  add_tag_tree (f);
  tags = cf_case_list_tags (f->kase);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CfTag) tag = g_list_model_get_item (tags, i);

      g_assert_cmpstr (cf_tag_get_name (tag), ==, expected[i]);
    }
}

static void
test_tags_claim_shows_names_and_colour (CaseFixture   *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(CfTag) child = NULL;
  TagTree t = add_tag_tree (f);
  gint64 claim_id = add_officials_claim (f);

  g_assert_true (cf_case_add_claim_tag (f->kase, claim_id, t.child, &error));
  g_assert_true (cf_case_add_claim_tag (f->kase, claim_id, t.other, &error));
  g_assert_no_error (error);
  claim = cf_case_get_claim (f->kase, claim_id, &error);
  child = cf_case_get_tag (f->kase, t.child, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_tag_names (claim), ==, "Drone, Attribution");
  g_assert_cmpstr (cf_claim_get_color (claim), ==, cf_tag_get_color (child));
  g_assert_cmpuint (cf_tag_get_claim_count (child), ==, 1);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

/* Tags show in the order they were put on the claim, not by id; a claim without tags
 * shows none; the list shows the same as the claim read alone. */
static void
test_tags_claim_shows_tags_in_order_added (CaseFixture   *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(CfClaim) bare = NULL;
  g_autoptr(CfTag) other = NULL;
  g_autoptr(GListModel) claims = NULL;
  TagTree t = add_tag_tree (f);
  gint64 claim_id = add_officials_claim (f);
  gint64 bare_id = cf_case_add_claim (f->kase, f->doc, 10, 14, NULL, &error);
  const gint64 *ids;
  guint n = 0, names_notified = 0;

  g_assert_no_error (error);
  g_assert_cmpint (t.other, >, t.child);
  g_assert_true (cf_case_add_claim_tag (f->kase, claim_id, t.other, &error));
  g_assert_true (cf_case_add_claim_tag (f->kase, claim_id, t.child, &error));
  g_assert_no_error (error);

  claim = cf_case_get_claim (f->kase, claim_id, &error);
  other = cf_case_get_tag (f->kase, t.other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_tag_names (claim), ==, "Attribution, Drone");
  g_assert_cmpstr (cf_claim_get_color (claim), ==, cf_tag_get_color (other));
  ids = cf_claim_get_tag_ids (claim, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, t.other);
  g_assert_cmpint (ids[1], ==, t.child);

  bare = cf_case_get_claim (f->kase, bare_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_tag_names (bare), ==, "");
  g_assert_null (cf_claim_get_color (bare));
  g_assert_null (cf_claim_get_tag_ids (bare, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (cf_claim_get_grade (bare), ==, "");

  /* taking the first tag off: the names and the colour follow, and say so */
  g_signal_connect (claim, "notify::tag-names", G_CALLBACK (count_notify), &names_notified);
  g_assert_true (cf_case_remove_claim_tag (f->kase, claim_id, t.other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names_notified, ==, 1);
  g_assert_cmpstr (cf_claim_get_tag_names (claim), ==, "Drone");
  ids = cf_claim_get_tag_ids (claim, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, t.child);

  /* a fresh case object reads the rows through a list */
  g_clear_object (&claim);
  g_clear_object (&bare);
  claims = cf_case_list_claims (f->kase);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CfClaim) listed = g_list_model_get_item (claims, i);

      g_assert_cmpstr (cf_claim_get_tag_names (listed), ==,
                       cf_claim_get_id (listed) == claim_id ? "Drone" : "");
      g_assert_cmpstr (cf_claim_get_quote (listed), ==,
                       cf_claim_get_id (listed) == claim_id ? "Officials" : cf_claim_get_quote (listed));
    }
}

static void
test_tags_recolour_reaches_live_claim (CaseFixture   *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  TagTree t = add_tag_tree (f);
  gint64 claim_id = add_officials_claim (f);

  g_assert_true (cf_case_add_claim_tag (f->kase, claim_id, t.child, &error));
  claim = cf_case_get_claim (f->kase, claim_id, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_tag_color (f->kase, t.child, "#00ff00", &error));
  g_assert_cmpstr (cf_claim_get_color (claim), ==, "#00ff00");
}

static void
test_tags_delete_parent_moves_child_up (CaseFixture   *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTag) child = NULL;
  g_autoptr(GListModel) tags = cf_case_list_tags (f->kase);
  TagTree t = add_tag_tree (f);

  child = cf_case_get_tag (f->kase, t.child, &error);
  g_assert_true (cf_case_delete_tag (f->kase, t.parent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_tag_get_parent_id (child), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
}

static void
test_hypotheses_relation_stored (CaseFixture   *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 claim_id = add_officials_claim (f);
  gint64 h = cf_case_add_hypothesis (f->kase, "Staged", "The strike was staged.", &error);

  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_relation (f->kase, claim_id, h, CF_RELATION_INCONSISTENT,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_get_claim_relation (f->kase, claim_id, h), ==,
                   CF_RELATION_INCONSISTENT);
}

static void
test_hypotheses_likelihood_stored (CaseFixture   *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfHypothesis) hyp = NULL;
  gint64 h = cf_case_add_hypothesis (f->kase, "External attack", NULL, &error);

  g_assert_true (cf_case_set_hypothesis_likelihood (f->kase, h, CF_LIKELIHOOD_LIKELY, &error));
  g_assert_no_error (error);
  hyp = cf_case_get_hypothesis (f->kase, h, &error);
  g_assert_cmpint (cf_hypothesis_get_likelihood (hyp), ==, CF_LIKELIHOOD_LIKELY);
}

static void
test_hypotheses_count_follows_relations (CaseFixture   *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfHypothesis) hyp = NULL;
  gint64 claim_id = add_officials_claim (f);
  gint64 h = cf_case_add_hypothesis (f->kase, "External attack", NULL, &error);

  g_assert_true (cf_case_set_claim_relation (f->kase, claim_id, h, CF_RELATION_CONSISTENT, &error));
  g_assert_no_error (error);
  hyp = cf_case_get_hypothesis (f->kase, h, &error);
  g_assert_cmpuint (cf_hypothesis_get_n_consistent (hyp), ==, 1);
  g_assert_true (cf_case_set_claim_relation (f->kase, claim_id, h, CF_RELATION_NONE, &error));
  g_assert_cmpuint (cf_hypothesis_get_n_consistent (hyp), ==, 0);
}

static void
test_notes_add_appears_in_live_list (CaseFixture   *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 claim_id = add_officials_claim (f);
  g_autoptr(GListModel) notes = cf_case_list_notes (f->kase, CF_NOTE_TARGET_CLAIM, claim_id);

  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  cf_case_add_note (f->kase, CF_NOTE_TARGET_CLAIM, claim_id, "Check against imagery.", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
}

static void
test_notes_edit_changes_body (CaseFixture   *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 claim_id = add_officials_claim (f);
  g_autoptr(GListModel) notes = cf_case_list_notes (f->kase, CF_NOTE_TARGET_CLAIM, claim_id);
  gint64 note = cf_case_add_note (f->kase, CF_NOTE_TARGET_CLAIM, claim_id,
                                  "Check against imagery.", &error);
  g_autoptr(CfNote) n = NULL;

  g_assert_true (cf_case_set_note_body (f->kase, note, "Checked against imagery.", &error));
  g_assert_no_error (error);
  n = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (cf_note_get_body (n), ==, "Checked against imagery.");
}

static void
test_notes_on_missing_document_refused (CaseFixture   *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cf_case_add_note (f->kase, CF_NOTE_TARGET_DOCUMENT, 4242, "x", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
}

/* Deleting a document takes its claims, their notes and links, and leaves a sound file. */
static void
test_documents_delete_takes_what_refers_to_it (CaseFixture   *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TagTree t = add_tag_tree (f);
  gint64 claim_id = add_officials_claim (f);
  g_autoptr(GListModel) notes = cf_case_list_notes (f->kase, CF_NOTE_TARGET_CLAIM, claim_id);
  gint64 h = cf_case_add_hypothesis (f->kase, "Staged", NULL, &error);

  g_assert_true (cf_case_add_claim_tag (f->kase, claim_id, t.child, &error));
  g_assert_true (cf_case_set_claim_relation (f->kase, claim_id, h, CF_RELATION_CONSISTENT, &error));
  cf_case_add_note (f->kase, CF_NOTE_TARGET_CLAIM, claim_id, "Check against imagery.", &error);
  g_assert_no_error (error);

  g_assert_true (cf_case_delete_document (f->kase, f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  cf_test_assert_case_sound (f->kase);
}

#define case_test(path, func) \
  g_test_add (path, CaseFixture, NULL, case_fixture_set_up, func, case_fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  case_test ("/case/claims/find-quote-gives-offset", test_claims_find_quote_gives_offset);
  case_test ("/case/claims/find-quote-missing-refused", test_claims_find_quote_missing_refused);
  case_test ("/case/claims/add-stores-quote", test_claims_add_stores_quote);
  case_test ("/case/claims/add-stores-quote-context", test_claims_add_stores_quote_context);
  case_test ("/case/claims/overlap-allowed", test_claims_overlap_allowed);
  case_test ("/case/claims/span-outside-text-refused", test_claims_span_outside_text_refused);
  case_test ("/case/claims/empty-span-refused", test_claims_empty_span_refused);
  case_test ("/case/claims/span-change-takes-new-quote", test_claims_span_change_takes_new_quote);
  case_test ("/case/claims/span-change-outside-text-refused", test_claims_span_change_outside_text_refused);
  case_test ("/case/claims/negative-start-refused", test_claims_negative_start_refused);
  case_test ("/case/claims/quote-mismatch-refused", test_claims_quote_mismatch_refused);
  case_test ("/case/claims/missing-document-refused", test_claims_missing_document_refused);
  case_test ("/case/claims/ratings-stored", test_claims_ratings_stored);
  case_test ("/case/claims/actor-found-whatever-the-case", test_claims_actor_found_whatever_the_case);
  case_test ("/case/claims/delete-removes-claim", test_claims_delete_removes_claim);
  case_test ("/case/tags/child-found-by-path-and-name", test_tags_child_found_by_path_and_name);
  case_test ("/case/tags/same-name-under-parent-refused", test_tags_same_name_under_parent_refused);
  case_test ("/case/tags/bad-color-refused", test_tags_bad_color_refused);
  case_test ("/case/tags/move-under-own-child-refused", test_tags_move_under_own_child_refused);
  case_test ("/case/tags/listed-in-tree-order", test_tags_listed_in_tree_order);
  case_test ("/case/tags/claim-shows-names-and-colour", test_tags_claim_shows_names_and_colour);
  case_test ("/case/tags/claim-shows-tags-in-order-added", test_tags_claim_shows_tags_in_order_added);
  case_test ("/case/tags/recolour-reaches-live-claim", test_tags_recolour_reaches_live_claim);
  case_test ("/case/tags/delete-parent-moves-child-up", test_tags_delete_parent_moves_child_up);
  case_test ("/case/hypotheses/relation-stored", test_hypotheses_relation_stored);
  case_test ("/case/hypotheses/likelihood-stored", test_hypotheses_likelihood_stored);
  case_test ("/case/hypotheses/count-follows-relations", test_hypotheses_count_follows_relations);
  case_test ("/case/notes/add-appears-in-live-list", test_notes_add_appears_in_live_list);
  case_test ("/case/notes/edit-changes-body", test_notes_edit_changes_body);
  case_test ("/case/notes/on-missing-document-refused", test_notes_on_missing_document_refused);
  case_test ("/case/documents/delete-takes-what-refers-to-it", test_documents_delete_takes_what_refers_to_it);
  g_test_add_func ("/case/claims/rating-summary", test_claims_rating_summary);

  return g_test_run ();
}
