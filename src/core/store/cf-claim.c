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
  char *texts;      /* the string fields above point into this one block */
  gint64 *tag_ids;   /* n_tags of them, or NULL */
  guint n_tags;
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

  g_free (self->texts);
  g_free (self->tag_ids);

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
      g_value_set_string (value, self->grade ? self->grade : "");
      break;
    case PROP_TAG_NAMES:
      g_value_set_string (value, self->tag_names ? self->tag_names : "");
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
set_tag_ids (CfClaim      *self,
             const gint64 *ids,
             guint         n_ids)
{
  if (self->n_tags == n_ids
      && (n_ids == 0 || memcmp (self->tag_ids, ids, n_ids * sizeof (gint64)) == 0))
    return;
  g_clear_pointer (&self->tag_ids, g_free);
  self->n_tags = n_ids;
  if (n_ids > 0)
    self->tag_ids = g_memdup2 (ids, n_ids * sizeof (gint64));
}

/* A claim has a few tags; more are read into the heap. */
#define TAGS_ON_STACK 16
#define TAG_NAMES_ON_STACK 512

typedef struct
{
  gint64      link;   /* claim_tags.rowid: tags show in the order they were added */
  gint64      id;
  const char *name;
  gsize       name_len;
  const char *color;
  gsize       color_len;
} PackedTag;

static int
compare_packed_tags (gconstpointer a,
                     gconstpointer b)
{
  const PackedTag *x = a, *y = b;

  return x->link < y->link ? -1 : x->link > y->link;
}

/* The tags column packs "link\x1fid\x1fname\x1fcolor" items separated by \x1e, in
 * no particular order (sorting them in SQL costs a temporary B-tree per claim). Sets
 * the ids; the names (", "-separated, in @names_buf if they fit, else in *@names_heap)
 * and the first tag's colour (in @packed) are returned for the caller to store. */
static void
load_tags (CfClaim     *self,
           const char  *packed,
           char        *names_buf,
           gsize        names_buf_size,
           char       **names_heap,
           const char **names_out,
           const char **color_out,
           gsize       *color_len_out)
{
  PackedTag stack_tags[TAGS_ON_STACK];
  g_autofree PackedTag *heap_tags = NULL;
  PackedTag *tags = stack_tags;
  gint64 stack_ids[TAGS_ON_STACK];
  g_autofree gint64 *heap_ids = NULL;
  gint64 *ids = stack_ids;
  guint n = 0, n_items = 1;
  gsize names_len = 0;
  char *names;

  *names_out = NULL;
  *color_out = NULL;
  *color_len_out = 0;
  if (packed == NULL || *packed == '\0')
    {
      set_tag_ids (self, NULL, 0);
      return;
    }

  for (const char *p = packed; *p; p++)
    n_items += *p == '\x1e';
  if (n_items > TAGS_ON_STACK)
    {
      tags = heap_tags = g_new (PackedTag, n_items);
      ids = heap_ids = g_new (gint64, n_items);
    }

  for (const char *item = packed; item != NULL; )
    {
      const char *end = strchr (item, '\x1e');
      const char *item_end = end ? end : item + strlen (item);
      const char *f1 = memchr (item, '\x1f', item_end - item);
      const char *f2 = f1 ? memchr (f1 + 1, '\x1f', item_end - f1 - 1) : NULL;
      const char *f3 = f2 ? memchr (f2 + 1, '\x1f', item_end - f2 - 1) : NULL;

      if (f3 != NULL)
        {
          PackedTag *tag = &tags[n++];

          tag->link = g_ascii_strtoll (item, NULL, 10);
          tag->id = g_ascii_strtoll (f1 + 1, NULL, 10);
          tag->name = f2 + 1;
          tag->name_len = f3 - f2 - 1;
          tag->color = f3 + 1;
          tag->color_len = item_end - f3 - 1;
        }
      item = end ? end + 1 : NULL;
    }
  if (n > 1)
    qsort (tags, n, sizeof (PackedTag), compare_packed_tags);

  for (guint i = 0; i < n; i++)
    {
      ids[i] = tags[i].id;
      names_len += (i > 0 ? 2 : 0) + tags[i].name_len;
    }
  set_tag_ids (self, ids, n);
  if (n == 0)
    return;

  names = names_len < names_buf_size ? names_buf : (*names_heap = g_malloc (names_len + 1));
  names_len = 0;
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        {
          memcpy (names + names_len, ", ", 2);
          names_len += 2;
        }
      memcpy (names + names_len, tags[i].name, tags[i].name_len);
      names_len += tags[i].name_len;
    }
  names[names_len] = '\0';
  *names_out = names;
  *color_out = tags[0].color;
  *color_len_out = tags[0].color_len;
}

