/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates found for the analyst: the date or time a sentence speaks of ("early on
 * Wednesday", "on 3 May", "at about 2:30 am Moscow time", "on the night of 2 to 3 May",
 * "yesterday", "3. Mai 2023", "3 травня 2023"), resolved against the document's published
 * date and the case's zone. English first; German and Ukrainian month and day names and
 * the commonest relative words are read too. It only offers: the window asks before a
 * date is set. The text is read as tokens (words, numbers, clock times, ISO dates) and
 * a few patterns are matched on them, so a sentence is never re-scanned per pattern. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <string.h>

#include "cf-date-finder.h"
#include "cf-timeline-check.h"

#define MAX_TEXT_BYTES (1024 * 1024)
#define SPAN_WINDOW 1500  /* characters read either side of a claim */

typedef enum {
  TOK_WORD,
  TOK_NUM,
  TOK_TIME,
  TOK_ISO,
  TOK_PUNCT,
} TokKind;

typedef struct {
  TokKind      kind;
  char        *word;      /* lower-case word, or the punctuation character */
  gint         value;     /* a number's value */
  gint         digits;
  gint         hour;      /* a clock time */
  gint         minute;
  CfEventTime *iso;
  gint         cstart;    /* character offsets in the text */
  gint         cend;
  gint         sentence;
} Token;

typedef struct {
  const char *word;
  gint        value;
} Entry;

