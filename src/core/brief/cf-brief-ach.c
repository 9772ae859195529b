/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief's analysis of competing hypotheses: the matrix (columns H1…Hn with a
 * legend), the scores with and without possibly deceptive evidence, the critical
 * evidence and the indicators; and the warnings a preview shows when the analyst's
 * stated likelihood contradicts the matrix. The matrix is set in monospace lines,
 * in blocks that each fit on a page and each begin with the column header, so the
 * header is repeated on every page the matrix spans. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-brief-private.h"

/* Rows per block: with the header, well under a page of 8-point lines. */
#define ROWS_PER_BLOCK 40
/* The brief prints at most this many rows; the CLI and the window show them all. */
#define MAX_BRIEF_ROWS 2000
#define ROW_TEXT_CHARS 60

void
_cf_brief_load_ach (CfBrief *self,
                    CfCase  *kase)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->ach, cf_ach_matrix_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->ach = cf_case_build_ach (kase, &error);
  if (self->ach == NULL)
    g_warning ("The brief leaves out the matrix: %s", error->message);
  self->indicators = cf_case_list_indicators (kase, 0, NULL);
}

/* The brief's options (a minimum confidence, say) leave some claims out; their rows
 * leave the matrix too, and the scores are those of the evidence the brief shows.
 * Assumptions and absences have no such filter and stay. */
static void
keep_rows_in_brief (CfBrief *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *rows = self->ach->rows;
  guint before = rows->len;

  for (guint i = 0; i < self->claims->len; i++)
    g_hash_table_add (shown, &((BriefClaim *) g_ptr_array_index (self->claims, i))->id);
  for (guint r = rows->len; r-- > 0;)
    {
      CfAchRow *row = g_ptr_array_index (rows, r);

      if (row->kind == CF_EVIDENCE_QUOTE && !g_hash_table_contains (shown, &row->claim_id))
        g_ptr_array_remove_index (rows, r);
    }
  if (rows->len != before)
    cf_ach_matrix_compute (self->ach);
}

static char *
header_line (CfAchMatrix *m)
{
  GString *line = g_string_new (NULL);

  /* TRANSLATORS: column heads of the matrix in the brief, padded in monospace */
  g_string_append_printf (line, "%-7s %-2s %5s %2s ", _("Claim"), "", _("Wt"), _("D"));
  for (guint h = 0; h < m->hypotheses->len; h++)
    {
      g_autofree char *name = g_strdup_printf ("H%u", h + 1);

      g_string_append_printf (line, "%-4s", name);
    }
  return g_string_free (line, FALSE);
}

static char *
row_line (CfAchMatrix *m,
          CfAchRow    *row)
{
  GString *line = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("#%" G_GINT64_FORMAT, row->claim_id);
  g_autofree char *text = NULL;

  /* * critical, ~ not diagnostic, ! possibly deceptive: ASCII keeps the columns */
  g_string_append_printf (line, "%-7s %s%s %5.2f %2u ", id, row->critical ? "*" : row->diagnostic ? " " : "~",
                          row->deceptive ? "!" : " ", row->weight, row->diagnosticity);
  for (guint h = 0; h < m->hypotheses->len; h++)
    {
      const char *code = row->ratings[h] != CF_RELATION_NONE ? cf_relation_to_code (row->ratings[h]) : "·";

      /* padded by characters: "·" is two bytes but one column */
      g_string_append (line, code);
      for (glong pad = g_utf8_strlen (code, -1); pad < 4; pad++)
        g_string_append_c (line, ' ');
    }
  /* a few words of the row when the columns leave room for them */
  if (m->hypotheses->len <= 8)
    {
      text = g_utf8_substring (row->text, 0, MIN (g_utf8_strlen (row->text, -1), ROW_TEXT_CHARS));
      g_strdelimit (text, "\n\t\r", ' ');
      g_string_append_printf (line, " %s%s", text, g_utf8_strlen (row->text, -1) > ROW_TEXT_CHARS ? "…" : "");
    }
  return g_string_free (line, FALSE);
}