static inline gboolean
is_number (sqlite3_stmt *stmt,
           int           column)
{
  int type = sqlite3_column_type (stmt, column);

  return type == SQLITE_INTEGER || type == SQLITE_FLOAT;
}

/* A point of a scale from 1 to @last; anything else (NULL, text, a number off the
 * scale) is 0, unset, as "BETWEEN 1 AND @last" in SQL would say. */
static int
scale_from_column (sqlite3_stmt *stmt,
                   int           column,
                   int           last)
{
  double value;

  if (!is_number (stmt, column))
    return 0;
  value = sqlite3_column_double (stmt, column);
  return value >= 1 && value <= last ? (int) value : 0;
}

/* The reliability letter A-F as 1-6; anything else is unset. */
static int
reliability_from_column (sqlite3_stmt *stmt,
                         int           column)
{
  const char *code = (const char *) sqlite3_column_text (stmt, column);

  if (code == NULL || sqlite3_column_bytes (stmt, column) != 1
      || code[0] < 'A' || code[0] > 'A' + CF_RELIABILITY_LAST - 1)
    return CF_RELIABILITY_NONE;
  return code[0] - 'A' + 1;
}

static int
kind_from_column (sqlite3_stmt *stmt,
                  int           column)
{
  const char *kind = (const char *) sqlite3_column_text (stmt, column);

  if (kind == NULL || sqlite3_column_type (stmt, column) != SQLITE_TEXT)
    return CF_EVIDENCE_QUOTE;
  if (strcmp (kind, "assumption") == 0)
    return CF_EVIDENCE_ASSUMPTION;
  if (strcmp (kind, "absence") == 0)
    return CF_EVIDENCE_ABSENCE;
  return CF_EVIDENCE_QUOTE;
}

static inline void
set_enum (CfClaim    *self,
          gint       *field,
          gint        value,
          GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  _cf_record_notify (G_OBJECT (self), pspec);
}

/* The row _cf_claim_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load, read in that order (a list's block: claims of the
 * same document one after the other, so its row is found at once), not sorted as
 * "c.id IN (...)" would. Change the two together. A rating off its scale
 * (written past the CHECK constraints) reads as unset, and a claim whose document is
 * missing still loads: "casefile-cli check" reports both. The ratings, kind and
 * weight are checked here in C, not by CASE expressions in the SELECT: listing a
 * million claims spent a second of its twenty in them. */
const char _cf_claim_select_sql[] =
  "SELECT c.id, c.document_id, d.title, c.start_offset, c.end_offset, c.quote, "
  "c.prefix, c.suffix, c.paraphrase, c.actor_id, a.name, "
  "c.reliability, c.credibility, c.likelihood, c.confidence, "
  "c.event_date, c.created, c.modified, "
  "(SELECT group_concat (ct.rowid || char (31) || ct.tag_id || char (31) || t.name "
  "                      || char (31) || t.color, char (30)) "
  " FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id), "
  "c.kind, c.relevance, c.weight "
  "FROM json_each (?1) j CROSS JOIN claims c ON c.id = j.value "
  "LEFT JOIN documents d ON d.id = c.document_id "
  "LEFT JOIN actors a ON a.id = c.actor_id";

