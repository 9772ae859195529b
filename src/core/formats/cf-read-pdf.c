/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF reader (poppler-glib): the body text of a PDF in reading order, with its
 * page boundaries and metadata, and the map from that text back to where each
 * character is printed (CfPdfLayout, for the page view). Poppler gives each page's
 * characters and their rectangles; the order, columns, paragraphs, running headers,
 * page numbers, hyphens and ligatures are ours, decided from the rectangles, because
 * poppler's own order interleaves the columns of many two-column pages. Both faces
 * assemble the text with the same code, so an offset means the same in both. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "cf-extract-private.h"
#include "cf-pdf-layout-private.h"

/* the character boxes are poppler's own array, read as CfBox */
G_STATIC_ASSERT (sizeof (PopplerRectangle) == sizeof (CfBox));
G_STATIC_ASSERT (G_STRUCT_OFFSET (PopplerRectangle, y2) == G_STRUCT_OFFSET (CfBox, y2));

/* Lines looked at, at the top and at the foot of each page, for running heads. */
#define EDGE_LINES 3
#define EDGE_ZONE 0.15

static gboolean
line_height_differs (const Line *a,
                     const Line *b)
{
  double ha = a->y2 - a->y1, hb = b->y2 - b->y1;

  return fabs (ha - hb) > 0.2 * MAX (ha, hb);
}

/* ---- lines ---------------------------------------------------------------- */

static void
close_line (Page  *page,
            Line  *line,
            guint  last_ink,
            gboolean *open)
{
  if (*open && last_ink >= line->first)
    {
      line->n = last_ink - line->first + 1;
      g_array_append_val (page->lines, *line);
    }
  *open = FALSE;
}

/* Poppler ends most lines with '\n' but runs the last line of a block into the next
 * block's first, and sometimes a line of one column into the same line of the next;
 * a character that leaves the line's band, goes back left, or jumps right by more
 * than the widest justified space (across a gutter) starts a new line too. */
static void
split_lines (Page *page)
{
  Line line = { 0 };
  gboolean open = FALSE;
  guint last_ink = 0;

  page->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  for (guint i = 0; i < page->n; i++)
    {
      gunichar c = page->chars[i];
      const CfBox *r = &page->rects[i];
      double x1 = MIN (r->x1, r->x2), x2 = MAX (r->x1, r->x2);
      double y1 = MIN (r->y1, r->y2), y2 = MAX (r->y1, r->y2);
      gboolean space = g_unichar_isspace (c) || c == 0xA0;

      if (c == '\n' || c == '\r')
        {
          close_line (page, &line, last_ink, &open);
          continue;
        }
      if (space)
        continue;
      if (open)
        {
          double yc = (y1 + y2) / 2, h = line.y2 - line.y1;
          const CfBox *prev = &page->rects[last_ink];

          if (yc < line.y1 || yc > line.y2 || x1 < MIN (prev->x1, prev->x2) - 1.0 ||
              x1 - MAX (prev->x1, prev->x2) > 1.1 * MAX (h, 1.0))
            close_line (page, &line, last_ink, &open);
        }
      if (!open)
        {
          line = (Line) { .first = i, .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2 };
          open = TRUE;
        }
      line.x1 = MIN (line.x1, x1);
      line.x2 = MAX (line.x2, x2);
      line.y1 = MIN (line.y1, y1);
      line.y2 = MAX (line.y2, y2);
      last_ink = i;
    }
  close_line (page, &line, last_ink, &open);
}

/* ---- running heads and page numbers ---------------------------------------- */

/* The line's text for comparing heads: lower case, digits as '#', spaces collapsed. */
static char *
head_key (const Page *page,
          const Line *line)
{
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (guint i = line->first; i < line->first + line->n && key->len < 240; i++)
    {
      gunichar c = page->chars[i];

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && key->len > 0)
        g_string_append_c (key, ' ');
      space = FALSE;
      if (g_unichar_isdigit (c))
        g_string_append_c (key, '#');
      else
        g_string_append_unichar (key, g_unichar_tolower (c));
    }
  return g_string_free (key, FALSE);
}

