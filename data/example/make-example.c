/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builds the example case file from example.json and the source texts beside it.
 *
 * Usage: make-example EXAMPLE.json OUTPUT.casefile
 *
 * Run at build time; any quote that is not in its document, unknown rating or
 * unknown tag fails the build, so the example never drifts from its texts. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cf-case.h"
#include "cf-case-timeline.h"

typedef struct
{
  CfCase     *kase;
  char       *srcdir;
  GHashTable *documents;    /* key → id (gint64 in a pointer-sized box) */
  GHashTable *hypotheses;   /* key → id */
} Builder;

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_node_get_string (node);
}

static gint64 *
box_id (gint64 id)
{
  gint64 *box = g_new (gint64, 1);

  *box = id;
  return box;
}

static gboolean
add_tags (Builder    *b,
          JsonArray  *tags,
          gint64      parent_id,
          GError    **error)
{
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonObject *tag = json_array_get_object_element (tags, i);
      gint64 id;

      id = cf_case_add_tag (b->kase, get_string (tag, "name"), parent_id,
                            get_string (tag, "color"), error);
      if (id <= 0)
        return FALSE;

      if (json_object_has_member (tag, "children") &&
          !add_tags (b, json_object_get_array_member (tag, "children"), id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_hypotheses (Builder    *b,
                JsonArray  *hypotheses,
                GError    **error)
{
  for (guint i = 0; i < json_array_get_length (hypotheses); i++)
    {
      JsonObject *h = json_array_get_object_element (hypotheses, i);
      CfLikelihood likelihood = CF_LIKELIHOOD_NONE;
      CfConfidence confidence = CF_CONFIDENCE_NONE;
      gint64 id;

      if ((get_string (h, "likelihood") &&
           !cf_likelihood_from_code (get_string (h, "likelihood"), &likelihood)) ||
          (get_string (h, "confidence") &&
           !cf_confidence_from_code (get_string (h, "confidence"), &confidence)))
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                       "hypothesis “%s” has a bad likelihood or confidence",
                       get_string (h, "key"));
          return FALSE;
        }

      id = cf_case_add_hypothesis (b->kase, get_string (h, "title"),
                                   get_string (h, "description"), error);
      if (id <= 0 ||
          !cf_case_set_hypothesis_likelihood (b->kase, id, likelihood, error) ||
          !cf_case_set_hypothesis_confidence (b->kase, id, confidence, error))
        return FALSE;

      g_hash_table_insert (b->hypotheses, g_strdup (get_string (h, "key")), box_id (id));
    }

  return TRUE;
}

static gboolean
add_notes (Builder       *b,
           JsonObject    *object,
           CfNoteTarget   target,
           gint64         target_id,
           GError       **error)
{
  JsonArray *notes;

  if (!json_object_has_member (object, "notes"))
    return TRUE;

  notes = json_object_get_array_member (object, "notes");
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      if (cf_case_add_note (b->kase, target, target_id,
                            json_array_get_string_element (notes, i), error) <= 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_documents (Builder    *b,
               JsonArray  *documents,
               GError    **error)
{
  static const struct { const char *member; CfDocumentField field; } fields[] = {
    { "title", CF_DOCUMENT_FIELD_TITLE },
    { "byline", CF_DOCUMENT_FIELD_BYLINE },
    { "publisher", CF_DOCUMENT_FIELD_PUBLISHER },
    { "url", CF_DOCUMENT_FIELD_URL },
    { "published", CF_DOCUMENT_FIELD_PUBLISHED },
    { "language", CF_DOCUMENT_FIELD_LANGUAGE },
  };

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *d = json_array_get_object_element (documents, i);
      g_autofree char *path = g_build_filename (b->srcdir, get_string (d, "file"), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CfImport) import = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 id;

      import = cf_import_read_file (file, NULL, error);
      if (import == NULL)
        return FALSE;
      ids = cf_case_add_import (b->kase, import, error);
      if (ids == NULL)
        return FALSE;
      if (ids->len != 1)
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                       "%s gave %u documents, not one", path, ids->len);
          return FALSE;
        }
      id = g_array_index (ids, gint64, 0);

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          const char *value = get_string (d, fields[j].member);

          if (value != NULL &&
              !cf_case_set_document_field (b->kase, id, fields[j].field, value, error))
            return FALSE;
        }

      if (!add_notes (b, d, CF_NOTE_TARGET_DOCUMENT, id, error))
        return FALSE;

      g_hash_table_insert (b->documents, g_strdup (get_string (d, "key")), box_id (id));
    }

  return TRUE;
}

