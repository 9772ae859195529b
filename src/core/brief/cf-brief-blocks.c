/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The blocks: what the brief says, in order, as styled paragraphs (Pango markup)
 * grouped into blocks that pagination keeps together or breaks between lines —
 * front matter, bottom line, key judgments, claims by tag or by hypothesis,
 * sources, notes. Everything from the case is escaped here; nothing after this
 * stage looks at the model again. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-brief-private.h"

static gboolean
parse_color (const char *text,
             Rgb        *out)
{
  guint value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (guint) digit;
    }
  out->r = ((value >> 16) & 0xff) / 255.0;
  out->g = ((value >> 8) & 0xff) / 255.0;
  out->b = (value & 0xff) / 255.0;
  return TRUE;
}

char *
_cf_brief_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Escaped and wrapped in a first-strong isolate (FSI … PDI): an Arabic actor or
 * title keeps its own direction inside a label line without reordering the line. */
static char *
escape_isolated (const char *text)
{
  g_autofree char *escaped = _cf_brief_escape (text);

  return g_strdup_printf ("\u2068%s\u2069", escaped);
}

/* The first words of @text, cut at a word boundary, with an ellipsis. */
static char *
excerpt (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  const char *cut;
  const char *space = NULL;
  const char *p;
  guint n = 0;

  g_strdelimit (flat, "\n\r\t", ' ');
  for (p = flat; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    if (*p == ' ')
      space = p;
  if (*p == '\0')
    return g_strstrip (g_steal_pointer (&flat));
  cut = (space != NULL && space > flat + max_chars / 2) ? space : p;
  return g_strdup_printf ("%.*s…", (int) (cut - flat), flat);
}

/* Marks a selection may carry at its ends that are no part of the words. */
static gboolean
is_stray (gunichar c)
{
  return g_unichar_isspace (c) || c == ',' || c == ';' || c == ':' || c == '-' ||
         c == 0x2013 || c == 0x2014 || c == 0x00b7 || c == 0x00a0;
}

static gboolean
is_double_mark (gunichar c)
{
  return c == '"' || c == 0x201c || c == 0x201d || c == 0x201e || c == 0x00ab || c == 0x00bb;
}

/* The quote as it stands between the brief's own quotation marks: without the
 * spaces and stray punctuation a selection picked up at its ends, without marks
 * that would double ours (a quote wholly in quotation marks loses them; a closing
 * mark whose opening lies outside the quote goes, and the other way round), and
 * with quotation marks inside it made single, as quotes within a quote are. */
static char *
quote_body (const char *quote)
{
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (quote != NULL ? quote : "", -1, NULL);
  glong from = 0, to = 0;
  guint n_double = 0;
  GString *out = g_string_new (NULL);

  while (chars[to] != 0)
    to++;
  while (from < to && is_stray (chars[from]))
    from++;
  while (to > from && is_stray (chars[to - 1]))
    to--;

  for (glong i = from; i < to; i++)
    n_double += is_double_mark (chars[i]);
  if (to - from >= 2 && is_double_mark (chars[from]) && is_double_mark (chars[to - 1]) &&
      n_double == 2)
    {
      from++;
      to--;
    }
  else if (n_double % 2 == 1)
    {
      /* one unpaired mark: the quotation it opens or closes is outside the span */
      if (to > from && is_double_mark (chars[to - 1]))
        to--;
      else if (to > from && is_double_mark (chars[from]))
        from++;
    }
  while (to > from && is_stray (chars[to - 1]))
    to--;
  while (from < to && is_stray (chars[from]))
    from++;

  for (glong i = from; i < to; i++)
    {
      gunichar c = chars[i];

      if (c == 0x201c || c == 0x201e)
        c = 0x2018;
      else if (c == 0x201d)
        c = 0x2019;
      else if (c == '"')
        {
          /* a straight mark after a space opens, after a word closes */
          gboolean opens = i == from || g_unichar_isspace (chars[i - 1]) || chars[i - 1] == '(';

          c = opens ? 0x2018 : 0x2019;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether the first letter with a strong direction is right-to-left, as the Unicode
 * bidi algorithm picks a paragraph's direction (and Pango's auto-dir does). */
static gboolean
text_is_rtl (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      GUnicodeScript script;

      if (!g_unichar_isalpha (ch))
        continue;
      script = g_unichar_get_script (ch);
      switch ((int) script)
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
          return TRUE;
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
          continue;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

static char *
lowercase_label (const char *label)
{
  return g_utf8_strdown (label, -1);
}

/* "likely (55–80%)" */
static char *
format_likelihood (CfLikelihood likelihood)
{
  g_autofree char *label = lowercase_label (cf_likelihood_to_label (likelihood));

  /* TRANSLATORS: a likelihood with its range, e.g. "likely (55–80%)" */
  return g_strdup_printf (C_("likelihood", "%s (%s)"), label,
                          cf_likelihood_to_range (likelihood));
}

static char *
format_confidence (CfConfidence confidence)
{
  g_autofree char *level = lowercase_label (cf_confidence_to_label (confidence));

  /* TRANSLATORS: %s is a confidence level: low, moderate or high */
  return g_strdup_printf (_("%s confidence"), level);
}

/* Orders claims strongest first: source reliability, then credibility, then the
 * analyst's confidence; unrated counts as weakest. */
static int
claim_strength (const BriefClaim *claim)
{
  int reliability = claim->reliability == CF_RELIABILITY_NONE ? 0 : 7 - (int) claim->reliability;
  int credibility = claim->credibility == CF_CREDIBILITY_NONE ? 0 : 7 - (int) claim->credibility;

  return reliability * 100 + credibility * 10 + (int) claim->confidence;
}

static int
compare_strength (gconstpointer a,
                  gconstpointer b)
{
  const BriefClaim *ca = *(const BriefClaim * const *) a;
  const BriefClaim *cb = *(const BriefClaim * const *) b;
  int sa = claim_strength (ca);
  int sb = claim_strength (cb);

  if (sa != sb)
    return sb - sa;
  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

static void
para_free (Para *para)
{
  g_free (para->markup);
  g_free (para->link);
  g_clear_object (&para->layout);
  g_free (para);
}

void
_cf_brief_block_free (Block *block)
{
  g_clear_pointer (&block->paras, g_ptr_array_unref);
  g_free (block->outline);
  g_free (block);
}

static Block *
add_block (CfBrief   *self,
           BlockKind  kind,
           double     space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  block->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  if (kind == BLOCK_CLAIM || kind == BLOCK_JUDGMENT)
    block->indent = CLAIM_INDENT;
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* Takes @markup. */
static Para *
add_para (Block     *block,
          ParaStyle  style,
          char      *markup,
          double     space_after)
{
  Para *para = g_new0 (Para, 1);

  para->style = style;
  para->markup = markup;
  para->space_after = space_after;
  g_ptr_array_add (block->paras, para);
  return para;
}

Block *
_cf_brief_add_block (CfBrief   *self,
                     BlockKind  kind,
                     double     space_before)
{
  return add_block (self, kind, space_before);
}

Para *
_cf_brief_add_para (Block     *block,
                    ParaStyle  style,
                    char      *markup,
                    double     space_after)
{
  return add_para (block, style, markup, space_after);
}

static void
add_text_para (Block      *block,
               ParaStyle   style,
               const char *text,
               double      space_after)
{
  add_para (block, style, _cf_brief_escape (text), space_after);
}

static void
add_heading (CfBrief    *self,
             const char *text)
{
  Block *block = add_block (self, BLOCK_H1, 20.0);

  block->keep_with_next = TRUE;
  block->outline = g_strdup (text);
  add_text_para (block, STYLE_H1, text, 9.0);
}

void
_cf_brief_add_heading (CfBrief    *self,
                       const char *text)
{
  add_heading (self, text);
}

static void
add_group_heading (CfBrief    *self,
                   const char *text,
                   const char *count_text,
                   const char *color)
{
  Block *block = add_block (self, BLOCK_H2, 12.0);

  block->keep_with_next = TRUE;
  block->outline = g_strdup (text);
  if (color != NULL && parse_color (color, &block->color))
    {
      block->has_color = TRUE;
      block->indent = SWATCH_INDENT;
    }
  {
    g_autofree char *heading = escape_isolated (text);
    g_autofree char *count = _cf_brief_escape (count_text);

    add_para (block, STYLE_H2,
              g_strdup_printf ("%s  <span weight='normal' size='smaller' foreground='#5c5e66'>%s</span>",
                               heading, count),
              5.0);
  }
}

/* Splits @text on blank lines into paragraphs, one block each, so a long text can
 * break between its paragraphs. */
static void
add_text_blocks (CfBrief    *self,
                 const char *text,
                 ParaStyle   style,
                 double      indent)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *stripped = _cf_brief_dup_stripped (paragraphs[i]);
      Block *block;
      Para *para;

      if (stripped == NULL)
        continue;
      block = add_block (self, BLOCK_PLAIN, i == 0 ? 0.0 : 4.0);
      block->indent = indent;
      para = add_para (block, style, _cf_brief_escape (stripped), 2.0);
      (void) para;
    }
}

static void
add_empty_note (CfBrief    *self,
                const char *text)
{
  Block *block = add_block (self, BLOCK_PLAIN, 0.0);

  add_text_para (block, STYLE_EMPTY, text, 2.0);
}

static char *
meta_line (const char *label,
           const char *value)
{
  g_autofree char *escaped_label = _cf_brief_escape (label);
  g_autofree char *escaped_value = escape_isolated (value);

  return g_strdup_printf ("<span foreground='#5c5e66'>%s</span>\t%s", escaped_label, escaped_value);
}

static void
build_front_matter (CfBrief *self)
{
  Block *block = add_block (self, BLOCK_TITLE, 0.0);
  g_autofree char *date = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *group = NULL;

  add_para (block, STYLE_KICKER, _cf_brief_escape (_("SUMMARY BRIEF")), 3.0);
  add_text_para (block, STYLE_TITLE, self->title, 10.0);

  /* TRANSLATORS: the brief's date, as for g_date_time_format() */
  date = g_date_time_format (self->date, C_("brief date", "%-d %B %Y"));
  add_para (block, STYLE_META, meta_line (_("Date"), date), 0.0);
  if (self->analyst != NULL)
    add_para (block, STYLE_META, meta_line (_("Analyst"), self->analyst), 0.0);
  if (self->incident_date != NULL)
    add_para (block, STYLE_META, meta_line (_("Incident date"), self->incident_date), 0.0);
  if (self->case_path != NULL)
    {
      g_autofree char *base = g_filename_display_basename (self->case_path);

      add_para (block, STYLE_META, meta_line (_("Case file"), base), 0.0);
    }

  {
    g_autofree char *n_sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                                               self->sources->len),
                                                  self->sources->len);
    g_autofree char *n_claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims",
                                                              self->n_claims_in_case),
                                                 self->n_claims_in_case);
    g_autofree char *n_hypotheses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hypothesis",
                                                                  "%u hypotheses", self->hypotheses->len),
                                                     self->hypotheses->len);

    stats = g_strdup_printf ("%s · %s · %s", n_sources, n_claims, n_hypotheses);
  }
  add_para (block, STYLE_META, meta_line (_("Contents"), stats), 0.0);

  group = g_strdup (self->group_by == CF_BRIEF_GROUP_BY_HYPOTHESIS
                    ? _("claims grouped by hypothesis")
                    : _("claims grouped by tag"));
  if (self->min_confidence != CF_CONFIDENCE_NONE)
    {
      g_autofree char *level = lowercase_label (cf_confidence_to_label (self->min_confidence));

      /* TRANSLATORS: "claims grouped by tag; moderate confidence or higher only" */
      scope = g_strdup_printf (_("%s; %s confidence or higher only"), group, level);
    }
  else
    scope = g_strdup (group);
  if (!self->include_notes)
    {
      char *with = g_strdup_printf (_("%s; notes left out"), scope);

      g_free (scope);
      scope = with;
    }
  add_para (block, STYLE_META, meta_line (_("Scope"), scope), 14.0);
}

