/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-brief.h"
#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_PRINT_OPERATION (cf_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (CfPrintOperation, cf_print_operation, CF, PRINT_OPERATION, GtkPrintOperation)

/* Prints the summary brief of @kase with the core's brief renderer, so printed
 * pages, the preview and "Print to File" match `casefile-cli brief`. The options
 * (grouping, notes, lowest confidence) start from the brief settings and can be
 * changed on the dialog's "Brief" tab; print settings and page setup are
 * remembered for the session. */
/* Returns: (transfer full) */
CfPrintOperation *cf_print_operation_new            (CfCase               *kase);
/* Overrides the options read from the settings (tests, exports). */
void              cf_print_operation_set_options    (CfPrintOperation     *self,
                                                     const CfBriefOptions *options);
/* Shows the print dialog for @kase over @parent; errors are shown in a dialog. */
void              cf_print_operation_run_for_window (GtkWindow            *parent,
                                                     CfCase               *kase);

G_END_DECLS
