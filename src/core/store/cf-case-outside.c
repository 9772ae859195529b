/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changes another program made to an open case. The app keeps the case open while
 * casefile-cli (or a second window) writes to it: the live objects and lists would
 * then show rows that are gone or changed, and an edit typed into one would land on
 * whatever row has its id now. SQLite's data_version tells whether another connection
 * committed since we last looked; if so, everything live is reloaded and announced,
 * records that are gone as deleted. Our own commits do not change it. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-case-private.h"

/* Which of the ids given as a JSON array no longer name a row. */
static const char * const gone_sql[CF_N_RECORD_KINDS] = {
  [CF_RECORD_DOCUMENT] = "SELECT value FROM json_each (?1) WHERE value NOT IN (SELECT id FROM documents)",
  [CF_RECORD_ACTOR] = "SELECT value FROM json_each (?1) WHERE value NOT IN (SELECT id FROM actors)",
  [CF_RECORD_CLAIM] = "SELECT value FROM json_each (?1) WHERE value NOT IN (SELECT id FROM claims)",
  [CF_RECORD_TAG] = "SELECT value FROM json_each (?1) WHERE value NOT IN (SELECT id FROM tags)",
  [CF_RECORD_NOTE] = "SELECT value FROM json_each (?1) WHERE value NOT IN (SELECT id FROM notes)",
  [CF_RECORD_HYPOTHESIS] = "SELECT value FROM json_each (?1) WHERE value NOT IN (SELECT id FROM hypotheses)",
};

gboolean
_cf_case_read_data_version (CfCase      *self,
                            gint64      *version,
                            const char  *doing,
                            GError     **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, doing);
      return FALSE;
    }
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
_cf_case_remember_data_version (CfCase *self)
{
  if (!_cf_case_read_data_version (self, &self->data_version, NULL, NULL))
    self->data_version = -1;
}

/* The live records of @kind whose rows are gone. */
static GArray *
find_gone (CfCase        *self,
           CfRecordKind   kind,
           GError       **error)
{
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(CfStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  g_hash_table_iter_init (&iter, self->objects[kind]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, json->len > 1 ? "," : "",
                            *(gint64 *) key);
  g_string_append_c (json, ']');
  if (json->len == 2)
    return g_steal_pointer (&gone);

  stmt = _cf_case_prepare (self, gone_sql[kind], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (gone, id);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Looking for changes by other programs"));
      return NULL;
    }
  return g_steal_pointer (&gone);
}

gboolean
cf_case_check_outside_changes (CfCase  *self,
                               GError **error)
{
  GArray *gone[CF_N_RECORD_KINDS] = { NULL };
  gboolean ok = TRUE;
  gint64 version;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cf_case_check_open (self, error))
    return FALSE;
  /* inside our own transaction nobody else can have committed */
  if (self->action_depth > 0)
    return FALSE;
  if (!_cf_case_read_data_version (self, &version, _("Looking for changes by other programs"), error))
    return FALSE;
  if (version == self->data_version)
    return FALSE;

  for (guint kind = CF_RECORD_DOCUMENT; ok && kind < CF_N_RECORD_KINDS; kind++)
    ok = (gone[kind] = find_gone (self, kind, error)) != NULL;
  ok = ok && _cf_case_load_info (self, error);

  if (ok)
    {
      self->data_version = version;
      /* reloads every live object and list, and says every kind may have changed */
      _cf_case_notify_changeset (self, NULL, 0);
      for (guint kind = CF_RECORD_DOCUMENT; kind < CF_N_RECORD_KINDS; kind++)
        for (guint i = 0; i < gone[kind]->len; i++)
          _cf_case_emit_record_changed (self, kind, g_array_index (gone[kind], gint64, i),
                                        CF_CHANGE_DELETED);
      _cf_case_emit_record_changed (self, CF_RECORD_CASE, 1, CF_CHANGE_UPDATED);
    }
  for (guint kind = 0; kind < CF_N_RECORD_KINDS; kind++)
    g_clear_pointer (&gone[kind], g_array_unref);
  return ok;
}
