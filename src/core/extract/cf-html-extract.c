/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "cf-encoding.h"
#include "cf-extract-private.h"
#include "cf-html-extract.h"
#include "cf-html-private.h"

#define MIN_ARTICLE_CHARS 250
/* in tenths: how much of a JSON-LD articleBody our text must hold */
#define CROSS_CHECK_RECALL 6

static GHashTable *tag_kinds;

static void init_word_index (void);

static void
init_tag_kinds (void)
{
  static gsize initialised = 0;
  static const struct { const char *name; TagKind kind; } table[] = {
    { "a", TAG_A }, { "br", TAG_BR }, { "img", TAG_IMG },
    { "span", TAG_INLINE }, { "b", TAG_INLINE }, { "i", TAG_INLINE }, { "em", TAG_INLINE },
    { "strong", TAG_INLINE }, { "u", TAG_INLINE }, { "small", TAG_INLINE },
    { "sup", TAG_INLINE }, { "sub", TAG_INLINE }, { "font", TAG_INLINE },
    { "abbr", TAG_INLINE }, { "cite", TAG_INLINE }, { "code", TAG_INLINE },
    { "q", TAG_INLINE }, { "mark", TAG_INLINE }, { "s", TAG_INLINE },
    { "del", TAG_INLINE }, { "ins", TAG_INLINE }, { "kbd", TAG_INLINE },
    { "var", TAG_INLINE }, { "samp", TAG_INLINE }, { "tt", TAG_INLINE },
    { "big", TAG_INLINE }, { "strike", TAG_INLINE }, { "wbr", TAG_INLINE },
    { "label", TAG_INLINE }, { "bdi", TAG_INLINE }, { "bdo", TAG_INLINE },
    { "nobr", TAG_INLINE }, { "picture", TAG_INLINE }, { "source", TAG_INLINE },
    { "div", TAG_BLOCK }, { "section", TAG_BLOCK }, { "article", TAG_BLOCK },
    { "main", TAG_BLOCK }, { "center", TAG_BLOCK }, { "address", TAG_BLOCK },
    { "details", TAG_BLOCK }, { "summary", TAG_BLOCK }, { "dialog", TAG_BLOCK },
    { "hgroup", TAG_BLOCK }, { "fieldset", TAG_FORM }, { "legend", TAG_BLOCK },
    { "caption", TAG_BLOCK }, { "tbody", TAG_BLOCK }, { "thead", TAG_BLOCK },
    { "tfoot", TAG_BLOCK }, { "hr", TAG_BLOCK }, { "dd", TAG_BLOCK }, { "dt", TAG_BLOCK },
    { "figcaption", TAG_DROP }, { "figure", TAG_FIGURE }, { "frameset", TAG_BLOCK },
    { "frame", TAG_BLOCK }, { "noframes", TAG_BLOCK },
    { "p", TAG_P }, { "pre", TAG_PRE }, { "td", TAG_TD }, { "th", TAG_TD },
    { "tr", TAG_TR }, { "ul", TAG_LIST }, { "ol", TAG_LIST }, { "dl", TAG_LIST },
    { "menu", TAG_DROP }, { "dir", TAG_LIST },
    { "li", TAG_LI }, { "h1", TAG_HEADING }, { "h2", TAG_HEADING },
    { "h3", TAG_HEADING }, { "h4", TAG_HEADING }, { "h5", TAG_HEADING },
    { "h6", TAG_HEADING }, { "blockquote", TAG_BLOCKQUOTE }, { "table", TAG_TABLE },
    { "form", TAG_FORM }, { "head", TAG_HEAD }, { "body", TAG_BODY }, { "html", TAG_HTML },
    { "input", TAG_INPUT }, { "select", TAG_INPUT }, { "textarea", TAG_INPUT },
    { "button", TAG_INPUT }, { "option", TAG_DROP }, { "optgroup", TAG_DROP },
    { "iframe", TAG_EMBED }, { "embed", TAG_EMBED }, { "object", TAG_EMBED },
    { "video", TAG_EMBED }, { "audio", TAG_EMBED }, { "canvas", TAG_DROP },
    { "script", TAG_SCRIPT }, { "style", TAG_DROP }, { "noscript", TAG_DROP },
    { "template", TAG_DROP }, { "svg", TAG_DROP }, { "math", TAG_DROP },
    { "nav", TAG_DROP }, { "map", TAG_DROP }, { "area", TAG_DROP },
    { "title", TAG_TITLE }, { "meta", TAG_META }, { "link", TAG_LINK },
    { "base", TAG_DROP }, { "param", TAG_DROP }, { "track", TAG_DROP },
    { "time", TAG_TIME }, { "header", TAG_HEADER }, { "footer", TAG_FOOTER },
    { "aside", TAG_ASIDE },
  };

  if (g_once_init_enter (&initialised))
    {
      tag_kinds = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        g_hash_table_insert (tag_kinds, (gpointer) table[i].name,
                             GUINT_TO_POINTER (table[i].kind));
      init_word_index ();
      g_once_init_leave (&initialised, 1);
    }
}

static TagKind
tag_kind (const xmlNode *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_kinds, node->name));
}

