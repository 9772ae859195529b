/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case's side of the timeline: a claim's event time (date, end, precision, zone,
 * approximation) written and read as one, the case's home zone and required precision,
 * the analyst's links between claims about the same event, and the lists the timeline
 * view, the brief and the CLI draw from. Every write is one undoable edit. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"
#include "cf-case-timeline.h"

/* a case with more dated claims than this is not drawn whole */
#define MAX_TIMELINE_ROWS 2000000

gboolean
cf_case_set_claim_event_time (CfCase            *self,
                              gint64             claim_id,
                              const CfEventTime *time,
                              GError           **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (time != NULL)
    {
      g_autoptr(GTimeZone) zone = NULL;
      g_autoptr(GError) local_error = NULL;

      if ((guint) time->precision > CF_PRECISION_LAST)
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("That is not a precision."));
          return FALSE;
        }
      if (time->timezone != NULL && (zone = cf_time_zone_new_checked (time->timezone, &local_error)) == NULL)
        {
          g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, local_error->message);
          return FALSE;
        }
      start = cf_event_time_format_local (time, FALSE);
      if (time->has_end)
        end = cf_event_time_format_local (time, TRUE);
    }

  CF_CASE_BEGIN_EDIT (_("Set the event date"));
  stmt = _cf_case_prepare (self,
                           "UPDATE claims SET event_date = ?2, event_end = ?3, event_precision = ?4, "
                           "event_timezone = ?5, event_approximate = ?6, modified = ?7 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  _cf_case_bind_text_or_null (stmt, 2, start);
  _cf_case_bind_text_or_null (stmt, 3, end);
  _cf_case_bind_text_or_null (stmt, 4, time != NULL ? cf_precision_to_string (time->precision) : NULL);
  _cf_case_bind_text_or_null (stmt, 5, time != NULL ? time->timezone : NULL);
  sqlite3_bind_int (stmt, 6, time != NULL && time->approximate);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Setting the event date"), error))
    return _cf_case_edit_failed (self);
  if (sqlite3_changes (self->db) == 0)
    {
      _cf_case_set_no_such_record (error, CF_RECORD_CLAIM, claim_id);
      return _cf_case_edit_failed (self);
    }
  return cf_case_end_action (self, error);
}

static CfEventTime *
event_time_from_row (sqlite3_stmt *stmt,
                     int           first,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  CfEventTime *time;

  time = cf_event_time_from_columns ((const char *) sqlite3_column_text (stmt, first),
                                     (const char *) sqlite3_column_text (stmt, first + 1),
                                     (const char *) sqlite3_column_text (stmt, first + 2),
                                     (const char *) sqlite3_column_text (stmt, first + 3),
                                     sqlite3_column_int (stmt, first + 4) != 0, &local_error);
  if (local_error != NULL)
    g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED, local_error->message);
  return time;
}

CfEventTime *
cf_case_get_claim_event_time (CfCase  *self,
                              gint64   claim_id,
                              GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  stmt = _cf_case_prepare (self,
                           "SELECT event_date, event_end, event_precision, event_timezone, "
                           "event_approximate FROM claims WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return event_time_from_row (stmt, 0, error);
  if (rc == SQLITE_DONE)
    _cf_case_set_no_such_record (error, CF_RECORD_CLAIM, claim_id);
  else
    _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the event date"));
  return NULL;
}

static char *
read_case_text (CfCase     *self,
                const char *sql)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
cf_case_dup_timezone (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, NULL))
    return NULL;
  return read_case_text (self, "SELECT timezone FROM case_info WHERE id = 1");
}

GTimeZone *
cf_case_get_time_zone (CfCase *self)
{
  g_autofree char *name = cf_case_dup_timezone (self);

  /* a zone this system lacks reads as unset rather than as UTC */
  return name != NULL ? cf_time_zone_new_checked (name, NULL) : NULL;
}

gboolean
cf_case_set_timezone (CfCase      *self,
                      const char  *timezone,
                      GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (timezone != NULL)
    clean = g_strstrip (g_strdup (timezone));
  if (clean != NULL && *clean != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GTimeZone) zone = cf_time_zone_new_checked (clean, &local_error);

      if (zone == NULL)
        {
          g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, local_error->message);
          return FALSE;
        }
    }
  return _cf_case_update_field (self, "UPDATE case_info SET timezone = ?2, modified = ?3 WHERE id = ?1",
                                1, CF_VALUE_TEXT_OR_NULL, clean, 0, _("Change the case’s time zone"),
                                CF_RECORD_CASE, error);
}

