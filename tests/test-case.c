/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-case.h"
#include "cf-case-private.h"
#include "cf-case-timeline.h"
#include "cf-record-list.h"
#include "cf-test-util.h"

/* A closed case titled "Port depot strike" with a marking and a summary. */
static char *
make_described_case (void)
{
  char *path = cf_test_tmp_path ("reopen.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = cf_case_create (path, "Port depot strike", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Port depot strike");
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_MARKING, "TLP:AMBER", &error));
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_SUMMARY, "The strike was likely real.",
                                   &error));
  g_assert_no_error (error);
  cf_case_close (kase);
  return path;
}

static void
test_create_reopen_keeps_fields (void)
{
  g_autofree char *path = make_described_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) again = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (again, CF_CASE_FIELD_MARKING), ==, "TLP:AMBER");
  g_assert_cmpstr (cf_case_get_info (again, CF_CASE_FIELD_SUMMARY), ==,
                   "The strike was likely real.");
  g_assert_false (cf_case_get_read_only (again));
}

static void
test_create_over_existing_refused (void)
{
  g_autofree char *path = make_described_case ();
  g_autoptr(GError) error = NULL;

  g_assert_null (cf_case_create (path, "again", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_EXISTS);
}

/* No journal or WAL is left beside a closed case. */
static void
test_create_no_side_files_after_close (void)
{
  g_autofree char *path = make_described_case ();

  g_assert_false (cf_test_side_file_exists (path, "-journal"));
  g_assert_false (cf_test_side_file_exists (path, "-wal"));
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* A case with the sample document and 40 claims made in one action, and the live list
 * of its claims, which counted its items-changed signals. Each claim is five
 * characters that begin and end with a letter or digit (so marking keeps the span as
 * it is: no two are the same claim), in reading order. */
typedef struct
{
  CfCase     *kase;
  gint64      doc;
  gint64      ids[40];
  GListModel *claims;
  guint       changes;
} ListFixture;

static void
list_fixture_set_up (ListFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->kase = cf_test_new_case ("lists.casefile");
  f->doc = cf_test_add_sample_document (f->kase);
  f->claims = cf_case_list_claims (f->kase);
  g_signal_connect (f->claims, "items-changed", G_CALLBACK (count_items_changed_cb), &f->changes);

  cf_case_begin_action (f->kase, "Mark many");
  for (guint i = 0, start = 0; i < G_N_ELEMENTS (f->ids); start++)
    {
      const char *first = g_utf8_offset_to_pointer (cf_test_sample_text, start);
      const char *last = g_utf8_offset_to_pointer (first, 4);

      g_assert_true (*last != '\0');
      if (!g_unichar_isalnum (g_utf8_get_char (first)) || !g_unichar_isalnum (g_utf8_get_char (last)))
        continue;
      f->ids[i++] = cf_case_add_claim (f->kase, f->doc, start, start + 5, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (cf_case_end_action (f->kase, &error));
  g_assert_no_error (error);
}

static void
list_fixture_tear_down (ListFixture   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->claims);
  g_clear_object (&f->kase);
}

static void
test_lists_one_action_one_change (ListFixture   *f,
                                  gconstpointer  data)
{
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 40);
  g_assert_true (g_list_model_get_item_type (f->claims) == CF_TYPE_CLAIM);
}

static void
test_lists_document_row (ListFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) docs = cf_case_list_documents (f->kase);
  g_autoptr(CfDocument) d = g_list_model_get_item (docs, 0);

  g_assert_cmpuint (cf_document_get_claim_count (d), ==, 40);
  g_assert_cmpstr (cf_document_get_title (d), ==, "Sample report");
  g_assert_cmpint (cf_document_get_length (d), ==, g_utf8_strlen (cf_test_sample_text, -1));
  g_assert_cmpuint (strlen (cf_document_get_sha256 (d)), ==, 64);
}

/* The list hands out the same live object the case does, and it follows edits. */
static void
test_lists_same_live_object (ListFixture   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) from_list = g_list_model_get_item (f->claims, 3);
  g_autoptr(CfClaim) from_case = cf_case_get_claim (f->kase, f->ids[3], &error);

  g_assert_true (from_list == from_case);
  g_assert_true (cf_case_set_claim_reliability (f->kase, f->ids[3], CF_RELIABILITY_A, &error));
  g_assert_cmpstr (cf_claim_get_grade (from_list), ==, "A");
}

