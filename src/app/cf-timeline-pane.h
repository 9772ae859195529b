/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"
#include "cf-timeline-view.h"

G_BEGIN_DECLS

/* The timeline of a case: the lane choice, the view, the span filter and the
 * consistency checks. Like the other panes it follows "case" and "selected-claim";
 * a span selected on it filters the window's claims list. */
#define CF_TYPE_TIMELINE_PANE (cf_timeline_pane_get_type ())
G_DECLARE_FINAL_TYPE (CfTimelinePane, cf_timeline_pane, CF, TIMELINE_PANE, GtkBox)

GtkWidget      *cf_timeline_pane_new          (void);
CfTimelineView *cf_timeline_pane_get_view     (CfTimelinePane *self);
GtkDropDown    *cf_timeline_pane_get_lanes    (CfTimelinePane *self);
/* The number of consistency findings listed. */
guint           cf_timeline_pane_get_n_checks (CfTimelinePane *self);
/* Reads the case again now instead of at the next idle. */
void            cf_timeline_pane_reload       (CfTimelinePane *self);
/**
 * cf_timeline_pane_present:
 * Shows the timeline of @parent (a CfWindow) in a window of its own, made on first use.
 * Returns: (transfer none): the pane
 */
CfTimelinePane *cf_timeline_pane_present      (GtkWindow      *parent);

G_END_DECLS
