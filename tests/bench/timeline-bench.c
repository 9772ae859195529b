/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Frame times of the timeline view while it pans and zooms over many dated claims.
 * Each frame's work (update, layout, paint) is timed from the frame clock's "update" to
 * its "after-paint"; the view is panned or zoomed once per frame, from a close zoom out
 * to years and back. Run under Xvfb with the cairo renderer, as CI does:
 *   GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x800x24" \
 *     build/tests/bench/casefile-timeline-bench [N_CLAIMS] [N_FRAMES] */
#define G_LOG_DOMAIN "casefile-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "cf-timeline-view.h"

typedef struct {
  CfTimelineView *view;
  GArray         *times;     /* double, ms */
  GArray         *pan_times; /* the same, of the frames that only panned */
  GArray         *zoom_times;
  gboolean        zooming;
  gint64          update_at;
  guint           frame;
  guint           n_frames;
  gboolean        done;
} Bench;

static const char *colors[] = { "#c01c28", "#1c71d8", "#26a269", "#e5a50a", "#613583", "#ff7800" };

static GPtrArray *
make_entries (guint      n,
              guint      n_lanes,
              guint    **lane_of)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_timeline_entry_free);
  GRand *rand = g_rand_new_with_seed (15);
  gint64 base = 1672531200;  /* 2023-01-01 */

  *lane_of = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      CfEventTime *time = cf_event_time_new ();
      CfTimelineEntry *e;
      gint64 t = base + g_rand_int_range (rand, 0, 2 * 365 * 86400);
      gint64 days = t / 86400;

      time->precision = (CfPrecision) g_rand_int_range (rand, 0, 4);
      cf_civil_from_days (days, &time->start.year, &time->start.month, &time->start.day);
      time->start.hour = (gint) (t % 86400 / 3600);
      time->start.minute = (gint) (t % 3600 / 60);
      time->end = time->start;
      time->approximate = g_rand_int_range (rand, 0, 10) == 0;
      e = cf_timeline_entry_new (i + 1, 1 + i % 40, time);
      e->quote = g_strdup_printf ("Claim %u", i + 1);
      e->color = g_strdup (colors[i % G_N_ELEMENTS (colors)]);
      cf_timeline_entry_resolve (e, NULL);
      (*lane_of)[i] = g_rand_int_range (rand, 0, n_lanes);
      g_ptr_array_add (entries, e);
    }
  g_rand_free (rand);
  return entries;
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *b)
{
  guint phase;

  if (b->done)
    return;
  b->update_at = g_get_monotonic_time ();
  /* 40 frames zooming in, 40 panning, 40 zooming out, 40 panning back, … */
  phase = (b->frame / 40) % 4;
  b->zooming = phase % 2 == 0;
  if (phase == 0)
    cf_timeline_view_zoom (b->view, 1.15, 640);
  else if (phase == 1)
    cf_timeline_view_pan (b->view, 25);
  else if (phase == 2)
    cf_timeline_view_zoom (b->view, 1 / 1.15, 640);
  else
    cf_timeline_view_pan (b->view, -25);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  double ms;

  if (b->done || b->update_at == 0)
    return;
  ms = (g_get_monotonic_time () - b->update_at) / 1000.0;
  b->update_at = 0;
  /* the first frames build caches and fonts */
  if (b->frame++ >= 5)
    {
      g_array_append_val (b->times, ms);
      g_array_append_val (b->zooming ? b->zoom_times : b->pan_times, ms);
    }
  if (b->times->len >= b->n_frames)
    b->done = TRUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Bench *b = data;

  /* keep frames coming */
  gtk_widget_queue_draw (widget);
  return b->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_percentiles (const char *what,
                   GArray     *times)
{
  guint under = 0;

  if (times->len == 0)
    return;
  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    under += g_array_index (times, double, i) < 16.7;
  printf ("%s: median %.2f ms, 95th percentile %.2f ms, %.1f%% under 16.7 ms\n", what,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, (guint) (times->len * 0.95)), 100.0 * under / times->len);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint n_frames = argc > 2 ? (guint) atoi (argv[2]) : 320;
  const char *lanes[] = { "Officials", "Witnesses", "Agency A", "Agency B", "Analysts", "Press", "Unknown", "Other", NULL };
  g_autofree guint *lane_of = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *window;
  GdkFrameClock *clock;
  Bench b = { 0 };
  guint under = 0;
  double p50, p95, worst;

  gtk_init ();
  adw_init ();
  entries = make_entries (n, G_N_ELEMENTS (lanes) - 1, &lane_of);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 400);
  b.view = CF_TIMELINE_VIEW (cf_timeline_view_new ());
  b.times = g_array_new (FALSE, FALSE, sizeof (double));
  b.pan_times = g_array_new (FALSE, FALSE, sizeof (double));
  b.zoom_times = g_array_new (FALSE, FALSE, sizeof (double));
  b.n_frames = n_frames;
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (b.view));
  cf_timeline_view_set_entries (b.view, entries, NULL, lanes, lane_of);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  cf_timeline_view_zoom_to_fit (b.view);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  gtk_widget_add_tick_callback (GTK_WIDGET (b.view), tick_cb, &b, NULL);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);

  g_array_sort (b.times, compare_doubles);
  for (guint i = 0; i < b.times->len; i++)
    under += g_array_index (b.times, double, i) < 16.7;
  p50 = g_array_index (b.times, double, b.times->len / 2);
  p95 = g_array_index (b.times, double, (guint) (b.times->len * 0.95));
  worst = g_array_index (b.times, double, b.times->len - 1);
  printf ("timeline: %u dated claims in %u lanes, %u frames of pan and zoom (renderer %s)\n",
          n, (guint) (G_N_ELEMENTS (lanes) - 1), b.times->len,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("frame time: median %.2f ms, 95th percentile %.2f ms, worst %.2f ms\n", p50, p95, worst);
  printf ("frames under 16.7 ms: %u of %u (%.1f%%)\n", under, b.times->len, 100.0 * under / b.times->len);
  print_percentiles ("  panning", b.pan_times);
  print_percentiles ("  zooming", b.zoom_times);

  g_signal_handlers_disconnect_by_data (clock, &b);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (b.times);
  g_array_unref (b.pan_times);
  g_array_unref (b.zoom_times);
  return 0;
}
