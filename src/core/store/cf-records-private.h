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

/* The case creates record objects and refreshes them from a row whose columns come
 * in the order of the fields in the class (after the id); properties that changed
 * notify. Strings may be NULL for SQL NULL. */
CfDocument *_cf_document_new (gint64 id);
void _cf_document_load_row (CfDocument *self, sqlite3_stmt *stmt, int first_column);
#define _CF_DOCUMENT_N_COLUMNS 13

CfClaim *_cf_claim_new (gint64 id);
void _cf_claim_load_row (CfClaim *self, sqlite3_stmt *stmt, int first_column);
#define _CF_CLAIM_N_COLUMNS 17

CfActor *_cf_actor_new (gint64 id);
void _cf_actor_load_row (CfActor *self, sqlite3_stmt *stmt, int first_column);
#define _CF_ACTOR_N_COLUMNS 3

CfTag *_cf_tag_new (gint64 id);
void _cf_tag_load_row (CfTag *self, sqlite3_stmt *stmt, int first_column);
#define _CF_TAG_N_COLUMNS 6

CfNote *_cf_note_new (gint64 id);
void _cf_note_load_row (CfNote *self, sqlite3_stmt *stmt, int first_column);
#define _CF_NOTE_N_COLUMNS 5

CfHypothesis *_cf_hypothesis_new (gint64 id);
void _cf_hypothesis_load_row (CfHypothesis *self, sqlite3_stmt *stmt, int first_column);
#define _CF_HYPOTHESIS_N_COLUMNS 6

void _cf_claim_set_tags (CfClaim *self, const gint64 *ids, guint n_ids, const char *names, const char *color);

/* Set a field from a column and notify when the value changed. */
void _cf_record_set_string (GObject *object, char **field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);
void _cf_record_set_int64 (GObject *object, gint64 *field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);
void _cf_record_set_int (GObject *object, gint *field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);
void _cf_record_set_uint (GObject *object, guint *field, sqlite3_stmt *stmt, int column, GParamSpec *pspec);

G_END_DECLS
