/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_HYPOTHESES_PANE (cf_hypotheses_pane_get_type ())
G_DECLARE_FINAL_TYPE (CfHypothesesPane, cf_hypotheses_pane, CF, HYPOTHESES_PANE, GtkBox)

/* The competing hypotheses with their likelihood and confidence; add, edit, delete. */
void cf_hypotheses_pane_set_case       (CfHypothesesPane *self,
                                        CfCase           *kase);
/* Opens the dialog for a new hypothesis. */
void cf_hypotheses_pane_add_hypothesis (CfHypothesesPane *self);

G_END_DECLS
