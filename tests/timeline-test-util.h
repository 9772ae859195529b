/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the date finder over tests/fixtures/timeline/date-sentences.tsv; @report (when not
 * NULL) gets one line per sentence. Returns FALSE with @error when the table cannot be
 * read. */
gboolean cf_test_date_table_run (const char  *path,
                                 GString     *report,
                                 guint       *right,
                                 guint       *total,
                                 GError     **error);

G_END_DECLS