/* "7", "- 7 -", "vii", "Page 7", "7 of 12", "7/12" (in head_key()'s form). */
static gboolean
is_folio (const char *key)
{
  static GRegex *folio = NULL;

  if (g_once_init_enter (&folio))
    {
      GRegex *re = g_regex_new ("^(?:page |p\\. )?[-\\x{2013}\\x{2014} ]*"
                                "(?:#+|(?=[mdclxvi])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
                                "(?: ?(?:of|/) ?#+)?[-\\x{2013}\\x{2014} ]*$",
                                G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (re != NULL);
      g_once_init_leave (&folio, re);
    }
  return g_regex_match (folio, key, 0, NULL);
}

typedef struct
{
  guint  page;
  double yc;
} HeadSeen;

static gboolean
is_edge_line (const Page *page,
              guint       index,
              const Line *line)
{
  guint n = page->lines->len;

  if (index >= EDGE_LINES && index + EDGE_LINES < n)
    return FALSE;
  return line->y2 < page->height * EDGE_ZONE || line->y1 > page->height * (1 - EDGE_ZONE);
}

static int
compare_line_top (gconstpointer a,
                  gconstpointer b)
{
  const Line *la = a, *lb = b;

  if (la->y1 != lb->y1)
    return la->y1 < lb->y1 ? -1 : 1;
  if (la->x1 != lb->x1)
    return la->x1 < lb->x1 ? -1 : 1;
  return la->first < lb->first ? -1 : la->first > lb->first;
}

/* Lines at the top or the foot of a page that come back at the same height on at
 * least half the pages (two at least), and bare page numbers there, are left out. */
static void
drop_running_heads (Page  *pages,
                    guint  n_pages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);
  guint needed = MAX (2, (n_pages + 1) / 2);

  for (guint p = 0; p < n_pages; p++)
    {
      Page *page = &pages[p];

      g_array_sort (page->lines, compare_line_top);
      for (guint i = 0; i < page->lines->len; i++)
        {
          Line *line = &g_array_index (page->lines, Line, i);
          g_autofree char *key = NULL;
          GArray *where;
          HeadSeen s = { p, (line->y1 + line->y2) / 2 };

          if (!is_edge_line (page, i, line))
            continue;
          key = head_key (page, line);
          if (is_folio (key))
            {
              line->dropped = TRUE;
              continue;
            }
          where = g_hash_table_lookup (seen, key);
          if (where == NULL)
            {
              where = g_array_new (FALSE, FALSE, sizeof (HeadSeen));
              g_hash_table_insert (seen, g_steal_pointer (&key), where);
            }
          g_array_append_val (where, s);
        }
    }
  if (n_pages < 2)
    return;

  for (guint p = 0; p < n_pages; p++)
    {
      Page *page = &pages[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          Line *line = &g_array_index (page->lines, Line, i);
          g_autofree char *key = NULL;
          GArray *where;
          double yc = (line->y1 + line->y2) / 2;
          guint pages_with = 0, last_page = G_MAXUINT;

          if (line->dropped || !is_edge_line (page, i, line))
            continue;
          key = head_key (page, line);
          where = g_hash_table_lookup (seen, key);
          for (guint k = 0; where != NULL && k < where->len && pages_with < needed; k++)
            {
              HeadSeen *s = &g_array_index (where, HeadSeen, k);

              if (fabs (s->yc - yc) <= 4.0 && s->page != last_page)
                {
                  pages_with++;
                  last_page = s->page;
                }
            }
          line->dropped = pages_with >= needed;
        }
    }
}

/* ---- columns and reading order ---------------------------------------------- */

