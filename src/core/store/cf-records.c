/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the record classes (cf-actor.c, cf-claim.c, ...): refresh one
 * field from a result column and notify only on a real change, so bound widgets do
 * not redraw for nothing. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include "cf-records-private.h"

/* per thread: a case opened in a worker must not silence the main thread */
static _Thread_local gboolean quiet;

void
_cf_record_set_quiet (gboolean value)
{
  quiet = value;
}

gboolean
_cf_record_is_quiet (void)
{
  return quiet;
}

void
_cf_record_notify (GObject    *object,
                   GParamSpec *pspec)
{
  if (!quiet)
    g_object_notify_by_pspec (object, pspec);
}


void
_cf_record_set_string (GObject      *object,
                       char        **field,
                       sqlite3_stmt *stmt,
                       int           column,
                       GParamSpec   *pspec)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  gsize len;

  if (g_strcmp0 (value, *field) == 0)
    return;
  g_free (*field);
  if (value == NULL)
    *field = NULL;
  else
    {
      /* the length SQLite knows, rather than measuring the text again */
      len = sqlite3_column_bytes (stmt, column);
      *field = g_malloc (len + 1);
      memcpy (*field, value, len);
      (*field)[len] = '\0';
    }
  _cf_record_notify (object, pspec);
}

void
_cf_record_set_int64 (GObject      *object,
                      gint64       *field,
                      sqlite3_stmt *stmt,
                      int           column,
                      GParamSpec   *pspec)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  if (value == *field)
    return;
  *field = value;
  _cf_record_notify (object, pspec);
}

void
_cf_record_set_int (GObject      *object,
                    gint         *field,
                    sqlite3_stmt *stmt,
                    int           column,
                    GParamSpec   *pspec)
{
  gint value = sqlite3_column_int (stmt, column);

  if (value == *field)
    return;
  *field = value;
  _cf_record_notify (object, pspec);
}

void
_cf_record_set_uint (GObject      *object,
                     guint        *field,
                     sqlite3_stmt *stmt,
                     int           column,
                     GParamSpec   *pspec)
{
  gint64 value = sqlite3_column_int64 (stmt, column);
  guint v = value < 0 ? 0 : (guint) MIN (value, G_MAXUINT);

  if (v == *field)
    return;
  *field = v;
  _cf_record_notify (object, pspec);
}

void
_cf_record_text_set (CfRecordText *text,
                     const char   *value,
                     gsize         len)
{
  text->value = value;
  text->len = value != NULL ? len : 0;
}

void
_cf_record_text_from_column (CfRecordText *text,
                             sqlite3_stmt *stmt,
                             int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  _cf_record_text_set (text, value, value != NULL ? (gsize) sqlite3_column_bytes (stmt, column) : 0);
}

/* Sets the text fields from their new values (which must not point into *@block):
 * if any differs, all are copied into one new block, which replaces *@block, and
 * those that changed notify. One allocation per record rather than one per field. */
void
_cf_record_set_texts (GObject      *object,
                      char        **block,
                      CfRecordText *texts,
                      guint         n_texts)
{
  guint64 changed = 0;
  gsize size = 0;
  char *new_block, *p;

  g_return_if_fail (n_texts <= 64);

  for (guint i = 0; i < n_texts; i++)
    {
      const char *old = *texts[i].field;

      if (texts[i].value == NULL ? old != NULL
          : old == NULL || strlen (old) != texts[i].len || memcmp (old, texts[i].value, texts[i].len) != 0)
        changed |= G_GUINT64_CONSTANT (1) << i;
      if (texts[i].value != NULL)
        size += texts[i].len + 1;
    }
  if (changed == 0)
    return;

  p = new_block = size > 0 ? g_malloc (size) : NULL;
  for (guint i = 0; i < n_texts; i++)
    {
      if (texts[i].value == NULL)
        {
          *texts[i].field = NULL;
          continue;
        }
      memcpy (p, texts[i].value, texts[i].len);
      p[texts[i].len] = '\0';
      *texts[i].field = p;
      p += texts[i].len + 1;
    }
  g_free (*block);
  *block = new_block;

  for (guint i = 0; i < n_texts; i++)
    if (changed & (G_GUINT64_CONSTANT (1) << i))
      _cf_record_notify (object, texts[i].pspec);
}
