/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A PDF's layout once read (cf-read-pdf.c builds it in the helper process): where
 * each character of the text is printed, the pages' sizes and ranges, and the binary
 * answers the helper sends the page view (the layout, a page's pixels), read back
 * here as hostile. No poppler here: this is what the window and the CLI link. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-pdf-layout-private.h"

void
_cf_pdf_set_too_large (GError     **error,
               const char  *what)
{
  g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE, what);
}


static void
page_clear (Page *page)
{
  g_free (page->chars);
  g_free (page->rects);
  g_clear_pointer (&page->lines, g_array_unref);
}

void
cf_pdf_layout_free (CfPdfLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->n_pages; i++)
    page_clear (&layout->pages[i]);
  g_free (layout->pages);
  g_clear_object (&layout->doc);
  if (layout->text != NULL)
    g_string_free (layout->text, TRUE);
  g_clear_pointer (&layout->sources, g_array_unref);
  g_clear_pointer (&layout->ranges, g_array_unref);
  g_free (layout);
}

const char *
cf_pdf_layout_get_text (CfPdfLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->text->str;
}

guint
cf_pdf_layout_get_n_pages (CfPdfLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->n_pages;
}

void
cf_pdf_layout_get_page_size (CfPdfLayout *layout,
                             guint        page,
                             double      *width,
                             double      *height)
{
  g_return_if_fail (layout != NULL && page < layout->n_pages);

  /* a page poppler could not give still takes room */
  *width = layout->pages[page].width > 0 ? layout->pages[page].width : 595;
  *height = layout->pages[page].height > 0 ? layout->pages[page].height : 842;
}

guint
cf_pdf_layout_page_at (CfPdfLayout *layout,
                       guint        offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (layout != NULL, 0);

  hi = layout->ranges->len;
  /* the last page that starts at or before @offset; pages start in order */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (layout->ranges, CfExtractedPage, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  /* empty pages share their start with the next page that has text */
  while (lo + 1 < layout->ranges->len &&
         g_array_index (layout->ranges, CfExtractedPage, lo).end <= offset &&
         g_array_index (layout->ranges, CfExtractedPage, lo + 1).start <= offset)
    lo++;
  return lo;
}

guint
cf_pdf_layout_page_start (CfPdfLayout *layout,
                          guint        page)
{
  g_return_val_if_fail (layout != NULL && page < layout->ranges->len, 0);
  return g_array_index (layout->ranges, CfExtractedPage, page).start;
}

const CfBox *
_cf_pdf_layout_source_rect (CfPdfLayout *layout,
             guint        offset,
             guint       *page)
{
  const Source *s = &g_array_index (layout->sources, Source, offset);

  if (s->index == NO_SOURCE || s->page >= layout->n_pages || s->index >= layout->pages[s->page].n)
    return NULL;
  *page = s->page;
  return &layout->pages[s->page].rects[s->index];
}

GArray *
cf_pdf_layout_get_rects (CfPdfLayout *layout,
                         guint        start,
                         guint        end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (CfPdfRect));
  CfPdfRect cur = { 0 };
  gboolean open = FALSE;

  g_return_val_if_fail (layout != NULL, rects);

  end = MIN (end, layout->n_chars);
  for (guint o = start; o < end; o++)
    {
      guint page = 0;
      const CfBox *r = _cf_pdf_layout_source_rect (layout, o, &page);
      double x1, x2, y1, y2;

      if (r == NULL)
        continue;
      x1 = MIN (r->x1, r->x2);
      x2 = MAX (r->x1, r->x2);
      y1 = MIN (r->y1, r->y2);
      y2 = MAX (r->y1, r->y2);
      if (open && page == cur.page && x1 >= cur.x1 - 1.0 &&
          MIN (y2, cur.y2) - MAX (y1, cur.y1) > 0.5 * MIN (y2 - y1, cur.y2 - cur.y1))
        {
          cur.x2 = MAX (cur.x2, x2);
          cur.y1 = MIN (cur.y1, y1);
          cur.y2 = MAX (cur.y2, y2);
          continue;
        }
      if (open)
        g_array_append_val (rects, cur);
      cur = (CfPdfRect) { page, x1, y1, x2, y2 };
      open = TRUE;
    }
  if (open)
    g_array_append_val (rects, cur);
  return rects;
}

