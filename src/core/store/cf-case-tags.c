/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tags: a tree of names with colours, attached to claims. Names are unique among
 * siblings (ignoring case) and never contain "/", which joins a tag's path. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

static gboolean
valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gint64
find_sibling_tag (CfCase     *self,
                  gint64      parent_id,
                  const char *name)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                             "SELECT id FROM tags WHERE name = ?2 COLLATE NOCASE "
                                             "AND parent_id IS ?1", NULL);

  if (stmt == NULL)
    return 0;
  _cf_case_bind_id_or_null (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

gint64
cf_case_add_tag (CfCase      *self,
                 const char  *name,
                 gint64       parent_id,
                 const char  *color,
                 GError     **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(CfStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_CASE (self), 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  clean = _cf_case_clean_name (name, error);
  if (clean == NULL)
    return 0;
  if (strchr (clean, '/') != NULL)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("A tag name cannot contain “/”, which separates nested tags."));
      return 0;
    }
  if (color != NULL && !valid_color (color))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("“%s” is not a colour; write it as #rrggbb, e.g. #f6d32d."), color);
      return 0;
    }
  if (parent_id > 0 && !_cf_case_record_exists (self, "SELECT 1 FROM tags WHERE id = ?1", parent_id, CF_RECORD_TAG, error))
    return 0;
  if (find_sibling_tag (self, parent_id, clean) > 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("There is already a tag “%s” there."), clean);
      return 0;
    }

  if (color == NULL)
    {
      g_autoptr(CfStmt) count = _cf_case_prepare (self, "SELECT count(*) FROM tags", error);
      guint n_colors;
      const char * const *palette = cf_tag_get_palette (&n_colors);

      if (count == NULL)
        return 0;
      sqlite3_step (count);
      color = palette[sqlite3_column_int64 (count, 0) % n_colors];
    }

  CF_CASE_BEGIN_EDIT (_("Add a tag"));
  stmt = _cf_case_prepare (self, "INSERT INTO tags (parent_id, name, color) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  _cf_case_bind_id_or_null (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, color, -1, SQLITE_STATIC);
  if (!_cf_case_step_done (self, stmt, _("Adding the tag"), error))
    return _cf_case_edit_failed (self);
  id = sqlite3_last_insert_rowid (self->db);
  if (!cf_case_end_action (self, error))
    return 0;
  return id;
}

static gint64
tag_parent (CfCase *self,
            gint64  tag_id)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self, "SELECT coalesce (parent_id, 0) FROM tags WHERE id = ?1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

gboolean
cf_case_rename_tag (CfCase      *self,
                    gint64       tag_id,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *clean = NULL;
  gint64 other;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  clean = _cf_case_clean_name (name, error);
  if (clean == NULL)
    return FALSE;
  if (strchr (clean, '/') != NULL)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("A tag name cannot contain “/”, which separates nested tags."));
      return FALSE;
    }
  other = find_sibling_tag (self, tag_parent (self, tag_id), clean);
  if (other > 0 && other != tag_id)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("There is already a tag “%s” there."), clean);
      return FALSE;
    }
  return _cf_case_update_field (self, "UPDATE tags SET name = ?2 WHERE id = ?1", tag_id, CF_VALUE_TEXT,
                                clean, 0, _("Rename a tag"), CF_RECORD_TAG, error);
}

gboolean
cf_case_set_tag_color (CfCase      *self,
                       gint64       tag_id,
                       const char  *color,
                       GError     **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (!valid_color (color))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("“%s” is not a colour; write it as #rrggbb, e.g. #f6d32d."),
                   color ? color : "");
      return FALSE;
    }
  return _cf_case_update_field (self, "UPDATE tags SET color = ?2 WHERE id = ?1", tag_id, CF_VALUE_TEXT,
                                color, 0, _("Recolour a tag"), CF_RECORD_TAG, error);
}

