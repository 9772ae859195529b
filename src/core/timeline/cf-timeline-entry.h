/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-event-time.h"

G_BEGIN_DECLS

/* One dated claim of the timeline; the store fills these from the case. */
typedef struct {
  gint64       claim_id;
  gint64       document_id;
  CfEventTime *time;          /* owned */
  GArray      *tag_ids;       /* gint64, owned, may be NULL */
  char        *published;     /* the document's published time (ISO 8601) or NULL */
  char        *captured;      /* when the page was saved, or NULL */
  /* for showing the entry (the checks do not read these; all may be NULL) */
  char        *quote;
  char        *document_title;
  char        *actor;
  char        *grade;         /* "B2", "" */
  char        *tag_names;     /* comma separated */
  char        *color;         /* "#rrggbb" of the first tag */
  gint64       actor_id;
  gint64       earliest;      /* the interval, once cf_timeline_entry_resolve() ran */
  gint64       latest;
} CfTimelineEntry;

/* A document on the publication lane. */
typedef struct {
  gint64  document_id;
  char   *title;
  char   *published;
  char   *captured;
  gint64  earliest;   /* of the published (else captured) time; latest == earliest when unknown */
  gint64  latest;
} CfTimelineDocument;

/* How the timeline groups its marks. */
typedef enum {
  CF_TIMELINE_LANE_NONE,
  CF_TIMELINE_LANE_ACTOR,
  CF_TIMELINE_LANE_SOURCE,
  CF_TIMELINE_LANE_TAG,
  CF_TIMELINE_LANE_HYPOTHESIS,  /* filled by the caller, which knows the relations */
} CfTimelineLane;

gboolean         cf_timeline_lane_from_name (const char     *name,
                                             CfTimelineLane *lane);
/**
 * cf_timeline_entry_get_lane:
 * Returns: (transfer full): the lane @entry falls in: its actor, source or first tag, or
 *   a translated "No actor" / "No source" / "Untagged"
 */
char            *cf_timeline_entry_get_lane (const CfTimelineEntry *entry,
                                             CfTimelineLane         lane);

CfTimelineEntry *cf_timeline_entry_new   (gint64       claim_id,
                                          gint64       document_id,
                                          CfEventTime *time);
void             cf_timeline_entry_free  (CfTimelineEntry *entry);
/* Fills earliest and latest from the time in @zone (the case's). */
void             cf_timeline_entry_resolve (CfTimelineEntry *entry,
                                            GTimeZone       *zone);
void             cf_timeline_document_free (CfTimelineDocument *document);

/**
 * cf_document_time_parse:
 * @text: a document's published or captured time: a full ISO 8601 timestamp with a
 *   zone ("2023-05-03T10:00:00Z") or a local date/time read in @zone
 * @earliest: (out) (optional): UTC seconds
 * @latest: (out) (optional): exclusive end (a date is a day wide)
 *
 * Returns: whether @text could be read
 */
gboolean         cf_document_time_parse  (const char  *text,
                                          GTimeZone   *zone,
                                          gint64      *earliest,
                                          gint64      *latest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTimelineEntry, cf_timeline_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTimelineDocument, cf_timeline_document_free)

G_END_DECLS
