/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full-text search over documents, claims and notes through their FTS5 indexes,
 * and over the few hypotheses and tags by substring. What a user types is turned
 * into a query that cannot be an FTS5 syntax error. Ranking reads only the index
 * (bm25, and a document's count of occurrences from FTS5's positions); what a page
 * shows is read in one statement per kind, and the text of a document only when
 * the page shows it: every occurrence in it becomes a hit whose snippet and span
 * are that same occurrence (FTS5's positions and tokenizer find them, as for
 * highlight(), so the tokenizer decides what matches, as it did for the ranking).
 * A hit is a boxed type so a pane can pass it whole in a signal. */
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

/* --- occurrences in a document's text, from FTS5's own positions ------------------ */

/* documents_fts's columns: the title, then the text */
#define TEXT_COLUMN 1

/* An FTS5 auxiliary function of ours, registered on each connection the first time
 * a search needs it:
 *
 *   casefile_occurrences (documents_fts)     the row's occurrences in its text
 *   casefile_occurrences (documents_fts, ?)  the same, and with ? a bound
 *                                            OCCURRENCES_REQUEST (PageEntry by id),
 *                                            the offsets of the first `wanted`
 *
 * An occurrence is what FTS5's highlight() marks: an instance of one of the query's
 * phrases in the text, overlapping instances made one, so the tokenizer that ranked
 * decides what matches. Counting reads the positions FTS5 has from the index and
 * tokenizes nothing; offsets tokenize the text only as far as the last occurrence
 * asked for, where highlight() would copy and mark all of it. */
#define OCCURRENCES_FUNCTION "casefile_occurrences"
#define OCCURRENCES_REQUEST  "casefile-occurrences-request"

/* What a page shows of one ranked hit. For a document: how many of its occurrences
 * (`wanted`, from the first), which the function fills in with the text. */
typedef struct
{
  gint64        id;              /* the record's id: the key of the request */
  CfSearchHit  *ranked;          /* borrowed; its details are filled in */
  gboolean      found;           /* its row was read */
  guint         wanted;
  guint         n_occurrences;   /* in the text, at most CF_SEARCH_MAX_OCCURRENCES */
  GArray       *occurrences;     /* Occurrence: the first `wanted` of them */
  char         *text;
  char         *marked_title;
} PageEntry;

static void
page_entry_clear (gpointer data)
{
  PageEntry *entry = data;

  g_clear_pointer (&entry->occurrences, g_array_unref);
  g_clear_pointer (&entry->text, g_free);
  g_clear_pointer (&entry->marked_title, g_free);
}

/* The matches of a kind, newest first, with their rank and, for a document, how
 * many occurrences its text has: the index only, no text. */
static const char * const candidates_sql[] = {
  "SELECT rowid, rank, " OCCURRENCES_FUNCTION " (documents_fts) FROM documents_fts "
  "WHERE documents_fts MATCH ?1 AND rank MATCH 'bm25(4.0, 1.0)' ORDER BY rowid DESC LIMIT ?2",
  "SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
  "SELECT rowid, rank FROM notes_fts WHERE notes_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
};
static const CfRecordKind candidate_kinds[] = { CF_RECORD_DOCUMENT, CF_RECORD_CLAIM, CF_RECORD_NOTE };

/* What a page shows of its ranked hits of a kind, in one statement: ?1 the query,
 * ?2 and ?3 the lowest and highest of their ids, so FTS5 walks only the matches
 * between (at most those ranked), ?4 the ids as a JSON array, for whose rows alone
 * the snippets are made (the + keeps FTS5 from running the whole query once per
 * id, as it would for rowid = ?). Documents: rowid, the occurrences (?5 the
 * request), title, the title with its matches marked. Claims and notes: rowid,
 * document_id, claim_id, snippet, title, start, end. */
