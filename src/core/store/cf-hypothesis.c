/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfHypothesis: one explanation the case weighs, with its judgement and how many
 * claims are consistent or inconsistent with it. Read-only for its users; the case
 * loads and refreshes it from the SELECT beside _cf_hypothesis_load_row. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-records-private.h"

struct _CfHypothesis
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *description;
  CfLikelihood likelihood;
  CfConfidence confidence;
  guint n_consistent;
  guint n_inconsistent;
};

G_DEFINE_FINAL_TYPE (CfHypothesis, cf_hypothesis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LIKELIHOOD,
  PROP_CONFIDENCE,
  PROP_N_CONSISTENT,
  PROP_N_INCONSISTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_hypothesis_finalize (GObject *object)
{
  CfHypothesis *self = CF_HYPOTHESIS (object);

  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (cf_hypothesis_parent_class)->finalize (object);
}

static void
cf_hypothesis_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CfHypothesis *self = CF_HYPOTHESIS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LIKELIHOOD:
      g_value_set_enum (value, self->likelihood);
      break;
    case PROP_CONFIDENCE:
      g_value_set_enum (value, self->confidence);
      break;
    case PROP_N_CONSISTENT:
      g_value_set_uint (value, self->n_consistent);
      break;
    case PROP_N_INCONSISTENT:
      g_value_set_uint (value, self->n_inconsistent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_hypothesis_class_init (CfHypothesisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_hypothesis_finalize;
  object_class->get_property = cf_hypothesis_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIKELIHOOD] =
    g_param_spec_enum ("likelihood", NULL, NULL, CF_TYPE_LIKELIHOOD, CF_LIKELIHOOD_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFIDENCE] =
    g_param_spec_enum ("confidence", NULL, NULL, CF_TYPE_CONFIDENCE, CF_CONFIDENCE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_CONSISTENT] =
    g_param_spec_uint ("n-consistent", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_INCONSISTENT] =
    g_param_spec_uint ("n-inconsistent", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_hypothesis_init (CfHypothesis *self)
{
}

CfHypothesis *
_cf_hypothesis_new (gint64 id)
{
  CfHypothesis *self = g_object_new (CF_TYPE_HYPOTHESIS, NULL);

  self->id = id;
  return self;
}

/* The row _cf_hypothesis_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load. Change the two together. A rating off its scale
 * (written past the CHECK constraints) reads as unset. */
const char _cf_hypothesis_select_sql[] =
  "SELECT h.id, h.title, h.description, "
  "CASE WHEN h.likelihood BETWEEN 1 AND 7 THEN h.likelihood END, "
  "CASE WHEN h.confidence BETWEEN 1 AND 3 THEN h.confidence END, "
  "(SELECT count(*) FROM claim_hypotheses r WHERE r.hypothesis_id = h.id AND r.relation IN ('CC', 'C')), "
  "(SELECT count(*) FROM claim_hypotheses r WHERE r.hypothesis_id = h.id AND r.relation IN ('I', 'II')) "
  "FROM hypotheses h WHERE h.id IN (SELECT value FROM json_each (?1))";

void
_cf_hypothesis_load_row (CfHypothesis  *self,
                         sqlite3_stmt *stmt,
                         int           first_column)
{
  int col = first_column;

  g_return_if_fail (CF_IS_HYPOTHESIS (self));

  g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_string (G_OBJECT (self), &self->title, stmt, col++, properties[PROP_TITLE]);
  _cf_record_set_string (G_OBJECT (self), &self->description, stmt, col++, properties[PROP_DESCRIPTION]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->likelihood, stmt, col++, properties[PROP_LIKELIHOOD]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->confidence, stmt, col++, properties[PROP_CONFIDENCE]);
  _cf_record_set_uint (G_OBJECT (self), &self->n_consistent, stmt, col++, properties[PROP_N_CONSISTENT]);
  _cf_record_set_uint (G_OBJECT (self), &self->n_inconsistent, stmt, col++, properties[PROP_N_INCONSISTENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
cf_hypothesis_get_id (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), 0);
  return self->id;
}

const char *
cf_hypothesis_get_title (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), NULL);
  return self->title;
}

const char *
cf_hypothesis_get_description (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), NULL);
  return self->description;
}

CfLikelihood
cf_hypothesis_get_likelihood (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), 0);
  return self->likelihood;
}

CfConfidence
cf_hypothesis_get_confidence (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), 0);
  return self->confidence;
}

guint
cf_hypothesis_get_n_consistent (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), 0);
  return self->n_consistent;
}

guint
cf_hypothesis_get_n_inconsistent (CfHypothesis *self)
{
  g_return_val_if_fail (CF_IS_HYPOTHESIS (self), 0);
  return self->n_inconsistent;
}