static gboolean
kind_is_block (TagKind kind)
{
  switch (kind)
    {
    case TAG_BLOCK: case TAG_P: case TAG_PRE: case TAG_TD: case TAG_TR: case TAG_LIST:
    case TAG_LI: case TAG_HEADING: case TAG_BLOCKQUOTE: case TAG_TABLE: case TAG_FORM:
    case TAG_HEAD: case TAG_BODY: case TAG_HTML: case TAG_HEADER: case TAG_FOOTER:
    case TAG_ASIDE: case TAG_FIGURE:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
_cf_html_attr (const xmlNode *node,
               const char    *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
        g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      return (const char *) a->children->content;
  return NULL;
}

static const char * const unlikely_words[] = {
  "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
  "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
  "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
  "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
  "yom-remote", NULL
};

static const char * const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "shadow", NULL
};

static const char * const positive_words[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
  "pagination", "post", "text", "blog", "story", NULL
};

static const char * const negative_words[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
  "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related",
  "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
  "tool", "widget", NULL
};

/* Small furniture inside articles; dropped when it holds little text. */
static const char * const boiler_words[] = {
  "byline", "dateline", "author", "timestamp", "posted-on", "entry-meta", "post-meta",
  "article-meta", "published", "updated", "date", "tags", "tag-", "share", "social",
  "related", "breadcrumb", "caption", "credit", "copyright", "newsletter", "subscribe",
  "promo", "advert", "sponsor", "print", "toolbar", "rating", "disclaimer", NULL
};

enum
{
  WORDS_NEGATIVE = 1 << 0,
  WORDS_POSITIVE = 1 << 1,
  WORDS_UNLIKELY = 1 << 2,
  WORDS_MAYBE    = 1 << 3,
  WORDS_BOILER   = 1 << 4,
  WORDS_BYLINE   = 1 << 5,
  WORDS_CAPTION  = 1 << 6,
  WORDS_SHARE    = 1 << 7,
};

static const char * const byline_words[] = {
  "byline", "author", "dateline", "writtenby", "p-author", NULL
};

static const char * const caption_words[] = { "caption", NULL };
static const char * const share_words[] = { "share", NULL };

typedef struct
{
  const char *word;
  guint       len;
  guint       bits;
} WordEntry;

/* All word lists, indexed by first byte: classifying a class attribute is then one
 * pass over it instead of a strstr per word. */
static GArray *word_index[128];

static void
index_words (const char * const *words,
             guint               bits)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      WordEntry e = { words[i], (guint) strlen (words[i]), bits };
      guchar c = (guchar) words[i][0];

      if (word_index[c] == NULL)
        word_index[c] = g_array_new (FALSE, FALSE, sizeof (WordEntry));
      g_array_append_val (word_index[c], e);
    }
}

static void
init_word_index (void)
{
  index_words (negative_words, WORDS_NEGATIVE);
  index_words (positive_words, WORDS_POSITIVE);
  index_words (unlikely_words, WORDS_UNLIKELY);
  index_words (maybe_words, WORDS_MAYBE);
  index_words (boiler_words, WORDS_BOILER);
  index_words (byline_words, WORDS_BYLINE);
  index_words (caption_words, WORDS_CAPTION);
  index_words (share_words, WORDS_SHARE);
}

/* Which word lists have a word occurring in @lower (lower-case, ASCII words). */
static guint
classify_words (const char *lower)
{
  guint bits = 0;

  for (const char *p = lower; *p; p++)
    {
      GArray *entries = (guchar) *p < 128 ? word_index[(guchar) *p] : NULL;

      if (entries == NULL)
        continue;
      for (guint i = 0; i < entries->len; i++)
        {
          const WordEntry *e = &g_array_index (entries, WordEntry, i);

          if ((bits & e->bits) != e->bits && strncmp (p, e->word, e->len) == 0)
            bits |= e->bits;
        }
    }
  return bits;
}

/* Class names that CSS frameworks use to hide an element; matched as whole
 * tokens, so "hidden-xs" (hidden on phones only) does not count. */
static gboolean
has_hiding_class (const char *lower)
{
  static const char * const names[] = {
    "hidden", "hide", "d-none", "sr-only", "visually-hidden", "screen-reader-text",
    "is-hidden", "invisible", NULL
  };

  for (const char *p = lower; *p;)
    {
      const char *end;

      while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
      end = p;
      while (*end && *end != ' ' && *end != '\t' && *end != '\n')
        end++;
      for (guint i = 0; names[i] != NULL && end > p; i++)
        if ((gsize) (end - p) == strlen (names[i]) && strncmp (p, names[i], end - p) == 0)
          return TRUE;
      p = end;
    }
  return FALSE;
}

static gboolean
is_hid_word (const char *s)
{
  const char *p = strstr (s, "hid");

  for (; p != NULL; p = strstr (p + 1, "hid"))
    if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
      return TRUE;
  return FALSE;
}

static int
weight_of (const char *lower,
           guint       bits)
{
  int w = 0;

  if (lower == NULL || *lower == '\0')
    return 0;
  if ((bits & WORDS_NEGATIVE) || is_hid_word (lower))
    w -= 25;
  if (bits & WORDS_POSITIVE)
    w += 25;
  return w;
}

static gboolean
style_hides (const char *style)
{
  g_autofree char *lower = NULL;
  char *w;

  if (style == NULL)
    return FALSE;
  lower = g_ascii_strdown (style, -1);
  w = lower;
  for (const char *r = lower; *r; r++)
    if (*r != ' ' && *r != '\t' && *r != '\n')
      *w++ = *r;
  *w = '\0';
  return strstr (lower, "display:none") != NULL || strstr (lower, "visibility:hidden") != NULL;
}

/* Counts non-space bytes and commas of a text. */
static void
measure_text (const char *s,
              guint      *len,
              guint      *commas)
{
  guint l = 0, c = 0;

  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        continue;
      if (*p == 0xC2 && p[1] == 0xA0)
        {
          p++;
          continue;
        }
      /* count characters, not bytes */
      if ((*p & 0xC0) != 0x80)
        l++;
      if (*p == ',')
        c++;
    }
  *len = l;
  *commas = c;
}

/* The text content of a subtree, iteratively, whitespace collapsed. */
char *
_cf_html_subtree_text (xmlNode *root)
{
  GString *s = g_string_new (NULL);
  xmlNode *n = root->children;

  while (n != NULL)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          if (n->content)
            {
              g_string_append (s, (const char *) n->content);
              if (s->len > 65536)
                break;
            }
        }
      else if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          if (n->name && (strcmp ((const char *) n->name, "br") == 0))
            g_string_append_c (s, ' ');
          n = n->children;
          continue;
        }
      else if (n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, "br") == 0)
        g_string_append_c (s, ' ');
      while (n != NULL && n->next == NULL)
        {
          n = n->parent;
          if (n == root)
            n = NULL;
        }
      if (n != NULL)
        n = n->next;
    }
  {
    g_autofree char *raw = g_string_free (s, FALSE);

    return _cf_collapse_whitespace (raw);
  }
}

