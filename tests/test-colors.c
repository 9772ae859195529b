/* SPDX-License-Identifier: GPL-3.0-or-later */
/* WCAG 2 contrast of what the window paints claims with, for every colour of the
 * tag palette, in the light and the dark style: the text on a highlight ≥ 4.5:1, the
 * marks that tell a claim apart from the text around it (its underline, the selected
 * claim's double underline) ≥ 3:1, and a tag chip's name on its colour ≥ 4.5:1. */
#include "config.h"

#include "cf-colors.h"
#include "cf-tag.h"

#define TEXT_MINIMUM 4.5
#define MARK_MINIMUM 3.0

typedef struct
{
  const char *name;
  const char *background;
  const char *text;
  const char *selected;
} Style;

static const Style styles[] = {
  { "light", CF_VIEW_BG_LIGHT, CF_VIEW_FG_LIGHT, CF_SELECTED_LIGHT },
  { "dark", CF_VIEW_BG_DARK, CF_VIEW_FG_DARK, CF_SELECTED_DARK },
};

static GdkRGBA
parse (const char *color)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, color));
  return rgba;
}

/* Every colour a highlight can have: the palette, an untagged claim's, the overlap's. */
static GPtrArray *
highlight_colors (void)
{
  GPtrArray *colors = g_ptr_array_new ();
  guint n;
  const char * const *palette = cf_tag_get_palette (&n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (colors, (gpointer) palette[i]);
  g_ptr_array_add (colors, (gpointer) CF_UNTAGGED_COLOR);
  g_ptr_array_add (colors, (gpointer) CF_OVERLAP_COLOR);
  return colors;
}

static void
test_highlights (void)
{
  g_autoptr(GPtrArray) colors = highlight_colors ();

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      GdkRGBA background = parse (styles[s].background);
      GdkRGBA text_rgba = parse (styles[s].text);
      GdkRGBA selected = parse (styles[s].selected);
      GdkRGBA plain_text;

      cf_color_over (&text_rgba, &background, &plain_text);
      /* the underline is drawn in the text's colour: a mark on the page */
      g_assert_cmpfloat (cf_color_contrast (&plain_text, &background), >=, MARK_MINIMUM);
      g_assert_cmpfloat (cf_color_contrast (&selected, &background), >=, MARK_MINIMUM);

      for (guint i = 0; i < colors->len; i++)
        {
          const char *color = g_ptr_array_index (colors, i);
          GdkRGBA tint = parse (color), fill, text;
          double text_ratio, underline_ratio, selected_ratio;

          /* a tag's own colour is opaque; the reader lays it translucent */
          if (tint.alpha >= 1.0)
            tint.alpha = CF_HIGHLIGHT_ALPHA;
          cf_color_over (&tint, &background, &fill);
          cf_color_over (&text_rgba, &fill, &text);
          text_ratio = cf_color_contrast (&text, &fill);
          underline_ratio = text_ratio;
          selected_ratio = cf_color_contrast (&selected, &fill);
          g_test_message ("%s %s: text %.2f:1, selected underline %.2f:1",
                          styles[s].name, color, text_ratio, selected_ratio);

          g_assert_cmpfloat (text_ratio, >=, TEXT_MINIMUM);
          g_assert_cmpfloat (underline_ratio, >=, MARK_MINIMUM);
          g_assert_cmpfloat (selected_ratio, >=, MARK_MINIMUM);
        }
    }
}

static void
test_chips (void)
{
  guint n;
  const char * const *palette = cf_tag_get_palette (&n);
  /* the palette, and colours a user may pick: mid grey is the hardest case */
  const char *more[] = { CF_UNTAGGED_COLOR, "#777777", "#808080", "#1c71d8", "#000000", "#ffffff" };

  for (guint i = 0; i < n + G_N_ELEMENTS (more); i++)
    {
      const char *color = i < n ? palette[i] : more[i - n];
      GdkRGBA chip = parse (color);
      GdkRGBA text = parse (cf_color_text_on (color));
      double ratio = cf_color_contrast (&text, &chip);

      g_test_message ("chip %s: %s text %.2f:1", color, cf_color_text_on (color), ratio);
      g_assert_cmpfloat (ratio, >=, TEXT_MINIMUM);
    }
}

static void
test_arithmetic (void)
{
  GdkRGBA black = parse ("#000000"), white = parse ("#ffffff"), grey = parse ("#767676");

  /* the figures WCAG's own examples give */
  g_assert_cmpfloat_with_epsilon (cf_color_contrast (&black, &white), 21.0, 0.01);
  g_assert_cmpfloat_with_epsilon (cf_color_contrast (&white, &white), 1.0, 0.001);
  g_assert_cmpfloat_with_epsilon (cf_color_contrast (&grey, &white), 4.54, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/colors/arithmetic", test_arithmetic);
  g_test_add_func ("/colors/highlights-readable-and-marked", test_highlights);
  g_test_add_func ("/colors/tag-chips-readable", test_chips);

  return g_test_run ();
}
