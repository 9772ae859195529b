/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page view: a PDF source as it was printed, one page at a time, with every
 * claim's highlight drawn over its words. Where each character lies comes from the
 * reader's CfPdfLayout (the same assembly that made the document's text), so a
 * highlight here and in the text view cover the same characters, and a selection
 * dragged over the page is reported as text offsets. The window never renders a PDF
 * itself: each page is rendered into an image by the casefile-reader helper process
 * (cf_pdf_render_in_session_async, off the main thread), with a spinner meanwhile,
 * and painted from that image on every frame; the last few images are kept. One
 * helper serves the document's pages (it keeps the PDF parsed between them) until
 * it has been idle for HELPER_IDLE_SECONDS or another document is shown; a render
 * that fails is tried once more with a fresh helper. A page the helper cannot render
 * (a hostile or broken page that crashes it) says so, and the other pages and the
 * case are untouched. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cf-page-view.h"

#define PAGE_MARGIN 12.0
#define MIN_ZOOM 0.25
#define MAX_ZOOM 4.0
/* Rendered page images kept, for turning back and forth. */
#define CACHED_PAGES 6
#define PULSE_MS 100
/* A press that moves less than this is a click, not a selection. */
#define DRAG_THRESHOLD 3.0
/* The render helper is ended after this long without a page to render. */
#define HELPER_IDLE_SECONDS 60

typedef struct
{
  guint            page;
  int              width;   /* pixels */
  int              height;
  cairo_surface_t *surface;
} CachedPage;

typedef struct
{
  gint64    claim_id;
  GdkRGBA   color;
  CfPdfRect rect;
} PageMark;

struct _CfPageView
{
  GtkBox           parent_instance;

  GtkWidget       *canvas;
  GtkWidget       *scroller;
  GtkEntry        *page_entry;
  GtkLabel        *n_pages_label;
  GtkWidget       *prev_button;
  GtkWidget       *next_button;

  GtkWidget       *status;       /* over the page: progress, or why it is not shown */
  GtkWidget       *busy_box;
  GtkProgressBar  *busy_bar;     /* pulses while the helper works (no spinner icon:
                                  * it needs an SVG loader some systems lack) */
  guint            pulse_id;
  GtkLabel        *status_label;

  CfPdfLayout     *layout;       /* borrowed from the reader */
  GBytes          *original;     /* the PDF, sent to the helper to render */
  CfReadSession   *helper;       /* the document's render helper */
  guint            helper_idle_id;
  gboolean         loading;      /* the layout is being read */
  guint            page;
  double           zoom;
  gboolean         fit_width;

  GArray          *highlights;   /* CfPageHighlight */
  GArray          *marks;        /* PageMark on the shown page */
  gint64           selected_claim;

  GQueue           cache;        /* CachedPage, the newest first */
  GCancellable    *rendering;    /* the render under way, if any */
  guint            want_page;    /* what it renders */
  int              want_width;
  int              want_height;
  GHashTable      *failed;       /* page (+1) -> why the helper could not render it */

  gboolean         dragging;
  double           drag_x;
  double           drag_y;
  int              sel_start;
  int              sel_end;      /* sel_start == sel_end: nothing selected */
};

G_DEFINE_FINAL_TYPE (CfPageView, cf_page_view, GTK_TYPE_BOX)

