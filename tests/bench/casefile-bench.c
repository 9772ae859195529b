/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the case store does on a big case: 5,000 documents (about 50 MB of text),
 * 100,000 claims, 20,000 notes. Prints the time to create, to open, to list every
 * claim through the list model (and the same rows with the sqlite3 shell, for
 * scale), to search, the peak memory and the file size.
 *
 *   casefile-bench [-o FILE] [--documents N --claims N --notes N]
 *   casefile-bench --reuse FILE        measure an existing case
 *   casefile-bench --reuse FILE --search-only   only the searches
 *   casefile-bench --reuse FILE --list-rounds N [--shell]
 *                                      only the listing (beside the shell)
 *   casefile-bench --kill-rounds N     run the kill torture (test-kill) N rounds
 *   casefile-bench --import 5000 [--feed-items 50000]
 *                                      import pages and a feed end to end through
 *                                      the bulk path (reference: the per-file path)
 *   casefile-bench --claims 1000000 --documents 50000 --bulk
 *                                      a big case: the claims go in through SQL in
 *                                      one transaction
 *
 * Each figure is printed with its reference measured in the same run (the sqlite3
 * shell for listing), the ratio, the target and the load average, since the
 * machine is shared: the ratios are what count. Targets (issue 12): open of a file
 * Casefile last wrote < 50 ms, listing <= 1.5x the shell, core listing peak memory
 * < 50 MB. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-case-stamp.h"
#include "cf-record-list.h"

#define VOCABULARY_SIZE 30000

static char **vocabulary;

/* Made-up words, so that the full-text index sees a realistic spread of terms. */
static void
vocabulary_init (GRand *rand)
{
  static const char *syllables[] = {
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "dre", "gan", "hol", "ist",
    "jor", "kel", "mar", "nov", "pol", "quin", "rest", "sten", "tor", "ul", "vor",
    "wen", "yar", "zel", "ber", "cos", "dun", "fal", "gri", "hes", "ob", "an", "et",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  vocabulary = g_new0 (char *, VOCABULARY_SIZE + 1);
  for (guint i = 0; i < VOCABULARY_SIZE; )
    {
      GString *w = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 5);

      for (guint s = 0; s < n; s++)
        g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      if (g_hash_table_contains (seen, w->str))
        {
          g_string_free (w, TRUE);
          continue;
        }
      vocabulary[i] = g_string_free (w, FALSE);
      g_hash_table_add (seen, vocabulary[i]);
      i++;
    }
}

/* Roughly Zipf: rank r is drawn with probability about 1/r. */
static const char *
random_word (GRand *rand)
{
  double u = g_rand_double (rand);
  guint rank = (guint) (pow (VOCABULARY_SIZE, u)) - 1;

  return vocabulary[MIN (rank, VOCABULARY_SIZE - 1)];
}

