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
  const char *text;        /* the extracted UTF-8 text claims point into; required */
  GBytes     *original;    /* the original bytes; NULL: the UTF-8 text itself */
} CfDocumentFields;

typedef struct
{
  CfRecordKind  kind;         /* DOCUMENT, CLAIM or NOTE */
  gint64        id;           /* of the document, claim or note */
  gint64        document_id;  /* the document the hit is in (0 for a case note) */
  gint64        claim_id;     /* the claim, for a claim hit or a note on a claim */
  gint          start;        /* character offset of the first match in the document
                                 text (document hits), the claim span start (claim
                                 hits), or -1 */
  gint          end;
  char         *title;        /* document title, for context */
  char         *snippet;      /* plain text; the matched words are between
                                 CF_SEARCH_MATCH_START and CF_SEARCH_MATCH_END */
  double        rank;         /* lower is better */
} CfSearchHit;

#define CF_SEARCH_MATCH_START "\xc2\xab"  /* « */
#define CF_SEARCH_MATCH_END   "\xc2\xbb"  /* » */

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

/* Creates a new case file at @path (which must not exist). */
CfCase       *cf_case_create                 (const char      *path,
                                              const char      *title,
                                              GError         **error);
/* Opens a case file. Checks the header, the integrity, the application id, the
 * version and the schema before use; refuses anything else without writing to it.
 * A file the user cannot write to opens read-only (see cf_case_get_read_only()). */
CfCase       *cf_case_open                   (const char      *path,
                                              CfCaseOpenFlags  flags,
                                              GError         **error);
/* Copies the case to @path with the SQLite backup API (through a temporary file in
 * the same folder, then a rename) and goes on with the copy. */
gboolean      cf_case_save_as                (CfCase          *self,
                                              const char      *path,
                                              GError         **error);
/* Closes the database; every later call fails. Finalizing closes too. */
void          cf_case_close                  (CfCase          *self);
const char   *cf_case_get_path               (CfCase          *self);
gboolean      cf_case_get_read_only          (CfCase          *self);

/* Integrity: SQLite's integrity_check plus Casefile's own (claims inside their
 * documents, quotes matching, hashes matching, references resolving). Returns the
 * problems found, one sentence each (empty when the case is sound), or NULL on error. */
GPtrArray    *cf_case_check                  (CfCase          *self,
                                              GError         **error);

/* --- the case itself -------------------------------------------------------- */

const char   *cf_case_get_info               (CfCase          *self,
                                              CfCaseField      field);
gboolean      cf_case_set_info               (CfCase          *self,
                                              CfCaseField      field,
                                              const char      *value,
                                              GError         **error);
gboolean      cf_case_field_from_name        (const char      *name,
                                              CfCaseField     *out);
/* "title", "summary", "incident_date", "marking", "analyst" */
const char   *cf_case_field_to_name          (CfCaseField      field);

/* --- documents ---------------------------------------------------------------- */

gint64        cf_case_add_document           (CfCase                 *self,
                                              const CfDocumentFields *fields,
                                              GError                **error);
/* Reads @file (size-capped), extracts it (cf_extract_bytes) and adds one document
 * per extracted item. Returns the new ids (gint64), or NULL with @error set and
 * nothing added. Safe to call from a worker thread only if nothing else uses the
 * case meanwhile; see cf_case_import_files_async(). */
GArray       *cf_case_import_file            (CfCase          *self,
                                              GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);
/* Stores what cf_import_read_file() read: one document per extracted item, in one
 * action. Returns the new ids. */
GArray       *cf_case_add_import             (CfCase          *self,
                                              CfImport        *import,
                                              GError         **error);
/* Adds pasted text as a document. */
gint64        cf_case_import_text            (CfCase          *self,
                                              const char      *title,
                                              const char      *text,
                                              GError         **error);
gboolean      cf_case_set_document_field     (CfCase          *self,
                                              gint64           document_id,
                                              CfDocumentField  field,
                                              const char      *value,
                                              GError         **error);
gboolean      cf_case_document_field_from_name (const char      *name,
                                                CfDocumentField *out);
