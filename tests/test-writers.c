/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two writers and a reader on one case file at once, as two shells and a third
 * listing and searching would be (issue 10, section 4). Each writer is a series of
 * casefile-cli "note add" processes; SQLite serialises them through its file locks.
 * A busy case must make a command wait, not fail, and another process's live journal
 * is not a leftover one: the test wants no command refused, no note lost and a sound
 * file at the end. */

#include <glib.h>
#include <string.h>

#include "cf-test-util.h"

typedef struct
{
  const char *case_path;
  char        name;          /* 'A' or 'B' */
  guint       n_notes;
  guint       refused;
  GString    *errors;
} Writer;

typedef struct
{
  const char    *case_path;
  volatile gint *writers_left;
  guint          runs;
  guint          refused;
  GString       *errors;
} Reader;

/* Runs casefile-cli without g_test_message (which is not for threads); returns the
 * exit status, -1 when the program died. */
static int
run_quietly (const char * const *args,
             char              **err)
{
  g_autoptr(GSubprocess) process = cf_test_spawn_cliv (args);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (!g_subprocess_communicate_utf8 (process, "", NULL, &out, err, &error))
    return -1;
  if (!g_subprocess_get_if_exited (process))
    return -1;
  return g_subprocess_get_exit_status (process);
}

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; i < w->n_notes; i++)
    {
      g_autofree char *body = g_strdup_printf ("writer %c note %u", w->name, i);
      g_autofree char *err = NULL;
      const char *args[] = { "note", "add", w->case_path, body, NULL };

      if (run_quietly (args, &err) != 0)
        {
          w->refused++;
          g_string_append_printf (w->errors, "%s: %s", body, err ? err : "(died)\n");
        }
    }

  return NULL;
}

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;

  while (g_atomic_int_get (r->writers_left) > 0)
    {
      const char *list[] = { "list", r->case_path, "notes", "--json", NULL };
      const char *search[] = { "search", r->case_path, "note", "--json", NULL };
      const char * const *args = (r->runs % 2 == 0) ? list : search;
      g_autofree char *err = NULL;

      r->runs++;
      if (run_quietly (args, &err) != 0)
        {
          r->refused++;
          g_string_append_printf (r->errors, "%s: %s", args[0], err ? err : "(died)\n");
        }
    }

  return NULL;
}

static guint
n_notes_per_writer (void)
{
  const char *env = g_getenv ("CASEFILE_WRITERS_NOTES");
  guint64 n = 0;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 100000, &n, NULL))
    return (guint) n;
  return 40;
}

static void
test_two_writers_and_a_reader (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casefile-writers-XXXXXX", &error);
  g_autofree char *case_path = NULL;
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) bodies = g_hash_table_new (g_str_hash, g_str_equal);
  volatile gint writers_left = 2;
  guint n = n_notes_per_writer ();
  Writer writers[2] = {
    { NULL, 'A', n, 0, g_string_new (NULL) },
    { NULL, 'B', n, 0, g_string_new (NULL) },
  };
  Reader reader = { NULL, &writers_left, 0, 0, g_string_new (NULL) };
  GThread *writer_threads[2];
  GThread *reader_thread_handle;

  g_assert_no_error (error);
  case_path = g_build_filename (dir, "shared.casefile", NULL);
  cf_test_run_ok (&run, "new", case_path, "--title", "Two writers");

  reader.case_path = case_path;
  reader_thread_handle = g_thread_new ("reader", reader_thread, &reader);
  for (guint i = 0; i < 2; i++)
    {
      writers[i].case_path = case_path;
      writer_threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_thread_join (writer_threads[i]);
      g_atomic_int_add (&writers_left, -1);
    }
  g_thread_join (reader_thread_handle);

  for (guint i = 0; i < 2; i++)
    g_test_message ("writer %c: %u of %u refused\n%s", writers[i].name, writers[i].refused,
                    n, writers[i].errors->str);
  g_test_message ("reader: %u of %u refused\n%s", reader.refused, reader.runs,
                  reader.errors->str);

  /* every note is there once */
  cf_test_run_ok (&run, "list", case_path, "notes", "--json");
  notes = cf_test_parse_lines (run.out);
  for (guint i = 0; i < notes->len; i++)
    {
      const char *body = json_object_get_string_member (g_ptr_array_index (notes, i), "body");

      g_assert_false (g_hash_table_contains (bodies, body));
      g_hash_table_add (bodies, (gpointer) body);
    }
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < n; j++)
      {
        g_autofree char *body = g_strdup_printf ("writer %c note %u", writers[i].name, j);

        if (!g_hash_table_contains (bodies, body))
          g_test_message ("missing (refused or lost): %s", body);
      }

  cf_test_run_ok (&run, "check", case_path);

  g_assert_cmpuint (writers[0].refused + writers[1].refused, ==, 0);
  g_assert_cmpuint (reader.refused, ==, 0);
  g_assert_cmpuint (notes->len, ==, 2 * n);
  g_assert_false (cf_test_side_file_exists (case_path, "-journal"));

  for (guint i = 0; i < 2; i++)
    g_string_free (writers[i].errors, TRUE);
  g_string_free (reader.errors, TRUE);
  cf_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/writers/two-writers-and-a-reader-lose-nothing",
                   test_two_writers_and_a_reader);

  return g_test_run ();
}
