/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix of analysis of competing hypotheses: evidence rows against hypothesis
 * columns, worked a row at a time from the keyboard (C, I, N, A; C or I again for CC
 * or II; arrows move, Tab goes to the next row) or with a click. The grid is drawn,
 * not built of widgets, so 20 hypotheses by 500 rows stay light: only the rows in
 * view are painted, and the header stays at the top. Each edit goes through the
 * store (one undoable action); the matrix is rebuilt from the case when it reports
 * a change. Below the grid: the row under the cursor (relevance, weight, deception)
 * and the indicators of the hypotheses. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cf-ach-pane-private.h"
#include "cf-app-util.h"

#define ROW_H     26
#define HEADER_H  44
#define FLAG_W    34
#define TEXT_W    330
#define WEIGHT_W  60
#define DIAG_W    44
#define CELL_W    46
#define N_SCORE_ROWS 2
/* the first hypothesis column begins here */
#define CELLS_X   (FLAG_W + TEXT_W + WEIGHT_W + DIAG_W)


G_DEFINE_FINAL_TYPE (CfAchPane, cf_ach_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_SELECTED_CLAIM,
  N_PROPS
};

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_row_bar (CfAchPane *self);

/* --- what is shown where --------------------------------------------------------- */

static CfAchRow *
shown_row (CfAchPane *self,
           gint       position)
{
  if (self->matrix == NULL || position < 0 || (guint) position >= self->row_order->len)
    return NULL;
  return g_ptr_array_index (self->matrix->rows, g_array_index (self->row_order, guint, position));
}

static gint
shown_column_index (CfAchPane *self,
                    gint       position)
{
  if (self->matrix == NULL || position < 0 || (guint) position >= self->column_order->len)
    return -1;
  return (gint) g_array_index (self->column_order, guint, position);
}

CfAchHypothesis *
_cf_ach_pane_shown_hypothesis (CfAchPane *self,
                  gint       position)
{
  gint index = shown_column_index (self, position);

  return index < 0 ? NULL : g_ptr_array_index (self->matrix->hypotheses, index);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CfAchPane *self = user_data;
  CfAchRow *ra = g_ptr_array_index (self->matrix->rows, *(const guint *) a);
  CfAchRow *rb = g_ptr_array_index (self->matrix->rows, *(const guint *) b);
  guint order = gtk_drop_down_get_selected (self->row_order_dropdown);

  /* the most telling first; ties keep the case's order (date) */
  if (order == CF_ACH_ROWS_BY_WEIGHT && ra->weight != rb->weight)
    return ra->weight > rb->weight ? -1 : 1;
  if (order == CF_ACH_ROWS_BY_DIAGNOSTICITY && ra->diagnosticity != rb->diagnosticity)
    return ra->diagnosticity > rb->diagnosticity ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : *(const guint *) a > *(const guint *) b;
}

static int
compare_columns_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  CfAchPane *self = user_data;
  CfAchHypothesis *ha = g_ptr_array_index (self->matrix->hypotheses, *(const guint *) a);
  CfAchHypothesis *hb = g_ptr_array_index (self->matrix->hypotheses, *(const guint *) b);

  if (gtk_drop_down_get_selected (self->column_order_dropdown) == 1 && ha->rank != hb->rank)
    return ha->rank < hb->rank ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : *(const guint *) a > *(const guint *) b;
}

static void
apply_order (CfAchPane *self)
{
  g_array_set_size (self->row_order, 0);
  g_array_set_size (self->column_order, 0);
  if (self->matrix == NULL)
    return;
  for (guint r = 0; r < self->matrix->rows->len; r++)
    g_array_append_val (self->row_order, r);
  for (guint h = 0; h < self->matrix->hypotheses->len; h++)
    g_array_append_val (self->column_order, h);
  g_array_sort_with_data (self->row_order, compare_rows_cb, self);
  g_array_sort_with_data (self->column_order, compare_columns_cb, self);
}

/* --- the summary line --------------------------------------------------------------- */