enum {
  CLAIM_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
page_size (CfPageView *self,
           double     *width,
           double     *height)
{
  if (self->layout == NULL || cf_pdf_layout_get_n_pages (self->layout) == 0)
    {
      *width = 595;
      *height = 842;
      return;
    }
  cf_pdf_layout_get_page_size (self->layout, self->page, width, height);
}

static void
cached_page_free (CachedPage *cached)
{
  cairo_surface_destroy (cached->surface);
  g_free (cached);
}

static void
drop_rendering (CfPageView *self)
{
  if (self->rendering != NULL)
    {
      g_cancellable_cancel (self->rendering);
      g_clear_object (&self->rendering);
    }
  g_queue_clear_full (&self->cache, (GDestroyNotify) cached_page_free);
  g_hash_table_remove_all (self->failed);
}

/* The pixels the shown page needs at this zoom, within what the helper renders
 * (past that, a smaller image is scaled up). */
static void
wanted_size (CfPageView *self,
             int        *width,
             int        *height)
{
  int scale = gtk_widget_get_scale_factor (self->canvas);
  double page_width, page_height, w, h, shrink = 1.0;

  page_size (self, &page_width, &page_height);
  w = MAX (1.0, ceil (page_width * self->zoom * scale));
  h = MAX (1.0, ceil (page_height * self->zoom * scale));
  shrink = MIN (shrink, CF_PDF_MAX_RENDER_SIDE / w);
  shrink = MIN (shrink, CF_PDF_MAX_RENDER_SIDE / h);
  shrink = MIN (shrink, sqrt ((double) CF_PDF_MAX_RENDER_PIXELS / (w * h)));
  *width = CLAMP ((int) floor (w * shrink), 1, CF_PDF_MAX_RENDER_SIDE);
  *height = CLAMP ((int) floor (h * shrink), 1, CF_PDF_MAX_RENDER_SIDE);
}

/* The image to paint for the shown page: the one of the wanted size, or else any
 * of this page (an older zoom, scaled while the new one renders). */
static CachedPage *
find_cached (CfPageView *self,
             gboolean    exact)
{
  int width, height;
  CachedPage *any = NULL;

  wanted_size (self, &width, &height);
  for (GList *l = self->cache.head; l != NULL; l = l->next)
    {
      CachedPage *cached = l->data;

      if (cached->page != self->page)
        continue;
      if (cached->width == width && cached->height == height)
        return cached;
      if (any == NULL)
        any = cached;
    }
  return exact ? NULL : any;
}

static gboolean
pulse_cb (gpointer data)
{
  CfPageView *self = data;

  gtk_progress_bar_pulse (self->busy_bar);
  return G_SOURCE_CONTINUE;
}

static void
update_status (CfPageView *self)
{
  const char *why = g_hash_table_lookup (self->failed, GUINT_TO_POINTER (self->page + 1));
  gboolean busy = self->loading || (self->rendering != NULL && self->want_page == self->page);

  gtk_widget_set_visible (self->busy_box, busy && why == NULL);
  if (busy && why == NULL && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (PULSE_MS, pulse_cb, self);
  else if (!(busy && why == NULL))
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), why != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), why);
  gtk_widget_set_visible (self->status, (busy || why != NULL));
}

static void request_render (CfPageView *self);

static gboolean
helper_idle_cb (gpointer data)
{
  CfPageView *self = data;

  self->helper_idle_id = 0;
  /* busy: the render that ends it starts the wait again */
  if (self->helper != NULL)
    cf_read_session_stop_idle (self->helper, 0);
  return G_SOURCE_REMOVE;
}

static void
restart_helper_idle (CfPageView *self)
{
  g_clear_handle_id (&self->helper_idle_id, g_source_remove);
  if (self->helper != NULL)
    self->helper_idle_id = g_timeout_add_seconds (HELPER_IDLE_SECONDS, helper_idle_cb, self);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(CfPageView) self = data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cf_pdf_render_in_session_finish (result, &error);

  /* cancelled: another page, zoom or document is wanted now, and asked for */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->rendering);
  restart_helper_idle (self);
  if (surface == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("This page could not be shown: %s"), error->message);

      g_debug ("Page %u could not be rendered: %s", self->want_page + 1, error->message);
      g_hash_table_insert (self->failed, GUINT_TO_POINTER (self->want_page + 1), g_steal_pointer (&why));
    }
  else
    {
      CachedPage *cached = g_new0 (CachedPage, 1);

      cached->page = self->want_page;
      cached->width = self->want_width;
      cached->height = self->want_height;
      cached->surface = surface;
      g_queue_push_head (&self->cache, cached);
      while (self->cache.length > CACHED_PAGES)
        cached_page_free (g_queue_pop_tail (&self->cache));
    }
  gtk_widget_queue_draw (self->canvas);
  /* the page or the zoom may have changed meanwhile */
  request_render (self);
}

