/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF layout's insides, shared by the reader (cf-read-pdf.c, with poppler, in
 * the helper process) and the layout's queries and wire forms (cf-pdf-layout.c,
 * without poppler: what the window and the CLI link). */
#pragma once

#include "cf-read-pdf.h"

G_BEGIN_DECLS

/* Most characters of text one PDF may yield. */
#define MAX_TEXT_CHARS (32 * 1024 * 1024)
/* Pages when the caller gives no limits. */
#define DEFAULT_MAX_PAGES 5000
/* A character assembled from no printed one (a space joining two lines). */
#define NO_SOURCE G_MAXUINT32

/* A character's box in points: the layout of poppler's PopplerRectangle. */
typedef struct
{
  double x1;
  double y1;
  double x2;
  double y2;
} CfBox;

typedef struct
{
  guint  first;     /* index of the first character in the page's poppler text */
  guint  n;         /* characters, trailing white space left out */
  double x1, y1, x2, y2;
  int    flow;      /* lines of one flow (a column between full-width lines) follow each other */
  gboolean dropped; /* a running head or a page number */
} Line;

typedef struct
{
  gunichar         *chars;
  CfBox            *rects;    /* one per character: poppler's PopplerRectangle */
  guint             n;
  double            width;
  double            height;
  GArray           *lines;   /* of Line, in reading order after order_page() */
} Page;

typedef struct
{
  guint32 page;
  guint32 index;  /* in the page's characters, or NO_SOURCE */
} Source;

struct _CfPdfLayout
{
  GObject         *doc;      /* the PopplerDocument, in the reader only */
  Page            *pages;
  guint            n_pages;
  GString         *text;
  guint            n_chars;
  GArray          *sources;  /* of Source, one per character of @text; NULL for the reader */
  GArray          *ranges;   /* of CfExtractedPage */
};

const CfBox *_cf_pdf_layout_source_rect (CfPdfLayout *layout,
                                         guint        offset,
                                         guint       *page);
void         _cf_pdf_set_too_large     (GError     **error,
                                         const char  *what);

/* The wire forms' writers: bytes appended as they are in memory (the helper and
 * the window run on one machine, so no byte order is converted). */
static inline void
_cf_wire_put (GByteArray   *out,
              gconstpointer data,
              gsize         size)
{
  g_byte_array_append (out, data, (guint) size);
}

static inline void
_cf_wire_put_u32 (GByteArray *out,
                  guint32     value)
{
  _cf_wire_put (out, &value, sizeof value);
}

#define RENDER_MAGIC "CFPIXL1"
#define MAGIC_SIZE 8
#define RENDER_HEADER_SIZE (MAGIC_SIZE + 4 * sizeof (guint32))

G_END_DECLS