static char *
leaders_text (CfAchMatrix *m,
              gboolean     deception)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint h = 0; h < m->hypotheses->len; h++)
    {
      CfAchHypothesis *hyp = g_ptr_array_index (m->hypotheses, h);

      if ((deception ? hyp->deception_rank : hyp->rank) != 1)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "H%u (%.2f)", h + 1, deception ? hyp->deception_score : hyp->score);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_summary (CfAchPane *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *leaders = NULL;
  g_autofree char *deception = NULL;
  gboolean any_deceptive = FALSE;

  if (self->matrix == NULL || self->matrix->hypotheses->len == 0)
    {
      gtk_label_set_text (self->summary_label,
                          _("Add hypotheses, then rate each piece of evidence against every one of them."));
      return;
    }
  leaders = leaders_text (self->matrix, FALSE);
  deception = leaders_text (self->matrix, TRUE);
  for (guint r = 0; r < self->matrix->rows->len; r++)
    any_deceptive |= ((CfAchRow *) g_ptr_array_index (self->matrix->rows, r))->deceptive;

  g_string_append_printf (text, _("Least weighted inconsistency: %s."), leaders);
  if (any_deceptive)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("With possibly deceptive evidence down-weighted: %s."), deception);
    }
  if (self->matrix->n_critical > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u critical row (★) decides the lead.",
                                              "%u critical rows (★) decide the lead.",
                                              self->matrix->n_critical), self->matrix->n_critical);
    }
  for (guint h = 0; h < self->matrix->hypotheses->len; h++)
    if (cf_ach_matrix_contradicts (self->matrix, h))
      {
        g_string_append_c (text, ' ');
        g_string_append_printf (text, _("H%u is judged likely but has the most weighted inconsistency."), h + 1);
      }
  gtk_label_set_text (self->summary_label, text->str);
}

/* --- loading ------------------------------------------------------------------------------ */

static void
resize_grid (CfAchPane *self)
{
  guint n_rows = self->matrix ? self->matrix->rows->len : 0;
  guint n_cols = self->matrix ? self->matrix->hypotheses->len : 0;

  gtk_widget_set_size_request (GTK_WIDGET (self->grid), CELLS_X + (int) n_cols * CELL_W,
                               HEADER_H + (int) (n_rows + N_SCORE_ROWS) * ROW_H);
}

void
cf_ach_pane_reload (CfAchPane *self)
{
  g_autoptr(GError) error = NULL;
  gint64 claim_id = 0, hypothesis_id = 0;
  CfAchRow *row;
  CfAchHypothesis *hyp;

  g_return_if_fail (CF_IS_ACH_PANE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* the cursor stays on the same claim and hypothesis across a rebuild */
  row = shown_row (self, self->cursor_row);
  hyp = _cf_ach_pane_shown_hypothesis (self, self->cursor_column);
  if (row != NULL)
    claim_id = row->claim_id;
  if (hyp != NULL)
    hypothesis_id = hyp->hypothesis_id;

  g_clear_pointer (&self->matrix, cf_ach_matrix_free);
  if (self->kase != NULL)
    {
      self->matrix = cf_case_build_ach (self->kase, &error);
      if (self->matrix == NULL)
        g_warning ("Could not build the matrix: %s", error->message);
    }
  apply_order (self);

  self->cursor_row = self->row_order->len > 0 ? 0 : -1;
  self->cursor_column = self->column_order->len > 0 ? 0 : -1;
  for (guint i = 0; claim_id != 0 && i < self->row_order->len; i++)
    if (shown_row (self, i)->claim_id == claim_id)
      self->cursor_row = i;
  for (guint i = 0; hypothesis_id != 0 && i < self->column_order->len; i++)
    if (_cf_ach_pane_shown_hypothesis (self, i)->hypothesis_id == hypothesis_id)
      self->cursor_column = i;

  resize_grid (self);
  update_summary (self);
  update_row_bar (self);
  _cf_ach_pane_reload_indicators (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->grid));
}

static gboolean
reload_idle_cb (gpointer data)
{
  CfAchPane *self = data;

  self->reload_id = 0;
  cf_ach_pane_reload (self);
  return G_SOURCE_REMOVE;
}

