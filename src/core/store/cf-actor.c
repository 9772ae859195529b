/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfActor: one person or body that asserts claims, as the case holds it (name,
 * description, how many claims). Read-only for its users; the case loads and
 * refreshes it from the SELECT beside _cf_actor_load_row. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-records-private.h"

struct _CfActor
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *description;
  guint claim_count;
};

G_DEFINE_FINAL_TYPE (CfActor, cf_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CLAIM_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_actor_finalize (GObject *object)
{
  CfActor *self = CF_ACTOR (object);

  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (cf_actor_parent_class)->finalize (object);
}

static void
cf_actor_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CfActor *self = CF_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_actor_class_init (CfActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_actor_finalize;
  object_class->get_property = cf_actor_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_actor_init (CfActor *self)
{
}

CfActor *
_cf_actor_new (gint64 id)
{
  CfActor *self = g_object_new (CF_TYPE_ACTOR, NULL);

  self->id = id;
  return self;
}

/* The row _cf_actor_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load. Change the two together. */
const char _cf_actor_select_sql[] =
  "SELECT a.id, a.name, a.description, "
  "(SELECT count(*) FROM claims c WHERE c.actor_id = a.id) "
  "FROM actors a WHERE a.id IN (SELECT value FROM json_each (?1))";

void
_cf_actor_load_row (CfActor  *self,
                    sqlite3_stmt *stmt,
                    int           first_column)
{
  int col = first_column;

  g_return_if_fail (CF_IS_ACTOR (self));

  g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_string (G_OBJECT (self), &self->name, stmt, col++, properties[PROP_NAME]);
  _cf_record_set_string (G_OBJECT (self), &self->description, stmt, col++, properties[PROP_DESCRIPTION]);
  _cf_record_set_uint (G_OBJECT (self), &self->claim_count, stmt, col++, properties[PROP_CLAIM_COUNT]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
cf_actor_get_id (CfActor *self)
{
  g_return_val_if_fail (CF_IS_ACTOR (self), 0);
  return self->id;
}

const char *
cf_actor_get_name (CfActor *self)
{
  g_return_val_if_fail (CF_IS_ACTOR (self), NULL);
  return self->name;
}

const char *
cf_actor_get_description (CfActor *self)
{
  g_return_val_if_fail (CF_IS_ACTOR (self), NULL);
  return self->description;
}

guint
cf_actor_get_claim_count (CfActor *self)
{
  g_return_val_if_fail (CF_IS_ACTOR (self), 0);
  return self->claim_count;
}
