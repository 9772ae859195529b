/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bylines as names. The element a page marks as its byline often holds more than
 * the author: "By", the date, a relative time ("• 8h"), the author's job title, an
 * avatar. This file reads a byline element's text without its dates and titles,
 * and cleans a byline string down to the names, the way the page joins them; a
 * byline that is only a date is no byline at all. The scan and the metadata both
 * use it, so a "By …" from a meta tag is cleaned the same way. */
#include "config.h"

#include <string.h>

#include "cf-extract-private.h"
#include "cf-html-private.h"

/* Children of a byline element that hold no part of the name. */
static gboolean
is_byline_clutter (xmlNode *node)
{
  static const char * const words[] = {
    "date", "time", "title", "job", "role", "position", "avatar", "photo", "bio",
    "follow", "social", "share", NULL
  };
  const char *name = (const char *) node->name;
  const char *cls = _cf_html_attr (node, "class");
  g_autofree char *lower = NULL;

  if (strcmp (name, "time") == 0 || strcmp (name, "script") == 0 ||
      strcmp (name, "style") == 0 || strcmp (name, "img") == 0 ||
      strcmp (name, "svg") == 0 || strcmp (name, "noscript") == 0)
    return TRUE;
  if (cls == NULL)
    return FALSE;
  lower = g_ascii_strdown (cls, -1);
  /* "author-name" is the name, whatever else the class says */
  if (strstr (lower, "name") != NULL)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
_cf_html_byline_text (xmlNode *root)
{
  GString *s = g_string_new (NULL);
  xmlNode *n = root->children;

  while (n != NULL && s->len < 4096)
    {
      if (n->type == XML_TEXT_NODE && n->content != NULL)
        g_string_append (s, (const char *) n->content);
      else if (n->type == XML_ELEMENT_NODE)
        {
          if (strcmp ((const char *) n->name, "br") == 0)
            g_string_append_c (s, ' ');
          else if (n->children != NULL && !is_byline_clutter (n) &&
                   xmlHasProp (n, (const xmlChar *) "hidden") == NULL)
            {
              g_string_append_c (s, ' ');
              n = n->children;
              continue;
            }
        }
      while (n != NULL && n->next == NULL)
        {
          n = n->parent;
          if (n == root)
            n = NULL;
          else if (n != NULL)
            g_string_append_c (s, ' ');
        }
      if (n != NULL)
        n = n->next;
    }
  {
    g_autofree char *raw = g_string_free (s, FALSE);

    return _cf_collapse_whitespace (raw);
  }
}

static gboolean
word_is (const char *p,
         const char *end,
         const char *word)
{
  gsize len = strlen (word);

  return (gsize) (end - p) == len && g_ascii_strncasecmp (p, word, len) == 0;
}

static gboolean
word_in (const char         *p,
         const char         *end,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (word_is (p, end, list[i]))
      return TRUE;
  return FALSE;
}

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL
};

/* Words that start the date part of a byline. */
static const char * const date_words[] = {
  "updated", "published", "posted", "ago", "modified", NULL
};

static const char * const time_units[] = {
  "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes",
  "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "wks", "week",
  "weeks", "mo", "month", "months", "y", "yr", "yrs", "year", "years", NULL
};

/* A word is letters and digits (and what names hold: apostrophes, hyphens, dots). */
static const char *
word_end (const char *start)
{
  const char *p = start;

  while (*p && !g_ascii_isspace (*p) && *p != ',' && *p != ';' && *p != '|' && *p != '(' &&
         *p != ')' && *p != ':')
    p++;
  /* "Feb." is the word "Feb" */
  while (p > start + 1 && p[-1] == '.')
    p--;
  return p;
}

/* Does a date or time start at @p ("May 20, 2019", "20 May", "2019-05-20",
 * "11:57 AM", "8h", "3 hours ago", "Updated …", "Sunday, …")? */
