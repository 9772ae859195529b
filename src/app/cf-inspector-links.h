/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-section.h"

G_BEGIN_DECLS

/* The claims the analyst says are accounts of the same event as this one (the
 * timeline checks that their times agree): a row per linked claim that selects it, with
 * an unlink button, and a searchable popover of the case's other claims to link. */
#define CF_TYPE_INSPECTOR_LINKS (cf_inspector_links_get_type ())
G_DECLARE_FINAL_TYPE (CfInspectorLinks, cf_inspector_links, CF, INSPECTOR_LINKS, CfInspectorSection)

/* For tests: the widgets a user would use. */
GtkListBox     *cf_inspector_links_get_list        (CfInspectorLinks *self);
GtkMenuButton  *cf_inspector_links_get_link_button (CfInspectorLinks *self);
GtkEditable    *cf_inspector_links_get_search      (CfInspectorLinks *self);
/* The popover's list of claims that can be linked (filtered by the search). */
GtkListView    *cf_inspector_links_get_candidates  (CfInspectorLinks *self);

G_END_DECLS
