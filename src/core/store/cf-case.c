/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfCase, the open case file: the object with its properties and signals, the
 * error domain and how SQLite results map onto it, the cache of prepared statements
 * every other cf-case-*.c file runs its SQL through, the case record itself, and
 * the helpers the per-table files share for one-field updates and deletes. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

G_DEFINE_FINAL_TYPE (CfCase, cf_case, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  RECORDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[CF_CASE_N_PROPS];
static guint signals[N_SIGNALS];

static const char *case_field_names[] = {
  "title", "summary", "incident_date", "marking", "analyst",
};

G_DEFINE_QUARK (cf-case-error-quark, cf_case_error)

void
_cf_case_notify (CfCase     *self,
                 CfCaseProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_cf_case_emit_record_changed (CfCase       *self,
                              CfRecordKind  kind,
                              gint64        id,
                              CfChange      change)
{
  g_signal_emit (self, signals[RECORD_CHANGED], 0, kind, id, change);
}

void
_cf_case_emit_records_changed (CfCase *self,
                               guint   kinds_mask)
{
  g_signal_emit (self, signals[RECORDS_CHANGED], 0, kinds_mask);
}

void
_cf_case_stmt_release (CfStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

sqlite3 *
_cf_case_get_db (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return self->db;
}

char *
_cf_case_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* --- errors --------------------------------------------------------------------- */

/* Maps an SQLite result to our error domain in words a user can act on. */
void
_cf_case_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *doing)
{
  int primary = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("The case file is damaged (%s). Open a backup copy, or use "
                     "“casefile-cli check” to see what is wrong."), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("The disk is full: %s failed. Free some space and try again; "
                     "nothing was changed."), doing);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_IO,
                   _("Could not read or write the case file: %s failed (%s)."),
                   doing, detail);
      break;
    case SQLITE_NOMEM:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_MEMORY,
                   _("Out of memory: %s failed."), doing);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY,
                   _("The case file is in use by another program: %s failed. "
                     "Close it there and try again."), doing);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY,
                   _("The case file is read-only: %s is not possible. Use Save As "
                     "to make an editable copy."), doing);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("%s was refused: %s."), doing, detail);
      break;
    default:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                   _("%s failed: %s."), doing, detail);
      break;
    }
}

gboolean
_cf_case_check_writable (CfCase  *self,
                         GError **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                   _("The case is closed."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY,
                   _("This case file is open read-only, so it cannot be changed. "
                     "Use Save As to make an editable copy."));
      return FALSE;
    }
  if (self->import_batch != NULL && !self->import_storing)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY,
                   _("An import is under way. Wait for it to finish, or cancel it, "
                     "before changing the case."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_cf_case_check_open (CfCase  *self,
                     GError **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                   _("The case is closed."));
      return FALSE;
    }
  return TRUE;
}

/* --- statements ------------------------------------------------------------------ */

/* Prepared statements are kept for the life of the connection, keyed by their
 * (static) SQL text. The caller resets with g_autoptr(CfStmt). */
CfStmt *
_cf_case_prepare (CfCase      *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_cf_case_check_open (self, error))
    return NULL;

  /* SQLite rolls a whole transaction back by itself after some errors (out of
   * memory, disk full). Every statement of an action would then commit on its own;
   * refuse to run any more of it. */
  if (self->action_depth > 0 && !self->action_failed && sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                   _("%s was interrupted and rolled back; nothing was changed."),
                   self->action_label);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the case"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_cf_case_exec_sql (sqlite3     *db,
                   const char  *sql,
                   const char  *doing,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that returns no rows; the caller has bound it. */
gboolean
_cf_case_step_done (CfCase      *self,
                    CfStmt      *stmt,
                    const char  *doing,
                    GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, doing);
      return FALSE;
    }
  return TRUE;
}

