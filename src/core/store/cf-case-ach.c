/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case's side of analysis of competing hypotheses: evidence rows that are not
 * quotes (assumptions, absences), a row's relevance and weight override, deception
 * marks on actors and documents, and reading the matrix out of the case for
 * cf-ach.c to compute. Indicators live with the hypotheses (cf-case-hypotheses.c). */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cf-case-private.h"

/* An assumption or absence is one sentence or a short paragraph. */
#define CF_STATEMENT_MAX_BYTES (16 * 1024)

static char *
clean_statement (const char  *statement,
                 GError     **error)
{
  g_autofree char *clean = NULL;

  if (statement == NULL || !g_utf8_validate (statement, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return NULL;
    }
  clean = g_strstrip (g_strdup (statement));
  if (*clean == '\0')
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("An assumption or an absence needs a statement of what is assumed or missing."));
      return NULL;
    }
  if (strlen (clean) > CF_STATEMENT_MAX_BYTES)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The statement is longer than %d bytes; shorten it and put the rest in a note."),
                   CF_STATEMENT_MAX_BYTES);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gint64
cf_case_add_evidence (CfCase          *self,
                      CfEvidenceKind   kind,
                      const char      *statement,
                      GError         **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autoptr(CfStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);

  if (kind != CF_EVIDENCE_ASSUMPTION && kind != CF_EVIDENCE_ABSENCE)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("Only an assumption or an absence of evidence can be added without a document."));
      return 0;
    }
  if (!_cf_case_check_writable (self, error))
    return 0;
  clean = clean_statement (statement, error);
  if (clean == NULL)
    return 0;

  CF_CASE_BEGIN_EDIT (kind == CF_EVIDENCE_ASSUMPTION ? _("Add an assumption") : _("Add an absence of evidence"));
  stmt = _cf_case_prepare (self,
                           "INSERT INTO claims (kind, document_id, start_offset, end_offset, quote, prefix, "
                           "suffix, created, modified) VALUES (?1, NULL, 0, 0, ?2, '', '', ?3, ?3)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_text (stmt, 1, cf_evidence_kind_to_code (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the evidence"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

gboolean
cf_case_set_evidence_statement (CfCase      *self,
                                gint64       claim_id,
                                const char  *statement,
                                GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  clean = clean_statement (statement, error);
  if (clean == NULL)
    return FALSE;
  /* a quote matches "no such record": its words are its document's */
  return _cf_case_update_field (self, "UPDATE claims SET quote = ?2, modified = ?3 WHERE id = ?1 AND kind <> 'quote'",
                                claim_id, CF_VALUE_TEXT, clean, 0, _("Reword an assumption or absence"),
                                CF_RECORD_CLAIM, error);
}

gboolean
cf_case_set_claim_relevance (CfCase       *self,
                             gint64        claim_id,
                             CfRelevance   relevance,
                             GError      **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if ((guint) relevance > CF_RELEVANCE_LAST)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("That is not a relevance; use low, medium or high."));
      return FALSE;
    }
  return _cf_case_update_field (self, "UPDATE claims SET relevance = ?2, modified = ?3 WHERE id = ?1",
                                claim_id, CF_VALUE_INT_OR_NULL, NULL, relevance, _("Set the relevance"),
                                CF_RECORD_CLAIM, error);
}

gboolean
cf_case_set_claim_weight (CfCase  *self,
                          gint64   claim_id,
                          double   weight,
                          GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (isinf (weight) || weight > 1e6)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("A weight must be a number from 0 to 1,000,000."));
      return FALSE;
    }

  CF_CASE_BEGIN_EDIT (_("Set the weight"));
  stmt = _cf_case_prepare (self, "UPDATE claims SET weight = ?2, modified = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (isnan (weight) || weight < 0)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_double (stmt, 2, weight);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Setting the weight"), error))
    return _cf_case_edit_failed (self);
  if (sqlite3_changes (self->db) == 0)
    {
      _cf_case_set_no_such_record (error, CF_RECORD_CLAIM, claim_id);
      return _cf_case_edit_failed (self);
    }
  return cf_case_end_action (self, error);
}

/* deceptive is 0 or 1, NOT NULL: the value goes in as 1 or NULL and is tested. */
gboolean
cf_case_set_actor_deceptive (CfCase    *self,
                             gint64     actor_id,
                             gboolean   deceptive,
                             GError   **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_update_field (self, "UPDATE actors SET deceptive = (?2 IS NOT NULL) WHERE id = ?1",
                                actor_id, CF_VALUE_INT_OR_NULL, NULL, deceptive ? 1 : 0,
                                deceptive ? _("Mark an actor as possibly deceptive") : _("Clear an actor's deception mark"),
                                CF_RECORD_ACTOR, error);
}

gboolean
cf_case_set_document_deceptive (CfCase    *self,
                                gint64     document_id,
                                gboolean   deceptive,
                                GError   **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_update_field (self, "UPDATE documents SET deceptive = (?2 IS NOT NULL) WHERE id = ?1",
                                document_id, CF_VALUE_INT_OR_NULL, NULL, deceptive ? 1 : 0,
                                deceptive ? _("Mark a source as possibly deceptive") : _("Clear a source's deception mark"),
                                CF_RECORD_DOCUMENT, error);
}

