/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfClaim: one marked span of a document with its ratings, actor and tags, as the
 * case holds it. Read-only for its users; the case loads and refreshes it from the
 * SELECT beside _cf_claim_load_row, and each property notifies only on a change. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include "cf-records-private.h"

struct _CfClaim
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id;
  char *document_title;
  gint start;
  gint end;
  char *quote;
  char *prefix;
  char *suffix;
  char *paraphrase;
  gint64 actor_id;
  char *actor_name;
  CfReliability reliability;
  CfCredibility credibility;
  CfLikelihood likelihood;
  CfConfidence confidence;
  char *event_date;
  char *created;
  char *modified;
  char *grade;
  char *tag_names;
  char *color;
  GArray *tag_ids;
  CfEvidenceKind kind;
  CfRelevance relevance;
  double weight;
};

G_DEFINE_FINAL_TYPE (CfClaim, cf_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_ID,
  PROP_DOCUMENT_TITLE,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_PARAPHRASE,
  PROP_ACTOR_ID,
  PROP_ACTOR_NAME,
  PROP_RELIABILITY,
  PROP_CREDIBILITY,
  PROP_LIKELIHOOD,
  PROP_CONFIDENCE,
  PROP_EVENT_DATE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_GRADE,
  PROP_TAG_NAMES,
  PROP_COLOR,
  PROP_KIND,
  PROP_RELEVANCE,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_claim_finalize (GObject *object)
{
  CfClaim *self = CF_CLAIM (object);

  g_free (self->document_title);
  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->paraphrase);
  g_free (self->actor_name);
  g_free (self->event_date);
  g_free (self->created);
  g_free (self->modified);
  g_free (self->grade);
  g_free (self->tag_names);
  g_free (self->color);
  g_clear_pointer (&self->tag_ids, g_array_unref);

  G_OBJECT_CLASS (cf_claim_parent_class)->finalize (object);
}

static void
cf_claim_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CfClaim *self = CF_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_DOCUMENT_TITLE:
      g_value_set_string (value, self->document_title);
      break;
    case PROP_START:
      g_value_set_int (value, self->start);
      break;
    case PROP_END:
      g_value_set_int (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;
    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;
    case PROP_PARAPHRASE:
      g_value_set_string (value, self->paraphrase);
      break;
    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name ? self->actor_name : "");
      break;
    case PROP_RELIABILITY:
      g_value_set_enum (value, self->reliability);
      break;
    case PROP_CREDIBILITY:
      g_value_set_enum (value, self->credibility);
      break;
    case PROP_LIKELIHOOD:
      g_value_set_enum (value, self->likelihood);
      break;
    case PROP_CONFIDENCE:
      g_value_set_enum (value, self->confidence);
      break;
    case PROP_EVENT_DATE:
      g_value_set_string (value, self->event_date);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_GRADE:
      g_value_set_string (value, self->grade);
      break;
    case PROP_TAG_NAMES:
      g_value_set_string (value, self->tag_names);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RELEVANCE:
      g_value_set_enum (value, self->relevance);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_claim_class_init (CfClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_claim_finalize;
  object_class->get_property = cf_claim_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DOCUMENT_TITLE] =
    g_param_spec_string ("document-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_int ("start", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_int ("end", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARAPHRASE] =
    g_param_spec_string ("paraphrase", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RELIABILITY] =
    g_param_spec_enum ("reliability", NULL, NULL, CF_TYPE_RELIABILITY, CF_RELIABILITY_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREDIBILITY] =
    g_param_spec_enum ("credibility", NULL, NULL, CF_TYPE_CREDIBILITY, CF_CREDIBILITY_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIKELIHOOD] =
    g_param_spec_enum ("likelihood", NULL, NULL, CF_TYPE_LIKELIHOOD, CF_LIKELIHOOD_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFIDENCE] =
    g_param_spec_enum ("confidence", NULL, NULL, CF_TYPE_CONFIDENCE, CF_CONFIDENCE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EVENT_DATE] =
    g_param_spec_string ("event-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GRADE] =
    g_param_spec_string ("grade", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TAG_NAMES] =
    g_param_spec_string ("tag-names", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CF_TYPE_EVIDENCE_KIND, CF_EVIDENCE_QUOTE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RELEVANCE] =
    g_param_spec_enum ("relevance", NULL, NULL, CF_TYPE_RELEVANCE, CF_RELEVANCE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_claim_init (CfClaim *self)
{
  self->weight = -1;
}

CfClaim *
_cf_claim_new (gint64 id)
{
  CfClaim *self = g_object_new (CF_TYPE_CLAIM, NULL);

  self->id = id;
  return self;
}

static void
set_tags (CfClaim      *self,
          const gint64 *ids,
          guint         n_ids,
          const char   *names,
          const char   *color)
{
  gboolean ids_changed;

  ids_changed = self->tag_ids == NULL
                || self->tag_ids->len != n_ids
                || (n_ids > 0 && memcmp (self->tag_ids->data, ids, n_ids * sizeof (gint64)) != 0);
  if (ids_changed)
    {
      g_clear_pointer (&self->tag_ids, g_array_unref);
      self->tag_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (self->tag_ids, ids, n_ids);
    }
  if (g_strcmp0 (names ? names : "", self->tag_names) != 0)
    {
      g_free (self->tag_names);
      self->tag_names = g_strdup (names ? names : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_NAMES]);
    }
  if (g_strcmp0 (color, self->color) != 0)
    {
      g_free (self->color);
      self->color = g_strdup (color);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
    }
}

/* The tags column packs "id\x1fname\x1fcolor" items separated by \x1e. */
static void
load_tags (CfClaim    *self,
           const char *packed)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) names = g_string_new (NULL);
  g_auto(GStrv) items = NULL;
  const char *color = NULL;
  g_autofree char *first_color = NULL;

  if (packed != NULL && *packed != '\0')
    {
      items = g_strsplit (packed, "\x1e", -1);
      for (guint i = 0; items[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (items[i], "\x1f", 3);
          gint64 id;

          if (g_strv_length (parts) != 3)
            continue;
          id = g_ascii_strtoll (parts[0], NULL, 10);
          g_array_append_val (ids, id);
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, parts[1]);
          if (first_color == NULL)
            first_color = g_strdup (parts[2]);
        }
    }
  color = first_color;
  set_tags (self, (const gint64 *) (gpointer) ids->data, ids->len, names->str, color);
}

