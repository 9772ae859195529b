/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full-text search over documents, claims and notes through their FTS5 indexes,
 * and over the few hypotheses and tags by substring. What a user types is turned
 * into a query that cannot be an FTS5 syntax error. Ranking reads only the index
 * (bm25); the text of a document is read only when a page of results shows it,
 * and then every occurrence in it becomes a hit whose snippet and span are that
 * same occurrence (FTS5's own highlight() marks them, so the tokenizer decides
 * what matches, as it did for the ranking). A hit is a boxed type so a pane can
 * pass it whole in a signal. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

/* Each term (a prefix term most of all) makes FTS5 merge another list of rows: 2,000
 * terms took seconds, 40,000 minutes. A person types a handful. */
#define CF_SEARCH_MAX_TERMS 64

void
cf_search_hit_free (CfSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static CfSearchHit *
cf_search_hit_copy (const CfSearchHit *hit)
{
  CfSearchHit *copy = g_memdup2 (hit, sizeof *hit);

  copy->title = g_strdup (hit->title);
  copy->snippet = g_strdup (hit->snippet);
  return copy;
}

G_DEFINE_BOXED_TYPE (CfSearchHit, cf_search_hit, cf_search_hit_copy, cf_search_hit_free)

/* Turns what a user typed into an FTS5 query that cannot be a syntax error: every
 * word becomes a quoted string (all must match), "phrases" stay phrases, a trailing
 * * makes a prefix, and OR between words is kept. */
static char *
fts_query_from_user (const char *input,
                     guint      *n_terms)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = input;

  while (*p != '\0')
    {
      g_autoptr(GString) term = g_string_new (NULL);
      gboolean prefix = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (*p == '"')
        {
          p++;
          while (*p != '\0' && *p != '"')
            g_string_append_c (term, *p++);
          if (*p == '"')
            p++;
        }
      else
        {
          while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
            {
              const char *next = g_utf8_next_char (p);

              g_string_append_len (term, p, next - p);
              p = next;
            }
          if (term->len > 1 && term->str[term->len - 1] == '*')
            {
              prefix = TRUE;
              g_string_truncate (term, term->len - 1);
            }
          if (strcmp (term->str, "OR") == 0 && out->len > 0)
            {
              g_string_append (out, " OR");
              continue;
            }
        }

      if (term->len == 0)
        continue;
      (*n_terms)++;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *t = term->str; *t; t++)
        {
          if (*t == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *t);
        }
      g_string_append_c (out, '"');
      if (prefix)
        g_string_append_c (out, '*');
    }

  /* a dangling OR at either end would be a syntax error */
  if (g_str_has_suffix (out->str, " OR"))
    g_string_truncate (out, out->len - 3);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A document's occurrences are bounded, so a text of one word repeated cannot
 * make a search allocate without end; "find next" stops at the last of them. */
#define CF_SEARCH_MAX_OCCURRENCES 10000
/* The characters of context a document hit's snippet shows on either side. */
#define SNIPPET_BEFORE 60
#define SNIPPET_AFTER  90

/* Byte offsets kept beside the character span, so snippets need no second walk. */
typedef struct
{
  CfSearchRange range;
  gsize         byte_start;
  gsize         byte_end;
} Occurrence;

/* Walks FTS5's highlight() of a text (the text with \x02 and \x03 around each
 * match) beside the text itself, which makes the offsets exact even when the text
 * holds those bytes: a byte the two share is text, any other is a marker. */
static void
occurrences_from_highlight (const char *highlighted,
                            const char *text,
                            GArray     *out)
{
  const char *h = highlighted;
  const char *t = text;
  gint offset = 0;
  Occurrence open = { { -1, -1 }, 0, 0 };

  while (*h != '\0' && out->len < CF_SEARCH_MAX_OCCURRENCES)
    {
      if (*t != '\0' && *h == *t)
        {
          if (((guchar) *t & 0xc0) != 0x80)
            offset++;
          h++;
          t++;
        }
      else if (*h == '\x02')
        {
          open.range.start = offset;
          open.byte_start = t - text;
          h++;
        }
      else if (*h == '\x03' && open.range.start >= 0)
        {
          open.range.end = offset;
          open.byte_end = t - text;
          if (open.range.end > open.range.start)
            g_array_append_val (out, open);
          open.range.start = -1;
          h++;
        }
      else
        break;   /* out of step: keep what was found */
    }
}

