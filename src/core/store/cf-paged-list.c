/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfPagedList: the claims and sources panes' models for cases of a million claims.
 * Where the order has an index (claims_by_document for the reading order, the rowid
 * for creation, documents_by_parent for the sources) the count is one COUNT and a
 * page is one LIMIT/OFFSET query, read when a row of it is first asked for: opening
 * a case reads the rows the window shows and nothing else. A sort or filter without
 * such an index (quote, actor, grade, tag, search, time span) is a user's request
 * after the window is up: the ids the query selects are read once, in SQL's order,
 * as CfRecordList does.
 *
 * Changes: after each commit, undo or redo the case emits record-changed per row and
 * records-changed once; a few rows added or deleted become one items-changed over
 * their span, anything else one items-changed over the whole list. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-case-private.h"
#include "cf-paged-list.h"
#include "cf-record-list-private.h"

/* Rows per query; the last few pages read are kept. */
#define PAGE_SIZE  256
#define MAX_PAGES  16
/* More rows changed at once than this and the whole list is said to change. */
#define MAX_TRACKED_CHANGES 16
/* Attachments nested deeper than this, or in a loop, go to the top of the tree. */
#define MAX_NESTING 32

typedef enum
{
  LIST_CLAIMS,
  LIST_DOCUMENTS,
  LIST_TOP_DOCUMENTS,
  LIST_ATTACHMENTS,
} ListKind;

typedef struct
{
  gint64   id;
  CfChange change;
} Pending;

struct _CfPagedList
{
  GObject      parent_instance;

  CfCase      *kase;
  ListKind     list;
  CfListQuery  query;        /* claims: filters and sort; every list: the record kind */
  gint64       parent_id;    /* LIST_ATTACHMENTS */

  gboolean     read;         /* count (and ids, if any) known */
  guint        n_items;
  GArray      *ids;          /* NULL while paged */
  GHashTable  *pages;        /* page index -> GPtrArray of objects (NULL slots allowed) */
  GQueue       recent;       /* page indices, most recent first */

  GArray      *orphans;      /* LIST_TOP_DOCUMENTS: attachments shown at the top, by id */
  GHashTable  *parents;      /* LIST_TOP_DOCUMENTS: ids of documents with attachments */

  GArray      *pending;      /* Pending, since the last records-changed */
  GError      *error;
};

static void cf_paged_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfPagedList, cf_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cf_paged_list_model_init))

static void
note_error (CfPagedList *self,
            GError      *error)
{
  /* a closed case lists nothing; anything else is worth a warning */
  if (!g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED))
    g_warning ("Could not list the case: %s", error->message);
  if (self->error == NULL)
    self->error = g_error_copy (error);
}

static gboolean
is_paged (CfPagedList *self)
{
  const CfListQuery *q = &self->query;

  switch (self->list)
    {
    case LIST_CLAIMS:
      return q->tag_id == 0 && q->hypothesis_id == 0 && q->actor_id == 0 && q->text == NULL
             && q->event_to <= q->event_from
             && (q->sort == CF_CLAIM_SORT_POSITION || q->sort == CF_CLAIM_SORT_CREATED);
    case LIST_TOP_DOCUMENTS:
      return self->orphans == NULL || self->orphans->len == 0;
    case LIST_DOCUMENTS:
    case LIST_ATTACHMENTS:
    default:
      return TRUE;
    }
}