static const char * const page_sql[] = {
  "SELECT documents_fts.rowid, " OCCURRENCES_FUNCTION " (documents_fts, ?5), d.title, "
  "highlight (documents_fts, 0, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "') "
  "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
  "WHERE documents_fts MATCH ?1 AND documents_fts.rowid BETWEEN ?2 AND ?3 "
  "AND +documents_fts.rowid IN (SELECT value FROM json_each (?4))",
  "SELECT claims_fts.rowid, coalesce (c.document_id, 0), c.id, "
  "snippet (claims_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 24), "
  "d.title, c.start_offset, c.end_offset "
  "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
  "LEFT JOIN documents d ON d.id = c.document_id "
  "WHERE claims_fts MATCH ?1 AND claims_fts.rowid BETWEEN ?2 AND ?3 "
  "AND +claims_fts.rowid IN (SELECT value FROM json_each (?4))",
  "SELECT notes_fts.rowid, CASE n.target WHEN 'document' THEN n.target_id WHEN 'claim' THEN "
  "  (SELECT coalesce (document_id, 0) FROM claims WHERE id = n.target_id) ELSE 0 END, "
  "CASE n.target WHEN 'claim' THEN n.target_id ELSE 0 END, "
  "snippet (notes_fts, -1, '" CF_SEARCH_MATCH_START "', '" CF_SEARCH_MATCH_END "', '…', 24), "
  "CASE n.target WHEN 'case' THEN NULL ELSE "
  "  (SELECT title FROM documents WHERE id = CASE n.target WHEN 'document' THEN n.target_id "
  "   ELSE (SELECT document_id FROM claims WHERE id = n.target_id) END) END "
  "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
  "WHERE notes_fts MATCH ?1 AND notes_fts.rowid BETWEEN ?2 AND ?3 "
  "AND +notes_fts.rowid IN (SELECT value FROM json_each (?4))",
};

/* Matching tokens, by their positions in the text (both included). */
typedef struct
{
  int first;
  int last;
} TokenSpan;

static void
close_span (TokenSpan *open,
            guint      keep,
            GArray    *spans,
            guint     *n_spans)
{
  if (*n_spans < keep)
    g_array_append_val (spans, *open);
  (*n_spans)++;
  open->first = open->last = -1;
}

/* Counts the occurrences in the text of the current row (at most
 * CF_SEARCH_MAX_OCCURRENCES) and keeps the first @keep in @spans. FTS5 gives the
 * instances sorted by column and position; one that starts inside the open span
 * extends it, as in highlight(). */
static int
text_spans (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            guint                   keep,
            GArray                 *spans,
            guint                  *n_spans)
{
  TokenSpan open = { -1, -1 };
  int n_instances = 0;
  int rc = api->xInstCount (fts, &n_instances);

  *n_spans = 0;
  for (int i = 0; rc == SQLITE_OK && i < n_instances && *n_spans < CF_SEARCH_MAX_OCCURRENCES; i++)
    {
      int phrase = 0, column = 0, first = 0, last;

      rc = api->xInst (fts, i, &phrase, &column, &first);
      if (rc != SQLITE_OK || column != TEXT_COLUMN)
        continue;
      last = first + MAX (api->xPhraseSize (fts, phrase), 1) - 1;
      if (open.first >= 0 && first <= open.last)
        {
          open.last = MAX (open.last, last);
          continue;
        }
      if (open.first >= 0)
        close_span (&open, keep, spans, n_spans);
      open.first = first;
      open.last = last;
    }
  if (rc == SQLITE_OK && open.first >= 0 && *n_spans < CF_SEARCH_MAX_OCCURRENCES)
    close_span (&open, keep, spans, n_spans);
  return rc;
}

/* The tokenizer's walk over the text: the byte offsets of each span's first and
 * last token. The spans are disjoint and in order, so one pass finds them all. */
typedef struct
{
  const TokenSpan *spans;
  guint            n_spans;
  guint            next;        /* the span being looked for */
  int              position;    /* of the coming token */
  int              byte_start;  /* of the next span's first token */
  GArray          *out;         /* Occurrence, byte offsets only */
} TokenWalk;

static int
walk_token (void       *data,
            int         flags,
            const char *token,
            int         n_token,
            int         start,
            int         end)
{
  TokenWalk *walk = data;
  const TokenSpan *span = &walk->spans[walk->next];
  int position;

  (void) token;
  (void) n_token;
  /* another form of the same token, at the same position */
  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;
  position = walk->position++;
  if (position == span->first)
    walk->byte_start = start;
  if (position == span->last)
    {
      Occurrence occurrence = { { -1, -1 }, walk->byte_start, end };

      g_array_append_val (walk->out, occurrence);
      /* the rest of the text is not needed: stop the tokenizer */
      if (++walk->next == walk->n_spans)
        return SQLITE_DONE;
    }
  return SQLITE_OK;
}

