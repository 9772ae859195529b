/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cf-actor.h"
#include "cf-claim.h"
#include "cf-document.h"
#include "cf-hypothesis.h"
#include "cf-import.h"
#include "cf-note.h"
#include "cf-scales.h"
#include "cf-store-enums.h"
#include "cf-tag.h"

G_BEGIN_DECLS

/* How to read these headers: a pointer argument may not be NULL unless marked
 * (nullable), and it stays the caller's (transfer none); every GError **error may be
 * NULL. Returned values are annotated. cf_case_get_<record>() returns a new reference
 * to the live record (transfer full); the record's own getters lend their values
 * (transfer none), valid until the record next changes (then it notifies). */

#define CF_CASE_ERROR (cf_case_error_quark ())

typedef enum
{
  CF_CASE_ERROR_FAILED,
  CF_CASE_ERROR_NOT_FOUND,      /* no such file */
  CF_CASE_ERROR_EXISTS,         /* creating over an existing file */
  CF_CASE_ERROR_NOT_A_CASE,     /* a foreign file: not SQLite, or not ours */
  CF_CASE_ERROR_DAMAGED,        /* truncated, corrupt, tampered schema, stray journal */
  CF_CASE_ERROR_TOO_NEW,        /* written by a newer Casefile */
  CF_CASE_ERROR_READ_ONLY,      /* an edit on a case opened read-only */
  CF_CASE_ERROR_BUSY,           /* locked by another program */
  CF_CASE_ERROR_IO,             /* disk full, I/O error */
  CF_CASE_ERROR_NO_MEMORY,
  CF_CASE_ERROR_INVALID,        /* a bad argument: span outside the text, bad rating... */
  CF_CASE_ERROR_NO_SUCH_RECORD, /* the id names nothing */
  CF_CASE_ERROR_NOTHING_TO_UNDO,
  CF_CASE_ERROR_NEEDS_UPGRADE,  /* an older format: `casefile-cli upgrade` or the app's Upgrade */
  CF_CASE_ERROR_DUPLICATE,      /* a claim of exactly this span exists; the message names it */
} CfCaseError;

typedef enum
{
  CF_CASE_OPEN_DEFAULT   = 0,
  CF_CASE_OPEN_READ_ONLY = 1 << 0,
} CfCaseOpenFlags;

/* What a change notification is about. */
typedef enum
{
  CF_RECORD_CASE,
  CF_RECORD_DOCUMENT,
  CF_RECORD_ACTOR,
  CF_RECORD_CLAIM,
  CF_RECORD_TAG,
  CF_RECORD_NOTE,
  CF_RECORD_HYPOTHESIS,
  CF_N_RECORD_KINDS /*< skip >*/
} CfRecordKind;

typedef enum
{
  CF_CHANGE_INSERTED,
  CF_CHANGE_UPDATED,
  CF_CHANGE_DELETED,
} CfChange;

typedef enum
{
  CF_CASE_FIELD_TITLE,
  CF_CASE_FIELD_SUMMARY,
  CF_CASE_FIELD_INCIDENT_DATE,
  CF_CASE_FIELD_MARKING,
  CF_CASE_FIELD_ANALYST,
} CfCaseField;

typedef enum
{
  CF_DOCUMENT_FIELD_TITLE,
  CF_DOCUMENT_FIELD_BYLINE,
  CF_DOCUMENT_FIELD_PUBLISHER,
  CF_DOCUMENT_FIELD_URL,
  CF_DOCUMENT_FIELD_PUBLISHED,
  CF_DOCUMENT_FIELD_LANGUAGE,
  CF_DOCUMENT_FIELD_CAPTURED,
} CfDocumentField;

/* Sort orders of a claim list. */
typedef enum
{
  CF_CLAIM_SORT_POSITION,    /* document, then start offset (reading order) */
  CF_CLAIM_SORT_CREATED,
  CF_CLAIM_SORT_QUOTE,
  CF_CLAIM_SORT_ACTOR,
  CF_CLAIM_SORT_GRADE,       /* reliability then credibility, unrated last */
  CF_CLAIM_SORT_LIKELIHOOD,
  CF_CLAIM_SORT_CONFIDENCE,
  CF_CLAIM_SORT_DOCUMENT,
} CfClaimSort;

/* The fields of a new document; NULL strings are stored as NULL. */
typedef struct
{
  const char *title;
  const char *byline;
  const char *publisher;
  const char *url;
  const char *published;   /* ISO 8601 */
  const char *language;
  const char *media_type;  /* NULL: "text/plain" */
  const char *filename;    /* base name of the imported file, or NULL */
  const char *note;        /* importer's note, e.g. an encoding conversion */
  const char *captured;    /* ISO 8601: when the page was saved (MHTML, WARC), or NULL */
  gint64      parent_id;   /* the message this is an attachment of, or 0 */
  const char *text;        /* the extracted UTF-8 text claims point into; required */
  GBytes     *original;    /* the original bytes; NULL: the UTF-8 text itself */
  GArray     *pages;       /* (element-type CfExtractedPage) (nullable): a PDF's pages */
} CfDocumentFields;

