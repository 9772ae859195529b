/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full-text search over documents, claims and notes through their FTS5 indexes.
 * What a user types is turned into a query that cannot be an FTS5 syntax error;
 * hits of the three kinds are merged by bm25 rank. A hit is a boxed type so a
 * pane can pass it whole in a signal. */
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
  return ha->kind - hb->kind;
}

/* The character offset of the first highlighted match in @highlighted. */
static gint
first_match_offset (const char *highlighted,
                    gint       *length)
{
  const char *open = strchr (highlighted, '\x02');
  const char *close;

  *length = 0;
  if (open == NULL)
    return -1;
  close = strchr (open, '\x03');
  if (close != NULL)
    *length = (gint) g_utf8_strlen (open + 1, close - open - 1);
  return (gint) g_utf8_pointer_to_offset (highlighted, open);
}

GPtrArray *
cf_case_search (CfCase      *self,
                const char  *query,
                guint        limit,
                GError     **error)
{
  static const char *sql[] = {
    /* documents */
    "SELECT d.id, d.id, 0, bm25 (documents_fts, 4.0, 1.0), "
    "snippet (documents_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 16), "
    "d.title, highlight (documents_fts, 1, char (2), char (3)) "
    "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
    "WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    /* claims */
    "SELECT c.id, c.document_id, c.id, bm25 (claims_fts), "
    "snippet (claims_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 24), "
    "d.title, c.start_offset, c.end_offset "
    "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
    "JOIN documents d ON d.id = c.document_id "
    "WHERE claims_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    /* notes */
    "SELECT n.id, CASE n.target WHEN 'document' THEN n.target_id WHEN 'claim' THEN "
    "  (SELECT document_id FROM claims WHERE id = n.target_id) ELSE 0 END, "
    "CASE n.target WHEN 'claim' THEN n.target_id ELSE 0 END, bm25 (notes_fts), "
    "snippet (notes_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 24), "
    "CASE n.target WHEN 'case' THEN NULL ELSE "
    "  (SELECT title FROM documents WHERE id = CASE n.target WHEN 'document' THEN n.target_id "
    "   ELSE (SELECT document_id FROM claims WHERE id = n.target_id) END) END "
    "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
    "WHERE notes_fts MATCH ?1 ORDER BY rank LIMIT ?2",
  };
  static const CfRecordKind kinds[] = { CF_RECORD_DOCUMENT, CF_RECORD_CLAIM, CF_RECORD_NOTE };
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_hit_free);
  g_autofree char *fts = NULL;
  guint n_terms = 0;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  if (limit == 0)
    limit = 50;

  fts = fts_query_from_user (query, &n_terms);
  if (*fts == '\0')
    return g_steal_pointer (&hits);
  if (n_terms > CF_SEARCH_MAX_TERMS)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The search has %u words or phrases; at most %u can be searched "
                     "for at once. Search for fewer."),
                   n_terms, (guint) CF_SEARCH_MAX_TERMS);
      return NULL;
    }

  for (guint k = 0; k < G_N_ELEMENTS (sql); k++)
    {
      g_autoptr(CfStmt) stmt = _cf_case_prepare (self, sql[k], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CfSearchHit *hit = g_new0 (CfSearchHit, 1);

          hit->kind = kinds[k];
          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->document_id = sqlite3_column_int64 (stmt, 1);
          hit->claim_id = sqlite3_column_int64 (stmt, 2);
          hit->rank = sqlite3_column_double (stmt, 3);
          hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
          hit->start = hit->end = -1;
          if (hit->kind == CF_RECORD_DOCUMENT && sqlite3_column_type (stmt, 6) == SQLITE_TEXT)
            {
              gint length;

              hit->start = first_match_offset ((const char *) sqlite3_column_text (stmt, 6), &length);
              if (hit->start >= 0)
                hit->end = hit->start + length;
            }
          else if (hit->kind == CF_RECORD_CLAIM)
            {
              hit->start = sqlite3_column_int (stmt, 6);
              hit->end = sqlite3_column_int (stmt, 7);
            }
          g_ptr_array_add (hits, hit);
        }
      if (rc != SQLITE_DONE)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
          return NULL;
        }
    }

  g_ptr_array_sort (hits, compare_hits);
  if (hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  return g_steal_pointer (&hits);
}

