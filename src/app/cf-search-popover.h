/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_SEARCH_POPOVER (cf_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (CfSearchPopover, cf_search_popover, CF, SEARCH_POPOVER, GtkPopover)

/* Full-text search of the case ("case" property). Emits "hit-activated" with the
 * CfSearchHit (borrowed for the emission) when the user picks a result. */
void cf_search_popover_set_case (CfSearchPopover *self,
                                 CfCase          *kase);
/* Runs a search now, as if typed (for tests). Returns the number of results. */
guint cf_search_popover_search  (CfSearchPopover *self,
                                 const char      *query);
/* Activates the @index-th result. */
void cf_search_popover_activate_result (CfSearchPopover *self,
                                        guint            index);
/* (transfer none) (nullable): the words last searched for, for "find next" in the
 * shown source; NULL before any search. */
const char *cf_search_popover_get_query (CfSearchPopover *self);

G_END_DECLS
