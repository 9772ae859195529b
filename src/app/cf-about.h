/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows the About window of Casefile, transient for @parent. */
void cf_show_about_window (GtkWindow *parent);

G_END_DECLS
