/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief's chronology: the timeline as a vector figure across the page width (claims
 * as marks or bars as wide as their precision, the sources' publication times under
 * them), then the dated claims in the order their events happened, each with its
 * source, grade and precision, then what the timeline checks found. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cf-brief-private.h"
#include "cf-case-timeline.h"

/* the brief lists at most this many dated claims; the window and the CLI show them all */
#define MAX_CHRONOLOGY 500

void
_cf_brief_load_chronology (CfBrief *self,
                           CfCase  *kase)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_documents, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_findings, g_ptr_array_unref);
  self->timeline = cf_case_list_timeline (kase, &error);
  if (self->timeline != NULL)
    self->timeline_documents = cf_case_list_document_times (kase, &error);
  if (self->timeline_documents != NULL)
    self->timeline_findings = cf_case_check_timeline (kase, &error);
  if (error != NULL)
    g_warning ("The brief leaves out the chronology: %s", error->message);
}

static guint
source_number (CfBrief *self,
               gint64   document_id)
{
  for (guint i = 0; self->sources != NULL && i < self->sources->len; i++)
    {
      BriefSource *source = g_ptr_array_index (self->sources, i);

      if (source->id == document_id)
        return source->number;
    }
  return 0;
}

static void
rgb_from_hex (const char *hex,
              double     *r,
              double     *g,
              double     *b)
{
  guint value = 0x3584e4;

  if (hex != NULL && hex[0] == '#' && strlen (hex) == 7)
    value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  *r = ((value >> 16) & 0xff) / 255.0;
  *g = ((value >> 8) & 0xff) / 255.0;
  *b = (value & 0xff) / 255.0;
}

void
_cf_brief_build_chronology (CfBrief *self)
{
  Block *block;
  guint n;

  if (self->timeline == NULL || self->timeline->len == 0)
    return;

  _cf_brief_add_heading (self, _("Chronology"));
  /* the figure is drawn over a paragraph of empty lines that holds its place */
  block = _cf_brief_add_block (self, BLOCK_FIGURE, 0.0);
  _cf_brief_add_para (block, STYLE_SMALL, g_strdup ("\n\n\n\n\n\n\n\n\n"), 10.0);

  n = MIN (self->timeline->len, MAX_CHRONOLOGY);
  for (guint i = 0; i < n; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (self->timeline, i);
      g_autofree char *when = cf_event_time_to_string (e->time);
      g_autofree char *quote = _cf_brief_escape (e->quote);
      g_autofree char *source = NULL;
      g_autofree char *grade = NULL;
      guint number = source_number (self, e->document_id);
      GString *markup = g_string_new (NULL);

      block = _cf_brief_add_block (self, BLOCK_CLAIM, 3.0);
      if (e->color != NULL)
        {
          rgb_from_hex (e->color, &block->color.r, &block->color.g, &block->color.b);
          block->has_color = TRUE;
        }
      g_string_append_printf (markup, "<b>%s</b>  ", when);
      /* Translators: the precision of a date in the chronology, as "(day)" */
      g_string_append_printf (markup, _("(%s)"), cf_precision_get_label (e->time->precision));
      g_string_append_printf (markup, "  “%s”", quote);
      if (number > 0)
        source = g_markup_printf_escaped (" [S%u]", number);
      else if (e->document_title != NULL)
        source = g_markup_printf_escaped (" (%s)", e->document_title);
      if (source != NULL)
        g_string_append (markup, source);
      if (e->grade != NULL && *e->grade != '\0')
        {
          /* Translators: a claim's grade in the chronology, "grade B2" */
          grade = g_markup_printf_escaped (_(", grade %s"), e->grade);
          g_string_append (markup, grade);
        }
      block->indent = 8.0;
      _cf_brief_add_para (block, STYLE_BODY, g_string_free (markup, FALSE), 2.0);
    }
  if (self->timeline->len > n)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more dated claim is not listed.",
                                                            "%u more dated claims are not listed.",
                                                            self->timeline->len - n),
                                               self->timeline->len - n);

      block = _cf_brief_add_block (self, BLOCK_PLAIN, 4.0);
      _cf_brief_add_para (block, STYLE_SMALL, _cf_brief_escape (more), 0.0);
    }

  block = _cf_brief_add_block (self, BLOCK_PLAIN, 10.0);
  block->keep_with_next = TRUE;
  _cf_brief_add_para (block, STYLE_H3, _cf_brief_escape (_("Timeline checks")), 3.0);
  if (self->timeline_findings == NULL || self->timeline_findings->len == 0)
    {
      block = _cf_brief_add_block (self, BLOCK_PLAIN, 0.0);
      _cf_brief_add_para (block, STYLE_BODY,
                          _cf_brief_escape (_("No claims about one event disagree in time, no source "
                                              "is dated before the event it reports, and no date is "
                                              "coarser than the case needs.")), 0.0);
      return;
    }
  for (guint i = 0; i < self->timeline_findings->len; i++)
    {
      const CfTimelineFinding *f = g_ptr_array_index (self->timeline_findings, i);

      block = _cf_brief_add_block (self, BLOCK_PLAIN, 2.0);
      _cf_brief_add_para (block, STYLE_BODY, _cf_brief_escape (f->message), 0.0);
    }
}

