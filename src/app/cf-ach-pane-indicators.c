/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix's indicators (Heuer's step 8: what should be seen if a hypothesis is
 * true, and whether it was), listed under the grid, and the window the matrix opens
 * in beside the case's. Split from cf-ach-pane.c by concern. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-ach-pane-private.h"
#include "cf-app-util.h"

/* --- indicators ---------------------------------------------------------------------------- */

static void
indicator_status_changed_cb (GtkDropDown *dropdown,
                             GParamSpec  *pspec,
                             CfAchPane   *self)
{
  CfIndicator *indicator = g_object_get_data (G_OBJECT (dropdown), "cf-indicator");
  guint status = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  gint64 claim_id = indicator->claim_id;

  if (status == GTK_INVALID_LIST_POSITION || status == indicator->status)
    return;
  /* seen or refuted: by the claim selected now, when there is one */
  if (status != CF_INDICATOR_UNSEEN && self->selected_claim != NULL)
    claim_id = cf_claim_get_id (self->selected_claim);
  if (!cf_case_set_indicator_status (self->kase, indicator->id, status, claim_id, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Change the Indicator"), error);
}

static void
indicator_delete_cb (GtkButton *button,
                     CfAchPane *self)
{
  CfIndicator *indicator = g_object_get_data (G_OBJECT (button), "cf-indicator");
  g_autoptr(GError) error = NULL;

  if (!cf_case_delete_indicator (self->kase, indicator->id, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Indicator"), error);
}

static GtkWidget *
indicator_row_new (CfAchPane   *self,
                   CfIndicator *indicator)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label, *dropdown, *button;
  g_autofree char *text = NULL;
  gint column = self->matrix ? cf_ach_matrix_find_hypothesis (self->matrix, indicator->hypothesis_id) : -1;
  const char *statuses[CF_INDICATOR_LAST + 2] = { NULL };

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  if (indicator->claim_id > 0)
    /* TRANSLATORS: H%d is a hypothesis column, %s what should be seen, the last a claim id */
    text = g_strdup_printf (_("H%d · %s (claim %" G_GINT64_FORMAT ")"), column + 1, indicator->description,
                            indicator->claim_id);
  else
    text = g_strdup_printf (_("H%d · %s"), column + 1, indicator->description);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  for (guint i = 0; i <= CF_INDICATOR_LAST; i++)
    statuses[i] = cf_indicator_status_to_label (i);
  dropdown = gtk_drop_down_new_from_strings (statuses);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), indicator->status);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Seen or refuted links the claim selected in the window"));
  g_object_set_data_full (G_OBJECT (dropdown), "cf-indicator", indicator, (GDestroyNotify) cf_indicator_free);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (indicator_status_changed_cb), self);
  gtk_box_append (GTK_BOX (box), dropdown);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete the indicator"));
  g_object_set_data (G_OBJECT (button), "cf-indicator", indicator);
  g_signal_connect (button, "clicked", G_CALLBACK (indicator_delete_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

void
_cf_ach_pane_reload_indicators (CfAchPane *self)
{
  g_autoptr(GPtrArray) indicators = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicator_list))) != NULL)
    gtk_list_box_remove (self->indicator_list, child);
  if (self->kase == NULL)
    return;
  indicators = cf_case_list_indicators (self->kase, 0, NULL);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    gtk_list_box_append (self->indicator_list,
                         indicator_row_new (self, g_steal_pointer (&g_ptr_array_index (indicators, i))));
}

void
_cf_ach_pane_add_indicator_cb (CfAchPane *self)
{
  CfAchHypothesis *hyp = _cf_ach_pane_shown_hypothesis (self, self->cursor_column);
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL)
    return;
  if (hyp == NULL)
    {
      g_set_error (&error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("Add a hypothesis first: an indicator is what should be seen if it is true."));
      cf_show_error (GTK_WIDGET (self), _("Could Not Add the Indicator"), error);
      return;
    }
  if (cf_case_add_indicator (self->kase, hyp->hypothesis_id,
                             gtk_editable_get_text (GTK_EDITABLE (self->indicator_entry)), &error) == 0)
    cf_show_error (GTK_WIDGET (self), _("Could Not Add the Indicator"), error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->indicator_entry), "");
}

static void
claim_activated_cb (CfAchPane *pane,
                    gint64     claim_id,
                    GtkWindow *parent)
{
  /* the window shares the selected claim: its reader already shows it */
  gtk_window_present (parent);
}

CfAchPane *
cf_ach_pane_present (GtkWindow *parent)
{
  CfAchPane *pane;
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  pane = CF_ACH_PANE (cf_pane_window_lookup (parent, "cf-ach-pane"));
  if (pane != NULL)
    return pane;
  pane = CF_ACH_PANE (cf_ach_pane_new ());
  window = cf_pane_window_new (parent, "cf-ach-pane", GTK_WIDGET (pane),
                               _("Competing Hypotheses"), 1100, 700);
  g_signal_connect_object (pane, "claim-activated", G_CALLBACK (claim_activated_cb), parent, 0);
  gtk_window_present (window);
  return pane;
}
