/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claims table: scope, text filter, sorting by column (the core sorts) and
 * the selected claim. "case", "document-id" (for the "This Source" scope) and
 * "selected-claim" are properties the window binds; the selected claim is the
 * one the user works on and stays when a filter hides it from the list. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-cell-text.h"
#include "cf-claims-pane.h"
#include "cf-colors.h"
#include "cf-paged-list.h"

/* In the order the table shows them. */
typedef enum
{
  COLUMN_QUOTE,
  COLUMN_TAGS,
  COLUMN_GRADE,
  COLUMN_LIKELIHOOD,
  COLUMN_ACTOR,
  COLUMN_CONFIDENCE,
  N_COLUMNS
} Column;

static const struct {
  const char  *title;
  int          sort;        /* CfClaimSort, or -1 */
  gboolean     expand;
  int          width;
  int          priority;    /* when the pane is narrow, the highest go first */
} columns[N_COLUMNS] = {
  /* Translators: headers of narrow columns (about ten characters fit);
   * abbreviate where the word is longer. */
  [COLUMN_QUOTE]      = { NC_("claims column", "Quote"),      CF_CLAIM_SORT_QUOTE,      TRUE,  120, 0 },
  [COLUMN_TAGS]       = { NC_("claims column", "Tags"),       -1,                       FALSE, 90,  1 },
  [COLUMN_GRADE]      = { NC_("claims column", "Grade"),      CF_CLAIM_SORT_GRADE,      FALSE, 48,  2 },
  [COLUMN_LIKELIHOOD] = { NC_("claims column", "Likelihood"), CF_CLAIM_SORT_LIKELIHOOD, FALSE, 90,  3 },
  [COLUMN_ACTOR]      = { NC_("claims column", "Actor"),      CF_CLAIM_SORT_ACTOR,      FALSE, 84,  4 },
  [COLUMN_CONFIDENCE] = { NC_("claims column", "Confidence"), CF_CLAIM_SORT_CONFIDENCE, FALSE, 80,  5 },
};

/* Room for the vertical scrollbar beside the columns' widths (which count their
 * cells' padding). */
#define SCROLLBAR_ROOM   4
/* Each cell's lines: every row has this height. */
#define CELL_LINES       2

struct _CfClaimsPane
{
  GtkBox              parent_instance;

  GtkDropDown        *scope_dropdown;
  GtkDropDown        *item_dropdown;
  GtkSearchEntry     *filter_entry;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkStack           *stack;

  CfCase             *kase;
  GListModel         *claims;
  GtkSingleSelection *selection;
  GListModel         *tags;
  GListModel         *hypotheses;
  gint64              document_id;
  CfClaim            *selected_claim;

  GHashTable         *tag_cache;   /* tag id -> CfTag, for the chips; NULL: empty */
  int                 cell_height;  /* two lines of the table's font; 0: not known yet */

  GObject            *sentinel_a;
  GObject            *sentinel_b;
  int                 last_compared_column;
  int                 fitted_width;
  guint               fit_id;
  GtkColumnViewColumn *columns[N_COLUMNS];   /* in the view or not, as they fit */
};

