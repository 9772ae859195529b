/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Same event": the claims linked to this one in the case's claim_links, each a row
 * that selects the claim (win.select-claim) with an unlink button, and a "Link to
 * Claim…" popover listing the case's other claims, found by their quote, source or
 * actor. Each link and unlink is one undo step of the store. Links are not part of the
 * claim object: the rows are read again when the case reports a change (a link is a
 * change to the case; a linked claim may be edited or deleted). The popover's list is a
 * list view over the case's claims, built when it opens, so a case of 100,000 claims
 * opens it at once and pays nothing for it before. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-case-timeline.h"
#include "cf-inspector-links.h"

#define QUOTE_CHARS 60   /* a row shows this much of a quote */

struct _CfInspectorLinks
{
  CfInspectorSection  parent_instance;

  GtkListBox         *links_box;
  GtkMenuButton      *link_button;
  GtkPopover         *popover;
  GtkSearchEntry     *search;
  GtkListView        *candidates;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *needle;      /* the search, casefolded */
};

G_DEFINE_FINAL_TYPE (CfInspectorLinks, cf_inspector_links, CF_TYPE_INSPECTOR_SECTION)

static gint64
current_claim_id (CfInspectorLinks *self)
{
  CfClaim *claim = cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));

  return claim != NULL ? cf_claim_get_id (claim) : 0;
}

/* "“quote…” — source", for rows and the popover alike. */
static char *
describe_claim (CfClaim *claim)
{
  const char *quote = cf_claim_get_quote (claim) ?: "";
  const char *title = cf_claim_get_document_title (claim);
  g_autofree char *shown = g_utf8_strlen (quote, -1) > QUOTE_CHARS
                           ? g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (quote, QUOTE_CHARS) - quote), quote)
                           : g_strdup (quote);

  if (title != NULL && *title != '\0')
    /* TRANSLATORS: a linked claim: its quote, then its source */
    return g_strdup_printf (_("“%s” — %s"), shown, title);
  return g_strdup_printf (_("“%s”"), shown);
}

/* --- linked claims ---------------------------------------------------------------- */

static void
unlink_clicked_cb (GtkButton        *button,
                   CfInspectorLinks *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  gint64 other_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "cf-claim-id");
  g_autoptr(GError) error = NULL;

  if (kase != NULL && current_claim_id (self) > 0
      && !cf_case_unlink_claims (kase, current_claim_id (self), other_id, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Unlink the Claims"), error);
}

static void
link_row_activated_cb (GtkListBox       *box,
                       GtkListBoxRow    *row,
                       CfInspectorLinks *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "cf-claim-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-claim", "x", *id);
}

