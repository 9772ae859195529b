/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF corpus and benchmark (issue 13). Typesets our own articles with cairo
 * (tests/pdf-test-util.c: one or two columns, running headers, page numbers,
 * hyphenation, three type sizes) and writes them as a corpus that
 * ../shared/tools/score-extraction reads (DIR/ground-truth.json and
 * DIR/html/ID.html.gz; the files are PDFs whatever their names, and the extractor
 * sniffs them by content), plus the plain PDFs in DIR/pdf for the speed run:
 *
 *   pdf-corpus write DIR [N]
 *   score-extraction body --corpus DIR --cmd 'build/src/cli/casefile-cli extract --json'
 *   pdf-corpus speed DIR [ROUNDS]
 *
 * "speed" times, side by side in one run over the same files, pdftotext (one
 * process per file, as it is used), our reader in this process, and our reader
 * through casefile-cli extract --json and its reader helper process two ways: all
 * the files in one CLI run (as score-extraction and an import of many files run it:
 * one helper serves them all), and one CLI run per file, like pdftotext (a CLI and
 * a helper process started for each file). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cf-formats.h"
#include "pdf-test-util.h"

static gboolean
write_gzip (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) zipped = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GBytes) packed = NULL;

  if (!g_output_stream_write_all (zipped, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, NULL, error) ||
      !g_output_stream_close (zipped, NULL, error))
    return FALSE;
  packed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  return g_file_set_contents (path, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), error);
}

static int
write_corpus (const char *dir,
              guint       n)
{
  static const char *headers[] = {
    "Regional Review", "Field Notes \xe2\x80\x94 Northern Province", "Quarterly Assessment",
    "Working Paper 14", NULL,
  };
  static const double sizes[] = { 9.5, 10.5, 11.5 };
  g_autoptr(JsonBuilder) truth = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html_dir = g_build_filename (dir, "html", NULL);
  g_autofree char *pdf_dir = g_build_filename (dir, "pdf", NULL);
  g_autofree char *truth_path = g_build_filename (dir, "ground-truth.json", NULL);

  if (g_mkdir_with_parents (html_dir, 0755) != 0 || g_mkdir_with_parents (pdf_dir, 0755) != 0)
    {
      g_printerr ("Cannot create the folders in %s\n", dir);
      return 1;
    }
  json_builder_begin_object (truth);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) prose = pdf_test_prose (1000 + i, 6 + (i * 7) % 40);
      g_autofree char *title = g_strdup_printf ("Assessment %u of the northern corridor", i + 1);
      PdfTestArticle article = {
        .title = title,
        .author = "Casefile test desk",
        .header = headers[i % G_N_ELEMENTS (headers)],
        .paragraphs = (const char *const *) prose,
        .columns = 1 + i % 2,
        .page_numbers = i % 3 != 2,
        .hyphenate = i % 4 != 3,
        .font_size = sizes[i % G_N_ELEMENTS (sizes)],
      };
      g_autoptr(GBytes) pdf = pdf_test_make_article (&article);
      g_autofree char *expected = pdf_test_expected_text (&article);
      g_autofree char *id = g_strdup_printf ("pdf-%03u-%ucol", i + 1, article.columns);
      g_autofree char *gz_name = g_strconcat (id, ".html.gz", NULL);
      g_autofree char *gz_path = g_build_filename (html_dir, gz_name, NULL);
      g_autofree char *pdf_name = g_strconcat (id, ".pdf", NULL);
      g_autofree char *pdf_path = g_build_filename (pdf_dir, pdf_name, NULL);

      if (!write_gzip (gz_path, pdf, &error) ||
          !g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      json_builder_set_member_name (truth, id);
      json_builder_begin_object (truth);
      json_builder_set_member_name (truth, "articleBody");
      json_builder_add_string_value (truth, expected);
      json_builder_set_member_name (truth, "url");
      json_builder_add_string_value (truth, pdf_name);
      json_builder_end_object (truth);
    }
  json_builder_end_object (truth);
  root = json_builder_get_root (truth);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, truth_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("wrote %u PDFs to %s\n", n, dir);
  return 0;
}

