/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running the readers in the casefile-reader helper process. PDF, office and MIME
 * parsers are large and the files are hostile, so they never run in the window's
 * process: the helper gets the files on stdin under rlimits (address space,
 * processor time, no file writes, few descriptors, no core) and answers on stdout
 * (cf-read-protocol-private.h, cf-read-wire.c). A crash, a limit or a hang there
 * becomes an error for that one file, in words that say which.
 *
 * One helper serves a whole batch (a CfReadSession: an import of many files, a CLI
 * run, a document's pages in the page view), since starting a process costs more
 * than reading most files. What that changes, and what it does not:
 *
 * - The case is as safe as before. The helper still opens nothing, may write no
 *   file, and speaks only through its pipes; every answer is checked here (its
 *   length against what was asked before it is read, its contents by the wire
 *   readers) exactly as a one-file helper's was.
 * - A helper that a hostile file took over may lie about the files that come after
 *   it in the same batch (say that a later PDF holds other text, or render its pages
 *   wrongly): the answers it can give are those any file could give, so it can make
 *   an import wrong in ways the analyst sees, but not reach the case, the window or
 *   the files of another batch (each has its own helper). Where that matters, import
 *   the doubtful file in a batch of its own.
 * - Every request has its own budget. RLIMIT_CPU counts the whole life of a
 *   process, so here it is only a backstop (the budget times the requests a helper
 *   may serve); the request's own limits are kept from this side: its wall clock,
 *   and its processor time read from /proc while it runs. Either overrun kills the
 *   helper.
 * - After any request that did not end in a good answer (an error, a timeout, a
 *   crash, a limit, a cancel, an answer that makes no sense) the helper is killed,
 *   and the next file gets a fresh one: a helper that failed is never trusted with
 *   another file. A helper is also replaced after MAX_REQUESTS_PER_HELPER files, so
 *   what a long batch leaves in its memory is bounded. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "cf-formats-private.h"
#include "cf-read-pdf.h"
#include "cf-read-protocol-private.h"

/* The longest JSON answer believed: the documents of the largest input, unpacked
 * to the limit, with room for escapes. */
#define MAX_JSON_ANSWER ((gsize) 2 * 256 * 1024 * 1024)
/* Rendering one page: processor time and wall clock. */
#define RENDER_CPU_SECONDS 20
#define RENDER_TIMEOUT_SECONDS 30
/* Files one helper reads before a fresh one takes over. */
#define MAX_REQUESTS_PER_HELPER 256
/* How often a request's processor time is looked at while it runs. */
#define CPU_CHECK_MS 200
/* How long a helper whose answer broke off may take to die by itself (so that its
 * end can be told: a crash, a limit) before it is killed. */
#define EXIT_GRACE_MS 2000
#define IO_CHUNK (64 * 1024)

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

struct _CfReadSession
{
  gatomicrefcount  ref;
  GMutex           lock;        /* one request at a time */
  CfReadLimits     limits;
  guint            max_requests;

  GSubprocess     *process;     /* the helper, NULL when none runs */
  char            *program;     /* what it runs */
  char            *stat_path;   /* its /proc/PID/stat */
  guint            served;      /* requests it answered */
  GBytes          *held;        /* the PDF it keeps for the page view's next request */
  gint64           last_used;   /* monotonic */
};

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

/* ---- the session ------------------------------------------------------------ */

static CfReadSession *
session_new (const CfReadLimits *limits,
             guint               max_requests)
{
  CfReadSession *self = g_new0 (CfReadSession, 1);

  g_atomic_ref_count_init (&self->ref);
  g_mutex_init (&self->lock);
  self->limits = limits != NULL ? *limits : *cf_read_limits_default ();
  self->max_requests = max_requests;
  return self;
}

CfReadSession *
cf_read_session_new (const CfReadLimits *limits)
{
  return session_new (limits, MAX_REQUESTS_PER_HELPER);
}

CfReadSession *
cf_read_session_ref (CfReadSession *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/* Kills the helper, if one runs, without waiting: GLib reaps it. */
static void
drop_helper (CfReadSession *self)
{
  if (self->process != NULL)
    g_subprocess_force_exit (self->process);
  g_clear_object (&self->process);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->stat_path, g_free);
  g_clear_pointer (&self->held, g_bytes_unref);
  self->served = 0;
}

void
cf_read_session_unref (CfReadSession *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  drop_helper (self);
  g_mutex_clear (&self->lock);
  g_free (self);
}

gboolean
cf_read_session_stop_idle (CfReadSession *self,
                           guint          idle_seconds)
{
  gboolean stopped = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_mutex_trylock (&self->lock))
    return FALSE;
  if (self->process == NULL)
    stopped = TRUE;
  else if (g_get_monotonic_time () - self->last_used >= (gint64) idle_seconds * G_USEC_PER_SEC)
    {
      drop_helper (self);
      stopped = TRUE;
    }
  g_mutex_unlock (&self->lock);
  return stopped;
}