int
cf_pdf_layout_offset_at (CfPdfLayout *layout,
                         guint        page,
                         double       x,
                         double       y,
                         gboolean     after)
{
  const CfExtractedPage *range;
  double best = G_MAXDOUBLE;
  int best_offset = -1;
  gboolean best_after = FALSE;

  g_return_val_if_fail (layout != NULL, -1);
  if (page >= layout->ranges->len)
    return -1;

  range = &g_array_index (layout->ranges, CfExtractedPage, page);
  for (guint o = range->start; o < range->end; o++)
    {
      guint on_page = 0;
      const CfBox *r = _cf_pdf_layout_source_rect (layout, o, &on_page);
      double x1, x2, y1, y2, dx, dy, score;

      if (r == NULL || on_page != page)
        continue;
      x1 = MIN (r->x1, r->x2);
      x2 = MAX (r->x1, r->x2);
      y1 = MIN (r->y1, r->y2);
      y2 = MAX (r->y1, r->y2);
      dx = x < x1 ? x1 - x : (x > x2 ? x - x2 : 0);
      dy = y < y1 ? y1 - y : (y > y2 ? y - y2 : 0);
      /* the same line first, then the nearest on it */
      score = dy * 8 + dx;
      if (score < best)
        {
          best = score;
          best_offset = (int) o;
          best_after = after && x > (x1 + x2) / 2;
        }
      if (score == 0)
        break;
    }
  if (best_offset >= 0 && best_after)
    best_offset++;
  return best_offset;
}

/* ---- the helper's answers for the page view --------------------------------- *
 * The window never parses a PDF: casefile-reader builds the layout and renders the
 * pages (cf-read-helper.c runs it), and sends them back in the binary forms below,
 * in this machine's byte order. The window reads them as hostile: every count is
 * checked against what the case itself holds, every number for sense, the length
 * of the whole to the byte. */

#define LAYOUT_MAGIC "CFLAYT1"
#define CHECKSUM_SIZE 64
#define LAYOUT_HEADER_SIZE (MAGIC_SIZE + 2 * sizeof (guint32) + CHECKSUM_SIZE)
#define LAYOUT_PAGE_SIZE (2 * sizeof (double) + 2 * sizeof (guint32))
#define LAYOUT_CHAR_SIZE (sizeof (guint32) + 4 * sizeof (float))
/* The largest page PDF allows (200 inches), in points. */
#define MAX_PAGE_POINTS 14400.0
/* A character box this far off its page is nonsense. */
#define MAX_BOX_COORD (4 * MAX_PAGE_POINTS)

static guint32
get_u32 (const guint8 **at)
{
  guint32 value;

  memcpy (&value, *at, sizeof value);
  *at += sizeof value;
  return value;
}

static double
get_double (const guint8 **at)
{
  double value;

  memcpy (&value, *at, sizeof value);
  *at += sizeof value;
  return value;
}

static float
get_float (const guint8 **at)
{
  float value;

  memcpy (&value, *at, sizeof value);
  *at += sizeof value;
  return value;
}

