/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout and pagination: the paragraph styles as fonts, each paragraph measured
 * once with Pango on the brief's own context (72 dpi, unhinted metrics, so that a
 * printer, a preview and a PDF get the same pages), and the page breaks found by
 * keeping headings with what follows them and breaking tall blocks between lines.
 * Only where each page starts is kept; drawing lays the rest out again. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cf-brief-private.h"

/* The paragraph styles, by ParaStyle. */
const StyleSpec _cf_brief_styles[N_STYLES] = {
  [STYLE_KICKER]        = { SANS_FAMILY, 9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, &accent },
  [STYLE_TITLE]         = { SANS_FAMILY, 21.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 1.0, &ink, TRUE },
  [STYLE_META]          = { SANS_FAMILY, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.1, &ink },
  [STYLE_H1]            = { SANS_FAMILY, 14.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, &accent },
  [STYLE_H2]            = { SANS_FAMILY, 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, &ink },
  [STYLE_H3]            = { SANS_FAMILY, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, &ink },
  [STYLE_BODY]          = { SANS_FAMILY, 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.1, &ink, TRUE },
  [STYLE_QUOTE]         = { SERIF_FAMILY, 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 1.05, &ink, TRUE },
  [STYLE_QUOTE_UPRIGHT] = { SERIF_FAMILY, 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.05, &ink, TRUE },
  [STYLE_SMALL]         = { SANS_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.05, &grey },
  [STYLE_MONO]          = { MONO_FAMILY, 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.05, &grey },
  [STYLE_HASH]          = { MONO_FAMILY, 7.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1.05, &grey },
  [STYLE_EMPTY]         = { SANS_FAMILY, 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 0, &grey },
  [STYLE_HEADER]        = { SANS_FAMILY, 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, &grey },
};

