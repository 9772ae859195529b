/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every source file with a translatable string must be listed in po/POTFILES.in,
 * or its strings silently never reach translators. */

#include <glib.h>
#include <string.h>

static char *source_root;

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Does @text call a gettext macro or function at @p (which points at its name)? The
 * name must stand alone (not the tail of another identifier) and be followed by an
 * opening parenthesis, GNU style allowing a space before it. */
static gboolean
is_call_at (const char *text,
            const char *p,
            const char *name)
{
  const char *q;

  if (p > text && is_ident_char (p[-1]))
    return FALSE;
  if (!g_str_has_prefix (p, name))
    return FALSE;
  q = p + strlen (name);
  while (*q == ' ' || *q == '\t')
    q++;
  return *q == '(';
}

static gboolean
has_translatable_strings (const char *path,
                          const char *text)
{
  static const char * const calls[] = {
    "_", "N_", "C_", "NC_", "Q_", "ngettext", "g_dngettext", "g_dgettext",
    "g_dpgettext2", "gettext", "dgettext",
  };

  if (g_str_has_suffix (path, ".ui"))
    return strstr (text, "translatable=\"yes\"") != NULL
           || strstr (text, "translatable=\"true\"") != NULL
           || strstr (text, "translatable=\"1\"") != NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      /* Skip string literals and comments: a word in them is not a call. */
      if (*p == '"')
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '\'')
        {
          /* A character literal such as '"' must not open a string. */
          if (p[1] == '\\' && p[2] != '\0' && p[3] == '\'')
            p += 3;
          else if (p[1] != '\0' && p[2] == '\'')
            p += 2;
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          if (end == NULL)
            break;
          p = end + 1;
          continue;
        }
      if (p[0] == '/' && p[1] == '/')
        {
          const char *end = strchr (p, '\n');
          if (end == NULL)
            break;
          p = end;
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
        if (is_call_at (text, p, calls[i]))
          {
            /* "_ (" must be followed by a string literal to count: a
             * macro parameter named "_" is not a translation. */
            const char *q = p + strlen (calls[i]);
            while (*q == ' ' || *q == '(' || *q == '\t')
              q++;
            if (strlen (calls[i]) > 2 || *q == '"')
              return TRUE;
          }
    }

  return FALSE;
}

/* Reads po/POTFILES.in into a set of relative paths; the "[type: …]" prefix that
 * intltool allowed is tolerated. */
static GHashTable *
read_potfiles (void)
{
  g_autofree char *path = g_build_filename (source_root, "po", "POTFILES.in", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '[')
        {
          char *end = strchr (line, ']');
          if (end != NULL)
            line = g_strstrip (end + 1);
        }
      if (*line == '\0' || *line == '#')
        continue;
      g_hash_table_add (set, g_strdup (line));
    }

  return set;
}

/* Appends the source files under @dir (relative to the source root) to @out. */
static void
collect_sources (const char *dir,
                 GPtrArray  *out)
{
  g_autofree char *abs = g_build_filename (source_root, dir, NULL);
  g_autoptr (GDir) gdir = NULL;
  const char *name;

  gdir = g_dir_open (abs, 0, NULL);
  if (gdir == NULL)
    return;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *rel = g_build_filename (dir, name, NULL);
      g_autofree char *child = g_build_filename (source_root, rel, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect_sources (rel, out);
      else if (g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h")
               || g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&rel));
    }
}

static void
test_sources_listed (void)
{
  g_autoptr (GHashTable) listed = read_potfiles ();
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) missing = g_string_new (NULL);
  guint n_translatable = 0;

  collect_sources ("src", sources);
  collect_sources ("ui", sources);
  g_assert_cmpuint (sources->len, >, 0);

  for (guint i = 0; i < sources->len; i++)
    {
      const char *rel = g_ptr_array_index (sources, i);
      g_autofree char *abs = g_build_filename (source_root, rel, NULL);
      g_autofree char *text = NULL;

      if (!g_file_get_contents (abs, &text, NULL, NULL))
        continue;   /* removed while we walked: another engineer is mid-edit */
      if (!has_translatable_strings (rel, text))
        continue;
      n_translatable++;
      if (!g_hash_table_contains (listed, rel))
        g_string_append_printf (missing, " %s", rel);
    }

  g_test_message ("%u source files have translatable strings", n_translatable);
  if (missing->len > 0)
    g_test_fail_printf ("files with translatable strings missing from po/POTFILES.in:%s",
                        missing->str);
}

static void
test_listed_files_exist (void)
{
  g_autoptr (GHashTable) listed = read_potfiles ();
  g_autoptr (GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *abs = g_build_filename (source_root, key, NULL);

      /* xgettext stops at the first missing file, so the .pot would not build. */
      if (!g_file_test (abs, G_FILE_TEST_IS_REGULAR))
        g_string_append_printf (missing, " %s", (const char *) key);
    }

  if (missing->len > 0)
    g_test_fail_printf ("po/POTFILES.in lists files that do not exist:%s", missing->str);
}

static void
test_data_files_listed (void)
{
  static const char * const data_files[] = {
    "data/org.example.Casefile.desktop.in",
    "data/org.example.Casefile.metainfo.xml.in",
    "data/org.example.Casefile.gschema.xml",
    "data/org.example.Casefile-mime.xml",
  };
  g_autoptr (GHashTable) listed = read_potfiles ();

  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    if (!g_hash_table_contains (listed, data_files[i]))
      g_test_fail_printf ("%s is not in po/POTFILES.in", data_files[i]);
}

static void
test_detector (void)
{
  /* The detector itself: what counts and what does not. */
  g_assert_true (has_translatable_strings ("a.c", "x = _(\"Open\");"));
  g_assert_true (has_translatable_strings ("a.c", "x = _ (\"Open\");"));
  g_assert_true (has_translatable_strings ("a.c", "{ N_(\"Low\") }"));
  g_assert_true (has_translatable_strings ("a.c", "C_(\"rating\", \"High\")"));
  g_assert_true (has_translatable_strings ("a.c", "ngettext (\"%d claim\", \"%d claims\", n)"));
  g_assert_true (has_translatable_strings ("a.ui", "<property name=\"label\" translatable=\"yes\">Open</property>"));
  g_assert_false (has_translatable_strings ("a.c", "g_strdup_printf (\"x\");"));
  g_assert_false (has_translatable_strings ("a.c", "/* use _(\"x\") here */ int a;"));
  g_assert_false (has_translatable_strings ("a.c", "g_print (\"_(\\\"x\\\")\");"));
  g_assert_false (has_translatable_strings ("a.c", "my_func_(\"x\");"));
  g_assert_true (has_translatable_strings ("a.c", "if (c == '\"') x = _(\"Quote\");"));
  g_assert_false (has_translatable_strings ("a.ui", "<property name=\"label\">Open</property>"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  source_root = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", NULL);

  g_test_add_func ("/potfiles/detector", test_detector);
  g_test_add_func ("/potfiles/sources-listed", test_sources_listed);
  g_test_add_func ("/potfiles/listed-files-exist", test_listed_files_exist);
  g_test_add_func ("/potfiles/data-files-listed", test_data_files_listed);

  return g_test_run ();
}
