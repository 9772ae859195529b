/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the summary brief: a GtkPrintOperation whose pages come from the core's
 * CfBrief, paginated in begin-print and drawn page by page. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-case-properties.h"
#include "cf-print-operation.h"

struct _CfPrintOperation
{
  GtkPrintOperation  parent_instance;

  CfCase            *kase;
  CfBrief           *brief;
  CfBriefOptions     options;
  GSettings         *settings;   /* NULL when the schema is not installed */
  GError            *brief_error;

  /* the "Brief" tab of the print dialog */
  GtkDropDown       *group_by_dropdown;
  GtkCheckButton    *notes_check;
  GtkDropDown       *confidence_dropdown;
};

G_DEFINE_FINAL_TYPE (CfPrintOperation, cf_print_operation, GTK_TYPE_PRINT_OPERATION)

/* What the user chose last in this session. */
static GtkPrintSettings *session_print_settings;
static GtkPageSetup *session_page_setup;

static GSettings *
brief_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "brief-group-by"))
    return NULL;
  return g_settings_new (APP_ID);
}

static void
load_options (CfPrintOperation *self)
{
  g_autofree char *group_by = NULL;
  g_autofree char *confidence = NULL;
  g_autofree char *paper = NULL;

  cf_brief_options_init (&self->options);
  if (self->settings == NULL)
    return;

  group_by = g_settings_get_string (self->settings, "brief-group-by");
  confidence = g_settings_get_string (self->settings, "brief-min-confidence");
  paper = g_settings_get_string (self->settings, "brief-paper");
  cf_brief_group_by_from_code (group_by, &self->options.group_by);
  if (!cf_confidence_from_code (confidence, &self->options.min_confidence))
    self->options.min_confidence = CF_CONFIDENCE_NONE;
  cf_brief_paper_from_code (paper, &self->options.paper);
  self->options.include_notes = g_settings_get_boolean (self->settings, "brief-include-notes");
}

static void
save_options (CfPrintOperation *self)
{
  const char *confidence = cf_confidence_to_code (self->options.min_confidence);

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "brief-group-by",
                         cf_brief_group_by_to_code (self->options.group_by));
  g_settings_set_string (self->settings, "brief-min-confidence",
                         confidence != NULL ? confidence : "none");
  g_settings_set_boolean (self->settings, "brief-include-notes", self->options.include_notes);
}

static GtkPageSetup *
page_setup_for_paper (CfBriefPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;
  double width, height;

  /* the brief's own choice of paper, so printing and `casefile-cli brief` agree */
  cf_brief_paper_get_size (paper, &width, &height);
  size = gtk_paper_size_new (width > 600 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  return setup;
}

/* --- the print operation ------------------------------------------------------------- */

static void
cf_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);
  PangoContext *pango_context;
  gboolean paginated;

  g_clear_object (&self->brief);
  g_clear_error (&self->brief_error);
  self->brief = cf_brief_new (self->kase, &self->options, &self->brief_error);
  if (self->brief == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  /* The unit is points and the page is used whole, so these are the paper's size
   * in points, as on the PDF the command line writes. */
  pango_context = gtk_print_context_create_pango_context (context);
  paginated = cf_brief_paginate (self->brief, pango_context,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context),
                                 &self->brief_error);
  g_object_unref (pango_context);
  if (!paginated)
    {
      g_clear_object (&self->brief);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) cf_brief_get_n_pages (self->brief));
}

static void
cf_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);

  g_return_if_fail (self->brief != NULL);

  cf_brief_draw_page (self->brief, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
cf_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);

  g_clear_object (&self->brief);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label_text,
         GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static void
case_properties_clicked_cb (GtkButton        *button,
                            CfPrintOperation *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  CfCaseProperties *dialog = cf_case_properties_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     self->kase);

  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
cf_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);
  const char *group_by_items[] = { _("Tag"), _("Hypothesis"), NULL };
  const char *confidence_items[] = {
    _("All claims"), _("Low or higher"), _("Moderate or higher"), _("High only"), NULL
  };
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);

  self->group_by_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (group_by_items));
  gtk_drop_down_set_selected (self->group_by_dropdown,
                              self->options.group_by == CF_BRIEF_GROUP_BY_HYPOTHESIS ? 1 : 0);
  add_row (GTK_GRID (grid), 0, _("_Group claims by"), GTK_WIDGET (self->group_by_dropdown));

  self->confidence_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (confidence_items));
  gtk_drop_down_set_selected (self->confidence_dropdown, (guint) self->options.min_confidence);
  add_row (GTK_GRID (grid), 1, _("_Claims to include"), GTK_WIDGET (self->confidence_dropdown));

  self->notes_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Include analyst _notes")));
  gtk_check_button_set_active (self->notes_check, self->options.include_notes);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->notes_check), 0, 2, 2, 1);

  /* what the first page prints about the case, editable from here */
  {
    GtkWidget *hint = gtk_label_new (_("The title, bottom line up front, marking, analyst and "
                                       "incident date come from the case properties."));
    GtkWidget *button = gtk_button_new_with_mnemonic (_("Case _Properties…"));

    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_label_set_max_width_chars (GTK_LABEL (hint), 50);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_widget_set_margin_top (hint, 12);
    gtk_grid_attach (GTK_GRID (grid), hint, 0, 3, 2, 1);
    gtk_widget_set_halign (button, GTK_ALIGN_START);
    g_signal_connect_object (button, "clicked", G_CALLBACK (case_properties_clicked_cb), self, 0);
    gtk_grid_attach (GTK_GRID (grid), button, 0, 4, 2, 1);
  }

  /* a judgment the matrix contradicts, pointed out before the brief goes out */
  {
    g_autoptr(CfAchMatrix) matrix = cf_case_build_ach (self->kase, NULL);
    g_autoptr(GPtrArray) warnings = matrix != NULL ? cf_ach_matrix_get_warnings (matrix) : NULL;

    for (guint i = 0; warnings != NULL && i < warnings->len; i++)
      {
        GtkWidget *warning = gtk_label_new (g_ptr_array_index (warnings, i));

        gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
        gtk_label_set_xalign (GTK_LABEL (warning), 0);
        gtk_label_set_max_width_chars (GTK_LABEL (warning), 50);
        gtk_widget_add_css_class (warning, "warning");
        gtk_widget_set_margin_top (warning, 12);
        gtk_widget_set_name (warning, "ach-warning");
        gtk_grid_attach (GTK_GRID (grid), warning, 0, 5 + (int) i, 2, 1);
      }
  }

  return grid;
}

