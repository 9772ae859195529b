/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CfBrief object: its construction (options copied, the case read into the
 * model, the model turned into blocks) and its lifetime. The stages live in
 * cf-brief-options.c, -model.c, -blocks.c, -layout.c, -draw.c and -pdf.c and share
 * cf-brief-private.h. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-brief-private.h"

G_DEFINE_FINAL_TYPE (CfBrief, cf_brief, G_TYPE_OBJECT)

static void
cf_brief_finalize (GObject *object)
{
  CfBrief *self = CF_BRIEF (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->incident_date);
  g_free (self->marking);
  g_free (self->analyst);
  g_free (self->case_path);
  /* blocks and hypotheses point into the claims: free them first */
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->hypotheses, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->case_notes, g_ptr_array_unref);
  g_clear_pointer (&self->ach, cf_ach_matrix_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_documents, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_findings, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_brief_parent_class)->finalize (object);
}

static void
cf_brief_class_init (CfBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_brief_finalize;
}

static void
cf_brief_init (CfBrief *self)
{
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_claim_free);
  self->hypotheses = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_hypothesis_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_source_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_tag_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_brief_block_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (PagePos));
}

/* Now, unless $SOURCE_DATE_EPOCH asks for a fixed date (reproducible builds). */
static GDateTime *
default_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_local ();
}

CfBrief *
cf_brief_new (CfCase                *kase,
              const CfBriefOptions  *options,
              GError               **error)
{
  g_autoptr(CfBrief) self = NULL;
  CfBriefOptions defaults;

  g_return_val_if_fail (CF_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      cf_brief_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (CF_TYPE_BRIEF, NULL);
  self->group_by = options->group_by;
  self->include_notes = options->include_notes;
  self->min_confidence = options->min_confidence;
  self->paper = options->paper;
  self->date = options->date != NULL ? g_date_time_ref (options->date) : default_date ();

  _cf_brief_load_case (self, kase);
  _cf_brief_build_blocks (self);

  return g_steal_pointer (&self);
}

guint
cf_brief_get_n_claims (CfBrief *self)
{
  g_return_val_if_fail (CF_IS_BRIEF (self), 0);

  return self->claims->len;
}
