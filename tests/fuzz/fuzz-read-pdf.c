/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: arbitrary bytes through the PDF reader (cf_read_pdf) and its
 * layout for the page view (rectangles of a span, the offset under a point), with
 * a small page limit so that a run spends its time in our code and poppler's
 * parser rather than in huge documents. Poppler itself is not instrumented: a
 * crash inside it shows as a crash, with no coverage to guide the search there.
 * Seeds: tests/fixtures/pdf and PDFs typeset by tests/bench/pdf-corpus. */
#include <glib.h>

#include "cf-formats.h"
#include "cf-read-pdf.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(CfPdfLayout) layout = NULL;
  CfReadLimits limits = { .max_pages = 20 };

  docs = cf_read_pdf (bytes, &limits, &error);
  if (docs == NULL)
    {
      g_assert (error != NULL && error->domain == CF_EXTRACT_ERROR);
      return 0;
    }
  g_assert (docs->len == 1);
  {
    CfExtractedDocument *doc = g_ptr_array_index (docs, 0);
    glong length = g_utf8_strlen (doc->text, -1);
    guint previous_end = 0;

    g_assert (g_utf8_validate (doc->text, -1, NULL));
    g_assert (doc->pages != NULL);
    for (guint i = 0; i < doc->pages->len; i++)
      {
        CfExtractedPage *page = &g_array_index (doc->pages, CfExtractedPage, i);

        g_assert (page->start >= previous_end && page->end >= page->start);
        g_assert ((glong) page->end <= length);
        previous_end = page->end;
      }

    layout = cf_pdf_layout_new (bytes, &limits, NULL);
    g_assert (layout != NULL);
    g_assert (g_strcmp0 (cf_pdf_layout_get_text (layout), doc->text) == 0);
    for (guint p = 0; p < cf_pdf_layout_get_n_pages (layout); p++)
      {
        g_autoptr(GArray) rects = NULL;
        int offset = cf_pdf_layout_offset_at (layout, p, 100, 100, TRUE);

        g_assert (offset >= -1 && offset <= length);
        rects = cf_pdf_layout_get_rects (layout, 0, (guint) length);
        for (guint r = 0; r < rects->len; r++)
          g_assert (g_array_index (rects, CfPdfRect, r).page < cf_pdf_layout_get_n_pages (layout));
      }
  }
  return 0;
}