static void
tick_label (cairo_t    *cr,
            const char *text,
            double      x,
            double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (SANS_FAMILY " 6.5");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x + 1.5, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

void
_cf_brief_draw_chronology_figure (CfBrief *self,
                                  cairo_t *cr,
                                  double   x,
                                  double   top,
                                  double   width,
                                  double   bottom)
{
  static const gint64 steps[] = { 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400, 91 * 86400, 365 * 86400,
                                  5 * 365 * 86400, 10 * 365 * 86400, 50 * 365 * 86400 };
  gint64 lo = G_MAXINT64, hi = G_MININT64, step = steps[G_N_ELEMENTS (steps) - 1];
  double span, axis_y = bottom - 16.0, claims_top = top + 14.0, doc_y = axis_y - 10.0;
  guint n_rows = 5;

  if (self->timeline == NULL || self->timeline->len == 0)
    return;
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (self->timeline, i);

      lo = MIN (lo, e->earliest);
      hi = MAX (hi, e->latest);
    }
  for (guint i = 0; self->timeline_documents != NULL && i < self->timeline_documents->len; i++)
    {
      const CfTimelineDocument *d = g_ptr_array_index (self->timeline_documents, i);

      lo = MIN (lo, d->earliest);
      hi = MAX (hi, d->latest);
    }
  span = MAX (3600.0, (double) (hi - lo));
  lo -= (gint64) (span * 0.03);
  hi += (gint64) (span * 0.03);
  span = (double) (hi - lo);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * width / span >= 60.0)
      {
        step = steps[i];
        break;
      }

  cairo_save (cr);
  /* the axis and its ticks, labelled in UTC */
  cairo_set_source_rgb (cr, grey.r, grey.g, grey.b);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, axis_y);
  cairo_line_to (cr, x + width, axis_y);
  cairo_stroke (cr);
  for (gint64 t = (lo / step + 1) * step; t < hi; t += step)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
      g_autofree char *label = dt ? g_date_time_format (dt, step < 86400 ? "%d %b %H:%M"
                                                           : step < 365 * 86400 ? "%d %b %Y" : "%Y")
                                  : NULL;
      double tx = x + (t - lo) * width / span;

      cairo_move_to (cr, tx, axis_y - 2);
      cairo_line_to (cr, tx, axis_y + 2);
      cairo_stroke (cr);
      if (label != NULL)
        tick_label (cr, label, tx, axis_y + 2);
    }

  /* claims in rows, so overlapping marks stay visible */
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (self->timeline, i);
      double x0 = x + (e->earliest - lo) * width / span;
      double x1 = x + (e->latest - lo) * width / span;
      double row_y = claims_top + (i % n_rows) * ((doc_y - claims_top - 8) / n_rows);
      double r, g, b;

      rgb_from_hex (e->color, &r, &g, &b);
      cairo_set_source_rgba (cr, r, g, b, e->time->approximate ? 0.45 : 0.85);
      if (x1 - x0 < 2.0)
        cairo_arc (cr, (x0 + x1) / 2, row_y + 3, 2.2, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x0, row_y + 1, x1 - x0, 4);
      cairo_fill (cr);
    }

  /* the sources' publication times */
  cairo_set_source_rgb (cr, ink.r, ink.g, ink.b);
  for (guint i = 0; self->timeline_documents != NULL && i < self->timeline_documents->len; i++)
    {
      const CfTimelineDocument *d = g_ptr_array_index (self->timeline_documents, i);
      double dx = x + (d->earliest - lo) * width / span;

      cairo_move_to (cr, dx, doc_y - 3);
      cairo_line_to (cr, dx + 3, doc_y);
      cairo_line_to (cr, dx, doc_y + 3);
      cairo_line_to (cr, dx - 3, doc_y);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, grey.r, grey.g, grey.b);
  tick_label (cr, _("◆ publication of a source; a bar spans the precision of its date; times in UTC"),
              x - 1.5, top);
  cairo_restore (cr);
}
