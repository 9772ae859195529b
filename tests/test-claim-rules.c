/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules the store applies to what a person marks or types, the same for the app
 * and the CLI: a selection loses the spaces and stray punctuation at its ends, an
 * exact second claim on one span is refused naming the first, tag paths are made
 * whole ("Attribution/Ukraine"), and a typed "H1:" leaves a hypothesis title. */

#include "config.h"

#include <string.h>

#include "cf-case.h"
#include "cf-test-util.h"

static const char text[] =
  "The ministry said, “the strike was staged,” and added (without proof) "
  "that \"nobody\" was hurt.";

static gint64
import_text (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cf_case_import_text (kase, "Statement", text, &error);

  g_assert_no_error (error);
  return id;
}

/* The character offset of @needle in text. */
static gint
offset_of (const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return (gint) g_utf8_pointer_to_offset (text, p);
}

/* Marks [offset_of (@from), offset_of (@from) + chars of @from) and returns the quote
 * the store kept. */
static char *
mark (CfCase     *kase,
      gint64      doc,
      const char *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint start = offset_of (from);
  gint64 id = cf_case_add_claim (kase, doc, start, start + (gint) g_utf8_strlen (from, -1), NULL, &error);

  g_assert_no_error (error);
  claim = cf_case_get_claim (kase, id, &error);
  g_assert_no_error (error);
  return g_strdup (cf_claim_get_quote (claim));
}

static void
test_trim_comma_and_space (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("trim.casefile");
  gint64 doc = import_text (kase);
  g_autofree char *quote = mark (kase, doc, ", “the strike was staged,” ");
  g_autofree char *second = mark (kase, doc, "said, ");

  /* the quotation marks open and close in the span, so they stay; the comma before
   * the closing mark is the source's */
  g_assert_cmpstr (quote, ==, "“the strike was staged,”");
  g_assert_cmpstr (second, ==, "said");
}

static void
test_trim_unbalanced_marks (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("marks.casefile");
  gint64 doc = import_text (kase);
  g_autofree char *open_only = mark (kase, doc, "“the strike was staged");
  g_autofree char *close_only = mark (kase, doc, "without proof) ");
  g_autofree char *brackets = mark (kase, doc, "(without proof)");
  g_autofree char *straight = mark (kase, doc, "\"nobody\" was hurt.");
  g_autofree char *straight_open = mark (kase, doc, " \"nobody");

  g_assert_cmpstr (open_only, ==, "the strike was staged");
  g_assert_cmpstr (close_only, ==, "without proof");
  g_assert_cmpstr (brackets, ==, "(without proof)");
  /* a sentence's full stop is part of the quote */
  g_assert_cmpstr (straight, ==, "\"nobody\" was hurt.");
  g_assert_cmpstr (straight_open, ==, "nobody");
}

static void
test_trim_keeps_span_offsets (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("offsets.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint64 doc = import_text (kase);
  gint start = offset_of (", “the");
  gint64 id = cf_case_add_claim (kase, doc, start, start + 6, NULL, &error);

  g_assert_no_error (error);
  claim = cf_case_get_claim (kase, id, &error);
  g_assert_cmpint (cf_claim_get_start (claim), ==, offset_of ("“the") + 1);
  g_assert_cmpint (cf_claim_get_end (claim), ==, offset_of ("“the") + 4);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "the");
}

