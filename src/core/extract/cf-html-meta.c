/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The metadata of a page: title (with Readability's <title> heuristics), byline,
 * site name, date, language and canonical URL, from JSON-LD, meta tags and markup,
 * in a fixed order of trust. The scan hands it every <meta> element; the rest
 * reads only what the scan collected. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cf-extract-private.h"
#include "cf-html-private.h"

void
_cf_html_note_meta (Page          *page,
                    const xmlNode *node)
{
  const char *content = _cf_html_attr (node, "content");
  const char *property = _cf_html_attr (node, "property");
  const char *name = _cf_html_attr (node, "name");
  const char *itemprop = _cf_html_attr (node, "itemprop");
  const char *http_equiv = _cf_html_attr (node, "http-equiv");
  gboolean matched = FALSE;

  if (content == NULL)
    return;

  if (property != NULL)
    {
      static const char *prefixes[] = { "article", "dc", "dcterm", "og", "twitter", NULL };
      static const char *names[] = { "author", "creator", "description", "published_time",
                                     "title", "site_name", NULL };
      g_auto(GStrv) parts = g_strsplit_set (property, " \t\n", -1);

      /* "PREFIX:NAME" anywhere in a token, so "og:article:author" counts as
       * "article:author", as Readability's unanchored pattern has it. */
      for (guint i = 0; parts[i] != NULL && !matched; i++)
        {
          g_autofree char *lower = g_ascii_strdown (parts[i], -1);

          for (char *colon = strchr (lower, ':'); colon != NULL && !matched;
               colon = strchr (colon + 1, ':'))
            {
              char *start = colon;

              while (start > lower && start[-1] != ':')
                start--;
              for (guint p = 0; prefixes[p] != NULL && !matched; p++)
                if ((gsize) (colon - start) == strlen (prefixes[p]) &&
                    strncmp (start, prefixes[p], colon - start) == 0)
                  for (guint n = 0; names[n] != NULL && !matched; n++)
                    if (strcmp (colon + 1, names[n]) == 0)
                      {
                        g_hash_table_insert (page->meta, g_strdup (start),
                                             g_strstrip (g_strdup (content)));
                        matched = TRUE;
                      }
            }
        }
      /* keep other properties too, under a separate key space, for fallbacks */
      if (!matched)
        {
          g_autofree char *lower = g_ascii_strdown (property, -1);

          g_hash_table_insert (page->meta, g_strconcat ("~", lower, NULL),
                               g_strstrip (g_strdup (content)));
        }
    }

  if (!matched && name != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      char *key = lower;
      static const char *prefixes[] = { "dc", "dcterm", "og", "twitter", "parsely",
                                        "weibo:article", "weibo:webpage", NULL };
      static const char *names[] = { "author", "creator", "pub-date", "description",
                                     "title", "site_name", NULL };
      gboolean ok = FALSE;

      g_strstrip (key);
      for (guint n = 0; names[n] != NULL && !ok; n++)
        {
          gsize ln = strlen (names[n]), lk = strlen (key);

          if (lk == ln && strcmp (key, names[n]) == 0)
            ok = TRUE;
          else if (lk > ln && strcmp (key + lk - ln, names[n]) == 0)
            {
              /* prefix, optional spaces, one of - . : */
              g_autofree char *pre = g_strndup (key, lk - ln);
              gsize lp = strlen (pre);

              if (lp >= 2 && strchr ("-.:", pre[lp - 1]) != NULL)
                {
                  pre[lp - 1] = '\0';
                  g_strstrip (pre);
                  for (guint p = 0; prefixes[p] != NULL && !ok; p++)
                    ok = strcmp (pre, prefixes[p]) == 0;
                }
            }
        }
      if (ok && *content != '\0')
        {
          GString *k = g_string_new (NULL);

          for (const char *c = key; *c; c++)
            if (!g_ascii_isspace (*c))
              g_string_append_c (k, *c == '.' ? ':' : *c);
          g_hash_table_insert (page->meta, g_string_free (k, FALSE),
                               g_strstrip (g_strdup (content)));
        }
      else if (!ok)
        g_hash_table_insert (page->meta, g_strconcat ("~", key, NULL),
                             g_strstrip (g_strdup (content)));
    }

  if (itemprop != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (itemprop, -1);

      g_hash_table_insert (page->meta, g_strconcat ("@", lower, NULL),
                           g_strstrip (g_strdup (content)));
    }
  if (http_equiv != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (http_equiv, -1);

      g_hash_table_insert (page->meta, g_strconcat ("=", lower, NULL),
                           g_strstrip (g_strdup (content)));
    }
}

/* Undoes a second round of entity escaping that some sites put in meta content. */
char *
_cf_html_unescape_entities (const char *s)
{
  GString *out;

  if (s == NULL)
    return NULL;
  if (strchr (s, '&') == NULL)
    return g_strdup (s);
  out = g_string_sized_new (strlen (s));
  for (const char *p = s; *p;)
    {
      if (*p == '&')
        {
          static const struct { const char *name; const char *text; } named[] = {
            { "&quot;", "\"" }, { "&amp;", "&" }, { "&apos;", "'" }, { "&lt;", "<" },
            { "&gt;", ">" },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (named) && !done; i++)
            if (g_str_has_prefix (p, named[i].name))
              {
                g_string_append (out, named[i].text);
                p += strlen (named[i].name);
                done = TRUE;
              }
          if (!done && p[1] == '#')
            {
              char *end = NULL;
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              guint64 v = g_ascii_strtoull (p + (hex ? 3 : 2), &end, hex ? 16 : 10);

              if (end != NULL && *end == ';' && end > p + (hex ? 3 : 2))
                {
                  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                    v = 0xFFFD;
                  g_string_append_unichar (out, (gunichar) v);
                  p = end + 1;
                  done = TRUE;
                }
            }
          if (done)
            continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static char *
meta_value (Page       *page,
            const char *key)
{
  const char *v = g_hash_table_lookup (page->meta, key);

  if (v == NULL || *v == '\0')
    return NULL;
  return _cf_html_unescape_entities (v);
}

static guint
word_count (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = s; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static gboolean
is_title_separator (gunichar c)
{
  return c == '|' || c == '-' || c == 0x2013 || c == 0x2014 || c == '\\' || c == '/' ||
         c == '>' || c == 0xBB;
}

static gboolean
is_hierarchical_separator (gunichar c)
{
  return c == '\\' || c == '/' || c == '>' || c == 0xBB;
}

/* Finds " SEP " occurrences; returns the byte offset of the first or last, or -1. */
static gssize
find_separator (const char *s,
                gboolean    last,
                gboolean    hierarchical_only,
                gsize      *sep_len)
{
  gssize found = -1;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c;
      const char *next;

      if (*p != ' ')
        continue;
      next = g_utf8_next_char (p);
      if (*next == '\0')
        break;
      c = g_utf8_get_char (next);
      if (!(hierarchical_only ? is_hierarchical_separator (c) : is_title_separator (c)))
        continue;
      if (*g_utf8_next_char (next) != ' ')
        continue;
      found = p - s;
      *sep_len = g_utf8_next_char (next) - p + 1;
      if (!last)
        break;
    }
  return found;
}

/* Readability's title heuristics for <title>: drop a " | Site" part unless what is
 * left is too short to be a headline. */
static char *
article_title (Page *page)
{
  g_autofree char *orig = _cf_collapse_whitespace (page->title ? page->title : "");
  g_autofree char *cur = g_strdup (orig);
  gboolean hierarchical = FALSE;
  gsize sep_len = 0;
  gssize pos;
  guint cur_words;

  if ((pos = find_separator (orig, TRUE, FALSE, &sep_len)) >= 0)
    {
      gsize dummy;

      hierarchical = find_separator (orig, FALSE, TRUE, &dummy) >= 0;
      g_free (cur);
      cur = g_strndup (orig, pos);
      if (word_count (cur) < 3)
        {
          pos = find_separator (orig, FALSE, FALSE, &sep_len);
          g_free (cur);
          cur = g_strdup (orig + pos + sep_len);
        }
    }
  else if (strstr (orig, ": ") != NULL)
    {
      gboolean match = FALSE;

      for (guint i = 0; i < page->h1s->len && !match; i++)
        match = strcmp (g_ptr_array_index (page->h1s, i), orig) == 0;
      for (guint i = 0; i < page->h2s->len && !match; i++)
        match = strcmp (g_ptr_array_index (page->h2s, i), orig) == 0;
      if (!match)
        {
          const char *last = g_strrstr (orig, ":");
          const char *first = strchr (orig, ':');

          g_free (cur);
          cur = g_strdup (last + 1);
          if (word_count (cur) < 3)
            {
              g_free (cur);
              cur = g_strdup (first + 1);
            }
          else
            {
              g_autofree char *before = g_strndup (orig, first - orig);

              if (word_count (before) > 5)
                {
                  g_free (cur);
                  cur = g_strdup (orig);
                }
            }
        }
    }
  else if ((strlen (orig) > 150 || strlen (orig) < 15) && page->h1s->len == 1)
    {
      g_free (cur);
      cur = g_strdup (g_ptr_array_index (page->h1s, 0));
    }

  {
    char *collapsed = _cf_collapse_whitespace (cur);

    g_free (cur);
    cur = collapsed;
  }
  cur_words = word_count (cur);
  if (cur_words <= 4)
    {
      GString *stripped = g_string_new (NULL);

      for (const char *p = orig; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c != '|' && c != '-' && c != '\\' && c != '/' && c != '>' && c != 0xBB)
            g_string_append_unichar (stripped, c);
        }
      if (!hierarchical || cur_words != word_count (stripped->str) - 1)
        {
          g_free (cur);
          cur = g_strdup (orig);
        }
      g_string_free (stripped, TRUE);
    }
  if (*cur == '\0')
    return NULL;
  return g_steal_pointer (&cur);
}

static GPtrArray *
tokens_of (const char *s)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (s, -1);
  const char *p = lower;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)) && *p != '_')
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '_'))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  return tokens;
}