G_DEFINE_FINAL_TYPE (CfClaimsPane, cf_claims_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_DOCUMENT_ID,
  PROP_SELECTED_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_cell (CfClaim *claim,
             Column   column)
{
  switch (column)
    {
    case COLUMN_QUOTE:
      {
        /* One line per row: newlines inside a quote would make rows of different
         * heights, which the list handles badly at 100,000 rows. */
        g_autofree char *quote = g_strdup (cf_claim_get_quote (claim));
        return g_strdelimit (quote != NULL ? g_steal_pointer (&quote) : g_strdup (""), "\n\r\t", ' ');
      }
    case COLUMN_ACTOR:
      return g_strdup (cf_claim_get_actor_name (claim) ?: "");
    case COLUMN_GRADE:
      return g_strdup (cf_claim_get_grade (claim) ?: "");
    case COLUMN_LIKELIHOOD:
      /* the words analysts write ("roughly even chance"); the range in the tooltip */
      return cf_likelihood_cell_label (NULL, cf_claim_get_likelihood (claim));
    case COLUMN_CONFIDENCE:
      return cf_confidence_cell_label (NULL, cf_claim_get_confidence (claim));
    case COLUMN_TAGS:
      /* the tooltip's words; the cell shows chips (tags_markup) */
      return g_strdup (cf_claim_get_tag_names (claim) ?: "");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* The tag @id, kept while the case's tags do not change: a row's chips would
 * otherwise read each of its tags from the file, every time a row is bound. */
static CfTag *
cached_tag (CfClaimsPane *self,
            gint64        id)
{
  CfTag *tag;

  if (self->tag_cache == NULL)
    {
      guint n = self->tags != NULL ? g_list_model_get_n_items (self->tags) : 0;

      /* all of them in one query (a case has tens or hundreds), not one each */
      self->tag_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          CfTag *listed = g_list_model_get_item (self->tags, i);
          gint64 listed_id;

          if (listed == NULL)
            continue;
          listed_id = cf_tag_get_id (listed);
          g_hash_table_insert (self->tag_cache, g_memdup2 (&listed_id, sizeof listed_id), listed);
        }
    }
  tag = g_hash_table_lookup (self->tag_cache, &id);
  if (tag == NULL)
    {
      tag = cf_case_get_tag (self->kase, id, NULL);
      if (tag == NULL)
        return NULL;
      g_hash_table_insert (self->tag_cache, g_memdup2 (&id, sizeof id), tag);
    }
  return tag;
}

static void
case_records_changed_cb (CfCase       *kase,
                         guint         kinds_mask,
                         CfClaimsPane *self)
{
  if (kinds_mask & (1u << CF_RECORD_TAG))
    g_clear_pointer (&self->tag_cache, g_hash_table_unref);
}

/* Each tag a chip of its colour, its name in black or white, whichever reads better. */
static char *
tags_markup (CfClaimsPane *self,
             CfClaim      *claim)
{
  GString *markup = g_string_new (NULL);
  const gint64 *ids;
  guint n = 0;

  ids = cf_claim_get_tag_ids (claim, &n);
  for (guint i = 0; self != NULL && self->kase != NULL && i < n; i++)
    {
      CfTag *tag = cached_tag (self, ids[i]);
      const char *color;
      g_autofree char *chip = NULL;

      if (tag == NULL)
        continue;
      color = cf_tag_get_color (tag) ?: CF_UNTAGGED_COLOR;
      /* thin no-break spaces pad the chip; a plain space between chips lets them wrap */
      chip = g_markup_printf_escaped ("<span background=\"%s\" foreground=\"%s\">\u2009%s\u2009</span>",
                                      color, cf_color_text_on (color), cf_tag_get_name (tag));
      if (markup->len > 0)
        g_string_append_c (markup, ' ');
      g_string_append (markup, chip);
    }
  return g_string_free (markup, FALSE);
}

static void
update_cell (GtkWidget *cell)
{
  CfClaim *claim = g_object_get_data (G_OBJECT (cell), "cf-claim");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "cf-column"));
  g_autofree char *text = NULL;

  if (claim == NULL)
    return;

  if (column == COLUMN_TAGS)
    {
      CfClaimsPane *pane = g_object_get_data (G_OBJECT (cell), "cf-pane");

      text = tags_markup (pane, claim);
      cf_cell_text_set_markup (CF_CELL_TEXT (cell), text, cf_claim_get_tag_names (claim));
      return;
    }
  text = format_cell (claim, column);
  cf_cell_text_set_text (CF_CELL_TEXT (cell), text);
}

/* Tooltips are computed when asked for: setting one on every bind costs an X
 * round trip per cell (GTK looks for the pointer), which made scrolling slow. */