/* The row _cf_claim_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load. Change the two together. A rating off its scale
 * (written past the CHECK constraints) reads as unset, and a claim whose document is
 * missing still loads: "casefile-cli check" reports both. */
const char _cf_claim_select_sql[] =
  "SELECT c.id, c.document_id, d.title, c.start_offset, c.end_offset, c.quote, "
  "c.prefix, c.suffix, c.paraphrase, c.actor_id, a.name, "
  "CASE WHEN length (c.reliability) = 1 THEN instr ('ABCDEF', c.reliability) END, "
  "CASE WHEN c.credibility BETWEEN 1 AND 6 THEN c.credibility END, "
  "CASE WHEN c.likelihood BETWEEN 1 AND 7 THEN c.likelihood END, "
  "CASE WHEN c.confidence BETWEEN 1 AND 3 THEN c.confidence END, "
  "c.event_date, c.created, c.modified, "
  "(SELECT group_concat (x.tag_id || char (31) || x.name || char (31) || x.color, char (30)) "
  " FROM (SELECT ct.tag_id, t.name, t.color FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
  "       WHERE ct.claim_id = c.id ORDER BY ct.rowid) x), "
  "CASE c.kind WHEN 'assumption' THEN 1 WHEN 'absence' THEN 2 ELSE 0 END, "
  "CASE WHEN c.relevance BETWEEN 1 AND 3 THEN c.relevance END, "
  "CASE WHEN c.weight >= 0 THEN c.weight ELSE -1 END "
  "FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
  "LEFT JOIN actors a ON a.id = c.actor_id "
  "WHERE c.id IN (SELECT value FROM json_each (?1))";

