/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-event-time.h"

G_BEGIN_DECLS

/* A date or time found in text, resolved to an event time, for the analyst to accept. */
typedef struct {
  char        *phrase;  /* the words as written ("on 3 May") */
  gint         start;   /* character offsets of the phrase in the text searched */
  gint         end;
  CfEventTime *time;
} CfDateOffer;

void         cf_date_offer_free          (CfDateOffer *offer);

/**
 * cf_date_finder_find_all:
 * @text: the text to search (UTF-8; at most 1 MB is read)
 * @published: (nullable): the document's published date, against which "yesterday",
 *   "on Wednesday" and dates without a year are resolved; without it only full dates
 *   are found
 * @zone: (nullable): the case's time zone (IANA name): the day a published timestamp
 *   falls on, and the zone of times that name none
 *
 * Returns: (transfer full) (element-type CfDateOffer): the dates found, in text order
 */
GPtrArray   *cf_date_finder_find_all     (const char *text,
                                          const char *published,
                                          const char *zone);

/**
 * cf_date_finder_find_for_span:
 * @start: @end: the claim's span, in characters of @text
 *
 * The date a claim most likely speaks of: one inside the claim, else in its sentence,
 * else in the sentence before; the most precise when several are equally close.
 *
 * Returns: (transfer full) (nullable): the offer, %NULL when none is found
 */
CfDateOffer *cf_date_finder_find_for_span (const char *text,
                                           gint        start,
                                           gint        end,
                                           const char *published,
                                           const char *zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDateOffer, cf_date_offer_free)

G_END_DECLS
