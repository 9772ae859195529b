/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim inspector: the claim's source and quote above its sections (paraphrase,
 * actor and ratings, tags, relations to the hypotheses) and its notes. It is itself
 * a CfInspectorSection, and each section's "case" and "claim" are bound to its own
 * in the template; the inspector only switches between "no claim" and the claim,
 * and points the header and the notes at the claim. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector.h"
#include "cf-inspector-event.h"
#include "cf-inspector-links.h"
#include "cf-inspector-paraphrase.h"
#include "cf-inspector-relations.h"
#include "cf-inspector-tags.h"
#include "cf-note-list.h"

struct _CfInspector
{
  CfInspectorSection     parent_instance;

  GtkStack              *stack;
  GtkScrolledWindow     *scroller;
  GtkViewport           *viewport;
  GtkLabel              *source_label;
  GtkLabel              *quote_label;
  CfInspectorSection    *paraphrase;
  CfInspectorSection    *event;
  CfInspectorRatings    *ratings;
  CfInspectorTags       *tags;
  CfInspectorRelations  *relations;
  CfNoteList            *notes;

  GBindingGroup         *claim_bindings;
  GtkRoot               *root;             /* watched for its focus widget */
};

G_DEFINE_FINAL_TYPE (CfInspector, cf_inspector, CF_TYPE_INSPECTOR_SECTION)

static gboolean
document_title_to_source (GBinding     *binding,
                          const GValue *from,
                          GValue       *to,
                          gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  g_value_take_string (to, g_strdup_printf (_("in %s"), title != NULL ? title : _("Untitled Source")));
  return TRUE;
}

/* Tab to a field out of view scrolls it in, by as little as it takes. The focus in
 * a popover (a drop-down's list, the tags' search) is left alone: the viewport's
 * own scroll-to-focus measured those as if they sat in the inspector, and jumped. */
static void
focus_widget_changed_cb (GtkRoot     *root,
                         GParamSpec  *pspec,
                         CfInspector *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GtkWidget *content = gtk_viewport_get_child (self->viewport);
  graphene_rect_t bounds;

  if (focus == NULL || content == NULL
      || !gtk_widget_is_ancestor (focus, content)
      || gtk_widget_get_native (focus) != gtk_widget_get_native (content)
      || !gtk_widget_compute_bounds (focus, content, &bounds))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (self->scroller),
                             bounds.origin.y, bounds.origin.y + bounds.size.height);
}

static void
cf_inspector_root (GtkWidget *widget)
{
  CfInspector *self = CF_INSPECTOR (widget);

  GTK_WIDGET_CLASS (cf_inspector_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  g_signal_connect_object (self->root, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), self, 0);
}

static void
cf_inspector_unroot (GtkWidget *widget)
{
  CfInspector *self = CF_INSPECTOR (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, focus_widget_changed_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (cf_inspector_parent_class)->unroot (widget);
}

static void
cf_inspector_claim_changed (CfInspectorSection *section)
{
  CfInspector *self = CF_INSPECTOR (section);
  CfClaim *claim = cf_inspector_section_get_claim (section);

  g_binding_group_set_source (self->claim_bindings, claim);
  if (claim != NULL)
    cf_note_list_set_target (self->notes, cf_inspector_section_get_case (section),
                             CF_NOTE_TARGET_CLAIM, cf_claim_get_id (claim));
  else
    cf_note_list_set_target (self->notes, NULL, CF_NOTE_TARGET_CLAIM, 0);
  gtk_stack_set_visible_child_name (self->stack, claim != NULL ? "claim" : "empty");
  /* another claim starts at its quote and actor, not where the last one was left */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
cf_inspector_case_changed (CfInspectorSection *section)
{
  CfCase *kase = cf_inspector_section_get_case (section);

  if (kase != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (section), !cf_case_get_read_only (kase));
}

static void
cf_inspector_commit_sections (CfInspectorSection *section)
{
  CfInspector *self = CF_INSPECTOR (section);

  cf_inspector_section_commit (self->paraphrase);
  cf_inspector_section_commit (self->event);
  cf_inspector_section_commit (CF_INSPECTOR_SECTION (self->ratings));
}

void
cf_inspector_set_claim (CfInspector *self,
                        CfClaim     *claim)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_section_set_claim (CF_INSPECTOR_SECTION (self), claim);
}

CfClaim *
cf_inspector_get_claim (CfInspector *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return cf_inspector_section_get_claim (CF_INSPECTOR_SECTION (self));
}

void
cf_inspector_set_case (CfInspector *self,
                       CfCase      *kase)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_section_set_case (CF_INSPECTOR_SECTION (self), kase);
}