/* The direction of the brief's own labels: that of the translation. */
static PangoDirection
locale_direction (void)
{
  /* TRANSLATORS: write "default:RTL" for a right-to-left language, else keep
   * "default:LTR"; this is not shown */
  const char *direction = C_("text direction", "default:LTR");

  return strcmp (direction, "default:RTL") == 0 ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

double
_cf_brief_content_width (CfBrief *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static double
content_height (CfBrief *self)
{
  return self->page_height - MARGIN_TOP - MARGIN_BOTTOM;
}

PangoLayout *
_cf_brief_make_layout (CfBrief *self,
                       Block   *block,
                       Para    *para)
{
  PangoLayout *layout = pango_layout_new (self->context);
  const StyleSpec *spec = &_cf_brief_styles[para->style];
  double width = _cf_brief_content_width (self) - block->indent - para->indent;

  pango_layout_set_font_description (layout, self->fonts[para->style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* long words and URLs break anywhere rather than run off the page */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* What the analyst or a source wrote runs in its own direction (an Arabic quote
   * is right-aligned); the brief's label lines keep the translation's direction. */
  pango_layout_set_auto_dir (layout, spec->content);
  if (spec->line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) spec->line_spacing);
  if (para->style == STYLE_META)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                (int) (30 * MM * PANGO_SCALE));

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
    }
  pango_layout_set_markup (layout, para->markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The top of each line, in points from the top of the layout. */
GArray *
_cf_brief_line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return tops;
}

static void
measure_blocks (CfBrief *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      block->height = 0;
      for (guint p = 0; p < block->paras->len; p++)
        {
          Para *para = g_ptr_array_index (block->paras, p);

          g_clear_object (&para->layout);
          para->layout = _cf_brief_make_layout (self, block, para);
          para->height = layout_height (para->layout);
          block->height += para->height + para->space_after;
        }
    }
}

/* What must fit on the page below a heading for the heading to stay there: the
 * whole next block, or the start of one that is taller than a page. */
static double
lead_height (Block  *block,
             double  available)
{
  Para *first;

  if (block->height <= available)
    return block->height;
  first = g_ptr_array_index (block->paras, 0);
  return MIN (first->height, 48.0);
}

static void
start_page (CfBrief *self,
            guint    block,
            guint    para,
            guint    line)
{
  PagePos pos = { block, para, line };

  g_array_append_val (self->pages, pos);
}

/* A block taller than a page starts in the space left on the current page only if
 * at least this much is left; otherwise it starts on a new page. */
#define MIN_SPLIT_SPACE 90.0

static void
paginate_blocks (CfBrief *self)
{
  double available = content_height (self);
  double y = 0;

  g_array_set_size (self->pages, 0);
  start_page (self, 0, 0, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double before = y > 0 ? block->space_before : 0;
      double need = block->height;

      if (block->keep_with_next)
        {
          guint j;

          for (j = i + 1; j < self->blocks->len; j++)
            {
              Block *next = g_ptr_array_index (self->blocks, j);

              if (!next->keep_with_next)
                break;
              need += next->space_before + next->height;
            }
          if (j < self->blocks->len)
            {
              Block *next = g_ptr_array_index (self->blocks, j);

              need += next->space_before + lead_height (next, available);
            }
        }

      if (y > 0 && y + before + need > available &&
          (need <= available || block->keep_with_next ||
           available - y - before < MIN_SPLIT_SPACE))
        {
          start_page (self, i, 0, 0);
          y = 0;
          before = 0;
        }

      y += before;
      if (y + block->height <= available)
        {
          y += block->height;
          continue;
        }

      /* Taller than what is left: break between lines. */
      for (guint p = 0; p < block->paras->len; p++)
        {
          Para *para = g_ptr_array_index (block->paras, p);
          g_autoptr(PangoLayout) layout = NULL;
          g_autoptr(GArray) tops = NULL;

          if (y + para->height <= available)
            {
              y += para->height + para->space_after;
              continue;
            }

          layout = g_object_ref (para->layout);
          tops = _cf_brief_line_tops (layout);
          for (guint l = 0; l < tops->len; l++)
            {
              double bottom = l + 1 < tops->len ? g_array_index (tops, double, l + 1) : para->height;
              double line_height = bottom - g_array_index (tops, double, l);

              if (y > 0 && y + line_height > available)
                {
                  start_page (self, i, p, l);
                  y = 0;
                }
              y += line_height;
            }
          y += para->space_after;
        }
    }
}

static void
ensure_fonts (CfBrief *self)
{
  for (guint i = 0; i < N_STYLES; i++)
    {
      PangoFontDescription *font;

      if (self->fonts[i] != NULL)
        continue;
      font = pango_font_description_new ();
      pango_font_description_set_family (font, _cf_brief_styles[i].family);
      pango_font_description_set_size (font, (int) (_cf_brief_styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (font, _cf_brief_styles[i].weight);
      pango_font_description_set_style (font, _cf_brief_styles[i].slant);
      self->fonts[i] = font;
    }
}

gboolean
cf_brief_paginate (CfBrief       *self,
                   PangoContext  *context,
                   double         page_width,
                   double         page_height,
                   GError       **error)
{
  PangoFontMap *font_map;
  cairo_font_options_t *font_options;

  g_return_val_if_fail (CF_IS_BRIEF (self), FALSE);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the margins and an inch of text, at least */
  if (page_width < 2 * MARGIN_SIDE + 72.0 || page_height < MARGIN_TOP + MARGIN_BOTTOM + 72.0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The paper is too small for the brief. Choose A4 or Letter."));
      return FALSE;
    }

  font_map = context != NULL ? pango_context_get_font_map (context)
                             : pango_cairo_font_map_get_default ();

  /* Our own context: fixed resolution and unhinted metrics make the pages the same
   * on a printer, in a preview and in a PDF. */
  g_clear_object (&self->context);
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_base_dir (self->context, locale_direction ());

  self->page_width = page_width;
  self->page_height = page_height;
  ensure_fonts (self);
  measure_blocks (self);
  paginate_blocks (self);
  return TRUE;
}

guint
cf_brief_get_n_pages (CfBrief *self)
{
  g_return_val_if_fail (CF_IS_BRIEF (self), 0);

  return self->pages->len;
}
