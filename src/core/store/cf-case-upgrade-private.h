/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Upgrades the case file at @path (symlinks resolved) from the format version in
 * its header to @to_version (up to CF_SCHEMA_NEWEST), keeping the old file beside it
 * as NAME.vN-backup.casefile (a new name if that exists). The file itself is only
 * replaced, by a rename, once the upgraded copy has been verified; on any failure it
 * is left byte for byte as it was and no backup is left. A file already at
 * @to_version is left alone (TRUE, *@backup_path_out NULL); a newer one is refused
 * with CF_CASE_ERROR_TOO_NEW.
 *
 * @from_version_out: (out) (optional): the version the file had
 * @backup_path_out: (out) (optional) (transfer full) (nullable): the backup's path,
 *   or NULL when nothing was upgraded */
gboolean  _cf_case_upgrade_file_to (const char  *path,
                                    guint        to_version,
                                    guint       *from_version_out,
                                    char       **backup_path_out,
                                    GError     **error);

/* The same, to CF_SCHEMA_VERSION: what opening a case and `casefile-cli upgrade`
 * call. */
gboolean  _cf_case_upgrade_file    (const char  *path,
                                    guint       *from_version_out,
                                    char       **backup_path_out,
                                    GError     **error);

G_END_DECLS
