/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"

G_BEGIN_DECLS

/* Shows @error in a modal AdwMessageDialog over @parent's window. */
void       cf_show_error                  (GtkWidget           *parent,
                                           const char          *heading,
                                           const GError        *error);

/* The search snippet with the «…» marks turned into bold Pango markup, escaped.
 * Returns: (transfer full) */
char      *cf_snippet_to_markup           (const char          *snippet);

/* The GtkListView inside a GtkColumnView, which carries the list.* actions.
 * Returns: (transfer none) (nullable) */
GtkWidget *cf_column_view_get_list_view   (GtkColumnView       *column_view);

/* Selects @position in the list view or column view's single selection and scrolls to it. */
void       cf_list_select_and_scroll      (GtkWidget           *list_widget,
                                           GtkSingleSelection  *selection,
                                           guint                position);

/* A GtkStringList of "Not rated" and every value's label of a scale; "—" and the
 * relations for cf_relation_model() (in ACH scale order: position i is
 * cf_ach_scale_relation (i)). Returns: (transfer full) */
GtkStringList *cf_reliability_model       (void);
GtkStringList *cf_credibility_model       (void);
GtkStringList *cf_likelihood_model        (void);
GtkStringList *cf_confidence_model        (void);
GtkStringList *cf_relation_model          (void);

/* Labels for list cells; "" for not rated. Returns: (transfer full) */
char      *cf_likelihood_cell_label       (gpointer             unused,
                                           int                  value);
char      *cf_confidence_cell_label       (gpointer             unused,
                                           int                  value);

/* --- dates: the locale's style in the window, ISO 8601 in the file ----------------- */

/* What a user typed as a date, as ISO 8601: an ISO date ("2026-11-30", "2026-11",
 * "2026"), an ISO date and time, or a date in the locale's style ("11/30/2026").
 * "" (or only spaces) gives "" (clear the field); NULL when @text is no date.
 * Returns: (transfer full) (nullable) */
char      *cf_date_parse_input            (const char          *text);
/* An ISO 8601 date (or date and time) the way the locale writes dates ("%x"; a
 * month "November 2026", a year as it is); @iso itself when it is no date, "" for
 * NULL. Returns: (transfer full) */
char      *cf_date_format_local           (const char          *iso);
/* The pane kept under @key over @parent (the case window), its window brought to the
 * front; NULL when none is open. */
GtkWidget *cf_pane_window_lookup          (GtkWindow           *parent,
                                           const char          *key);
/* A window of its own over @parent for @pane (the matrix, the timeline), bound to the
 * parent's case and selected claim and kept under @key (a static string) until it is
 * closed. Returns: (transfer none) the window, not yet presented */
GtkWindow *cf_pane_window_new             (GtkWindow           *parent,
                                           const char          *key,
                                           GtkWidget           *pane,
                                           const char          *title,
                                           int                  width,
                                           int                  height);

/* A button with a calendar popover that writes the picked day, in the locale's
 * style, into @editable. Returns: (transfer floating) */
GtkWidget *cf_date_picker_button_new      (GtkEditable         *editable);

G_END_DECLS
