/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The colours the window paints claims with, and the WCAG 2 arithmetic that keeps
 * them readable: text ≥ 4.5:1 on what it sits on, marks that tell a claim apart
 * ≥ 3:1 (test-colors checks every tag colour of the palette, light and dark). */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* A claim without tags. */
#define CF_UNTAGGED_COLOR "#f6d32d"
/* How opaque a tag's colour lies under the reader's text. */
#define CF_HIGHLIGHT_ALPHA 0.38
/* Where two claims overlap (orange, translucent like a highlight). */
#define CF_OVERLAP_COLOR "rgba(230,97,0,0.45)"
/* The selected claim's double underline in the light and the dark style. */
#define CF_SELECTED_LIGHT "#1a5fb4"
#define CF_SELECTED_DARK  "#99c1f1"
/* The text view's background and text in libadwaita's light and dark styles
 * (view_bg_color, view_fg_color). */
#define CF_VIEW_BG_LIGHT "#ffffff"
#define CF_VIEW_FG_LIGHT "rgba(0,0,0,0.8)"
#define CF_VIEW_BG_DARK  "#1e1e1e"
#define CF_VIEW_FG_DARK  "#ffffff"

/* WCAG 2 relative luminance of an opaque colour. */
double      cf_color_luminance      (const GdkRGBA *color);
/* WCAG 2 contrast ratio, 1 to 21, of two opaque colours. */
double      cf_color_contrast       (const GdkRGBA *a,
                                     const GdkRGBA *b);
/* @top painted over the opaque @bottom. */
void        cf_color_over           (const GdkRGBA *top,
                                     const GdkRGBA *bottom,
                                     GdkRGBA       *result);
/* The text colour for a chip of @background ("#rrggbb"): black or white, whichever
 * contrasts more (never below 4.58:1). */
const char *cf_color_text_on        (const char    *background);

G_END_DECLS
