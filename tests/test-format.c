/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Case file format 2 as a user meets it (issue 10, sections 2-4 and "Format"): every
 * case has an identity of its own; the bytes a document came from are stored once
 * per file, so a feed of a thousand items costs one copy of the feed, not a thousand;
 * the last document to go takes its original with it (and undo brings it back); and
 * an id, once given, is never given again, even after the file is reopened. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-case.h"
#include "cf-test-util.h"

static gint64
count (CfCase     *kase,
       const char *sql)
{
  g_autofree char *path = g_strdup (cf_case_get_path (kase));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  /* a second, plain connection: what is in the file, not what the case caches */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* Closes *@kase and opens its file again in its place. */
static void
reopen (CfCase **kase)
{
  g_autofree char *path = g_strdup (cf_case_get_path (*kase));
  g_autoptr(GError) error = NULL;

  cf_case_close (*kase);
  g_object_unref (*kase);
  *kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static GArray *
import_bytes (CfCase     *kase,
              const char *name,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImport) import = cf_import_from_bytes (bytes, name, &error);
  GArray *ids;

  g_assert_no_error (error);
  ids = cf_case_add_import (kase, import, &error);
  g_assert_no_error (error);
  return ids;
}

/* --- identity ------------------------------------------------------------------------- */

static void
test_case_id (void)
{
  g_autoptr(CfCase) first = cf_test_new_case ("first.casefile");
  g_autoptr(CfCase) second = cf_test_new_case ("second.casefile");
  g_autofree char *id = g_strdup (cf_case_get_case_id (first));
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (cf_case_get_path (first));
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) info = NULL;

  g_assert_cmpuint (strlen (id), ==, 32);
  g_assert_cmpuint (strspn (id, "0123456789abcdef"), ==, 32);
  g_assert_cmpstr (cf_case_get_case_id (second), !=, id);

  /* it stays with the case, and the export and `info` show it */
  reopen (&first);
  g_assert_cmpstr (cf_case_get_case_id (first), ==, id);
  export = cf_case_export_json (first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (export), "case"),
                                                  "case_id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (export), "version"), ==, 3);
  cf_case_close (first);

  cf_test_run_ok (&run, "info", "--json", path);
  info = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (info, "case_id"), ==, id);
  cf_test_run_ok (&run, "info", path);
  g_assert_nonnull (strstr (run.out, id));
}

/* --- originals ----------------------------------------------------------------------- */

/* An RSS feed of @n_items small items. */
static GBytes *
make_feed (guint n_items)
{
  GString *feed = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                "<title>Wire</title><link>https://example.org/</link>");

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *text = g_strdup_printf ("Report %u: a drone was seen near depot %u.", i, i);

      g_string_append_printf (feed, "<item><title>Item %u</title><link>https://example.org/%u</link>"
                                    "<description>%s</description></item>", i, i, text);
    }
  g_string_append (feed, "</channel></rss>");
  return g_string_free_to_bytes (feed);
}

static void
test_feed_stored_once (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("feed.casefile");
  g_autofree char *path = g_strdup (cf_case_get_path (kase));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GBytes) feed = NULL;
  g_autofree char *feed_sha = NULL;
  GStatBuf empty, st;
  gsize text_size;

  /* what an empty case takes (a page or so for each table and index) */
  g_assert_cmpint (g_stat (path, &empty), ==, 0);
  feed = make_feed (1000);
  feed_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, feed);
  ids = import_bytes (kase, "wire.xml", feed);
  g_assert_cmpuint (ids->len, ==, 1000);

  /* one copy of the feed, which every item points into */
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 1);
  g_assert_cmpint (count (kase, "SELECT count (DISTINCT original_id) FROM documents"), ==, 1);
  for (guint i = 0; i < ids->len; i += 333)
    {
      g_autoptr(CfDocument) item = cf_case_get_document (kase, g_array_index (ids, gint64, i), &error);
      g_autoptr(GBytes) original = cf_case_get_document_original (kase, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cf_document_get_sha256 (item), ==, feed_sha);
      g_assert_true (g_bytes_equal (original, feed));
    }
  cf_test_assert_case_sound (kase);
  /* the items' text as stored: their titles and bodies */
  text_size = count (kase, "SELECT sum (length (CAST (title || text AS BLOB))) FROM documents");
  cf_case_close (kase);

  /* the import grew the file by about one feed plus the items' text (with their
   * details and search index, which keeps prefixes too), not by a thousand feeds */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("feed %zu bytes, items' text %zu bytes, case file %" G_GINT64_FORMAT
                  " bytes (empty: %" G_GINT64_FORMAT ")", g_bytes_get_size (feed), text_size,
                  (gint64) st.st_size, (gint64) empty.st_size);
  g_assert_cmpint (st.st_size - empty.st_size, <, 4 * g_bytes_get_size (feed) + text_size);
}

