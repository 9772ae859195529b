/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the window does while it imports a big feed (issue 12):
 *
 *   casefile-import-bench [ITEMS]     (under a display, e.g. xvfb-run; 50000 items)
 *
 * Writes an RSS feed of ITEMS items (about 440 bytes of text each) and an empty case
 * in a temporary folder, opens the case in the real window, imports the feed through
 * cf_window_import_files() and prints the total time, the longest time the main loop
 * did not run (a high-priority 1 ms timeout notes every gap) and the frames drawn
 * meanwhile; then the same for undoing the import. Each line gives the load average:
 * the machine is shared. */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "cf-application.h"
#include "cf-window.h"

#define ITEM_BYTES 400

typedef struct
{
  CfWindow *window;
  CfCase   *kase;
  char     *tmpdir;
  char     *feed_path;
  guint     n_items;
  gint64    start;
  gint64    last_tick;
  gint64    longest_gap;
  guint     n_ticks;
  guint     n_frames;
  guint     tick_id;
  gboolean  started;
} Bench;

static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

static const char *words[] = {
  "officials", "said", "the", "attack", "on", "building", "was", "likely", "staged",
  "according", "to", "a", "statement", "by", "ministry", "drone", "report", "border",
};

static void
append_text (GString *s,
             GRand   *rand,
             gsize    bytes)
{
  gsize end = s->len + bytes;

  while (s->len < end)
    {
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (s, g_rand_int_range (rand, 0, 12) == 0 ? '.' : ' ');
      if (s->str[s->len - 1] == '.')
        g_string_append_c (s, ' ');
    }
}

static gboolean
tick_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick > 0)
    bench->longest_gap = MAX (bench->longest_gap, now - bench->last_tick);
  bench->last_tick = now;
  bench->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
frame_cb (GdkFrameClock *clock,
          Bench         *bench)
{
  bench->n_frames++;
}

static void
start_measuring (Bench *bench)
{
  bench->start = g_get_monotonic_time ();
  bench->last_tick = bench->start;
  bench->longest_gap = 0;
  bench->n_ticks = 0;
  bench->n_frames = 0;
}

static void
report (Bench      *bench,
        const char *what)
{
  double total_ms = (g_get_monotonic_time () - bench->start) / 1000.0;

  /* the gap up to now counts too */
  tick_cb (bench);
  printf ("%-8s %u items: total %.0f ms, longest main-loop stall %.0f ms, %u frames   load %.1f\n",
          what, bench->n_items, total_ms, bench->longest_gap / 1000.0, bench->n_frames,
          load_average ());
  fflush (stdout);
}

static void
quit (Bench *bench)
{
  g_clear_handle_id (&bench->tick_id, g_source_remove);
  cf_window_set_case (bench->window, NULL);
  gtk_window_destroy (GTK_WINDOW (bench->window));
  g_clear_object (&bench->kase);
  g_remove (bench->feed_path);
  {
    g_autofree char *path = g_build_filename (bench->tmpdir, "import.casefile", NULL);
    g_remove (path);
  }
  g_rmdir (bench->tmpdir);
  g_application_release (g_application_get_default ());
}

static void
import_finished_cb (CfWindow *window,
                    guint     n_imported,
                    Bench    *bench)
{
  g_autoptr(GError) error = NULL;

  report (bench, "import");
  if (n_imported != bench->n_items)
    g_printerr ("import-bench: %u of %u items imported\n", n_imported, bench->n_items);

  start_measuring (bench);
  if (!cf_case_undo (bench->kase, &error))
    g_printerr ("import-bench: undo: %s\n", error->message);
  /* let the panes catch up before the figure is taken */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  report (bench, "undo");
  quit (bench);
}

static gboolean
start_import_cb (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GFile) file = g_file_new_for_path (bench->feed_path);

  start_measuring (bench);
  cf_window_import_files (bench->window, &file, 1);
  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (GtkWidget *widget,
                  Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (frame_cb), bench);
  if (!bench->started)
    {
      bench->started = TRUE;
      g_timeout_add (500, start_import_cb, bench);
    }
}

static void
activate_cb (GApplication *app,
             Bench        *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                          "<rss version=\"2.0\"><channel><title>Bench feed</title>\n");
  g_autofree char *case_path = NULL;

  g_signal_stop_emission_by_name (app, "activate");
  g_application_hold (app);

  for (guint i = 0; i < bench->n_items; i++)
    {
      g_string_append (feed, "<item><title>");
      append_text (feed, rand, 40);
      g_string_append_printf (feed, "</title><link>https://example.org/%u</link>"
                              "<pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate><description>", i);
      append_text (feed, rand, ITEM_BYTES);
      g_string_append (feed, "</description></item>\n");
    }
  g_string_append (feed, "</channel></rss>\n");

  bench->tmpdir = g_dir_make_tmp ("casefile-import-bench-XXXXXX", &error);
  g_assert_no_error (error);
  bench->feed_path = g_build_filename (bench->tmpdir, "feed.rss", NULL);
  g_file_set_contents (bench->feed_path, feed->str, feed->len, &error);
  g_assert_no_error (error);
  case_path = g_build_filename (bench->tmpdir, "import.casefile", NULL);
  bench->kase = cf_case_create (case_path, "Import benchmark", &error);
  g_assert_no_error (error);

  bench->window = cf_window_new (ADW_APPLICATION (app));
  g_signal_connect (bench->window, "import-finished", G_CALLBACK (import_finished_cb), bench);
  g_signal_connect (bench->window, "map", G_CALLBACK (window_mapped_cb), bench);
  cf_window_set_case (bench->window, bench->kase);
  gtk_window_present (GTK_WINDOW (bench->window));
  bench->tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, bench, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CfApplication) app = NULL;
  Bench bench = { .n_items = 50000 };
  int status;

  setlocale (LC_ALL, "");
  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("usage: casefile-import-bench [ITEMS]\n");
      return 2;
    }
  if (argc == 2)
    bench.n_items = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &bench);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_free (bench.feed_path);
  g_free (bench.tmpdir);
  return status;
}