typedef struct
{
  CfRecordKind  kind;         /* DOCUMENT, CLAIM, NOTE, HYPOTHESIS or TAG */
  gint64        id;           /* of the document, claim, note, hypothesis or tag */
  gint64        document_id;  /* the document the hit is in (0 for a case note, a
                                 hypothesis or a tag) */
  gint64        claim_id;     /* the claim, for a claim hit or a note on a claim */
  gint          start;        /* character offset of this occurrence in the document
                                 text (document hits), the claim span start (claim
                                 hits), or -1 (a match in a title only, other kinds) */
  gint          end;
  char         *title;        /* document title, for context (the hypothesis's or
                                 the tag's path for those) */
  char         *snippet;      /* plain text around this very occurrence, which is
                                 between CF_SEARCH_MATCH_START and CF_SEARCH_MATCH_END */
  double        rank;         /* lower is better */
  guint         occurrence;   /* document hits: this occurrence's number in the
                                 document, from 1; 0 for the other kinds */
  guint         n_occurrences; /* document hits: the occurrences in the document */
  gboolean      partial;      /* documents, claims, notes: more of this kind match than
                                 are ranked (CF_SEARCH_RANKED_MAX, 1,000): this hit was
                                 ranked among the newest of them only */
} CfSearchHit;

/* One occurrence: the characters [start, end) of a document's text. */
typedef struct
{
  gint start;
  gint end;
} CfSearchRange;

#define CF_SEARCH_MATCH_START "\xc2\xab"  /* « */
#define CF_SEARCH_MATCH_END   "\xc2\xbb"  /* » */

/* A boxed type, so a hit can travel in a GValue (signals, properties). */
#define CF_TYPE_SEARCH_HIT (cf_search_hit_get_type ())
GType         cf_search_hit_get_type         (void) G_GNUC_CONST;

typedef struct
{
  gint64  id;
  char   *at;       /* ISO 8601 UTC */
  char   *summary;  /* "Rated claim 12" */
} CfChangeEntry;

#define CF_TYPE_CASE (cf_case_get_type ())
G_DECLARE_FINAL_TYPE (CfCase, cf_case, CF, CASE, GObject)

GQuark        cf_case_error_quark            (void);

/* --- files ---------------------------------------------------------------- */

/**
 * cf_case_create:
 * @path: the file to create; it must not exist
 * @title: (nullable): the case title; %NULL for ""
 *
 * Creates a new case file, built under a temporary name and linked into place.
 *
 * Returns: (transfer full) (nullable): the open case, or %NULL with @error set
 */
CfCase       *cf_case_create                 (const char      *path,
                                              const char      *title,
                                              GError         **error);
/**
 * cf_case_open:
 * @path: the case file
 *
 * Checks the header, the integrity, the application id, the version and the schema
 * before use; refuses anything else without writing to it. A file the user cannot
 * write to opens read-only (see cf_case_get_read_only()).
 *
 * Returns: (transfer full) (nullable): the open case, or %NULL with @error set
 */
CfCase       *cf_case_open                   (const char      *path,
                                              CfCaseOpenFlags  flags,
                                              GError         **error);
/**
 * cf_case_open_needs_check:
 * @path: a case file
 *
 * Whether cf_case_open() will read the whole file to check it (a file this machine's
 * Casefile has not committed to or checked as it is now), so a caller with a window
 * can show progress. Cheap: a stat and a look at the header.
 */
gboolean      cf_case_open_needs_check       (const char      *path);
/**
 * cf_case_open_async:
 * @path: the case file
 * @cancellable: (nullable): stops the check; the result is then %G_IO_ERROR_CANCELLED
 *
 * cf_case_open() in a worker thread, for a window that must not freeze while a big
 * file is checked.
 */