gboolean
cf_case_get_required_precision (CfCase      *self,
                                CfPrecision *precision)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail (precision != NULL, FALSE);

  if (!_cf_case_check_open (self, NULL))
    return FALSE;
  text = read_case_text (self, "SELECT required_precision FROM case_info WHERE id = 1");
  return cf_precision_from_string (text, precision);
}

gboolean
cf_case_set_required_precision (CfCase            *self,
                                const CfPrecision *precision,
                                GError           **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail (precision == NULL || (guint) *precision <= CF_PRECISION_LAST, FALSE);

  return _cf_case_update_field (self,
                                "UPDATE case_info SET required_precision = ?2, modified = ?3 WHERE id = ?1",
                                1, CF_VALUE_TEXT_OR_NULL,
                                precision != NULL ? cf_precision_to_string (*precision) : NULL, 0,
                                _("Change the required precision"), CF_RECORD_CASE, error);
}

static gboolean
link_step (CfCase      *self,
           const char  *sql,
           gint64       claim_id,
           gint64       other_id,
           const char  *label,
           GError     **error)
{
  g_autoptr(CfStmt) stmt = NULL;

  if (claim_id == other_id)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("A claim cannot be linked to itself."));
      return FALSE;
    }
  CF_CASE_BEGIN_EDIT (label);
  if (!_cf_case_record_exists (self, "SELECT 1 FROM claims WHERE id = ?1", claim_id, CF_RECORD_CLAIM, error)
      || !_cf_case_record_exists (self, "SELECT 1 FROM claims WHERE id = ?1", other_id, CF_RECORD_CLAIM, error))
    return _cf_case_edit_failed (self);
  stmt = _cf_case_prepare (self, sql, error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, MIN (claim_id, other_id));
  sqlite3_bind_int64 (stmt, 2, MAX (claim_id, other_id));
  if (!_cf_case_step_done (self, stmt, label, error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

gboolean
cf_case_link_claims (CfCase  *self,
                     gint64   claim_id,
                     gint64   other_id,
                     GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return link_step (self, "INSERT OR IGNORE INTO claim_links (claim_id, other_id) VALUES (?1, ?2)",
                    claim_id, other_id, _("Link two claims as one event"), error);
}

gboolean
cf_case_unlink_claims (CfCase  *self,
                       gint64   claim_id,
                       gint64   other_id,
                       GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return link_step (self, "DELETE FROM claim_links WHERE claim_id = ?1 AND other_id = ?2",
                    claim_id, other_id, _("Unlink two claims"), error);
}

GArray *
cf_case_list_claim_links (CfCase  *self,
                          gint64   claim_id,
                          GError **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  stmt = _cf_case_prepare (self,
                           "SELECT claim_id, other_id FROM claim_links "
                           "WHERE ?1 = 0 OR claim_id = ?1 OR other_id = ?1 ORDER BY claim_id, other_id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (pairs, pair, 2);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the links between claims"));
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

static void
entry_set_tags (CfTimelineEntry *entry,
                const char      *packed)
{
  g_auto(GStrv) items = NULL;
  GString *names;

  if (packed == NULL || *packed == '\0')
    return;
  names = g_string_new (NULL);
  entry->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  items = g_strsplit (packed, "\x1e", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "\x1f", 3);
      gint64 id;

      if (g_strv_length (parts) != 3)
        continue;
      id = g_ascii_strtoll (parts[0], NULL, 10);
      g_array_append_val (entry->tag_ids, id);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, parts[1]);
      if (entry->color == NULL)
        entry->color = g_strdup (parts[2]);
    }
  entry->tag_names = g_string_free (names, FALSE);
}

static gint
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const CfTimelineEntry *x = *(CfTimelineEntry * const *) a;
  const CfTimelineEntry *y = *(CfTimelineEntry * const *) b;

  if (x->earliest != y->earliest)
    return x->earliest < y->earliest ? -1 : 1;
  if (x->latest != y->latest)
    return x->latest < y->latest ? -1 : 1;
  return x->claim_id < y->claim_id ? -1 : x->claim_id > y->claim_id;
}

