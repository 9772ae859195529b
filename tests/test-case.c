/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-record-list.h"
#include "cf-test-util.h"

/* Each test works in its own temporary folder (G_TEST_OPTION_ISOLATE_DIRS). */

static char *
tmp_path (const char *name)
{
  /* isolated per test case by G_TEST_OPTION_ISOLATE_DIRS */
  const char *dir = g_get_user_data_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static CfCase *
new_case (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  CfCase *kase;

  kase = cf_case_create (path, "Test incident", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

static const char sample_text[] =
  "Officials said the drone struck the depot at dawn.\n\n"
  "A spokesperson for the ministry called the report “likely accurate”, "
  "while analysts at the institute said it was roughly even.";

static gint64
add_sample_document (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cf_case_import_text (kase, "Sample report", sample_text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create_and_reopen (void)
{
  g_autofree char *path = tmp_path ("reopen.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfCase) again = NULL;

  kase = cf_case_create (path, "Port depot strike", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Port depot strike");
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_MARKING, "TLP:AMBER", &error));
  g_assert_no_error (error);
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_SUMMARY, "The strike was likely real.", &error));
  cf_case_close (kase);

  /* creating over an existing file is refused */
  g_assert_null (cf_case_create (path, "again", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_EXISTS);
  g_clear_error (&error);

  again = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (again, CF_CASE_FIELD_MARKING), ==, "TLP:AMBER");
  g_assert_cmpstr (cf_case_get_info (again, CF_CASE_FIELD_SUMMARY), ==, "The strike was likely real.");
  g_assert_false (cf_case_get_read_only (again));
  /* no journal or WAL is left beside a closed case */
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_claims (void)
{
  g_autoptr(CfCase) kase = new_case ("claims.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint64 doc = add_sample_document (kase);
  gint start, claim_id, overlap_id;
  const char *quote = "the drone struck the depot";

  start = cf_case_find_quote (kase, doc, quote, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, 15);

  claim_id = cf_case_add_claim (kase, doc, start, start + (gint) g_utf8_strlen (quote, -1), quote, &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim_id, >, 0);

  /* overlapping claims are fine */
  overlap_id = cf_case_add_claim (kase, doc, start + 4, start + 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (overlap_id, >, claim_id);

  /* outside the text, empty, or a quote that does not match: refused */
  g_assert_cmpint (cf_case_add_claim (kase, doc, 10, 100000, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_claim (kase, doc, 5, 5, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_claim (kase, doc, -1, 5, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_claim (kase, doc, start, start + 9, "the drones", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_claim (kase, 999, 0, 3, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_find_quote (kase, doc, "not in the text", 0, &error), ==, -1);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);

  /* offsets count characters, not bytes: the curly quotes are 3 bytes each */
  {
    const char *q = "likely accurate";
    gint at = cf_case_find_quote (kase, doc, q, 0, &error);
    g_autoptr(CfClaim) c = NULL;
    gint64 id;

    g_assert_no_error (error);
    id = cf_case_add_claim (kase, doc, at, at + 15, q, &error);
    g_assert_no_error (error);
    c = cf_case_get_claim (kase, id, &error);
    g_assert_cmpstr (cf_claim_get_quote (c), ==, q);
    g_assert_true (g_str_has_suffix (cf_claim_get_prefix (c), "“"));
    g_assert_true (g_str_has_prefix (cf_claim_get_suffix (c), "”"));
  }

  g_assert_true (cf_case_set_claim_actor_name (kase, claim_id, "Port officials", &error));
  g_assert_true (cf_case_set_claim_reliability (kase, claim_id, CF_RELIABILITY_B, &error));
  g_assert_true (cf_case_set_claim_credibility (kase, claim_id, CF_CREDIBILITY_2, &error));
  g_assert_true (cf_case_set_claim_likelihood (kase, claim_id, CF_LIKELIHOOD_LIKELY, &error));
  g_assert_true (cf_case_set_claim_confidence (kase, claim_id, CF_CONFIDENCE_MODERATE, &error));
  g_assert_true (cf_case_set_claim_paraphrase (kase, claim_id, "A drone hit the depot.", &error));
  g_assert_no_error (error);

  claim = cf_case_get_claim (kase, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, quote);
  g_assert_cmpstr (cf_claim_get_actor_name (claim), ==, "Port officials");
  g_assert_cmpstr (cf_claim_get_grade (claim), ==, "B2");
  g_assert_cmpint (cf_claim_get_likelihood (claim), ==, CF_LIKELIHOOD_LIKELY);
  g_assert_cmpint (cf_claim_get_confidence (claim), ==, CF_CONFIDENCE_MODERATE);
  g_assert_cmpstr (cf_claim_get_paraphrase (claim), ==, "A drone hit the depot.");

  /* the same actor is found again, whatever the case */
  g_assert_cmpint (cf_case_ensure_actor (kase, "port OFFICIALS", &error), ==, cf_claim_get_actor_id (claim));

  {
    g_autofree char *summary = cf_rating_format_summary (CF_RELIABILITY_B, CF_CREDIBILITY_2,
                                                         CF_LIKELIHOOD_LIKELY, CF_CONFIDENCE_MODERATE);
    g_assert_cmpstr (summary, ==, "B2 · likely · moderate confidence");
  }

  g_assert_true (cf_case_delete_claim (kase, overlap_id, &error));
  g_assert_no_error (error);
  g_assert_null (cf_case_get_claim (kase, overlap_id, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
}

static void
test_tags_notes_hypotheses (void)
{
  g_autoptr(CfCase) kase = new_case ("tags.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(CfTag) child_tag = NULL;
  g_autoptr(CfHypothesis) hyp = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GListModel) notes = NULL;
  gint64 doc = add_sample_document (kase);
  gint64 claim_id = cf_case_add_claim (kase, doc, 0, 9, "Officials", &error);
  gint64 parent, child, other, h1, h2, note;

  parent = cf_case_add_tag (kase, "Attack", 0, "#ff0000", &error);
  g_assert_no_error (error);
  child = cf_case_add_tag (kase, "Drone", parent, NULL, &error);
  g_assert_no_error (error);
  other = cf_case_add_tag (kase, "Attribution", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_add_tag (kase, "drone", parent, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_case_add_tag (kase, "Bad", 0, "red", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (cf_case_find_tag (kase, "Attack/Drone"), ==, child);
  g_assert_cmpint (cf_case_find_tag (kase, "drone"), ==, child);
  child_tag = cf_case_get_tag (kase, child, &error);
  g_assert_cmpstr (cf_tag_get_path (child_tag), ==, "Attack / Drone");
  g_assert_cmpuint (cf_tag_get_depth (child_tag), ==, 1);

  /* a tag cannot be moved under its own child */
  g_assert_false (cf_case_set_tag_parent (kase, parent, child, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);

  tags = cf_case_list_tags (kase);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 3);
  {
    g_autoptr(CfTag) first = g_list_model_get_item (tags, 0);
    g_autoptr(CfTag) second = g_list_model_get_item (tags, 1);
    g_autoptr(CfTag) third = g_list_model_get_item (tags, 2);

    g_assert_cmpstr (cf_tag_get_name (first), ==, "Attack");
    g_assert_cmpstr (cf_tag_get_name (second), ==, "Drone");
    g_assert_cmpstr (cf_tag_get_name (third), ==, "Attribution");
  }

  g_assert_true (cf_case_add_claim_tag (kase, claim_id, child, &error));
  g_assert_true (cf_case_add_claim_tag (kase, claim_id, other, &error));
  g_assert_no_error (error);
  claim = cf_case_get_claim (kase, claim_id, &error);
  g_assert_cmpstr (cf_claim_get_tag_names (claim), ==, "Drone, Attribution");
  g_assert_cmpstr (cf_claim_get_color (claim), ==, cf_tag_get_color (child_tag));
  g_assert_cmpuint (cf_tag_get_claim_count (child_tag), ==, 1);

  /* recolouring follows into the live claim object */
  g_assert_true (cf_case_set_tag_color (kase, child, "#00ff00", &error));
  g_assert_cmpstr (cf_claim_get_color (claim), ==, "#00ff00");

  /* deleting the parent moves the child up */
  g_assert_true (cf_case_delete_tag (kase, parent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_tag_get_parent_id (child_tag), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);

  h1 = cf_case_add_hypothesis (kase, "Staged", "The strike was staged.", &error);
  h2 = cf_case_add_hypothesis (kase, "External attack", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_hypothesis_likelihood (kase, h2, CF_LIKELIHOOD_LIKELY, &error));
  g_assert_true (cf_case_set_claim_relation (kase, claim_id, h1, CF_RELATION_INCONSISTENT, &error));
  g_assert_true (cf_case_set_claim_relation (kase, claim_id, h2, CF_RELATION_CONSISTENT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_get_claim_relation (kase, claim_id, h1), ==, CF_RELATION_INCONSISTENT);
  hyp = cf_case_get_hypothesis (kase, h2, &error);
  g_assert_cmpuint (cf_hypothesis_get_n_consistent (hyp), ==, 1);
  g_assert_cmpint (cf_hypothesis_get_likelihood (hyp), ==, CF_LIKELIHOOD_LIKELY);
  g_assert_true (cf_case_set_claim_relation (kase, claim_id, h2, CF_RELATION_NONE, &error));
  g_assert_cmpuint (cf_hypothesis_get_n_consistent (hyp), ==, 0);

  notes = cf_case_list_notes (kase, CF_NOTE_TARGET_CLAIM, claim_id);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  note = cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, claim_id, "Check against imagery.", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_true (cf_case_set_note_body (kase, note, "Checked against imagery.", &error));
  {
    g_autoptr(CfNote) n = g_list_model_get_item (notes, 0);
    g_assert_cmpstr (cf_note_get_body (n), ==, "Checked against imagery.");
  }
  g_assert_cmpint (cf_case_add_note (kase, CF_NOTE_TARGET_DOCUMENT, 4242, "x", &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
  g_clear_error (&error);

  /* deleting the document takes its claims, their notes and links */
  g_assert_true (cf_case_delete_document (kase, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  {
    g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static void
test_lists (void)
{
  g_autoptr(CfCase) kase = new_case ("lists.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) docs = NULL;
  gint64 doc = add_sample_document (kase);
  gint64 ids[40];
  guint changes = 0;

  claims = cf_case_list_claims (kase);
  docs = cf_case_list_documents (kase);
  g_signal_connect (claims, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);

  /* one action: one items-changed */
  cf_case_begin_action (kase, "Mark many");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = cf_case_add_claim (kase, doc, i, i + 5, NULL, &error);
  g_assert_true (cf_case_end_action (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 40);
  g_assert_true (g_list_model_get_item_type (claims) == CF_TYPE_CLAIM);

  {
    g_autoptr(CfDocument) d = g_list_model_get_item (docs, 0);
    g_assert_cmpuint (cf_document_get_claim_count (d), ==, 40);
    g_assert_cmpstr (cf_document_get_title (d), ==, "Sample report");
    g_assert_cmpint (cf_document_get_length (d), ==, g_utf8_strlen (sample_text, -1));
    g_assert_cmpuint (strlen (cf_document_get_sha256 (d)), ==, 64);
  }

  /* the list hands out the same live object the case does */
  {
    g_autoptr(CfClaim) from_list = g_list_model_get_item (claims, 3);
    g_autoptr(CfClaim) from_case = cf_case_get_claim (kase, ids[3], &error);

    g_assert_true (from_list == from_case);
    g_assert_true (cf_case_set_claim_reliability (kase, ids[3], CF_RELIABILITY_A, &error));
    g_assert_cmpstr (cf_claim_get_grade (from_list), ==, "A");
  }

  cf_claim_list_set_sort ((CfRecordList *) claims, CF_CLAIM_SORT_GRADE, FALSE);
  {
    g_autoptr(CfClaim) first = g_list_model_get_item (claims, 0);
    g_assert_cmpint (cf_claim_get_id (first), ==, ids[3]);
  }
  cf_claim_list_set_text_filter ((CfRecordList *) claims, "drone");
  g_assert_cmpuint (g_list_model_get_n_items (claims), <, 40);
  g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
  cf_claim_list_set_text_filter ((CfRecordList *) claims, NULL);
  cf_claim_list_set_document ((CfRecordList *) claims, doc + 1);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 0);
  cf_claim_list_set_document ((CfRecordList *) claims, doc);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 40);
  g_assert_cmpuint (cf_record_list_find ((CfRecordList *) claims, ids[3]), ==, 0);
}

static void
test_undo_redo (void)
{
  g_autoptr(CfCase) kase = new_case ("undo.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autoptr(GListModel) claims = NULL;
  gint64 doc = add_sample_document (kase);
  gint64 claim_id, tag;

  claims = cf_case_list_claims (kase);
  claim_id = cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  tag = cf_case_add_tag (kase, "Attack", 0, NULL, &error);
  g_assert_true (cf_case_add_claim_tag (kase, claim_id, tag, &error));
  g_assert_true (cf_case_set_claim_reliability (kase, claim_id, CF_RELIABILITY_C, &error));
  g_assert_no_error (error);
  claim = cf_case_get_claim (kase, claim_id, &error);

  g_assert_true (cf_case_can_undo (kase));
  g_assert_cmpstr (cf_case_get_undo_label (kase), ==, "Rate source reliability");
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_claim_get_reliability (claim), ==, CF_RELIABILITY_NONE);
  g_assert_true (cf_case_can_redo (kase));
  g_assert_true (cf_case_redo (kase, &error));
  g_assert_cmpint (cf_claim_get_reliability (claim), ==, CF_RELIABILITY_C);

  /* deleting the claim takes its tag link; undo brings both back, and search too */
  g_assert_true (cf_case_delete_claim (kase, claim_id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 0);
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
  {
    g_autoptr(CfClaim) back = cf_case_get_claim (kase, claim_id, &error);
    g_autoptr(GPtrArray) hits = cf_case_search (kase, "Officials", 10, &error);
    gboolean found_claim = FALSE;

    g_assert_no_error (error);
    g_assert_cmpstr (cf_claim_get_tag_names (back), ==, "Attack");
    for (guint i = 0; i < hits->len; i++)
      found_claim |= ((CfSearchHit *) hits->pdata[i])->kind == CF_RECORD_CLAIM;
    g_assert_true (found_claim);
  }

  /* a new edit clears redo */
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_true (cf_case_can_redo (kase));
  g_assert_cmpint (cf_case_add_tag (kase, "Other", 0, NULL, &error), >, 0);
  g_assert_false (cf_case_can_redo (kase));

  /* undo everything, down to the empty case */
  while (cf_case_can_undo (kase))
    g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_false (cf_case_undo (kase, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  {
    g_autoptr(GListModel) docs = cf_case_list_documents (kase);
    g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 0);
  }
  /* the change log keeps the history, undos included */
  {
    g_autoptr(GPtrArray) changes = cf_case_get_changes (kase, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, >, 8);
    g_assert_true (g_str_has_prefix (((CfChangeEntry *) changes->pdata[0])->summary, "Undo"));
  }
}

static void
test_search (void)
{
  g_autoptr(CfCase) kase = new_case ("search.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = add_sample_document (kase);
  gint64 claim_id = cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  gboolean kinds[CF_N_RECORD_KINDS] = { FALSE };

  cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, claim_id, "Officials rarely say depot.", &error);
  g_assert_no_error (error);

  hits = cf_case_search (kase, "depot", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];

      kinds[hit->kind] = TRUE;
      g_assert_nonnull (strstr (hit->snippet, CF_SEARCH_MATCH_START));
      if (hit->kind == CF_RECORD_DOCUMENT)
        {
          g_autofree char *text = cf_case_get_document_text (kase, hit->document_id, NULL);
          const char *at = g_utf8_offset_to_pointer (text, hit->start);

          g_assert_true (g_ascii_strncasecmp (at, "depot", 5) == 0);
          g_assert_cmpint (hit->end - hit->start, ==, 5);
        }
      if (hit->kind == CF_RECORD_NOTE)
        {
          g_assert_cmpint (hit->claim_id, ==, claim_id);
          g_assert_cmpint (hit->document_id, ==, doc);
        }
    }
  g_assert_true (kinds[CF_RECORD_DOCUMENT]);
  g_assert_true (kinds[CF_RECORD_NOTE]);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* what users type never becomes an FTS syntax error */
  {
    const char *queries[] = { "\"unbalanced", "AND", "OR", "*", "depo*", "NEAR(", "a:b", "\"\"", "(", "-x" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        hits = cf_case_search (kase, queries[i], 10, &error);
        g_assert_no_error (error);
        g_assert_nonnull (hits);
        g_clear_pointer (&hits, g_ptr_array_unref);
      }
  }
  hits = cf_case_search (kase, "depo*", 10, &error);
  g_assert_cmpuint (hits->len, >, 0);
}

static void
expect_open_error (const char *path,
                   gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GBytes) before = NULL;
  GStatBuf st;
  gboolean exists = g_stat (path, &st) == 0 && S_ISREG (st.st_mode);

  if (exists)
    before = cf_test_read_bytes (path);
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", path, error->message);
  if (exists)
    {
      g_autoptr(GBytes) after = cf_test_read_bytes (path);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    }
}

static char *
make_good_case (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc;

  kase = cf_case_create (path, "Good", &error);
  g_assert_no_error (error);
  doc = add_sample_document (kase);
  cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  g_assert_no_error (error);
  cf_case_close (kase);
  return g_steal_pointer (&path);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
}

static void
test_bad_files (void)
{
  g_autofree char *missing = tmp_path ("missing.casefile");
  g_autofree char *dir = tmp_path ("folder.casefile");
  g_autofree char *empty = tmp_path ("empty.casefile");
  g_autofree char *text = tmp_path ("text.casefile");
  g_autofree char *png = tmp_path ("image.casefile");
  g_autofree char *foreign = tmp_path ("foreign.casefile");
  g_autofree char *good = make_good_case ("good.casefile");
  g_autoptr(GBytes) good_bytes = cf_test_read_bytes (good);
  const guint8 *data = g_bytes_get_data (good_bytes, NULL);
  gsize len = g_bytes_get_size (good_bytes);
  static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

  expect_open_error (missing, CF_CASE_ERROR_NOT_FOUND);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  expect_open_error (dir, CF_CASE_ERROR_NOT_A_CASE);
  write_file (empty, "", 0);
  expect_open_error (empty, CF_CASE_ERROR_NOT_A_CASE);
  write_file (text, "Just some notes, not a case.\n", 29);
  expect_open_error (text, CF_CASE_ERROR_NOT_A_CASE);
  write_file (png, png_header, sizeof png_header);
  expect_open_error (png, CF_CASE_ERROR_NOT_A_CASE);

  /* an SQLite database of another program */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    expect_open_error (foreign, CF_CASE_ERROR_NOT_A_CASE);
  }

  /* truncated: cut at half, and cut inside the header */
  {
    g_autofree char *cut = tmp_path ("truncated.casefile");
    g_autofree char *cut_header = tmp_path ("truncated-header.casefile");

    write_file (cut, data, len / 2);
    expect_open_error (cut, CF_CASE_ERROR_DAMAGED);
    write_file (cut_header, data, 50);
    expect_open_error (cut_header, CF_CASE_ERROR_DAMAGED);
  }

  /* newer version: user_version beyond ours */
  {
    g_autofree char *newer = tmp_path ("newer.casefile");
    g_autofree guint8 *copy = g_memdup2 (data, len);

    copy[63] = CF_SCHEMA_VERSION + 1;
    write_file (newer, copy, len);
    expect_open_error (newer, CF_CASE_ERROR_TOO_NEW);
  }

  /* bit flips all over the file: refused or opened, never a crash */
  {
    g_autofree char *flipped = tmp_path ("flipped.casefile");

    for (gsize offset = 100; offset < len; offset += len / 61 + 1)
      {
        g_autofree guint8 *copy = g_memdup2 (data, len);
        g_autoptr(GError) error = NULL;
        g_autoptr(CfCase) kase = NULL;

        copy[offset] ^= 0x5a;
        write_file (flipped, copy, len);
        kase = cf_case_open (flipped, CF_CASE_OPEN_DEFAULT, &error);
        if (kase != NULL)
          {
            g_autoptr(GPtrArray) problems = cf_case_check (kase, NULL);
            g_autoptr(GListModel) claims = cf_case_list_claims (kase);

            /* whatever it holds, reading it must not crash */
            for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
              g_clear_object (&(GObject *) { g_list_model_get_item (claims, i) });
          }
        else
          g_assert_true (error->domain == CF_CASE_ERROR);
      }
  }
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_tampered_schema (void)
{
  const char *extras[] = {
    "CREATE TRIGGER evil AFTER INSERT ON claims BEGIN DELETE FROM documents; END;",
    "CREATE VIEW v AS SELECT * FROM claims;",
    "CREATE INDEX extra ON claims (quote);",
    "CREATE TABLE extra (x);",
    "DROP INDEX claims_by_actor;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    {
      g_autofree char *name = g_strdup_printf ("tampered-%u.casefile", i);
      g_autofree char *path = make_good_case (name);

      tamper (path, extras[i]);
      expect_open_error (path, CF_CASE_ERROR_DAMAGED);
    }
}

static void
test_check_finds_problems (void)
{
  g_autofree char *path = make_good_case ("check.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* a claim whose quote no longer matches, and one past the end of its text */
  tamper (path, "UPDATE claims SET quote = 'Something else';"
                "INSERT INTO claims (document_id, start_offset, end_offset, quote, created, modified)"
                " VALUES (1, 5, 99999, 'x', 'now', 'now');"
                "UPDATE documents SET sha256 = 'abc';");
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  problems = cf_case_check (kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_read_only (void)
{
  g_autofree char *path = make_good_case ("readonly.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GBytes) before = cf_test_read_bytes (path);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* root can write anything: then ask for read-only explicitly */
  if (!cf_case_get_read_only (kase))
    {
      g_clear_object (&kase);
      kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
    }
  g_assert_true (cf_case_get_read_only (kase));
  g_assert_cmpint (cf_case_add_tag (kase, "x", 0, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cf_case_set_info (kase, CF_CASE_FIELD_TITLE, "x", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  cf_case_close (kase);
  {
    g_autoptr(GBytes) after = cf_test_read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_save_as (void)
{
  g_autofree char *path = make_good_case ("original.casefile");
  g_autofree char *copy = tmp_path ("copy.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autoptr(GBytes) before = cf_test_read_bytes (path);

  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_save_as (kase, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_path (kase), ==, copy);
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_TITLE, "Edited copy", &error));
  cf_case_close (kase);

  /* the original is untouched; the copy holds everything plus the edit */
  {
    g_autoptr(GBytes) after = cf_test_read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
  }
  reopened = cf_case_open (copy, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (reopened, CF_CASE_FIELD_TITLE), ==, "Edited copy");
  {
    g_autoptr(GListModel) claims = cf_case_list_claims (reopened);
    g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
  }
}

/* Makes a hot journal: a transaction that wrote pages to the file, interrupted before
 * commit, copied out together with its journal. */
static void
make_interrupted_copy (const char *path,
                       const char *copy)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *copy_journal = g_strconcat (copy, "-journal", NULL);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1;"
                                 "BEGIN;"
                                 "UPDATE case_info SET title = 'half-written';"
                                 "UPDATE documents SET byline = hex (randomblob (3000));"
                                 "DELETE FROM claims;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  db_bytes = cf_test_read_bytes (path);
  journal_bytes = cf_test_read_bytes (journal);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  write_file (copy, g_bytes_get_data (db_bytes, NULL), g_bytes_get_size (db_bytes));
  write_file (copy_journal, g_bytes_get_data (journal_bytes, NULL), g_bytes_get_size (journal_bytes));
}

static void
test_hot_journal (void)
{
  g_autofree char *path = make_good_case ("journal-source.casefile");
  g_autofree char *crashed = tmp_path ("crashed.casefile");
  g_autofree char *other = make_good_case ("other.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;

  /* make the other case's pages quite unlike the journal's */
  kase = cf_case_open (other, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strnfill (2000 + i * 100, 'a' + (i % 26));

      g_assert_cmpint (cf_case_import_text (kase, "Filler", text, &error), >, 0);
      g_assert_cmpint (cf_case_add_tag (kase, text + 1990, 0, NULL, &error), >, 0);
    }
  g_clear_object (&kase);

  /* our own crash: the journal restores the last committed state */
  make_interrupted_copy (path, crashed);
  kase = cf_case_open (crashed, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Good");
  {
    g_autoptr(GListModel) claims = cf_case_list_claims (kase);
    g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);

    g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_clear_object (&kase);

  /* a journal that belongs to another file is refused, and neither file changes */
  {
    g_autofree char *crashed2 = tmp_path ("crashed2.casefile");
    g_autofree char *journal2 = g_strconcat (crashed2, "-journal", NULL);
    g_autofree char *other_journal = g_strconcat (other, "-journal", NULL);
    g_autoptr(GBytes) journal_bytes = NULL;
    g_autoptr(GBytes) before = NULL;
    g_autoptr(GBytes) after = NULL;

    make_interrupted_copy (path, crashed2);
    journal_bytes = cf_test_read_bytes (journal2);
    /* put that journal beside a different case file, with more pages to wreck */
    write_file (other_journal, g_bytes_get_data (journal_bytes, NULL), g_bytes_get_size (journal_bytes));
    tamper (crashed2, "SELECT 1");   /* replays crashed2's own journal */
    before = cf_test_read_bytes (other);
    kase = cf_case_open (other, CF_CASE_OPEN_DEFAULT, &error);
    if (kase == NULL)
      {
        g_test_message ("stray journal refused: %s", error->message);
        g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED);
        after = cf_test_read_bytes (other);
        g_assert_true (g_bytes_equal (before, after));
        g_assert_true (g_file_test (other_journal, G_FILE_TEST_EXISTS));
      }
    else
      {
        /* SQLite found the stray journal harmless for this file: then the case
         * must be sound */
        g_test_message ("stray journal accepted");
        g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (problems->len, ==, 0);
      }
  }
}

static void
test_seed_article (void)
{
  g_autofree char *seed = cf_test_shared_path ("seed/kremlin-drone-attack.txt");
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc, claim;
  const char *p;
  gint start, end;

  if (seed == NULL)
    {
      g_test_skip ("the seed article is not there (CASEFILE_SHARED_DIR/seed)");
      return;
    }

  kase = new_case ("seed.casefile");
  file = g_file_new_for_path (seed);
  ids = cf_case_import_file (kase, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  doc = g_array_index (ids, gint64, 0);

  /* mark the first sentence that names who said something */
  text = cf_case_get_document_text (kase, doc, &error);
  g_assert_no_error (error);
  p = strstr (text, "said");
  g_assert_nonnull (p);
  start = (gint) g_utf8_pointer_to_offset (text, p);
  end = start + 4;
  claim = cf_case_add_claim (kase, doc, start, end, "said", &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_reliability (kase, claim, CF_RELIABILITY_B, &error));
  g_assert_true (cf_case_set_claim_credibility (kase, claim, CF_CREDIBILITY_3, &error));
  g_assert_no_error (error);

  hits = cf_case_search (kase, "Kremlin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 0);
  {
    g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_export (void)
{
  g_autoptr(CfCase) kase = new_case ("export.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  gint64 doc = add_sample_document (kase);

  cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  node = cf_case_export_json (kase, &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "case"), "title"),
                   ==, "Test incident");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), ==, 1);
}

static void
test_scales (void)
{
  CfReliability r;
  CfLikelihood l;
  CfConfidence c;

  g_assert_true (cf_reliability_from_code ("b", &r));
  g_assert_cmpint (r, ==, CF_RELIABILITY_B);
  g_assert_false (cf_reliability_from_code ("G", &r));
  g_assert_true (cf_likelihood_from_code ("very likely", &l));
  g_assert_cmpint (l, ==, CF_LIKELIHOOD_VERY_LIKELY);
  g_assert_true (cf_likelihood_from_code ("roughly-even-chance", &l));
  g_assert_cmpint (l, ==, CF_LIKELIHOOD_ROUGHLY_EVEN);
  g_assert_true (cf_confidence_from_code ("HIGH", &c));
  g_assert_cmpint (c, ==, CF_CONFIDENCE_HIGH);
  g_assert_cmpstr (cf_likelihood_to_range (CF_LIKELIHOOD_LIKELY), ==, "55–80%");
  g_assert_cmpstr (cf_credibility_to_label (CF_CREDIBILITY_1), ==, "Confirmed by other sources");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/case/claims", test_claims);
  g_test_add_func ("/case/tags-notes-hypotheses", test_tags_notes_hypotheses);
  g_test_add_func ("/case/lists", test_lists);
  g_test_add_func ("/case/undo-redo", test_undo_redo);
  g_test_add_func ("/case/search", test_search);
  g_test_add_func ("/case/export", test_export);
  g_test_add_func ("/case/scales", test_scales);
  g_test_add_func ("/case/save-as", test_save_as);
  g_test_add_func ("/case/read-only", test_read_only);
  g_test_add_func ("/case/seed-article", test_seed_article);
  g_test_add_func ("/open/bad-files", test_bad_files);
  g_test_add_func ("/open/tampered-schema", test_tampered_schema);
  g_test_add_func ("/open/hot-journal", test_hot_journal);
  g_test_add_func ("/check/finds-problems", test_check_finds_problems);

  return g_test_run ();
}