void
_cf_claim_load_row (CfClaim  *self,
                    sqlite3_stmt *stmt,
                    int           first_column)
{
  int col = first_column;
  gboolean quiet = _cf_record_is_quiet ();
  char grade[8];
  char names_buf[TAG_NAMES_ON_STACK];
  g_autofree char *names_heap = NULL;
  const char *names, *color;
  gsize color_len;
  enum { TITLE, QUOTE, PREFIX, SUFFIX, PARAPHRASE, ACTOR_NAME, EVENT_DATE, CREATED,
         MODIFIED, GRADE, TAG_NAMES, COLOR, N_TEXTS };
  CfRecordText texts[N_TEXTS] = {
    [TITLE] = { &self->document_title, properties[PROP_DOCUMENT_TITLE] },
    [QUOTE] = { &self->quote, properties[PROP_QUOTE] },
    [PREFIX] = { &self->prefix, properties[PROP_PREFIX] },
    [SUFFIX] = { &self->suffix, properties[PROP_SUFFIX] },
    [PARAPHRASE] = { &self->paraphrase, properties[PROP_PARAPHRASE] },
    [ACTOR_NAME] = { &self->actor_name, properties[PROP_ACTOR_NAME] },
    [EVENT_DATE] = { &self->event_date, properties[PROP_EVENT_DATE] },
    [CREATED] = { &self->created, properties[PROP_CREATED] },
    [MODIFIED] = { &self->modified, properties[PROP_MODIFIED] },
    [GRADE] = { &self->grade, properties[PROP_GRADE] },
    [TAG_NAMES] = { &self->tag_names, properties[PROP_TAG_NAMES] },
    [COLOR] = { &self->color, properties[PROP_COLOR] },
  };

  g_return_if_fail (CF_IS_CLAIM (self));

  /* freezing costs a lookup and an allocation; a quiet load has nothing to hold back */
  if (!quiet)
    g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_int64 (G_OBJECT (self), &self->document_id, stmt, col++, properties[PROP_DOCUMENT_ID]);
  _cf_record_text_from_column (&texts[TITLE], stmt, col++);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->start, stmt, col++, properties[PROP_START]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->end, stmt, col++, properties[PROP_END]);
  _cf_record_text_from_column (&texts[QUOTE], stmt, col++);
  _cf_record_text_from_column (&texts[PREFIX], stmt, col++);
  _cf_record_text_from_column (&texts[SUFFIX], stmt, col++);
  _cf_record_text_from_column (&texts[PARAPHRASE], stmt, col++);
  _cf_record_set_int64 (G_OBJECT (self), &self->actor_id, stmt, col++, properties[PROP_ACTOR_ID]);
  _cf_record_text_from_column (&texts[ACTOR_NAME], stmt, col++);
  set_enum (self, (gint *) &self->reliability, reliability_from_column (stmt, col++),
            properties[PROP_RELIABILITY]);
  set_enum (self, (gint *) &self->credibility, scale_from_column (stmt, col++, CF_CREDIBILITY_LAST),
            properties[PROP_CREDIBILITY]);
  set_enum (self, (gint *) &self->likelihood, scale_from_column (stmt, col++, CF_LIKELIHOOD_LAST),
            properties[PROP_LIKELIHOOD]);
  set_enum (self, (gint *) &self->confidence, scale_from_column (stmt, col++, CF_CONFIDENCE_LAST),
            properties[PROP_CONFIDENCE]);
  _cf_record_text_from_column (&texts[EVENT_DATE], stmt, col++);
  _cf_record_text_from_column (&texts[CREATED], stmt, col++);
  _cf_record_text_from_column (&texts[MODIFIED], stmt, col++);
  load_tags (self, (const char *) sqlite3_column_text (stmt, col++), names_buf, sizeof names_buf,
             &names_heap, &names, &color, &color_len);
  _cf_record_text_set (&texts[TAG_NAMES], names, names ? strlen (names) : 0);
  _cf_record_text_set (&texts[COLOR], color, color_len);
  set_enum (self, (gint *) &self->kind, kind_from_column (stmt, col++), properties[PROP_KIND]);
  set_enum (self, (gint *) &self->relevance, scale_from_column (stmt, col++, CF_RELEVANCE_LAST),
            properties[PROP_RELEVANCE]);
  {
    /* unset (or not a number): -1 */
    double weight = is_number (stmt, col) && sqlite3_column_double (stmt, col) >= 0
                    ? sqlite3_column_double (stmt, col) : -1;

    col++;

    if (weight != self->weight)
      {
        self->weight = weight;
        _cf_record_notify (G_OBJECT (self), properties[PROP_WEIGHT]);
      }
  }

  /* the grade as cf_rating_format_grade writes it ("B2", "B", "2" or none: NULL,
   * read as ""), without allocating for every row */
  g_strlcpy (grade, self->reliability ? cf_reliability_to_code (self->reliability) : "", sizeof grade);
  g_strlcat (grade, self->credibility ? cf_credibility_to_code (self->credibility) : "", sizeof grade);
  _cf_record_text_set (&texts[GRADE], *grade ? grade : NULL, strlen (grade));

  _cf_record_set_texts (G_OBJECT (self), &self->texts, texts, N_TEXTS);
  if (!quiet)
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
    *n_tags = self->n_tags;
  return self->tag_ids;
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