double
_cf_html_text_similarity (const char *a,
                          const char *b)
{
  g_autoptr(GPtrArray) ta = tokens_of (a);
  g_autoptr(GPtrArray) tb = tokens_of (b);
  gsize all = 0, uniq = 0;

  if (ta->len == 0 || tb->len == 0)
    return 0;
  for (guint i = 0; i < tb->len; i++)
    {
      const char *t = g_ptr_array_index (tb, i);
      gboolean in_a = FALSE;

      for (guint j = 0; j < ta->len && !in_a; j++)
        in_a = strcmp (t, g_ptr_array_index (ta, j)) == 0;
      all += strlen (t) + (i ? 1 : 0);
      if (!in_a)
        uniq += strlen (t) + (uniq ? 1 : 0);
    }
  return all ? 1.0 - (double) uniq / all : 0;
}

typedef struct
{
  char *title;
  char *byline;
  char *site_name;
  char *published;
  char *body;
  char *url;
  char *language;
} JsonLdMeta;

static void
json_ld_meta_clear (JsonLdMeta *m)
{
  g_free (m->title);
  g_free (m->byline);
  g_free (m->site_name);
  g_free (m->published);
  g_free (m->body);
  g_free (m->url);
  g_free (m->language);
}

static const char *
object_string (JsonObject *o,
               const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
is_article_type (JsonObject *o)
{
  static const char * const types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference", NULL
  };
  JsonNode *t = json_object_get_member (o, "@type");
  const char *type = NULL;

  if (t == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING)
    type = json_node_get_string (t);
  else if (JSON_NODE_HOLDS_ARRAY (t) && json_array_get_length (json_node_get_array (t)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (t), 0);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        type = json_node_get_string (first);
    }
  if (type == NULL)
    return FALSE;
  for (guint i = 0; types[i] != NULL; i++)
    if (strstr (type, types[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_schema_context (JsonObject *o)
{
  const char *ctx = object_string (o, "@context");

  if (ctx == NULL)
    return FALSE;
  return g_str_has_prefix (ctx, "http://schema.org") || g_str_has_prefix (ctx, "https://schema.org");
}

static char *
author_names (JsonNode *author)
{
  if (author == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (author))
    {
      const char *name = object_string (json_node_get_object (author), "name");

      return name ? g_strstrip (g_strdup (name)) : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (author))
    {
      JsonArray *a = json_node_get_array (author);
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);
          const char *name;

          if (!JSON_NODE_HOLDS_OBJECT (e))
            continue;
          name = object_string (json_node_get_object (e), "name");
          if (name == NULL)
            continue;
          if (s->len)
            g_string_append (s, ", ");
          g_string_append (s, name);
          g_strstrip (s->str);
        }
      if (s->len == 0)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      return g_string_free (s, FALSE);
    }
  return NULL;
}

static void
parse_json_ld (Page       *page,
               JsonLdMeta *m)
{
  for (guint i = 0; i < page->json_ld->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autofree char *raw = g_strdup (g_ptr_array_index (page->json_ld, i));
      char *text = g_strstrip (raw);
      JsonNode *root;
      JsonObject *o = NULL;

      if (g_str_has_prefix (text, "<![CDATA["))
        {
          text += 9;
          if (g_str_has_suffix (text, "]]>"))
            text[strlen (text) - 3] = '\0';
        }
      if (!json_parser_load_from_data (parser, text, -1, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (root == NULL)
        continue;
      if (JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *a = json_node_get_array (root);

          for (guint k = 0; k < json_array_get_length (a) && o == NULL; k++)
            {
              JsonNode *e = json_array_get_element (a, k);

              if (JSON_NODE_HOLDS_OBJECT (e) && is_article_type (json_node_get_object (e)))
                o = json_node_get_object (e);
            }
          if (o == NULL)
            continue;
        }
      else if (JSON_NODE_HOLDS_OBJECT (root))
        o = json_node_get_object (root);
      else
        continue;

      if (!is_schema_context (o))
        continue;
      if (json_object_get_member (o, "@type") == NULL)
        {
          JsonNode *graph = json_object_get_member (o, "@graph");
          JsonObject *found = NULL;

          if (graph != NULL && JSON_NODE_HOLDS_ARRAY (graph))
            {
              JsonArray *a = json_node_get_array (graph);

              for (guint k = 0; k < json_array_get_length (a) && found == NULL; k++)
                {
                  JsonNode *e = json_array_get_element (a, k);

                  if (JSON_NODE_HOLDS_OBJECT (e) && is_article_type (json_node_get_object (e)))
                    found = json_node_get_object (e);
                }
            }
          o = found;
        }
      if (o == NULL || !is_article_type (o))
        continue;

      {
        const char *name = object_string (o, "name");
        const char *headline = object_string (o, "headline");

        if (name != NULL && headline != NULL && strcmp (name, headline) != 0)
          {
            g_autofree char *title = article_title (page);
            gboolean name_matches = title && _cf_html_text_similarity (name, title) > 0.75;
            gboolean headline_matches = title && _cf_html_text_similarity (headline, title) > 0.75;

            m->title = g_strstrip (g_strdup (headline_matches && !name_matches ? headline : name));
          }
        else if (name != NULL)
          m->title = g_strstrip (g_strdup (name));
        else if (headline != NULL)
          m->title = g_strstrip (g_strdup (headline));
      }
      m->byline = author_names (json_object_get_member (o, "author"));
      {
        JsonNode *publisher = json_object_get_member (o, "publisher");

        if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
          {
            const char *pname = object_string (json_node_get_object (publisher), "name");

            if (pname != NULL)
              m->site_name = g_strstrip (g_strdup (pname));
          }
      }
      if (object_string (o, "datePublished") != NULL)
        m->published = g_strdup (object_string (o, "datePublished"));
      if (object_string (o, "articleBody") != NULL)
        m->body = g_strdup (object_string (o, "articleBody"));
      if (object_string (o, "url") != NULL)
        m->url = g_strdup (object_string (o, "url"));
      if (object_string (o, "inLanguage") != NULL)
        m->language = g_strdup (object_string (o, "inLanguage"));
      return;
    }
}

#define END_OF_LIST ((char *) -1)

/* Takes ownership of every argument up to END_OF_LIST and returns the first one
 * that is neither NULL nor empty, freeing the others: the metadata sources are
 * listed in order of trust. */
static char *
first_nonempty (char *a,
                ...)
{
  va_list ap;
  char *result = NULL;
  char *s = a;

  va_start (ap, a);
  for (;;)
    {
      if (s == (char *) -1)
        break;
      if (result == NULL && s != NULL && *s != '\0')
        result = s;
      else
        g_free (s);
      s = va_arg (ap, char *);
    }
  va_end (ap);
  return result;
}

/* Takes @s and gives the names in it, or NULL when it holds none (a date). */
static char *
names_or_null (char *s)
{
  g_autofree char *raw = s;

  return _cf_html_clean_byline (raw);
}

static gboolean
looks_like_url (const char *s)
{
  return s != NULL && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"));
}

/* "en_us" -> "en-US", as BCP 47 writes it: language lower case, region upper. */
static void
normalise_language_tag (char *tag)
{
  gboolean first = TRUE;

  for (char *p = tag; *p;)
    {
      char *end = p;

      while (*end && *end != '-' && *end != '_')
        end++;
      for (char *c = p; c < end; c++)
        *c = (!first && end - p == 2) ? g_ascii_toupper (*c) : g_ascii_tolower (*c);
      first = FALSE;
      if (*end == '_')
        *end = '-';
      p = *end ? end + 1 : end;
    }
}

void
_cf_html_fill_metadata (Page                *page,
                        CfExtractedDocument *doc,
                        char               **json_ld_body)
{
  JsonLdMeta ld = { 0 };
  char *published_raw;
  char *article_author = meta_value (page, "article:author");

  parse_json_ld (page, &ld);

  if (looks_like_url (article_author))
    g_clear_pointer (&article_author, g_free);

  doc->title = first_nonempty (g_strdup (ld.title), meta_value (page, "dc:title"),
                               meta_value (page, "dcterm:title"), meta_value (page, "og:title"),
                               meta_value (page, "weibo:article:title"),
                               meta_value (page, "weibo:webpage:title"),
                               meta_value (page, "title"), meta_value (page, "twitter:title"),
                               meta_value (page, "parsely-title"),
                               article_title (page), END_OF_LIST);
  doc->byline = first_nonempty (names_or_null (g_strdup (ld.byline)),
                                names_or_null (meta_value (page, "dc:creator")),
                                names_or_null (meta_value (page, "dcterm:creator")),
                                names_or_null (meta_value (page, "author")),
                                names_or_null (meta_value (page, "parsely-author")),
                                names_or_null (g_steal_pointer (&article_author)),
                                g_strdup (page->byline_markup), END_OF_LIST);
  doc->site_name = first_nonempty (g_strdup (ld.site_name), meta_value (page, "og:site_name"),
                                   meta_value (page, "~application-name"), END_OF_LIST);
  published_raw = first_nonempty (g_strdup (ld.published),
                                  meta_value (page, "article:published_time"),
                                  meta_value (page, "parsely-pub-date"),
                                  meta_value (page, "pub-date"),
                                  meta_value (page, "@datepublished"),
                                  g_strdup (page->itemprop_published),
                                  meta_value (page, "~date"),
                                  meta_value (page, "~dc.date"),
                                  meta_value (page, "~dc.date.issued"),
                                  meta_value (page, "~og:published_time"),
                                  g_strdup (page->time_datetime), END_OF_LIST);
  doc->published = _cf_normalise_date (published_raw);
  g_free (published_raw);
  doc->language = first_nonempty (g_strdup (page->html_lang),
                                  meta_value (page, "=content-language"),
                                  g_strdup (ld.language), END_OF_LIST);
  doc->url = first_nonempty (_cf_web_url_or_null (g_strdup (page->canonical)),
                             _cf_web_url_or_null (meta_value (page, "~og:url")),
                             _cf_web_url_or_null (g_strdup (ld.url)), END_OF_LIST);

  /* Collapse white space in single-line fields. */
  {
    char **fields[] = { &doc->title, &doc->byline, &doc->site_name, &doc->language, &doc->url };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (*fields[i] != NULL)
        {
          char *c = _cf_collapse_whitespace (*fields[i]);

          g_free (*fields[i]);
          *fields[i] = *c ? c : (g_free (c), NULL);
        }
  }
  if (doc->language != NULL)
    normalise_language_tag (doc->language);
  *json_ld_body = g_steal_pointer (&ld.body);
  json_ld_meta_clear (&ld);
}