static void
add_plain (CfBrief    *self,
           ParaStyle   style,
           const char *text,
           double      space_before)
{
  Block *block = _cf_brief_add_block (self, BLOCK_PLAIN, space_before);

  _cf_brief_add_para (block, style, _cf_brief_escape (text), 2.0);
}

static void
build_legend (CfBrief     *self,
              CfAchMatrix *m)
{
  add_plain (self, STYLE_SMALL,
             _("Each row is a piece of evidence, each column a hypothesis. CC very consistent, C "
               "consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable, · not "
               "assessed. Wt is the row’s weight (source reliability × information credibility × "
               "relevance, unless set by hand) and D its diagnosticity (the spread of its ratings, "
               "0–4). * marks a critical row, ~ a row that is not diagnostic, ! evidence from a "
               "source or actor marked possibly deceptive."), 0.0);
  for (guint h = 0; h < m->hypotheses->len; h++)
    {
      CfAchHypothesis *hyp = g_ptr_array_index (m->hypotheses, h);
      g_autofree char *text = g_strdup_printf ("H%u  %s", h + 1, hyp->title);

      add_plain (self, STYLE_BODY, text, h == 0 ? 4.0 : 0.0);
    }
}

static void
build_matrix (CfBrief     *self,
              CfAchMatrix *m)
{
  g_autofree char *header = header_line (m);
  guint n_rows = MIN (m->rows->len, MAX_BRIEF_ROWS);

  for (guint start = 0; start < n_rows; start += ROWS_PER_BLOCK)
    {
      /* each block fits on a page and opens with the header: pagination moves a
       * whole block to the next page, so every page of the matrix has its header */
      Block *block = _cf_brief_add_block (self, BLOCK_PLAIN, start == 0 ? 8.0 : 0.0);
      g_autofree char *escaped = _cf_brief_escape (header);

      _cf_brief_add_para (block, STYLE_MONO, g_strdup_printf ("<b>%s</b>", escaped), 1.0);
      for (guint r = start; r < MIN (start + ROWS_PER_BLOCK, n_rows); r++)
        {
          g_autofree char *line = row_line (m, g_ptr_array_index (m->rows, r));

          _cf_brief_add_para (block, STYLE_MONO, _cf_brief_escape (line), 0.0);
        }
    }
  if (m->rows->len > n_rows)
    {
      g_autofree char *more = g_strdup_printf (_("The matrix has %u more rows; casefile-cli ach prints them all."),
                                               m->rows->len - n_rows);

      add_plain (self, STYLE_EMPTY, more, 2.0);
    }
}

static void
build_scores (CfBrief     *self,
              CfAchMatrix *m)
{
  Block *block = _cf_brief_add_block (self, BLOCK_PLAIN, 8.0);

  _cf_brief_add_para (block, STYLE_H3, _cf_brief_escape (_("Scores")), 3.0);
  for (guint h = 0; h < m->hypotheses->len; h++)
    {
      CfAchHypothesis *hyp = g_ptr_array_index (m->hypotheses, h);
      g_autofree char *text = NULL;

      /* TRANSLATORS: H%u is a column; then two scores with their ranks and the counts of each rating */
      text = g_strdup_printf (_("H%u: weighted inconsistency %.2f (rank %u); with possibly deceptive evidence "
                                "down-weighted %.2f (rank %u). CC %u, C %u, N %u, I %u, II %u, NA %u, not assessed %u."),
                              h + 1, hyp->score, hyp->rank, hyp->deception_score, hyp->deception_rank,
                              hyp->counts[CF_RELATION_VERY_CONSISTENT], hyp->counts[CF_RELATION_CONSISTENT],
                              hyp->counts[CF_RELATION_NEUTRAL], hyp->counts[CF_RELATION_INCONSISTENT],
                              hyp->counts[CF_RELATION_VERY_INCONSISTENT], hyp->counts[CF_RELATION_NOT_APPLICABLE],
                              hyp->counts[CF_RELATION_NONE]);
      _cf_brief_add_para (block, STYLE_BODY, _cf_brief_escape (text), 1.0);
    }
}