/* The occurrences of @fts in the text of @document_id (none when it does not match)
 * and, when @text is given, the text and the title with its matches marked. */
static gboolean
find_occurrences (CfCase      *self,
                  const char  *fts,
                  gint64       document_id,
                  GArray      *out,
                  char       **text,
                  char       **marked_title,
                  GError     **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                             "SELECT highlight (documents_fts, 1, char (2), char (3)), d.text, "
                                             "highlight (documents_fts, 0, '" CF_SEARCH_MATCH_START "', '"
                                             CF_SEARCH_MATCH_END "') "
                                             "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                                             "WHERE documents_fts MATCH ?1 AND documents_fts.rowid = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *highlighted = (const char *) sqlite3_column_text (stmt, 0);
      const char *body = (const char *) sqlite3_column_text (stmt, 1);

      if (highlighted != NULL && body != NULL)
        occurrences_from_highlight (highlighted, body, out);
      if (text != NULL)
        *text = g_strdup (body != NULL ? body : "");
      if (marked_title != NULL)
        *marked_title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      if (text != NULL)
        *text = g_strdup ("");
      return TRUE;
    }
  _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
  return FALSE;
}

/* Appends [@from, @to) with each run of white space made one space. */
static void
append_flat (GString    *out,
             const char *from,
             const char *to)
{
  gboolean space = FALSE;

  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  if (space)
    g_string_append_c (out, ' ');
}

