/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules a marked passage and a typed title go through before they are stored,
 * shared by the app and the CLI because both add through the store: a selection
 * loses the spaces and stray punctuation at its ends (", " picked up with a word)
 * while quotation marks and brackets it opens and closes stay; a span that is
 * exactly an existing claim's is named, not stored twice; a hypothesis title loses
 * a typed "H1:" because the brief numbers hypotheses itself. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-private.h"

/* Punctuation that neither starts nor ends a quotation. Sentence ends (. ! ? …)
 * are dropped at the start of a selection but kept at its end. */
static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00a0 || c == 0x200b || c == 0xfeff ||
         c == ',' || c == ';' || c == ':' || c == '-' ||
         c == 0x2013 || c == 0x2014 || c == 0x00b7 || c == 0x3001 || c == 0x060c;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002;
}

/* The mark that closes what @c opens, or 0 when @c opens nothing. */
static gunichar
closer_of (gunichar c)
{
  switch (c)
    {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case 0x201c: return 0x201d;   /* “ ” */
    case 0x201e: return 0x201c;   /* „ “ (German) */
    case 0x2018: return 0x2019;   /* ‘ ’ */
    case 0x00ab: return 0x00bb;   /* « » */
    case 0x2039: return 0x203a;   /* ‹ › */
    case 0x300c: return 0x300d;   /* 「 」 */
    case '"': return '"';
    default: return 0;
    }
}

static gboolean
is_closer (gunichar c)
{
  return c == ')' || c == ']' || c == '}' || c == 0x201d || c == 0x00bb ||
         c == 0x203a || c == 0x300d || c == '"';
}

/* Whether @c occurs in [@from, @to). */
static gboolean
span_has (const char *from,
          const char *to,
          gunichar    c)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static guint
span_count (const char *from,
            const char *to,
            gunichar    c)
{
  guint n = 0;

  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) == c;
  return n;
}

/* Whether the first character of [@from, @to) may go. */
static gboolean
drop_first (const char *from,
            const char *to)
{
  gunichar c = g_utf8_get_char (from);
  gunichar closer = closer_of (c);
  const char *rest = g_utf8_next_char (from);

  if (is_separator (c) || is_sentence_end (c))
    return TRUE;
  if (c == '"')
    return span_count (from, to, '"') % 2 == 1;
  if (closer != 0)
    return !span_has (rest, to, closer);
  return is_closer (c);
}

/* Whether the last character of [@from, @to), at @last, may go. */
static gboolean
drop_last (const char *from,
           const char *last)
{
  gunichar c = g_utf8_get_char (last);

  if (is_separator (c))
    return TRUE;
  if (c == '"')
    return span_count (from, last, '"') % 2 == 0;
  if (closer_of (c) != 0)
    return TRUE;   /* an opening mark with nothing after it */
  if (is_closer (c))
    {
      for (const char *p = from; p < last; p = g_utf8_next_char (p))
        if (closer_of (g_utf8_get_char (p)) == c)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

gboolean
_cf_case_trim_claim_span (const char  *text,
                          gint        *start,
                          gint        *end,
                          GError     **error)
{
  const char *from, *to;

  g_assert (text != NULL && start != NULL && end != NULL);
  g_assert (*start >= 0 && *end > *start);

  from = g_utf8_offset_to_pointer (text, *start);
  to = g_utf8_offset_to_pointer (from, *end - *start);

  for (gboolean changed = TRUE; changed && from < to; )
    {
      changed = FALSE;
      while (from < to && drop_first (from, to))
        {
          from = g_utf8_next_char (from);
          (*start)++;
          changed = TRUE;
        }
      while (from < to)
        {
          const char *last = g_utf8_prev_char (to);

          if (!drop_last (from, last))
            break;
          to = last;
          (*end)--;
          changed = TRUE;
        }
    }

  if (from >= to)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_INVALID,
                   _("The selection holds only spaces and punctuation; select the words to quote."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_cf_case_check_new_span (CfCase   *self,
                         gint64    document_id,
                         gint64    claim_id,
                         gint      start,
                         gint      end,
                         GError  **error)
{
  g_autoptr(CfStmt) stmt = _cf_case_prepare (self,
                                             "SELECT id FROM claims WHERE document_id = ?1 "
                                             "AND start_offset = ?2 AND end_offset = ?3 AND id <> ?4 "
                                             "ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, start);
  sqlite3_bind_int (stmt, 3, end);
  sqlite3_bind_int64 (stmt, 4, claim_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DUPLICATE,
                   _("This passage is already claim #%" G_GINT64_FORMAT "; select that claim "
                     "to rate or tag it."),
                   (gint64) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, self->db, rc, _("Reading the claims"));
      return FALSE;
    }
  return TRUE;
}

char *
_cf_case_clean_hypothesis_title (const char  *title,
                                 GError     **error)
{
  g_autofree char *clean = _cf_case_clean_name (title, error);
  const char *p;

  if (clean == NULL)
    return NULL;

  /* "H1:", "H2 -", "h 3.", "H4)" or "H5 " before the title; "H2O" and "H5N1" stay */
  p = clean;
  if (*p != 'H' && *p != 'h')
    return g_steal_pointer (&clean);
  p++;
  if (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return g_steal_pointer (&clean);
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != '\0' && !is_separator (g_utf8_get_char (p)) && *p != '.' && *p != ')')
    return g_steal_pointer (&clean);
  while (*p != '\0' && (is_separator (g_utf8_get_char (p)) || *p == '.' || *p == ')'))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_steal_pointer (&clean);   /* the title is only "H1": keep what was typed */
  return g_strdup (p);
}
