/* SPDX-License-Identifier: GPL-3.0-or-later */
/* casefile-cli import: add source documents to a case. */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli.h"

typedef struct
{
  char *title;
  char *byline;
  char *publisher;
  char *url;
  char *published;
  char *language;
} Metadata;

static void
metadata_clear (Metadata *m)
{
  g_clear_pointer (&m->title, g_free);
  g_clear_pointer (&m->byline, g_free);
  g_clear_pointer (&m->publisher, g_free);
  g_clear_pointer (&m->url, g_free);
  g_clear_pointer (&m->published, g_free);
  g_clear_pointer (&m->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

static gboolean
metadata_is_set (Metadata *m)
{
  return m->title || m->byline || m->publisher || m->url || m->published || m->language;
}

/* What the user said about the source wins over what the extractor found. */
static gboolean
apply_metadata (CfCase    *kase,
                gint64     document_id,
                Metadata  *m,
                GError   **error)
{
  const struct { CfDocumentField field; const char *value; } fields[] = {
    { CF_DOCUMENT_FIELD_TITLE, m->title },
    { CF_DOCUMENT_FIELD_BYLINE, m->byline },
    { CF_DOCUMENT_FIELD_PUBLISHER, m->publisher },
    { CF_DOCUMENT_FIELD_URL, m->url },
    { CF_DOCUMENT_FIELD_PUBLISHED, m->published },
    { CF_DOCUMENT_FIELD_LANGUAGE, m->language },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].value != NULL &&
          !cf_case_set_document_field (kase, document_id, fields[i].field,
                                       *fields[i].value ? fields[i].value : NULL, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *title;     /* of text from stdin, or NULL */
  const char *text;
  CfImport   *import;    /* or this, read from a file */
  Metadata   *metadata;
  GArray     *ids;       /* out: the new documents */
} ImportEdit;

/* One action, so a document never exists without its metadata. */
static gboolean
import_edits (CfCase   *kase,
              gpointer  data,
              GError  **error)
{
  ImportEdit *e = data;

  if (e->import != NULL)
    {
      e->ids = cf_case_add_import (kase, e->import, error);
      if (e->ids == NULL)
        return FALSE;
    }
  else
    {
      gint64 id = cf_case_import_text (kase, e->title, e->text, error);

      if (id <= 0)
        return FALSE;
      e->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (e->ids, id);
    }

  for (guint i = 0; i < e->ids->len; i++)
    {
      if (!apply_metadata (kase, g_array_index (e->ids, gint64, i), e->metadata, error))
        return FALSE;
    }

  return TRUE;
}

static void
print_document (CfCase     *kase,
                gint64      id,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDocument) document = cf_case_get_document (kase, id, &error);
  JsonObject *o;

  if (document == NULL)
    {
      cf_cli_error ("%s", error->message);
      return;
    }

  o = cf_cli_document_to_json (document);
  if (path != NULL)
    json_object_set_string_member (o, "path", path);
  else
    json_object_set_null_member (o, "path");
  cf_cli_print_object (o);
}

static int
import_stdin (CfCase     *kase,
              const char *title,
              Metadata   *m)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ImportEdit edit = { title, NULL, NULL, m, NULL };
  gboolean ok;

  text = cf_cli_read_stdin (&error);
  if (text == NULL)
    return cf_cli_report_error (error);

  edit.text = text;
  ok = cf_cli_run_action (kase, _("Import"), import_edits, &edit, &error);
  if (ok)
    print_document (kase, g_array_index (edit.ids, gint64, 0), NULL);
  g_clear_pointer (&edit.ids, g_array_unref);
  if (!ok)
    return cf_cli_report_error (error);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_import (int    argc,
               char **argv)
{
  g_autofree char *text_title = NULL;
  g_auto(Metadata) m = { 0 };
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text_title, N_("Read the text of one document titled TITLE from standard input"), N_("TITLE") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &m.title, N_("Title of the imported document (one FILE only)"), N_("TITLE") },
    { "byline", 'b', 0, G_OPTION_ARG_STRING, &m.byline, N_("Author of the document (one FILE only)"), N_("NAME") },
    { "publisher", 'p', 0, G_OPTION_ARG_STRING, &m.publisher, N_("Publisher of the document (one FILE only)"), N_("NAME") },
    { "url", 'u', 0, G_OPTION_ARG_STRING, &m.url, N_("Where the document was published (one FILE only)"), N_("URL") },
    { "published", 'd', 0, G_OPTION_ARG_STRING, &m.published, N_("Publication date, ISO 8601 (one FILE only)"), N_("DATE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &m.language, N_("Language of the document, e.g. “en” (one FILE only)"), N_("TAG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CfCase) kase = NULL;
  int status = CF_CLI_EXIT_OK;

  context = cf_cli_option_context_new (_("CASE FILE…"),
                                       _("Add source documents to the case: saved web "
                                         "pages, XML, RSS or Atom feeds and plain text. "
                                         "Prints one JSON line per new document.\n"
                                         "A file that cannot be imported is reported and "
                                         "the others are still imported (exit status 1)."),
                                       entries);
  if (!cf_cli_parse_options (context, &argc, &argv) ||
      !cf_cli_check_date (m.published, "--published"))
    return CF_CLI_EXIT_USAGE;

  if (text_title != NULL)
    {
      if (!cf_cli_check_n_args (argc, 1, 1, _("CASE --text TITLE < FILE")))
        return CF_CLI_EXIT_USAGE;
    }
  else if (!cf_cli_check_n_args (argc, 2, -1, _("CASE FILE…")))
    return CF_CLI_EXIT_USAGE;

  if (metadata_is_set (&m) && argc > 3)
    {
      cf_cli_error (_("--title, --publisher and the like describe one document: import "
                      "one FILE at a time with them"));
      return CF_CLI_EXIT_USAGE;
    }

  kase = cf_cli_open_case (argv[1], FALSE);
  if (kase == NULL)
    return CF_CLI_EXIT_FAILURE;

  if (text_title != NULL)
    return import_stdin (kase, text_title, &m);

  if (metadata_is_set (&m))
    {
      /* one file, with what the user said about it, in one action */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);
      g_autoptr(CfImport) import = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;
      ImportEdit edit = { NULL, NULL, NULL, &m, NULL };
      gboolean ok;

      if (cf_cli_check_file_arg (argv[2], &error))
        import = cf_import_read_file (file, NULL, &error);
      edit.import = import;
      ok = import != NULL &&
           cf_cli_run_action (kase, _("Import"), import_edits, &edit, &error);
      ids = g_steal_pointer (&edit.ids);
      if (!ok)
        {
          cf_cli_error (_("Could not import “%s”: %s"), argv[2], error->message);
          return CF_CLI_EXIT_FAILURE;
        }
      for (guint j = 0; j < ids->len; j++)
        print_document (kase, g_array_index (ids, gint64, j), argv[2]);
      return status;
    }

  /* One file in memory at a time: each is read, queued in one CfImportBatch and
   * stored before the next is read, so memory stays that of the biggest file however
   * many are named, and it all remains one transaction (one undo step, no half
   * import after a failure or Ctrl+C). The process keeps no undo history after it
   * exits, so none is recorded: recording it would hold every stored text until the
   * commit. */
  {
    g_autoptr(CfImportBatch) batch = NULL;
    g_autoptr(GPtrArray) stored = g_ptr_array_new ();   /* GArray of ids, owned by the batch */
    g_autoptr(GPtrArray) paths = g_ptr_array_new ();
    g_autoptr(GError) error = NULL;
    /* one reader helper process reads all the files */
    g_autoptr(CfReadSession) session = cf_read_session_new (NULL);
    guint n_files = (guint) argc - 2;

    cf_case_set_undo_enabled (kase, FALSE);
    batch = cf_case_begin_import (kase, &error);
    if (batch == NULL)
      {
        cf_cli_error (_("Could not import: %s"), error->message);
        return CF_CLI_EXIT_FAILURE;
      }

    for (int i = 2; i < argc; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
        g_autoptr(GError) read_error = NULL;
        CfImport *import = NULL;
        GArray *ids = NULL;
        guint done = 0;

        /* Translators: shown on a terminal during an import; %'u are numbers */
        cf_cli_progress (_("Importing file %'u of %'u…"), (guint) i - 1, n_files);
        if (cf_cli_check_file_arg (argv[i], &read_error))
          import = cf_import_read_file_in_session (file, session, NULL, &read_error);
        if (import != NULL)
          ids = cf_import_batch_add (batch, import, &read_error);
        if (ids == NULL)
          {
            cf_cli_progress_end ();
            cf_cli_error (_("Could not import “%s”: %s"), argv[i], read_error->message);
            status = CF_CLI_EXIT_FAILURE;
            continue;
          }
        g_ptr_array_add (stored, ids);
        g_ptr_array_add (paths, argv[i]);
        while (cf_import_batch_get_progress (batch, &done, NULL))
          {
            if (!cf_import_batch_store (batch, g_get_monotonic_time () + G_USEC_PER_SEC / 4, &error))
              {
                cf_cli_progress_end ();
                cf_cli_error (_("Could not import: %s (nothing was added)"), error->message);
                return CF_CLI_EXIT_FAILURE;
              }
            cf_import_batch_get_progress (batch, &done, NULL);
            cf_cli_progress (_("Importing file %'u of %'u: %'u documents stored…"),
                             (guint) i - 1, n_files, done);
          }
      }
    cf_cli_progress (_("Saving the import…"));
    if (!cf_import_batch_commit (batch, &error))
      {
        cf_cli_progress_end ();
        cf_cli_error (_("Could not import: %s (nothing was added)"), error->message);
        return CF_CLI_EXIT_FAILURE;
      }
    cf_cli_progress_end ();
    for (guint i = 0; i < stored->len; i++)
      {
        GArray *ids = stored->pdata[i];

        for (guint j = 0; j < ids->len; j++)
          print_document (kase, g_array_index (ids, gint64, j), paths->pdata[i]);
      }
  }

  return status;
}
