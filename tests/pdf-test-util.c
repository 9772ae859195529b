/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Typesetting test articles as PDF with cairo's PDF surface, for the PDF reader's
 * tests and its corpus benchmark: our own prose, laid out in one or two columns with
 * a running header and page numbers, words hyphenated at line ends, and the text a
 * reader should get back. Lines are broken here (not by Pango), so that which words
 * are hyphenated, and where, is known. */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "pdf-test-util.h"

#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define MARGIN 72.0
#define GUTTER 24.0
#define BODY_TOP 110.0
#define BODY_BOTTOM 770.0

typedef struct
{
  cairo_t              *cr;
  const PdfTestArticle *article;
  double                size;
  double                leading;
  guint                 page;
  guint                 column;
  double                y;
} Typesetter;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
column_width (const Typesetter *t)
{
  if (t->article->columns >= 2)
    return (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2;
  return PAGE_WIDTH - 2 * MARGIN;
}

static double
text_width (cairo_t    *cr,
            const char *s)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, s, &ext);
  return ext.x_advance;
}

static void
show (Typesetter *t,
      double      x,
      double      y,
      const char *s)
{
  cairo_move_to (t->cr, x, y);
  if (t->article->outlines)
    {
      cairo_text_path (t->cr, s);
      cairo_fill (t->cr);
    }
  else
    cairo_show_text (t->cr, s);
}

/* The running header and the folio of the current page. */
static void
decorate_page (Typesetter *t)
{
  char folio[16];

  cairo_set_font_size (t->cr, 8.5);
  if (t->article->header != NULL)
    show (t, (PAGE_WIDTH - text_width (t->cr, t->article->header)) / 2, 50,
          t->article->header);
  if (t->article->page_numbers)
    {
      g_snprintf (folio, sizeof folio, "%u", t->page);
      show (t, (PAGE_WIDTH - text_width (t->cr, folio)) / 2, 805, folio);
    }
  cairo_set_font_size (t->cr, t->size);
}

static void
next_line (Typesetter *t)
{
  t->y += t->leading;
  if (t->y <= BODY_BOTTOM)
    return;
  t->y = BODY_TOP;
  if (t->article->columns >= 2 && t->column == 0)
    {
      t->column = 1;
      return;
    }
  t->column = 0;
  cairo_show_page (t->cr);
  t->page++;
  decorate_page (t);
}

static void
set_line (Typesetter *t,
          const char *line)
{
  double x = MARGIN + t->column * (column_width (t) + GUTTER);

  show (t, x, t->y, line);
  next_line (t);
}

/* Greedy line filling; a word that does not fit is hyphenated when asked and when
 * both halves keep three letters. */
static void
set_paragraph (Typesetter *t,
               const char *paragraph)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  double width = column_width (t);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *trial = NULL;
      const char *word = words[i];
      g_autofree char *rest = NULL;

      if (*word == '\0')
        continue;
      trial = line->len ? g_strconcat (line->str, " ", word, NULL) : g_strdup (word);
      if (text_width (t->cr, trial) <= width)
        {
          g_string_assign (line, trial);
          continue;
        }
      if (t->article->hyphenate && g_utf8_strlen (word, -1) >= 7 && line->len > 0)
        {
          glong n = g_utf8_strlen (word, -1);

          for (glong cut = n - 3; cut >= 3; cut--)
            {
              const char *at = g_utf8_offset_to_pointer (word, cut);
              g_autofree char *head = g_strndup (word, at - word);
              g_autofree char *hyphened = g_strconcat (line->str, " ", head, "-", NULL);

              if (!g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at))) ||
                  !g_unichar_isalpha (g_utf8_get_char (at)))
                continue;
              if (text_width (t->cr, hyphened) <= width)
                {
                  set_line (t, hyphened);
                  rest = g_strdup (at);
                  break;
                }
            }
        }
      if (rest != NULL)
        g_string_assign (line, rest);
      else
        {
          if (line->len > 0)
            set_line (t, line->str);
          g_string_assign (line, word);
        }
    }
  if (line->len > 0)
    set_line (t, line->str);
  /* a paragraph gap, unless the column just began */
  if (t->y != BODY_TOP)
    t->y += t->leading * 0.6;
}