/* Asks the helper for the shown page at the wanted size, unless it is kept, under
 * way or known not to render. */
static void
request_render (CfPageView *self)
{
  int width, height;

  if (self->layout == NULL || self->original == NULL || cf_pdf_layout_get_n_pages (self->layout) == 0 ||
      find_cached (self, TRUE) != NULL ||
      g_hash_table_contains (self->failed, GUINT_TO_POINTER (self->page + 1)))
    {
      update_status (self);
      return;
    }
  wanted_size (self, &width, &height);
  if (self->rendering != NULL)
    {
      if (self->want_page == self->page && self->want_width == width && self->want_height == height)
        return;
      g_cancellable_cancel (self->rendering);
      g_clear_object (&self->rendering);
    }
  self->rendering = g_cancellable_new ();
  self->want_page = self->page;
  self->want_width = width;
  self->want_height = height;
  g_clear_handle_id (&self->helper_idle_id, g_source_remove);
  if (self->helper == NULL)
    self->helper = cf_read_session_new (NULL);
  cf_pdf_render_in_session_async (self->helper, self->original, self->page, width, height,
                                  self->rendering, rendered_cb, g_object_ref (self));
  update_status (self);
}

/* The highlights' rectangles on the shown page. */
static void
collect_marks (CfPageView *self)
{
  g_array_set_size (self->marks, 0);
  if (self->layout == NULL)
    return;
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const CfPageHighlight *h = &g_array_index (self->highlights, CfPageHighlight, i);
      g_autoptr(GArray) rects = NULL;

      if (h->end <= h->start)
        continue;
      rects = cf_pdf_layout_get_rects (self->layout, (guint) h->start, (guint) h->end);
      for (guint r = 0; r < rects->len; r++)
        {
          PageMark mark = { h->claim_id, h->color, g_array_index (rects, CfPdfRect, r) };

          if (mark.rect.page == self->page)
            g_array_append_val (self->marks, mark);
        }
    }
}

static void
update_size (CfPageView *self)
{
  double width, height;

  page_size (self, &width, &height);
  if (self->fit_width)
    {
      int available = gtk_widget_get_width (self->scroller);

      if (available > 2 * PAGE_MARGIN + 20)
        self->zoom = CLAMP ((available - 2 * PAGE_MARGIN) / width, MIN_ZOOM, MAX_ZOOM);
    }
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->canvas),
                                      self->fit_width ? 1 : (int) (width * self->zoom + 2 * PAGE_MARGIN));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->canvas),
                                       (int) (height * self->zoom + 2 * PAGE_MARGIN));
  gtk_widget_queue_draw (self->canvas);
  request_render (self);
}

static void
update_controls (CfPageView *self)
{
  guint n = self->layout != NULL ? cf_pdf_layout_get_n_pages (self->layout) : 0;
  g_autofree char *number = g_strdup_printf ("%u", n > 0 ? self->page + 1 : 0);
  /* TRANSLATORS: after the page number entry: "of 12" pages */
  g_autofree char *of = g_strdup_printf (_("of %u"), n);

  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  gtk_label_set_text (self->n_pages_label, of);
  gtk_widget_set_sensitive (self->prev_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
}

void
cf_page_view_set_page (CfPageView *self,
                       guint       page)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  if (self->layout == NULL)
    return;
  page = MIN (page, cf_pdf_layout_get_n_pages (self->layout) - 1);
  if (page != self->page)
    {
      self->page = page;
      collect_marks (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
    }
  update_controls (self);
  update_size (self);
}

guint
cf_page_view_get_page (CfPageView *self)
{
  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), 0);
  return self->page;
}

double
cf_page_view_get_zoom (CfPageView *self)
{
  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), 1.0);
  return self->zoom;
}

void
cf_page_view_show_offset (CfPageView *self,
                          int         offset)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  if (self->layout != NULL && offset >= 0)
    cf_page_view_set_page (self, cf_pdf_layout_page_at (self->layout, (guint) offset));
}

