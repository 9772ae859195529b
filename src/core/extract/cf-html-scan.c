/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page scan: the one walk over a parsed page. Every element gets a NodeInfo
 * (its kind; hidden, unlikely, byline and caption flags from its tag, class, id,
 * role and style; the length of its own text), and what the metadata needs is
 * collected on the way (title, canonical link, meta tags, JSON-LD, byline markup,
 * headings), so no later step walks the tree to find anything. The word lists
 * that classify class and id attributes live here. */
#include "config.h"

#include <string.h>

#include "cf-extract-private.h"
#include "cf-html-private.h"

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
    { "figcaption", TAG_BLOCK }, { "figure", TAG_FIGURE }, { "frameset", TAG_BLOCK },
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
    { "template", TAG_DROP }, { "svg", TAG_DROP }, { "math", TAG_INLINE },
    /* a formula's TeX or content markup repeats what its presentation shows */
    { "annotation", TAG_DROP }, { "annotation-xml", TAG_DROP },
    { "mi", TAG_MATH_TOKEN }, { "mo", TAG_MATH_TOKEN }, { "mn", TAG_MATH_TOKEN },
    { "ms", TAG_MATH_TOKEN }, { "mtext", TAG_MATH_TOKEN },
    /* ruby: the base text stays, its reading follows it in parentheses, which we
     * write ourselves (so the page's own fallback parentheses go); a ruby is
     * inside a word, so its edges are no word boundary */
    { "ruby", TAG_OTHER }, { "rb", TAG_OTHER }, { "rt", TAG_RUBY_TEXT }, { "rp", TAG_DROP },
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

/* Words that save an element from the unlikely ones; a formula typeset by
 * MathJax or KaTeX is content whatever its context-menu class says. */
static const char * const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "shadow", "mathjax", "katex", NULL
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

/* Whether the word at @p is qualified by the start of its class name, @token:
 * "no_caption", "has-sidebar", "with-share-bar" say what an element lacks or
 * holds, not what it is. */
static gboolean
word_is_qualified (const char *token,
                   const char *p)
{
  static const char * const qualifiers[] = { "no", "has", "with", "without", NULL };

  for (guint i = 0; qualifiers[i] != NULL; i++)
    {
      gsize len = strlen (qualifiers[i]);

      if ((gsize) (p - token) == len + 1 && strncmp (token, qualifiers[i], len) == 0 &&
          (token[len] == '-' || token[len] == '_'))
        return TRUE;
    }
  return FALSE;
}

/* Which word lists have a word occurring in @lower (lower-case, ASCII words). */
static guint
classify_words (const char *lower)
{
  guint bits = 0;
  const char *token = lower;

  for (const char *p = lower; *p; p++)
    {
      GArray *entries;

      if (*p == ' ' || *p == '\t' || *p == '\n')
        {
          token = p + 1;
          continue;
        }
      entries = (guchar) *p < 128 ? word_index[(guchar) *p] : NULL;
      if (entries == NULL || word_is_qualified (token, p))
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
    "is-hidden", "invisible",
    /* only printed: no reader of the screen sees them */
    "print-only", "printonly", "print_only", "only-print", "visible-print",
    "visible-print-block", "visible-print-inline", "visible-print-inline-block",
    "show-for-print", "show-on-print", "print-footer", "printfooter", "print-header",
    "printheader", NULL
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
  g_clear_pointer (&page->screen_hidden, g_hash_table_unref);
  g_clear_pointer (&page->print_shown, g_hash_table_unref);
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
              if (lc != NULL && kind != TAG_BODY && kind != TAG_HTML &&
                  (has_hiding_class (lc) || _cf_html_class_prints_only (page, lc)))
                hiding_class = TRUE;
              if (li != NULL && kind != TAG_BODY && kind != TAG_HTML && has_hiding_class (li))
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
              if (strcmp ((const char *) n->name, "style") == 0)
                _cf_html_note_style (page, n);
              info.flags |= INFO_HIDDEN;
              break;
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
          if (((words & WORDS_CAPTION) && kind != TAG_BODY && kind != TAG_HTML) ||
              strcmp ((const char *) n->name, "figcaption") == 0)
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
                    text = _cf_html_byline_text (n);
                  /* a dateline marked like a byline is no byline: look on */
                  if (*text != '\0' && g_utf8_strlen (text, -1) < 100)
                    page->byline_markup = _cf_html_clean_byline (text);
                  if (page->byline_markup != NULL)
                    info.flags |= INFO_BYLINE;
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

      /* next node: sibling, or climb; an empty <head> is never climbed out of,
       * so leaving it must end it too, or the whole body would count as head */
      if (n->type == XML_ELEMENT_NODE && n->name != NULL && tag_kind (n) == TAG_HEAD)
        in_head = FALSE;
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