static char *
script_text (xmlNode *node)
{
  GString *s = g_string_new (NULL);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      g_string_append (s, (const char *) c->content);
  return g_string_free (s, FALSE);
}

void
_cf_html_page_clear (Page *page)
{
  g_clear_pointer (&page->meta, g_hash_table_unref);
  g_clear_pointer (&page->html_lang, g_free);
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->canonical, g_free);
  g_clear_pointer (&page->byline_markup, g_free);
  g_clear_pointer (&page->time_datetime, g_free);
  g_clear_pointer (&page->itemprop_published, g_free);
  g_clear_pointer (&page->json_ld, g_ptr_array_unref);
  g_clear_pointer (&page->h1s, g_ptr_array_unref);
  g_clear_pointer (&page->h2s, g_ptr_array_unref);
  g_clear_pointer (&page->infos, g_array_unref);
}

static gboolean
has_ancestor_kind (Page     *page,
                   NodeInfo *info,
                   TagKind   kind)
{
  while (info->parent != G_MAXUINT)
    {
      info = &g_array_index (page->infos, NodeInfo, info->parent);
      if (info->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* The first descendant of @root whose itemprop says "name", searched in document
 * order and not too far. */
static xmlNode *
find_itemprop_name (xmlNode *root)
{
  xmlNode *n = root->children;
  guint budget = 200;

  while (n != NULL && budget-- > 0)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          const char *itemprop = _cf_html_attr (n, "itemprop");

          if (itemprop != NULL && strstr (itemprop, "name") != NULL)
            return n;
          if (n->children != NULL)
            {
              n = n->children;
              continue;
            }
        }
      while (n != NULL && n->next == NULL)
        {
          n = n->parent;
          if (n == root)
            return NULL;
        }
      if (n != NULL)
        n = n->next;
    }
  return NULL;
}

/* The one walk over the whole tree: infos, hidden/unlikely flags, metadata. */
void
_cf_html_scan_page (Page   *page,
                    xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *n = root;
  guint current = G_MAXUINT;   /* info index of the element we are inside */
  gboolean in_head = FALSE;
  guint count = 0;

  while (n != NULL)
    {
      gboolean descend = FALSE;

      if (n->type == XML_ELEMENT_NODE && n->name != NULL)
        {
          NodeInfo info = { 0 };
          TagKind kind = tag_kind (n);
          const char *cls = _cf_html_attr (n, "class");
          const char *id = _cf_html_attr (n, "id");
          const char *role;
          guint words = 0;
          gboolean hiding_class = FALSE;

          info.node = n;
          info.parent = current;
          info.kind = kind;
          if (current != G_MAXUINT)
            {
              NodeInfo *parent = &g_array_index (page->infos, NodeInfo, current);

              info.flags |= parent->flags & (INFO_IN_TABLE | INFO_NONCONTENT | INFO_IN_UNLIKELY);
              if (parent->flags & INFO_UNLIKELY)
                info.flags |= INFO_IN_UNLIKELY;
            }

          if (cls != NULL || id != NULL)
            {
              g_autofree char *lc = cls ? g_ascii_strdown (cls, -1) : NULL;
              g_autofree char *li = id ? g_ascii_strdown (id, -1) : NULL;
              guint bits_class = lc ? classify_words (lc) : 0;
              guint bits_id = li ? classify_words (li) : 0;

              info.class_weight = weight_of (lc, bits_class) + weight_of (li, bits_id);
              words = bits_class | bits_id;
              if (lc != NULL && kind != TAG_BODY && kind != TAG_HTML && has_hiding_class (lc))
                hiding_class = TRUE;
            }

          switch (kind)
            {
            case TAG_HEAD:
              in_head = TRUE;
              info.flags |= INFO_NONCONTENT;
              break;
            case TAG_HTML:
              if (page->html_lang == NULL && _cf_html_attr (n, "lang") != NULL)
                page->html_lang = g_strstrip (g_strdup (_cf_html_attr (n, "lang")));
              if (page->html_lang == NULL && _cf_html_attr (n, "xml:lang") != NULL)
                page->html_lang = g_strstrip (g_strdup (_cf_html_attr (n, "xml:lang")));
              break;
            case TAG_BODY:
              if (page->body == NULL)
                page->body = n;
              break;
            case TAG_TITLE:
              if (page->title == NULL && (in_head || page->body == NULL))
                page->title = _cf_html_subtree_text (n);
              info.flags |= INFO_HIDDEN;
              break;
            case TAG_META:
              _cf_html_note_meta (page, n);
              info.flags |= INFO_HIDDEN;
              break;
            case TAG_LINK:
              {
                const char *rel = _cf_html_attr (n, "rel");

                if (page->canonical == NULL && rel != NULL &&
                    g_ascii_strcasecmp (rel, "canonical") == 0 && _cf_html_attr (n, "href") != NULL)
                  page->canonical = g_strstrip (g_strdup (_cf_html_attr (n, "href")));
                info.flags |= INFO_HIDDEN;
              }
              break;
            case TAG_SCRIPT:
              {
                const char *type = _cf_html_attr (n, "type");

                if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0 &&
                    page->json_ld->len < 16)
                  g_ptr_array_add (page->json_ld, script_text (n));
                info.flags |= INFO_HIDDEN;
              }
              break;
            case TAG_TIME:
              if (page->time_datetime == NULL && _cf_html_attr (n, "datetime") != NULL)
                page->time_datetime = g_strdup (_cf_html_attr (n, "datetime"));
              break;
            case TAG_TABLE:
              info.flags |= INFO_IN_TABLE;
              break;
            case TAG_DROP:
            case TAG_INPUT:
            case TAG_EMBED:
              info.flags |= INFO_HIDDEN;
              break;
            default:
              break;
            }

          if (in_head && kind != TAG_HEAD)
            info.flags |= INFO_HIDDEN;

          if (hiding_class || xmlHasProp (n, (const xmlChar *) "hidden") != NULL || style_hides (_cf_html_attr (n, "style")))
            info.flags |= INFO_HIDDEN;
          else
            {
              const char *aria = _cf_html_attr (n, "aria-hidden");

              if (aria != NULL && strcmp (aria, "true") == 0 &&
                  !(cls != NULL && strstr (cls, "fallback-image") != NULL))
                info.flags |= INFO_HIDDEN;
            }

          role = _cf_html_attr (n, "role");
          if (role != NULL && kind != TAG_BODY && kind != TAG_HTML &&
              (strcmp (role, "menu") == 0 || strcmp (role, "menubar") == 0 ||
               strcmp (role, "complementary") == 0 || strcmp (role, "navigation") == 0 ||
               strcmp (role, "alert") == 0 || strcmp (role, "alertdialog") == 0 ||
               strcmp (role, "dialog") == 0))
            info.flags |= INFO_UNLIKELY;

          if (words & WORDS_BOILER)
            info.flags |= INFO_BOILER;
          if (words & WORDS_SHARE)
            info.flags |= INFO_SHARE;
          if ((words & WORDS_CAPTION) && kind != TAG_BODY && kind != TAG_HTML)
            info.flags |= INFO_CAPTION;

          if (kind != TAG_BODY && kind != TAG_HTML && kind != TAG_A &&
              !(info.flags & INFO_IN_TABLE) &&
              (words & WORDS_UNLIKELY) && !(words & WORDS_MAYBE))
            info.flags |= INFO_UNLIKELY;

          /* Bylines, as Readability finds them: the first visible element marked as
           * one, whose text is short enough to be a name. */
          if (page->byline_markup == NULL && !(info.flags & (INFO_HIDDEN | INFO_NONCONTENT)))
            {
              const char *rel = _cf_html_attr (n, "rel");

              const char *itemprop = _cf_html_attr (n, "itemprop");
              gboolean is_rel_author = rel != NULL && strcmp (rel, "author") == 0;

              /* Blocks that look like no part of the article hide their bylines
               * (other stories' authors), but a rel="author" link is the page's. */
              if (is_rel_author ||
                  (!(info.flags & INFO_IN_UNLIKELY) &&
                   ((itemprop != NULL && strstr (itemprop, "author") != NULL) ||
                    (words & WORDS_BYLINE))))
                {
                  g_autofree char *text = NULL;
                  xmlNode *name_node = find_itemprop_name (n);

                  if (name_node != NULL)
                    text = _cf_html_subtree_text (name_node);
                  if (text == NULL)
                    text = _cf_html_subtree_text (n);
                  if (*text != '\0' && g_utf8_strlen (text, -1) < 100)
                    {
                      page->byline_markup = g_steal_pointer (&text);
                      info.flags |= INFO_BYLINE;
                    }
                }
            }

          if (page->itemprop_published == NULL)
            {
              const char *itemprop = _cf_html_attr (n, "itemprop");

              if (itemprop != NULL && strcmp (itemprop, "datePublished") == 0)
                {
                  const char *v = _cf_html_attr (n, "content");

                  if (v == NULL)
                    v = _cf_html_attr (n, "datetime");
                  if (v != NULL)
                    page->itemprop_published = g_strdup (v);
                }
            }

          if (kind == TAG_HEADING && !(info.flags & INFO_HIDDEN) &&
              (n->name[1] == '1' || n->name[1] == '2'))
            {
              char *text = _cf_html_subtree_text (n);

              g_ptr_array_add (n->name[1] == '1' ? page->h1s : page->h2s, text);
            }

          g_array_append_val (page->infos, info);
          n->_private = GUINT_TO_POINTER (page->infos->len);

          /* Inside hidden elements nothing is content, so nothing is walked, except
           * in <head>, where the metadata is. */
          descend = !(info.flags & INFO_HIDDEN) || kind == TAG_HEAD;
          if (descend && n->children != NULL && ++count < CF_EXTRACT_MAX_NODES)
            {
              current = page->infos->len - 1;
              n = n->children;
              continue;
            }
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
               current != G_MAXUINT && n->content != NULL)
        {
          NodeInfo *parent = &g_array_index (page->infos, NodeInfo, current);
          guint len, commas;

          measure_text ((const char *) n->content, &len, &commas);
          parent->own_text += len;
          parent->own_commas += commas;
        }

      /* next node: sibling, or climb */
      while (n != NULL && n->next == NULL)
        {
          n = n->parent;
          if (n == NULL || n->type != XML_ELEMENT_NODE || n == root)
            {
              n = NULL;
              break;
            }
          if (tag_kind (n) == TAG_HEAD)
            in_head = FALSE;
          current = _cf_html_node_info (page, n) ? _cf_html_node_info (page, n)->parent : G_MAXUINT;
        }
      if (n == NULL)
        break;
      n = n->next;
    }
}

