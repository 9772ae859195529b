/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-reader: reads one file's bytes on stdin, runs the reader its content
 * calls for and writes the documents (or the error) as JSON on stdout. The importer
 * starts it under resource limits (cf-read-helper.c), so that a crash or a hang in a
 * parser of hostile input ends here and never in the window. It opens no files and
 * writes nothing but stdout.
 *
 * For the page view it has two more errands (cf_pdf_layout_in_helper and
 * cf_pdf_render_in_helper): with --layout, the PDF's page sizes and character boxes;
 * with --render PAGE WIDTH HEIGHT, one page's pixels. Those answers are binary, and
 * a failure is an exit status of 1 with nothing on stdout. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cf-formats.h"
#include "cf-read-pdf.h"

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize cap = (gsize) CF_EXTRACT_MAX_INPUT + 1;

  while (buffer->len < cap)
    {
      guint8 chunk[65536];
      ssize_t n = read (STDIN_FILENO, chunk, MIN (sizeof chunk, cap - buffer->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "%s", g_strerror (errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
write_all (const char *data,
           gsize       len)
{
  while (len > 0)
    {
      ssize_t n = write (STDOUT_FILENO, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
parse_int (const char *text,
           guint64     max,
           guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

/* --layout or --render: a binary answer, or exit status 1. */
static int
page_view_errand (GBytes  *bytes,
                  int      argc,
                  char    *argv[])
{
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize len;

  if (g_strcmp0 (argv[1], "--layout") == 0 && argc == 2)
    {
      g_autoptr(CfPdfLayout) layout = cf_pdf_layout_new (bytes, NULL, &error);

      if (layout != NULL)
        answer = cf_pdf_layout_to_wire (layout);
    }
  else if (g_strcmp0 (argv[1], "--render") == 0 && argc == 5)
    {
      guint64 page, width, height;

      if (parse_int (argv[2], G_MAXINT, &page) && parse_int (argv[3], CF_PDF_MAX_RENDER_SIDE, &width) &&
          parse_int (argv[4], CF_PDF_MAX_RENDER_SIDE, &height))
        answer = cf_pdf_render_to_wire (bytes, (guint) page, (int) width, (int) height, &error);
    }
  if (answer == NULL)
    {
      g_printerr ("casefile-reader: %s\n", error != NULL ? error->message : "bad arguments");
      return 1;
    }
  data = g_bytes_get_data (answer, &len);
  return write_all ((const char *) data, len) ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize len = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  bytes = read_stdin (&error);
  if (argc > 1)
    {
      if (bytes == NULL || g_bytes_get_size (bytes) > CF_EXTRACT_MAX_INPUT)
        return 1;
      return page_view_errand (bytes, argc, argv);
    }
  if (bytes != NULL && g_bytes_get_size (bytes) > CF_EXTRACT_MAX_INPUT)
    g_set_error (&error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                 _("The file is too large to import."));
  else if (bytes != NULL)
    docs = cf_read_bytes (bytes, NULL, &error);
  json = cf_read_serialise (docs, error, &len);
  return write_all (json, len) ? 0 : 1;
}