void
cf_page_view_set_layout (CfPageView    *self,
                         CfPdfLayout   *layout,
                         GBytes        *original,
                         CfReadSession *helper)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  drop_rendering (self);
  g_clear_pointer (&self->original, g_bytes_unref);
  if (original != NULL)
    self->original = g_bytes_ref (original);
  /* the last document's helper ends here */
  g_clear_handle_id (&self->helper_idle_id, g_source_remove);
  g_clear_pointer (&self->helper, cf_read_session_unref);
  if (helper != NULL && original != NULL)
    {
      self->helper = cf_read_session_ref (helper);
      restart_helper_idle (self);
    }
  self->layout = layout;
  self->loading = FALSE;
  self->page = 0;
  self->sel_start = self->sel_end = 0;
  drop_rendering (self);
  g_array_set_size (self->highlights, 0);
  collect_marks (self);
  update_controls (self);
  update_size (self);
}

void
cf_page_view_set_highlights (CfPageView *self,
                             GArray     *highlights)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  g_array_set_size (self->highlights, 0);
  if (highlights != NULL)
    g_array_append_vals (self->highlights, highlights->data, highlights->len);
  collect_marks (self);
  gtk_widget_queue_draw (self->canvas);
}

void
cf_page_view_set_selected_claim (CfPageView *self,
                                 gint64      claim_id)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  self->selected_claim = claim_id;
  for (guint i = 0; i < self->highlights->len && claim_id > 0; i++)
    {
      const CfPageHighlight *h = &g_array_index (self->highlights, CfPageHighlight, i);

      if (h->claim_id == claim_id)
        {
          cf_page_view_show_offset (self, h->start);
          break;
        }
    }
  gtk_widget_queue_draw (self->canvas);
}

/* ---- drawing ------------------------------------------------------------- */

static void
draw_rect (cairo_t         *cr,
           const CfPdfRect *r)
{
  cairo_rectangle (cr, r->x1 - 0.5, r->y1 - 0.5, r->x2 - r->x1 + 1, r->y2 - r->y1 + 1);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  CfPageView *self = data;
  double page_width, page_height, x0;
  CachedPage *cached;

  if (self->layout == NULL || cf_pdf_layout_get_n_pages (self->layout) == 0)
    return;
  page_size (self, &page_width, &page_height);
  x0 = MAX (PAGE_MARGIN, (width - page_width * self->zoom) / 2);

  cairo_save (cr);
  cairo_translate (cr, x0, PAGE_MARGIN);
  cairo_rectangle (cr, -1, -1, page_width * self->zoom + 2, page_height * self->zoom + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  /* the paper, and the page's image on it once the helper has rendered it */
  cairo_rectangle (cr, 0, 0, page_width * self->zoom, page_height * self->zoom);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cached = find_cached (self, FALSE);
  if (cached != NULL)
    {
      cairo_save (cr);
      cairo_scale (cr, page_width * self->zoom / cached->width, page_height * self->zoom / cached->height);
      cairo_set_source_surface (cr, cached->surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  cairo_scale (cr, self->zoom, self->zoom);
  /* the highlights multiply, as a marker pen on paper */
  cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const PageMark *mark = &g_array_index (self->marks, PageMark, i);

      gdk_cairo_set_source_rgba (cr, &mark->color);
      draw_rect (cr, &mark->rect);
      cairo_fill (cr);
    }
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_set_line_width (cr, 1.5 / self->zoom);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const PageMark *mark = &g_array_index (self->marks, PageMark, i);

      if (mark->claim_id == self->selected_claim)
        {
          draw_rect (cr, &mark->rect);
          cairo_stroke (cr);
        }
    }
  if (self->sel_end > self->sel_start)
    {
      g_autoptr(GArray) rects = cf_pdf_layout_get_rects (self->layout, (guint) self->sel_start,
                                                         (guint) self->sel_end);

      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.35);
      for (guint r = 0; r < rects->len; r++)
        if (g_array_index (rects, CfPdfRect, r).page == self->page)
          draw_rect (cr, &g_array_index (rects, CfPdfRect, r));
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
resize_cb (GtkDrawingArea *area,
           int             width,
           int             height,
           gpointer        data)
{
  CfPageView *self = data;
  double old = self->zoom;

  if (!self->fit_width)
    return;
  update_size (self);
  if (old != self->zoom)
    request_render (self);
}

/* ---- pointer ------------------------------------------------------------- */

/* The point (@x, @y) of the canvas in page coordinates. */
static void
to_page (CfPageView *self,
         double      x,
         double      y,
         double     *px,
         double     *py)
{
  double width, height;
  double x0;

  page_size (self, &width, &height);
  x0 = MAX (PAGE_MARGIN, (gtk_widget_get_width (self->canvas) - width * self->zoom) / 2);
  *px = (x - x0) / self->zoom;
  *py = (y - PAGE_MARGIN) / self->zoom;
}

gboolean
cf_page_view_get_point_for_offset (CfPageView *self,
                                   int         offset,
                                   double     *x,
                                   double     *y)
{
  g_autoptr(GArray) rects = NULL;
  double width, height, x0;
  CfPdfRect *r;

  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), FALSE);

  if (self->layout == NULL || offset < 0)
    return FALSE;
  rects = cf_pdf_layout_get_rects (self->layout, (guint) offset, (guint) offset + 1);
  if (rects->len == 0 || g_array_index (rects, CfPdfRect, 0).page != self->page)
    return FALSE;
  r = &g_array_index (rects, CfPdfRect, 0);
  page_size (self, &width, &height);
  x0 = MAX (PAGE_MARGIN, (gtk_widget_get_width (self->canvas) - width * self->zoom) / 2);
  *x = x0 + (r->x1 + r->x2) / 2 * self->zoom;
  *y = PAGE_MARGIN + (r->y1 + r->y2) / 2 * self->zoom;
  return TRUE;
}

