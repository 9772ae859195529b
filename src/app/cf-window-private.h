/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What cf-window.c and cf-window-actions.c share: the window's fields and the
 * helpers each side calls in the other. */
#pragma once

#include "cf-claims-pane.h"
#include "cf-hypotheses-pane.h"
#include "cf-inspector.h"
#include "cf-notes-pane.h"
#include "cf-reader.h"
#include "cf-search-popover.h"
#include "cf-sources-pane.h"
#include "cf-window.h"

G_BEGIN_DECLS

typedef struct _CfImportJob CfImportJob;

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *recent_list;
  GtkWidget            *recent_group;
  AdwFlap              *sidebar_flap;
  GtkWidget            *sidebar_button;
  GtkPaned             *main_paned;
  GtkPaned             *side_paned;
  GtkStack             *sidebar_stack;
  CfSourcesPane        *sources_pane;
  CfNotesPane          *notes_pane;
  CfHypothesesPane     *hypotheses_pane;
  CfReader             *reader;
  CfClaimsPane         *claims_pane;
  CfInspector          *inspector;
  CfSearchPopover      *search_popover;
  GtkMenuButton        *search_button;
  GtkMenuButton        *primary_menu_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkWidget            *mark_button;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GMenu                *recent_menu;

  CfCase               *kase;
  GSignalGroup         *case_signals;
  gint64                document_id;
  CfClaim              *selected_claim;
  GSettings            *settings;
  CfImportJob          *import_job;
};

void _cf_window_class_actions_init (GtkWidgetClass *widget_class);
void _cf_window_update_actions     (CfWindow       *self);
void _cf_window_cancel_import      (CfWindow       *self);
gboolean _cf_window_is_importing   (CfWindow       *self);
/* Changes the shared selection; the panes follow through their bindings. */
void _cf_window_select_claim_id    (CfWindow       *self,
                                    gint64          claim_id);
void _cf_window_set_document_id    (CfWindow       *self,
                                    gint64          document_id);
void _cf_window_case_moved         (CfWindow       *self);
/* Reloads what another program changed in the file; TRUE if anything was. Call
 * before an edit that acts on the selection. */
gboolean _cf_window_check_outside_changes (CfWindow *self);
void _cf_window_setup_drop         (CfWindow       *self);
/* cf-open-progress.c: opens @file in a worker thread with a progress page when it is
 * big and needs the full check; FALSE when it should be opened at once instead. */
gboolean _cf_window_open_in_background (CfWindow *self,
                                        GFile    *file);
/* cf-window-case-actions.c: properties, a claim's span, exports */
void _cf_window_class_case_actions_init (GtkWidgetClass *widget_class);
void _cf_window_update_case_actions     (CfWindow       *self);

G_END_DECLS
