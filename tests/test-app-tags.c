/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tagging in the window on the example case, as a user does it: the inspector's tag
 * popover (typing filters, Up and Down move the highlight, Enter applies it, a
 * "Create tag" row makes a new tag or a whole path, Escape closes) and the Manage
 * Tags window. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-tag-editor.h"

#include "app-test-util.h"

/* --- the tag popover ----------------------------------------------------------------- */

typedef struct
{
  WindowFixture  window;
  CfClaim       *claim;     /* the selected claim */
  GtkWidget     *entry;     /* the popover's search entry */
  GtkPopover    *popover;
  GtkListBox    *list;      /* its rows: the matches, then "Create tag" */
} Popover;

static gboolean
tag_entry_focused (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL
         && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

/* Selects the example's first claim and opens its tag popover with Ctrl+T. */
static gboolean
popover_open (Popover *p)
{
  GtkWidget *focus;

  if (!window_fixture_open_example (&p->window))
    return FALSE;
  p->claim = window_fixture_first_claim (&p->window);
  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&p->window), cf_claim_get_id (p->claim)));
  app_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p->window.window), "win.add-tag", NULL));
  g_assert_true (app_test_wait_until (tag_entry_focused, p->window.window));
  focus = gtk_root_get_focus (GTK_ROOT (p->window.window));
  p->entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  p->popover = GTK_POPOVER (gtk_widget_get_ancestor (p->entry, GTK_TYPE_POPOVER));
  p->list = GTK_LIST_BOX (app_test_find_child_of_type (GTK_WIDGET (p->popover), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (p->list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (p->popover)));
  return TRUE;
}

static void
popover_close (Popover *p)
{
  g_clear_object (&p->claim);
  window_fixture_close (&p->window);
}

static void
type (Popover    *p,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (p->entry), text);
  app_test_drain ();
}

/* Sends @keyval to the entry's key handlers, as GTK does for a key pressed in it. */
static void
press (Popover *p,
       guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (p->entry);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
  app_test_drain ();
}

static void
press_enter (Popover *p)
{
  g_signal_emit_by_name (p->entry, "activate");
  app_test_drain ();
}

/* The text a row shows (its label), or NULL past the last row. */
static const char *
row_text (Popover *p,
          int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (p->list, index);
  GtkWidget *label;

  if (row == NULL)
    return NULL;
  label = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static int
n_rows (Popover *p)
{
  int n = 0;

  while (gtk_list_box_get_row_at_index (p->list, n) != NULL)
    n++;
  return n;
}

/* The highlighted row's text, or NULL when none is. */
static const char *
highlighted (Popover *p)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (p->list);

  return row != NULL ? row_text (p, gtk_list_box_row_get_index (row)) : NULL;
}