static char *
random_text (GRand *rand,
             gsize  bytes)
{
  GString *s = g_string_sized_new (bytes + 64);
  guint in_sentence = 0;

  while (s->len < bytes)
    {
      const char *w = random_word (rand);

      if (in_sentence == 0)
        {
          g_string_append_c (s, g_ascii_toupper (w[0]));
          g_string_append (s, w + 1);
        }
      else
        g_string_append (s, w);
      in_sentence++;
      if (in_sentence > 8 && g_rand_int_range (rand, 0, 10) == 0)
        {
          g_string_append (s, g_rand_int_range (rand, 0, 6) == 0 ? ".\n\n" : ". ");
          in_sentence = 0;
        }
      else
        g_string_append_c (s, ' ');
    }
  return g_string_free (s, FALSE);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The 1-minute load average, printed beside each figure. */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

/* CPU time (user and system) of this process, or of its waited-for children, in ms:
 * on a shared machine the ratio of CPU times is steadier than that of wall times. */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* The peak resident memory since the start or since reset_peak_rss () (Linux's
 * VmHWM; elsewhere getrusage's peak, which cannot be reset). */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *hwm;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (hwm = strstr (status, "VmHWM:")) != NULL)
    return strtol (hwm + strlen ("VmHWM:"), NULL, 10);
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* So that the listing's peak is its own, not that of the full check before it. */
static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    {
      g_printerr ("casefile-bench: %s failed: %s\n", what, error ? error->message : "?");
      exit (1);
    }
}

/* Claims straight into the table in one transaction, for a case too big for the
 * per-claim API in reasonable time: the quote and its context cut from the stored
 * text (ASCII here, so bytes are characters), ratings as the API would store them. */
static void
bulk_claims (CfCase       *c,
             GRand        *rand,
             GArray       *doc_ids,
             guint         n_claims,
             const gint64 *actors,
             guint         n_actors,
             const gint64 *tags,
             guint         n_tags,
             GArray       *claim_ids)
{
  sqlite3 *db = _cf_case_get_db (c);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *text_stmt = NULL, *claim_stmt = NULL, *tag_stmt = NULL;
  const char *now = "2026-05-03T12:00:00Z";

  check (sqlite3_prepare_v2 (db, "SELECT text FROM documents WHERE id = ?1", -1, &text_stmt, NULL) == SQLITE_OK,
         NULL, "prepare");
  for (guint d = 0; d < doc_ids->len; d++)
    {
      sqlite3_bind_int64 (text_stmt, 1, g_array_index (doc_ids, gint64, d));
      check (sqlite3_step (text_stmt) == SQLITE_ROW, NULL, "read text");
      g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (text_stmt, 0)));
      sqlite3_reset (text_stmt);
    }
  sqlite3_finalize (text_stmt);

  check (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK, NULL, "begin");
  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO claims (document_id, start_offset, end_offset, quote, prefix,"
                             " suffix, actor_id, reliability, credibility, likelihood, created, modified)"
                             " VALUES (?1, ?2, ?3, substr (?4, ?2 + 1, ?3 - ?2),"
                             " substr (?4, max (1, ?2 - 31), min (32, ?2)), substr (?4, ?3 + 1, 32),"
                             " ?5, ?6, ?7, ?8, ?9, ?9)", -1, &claim_stmt, NULL) == SQLITE_OK,
         NULL, "prepare claims");
  check (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?1, ?2)",
                             -1, &tag_stmt, NULL) == SQLITE_OK, NULL, "prepare tags");
  for (guint i = 0; i < n_claims; i++)
    {
      guint d = g_rand_int_range (rand, 0, doc_ids->len);
      const char *text = texts->pdata[d];
      gint len = strlen (text);
      gint start = g_rand_int_range (rand, 0, MAX (1, len - 40));
      /* drawn before MIN(), which would draw a second number past the end */
      gint span = g_rand_int_range (rand, 20, 300);
      gint end = MIN (len, start + span);
      gint64 id;

      sqlite3_bind_int64 (claim_stmt, 1, g_array_index (doc_ids, gint64, d));
      sqlite3_bind_int (claim_stmt, 2, start);
      sqlite3_bind_int (claim_stmt, 3, end);
      sqlite3_bind_text (claim_stmt, 4, text, len, SQLITE_STATIC);
      if (g_rand_int_range (rand, 0, 10) < 7)
        sqlite3_bind_int64 (claim_stmt, 5, actors[g_rand_int_range (rand, 0, n_actors)]);
      else
        sqlite3_bind_null (claim_stmt, 5);
      if (g_rand_int_range (rand, 0, 10) < 8)
        {
          char grade[2] = { "ABCDEF"[g_rand_int_range (rand, 0, 6)], 0 };

          sqlite3_bind_text (claim_stmt, 6, grade, 1, SQLITE_TRANSIENT);
          sqlite3_bind_int (claim_stmt, 7, g_rand_int_range (rand, 1, 7));
        }
      else
        {
          sqlite3_bind_null (claim_stmt, 6);
          sqlite3_bind_null (claim_stmt, 7);
        }
      if (g_rand_int_range (rand, 0, 10) < 3)
        sqlite3_bind_int (claim_stmt, 8, g_rand_int_range (rand, 1, 8));
      else
        sqlite3_bind_null (claim_stmt, 8);
      sqlite3_bind_text (claim_stmt, 9, now, -1, SQLITE_STATIC);
      check (sqlite3_step (claim_stmt) == SQLITE_DONE, NULL, sqlite3_errmsg (db));
      sqlite3_reset (claim_stmt);
      id = sqlite3_last_insert_rowid (db);
      g_array_append_val (claim_ids, id);
      for (guint t = g_rand_int_range (rand, 0, 3); t > 0; t--)
        {
          sqlite3_bind_int64 (tag_stmt, 1, id);
          sqlite3_bind_int64 (tag_stmt, 2, tags[g_rand_int_range (rand, 0, n_tags)]);
          check (sqlite3_step (tag_stmt) == SQLITE_DONE, NULL, sqlite3_errmsg (db));
          sqlite3_reset (tag_stmt);
        }
    }
  sqlite3_finalize (claim_stmt);
  sqlite3_finalize (tag_stmt);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK, NULL, "commit claims");
}

static gboolean bulk;
static gboolean search_only;
static int doc_bytes = 10000;

