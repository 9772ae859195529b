/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's keyboard shortcuts as a user meets them: no key does two things,
 * and the Keyboard Shortcuts window lists every Ctrl shortcut the window has. */
#include "config.h"

#include "app-test-util.h"

/* Every shortcut of the window's own controllers (the class bindings among them),
 * as "<shift><control>m" → action name; a key bound to two actions fails here. */
static GHashTable *
window_shortcuts (CfWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GHashTable *shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *list;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      list = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (list, j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = NULL;
          g_autofree char *key = NULL;
          const char *name;
          const char *before;

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          /* Ctrl+Shift+M and Ctrl+Shift+m are the same key to the user */
          key = g_ascii_strdown (trigger, -1);
          before = g_hash_table_lookup (shortcuts, key);
          if (before != NULL && !g_str_equal (before, name))
            g_error ("%s is bound to both %s and %s", trigger, before, name);
          g_hash_table_replace (shortcuts, g_steal_pointer (&key), g_strdup (name));
        }
    }
  return shortcuts;
}

/* The accelerators the Keyboard Shortcuts window shows, in the same spelling. */
static GHashTable *
listed_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/example/Casefile/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerators = NULL;
      g_auto(GStrv) each = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerators, NULL);
      if (accelerators == NULL)
        continue;
      each = g_strsplit (accelerators, " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint keyval = 0;
          GdkModifierType mods = 0;
          g_autoptr(GtkShortcutTrigger) trigger = NULL;

          if (!gtk_accelerator_parse (each[i], &keyval, &mods))
            continue;
          trigger = gtk_keyval_trigger_new (keyval, mods);
          g_hash_table_add (listed, g_ascii_strdown (gtk_shortcut_trigger_to_string (trigger), -1));
        }
    }
  g_slist_free (objects);
  return listed;
}

static void
test_one_action_per_key_and_all_listed (void)
{
  WindowFixture f = { 0 };
  g_autoptr(GHashTable) shortcuts = NULL;
  g_autoptr(GHashTable) listed = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_ctrl = 0;

  if (!window_fixture_open_example (&f))
    return;

  shortcuts = window_shortcuts (f.window);
  listed = listed_shortcuts ();
  g_assert_cmpuint (g_hash_table_size (shortcuts), >, 10);

  /* the matrix, the timeline and the claim's extent each have their own key */
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<shift><control>m"), ==, "win.set-claim-span");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<shift><control>h"), ==, "win.show-matrix");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<shift><control>t"), ==, "win.show-timeline");

  g_hash_table_iter_init (&iter, shortcuts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (strstr (key, "<control>") == NULL)
        continue;
      n_ctrl++;
      if (!g_hash_table_contains (listed, key))
        g_error ("%s (%s) is missing from the Keyboard Shortcuts window", (char *) key, (char *) value);
    }
  g_assert_cmpuint (n_ctrl, >, 5);

  window_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/shortcuts/one-action-per-key-all-listed", test_one_action_per_key_and_all_listed);

  return g_test_run ();
}
