/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* `casefile --benchmark [CASE]`: measures the time from start to the first frame
 * of the window with the case, the time to show a document with 2,000 highlighted
 * claims, and frame times while scrolling the claims list of 100,000 claims; prints
 * them and quits. Without CASE it generates such a case in a temporary folder. */
void cf_benchmark_mark_start (void);
void cf_benchmark_run        (GtkApplication *app,
                              GFile          *file);

G_END_DECLS
