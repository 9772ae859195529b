/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The time model of the timeline: when a claimed event happened, as precisely as the
 * sources allow. A time is kept as the analyst wrote it (local wall-clock fields, a
 * precision, a zone) and only turned into UTC seconds when compared, so a day-precision
 * date stays a whole day in its own zone and a daylight-saving change never rewrites
 * what was entered. Pure GLib: no GTK, no SQLite. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-event-time.h"

G_DEFINE_QUARK (cf-event-time-error-quark, cf_event_time_error)

static const char *precision_names[] = { "minute", "hour", "day", "month", "year" };

const char *
cf_precision_to_string (CfPrecision precision)
{
  g_return_val_if_fail ((guint) precision <= CF_PRECISION_LAST, "day");
  return precision_names[precision];
}

gboolean
cf_precision_from_string (const char  *text,
                          CfPrecision *precision)
{
  g_return_val_if_fail (precision != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (precision_names); i++)
    if (g_ascii_strcasecmp (text, precision_names[i]) == 0)
      {
        *precision = (CfPrecision) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cf_precision_get_label (CfPrecision precision)
{
  static const char *labels[] = { N_("Minute"), N_("Hour"), N_("Day"), N_("Month"), N_("Year") };

  g_return_val_if_fail ((guint) precision <= CF_PRECISION_LAST, "");
  return _(labels[precision]);
}

/* Howard Hinnant's civil-calendar arithmetic, written out for our types. */
gint64
cf_days_from_civil (gint year,
                    gint month,
                    gint day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
cf_civil_from_days (gint64  days,
                    gint   *year,
                    gint   *month,
                    gint   *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint m = (gint) (mp < 10 ? mp + 3 : mp - 9);

  *year = (gint) (yoe + era * 400 + (m <= 2));
  *month = m;
  *day = (gint) (doy - (153 * mp + 2) / 5 + 1);
}

gint
cf_days_in_month (gint year,
                  gint month)
{
  static const gint days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 30);
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month - 1];
}

CfEventTime *
cf_event_time_new (void)
{
  CfEventTime *self = g_new0 (CfEventTime, 1);

  self->start.year = 1970;
  self->start.month = 1;
  self->start.day = 1;
  self->end = self->start;
  self->precision = CF_PRECISION_DAY;
  return self;
}

CfEventTime *
cf_event_time_copy (const CfEventTime *self)
{
  CfEventTime *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->timezone = g_strdup (self->timezone);
  return copy;
}

void
cf_event_time_free (CfEventTime *self)
{
  if (self == NULL)
    return;
  g_free (self->timezone);
  g_free (self);
}

static gint
local_compare (const CfLocalTime *a,
               const CfLocalTime *b)
{
  const gint fa[] = { a->year, a->month, a->day, a->hour, a->minute };
  const gint fb[] = { b->year, b->month, b->day, b->hour, b->minute };

  for (guint i = 0; i < G_N_ELEMENTS (fa); i++)
    if (fa[i] != fb[i])
      return fa[i] < fb[i] ? -1 : 1;
  return 0;
}

gboolean
cf_event_time_equal (const CfEventTime *a,
                     const CfEventTime *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->precision == b->precision && !a->approximate == !b->approximate
         && !a->has_end == !b->has_end && local_compare (&a->start, &b->start) == 0
         && (!a->has_end || local_compare (&a->end, &b->end) == 0)
         && g_strcmp0 (a->timezone, b->timezone) == 0;
}

/* Reads "YYYY[-MM[-DD[(T| )HH[:MM[:SS]]]]]" exactly, with no trailing text. */
static gboolean
parse_local (const char  *text,
             CfLocalTime *local,
             CfPrecision *precision)
{
  gint fields[6] = { 0, 1, 1, 0, 0, 0 };
  static const gint widths[] = { 4, 2, 2, 2, 2, 2 };
  static const char seps[] = { 0, '-', '-', 'T', ':', ':' };
  const char *p = text;
  guint n = 0;

  for (; n < G_N_ELEMENTS (fields); n++)
    {
      gint value = 0;

      if (n > 0)
        {
          if (*p == '\0')
            break;
          if (!(*p == seps[n] || (n == 3 && (*p == ' ' || *p == 't'))))
            return FALSE;
          p++;
        }
      for (gint i = 0; i < widths[n]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          value = value * 10 + (*p - '0');
        }
      fields[n] = value;
    }
  if (*p != '\0' || n == 0)
    return FALSE;
  if (fields[0] < 1 || fields[1] < 1 || fields[1] > 12 || fields[2] < 1
      || fields[2] > cf_days_in_month (fields[0], fields[1])
      || fields[3] > 23 || fields[4] > 59 || fields[5] > 59)
    return FALSE;
  local->year = fields[0];
  local->month = fields[1];
  local->day = fields[2];
  local->hour = fields[3];
  local->minute = fields[4];
  /* 1 field → year … 5 or 6 fields → minute (seconds are dropped) */
  *precision = (CfPrecision) (CF_PRECISION_YEAR - (MIN (n, 5) - 1));
  return TRUE;
}

GTimeZone *
cf_time_zone_new_checked (const char  *identifier,
                          GError     **error)
{
  GTimeZone *zone;

  g_return_val_if_fail (identifier != NULL, NULL);

  /* g_time_zone_new_identifier() also reads a path; names are letters, digits, "/_-+:" */
  if (*identifier == '\0' || *identifier == '/' || strstr (identifier, "..") != NULL
      || strlen (identifier) > 64)
    zone = NULL;
  else
    zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    g_set_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID,
                 _("“%s” is not a time zone this system knows; use an IANA name such as "
                   "Europe/Kyiv, or UTC."), identifier);
  return zone;
}