static gint64
claim_at (CfPageView *self,
          double      px,
          double      py)
{
  gint64 found = 0;
  double smallest = G_MAXDOUBLE;

  /* where highlights overlap, the smallest one under the pointer wins */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const PageMark *mark = &g_array_index (self->marks, PageMark, i);
      double area = (mark->rect.x2 - mark->rect.x1) * (mark->rect.y2 - mark->rect.y1);

      if (px >= mark->rect.x1 && px <= mark->rect.x2 && py >= mark->rect.y1 && py <= mark->rect.y2 &&
          area < smallest)
        {
          smallest = area;
          found = mark->claim_id;
        }
    }
  return found;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CfPageView     *self)
{
  gtk_widget_grab_focus (self->canvas);
  self->dragging = TRUE;
  self->drag_x = x;
  self->drag_y = y;
}

static void
update_selection (CfPageView *self,
                  double      x,
                  double      y)
{
  double ax, ay, bx, by;
  int a, b;

  to_page (self, self->drag_x, self->drag_y, &ax, &ay);
  to_page (self, x, y, &bx, &by);
  /* the end that comes later in the text takes the character it is on */
  a = cf_pdf_layout_offset_at (self->layout, self->page, ax, ay, FALSE);
  b = cf_pdf_layout_offset_at (self->layout, self->page, bx, by, FALSE);
  if (a < 0 || b < 0)
    return;
  if (b < a)
    {
      int t = a;

      a = b;
      b = t;
      b = cf_pdf_layout_offset_at (self->layout, self->page, ax, ay, TRUE);
    }
  else
    b = cf_pdf_layout_offset_at (self->layout, self->page, bx, by, TRUE);
  self->sel_start = a;
  self->sel_end = MAX (a, b);
  gtk_widget_queue_draw (self->canvas);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CfPageView     *self)
{
  if (self->layout == NULL || !self->dragging || (ABS (dx) < DRAG_THRESHOLD && ABS (dy) < DRAG_THRESHOLD))
    return;
  update_selection (self, self->drag_x + dx, self->drag_y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CfPageView     *self)
{
  double px, py;

  if (self->layout == NULL || !self->dragging)
    return;
  self->dragging = FALSE;
  if (ABS (dx) < DRAG_THRESHOLD && ABS (dy) < DRAG_THRESHOLD)
    {
      gint64 claim_id;

      to_page (self, self->drag_x, self->drag_y, &px, &py);
      claim_id = claim_at (self, px, py);
      self->sel_start = self->sel_end = 0;
      gtk_widget_queue_draw (self->canvas);
      if (claim_id > 0)
        g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim_id);
      return;
    }
  update_selection (self, self->drag_x + dx, self->drag_y + dy);
  if (self->sel_end > self->sel_start)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0, self->sel_start, self->sel_end);
}

