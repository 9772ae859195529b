/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim's event date in the inspector: a date or time as precise as it is known
 * (year, month, day, hour or minute), an optional end for a range, "approximately" and
 * a time zone (empty: the case's). Typed text is saved when Enter is pressed or the focus
 * leaves; the precision list coarsens what was typed. A claim without a date gets the
 * date found in its sentence (or the one before) offered above the fields, and only
 * "Use" sets it: a date is never set silently. Each save is one undoable edit. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-case-timeline.h"
#include "cf-date-finder.h"
#include "cf-inspector-event.h"

struct _CfInspectorEvent
{
  CfInspectorSection  parent_instance;

  GtkEntry           *start_entry;
  GtkEntry           *end_entry;
  GtkEntry           *zone_entry;
  GtkDropDown        *precision;
  GtkCheckButton     *range;
  GtkCheckButton     *approximate;
  GtkLabel           *error_label;
  GtkRevealer        *offer_revealer;
  GtkLabel           *offer_label;

  CfDateOffer        *offer;
  guint               filling;
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (CfInspectorEvent, cf_inspector_event, CF_TYPE_INSPECTOR_SECTION)

/* the list runs from coarse to fine */
static CfPrecision
precision_at (guint position)
{
  return CF_PRECISION_YEAR - MIN (position, (guint) CF_PRECISION_YEAR);
}

static guint
position_of (CfPrecision precision)
{
  return CF_PRECISION_YEAR - precision;
}

static void
show_error (CfInspectorEvent *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
fill (CfInspectorEvent  *self,
      const CfEventTime *time)
{
  g_autofree char *start = time ? cf_event_time_format_local (time, FALSE) : NULL;
  g_autofree char *end = time && time->has_end ? cf_event_time_format_local (time, TRUE) : NULL;

  self->filling++;
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start ? start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_entry), end ? end : "");
  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), time && time->timezone ? time->timezone : "");
  gtk_check_button_set_active (self->range, time != NULL && time->has_end);
  gtk_check_button_set_active (self->approximate, time != NULL && time->approximate);
  gtk_drop_down_set_selected (self->precision, position_of (time ? time->precision : CF_PRECISION_DAY));
  gtk_widget_set_visible (GTK_WIDGET (self->end_entry), time != NULL && time->has_end);
  self->filling--;
  self->dirty = FALSE;
  show_error (self, NULL);
}

static CfEventTime *
current_time (CfInspectorEvent *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));

  if (kase == NULL || claim == NULL)
    return NULL;
  return cf_case_get_claim_event_time (kase, cf_claim_get_id (claim), NULL);
}

/* Saves the fields. @from_precision: the precision list changed, so it decides the
 * precision; otherwise the typed text does. */
static void
apply (CfInspectorEvent *self,
       gboolean          from_precision)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEventTime) time = NULL;
  g_autoptr(CfEventTime) stored = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *zone = NULL;

  if (kase == NULL || claim == NULL || self->filling > 0)
    return;
  self->dirty = FALSE;
  start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_entry))));
  end = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->end_entry))));
  zone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_entry))));
  stored = current_time (self);

  if (*start != '\0')
    {
      if (gtk_check_button_get_active (self->approximate))
        g_string_append_c (text, '~');
      g_string_append (text, start);
      if (gtk_check_button_get_active (self->range) && *end != '\0')
        g_string_append_printf (text, "/%s", end);
      if (*zone != '\0')
        g_string_append_printf (text, " %s", zone);
      time = cf_event_time_parse (text->str, &error);
      if (time == NULL)
        {
          show_error (self, error->message);
          return;
        }
      if (from_precision)
        {
          CfPrecision wanted = precision_at (gtk_drop_down_get_selected (self->precision));

          if (wanted < time->precision)
            {
              show_error (self, _("Type the date as precisely as the precision you chose, for "
                                  "example 2023-05-03T02:30 for a minute."));
              return;
            }
          time->precision = wanted;
        }
    }
  show_error (self, NULL);
  if ((time == NULL && stored == NULL) || (time != NULL && stored != NULL && cf_event_time_equal (time, stored)))
    {
      fill (self, stored);
      return;
    }
  if (!cf_case_set_claim_event_time (kase, cf_claim_get_id (claim), time, &error))
    show_error (self, error->message);
}

