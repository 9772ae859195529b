/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the application does on a big case, measured in the real window:
 *
 *   casefile-app-bench [CASE]     (under a display, e.g. xvfb-run)
 *
 * Prints the time from start to the first frame of the window with the case, the
 * time to show a document with 2,000 highlighted claims, and frame times while
 * scrolling the claims list of 100,000 claims, in jumps and smoothly; then quits.
 * Without CASE it generates such a case in a temporary folder first (not counted).
 * CASEFILE_BENCH_FRAMES=N shortens the scrolling runs; CASEFILE_BENCH_KEEP=1 keeps
 * the generated case for the next run; CASEFILE_BENCH_SHOTS=DIR saves the screen
 * (ImageMagick's import) at the first frame and after each scrolling run, to look at
 * (the figures after the first are then not worth much).
 *
 * Targets: start to first frame < 1 s at 100,000 claims and < 1.5 s at 1,000,000,
 * the document's first frame < 100 ms, smooth scrolling under 16.7 ms a frame, peak
 * memory < 200 MB on the 1,000,000-claim case. Each line gives the load average: the
 * machine is shared. */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "cf-application.h"
#include "cf-claims-pane.h"
#include "cf-reader.h"
#include "cf-record-list.h"
#include "cf-window.h"

#define HIGHLIGHTS_PER_DOCUMENT 2000
#define TOTAL_CLAIMS            100000
#define SCROLL_FRAMES           (scroll_frames ())

static gint64 process_start;

/* The 1-minute load average, printed beside each figure. */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}
static int    exit_status;

/* CASEFILE_BENCH_FRAMES shortens the scrolling runs, e.g. under a profiler. */
static guint
scroll_frames (void)
{
  const char *env = g_getenv ("CASEFILE_BENCH_FRAMES");
  guint64 n = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 0;

  return n > 0 ? (guint) n : 300;
}

typedef enum
{
  PHASE_FIRST_FRAME,
  PHASE_HIGHLIGHTS,
  PHASE_JUMP_SCROLL,
  PHASE_SMOOTH_SCROLL,
  PHASE_DONE,
} Phase;

typedef struct
{
  GtkApplication *app;
  CfWindow       *window;
  GdkFrameClock  *clock;
  char           *tmpdir;
  Phase           phase;
  gint64          generation_us;
  gint64          open_start;
  gint64          opened_us;
  gint64          set_case_us;
  gint64          busiest_document;
  guint           busiest_count;
  gint64          show_start;
  gint64          show_sync_us;
  guint           n_highlights;
  GtkAdjustment  *vadj;
  double          step;
  guint           frame;
  gint64          tick_time;
  GArray         *work_us;      /* per frame: tick to after-paint */
  guint           tick_id;
} Bench;

static gint64
generate_case (const char  *path,
               gint64      *busiest,
               GError     **error)
{
  g_autoptr(CfCase) kase = cf_case_create (path, "Benchmark case", error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_documents = TOTAL_CLAIMS / HIGHLIGHTS_PER_DOCUMENT;
  int chars = 0;

  if (kase == NULL)
    return -1;

  for (guint i = 0; i < HIGHLIGHTS_PER_DOCUMENT; i++)
    {
      g_autofree char *sentence =
        g_strdup_printf ("Officials said on day %u that the reported event near the border was "
                         "likely staged, according to a statement. ", i);

      g_array_append_val (starts, chars);
      g_string_append (text, sentence);
      chars += g_utf8_strlen (sentence, -1);
      if (i % 8 == 7)
        {
          g_string_append (text, "\n\n");
          chars += 2;
        }
    }

  cf_case_set_undo_enabled (kase, FALSE);
  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *title = g_strdup_printf ("Generated source %u", d + 1);
      CfDocumentFields fields = { .title = title, .publisher = "Benchmark Wire",
                                  .published = "2026-05-03", .text = text->str };
      gint64 document_id;

      /* One transaction per document keeps each commit's work bounded. */
      cf_case_begin_action (kase, "Generate");
      document_id = cf_case_add_document (kase, &fields, error);
      if (document_id <= 0)
        {
          cf_case_cancel_action (kase);
          return -1;
        }
      if (d == 0)
        *busiest = document_id;

      for (guint i = 0; i < HIGHLIGHTS_PER_DOCUMENT; i++)
        {
          int start = g_array_index (starts, int, i);
          /* Every tenth claim runs into the next sentence, so overlaps are measured too. */
          int end = i % 10 == 9 && i + 1 < HIGHLIGHTS_PER_DOCUMENT
                    ? g_array_index (starts, int, i + 1) + 20
                    : start + 60;

          if (cf_case_add_claim (kase, document_id, start, end, NULL, error) <= 0)
            {
              cf_case_cancel_action (kase);
              return -1;
            }
        }
      if (!cf_case_end_action (kase, error))
        return -1;
    }

  cf_case_close (kase);
  return TOTAL_CLAIMS;
}

