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
