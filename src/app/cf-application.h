/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_APPLICATION (cf_application_get_type ())
G_DECLARE_FINAL_TYPE (CfApplication, cf_application, CF, APPLICATION, AdwApplication)

CfApplication *cf_application_new               (void);
/* Where "Open Example Case" finds the example: $CASEFILE_EXAMPLE, the installed
 * copy, or the build tree's. Returns: (transfer full) (nullable): the path */
char          *cf_application_find_example      (void);
/* Opens the case file: presents the window that already shows it, or shows it in
 * an empty window, or in a new one. Returns: (transfer none) (nullable): the
 * window, or NULL on failure (an error dialog is shown) */
GtkWindow     *cf_application_open_case_file    (CfApplication *self,
                                                 GFile         *file);

G_END_DECLS