static void
find_busiest_document (Bench  *bench,
                       CfCase *kase)
{
  g_autoptr(GListModel) documents = cf_case_list_documents (kase);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CfDocument) document = g_list_model_get_item (documents, i);

      if (cf_document_get_claim_count (document) > bench->busiest_count)
        {
          bench->busiest_count = cf_document_get_claim_count (document);
          bench->busiest_document = cf_document_get_id (document);
        }
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The screen as it is, into CASEFILE_BENCH_SHOTS/NAME, when asked for. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CASEFILE_BENCH_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_printerr ("benchmark: could not save %s\n", path);
}

static void
report_frames (const char *what,
               GArray     *work_us)
{
  g_autoptr(GArray) sorted = g_array_copy (work_us);
  gint64 sum = 0;
  guint slow = 0;

  if (work_us->len == 0)
    return;

  g_array_sort (sorted, compare_int64);
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 v = g_array_index (sorted, gint64, i);
      sum += v;
      if (v > 16667)
        slow++;
    }

  g_print ("%s: %u frames, mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms, over 16.7 ms: %u\n",
           what, sorted->len, sum / 1000.0 / sorted->len,
           g_array_index (sorted, gint64, sorted->len / 2) / 1000.0,
           g_array_index (sorted, gint64, MIN (sorted->len - 1, sorted->len * 95 / 100)) / 1000.0,
           g_array_index (sorted, gint64, sorted->len - 1) / 1000.0, slow);
}

static void
finish (Bench *bench)
{
  bench->phase = PHASE_DONE;
  g_signal_handlers_disconnect_by_data (bench->clock, bench);
  if (bench->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (bench->window), bench->tick_id);
  gtk_window_destroy (GTK_WINDOW (bench->window));

  if (bench->tmpdir != NULL)
    {
      g_autofree char *path = g_build_filename (bench->tmpdir, "benchmark.casefile", NULL);

      /* Generating takes long; CASEFILE_BENCH_KEEP=1 keeps the case for the next run. */
      if (g_strcmp0 (g_getenv ("CASEFILE_BENCH_KEEP"), "1") == 0)
        g_print ("kept the generated case: %s\n", path);
      else
        {
          g_unlink (path);
          g_rmdir (bench->tmpdir);
        }
    }

  {
    struct rusage usage;

    getrusage (RUSAGE_SELF, &usage);
    g_print ("peak memory: %.1f MB   target < 200 MB on 1,000,000 claims   load %.1f\n",
             usage.ru_maxrss / 1024.0, load_average ());
  }
  g_clear_pointer (&bench->work_us, g_array_unref);
  g_free (bench->tmpdir);
  g_application_release (G_APPLICATION (bench->app));
  g_free (bench);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Bench *bench = data;
  double value;

  if (bench->phase != PHASE_JUMP_SCROLL && bench->phase != PHASE_SMOOTH_SCROLL)
    return G_SOURCE_REMOVE;

  value = MIN (gtk_adjustment_get_value (bench->vadj) + bench->step,
               gtk_adjustment_get_upper (bench->vadj) - gtk_adjustment_get_page_size (bench->vadj));
  bench->tick_time = g_get_monotonic_time ();
  gtk_adjustment_set_value (bench->vadj, value);
  return G_SOURCE_CONTINUE;
}

