/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case's sources as a list. "case" and "document-id" are properties the
 * window binds both ways: a click here shows the source in the reader, and the
 * reader's document (say, a claim's) is selected here. A mail's attachments (and a
 * message attached to a message) are a tree under it (documents.parent_id), which
 * the expander beside the message opens and closes. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-cell-text.h"
#include "cf-paged-list.h"
#include "cf-sources-pane.h"

struct _CfSourcesPane
{
  GtkBox              parent_instance;

  GtkStack           *stack;
  GtkListView        *list_view;

  CfCase             *kase;
  GListModel         *documents;    /* all of them, flat, by id */
  GListModel         *top;          /* those at the top of the tree (CfPagedList) */
  GtkTreeListModel   *tree;         /* the sources, each with its attachments under it */
  GtkSingleSelection *selection;
  gint64              document_id;
};

G_DEFINE_FINAL_TYPE (CfSourcesPane, cf_sources_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_DOCUMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A source's title: on so many lines at most, and never narrower than so many
 * characters. */
#define TITLE_LINES       2
#define TITLE_WIDTH_CHARS 10

static void
update_row (GtkWidget *row)
{
  CfDocument *document = g_object_get_data (G_OBJECT (row), "cf-document");
  CfCellText *title = g_object_get_data (G_OBJECT (row), "cf-title");
  GtkLabel *meta = g_object_get_data (G_OBJECT (row), "cf-meta");
  GtkLabel *count = g_object_get_data (G_OBJECT (row), "cf-count");
  g_autoptr(GString) text = g_string_new (NULL);
  const char *publisher, *published;
  guint n;
  g_autofree char *count_text = NULL;

  if (document == NULL)
    return;

  cf_cell_text_set_text (title, cf_document_get_title (document) ?: _("Untitled Source"));

  publisher = cf_document_get_publisher (document);
  published = cf_document_get_published (document);
  if (publisher != NULL && *publisher != '\0')
    g_string_append (text, publisher);
  if (published != NULL && *published != '\0')
    {
      g_autofree char *day = cf_date_format_local (published);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, day);
    }
  if (cf_document_get_captured (document) != NULL)
    {
      g_autofree char *day = cf_date_format_local (cf_document_get_captured (document));

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is the date a web page was saved, in the locale's style */
      g_string_append_printf (text, _("saved %s"), day);
    }
  if (text->len == 0 && cf_document_get_filename (document) != NULL)
    g_string_append (text, cf_document_get_filename (document));
  /* a mail's attachment sits indented under its message, which is imported just before it */
  if (cf_document_get_parent_id (document) != 0)
    {
      g_autofree char *attached = g_strdup_printf (_("Attachment: %s"),
                                                   cf_document_get_filename (document) ?: "");

      g_string_assign (text, attached);
    }
  gtk_label_set_label (meta, text->str);
  gtk_widget_set_visible (GTK_WIDGET (meta), text->len > 0);

  n = cf_document_get_claim_count (document);
  count_text = g_strdup_printf ("%u", n);
  gtk_label_set_label (count, count_text);
}

