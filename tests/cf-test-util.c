/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The helpers the test programs share (see cf-test-util.h). They fail the test with
 * GLib's assertions instead of returning errors: a helper that cannot do its job means
 * the test cannot say anything. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-case-private.h"
#include "cf-test-util.h"

void
cf_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      cf_test_remove_tree (child);
    }
  g_rmdir (path);
}

char *
cf_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

GBytes *
cf_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

char *
cf_test_fixture_path (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

char *
cf_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("CASEFILE_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL || *shared == '\0')
    return NULL;

  path = g_build_filename (shared, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return g_steal_pointer (&path);
}

char *
cf_test_make_text (guint seed,
                   guint n_words)
{
  static const char *words[] = {
    "drone", "building", "officials", "statement", "ministry", "attack", "reported",
    "witnesses", "footage", "analysts", "claimed", "denied", "sources", "night",
    "explosion", "government", "spokesman", "agency", "confirmed", "unverified",
  };
  GString *s = g_string_new (NULL);
  guint32 x = seed * 2654435761u + 1;

  for (guint i = 0; i < n_words; i++)
    {
      x = x * 1664525u + 1013904223u;
      g_string_append (s, words[(x >> 16) % G_N_ELEMENTS (words)]);
      g_string_append_c (s, (i % 12 == 11) ? '\n' : ' ');
    }
  g_string_append (s, "end.");
  return g_string_free (s, FALSE);
}

CfTestSnapshot
cf_test_snapshot_take (const char *path)
{
  CfTestSnapshot s = { NULL, 0 };
  GStatBuf st;
  char *contents = NULL;
  gsize length = 0;

  if (g_stat (path, &st) != 0)
    return s;
  s.mtime = (gint64) st.st_mtime;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      g_file_get_contents (path, &contents, &length, NULL))
    s.bytes = g_bytes_new_take (contents, length);

  return s;
}

void
cf_test_snapshot_assert_unchanged (const char     *path,
                                   CfTestSnapshot *before)
{
  CfTestSnapshot after = cf_test_snapshot_take (path);

  if (before->bytes != NULL)
    {
      g_assert_nonnull (after.bytes);
      g_assert_true (g_bytes_equal (before->bytes, after.bytes));
    }
  else
    {
      g_assert_null (after.bytes);
    }
  g_assert_cmpint (before->mtime, ==, after.mtime);

  g_clear_pointer (&before->bytes, g_bytes_unref);
  g_clear_pointer (&after.bytes, g_bytes_unref);
}

gboolean
cf_test_side_file_exists (const char *path,
                          const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

char *
cf_test_tmp_path (const char *name)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

CfCase *
cf_test_new_case (const char *name)
{
  g_autofree char *path = cf_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  CfCase *kase;

  kase = cf_case_create (path, "Test incident", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

const char cf_test_sample_text[] =
  "Officials said the drone struck the depot at dawn.\n\n"
  "A spokesperson for the ministry called the report “likely accurate”, "
  "while analysts at the institute said it was roughly even.";

gint64
cf_test_add_sample_document (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cf_case_import_text (kase, "Sample report", cf_test_sample_text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
cf_test_assert_case_sound (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = cf_case_check (kase, &error);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (_cf_case_get_db (kase), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

void
cf_test_run_clear (CfTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GSubprocess *
cf_test_spawn_cliv (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *cli = g_getenv ("CASEFILE_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* untranslated messages, UTF-8 output */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                          &error);
  g_assert_no_error (error);
  return process;
}

void
cf_test_run_cliv (CfTestRun          *run,
                  const char         *input,
                  const char * const *args)
{
  g_autoptr(GSubprocess) process = cf_test_spawn_cliv (args);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, input ? input : "", NULL,
                                 &run->out, &run->err, &error);
  g_assert_no_error (error);

  /* whatever the input, the program must never crash */
  if (!g_subprocess_get_if_exited (process))
    g_error ("casefile-cli %s died (signal %d); stderr:\n%s", args[0],
             g_subprocess_get_term_sig (process), run->err);

  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("casefile-cli %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

void
cf_test_assert_cli_error (CfTestRun *run,
                          int        expected_status)
{
  if (expected_status >= 0)
    g_assert_cmpint (run->status, ==, expected_status);
  else
    g_assert_cmpint (run->status, !=, 0);

  g_assert_true (g_str_has_prefix (run->err, "casefile-cli: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("casefile-cli: ") + 10);
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}

JsonObject *
cf_test_parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

GPtrArray *
cf_test_parse_lines (const char *out)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_ptr_array_add (objects, cf_test_parse_object (lines[i]));
    }

  return objects;
}

char *
cf_test_id_string (JsonObject *object)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));
}

void
cf_test_cli_case_init (CfTestCliCase *f)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("casefile-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->case_path = g_build_filename (f->dir, "test.casefile", NULL);
}

void
cf_test_cli_case_clear (CfTestCliCase *f)
{
  /* NULL when the test skipped before init */
  cf_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->case_path, g_free);
}

const char cf_test_depot_text[] =
  "Blast at the river depot\n\n"
  "A fire broke out at the river depot on Tuesday night after two loud explosions, "
  "the harbour master said.\n\n"
  "Officials said the explosions were likely caused by drones, but witnesses reported "
  "seeing no aircraft.\n\n"
  "The depot stored timber and diesel fuel, according to the owner.";

char *
cf_test_cli_case_with_document (CfTestCliCase *f)
{
  g_auto(CfTestRun) run = { 0 };
  g_autofree char *text_path = cf_test_write_file (f->dir, "depot.txt", cf_test_depot_text, -1);
  g_autoptr(GPtrArray) rows = NULL;

  cf_test_run_ok (&run, "new", f->case_path, "--title", "River depot fire");
  cf_test_run_ok (&run, "import", f->case_path, text_path);
  rows = cf_test_parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 1);

  return cf_test_id_string (g_ptr_array_index (rows, 0));
}

char *
cf_test_cli_add_claim (CfTestCliCase *f,
                       const char    *document_id,
                       const char    *quote)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonObject) claim = NULL;

  cf_test_run_ok (&run, "claim", "add", f->case_path, "--document", document_id,
                  "--quote", quote);
  claim = cf_test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (claim, "quote"), ==, quote);
  return cf_test_id_string (claim);
}
