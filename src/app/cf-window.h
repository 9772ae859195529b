/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())
G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

/* One window shows one case (or the welcome page when it has none). Its "case",
 * "document-id" and "selected-claim" properties are what the panes bind to. */
CfWindow *cf_window_new         (AdwApplication *application);
/* Takes the case over (the window closes it when done). NULL shows the welcome page. */
void      cf_window_set_case    (CfWindow       *self,
                                 CfCase         *kase);
CfCase   *cf_window_get_case    (CfWindow       *self);
/* Opens the case file, showing an error dialog when that fails. */
gboolean  cf_window_open_file   (CfWindow       *self,
                                 GFile          *file);
/* Imports the files in a worker thread with progress; see "import-finished". */
void      cf_window_import_files (CfWindow      *self,
                                  GFile        **files,
                                  guint          n_files);
void      cf_window_show_toast  (CfWindow       *self,
                                 const char     *text);

typedef enum
{
  CF_WINDOW_EXPORT_BRIEF_PDF,   /* as `casefile-cli brief` */
  CF_WINDOW_EXPORT_JSON,        /* as `casefile-cli export --json` */
} CfWindowExport;

/* Writes the case's brief or JSON export to @file (the JSON in a worker); a toast
 * says when it is done, a dialog why it failed. */
void      cf_window_export      (CfWindow       *self,
                                 CfWindowExport  kind,
                                 GFile          *file);
/* For tests and the benchmark. */
GtkWidget *cf_window_get_pane   (CfWindow       *self,
                                 const char     *name);

G_END_DECLS
