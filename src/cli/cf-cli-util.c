/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the casefile-cli commands share: option parsing, opening a case, parsing
 * ratings, JSON rows and plain tables. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cf-cli.h"

int
cf_cli_dispatch_subcommand (int                    argc,
                            char                 **argv,
                            const CfCliSubcommand *table,
                            const char            *summary)
{
  const char *action = argc > 1 ? argv[1] : NULL;
  gboolean want_help;

  want_help = action != NULL && (g_str_equal (action, "--help") ||
                                  g_str_equal (action, "-h") ||
                                  g_str_equal (action, "help"));

  if (action != NULL && !want_help)
    {
      for (guint i = 0; table[i].name != NULL; i++)
        {
          if (g_str_equal (table[i].name, action))
            {
              g_autofree char *prgname = g_strdup_printf ("casefile-cli %s %s",
                                                          argv[0], action);

              g_set_prgname (prgname);
              return table[i].func (argc - 1, argv + 1);
            }
        }
    }

  if (!want_help)
    {
      if (action == NULL)
        cf_cli_error (_("“%s” needs an action; see “casefile-cli %s --help”"),
                      argv[0], argv[0]);
      else
        cf_cli_error (_("“%s” is not an action of “%s”; see “casefile-cli %s --help”"),
                      action, argv[0], argv[0]);
      return CF_CLI_EXIT_USAGE;
    }

  g_print (_("Usage:\n  casefile-cli %s ACTION CASE [ARGUMENT…]\n\n"), argv[0]);
  g_print ("%s\n\n", _(summary));
  g_print ("%s\n", _("Actions:"));
  for (guint i = 0; table[i].name != NULL; i++)
    g_print ("  %-10s %s\n", table[i].name, _(table[i].summary));
  g_print ("\n");
  g_print (_("Run “casefile-cli %s ACTION --help” for the options of an action.\n"),
           argv[0]);
  return CF_CLI_EXIT_OK;
}

GOptionContext *
cf_cli_option_context_new (const char         *parameter_string,
                           const char         *summary,
                           const GOptionEntry *entries)
{
  GOptionContext *context;

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
cf_cli_parse_options (GOptionContext  *context,
                      int             *argc,
                      char          ***argv)
{
  g_autoptr(GError) error = NULL;
  gboolean want_help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &want_help, N_("Show this help"), NULL },
    { NULL }
  };

  /* GOption's own help reads "-hello" as "-h -e -l -l -o", prints the help and exits
   * 0 with nothing done. As one option among the others, "-h" is only help when it
   * stands alone, and "-hello" is an unknown option. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
        cf_cli_error (_("%s; text that starts with “-” goes after “--” (see “%s --help”)"),
                      error->message, g_get_prgname ());
      else
        cf_cli_error (_("%s (see “%s --help”)"), error->message, g_get_prgname ());
      return FALSE;
    }

  if (want_help)
    {
      char *help = g_option_context_get_help (context, TRUE, NULL);

      /* exit() runs no g_autofree cleanup: free it by hand */
      g_print ("%s", help);
      g_free (help);
      exit (CF_CLI_EXIT_OK);
    }

  /* GOptionContext leaves the "--" that ends the options ("note add CASE -- -text") */
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--"))
        {
          memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
          (*argc)--;
          break;
        }
    }

  return TRUE;
}

gboolean
cf_cli_check_n_args (int         argc,
                     int         min_args,
                     int         max_args,
                     const char *usage)
{
  int n = argc - 1;

  if (n < min_args)
    {
      cf_cli_error (_("Missing arguments. Usage: %s %s"), g_get_prgname (), usage);
      return FALSE;
    }

  if (max_args >= 0 && n > max_args)
    {
      cf_cli_error (_("Too many arguments. Usage: %s %s"), g_get_prgname (), usage);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GAsyncResult *result;
  gint64        start;
} OpenWait;

static void
case_opened_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ((OpenWait *) data)->result = g_object_ref (result);
}

/* A line of progress on a terminal, written over itself, at most a few times a
 * second; nothing when stderr is not a terminal (a script, a log). */
static gint64   progress_shown;
static gboolean progress_on_line;

