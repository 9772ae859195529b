/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Claims: a span of a document's text with who asserts it, how it is rated, its
 * tags and how it bears on each hypothesis. A claim keeps its quote and a little
 * context on either side, so it can be checked against (and found again in) the
 * text it was marked in. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"
#include "cf-case-timeline.h"

#define CF_QUOTE_CONTEXT 32  /* characters kept before and after a quote */

static gboolean
load_text_and_length (CfCase      *self,
                      gint64       document_id,
                      char       **text,
                      gint64      *length,
                      GError     **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "SELECT text, text_length FROM documents WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *length = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    _cf_case_set_no_such_record (error, CF_RECORD_DOCUMENT, document_id);
  else
    _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the document"));
  return FALSE;
}

/* The quote of [start, end) in @text with its context on either side; FALSE with
 * @error set when the span is not inside the text or empty. */
static gboolean
cut_span (const char  *text,
          gint64       length,
          gint         start,
          gint         end,
          char       **quote,
          char       **prefix,
          char       **suffix,
          GError     **error)
{
  const char *p_start, *p_end, *p_before, *p_after;

  if (start < 0 || end <= start || end > length)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The span %d–%d is not inside the document, which has %" PRId64
                     " characters; a claim needs at least one character of its text."),
                   start, end, length);
      return FALSE;
    }

  p_start = g_utf8_offset_to_pointer (text, start);
  p_end = g_utf8_offset_to_pointer (p_start, end - start);
  *quote = g_strndup (p_start, p_end - p_start);
  p_before = g_utf8_offset_to_pointer (text, MAX (0, start - CF_QUOTE_CONTEXT));
  *prefix = g_strndup (p_before, p_start - p_before);
  p_after = p_end;
  for (int i = 0; i < CF_QUOTE_CONTEXT && *p_after != '\0'; i++)
    p_after = g_utf8_next_char (p_after);
  *suffix = g_strndup (p_end, p_after - p_end);
  return TRUE;
}

gint64
cf_case_add_claim (CfCase      *self,
                   gint64       document_id,
                   gint         start,
                   gint         end,
                   const char  *expected_quote,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autoptr(CfStmt) stmt = NULL;
  gint64 length = 0;
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  if (!load_text_and_length (self, document_id, &text, &length, error))
    return 0;
  if (!cut_span (text, length, start, end, &quote, &prefix, &suffix, error))
    return 0;
  if (expected_quote != NULL && strcmp (expected_quote, quote) != 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The quote does not match the document at %d–%d, which reads “%s”."),
                   start, end, quote);
      return 0;
    }
  /* the selection's stray ends go; then the quote and its context are cut again */
  if (!_cf_case_trim_claim_span (text, &start, &end, error))
    return 0;
  g_clear_pointer (&quote, g_free);
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);
  if (!cut_span (text, length, start, end, &quote, &prefix, &suffix, error) ||
      !_cf_case_check_new_span (self, document_id, 0, start, end, error))
    return 0;

  CF_CASE_BEGIN_EDIT (_("Mark a claim"));
  stmt = _cf_case_prepare (self,
                           "INSERT INTO claims (document_id, start_offset, end_offset, quote, prefix, "
                           "suffix, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, start);
  sqlite3_bind_int (stmt, 3, end);
  sqlite3_bind_text (stmt, 4, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the claim"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

gboolean
cf_case_set_claim_span (CfCase  *self,
                        gint64   claim_id,
                        gint     start,
                        gint     end,
                        GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autoptr(CfStmt) find = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  gint64 document_id = 0;
  gint64 length = 0;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (!_cf_case_check_writable (self, error))
    return FALSE;
  find = _cf_case_prepare (self, "SELECT document_id FROM claims WHERE id = ?1", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, claim_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    document_id = sqlite3_column_int64 (find, 0);
  else if (rc == SQLITE_DONE)
    {
      _cf_case_set_no_such_record (error, CF_RECORD_CLAIM, claim_id);
      return FALSE;
    }
  else
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the claim"));
      return FALSE;
    }
  if (document_id <= 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("Claim %" PRId64 " quotes no source, so it has no span to change."), claim_id);
      return FALSE;
    }
  /* the same rules as marking: the span is checked, trimmed of stray ends, cut
   * again and refused when another claim has it already */
  if (!load_text_and_length (self, document_id, &text, &length, error) ||
      !cut_span (text, length, start, end, &quote, &prefix, &suffix, error) ||
      !_cf_case_trim_claim_span (text, &start, &end, error))
    return FALSE;
  g_clear_pointer (&quote, g_free);
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);
  if (!cut_span (text, length, start, end, &quote, &prefix, &suffix, error) ||
      !_cf_case_check_new_span (self, document_id, claim_id, start, end, error))
    return FALSE;

  CF_CASE_BEGIN_EDIT (_("Change a claim’s span"));
  stmt = _cf_case_prepare (self,
                           "UPDATE claims SET start_offset = ?2, end_offset = ?3, quote = ?4, "
                           "prefix = ?5, suffix = ?6, modified = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int (stmt, 2, start);
  sqlite3_bind_int (stmt, 3, end);
  sqlite3_bind_text (stmt, 4, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Changing the claim’s span"), error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

gint
cf_case_find_quote (CfCase      *self,
                    gint64       document_id,
                    const char  *quote,
                    guint        occurrence,
                    GError     **error)
{
  g_autofree char *text = NULL;
  gint64 length = 0;
  const char *p;

  g_return_val_if_fail (CF_IS_CASE (self), -1);
  g_return_val_if_fail (quote != NULL, -1);

  if (!_cf_case_check_open (self, error))
    return -1;
  if (!load_text_and_length (self, document_id, &text, &length, error))
    return -1;
  if (*quote == '\0')
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The quote is empty."));
      return -1;
    }
  p = text;
  for (guint i = 0; ; i++)
    {
      p = strstr (p, quote);
      if (p == NULL)
        {
          if (occurrence > 0)
            g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                         _("The quote “%s” does not appear in the document that many times."),
                         quote);
          else
            g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                         _("The quote “%s” does not appear in the document."), quote);
          return -1;
        }
      if (i == occurrence)
        break;
      p = g_utf8_next_char (p);
    }
  return (gint) g_utf8_pointer_to_offset (text, p);
}

