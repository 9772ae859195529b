/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What cf-case-open.c asks of cf-case-journal.c: the side files SQLite would read
 * beside a case file (a rollback journal, a write-ahead log) are checked before
 * SQLite sees the file, and every write transaction begins so that its journal
 * can later be told apart from any other file's. */

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* Refuses a file in WAL mode and a -wal beside it: Casefile never writes one, so
 * it is another program's, and SQLite would apply it. @path is resolved. */
gboolean  _cf_case_check_no_wal      (const char  *path,
                                      GError     **error);

/* A journal left by a program that stopped while writing @path: verified to restore
 * this very case, then replayed on the file itself, so the last committed state is
 * back before anything reads it (@writable: the file and its folder can be
 * written). A journal of a writer still at work is left to it. */
gboolean  _cf_case_restore_journal   (const char  *path,
                                      gboolean     writable,
                                      GError     **error);

/* BEGIN IMMEDIATE, then writes the header page and the case record's page back
 * unchanged, so every journal holds both and names the case it belongs to. */
int       _cf_case_begin_write       (sqlite3     *db);

/* The name of a VFS around @base_name (NULL: the default) to which a -wal never
 * exists, so that SQLite cannot read one that appears while a case is open. */
const char *_cf_case_nowal_vfs_name  (const char  *base_name);

G_END_DECLS
