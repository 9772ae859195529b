/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-section.h"

G_BEGIN_DECLS

typedef enum
{
  CF_INSPECTOR_RELIABILITY,
  CF_INSPECTOR_CREDIBILITY,
  CF_INSPECTOR_LIKELIHOOD,
  CF_INSPECTOR_CONFIDENCE,
} CfInspectorRating;

/* The claim's actor and its four ratings, each saved as soon as it is chosen. */
#define CF_TYPE_INSPECTOR_RATINGS (cf_inspector_ratings_get_type ())
G_DECLARE_FINAL_TYPE (CfInspectorRatings, cf_inspector_ratings, CF, INSPECTOR_RATINGS, CfInspectorSection)

/* Moves the focus to the first rating. */
void         cf_inspector_ratings_focus        (CfInspectorRatings *self);
/* Returns: (transfer none): the drop-down that sets @rating */
GtkDropDown *cf_inspector_ratings_get_dropdown (CfInspectorRatings *self,
                                                CfInspectorRating   rating);

G_END_DECLS