/* Computed when asked: setting tooltips on every bind costs an X round trip each. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  GtkWidget  *row)
{
  CfDocument *document = g_object_get_data (G_OBJECT (row), "cf-document");
  g_autofree char *text = NULL;

  if (document == NULL)
    return FALSE;

  if (widget == g_object_get_data (G_OBJECT (row), "cf-count"))
    {
      guint n = cf_document_get_claim_count (document);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);
    }
  else
    text = g_strdup (cf_document_get_title (document));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
document_notify_cb (CfDocument *document,
                    GParamSpec *pspec,
                    GtkWidget  *row)
{
  update_row (row);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row, *text_box, *title, *meta, *count;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  /* wrapped on two lines, ellipsized: as a label would be, laid out once (GTK 4.8
   * makes some 200 rows at once, and a label lays out its text several times) */
  title = cf_cell_text_new (TITLE_LINES);
  cf_cell_text_measure_text (CF_CELL_TEXT (title), TITLE_WIDTH_CHARS);
  gtk_widget_add_css_class (title, "source-title");
  meta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (text_box), title);
  gtk_box_append (GTK_BOX (text_box), meta);
  gtk_box_append (GTK_BOX (row), text_box);

  count = gtk_label_new (NULL);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "claim-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (row), count);

  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (query_tooltip_cb), row);
  gtk_widget_set_has_tooltip (count, TRUE);
  g_signal_connect (count, "query-tooltip", G_CALLBACK (query_tooltip_cb), row);
  g_object_set_data (G_OBJECT (row), "cf-title", title);
  g_object_set_data (G_OBJECT (row), "cf-meta", meta);
  g_object_set_data (G_OBJECT (row), "cf-count", count);
  {
    GtkWidget *expander = gtk_tree_expander_new ();

    gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row);
    gtk_list_item_set_child (item, expander);
  }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *row = gtk_tree_expander_get_child (expander);
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  CfDocument *document = gtk_tree_list_row_get_item (tree_row);
  gulong handler;

  gtk_tree_expander_set_list_row (expander, tree_row);
  g_object_set_data_full (G_OBJECT (row), "cf-document", document, g_object_unref);
  update_row (row);
  handler = g_signal_connect_object (document, "notify", G_CALLBACK (document_notify_cb), row, 0);
  g_object_set_data (G_OBJECT (row), "cf-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *row = gtk_tree_expander_get_child (expander);
  CfDocument *document = g_object_get_data (G_OBJECT (row), "cf-document");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cf-handler"));

  if (document != NULL && handler != 0)
    g_signal_handler_disconnect (document, handler);
  gtk_tree_expander_set_list_row (expander, NULL);
  g_object_set_data (G_OBJECT (row), "cf-handler", NULL);
  g_object_set_data (G_OBJECT (row), "cf-document", NULL);
}

