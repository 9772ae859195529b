/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's drawing and its gestures. Each lane is cut into bins a few pixels wide
 * on a grid fixed in time, and all the marks falling in one bin become one rectangle
 * (taller with more claims), drawn in one cairo node. That node covers three widths of
 * the view and is kept while only the position changes: a pan frame translates it, and
 * only a zoom (or a pan past its edge) bins the marks again, reading only the marks in
 * view (they are sorted by time). Text layouts of the lane names and the axis labels
 * are kept too, so a frame creates none once the labels have been seen. A claim known
 * to the day is drawn a day wide, so precision is visible at any zoom. The view holds
 * no case: its pane hands it resolved entries. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cf-timeline-view.h"

#define LABEL_WIDTH   150.0   /* lane names */
#define AXIS_HEIGHT   28.0
#define LANE_HEIGHT   30.0
#define BIN_WIDTH     4.0     /* marks closer than this are drawn as one */
#define BAR_MIN       6.0     /* narrower than this, a time is a point */
#define MIN_SPP       0.5     /* seconds per pixel: a minute is 120 px */
#define MAX_YEARS     300.0
#define MAX_TICK_LAYOUTS 256

/* What drawing needs of an entry, packed so 100,000 of them are read in a few
 * milliseconds. */
typedef struct {
  gint64  earliest;
  gint64  latest;
  guint32 entry;         /* index in entries */
  guint32 lane;
  guint16 color;         /* index in colors */
  guint8  approximate;
} Mark;

struct _CfTimelineView
{
  GtkWidget   parent_instance;

  GPtrArray  *entries;
  GPtrArray  *documents;
  GStrv       lanes;
  guint       n_lanes;
  Mark       *marks;       /* one per placement of an entry in a lane, in entry order */
  guint       n_marks;
  guint      *next_same;   /* per mark: the next mark of the same claim + 1, or 0 */
  GArray     *colors;      /* GdkRGBA, the distinct tag colours of the marks */
  GHashTable *index_of;    /* claim id → its first mark + 1 */
  gint64      max_span;    /* the longest latest - earliest of a mark */

  /* kept between frames */
  GskRenderNode *marks_node;   /* the binned marks over [node_start, node_end) */
  double      node_start;      /* time at the node's x = 0 */
  double      node_end;
  double      node_spp;
  double      node_height;
  GPtrArray  *lane_layouts;    /* PangoLayout per lane name, then "Published" */
  GHashTable *tick_layouts;    /* label → PangoLayout */
  GTimeZone  *zone;

  gint64      selected;
  double      start;       /* seconds (UTC) at the left edge of the plot */
  double      spp;         /* seconds per pixel */
  gboolean    fitted;

  gboolean    has_span;
  gint64      span_from;
  gint64      span_to;

  /* a drag in progress */
  gboolean    dragging_span;
  double      drag_x;
  double      drag_y;
  double      drag_dx;
  double      drag_start;
  double      pointer_x;
  double      zoom_spp;
};

G_DEFINE_FINAL_TYPE (CfTimelineView, cf_timeline_view, GTK_TYPE_WIDGET)

enum {
  CLAIM_ACTIVATED,
  SPAN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
plot_width (CfTimelineView *self)
{
  return MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - LABEL_WIDTH);
}

static double
time_to_x (CfTimelineView *self,
           double          t)
{
  return LABEL_WIDTH + (t - self->start) / self->spp;
}

static double
x_to_time (CfTimelineView *self,
           double          x)
{
  return self->start + (x - LABEL_WIDTH) * self->spp;
}

/* the publication lane sits under the axis; claim lanes follow */
static double
lane_top (guint lane)
{
  return AXIS_HEIGHT + LANE_HEIGHT * (lane + 1);
}

static void
clamp_zoom (CfTimelineView *self)
{
  double max_spp = MAX_YEARS * 365.25 * 86400.0 / plot_width (self);

  self->spp = CLAMP (self->spp, MIN_SPP, max_spp);
  /* years 1 to 9999 are all a case can date */
  self->start = CLAMP (self->start, -62135596800.0, 253402300799.0 - plot_width (self) * self->spp);
}