void
cf_cli_progress (const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  gint64 now = g_get_monotonic_time ();
  va_list args;

  if (!isatty (STDERR_FILENO) || now - progress_shown < G_USEC_PER_SEC / 5)
    return;
  progress_shown = now;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("\r%s\033[K", text);
  progress_on_line = TRUE;
}

void
cf_cli_progress_end (void)
{
  if (progress_on_line)
    g_printerr ("\r\033[K");
  progress_on_line = FALSE;
  progress_shown = 0;
}

static gboolean
show_check_progress_cb (gpointer data)
{
  OpenWait *wait = data;

  /* Translators: shown on a terminal while a big case file is checked; %d counts seconds */
  cf_cli_progress (_("Checking the case file… %d s"),
                   (int) ((g_get_monotonic_time () - wait->start) / G_USEC_PER_SEC));
  return G_SOURCE_CONTINUE;
}

/* A file that needs the full check is checked in a worker while a terminal on stderr
 * sees the seconds go by (issue 12); elsewhere, or for a file Casefile last wrote, it
 * opens at once. */
static CfCase *
open_with_progress (const char       *path,
                    CfCaseOpenFlags   flags,
                    GError          **error)
{
  OpenWait wait = { NULL, g_get_monotonic_time () };
  guint timer;
  CfCase *kase;

  if (!isatty (STDERR_FILENO) || !cf_case_open_needs_check (path))
    return cf_case_open (path, flags, error);

  cf_case_open_async (path, flags, NULL, case_opened_cb, &wait);
  timer = g_timeout_add (500, show_check_progress_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  cf_cli_progress_end ();
  kase = cf_case_open_finish (wait.result, error);
  g_object_unref (wait.result);
  return kase;
}

gboolean
cf_cli_check_file_arg (const char  *arg,
                       GError     **error)
{
  if (*arg != '\0')
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                       _("The file name is empty."));
  return FALSE;
}

CfCase *
cf_cli_open_case (const char *path,
                  gboolean    read_only)
{
  g_autoptr(GError) error = NULL;
  CfCase *kase;

  kase = open_with_progress (path, read_only ? CF_CASE_OPEN_READ_ONLY : CF_CASE_OPEN_DEFAULT,
                             &error);
  if (kase == NULL)
    {
      cf_cli_error (_("Cannot open “%s”: %s"), path, error->message);
      return NULL;
    }

  if (!read_only && cf_case_get_read_only (kase))
    {
      cf_cli_error (_("“%s” can only be read: you are not allowed to change it. "
                      "Copy it to a folder of your own first."), path);
      g_object_unref (kase);
      return NULL;
    }

  return kase;
}

gboolean
cf_cli_run_action (CfCase         *kase,
                   const char     *label,
                   CfCliEditFunc   edit,
                   gpointer        data,
                   GError        **error)
{
  g_return_val_if_fail (CF_IS_CASE (kase), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  cf_case_begin_action (kase, label);
  if (!edit (kase, data, error))
    {
      cf_case_cancel_action (kase);
      return FALSE;
    }

  return cf_case_end_action (kase, error);
}

int
cf_cli_report_error (const GError *error)
{
  cf_cli_error ("%s", error->message);
  return CF_CLI_EXIT_FAILURE;
}

gboolean
cf_cli_parse_id (const char *text,
                 const char *what,
                 gint64     *out)
{
  guint64 value = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      cf_cli_error (_("“%s” is not a valid %s id: give the number shown by “list”"),
                    text ? text : "", what);
      return FALSE;
    }

  *out = (gint64) value;
  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, each part in its range. */
static gboolean
is_iso8601_date (const char *text,
                 gboolean    full)
{
  guint64 year, month = 1, day = 1;
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  guint n = g_strv_length (parts);
  const guint widths[] = { 4, 2, 2 };

  if (n < 1 || n > 3 || (full && n != 3))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (strlen (parts[i]) != widths[i])
        return FALSE;
      for (const char *c = parts[i]; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c))
          return FALSE;
    }

  year = g_ascii_strtoull (parts[0], NULL, 10);
  if (n > 1)
    month = g_ascii_strtoull (parts[1], NULL, 10);
  if (n > 2)
    day = g_ascii_strtoull (parts[2], NULL, 10);

  return year >= 1 && month >= 1 && month <= 12 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
