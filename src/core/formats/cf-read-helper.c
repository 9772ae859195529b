/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running a reader in the casefile-reader helper process. PDF, office and MIME
 * parsers are large and the files are hostile, so they never run in the window's
 * process: the helper gets the bytes on stdin under rlimits (address space,
 * processor time, no file writes, few descriptors, no core) and answers on stdout
 * (cf-read-wire.c). A crash, a limit or a hang there becomes an error for that one
 * file, in words that say which. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gi18n-lib.h>

#include "cf-formats-private.h"
#include "cf-read-pdf.h"

/* The longest JSON answer believed: the documents of the largest input, unpacked
 * to the limit, with room for escapes. */
#define MAX_JSON_ANSWER ((gsize) 2 * 256 * 1024 * 1024)
/* Rendering one page: processor time and wall clock. */
#define RENDER_CPU_SECONDS 20
#define RENDER_TIMEOUT_SECONDS 30

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

typedef struct
{
  rlim_t address_space;
  rlim_t cpu_seconds;
} ChildLimits;

static void
set_limit (int    resource,
           rlim_t value)
{
  struct rlimit limit = { value, value };

  /* async-signal-safe: this runs between fork and exec */
  setrlimit (resource, &limit);
}

static void
apply_limits_cb (gpointer user_data)
{
  const ChildLimits *limits = user_data;
  struct rlimit cpu = { limits->cpu_seconds, limits->cpu_seconds + 1 };

  if (limits->address_space > 0)
    set_limit (RLIMIT_AS, limits->address_space);
  setrlimit (RLIMIT_CPU, &cpu);
  set_limit (RLIMIT_FSIZE, 0);
  set_limit (RLIMIT_CORE, 0);
  set_limit (RLIMIT_NOFILE, 32);
}

static char *
find_reader (GError **error)
{
  const char *env = g_getenv ("CASEFILE_READER");
  const char *installed = LIBEXECDIR G_DIR_SEPARATOR_S "casefile-reader";

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (installed);
  /* running from the build tree, before installing */
  if (g_file_test (CF_READER_BUILD_PATH, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (CF_READER_BUILD_PATH);
  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED,
               _("The helper program that reads this kind of file is not installed "
                 "(“%s” is missing)."), installed);
  return NULL;
}

static void
explain_failure (GSubprocess         *process,
                 gboolean             timed_out,
                 const CfReadLimits  *limits,
                 guint                timeout_seconds,
                 GError             **error)
{
  if (timed_out)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("Reading the file took longer than %u seconds, so it was stopped."),
                   timeout_seconds);
      return;
    }
  if (g_subprocess_get_if_signaled (process))
    {
      int signal = g_subprocess_get_term_sig (process);

      if (signal == SIGXCPU || signal == SIGKILL)
        g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                     _("Reading the file used more than %u seconds of processor time, "
                       "so it was stopped."), limits->max_cpu_seconds);
      else if (signal == SIGXFSZ)
        g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                     _("The reader tried to write a file, which it may not do, so it "
                       "was stopped."));
      else
        {
          g_autofree char *limit = g_format_size (limits->max_address_space);

          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       _("The reader crashed on this file (%s); it may be damaged or "
                         "need more than %s of memory. Nothing was imported from it."),
                       g_strsignal (signal), limit);
        }
      return;
    }
  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
               _("The reader failed on this file (exit status %d). Nothing was imported "
                 "from it."), g_subprocess_get_exit_status (process));
}

/* One exchange with the helper: the input written, the answer read (never more
 * than @max_out bytes: a helper taken over by a hostile file could write without
 * end), and its exit waited for, all on a main context of our own so that this
 * may run on any thread; the timeout and the caller's cancellable kill it. */
typedef struct
{
  GSubprocess  *process;
  GCancellable *ops;          /* cancels our pending reads and writes */
  GByteArray   *out;
  gsize         max_out;
  guint8        chunk[64 * 1024];
  gboolean      writing;
  gboolean      reading;
  gboolean      waiting;
  gboolean      overflow;
  gboolean      timed_out;
  gboolean      cancelled;
  GError       *read_error;
} Exchange;

static void
stop_helper (Exchange *x)
{
  g_subprocess_force_exit (x->process);
  g_cancellable_cancel (x->ops);
}

