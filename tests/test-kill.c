/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Killing Casefile at any moment loses no committed edit and leaves no damaged file.
 * A child (crash-child) edits a case and reports every edit it has committed; we
 * SIGKILL it at a random moment, open the case as the user would next time and
 * require it to be sound and to hold every reported edit. The one edit in flight at
 * the kill may or may not be there, but never half of it.
 *
 * CASEFILE_KILL_ROUNDS sets the number of rounds (25 by default). */

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-record-list.h"
#include "cf-test-util.h"

typedef struct
{
  gint64      doc;
  char       *paraphrase;
  char       *grade;
  char       *actor;
  GHashTable *tags;   /* set of tag ids (gint64 *) */
  gboolean    alive;
} ExpClaim;

typedef struct
{
  char     *body;
  gint64    claim;    /* 0: a case note */
  gboolean  alive;
} ExpNote;

typedef struct
{
  char     *title;
  gboolean  alive;
} ExpDoc;

/* What the case must hold, built from the children's reports. */
typedef struct
{
  GHashTable *claims;     /* id -> ExpClaim */
  GHashTable *notes;      /* id -> ExpNote */
  GHashTable *docs;       /* id -> ExpDoc */
  GHashTable *tags;       /* id -> name */
  GHashTable *hyps;       /* id -> title */
  GHashTable *relations;  /* "claim/hyp" -> GINT_TO_POINTER (relation) */
} Model;

typedef struct
{
  guint rounds;
  guint committed;
  guint in_flight_landed;
  guint in_flight_lost;
  guint hot_journals;
  guint quiet_rounds;   /* killed before the first commit */
} Stats;

static gint64 *
key_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
exp_claim_free (gpointer data)
{
  ExpClaim *c = data;

  g_free (c->paraphrase);
  g_free (c->grade);
  g_free (c->actor);
  g_hash_table_unref (c->tags);
  g_free (c);
}

static void
exp_note_free (gpointer data)
{
  ExpNote *n = data;

  g_free (n->body);
  g_free (n);
}

static void
exp_doc_free (gpointer data)
{
  ExpDoc *d = data;

  g_free (d->title);
  g_free (d);
}

static void
model_init (Model *m)
{
  m->claims = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, exp_claim_free);
  m->notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, exp_note_free);
  m->docs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, exp_doc_free);
  m->tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m->hyps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
model_clear (Model *m)
{
  g_clear_pointer (&m->claims, g_hash_table_unref);
  g_clear_pointer (&m->notes, g_hash_table_unref);
  g_clear_pointer (&m->docs, g_hash_table_unref);
  g_clear_pointer (&m->tags, g_hash_table_unref);
  g_clear_pointer (&m->hyps, g_hash_table_unref);
  g_clear_pointer (&m->relations, g_hash_table_unref);
}

static char *
relation_key (gint64 claim,
              gint64 hyp)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, claim, hyp);
}

static void
model_kill_claim (Model    *m,
                  ExpClaim *claim,
                  gint64    claim_id)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT "/", claim_id);

  claim->alive = FALSE;
  g_hash_table_iter_init (&iter, m->notes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ExpNote *n = value;

      if (n->claim == claim_id)
        n->alive = FALSE;
    }
  g_hash_table_iter_init (&iter, m->relations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
}

static ExpClaim *
model_claim (Model  *m,
             gint64  id)
{
  ExpClaim *c = g_hash_table_lookup (m->claims, &id);

  if (c == NULL)
    g_error ("the child reported an edit of claim %" G_GINT64_FORMAT
             " that it never reported adding", id);
  return c;
}