/* "FROM … WHERE …" of a paged list (always with a WHERE, so more can be ANDed). */
static void
append_from (CfPagedList *self,
             GString     *sql)
{
  switch (self->list)
    {
    case LIST_CLAIMS:
      g_string_append (sql, " FROM claims WHERE 1");
      if (self->query.document_id > 0)
        g_string_append_printf (sql, " AND document_id = %" G_GINT64_FORMAT, self->query.document_id);
      break;
    case LIST_DOCUMENTS:
      g_string_append (sql, " FROM documents WHERE 1");
      break;
    case LIST_TOP_DOCUMENTS:
      /* documents_by_parent holds the rowid after parent_id: in id order already */
      g_string_append (sql, " FROM documents WHERE parent_id IS NULL");
      break;
    case LIST_ATTACHMENTS:
      g_string_append_printf (sql, " FROM documents WHERE parent_id = %" G_GINT64_FORMAT, self->parent_id);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
append_order (CfPagedList *self,
              GString     *sql)
{
  const char *dir = self->query.descending ? "DESC" : "ASC";

  /* the same orders as _cf_case_query_ids() */
  if (self->list == LIST_CLAIMS && self->query.sort == CF_CLAIM_SORT_POSITION)
    g_string_append_printf (sql, " ORDER BY document_id %s, start_offset %s, id %s", dir, dir, dir);
  else if (self->list == LIST_CLAIMS)
    g_string_append_printf (sql, " ORDER BY id %s", dir);
  else
    g_string_append (sql, " ORDER BY id");
}

/* Runs @sql, appending column 0 of each row to @ids (if not NULL), or returning the
 * first row's column 0 in @value. */
static gboolean
run_query (CfPagedList  *self,
           const char   *sql,
           const gint64 *binds,
           guint         n_binds,
           GArray       *ids,
           gint64       *value,
           GError      **error)
{
  sqlite3 *db = self->kase->db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_cf_case_check_open (self->kase, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, db, rc, _("Listing the case"));
      return FALSE;
    }
  for (guint i = 0; i < n_binds; i++)
    sqlite3_bind_int64 (stmt, i + 1, binds[i]);
  if (value != NULL)
    *value = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);

      if (ids != NULL)
        g_array_append_val (ids, v);
      else
        {
          if (value != NULL)
            *value = v;
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, db, rc, _("Listing the case"));
      return FALSE;
    }
  return TRUE;
}

/* The documents with attachments, and the attachments that go to the top: one walk
 * over the attachments (documents_by_parent), never over every document. */
static gboolean
read_tree (CfPagedList  *self,
           GError      **error)
{
  g_autoptr(GHashTable) up = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) exists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  if (!run_query (self, "SELECT id FROM documents WHERE parent_id IS NOT NULL ORDER BY parent_id, id",
                  NULL, 0, pairs, NULL, error) ||
      !run_query (self, "SELECT parent_id FROM documents WHERE parent_id IS NOT NULL ORDER BY parent_id, id",
                  NULL, 0, parent_ids, NULL, error))
    return FALSE;

  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->orphans, g_array_unref);
  self->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->orphans = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < pairs->len && i < parent_ids->len; i++)
    {
      gint64 child = g_array_index (pairs, gint64, i);
      gint64 parent = g_array_index (parent_ids, gint64, i);

      g_hash_table_insert (up, g_memdup2 (&child, sizeof child), g_memdup2 (&parent, sizeof parent));
      g_hash_table_add (self->parents, g_memdup2 (&parent, sizeof parent));
    }

  g_hash_table_iter_init (&iter, up);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      gint64 parent = *(gint64 *) value;
      gboolean top = FALSE;
      guint depth = 0;
      gint64 *next;

      /* up the line of messages, to one attached to nothing */
      while ((next = g_hash_table_lookup (up, &parent)) != NULL)
        {
          if (parent == id || ++depth >= MAX_NESTING)
            {
              top = TRUE;
              break;
            }
          parent = *next;
        }
      if (!top && parent == id)
        top = TRUE;
      if (!top && !g_hash_table_contains (exists, &parent))
        {
          gint64 found = 0;
          gint64 bind = parent;

          if (!run_query (self, "SELECT count(*) FROM documents WHERE id = ?1", &bind, 1, NULL, &found, error))
            return FALSE;
          if (found == 0)
            top = TRUE;
          else
            g_hash_table_add (exists, g_memdup2 (&parent, sizeof parent));
        }
      if (top)
        g_array_append_val (self->orphans, id);
    }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids the list selects, all of them: for the orders without an index. */
static GArray *
query_all_ids (CfPagedList  *self,
               GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) sql = NULL;

  if (self->list == LIST_CLAIMS)
    return _cf_case_query_ids (self->kase, &self->query, error);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sql = g_string_new ("SELECT id");
  append_from (self, sql);
  append_order (self, sql);
  if (!run_query (self, sql->str, NULL, 0, ids, NULL, error))
    return NULL;
  if (self->list == LIST_TOP_DOCUMENTS && self->orphans != NULL && self->orphans->len > 0)
    {
      g_array_append_vals (ids, self->orphans->data, self->orphans->len);
      g_array_sort (ids, compare_ids);
    }
  return g_steal_pointer (&ids);
}