static void
generate (const char *path,
          guint       n_documents,
          guint       n_claims,
          guint       n_notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260503);
  g_autoptr(GArray) doc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) doc_lengths = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) claim_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 actors[200], tags[60];
  gsize total_text = 0;
  double t0 = now_ms (), t_docs, t_claims;

  c = cf_case_create (path, "Benchmark case", &error);
  check (c != NULL, error, "create");
  cf_case_set_undo_enabled (c, FALSE);

  for (guint i = 0; i < n_documents; i++)
    {
      /* 2 to 18 kB, 10 kB on average (--document-bytes) */
      g_autofree char *text = random_text (rand, g_rand_int_range (rand, doc_bytes / 5,
                                                                   doc_bytes * 9 / 5));
      g_autofree char *title = g_strdup_printf ("%s %s report %u", random_word (rand),
                                                random_word (rand), i);
      g_autofree char *url = g_strdup_printf ("https://news.example/%u", i);
      CfDocumentFields fields = {
        .title = title,
        .publisher = "Example News",
        .url = url,
        .published = "2023-05-03",
        .language = "en",
        .text = text,
      };
      gint64 id;
      gint len;

      if (i % (bulk ? 10000 : 100) == 0)
        cf_case_begin_action (c, "Import");
      id = cf_case_add_document (c, &fields, &error);
      check (id != 0, error, "add document");
      {
        /* the store may tidy the text (spaces, line ends): ask for its length */
        g_autoptr(CfDocument) doc = cf_case_get_document (c, id, &error);

        check (doc != NULL, error, "get document");
        len = cf_document_get_length (doc);
      }
      g_array_append_val (doc_ids, id);
      g_array_append_val (doc_lengths, len);
      total_text += strlen (text);
      if (i % (bulk ? 10000 : 100) == (bulk ? 9999 : 99) || i + 1 == n_documents)
        check (cf_case_end_action (c, &error), error, "commit documents");
    }
  t_docs = now_ms ();
  g_printerr ("documents: %u, %.1f MB of text, %.1f s\n", n_documents,
              total_text / 1e6, (t_docs - t0) / 1000);

  cf_case_begin_action (c, "Actors and tags");
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", random_word (rand), random_word (rand));

      actors[i] = cf_case_ensure_actor (c, name, &error);
      check (actors[i] != 0, error, "add actor");
    }
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autofree char *name = g_strdup_printf ("Tag %u", i);

      tags[i] = cf_case_add_tag (c, name, i >= 10 ? tags[i % 10] : 0, NULL, &error);
      check (tags[i] != 0, error, "add tag");
    }
  check (cf_case_end_action (c, &error), error, "commit actors and tags");

  if (bulk)
    bulk_claims (c, rand, doc_ids, n_claims, actors, G_N_ELEMENTS (actors), tags,
                 G_N_ELEMENTS (tags), claim_ids);
  for (guint i = 0; !bulk && i < n_claims; i++)
    {
      guint d = g_rand_int_range (rand, 0, doc_ids->len);
      gint len = g_array_index (doc_lengths, gint, d);
      gint start = g_rand_int_range (rand, 0, len - 40);
      gint span = g_rand_int_range (rand, 20, 300);
      gint end = MIN (len, start + span);
      gint64 id;

      if (i % 1000 == 0)
        cf_case_begin_action (c, "Claims");
      id = cf_case_add_claim (c, g_array_index (doc_ids, gint64, d), start, end, NULL, &error);
      check (id != 0, error, "add claim");
      g_array_append_val (claim_ids, id);
      if (g_rand_int_range (rand, 0, 10) < 8)
        {
          check (cf_case_set_claim_reliability (c, id, g_rand_int_range (rand, 1, 7), &error),
                 error, "rate claim");
          check (cf_case_set_claim_credibility (c, id, g_rand_int_range (rand, 1, 7), &error),
                 error, "rate claim");
        }
      if (g_rand_int_range (rand, 0, 10) < 3)
        check (cf_case_set_claim_likelihood (c, id, g_rand_int_range (rand, 1, 8), &error),
               error, "rate claim");
      if (g_rand_int_range (rand, 0, 10) < 7)
        check (cf_case_set_claim_actor (c, id, actors[g_rand_int_range (rand, 0, 200)], &error),
               error, "set actor");
      for (guint t = g_rand_int_range (rand, 0, 3); t > 0; t--)
        {
          gint64 tag = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];

          /* the same tag twice is refused or ignored; either is fine here */
          if (!cf_case_add_claim_tag (c, id, tag, NULL))
            continue;
        }
      if (i % 1000 == 999 || i + 1 == n_claims)
        check (cf_case_end_action (c, &error), error, "commit claims");
    }
  t_claims = now_ms ();
  g_printerr ("claims: %u, %.1f s\n", n_claims, (t_claims - t_docs) / 1000);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *body = random_text (rand, g_rand_int_range (rand, 60, 400));
      guint kind = g_rand_int_range (rand, 0, 10);
      gint64 id;

      if (i % 1000 == 0)
        cf_case_begin_action (c, "Notes");
      if (kind < 7 && claim_ids->len > 0)
        id = cf_case_add_note (c, CF_NOTE_TARGET_CLAIM,
                               g_array_index (claim_ids, gint64,
                                              g_rand_int_range (rand, 0, claim_ids->len)),
                               body, &error);
      else if (kind < 9)
        id = cf_case_add_note (c, CF_NOTE_TARGET_DOCUMENT,
                               g_array_index (doc_ids, gint64,
                                              g_rand_int_range (rand, 0, doc_ids->len)),
                               body, &error);
      else
        id = cf_case_add_note (c, CF_NOTE_TARGET_CASE, 0, body, &error);
      check (id != 0, error, "add note");
      if (i % 1000 == 999 || i + 1 == n_notes)
        check (cf_case_end_action (c, &error), error, "commit notes");
    }
  cf_case_close (c);
  g_printerr ("notes: %u, %.1f s\n", n_notes, (now_ms () - t_claims) / 1000);

  printf ("create:        %.1f s  (%u documents, %.1f MB text, %u claims, %u notes; "
          "peak RSS while creating %.0f MB)\n",
          (now_ms () - t0) / 1000, n_documents, total_text / 1e6, n_claims, n_notes,
          peak_rss_kb () / 1024.0);
  fflush (stdout);
}

