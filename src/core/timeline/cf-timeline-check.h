/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-event-time.h"

G_BEGIN_DECLS

/* One dated claim as the checks see it; the store fills these from the case. */
typedef struct {
  gint64       claim_id;
  gint64       document_id;
  CfEventTime *time;          /* owned */
  GArray      *tag_ids;       /* gint64, owned, may be NULL */
  char        *published;     /* the document's published time (ISO 8601) or NULL */
  char        *captured;      /* when the page was saved, or NULL */
} CfTimelineEntry;

typedef enum {
  CF_TIMELINE_FINDING_DISAGREE,       /* same event, times that do not overlap */
  CF_TIMELINE_FINDING_REPORT_EARLY,   /* reported before the event happened */
  CF_TIMELINE_FINDING_TOO_COARSE,     /* coarser than the case needs */
} CfTimelineFindingKind;

typedef struct {
  CfTimelineFindingKind kind;
  gint64                claim_id;
  gint64                other_id;   /* the other claim of a disagreement, else 0 */
  gint64                tag_id;     /* the shared tag of a disagreement, 0 for a link */
  char                 *message;    /* a whole translated sentence */
} CfTimelineFinding;

CfTimelineEntry *cf_timeline_entry_new   (gint64       claim_id,
                                          gint64       document_id,
                                          CfEventTime *time);
void             cf_timeline_entry_free  (CfTimelineEntry *entry);
void             cf_timeline_finding_free (CfTimelineFinding *finding);

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

/**
 * cf_timeline_check:
 * @entries: (element-type CfTimelineEntry): the dated claims
 * @links: (element-type gint64) (nullable): claim id pairs the analyst said are one event
 * @zone: (nullable): the case's zone
 * @required: (nullable): the precision the case needs, %NULL for none
 *
 * Returns: (transfer full) (element-type CfTimelineFinding): the findings, disagreements
 *   first, each list in time order
 */
GPtrArray       *cf_timeline_check       (GPtrArray         *entries,
                                          GArray            *links,
                                          GTimeZone         *zone,
                                          const CfPrecision *required);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTimelineEntry, cf_timeline_entry_free)

G_END_DECLS
