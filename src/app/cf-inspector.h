/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-inspector-ratings.h"
#include "cf-inspector-section.h"

G_BEGIN_DECLS

#define CF_TYPE_INSPECTOR (cf_inspector_get_type ())
G_DECLARE_FINAL_TYPE (CfInspector, cf_inspector, CF, INSPECTOR, CfInspectorSection)

/* Shows and edits one claim: paraphrase, actor, ratings, tags, relations to the
 * hypotheses and notes. Every edit goes straight to the case (one undo step each).
 * The "case" and "claim" properties (from CfInspectorSection) are meant to be
 * bound by the window; the functions below are kept for callers in C. */
/* @kase: (nullable); shows no claim until one is set. */
void         cf_inspector_set_case     (CfInspector       *self,
                                        CfCase            *kase);
/* Returns: (transfer none) (nullable) */
CfCase      *cf_inspector_get_case     (CfInspector       *self);
/* @claim: (nullable); what was being typed is saved to the previous claim first. */
void         cf_inspector_set_claim    (CfInspector       *self,
                                        CfClaim           *claim);
/* Returns: (transfer none) (nullable) */
CfClaim     *cf_inspector_get_claim    (CfInspector       *self);
/* Commits a paraphrase or actor still being typed. */
void         cf_inspector_commit       (CfInspector       *self);
/* Moves the focus to the first rating, ready to rate a new claim. */
void         cf_inspector_focus_rating (CfInspector       *self);
/* Opens the popover to add a tag to the claim. */
void         cf_inspector_popup_tags   (CfInspector       *self);
/* Returns: (transfer none): the drop-down that sets @rating */
GtkDropDown *cf_inspector_get_dropdown (CfInspector       *self,
                                        CfInspectorRating  rating);

G_END_DECLS
