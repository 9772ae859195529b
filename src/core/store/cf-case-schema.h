/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SQL that creates schema version @version (1..CF_SCHEMA_VERSION) from nothing,
 * as one string of statements. What a file of that version must hold, exactly. */
const char *_cf_case_schema_sql       (guint version);
/* The SQL that migrates version @from to @from + 1. */
const char *_cf_case_migration_sql    (guint from);
/* The tables whose rows undo tracks. */
extern const char * const _cf_case_tracked_tables[];

G_END_DECLS
