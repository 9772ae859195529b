/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim inspector on its own, without a window: its sections follow the claim
 * it is given, show what the case holds, and save what the user chooses or types.
 * Each test builds a small case of its own: one source, two claims, a hypothesis. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cf-inspector-paraphrase.h"
#include "cf-inspector-relations.h"
#include "cf-inspector-tags.h"

#include "app-test-util.h"

#define TEXT "The ministry said three drones were shot down. Witnesses saw a fire at dawn."

typedef struct
{
  char        *tmpdir;
  char        *path;
  CfCase      *kase;
  CfClaim     *first;
  CfClaim     *second;
  gint64       hypothesis_id;
  CfInspector *inspector;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfDocumentFields fields = { .title = "Ministry statement", .text = TEXT };
  gint64 document_id, first_id, second_id;

  app_test_start_gtk ();

  f->tmpdir = g_dir_make_tmp ("casefile-inspector-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->tmpdir, "test.casefile", NULL);
  f->kase = cf_case_create (f->path, "Inspector test", &error);
  g_assert_no_error (error);

  document_id = cf_case_add_document (f->kase, &fields, &error);
  g_assert_no_error (error);
  first_id = cf_case_add_claim (f->kase, document_id, 4, 45, NULL, &error);
  g_assert_no_error (error);
  second_id = cf_case_add_claim (f->kase, document_id, 47, 75, NULL, &error);
  g_assert_no_error (error);
  f->hypothesis_id = cf_case_add_hypothesis (f->kase, "The drones came from the sea", NULL, &error);
  g_assert_no_error (error);
  f->first = cf_case_get_claim (f->kase, first_id, &error);
  g_assert_no_error (error);
  f->second = cf_case_get_claim (f->kase, second_id, &error);
  g_assert_no_error (error);

  f->inspector = g_object_ref_sink (g_object_new (CF_TYPE_INSPECTOR, NULL));
  cf_inspector_set_case (f->inspector, f->kase);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cf_inspector_set_case (f->inspector, NULL);
  app_test_drain ();
  /* Nothing keeps the inspector, its sections or the case alive. */
  g_assert_finalize_object (g_steal_pointer (&f->inspector));
  g_clear_object (&f->first);
  g_clear_object (&f->second);
  cf_case_close (f->kase);
  g_assert_finalize_object (g_steal_pointer (&f->kase));
  g_unlink (f->path);
  g_rmdir (f->tmpdir);
  g_free (f->path);
  g_free (f->tmpdir);
}

static GtkWidget *
template_child (Fixture    *f,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->inspector), CF_TYPE_INSPECTOR, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* A widget of a section's own template, by its id there. */
static GtkWidget *
section_child (Fixture    *f,
               const char *section,
               GType       section_type,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (template_child (f, section), section_type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_claim_notifies_on_change_only (Fixture       *f,
                                    gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->inspector, "notify::claim", G_CALLBACK (count_notify_cb), &notified);

  g_object_set (f->inspector, "claim", f->first, NULL);
  g_object_set (f->inspector, "claim", f->first, NULL);
  g_assert_cmpuint (notified, ==, 1);

  cf_inspector_set_claim (f->inspector, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (cf_inspector_get_claim (f->inspector));
}

static void
test_sections_follow_claim (Fixture       *f,
                            gconstpointer  data)
{
  const char *sections[] = { "paraphrase", "ratings", "tags", "relations" };

  cf_inspector_set_claim (f->inspector, f->first);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      CfInspectorSection *section = CF_INSPECTOR_SECTION (template_child (f, sections[i]));

      g_assert_true (cf_inspector_section_get_case (section) == f->kase);
      g_assert_true (cf_inspector_section_get_claim (section) == f->first);
    }

  /* Another case shows no claim, in every section too. */
  cf_inspector_set_case (f->inspector, NULL);
  g_assert_null (cf_inspector_get_claim (f->inspector));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      CfInspectorSection *section = CF_INSPECTOR_SECTION (template_child (f, sections[i]));

      g_assert_null (cf_inspector_section_get_case (section));
      g_assert_null (cf_inspector_section_get_claim (section));
    }
}

static void
test_shows_quote_and_source (Fixture       *f,
                             gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (template_child (f, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  cf_inspector_set_claim (f->inspector, f->second);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "claim");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (f, "quote_label"))), ==,
                   "Witnesses saw a fire at dawn");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (f, "source_label"))), ==,
                   "in Ministry statement");
}