/* --- the matrix --- */

static gboolean
load_hypotheses (CfCase       *self,
                 CfAchMatrix  *matrix,
                 GError      **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                             "SELECT id, title, CASE WHEN likelihood BETWEEN 1 AND 7 THEN likelihood END "
                                             "FROM hypotheses ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    cf_ach_matrix_add_hypothesis (matrix, sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (CfLikelihood) sqlite3_column_int (stmt, 2));
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the hypotheses"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_rows (CfCase       *self,
           CfAchMatrix  *matrix,
           GHashTable   *row_of_claim,
           GError      **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  /* Values off their scale (written past the CHECKs) read as unset, like the claims
   * list; "casefile-cli check" reports them. */
  stmt = _cf_case_prepare (self,
                           "SELECT c.id, c.kind, c.quote, coalesce (c.event_date, c.created), "
                           "CASE WHEN length (c.reliability) = 1 THEN instr ('ABCDEF', c.reliability) END, "
                           "CASE WHEN c.credibility BETWEEN 1 AND 6 THEN c.credibility END, "
                           "CASE WHEN c.relevance BETWEEN 1 AND 3 THEN c.relevance END, "
                           "CASE WHEN c.weight >= 0 THEN c.weight ELSE -1 END, "
                           "coalesce (c.actor_id, 0), coalesce (c.document_id, 0), "
                           "coalesce (a.deceptive, 0), coalesce (d.deceptive, 0) "
                           "FROM claims c LEFT JOIN actors a ON a.id = c.actor_id "
                           "LEFT JOIN documents d ON d.id = c.document_id "
                           "WHERE c.kind <> 'quote' OR c.relevance IS NOT NULL "
                           "OR c.id IN (SELECT claim_id FROM claim_hypotheses) "
                           "ORDER BY CASE c.kind WHEN 'quote' THEN 0 WHEN 'assumption' THEN 1 ELSE 2 END, "
                           "coalesce (c.event_date, c.created), c.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfEvidenceKind kind = CF_EVIDENCE_QUOTE;
      CfAchRow *row;

      cf_evidence_kind_from_code ((const char *) sqlite3_column_text (stmt, 1), &kind);
      row = cf_ach_matrix_add_row (matrix, sqlite3_column_int64 (stmt, 0), kind,
                                   (const char *) sqlite3_column_text (stmt, 2));
      row->date = sqlite3_column_text (stmt, 3) ? g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 3), -1) : NULL;
      row->reliability = (CfReliability) sqlite3_column_int (stmt, 4);
      row->credibility = (CfCredibility) sqlite3_column_int (stmt, 5);
      row->relevance = (CfRelevance) sqlite3_column_int (stmt, 6);
      row->weight_override = sqlite3_column_double (stmt, 7);
      row->actor_id = sqlite3_column_int64 (stmt, 8);
      row->document_id = sqlite3_column_int64 (stmt, 9);
      row->actor_deceptive = sqlite3_column_int (stmt, 10) != 0;
      row->document_deceptive = sqlite3_column_int (stmt, 11) != 0;
      row->deceptive = row->actor_deceptive || row->document_deceptive;
      g_hash_table_insert (row_of_claim, &row->claim_id, row);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the evidence"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_ratings (CfCase       *self,
              CfAchMatrix  *matrix,
              GHashTable   *row_of_claim,
              GError      **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                             "SELECT claim_id, hypothesis_id, relation FROM claim_hypotheses", error);
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint h = 0; h < matrix->hypotheses->len; h++)
    {
      CfAchHypothesis *hypothesis = g_ptr_array_index (matrix->hypotheses, h);

      g_hash_table_insert (column_of, &hypothesis->hypothesis_id, GUINT_TO_POINTER (h + 1));
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 claim_id = sqlite3_column_int64 (stmt, 0);
      gint64 hypothesis_id = sqlite3_column_int64 (stmt, 1);
      CfAchRow *row = g_hash_table_lookup (row_of_claim, &claim_id);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (column_of, &hypothesis_id));
      CfRelation relation = CF_RELATION_NONE;

      /* a dangling relation is check's to report, not the matrix's to show */
      if (row == NULL || column == 0)
        continue;
      if (cf_relation_from_code ((const char *) sqlite3_column_text (stmt, 2), &relation))
        row->ratings[column - 1] = relation;
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the relations"));
      return FALSE;
    }
  return TRUE;
}

CfAchMatrix *
cf_case_build_ach (CfCase  *self,
                   GError **error)
{
  g_autoptr(CfAchMatrix) matrix = NULL;
  g_autoptr(GHashTable) row_of_claim = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  matrix = cf_ach_matrix_new ();
  row_of_claim = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!load_hypotheses (self, matrix, error)
      || !load_rows (self, matrix, row_of_claim, error)
      || !load_ratings (self, matrix, row_of_claim, error))
    return NULL;
  cf_ach_matrix_compute (matrix);
  return g_steal_pointer (&matrix);
}