GBytes *
pdf_test_make_article (const PdfTestArticle *article)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  Typesetter t = { 0 };

  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, PAGE_WIDTH, PAGE_HEIGHT);
  if (article->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, article->title);
  if (article->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, article->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  article->created ? article->created : "2024-01-01T00:00:00Z");
  t.cr = cairo_create (surface);
  t.article = article;
  t.size = article->font_size > 0 ? article->font_size : 10.5;
  t.leading = t.size * 1.35;
  t.page = 1;
  t.y = BODY_TOP;
  cairo_select_font_face (t.cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_source_rgb (t.cr, 0, 0, 0);
  decorate_page (&t);

  if (article->title != NULL)
    {
      cairo_set_font_size (t.cr, t.size * 1.6);
      show (&t, MARGIN, 85, article->title);
      cairo_set_font_size (t.cr, t.size);
    }
  for (guint i = 0; article->paragraphs[i] != NULL; i++)
    set_paragraph (&t, article->paragraphs[i]);

  cairo_destroy (t.cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Only the ligature characters, as NFKC spells them. */
static char *
spell_ligatures (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFB00 && c <= 0xFB06)
        {
          g_autofree char *nfkc = g_utf8_normalize (p, g_utf8_next_char (p) - p, G_NORMALIZE_NFKC);

          g_string_append (out, nfkc);
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
pdf_test_expected_text (const PdfTestArticle *article)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (article->title != NULL)
    g_string_append_printf (out, "%s\n\n", article->title);
  for (guint i = 0; article->paragraphs[i] != NULL; i++)
    {
      g_autofree char *spelled = spell_ligatures (article->paragraphs[i]);

      g_string_append_printf (out, "%s%s", i ? "\n\n" : "", spelled);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GStrv
pdf_test_prose (guint seed,
                guint n)
{
  static const char *subjects[] = {
    "The committee", "A regional observer", "The provincial government", "Our field team",
    "The harbour authority", "An independent auditor", "The ministry spokesperson",
    "Local journalists", "The inspection mission", "A coalition of farmers",
    "The reconstruction office", "Several witnesses",
  };
  static const char *verbs[] = {
    "reported", "questioned", "documented", "contradicted", "acknowledged",
    "investigated", "summarised", "disputed", "confirmed", "reconsidered",
  };
  static const char *objects[] = {
    "the satellite photographs of the northern reservoir",
    "the unexplained delays in humanitarian deliveries",
    "the official figures on agricultural production",
    "a sequence of contradictory statements about the convoy",
    "the accounting irregularities within the procurement department",
    "the testimony collected near the administrative boundary",
    "the environmental consequences of the industrial discharge",
    "a previously unpublished correspondence between the two offices",
    "the maintenance records of the hydroelectric installation",
    "the circumstances surrounding the telecommunications outage",
  };
  static const char *tails[] = {
    "during the spring assessment", "after a lengthy deliberation",
    "without offering substantiating documentation", "in considerable detail",
    "before the parliamentary hearing", "with remarkable consistency",
    "although several participants remained sceptical", "according to contemporaneous notes",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GStrv out = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) p = g_string_new (NULL);
      guint sentences = g_rand_int_range (rand, 3, 7);

      for (guint s = 0; s < sentences; s++)
        g_string_append_printf (p, "%s%s %s %s %s.", s ? " " : "",
                                subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))],
                                verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                                objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))],
                                tails[g_rand_int_range (rand, 0, G_N_ELEMENTS (tails))]);
      out[i] = g_string_free (g_steal_pointer (&p), FALSE);
    }
  return out;
}
