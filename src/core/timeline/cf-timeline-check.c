/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the accounts of a case disagree in time: claims about one event (sharing a tag,
 * or linked by the analyst) whose times cannot overlap, a report published before the
 * event it reports, and claims known less precisely than the case needs. The rules work
 * on plain entries so they are tested without a case file. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-timeline-check.h"

/* one tag shared by thousands of claims must not produce millions of pairs */
#define MAX_FINDINGS 1000

void
cf_timeline_finding_free (CfTimelineFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding);
}

static CfTimelineFinding *
finding_new (CfTimelineFindingKind kind,
             gint64                claim_id,
             gint64                other_id,
             char                 *message)
{
  CfTimelineFinding *finding = g_new0 (CfTimelineFinding, 1);

  finding->kind = kind;
  finding->claim_id = claim_id;
  finding->other_id = other_id;
  finding->message = message;
  return finding;
}

static CfTimelineFinding *
disagreement_new (const CfTimelineEntry *a,
                  const CfTimelineEntry *b,
                  gint64                 tag_id)
{
  g_autofree char *ta = cf_event_time_to_string (a->time);
  g_autofree char *tb = cf_event_time_to_string (b->time);
  CfTimelineFinding *finding;

  if (tag_id != 0)
    finding = finding_new (CF_TIMELINE_FINDING_DISAGREE, a->claim_id, b->claim_id,
                           g_strdup_printf (_("Claims %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT
                                              " share a tag but their times cannot overlap: %s and %s."),
                                            a->claim_id, b->claim_id, ta, tb));
  else
    finding = finding_new (CF_TIMELINE_FINDING_DISAGREE, a->claim_id, b->claim_id,
                           g_strdup_printf (_("Claims %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT
                                              " are linked as one event but their times cannot "
                                              "overlap: %s and %s."),
                                            a->claim_id, b->claim_id, ta, tb));
  finding->tag_id = tag_id;
  return finding;
}

typedef struct {
  gint64 earliest;
  gint64 latest;
  const CfTimelineEntry *entry;
} Span;

static gint
span_compare (gconstpointer a,
              gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->earliest != y->earliest)
    return x->earliest < y->earliest ? -1 : 1;
  return x->entry->claim_id < y->entry->claim_id ? -1 : x->entry->claim_id > y->entry->claim_id;
}

static gint
id_compare (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Within one tag, claims that cannot be of one moment: report the earliest-ending claim
 * against each claim that starts after it ends, which names every disjoint group once
 * without listing all pairs. */
static void
check_tag_groups (GPtrArray *entries,
                  GTimeZone *zone,
                  GPtrArray *findings)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GList) tags = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const CfTimelineEntry *entry = g_ptr_array_index (entries, i);

      for (guint t = 0; entry->tag_ids != NULL && t < entry->tag_ids->len; t++)
        {
          gint64 *key = &g_array_index (entry->tag_ids, gint64, t);
          GArray *group = g_hash_table_lookup (groups, key);
          Span span = { 0, 0, entry };

          if (group == NULL)
            {
              group = g_array_new (FALSE, FALSE, sizeof (Span));
              g_hash_table_insert (groups, key, group);
            }
          cf_event_time_get_tolerant_interval (entry->time, zone, &span.earliest, &span.latest);
          g_array_append_val (group, span);
        }
    }
  tags = g_list_sort (g_hash_table_get_keys (groups), id_compare);
  for (GList *l = tags; l != NULL; l = l->next)
    {
      GArray *group = g_hash_table_lookup (groups, l->data);
      const Span *first_end;

      if (group->len < 2)
        continue;
      g_array_sort (group, span_compare);
      first_end = &g_array_index (group, Span, 0);
      for (guint i = 1; i < group->len; i++)
        if (g_array_index (group, Span, i).latest < first_end->latest)
          first_end = &g_array_index (group, Span, i);
      for (guint i = 0; i < group->len && findings->len < MAX_FINDINGS; i++)
        {
          const Span *s = &g_array_index (group, Span, i);

          if (s->earliest >= first_end->latest)
            g_ptr_array_add (findings, disagreement_new (first_end->entry, s->entry, *(gint64 *) l->data));
        }
    }
}

GPtrArray *
cf_timeline_check (GPtrArray         *entries,
                   GArray            *links,
                   GTimeZone         *zone,
                   const CfPrecision *required)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_finding_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      CfTimelineEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (by_id, &entry->claim_id, entry);
    }

  for (guint i = 0; links != NULL && i + 1 < links->len && findings->len < MAX_FINDINGS; i += 2)
    {
      gint64 a_id = g_array_index (links, gint64, i);
      gint64 b_id = g_array_index (links, gint64, i + 1);
      const CfTimelineEntry *a = g_hash_table_lookup (by_id, &a_id);
      const CfTimelineEntry *b = g_hash_table_lookup (by_id, &b_id);

      if (a != NULL && b != NULL && !cf_event_time_overlaps (a->time, b->time, zone))
        g_ptr_array_add (findings, cf_event_time_compare (a->time, b->time, zone) <= 0
                                   ? disagreement_new (a, b, 0) : disagreement_new (b, a, 0));
    }
  check_tag_groups (entries, zone, findings);

  for (guint i = 0; i < entries->len && findings->len < MAX_FINDINGS; i++)
    {
      const CfTimelineEntry *entry = g_ptr_array_index (entries, i);
      const char *said = entry->published != NULL ? entry->published : entry->captured;
      gint64 event_earliest, said_latest;

      if (said == NULL || !cf_document_time_parse (said, zone, NULL, &said_latest))
        continue;
      cf_event_time_get_tolerant_interval (entry->time, zone, &event_earliest, NULL);
      if (said_latest <= event_earliest)
        {
          g_autofree char *when = cf_event_time_to_string (entry->time);

          g_ptr_array_add (findings,
                           finding_new (CF_TIMELINE_FINDING_REPORT_EARLY, entry->claim_id, 0,
                                        g_strdup_printf (_("Claim %" G_GINT64_FORMAT " reports an event "
                                                           "of %s in a source dated %s, before it "
                                                           "happened."),
                                                         entry->claim_id, when, said)));
        }
    }

  for (guint i = 0; required != NULL && i < entries->len && findings->len < MAX_FINDINGS; i++)
    {
      const CfTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->time->precision > *required)
        {
          g_autofree char *when = cf_event_time_to_string (entry->time);

          g_ptr_array_add (findings,
                           finding_new (CF_TIMELINE_FINDING_TOO_COARSE, entry->claim_id, 0,
                                        g_strdup_printf (_("Claim %" G_GINT64_FORMAT " is dated %s, to a "
                                                           "precision of “%s”; the case needs “%s”."),
                                                         entry->claim_id, when,
                                                         cf_precision_get_label (entry->time->precision),
                                                         cf_precision_get_label (*required))));
        }
    }
  return g_steal_pointer (&findings);
}