static int
compare_line_flow (gconstpointer a,
                   gconstpointer b)
{
  const Line *la = a, *lb = b;

  if (la->flow != lb->flow)
    return la->flow < lb->flow ? -1 : 1;
  return compare_line_top (a, b);
}

/* Finds the gutters (upright bands hardly any narrow line crosses, with lines on both sides)
 * and orders the page: between two full-width lines, each column top to bottom, the
 * columns left to right. */
static void
order_page (Page *page)
{
  g_autofree guint *covered = NULL;
  g_autoptr(GArray) gutters = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, bin;
  guint n_bins, narrow = 0, kept = 0, crossing;
  int segment = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = &g_array_index (page->lines, Line, i);

      if (line->dropped)
        continue;
      left = MIN (left, line->x1);
      right = MAX (right, line->x2);
      kept++;
    }
  if (kept == 0)
    return;

  n_bins = (guint) CLAMP (right - left, 1, 4000);
  bin = MAX ((right - left) / n_bins, 1e-6);
  covered = g_new0 (guint, n_bins + 1);
  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = &g_array_index (page->lines, Line, i);

      if (line->dropped || line->x2 - line->x1 > 0.65 * (right - left))
        continue;
      narrow++;
      for (guint b = (guint) ((line->x1 - left) / bin); b <= n_bins && b * bin + left <= line->x2; b++)
        covered[b]++;
    }
  /* a headline or a caption may cross a gutter: a few lines are allowed to */
  crossing = narrow / 20;
  if (narrow >= 4)
    {
      for (guint b = 1; b < n_bins;)
        {
          guint end = b;
          double g1, g2;
          guint on_left = 0, on_right = 0;

          if (covered[b] > crossing)
            {
              b++;
              continue;
            }
          while (end < n_bins && covered[end] <= crossing)
            end++;
          g1 = left + b * bin;
          g2 = left + end * bin;
          b = end;
          if (g2 - g1 < 6.0 || end >= n_bins)
            continue;
          for (guint i = 0; i < page->lines->len; i++)
            {
              Line *line = &g_array_index (page->lines, Line, i);

              on_left += !line->dropped && line->x2 <= g1;
              on_right += !line->dropped && line->x1 >= g2;
            }
          if (on_left >= 2 && on_right >= 2)
            {
              double g[2] = { g1, g2 };

              g_array_append_vals (gutters, g, 1);
            }
        }
    }

  /* page->lines is sorted top to bottom (drop_running_heads did it) */
  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = &g_array_index (page->lines, Line, i);
      int column = 0;
      gboolean spans = FALSE;

      for (guint g = 0; g < gutters->len; g++)
        {
          double *gut = &g_array_index (gutters, double, 2 * g);

          double middle = (gut[0] + gut[1]) / 2;

          /* the few lines let into a gutter may reach into it, not across it */
          if (line->x1 < middle && line->x2 > middle)
            spans = TRUE;
          else if (line->x1 >= middle)
            column = (int) g + 1;
        }
      if (spans)
        {
          segment++;
          line->flow = segment * 1024;
          segment++;
        }
      else
        line->flow = segment * 1024 + column;
    }
  g_array_sort (page->lines, compare_line_flow);
}

/* ---- assembling the text ------------------------------------------------------ */

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x00AD || c == 0x2010;
}

static gboolean
ends_sentence (gunichar c)
{
  return strchr (".!?:;\"')]", (int) (c < 128 ? c : 1)) != NULL ||
         c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x2026;
}

static void
emit (CfPdfLayout *self,
      gunichar     c,
      guint        page,
      guint        index)
{
  g_string_append_unichar (self->text, c);
  self->n_chars++;
  if (self->sources != NULL)
    {
      Source s = { page, index };

      g_array_append_val (self->sources, s);
    }
}

static gunichar
last_char (CfPdfLayout *self)
{
  const char *end = self->text->str + self->text->len;

  if (self->text->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_prev_char (end));
}