typedef struct
{
  gboolean strip_unlikely;
  gboolean weight_classes;
  gboolean clean_conditionally;
} Flags;

/* Sums text and counts per subtree, for one attempt. */
static void
accumulate (Page        *page,
            const Flags *flags)
{
  NodeInfo *infos = (NodeInfo *) page->infos->data;
  guint n = page->infos->len;

  for (guint i = 0; i < n; i++)
    {
      NodeInfo *in = &infos[i];
      gboolean parent_dropped = in->parent != G_MAXUINT && infos[in->parent].dropped;

      in->dropped = parent_dropped || (in->flags & (INFO_HIDDEN | INFO_CAPTION)) ||
                    (flags->strip_unlikely && (in->flags & INFO_UNLIKELY));
      in->scored = FALSE;
      in->score = 0;
      in->text_len = in->own_text;
      in->commas = in->own_commas;
      in->inline_len = in->own_text;
      in->inline_commas = in->own_commas;
      in->link_len = 0;
      in->n_p = in->kind == TAG_P;
      in->n_img = in->kind == TAG_IMG;
      in->n_li = in->kind == TAG_LI;
      in->n_input = in->kind == TAG_INPUT;
      in->n_embed = in->kind == TAG_EMBED;
      in->n_heading = in->kind == TAG_HEADING;
    }

  for (guint i = n; i-- > 0;)
    {
      NodeInfo *in = &infos[i];
      NodeInfo *parent;

      if (in->kind == TAG_A)
        in->link_len = in->text_len;
      if (in->parent == G_MAXUINT)
        continue;
      parent = &infos[in->parent];
      /* Dropped inputs and embeds still count against their container. */
      if (in->kind == TAG_INPUT || in->kind == TAG_EMBED)
        {
          if (!parent->dropped && !(in->flags & INFO_NONCONTENT))
            {
              parent->n_input += in->n_input;
              parent->n_embed += in->n_embed;
            }
          continue;
        }
      if (in->dropped)
        continue;
      parent->text_len += in->text_len;
      parent->commas += in->commas;
      parent->link_len += in->link_len;
      parent->n_p += in->n_p;
      parent->n_img += in->n_img;
      parent->n_li += in->n_li;
      parent->n_input += in->n_input;
      parent->n_embed += in->n_embed;
      parent->n_heading += in->n_heading;
      if (!kind_is_block (in->kind))
        {
          parent->inline_len += in->inline_len;
          parent->inline_commas += in->inline_commas;
        }
    }
}