static gboolean
claim_has_tag (Popover    *p,
               const char *path)
{
  CfCase *kase = cf_window_get_case (p->window.window);
  gint64 id = cf_case_find_tag (kase, path);
  const gint64 *ids;
  guint n = 0;

  ids = cf_claim_get_tag_ids (p->claim, &n);
  for (guint i = 0; id > 0 && i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
test_popover_enter_applies_match (void)
{
  Popover p = { 0 };
  CfCase *kase;

  if (!popover_open (&p))
    return;
  kase = cf_window_get_case (p.window.window);
  g_assert_false (claim_has_tag (&p, "Attribution / Denial"));

  /* "attribution/deni" finds Attribution / Denial, highlighted; making a tag of
   * what was typed is a row of its own */
  type (&p, "attribution/deni");
  g_assert_cmpint (n_rows (&p), ==, 2);
  g_assert_cmpstr (row_text (&p, 0), ==, "Attribution / Denial");
  g_assert_cmpstr (row_text (&p, 1), ==, "Create tag “attribution/deni”");
  g_assert_cmpstr (highlighted (&p), ==, "Attribution / Denial");

  /* Enter tags the claim with the match, makes no new tag, closes the popover */
  press_enter (&p);
  g_assert_true (claim_has_tag (&p, "Attribution / Denial"));
  g_assert_cmpint (cf_case_find_tag (kase, "attribution/deni"), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (p.popover)));

  /* one undo takes it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_false (claim_has_tag (&p, "Attribution / Denial"));

  popover_close (&p);
}

static void
test_popover_arrows_move_highlight (void)
{
  Popover p = { 0 };

  if (!popover_open (&p))
    return;

  /* nothing typed: every tag, none highlighted until Down */
  g_assert_null (highlighted (&p));
  g_assert_cmpint (n_rows (&p), ==, 8);
  press (&p, GDK_KEY_Down);
  g_assert_cmpstr (highlighted (&p), ==, "Attack");

  /* "att": Attack and Attribution with their children, then "Create tag" */
  type (&p, "att");
  g_assert_cmpint (n_rows (&p), ==, 7);
  g_assert_cmpstr (row_text (&p, 1), ==, "Attack / Damage");
  g_assert_cmpstr (row_text (&p, 6), ==, "Create tag “att”");
  g_assert_cmpstr (highlighted (&p), ==, "Attack");
  press (&p, GDK_KEY_Up);
  g_assert_cmpstr (highlighted (&p), ==, "Attack");
  press (&p, GDK_KEY_Down);
  press (&p, GDK_KEY_Down);
  g_assert_cmpstr (highlighted (&p), ==, "Attack / Drone");
  press (&p, GDK_KEY_Up);
  g_assert_cmpstr (highlighted (&p), ==, "Attack / Damage");
  press_enter (&p);
  g_assert_true (claim_has_tag (&p, "Attack / Damage"));
  g_assert_cmpint (cf_case_find_tag (cf_window_get_case (p.window.window), "att"), ==, 0);

  popover_close (&p);
}

static void
test_popover_create_is_explicit (void)
{
  Popover p = { 0 };
  CfCase *kase;

  if (!popover_open (&p))
    return;
  kase = cf_window_get_case (p.window.window);

  /* "Dam" matches Attack/Damage; making a tag "Dam" takes going down to its row */
  type (&p, "Dam");
  g_assert_cmpstr (highlighted (&p), ==, "Attack / Damage");
  press (&p, GDK_KEY_Down);
  g_assert_cmpstr (highlighted (&p), ==, "Create tag “Dam”");
  press (&p, GDK_KEY_Down);
  g_assert_cmpstr (highlighted (&p), ==, "Create tag “Dam”");
  press_enter (&p);
  g_assert_cmpint (cf_case_find_tag (kase, "Dam"), >, 0);
  g_assert_true (claim_has_tag (&p, "Dam"));
  g_assert_false (claim_has_tag (&p, "Attack / Damage"));

  popover_close (&p);
}

static void
test_popover_creates_path (void)
{
  Popover p = { 0 };
  CfCase *kase;
  gint64 parent;

  if (!popover_open (&p))
    return;
  kase = cf_window_get_case (p.window.window);
  parent = cf_case_find_tag (kase, "Attribution");

  /* nothing matches: "Create tag" is the one row, highlighted, and Enter takes it */
  type (&p, "Attribution/Ukraine");
  g_assert_cmpint (n_rows (&p), ==, 1);
  g_assert_cmpstr (highlighted (&p), ==, "Create tag “Attribution/Ukraine”");
  press_enter (&p);
  g_assert_null (app_test_find_message_dialog ());
  g_assert_true (claim_has_tag (&p, "Attribution/Ukraine"));
  {
    g_autoptr(CfTag) tag = cf_case_get_tag (kase, cf_case_find_tag (kase, "Attribution/Ukraine"), NULL);

    g_assert_cmpint (cf_tag_get_parent_id (tag), ==, parent);
  }

  /* a new parent and child at once, undone in one step */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window.window), "win.add-tag", NULL));
  g_assert_true (app_test_wait_until (tag_entry_focused, p.window.window));
  type (&p, "Sources / Imagery");
  g_assert_cmpstr (highlighted (&p), ==, "Create tag “Sources / Imagery”");
  press_enter (&p);
  g_assert_true (claim_has_tag (&p, "Sources/Imagery"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window.window), "win.undo", NULL));
  app_test_drain ();
  g_assert_cmpint (cf_case_find_tag (kase, "Sources"), ==, 0);
  g_assert_cmpint (cf_case_find_tag (kase, "Sources/Imagery"), ==, 0);
  g_assert_false (claim_has_tag (&p, "Sources/Imagery"));
  g_assert_true (claim_has_tag (&p, "Attribution/Ukraine"));

  popover_close (&p);
}

