/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claims table's cells (see cf-cell-text.h). */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include "cf-cell-text.h"

struct _CfCellText
{
  GtkWidget    parent_instance;

  char        *text;
  gboolean     markup;
  int          lines;
  PangoLayout *layout;       /* NULL until first drawn */
  gboolean     text_changed; /* the layout still has older text */
  gboolean     drawn;        /* last drawn with its text */
  gboolean     tabular;      /* figures of one width */
  int          width_chars;  /* > 0: measured by its text (cf_cell_text_measure_text) */
};

G_DEFINE_FINAL_TYPE (CfCellText, cf_cell_text, GTK_TYPE_WIDGET)

/* Like a GtkLabel with width-chars 1: the column decides the width. One
 * character's width, for the font the cells had last (they all have the same). */
static int
char_width (GtkWidget *widget)
{
  static PangoFontDescription *font;
  static int width;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *current = pango_context_get_font_description (context);

  if (font == NULL || !pango_font_description_equal (font, current))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      width = PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                      pango_font_metrics_get_approximate_digit_width (metrics)));
      pango_font_metrics_unref (metrics);
      g_clear_pointer (&font, pango_font_description_free);
      font = pango_font_description_copy (current);
    }
  return width;
}

static void ensure_layout (CfCellText *self,
                           int         width);

static void
cf_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CfCellText *self = CF_CELL_TEXT (widget);
  int text_width, text_height;

  if (self->width_chars <= 0)
    {
      *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? char_width (widget) : 0;
      return;
    }

  /* As a wrapping label: at least width-chars wide, at most its text on one line;
   * as high as its lines in the width it gets. One layout does for both, and the
   * drawing after (in the width measured last, as a list does). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      ensure_layout (self, -1);
      pango_layout_get_pixel_size (self->layout, &text_width, NULL);
      *natural = MAX (text_width, 0);
      *minimum = MIN (*natural, self->width_chars * char_width (widget));
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      ensure_layout (self, for_size);
      pango_layout_get_pixel_size (self->layout, NULL, &text_height);
      *minimum = *natural = text_height;
    }
}

static GtkSizeRequestMode
cf_cell_text_get_request_mode (GtkWidget *widget)
{
  return CF_CELL_TEXT (widget)->width_chars > 0 ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ensure_layout (CfCellText *self,
               int         width)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->layout, -self->lines);
      self->text_changed = TRUE;
    }
  if (self->text_changed)
    {
      if (self->markup)
        pango_layout_set_markup (self->layout, self->text ?: "", -1);
      else
        {
          g_autoptr(PangoAttrList) attributes = NULL;

          /* what the style's .numeric asks a label for (font-feature-settings) */
          if (self->tabular)
            {
              attributes = pango_attr_list_new ();
              pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
            }
          pango_layout_set_attributes (self->layout, attributes);
          pango_layout_set_text (self->layout, self->text ?: "", -1);
        }
      self->text_changed = FALSE;
    }
  width = width >= 0 ? width * PANGO_SCALE : -1;
  if (pango_layout_get_width (self->layout) != width)
    pango_layout_set_width (self->layout, width);
}

static void
cf_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CfCellText *self = CF_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_height;
  GdkRGBA color;

  self->drawn = FALSE;
  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  self->drawn = TRUE;

  ensure_layout (self, width);
  pango_layout_get_pixel_size (self->layout, NULL, &text_height);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* centred in the row's height, like the labels around it */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, floor ((height - text_height) / 2.0)));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
set_text (CfCellText *self,
          const char *text,
          gboolean    markup,
          const char *plain)
{
  if (self->markup == markup && g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  self->markup = markup;
  self->text_changed = TRUE;
  self->drawn = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, plain ?: "", -1);
  if (self->width_chars > 0)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_cell_text_set_text (CfCellText *self,
                       const char *text)
{
  g_return_if_fail (CF_IS_CELL_TEXT (self));

  set_text (self, text, FALSE, text);
}

void
cf_cell_text_set_markup (CfCellText *self,
                         const char *markup,
                         const char *plain)
{
  g_return_if_fail (CF_IS_CELL_TEXT (self));

  set_text (self, markup, TRUE, plain);
}

void
cf_cell_text_set_tabular_figures (CfCellText *self,
                                  gboolean    tabular)
{
  g_return_if_fail (CF_IS_CELL_TEXT (self));

  if (self->tabular == !!tabular)
    return;
  self->tabular = !!tabular;
  self->text_changed = TRUE;
  if (tabular)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "numeric");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_cell_text_measure_text (CfCellText *self,
                           int         width_chars)
{
  g_return_if_fail (CF_IS_CELL_TEXT (self));

  self->width_chars = MAX (width_chars, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
cf_cell_text_get_text (CfCellText *self)
{
  g_return_val_if_fail (CF_IS_CELL_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

gboolean
cf_cell_text_get_drawn (CfCellText *self)
{
  g_return_val_if_fail (CF_IS_CELL_TEXT (self), FALSE);

  return self->drawn;
}

static void
cf_cell_text_finalize (GObject *object)
{
  CfCellText *self = CF_CELL_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (cf_cell_text_parent_class)->finalize (object);
}

static void
cf_cell_text_class_init (CfCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cf_cell_text_finalize;
  widget_class->measure = cf_cell_text_measure;
  widget_class->get_request_mode = cf_cell_text_get_request_mode;
  widget_class->snapshot = cf_cell_text_snapshot;
  /* styled as the labels it stands for */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cf_cell_text_init (CfCellText *self)
{
  self->lines = 1;
}

GtkWidget *
cf_cell_text_new (int lines)
{
  CfCellText *self = g_object_new (CF_TYPE_CELL_TEXT, NULL);

  self->lines = MAX (lines, 1);
  return GTK_WIDGET (self);
}