/* Applies one "committed <kind> <id> <marker>" report. */
static void
model_apply (Model      *m,
             const char *kind,
             gint64      id,
             const char *marker)
{
  g_auto(GStrv) parts = g_strsplit (marker, "/", -1);

  if (g_str_equal (kind, "claim"))
    {
      ExpClaim *c = g_new0 (ExpClaim, 1);

      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      c->paraphrase = g_strdup (parts[0]);
      c->doc = g_ascii_strtoll (parts[1], NULL, 10);
      c->grade = g_strdup (parts[2]);
      c->actor = g_strdup (parts[3]);
      c->tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      c->alive = TRUE;
      g_hash_table_insert (m->claims, key_new (id), c);
    }
  else if (g_str_equal (kind, "rate"))
    {
      ExpClaim *c = model_claim (m, id);

      g_free (c->grade);
      c->grade = g_strdup (marker);
    }
  else if (g_str_equal (kind, "tag"))
    {
      gint64 claim_id;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      claim_id = g_ascii_strtoll (parts[1], NULL, 10);
      g_hash_table_insert (m->tags, key_new (id), g_strdup (parts[0]));
      g_hash_table_add (model_claim (m, claim_id)->tags, key_new (id));
    }
  else if (g_str_equal (kind, "note"))
    {
      ExpNote *n = g_new0 (ExpNote, 1);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      n->body = g_strdup (parts[0]);
      n->claim = g_ascii_strtoll (parts[1], NULL, 10);
      n->alive = TRUE;
      g_hash_table_insert (m->notes, key_new (id), n);
    }
  else if (g_str_equal (kind, "hypothesis"))
    g_hash_table_insert (m->hyps, key_new (id), g_strdup (marker));
  else if (g_str_equal (kind, "relation"))
    {
      gint64 hyp;
      int rel;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      hyp = g_ascii_strtoll (parts[0], NULL, 10);
      rel = atoi (parts[1]);
      if (rel == CF_RELATION_NONE)
        {
          g_autofree char *key = relation_key (id, hyp);

          g_hash_table_remove (m->relations, key);
        }
      else
        g_hash_table_insert (m->relations, relation_key (id, hyp), GINT_TO_POINTER (rel));
    }
  else if (g_str_equal (kind, "delete-claim"))
    model_kill_claim (m, model_claim (m, id), id);
  else if (g_str_equal (kind, "delete-note"))
    {
      ExpNote *n = g_hash_table_lookup (m->notes, &id);

      if (n)
        n->alive = FALSE;
    }
  else if (g_str_equal (kind, "document"))
    {
      ExpDoc *d = g_new0 (ExpDoc, 1);

      d->title = g_strdup (marker);
      d->alive = TRUE;
      g_hash_table_insert (m->docs, key_new (id), d);
    }
  else if (g_str_equal (kind, "delete-document"))
    {
      GHashTableIter iter;
      gpointer key, value;
      ExpDoc *d = g_hash_table_lookup (m->docs, &id);

      g_assert_nonnull (d);
      d->alive = FALSE;
      g_hash_table_iter_init (&iter, m->claims);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ExpClaim *c = value;

          if (c->alive && c->doc == id)
            model_kill_claim (m, c, *(gint64 *) key);
        }
    }
  else
    g_error ("unknown report kind %s", kind);
}

static gboolean
is_missing (GError *error)
{
  return g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD);
}

/* Decides whether the edit in flight at the kill reached the file, and if so records
 * it like a reported one. Only whole edits count: a half-applied one fails the
 * checks that follow. */
