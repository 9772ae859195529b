/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full-text search of the case in the header bar's popover. "case" is bound to
 * the window's; picking a result emits "hit-activated" with the CfSearchHit, and
 * the window decides where that leads. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-search-popover.h"

#define MAX_RESULTS 100

struct _CfSearchPopover
{
  GtkPopover      parent_instance;

  GtkSearchEntry *entry;
  GtkListBox     *results;
  GtkLabel       *status_label;

  CfCase         *kase;
  GPtrArray      *hits;     /* CfSearchHit */
  char           *query;    /* the last words searched for, for "find next" */
};

G_DEFINE_FINAL_TYPE (CfSearchPopover, cf_search_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
create_result_row (const CfSearchHit *hit)
{
  GtkWidget *row, *box, *title, *snippet;
  g_autofree char *markup = cf_snippet_to_markup (hit->snippet);
  const char *kind;
  g_autofree char *heading = NULL;

  switch (hit->kind)
    {
    case CF_RECORD_CLAIM: kind = _("Claim"); break;
    case CF_RECORD_NOTE: kind = _("Note"); break;
    case CF_RECORD_HYPOTHESIS: kind = _("Hypothesis"); break;
    case CF_RECORD_TAG: kind = _("Tag"); break;
    case CF_RECORD_DOCUMENT:
    default: kind = _("Source"); break;
    }
  if (hit->kind == CF_RECORD_DOCUMENT && hit->n_occurrences > 1)
    /* TRANSLATORS: "Source · Title · 2 of 5", the second of five places in it */
    heading = g_strdup_printf (_("%s · %s · %u of %u"), kind, hit->title != NULL ? hit->title : "",
                               hit->occurrence, hit->n_occurrences);
  else
    heading = g_strdup_printf ("%s · %s", kind, hit->title != NULL ? hit->title : _("Case"));

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption-heading");
  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 50);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

guint
cf_search_popover_search (CfSearchPopover *self,
                          const char      *query)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_val_if_fail (CF_IS_SEARCH_POPOVER (self), 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  if (self->kase == NULL || query == NULL || is_blank (query))
    {
      g_clear_pointer (&self->query, g_free);
      gtk_label_set_label (self->status_label,
                           _("Type words to find in sources, claims, notes, hypotheses and tags"));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return 0;
    }

  g_free (self->query);
  self->query = g_strdup (query);
  self->hits = cf_case_search (self->kase, query, MAX_RESULTS, &error);
  if (self->hits == NULL)
    {
      /* A half-typed query ("foo AND") is not worth a dialog. */
      gtk_label_set_label (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return 0;
    }

  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->results, create_result_row (g_ptr_array_index (self->hits, i)));

  gtk_label_set_label (self->status_label, _("No results"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), self->hits->len == 0);
  return self->hits->len;
}

void
cf_search_popover_activate_result (CfSearchPopover *self,
                                   guint            index)
{
  const CfSearchHit *hit;

  g_return_if_fail (CF_IS_SEARCH_POPOVER (self));

  if (self->hits == NULL || index >= self->hits->len)
    return;

  hit = g_ptr_array_index (self->hits, index);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
}

const char *
cf_search_popover_get_query (CfSearchPopover *self)
{
  g_return_val_if_fail (CF_IS_SEARCH_POPOVER (self), NULL);

  return self->query;
}

static void
search_changed_cb (CfSearchPopover *self)
{
  cf_search_popover_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
entry_activate_cb (CfSearchPopover *self)
{
  cf_search_popover_activate_result (self, 0);
}

static void
row_activated_cb (GtkListBox      *list_box,
                  GtkListBoxRow   *row,
                  CfSearchPopover *self)
{
  cf_search_popover_activate_result (self, gtk_list_box_row_get_index (row));
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      CfSearchPopover       *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

static void
popover_show_cb (CfSearchPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
cf_search_popover_set_case (CfSearchPopover *self,
                            CfCase          *kase)
{
  g_return_if_fail (CF_IS_SEARCH_POPOVER (self));

  if (!g_set_object (&self->kase, kase))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  cf_search_popover_search (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
cf_search_popover_dispose (GObject *object)
{
  CfSearchPopover *self = CF_SEARCH_POPOVER (object);

  g_clear_object (&self->kase);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_SEARCH_POPOVER);

  G_OBJECT_CLASS (cf_search_popover_parent_class)->dispose (object);
}

static void
cf_search_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfSearchPopover *self = CF_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_search_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CfSearchPopover *self = CF_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_search_popover_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_search_popover_class_init (CfSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_search_popover_dispose;
  object_class->get_property = cf_search_popover_get_property;
  object_class->set_property = cf_search_popover_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Static scope: the hit lives as long as the results, so no copy per emission. */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CF_TYPE_SEARCH_HIT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, CfSearchPopover, results);
  gtk_widget_class_bind_template_child (widget_class, CfSearchPopover, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cf_search_popover_init (CfSearchPopover *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  g_signal_connect_swapped (self, "show", G_CALLBACK (popover_show_cb), self);
  cf_search_popover_search (self, NULL);
}
