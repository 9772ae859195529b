/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The competing hypotheses of the case ("case" is bound to the window's), each
 * edited in a dialog: title, description, likelihood and confidence. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-hypotheses-pane.h"

struct _CfHypothesesPane
{
  GtkBox      parent_instance;

  GtkListBox *list_box;

  CfCase     *kase;
  GListModel *hypotheses;
};

G_DEFINE_FINAL_TYPE (CfHypothesesPane, cf_hypotheses_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CfHypothesesPane *pane;
  CfHypothesis     *hypothesis;  /* NULL for a new one */
  GtkEntry         *title;
  GtkEntry         *description;
  GtkDropDown      *likelihood;
  GtkDropDown      *confidence;
} EditData;

static void
edit_data_free (EditData *data)
{
  g_clear_object (&data->pane);
  g_clear_object (&data->hypothesis);
  g_free (data);
}

static void
edit_data_free_closure (gpointer  data,
                        GClosure *closure)
{
  edit_data_free (data);
}

static gboolean
save_hypothesis (CfHypothesesPane  *self,
                 EditData          *data,
                 GError           **error)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (data->title));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (data->description));
  CfLikelihood likelihood = gtk_drop_down_get_selected (data->likelihood);
  CfConfidence confidence = gtk_drop_down_get_selected (data->confidence);
  gint64 id;

  if (data->hypothesis == NULL)
    {
      id = cf_case_add_hypothesis (self->kase, title, *description ? description : NULL, error);
      if (id <= 0)
        return FALSE;
    }
  else
    {
      id = cf_hypothesis_get_id (data->hypothesis);
      if (g_strcmp0 (title, cf_hypothesis_get_title (data->hypothesis)) != 0 &&
          !cf_case_set_hypothesis_title (self->kase, id, title, error))
        return FALSE;
      if (g_strcmp0 (description, cf_hypothesis_get_description (data->hypothesis) ?: "") != 0 &&
          !cf_case_set_hypothesis_description (self->kase, id, *description ? description : NULL, error))
        return FALSE;
    }

  if ((data->hypothesis == NULL || likelihood != cf_hypothesis_get_likelihood (data->hypothesis)) &&
      !cf_case_set_hypothesis_likelihood (self->kase, id, likelihood, error))
    return FALSE;
  if ((data->hypothesis == NULL || confidence != cf_hypothesis_get_confidence (data->hypothesis)) &&
      !cf_case_set_hypothesis_confidence (self->kase, id, confidence, error))
    return FALSE;

  return TRUE;
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditData         *data)
{
  CfHypothesesPane *self = data->pane;
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL)
    return;

  if (g_strcmp0 (response, "delete") == 0 && data->hypothesis != NULL)
    {
      if (!cf_case_delete_hypothesis (self->kase, cf_hypothesis_get_id (data->hypothesis), &error))
        cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Hypothesis"), error);
      return;
    }

  if (g_strcmp0 (response, "save") != 0 ||
      *gtk_editable_get_text (GTK_EDITABLE (data->title)) == '\0')
    return;

  /* One undo step for the whole dialog. */
  cf_case_begin_action (self->kase, data->hypothesis != NULL ? _("Edit hypothesis") : _("Add hypothesis"));
  if (!save_hypothesis (self, data, &error))
    {
      cf_case_cancel_action (self->kase);
      cf_show_error (GTK_WIDGET (self), _("Could Not Save the Hypothesis"), error);
      return;
    }
  if (!cf_case_end_action (self->kase, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Save the Hypothesis"), error);
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
open_editor (CfHypothesesPane *self,
             CfHypothesis     *hypothesis)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *box;
  EditData *data;
  g_autoptr(GtkStringList) likelihoods = cf_likelihood_model ();
  g_autoptr(GtkStringList) confidences = cf_confidence_model ();

  if (self->kase == NULL)
    return;

  data = g_new0 (EditData, 1);
  data->pane = g_object_ref (self);
  data->hypothesis = hypothesis != NULL ? g_object_ref (hypothesis) : NULL;
  data->title = GTK_ENTRY (gtk_entry_new ());
  data->description = GTK_ENTRY (gtk_entry_new ());
  data->likelihood = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&likelihoods)), NULL));
  data->confidence = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&confidences)), NULL));
  gtk_entry_set_activates_default (data->title, TRUE);
  if (hypothesis != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (data->title), cf_hypothesis_get_title (hypothesis));
      gtk_editable_set_text (GTK_EDITABLE (data->description), cf_hypothesis_get_description (hypothesis) ?: "");
      gtk_drop_down_set_selected (data->likelihood, cf_hypothesis_get_likelihood (hypothesis));
      gtk_drop_down_set_selected (data->confidence, cf_hypothesis_get_confidence (hypothesis));
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_size_request (box, 340, -1);
  gtk_box_append (GTK_BOX (box), labelled (_("_Title"), GTK_WIDGET (data->title)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Description"), GTK_WIDGET (data->description)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Likelihood"), GTK_WIDGET (data->likelihood)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Confidence"), GTK_WIDGET (data->confidence)));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       hypothesis != NULL ? _("Edit Hypothesis") : _("New Hypothesis"),
                                                       NULL));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (hypothesis != NULL)
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save", hypothesis != NULL ? _("_Save") : _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), data,
                         edit_data_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->title));
}