static double
link_density (const NodeInfo *in)
{
  return in->text_len ? (double) in->link_len / in->text_len : 0.0;
}

static void
init_candidate (NodeInfo    *in,
                const Flags *flags)
{
  double s = 0;

  switch (in->kind)
    {
    case TAG_BLOCK:
      s = strcmp ((const char *) in->node->name, "div") == 0 ? 5 : 0;
      break;
    case TAG_PRE: case TAG_TD: case TAG_BLOCKQUOTE:
      s = 3;
      break;
    case TAG_LIST: case TAG_LI: case TAG_FORM:
      s = -3;
      break;
    case TAG_HEADING:
      s = -5;
      break;
    default:
      break;
    }
  if (flags->weight_classes)
    s += in->class_weight;
  in->score = s;
  in->scored = TRUE;
}

/* Picks the element that holds the article; returns its info index or G_MAXUINT. */
static guint
find_top_candidate (Page        *page,
                    const Flags *flags)
{
  NodeInfo *infos = (NodeInfo *) page->infos->data;
  guint n = page->infos->len;
  guint top = G_MAXUINT;
  guint best[5] = { G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT };

  for (guint i = 0; i < n; i++)
    {
      NodeInfo *in = &infos[i];
      double score;
      guint anc;
      guint level;

      if (in->dropped || (in->flags & INFO_NONCONTENT) || !kind_is_block (in->kind) ||
          in->kind == TAG_BODY || in->kind == TAG_HTML || in->inline_len < 25)
        continue;
      if (in->kind != TAG_P && in->kind != TAG_PRE && in->kind != TAG_TD &&
          in->kind != TAG_BLOCK && in->kind != TAG_HEADING && in->kind != TAG_BLOCKQUOTE)
        continue;

      score = 1 + in->inline_commas + MIN (in->inline_len / 100, 3);
      /* A div with blocks and loose text of its own: the loose text is a paragraph
       * inside it (Readability wraps it in a <p>), so the div is its parent. */
      anc = in->parent;
      if (in->kind == TAG_BLOCK && in->text_len > in->inline_len)
        anc = i;
      for (level = 0; anc != G_MAXUINT && level < 5;
           anc = infos[anc].parent, level++)
        {
          NodeInfo *a = &infos[anc];

          if (a->kind == TAG_HTML)
            break;
          if (!a->scored)
            init_candidate (a, flags);
          a->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      NodeInfo *in = &infos[i];

      if (!in->scored)
        continue;
      in->score *= 1 - link_density (in);
      for (guint k = 0; k < 5; k++)
        if (best[k] == G_MAXUINT || in->score > infos[best[k]].score)
          {
            memmove (best + k + 1, best + k, (4 - k) * sizeof (guint));
            best[k] = i;
            break;
          }
    }
  top = best[0];
  if (top == G_MAXUINT || infos[top].kind == TAG_BODY)
    return top;

  /* Several good candidates under one ancestor: the ancestor is the article. */
  {
    guint alternatives[4];
    guint n_alt = 0;

    for (guint k = 1; k < 5; k++)
      if (best[k] != G_MAXUINT && infos[top].score > 0 &&
          infos[best[k]].score / infos[top].score >= 0.75)
        alternatives[n_alt++] = best[k];
    if (n_alt >= 3)
      {
        for (guint anc = infos[top].parent; anc != G_MAXUINT && infos[anc].kind != TAG_BODY;
             anc = infos[anc].parent)
          {
            guint containing = 0;

            for (guint k = 0; k < n_alt; k++)
              for (guint x = alternatives[k]; x != G_MAXUINT; x = infos[x].parent)
                if (x == anc)
                  {
                    containing++;
                    break;
                  }
            if (containing >= 3)
              {
                top = anc;
                if (!infos[top].scored)
                  init_candidate (&infos[top], flags);
                break;
              }
          }
      }
  }

  /* Climb while the parent scores better: the article was split in parts. */
  {
    double last = infos[top].score;
    double threshold = last / 3;

    for (guint p = infos[top].parent; p != G_MAXUINT && infos[p].kind != TAG_BODY;
         p = infos[p].parent)
      {
        if (!infos[p].scored)
          continue;
        if (infos[p].score < threshold)
          break;
        if (infos[p].score > last)
          {
            top = p;
            break;
          }
        last = infos[p].score;
      }
  }

  /* An only child says nothing its parent would not. */
  for (;;)
    {
      guint p = infos[top].parent;
      guint children = 0;

      if (p == G_MAXUINT || infos[p].kind == TAG_BODY || infos[p].kind == TAG_HTML)
        break;
      for (xmlNode *c = infos[p].node->children; c != NULL && children < 2; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
          children++;
      if (children != 1)
        break;
      top = p;
    }
  if (!infos[top].scored)
    init_candidate (&infos[top], flags);
  return top;
}

/* Readability's conditional cleaning, decided when the text writer enters @in. */
static gboolean
clean_conditionally (Page        *page,
                     NodeInfo    *in,
                     const Flags *flags)
{
  gboolean is_list;
  double ld;
  int weight;
  guint p, img, li, input, embeds;

  switch (in->kind)
    {
    case TAG_FORM: case TAG_TABLE: case TAG_LIST: case TAG_BLOCK: case TAG_HEADER:
    case TAG_FOOTER: case TAG_ASIDE:
      break;
    case TAG_HEADING:
      return flags->weight_classes && in->class_weight < 0;
    default:
      return FALSE;
    }
  if (strcmp ((const char *) in->node->name, "div") != 0 && in->kind == TAG_BLOCK &&
      strcmp ((const char *) in->node->name, "section") != 0)
    return FALSE;

  /* Tables of data stay; layout tables are judged like divs. */
  is_list = in->kind == TAG_LIST;
  weight = flags->weight_classes ? in->class_weight : 0;
  if (weight + (in->scored ? in->score : 0) < 0)
    return TRUE;

  if ((in->flags & INFO_SHARE) && in->text_len < 500)
    return TRUE;

  if (in->commas >= 10)
    return FALSE;

  p = in->n_p;
  img = in->n_img;
  li = in->n_li > 100 ? in->n_li - 100 : 0;
  if (is_list)
    li = 0;
  input = in->n_input;
  embeds = in->n_embed;
  ld = link_density (in);

  if (img > 1 && (double) p / img < 0.5 && !has_ancestor_kind (page, in, TAG_FIGURE))
    return TRUE;
  if (!is_list && li > p)
    return TRUE;
  if (input > p / 3)
    return TRUE;
  if (!is_list && in->text_len < 25 && (img == 0 || img > 2) &&
      !has_ancestor_kind (page, in, TAG_FIGURE))
    return TRUE;
  if (!is_list && weight < 25 && ld > 0.2)
    return TRUE;
  if (weight >= 25 && ld > 0.5)
    return TRUE;
  if ((embeds == 1 && in->text_len < 75) || embeds > 1)
    return TRUE;
  if (is_list && ld > 0.5 && in->text_len < 1000)
    return TRUE;
  return FALSE;
}

/* What never belongs to an article body even inside the article's container: the
 * headline (the title is a field of its own), the byline, and small furniture. */
static gboolean
skip_in_article (NodeInfo *in)
{
  if (in->kind == TAG_HEADING && in->node->name[1] == '1')
    return TRUE;
  if (in->flags & INFO_BYLINE)
    return TRUE;
  if ((in->flags & INFO_BOILER) && in->text_len < 400)
    return TRUE;
  /* A short paragraph that is all link: "Related: ...", a teaser headline. */
  if ((in->kind == TAG_P || in->kind == TAG_LI || in->kind == TAG_HEADING) &&
      in->text_len < 1000 && in->link_len * 10 >= in->text_len * 8)
    return TRUE;
  return FALSE;
}

typedef struct
{
  GString *out;
  gboolean need_space;
  int      need_break;
  gboolean in_pre;
  gboolean inline_edge;     /* an inline element started or ended here */
  gboolean last_wide;       /* the last character written is CJK */
} TextSink;

static void
sink_break (TextSink *sink,
            int       level)
{
  sink->need_break = MAX (sink->need_break, level);
}

/* Chinese, Japanese and Korean write no spaces between words, so the edge of a
 * link or emphasis is the only word boundary there is; we mark it with a space
 * when a CJK character is on either side (and never split Latin words, such as
 * a drop capital). */
static inline gboolean
is_wide_char (const guchar *p)
{
  gunichar c;

  if (*p < 0xE3)
    return FALSE;
  c = g_utf8_get_char ((const char *) p);
  return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

static void
sink_text (TextSink   *sink,
           const char *s)
{
  for (const guchar *p = (const guchar *) s; *p;)
    {
      guchar c = *p;

      if (c == '\n' && sink->in_pre)
        {
          sink_break (sink, 1);
          p++;
          continue;
        }
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
        {
          sink->need_space = TRUE;
          p++;
          continue;
        }
      if (c == 0xC2 && p[1] == 0xA0)
        {
          sink->need_space = TRUE;
          p += 2;
          continue;
        }
      if (sink->out->len > 0)
        {
          if (sink->need_break >= 2)
            g_string_append (sink->out, "\n\n");
          else if (sink->need_break == 1)
            g_string_append_c (sink->out, '\n');
          else if (sink->need_space ||
                   (sink->inline_edge && (sink->last_wide || is_wide_char (p))))
            g_string_append_c (sink->out, ' ');
        }
      sink->need_break = 0;
      sink->need_space = FALSE;
      sink->inline_edge = FALSE;
      {
        const guchar *start = p;

        p++;
        while ((*p & 0xC0) == 0x80)
          p++;
        g_string_append_len (sink->out, (const char *) start, p - start);
        sink->last_wide = is_wide_char (start);
      }
    }
}

/* Writes the text of @root's subtree. @clean: apply conditional cleaning. */
static void
write_text (Page        *page,
            xmlNode     *root,
            const Flags *flags,
            gboolean     clean,
            TextSink    *sink)
{
  xmlNode *n = root;

  while (n != NULL)
    {
      gboolean descend = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        {
          NodeInfo *in = _cf_html_node_info (page, n);

          if (in != NULL && !in->dropped && !(in->flags & INFO_NONCONTENT) &&
              !(n != root && skip_in_article (in)) &&
              !(clean && n != root && clean_conditionally (page, in, flags)))
            {
              if (in->kind == TAG_BR)
                sink_break (sink, 1);
              else if (in->kind == TAG_A || in->kind == TAG_INLINE)
                sink->inline_edge = TRUE;
              else if (kind_is_block (in->kind))
                sink_break (sink, in->kind == TAG_TD ? 0 : 2);
              if (in->kind == TAG_TD)
                sink->need_space = TRUE;
              if (in->kind == TAG_PRE)
                sink->in_pre = TRUE;
              descend = TRUE;
            }
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
               n->content != NULL)
        sink_text (sink, (const char *) n->content);

      if (descend && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      for (;;)
        {
          if (n->type == XML_ELEMENT_NODE)
            {
              NodeInfo *in = _cf_html_node_info (page, n);

              if (in != NULL && kind_is_block (in->kind))
                sink_break (sink, in->kind == TAG_TD ? 0 : 2);
              if (in != NULL && (in->kind == TAG_A || in->kind == TAG_INLINE))
                sink->inline_edge = TRUE;
              if (in != NULL && in->kind == TAG_PRE)
                sink->in_pre = FALSE;
              if (in != NULL && in->kind == TAG_TD)
                sink->need_space = TRUE;
            }
          if (n == root)
            return;
          if (n->next != NULL)
            {
              n = n->next;
              break;
            }
          n = n->parent;
        }
    }
}

static gboolean
ends_like_sentence (xmlNode *node)
{
  g_autofree char *text = _cf_html_subtree_text (node);
  gsize len = strlen (text);

  return len > 0 && (text[len - 1] == '.' || strstr (text, ". ") != NULL);
}

static char *
grab_article (Page        *page,
              const Flags *flags)
{
  NodeInfo *infos;
  NodeInfo *top;
  guint top_idx;
  TextSink sink = { 0 };
  double threshold;
  const char *top_class;

  accumulate (page, flags);
  top_idx = find_top_candidate (page, flags);
  sink.out = g_string_new (NULL);
  infos = (NodeInfo *) page->infos->data;

  if (top_idx == G_MAXUINT)
    {
      if (page->body != NULL)
        write_text (page, page->body, flags, flags->clean_conditionally, &sink);
      return g_string_free (sink.out, FALSE);
    }
  top = &infos[top_idx];
  if (top->kind == TAG_BODY || top->parent == G_MAXUINT)
    {
      write_text (page, top->node, flags, flags->clean_conditionally, &sink);
      return g_string_free (sink.out, FALSE);
    }

  threshold = MAX (10, top->score * 0.2);
  top_class = _cf_html_attr (top->node, "class");
  for (xmlNode *s = infos[top->parent].node->children; s != NULL; s = s->next)
    {
      NodeInfo *in;
      gboolean append = FALSE;

      if (s->type != XML_ELEMENT_NODE)
        continue;
      in = _cf_html_node_info (page, s);
      if (in == NULL || in->dropped)
        continue;
      if (in == top)
        append = TRUE;
      else
        {
          double bonus = 0;
          const char *cls = _cf_html_attr (s, "class");

          if (top_class != NULL && *top_class && g_strcmp0 (cls, top_class) == 0)
            bonus = top->score * 0.2;
          if (in->scored && in->score + bonus >= threshold)
            append = TRUE;
          /* A part of the article split off under the same class, with its
           * paragraphs nested too deep to have scored it. */
          else if (bonus > 0 && in->text_len > 100 && link_density (in) < 0.33)
            append = TRUE;
          else if (in->kind == TAG_P)
            {
              double ld = link_density (in);

              if (in->text_len > 80 && ld < 0.25)
                append = TRUE;
              else if (in->text_len < 80 && in->text_len > 0 && ld == 0 &&
                       ends_like_sentence (s))
                append = TRUE;
            }
        }
      if (append)
        {
          sink_break (&sink, 2);
          write_text (page, s, flags, flags->clean_conditionally, &sink);
        }
    }
  return g_string_free (sink.out, FALSE);
}

/* *@truncated: the parser gave up part-way, which in recovery mode only happens at
 * its nesting limit (256 levels without HTML_PARSE_HUGE, which we never set). */
static htmlDocPtr
parse_html_utf8 (const char *utf8,
                 gsize       len,
                 gboolean   *truncated)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  htmlDocPtr doc;

  *truncated = FALSE;
  if (ctxt == NULL)
    return NULL;
  doc = htmlCtxtReadMemory (ctxt, utf8, (int) len, NULL, "UTF-8",
                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS);
  *truncated = ctxt->disableSAX && ctxt->lastError.code == XML_ERR_INTERNAL_ERROR;
  htmlFreeParserCtxt (ctxt);
  return doc;
}

void
_cf_html_page_init (Page *page)
{
  init_tag_kinds ();
  page->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  page->json_ld = g_ptr_array_new_with_free_func (g_free);
  page->h1s = g_ptr_array_new_with_free_func (g_free);
  page->h2s = g_ptr_array_new_with_free_func (g_free);
  page->infos = g_array_new (FALSE, FALSE, sizeof (NodeInfo));
}

char *
_cf_html_extract_body (Page *page)
{
  static const Flags attempts[] = {
    { TRUE, TRUE, TRUE },
    { FALSE, TRUE, TRUE },
    { FALSE, FALSE, TRUE },
    { FALSE, FALSE, FALSE },
  };
  char *best = NULL;
  glong best_len = -1;

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      char *text = grab_article (page, &attempts[i]);
      glong len = g_utf8_strlen (text, -1);

      if (len >= MIN_ARTICLE_CHARS)
        {
          g_free (best);
          return text;
        }
      if (len > best_len)
        {
          g_free (best);
          best = text;
          best_len = len;
        }
      else
        g_free (text);
    }
  return best;
}

/* "Updated 5:27 am, Wednesday, November 20, 2019": a short line with a year and a
 * clock time is a dateline, which the byline/date markup did not betray. */
static gboolean
is_timestamp_line (const char *line,
                   gsize       len)
{
  gboolean year = FALSE, clock = FALSE;

  if (len > 90)
    return FALSE;
  for (gsize i = 0; i + 4 <= len; i++)
    {
      if (!year && (i == 0 || !g_ascii_isdigit (line[i - 1])) &&
          ((line[i] == '1' && line[i + 1] == '9') || (line[i] == '2' && line[i + 1] == '0')) &&
          g_ascii_isdigit (line[i + 2]) && g_ascii_isdigit (line[i + 3]) &&
          (i + 4 == len || !g_ascii_isdigit (line[i + 4])))
        year = TRUE;
      if (!clock && g_ascii_isdigit (line[i]) && line[i + 1] == ':' &&
          g_ascii_isdigit (line[i + 2]) && g_ascii_isdigit (line[i + 3]))
        clock = TRUE;
    }
  return year && clock;
}

char *
_cf_html_drop_timestamp_lines (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      const char *end = strstr (p, "\n\n");
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (!is_timestamp_line (p, len))
        {
          if (out->len)
            g_string_append (out, "\n\n");
          g_string_append_len (out, p, len);
        }
      p += len;
      while (*p == '\n')
        p++;
    }
  return g_string_free (out, FALSE);
}

/* All the text under @root, with no article finding and no cleaning: a feed
 * item's content is all article. */
char *
_cf_html_page_text (Page    *page,
                    xmlNode *root)
{
  static const Flags none = { FALSE, FALSE, FALSE };
  TextSink sink = { 0 };

  accumulate (page, &none);
  sink.out = g_string_new (NULL);
  write_text (page, root, &none, FALSE, &sink);
  return g_string_free (sink.out, FALSE);
}

static GHashTable *
word_set (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_hash_table_add (set, g_strndup (start, p - start));
    }
  return set;
}

