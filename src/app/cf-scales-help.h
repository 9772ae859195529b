/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_SCALES_HELP (cf_scales_help_get_type ())

G_DECLARE_FINAL_TYPE (CfScalesHelp, cf_scales_help, CF, SCALES_HELP, AdwPreferencesWindow)

/* A searchable window that explains the rating scales: source reliability
 * (A–F), information credibility (1–6), likelihood with its percent ranges and
 * analytic confidence, with the labels the rest of the app shows. */
/* @parent: (nullable). Returns: (transfer none): the window, owned by GTK's list of
 * toplevels */
GtkWidget *cf_scales_help_new (GtkWindow *parent);

G_END_DECLS
