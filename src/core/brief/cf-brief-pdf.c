/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF entry point: every page of the brief written through cairo's PDF surface
 * into a temporary file beside the target, synced and renamed over it only when
 * everything was written, so a failed export never leaves a half-written brief
 * under the name the user chose. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-brief-private.h"

typedef struct
{
  int fd;
  int saved_errno;
} PdfStream;

/* A failed write is recorded and the rest of the output dropped, but cairo is told
 * it succeeded: cairo 1.16 crashes inside cairo_surface_finish when its output
 * stream failed on the first write (seen on a full disk). The error is reported
 * from stream->saved_errno once cairo is done with the stream. */
static cairo_status_t
pdf_write_cb (void                *user_data,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = user_data;

  while (length > 0 && stream->saved_errno == 0)
    {
      ssize_t written = write (stream->fd, data, length);

      if (written < 0)
        {
          if (errno != EINTR)
            stream->saved_errno = errno;
          continue;
        }
      if (written == 0)
        {
          stream->saved_errno = ENOSPC;
          break;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* TRANSLATORS: first %s is a file name, second the system's reason */
               _("Could not write the brief to “%s”: %s. Choose another folder or free some space."),
               display, g_strerror (saved_errno));
}

static void
set_metadata (CfBrief         *self,
              cairo_surface_t *surface)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (self->date);
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *creator = g_strdup_printf ("Casefile %s", PACKAGE_VERSION);

  /* A fixed date makes the same case give the same PDF, byte for byte. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->analyst != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->analyst);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Summary brief"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Draws every page on @surface; stops at the first cairo error or failed write
 * (what follows would be dropped anyway). */
static cairo_status_t
draw_pages (CfBrief         *self,
            cairo_surface_t *surface,
            PdfStream       *stream,
            double           width,
            double           height)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status = cairo_status (cr);

  /* the paper sizes we offer always fit */
  if (!cf_brief_paginate (self, NULL, width, height, NULL))
    g_assert_not_reached ();
  self->pdf_surface = surface;
  self->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  for (guint page = 0;
       page < self->pages->len && status == CAIRO_STATUS_SUCCESS && stream->saved_errno == 0;
       page++)
    {
      cf_brief_draw_page (self, cr, page);
      cairo_show_page (cr);
      status = cairo_status (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  self->pdf_surface = NULL;
  cairo_destroy (cr);
  return status;
}

gboolean
cf_brief_write_pdf (CfBrief     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  PdfStream stream = { -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (CF_IS_BRIEF (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  stream.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (stream.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  /* From here on every way out goes past the g_unlink() below. */
  cf_brief_paper_get_size (self->paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &stream, width, height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      set_metadata (self, surface);
      status = draw_pages (self, surface, &stream, width, height);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && stream.saved_errno == 0 && fsync (stream.fd) != 0)
    stream.saved_errno = errno;
  if (close (stream.fd) != 0 && stream.saved_errno == 0)
    stream.saved_errno = errno;

  if (stream.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (tmp_path, path) != 0)
    stream.saved_errno = errno;

  if (stream.saved_errno != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (stream.saved_errno != 0)
        set_write_error (error, path, stream.saved_errno);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not draw the brief: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