void          cf_case_open_async             (const char          *path,
                                              CfCaseOpenFlags      flags,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/**
 * cf_case_open_finish:
 * Returns: (transfer full) (nullable): the open case, or %NULL with @error set
 */
CfCase       *cf_case_open_finish            (GAsyncResult        *result,
                                              GError             **error);
/**
 * cf_case_upgrade:
 * @path: a case file of an older format (cf_case_open() said
 *   %CF_CASE_ERROR_NEEDS_UPGRADE)
 * @backup_path: (out) (optional) (transfer full) (nullable): where the old file was
 *   kept, or %NULL when it was already of the current format
 *
 * Upgrades the file to the format this version writes, in one transaction on a
 * copy that replaces the file only once it is verified; the old file stays beside
 * it as NAME.vN-backup.casefile. On failure the file is as it was. Blocks: run it in
 * a worker thread from a main loop.
 *
 * Returns: %TRUE when the file is of the current format now
 */
gboolean      cf_case_upgrade                (const char      *path,
                                              char           **backup_path,
                                              GError         **error);
/**
 * cf_case_save_as:
 * @path: where to write the copy
 *
 * Copies the case with the SQLite backup API (through a temporary file in the same
 * folder, then a rename) and goes on with the copy.
 */
gboolean      cf_case_save_as                (CfCase          *self,
                                              const char      *path,
                                              GError         **error);
/**
 * cf_case_check_outside_changes:
 *
 * Looks whether another program (casefile-cli, another window) committed a change
 * to the case file since the case was opened or last looked (SQLite's
 * `PRAGMA data_version`; our own edits do not count). If so, reloads the case
 * record and every live record object and list, emits #CfCase::records-changed for
 * every kind, #CfCase::record-changed with %CF_CHANGE_DELETED for each live record
 * that is gone, and returns %TRUE. Cheap when nothing changed: call it when the
 * window gains focus and before each edit, so an edit never lands on a row that
 * another program replaced. Undo history is kept; an undo that conflicts with the
 * outside change is refused.
 *
 * Returns: %TRUE if the case was changed from outside and reloaded; %FALSE if not,
 *   or with @error set if the file could not be read
 */
gboolean      cf_case_check_outside_changes  (CfCase          *self,
                                              GError         **error);
/* Closes the database; every later call fails. Finalizing closes too. */
void          cf_case_close                  (CfCase          *self);
/**
 * cf_case_get_path:
 * Returns: (transfer none): the path of the file the case is using
 */
const char   *cf_case_get_path               (CfCase          *self);
gboolean      cf_case_get_read_only          (CfCase          *self);

/**
 * cf_case_check:
 *
 * Integrity: SQLite's integrity_check plus Casefile's own (claims inside their
 * documents, quotes matching, hashes matching, references resolving).
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the problems found, one
 *   sentence each (empty when the case is sound), or %NULL with @error set
 */
GPtrArray    *cf_case_check                  (CfCase          *self,
                                              GError         **error);

/* One finding of the check and where it is. */
typedef struct
{
  char   *table;     /* the table ("claims", "documents_fts"), NULL for the whole file */
  gint64  id;        /* the row's id (a relation's: its claim's), 0 for none */
  char   *column;    /* NULL for the whole row or table */
  char   *message;   /* one sentence */
} CfCaseFinding;

void          cf_case_finding_free           (CfCaseFinding   *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCaseFinding, cf_case_finding_free)

/**
 * cf_case_check_findings:
 *
 * The same check as cf_case_check(), with where each problem is. Never writes to the
 * case file, read-only or not.
 *
 * Returns: (transfer full) (element-type CfCaseFinding) (nullable): the findings
 *   (empty when the case is sound), or %NULL with @error set
 */
GPtrArray    *cf_case_check_findings         (CfCase          *self,
                                              GError         **error);

/* --- the case itself -------------------------------------------------------- */

/**
 * cf_case_get_info:
 * Returns: (transfer none): the field's value, "" when unset; owned by the case and
 *   valid until that field changes
 */
const char   *cf_case_get_info               (CfCase          *self,
                                              CfCaseField      field);
/**
 * cf_case_get_case_id:
 * Returns: (transfer none): the case's identity, 32 lower-case hex digits made at
 *   random when the case was created (or upgraded); copies of the file share it
 */
const char   *cf_case_get_case_id            (CfCase          *self);
/**
 * cf_case_set_info:
 * @value: (nullable): the new value; %NULL or "" clears it
 */
gboolean      cf_case_set_info               (CfCase          *self,
                                              CfCaseField      field,
                                              const char      *value,
                                              GError         **error);
/**
 * cf_case_field_from_name:
 * @name: (nullable): a name as cf_case_field_to_name() gives it
 * @out: (out): the field
 *
 * Returns: whether @name names a field
 */
gboolean      cf_case_field_from_name        (const char      *name,
                                              CfCaseField     *out);
/**
 * cf_case_field_to_name:
 * Returns: (transfer none): "title", "summary", "incident_date", "marking" or
 *   "analyst" (static)
 */
const char   *cf_case_field_to_name          (CfCaseField      field);

/* --- documents ---------------------------------------------------------------- */

/**
 * cf_case_add_document:
 * @fields: (transfer none): the fields; only @fields->text is required
 *
 * Returns: the new document's id, or 0 with @error set
 */
gint64        cf_case_add_document           (CfCase                 *self,
                                              const CfDocumentFields *fields,
                                              GError                **error);
/**
 * cf_case_import_file:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads @file (size-capped), extracts it (cf_extract_bytes) and adds one document
 * per extracted item. Blocks on the file: a caller with a main loop reads in a worker
 * with cf_import_read_file() and stores with cf_case_add_import() instead.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the new ids, or %NULL
 *   with @error set and nothing added
 */
GArray       *cf_case_import_file            (CfCase          *self,
                                              GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);
/**
 * cf_case_add_import:
 * @import: (transfer none): what cf_import_read_file() read
 *
 * Stores one document per extracted item, in one action.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the new ids, or %NULL
 *   with @error set
 */
GArray       *cf_case_add_import             (CfCase          *self,
                                              CfImport        *import,
                                              GError         **error);
/**
 * CfImportProgressFunc:
 * @done: documents stored so far
 * @total: documents to store in all
 * @user_data: what the caller passed
 *
 * Called by cf_case_add_imports() as it stores the documents.
 */
typedef void (*CfImportProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);
/**
 * cf_case_add_imports:
 * @imports: (element-type CfImport) (transfer none): what cf_import_read_file() read,
 *   for many files (or one big feed)
 * @progress: (nullable) (scope call): called every few documents, and at the end
 * @user_data: for @progress
 * @cancellable: (nullable): cancels the whole import (nothing is added)
 * @refused: (out) (optional) (element-type GError) (transfer full): per import, why
 *   it was not stored, or %NULL for one that was
 *
 * The bulk path: stores all @imports as one action (one transaction, one undo step
 * “Import N files”), its statements prepared once and reused, the full-text index
 * filled in the same transaction. An import whose documents the case would refuse
 * (text that is not UTF-8, pages outside the text) is checked before anything is
 * written and left out, its reason in @refused; the others are stored. Runs on the
 * thread that owns the case; @progress may update a progress bar.
 *
 * Returns: (transfer full) (element-type GArray) (nullable): per import, the new
 *   documents' ids (an empty array for a refused import), or %NULL with @error set
 *   and nothing added
 */
GPtrArray    *cf_case_add_imports            (CfCase               *self,
                                              GPtrArray            *imports,
                                              CfImportProgressFunc  progress,
                                              gpointer              user_data,
                                              GCancellable         *cancellable,
                                              GPtrArray           **refused,
                                              GError              **error);
/**
 * CfImportBatch:
 *
 * A big import stored a slice at a time, for a caller that must not stop for the
 * whole of it (the window between two frames) or hold every file at once (the CLI
 * over many files). It is one action all the same: one transaction, open from
 * cf_case_begin_import() to cf_import_batch_commit() (one undo step, change signals
 * at the commit) or cf_import_batch_cancel() (nothing added). While it is open every
 * other edit, undo and redo of the case is refused with %CF_CASE_ERROR_BUSY, since it
 * would join the import's transaction and share its fate; reading goes on (and sees
 * the documents stored so far).
 */
typedef struct _CfImportBatch CfImportBatch;

/**
 * cf_case_begin_import:
 *
 * Returns: (transfer full) (nullable): an open batch, or %NULL with @error set (the
 *   case is read-only, an edit or another import is under way, or the transaction
 *   could not start)
 */
CfImportBatch *cf_case_begin_import          (CfCase          *self,
                                              GError         **error);
/**
 * cf_import_batch_add:
 * @import: (transfer full): what cf_import_read_file() read; freed once stored
 *
 * Queues one file's documents; nothing is written until cf_import_batch_store().
 * An import the case would refuse (text that is not UTF-8, pages outside the text)
 * is refused here, with nothing written, and the batch goes on.
 *
 * Returns: (transfer none) (element-type gint64) (nullable): the ids of the file's
 *   documents as they are stored (owned by the batch), or %NULL with @error set
 */
GArray        *cf_import_batch_add           (CfImportBatch   *batch,
                                              CfImport        *import,
                                              GError         **error);
/**
 * cf_import_batch_store:
 * @deadline: a g_get_monotonic_time() after which to stop; at least one document
 *   is stored each call
 *
 * Stores queued documents until none is left or @deadline has passed. On failure
 * the whole batch is rolled back (the case is as before cf_case_begin_import()).
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean       cf_import_batch_store         (CfImportBatch   *batch,
                                              gint64           deadline,
                                              GError         **error);
/**
 * cf_import_batch_get_progress:
 * @stored: (out) (optional): documents stored so far
 * @queued: (out) (optional): documents added so far, stored or not
 *
 * Returns: %TRUE while documents wait to be stored
 */
gboolean       cf_import_batch_get_progress  (CfImportBatch   *batch,
                                              guint           *stored,
                                              guint           *queued);
/**
 * cf_import_batch_get_results:
 *
 * Returns: (transfer none) (element-type GArray): per import accepted by
 *   cf_import_batch_add(), the ids of its documents stored so far; emptied by a cancel or a
 *   failure
 */
GPtrArray     *cf_import_batch_get_results   (CfImportBatch   *batch);
/**
 * cf_import_batch_commit:
 *
 * Stores what is still queued and commits the whole batch as one undo step
 * (“Import “name”” for one file, “Import N files” for more), then tells the live
 * objects and lists. On failure nothing is added.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean       cf_import_batch_commit        (CfImportBatch   *batch,
                                              GError         **error);
/**
 * cf_import_batch_cancel:
 *
 * Rolls the batch back: the case is exactly as before cf_case_begin_import().
 * Does nothing after a commit or a failure.
 */
void           cf_import_batch_cancel        (CfImportBatch   *batch);
/**
 * cf_import_batch_free:
 * @batch: (transfer full) (nullable): a batch; cancelled if still open
 */
void           cf_import_batch_free          (CfImportBatch   *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfImportBatch, cf_import_batch_free)

/**
 * cf_case_import_text:
 * @title: (nullable): replaces the extracted title unless %NULL or ""
 * @text: the pasted text
 *
 * Adds pasted text as a document.
 *
 * Returns: the new document's id, or 0 with @error set
 */
gint64        cf_case_import_text            (CfCase          *self,
                                              const char      *title,
                                              const char      *text,
                                              GError         **error);
/**
 * cf_case_set_document_field:
 * @value: (nullable): the new value; %NULL or "" clears it (a title becomes "")
 */
gboolean      cf_case_set_document_field     (CfCase          *self,
                                              gint64           document_id,
                                              CfDocumentField  field,
                                              const char      *value,
                                              GError         **error);
/**
 * cf_document_field_from_name:
 * @name: (nullable): "title", "byline", "publisher", "url", "published" or "language"
 * @out: (out): the field
 *
 * Returns: whether @name names a field
 */
gboolean      cf_document_field_from_name    (const char      *name,
                                              CfDocumentField *out);
/* Deletes the document with its claims and their notes and links. */
gboolean      cf_case_delete_document        (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
/**
 * cf_case_get_document:
 * Returns: (transfer full) (nullable): the live document (a new reference; the case
 *   keeps one object per row and updates it in place), or %NULL with @error set
 */
CfDocument   *cf_case_get_document           (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
/**
 * cf_case_get_document_text:
 * Returns: (transfer full) (nullable): a copy of the document's text, or %NULL with
 *   @error set
 */
char         *cf_case_get_document_text      (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
/**
 * cf_case_get_document_pages:
 *
 * The pages of a paged document (a PDF), in order: page N covers the characters
 * [start, end) of its text.
 *
 * Returns: (transfer full) (element-type CfExtractedPage) (nullable): the pages, none
 *   for a document without pages, or %NULL with @error set
 */
GArray       *cf_case_get_document_pages     (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
/**
 * cf_case_get_page_for_offset:
 *
 * Returns: the page (from 1) holding character @offset of the document's text, 0 for
 *   a document without pages, or -1 with @error set
 */
int           cf_case_get_page_for_offset    (CfCase          *self,
                                              gint64           document_id,
                                              gint64           offset,
                                              GError         **error);
/**
 * cf_case_get_document_original:
 * Returns: (transfer full) (nullable): the original bytes as imported, or %NULL with
 *   @error set
 */
GBytes       *cf_case_get_document_original  (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);

/* --- actors ---------------------------------------------------------------------- */

/**
 * cf_case_ensure_actor:
 * @name: the actor's name
 *
 * Returns the id of the actor called @name (ignoring case), adding it if new.
 *
 * Returns: the actor's id, or 0 with @error set
 */
gint64        cf_case_ensure_actor           (CfCase          *self,
                                              const char      *name,
                                              GError         **error);

/* --- claims ---------------------------------------------------------------------- */

/**
 * cf_case_add_claim:
 * @start: first character of the span in the document's text
 * @end: one past the last character
 * @expected_quote: (nullable): if not %NULL, it must equal the text of the span
 *
 * Adds a claim on the characters [start, end) of the document's text. Overlapping
 * claims are fine; an empty span, a span outside the text or a quote that does not
 * match is refused with %CF_CASE_ERROR_INVALID.
 *
 * Returns: the new claim's id, or 0 with @error set
 */
gint64        cf_case_add_claim              (CfCase          *self,
                                              gint64           document_id,
                                              gint             start,
                                              gint             end,
                                              const char      *expected_quote,
                                              GError         **error);
/**
 * cf_case_find_quote:
 * @quote: the text to look for
 * @occurrence: which appearance, from 0
 *
 * Returns: the character offset of @quote in the document text, or -1 with @error set
 */
gint          cf_case_find_quote             (CfCase          *self,
                                              gint64           document_id,
                                              const char      *quote,
                                              guint            occurrence,
                                              GError         **error);
gboolean      cf_case_delete_claim           (CfCase          *self,
                                              gint64           claim_id,
                                              GError         **error);
/**
 * cf_case_get_claim:
 * Returns: (transfer full) (nullable): the live claim (a new reference; the case
 *   keeps one object per row and updates it in place), or %NULL with @error set
 */
CfClaim      *cf_case_get_claim              (CfCase          *self,
                                              gint64           claim_id,
                                              GError         **error);
/**
 * cf_case_set_claim_paraphrase:
 * @paraphrase: (nullable): the paraphrase; %NULL is stored as ""
 */
gboolean      cf_case_set_claim_paraphrase   (CfCase          *self,
                                              gint64           claim_id,
                                              const char      *paraphrase,
                                              GError         **error);
/**
 * cf_case_set_claim_span:
 * @start: the new first character of the span in the claim's document
 * @end: one past the new last character
 *
 * Moves a claim's ends (to extend or shrink it) and takes its quote and context
 * from the text there again; everything else about the claim stays. As with
 * cf_case_add_claim() the span loses spaces and stray punctuation at its ends, and
 * a span another claim of the document has is refused with
 * %CF_CASE_ERROR_DUPLICATE. An empty span, one outside the text or one of only
 * spaces and punctuation is refused with %CF_CASE_ERROR_INVALID.
 */
gboolean      cf_case_set_claim_span         (CfCase          *self,
                                              gint64           claim_id,
                                              gint             start,
                                              gint             end,
                                              GError         **error);
/**
 * cf_case_set_claim_event_date:
 * @event_date: (nullable): ISO 8601; %NULL or "" clears it
 */
gboolean      cf_case_set_claim_event_date   (CfCase          *self,
                                              gint64           claim_id,
                                              const char      *event_date,
                                              GError         **error);
/**
 * cf_case_set_claim_actor:
 * @actor_id: the actor, or 0 to remove the actor
 */
gboolean      cf_case_set_claim_actor        (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           actor_id,
                                              GError         **error);
/**
 * cf_case_set_claim_actor_name:
 * @name: (nullable): the actor's name; %NULL or "" removes the actor
 *
 * Finds or adds the actor by name.
 */
gboolean      cf_case_set_claim_actor_name   (CfCase          *self,
                                              gint64           claim_id,
                                              const char      *name,
                                              GError         **error);
gboolean      cf_case_set_claim_reliability  (CfCase          *self,
                                              gint64           claim_id,
                                              CfReliability    value,
                                              GError         **error);
gboolean      cf_case_set_claim_credibility  (CfCase          *self,
                                              gint64           claim_id,
                                              CfCredibility    value,
                                              GError         **error);
gboolean      cf_case_set_claim_likelihood   (CfCase          *self,
                                              gint64           claim_id,
                                              CfLikelihood     value,
                                              GError         **error);
gboolean      cf_case_set_claim_confidence   (CfCase          *self,
                                              gint64           claim_id,
                                              CfConfidence     value,
                                              GError         **error);
gboolean      cf_case_add_claim_tag          (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           tag_id,
                                              GError         **error);
gboolean      cf_case_remove_claim_tag       (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           tag_id,
                                              GError         **error);
/**
 * cf_case_set_claim_relation:
 * @relation: the relation; %CF_RELATION_NONE removes it
 */
gboolean      cf_case_set_claim_relation     (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           hypothesis_id,
                                              CfRelation       relation,
                                              GError         **error);
CfRelation    cf_case_get_claim_relation     (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           hypothesis_id);

/* --- tags -------------------------------------------------------------------------- */

/**
 * cf_case_add_tag:
 * @name: the tag's name; unique among its siblings, no "/"
 * @parent_id: the parent tag, or 0 for a top-level tag
 * @color: (nullable): "#rrggbb", or %NULL for the default colour
 *
 * Returns: the new tag's id, or 0 with @error set
 */
gint64        cf_case_add_tag                (CfCase          *self,
                                              const char      *name,
                                              gint64           parent_id,
                                              const char      *color,
                                              GError         **error);
gboolean      cf_case_rename_tag             (CfCase          *self,
                                              gint64           tag_id,
                                              const char      *name,
                                              GError         **error);
/**
 * cf_case_set_tag_color:
 * @color: "#rrggbb"
 */
gboolean      cf_case_set_tag_color          (CfCase          *self,
                                              gint64           tag_id,
                                              const char      *color,
                                              GError         **error);
/**
 * cf_case_set_tag_parent:
 * @parent_id: the new parent, or 0 for top level
 *
 * Refuses to make a tag its own ancestor.
 */
gboolean      cf_case_set_tag_parent         (CfCase          *self,
                                              gint64           tag_id,
                                              gint64           parent_id,
                                              GError         **error);
/**
 * cf_case_delete_tag:
 *
 * Children move up to the deleted tag's parent; claims lose the tag.
 */
gboolean      cf_case_delete_tag             (CfCase          *self,
                                              gint64           tag_id,
                                              GError         **error);
/**
 * cf_case_find_tag:
 * @path: "Parent/Child" or a plain name (first match)
 *
 * Returns: the tag's id, or 0 when there is none
 */
gint64        cf_case_find_tag               (CfCase          *self,
                                              const char      *path);
/**
 * cf_case_ensure_tag_path:
 * @path: "Attribution/Ukraine": names joined by "/", the first at the top level
 *
 * Finds the tag at @path, creating each missing tag on the way (with the next
 * colour of the palette), all in one change that one undo takes back. What the
 * tag popover's "Create Tag" and `casefile-cli tag add` both call. An empty name
 * in the path ("A//B", "/A") is refused with %CF_CASE_ERROR_INVALID.
 *
 * Returns: the id of the last tag of the path, or 0 with @error set
 */
gint64        cf_case_ensure_tag_path        (CfCase          *self,
                                              const char      *path,
                                              GError         **error);
/**
 * cf_case_get_tag:
 * Returns: (transfer full) (nullable): the live tag (a new reference; the case
 *   keeps one object per row and updates it in place), or %NULL with @error set
 */
CfTag        *cf_case_get_tag                (CfCase          *self,
                                              gint64           tag_id,
                                              GError         **error);

/* --- notes --------------------------------------------------------------------------- */

/**
 * cf_case_add_note:
 * @target_id: the document or claim; ignored for %CF_NOTE_TARGET_CASE
 * @body: the note's text
 *
 * Returns: the new note's id, or 0 with @error set
 */
gint64        cf_case_add_note               (CfCase          *self,
                                              CfNoteTarget     target,
                                              gint64           target_id,
                                              const char      *body,
                                              GError         **error);
gboolean      cf_case_set_note_body          (CfCase          *self,
                                              gint64           note_id,
                                              const char      *body,
                                              GError         **error);
gboolean      cf_case_delete_note            (CfCase          *self,
                                              gint64           note_id,
                                              GError         **error);
/**
 * cf_case_get_note:
 * Returns: (transfer full) (nullable): the live note (a new reference; the case
 *   keeps one object per row and updates it in place), or %NULL with @error set
 */
CfNote       *cf_case_get_note               (CfCase          *self,
                                              gint64           note_id,
                                              GError         **error);

/* --- hypotheses -------------------------------------------------------------------------- */

/**
 * cf_case_add_hypothesis:
 * @title: the hypothesis
 * @description: (nullable): longer text; %NULL for ""
 *
 * Returns: the new hypothesis's id, or 0 with @error set
 */
gint64        cf_case_add_hypothesis         (CfCase          *self,
                                              const char      *title,
                                              const char      *description,
                                              GError         **error);
gboolean      cf_case_set_hypothesis_title   (CfCase          *self,
                                              gint64           hypothesis_id,
                                              const char      *title,
                                              GError         **error);
/**
 * cf_case_set_hypothesis_description:
 * @description: (nullable): the new text; %NULL is stored as ""
 */
gboolean      cf_case_set_hypothesis_description (CfCase      *self,
                                                  gint64       hypothesis_id,
                                                  const char  *description,
                                                  GError     **error);
gboolean      cf_case_set_hypothesis_likelihood (CfCase       *self,
                                                 gint64        hypothesis_id,
                                                 CfLikelihood  value,
                                                 GError      **error);
gboolean      cf_case_set_hypothesis_confidence (CfCase       *self,
                                                 gint64        hypothesis_id,
                                                 CfConfidence  value,
                                                 GError      **error);
gboolean      cf_case_delete_hypothesis      (CfCase          *self,
                                              gint64           hypothesis_id,
                                              GError         **error);
/**
 * cf_case_get_hypothesis:
 * Returns: (transfer full) (nullable): the live hypothesis (a new reference; the case
 *   keeps one object per row and updates it in place), or %NULL with @error set
 */
CfHypothesis *cf_case_get_hypothesis         (CfCase          *self,
                                              gint64           hypothesis_id,
                                              GError         **error);

/* --- lists ---------------------------------------------------------------------------------- */

/**
 * cf_case_list_documents:
 *
 * Live GListModels: they follow every edit of the case (including undo) with
 * items-changed. Rows are read from SQLite a block at a time as they are asked for,
 * so a list of 100,000 claims holds only ids plus the blocks in use.
 *
 * Returns: (transfer full): a new #CfRecordList of #CfDocument
 */
GListModel   *cf_case_list_documents         (CfCase          *self);
/**
 * cf_case_list_actors:
 * Returns: (transfer full): a new #CfRecordList of #CfActor
 */
GListModel   *cf_case_list_actors            (CfCase          *self);
/**
 * cf_case_list_tags:
 * Returns: (transfer full): a new #CfRecordList of #CfTag, depth-first, siblings by
 *   name; #CfTag:depth gives the indentation
 */
GListModel   *cf_case_list_tags              (CfCase          *self);
/**
 * cf_case_list_hypotheses:
 * Returns: (transfer full): a new #CfRecordList of #CfHypothesis
 */
GListModel   *cf_case_list_hypotheses        (CfCase          *self);
/**
 * cf_case_list_notes:
 * @target_id: the document or claim; ignored for %CF_NOTE_TARGET_CASE; 0 with
 *   %CF_NOTE_TARGET_CLAIM for the notes on every claim
 *
 * Returns: (transfer full): a new #CfRecordList of the #CfNote on one target, oldest
 *   first (on every claim: by the claims' place in their sources, then oldest first)
 */
GListModel   *cf_case_list_notes             (CfCase          *self,
                                              CfNoteTarget     target,
                                              gint64           target_id);
/**
 * cf_case_list_claims:
 * Returns: (transfer full): a new #CfRecordList of every #CfClaim; narrow it with
 *   cf_claim_list_*() in cf-record-list.h
 */
GListModel   *cf_case_list_claims            (CfCase          *self);

/* --- search ------------------------------------------------------------------------------------ */

/**
 * cf_case_search:
 * @query: what a user types: words (all must match), "quoted phrases", prefix*
 * @limit: the most hits to return
 *
 * Full-text search over document text and titles, claims (quote, paraphrase),
 * notes, hypotheses (title, description) and tags (path). A document gives one hit
 * per occurrence in its text, in reading order, each with its own snippet and
 * span; documents, claims and notes are merged by bm25 rank, hypotheses and tags
 * (matched by substring, ignoring case) come first. Only the documents a page of
 * results shows have their text read. Of a kind with more than 1,000 matches, the
 * newest 1,000 are ranked (their hits are marked partial): ranking every match of
 * a very common word costs seconds; cf_case_count_search() counts them all.
 *
 * Returns: (transfer full) (element-type CfSearchHit) (nullable): the hits, best
 *   first (the array frees them), or %NULL with @error set
 */
GPtrArray    *cf_case_search                 (CfCase          *self,
                                              const char      *query,
                                              guint            limit,
                                              GError         **error);
/**
 * cf_case_count_search:
 * @query: as for cf_case_search()
 * @n_matches: (out): the documents, claims, notes, hypotheses and tags that match
 *
 * Counts every match of @query (which cf_case_search() may not all rank), reading
 * the index only.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean      cf_case_count_search           (CfCase          *self,
                                              const char      *query,
                                              guint64         *n_matches,
                                              GError         **error);
/**
 * cf_case_find_in_document:
 * @query: as for cf_case_search()
 *
 * Every occurrence of @query in the text of one document, for "find next": what
 * cf_case_search() gives as that document's hits, without ranking.
 *
 * Returns: (transfer full) (element-type CfSearchRange): the character spans in
 *   reading order (empty when the document does not match), or %NULL with @error set
 */
GArray       *cf_case_find_in_document       (CfCase          *self,
                                              gint64           document_id,
                                              const char      *query,
                                              GError         **error);
/**
 * cf_search_hit_free:
 * @hit: (transfer full) (nullable): a hit
 */
void          cf_search_hit_free             (CfSearchHit     *hit);

/* --- undo, grouping, provenance ---------------------------------------------------------------- */

/**
 * cf_case_begin_action:
 * @label: (nullable): what undo would revert, e.g. "Rate a claim"; %NULL for "Edit"
 *
 * Every edit is committed when made. Edits between begin and end form one undoable
 * action (and one transaction); they nest.
 */
void          cf_case_begin_action           (CfCase          *self,
                                              const char      *label);
/* Commits the action; on failure it was rolled back and @error says why. */
gboolean      cf_case_end_action             (CfCase          *self,
                                              GError         **error);
/* Rolls back everything since the outermost begin. */
void          cf_case_cancel_action          (CfCase          *self);
gboolean      cf_case_can_undo               (CfCase          *self);
gboolean      cf_case_can_redo               (CfCase          *self);
/**
 * cf_case_get_undo_label:
 * Returns: (transfer none) (nullable): the label of the action undo would revert, or
 *   %NULL; valid until the next edit, undo or redo
 */
const char   *cf_case_get_undo_label         (CfCase          *self);
/**
 * cf_case_get_redo_label:
 * Returns: (transfer none) (nullable): the label of the action redo would repeat, or
 *   %NULL; valid until the next edit, undo or redo
 */
const char   *cf_case_get_redo_label         (CfCase          *self);
gboolean      cf_case_undo                   (CfCase          *self,
                                              GError         **error);
gboolean      cf_case_redo                   (CfCase          *self,
                                              GError         **error);
/* Whether edits are recorded for undo (on by default; bulk loaders turn it off). */
void          cf_case_set_undo_enabled       (CfCase          *self,
                                              gboolean         enabled);
/**
 * cf_case_get_changes:
 * @limit: the most entries to return; 0 for all
 *
 * Returns: (transfer full) (element-type CfChangeEntry) (nullable): the change log,
 *   newest first (the array frees the entries), or %NULL with @error set
 */
GPtrArray    *cf_case_get_changes            (CfCase          *self,
                                              guint            limit,
                                              GError         **error);
/**
 * cf_change_entry_free:
 * @entry: (transfer full) (nullable): an entry
 */
void          cf_change_entry_free           (CfChangeEntry   *entry);

/* --- export --------------------------------------------------------------------------------- */

/**
 * cf_case_export_json:
 *
 * The whole case as one JSON object (case, documents with text but without the
 * original bytes, actors, claims, tags, notes, hypotheses, relations, changes).
 *
 * Returns: (transfer full) (nullable): a new JSON object node, or %NULL with @error set
 */
JsonNode     *cf_case_export_json            (CfCase          *self,
                                              GError         **error);

/**
 * cf_json_to_text:
 * @node: a JSON node, such as cf_case_export_json() returns
 * @pretty: indent by two spaces, one member per line
 * @length: (out) (optional): the text's length in bytes
 *
 * Serializes @node as valid UTF-8 JSON. A file written past the store can hold
 * text that is not UTF-8 (`casefile-cli check` names it); such bytes, only ever
 * inside strings, become U+FFFD instead of making the JSON invalid.
 *
 * Returns: (transfer full): the JSON text
 */
char         *cf_json_to_text                (JsonNode        *node,
                                              gboolean         pretty,
                                              gsize           *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSearchHit, cf_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfChangeEntry, cf_change_entry_free)

G_END_DECLS

/* analysis of competing hypotheses: evidence, weights, deception, indicators, matrix */
#include "cf-case-ach.h"
