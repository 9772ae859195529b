/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "cf-brief-private.h"

G_DEFINE_FINAL_TYPE (CfBrief, cf_brief, G_TYPE_OBJECT)

guint
cf_brief_get_n_claims (CfBrief *self)
{
  g_return_val_if_fail (CF_IS_BRIEF (self), 0);

  return self->claims->len;
}

/* --- PDF ------------------------------------------------------------------------------- */

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

/* --- object ----------------------------------------------------------------------------- */

static void
cf_brief_finalize (GObject *object)
{
  CfBrief *self = CF_BRIEF (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->incident_date);
  g_free (self->marking);
  g_free (self->analyst);
  g_free (self->case_path);
  /* blocks and hypotheses point into the claims: free them first */
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->hypotheses, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->case_notes, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_brief_parent_class)->finalize (object);
}

static void
cf_brief_class_init (CfBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_brief_finalize;
}

static void
cf_brief_init (CfBrief *self)
{
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_claim_free);
  self->hypotheses = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_hypothesis_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_source_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_tag_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_block_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (PagePos));
}

/* Now, unless $SOURCE_DATE_EPOCH asks for a fixed date (reproducible builds). */
static GDateTime *
default_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_local ();
}

CfBrief *
cf_brief_new (CfCase                *kase,
              const CfBriefOptions  *options,
              GError               **error)
{
  g_autoptr(CfBrief) self = NULL;
  CfBriefOptions defaults;

  g_return_val_if_fail (CF_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      cf_brief_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (CF_TYPE_BRIEF, NULL);
  self->group_by = options->group_by;
  self->include_notes = options->include_notes;
  self->min_confidence = options->min_confidence;
  self->paper = options->paper;
  self->date = options->date != NULL ? g_date_time_ref (options->date) : default_date ();

  _cf_brief_load_case (self, kase);
  _cf_brief_build_blocks (self);

  return g_steal_pointer (&self);
}