cf_cli_check_date (const char *text,
                   const char *what)
{
  const char *t;
  gboolean valid;

  if (text == NULL || *text == '\0')
    return TRUE;

  t = strchr (text, 'T');
  if (t == NULL)
    {
      valid = is_iso8601_date (text, FALSE);
    }
  else
    {
      g_autofree char *date = g_strndup (text, t - text);
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = NULL;

      valid = is_iso8601_date (date, TRUE);
      if (valid)
        {
          /* without an offset the time is taken as it stands */
          parsed = g_date_time_new_from_iso8601 (text, utc);
          valid = parsed != NULL;
        }
    }

  if (!valid)
    cf_cli_error (_("“%s” is not a date for %s: give an ISO 8601 date such as 2026-03-14 "
                    "(or 2026-03, 2026), or a date and time such as 2026-03-14T09:30:00Z"),
                  text, what);
  return valid;
}

/* The list of valid values for an error message: "A, B, C". */
static char *
join_codes (const char *(*to_code) (int),
            int          last)
{
  GString *s = g_string_new (NULL);

  for (int i = 1; i <= last; i++)
    {
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, to_code (i));
    }

  return g_string_free (s, FALSE);
}

/* join_codes () takes the scales' to_code functions through these. */
static const char *
reliability_code (int value)
{
  return cf_reliability_to_code ((CfReliability) value);
}

static const char *
credibility_code (int value)
{
  return cf_credibility_to_code ((CfCredibility) value);
}

static const char *
likelihood_code (int value)
{
  return cf_likelihood_to_code ((CfLikelihood) value);
}

static const char *
confidence_code (int value)
{
  return cf_confidence_to_code ((CfConfidence) value);
}

/* Each parser has its own whole sentence, so that it translates well. */
gboolean
cf_cli_parse_reliability (const char    *text,
                          CfReliability *out)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0' || cf_reliability_from_code (text, out))
    return TRUE;

  valid = join_codes (reliability_code, CF_RELIABILITY_LAST);
  cf_cli_error (_("“%s” is not a source reliability; use one of: %s"), text, valid);
  return FALSE;
}

gboolean
cf_cli_parse_credibility (const char    *text,
                          CfCredibility *out)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0' || cf_credibility_from_code (text, out))
    return TRUE;

  valid = join_codes (credibility_code, CF_CREDIBILITY_LAST);
  cf_cli_error (_("“%s” is not an information credibility; use one of: %s"), text, valid);
  return FALSE;
}

gboolean
cf_cli_parse_likelihood (const char   *text,
                         CfLikelihood *out)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0' || cf_likelihood_from_code (text, out))
    return TRUE;

  valid = join_codes (likelihood_code, CF_LIKELIHOOD_LAST);
  cf_cli_error (_("“%s” is not a likelihood; use one of: %s"), text, valid);
  return FALSE;
}

gboolean
cf_cli_parse_confidence (const char   *text,
                         CfConfidence *out)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0' || cf_confidence_from_code (text, out))
    return TRUE;

  valid = join_codes (confidence_code, CF_CONFIDENCE_LAST);
  cf_cli_error (_("“%s” is not a confidence; use one of: %s"), text, valid);
  return FALSE;
}

static const char *
relation_code (int value)
{
  return cf_relation_to_code ((CfRelation) value);
}

gboolean
cf_cli_parse_relation (const char *text,
                       CfRelation *out)
{
  g_autofree char *valid = NULL;

  if (text != NULL && g_ascii_strcasecmp (text, "none") == 0)
    {
      *out = CF_RELATION_NONE;
      return TRUE;
    }
  if (text != NULL && cf_relation_from_code (text, out))
    return TRUE;

  valid = join_codes (relation_code, CF_RELATION_LAST);
  cf_cli_error (_("“%s” is not a valid relation; use one of: %s, none"),
                text ? text : "", valid);
  return FALSE;
}

gint64
cf_cli_find_tag (CfCase     *kase,
                 const char *path)
{
  gint64 id = cf_case_find_tag (kase, path);

  if (id == 0)
    cf_cli_error (_("There is no tag “%s”; add it with “casefile-cli tag add”"), path);

  return id;
}

/* --- JSON ---------------------------------------------------------------------- */

void
cf_cli_print_json (JsonNode *node,
                   gboolean  pretty)
{
  g_autofree char *text = cf_json_to_text (node, pretty, NULL);

  /* JSON is UTF-8 whatever the locale says, so no charset conversion here */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
cf_cli_print_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  cf_cli_print_json (node, FALSE);
}