static void
clear_pages (CfPagedList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

/* Reads the count (and the ids, when not paged) as the case is now. */
static void
reload (CfPagedList *self)
{
  g_autoptr(GError) error = NULL;

  clear_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  self->n_items = 0;
  self->read = TRUE;

  if (self->list == LIST_TOP_DOCUMENTS && !read_tree (self, &error))
    {
      note_error (self, error);
      return;
    }

  if (is_paged (self))
    {
      g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
      gint64 count = 0;

      append_from (self, sql);
      if (!run_query (self, sql->str, NULL, 0, NULL, &count, &error))
        note_error (self, error);
      self->n_items = (guint) CLAMP (count, 0, G_MAXUINT - 1);
    }
  else
    {
      self->ids = query_all_ids (self, &error);
      if (self->ids == NULL)
        {
          note_error (self, error);
          self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      self->n_items = self->ids->len;
    }
}

static inline void
ensure_read (CfPagedList *self)
{
  if (G_UNLIKELY (!self->read) && self->kase != NULL)
    reload (self);
}

static gint64
record_id (CfRecordKind kind,
           gpointer     object)
{
  return kind == CF_RECORD_CLAIM ? cf_claim_get_id (object) : cf_document_get_id (object);
}

static GPtrArray *
load_page (CfPagedList *self,
           guint        page)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) page_ids = NULL;
  g_autoptr(GError) error = NULL;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->n_items - first);
  const gint64 *ids;
  GPtrArray *slots;
  guint j = 0;

  if (self->ids != NULL)
    ids = &g_array_index (self->ids, gint64, first);
  else
    {
      g_autoptr(GString) sql = g_string_new ("SELECT id");

      append_from (self, sql);
      append_order (self, sql);
      g_string_append_printf (sql, " LIMIT %u OFFSET %u", n, first);
      page_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      if (!run_query (self, sql->str, NULL, 0, page_ids, NULL, &error))
        {
          note_error (self, error);
          g_clear_error (&error);
        }
      ids = (const gint64 *) page_ids->data;
      n = MIN (n, page_ids->len);
    }

  if (n > 0 && !_cf_case_load_records (self->kase, self->query.kind, ids, n, found, &error))
    {
      g_warning ("Could not read rows of the case: %s", error->message);
      if (self->error == NULL)
        self->error = g_steal_pointer (&error);
    }

  /* @found follows the order of @ids but skips rows that vanished; a page shorter
   * than asked (rows deleted behind the count) has NULL slots too */
  slots = g_ptr_array_new_full (PAGE_SIZE, (GDestroyNotify) g_object_unref);
  for (guint i = 0; i < MIN (PAGE_SIZE, self->n_items - first); i++)
    {
      if (i < n && j < found->len && record_id (self->query.kind, found->pdata[j]) == ids[i])
        g_ptr_array_add (slots, g_object_ref (found->pdata[j++]));
      else
        g_ptr_array_add (slots, NULL);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), slots);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (self->recent.length > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
  return slots;
}

static GType
cf_paged_list_get_item_type (GListModel *model)
{
  CfPagedList *self = CF_PAGED_LIST (model);

  return self->query.kind == CF_RECORD_CLAIM ? CF_TYPE_CLAIM : CF_TYPE_DOCUMENT;
}

static guint
cf_paged_list_get_n_items (GListModel *model)
{
  CfPagedList *self = CF_PAGED_LIST (model);

  ensure_read (self);
  return self->n_items;
}

static gpointer
cf_paged_list_get_item (GListModel *model,
                        guint       position)
{
  CfPagedList *self = CF_PAGED_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *slots;
  gpointer item;

  ensure_read (self);
  if (position >= self->n_items || self->kase == NULL)
    return NULL;

  slots = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (slots == NULL)
    slots = load_page (self, page);
  else if (g_queue_peek_head (&self->recent) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }

  item = position % PAGE_SIZE < slots->len ? slots->pdata[position % PAGE_SIZE] : NULL;
  return item != NULL ? g_object_ref (item) : NULL;
}

static void
cf_paged_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cf_paged_list_get_item_type;
  iface->get_n_items = cf_paged_list_get_n_items;
  iface->get_item = cf_paged_list_get_item;
}

/* The id at @position, without keeping a page for it if it is not read yet. */
static gint64
id_at (CfPagedList *self,
       guint        position)
{
  g_autoptr(GObject) item = NULL;

  if (self->ids != NULL)
    return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
  item = g_list_model_get_item (G_LIST_MODEL (self), position);
  return item != NULL ? record_id (self->query.kind, item) : 0;
}

