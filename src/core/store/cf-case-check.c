/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The integrity check behind "casefile-cli check": SQLite's own integrity and
 * foreign-key checks, then what only Casefile knows - every claim inside its
 * document with a matching quote, hashes matching the original bytes, ratings and
 * relations on their scales, text that is valid UTF-8, notes and nested tags that
 * resolve, search indexes in step. Each kind of finding has its own function; each
 * finding says where it is (table, id, column) in one sentence. The check never
 * writes to the case file: what needs writing (the search-index check) is done on
 * copies in the connection's TEMP database. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"
#include "cf-case-schema.h"

/* A runaway file could yield a finding per row: report this many, then stop. */
#define MAX_FINDINGS 1000

void
cf_case_finding_free (CfCaseFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->table);
  g_free (finding->column);
  g_free (finding->message);
  g_free (finding);
}

static void add_finding (GPtrArray  *findings,
                         const char *table,
                         gint64      id,
                         const char *column,
                         const char *format,
                         ...) G_GNUC_PRINTF (5, 6);

static void
add_finding (GPtrArray  *findings,
             const char *table,
             gint64      id,
             const char *column,
             const char *format,
             ...)
{
  CfCaseFinding *finding;
  va_list args;

  if (findings->len >= MAX_FINDINGS)
    return;
  finding = g_new0 (CfCaseFinding, 1);
  finding->table = g_strdup (table);
  finding->id = id;
  finding->column = g_strdup (column);
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, finding);
}

/* --- what SQLite knows ------------------------------------------------------------ */

static void
check_sqlite_integrity (CfCase    *self,
                        GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      add_finding (findings, NULL, 0, NULL, _("SQLite integrity check: %s"), sqlite3_errmsg (self->db));
      return;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") == 0)
        continue;
      add_finding (findings, NULL, 0, NULL, _("SQLite integrity check: %s"), row ? row : "");
      if (findings->len > 100)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  /* a page too damaged to walk stops the check itself: that is a finding too */
  if (rc != SQLITE_DONE)
    add_finding (findings, NULL, 0, NULL, _("SQLite integrity check: %s"),
                 sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
}

static void
check_foreign_keys (CfCase    *self,
                    GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);

      /* a claim without its document has its own, clearer finding */
      if (g_strcmp0 (table, "claims") == 0 && g_strcmp0 (parent, "documents") == 0)
        continue;
      add_finding (findings, table, sqlite3_column_int64 (stmt, 1), NULL,
                   _("A row %" PRId64 " of “%s” refers to a missing row of “%s”."),
                   (gint64) sqlite3_column_int64 (stmt, 1), table, parent);
    }
  sqlite3_finalize (stmt);
}

static void
check_case_record (CfCase    *self,
                   GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM case_info WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 1)
    add_finding (findings, "case_info", 1, NULL, _("The case record is missing."));
  sqlite3_finalize (stmt);
}

/* AUTOINCREMENT takes the next id from sqlite_sequence: a value there at the top of
 * the range (written by hand) would make every later insert fail. */
