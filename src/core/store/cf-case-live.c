/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Live records: the identity map, change notifications and list queries.
 *
 * The identity map holds at most one object per record (per kind, id -> object,
 * weakly): whoever asks for claim 7 - a pane, a list, the inspector - gets the same
 * CfClaim, so a change reaches every view by notify:: on that one object. An object
 * leaves the map when its last reference goes (a weak ref keyed by its id, so no
 * search of the table is needed). Rows are read many ids per query (json_each) with
 * the SELECT each record file keeps beside its load_row.
 *
 * After each commit, undo or redo the changeset tells which rows changed: live
 * objects of those rows reload, the CfRecordLists requery, then record-changed
 * (per row) and records-changed (once, with a mask of kinds) are emitted. Claims
 * show document titles, actor names and tag colours, so a change to any of those
 * reloads every live claim; counts on the other kinds follow claim changes. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"
#include "cf-case-timeline.h"
#include "cf-records-private.h"
#include "cf-record-list-private.h"

static GObject *
record_new (CfRecordKind kind,
            gint64       id)
{
  switch (kind)
    {
    case CF_RECORD_DOCUMENT: return G_OBJECT (_cf_document_new (id));
    case CF_RECORD_ACTOR: return G_OBJECT (_cf_actor_new (id));
    case CF_RECORD_CLAIM: return G_OBJECT (_cf_claim_new (id));
    case CF_RECORD_TAG: return G_OBJECT (_cf_tag_new (id));
    case CF_RECORD_NOTE: return G_OBJECT (_cf_note_new (id));
    case CF_RECORD_HYPOTHESIS: return G_OBJECT (_cf_hypothesis_new (id));
    case CF_RECORD_CASE:
    case CF_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Each record file keeps the SELECT its load_row reads beside it. */
static const char * const record_select_sql[CF_N_RECORD_KINDS] = {
  [CF_RECORD_DOCUMENT] = _cf_document_select_sql,
  [CF_RECORD_ACTOR] = _cf_actor_select_sql,
  [CF_RECORD_CLAIM] = _cf_claim_select_sql,
  [CF_RECORD_TAG] = _cf_tag_select_sql,
  [CF_RECORD_NOTE] = _cf_note_select_sql,
  [CF_RECORD_HYPOTHESIS] = _cf_hypothesis_select_sql,
};

static void
record_load_row (GObject      *object,
                 CfRecordKind  kind,
                 sqlite3_stmt *stmt)
{
  switch (kind)
    {
    case CF_RECORD_DOCUMENT:
      _cf_document_load_row (CF_DOCUMENT (object), stmt, 1);
      break;
    case CF_RECORD_ACTOR:
      _cf_actor_load_row (CF_ACTOR (object), stmt, 1);
      break;
    case CF_RECORD_CLAIM:
      _cf_claim_load_row (CF_CLAIM (object), stmt, 1);
      break;
    case CF_RECORD_TAG:
      _cf_tag_load_row (CF_TAG (object), stmt, 1);
      break;
    case CF_RECORD_NOTE:
      _cf_note_load_row (CF_NOTE (object), stmt, 1);
      break;
    case CF_RECORD_HYPOTHESIS:
      _cf_hypothesis_load_row (CF_HYPOTHESIS (object), stmt, 1);
      break;
    case CF_RECORD_CASE:
    case CF_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* An entry of the identity map: the key is its own id field, so one allocation per
 * live object; the object's weak ref removes it. */
typedef struct
{
  gint64      id;
  GHashTable *table;
  GObject    *object;
} LiveRef;

static void
object_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  LiveRef *ref = data;

  g_hash_table_remove (ref->table, &ref->id);
  g_free (ref);
}

void
_cf_case_init_live (CfCase *self)
{
  for (guint kind = CF_RECORD_DOCUMENT; kind < CF_N_RECORD_KINDS; kind++)
    self->objects[kind] = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/* Objects may outlive the case: detach them from the map before it goes. */
void
_cf_case_clear_live (CfCase *self)
{
  for (guint kind = 0; kind < CF_N_RECORD_KINDS; kind++)
    {
      GHashTableIter iter;
      gpointer value;

      if (self->objects[kind] == NULL)
        continue;
      g_hash_table_iter_init (&iter, self->objects[kind]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          LiveRef *ref = value;

          g_object_weak_unref (ref->object, object_finalized_cb, ref);
          g_free (ref);
        }
      g_clear_pointer (&self->objects[kind], g_hash_table_destroy);
    }
}

/* a JSON array of ids: "-9223372036854775808" and a comma each; room on the stack
 * for a list's block (cf-record-list.c reads 256 at a time) */
#define JSON_ID_CHARS 21
#define JSON_ON_STACK (3 + 256 * JSON_ID_CHARS)

static inline GObject *
live_lookup (GHashTable   *cache,
             const gint64 *id)
{
  LiveRef *ref = g_hash_table_lookup (cache, id);

  return ref != NULL ? ref->object : NULL;
}

/* Loads (or refreshes) the objects for @ids, in one query. Each found object is added
 * to @out (if not NULL) in the order of @ids; missing ids are skipped. */
static gboolean
load_records (CfCase        *self,
              CfRecordKind   kind,
              const gint64  *ids,
              guint          n_ids,
              gboolean       refresh,
              GPtrArray     *out,
              GError       **error)
{
  GHashTable *cache = self->objects[kind];
  /* the ids as a JSON array: on the stack for a list's block, so that reading many
   * blocks does not allocate (and make malloc tidy up) a buffer for each */
  char stack_json[JSON_ON_STACK];
  g_autofree char *heap_json = NULL;
  gsize json_size = 2 + (gsize) n_ids * JSON_ID_CHARS + 1;
  char *json = json_size <= sizeof stack_json ? stack_json : (heap_json = g_malloc (json_size));
  gsize json_len = 0;
  /* holds the objects made here until @out takes its own references */
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfStmt) stmt = NULL;
  guint n_missing = 0;
  int rc;

  json[json_len++] = '[';
  for (guint i = 0; i < n_ids; i++)
    {
      if (!refresh && g_hash_table_contains (cache, &ids[i]))
        continue;
      if (n_missing++ > 0)
        json[json_len++] = ',';
      json_len += g_snprintf (json + json_len, json_size - json_len, "%" G_GINT64_FORMAT, ids[i]);
    }
  json[json_len++] = ']';

  if (n_missing > 0)
    {
      stmt = _cf_case_prepare (self, record_select_sql[kind], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, json, json_len, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          GObject *object = live_lookup (cache, &id);

          if (object == NULL)
            {
              LiveRef *ref = g_new (LiveRef, 1);

              object = record_new (kind, id);
              ref->id = id;
              ref->table = cache;
              ref->object = object;
              g_hash_table_insert (cache, &ref->id, ref);
              g_object_weak_ref (object, object_finalized_cb, ref);
              g_ptr_array_add (made, object);
              /* nobody holds it yet: nothing to notify */
              _cf_record_set_quiet (TRUE);
              record_load_row (object, kind, stmt);
              _cf_record_set_quiet (FALSE);
              continue;
            }
          record_load_row (object, kind, stmt);
        }
      if (rc != SQLITE_DONE)
        {
          _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the case"));
          return FALSE;
        }
    }

  if (out != NULL)
    {
      for (guint i = 0; i < n_ids; i++)
        {
          GObject *object = live_lookup (cache, &ids[i]);

          if (object != NULL)
            g_ptr_array_add (out, g_object_ref (object));
        }
    }

  return TRUE;
}

gboolean
_cf_case_load_records (CfCase        *self,
                       CfRecordKind   kind,
                       const gint64  *ids,
                       guint          n_ids,
                       GPtrArray     *out,
                       GError       **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail (kind > CF_RECORD_CASE && kind < CF_N_RECORD_KINDS, FALSE);

  if (!_cf_case_check_open (self, error))
    return FALSE;
  return load_records (self, kind, ids, n_ids, FALSE, out, error);
}

gpointer
_cf_case_get_record (CfCase        *self,
                     CfRecordKind   kind,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_cf_case_check_open (self, error))
    return NULL;
  if (!load_records (self, kind, &id, 1, FALSE, out, error))
    return NULL;
  if (out->len == 0)
    {
      _cf_case_set_no_such_record (error, kind, id);
      return NULL;
    }
  return g_object_ref (out->pdata[0]);
}

/* Refreshes every live object of @kind (counts and joined names may have changed). */
static void
refresh_live (CfCase       *self,
              CfRecordKind  kind)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->objects[kind]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  if (ids->len > 0)
    load_records (self, kind, (const gint64 *) (gpointer) ids->data, ids->len, TRUE, NULL, NULL);
}

static CfRecordKind
kind_for_table (const char *table,
                gboolean   *is_link)
{
  *is_link = FALSE;
  if (strcmp (table, "documents") == 0)
    return CF_RECORD_DOCUMENT;
  if (strcmp (table, "actors") == 0)
    return CF_RECORD_ACTOR;
  if (strcmp (table, "claims") == 0)
    return CF_RECORD_CLAIM;
  if (strcmp (table, "tags") == 0)
    return CF_RECORD_TAG;
  if (strcmp (table, "notes") == 0)
    return CF_RECORD_NOTE;
  if (strcmp (table, "hypotheses") == 0)
    return CF_RECORD_HYPOTHESIS;
  if (strcmp (table, "claim_tags") == 0 || strcmp (table, "claim_hypotheses") == 0)
    {
      *is_link = TRUE;
      return CF_RECORD_CLAIM;
    }
  return CF_RECORD_CASE;
}

/* After a commit (or undo, redo): tell objects, lists and listeners what changed. */
void
_cf_case_notify_changeset (CfCase *self,
                           void   *changeset,
                           int     size)
{
  sqlite3_changeset_iter *iter = NULL;
  guint mask = 0;
  GArray *changes[CF_N_RECORD_KINDS] = { NULL };
  typedef struct { gint64 id; CfChange change; } RowChange;

  if (changeset == NULL)
    {
      mask = (1u << CF_N_RECORD_KINDS) - 1;
    }
  else if (sqlite3changeset_start (&iter, size, changeset) == SQLITE_OK)
    {
      while (sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *table;
          int n_cols, op, indirect;
          sqlite3_value *value = NULL;
          gboolean is_link;
          CfRecordKind kind;
          RowChange row;

          sqlite3changeset_op (iter, &table, &n_cols, &op, &indirect);
          kind = kind_for_table (table, &is_link);
          mask |= 1u << kind;
          if (kind == CF_RECORD_CASE)
            continue;
          if (op == SQLITE_INSERT)
            sqlite3changeset_new (iter, 0, &value);
          else
            sqlite3changeset_old (iter, 0, &value);
          if (value == NULL)
            continue;
          row.id = sqlite3_value_int64 (value);
          row.change = is_link || op == SQLITE_UPDATE ? CF_CHANGE_UPDATED
                       : op == SQLITE_INSERT ? CF_CHANGE_INSERTED : CF_CHANGE_DELETED;
          if (strcmp (table, "claim_hypotheses") == 0)
            mask |= 1u << CF_RECORD_HYPOTHESIS;
          if (strcmp (table, "claim_tags") == 0)
            mask |= 1u << CF_RECORD_TAG;
          if (changes[kind] == NULL)
            changes[kind] = g_array_new (FALSE, FALSE, sizeof (RowChange));
          g_array_append_val (changes[kind], row);
        }
      sqlite3changeset_finalize (iter);
    }

  if (mask & (1u << CF_RECORD_CASE))
    _cf_case_load_info (self, NULL);

  /* Claims show names and colours of documents, actors and tags: when those change,
   * every live claim is reloaded; otherwise only the claims that changed. Counts on
   * the other kinds follow from claims. */
  for (guint kind = CF_RECORD_DOCUMENT; kind < CF_N_RECORD_KINDS; kind++)
    {
      if (kind == CF_RECORD_CLAIM
          && changes[kind] != NULL
          && !(mask & ((1u << CF_RECORD_DOCUMENT) | (1u << CF_RECORD_ACTOR) | (1u << CF_RECORD_TAG))))
        {
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

          for (guint i = 0; i < changes[kind]->len; i++)
            {
              RowChange *row = &g_array_index (changes[kind], RowChange, i);

              if (g_hash_table_contains (self->objects[kind], &row->id))
                g_array_append_val (ids, row->id);
            }
          if (ids->len > 0)
            load_records (self, kind, (const gint64 *) (gpointer) ids->data, ids->len, TRUE, NULL, NULL);
          continue;
        }
      if ((mask & (1u << kind))
          || (kind == CF_RECORD_CLAIM
              && (mask & ((1u << CF_RECORD_DOCUMENT) | (1u << CF_RECORD_ACTOR) | (1u << CF_RECORD_TAG))))
          || (kind != CF_RECORD_NOTE && (mask & (1u << CF_RECORD_CLAIM))))
        refresh_live (self, kind);
    }

  for (GList *l = self->lists; l != NULL; l = l->next)
    _cf_record_list_case_changed (l->data, mask);

  for (guint kind = CF_RECORD_DOCUMENT; kind < CF_N_RECORD_KINDS; kind++)
    {
      if (changes[kind] == NULL)
        continue;
      for (guint i = 0; i < changes[kind]->len; i++)
        {
          RowChange *row = &g_array_index (changes[kind], RowChange, i);

          _cf_case_emit_record_changed (self, kind, row->id, row->change);
        }
      g_array_unref (changes[kind]);
    }
  if (mask & (1u << CF_RECORD_CASE))
    _cf_case_emit_record_changed (self, CF_RECORD_CASE, 1, CF_CHANGE_UPDATED);

  _cf_case_emit_records_changed (self, mask);
}

void
_cf_case_add_list (CfCase       *self,
                   CfRecordList *list)
{
  self->lists = g_list_prepend (self->lists, list);
}

void
_cf_case_remove_list (CfCase       *self,
                      CfRecordList *list)
{
  self->lists = g_list_remove (self->lists, list);
}

GArray *
_cf_case_query_ids (CfCase            *self,
                    const CfListQuery *query,
                    GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *like = NULL;
  g_autofree char *event_ids = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *dir = query->descending ? "DESC" : "ASC";
  int rc;

  if (!_cf_case_check_open (self, error))
    return NULL;

  switch (query->kind)
    {
    case CF_RECORD_DOCUMENT:
      g_string_append (sql, "SELECT id FROM documents ORDER BY id");
      break;
    case CF_RECORD_ACTOR:
      g_string_append (sql, "SELECT id FROM actors ORDER BY name COLLATE NOCASE, id");
      break;
    case CF_RECORD_HYPOTHESIS:
      g_string_append (sql, "SELECT id FROM hypotheses ORDER BY id");
      break;
    case CF_RECORD_NOTE:
      if (query->note_target == CF_NOTE_TARGET_CLAIM && query->note_target_id == 0)
        /* every claim's notes, in the claims' reading order */
        g_string_append (sql, "SELECT n.id FROM notes n JOIN claims c ON c.id = n.target_id"
                              " WHERE n.target = ?1 AND ?2 = 0"
                              " ORDER BY c.document_id IS NULL, c.document_id, c.start_offset, c.id, n.id");
      else
        g_string_append (sql, "SELECT id FROM notes WHERE target = ?1 AND target_id = ?2 ORDER BY id");
      break;
    case CF_RECORD_TAG:
      /* depth-first: siblings by name, children right after their parent */
      g_string_append (sql,
                       "WITH RECURSIVE tree (id, key, depth) AS ("
                       " SELECT id, lower (name) || char (31) || id, 0 FROM tags WHERE parent_id IS NULL"
                       " UNION ALL"
                       " SELECT t.id, tree.key || char (30) || lower (t.name) || char (31) || t.id, tree.depth + 1"
                       " FROM tags t JOIN tree ON t.parent_id = tree.id WHERE tree.depth < 32) "
                       "SELECT id FROM tree ORDER BY key");
      break;
    case CF_RECORD_CLAIM:
      g_string_append (sql, "SELECT c.id FROM claims c");
      if (query->sort == CF_CLAIM_SORT_DOCUMENT)
        /* LEFT: assumptions and absences have no document */
        g_string_append (sql, " LEFT JOIN documents d ON d.id = c.document_id");
      if (query->sort == CF_CLAIM_SORT_ACTOR || query->text != NULL)
        g_string_append (sql, " LEFT JOIN actors a ON a.id = c.actor_id");
      g_string_append (sql, " WHERE 1");
      if (query->document_id > 0)
        g_string_append (sql, " AND c.document_id = ?1");
      if (query->tag_id > 0)
        g_string_append (sql,
                         " AND c.id IN (WITH RECURSIVE sub (id, depth) AS ("
                         "  SELECT ?2, 0 UNION ALL"
                         "  SELECT t.id, sub.depth + 1 FROM tags t JOIN sub ON t.parent_id = sub.id"
                         "  WHERE sub.depth < 32)"
                         " SELECT ct.claim_id FROM claim_tags ct WHERE ct.tag_id IN (SELECT id FROM sub))");
      if (query->hypothesis_id > 0)
        g_string_append (sql, " AND c.id IN (SELECT claim_id FROM claim_hypotheses WHERE hypothesis_id = ?3)");
      if (query->actor_id > 0)
        g_string_append (sql, " AND c.actor_id = ?4");
      if (query->event_to > query->event_from)
        {
          /* zones and precisions make the overlap a question for C, not for SQL */
          g_autoptr(GArray) in_range = cf_case_list_claims_in_range (self, query->event_from, query->event_to, error);
          GString *json = g_string_new ("[");

          if (in_range == NULL)
            {
              g_string_free (json, TRUE);
              return NULL;
            }
          for (guint i = 0; i < in_range->len; i++)
            g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (in_range, gint64, i));
          g_string_append_c (json, ']');
          event_ids = g_string_free (json, FALSE);
          g_string_append (sql, " AND c.id IN (SELECT value FROM json_each (:event_ids))");
        }
      if (query->text != NULL)
        g_string_append (sql,
                         " AND (c.quote LIKE ?5 ESCAPE '\\' OR c.paraphrase LIKE ?5 ESCAPE '\\'"
                         " OR a.name LIKE ?5 ESCAPE '\\')");
      switch (query->sort)
        {
        case CF_CLAIM_SORT_POSITION:
          g_string_append_printf (sql, " ORDER BY c.document_id %s, c.start_offset %s, c.id %s", dir, dir, dir);
          break;
        case CF_CLAIM_SORT_CREATED:
          g_string_append_printf (sql, " ORDER BY c.id %s", dir);
          break;
        case CF_CLAIM_SORT_QUOTE:
          g_string_append_printf (sql, " ORDER BY c.quote COLLATE NOCASE %s, c.id", dir);
          break;
        case CF_CLAIM_SORT_ACTOR:
          g_string_append_printf (sql, " ORDER BY a.name IS NULL, a.name COLLATE NOCASE %s, c.id", dir);
          break;
        case CF_CLAIM_SORT_GRADE:
          g_string_append_printf (sql, " ORDER BY c.reliability IS NULL, c.reliability %s, "
                                  "c.credibility IS NULL, c.credibility %s, c.id", dir, dir);
          break;
        case CF_CLAIM_SORT_LIKELIHOOD:
          g_string_append_printf (sql, " ORDER BY c.likelihood IS NULL, c.likelihood %s, c.id", dir);
          break;
        case CF_CLAIM_SORT_CONFIDENCE:
          g_string_append_printf (sql, " ORDER BY c.confidence IS NULL, c.confidence %s, c.id", dir);
          break;
        case CF_CLAIM_SORT_DOCUMENT:
          g_string_append_printf (sql, " ORDER BY d.title COLLATE NOCASE %s, c.document_id, c.start_offset, c.id", dir);
          break;
        default:
          g_string_append (sql, " ORDER BY c.id");
          break;
        }
      break;
    case CF_RECORD_CASE:
    case CF_N_RECORD_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Listing the case"));
      return NULL;
    }

  if (query->kind == CF_RECORD_NOTE)
    {
      sqlite3_bind_text (stmt, 1, cf_note_target_to_code (query->note_target), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, query->note_target == CF_NOTE_TARGET_CASE ? 0 : query->note_target_id);
    }
  else if (query->kind == CF_RECORD_CLAIM)
    {
      if (query->document_id > 0)
        sqlite3_bind_int64 (stmt, 1, query->document_id);
      if (query->tag_id > 0)
        sqlite3_bind_int64 (stmt, 2, query->tag_id);
      if (query->hypothesis_id > 0)
        sqlite3_bind_int64 (stmt, 3, query->hypothesis_id);
      if (query->actor_id > 0)
        sqlite3_bind_int64 (stmt, 4, query->actor_id);
      if (event_ids != NULL)
        sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":event_ids"), event_ids, -1, SQLITE_STATIC);
      if (query->text != NULL)
        {
          GString *pattern = g_string_new ("%");

          for (const char *p = query->text; *p; p++)
            {
              if (*p == '%' || *p == '_' || *p == '\\')
                g_string_append_c (pattern, '\\');
              g_string_append_c (pattern, *p);
            }
          g_string_append_c (pattern, '%');
          like = g_string_free (pattern, FALSE);
          sqlite3_bind_text (stmt, 5, like, -1, SQLITE_STATIC);
        }
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Listing the case"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GListModel *
new_list (CfCase       *self,
          CfRecordKind  kind)
{
  CfRecordList *list = _cf_record_list_new (self, kind);

  _cf_record_list_requery (list);
  return G_LIST_MODEL (list);
}

GListModel *
cf_case_list_documents (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return new_list (self, CF_RECORD_DOCUMENT);
}

GListModel *
cf_case_list_actors (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return new_list (self, CF_RECORD_ACTOR);
}

GListModel *
cf_case_list_tags (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return new_list (self, CF_RECORD_TAG);
}

GListModel *
cf_case_list_hypotheses (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return new_list (self, CF_RECORD_HYPOTHESIS);
}

GListModel *
cf_case_list_claims (CfCase *self)
{
  CfRecordList *list;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  /* read when first looked at, after the caller's filters and sort */
  list = _cf_record_list_new (self, CF_RECORD_CLAIM);
  _cf_record_list_defer (list);
  return G_LIST_MODEL (list);
}

GListModel *
cf_case_list_notes (CfCase       *self,
                    CfNoteTarget  target,
                    gint64        target_id)
{
  CfRecordList *list;
  CfListQuery *query;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  list = _cf_record_list_new (self, CF_RECORD_NOTE);
  query = _cf_record_list_get_query (list);
  query->note_target = target;
  query->note_target_id = target_id;
  _cf_record_list_requery (list);
  return G_LIST_MODEL (list);
}
