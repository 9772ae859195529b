/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_SOURCE_PROPERTIES (cf_source_properties_get_type ())
G_DECLARE_FINAL_TYPE (CfSourceProperties, cf_source_properties, CF, SOURCE_PROPERTIES, AdwWindow)

/* A dialog over @parent editing a source's title, byline, publisher, address,
 * publication date and language; Apply makes one undoable change. NULL with
 * @error set when there is no such source. Returns: (transfer none) the dialog,
 * not yet shown */
CfSourceProperties *cf_source_properties_new       (GtkWindow          *parent,
                                                    CfCase             *kase,
                                                    gint64              document_id,
                                                    GError            **error);
/* The entry of @field. */
GtkEditable        *cf_source_properties_get_field (CfSourceProperties *self,
                                                    CfDocumentField     field);
/* What Apply does: stores the edited fields in one action and closes the dialog;
 * FALSE with @error set (and the dialog open) otherwise. */
gboolean            cf_source_properties_apply     (CfSourceProperties *self,
                                                    GError            **error);

G_END_DECLS