static void
test_popover_escape_closes (void)
{
  Popover p = { 0 };
  g_autoptr(GListModel) tags = NULL;
  guint n_tags;
  gboolean had_cargo;

  if (!popover_open (&p))
    return;
  tags = cf_case_list_tags (cf_window_get_case (p.window.window));
  n_tags = g_list_model_get_n_items (tags);
  had_cargo = claim_has_tag (&p, "Cargo");

  type (&p, "Cargo");
  g_assert_cmpstr (highlighted (&p), ==, "Cargo");
  /* Escape in a search entry is its stop-search */
  g_signal_emit_by_name (p.entry, "stop-search");
  app_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (p.popover)));
  /* nothing applied, nothing made */
  g_assert_cmpint (claim_has_tag (&p, "Cargo"), ==, had_cargo);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_tags);

  /* opened again, it starts empty */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window.window), "win.add-tag", NULL));
  g_assert_true (app_test_wait_until (tag_entry_focused, p.window.window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p.entry)), ==, "");
  g_assert_null (highlighted (&p));

  /* the README's picture of it, on request */
  if (g_getenv ("CASEFILE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CASEFILE_SCREENSHOT_DIR"), "tag-popover.png", NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s", path);
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      /* the application's style, which an AdwApplication would load */
      gtk_css_provider_load_from_resource (css, "/org/example/Casefile/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

      type (&p, "at");
      press (&p, GDK_KEY_Down);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (p.popover));
      app_test_drain ();
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    }

  popover_close (&p);
}

/* --- Manage Tags ---------------------------------------------------------------------- */

static CfTagEditor *
open_tag_editor (WindowFixture *f)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.manage-tags", NULL));
  app_test_drain ();
  editor = app_test_find_window_of_type (CF_TYPE_TAG_EDITOR);
  g_assert_nonnull (editor);
  return CF_TAG_EDITOR (editor);
}

/* The row of the tag named @name: the row whose name entry shows it. */
static GtkWidget *
editor_row (CfTagEditor *editor,
            const char  *name)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), CF_TYPE_TAG_EDITOR, "list_box"));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = GTK_IS_LIST_BOX_ROW (row) ? app_test_find_child_of_type (row, GTK_TYPE_ENTRY) : NULL;

      if (entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), name) == 0)
        return row;
    }
  return NULL;
}

/* Whether the parent drop-down of @name's row offers @path. */
static gboolean
parent_offered (CfTagEditor *editor,
                const char  *name,
                const char  *path)
{
  GtkWidget *row = editor_row (editor, name);
  GListModel *model;

  g_assert_nonnull (row);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (app_test_find_child_of_type (row, GTK_TYPE_DROP_DOWN)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), path) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The button below @widget whose label or tooltip starts with @text, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_BUTTON (widget)
      && (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?: "", text)
          || g_str_has_prefix (gtk_widget_get_tooltip_text (widget) ?: "", text)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_delete (CfTagEditor *editor,
              const char  *name)
{
  GtkWidget *row = editor_row (editor, name);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find_button (row, "Delete tag");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  app_test_drain ();
}

static void
test_editor_parents_follow_tags (void)
{
  WindowFixture f = { 0 };
  CfTagEditor *editor;
  GtkWidget *name_entry, *entry;
  CfCase *kase;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);
  editor = open_tag_editor (&f);
  name_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), CF_TYPE_TAG_EDITOR, "name_entry"));

  /* a tag added here is at once a parent on offer to the others */
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Sources");
  g_signal_emit_by_name (name_entry, "activate");
  app_test_drain ();
  g_assert_cmpint (cf_case_find_tag (kase, "Sources"), >, 0);
  g_assert_true (parent_offered (editor, "Cargo", "Sources"));
  g_assert_true (parent_offered (editor, "Casualties", "Sources"));

  /* renamed, it is offered by its new name */
  entry = app_test_find_child_of_type (editor_row (editor, "Sources"), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Imagery");
  g_signal_emit_by_name (entry, "activate");
  app_test_drain ();
  g_assert_true (parent_offered (editor, "Cargo", "Imagery"));
  g_assert_false (parent_offered (editor, "Cargo", "Sources"));

  /* deleted (no claim uses it, so no question), it is no longer offered */
  click_delete (editor, "Imagery");
  g_assert_null (app_test_find_message_dialog ());
  g_assert_cmpint (cf_case_find_tag (kase, "Imagery"), ==, 0);
  g_assert_false (parent_offered (editor, "Cargo", "Imagery"));

  gtk_window_destroy (GTK_WINDOW (editor));
  window_fixture_close (&f);
}