static gboolean
start_helper (CfReadSession  *self,
              char           *program,
              GError        **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *argv[] = { program, NULL };
  ChildLimits child = { 0 };
  int to_helper, from_helper;

#ifndef UNDER_ASAN
  /* AddressSanitizer reserves terabytes of address space up front */
  child.address_space = self->limits.max_address_space;
#endif
  /* a backstop only: each request's own budget is kept from here (see above) */
  child.cpu_seconds = (rlim_t) MAX (self->limits.max_cpu_seconds, 1) * self->max_requests;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, apply_limits_cb, &child, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (self->process == NULL)
    {
      g_free (program);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_UNSUPPORTED,
                   _("The helper program that reads this kind of file could not be started: %s"),
                   local_error->message);
      return FALSE;
    }
  self->program = program;
  self->stat_path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (self->process));
  self->served = 0;
  to_helper = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (self->process)));
  from_helper = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (self->process)));
  g_unix_set_fd_nonblocking (to_helper, TRUE, NULL);
  g_unix_set_fd_nonblocking (from_helper, TRUE, NULL);
  return TRUE;
}

/* A helper runs, and runs the program CASEFILE_READER names now (tests change it
 * between requests). */
static gboolean
ensure_helper (CfReadSession  *self,
               GError        **error)
{
  g_autofree char *program = find_reader (error);

  if (program == NULL)
    {
      drop_helper (self);
      return FALSE;
    }
  if (self->process != NULL && g_strcmp0 (program, self->program) == 0 &&
      self->served < self->max_requests)
    return TRUE;
  drop_helper (self);
  return start_helper (self, g_steal_pointer (&program), error);
}

/* The processor time the helper has used, in seconds; -1 when it cannot be read. */
static double
helper_cpu_seconds (CfReadSession *self)
{
  char buffer[1024];
  ssize_t n;
  int fd = open (self->stat_path, O_RDONLY | O_CLOEXEC);
  const char *after_name;
  g_auto(GStrv) fields = NULL;

  if (fd < 0)
    return -1;
  n = read (fd, buffer, sizeof buffer - 1);
  close (fd);
  if (n <= 0)
    return -1;
  buffer[n] = '\0';
  /* "PID (name) state ppid ...": utime and stime are the 14th and 15th fields, the
   * 12th and 13th after the name (which may hold spaces and parentheses) */
  after_name = strrchr (buffer, ')');
  if (after_name == NULL)
    return -1;
  fields = g_strsplit (after_name + 1, " ", 16);
  if (g_strv_length (fields) < 15)
    return -1;
  return (g_ascii_strtod (fields[12], NULL) + g_ascii_strtod (fields[13], NULL)) /
         (double) sysconf (_SC_CLK_TCK);
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
grace_over_cb (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

/* Waits for the helper's end, killing it after @grace_ms. */
static void
wait_for_exit (GSubprocess *process,
               guint        grace_ms)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) grace = g_timeout_source_new (grace_ms);
  gboolean done = FALSE;

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (process, NULL, waited_cb, &done);
  g_source_set_callback (grace, grace_over_cb, process, NULL);
  g_source_attach (grace, context);
  while (!done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (grace);
  g_main_context_pop_thread_default (context);
}

/* Why the helper, now ended, gave no answer. */
static void
explain_end (GSubprocess  *process,
             guint         cpu_seconds,
             guint64       address_space,
             GError      **error)
{
  if (g_subprocess_get_if_signaled (process))
    {
      int signal = g_subprocess_get_term_sig (process);

      if (signal == SIGXCPU || signal == SIGKILL)
        g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                     _("Reading the file used more than %u seconds of processor time, "
                       "so it was stopped."), cpu_seconds);
      else if (signal == SIGXFSZ)
        g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                     _("The reader tried to write a file, which it may not do, so it "
                       "was stopped."));
      else
        {
          g_autofree char *limit = g_format_size (address_space);

          g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       _("The reader crashed on this file (%s); it may be damaged or "
                         "need more than %s of memory. Nothing was imported from it."),
                       g_strsignal (signal), limit);
        }
      return;
    }
  if (g_subprocess_get_exit_status (process) == 0)
    g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                         _("The reader process ended before its answer was complete."));
  else
    g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                 _("The reader failed on this file (exit status %d). Nothing was imported "
                   "from it."), g_subprocess_get_exit_status (process));
}