void
cf_timeline_view_zoom_to_fit (CfTimelineView *self)
{
  gint64 lo = G_MAXINT64, hi = G_MININT64;

  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (self->entries, i);

      lo = MIN (lo, e->earliest);
      hi = MAX (hi, e->latest);
    }
  for (guint i = 0; self->documents != NULL && i < self->documents->len; i++)
    {
      const CfTimelineDocument *d = g_ptr_array_index (self->documents, i);

      lo = MIN (lo, d->earliest);
      hi = MAX (hi, d->latest);
    }
  if (lo > hi)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      lo = g_date_time_to_unix (now) - 15 * 86400;
      hi = lo + 30 * 86400;
    }
  /* a margin of a twentieth either side */
  self->spp = MAX (1.0, (double) (hi - lo)) * 1.1 / plot_width (self);
  self->start = lo - (hi - lo) * 0.05;
  clamp_zoom (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_timeline_view_zoom (CfTimelineView *self,
                       double          factor,
                       double          x)
{
  double anchor;

  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  if (x < LABEL_WIDTH)
    x = LABEL_WIDTH + plot_width (self) / 2;
  anchor = x_to_time (self, x);
  self->spp /= factor;
  clamp_zoom (self);
  self->start = anchor - (x - LABEL_WIDTH) * self->spp;
  clamp_zoom (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_timeline_view_pan (CfTimelineView *self,
                      double          pixels)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  self->start += pixels * self->spp;
  clamp_zoom (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_timeline_view_set_range (CfTimelineView *self,
                            double          start,
                            double          end)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));
  g_return_if_fail (end > start);

  self->start = start;
  self->spp = (end - start) / plot_width (self);
  self->fitted = TRUE;
  clamp_zoom (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_timeline_view_get_range (CfTimelineView *self,
                            double         *start,
                            double         *end)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->start + plot_width (self) * self->spp;
}

static void
parse_color (const char *text,
             GdkRGBA    *rgba)
{
  if (text == NULL || !gdk_rgba_parse (rgba, text))
    gdk_rgba_parse (rgba, "#3584e4");
}

static guint16
color_index (CfTimelineView *self,
             GHashTable     *indexes,
             const char     *text)
{
  gpointer found;
  GdkRGBA rgba;

  if (text == NULL)
    text = "";
  if (g_hash_table_lookup_extended (indexes, text, NULL, &found))
    return (guint16) GPOINTER_TO_UINT (found);
  /* a case with more colours than this reuses the last */
  if (self->colors->len >= G_MAXUINT16)
    return (guint16) (self->colors->len - 1);
  parse_color (*text ? text : NULL, &rgba);
  g_array_append_val (self->colors, rgba);
  g_hash_table_insert (indexes, (gpointer) text, GUINT_TO_POINTER (self->colors->len - 1));
  return (guint16) (self->colors->len - 1);
}

/* Drops what was kept for drawing: the marks changed, or the fonts. */
static void
forget_drawing (CfTimelineView *self)
{
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  g_clear_pointer (&self->lane_layouts, g_ptr_array_unref);
  g_hash_table_remove_all (self->tick_layouts);
}

static int
compare_marks (const void *a,
               const void *b)
{
  const Mark *x = a, *y = b;

  if (x->earliest != y->earliest)
    return x->earliest < y->earliest ? -1 : 1;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

void
cf_timeline_view_set_entries (CfTimelineView      *self,
                              GPtrArray           *entries,
                              GPtrArray           *documents,
                              const char * const  *lanes,
                              const guint         *lane_of)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  cf_timeline_view_set_placements (self, entries, documents, lanes, NULL, lane_of,
                                   entries != NULL ? entries->len : 0);
}

void
cf_timeline_view_set_placements (CfTimelineView      *self,
                                 GPtrArray           *entries,
                                 GPtrArray           *documents,
                                 const char * const  *lanes,
                                 const guint         *entry_of,
                                 const guint         *lane_of,
                                 guint                n_placements)
{
  g_autoptr(GHashTable) color_indexes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) last_of = g_hash_table_new (NULL, NULL);

  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));
  g_return_if_fail (entry_of == NULL || entries != NULL);

  forget_drawing (self);
  self->max_span = 0;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_strfreev);
  g_clear_pointer (&self->marks, g_free);
  g_clear_pointer (&self->next_same, g_free);
  self->n_marks = 0;
  g_array_set_size (self->colors, 0);
  g_hash_table_remove_all (self->index_of);
  self->entries = entries ? g_ptr_array_ref (entries) : NULL;
  self->documents = documents ? g_ptr_array_ref (documents) : NULL;
  if (lanes != NULL && lanes[0] != NULL)
    self->lanes = g_strdupv ((char **) lanes);
  else
    {
      const char *one[] = { _("Claims"), NULL };

      self->lanes = g_strdupv ((char **) one);
    }
  self->n_lanes = g_strv_length (self->lanes);
  if (self->entries == NULL)
    n_placements = 0;
  self->marks = g_new0 (Mark, MAX (1, n_placements));
  self->next_same = g_new0 (guint, MAX (1, n_placements));
  for (guint i = 0; i < n_placements; i++)
    {
      guint index = entry_of != NULL ? entry_of[i] : i;
      const CfTimelineEntry *e;
      Mark *m = &self->marks[self->n_marks];

      if (index >= self->entries->len)
        continue;
      e = g_ptr_array_index (self->entries, index);
      m->entry = index;
      m->lane = lane_of != NULL ? MIN (lane_of[i], self->n_lanes - 1) : 0;
      m->earliest = e->earliest;
      m->latest = MAX (e->latest, e->earliest);
      m->approximate = e->time->approximate;
      m->color = color_index (self, color_indexes, e->color);
      self->max_span = MAX (self->max_span, m->latest - m->earliest);
      self->n_marks++;
    }
  /* in time order, so a frame reads only the marks in view */
  qsort (self->marks, self->n_marks, sizeof (Mark), compare_marks);
  for (guint i = 0; i < self->n_marks; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (self->entries, self->marks[i].entry);
      gpointer key, last;

      key = GSIZE_TO_POINTER ((gsize) e->claim_id);
      if (g_hash_table_lookup_extended (last_of, key, NULL, &last))
        self->next_same[GPOINTER_TO_UINT (last)] = i + 1;
      else
        g_hash_table_insert (self->index_of, key, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (last_of, key, GUINT_TO_POINTER (i));
    }
  if (!self->fitted && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      cf_timeline_view_zoom_to_fit (self);
      self->fitted = TRUE;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The claim's entry and its first mark. */
static const CfTimelineEntry *
entry_of (CfTimelineView *self,
          gint64          claim_id,
          guint          *mark)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_of, GSIZE_TO_POINTER ((gsize) claim_id)));

  if (i == 0 || self->entries == NULL || i > self->n_marks)
    return NULL;
  if (mark != NULL)
    *mark = i - 1;
  return g_ptr_array_index (self->entries, self->marks[i - 1].entry);
}