static gboolean
rate_claim (Builder     *b,
            gint64       id,
            JsonObject  *c,
            GError     **error)
{
  CfReliability reliability = CF_RELIABILITY_NONE;
  CfCredibility credibility = CF_CREDIBILITY_NONE;
  CfLikelihood likelihood = CF_LIKELIHOOD_NONE;
  CfConfidence confidence = CF_CONFIDENCE_NONE;
  const char *r = get_string (c, "reliability");
  const char *k = get_string (c, "credibility");
  const char *l = get_string (c, "likelihood");
  const char *f = get_string (c, "confidence");

  if ((r && !cf_reliability_from_code (r, &reliability)) ||
      (k && !cf_credibility_from_code (k, &credibility)) ||
      (l && !cf_likelihood_from_code (l, &likelihood)) ||
      (f && !cf_confidence_from_code (f, &confidence)))
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   "claim “%s” has a bad rating", get_string (c, "quote"));
      return FALSE;
    }

  return cf_case_set_claim_reliability (b->kase, id, reliability, error) &&
         cf_case_set_claim_credibility (b->kase, id, credibility, error) &&
         cf_case_set_claim_likelihood (b->kase, id, likelihood, error) &&
         cf_case_set_claim_confidence (b->kase, id, confidence, error);
}

static gboolean
add_claims (Builder    *b,
            JsonArray  *claims,
            GError    **error)
{
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *c = json_array_get_object_element (claims, i);
      const char *quote = get_string (c, "quote");
      const gint64 *document_id = g_hash_table_lookup (b->documents,
                                                       get_string (c, "document"));
      guint occurrence = 0;
      gint start;
      gint64 id;

      if (document_id == NULL)
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                       "claim “%s” names an unknown document", quote);
          return FALSE;
        }
      if (json_object_has_member (c, "occurrence"))
        occurrence = json_object_get_int_member (c, "occurrence");

      start = cf_case_find_quote (b->kase, *document_id, quote, occurrence, error);
      if (start < 0)
        return FALSE;

      id = cf_case_add_claim (b->kase, *document_id, start,
                              start + g_utf8_strlen (quote, -1), quote, error);
      if (id <= 0)
        return FALSE;

      if (get_string (c, "actor") &&
          !cf_case_set_claim_actor_name (b->kase, id, get_string (c, "actor"), error))
        return FALSE;
      if (get_string (c, "paraphrase") &&
          !cf_case_set_claim_paraphrase (b->kase, id, get_string (c, "paraphrase"), error))
        return FALSE;
      if (!rate_claim (b, id, c, error))
        return FALSE;
      if (get_string (c, "event_date") &&
          !cf_case_set_claim_event_date (b->kase, id, get_string (c, "event_date"), error))
        return FALSE;

      if (json_object_has_member (c, "tags"))
        {
          JsonArray *tags = json_object_get_array_member (c, "tags");

          for (guint j = 0; j < json_array_get_length (tags); j++)
            {
              const char *path = json_array_get_string_element (tags, j);
              gint64 tag_id = cf_case_find_tag (b->kase, path);

              if (tag_id == 0)
                {
                  g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                               "claim “%s” names an unknown tag “%s”", quote, path);
                  return FALSE;
                }
              if (!cf_case_add_claim_tag (b->kase, id, tag_id, error))
                return FALSE;
            }
        }

      if (json_object_has_member (c, "hypotheses"))
        {
          JsonObject *relations = json_object_get_object_member (c, "hypotheses");
          g_autoptr(GList) keys = json_object_get_members (relations);

          for (GList *l = keys; l != NULL; l = l->next)
            {
              const gint64 *hypothesis_id = g_hash_table_lookup (b->hypotheses, l->data);
              const char *code = json_object_get_string_member (relations, l->data);
              CfRelation relation;

              if (hypothesis_id == NULL || !cf_relation_from_code (code, &relation))
                {
                  g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                               "claim “%s”: bad hypothesis relation %s: %s",
                               quote, (const char *) l->data, code);
                  return FALSE;
                }
              if (!cf_case_set_claim_relation (b->kase, id, *hypothesis_id, relation, error))
                return FALSE;
            }
        }

      if (!add_notes (b, c, CF_NOTE_TARGET_CLAIM, id, error))
        return FALSE;
    }

  return TRUE;
}

