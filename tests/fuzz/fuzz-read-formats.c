/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer targets for the container readers of issue 13, one binary per family
 * (CF_FUZZ_FAMILY: 1 MIME = MHTML and mail, 2 office = DOCX and ODT, 3 archives =
 * WARC and WACZ), each input given to both readers of its family directly, not
 * through sniffing, so that mutations deep inside a format still reach its reader.
 * Any reader may refuse with a GError; none may crash, hang, leak or trip a
 * sanitizer. A GLib critical or warning is a finding: it aborts. */
#include <glib.h>
#include <string.h>

#include "cf-formats.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check (GPtrArray *docs,
       GError    *error)
{
  /* exactly one of the two, and documents that keep the promises of CfExtractedDocument */
  g_assert ((docs == NULL) != (error == NULL));
  for (guint i = 0; docs != NULL && i < docs->len; i++)
    {
      CfExtractedDocument *doc = g_ptr_array_index (docs, i);

      g_assert (doc->text != NULL && doc->media_type != NULL);
      g_assert (g_utf8_validate (doc->text, -1, NULL));
      g_assert (doc->parent_index >= -1 && doc->parent_index < (int) i);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static CfReadLimits limits;
  static gboolean initialised;
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  GPtrArray *(*readers[2]) (GBytes *, const CfReadLimits *, GError **) = {
#if CF_FUZZ_FAMILY == 1
    cf_read_mhtml, cf_read_eml,
#elif CF_FUZZ_FAMILY == 2
    cf_read_docx, cf_read_odt,
#else
    cf_read_warc, cf_read_wacz,
#endif
  };

  if (!initialised)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      limits = *cf_read_limits_default ();
      /* the same bounds, smaller, so one input stays within libFuzzer's memory */
      limits.max_uncompressed = 4 * 1024 * 1024;
      initialised = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      GError *error = NULL;
      GPtrArray *docs = readers[i] (bytes, &limits, &error);

      check (docs, error);
      g_clear_pointer (&docs, g_ptr_array_unref);
      g_clear_error (&error);
    }
  /* and the wire the helper process writes, read back */
  {
    GError *error = NULL;
    GPtrArray *docs = cf_read_deserialise ((const char *) data, size, &error);

    check (docs, error);
    g_clear_pointer (&docs, g_ptr_array_unref);
    g_clear_error (&error);
  }
  return 0;
}