static void
drop_last_char (CfPdfLayout *self)
{
  const char *end = self->text->str + self->text->len;
  const char *prev = g_utf8_prev_char (end);

  g_string_truncate (self->text, prev - self->text->str);
  self->n_chars--;
  if (self->sources != NULL)
    g_array_set_size (self->sources, self->sources->len - 1);
}

static void
emit_line (CfPdfLayout *self,
           guint        p,
           const Line  *line)
{
  const Page *page = &self->pages[p];

  for (guint i = line->first; i < line->first + line->n; i++)
    {
      gunichar c = page->chars[i];

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          if (last_char (self) != ' ')
            emit (self, ' ', p, i);
        }
      else if (c >= 0xFB00 && c <= 0xFB06)
        {
          /* ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: their letters (NFKC, for these only), each drawn in the
           * ligature's place */
          char utf8[8];
          g_autofree char *spelled = NULL;

          utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
          spelled = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFKC);
          for (const char *s = spelled; s != NULL && *s; s = g_utf8_next_char (s))
            emit (self, g_utf8_get_char (s), p, i);
        }
      else if (g_unichar_iscntrl (c) || c == 0x200B || c == 0xFEFF || !g_unichar_validate (c))
        continue;
      else
        emit (self, c, p, i);
    }
}

typedef enum { JOIN_SPACE, JOIN_HYPHEN, JOIN_PARAGRAPH } Join;

/* How @line continues the text after @prev (the last line emitted, maybe on the
 * page before): a new paragraph at a wider gap than the page's usual line pitch, a
 * change of type size, or a new flow after a finished sentence; a word split by a
 * hyphen is joined again when the next line goes on in lower case. */
static Join
join_for (CfPdfLayout *self,
          const Line  *prev,
          guint        prev_page,
          const Line  *line,
          guint        page,
          double       pitch)
{
  gunichar last = last_char (self);
  gunichar first = self->pages[page].chars[line->first];
  gboolean same_flow = prev_page == page && prev->flow == line->flow;

  if (line_height_differs (prev, line))
    return JOIN_PARAGRAPH;
  if (same_flow && pitch > 0 && line->y1 - prev->y1 > 1.3 * pitch)
    return JOIN_PARAGRAPH;
  if (last == 0x00AD)
    return JOIN_HYPHEN;
  if (is_hyphen (last) && g_unichar_islower (first) && self->text->len >= 2)
    {
      const char *before = g_utf8_prev_char (g_utf8_prev_char (self->text->str + self->text->len));

      if (g_unichar_isalpha (g_utf8_get_char (before)))
        return JOIN_HYPHEN;
    }
  if (!same_flow && ends_sentence (last) && !g_unichar_islower (first))
    return JOIN_PARAGRAPH;
  return JOIN_SPACE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* The usual distance from one line's top to the next's in one flow of @page. */
static double
usual_pitch (const Page *page)
{
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  const Line *prev = NULL;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const Line *line = &g_array_index (page->lines, Line, i);

      if (line->dropped)
        continue;
      if (prev != NULL && prev->flow == line->flow && !line_height_differs (prev, line))
        {
          double d = line->y1 - prev->y1;

          if (d > 0)
            g_array_append_val (pitches, d);
        }
      prev = line;
    }
  if (pitches->len == 0)
    return 0;
  g_array_sort (pitches, compare_double);
  return g_array_index (pitches, double, pitches->len / 2);
}

