/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window: one case, its panes, the welcome page and the dividers' positions.
 * The window holds what the panes share, the case, the shown document
 * ("document-id") and the claim being worked on ("selected-claim"), and
 * cf-window.ui binds each pane's properties of those names to it; a pane that
 * changes one (a click on a source, a row, a highlight) changes it everywhere.
 * Actions, importing and the menu are in cf-window-actions.c. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-upgrade-dialog.h"
#include "cf-window-private.h"

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

/* Sizes used when there is no GSettings schema (uninstalled runs). They fit a
 * 1280×800 screen with room for the panel. */
#define DEFAULT_WIDTH    1240
#define DEFAULT_HEIGHT   740
#define DEFAULT_READER   500
#define DEFAULT_CLAIMS   330

enum {
  PROP_0,
  PROP_CASE,
  PROP_DOCUMENT_ID,
  PROP_SELECTED_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled build may run without the compiled schema; g_settings_new()
   * would abort there, so fall back to fixed sizes. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

static gboolean
user_value_set (GSettings  *settings,
                const char *key)
{
  g_autoptr(GVariant) value = g_settings_get_user_value (settings, key);

  return value != NULL;
}

void
cf_window_show_toast (CfWindow   *self,
                      const char *text)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_title (CfWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  if (self->kase == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Casefile"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Casefile"));
      return;
    }

  basename = g_path_get_basename (cf_case_get_path (self->kase));
  title = cf_case_get_info (self->kase, CF_CASE_FIELD_TITLE);
  if (title == NULL || *title == '\0')
    title = basename;

  if (cf_case_get_read_only (self->kase))
    /* Translators: the window subtitle: file name, then a warning. */
    subtitle = g_strdup_printf (_("%s — Read-only"), basename);
  else
    subtitle = g_strdup (basename);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
record_changed_cb (CfCase       *kase,
                   CfRecordKind  kind,
                   gint64        id,
                   CfChange      change,
                   CfWindow     *self)
{
  if (kind == CF_RECORD_CASE)
    update_title (self);
}

static void
update_actions_cb (CfWindow *self)
{
  _cf_window_update_actions (self);
}

/* --- changes from other programs ---------------------------------------------------- */

/* casefile-cli or another window may have changed the file: reload before the user
 * acts on what is shown. The case reloads its live records in place and reports
 * the ones gone, so the selection stays where its claim still exists. */
gboolean
_cf_window_check_outside_changes (CfWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL)
    return FALSE;

  if (cf_case_check_outside_changes (self->kase, &error))
    {
      update_title (self);
      _cf_window_update_actions (self);
      return TRUE;
    }
  if (error != NULL)
    cf_window_show_toast (self, error->message);
  return FALSE;
}

static void
active_changed_cb (CfWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _cf_window_check_outside_changes (self);
}

/* --- the shared selection ---------------------------------------------------------- */

