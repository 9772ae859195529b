/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A table cell's or a list row's text: up to a number of lines, wrapped and ellipsized in the
 * width its column gives, like a wrapping GtkLabel but far cheaper in a long list.
 * It asks for one character's width and no height (the caller sets the rows'
 * height), so measuring it lays out nothing; the text is laid out when it is drawn
 * (GTK draws only what shows), once for its width. GTK 4.8 keeps some 200 rows of
 * cells alive in a list, whatever is in view, and measures every one. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_CELL_TEXT (cf_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (CfCellText, cf_cell_text, CF, CELL_TEXT, GtkWidget)

GtkWidget  *cf_cell_text_new        (int         lines);
/* Plain text; NULL is empty. */
void        cf_cell_text_set_text   (CfCellText *self,
                                     const char *text);
/* Pango markup, and the same words without it for assistive technologies. */
void        cf_cell_text_set_markup (CfCellText *self,
                                     const char *markup,
                                     const char *plain);
/* Figures of one width, as the style's .numeric labels have (plain text only). */
void        cf_cell_text_set_tabular_figures (CfCellText *self,
                                              gboolean    tabular);
/* Measured by its text instead, like a wrapping label with width-chars
 * @width_chars: as wide as its text, down to @width_chars characters, as high as
 * its lines there; still laid out once for its width (GtkLabel lays out its text
 * several times for each measure). 0: the table's cell again. */
void        cf_cell_text_measure_text (CfCellText *self,
                                       int         width_chars);
/* What was set last: the text or the markup. */
const char *cf_cell_text_get_text   (CfCellText *self);
/* Whether the cell was drawn with its text since the text was set. */
gboolean    cf_cell_text_get_drawn     (CfCellText *self);

G_END_DECLS
