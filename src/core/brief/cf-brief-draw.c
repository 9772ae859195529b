/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing one page on any cairo context: the running header and footer (title,
 * date, marking, analyst, page number), the part of the blocks that pagination
 * put on the page with their rules, swatches and accent bars, and — on a PDF
 * surface — the links and outline entries. Pages can be drawn in any order and
 * more than once (a print preview does), so nothing here changes the layout. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cf-brief-private.h"

static void
set_color (cairo_t   *cr,
           const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
hline (cairo_t   *cr,
       double     x,
       double     y,
       double     width,
       double     thickness,
       const Rgb *color)
{
  cairo_save (cr);
  set_color (cr, color);
  cairo_rectangle (cr, x, y, width, thickness);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
marking_colors (const char *marking,
                Rgb        *background,
                Rgb        *foreground)
{
  g_autofree char *upper = g_utf8_strup (marking, -1);

  /* TLP 2.0 colours, on black as FIRST prints them */
  if (g_str_has_prefix (upper, "TLP"))
    {
      *background = (Rgb) { 0, 0, 0 };
      if (strstr (upper, "RED") != NULL)
        *foreground = (Rgb) { 1.0, 0x2b / 255.0, 0x2b / 255.0 };
      else if (strstr (upper, "AMBER") != NULL)
        *foreground = (Rgb) { 1.0, 0xc0 / 255.0, 0 };
      else if (strstr (upper, "GREEN") != NULL)
        *foreground = (Rgb) { 0x33 / 255.0, 1.0, 0 };
      else
        *foreground = (Rgb) { 1, 1, 1 };
    }
  else
    {
      *background = (Rgb) { 0.55, 0.09, 0.09 };
      *foreground = (Rgb) { 1, 1, 1 };
    }
}

static PangoLayout *
furniture_layout (CfBrief    *self,
                  const char *markup,
                  gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->fonts[STYLE_HEADER]);

  if (bold)
    {
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_font_description_set_size (font, (int) (8.5 * PANGO_SCALE));
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
show_centered_at (cairo_t     *cr,
                  PangoLayout *layout,
                  double       x,
                  double       center_y,
                  double       align)   /* 0 left, 0.5 centre, 1 right of x */
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - align * logical.width / PANGO_SCALE,
                 center_y - (double) logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/* Draws the marking centred at @center_y and returns the width it took. */
static double
draw_marking (CfBrief *self,
              cairo_t *cr,
              double   center_y)
{
  g_autofree char *markup = _cf_brief_escape (self->marking);
  g_autoptr(PangoLayout) layout = furniture_layout (self, markup, TRUE);
  PangoRectangle logical;
  double width, height, x, y, radius = 2.5;
  Rgb background, foreground;

  pango_layout_set_width (layout, (int) (_cf_brief_content_width (self) * 0.4 * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE + 14.0;
  height = (double) logical.height / PANGO_SCALE + 4.0;
  x = self->page_width / 2 - width / 2;
  y = center_y - height / 2;
  marking_colors (self->marking, &background, &foreground);

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_color (cr, &background);
  cairo_fill (cr);
  set_color (cr, &foreground);
  show_centered_at (cr, layout, self->page_width / 2, center_y, 0.5);
  cairo_restore (cr);
  return width;
}

/* The first @n of @words escaped for markup, with an ellipsis after them. */
static char *
first_words_cut (char  **words,
                 guint   n)
{
  char *saved = words[n];
  g_autofree char *cut = NULL;
  g_autofree char *escaped = NULL;

  words[n] = NULL;
  cut = g_strjoinv (" ", words);
  words[n] = saved;
  escaped = _cf_brief_escape (g_strchomp (cut));
  return g_strconcat (escaped, "…", NULL);
}

/* The running title in at most two lines of @width: whole when it fits, else cut
 * after the last whole word that fits, with an ellipsis (a single word too long
 * for two lines is cut where it must be). */
static PangoLayout *
title_layout_for_width (CfBrief *self,
                        double   width)
{
  g_autofree char *markup = _cf_brief_escape (self->title);
  PangoLayout *layout = furniture_layout (self, markup, FALSE);
  g_auto(GStrv) words = NULL;
  guint lo = 1, hi, best = 0;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  if (pango_layout_get_line_count (layout) <= 2)
    return layout;

  /* the most words that fit, by bisection: a title is laid out a few times only */
  words = g_strsplit (self->title, " ", -1);
  hi = g_strv_length (words);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      g_free (markup);
      markup = first_words_cut (words, mid);
      pango_layout_set_markup (layout, markup, -1);
      if (pango_layout_get_line_count (layout) <= 2)
        {
          best = mid;
          lo = mid + 1;
        }
      else
        hi = mid;
    }
  g_free (markup);
  if (best > 0)
    markup = first_words_cut (words, best);
  else
    {
      markup = _cf_brief_escape (self->title);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
draw_furniture (CfBrief *self,
                cairo_t *cr,
                guint    page)
{
  double left = MARGIN_SIDE;
  double right = self->page_width - MARGIN_SIDE;
  double side_width = _cf_brief_content_width (self) / 2 - 12.0;
  double footer_y = self->page_height - FOOTER_CENTER;
  g_autofree char *date = g_date_time_format (self->date, "%Y-%m-%d");
  /* TRANSLATORS: in the footer of every page of the brief */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) date_layout = furniture_layout (self, date, FALSE);
  g_autoptr(PangoLayout) page_layout = furniture_layout (self, page_text, FALSE);

  /* the title and the analyst get what the marking leaves */
  if (self->marking != NULL)
    {
      double marking_width = draw_marking (self, cr, HEADER_CENTER);

      draw_marking (self, cr, footer_y);
      side_width = (_cf_brief_content_width (self) - marking_width) / 2 - 12.0;
    }

  /* without a marking in the middle, the title has all but the date's room */
  if (self->marking == NULL)
    {
      PangoRectangle date_extents;

      pango_layout_get_extents (date_layout, NULL, &date_extents);
      title_layout = title_layout_for_width (self, _cf_brief_content_width (self) -
                                                   (double) date_extents.width / PANGO_SCALE - 24.0);
    }
  else
    title_layout = title_layout_for_width (self, side_width);

  cairo_save (cr);
  set_color (cr, &grey);

  show_centered_at (cr, title_layout, left, HEADER_CENTER, 0);
  show_centered_at (cr, date_layout, right, HEADER_CENTER, 1);
  hline (cr, left, HEADER_RULE, right - left, 0.5, &rule_grey);

  hline (cr, left, self->page_height - FOOTER_RULE, right - left, 0.5, &rule_grey);
  if (self->analyst != NULL)
    {
      g_autofree char *analyst = _cf_brief_escape (self->analyst);
      g_autoptr(PangoLayout) analyst_layout = furniture_layout (self, analyst, FALSE);

      pango_layout_set_width (analyst_layout, (int) (side_width * PANGO_SCALE));
      pango_layout_set_ellipsize (analyst_layout, PANGO_ELLIPSIZE_END);
      set_color (cr, &grey);
      show_centered_at (cr, analyst_layout, left, footer_y, 0);
    }
  set_color (cr, &grey);
  show_centered_at (cr, page_layout, right, footer_y, 1);
  cairo_restore (cr);
}

/* Cairo's tag attributes quote strings with '…' and escape with a backslash. */
static char *
link_attributes (const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  return g_string_free (attributes, FALSE);
}

static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        first,
            guint        end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = 0;
  guint line = 0;

  do
    {
      if (line == first)
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          offset = (double) y0 / PANGO_SCALE;
        }
      if (line >= first && line < end)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_block_decoration (CfBrief *self,
                       cairo_t *cr,
                       Block   *block,
                       gboolean starts_here,
                       double   top,
                       double   bottom,
                       double   first_line_middle)
{
  double x = MARGIN_SIDE;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      if (starts_here)
        hline (cr, x, bottom + 6.0, _cf_brief_content_width (self), 2.0, &accent);
      break;

    case BLOCK_H1:
      if (starts_here)
        hline (cr, x, bottom + 2.5, _cf_brief_content_width (self), 0.75, &accent);
      break;

    case BLOCK_H2:
      if (starts_here && block->has_color)
        {
          cairo_save (cr);
          set_color (cr, &block->color);
          cairo_rectangle (cr, x, first_line_middle - 4.5, 9.0, 9.0);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 0.5);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      break;

    case BLOCK_CLAIM:
    case BLOCK_JUDGMENT:
      if (block->has_color && bottom > top)
        {
          cairo_save (cr);
          set_color (cr, &block->color);
          cairo_rectangle (cr, x, top, 3.0, bottom - top);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      break;

    case BLOCK_FIGURE:
      if (starts_here && bottom > top)
        _cf_brief_draw_chronology_figure (self, cr, x, top, _cf_brief_content_width (self), bottom);
      break;

    case BLOCK_PLAIN:
    default:
      break;
    }
}

static void
add_outline (CfBrief *self,
             Block   *block,
             guint    page,
             double   y)
{
  g_autofree char *link = NULL;

  if (self->pdf_surface == NULL || block->outline == NULL)
    return;

  link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) MARGIN_SIDE, (int) y);
  if (block->kind == BLOCK_H1)
    self->outline_parent = cairo_pdf_surface_add_outline (self->pdf_surface, CAIRO_PDF_OUTLINE_ROOT,
                                                          block->outline, link,
                                                          CAIRO_PDF_OUTLINE_FLAG_OPEN);
  else
    cairo_pdf_surface_add_outline (self->pdf_surface, self->outline_parent, block->outline, link, 0);
}

static void
draw_blocks (CfBrief *self,
             cairo_t *cr,
             guint    page,
             PagePos  from,
             PagePos  to)
{
  gboolean links = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
  double y = 0;

  for (guint i = from.block; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      gboolean starts_here = i != from.block || (from.para == 0 && from.line == 0);
      double top, bottom, first_line_middle = 0;

      if (i > to.block || (i == to.block && to.para == 0 && to.line == 0))
        break;

      if (starts_here && y > 0)
        y += block->space_before;
      top = bottom = y;
      if (starts_here)
        add_outline (self, block, page, MARGIN_TOP + y);

      for (guint p = i == from.block ? from.para : 0; p < block->paras->len; p++)
        {
          Para *para = g_ptr_array_index (block->paras, p);
          guint first = (i == from.block && p == from.para) ? from.line : 0;
          guint end = G_MAXUINT;
          double x = MARGIN_SIDE + block->indent + para->indent;
          g_autoptr(PangoLayout) layout = NULL;

          if (i == to.block)
            {
              if (p > to.para || (p == to.para && to.line == 0))
                break;
              if (p == to.para)
                end = to.line;
            }

          layout = para->layout != NULL ? g_steal_pointer (&para->layout)
                                        : _cf_brief_make_layout (self, block, para);
          if (p == 0)
            {
              PangoLayoutIter *iter = pango_layout_get_iter (layout);
              int y0, y1;

              pango_layout_iter_get_line_yrange (iter, &y0, &y1);
              first_line_middle = MARGIN_TOP + y + (y0 + y1) / 2.0 / PANGO_SCALE;
              pango_layout_iter_free (iter);
            }

          if (links && para->link != NULL)
            {
              g_autofree char *attributes = link_attributes (para->link);

              cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
            }
          set_color (cr, _cf_brief_styles[para->style].color);

          if (first == 0 && end == G_MAXUINT)
            {
              cairo_move_to (cr, x, MARGIN_TOP + y);
              pango_cairo_show_layout (cr, layout);
              y += para->height;
              bottom = y;
              y += para->space_after;
            }
          else
            {
              g_autoptr(GArray) tops = _cf_brief_line_tops (layout);
              double start, stop;

              end = MIN (end, tops->len);
              start = g_array_index (tops, double, first);
              stop = end < tops->len ? g_array_index (tops, double, end) : para->height;
              draw_lines (cr, layout, x, MARGIN_TOP + y, first, end);
              y += stop - start;
              bottom = y;
              if (end == tops->len)
                y += para->space_after;
            }

          if (links && para->link != NULL)
            cairo_tag_end (cr, CAIRO_TAG_LINK);
        }

      draw_block_decoration (self, cr, block, starts_here, MARGIN_TOP + top, MARGIN_TOP + bottom,
                             first_line_middle);
    }
}

void
cf_brief_draw_page (CfBrief *self,
                    cairo_t *cr,
                    guint    page)
{
  PagePos from, to;

  g_return_if_fail (CF_IS_BRIEF (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->pages->len);

  from = g_array_index (self->pages, PagePos, page);
  if (page + 1 < self->pages->len)
    to = g_array_index (self->pages, PagePos, page + 1);
  else
    to = (PagePos) { self->blocks->len, 0, 0 };

  cairo_save (cr);
  draw_furniture (self, cr, page);
  draw_blocks (self, cr, page, from, to);
  cairo_restore (cr);
}
