/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfTag: one tag with its place in the tree (path, depth) and how many claims
 * carry it. Read-only for its users; the case loads and refreshes it from the
 * SELECT beside _cf_tag_load_row. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-records-private.h"

struct _CfTag
{
  GObject parent_instance;

  gint64 id;
  gint64 parent_id;
  char *name;
  char *path;
  guint depth;
  char *color;
  guint claim_count;
};

G_DEFINE_FINAL_TYPE (CfTag, cf_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_NAME,
  PROP_PATH,
  PROP_DEPTH,
  PROP_COLOR,
  PROP_CLAIM_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_tag_finalize (GObject *object)
{
  CfTag *self = CF_TAG (object);

  g_free (self->name);
  g_free (self->path);
  g_free (self->color);

  G_OBJECT_CLASS (cf_tag_parent_class)->finalize (object);
}

static void
cf_tag_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  CfTag *self = CF_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_tag_class_init (CfTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_tag_finalize;
  object_class->get_property = cf_tag_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_tag_init (CfTag *self)
{
}

CfTag *
_cf_tag_new (gint64 id)
{
  CfTag *self = g_object_new (CF_TYPE_TAG, NULL);

  self->id = id;
  return self;
}

/* The row _cf_tag_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load. Change the two together. */
const char _cf_tag_select_sql[] =
  "WITH RECURSIVE tree (id, path, depth) AS ("
  " SELECT id, name, 0 FROM tags WHERE parent_id IS NULL"
  " UNION ALL"
  " SELECT t.id, tree.path || ' / ' || t.name, tree.depth + 1"
  " FROM tags t JOIN tree ON t.parent_id = tree.id WHERE tree.depth < 32) "
  "SELECT t.id, coalesce (t.parent_id, 0), t.name, coalesce (tree.path, t.name), "
  "coalesce (tree.depth, 0), t.color, "
  "(SELECT count(*) FROM claim_tags ct WHERE ct.tag_id = t.id) "
  "FROM tags t LEFT JOIN tree ON tree.id = t.id "
  "WHERE t.id IN (SELECT value FROM json_each (?1))";

void
_cf_tag_load_row (CfTag  *self,
                  sqlite3_stmt *stmt,
                  int           first_column)
{
  int col = first_column;

  g_return_if_fail (CF_IS_TAG (self));

  g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_int64 (G_OBJECT (self), &self->parent_id, stmt, col++, properties[PROP_PARENT_ID]);
  _cf_record_set_string (G_OBJECT (self), &self->name, stmt, col++, properties[PROP_NAME]);
  _cf_record_set_string (G_OBJECT (self), &self->path, stmt, col++, properties[PROP_PATH]);
  _cf_record_set_uint (G_OBJECT (self), &self->depth, stmt, col++, properties[PROP_DEPTH]);
  _cf_record_set_string (G_OBJECT (self), &self->color, stmt, col++, properties[PROP_COLOR]);
  _cf_record_set_uint (G_OBJECT (self), &self->claim_count, stmt, col++, properties[PROP_CLAIM_COUNT]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
cf_tag_get_id (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), 0);
  return self->id;
}

gint64
cf_tag_get_parent_id (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), 0);
  return self->parent_id;
}

const char *
cf_tag_get_name (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), NULL);
  return self->name;
}

const char *
cf_tag_get_path (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), NULL);
  return self->path;
}

guint
cf_tag_get_depth (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), 0);
  return self->depth;
}

const char *
cf_tag_get_color (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), NULL);
  return self->color;
}

/* GNOME's light palette: the reader lays them translucent under dark text and the
 * dark style's light text alike; test-colors checks their contrast there. */
static const char * const tag_palette[] = {
  "#f6d32d", "#8ff0a4", "#99c1f1", "#ffbe6f", "#dc8add", "#f66151", "#cdab8f", "#5bc8af",
};

const char * const *
cf_tag_get_palette (guint *n_colors)
{
  g_return_val_if_fail (n_colors != NULL, NULL);

  *n_colors = G_N_ELEMENTS (tag_palette);
  return tag_palette;
}

guint
cf_tag_get_claim_count (CfTag *self)
{
  g_return_val_if_fail (CF_IS_TAG (self), 0);
  return self->claim_count;
}