/* Turns byte offsets into character offsets in one walk over the text, dropping
 * any that do not fit it (an index that disagrees with the text cannot send a
 * snippet outside it). */
static void
set_character_ranges (GArray     *occurrences,
                      const char *text)
{
  gsize length = strlen (text), at = 0;
  gint characters = 0;
  guint kept = 0;

  for (guint i = 0; i < occurrences->len; i++)
    {
      Occurrence occurrence = g_array_index (occurrences, Occurrence, i);

      if (occurrence.byte_start < at || occurrence.byte_end < occurrence.byte_start
          || occurrence.byte_end > length)
        continue;
      for (; at < occurrence.byte_start; at++)
        characters += ((guchar) text[at] & 0xc0) != 0x80;
      occurrence.range.start = characters;
      for (; at < occurrence.byte_end; at++)
        characters += ((guchar) text[at] & 0xc0) != 0x80;
      occurrence.range.end = characters;
      if (occurrence.range.end > occurrence.range.start)
        g_array_index (occurrences, Occurrence, kept++) = occurrence;
    }
  g_array_set_size (occurrences, kept);
}

/* The offsets of @spans in the text of the current row, and the text, into @entry. */
static int
read_offsets (const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              GArray                 *spans,
              PageEntry              *entry)
{
  const char *text = NULL;
  int n_text = 0;
  int rc = api->xColumnText (fts, TEXT_COLUMN, &text, &n_text);

  if (rc != SQLITE_OK)
    return rc;
  g_free (entry->text);
  entry->text = g_strndup (text != NULL ? text : "", text != NULL ? n_text : 0);
  if (entry->occurrences == NULL)
    entry->occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_array_set_size (entry->occurrences, 0);
  if (spans->len > 0 && text != NULL)
    {
      TokenWalk walk = { (const TokenSpan *) (gpointer) spans->data, spans->len, 0, 0, 0,
                         entry->occurrences };

      rc = api->xTokenize (fts, text, n_text, &walk, walk_token);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  set_character_ranges (entry->occurrences, entry->text);
  return rc;
}

static void
occurrences_function (const Fts5ExtensionApi *api,
                      Fts5Context            *fts,
                      sqlite3_context        *context,
                      int                     n_args,
                      sqlite3_value         **args)
{
  GHashTable *request = n_args == 1 ? sqlite3_value_pointer (args[0], OCCURRENCES_REQUEST) : NULL;
  gint64 id = api->xRowid (fts);
  PageEntry *entry = request != NULL ? g_hash_table_lookup (request, &id) : NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TokenSpan));
  guint n_spans = 0;
  int rc;

  if (n_args > 1)
    {
      sqlite3_result_error (context, OCCURRENCES_FUNCTION ": too many arguments", -1);
      return;
    }
  rc = text_spans (api, fts, entry != NULL ? entry->wanted : 0, spans, &n_spans);
  if (rc == SQLITE_OK && entry != NULL)
    {
      rc = read_offsets (api, fts, spans, entry);
      entry->n_occurrences = n_spans;
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  sqlite3_result_int64 (context, n_spans);
}

/* Registers casefile_occurrences() on the connection unless it is there. */
static gboolean
ensure_occurrences_function (CfCase  *self,
                             GError **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *fts5 = NULL;
  int rc;

  /* a cached statement that names it was prepared on this connection */
  if (g_hash_table_contains (self->statements, candidates_sql[0]))
    return TRUE;
  /* FTS5 declares the name as an SQL function when the function is registered */
  rc = sqlite3_prepare_v2 (self->db, "SELECT " OCCURRENCES_FUNCTION " ()", -1, &stmt, NULL);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK)
    return TRUE;

  rc = sqlite3_prepare_v2 (self->db, "SELECT fts5 (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &fts5, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      rc = sqlite3_finalize (stmt);
    }
  if (rc == SQLITE_OK && fts5 == NULL)
    rc = SQLITE_ERROR;
  if (rc == SQLITE_OK)
    rc = fts5->xCreateFunction (fts5, OCCURRENCES_FUNCTION, NULL, occurrences_function, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
      return FALSE;
    }
  return TRUE;
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

/* --- a page of hits ------------------------------------------------------------------ */

static guint
kind_index (CfRecordKind kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (candidate_kinds); k++)
    if (candidate_kinds[k] == kind)
      return k;
  g_return_val_if_reached (0);
}

