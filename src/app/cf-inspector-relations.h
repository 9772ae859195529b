/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-section.h"

G_BEGIN_DECLS

/* How the claim bears on each hypothesis of the case, one drop-down per hypothesis. */
#define CF_TYPE_INSPECTOR_RELATIONS (cf_inspector_relations_get_type ())
G_DECLARE_FINAL_TYPE (CfInspectorRelations, cf_inspector_relations, CF, INSPECTOR_RELATIONS, CfInspectorSection)

G_END_DECLS