static gboolean
split_offset_suffix (char  *time_text,
                     char **zone)
{
  gsize len = strlen (time_text);

  /* "…Z" or "…+03:00" on a time (after the T) names a fixed offset */
  if (strchr (time_text, 'T') == NULL && strchr (time_text, ' ') == NULL)
    return FALSE;
  if (len > 0 && (time_text[len - 1] == 'Z' || time_text[len - 1] == 'z'))
    {
      time_text[len - 1] = '\0';
      *zone = g_strdup ("UTC");
      return TRUE;
    }
  if (len > 6 && (time_text[len - 6] == '+' || time_text[len - 6] == '-') && time_text[len - 3] == ':')
    {
      *zone = g_strdup (time_text + len - 6);
      time_text[len - 6] = '\0';
      return TRUE;
    }
  return FALSE;
}

CfEventTime *
cf_event_time_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(CfEventTime) self = cf_event_time_new ();
  g_autofree char *copy = NULL;
  g_autofree char *zone = NULL;
  char *body, *slash, *last_space;
  CfPrecision end_precision;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) > 200 || !g_utf8_validate (text, -1, NULL))
    goto invalid;
  copy = g_strstrip (g_strdup (text));
  body = copy;
  if (g_str_has_prefix (body, "~"))
    {
      self->approximate = TRUE;
      body = g_strchug (body + 1);
    }
  len = strlen (body);
  if (len > 0 && body[len - 1] == ']')
    {
      char *open = strrchr (body, '[');

      if (open == NULL)
        goto invalid;
      body[len - 1] = '\0';
      zone = g_strdup (open + 1);
      *open = '\0';
      g_strchomp (body);
    }
  else if ((last_space = strrchr (body, ' ')) != NULL && !g_ascii_isdigit (last_space[1]))
    {
      zone = g_strdup (last_space + 1);
      *last_space = '\0';
      g_strchomp (body);
    }
  len = strlen (body);
  if (len > 0 && body[len - 1] == '?')
    {
      self->approximate = TRUE;
      body[len - 1] = '\0';
      g_strchomp (body);
    }

  slash = strchr (body, '/');
  if (slash != NULL)
    {
      *slash = '\0';
      g_strchomp (body);
      if (zone == NULL)
        split_offset_suffix (g_strchug (slash + 1), &zone);
      if (!parse_local (g_strchug (slash + 1), &self->end, &end_precision))
        goto invalid;
      self->has_end = TRUE;
    }
  if (zone == NULL)
    split_offset_suffix (body, &zone);
  else
    {
      g_autofree char *ignored = NULL;

      /* "…+03:00/…+03:00" names one offset twice; anything else is two zones */
      if (split_offset_suffix (body, &ignored) && g_strcmp0 (ignored, zone) != 0)
        goto invalid;
    }
  if (!parse_local (body, &self->start, &self->precision))
    goto invalid;
  if (self->has_end)
    {
      if (end_precision != self->precision)
        {
          g_set_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID,
                       _("The start and end of “%s” are not equally precise; write both to the "
                         "day, both to the minute, and so on."), text);
          return NULL;
        }
      if (local_compare (&self->end, &self->start) < 0)
        {
          g_set_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID,
                       _("The range “%s” ends before it starts."), text);
          return NULL;
        }
      if (local_compare (&self->end, &self->start) == 0)
        self->has_end = FALSE;
    }
  if (zone != NULL)
    {
      g_autoptr(GTimeZone) tz = cf_time_zone_new_checked (zone, error);

      if (tz == NULL)
        return NULL;
      self->timezone = g_steal_pointer (&zone);
    }
  if (!self->has_end)
    self->end = self->start;
  return g_steal_pointer (&self);