/* Deletes the document with its claims and their notes and links. */
gboolean      cf_case_delete_document        (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
CfDocument   *cf_case_get_document           (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
char         *cf_case_get_document_text      (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);
GBytes       *cf_case_get_document_original  (CfCase          *self,
                                              gint64           document_id,
                                              GError         **error);

/* --- actors ---------------------------------------------------------------------- */

/* Returns the id of the actor called @name (ignoring case), adding it if new. */
gint64        cf_case_ensure_actor           (CfCase          *self,
                                              const char      *name,
                                              GError         **error);
gboolean      cf_case_rename_actor           (CfCase          *self,
                                              gint64           actor_id,
                                              const char      *name,
                                              GError         **error);
gboolean      cf_case_set_actor_description  (CfCase          *self,
                                              gint64           actor_id,
                                              const char      *description,
                                              GError         **error);
/* Claims of the actor lose their actor. */
gboolean      cf_case_delete_actor           (CfCase          *self,
                                              gint64           actor_id,
                                              GError         **error);
CfActor      *cf_case_get_actor              (CfCase          *self,
                                              gint64           actor_id,
                                              GError         **error);

/* --- claims ---------------------------------------------------------------------- */

/* Adds a claim on the characters [start, end) of the document's text. If
 * @expected_quote is not NULL it must equal that text. Overlapping claims are fine;
 * an empty span, a span outside the text or a quote that does not match is refused
 * with CF_CASE_ERROR_INVALID. */
gint64        cf_case_add_claim              (CfCase          *self,
                                              gint64           document_id,
                                              gint             start,
                                              gint             end,
                                              const char      *expected_quote,
                                              GError         **error);
/* Character offset of the @occurrence-th (from 0) appearance of @quote in the
 * document text, or -1 with @error set. */
gint          cf_case_find_quote             (CfCase          *self,
                                              gint64           document_id,
                                              const char      *quote,
                                              guint            occurrence,
                                              GError         **error);
gboolean      cf_case_delete_claim           (CfCase          *self,
                                              gint64           claim_id,
                                              GError         **error);
CfClaim      *cf_case_get_claim              (CfCase          *self,
                                              gint64           claim_id,
                                              GError         **error);
gboolean      cf_case_set_claim_paraphrase   (CfCase          *self,
                                              gint64           claim_id,
                                              const char      *paraphrase,
                                              GError         **error);
gboolean      cf_case_set_claim_event_date   (CfCase          *self,
                                              gint64           claim_id,
                                              const char      *event_date,
                                              GError         **error);
/* @actor_id 0 removes the actor. */
gboolean      cf_case_set_claim_actor        (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           actor_id,
                                              GError         **error);
/* Finds or adds the actor by name; NULL or "" removes the actor. */
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
/* CF_RELATION_NONE removes the relation. */
gboolean      cf_case_set_claim_relation     (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           hypothesis_id,
                                              CfRelation       relation,
                                              GError         **error);
CfRelation    cf_case_get_claim_relation     (CfCase          *self,
                                              gint64           claim_id,
                                              gint64           hypothesis_id);

/* --- tags -------------------------------------------------------------------------- */

/* @parent_id 0 for a top-level tag; @color "#rrggbb" or NULL for a default colour.
 * Names are unique among siblings. */
gint64        cf_case_add_tag                (CfCase          *self,
                                              const char      *name,
                                              gint64           parent_id,
                                              const char      *color,
                                              GError         **error);
gboolean      cf_case_rename_tag             (CfCase          *self,
                                              gint64           tag_id,
                                              const char      *name,
                                              GError         **error);
gboolean      cf_case_set_tag_color          (CfCase          *self,
                                              gint64           tag_id,
                                              const char      *color,
                                              GError         **error);
/* Refuses to make a tag its own ancestor. */
gboolean      cf_case_set_tag_parent         (CfCase          *self,
                                              gint64           tag_id,
                                              gint64           parent_id,
                                              GError         **error);
/* Children move up to the deleted tag's parent; claims lose the tag. */
gboolean      cf_case_delete_tag             (CfCase          *self,
                                              gint64           tag_id,
                                              GError         **error);
/* By path "Parent/Child" or plain name (first match); 0 when there is none. */
gint64        cf_case_find_tag               (CfCase          *self,
                                              const char      *path);
CfTag        *cf_case_get_tag                (CfCase          *self,
                                              gint64           tag_id,
                                              GError         **error);

/* --- notes --------------------------------------------------------------------------- */

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
CfNote       *cf_case_get_note               (CfCase          *self,
                                              gint64           note_id,
                                              GError         **error);

/* --- hypotheses -------------------------------------------------------------------------- */

gint64        cf_case_add_hypothesis         (CfCase          *self,
                                              const char      *title,
                                              const char      *description,
                                              GError         **error);
gboolean      cf_case_set_hypothesis_title   (CfCase          *self,
                                              gint64           hypothesis_id,
                                              const char      *title,
                                              GError         **error);
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
CfHypothesis *cf_case_get_hypothesis         (CfCase          *self,
                                              gint64           hypothesis_id,
                                              GError         **error);

/* --- lists ---------------------------------------------------------------------------------- */

/* Live GListModels: they follow every edit of the case (including undo) with
 * items-changed. Rows are read from SQLite a block at a time as they are asked for,
 * so a list of 100,000 claims holds only ids plus the blocks in use. */
GListModel   *cf_case_list_documents         (CfCase          *self);
GListModel   *cf_case_list_actors            (CfCase          *self);
/* depth-first, siblings by name; CfTag:depth gives the indentation */
GListModel   *cf_case_list_tags              (CfCase          *self);
GListModel   *cf_case_list_hypotheses        (CfCase          *self);
/* Notes on one target (for CF_NOTE_TARGET_CASE the id is ignored), oldest first. */
GListModel   *cf_case_list_notes             (CfCase          *self,
                                              CfNoteTarget     target,
                                              gint64           target_id);
/* All claims; narrow with cf_claim_list_*() in cf-record-list.h. */
GListModel   *cf_case_list_claims            (CfCase          *self);

/* --- search ------------------------------------------------------------------------------------ */

/* Full-text search over document text and titles, claims (quote, paraphrase) and notes.
 * @query is what a user types: words (all must match), "quoted phrases", prefix*.
 * Returns CfSearchHit (free func set), best first, at most @limit. */
GPtrArray    *cf_case_search                 (CfCase          *self,
                                              const char      *query,
                                              guint            limit,
                                              GError         **error);
void          cf_search_hit_free             (CfSearchHit     *hit);

/* --- undo, grouping, provenance ---------------------------------------------------------------- */

/* Every edit is committed when made. Edits between begin and end form one undoable
 * action (and one transaction) named @label; they nest. */
void          cf_case_begin_action           (CfCase          *self,
                                              const char      *label);
/* Commits the action; on failure it was rolled back and @error says why. */
gboolean      cf_case_end_action             (CfCase          *self,
                                              GError         **error);
/* Rolls back everything since the outermost begin. */
void          cf_case_cancel_action          (CfCase          *self);
gboolean      cf_case_can_undo               (CfCase          *self);
gboolean      cf_case_can_redo               (CfCase          *self);
/* label of the action undo/redo would revert, or NULL */
const char   *cf_case_get_undo_label         (CfCase          *self);
const char   *cf_case_get_redo_label         (CfCase          *self);
gboolean      cf_case_undo                   (CfCase          *self,
                                              GError         **error);
gboolean      cf_case_redo                   (CfCase          *self,
                                              GError         **error);
/* Whether edits are recorded for undo (on by default; bulk loaders turn it off). */
void          cf_case_set_undo_enabled       (CfCase          *self,
                                              gboolean         enabled);
/* The change log, newest first, at most @limit entries (0: all). */
GPtrArray    *cf_case_get_changes            (CfCase          *self,
                                              guint            limit,
                                              GError         **error);
void          cf_change_entry_free           (CfChangeEntry   *entry);

/* --- export --------------------------------------------------------------------------------- */

/* The whole case as one JSON object (case, documents with text but without the
 * original bytes, actors, claims, tags, notes, hypotheses, relations, changes). */
JsonNode     *cf_case_export_json            (CfCase          *self,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSearchHit, cf_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfChangeEntry, cf_change_entry_free)

G_END_DECLS