void
_cf_case_bind_text_or_null (CfStmt     *stmt,
                            int         index,
                            const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
_cf_case_bind_id_or_null (CfStmt *stmt,
                          int     index,
                          gint64  id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

void
_cf_case_bind_int_or_null (CfStmt *stmt,
                           int     index,
                           int     value)
{
  if (value <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

void
_cf_case_finalize_statements (CfCase *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sqlite3_finalize (value);
  g_hash_table_remove_all (self->statements);
}

void
cf_case_close (CfCase *self)
{
  g_return_if_fail (CF_IS_CASE (self));

  if (self->action_depth > 0)
    {
      self->action_depth = 1;
      cf_case_cancel_action (self);
    }
  g_clear_pointer (&self->session, sqlite3session_delete);
  _cf_case_finalize_statements (self);
  g_clear_pointer (&self->db, sqlite3_close);
}

const char *
cf_case_get_path (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return self->path;
}

gboolean
cf_case_get_read_only (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), TRUE);
  return self->read_only;
}

/* --- edits: shared helpers ---------------------------------------------------------- */

/* Runs @sql (with ?1 the id, ?2 the value, ?3 the time) as one edit. */
gboolean
_cf_case_update_field (CfCase        *self,
                       const char    *sql,
                       gint64         id,
                       CfValueKind    value_kind,
                       const char    *text,
                       gint           number,
                       const char    *label,
                       CfRecordKind   kind,
                       GError       **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();

  CF_CASE_BEGIN_EDIT (label);

  stmt = _cf_case_prepare (self, sql, error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, id);
  switch (value_kind)
    {
    case CF_VALUE_TEXT:
      sqlite3_bind_text (stmt, 2, text ? text : "", -1, SQLITE_STATIC);
      break;
    case CF_VALUE_TEXT_OR_NULL:
      _cf_case_bind_text_or_null (stmt, 2, text && *text ? text : NULL);
      break;
    case CF_VALUE_INT_OR_NULL:
      _cf_case_bind_int_or_null (stmt, 2, number);
      break;
    default:
      g_assert_not_reached ();
    }
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, label, error))
    return _cf_case_edit_failed (self);
  if (sqlite3_changes (self->db) == 0)
    {
      _cf_case_set_no_such_record (error, kind, id);
      return _cf_case_edit_failed (self);
    }
  return cf_case_end_action (self, error);
}

gboolean
_cf_case_record_exists (CfCase        *self,
                        const char    *sql,
                        gint64         id,
                        CfRecordKind   kind,
                        GError       **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    _cf_case_set_no_such_record (error, kind, id);
  else
    _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the case"));
  return FALSE;
}

/* One whole sentence per kind, so each translates well. */
void
_cf_case_set_no_such_record (GError       **error,
                             CfRecordKind   kind,
                             gint64         id)
{
  switch (kind)
    {
    case CF_RECORD_DOCUMENT:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no document with id %" PRId64 " in this case."), id);
      break;
    case CF_RECORD_ACTOR:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no actor with id %" PRId64 " in this case."), id);
      break;
    case CF_RECORD_CLAIM:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no claim with id %" PRId64 " in this case."), id);
      break;
    case CF_RECORD_TAG:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no tag with id %" PRId64 " in this case."), id);
      break;
    case CF_RECORD_NOTE:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no note with id %" PRId64 " in this case."), id);
      break;
    case CF_RECORD_HYPOTHESIS:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NO_SUCH_RECORD,
                   _("There is no hypothesis with id %" PRId64 " in this case."), id);
      break;
    case CF_RECORD_CASE:
    case CF_N_RECORD_KINDS:
    default:
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("The case file has lost its case record."));
      break;
    }
}

/* Runs a statement bound only to ?1 = id, as part of the current edit. */
gboolean
_cf_case_run_with_id (CfCase      *self,
                      const char  *sql,
                      gint64       id,
                      const char  *doing,
                      GError     **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _cf_case_step_done (self, stmt, doing, error);
}

/* Deletes a record as one edit: @steps (each bound to ?1 = @id) first remove or
 * detach what refers to it, the last removes the record itself. */
gboolean
_cf_case_delete_record (CfCase             *self,
                        gint64              id,
                        const char         *exists_sql,
                        CfRecordKind        kind,
                        const char * const *steps,
                        guint               n_steps,
                        const char         *label,
                        const char         *doing,
                        GError            **error)
{
  CF_CASE_BEGIN_EDIT (label);
  if (!_cf_case_record_exists (self, exists_sql, id, kind, error))
    return _cf_case_edit_failed (self);
  for (guint i = 0; i < n_steps; i++)
    if (!_cf_case_run_with_id (self, steps[i], id, doing, error))
      return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

/* --- the case itself ------------------------------------------------------------------- */

const char *
cf_case_get_info (CfCase      *self,
                  CfCaseField  field)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (self->info), NULL);

  return self->info[field] ? self->info[field] : "";
}

const char *
cf_case_get_case_id (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  return self->case_id ? self->case_id : "";
}

gboolean
cf_case_field_from_name (const char  *name,
                         CfCaseField *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (case_field_names); i++)
    {
      if (g_strcmp0 (name, case_field_names[i]) == 0)
        {
          *out = (CfCaseField) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
cf_case_field_to_name (CfCaseField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (case_field_names), NULL);
  return case_field_names[field];
}

gboolean
_cf_case_load_info (CfCase  *self,
                    GError **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                             "SELECT title, summary, incident_date, marking, analyst, "
                                             "case_id FROM case_info WHERE id = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("The case file has lost its case record."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the case"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->info); i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, i);

      if (g_strcmp0 (value, self->info[i]) != 0)
        {
          g_free (self->info[i]);
          self->info[i] = g_strdup (value);
          _cf_case_notify (self, CF_CASE_PROP_TITLE + i);
        }
    }
  /* fixed when the case was made (the schema holds it to 32 hex digits) */
  g_free (self->case_id);
  self->case_id = g_strdup ((const char *) sqlite3_column_text (stmt, G_N_ELEMENTS (self->info)));
  return TRUE;
}

