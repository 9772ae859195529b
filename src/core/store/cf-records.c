/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the record classes (cf-actor.c, cf-claim.c, ...): refresh one
 * field from a result column and notify only on a real change, so bound widgets do
 * not redraw for nothing. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-records-private.h"

/* per thread: a case opened in a worker must not silence the main thread */
static _Thread_local gboolean quiet;

void
_cf_record_set_quiet (gboolean value)
{
  quiet = value;
}

static void
notify (GObject    *object,
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

  if (g_strcmp0 (value, *field) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  notify (object, pspec);
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
  notify (object, pspec);
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
  notify (object, pspec);
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
  notify (object, pspec);
}