static void
test_lists_sort_by_grade (ListFixture   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) first = NULL;

  g_assert_true (cf_case_set_claim_reliability (f->kase, f->ids[3], CF_RELIABILITY_A, &error));
  cf_record_list_set_sort ((CfRecordList *) f->claims, CF_CLAIM_SORT_GRADE, FALSE);
  first = g_list_model_get_item (f->claims, 0);
  g_assert_cmpint (cf_claim_get_id (first), ==, f->ids[3]);
}

static void
test_lists_text_filter (ListFixture   *f,
                        gconstpointer  data)
{
  cf_record_list_set_text_filter ((CfRecordList *) f->claims, "drone");
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), <, 40);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), >, 0);
  cf_record_list_set_text_filter ((CfRecordList *) f->claims, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 40);
}

static void
test_lists_document_filter (ListFixture   *f,
                            gconstpointer  data)
{
  cf_record_list_set_document ((CfRecordList *) f->claims, f->doc + 1);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 0);
  cf_record_list_set_document ((CfRecordList *) f->claims, f->doc);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 40);
  /* in the default order, by position in the text */
  g_assert_cmpuint (cf_record_list_find ((CfRecordList *) f->claims, f->ids[3]), ==, 3);
}

/* A case with a claim on "Officials", tagged Attack, rated C (three undoable edits
 * after the import). */
typedef struct
{
  CfCase     *kase;
  gint64      claim_id;
  CfClaim    *claim;
  GListModel *claims;
} UndoFixture;

static void
undo_fixture_set_up (UndoFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 doc, tag;

  f->kase = cf_test_new_case ("undo.casefile");
  doc = cf_test_add_sample_document (f->kase);
  f->claims = cf_case_list_claims (f->kase);
  f->claim_id = cf_case_add_claim (f->kase, doc, 0, 9, NULL, &error);
  tag = cf_case_add_tag (f->kase, "Attack", 0, NULL, &error);
  g_assert_true (cf_case_add_claim_tag (f->kase, f->claim_id, tag, &error));
  g_assert_true (cf_case_set_claim_reliability (f->kase, f->claim_id, CF_RELIABILITY_C, &error));
  g_assert_no_error (error);
  f->claim = cf_case_get_claim (f->kase, f->claim_id, &error);
  g_assert_no_error (error);
}

static void
undo_fixture_tear_down (UndoFixture   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->claim);
  g_clear_object (&f->claims);
  g_clear_object (&f->kase);
}

static void
test_undo_and_redo_rating (UndoFixture   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_case_can_undo (f->kase));
  g_assert_cmpstr (cf_case_get_undo_label (f->kase), ==, "Rate source reliability");
  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_claim_get_reliability (f->claim), ==, CF_RELIABILITY_NONE);
  g_assert_true (cf_case_can_redo (f->kase));
  g_assert_true (cf_case_redo (f->kase, &error));
  g_assert_cmpint (cf_claim_get_reliability (f->claim), ==, CF_RELIABILITY_C);
}

/* Deleting the claim takes its tag link; undo brings both back, and search too. */
static void
test_undo_delete_brings_back_tags_and_search (UndoFixture   *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) back = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gboolean found_claim = FALSE;

  g_assert_true (cf_case_delete_claim (f->kase, f->claim_id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 0);
  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (f->claims), ==, 1);

  back = cf_case_get_claim (f->kase, f->claim_id, &error);
  hits = cf_case_search (f->kase, "Officials", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_claim_get_tag_names (back), ==, "Attack");
  for (guint i = 0; i < hits->len; i++)
    found_claim |= ((CfSearchHit *) hits->pdata[i])->kind == CF_RECORD_CLAIM;
  g_assert_true (found_claim);
}

static void
test_undo_new_edit_clears_redo (UndoFixture   *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_true (cf_case_can_redo (f->kase));
  g_assert_cmpint (cf_case_add_tag (f->kase, "Other", 0, NULL, &error), >, 0);
  g_assert_false (cf_case_can_redo (f->kase));
}