/* The core gives "" or NULL for a field never set; JSON says null for both. */
static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

JsonObject *
cf_cli_document_to_json (CfDocument *document)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", cf_document_get_id (document));
  set_string (o, "title", cf_document_get_title (document));
  set_string (o, "byline", cf_document_get_byline (document));
  set_string (o, "publisher", cf_document_get_publisher (document));
  set_string (o, "published", cf_document_get_published (document));
  set_string (o, "captured", cf_document_get_captured (document));
  if (cf_document_get_parent_id (document) != 0)
    json_object_set_int_member (o, "parent_id", cf_document_get_parent_id (document));
  set_string (o, "url", cf_document_get_url (document));
  set_string (o, "language", cf_document_get_language (document));
  set_string (o, "media_type", cf_document_get_media_type (document));
  set_string (o, "filename", cf_document_get_filename (document));
  set_string (o, "imported", cf_document_get_imported (document));
  set_string (o, "note", cf_document_get_note (document));
  set_string (o, "sha256", cf_document_get_sha256 (document));
  json_object_set_int_member (o, "length", cf_document_get_length (document));
  json_object_set_int_member (o, "claims", cf_document_get_claim_count (document));

  return o;
}

struct _CfCliClaimWriter
{
  CfCase     *kase;
  GHashTable *tag_paths;   /* tag id → path */
  GArray     *hypotheses;  /* of gint64 */
};

