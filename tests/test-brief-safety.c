/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief under hostile conditions, one behaviour per test: a disk that fills up
 * while the PDF is written, fields far longer than any page, URLs that are not
 * links, text that is not UTF-8. Each must end in a brief or a clear error, with no
 * crash, no CRITICAL and nothing left behind. */

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "brief-test-util.h"
#include "cf-case-private.h"

/* --- a full disk --------------------------------------------------------------------------- */

/* A full disk without root: past a file size limit of @limit bytes write() fails
 * (EFBIG) as it would with ENOSPC, once SIGXFSZ (which kills by default) is ignored.
 * Only async-signal-safe calls: it also runs between fork and exec. */
static void
set_file_size_limit (rlim_t   limit,
                     gboolean ignore_signal)
{
  struct rlimit rl;

  getrlimit (RLIMIT_FSIZE, &rl);
  rl.rlim_cur = limit;
  setrlimit (RLIMIT_FSIZE, &rl);
  if (ignore_signal)
    signal (SIGXFSZ, SIG_IGN);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* In a subprocess: the limit stays with it, and a crash fails this test only. */
static void
test_pdf_full_disk_leaves_no_file (gconstpointer data)
{
  rlim_t limit = GPOINTER_TO_UINT (data);
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  kase = small_case ("full-disk.casefile");
  brief = cf_brief_new (kase, NULL, &error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("full-disk-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "brief.pdf", NULL);

  set_file_size_limit (limit, TRUE);
  g_assert_false (cf_brief_write_pdf (brief, path, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "brief.pdf"));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

static void
cli_child_setup (gpointer user_data)
{
  set_file_size_limit (0, GPOINTER_TO_INT (user_data));
}

/* casefile-cli brief on a full disk, or past a file size limit whose signal would
 * kill it: an error in words, exit status 1, no file. */
static void
test_cli_full_disk_leaves_no_file (gconstpointer data)
{
  const char *cli = g_getenv ("CASEFILE_CLI");
  g_autofree char *case_path = temp_path ("cli-full-disk.casefile");
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CASEFILE_CLI is not set");
      return;
    }
  g_object_unref (small_case ("cli-full-disk.casefile"));
  dir = g_dir_make_tmp ("cli-full-disk-XXXXXX", &error);
  g_assert_no_error (error);
  output = g_build_filename (dir, "brief.pdf", NULL);

  {
    const char *argv[] = { cli, "brief", case_path, "-o", output, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, cli_child_setup,
                  (gpointer) data, NULL, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "Could not write the brief"));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

/* --- bounded work for any input ------------------------------------------------------------- */

static guint
count_char (const char *text,
            gunichar    ch)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == ch)
      n++;
  return n;
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);
  return g_string_free (out, FALSE);
}

/* The small case's brief with @field of the case set to @value, read back; its
 * page count must stay within a page of the plain small case's. */
static PdfText *
render_with_case_field (CfCaseField  field,
                        const char  *value)
{
  g_autoptr(CfCase) kase = small_case ("bounds.casefile");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) plain = render_brief (kase, NULL, "bounds-plain.pdf");
  PdfText *pdf;

  cf_case_set_info (kase, field, value, &error);
  g_assert_no_error (error);
  pdf = render_brief (kase, NULL, "bounds.pdf");
  g_assert_cmpuint (pdf->n_pages, <=, plain->n_pages + 1);
  return pdf;
}

/* A title of 3,000 words is cut on the title page and in every running header. */
static void
test_bounds_long_title_cut (void)
{
  g_autofree char *title = repeat ("Title ", 3000);
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  pdf = render_with_case_field (CF_CASE_FIELD_TITLE, title);
  g_assert_cmpuint (count_char (pdf->all, 'T'), <, 200);
  g_assert_nonnull (strstr (pdf->all, "Title…"));
}

/* One word of 30,000 letters as the title: cut too, and laid out in linear time. */
static void
test_bounds_unbreakable_title_cut (void)
{
  g_autofree char *title = repeat ("A", 30000);
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  pdf = render_with_case_field (CF_CASE_FIELD_TITLE, title);
  g_assert_cmpuint (count_char (pdf->all, 'A'), <, 2000);
}

