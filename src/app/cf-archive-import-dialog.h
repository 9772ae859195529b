/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-import.h"

G_BEGIN_DECLS

/* More documents than this from one web archive and the analyst chooses which. */
#define CF_ARCHIVE_IMPORT_ASK_ABOVE 5

/* @import: (transfer none), the chosen documents only, or NULL when cancelled. */
typedef void (*CfArchiveImportChosen) (CfImport *import,
                                       gpointer  user_data);

/* Whether @import is a web archive with more pages than the analyst would want
 * imported unasked. */
gboolean cf_archive_import_should_ask   (const CfImport        *import);

/* Lists @import's pages (title and address) with check boxes, all checked, and
 * calls @chosen with the checked ones when the analyst says Import (or NULL on
 * Cancel). @import: (transfer full). */
void     cf_archive_import_dialog_run   (GtkWindow             *parent,
                                         CfImport              *import,
                                         CfArchiveImportChosen  chosen,
                                         gpointer               user_data,
                                         GDestroyNotify         destroy);

/* A copy of @import with the documents whose @keep is TRUE (@keep has one entry per
 * document); an attachment goes with its message. Returns: (transfer full). */
CfImport *cf_archive_import_keep        (const CfImport        *import,
                                         const gboolean        *keep);

G_END_DECLS
