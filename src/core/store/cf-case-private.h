/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cf-case.h"

G_BEGIN_DECLS

/* The schema version this build writes. */
#define CF_SCHEMA_VERSION 1
/* PRAGMA application_id of every case file: "CsF1" */
#define CF_APPLICATION_ID 0x43734631

/* For tests: open every later case through the SQLite VFS of that name (NULL for the
 * default), e.g. a fault-injecting shim. */
void      _cf_case_set_vfs_name     (const char *vfs_name);
/* For tests and benchmarks: the connection, to run raw SQL alongside the API. */
sqlite3  *_cf_case_get_db           (CfCase     *self);

G_END_DECLS