static void
assemble (CfPdfLayout *self)
{
  const Line *prev = NULL;
  guint prev_page = 0;

  for (guint p = 0; p < self->n_pages; p++)
    {
      Page *page = &self->pages[p];
      double pitch = usual_pitch (page);
      CfExtractedPage range = { G_MAXUINT, 0 };

      for (guint i = 0; i < page->lines->len; i++)
        {
          const Line *line = &g_array_index (page->lines, Line, i);

          if (line->dropped || line->n == 0)
            continue;
          if (prev != NULL)
            {
              switch (join_for (self, prev, prev_page, line, p, pitch))
                {
                case JOIN_PARAGRAPH:
                  emit (self, '\n', p, NO_SOURCE);
                  emit (self, '\n', p, NO_SOURCE);
                  break;
                case JOIN_HYPHEN:
                  drop_last_char (self);
                  break;
                case JOIN_SPACE:
                default:
                  emit (self, ' ', p, NO_SOURCE);
                  break;
                }
            }
          /* a hyphen dropped at the top of this page was the last of a page before
           * (and of the empty pages between) */
          for (guint r = self->ranges->len; r > 0; r--)
            {
              CfExtractedPage *before = &g_array_index (self->ranges, CfExtractedPage, r - 1);

              if (before->end <= self->n_chars)
                break;
              before->end = self->n_chars;
              before->start = MIN (before->start, before->end);
            }
          if (range.start == G_MAXUINT)
            range.start = self->n_chars;
          emit_line (self, p, line);
          prev = line;
          prev_page = p;
        }
      if (range.start == G_MAXUINT)
        range.start = self->n_chars;
      range.end = self->n_chars;
      g_array_append_val (self->ranges, range);
    }
}

/* ---- reading -------------------------------------------------------------- */

static gboolean
read_page (CfPdfLayout  *self,
           guint         index,
           guint64      *total_chars,
           GError      **error)
{
  g_autoptr(GObject) owned = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (self->doc), (int) index));
  PopplerPage *pp = (PopplerPage *) owned;
  Page *page = &self->pages[index];
  g_autofree char *text = NULL;
  glong n_chars = 0;
  guint n_rects = 0;

  page->lines = NULL;
  if (pp == NULL)
    {
      split_lines (page);
      return TRUE;
    }
  poppler_page_get_size (pp, &page->width, &page->height);
  text = poppler_page_get_text (pp);
  if (text != NULL && poppler_page_get_text_layout (pp, (PopplerRectangle **) &page->rects, &n_rects))
    {
      page->chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
      /* one rectangle per character, as documented; trust neither more than the other */
      page->n = (guint) MIN ((glong) n_rects, n_chars);
    }
  *total_chars += page->n;
  if (*total_chars > MAX_TEXT_CHARS)
    {
      _cf_pdf_set_too_large (error, _("The PDF holds more text than one document may have."));
      return FALSE;
    }
  split_lines (page);
  return TRUE;
}

static CfPdfLayout *
layout_read (GBytes              *bytes,
             const CfReadLimits  *limits,
             gboolean             with_sources,
             GError             **error)
{
  g_autoptr(CfPdfLayout) self = g_new0 (CfPdfLayout, 1);
  g_autoptr(GError) local_error = NULL;
  guint max_pages;
  guint64 total_chars = 0;
  int n_pages;

  max_pages = limits != NULL && limits->max_pages > 0 ? limits->max_pages : DEFAULT_MAX_PAGES;

  if (g_bytes_get_size (bytes) > CF_EXTRACT_MAX_INPUT)
    {
      _cf_pdf_set_too_large (error, _("The PDF is larger than the import limit."));
      return NULL;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  self->doc = (GObject *) poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (self->doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED,
                             _("The PDF is locked with a password, so its text cannot be read. "
                               "Open it with the password in a PDF viewer, save an unlocked copy "
                               "and import that."));
      else
        g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                     _("The file is not a PDF that can be read (%s)."),
                     local_error != NULL ? local_error->message : _("unknown error"));
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (self->doc));
  if (n_pages <= 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                           _("The PDF has no pages that can be read."));
      return NULL;
    }
  if ((guint) n_pages > max_pages)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   _("The PDF has %d pages; a PDF may have at most %u."), n_pages, max_pages);
      return NULL;
    }

  self->n_pages = (guint) n_pages;
  self->pages = g_new0 (Page, self->n_pages);
  for (guint p = 0; p < self->n_pages; p++)
    if (!read_page (self, p, &total_chars, error))
      return NULL;

  drop_running_heads (self->pages, self->n_pages);
  for (guint p = 0; p < self->n_pages; p++)
    order_page (&self->pages[p]);

  self->text = g_string_sized_new (total_chars + total_chars / 8 + 16);
  self->ranges = g_array_sized_new (FALSE, FALSE, sizeof (CfExtractedPage), self->n_pages);
  if (with_sources)
    self->sources = g_array_sized_new (FALSE, FALSE, sizeof (Source), total_chars + 16);
  assemble (self);
  return g_steal_pointer (&self);
}