/* Reads what the page shows of its entries of kind @k (an index of candidate_kinds)
 * in one statement; an entry whose row has gone stays not found. */
static gboolean
read_page_kind (CfCase      *self,
                const char  *fts,
                guint        k,
                GArray      *page,
                GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(CfStmt) stmt = NULL;
  gint64 low = G_MAXINT64, high = G_MININT64;
  int rc;

  for (guint i = 0; i < page->len; i++)
    {
      PageEntry *entry = &g_array_index (page, PageEntry, i);

      if (entry->ranked->kind != candidate_kinds[k])
        continue;
      g_hash_table_insert (by_id, &entry->id, entry);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", entry->id);
      low = MIN (low, entry->id);
      high = MAX (high, entry->id);
    }
  if (g_hash_table_size (by_id) == 0)
    return TRUE;
  g_string_append_c (ids, ']');

  stmt = _cf_case_prepare (self, page_sql[k], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, low);
  sqlite3_bind_int64 (stmt, 3, high);
  sqlite3_bind_text (stmt, 4, ids->str, -1, SQLITE_STATIC);
  if (candidate_kinds[k] == CF_RECORD_DOCUMENT)
    sqlite3_bind_pointer (stmt, 5, by_id, OCCURRENCES_REQUEST, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PageEntry *entry = g_hash_table_lookup (by_id, &id);
      CfSearchHit *hit;

      if (entry == NULL || entry->found)
        continue;
      entry->found = TRUE;
      hit = entry->ranked;
      if (hit->kind == CF_RECORD_DOCUMENT)
        {
          hit->document_id = id;
          hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          entry->marked_title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          continue;
        }
      hit->document_id = sqlite3_column_int64 (stmt, 1);
      hit->claim_id = sqlite3_column_int64 (stmt, 2);
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      if (hit->kind == CF_RECORD_CLAIM && hit->document_id != 0)
        {
          hit->start = sqlite3_column_int (stmt, 5);
          hit->end = sqlite3_column_int (stmt, 6);
        }
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
      return FALSE;
    }
  return TRUE;
}

/* Adds the hits of one entry, at most @room: a document becomes a hit per
 * occurrence in its text, or one on its title when the text has none. */
static void
add_entry_hits (PageEntry  *entry,
                guint       room,
                GPtrArray  *hits)
{
  CfSearchHit *ranked = entry->ranked;

  if (!entry->found)
    return;
  if (ranked->kind != CF_RECORD_DOCUMENT)
    g_ptr_array_add (hits, cf_search_hit_copy (ranked));
  else if (entry->occurrences == NULL || entry->occurrences->len == 0)
    {
      CfSearchHit *hit = cf_search_hit_copy (ranked);

      /* a match in the title only */
      g_free (hit->snippet);
      hit->snippet = g_steal_pointer (&entry->marked_title);
      hit->n_occurrences = 0;
      g_ptr_array_add (hits, hit);
    }
  else
    for (guint i = 0; i < entry->occurrences->len && i < room; i++)
      {
        const Occurrence *occurrence = &g_array_index (entry->occurrences, Occurrence, i);
        CfSearchHit *hit = cf_search_hit_copy (ranked);

        g_free (hit->snippet);
        hit->snippet = occurrence_snippet (entry->text, occurrence);
        hit->start = occurrence->range.start;
        hit->end = occurrence->range.end;
        hit->occurrence = i + 1;
        hit->n_occurrences = entry->n_occurrences;
        g_ptr_array_add (hits, hit);
      }
}

/* Fills @hits from @ranked (best first) up to @limit. The ranked hits that fill
 * the room are read together, a statement per kind; a document takes as many
 * places as it has occurrences (the count ranking gave), and only those are read. */
