/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents: adding (one per extracted item of an import, in one action), their
 * details, reading their text and original bytes, and deleting them with every
 * claim, note and link that hangs on them. The bytes a document was extracted from
 * are stored once per distinct file (the originals table, keyed by SHA-256), so the
 * items of one feed share one copy; the last document to go takes its original. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

static const char *document_field_names[] = {
  "title", "byline", "publisher", "url", "published", "language", "captured",
};

/* Steps @sql (bound to ?1 = @document_id) to its row: on TRUE @row holds it until
 * the caller releases it with _cf_case_stmt_release(); on FALSE @error says why. */
static gboolean
read_document_column (CfCase        *self,
                      const char    *sql,
                      gint64         document_id,
                      sqlite3_stmt **row,
                      GError       **error)
{
  sqlite3_stmt *stmt = _cf_case_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      *row = stmt;
      return TRUE;
    case SQLITE_DONE:
      _cf_case_set_no_such_record (error, CF_RECORD_DOCUMENT, document_id);
      break;
    default:
      _cf_case_set_sqlite_error (error, self->db, sqlite3_errcode (self->db), _("Reading the document"));
      break;
    }
  _cf_case_stmt_release (stmt);
  return FALSE;
}

/* The id of the original with @sha256, stored now if the case does not hold it yet:
 * each distinct file is stored once, however many documents were extracted from it
 * (a feed's items all point into one copy of the feed). Runs inside the caller's
 * edit. */