/* Where @id is in a paged list: the count of the rows before it, one indexed COUNT. */
static guint
paged_position (CfPagedList *self,
                gint64       id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  g_autoptr(GString) from = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean desc = self->list == LIST_CLAIMS && self->query.descending;
  const char *less = desc ? ">" : "<";
  gint64 binds[3] = { id, 0, 0 };
  gint64 before = 0;

  append_from (self, from);
  if (self->list == LIST_CLAIMS && self->query.sort == CF_CLAIM_SORT_POSITION)
    {
      /* rows before (document_id, start_offset, id) in the list's order (NULL first
       * when ascending, as SQLite sorts): a sum of counts over disjoint ranges of
       * claims_by_document; one count with ORs would gather every rowid first */
      static const char *const asc[] = {
        "document_id IS NULL AND ?2 IS NOT NULL",
        "document_id < ?2",
        "document_id IS ?2 AND start_offset IS NULL AND ?3 IS NOT NULL",
        "document_id IS ?2 AND start_offset < ?3",
        "document_id IS ?2 AND start_offset IS ?3 AND id < ?1",
      };
      static const char *const dsc[] = {
        "document_id IS NOT NULL AND ?2 IS NULL",
        "document_id > ?2",
        "document_id IS ?2 AND start_offset IS NOT NULL AND ?3 IS NULL",
        "document_id IS ?2 AND start_offset > ?3",
        "document_id IS ?2 AND start_offset IS ?3 AND id > ?1",
      };

      g_string_assign (sql, "SELECT 0");
      for (guint i = 0; i < G_N_ELEMENTS (asc); i++)
        g_string_append_printf (sql, " + (SELECT count(*)%s AND %s)", from->str, desc ? dsc[i] : asc[i]);
      {
        sqlite3_stmt *stmt = NULL;

        if (!_cf_case_check_open (self->kase, NULL) ||
            sqlite3_prepare_v2 (self->kase->db, "SELECT document_id, start_offset FROM claims WHERE id = ?1",
                                -1, &stmt, NULL) != SQLITE_OK)
          return G_MAXUINT;
        sqlite3_bind_int64 (stmt, 1, id);
        if (sqlite3_step (stmt) != SQLITE_ROW)
          {
            sqlite3_finalize (stmt);
            return G_MAXUINT;
          }
        /* a NULL binds as NULL: both columns may be empty (an assumption) */
        binds[1] = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 0);
        binds[2] = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 1);
        sqlite3_finalize (stmt);
      }
      {
        sqlite3_stmt *stmt = NULL;
        int rc;

        if (sqlite3_prepare_v2 (self->kase->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
          return G_MAXUINT;
        sqlite3_bind_int64 (stmt, 1, id);
        for (int i = 1; i < 3; i++)
          if (binds[i] == G_MININT64)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, binds[i]);
        rc = sqlite3_step (stmt);
        before = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
        sqlite3_finalize (stmt);
      }
    }
  else
    {
      g_string_append_printf (sql, "%s AND id %s ?1", from->str, less);
      if (!run_query (self, sql->str, binds, 1, NULL, &before, &error))
        before = -1;
    }

  if (before < 0 || before >= self->n_items)
    return G_MAXUINT;
  return (guint) before;
}

static guint
find_position (CfPagedList *self,
               gint64       id)
{
  guint position;

  if (self->ids != NULL)
    {
      for (guint i = 0; i < self->ids->len; i++)
        if (g_array_index (self->ids, gint64, i) == id)
          return i;
      return G_MAXUINT;
    }
  position = paged_position (self, id);
  /* the row there says whether the count was right (a damaged file may disagree) */
  if (position != G_MAXUINT && id_at (self, position) == id)
    return position;
  return G_MAXUINT;
}

guint
cf_paged_list_find (CfPagedList *self,
                    gint64       id)
{
  g_return_val_if_fail (CF_IS_PAGED_LIST (self), G_MAXUINT);

  ensure_read (self);
  return find_position (self, id);
}

/* The position of @id in the pages read before a change, or G_MAXUINT. */
static guint
position_in_pages (GHashTable   *pages,
                   CfRecordKind  kind,
                   gint64        id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *slots = value;

      for (guint i = 0; i < slots->len; i++)
        if (slots->pdata[i] != NULL && record_id (kind, slots->pdata[i]) == id)
          return GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
    }
  return G_MAXUINT;
}

/* After the list's query or the case changed: one items-changed for what differs.
 * @changes: rows added or deleted, if known */
