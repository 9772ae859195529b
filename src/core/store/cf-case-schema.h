/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The newest format version this build knows how to make and upgrade to. It may be
 * ahead of CF_SCHEMA_VERSION (cf-case-private.h), the version the store writes, while
 * a new format is being built. */
#define CF_SCHEMA_NEWEST 3

/* How the current version's FTS5 tables are made (the check rebuilds one to compare):
 * prefix indexes of two and three characters, so "ist*" reads a few index pages
 * instead of every term. */
#define CF_SEARCH_INDEX_OPTIONS "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"

/* Returns: (transfer none): the SQL that creates schema version @version
 * (1..CF_SCHEMA_NEWEST) from nothing, as one string of statements; what a file of
 * that version must hold, exactly. */
const char *_cf_case_schema_sql       (guint version);

typedef enum
{
  CF_MIGRATION_PREPARE,   /* run before the new version's schema is created */
  CF_MIGRATION_FINISH,    /* run after it, and after the step's own C code */
} CfMigrationPhase;

/* Returns: (transfer none): the SQL of one phase of the step from version @from to
 * @from + 1 (see cf-case-upgrade.c). */
const char *_cf_case_migration_sql    (guint            from,
                                       CfMigrationPhase phase);
/* What open checks before using a file of @version, and the upgrade before and after
 * its steps: quick_check, the application id, user_version, and a schema exactly the
 * one _cf_case_schema_sql (@version) makes. Every entry of sqlite_schema counts but
 * the statistics tables SQLite itself creates (sqlite_stat1, sqlite_stat4) with
 * their exact definitions, so nothing named sqlite_stat... can slip past. @display
 * names the file in messages. */
gboolean    _cf_case_schema_verify    (sqlite3         *db,
                                       guint            version,
                                       const char      *display,
                                       GError         **error);
/* The cheap part of _cf_case_schema_verify(), all that open runs when the stamp
 * matches (cf-case-stamp.c): the application id and user_version are @version. The
 * stamp holds the schema cookie, so the schema compared when the stamp was taken is
 * the one in the file. */
gboolean    _cf_case_schema_verify_identity (sqlite3     *db,
                                             guint        version,
                                             const char  *display,
                                             GError     **error);
/* Returns: (transfer full) (nullable): the rows of @sql, text columns each followed by
 * \x1f and rows by \x1e, so that two results compare as strings; NULL with @error set. */
char       *_cf_case_query_rows       (sqlite3         *db,
                                       const char      *sql,
                                       GError         **error);
/* The tables whose rows undo tracks, in the version the store writes (so undoing an
 * import removes the original it stored). */
extern const char * const _cf_case_tracked_tables[];

G_END_DECLS
