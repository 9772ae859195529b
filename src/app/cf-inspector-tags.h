/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-section.h"

G_BEGIN_DECLS

/* The claim's tags as chips, with a popover to add a tag or create one. */
#define CF_TYPE_INSPECTOR_TAGS (cf_inspector_tags_get_type ())
G_DECLARE_FINAL_TYPE (CfInspectorTags, cf_inspector_tags, CF, INSPECTOR_TAGS, CfInspectorSection)

/* Opens the popover to add a tag, when there is a claim. */
void cf_inspector_tags_popup (CfInspectorTags *self);

G_END_DECLS
