/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window explaining the rating scales, built from the core's own labels so it
 * can never disagree with what the drop-downs and the brief show. */
#define G_LOG_DOMAIN "casefile-scales-help"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-scales.h"
#include "cf-scales-help.h"

struct _CfScalesHelp
{
  AdwPreferencesWindow parent_instance;

  AdwPreferencesGroup *reliability_group;
  AdwPreferencesGroup *credibility_group;
  AdwPreferencesGroup *likelihood_group;
  AdwPreferencesGroup *confidence_group;
};

G_DEFINE_FINAL_TYPE (CfScalesHelp, cf_scales_help, ADW_TYPE_PREFERENCES_WINDOW)

/* Explanations in the order of the enums, starting after NONE. The labels
 * themselves come from cf-scales.c, so this window always names a rating the
 * way the claim inspector and the brief do. */
static const char * const reliability_explanations[] = {
  N_("No doubt about the source’s authenticity, trustworthiness or competence; it has a history of complete reliability."),
  N_("Minor doubts about the source; it has mostly provided valid information in the past."),
  N_("Some doubts about the source, though it has provided valid information in the past."),
  N_("Significant doubts about the source, though it has provided valid information in the past."),
  N_("The source lacks authenticity, trustworthiness and competence; it has a history of invalid information."),
  N_("There is no basis for judging the source, for example because it is new."),
};

static const char * const credibility_explanations[] = {
  N_("Confirmed by other, independent sources; logical in itself and consistent with other information on the subject."),
  N_("Not confirmed; logical in itself and consistent with other information on the subject."),
  N_("Not confirmed; reasonably logical in itself and agrees with some other information on the subject."),
  N_("Not confirmed; possible but not logical, and no other information on the subject."),
  N_("Not confirmed; not logical in itself and contradicted by other information on the subject."),
  N_("There is no basis for judging whether the information is valid."),
};

static const char * const confidence_explanations[] = {
  N_("The information is scant, questionable or fragmented, or its sources are of doubtful reliability; the judgment could easily change."),
  N_("The information is credibly sourced and plausible, but not corroborated well enough for high confidence."),
  N_("The judgment rests on good information from several sources, or the nature of the issue allows a solid judgment. High confidence is still not certainty."),
};

static GtkWidget *
code_label_new (const char *code)
{
  GtkWidget *label = gtk_label_new (code);

  /* Same width for every code, so the labels line up like a table. */
  gtk_label_set_width_chars (GTK_LABEL (label), 2);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *code,
         const char          *title,
         const char          *subtitle,
         const char          *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Long explanations wrap instead of being cut off. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  if (code != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), code_label_new (code));

  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  adw_preferences_group_add (group, row);
}

static void
fill_rows (CfScalesHelp *self)
{
  for (CfReliability r = CF_RELIABILITY_A; r <= CF_RELIABILITY_LAST; r++)
    add_row (self->reliability_group,
             cf_reliability_to_code (r),
             cf_reliability_to_label (r),
             _(reliability_explanations[r - CF_RELIABILITY_A]),
             NULL);

  for (CfCredibility c = CF_CREDIBILITY_1; c <= CF_CREDIBILITY_LAST; c++)
    add_row (self->credibility_group,
             cf_credibility_to_code (c),
             cf_credibility_to_label (c),
             _(credibility_explanations[c - CF_CREDIBILITY_1]),
             NULL);

  for (CfLikelihood l = CF_LIKELIHOOD_ALMOST_NO_CHANCE; l <= CF_LIKELIHOOD_LAST; l++)
    add_row (self->likelihood_group,
             NULL,
             cf_likelihood_to_label (l),
             NULL,
             cf_likelihood_to_range (l));

  for (CfConfidence c = CF_CONFIDENCE_LOW; c <= CF_CONFIDENCE_LAST; c++)
    add_row (self->confidence_group,
             NULL,
             cf_confidence_to_label (c),
             _(confidence_explanations[c - CF_CONFIDENCE_LOW]),
             NULL);
}

static void
cf_scales_help_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_SCALES_HELP);

  G_OBJECT_CLASS (cf_scales_help_parent_class)->dispose (object);
}

static void
cf_scales_help_class_init (CfScalesHelpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_STATIC_ASSERT (G_N_ELEMENTS (reliability_explanations) == CF_RELIABILITY_LAST);
  G_STATIC_ASSERT (G_N_ELEMENTS (credibility_explanations) == CF_CREDIBILITY_LAST);
  G_STATIC_ASSERT (G_N_ELEMENTS (confidence_explanations) == CF_CONFIDENCE_LAST);

  object_class->dispose = cf_scales_help_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casefile/cf-scales-help.ui");
  gtk_widget_class_bind_template_child (widget_class, CfScalesHelp, reliability_group);
  gtk_widget_class_bind_template_child (widget_class, CfScalesHelp, credibility_group);
  gtk_widget_class_bind_template_child (widget_class, CfScalesHelp, likelihood_group);
  gtk_widget_class_bind_template_child (widget_class, CfScalesHelp, confidence_group);
}

static void
cf_scales_help_init (CfScalesHelp *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_rows (self);
}

GtkWidget *
cf_scales_help_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CF_TYPE_SCALES_HELP,
                       "transient-for", parent,
                       NULL);
}