void
_cf_window_set_document_id (CfWindow *self,
                            gint64    document_id)
{
  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  /* Folded over the reader, the sidebar is a place to pick a source, then read it. */
  if (adw_flap_get_folded (self->sidebar_flap))
    adw_flap_set_reveal_flap (self->sidebar_flap, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  _cf_window_update_actions (self);
}

static void
set_selected_claim (CfWindow *self,
                    CfClaim  *claim)
{
  if (!g_set_object (&self->selected_claim, claim))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
  _cf_window_update_actions (self);
}

void
_cf_window_select_claim_id (CfWindow *self,
                            gint64    claim_id)
{
  g_autoptr(CfClaim) claim = NULL;

  if (self->kase == NULL)
    return;

  claim = cf_case_get_claim (self->kase, claim_id, NULL);
  if (claim == NULL)
    return;

  /* Asked for again (a search result, say) while another source is shown. */
  if (claim == self->selected_claim)
    cf_reader_select_claim (self->reader, claim);
  else
    set_selected_claim (self, claim);
}

static void
search_hit_activated_cb (CfWindow          *self,
                         const CfSearchHit *hit)
{
  switch (hit->kind)
    {
    case CF_RECORD_CLAIM:
      _cf_window_select_claim_id (self, hit->claim_id > 0 ? hit->claim_id : hit->id);
      gtk_widget_grab_focus (GTK_WIDGET (self->reader));
      break;

    case CF_RECORD_NOTE:
      if (hit->claim_id > 0)
        {
          _cf_window_select_claim_id (self, hit->claim_id);
          gtk_widget_grab_focus (GTK_WIDGET (self->inspector));
        }
      else
        {
          if (hit->document_id > 0)
            _cf_window_set_document_id (self, hit->document_id);
          gtk_stack_set_visible_child_name (self->sidebar_stack, "notes");
        }
      break;

    case CF_RECORD_HYPOTHESIS:
      gtk_stack_set_visible_child_name (self->sidebar_stack, "hypotheses");
      break;

    case CF_RECORD_TAG:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.manage-tags", NULL);
      break;

    case CF_RECORD_DOCUMENT:
    default:
      if (hit->start >= 0 && hit->end >= hit->start)
        cf_reader_select_range (self->reader, hit->document_id, hit->start, hit->end);
      else
        _cf_window_set_document_id (self, hit->document_id);
      gtk_widget_grab_focus (GTK_WIDGET (self->reader));
      break;
    }
}

/* --- the case ---------------------------------------------------------------------- */

static void
add_to_recent (CfWindow *self)
{
  CfCase *kase = self->kase;
  g_autoptr(GFile) file = g_file_new_for_path (cf_case_get_path (kase));
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-casefile",
    .app_name = (char *) "Casefile",
    .app_exec = (char *) "casefile %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  /* Recent files belong to the application; a window without one (tests, the
   * benchmark) leaves the user's list alone. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
cf_window_set_case (CfWindow *self,
                    CfCase   *kase)
{
  g_autoptr(CfCase) old = NULL;

  g_return_if_fail (CF_IS_WINDOW (self));
  g_return_if_fail (kase == NULL || CF_IS_CASE (kase));

  if (self->kase == kase)
    return;

  _cf_window_cancel_import (self);
  if (self->kase != NULL)
    cf_inspector_commit (self->inspector);

  /* The selection belongs to the old case: clear it while the panes still show it. */
  set_selected_claim (self, NULL);
  _cf_window_set_document_id (self, 0);

  old = g_steal_pointer (&self->kase);
  self->kase = kase != NULL ? g_object_ref (kase) : NULL;
  g_signal_group_set_target (self->case_signals, kase);
  /* Every pane follows through its binding to "case". */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);

  if (old != NULL)
    cf_case_close (old);

  if (kase != NULL)
    {
      GListModel *documents;

      add_to_recent (self);
      gtk_stack_set_visible_child_name (self->stack, "case");

      documents = cf_sources_pane_get_model (self->sources_pane);
      if (documents != NULL && g_list_model_get_n_items (documents) > 0)
        {
          g_autoptr(CfDocument) first = g_list_model_get_item (documents, 0);
          _cf_window_set_document_id (self, cf_document_get_id (first));
        }
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "welcome");

  update_title (self);
  _cf_window_update_actions (self);
}

void
_cf_window_case_moved (CfWindow *self)
{
  add_to_recent (self);
  update_title (self);
}

CfCase *
cf_window_get_case (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return self->kase;
}

gboolean
cf_window_open_file (CfWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);

  /* a big file that needs the full check: checked in a worker (cf-open-progress.c) */
  if (path != NULL && _cf_window_open_in_background (self, file))
    return TRUE;

  if (path == NULL)
    g_set_error (&error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_FOUND,
                 _("Only case files on this computer can be opened. Copy the file to a local folder first."));
  else
    kase = cf_case_open (path, CF_CASE_OPEN_DEFAULT, &error);

  /* an older format: ask, and open once it is upgraded */
  if (g_error_matches (error, CF_CASE_ERROR, CF_CASE_ERROR_NEEDS_UPGRADE))
    {
      cf_upgrade_dialog_present (self, file);
      return FALSE;
    }
  if (kase == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      cf_show_error (GTK_WIDGET (self), heading, error);
      return FALSE;
    }

  cf_window_set_case (self, kase);
  return TRUE;
}

