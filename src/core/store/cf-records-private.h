/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cf-actor.h"
#include "cf-claim.h"
#include "cf-document.h"
#include "cf-hypothesis.h"
#include "cf-note.h"
#include "cf-tag.h"

G_BEGIN_DECLS

/* The case creates record objects and refreshes them from a row of the record's
 * own SELECT (kept beside its load_row: the id, then the fields in the order of
 * the class); properties that changed notify. Strings may be NULL for SQL NULL. */
CfDocument *_cf_document_new (gint64 id);
void _cf_document_load_row (CfDocument *self, sqlite3_stmt *stmt, int first_column);
extern const char _cf_document_select_sql[];

CfClaim *_cf_claim_new (gint64 id);
void _cf_claim_load_row (CfClaim *self, sqlite3_stmt *stmt, int first_column);
extern const char _cf_claim_select_sql[];

CfActor *_cf_actor_new (gint64 id);
void _cf_actor_load_row (CfActor *self, sqlite3_stmt *stmt, int first_column);
extern const char _cf_actor_select_sql[];

CfTag *_cf_tag_new (gint64 id);
void _cf_tag_load_row (CfTag *self, sqlite3_stmt *stmt, int first_column);
extern const char _cf_tag_select_sql[];

CfNote *_cf_note_new (gint64 id);
void _cf_note_load_row (CfNote *self, sqlite3_stmt *stmt, int first_column);
extern const char _cf_note_select_sql[];

CfHypothesis *_cf_hypothesis_new (gint64 id);
void _cf_hypothesis_load_row (CfHypothesis *self, sqlite3_stmt *stmt, int first_column);
extern const char _cf_hypothesis_select_sql[];

/* Set a field from a column and notify when the value changed. While loading objects
 * nobody holds yet (_cf_record_set_quiet (TRUE)), the setters do not notify: for a
 * long list, notifications nobody hears cost more than reading the rows. */
void _cf_record_set_quiet (gboolean quiet);
gboolean _cf_record_is_quiet (void);
void _cf_record_notify (GObject *object, GParamSpec *pspec);
void _cf_record_set_string (GObject *object, char **field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);
void _cf_record_set_int64 (GObject *object, gint64 *field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);
void _cf_record_set_int (GObject *object, gint *field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);
void _cf_record_set_uint (GObject *object, guint *field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);

/* Text fields kept in one block per record: fill one CfRecordText per field (its
 * field and pspec, then its new value), then _cf_record_set_texts. */
typedef struct
{
  char       **field;
  GParamSpec  *pspec;
  const char  *value;
  gsize        len;
} CfRecordText;

void _cf_record_text_set (CfRecordText *text, const char *value, gsize len);
void _cf_record_text_from_column (CfRecordText *text, sqlite3_stmt *stmt, int column);
void _cf_record_set_texts (GObject *object, char **block, CfRecordText *texts, guint n_texts);

G_END_DECLS
