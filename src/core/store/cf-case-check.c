/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The integrity check behind "casefile-cli check": SQLite's own integrity and
 * foreign-key checks, then what only Casefile knows - every claim inside its
 * document with a matching quote, hashes matching the original bytes, notes and
 * nested tags that resolve, search indexes in step. Each problem is one sentence. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

static void
collect_pragma_rows (sqlite3    *db,
                     const char *sql,
                     const char *prefix,
                     GPtrArray  *problems)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", prefix, sqlite3_errmsg (db)));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") == 0)
        continue;
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", prefix, row ? row : ""));
      if (problems->len > 100)
        break;
    }
  sqlite3_finalize (stmt);
}

GPtrArray *
cf_case_check (CfCase  *self,
               GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *docs = NULL;
  sqlite3_stmt *claims = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;

  collect_pragma_rows (self->db, "PRAGMA integrity_check", _("SQLite integrity check"), problems);
  if (problems->len > 0)
    return g_steal_pointer (&problems);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("A row %" PRId64 " of “%s” refers to a missing row of “%s”."),
                                          (gint64) sqlite3_column_int64 (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
    }

  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM case_info WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 1)
        g_ptr_array_add (problems, g_strdup (_("The case record is missing.")));
      sqlite3_finalize (stmt);
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, text, text_length, sha256, original FROM documents ORDER BY id",
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
      return NULL;
    }
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      gint64 doc_id = sqlite3_column_int64 (docs, 0);
      const char *text = (const char *) sqlite3_column_text (docs, 1);
      gint64 stored_length = sqlite3_column_int64 (docs, 2);
      const char *sha = (const char *) sqlite3_column_text (docs, 3);
      g_autofree char *actual_sha = NULL;
      const char *cursor;
      gint64 length, cursor_offset;

      if (text == NULL || !g_utf8_validate (text, -1, NULL))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Document %" PRId64
                                                        " has text that is not valid UTF-8."), doc_id));
          continue;
        }
      length = g_utf8_strlen (text, -1);
      if (length != stored_length)
        g_ptr_array_add (problems, g_strdup_printf (_("Document %" PRId64
                                                      " says it has %" PRId64
                                                      " characters but has %" PRId64 "."),
                                                    doc_id, stored_length, length));
      actual_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                sqlite3_column_blob (docs, 4) ? sqlite3_column_blob (docs, 4) : (const void *) "",
                                                sqlite3_column_bytes (docs, 4));
      if (g_strcmp0 (sha, actual_sha) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The original bytes of document %" PRId64
                                                      " do not match their SHA-256."), doc_id));

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
              g_ptr_array_add (problems, g_strdup_printf (_("Claim %" PRId64 " points outside "
                                                            "its document (%" PRId64 "–%"
                                                            PRId64 " of %" PRId64 ")."),
                                                          claim_id, start, end, length));
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
            g_ptr_array_add (problems, g_strdup_printf (_("The quote of claim %" PRId64
                                                          " does not match its document's text."),
                                                        claim_id));
        }
      sqlite3_reset (claims);
    }
  sqlite3_finalize (docs);
  sqlite3_finalize (claims);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Checking the case"));
      return NULL;
    }

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, target FROM notes n WHERE "
                          "(target = 'document' AND NOT EXISTS (SELECT 1 FROM documents WHERE id = n.target_id)) OR "
                          "(target = 'claim' AND NOT EXISTS (SELECT 1 FROM claims WHERE id = n.target_id))",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 note_id = sqlite3_column_int64 (stmt, 0);

          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "document") == 0)
            g_ptr_array_add (problems, g_strdup_printf (_("Note %" PRId64 " is on a document that "
                                                          "no longer exists."), note_id));
          else
            g_ptr_array_add (problems, g_strdup_printf (_("Note %" PRId64 " is on a claim that "
                                                          "no longer exists."), note_id));
        }
      sqlite3_finalize (stmt);
    }

  /* nested tags must end at the top within a bounded number of steps */
  if (sqlite3_prepare_v2 (self->db,
                          "WITH RECURSIVE up (start, id, depth) AS ("
                          " SELECT id, parent_id, 1 FROM tags WHERE parent_id IS NOT NULL"
                          " UNION ALL"
                          " SELECT up.start, t.parent_id, up.depth + 1 FROM up JOIN tags t ON t.id = up.id"
                          " WHERE t.parent_id IS NOT NULL AND up.depth < 64) "
                          "SELECT DISTINCT start FROM up WHERE depth >= 64 OR id = start",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (problems, g_strdup_printf (_("Tag %" PRId64 " is nested inside itself."),
                                                    (gint64) sqlite3_column_int64 (stmt, 0)));
      sqlite3_finalize (stmt);
    }

  if (!self->read_only)
    {
      static const char *fts_checks[] = {
        "INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')",
        "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
        "INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')",
      };

      for (guint i = 0; i < G_N_ELEMENTS (fts_checks); i++)
        if (sqlite3_exec (self->db, fts_checks[i], NULL, NULL, NULL) != SQLITE_OK)
          g_ptr_array_add (problems, g_strdup_printf (_("The search index is out of step with "
                                                        "the case (%s)."), sqlite3_errmsg (self->db)));
    }

  return g_steal_pointer (&problems);
}