/* ---- pages and zoom ------------------------------------------------------- */

static void
set_zoom (CfPageView *self,
          double      zoom)
{
  self->fit_width = FALSE;
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  update_size (self);
}

static void
page_action_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CfPageView *self = CF_PAGE_VIEW (widget);

  if (g_strcmp0 (action, "page.next") == 0)
    cf_page_view_set_page (self, self->page + 1);
  else if (g_strcmp0 (action, "page.previous") == 0 && self->page > 0)
    cf_page_view_set_page (self, self->page - 1);
  else if (g_strcmp0 (action, "page.zoom-in") == 0)
    set_zoom (self, self->zoom * 1.25);
  else if (g_strcmp0 (action, "page.zoom-out") == 0)
    set_zoom (self, self->zoom / 1.25);
  else if (g_strcmp0 (action, "page.fit-width") == 0)
    {
      self->fit_width = TRUE;
      update_size (self);
    }
}

static void
page_entry_activate_cb (GtkEntry   *entry,
                        CfPageView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &number, NULL))
    cf_page_view_set_page (self, (guint) number - 1);
  else
    update_controls (self);
}

static GtkWidget *
tool_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
cf_page_view_dispose (GObject *object)
{
  CfPageView *self = CF_PAGE_VIEW (object);

  drop_rendering (self);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->helper_idle_id, g_source_remove);
  g_clear_pointer (&self->helper, cf_read_session_unref);
  g_clear_pointer (&self->original, g_bytes_unref);
  self->layout = NULL;
  G_OBJECT_CLASS (cf_page_view_parent_class)->dispose (object);
}

static void
cf_page_view_finalize (GObject *object)
{
  CfPageView *self = CF_PAGE_VIEW (object);

  g_array_unref (self->highlights);
  g_array_unref (self->marks);
  g_hash_table_unref (self->failed);
  G_OBJECT_CLASS (cf_page_view_parent_class)->finalize (object);
}

static void
cf_page_view_class_init (CfPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Page_Down, 0, "page.next" },
    { GDK_KEY_Page_Up, 0, "page.previous" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "page.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "page.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "page.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "page.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "page.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "page.fit-width" },
  };

  object_class->dispose = cf_page_view_dispose;
  object_class->finalize = cf_page_view_finalize;

  for (guint i = 0; i < 5; i++)
    {
      static const char *actions[] = { "page.next", "page.previous", "page.zoom-in",
                                       "page.zoom-out", "page.fit-width" };

      gtk_widget_class_install_action (widget_class, actions[i], NULL, page_action_cb);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);

  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "cf-page-view");
}