static void
records_changed_cb (CfAchPane *self,
                    guint      kinds)
{
  /* one rebuild for a burst of changes (an undo of many edits) */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* --- drawing -------------------------------------------------------------------------- */

static void
set_relation_color (cairo_t    *cr,
                    CfRelation  relation)
{
  switch (relation)
    {
    case CF_RELATION_VERY_CONSISTENT: cairo_set_source_rgb (cr, 0.55, 0.80, 0.55); break;
    case CF_RELATION_CONSISTENT: cairo_set_source_rgb (cr, 0.80, 0.92, 0.78); break;
    case CF_RELATION_NEUTRAL: cairo_set_source_rgb (cr, 0.90, 0.90, 0.88); break;
    case CF_RELATION_INCONSISTENT: cairo_set_source_rgb (cr, 0.97, 0.80, 0.76); break;
    case CF_RELATION_VERY_INCONSISTENT: cairo_set_source_rgb (cr, 0.90, 0.55, 0.50); break;
    case CF_RELATION_NOT_APPLICABLE: cairo_set_source_rgb (cr, 0.82, 0.82, 0.86); break;
    case CF_RELATION_NONE:
    default:
      cairo_set_source_rgba (cr, 0, 0, 0, 0);
      break;
    }
}

static void
draw_text (GtkWidget   *widget,
           cairo_t     *cr,
           const char  *text,
           double       x,
           double       y,
           int          width,
           gboolean     center,
           gboolean     bold,
           double       alpha)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA color;
  int text_w, text_h;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, (width - 8) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_pixel_size (layout, &text_w, &text_h);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
  cairo_move_to (cr, center ? x + (width - text_w) / 2.0 : x + 4, y + (ROW_H - text_h) / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_row (CfAchPane *self,
          cairo_t   *cr,
          gint       position,
          double     y)
{
  GtkWidget *widget = GTK_WIDGET (self->grid);
  CfAchRow *row = shown_row (self, position);
  double alpha = row->diagnostic ? 1.0 : 0.45;
  g_autofree char *flags = NULL;
  g_autofree char *weight = g_strdup_printf ("%.2f", row->weight);
  g_autofree char *diag = g_strdup_printf ("%u", row->diagnosticity);
  const char *prefix = row->kind == CF_EVIDENCE_ASSUMPTION ? _("Assumption: ")
                       : row->kind == CF_EVIDENCE_ABSENCE ? _("Absence: ") : "";
  g_autofree char *text = g_strconcat (prefix, row->text, NULL);

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  if (position == self->cursor_row)
    {
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_rectangle (cr, 0, y, CELLS_X + self->column_order->len * CELL_W, ROW_H);
      cairo_fill (cr);
    }
  flags = g_strconcat (row->critical ? "★" : "", row->deceptive ? "⚠" : "", NULL);
  draw_text (widget, cr, flags, 0, y, FLAG_W, TRUE, FALSE, 1.0);
  draw_text (widget, cr, text, FLAG_W, y, TEXT_W, FALSE, row->critical, alpha);
  draw_text (widget, cr, weight, FLAG_W + TEXT_W, y, WEIGHT_W, TRUE, FALSE, alpha);
  draw_text (widget, cr, diag, FLAG_W + TEXT_W + WEIGHT_W, y, DIAG_W, TRUE, FALSE, alpha);

  for (guint c = 0; c < self->column_order->len; c++)
    {
      CfRelation relation = row->ratings[g_array_index (self->column_order, guint, c)];
      double x = CELLS_X + c * CELL_W;
      const char *code = relation != CF_RELATION_NONE ? cf_relation_to_code (relation) : "·";

      set_relation_color (cr, relation);
      cairo_rectangle (cr, x + 1, y + 1, CELL_W - 2, ROW_H - 2);
      cairo_fill (cr);
      draw_text (widget, cr, code, x, y, CELL_W, TRUE, FALSE, alpha);
      if (position == self->cursor_row && (gint) c == self->cursor_column)
        {
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_set_line_width (cr, gtk_widget_has_focus (widget) ? 2.5 : 1.0);
          cairo_rectangle (cr, x + 1.5, y + 1.5, CELL_W - 3, ROW_H - 3);
          cairo_stroke (cr);
        }
    }
}

static void
draw_score_rows (CfAchPane *self,
                 cairo_t   *cr,
                 double     y)
{
  GtkWidget *widget = GTK_WIDGET (self->grid);

  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.15);
  cairo_rectangle (cr, 0, y, CELLS_X + self->column_order->len * CELL_W, N_SCORE_ROWS * ROW_H);
  cairo_fill (cr);
  draw_text (widget, cr, _("Weighted inconsistency"), FLAG_W, y, TEXT_W, FALSE, TRUE, 1.0);
  draw_text (widget, cr, _("With deception down-weighted"), FLAG_W, y + ROW_H, TEXT_W, FALSE, FALSE, 1.0);
  for (guint c = 0; c < self->column_order->len; c++)
    {
      CfAchHypothesis *hyp = _cf_ach_pane_shown_hypothesis (self, c);
      g_autofree char *score = g_strdup_printf ("%.2f", hyp->score);
      g_autofree char *dscore = g_strdup_printf ("%.2f", hyp->deception_score);

      draw_text (widget, cr, score, CELLS_X + c * CELL_W, y, CELL_W, TRUE, hyp->rank == 1, 1.0);
      draw_text (widget, cr, dscore, CELLS_X + c * CELL_W, y + ROW_H, CELL_W, TRUE, hyp->deception_rank == 1, 1.0);
    }
}

static void
draw_header (CfAchPane *self,
             cairo_t   *cr,
             double     y,
             double     width)
{
  GtkWidget *widget = GTK_WIDGET (self->grid);
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_dark (style))
    cairo_set_source_rgb (cr, 0.19, 0.19, 0.19);
  else
    cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
  cairo_rectangle (cr, 0, y, width, HEADER_H);
  cairo_fill (cr);
  y += (HEADER_H - ROW_H) / 2.0;
  draw_text (widget, cr, _("Evidence"), FLAG_W, y, TEXT_W, FALSE, TRUE, 1.0);
  draw_text (widget, cr, _("Weight"), FLAG_W + TEXT_W, y, WEIGHT_W, TRUE, TRUE, 1.0);
  draw_text (widget, cr, _("Diag."), FLAG_W + TEXT_W + WEIGHT_W, y, DIAG_W, TRUE, TRUE, 1.0);
  for (guint c = 0; c < self->column_order->len; c++)
    {
      g_autofree char *name = g_strdup_printf ("H%d", shown_column_index (self, c) + 1);

      draw_text (widget, cr, name, CELLS_X + c * CELL_W, y, CELL_W, TRUE, TRUE, 1.0);
    }
}