static void
check_id_sequences (CfCase    *self,
                    GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT name, seq FROM sqlite_sequence "
                          "WHERE typeof (seq) != 'integer' OR seq < 0 OR seq > 4611686018427387904",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      add_finding (findings, table, 0, NULL,
                   _("The next id of “%s” is out of range (%s), so nothing more could be "
                     "added to it."),
                   table ? table : "", (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
}

/* --- documents and their claims --------------------------------------------------- */

static gboolean
check_documents (CfCase     *self,
                 GPtrArray  *findings,
                 GError    **error)
{
  sqlite3_stmt *docs = NULL;
  sqlite3_stmt *claims = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           /* each original is hashed once, with the first document from it */
                           "SELECT d.id, d.text, d.text_length, o.sha256, o.bytes, o.id FROM documents d "
                           "LEFT JOIN originals o ON o.id = d.original_id AND d.id = "
                           "  (SELECT min (id) FROM documents WHERE original_id = d.original_id) "
                           "ORDER BY d.id",
                           -1, &docs, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db,
                             "SELECT id, start_offset, end_offset, quote FROM claims "
                             "WHERE document_id = ?1 ORDER BY start_offset",
                             -1, &claims, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Checking the case"));
      sqlite3_finalize (docs);
      return FALSE;
    }
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      gint64 doc_id = sqlite3_column_int64 (docs, 0);
      const char *text = (const char *) sqlite3_column_text (docs, 1);
      int text_bytes = sqlite3_column_bytes (docs, 1);
      gint64 stored_length = sqlite3_column_int64 (docs, 2);
      const char *sha = (const char *) sqlite3_column_text (docs, 3);
      g_autofree char *actual_sha = NULL;
      const char *cursor;
      gint64 length, cursor_offset;

      if (text == NULL || !g_utf8_validate_len (text, text_bytes, NULL))
        {
          add_finding (findings, "documents", doc_id, "text",
                       _("Document %" PRId64 " has text that is not valid UTF-8."), doc_id);
          continue;
        }
      length = g_utf8_strlen (text, -1);
      if (length != stored_length)
        add_finding (findings, "documents", doc_id, "text_length",
                     _("Document %" PRId64 " says it has %" PRId64 " characters but has %" PRId64 "."),
                     doc_id, stored_length, length);
      if (sqlite3_column_type (docs, 5) != SQLITE_NULL)
        actual_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                  sqlite3_column_blob (docs, 4) ? sqlite3_column_blob (docs, 4) : (const void *) "",
                                                  sqlite3_column_bytes (docs, 4));
      if (actual_sha != NULL && g_strcmp0 (sha, actual_sha) != 0)
        add_finding (findings, "originals", sqlite3_column_int64 (docs, 5), "bytes",
                     _("The original bytes of document %" PRId64 " do not match their SHA-256."),
                     doc_id);

      sqlite3_bind_int64 (claims, 1, doc_id);
      cursor = text;
      cursor_offset = 0;
      while (sqlite3_step (claims) == SQLITE_ROW)
        {
          gint64 claim_id = sqlite3_column_int64 (claims, 0);
          gint64 start = sqlite3_column_int64 (claims, 1);
          gint64 end = sqlite3_column_int64 (claims, 2);
          const char *quote = (const char *) sqlite3_column_text (claims, 3);
          const char *p_start, *p_end;

          if (start < 0 || end <= start || end > length)
            {
              add_finding (findings, "claims", claim_id, "start_offset",
                           _("Claim %" PRId64 " points outside its document (%" PRId64 "–%"
                             PRId64 " of %" PRId64 ")."),
                           claim_id, start, end, length);
              continue;
            }
          /* claims come in start order: walk on from the last one, not from the
           * beginning of a long text each time */
          if (start < cursor_offset)
            {
              cursor = text;
              cursor_offset = 0;
            }
          p_start = g_utf8_offset_to_pointer (cursor, start - cursor_offset);
          cursor = p_start;
          cursor_offset = start;
          p_end = g_utf8_offset_to_pointer (p_start, end - start);
          if (quote == NULL || strlen (quote) != (gsize) (p_end - p_start)
              || memcmp (quote, p_start, p_end - p_start) != 0)
            add_finding (findings, "claims", claim_id, "quote",
                         _("The quote of claim %" PRId64 " does not match its document's text."),
                         claim_id);
        }
      sqlite3_reset (claims);
    }
  sqlite3_finalize (docs);
  sqlite3_finalize (claims);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Checking the case"));
      return FALSE;
    }
  return TRUE;
}

