/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The stamp of a case file this machine's Casefile last committed to or fully checked
 * (cf-case-stamp.c says what it proves and what it does not). Private to the store;
 * tests and benchmarks use it to see or undo what open decided. */

#include "cf-case-private.h"

G_BEGIN_DECLS

/* Returns: (transfer full): where the stamp of the file at @real_path is kept. */
char     *_cf_case_stamp_path       (const char *real_path);
/* Returns: (transfer full) (nullable): the stamp the file at @real_path would have now
 * (identity, size, times, SQLite's change counter and schema cookie), or %NULL when the
 * file cannot be read as an SQLite file. */
char     *_cf_case_stamp_describe   (const char *real_path);
/* Whether a stamp is kept for @real_path and equals, byte for byte, what the file
 * would have now. Anything else (no stamp, an unreadable or odd one) is FALSE. */
gboolean  _cf_case_stamp_matches    (const char *real_path);
/* Keeps the stamp of the file as it is now; a failure only means a full check at the
 * next open. */
void      _cf_case_stamp_write      (const char *real_path);
void      _cf_case_stamp_forget     (const char *real_path);
/* After each commit of ours: renews the stamp if nobody else committed since it was
 * last taken, otherwise forgets it for the rest of the session. */
void      _cf_case_stamp_committed  (CfCase     *self);
/* Whether the last open of @self ran the full check (FALSE: the stamp matched). */
gboolean  _cf_case_get_full_check   (CfCase     *self);

G_END_DECLS