/* The words around one occurrence, that occurrence marked, cut at spaces. */
static char *
occurrence_snippet (const char       *text,
                    const Occurrence *occ)
{
  GString *out = g_string_new (NULL);
  const char *match = text + occ->byte_start;
  const char *match_end = text + occ->byte_end;
  const char *from = match;
  const char *to = match_end;

  for (int i = 0; i < SNIPPET_BEFORE && from > text; i++)
    from = g_utf8_prev_char (from);
  if (from > text)
    {
      const char *space = from;

      while (space < match && !g_unichar_isspace (g_utf8_get_char (space)))
        space = g_utf8_next_char (space);
      if (space < match)
        from = space;
      g_string_append (out, "…");
    }
  for (int i = 0; i < SNIPPET_AFTER && *to != '\0'; i++)
    to = g_utf8_next_char (to);
  if (*to != '\0')
    {
      const char *space = to;

      while (space > match_end && !g_unichar_isspace (g_utf8_get_char (space)))
        space = g_utf8_prev_char (space);
      if (space > match_end)
        to = space;
    }

  append_flat (out, from, match);
  g_string_append (out, CF_SEARCH_MATCH_START);
  append_flat (out, match, match_end);
  g_string_append (out, CF_SEARCH_MATCH_END);
  append_flat (out, match_end, to);
  if (*to != '\0')
    {
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

GArray *
cf_case_find_in_document (CfCase      *self,
                          gint64       document_id,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  GArray *ranges;
  g_autofree char *fts = NULL;
  guint n_terms = 0;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  if (!_cf_case_record_exists (self, "SELECT 1 FROM documents WHERE id = ?1", document_id,
                               CF_RECORD_DOCUMENT, error))
    return NULL;
  ranges = g_array_new (FALSE, FALSE, sizeof (CfSearchRange));
  fts = fts_query_from_user (query, &n_terms);
  if (*fts == '\0' || n_terms > CF_SEARCH_MAX_TERMS)
    return ranges;
  if (!find_occurrences (self, fts, document_id, occurrences, NULL, NULL, error))
    {
      g_array_unref (ranges);
      return NULL;
    }
  for (guint i = 0; i < occurrences->len; i++)
    g_array_append_val (ranges, g_array_index (occurrences, Occurrence, i).range);
  return ranges;
}

/* --- hypotheses and tags: a handful of rows, matched by substring ----------------- */

/* The words of @query, case-folded, without quotes, stars or OR; *any is set when
 * the words were joined by OR. */
static GPtrArray *
plain_terms (const char *query,
             gboolean   *any)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = NULL;
  g_autofree char *flat = g_strdup (query);

  *any = FALSE;
  g_strdelimit (flat, "\"*\t\n\r", ' ');
  words = g_strsplit (flat, " ", -1);
  for (guint i = 0; words[i] != NULL && terms->len < CF_SEARCH_MAX_TERMS; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (strcmp (words[i], "OR") == 0)
        {
          *any = TRUE;
          continue;
        }
      g_ptr_array_add (terms, g_utf8_casefold (words[i], -1));
    }
  return terms;
}

/* Where the case-folded @needle starts in @hay, ignoring case; NULL when not. */
static const char *
find_folded (const char *hay,
             const char *needle,
             const char **match_end)
{
  gsize needle_len = strlen (needle);
  g_autofree char *folded_hay = g_utf8_casefold (hay, -1);

  /* most rows do not match: say so without folding a character at a time */
  if (strstr (folded_hay, needle) == NULL)
    return NULL;
  for (const char *p = hay; *p != '\0'; p = g_utf8_next_char (p))
    {
      GString *folded = g_string_new (NULL);
      const char *q = p;

      while (*q != '\0' && folded->len < needle_len)
        {
          g_autofree char *one = g_utf8_casefold (q, g_utf8_next_char (q) - q);

          g_string_append (folded, one);
          q = g_utf8_next_char (q);
        }
      if (folded->len >= needle_len && strncmp (folded->str, needle, needle_len) == 0)
        {
          g_string_free (folded, TRUE);
          *match_end = q;
          return p;
        }
      g_string_free (folded, TRUE);
    }
  return NULL;
}

/* @text with its first match of any term marked, or NULL when the terms (all, or
 * any of them) are not all in @text or @extra. */
static char *
match_plain (const char *text,
             const char *extra,
             GPtrArray  *terms,
             gboolean    any)
{
  const char *first = NULL, *first_end = NULL;
  guint found = 0;
  GString *out;

  for (guint i = 0; i < terms->len; i++)
    {
      const char *end = NULL;
      const char *at = find_folded (text, terms->pdata[i], &end);

      if (at != NULL && (first == NULL || at < first))
        {
          first = at;
          first_end = end;
        }
      if (at != NULL || (extra != NULL && find_folded (extra, terms->pdata[i], &end) != NULL))
        found++;
    }
  if (terms->len == 0 || found == 0 || (!any && found < terms->len))
    return NULL;

  out = g_string_new (NULL);
  if (first == NULL)
    append_flat (out, text, text + strlen (text));
  else
    {
      append_flat (out, text, first);
      g_string_append (out, CF_SEARCH_MATCH_START);
      append_flat (out, first, first_end);
      g_string_append (out, CF_SEARCH_MATCH_END);
      append_flat (out, first_end, first_end + strlen (first_end));
    }
  return g_string_free (out, FALSE);
}

/* Hypotheses (title, description) and tags (path) whose text holds the words. */
static gboolean
search_small_tables (CfCase      *self,
                     const char  *query,
                     GPtrArray   *hits,
                     GError     **error)
{
  static const char *sql[] = {
    "SELECT id, title, description FROM hypotheses ORDER BY id",
    "WITH RECURSIVE paths (id, path) AS ("
    "  SELECT id, name FROM tags WHERE parent_id IS NULL"
    "  UNION ALL SELECT t.id, p.path || '/' || t.name FROM tags t JOIN paths p ON t.parent_id = p.id) "
    "SELECT id, path, NULL FROM paths ORDER BY path",
  };
  static const CfRecordKind kinds[] = { CF_RECORD_HYPOTHESIS, CF_RECORD_TAG };
  gboolean any = FALSE;
  g_autoptr(GPtrArray) terms = plain_terms (query, &any);

  for (guint k = 0; k < G_N_ELEMENTS (sql); k++)
    {
      g_autoptr(CfStmt) stmt = _cf_case_prepare (self, sql[k], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *title = (const char *) sqlite3_column_text (stmt, 1);
          const char *extra = (const char *) sqlite3_column_text (stmt, 2);
          g_autofree char *snippet = match_plain (title != NULL ? title : "", extra, terms, any);
          CfSearchHit *hit;

          if (snippet == NULL)
            continue;
          hit = g_new0 (CfSearchHit, 1);
          hit->kind = kinds[k];
          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->start = hit->end = -1;
          hit->title = g_strdup (title);
          hit->snippet = g_steal_pointer (&snippet);
          /* named by the words: before every ranked hit */
          hit->rank = -G_MAXDOUBLE;
          g_ptr_array_add (hits, hit);
        }
      if (rc != SQLITE_DONE)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
          return FALSE;
        }
    }
  return TRUE;
}

