/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The source properties dialog: what the brief's source list says about a source
 * (title, byline, publisher, address, publication date, language, and the date a saved
 * page or archived response was captured). A pasted text or
 * a .txt file comes in with a title at most; this is where the rest is filled in.
 * Only the fields the user changed are written, in one undoable action. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-source-properties.h"

#define N_FIELDS (CF_DOCUMENT_FIELD_CAPTURED + 1)

struct _CfSourceProperties
{
  AdwWindow    parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *byline_row;
  AdwEntryRow *publisher_row;
  AdwEntryRow *url_row;
  AdwEntryRow *published_row;
  AdwEntryRow *language_row;
  AdwEntryRow *captured_row;
  GtkLabel    *date_error;
  GtkLabel    *captured_error;

  CfCase      *kase;
  gint64       document_id;
  char        *shown[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CfSourceProperties, cf_source_properties, ADW_TYPE_WINDOW)

GtkEditable *
cf_source_properties_get_field (CfSourceProperties *self,
                                CfDocumentField     field)
{
  AdwEntryRow *rows[N_FIELDS] = {
    self->title_row, self->byline_row, self->publisher_row,
    self->url_row, self->published_row, self->language_row, self->captured_row,
  };

  g_return_val_if_fail (CF_IS_SOURCE_PROPERTIES (self), NULL);
  g_return_val_if_fail ((guint) field < N_FIELDS, NULL);

  return GTK_EDITABLE (rows[field]);
}

static gboolean
is_date_field (guint field)
{
  return field == CF_DOCUMENT_FIELD_PUBLISHED || field == CF_DOCUMENT_FIELD_CAPTURED;
}

/* A date row's text: the locale's style for a day, and a date with its time as
 * stored (the locale's style would drop the time). */
static char *
format_date (const char *iso)
{
  if (iso != NULL && strchr (iso, 'T') != NULL)
    return g_strdup (iso);
  return cf_date_format_local (iso);
}

/* Whether the date row @row reads as a date, shown on it and by @message. */
static gboolean
validate_date (AdwEntryRow *row,
               GtkLabel    *message)
{
  g_autofree char *iso = cf_date_parse_input (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_widget_set_visible (GTK_WIDGET (message), iso == NULL);
  if (iso != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return iso != NULL;
}

static void
validate_cb (CfSourceProperties *self)
{
  gboolean writable = self->kase != NULL && !cf_case_get_read_only (self->kase);
  gboolean published = validate_date (self->published_row, self->date_error);
  gboolean captured = validate_date (self->captured_row, self->captured_error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.apply", writable && published && captured);
}

gboolean
cf_source_properties_apply (CfSourceProperties *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (N_FIELDS, g_free);
  gboolean changed = FALSE;

  g_return_val_if_fail (CF_IS_SOURCE_PROPERTIES (self), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (cf_source_properties_get_field (self, i));
      char *value = NULL;

      if (g_strcmp0 (text, self->shown[i]) != 0)
        {
          value = is_date_field (i) ? cf_date_parse_input (text) : g_strstrip (g_strdup (text));
          if (value == NULL)
            {
              GtkLabel *why = i == CF_DOCUMENT_FIELD_CAPTURED ? self->captured_error : self->date_error;

              g_set_error_literal (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, gtk_label_get_label (why));
              return FALSE;
            }
          changed = TRUE;
        }
      g_ptr_array_add (values, value);
    }

  if (changed)
    {
      gboolean ok = TRUE;

      cf_case_begin_action (self->kase, _("Edit the source properties"));
      for (guint i = 0; ok && i < N_FIELDS; i++)
        if (g_ptr_array_index (values, i) != NULL)
          ok = cf_case_set_document_field (self->kase, self->document_id, i,
                                           g_ptr_array_index (values, i), error);
      if (!ok)
        {
          cf_case_cancel_action (self->kase);
          return FALSE;
        }
      if (!cf_case_end_action (self->kase, error))
        return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!cf_source_properties_apply (CF_SOURCE_PROPERTIES (widget), &error))
    cf_show_error (widget, _("Could Not Change the Source"), error);
}

static void
cf_source_properties_dispose (GObject *object)
{
  CfSourceProperties *self = CF_SOURCE_PROPERTIES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_SOURCE_PROPERTIES);
  g_clear_object (&self->kase);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->shown[i], g_free);

  G_OBJECT_CLASS (cf_source_properties_parent_class)->dispose (object);
}

static void
cf_source_properties_class_init (CfSourcePropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_source_properties_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-source-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, title_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, byline_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, url_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, published_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, language_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, captured_row);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, date_error);
  gtk_widget_class_bind_template_child (widget_class, CfSourceProperties, captured_error);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_install_action (widget_class, "source.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "source.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "source.apply", NULL);
}

static void
cf_source_properties_init (CfSourceProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_entry_row_add_suffix (self->published_row,
                            cf_date_picker_button_new (GTK_EDITABLE (self->published_row)));
  adw_entry_row_add_suffix (self->captured_row,
                            cf_date_picker_button_new (GTK_EDITABLE (self->captured_row)));
}

CfSourceProperties *
cf_source_properties_new (GtkWindow  *parent,
                          CfCase     *kase,
                          gint64      document_id,
                          GError    **error)
{
  g_autoptr(CfDocument) document = NULL;
  CfSourceProperties *self;
  const char *values[N_FIELDS];

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CF_IS_CASE (kase), NULL);

  document = cf_case_get_document (kase, document_id, error);
  if (document == NULL)
    return NULL;

  values[CF_DOCUMENT_FIELD_TITLE] = cf_document_get_title (document);
  values[CF_DOCUMENT_FIELD_BYLINE] = cf_document_get_byline (document);
  values[CF_DOCUMENT_FIELD_PUBLISHER] = cf_document_get_publisher (document);
  values[CF_DOCUMENT_FIELD_URL] = cf_document_get_url (document);
  values[CF_DOCUMENT_FIELD_PUBLISHED] = cf_document_get_published (document);
  values[CF_DOCUMENT_FIELD_LANGUAGE] = cf_document_get_language (document);
  values[CF_DOCUMENT_FIELD_CAPTURED] = cf_document_get_captured (document);

  self = g_object_new (CF_TYPE_SOURCE_PROPERTIES, "transient-for", parent, NULL);
  self->kase = g_object_ref (kase);
  self->document_id = document_id;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->shown[i] = is_date_field (i) ? format_date (values[i]) : g_strdup (values[i] ?: "");
      gtk_editable_set_text (cf_source_properties_get_field (self, i), self->shown[i]);
    }
  validate_cb (self);

  return self;
}