void
cf_timeline_view_set_selected (CfTimelineView *self,
                               gint64          claim_id)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  if (self->selected == claim_id)
    return;
  self->selected = claim_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
cf_timeline_view_get_selected (CfTimelineView *self)
{
  g_return_val_if_fail (CF_IS_TIMELINE_VIEW (self), 0);
  return self->selected;
}

gboolean
cf_timeline_view_get_span (CfTimelineView *self,
                           gint64         *earliest,
                           gint64         *latest)
{
  g_return_val_if_fail (CF_IS_TIMELINE_VIEW (self), FALSE);

  if (earliest != NULL)
    *earliest = self->has_span ? self->span_from : 0;
  if (latest != NULL)
    *latest = self->has_span ? self->span_to : 0;
  return self->has_span;
}

void
cf_timeline_view_clear_span (CfTimelineView *self)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  if (!self->has_span)
    return;
  self->has_span = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SPAN_CHANGED], 0);
}

void
cf_timeline_view_set_time_zone (CfTimelineView *self,
                                GTimeZone      *zone)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone ? g_time_zone_ref (zone) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- hit testing ------------------------------------------------------------------- */

static void
entry_extent (CfTimelineView        *self,
              const CfTimelineEntry *e,
              double                *x0,
              double                *x1)
{
  *x0 = time_to_x (self, e->earliest);
  *x1 = time_to_x (self, e->latest);
  if (*x1 - *x0 < BAR_MIN)
    {
      double mid = (*x0 + *x1) / 2;

      *x0 = mid - BIN_WIDTH / 2;
      *x1 = mid + BIN_WIDTH / 2;
    }
}

gint64
cf_timeline_view_claim_at (CfTimelineView *self,
                           double          x,
                           double          y)
{
  gint64 best = 0;
  double best_distance = 6.0;
  int lane;

  g_return_val_if_fail (CF_IS_TIMELINE_VIEW (self), 0);

  if (self->entries == NULL || x < LABEL_WIDTH || y < lane_top (0))
    return 0;
  lane = (int) ((y - lane_top (0)) / LANE_HEIGHT);
  if (lane < 0 || (guint) lane >= self->n_lanes)
    return 0;
  for (guint i = 0; i < self->n_marks; i++)
    {
      const CfTimelineEntry *e;
      double x0, x1, distance;

      if (self->marks[i].lane != (guint) lane)
        continue;
      e = g_ptr_array_index (self->entries, self->marks[i].entry);
      entry_extent (self, e, &x0, &x1);
      distance = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
      /* inside a bar, the one whose middle is nearest */
      if (distance == 0)
        distance = fabs (x - (x0 + x1) / 2) / MAX (1.0, x1 - x0);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = e->claim_id;
        }
    }
  return best;
}