static gboolean
date_starts_at (const char *p,
                gboolean    after_number)
{
  const char *end = word_end (p);
  const char *next;

  if (end == p)
    return FALSE;
  next = end;
  while (*next == '.' || *next == ',' || *next == ' ')
    next++;
  if (word_in (p, end, date_words) || word_in (p, end, weekdays))
    return TRUE;
  if (word_in (p, end, months))
    return g_ascii_isdigit (*next) || after_number;
  if (g_ascii_isdigit (*p))
    {
      const char *q = p;
      guint digits = 0;

      while (g_ascii_isdigit (*q))
        q++, digits++;
      /* 2019-05-20, 20/05/2019, 20.5.2019, 11:57 */
      if ((*q == '-' || *q == '/' || *q == '.' || *q == ':') && g_ascii_isdigit (q[1]))
        return TRUE;
      /* 8h, 12min */
      if (q < end && word_in (q, end, time_units))
        return TRUE;
      /* 3 hours ago, 20 May, a year */
      if (q == end && (word_in (next, word_end (next), time_units) ||
                       word_in (next, word_end (next), months) || digits == 4))
        return TRUE;
    }
  return FALSE;
}

static const char * const role_words[] = {
  "editor", "reporter", "correspondent", "writer", "contributor", "columnist",
  "producer", "critic", "journalist", "photographer", "analyst", "editor-at-large",
  "intern", "host", "anchor", "redakteur", "redakteurin", "journaliste", "editors",
  "reporters", "correspondents", "writers", "contributors", "columnists", "producers", NULL
};

/* Words that qualify a role: "Games Editor", "Senior Staff Writer". */
static const char * const role_modifiers[] = {
  "games", "senior", "staff", "contributing", "managing", "executive", "deputy",
  "associate", "political", "politics", "news", "sports", "science", "technology",
  "tech", "features", "opinion", "business", "chief", "special", "foreign",
  "entertainment", "health", "travel", "food", "music", "film", "arts", "culture",
  "digital", "social", "video", "photo", "lead", "assistant", "investigative",
  "national", "local", "world", "economics", "legal", "data", "freelance", NULL
};

static const char * const credentials[] = {
  "ma", "mba", "md", "phd", "ph.d.", "msc", "bsc", "rn", "jd", "dds", "mph", "ms", "rd",
  "rdn", NULL
};

/* A comma-separated part that is a title or a credential, not a name. */
static gboolean
part_is_role (const char *p,
              const char *end)
{
  while (p < end)
    {
      const char *w;

      while (p < end && *p == ' ')
        p++;
      w = p;
      while (p < end && *p != ' ')
        p++;
      if (p > w && (word_in (w, p, role_words) || word_in (w, p, credentials)))
        return TRUE;
    }
  return FALSE;
}

static const char * const prefixes[] = {
  "written by ", "posted by ", "words by ", "text by ", "story by ", "by ", "by: ",
  "par ", "por ", "door ", "autor: ", "author: ", NULL
};

static const char * const trailing_words[] = {
  "on", "at", "last", "and", "le", "el", "am", "the", "-", NULL
};

/* One segment of a byline (between bullets or bars) cleaned down to its names;
 * NULL when nothing of a name is left. */