/* An actor's name of 100,000 letters is cut wherever the claim is shown. */
static void
test_bounds_long_actor_cut (void)
{
  g_autoptr(CfCase) kase = small_case ("long-actor.casefile");
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = repeat ("\u0436", 100000);   /* ж */
  g_autoptr(PdfText) pdf = NULL;

  if (!have_poppler ())
    return;
  cf_case_set_claim_actor_name (kase, 1, actor, &error);
  g_assert_no_error (error);
  pdf = render_brief (kase, NULL, "long-actor.pdf");
  g_assert_cmpuint (pdf->n_pages, <=, 3);
  g_assert_cmpuint (count_char (pdf->all, 0x0436), >, 0);
  g_assert_cmpuint (count_char (pdf->all, 0x0436), <, 2000);
}

/* A quote that is one word of 20,000 letters wraps over lines and is all there. */
static void
test_bounds_unbreakable_quote_wrapped (void)
{
  g_autoptr(CfCase) kase = new_case ("long-word.casefile", "One long word");
  g_autofree char *word = repeat ("\u0436", 20000);
  g_autoptr(PdfText) pdf = NULL;
  gint64 document;

  if (!have_poppler ())
    return;
  document = add_document (kase, "A source", NULL, word);
  add_claim (kase, document, word);
  pdf = render_brief (kase, NULL, "long-word.pdf");
  g_assert_cmpuint (count_char (pdf->all, 0x0436), ==, 20000);
}

/* --- links --------------------------------------------------------------------------------- */

/* The bytes of the brief of a case with one source at @url. */
static GBytes *
brief_bytes_with_url (const char *url)
{
  g_autoptr(CfCase) kase = new_case ("link.casefile", "Links");
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  CfBriefOptions options;
  gint64 document = add_document (kase, "A source", NULL, "Some text.");

  cf_case_set_document_field (kase, document, CF_DOCUMENT_FIELD_URL, url, &error);
  g_assert_no_error (error);
  init_options (&options, date);
  path = write_brief (kase, &options, "link.pdf");
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&bytes), length);
}

static gboolean
bytes_have (GBytes     *bytes,
            const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return bytes_contain (data, length, needle);
}

static void
test_links_web_address_linked (void)
{
  g_autoptr(GBytes) bytes = brief_bytes_with_url ("https://news.example/a");

  g_assert_true (bytes_have (bytes, "/URI (https://news.example/a)"));
}

static void
test_links_mail_address_linked (void)
{
  g_autoptr(GBytes) bytes = brief_bytes_with_url ("mailto:desk@news.example");

  g_assert_true (bytes_have (bytes, "/URI (mailto:desk@news.example)"));
}

/* A javascript: or file: URL stays text: no /URI action in the PDF. */
static void
test_links_script_address_not_linked (gconstpointer data)
{
  const char *url = data;
  g_autoptr(GBytes) bytes = brief_bytes_with_url (url);

  g_assert_false (bytes_have (bytes, "/URI"));
  if (!have_poppler ())
    return;
  {
    g_autofree char *path = temp_path ("link-text.pdf");
    g_autoptr(PdfText) pdf = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                        (gssize) g_bytes_get_size (bytes), NULL));
    pdf = read_pdf (path);
    g_assert_nonnull (strstr (pdf->all, url));
    g_unlink (path);
  }
}

/* --- text that is not UTF-8 --------------------------------------------------------------------- */

/* The small case with bytes that are not UTF-8 (\xC3\x28, \xFF) written into its
 * title, an actor, a tag, a note, a hypothesis and a source title behind the
 * store's back, as a hand-edited file would have them; then opened again. */
