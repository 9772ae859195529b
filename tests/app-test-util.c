/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GTK application tests' shared set-up (see app-test-util.h): starting GTK in an
 * isolated test, waiting on the main loop, a window on a copy of the example case,
 * finding widgets. */
#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"

/* Bounds a wait for the main loop to do something; never used as a measure. */
#define WAIT_LIMIT_SECONDS 30

static char *system_data_dirs;

void
app_test_init (int       *argc,
               char    ***argv,
               gboolean   isolate)
{
  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  /* gtk_test_init() would call g_test_init() without isolated directories. */
  if (isolate)
    g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  else
    g_test_init (argc, argv, NULL);
}

/* Isolation also hides the system's icon themes; without them GTK falls back to
 * SVG icons that need a loader a test machine may lack. */
void
app_test_start_gtk (void)
{
  static gboolean done;
  g_auto(GStrv) dirs = NULL;
  GtkIconTheme *icons;

  if (done)
    return;
  done = TRUE;

  gtk_init ();
  adw_init ();

  icons = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  dirs = g_strsplit (system_data_dirs != NULL && *system_data_dirs != '\0' ? system_data_dirs : "/usr/local/share:/usr/share", ":", -1);
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "icons", NULL);
      gtk_icon_theme_add_search_path (icons, path);
    }
}

void
app_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
app_test_wait_until (AppTestCondition condition,
                     gpointer         data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

gboolean
app_test_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

char *
app_test_copy_example (const char *tmpdir)
{
  const char *example = g_getenv ("CASEFILE_EXAMPLE");
  g_autofree char *contents = NULL;
  gsize length;
  char *copy;

  if (example == NULL || !g_file_get_contents (example, &contents, &length, NULL))
    return NULL;

  copy = g_build_filename (tmpdir, "example.casefile", NULL);
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return copy;
}

gboolean
window_fixture_open_example (WindowFixture *f)
{
  g_autoptr(GFile) file = NULL;

  app_test_start_gtk ();
  f->tmpdir = g_dir_make_tmp ("casefile-app-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  f->path = app_test_copy_example (f->tmpdir);
  if (f->path == NULL)
    {
      g_test_skip ("CASEFILE_EXAMPLE is not set or not readable; build data/example first");
      return FALSE;
    }

  f->window = g_object_ref_sink (cf_window_new (NULL));
  file = g_file_new_for_path (f->path);
  g_assert_true (cf_window_open_file (f->window, file));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  app_test_drain ();
  return TRUE;
}

void
window_fixture_close (WindowFixture *f)
{
  if (f->window != NULL)
    {
      cf_window_set_case (f->window, NULL);
      gtk_window_destroy (GTK_WINDOW (f->window));
      g_object_unref (f->window);
      app_test_drain ();
    }
  if (f->path != NULL)
    g_unlink (f->path);
  if (f->tmpdir != NULL)
    g_rmdir (f->tmpdir);
  g_free (f->path);
  g_free (f->tmpdir);
}

CfCase *
window_fixture_reopen (WindowFixture *f)
{
  g_autoptr(GError) error = NULL;
  CfCase *reopened;

  cf_window_set_case (f->window, NULL);
  reopened = cf_case_open (f->path, CF_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return reopened;
}

CfClaim *
window_fixture_first_claim (WindowFixture *f)
{
  GListModel *claims = cf_claims_pane_get_model (CLAIMS (f));

  g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
  return g_list_model_get_item (claims, 0);
}

GtkWidget *
app_test_find_child_of_type (GtkWidget *widget,
                             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = app_test_find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
app_test_find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

AdwMessageDialog *
app_test_find_message_dialog (void)
{
  return (AdwMessageDialog *) app_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
}