/* How much of a frame is the model's: reading rows far apart, as a jump does. */
static void
measure_model_access (Bench *bench)
{
  CfClaimsPane *claims = CF_CLAIMS_PANE (cf_window_get_pane (bench->window, "claims"));
  GListModel *model = cf_claims_pane_get_model (claims);
  guint n = g_list_model_get_n_items (model);
  guint jumps = 50;
  gint64 t0;

  if (n < 2)
    return;

  t0 = g_get_monotonic_time ();
  for (guint j = 0; j < jumps; j++)
    {
      guint first = (guint) ((guint64) n * (2 * j + 1) / (2 * jumps));

      /* about one screenful of rows */
      for (guint i = first; i < MIN (n, first + 30); i++)
        g_object_unref (g_list_model_get_item (model, i));
    }
  g_print ("claims model: reading 30 rows at a new place: %.1f ms each time\n",
           (g_get_monotonic_time () - t0) / 1000.0 / jumps);
}

static void
start_scroll (Bench *bench,
              Phase  phase)
{
  GtkColumnView *view = cf_claims_pane_get_column_view (CF_CLAIMS_PANE (cf_window_get_pane (bench->window, "claims")));
  double distance;

  bench->phase = phase;
  bench->frame = 0;
  bench->tick_time = 0;
  g_array_set_size (bench->work_us, 0);
  bench->vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_adjustment_set_value (bench->vadj, 0);
  distance = gtk_adjustment_get_upper (bench->vadj) - gtk_adjustment_get_page_size (bench->vadj);
  if (phase == PHASE_JUMP_SCROLL)
    bench->step = distance / SCROLL_FRAMES;
  else
    bench->step = gtk_adjustment_get_page_size (bench->vadj) / 6;
  if (bench->tick_id == 0)
    bench->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), scroll_tick_cb, bench, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  switch (bench->phase)
    {
    case PHASE_FIRST_FRAME:
      {
        CfClaimsPane *claims = CF_CLAIMS_PANE (cf_window_get_pane (bench->window, "claims"));
        guint n_claims = g_list_model_get_n_items (cf_claims_pane_get_model (claims));

        g_print ("claims in case: %u\n", n_claims);
        if (bench->generation_us > 0)
          g_print ("generated the case in %.0f ms (not counted below)\n", bench->generation_us / 1000.0);
        g_print ("start to first frame with the case: %.0f ms (open to first frame: %.0f ms: "
                 "opening the file %.0f ms, filling the panes %.0f ms, first layout and paint %.0f ms)"
                 "   target < 1 s (100,000 claims), < 1.5 s (1,000,000)   load %.1f\n",
                 (now - process_start - bench->generation_us) / 1000.0,
                 (now - bench->open_start) / 1000.0,
                 bench->opened_us / 1000.0, bench->set_case_us / 1000.0,
                 (now - bench->open_start - bench->opened_us - bench->set_case_us) / 1000.0,
                 load_average ());
        screenshot ("first-frame.png");

        bench->phase = PHASE_HIGHLIGHTS;
        find_busiest_document (bench, cf_window_get_case (bench->window));
        bench->show_start = g_get_monotonic_time ();
        /* Show another document first if the busiest one is already shown. */
        cf_reader_show_document (CF_READER (cf_window_get_pane (bench->window, "reader")), 0);
        bench->show_start = g_get_monotonic_time ();
        cf_reader_show_document (CF_READER (cf_window_get_pane (bench->window, "reader")),
                                 bench->busiest_document);
        bench->n_highlights = cf_reader_get_n_highlights (CF_READER (cf_window_get_pane (bench->window, "reader")));
        bench->show_sync_us = g_get_monotonic_time () - bench->show_start;
        gtk_widget_queue_draw (GTK_WIDGET (bench->window));
      }
      break;

    case PHASE_HIGHLIGHTS:
      g_print ("document with %u highlighted claims: shown in %.1f ms, first frame after %.1f ms\n",
               bench->n_highlights, bench->show_sync_us / 1000.0, (now - bench->show_start) / 1000.0);
      measure_model_access (bench);
      start_scroll (bench, PHASE_JUMP_SCROLL);
      break;

    case PHASE_JUMP_SCROLL:
    case PHASE_SMOOTH_SCROLL:
      if (bench->tick_time > 0)
        {
          gint64 work = now - bench->tick_time;
          g_array_append_val (bench->work_us, work);
          bench->tick_time = 0;
          bench->frame++;
        }
      if (bench->frame >= SCROLL_FRAMES ||
          gtk_adjustment_get_value (bench->vadj) >= gtk_adjustment_get_upper (bench->vadj) - gtk_adjustment_get_page_size (bench->vadj) - 1)
        {
          if (bench->phase == PHASE_JUMP_SCROLL)
            {
              report_frames ("scrolling the whole claims list in jumps", bench->work_us);
              screenshot ("after-jumps.png");
              start_scroll (bench, PHASE_SMOOTH_SCROLL);
            }
          else
            {
              report_frames ("smooth scrolling the claims list (1/6 page per frame)", bench->work_us);
              screenshot ("after-smooth.png");
              finish (bench);
            }
        }
      break;

    case PHASE_DONE:
    default:
      break;
    }
}