/* The bench's queries as the FTS5 expressions the store makes of them: every word a
 * quoted string, a "phrase" one string, a trailing * a prefix. */
static char *
bench_fts_expression (const char *query)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (query[0] == '"')
    return g_strdup (query);
  words = g_strsplit (query, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean prefix = len > 1 && words[i][len - 1] == '*';

      if (prefix)
        words[i][len - 1] = '\0';
      g_string_append_printf (out, "%s\"%s\"%s", out->len > 0 ? " " : "", words[i], prefix ? "*" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The reference: FTS5's ranked queries (documents, claims and notes, the best 50 of
 * each by bm25 over every match), as one would write them by hand, in the sqlite3
 * shell, timed by the shell's own timer so that starting it does not count; each
 * runs twice and the faster is kept, as for the core. The core ranks at most 1,000
 * matches of a kind (the newest) and reads snippets and the occurrences of the
 * documents shown, which this does not. In ms, or -1. */
static double
time_raw_search (const char *path,
                 const char *query)
{
  static const char *tables[] = { "documents_fts", "claims_fts", "notes_fts" };
  g_autoptr(GError) error = NULL;
  g_autofree char *fts = bench_fts_expression (query);
  g_auto(GStrv) parts = g_strsplit (fts, "'", -1);
  g_autofree char *escaped = g_strjoinv ("''", parts);
  g_autoptr(GString) script = g_string_new (".timer on\n");
  g_autoptr(GSubprocess) shell = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  double best[G_N_ELEMENTS (tables)] = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  guint n = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint r = 0; r < 2; r++)
      g_string_append_printf (script,
                              "SELECT count (*) FROM (SELECT rowid, rank FROM %s WHERE %s MATCH '%s'%s "
                              "ORDER BY rank LIMIT 50);\n",
                              tables[t], tables[t], escaped,
                              t == 0 ? " AND rank MATCH 'bm25(4.0, 1.0)'" : "");

  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "sqlite3", "-readonly", path, NULL);
  if (shell == NULL || !g_subprocess_communicate_utf8 (shell, script->str, NULL, &out, NULL, &error))
    {
      g_printerr ("sqlite3 shell: %s\n", error->message);
      return -1;
    }

  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL && n < 2 * G_N_ELEMENTS (tables); i++)
    {
      const char *prefix = "Run Time: real ";

      if (!g_str_has_prefix (lines[i], prefix))
        continue;
      best[n / 2] = MIN (best[n / 2], g_ascii_strtod (lines[i] + strlen (prefix), NULL) * 1000);
      n++;
    }
  if (n != 2 * G_N_ELEMENTS (tables))
    return -1;
  return best[0] + best[1] + best[2];
}

/* The rows the claim list shows, the way a hand-written query would fetch them: the
 * same columns the core reads for each claim (cf-claim.c: the document's title, the
 * actor's name, every tag's id, name and colour, kind, relevance and weight), in the
 * list's order, in one pass. */
static const char *raw_listing_sql =
  "SELECT c.id, c.document_id, d.title, c.start_offset, c.end_offset, c.quote, c.prefix,"
  " c.suffix, c.paraphrase, c.actor_id, a.name, c.reliability, c.credibility,"
  " c.likelihood, c.confidence, c.event_date, c.created, c.modified,"
  " (SELECT group_concat (ct.tag_id || ' ' || t.name || ' ' || t.color, ', ')"
  "  FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id),"
  " c.kind, c.relevance, c.weight"
  " FROM claims c LEFT JOIN documents d ON d.id = c.document_id"
  " LEFT JOIN actors a ON a.id = c.actor_id"
  " ORDER BY c.document_id, c.start_offset, c.id";