static gboolean
resolve_in_flight (Model      *m,
                   CfCase     *c,
                   const char *kind,
                   gint64      id,
                   const char *marker)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (marker, "/", -1);
  gint64 found = 0;

  if (g_str_equal (kind, "claim"))
    {
      g_autoptr(GListModel) claims = cf_case_list_claims (c);

      for (guint i = 0; i < g_list_model_get_n_items (claims) && !found; i++)
        {
          g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);

          if (g_strcmp0 (cf_claim_get_paraphrase (claim), parts[0]) == 0)
            found = cf_claim_get_id (claim);
        }
    }
  else if (g_str_equal (kind, "rate"))
    {
      g_autoptr(CfClaim) claim = cf_case_get_claim (c, id, &error);

      g_assert_no_error (error);
      found = g_str_equal (cf_claim_get_grade (claim), marker) ? id : 0;
    }
  else if (g_str_equal (kind, "tag"))
    found = cf_case_find_tag (c, parts[0]);
  else if (g_str_equal (kind, "note"))
    {
      gint64 claim = g_ascii_strtoll (parts[1], NULL, 10);
      g_autoptr(GListModel) notes =
        cf_case_list_notes (c, claim ? CF_NOTE_TARGET_CLAIM : CF_NOTE_TARGET_CASE, claim);

      for (guint i = 0; i < g_list_model_get_n_items (notes) && !found; i++)
        {
          g_autoptr(CfNote) note = g_list_model_get_item (notes, i);

          if (g_strcmp0 (cf_note_get_body (note), parts[0]) == 0)
            found = cf_note_get_id (note);
        }
    }
  else if (g_str_equal (kind, "hypothesis"))
    {
      g_autoptr(GListModel) hyps = cf_case_list_hypotheses (c);

      for (guint i = 0; i < g_list_model_get_n_items (hyps) && !found; i++)
        {
          g_autoptr(CfHypothesis) h = g_list_model_get_item (hyps, i);

          if (g_strcmp0 (cf_hypothesis_get_title (h), marker) == 0)
            found = cf_hypothesis_get_id (h);
        }
    }
  else if (g_str_equal (kind, "relation"))
    {
      gint64 hyp = g_ascii_strtoll (parts[0], NULL, 10);

      found = (int) cf_case_get_claim_relation (c, id, hyp) == atoi (parts[1]) ? id : 0;
    }
  else if (g_str_equal (kind, "delete-claim"))
    {
      g_autoptr(CfClaim) claim = cf_case_get_claim (c, id, &error);

      found = is_missing (error) ? id : 0;
    }
  else if (g_str_equal (kind, "delete-note"))
    {
      g_autoptr(CfNote) note = cf_case_get_note (c, id, &error);

      found = is_missing (error) ? id : 0;
    }
  else if (g_str_equal (kind, "document"))
    {
      g_autoptr(GListModel) docs = cf_case_list_documents (c);

      for (guint i = 0; i < g_list_model_get_n_items (docs) && !found; i++)
        {
          g_autoptr(CfDocument) d = g_list_model_get_item (docs, i);

          if (g_strcmp0 (cf_document_get_title (d), marker) == 0)
            found = cf_document_get_id (d);
        }
    }
  else if (g_str_equal (kind, "delete-document"))
    {
      g_autoptr(CfDocument) d = cf_case_get_document (c, id, &error);

      found = is_missing (error) ? id : 0;
    }
  else
    g_error ("unknown intent kind %s", kind);

  if (found)
    model_apply (m, kind, found, marker);
  return found != 0;
}

static gboolean
claim_tags_match (CfClaim    *claim,
                  GHashTable *expected)
{
  guint n = 0;
  const gint64 *ids = cf_claim_get_tag_ids (claim, &n);

  if (n != g_hash_table_size (expected))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (expected, &ids[i]))
      return FALSE;
  return TRUE;
}

static guint
list_length (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  g_object_unref (list);
  return n;
}