/* ---- metadata ------------------------------------------------------------- */

static char *
clean_meta (char *value)
{
  g_autofree char *owned = value;
  char *clean;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;
  clean = _cf_collapse_whitespace (value);
  if (*clean == '\0' || g_utf8_strlen (clean, -1) > 1000)
    g_clear_pointer (&clean, g_free);
  return clean;
}

/* The first value of @name (e.g. "dc:language") in the XMP packet: an rdf:li inside
 * the element, or the element's own text. A plain search: the packet is the
 * sender's XML, and these three values need no parser. */
static char *
xmp_value (const char *xmp,
           const char *name)
{
  g_autofree char *open = g_strdup_printf ("<%s", name);
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  const char *start = strstr (xmp, open), *end, *value, *value_end;
  g_autoptr(GString) out = g_string_new (NULL);

  if (start == NULL || (end = strstr (start, close)) == NULL)
    return NULL;
  value = strstr (start, "<rdf:li");
  if (value == NULL || value > end)
    value = start;
  value = strchr (value, '>');
  if (value == NULL || value >= end)
    return NULL;
  value++;
  value_end = strchr (value, '<');
  if (value_end == NULL || value_end > end)
    value_end = end;
  for (const char *p = value; p < value_end; p++)
    {
      static const struct { const char *entity; char c; } entities[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
      };
      gboolean replaced = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (entities) && *p == '&'; e++)
        if (strncmp (p, entities[e].entity, strlen (entities[e].entity)) == 0)
          {
            g_string_append_c (out, entities[e].c);
            p += strlen (entities[e].entity) - 1;
            replaced = TRUE;
            break;
          }
      if (!replaced)
        g_string_append_c (out, *p);
    }
  return clean_meta (g_string_free (g_steal_pointer (&out), FALSE));
}

