/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfRecordList: the GListModel behind every cf_case_list_*(). It holds the ids a
 * query selects and loads the live objects a block at a time as they are asked
 * for; after each commit, undo or redo the case tells it which kinds changed, and
 * it queries again and emits one items-changed for what differs. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-record-list-private.h"

/* Rows are read a block at a time; a few recent blocks are kept so scrolling back and
 * forth does not query again, and the rest of a 100,000-row list is only ids. */
#define BLOCK_SIZE 256
#define MAX_BLOCKS 16

struct _CfRecordList
{
  GObject       parent_instance;

  CfCase       *kase;
  CfListQuery   query;
  GArray       *ids;
  GHashTable   *blocks;     /* block index -> GPtrArray of objects (NULL slots allowed) */
  GQueue        recent;     /* block indices, most recent first */
  GError       *error;      /* the first failure to read the case, for callers to report */
  gboolean      unread;     /* not queried yet: nobody has seen a row or the count */
};

static void fetch_ids (CfRecordList *self);

/* A claim list is queried when first looked at, so a caller that narrows it first
 * (the reader, to one document) never lists every claim of the case. */
static inline void
ensure_read (CfRecordList *self)
{
  if (G_UNLIKELY (self->unread))
    {
      self->unread = FALSE;
      fetch_ids (self);
    }
}

static GType
cf_record_list_get_item_type (GListModel *model)
{
  CfRecordList *self = CF_RECORD_LIST (model);

  switch (self->query.kind)
    {
    case CF_RECORD_DOCUMENT: return CF_TYPE_DOCUMENT;
    case CF_RECORD_ACTOR: return CF_TYPE_ACTOR;
    case CF_RECORD_CLAIM: return CF_TYPE_CLAIM;
    case CF_RECORD_TAG: return CF_TYPE_TAG;
    case CF_RECORD_NOTE: return CF_TYPE_NOTE;
    case CF_RECORD_HYPOTHESIS: return CF_TYPE_HYPOTHESIS;
    case CF_RECORD_CASE:
    case CF_N_RECORD_KINDS:
    default:
      return G_TYPE_OBJECT;
    }
}

static guint
cf_record_list_get_n_items (GListModel *model)
{
  CfRecordList *self = CF_RECORD_LIST (model);

  ensure_read (self);
  return self->ids->len;
}

/* The id without a GValue round trip (a property read costs more than the row). */
static gint64
record_id (CfRecordKind kind,
           gpointer     object)
{
  switch (kind)
    {
    case CF_RECORD_DOCUMENT: return cf_document_get_id (object);
    case CF_RECORD_ACTOR: return cf_actor_get_id (object);
    case CF_RECORD_CLAIM: return cf_claim_get_id (object);
    case CF_RECORD_TAG: return cf_tag_get_id (object);
    case CF_RECORD_NOTE: return cf_note_get_id (object);
    case CF_RECORD_HYPOTHESIS: return cf_hypothesis_get_id (object);
    case CF_RECORD_CASE:
    case CF_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
load_block (CfRecordList *self,
            guint         block)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GPtrArray *slots;
  guint first = block * BLOCK_SIZE;
  guint n = MIN (BLOCK_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  guint j = 0;

  if (!_cf_case_load_records (self->kase, self->query.kind, ids, n, found, &error))
    {
      g_warning ("Could not read rows of the case: %s", error->message);
      if (self->error == NULL)
        self->error = g_steal_pointer (&error);
    }

  /* @found follows the order of @ids but skips rows that vanished */
  slots = g_ptr_array_new_full (n, (GDestroyNotify) g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = 0;

      if (j < found->len)
        id = record_id (self->query.kind, found->pdata[j]);
      if (j < found->len && id == ids[i])
        g_ptr_array_add (slots, g_object_ref (found->pdata[j++]));
      else
        g_ptr_array_add (slots, NULL);
    }

  g_hash_table_insert (self->blocks, GUINT_TO_POINTER (block), slots);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (block));
  while (self->recent.length > MAX_BLOCKS)
    g_hash_table_remove (self->blocks, g_queue_pop_tail (&self->recent));
  return slots;
}

static gpointer
cf_record_list_get_item (GListModel *model,
                         guint       position)
{
  CfRecordList *self = CF_RECORD_LIST (model);
  guint block = position / BLOCK_SIZE;
  GPtrArray *slots;
  gpointer item;

  ensure_read (self);
  if (position >= self->ids->len)
    return NULL;

  slots = g_hash_table_lookup (self->blocks, GUINT_TO_POINTER (block));
  if (slots == NULL)
    slots = load_block (self, block);
  else if (g_queue_peek_head (&self->recent) != GUINT_TO_POINTER (block))
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (block));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (block));
    }

  item = slots->pdata[position % BLOCK_SIZE];
  return item ? g_object_ref (item) : NULL;
}