static void
build_critical (CfBrief     *self,
                CfAchMatrix *m)
{
  Block *block = _cf_brief_add_block (self, BLOCK_PLAIN, 8.0);

  block->keep_with_next = m->n_critical > 0;
  _cf_brief_add_para (block, STYLE_H3, _cf_brief_escape (_("Critical evidence")), 3.0);
  if (m->n_critical == 0)
    {
      _cf_brief_add_para (block, STYLE_EMPTY,
                          _cf_brief_escape (_("No single row decides which hypothesis leads.")), 2.0);
      return;
    }
  _cf_brief_add_para (block, STYLE_SMALL,
                      _cf_brief_escape (_("Leaving any one of these rows out changes the leading hypothesis: "
                                          "check them first.")), 2.0);
  for (guint r = 0; r < m->rows->len; r++)
    {
      CfAchRow *row = g_ptr_array_index (m->rows, r);
      g_autofree char *text = NULL;

      if (!row->critical)
        continue;
      text = g_strdup_printf ("#%" G_GINT64_FORMAT " (%s, %.2f) %s", row->claim_id,
                              cf_evidence_kind_to_label (row->kind), row->weight, row->text);
      block = _cf_brief_add_block (self, BLOCK_CLAIM, 2.0);
      _cf_brief_add_para (block, STYLE_BODY, _cf_brief_escape (text), 1.0);
    }
}

static void
build_indicators (CfBrief     *self,
                  CfAchMatrix *m)
{
  Block *block = _cf_brief_add_block (self, BLOCK_PLAIN, 8.0);

  _cf_brief_add_para (block, STYLE_H3, _cf_brief_escape (_("Indicators")), 3.0);
  if (self->indicators == NULL || self->indicators->len == 0)
    {
      _cf_brief_add_para (block, STYLE_EMPTY, _cf_brief_escape (_("No indicators yet.")), 2.0);
      return;
    }
  for (guint i = 0; i < self->indicators->len; i++)
    {
      CfIndicator *indicator = g_ptr_array_index (self->indicators, i);
      gint column = cf_ach_matrix_find_hypothesis (m, indicator->hypothesis_id);
      g_autofree char *text = NULL;

      if (indicator->claim_id > 0)
        /* TRANSLATORS: column, what should be seen, its status, the claim that shows it */
        text = g_strdup_printf (_("H%d: %s — %s (claim #%" G_GINT64_FORMAT ")"), column + 1,
                                indicator->description, cf_indicator_status_to_label (indicator->status),
                                indicator->claim_id);
      else
        text = g_strdup_printf (_("H%d: %s — %s"), column + 1, indicator->description,
                                cf_indicator_status_to_label (indicator->status));
      _cf_brief_add_para (block, STYLE_BODY, _cf_brief_escape (text), 1.0);
    }
}

void
_cf_brief_build_ach (CfBrief *self)
{
  CfAchMatrix *m = self->ach;

  if (m == NULL || m->hypotheses->len == 0)
    return;
  keep_rows_in_brief (self);
  _cf_brief_add_heading (self, _("Analysis of competing hypotheses"));
  if (m->rows->len == 0)
    {
      add_plain (self, STYLE_EMPTY, _("No evidence has been rated against the hypotheses yet."), 0.0);
      return;
    }
  build_legend (self, m);
  build_matrix (self, m);
  build_scores (self, m);
  build_critical (self, m);
  build_indicators (self, m);
}

GPtrArray *
cf_brief_get_warnings (CfBrief *self)
{
  g_return_val_if_fail (CF_IS_BRIEF (self), NULL);

  if (self->ach == NULL)
    return g_ptr_array_new_with_free_func (g_free);
  return cf_ach_matrix_get_warnings (self->ach);
}