static void
build_bottom_line (CfBrief *self)
{
  add_heading (self, _("Bottom line up front"));
  if (self->summary == NULL)
    add_empty_note (self, _("No summary yet."));
  else
    add_text_blocks (self, self->summary, STYLE_BODY, 0.0);
}

static char *
claim_reference (BriefClaim *claim)
{
  g_autofree char *body = quote_body (claim->quote);
  g_autofree char *quote = excerpt (body, EXCERPT_CHARS);
  g_autofree char *grade = cf_rating_format_grade (claim->reliability, claim->credibility);
  GString *text = g_string_new (NULL);
  g_autofree char *escaped_quote = escape_isolated (quote);

  g_string_append_printf (text, "<b>#%" G_GINT64_FORMAT "</b>", claim->id);
  if (*grade != '\0')
    g_string_append_printf (text, " <b>%s</b>", grade);
  g_string_append_printf (text, " “%s”", escaped_quote);
  if (claim->actor != NULL)
    {
      g_autofree char *actor = escape_isolated (claim->actor);

      g_string_append_printf (text, " — %s", actor);
    }
  return g_string_free (text, FALSE);
}

static void
build_key_judgments (CfBrief *self)
{
  add_heading (self, _("Key judgments"));

  if (self->hypotheses->len == 0)
    {
      add_empty_note (self, _("No hypotheses yet."));
      return;
    }

  for (guint i = 0; i < self->hypotheses->len; i++)
    {
      BriefHypothesis *h = g_ptr_array_index (self->hypotheses, i);
      Block *block = add_block (self, BLOCK_JUDGMENT, i == 0 ? 2.0 : 12.0);
      GPtrArray *consistent = h->by_relation[CF_RELATION_CONSISTENT];
      GPtrArray *inconsistent = h->by_relation[CF_RELATION_INCONSISTENT];
      GPtrArray *neutral = h->by_relation[CF_RELATION_NEUTRAL];
      g_autofree char *judgment = NULL;
      g_autofree char *counts = NULL;

      block->has_color = TRUE;
      block->color = accent;

      {
        g_autofree char *title = escape_isolated (h->title);

        add_para (block, STYLE_H3,
                  g_strdup_printf ("<span foreground='#1c3a5e'>H%u</span>  %s", h->number, title),
                  3.0);
      }

      if (h->likelihood != CF_LIKELIHOOD_NONE || h->confidence != CF_CONFIDENCE_NONE)
        {
          g_autofree char *likelihood = h->likelihood != CF_LIKELIHOOD_NONE
                                        ? format_likelihood (h->likelihood)
                                        : g_strdup (_("likelihood not assessed"));
          g_autofree char *confidence = h->confidence != CF_CONFIDENCE_NONE
                                        ? format_confidence (h->confidence)
                                        : g_strdup (_("confidence not assessed"));

          judgment = g_markup_printf_escaped ("<b>%s</b> · %s", likelihood, confidence);
        }
      else
        judgment = g_markup_printf_escaped ("<i>%s</i>", _("Not yet assessed"));
      add_para (block, STYLE_BODY, g_steal_pointer (&judgment), 3.0);

      if (h->description != NULL)
        add_text_para (block, STYLE_BODY, h->description, 3.0);

      counts = g_strdup_printf (_("Claims bearing on it: %u consistent · %u inconsistent · %u neutral"),
                                consistent->len, inconsistent->len, neutral->len);
      add_text_para (block, STYLE_SMALL, counts, 2.0);

      for (guint r = CF_RELATION_CONSISTENT; r <= CF_RELATION_INCONSISTENT; r++)
        {
          GPtrArray *claims = h->by_relation[r];
          g_autoptr(GPtrArray) strongest = NULL;
          const char *label;

          if (claims->len == 0)
            continue;
          strongest = g_ptr_array_copy (claims, NULL, NULL);
          g_ptr_array_sort (strongest, compare_strength);
          label = r == CF_RELATION_CONSISTENT ? _("Strongest consistent")
                                               : _("Strongest inconsistent");
          for (guint k = 0; k < strongest->len && k < MAX_STRONGEST; k++)
            {
              g_autofree char *reference = claim_reference (g_ptr_array_index (strongest, k));
              g_autofree char *escaped_label = _cf_brief_escape (label);
              Para *para = add_para (block, STYLE_SMALL,
                                     g_strdup_printf ("<span foreground='%s'>%s</span>  %s",
                                                      r == CF_RELATION_CONSISTENT ? "#2b6a30" : "#a33a1f",
                                                      escaped_label, reference),
                                     1.5);

              para->indent = 6.0;
            }
        }
    }
}