static GPtrArray *
list_pdfs (const char *dir)
{
  g_autofree char *pdf_dir = g_build_filename (dir, "pdf", NULL);
  g_autoptr(GDir) listing = g_dir_open (pdf_dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (pdf_dir, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

static double
run_each (GPtrArray   *paths,
          const char  *program,
          const char  *const *before,
          const char  *const *after)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_ptr_array_add (argv, (char *) program);
      for (guint k = 0; before[k] != NULL; k++)
        g_ptr_array_add (argv, (char *) before[k]);
      g_ptr_array_add (argv, paths->pdata[i]);
      for (guint k = 0; after[k] != NULL; k++)
        g_ptr_array_add (argv, (char *) after[k]);
      g_ptr_array_add (argv, NULL);
      if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error))
        {
          g_printerr ("%s: %s\n", program, error->message);
          exit (1);
        }
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

/* One run of @program with all @paths after @before. */
static double
run_all (GPtrArray   *paths,
         const char  *program,
         const char  *const *before)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_ptr_array_add (argv, (char *) program);
  for (guint k = 0; before[k] != NULL; k++)
    g_ptr_array_add (argv, (char *) before[k]);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, paths->pdata[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_printerr ("%s: %s\n", program, error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static char *
load_average (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (contents, " ", 4);
  return g_strv_length (fields) >= 3 ? g_strjoin (" ", fields[0], fields[1], fields[2], NULL) : g_strdup ("?");
}

static double
run_in_process (GPtrArray *paths,
                guint64   *chars)
{
  gint64 start = g_get_monotonic_time ();

  *chars = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (paths->pdata[i], &data, &len, &error))
        {
          g_printerr ("%s\n", error->message);
          exit (1);
        }
      bytes = g_bytes_new_take (g_steal_pointer (&data), len);
      docs = cf_read_pdf (bytes, NULL, &error);
      if (docs == NULL)
        {
          g_printerr ("%s: %s\n", (char *) paths->pdata[i], error->message);
          exit (1);
        }
      *chars += g_utf8_strlen (((CfExtractedDocument *) docs->pdata[0])->text, -1);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
speed (const char *dir,
       guint       rounds,
       const char *cli)
{
  g_autoptr(GPtrArray) paths = list_pdfs (dir);
  const char *none[] = { NULL };
  const char *to_stdout[] = { "-", NULL };
  const char *json[] = { "extract", "--json", NULL };
  double t_pdftotext = 0, t_ours = 0, t_cli = 0, t_cli_all = 0;
  guint64 chars = 0;
  g_autofree char *load_before = load_average ();
  g_autofree char *load_after = NULL;

  if (paths->len == 0)
    {
      g_printerr ("No PDFs in %s/pdf; run pdf-corpus write %s first\n", dir, dir);
      return 1;
    }
  /* interleaved rounds, so that a busy machine weighs on all three alike */
  for (guint r = 0; r < rounds; r++)
    {
      t_pdftotext += run_each (paths, "pdftotext", none, to_stdout);
      t_ours += run_in_process (paths, &chars);
      if (cli != NULL)
        {
          t_cli_all += run_all (paths, cli, json);
          t_cli += run_each (paths, cli, json, none);
        }
    }
  load_after = load_average ();
  g_print ("%u PDFs x %u rounds, %" G_GUINT64_FORMAT " characters of text each round; "
           "load average %s before, %s after\n",
           paths->len, rounds, chars, load_before, load_after);
  g_print ("pdftotext (a process per file):          %7.2f s  %6.1f files/s\n",
           t_pdftotext, rounds * paths->len / t_pdftotext);
  g_print ("cf_read_pdf (in this process):           %7.2f s  %6.1f files/s  %5.0f%% of pdftotext's speed\n",
           t_ours, rounds * paths->len / t_ours, 100 * t_pdftotext / t_ours);
  if (cli != NULL)
    {
      g_print ("casefile-cli extract, all files in one run: %4.2f s  %6.1f files/s  %5.0f%% of pdftotext's speed\n",
               t_cli_all, rounds * paths->len / t_cli_all, 100 * t_pdftotext / t_cli_all);
      g_print ("casefile-cli extract, a run per file:    %7.2f s  %6.1f files/s  %5.0f%% of pdftotext's speed\n",
               t_cli, rounds * paths->len / t_cli, 100 * t_pdftotext / t_cli);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "write") == 0)
    return write_corpus (argv[2], argc >= 4 ? (guint) atoi (argv[3]) : 40);
  if (argc >= 3 && strcmp (argv[1], "speed") == 0)
    return speed (argv[2], argc >= 4 ? MAX (1, atoi (argv[3])) : 3, g_getenv ("CASEFILE_CLI"));
  g_printerr ("usage: pdf-corpus write DIR [N]\n"
              "       CASEFILE_CLI=build/src/cli/casefile-cli pdf-corpus speed DIR [ROUNDS]\n");
  return 2;
}