gboolean
cf_timeline_view_get_mark_position (CfTimelineView *self,
                                    gint64          claim_id,
                                    double         *x,
                                    double         *y)
{
  const CfTimelineEntry *e;
  guint index;
  double x0, x1;

  g_return_val_if_fail (CF_IS_TIMELINE_VIEW (self), FALSE);

  e = entry_of (self, claim_id, &index);
  if (e == NULL)
    return FALSE;
  entry_extent (self, e, &x0, &x1);
  *x = (MAX (x0, LABEL_WIDTH) + MIN (x1, gtk_widget_get_width (GTK_WIDGET (self)))) / 2;
  *y = lane_top (self->marks[index].lane) + LANE_HEIGHT / 2;
  return *x >= LABEL_WIDTH && *x <= gtk_widget_get_width (GTK_WIDGET (self));
}

guint
cf_timeline_view_get_claim_lanes (CfTimelineView *self,
                                  gint64          claim_id,
                                  guint          *lanes,
                                  guint           n_max)
{
  guint first, n = 0;

  g_return_val_if_fail (CF_IS_TIMELINE_VIEW (self), 0);

  if (entry_of (self, claim_id, &first) == NULL)
    return 0;
  for (guint m = first + 1; m != 0; m = self->next_same[m - 1], n++)
    if (n < n_max)
      lanes[n] = self->marks[m - 1].lane;
  return n;
}

/* --- drawing ------------------------------------------------------------------------ */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT ((float) x, (float) y, (float) MAX (w, 1.0), (float) h);

  gtk_snapshot_append_color (snapshot, color, &rect);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The layout of a lane's name, or of "Published" after the last lane; made once. */
static PangoLayout *
lane_layout (CfTimelineView *self,
             guint           lane)
{
  if (self->lane_layouts == NULL)
    {
      self->lane_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint l = 0; l <= self->n_lanes; l++)
        {
          PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                l < self->n_lanes ? self->lanes[l] : _("Published"));

          pango_layout_set_width (layout, (int) ((LABEL_WIDTH - 14) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          g_ptr_array_add (self->lane_layouts, layout);
        }
    }
  return g_ptr_array_index (self->lane_layouts, MIN (lane, self->n_lanes));
}

/* An axis label's layout, kept: panning shows the same labels again. */
static PangoLayout *
tick_layout (CfTimelineView *self,
             const char     *label)
{
  PangoLayout *layout = g_hash_table_lookup (self->tick_layouts, label);

  if (layout == NULL)
    {
      /* a long pan across the years meets many labels: keep a bounded number */
      if (g_hash_table_size (self->tick_layouts) >= MAX_TICK_LAYOUTS)
        g_hash_table_remove_all (self->tick_layouts);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
      g_hash_table_insert (self->tick_layouts, g_strdup (label), layout);
    }
  return layout;
}

typedef struct {
  double      seconds;   /* a fixed step, or 0 */
  guint       months;    /* a calendar step in months, or 0 */
  const char *format;    /* g_date_time_format() of a tick's label */
} TickStep;

static const TickStep steps[] = {
  { 60, 0, "%H:%M" }, { 300, 0, "%H:%M" }, { 900, 0, "%H:%M" }, { 1800, 0, "%H:%M" },
  { 3600, 0, "%H:%M" }, { 3 * 3600, 0, "%d %b %H:%M" }, { 6 * 3600, 0, "%d %b %H:%M" },
  { 12 * 3600, 0, "%d %b %H:%M" }, { 86400, 0, "%d %b" }, { 2 * 86400, 0, "%d %b" },
  { 7 * 86400, 0, "%d %b %Y" }, { 0, 1, "%b %Y" }, { 0, 3, "%b %Y" }, { 0, 6, "%b %Y" },
  { 0, 12, "%Y" }, { 0, 24, "%Y" }, { 0, 60, "%Y" }, { 0, 120, "%Y" }, { 0, 240, "%Y" },
  { 0, 600, "%Y" }, { 0, 1200, "%Y" },
};

static void
draw_tick (CfTimelineView *self,
           GtkSnapshot    *snapshot,
           double          t,
           const char     *format,
           double          height,
           const GdkRGBA  *line,
           const GdkRGBA  *fg)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc ((gint64) t);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *label = NULL;
  double x = time_to_x (self, t);

  if (utc == NULL || x < LABEL_WIDTH)
    return;
  local = self->zone != NULL ? g_date_time_to_timezone (utc, self->zone) : g_date_time_ref (utc);
  label = g_date_time_format (local, format);
  append_rect (snapshot, line, x, AXIS_HEIGHT - 6, 1, height - AXIS_HEIGHT + 6);
  if (label != NULL)
    append_layout (snapshot, tick_layout (self, label), x + 3, 4, fg);
}

