/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading one file for import: its bytes (only a regular file, and never more than
 * the extractor's limit, however the file describes itself) and the documents
 * extracted from them. Touches no case, so it may run in a worker thread. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-formats.h"
#include "cf-import.h"

void
cf_import_free (CfImport *import)
{
  if (import == NULL)
    return;
  g_free (import->filename);
  g_free (import->sha256);
  g_clear_pointer (&import->original, g_bytes_unref);
  g_clear_pointer (&import->documents, g_ptr_array_unref);
  g_free (import);
}

static CfImport *
import_from_bytes (GBytes         *bytes,
                   const char     *filename,
                   CfReadSession  *session,
                   GError        **error)
{
  g_autoptr(CfImport) import = g_new0 (CfImport, 1);

  g_return_val_if_fail (bytes != NULL, NULL);

  /* PDF, office, mail and archive readers run in the helper process */
  import->documents = cf_read_any_in_session (session, bytes, filename, NULL, error);
  if (import->documents == NULL)
    return NULL;
  import->filename = g_strdup (filename);
  import->original = g_bytes_ref (bytes);
  return g_steal_pointer (&import);
}

CfImport *
cf_import_from_bytes (GBytes      *bytes,
                      const char  *filename,
                      GError     **error)
{
  return import_from_bytes (bytes, filename, NULL, error);
}

static void
set_too_large (GError     **error,
               const char  *display,
               goffset      size)
{
  g_autofree char *human = g_format_size (size);
  g_autofree char *limit = g_format_size (CF_EXTRACT_MAX_INPUT);

  g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
               _("“%s” is too large to import (%s; the limit is %s)."), display, human, limit);
}

CfImport *
cf_import_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return cf_import_read_file_in_session (file, NULL, cancellable, error);
}

CfImport *
cf_import_read_file_in_session (GFile         *file,
                                CfReadSession *session,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  CfImport *import;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  display = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; choose the files inside it to import them."), display);
      return NULL;
    }
  /* a device or a pipe has no size to check and may never end (/dev/zero) */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file (it is a device, a pipe or a socket), "
                     "so it cannot be imported."), display);
      return NULL;
    }
  if (g_file_info_get_size (info) > CF_EXTRACT_MAX_INPUT)
    {
      set_too_large (error, display, g_file_info_get_size (info));
      return NULL;
    }

  bytes = cf_extract_read_file (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > CF_EXTRACT_MAX_INPUT)
    {
      set_too_large (error, display, g_bytes_get_size (bytes));
      return NULL;
    }

  import = import_from_bytes (bytes, basename, session, &local_error);
  if (import == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), display, local_error->message);
      return NULL;
    }
  return import;
}