/* --- the search ------------------------------------------------------------------ */

static gint
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const CfSearchHit *ha = *(const CfSearchHit * const *) a;
  const CfSearchHit *hb = *(const CfSearchHit * const *) b;

  if (ha->rank < hb->rank)
    return -1;
  if (ha->rank > hb->rank)
    return 1;
  if (ha->kind != hb->kind)
    return ha->kind - hb->kind;
  return ha->id < hb->id ? -1 : ha->id > hb->id;
}

/* Replaces the ranked document @doc by a hit per occurrence in its text (at most
 * @room), or keeps it as one hit on its title when the text has none. */
static gboolean
expand_document (CfCase       *self,
                 const char   *fts,
                 CfSearchHit  *doc,
                 guint         room,
                 GPtrArray    *out,
                 GError      **error)
{
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_autofree char *text = NULL;
  g_autofree char *marked_title = NULL;

  if (!find_occurrences (self, fts, doc->document_id, occurrences, &text, &marked_title, error))
    return FALSE;
  if (occurrences->len == 0)
    {
      CfSearchHit *hit = cf_search_hit_copy (doc);

      /* a match in the title only */
      g_free (hit->snippet);
      hit->snippet = g_steal_pointer (&marked_title);
      g_ptr_array_add (out, hit);
      return TRUE;
    }
  for (guint i = 0; i < occurrences->len && i < room; i++)
    {
      const Occurrence *occ = &g_array_index (occurrences, Occurrence, i);
      CfSearchHit *hit = cf_search_hit_copy (doc);

      g_free (hit->snippet);
      hit->snippet = occurrence_snippet (text, occ);
      hit->start = occ->range.start;
      hit->end = occ->range.end;
      hit->occurrence = i + 1;
      hit->n_occurrences = occurrences->len;
      g_ptr_array_add (out, hit);
    }
  return TRUE;
}

/* Ranking reads each match's row sizes (bm25): for a word in tens of thousands of
 * claims that is seconds, for an order a person cannot tell from chance (such a word
 * says little about any one of them). So each kind ranks at most this many of its
 * matches: all of them when there are no more (the exact order), else the newest
 * this many, and its hits say so (CfSearchHit.partial); cf_case_count_search()
 * counts every match, for a figure shown when it comes. */
#define CF_SEARCH_RANKED_MAX 1000

static guint ranked_max = CF_SEARCH_RANKED_MAX;

void
_cf_case_set_search_ranked_max (guint max)
{
  ranked_max = max > 0 ? max : CF_SEARCH_RANKED_MAX;
}