static gboolean
fill_page (CfCase      *self,
           const char  *fts,
           GPtrArray   *ranked,
           guint        limit,
           GPtrArray   *hits,
           GError     **error)
{
  guint next = 0;

  while (next < ranked->len && hits->len < limit)
    {
      g_autoptr(GArray) page = g_array_new (FALSE, TRUE, sizeof (PageEntry));
      guint room = limit - hits->len, planned = 0;

      g_array_set_clear_func (page, page_entry_clear);
      for (; next < ranked->len && planned < room; next++)
        {
          CfSearchHit *hit = g_ptr_array_index (ranked, next);
          PageEntry entry = { .id = hit->id, .ranked = hit };

          /* hypotheses and tags were read whole */
          entry.found = hit->kind == CF_RECORD_HYPOTHESIS || hit->kind == CF_RECORD_TAG;
          if (hit->kind == CF_RECORD_DOCUMENT)
            entry.wanted = MIN (hit->n_occurrences, room - planned);
          planned += MAX (entry.wanted, 1);
          g_array_append_val (page, entry);
        }
      for (guint k = 0; k < G_N_ELEMENTS (candidate_kinds); k++)
        if (!read_page_kind (self, fts, k, page, error))
          return FALSE;
      for (guint i = 0; i < page->len && hits->len < limit; i++)
        add_entry_hits (&g_array_index (page, PageEntry, i), limit - hits->len, hits);
    }
  return TRUE;
}