static void
set_nonsense (GError **error)
{
  g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                       _("The reader process gave an answer that makes no sense."));
}

/* One request's exchange: the request written while the answer is read (a helper
 * that writes before it has read everything must not block us), within the
 * request's wall clock and processor time. */
typedef struct
{
  /* what goes out */
  const guint8 *parts[2];
  gsize         part_len[2];
  guint         part;
  gsize         part_done;
  /* what comes back */
  CfReadAnswer  header;
  gsize         header_done;
  GByteArray   *body;
  gsize         body_len;
  gsize         max_out;
  /* how it ended */
  gboolean      answered;
  gboolean      ended;        /* the helper closed its end or died */
  gboolean      overflow;
  gboolean      nonsense;
} Exchange;

static gboolean
writing (Exchange *x)
{
  return x->part < G_N_ELEMENTS (x->parts);
}

static void
write_some (Exchange *x,
            int       fd)
{
  while (writing (x))
    {
      gsize left = x->part_len[x->part] - x->part_done;
      ssize_t n;

      if (left == 0)
        {
          x->part++;
          x->part_done = 0;
          continue;
        }
      n = write (fd, x->parts[x->part] + x->part_done, MIN (left, IO_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return;
      if (n <= 0)
        {
          /* it stopped reading: its end, or an answer that comes too early, says why */
          x->ended = TRUE;
          return;
        }
      x->part_done += (gsize) n;
    }
}

static void
read_some (Exchange *x,
           int       fd)
{
  while (!x->answered)
    {
      ssize_t n;

      if (x->header_done < sizeof x->header)
        n = read (fd, (guint8 *) &x->header + x->header_done, sizeof x->header - x->header_done);
      else
        {
          gsize want = MIN (x->body_len - x->body->len, IO_CHUNK);
          guint old = x->body->len;

          g_byte_array_set_size (x->body, old + (guint) want);
          n = read (fd, x->body->data + old, want);
          g_byte_array_set_size (x->body, old + (guint) MAX (n, 0));
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return;
      if (n <= 0)
        {
          x->ended = TRUE;
          return;
        }
      if (x->header_done < sizeof x->header)
        {
          x->header_done += (gsize) n;
          if (x->header_done < sizeof x->header)
            continue;
          if (memcmp (x->header.magic, CF_READ_ANSWER_MAGIC, CF_READ_MAGIC_SIZE) != 0 ||
              (x->header.status != CF_READ_ANSWER_OK && x->header.status != CF_READ_ANSWER_FAILED))
            {
              x->nonsense = TRUE;
              return;
            }
          if (x->header.length > (x->header.status == CF_READ_ANSWER_OK ? x->max_out
                                                                         : CF_READ_MAX_FAILURE_MESSAGE))
            {
              x->overflow = TRUE;
              return;
            }
          x->body_len = (gsize) x->header.length;
          x->body = g_byte_array_sized_new ((guint) MIN (x->body_len, (gsize) IO_CHUNK * 16));
        }
      if (x->body != NULL && x->body->len == x->body_len)
        x->answered = TRUE;
    }
}

static gboolean
cancelled_or_timed_out (GCancellable  *cancellable,
                        gint64         deadline,
                        guint          timeout_seconds,
                        GError       **error)
{
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled."));
      return TRUE;
    }
  if (g_get_monotonic_time () >= deadline)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("Reading the file took longer than %u seconds, so it was stopped."),
                   timeout_seconds);
      return TRUE;
    }
  return FALSE;
}

/* Sends @request (and @payload, when it has one) to the session's helper and
 * reads its answer: the answer's bytes (an OK answer of at most @max_out bytes),
 * or NULL with @error set and the helper gone. Called with the lock held. */