static void
check_claims_without_document (CfCase    *self,
                               GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, document_id FROM claims c WHERE c.document_id IS NOT NULL AND NOT EXISTS "
                          "(SELECT 1 FROM documents WHERE id = c.document_id) ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_finding (findings, "claims", sqlite3_column_int64 (stmt, 0), "document_id",
                 _("Claim %" PRId64 " is on document %" PRId64 ", which does not exist."),
                 (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
}

/* --- values on their scales ------------------------------------------------------- */

/* The scales of cf-scales.h as SQL: a value that is set must be @valid. The CHECK
 * constraints say the same, but a file written with them switched off gets past
 * them (and a real number such as 2.5 passes BETWEEN). */
static const struct
{
  const char *table;
  const char *column;
  const char *valid;
  const char *scale;
} scales[] = {
  { "claims", "reliability", "reliability IN ('A', 'B', 'C', 'D', 'E', 'F')", "A–F" },
  { "claims", "credibility", "typeof (credibility) = 'integer' AND credibility BETWEEN 1 AND 6", "1–6" },
  { "claims", "likelihood", "typeof (likelihood) = 'integer' AND likelihood BETWEEN 1 AND 7", "1–7" },
  { "claims", "confidence", "typeof (confidence) = 'integer' AND confidence BETWEEN 1 AND 3", "1–3" },
  { "hypotheses", "likelihood", "typeof (likelihood) = 'integer' AND likelihood BETWEEN 1 AND 7", "1–7" },
  { "hypotheses", "confidence", "typeof (confidence) = 'integer' AND confidence BETWEEN 1 AND 3", "1–3" },
  { "claim_hypotheses", "relation", "relation IN ('CC', 'C', 'N', 'I', 'II', 'NA')",
    "CC, C, N, I, II, NA" },
  { "notes", "target", "target IN ('case', 'document', 'claim')", "case, document, claim" },
};

static void
check_scales (CfCase    *self,
              GPtrArray *findings)
{
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      /* a relation has no id of its own: it is found by its claim */
      const char *id = g_str_equal (scales[i].table, "claim_hypotheses") ? "claim_id" : "id";
      g_autofree char *sql = g_strdup_printf ("SELECT %s, quote (%s) FROM %s "
                                              "WHERE %s IS NOT NULL AND NOT (%s) ORDER BY %s",
                                              id, scales[i].column, scales[i].table,
                                              scales[i].column, scales[i].valid, id);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        add_finding (findings, scales[i].table, sqlite3_column_int64 (stmt, 0), scales[i].column,
                     _("The %s %s is not on its scale (%s)."), scales[i].column,
                     (const char *) sqlite3_column_text (stmt, 1), scales[i].scale);
      sqlite3_finalize (stmt);
    }
}

/* --- text ----------------------------------------------------------------------------- */

/* Every TEXT column of every table must hold valid UTF-8 without NUL bytes: GTK,
 * Pango and JSON refuse anything else. Document text has its own finding above. */
static void
check_text_column (CfCase     *self,
                   GPtrArray  *findings,
                   const char *table,
                   const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, \"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL",
                                          column, table, column);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      int bytes = sqlite3_column_bytes (stmt, 1);

      if (text == NULL || !g_utf8_validate_len (text, bytes, NULL))
        add_finding (findings, table, sqlite3_column_int64 (stmt, 0), column,
                     _("The %s of row %" PRId64 " of “%s” is not valid UTF-8 text."),
                     column, (gint64) sqlite3_column_int64 (stmt, 0), table);
    }
  sqlite3_finalize (stmt);
}

static void
check_text (CfCase    *self,
            GPtrArray *findings)
{
  sqlite3_stmt *columns = NULL;

  /* the tables of the case (not SQLite's, not the search indexes' own) and their
   * columns declared TEXT */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT t.name, c.name FROM sqlite_schema t, pragma_table_info (t.name) c "
                          "WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                          "AND t.name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' AND t.sql NOT LIKE 'CREATE VIRTUAL%' "
                          "AND upper (c.type) = 'TEXT' ORDER BY t.name, c.cid",
                          -1, &columns, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (columns) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (columns, 0);
      const char *column = (const char *) sqlite3_column_text (columns, 1);

      if (g_str_equal (table, "documents") && g_str_equal (column, "text"))
        continue;
      check_text_column (self, findings, table, column);
    }
  sqlite3_finalize (columns);
}

/* --- references ------------------------------------------------------------------- */

static void
check_note_targets (CfCase    *self,
                    GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, target FROM notes n WHERE "
                          "(target = 'document' AND NOT EXISTS (SELECT 1 FROM documents WHERE id = n.target_id)) OR "
                          "(target = 'claim' AND NOT EXISTS (SELECT 1 FROM claims WHERE id = n.target_id))",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 note_id = sqlite3_column_int64 (stmt, 0);

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "document") == 0)
        add_finding (findings, "notes", note_id, "target_id",
                     _("Note %" PRId64 " is on a document that no longer exists."), note_id);
      else
        add_finding (findings, "notes", note_id, "target_id",
                     _("Note %" PRId64 " is on a claim that no longer exists."), note_id);
    }
  sqlite3_finalize (stmt);
}