static GtkWidget *
create_link_row (CfInspectorLinks *self,
                 CfClaim          *other)
{
  GtkWidget *row, *box, *label, *unlink;
  g_autofree char *text = describe_claim (other);
  g_autofree char *unlink_label = NULL;
  gint64 *id;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, _("Select this claim"));
  gtk_box_append (GTK_BOX (box), label);

  unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (unlink, "flat");
  gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
  unlink_label = g_strdup_printf (_("Unlink “%s”"), text);
  gtk_widget_set_tooltip_text (unlink, _("Not the Same Event"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_label, -1);
  gtk_box_append (GTK_BOX (box), unlink);

  id = g_new (gint64, 1);
  *id = cf_claim_get_id (other);
  g_object_set_data_full (G_OBJECT (row), "cf-claim-id", id, g_free);
  g_object_set_data (G_OBJECT (unlink), "cf-claim-id", id);
  g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
cf_inspector_links_refresh (CfInspectorSection *section)
{
  CfInspectorLinks *self = CF_INSPECTOR_LINKS (section);
  CfCase *kase = cf_inspector_section_get_case (section);
  gint64 claim_id = current_claim_id (self);
  g_autoptr(GArray) links = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_list_box_remove (self->links_box, child);
  if (kase == NULL || claim_id <= 0)
    return;

  links = cf_case_list_claim_links (kase, claim_id, &error);
  if (links == NULL)
    {
      g_warning ("Reading the claim's links: %s", error->message);
      return;
    }
  for (guint i = 0; i + 1 < links->len; i += 2)
    {
      gint64 a = g_array_index (links, gint64, i);
      gint64 b = g_array_index (links, gint64, i + 1);
      g_autoptr(CfClaim) other = cf_case_get_claim (kase, a == claim_id ? b : a, NULL);

      if (other != NULL)
        gtk_list_box_append (self->links_box, create_link_row (self, other));
    }
}

static void
cf_inspector_links_claim_changed (CfInspectorSection *section)
{
  CfInspectorLinks *self = CF_INSPECTOR_LINKS (section);

  gtk_popover_popdown (self->popover);
  cf_inspector_links_refresh (section);
  /* the popover lists every claim but this one; filtered again only when it changes,
   * not on each edit, since a case may hold 100,000 claims */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* --- the popover ------------------------------------------------------------------ */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
candidate_filter_cb (gpointer item,
                     gpointer user_data)
{
  CfInspectorLinks *self = user_data;
  CfClaim *claim = item;

  if (cf_claim_get_id (claim) == current_claim_id (self))
    return FALSE;
  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  return contains_casefolded (cf_claim_get_quote (claim), self->needle)
         || contains_casefolded (cf_claim_get_document_title (claim), self->needle)
         || contains_casefolded (cf_claim_get_actor_name (claim), self->needle);
}

static void fill_candidates (CfInspectorLinks *self);

static void
search_changed_cb (CfInspectorLinks *self)
{
  g_clear_pointer (&self->needle, g_free);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  if (gtk_single_selection_get_model (self->selection) == NULL)
    fill_candidates (self);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
link_to (CfInspectorLinks *self,
         gint64            other_id)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->popover);
  if (kase != NULL && current_claim_id (self) > 0
      && !cf_case_link_claims (kase, current_claim_id (self), other_id, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Link the Claims"), error);
}

static void
candidate_activated_cb (GtkListView      *view,
                        guint             position,
                        CfInspectorLinks *self)
{
  g_autoptr(CfClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (claim != NULL)
    link_to (self, cf_claim_get_id (claim));
}

/* Enter in the search links the first claim found. */
static void
search_activate_cb (CfInspectorLinks *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    candidate_activated_cb (self->candidates, 0, self);
}

static void
popover_show_cb (CfInspectorLinks *self)
{
  fill_candidates (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
popover_closed_cb (CfInspectorLinks *self)
{
  gtk_single_selection_set_model (self->selection, NULL);
}

static void
setup_candidate_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (item, label);
}

static void
bind_candidate_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  CfClaim *claim = gtk_list_item_get_item (item);
  g_autofree char *text = describe_claim (claim);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* The popover's list is built when it opens and dropped when it closes: filtering
 * walks the case's claims, which a case of a million claims must not pay for at
 * startup or for every claim selected. */
static void
fill_candidates (CfInspectorLinks *self)
{
  CfCase *kase = cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
  g_autoptr(GtkFilterListModel) filtered = NULL;

  if (kase == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      return;
    }
  filtered = gtk_filter_list_model_new (cf_case_list_claims (kase),
                                        GTK_FILTER (g_object_ref (self->filter)));
  /* a large case filters in steps instead of holding up the window */
  gtk_filter_list_model_set_incremental (filtered, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (filtered));
}

static void
cf_inspector_links_case_changed (CfInspectorSection *section)
{
  CfInspectorLinks *self = CF_INSPECTOR_LINKS (section);

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    fill_candidates (self);
  else
    gtk_single_selection_set_model (self->selection, NULL);
}

/* --- widget ----------------------------------------------------------------------- */

GtkListBox *
cf_inspector_links_get_list (CfInspectorLinks *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_LINKS (self), NULL);
  return self->links_box;
}

GtkMenuButton *
cf_inspector_links_get_link_button (CfInspectorLinks *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_LINKS (self), NULL);
  return self->link_button;
}

GtkEditable *
cf_inspector_links_get_search (CfInspectorLinks *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_LINKS (self), NULL);
  return GTK_EDITABLE (self->search);
}

GtkListView *
cf_inspector_links_get_candidates (CfInspectorLinks *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR_LINKS (self), NULL);
  return self->candidates;
}

static void
cf_inspector_links_dispose (GObject *object)
{
  CfInspectorLinks *self = CF_INSPECTOR_LINKS (object);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->needle, g_free);
  if (self->popover != NULL)
    gtk_menu_button_set_popover (self->link_button, NULL);
  self->popover = NULL;

  G_OBJECT_CLASS (cf_inspector_links_parent_class)->dispose (object);
}

static void
cf_inspector_links_class_init (CfInspectorLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_links_dispose;
  /* a link is a change to the case; a linked claim may be edited or deleted */
  section_class->record_kinds = (1u << CF_RECORD_CASE) | (1u << CF_RECORD_CLAIM);
  section_class->case_changed = cf_inspector_links_case_changed;
  section_class->claim_changed = cf_inspector_links_claim_changed;
  section_class->refresh = cf_inspector_links_refresh;
}

static void
cf_inspector_links_init (CfInspectorLinks *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *heading, *placeholder, *popover_box, *scroller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);

  heading = gtk_label_new (_("Same Event"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 6);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_tooltip_text (heading, _("Other accounts of the event this claim reports; "
                                          "the timeline checks that their times agree"));
  gtk_box_append (GTK_BOX (self), heading);

  self->links_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->links_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->links_box), "boxed-list");
  placeholder = gtk_label_new (_("Not linked to other accounts"));
  gtk_widget_set_margin_top (placeholder, 8);
  gtk_widget_set_margin_bottom (placeholder, 8);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->links_box, placeholder);
  g_signal_connect (self->links_box, "row-activated", G_CALLBACK (link_row_activated_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->links_box));

  /* the popover: a search over the case's other claims */
  self->filter = gtk_custom_filter_new (candidate_filter_cb, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_candidate_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_candidate_cb), NULL);
  self->candidates = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                       g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->candidates, TRUE);
  g_signal_connect (self->candidates, "activate", G_CALLBACK (candidate_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->candidates), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claims to link"), -1);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Find a claim by quote, source or actor"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->candidates));

  popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (popover_box), scroller);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, popover_box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);

  self->link_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->link_button, _("Link to Claim…"));
  gtk_widget_set_halign (GTK_WIDGET (self->link_button), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button),
                               _("Say that another claim is an account of the same event"));
  gtk_menu_button_set_popover (self->link_button, GTK_WIDGET (self->popover));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->link_button));
}
