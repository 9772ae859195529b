/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: its actions (new, open, the example case, preferences, about,
 * quit) and which window shows a case, so that one file is never open twice. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-about.h"
#include "cf-app-util.h"
#include "cf-application.h"
#include "cf-preferences-window.h"
#include "cf-window.h"

struct _CfApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static gboolean
have_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL;
}

char *
cf_application_find_example (void)
{
  const char *env = g_getenv ("CASEFILE_EXAMPLE");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "example.casefile", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  if (g_file_test (CF_BUILD_EXAMPLE, G_FILE_TEST_IS_REGULAR))
    return g_strdup (CF_BUILD_EXAMPLE);
  return NULL;
}

static CfWindow *
find_window_for_path (CfApplication *self,
                      const char    *path,
                      gboolean       empty_ok)
{
  g_autoptr(GFile) wanted = path != NULL ? g_file_new_for_path (path) : NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CfCase *kase;

      if (!CF_IS_WINDOW (l->data))
        continue;
      kase = cf_window_get_case (l->data);
      if (kase == NULL)
        {
          if (empty_ok)
            return l->data;
          continue;
        }
      if (wanted != NULL)
        {
          g_autoptr(GFile) shown = g_file_new_for_path (cf_case_get_path (kase));

          if (g_file_equal (shown, wanted))
            return l->data;
        }
    }

  return NULL;
}

static CfWindow *
window_for_new_case (CfApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CfWindow *window;

  if (CF_IS_WINDOW (active) && cf_window_get_case (CF_WINDOW (active)) == NULL)
    return CF_WINDOW (active);
  window = find_window_for_path (self, NULL, TRUE);
  if (window != NULL)
    return window;
  return cf_window_new (ADW_APPLICATION (self));
}

GtkWindow *
cf_application_open_case_file (CfApplication *self,
                               GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  CfWindow *window;

  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  window = path != NULL ? find_window_for_path (self, path, FALSE) : NULL;
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  /* Open before showing a new window, so it does not flash the welcome page. */
  window = window_for_new_case (self);
  if (!cf_window_open_file (window, file))
    {
      gtk_window_present (GTK_WINDOW (window));
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* --- actions ---------------------------------------------------------------------- */

static GtkWindow *
parent_window (CfApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CfApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          cf_application_open_case_file (self, file);
        }
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
case_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case Files"));
  gtk_file_filter_add_mime_type (filter, "application/x-casefile");
  gtk_file_filter_add_suffix (filter, "casefile");
  return filter;
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CfApplication *self = user_data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = case_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Case"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cf_application_open_case_file (user_data, file);
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CfApplication *self = user_data;
  g_autofree char *example = cf_application_find_example ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "casefile", NULL);
  g_autofree char *copy = g_build_filename (dir, "Example Case.casefile", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  if (example == NULL)
    {
      g_set_error_literal (&error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_FOUND,
                           _("The example case is not installed. Reinstall Casefile, or set CASEFILE_EXAMPLE to its path."));
      cf_show_error (GTK_WIDGET (parent_window (self)), _("No Example Case"), error);
      return;
    }

  /* Work in a copy so the user can try everything; keep it between sessions. */
  source = g_file_new_for_path (example);
  target = g_file_new_for_path (copy);
  if (!g_file_test (copy, G_FILE_TEST_EXISTS))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
          cf_show_error (GTK_WIDGET (parent_window (self)), _("Could Not Copy the Example Case"), error);
          return;
        }
    }

  cf_application_open_case_file (self, target);
}

typedef struct
{
  CfApplication *app;
  GtkEntry      *entry;
} NewCaseData;

static void
new_case_data_free (NewCaseData *data)
{
  g_clear_object (&data->app);
  g_free (data);
}

static void
new_case_data_free_closure (gpointer  data,
                            GClosure *closure)
{
  new_case_data_free (data);
}

static void
new_case_chooser_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  CfApplication *self = CF_APPLICATION (g_object_get_data (G_OBJECT (chooser), "cf-app"));
  const char *title = g_object_get_data (G_OBJECT (chooser), "cf-title");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCase) kase = NULL;
      CfWindow *window;

      if (path != NULL && !g_str_has_suffix (path, ".casefile"))
        {
          char *with_suffix = g_strconcat (path, ".casefile", NULL);
          g_free (path);
          path = with_suffix;
        }

      /* The chooser already asked whether to replace an existing file. */
      if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Could not replace “%s”: %s"), path, g_strerror (errno));
      else if (path == NULL)
        g_set_error_literal (&error, CF_CASE_ERROR, CF_CASE_ERROR_FAILED,
                             _("Choose a folder on this computer."));
      else if ((kase = cf_case_create (path, title, &error)) != NULL)
        cf_preferences_apply_to_new_case (kase);

      if (kase == NULL)
        cf_show_error (GTK_WIDGET (parent_window (self)), _("Could Not Create the Case"), error);
      else
        {
          window = window_for_new_case (self);
          cf_window_set_case (window, kase);
          gtk_window_present (GTK_WINDOW (window));
        }
    }

  g_object_unref (chooser);
}

static void
new_case_title_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   NewCaseData      *data)
{
  CfApplication *self = data->app;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (g_strcmp0 (response, "create") != 0)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled Case"));
    }
  /* A file name from the title, without characters file systems refuse. */
  name = g_strconcat (g_strdelimit (g_strdup (title), "/\\:*?\"<>|", '-'), ".casefile", NULL);

  chooser = gtk_file_chooser_native_new (_("Save New Case"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = case_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_object_set_data_full (G_OBJECT (chooser), "cf-app", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (chooser), "cf-title", g_steal_pointer (&title), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (new_case_chooser_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  CfApplication *self = user_data;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  NewCaseData *data;

  if (parent_window (self) == NULL)
    gtk_window_present (GTK_WINDOW (cf_window_new (ADW_APPLICATION (self))));

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example: Drone strike on the ministry"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case title"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("New Case"),
                                                       _("What is the case about? Next, choose where to keep the case file.")));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_ontinue"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (NewCaseData, 1);
  data->app = g_object_ref (self);
  data->entry = GTK_ENTRY (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_case_title_cb), data,
                         new_case_data_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cf_preferences_window_new (parent_window (user_data), NULL)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  cf_show_about_window (parent_window (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing commits what is being typed and closes each case cleanly. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "open-example", open_example_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* --- GApplication ------------------------------------------------------------------------ */

static void
cf_application_startup (GApplication *application)
{
  CfApplication *self = CF_APPLICATION (application);

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                               have_schema ());

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", (const char *[]) { "<Control>comma", NULL });
}

static void
cf_application_activate (GApplication *application)
{
  CfApplication *self = CF_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cf_window_new (ADW_APPLICATION (self)));
  gtk_window_present (window);
}

static void
cf_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CfApplication *self = CF_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    cf_application_open_case_file (self, files[i]);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = cf_application_startup;
  app_class->activate = cf_application_activate;
  app_class->open = cf_application_open;
}

static void
cf_application_init (CfApplication *self)
{
}

CfApplication *
cf_application_new (void)
{
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Casefile",
                       NULL);
}
