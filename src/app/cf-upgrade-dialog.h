/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-window.h"

G_BEGIN_DECLS

/* Offers to upgrade @file, a case file of an older format (opening it failed with
 * CF_CASE_ERROR_NEEDS_UPGRADE), over @window: Cancel leaves it alone; Upgrade runs
 * cf_case_upgrade() in a worker thread, then opens the case in @window and names
 * the backup in a toast, or shows why the upgrade failed. Returns at once. */
void  cf_upgrade_dialog_present  (CfWindow  *window,
                                  GFile     *file);

G_END_DECLS