static void
requery (CfPagedList *self,
         GArray      *changes)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GHashTable) old_pages = NULL;
  guint old_n = self->n_items;
  guint first = G_MAXUINT, last = 0, n_added = 0, n_deleted = 0;
  gboolean known = changes != NULL && changes->len <= MAX_TRACKED_CHANGES;

  if (!self->read)
    return;   /* nobody has looked: the first look reads the list as it is then */

  old_ids = g_steal_pointer (&self->ids);
  old_pages = g_steal_pointer (&self->pages);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_clear (&self->recent);
  if (!known)
    g_hash_table_remove_all (old_pages);
  /* where the deleted rows were, before the change */
  for (guint i = 0; known && changes != NULL && i < changes->len; i++)
    {
      Pending *p = &g_array_index (changes, Pending, i);

      if (p->change == CF_CHANGE_DELETED && old_ids == NULL)
        {
          guint at = position_in_pages (old_pages, self->query.kind, p->id);

          /* not among the rows read: of another source, or far from the rows shown */
          if (at == G_MAXUINT)
            continue;
          first = MIN (first, at);
          last = MAX (last, at);
          n_deleted++;
        }
    }

  reload (self);

  if (old_ids != NULL && self->ids != NULL)
    {
      GArray *ids = self->ids;
      guint prefix = 0, suffix = 0;

      while (prefix < old_ids->len && prefix < ids->len
             && g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
        prefix++;
      while (suffix < old_ids->len - prefix && suffix < ids->len - prefix
             && g_array_index (old_ids, gint64, old_ids->len - 1 - suffix)
                == g_array_index (ids, gint64, ids->len - 1 - suffix))
        suffix++;
      if (old_ids->len - prefix - suffix > 0 || ids->len - prefix - suffix > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                    old_ids->len - prefix - suffix, ids->len - prefix - suffix);
      return;
    }

  if (known && old_ids == NULL && self->ids == NULL)
    {
      for (guint i = 0; changes != NULL && i < changes->len; i++)
        {
          Pending *p = &g_array_index (changes, Pending, i);

          if (p->change == CF_CHANGE_INSERTED)
            {
              guint at = find_position (self, p->id);

              if (at == G_MAXUINT)
                {
                  /* not in this list (another source's claim): nothing to show */
                  continue;
                }
              first = MIN (first, at);
              last = MAX (last, at);
              n_added++;
            }
        }
    }
  else
    known = FALSE;

  if (known && n_added == 0 && n_deleted == 0 && old_n == self->n_items)
    return;   /* rows edited in place (their objects say so themselves), or not ours */
  if (known && n_added > 0 && n_deleted == 0 && self->n_items == old_n + n_added)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1 - n_added, last - first + 1);
      return;
    }
  if (known && n_deleted > 0 && n_added == 0 && old_n == self->n_items + n_deleted)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1 - n_deleted);
      return;
    }
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

static void
record_changed_cb (CfCase       *kase,
                   CfRecordKind  kind,
                   gint64        id,
                   CfChange      change,
                   CfPagedList  *self)
{
  Pending p = { id, change };

  if (kind == self->query.kind && change != CF_CHANGE_UPDATED && self->pending->len <= MAX_TRACKED_CHANGES)
    g_array_append_val (self->pending, p);
}

static void
records_changed_cb (CfCase      *kase,
                    guint        kinds_mask,
                    CfPagedList *self)
{
  guint wanted = 1u << self->query.kind;
  g_autoptr(GArray) changes = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  /* a claim list's order and filters may depend on names of other records */
  if (self->list == LIST_CLAIMS)
    wanted |= (1u << CF_RECORD_ACTOR) | (1u << CF_RECORD_TAG) | (1u << CF_RECORD_DOCUMENT)
              | (1u << CF_RECORD_HYPOTHESIS);
  if (!(kinds_mask & wanted))
    return;
  requery (self, changes->len > MAX_TRACKED_CHANGES ? NULL : changes);
}

static void
cf_paged_list_dispose (GObject *object)
{
  CfPagedList *self = CF_PAGED_LIST (object);

  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->kase, self);
      g_clear_object (&self->kase);
    }
  clear_pages (self);

  G_OBJECT_CLASS (cf_paged_list_parent_class)->dispose (object);
}

static void
cf_paged_list_finalize (GObject *object)
{
  CfPagedList *self = CF_PAGED_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_destroy);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->orphans, g_array_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_free (self->query.text);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cf_paged_list_parent_class)->finalize (object);
}

static void
cf_paged_list_class_init (CfPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_paged_list_dispose;
  object_class->finalize = cf_paged_list_finalize;
}