static char *
language_or_null (char *tag)
{
  static GRegex *bcp47 = NULL;

  if (g_once_init_enter (&bcp47))
    {
      GRegex *re = g_regex_new ("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$", G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (re != NULL);
      g_once_init_leave (&bcp47, re);
    }
  if (tag != NULL && g_regex_match (bcp47, tag, 0, NULL))
    return tag;
  g_free (tag);
  return NULL;
}

static void
read_metadata (PopplerDocument     *doc,
               CfExtractedDocument *out)
{
  g_autofree char *xmp = poppler_document_get_metadata (doc);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (doc);

  out->title = clean_meta (poppler_document_get_title (doc));
  out->byline = clean_meta (poppler_document_get_author (doc));
  if (created != NULL)
    out->published = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S%:z");
  if (xmp == NULL || !g_utf8_validate (xmp, -1, NULL))
    return;
  if (out->title == NULL)
    out->title = xmp_value (xmp, "dc:title");
  if (out->byline == NULL)
    out->byline = xmp_value (xmp, "dc:creator");
  out->language = language_or_null (xmp_value (xmp, "dc:language"));
}

GPtrArray *
cf_read_pdf (GBytes              *bytes,
             const CfReadLimits  *limits,
             GError             **error)
{
  g_autoptr(CfPdfLayout) layout = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  CfExtractedDocument *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layout = layout_read (bytes, limits, FALSE, error);
  if (layout == NULL)
    return NULL;

  doc = _cf_extracted_document_new ("application/pdf");
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
  g_ptr_array_add (docs, doc);
  doc->text = g_string_free (g_steal_pointer (&layout->text), FALSE);
  doc->pages = g_array_ref (layout->ranges);
  if (layout->n_chars == 0)
    doc->note = g_strdup (_("This PDF has no text layer: its pages are images (perhaps a scan), "
                            "so it has no text to quote. The original is kept; no text "
                            "recognition was done."));
  read_metadata (POPPLER_DOCUMENT (layout->doc), doc);
  return g_steal_pointer (&docs);
}

/* ---- the layout, for the page view ------------------------------------------ */

CfPdfLayout *
cf_pdf_layout_new (GBytes              *bytes,
                   const CfReadLimits  *limits,
                   GError             **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return layout_read (bytes, limits, TRUE, error);
}

/* The helper renders one document's pages one after another: its parse is kept
 * for the next page of the same bytes (the helper keeps them, so the pointer tells;
 * the reference held here keeps the pointer from being reused). The helper has one
 * thread, so this is not locked. */
static struct
{
  GBytes          *bytes;
  PopplerDocument *doc;
} last_rendered;

static PopplerDocument *
document_to_render (GBytes *bytes)
{
  if (last_rendered.bytes != bytes || last_rendered.doc == NULL)
    {
      g_clear_object (&last_rendered.doc);
      g_clear_pointer (&last_rendered.bytes, g_bytes_unref);
      last_rendered.doc = poppler_document_new_from_bytes (bytes, NULL, NULL);
      last_rendered.bytes = g_bytes_ref (bytes);
    }
  return last_rendered.doc != NULL ? g_object_ref (last_rendered.doc) : NULL;
}

GBytes *
cf_pdf_render_to_wire (GBytes  *bytes,
                       guint    page,
                       int      width,
                       int      height,
                       GError **error)
{
  g_autoptr(GObject) doc_owned = NULL;
  g_autoptr(GObject) page_owned = NULL;
  g_autoptr(GByteArray) out = NULL;
  PopplerDocument *doc;
  PopplerPage *pp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  char magic[MAGIC_SIZE] = RENDER_MAGIC;
  double page_width = 0, page_height = 0;
  int stride;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (width < 1 || height < 1 || width > CF_PDF_MAX_RENDER_SIDE || height > CF_PDF_MAX_RENDER_SIDE ||
      (guint64) width * (guint64) height > CF_PDF_MAX_RENDER_PIXELS)
    {
      _cf_pdf_set_too_large (error, _("The page is too large to show at this size."));
      return NULL;
    }
  doc = document_to_render (bytes);
  doc_owned = (GObject *) doc;
  if (doc != NULL && page < (guint) MAX (poppler_document_get_n_pages (doc), 0))
    pp = poppler_document_get_page (doc, (int) page);
  page_owned = (GObject *) pp;
  if (pp == NULL)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                           _("The page could not be read."));
      return NULL;
    }
  poppler_page_get_size (pp, &page_width, &page_height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (page_width > 0 && page_height > 0)
    {
      cairo_scale (cr, width / page_width, height / page_height);
      poppler_page_render (pp, cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      _cf_pdf_set_too_large (error, _("The page is too large to show at this size."));
      return NULL;
    }
  stride = cairo_image_surface_get_stride (surface);
  out = g_byte_array_sized_new ((guint) (RENDER_HEADER_SIZE + (gsize) stride * height));
  _cf_wire_put (out, magic, MAGIC_SIZE);
  _cf_wire_put_u32 (out, (guint32) width);
  _cf_wire_put_u32 (out, (guint32) height);
  _cf_wire_put_u32 (out, (guint32) stride);
  _cf_wire_put_u32 (out, 0);
  _cf_wire_put (out, cairo_image_surface_get_data (surface), (gsize) stride * height);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