gboolean
cf_case_set_tag_parent (CfCase  *self,
                        gint64   tag_id,
                        gint64   parent_id,
                        GError **error)
{
  g_autoptr(CfStmt) stmt = NULL;
  g_autoptr(CfTag) tag = NULL;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (!_cf_case_check_writable (self, error))
    return FALSE;
  tag = cf_case_get_tag (self, tag_id, error);
  if (tag == NULL)
    return FALSE;
  if (parent_id > 0)
    {
      gint64 up = parent_id;

      if (!_cf_case_record_exists (self, "SELECT 1 FROM tags WHERE id = ?1", parent_id, CF_RECORD_TAG, error))
        return FALSE;
      for (int depth = 0; up > 0 && depth < 64; depth++)
        {
          if (up == tag_id)
            {
              g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                           _("A tag cannot be nested inside itself or one of its own tags."));
              return FALSE;
            }
          up = tag_parent (self, up);
        }
    }
  if (find_sibling_tag (self, parent_id, cf_tag_get_name (tag)) > 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("There is already a tag “%s” there."), cf_tag_get_name (tag));
      return FALSE;
    }

  CF_CASE_BEGIN_EDIT (_("Move a tag"));
  stmt = _cf_case_prepare (self, "UPDATE tags SET parent_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return _cf_case_edit_failed (self);
  sqlite3_bind_int64 (stmt, 1, tag_id);
  _cf_case_bind_id_or_null (stmt, 2, parent_id);
  if (!_cf_case_step_done (self, stmt, _("Moving the tag"), error))
    return _cf_case_edit_failed (self);
  return cf_case_end_action (self, error);
}

gboolean
cf_case_delete_tag (CfCase  *self,
                    gint64   tag_id,
                    GError **error)
{
  static const char *steps[] = {
    "UPDATE tags SET parent_id = (SELECT parent_id FROM tags WHERE id = ?1) WHERE parent_id = ?1",
    "DELETE FROM claim_tags WHERE tag_id = ?1",
    "DELETE FROM tags WHERE id = ?1",
  };

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return _cf_case_delete_record (self, tag_id, "SELECT 1 FROM tags WHERE id = ?1", CF_RECORD_TAG,
                                 steps, G_N_ELEMENTS (steps), _("Delete a tag"),
                                 _("Deleting the tag"), error);
}

gint64
cf_case_find_tag (CfCase     *self,
                  const char *path)
{
  g_auto(GStrv) parts = NULL;
  gint64 parent = 0;

  g_return_val_if_fail (CF_IS_CASE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (self->db == NULL)
    return 0;

  parts = g_strsplit (path, "/", -1);
  if (g_strv_length (parts) == 1)
    {
      g_autofree char *name = g_strstrip (g_strdup (path));
      g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                                 "SELECT id FROM tags WHERE name = ?1 COLLATE NOCASE "
                                                 "ORDER BY parent_id IS NOT NULL, id LIMIT 1", NULL);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return sqlite3_column_int64 (stmt, 0);
      return 0;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      parent = find_sibling_tag (self, parent, parts[i]);
      if (parent == 0)
        return 0;
    }
  return parent;
}

gint64
cf_case_ensure_tag_path (CfCase      *self,
                         const char  *path,
                         GError     **error)
{
  g_auto(GStrv) parts = NULL;
  gint64 parent = 0;

  g_return_val_if_fail (CF_IS_CASE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!_cf_case_check_writable (self, error))
    return 0;
  if (!g_utf8_validate (path, -1, NULL))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, _("The name is not valid text."));
      return 0;
    }
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) == '\0')
      {
        g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                     _("The tag path “%s” has an empty name; write it as Parent/Child."), path);
        return 0;
      }

  cf_case_begin_action (self, _("Add a tag"));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = find_sibling_tag (self, parent, parts[i]);

      if (id == 0)
        id = cf_case_add_tag (self, parts[i], parent, NULL, error);
      if (id == 0)
        {
          cf_case_cancel_action (self);
          return 0;
        }
      parent = id;
    }
  if (!cf_case_end_action (self, error))
    return 0;
  return parent;
}

CfTag *
cf_case_get_tag (CfCase  *self,
                 gint64   tag_id,
                 GError **error)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return _cf_case_get_record (self, CF_RECORD_TAG, tag_id, error);
}