static void
entry_activate_cb (CfInspectorEvent *self)
{
  apply (self, FALSE);
}

static void
entry_changed_cb (CfInspectorEvent *self)
{
  if (self->filling == 0 && !cf_inspector_section_is_updating (CF_INSPECTOR_SECTION (self)))
    self->dirty = TRUE;
}

static void
focus_leave_cb (CfInspectorEvent *self)
{
  if (self->dirty)
    apply (self, FALSE);
}

static void
precision_changed_cb (CfInspectorEvent *self)
{
  if (self->filling == 0 && !cf_inspector_section_is_updating (CF_INSPECTOR_SECTION (self)))
    apply (self, TRUE);
}

static void
toggled_cb (CfInspectorEvent *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->end_entry), gtk_check_button_get_active (self->range));
  if (self->filling == 0 && !cf_inspector_section_is_updating (CF_INSPECTOR_SECTION (self)))
    {
      /* a range needs its end typed first; switching it off saves at once */
      if (gtk_check_button_get_active (self->range)
          && *gtk_editable_get_text (GTK_EDITABLE (self->end_entry)) == '\0')
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->end_entry));
          return;
        }
      apply (self, FALSE);
    }
}

static void
hide_offer (CfInspectorEvent *self)
{
  g_clear_pointer (&self->offer, cf_date_offer_free);
  gtk_revealer_set_reveal_child (self->offer_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->offer_revealer), FALSE);
}

/* A date found in the claim's sentence, for a claim that has none. */
static void
find_offer (CfInspectorEvent *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  hide_offer (self);
  if (kase == NULL || claim == NULL || cf_claim_get_document_id (claim) <= 0
      || cf_claim_get_event_date (claim) != NULL)
    return;
  document = cf_case_get_document (kase, cf_claim_get_document_id (claim), NULL);
  text = cf_case_get_document_text (kase, cf_claim_get_document_id (claim), NULL);
  if (document == NULL || text == NULL)
    return;
  zone = cf_case_dup_timezone (kase);
  self->offer = cf_date_finder_find_for_span (text, cf_claim_get_start (claim), cf_claim_get_end (claim),
                                              cf_document_get_published (document), zone);
  if (self->offer == NULL)
    return;
  when = cf_event_time_to_string (self->offer->time);
  /* Translators: "Found “on 3 May” → 2023-05-03. Use it?" */
  message = g_strdup_printf (_("Found “%s” → %s. Use it?"), self->offer->phrase, when);
  gtk_label_set_text (self->offer_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->offer_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->offer_revealer, TRUE);
}

void
cf_inspector_event_accept_offer (CfInspectorEvent *self)
{
  CfCase *kase;
  CfClaim *claim;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_INSPECTOR_EVENT (self));

  kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
  if (self->offer == NULL || kase == NULL || claim == NULL)
    return;
  if (!cf_case_set_claim_event_time (kase, cf_claim_get_id (claim), self->offer->time, &error))
    show_error (self, error->message);
  hide_offer (self);
}

static void
use_clicked_cb (CfInspectorEvent *self)
{
  cf_inspector_event_accept_offer (self);
}

static void
dismiss_clicked_cb (CfInspectorEvent *self)
{
  hide_offer (self);
}

static void
cf_inspector_event_claim_changed (CfInspectorSection *section)
{
  CfInspectorEvent *self = CF_INSPECTOR_EVENT (section);
  g_autoptr(CfEventTime) time = current_time (self);

  fill (self, time);
  find_offer (self);
}

static void
cf_inspector_event_refresh (CfInspectorSection *section)
{
  CfInspectorEvent *self = CF_INSPECTOR_EVENT (section);
  g_autoptr(CfEventTime) time = NULL;

  if (self->dirty)
    return;
  time = current_time (self);
  fill (self, time);
  if (time != NULL)
    hide_offer (self);
}

static void
cf_inspector_event_commit (CfInspectorSection *section)
{
  CfInspectorEvent *self = CF_INSPECTOR_EVENT (section);

  if (self->dirty)
    apply (self, FALSE);
}

