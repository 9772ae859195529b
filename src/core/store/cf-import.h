/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cf-extract.h"
#include "cf-formats.h"

G_BEGIN_DECLS

/* What reading one file gives: its bytes and the documents extracted from them.
 * Touches no case, so it may run in a worker thread; the case then stores it with
 * cf_case_add_import() on the thread that owns the case. */
typedef struct
{
  char      *filename;   /* base name */
  GBytes    *original;
  GPtrArray *documents;  /* of CfExtractedDocument */
  char      *sha256;     /* of @original, once cf_import_check() passed */
} CfImport;

/**
 * cf_import_read_file:
 * @cancellable: (nullable): a #GCancellable
 *
 * Returns: (transfer full) (nullable): the file's bytes and documents, or %NULL with
 *   @error set
 */
CfImport *cf_import_read_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);
/**
 * cf_import_read_file_in_session:
 * @session: (nullable): the reader helper of the batch this file is part of
 *   (one for all the files of an import); %NULL for a helper of its own
 *
 * cf_import_read_file() with @session's reader helper (cf-formats.h).
 */
CfImport *cf_import_read_file_in_session (GFile         *file,
                                          CfReadSession *session,
                                          GCancellable  *cancellable,
                                          GError       **error);
/**
 * cf_import_from_bytes:
 * @bytes: (transfer none): the bytes; the import keeps a reference
 * @filename: (nullable): a name that hints at the format, or %NULL
 *
 * For pasted or dropped text.
 *
 * Returns: (transfer full) (nullable): the documents, or %NULL with @error set
 */
CfImport *cf_import_from_bytes (GBytes      *bytes,
                                const char  *filename,
                                GError     **error);
/**
 * cf_import_check:
 *
 * What the case would refuse in @import (text that is not UTF-8, pages outside the
 * text), checked without a case, and its original hashed: a worker thread can do
 * both before cf_import_batch_add() or cf_case_add_import(), which then skip them.
 *
 * Returns: %FALSE with @error set if the case would refuse the import
 */
gboolean  cf_import_check     (CfImport     *import,
                               GError      **error);
/**
 * cf_import_free:
 * @import: (transfer full) (nullable): an import
 */
void      cf_import_free      (CfImport     *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfImport, cf_import_free)

G_END_DECLS