/* The matches of a kind, newest first, with their rank: the index only, no text. */
static const char * const candidates_sql[] = {
  "SELECT rowid, rank FROM documents_fts "
  "WHERE documents_fts MATCH ?1 AND rank MATCH 'bm25(4.0, 1.0)' ORDER BY rowid DESC LIMIT ?2",
  "SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
  "SELECT rowid, rank FROM notes_fts WHERE notes_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
};
static const CfRecordKind candidate_kinds[] = { CF_RECORD_DOCUMENT, CF_RECORD_CLAIM, CF_RECORD_NOTE };

/* What a page shows of one ranked hit, read for the hits shown only: ?1 the query,
 * ?2 the id; the columns are document_id, claim_id, snippet, title, start, end. */
static const char * const details_sql[] = {
  "SELECT id, 0, NULL, title FROM documents WHERE id = ?2",
  "SELECT coalesce (c.document_id, 0), c.id, "
  "snippet (claims_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 24), "
  "d.title, c.start_offset, c.end_offset "
  "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
  "LEFT JOIN documents d ON d.id = c.document_id "
  "WHERE claims_fts MATCH ?1 AND claims_fts.rowid = ?2",
  "SELECT CASE n.target WHEN 'document' THEN n.target_id WHEN 'claim' THEN "
  "  (SELECT coalesce (document_id, 0) FROM claims WHERE id = n.target_id) ELSE 0 END, "
  "CASE n.target WHEN 'claim' THEN n.target_id ELSE 0 END, "
  "snippet (notes_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 24), "
  "CASE n.target WHEN 'case' THEN NULL ELSE "
  "  (SELECT title FROM documents WHERE id = CASE n.target WHEN 'document' THEN n.target_id "
  "   ELSE (SELECT document_id FROM claims WHERE id = n.target_id) END) END "
  "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
  "WHERE notes_fts MATCH ?1 AND notes_fts.rowid = ?2",
};

static guint
kind_index (CfRecordKind kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (candidate_kinds); k++)
    if (candidate_kinds[k] == kind)
      return k;
  g_return_val_if_reached (0);
}

/* Fills in what a page shows of @hit (ranked by id and rank only); FALSE with
 * *found FALSE when its row has gone. */
static gboolean
load_details (CfCase       *self,
              const char   *fts,
              CfSearchHit  *hit,
              gboolean     *found,
              GError      **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, details_sql[kind_index (hit->kind)], error);
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, hit->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->claim_id = sqlite3_column_int64 (stmt, 1);
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (hit->kind == CF_RECORD_CLAIM && hit->document_id != 0)
        {
          hit->start = sqlite3_column_int (stmt, 4);
          hit->end = sqlite3_column_int (stmt, 5);
        }
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
  return FALSE;
}

/* The FTS5 query for @query, or NULL with @error set; "" for nothing to search. */
static char *
search_expression (const char  *query,
                   GError     **error)
{
  g_autofree char *fts = NULL;
  guint n_terms = 0;

  fts = fts_query_from_user (query, &n_terms);
  if (*fts != '\0' && n_terms > CF_SEARCH_MAX_TERMS)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The search has %u words or phrases; at most %u can be searched "
                     "for at once. Search for fewer."),
                   n_terms, (guint) CF_SEARCH_MAX_TERMS);
      return NULL;
    }
  return g_steal_pointer (&fts);
}

static gboolean search_ranked (CfCase *self, const char *query, const char *fts, guint limit,
                               GPtrArray *ranked, GPtrArray *hits, GError **error);

GPtrArray *
cf_case_search (CfCase      *self,
                const char  *query,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_hit_free);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_hit_free);
  g_autofree char *fts = NULL;
  gboolean read_transaction = FALSE, ok;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  if (limit == 0)
    limit = 50;

  fts = search_expression (query, error);
  if (fts == NULL)
    return NULL;
  if (*fts == '\0')
    return g_steal_pointer (&hits);

  /* one read transaction for the many statements, not a lock and a check of the
   * file for each; not inside an action, which has its own */
  if (sqlite3_get_autocommit (self->db))
    {
      if (!_cf_case_exec_sql (self->db, "BEGIN", _("Searching"), error))
        return NULL;
      read_transaction = TRUE;
    }
  ok = search_ranked (self, query, fts, limit, ranked, hits, error);
  if (read_transaction)
    _cf_case_exec_sql (self->db, ok ? "COMMIT" : "ROLLBACK", _("Searching"), NULL);
  return ok ? g_steal_pointer (&hits) : NULL;
}

