/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-section.h"

G_BEGIN_DECLS

/* The claim's paraphrase, saved after a pause in typing or when the focus leaves. */
#define CF_TYPE_INSPECTOR_PARAPHRASE (cf_inspector_paraphrase_get_type ())
G_DECLARE_FINAL_TYPE (CfInspectorParaphrase, cf_inspector_paraphrase, CF, INSPECTOR_PARAPHRASE, CfInspectorSection)

G_END_DECLS
