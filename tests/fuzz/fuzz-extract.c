/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: arbitrary bytes through the importers, with the options the
 * application uses (cf_extract_bytes has no others). */
#include <glib.h>

#include "cf-extract.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char *names[] = { "page.html", "feed.xml", "notes.txt", NULL };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  /* The file name only breaks ties when sniffing; vary it with the input. */
  docs = cf_extract_bytes (bytes, names[size % 4], &error);
  if (docs != NULL)
    {
      g_assert (docs->len > 0);
      for (guint i = 0; i < docs->len; i++)
        {
          CfExtractedDocument *doc = g_ptr_array_index (docs, i);

          g_assert (doc->text != NULL);
          g_assert (g_utf8_validate (doc->text, -1, NULL));
        }
    }
  else
    g_assert (error != NULL && error->domain == CF_EXTRACT_ERROR);
  return 0;
}
