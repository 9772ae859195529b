/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's rows: a dated claim with what is shown beside it, a document with its
 * publication time, and the lanes a row falls in. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-timeline-entry.h"

CfTimelineEntry *
cf_timeline_entry_new (gint64       claim_id,
                       gint64       document_id,
                       CfEventTime *time)
{
  CfTimelineEntry *entry = g_new0 (CfTimelineEntry, 1);

  g_return_val_if_fail (time != NULL, NULL);
  entry->claim_id = claim_id;
  entry->document_id = document_id;
  entry->time = time;
  return entry;
}

void
cf_timeline_entry_free (CfTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  cf_event_time_free (entry->time);
  g_clear_pointer (&entry->tag_ids, g_array_unref);
  g_free (entry->published);
  g_free (entry->captured);
  g_free (entry->quote);
  g_free (entry->document_title);
  g_free (entry->actor);
  g_free (entry->grade);
  g_free (entry->tag_names);
  g_free (entry->color);
  g_free (entry);
}

void
cf_timeline_entry_resolve (CfTimelineEntry *entry,
                           GTimeZone       *zone)
{
  g_return_if_fail (entry != NULL);
  cf_event_time_get_interval (entry->time, zone, &entry->earliest, &entry->latest);
}

void
cf_timeline_document_free (CfTimelineDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->title);
  g_free (document->published);
  g_free (document->captured);
  g_free (document);
}

gboolean
cf_document_time_parse (const char *text,
                        GTimeZone  *zone,
                        gint64     *earliest,
                        gint64     *latest)
{
  g_autoptr(CfEventTime) local = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 e, l;

  if (text == NULL || *text == '\0' || strlen (text) > 100)
    return FALSE;
  local = cf_event_time_parse (text, NULL);
  if (local != NULL)
    cf_event_time_get_interval (local, zone, &e, &l);
  else
    {
      /* a full timestamp with seconds and an offset, as feeds and pages give it */
      dt = g_date_time_new_from_iso8601 (text, zone);
      if (dt == NULL)
        return FALSE;
      e = g_date_time_to_unix (dt);
      l = e + 1;
    }
  if (earliest != NULL)
    *earliest = e;
  if (latest != NULL)
    *latest = l;
  return TRUE;
}

gboolean
cf_timeline_lane_from_name (const char     *name,
                            CfTimelineLane *lane)
{
  static const char *names[] = { "none", "actor", "source", "tag", "hypothesis" };

  g_return_val_if_fail (lane != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *lane = (CfTimelineLane) i;
        return TRUE;
      }
  return FALSE;
}

char *
cf_timeline_entry_get_lane (const CfTimelineEntry *entry,
                            CfTimelineLane         lane)
{
  g_return_val_if_fail (entry != NULL, NULL);

  switch (lane)
    {
    case CF_TIMELINE_LANE_ACTOR:
      return g_strdup (entry->actor != NULL && *entry->actor ? entry->actor : _("No actor"));
    case CF_TIMELINE_LANE_SOURCE:
      return g_strdup (entry->document_title != NULL && *entry->document_title ? entry->document_title
                                                                               : _("No source"));
    case CF_TIMELINE_LANE_TAG:
      if (entry->tag_names != NULL && *entry->tag_names)
        {
          const char *comma = strstr (entry->tag_names, ", ");

          return comma != NULL ? g_strndup (entry->tag_names, comma - entry->tag_names)
                               : g_strdup (entry->tag_names);
        }
      return g_strdup (_("Untagged"));
    case CF_TIMELINE_LANE_NONE:
    case CF_TIMELINE_LANE_HYPOTHESIS:
    default:
      return g_strdup (_("Claims"));
    }
}
