/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_PREFERENCES_WINDOW (cf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, CF, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The preferences of org.example.Casefile: the analyst's name and default
 * marking for new case files, and the defaults of the printed brief. Every
 * change is written to @settings at once; NULL uses the application's schema. */
/* @parent: (nullable); @settings: (nullable). Returns: (transfer none): the window,
 * owned by GTK's list of toplevels like any GtkWindow */
GtkWidget *cf_preferences_window_new          (GtkWindow *parent,
                                               GSettings *settings);

/* Returns: (transfer none): the settings given, or the application's */
GSettings *cf_preferences_window_get_settings (CfPreferencesWindow *self);

/* Gives a case that was just created the analyst name and handling marking
 * from the preferences (nothing when they are empty or the schema is not
 * installed). Not undoable: they are how the case starts. */
void       cf_preferences_apply_to_new_case   (CfCase              *kase);

G_END_DECLS