static void
add_claim_block (CfBrief    *self,
                 BriefClaim *claim,
                 gboolean    first_in_group)
{
  Block *block = add_block (self, BLOCK_CLAIM, first_in_group ? 2.0 : 9.0);
  gboolean rtl = text_is_rtl (claim->quote);
  g_autofree char *summary = cf_rating_format_summary (claim->reliability, claim->credibility,
                                                       claim->likelihood, claim->confidence);
  g_autofree char *body = quote_body (claim->quote);
  g_autofree char *quote = _cf_brief_escape (body);
  GString *head = g_string_new (NULL);
  GString *source = g_string_new (NULL);
  GString *rating = g_string_new (NULL);

  block->has_color = TRUE;
  if (!parse_color (claim->color, &block->color))
    block->color = untagged_grey;

  g_string_append_printf (head, "<b>#%" G_GINT64_FORMAT "</b>", claim->id);
  if (claim->opposing->len > 0)
    {
      g_autofree char *contested = _cf_brief_escape (_("Contested"));
      GString *ids = g_string_new (NULL);

      for (guint i = 0; i < claim->opposing->len && i < MAX_OPPOSING_IDS; i++)
        g_string_append_printf (ids, "%s#%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                                g_array_index (claim->opposing, gint64, i));
      if (claim->opposing->len > MAX_OPPOSING_IDS)
        {
          guint more = claim->opposing->len - MAX_OPPOSING_IDS;

          g_string_append_c (ids, ' ');
          g_string_append_printf (ids, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                                  more);
        }
      /* TRANSLATORS: %s is a list of claim numbers, "#3, #7" */
      {
        g_autofree char *opposed = g_strdup_printf (_("opposed by %s"), ids->str);
        g_autofree char *escaped = _cf_brief_escape (opposed);

        g_string_append_printf (head,
                                "   <span foreground='#a34700' weight='bold'>⚠ %s</span>"
                                "<span foreground='#a34700'> — %s</span>",
                                contested, escaped);
      }
      g_string_free (ids, TRUE);
    }
  add_para (block, STYLE_SMALL, g_string_free (head, FALSE), 2.5);

  /* Right-to-left quotes take guillemets: mirrored, they open on the right. */
  add_para (block, rtl ? STYLE_QUOTE_UPRIGHT : STYLE_QUOTE,
            g_strdup_printf (rtl ? "«%s»" : "“%s”", quote), 3.0);

  if (claim->paraphrase != NULL)
    {
      g_autofree char *label = _cf_brief_escape (_("Paraphrase"));
      g_autofree char *paraphrase = escape_isolated (claim->paraphrase);

      add_para (block, STYLE_SMALL, g_strdup_printf ("<b>%s</b>  %s", label, paraphrase), 1.5);
    }

  if (claim->actor != NULL)
    {
      g_autofree char *actor = escape_isolated (claim->actor);

      g_string_append_printf (source, "<span foreground='#1a1a1c'><b>%s</b></span> · ", actor);
    }
  {
    g_autofree char *doc = escape_isolated (claim->document_title != NULL ? claim->document_title
                                                                           : _("Untitled source"));

    g_string_append_printf (source, "%s", doc);
    if (claim->source_number > 0)
      g_string_append_printf (source, " [S%u]", claim->source_number);
    if (claim->page > 0)
      {
        /* TRANSLATORS: the page of a PDF source a claim is quoted from */
        g_autofree char *page = g_strdup_printf (_("p. %u"), claim->page);
        g_autofree char *escaped = _cf_brief_escape (page);

        g_string_append_printf (source, ", %s", escaped);
      }
  }
  if (claim->event_date != NULL)
    {
      g_autofree char *event = g_markup_printf_escaped (_("event %s"), claim->event_date);

      g_string_append_printf (source, " · %s", event);
    }
  add_para (block, STYLE_SMALL, g_string_free (source, FALSE), 1.0);

  /* an unrated claim says nothing about ratings: the line holds what there is */
  if (*summary != '\0')
    {
      g_autofree char *escaped = _cf_brief_escape (summary);

      g_string_append_printf (rating, "<span foreground='#1a1a1c'>%s</span>", escaped);
    }
  /* grouped by tag, a claim stands under its first tag only: name the others */
  if (claim->tag_names != NULL &&
      (self->group_by == CF_BRIEF_GROUP_BY_HYPOTHESIS || claim->n_tags > 1))
    {
      g_autofree char *tags = escape_isolated (claim->tag_names);

      g_string_append_printf (rating, "%s%s", rating->len > 0 ? " · " : "", tags);
    }
  for (guint i = 0; i < self->hypotheses->len; i++)
    {
      BriefHypothesis *h = g_ptr_array_index (self->hypotheses, i);
      CfRelation relation = g_array_index (claim->relations, CfRelation, i);
      g_autofree char *label = NULL;

      if (relation == CF_RELATION_NONE)
        continue;
      label = lowercase_label (cf_relation_to_label (relation));
      g_string_append_printf (rating, "%s%s H%u", rating->len > 0 ? " · " : "", label, h->number);
    }
  if (rating->len > 0)
    add_para (block, STYLE_SMALL, g_string_free (rating, FALSE), 1.0);
  else
    g_string_free (rating, TRUE);

  if (self->include_notes)
    for (guint i = 0; i < claim->notes->len; i++)
      {
        g_autofree char *label = _cf_brief_escape (_("Note"));
        g_autofree char *body = escape_isolated (g_ptr_array_index (claim->notes, i));
        Para *para = add_para (block, STYLE_SMALL, g_strdup_printf ("<b>%s</b>  %s", label, body), 1.0);

        para->indent = 6.0;
      }
}

static void
add_claims (CfBrief   *self,
            GPtrArray *claims)
{
  for (guint i = 0; i < claims->len; i++)
    add_claim_block (self, g_ptr_array_index (claims, i), i == 0);
}

static char *
count_claims_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);
}