GtkWidget *
cf_window_get_pane (CfWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  if (g_str_equal (name, "sources"))
    return GTK_WIDGET (self->sources_pane);
  if (g_str_equal (name, "reader"))
    return GTK_WIDGET (self->reader);
  if (g_str_equal (name, "claims"))
    return GTK_WIDGET (self->claims_pane);
  if (g_str_equal (name, "inspector"))
    return GTK_WIDGET (self->inspector);
  if (g_str_equal (name, "notes"))
    return GTK_WIDGET (self->notes_pane);
  if (g_str_equal (name, "hypotheses"))
    return GTK_WIDGET (self->hypotheses_pane);
  /* the matrix has a window of its own (win.show-matrix); NULL until it is shown */
  if (g_str_equal (name, "ach"))
    return g_object_get_data (G_OBJECT (self), "cf-ach-pane");
  /* the timeline has a window of its own (win.show-timeline); NULL until it is shown */
  if (g_str_equal (name, "timeline"))
    return g_object_get_data (G_OBJECT (self), "cf-timeline-pane");
  if (g_str_equal (name, "search"))
    return GTK_WIDGET (self->search_popover);
  if (g_str_equal (name, "stack"))
    return GTK_WIDGET (self->stack);
  /* the AdwFlap holding sources, notes and hypotheses */
  if (g_str_equal (name, "sidebar"))
    return GTK_WIDGET (self->sidebar_flap);
  return NULL;
}

/* --- welcome page ------------------------------------------------------------------- */

static void
recent_row_activated_cb (GtkListBox    *list_box,
                         GtkListBoxRow *row,
                         CfWindow      *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "cf-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  cf_window_open_file (self, file);
}

static void
update_recent (CfWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL && n < 5; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autofree char *dir = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".casefile") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      if (path == NULL)
        continue;
      dir = g_path_get_dirname (path);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "cf-uri", g_strdup (uri), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (self->recent_group, n > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
update_recent_menu (CfWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".casefile") || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* --- focus between panes -------------------------------------------------------------- */

static GtkWidget *
pane_widget (CfWindow *self,
             int       index)
{
  switch (index)
    {
    case 0: return GTK_WIDGET (self->sources_pane);
    case 1: return GTK_WIDGET (self->reader);
    case 2: return GTK_WIDGET (self->claims_pane);
    case 3: return GTK_WIDGET (self->inspector);
    default: return NULL;
    }
}

static int
focused_pane (CfWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *panes[] = {
    gtk_widget_get_parent (GTK_WIDGET (self->sidebar_stack)),
    GTK_WIDGET (self->reader),
    GTK_WIDGET (self->claims_pane),
    GTK_WIDGET (self->inspector),
  };

  for (guint i = 0; focus != NULL && i < G_N_ELEMENTS (panes); i++)
    if (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i]))
      return i;
  return -1;
}

static void
focus_pane (CfWindow *self,
            int       index)
{
  GtkWidget *widget;

  if (self->kase == NULL)
    return;

  if (index == 0)
    {
      const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);

      adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
      if (g_strcmp0 (page, "sources") == 0)
        widget = GTK_WIDGET (self->sources_pane);
      else
        widget = gtk_stack_get_visible_child (self->sidebar_stack);
    }
  else if (index == 3 && self->selected_claim != NULL)
    {
      cf_inspector_focus_rating (self->inspector);
      return;
    }
  else
    widget = pane_widget (self, index);

  if (widget != NULL && !gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  int n = 4;
  int current = focused_pane (self);
  int next;

  if (g_str_equal (action_name, "win.focus-pane"))
    {
      focus_pane (self, g_variant_get_int32 (parameter));
      return;
    }

  next = g_str_equal (action_name, "win.next-pane") ? (current + 1) % n
                                                     : (current <= 0 ? n - 1 : current - 1);
  /* F6 goes round the panes in view; a hidden sidebar stays hidden (Ctrl+1 shows it) */
  if (next == 0 && !adw_flap_get_reveal_flap (self->sidebar_flap))
    next = g_str_equal (action_name, "win.next-pane") ? 1 : n - 1;
  focus_pane (self, next);
}

/* --- life cycle ------------------------------------------------------------------------ */

