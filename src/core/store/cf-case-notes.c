/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notes: free text on the case, a document or a claim. A note names its target by
 * kind and id; deleting the target deletes its notes (see the delete steps of
 * documents and claims). */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

gint64
cf_case_add_note (CfCase        *self,
                  CfNoteTarget   target,
                  gint64         target_id,
                  const char    *body,
                  GError       **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);
  g_return_val_if_fail (target <= CF_NOTE_TARGET_CLAIM, 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The note is not valid text."));
      return 0;
    }
  if (target == CF_NOTE_TARGET_DOCUMENT
      && !_cf_case_record_exists (self, "SELECT 1 FROM documents WHERE id = ?1", target_id, CF_RECORD_DOCUMENT, error))
    return 0;
  if (target == CF_NOTE_TARGET_CLAIM
      && !_cf_case_record_exists (self, "SELECT 1 FROM claims WHERE id = ?1", target_id, CF_RECORD_CLAIM, error))
    return 0;

  CF_CASE_BEGIN_EDIT (_("Add a note"));
  stmt = _cf_case_prepare (self,
                           "INSERT INTO notes (target, target_id, body, created, modified) "
                           "VALUES (?1, ?2, ?3, ?4, ?4)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_text (stmt, 1, cf_note_target_to_code (target), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, target == CF_NOTE_TARGET_CASE ? 0 : target_id);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the note"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

gboolean
cf_case_set_note_body (CfCase      *self,
                       gint64       note_id,
                       const char  *body,
                       GError     **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The note is not valid text."));
      return FALSE;
    }
  return _cf_case_update_field (self, "UPDATE notes SET body = ?2, modified = ?3 WHERE id = ?1", note_id,
                                CF_VALUE_TEXT, body, 0, _("Edit a note"), CF_RECORD_NOTE, error);
}

gboolean
cf_case_delete_note (CfCase  *self,
                     gint64   note_id,
                     GError **error)
{
  static const char *steps[] = {
    "DELETE FROM notes WHERE id = ?1",
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_delete_record (self, note_id, "SELECT 1 FROM notes WHERE id = ?1", CF_RECORD_NOTE,
                                 steps, G_N_ELEMENTS (steps), _("Delete a note"),
                                 _("Deleting the note"), error);
}

CfNote *
cf_case_get_note (CfCase  *self,
                  gint64   note_id,
                  GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return _cf_case_get_record (self, CF_RECORD_NOTE, note_id, error);
}