invalid:
  g_set_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID,
               _("“%s” is not a date this program reads. Write it as 2023-05-03, 2023-05, 2023, "
                 "2023-05-03T02:30 or a range 2023-05-03/2023-05-04, optionally with “~” for "
                 "approximately and a time zone such as Europe/Moscow."), text);
  return NULL;
}

static char *
format_local (const CfLocalTime *t,
              CfPrecision        precision)
{
  switch (precision)
    {
    case CF_PRECISION_YEAR:
      return g_strdup_printf ("%04d", t->year);
    case CF_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", t->year, t->month);
    case CF_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", t->year, t->month, t->day);
    case CF_PRECISION_HOUR:
      return g_strdup_printf ("%04d-%02d-%02dT%02d", t->year, t->month, t->day, t->hour);
    case CF_PRECISION_MINUTE:
    default:
      return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", t->year, t->month, t->day, t->hour, t->minute);
    }
}

char *
cf_event_time_format_local (const CfEventTime *self,
                            gboolean           end)
{
  g_return_val_if_fail (self != NULL, NULL);
  return format_local (end && self->has_end ? &self->end : &self->start, self->precision);
}

char *
cf_event_time_to_string (const CfEventTime *self)
{
  GString *out;
  g_autofree char *start = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (self->approximate ? "~" : "");
  start = format_local (&self->start, self->precision);
  g_string_append (out, start);
  if (self->has_end)
    {
      g_autofree char *end = format_local (&self->end, self->precision);

      g_string_append_printf (out, "/%s", end);
    }
  if (self->timezone != NULL)
    g_string_append_printf (out, " %s", self->timezone);
  return g_string_free (out, FALSE);
}

CfEventTime *
cf_event_time_from_columns (const char  *start,
                            const char  *end,
                            const char  *precision,
                            const char  *timezone,
                            gboolean     approximate,
                            GError     **error)
{
  g_autoptr(CfEventTime) self = cf_event_time_new ();
  CfPrecision read_precision, stored;

  if (start == NULL || *start == '\0')
    return NULL;
  if (!parse_local (start, &self->start, &read_precision))
    {
      g_set_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID,
                   _("The stored event date “%s” is not an ISO 8601 date."), start);
      return NULL;
    }
  self->precision = read_precision;
  /* a stored precision coarser than the text truncates it; a finer one cannot be invented */
  if (precision != NULL && cf_precision_from_string (precision, &stored) && stored > read_precision)
    self->precision = stored;
  self->end = self->start;
  if (end != NULL && *end != '\0')
    {
      CfPrecision end_precision;

      if (!parse_local (end, &self->end, &end_precision) || local_compare (&self->end, &self->start) < 0)
        {
          g_set_error (error, CF_EVENT_TIME_ERROR, CF_EVENT_TIME_ERROR_INVALID,
                       _("The stored event end “%s” is not an ISO 8601 date after its start."), end);
          return NULL;
        }
      self->has_end = local_compare (&self->end, &self->start) != 0;
    }
  if (timezone != NULL && *timezone != '\0')
    self->timezone = g_strdup (timezone);
  self->approximate = approximate;
  return g_steal_pointer (&self);
}

/* Seconds of a wall-clock reading as if it were UTC. */
static gint64
local_seconds (const CfLocalTime *t)
{
  return cf_days_from_civil (t->year, t->month, t->day) * 86400 + t->hour * 3600 + t->minute * 60;
}

static void
truncate_local (CfLocalTime *t,
                CfPrecision  precision)
{
  if (precision >= CF_PRECISION_HOUR)
    t->minute = 0;
  if (precision >= CF_PRECISION_DAY)
    t->hour = 0;
  if (precision >= CF_PRECISION_MONTH)
    t->day = 1;
  if (precision >= CF_PRECISION_YEAR)
    t->month = 1;
}

/* Local seconds of the first moment after @t's unit at @precision. */
static gint64
next_local_seconds (const CfLocalTime *t,
                    CfPrecision        precision)
{
  CfLocalTime n = *t;

  truncate_local (&n, precision);
  switch (precision)
    {
    case CF_PRECISION_YEAR:
      return cf_days_from_civil (n.year + 1, 1, 1) * 86400;
    case CF_PRECISION_MONTH:
      return n.month == 12 ? cf_days_from_civil (n.year + 1, 1, 1) * 86400
                           : cf_days_from_civil (n.year, n.month + 1, 1) * 86400;
    case CF_PRECISION_DAY:
      return local_seconds (&n) + 86400;
    case CF_PRECISION_HOUR:
      return local_seconds (&n) + 3600;
    case CF_PRECISION_MINUTE:
    default:
      return local_seconds (&n) + 60;
    }
}

static gint32
offset_at (GTimeZone *zone,
           gint64     utc)
{
  gint interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);

  return g_time_zone_get_offset (zone, interval);
}