/* Everything the reports promise is in the case, and nothing else. */
static void
model_verify (Model  *m,
              CfCase *c)
{
  GHashTableIter iter;
  gpointer key, value;
  guint alive_claims = 0, alive_docs = 0, case_notes = 0;
  g_autoptr(GList) hyps = g_hash_table_get_keys (m->hyps);

  g_hash_table_iter_init (&iter, m->claims);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ExpClaim *exp = value;
      gint64 id = *(gint64 *) key;
      g_autoptr(GError) error = NULL;
      g_autoptr(CfClaim) claim = cf_case_get_claim (c, id, &error);

      if (!exp->alive)
        {
          if (!is_missing (error))
            g_error ("claim %" G_GINT64_FORMAT " was deleted but is still there", id);
          continue;
        }
      alive_claims++;
      if (claim == NULL)
        g_error ("committed claim %" G_GINT64_FORMAT " is lost: %s", id, error->message);
      g_assert_cmpint (cf_claim_get_document_id (claim), ==, exp->doc);
      g_assert_cmpstr (cf_claim_get_paraphrase (claim), ==, exp->paraphrase);
      g_assert_cmpstr (cf_claim_get_grade (claim), ==, exp->grade);
      g_assert_cmpstr (cf_claim_get_actor_name (claim), ==, exp->actor);
      g_assert_true (claim_tags_match (claim, exp->tags));

      for (GList *l = hyps; l; l = l->next)
        {
          gint64 hyp = *(gint64 *) l->data;
          g_autofree char *rkey = relation_key (id, hyp);
          int rel = GPOINTER_TO_INT (g_hash_table_lookup (m->relations, rkey));

          g_assert_cmpint (cf_case_get_claim_relation (c, id, hyp), ==, rel);
        }
    }

  g_hash_table_iter_init (&iter, m->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ExpNote *exp = value;
      gint64 id = *(gint64 *) key;
      g_autoptr(GError) error = NULL;
      g_autoptr(CfNote) note = cf_case_get_note (c, id, &error);

      if (!exp->alive)
        {
          if (!is_missing (error))
            g_error ("note %" G_GINT64_FORMAT " was deleted but is still there", id);
          continue;
        }
      if (note == NULL)
        g_error ("committed note %" G_GINT64_FORMAT " is lost: %s", id, error->message);
      g_assert_cmpstr (cf_note_get_body (note), ==, exp->body);
      if (exp->claim == 0)
        case_notes++;
    }

  g_hash_table_iter_init (&iter, m->docs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ExpDoc *exp = value;
      gint64 id = *(gint64 *) key;
      g_autoptr(GError) error = NULL;
      g_autoptr(CfDocument) doc = cf_case_get_document (c, id, &error);

      if (!exp->alive)
        {
          if (!is_missing (error))
            g_error ("document %" G_GINT64_FORMAT " was deleted but is still there", id);
          continue;
        }
      alive_docs++;
      if (doc == NULL)
        g_error ("committed document %" G_GINT64_FORMAT " is lost: %s", id, error->message);
      g_assert_cmpstr (cf_document_get_title (doc), ==, exp->title);
    }

  g_hash_table_iter_init (&iter, m->tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfTag) tag = cf_case_get_tag (c, *(gint64 *) key, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cf_tag_get_name (tag), ==, value);
    }

  g_hash_table_iter_init (&iter, m->hyps);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfHypothesis) h = cf_case_get_hypothesis (c, *(gint64 *) key, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cf_hypothesis_get_title (h), ==, value);
    }

  /* Nothing half-done or unreported slipped in. */
  g_assert_cmpuint (list_length (cf_case_list_claims (c)), ==, alive_claims);
  g_assert_cmpuint (list_length (cf_case_list_documents (c)), ==, alive_docs);
  g_assert_cmpuint (list_length (cf_case_list_notes (c, CF_NOTE_TARGET_CASE, 0)), ==, case_notes);
  g_assert_cmpuint (list_length (cf_case_list_tags (c)), ==, g_hash_table_size (m->tags));
  g_assert_cmpuint (list_length (cf_case_list_hypotheses (c)), ==, g_hash_table_size (m->hyps));
}