static void read_next (Exchange *x);

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Exchange *x = user_data;

  /* a helper that stops reading early says why by its exit, not here */
  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_output_stream_close (G_OUTPUT_STREAM (source), NULL, NULL);
  x->writing = FALSE;
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Exchange *x = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &x->read_error);

  if (n <= 0)
    {
      x->reading = FALSE;
      return;
    }
  if (x->out->len + (gsize) n > x->max_out)
    {
      x->overflow = TRUE;
      x->reading = FALSE;
      stop_helper (x);
      return;
    }
  g_byte_array_append (x->out, x->chunk, (guint) n);
  read_next (x);
}

static void
read_next (Exchange *x)
{
  g_input_stream_read_async (g_subprocess_get_stdout_pipe (x->process), x->chunk, sizeof x->chunk,
                             G_PRIORITY_DEFAULT, x->ops, read_cb, x);
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Exchange *x = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  x->waiting = FALSE;
}

static gboolean
exchange_timeout_cb (gpointer user_data)
{
  Exchange *x = user_data;

  x->timed_out = TRUE;
  stop_helper (x);
  return G_SOURCE_REMOVE;
}

static gboolean
exchange_cancelled_cb (GCancellable *cancellable,
                       gpointer      user_data)
{
  Exchange *x = user_data;

  x->cancelled = TRUE;
  stop_helper (x);
  return G_SOURCE_REMOVE;
}

/* Runs the helper with @args after its path, @input on its stdin. Returns its
 * answer (NULL with @error set: it could not start, was cancelled, timed out,
 * crashed, exited with an error or said more than @max_out bytes). */
static GBytes *
run_helper (const char *const  *args,
            GBytes             *input,
            gsize               max_out,
            const CfReadLimits *limits,
            guint               timeout_seconds,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GSource) cancel_source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GCancellable) ops = g_cancellable_new ();
  ChildLimits child = { 0 };
  sigset_t pipe_set, old_set;
  Exchange x = { 0 };
  gsize input_len;
  gconstpointer input_data = g_bytes_get_data (input, &input_len);

  g_ptr_array_add (argv, find_reader (error));
  if (g_ptr_array_index (argv, 0) == NULL)
    return NULL;
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

#ifndef UNDER_ASAN
  /* AddressSanitizer reserves terabytes of address space up front */
  child.address_space = limits->max_address_space;
#endif
  child.cpu_seconds = MAX (limits->max_cpu_seconds, 1);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, apply_limits_cb, &child, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &local_error);
  if (process == NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED,
                   _("The helper program that reads this kind of file could not be started: %s"),
                   local_error->message);
      return NULL;
    }

  /* a helper that dies before reading all its input must not kill us with SIGPIPE:
   * block it in this thread (the writes happen here) and drop any left pending */
  sigemptyset (&pipe_set);
  sigaddset (&pipe_set, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &pipe_set, &old_set);

  x.process = process;
  x.ops = ops;
  x.out = out;
  x.max_out = max_out;
  x.writing = x.reading = x.waiting = TRUE;
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_output_stream_write_all_async (g_subprocess_get_stdin_pipe (process), input_data, input_len,
                                   G_PRIORITY_DEFAULT, ops, written_cb, &x);
  read_next (&x);
  g_subprocess_wait_async (process, NULL, waited_cb, &x);
  timeout = g_timeout_source_new_seconds (MAX (timeout_seconds, 1));
  g_source_set_callback (timeout, exchange_timeout_cb, &x, NULL);
  g_source_attach (timeout, context);
  if (cancellable != NULL)
    {
      cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (cancel_source, G_SOURCE_FUNC (exchange_cancelled_cb), &x, NULL);
      g_source_attach (cancel_source, context);
    }
  /* the helper's exit, and our reads (to the end of its answer) and writes, all
   * finished; anything that keeps the pipe open past that meets the timeout */
  while (x.waiting || x.reading || x.writing)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  if (cancel_source != NULL)
    g_source_destroy (cancel_source);
  g_main_context_pop_thread_default (context);
  if (!sigismember (&old_set, SIGPIPE))
    {
      struct timespec no_wait = { 0, 0 };

      while (sigtimedwait (&pipe_set, NULL, &no_wait) > 0)
        ;
    }
  pthread_sigmask (SIG_SETMASK, &old_set, NULL);

  if (x.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&x.read_error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled."));
      return NULL;
    }
  if (x.overflow)
    {
      g_clear_error (&x.read_error);
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                           _("The reader process gave an answer far larger than it could be, "
                             "so it was stopped."));
      return NULL;
    }
  if (x.timed_out || !g_subprocess_get_if_exited (process) ||
      g_subprocess_get_exit_status (process) != 0)
    {
      g_clear_error (&x.read_error);
      explain_failure (process, x.timed_out, limits, timeout_seconds, error);
      return NULL;
    }
  if (x.read_error != NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("The reader process could not be talked to: %s"), x.read_error->message);
      g_clear_error (&x.read_error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GPtrArray *
cf_read_in_helper (GBytes              *bytes,
                   const CfReadLimits  *limits,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GBytes) answer = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    limits = cf_read_limits_default ();
  answer = run_helper (NULL, bytes, MAX_JSON_ANSWER, limits, limits->timeout_seconds, cancellable, error);
  if (answer == NULL)
    return NULL;
  data = g_bytes_get_data (answer, &len);
  return cf_read_deserialise (data, len, error);
}