static void
update_empty (CfSourcesPane *self)
{
  gboolean empty = self->documents == NULL || g_list_model_get_n_items (self->documents) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
documents_changed_cb (GListModel    *model,
                      guint          position,
                      guint          removed,
                      guint          added,
                      CfSourcesPane *self)
{
  update_empty (self);
}

/* ---- the tree ------------------------------------------------------------- */

/* Attachments nested deeper than this are not looked for in the tree. */
#define MAX_NESTING 32

/* A source's attachments, or NULL (no expander) when it has none. The lists read
 * their rows from the case a page at a time; which documents have attachments is
 * known from one walk over the attachments (cf_paged_list_has_attachments), never
 * from one over every document. */
static GListModel *
create_children_cb (gpointer item,
                    gpointer data)
{
  CfSourcesPane *self = data;
  g_autoptr(GListModel) children = NULL;
  gint64 id = cf_document_get_id (item);

  if (self->top == NULL || !cf_paged_list_has_attachments (CF_PAGED_LIST (self->top), id))
    return NULL;
  children = cf_paged_list_new_attachments (self->kase, id);
  return g_list_model_get_n_items (children) > 0 ? g_steal_pointer (&children) : NULL;
}

static CfDocument *
selected_document (CfSourcesPane *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* The row of @document_id in the tree, its messages opened to show it, or
 * G_MAXUINT: a count in the case for a source at the top, and one for each message
 * above an attachment. */
static guint
tree_position (CfSourcesPane *self,
               gint64         document_id,
               guint          depth)
{
  g_autoptr(CfDocument) document = NULL;
  g_autoptr(GtkTreeListRow) parent_row = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  GListModel *children;
  guint position, parent;

  position = cf_paged_list_find (CF_PAGED_LIST (self->top), document_id);
  if (position != G_MAXUINT)
    {
      row = gtk_tree_list_model_get_child_row (self->tree, position);
      return row != NULL ? gtk_tree_list_row_get_position (row) : G_MAXUINT;
    }

  document = cf_case_get_document (self->kase, document_id, NULL);
  if (document == NULL || cf_document_get_parent_id (document) == 0 || depth >= MAX_NESTING)
    return G_MAXUINT;
  parent = tree_position (self, cf_document_get_parent_id (document), depth + 1);
  if (parent == G_MAXUINT)
    return G_MAXUINT;
  parent_row = gtk_tree_list_model_get_row (self->tree, parent);
  if (parent_row == NULL)
    return G_MAXUINT;
  gtk_tree_list_row_set_expanded (parent_row, TRUE);
  children = gtk_tree_list_row_get_children (parent_row);
  if (children == NULL || !CF_IS_PAGED_LIST (children))
    return G_MAXUINT;
  position = cf_paged_list_find (CF_PAGED_LIST (children), document_id);
  if (position == G_MAXUINT)
    return G_MAXUINT;
  row = gtk_tree_list_row_get_child_row (parent_row, position);
  return row != NULL ? gtk_tree_list_row_get_position (row) : G_MAXUINT;
}

static void
selection_changed_cb (CfSourcesPane *self)
{
  g_autoptr(CfDocument) document = selected_document (self);

  /* A row gone from the list changes nothing: the reader says when the shown
   * source was deleted. */
  if (document != NULL && cf_document_get_id (document) != self->document_id)
    {
      self->document_id = cf_document_get_id (document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
    }
}

void
cf_sources_pane_set_case (CfSourcesPane *self,
                          CfCase        *kase)
{
  g_return_if_fail (CF_IS_SOURCES_PANE (self));

  if (self->kase == kase)
    return;

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_func (self->documents, documents_changed_cb, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->top);
  g_clear_object (&self->documents);
  g_set_object (&self->kase, kase);
  self->document_id = 0;

  if (kase != NULL)
    {
      self->documents = cf_paged_list_new_documents (kase);
      self->top = cf_paged_list_new_top_documents (kase);
      self->tree = gtk_tree_list_model_new (g_object_ref (self->top), FALSE, FALSE, create_children_cb, self, NULL);
      g_signal_connect (self->documents, "items-changed", G_CALLBACK (documents_changed_cb), self);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected-item",
                                G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

void
cf_sources_pane_set_document_id (CfSourcesPane *self,
                                 gint64         document_id)
{
  guint position = G_MAXUINT;

  g_return_if_fail (CF_IS_SOURCES_PANE (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  if (self->documents != NULL && document_id > 0)
    position = tree_position (self, document_id, 0);
  if (position == G_MAXUINT)
    {
      if (self->selection != NULL)
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  else if (gtk_single_selection_get_selected (self->selection) != position)
    cf_list_select_and_scroll (GTK_WIDGET (self->list_view), self->selection, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
cf_sources_pane_get_document_id (CfSourcesPane *self)
{
  g_return_val_if_fail (CF_IS_SOURCES_PANE (self), 0);

  return self->document_id;
}

GListModel *
cf_sources_pane_get_model (CfSourcesPane *self)
{
  g_return_val_if_fail (CF_IS_SOURCES_PANE (self), NULL);

  return self->documents;
}

static gboolean
cf_sources_pane_grab_focus (GtkWidget *widget)
{
  CfSourcesPane *self = CF_SOURCES_PANE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
cf_sources_pane_dispose (GObject *object)
{
  CfSourcesPane *self = CF_SOURCES_PANE (object);

  cf_sources_pane_set_case (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_SOURCES_PANE);

  G_OBJECT_CLASS (cf_sources_pane_parent_class)->dispose (object);
}

static void
cf_sources_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfSourcesPane *self = CF_SOURCES_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sources_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CfSourcesPane *self = CF_SOURCES_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_sources_pane_set_case (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT_ID:
      cf_sources_pane_set_document_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sources_pane_class_init (CfSourcesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_sources_pane_dispose;
  object_class->get_property = cf_sources_pane_get_property;
  object_class->set_property = cf_sources_pane_set_property;
  widget_class->grab_focus = cf_sources_pane_grab_focus;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The chosen source; it stays while its row is briefly out of the list. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-sources-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSourcesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CfSourcesPane, list_view);
}

static void
cf_sources_pane_init (CfSourcesPane *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  update_empty (self);
}
