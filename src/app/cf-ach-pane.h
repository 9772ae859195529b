/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_ACH_PANE (cf_ach_pane_get_type ())
G_DECLARE_FINAL_TYPE (CfAchPane, cf_ach_pane, CF, ACH_PANE, GtkBox)

/* How the rows are ordered. */
typedef enum
{
  CF_ACH_ROWS_BY_DATE,
  CF_ACH_ROWS_BY_WEIGHT,
  CF_ACH_ROWS_BY_DIAGNOSTICITY,
} CfAchRowOrder;

/* The matrix of competing hypotheses ("case" and "selected-claim" are bound to the
 * window's). Moving the cursor selects the row's claim; Enter or a double click
 * emits ::claim-activated to show it in the reader. */
GtkWidget    *cf_ach_pane_new              (void);
/**
 * cf_ach_pane_present:
 * @parent: the case window, whose "case" and "selected-claim" the matrix shares
 *
 * Shows the matrix in a window of its own beside @parent (made on first use; it is
 * wide where the window's sidebar is narrow), closed with @parent.
 *
 * Returns: (transfer none): the matrix
 */
CfAchPane    *cf_ach_pane_present          (GtkWindow       *parent);
/**
 * cf_ach_pane_get_matrix:
 * Returns: (transfer none) (nullable): the matrix shown, recomputed after each change
 */
CfAchMatrix  *cf_ach_pane_get_matrix       (CfAchPane       *self);
/* Rebuilds the matrix now rather than when the main loop is idle. */
void          cf_ach_pane_reload           (CfAchPane       *self);
/**
 * cf_ach_pane_set_cursor:
 * @row: a row as shown (after sorting)
 * @column: a hypothesis column as shown
 */
void          cf_ach_pane_set_cursor       (CfAchPane       *self,
                                            guint            row,
                                            guint            column);
void          cf_ach_pane_get_cursor       (CfAchPane       *self,
                                            guint           *row,
                                            guint           *column);
/* The matrix row and column under the cursor (indices into the matrix), or -1. */
gint          cf_ach_pane_get_cursor_row_index    (CfAchPane *self);
gint          cf_ach_pane_get_cursor_column_index (CfAchPane *self);
/* What a key press on the grid does; TRUE when it was used. */
gboolean      cf_ach_pane_press_key        (CfAchPane       *self,
                                            guint            keyval,
                                            GdkModifierType  state);
void          cf_ach_pane_set_row_order    (CfAchPane       *self,
                                            CfAchRowOrder    order);
/* Columns in case order, or by score (least weighted inconsistency first). */
void          cf_ach_pane_set_columns_by_score (CfAchPane   *self,
                                                gboolean     by_score);

G_END_DECLS