static void
stop_import_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CfWindow         *self)
{
  if (g_strcmp0 (response, "stop") != 0)
    return;
  _cf_window_cancel_import (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* Closing (or quitting) stops a running import, which then adds nothing: ask. */
static gboolean
ask_to_stop_import (CfWindow *self)
{
  AdwMessageDialog *dialog;

  if (!_cf_window_is_importing (self))
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Stop the Import?"),
                                                       _("The import is not finished. Closing the "
                                                         "window stops it and adds none of its "
                                                         "sources; the case stays as it was "
                                                         "before the import.")));
  adw_message_dialog_add_responses (dialog, "continue", _("_Continue Importing"),
                                    "stop", _("_Stop and Close"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
cf_window_close_request (GtkWindow *window)
{
  CfWindow *self = CF_WINDOW (window);

  if (ask_to_stop_import (self))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  cf_window_set_case (self, NULL);

  return GTK_WINDOW_CLASS (cf_window_parent_class)->close_request (window);
}

static void
cf_window_constructed (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  G_OBJECT_CLASS (cf_window_parent_class)->constructed (object);

  /* Only an application's windows list the user's recent cases. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                               G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                               G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
      update_recent (self);
      update_recent_menu (self);
    }
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  if (self->kase != NULL)
    cf_window_set_case (self, NULL);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);
  g_clear_object (&self->selected_claim);
  g_clear_object (&self->case_signals);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      _cf_window_set_document_id (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTED_CLAIM:
      set_selected_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cf_window_constructed;
  object_class->dispose = cf_window_dispose;
  object_class->get_property = cf_window_get_property;
  object_class->set_property = cf_window_set_property;
  window_class->close_request = cf_window_close_request;

  /* Set with cf_window_set_case(), which also closes the old case. */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The source the reader shows and the sources list selects; 0 for none. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The claim in the inspector, selected in the table and underlined in the reader. */
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_object ("selected-claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CF_TYPE_SOURCES_PANE);
  g_type_ensure (CF_TYPE_NOTES_PANE);
  g_type_ensure (CF_TYPE_HYPOTHESES_PANE);
  g_type_ensure (CF_TYPE_READER);
  g_type_ensure (CF_TYPE_CLAIMS_PANE);
  g_type_ensure (CF_TYPE_INSPECTOR);
  g_type_ensure (CF_TYPE_SEARCH_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sources_pane);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, notes_pane);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, hypotheses_pane);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, claims_pane);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, mark_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions_cb);

  gtk_widget_class_install_action (widget_class, "win.focus-pane", "i", focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, focus_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.previous-pane", NULL);
  for (int i = 0; i < 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.focus-pane", "i", i);

  _cf_window_class_actions_init (widget_class);
}

static void
cf_window_init (CfWindow *self)
{
  int reader = DEFAULT_READER, claims = DEFAULT_CLAIMS;

  /* Before the template: its bindings read the window's properties. */
  self->case_signals = g_signal_group_new (CF_TYPE_CASE);
  g_signal_group_connect (self->case_signals, "record-changed", G_CALLBACK (record_changed_cb), self);
  g_signal_group_connect_swapped (self->case_signals, "records-changed", G_CALLBACK (update_actions_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_primary (self->primary_menu_button, TRUE);
  _cf_window_setup_drop (self);

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      /* Until the user moves the dividers, split the window so the claims table
       * gets its columns: the schema's defaults assume a wider screen. */
      if (user_value_set (self->settings, "claims-pane-position"))
        reader = g_settings_get_int (self->settings, "claims-pane-position");
      else
        reader = MAX (DEFAULT_READER - (DEFAULT_WIDTH - g_settings_get_int (self->settings, "window-width")), 360);
      claims = g_settings_get_int (self->settings, "inspector-pane-position");
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), DEFAULT_WIDTH, DEFAULT_HEIGHT);

  gtk_paned_set_position (self->main_paned, reader);
  gtk_paned_set_position (self->side_paned, claims);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "claims-pane-position", self->main_paned, "position",
                       G_SETTINGS_BIND_SET);
      g_settings_bind (self->settings, "inspector-pane-position", self->side_paned, "position",
                       G_SETTINGS_BIND_SET);
    }

  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);

  gtk_widget_set_visible (self->recent_group, FALSE);
  update_title (self);
  _cf_window_update_actions (self);
}

CfWindow *
cf_window_new (AdwApplication *application)
{
  return g_object_new (CF_TYPE_WINDOW, "application", application, NULL);
}
