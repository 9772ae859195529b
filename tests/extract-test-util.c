/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the extractor's test programs share: bytes, strings and fixture files
 * through cf_extract_bytes(), and temporary files for hostile inputs to name. */
#include <string.h>

#include "extract-test-util.h"

GPtrArray *
extract_len (const char  *data,
             gsize        len,
             const char  *filename,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return cf_extract_bytes (bytes, filename, error);
}

GPtrArray *
extract (const char  *data,
         const char  *filename,
         GError     **error)
{
  return extract_len (data, strlen (data), filename, error);
}

CfExtractedDocument *
first (GPtrArray *docs)
{
  g_assert_nonnull (docs);
  g_assert_cmpuint (docs->len, >=, 1);
  return g_ptr_array_index (docs, 0);
}

char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

GPtrArray *
extract_fixture (const char  *name,
                 const char  *filename,
                 GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "extract",
                                                 name, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return extract_len (contents, len, filename, error);
}
