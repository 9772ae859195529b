/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Article extraction speed over the article-extraction corpus, against a bare
 * libxml2 HTML parse of the same pages, in one process:
 *
 *   extract-bench [CORPUS_DIR] [ROUNDS]
 *
 * CORPUS_DIR defaults to $CASEFILE_SHARED_DIR/corpora/article-extraction, then
 * ../shared/corpora/article-extraction. */
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <libxml/HTMLparser.h>

#include "cf-extract.h"

static GBytes *
gunzip_file (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  raw = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (raw == NULL)
    return NULL;
  stream = g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
  if (g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
default_corpus (void)
{
  const char *shared = g_getenv ("CASEFILE_SHARED_DIR");

  if (shared != NULL)
    return g_build_filename (shared, "corpora", "article-extraction", NULL);
  return g_strdup ("../shared/corpora/article-extraction");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *corpus = argc > 1 ? g_strdup (argv[1]) : default_corpus ();
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autofree char *html_dir = g_build_filename (corpus, "html", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gsize total_bytes = 0;
  gint64 start;
  double extract_s, parse_s;
  guint failures = 0;

  if (rounds == 0)
    rounds = 1;
  dir = g_dir_open (html_dir, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "extract-bench: %s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html.gz"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (html_dir, g_ptr_array_index (names, i), NULL);
      GBytes *bytes = gunzip_file (path, &error);

      if (bytes == NULL)
        {
          fprintf (stderr, "extract-bench: %s: %s\n", path, error->message);
          return 1;
        }
      total_bytes += g_bytes_get_size (bytes);
      g_ptr_array_add (pages, bytes);
    }
  if (pages->len == 0)
    {
      fprintf (stderr, "extract-bench: no *.html.gz pages in %s\n", html_dir);
      return 1;
    }

  /* warm-up, and the library's one-time initialisation */
  {
    g_autoptr(GPtrArray) docs = cf_extract_bytes (g_ptr_array_index (pages, 0), "page.html", NULL);
  }

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < pages->len; i++)
      {
        g_autoptr(GError) local_error = NULL;
        g_autoptr(GPtrArray) docs = cf_extract_bytes (g_ptr_array_index (pages, i), "page.html",
                                                      &local_error);

        if (docs == NULL)
          failures++;
      }
  extract_s = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < pages->len; i++)
      {
        gsize len;
        const char *data = g_bytes_get_data (g_ptr_array_index (pages, i), &len);
        htmlDocPtr doc = htmlReadMemory (data, (int) len, NULL, NULL,
                                         HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);

        if (doc != NULL)
          xmlFreeDoc (doc);
      }
  parse_s = (g_get_monotonic_time () - start) / 1e6;

  printf ("corpus: %u pages, %.1f MB, %u rounds\n", pages->len, total_bytes / 1e6, rounds);
  printf ("extract: %.0f pages/s, %.1f MB/s (%u failures)\n",
          pages->len * rounds / extract_s, total_bytes * rounds / 1e6 / extract_s, failures);
  printf ("bare htmlReadMemory: %.0f pages/s, %.1f MB/s\n",
          pages->len * rounds / parse_s, total_bytes * rounds / 1e6 / parse_s);
  printf ("extract / bare parse: %.2f\n", parse_s / extract_s);
  return failures ? 1 : 0;
}