static GBytes *
exchange (CfReadSession        *self,
          const CfReadRequest  *request,
          GBytes               *payload,
          gsize                 max_out,
          guint                 cpu_seconds,
          guint                 timeout_seconds,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  Exchange x = { 0 };
  GPollFD fds[3];
  int to_helper, from_helper;
  gint64 deadline;
  gint64 next_cpu_check;
  double cpu_at_start;
  gboolean cpu_exceeded = FALSE;
  sigset_t pipe_set, old_set;

  if (!ensure_helper (self, error))
    return NULL;
  to_helper = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (self->process)));
  from_helper = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (self->process)));

  x.parts[0] = (const guint8 *) request;
  x.part_len[0] = sizeof *request;
  if (payload != NULL)
    x.parts[1] = g_bytes_get_data (payload, &x.part_len[1]);
  x.max_out = max_out;

  /* a helper that dies before reading all its input must not kill us with SIGPIPE:
   * block it in this thread (the writes happen here) and drop any left pending */
  sigemptyset (&pipe_set);
  sigaddset (&pipe_set, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &pipe_set, &old_set);

  deadline = g_get_monotonic_time () + (gint64) MAX (timeout_seconds, 1) * G_USEC_PER_SEC;
  next_cpu_check = g_get_monotonic_time () + CPU_CHECK_MS * 1000;
  cpu_at_start = helper_cpu_seconds (self);
  while (!x.answered && !x.ended && !x.overflow && !x.nonsense)
    {
      guint n = 0;
      int wait_ms;
      gint64 now;

      if (writing (&x))
        fds[n++] = (GPollFD) { to_helper, G_IO_OUT, 0 };
      fds[n++] = (GPollFD) { from_helper, G_IO_IN, 0 };
      if (g_cancellable_make_pollfd (cancellable, &fds[n]))
        n++;
      now = g_get_monotonic_time ();
      wait_ms = (int) CLAMP ((MIN (deadline, next_cpu_check) - now + 999) / 1000, 0, G_MAXINT);
      if (g_poll (fds, n, wait_ms) < 0 && errno != EINTR)
        x.ended = TRUE;
      g_cancellable_release_fd (cancellable);
      if (x.ended)
        break;
      if (cancelled_or_timed_out (cancellable, deadline, timeout_seconds, &local_error))
        break;
      if (g_get_monotonic_time () >= next_cpu_check)
        {
          double used = helper_cpu_seconds (self);

          next_cpu_check = g_get_monotonic_time () + CPU_CHECK_MS * 1000;
          if (used >= 0 && cpu_at_start >= 0 && used - cpu_at_start > cpu_seconds)
            {
              cpu_exceeded = TRUE;
              break;
            }
        }
      if (writing (&x))
        write_some (&x, to_helper);
      read_some (&x, from_helper);
    }

  if (!sigismember (&old_set, SIGPIPE))
    {
      struct timespec no_wait = { 0, 0 };

      while (sigtimedwait (&pipe_set, NULL, &no_wait) > 0)
        ;
    }
  pthread_sigmask (SIG_SETMASK, &old_set, NULL);

  /* an answer before the whole request was read is out of step with it */
  if (x.answered && writing (&x))
    x.nonsense = TRUE;
  if (x.answered && !x.nonsense)
    {
      self->served++;
      self->last_used = g_get_monotonic_time ();
      if (x.header.status == CF_READ_ANSWER_OK)
        return g_byte_array_free_to_bytes (x.body);
      /* a failure, in the helper's words: believed as words only, and the helper
       * is not trusted with another file */
      {
        g_autofree char *message = g_utf8_make_valid ((const char *) x.body->data, x.body->len);

        g_byte_array_unref (x.body);
        drop_helper (self);
        g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                             *message != '\0' ? message : _("The file could not be read."));
        return NULL;
      }
    }
  g_clear_pointer (&x.body, g_byte_array_unref);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (cpu_exceeded)
    g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                 _("Reading the file used more than %u seconds of processor time, "
                   "so it was stopped."), cpu_seconds);
  else if (x.overflow)
    g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                         _("The reader process gave an answer far larger than it could be, "
                           "so it was stopped."));
  else if (x.nonsense)
    set_nonsense (error);
  else
    {
      /* it closed its end: most likely it is dying (a crash, a limit); its end says */
      wait_for_exit (self->process, EXIT_GRACE_MS);
      explain_end (self->process, cpu_seconds, self->limits.max_address_space, error);
    }
  drop_helper (self);
  return NULL;
}

