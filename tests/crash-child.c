/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The victim of test-kill: opens a case and edits it in a loop until it is killed.
 * Before each edit it prints "intent <kind> <id> <marker>", after the edit has
 * returned successfully "committed <kind> <id> <marker>", each line flushed at once,
 * so the parent knows what must have reached the file and which one edit may or
 * may not have. "abandoned" withdraws an intent that turned out to have nothing to do.
 *
 *   crash-child CASE SEED */

#include <stdio.h>
#include <stdlib.h>

#include "cf-case.h"
#include "cf-record-list.h"

typedef struct
{
  gint64 id;
  gint64 doc;
} ClaimRef;

typedef struct
{
  CfCase *c;
  GRand  *rand;
  guint   seed;
  guint   serial;
  GArray *docs;        /* gint64 ids */
  GArray *own_docs;    /* documents this run added: the ones it may delete */
  GArray *claims;      /* ClaimRef */
  GArray *notes;       /* ids of case notes and of this run's claim notes */
  GArray *hypotheses;  /* gint64 ids */
} Child;

static const char *actors[] = { "Ministry", "Witnesses", "ISW", "Officials", "Agency" };
static const char *words[] = {
  "drone", "kremlin", "officials", "statement", "ministry", "attack", "reported",
  "witnesses", "footage", "analysts", "claimed", "denied", "sources", "night",
  "explosion", "government", "spokesman", "agency", "confirmed", "unverified",
  "dome", "senate", "palace", "video", "smoke", "interceptor", "radar", "border",
};

static void
say (const char *verb,
     const char *kind,
     gint64      id,
     const char *marker)
{
  printf ("%s %s %" G_GINT64_FORMAT " %s\n", verb, kind, id, marker);
  fflush (stdout);
}

static G_NORETURN void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "crash-child: %s failed: %s\n", what, error ? error->message : "?");
  exit (3);
}

static char *
next_marker (Child *ch)
{
  return g_strdup_printf ("s%u-%u", ch->seed, ++ch->serial);
}

static gint64
array_pick (Child  *ch,
            GArray *array,
            guint  *index)
{
  guint i = g_rand_int_range (ch->rand, 0, array->len);

  if (index)
    *index = i;
  return g_array_index (array, gint64, i);
}

static void
array_remove_value (GArray *array,
                    gint64  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == value)
      {
        g_array_remove_index_fast (array, i);
        return;
      }
}

static char *
random_text (Child *ch,
             guint  n_words)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (s, words[g_rand_int_range (ch->rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (s, (i % 15 == 14) ? '\n' : ' ');
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static void
load_state (Child *ch)
{
  g_autoptr(GListModel) docs = cf_case_list_documents (ch->c);
  g_autoptr(GListModel) claims = cf_case_list_claims (ch->c);
  g_autoptr(GListModel) notes = cf_case_list_notes (ch->c, CF_NOTE_TARGET_CASE, 0);
  g_autoptr(GListModel) hyps = cf_case_list_hypotheses (ch->c);

  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(CfDocument) d = g_list_model_get_item (docs, i);
      gint64 id = cf_document_get_id (d);

      g_array_append_val (ch->docs, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CfClaim) cl = g_list_model_get_item (claims, i);
      ClaimRef ref = { cf_claim_get_id (cl), cf_claim_get_document_id (cl) };

      g_array_append_val (ch->claims, ref);
    }
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CfNote) n = g_list_model_get_item (notes, i);
      gint64 id = cf_note_get_id (n);

      g_array_append_val (ch->notes, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (hyps); i++)
    {
      g_autoptr(CfHypothesis) h = g_list_model_get_item (hyps, i);
      gint64 id = cf_hypothesis_get_id (h);

      g_array_append_val (ch->hypotheses, id);
    }
}

static void
add_claim (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDocument) doc = NULL;
  g_autofree char *marker = next_marker (ch);
  g_autofree char *grade = NULL;
  g_autofree char *line = NULL;
  CfReliability rel = g_rand_int_range (ch->rand, CF_RELIABILITY_A, CF_RELIABILITY_LAST + 1);
  CfCredibility cred = g_rand_int_range (ch->rand, CF_CREDIBILITY_1, CF_CREDIBILITY_LAST + 1);
  const char *actor = actors[g_rand_int_range (ch->rand, 0, G_N_ELEMENTS (actors))];
  gint64 doc_id = array_pick (ch, ch->docs, NULL);
  gint len, start, end, span;
  ClaimRef ref;

  doc = cf_case_get_document (ch->c, doc_id, &error);
  if (doc == NULL)
    die ("get document", error);
  len = cf_document_get_length (doc);
  if (len < 2)
    return;
  start = g_rand_int_range (ch->rand, 0, len - 1);
  /* MIN() evaluates its arguments twice: draw the length first */
  span = g_rand_int_range (ch->rand, 1, 120);
  end = MIN (len, start + span);

  grade = cf_rating_format_grade (rel, cred);
  line = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%s/%s", marker, doc_id, grade, actor);
  say ("intent", "claim", 0, line);

  cf_case_begin_action (ch->c, "Add claim");
  ref.id = cf_case_add_claim (ch->c, doc_id, start, end, NULL, &error);
  /* a random span may hold only spaces and punctuation, or be one already marked:
   * marking refuses both, and nothing is written */
  if (ref.id == 0
      && (g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID)
          || g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_DUPLICATE)))
    {
      cf_case_cancel_action (ch->c);
      say ("abandoned", "claim", 0, line);
      return;
    }
  if (ref.id == 0
      || !cf_case_set_claim_paraphrase (ch->c, ref.id, marker, &error)
      || !cf_case_set_claim_reliability (ch->c, ref.id, rel, &error)
      || !cf_case_set_claim_credibility (ch->c, ref.id, cred, &error)
      || !cf_case_set_claim_actor_name (ch->c, ref.id, actor, &error)
      || !cf_case_end_action (ch->c, &error))
    die ("add claim", error);
  ref.doc = doc_id;
  g_array_append_val (ch->claims, ref);
  say ("committed", "claim", ref.id, line);
}

