/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-reader: the helper process the format readers run in. It serves the
 * requests that come on stdin, one after another (cf-read-protocol-private.h), and
 * ends at the end of its input: read a file's documents (the reader its content
 * calls for, answered as JSON), or for the page view a PDF's layout (page sizes and
 * character boxes) or one page's pixels (binary answers). The importer starts it
 * under resource limits and kills it on a timeout, a processor-time overrun or any
 * failure (cf-read-helper.c), so that a crash or a hang in a parser of hostile input
 * ends here and never in the window. It opens no files and writes nothing but
 * stdout.
 *
 * Nothing is set up before it is needed: poppler, GMime and libxml2 are started by
 * the first file that needs them, so a helper that reads only mail never loads a
 * font configuration. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cf-formats.h"
#include "cf-read-pdf.h"
#include "cf-read-protocol-private.h"

typedef enum
{
  READ_OK,
  READ_END,     /* the input ended before the first byte */
  READ_FAILED,
} ReadStatus;

static ReadStatus
read_exact (void  *buffer,
            gsize  len)
{
  guint8 *at = buffer;
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = read (STDIN_FILENO, at + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return READ_FAILED;
      if (n == 0)
        return done == 0 ? READ_END : READ_FAILED;
      done += (gsize) n;
    }
  return READ_OK;
}

static gboolean
write_all (gconstpointer data,
           gsize         len)
{
  const guint8 *at = data;

  while (len > 0)
    {
      ssize_t n = write (STDOUT_FILENO, at, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      at += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
answer (CfReadAnswerStatus status,
        gconstpointer      data,
        gsize              len)
{
  CfReadAnswer header = { CF_READ_ANSWER_MAGIC, status, len };

  return write_all (&header, sizeof header) && write_all (data, len);
}

static gboolean
answer_failure (const GError *error)
{
  const char *message = error != NULL ? error->message : "The request could not be served.";

  return answer (CF_READ_ANSWER_FAILED, message, MIN (strlen (message), CF_READ_MAX_FAILURE_MESSAGE));
}

/* One request's answer: TRUE when it was written. */
static gboolean
serve (const CfReadRequest *request,
       GBytes              *bytes)
{
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  switch (request->kind)
    {
    case CF_READ_REQUEST_READ:
      {
        g_autoptr(GPtrArray) docs = cf_read_bytes (bytes, NULL, &error);
        g_autofree char *json = NULL;
        gsize len = 0;

        json = cf_read_serialise (docs, error, &len);
        return answer (CF_READ_ANSWER_OK, json, len);
      }
    case CF_READ_REQUEST_LAYOUT:
      {
        g_autoptr(CfPdfLayout) layout = cf_pdf_layout_new (bytes, NULL, &error);

        if (layout != NULL)
          reply = cf_pdf_layout_to_wire (layout);
        break;
      }
    case CF_READ_REQUEST_RENDER:
      if (request->width <= CF_PDF_MAX_RENDER_SIDE && request->height <= CF_PDF_MAX_RENDER_SIDE)
        reply = cf_pdf_render_to_wire (bytes, request->page, (int) request->width,
                                       (int) request->height, &error);
      break;
    default:
      break;
    }
  if (reply == NULL)
    return answer_failure (error);
  return answer (CF_READ_ANSWER_OK, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
}

int
main (void)
{
  /* the PDF of the last layout or render request, for the next pages */
  g_autoptr(GBytes) document = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (;;)
    {
      CfReadRequest request;
      g_autoptr(GBytes) bytes = NULL;

      switch (read_exact (&request, sizeof request))
        {
        case READ_END:
          return 0;
        case READ_FAILED:
          return 1;
        case READ_OK:
          break;
        }
      /* a client that speaks otherwise is not ours: stop */
      if (memcmp (request.magic, CF_READ_REQUEST_MAGIC, CF_READ_MAGIC_SIZE) != 0 ||
          request.length > CF_EXTRACT_MAX_INPUT)
        return 1;
      if (request.flags & CF_READ_REQUEST_SAME_DOCUMENT)
        {
          if (request.length != 0 || document == NULL || request.kind == CF_READ_REQUEST_READ)
            return 1;
          bytes = g_bytes_ref (document);
        }
      else
        {
          guint8 *data = g_malloc (MAX (request.length, 1));

          if (request.length > 0 && read_exact (data, request.length) != READ_OK)
            {
              g_free (data);
              return 1;
            }
          bytes = g_bytes_new_take (data, request.length);
          if (request.kind != CF_READ_REQUEST_READ)
            {
              g_clear_pointer (&document, g_bytes_unref);
              document = g_bytes_ref (bytes);
            }
        }
      if (!serve (&request, bytes))
        return 1;
    }
}
