/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-case.h"
#include "cf-event-time.h"
#include "cf-timeline-check.h"

G_BEGIN_DECLS

/**
 * cf_case_set_claim_event_time:
 * @time: (nullable): the time; %NULL clears it
 *
 * One undoable edit of the claim's event date, end, precision, zone and approximation.
 */
gboolean      cf_case_set_claim_event_time     (CfCase            *self,
                                                gint64             claim_id,
                                                const CfEventTime *time,
                                                GError           **error);
/**
 * cf_case_get_claim_event_time:
 * Returns: (transfer full) (nullable): the claim's event time; %NULL with no @error
 *   set when it has none
 */
CfEventTime  *cf_case_get_claim_event_time     (CfCase            *self,
                                                gint64             claim_id,
                                                GError           **error);

/**
 * cf_case_dup_timezone:
 * Returns: (transfer full) (nullable): the case's IANA zone (the incident's), %NULL
 *   when not set
 */
char         *cf_case_dup_timezone             (CfCase            *self);
/**
 * cf_case_get_time_zone:
 * Returns: (transfer full) (nullable): the case's zone as a GTimeZone, %NULL when not set
 */
GTimeZone    *cf_case_get_time_zone            (CfCase            *self);
gboolean      cf_case_set_timezone             (CfCase            *self,
                                                const char        *timezone,
                                                GError           **error);
/**
 * cf_case_get_required_precision:
 * Returns: whether the case names a required precision (then in @precision)
 */
gboolean      cf_case_get_required_precision   (CfCase            *self,
                                                CfPrecision       *precision);
/**
 * cf_case_set_required_precision:
 * @precision: (nullable): %NULL for none
 */
gboolean      cf_case_set_required_precision   (CfCase            *self,
                                                const CfPrecision *precision,
                                                GError           **error);

/* The analyst says two claims are about the same event; in any order. */
gboolean      cf_case_link_claims              (CfCase            *self,
                                                gint64             claim_id,
                                                gint64             other_id,
                                                GError           **error);
gboolean      cf_case_unlink_claims            (CfCase            *self,
                                                gint64             claim_id,
                                                gint64             other_id,
                                                GError           **error);
/**
 * cf_case_list_claim_links:
 * @claim_id: a claim, or 0 for every link in the case
 *
 * Returns: (transfer full) (element-type gint64): id pairs, smaller id first
 */
GArray       *cf_case_list_claim_links         (CfCase            *self,
                                                gint64             claim_id,
                                                GError           **error);

/**
 * cf_case_list_claims_in_range:
 * Returns: (transfer full) (element-type gint64): the ids of the claims whose event time
 *   overlaps [@earliest, @latest) (UTC seconds; times without a zone in the case's)
 */
GArray       *cf_case_list_claims_in_range     (CfCase            *self,
                                                gint64             earliest,
                                                gint64             latest,
                                                GError           **error);
/**
 * cf_case_list_timeline:
 *
 * The dated claims in event order (the claims_by_event index), resolved in the case's
 * zone; a claim whose stored date cannot be read is left out.
 *
 * Returns: (transfer full) (element-type CfTimelineEntry): the entries
 */
GPtrArray    *cf_case_list_timeline            (CfCase            *self,
                                                GError           **error);
/**
 * cf_case_list_document_times:
 * Returns: (transfer full) (element-type CfTimelineDocument): documents with a published
 *   or captured time that can be read, in time order
 */
GPtrArray    *cf_case_list_document_times      (CfCase            *self,
                                                GError           **error);
/**
 * cf_case_check_timeline:
 * Returns: (transfer full) (element-type CfTimelineFinding): cf_timeline_check() on
 *   the case
 */
GPtrArray    *cf_case_check_timeline           (CfCase            *self,
                                                GError           **error);

G_END_DECLS
