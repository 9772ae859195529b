/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of CfCase share: the instance struct, the statement cache, error
 * mapping and the edit helpers. cf-case.c holds the object itself; each other
 * cf-case-*.c holds one concern (opening, undo, live objects, one table each,
 * search, check, export). Tests and benchmarks use the two functions at the end. */

#include <sqlite3.h>

#include "cf-case.h"

G_BEGIN_DECLS

/* The schema version this build writes. */
#define CF_SCHEMA_VERSION 3
/* PRAGMA application_id of every case file: "CsF1" */
#define CF_APPLICATION_ID 0x43734631

/* A prepared statement from the cache; g_autoptr(CfStmt) resets it on scope exit. */
typedef sqlite3_stmt CfStmt;

void _cf_case_stmt_release (CfStmt *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfStmt, _cf_case_stmt_release)

/* One undoable action: its label and the changeset the session recorded. */
typedef struct
{
  char  *label;
  void  *changeset;
  int    size;
} CfUndoEntry;

struct _CfCase
{
  GObject        parent_instance;

  sqlite3       *db;
  char          *path;
  GHashTable    *statements;    /* SQL text (static) -> sqlite3_stmt */
  char          *info[CF_CASE_FIELD_ANALYST + 1];
  char          *case_id;
  gint64         data_version;  /* when we last looked (cf-case-outside.c) */
  gint64         stamp_data_version;  /* data_version when the stamp was taken, -1: none
                                        (cf-case-stamp.c) */

  /* one live object per record, so edits update what the panes hold */
  GHashTable    *objects[CF_N_RECORD_KINDS];   /* gint64* id -> LiveRef (the object, weakly) */
  GList         *lists;                         /* CfRecordList (weak) */

  guint          action_depth;
  char          *action_label;
  GError        *action_error;    /* why the outermost begin failed */
  sqlite3_session *session;
  gboolean       action_failed;
  /* an open CfImportBatch (cf-case-documents.c) holds the action between its slices;
   * begin_action calls from anyone else meanwhile are refused and counted here */
  CfImportBatch *import_batch;
  guint          import_storing : 1;
  guint          refused_depth;
  sqlite3_changegroup *action_group;  /* the batch's slices so far (cf-case-undo.c) */

  GQueue         undo_stack;   /* CfUndoEntry, newest at head */
  GQueue         redo_stack;

  guint          read_only : 1;
  guint          undo_enabled : 1;
  guint          full_check : 1;     /* open ran quick_check (no matching stamp) */
};

typedef enum
{
  CF_CASE_PROP_0,
  CF_CASE_PROP_PATH,
  CF_CASE_PROP_READ_ONLY,
  CF_CASE_PROP_TITLE,
  CF_CASE_PROP_SUMMARY,
  CF_CASE_PROP_INCIDENT_DATE,
  CF_CASE_PROP_MARKING,
  CF_CASE_PROP_ANALYST,
  CF_CASE_PROP_CAN_UNDO,
  CF_CASE_PROP_CAN_REDO,
  CF_CASE_PROP_UNDO_LABEL,
  CF_CASE_PROP_REDO_LABEL,
  CF_CASE_N_PROPS
} CfCaseProp;

/* cf-case.c: the object, errors, statements, the case record, edit helpers */
void      _cf_case_notify                (CfCase        *self,
                                          CfCaseProp     prop);
void      _cf_case_emit_record_changed   (CfCase        *self,
                                          CfRecordKind   kind,
                                          gint64         id,
                                          CfChange       change);
void      _cf_case_emit_records_changed  (CfCase        *self,
                                          guint          kinds_mask);
char     *_cf_case_now_iso8601           (void);
/* Maps an SQLite result to CF_CASE_ERROR in words a user can act on; @doing names
 * what failed ("Adding the claim"). */
void      _cf_case_set_sqlite_error      (GError       **error,
                                          sqlite3       *db,
                                          int            rc,
                                          const char    *doing);
gboolean  _cf_case_check_writable        (CfCase        *self,
                                          GError       **error);
gboolean  _cf_case_check_open            (CfCase        *self,
                                          GError       **error);
/* A statement from the cache (prepared on first use), keyed by its static text. */
CfStmt   *_cf_case_prepare               (CfCase        *self,
                                          const char    *sql,
                                          GError       **error);
gboolean  _cf_case_exec_sql              (sqlite3       *db,
                                          const char    *sql,
                                          const char    *doing,
                                          GError       **error);
gboolean  _cf_case_step_done             (CfCase        *self,
                                          CfStmt        *stmt,
                                          const char    *doing,
                                          GError       **error);
void      _cf_case_bind_text_or_null     (CfStmt        *stmt,
                                          int            index,
                                          const char    *text);
void      _cf_case_bind_id_or_null       (CfStmt        *stmt,
                                          int            index,
                                          gint64         id);
void      _cf_case_bind_int_or_null      (CfStmt        *stmt,
                                          int            index,
                                          int            value);
void      _cf_case_finalize_statements   (CfCase        *self);
gboolean  _cf_case_load_info             (CfCase        *self,
                                          GError       **error);
/* A name or title without surrounding space; refuses empty or invalid text. */
char     *_cf_case_clean_name            (const char    *name,
                                          GError       **error);

