/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claims and sources panes on a case of a few thousand claims, read a page at a
 * time: what a user checks is that the count and the rows are right, that sorting by
 * a column and filtering by source, tag or words show the right claims, that a
 * claim added, undone or deleted shows at once, and that the rows scrolled or
 * pushed into sight show their text (cells out of sight are not laid out). */
#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "cf-cell-text.h"
#include "cf-paged-list.h"

#define N_DOCUMENTS      3
#define CLAIMS_PER_DOC   1000
#define N_CLAIMS         (N_DOCUMENTS * CLAIMS_PER_DOC)
/* Every tagged claim; a few, spread over the sources. */
#define TAG_EVERY        997

static const char *const first_words[] = { "mike", "alpha", "zulu" };

typedef struct
{
  char     *tmpdir;
  char     *path;
  CfWindow *window;
  gint64    documents[N_DOCUMENTS];
  gint64    tag;
  GArray   *tagged;
} BigFixture;

/* Sentence i of each source: "<word> number <i>. " with the word cycling, so the
 * quotes sort differently from the reading order. */
static void
make_case (BigFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  guint n = 0;

  for (guint i = 0; i < CLAIMS_PER_DOC; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("%s number %u.", first_words[i % G_N_ELEMENTS (first_words)], i);
      int start = (int) g_utf8_strlen (text->str, -1);
      int end = start + (int) g_utf8_strlen (sentence, -1);

      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
      g_string_append (text, sentence);
      g_string_append_c (text, ' ');
    }

  kase = cf_case_create (f->path, "Many claims", &error);
  g_assert_no_error (error);
  cf_case_set_undo_enabled (kase, FALSE);
  f->tag = cf_case_add_tag (kase, "Flagged", 0, "#e01b24", &error);
  g_assert_no_error (error);
  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      g_autofree char *title = g_strdup_printf ("Source %u", d + 1);
      CfDocumentFields fields = { .title = title, .text = text->str };

      cf_case_begin_action (kase, "Generate");
      f->documents[d] = cf_case_add_document (kase, &fields, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < CLAIMS_PER_DOC; i++, n++)
        {
          gint64 id = cf_case_add_claim (kase, f->documents[d], g_array_index (starts, int, i),
                                         g_array_index (ends, int, i), NULL, &error);

          g_assert_no_error (error);
          if (n % TAG_EVERY == 0)
            {
              g_assert_true (cf_case_add_claim_tag (kase, id, f->tag, &error));
              g_array_append_val (f->tagged, id);
            }
        }
      g_assert_true (cf_case_end_action (kase, &error));
    }
  cf_case_close (kase);
}

static void
big_fixture_open (BigFixture *f)
{
  g_autoptr(GFile) file = NULL;

  app_test_start_gtk ();
  f->tmpdir = g_dir_make_tmp ("casefile-big-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  f->path = g_build_filename (f->tmpdir, "big.casefile", NULL);
  f->tagged = g_array_new (FALSE, FALSE, sizeof (gint64));
  make_case (f);

  f->window = g_object_ref_sink (cf_window_new (NULL));
  file = g_file_new_for_path (f->path);
  g_assert_true (cf_window_open_file (f->window, file));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  app_test_drain ();
}

static void
big_fixture_close (BigFixture *f)
{
  cf_window_set_case (f->window, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  app_test_drain ();
  g_unlink (f->path);
  g_rmdir (f->tmpdir);
  g_free (f->path);
  g_free (f->tmpdir);
  g_array_unref (f->tagged);
}

static CfClaim *
row (BigFixture *f,
     guint       position)
{
  CfClaim *claim = g_list_model_get_item (cf_claims_pane_get_model (CLAIMS (f)), position);

  g_assert_nonnull (claim);
  return claim;
}

static guint
n_rows (BigFixture *f)
{
  return g_list_model_get_n_items (cf_claims_pane_get_model (CLAIMS (f)));
}

/* The label under the table: "3,000 claims" in a locale with separators. */
static gboolean
count_label_says (GtkWidget *widget,
                  guint      n)
{
  g_autofree char *plain = g_strdup_printf ("%u claims", n);
  g_autofree char *grouped = g_strdup_printf ("%'u claims", n);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_label (GTK_LABEL (child));

          if (g_strcmp0 (text, plain) == 0 || g_strcmp0 (text, grouped) == 0)
            return TRUE;
        }
      if (count_label_says (child, n))
        return TRUE;
    }
  return FALSE;
}

static void
sort_by (BigFixture  *f,
         const char  *title,
         GtkSortType  order)
{
  GtkColumnView *view = cf_claims_pane_get_column_view (CLAIMS (f));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (view, column, order);
          app_test_drain ();
          return;
        }
    }
  g_assert_not_reached ();
}

typedef struct
{
  BigFixture *f;
  guint       n;
} CountWait;

static gboolean
rows_are (gpointer data)
{
  CountWait *wait = data;

  return n_rows (wait->f) == wait->n;
}