void
cf_hypotheses_pane_add_hypothesis (CfHypothesesPane *self)
{
  g_return_if_fail (CF_IS_HYPOTHESES_PANE (self));

  open_editor (self, NULL);
}

static void
add_clicked_cb (CfHypothesesPane *self)
{
  open_editor (self, NULL);
}

static void
update_row (GtkWidget *row)
{
  CfHypothesis *hypothesis = g_object_get_data (G_OBJECT (row), "cf-hypothesis");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "cf-title");
  GtkLabel *summary = g_object_get_data (G_OBJECT (row), "cf-summary");
  g_autofree char *judgment = cf_rating_format_summary (CF_RELIABILITY_NONE, CF_CREDIBILITY_NONE,
                                                        cf_hypothesis_get_likelihood (hypothesis),
                                                        cf_hypothesis_get_confidence (hypothesis));
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  counts = g_strdup_printf (_("%u consistent, %u inconsistent"),
                            cf_hypothesis_get_n_consistent (hypothesis),
                            cf_hypothesis_get_n_inconsistent (hypothesis));
  text = *judgment != '\0' ? g_strdup_printf ("%s\n%s", judgment, counts) : g_strdup (counts);

  gtk_label_set_label (title, cf_hypothesis_get_title (hypothesis));
  gtk_label_set_label (summary, text);
}

static void
hypothesis_notify_cb (CfHypothesis *hypothesis,
                      GParamSpec   *pspec,
                      GtkWidget    *row)
{
  update_row (row);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CfHypothesis *hypothesis = item;
  GtkWidget *row, *box, *title, *summary;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "cf-hypothesis", g_object_ref (hypothesis), g_object_unref);
  g_object_set_data (G_OBJECT (row), "cf-title", title);
  g_object_set_data (G_OBJECT (row), "cf-summary", summary);
  update_row (row);
  g_signal_connect_object (hypothesis, "notify", G_CALLBACK (hypothesis_notify_cb), row, 0);

  return row;
}

static void
row_activated_cb (GtkListBox       *list_box,
                  GtkListBoxRow    *row,
                  CfHypothesesPane *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "cf-hypothesis"));
}

void
cf_hypotheses_pane_set_case (CfHypothesesPane *self,
                             CfCase           *kase)
{
  g_return_if_fail (CF_IS_HYPOTHESES_PANE (self));

  if (self->kase == kase)
    return;

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->hypotheses);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    {
      self->hypotheses = cf_case_list_hypotheses (kase);
      gtk_list_box_bind_model (self->list_box, self->hypotheses, create_row_cb, self, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
cf_hypotheses_pane_dispose (GObject *object)
{
  CfHypothesesPane *self = CF_HYPOTHESES_PANE (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->hypotheses);
  g_clear_object (&self->kase);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_HYPOTHESES_PANE);
  self->list_box = NULL;

  G_OBJECT_CLASS (cf_hypotheses_pane_parent_class)->dispose (object);
}

static void
cf_hypotheses_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfHypothesesPane *self = CF_HYPOTHESES_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_hypotheses_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CfHypothesesPane *self = CF_HYPOTHESES_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_hypotheses_pane_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_hypotheses_pane_class_init (CfHypothesesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_hypotheses_pane_dispose;
  object_class->get_property = cf_hypotheses_pane_get_property;
  object_class->set_property = cf_hypotheses_pane_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-hypotheses-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CfHypothesesPane, list_box);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cf_hypotheses_pane_init (CfHypothesesPane *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No hypotheses yet. Add each explanation you are weighing "
                                 "with +; they are numbered H1, H2… for you. Then say in the "
                                 "inspector how each claim bears on them."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}