static void
cf_paged_list_init (CfPagedList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_queue_init (&self->recent);
}

static GListModel *
paged_list_new (CfCase       *kase,
                ListKind      list,
                CfRecordKind  kind)
{
  CfPagedList *self;

  g_return_val_if_fail (CF_IS_CASE (kase), NULL);

  self = g_object_new (CF_TYPE_PAGED_LIST, NULL);
  self->kase = g_object_ref (kase);
  self->list = list;
  self->query.kind = kind;
  g_signal_connect (kase, "record-changed", G_CALLBACK (record_changed_cb), self);
  g_signal_connect (kase, "records-changed", G_CALLBACK (records_changed_cb), self);
  return G_LIST_MODEL (self);
}

GListModel *
cf_paged_list_new_claims (CfCase *kase)
{
  return paged_list_new (kase, LIST_CLAIMS, CF_RECORD_CLAIM);
}

GListModel *
cf_paged_list_new_documents (CfCase *kase)
{
  return paged_list_new (kase, LIST_DOCUMENTS, CF_RECORD_DOCUMENT);
}

GListModel *
cf_paged_list_new_top_documents (CfCase *kase)
{
  return paged_list_new (kase, LIST_TOP_DOCUMENTS, CF_RECORD_DOCUMENT);
}

GListModel *
cf_paged_list_new_attachments (CfCase *kase,
                               gint64  parent_id)
{
  GListModel *model = paged_list_new (kase, LIST_ATTACHMENTS, CF_RECORD_DOCUMENT);

  if (model != NULL)
    CF_PAGED_LIST (model)->parent_id = parent_id;
  return model;
}

gboolean
cf_paged_list_has_attachments (CfPagedList *top,
                               gint64       document_id)
{
  g_return_val_if_fail (CF_IS_PAGED_LIST (top), FALSE);
  g_return_val_if_fail (top->list == LIST_TOP_DOCUMENTS, FALSE);

  ensure_read (top);
  return top->parents != NULL && g_hash_table_contains (top->parents, &document_id);
}

static gboolean
check_claims (CfPagedList *self)
{
  g_return_val_if_fail (CF_IS_PAGED_LIST (self), FALSE);
  g_return_val_if_fail (self->list == LIST_CLAIMS, FALSE);
  return TRUE;
}

void
cf_paged_list_set_document (CfPagedList *self,
                            gint64       document_id)
{
  if (!check_claims (self) || self->query.document_id == document_id)
    return;
  self->query.document_id = document_id;
  requery (self, NULL);
}

void
cf_paged_list_set_tag (CfPagedList *self,
                       gint64       tag_id)
{
  if (!check_claims (self) || self->query.tag_id == tag_id)
    return;
  self->query.tag_id = tag_id;
  requery (self, NULL);
}

void
cf_paged_list_set_hypothesis (CfPagedList *self,
                              gint64       hypothesis_id)
{
  if (!check_claims (self) || self->query.hypothesis_id == hypothesis_id)
    return;
  self->query.hypothesis_id = hypothesis_id;
  requery (self, NULL);
}

void
cf_paged_list_set_event_range (CfPagedList *self,
                               gint64       earliest,
                               gint64       latest)
{
  if (!check_claims (self))
    return;
  if (latest <= earliest)
    earliest = latest = 0;
  if (self->query.event_from == earliest && self->query.event_to == latest)
    return;
  self->query.event_from = earliest;
  self->query.event_to = latest;
  requery (self, NULL);
}

void
cf_paged_list_set_text_filter (CfPagedList *self,
                               const char  *text)
{
  if (!check_claims (self))
    return;
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->query.text) == 0)
    return;
  g_free (self->query.text);
  self->query.text = g_strdup (text);
  requery (self, NULL);
}

void
cf_paged_list_set_sort (CfPagedList *self,
                        CfClaimSort  sort,
                        gboolean     descending)
{
  if (!check_claims (self))
    return;
  if (self->query.sort == sort && self->query.descending == !!descending)
    return;
  self->query.sort = sort;
  self->query.descending = !!descending;
  requery (self, NULL);
}

gboolean
cf_paged_list_is_paged (CfPagedList *self)
{
  g_return_val_if_fail (CF_IS_PAGED_LIST (self), FALSE);

  ensure_read (self);
  return self->ids == NULL;
}

const GError *
cf_paged_list_get_error (CfPagedList *self)
{
  g_return_val_if_fail (CF_IS_PAGED_LIST (self), NULL);

  return self->error;
}
