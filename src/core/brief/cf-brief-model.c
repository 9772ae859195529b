/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief's model: everything it shows, read from the case once (so later edits
 * do not change a brief being printed) into plain records: claims in reading order
 * with their ratings, tags, notes and relations, hypotheses with the claims that
 * bear on them, sources numbered as the brief cites them. Contested claims (the
 * opposite relation to the same hypothesis) are found here too, so the blocks only
 * have to say what the model already knows. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-brief-private.h"
#include "cf-record-list.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

char *
_cf_brief_dup_stripped (const char *text)
{
  if (is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

/* What one field may add to the brief. A label (a title, a name, a date) longer than
 * a few lines is cut; a text (a quote, a note, a summary) only far beyond any real
 * one; so a hostile case cannot make a brief of thousands of pages, and the running
 * header lays out a few hundred characters at most. */
#define MAX_LABEL_CHARS  300
#define MAX_TEXT_CHARS   50000
/* Pango wraps a word wider than a line character by character, at a cost that grows
 * with the square of the word's length: in a text, a break opportunity (U+200B, zero
 * width space) after this many characters without a space keeps layout linear. */
#define MAX_WORD_CHARS   60

/* @text stripped, cut after @max_chars characters with an ellipsis, and with break
 * opportunities in overlong words when @breaks; NULL when blank. Bytes that are not
 * UTF-8 (a hand-edited or damaged file) become U+FFFD: Pango and GMarkup refuse
 * such text, and everything after the model takes the model's text as valid. */
static char *
dup_capped (const char *text,
            guint       max_chars,
            gboolean    breaks)
{
  g_autofree char *valid = text != NULL ? g_utf8_make_valid (text, -1) : NULL;
  g_autofree char *stripped = _cf_brief_dup_stripped (valid);
  GString *out;
  guint n = 0;
  guint run = 0;

  if (stripped == NULL)
    return NULL;
  out = g_string_sized_new (strlen (stripped) + 16);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (n == max_chars)
        {
          while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
            g_string_truncate (out, out->len - 1);
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_isspace (ch) || ch == 0x200B)
        run = 0;
      else if (breaks && ++run > MAX_WORD_CHARS)
        {
          g_string_append_unichar (out, 0x200B);
          run = 1;
        }
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

static char *
dup_label (const char *text)
{
  return dup_capped (text, MAX_LABEL_CHARS, FALSE);
}

static char *
dup_text (const char *text)
{
  return dup_capped (text, MAX_TEXT_CHARS, TRUE);
}

/* Longer addresses are shown cut and not linked. */
#define MAX_LINK_BYTES  2048

/* @url as a link target, or NULL: only web and mail addresses become links, so a
 * javascript: or file: address in a case someone sent is not one click away. */
static char *
dup_link (const char *url)
{
  g_autofree char *link = _cf_brief_dup_stripped (url);
  const char *scheme;

  if (link == NULL || strlen (link) > MAX_LINK_BYTES || !g_utf8_validate (link, -1, NULL))
    return NULL;
  for (const char *p = link; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p) || *p == ' ')
      return NULL;
  scheme = g_uri_peek_scheme (link);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0 &&
      g_strcmp0 (scheme, "mailto") != 0)
    return NULL;
  return g_steal_pointer (&link);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

void
_cf_brief_claim_free (BriefClaim *claim)
{
  g_free (claim->quote);
  g_free (claim->paraphrase);
  g_free (claim->actor);
  g_free (claim->document_title);
  g_free (claim->event_date);
  g_free (claim->tag_names);
  g_free (claim->color);
  g_clear_pointer (&claim->notes, g_ptr_array_unref);
  g_clear_pointer (&claim->relations, g_array_unref);
  g_clear_pointer (&claim->opposing, g_array_unref);
  g_free (claim);
}

void
_cf_brief_hypothesis_free (BriefHypothesis *hypothesis)
{
  g_free (hypothesis->title);
  g_free (hypothesis->description);
  for (guint i = 0; i <= CF_RELATION_LAST; i++)
    g_clear_pointer (&hypothesis->by_relation[i], g_ptr_array_unref);
  g_free (hypothesis);
}

void
_cf_brief_source_free (BriefSource *source)
{
  g_free (source->title);
  g_free (source->byline);
  g_free (source->publisher);
  g_free (source->published);
  g_free (source->captured);
  g_free (source->url);
  g_free (source->link);
  g_free (source->sha256);
  g_clear_pointer (&source->notes, g_ptr_array_unref);
  g_free (source);
}

void
_cf_brief_tag_free (BriefTag *tag)
{
  g_free (tag->path);
  g_free (tag->color);
  g_clear_pointer (&tag->claims, g_ptr_array_unref);
  g_free (tag);
}

static GPtrArray *
load_notes (CfCase       *kase,
            CfNoteTarget  target,
            gint64        target_id)
{
  g_autoptr(GListModel) notes = cf_case_list_notes (kase, target, target_id);
  GPtrArray *bodies = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (notes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfNote) note = g_list_model_get_item (notes, i);
      char *body = dup_text (cf_note_get_body (note));

      if (body != NULL)
        g_ptr_array_add (bodies, body);
    }
  return bodies;
}

void
_cf_brief_load_case (CfBrief *self,
                     CfCase  *kase)
{
  g_autoptr(GListModel) documents = cf_case_list_documents (kase);
  g_autoptr(GListModel) hypotheses = cf_case_list_hypotheses (kase);
  g_autoptr(GListModel) tags = cf_case_list_tags (kase);
  g_autoptr(GListModel) claims = cf_case_list_claims (kase);
  g_autoptr(GHashTable) source_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) tag_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *title = cf_case_get_info (kase, CF_CASE_FIELD_TITLE);
  guint n;

  self->title = dup_label (title);
  if (self->title == NULL)
    self->title = g_strdup (_("Untitled case"));
  self->summary = dup_text (cf_case_get_info (kase, CF_CASE_FIELD_SUMMARY));
  self->incident_date = dup_label (cf_case_get_info (kase, CF_CASE_FIELD_INCIDENT_DATE));
  self->marking = dup_label (cf_case_get_info (kase, CF_CASE_FIELD_MARKING));
  self->analyst = dup_label (cf_case_get_info (kase, CF_CASE_FIELD_ANALYST));
  self->case_path = g_strdup (cf_case_get_path (kase));
  self->case_notes = self->include_notes ? load_notes (kase, CF_NOTE_TARGET_CASE, 0)
                                         : g_ptr_array_new_with_free_func (g_free);
  _cf_brief_load_ach (self, kase);

  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfDocument) document = g_list_model_get_item (documents, i);
      BriefSource *source = g_new0 (BriefSource, 1);

      source->id = cf_document_get_id (document);
      source->number = i + 1;
      source->title = dup_label (cf_document_get_title (document));
      source->byline = dup_label (cf_document_get_byline (document));
      source->publisher = dup_label (cf_document_get_publisher (document));
      source->published = dup_label (cf_document_get_published (document));
      source->captured = dup_label (cf_document_get_captured (document));
      source->url = dup_label (cf_document_get_url (document));
      source->link = dup_link (cf_document_get_url (document));
      source->sha256 = dup_label (cf_document_get_sha256 (document));
      source->notes = self->include_notes ? load_notes (kase, CF_NOTE_TARGET_DOCUMENT, source->id)
                                          : g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->sources, source);
      g_hash_table_insert (source_by_id, &source->id, source);
    }

  n = g_list_model_get_n_items (hypotheses);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfHypothesis) item = g_list_model_get_item (hypotheses, i);
      BriefHypothesis *h = g_new0 (BriefHypothesis, 1);

      h->id = cf_hypothesis_get_id (item);
      h->number = i + 1;
      h->title = dup_label (cf_hypothesis_get_title (item));
      if (h->title == NULL)
        h->title = g_strdup (_("Untitled hypothesis"));
      h->description = dup_text (cf_hypothesis_get_description (item));
      h->likelihood = cf_hypothesis_get_likelihood (item);
      h->confidence = cf_hypothesis_get_confidence (item);
      for (guint r = 0; r <= CF_RELATION_LAST; r++)
        h->by_relation[r] = g_ptr_array_new ();
      g_ptr_array_add (self->hypotheses, h);
    }

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfTag) item = g_list_model_get_item (tags, i);
      BriefTag *tag = g_new0 (BriefTag, 1);

      tag->id = cf_tag_get_id (item);
      tag->path = dup_label (cf_tag_get_path (item) != NULL ? cf_tag_get_path (item)
                                                             : cf_tag_get_name (item));
      if (tag->path == NULL)
        tag->path = g_strdup ("");
      tag->color = g_strdup (cf_tag_get_color (item));
      tag->claims = g_ptr_array_new ();
      g_ptr_array_add (self->tags, tag);
      g_hash_table_insert (tag_by_id, &tag->id, tag);
    }

  _cf_brief_load_chronology (self, kase);
  cf_record_list_set_sort (CF_RECORD_LIST (claims), CF_CLAIM_SORT_POSITION, FALSE);
  n = g_list_model_get_n_items (claims);
  self->n_claims_in_case = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfClaim) item = g_list_model_get_item (claims, i);
      BriefClaim *claim;
      BriefSource *source;
      BriefTag *tag;
      const gint64 *tag_ids;
      guint n_tags = 0;

      if (self->min_confidence != CF_CONFIDENCE_NONE &&
          cf_claim_get_confidence (item) < self->min_confidence)
        continue;

      claim = g_new0 (BriefClaim, 1);
      claim->id = cf_claim_get_id (item);
      claim->document_id = cf_claim_get_document_id (item);
      claim->quote = dup_text (cf_claim_get_quote (item));
      if (claim->quote == NULL)
        claim->quote = g_strdup ("");
      claim->paraphrase = dup_text (cf_claim_get_paraphrase (item));
      claim->actor = dup_label (cf_claim_get_actor_name (item));
      claim->document_title = dup_label (cf_claim_get_document_title (item));
      claim->event_date = dup_label (cf_claim_get_event_date (item));
      claim->tag_names = dup_text (cf_claim_get_tag_names (item));
      claim->color = g_strdup (cf_claim_get_color (item));
      claim->reliability = cf_claim_get_reliability (item);
      claim->credibility = cf_claim_get_credibility (item);
      claim->likelihood = cf_claim_get_likelihood (item);
      claim->confidence = cf_claim_get_confidence (item);
      if (claim->document_id > 0)
        claim->page = (guint) MAX (0, cf_case_get_page_for_offset (kase, claim->document_id,
                                                                   cf_claim_get_start (item), NULL));
      claim->notes = self->include_notes ? load_notes (kase, CF_NOTE_TARGET_CLAIM, claim->id)
                                         : g_ptr_array_new_with_free_func (g_free);
      claim->relations = g_array_sized_new (FALSE, TRUE, sizeof (CfRelation), self->hypotheses->len);
      claim->opposing = g_array_new (FALSE, FALSE, sizeof (gint64));

      source = g_hash_table_lookup (source_by_id, &claim->document_id);
      if (source != NULL)
        {
          claim->source_number = source->number;
          source->n_claims++;
          if (claim->document_title == NULL)
            claim->document_title = g_strdup (source->title);
        }

      tag_ids = cf_claim_get_tag_ids (item, &n_tags);
      claim->n_tags = n_tags;
      tag = n_tags > 0 ? g_hash_table_lookup (tag_by_id, &tag_ids[0]) : NULL;
      if (tag != NULL)
        {
          claim->first_tag = tag->id;
          g_ptr_array_add (tag->claims, claim);
        }

      for (guint h = 0; h < self->hypotheses->len; h++)
        {
          BriefHypothesis *hypothesis = g_ptr_array_index (self->hypotheses, h);
          CfRelation relation = cf_case_get_claim_relation (kase, claim->id, hypothesis->id);

          if (relation > CF_RELATION_LAST)
            relation = CF_RELATION_NONE;
          g_array_append_val (claim->relations, relation);
          if (relation != CF_RELATION_NONE)
            g_ptr_array_add (hypothesis->by_relation[relation], claim);
        }

      g_ptr_array_add (self->claims, claim);
    }

  /* A claim is contested when another claim in the brief has the opposite relation
   * (consistent against inconsistent) to one of the same hypotheses. */
  for (guint h = 0; h < self->hypotheses->len; h++)
    {
      BriefHypothesis *hypothesis = g_ptr_array_index (self->hypotheses, h);
      GPtrArray *consistent = hypothesis->by_relation[CF_RELATION_CONSISTENT];
      GPtrArray *inconsistent = hypothesis->by_relation[CF_RELATION_INCONSISTENT];

      for (guint a = 0; a < consistent->len; a++)
        for (guint b = 0; b < inconsistent->len; b++)
          {
            BriefClaim *ca = g_ptr_array_index (consistent, a);
            BriefClaim *cb = g_ptr_array_index (inconsistent, b);

            g_array_append_val (ca->opposing, cb->id);
            g_array_append_val (cb->opposing, ca->id);
          }
    }
  for (guint i = 0; i < self->claims->len; i++)
    {
      BriefClaim *claim = g_ptr_array_index (self->claims, i);
      GArray *ids = claim->opposing;
      guint kept = 0;

      /* the same claim can oppose on several hypotheses */
      g_array_sort (ids, compare_ids);
      for (guint k = 0; k < ids->len; k++)
        if (kept == 0 || g_array_index (ids, gint64, kept - 1) != g_array_index (ids, gint64, k))
          g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, k);
      g_array_set_size (ids, kept);
    }
}