static void
test_claims_list (void)
{
  BigFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  CfCase *kase;
  GListModel *model;
  GtkWidget *entry;
  gint64 added;
  guint at;

  big_fixture_open (&f);
  kase = cf_window_get_case (f.window);
  model = cf_claims_pane_get_model (CLAIMS (&f));

  /* every claim counted, in reading order, read a page at a time */
  g_assert_cmpuint (n_rows (&f), ==, N_CLAIMS);
  g_assert_true (count_label_says (GTK_WIDGET (CLAIMS (&f)), N_CLAIMS));
  g_assert_true (cf_paged_list_is_paged (CF_PAGED_LIST (model)));
  {
    g_autoptr(CfClaim) first = row (&f, 0);
    g_autoptr(CfClaim) middle = row (&f, CLAIMS_PER_DOC + 1);
    g_autoptr(CfClaim) last = row (&f, N_CLAIMS - 1);

    g_assert_cmpint (cf_claim_get_document_id (first), ==, f.documents[0]);
    g_assert_cmpstr (cf_claim_get_quote (first), ==, "mike number 0.");
    g_assert_cmpint (cf_claim_get_document_id (middle), ==, f.documents[1]);
    g_assert_cmpstr (cf_claim_get_quote (middle), ==, "alpha number 1.");
    g_assert_cmpint (cf_claim_get_document_id (last), ==, f.documents[N_DOCUMENTS - 1]);
    g_assert_cmpstr (cf_claim_get_quote (last), ==, "mike number 999.");
    g_assert_cmpuint (cf_paged_list_find (CF_PAGED_LIST (model), cf_claim_get_id (middle)), ==, CLAIMS_PER_DOC + 1);
  }

  /* a click on Quote sorts by the quote, a second click the other way */
  sort_by (&f, "Quote", GTK_SORT_ASCENDING);
  g_assert_cmpuint (n_rows (&f), ==, N_CLAIMS);
  {
    g_autoptr(CfClaim) first = row (&f, 0);
    g_autoptr(CfClaim) last = row (&f, N_CLAIMS - 1);

    g_assert_true (g_str_has_prefix (cf_claim_get_quote (first), "alpha number "));
    g_assert_true (g_str_has_prefix (cf_claim_get_quote (last), "zulu number "));
  }
  sort_by (&f, "Quote", GTK_SORT_DESCENDING);
  {
    g_autoptr(CfClaim) first = row (&f, 0);

    g_assert_true (g_str_has_prefix (cf_claim_get_quote (first), "zulu number "));
  }
  gtk_column_view_sort_by_column (cf_claims_pane_get_column_view (CLAIMS (&f)), NULL, GTK_SORT_ASCENDING);
  app_test_drain ();
  {
    g_autoptr(CfClaim) first = row (&f, 0);

    g_assert_cmpstr (cf_claim_get_quote (first), ==, "mike number 0.");
  }

  /* This Source: the second source's thousand claims */
  cf_claims_pane_set_document (CLAIMS (&f), f.documents[1]);
  cf_claims_pane_set_scope (CLAIMS (&f), CF_CLAIMS_SCOPE_DOCUMENT);
  app_test_drain ();
  g_assert_cmpuint (n_rows (&f), ==, CLAIMS_PER_DOC);
  g_assert_true (count_label_says (GTK_WIDGET (CLAIMS (&f)), CLAIMS_PER_DOC));
  for (guint i = 0; i < CLAIMS_PER_DOC; i += CLAIMS_PER_DOC / 10)
    {
      g_autoptr(CfClaim) claim = row (&f, i);

      g_assert_cmpint (cf_claim_get_document_id (claim), ==, f.documents[1]);
    }

  /* By Tag: only the tagged claims (the only tag is chosen) */
  cf_claims_pane_set_scope (CLAIMS (&f), CF_CLAIMS_SCOPE_TAG);
  app_test_drain ();
  g_assert_cmpuint (n_rows (&f), ==, f.tagged->len);
  for (guint i = 0; i < f.tagged->len; i++)
    {
      g_autoptr(CfClaim) claim = row (&f, i);

      g_assert_cmpint (cf_claim_get_id (claim), ==, g_array_index (f.tagged, gint64, i));
    }

  /* words typed in the filter */
  cf_claims_pane_set_scope (CLAIMS (&f), CF_CLAIMS_SCOPE_ALL);
  app_test_drain ();
  g_assert_cmpuint (n_rows (&f), ==, N_CLAIMS);
  /* the filter the user reaches with its shortcut */
  cf_claims_pane_focus_filter (CLAIMS (&f));
  entry = gtk_root_get_focus (GTK_ROOT (f.window));
  while (entry != NULL && !GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_parent (entry);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "number 123.");
  {
    CountWait wait = { &f, N_DOCUMENTS };

    g_assert_true (app_test_wait_until (rows_are, &wait));
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  {
    CountWait wait = { &f, N_CLAIMS };

    g_assert_true (app_test_wait_until (rows_are, &wait));
  }

  /* a claim added shows at its place at once; undone, it goes */
  added = cf_case_add_claim (kase, f.documents[1], 0, 4, NULL, &error);
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (n_rows (&f), ==, N_CLAIMS + 1);
  g_assert_true (count_label_says (GTK_WIDGET (CLAIMS (&f)), N_CLAIMS + 1));
  at = cf_paged_list_find (CF_PAGED_LIST (model), added);
  g_assert_cmpuint (at, !=, G_MAXUINT);
  {
    g_autoptr(CfClaim) claim = row (&f, at);
    g_autoptr(CfClaim) before = row (&f, at - 1);

    /* after the claim that starts where it does, made before it */
    g_assert_cmpuint (at, ==, CLAIMS_PER_DOC + 1);
    g_assert_cmpint (cf_claim_get_id (claim), ==, added);
    g_assert_cmpstr (cf_claim_get_quote (before), ==, "mike number 0.");
    g_assert_cmpstr (cf_claim_get_quote (claim), ==, "mike");
  }
  g_assert_true (cf_case_undo (kase, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_cmpuint (n_rows (&f), ==, N_CLAIMS);
  g_assert_cmpuint (cf_paged_list_find (CF_PAGED_LIST (model), added), ==, G_MAXUINT);
  g_assert_true (count_label_says (GTK_WIDGET (CLAIMS (&f)), N_CLAIMS));

  /* the reader's claim is selected in the table, far down the list */
  {
    g_autoptr(CfClaim) far = row (&f, N_CLAIMS - 10);

    cf_claims_pane_set_selected_claim (CLAIMS (&f), far);
    app_test_drain ();
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (cf_claims_pane_get_column_view (CLAIMS (&f))))),
                      ==, N_CLAIMS - 10);
  }

  big_fixture_close (&f);
}