static void
window_realize_cb (GtkWidget *widget,
                   Bench     *bench)
{
  bench->clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (bench->clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

static void
run_benchmark (GtkApplication *app,
               GFile          *file)
{
  Bench *bench = g_new0 (Bench, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) generated = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autofree char *path = NULL;

  bench->app = app;
  bench->work_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_application_hold (G_APPLICATION (app));

  if (file == NULL)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 busiest = 0;

      bench->tmpdir = g_dir_make_tmp ("casefile-bench-XXXXXX", &error);
      if (bench->tmpdir != NULL)
        {
          path = g_build_filename (bench->tmpdir, "benchmark.casefile", NULL);
          if (generate_case (path, &busiest, &error) < 0)
            g_clear_pointer (&path, g_free);
        }
      bench->generation_us = g_get_monotonic_time () - t0;
    }
  else
    path = g_file_get_path (file);

  bench->open_start = g_get_monotonic_time ();
  if (path != NULL)
    kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);
  if (kase == NULL)
    {
      g_printerr ("benchmark: %s\n", error != NULL ? error->message : "no case");
      exit_status = 1;
      g_application_release (G_APPLICATION (app));
      g_free (bench->tmpdir);
      g_array_unref (bench->work_us);
      g_free (bench);
      return;
    }

  bench->opened_us = g_get_monotonic_time () - bench->open_start;
  bench->window = cf_window_new (ADW_APPLICATION (app));
  g_signal_connect (bench->window, "realize", G_CALLBACK (window_realize_cb), bench);
  {
    gint64 t0 = g_get_monotonic_time ();

    cf_window_set_case (bench->window, kase);
    bench->set_case_us = g_get_monotonic_time () - t0;
  }
  gtk_window_present (GTK_WINDOW (bench->window));
}

/* Runs instead of the application's own activation, which would open a window. */
static void
activate_cb (GApplication *app,
             GFile        *file)
{
  g_signal_stop_emission_by_name (app, "activate");
  run_benchmark (GTK_APPLICATION (app), file);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CfApplication) app = NULL;
  g_autoptr(GFile) file = NULL;

  process_start = g_get_monotonic_time ();
  setlocale (LC_ALL, "");

  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("usage: casefile-app-bench [CASE]\n");
      return 2;
    }
  if (argc == 2)
    file = g_file_new_for_commandline_arg (argv[1]);

  /* Measure in this process, never in an already running instance. */
  app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), file);
  if (g_application_run (G_APPLICATION (app), 1, argv) != 0)
    return 1;
  return exit_status;
}
