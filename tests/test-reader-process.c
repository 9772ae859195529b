/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The casefile-reader helper process (issue 13): the importer gets the same
 * documents through it as in-process, a refusal comes back with its message, and
 * a helper that spins, crashes, hangs, eats memory, writes a file or answers
 * nonsense is stopped by its limit and reported as an error for that one file,
 * while the other files still import. tests/reader-misbehave.c plays the bad
 * helper (CASEFILE_READER_MISBEHAVE); CASEFILE_READER is the real one. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cf-formats.h"
#include "cf-import.h"
#include "cf-test-util.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

static GBytes *
fixture (const char *name)
{
  g_autofree char *relative = g_build_filename ("formats", name, NULL);
  g_autofree char *path = cf_test_fixture_path (relative);

  return cf_test_read_bytes (path);
}

static void
use_real_reader (void)
{
  const char *real = g_getenv ("CASEFILE_READER_REAL");

  g_assert_nonnull (real);
  g_setenv ("CASEFILE_READER", real, TRUE);
}

static void
test_same_documents_as_in_process (void)
{
  static const char *names[] = { "article.mhtml", "message.eml", "article.docx", "article.odt",
                                 "site.warc.gz", "site.wacz" };

  use_real_reader ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = fixture (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) here = cf_read_bytes (bytes, NULL, NULL);
      g_autoptr(GPtrArray) there = cf_read_in_helper (bytes, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (there->len, ==, here->len);
      for (guint j = 0; j < here->len; j++)
        {
          CfExtractedDocument *a = g_ptr_array_index (here, j);
          CfExtractedDocument *b = g_ptr_array_index (there, j);

          g_assert_cmpstr (a->text, ==, b->text);
          g_assert_cmpstr (a->title, ==, b->title);
          g_assert_cmpstr (a->captured, ==, b->captured);
          g_assert_cmpstr (a->url, ==, b->url);
          g_assert_cmpint (a->parent_index, ==, b->parent_index);
        }
    }
}

static void
test_refusal_comes_back (void)
{
  g_autoptr(GBytes) bytes = fixture ("bomb.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  use_real_reader ();
  docs = cf_read_in_helper (bytes, NULL, NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "zip bomb"));
}

/* Runs the misbehaving stand-in on @word with small limits (a wall-clock timeout
 * long enough for a busy machine, except when the hang itself is tested); returns
 * its error. */
static GError *
misbehave (const char *word)
{
  CfReadLimits limits = *cf_read_limits_default ();
  g_autoptr(GBytes) input = g_bytes_new (word, strlen (word));
  g_autoptr(GPtrArray) docs = NULL;
  GError *error = NULL;

  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  limits.max_cpu_seconds = 1;
  limits.timeout_seconds = g_str_has_prefix (word, "sleep") ? 2 : 60;
  limits.max_address_space = 256 * 1024 * 1024;
  docs = cf_read_in_helper (input, &limits, NULL, &error);
  g_assert_null (docs);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CF_EXTRACT_ERROR);
  return error;
}

static void
assert_says (GError     *error,
             const char *words)
{
  g_autoptr(GError) owned = error;

  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_cpu_limit (void)
{
  assert_says (misbehave ("spin\n"), "processor time");
}

static void
test_crash (void)
{
  assert_says (misbehave ("crash\n"), "crashed");
}

static void
test_hang (void)
{
  assert_says (misbehave ("sleep\n"), "longer than 2 seconds");
}

static void
test_memory_limit (void)
{
#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer needs more address space than the limit");
#else
  assert_says (misbehave ("allocate\n"), "crashed");
#endif
}

static void
test_no_writes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reader-XXXXXX", NULL);
  g_autofree char *old = g_get_current_dir ();
  g_autofree char *written = g_build_filename (dir, "reader-wrote-this", NULL);
  gsize len = 0;
  g_autofree char *contents = NULL;

  g_assert_cmpint (chdir (dir), ==, 0);
  assert_says (misbehave ("write\n"), "write a file");
  g_assert_cmpint (chdir (old), ==, 0);
  /* it may have created the file, but not put a byte in it */
  if (g_file_get_contents (written, &contents, &len, NULL))
    g_assert_cmpuint (len, ==, 0);
  cf_test_remove_tree (dir);
}