/* A wall-clock reading (in local seconds) to UTC. Candidates are the offsets in force
 * half a day either side; a reading that none of them reproduces lies in a gap. */
static gint64
local_seconds_to_utc (gint64     local,
                      GTimeZone *zone,
                      gboolean   latest)
{
  gint32 offsets[3];
  gboolean found = FALSE;
  gint64 best = 0, lo, hi;
  gint32 before;

  if (zone == NULL)
    return local;
  offsets[0] = offset_at (zone, local - 50400);
  offsets[1] = offset_at (zone, local);
  offsets[2] = offset_at (zone, local + 50400);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 utc = local - offsets[i];

      if (offset_at (zone, utc) != offsets[i])
        continue;
      if (!found || (latest ? utc > best : utc < best))
        best = utc;
      found = TRUE;
    }
  if (found)
    return best;

  /* in a gap: the moment the clocks jumped over it */
  lo = MIN (local - offsets[0], local - offsets[2]);
  hi = MAX (local - offsets[0], local - offsets[2]);
  before = offset_at (zone, lo);
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (zone, mid) == before)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

gint64
cf_local_time_to_utc (const CfLocalTime *local,
                      GTimeZone         *zone,
                      gboolean           latest)
{
  g_return_val_if_fail (local != NULL, 0);
  return local_seconds_to_utc (local_seconds (local), zone, latest);
}

G_LOCK_DEFINE_STATIC (zone_cache);
static GHashTable *zone_cache;

GTimeZone *
cf_event_time_get_zone (const CfEventTime *self)
{
  GTimeZone *zone;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->timezone == NULL)
    return NULL;
  /* loading a zone reads a file: a timeline of 100,000 claims asks for a handful of zones */
  G_LOCK (zone_cache);
  if (zone_cache == NULL)
    zone_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zone_cache, self->timezone);
  if (zone == NULL && g_hash_table_size (zone_cache) < 512)
    {
      zone = cf_time_zone_new_checked (self->timezone, NULL);
      if (zone != NULL)
        g_hash_table_insert (zone_cache, g_strdup (self->timezone), zone);
    }
  else if (zone == NULL)
    {
      G_UNLOCK (zone_cache);
      return cf_time_zone_new_checked (self->timezone, NULL);
    }
  if (zone != NULL)
    g_time_zone_ref (zone);
  G_UNLOCK (zone_cache);
  return zone;
}

void
cf_event_time_get_interval (const CfEventTime *self,
                            GTimeZone         *zone,
                            gint64            *earliest,
                            gint64            *latest)
{
  g_autoptr(GTimeZone) own = NULL;
  CfLocalTime first;
  gint64 e, l;

  g_return_if_fail (self != NULL);

  own = cf_event_time_get_zone (self);
  if (own != NULL)
    zone = own;
  first = self->start;
  truncate_local (&first, self->precision);
  e = local_seconds_to_utc (local_seconds (&first), zone, FALSE);
  l = local_seconds_to_utc (next_local_seconds (self->has_end ? &self->end : &self->start, self->precision),
                            zone, TRUE);
  if (l <= e)
    l = e + 1;
  if (earliest != NULL)
    *earliest = e;
  if (latest != NULL)
    *latest = l;
}

void
cf_event_time_get_tolerant_interval (const CfEventTime *self,
                                     GTimeZone         *zone,
                                     gint64            *earliest,
                                     gint64            *latest)
{
  /* "about 02:30" means within half an hour; "about 3 May" a day either side */
  static const gint64 slack[] = { 1800, 7200, 86400, 31 * 86400, 366 * 86400 };
  gint64 e, l;

  g_return_if_fail (self != NULL);

  cf_event_time_get_interval (self, zone, &e, &l);
  if (self->approximate)
    {
      e -= slack[self->precision];
      l += slack[self->precision];
    }
  if (earliest != NULL)
    *earliest = e;
  if (latest != NULL)
    *latest = l;
}

gint
cf_event_time_compare (const CfEventTime *a,
                       const CfEventTime *b,
                       GTimeZone         *zone)
{
  gint64 ae, al, be, bl;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  cf_event_time_get_interval (a, zone, &ae, &al);
  cf_event_time_get_interval (b, zone, &be, &bl);
  if (ae != be)
    return ae < be ? -1 : 1;
  if (al != bl)
    return al < bl ? -1 : 1;
  return 0;
}

gboolean
cf_event_time_overlaps (const CfEventTime *a,
                        const CfEventTime *b,
                        GTimeZone         *zone)
{
  gint64 ae, al, be, bl;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  cf_event_time_get_tolerant_interval (a, zone, &ae, &al);
  cf_event_time_get_tolerant_interval (b, zone, &be, &bl);
  return ae < bl && be < al;
}