static double
time_raw_listing (const char *path,
                  double     *cpu_out)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", "-readonly", path, raw_listing_sql, NULL };
  double t0 = now_ms (), cpu0 = cpu_ms (RUSAGE_CHILDREN);
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 shell: %s\n", error->message);
      return -1;
    }
  *cpu_out = cpu_ms (RUSAGE_CHILDREN) - cpu0;
  return now_ms () - t0;
}

static double
time_core_listing (CfCase *c,
                   guint  *n_out,
                   double *cpu_out)
{
  double t0 = now_ms (), cpu0 = cpu_ms (RUSAGE_SELF);
  g_autoptr(GListModel) claims = cf_case_list_claims (c);
  guint n = g_list_model_get_n_items (claims);
  gsize sum = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);

      sum += strlen (cf_claim_get_quote (claim)) + strlen (cf_claim_get_actor_name (claim));
    }
  *n_out = n;
  if (sum == 0)
    g_printerr ("claims have no quotes?\n");
  *cpu_out = cpu_ms (RUSAGE_SELF) - cpu0;
  return now_ms () - t0;
}

static void
measure (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double open_ms[7], core_ms[3], raw_ms[3], core_cpu[3], raw_cpu[3], search_ms[20], search_ref[20];
  double open_med = 0, core_med = 0, raw_med = 0, core_cpu_med, raw_cpu_med, search_med, search_max = 0;
  double search_ref_med;
  const char *queries[20];
  g_autofree char *phrase = NULL;
  g_autofree char *pair1 = NULL;
  g_autofree char *pair2 = NULL;
  g_autofree char *pair3 = NULL;
  g_autofree char *prefix1 = NULL;
  g_autofree char *prefix2 = NULL;
  guint n_claims = 0, n_hits_total = 0, n_rounds = G_N_ELEMENTS (core_ms);
  GStatBuf st;

  {
    g_autoptr(GRand) vocabulary_rand = g_rand_new_with_seed (20260503);

    vocabulary_init (vocabulary_rand);
  }

  if (search_only)
    {
      c = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
      check (c != NULL, error, "open");
      goto search;
    }

  /* The reference: the full check, as for a file this machine has not seen (the
   * stamp forgotten before each of three opens); then opens of the file as this
   * Casefile left it. */
  {
    g_autofree char *real = realpath (path, NULL);
    double check_ms[3], check_med;

    for (guint i = 0; i < G_N_ELEMENTS (check_ms); i++)
      {
        double t0;

        _cf_case_stamp_forget (real);
        t0 = now_ms ();
        c = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
        check (c != NULL, error, "open");
        check_ms[i] = now_ms () - t0;
        check (_cf_case_get_full_check (c), NULL, "a full check");
        cf_case_close (c);
        g_clear_object (&c);
      }
    check_med = median (check_ms, G_N_ELEMENTS (check_ms));
    for (guint i = 0; i < G_N_ELEMENTS (open_ms); i++)
      {
        double t0 = now_ms ();

        c = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
        check (c != NULL, error, "open");
        open_ms[i] = now_ms () - t0;
        check (!_cf_case_get_full_check (c), NULL, "the stamp to match");
        if (i + 1 < G_N_ELEMENTS (open_ms))
          {
            cf_case_close (c);
            g_clear_object (&c);
          }
      }
    open_med = median (open_ms, G_N_ELEMENTS (open_ms));
    printf ("open:          %.1f ms median of %u, stamped; full check (first open) %.1f ms; "
            "%.0f times faster   target < 50 ms   load %.1f\n",
            open_med, (guint) G_N_ELEMENTS (open_ms), check_med, check_med / MAX (open_med, 0.1),
            load_average ());
    fflush (stdout);
  }

  /* three rounds, or one on a big case */
  reset_peak_rss ();
  for (guint i = 0; i < n_rounds; i++)
    {
      core_ms[i] = time_core_listing (c, &n_claims, &core_cpu[i]);
      raw_ms[i] = time_raw_listing (path, &raw_cpu[i]);
      if (n_claims > 200000)
        n_rounds = 1;
    }
  core_med = median (core_ms, n_rounds);
  raw_med = median (raw_ms, n_rounds);
  core_cpu_med = median (core_cpu, n_rounds);
  raw_cpu_med = median (raw_cpu, n_rounds);
  printf ("list claims:   %.1f ms for %u claims through cf_case_list_claims; sqlite3 shell "
          "%.1f ms; ratio %.2f (CPU time %.1f / %.1f ms: %.2f)   target <= 1.5   load %.1f; "
          "peak RSS while listing %.1f MB (target < 50 MB)\n",
          core_med, n_claims, raw_med, raw_med > 0 ? core_med / raw_med : -1,
          core_cpu_med, raw_cpu_med, raw_cpu_med > 0 ? core_cpu_med / raw_cpu_med : -1,
          load_average (), peak_rss_kb () / 1024.0);
  fflush (stdout);

search:
  /* Words of several frequencies, pairs, a phrase and prefixes. */
  pair1 = g_strdup_printf ("%s %s", vocabulary[40], vocabulary[300]);
  pair2 = g_strdup_printf ("%s %s", vocabulary[5], vocabulary[2000]);
  pair3 = g_strdup_printf ("%s %s", vocabulary[120], vocabulary[121]);
  phrase = g_strdup_printf ("\"%s %s\"", vocabulary[1], vocabulary[2]);
  prefix1 = g_strdup_printf ("%.3s*", vocabulary[77]);
  prefix2 = g_strdup_printf ("%.4s*", vocabulary[900]);
  {
    guint ranks[] = { 0, 3, 10, 25, 60, 150, 400, 1000, 3000, 8000, 15000, 25000, 29000, 50 };
    guint q = 0;

    for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
      queries[q++] = vocabulary[ranks[i]];
    queries[q++] = pair1;
    queries[q++] = pair2;
    queries[q++] = pair3;
    queries[q++] = phrase;
    queries[q++] = prefix1;
    queries[q++] = prefix2;
    g_assert (q == G_N_ELEMENTS (queries));
  }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      /* twice, the faster kept, as for the shell */
      search_ms[i] = G_MAXDOUBLE;
      for (guint r = 0; r < 2; r++)
        {
          double t0 = now_ms ();

          g_clear_pointer (&hits, g_ptr_array_unref);
          hits = cf_case_search (c, queries[i], 50, &error);
          search_ms[i] = MIN (search_ms[i], now_ms () - t0);
          check (hits != NULL, error, "search");
        }
      n_hits_total += hits->len;
      search_max = MAX (search_max, search_ms[i]);
      search_ref[i] = time_raw_search (path, queries[i]);
      g_printerr ("  search %-28s %3u hits %7.1f ms; sqlite3 shell %7.1f ms; ratio %5.2f\n",
                  queries[i], hits->len, search_ms[i], search_ref[i],
                  search_ref[i] > 0 ? search_ms[i] / search_ref[i] : -1);
    }
  search_med = median (search_ms, G_N_ELEMENTS (search_ms));
  search_ref_med = median (search_ref, G_N_ELEMENTS (search_ref));
  printf ("search:        %.1f ms median of 20 queries (slowest %.1f ms, %u hits); sqlite3 shell "
          "%.1f ms; ratio %.2f   target <= 1.5, slowest <= 100 ms   load %.1f\n",
          search_med, search_max, n_hits_total, search_ref_med,
          search_ref_med > 0 ? search_med / search_ref_med : -1, load_average ());

  cf_case_close (c);
  check (g_stat (path, &st) == 0, NULL, "stat");
  printf ("peak RSS:      %.1f MB   target < 150 MB\n", peak_rss_kb () / 1024.0);
  printf ("file size:     %.1f MB\n", st.st_size / 1e6);
  if (search_only)
    return;
  printf ("verdict:       open %s, listing %s, search %s, memory %s\n",
          open_med < 50 ? "ok" : "SLOW",
          raw_med > 0 && core_med <= 1.5 * raw_med ? "ok" : "SLOW",
          search_ref_med > 0 && search_med <= 1.5 * search_ref_med && search_max <= 100 ? "ok" : "SLOW",
          peak_rss_kb () < 150 * 1024 ? "ok" : "HIGH");
}

