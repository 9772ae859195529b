/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case properties dialog: the fields of the case itself that the brief prints
 * on its first page (title, bottom line up front, handling marking, analyst,
 * incident date), so that a case made in the window alone prints a complete brief,
 * and the incident's time zone and the time precision its claims need (the
 * timeline's). 
 * Only the fields the user changed are written, all in one undoable action; dates
 * are typed and shown in the locale's style and stored as ISO 8601. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-case-properties.h"
#include "cf-case-timeline.h"

#define N_FIELDS (CF_CASE_FIELD_ANALYST + 1)

struct _CfCaseProperties
{
  AdwWindow    parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *analyst_row;
  AdwEntryRow *marking_row;
  AdwEntryRow *date_row;
  GtkLabel    *date_error;
  GtkTextView *summary_view;
  AdwEntryRow *timezone_row;
  GtkLabel    *timezone_error;
  AdwComboRow *precision_row;

  CfCase      *kase;
  char        *shown[N_FIELDS];   /* each field as the dialog first showed it */
  char        *shown_timezone;
  guint        shown_precision;   /* 0: none, else CfPrecision + 1 */
};

G_DEFINE_FINAL_TYPE (CfCaseProperties, cf_case_properties, ADW_TYPE_WINDOW)

GtkWidget *
cf_case_properties_get_field (CfCaseProperties *self,
                              CfCaseField       field)
{
  g_return_val_if_fail (CF_IS_CASE_PROPERTIES (self), NULL);

  switch (field)
    {
    case CF_CASE_FIELD_TITLE:         return GTK_WIDGET (self->title_row);
    case CF_CASE_FIELD_SUMMARY:       return GTK_WIDGET (self->summary_view);
    case CF_CASE_FIELD_INCIDENT_DATE: return GTK_WIDGET (self->date_row);
    case CF_CASE_FIELD_MARKING:       return GTK_WIDGET (self->marking_row);
    case CF_CASE_FIELD_ANALYST:       return GTK_WIDGET (self->analyst_row);
    default:                          g_return_val_if_reached (NULL);
    }
}

GtkWidget *
cf_case_properties_get_timezone_row (CfCaseProperties *self)
{
  g_return_val_if_fail (CF_IS_CASE_PROPERTIES (self), NULL);
  return GTK_WIDGET (self->timezone_row);
}

GtkWidget *
cf_case_properties_get_precision_row (CfCaseProperties *self)
{
  g_return_val_if_fail (CF_IS_CASE_PROPERTIES (self), NULL);
  return GTK_WIDGET (self->precision_row);
}

/* The zone typed, stripped; "" for none; NULL when it is no zone GLib knows. */
static char *
typed_timezone (CfCaseProperties *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->timezone_row))));
  g_autoptr(GTimeZone) zone = NULL;

  if (*text == '\0')
    return g_steal_pointer (&text);
  zone = g_time_zone_new_identifier (text);
  return zone != NULL ? g_steal_pointer (&text) : NULL;
}

static char *
field_text (CfCaseProperties *self,
            CfCaseField       field)
{
  GtkWidget *widget = cf_case_properties_get_field (self, field);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
validate_cb (CfCaseProperties *self)
{
  g_autofree char *iso = cf_date_parse_input (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_autofree char *zone = typed_timezone (self);

  gtk_widget_set_visible (GTK_WIDGET (self->date_error), iso == NULL);
  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->timezone_error), zone == NULL);
  if (zone == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->timezone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timezone_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "properties.apply",
                                 iso != NULL && zone != NULL
                                 && self->kase != NULL && !cf_case_get_read_only (self->kase));
}