static void
build_claims_by_tag (CfBrief *self)
{
  g_autoptr(GPtrArray) untagged = g_ptr_array_new ();

  for (guint i = 0; i < self->claims->len; i++)
    {
      BriefClaim *claim = g_ptr_array_index (self->claims, i);

      if (claim->first_tag == 0)
        g_ptr_array_add (untagged, claim);
    }

  for (guint i = 0; i < self->tags->len; i++)
    {
      BriefTag *tag = g_ptr_array_index (self->tags, i);
      g_autofree char *count = NULL;

      if (tag->claims->len == 0)
        continue;
      count = count_claims_text (tag->claims->len);
      add_group_heading (self, tag->path, count, tag->color);
      add_claims (self, tag->claims);
    }

  if (untagged->len > 0)
    {
      g_autofree char *count = count_claims_text (untagged->len);

      add_group_heading (self, _("Untagged"), count, NULL);
      add_claims (self, untagged);
    }
}

static void
build_claims_by_hypothesis (CfBrief *self)
{
  g_autoptr(GPtrArray) unlinked = g_ptr_array_new ();
  static const CfRelation order[] = {
    CF_RELATION_CONSISTENT, CF_RELATION_INCONSISTENT, CF_RELATION_NEUTRAL
  };

  for (guint i = 0; i < self->claims->len; i++)
    {
      BriefClaim *claim = g_ptr_array_index (self->claims, i);
      gboolean linked = FALSE;

      for (guint h = 0; h < claim->relations->len && !linked; h++)
        linked = g_array_index (claim->relations, CfRelation, h) != CF_RELATION_NONE;
      if (!linked)
        g_ptr_array_add (unlinked, claim);
    }

  for (guint i = 0; i < self->hypotheses->len; i++)
    {
      BriefHypothesis *h = g_ptr_array_index (self->hypotheses, i);
      guint total = 0;
      g_autofree char *heading = NULL;
      g_autofree char *count = NULL;

      for (guint r = 0; r < G_N_ELEMENTS (order); r++)
        total += h->by_relation[order[r]]->len;
      heading = g_strdup_printf ("H%u  %s", h->number, h->title);
      count = count_claims_text (total);
      add_group_heading (self, heading, count, NULL);
      if (total == 0)
        {
          add_empty_note (self, _("No claims bear on this hypothesis yet."));
          continue;
        }

      for (guint r = 0; r < G_N_ELEMENTS (order); r++)
        {
          GPtrArray *claims = h->by_relation[order[r]];
          Block *block;

          if (claims->len == 0)
            continue;
          block = add_block (self, BLOCK_PLAIN, r == 0 ? 2.0 : 10.0);
          block->keep_with_next = TRUE;
          add_para (block, STYLE_H3,
                    g_markup_printf_escaped ("<span foreground='%s'>%s</span> "
                                             "<span weight='normal' foreground='#5c5e66'>(%u)</span>",
                                             order[r] == CF_RELATION_CONSISTENT ? "#2b6a30"
                                             : order[r] == CF_RELATION_INCONSISTENT ? "#a33a1f"
                                             : "#5c5e66",
                                             cf_relation_to_label (order[r]), claims->len),
                    2.0);
          add_claims (self, claims);
        }
    }

  if (unlinked->len > 0)
    {
      g_autofree char *count = count_claims_text (unlinked->len);

      add_group_heading (self, _("Not linked to a hypothesis"), count, NULL);
      add_claims (self, unlinked);
    }
}