static void
cf_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);
  guint confidence = gtk_drop_down_get_selected (self->confidence_dropdown);

  self->options.group_by = gtk_drop_down_get_selected (self->group_by_dropdown) == 1
                           ? CF_BRIEF_GROUP_BY_HYPOTHESIS : CF_BRIEF_GROUP_BY_TAG;
  self->options.min_confidence = confidence <= CF_CONFIDENCE_LAST ? (CfConfidence) confidence
                                                                 : CF_CONFIDENCE_NONE;
  self->options.include_notes = gtk_check_button_get_active (self->notes_check);
  save_options (self);
}

static void
cf_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&session_print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&session_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }

  /* the dialog's widgets are gone with it */
  self->group_by_dropdown = NULL;
  self->confidence_dropdown = NULL;
  self->notes_check = NULL;
}

static void
cf_print_operation_dispose (GObject *object)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (object);

  g_clear_object (&self->brief);
  g_clear_object (&self->kase);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_print_operation_parent_class)->dispose (object);
}

static void
cf_print_operation_finalize (GObject *object)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (object);

  g_clear_error (&self->brief_error);
  g_clear_pointer (&self->options.date, g_date_time_unref);

  G_OBJECT_CLASS (cf_print_operation_parent_class)->finalize (object);
}

static void
cf_print_operation_class_init (CfPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = cf_print_operation_dispose;
  object_class->finalize = cf_print_operation_finalize;

  operation_class->begin_print = cf_print_operation_begin_print;
  operation_class->draw_page = cf_print_operation_draw_page;
  operation_class->end_print = cf_print_operation_end_print;
  operation_class->create_custom_widget = cf_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = cf_print_operation_custom_widget_apply;
  operation_class->done = cf_print_operation_done;
}

static void
cf_print_operation_init (CfPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Points on the whole sheet: the brief keeps its own 20 mm margins, wider than
   * any printer's unprintable edge. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Brief"));

  self->settings = brief_settings ();
  load_options (self);
}

CfPrintOperation *
cf_print_operation_new (CfCase *kase)
{
  CfPrintOperation *self;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  const char *title;

  g_return_val_if_fail (CF_IS_CASE (kase), NULL);

  self = g_object_new (CF_TYPE_PRINT_OPERATION, NULL);
  self->kase = g_object_ref (kase);

  title = cf_case_get_info (kase, CF_CASE_FIELD_TITLE);
  if (title != NULL && *title != '\0')
    {
      /* TRANSLATORS: the print job's name; %s is the case title */
      g_autofree char *job = g_strdup_printf (_("Brief — %s"), title);

      gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job);
    }

  if (session_print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), session_print_settings);
  if (session_page_setup != NULL)
    page_setup = g_object_ref (session_page_setup);
  else
    page_setup = page_setup_for_paper (self->options.paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);

  return self;
}

void
cf_print_operation_set_options (CfPrintOperation     *self,
                                const CfBriefOptions *options)
{
  g_return_if_fail (CF_IS_PRINT_OPERATION (self));
  g_return_if_fail (options != NULL);

  g_clear_pointer (&self->options.date, g_date_time_unref);
  self->options = *options;
  if (options->date != NULL)
    self->options.date = g_date_time_ref (options->date);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print the Brief"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
release_operation_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  CfPrintOperation *self = CF_PRINT_OPERATION (operation);
  GtkWindow *parent = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (parent, error);
    }
  else if (self->brief_error != NULL)
    show_error (parent, self->brief_error);

  g_clear_object (&parent);
  /* let the emission finish before the operation goes */
  g_idle_add (release_operation_cb, operation);
}

void
cf_print_operation_run_for_window (GtkWindow *parent,
                                   CfCase    *kase)
{
  CfPrintOperation *self;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (CF_IS_CASE (kase));

  self = cf_print_operation_new (kase);
  /* the operation holds itself until "done" */
  g_signal_connect_after (self, "done", G_CALLBACK (print_done_cb),
                    parent != NULL ? g_object_ref (parent) : NULL);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    g_debug ("printing failed: %s", error->message);
}