static const Entry months[] = {
  { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 },
  { "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "october", 10 }, { "oct", 10 }, { "november", 11 }, { "nov", 11 }, { "december", 12 },
  { "dec", 12 },
  { "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "märz", 3 }, { "mai", 5 }, { "juni", 6 },
  { "juli", 7 }, { "oktober", 10 }, { "dezember", 12 },
  { "січня", 1 }, { "лютого", 2 }, { "березня", 3 }, { "квітня", 4 }, { "травня", 5 },
  { "червня", 6 }, { "липня", 7 }, { "серпня", 8 }, { "вересня", 9 }, { "жовтня", 10 },
  { "листопада", 11 }, { "грудня", 12 },
  { "січні", 1 }, { "лютому", 2 }, { "березні", 3 }, { "квітні", 4 }, { "травні", 5 },
  { "червні", 6 }, { "липні", 7 }, { "серпні", 8 }, { "вересні", 9 }, { "жовтні", 10 },
  { "листопаді", 11 }, { "грудні", 12 },
};

static const Entry weekdays[] = {
  { "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 }, { "thursday", 4 }, { "friday", 5 },
  { "saturday", 6 }, { "sunday", 7 },
  { "montag", 1 }, { "dienstag", 2 }, { "mittwoch", 3 }, { "donnerstag", 4 }, { "freitag", 5 },
  { "samstag", 6 }, { "sonnabend", 6 }, { "sonntag", 7 },
  { "понеділок", 1 }, { "понеділка", 1 }, { "вівторок", 2 }, { "вівторка", 2 }, { "середа", 3 },
  { "середу", 3 }, { "середи", 3 }, { "четвер", 4 }, { "четверга", 4 }, { "п'ятниця", 5 },
  { "п'ятницю", 5 }, { "п'ятниці", 5 }, { "субота", 6 }, { "суботу", 6 }, { "суботи", 6 },
  { "неділя", 7 }, { "неділю", 7 }, { "неділі", 7 },
};

/* days before the published date */
static const Entry relative_days[] = {
  { "yesterday", 1 }, { "today", 0 }, { "tonight", 0 }, { "gestern", 1 }, { "heute", 0 },
  { "vorgestern", 2 }, { "вчора", 1 }, { "учора", 1 }, { "сьогодні", 0 }, { "позавчора", 2 },
};

static const char *approx_words[] = {
  "about", "around", "approximately", "roughly", "circa", "ca", "nearly", "almost", "shortly",
  "gegen", "etwa", "ungefähr", "rund", "kurz", "близько", "приблизно", "орієнтовно", "майже",
};

/* a word, the word that must follow it (or NULL), the zone */
static const struct { const char *word; const char *next; const char *zone; } zones[] = {
  { "moscow", "time", "Europe/Moscow" }, { "msk", NULL, "Europe/Moscow" },
  { "kyiv", "time", "Europe/Kyiv" }, { "kiev", "time", "Europe/Kyiv" },
  { "london", "time", "Europe/London" }, { "berlin", "time", "Europe/Berlin" },
  { "washington", "time", "America/New_York" }, { "eastern", "time", "America/New_York" },
  { "utc", NULL, "UTC" }, { "gmt", NULL, "UTC" },
  { "cet", NULL, "Europe/Berlin" }, { "cest", NULL, "Europe/Berlin" },
  { "eet", NULL, "Europe/Kyiv" }, { "eest", NULL, "Europe/Kyiv" },
  { "moskauer", "zeit", "Europe/Moscow" }, { "kiewer", "zeit", "Europe/Kyiv" },
  { "мск", NULL, "Europe/Moscow" }, { "московським", "часом", "Europe/Moscow" },
  { "київським", "часом", "Europe/Kyiv" },
};

static gint
lookup (const Entry *table,
        gsize        n,
        const char  *word)
{
  for (gsize i = 0; word != NULL && i < n; i++)
    if (strcmp (table[i].word, word) == 0)
      return table[i].value;
  return 0;
}

#define LOOKUP(table, word) lookup (table, G_N_ELEMENTS (table), word)

static gboolean
is_approx_word (const char *word)
{
  for (gsize i = 0; word != NULL && i < G_N_ELEMENTS (approx_words); i++)
    if (strcmp (approx_words[i], word) == 0)
      return TRUE;
  return FALSE;
}

static void
token_clear (gpointer data)
{
  Token *t = data;

  g_free (t->word);
  cf_event_time_free (t->iso);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* Reads the ISO date (perhaps with a time) at @p, or returns 0. */
static gsize
scan_iso (const char   *p,
          CfEventTime **time)
{
  static const gsize lengths[] = { 16, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *piece = NULL;
      gsize n = lengths[i];

      if (strnlen (p, n) < n || p[4] != '-' || p[7] != '-' || (n == 16 && p[10] != 'T'))
        continue;
      if (n == 10 && g_ascii_isdigit (p[10]))
        continue;
      piece = g_strndup (p, n);
      *time = cf_event_time_parse (piece, NULL);
      if (*time != NULL)
        return n;
    }
  return 0;
}

static GArray *
tokenize (const char *text,
          gsize       n_bytes)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text, *end = text + n_bytes;
  gint offset = 0;

  g_array_set_clear_func (tokens, token_clear);
  while (p < end && *p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { 0 };
      const char *q = p;
      gint chars = 0;

      t.cstart = offset;
      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }
      if (g_ascii_isdigit (*p))
        {
          gsize iso_len = scan_iso (p, &t.iso);

          if (iso_len > 0)
            {
              t.kind = TOK_ISO;
              q = p + iso_len;
              chars = (gint) iso_len;
            }
          else
            {
              while (q < end && g_ascii_isdigit (*q) && t.digits < 9)
                {
                  t.value = t.value * 10 + (*q - '0');
                  t.digits++;
                  q++;
                }
              chars = t.digits;
              if (t.digits <= 2 && q + 2 < end && (*q == ':' || (*q == '.' && q[3] != '.'))
                  && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && !g_ascii_isdigit (q[3]))
                {
                  t.kind = TOK_TIME;
                  t.hour = t.value;
                  t.minute = (q[1] - '0') * 10 + (q[2] - '0');
                  q += 3;
                  chars += 3;
                  if (t.hour > 24 || t.minute > 59)
                    t.kind = TOK_NUM;
                }
              else
                t.kind = TOK_NUM;
              /* "3rd", "21st" */
              if (t.kind == TOK_NUM && q + 1 < end
                  && (g_ascii_strncasecmp (q, "st", 2) == 0 || g_ascii_strncasecmp (q, "nd", 2) == 0
                      || g_ascii_strncasecmp (q, "rd", 2) == 0 || g_ascii_strncasecmp (q, "th", 2) == 0)
                  && !g_ascii_isalpha (q[2]))
                {
                  q += 2;
                  chars += 2;
                }
            }
        }
      else if (g_unichar_isalpha (c))
        {
          GString *word = g_string_new (NULL);

          while (q < end)
            {
              gunichar d = g_utf8_get_char (q);
              const char *next = g_utf8_next_char (q);

              if (g_unichar_isalpha (d))
                g_string_append_unichar (word, g_unichar_tolower (d));
              else if (is_apostrophe (d) && next < end && g_unichar_isalpha (g_utf8_get_char (next)))
                g_string_append_c (word, '\'');
              else
                break;
              q = next;
              chars++;
            }
          if (g_str_has_suffix (word->str, "'s"))
            g_string_truncate (word, word->len - 2);
          t.kind = TOK_WORD;
          t.word = g_string_free (word, FALSE);
        }
      else
        {
          q = g_utf8_next_char (p);
          chars = 1;
          t.kind = TOK_PUNCT;
          t.word = g_strndup (p, q - p);
        }
      t.cend = t.cstart + chars;
      offset += chars;
      p = q;
      g_array_append_val (tokens, t);
    }
  return tokens;
}

static Token *
tok (GArray *tokens,
     gint    i)
{
  if (i < 0 || (guint) i >= tokens->len)
    return NULL;
  return &g_array_index (tokens, Token, i);
}

static gboolean
tok_is (GArray     *tokens,
        gint        i,
        const char *word)
{
  Token *t = tok (tokens, i);

  return t != NULL && (t->kind == TOK_WORD || t->kind == TOK_PUNCT) && strcmp (t->word, word) == 0;
}

static gint
tok_month (GArray *tokens,
           gint    i)
{
  Token *t = tok (tokens, i);

  return t != NULL && t->kind == TOK_WORD ? LOOKUP (months, t->word) : 0;
}

/* Sentences end at . ! ? followed by a space, except after a day number before a month
 * ("3. Mai") and after a single letter ("a.m.", initials). */
static void
mark_sentences (GArray *tokens)
{
  gint sentence = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = tok (tokens, i);
      Token *prev = tok (tokens, (gint) i - 1);

      t->sentence = sentence;
      if (t->kind != TOK_PUNCT || strchr (".!?", t->word[0]) == NULL)
        continue;
      if (t->word[0] == '.' && prev != NULL
          && ((prev->kind == TOK_NUM && prev->digits <= 2 && tok_month (tokens, i + 1) != 0)
              || (prev->kind == TOK_WORD && g_utf8_strlen (prev->word, -1) == 1)))
        continue;
      sentence++;
    }
}

typedef struct {
  gint        first;      /* token range */
  gint        last;
  CfLocalTime start;
  CfLocalTime end;
  gboolean    has_end;
  CfPrecision precision;
  gboolean    approximate;
  const char *zone;
  gboolean    used;       /* a date joined to a time */
} Found;

typedef struct {
  gboolean known;
  gint     year, month, day;
} Reference;

static gboolean
is_year (Token *t)
{
  return t != NULL && t->kind == TOK_NUM && t->digits == 4 && t->value >= 1900 && t->value <= 2100;
}

static CfLocalTime
local_day (gint year, gint month, gint day)
{
  CfLocalTime l = { year, month, day, 0, 0 };

  return l;
}

static CfLocalTime
reference_offset (const Reference *ref,
                  gint             days_back)
{
  gint64 days = cf_days_from_civil (ref->year, ref->month, ref->day) - days_back;
  CfLocalTime l = { 0, 1, 1, 0, 0 };

  cf_civil_from_days (days, &l.year, &l.month, &l.day);
  return l;
}

/* A day and month without a year: the published year, or the year before when that
 * would put the event more than two days after publication. */
static gboolean
resolve_year (const Reference *ref,
              gint             month,
              gint             day,
              gint            *year)
{
  if (!ref->known)
    return FALSE;
  *year = ref->year;
  if (cf_days_from_civil (ref->year, month, MIN (day, cf_days_in_month (ref->year, month)))
      > cf_days_from_civil (ref->year, ref->month, ref->day) + 2)
    (*year)--;
  return TRUE;
}

static gboolean
valid_day (gint year, gint month, gint day)
{
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= cf_days_in_month (year, month);
}

/* The dates that start at token @i; fills @found and returns TRUE on a match. */
static gboolean
match_date (GArray          *tokens,
            gint             i,
            const Reference *ref,
            Found           *found)
{
  Token *t = tok (tokens, i);
  gint j, month, year, d2 = 0;

  memset (found, 0, sizeof *found);
  found->first = i;
  if (t->kind == TOK_ISO)
    {
      found->last = i;
      found->start = t->iso->start;
      found->end = t->iso->end;
      found->precision = t->iso->precision;
      return TRUE;
    }
  if (t->kind == TOK_NUM && t->digits <= 2 && t->value >= 1 && t->value <= 31)
    {
      /* "2 to 3 May", "2.–3. Mai", "з 2 на 3 травня", "3 May", "3. Mai", "3rd of May" */
      j = i + 1;
      if (tok_is (tokens, j, "."))
        j++;
      if ((tok_is (tokens, j, "-") || tok_is (tokens, j, "–") || tok_is (tokens, j, "—") || tok_is (tokens, j, "/")
           || tok_is (tokens, j, "to") || tok_is (tokens, j, "and") || tok_is (tokens, j, "bis")
           || tok_is (tokens, j, "auf") || tok_is (tokens, j, "на"))
          && tok (tokens, j + 1) != NULL)
        {
          gint k = j + 1;

          if (tok_is (tokens, k, "den"))
            k++;
          if (tok (tokens, k) != NULL && tok (tokens, k)->kind == TOK_NUM && tok (tokens, k)->digits <= 2
              && tok (tokens, k)->value > t->value)
            {
              d2 = tok (tokens, k)->value;
              j = k + 1;
              if (tok_is (tokens, j, "."))
                j++;
            }
        }
      if (d2 == 0)
        {
          j = i + 1;
          if (tok_is (tokens, j, "."))
            j++;
          if (tok_is (tokens, j, "of"))
            j++;
        }
      month = tok_month (tokens, j);
      if (month != 0)
        {
          if (is_year (tok (tokens, j + 1)))
            {
              year = tok (tokens, j + 1)->value;
              j++;
            }
          else if (tok_is (tokens, j + 1, ",") && is_year (tok (tokens, j + 2)))
            {
              year = tok (tokens, j + 2)->value;
              j += 2;
            }
          else if (!resolve_year (ref, month, d2 ? d2 : t->value, &year))
            return FALSE;
          if (!valid_day (year, month, t->value) || (d2 && !valid_day (year, month, d2)))
            return FALSE;
          found->last = j;
          found->start = local_day (year, month, t->value);
          found->end = local_day (year, month, d2 ? d2 : t->value);
          found->has_end = d2 != 0;
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
      return FALSE;
    }
  month = tok_month (tokens, i);
  if (month != 0)
    {
      Token *n = tok (tokens, i + 1);

      /* "May 3", "May 3, 2023" */
      if (n != NULL && n->kind == TOK_NUM && n->digits <= 2 && n->value >= 1 && n->value <= 31)
        {
          j = i + 1;
          if (tok_is (tokens, j + 1, ",") && is_year (tok (tokens, j + 2)))
            {
              year = tok (tokens, j + 2)->value;
              j += 2;
            }
          else if (is_year (tok (tokens, j + 1)))
            {
              year = tok (tokens, j + 1)->value;
              j++;
            }
          else if (!resolve_year (ref, month, n->value, &year))
            return FALSE;
          if (!valid_day (year, month, n->value))
            return FALSE;
          found->last = j;
          found->start = found->end = local_day (year, month, n->value);
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
      /* "May 2023", "im Mai 2023", "у травні 2023" */
      if (is_year (n))
        {
          found->last = i + 1;
          found->start = found->end = local_day (n->value, month, 1);
          found->precision = CF_PRECISION_MONTH;
          return TRUE;
        }
      /* "in May" */
      if ((tok_is (tokens, i - 1, "in") || tok_is (tokens, i - 1, "im") || tok_is (tokens, i - 1, "у")
           || tok_is (tokens, i - 1, "в")) && resolve_year (ref, month, 1, &year))
        {
          found->last = i;
          found->start = found->end = local_day (year, month, 1);
          found->precision = CF_PRECISION_MONTH;
          return TRUE;
        }
      return FALSE;
    }
  if (t->kind == TOK_WORD && ref->known)
    {
      gint weekday = LOOKUP (weekdays, t->word);
      gint back = LOOKUP (relative_days, t->word);

      if (weekday != 0)
        {
          /* "Thursday, 4 May 2023": the date says more than the weekday */
          for (j = i + 1; j <= i + 2 && tok (tokens, j) != NULL; j++)
            if ((tok (tokens, j)->kind == TOK_NUM || tok_month (tokens, j) != 0)
                && match_date (tokens, j, ref, found))
              {
                found->first = i;
                return TRUE;
              }
          memset (found, 0, sizeof *found);
          found->first = i;
          gint ref_weekday = (gint) ((cf_days_from_civil (ref->year, ref->month, ref->day) % 7 + 7 + 3) % 7) + 1;

          found->last = i;
          found->start = found->end = reference_offset (ref, (ref_weekday - weekday + 7) % 7);
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
      if (strcmp (t->word, "day") == 0 && tok_is (tokens, i + 1, "before") && tok_is (tokens, i + 2, "yesterday"))
        {
          found->last = i + 2;
          found->start = found->end = reference_offset (ref, 2);
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
      if (back != 0 || strcmp (t->word, "today") == 0 || strcmp (t->word, "tonight") == 0
          || strcmp (t->word, "heute") == 0 || strcmp (t->word, "сьогодні") == 0)
        {
          found->last = i;
          found->start = found->end = reference_offset (ref, back);
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
      /* "last night", "overnight", "минулої ночі": the night into the published day */
      if ((strcmp (t->word, "last") == 0 && tok_is (tokens, i + 1, "night"))
          || (strcmp (t->word, "минулої") == 0 && tok_is (tokens, i + 1, "ночі"))
          || strcmp (t->word, "overnight") == 0)
        {
          found->last = strcmp (t->word, "overnight") == 0 ? i : i + 1;
          found->start = reference_offset (ref, 1);
          found->end = reference_offset (ref, 0);
          found->has_end = TRUE;
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
      if ((strcmp (t->word, "this") == 0 || strcmp (t->word, "earlier") == 0)
          && (tok_is (tokens, i + 1, "morning") || tok_is (tokens, i + 1, "afternoon")
              || tok_is (tokens, i + 1, "evening") || tok_is (tokens, i + 1, "today")))
        {
          found->last = i + 1;
          found->start = found->end = reference_offset (ref, 0);
          found->precision = CF_PRECISION_DAY;
          return TRUE;
        }
    }
  /* "in 2022" */
  if (is_year (t) && (tok_is (tokens, i - 1, "in") || tok_is (tokens, i - 1, "im") || tok_is (tokens, i - 1, "у")
                      || tok_is (tokens, i - 1, "в")))
    {
      found->last = i;
      found->start = found->end = local_day (t->value, 1, 1);
      found->precision = CF_PRECISION_YEAR;
      return TRUE;
    }
  return FALSE;
}

/* A zone at token @j: "Moscow time", "UTC", "за київським часом", ", Moscow time". */
static void
match_zone (GArray *tokens,
            gint    j,
            Found  *found)
{
  if (tok_is (tokens, j, ","))
    j++;
  if (tok_is (tokens, j, "за") || tok_is (tokens, j, "nach"))
    j++;
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    if (tok_is (tokens, j, zones[z].word) && (zones[z].next == NULL || tok_is (tokens, j + 1, zones[z].next)))
      {
        found->zone = zones[z].zone;
        found->last = zones[z].next != NULL ? j + 1 : j;
        break;
      }
}

/* A clock time starting at token @i: "2:30", "2:30 am", "2.30 a.m.", "3 am", "14 Uhr",
 * perhaps followed by a zone; @found gets hour, minute, precision and zone. */
static gboolean
match_time (GArray *tokens,
            gint    i,
            Found  *found)
{
  Token *t = tok (tokens, i);
  gint hour, minute = 0, j = i + 1;
  gboolean am = FALSE, pm = FALSE, marked = FALSE;

  memset (found, 0, sizeof *found);
  found->first = i;
  if (t->kind == TOK_TIME)
    {
      hour = t->hour;
      minute = t->minute;
      found->precision = CF_PRECISION_MINUTE;
    }
  else if (t->kind == TOK_NUM && t->digits <= 2 && t->value <= 23)
    {
      hour = t->value;
      found->precision = CF_PRECISION_HOUR;
    }
  else
    return FALSE;

  if (tok_is (tokens, j, "am") || tok_is (tokens, j, "ранку") || tok_is (tokens, j, "ночі"))
    am = TRUE, j++;
  else if (tok_is (tokens, j, "pm") || tok_is (tokens, j, "вечора") || tok_is (tokens, j, "дня"))
    pm = TRUE, j++;
  else if ((tok_is (tokens, j, "a") || tok_is (tokens, j, "p")) && tok_is (tokens, j + 1, ".")
           && tok_is (tokens, j + 2, "m"))
    {
      am = tok_is (tokens, j, "a");
      pm = !am;
      j += 3;
      if (tok_is (tokens, j, ".") && tok (tokens, j + 1) != NULL && tok (tokens, j + 1)->sentence == tok (tokens, j)->sentence)
        j++;
    }
  else if (tok_is (tokens, j, "uhr") || tok_is (tokens, j, "o'clock") || tok_is (tokens, j, "h"))
    marked = TRUE, j++;
  if (t->kind == TOK_NUM && !am && !pm && !marked)
    return FALSE;
  if ((am || pm) && (hour < 1 || hour > 12))
    return FALSE;
  if (pm && hour < 12)
    hour += 12;
  if (am && hour == 12)
    hour = 0;
  if (hour > 23)
    return FALSE;
  found->start.hour = hour;
  found->start.minute = minute;
  found->last = j - 1;

  match_zone (tokens, j, found);
  return TRUE;
}

static gboolean
preceded_by_approx (GArray *tokens,
                    gint    i)
{
  for (gint k = i - 1; k >= i - 2 && k >= 0; k--)
    {
      Token *t = tok (tokens, k);

      if (t->kind == TOK_WORD && is_approx_word (t->word))
        return TRUE;
      if (!(tok_is (tokens, k, "at") || tok_is (tokens, k, "um") || tok_is (tokens, k, "о")
            || tok_is (tokens, k, "on") || tok_is (tokens, k, "before") || tok_is (tokens, k, "after")
            || tok_is (tokens, k, "vor") || tok_is (tokens, k, "nach")))
        return FALSE;
    }
  return FALSE;
}

static Reference
reference_from_published (const char *published,
                          const char *zone_name)
{
  Reference ref = { FALSE, 0, 0, 0 };
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(CfEventTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) there = NULL;
  gint64 earliest;

  if (published == NULL)
    return ref;
  local = cf_event_time_parse (published, NULL);
  if (local != NULL && local->timezone == NULL && local->precision <= CF_PRECISION_DAY)
    {
      ref.known = TRUE;
      ref.year = local->start.year;
      ref.month = local->start.month;
      ref.day = local->start.day;
      return ref;
    }
  if (zone_name != NULL)
    zone = cf_time_zone_new_checked (zone_name, NULL);
  if (!cf_document_time_parse (published, zone, &earliest, NULL))
    return ref;
  utc = g_date_time_new_from_unix_utc (earliest);
  there = utc != NULL && zone != NULL ? g_date_time_to_timezone (utc, zone) : g_date_time_ref (utc);
  if (there == NULL)
    return ref;
  ref.known = TRUE;
  g_date_time_get_ymd (there, &ref.year, &ref.month, &ref.day);
  return ref;
}

void
cf_date_offer_free (CfDateOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->phrase);
  cf_event_time_free (offer->time);
  g_free (offer);
}

/* @cursor and @cursor_offset walk the text forward with the offers, which come in text
 * order, so a text with many dates is not re-read from its start for each. */
static CfDateOffer *
offer_new (const char  **cursor,
           gint         *cursor_offset,
           GArray       *tokens,
           const Found  *f)
{
  CfDateOffer *offer = g_new0 (CfDateOffer, 1);
  const char *a, *b;

  offer->start = tok (tokens, f->first)->cstart;
  offer->end = tok (tokens, f->last)->cend;
  g_assert (offer->start >= *cursor_offset);
  a = g_utf8_offset_to_pointer (*cursor, offer->start - *cursor_offset);
  *cursor = a;
  *cursor_offset = offer->start;
  b = g_utf8_offset_to_pointer (a, offer->end - offer->start);
  offer->phrase = g_strndup (a, b - a);
  offer->time = cf_event_time_new ();
  offer->time->start = f->start;
  offer->time->end = f->has_end ? f->end : f->start;
  offer->time->has_end = f->has_end;
  offer->time->precision = f->precision;
  offer->time->approximate = f->approximate;
  offer->time->timezone = g_strdup (f->zone);
  return offer;
}

/* Every date in @tokens, times joined to the nearest day in their sentence. */
static GArray *
find_in_tokens (GArray          *tokens,
                const Reference *ref)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (Found));
  g_autoptr(GArray) times = g_array_new (FALSE, TRUE, sizeof (Found));
  GArray *result = g_array_new (FALSE, TRUE, sizeof (Found));

  for (gint i = 0; (guint) i < tokens->len; i++)
    {
      Found f;

      if (match_date (tokens, i, ref, &f))
        {
          f.approximate = preceded_by_approx (tokens, f.first);
          g_array_append_val (dates, f);
          i = f.last;
        }
      else if (match_time (tokens, i, &f))
        {
          f.approximate = preceded_by_approx (tokens, f.first);
          g_array_append_val (times, f);
          i = f.last;
        }
    }

  for (guint k = 0, d0 = 0; k < times->len; k++)
    {
      Found f = g_array_index (times, Found, k);
      Found *best = NULL;
      gint best_distance = G_MAXINT;
      gint sentence = tok (tokens, f.first)->sentence;

      /* both lists are in text order: only dates within reach are looked at */
      while (d0 < dates->len && g_array_index (dates, Found, d0).last < f.first - 10)
        d0++;
      for (guint d = d0; d < dates->len && g_array_index (dates, Found, d).first <= f.last + 10; d++)
        {
          Found *date = &g_array_index (dates, Found, d);
          gint distance = date->first > f.last ? date->first - f.last : f.first - date->last;

          if (date->precision != CF_PRECISION_DAY || tok (tokens, date->first)->sentence != sentence
              || distance > 10)
            continue;
          if (distance < best_distance)
            {
              best = date;
              best_distance = distance;
            }
        }
      if (best != NULL)
        {
          best->used = TRUE;
          f.approximate = f.approximate || best->approximate;
          f.first = MIN (f.first, best->first);
          if (best->last > f.last)
            {
              f.last = best->last;
              /* "2:30 am on Wednesday, Moscow time" */
              if (f.zone == NULL)
                match_zone (tokens, f.last + 1, &f);
            }
        }
      else if (!ref->known)
        continue;
      {
        /* a night range "2 to 3 May": a morning hour is on the second day */
        CfLocalTime day_time = best != NULL ? (best->has_end && f.start.hour < 12 ? best->end : best->start)
                                            : reference_offset (ref, 0);

        day_time.hour = f.start.hour;
        day_time.minute = f.start.minute;
        f.start = f.end = day_time;
        f.has_end = FALSE;
      }
      g_array_append_val (result, f);
    }
  for (guint d = 0; d < dates->len; d++)
    if (!g_array_index (dates, Found, d).used)
      g_array_append_val (result, g_array_index (dates, Found, d));
  g_array_unref (dates);
  return result;
}

static gint
found_compare (gconstpointer a,
               gconstpointer b)
{
  return ((const Found *) a)->first - ((const Found *) b)->first;
}

GPtrArray *
cf_date_finder_find_all (const char *text,
                         const char *published,
                         const char *zone)
{
  GPtrArray *offers = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_date_offer_free);
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) found = NULL;
  const char *cursor = text;
  gint cursor_offset = 0;
  Reference ref;

  g_return_val_if_fail (text != NULL, offers);

  if (!g_utf8_validate (text, MIN (strlen (text), MAX_TEXT_BYTES), NULL))
    return offers;
  ref = reference_from_published (published, zone);
  tokens = tokenize (text, MIN (strlen (text), MAX_TEXT_BYTES));
  mark_sentences (tokens);
  found = find_in_tokens (tokens, &ref);
  g_array_sort (found, found_compare);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (offers, offer_new (&cursor, &cursor_offset, tokens, &g_array_index (found, Found, i)));
  return offers;
}

CfDateOffer *
cf_date_finder_find_for_span (const char *text,
                              gint        start,
                              gint        end,
                              const char *published,
                              const char *zone)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *window = NULL;
  const char *a, *b, *limit;
  Reference ref;
  gint window_start, first_sentence = -1, last_sentence = -1;
  Found *best = NULL;
  gint best_tier = G_MAXINT;
  CfDateOffer *offer;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start >= 0 && end >= start, NULL);

  limit = text + strnlen (text, MAX_TEXT_BYTES);
  if (!g_utf8_validate (text, limit - text, NULL) || end > g_utf8_strlen (text, limit - text))
    return NULL;
  window_start = MAX (0, start - SPAN_WINDOW);
  a = g_utf8_offset_to_pointer (text, window_start);
  b = g_utf8_offset_to_pointer (a, end - window_start);
  for (gint i = 0; i < SPAN_WINDOW / 4 && b < limit && *b != '\0'; i++)
    b = g_utf8_next_char (b);
  window = g_strndup (a, b - a);
  start -= window_start;
  end -= window_start;

  ref = reference_from_published (published, zone);
  tokens = tokenize (window, strlen (window));
  mark_sentences (tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = tok (tokens, i);

      if (t->cend > start && t->cstart < MAX (end, start + 1))
        {
          if (first_sentence < 0)
            first_sentence = t->sentence;
          last_sentence = t->sentence;
        }
    }
  if (first_sentence < 0)
    return NULL;
  found = find_in_tokens (tokens, &ref);
  g_array_sort (found, found_compare);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      gint s = tok (tokens, f->first)->sentence;
      gint tier;

      if (tok (tokens, f->first)->cstart < end && tok (tokens, f->last)->cend > start)
        tier = 0;
      else if (s >= first_sentence && s <= last_sentence)
        tier = 1;
      else if (s == first_sentence - 1)
        tier = 2;
      else
        continue;
      if (tier < best_tier || (tier == best_tier && f->precision < best->precision))
        {
          best = f;
          best_tier = tier;
        }
    }
  if (best == NULL)
    return NULL;
  {
    const char *cursor = window;
    gint cursor_offset = 0;

    offer = offer_new (&cursor, &cursor_offset, tokens, best);
  }
  offer->start += window_start;
  offer->end += window_start;
  return offer;
}