static void
cf_page_view_init (CfPageView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->highlights = g_array_new (FALSE, FALSE, sizeof (CfPageHighlight));
  self->marks = g_array_new (FALSE, FALSE, sizeof (PageMark));
  self->zoom = 1.0;
  self->fit_width = TRUE;
  g_queue_init (&self->cache);
  self->failed = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 4);
  gtk_widget_set_margin_bottom (bar, 4);
  self->prev_button = tool_button ("go-previous-symbolic", "page.previous", _("Previous Page (Page Up)"));
  self->next_button = tool_button ("go-next-symbolic", "page.next", _("Next Page (Page Down)"));
  self->page_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->page_entry), 4);
  gtk_entry_set_input_purpose (self->page_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Page number"), -1);
  g_signal_connect (self->page_entry, "activate", G_CALLBACK (page_entry_activate_cb), self);
  self->n_pages_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->n_pages_label), "dim-label");
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), self->prev_button);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->page_entry));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->n_pages_label));
  gtk_box_append (GTK_BOX (bar), self->next_button);
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), tool_button ("zoom-out-symbolic", "page.zoom-out", _("Zoom Out (Ctrl+Minus)")));
  gtk_box_append (GTK_BOX (bar), tool_button ("zoom-fit-best-symbolic", "page.fit-width", _("Fit Width (Ctrl+0)")));
  gtk_box_append (GTK_BOX (bar), tool_button ("zoom-in-symbolic", "page.zoom-in", _("Zoom In (Ctrl+Plus)")));
  gtk_box_append (GTK_BOX (self), bar);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->canvas = gtk_drawing_area_new ();
  gtk_widget_set_focusable (self->canvas, TRUE);
  gtk_widget_set_hexpand (self->canvas, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Source page"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->canvas), draw_cb, self, NULL);
  g_signal_connect (self->canvas, "resize", G_CALLBACK (resize_cb), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (drag));

  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->canvas);

  /* over the page, while it renders or when it cannot be */
  self->status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (self->status, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->status, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->status, FALSE);
  self->busy_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->busy_box, "card");
  gtk_widget_set_size_request (self->busy_box, 200, -1);
  self->busy_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_pulse_step (self->busy_bar, 0.1);
  gtk_widget_set_margin_start (GTK_WIDGET (self->busy_bar), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->busy_bar), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->busy_bar), 12);
  {
    GtkWidget *label = gtk_label_new (_("Showing the page…"));

    gtk_widget_set_margin_top (label, 12);
    gtk_box_append (GTK_BOX (self->busy_box), label);
  }
  gtk_box_append (GTK_BOX (self->busy_box), GTK_WIDGET (self->busy_bar));
  self->status_label = GTK_LABEL (gtk_label_new (_("This page could not be shown")));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "title-4");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_justify (self->status_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), 24);
  gtk_box_append (GTK_BOX (self->status), self->busy_box);
  gtk_box_append (GTK_BOX (self->status), GTK_WIDGET (self->status_label));
  gtk_widget_set_visible (self->status, FALSE);
  {
    GtkWidget *overlay = gtk_overlay_new ();

    gtk_widget_set_vexpand (overlay, TRUE);
    gtk_overlay_set_child (GTK_OVERLAY (overlay), self->scroller);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->status);
    gtk_box_append (GTK_BOX (self), overlay);
  }
  update_controls (self);
}

CfPageView *
cf_page_view_new (void)
{
  return g_object_new (CF_TYPE_PAGE_VIEW, NULL);
}

void
cf_page_view_simulate_drag (CfPageView *self,
                            double      x1,
                            double      y1,
                            double      x2,
                            double      y2)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  drag_begin_cb (NULL, x1, y1, self);
  drag_update_cb (NULL, x2 - x1, y2 - y1, self);
  drag_end_cb (NULL, x2 - x1, y2 - y1, self);
}

GtkWidget *
cf_page_view_get_canvas (CfPageView *self)
{
  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), NULL);
  return self->canvas;
}

void
cf_page_view_set_loading (CfPageView *self)
{
  g_return_if_fail (CF_IS_PAGE_VIEW (self));

  cf_page_view_set_layout (self, NULL, NULL, NULL);
  self->loading = TRUE;
  update_status (self);
}

gboolean
cf_page_view_is_rendering (CfPageView *self)
{
  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), FALSE);
  return self->loading || self->rendering != NULL;
}

gboolean
cf_page_view_page_is_shown (CfPageView *self)
{
  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), FALSE);
  return self->layout != NULL && find_cached (self, TRUE) != NULL;
}

const char *
cf_page_view_get_page_error (CfPageView *self)
{
  g_return_val_if_fail (CF_IS_PAGE_VIEW (self), NULL);
  return g_hash_table_lookup (self->failed, GUINT_TO_POINTER (self->page + 1));
}
