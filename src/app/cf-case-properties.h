/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_CASE_PROPERTIES (cf_case_properties_get_type ())
G_DECLARE_FINAL_TYPE (CfCaseProperties, cf_case_properties, CF, CASE_PROPERTIES, AdwWindow)

/* A dialog over @parent editing what the brief prints about the case: its title,
 * bottom line up front, handling marking, analyst and incident date. Apply makes
 * one undoable change of every field edited. Returns: (transfer none) the dialog,
 * not yet shown */
CfCaseProperties *cf_case_properties_new        (GtkWindow        *parent,
                                                 CfCase           *kase);
/* The entry (GtkEditable) of @field, or the text view of CF_CASE_FIELD_SUMMARY. */
GtkWidget        *cf_case_properties_get_field  (CfCaseProperties *self,
                                                 CfCaseField       field);
/* The incident's time zone (an AdwEntryRow taking an IANA name, empty for none) and
 * the time precision the case needs of its claims (an AdwComboRow: 0 none, then
 * minute, hour, day, month, year). */
GtkWidget        *cf_case_properties_get_timezone_row  (CfCaseProperties *self);
GtkWidget        *cf_case_properties_get_precision_row (CfCaseProperties *self);
/* What Apply does: stores the edited fields in one action and closes the dialog;
 * FALSE with @error set (and the dialog open) when they cannot be stored or the
 * date is no date. */
gboolean          cf_case_properties_apply      (CfCaseProperties *self,
                                                 GError          **error);

G_END_DECLS
