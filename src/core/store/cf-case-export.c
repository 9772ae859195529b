/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Provenance and export: the change log every action writes, and the whole case as
 * one JSON object (everything but the original bytes) for other tools. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

void
cf_change_entry_free (CfChangeEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->summary);
  g_free (entry);
}

GPtrArray *
cf_case_get_changes (CfCase  *self,
                     guint    limit,
                     GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_change_entry_free);
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  stmt = _cf_case_prepare (self, "SELECT id, at, summary FROM change_log ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfChangeEntry *entry = g_new0 (CfChangeEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->summary = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the change log"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Writes every row of @sql as an object with the column names as members. */
static gboolean
export_rows (CfCase       *self,
             JsonBuilder  *builder,
             const char   *member,
             const char   *sql,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Exporting the case"));
      return FALSE;
    }
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, i));
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_FLOAT:
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, i));
              break;
            case SQLITE_NULL:
              json_builder_add_null_value (builder);
              break;
            default:
              json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
              break;
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Exporting the case"));
      return FALSE;
    }
  return TRUE;
}

/* The incident's time zone and the time precision the case asks of its claims, as
 * members of the case object (null when not set). */
static gboolean
export_case_time (CfCase       *self,
                  JsonBuilder  *builder,
                  GError      **error)
{
  static const char *const members[] = { "timezone", "required_precision" };
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "SELECT timezone, required_precision FROM case_info",
                                             error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _cf_case_set_sqlite_error (error, self->db, SQLITE_CORRUPT, _("Exporting the case"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, i);

      json_builder_set_member_name (builder, members[i]);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  return TRUE;
}

char *
cf_json_to_text (JsonNode *node,
                 gboolean  pretty,
                 gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize text_length = 0;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &text_length);

  if (!g_utf8_validate_len (text, text_length, NULL))
    {
      g_autofree char *invalid = g_steal_pointer (&text);

      text = g_utf8_make_valid (invalid, text_length);
      text_length = strlen (text);
    }

  if (length != NULL)
    *length = text_length;
  return g_steal_pointer (&text);
}

JsonNode *
cf_case_export_json (CfCase  *self,
                     GError **error)
{
  static const struct { const char *member; const char *sql; } parts[] = {
    /* the SHA-256 of the file each document came from (one feed: one hash) */
    { "documents", "SELECT id, title, byline, publisher, url, published, imported, language, "
                   "captured, media_type, filename, note, parent_id, deceptive, "
                   "(SELECT sha256 FROM originals o WHERE o.id = original_id) AS sha256, "
                   "coalesce (original_end - original_start, "
                   "          (SELECT length (bytes) FROM originals o WHERE o.id = original_id)) "
                   "  AS original_size, "
                   "text_length, text FROM documents ORDER BY id" },
    { "document_pages", "SELECT document_id, page, start_offset, end_offset, label FROM document_pages "
                        "ORDER BY document_id, page" },
    { "actors", "SELECT id, name, description, deceptive FROM actors ORDER BY id" },
    { "tags", "SELECT id, parent_id, name, color FROM tags ORDER BY id" },
    { "hypotheses", "SELECT id, title, description, likelihood, confidence FROM hypotheses ORDER BY id" },
    /* a quote points into its document; an assumption or absence has none */
    { "claims", "SELECT id, kind, document_id, start_offset, end_offset, quote, prefix, suffix, paraphrase, "
                "actor_id, reliability, credibility, likelihood, confidence, event_date, event_end, "
                "event_precision, event_timezone, event_approximate, relevance, weight, created, modified "
                "FROM claims ORDER BY id" },
    { "claim_links", "SELECT claim_id, other_id FROM claim_links ORDER BY claim_id, other_id" },
    { "claim_tags", "SELECT claim_id, tag_id FROM claim_tags ORDER BY claim_id, rowid" },
    { "claim_hypotheses", "SELECT claim_id, hypothesis_id, relation FROM claim_hypotheses "
                          "ORDER BY claim_id, hypothesis_id" },
    { "indicators", "SELECT id, hypothesis_id, description, status, claim_id, created, modified "
                    "FROM indicators ORDER BY id" },
    { "notes", "SELECT id, target, target_id, body, created, modified FROM notes ORDER BY id" },
    { "changes", "SELECT id, at, summary FROM change_log ORDER BY id" },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_open (self, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "casefile");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CF_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "case");
  json_builder_begin_object (builder);
  for (CfCaseField i = CF_CASE_FIELD_TITLE; i <= CF_CASE_FIELD_ANALYST; i++)
    {
      json_builder_set_member_name (builder, cf_case_field_to_name (i));
      json_builder_add_string_value (builder, cf_case_get_info (self, i));
    }
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_string_value (builder, cf_case_get_case_id (self));
  if (!export_case_time (self, builder, error))
    return NULL;
  json_builder_end_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!export_rows (self, builder, parts[i].member, parts[i].sql, error))
      return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

