/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers more than one pane needs: the error dialog, search snippets as
 * markup, selecting and scrolling in list views (GTK 4.8 has no scroll_to), and
 * the drop-down models of the rating scales, so every pane labels them alike. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

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

  /* "—" rather than "Not rated": no relation is a judgment too. */
  gtk_string_list_append (list, "—");
  for (int i = 1; i <= CF_RELATION_LAST; i++)
    gtk_string_list_append (list, cf_relation_to_label (i));

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