/* The cells with text below @widget that show in @scrolled; each must have been
 * drawn with its text. Returns how many. */
static guint
check_cells_in_view (GtkWidget *widget,
                     GtkWidget *scrolled)
{
  guint n = 0;

  if (CF_IS_CELL_TEXT (widget) && gtk_widget_get_mapped (widget) &&
      *cf_cell_text_get_text (CF_CELL_TEXT (widget)) != '\0')
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
      if (bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (scrolled) &&
          bounds.size.width > 0)
        {
          if (!cf_cell_text_get_drawn (CF_CELL_TEXT (widget)))
            g_error ("a cell in sight shows nothing: “%s” at y %.0f",
                     cf_cell_text_get_text (CF_CELL_TEXT (widget)), bounds.origin.y);
          n++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_cells_in_view (child, scrolled);
  return n;
}

static void
assert_rows_in_view_drawn (BigFixture *f)
{
  GtkWidget *view = GTK_WIDGET (cf_claims_pane_get_column_view (CLAIMS (f)));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  app_test_drain ();
  /* a screenful: some rows of quotes at least */
  g_assert_cmpuint (check_cells_in_view (view, gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW)), >=, 3);
}

static void
test_rows_in_view_drawn (void)
{
  BigFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GtkAdjustment *vadj;
  double page;

  big_fixture_open (&f);
  view = GTK_WIDGET (cf_claims_pane_get_column_view (CLAIMS (&f)));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  page = gtk_adjustment_get_page_size (vadj);
  assert_rows_in_view_drawn (&f);

  /* a jump to the middle, then a few small steps down and up */
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 2);
  assert_rows_in_view_drawn (&f);
  for (int i = 0; i < 4; i++)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + page / 6);
      assert_rows_in_view_drawn (&f);
    }
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) - page);
  assert_rows_in_view_drawn (&f);

  /* rows deleted at the top: the rows below move up into sight */
  gtk_adjustment_set_value (vadj, 0);
  assert_rows_in_view_drawn (&f);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CfClaim) first = row (&f, 0);

      g_assert_true (cf_case_delete_claim (cf_window_get_case (f.window), cf_claim_get_id (first), &error));
      g_assert_no_error (error);
    }
  assert_rows_in_view_drawn (&f);

  /* a taller table shows more rows */
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1200, 1000);
  assert_rows_in_view_drawn (&f);

  big_fixture_close (&f);
}

static void
test_sources_list (void)
{
  BigFixture f = { 0, };
  GListModel *documents;

  big_fixture_open (&f);
  documents = cf_sources_pane_get_model (SOURCES (&f));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, N_DOCUMENTS);
  {
    g_autoptr(CfDocument) last = g_list_model_get_item (documents, N_DOCUMENTS - 1);

    g_assert_cmpstr (cf_document_get_title (last), ==, "Source 3");
    g_assert_cmpuint (cf_document_get_claim_count (last), ==, CLAIMS_PER_DOC);
  }
  /* choosing a source in the reader selects its row */
  cf_sources_pane_set_document_id (SOURCES (&f), f.documents[2]);
  app_test_drain ();
  g_assert_cmpint (cf_sources_pane_get_document_id (SOURCES (&f)), ==, f.documents[2]);

  big_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/app/big/claims", test_claims_list);
  g_test_add_func ("/app/big/sources", test_sources_list);
  g_test_add_func ("/app/big/rows-in-view-drawn", test_rows_in_view_drawn);

  return g_test_run ();
}