static void
test_deleted_claim_is_let_go (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cf_inspector_set_claim (f->inspector, f->first);
  g_assert_true (cf_case_delete_claim (f->kase, cf_claim_get_id (f->first), &error));
  g_assert_no_error (error);
  app_test_drain ();

  g_assert_null (cf_inspector_get_claim (f->inspector));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (f, "stack"))), ==, "empty");
}

static void
test_rating_choice_is_saved (Fixture       *f,
                             gconstpointer  data)
{
  GtkDropDown *reliability = cf_inspector_get_dropdown (f->inspector, CF_INSPECTOR_RELIABILITY);
  GtkDropDown *likelihood = cf_inspector_get_dropdown (f->inspector, CF_INSPECTOR_LIKELIHOOD);

  cf_inspector_set_claim (f->inspector, f->first);
  gtk_drop_down_set_selected (reliability, CF_RELIABILITY_B);
  gtk_drop_down_set_selected (likelihood, CF_LIKELIHOOD_LIKELY);

  g_assert_cmpint (cf_claim_get_reliability (f->first), ==, CF_RELIABILITY_B);
  g_assert_cmpint (cf_claim_get_likelihood (f->first), ==, CF_LIKELIHOOD_LIKELY);
  /* The other claim is untouched, and shown unrated. */
  g_assert_cmpint (cf_claim_get_reliability (f->second), ==, CF_RELIABILITY_NONE);
  cf_inspector_set_claim (f->inspector, f->second);
  g_assert_cmpuint (gtk_drop_down_get_selected (reliability), ==, CF_RELIABILITY_NONE);
}