GBytes *
cf_pdf_layout_to_wire (CfPdfLayout *layout)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *checksum = NULL;
  char magic[MAGIC_SIZE] = LAYOUT_MAGIC;

  g_return_val_if_fail (layout != NULL && layout->sources != NULL, NULL);

  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) layout->text->str,
                                          layout->text->len);
  _cf_wire_put (out, magic, MAGIC_SIZE);
  _cf_wire_put_u32 (out, layout->n_pages);
  _cf_wire_put_u32 (out, layout->n_chars);
  _cf_wire_put (out, checksum, CHECKSUM_SIZE);
  for (guint p = 0; p < layout->n_pages; p++)
    {
      const CfExtractedPage *range = &g_array_index (layout->ranges, CfExtractedPage, p);
      double width, height;

      cf_pdf_layout_get_page_size (layout, p, &width, &height);
      _cf_wire_put (out, &width, sizeof width);
      _cf_wire_put (out, &height, sizeof height);
      _cf_wire_put_u32 (out, range->start);
      _cf_wire_put_u32 (out, range->end);
    }
  for (guint o = 0; o < layout->n_chars; o++)
    {
      guint page = 0;
      const CfBox *r = _cf_pdf_layout_source_rect (layout, o, &page);
      float box[4] = { 0, 0, 0, 0 };

      if (r != NULL)
        {
          box[0] = (float) r->x1;
          box[1] = (float) r->y1;
          box[2] = (float) r->x2;
          box[3] = (float) r->y2;
        }
      _cf_wire_put_u32 (out, r != NULL ? page : NO_SOURCE);
      _cf_wire_put (out, box, sizeof box);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
set_garbled (GError **error)
{
  g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       _("The reader process gave an answer that makes no sense."));
}

static gboolean
sane_coord (float value)
{
  return isfinite (value) && fabsf (value) <= MAX_BOX_COORD;
}

gsize
cf_pdf_layout_wire_size (const char *text,
                         GArray     *pages)
{
  glong n_chars;

  g_return_val_if_fail (text != NULL && pages != NULL, 0);

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > MAX_TEXT_CHARS || pages->len > DEFAULT_MAX_PAGES)
    return 0;
  return LAYOUT_HEADER_SIZE + pages->len * LAYOUT_PAGE_SIZE + (gsize) n_chars * LAYOUT_CHAR_SIZE;
}

