/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: whole case files, the way SQLite's dbfuzz2 feeds it whole
 * databases. A case arrives by mail, so every byte of it is the sender's: each
 * input is written to a file and goes through what an analyst does with it (open,
 * check, list every kind of record, search, export as JSON, write the brief, add a
 * note) through the public core API only. Any step may refuse with a GError; none
 * may crash, hang or corrupt memory.
 *
 * Unique GLib warnings and criticals are printed once each (they are findings, but
 * they must not stop the run); CF_FUZZ_FATAL_CRITICALS=1 makes them abort. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "cf-brief.h"
#include "cf-case.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Bounds per input, so one huge case cannot stall the run. */
#define MAX_ROWS 64
#define MAX_TEXTS 8

static char *work_dir;
static char *case_path;
static char *pdf_path;
static GHashTable *seen_messages;
static gboolean fatal_criticals;

static void
log_once_cb (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      if (fatal_criticals && !(level & G_LOG_LEVEL_WARNING))
        g_error ("%s: %s", domain ? domain : "", message);
      if (!g_hash_table_contains (seen_messages, message))
        {
          g_hash_table_add (seen_messages, g_strdup (message));
          g_printerr ("fuzz-case: new %s from %s: %s\n",
                      (level & G_LOG_LEVEL_WARNING) ? "warning" : "critical",
                      domain ? domain : "?", message);
        }
    }
}

/* Libraries that log through the structured API (Pango does) come here. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = "";

  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }
  log_once_cb (domain, level, message, NULL);
  return G_LOG_WRITER_HANDLED;
}

/* Leaves nothing from the previous input beside the case: side files are inputs
 * of their own, and another harness would have to feed them. */
static void
remove_leftovers (void)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (case_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_unlink (pdf_path);
}

/* libFuzzer's forked jobs each make a folder; each takes it away when it exits. */
static void
remove_work_dir (void)
{
  remove_leftovers ();
  g_rmdir (work_dir);
}

static void
init_once (void)
{
  g_autoptr(GError) error = NULL;

  if (work_dir != NULL)
    return;
  work_dir = g_dir_make_tmp ("cf-fuzz-case-XXXXXX", &error);
  g_assert_no_error (error);
  case_path = g_build_filename (work_dir, "case.casefile", NULL);
  pdf_path = g_build_filename (work_dir, "brief.pdf", NULL);
  seen_messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fatal_criticals = g_strcmp0 (g_getenv ("CF_FUZZ_FATAL_CRITICALS"), "1") == 0;
  g_log_set_default_handler (log_once_cb, NULL);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  atexit (remove_work_dir);
  /* the brief's date is fixed so its pages do not depend on the clock */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
}

/* Reads a string the way a view would, so the sanitizers see every byte. */
static gsize
touch (const char *s)
{
  return s != NULL ? strlen (s) : 0;
}

static void
walk_documents (CfCase *kase)
{
  g_autoptr(GListModel) model = cf_case_list_documents (kase);
  guint n = MIN (g_list_model_get_n_items (model), MAX_ROWS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfDocument) doc = g_list_model_get_item (model, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) notes = NULL;

      if (doc == NULL)
        continue;
      touch (cf_document_get_title (doc));
      touch (cf_document_get_byline (doc));
      touch (cf_document_get_publisher (doc));
      touch (cf_document_get_url (doc));
      touch (cf_document_get_published (doc));
      touch (cf_document_get_language (doc));
      touch (cf_document_get_note (doc));
      touch (cf_document_get_sha256 (doc));
      cf_document_get_length (doc);
      cf_document_get_claim_count (doc);
      if (i < MAX_TEXTS)
        {
          g_autofree char *text = cf_case_get_document_text (kase, cf_document_get_id (doc),
                                                             &error);

          touch (text);
        }
      notes = cf_case_list_notes (kase, CF_NOTE_TARGET_DOCUMENT, cf_document_get_id (doc));
      g_list_model_get_n_items (notes);
    }
}

