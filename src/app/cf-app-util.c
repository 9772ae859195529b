/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers more than one pane needs: the error dialog, search snippets as
 * markup, selecting and scrolling in list views (GTK 4.8 has no scroll_to), the
 * drop-down models of the rating scales, so every pane labels them alike, and
 * dates: typed and shown in the locale's style, stored as ISO 8601. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cf-app-util.h"

void
cf_show_error (GtkWidget    *parent,
               const char   *heading,
               const GError *error)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading,
                                                       error != NULL ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
cf_snippet_to_markup (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";

  while (*p != '\0')
    {
      const char *mark = strstr (p, CF_SEARCH_MATCH_START);
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (mark == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (markup, rest);
          break;
        }

      before = g_markup_escape_text (p, mark - p);
      g_string_append (markup, before);
      mark += strlen (CF_SEARCH_MATCH_START);
      end = strstr (mark, CF_SEARCH_MATCH_END);
      if (end == NULL)
        end = mark + strlen (mark);
      match = g_markup_escape_text (mark, end - mark);
      g_string_append_printf (markup, "<b>%s</b>", match);
      p = *end != '\0' ? end + strlen (CF_SEARCH_MATCH_END) : end;
    }

  return g_string_free (markup, FALSE);
}

GtkWidget *
cf_column_view_get_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

void
cf_list_select_and_scroll (GtkWidget          *list_widget,
                           GtkSingleSelection *selection,
                           guint               position)
{
  GtkWidget *target = list_widget;

  gtk_single_selection_set_selected (selection, position);

  /* GTK 4.8 has no gtk_list_view_scroll_to(); the list.scroll-to-item action of
   * the list view (inside a column view) does the same. */
  if (GTK_IS_COLUMN_VIEW (list_widget))
    target = cf_column_view_get_list_view (GTK_COLUMN_VIEW (list_widget));
  if (target != NULL && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (target, "list.scroll-to-item", "u", position);
}

/* The items are made once per model, for a handful of drop-downs. */
static GtkStringList *
scale_model (char *(*to_item) (int),
             int    last)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not rated"));
  for (int i = 1; i <= last; i++)
    gtk_string_list_take (list, to_item (i));

  return list;
}

static char *
reliability_item (int value)
{
  return g_strdup_printf ("%s — %s", cf_reliability_to_code (value), cf_reliability_to_label (value));
}

static char *
credibility_item (int value)
{
  return g_strdup_printf ("%s — %s", cf_credibility_to_code (value), cf_credibility_to_label (value));
}

static char *
likelihood_item (int value)
{
  return g_strdup_printf ("%s (%s)", cf_likelihood_to_label (value), cf_likelihood_to_range (value));
}

static char *
confidence_item (int value)
{
  return g_strdup (cf_confidence_to_label (value));
}

GtkStringList *
cf_reliability_model (void)
{
  return scale_model (reliability_item, CF_RELIABILITY_LAST);
}

GtkStringList *
cf_credibility_model (void)
{
  return scale_model (credibility_item, CF_CREDIBILITY_LAST);
}

GtkStringList *
cf_likelihood_model (void)
{
  return scale_model (likelihood_item, CF_LIKELIHOOD_LAST);
}

GtkStringList *
cf_confidence_model (void)
{
  return scale_model (confidence_item, CF_CONFIDENCE_LAST);
}

GtkStringList *
cf_relation_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* the ACH scale in its order; the label of none is "Not assessed" */
  for (guint i = 0; i < CF_ACH_SCALE_LENGTH; i++)
    {
      CfRelation relation = cf_ach_scale_relation (i);
      g_autofree char *label = relation != CF_RELATION_NONE
                               ? g_strdup_printf ("%s (%s)", cf_relation_to_label (relation),
                                                  cf_relation_to_code (relation))
                               : g_strdup (cf_relation_to_label (relation));

      gtk_string_list_append (list, label);
    }

  return list;
}

char *
cf_likelihood_cell_label (gpointer unused,
                          int      value)
{
  if (value <= CF_LIKELIHOOD_NONE || value > CF_LIKELIHOOD_LAST)
    return g_strdup ("");
  return g_strdup (cf_likelihood_to_label (value));
}

char *
cf_confidence_cell_label (gpointer unused,
                          int      value)
{
  if (value <= CF_CONFIDENCE_NONE || value > CF_CONFIDENCE_LAST)
    return g_strdup ("");
  return g_strdup (cf_confidence_to_label (value));
}