CfCliClaimWriter *
cf_cli_claim_writer_new (CfCase *kase)
{
  CfCliClaimWriter *writer = g_new0 (CfCliClaimWriter, 1);
  g_autoptr(GListModel) tags = cf_case_list_tags (kase);
  g_autoptr(GListModel) hypotheses = cf_case_list_hypotheses (kase);

  writer->kase = g_object_ref (kase);
  writer->tag_paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  writer->hypotheses = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(CfTag) tag = g_list_model_get_item (tags, i);
      gint64 *id = g_new (gint64, 1);

      *id = cf_tag_get_id (tag);
      g_hash_table_insert (writer->tag_paths, id, g_strdup (cf_tag_get_path (tag)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
    {
      g_autoptr(CfHypothesis) h = g_list_model_get_item (hypotheses, i);
      gint64 id = cf_hypothesis_get_id (h);

      g_array_append_val (writer->hypotheses, id);
    }

  return writer;
}

void
cf_cli_claim_writer_free (CfCliClaimWriter *writer)
{
  g_object_unref (writer->kase);
  g_hash_table_unref (writer->tag_paths);
  g_array_unref (writer->hypotheses);
  g_free (writer);
}

JsonObject *
cf_cli_claim_writer_to_json (CfCliClaimWriter *writer,
                             CfClaim          *claim)
{
  JsonObject *o = json_object_new ();
  JsonArray *tags = json_array_new ();
  JsonArray *relations = json_array_new ();
  const gint64 *tag_ids;
  guint n_tags = 0;
  gint64 actor_id;

  json_object_set_int_member (o, "id", cf_claim_get_id (claim));
  /* an assumption or absence has no document */
  json_object_set_string_member (o, "kind", cf_evidence_kind_to_code (cf_claim_get_kind (claim)));
  if (cf_claim_get_document_id (claim) > 0)
    json_object_set_int_member (o, "document_id", cf_claim_get_document_id (claim));
  else
    json_object_set_null_member (o, "document_id");
  set_string (o, "document_title", cf_claim_get_document_title (claim));
  json_object_set_int_member (o, "start", cf_claim_get_start (claim));
  json_object_set_int_member (o, "end", cf_claim_get_end (claim));
  /* the page of a PDF the quote begins on; null for a source without pages */
  {
    int page = cf_claim_get_document_id (claim) > 0
               ? cf_case_get_page_for_offset (writer->kase, cf_claim_get_document_id (claim),
                                              cf_claim_get_start (claim), NULL)
               : 0;

    if (page > 0)
      json_object_set_int_member (o, "page", page);
    else
      json_object_set_null_member (o, "page");
  }
  set_string (o, "quote", cf_claim_get_quote (claim));
  set_string (o, "paraphrase", cf_claim_get_paraphrase (claim));

  actor_id = cf_claim_get_actor_id (claim);
  if (actor_id != 0)
    {
      json_object_set_int_member (o, "actor_id", actor_id);
      set_string (o, "actor", cf_claim_get_actor_name (claim));
    }
  else
    {
      json_object_set_null_member (o, "actor_id");
      json_object_set_null_member (o, "actor");
    }

  set_string (o, "reliability", cf_reliability_to_code (cf_claim_get_reliability (claim)));
  set_string (o, "credibility", cf_credibility_to_code (cf_claim_get_credibility (claim)));
  /* "" when unrated, as the core and the app show it */
  json_object_set_string_member (o, "grade", cf_claim_get_grade (claim));
  set_string (o, "likelihood", cf_likelihood_to_code (cf_claim_get_likelihood (claim)));
  set_string (o, "confidence", cf_confidence_to_code (cf_claim_get_confidence (claim)));
  set_string (o, "event_date", cf_claim_get_event_date (claim));
  set_string (o, "relevance", cf_relevance_to_code (cf_claim_get_relevance (claim)));
  if (cf_claim_get_weight (claim) >= 0)
    json_object_set_double_member (o, "weight", cf_claim_get_weight (claim));
  else
    json_object_set_null_member (o, "weight");

  tag_ids = cf_claim_get_tag_ids (claim, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      const char *path = g_hash_table_lookup (writer->tag_paths, &tag_ids[i]);

      if (path != NULL)
        json_array_add_string_element (tags, path);
    }
  json_object_set_array_member (o, "tags", tags);

  for (guint i = 0; i < writer->hypotheses->len; i++)
    {
      gint64 hypothesis_id = g_array_index (writer->hypotheses, gint64, i);
      CfRelation relation;
      JsonObject *r;

      relation = cf_case_get_claim_relation (writer->kase, cf_claim_get_id (claim),
                                             hypothesis_id);
      if (relation == CF_RELATION_NONE)
        continue;

      r = json_object_new ();
      json_object_set_int_member (r, "hypothesis_id", hypothesis_id);
      set_string (r, "relation", cf_relation_to_code (relation));
      json_array_add_object_element (relations, r);
    }
  json_object_set_array_member (o, "hypotheses", relations);

  set_string (o, "created", cf_claim_get_created (claim));
  set_string (o, "modified", cf_claim_get_modified (claim));

  return o;
}

JsonObject *
cf_cli_claim_to_json (CfCase  *kase,
                      CfClaim *claim)
{
  g_autoptr(CfCliClaimWriter) writer = cf_cli_claim_writer_new (kase);

  return cf_cli_claim_writer_to_json (writer, claim);
}

JsonObject *
cf_cli_tag_to_json (CfTag *tag)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", cf_tag_get_id (tag));
  if (cf_tag_get_parent_id (tag) != 0)
    json_object_set_int_member (o, "parent_id", cf_tag_get_parent_id (tag));
  else
    json_object_set_null_member (o, "parent_id");
  set_string (o, "name", cf_tag_get_name (tag));
  set_string (o, "path", cf_tag_get_path (tag));
  json_object_set_int_member (o, "depth", cf_tag_get_depth (tag));
  set_string (o, "color", cf_tag_get_color (tag));
  json_object_set_int_member (o, "claims", cf_tag_get_claim_count (tag));

  return o;
}

JsonObject *
cf_cli_note_to_json (CfNote *note)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", cf_note_get_id (note));
  set_string (o, "target", cf_note_target_to_code (cf_note_get_target (note)));
  if (cf_note_get_target (note) != CF_NOTE_TARGET_CASE)
    json_object_set_int_member (o, "target_id", cf_note_get_target_id (note));
  else
    json_object_set_null_member (o, "target_id");
  set_string (o, "body", cf_note_get_body (note));
  set_string (o, "created", cf_note_get_created (note));
  set_string (o, "modified", cf_note_get_modified (note));

  return o;
}

JsonObject *
cf_cli_hypothesis_to_json (CfHypothesis *hypothesis)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", cf_hypothesis_get_id (hypothesis));
  set_string (o, "title", cf_hypothesis_get_title (hypothesis));
  set_string (o, "description", cf_hypothesis_get_description (hypothesis));
  set_string (o, "likelihood",
              cf_likelihood_to_code (cf_hypothesis_get_likelihood (hypothesis)));
  set_string (o, "confidence",
              cf_confidence_to_code (cf_hypothesis_get_confidence (hypothesis)));
  json_object_set_int_member (o, "consistent", cf_hypothesis_get_n_consistent (hypothesis));
  json_object_set_int_member (o, "inconsistent",
                              cf_hypothesis_get_n_inconsistent (hypothesis));

  return o;
}