static void
cf_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cf_record_list_get_item_type;
  iface->get_n_items = cf_record_list_get_n_items;
  iface->get_item = cf_record_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CfRecordList, cf_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cf_record_list_model_init))

static void
cf_record_list_dispose (GObject *object)
{
  CfRecordList *self = CF_RECORD_LIST (object);

  if (self->kase != NULL)
    {
      _cf_case_remove_list (self->kase, self);
      g_clear_object (&self->kase);
    }
  g_hash_table_remove_all (self->blocks);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (cf_record_list_parent_class)->dispose (object);
}

static void
cf_record_list_finalize (GObject *object)
{
  CfRecordList *self = CF_RECORD_LIST (object);

  g_clear_pointer (&self->blocks, g_hash_table_destroy);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->query.text);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cf_record_list_parent_class)->finalize (object);
}

static void
cf_record_list_class_init (CfRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_record_list_dispose;
  object_class->finalize = cf_record_list_finalize;
}

static void
cf_record_list_init (CfRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->blocks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

CfRecordList *
_cf_record_list_new (CfCase       *kase,
                     CfRecordKind  kind)
{
  CfRecordList *self = g_object_new (CF_TYPE_RECORD_LIST, NULL);

  self->kase = g_object_ref (kase);
  self->query.kind = kind;
  _cf_case_add_list (kase, self);
  return self;
}

CfListQuery *
_cf_record_list_get_query (CfRecordList *self)
{
  return &self->query;
}

/* The ids the query selects, replacing the old ones; returns the old ones. */
static GArray *
swap_ids (CfRecordList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *old, *ids;

  ids = _cf_case_query_ids (self->kase, &self->query, &error);
  if (ids == NULL)
    {
      /* a closed case lists nothing; anything else is worth a warning */
      if (!g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED))
        g_warning ("Could not list the case: %s", error->message);
      if (self->error == NULL)
        self->error = g_steal_pointer (&error);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  old = self->ids;
  self->ids = ids;
  g_hash_table_remove_all (self->blocks);
  g_queue_clear (&self->recent);
  return old;
}

static void
fetch_ids (CfRecordList *self)
{
  if (self->kase != NULL)
    g_array_unref (swap_ids (self));
}

/* Marks a new list to be queried when first looked at. */
void
_cf_record_list_defer (CfRecordList *self)
{
  g_return_if_fail (CF_IS_RECORD_LIST (self));
  g_return_if_fail (self->ids->len == 0);

  self->unread = TRUE;
}

void
_cf_record_list_requery (CfRecordList *self)
{
  g_autoptr(GArray) old = NULL;
  GArray *ids;
  guint prefix = 0, suffix = 0, removed, added;

  g_return_if_fail (CF_IS_RECORD_LIST (self));

  if (self->kase == NULL)
    return;
  /* No one has seen the rows or listens: the first look reads them with the query as
   * it is then. One who listens hears of the rows from none. */
  if (self->unread)
    {
      if (!g_signal_has_handler_pending (self, g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0, TRUE))
        return;
      self->unread = FALSE;
    }
  old = swap_ids (self);
  ids = self->ids;

  /* one items-changed covering what differs between the common head and tail */
  while (prefix < old->len && prefix < ids->len
         && g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < ids->len - prefix
         && g_array_index (old, gint64, old->len - 1 - suffix)
            == g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;
  removed = old->len - prefix - suffix;
  added = ids->len - prefix - suffix;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

void
_cf_record_list_case_changed (CfRecordList *self,
                              guint         kinds_mask)
{
  guint wanted = 1u << self->query.kind;

  /* a claim list's order and filters may depend on names of other records */
  if (self->query.kind == CF_RECORD_CLAIM)
    wanted |= (1u << CF_RECORD_ACTOR) | (1u << CF_RECORD_TAG) | (1u << CF_RECORD_DOCUMENT)
              | (1u << CF_RECORD_HYPOTHESIS);
  if (kinds_mask & wanted)
    _cf_record_list_requery (self);
}

CfRecordKind
cf_record_list_get_kind (CfRecordList *self)
{
  g_return_val_if_fail (CF_IS_RECORD_LIST (self), CF_RECORD_CASE);
  return self->query.kind;
}

static gboolean
check_claim_list (CfRecordList *self)
{
  g_return_val_if_fail (CF_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (self->query.kind == CF_RECORD_CLAIM, FALSE);
  return TRUE;
}

void
cf_record_list_set_document (CfRecordList *self,
                             gint64        document_id)
{
  if (!check_claim_list (self) || self->query.document_id == document_id)
    return;
  self->query.document_id = document_id;
  _cf_record_list_requery (self);
}

void
cf_record_list_set_tag (CfRecordList *self,
                        gint64        tag_id)
{
  if (!check_claim_list (self) || self->query.tag_id == tag_id)
    return;
  self->query.tag_id = tag_id;
  _cf_record_list_requery (self);
}

void
cf_record_list_set_hypothesis (CfRecordList *self,
                               gint64        hypothesis_id)
{
  if (!check_claim_list (self) || self->query.hypothesis_id == hypothesis_id)
    return;
  self->query.hypothesis_id = hypothesis_id;
  _cf_record_list_requery (self);
}

void
cf_record_list_set_actor (CfRecordList *self,
                          gint64        actor_id)
{
  if (!check_claim_list (self) || self->query.actor_id == actor_id)
    return;
  self->query.actor_id = actor_id;
  _cf_record_list_requery (self);
}

void
cf_record_list_set_event_range (CfRecordList *self,
                                gint64        earliest,
                                gint64        latest)
{
  if (!check_claim_list (self))
    return;
  if (latest <= earliest)
    earliest = latest = 0;
  if (self->query.event_from == earliest && self->query.event_to == latest)
    return;
  self->query.event_from = earliest;
  self->query.event_to = latest;
  _cf_record_list_requery (self);
}

void
cf_record_list_set_text_filter (CfRecordList *self,
                                const char   *text)
{
  if (!check_claim_list (self))
    return;
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->query.text) == 0)
    return;
  g_free (self->query.text);
  self->query.text = g_strdup (text);
  _cf_record_list_requery (self);
}

void
cf_record_list_set_sort (CfRecordList *self,
                         CfClaimSort   sort,
                         gboolean      descending)
{
  if (!check_claim_list (self))
    return;
  if (self->query.sort == sort && self->query.descending == !!descending)
    return;
  self->query.sort = sort;
  self->query.descending = !!descending;
  _cf_record_list_requery (self);
}

guint
cf_record_list_find (CfRecordList *self,
                     gint64        id)
{
  g_return_val_if_fail (CF_IS_RECORD_LIST (self), G_MAXUINT);

  ensure_read (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

const GError *
cf_record_list_get_error (CfRecordList *self)
{
  g_return_val_if_fail (CF_IS_RECORD_LIST (self), NULL);

  return self->error;
}