static void
draw_grid_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  CfAchPane *self = user_data;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (vadj);
  double bottom = top + gtk_adjustment_get_page_size (vadj);
  gint first, last;

  if (self->matrix == NULL)
    return;
  /* only the rows in view: 500 rows are drawn as cheaply as 20 */
  first = MAX (0, (gint) floor ((top - HEADER_H) / ROW_H));
  last = MIN ((gint) self->row_order->len - 1, (gint) ceil ((bottom - HEADER_H) / ROW_H));
  for (gint r = first; r <= last; r++)
    draw_row (self, cr, r, HEADER_H + r * ROW_H);
  draw_score_rows (self, cr, HEADER_H + self->row_order->len * ROW_H);
  draw_header (self, cr, top, width);
}

static void
scrolled_cb (CfAchPane *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->grid));
}

/* --- the cursor ------------------------------------------------------------------------ */

static void
select_cursor_claim (CfAchPane *self)
{
  CfAchRow *row = shown_row (self, self->cursor_row);
  g_autoptr(CfClaim) claim = NULL;

  if (row == NULL || self->kase == NULL)
    return;
  if (self->selected_claim != NULL && cf_claim_get_id (self->selected_claim) == row->claim_id)
    return;
  claim = cf_case_get_claim (self->kase, row->claim_id, NULL);
  if (claim != NULL && g_set_object (&self->selected_claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

static void
scroll_to_cursor (CfAchPane *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  double y = HEADER_H + self->cursor_row * ROW_H;
  double x = CELLS_X + self->cursor_column * CELL_W;
  double top = gtk_adjustment_get_value (vadj);
  double page = gtk_adjustment_get_page_size (vadj);

  if (page > 0 && y - HEADER_H < top)
    gtk_adjustment_set_value (vadj, y - HEADER_H);
  else if (page > 0 && y + ROW_H > top + page)
    gtk_adjustment_set_value (vadj, y + ROW_H - page);
  if (gtk_adjustment_get_page_size (hadj) > 0)
    gtk_adjustment_clamp_page (hadj, x, x + CELL_W);
}

void
cf_ach_pane_set_cursor (CfAchPane *self,
                        guint      row,
                        guint      column)
{
  g_return_if_fail (CF_IS_ACH_PANE (self));

  if (self->row_order->len == 0)
    return;
  self->cursor_row = MIN (row, self->row_order->len - 1);
  self->cursor_column = self->column_order->len > 0 ? (gint) MIN (column, self->column_order->len - 1) : -1;
  select_cursor_claim (self);
  scroll_to_cursor (self);
  update_row_bar (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->grid));
}

void
cf_ach_pane_get_cursor (CfAchPane *self,
                        guint     *row,
                        guint     *column)
{
  g_return_if_fail (CF_IS_ACH_PANE (self));
  if (row != NULL)
    *row = (guint) MAX (self->cursor_row, 0);
  if (column != NULL)
    *column = (guint) MAX (self->cursor_column, 0);
}

gint
cf_ach_pane_get_cursor_row_index (CfAchPane *self)
{
  g_return_val_if_fail (CF_IS_ACH_PANE (self), -1);
  if (shown_row (self, self->cursor_row) == NULL)
    return -1;
  return (gint) g_array_index (self->row_order, guint, self->cursor_row);
}

gint
cf_ach_pane_get_cursor_column_index (CfAchPane *self)
{
  g_return_val_if_fail (CF_IS_ACH_PANE (self), -1);
  return shown_column_index (self, self->cursor_column);
}

CfAchMatrix *
cf_ach_pane_get_matrix (CfAchPane *self)
{
  g_return_val_if_fail (CF_IS_ACH_PANE (self), NULL);
  return self->matrix;
}

/* --- editing cells -------------------------------------------------------------------- */

static void
set_cell (CfAchPane  *self,
          CfRelation  relation)
{
  CfAchRow *row = shown_row (self, self->cursor_row);
  CfAchHypothesis *hyp = _cf_ach_pane_shown_hypothesis (self, self->cursor_column);
  g_autoptr(GError) error = NULL;

  if (row == NULL || hyp == NULL || self->kase == NULL)
    return;
  if (!cf_case_set_claim_relation (self->kase, row->claim_id, hyp->hypothesis_id, relation, &error))
    {
      cf_show_error (GTK_WIDGET (self), _("Could Not Rate the Evidence"), error);
      return;
    }
  /* shown at once; the rebuild that follows recomputes the scores */
  row->ratings[shown_column_index (self, self->cursor_column)] = relation;
  gtk_widget_queue_draw (GTK_WIDGET (self->grid));
}

static void
activate_cursor (CfAchPane *self)
{
  CfAchRow *row = shown_row (self, self->cursor_row);

  if (row == NULL)
    return;
  select_cursor_claim (self);
  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, row->claim_id);
}

gboolean
cf_ach_pane_press_key (CfAchPane       *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  CfAchRow *row;
  gint column;
  CfRelation current = CF_RELATION_NONE;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  g_return_val_if_fail (CF_IS_ACH_PANE (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  row = shown_row (self, self->cursor_row);
  column = shown_column_index (self, self->cursor_column);
  if (row == NULL)
    return FALSE;
  if (column >= 0)
    current = row->ratings[column];

  switch (keyval)
    {
    case GDK_KEY_Up:
      cf_ach_pane_set_cursor (self, MAX (self->cursor_row - 1, 0), self->cursor_column);
      return TRUE;
    case GDK_KEY_Down:
      cf_ach_pane_set_cursor (self, self->cursor_row + 1, self->cursor_column);
      return TRUE;
    case GDK_KEY_Left:
      cf_ach_pane_set_cursor (self, self->cursor_row, MAX (self->cursor_column - 1, 0));
      return TRUE;
    case GDK_KEY_Right:
      cf_ach_pane_set_cursor (self, self->cursor_row, self->cursor_column + 1);
      return TRUE;
    case GDK_KEY_Tab:
      /* Heuer works across a row, then on to the next */
      cf_ach_pane_set_cursor (self, self->cursor_row + 1, 0);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      cf_ach_pane_set_cursor (self, MAX (self->cursor_row - 1, 0), 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      activate_cursor (self);
      return TRUE;
    case GDK_KEY_c:
    case GDK_KEY_C:
      /* C, C again (or Shift+C) for CC, and again back to C */
      set_cell (self, shift || current == CF_RELATION_CONSISTENT ? CF_RELATION_VERY_CONSISTENT
                                                                 : CF_RELATION_CONSISTENT);
      return TRUE;
    case GDK_KEY_i:
    case GDK_KEY_I:
      set_cell (self, shift || current == CF_RELATION_INCONSISTENT ? CF_RELATION_VERY_INCONSISTENT
                                                                   : CF_RELATION_INCONSISTENT);
      return TRUE;
    case GDK_KEY_n:
    case GDK_KEY_N:
      set_cell (self, CF_RELATION_NEUTRAL);
      return TRUE;
    case GDK_KEY_a:
    case GDK_KEY_A:
      set_cell (self, CF_RELATION_NOT_APPLICABLE);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      set_cell (self, CF_RELATION_NONE);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CfAchPane             *self)
{
  return cf_ach_pane_press_key (self, keyval, state);
}

/* The shown row and column at a point of the grid; FALSE outside the rows. */
static gboolean
cell_at (CfAchPane *self,
         double     x,
         double     y,
         gint      *row,
         gint      *column)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (y < gtk_adjustment_get_value (vadj) + HEADER_H)
    return FALSE;
  *row = (gint) floor ((y - HEADER_H) / ROW_H);
  *column = x >= CELLS_X ? (gint) floor ((x - CELLS_X) / CELL_W) : -1;
  if (*row < 0 || (guint) *row >= self->row_order->len)
    return FALSE;
  if (*column >= (gint) self->column_order->len)
    *column = -1;
  return TRUE;
}

static void
scale_button_clicked_cb (GtkButton *button,
                         CfAchPane *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  set_cell (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cf-relation")));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
show_scale_popover (CfAchPane *self,
                    double     x,
                    double     y)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  for (guint i = 1; i <= CF_ACH_SCALE_LENGTH; i++)
    {
      /* the last entry clears the cell */
      CfRelation relation = i < CF_ACH_SCALE_LENGTH ? cf_ach_scale_relation (i) : CF_RELATION_NONE;
      g_autofree char *label = relation != CF_RELATION_NONE
                               ? g_strdup_printf ("%s — %s", cf_relation_to_code (relation),
                                                  cf_relation_to_label (relation))
                               : g_strdup (cf_relation_to_label (CF_RELATION_NONE));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data (G_OBJECT (button), "cf-relation", GUINT_TO_POINTER (relation));
      g_signal_connect (button, "clicked", G_CALLBACK (scale_button_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->grid));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &where);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
grid_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CfAchPane       *self)
{
  gint row, column;

  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
  if (!cell_at (self, x, y, &row, &column))
    return;
  cf_ach_pane_set_cursor (self, row, column >= 0 ? column : MAX (self->cursor_column, 0));
  if (n_press == 2)
    activate_cursor (self);
  else if (column >= 0)
    show_scale_popover (self, x, y);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  CfAchPane  *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_autoptr(GString) text = g_string_new (NULL);
  gint row_pos, column;
  CfAchRow *row;

  if (self->matrix == NULL)
    return FALSE;
  if (y < gtk_adjustment_get_value (vadj) + HEADER_H)
    {
      CfAchHypothesis *hyp = x >= CELLS_X ? _cf_ach_pane_shown_hypothesis (self, (x - CELLS_X) / CELL_W) : NULL;

      if (hyp == NULL)
        return FALSE;
      g_string_append_printf (text, _("H%d: %s\nWeighted inconsistency %.2f (rank %u); with deception down-weighted %.2f (rank %u)"),
                              shown_column_index (self, (x - CELLS_X) / CELL_W) + 1, hyp->title,
                              hyp->score, hyp->rank, hyp->deception_score, hyp->deception_rank);
      gtk_tooltip_set_text (tooltip, text->str);
      return TRUE;
    }
  if (!cell_at (self, x, y, &row_pos, &column))
    return FALSE;
  row = shown_row (self, row_pos);
  g_string_append (text, row->text);
  if (column >= 0)
    {
      CfRelation relation = row->ratings[shown_column_index (self, column)];

      g_string_append_printf (text, "\n\nH%d: %s", shown_column_index (self, column) + 1,
                              cf_relation_to_label (relation));
    }
  g_string_append_printf (text, "\n%s", _("Weight: source reliability × information credibility × relevance, unless set by hand."));
  if (!row->diagnostic)
    g_string_append_printf (text, "\n%s", _("Not diagnostic: rated alike for every hypothesis, it helps choose none."));
  if (row->critical)
    g_string_append_printf (text, "\n%s", _("Critical: leaving this row out changes the leading hypothesis."));
  if (row->deceptive)
    g_string_append_printf (text, "\n%s", _("Its source or actor is marked possibly deceptive."));
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* --- the row bar: relevance, weight, deception ------------------------------------------------ */

static void
update_row_bar (CfAchPane *self)
{
  CfAchRow *row = shown_row (self, self->cursor_row);
  g_autofree char *weight = NULL;

  self->updating_bar = TRUE;
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->row_label)), row != NULL);
  if (row == NULL)
    {
      gtk_label_set_text (self->row_label, _("No evidence yet: add an assumption or an absence, or relate claims to the hypotheses."));
      self->updating_bar = FALSE;
      return;
    }
  gtk_label_set_text (self->row_label, row->text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->row_label), row->text);
  gtk_drop_down_set_selected (self->relevance_dropdown, row->relevance);
  weight = row->weight_override >= 0 ? g_strdup_printf ("%g", row->weight_override) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->weight_entry), weight);
  gtk_check_button_set_active (self->source_deceptive_check, row->document_deceptive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_deceptive_check), row->document_id > 0);
  gtk_check_button_set_active (self->actor_deceptive_check, row->actor_deceptive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->actor_deceptive_check), row->actor_id > 0);
  self->updating_bar = FALSE;
}

