/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_SOURCES_PANE (cf_sources_pane_get_type ())
G_DECLARE_FINAL_TYPE (CfSourcesPane, cf_sources_pane, CF, SOURCES_PANE, GtkBox)

/* The case's documents. Properties: "case" and "document-id" (the chosen source,
 * selected in the list; set when the user picks one). */
void        cf_sources_pane_set_case        (CfSourcesPane *self,
                                             CfCase        *kase);
void        cf_sources_pane_set_document_id (CfSourcesPane *self,
                                             gint64         document_id);
gint64      cf_sources_pane_get_document_id (CfSourcesPane *self);
/* (transfer none) (nullable) */
GListModel *cf_sources_pane_get_model       (CfSourcesPane *self);

G_END_DECLS