static void
test_editor_delete_in_use_asks_and_undoes (void)
{
  WindowFixture f = { 0 };
  CfTagEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *undo;
  CfCase *kase;
  g_autoptr(CfTag) cargo = NULL;
  guint n_claims;

  if (!window_fixture_open_example (&f))
    return;
  kase = cf_window_get_case (f.window);
  cargo = cf_case_get_tag (kase, cf_case_find_tag (kase, "Cargo"), NULL);
  n_claims = cf_tag_get_claim_count (cargo);
  g_assert_cmpuint (n_claims, >, 1);
  editor = open_tag_editor (&f);

  /* the question names how many claims lose the tag; Cancel keeps it */
  click_delete (editor, "Cargo");
  dialog = app_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  {
    g_autofree char *count = g_strdup_printf ("%u claims", n_claims);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
  }
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
  g_assert_cmpint (cf_case_find_tag (kase, "Cargo"), ==, cf_tag_get_id (cargo));

  /* Delete deletes it, and the toast's Undo brings it back with its claims */
  click_delete (editor, "Cargo");
  dialog = app_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
  g_assert_cmpint (cf_case_find_tag (kase, "Cargo"), ==, 0);
  g_assert_null (editor_row (editor, "Cargo"));
  undo = find_button (GTK_WIDGET (editor), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  app_test_drain ();
  g_assert_cmpint (cf_case_find_tag (kase, "Cargo"), >, 0);
  {
    g_autoptr(CfTag) back = cf_case_get_tag (kase, cf_case_find_tag (kase, "Cargo"), NULL);

    g_assert_cmpuint (cf_tag_get_claim_count (back), ==, n_claims);
  }
  g_assert_nonnull (editor_row (editor, "Cargo"));

  gtk_window_destroy (GTK_WINDOW (editor));
  window_fixture_close (&f);
}

/* The popover lists the tags of the case the window has now, though it was filled
 * for another case before (it is filled when it shows, not when a case opens). */
static void
test_popover_follows_case (void)
{
  Popover p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(CfCase) other = NULL;
  CfDocumentFields fields = { .title = "Another source", .text = "One sentence to quote here." };
  gint64 document, claim;

  if (!popover_open (&p))
    return;
  g_assert_cmpint (n_rows (&p), >, 1);
  gtk_popover_popdown (p.popover);
  app_test_drain ();

  other_path = g_build_filename (p.window.tmpdir, "other.casefile", NULL);
  other = cf_case_create (other_path, "Another case", &error);
  g_assert_no_error (error);
  document = cf_case_add_document (other, &fields, &error);
  g_assert_no_error (error);
  claim = cf_case_add_claim (other, document, 0, 12, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_case_add_tag (other, "Only in the other case", 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  cf_window_set_case (p.window.window, other);
  app_test_drain ();

  g_assert_true (cf_claims_pane_select_claim (CLAIMS (&p.window), claim));
  app_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window.window), "win.add-tag", NULL));
  g_assert_true (app_test_wait_until (tag_entry_focused, p.window.window));
  g_assert_cmpint (n_rows (&p), ==, 1);
  g_assert_cmpstr (row_text (&p, 0), ==, "Only in the other case");

  popover_close (&p);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, g_getenv ("CASEFILE_SCREENSHOT_DIR") == NULL);

  g_test_add_func ("/app/tags/popover/enter-applies-highlighted-match", test_popover_enter_applies_match);
  g_test_add_func ("/app/tags/popover/arrows-move-highlight", test_popover_arrows_move_highlight);
  g_test_add_func ("/app/tags/popover/create-is-an-explicit-row", test_popover_create_is_explicit);
  g_test_add_func ("/app/tags/popover/creates-a-path", test_popover_creates_path);
  g_test_add_func ("/app/tags/popover/escape-closes", test_popover_escape_closes);
  g_test_add_func ("/app/tags/popover/follows-case", test_popover_follows_case);
  g_test_add_func ("/app/tags/manage/parents-follow-tags", test_editor_parents_follow_tags);
  g_test_add_func ("/app/tags/manage/delete-in-use-asks-then-undo", test_editor_delete_in_use_asks_and_undoes);

  return g_test_run ();
}