gboolean
cf_case_properties_apply (CfCaseProperties *self,
                          GError          **error)
{
  char *values[N_FIELDS] = { NULL };
  g_autofree char *zone = NULL;
  guint precision;
  gboolean zone_changed, precision_changed;
  gboolean changed = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (CF_IS_CASE_PROPERTIES (self), FALSE);

  zone = typed_timezone (self);
  if (zone == NULL)
    {
      g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                           gtk_label_get_label (self->timezone_error));
      return FALSE;
    }
  zone_changed = g_strcmp0 (zone, self->shown_timezone) != 0;
  precision = adw_combo_row_get_selected (self->precision_row);
  precision_changed = precision != self->shown_precision && precision <= CF_PRECISION_LAST + 1;
  changed = zone_changed || precision_changed;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      char *text = field_text (self, i);

      if (g_strcmp0 (text, self->shown[i]) == 0)
        {
          g_free (text);
          continue;
        }
      if (i == CF_CASE_FIELD_INCIDENT_DATE)
        {
          values[i] = cf_date_parse_input (text);
          g_free (text);
          if (values[i] == NULL)
            {
              g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                                   gtk_label_get_label (self->date_error));
              ok = FALSE;
              break;
            }
        }
      else
        values[i] = g_strstrip (text);
      changed = TRUE;
    }

  if (ok && changed)
    {
      cf_case_begin_action (self->kase, _("Edit the case properties"));
      for (guint i = 0; ok && i < N_FIELDS; i++)
        if (values[i] != NULL)
          ok = cf_case_set_info (self->kase, i, values[i], error);
      if (ok && zone_changed)
        ok = cf_case_set_timezone (self->kase, *zone != '\0' ? zone : NULL, error);
      if (ok && precision_changed)
        {
          CfPrecision p = precision > 0 ? (CfPrecision) (precision - 1) : CF_PRECISION_MINUTE;

          ok = cf_case_set_required_precision (self->kase, precision > 0 ? &p : NULL, error);
        }
      if (ok)
        ok = cf_case_end_action (self->kase, error);
      else
        cf_case_cancel_action (self->kase);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (values[i]);
  if (ok)
    gtk_window_close (GTK_WINDOW (self));
  return ok;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!cf_case_properties_apply (CF_CASE_PROPERTIES (widget), &error))
    cf_show_error (widget, _("Could Not Change the Case"), error);
}

static void
marking_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfCaseProperties *self = CF_CASE_PROPERTIES (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->marking_row), g_variant_get_string (parameter, NULL));
}

static void
cf_case_properties_dispose (GObject *object)
{
  CfCaseProperties *self = CF_CASE_PROPERTIES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CASE_PROPERTIES);
  g_clear_object (&self->kase);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->shown[i], g_free);
  g_clear_pointer (&self->shown_timezone, g_free);

  G_OBJECT_CLASS (cf_case_properties_parent_class)->dispose (object);
}

static void
cf_case_properties_class_init (CfCasePropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_case_properties_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-case-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, title_row);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, analyst_row);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, marking_row);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, date_row);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, date_error);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, summary_view);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, timezone_error);
  gtk_widget_class_bind_template_child (widget_class, CfCaseProperties, precision_row);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_install_action (widget_class, "properties.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "properties.marking", "s", marking_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "properties.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "properties.apply", NULL);
}

static void
cf_case_properties_init (CfCaseProperties *self)
{
  g_autoptr(GtkStringList) precisions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_entry_row_add_suffix (self->date_row, cf_date_picker_button_new (GTK_EDITABLE (self->date_row)));
  /* TRANSLATORS: no required precision for the claims' times */
  gtk_string_list_append (precisions, C_("precision", "None"));
  for (CfPrecision p = CF_PRECISION_MINUTE; p <= CF_PRECISION_LAST; p++)
    gtk_string_list_append (precisions, cf_precision_get_label (p));
  adw_combo_row_set_model (self->precision_row, G_LIST_MODEL (precisions));
}

CfCaseProperties *
cf_case_properties_new (GtkWindow *parent,
                        CfCase    *kase)
{
  CfCaseProperties *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CF_IS_CASE (kase), NULL);

  self = g_object_new (CF_TYPE_CASE_PROPERTIES, "transient-for", parent, NULL);
  self->kase = g_object_ref (kase);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *value = cf_case_get_info (kase, i);

      self->shown[i] = i == CF_CASE_FIELD_INCIDENT_DATE ? cf_date_format_local (value)
                                                        : g_strdup (value);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->shown[CF_CASE_FIELD_TITLE]);
  gtk_editable_set_text (GTK_EDITABLE (self->analyst_row), self->shown[CF_CASE_FIELD_ANALYST]);
  gtk_editable_set_text (GTK_EDITABLE (self->marking_row), self->shown[CF_CASE_FIELD_MARKING]);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->shown[CF_CASE_FIELD_INCIDENT_DATE]);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            self->shown[CF_CASE_FIELD_SUMMARY], -1);
  {
    g_autofree char *zone = cf_case_dup_timezone (kase);
    CfPrecision precision;

    self->shown_timezone = g_strdup (zone != NULL ? zone : "");
    self->shown_precision = cf_case_get_required_precision (kase, &precision) ? precision + 1 : 0;
  }
  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row), self->shown_timezone);
  adw_combo_row_set_selected (self->precision_row, self->shown_precision);
  validate_cb (self);

  return self;
}