/* A request about @bytes: with the helper's kept PDF when it is the same (layout
 * and render requests), else with the bytes; the PDF is kept on a good answer. */
static GBytes *
request_answer (CfReadSession      *self,
                CfReadRequestKind   kind,
                guint               page,
                int                 width,
                int                 height,
                GBytes             *bytes,
                gsize               max_out,
                guint               cpu_seconds,
                guint               timeout_seconds,
                GCancellable       *cancellable,
                GError            **error)
{
  CfReadRequest request = { CF_READ_REQUEST_MAGIC, kind, 0, page, (guint32) width, (guint32) height, 0 };
  g_autofree char *program = NULL;
  GBytes *answer;
  gboolean same;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* the same helper (CASEFILE_READER can change it) that holds this PDF */
  program = find_reader (NULL);
  same = kind != CF_READ_REQUEST_READ && self->held != NULL && self->process != NULL &&
         g_strcmp0 (program, self->program) == 0 && self->served < self->max_requests &&
         (self->held == bytes || g_bytes_equal (self->held, bytes));
  if (same)
    request.flags = CF_READ_REQUEST_SAME_DOCUMENT;
  else
    request.length = g_bytes_get_size (bytes);
  answer = exchange (self, &request, same ? NULL : bytes, max_out, cpu_seconds, timeout_seconds,
                     cancellable, error);
  if (answer != NULL && kind != CF_READ_REQUEST_READ && !same)
    {
      g_clear_pointer (&self->held, g_bytes_unref);
      self->held = g_bytes_ref (bytes);
    }
  return answer;
}

GPtrArray *
cf_read_session_read (CfReadSession  *self,
                      GBytes         *bytes,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GBytes) answer = NULL;
  GPtrArray *docs = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) > CF_EXTRACT_MAX_INPUT)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                           _("The file is too large to import."));
      return NULL;
    }
  g_mutex_lock (&self->lock);
  answer = request_answer (self, CF_READ_REQUEST_READ, 0, 0, 0, bytes, MAX_JSON_ANSWER,
                           self->limits.max_cpu_seconds, self->limits.timeout_seconds,
                           cancellable, error);
  if (answer != NULL)
    {
      data = g_bytes_get_data (answer, &len);
      docs = cf_read_deserialise (data, len, error);
      /* the file was refused, or the answer was: the next file gets a fresh helper */
      if (docs == NULL)
        drop_helper (self);
    }
  g_mutex_unlock (&self->lock);
  return docs;
}

GPtrArray *
cf_read_in_helper (GBytes              *bytes,
                   const CfReadLimits  *limits,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(CfReadSession) session = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  session = session_new (limits, 1);
  return cf_read_session_read (session, bytes, cancellable, error);
}

/* ---- the page view's layout and pages --------------------------------------- */

CfPdfLayout *
cf_pdf_layout_in_session (CfReadSession  *self,
                          GBytes         *bytes,
                          const char     *text,
                          GArray         *pages,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GBytes) answer = NULL;
  CfPdfLayout *layout = NULL;
  gsize expected, len;
  const guint8 *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bytes != NULL && text != NULL && pages != NULL, NULL);

  expected = cf_pdf_layout_wire_size (text, pages);
  if (expected == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                           _("The PDF holds more text than one document may have."));
      return NULL;
    }
  g_mutex_lock (&self->lock);
  answer = request_answer (self, CF_READ_REQUEST_LAYOUT, 0, 0, 0, bytes, expected,
                           self->limits.max_cpu_seconds, self->limits.timeout_seconds,
                           cancellable, error);
  if (answer != NULL)
    {
      data = g_bytes_get_data (answer, &len);
      layout = cf_pdf_layout_from_wire (data, len, text, pages, error);
      if (layout == NULL)
        drop_helper (self);
    }
  g_mutex_unlock (&self->lock);
  return layout;
}

