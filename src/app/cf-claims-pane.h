/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-case.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CLAIMS_SCOPE_ALL,
  CF_CLAIMS_SCOPE_DOCUMENT,
  CF_CLAIMS_SCOPE_TAG,
  CF_CLAIMS_SCOPE_HYPOTHESIS,
} CfClaimsScope;

#define CF_TYPE_CLAIMS_PANE (cf_claims_pane_get_type ())
G_DECLARE_FINAL_TYPE (CfClaimsPane, cf_claims_pane, CF, CLAIMS_PANE, GtkBox)

/* The table of claims: scope, filter, sorting by column (done by the core), and the
 * selected claim. Properties: "case", "document-id" (what "This Source" shows) and
 * "selected-claim" (kept while a filter hides it). */
void           cf_claims_pane_set_case           (CfClaimsPane  *self,
                                                  CfCase        *kase);
/* The document the "This Source" scope shows. */
void           cf_claims_pane_set_document       (CfClaimsPane  *self,
                                                  gint64         document_id);
void           cf_claims_pane_set_scope          (CfClaimsPane  *self,
                                                  CfClaimsScope  scope);
/* Selects and scrolls to the claim; FALSE when it is not in the list as filtered. */
gboolean       cf_claims_pane_select_claim       (CfClaimsPane  *self,
                                                  gint64         claim_id);
/* Selects the claim in the list when the list shows it. */
void           cf_claims_pane_set_selected_claim (CfClaimsPane  *self,
                                                  CfClaim       *claim);
/* (transfer none) (nullable) */
CfClaim       *cf_claims_pane_get_selected_claim (CfClaimsPane  *self);
GListModel    *cf_claims_pane_get_model          (CfClaimsPane  *self);
GtkColumnView *cf_claims_pane_get_column_view    (CfClaimsPane  *self);
void           cf_claims_pane_focus_filter       (CfClaimsPane  *self);

G_END_DECLS