static void
relevance_changed_cb (CfAchPane *self)
{
  CfAchRow *row = shown_row (self, self->cursor_row);
  g_autoptr(GError) error = NULL;
  guint value = gtk_drop_down_get_selected (self->relevance_dropdown);

  if (self->updating_bar || row == NULL || value == GTK_INVALID_LIST_POSITION || value == row->relevance)
    return;
  if (!cf_case_set_claim_relevance (self->kase, row->claim_id, value, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Set the Relevance"), error);
}

static void
weight_activate_cb (CfAchPane *self)
{
  CfAchRow *row = shown_row (self, self->cursor_row);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->weight_entry));
  char *end = NULL;
  double weight = -1;

  if (row == NULL)
    return;
  if (*text != '\0')
    {
      weight = g_strtod (text, &end);
      if (*end != '\0' || !isfinite (weight) || weight < 0)
        {
          g_set_error (&error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                       _("“%s” is not a weight: give a number of 0 or more, or leave it empty for the computed weight."), text);
          cf_show_error (GTK_WIDGET (self), _("Could Not Set the Weight"), error);
          return;
        }
    }
  if (!cf_case_set_claim_weight (self->kase, row->claim_id, weight, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Set the Weight"), error);
}

static void
deceptive_toggled_cb (GtkCheckButton *check,
                      CfAchPane      *self)
{
  CfAchRow *row = shown_row (self, self->cursor_row);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);
  gboolean ok;

  if (self->updating_bar || row == NULL)
    return;
  if (check == self->source_deceptive_check)
    ok = row->document_id <= 0 || active == row->document_deceptive
         || cf_case_set_document_deceptive (self->kase, row->document_id, active, &error);
  else
    ok = row->actor_id <= 0 || active == row->actor_deceptive
         || cf_case_set_actor_deceptive (self->kase, row->actor_id, active, &error);
  if (!ok)
    cf_show_error (GTK_WIDGET (self), _("Could Not Mark the Source"), error);
}

/* --- adding rows ------------------------------------------------------------------------ */

typedef struct
{
  CfAchPane      *self;
  CfEvidenceKind  kind;
  GtkEntry       *entry;
} AddData;

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddData          *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") == 0 && data->self->kase != NULL
      && cf_case_add_evidence (data->self->kase, data->kind,
                               gtk_editable_get_text (GTK_EDITABLE (data->entry)), &error) == 0)
    cf_show_error (GTK_WIDGET (data->self), _("Could Not Add the Evidence"), error);
  g_object_unref (data->self);
  g_free (data);
}

