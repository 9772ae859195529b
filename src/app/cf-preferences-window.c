/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window: every row is bound to GSettings, so a change is saved at
 * once and there is no Apply button; the schema's string choices map to combo
 * rows through a small table. */
#define G_LOG_DOMAIN "casefile-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-preferences-window.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwEntryRow *analyst_row;
  AdwEntryRow *marking_row;
  AdwComboRow *group_by_row;
  AdwComboRow *min_confidence_row;
  AdwComboRow *paper_row;
  GtkSwitch   *include_notes_switch;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The schema's choices in the order the combo rows' models list them (see the
 * .ui file); a combo row's "selected" is an index into these. */
static const char * const group_by_choices[] = { "tag", "hypothesis", NULL };
static const char * const min_confidence_choices[] = { "none", "low", "moderate", "high", NULL };
static const char * const paper_choices[] = { "auto", "a4", "letter", NULL };

static gboolean
choice_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], choice))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
index_to_choice (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  const char * const *choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[index]);
}

static void
bind_choice (CfPreferencesWindow *self,
             const char          *key,
             AdwComboRow         *row,
             const char * const  *choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_to_index, index_to_choice,
                                (gpointer) choices, NULL);
}

static void
cf_preferences_window_constructed (GObject *object)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "analyst-name", self->analyst_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-marking", self->marking_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "brief-include-notes", self->include_notes_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  bind_choice (self, "brief-group-by", self->group_by_row, group_by_choices);
  bind_choice (self, "brief-min-confidence", self->min_confidence_row, min_confidence_choices);
  bind_choice (self, "brief-paper", self->paper_row, paper_choices);
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_preferences_window_constructed;
  object_class->dispose = cf_preferences_window_dispose;
  object_class->get_property = cf_preferences_window_get_property;
  object_class->set_property = cf_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casefile/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, analyst_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, marking_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, group_by_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, min_confidence_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, include_notes_switch);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       NULL);
}

GSettings *
cf_preferences_window_get_settings (CfPreferencesWindow *self)
{
  g_return_val_if_fail (CF_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}

void
cf_preferences_apply_to_new_case (CfCase *kase)
{
  static const struct {
    const char  *key;
    CfCaseField  field;
  } keys[] = {
    { "analyst-name", CF_CASE_FIELD_ANALYST },
    { "default-marking", CF_CASE_FIELD_MARKING },
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_return_if_fail (CF_IS_CASE (kase));

  /* An uninstalled build may run without the compiled schema. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new (APP_ID);

  cf_case_set_undo_enabled (kase, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = g_strstrip (g_settings_get_string (settings, keys[i].key));
      g_autoptr(GError) error = NULL;

      if (*value != '\0' && !cf_case_set_info (kase, keys[i].field, value, &error))
        g_warning ("Could not set the %s of the new case: %s",
                   cf_case_field_to_name (keys[i].field), error->message);
    }
  cf_case_set_undo_enabled (kase, TRUE);
}
