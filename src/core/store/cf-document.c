/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CfDocument: one source document's details (not its text or original bytes,
 * which are read on demand). Read-only for its users; the case loads and refreshes
 * it from the SELECT beside _cf_document_load_row. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-records-private.h"

struct _CfDocument
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *byline;
  char *publisher;
  char *url;
  char *published;
  char *captured;
  gint64 parent_id;
  char *imported;
  char *language;
  char *media_type;
  char *filename;
  char *note;
  char *sha256;
  gint length;
  guint claim_count;
};

G_DEFINE_FINAL_TYPE (CfDocument, cf_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_BYLINE,
  PROP_PUBLISHER,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_CAPTURED,
  PROP_PARENT_ID,
  PROP_IMPORTED,
  PROP_LANGUAGE,
  PROP_MEDIA_TYPE,
  PROP_FILENAME,
  PROP_NOTE,
  PROP_SHA256,
  PROP_LENGTH,
  PROP_CLAIM_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_document_finalize (GObject *object)
{
  CfDocument *self = CF_DOCUMENT (object);

  g_free (self->title);
  g_free (self->byline);
  g_free (self->publisher);
  g_free (self->url);
  g_free (self->published);
  g_free (self->captured);
  g_free (self->imported);
  g_free (self->language);
  g_free (self->media_type);
  g_free (self->filename);
  g_free (self->note);
  g_free (self->sha256);

  G_OBJECT_CLASS (cf_document_parent_class)->finalize (object);
}

static void
cf_document_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CfDocument *self = CF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BYLINE:
      g_value_set_string (value, self->byline);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_CAPTURED:
      g_value_set_string (value, self->captured);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_IMPORTED:
      g_value_set_string (value, self->imported);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_LENGTH:
      g_value_set_int (value, self->length);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_document_class_init (CfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_document_finalize;
  object_class->get_property = cf_document_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BYLINE] =
    g_param_spec_string ("byline", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAPTURED] =
    g_param_spec_string ("captured", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMPORTED] =
    g_param_spec_string ("imported", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LENGTH] =
    g_param_spec_int ("length", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_document_init (CfDocument *self)
{
}

CfDocument *
_cf_document_new (gint64 id)
{
  CfDocument *self = g_object_new (CF_TYPE_DOCUMENT, NULL);

  self->id = id;
  return self;
}

/* The row _cf_document_load_row reads: the id, then its columns in order; ?1 is a
 * JSON array of the ids to load. Change the two together. */
const char _cf_document_select_sql[] =
  "SELECT d.id, d.title, d.byline, d.publisher, d.url, d.published, d.imported, "
  "d.language, d.media_type, d.filename, d.note, o.sha256, d.text_length, "
  "(SELECT count(*) FROM claims c WHERE c.document_id = d.id), d.captured, d.parent_id "
  "FROM documents d LEFT JOIN originals o ON o.id = d.original_id "
  "WHERE d.id IN (SELECT value FROM json_each (?1))";

void
_cf_document_load_row (CfDocument  *self,
                       sqlite3_stmt *stmt,
                       int           first_column)
{
  int col = first_column;

  g_return_if_fail (CF_IS_DOCUMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  _cf_record_set_string (G_OBJECT (self), &self->title, stmt, col++, properties[PROP_TITLE]);
  _cf_record_set_string (G_OBJECT (self), &self->byline, stmt, col++, properties[PROP_BYLINE]);
  _cf_record_set_string (G_OBJECT (self), &self->publisher, stmt, col++, properties[PROP_PUBLISHER]);
  _cf_record_set_string (G_OBJECT (self), &self->url, stmt, col++, properties[PROP_URL]);
  _cf_record_set_string (G_OBJECT (self), &self->published, stmt, col++, properties[PROP_PUBLISHED]);
  _cf_record_set_string (G_OBJECT (self), &self->imported, stmt, col++, properties[PROP_IMPORTED]);
  _cf_record_set_string (G_OBJECT (self), &self->language, stmt, col++, properties[PROP_LANGUAGE]);
  _cf_record_set_string (G_OBJECT (self), &self->media_type, stmt, col++, properties[PROP_MEDIA_TYPE]);
  _cf_record_set_string (G_OBJECT (self), &self->filename, stmt, col++, properties[PROP_FILENAME]);
  _cf_record_set_string (G_OBJECT (self), &self->note, stmt, col++, properties[PROP_NOTE]);
  _cf_record_set_string (G_OBJECT (self), &self->sha256, stmt, col++, properties[PROP_SHA256]);
  _cf_record_set_int (G_OBJECT (self), (gint *) &self->length, stmt, col++, properties[PROP_LENGTH]);
  _cf_record_set_uint (G_OBJECT (self), &self->claim_count, stmt, col++, properties[PROP_CLAIM_COUNT]);
  _cf_record_set_string (G_OBJECT (self), &self->captured, stmt, col++, properties[PROP_CAPTURED]);
  _cf_record_set_int64 (G_OBJECT (self), &self->parent_id, stmt, col++, properties[PROP_PARENT_ID]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
cf_document_get_id (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
cf_document_get_title (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
cf_document_get_byline (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->byline;
}

const char *
cf_document_get_publisher (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->publisher;
}

const char *
cf_document_get_url (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->url;
}

const char *
cf_document_get_published (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->published;
}

const char *
cf_document_get_captured (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->captured;
}

gint64
cf_document_get_parent_id (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), 0);
  return self->parent_id;
}

const char *
cf_document_get_imported (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->imported;
}

const char *
cf_document_get_language (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->language;
}

const char *
cf_document_get_media_type (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->media_type;
}

const char *
cf_document_get_filename (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->filename;
}

const char *
cf_document_get_note (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->note;
}

const char *
cf_document_get_sha256 (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

gint
cf_document_get_length (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
cf_document_get_claim_count (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), 0);
  return self->claim_count;
}