static void
draw_axis (CfTimelineView *self,
           GtkSnapshot    *snapshot,
           double          height,
           const GdkRGBA  *line,
           const GdkRGBA  *fg)
{
  const TickStep *step = &steps[G_N_ELEMENTS (steps) - 1];
  double end = x_to_time (self, gtk_widget_get_width (GTK_WIDGET (self)));
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double seconds = steps[i].seconds > 0 ? steps[i].seconds : steps[i].months * 30.44 * 86400;

      if (seconds / self->spp >= 110)
        {
          step = &steps[i];
          break;
        }
    }
  if (step->seconds > 0)
    {
      /* ticks on round local times: offset by the zone's offset at the left edge */
      g_autoptr(GDateTime) left = g_date_time_new_from_unix_utc ((gint64) self->start);
      double offset = 0, t;

      if (left != NULL && self->zone != NULL)
        {
          g_autoptr(GDateTime) there = g_date_time_to_timezone (left, self->zone);

          offset = g_date_time_get_utc_offset (there) / (double) G_TIME_SPAN_SECOND;
        }
      t = floor ((self->start + offset) / step->seconds) * step->seconds - offset;
      for (; t <= end && n < 200; t += step->seconds, n++)
        draw_tick (self, snapshot, t, step->format, height, line, fg);
    }
  else
    {
      g_autoptr(GDateTime) left = g_date_time_new_from_unix_utc ((gint64) MAX (self->start, -62135596800.0));
      g_autoptr(GDateTime) local = NULL;
      gint year, month, index;

      if (left == NULL)
        return;
      local = self->zone != NULL ? g_date_time_to_timezone (left, self->zone) : g_date_time_ref (left);
      year = g_date_time_get_year (local);
      month = g_date_time_get_month (local);
      index = ((year - 1) * 12 + month - 1) / (gint) step->months * (gint) step->months;
      for (; n < 200; index += step->months, n++)
        {
          CfLocalTime tick = { index / 12 + 1, index % 12 + 1, 1, 0, 0 };
          double t;

          if (tick.year > 9999)
            break;
          t = cf_local_time_to_utc (&tick, self->zone, FALSE);
          if (t > end)
            break;
          draw_tick (self, snapshot, t, step->format, height, line, fg);
        }
    }
}

/* Per lane, the bins of points and the last bar drawn, so that marks a user could not
 * tell apart cost one node. */
typedef struct {
  guint  count;
  guint  first;   /* entry index of the first mark in the bin */
  gboolean approximate_only;
} Bin;

/* How a rectangle is filled besides its tag colour: bars at three densities, exact or
 * approximate, then points exact or approximate. */
enum {
  STYLE_BAR,                    /* + density level - 1, + 3 when approximate */
  STYLE_POINT = 6,
  STYLE_POINT_APPROXIMATE,
  N_STYLES
};

/* Rectangles are gathered by colour and style and each group filled with one path:
 * a few dozen fills to record and replay instead of one per bin. */
static void
add_rect (GArray **groups,
          guint    group,
          double   x,
          double   y,
          double   w,
          double   h)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT ((float) x, (float) y, (float) MAX (w, 1.0), (float) h);

  if (groups[group] == NULL)
    groups[group] = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_array_append_val (groups[group], rect);
}

static void
fill_groups (CfTimelineView *self,
             cairo_t        *cr,
             GArray        **groups)
{
  /* bars under points */
  for (guint style = 0; style < N_STYLES; style++)
    for (guint c = 0; c < self->colors->len; c++)
      {
        GArray *rects = groups[c * N_STYLES + style];
        GdkRGBA color = g_array_index (self->colors, GdkRGBA, c);

        if (rects == NULL)
          continue;
        if (style < STYLE_POINT)
          color.alpha = (style % 3 == 0 ? 0.45 : style % 3 == 1 ? 0.65 : 0.85) * (style >= 3 ? 0.6 : 1.0);
        else
          color.alpha = style == STYLE_POINT_APPROXIMATE ? 0.5 : 1.0;
        gdk_cairo_set_source_rgba (cr, &color);
        for (guint i = 0; i < rects->len; i++)
          {
            const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);

            cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);
          }
        cairo_fill (cr);
        g_array_unref (rects);
      }
}

/* Bins the marks from node_start to node_end into one cairo node whose x = 0 is
 * node_start; reads only the marks that can fall there (they are in time order). */