/* Import, end to end (issue 12): pages and a feed written to files, then read,
 * extracted and stored (text, originals, full-text index) through the bulk path the
 * CLI and the app use. The reference, in the same run, is the per-file path (one
 * action per file) on the first pages. Target: >= 100 pages a second. */
#define IMPORT_REFERENCE_PAGES 300
#define IMPORT_PAGE_BYTES 3000
#define FEED_ITEM_BYTES 400

static char *
write_page (const char *dir,
            GRand      *rand,
            guint       i)
{
  g_autofree char *name = g_strdup_printf ("page-%05u.html", i);
  g_autofree char *body = random_text (rand, IMPORT_PAGE_BYTES);
  g_autofree char *title = random_text (rand, 40);
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_strdelimit (body, "\n", ' ');
  html = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
                          "<meta name=\"author\" content=\"Bench Writer\"></head><body>"
                          "<article><h1>%s</h1><p>%s</p></article></body></html>",
                          title, title, body);
  check (g_file_set_contents (path, html, -1, &error), error, "writing a page");
  return path;
}

static double
import_files (CfCase     *c,
              GPtrArray  *paths,
              guint       from,
              guint       to,
              gboolean    bulk_path,
              guint      *n_documents)
{
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_free);
  g_autoptr(GError) error = NULL;
  double t0 = now_ms ();

  *n_documents = 0;
  for (guint i = from; i < to; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths->pdata[i]);
      CfImport *import = cf_import_read_file (file, NULL, &error);

      check (import != NULL, error, "reading a page");
      if (bulk_path)
        g_ptr_array_add (imports, import);
      else
        {
          g_autoptr(CfImport) one = import;
          g_autoptr(GArray) ids = cf_case_add_import (c, one, &error);

          check (ids != NULL, error, "storing a page");
          *n_documents += ids->len;
        }
    }
  if (bulk_path)
    {
      g_autoptr(GPtrArray) results = cf_case_add_imports (c, imports, NULL, NULL, NULL, NULL, &error);

      check (results != NULL, error, "storing the pages");
      for (guint i = 0; i < results->len; i++)
        *n_documents += ((GArray *) results->pdata[i])->len;
    }
  return now_ms () - t0;
}

