/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli timeline: the dated claims of a case in time order, grouped in lanes, with
 * the consistency checks; as text, one JSON object, Timesketch-ready JSONL (one event per
 * line: message, datetime, timestamp_desc, plus source and grade) or CSV. */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-case-timeline.h"
#include "cf-cli.h"

gboolean
cf_cli_check_event_time (const char *text,
                         const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEventTime) time = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  time = cf_event_time_parse (text, &error);
  if (time == NULL)
    {
      cf_cli_error (_("%s: %s"), what, error->message);
      return FALSE;
    }
  return TRUE;
}

/* "2023-05-03T02:30:00Z" */
static char *
format_utc (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* What kind of time a row is, in Timesketch's sense. */
static char *
timestamp_desc (const CfTimelineEntry *entry)
{
  /* the English names are part of the exchange format, not of the interface */
  return g_strdup_printf ("Event time (%s%s)", entry->time->approximate ? "approximately, " : "",
                          cf_precision_to_string (entry->time->precision));
}

static JsonObject *
entry_to_json (const CfTimelineEntry *entry,
               CfTimelineLane         lane)
{
  JsonObject *o = json_object_new ();
  g_autofree char *when = cf_event_time_to_string (entry->time);
  g_autofree char *start = cf_event_time_format_local (entry->time, FALSE);
  g_autofree char *earliest = format_utc (entry->earliest);
  g_autofree char *latest = format_utc (entry->latest);

  json_object_set_int_member (o, "claim_id", entry->claim_id);
  json_object_set_string_member (o, "time", when);
  json_object_set_string_member (o, "start", start);
  if (entry->time->has_end)
    {
      g_autofree char *end = cf_event_time_format_local (entry->time, TRUE);

      json_object_set_string_member (o, "end", end);
    }
  else
    json_object_set_null_member (o, "end");
  json_object_set_string_member (o, "precision", cf_precision_to_string (entry->time->precision));
  if (entry->time->timezone != NULL)
    json_object_set_string_member (o, "timezone", entry->time->timezone);
  else
    json_object_set_null_member (o, "timezone");
  json_object_set_boolean_member (o, "approximate", entry->time->approximate);
  json_object_set_string_member (o, "earliest", earliest);
  json_object_set_string_member (o, "latest", latest);
  json_object_set_string_member (o, "quote", entry->quote ? entry->quote : "");
  if (entry->document_id != 0)
    json_object_set_int_member (o, "document_id", entry->document_id);
  else
    json_object_set_null_member (o, "document_id");
  json_object_set_string_member (o, "source", entry->document_title ? entry->document_title : "");
  json_object_set_string_member (o, "actor", entry->actor ? entry->actor : "");
  json_object_set_string_member (o, "grade", entry->grade ? entry->grade : "");
  json_object_set_string_member (o, "tags", entry->tag_names ? entry->tag_names : "");
  if (lane != CF_TIMELINE_LANE_NONE)
    {
      g_autofree char *name = cf_timeline_entry_get_lane (entry, lane);

      json_object_set_string_member (o, "lane", name);
    }
  return o;
}

/* One Timesketch event: the three required fields first, then our attributes. */
static JsonObject *
entry_to_timesketch (const CfTimelineEntry *entry)
{
  JsonObject *o = json_object_new ();
  g_autofree char *datetime = format_utc (entry->earliest);
  g_autofree char *desc = timestamp_desc (entry);
  g_autofree char *when = cf_event_time_to_string (entry->time);

  json_object_set_string_member (o, "message", entry->quote ? entry->quote : "");
  json_object_set_string_member (o, "datetime", datetime);
  json_object_set_string_member (o, "timestamp_desc", desc);
  json_object_set_int_member (o, "timestamp", entry->earliest * G_USEC_PER_SEC);
  json_object_set_string_member (o, "source", entry->document_title ? entry->document_title : "");
  json_object_set_string_member (o, "grade", entry->grade ? entry->grade : "");
  json_object_set_int_member (o, "claim_id", entry->claim_id);
  json_object_set_string_member (o, "event_time", when);
  json_object_set_string_member (o, "precision", cf_precision_to_string (entry->time->precision));
  json_object_set_string_member (o, "actor", entry->actor ? entry->actor : "");
  json_object_set_string_member (o, "tags", entry->tag_names ? entry->tag_names : "");
  return o;
}

static JsonObject *
document_to_timesketch (const CfTimelineDocument *document)
{
  JsonObject *o = json_object_new ();
  g_autofree char *datetime = format_utc (document->earliest);
  gboolean published = document->published != NULL && *document->published;

  json_object_set_string_member (o, "message", document->title ? document->title : "");
  json_object_set_string_member (o, "datetime", datetime);
  json_object_set_string_member (o, "timestamp_desc", published ? "Publication time" : "Capture time");
  json_object_set_int_member (o, "timestamp", document->earliest * G_USEC_PER_SEC);
  json_object_set_string_member (o, "source", document->title ? document->title : "");
  json_object_set_int_member (o, "document_id", document->document_id);
  return o;
}

static void
print_json_line (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), o);
  g_autofree char *text = json_to_string (node, FALSE);

  json_object_unref (o);
  g_print ("%s\n", text);
}

