/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Actors: who asserts a claim. They are made by name when a claim names them
 * (cf_case_ensure_actor), so a name is unique; they are listed with
 * cf_case_list_actors() and nothing else edits them. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-case-private.h"

static gint64
find_actor (CfCase     *self,
            const char *name)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "SELECT id FROM actors WHERE name = ?1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

gint64
cf_case_ensure_actor (CfCase      *self,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  clean = _cf_case_clean_name (name, error);
  if (clean == NULL)
    return 0;
  id = find_actor (self, clean);
  if (id > 0)
    return id;

  CF_CASE_BEGIN_EDIT (_("Add an actor"));
  stmt = _cf_case_prepare (self, "INSERT INTO actors (name) VALUES (?1)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the actor"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}