gboolean
cf_case_delete_claim (CfCase  *self,
                      gint64   claim_id,
                      GError **error)
{
  static const char *steps[] = {
    "DELETE FROM claim_tags WHERE claim_id = ?1",
    "DELETE FROM claim_hypotheses WHERE claim_id = ?1",
    "DELETE FROM claim_links WHERE claim_id = ?1 OR other_id = ?1",
    "UPDATE indicators SET claim_id = NULL WHERE claim_id = ?1",
    "DELETE FROM notes WHERE target = 'claim' AND target_id = ?1",
    "DELETE FROM claims WHERE id = ?1",
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_delete_record (self, claim_id, "SELECT 1 FROM claims WHERE id = ?1", CF_RECORD_CLAIM,
                                 steps, G_N_ELEMENTS (steps), _("Delete a claim"),
                                 _("Deleting the claim"), error);
}

CfClaim *
cf_case_get_claim (CfCase  *self,
                   gint64   claim_id,
                   GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return _cf_case_get_record (self, CF_RECORD_CLAIM, claim_id, error);
}

gboolean
cf_case_set_claim_paraphrase (CfCase      *self,
                              gint64       claim_id,
                              const char  *paraphrase,
                              GError     **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  if (paraphrase != NULL && !g_utf8_validate (paraphrase, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  return _cf_case_update_field (self, "UPDATE claims SET paraphrase = ?2, modified = ?3 WHERE id = ?1",
                                claim_id, CF_VALUE_TEXT, paraphrase, 0, _("Edit the paraphrase"), CF_RECORD_CLAIM, error);
}

gboolean
cf_case_set_claim_event_date (CfCase      *self,
                              gint64       claim_id,
                              const char  *event_date,
                              GError     **error)
{
  g_autoptr(CfEventTime) time = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (event_date == NULL || *event_date == '\0')
    return cf_case_set_claim_event_time (self, claim_id, NULL, error);
  time = cf_event_time_parse (event_date, &local_error);
  if (time == NULL)
    {
      g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  return cf_case_set_claim_event_time (self, claim_id, time, error);
}

gboolean
cf_case_set_claim_actor (CfCase  *self,
                         gint64   claim_id,
                         gint64   actor_id,
                         GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  CF_CASE_BEGIN_EDIT (_("Set who asserts a claim"));
  if (actor_id > 0 && !_cf_case_record_exists (self, "SELECT 1 FROM actors WHERE id = ?1", actor_id, CF_RECORD_ACTOR, error))
    return _cf_case_edit_failed (self);
  stmt = _cf_case_prepare (self, "UPDATE claims SET actor_id = ?2, modified = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  _cf_case_bind_id_or_null (stmt, 2, actor_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Setting the actor"), error))
    return _cf_case_edit_failed (self);
  if (sqlite3_changes (self->db) == 0)
    {
      _cf_case_set_no_such_record (error, CF_RECORD_CLAIM, claim_id);
      return _cf_case_edit_failed (self);
    }
  return cf_case_end_action (self, error);
}

gboolean
cf_case_set_claim_actor_name (CfCase      *self,
                              gint64       claim_id,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *clean = NULL;
  gint64 actor_id = 0;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (name != NULL)
    clean = g_strstrip (g_strdup (name));
  CF_CASE_BEGIN_EDIT (_("Set who asserts a claim"));
  if (clean != NULL && *clean != '\0')
    {
      actor_id = cf_case_ensure_actor (self, clean, error);
      if (actor_id == 0)
        return _cf_case_edit_failed (self);
    }
  if (!cf_case_set_claim_actor (self, claim_id, actor_id, error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

gboolean
cf_case_add_claim_tag (CfCase  *self,
                       gint64   claim_id,
                       gint64   tag_id,
                       GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  CF_CASE_BEGIN_EDIT (_("Tag a claim"));
  if (!_cf_case_record_exists (self, "SELECT 1 FROM claims WHERE id = ?1", claim_id, CF_RECORD_CLAIM, error)
      || !_cf_case_record_exists (self, "SELECT 1 FROM tags WHERE id = ?1", tag_id, CF_RECORD_TAG, error))
    return _cf_case_edit_failed (self);
  stmt = _cf_case_prepare (self, "INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!_cf_case_step_done (self, stmt, _("Tagging the claim"), error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

gboolean
cf_case_remove_claim_tag (CfCase  *self,
                          gint64   claim_id,
                          gint64   tag_id,
                          GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  CF_CASE_BEGIN_EDIT (_("Remove a tag from a claim"));
  stmt = _cf_case_prepare (self, "DELETE FROM claim_tags WHERE claim_id = ?1 AND tag_id = ?2", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!_cf_case_step_done (self, stmt, _("Removing the tag"), error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

gboolean
cf_case_set_claim_relation (CfCase      *self,
                            gint64       claim_id,
                            gint64       hypothesis_id,
                            CfRelation   relation,
                            GError     **error)
{
  g_autoptr(CfStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if ((guint) relation > CF_RELATION_LAST)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("That is not a relation."));
      return FALSE;
    }

  CF_CASE_BEGIN_EDIT (_("Relate a claim to a hypothesis"));
  if (!_cf_case_record_exists (self, "SELECT 1 FROM claims WHERE id = ?1", claim_id, CF_RECORD_CLAIM, error)
      || !_cf_case_record_exists (self, "SELECT 1 FROM hypotheses WHERE id = ?1", hypothesis_id, CF_RECORD_HYPOTHESIS, error))
    return _cf_case_edit_failed (self);
  if (relation == CF_RELATION_NONE)
    stmt = _cf_case_prepare (self, "DELETE FROM claim_hypotheses WHERE claim_id = ?1 AND hypothesis_id = ?2", error);
  else
    stmt = _cf_case_prepare (self,
                             "INSERT INTO claim_hypotheses (claim_id, hypothesis_id, relation) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (claim_id, hypothesis_id) DO UPDATE SET relation = excluded.relation "
                             "WHERE relation <> excluded.relation", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, hypothesis_id);
  if (relation != CF_RELATION_NONE)
    sqlite3_bind_text (stmt, 3, cf_relation_to_code (relation), -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Relating the claim"), error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

CfRelation
cf_case_get_claim_relation (CfCase *self,
                            gint64  claim_id,
                            gint64  hypothesis_id)
{
  g_autoptr(CfStmt) stmt = NULL;
  CfRelation relation = CF_RELATION_NONE;

  g_return_val_if_fail (CF_IS_CASE (self), CF_RELATION_NONE);

  stmt = _cf_case_prepare (self, "SELECT relation FROM claim_hypotheses WHERE claim_id = ?1 AND hypothesis_id = ?2", NULL);
  if (stmt == NULL)
    return CF_RELATION_NONE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, hypothesis_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cf_relation_from_code ((const char *) sqlite3_column_text (stmt, 0), &relation);
  return relation;
}