static JsonArray *
optional_array (JsonObject *object,
                const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_array_member (object, name) : NULL;
}

/* The analysis of competing hypotheses beyond the claims' relations: assumptions
 * and absences of evidence, actors marked possibly deceptive, and indicators. */
static gboolean
add_analysis (Builder     *b,
              JsonObject  *analysis,
              GError     **error)
{
  JsonArray *actors = optional_array (analysis, "deceptive_actors");
  JsonArray *evidence = optional_array (analysis, "evidence");
  JsonArray *indicators = optional_array (analysis, "indicators");

  for (guint i = 0; actors != NULL && i < json_array_get_length (actors); i++)
    {
      gint64 actor = cf_case_ensure_actor (b->kase, json_array_get_string_element (actors, i), error);

      if (actor <= 0 || !cf_case_set_actor_deceptive (b->kase, actor, TRUE, error))
        return FALSE;
    }
  for (guint i = 0; evidence != NULL && i < json_array_get_length (evidence); i++)
    {
      JsonObject *e = json_array_get_object_element (evidence, i);
      JsonObject *relations = json_object_has_member (e, "hypotheses")
                              ? json_object_get_object_member (e, "hypotheses") : NULL;
      g_autoptr(GList) keys = relations ? json_object_get_members (relations) : NULL;
      CfEvidenceKind kind = CF_EVIDENCE_QUOTE;
      CfRelevance relevance = CF_RELEVANCE_NONE;
      gint64 id;

      if (!cf_evidence_kind_from_code (get_string (e, "kind"), &kind) ||
          (get_string (e, "relevance") && !cf_relevance_from_code (get_string (e, "relevance"), &relevance)))
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, "evidence %u has a bad kind or relevance", i);
          return FALSE;
        }
      id = cf_case_add_evidence (b->kase, kind, get_string (e, "statement"), error);
      if (id <= 0 || !cf_case_set_claim_relevance (b->kase, id, relevance, error))
        return FALSE;
      for (GList *l = keys; l != NULL; l = l->next)
        {
          const gint64 *hypothesis_id = g_hash_table_lookup (b->hypotheses, l->data);
          CfRelation relation;

          if (hypothesis_id == NULL ||
              !cf_relation_from_code (json_object_get_string_member (relations, l->data), &relation))
            {
              g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, "evidence %u: bad relation to %s",
                           i, (const char *) l->data);
              return FALSE;
            }
          if (!cf_case_set_claim_relation (b->kase, id, *hypothesis_id, relation, error))
            return FALSE;
        }
    }
  for (guint i = 0; indicators != NULL && i < json_array_get_length (indicators); i++)
    {
      JsonObject *o = json_array_get_object_element (indicators, i);
      const gint64 *hypothesis_id = g_hash_table_lookup (b->hypotheses, get_string (o, "hypothesis"));
      CfIndicatorStatus status = CF_INDICATOR_UNSEEN;
      gint64 id;

      if (hypothesis_id == NULL || !cf_indicator_status_from_code (get_string (o, "status"), &status))
        {
          g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID, "indicator %u: bad hypothesis or status", i);
          return FALSE;
        }
      id = cf_case_add_indicator (b->kase, *hypothesis_id, get_string (o, "description"), error);
      if (id <= 0 || !cf_case_set_indicator_status (b->kase, id, status, 0, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
build (Builder     *b,
       JsonObject  *root,
       GError     **error)
{
  static const struct { const char *member; CfCaseField field; } fields[] = {
    { "summary", CF_CASE_FIELD_SUMMARY },
    { "marking", CF_CASE_FIELD_MARKING },
    { "analyst", CF_CASE_FIELD_ANALYST },
    { "incident_date", CF_CASE_FIELD_INCIDENT_DATE },
  };
  JsonObject *info = json_object_get_object_member (root, "case");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = get_string (info, fields[i].member);

      if (value != NULL && !cf_case_set_info (b->kase, fields[i].field, value, error))
        return FALSE;
    }

  if (get_string (info, "timezone") && !cf_case_set_timezone (b->kase, get_string (info, "timezone"), error))
    return FALSE;

  return add_tags (b, json_object_get_array_member (root, "tags"), 0, error) &&
         add_hypotheses (b, json_object_get_array_member (root, "hypotheses"), error) &&
         add_documents (b, json_object_get_array_member (root, "documents"), error) &&
         add_claims (b, json_object_get_array_member (root, "claims"), error) &&
         (!json_object_has_member (root, "analysis") ||
          add_analysis (b, json_object_get_object_member (root, "analysis"), error)) &&
         add_notes (b, root, CF_NOTE_TARGET_CASE, 0, error);
}

static int
fail (const char   *what,
      const GError *error,
      const char   *tmp_path)
{
  g_printerr ("make-example: %s: %s\n", what, error->message);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  return EXIT_FAILURE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *tmp_path = NULL;
  Builder b = { 0 };
  JsonObject *root;
  gboolean ok;

  if (argc != 3)
    {
      g_printerr ("Usage: make-example EXAMPLE.json OUTPUT.casefile\n");
      return 2;
    }

  if (!json_parser_load_from_file (parser, argv[1], &error))
    return fail (argv[1], error, NULL);
  root = json_node_get_object (json_parser_get_root (parser));

  /* build beside the output and rename, so a failed build leaves no half case */
  tmp_path = g_strconcat (argv[2], ".tmp", NULL);
  g_unlink (tmp_path);

  b.kase = cf_case_create (tmp_path,
                           get_string (json_object_get_object_member (root, "case"), "title"),
                           &error);
  if (b.kase == NULL)
    return fail (tmp_path, error, NULL);

  b.srcdir = g_path_get_dirname (argv[1]);
  b.documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.hypotheses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  cf_case_set_undo_enabled (b.kase, FALSE);
  cf_case_begin_action (b.kase, "Build the example case");
  ok = build (&b, root, &error);
  if (ok)
    ok = cf_case_end_action (b.kase, &error);
  else
    cf_case_cancel_action (b.kase);

  if (ok)
    {
      problems = cf_case_check (b.kase, &error);
      ok = problems != NULL;
    }

  cf_case_close (b.kase);
  g_clear_object (&b.kase);
  g_free (b.srcdir);
  g_hash_table_unref (b.documents);
  g_hash_table_unref (b.hypotheses);

  if (!ok)
    return fail (argv[1], error, tmp_path);

  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("make-example: %s\n", (const char *) g_ptr_array_index (problems, i));
      g_unlink (tmp_path);
      return EXIT_FAILURE;
    }

  if (g_rename (tmp_path, argv[2]) != 0)
    {
      int saved_errno = errno;

      g_printerr ("make-example: cannot rename %s to %s: %s\n",
                  tmp_path, argv[2], g_strerror (saved_errno));
      g_unlink (tmp_path);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