void
_cf_claim_load_row (CfClaim  *self,
                    sqlite3_stmt *stmt,
                    int           first_column)
{
  int col = first_column;

  g_return_if_fail (CF_IS_CLAIM (self));

  g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_int64 (G_OBJECT (self), &self->document_id, stmt, col++, properties[PROP_DOCUMENT_ID]);
  _cf_record_set_string (G_OBJECT (self), &self->document_title, stmt, col++, properties[PROP_DOCUMENT_TITLE]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->start, stmt, col++, properties[PROP_START]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->end, stmt, col++, properties[PROP_END]);
  _cf_record_set_string (G_OBJECT (self), &self->quote, stmt, col++, properties[PROP_QUOTE]);
  _cf_record_set_string (G_OBJECT (self), &self->prefix, stmt, col++, properties[PROP_PREFIX]);
  _cf_record_set_string (G_OBJECT (self), &self->suffix, stmt, col++, properties[PROP_SUFFIX]);
  _cf_record_set_string (G_OBJECT (self), &self->paraphrase, stmt, col++, properties[PROP_PARAPHRASE]);
  _cf_record_set_int64 (G_OBJECT (self), &self->actor_id, stmt, col++, properties[PROP_ACTOR_ID]);
  _cf_record_set_string (G_OBJECT (self), &self->actor_name, stmt, col++, properties[PROP_ACTOR_NAME]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->reliability, stmt, col++, properties[PROP_RELIABILITY]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->credibility, stmt, col++, properties[PROP_CREDIBILITY]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->likelihood, stmt, col++, properties[PROP_LIKELIHOOD]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->confidence, stmt, col++, properties[PROP_CONFIDENCE]);
  _cf_record_set_string (G_OBJECT (self), &self->event_date, stmt, col++, properties[PROP_EVENT_DATE]);
  _cf_record_set_string (G_OBJECT (self), &self->created, stmt, col++, properties[PROP_CREATED]);
  _cf_record_set_string (G_OBJECT (self), &self->modified, stmt, col++, properties[PROP_MODIFIED]);
  load_tags (self, (const char *) sqlite3_column_text (stmt, col++));
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->kind, stmt, col++, properties[PROP_KIND]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->relevance, stmt, col++, properties[PROP_RELEVANCE]);
  {
    double weight = sqlite3_column_double (stmt, col++);

    if (weight != self->weight)
      {
        self->weight = weight;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
      }
  }

  {
    g_autofree char *grade = cf_rating_format_grade (self->reliability, self->credibility);

    if (g_strcmp0 (grade, self->grade) != 0)
      {
        g_free (self->grade);
        self->grade = g_steal_pointer (&grade);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE]);
      }
  }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
cf_claim_get_grade (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->grade ? self->grade : "";
}

const char *
cf_claim_get_tag_names (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->tag_names ? self->tag_names : "";
}

const char *
cf_claim_get_color (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->color;
}

const gint64 *
cf_claim_get_tag_ids (CfClaim *self,
                      guint   *n_tags)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);

  if (n_tags != NULL)
    *n_tags = self->tag_ids ? self->tag_ids->len : 0;
  return self->tag_ids ? (const gint64 *) (gpointer) self->tag_ids->data : NULL;
}

gint64
cf_claim_get_id (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->id;
}

CfEvidenceKind
cf_claim_get_kind (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), CF_EVIDENCE_QUOTE);
  return self->kind;
}

CfRelevance
cf_claim_get_relevance (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), CF_RELEVANCE_NONE);
  return self->relevance;
}

double
cf_claim_get_weight (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), -1);
  return self->weight;
}

gint64
cf_claim_get_document_id (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->document_id;
}

const char *
cf_claim_get_document_title (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->document_title;
}

gint
cf_claim_get_start (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->start;
}

gint
cf_claim_get_end (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->end;
}

const char *
cf_claim_get_quote (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->quote;
}

const char *
cf_claim_get_prefix (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->prefix;
}

const char *
cf_claim_get_suffix (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->suffix;
}

const char *
cf_claim_get_paraphrase (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->paraphrase ? self->paraphrase : "";
}

gint64
cf_claim_get_actor_id (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->actor_id;
}

const char *
cf_claim_get_actor_name (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->actor_name ? self->actor_name : "";
}

CfReliability
cf_claim_get_reliability (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->reliability;
}

CfCredibility
cf_claim_get_credibility (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->credibility;
}

CfLikelihood
cf_claim_get_likelihood (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->likelihood;
}

CfConfidence
cf_claim_get_confidence (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), 0);
  return self->confidence;
}

const char *
cf_claim_get_event_date (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->event_date;
}

const char *
cf_claim_get_created (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->created;
}

const char *
cf_claim_get_modified (CfClaim *self)
{
  g_return_val_if_fail (CF_IS_CLAIM (self), NULL);
  return self->modified;
}