/* nested tags must end at the top within a bounded number of steps */
static void
check_tag_nesting (CfCase    *self,
                   GPtrArray *findings)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "WITH RECURSIVE up (start, id, depth) AS ("
                          " SELECT id, parent_id, 1 FROM tags WHERE parent_id IS NOT NULL"
                          " UNION ALL"
                          " SELECT up.start, t.parent_id, up.depth + 1 FROM up JOIN tags t ON t.id = up.id"
                          " WHERE t.parent_id IS NOT NULL AND up.depth < 64) "
                          "SELECT DISTINCT start FROM up WHERE depth >= 64 OR id = start",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_finding (findings, "tags", sqlite3_column_int64 (stmt, 0), "parent_id",
                 _("Tag %" PRId64 " is nested inside itself."),
                 (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
}

/* --- search indexes ----------------------------------------------------------------- */

/* The search indexes as cf-case-schema.c creates them. */
static const struct
{
  const char *fts;
  const char *content;
  const char *columns;
} search_indexes[] = {
  { "documents_fts", "documents", "title, text" },
  { "claims_fts", "claims", "quote, paraphrase" },
  { "notes_fts", "notes", "body" },
};

static const char *const fts_shadow_tables[] = { "data", "idx", "docsize", "config" };

/* FTS5's integrity-check (with rank 1: the index against the text it indexes) is an
 * INSERT, which a read-only connection refuses. So the index's tables are copied
 * into an FTS5 table of the TEMP database, over a TEMP view of the text, and that
 * copy is checked: the case file is only read. */
static void
check_search_index (CfCase     *self,
                    GPtrArray  *findings,
                    const char *fts,
                    const char *content,
                    const char *columns)
{
  g_autoptr(GString) copy = g_string_new (NULL);
  char *message = NULL;

  g_string_append_printf (copy,
                          "CREATE TEMP VIEW cf_check_content AS SELECT id, %s FROM main.%s;\n"
                          "CREATE VIRTUAL TABLE temp.cf_check_fts USING fts5 (%s, content='cf_check_content', "
                          "content_rowid='id', " CF_SEARCH_INDEX_OPTIONS ");\n",
                          columns, content, columns);
  for (guint i = 0; i < G_N_ELEMENTS (fts_shadow_tables); i++)
    g_string_append_printf (copy,
                            "DELETE FROM temp.cf_check_fts_%s;\n"
                            "INSERT INTO temp.cf_check_fts_%s SELECT * FROM main.%s_%s;\n",
                            fts_shadow_tables[i], fts_shadow_tables[i], fts, fts_shadow_tables[i]);

  /* a copy that fails (no room for temporary files) says nothing about the index */
  if (sqlite3_exec (self->db, copy->str, NULL, NULL, &message) != SQLITE_OK)
    add_finding (findings, fts, 0, NULL, _("The search index could not be checked (%s)."),
                 message ? message : sqlite3_errmsg (self->db));
  else if (sqlite3_exec (self->db,
                         "INSERT INTO temp.cf_check_fts (cf_check_fts, rank) VALUES ('integrity-check', 1)",
                         NULL, NULL, &message) != SQLITE_OK)
    add_finding (findings, fts, 0, NULL,
                 _("The search index is damaged or out of step with the case (%s)."),
                 message ? message : sqlite3_errmsg (self->db));
  sqlite3_free (message);
  sqlite3_exec (self->db,
                "DROP TABLE IF EXISTS temp.cf_check_fts; DROP VIEW IF EXISTS temp.cf_check_content;",
                NULL, NULL, NULL);
}

static void
check_search_indexes (CfCase    *self,
                      GPtrArray *findings)
{
  int defensive = 1, views = 0;

  /* the copy writes to the index's own (shadow) tables, which defensive mode forbids,
   * and reads through a view; both only in TEMP, both switched back afterwards */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, -1, &views);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 1, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    check_search_index (self, findings, search_indexes[i].fts, search_indexes[i].content,
                        search_indexes[i].columns);

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, views, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
}

/* --- the check -------------------------------------------------------------------- */

GPtrArray *
cf_case_check_findings (CfCase  *self,
                        GError **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_case_finding_free);

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;

  check_sqlite_integrity (self, findings);
  if (findings->len > 0)
    return g_steal_pointer (&findings);

  check_foreign_keys (self, findings);
  check_case_record (self, findings);
  check_id_sequences (self, findings);
  if (!check_documents (self, findings, error))
    return NULL;
  check_claims_without_document (self, findings);
  check_scales (self, findings);
  check_text (self, findings);
  check_note_targets (self, findings);
  check_tag_nesting (self, findings);
  check_search_indexes (self, findings);

  return g_steal_pointer (&findings);
}

GPtrArray *
cf_case_check (CfCase  *self,
               GError **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  findings = cf_case_check_findings (self, error);
  if (findings == NULL)
    return NULL;
  problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (problems, g_strdup (((CfCaseFinding *) g_ptr_array_index (findings, i))->message));
  return problems;
}
