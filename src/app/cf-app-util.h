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
 * relations for cf_relation_model(). Returns: (transfer full) */
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

G_END_DECLS