/* cf-case-claim-rules.c: moves the character span [*start, *end) of @text inward
 * past spaces and stray punctuation at its ends, keeping quotation marks and
 * brackets the span both opens and closes; FALSE (INVALID) when nothing is left. */
gboolean  _cf_case_trim_claim_span       (const char    *text,
                                          gint          *start,
                                          gint          *end,
                                          GError       **error);
/* FALSE with %CF_CASE_ERROR_DUPLICATE naming the claim when another claim than
 * @claim_id (0: none) has exactly this span of this document. */
gboolean  _cf_case_check_new_span        (CfCase        *self,
                                          gint64         document_id,
                                          gint64         claim_id,
                                          gint           start,
                                          gint           end,
                                          GError       **error);
/* _cf_case_clean_name without a typed "H1:" in front; the brief numbers them. */
char     *_cf_case_clean_hypothesis_title (const char   *title,
                                           GError      **error);

/* "There is no claim with id 7 in this case." */
void      _cf_case_set_no_such_record    (GError       **error,
                                          CfRecordKind   kind,
                                          gint64         id);

typedef enum
{
  CF_VALUE_TEXT,          /* NULL becomes '' */
  CF_VALUE_TEXT_OR_NULL,  /* NULL or '' becomes NULL */
  CF_VALUE_INT_OR_NULL,   /* <= 0 becomes NULL */
} CfValueKind;

/* Runs @sql (with ?1 the id, ?2 the value, ?3 the time) as one edit. */
gboolean  _cf_case_update_field          (CfCase        *self,
                                          const char    *sql,
                                          gint64         id,
                                          CfValueKind    value_kind,
                                          const char    *text,
                                          gint           number,
                                          const char    *label,
                                          CfRecordKind   kind,
                                          GError       **error);
gboolean  _cf_case_record_exists         (CfCase        *self,
                                          const char    *sql,
                                          gint64         id,
                                          CfRecordKind   kind,
                                          GError       **error);
gboolean  _cf_case_run_with_id           (CfCase        *self,
                                          const char    *sql,
                                          gint64         id,
                                          const char    *doing,
                                          GError       **error);
gboolean  _cf_case_delete_record         (CfCase             *self,
                                          gint64              id,
                                          const char         *exists_sql,
                                          CfRecordKind        kind,
                                          const char * const *steps,
                                          guint               n_steps,
                                          const char         *label,
                                          const char         *doing,
                                          GError            **error);

/* cf-case-undo.c: actions, session changesets, history */
gboolean  _cf_case_begin_failed          (CfCase        *self,
                                          GError       **error);
gboolean  _cf_case_edit_failed           (CfCase        *self);
void      _cf_case_clear_history         (CfCase        *self);

/* Every public edit runs inside one of these: fails early on a read-only case, and
 * joins an action the caller opened. */
/* cf-case-undo.c: ends an import batch's slice inside its open action */
gboolean  _cf_case_end_slice             (CfCase        *self,
                                          GError       **error);

#define CF_CASE_BEGIN_EDIT(label)                          \
  G_STMT_START {                                           \
    if (!_cf_case_check_writable (self, error))            \
      return 0;                                            \
    cf_case_begin_action (self, (label));                  \
    if (self->action_failed)                               \
      return _cf_case_begin_failed (self, error);          \
  } G_STMT_END

/* cf-case-live.c: the identity map of live records and change notifications */
void      _cf_case_init_live             (CfCase        *self);
void      _cf_case_clear_live            (CfCase        *self);
/* The live object of a record, with a new reference. */
gpointer  _cf_case_get_record            (CfCase        *self,
                                          CfRecordKind   kind,
                                          gint64         id,
                                          GError       **error);
/* After a commit, undo or redo: @changeset NULL means "anything may have changed". */
void      _cf_case_notify_changeset      (CfCase        *self,
                                          void          *changeset,
                                          int            size);

/* cf-case-outside.c: PRAGMA data_version now, to compare with later (at open) */
void      _cf_case_remember_data_version (CfCase        *self);
/* PRAGMA data_version: it changes when another connection commits; @doing names
 * the work in the error */
gboolean  _cf_case_read_data_version     (CfCase        *self,
                                          gint64        *version,
                                          const char    *doing,
                                          GError       **error);

/* cf-case-open.c: a connection to a file we did not write, locked down (limits,
 * authorizer, no extensions, untrusted schema, defensive) before SQLite reads a page
 * of it, through the VFS _cf_case_set_vfs_name() chose. Opening a case, creating one
 * and the upgrade all use it. */
sqlite3  *_cf_case_open_connection  (const char  *path,
                                     int          flags,
                                     GError     **error);

/* For tests: open every later case through the SQLite VFS of that name (NULL for the
 * default), e.g. a fault-injecting shim. */
void      _cf_case_set_vfs_name     (const char *vfs_name);
/* For tests and benchmarks: the connection, to run raw SQL alongside the API. */
sqlite3  *_cf_case_get_db           (CfCase     *self);
/* For tests: how many matches of a kind cf_case_search() ranks (0: the default,
 * 1,000), so that a small case can have more. */
void      _cf_case_set_search_ranked_max (guint max);

G_END_DECLS