static void
measure_imports (guint n_pages,
                 guint n_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261130);
  g_autofree char *dir = g_dir_make_tmp ("casefile-import-bench-XXXXXX", &error);
  g_autofree char *case_path = NULL;
  g_autofree char *feed_path = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CfCase) c = NULL;
  guint n_ref = MIN (n_pages, IMPORT_REFERENCE_PAGES), n_docs = 0;
  double ref_ms, bulk_ms, ref_rate, bulk_rate;

  check (dir != NULL, error, "making a temporary folder");
  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (paths, write_page (dir, rand, i));

  case_path = g_build_filename (dir, "import.casefile", NULL);
  c = cf_case_create (case_path, "Import benchmark", &error);
  check (c != NULL, error, "create");

  ref_ms = import_files (c, paths, 0, n_ref, FALSE, &n_docs);
  ref_rate = n_ref / (ref_ms / 1000);
  bulk_ms = import_files (c, paths, n_ref, n_pages, TRUE, &n_docs);
  bulk_rate = (n_pages - n_ref) / (bulk_ms / 1000);
  printf ("import pages:  %u pages in %.1f ms through cf_case_add_imports: %.0f pages/s; "
          "per-file path (%u pages) %.0f pages/s; ratio %.2f   target >= 100 pages/s   load %.1f\n",
          n_pages - n_ref, bulk_ms, bulk_rate, n_ref, ref_rate, bulk_rate / ref_rate, load_average ());

  if (n_items > 0)
    {
      GString *feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                    "<rss version=\"2.0\"><channel><title>Bench feed</title>\n");
      g_autoptr(GFile) file = NULL;
      g_autoptr(CfImport) import = NULL;
      g_autoptr(GPtrArray) imports = g_ptr_array_new ();
      g_autoptr(GPtrArray) results = NULL;
      double t0, read_ms, store_ms;

      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *title = random_text (rand, 40);
          g_autofree char *body = random_text (rand, FEED_ITEM_BYTES);

          g_string_append_printf (feed, "<item><title>%s</title><link>https://example.org/%u</link>"
                                  "<pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate>"
                                  "<description>%s</description></item>\n", title, i, body);
        }
      g_string_append (feed, "</channel></rss>\n");
      feed_path = g_build_filename (dir, "feed.rss", NULL);
      check (g_file_set_contents (feed_path, feed->str, feed->len, &error), error, "writing the feed");
      g_string_free (feed, TRUE);

      t0 = now_ms ();
      file = g_file_new_for_path (feed_path);
      import = cf_import_read_file (file, NULL, &error);
      check (import != NULL, error, "reading the feed");
      read_ms = now_ms () - t0;
      g_ptr_array_add (imports, import);
      t0 = now_ms ();
      results = cf_case_add_imports (c, imports, NULL, NULL, NULL, NULL, &error);
      check (results != NULL, error, "storing the feed");
      store_ms = now_ms () - t0;
      printf ("import feed:   %u items: read and extracted %.1f ms, stored %.1f ms (%.0f items/s)   "
              "load %.1f\n", ((GArray *) results->pdata[0])->len, read_ms, store_ms,
              n_items / ((read_ms + store_ms) / 1000), load_average ());
      g_remove (feed_path);
    }

  g_clear_object (&c);
  for (guint i = 0; i < paths->len; i++)
    g_remove (paths->pdata[i]);
  {
    g_autofree char *journal = g_strconcat (case_path, "-journal", NULL);

    g_remove (journal);
  }
  g_remove (case_path);
  g_rmdir (dir);
}