/* --- dates ------------------------------------------------------------------------ */

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day; sets what it found. */
static gboolean
parse_iso_date (const char *text,
                int        *year,
                int        *month,
                int        *day)
{
  gsize length = strlen (text);
  int y, m = 0, d = 0;

  if (length != 4 && length != 7 && length != 10)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  y = atoi (text);
  if (length >= 7)
    m = atoi (text + 5);
  if (length == 10)
    d = atoi (text + 8);
  if (y < 1 || (length >= 7 && (m < 1 || m > 12)))
    return FALSE;
  if (length == 10 && !g_date_valid_dmy (d, m, y))
    return FALSE;

  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

char *
cf_date_parse_input (const char *text)
{
  g_autofree char *clean = NULL;
  g_autoptr(GDate) date = NULL;
  int y, m, d;

  if (text == NULL)
    return g_strdup ("");
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    return g_strdup ("");

  if (parse_iso_date (clean, &y, &m, &d))
    return g_steal_pointer (&clean);

  /* a date and a time, as the CLI takes it: kept as written when GLib reads it */
  if (strchr (clean, 'T') != NULL)
    {
      g_autofree char *day = g_strndup (clean, strchr (clean, 'T') - clean);
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = NULL;

      if (!parse_iso_date (day, &y, &m, &d) || d == 0)
        return NULL;
      parsed = g_date_time_new_from_iso8601 (clean, utc);
      return parsed != NULL ? g_steal_pointer (&clean) : NULL;
    }

  /* the locale's style, as cf_date_format_local() writes it */
  date = g_date_new ();
  g_date_set_parse (date, clean);
  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
cf_date_format_local (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *day = NULL;
  int y, m, d;

  if (iso == NULL)
    return g_strdup ("");

  day = g_strndup (iso, strcspn (iso, "T "));
  if (!parse_iso_date (day, &y, &m, &d))
    return g_strdup (iso);
  if (m == 0)
    return g_steal_pointer (&day);

  time = g_date_time_new_utc (y, m, MAX (d, 1), 0, 0, 0);
  if (time == NULL)
    return g_strdup (iso);
  /* Translators: a month and year in a strftime() format, e.g. "November 2026" */
  return g_date_time_format (time, d == 0 ? _("%B %Y") : "%x");
}

static void
date_picked_cb (GtkCalendar *calendar,
                GtkEditable *editable)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (picked, "%x");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (editable, text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
date_picker_show_cb (GtkPopover  *popover,
                     GtkEditable *editable)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *iso = cf_date_parse_input (gtk_editable_get_text (editable));
  int y, m, d;

  /* open on the date in the field, or on today */
  if (iso != NULL && parse_iso_date (iso, &y, &m, &d) && d > 0)
    {
      g_autoptr(GDateTime) shown = g_date_time_new_local (y, m, d, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, date_picked_cb, editable);
      if (shown != NULL)
        gtk_calendar_select_day (calendar, shown);
      g_signal_handlers_unblock_by_func (calendar, date_picked_cb, editable);
    }
}

GtkWidget *
cf_date_picker_button_new (GtkEditable *editable)
{
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *calendar;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  button = gtk_menu_button_new ();
  popover = gtk_popover_new ();
  calendar = gtk_calendar_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a Date"), -1);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (date_picked_cb), editable, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (date_picker_show_cb), editable, 0);
  return button;
}

GtkWidget *
cf_pane_window_lookup (GtkWindow  *parent,
                       const char *key)
{
  GtkWidget *pane = g_object_get_data (G_OBJECT (parent), key);

  if (pane != NULL)
    gtk_window_present (GTK_WINDOW (gtk_widget_get_root (pane)));
  return pane;
}

static void
pane_window_destroyed_cb (GtkWidget *window,
                          GtkWindow *parent)
{
  g_object_set_data (G_OBJECT (parent), g_object_get_data (G_OBJECT (window), "cf-pane-key"), NULL);
}

GtkWindow *
cf_pane_window_new (GtkWindow  *parent,
                    const char *key,
                    GtkWidget  *pane,
                    const char *title,
                    int         width,
                    int         height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (pane, TRUE);
  gtk_box_append (GTK_BOX (box), pane);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_bind_property (parent, "case", pane, "case", G_BINDING_SYNC_CREATE);
  g_object_bind_property (parent, "selected-claim", pane, "selected-claim",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  /* the pointer goes when the window is closed */
  g_object_set_data (G_OBJECT (parent), key, pane);
  g_object_set_data (G_OBJECT (window), "cf-pane-key", (gpointer) key);
  g_signal_connect_object (window, "destroy", G_CALLBACK (pane_window_destroyed_cb), parent, 0);
  return GTK_WINDOW (window);
}
