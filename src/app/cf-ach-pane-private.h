/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of CfAchPane share: cf-ach-pane.c holds the grid, the cursor and the
 * row bar; cf-ach-pane-indicators.c the indicators below it and the matrix's window. */

#include "cf-ach-pane.h"

G_BEGIN_DECLS

struct _CfAchPane
{
  GtkBox          parent_instance;

  GtkDrawingArea *grid;
  GtkScrolledWindow *scroller;
  GtkLabel       *summary_label;
  GtkLabel       *row_label;
  GtkDropDown    *row_order_dropdown;
  GtkDropDown    *column_order_dropdown;
  GtkDropDown    *relevance_dropdown;
  GtkEntry       *weight_entry;
  GtkCheckButton *source_deceptive_check;
  GtkCheckButton *actor_deceptive_check;
  GtkEntry       *indicator_entry;
  GtkListBox     *indicator_list;
  GtkWidget      *add_claim_button;

  CfCase         *kase;
  CfClaim        *selected_claim;
  gulong          records_changed_id;
  guint           reload_id;

  CfAchMatrix    *matrix;
  GArray         *row_order;     /* guint: matrix rows as shown */
  GArray         *column_order;  /* guint: matrix columns as shown */
  gint            cursor_row;    /* positions as shown, -1 for none */
  gint            cursor_column;
  gboolean        updating_bar;
};

/* The hypothesis of a column as shown, or NULL. */
CfAchHypothesis *_cf_ach_pane_shown_hypothesis  (CfAchPane *self,
                                                 gint       position);
/* cf-ach-pane-indicators.c */
void             _cf_ach_pane_reload_indicators (CfAchPane *self);
void             _cf_ach_pane_add_indicator_cb  (CfAchPane *self);

G_END_DECLS