static void
test_ratings_follow_undo (Fixture       *f,
                          gconstpointer  data)
{
  GtkDropDown *confidence = cf_inspector_get_dropdown (f->inspector, CF_INSPECTOR_CONFIDENCE);
  g_autoptr(GError) error = NULL;

  cf_inspector_set_claim (f->inspector, f->first);
  gtk_drop_down_set_selected (confidence, CF_CONFIDENCE_HIGH);

  g_assert_true (cf_case_undo (f->kase, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (gtk_drop_down_get_selected (confidence), ==, CF_CONFIDENCE_NONE);

  g_assert_true (cf_case_redo (f->kase, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (gtk_drop_down_get_selected (confidence), ==, CF_CONFIDENCE_HIGH);
}

static void
test_paraphrase_saved_before_another_claim (Fixture       *f,
                                            gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (section_child (f, "paraphrase", CF_TYPE_INSPECTOR_PARAPHRASE,
                                                    "paraphrase_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  cf_inspector_set_claim (f->inspector, f->first);
  gtk_text_buffer_set_text (buffer, "  Three drones downed, says the ministry.  ", -1);
  cf_inspector_set_claim (f->inspector, f->second);

  g_assert_cmpstr (cf_claim_get_paraphrase (f->first), ==, "Three drones downed, says the ministry.");
  g_assert_cmpstr (cf_claim_get_paraphrase (f->second) ?: "", ==, "");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "");
}

static void
test_actor_saved_on_commit (Fixture       *f,
                            gconstpointer  data)
{
  GtkEditable *actor = GTK_EDITABLE (section_child (f, "ratings", CF_TYPE_INSPECTOR_RATINGS, "actor_entry"));

  cf_inspector_set_claim (f->inspector, f->first);
  gtk_editable_set_text (actor, "Ministry of Defence ");
  cf_inspector_commit (f->inspector);
  g_assert_cmpstr (cf_claim_get_actor_name (f->first), ==, "Ministry of Defence");

  /* The next claim shows its own actor, not what was typed for the first. */
  cf_inspector_set_claim (f->inspector, f->second);
  g_assert_cmpstr (gtk_editable_get_text (actor), ==, "");
}

/* The actors already named are offered while typing one (read when the field takes
 * the focus, not when the case is set). */
static void
test_actor_completion_offers_known (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *actor = section_child (f, "ratings", CF_TYPE_INSPECTOR_RATINGS, "actor_entry");
  GtkWidget *window = gtk_window_new ();
  GtkTreeModel *known;
  GtkTreeIter iter;
  g_autofree char *name = NULL;

  cf_inspector_set_claim (f->inspector, f->first);
  gtk_editable_set_text (GTK_EDITABLE (actor), "Ministry of Defence");
  cf_inspector_commit (f->inspector);
  cf_inspector_set_claim (f->inspector, f->second);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (f->inspector));
  gtk_window_present (GTK_WINDOW (window));
  app_test_drain ();
  gtk_widget_grab_focus (actor);
  app_test_drain ();

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  known = gtk_entry_completion_get_model (gtk_entry_get_completion (GTK_ENTRY (actor)));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gtk_tree_model_get_iter_first (known, &iter));
  gtk_tree_model_get (known, &iter, 0, &name, -1);
  g_assert_cmpstr (name, ==, "Ministry of Defence");
  g_assert_false (gtk_tree_model_iter_next (known, &iter));

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static void
test_tags_one_chip_each (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *tags_box = section_child (f, "tags", CF_TYPE_INSPECTOR_TAGS, "tags_box");
  g_autoptr(GError) error = NULL;
  gint64 drone, fire;

  cf_inspector_set_claim (f->inspector, f->first);
  g_assert_cmpuint (count_children (tags_box), ==, 0);

  drone = cf_case_add_tag (f->kase, "Drone", 0, "#cc0000", &error);
  g_assert_no_error (error);
  fire = cf_case_add_tag (f->kase, "Fire", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_case_add_claim_tag (f->kase, cf_claim_get_id (f->first), drone, &error));
  g_assert_true (cf_case_add_claim_tag (f->kase, cf_claim_get_id (f->first), fire, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (count_children (tags_box), ==, 2);

  g_assert_true (cf_case_remove_claim_tag (f->kase, cf_claim_get_id (f->first), drone, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (count_children (tags_box), ==, 1);
}

static GtkDropDown *
relation_dropdown (Fixture *f)
{
  GtkWidget *list = section_child (f, "relations", CF_TYPE_INSPECTOR_RELATIONS, "hypotheses_box");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  GtkWidget *dropdown;

  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  /* the hypothesis's title, then its drop-down */
  dropdown = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

static void
test_relation_choice_is_saved (Fixture       *f,
                               gconstpointer  data)
{
  cf_inspector_set_claim (f->inspector, f->first);
  gtk_drop_down_set_selected (relation_dropdown (f), cf_ach_scale_position (CF_RELATION_INCONSISTENT));

  g_assert_cmpint (cf_case_get_claim_relation (f->kase, cf_claim_get_id (f->first), f->hypothesis_id),
                   ==, CF_RELATION_INCONSISTENT);
  g_assert_cmpint (cf_case_get_claim_relation (f->kase, cf_claim_get_id (f->second), f->hypothesis_id),
                   ==, CF_RELATION_NONE);
}

static void
test_relations_follow_case (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cf_inspector_set_claim (f->inspector, f->second);
  g_assert_true (cf_case_set_claim_relation (f->kase, cf_claim_get_id (f->second), f->hypothesis_id,
                                             CF_RELATION_CONSISTENT, &error));
  g_assert_no_error (error);
  app_test_drain ();

  g_assert_cmpuint (gtk_drop_down_get_selected (relation_dropdown (f)), ==, cf_ach_scale_position (CF_RELATION_CONSISTENT));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

#define ADD(path, func) \
  g_test_add ("/inspector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("claim/notifies-on-change-only", test_claim_notifies_on_change_only);
  ADD ("claim/sections-follow", test_sections_follow_claim);
  ADD ("claim/shows-quote-and-source", test_shows_quote_and_source);
  ADD ("claim/deleted-claim-is-let-go", test_deleted_claim_is_let_go);
  ADD ("ratings/choice-is-saved", test_rating_choice_is_saved);
  ADD ("ratings/follow-undo", test_ratings_follow_undo);
  ADD ("paraphrase/saved-before-another-claim", test_paraphrase_saved_before_another_claim);
  ADD ("actor/saved-on-commit", test_actor_saved_on_commit);
  ADD ("actor/completion-offers-known", test_actor_completion_offers_known);
  ADD ("tags/one-chip-each", test_tags_one_chip_each);
  ADD ("relations/choice-is-saved", test_relation_choice_is_saved);
  ADD ("relations/follow-case", test_relations_follow_case);
#undef ADD

  return g_test_run ();
}