static void
walk_claims (CfCase *kase)
{
  g_autoptr(GListModel) model = cf_case_list_claims (kase);
  guint n = MIN (g_list_model_get_n_items (model), MAX_ROWS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (model, i);
      g_autoptr(GListModel) notes = NULL;
      guint n_tags = 0;

      if (claim == NULL)
        continue;
      touch (cf_claim_get_document_title (claim));
      touch (cf_claim_get_quote (claim));
      touch (cf_claim_get_prefix (claim));
      touch (cf_claim_get_suffix (claim));
      touch (cf_claim_get_paraphrase (claim));
      touch (cf_claim_get_actor_name (claim));
      touch (cf_claim_get_event_date (claim));
      touch (cf_claim_get_grade (claim));
      touch (cf_claim_get_tag_names (claim));
      touch (cf_claim_get_color (claim));
      cf_claim_get_tag_ids (claim, &n_tags);
      notes = cf_case_list_notes (kase, CF_NOTE_TARGET_CLAIM, cf_claim_get_id (claim));
      g_list_model_get_n_items (notes);
    }
}

static void
walk_tags_and_notes (CfCase *kase)
{
  g_autoptr(GListModel) tags = cf_case_list_tags (kase);
  g_autoptr(GListModel) notes = cf_case_list_notes (kase, CF_NOTE_TARGET_CASE, 0);
  g_autoptr(GListModel) actors = cf_case_list_actors (kase);
  g_autoptr(GListModel) hypotheses = cf_case_list_hypotheses (kase);

  for (guint i = 0; i < MIN (g_list_model_get_n_items (tags), MAX_ROWS); i++)
    {
      g_autoptr(CfTag) tag = g_list_model_get_item (tags, i);

      if (tag == NULL)
        continue;
      touch (cf_tag_get_path (tag));
      touch (cf_tag_get_color (tag));
      cf_tag_get_claim_count (tag);
    }
  for (guint i = 0; i < MIN (g_list_model_get_n_items (notes), MAX_ROWS); i++)
    {
      g_autoptr(CfNote) note = g_list_model_get_item (notes, i);

      if (note != NULL)
        touch (cf_note_get_body (note));
    }
  g_list_model_get_n_items (actors);
  g_list_model_get_n_items (hypotheses);
}

static void
search (CfCase *kase)
{
  static const char *queries[] = { "the", "\"a claim\"", "st*", NULL };

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = cf_case_search (kase, queries[i], 20, &error);

      for (guint k = 0; hits != NULL && k < hits->len; k++)
        {
          CfSearchHit *hit = g_ptr_array_index (hits, k);

          touch (hit->title);
          touch (hit->snippet);
        }
    }
}

static void
export_json (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cf_case_export_json (kase, &error);

  if (node != NULL)
    {
      g_autofree char *text = json_to_string (node, FALSE);

      touch (text);
    }
}

static void
write_brief (CfCase *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBrief) brief = NULL;
  CfBriefOptions options;

  cf_brief_options_init (&options);
  options.paper = CF_BRIEF_PAPER_A4;
  brief = cf_brief_new (kase, &options, &error);
  if (brief != NULL)
    cf_brief_write_pdf (brief, pdf_path, &error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  init_once ();
  remove_leftovers ();
  if (!g_file_set_contents (case_path, (const char *) data, size, &error))
    g_error ("cannot write the input: %s", error->message);

  kase = cf_case_open (case_path, CF_CASE_OPEN_DEFAULT, &error);
  if (kase == NULL)
    {
      g_assert (error != NULL && error->domain == CF_CASE_ERROR);
      return 0;
    }

  problems = cf_case_check (kase, &error);
  g_clear_error (&error);
  walk_documents (kase);
  walk_claims (kase);
  walk_tags_and_notes (kase);
  search (kase);
  export_json (kase);
  write_brief (kase);
  /* an edit last: a planted trigger or a broken index shows on the first write */
  if (!cf_case_get_read_only (kase))
    cf_case_add_note (kase, CF_NOTE_TARGET_CASE, 0, "fuzz", &error);
  cf_case_close (kase);
  return 0;
}