static gboolean
query_tooltip_cb (GtkWidget  *label,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  CfClaim *claim = g_object_get_data (G_OBJECT (label), "cf-claim");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "cf-column"));
  g_autofree char *text = NULL;

  if (claim == NULL)
    return FALSE;

  if (column == COLUMN_LIKELIHOOD && cf_claim_get_likelihood (claim) != CF_LIKELIHOOD_NONE)
    text = g_strdup_printf ("%s (%s)", cf_likelihood_to_label (cf_claim_get_likelihood (claim)),
                            cf_likelihood_to_range (cf_claim_get_likelihood (claim)));
  else
    text = format_cell (claim, column);

  if (*text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
claim_notify_cb (CfClaim    *claim,
                 GParamSpec *pspec,
                 GtkWidget  *cell)
{
  update_cell (cell);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  CfClaimsPane *pane = g_object_get_data (G_OBJECT (factory), "cf-pane");
  GtkWidget *cell;

  /* Two lines for every row: the quote wraps into the room it has, the likelihood's
   * words and the tag chips too, and rows keep one height (the list estimates
   * 100,000 rows by it). Newlines inside a quote are made spaces (format_cell).
   * GTK 4.8 makes some 200 rows of cells at once, in view or not: the cells are
   * CfCellText, which lays out nothing to be measured, and only what shows. */
  cell = cf_cell_text_new (CELL_LINES);
  if (GPOINTER_TO_INT (column) == COLUMN_GRADE)
    cf_cell_text_set_tabular_figures (CF_CELL_TEXT (cell), TRUE);

  /* Measured once, for every row. */
  if (pane->cell_height == 0)
    {
      g_autoptr(PangoLayout) two_lines = gtk_widget_create_pango_layout (cell, "X\nX");

      pango_layout_get_pixel_size (two_lines, NULL, &pane->cell_height);
    }
  gtk_widget_set_size_request (cell, -1, pane->cell_height);
  g_object_set_data (G_OBJECT (cell), "cf-column", column);
  g_object_set_data (G_OBJECT (cell), "cf-pane", pane);
  if (GPOINTER_TO_INT (column) != COLUMN_GRADE && GPOINTER_TO_INT (column) != COLUMN_CONFIDENCE)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CfClaim *claim = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (label), "cf-claim", claim);
  update_cell (label);
  /* The case updates its claim objects in place; follow them while bound. */
  handler = g_signal_connect_object (claim, "notify", G_CALLBACK (claim_notify_cb), label, 0);
  g_object_set_data (G_OBJECT (label), "cf-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CfClaim *claim = g_object_get_data (G_OBJECT (label), "cf-claim");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "cf-handler"));

  if (claim != NULL && handler != 0)
    g_signal_handler_disconnect (claim, handler);
  g_object_set_data (G_OBJECT (label), "cf-handler", NULL);
  g_object_set_data (G_OBJECT (label), "cf-claim", NULL);
}

/* The column view only reports which column header was clicked through its sorter;
 * GTK 4.8 has no getter for the primary column. Comparing two sentinels through the
 * view's sorter calls the primary column's sorter first, which records itself, and
 * the sign of the result gives the order. The sorters never see real rows: the core
 * sorts. */
static int
column_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      column)
{
  CfClaimsPane *self = g_object_get_data (G_OBJECT (a), "cf-pane");

  if (self != NULL && self->last_compared_column < 0)
    self->last_compared_column = GPOINTER_TO_INT (column);
  return a == b ? GTK_ORDERING_EQUAL : (a < b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER);
}

static void
view_sorter_changed_cb (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        CfClaimsPane    *self)
{
  GObject *a = self->sentinel_a, *b = self->sentinel_b;
  GtkOrdering natural;
  GtkOrdering order;
  CfClaimSort sort = CF_CLAIM_SORT_POSITION;
  gboolean descending = FALSE;

  if (self->claims == NULL)
    return;

  if (a > b)
    {
      GObject *tmp = a;
      a = b;
      b = tmp;
    }
  natural = GTK_ORDERING_SMALLER;

  self->last_compared_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->last_compared_column >= 0 && order != GTK_ORDERING_EQUAL &&
      columns[self->last_compared_column].sort >= 0)
    {
      sort = columns[self->last_compared_column].sort;
      descending = order != natural;
    }

  cf_paged_list_set_sort (CF_PAGED_LIST (self->claims), sort, descending);
}