static void
cf_inspector_event_dispose (GObject *object)
{
  CfInspectorEvent *self = CF_INSPECTOR_EVENT (object);

  g_clear_pointer (&self->offer, cf_date_offer_free);
  G_OBJECT_CLASS (cf_inspector_event_parent_class)->dispose (object);
}

static void
cf_inspector_event_class_init (CfInspectorEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_event_dispose;
  section_class->claim_changed = cf_inspector_event_claim_changed;
  section_class->refresh = cf_inspector_event_refresh;
  section_class->commit = cf_inspector_event_commit;
}

static GtkEntry *
add_entry (CfInspectorEvent *self,
           GtkBox           *box,
           const char       *placeholder,
           const char       *label)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_widget_set_hexpand (GTK_WIDGET (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  gtk_box_append (box, GTK_WIDGET (entry));
  return entry;
}

static void
cf_inspector_event_init (CfInspectorEvent *self)
{
  const char *precisions[] = { NULL, NULL, NULL, NULL, NULL, NULL };
  GtkWidget *heading, *row, *toggles, *offer_box, *buttons, *use, *dismiss;

  for (guint i = 0; i <= CF_PRECISION_LAST; i++)
    precisions[i] = cf_precision_get_label (precision_at (i));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  heading = gtk_label_new (_("Event Date"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_box_append (GTK_BOX (self), heading);

  /* the offer of a date found in the sentence */
  self->offer_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->offer_revealer), FALSE);
  offer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (offer_box, "card");
  gtk_widget_set_margin_bottom (offer_box, 2);
  self->offer_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->offer_label, TRUE);
  gtk_label_set_xalign (self->offer_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->offer_label), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->offer_label), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->offer_label), 6);
  gtk_box_append (GTK_BOX (offer_box), GTK_WIDGET (self->offer_label));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_end (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));
  use = gtk_button_new_with_mnemonic (_("_Use Date"));
  gtk_widget_add_css_class (use, "suggested-action");
  g_signal_connect_swapped (use, "clicked", G_CALLBACK (use_clicked_cb), self);
  g_signal_connect_swapped (dismiss, "clicked", G_CALLBACK (dismiss_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (buttons), use);
  gtk_box_append (GTK_BOX (offer_box), buttons);
  gtk_revealer_set_child (self->offer_revealer, offer_box);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->offer_revealer));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->start_entry = add_entry (self, GTK_BOX (row), _("2023-05-03 or 2023-05-03 02:30"), _("Event date"));
  self->precision = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (precisions));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->precision), _("How precisely the time is known"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->precision), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Precision"), -1);
  g_signal_connect_swapped (self->precision, "notify::selected", G_CALLBACK (precision_changed_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->precision));
  gtk_box_append (GTK_BOX (self), row);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->end_entry = add_entry (self, GTK_BOX (row), _("End of the range"), _("End of the range"));
  gtk_widget_set_visible (GTK_WIDGET (self->end_entry), FALSE);
  gtk_box_append (GTK_BOX (self), row);

  toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->range = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Range")));
  self->approximate = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Approximate")));
  g_signal_connect_swapped (self->range, "toggled", G_CALLBACK (toggled_cb), self);
  g_signal_connect_swapped (self->approximate, "toggled", G_CALLBACK (toggled_cb), self);
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->range));
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->approximate));
  gtk_box_append (GTK_BOX (self), toggles);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->zone_entry = add_entry (self, GTK_BOX (row), _("Time zone (the case’s when empty)"), _("Time zone"));
  gtk_box_append (GTK_BOX (self), row);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error_label));
}

GtkEditable *
cf_inspector_event_get_start_entry (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return GTK_EDITABLE (self->start_entry);
}

GtkEditable *
cf_inspector_event_get_end_entry (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return GTK_EDITABLE (self->end_entry);
}

GtkEditable *
cf_inspector_event_get_zone_entry (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return GTK_EDITABLE (self->zone_entry);
}

GtkDropDown *
cf_inspector_event_get_precision (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return self->precision;
}

GtkCheckButton *
cf_inspector_event_get_range (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return self->range;
}

GtkCheckButton *
cf_inspector_event_get_approximate (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return self->approximate;
}

const char *
cf_inspector_event_get_offer_text (CfInspectorEvent *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_EVENT (self), NULL);
  return self->offer != NULL ? gtk_label_get_text (self->offer_label) : NULL;
}