static void
build_claims (CfBrief *self)
{
  if (self->group_by == CF_BRIEF_GROUP_BY_HYPOTHESIS)
    add_heading (self, _("Claims by hypothesis"));
  else
    add_heading (self, _("Claims by tag"));

  if (self->claims->len == 0)
    {
      if (self->n_claims_in_case > 0 && self->min_confidence != CF_CONFIDENCE_NONE)
        {
          g_autofree char *level = lowercase_label (cf_confidence_to_label (self->min_confidence));
          g_autofree char *text = g_strdup_printf (_("No claims are rated at %s confidence or higher."),
                                                   level);

          add_empty_note (self, text);
        }
      else
        add_empty_note (self, _("No claims yet."));
      return;
    }

  if (self->group_by == CF_BRIEF_GROUP_BY_HYPOTHESIS)
    build_claims_by_hypothesis (self);
  else
    build_claims_by_tag (self);
}

static void
build_sources (CfBrief *self)
{
  add_heading (self, _("Sources"));

  if (self->sources->len == 0)
    {
      add_empty_note (self, _("No sources yet."));
      return;
    }

  for (guint i = 0; i < self->sources->len; i++)
    {
      BriefSource *source = g_ptr_array_index (self->sources, i);
      Block *block = add_block (self, BLOCK_PLAIN, i == 0 ? 0.0 : 7.0);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *line = NULL;
      g_autofree char *title = escape_isolated (source->title != NULL ? source->title : _("Untitled source"));
      g_autofree char *hash = NULL;

      add_para (block, STYLE_BODY,
                g_strdup_printf ("<span foreground='#1c3a5e'><b>[S%u]</b></span>  <b>%s</b>",
                                 i + 1, title),
                1.0);

      if (source->publisher != NULL)
        g_ptr_array_add (parts, escape_isolated (source->publisher));
      if (source->byline != NULL)
        g_ptr_array_add (parts, escape_isolated (source->byline));
      if (source->published != NULL)
        g_ptr_array_add (parts, _cf_brief_escape (source->published));
      if (source->captured != NULL)
        {
          /* Translators: when a web page was saved, e.g. "captured 2024-06-02T12:00:00Z" */
          g_autofree char *captured = g_strdup_printf (_("captured %s"), source->captured);

          g_ptr_array_add (parts, _cf_brief_escape (captured));
        }
      {
        g_autofree char *count = count_claims_text (source->n_claims);

        g_ptr_array_add (parts, _cf_brief_escape (count));
      }
      g_ptr_array_add (parts, NULL);
      line = g_strjoinv (" · ", (char **) parts->pdata);
      add_para (block, STYLE_SMALL, g_steal_pointer (&line), 1.0);

      if (source->url != NULL)
        {
          Para *para = add_para (block, STYLE_MONO, _cf_brief_escape (source->url), 1.0);

          para->link = g_strdup (source->link);
        }
      if (source->sha256 != NULL)
        {
          /* whole, so a reader can check the source against it */
          hash = g_strdup_printf ("SHA-256 %s", source->sha256);
          add_text_para (block, STYLE_HASH, hash, 1.0);
        }
    }
}