/* One round: start the child, kill it, check the case. */
static void
run_round (Model       *m,
           const char  *child_path,
           const char  *case_path,
           guint        round,
           Stats       *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int_range (1, G_MAXINT32));
  g_autofree char *journal = g_strconcat (case_path, "-journal", NULL);
  g_autofree char *intent_kind = NULL;
  g_autofree char *intent_marker = NULL;
  gint64 intent_id = 0;
  guint committed = 0;
  gint delay_ms = g_test_rand_int_range (5, 81);
  char *line;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            child_path, case_path, seed, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  /* Every other round the clock starts once the case is open, so that kills land
   * among edits even where starting up takes most of the delay (sanitizers). */
  if (round % 2 == 1)
    {
      g_autofree char *ready = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (ready == NULL)
        g_error ("crash-child ended before opening the case");
      g_assert_cmpstr (ready, ==, "ready");
    }
  g_usleep (delay_ms * 1000);
  g_subprocess_send_signal (child, SIGKILL);

  while ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL)
    {
      g_auto(GStrv) f = g_strsplit (line, " ", 4);

      g_free (line);
      if (g_strv_length (f) != 4)
        continue;  /* "ready" */
      if (g_str_equal (f[0], "intent"))
        {
          g_free (intent_kind);
          g_free (intent_marker);
          intent_kind = g_strdup (f[1]);
          intent_id = g_ascii_strtoll (f[2], NULL, 10);
          intent_marker = g_strdup (f[3]);
        }
      else if (g_str_equal (f[0], "committed"))
        {
          g_assert_cmpstr (f[1], ==, intent_kind);
          model_apply (m, f[1], g_ascii_strtoll (f[2], NULL, 10), f[3]);
          g_clear_pointer (&intent_kind, g_free);
          committed++;
        }
      else if (g_str_equal (f[0], "abandoned"))
        g_clear_pointer (&intent_kind, g_free);
    }
  g_assert_no_error (error);

  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_signaled (child))
    g_error ("crash-child ended by itself (status %d) instead of being killed; "
             "see its message above", g_subprocess_get_exit_status (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    stats->hot_journals++;

  c = cf_case_open (case_path, CF_CASE_OPEN_DEFAULT, &error);
  if (c == NULL)
    g_error ("round %u: the case does not open after a kill %d ms in: %s",
             round, delay_ms, error->message);
  cf_test_assert_case_sound (c);
  if (intent_kind != NULL)
    {
      if (resolve_in_flight (m, c, intent_kind, intent_id, intent_marker))
        stats->in_flight_landed++;
      else
        stats->in_flight_lost++;
    }
  model_verify (m, c);
  cf_case_close (c);

  stats->rounds++;
  stats->committed += committed;
  if (committed == 0)
    stats->quiet_rounds++;
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *child_path = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *case_path = NULL;
  const char *env = g_getenv ("CASEFILE_KILL_ROUNDS");
  guint rounds = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 25;
  Stats stats = { 0 };
  Model m;

  if (!g_file_test (child_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip_printf ("crash-child is not built at %s", child_path);
      return;
    }

  model_init (&m);
  dir = g_dir_make_tmp ("casefile-kill-XXXXXX", &error);
  g_assert_no_error (error);
  case_path = g_build_filename (dir, "killed.casefile", NULL);

  {
    g_autoptr(CfCase) c = cf_case_create (case_path, "Kill", &error);
    g_autofree char *text = cf_test_make_text (3, 3000);
    gint64 id;

    g_assert_no_error (error);
    id = cf_case_import_text (c, "Base report", text, &error);
    g_assert_no_error (error);
    model_apply (&m, "document", id, "Base report");
    cf_case_close (c);
  }

  for (guint round = 0; round < rounds; round++)
    run_round (&m, child_path, case_path, round, &stats);

  g_test_message ("kill: %u rounds, %u committed edits verified, %u rounds killed before "
                  "any commit, %u hot journals rolled back, in-flight edits: %u landed, "
                  "%u did not", stats.rounds, stats.committed, stats.quiet_rounds,
                  stats.hot_journals, stats.in_flight_landed, stats.in_flight_lost);
  g_assert_cmpuint (stats.committed, >, 0);

  model_clear (&m);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/kill/random-moments", test_kill);
  return g_test_run ();
}