JsonObject *
cf_cli_actor_to_json (CfActor *actor)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", cf_actor_get_id (actor));
  set_string (o, "name", cf_actor_get_name (actor));
  set_string (o, "description", cf_actor_get_description (actor));
  json_object_set_int_member (o, "claims", cf_actor_get_claim_count (actor));

  return o;
}

/* --- plain tables ---------------------------------------------------------------- */

/* Long cells are cut so a row stays on one line of a terminal. */
#define CELL_MAX_CHARS 60

struct _CfCliTable
{
  guint      n_columns;
  gboolean   show_header;
  GPtrArray *cells;   /* row-major, header row first */
};

static char *
cell_text (const char *text)
{
  char *flat = g_strdup (text ? text : "");

  g_strdelimit (flat, "\n\r\t", ' ');
  return flat;
}

/* Cuts @cell in place to at most CELL_MAX_CHARS characters, ending with "…". */
static void
cut_cell (GPtrArray *cells,
          guint      index)
{
  char *cell = g_ptr_array_index (cells, index);

  if (g_utf8_strlen (cell, -1) > CELL_MAX_CHARS)
    {
      *g_utf8_offset_to_pointer (cell, CELL_MAX_CHARS - 1) = '\0';
      cells->pdata[index] = g_strconcat (cell, "…", NULL);
      g_free (cell);
    }
}

CfCliTable *
cf_cli_table_new (guint n_columns,
                  ...)
{
  CfCliTable *table = g_new0 (CfCliTable, 1);
  va_list args;

  table->n_columns = n_columns;
  table->show_header = TRUE;
  table->cells = g_ptr_array_new_with_free_func (g_free);

  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (table->cells, cell_text (va_arg (args, const char *)));
  va_end (args);

  return table;
}

void
cf_cli_table_add_row (CfCliTable *table,
                      ...)
{
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->cells, cell_text (va_arg (args, const char *)));
  va_end (args);
}

void
cf_cli_table_set_show_header (CfCliTable *table,
                              gboolean    show_header)
{
  table->show_header = show_header;
}

void
cf_cli_table_print (CfCliTable *table)
{
  g_autofree glong *widths = g_new0 (glong, table->n_columns);
  guint n_rows = table->cells->len / table->n_columns;

  for (guint i = 0; i < table->cells->len; i++)
    {
      /* a key/value listing shows its values whole; a table stays one line a row */
      if (table->show_header || i % table->n_columns + 1 < table->n_columns)
        cut_cell (table->cells, i);
    }

  for (guint i = table->show_header ? 0 : table->n_columns; i < table->cells->len; i++)
    {
      glong len = g_utf8_strlen (g_ptr_array_index (table->cells, i), -1);
      guint column = i % table->n_columns;

      widths[column] = MAX (widths[column], len);
    }

  for (guint row = table->show_header ? 0 : 1; row < n_rows; row++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint column = 0; column < table->n_columns; column++)
        {
          const char *cell = g_ptr_array_index (table->cells,
                                                row * table->n_columns + column);

          g_string_append (line, cell);
          if (column + 1 < table->n_columns)
            {
              /* pad by characters, not bytes, so accented names line up */
              for (glong pad = g_utf8_strlen (cell, -1); pad < widths[column] + 2; pad++)
                g_string_append_c (line, ' ');
            }
        }

      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

void
cf_cli_table_free (CfCliTable *table)
{
  g_ptr_array_unref (table->cells);
  g_free (table);
}

char *
cf_cli_read_stdin (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_string_append_len (text, buffer, n);
      if (text->len > CF_EXTRACT_MAX_INPUT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The text on standard input is larger than %d MB"),
                       CF_EXTRACT_MAX_INPUT / (1024 * 1024));
          return NULL;
        }
    }

  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read standard input"));
      return NULL;
    }

  if (!g_utf8_validate_len (text->str, text->len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The text on standard input is not UTF-8"));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