static void
test_same_file_stored_once (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("twice.casefile");
  g_autoptr(GBytes) text = g_bytes_new_static (cf_test_sample_text, strlen (cf_test_sample_text));
  g_autoptr(GArray) first = import_bytes (kase, "report.txt", text);
  g_autoptr(GArray) second = import_bytes (kase, "copy-of-report.txt", text);

  g_assert_cmpint (count (kase, "SELECT count (*) FROM documents"), ==, 2);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 1);
}

static void
test_last_document_takes_its_original (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("delete.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) feed = make_feed (3);
  g_autoptr(GArray) items = import_bytes (kase, "wire.xml", feed);
  gint64 pasted = cf_test_add_sample_document (kase);

  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 2);

  /* the pasted text was the only document from its bytes */
  g_assert_true (cf_case_delete_document (kase, pasted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 1);

  /* the feed stays while any of its items does */
  g_assert_true (cf_case_delete_document (kase, g_array_index (items, gint64, 0), &error));
  g_assert_true (cf_case_delete_document (kase, g_array_index (items, gint64, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 1);
  g_assert_true (cf_case_delete_document (kase, g_array_index (items, gint64, 2), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 0);

  /* undo brings the item back with the bytes it came from */
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) original = cf_case_get_document_original (kase, g_array_index (items, gint64, 2), &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (original, feed));
  }
  cf_test_assert_case_sound (kase);
}

static void
test_undo_import_removes_original (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("undo.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) feed = make_feed (5);
  g_autoptr(GArray) items = import_bytes (kase, "wire.xml", feed);

  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 1);
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM documents"), ==, 0);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 0);

  g_assert_true (cf_case_redo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM documents"), ==, 5);
  g_assert_cmpint (count (kase, "SELECT count (*) FROM originals"), ==, 1);
  cf_test_assert_case_sound (kase);
}

static void
test_check_hashes_originals (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("hashes.casefile");
  g_autofree char *path = g_strdup (cf_case_get_path (kase));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  cf_test_add_sample_document (kase);
  cf_case_close (kase);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE originals SET bytes = X'00'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_clear_object (&kase);
  kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  problems = cf_case_check (kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "SHA-256"));
}

/* --- ids ------------------------------------------------------------------------------- */

static gint64
add_claim (CfCase *kase,
           gint64  document)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cf_case_add_claim (kase, document, 0, 5, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_ids_never_reused (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("ids.casefile");
  g_autoptr(GError) error = NULL;
  gint64 document = cf_test_add_sample_document (kase);

  g_assert_cmpint (add_claim (kase, document), ==, 1);
  g_assert_true (cf_case_delete_claim (kase, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add_claim (kase, document), ==, 2);

  /* the newest id goes, the file is closed and opened again: still a new id */
  g_assert_true (cf_case_delete_claim (kase, 2, &error));
  g_assert_no_error (error);
  reopen (&kase);
  g_assert_cmpint (add_claim (kase, document), ==, 3);

  /* an undone add does not give its id back either */
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add_claim (kase, document), ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/format/case-id", test_case_id);
  g_test_add_func ("/format/originals/feed-stored-once", test_feed_stored_once);
  g_test_add_func ("/format/originals/same-file-stored-once", test_same_file_stored_once);
  g_test_add_func ("/format/originals/last-document-takes-its-original", test_last_document_takes_its_original);
  g_test_add_func ("/format/originals/undo-import-removes-original", test_undo_import_removes_original);
  g_test_add_func ("/format/originals/check-hashes-originals", test_check_hashes_originals);
  g_test_add_func ("/format/ids-never-reused", test_ids_never_reused);

  return g_test_run ();
}
