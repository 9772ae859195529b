/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <math.h>

#include "cf-colors.h"

/* WCAG 2.x: sRGB channel to linear light */
static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
cf_color_luminance (const GdkRGBA *color)
{
  g_return_val_if_fail (color != NULL, 0);

  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

double
cf_color_contrast (const GdkRGBA *a,
                   const GdkRGBA *b)
{
  double la = cf_color_luminance (a), lb = cf_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

void
cf_color_over (const GdkRGBA *top,
               const GdkRGBA *bottom,
               GdkRGBA       *result)
{
  g_return_if_fail (top != NULL && bottom != NULL && result != NULL);

  result->red = top->red * top->alpha + bottom->red * (1 - top->alpha);
  result->green = top->green * top->alpha + bottom->green * (1 - top->alpha);
  result->blue = top->blue * top->alpha + bottom->blue * (1 - top->alpha);
  result->alpha = 1;
}

const char *
cf_color_text_on (const char *background)
{
  GdkRGBA bg, black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  if (background == NULL || !gdk_rgba_parse (&bg, background))
    return "#000000";
  bg.alpha = 1;
  return cf_color_contrast (&bg, &black) >= cf_color_contrast (&bg, &white) ? "#000000" : "#ffffff";
}