static ClaimRef *
pick_claim (Child *ch,
            guint *index)
{
  guint i;

  if (ch->claims->len == 0)
    return NULL;
  i = g_rand_int_range (ch->rand, 0, ch->claims->len);
  if (index)
    *index = i;
  return &g_array_index (ch->claims, ClaimRef, i);
}

static void
rate_claim (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *grade = NULL;
  CfReliability rel = g_rand_int_range (ch->rand, CF_RELIABILITY_A, CF_RELIABILITY_LAST + 1);
  CfCredibility cred = g_rand_int_range (ch->rand, CF_CREDIBILITY_1, CF_CREDIBILITY_LAST + 1);
  ClaimRef *claim = pick_claim (ch, NULL);

  if (claim == NULL)
    return;
  grade = cf_rating_format_grade (rel, cred);
  say ("intent", "rate", claim->id, grade);
  cf_case_begin_action (ch->c, "Rate claim");
  if (!cf_case_set_claim_reliability (ch->c, claim->id, rel, &error)
      || !cf_case_set_claim_credibility (ch->c, claim->id, cred, &error)
      || !cf_case_end_action (ch->c, &error))
    die ("rate claim", error);
  say ("committed", "rate", claim->id, grade);
}

static void
tag_claim (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = next_marker (ch);
  g_autofree char *line = NULL;
  ClaimRef *claim = pick_claim (ch, NULL);
  gint64 tag;

  if (claim == NULL)
    return;
  line = g_strdup_printf ("%s/%" G_GINT64_FORMAT, marker, claim->id);
  say ("intent", "tag", 0, line);
  cf_case_begin_action (ch->c, "Tag claim");
  tag = cf_case_add_tag (ch->c, marker, 0, NULL, &error);
  if (tag == 0
      || !cf_case_add_claim_tag (ch->c, claim->id, tag, &error)
      || !cf_case_end_action (ch->c, &error))
    die ("tag claim", error);
  say ("committed", "tag", tag, line);
}

static void
add_note (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = next_marker (ch);
  g_autofree char *line = NULL;
  ClaimRef *claim = g_rand_boolean (ch->rand) ? pick_claim (ch, NULL) : NULL;
  gint64 claim_id = claim ? claim->id : 0;
  gint64 id;

  line = g_strdup_printf ("%s/%" G_GINT64_FORMAT, marker, claim_id);
  say ("intent", "note", 0, line);
  id = cf_case_add_note (ch->c, claim ? CF_NOTE_TARGET_CLAIM : CF_NOTE_TARGET_CASE,
                         claim_id, marker, &error);
  if (id == 0)
    die ("add note", error);
  g_array_append_val (ch->notes, id);
  say ("committed", "note", id, line);
}

static void
add_hypothesis (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = next_marker (ch);
  gint64 id;

  if (ch->hypotheses->len >= 6)
    return;
  say ("intent", "hypothesis", 0, marker);
  id = cf_case_add_hypothesis (ch->c, marker, "a competing explanation", &error);
  if (id == 0)
    die ("add hypothesis", error);
  g_array_append_val (ch->hypotheses, id);
  say ("committed", "hypothesis", id, marker);
}

