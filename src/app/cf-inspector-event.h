/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-section.h"

G_BEGIN_DECLS

/* When the claimed event happened: a date or time with its precision, or a range,
 * perhaps approximate, in a time zone; and a date found in the claim's sentence,
 * offered for the analyst to accept. */
#define CF_TYPE_INSPECTOR_EVENT (cf_inspector_event_get_type ())
G_DECLARE_FINAL_TYPE (CfInspectorEvent, cf_inspector_event, CF, INSPECTOR_EVENT, CfInspectorSection)

/* For tests: the widgets a user would use. */
GtkEditable *cf_inspector_event_get_start_entry (CfInspectorEvent *self);
GtkEditable *cf_inspector_event_get_end_entry   (CfInspectorEvent *self);
GtkEditable *cf_inspector_event_get_zone_entry  (CfInspectorEvent *self);
GtkDropDown *cf_inspector_event_get_precision   (CfInspectorEvent *self);
GtkCheckButton *cf_inspector_event_get_range    (CfInspectorEvent *self);
GtkCheckButton *cf_inspector_event_get_approximate (CfInspectorEvent *self);
/* Returns: (transfer none) (nullable): the offer's text while one is shown */
const char  *cf_inspector_event_get_offer_text  (CfInspectorEvent *self);
/* Presses "Use" on the offer. */
void         cf_inspector_event_accept_offer    (CfInspectorEvent *self);

G_END_DECLS
