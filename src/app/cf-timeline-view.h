/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"
#include "cf-timeline-entry.h"

G_BEGIN_DECLS

/* The time axis: dated claims as marks (an instant) or bars (a range, or a time known
 * only to the day, month or year, drawn as wide as that), in lanes, with the documents'
 * publication times on a lane of their own. Zooms from minutes to years and pans with
 * the mouse, the touchpad and the keyboard; marks that would overlap are drawn as one
 * bin with their count. A click on a mark emits "claim-activated"; a shift-drag
 * selects a time span ("span-changed"). */
#define CF_TYPE_TIMELINE_VIEW (cf_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CfTimelineView, cf_timeline_view, CF, TIMELINE_VIEW, GtkWidget)

GtkWidget *cf_timeline_view_new              (void);
/**
 * cf_timeline_view_set_entries:
 * @entries: (element-type CfTimelineEntry) (transfer none) (nullable): dated claims,
 *   resolved, in time order; the view keeps a reference
 * @documents: (element-type CfTimelineDocument) (transfer none) (nullable)
 * @lanes: (transfer none) (nullable): the lane names, %NULL-terminated
 * @lane_of: (transfer none) (nullable): for each entry, its lane (an index in @lanes)
 */
void       cf_timeline_view_set_entries      (CfTimelineView *self,
                                              GPtrArray      *entries,
                                              GPtrArray      *documents,
                                              const char * const *lanes,
                                              const guint    *lane_of);
/**
 * cf_timeline_view_set_placements:
 * @entry_of: (nullable): for each of @n_placements marks, the entry it shows (an
 *   entry may be placed on several lanes); %NULL: mark i shows entry i
 * @lane_of: (nullable): for each mark, its lane
 *
 * As cf_timeline_view_set_entries(), with a claim shown on each lane it belongs to.
 */
void       cf_timeline_view_set_placements   (CfTimelineView *self,
                                              GPtrArray      *entries,
                                              GPtrArray      *documents,
                                              const char * const *lanes,
                                              const guint    *entry_of,
                                              const guint    *lane_of,
                                              guint           n_placements);
/* The claim drawn as selected; 0 for none. */
void       cf_timeline_view_set_selected     (CfTimelineView *self,
                                              gint64          claim_id);
gint64     cf_timeline_view_get_selected     (CfTimelineView *self);
/* The time span selected with shift-drag (UTC seconds); FALSE when none. */
gboolean   cf_timeline_view_get_span         (CfTimelineView *self,
                                              gint64         *earliest,
                                              gint64         *latest);
void       cf_timeline_view_clear_span       (CfTimelineView *self);
/* The shown window of time, in UTC seconds. */
void       cf_timeline_view_set_range        (CfTimelineView *self,
                                              double          start,
                                              double          end);
void       cf_timeline_view_get_range        (CfTimelineView *self,
                                              double         *start,
                                              double         *end);
/* Shows everything that is dated. */
void       cf_timeline_view_zoom_to_fit      (CfTimelineView *self);
/* Zooms by @factor (> 1: in) around the point at @x pixels, or the middle when < 0. */
void       cf_timeline_view_zoom             (CfTimelineView *self,
                                              double          factor,
                                              double          x);
/* Pans by @pixels (positive: later). */
void       cf_timeline_view_pan              (CfTimelineView *self,
                                              double          pixels);
/* The claim whose mark is at (@x, @y) in the view, or 0. */
gint64     cf_timeline_view_claim_at         (CfTimelineView *self,
                                              double          x,
                                              double          y);
/* Where a claim's mark is drawn (its middle, on its first lane), for tests; FALSE when
 * not shown. */
gboolean   cf_timeline_view_get_mark_position (CfTimelineView *self,
                                               gint64          claim_id,
                                               double         *x,
                                               double         *y);
/* The lanes a claim is drawn on (indexes, in order), for tests; returns how many
 * (at most @n_max written). */
guint      cf_timeline_view_get_claim_lanes  (CfTimelineView *self,
                                              gint64          claim_id,
                                              guint          *lanes,
                                              guint           n_max);
/* The zone the axis labels are in (the case's); %NULL for UTC. */
void       cf_timeline_view_set_time_zone    (CfTimelineView *self,
                                              GTimeZone      *zone);
/* Emulates a click and a shift-drag, as a user would make them, for tests. */
void       cf_timeline_view_click            (CfTimelineView *self,
                                              double          x,
                                              double          y);
void       cf_timeline_view_select_span_at   (CfTimelineView *self,
                                              double          x1,
                                              double          x2);

G_END_DECLS