gboolean
cf_case_set_info (CfCase       *self,
                  CfCaseField   field,
                  const char   *value,
                  GError      **error)
{
  static const char *sql[] = {
    "UPDATE case_info SET title = ?2, modified = ?3 WHERE id = ?1",
    "UPDATE case_info SET summary = ?2, modified = ?3 WHERE id = ?1",
    "UPDATE case_info SET incident_date = ?2, modified = ?3 WHERE id = ?1",
    "UPDATE case_info SET marking = ?2, modified = ?3 WHERE id = ?1",
    "UPDATE case_info SET analyst = ?2, modified = ?3 WHERE id = ?1",
  };
  static const char *labels[] = {
    N_("Change the case title"), N_("Change the summary"), N_("Change the incident date"),
    N_("Change the handling marking"), N_("Change the analyst"),
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (sql), FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  return _cf_case_update_field (self, sql[field], 1,
                                field == CF_CASE_FIELD_INCIDENT_DATE ? CF_VALUE_TEXT_OR_NULL : CF_VALUE_TEXT,
                                value, 0, _(labels[field]), CF_RECORD_CASE, error);
}

char *
_cf_case_clean_name (const char  *name,
                     GError     **error)
{
  char *clean;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The name is not valid text."));
      return NULL;
    }
  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_free (clean);
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The name is empty."));
      return NULL;
    }
  return clean;
}

/* --- GObject ---------------------------------------------------------------------------------------- */

static void
cf_case_dispose (GObject *object)
{
  CfCase *self = CF_CASE (object);

  if (self->db != NULL)
    cf_case_close (self);

  G_OBJECT_CLASS (cf_case_parent_class)->dispose (object);
}

static void
cf_case_finalize (GObject *object)
{
  CfCase *self = CF_CASE (object);

  _cf_case_clear_live (self);
  _cf_case_clear_history (self);
  g_clear_pointer (&self->statements, g_hash_table_destroy);
  for (guint i = 0; i < G_N_ELEMENTS (self->info); i++)
    g_free (self->info[i]);
  g_free (self->case_id);
  g_free (self->action_label);
  g_clear_error (&self->action_error);
  g_free (self->path);
  g_list_free (self->lists);

  G_OBJECT_CLASS (cf_case_parent_class)->finalize (object);
}

static void
cf_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CfCase *self = CF_CASE (object);

  switch (prop_id)
    {
    case CF_CASE_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case CF_CASE_PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case CF_CASE_PROP_TITLE:
    case CF_CASE_PROP_SUMMARY:
    case CF_CASE_PROP_INCIDENT_DATE:
    case CF_CASE_PROP_MARKING:
    case CF_CASE_PROP_ANALYST:
      g_value_set_string (value, cf_case_get_info (self, prop_id - CF_CASE_PROP_TITLE));
      break;
    case CF_CASE_PROP_CAN_UNDO:
      g_value_set_boolean (value, cf_case_can_undo (self));
      break;
    case CF_CASE_PROP_CAN_REDO:
      g_value_set_boolean (value, cf_case_can_redo (self));
      break;
    case CF_CASE_PROP_UNDO_LABEL:
      g_value_set_string (value, cf_case_get_undo_label (self));
      break;
    case CF_CASE_PROP_REDO_LABEL:
      g_value_set_string (value, cf_case_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_case_class_init (CfCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_case_dispose;
  object_class->finalize = cf_case_finalize;
  object_class->get_property = cf_case_get_property;

  properties[CF_CASE_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_INCIDENT_DATE] =
    g_param_spec_string ("incident-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_MARKING] =
    g_param_spec_string ("marking", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_ANALYST] =
    g_param_spec_string ("analyst", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[CF_CASE_PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, CF_CASE_N_PROPS, properties);

  /**
   * CfCase::record-changed:
   * @kind: a #CfRecordKind
   * @id: the record's id
   * @change: a #CfChange
   *
   * Emitted for every row an edit, undo or redo changed, after it is committed.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, CF_TYPE_RECORD_KIND, G_TYPE_INT64, CF_TYPE_CHANGE);

  /**
   * CfCase::records-changed:
   * @kinds: a mask of (1 << #CfRecordKind) bits
   *
   * Emitted once after each commit, undo or redo, after the lists have followed.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cf_case_init (CfCase *self)
{
  self->statements = g_hash_table_new (NULL, NULL);
  self->undo_enabled = TRUE;
  g_queue_init (&self->undo_stack);
  g_queue_init (&self->redo_stack);
  _cf_case_init_live (self);
}
