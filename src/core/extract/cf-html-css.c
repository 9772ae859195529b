/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Blocks that only print. A page may carry a footer or header that its screen
 * styles hide and its print styles show ("This page was printed from …"); a reader
 * never sees it, so it must never be taken for the article. This file reads the
 * page's own <style> sheets just far enough to find such classes: a class that a
 * screen rule sets to display:none and a print rule (an @media print block, or a
 * <style media="print">) displays again. Only rules whose selector is one bare
 * class count; anything subtler is left to the class names the scan knows. */
#include "config.h"

#include <string.h>

#include "cf-html-private.h"

/* How much style text is read per page: sheets of megabytes are generated ones,
 * where print-only classes are the least of what we would miss. */
#define MAX_CSS_BYTES (1024 * 1024)

typedef struct
{
  GHashTable *screen_hidden;
  GHashTable *print_shown;
} CssSets;

/* ".name" alone (around white space): the class name, or NULL. */
static char *
bare_class (const char *sel,
            const char *end)
{
  const char *name;

  while (sel < end && g_ascii_isspace (*sel))
    sel++;
  while (end > sel && g_ascii_isspace (end[-1]))
    end--;
  if (sel >= end || *sel != '.')
    return NULL;
  name = ++sel;
  for (; sel < end; sel++)
    if (!g_ascii_isalnum (*sel) && *sel != '-' && *sel != '_')
      return NULL;
  return sel > name ? g_ascii_strdown (name, sel - name) : NULL;
}

/* What a declaration block says of display: -1 none, 1 something else, 0 nothing. */
static int
display_of (const char *decl,
            const char *end)
{
  for (const char *p = decl; p + 8 <= end; p++)
    if (g_ascii_strncasecmp (p, "display", 7) == 0 &&
        (p == decl || (!g_ascii_isalnum (p[-1]) && p[-1] != '-')))
      {
        const char *v = p + 7;

        while (v < end && g_ascii_isspace (*v))
          v++;
        if (v >= end || *v != ':')
          continue;
        v++;
        while (v < end && g_ascii_isspace (*v))
          v++;
        return end - v >= 4 && g_ascii_strncasecmp (v, "none", 4) == 0 ? -1 : 1;
      }
  return 0;
}

static void
note_rule (CssSets    *sets,
           const char *sel,
           const char *sel_end,
           const char *decl,
           const char *decl_end,
           gboolean    print)
{
  int display = display_of (decl, decl_end);
  GHashTable *set;

  if (display == 0 || (print ? display < 0 : display > 0))
    return;
  set = print ? sets->print_shown : sets->screen_hidden;
  while (sel < sel_end)
    {
      const char *comma = memchr (sel, ',', sel_end - sel);
      const char *end = comma ? comma : sel_end;
      char *name = bare_class (sel, end);

      if (name != NULL)
        g_hash_table_add (set, name);
      sel = end + 1;
    }
}

static const char *
skip_comment (const char *p,
              const char *end)
{
  const char *close = g_strstr_len (p + 2, end - p - 2, "*/");

  return close ? close + 2 : end;
}

/* Reads rules from @p up to the '}' closing the block (or @end); returns where it
 * stopped. @print: the rules apply to print only. */
static const char *
read_rules (CssSets    *sets,
            const char *p,
            const char *end,
            gboolean    print,
            guint       depth)
{
  while (p < end)
    {
      const char *sel = p;
      const char *open;

      while (p < end && *p != '{' && *p != '}' && *p != ';')
        {
          if (*p == '/' && p + 1 < end && p[1] == '*')
            {
              p = skip_comment (p, end);
              sel = p;
              continue;
            }
          p++;
        }
      if (p >= end)
        return end;
      if (*p == '}')
        return p + 1;
      if (*p == ';')     /* @import, @charset */
        {
          p++;
          continue;
        }
      open = p++;
      while (sel < open && g_ascii_isspace (*sel))
        sel++;
      if (*sel == '@')
        {
          gboolean media = g_ascii_strncasecmp (sel, "@media", 6) == 0;
          g_autofree char *query = g_ascii_strdown (sel, open - sel);
          gboolean is_print = media && strstr (query, "print") != NULL &&
                              strstr (query, "not print") == NULL;
          gboolean is_screen = media && !is_print &&
                               (strstr (query, "screen") != NULL || strstr (query, "all") != NULL) &&
                               strchr (query, '(') == NULL;

          /* rules for print, or for every screen; widths and other conditions
           * say nothing about what a reader of the page sees */
          if (depth < 4 && (is_print || is_screen))
            p = read_rules (sets, p, end, is_print || print, depth + 1);
          else
            {
              guint level = 1;

              for (; p < end && level > 0; p++)
                level += *p == '{' ? 1 : *p == '}' ? -1 : 0;
            }
          continue;
        }
      {
        const char *decl = p;

        while (p < end && *p != '}')
          p++;
        note_rule (sets, sel, open, decl, p, print);
        if (p < end)
          p++;
      }
    }
  return end;
}

void
_cf_html_note_style (Page          *page,
                     const xmlNode *style)
{
  const char *media = _cf_html_attr (style, "media");
  gboolean print = FALSE;
  CssSets sets;
  GString *text;

  if (media != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (media, -1);

      print = strstr (lower, "print") != NULL;
      if (!print && strstr (lower, "screen") == NULL && strstr (lower, "all") == NULL)
        return;
    }
  if (page->css_bytes >= MAX_CSS_BYTES)
    return;
  text = g_string_new (NULL);
  for (xmlNode *c = style->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
      g_string_append (text, (const char *) c->content);
  page->css_bytes += text->len;

  if (page->screen_hidden == NULL)
    {
      page->screen_hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      page->print_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  sets.screen_hidden = page->screen_hidden;
  sets.print_shown = page->print_shown;
  read_rules (&sets, text->str, text->str + MIN (text->len, MAX_CSS_BYTES), print, 0);
  g_string_free (text, TRUE);
}

gboolean
_cf_html_class_prints_only (Page       *page,
                            const char *lower_class)
{
  if (page->print_shown == NULL || g_hash_table_size (page->print_shown) == 0)
    return FALSE;
  for (const char *p = lower_class; *p;)
    {
      const char *end;

      while (*p && g_ascii_isspace (*p))
        p++;
      end = p;
      while (*end && !g_ascii_isspace (*end))
        end++;
      if (end > p)
        {
          g_autofree char *name = g_strndup (p, end - p);

          if (g_hash_table_contains (page->print_shown, name) &&
              g_hash_table_contains (page->screen_hidden, name))
            return TRUE;
        }
      p = end;
    }
  return FALSE;
}
