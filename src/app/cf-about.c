/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The About window, with the version, credits and licence of the build. */
#define G_LOG_DOMAIN "casefile-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-about.h"

void
cf_show_about_window (GtkWindow *parent)
{
  static const char * const developers[] = {
    "The Casefile developers",
    NULL
  };
  AdwAboutWindow *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), parent != NULL);

  adw_about_window_set_application_name (about, _("Casefile"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Casefile developers"));
  adw_about_window_set_developers (about, (const char **) developers);
  adw_about_window_set_comments (about,
                                 _("Collect the sources of an investigation, highlight the "
                                   "claims they make, rate them and print a summary brief."));
  adw_about_window_set_website (about, "https://casefile.example.org/");
  adw_about_window_set_issue_url (about, "https://casefile.example.org/issues");
  adw_about_window_set_copyright (about, _("© 2026 The Casefile developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: Put your names here, one per line, to be credited in the
   * About window. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  adw_about_window_set_release_notes_version (about, "0.1.0");
  adw_about_window_set_release_notes (about,
    _("<p>The first release.</p>"
      "<ul>"
      "<li>Case files that keep sources, claims, ratings, tags, hypotheses and notes in one file</li>"
      "<li>Article extraction from saved web pages, text, XML and feeds</li>"
      "<li>Source reliability, information credibility, likelihood and confidence ratings</li>"
      "<li>A printable summary brief and a command-line tool for automation</li>"
      "</ul>"));

  gtk_window_present (GTK_WINDOW (about));
}