static cairo_surface_t *
render_once (CfReadSession  *self,
             GBytes         *bytes,
             guint           page,
             int             width,
             int             height,
             gsize           expected,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GBytes) answer = NULL;
  cairo_surface_t *surface = NULL;
  gsize len;
  const guint8 *data;

  g_mutex_lock (&self->lock);
  answer = request_answer (self, CF_READ_REQUEST_RENDER, page, width, height, bytes, expected,
                           MIN (self->limits.max_cpu_seconds, RENDER_CPU_SECONDS),
                           RENDER_TIMEOUT_SECONDS, cancellable, error);
  if (answer != NULL)
    {
      data = g_bytes_get_data (answer, &len);
      surface = cf_pdf_render_from_wire (data, len, width, height, error);
      if (surface == NULL)
        drop_helper (self);
    }
  g_mutex_unlock (&self->lock);
  return surface;
}

cairo_surface_t *
cf_pdf_render_in_session (CfReadSession  *self,
                          GBytes         *bytes,
                          guint           page,
                          int             width,
                          int             height,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GError) first_error = NULL;
  cairo_surface_t *surface;
  gsize expected;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  expected = cf_pdf_render_wire_size (width, height);
  if (expected == 0)
    {
      g_set_error_literal (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                           _("The page is too large to show at this size."));
      return NULL;
    }
  surface = render_once (self, bytes, page, width, height, expected, cancellable, &first_error);
  if (surface != NULL || g_error_matches (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (first_error != NULL)
        g_propagate_error (error, g_steal_pointer (&first_error));
      return surface;
    }
  /* once more, with a fresh helper (the failure ended the last one): a helper that
   * a page before took over, or one that died while it waited, is not this page's
   * fault */
  g_debug ("Page %u: %s; trying once more with a fresh helper", page + 1, first_error->message);
  return render_once (self, bytes, page, width, height, expected, cancellable, error);
}

CfPdfLayout *
cf_pdf_layout_in_helper (GBytes        *bytes,
                         const char    *text,
                         GArray        *pages,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(CfReadSession) session = session_new (NULL, 1);

  return cf_pdf_layout_in_session (session, bytes, text, pages, cancellable, error);
}

cairo_surface_t *
cf_pdf_render_in_helper (GBytes        *bytes,
                         guint          page,
                         int            width,
                         int            height,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(CfReadSession) session = session_new (NULL, 1);

  return cf_pdf_render_in_session (session, bytes, page, width, height, cancellable, error);
}

typedef struct
{
  CfReadSession *session;
  GBytes        *bytes;
  char          *text;
  GArray        *pages;
  guint          page;
  int            width;
  int            height;
} HelperJob;

static void
helper_job_free (HelperJob *job)
{
  cf_read_session_unref (job->session);
  g_bytes_unref (job->bytes);
  g_free (job->text);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

static HelperJob *
helper_job_new (CfReadSession *session,
                GBytes        *bytes)
{
  HelperJob *job = g_new0 (HelperJob, 1);

  job->session = session != NULL ? cf_read_session_ref (session) : session_new (NULL, 1);
  job->bytes = g_bytes_ref (bytes);
  return job;
}

static void
layout_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  HelperJob *job = data;
  GError *error = NULL;
  CfPdfLayout *layout = cf_pdf_layout_in_session (job->session, job->bytes, job->text, job->pages,
                                                  cancellable, &error);

  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) cf_pdf_layout_free);
}

void
cf_pdf_layout_in_session_async (CfReadSession       *session,
                                GBytes              *bytes,
                                const char          *text,
                                GArray              *pages,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  HelperJob *job = helper_job_new (session, bytes);

  job->text = g_strdup (text);
  job->pages = g_array_ref (pages);
  g_task_set_source_tag (task, cf_pdf_layout_in_session_async);
  g_task_set_task_data (task, job, (GDestroyNotify) helper_job_free);
  g_task_run_in_thread (task, layout_thread);
}

CfPdfLayout *
cf_pdf_layout_in_session_finish (GAsyncResult  *result,
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
  cairo_surface_t *surface = cf_pdf_render_in_session (job->session, job->bytes, job->page, job->width,
                                                       job->height, cancellable, &error);

  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

void
cf_pdf_render_in_session_async (CfReadSession       *session,
                                GBytes              *bytes,
                                guint                page,
                                int                  width,
                                int                  height,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  HelperJob *job = helper_job_new (session, bytes);

  job->page = page;
  job->width = width;
  job->height = height;
  g_task_set_source_tag (task, cf_pdf_render_in_session_async);
  g_task_set_task_data (task, job, (GDestroyNotify) helper_job_free);
  g_task_run_in_thread (task, render_thread);
}

cairo_surface_t *
cf_pdf_render_in_session_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