static char *
clean_segment (const char *segment)
{
  g_autofree char *s = g_strstrip (g_strdup (segment));
  char *p = s;
  char *cut = NULL;
  gboolean after_number = FALSE;
  GString *out;
  gboolean has_letter = FALSE;

  /* "Analysis by …", "Photos and text by …": what comes before " by " in the
   * first few words says what kind of work it is, not who did it */
  {
    const char *by = strstr (p, " by ");

    if (by == NULL)
      by = strstr (p, " By ");
    if (by != NULL && by - p < 24 && memchr (p, ',', by - p) == NULL)
      p = (char *) by + 1;
  }
  for (gboolean again = TRUE; again;)
    {
      again = FALSE;
      for (guint i = 0; prefixes[i] != NULL; i++)
        if (g_ascii_strncasecmp (p, prefixes[i], strlen (prefixes[i])) == 0)
          {
            p += strlen (prefixes[i]);
            while (*p == ' ' || *p == ':')
              p++;
            again = TRUE;
          }
    }

  /* the date, and whatever follows it, ends the names; "Edited by" too */
  for (char *w = p; *w && cut == NULL;)
    {
      char *end;

      while (*w && (g_ascii_isspace (*w) || *w == ',' || *w == ';' || *w == '(' ||
                    *w == ')' || *w == ':'))
        w++;
      if (*w == '\0')
        break;
      if (date_starts_at (w, after_number) || g_ascii_strncasecmp (w, "edited by", 9) == 0)
        cut = w;
      end = (char *) word_end (w);
      if (end == w)
        end = w + 1;
      after_number = g_ascii_isdigit (end[-1]);
      w = end;
    }
  if (cut != NULL)
    *cut = '\0';

  /* what is left at the end of the names: "Jane Doe, on", "Lucas Nolan22" */
  for (gboolean again = TRUE; again;)
    {
      gsize len = strlen (p);
      char *last;

      again = FALSE;
      while (len > 0 && (g_ascii_isspace (p[len - 1]) || strchr (",;:|-/(", p[len - 1]) != NULL ||
                         g_ascii_isdigit (p[len - 1])))
        p[--len] = '\0';
      last = strrchr (p, ' ');
      last = last ? last + 1 : p;
      if (*last && word_in (last, p + len, trailing_words))
        {
          *last = '\0';
          again = TRUE;
        }
    }

  /* ", Staff Writer", ", MA": parts that are titles or credentials go */
  out = g_string_new (NULL);
  for (char *part = p; part != NULL && *part;)
    {
      char *comma = strchr (part, ',');
      char *end = comma ? comma : part + strlen (part);

      if (!part_is_role (part, end) || (out->len == 0 && comma == NULL))
        {
          if (out->len > 0)
            g_string_append_c (out, ',');
          g_string_append_len (out, part, end - part);
        }
      part = comma ? comma + 1 : NULL;
    }

  /* "Ben Silverman Games Editor": a role, and its qualifiers, after the name */
  for (guint words = 0;; words++)
    {
      char *last = strrchr (out->str, ' ');
      gboolean role;

      if (last == NULL)
        break;
      role = word_in (last + 1, out->str + out->len, role_words);
      if (!role && !(words > 0 && word_in (last + 1, out->str + out->len, role_modifiers)))
        break;
      /* a role alone is no name: keep two words at least */
      if (strchr (out->str, ' ') == last)
        break;
      g_string_truncate (out, last - out->str);
    }

  for (const char *c = out->str; *c; c = g_utf8_next_char (c))
    if (g_unichar_isalpha (g_utf8_get_char (c)))
      {
        has_letter = TRUE;
        break;
      }
  if (!has_letter)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  {
    g_autofree char *raw = g_string_free (out, FALSE);
    char *collapsed = _cf_collapse_whitespace (raw);
    char *w = collapsed;

    /* "Jane Doe , Business Insider": the space came from the markup */
    for (const char *r = collapsed; *r; r++)
      if (!(*r == ' ' && r[1] == ','))
        *w++ = *r;
    *w = '\0';
    return collapsed;
  }
}

char *
_cf_html_clean_byline (const char *raw)
{
  g_autofree char *text = NULL;
  GString *seg;

  if (raw == NULL)
    return NULL;
  text = _cf_collapse_whitespace (raw);
  seg = g_string_new (NULL);
  /* bullets and bars part a byline's pieces; the first piece with a name wins */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || c == 0x2022 || c == '|' || c == 0xB7 || c == 0x2014 || c == 0x2013 ||
          c == 0x25CF)
        {
          char *name = clean_segment (seg->str);

          g_string_truncate (seg, 0);
          if (name != NULL)
            {
              g_string_free (seg, TRUE);
              return name;
            }
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (seg, c);
    }
  g_string_free (seg, TRUE);
  return NULL;
}
