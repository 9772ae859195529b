/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Actions, undo and redo.
 *
 * Every edit is committed when it is made; an action groups edits into one
 * transaction and one undo step (actions nest: only the outermost begins and
 * commits). The transaction is BEGIN IMMEDIATE: it takes the write lock first,
 * waiting through the busy timeout while another program writes, since a read
 * transaction that later needs the write lock would fail at once instead. While an action
 * runs, SQLite's session extension records every row it changes in the tracked
 * tables (_cf_case_tracked_tables). At the end the session's changeset becomes
 * the undo entry: undo applies its inverse, redo applies it as recorded, each in
 * its own transaction and logged in change_log. No per-table undo code exists, so a
 * new table is undoable once it is tracked.
 *
 * A conflict while applying means the file changed outside the history: the move
 * is refused instead of guessed. A failed edit rolls back with a statement
 * prepared in advance, so rolling back needs no memory to compile SQL; if even
 * that fails, the connection is closed, which rolls back too. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-journal-private.h"
#include "cf-case-private.h"
#include "cf-case-schema.h"
#include "cf-case-stamp.h"

#define CF_UNDO_DEPTH 200

static void
undo_entry_free (gpointer data)
{
  CfUndoEntry *entry = data;

  g_free (entry->label);
  sqlite3_free (entry->changeset);
  g_free (entry);
}

/* Undoes an interrupted edit. The ROLLBACK is prepared when the case opens and
 * kept, so rolling back does not first need memory to compile SQL. If even that
 * fails, nothing is ever committed: as a last resort the connection is closed,
 * which rolls back too. */
static void
roll_back (CfCase *self)
{
  sqlite3_stmt *rollback = _cf_case_prepare (self, "ROLLBACK", NULL);

  if (rollback != NULL)
    {
      int rc = sqlite3_step (rollback);

      sqlite3_reset (rollback);
      if (rc == SQLITE_DONE || sqlite3_get_autocommit (self->db))
        return;
    }
  if (sqlite3_get_autocommit (self->db))
    return;

  g_warning ("Could not roll back an interrupted edit; closing the case");
  _cf_case_finalize_statements (self);
  g_clear_pointer (&self->db, sqlite3_close);
}

static void
notify_undo_state (CfCase *self)
{
  _cf_case_notify (self, CF_CASE_PROP_CAN_UNDO);
  _cf_case_notify (self, CF_CASE_PROP_CAN_REDO);
  _cf_case_notify (self, CF_CASE_PROP_UNDO_LABEL);
  _cf_case_notify (self, CF_CASE_PROP_REDO_LABEL);
}

static gboolean
log_change (CfCase      *self,
            const char  *summary,
            GError     **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "INSERT INTO change_log (at, summary) VALUES (?1, ?2)", error);
  g_autofree char *now = _cf_case_now_iso8601 ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, summary, -1, SQLITE_STATIC);
  return _cf_case_step_done (self, stmt, _("Recording the change"), error);
}

static int
start_session (CfCase *self)
{
  int rc = sqlite3session_create (self->db, "main", &self->session);

  for (guint i = 0; rc == SQLITE_OK && _cf_case_tracked_tables[i] != NULL; i++)
    rc = sqlite3session_attach (self->session, _cf_case_tracked_tables[i]);
  if (rc != SQLITE_OK)
    g_clear_pointer (&self->session, sqlite3session_delete);
  return rc;
}

void
cf_case_begin_action (CfCase     *self,
                      const char *label)
{
  int rc;

  g_return_if_fail (CF_IS_CASE (self));

  /* An import batch holds the transaction between its slices: an edit from anyone
   * else now would join it (and be rolled back with a cancelled import). Its edits
   * are refused by _cf_case_check_writable(); its end reports why. */
  if (self->import_batch != NULL && !self->import_storing)
    {
      self->refused_depth++;
      return;
    }

  if (self->action_depth++ > 0)
    return;

  self->action_failed = FALSE;
  g_clear_error (&self->action_error);
  g_free (self->action_label);
  self->action_label = g_strdup (label ? label : _("Edit"));

  if (!_cf_case_check_writable (self, &self->action_error))
    {
      self->action_failed = TRUE;
      return;
    }

  rc = _cf_case_begin_write (self->db);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (&self->action_error, self->db, rc, self->action_label);
      self->action_failed = TRUE;
      return;
    }

  if (!self->undo_enabled)
    return;

  rc = start_session (self);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (&self->action_error, self->db, rc, self->action_label);
      self->action_failed = TRUE;
    }
}

