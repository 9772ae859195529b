/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The program: sets up translations and runs CfApplication; everything else is in
 * the app library, which the tests and benchmarks link too. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cf-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CfApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
