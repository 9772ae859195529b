/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hypotheses: the explanations a case weighs, each with a likelihood and a
 * confidence; claims relate to them (cf_case_set_claim_relation). */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

gint64
cf_case_add_hypothesis (CfCase      *self,
                        const char  *title,
                        const char  *description,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  clean = _cf_case_clean_hypothesis_title (title, error);
  if (clean == NULL)
    return 0;
  if (description != NULL && !g_utf8_validate (description, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return 0;
    }

  CF_CASE_BEGIN_EDIT (_("Add a hypothesis"));
  stmt = _cf_case_prepare (self, "INSERT INTO hypotheses (title, description) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, description ? description : "", -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the hypothesis"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

gboolean
cf_case_set_hypothesis_title (CfCase      *self,
                              gint64       hypothesis_id,
                              const char  *title,
                              GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  clean = _cf_case_clean_hypothesis_title (title, error);
  if (clean == NULL)
    return FALSE;
  return _cf_case_update_field (self, "UPDATE hypotheses SET title = ?2 WHERE id = ?1", hypothesis_id,
                                CF_VALUE_TEXT, clean, 0, _("Rename a hypothesis"), CF_RECORD_HYPOTHESIS, error);
}

gboolean
cf_case_set_hypothesis_description (CfCase      *self,
                                    gint64       hypothesis_id,
                                    const char  *description,
                                    GError     **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  if (description != NULL && !g_utf8_validate (description, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  return _cf_case_update_field (self, "UPDATE hypotheses SET description = ?2 WHERE id = ?1", hypothesis_id,
                                CF_VALUE_TEXT, description, 0, _("Describe a hypothesis"), CF_RECORD_HYPOTHESIS, error);
}

gboolean
cf_case_delete_hypothesis (CfCase  *self,
                           gint64   hypothesis_id,
                           GError **error)
{
  static const char *steps[] = {
    "DELETE FROM claim_hypotheses WHERE hypothesis_id = ?1",
    "DELETE FROM indicators WHERE hypothesis_id = ?1",
    "DELETE FROM hypotheses WHERE id = ?1",
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_delete_record (self, hypothesis_id, "SELECT 1 FROM hypotheses WHERE id = ?1",
                                 CF_RECORD_HYPOTHESIS, steps, G_N_ELEMENTS (steps),
                                 _("Delete a hypothesis"), _("Deleting the hypothesis"), error);
}

CfHypothesis *
cf_case_get_hypothesis (CfCase  *self,
                        gint64   hypothesis_id,
                        GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return _cf_case_get_record (self, CF_RECORD_HYPOTHESIS, hypothesis_id, error);
}

/* --- indicators (Heuer's step 8) --- */

static const char * const indicator_status_codes[] = { "unseen", "seen", "refuted" };
static const char * const indicator_status_labels[] = { N_("Not yet seen"), N_("Seen"), N_("Refuted") };

const char *
cf_indicator_status_to_code (CfIndicatorStatus status)
{
  g_return_val_if_fail ((guint) status <= CF_INDICATOR_LAST, NULL);
  return indicator_status_codes[status];
}

const char *
cf_indicator_status_to_label (CfIndicatorStatus status)
{
  g_return_val_if_fail ((guint) status <= CF_INDICATOR_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, indicator_status_labels[status]);
}

gboolean
cf_indicator_status_from_code (const char        *code,
                               CfIndicatorStatus *out)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; i <= CF_INDICATOR_LAST; i++)
    if (g_ascii_strcasecmp (code, indicator_status_codes[i]) == 0)
      {
        if (out != NULL)
          *out = (CfIndicatorStatus) i;
        return TRUE;
      }
  return FALSE;
}

void
cf_indicator_free (CfIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->description);
  g_free (indicator);
}

gint64
cf_case_add_indicator (CfCase      *self,
                       gint64       hypothesis_id,
                       const char  *description,
                       GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autoptr(CfStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  clean = _cf_case_clean_name (description, error);
  if (clean == NULL)
    return 0;

  CF_CASE_BEGIN_EDIT (_("Add an indicator"));
  if (!_cf_case_record_exists (self, "SELECT 1 FROM hypotheses WHERE id = ?1", hypothesis_id,
                               CF_RECORD_HYPOTHESIS, error))
    return _cf_case_edit_failed (self);
  stmt = _cf_case_prepare (self,
                           "INSERT INTO indicators (hypothesis_id, description, created, modified) "
                           "VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, hypothesis_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the indicator"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

/* Runs an UPDATE or DELETE of one indicator (?1 its id) as its own edit. */
static gboolean
edit_indicator (CfCase      *self,
                CfStmt      *stmt,
                gint64       indicator_id,
                GError     **error)
{
  if (!_cf_case_step_done (self, stmt, _("Changing the indicator"), error))
    return _cf_case_edit_failed (self);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no indicator with id %" PRId64 " in this case."), indicator_id);
      return _cf_case_edit_failed (self);
    }
  return cf_case_end_action (self, error);
}

gboolean
cf_case_set_indicator_description (CfCase      *self,
                                   gint64       indicator_id,
                                   const char  *description,
                                   GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autoptr(CfStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  clean = _cf_case_clean_name (description, error);
  if (clean == NULL)
    return FALSE;
  CF_CASE_BEGIN_EDIT (_("Reword an indicator"));
  stmt = _cf_case_prepare (self, "UPDATE indicators SET description = ?2, modified = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return edit_indicator (self, stmt, indicator_id, error);
}

gboolean
cf_case_set_indicator_status (CfCase             *self,
                              gint64              indicator_id,
                              CfIndicatorStatus   status,
                              gint64              claim_id,
                              GError            **error)
{
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autoptr(CfStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if ((guint) status > CF_INDICATOR_LAST)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("That is not an indicator status; use unseen, seen or refuted."));
      return FALSE;
    }
  if (status == CF_INDICATOR_UNSEEN)
    claim_id = 0;

  CF_CASE_BEGIN_EDIT (_("Set an indicator's status"));
  if (claim_id > 0 && !_cf_case_record_exists (self, "SELECT 1 FROM claims WHERE id = ?1", claim_id,
                                               CF_RECORD_CLAIM, error))
    return _cf_case_edit_failed (self);
  stmt = _cf_case_prepare (self, "UPDATE indicators SET status = ?2, claim_id = ?3, modified = ?4 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_text (stmt, 2, cf_indicator_status_to_code (status), -1, SQLITE_STATIC);
  _cf_case_bind_id_or_null (stmt, 3, claim_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return edit_indicator (self, stmt, indicator_id, error);
}

gboolean
cf_case_delete_indicator (CfCase  *self,
                          gint64   indicator_id,
                          GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  CF_CASE_BEGIN_EDIT (_("Delete an indicator"));
  stmt = _cf_case_prepare (self, "DELETE FROM indicators WHERE id = ?1", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  return edit_indicator (self, stmt, indicator_id, error);
}

GPtrArray *
cf_case_list_indicators (CfCase  *self,
                         gint64   hypothesis_id,
                         GError **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  stmt = _cf_case_prepare (self,
                           "SELECT id, hypothesis_id, description, status, coalesce (claim_id, 0) FROM indicators "
                           "WHERE ?1 = 0 OR hypothesis_id = ?1 ORDER BY hypothesis_id, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hypothesis_id);
  indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_indicator_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfIndicator *indicator = g_new0 (CfIndicator, 1);

      indicator->id = sqlite3_column_int64 (stmt, 0);
      indicator->hypothesis_id = sqlite3_column_int64 (stmt, 1);
      indicator->description = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 2), -1);
      cf_indicator_status_from_code ((const char *) sqlite3_column_text (stmt, 3), &indicator->status);
      indicator->claim_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (indicators, indicator);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the indicators"));
      return NULL;
    }
  return g_steal_pointer (&indicators);
}