static void
update_count (CfClaimsPane *self)
{
  guint n = self->claims != NULL ? g_list_model_get_n_items (self->claims) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u claim", "%'u claims", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
claims_changed_cb (GListModel   *model,
                   guint         position,
                   guint         removed,
                   guint         added,
                   CfClaimsPane *self)
{
  if (removed != added)
    update_count (self);
}

/* A change may take the selected row away and bring it back elsewhere (a claim added
 * above it, an undo): the claim the user works on is selected again where it is now. */
static void
selection_items_changed_cb (GListModel   *model,
                            guint         position,
                            guint         removed,
                            guint         added,
                            CfClaimsPane *self)
{
  guint at;

  if (self->selected_claim == NULL || self->claims == NULL ||
      gtk_single_selection_get_selected_item (self->selection) == (gpointer) self->selected_claim)
    return;
  at = cf_paged_list_find (CF_PAGED_LIST (self->claims), cf_claim_get_id (self->selected_claim));
  if (at != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, at);
}

static gint64
selected_item_id (CfClaimsPane *self)
{
  GObject *item;

  if (self->claims == NULL)
    return 0;

  switch (gtk_drop_down_get_selected (self->scope_dropdown))
    {
    case CF_CLAIMS_SCOPE_TAG:
      item = gtk_drop_down_get_selected_item (self->item_dropdown);
      return item != NULL ? cf_tag_get_id (CF_TAG (item)) : 0;
    case CF_CLAIMS_SCOPE_HYPOTHESIS:
      item = gtk_drop_down_get_selected_item (self->item_dropdown);
      return item != NULL ? cf_hypothesis_get_id (CF_HYPOTHESIS (item)) : 0;
    default:
      return 0;
    }
}

static void
apply_scope (CfClaimsPane *self)
{
  CfPagedList *list;
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);

  if (self->claims == NULL)
    return;

  list = CF_PAGED_LIST (self->claims);

  switch (scope)
    {
    case CF_CLAIMS_SCOPE_TAG:
      if (gtk_drop_down_get_model (self->item_dropdown) != self->tags)
        gtk_drop_down_set_model (self->item_dropdown, self->tags);
      break;
    case CF_CLAIMS_SCOPE_HYPOTHESIS:
      if (gtk_drop_down_get_model (self->item_dropdown) != self->hypotheses)
        gtk_drop_down_set_model (self->item_dropdown, self->hypotheses);
      break;
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->item_dropdown),
                          scope == CF_CLAIMS_SCOPE_TAG || scope == CF_CLAIMS_SCOPE_HYPOTHESIS);

  cf_paged_list_set_document (list, scope == CF_CLAIMS_SCOPE_DOCUMENT ? self->document_id : 0);
  cf_paged_list_set_tag (list, scope == CF_CLAIMS_SCOPE_TAG ? selected_item_id (self) : 0);
  cf_paged_list_set_hypothesis (list, scope == CF_CLAIMS_SCOPE_HYPOTHESIS ? selected_item_id (self) : 0);
  update_count (self);
}

static void
scope_changed_cb (CfClaimsPane *self)
{
  apply_scope (self);
}

static void
filter_changed_cb (GtkSearchEntry *entry,
                   CfClaimsPane   *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->claims == NULL)
    return;

  cf_paged_list_set_text_filter (CF_PAGED_LIST (self->claims), *text != '\0' ? text : NULL);
  update_count (self);
}

static void
set_selected_claim (CfClaimsPane *self,
                    CfClaim      *claim)
{
  if (g_set_object (&self->selected_claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

static void
selection_changed_cb (CfClaimsPane *self)
{
  CfClaim *claim = gtk_single_selection_get_selected_item (self->selection);

  /* A row the filter hid is no choice of the user's: the claim stays selected. */
  if (claim != NULL)
    set_selected_claim (self, claim);
}

static char *
tag_path_cb (CfTag *tag)
{
  return g_strdup (tag != NULL ? cf_tag_get_path (tag) : "");
}

static char *
hypothesis_title_cb (GObject *item)
{
  return g_strdup (item != NULL ? cf_hypothesis_get_title (CF_HYPOTHESIS (item)) : "");
}

static char *
item_string_cb (GObject *item)
{
  if (CF_IS_TAG (item))
    return tag_path_cb (CF_TAG (item));
  if (CF_IS_HYPOTHESIS (item))
    return hypothesis_title_cb (item);
  return g_strdup ("");
}

/* The chosen tag or hypothesis, ellipsized (its whole name in the tooltip): a long
 * hypothesis title widened the pane and squeezed the filter entry to an icon. In
 * the list it wraps instead. */
#define ITEM_BUTTON_MAX_CHARS 18
#define ITEM_LIST_MAX_CHARS   40

static void
setup_item_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  in_button)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (in_button))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), ITEM_BUTTON_MAX_CHARS);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), ITEM_LIST_MAX_CHARS);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_item_label_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  in_button)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_string_cb (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (in_button) ? text : NULL);
}

static GtkListItemFactory *
item_label_factory_new (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_label_cb), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_label_cb), GINT_TO_POINTER (in_button));
  return factory;
}