static void
build_notes (CfBrief *self)
{
  gboolean any = FALSE;

  add_heading (self, _("Notes"));

  if (self->case_notes->len > 0)
    {
      Block *block = add_block (self, BLOCK_PLAIN, 0.0);

      block->keep_with_next = TRUE;
      add_text_para (block, STYLE_H3, _("On the case"), 3.0);
      for (guint i = 0; i < self->case_notes->len; i++)
        add_text_blocks (self, g_ptr_array_index (self->case_notes, i), STYLE_BODY, 0.0);
      any = TRUE;
    }

  for (guint i = 0; i < self->sources->len; i++)
    {
      BriefSource *source = g_ptr_array_index (self->sources, i);
      Block *block;
      g_autofree char *heading = NULL;

      if (source->notes->len == 0)
        continue;
      block = add_block (self, BLOCK_PLAIN, 10.0);
      block->keep_with_next = TRUE;
      /* TRANSLATORS: heading of the notes on a source: "On [S3] Title" */
      {
        g_autofree char *title = g_strdup_printf ("\u2068%s\u2069", source->title != NULL ? source->title
                                                                                 : _("Untitled source"));

        heading = g_strdup_printf (_("On [S%u] %s"), i + 1, title);
      }
      add_text_para (block, STYLE_H3, heading, 3.0);
      for (guint k = 0; k < source->notes->len; k++)
        add_text_blocks (self, g_ptr_array_index (source->notes, k), STYLE_BODY, 0.0);
      any = TRUE;
    }

  if (!any)
    add_empty_note (self, _("No notes yet."));
}

void
_cf_brief_build_blocks (CfBrief *self)
{
  build_front_matter (self);
  build_bottom_line (self);
  build_key_judgments (self);
  _cf_brief_build_ach (self);
  build_claims (self);
  _cf_brief_build_chronology (self);
  build_sources (self);
  if (self->include_notes)
    build_notes (self);
}
