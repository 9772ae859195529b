/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-timeline-entry.h"

G_BEGIN_DECLS

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

void             cf_timeline_finding_free (CfTimelineFinding *finding);

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


G_END_DECLS