/* ---- the page view's layout and pages --------------------------------------- */

CfPdfLayout *
cf_pdf_layout_in_helper (GBytes        *bytes,
                         const char    *text,
                         GArray        *pages,
                         GCancellable  *cancellable,
                         GError       **error)
{
  static const char *const args[] = { "--layout", NULL };
  const CfReadLimits *limits = cf_read_limits_default ();
  g_autoptr(GBytes) answer = NULL;
  gsize expected, len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL && text != NULL && pages != NULL, NULL);

  expected = cf_pdf_layout_wire_size (text, pages);
  if (expected == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                           _("The PDF holds more text than one document may have."));
      return NULL;
    }
  answer = run_helper (args, bytes, expected, limits, limits->timeout_seconds, cancellable, error);
  if (answer == NULL)
    return NULL;
  data = g_bytes_get_data (answer, &len);
  return cf_pdf_layout_from_wire (data, len, text, pages, error);
}

cairo_surface_t *
cf_pdf_render_in_helper (GBytes        *bytes,
                         guint          page,
                         int            width,
                         int            height,
                         GCancellable  *cancellable,
                         GError       **error)
{
  CfReadLimits limits = *cf_read_limits_default ();
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *page_arg = g_strdup_printf ("%u", page);
  g_autofree char *width_arg = g_strdup_printf ("%d", width);
  g_autofree char *height_arg = g_strdup_printf ("%d", height);
  const char *args[] = { "--render", page_arg, width_arg, height_arg, NULL };
  gsize expected, len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  expected = cf_pdf_render_wire_size (width, height);
  if (expected == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                           _("The page is too large to show at this size."));
      return NULL;
    }
  limits.max_cpu_seconds = RENDER_CPU_SECONDS;
  answer = run_helper (args, bytes, expected, &limits, RENDER_TIMEOUT_SECONDS, cancellable, error);
  if (answer == NULL)
    return NULL;
  data = g_bytes_get_data (answer, &len);
  return cf_pdf_render_from_wire (data, len, width, height, error);
}

typedef struct
{
  GBytes *bytes;
  char   *text;
  GArray *pages;
  guint   page;
  int     width;
  int     height;
} HelperJob;

static void
helper_job_free (HelperJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->text);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

static void
layout_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  HelperJob *job = data;
  GError *error = NULL;
  CfPdfLayout *layout = cf_pdf_layout_in_helper (job->bytes, job->text, job->pages, cancellable, &error);

  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) cf_pdf_layout_free);
}

void
cf_pdf_layout_in_helper_async (GBytes              *bytes,
                               const char          *text,
                               GArray              *pages,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  HelperJob *job = g_new0 (HelperJob, 1);

  job->bytes = g_bytes_ref (bytes);
  job->text = g_strdup (text);
  job->pages = g_array_ref (pages);
  g_task_set_source_tag (task, cf_pdf_layout_in_helper_async);
  g_task_set_task_data (task, job, (GDestroyNotify) helper_job_free);
  g_task_run_in_thread (task, layout_thread);
}

CfPdfLayout *
cf_pdf_layout_in_helper_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  HelperJob *job = data;
  GError *error = NULL;
  cairo_surface_t *surface = cf_pdf_render_in_helper (job->bytes, job->page, job->width, job->height,
                                                      cancellable, &error);

  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

void
cf_pdf_render_in_helper_async (GBytes              *bytes,
                               guint                page,
                               int                  width,
                               int                  height,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  HelperJob *job = g_new0 (HelperJob, 1);

  job->bytes = g_bytes_ref (bytes);
  job->page = page;
  job->width = width;
  job->height = height;
  g_task_set_source_tag (task, cf_pdf_render_in_helper_async);
  g_task_set_task_data (task, job, (GDestroyNotify) helper_job_free);
  g_task_run_in_thread (task, render_thread);
}

cairo_surface_t *
cf_pdf_render_in_helper_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