static CfCase *
case_with_bad_text (void)
{
  g_autoptr(CfCase) kase = small_case ("bad-utf8.casefile");
  g_autofree char *path = g_strdup (cf_case_get_path (kase));
  g_autoptr(GError) error = NULL;
  CfCase *reopened;
  const char *sql =
    "UPDATE case_info SET title = 'Bad ' || CAST (x'C328FF' AS TEXT) || ' title';"
    "UPDATE actors SET name = 'Port ' || CAST (x'FF' AS TEXT) || ' police';"
    "UPDATE tags SET name = 'Att' || CAST (x'C328' AS TEXT) || 'ack' WHERE name = 'Attack';"
    "UPDATE notes SET body = 'Check ' || CAST (x'FFFE' AS TEXT) || ' the log' WHERE target = 'claim';"
    "UPDATE hypotheses SET title = 'The depot ' || CAST (x'C3' AS TEXT) WHERE id = 1;"
    "UPDATE documents SET title = 'Blast ' || CAST (x'E282' AS TEXT) || ' depot';";

  g_assert_cmpint (sqlite3_exec (_cf_case_get_db (kase), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&kase);
  reopened = cf_case_open (path, CF_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return reopened;
}

/* Bad bytes become U+FFFD; the brief is written without a warning (which the test
 * framework would make fatal) and says what it can. */
static void
test_utf8_invalid_text_replaced (void)
{
  g_autoptr(CfCase) kase = case_with_bad_text ();
  g_autoptr(PdfText) pdf = NULL;
  const char *expected[] = {
    "Bad \uFFFD(\uFFFD title", "The depot \uFFFD", "Att\uFFFD(ack", "Port \uFFFD police",
    "Blast \uFFFD\uFFFD depot", "Check \uFFFD\uFFFD the log",
  };

  if (!have_poppler ())
    return;
  pdf = render_brief (kase, NULL, "bad-utf8.pdf");
  assert_in_order (pdf->all, 0, expected, G_N_ELEMENTS (expected));
}

/* Drawing on any surface (as printing does) needs no PDF reader to show the fault. */
static void
test_utf8_invalid_text_paginates (void)
{
  g_autoptr(CfCase) kase = case_with_bad_text ();
  g_autoptr(CfBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  brief = cf_brief_new (kase, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_brief_paginate (brief, NULL, 612, 792, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  for (guint page = 0; page < cf_brief_get_n_pages (brief); page++)
    cf_brief_draw_page (brief, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/brief/pdf/full-disk-leaves-no-file/at-once", GUINT_TO_POINTER (0),
                        test_pdf_full_disk_leaves_no_file);
  g_test_add_data_func ("/brief/pdf/full-disk-leaves-no-file/after-100-bytes", GUINT_TO_POINTER (100),
                        test_pdf_full_disk_leaves_no_file);
  g_test_add_data_func ("/brief/pdf/full-disk-leaves-no-file/after-20-kb", GUINT_TO_POINTER (20000),
                        test_pdf_full_disk_leaves_no_file);
  g_test_add_data_func ("/brief/cli/full-disk-leaves-no-file", GINT_TO_POINTER (TRUE),
                        test_cli_full_disk_leaves_no_file);
  g_test_add_data_func ("/brief/cli/file-size-limit-leaves-no-file", GINT_TO_POINTER (FALSE),
                        test_cli_full_disk_leaves_no_file);
  g_test_add_func ("/brief/bounds/long-title-cut", test_bounds_long_title_cut);
  g_test_add_func ("/brief/bounds/unbreakable-title-cut", test_bounds_unbreakable_title_cut);
  g_test_add_func ("/brief/bounds/long-actor-cut", test_bounds_long_actor_cut);
  g_test_add_func ("/brief/bounds/unbreakable-quote-wrapped", test_bounds_unbreakable_quote_wrapped);
  g_test_add_func ("/brief/links/web-address-linked", test_links_web_address_linked);
  g_test_add_func ("/brief/links/mail-address-linked", test_links_mail_address_linked);
  g_test_add_data_func ("/brief/links/javascript-address-not-linked", "javascript:alert(1)",
                        test_links_script_address_not_linked);
  g_test_add_data_func ("/brief/links/file-address-not-linked", "file:///etc/passwd",
                        test_links_script_address_not_linked);
  g_test_add_func ("/brief/utf8/invalid-text-replaced", test_utf8_invalid_text_replaced);
  g_test_add_func ("/brief/utf8/invalid-text-paginates", test_utf8_invalid_text_paginates);

  return g_test_run ();
}