static GskRenderNode *
build_marks_node (CfTimelineView *self,
                  double          height)
{
  double width = (self->node_end - self->node_start) / self->spp;
  guint n_bins = (guint) (width / BIN_WIDTH) + 2;
  g_autofree Bin *bins = NULL;
  g_autofree int *cover = NULL;
  g_autofree guint *cover_first = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double from = self->node_start - (double) self->max_span;
  guint lo = 0, hi = self->n_marks, first;
  g_autofree GArray **groups = g_new0 (GArray *, (gsize) MAX (1, self->colors->len) * N_STYLES);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, (float) AXIS_HEIGHT, (float) width,
                                                                 (float) MAX (1.0, height - AXIS_HEIGHT)));
  /* the first mark that can reach node_start */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((double) self->marks[mid].earliest < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;
  bins = g_new0 (Bin, (gsize) n_bins * self->n_lanes);
  /* bars: how many cover each bin (a difference array), and the mark of a bar starting
   * there (index + 1) */
  cover = g_new0 (int, (gsize) (n_bins + 1) * self->n_lanes);
  cover_first = g_new0 (guint, (gsize) (n_bins + 1) * self->n_lanes);
  for (guint i = first; i < self->n_marks && (double) self->marks[i].earliest <= self->node_end; i++)
    {
      const Mark *m = &self->marks[i];
      double x0 = ((double) m->earliest - self->node_start) / self->spp;
      double x1 = ((double) m->latest - self->node_start) / self->spp;

      if (x1 < 0)
        continue;
      if (x1 - x0 >= BAR_MIN)
        {
          /* a bar covers bins [b0, b1): thousands of overlapping month-wide bars cost
           * no more than one node per run of bins */
          gsize b0 = (gsize) CLAMP (x0 / BIN_WIDTH, 0, n_bins);
          gsize b1 = (gsize) CLAMP (ceil (x1 / BIN_WIDTH), 0, n_bins);
          gsize base = (gsize) m->lane * (n_bins + 1);

          if (b1 <= b0)
            b1 = MIN (b0 + 1, (gsize) n_bins);
          cover[base + b0]++;
          cover[base + b1]--;
          if (cover_first[base + b0] == 0)
            cover_first[base + b0] = i + 1;
        }
      else
        {
          guint b = (guint) MAX (0.0, ((x0 + x1) / 2) / BIN_WIDTH);
          Bin *bin = &bins[(gsize) m->lane * n_bins + MIN (b, n_bins - 1)];

          if (bin->count++ == 0)
            {
              bin->first = i;
              bin->approximate_only = m->approximate;
            }
          else
            bin->approximate_only = bin->approximate_only && m->approximate;
        }
    }
  for (guint l = 0; l < self->n_lanes; l++)
    {
      gsize base = (gsize) l * (n_bins + 1);
      const Mark *shown = NULL;
      int depth = 0, run_level = 0;
      guint run_start = 0;

      /* runs of bins covered by bars, one node per run of one colour and density */
      for (guint b = 0; b <= n_bins; b++)
        {
          const Mark *starting = b < n_bins && cover_first[base + b] ? &self->marks[cover_first[base + b] - 1] : NULL;
          int level;

          depth += b < n_bins ? cover[base + b] : -depth;
          level = depth <= 0 ? 0 : depth == 1 ? 1 : depth < 5 ? 2 : 3;
          if (b == n_bins || level != run_level
              || (starting != NULL && shown != NULL && starting->color != shown->color))
            {
              if (run_level > 0 && shown != NULL)
                {
                  guint style = STYLE_BAR + (guint) run_level - 1 + (shown->approximate ? 3 : 0);

                  add_rect (groups, shown->color * N_STYLES + style, run_start * BIN_WIDTH, lane_top (l) + 9,
                            (b - run_start) * BIN_WIDTH, LANE_HEIGHT - 18);
                }
              run_start = b;
              run_level = level;
            }
          if (starting != NULL)
            shown = starting;
        }
    }
  for (guint l = 0; l < self->n_lanes; l++)
    for (guint b = 0; b < n_bins; b++)
      {
        const Bin *bin = &bins[(gsize) l * n_bins + b];

        double h;

        if (bin->count == 0)
          continue;
        h = MIN (LANE_HEIGHT - 6, 10 + 3 * log2 ((double) bin->count));
        add_rect (groups,
                  self->marks[bin->first].color * N_STYLES
                  + (bin->approximate_only ? STYLE_POINT_APPROXIMATE : STYLE_POINT),
                  b * BIN_WIDTH, lane_top (l) + (LANE_HEIGHT - h) / 2, BIN_WIDTH - 1, h);
      }
  fill_groups (self, cr, groups);

  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

static void
cf_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CfTimelineView *self = CF_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg, line, band, lane_bg;

  if (!self->fitted && width > 0)
    {
      cf_timeline_view_zoom_to_fit (self);
      self->fitted = TRUE;
    }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = fg;
  line.alpha = 0.15;
  lane_bg = fg;
  lane_bg.alpha = 0.04;
  gdk_rgba_parse (&band, "#3584e4");
  band.alpha = 0.18;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));

  /* lanes: alternate shading and names */
  append_layout (snapshot, lane_layout (self, self->n_lanes), 8, lane_top (0) - LANE_HEIGHT + 7, &fg);
  for (guint l = 0; l < self->n_lanes; l++)
    {
      if (l % 2 == 0)
        append_rect (snapshot, &lane_bg, 0, lane_top (l), width, LANE_HEIGHT);
      append_layout (snapshot, lane_layout (self, l), 8, lane_top (l) + 7, &fg);
    }
  append_rect (snapshot, &line, LABEL_WIDTH - 1, 0, 1, height);
  append_rect (snapshot, &line, 0, AXIS_HEIGHT, width, 1);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) LABEL_WIDTH, 0,
                                                         (float) (width - LABEL_WIDTH), (float) height));
  draw_axis (self, snapshot, height, &line, &fg);

  /* the selected span (or the one being dragged) */
  if (self->has_span || self->dragging_span)
    {
      double a = self->dragging_span ? self->drag_x : time_to_x (self, self->span_from);
      double b = self->dragging_span ? self->drag_x + self->drag_dx : time_to_x (self, self->span_to);

      append_rect (snapshot, &band, MIN (a, b), AXIS_HEIGHT, fabs (b - a), height - AXIS_HEIGHT);
    }

  /* documents: their publication times */
  if (self->documents != NULL)
    {
      GdkRGBA doc = fg;
      double last = -1;

      doc.alpha = 0.6;
      for (guint i = 0; i < self->documents->len; i++)
        {
          const CfTimelineDocument *d = g_ptr_array_index (self->documents, i);
          double x = floor (time_to_x (self, d->earliest) / BIN_WIDTH) * BIN_WIDTH;

          if (x < LABEL_WIDTH - BIN_WIDTH || x > width || x == last)
            continue;
          last = x;
          append_rect (snapshot, &doc, x, lane_top (0) - LANE_HEIGHT + 8, 2, LANE_HEIGHT - 16);
        }
    }

  /* claims: the kept node of binned marks, moved to where the view now is */
  if (self->marks_node == NULL || self->node_spp != self->spp || self->node_height != height
      || self->start < self->node_start || x_to_time (self, width) > self->node_end)
    {
      double bin_seconds = BIN_WIDTH * self->spp;
      /* panning keeps a view's width either side; zooming redraws each frame anyway */
      double margin = plot_width (self) * self->spp * (self->node_spp == self->spp ? 1.0 : 0.25);

      g_clear_pointer (&self->marks_node, gsk_render_node_unref);
      self->node_spp = self->spp;
      self->node_height = height;
      /* bins on a grid fixed in time, so a mark stays in its bin as the view pans */
      self->node_start = floor ((self->start - margin) / bin_seconds) * bin_seconds;
      self->node_end = x_to_time (self, width) + margin;
      self->marks_node = build_marks_node (self, height);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) round (time_to_x (self, self->node_start)), 0));
  gtk_snapshot_append_node (snapshot, self->marks_node);
  gtk_snapshot_restore (snapshot);

  /* the selected claim: a frame around its mark and a line down the axis */
  if (self->selected != 0)
    {
      guint index;
      const CfTimelineEntry *e = entry_of (self, self->selected, &index);

      if (e != NULL)
        {
          double x0, x1;
          GdkRGBA ring = fg;
          float w = 2;

          entry_extent (self, e, &x0, &x1);
          ring.alpha = 0.35;
          append_rect (snapshot, &ring, (x0 + x1) / 2, AXIS_HEIGHT, 1, height - AXIS_HEIGHT);
          ring.alpha = 1;
          /* on each lane the claim is in */
          for (guint m = index + 1; m != 0; m = self->next_same[m - 1])
            {
              GskRoundedRect outline;

              gsk_rounded_rect_init_from_rect (&outline,
                                               &GRAPHENE_RECT_INIT ((float) x0 - 3, (float) lane_top (self->marks[m - 1].lane) + 3,
                                                                    (float) (x1 - x0) + 6, LANE_HEIGHT - 6), 3);
              gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w },
                                          (GdkRGBA[4]) { ring, ring, ring, ring });
            }
        }
    }
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
cf_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CfTimelineView *self = CF_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) LABEL_WIDTH + 150;
      *natural = 900;
    }
  else
    *minimum = *natural = (int) lane_top (MAX (1, self->n_lanes)) + 8;
}