static void
test_undo_down_to_empty_case (UndoFixture   *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) docs = cf_case_list_documents (f->kase);

  while (cf_case_can_undo (f->kase))
    g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  g_assert_false (cf_case_undo (f->kase, &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOTHING_TO_UNDO);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 0);
}

/* The change log keeps the history, undos included. */
static void
test_undo_change_log_keeps_undos (UndoFixture   *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_true (cf_case_delete_claim (f->kase, f->claim_id, &error));
  while (cf_case_can_undo (f->kase))
    g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  changes = cf_case_get_changes (f->kase, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, >, 8);
  g_assert_true (g_str_has_prefix (((CfChangeEntry *) changes->pdata[0])->summary, "Undo"));
}

static void
test_search_documents_and_notes (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("search.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc = cf_test_add_sample_document (kase);
  gint64 claim_id = cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  gboolean kinds[CF_N_RECORD_KINDS] = { FALSE };

  cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, claim_id, "Officials rarely say depot.", &error);
  g_assert_no_error (error);

  hits = cf_case_search (kase, "depot", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      CfSearchHit *hit = hits->pdata[i];

      kinds[hit->kind] = TRUE;
      g_assert_nonnull (strstr (hit->snippet, CF_SEARCH_MATCH_START));
      if (hit->kind == CF_RECORD_DOCUMENT)
        {
          g_autofree char *text = cf_case_get_document_text (kase, hit->document_id, NULL);
          const char *at = g_utf8_offset_to_pointer (text, hit->start);

          g_assert_true (g_ascii_strncasecmp (at, "depot", 5) == 0);
          g_assert_cmpint (hit->end - hit->start, ==, 5);
        }
      if (hit->kind == CF_RECORD_NOTE)
        {
          g_assert_cmpint (hit->claim_id, ==, claim_id);
          g_assert_cmpint (hit->document_id, ==, doc);
        }
    }
  g_assert_true (kinds[CF_RECORD_DOCUMENT]);
  g_assert_true (kinds[CF_RECORD_NOTE]);
}

static CfImport *
import_of (const char *name,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  CfImport *import = cf_import_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return import;
}

/* The bulk path stores many files as one undo step, indexed for search at once,
 * and leaves out (and says why) a file whose text the case would refuse. */
