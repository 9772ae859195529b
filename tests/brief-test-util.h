/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the brief tests share: PDFs read back with poppler-utils and small cases
 * built through the store API. */
#pragma once

#include <glib.h>

#include "cf-brief.h"
#include "cf-case.h"

G_BEGIN_DECLS

/* The quotes of small_case()'s four claims, in reading order. */
extern const char *const quote_a;
extern const char *const quote_b;
extern const char *const quote_c;
extern const char *const quote_d;

/* --- reading PDFs back --- */

typedef struct
{
  GPtrArray *pages;   /* char *, whitespace collapsed */
  char      *all;     /* the pages joined with "\f" */
  guint      n_pages; /* from pdfinfo */
  double     width;
  double     height;
} PdfText;

void pdf_text_free (PdfText *pdf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfText, pdf_text_free)

/* FALSE (and the test skipped) without pdftotext and pdfinfo. */
gboolean  have_poppler          (void);
/* Whitespace runs become one space, so text wrapped over lines still matches. */
char     *collapse_spaces       (const char  *text);
PdfText  *read_pdf              (const char  *path);
/* Page (from 0) of an offset into pdf->all. */
guint     page_of_offset        (PdfText     *pdf,
                                 gsize        offset);
/* Asserts that each needle occurs in @haystack after the previous one; returns the
 * offset after the last. */
gsize     assert_in_order       (const char  *haystack,
                                 gsize        from,
                                 const char **needles,
                                 guint        n_needles);
/* Every page says "Page N of M". */
void      assert_page_numbers   (PdfText     *pdf);
/* The first @n words of @text (at most), whitespace collapsed. */
char     *first_words           (const char  *text,
                                 guint        n);
gboolean  bytes_contain         (const char  *bytes,
                                 gsize        length,
                                 const char  *needle);

/* --- building cases --- */

/* 3 May 2026, 09:30 UTC */
GDateTime *fixed_date           (void);
/* @name in the test's own folder, removed after the test */
char      *temp_path            (const char           *name);
CfCase    *new_case             (const char           *name,
                                 const char           *title);
gint64     add_document         (CfCase               *kase,
                                 const char           *title,
                                 const char           *publisher,
                                 const char           *text);
/* A claim on the first occurrence of @quote in @document. */
gint64     add_claim            (CfCase               *kase,
                                 gint64                document,
                                 const char           *quote);
/* Renders the brief of @kase to @name in the temporary folder; returns the path. */
char      *write_brief          (CfCase               *kase,
                                 const CfBriefOptions *options,
                                 const char           *name);
/* The brief of @kase (with init_options() and the fixed date when @options is
 * NULL) written to @name in the temporary folder, read back and removed. */
PdfText   *render_brief         (CfCase               *kase,
                                 const CfBriefOptions *options,
                                 const char           *name);
/* The defaults with @date and A4 paper, so results do not depend on the locale. */
void       init_options         (CfBriefOptions       *options,
                                 GDateTime            *date);
/* A small case with two hypotheses, tags, ratings, relations and notes. */
CfCase    *small_case           (const char           *name);

G_END_DECLS
