/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store under pressure from outside: several programs on one case at once, and
 * input too large or too odd to handle in bounded time (issue 10, sections 4 and 6).
 * Each test drives the store as a user's programs would and checks what a user
 * would check: nothing refused, nothing lost, a sound file, a clear message. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cf-case.h"
#include "cf-test-util.h"

#define N_ROUNDS 25

/* Starts casefile-cli with the given arguments; the caller waits for it. */
static GSubprocess *
spawn_cli (const char *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return cf_test_spawn_cliv ((const char * const *) args->pdata);
}

/* Waits for @proc and fails the test with its message unless it exited with 0. */
static void
assert_cli_succeeded (GSubprocess *proc,
                      const char  *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    g_error ("%s was refused: %s", what, err ? err : "");
}

/* Two programs adding notes and a third listing and searching, all at once: every
 * write lands, every read answers, and the file stays sound. */
static void
test_two_writers (void)
{
  g_auto(CfTestCliCase) f = { 0 };
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;

  cf_test_cli_case_init (&f);
  cf_test_run_ok (&run, "new", f.case_path, "--title", "Two writers");

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *first = g_strdup_printf ("first writer, note %u", round);
      g_autofree char *second = g_strdup_printf ("second writer, note %u", round);
      g_autoptr(GSubprocess) writer1 = spawn_cli ("note", "add", f.case_path, first, NULL);
      g_autoptr(GSubprocess) writer2 = spawn_cli ("note", "add", f.case_path, second, NULL);
      g_autoptr(GSubprocess) lister = spawn_cli ("list", f.case_path, "notes", NULL);
      g_autoptr(GSubprocess) searcher = spawn_cli ("search", f.case_path, "writer", NULL);

      assert_cli_succeeded (writer1, "a note of the first writer");
      assert_cli_succeeded (writer2, "a note of the second writer");
      assert_cli_succeeded (lister, "listing the notes");
      assert_cli_succeeded (searcher, "searching");
    }

  kase = cf_case_open (f.case_path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  notes = cf_case_list_notes (kase, CF_NOTE_TARGET_CASE, 0);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2 * N_ROUNDS);
  cf_test_assert_case_sound (kase);
  g_assert_false (cf_test_side_file_exists (f.case_path, "-journal"));
}

/* "a* a* a* …": @n prefix terms, the most expensive kind. */
static char *
many_terms (guint n)
{
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (query, i > 0 ? " a*" : "a*");
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* A query of more terms than anyone types is refused at once, with the limit. */
static void
test_search_too_many_terms (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("search.casefile");
  g_autoptr(GError) error = NULL;
  g_autofree char *query = many_terms (2000);
  g_autoptr(GPtrArray) hits = NULL;

  cf_test_add_sample_document (kase);
  hits = cf_case_search (kase, query, 0, &error);
  g_assert_null (hits);
  g_assert_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most 64"));
}

/* Up to the limit, a search still runs. */
static void
test_search_terms_at_limit (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("search.casefile");
  g_autoptr(GError) error = NULL;
  g_autofree char *query = many_terms (64);
  g_autoptr(GPtrArray) hits = NULL;

  cf_test_add_sample_document (kase);
  hits = cf_case_search (kase, query, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
}

/* Importing a device is refused before a byte is read: /dev/zero never ends. */
static void
test_import_not_regular (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("import.casefile");
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero here");
      return;
    }
  ids = cf_case_import_file (kase, zero, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  documents = cf_case_list_documents (kase);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
}

/* A file over the limit is refused with a message that names the limit. */
static void
test_import_too_large (void)
{
  g_autoptr(CfCase) kase = cf_test_new_case ("import.casefile");
  g_autofree char *path = cf_test_tmp_path ("huge.txt");
  g_autofree char *limit = g_format_size (CF_EXTRACT_MAX_INPUT);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  FILE *f = g_fopen (path, "wb");

  /* sparse: one byte past the limit costs no disk */
  g_assert_nonnull (f);
  g_assert_cmpint (fseeko (f, (off_t) CF_EXTRACT_MAX_INPUT, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), ==, 'x');
  g_assert_cmpint (fclose (f), ==, 0);

  ids = cf_case_import_file (kase, file, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, limit));
  documents = cf_case_list_documents (kase);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/two-writers/nothing-refused-nothing-lost", test_two_writers);
  g_test_add_func ("/store/search/too-many-terms-refused", test_search_too_many_terms);
  g_test_add_func ("/store/search/terms-at-limit-run", test_search_terms_at_limit);
  g_test_add_func ("/store/import/not-a-regular-file-refused", test_import_not_regular);
  g_test_add_func ("/store/import/too-large-refused-with-limit", test_import_too_large);

  return g_test_run ();
}