static gboolean
search_ranked (CfCase      *self,
               const char  *query,
               const char  *fts,
               guint        limit,
               GPtrArray   *ranked,
               GPtrArray   *hits,
               GError     **error)
{
  if (!search_small_tables (self, query, ranked, error))
    return FALSE;

  /* Ranking reads the index only: no snippet() or highlight() here, for either makes
   * FTS5 load the row, text and all; the weights make a match in a title count more. */
  for (guint k = 0; k < G_N_ELEMENTS (candidates_sql); k++)
    {
      g_autoptr(CfStmt) stmt = _cf_case_prepare (self, candidates_sql[k], error);
      guint first = ranked->len, n = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, (gint64) ranked_max + 1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CfSearchHit *hit;

          /* one more than are ranked: only to know that there are more */
          if (++n > ranked_max)
            {
              for (guint i = first; i < ranked->len; i++)
                ((CfSearchHit *) ranked->pdata[i])->partial = TRUE;
              continue;
            }
          hit = g_new0 (CfSearchHit, 1);
          hit->kind = candidate_kinds[k];
          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->rank = sqlite3_column_double (stmt, 1);
          hit->start = hit->end = -1;
          g_ptr_array_add (ranked, hit);
        }
      if (rc != SQLITE_DONE)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
          return FALSE;
        }
    }

  /* Best first; what a hit shows (a document's text most of all) is read only when
   * its turn comes. */
  g_ptr_array_sort (ranked, compare_hits);
  for (guint i = 0; i < ranked->len && hits->len < limit; i++)
    {
      CfSearchHit *hit = g_ptr_array_index (ranked, i);
      gboolean found = TRUE;

      if (hit->kind == CF_RECORD_HYPOTHESIS || hit->kind == CF_RECORD_TAG)
        {
          g_ptr_array_add (hits, cf_search_hit_copy (hit));
          continue;
        }
      if (!load_details (self, fts, hit, &found, error))
        return FALSE;
      if (!found)
        continue;
      if (hit->kind == CF_RECORD_DOCUMENT)
        {
          if (!expand_document (self, fts, hit, limit - hits->len, hits, error))
            return FALSE;
        }
      else
        g_ptr_array_add (hits, cf_search_hit_copy (hit));
    }
  return TRUE;
}

gboolean
cf_case_count_search (CfCase      *self,
                      const char  *query,
                      guint64     *n_matches,
                      GError     **error)
{
  static const char * const count_sql[] = {
    "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH ?1",
    "SELECT count (*) FROM claims_fts WHERE claims_fts MATCH ?1",
    "SELECT count (*) FROM notes_fts WHERE notes_fts MATCH ?1",
  };
  g_autoptr(GPtrArray) small = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_hit_free);
  g_autofree char *fts = NULL;
  guint64 total = 0;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (n_matches != NULL, FALSE);

  *n_matches = 0;
  if (!_cf_case_check_open (self, error))
    return FALSE;
  fts = search_expression (query, error);
  if (fts == NULL)
    return FALSE;
  if (*fts == '\0')
    return TRUE;

  if (!search_small_tables (self, query, small, error))
    return FALSE;
  total = small->len;
  for (guint k = 0; k < G_N_ELEMENTS (count_sql); k++)
    {
      g_autoptr(CfStmt) stmt = _cf_case_prepare (self, count_sql[k], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
          return FALSE;
        }
      total += sqlite3_column_int64 (stmt, 0);
    }
  *n_matches = total;
  return TRUE;
}
