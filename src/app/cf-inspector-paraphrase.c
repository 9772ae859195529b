/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The claim's paraphrase in the analyst's words. Typing marks it dirty; it is saved
 * after a pause, when the focus leaves, or before another claim is shown, so one
 * stretch of typing is one undo step. A dirty text is never replaced by the claim's. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-inspector-paraphrase.h"

/* How long typing in the paraphrase may pause before it is saved. */
#define PARAPHRASE_COMMIT_DELAY_MS 1200

struct _CfInspectorParaphrase
{
  CfInspectorSection  parent_instance;

  GtkTextView        *paraphrase_view;

  gboolean            dirty;
  guint               timeout_id;
};

G_DEFINE_FINAL_TYPE (CfInspectorParaphrase, cf_inspector_paraphrase, CF_TYPE_INSPECTOR_SECTION)

static char *
dup_text (CfInspectorParaphrase *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paraphrase_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
cf_inspector_paraphrase_commit (CfInspectorSection *section)
{
  CfInspectorParaphrase *self = CF_INSPECTOR_PARAPHRASE (section);
  CfCase *kase = cf_inspector_section_get_case (section);
  CfClaim *claim = cf_inspector_section_get_claim (section);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->dirty || claim == NULL || kase == NULL)
    return;
  self->dirty = FALSE;

  text = g_strstrip (dup_text (self));
  if (g_strcmp0 (text, cf_claim_get_paraphrase (claim) ?: "") == 0)
    return;

  if (!cf_case_set_claim_paraphrase (kase, cf_claim_get_id (claim), *text != '\0' ? text : NULL, &error))
    cf_show_error (GTK_WIDGET (self), _("Could Not Save the Paraphrase"), error);
}

static gboolean
commit_timeout_cb (gpointer data)
{
  CfInspectorParaphrase *self = data;

  self->timeout_id = 0;
  cf_inspector_paraphrase_commit (CF_INSPECTOR_SECTION (self));
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (CfInspectorParaphrase *self)
{
  if (cf_inspector_section_is_updating (CF_INSPECTOR_SECTION (self)))
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (PARAPHRASE_COMMIT_DELAY_MS, commit_timeout_cb, self);
}

static void
focus_leave_cb (CfInspectorParaphrase *self)
{
  cf_inspector_paraphrase_commit (CF_INSPECTOR_SECTION (self));
}

static void
cf_inspector_paraphrase_claim_changed (CfInspectorSection *section)
{
  CfInspectorParaphrase *self = CF_INSPECTOR_PARAPHRASE (section);
  CfClaim *claim = cf_inspector_section_get_claim (section);

  self->dirty = FALSE;
  if (claim != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->paraphrase_view),
                              cf_claim_get_paraphrase (claim) ?: "", -1);
}

static void
cf_inspector_paraphrase_refresh (CfInspectorSection *section)
{
  CfInspectorParaphrase *self = CF_INSPECTOR_PARAPHRASE (section);
  CfClaim *claim = cf_inspector_section_get_claim (section);
  g_autofree char *current = NULL;

  if (claim == NULL || self->dirty)
    return;

  current = dup_text (self);
  if (g_strcmp0 (current, cf_claim_get_paraphrase (claim) ?: "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->paraphrase_view),
                              cf_claim_get_paraphrase (claim) ?: "", -1);
}

static void
cf_inspector_paraphrase_dispose (GObject *object)
{
  CfInspectorParaphrase *self = CF_INSPECTOR_PARAPHRASE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_INSPECTOR_PARAPHRASE);

  G_OBJECT_CLASS (cf_inspector_paraphrase_parent_class)->dispose (object);
}

static void
cf_inspector_paraphrase_class_init (CfInspectorParaphraseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfInspectorSectionClass *section_class = CF_INSPECTOR_SECTION_CLASS (klass);

  object_class->dispose = cf_inspector_paraphrase_dispose;
  section_class->claim_changed = cf_inspector_paraphrase_claim_changed;
  section_class->refresh = cf_inspector_paraphrase_refresh;
  section_class->commit = cf_inspector_paraphrase_commit;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-inspector-paraphrase.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInspectorParaphrase, paraphrase_view);
}

static void
cf_inspector_paraphrase_init (CfInspectorParaphrase *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->paraphrase_view), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->paraphrase_view), focus);
}
