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

static cairo_status_t
pdf_write_cb (void                *user_data,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = user_data;

  while (length > 0)
    {
      ssize_t written = write (stream->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          stream->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
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

gboolean
cf_brief_write_pdf (CfBrief     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  g_autoptr(GDateTime) utc = NULL;
  PdfStream stream = { -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
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

  cf_brief_paper_get_size (self->paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &stream, width, height);

  /* A fixed date makes the same case give the same PDF, byte for byte. */
  utc = g_date_time_to_utc (self->date);
  date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  creator = g_strdup_printf ("Casefile %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->analyst != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->analyst);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Summary brief"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  /* the paper sizes we offer always fit */
  if (!cf_brief_paginate (self, NULL, width, height, NULL))
    g_assert_not_reached ();
  self->pdf_surface = surface;
  self->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  for (guint page = 0; page < self->pages->len; page++)
    {
      cf_brief_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  self->pdf_surface = NULL;
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (stream.fd) != 0)
    stream.saved_errno = errno;
  if (close (stream.fd) != 0 && stream.saved_errno == 0)
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

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_write_error (error, path, saved_errno);
      return FALSE;
    }
  return TRUE;
}
