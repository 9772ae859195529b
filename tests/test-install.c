/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Installs the build into a temporary DESTDIR and checks what a user's desktop
 * needs: the binaries, desktop file, metainfo, schema, icons, MIME type and
 * translations; then that the installed MIME type recognises a case file by its
 * content (as a file manager does for a renamed attachment) and leaves a plain
 * SQLite database alone. */

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-test-util.h"

#define CASEFILE_TYPE "application/x-casefile"
#define SQLITE_TYPE   "application/vnd.sqlite3"

static char *self_path;
static char *destdir;
static char *installed_datadir;
static gboolean installed;

static const char *
env_or_skip (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_test_skip_printf ("%s is not set; run this test through meson test", name);
  return value;
}

/* Runs "meson install --destdir" once; later tests reuse its result. */
static gboolean
ensure_installed (void)
{
  const char *meson = env_or_skip ("CF_MESON");
  const char *build_root = meson ? env_or_skip ("CF_BUILD_ROOT") : NULL;
  const char *datadir = build_root ? env_or_skip ("CF_DATADIR") : NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (installed)
    return TRUE;
  if (datadir == NULL)
    return FALSE;

  destdir = g_dir_make_tmp ("casefile-install-XXXXXX", &error);
  g_assert_no_error (error);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           &error, meson, "install", "-C", build_root,
                           "--destdir", destdir, "--no-rebuild", "--quiet", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (proc))
    g_error ("meson install failed:\n%s\n%s", out, err);

  /* CF_DATADIR is absolute (prefix/datadir), so it nests under DESTDIR as is. */
  installed_datadir = g_build_filename (destdir, datadir, NULL);
  installed = TRUE;
  return TRUE;
}

static void
assert_installed (const char *dir,
                  const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_test_fail_printf ("%s was not installed (looked for %s)", relative, path);
}

static void
test_install_files (void)
{
  const char *bindir;
  g_autofree char *installed_bindir = NULL;

  if (!ensure_installed ())
    return;

  bindir = g_getenv ("CF_BINDIR");
  g_assert_nonnull (bindir);
  installed_bindir = g_build_filename (destdir, bindir, NULL);
  assert_installed (installed_bindir, "casefile-cli");
  if (g_strcmp0 (g_getenv ("CF_APP_BUILT"), "true") == 0)
    assert_installed (installed_bindir, "casefile");

  assert_installed (installed_datadir, "applications/org.example.Casefile.desktop");
  assert_installed (installed_datadir, "metainfo/org.example.Casefile.metainfo.xml");
  assert_installed (installed_datadir, "glib-2.0/schemas/org.example.Casefile.gschema.xml");
  assert_installed (installed_datadir, "mime/packages/org.example.Casefile.xml");
  assert_installed (installed_datadir, "icons/hicolor/scalable/apps/org.example.Casefile.svg");
  assert_installed (installed_datadir,
                    "icons/hicolor/symbolic/apps/org.example.Casefile-symbolic.svg");
  assert_installed (installed_datadir, "locale/de/LC_MESSAGES/casefile.mo");
  assert_installed (installed_datadir, "locale/uk/LC_MESSAGES/casefile.mo");
}

static void
test_install_translated_desktop_file (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (!ensure_installed ())
    return;

  path = g_build_filename (installed_datadir, "applications",
                           "org.example.Casefile.desktop", NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  /* A menu in German or Ukrainian shows the translated comment and finds the
   * app by translated keywords. */
  g_assert_nonnull (strstr (text, "Comment[de]="));
  g_assert_nonnull (strstr (text, "Comment[uk]="));
  g_assert_nonnull (strstr (text, "Keywords[de]="));
  g_assert_nonnull (strstr (text, "MimeType=application/x-casefile;"));
}

/* Writes an SQLite database; with @application_id non-zero it carries that
 * PRAGMA application_id, as the core writes into every case file. */
static char *
make_sqlite_file (const char *name,
                  guint32     application_id)
{
  char *path = g_build_filename (destdir, name, NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d;"
                         "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('x');",
                         (gint32) application_id);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);

  return path;
}

static char *
copy_as (const char *source,
         const char *name)
{
  g_autoptr (GFile) from = g_file_new_for_path (source);
  char *path = g_build_filename (destdir, name, NULL);
  g_autoptr (GFile) to = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
ensure_mime_database (void)
{
  static gboolean updated;
  g_autofree char *mime_dir = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tool = NULL;

  if (!ensure_installed ())
    return FALSE;
  if (updated)
    return TRUE;

  tool = g_find_program_in_path ("update-mime-database");
  if (tool == NULL)
    {
      g_test_skip ("update-mime-database is not installed (Debian: shared-mime-info)");
      return FALSE;
    }

  mime_dir = g_build_filename (installed_datadir, "mime", NULL);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           tool, mime_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);

  updated = TRUE;
  return TRUE;
}

/* Asks GIO in a fresh process (GIO caches the MIME database for the life of a
 * process) that sees the installed share/ before the system's. Returns
 * "TYPE\tPARENT-OK\tDESCRIPTION". */