static gpointer
cancel_soon_thread (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 5);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelling an import stops a helper that is still at work. */
static void
test_cancel_stops_helper (void)
{
  CfReadLimits limits = *cf_read_limits_default ();
  g_autoptr(GBytes) input = g_bytes_new_static ("sleep\n", 6);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  limits.timeout_seconds = 600;
  thread = g_thread_new ("cancel", cancel_soon_thread, cancellable);
  docs = cf_read_in_helper (input, &limits, cancellable, &error);
  g_thread_join (thread);
  g_assert_null (docs);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_nonsense_answer (void)
{
  assert_says (misbehave ("nonsense\n"), "makes no sense");
}

static void
test_missing_helper (void)
{
  g_autoptr(GBytes) bytes = fixture ("article.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_setenv ("CASEFILE_READER", "/nonexistent/casefile-reader", TRUE);
  docs = cf_read_in_helper (bytes, NULL, NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED);
}

/* Several files, some hostile: each bad one says why, the good ones import. */
static void
test_import_goes_on (void)
{
  static const struct { const char *name; gboolean good; } files[] = {
    { "bomb.docx", FALSE },
    { "article.docx", TRUE },
    { "nested-1000.eml", FALSE },
    { "message.eml", TRUE },
    { "lying-length.warc", FALSE },
    { "site.warc", TRUE },
  };

  g_autoptr(CfReadSession) session = NULL;

  use_real_reader ();
  /* as the window and the CLI import many files: one helper for the batch */
  session = cf_read_session_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *relative = g_build_filename ("formats", files[i].name, NULL);
      g_autofree char *path = cf_test_fixture_path (relative);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImport) import = cf_import_read_file_in_session (file, session, NULL, &error);

      if (files[i].good)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (import->documents->len, >=, 1);
          g_assert_cmpuint (g_bytes_get_size (import->original), >, 0);
        }
      else
        {
          g_assert_null (import);
          g_assert_nonnull (strstr (error->message, files[i].name));
        }
    }
}

static CfImport *
import_fixture (const char *name)
{
  g_autofree char *relative = g_build_filename ("formats", name, NULL);
  g_autofree char *path = cf_test_fixture_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CfImport *import;

  use_real_reader ();
  import = cf_import_read_file (file, NULL, &error);
  g_assert_no_error (error);
  return import;
}