static void
test_import_bulk (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("bulk.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GListModel) documents = cf_case_list_documents (kase);
  CfExtractedDocument *bad;

  g_ptr_array_add (imports, import_of ("one.txt", "The ferry left Harwich at dawn."));
  g_ptr_array_add (imports, import_of ("two.txt", "Nobody saw the ferry come back."));
  g_ptr_array_add (imports, import_of ("three.txt", "Broken text."));
  bad = ((CfImport *) imports->pdata[2])->documents->pdata[0];
  g_free (bad->text);
  bad->text = g_strdup ("Broken \xff text.");

  results = cf_case_add_imports (kase, imports, NULL, NULL, NULL, &refused, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpuint (((GArray *) results->pdata[0])->len, ==, 1);
  g_assert_cmpuint (((GArray *) results->pdata[1])->len, ==, 1);
  g_assert_cmpuint (((GArray *) results->pdata[2])->len, ==, 0);
  g_assert_null (refused->pdata[0]);
  g_assert_null (refused->pdata[1]);
  g_assert_error ((GError *) refused->pdata[2], CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);

  hits = cf_case_search (kase, "ferry", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);

  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
}

/* Cancelled midway, the bulk path adds nothing. */
static void
test_import_bulk_cancelled (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("bulk-cancel.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GListModel) documents = cf_case_list_documents (kase);

  g_ptr_array_add (imports, import_of ("one.txt", "First."));
  g_cancellable_cancel (cancellable);
  results = cf_case_add_imports (kase, imports, NULL, NULL, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
}

/* What users type never becomes an FTS syntax error. */
static void
test_search_user_text_never_syntax_error (void)
{
  const char *queries[] = { "\"unbalanced", "AND", "OR", "*", "depo*", "NEAR(", "a:b", "\"\"",
                            "(", "-x" };
  g_autoptr(CfCase) kase = cf_test_new_case ("search.casefile");

  cf_test_add_sample_document (kase);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = cf_case_search (kase, queries[i], 10, &error);

      g_test_message ("%s", queries[i]);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
}

static void
test_search_prefix (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("search.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  cf_test_add_sample_document (kase);
  hits = cf_case_search (kase, "depo*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 0);
}

static void
expect_open_error (const char *path,
                   gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GBytes) before = NULL;
  GStatBuf st;
  gboolean exists = g_stat (path, &st) == 0 && S_ISREG (st.st_mode);

  if (exists)
    before = cf_test_read_bytes (path);
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_null (kase);
  g_assert_error (error, CF_CASE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", path, error->message);
  if (exists)
    {
      g_autoptr(GBytes) after = cf_test_read_bytes (path);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    }
}

static char *
make_good_case (const char *name)
{
  g_autofree char *path = cf_test_tmp_path (name);
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc;

  kase = cf_case_create (path, "Good", &error);
  g_assert_no_error (error);
  doc = cf_test_add_sample_document (kase);
  cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  g_assert_no_error (error);
  cf_case_close (kase);
  return g_steal_pointer (&path);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
}

/* Each kind of file that is not a sound case, and the error opening it gives. */
typedef char *(*MakeBadCase) (void);

static char *
make_missing (void)
{
  return cf_test_tmp_path ("missing.casefile");
}

static char *
make_folder (void)
{
  char *dir = cf_test_tmp_path ("folder.casefile");

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return dir;
}

static char *
make_empty (void)
{
  char *path = cf_test_tmp_path ("empty.casefile");

  write_file (path, "", 0);
  return path;
}

static char *
make_text (void)
{
  char *path = cf_test_tmp_path ("text.casefile");

  write_file (path, "Just some notes, not a case.\n", 29);
  return path;
}

static char *
make_png (void)
{
  static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  char *path = cf_test_tmp_path ("image.casefile");

  write_file (path, png_header, sizeof png_header);
  return path;
}

/* an SQLite database of another program */
static char *
make_foreign (void)
{
  char *path = cf_test_tmp_path ("foreign.casefile");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

/* A sound case cut to @length bytes (0: half of it). */
static char *
make_cut (gsize length)
{
  g_autofree char *good = make_good_case ("good.casefile");
  g_autoptr(GBytes) bytes = cf_test_read_bytes (good);
  char *path = cf_test_tmp_path ("truncated.casefile");

  write_file (path, g_bytes_get_data (bytes, NULL),
              length ? length : g_bytes_get_size (bytes) / 2);
  return path;
}

static char *
make_truncated (void)
{
  return make_cut (0);
}

static char *
make_truncated_header (void)
{
  return make_cut (50);
}

/* user_version beyond ours */
static char *
make_newer (void)
{
  g_autofree char *good = make_good_case ("good.casefile");
  g_autoptr(GBytes) bytes = cf_test_read_bytes (good);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *path = cf_test_tmp_path ("newer.casefile");

  copy[63] = CF_SCHEMA_VERSION + 1;
  write_file (path, copy, g_bytes_get_size (bytes));
  return path;
}

typedef struct
{
  const char  *path;
  MakeBadCase  make;
  gint         code;
} BadCase;

static const BadCase bad_cases[] = {
  { "/open/bad-file/missing", make_missing, CF_CASE_ERROR_NOT_FOUND },
  { "/open/bad-file/folder", make_folder, CF_CASE_ERROR_NOT_A_CASE },
  { "/open/bad-file/empty", make_empty, CF_CASE_ERROR_NOT_A_CASE },
  { "/open/bad-file/text", make_text, CF_CASE_ERROR_NOT_A_CASE },
  { "/open/bad-file/png", make_png, CF_CASE_ERROR_NOT_A_CASE },
  { "/open/bad-file/foreign-sqlite", make_foreign, CF_CASE_ERROR_NOT_A_CASE },
  { "/open/bad-file/truncated", make_truncated, CF_CASE_ERROR_DAMAGED },
  { "/open/bad-file/truncated-header", make_truncated_header, CF_CASE_ERROR_DAMAGED },
  { "/open/bad-file/newer-version", make_newer, CF_CASE_ERROR_TOO_NEW },
};

static void
test_bad_file_refused (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = bad->make ();

  expect_open_error (path, bad->code);
}

/* Bit flips all over the file: refused or opened, never a crash. */
static void
test_bit_flips_never_crash (void)
{
  g_autofree char *good = make_good_case ("good.casefile");
  g_autoptr(GBytes) good_bytes = cf_test_read_bytes (good);
  const guint8 *data = g_bytes_get_data (good_bytes, NULL);
  gsize len = g_bytes_get_size (good_bytes);
  g_autofree char *flipped = cf_test_tmp_path ("flipped.casefile");

  for (gsize offset = 100; offset < len; offset += len / 61 + 1)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCase) kase = NULL;

      copy[offset] ^= 0x5a;
      write_file (flipped, copy, len);
      kase = cf_case_open (flipped, CF_CASE_OPEN_DEFAULT, &error);
      if (kase != NULL)
        {
          g_autoptr(GPtrArray) problems = cf_case_check (kase, NULL);
          g_autoptr(GListModel) claims = cf_case_list_claims (kase);

          /* whatever it holds, reading it must not crash */
          for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
            g_clear_object (&(GObject *) { g_list_model_get_item (claims, i) });
        }
      else
        g_assert_true (error->domain == CF_CASE_ERROR);
    }
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static const struct
{
  const char *path;
  const char *sql;
} tamperings[] = {
  { "/open/tampered-schema/trigger",
    "CREATE TRIGGER evil AFTER INSERT ON claims BEGIN DELETE FROM documents; END;" },
  { "/open/tampered-schema/view", "CREATE VIEW v AS SELECT * FROM claims;" },
  { "/open/tampered-schema/index", "CREATE INDEX extra ON claims (quote);" },
  { "/open/tampered-schema/table", "CREATE TABLE extra (x);" },
  { "/open/tampered-schema/dropped-index", "DROP INDEX claims_by_actor;" },
};

static void
test_tampered_schema_refused (gconstpointer data)
{
  const char *sql = data;
  g_autofree char *path = make_good_case ("tampered.casefile");

  tamper (path, sql);
  expect_open_error (path, CF_CASE_ERROR_DAMAGED);
}

static void
test_check_finds_problems (void)
{
  g_autofree char *path = make_good_case ("check.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* a claim whose quote no longer matches, and one past the end of its text */
  tamper (path, "UPDATE claims SET quote = 'Something else';"
                "INSERT INTO claims (document_id, start_offset, end_offset, quote, created, modified)"
                " VALUES (1, 5, 99999, 'x', 'now', 'now');"
                "UPDATE originals SET bytes = X'00';");
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  problems = cf_case_check (kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_read_only (void)
{
  g_autofree char *path = make_good_case ("readonly.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GBytes) before = cf_test_read_bytes (path);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* root can write anything: then ask for read-only explicitly */
  if (!cf_case_get_read_only (kase))
    {
      g_clear_object (&kase);
      kase = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
    }
  g_assert_true (cf_case_get_read_only (kase));
  g_assert_cmpint (cf_case_add_tag (kase, "x", 0, NULL, &error), ==, 0);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cf_case_set_info (kase, CF_CASE_FIELD_TITLE, "x", &error));
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  cf_case_close (kase);
  {
    g_autoptr(GBytes) after = cf_test_read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

/* Save As to a copy, then an edit, which goes to the copy. */
static void
save_as_and_edit (const char *path,
                  const char *copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (cf_case_save_as (kase, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_path (kase), ==, copy);
  g_assert_true (cf_case_set_info (kase, CF_CASE_FIELD_TITLE, "Edited copy", &error));
  cf_case_close (kase);
}

static void
test_save_as_original_untouched (void)
{
  g_autofree char *path = make_good_case ("original.casefile");
  g_autofree char *copy = cf_test_tmp_path ("copy.casefile");
  g_autoptr(GBytes) before = cf_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;

  save_as_and_edit (path, copy);
  after = cf_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_save_as_copy_holds_everything_and_the_edit (void)
{
  g_autofree char *path = make_good_case ("original.casefile");
  g_autofree char *copy = cf_test_tmp_path ("copy.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) reopened = NULL;
  g_autoptr(GListModel) claims = NULL;

  save_as_and_edit (path, copy);
  reopened = cf_case_open (copy, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (reopened, CF_CASE_FIELD_TITLE), ==, "Edited copy");
  claims = cf_case_list_claims (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
}

/* Makes a hot journal: a transaction that wrote pages to the file, interrupted before
 * commit, copied out together with its journal. */
static void
make_interrupted_copy (const char *path,
                       const char *copy)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *copy_journal = g_strconcat (copy, "-journal", NULL);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1;"
                                 "BEGIN;"
                                 "UPDATE case_info SET title = 'half-written';"
                                 "UPDATE documents SET byline = hex (randomblob (3000));"
                                 "DELETE FROM claims;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  db_bytes = cf_test_read_bytes (path);
  journal_bytes = cf_test_read_bytes (journal);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  write_file (copy, g_bytes_get_data (db_bytes, NULL), g_bytes_get_size (db_bytes));
  write_file (copy_journal, g_bytes_get_data (journal_bytes, NULL), g_bytes_get_size (journal_bytes));
}

/* Our own crash: the journal restores the last committed state. */
static void
test_hot_journal_own_crash_restored (void)
{
  g_autofree char *path = make_good_case ("journal-source.casefile");
  g_autofree char *crashed = cf_test_tmp_path ("crashed.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GListModel) claims = NULL;

  make_interrupted_copy (path, crashed);
  kase = cf_case_open (crashed, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_TITLE), ==, "Good");
  claims = cf_case_list_claims (kase);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
  cf_test_assert_case_sound (kase);
}

/* A journal that belongs to another file is refused, and neither file changes. */
static void
test_hot_journal_foreign_refused (void)
{
  g_autofree char *path = make_good_case ("journal-source.casefile");
  g_autofree char *other = make_good_case ("other.casefile");
  g_autofree char *crashed2 = cf_test_tmp_path ("crashed2.casefile");
  g_autofree char *journal2 = g_strconcat (crashed2, "-journal", NULL);
  g_autofree char *other_journal = g_strconcat (other, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  g_autoptr(GBytes) before = NULL;

  /* make the other case's pages quite unlike the journal's */
  kase = cf_case_open (other, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strnfill (2000 + i * 100, 'a' + (i % 26));

      g_assert_cmpint (cf_case_import_text (kase, "Filler", text, &error), >, 0);
      g_assert_cmpint (cf_case_add_tag (kase, text + 1990, 0, NULL, &error), >, 0);
    }
  g_clear_object (&kase);

  make_interrupted_copy (path, crashed2);
  journal_bytes = cf_test_read_bytes (journal2);
  /* put that journal beside a different case file, with more pages to wreck */
  write_file (other_journal, g_bytes_get_data (journal_bytes, NULL),
              g_bytes_get_size (journal_bytes));
  tamper (crashed2, "SELECT 1");   /* replays crashed2's own journal */
  before = cf_test_read_bytes (other);
  kase = cf_case_open (other, CF_CASE_OPEN_DEFAULT, &error);
  if (kase == NULL)
    {
      g_autoptr(GBytes) after = cf_test_read_bytes (other);

      g_test_message ("stray journal refused: %s", error->message);
      g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_true (g_file_test (other_journal, G_FILE_TEST_EXISTS));
    }
  else
    {
      /* SQLite found the stray journal harmless for this file: then the case must be
       * sound */
      g_test_message ("stray journal accepted");
      cf_test_assert_case_sound (kase);
    }
}

/* Imports @path, marks the first "said", rates it and finds @word by search. */
static void
import_mark_and_search (const char *path,
                        const char *word)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CfCase) kase = cf_test_new_case ("article.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 doc, claim;
  const char *p;
  gint start;

  ids = cf_case_import_file (kase, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  doc = g_array_index (ids, gint64, 0);

  text = cf_case_get_document_text (kase, doc, &error);
  g_assert_no_error (error);
  p = strstr (text, "said");
  g_assert_nonnull (p);
  start = (gint) g_utf8_pointer_to_offset (text, p);
  claim = cf_case_add_claim (kase, doc, start, start + 4, "said", &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_reliability (kase, claim, CF_RELIABILITY_B, &error));
  g_assert_true (cf_case_set_claim_credibility (kase, claim, CF_CREDIBILITY_3, &error));
  g_assert_no_error (error);

  hits = cf_case_search (kase, word, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 0);
  cf_test_assert_case_sound (kase);
}

/* The repository's own news page: always there. */
static void
test_article_import_mark_search (void)
{
  g_autofree char *article = cf_test_fixture_path ("article.html");

  import_mark_and_search (article, "grain");
}

/* The real seed article, when the shared folder is beside the clone. */
static void
test_seed_article (void)
{
  g_autofree char *seed = cf_test_shared_path ("seed/kremlin-drone-attack.txt");

  if (seed == NULL)
    {
      g_test_skip ("the seed article is not there (CASEFILE_SHARED_DIR/seed)");
      return;
    }

  import_mark_and_search (seed, "Kremlin");
}

static void
test_export (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("export.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  gint64 doc = cf_test_add_sample_document (kase);

  cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  node = cf_case_export_json (kase, &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "case"), "title"),
                   ==, "Test incident");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), ==, 1);
}

/* What format 3 adds goes into the export too: evidence kinds, event times, links,
 * indicators and the case's time zone. */
static void
test_export_format_3 (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("export.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *claim, *assumption;
  gint64 doc = cf_test_add_sample_document (kase);
  gint64 a = cf_case_add_claim (kase, doc, 0, 9, NULL, &error);
  gint64 b = cf_case_add_claim (kase, doc, 19, 24, NULL, &error);
  gint64 h = cf_case_add_hypothesis (kase, "A drone attack", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (cf_case_set_claim_event_date (kase, a, "2023-05-03", &error));
  g_assert_true (cf_case_link_claims (kase, a, b, &error));
  g_assert_cmpint (cf_case_add_evidence (kase, CF_EVIDENCE_ABSENCE, "No wreckage was shown", &error), >, 0);
  g_assert_cmpint (cf_case_add_indicator (kase, h, "Debris recovered near the depot", &error), >, 0);
  g_assert_true (cf_case_set_timezone (kase, "Europe/Moscow", &error));
  g_assert_no_error (error);

  node = cf_case_export_json (kase, &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "case"), "timezone"),
                   ==, "Europe/Moscow");
  claim = json_array_get_object_element (json_object_get_array_member (root, "claims"), 0);
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "quote");
  g_assert_cmpstr (json_object_get_string_member (claim, "event_date"), ==, "2023-05-03");
  g_assert_cmpstr (json_object_get_string_member (claim, "event_precision"), ==, "day");
  assumption = json_array_get_object_element (json_object_get_array_member (root, "claims"), 2);
  g_assert_cmpstr (json_object_get_string_member (assumption, "kind"), ==, "absence");
  g_assert_true (json_object_get_null_member (assumption, "document_id"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claim_links")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "indicators")), ==, 1);
}

static void
test_scales (void)
{
  CfReliability r;
  CfLikelihood l;
  CfConfidence c;

  g_assert_true (cf_reliability_from_code ("b", &r));
  g_assert_cmpint (r, ==, CF_RELIABILITY_B);
  g_assert_false (cf_reliability_from_code ("G", &r));
  g_assert_true (cf_likelihood_from_code ("very likely", &l));
  g_assert_cmpint (l, ==, CF_LIKELIHOOD_VERY_LIKELY);
  g_assert_true (cf_likelihood_from_code ("roughly-even-chance", &l));
  g_assert_cmpint (l, ==, CF_LIKELIHOOD_ROUGHLY_EVEN);
  g_assert_true (cf_confidence_from_code ("HIGH", &c));
  g_assert_cmpint (c, ==, CF_CONFIDENCE_HIGH);
  g_assert_cmpstr (cf_likelihood_to_range (CF_LIKELIHOOD_LIKELY), ==, "55–80%");
  g_assert_cmpstr (cf_credibility_to_label (CF_CREDIBILITY_1), ==, "Confirmed by other sources");
}

/* A string that is not UTF-8 (a file written past the store) still gives valid
 * JSON text, the bad bytes replaced, in both layouts. */
static void
test_export_text_utf8 (void)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "quote", "caf\xc3 \xff said");
  json_node_set_object (node, object);

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      gsize length = 0;
      g_autofree char *text = cf_json_to_text (node, pretty, &length);

      g_assert_cmpuint (length, ==, strlen (text));
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (json_parser_load_from_data (parser, text, length, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "quote"),
                       ==, "caf\uFFFD \uFFFD said");
      g_assert_true ((strchr (text, '\n') != NULL) == pretty);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case/create/reopen-keeps-fields", test_create_reopen_keeps_fields);
  g_test_add_func ("/case/create/over-existing-refused", test_create_over_existing_refused);
  g_test_add_func ("/case/create/no-side-files-after-close", test_create_no_side_files_after_close);
  g_test_add ("/case/lists/one-action-one-change", ListFixture, NULL, list_fixture_set_up,
              test_lists_one_action_one_change, list_fixture_tear_down);
  g_test_add ("/case/lists/document-row", ListFixture, NULL, list_fixture_set_up,
              test_lists_document_row, list_fixture_tear_down);
  g_test_add ("/case/lists/same-live-object", ListFixture, NULL, list_fixture_set_up,
              test_lists_same_live_object, list_fixture_tear_down);
  g_test_add ("/case/lists/sort-by-grade", ListFixture, NULL, list_fixture_set_up,
              test_lists_sort_by_grade, list_fixture_tear_down);
  g_test_add ("/case/lists/text-filter", ListFixture, NULL, list_fixture_set_up,
              test_lists_text_filter, list_fixture_tear_down);
  g_test_add ("/case/lists/document-filter", ListFixture, NULL, list_fixture_set_up,
              test_lists_document_filter, list_fixture_tear_down);
  g_test_add ("/case/undo/undo-and-redo-rating", UndoFixture, NULL, undo_fixture_set_up,
              test_undo_and_redo_rating, undo_fixture_tear_down);
  g_test_add ("/case/undo/delete-brings-back-tags-and-search", UndoFixture, NULL,
              undo_fixture_set_up, test_undo_delete_brings_back_tags_and_search,
              undo_fixture_tear_down);
  g_test_add ("/case/undo/new-edit-clears-redo", UndoFixture, NULL, undo_fixture_set_up,
              test_undo_new_edit_clears_redo, undo_fixture_tear_down);
  g_test_add ("/case/undo/down-to-empty-case", UndoFixture, NULL, undo_fixture_set_up,
              test_undo_down_to_empty_case, undo_fixture_tear_down);
  g_test_add ("/case/undo/change-log-keeps-undos", UndoFixture, NULL, undo_fixture_set_up,
              test_undo_change_log_keeps_undos, undo_fixture_tear_down);
  g_test_add_func ("/case/search/documents-and-notes", test_search_documents_and_notes);
  g_test_add_func ("/case/search/user-text-never-syntax-error",
                   test_search_user_text_never_syntax_error);
  g_test_add_func ("/case/search/prefix", test_search_prefix);
  g_test_add_func ("/case/import/bulk", test_import_bulk);
  g_test_add_func ("/case/import/bulk-cancelled", test_import_bulk_cancelled);
  g_test_add_func ("/case/export", test_export);
  g_test_add_func ("/case/export/format-3-records", test_export_format_3);
  g_test_add_func ("/case/export/text-always-utf8", test_export_text_utf8);
  g_test_add_func ("/case/scales", test_scales);
  g_test_add_func ("/case/save-as/original-untouched", test_save_as_original_untouched);
  g_test_add_func ("/case/save-as/copy-holds-everything-and-the-edit",
                   test_save_as_copy_holds_everything_and_the_edit);
  g_test_add_func ("/case/read-only", test_read_only);
  g_test_add_func ("/case/article/import-mark-search", test_article_import_mark_search);
  g_test_add_func ("/case/seed-article", test_seed_article);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    g_test_add_data_func (bad_cases[i].path, &bad_cases[i], test_bad_file_refused);
  g_test_add_func ("/open/bit-flips-never-crash", test_bit_flips_never_crash);
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    g_test_add_data_func (tamperings[i].path, tamperings[i].sql, test_tampered_schema_refused);
  g_test_add_func ("/open/hot-journal/own-crash-restored", test_hot_journal_own_crash_restored);
  g_test_add_func ("/open/hot-journal/foreign-refused", test_hot_journal_foreign_refused);
  g_test_add_func ("/check/finds-problems", test_check_finds_problems);

  return g_test_run ();
}