static void
test_only_punctuation_refused (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("punct.casefile");
  g_autoptr(GError) error = NULL;
  gint64 doc = import_text (kase);
  gint start = offset_of (", “");

  g_assert_cmpint (cf_case_add_claim (kase, doc, start, start + 3, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
}

static void
test_duplicate_refused_naming_claim (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("dup.casefile");
  g_autoptr(GError) error = NULL;
  g_autofree char *named = NULL;
  gint64 doc = import_text (kase);
  gint start = offset_of ("the strike");
  gint64 first = cf_case_add_claim (kase, doc, start, start + 10, NULL, &error);

  g_assert_no_error (error);
  /* the same words with a space more are the same claim once trimmed */
  g_assert_cmpint (cf_case_add_claim (kase, doc, start, start + 11, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DUPLICATE);
  named = g_strdup_printf ("#%" G_GINT64_FORMAT, first);
  g_assert_nonnull (strstr (error->message, named));
  g_clear_error (&error);

  /* an overlapping but different span is a claim of its own */
  g_assert_cmpint (cf_case_add_claim (kase, doc, start, start + 16, NULL, &error), >, first);
  g_assert_no_error (error);
}

/* Moving a claim's ends follows the rules of marking: the new span is trimmed, a
 * span another claim has is refused naming it, and the claim itself may keep its
 * own span. */
static void
test_set_span_same_rules (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("span.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  g_autofree char *named = NULL;
  gint64 doc = import_text (kase);
  gint strike = offset_of ("the strike");
  gint proof = offset_of ("(without proof)");
  gint64 first = cf_case_add_claim (kase, doc, strike, strike + 10, NULL, &error);
  gint64 second;

  g_assert_no_error (error);
  second = cf_case_add_claim (kase, doc, proof, proof + 15, NULL, &error);
  g_assert_no_error (error);

  /* ", “the strike was staged,” " loses its comma and spaces */
  g_assert_true (cf_case_set_claim_span (kase, second, strike - 3, strike + 24, &error));
  g_assert_no_error (error);
  claim = cf_case_get_claim (kase, second, &error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "“the strike was staged,”");
  g_assert_cmpint (cf_claim_get_start (claim), ==, strike - 1);

  /* the first claim's words with a space more are the first claim's span */
  g_assert_false (cf_case_set_claim_span (kase, second, strike, strike + 11, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DUPLICATE);
  named = g_strdup_printf ("#%" G_GINT64_FORMAT, first);
  g_assert_nonnull (strstr (error->message, named));
  g_clear_error (&error);
  g_assert_cmpstr (cf_claim_get_quote (claim), ==, "“the strike was staged,”");

  /* only punctuation is refused; the claim's own span (with a space) is kept */
  g_assert_false (cf_case_set_claim_span (kase, second, strike - 3, strike - 1, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_case_set_claim_span (kase, first, strike, strike + 11, &error));
  g_assert_no_error (error);
}

static void
test_duplicate_refused_by_cli (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *doc = NULL;
  g_autofree char *first = NULL;

  cf_test_cli_case_init (&f);
  doc = cf_test_cli_case_with_document (&f);
  first = cf_test_cli_add_claim (&f, doc, "the harbour master said");
  cf_test_run_cli (&run, "claim", "add", f.case_path, "--document", doc,
                   "--quote", "the harbour master said");
  cf_test_assert_cli_error (&run, 1);
  g_assert_nonnull (strstr (run.err, "already claim"));
  g_assert_nonnull (strstr (run.err, first));
}

static void
test_tag_path_created_once (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("tags.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTag) tag = NULL;
  gint64 leaf = cf_case_ensure_tag_path (kase, "Attribution/Ukraine", &error);
  gint64 parent;

  g_assert_no_error (error);
  g_assert_cmpint (leaf, >, 0);
  tag = cf_case_get_tag (kase, leaf, &error);
  g_assert_cmpstr (cf_tag_get_name (tag), ==, "Ukraine");
  parent = cf_case_find_tag (kase, "Attribution");
  g_assert_cmpint (parent, >, 0);
  g_assert_cmpint (cf_tag_get_parent_id (tag), ==, parent);

  /* found again (any case, spaces around the slash), a sibling under the same parent */
  g_assert_cmpint (cf_case_ensure_tag_path (kase, "attribution / UKRAINE", &error), ==, leaf);
  g_assert_cmpint (cf_case_ensure_tag_path (kase, "Attribution/Russia", &error), >, leaf);
  g_assert_cmpint (cf_case_find_tag (kase, "Attribution/Russia"), >, 0);
  g_assert_no_error (error);

  /* one change: undo takes the whole new path back */
  g_assert_cmpint (cf_case_ensure_tag_path (kase, "Method/Drone/Quadcopter", &error), >, 0);
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_cmpint (cf_case_find_tag (kase, "Method"), ==, 0);
}

static void
test_tag_path_empty_part_refused (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("badtags.casefile");
  const char *bad[] = { "A//B", "/A", "A/", " / " };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (cf_case_ensure_tag_path (kase, bad[i], &error), ==, 0);
      g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
    }
  g_assert_cmpint (cf_case_find_tag (kase, "A"), ==, 0);
}

static void
test_tag_path_by_cli (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *doc = NULL;
  g_autofree char *claim = NULL;
  g_autoptr(JsonObject) tag = NULL;

  cf_test_cli_case_init (&f);
  doc = cf_test_cli_case_with_document (&f);
  cf_test_run_ok (&run, "tag", "add", f.case_path, "Attack/Drone", "--color", "#99c1f1");
  tag = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (tag, "name"), ==, "Drone");
  g_assert_false (json_object_get_null_member (tag, "parent_id"));
  g_assert_cmpstr (json_object_get_string_member (tag, "color"), ==, "#99c1f1");

  claim = cf_test_cli_add_claim (&f, doc, "the harbour master said");
  cf_test_run_ok (&run, "claim", "tag", f.case_path, claim, "Attack/Drone");

  cf_test_run_cli (&run, "tag", "add", f.case_path, "attack/drone");
  cf_test_assert_cli_error (&run, 1);
}

static void
test_hypothesis_number_stripped (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("hyp.casefile");
  struct { const char *typed, *kept; } cases[] = {
    { "H1: Russia staged it", "Russia staged it" },
    { "H2 - Ukraine attacked", "Ukraine attacked" },
    { "h 3. An accident", "An accident" },
    { "H4) Someone else", "Someone else" },
    { "H5 Nobody", "Nobody" },
    { "H2O contamination", "H2O contamination" },
    { "H5N1 outbreak", "H5N1 outbreak" },
    { "Hamas did it", "Hamas did it" },
    { "H1", "H1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfHypothesis) h = NULL;
      gint64 id = cf_case_add_hypothesis (kase, cases[i].typed, NULL, &error);

      g_assert_no_error (error);
      h = cf_case_get_hypothesis (kase, id, &error);
      g_assert_cmpstr (cf_hypothesis_get_title (h), ==, cases[i].kept);

      /* renaming goes through the same rule */
      g_assert_true (cf_case_set_hypothesis_title (kase, id, cases[i].typed, &error));
      g_assert_cmpstr (cf_hypothesis_get_title (h), ==, cases[i].kept);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/claim-rules/trim/comma-and-space", test_trim_comma_and_space);
  g_test_add_func ("/claim-rules/trim/unbalanced-marks", test_trim_unbalanced_marks);
  g_test_add_func ("/claim-rules/trim/offsets-move-inward", test_trim_keeps_span_offsets);
  g_test_add_func ("/claim-rules/trim/only-punctuation-refused", test_only_punctuation_refused);
  g_test_add_func ("/claim-rules/duplicate/refused-naming-claim", test_duplicate_refused_naming_claim);
  g_test_add_func ("/claim-rules/duplicate/refused-by-cli", test_duplicate_refused_by_cli);
  g_test_add_func ("/claim-rules/span/same-rules-as-marking", test_set_span_same_rules);
  g_test_add_func ("/claim-rules/tag-path/created-once", test_tag_path_created_once);
  g_test_add_func ("/claim-rules/tag-path/empty-part-refused", test_tag_path_empty_part_refused);
  g_test_add_func ("/claim-rules/tag-path/cli", test_tag_path_by_cli);
  g_test_add_func ("/claim-rules/hypothesis/number-stripped", test_hypothesis_number_stripped);

  return g_test_run ();
}