static gint64
store_original (CfCase      *self,
                GBytes      *bytes,
                const char  *sha256,
                const char  *media_type,
                GError     **error)
{
  g_autoptr(CfStmt) find = NULL;
  g_autoptr(CfStmt) add = NULL;
  gconstpointer data = g_bytes_get_data (bytes, NULL);
  int rc;

  find = _cf_case_prepare (self, "SELECT id FROM originals WHERE sha256 = ?1", error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Adding the document"));
      return 0;
    }

  add = _cf_case_prepare (self,
                          "INSERT INTO originals (sha256, media_type, bytes) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (sha256) DO NOTHING", error);
  if (add == NULL)
    return 0;
  sqlite3_bind_text (add, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 2, media_type, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (add, 3, data != NULL ? data : "", g_bytes_get_size (bytes), SQLITE_STATIC);
  if (!_cf_case_step_done (self, add, _("Adding the document"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* A title for a document that brought none: a text's first line is usually its
 * headline; pasted text has no other name. */
static char *
title_for (const CfDocumentFields *fields)
{
  const char *text = fields->text;
  const char *end;
  char *title = NULL;

  if (fields->title != NULL && *fields->title != '\0')
    return g_strdup (fields->title);

  while (g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = strchr (text, '\n');
  if (end == NULL)
    end = text + strlen (text);
  if (end > text && (g_utf8_strlen (text, end - text) <= 150 || fields->filename == NULL))
    {
      if (g_utf8_strlen (text, end - text) > 150)
        end = g_utf8_offset_to_pointer (text, 150);
      title = g_strstrip (g_strndup (text, end - text));
    }
  else if (fields->filename != NULL)
    title = g_strdup (fields->filename);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled document"));
    }
  return title;
}

/* What the store refuses in a document: text that is not UTF-8, or pages (page N
 * covers [start, end) of the text, in order) that do not lie within it. Checked
 * before anything is written, by add_document() and for a whole import at once. */
static gboolean
check_document (const char  *text,
                GArray      *pages,
                GError     **error)
{
  glong length;
  guint previous_end = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The document text is not valid UTF-8."));
      return FALSE;
    }
  if (pages == NULL)
    return TRUE;
  length = g_utf8_strlen (text, -1);
  for (guint i = 0; i < pages->len; i++)
    {
      const CfExtractedPage *page = &g_array_index (pages, CfExtractedPage, i);

      if (page->start < previous_end || page->end < page->start || page->end > (gulong) length)
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                       _("Page %u of the document does not lie within its text."), i + 1);
          return FALSE;
        }
      previous_end = page->end;
    }
  return TRUE;
}

/* The pages of a paged document (a PDF), checked by check_document(). Runs inside
 * the caller's edit. */
static gboolean
add_pages (CfCase  *self,
           gint64   document_id,
           GArray  *pages,
           GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;

  stmt = _cf_case_prepare (self,
                           "INSERT INTO document_pages (document_id, page, start_offset, end_offset) "
                           "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < pages->len; i++)
    {
      const CfExtractedPage *page = &g_array_index (pages, CfExtractedPage, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, (gint64) i + 1);
      sqlite3_bind_int64 (stmt, 3, page->start);
      sqlite3_bind_int64 (stmt, 4, page->end);
      if (!_cf_case_step_done (self, stmt, _("Adding the document"), error))
        return FALSE;
    }
  return TRUE;
}

/* cf_case_add_document() with the original's hash already made (@sha256 of
 * @fields->original, NULL to hash it here), so an import hashes its file once. */
static gint64
add_document (CfCase                 *self,
              const CfDocumentFields *fields,
              const char             *sha256,
              GError                **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *own_sha256 = NULL;
  g_autofree char *now = _cf_case_now_iso8601 ();
  g_autofree char *title = NULL;
  const char *media_type = fields->media_type ? fields->media_type : "text/plain";
  gint64 id, original_id;

  g_return_val_if_fail (fields->text != NULL, 0);

  if (!check_document (fields->text, fields->pages, error))
    return 0;

  title = title_for (fields);
  original = fields->original ? g_bytes_ref (fields->original)
                              : g_bytes_new (fields->text, strlen (fields->text));
  if (sha256 == NULL)
    sha256 = own_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);

  CF_CASE_BEGIN_EDIT (_("Add a document"));

  original_id = store_original (self, original, sha256, media_type, error);
  if (original_id == 0)
    return _cf_case_edit_failed (self);

  /* original_start and original_end stay NULL: the importer does not say where in
   * the file an item's bytes are, so each document points at the whole file. */
  stmt = _cf_case_prepare (self,
                           "INSERT INTO documents (title, byline, publisher, url, published, imported, "
                           "language, media_type, filename, note, original_id, text, text_length, "
                           "captured, parent_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                           error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  _cf_case_bind_text_or_null (stmt, 2, fields->byline);
  _cf_case_bind_text_or_null (stmt, 3, fields->publisher);
  _cf_case_bind_text_or_null (stmt, 4, fields->url);
  _cf_case_bind_text_or_null (stmt, 5, fields->published);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  _cf_case_bind_text_or_null (stmt, 7, fields->language);
  sqlite3_bind_text (stmt, 8, media_type, -1, SQLITE_STATIC);
  _cf_case_bind_text_or_null (stmt, 9, fields->filename);
  _cf_case_bind_text_or_null (stmt, 10, fields->note);
  sqlite3_bind_int64 (stmt, 11, original_id);
  sqlite3_bind_text (stmt, 12, fields->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, g_utf8_strlen (fields->text, -1));
  _cf_case_bind_text_or_null (stmt, 14, fields->captured);
  if (fields->parent_id > 0)
    sqlite3_bind_int64 (stmt, 15, fields->parent_id);
  else
    sqlite3_bind_null (stmt, 15);
  if (!_cf_case_step_done (self, stmt, _("Adding the document"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (fields->pages != NULL && !add_pages (self, id, fields->pages, error))
    return _cf_case_edit_failed (self);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

gint64
cf_case_add_document (CfCase                 *self,
                      const CfDocumentFields *fields,
                      GError                **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  return add_document (self, fields, NULL, error);
}

/* What add_document() would refuse, checked before an import writes anything
 * (once: cf_import_check() leaves the hash behind when it passes). */
static gboolean
check_import (CfImport  *import,
              GError   **error)
{
  if (import->sha256 != NULL)
    return TRUE;
  for (guint i = 0; i < import->documents->len; i++)
    {
      CfExtractedDocument *doc = import->documents->pdata[i];

      if (!check_document (doc->text, doc->pages, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  CfImportProgressFunc  func;
  gpointer              user_data;
  guint                 done;
  guint                 total;
} Progress;

/* Every this many documents the caller hears of the progress. */
#define PROGRESS_EVERY 64

/* Document @i of @import, inside the caller's action; appends its id to @ids (the
 * import's own, so an attachment finds its message, which the reader put before it). */
static gboolean
store_import_document (CfCase      *self,
                       CfImport    *import,
                       const char  *sha256,
                       guint        i,
                       GArray      *ids,
                       GError     **error)
{
  CfExtractedDocument *doc = import->documents->pdata[i];
  gint64 parent_id = doc->parent_index >= 0 && (guint) doc->parent_index < ids->len
                     ? g_array_index (ids, gint64, doc->parent_index) : 0;
  CfDocumentFields fields = {
    .title = doc->title,
    .byline = doc->byline,
    .publisher = doc->site_name,
    .url = doc->url,
    .published = doc->published,
    .language = doc->language,
    .media_type = doc->media_type,
    .filename = doc->filename != NULL ? doc->filename : import->filename,
    .note = doc->note,
    .captured = doc->captured,
    .parent_id = parent_id,
    .text = doc->text,
    .original = import->original,
    .pages = doc->pages,
  };
  gint64 id = add_document (self, &fields, sha256, error);

  if (id == 0)
    return FALSE;
  g_array_append_val (ids, id);
  return TRUE;
}

/* The documents of one import, inside the caller's action; appends their ids to
 * @ids, which holds no other import's. */
static gboolean
store_import (CfCase        *self,
              CfImport      *import,
              GArray        *ids,
              Progress      *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *sha256 = NULL;

  if (import->sha256 != NULL)
    sha256 = g_strdup (import->sha256);
  else if (import->original != NULL)
    sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, import->original);
  for (guint i = 0; i < import->documents->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!store_import_document (self, import, sha256, i, ids, error))
        return FALSE;
      if (progress != NULL && progress->func != NULL &&
          ++progress->done % PROGRESS_EVERY == 0)
        progress->func (progress->done, progress->total, progress->user_data);
    }
  return TRUE;
}

GArray *
cf_case_add_import (CfCase    *self,
                    CfImport  *import,
                    GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail (import != NULL && import->documents != NULL, NULL);

  if (!_cf_case_check_writable (self, error))
    return NULL;

  label = g_strdup_printf (_("Import “%s”"), import->filename ? import->filename : _("text"));
  cf_case_begin_action (self, label);
  if (self->action_failed)
    {
      _cf_case_begin_failed (self, error);
      return NULL;
    }
  if (!store_import (self, import, ids, NULL, NULL, error))
    {
      _cf_case_edit_failed (self);
      return NULL;
    }
  if (!cf_case_end_action (self, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static void
clear_error_pointer (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

GPtrArray *
cf_case_add_imports (CfCase                *self,
                     GPtrArray             *imports,
                     CfImportProgressFunc   progress_func,
                     gpointer               user_data,
                     GCancellable          *cancellable,
                     GPtrArray            **refused,
                     GError               **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  g_autofree char *label = NULL;
  Progress progress = { progress_func, user_data, 0, 0 };
  guint n_stored = 0;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail (imports != NULL, NULL);

  if (!_cf_case_check_writable (self, error))
    return NULL;

  results = g_ptr_array_new_full (imports->len, (GDestroyNotify) g_array_unref);
  reasons = g_ptr_array_new_full (imports->len, clear_error_pointer);
  for (guint i = 0; i < imports->len; i++)
    {
      CfImport *import = imports->pdata[i];
      GError *reason = NULL;

      g_return_val_if_fail (import != NULL && import->documents != NULL, NULL);
      if (check_import (import, &reason))
        {
          progress.total += import->documents->len;
          n_stored++;
        }
      g_ptr_array_add (reasons, reason);
      g_ptr_array_add (results, g_array_new (FALSE, FALSE, sizeof (gint64)));
    }

  if (n_stored == 1 && imports->len == 1)
    label = g_strdup_printf (_("Import “%s”"),
                             ((CfImport *) imports->pdata[0])->filename
                             ? ((CfImport *) imports->pdata[0])->filename : _("text"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u file", "Import %u files",
                                          n_stored), n_stored);
  cf_case_begin_action (self, label);
  if (self->action_failed)
    {
      _cf_case_begin_failed (self, error);
      return NULL;
    }
  for (guint i = 0; i < imports->len; i++)
    {
      if (reasons->pdata[i] != NULL)
        continue;
      if (!store_import (self, imports->pdata[i], results->pdata[i], &progress,
                         cancellable, error))
        {
          _cf_case_edit_failed (self);
          return NULL;
        }
    }
  if (!cf_case_end_action (self, error))
    return NULL;
  if (progress_func != NULL)
    progress_func (progress.done, progress.total, user_data);
  if (refused != NULL)
    *refused = g_steal_pointer (&reasons);
  return g_steal_pointer (&results);
}

/* --- an import stored a slice at a time -------------------------------------------
 *
 * Why slices on the case's own thread, not a worker: the connection, its statement
 * cache, the live objects and the change signals belong to the thread that owns the
 * case (the panes read through the same connection as they scroll), so a worker
 * could only write through a second connection. That one would hold SQLite's write
 * lock for the whole import and, once its page cache spills, the exclusive lock
 * that shuts every reader out in rollback-journal mode: the window's own reads
 * would wait or fail. It would also need the open checks and journal guard again,
 * and its changes would have to be merged into this connection's undo history by
 * hand. Stored in slices inside one open action instead, an import keeps every
 * guarantee of an ordinary edit: one transaction, the session's changeset as one
 * undo entry, live objects and signals told at the commit, a rollback that leaves
 * the file as it was. The price is that nothing else may edit the case meanwhile
 * (its edits would join the transaction): they are refused with a message, and the
 * window greys them out. Reading, extracting and checking stay in the caller's
 * worker; only the INSERTs run here, in slices the caller times. */

typedef struct
{
  CfImport *import;
  char     *sha256;
  GArray   *ids;    /* the results' array for this import */
  guint     next;   /* its next document to store */
} Queued;

struct _CfImportBatch
{
  CfCase    *kase;
  GQueue     queue;      /* Queued, oldest first */
  GPtrArray *results;    /* GArray of ids, per added import */
  char      *first_name;
  guint      n_files;
  guint      stored;
  guint      queued;
  gboolean   open;
};

static void
queued_free (Queued *queued)
{
  cf_import_free (queued->import);
  g_free (queued->sha256);
  g_free (queued);
}

CfImportBatch *
cf_case_begin_import (CfCase  *self,
                      GError **error)
{
  CfImportBatch *batch;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!_cf_case_check_writable (self, error))
    return NULL;
  if (self->action_depth > 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_BUSY,
                   _("Finish the current edit before importing."));
      return NULL;
    }
  cf_case_begin_action (self, _("Import"));
  if (self->action_failed)
    {
      _cf_case_begin_failed (self, error);
      return NULL;
    }

  batch = g_new0 (CfImportBatch, 1);
  batch->kase = g_object_ref (self);
  g_queue_init (&batch->queue);
  batch->results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  batch->open = TRUE;
  self->import_batch = batch;
  return batch;
}

static gboolean
check_batch_open (CfImportBatch  *batch,
                  GError        **error)
{
  if (batch->open && batch->kase->db != NULL)
    return TRUE;
  g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
               _("The import was stopped, so nothing was added."));
  return FALSE;
}

GArray *
cf_import_batch_add (CfImportBatch  *batch,
                     CfImport       *import,
                     GError        **error)
{
  g_autoptr(CfImport) owned = import;
  Queued *queued;

  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (import != NULL && import->documents != NULL, NULL);

  if (!check_batch_open (batch, error) || !check_import (import, error))
    return NULL;

  queued = g_new0 (Queued, 1);
  queued->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), import->documents->len);
  if (import->sha256 != NULL)
    queued->sha256 = g_strdup (import->sha256);
  else if (import->original != NULL)
    queued->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, import->original);
  queued->import = g_steal_pointer (&owned);
  g_ptr_array_add (batch->results, queued->ids);
  if (batch->n_files++ == 0)
    batch->first_name = g_strdup (import->filename);
  batch->queued += import->documents->len;
  g_queue_push_tail (&batch->queue, queued);
  return queued->ids;
}

gboolean
cf_import_batch_store (CfImportBatch  *batch,
                       gint64          deadline,
                       GError        **error)
{
  CfCase *self;
  gboolean ok = TRUE;

  g_return_val_if_fail (batch != NULL, FALSE);

  if (!check_batch_open (batch, error))
    return FALSE;
  self = batch->kase;
  self->import_storing = TRUE;
  do
    {
      Queued *queued = g_queue_peek_head (&batch->queue);

      if (queued == NULL)
        break;
      if (queued->next < queued->import->documents->len)
        {
          ok = store_import_document (self, queued->import, queued->sha256, queued->next,
                                      queued->ids, error);
          if (!ok)
            break;
          queued->next++;
          batch->stored++;
        }
      /* a stored file's bytes and texts go at once: memory holds what waits */
      if (queued->next >= queued->import->documents->len)
        queued_free (g_queue_pop_head (&batch->queue));
    }
  while (g_get_monotonic_time () < deadline);
  if (ok)
    ok = _cf_case_end_slice (self, error);
  self->import_storing = FALSE;

  if (!ok)
    cf_import_batch_cancel (batch);
  return ok;
}

gboolean
cf_import_check (CfImport  *import,
                 GError   **error)
{
  g_return_val_if_fail (import != NULL && import->documents != NULL, FALSE);

  if (!check_import (import, error))
    return FALSE;
  if (import->sha256 == NULL && import->original != NULL)
    import->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, import->original);
  return TRUE;
}

gboolean
cf_import_batch_get_progress (CfImportBatch *batch,
                              guint         *stored,
                              guint         *queued)
{
  g_return_val_if_fail (batch != NULL, FALSE);

  if (stored != NULL)
    *stored = batch->stored;
  if (queued != NULL)
    *queued = batch->queued;
  return !g_queue_is_empty (&batch->queue);
}

GPtrArray *
cf_import_batch_get_results (CfImportBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NULL);
  return batch->results;
}

gboolean
cf_import_batch_commit (CfImportBatch  *batch,
                        GError        **error)
{
  CfCase *self;
  gboolean ok;

  g_return_val_if_fail (batch != NULL, FALSE);

  if (!check_batch_open (batch, error))
    return FALSE;
  if (!g_queue_is_empty (&batch->queue) && !cf_import_batch_store (batch, G_MAXINT64, error))
    return FALSE;

  self = batch->kase;
  g_free (self->action_label);
  if (batch->n_files == 1)
    self->action_label = g_strdup_printf (_("Import “%s”"),
                                          batch->first_name ? batch->first_name : _("text"));
  else
    self->action_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u file",
                                                       "Import %u files", batch->n_files),
                                          batch->n_files);
  /* the commit tells the panes, which may read: the batch is over by then */
  batch->open = FALSE;
  self->import_batch = NULL;
  ok = cf_case_end_action (self, error);
  if (!ok)
    {
      for (guint i = 0; i < batch->results->len; i++)
        g_array_set_size (batch->results->pdata[i], 0);
    }
  return ok;
}

void
cf_import_batch_cancel (CfImportBatch *batch)
{
  CfCase *self;

  g_return_if_fail (batch != NULL);

  g_queue_clear_full (&batch->queue, (GDestroyNotify) queued_free);
  for (guint i = 0; i < batch->results->len; i++)
    g_array_set_size (batch->results->pdata[i], 0);
  if (!batch->open)
    return;
  self = batch->kase;
  batch->open = FALSE;
  self->import_batch = NULL;
  /* cf_case_close() may have rolled it back already */
  if (self->action_depth > 0)
    {
      self->action_depth = 1;
      cf_case_cancel_action (self);
    }
}

void
cf_import_batch_free (CfImportBatch *batch)
{
  if (batch == NULL)
    return;
  cf_import_batch_cancel (batch);
  g_clear_pointer (&batch->results, g_ptr_array_unref);
  g_free (batch->first_name);
  g_object_unref (batch->kase);
  g_free (batch);
}

GArray *
cf_case_import_file (CfCase        *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(CfImport) import = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!_cf_case_check_writable (self, error))
    return NULL;
  import = cf_import_read_file (file, cancellable, error);
  if (import == NULL)
    return NULL;
  return cf_case_add_import (self, import, error);
}

gint64
cf_case_import_text (CfCase      *self,
                     const char  *title,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CfImport) import = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  bytes = g_bytes_new (text, strlen (text));
  import = cf_import_from_bytes (bytes, NULL, error);
  if (import == NULL)
    return 0;
  if (title != NULL && *title != '\0' && import->documents->len > 0)
    {
      CfExtractedDocument *doc = import->documents->pdata[0];

      g_free (doc->title);
      doc->title = g_strdup (title);
    }
  ids = cf_case_add_import (self, import, error);
  if (ids == NULL || ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, 0);
}