static void
cf_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CfTimelineView *self = CF_TIMELINE_VIEW (widget);

  if (!self->fitted && width > 0 && self->entries != NULL)
    {
      cf_timeline_view_zoom_to_fit (self);
      self->fitted = TRUE;
    }
}

/* --- input -------------------------------------------------------------------------- */

void
cf_timeline_view_click (CfTimelineView *self,
                        double          x,
                        double          y)
{
  gint64 claim_id;

  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  claim_id = cf_timeline_view_claim_at (self, x, y);
  if (claim_id == 0)
    return;
  cf_timeline_view_set_selected (self, claim_id);
  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim_id);
}

void
cf_timeline_view_select_span_at (CfTimelineView *self,
                                 double          x1,
                                 double          x2)
{
  g_return_if_fail (CF_IS_TIMELINE_VIEW (self));

  self->span_from = (gint64) floor (x_to_time (self, MIN (x1, x2)));
  self->span_to = (gint64) ceil (x_to_time (self, MAX (x1, x2)));
  self->has_span = self->span_to > self->span_from;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SPAN_CHANGED], 0);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CfTimelineView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = 0;
  self->drag_start = self->start;
  self->dragging_span = (state & GDK_SHIFT_MASK) != 0;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CfTimelineView *self)
{
  self->drag_dx = dx;
  if (!self->dragging_span)
    {
      self->start = self->drag_start - dx * self->spp;
      clamp_zoom (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CfTimelineView *self)
{
  gboolean span = self->dragging_span;

  self->dragging_span = FALSE;
  if (fabs (dx) < 3 && fabs (dy) < 3)
    {
      if (span)
        cf_timeline_view_clear_span (self);
      else
        cf_timeline_view_click (self, self->drag_x, self->drag_y);
    }
  else if (span)
    cf_timeline_view_select_span_at (self, self->drag_x, self->drag_x + dx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CfTimelineView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean smooth = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;
  double step = smooth ? 1.0 : 40.0;

  /* sideways (or shift) pans; up and down zoom around the pointer */
  if ((state & GDK_SHIFT_MASK) != 0 && dx == 0)
    dx = dy, dy = 0;
  if (dx != 0)
    cf_timeline_view_pan (self, dx * step);
  if (dy != 0)
    cf_timeline_view_zoom (self, pow (smooth ? 1.01 : 1.2, -dy), self->pointer_x);
  return GDK_EVENT_STOP;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CfTimelineView           *self)
{
  self->pointer_x = x;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CfTimelineView   *self)
{
  self->zoom_spp = self->spp;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       CfTimelineView *self)
{
  double x = -1, y;

  if (scale <= 0)
    return;
  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  cf_timeline_view_zoom (self, self->spp / (self->zoom_spp / scale), x);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CfTimelineView        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      cf_timeline_view_pan (self, -plot_width (self) / 10);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      cf_timeline_view_pan (self, plot_width (self) / 10);
      return GDK_EVENT_STOP;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      cf_timeline_view_zoom (self, 1.5, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      cf_timeline_view_zoom (self, 1 / 1.5, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_0:
      cf_timeline_view_zoom_to_fit (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (self->has_span)
        {
          cf_timeline_view_clear_span (self);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  CfTimelineView *self)
{
  gint64 claim_id = cf_timeline_view_claim_at (self, x, y);
  const CfTimelineEntry *e = entry_of (self, claim_id, NULL);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (e == NULL)
    return FALSE;
  when = cf_event_time_to_string (e->time);
  /* Translators: a mark's tooltip: the time, then the quote */
  text = g_strdup_printf (_("%s: “%s”"), when, e->quote ? e->quote : "");
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Another font or size: the kept layouts are stale. */
static void
cf_timeline_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  CfTimelineView *self = CF_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (cf_timeline_view_parent_class)->css_changed (widget, change);
  g_clear_pointer (&self->lane_layouts, g_ptr_array_unref);
  g_hash_table_remove_all (self->tick_layouts);
}

static void
cf_timeline_view_finalize (GObject *object)
{
  CfTimelineView *self = CF_TIMELINE_VIEW (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_strfreev);
  g_clear_pointer (&self->next_same, g_free);
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  forget_drawing (self);
  g_clear_pointer (&self->tick_layouts, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_free);
  g_clear_pointer (&self->colors, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (cf_timeline_view_parent_class)->finalize (object);
}

static void
cf_timeline_view_class_init (CfTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cf_timeline_view_finalize;
  widget_class->snapshot = cf_timeline_view_snapshot;
  widget_class->measure = cf_timeline_view_measure;
  widget_class->size_allocate = cf_timeline_view_size_allocate;
  widget_class->css_changed = cf_timeline_view_css_changed;

  signals[CLAIM_ACTIVATED] = g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SPAN_CHANGED] = g_signal_new ("span-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cf_timeline_view_init (CfTimelineView *self)
{
  GtkGesture *drag, *zoom;
  GtkEventController *scroll, *key, *motion;

  self->index_of = g_hash_table_new (NULL, NULL);
  self->tick_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->colors = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  self->spp = 3600;
  self->n_lanes = 1;
  self->lanes = g_strdupv ((char *[]) { (char *) _("Claims"), NULL });
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

GtkWidget *
cf_timeline_view_new (void)
{
  return g_object_new (CF_TYPE_TIMELINE_VIEW, NULL);
}
