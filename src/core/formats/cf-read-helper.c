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

typedef struct
{
  GBytes *out;
  GBytes *err;
  GError *error;
  gboolean done;
  gboolean timed_out;
} Run;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                   &run->error);
  run->done = TRUE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  GSubprocess *process = user_data;

  g_object_set_data (G_OBJECT (process), "cf-timed-out", GINT_TO_POINTER (1));
  g_subprocess_force_exit (process);
  return G_SOURCE_REMOVE;
}

static void
explain_failure (GSubprocess         *process,
                 const Run           *run,
                 const CfReadLimits  *limits,
                 GError             **error)
{
  if (run->timed_out)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("Reading the file took longer than %u seconds, so it was stopped."),
                   limits->timeout_seconds);
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

GPtrArray *
cf_read_in_helper (GBytes              *bytes,
                   const CfReadLimits  *limits,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  ChildLimits child = { 0 };
  sigset_t pipe_set, old_set;
  Run run = { 0 };
  const char *out;
  gsize out_len;
  GPtrArray *docs;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    limits = cf_read_limits_default ();
  path = find_reader (error);
  if (path == NULL)
    return NULL;

#ifndef UNDER_ASAN
  /* AddressSanitizer reserves terabytes of address space up front */
  child.address_space = limits->max_address_space;
#endif
  child.cpu_seconds = MAX (limits->max_cpu_seconds, 1);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, apply_limits_cb, &child, NULL);
  process = g_subprocess_launcher_spawn (launcher, &local_error, path, NULL);
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

  /* a context of our own: this may run on any thread, the main one included */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_subprocess_communicate_async (process, bytes, cancellable, communicated_cb, &run);
  timeout = g_timeout_source_new_seconds (MAX (limits->timeout_seconds, 1));
  g_source_set_callback (timeout, timed_out_cb, process, NULL);
  g_source_attach (timeout, context);
  while (!run.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  /* cancelled: the helper may still be working, and its answer is not wanted */
  if (g_cancellable_is_cancelled (cancellable))
    g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  g_main_context_pop_thread_default (context);
  if (!sigismember (&old_set, SIGPIPE))
    {
      struct timespec no_wait = { 0, 0 };

      while (sigtimedwait (&pipe_set, NULL, &no_wait) > 0)
        ;
    }
  pthread_sigmask (SIG_SETMASK, &old_set, NULL);
  run.timed_out = g_object_get_data (G_OBJECT (process), "cf-timed-out") != NULL;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&run.error);
      g_clear_pointer (&run.out, g_bytes_unref);
      g_clear_pointer (&run.err, g_bytes_unref);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled."));
      return NULL;
    }
  if (run.err != NULL && g_bytes_get_size (run.err) > 0)
    g_debug ("casefile-reader: %.*s", (int) MIN (g_bytes_get_size (run.err), 4096),
             (const char *) g_bytes_get_data (run.err, NULL));
  if (run.timed_out || !g_subprocess_get_if_exited (process) ||
      g_subprocess_get_exit_status (process) != 0)
    {
      explain_failure (process, &run, limits, error);
      docs = NULL;
    }
  else if (run.error != NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   _("The reader process could not be talked to: %s"), run.error->message);
      docs = NULL;
    }
  else
    {
      out = run.out != NULL ? g_bytes_get_data (run.out, &out_len) : NULL;
      docs = cf_read_deserialise (out, out != NULL ? out_len : 0, error);
    }
  g_clear_error (&run.error);
  g_clear_pointer (&run.out, g_bytes_unref);
  g_clear_pointer (&run.err, g_bytes_unref);
  return docs;
}
