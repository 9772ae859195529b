/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cf-extract.h"

G_BEGIN_DECLS

/* Documents from @len bytes at @data, as cf_extract_bytes() gives them. */
GPtrArray           *extract_len        (const char  *data,
                                         gsize        len,
                                         const char  *filename,
                                         GError     **error);
/* Documents from the NUL-terminated @data. */
GPtrArray           *extract            (const char  *data,
                                         const char  *filename,
                                         GError     **error);
/* A file of tests/fixtures/extract, extracted as if it were called @filename. */
GPtrArray           *extract_fixture    (const char  *name,
                                         const char  *filename,
                                         GError     **error);
/* The first document; fails the test when there is none. Borrowed from @docs. */
CfExtractedDocument *first              (GPtrArray   *docs);
/* Writes @contents to @dir/@name; returns the path (transfer full). */
char                *write_temp_file    (const char  *dir,
                                         const char  *name,
                                         const char  *contents);

G_END_DECLS