static void
relate_claim (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  ClaimRef *claim = pick_claim (ch, NULL);
  CfRelation rel = g_rand_int_range (ch->rand, CF_RELATION_NONE, CF_RELATION_LAST + 1);
  gint64 hyp;

  if (claim == NULL || ch->hypotheses->len == 0)
    return;
  hyp = array_pick (ch, ch->hypotheses, NULL);
  line = g_strdup_printf ("%" G_GINT64_FORMAT "/%d", hyp, rel);
  say ("intent", "relation", claim->id, line);
  if (!cf_case_set_claim_relation (ch->c, claim->id, hyp, rel, &error))
    die ("relate claim", error);
  say ("committed", "relation", claim->id, line);
}

static void
delete_claim (Child *ch)
{
  g_autoptr(GError) error = NULL;
  guint index;
  ClaimRef *claim = pick_claim (ch, &index);
  gint64 id;

  if (claim == NULL)
    return;
  id = claim->id;
  say ("intent", "delete-claim", id, "-");
  if (!cf_case_delete_claim (ch->c, id, &error))
    die ("delete claim", error);
  g_array_remove_index_fast (ch->claims, index);
  say ("committed", "delete-claim", id, "-");
}

static void
delete_note (Child *ch)
{
  g_autoptr(GError) error = NULL;
  guint index;
  gint64 id;

  if (ch->notes->len == 0)
    return;
  id = array_pick (ch, ch->notes, &index);
  say ("intent", "delete-note", id, "-");
  if (!cf_case_delete_note (ch->c, id, &error))
    {
      /* a claim note goes with its claim */
      if (g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD))
        {
          g_array_remove_index_fast (ch->notes, index);
          say ("abandoned", "delete-note", id, "-");
          return;
        }
      die ("delete note", error);
    }
  g_array_remove_index_fast (ch->notes, index);
  say ("committed", "delete-note", id, "-");
}

static void
add_document (Child *ch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = next_marker (ch);
  g_autofree char *text = random_text (ch, g_rand_int_range (ch->rand, 50, 1500));
  gint64 id;

  say ("intent", "document", 0, marker);
  id = cf_case_import_text (ch->c, marker, text, &error);
  if (id == 0)
    die ("import text", error);
  g_array_append_val (ch->docs, id);
  g_array_append_val (ch->own_docs, id);
  say ("committed", "document", id, marker);
}

static void
delete_document (Child *ch)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (ch->own_docs->len == 0)
    return;
  id = array_pick (ch, ch->own_docs, NULL);
  say ("intent", "delete-document", id, "-");
  if (!cf_case_delete_document (ch->c, id, &error))
    die ("delete document", error);
  array_remove_value (ch->own_docs, id);
  array_remove_value (ch->docs, id);
  for (guint i = ch->claims->len; i > 0; i--)
    if (g_array_index (ch->claims, ClaimRef, i - 1).doc == id)
      g_array_remove_index_fast (ch->claims, i - 1);
  say ("committed", "delete-document", id, "-");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  Child ch = { 0 };
  gint64 deadline;

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-child CASE SEED\n");
      return 2;
    }

  ch.seed = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  ch.rand = g_rand_new_with_seed (ch.seed);
  ch.docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  ch.own_docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  ch.claims = g_array_new (FALSE, FALSE, sizeof (ClaimRef));
  ch.notes = g_array_new (FALSE, FALSE, sizeof (gint64));
  ch.hypotheses = g_array_new (FALSE, FALSE, sizeof (gint64));

  ch.c = cf_case_open (argv[1], CF_CASE_OPEN_DEFAULT, &error);
  if (ch.c == NULL)
    die ("open", error);
  load_state (&ch);
  if (ch.docs->len == 0)
    die ("finding a document", NULL);
  printf ("ready\n");
  fflush (stdout);

  /* The parent kills us long before this; the bound only stops an orphan. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      guint r = g_rand_int_range (ch.rand, 0, 100);

      if (r < 25)
        add_claim (&ch);
      else if (r < 40)
        rate_claim (&ch);
      else if (r < 50)
        tag_claim (&ch);
      else if (r < 65)
        add_note (&ch);
      else if (r < 69)
        add_hypothesis (&ch);
      else if (r < 78)
        relate_claim (&ch);
      else if (r < 85)
        delete_claim (&ch);
      else if (r < 91)
        delete_note (&ch);
      else if (r < 97)
        add_document (&ch);
      else
        delete_document (&ch);
    }

  cf_case_close (ch.c);
  g_object_unref (ch.c);
  return 0;
}