CfCase *
cf_inspector_get_case (CfInspector *self)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return cf_inspector_section_get_case (CF_INSPECTOR_SECTION (self));
}

void
cf_inspector_commit (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_section_commit (CF_INSPECTOR_SECTION (self));
}

void
cf_inspector_focus_rating (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_ratings_focus (self->ratings);
}

void
cf_inspector_popup_tags (CfInspector *self)
{
  g_return_if_fail (CF_IS_INSPECTOR (self));

  cf_inspector_tags_popup (self->tags);
}

GtkDropDown *
cf_inspector_get_dropdown (CfInspector       *self,
                           CfInspectorRating  rating)
{
  g_return_val_if_fail (CF_IS_INSPECTOR (self), NULL);

  return cf_inspector_ratings_get_dropdown (self->ratings, rating);
}

static void
delete_claim_clicked_cb (CfInspector *self)
{
  CfClaim *claim = cf_inspector_get_claim (self);
  g_autoptr(GError) error = NULL;

  if (claim != NULL &&
      !cf_case_delete_claim (cf_inspector_get_case (self), cf_claim_get_id (claim), &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Delete the Claim"), error);
}

static void
cf_inspector_dispose (GObject *object)
{
  CfInspector *self = CF_INSPECTOR (object);

  if (self->claim_bindings != NULL)
    g_binding_group_set_source (self->claim_bindings, NULL);
  g_clear_object (&self->claim_bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_INSPECTOR);

  G_OBJECT_CLASS (cf_inspector_parent_class)->dispose (object);
}

static void
cf_inspector_class_init (CfInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_dispose;
  widget_class->root = cf_inspector_root;
  widget_class->unroot = cf_inspector_unroot;
  section_class->claim_changed = cf_inspector_claim_changed;
  section_class->case_changed = cf_inspector_case_changed;
  section_class->commit = cf_inspector_commit_sections;

  g_type_ensure (CF_TYPE_INSPECTOR_PARAPHRASE);
  g_type_ensure (CF_TYPE_INSPECTOR_RATINGS);
  g_type_ensure (CF_TYPE_INSPECTOR_EVENT);
  g_type_ensure (CF_TYPE_INSPECTOR_LINKS);
  g_type_ensure (CF_TYPE_INSPECTOR_TAGS);
  g_type_ensure (CF_TYPE_INSPECTOR_RELATIONS);
  g_type_ensure (CF_TYPE_NOTE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, scroller);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, viewport);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, source_label);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, paraphrase);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, event);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, ratings);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, tags);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, relations);
  gtk_widget_class_bind_template_child (widget_class, CfInspector, notes);
  gtk_widget_class_bind_template_callback (widget_class, delete_claim_clicked_cb);
}

static void
cf_inspector_init (CfInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cf_note_list_set_heading (self->notes, _("Notes on This Claim"));

  self->claim_bindings = g_binding_group_new ();
  g_binding_group_bind (self->claim_bindings, "quote", self->quote_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->claim_bindings, "document-title", self->source_label, "label",
                             G_BINDING_SYNC_CREATE, document_title_to_source, NULL, NULL, NULL);
  g_binding_group_bind_full (self->claim_bindings, "document-title", self->source_label, "tooltip-text",
                             G_BINDING_SYNC_CREATE, document_title_to_source, NULL, NULL, NULL);
}
