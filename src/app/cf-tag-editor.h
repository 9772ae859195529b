/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_TAG_EDITOR (cf_tag_editor_get_type ())
G_DECLARE_FINAL_TYPE (CfTagEditor, cf_tag_editor, CF, TAG_EDITOR, AdwWindow)

/* A window to create, rename, recolour, nest and delete the case's tags. */
/* Returns: (transfer none): the window, owned by GTK's list of toplevels */
CfTagEditor *cf_tag_editor_new (GtkWindow *parent,
                                CfCase    *kase);

G_END_DECLS
