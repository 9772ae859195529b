/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_INSPECTOR_SECTION (cf_inspector_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (CfInspectorSection, cf_inspector_section, CF, INSPECTOR_SECTION, GtkBox)

/* The claim inspector, and each of its parts (ratings, tags, relations, paraphrase),
 * whose "case" and "claim" properties the inspector binds to its own. It follows
 * the claim and lets go of it when it is deleted; a subclass fills in what to show
 * and what to save. */
struct _CfInspectorSectionClass
{
  GtkBoxClass parent_class;

  /* Bits (1 << CfRecordKind) of the records, besides the claim itself, whose
   * changes the section shows: a tag's colour, a hypothesis's title. */
  guint record_kinds;

  /* The case changed; rebind lists made from its models. */
  void (*case_changed)  (CfInspectorSection *self);
  /* Another claim, or none, is shown from now on. */
  void (*claim_changed) (CfInspectorSection *self);
  /* The claim or one of record_kinds changed: show the claim as it is now. */
  void (*refresh)       (CfInspectorSection *self);
  /* Saves what is still being typed; runs before the claim or case changes. */
  void (*commit)        (CfInspectorSection *self);
};

/* Returns: (transfer none) (nullable) */
CfCase   *cf_inspector_section_get_case     (CfInspectorSection *self);
/* @kase: (nullable); shows no claim until one is set. */
void      cf_inspector_section_set_case     (CfInspectorSection *self,
                                             CfCase             *kase);
/* Returns: (transfer none) (nullable) */
CfClaim  *cf_inspector_section_get_claim    (CfInspectorSection *self);
/* @claim: (nullable); saves what was typed for the previous claim first. */
void      cf_inspector_section_set_claim    (CfInspectorSection *self,
                                             CfClaim            *claim);
void      cf_inspector_section_commit       (CfInspectorSection *self);
/* TRUE while the section itself fills its widgets: their change handlers must not
 * write back to the case. */
gboolean  cf_inspector_section_is_updating  (CfInspectorSection *self);

G_END_DECLS
