/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How finely a time is known. The order matters: a larger value is coarser. */
typedef enum {
  CF_PRECISION_MINUTE,
  CF_PRECISION_HOUR,
  CF_PRECISION_DAY,
  CF_PRECISION_MONTH,
  CF_PRECISION_YEAR,
} CfPrecision;

#define CF_PRECISION_LAST CF_PRECISION_YEAR

/* A wall-clock time as precise as some precision: fields finer than it are 0 (or 1 for
 * month and day). */
typedef struct {
  gint year;    /* 1–9999 */
  gint month;   /* 1–12 */
  gint day;     /* 1–31 */
  gint hour;    /* 0–23 */
  gint minute;  /* 0–59 */
} CfLocalTime;

/* When a claimed event happened: an instant or a range, each end a local time at one
 * precision, in an IANA time zone (NULL = the case's) and perhaps only approximately. */
typedef struct {
  CfLocalTime  start;
  CfLocalTime  end;        /* meaningful when has_end */
  gboolean     has_end;
  CfPrecision  precision;
  char        *timezone;   /* IANA name or NULL */
  gboolean     approximate;
} CfEventTime;

#define CF_EVENT_TIME_ERROR (cf_event_time_error_quark ())
typedef enum {
  CF_EVENT_TIME_ERROR_INVALID,
} CfEventTimeError;

GQuark        cf_event_time_error_quark   (void);

const char   *cf_precision_to_string      (CfPrecision  precision);
gboolean      cf_precision_from_string    (const char  *text,
                                           CfPrecision *precision);
/**
 * cf_precision_get_label:
 * Returns: (transfer none): the translated name ("Day", "Month", ...)
 */
const char   *cf_precision_get_label      (CfPrecision  precision);

CfEventTime  *cf_event_time_new           (void);
CfEventTime  *cf_event_time_copy          (const CfEventTime *self);
void          cf_event_time_free          (CfEventTime *self);
gboolean      cf_event_time_equal         (const CfEventTime *a,
                                           const CfEventTime *b);

/**
 * cf_event_time_parse:
 * @text: "[~]START[/END][ ZONE]": START and END are ISO 8601 local times as precise as
 *   they are known ("2023", "2023-05", "2023-05-03", "2023-05-03T02", "2023-05-03T02:30",
 *   a space allowed for the T, seconds dropped), END of the same precision; ZONE an IANA
 *   name, also written "[Europe/Moscow]"; "~" (or a trailing "?") says approximately.
 *
 * Returns: (transfer full): the time, or %NULL with @error set
 */
CfEventTime  *cf_event_time_parse         (const char   *text,
                                           GError      **error);
/**
 * cf_event_time_to_string:
 * Returns: (transfer full): the form cf_event_time_parse() reads back
 */
char         *cf_event_time_to_string     (const CfEventTime *self);
/**
 * cf_event_time_format_local:
 * Returns: (transfer full): the start (or @end) as stored: ISO 8601 at the precision
 */
char         *cf_event_time_format_local  (const CfEventTime *self,
                                           gboolean           end);

/**
 * cf_event_time_from_columns:
 * The stored columns of a claim back into a time; a missing precision is taken from the
 * length of @start (a date stored before format 3).
 *
 * Returns: (transfer full) (nullable): %NULL when @start is %NULL or unreadable
 */
CfEventTime  *cf_event_time_from_columns  (const char   *start,
                                           const char   *end,
                                           const char   *precision,
                                           const char   *timezone,
                                           gboolean      approximate,
                                           GError      **error);

/* Seconds since 1970 UTC. */
gint64        cf_local_time_to_utc        (const CfLocalTime *local,
                                           GTimeZone         *zone,
                                           gboolean           latest);
/**
 * cf_event_time_get_interval:
 * @zone: the case's zone, used when the time names none (UTC when %NULL)
 * @earliest: (out): first second the event may have happened (UTC, since 1970)
 * @latest: (out): first second after it, exclusive: a day-precision instant is a day wide
 *   in its zone. A local time in a DST gap maps to the transition; in a fold,
 *   the earliest takes the first reading and the latest the second.
 */
void          cf_event_time_get_interval  (const CfEventTime *self,
                                           GTimeZone         *zone,
                                           gint64            *earliest,
                                           gint64            *latest);
/**
 * cf_event_time_get_zone:
 * Returns: (transfer full) (nullable): the time's own zone, %NULL when it names none
 */
GTimeZone    *cf_event_time_get_zone      (const CfEventTime *self);
/**
 * cf_time_zone_new_checked:
 * Returns: (transfer full) (nullable): the zone, or %NULL with @error set when the name
 *   is not an IANA zone this system knows
 */
GTimeZone    *cf_time_zone_new_checked    (const char  *identifier,
                                           GError     **error);

/* Order: by earliest, then latest. */
gint          cf_event_time_compare       (const CfEventTime *a,
                                           const CfEventTime *b,
                                           GTimeZone         *zone);
/* Whether two accounts can be of the same moment: their intervals overlap, each widened by
 * one unit of its precision on either side when approximate. */
gboolean      cf_event_time_overlaps      (const CfEventTime *a,
                                           const CfEventTime *b,
                                           GTimeZone         *zone);
/* The widened interval used by cf_event_time_overlaps(). */
void          cf_event_time_get_tolerant_interval (const CfEventTime *self,
                                                   GTimeZone         *zone,
                                                   gint64            *earliest,
                                                   gint64            *latest);

/* Proleptic Gregorian days since 1970-01-01. */
gint64        cf_days_from_civil          (gint year,
                                           gint month,
                                           gint day);
void          cf_civil_from_days          (gint64 days,
                                           gint  *year,
                                           gint  *month,
                                           gint  *day);
gint          cf_days_in_month            (gint year,
                                           gint month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfEventTime, cf_event_time_free)

G_END_DECLS