static void
csv_field (GString    *line,
           const char *value,
           gboolean    last)
{
  const char *v = value != NULL ? value : "";

  /* RFC 4180: quote a field with a comma, quote or line break; double the quotes */
  if (strpbrk (v, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = v; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, v);
  g_string_append (line, last ? "\r\n" : ",");
}

static void
print_csv (GPtrArray *entries,
           GPtrArray *documents)
{
  g_autoptr(GString) out = g_string_new ("datetime,timestamp_desc,message,claim_id,event_time,precision,"
                                         "source,grade,actor,tags\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *datetime = format_utc (e->earliest);
      g_autofree char *desc = timestamp_desc (e);
      g_autofree char *id = g_strdup_printf ("%" PRId64, e->claim_id);
      g_autofree char *when = cf_event_time_to_string (e->time);

      csv_field (out, datetime, FALSE);
      csv_field (out, desc, FALSE);
      csv_field (out, e->quote, FALSE);
      csv_field (out, id, FALSE);
      csv_field (out, when, FALSE);
      csv_field (out, cf_precision_to_string (e->time->precision), FALSE);
      csv_field (out, e->document_title, FALSE);
      csv_field (out, e->grade, FALSE);
      csv_field (out, e->actor, FALSE);
      csv_field (out, e->tag_names, TRUE);
    }
  for (guint i = 0; i < documents->len; i++)
    {
      const CfTimelineDocument *d = g_ptr_array_index (documents, i);
      g_autofree char *datetime = format_utc (d->earliest);

      csv_field (out, datetime, FALSE);
      csv_field (out, d->published != NULL && *d->published ? "Publication time" : "Capture time", FALSE);
      csv_field (out, d->title, FALSE);
      for (guint k = 0; k < 3; k++)
        csv_field (out, "", FALSE);
      csv_field (out, d->title, FALSE);
      for (guint k = 0; k < 2; k++)
        csv_field (out, "", FALSE);
      csv_field (out, "", TRUE);
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_text (GPtrArray      *entries,
            GPtrArray      *documents,
            GPtrArray      *findings,
            CfTimelineLane  lane)
{
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func (g_free);

  /* lanes in the order their first claim happened */
  for (guint i = 0; i < entries->len; i++)
    {
      char *name = cf_timeline_entry_get_lane (g_ptr_array_index (entries, i), lane);

      if (!g_ptr_array_find_with_equal_func (lanes, name, g_str_equal, NULL))
        g_ptr_array_add (lanes, name);
      else
        g_free (name);
    }
  for (guint l = 0; l < lanes->len; l++)
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (5, _("When"), _("Claim"), _("Grade"), _("Source"),
                                                      _("Quote"));

      if (lane != CF_TIMELINE_LANE_NONE)
        g_print ("%s%s\n", l > 0 ? "\n" : "", (const char *) g_ptr_array_index (lanes, l));
      for (guint i = 0; i < entries->len; i++)
        {
          const CfTimelineEntry *e = g_ptr_array_index (entries, i);
          g_autofree char *name = cf_timeline_entry_get_lane (e, lane);
          g_autofree char *when = NULL;
          g_autofree char *id = NULL;

          if (strcmp (name, g_ptr_array_index (lanes, l)) != 0)
            continue;
          when = cf_event_time_to_string (e->time);
          id = g_strdup_printf ("%" PRId64, e->claim_id);
          cf_cli_table_add_row (table, when, id, e->grade, e->document_title, e->quote);
        }
      cf_cli_table_print (table);
    }
  if (documents->len > 0)
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (2, _("Published"), _("Source"));

      g_print ("\n");
      for (guint i = 0; i < documents->len; i++)
        {
          const CfTimelineDocument *d = g_ptr_array_index (documents, i);

          cf_cli_table_add_row (table, d->published != NULL && *d->published ? d->published : d->captured,
                                d->title);
        }
      cf_cli_table_print (table);
    }
  if (findings->len > 0)
    {
      g_print ("\n%s\n", _("Checks:"));
      for (guint i = 0; i < findings->len; i++)
        g_print ("  %s\n", ((CfTimelineFinding *) g_ptr_array_index (findings, i))->message);
    }
}

static void
print_json (CfCase         *kase,
            GPtrArray      *entries,
            GPtrArray      *documents,
            GPtrArray      *findings,
            CfTimelineLane  lane)
{
  JsonObject *o = json_object_new ();
  JsonArray *claims = json_array_new ();
  JsonArray *docs = json_array_new ();
  JsonArray *checks = json_array_new ();
  g_autofree char *zone = cf_case_dup_timezone (kase);
  CfPrecision required;
  static const char *kinds[] = { "disagree", "report-before-event", "too-coarse" };

  for (guint i = 0; i < entries->len; i++)
    json_array_add_object_element (claims, entry_to_json (g_ptr_array_index (entries, i), lane));
  for (guint i = 0; i < documents->len; i++)
    {
      const CfTimelineDocument *d = g_ptr_array_index (documents, i);
      JsonObject *doc = json_object_new ();
      g_autofree char *earliest = format_utc (d->earliest);

      json_object_set_int_member (doc, "document_id", d->document_id);
      json_object_set_string_member (doc, "title", d->title ? d->title : "");
      json_object_set_string_member (doc, "published", d->published);
      json_object_set_string_member (doc, "captured", d->captured);
      json_object_set_string_member (doc, "earliest", earliest);
      json_array_add_object_element (docs, doc);
    }
  for (guint i = 0; i < findings->len; i++)
    {
      const CfTimelineFinding *f = g_ptr_array_index (findings, i);
      JsonObject *finding = json_object_new ();

      json_object_set_string_member (finding, "kind", kinds[f->kind]);
      json_object_set_int_member (finding, "claim_id", f->claim_id);
      if (f->other_id != 0)
        json_object_set_int_member (finding, "other_id", f->other_id);
      json_object_set_string_member (finding, "message", f->message);
      json_array_add_object_element (checks, finding);
    }
  json_object_set_string_member (o, "timezone", zone);
  if (cf_case_get_required_precision (kase, &required))
    json_object_set_string_member (o, "required_precision", cf_precision_to_string (required));
  else
    json_object_set_null_member (o, "required_precision");
  json_object_set_array_member (o, "claims", claims);
  json_object_set_array_member (o, "documents", docs);
  json_object_set_array_member (o, "checks", checks);
  cf_cli_print_object (o);
}

typedef struct {
  const char  *zone;
  gboolean     change_precision;
  gboolean     has_precision;
  CfPrecision  precision;
} SetCase;

static gboolean
set_case_cb (CfCase   *kase,
             gpointer  data,
             GError  **error)
{
  SetCase *set = data;

  if (set->zone != NULL && !cf_case_set_timezone (kase, set->zone, error))
    return FALSE;
  return !set->change_precision
         || cf_case_set_required_precision (kase, set->has_precision ? &set->precision : NULL, error);
}

int
cf_cli_timeline (int    argc,
                 char **argv)
{
  gboolean json = FALSE, jsonl = FALSE, csv = FALSE;
  g_autofree char *lane_name = NULL;
  g_autofree char *set_zone = NULL;
  g_autofree char *set_precision = NULL;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { "lane", 'L', 0, G_OPTION_ARG_STRING, &lane_name, N_("Group claims by actor, source or tag"), N_("LANE") },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, N_("Print Timesketch-ready JSON lines"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print comma-separated values"), NULL },
    { "set-timezone", 0, 0, G_OPTION_ARG_STRING, &set_zone, N_("First set the case’s time zone (an IANA name; \"\" clears it)"), N_("ZONE") },
    { "set-precision", 0, 0, G_OPTION_ARG_STRING, &set_precision, N_("First set the precision the case needs: minute, hour, day, month, year or none"), N_("PRECISION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CfTimelineLane lane = CF_TIMELINE_LANE_NONE;
  CfPrecision required = CF_PRECISION_DAY;

  context = cf_cli_option_context_new (_("CASE"),
                                       _("Print the dated claims of a case in the order their "
                                         "events happened, with the documents’ publication "
                                         "times and the consistency checks: claims about one "
                                         "event whose times cannot overlap, reports dated "
                                         "before their event, dates coarser than the case "
                                         "needs. --jsonl writes events Timesketch imports "
                                         "(message, datetime, timestamp_desc)."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_n_args (argc, 1, 1, _("CASE")))
    return CF_CLI_EXIT_USAGE;
  if (lane_name != NULL && (!cf_timeline_lane_from_name (lane_name, &lane) || lane == CF_TIMELINE_LANE_HYPOTHESIS))
    {
      cf_cli_error (_("--lane takes actor, source or tag, not “%s”."), lane_name);
      return CF_CLI_EXIT_USAGE;
    }
  if (json + jsonl + csv > 1)
    {
      cf_cli_error (_("Choose one of --json, --jsonl and --csv."));
      return CF_CLI_EXIT_USAGE;
    }

  if (set_precision != NULL && strcmp (set_precision, "none") != 0
      && !cf_precision_from_string (set_precision, &required))
    {
      cf_cli_error (_("--set-precision takes minute, hour, day, month, year or none, not “%s”."),
                    set_precision);
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], set_zone == NULL && set_precision == NULL);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;
  if (set_zone != NULL || set_precision != NULL)
    {
      SetCase set = { set_zone, set_precision != NULL, set_precision != NULL && strcmp (set_precision, "none") != 0,
                      required };

      if (!cf_cli_run_action (kase, _("Change the case’s timeline settings"), set_case_cb, &set, &error))
        return cf_cli_report_error (error);
    }
  rows = cf_case_list_timeline (kase, &error);
  if (rows != NULL)
    documents = cf_case_list_document_times (kase, &error);
  if (documents != NULL)
    findings = cf_case_check_timeline (kase, &error);
  if (findings == NULL)
    {
      cf_cli_error (_("Cannot read the timeline of “%s”: %s"), argv[1], error->message);
      return CF_CLI_EXIT_FAILURE;
    }

  if (json)
    print_json (kase, rows, documents, findings, lane);
  else if (jsonl)
    {
      for (guint i = 0; i < rows->len; i++)
        print_json_line (entry_to_timesketch (g_ptr_array_index (rows, i)));
      for (guint i = 0; i < documents->len; i++)
        print_json_line (document_to_timesketch (g_ptr_array_index (documents, i)));
    }
  else if (csv)
    print_csv (rows, documents);
  else
    print_text (rows, documents, findings, lane);
  return CF_CLI_EXIT_OK;
}