GArray *
cf_case_find_in_document (CfCase      *self,
                          gint64       document_id,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(GArray) page = g_array_new (FALSE, TRUE, sizeof (PageEntry));
  PageEntry *entry;
  CfSearchHit ranked = { 0 };
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

  /* the page of one document that shows all its occurrences */
  g_array_set_clear_func (page, page_entry_clear);
  ranked.kind = CF_RECORD_DOCUMENT;
  ranked.id = document_id;
  g_array_set_size (page, 1);
  entry = &g_array_index (page, PageEntry, 0);
  entry->id = document_id;
  entry->ranked = &ranked;
  entry->wanted = CF_SEARCH_MAX_OCCURRENCES;
  if (!ensure_occurrences_function (self, error)
      || !read_page_kind (self, fts, kind_index (CF_RECORD_DOCUMENT), page, error))
    {
      g_free (ranked.title);
      g_array_unref (ranges);
      return NULL;
    }
  g_free (ranked.title);
  for (guint i = 0; entry->occurrences != NULL && i < entry->occurrences->len; i++)
    g_array_append_val (ranges, g_array_index (entry->occurrences, Occurrence, i).range);
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

/* Where the case-folded @needle starts in @hay (@folded_hay, folded whole),
 * ignoring case; NULL when not. */
static const char *
find_folded (const char *hay,
             const char *folded_hay,
             const char *needle,
             const char **match_end)
{
  gsize needle_len = strlen (needle);

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

/* A hypothesis (title, description) or a tag (its path, no extra), with its texts
 * case-folded once. */
typedef struct
{
  CfRecordKind  kind;
  gint64        id;
  char         *title;
  char         *extra;
  char         *folded_title;
  char         *folded_extra;
} SmallRow;

static void
small_row_clear (gpointer data)
{
  SmallRow *row = data;

  g_free (row->title);
  g_free (row->extra);
  g_free (row->folded_title);
  g_free (row->folded_extra);
}

/* @row's title with its first match of any term marked, or NULL when the terms
 * (all, or any of them) are not all in its title or extra. */
static char *
match_plain (const SmallRow *row,
             GPtrArray      *terms,
             gboolean        any)
{
  const char *text = row->title;
  const char *first = NULL, *first_end = NULL;
  guint found = 0;
  GString *out;

  for (guint i = 0; i < terms->len; i++)
    {
      const char *end = NULL;
      const char *at = find_folded (text, row->folded_title, terms->pdata[i], &end);

      if (at != NULL && (first == NULL || at < first))
        {
          first = at;
          first_end = end;
        }
      if (at != NULL
          || (row->extra != NULL && find_folded (row->extra, row->folded_extra, terms->pdata[i], &end) != NULL))
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

/* The hypotheses and tags, read and folded once and kept (on the case object)
 * while nothing has changed: no change through this connection (its count of
 * changed rows, which undo and rolled-back edits raise too) and no commit by
 * another (data_version). Their paths come from a recursive query over every tag,
 * and folding them all cost more than a rare word's whole search. */
typedef struct
{
  sqlite3       *db;
  sqlite3_int64  changes;
  gint64         data_version;
  GArray        *rows;    /* SmallRow */
} SmallTables;

static void
small_tables_free (gpointer data)
{
  SmallTables *cache = data;

  g_array_unref (cache->rows);
  g_free (cache);
}

static GQuark
small_tables_quark (void)
{
  return g_quark_from_static_string ("cf-case-search-small-tables");
}

static GArray *
small_tables (CfCase  *self,
              GError **error)
{
  static const char *sql[] = {
    "SELECT id, title, description FROM hypotheses ORDER BY id",
    "WITH RECURSIVE paths (id, path) AS ("
    "  SELECT id, name FROM tags WHERE parent_id IS NULL"
    "  UNION ALL SELECT t.id, p.path || '/' || t.name FROM tags t JOIN paths p ON t.parent_id = p.id) "
    "SELECT id, path, NULL FROM paths ORDER BY path",
  };
  static const CfRecordKind kinds[] = { CF_RECORD_HYPOTHESIS, CF_RECORD_TAG };
  SmallTables *cache = g_object_get_qdata (G_OBJECT (self), small_tables_quark ());
  g_autoptr(GArray) rows = NULL;
  gint64 data_version;
  int rc;

  if (!_cf_case_read_data_version (self, &data_version, _("Searching"), error))
    return NULL;
  if (cache != NULL && cache->db == self->db && cache->changes == sqlite3_total_changes64 (self->db)
      && cache->data_version == data_version)
    return cache->rows;

  rows = g_array_new (FALSE, TRUE, sizeof (SmallRow));
  g_array_set_clear_func (rows, small_row_clear);
  for (guint k = 0; k < G_N_ELEMENTS (sql); k++)
    {
      g_autoptr(CfStmt) stmt = _cf_case_prepare (self, sql[k], error);

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *title = (const char *) sqlite3_column_text (stmt, 1);
          const char *extra = (const char *) sqlite3_column_text (stmt, 2);
          SmallRow row = { kinds[k], sqlite3_column_int64 (stmt, 0), g_strdup (title != NULL ? title : ""),
                           g_strdup (extra), NULL, NULL };

          row.folded_title = g_utf8_casefold (row.title, -1);
          row.folded_extra = extra != NULL ? g_utf8_casefold (extra, -1) : NULL;
          g_array_append_val (rows, row);
        }
      if (rc != SQLITE_DONE)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
          return NULL;
        }
    }

  cache = g_new0 (SmallTables, 1);
  cache->db = self->db;
  cache->changes = sqlite3_total_changes64 (self->db);
  cache->data_version = data_version;
  cache->rows = g_steal_pointer (&rows);
  g_object_set_qdata_full (G_OBJECT (self), small_tables_quark (), cache, small_tables_free);
  return cache->rows;
}

/* Hypotheses (title, description) and tags (path) whose text holds the words. */
static gboolean
search_small_tables (CfCase      *self,
                     const char  *query,
                     GPtrArray   *hits,
                     GError     **error)
{
  gboolean any = FALSE;
  g_autoptr(GPtrArray) terms = plain_terms (query, &any);
  GArray *rows;

  if (terms->len == 0)
    return TRUE;
  rows = small_tables (self, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const SmallRow *row = &g_array_index (rows, SmallRow, i);
      g_autofree char *snippet = match_plain (row, terms, any);
      CfSearchHit *hit;

      if (snippet == NULL)
        continue;
      hit = g_new0 (CfSearchHit, 1);
      hit->kind = row->kind;
      hit->id = row->id;
      hit->start = hit->end = -1;
      hit->title = g_strdup (row->title);
      hit->snippet = g_steal_pointer (&snippet);
      /* named by the words: before every ranked hit */
      hit->rank = -G_MAXDOUBLE;
      g_ptr_array_add (hits, hit);
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
  if (!ensure_occurrences_function (self, error)
      || !search_small_tables (self, query, ranked, error))
    return FALSE;

  /* Ranking reads the index only: no snippet() or highlight() here, for either makes
   * FTS5 load the row, text and all; the weights make a match in a title count more,
   * and a document's occurrences are counted from the positions FTS5 has. */
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
          if (hit->kind == CF_RECORD_DOCUMENT)
            hit->n_occurrences = sqlite3_column_int (stmt, 2);
          g_ptr_array_add (ranked, hit);
        }
      if (rc != SQLITE_DONE)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Searching"));
          return FALSE;
        }
    }

  /* Best first; what a hit shows (a document's text most of all) is read only when
   * it is on the page. */
  g_ptr_array_sort (ranked, compare_hits);
  return fill_page (self, fts, ranked, limit, hits, error);
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
