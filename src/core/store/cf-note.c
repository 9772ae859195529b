/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfNote: one analyst note on the case, a document or a claim. Read-only for its
 * users; the case loads and refreshes it from the SELECT beside _cf_note_load_row. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-records-private.h"

struct _CfNote
{
  GObject parent_instance;

  gint64 id;
  CfNoteTarget target;
  gint64 target_id;
  char *body;
  char *created;
  char *modified;
};

G_DEFINE_FINAL_TYPE (CfNote, cf_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TARGET,
  PROP_TARGET_ID,
  PROP_BODY,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_note_finalize (GObject *object)
{
  CfNote *self = CF_NOTE (object);

  g_free (self->body);
  g_free (self->created);
  g_free (self->modified);

  G_OBJECT_CLASS (cf_note_parent_class)->finalize (object);
}

static void
cf_note_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  CfNote *self = CF_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TARGET:
      g_value_set_enum (value, self->target);
      break;
    case PROP_TARGET_ID:
      g_value_set_int64 (value, self->target_id);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_note_class_init (CfNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_note_finalize;
  object_class->get_property = cf_note_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_enum ("target", NULL, NULL, CF_TYPE_NOTE_TARGET, CF_NOTE_TARGET_CASE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TARGET_ID] =
    g_param_spec_int64 ("target-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_note_init (CfNote *self)
{
}

CfNote *
_cf_note_new (gint64 id)
{
  CfNote *self = g_object_new (CF_TYPE_NOTE, NULL);

  self->id = id;
  return self;
}

/* The row _cf_note_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load. Change the two together. */
const char _cf_note_select_sql[] =
  "SELECT n.id, CASE n.target WHEN 'case' THEN 0 WHEN 'document' THEN 1 ELSE 2 END, "
  "n.target_id, n.body, n.created, n.modified "
  "FROM notes n WHERE n.id IN (SELECT value FROM json_each (?1))";

void
_cf_note_load_row (CfNote  *self,
                   sqlite3_stmt *stmt,
                   int           first_column)
{
  int col = first_column;

  g_return_if_fail (CF_IS_NOTE (self));

  g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->target, stmt, col++, properties[PROP_TARGET]);
  _cf_record_set_int64 (G_OBJECT (self), &self->target_id, stmt, col++, properties[PROP_TARGET_ID]);
  _cf_record_set_string (G_OBJECT (self), &self->body, stmt, col++, properties[PROP_BODY]);
  _cf_record_set_string (G_OBJECT (self), &self->created, stmt, col++, properties[PROP_CREATED]);
  _cf_record_set_string (G_OBJECT (self), &self->modified, stmt, col++, properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
cf_note_get_id (CfNote *self)
{
  g_return_val_if_fail (CF_IS_NOTE (self), 0);
  return self->id;
}

CfNoteTarget
cf_note_get_target (CfNote *self)
{
  g_return_val_if_fail (CF_IS_NOTE (self), 0);
  return self->target;
}

gint64
cf_note_get_target_id (CfNote *self)
{
  g_return_val_if_fail (CF_IS_NOTE (self), 0);
  return self->target_id;
}

const char *
cf_note_get_body (CfNote *self)
{
  g_return_val_if_fail (CF_IS_NOTE (self), NULL);
  return self->body;
}

const char *
cf_note_get_created (CfNote *self)
{
  g_return_val_if_fail (CF_IS_NOTE (self), NULL);
  return self->created;
}

const char *
cf_note_get_modified (CfNote *self)
{
  g_return_val_if_fail (CF_IS_NOTE (self), NULL);
  return self->modified;
}

static const char *note_targets[] = { "case", "document", "claim" };

const char *
cf_note_target_to_code (CfNoteTarget target)
{
  g_return_val_if_fail ((guint) target < G_N_ELEMENTS (note_targets), NULL);
  return note_targets[target];
}

gboolean
cf_note_target_from_code (const char   *code,
                          CfNoteTarget *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (note_targets); i++)
    {
      if (g_strcmp0 (code, note_targets[i]) == 0)
        {
          *out = (CfNoteTarget) i;
          return TRUE;
        }
    }
  return FALSE;
}