/* A mail's attachments are documents of their own, under the message. */
static void
test_case_attachments_under_message (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("mail.casefile");
  g_autoptr(CfImport) import = import_fixture ("message.eml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cf_case_add_import (kase, import, &error);
  g_autoptr(CfDocument) message = NULL;
  g_autoptr(CfDocument) report = NULL;
  g_autoptr(CfDocument) notes = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  message = cf_case_get_document (kase, g_array_index (ids, gint64, 0), &error);
  report = cf_case_get_document (kase, g_array_index (ids, gint64, 1), &error);
  notes = cf_case_get_document (kase, g_array_index (ids, gint64, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_document_get_parent_id (message), ==, 0);
  g_assert_cmpint (cf_document_get_parent_id (report), ==, g_array_index (ids, gint64, 0));
  g_assert_cmpint (cf_document_get_parent_id (notes), ==, g_array_index (ids, gint64, 0));
  g_assert_cmpstr (cf_document_get_filename (message), ==, "message.eml");
  g_assert_cmpstr (cf_document_get_filename (report), ==, "report.docx");
  g_assert_cmpstr (cf_document_get_media_type (message), ==, "message/rfc822");
  cf_test_assert_case_sound (kase);

  /* deleting the message keeps its attachments, now on their own */
  g_assert_true (cf_case_delete_document (kase, g_array_index (ids, gint64, 0), &error));
  g_assert_no_error (error);
  g_clear_object (&report);
  report = cf_case_get_document (kase, g_array_index (ids, gint64, 1), &error);
  g_assert_cmpint (cf_document_get_parent_id (report), ==, 0);
  cf_test_assert_case_sound (kase);
}

/* The time a page was saved is kept apart from when it was published, and editable. */
static void
test_case_capture_date (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("archive.casefile");
  g_autoptr(CfImport) import = import_fixture ("site.warc.gz");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cf_case_add_import (kase, import, &error);
  g_autoptr(CfDocument) page = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  id = g_array_index (ids, gint64, 1);
  page = cf_case_get_document (kase, id, &error);
  g_assert_cmpstr (cf_document_get_captured (page), ==, "2024-06-02T12:00:00+00:00");
  g_assert_cmpstr (cf_document_get_published (page), ==, "2024-05-02T08:15:00+00:00");
  g_assert_cmpstr (cf_document_get_url (page), ==, "https://example.org/reports/grain-convoy");

  g_assert_true (cf_case_set_document_field (kase, id, CF_DOCUMENT_FIELD_CAPTURED,
                                             "2024-06-03T08:00:00+00:00", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_document_get_captured (page), ==, "2024-06-03T08:00:00+00:00");
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_cmpstr (cf_document_get_captured (page), ==, "2024-06-02T12:00:00+00:00");
  cf_test_assert_case_sound (kase);
}

/* casefile-cli extract --json: one line per file, the hostile one with its error. */
static void
test_cli_extract (void)
{
  g_autofree char *mhtml = cf_test_fixture_path ("formats/article.mhtml");
  g_autofree char *bomb = cf_test_fixture_path ("formats/bomb.docx");
  g_autofree char *eml = cf_test_fixture_path ("formats/message.eml");
  g_auto(CfTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  use_real_reader ();
  cf_test_run_cli (&run, "extract", "--json", mhtml, bomb, eml);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  g_assert_true (json_parser_load_from_data (parser, lines[0], -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "captured"), ==, "2024-06-01T09:30:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, "https://example.org/news/harbour-lights");
  g_assert_true (json_parser_load_from_data (parser, lines[1], -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (strstr (json_object_get_string_member (o, "error"), "zip bomb"));
  g_assert_true (json_parser_load_from_data (parser, lines[2], -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "documents"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "media_type"), ==, "message/rfc822");
}

/* ---- one helper for a batch (CfReadSession) ---------------------------------- */

/* Sends @word to the session's helper: the helper's process id when it answers
 * "pid", else NULL with @error set. */
static char *
session_ask (CfReadSession  *session,
             const char     *word,
             GError        **error)
{
  g_autoptr(GBytes) input = g_bytes_new (word, strlen (word));
  g_autoptr(GPtrArray) docs = cf_read_session_read (session, input, NULL, error);

  if (docs == NULL)
    return NULL;
  g_assert_cmpuint (docs->len, ==, 1);
  return g_strdup (((CfExtractedDocument *) g_ptr_array_index (docs, 0))->text);
}

static char *
session_pid (CfReadSession *session)
{
  g_autoptr(GError) error = NULL;
  char *pid = session_ask (session, "pid\n", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pid, "helper "));
  return pid;
}

static CfReadSession *
misbehaving_session (guint timeout_seconds)
{
  CfReadLimits limits = *cf_read_limits_default ();

  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  limits.max_cpu_seconds = 1;
  limits.timeout_seconds = timeout_seconds;
  return cf_read_session_new (&limits);
}

/* The files of one batch are read by one helper; files read each on their own get
 * a helper each. */
static void
test_session_one_helper_per_batch (void)
{
  g_autoptr(CfReadSession) session = misbehaving_session (60);
  g_autoptr(CfReadSession) other = cf_read_session_new (NULL);
  g_autofree char *first = session_pid (session);
  g_autofree char *second = session_pid (session);
  g_autofree char *third = session_pid (session);
  g_autofree char *elsewhere = session_pid (other);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, third);
  /* another batch, another helper */
  g_assert_cmpstr (elsewhere, !=, first);
}

/* After a file that crashes the helper, is refused, spins or hangs, the next file
 * of the batch gets a fresh helper, and it reads. */
static void
test_session_fresh_helper_after_failure (gconstpointer data)
{
  const char *word = data;
  gboolean hang = g_str_has_prefix (word, "sleep");
  g_autoptr(CfReadSession) session = misbehaving_session (hang ? 2 : 60);
  g_autofree char *before = session_pid (session);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = session_ask (session, word, &error);

  g_assert_null (answer);
  g_assert_nonnull (error);
  g_test_message ("%.*s: %s", (int) strcspn (word, "\n"), word, error->message);
  if (hang)
    g_assert_nonnull (strstr (error->message, "longer than 2 seconds"));
  else if (g_str_has_prefix (word, "spin"))
    g_assert_nonnull (strstr (error->message, "processor time"));
  else if (g_str_has_prefix (word, "crash"))
    g_assert_nonnull (strstr (error->message, "crashed"));
  else if (g_str_has_prefix (word, "refuse"))
    g_assert_cmpstr (error->message, ==, "refused");
  after = session_pid (session);
  again = session_pid (session);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpstr (after, ==, again);
}

/* An idle helper is ended on request, and the next file starts another. */
static void
test_session_stop_idle (void)
{
  g_autoptr(CfReadSession) session = misbehaving_session (60);
  g_autofree char *before = session_pid (session);
  g_autofree char *after = NULL;

  g_assert_false (cf_read_session_stop_idle (session, 3600));
  g_assert_true (cf_read_session_stop_idle (session, 0));
  after = session_pid (session);
  g_assert_cmpstr (after, !=, before);
}

/* Real files, good and hostile, through one session: each bad one says why, the
 * good ones are read as in-process. */
static void
test_session_batch_goes_on (void)
{
  static const struct { const char *name; gboolean good; } files[] = {
    { "article.docx", TRUE },
    { "bomb.docx", FALSE },
    { "article.mhtml", TRUE },
    { "nested-1000.eml", FALSE },
    { "message.eml", TRUE },
    { "lying-length.warc", FALSE },
    { "site.warc.gz", TRUE },
    { "site.wacz", TRUE },
  };
  g_autoptr(CfReadSession) session = NULL;

  use_real_reader ();
  session = cf_read_session_new (NULL);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autoptr(GBytes) bytes = fixture (files[i].name);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) there = cf_read_session_read (session, bytes, NULL, &error);

        if (files[i].good)
          {
            g_autoptr(GPtrArray) here = cf_read_bytes (bytes, NULL, NULL);

            g_assert_no_error (error);
            g_assert_cmpuint (there->len, ==, here->len);
            for (guint j = 0; j < here->len; j++)
              g_assert_cmpstr (((CfExtractedDocument *) g_ptr_array_index (here, j))->text, ==,
                               ((CfExtractedDocument *) g_ptr_array_index (there, j))->text);
          }
        else
          {
            g_assert_null (there);
            g_assert_true (error->domain == CF_EXTRACT_ERROR);
          }
      }
}

/* casefile-cli extract reads many files through one helper: a file that crashes
 * it mid-run says so, and the files after it are read by a fresh one. */
static void
test_cli_extract_crash_mid_run (void)
{
  static const char *words[] = { "pid", "pid", "crash", "pid", "pid" };
  g_autofree char *dir = g_dir_make_tmp ("extract-XXXXXX", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CfTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *texts[G_N_ELEMENTS (words)] = { NULL };

  /* files that sniff as PDF, whose first line is what the stand-in helper does */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.pdf", i);
      g_autofree char *contents = g_strdup_printf ("%s\n%%PDF-1.4\n", words[i]);
      char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
      g_ptr_array_add (argv, path);
    }
  g_setenv ("CASEFILE_READER", g_getenv ("CASEFILE_READER_MISBEHAVE"), TRUE);
  cf_test_run_cli (&run, "extract", "--json", g_ptr_array_index (argv, 0), g_ptr_array_index (argv, 1),
                   g_ptr_array_index (argv, 2), g_ptr_array_index (argv, 3), g_ptr_array_index (argv, 4));
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (words));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      JsonObject *o;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      if (i == 2)
        g_assert_nonnull (strstr (json_object_get_string_member (o, "error"), "crashed"));
      else
        texts[i] = g_strdup (json_object_get_string_member (o, "text"));
    }
  g_assert_cmpstr (texts[0], ==, texts[1]);
  g_assert_cmpstr (texts[3], ==, texts[4]);
  g_assert_cmpstr (texts[0], !=, texts[3]);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_free ((char *) texts[i]);
  cf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reader-process/same-documents-as-in-process",
                   test_same_documents_as_in_process);
  g_test_add_func ("/reader-process/refusal-comes-back", test_refusal_comes_back);
  g_test_add_func ("/reader-process/cpu-limit-stops-it", test_cpu_limit);
  g_test_add_func ("/reader-process/crash-is-an-error", test_crash);
  g_test_add_func ("/reader-process/hang-is-stopped", test_hang);
  g_test_add_func ("/reader-process/memory-limit-stops-it", test_memory_limit);
  g_test_add_func ("/reader-process/no-file-writes", test_no_writes);
  g_test_add_func ("/reader-process/nonsense-answer-refused", test_nonsense_answer);
  g_test_add_func ("/reader-process/cancel-stops-helper", test_cancel_stops_helper);
  g_test_add_func ("/reader-process/missing-helper", test_missing_helper);
  g_test_add_func ("/reader-process/import-goes-on", test_import_goes_on);
  g_test_add_func ("/reader-process/case/attachments-under-message",
                   test_case_attachments_under_message);
  g_test_add_func ("/reader-process/case/capture-date", test_case_capture_date);
  g_test_add_func ("/reader-process/cli/extract-json", test_cli_extract);
  g_test_add_func ("/reader-process/cli/extract-crash-mid-run", test_cli_extract_crash_mid_run);
  g_test_add_func ("/reader-process/session/one-helper-per-batch", test_session_one_helper_per_batch);
  g_test_add_func ("/reader-process/session/stop-idle", test_session_stop_idle);
  g_test_add_func ("/reader-process/session/batch-goes-on", test_session_batch_goes_on);
  {
    static const char *failures[] = { "crash\n", "refuse\n", "spin\n", "sleep\n", "nonsense\n" };

    for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
      {
        g_autofree char *path = g_strdup_printf ("/reader-process/session/fresh-helper-after/%.*s",
                                                 (int) strcspn (failures[i], "\n"), failures[i]);

        g_test_add_data_func (path, failures[i], test_session_fresh_helper_after_failure);
      }
  }

  return g_test_run ();
}