static void
ask_statement (CfAchPane      *self,
               CfEvidenceKind  kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  AddData *data = g_new0 (AddData, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       kind == CF_EVIDENCE_ASSUMPTION ? _("Add an Assumption")
                                                                                      : _("Add an Absence of Evidence"),
                                                       kind == CF_EVIDENCE_ASSUMPTION
                                                       ? _("What do you take as true without a source?")
                                                       : _("What evidence would you expect to see that is missing?")));
  data->self = g_object_ref (self);
  data->kind = kind;
  data->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (data->entry, TRUE);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (data->entry));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  g_signal_connect (dialog, "response", G_CALLBACK (add_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_assumption_cb (CfAchPane *self)
{
  ask_statement (self, CF_EVIDENCE_ASSUMPTION);
}

static void
add_absence_cb (CfAchPane *self)
{
  ask_statement (self, CF_EVIDENCE_ABSENCE);
}

static void
add_claim_cb (CfAchPane *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selected_claim == NULL || self->kase == NULL)
    return;
  /* a relevance puts the claim in the matrix; medium is what unset means anyway */
  if (cf_claim_get_relevance (self->selected_claim) == CF_RELEVANCE_NONE
      && !cf_case_set_claim_relevance (self->kase, cf_claim_get_id (self->selected_claim), CF_RELEVANCE_MEDIUM, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Add the Claim"), error);
}

static void
order_changed_cb (CfAchPane *self)
{
  if (self->matrix != NULL)
    cf_ach_pane_reload (self);
}

void
cf_ach_pane_set_row_order (CfAchPane     *self,
                           CfAchRowOrder  order)
{
  g_return_if_fail (CF_IS_ACH_PANE (self));
  gtk_drop_down_set_selected (self->row_order_dropdown, order);
}

void
cf_ach_pane_set_columns_by_score (CfAchPane *self,
                                  gboolean   by_score)
{
  g_return_if_fail (CF_IS_ACH_PANE (self));
  gtk_drop_down_set_selected (self->column_order_dropdown, by_score ? 1 : 0);
}

/* --- the object ------------------------------------------------------------------------------ */

static void
set_case (CfAchPane *self,
          CfCase    *kase)
{
  if (self->kase == kase)
    return;
  g_clear_signal_handler (&self->records_changed_id, self->kase);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    self->records_changed_id = g_signal_connect_swapped (kase, "records-changed",
                                                         G_CALLBACK (records_changed_cb), self);
  self->cursor_row = -1;
  self->cursor_column = -1;
  cf_ach_pane_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
set_selected_claim (CfAchPane *self,
                    CfClaim   *claim)
{
  if (!g_set_object (&self->selected_claim, claim))
    return;
  gtk_widget_set_sensitive (self->add_claim_button, claim != NULL);
  /* the cursor follows a claim chosen elsewhere, when it is a row */
  for (guint i = 0; claim != NULL && i < self->row_order->len; i++)
    if (shown_row (self, i)->claim_id == cf_claim_get_id (claim) && (gint) i != self->cursor_row)
      {
        cf_ach_pane_set_cursor (self, i, MAX (self->cursor_column, 0));
        break;
      }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

static void
cf_ach_pane_dispose (GObject *object)
{
  CfAchPane *self = CF_ACH_PANE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_signal_handler (&self->records_changed_id, self->kase);
  g_clear_object (&self->kase);
  g_clear_object (&self->selected_claim);
  g_clear_pointer (&self->matrix, cf_ach_matrix_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_ACH_PANE);

  G_OBJECT_CLASS (cf_ach_pane_parent_class)->dispose (object);
}

static void
cf_ach_pane_finalize (GObject *object)
{
  CfAchPane *self = CF_ACH_PANE (object);

  g_array_unref (self->row_order);
  g_array_unref (self->column_order);

  G_OBJECT_CLASS (cf_ach_pane_parent_class)->finalize (object);
}

static void
cf_ach_pane_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CfAchPane *self = CF_ACH_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_ach_pane_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CfAchPane *self = CF_ACH_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      set_case (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_CLAIM:
      set_selected_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_ach_pane_class_init (CfAchPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_ach_pane_dispose;
  object_class->finalize = cf_ach_pane_finalize;
  object_class->get_property = cf_ach_pane_get_property;
  object_class->set_property = cf_ach_pane_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_object ("selected-claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfAchPane::claim-activated:
   * @claim_id: the row's claim
   *
   * Enter or a double click on a row: show its claim in the reader.
   */
  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-ach-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, grid);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, row_label);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, row_order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, column_order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, relevance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, weight_entry);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, source_deceptive_check);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, actor_deceptive_check);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, indicator_entry);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, CfAchPane, add_claim_button);
  gtk_widget_class_bind_template_callback (widget_class, add_assumption_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_absence_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_claim_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "add_indicator_cb", G_CALLBACK (_cf_ach_pane_add_indicator_cb));
}