/* An import batch's slices, each recorded by a session of its own (see
 * cf-case-documents.c): what the slice changed joins the action's changegroup, so
 * the commit only merges what is left instead of reading back every row the whole
 * import wrote, and the slice's pages go to the file now rather than all at the
 * commit. The action stays one transaction and one undo entry. */
gboolean
_cf_case_end_slice (CfCase  *self,
                    GError **error)
{
  void *changeset = NULL;
  int size = 0;
  int rc = SQLITE_OK;

  g_assert (self->action_depth > 0);

  if (self->session != NULL)
    {
      if (self->action_group == NULL)
        rc = sqlite3changegroup_new (&self->action_group);
      if (rc == SQLITE_OK)
        rc = sqlite3session_changeset (self->session, &size, &changeset);
      if (rc == SQLITE_OK && size > 0)
        rc = sqlite3changegroup_add (self->action_group, size, changeset);
      sqlite3_free (changeset);
      g_clear_pointer (&self->session, sqlite3session_delete);
      if (rc == SQLITE_OK)
        rc = start_session (self);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_db_cacheflush (self->db);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, self->action_label);
      return FALSE;
    }
  return TRUE;
}

void
cf_case_cancel_action (CfCase *self)
{
  g_return_if_fail (CF_IS_CASE (self));

  if (self->refused_depth > 0)
    {
      self->refused_depth--;
      return;
    }
  g_return_if_fail (self->action_depth > 0);

  /* inside an outer action: the outer end will roll everything back */
  if (self->action_depth > 1)
    {
      self->action_depth--;
      self->action_failed = TRUE;
      return;
    }

  self->action_depth = 0;
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->action_group, sqlite3changegroup_delete);
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    roll_back (self);
  /* cached objects may have been refreshed from rows that are now gone */
  if (self->db != NULL)
    _cf_case_notify_changeset (self, NULL, 0);
}

gboolean
cf_case_end_action (CfCase  *self,
                    GError **error)
{
  void *changeset = NULL;
  int size = 0;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (self->refused_depth > 0)
    {
      self->refused_depth--;
      return _cf_case_check_writable (self, error);
    }
  g_return_val_if_fail (self->action_depth > 0, FALSE);

  if (--self->action_depth > 0)
    return TRUE;

  if (self->action_failed || self->db == NULL || self->read_only)
    {
      if (!_cf_case_check_writable (self, error))
        {
          g_clear_pointer (&self->session, sqlite3session_delete);
          g_clear_pointer (&self->action_group, sqlite3changegroup_delete);
          return FALSE;
        }
      self->action_depth = 1;
      cf_case_cancel_action (self);
      if (self->action_error != NULL)
        g_propagate_error (error, g_steal_pointer (&self->action_error));
      else
        g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                     _("%s did not complete, so nothing was changed."), self->action_label);
      return FALSE;
    }

  if (self->session != NULL)
    {
      rc = sqlite3session_changeset (self->session, &size, &changeset);
      g_clear_pointer (&self->session, sqlite3session_delete);
      if (rc == SQLITE_OK && self->action_group != NULL)
        {
          if (size > 0)
            rc = sqlite3changegroup_add (self->action_group, size, changeset);
          sqlite3_free (changeset);
          changeset = NULL;
          size = 0;
          if (rc == SQLITE_OK)
            rc = sqlite3changegroup_output (self->action_group, &size, &changeset);
        }
      g_clear_pointer (&self->action_group, sqlite3changegroup_delete);
      if (rc != SQLITE_OK)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, self->action_label);
          self->action_depth = 1;
          cf_case_cancel_action (self);
          return FALSE;
        }
    }

  if (size > 0 || self->session == NULL)
    {
      if (!log_change (self, self->action_label, error))
        {
          sqlite3_free (changeset);
          self->action_depth = 1;
          cf_case_cancel_action (self);
          return FALSE;
        }
    }

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    _cf_case_stamp_committed (self);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, self->action_label);
      sqlite3_free (changeset);
      /* a failed commit leaves the transaction open: undo it all */
      if (!sqlite3_get_autocommit (self->db))
        roll_back (self);
      _cf_case_notify_changeset (self, NULL, 0);
      return FALSE;
    }

  if (changeset != NULL && size > 0)
    {
      CfUndoEntry *entry = g_new0 (CfUndoEntry, 1);

      entry->label = g_strdup (self->action_label);
      entry->changeset = changeset;
      entry->size = size;
      g_queue_push_head (&self->undo_stack, entry);
      while (self->undo_stack.length > CF_UNDO_DEPTH)
        undo_entry_free (g_queue_pop_tail (&self->undo_stack));
      g_queue_clear_full (&self->redo_stack, undo_entry_free);
      _cf_case_notify_changeset (self, changeset, size);
      notify_undo_state (self);
    }
  else
    {
      sqlite3_free (changeset);
      if (!self->undo_enabled)
        _cf_case_notify_changeset (self, NULL, 0);
    }

  return TRUE;
}