static guint
count_common (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += g_hash_table_contains (b, key);
  return n;
}

/* The publisher's own articleBody (JSON-LD) checks our pick: when our text holds
 * little of it, we found the wrong block (comments, a teaser list) and the
 * publisher's text is the better answer. A truncated (paywalled) articleBody is
 * still contained in ours, so it never replaces a full extraction. */
static void
cross_check_json_ld_body (CfExtractedDocument *doc,
                          const char          *json_ld_body)
{
  g_autofree char *ld_text = NULL;
  g_autoptr(GHashTable) ld_words = NULL;
  g_autoptr(GHashTable) our_words = NULL;
  guint common;

  if (strlen (json_ld_body) < 500)
    return;
  if (strchr (json_ld_body, '<') != NULL)
    ld_text = _cf_html_fragment_to_text (json_ld_body, strlen (json_ld_body));
  else
    {
      g_autofree char *unescaped = _cf_html_unescape_entities (json_ld_body);

      ld_text = _cf_normalise_plain_text (unescaped);
    }
  ld_words = word_set (ld_text);
  our_words = word_set (doc->text);
  if (g_hash_table_size (ld_words) < 50)
    return;
  common = count_common (ld_words, our_words);
  if (common * 10 < g_hash_table_size (ld_words) * CROSS_CHECK_RECALL)
    {
      g_free (doc->text);
      doc->text = g_steal_pointer (&ld_text);
    }
}