CfPdfLayout *
cf_pdf_layout_from_wire (const guint8  *data,
                         gsize          length,
                         const char    *text,
                         GArray        *pages,
                         GError       **error)
{
  g_autoptr(CfPdfLayout) self = NULL;
  g_autofree char *checksum = NULL;
  g_autofree guint *counts = NULL;
  const guint8 *at = data;
  gsize expected = cf_pdf_layout_wire_size (text, pages);
  guint32 n_pages, n_chars;

  g_return_val_if_fail (text != NULL && pages != NULL, NULL);

  if (expected == 0)
    {
      _cf_pdf_set_too_large (error, _("The PDF holds more text than one document may have."));
      return NULL;
    }
  /* the counts must be the case's own: its pages, its text */
  if (data == NULL || length != expected || memcmp (at, LAYOUT_MAGIC, MAGIC_SIZE) != 0)
    {
      set_garbled (error);
      return NULL;
    }
  at += MAGIC_SIZE;
  n_pages = get_u32 (&at);
  n_chars = get_u32 (&at);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  if (n_pages != pages->len || n_chars != (guint32) g_utf8_strlen (text, -1) || n_pages == 0)
    {
      set_garbled (error);
      return NULL;
    }
  if (memcmp (at, checksum, CHECKSUM_SIZE) != 0)
    {
      /* imported by another version of the reader: its offsets would not match */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The pages no longer match the text the case holds."));
      return NULL;
    }
  at += CHECKSUM_SIZE;

  self = g_new0 (CfPdfLayout, 1);
  self->n_pages = n_pages;
  self->n_chars = n_chars;
  self->pages = g_new0 (Page, n_pages);
  self->text = g_string_new (text);
  self->ranges = g_array_sized_new (FALSE, FALSE, sizeof (CfExtractedPage), n_pages);
  self->sources = g_array_sized_new (FALSE, FALSE, sizeof (Source), n_chars);
  for (guint p = 0; p < n_pages; p++)
    {
      const CfExtractedPage *stored = &g_array_index (pages, CfExtractedPage, p);
      CfExtractedPage range;
      double width = get_double (&at);
      double height = get_double (&at);

      range.start = get_u32 (&at);
      range.end = get_u32 (&at);
      if (!(width >= 1.0 && width <= MAX_PAGE_POINTS && height >= 1.0 && height <= MAX_PAGE_POINTS) ||
          range.start != stored->start || range.end != stored->end)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The pages no longer match the text the case holds."));
          return NULL;
        }
      self->pages[p].width = width;
      self->pages[p].height = height;
      g_array_append_val (self->ranges, range);
    }
  /* each page's boxes, in text order: first count them, then fill them in */
  counts = g_new0 (guint, n_pages);
  for (guint o = 0; o < n_chars; o++)
    {
      const guint8 *box = at + (gsize) o * LAYOUT_CHAR_SIZE;
      guint32 page = get_u32 (&box);

      if (page == NO_SOURCE)
        continue;
      if (page >= n_pages)
        {
          set_garbled (error);
          return NULL;
        }
      counts[page]++;
    }
  for (guint p = 0; p < n_pages; p++)
    {
      self->pages[p].rects = g_new0 (CfBox, MAX (counts[p], 1));
      counts[p] = 0;
    }
  for (guint o = 0; o < n_chars; o++)
    {
      guint32 page = get_u32 (&at);
      float x1 = get_float (&at), y1 = get_float (&at), x2 = get_float (&at), y2 = get_float (&at);
      Source s = { NO_SOURCE, NO_SOURCE };

      if (page != NO_SOURCE)
        {
          Page *target = &self->pages[page];

          if (!sane_coord (x1) || !sane_coord (y1) || !sane_coord (x2) || !sane_coord (y2))
            {
              set_garbled (error);
              return NULL;
            }
          target->rects[counts[page]] = (CfBox) { x1, y1, x2, y2 };
          s.page = page;
          s.index = counts[page]++;
          target->n = counts[page];
        }
      g_array_append_val (self->sources, s);
    }
  return g_steal_pointer (&self);
}

gsize
cf_pdf_render_wire_size (int width,
                         int height)
{
  if (width < 1 || height < 1 || width > CF_PDF_MAX_RENDER_SIDE || height > CF_PDF_MAX_RENDER_SIDE ||
      (guint64) width * (guint64) height > CF_PDF_MAX_RENDER_PIXELS)
    return 0;
  return RENDER_HEADER_SIZE + (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, width) * height;
}

cairo_surface_t *
cf_pdf_render_from_wire (const guint8  *data,
                         gsize          length,
                         int            width,
                         int            height,
                         GError       **error)
{
  gsize expected = cf_pdf_render_wire_size (width, height);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, MAX (width, 1));
  const guint8 *at = data;
  cairo_surface_t *surface;
  guint8 *pixels;
  int own_stride;

  /* the size asked for, to the byte: never what the answer says of itself */
  if (expected == 0 || data == NULL || length != expected ||
      memcmp (at, RENDER_MAGIC, MAGIC_SIZE) != 0)
    {
      set_garbled (error);
      return NULL;
    }
  at += MAGIC_SIZE;
  if (get_u32 (&at) != (guint32) width || get_u32 (&at) != (guint32) height ||
      get_u32 (&at) != (guint32) stride || get_u32 (&at) != 0)
    {
      set_garbled (error);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      _cf_pdf_set_too_large (error, _("The page is too large to show at this size."));
      return NULL;
    }
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  own_stride = cairo_image_surface_get_stride (surface);
  for (int row = 0; row < height; row++)
    memcpy (pixels + (gsize) row * own_stride, at + (gsize) row * stride, (gsize) MIN (stride, own_stride));
  cairo_surface_mark_dirty (surface);
  return surface;
}
