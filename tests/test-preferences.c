/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window writes what the user picks into GSettings and shows
 * what GSettings holds; the rating-scales help lists every rating with the
 * labels the rest of the app uses. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cf-preferences-window.h"
#include "cf-scales-help.h"
#include "cf-scales.h"

static GSettings *
new_settings (void)
{
  /* The memory backend (GSETTINGS_BACKEND=memory from tests/meson.build) keeps
   * every test away from the user's real preferences. */
  return g_settings_new (APP_ID);
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_preferences_text_rows (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  GtkWidget *window = cf_preferences_window_new (NULL, settings);
  GtkWidget *analyst = template_child (window, CF_TYPE_PREFERENCES_WINDOW, "analyst_row");
  GtkWidget *marking = template_child (window, CF_TYPE_PREFERENCES_WINDOW, "marking_row");
  g_autofree char *written = NULL;

  g_assert_true (cf_preferences_window_get_settings (CF_PREFERENCES_WINDOW (window)) == settings);

  g_settings_set_string (settings, "analyst-name", "A. Analyst");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (analyst)), ==, "A. Analyst");

  gtk_editable_set_text (GTK_EDITABLE (marking), "TLP:AMBER");
  written = g_settings_get_string (settings, "default-marking");
  g_assert_cmpstr (written, ==, "TLP:AMBER");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_choice_rows (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  GtkWidget *window = cf_preferences_window_new (NULL, settings);
  GtkWidget *group_by = template_child (window, CF_TYPE_PREFERENCES_WINDOW, "group_by_row");
  GtkWidget *confidence = template_child (window, CF_TYPE_PREFERENCES_WINDOW, "min_confidence_row");
  GtkWidget *paper = template_child (window, CF_TYPE_PREFERENCES_WINDOW, "paper_row");
  GtkWidget *notes = template_child (window, CF_TYPE_PREFERENCES_WINDOW, "include_notes_switch");
  g_autofree char *group_by_value = NULL;
  g_autofree char *paper_value = NULL;

  /* Defaults show as the first entries. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (group_by)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (paper)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (group_by), 1);
  group_by_value = g_settings_get_string (settings, "brief-group-by");
  g_assert_cmpstr (group_by_value, ==, "hypothesis");

  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), 2);
  paper_value = g_settings_get_string (settings, "brief-paper");
  g_assert_cmpstr (paper_value, ==, "letter");

  g_settings_set_string (settings, "brief-min-confidence", "moderate");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (confidence)), ==, 2);

  gtk_switch_set_active (GTK_SWITCH (notes), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "brief-include-notes"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_new_case (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  g_autofree char *dir = g_dir_make_tmp ("casefile-prefs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.casefile", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfCase) kase = NULL;

  g_settings_set_string (settings, "analyst-name", "  A. Analyst ");
  g_settings_set_string (settings, "default-marking", "TLP:AMBER");

  kase = cf_case_create (path, "Preferences test", &error);
  g_assert_no_error (error);
  cf_preferences_apply_to_new_case (kase);

  /* A new case starts with the analyst's name and marking, and there is
   * nothing to undo yet. */
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_ANALYST), ==, "A. Analyst");
  g_assert_cmpstr (cf_case_get_info (kase, CF_CASE_FIELD_MARKING), ==, "TLP:AMBER");
  g_assert_false (cf_case_can_undo (kase));

  g_clear_object (&kase);
  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_rows (GtkWidget *group)
{
  /* AdwPreferencesGroup keeps its rows in a GtkListBox inside it. */
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (group);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        n++;
      else
        n += count_rows (child);
    }

  return n;
}

static gboolean
has_row_titled (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return TRUE;
      if (has_row_titled (child, title))
        return TRUE;
    }

  return FALSE;
}

static void
test_scales_help (void)
{
  GtkWidget *window = cf_scales_help_new (NULL);
  GtkWidget *reliability = template_child (window, CF_TYPE_SCALES_HELP, "reliability_group");
  GtkWidget *credibility = template_child (window, CF_TYPE_SCALES_HELP, "credibility_group");
  GtkWidget *likelihood = template_child (window, CF_TYPE_SCALES_HELP, "likelihood_group");
  GtkWidget *confidence = template_child (window, CF_TYPE_SCALES_HELP, "confidence_group");

  /* Every rating a claim can have, none left out. */
  g_assert_cmpuint (count_rows (reliability), ==, CF_RELIABILITY_LAST);
  g_assert_cmpuint (count_rows (credibility), ==, CF_CREDIBILITY_LAST);
  g_assert_cmpuint (count_rows (likelihood), ==, CF_LIKELIHOOD_LAST);
  g_assert_cmpuint (count_rows (confidence), ==, CF_CONFIDENCE_LAST);

  g_assert_true (has_row_titled (reliability, cf_reliability_to_label (CF_RELIABILITY_B)));
  g_assert_true (has_row_titled (credibility, cf_credibility_to_label (CF_CREDIBILITY_6)));
  g_assert_true (has_row_titled (likelihood, cf_likelihood_to_label (CF_LIKELIHOOD_ROUGHLY_EVEN)));
  g_assert_true (has_row_titled (confidence, cf_confidence_to_label (CF_CONFIDENCE_HIGH)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
skip_without_display (void)
{
  g_test_skip ("no display: run the GTK tests under xvfb-run");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/preferences/display", skip_without_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/preferences/text-rows", test_preferences_text_rows);
  g_test_add_func ("/preferences/choice-rows", test_preferences_choice_rows);
  g_test_add_func ("/preferences/new-case", test_preferences_new_case);
  g_test_add_func ("/scales-help/rows", test_scales_help);

  return g_test_run ();
}