CfExtractedDocument *
_cf_html_extract (const char  *data,
                  gsize        len,
                  const char  *media_type,
                  GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *note = NULL;
  g_autofree char *json_ld_body = NULL;
  g_autoptr(CfExtractedDocument) doc = NULL;
  htmlDocPtr html;
  Page page = { 0 };
  gsize utf8_len;
  gboolean truncated = FALSE;

  declared = _cf_prescan_charset (data, len);
  utf8 = _cf_decode_text (data, len, declared, &note, error);
  if (utf8 == NULL)
    return NULL;
  utf8_len = strlen (utf8);
  if (utf8_len > G_MAXINT)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   "The page is too large to import.");
      return NULL;
    }

  html = parse_html_utf8 (utf8, utf8_len, &truncated);
  if (html == NULL || xmlDocGetRootElement (html) == NULL)
    {
      if (html != NULL)
        xmlFreeDoc (html);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   "The page could not be read as HTML.");
      return NULL;
    }

  _cf_html_page_init (&page);
  _cf_html_scan_page (&page, html);

  doc = _cf_extracted_document_new (media_type);
  doc->note = g_steal_pointer (&note);
  _cf_html_fill_metadata (&page, doc, &json_ld_body);
  {
    g_autofree char *body = _cf_html_extract_body (&page);

    g_autofree char *normalised = _cf_normalise_plain_text (body ? body : "");

    doc->text = _cf_html_drop_timestamp_lines (normalised);
  }
  if (json_ld_body != NULL)
    cross_check_json_ld_body (doc, json_ld_body);

  _cf_html_page_clear (&page);
  xmlFreeDoc (html);

  if (truncated && *doc->text == '\0')
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_PARSE,
                   "The page nests its elements more than 256 levels deep; Casefile "
                   "stops reading there and found no text before that point.");
      return NULL;
    }
  if (truncated)
    {
      char *note2 = g_strdup_printf ("%s%sThe page nests its elements too deeply; text "
                                     "after that point was not read.",
                                     doc->note ? doc->note : "", doc->note ? ". " : "");

      g_free (doc->note);
      doc->note = note2;
    }
  if (*doc->text == '\0' && doc->title == NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_EMPTY,
                   "The page contains no text.");
      return NULL;
    }
  return g_steal_pointer (&doc);
}

char *
_cf_html_fragment_to_text (const char *utf8,
                           gsize       len)
{
  htmlDocPtr html;
  Page page = { 0 };
  gboolean truncated;
  xmlNode *root;
  g_autofree char *raw = NULL;

  if (len == 0 || len > G_MAXINT)
    return g_strdup ("");
  html = parse_html_utf8 (utf8, len, &truncated);
  if (html == NULL)
    return g_strdup ("");
  root = xmlDocGetRootElement (html);
  if (root == NULL)
    {
      xmlFreeDoc (html);
      return g_strdup ("");
    }
  _cf_html_page_init (&page);
  _cf_html_scan_page (&page, html);
  raw = _cf_html_page_text (&page, page.body ? page.body : root);
  _cf_html_page_clear (&page);
  xmlFreeDoc (html);
  return _cf_normalise_plain_text (raw);
}