static char *
guess_in_subprocess (const char *path,
                     gboolean    give_name)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dirs = NULL;
  g_autofree char *empty_home = NULL;
  char *out = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  data_dirs = g_strdup_printf ("%s:/usr/local/share:/usr/share", installed_datadir);
  empty_home = g_build_filename (destdir, "empty-data-home", NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", data_dirs, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", empty_home, TRUE);
  /* The description is compared in English. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  proc = g_subprocess_launcher_spawn (launcher, &error, self_path,
                                      give_name ? "--guess-named" : "--guess-data",
                                      path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));

  return g_strchomp (out);
}

static void
check_case_file (const char *case_path)
{
  g_autofree char *renamed = copy_as (case_path, "something.dat");
  g_autofree char *by_name = guess_in_subprocess (case_path, TRUE);
  g_autofree char *by_content = guess_in_subprocess (renamed, TRUE);
  g_autofree char *no_name = guess_in_subprocess (renamed, FALSE);
  g_autofree char *expected = g_strdup_printf ("%s\tsqlite-subclass\t%s",
                                               CASEFILE_TYPE, "Casefile case file");

  g_assert_cmpstr (by_name, ==, expected);
  g_assert_cmpstr (by_content, ==, expected);
  g_assert_cmpstr (no_name, ==, expected);
}

static void
test_mime_handmade_case (void)
{
  g_autofree char *case_path = NULL;

  if (!ensure_mime_database ())
    return;

  /* 0x43734631 is CF_APPLICATION_ID: "CsF1" at offset 68. */
  case_path = make_sqlite_file ("handmade.casefile", 0x43734631);
  check_case_file (case_path);
}

static void
test_mime_real_case (void)
{
  const char *example = g_getenv ("CASEFILE_EXAMPLE");
  const char *cli = g_getenv ("CASEFILE_CLI");
  g_autofree char *case_path = NULL;

  if (!ensure_mime_database ())
    return;

  if (example != NULL && g_file_test (example, G_FILE_TEST_IS_REGULAR))
    {
      case_path = g_strdup (example);
    }
  else if (cli != NULL)
    {
      g_autoptr (GSubprocess) proc = NULL;
      g_autoptr (GError) error = NULL;

      case_path = g_build_filename (destdir, "from-cli.casefile", NULL);
      proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                               | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error, cli, "new", case_path, NULL);
      g_assert_no_error (error);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_successful (proc))
        {
          g_test_skip ("casefile-cli new could not create a case file");
          return;
        }
    }
  else
    {
      g_test_skip ("neither CASEFILE_EXAMPLE nor CASEFILE_CLI is set");
      return;
    }

  g_test_message ("case file: %s", case_path);
  check_case_file (case_path);
}

static void
test_mime_plain_sqlite (void)
{
  g_autofree char *db_path = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *by_content = NULL;
  g_autofree char *wrong_id = NULL;
  g_autofree char *wrong_id_guess = NULL;

  if (!ensure_mime_database ())
    return;

  db_path = make_sqlite_file ("plain.db", 0);
  renamed = copy_as (db_path, "plain.dat");
  by_content = guess_in_subprocess (renamed, TRUE);
  g_assert_false (g_str_has_prefix (by_content, CASEFILE_TYPE "\t"));
  if (g_file_test ("/usr/share/mime/packages/freedesktop.org.xml", G_FILE_TEST_EXISTS))
    g_assert_true (g_str_has_prefix (by_content, SQLITE_TYPE "\t"));

  /* Another application's id at offset 68 is not ours either. */
  wrong_id = make_sqlite_file ("other-app.dat", 0x47504B47);
  wrong_id_guess = guess_in_subprocess (wrong_id, TRUE);
  g_assert_false (g_str_has_prefix (wrong_id_guess, CASEFILE_TYPE "\t"));
}

/* The child side of guess_in_subprocess(). */
static int
guess_main (const char *path,
            gboolean    give_name)
{
  g_autofree char *data = NULL;
  g_autofree char *type = NULL;
  g_autofree char *description = NULL;
  g_autofree char *base = g_path_get_basename (path);
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return 1;

  /* A file manager sniffs the first few kilobytes, not the whole file. */
  type = g_content_type_guess (give_name ? base : NULL, (const guchar *) data,
                               MIN (length, 4096), NULL);
  description = g_content_type_get_description (type);
  g_print ("%s\t%s\t%s\n", type,
           g_content_type_is_a (type, SQLITE_TYPE) && g_strcmp0 (type, SQLITE_TYPE) != 0
             ? "sqlite-subclass" : "-",
           description);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int ret;

  if (argc == 3 && strcmp (argv[1], "--guess-named") == 0)
    return guess_main (argv[2], TRUE);
  if (argc == 3 && strcmp (argv[1], "--guess-data") == 0)
    return guess_main (argv[2], FALSE);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/install/files", test_install_files);
  g_test_add_func ("/install/desktop-file-translated", test_install_translated_desktop_file);
  g_test_add_func ("/install/mime/handmade-case", test_mime_handmade_case);
  g_test_add_func ("/install/mime/real-case", test_mime_real_case);
  g_test_add_func ("/install/mime/plain-sqlite", test_mime_plain_sqlite);

  ret = g_test_run ();

  cf_test_remove_tree (destdir);
  g_clear_pointer (&self_path, g_free);
  g_clear_pointer (&destdir, g_free);
  g_clear_pointer (&installed_datadir, g_free);

  return ret;
}