void
cf_claims_pane_set_case (CfClaimsPane *self,
                         CfCase       *kase)
{
  g_return_if_fail (CF_IS_CLAIMS_PANE (self));
  g_return_if_fail (kase == NULL || CF_IS_CASE (kase));

  if (self->kase == kase)
    return;

  if (self->claims != NULL)
    g_signal_handlers_disconnect_by_func (self->claims, claims_changed_cb, self);
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_drop_down_set_model (self->item_dropdown, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->claims);
  g_clear_object (&self->tags);
  g_clear_object (&self->hypotheses);
  g_clear_pointer (&self->tag_cache, g_hash_table_unref);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, case_records_changed_cb, self);
  g_set_object (&self->kase, kase);
  self->document_id = 0;
  g_clear_object (&self->selected_claim);

  if (kase != NULL)
    {
      self->claims = cf_paged_list_new_claims (kase);
      g_signal_connect (kase, "records-changed", G_CALLBACK (case_records_changed_cb), self);
      self->tags = cf_case_list_tags (kase);
      self->hypotheses = cf_case_list_hypotheses (kase);
      cf_paged_list_set_sort (CF_PAGED_LIST (self->claims), CF_CLAIM_SORT_POSITION, FALSE);
      g_signal_connect (self->claims, "items-changed", G_CALLBACK (claims_changed_cb), self);

      self->selection = gtk_single_selection_new (g_object_ref (self->claims));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected-item",
                                G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_after (self->selection, "items-changed",
                              G_CALLBACK (selection_items_changed_cb), self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      gtk_drop_down_set_selected (self->scope_dropdown, CF_CLAIMS_SCOPE_ALL);
      apply_scope (self);
    }

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

void
cf_claims_pane_set_document (CfClaimsPane *self,
                             gint64        document_id)
{
  g_return_if_fail (CF_IS_CLAIMS_PANE (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  if (gtk_drop_down_get_selected (self->scope_dropdown) == CF_CLAIMS_SCOPE_DOCUMENT)
    apply_scope (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

void
cf_claims_pane_set_scope (CfClaimsPane  *self,
                          CfClaimsScope  scope)
{
  g_return_if_fail (CF_IS_CLAIMS_PANE (self));

  gtk_drop_down_set_selected (self->scope_dropdown, scope);
}

gboolean
cf_claims_pane_select_claim (CfClaimsPane *self,
                             gint64        claim_id)
{
  guint position;

  g_return_val_if_fail (CF_IS_CLAIMS_PANE (self), FALSE);

  if (self->claims == NULL)
    return FALSE;

  if (claim_id <= 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }

  position = cf_paged_list_find (CF_PAGED_LIST (self->claims), claim_id);
  if (position == G_MAXUINT)
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) != position)
    cf_list_select_and_scroll (GTK_WIDGET (self->column_view), self->selection, position);
  return TRUE;
}

void
cf_claims_pane_set_selected_claim (CfClaimsPane *self,
                                   CfClaim      *claim)
{
  g_return_if_fail (CF_IS_CLAIMS_PANE (self));
  g_return_if_fail (claim == NULL || CF_IS_CLAIM (claim));

  if (self->selected_claim == claim)
    return;

  /* Set first, so the list's selection change below finds it already chosen. */
  g_set_object (&self->selected_claim, claim);
  if (claim == NULL || !cf_claims_pane_select_claim (self, cf_claim_get_id (claim)))
    {
      if (self->selection != NULL)
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

CfClaim *
cf_claims_pane_get_selected_claim (CfClaimsPane *self)
{
  g_return_val_if_fail (CF_IS_CLAIMS_PANE (self), NULL);

  return self->selected_claim;
}

GListModel *
cf_claims_pane_get_model (CfClaimsPane *self)
{
  g_return_val_if_fail (CF_IS_CLAIMS_PANE (self), NULL);

  return self->claims;
}

GtkColumnView *
cf_claims_pane_get_column_view (CfClaimsPane *self)
{
  g_return_val_if_fail (CF_IS_CLAIMS_PANE (self), NULL);

  return self->column_view;
}

void
cf_claims_pane_focus_filter (CfClaimsPane *self)
{
  g_return_if_fail (CF_IS_CLAIMS_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* A narrow pane shows fewer columns rather than a horizontal scrollbar: the quote
 * first, then the tags, the grade, the likelihood, the actor and the confidence,
 * each while it fits (the inspector shows them all). */
static void
fit_columns (CfClaimsPane *self,
             int           width)
{
  int room = width - SCROLLBAR_ROOM;
  gboolean fits[N_COLUMNS] = { FALSE, };

  for (int priority = 0; priority < N_COLUMNS; priority++)
    for (guint i = 0; i < N_COLUMNS; i++)
      {
        int needed;

        if (columns[i].priority != priority)
          continue;
        needed = i == COLUMN_QUOTE ? columns[i].width
                                   : MAX (gtk_column_view_column_get_fixed_width (self->columns[i]), 0);
        if (room >= needed || i == COLUMN_QUOTE)
          {
            fits[i] = TRUE;
            room -= needed;
          }
        else
          room = -1;   /* keep the order: nothing after a column that did not fit */
      }

  /* Out of the view, not hidden: GTK 4.8 keeps a hidden column's width in the
   * table, and the quote's column would not get the room. */
  for (guint i = 0, position = 0; i < N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = self->columns[i];
      gboolean shown = gtk_column_view_column_get_column_view (column) != NULL;

      if (fits[i] && !shown)
        gtk_column_view_insert_column (self->column_view, position, column);
      else if (!fits[i] && shown)
        gtk_column_view_remove_column (self->column_view, column);
      if (fits[i])
        position++;
    }
}

static gboolean
fit_columns_idle_cb (gpointer data)
{
  CfClaimsPane *self = data;

  self->fit_id = 0;
  fit_columns (self, self->fitted_width);
  return G_SOURCE_REMOVE;
}

/* The table's width is the horizontal adjustment's page size, known once the
 * scrolled window is allocated. Columns change after the allocation, not in it
 * (GTK would draw rows it had not placed). */
static void
table_width_changed_cb (GtkAdjustment *hadj,
                        CfClaimsPane  *self)
{
  int width = (int) gtk_adjustment_get_page_size (hadj);

  if (width > 0 && width != self->fitted_width)
    {
      self->fitted_width = width;
      if (self->fit_id == 0)
        self->fit_id = g_idle_add_full (GTK_PRIORITY_RESIZE - 1, fit_columns_idle_cb, self, NULL);
    }
}

static gboolean
cf_claims_pane_grab_focus (GtkWidget *widget)
{
  CfClaimsPane *self = CF_CLAIMS_PANE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
cf_claims_pane_dispose (GObject *object)
{
  CfClaimsPane *self = CF_CLAIMS_PANE (object);

  cf_claims_pane_set_case (self, NULL);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_object (&self->selected_claim);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CLAIMS_PANE);
  g_clear_object (&self->sentinel_a);
  g_clear_object (&self->sentinel_b);

  G_OBJECT_CLASS (cf_claims_pane_parent_class)->dispose (object);
}

static void
cf_claims_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfClaimsPane *self = CF_CLAIMS_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_claims_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CfClaimsPane *self = CF_CLAIMS_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_claims_pane_set_case (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT_ID:
      cf_claims_pane_set_document (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTED_CLAIM:
      cf_claims_pane_set_selected_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_claims_pane_class_init (CfClaimsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_claims_pane_dispose;
  object_class->get_property = cf_claims_pane_get_property;
  object_class->set_property = cf_claims_pane_set_property;
  widget_class->grab_focus = cf_claims_pane_grab_focus;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The document the "This Source" scope shows. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_object ("selected-claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-claims-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CfClaimsPane, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfClaimsPane, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfClaimsPane, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, CfClaimsPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, CfClaimsPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, CfClaimsPane, stack);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
cf_claims_pane_init (CfClaimsPane *self)
{
  g_autoptr(GtkStringList) scopes = NULL;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  scopes = gtk_string_list_new ((const char *[]) {
    _("All Claims"), _("This Source"), _("By Tag"), _("By Hypothesis"), NULL });
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scopes));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (item_string_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->item_dropdown, expression);
  gtk_expression_unref (expression);
  {
    g_autoptr(GtkListItemFactory) button_factory = item_label_factory_new (TRUE);
    g_autoptr(GtkListItemFactory) list_factory = item_label_factory_new (FALSE);

    gtk_drop_down_set_factory (self->item_dropdown, button_factory);
    gtk_drop_down_set_list_factory (self->item_dropdown, list_factory);
  }
  g_signal_connect_swapped (self->item_dropdown, "notify::selected", G_CALLBACK (scope_changed_cb), self);

  self->sentinel_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->sentinel_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->sentinel_a, "cf-pane", self);
  g_object_set_data (self->sentinel_b, "cf-pane", self);
  self->last_compared_column = -1;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "cf-pane", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (i));

      column = gtk_column_view_column_new (g_dpgettext2 (NULL, "claims column", columns[i].title),
                                            factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      /* the quote's column takes what the others leave (GTK 4.8 gives no room beyond
       * a fixed width) */
      if (!columns[i].expand)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      if (columns[i].sort >= 0)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare_cb, GINT_TO_POINTER (i), NULL));
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self->column_view)))),
                           "changed", G_CALLBACK (table_width_changed_cb), self, 0);
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (view_sorter_changed_cb), self);
  update_count (self);
}