/* An edit must not run when its action could not start (no transaction means every
 * statement would commit on its own). */
gboolean
_cf_case_begin_failed (CfCase  *self,
                       GError **error)
{
  if (self->action_error != NULL)
    g_propagate_error (error, g_error_copy (self->action_error));
  else
    g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                 _("%s did not complete, so nothing was changed."), self->action_label);
  cf_case_cancel_action (self);
  return FALSE;
}

gboolean
_cf_case_edit_failed (CfCase *self)
{
  cf_case_cancel_action (self);
  return FALSE;
}

void
_cf_case_clear_history (CfCase *self)
{
  g_queue_clear_full (&self->undo_stack, undo_entry_free);
  g_queue_clear_full (&self->redo_stack, undo_entry_free);
}

gboolean
cf_case_can_undo (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return self->undo_stack.length > 0;
}

gboolean
cf_case_can_redo (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return self->redo_stack.length > 0;
}

const char *
cf_case_get_undo_label (CfCase *self)
{
  CfUndoEntry *entry;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  entry = g_queue_peek_head (&self->undo_stack);
  return entry ? entry->label : NULL;
}

const char *
cf_case_get_redo_label (CfCase *self)
{
  CfUndoEntry *entry;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  entry = g_queue_peek_head (&self->redo_stack);
  return entry ? entry->label : NULL;
}

void
cf_case_set_undo_enabled (CfCase   *self,
                          gboolean  enabled)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->undo_enabled = !!enabled;
}

static int
apply_conflict_cb (void                   *user_data,
                   int                     conflict,
                   sqlite3_changeset_iter *iter)
{
  /* The stack is linear and every edit goes through it, so a conflict means the
   * file changed under us: stop rather than guess. */
  return SQLITE_CHANGESET_ABORT;
}

static gboolean
apply_entry (CfCase     *self,
             CfUndoEntry  *entry,
             gboolean    invert,
             const char *log_prefix,
             GError    **error)
{
  void *changes = entry->changeset;
  int size = entry->size;
  g_autofree char *summary = NULL;
  int rc;

  if (invert)
    {
      rc = sqlite3changeset_invert (entry->size, entry->changeset, &size, &changes);
      if (rc != SQLITE_OK)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, log_prefix);
          return FALSE;
        }
    }

  rc = _cf_case_begin_write (self->db);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_apply (self->db, size, changes, NULL, apply_conflict_cb, NULL);
  if (rc == SQLITE_OK)
    {
      g_autoptr(GError) log_error = NULL;

      summary = g_strdup_printf ("%s: %s", log_prefix, entry->label);
      if (!log_change (self, summary, &log_error))
        rc = SQLITE_ERROR;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    _cf_case_stamp_committed (self);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_ABORT)
        g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                     _("“%s” cannot be undone: the case changed in a way that conflicts "
                       "with it."), entry->label);
      else
        _cf_case_set_sqlite_error (error, self->db, rc, log_prefix);
      if (!sqlite3_get_autocommit (self->db))
        roll_back (self);
      if (invert)
        sqlite3_free (changes);
      _cf_case_notify_changeset (self, NULL, 0);
      return FALSE;
    }

  _cf_case_notify_changeset (self, changes, size);
  if (invert)
    sqlite3_free (changes);
  return TRUE;
}

/* Undo and redo are the same move between the two stacks: undo applies the inverse
 * of the newest action, redo applies it as recorded. */
static gboolean
move_history (CfCase      *self,
              GQueue      *from,
              GQueue      *to,
              gboolean     invert,
              const char  *nothing_message,
              const char  *log_prefix,
              GError     **error)
{
  CfUndoEntry *entry;

  if (!_cf_case_check_writable (self, error))
    return FALSE;
  entry = g_queue_peek_head (from);
  if (entry == NULL || self->action_depth > 0)
    {
      g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_NOTHING_TO_UNDO, nothing_message);
      return FALSE;
    }
  if (!apply_entry (self, entry, invert, log_prefix, error))
    return FALSE;
  g_queue_push_head (to, g_queue_pop_head (from));
  notify_undo_state (self);
  return TRUE;
}

gboolean
cf_case_undo (CfCase  *self,
              GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return move_history (self, &self->undo_stack, &self->redo_stack, TRUE,
                       _("There is nothing to undo."), _("Undo"), error);
}

gboolean
cf_case_redo (CfCase  *self,
              GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return move_history (self, &self->redo_stack, &self->undo_stack, FALSE,
                       _("There is nothing to redo."), _("Redo"), error);
}