static int
run_kill_rounds (guint rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *rounds_str = g_strdup_printf ("%u", rounds);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  double t0 = now_ms ();

  g_subprocess_launcher_setenv (launcher, "CASEFILE_KILL_ROUNDS", rounds_str, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_TEST_BUILDDIR", CF_TESTS_BUILDDIR, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error,
                                      CF_TESTS_BUILDDIR "/test-kill", "--verbose", NULL);
  check (proc != NULL, error, "starting test-kill");
  check (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error), error,
         "running test-kill");
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "kill:") || g_str_has_prefix (lines[i], "ok")
        || g_str_has_prefix (lines[i], "not ok") || strstr (lines[i], "problem"))
      printf ("%s\n", lines[i]);
  printf ("kill torture:  %u rounds in %.1f s, %s\n", rounds, (now_ms () - t0) / 1000,
          g_subprocess_get_successful (proc) ? "PASSED" : "FAILED");
  return g_subprocess_get_successful (proc) ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reuse = NULL;
  g_autofree char *tmpdir = NULL;
  int n_documents = 5000, n_claims = 100000, n_notes = 20000, kill_rounds = 0, list_rounds = 0;
  int import_pages = 0, feed_items = 50000;
  gboolean keep = FALSE, with_shell = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the case to FILE (kept)", "FILE" },
    { "reuse", 0, 0, G_OPTION_ARG_FILENAME, &reuse, "Measure an existing case", "FILE" },
    { "documents", 0, 0, G_OPTION_ARG_INT, &n_documents, "Documents to generate", "N" },
    { "claims", 0, 0, G_OPTION_ARG_INT, &n_claims, "Claims to generate", "N" },
    { "notes", 0, 0, G_OPTION_ARG_INT, &n_notes, "Notes to generate", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated case", NULL },
    { "kill-rounds", 0, 0, G_OPTION_ARG_INT, &kill_rounds, "Run the kill torture N rounds", "N" },
    { "bulk", 0, 0, G_OPTION_ARG_NONE, &bulk, "Claims through SQL in one transaction", NULL },
    { "list-rounds", 0, 0, G_OPTION_ARG_INT, &list_rounds, "With --reuse: only list the claims N times", "N" },
    { "search-only", 0, 0, G_OPTION_ARG_NONE, &search_only, "With --reuse: only the searches", NULL },
    { "shell", 0, 0, G_OPTION_ARG_NONE, &with_shell, "With --list-rounds: the sqlite3 shell too", NULL },
    { "import", 0, 0, G_OPTION_ARG_INT, &import_pages, "Only measure importing N pages (5000) and a feed", "N" },
    { "feed-items", 0, 0, G_OPTION_ARG_INT, &feed_items, "With --import: items of the feed (50000)", "N" },
    { "document-bytes", 0, 0, G_OPTION_ARG_INT, &doc_bytes, "Average document size (10000)", "N" },
    { NULL }
  };

  context = g_option_context_new ("- measure the Casefile store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (kill_rounds > 0)
    return run_kill_rounds (kill_rounds);

  if (import_pages > 0)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (20260503);

      vocabulary_init (rand);
      measure_imports (import_pages, feed_items);
      return 0;
    }

  /* only the listing (--shell: beside the shell's), e.g. under perf */
  if (reuse != NULL && list_rounds > 0)
    {
      g_autoptr(CfCase) c = cf_case_open (reuse, CF_CASE_OPEN_DEFAULT, &error);

      check (c != NULL, error, "open");
      reset_peak_rss ();
      for (int i = 0; i < list_rounds; i++)
        {
          guint n = 0;
          double cpu = 0, raw_cpu = 0;
          double ms = time_core_listing (c, &n, &cpu);
          double raw = with_shell ? time_raw_listing (reuse, &raw_cpu) : -1;

          printf ("list claims:   %.1f ms (CPU %.1f ms) for %u claims", ms, cpu, n);
          if (with_shell)
            printf ("; sqlite3 shell %.1f ms (CPU %.1f ms); ratio %.2f, CPU %.2f", raw, raw_cpu,
                    raw > 0 ? ms / raw : -1, raw_cpu > 0 ? cpu / raw_cpu : -1);
          printf ("   load %.1f; peak RSS %.1f MB\n", load_average (), peak_rss_kb () / 1024.0);
          fflush (stdout);
        }
      return 0;
    }

  if (reuse != NULL)
    {
      measure (reuse);
      return 0;
    }

  if (output == NULL)
    {
      tmpdir = g_dir_make_tmp ("casefile-bench-XXXXXX", &error);
      check (tmpdir != NULL, error, "making a temporary folder");
      output = g_build_filename (tmpdir, "bench.casefile", NULL);
    }
  else
    keep = TRUE;

  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (20260503);

    vocabulary_init (rand);
  }
  generate (output, n_documents, n_claims, n_notes);

  /* Measure in a fresh process, so that peak memory is that of using the case, not
   * of generating it. */
  {
    const char *child_argv[] = { argv[0], "--reuse", output, NULL };
    int status = 0;

    fflush (stdout);
    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                       NULL, NULL, NULL, NULL, &status, &error))
      check (FALSE, error, "measuring");
  }

  if (keep)
    printf ("case kept at %s (measure again with --reuse)\n", output);
  else
    {
      g_autofree char *journal = g_strconcat (output, "-journal", NULL);

      g_remove (journal);
      g_remove (output);
      g_rmdir (tmpdir);
    }
  return 0;
}
