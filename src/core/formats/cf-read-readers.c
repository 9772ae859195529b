/* SPDX-License-Identifier: GPL-3.0-or-later */
/* From format to reader: what the casefile-reader helper process runs on a file's
 * bytes (cf_read_bytes), and what a mail runs on its attachments. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-formats-private.h"

typedef GPtrArray *(*ReadFunc) (GBytes *, const CfReadLimits *, GError **);

static const struct
{
  CfReadFormat format;
  ReadFunc read;
} readers[] = {
  { CF_READ_FORMAT_MHTML, cf_read_mhtml },
  { CF_READ_FORMAT_EML, cf_read_eml },
  { CF_READ_FORMAT_DOCX, cf_read_docx },
  { CF_READ_FORMAT_ODT, cf_read_odt },
  { CF_READ_FORMAT_WARC, cf_read_warc },
  { CF_READ_FORMAT_WACZ, cf_read_wacz },
  { CF_READ_FORMAT_PDF, cf_read_pdf },
};

GPtrArray *
_cf_read_bytes_at_depth (GBytes              *bytes,
                         const CfReadLimits  *limits,
                         guint                depth,
                         GError             **error)
{
  CfReadFormat format = cf_read_sniff (bytes);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (limits == NULL)
    limits = cf_read_limits_default ();
  if (format == CF_READ_FORMAT_EML)
    return _cf_read_eml_at_depth (bytes, limits, depth, error);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (readers[i].format == format)
      return readers[i].read (bytes, limits, error);
  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED,
               _("The file is in none of the formats read by the helper process."));
  return NULL;
}

GPtrArray *
cf_read_bytes (GBytes              *bytes,
               const CfReadLimits  *limits,
               GError             **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _cf_read_bytes_at_depth (bytes, limits, 0, error);
}