gboolean
cf_document_field_from_name (const char      *name,
                             CfDocumentField *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_field_names); i++)
    {
      if (g_strcmp0 (name, document_field_names[i]) == 0)
        {
          *out = (CfDocumentField) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
cf_case_set_document_field (CfCase           *self,
                            gint64            document_id,
                            CfDocumentField   field,
                            const char       *value,
                            GError          **error)
{
  static const char *sql[] = {
    "UPDATE documents SET title = ?2 WHERE id = ?1",
    "UPDATE documents SET byline = ?2 WHERE id = ?1",
    "UPDATE documents SET publisher = ?2 WHERE id = ?1",
    "UPDATE documents SET url = ?2 WHERE id = ?1",
    "UPDATE documents SET published = ?2 WHERE id = ?1",
    "UPDATE documents SET language = ?2 WHERE id = ?1",
    "UPDATE documents SET captured = ?2 WHERE id = ?1",
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (sql), FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  return _cf_case_update_field (self, sql[field], document_id,
                                field == CF_DOCUMENT_FIELD_TITLE ? CF_VALUE_TEXT : CF_VALUE_TEXT_OR_NULL,
                                value, 0, _("Edit the document details"), CF_RECORD_DOCUMENT, error);
}

gboolean
cf_case_delete_document (CfCase  *self,
                         gint64   document_id,
                         GError **error)
{
  static const char *steps[] = {
    "DELETE FROM claim_tags WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?1)",
    "DELETE FROM claim_hypotheses WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?1)",
    "DELETE FROM notes WHERE target = 'claim' AND target_id IN (SELECT id FROM claims WHERE document_id = ?1)",
    "DELETE FROM claim_links WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?1) "
    "  OR other_id IN (SELECT id FROM claims WHERE document_id = ?1)",
    "UPDATE indicators SET claim_id = NULL WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?1)",
    "DELETE FROM document_pages WHERE document_id = ?1",
    "UPDATE documents SET parent_id = NULL WHERE parent_id = ?1",
    "DELETE FROM notes WHERE target = 'document' AND target_id = ?1",
    "DELETE FROM claims WHERE document_id = ?1",
    "DELETE FROM documents WHERE id = ?1",
    /* its original, unless another document was extracted from the same file */
    "DELETE FROM originals WHERE NOT EXISTS "
    "  (SELECT 1 FROM documents d WHERE d.original_id = originals.id)",
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_delete_record (self, document_id, "SELECT 1 FROM documents WHERE id = ?1", CF_RECORD_DOCUMENT,
                                 steps, G_N_ELEMENTS (steps), _("Delete a document"),
                                 _("Deleting the document"), error);
}

CfDocument *
cf_case_get_document (CfCase  *self,
                      gint64   document_id,
                      GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return _cf_case_get_record (self, CF_RECORD_DOCUMENT, document_id, error);
}

char *
cf_case_get_document_text (CfCase  *self,
                           gint64   document_id,
                           GError **error)
{
  sqlite3_stmt *row = NULL;
  char *text;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!read_document_column (self, "SELECT text FROM documents WHERE id = ?1", document_id, &row, error))
    return NULL;
  text = g_strdup ((const char *) sqlite3_column_text (row, 0));
  _cf_case_stmt_release (row);
  return text;
}

GArray *
cf_case_get_document_pages (CfCase  *self,
                            gint64   document_id,
                            GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (CfExtractedPage));
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  stmt = _cf_case_prepare (self,
                           "SELECT start_offset, end_offset FROM document_pages "
                           "WHERE document_id = ?1 ORDER BY page", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfExtractedPage page = {
        (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT),
        (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT),
      };

      g_array_append_val (pages, page);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the document"));
      return NULL;
    }
  return g_steal_pointer (&pages);
}

int
cf_case_get_page_for_offset (CfCase  *self,
                             gint64   document_id,
                             gint64   offset,
                             GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CASE (self), -1);

  /* between two pages (a paragraph break) counts as the page before */
  stmt = _cf_case_prepare (self,
                           "SELECT page FROM document_pages WHERE document_id = ?1 "
                           "AND start_offset <= ?2 ORDER BY page DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, offset);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return (int) CLAMP (sqlite3_column_int64 (stmt, 0), 1, G_MAXINT);
  if (rc == SQLITE_DONE)
    return 0;
  _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the document"));
  return -1;
}

GBytes *
cf_case_get_document_original (CfCase  *self,
                               gint64   document_id,
                               GError **error)
{
  sqlite3_stmt *row = NULL;
  GBytes *bytes;

  g_return_val_if_fail (CF_IS_CASE (self), NULL);

  if (!read_document_column (self,
                             "SELECT CASE WHEN d.original_start IS NULL THEN o.bytes "
                             "  ELSE substr (o.bytes, d.original_start + 1, d.original_end - d.original_start) END "
                             "FROM documents d JOIN originals o ON o.id = d.original_id WHERE d.id = ?1",
                             document_id, &row, error))
    return NULL;
  bytes = g_bytes_new (sqlite3_column_blob (row, 0), sqlite3_column_bytes (row, 0));
  _cf_case_stmt_release (row);
  return bytes;
}