static void
cf_ach_pane_init (CfAchPane *self)
{
  GtkEventController *keys;
  GtkGesture *click;
  g_autoptr(GtkStringList) relevances = gtk_string_list_new (NULL);

  self->row_order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->column_order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cursor_row = -1;
  self->cursor_column = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i <= CF_RELEVANCE_LAST; i++)
    gtk_string_list_append (relevances, cf_relevance_to_label (i));
  gtk_drop_down_set_model (self->relevance_dropdown, G_LIST_MODEL (relevances));
  g_signal_connect_swapped (self->relevance_dropdown, "notify::selected", G_CALLBACK (relevance_changed_cb), self);
  g_signal_connect_swapped (self->weight_entry, "activate", G_CALLBACK (weight_activate_cb), self);
  g_signal_connect (self->source_deceptive_check, "toggled", G_CALLBACK (deceptive_toggled_cb), self);
  g_signal_connect (self->actor_deceptive_check, "toggled", G_CALLBACK (deceptive_toggled_cb), self);
  gtk_widget_set_sensitive (self->add_claim_button, FALSE);

  gtk_drawing_area_set_draw_func (self->grid, draw_grid_cb, self, NULL);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                            G_CALLBACK (scrolled_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (grid_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self->grid, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (self->grid, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), self->grid);
}

GtkWidget *
cf_ach_pane_new (void)
{
  return g_object_new (CF_TYPE_ACH_PANE, NULL);
}