GPtrArray *
cf_case_list_timeline (CfCase  *self,
                       GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_entry_free);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  zone = cf_case_get_time_zone (self);
  /* claims_by_event gives the order; the sort below only reorders across zones */
  stmt = _cf_case_prepare (self,
                           "SELECT c.id, c.document_id, c.event_date, c.event_end, c.event_precision, "
                           "c.event_timezone, c.event_approximate, c.quote, d.title, d.published, "
                           "d.captured, c.actor_id, a.name, "
                           "CASE WHEN length (c.reliability) = 1 THEN instr ('ABCDEF', c.reliability) END, "
                           "CASE WHEN c.credibility BETWEEN 1 AND 6 THEN c.credibility END, "
                           "(SELECT group_concat (x.tag_id || char (31) || x.name || char (31) || x.color, char (30)) "
                           " FROM (SELECT ct.tag_id, t.name, t.color FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
                           "       WHERE ct.claim_id = c.id ORDER BY ct.rowid) x) "
                           "FROM claims c "
                           "LEFT JOIN documents d ON d.id = c.document_id "
                           "LEFT JOIN actors a ON a.id = c.actor_id "
                           "WHERE c.event_date IS NOT NULL ORDER BY c.event_date, c.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && entries->len < MAX_TIMELINE_ROWS)
    {
      CfEventTime *time = event_time_from_row (stmt, 2, NULL);
      CfTimelineEntry *entry;

      if (time == NULL)
        continue;
      entry = cf_timeline_entry_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), time);
      entry->quote = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      entry->document_title = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      entry->published = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      entry->captured = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      entry->actor_id = sqlite3_column_int64 (stmt, 11);
      entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      entry->grade = cf_rating_format_grade (sqlite3_column_int (stmt, 13), sqlite3_column_int (stmt, 14));
      entry_set_tags (entry, (const char *) sqlite3_column_text (stmt, 15));
      cf_timeline_entry_resolve (entry, zone);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the dated claims"));
      return NULL;
    }
  g_ptr_array_sort (entries, entry_compare);
  return g_steal_pointer (&entries);
}

GArray *
cf_case_list_claims_in_range (CfCase  *self,
                              gint64   earliest,
                              gint64   latest,
                              GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  zone = cf_case_get_time_zone (self);
  stmt = _cf_case_prepare (self,
                           "SELECT id, event_date, event_end, event_precision, event_timezone, event_approximate "
                           "FROM claims WHERE event_date IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CfEventTime) time = event_time_from_row (stmt, 1, NULL);
      gint64 e, l, id;

      if (time == NULL)
        continue;
      cf_event_time_get_interval (time, zone, &e, &l);
      id = sqlite3_column_int64 (stmt, 0);
      if (e < latest && earliest < l)
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the dated claims"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gint
document_compare (gconstpointer a,
                  gconstpointer b)
{
  const CfTimelineDocument *x = *(CfTimelineDocument * const *) a;
  const CfTimelineDocument *y = *(CfTimelineDocument * const *) b;

  if (x->earliest != y->earliest)
    return x->earliest < y->earliest ? -1 : 1;
  return x->document_id < y->document_id ? -1 : x->document_id > y->document_id;
}

GPtrArray *
cf_case_list_document_times (CfCase  *self,
                             GError **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_document_free);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;
  zone = cf_case_get_time_zone (self);
  stmt = _cf_case_prepare (self,
                           "SELECT id, title, published, captured FROM documents "
                           "WHERE published IS NOT NULL OR captured IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CfTimelineDocument) document = g_new0 (CfTimelineDocument, 1);
      const char *when;

      document->document_id = sqlite3_column_int64 (stmt, 0);
      document->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      document->published = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      document->captured = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      when = document->published != NULL && *document->published ? document->published : document->captured;
      if (!cf_document_time_parse (when, zone, &document->earliest, &document->latest))
        continue;
      g_ptr_array_add (documents, g_steal_pointer (&document));
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the documents’ dates"));
      return NULL;
    }
  g_ptr_array_sort (documents, document_compare);
  return g_steal_pointer (&documents);
}

GPtrArray *
cf_case_check_timeline (CfCase  *self,
                        GError **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  CfPrecision required;
  gboolean has_required;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  entries = cf_case_list_timeline (self, error);
  if (entries == NULL)
    return NULL;
  links = cf_case_list_claim_links (self, 0, error);
  if (links == NULL)
    return NULL;
  zone = cf_case_get_time_zone (self);
  has_required = cf_case_get_required_precision (self, &required);
  return cf_timeline_check (entries, links, zone, has_required ? &required : NULL);
}
