/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An article to typeset as a PDF with cairo, the way journals and think tanks lay
 * them out: A4 pages, one or two columns, a running header, a page number at the
 * foot, words hyphenated at line ends. */
typedef struct
{
  const char         *title;        /* (nullable) printed first, and in the info dict */
  const char         *author;       /* (nullable) info dict only */
  const char         *created;      /* (nullable) ISO 8601, info dict */
  const char         *header;       /* (nullable) running header on every page */
  const char *const  *paragraphs;   /* NULL-terminated */
  guint               columns;      /* 1 or 2 */
  gboolean            page_numbers;
  gboolean            hyphenate;
  gboolean            outlines;     /* text drawn as paths: no text layer, as a scan */
  double              font_size;    /* 0 for 10.5 */
} PdfTestArticle;

/* The PDF of @article. Returns: (transfer full). */
GBytes *pdf_test_make_article   (const PdfTestArticle *article);

/* The body text a reader should find in it: the title (if any) and the paragraphs,
 * separated by blank lines, with the ligature characters spelled out.
 * Returns: (transfer full). */
char   *pdf_test_expected_text  (const PdfTestArticle *article);

/* Some paragraphs of plain prose (our own), seeded so that each seed gives other
 * words; @n paragraphs. Returns: (transfer full) a NULL-terminated array. */
GStrv   pdf_test_prose          (guint                 seed,
                                 guint                 n);

G_END_DECLS
