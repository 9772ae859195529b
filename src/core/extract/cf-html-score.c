/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Readability's scoring and cleaning: for one set of rules (an attempt), sums
 * text and links per subtree, lets every paragraph score its ancestors, picks the
 * container of the article with its qualifying siblings, and writes its text while
 * dropping link lists, share bars and other furniture inside it. Apart from the
 * scan, so the rules can be tuned without touching how the page is read. */
#include "config.h"

#include <string.h>

#include "cf-html-private.h"

#define MIN_ARTICLE_CHARS 250

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

      gboolean hidden = (in->flags & INFO_HIDDEN) ||
                        (flags->strip_unlikely && (in->flags & INFO_UNLIKELY));

      in->dropped = parent_dropped || hidden || (in->flags & INFO_CAPTION);
      /* dropped for being (in) a caption, and for nothing else */
      in->caption_only = in->dropped && !hidden &&
                         (!parent_dropped || infos[in->parent].caption_only);
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

/* A list item that is a sentence, not a link: lists of points written as prose
 * (release notes, feature lists) are articles too. */
static gboolean
is_prose_item (const NodeInfo *in)
{
  return in->inline_len >= in->link_len + 25 && in->link_len * 2 < in->inline_len;
}

/* A div around one paragraph and nothing else says nothing of its own: its
 * paragraph scores the div's parent first, so that an article of many such
 * wrapped paragraphs and headings is found whole, not one wrapper of it. */
static gboolean
is_paragraph_wrapper (const NodeInfo *in)
{
  xmlNode *only = NULL;

  if (in->kind != TAG_BLOCK || in->own_text > 0 || in->parent == G_MAXUINT ||
      strcmp ((const char *) in->node->name, "div") != 0)
    return FALSE;
  for (xmlNode *c = in->node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (only != NULL)
          return FALSE;
        only = c;
      }
  return only != NULL && only->name[0] == 'p' && only->name[1] == '\0' &&
         link_density (in) < 0.25;
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
          in->kind != TAG_BLOCK && in->kind != TAG_HEADING && in->kind != TAG_BLOCKQUOTE &&
          !(in->kind == TAG_LI && is_prose_item (in)))
        continue;

      score = 1 + in->inline_commas + MIN (in->inline_len / 100, 3);
      /* A div with blocks and loose text of its own: the loose text is a paragraph
       * inside it (Readability wraps it in a <p>), so the div is its parent. */
      anc = in->parent;
      if (in->kind == TAG_BLOCK && in->text_len > in->inline_len)
        anc = i;
      else if (anc != G_MAXUINT && is_paragraph_wrapper (&infos[anc]))
        anc = infos[anc].parent;
      /* A list of points is one block of the article: its items score what holds
       * the list, never the list itself, whose score would decide its cleaning. */
      else if (in->kind == TAG_LI && anc != G_MAXUINT && infos[anc].kind == TAG_LIST)
        anc = infos[anc].parent;
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
        /* a candidate too short to be an article (a video box with a story
         * class) gives way to its scored parent with the text */
        if (infos[p].score > last ||
            (infos[top].text_len < MIN_ARTICLE_CHARS &&
             infos[p].text_len >= 2 * MAX (infos[top].text_len, MIN_ARTICLE_CHARS / 2)))
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

/* A table of data (headers, a caption, column groups, or enough rows and
 * columns), as opposed to one that lays a page out: decided once, by its own rows,
 * not those of tables inside it (which make it a layout table). */
static gboolean
is_data_table (NodeInfo *table)
{
  static const char * const data_tags[] = {
    "th", "thead", "tfoot", "caption", "col", "colgroup", NULL
  };
  guint rows = 0, columns = 0, budget = 5000;
  gboolean data = FALSE, nested = FALSE;
  const char *role = _cf_html_attr (table->node, "role");
  xmlNode *root = table->node;
  xmlNode *n = root->children;

  if (table->flags & INFO_TABLE_SEEN)
    return (table->flags & INFO_DATA_TABLE) != 0;
  table->flags |= INFO_TABLE_SEEN;
  if ((role != NULL && strcmp (role, "presentation") == 0) ||
      g_strcmp0 (_cf_html_attr (root, "datatable"), "0") == 0)
    return FALSE;
  if (_cf_html_attr (root, "summary") != NULL)
    data = TRUE;
  while (n != NULL && !nested && budget-- > 0)
    {
      gboolean descend = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) n->name;

          if (strcmp (name, "table") == 0)
            nested = TRUE;
          for (guint i = 0; data_tags[i] != NULL; i++)
            data |= strcmp (name, data_tags[i]) == 0;
          if (strcmp (name, "tr") == 0)
            {
              guint cells = 0;

              rows++;
              for (xmlNode *c = n->children; c != NULL; c = c->next)
                if (c->type == XML_ELEMENT_NODE &&
                    (strcmp ((const char *) c->name, "td") == 0 ||
                     strcmp ((const char *) c->name, "th") == 0))
                  cells++;
              columns = MAX (columns, cells);
            }
          descend = n->children != NULL;
        }
      if (descend)
        {
          n = n->children;
          continue;
        }
      while (n != NULL && n->next == NULL)
        {
          n = n->parent;
          if (n == root)
            n = NULL;
        }
      if (n != NULL)
        n = n->next;
    }
  if (nested)
    return FALSE;
  if (data || rows >= 10 || columns > 4 || rows * columns > 10)
    {
      table->flags |= INFO_DATA_TABLE;
      return TRUE;
    }
  return FALSE;
}

/* Whether @in is, or is inside, a table of data. */
static gboolean
in_data_table (Page     *page,
               NodeInfo *in)
{
  if (!(in->flags & INFO_IN_TABLE))
    return FALSE;
  for (NodeInfo *a = in;; a = &g_array_index (page->infos, NodeInfo, a->parent))
    {
      if (a->kind == TAG_TABLE && is_data_table (a))
        return TRUE;
      if (a->parent == G_MAXUINT)
        return FALSE;
    }
}

/* Readability's conditional cleaning, decided when the text writer enters @in. */
/* A list under a point of a list that says something of its own, not only in a
 * link: a menu's submenu hangs under a link, a point's details under its words. */
static gboolean
is_sub_list (Page           *page,
             const NodeInfo *list)
{
  const NodeInfo *infos = (const NodeInfo *) page->infos->data;
  const NodeInfo *item;

  if (list->kind != TAG_LIST || list->parent == G_MAXUINT)
    return FALSE;
  item = &infos[list->parent];
  return item->kind == TAG_LI && item->own_text > 0;
}

/* Whether @text ends a sentence: . ! ? or an ellipsis, before any closing
 * quotes or brackets ("“Do you want to come?”"). */
static gboolean
ends_a_sentence (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);
      gunichar c = g_utf8_get_char (prev);

      if (g_unichar_isspace (c) || c == '"' || c == '\'' || c == ')' ||
          c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x300D)
        {
          end = prev;
          continue;
        }
      return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 ||
             c == 0xFF01 || c == 0xFF1F;
    }
  return FALSE;
}

/* A div that is a paragraph: its text is all inline, in itself or in the one
 * block it wraps (wrappers of wrappers too), without links, and ends a sentence.
 * A line of dialogue ("They both took one.") written as divs is text, however
 * short. */
static gboolean
is_paragraph_div (Page     *page,
                  NodeInfo *in)
{
  xmlNode *node = in->node;
  NodeInfo *inner = in;
  g_autofree char *text = NULL;

  if (in->link_len > 0 || in->text_len == 0)
    return FALSE;
  while (inner->inline_len < inner->text_len)
    {
      xmlNode *only = NULL;

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          if (c->type == XML_ELEMENT_NODE)
            {
              if (only != NULL)
                return FALSE;
              only = c;
            }
          else if (c->type == XML_TEXT_NODE && c->content != NULL)
            {
              for (const xmlChar *t = c->content; *t; t++)
                if (!g_ascii_isspace (*t))
                  return FALSE;
            }
        }
      if (only == NULL)
        return FALSE;
      inner = _cf_html_node_info (page, only);
      if (inner == NULL || inner->dropped ||
          (inner->kind != TAG_BLOCK && inner->kind != TAG_P))
        return FALSE;
      node = only;
    }
  text = _cf_html_subtree_text (in->node);
  return ends_a_sentence (text);
}

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
  /* Tables of data stay, and all that is in them. */
  if (in_data_table (page, in))
    return FALSE;
  /* a definition list is a block of the text (a proof, a glossary), never a
   * widget */
  if (in->kind == TAG_LIST && strcmp ((const char *) in->node->name, "dl") == 0)
    return FALSE;

  /* Tables of data stay; layout tables are judged like divs. */
  is_list = in->kind == TAG_LIST;
  weight = flags->weight_classes ? in->class_weight : 0;
  /* A list's score is its -3 start plus what nested points gave it: no verdict
   * on the list, which the tests below judge. */
  if (weight + (in->scored && !is_list ? in->score : 0) < 0)
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
  /* little text, unless all of it is a heading (a section title in wrappers) */
  if (!is_list && in->text_len < 25 && (img == 0 || img > 2) &&
      !(in->n_heading > 0 && in->n_p == 0 && in->n_li == 0) &&
      !has_ancestor_kind (page, in, TAG_FIGURE) && !is_paragraph_div (page, in))
    return TRUE;
  if (!is_list && weight < 25 && ld > 0.2)
    return TRUE;
  if (weight >= 25 && ld > 0.5)
    return TRUE;
  if ((embeds == 1 && in->text_len < 75) || embeds > 1)
    return TRUE;
  /* a list of links (related stories, a menu), but not a list of points that
   * each say something besides their link, nor the links a point of the text
   * lists under it ("In progress:" and the bugs) */
  if (is_list && ld > 0.5 && in->text_len < 1000 &&
      (in->text_len - in->link_len) < 12 * MAX (in->n_li, 1) && !is_sub_list (page, in))
    return TRUE;
  return FALSE;
}

/* What never belongs to an article body even inside the article's container: the
 * headline (the title is a field of its own), the byline, and small furniture. */
/* An <h1> that repeats the title; one that does not is a heading of the text. */
static gboolean
is_headline (Page     *page,
             NodeInfo *in)
{
  g_autofree char *text = NULL;

  if (page->headline == NULL)
    return TRUE;
  text = _cf_html_subtree_text (in->node);
  return *text == '\0' || _cf_html_text_similarity (page->headline, text) > 0.75;
}

/* A heading or a short paragraph that says the headline again, word for word
 * (a site's own headline element above the story); a heading of the text that
 * only resembles it ("The 2018 calendar" under "2018 calendar") stays. */
static gboolean
repeats_headline (Page     *page,
                  NodeInfo *in)
{
  g_autofree char *text = NULL;

  if (page->headline == NULL || in->link_len > 0 ||
      in->text_len > strlen (page->headline))
    return FALSE;
  text = _cf_html_subtree_text (in->node);
  return _cf_html_text_similarity (page->headline, text) >= 1.0 &&
         _cf_html_text_similarity (text, page->headline) >= 1.0;
}

/* A card that pops up over a name in the text when pointed at (a person's
 * picture and links to their other stories), written inside the sentence: an
 * inline element holding a picture and several links and nothing but links,
 * beside the name's own link rather than holding it. */
#define POPUP_CARD_MIN_LINKS 2


/* The node after @n and all it holds, in document order, without leaving @root;
 * NULL when @root has no more. */
static xmlNode *
next_after (xmlNode *n,
            xmlNode *root)
{
  while (n->next == NULL)
    {
      n = n->parent;
      if (n == NULL || n == root)
        return NULL;
    }
  return n->next;
}

static gboolean
is_popup_card (Page     *page,
               NodeInfo *in)
{
  guint links = 0;
  xmlNode *n;

  if (in->kind != TAG_INLINE || in->n_img == 0 || in->text_len == 0 ||
      in->link_len * 10 < in->text_len * 9)
    return FALSE;
  for (xmlNode *c = in->node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "a") == 0)
      return FALSE;
  /* count the links, in document order within the card */
  n = in->node->children;
  while (n != NULL && links < POPUP_CARD_MIN_LINKS)
    {
      if (n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, "a") == 0)
        links++;
      else if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      n = next_after (n, in->node);
    }
  return links >= POPUP_CARD_MIN_LINKS;
}

/* The text and link text of @in without the pop-up cards inside it. */
static void
text_without_popup_cards (Page     *page,
                          NodeInfo *in,
                          guint    *text,
                          guint    *links)
{
  xmlNode *n = in->node->children;

  *text = in->text_len;
  *links = in->link_len;
  while (n != NULL)
    {
      NodeInfo *c = n->type == XML_ELEMENT_NODE ? _cf_html_node_info (page, n) : NULL;
      gboolean card = c != NULL && !c->dropped && is_popup_card (page, c);

      if (card)
        {
          *text -= MIN (*text, c->text_len);
          *links -= MIN (*links, c->link_len);
        }
      else if (c != NULL && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      n = next_after (n, in->node);
    }
}

static gboolean
skip_in_article (Page     *page,
                 NodeInfo *in)
{
  const NodeInfo *infos = (const NodeInfo *) page->infos->data;

  if (in->kind == TAG_HEADING && in->node->name[1] == '1' && is_headline (page, in))
    return TRUE;
  if ((in->kind == TAG_HEADING || in->kind == TAG_P) && repeats_headline (page, in))
    return TRUE;
  if (is_popup_card (page, in))
    return TRUE;
  if (in->flags & INFO_BYLINE)
    return TRUE;
  if ((in->flags & INFO_BOILER) && in->text_len < 400)
    return TRUE;
  /* A short paragraph that is all link: "Related: ...", a teaser headline. An
   * item that is all link is one only in a list of links: in a list whose items
   * mostly say something, it is one of the points ("Here's our year in review!"). */
  if ((in->kind == TAG_P || in->kind == TAG_LI) &&
      in->text_len < 1000 && in->link_len * 10 >= in->text_len * 8)
    {
      const NodeInfo *list = in->parent != G_MAXUINT ? &infos[in->parent] : NULL;
      guint text, links;

      /* a sentence about someone whose pop-up card is all links */
      if (in->n_img > 0)
        {
          text_without_popup_cards (page, in, &text, &links);
          if (links * 10 < text * 8)
            return FALSE;
        }

      /* a point that introduces its own list of links ("In progress:") */
      gboolean introduces = in->kind == TAG_LI && in->own_text > 0 && in->n_li > 1;

      if (in->kind == TAG_P || list == NULL || list->kind != TAG_LIST ||
          (link_density (list) >= 0.5 && !is_sub_list (page, list) && !introduces))
        return TRUE;
    }
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
  gboolean keep_captions;   /* write what is dropped only for being a caption */
  gboolean saw_caption;     /* a caption was left out */
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
          gboolean caption = in != NULL && in->caption_only;

          if (caption && !in->step_caption && !sink->keep_captions)
            sink->saw_caption = TRUE;
          if (in != NULL &&
              (!in->dropped || (caption && (sink->keep_captions || in->step_caption))) &&
              !(in->flags & INFO_NONCONTENT) &&
              !(n != root && !caption && skip_in_article (page, in)) &&
              !(clean && n != root && clean_conditionally (page, in, flags)))
            {
              if (in->kind == TAG_BR)
                sink_break (sink, 1);
              else if (in->kind == TAG_A || in->kind == TAG_INLINE)
                sink->inline_edge = TRUE;
              else if (in->kind == TAG_MATH_TOKEN)
                sink->need_space = TRUE;
              else if (kind_is_block (in->kind))
                sink_break (sink, in->kind == TAG_TD ? 0 : 2);
              if (in->kind == TAG_TD)
                sink->need_space = TRUE;
              if (in->kind == TAG_PRE)
                sink->in_pre = TRUE;
              descend = TRUE;
              if (in->kind == TAG_RUBY_TEXT)
                {
                  g_autofree char *reading = _cf_html_subtree_text (n);

                  /* "漢字(かんじ)": the reading right after its base, as plain
                   * text writes it */
                  if (*reading != '\0')
                    {
                      sink->need_space = FALSE;
                      sink->inline_edge = FALSE;
                      sink_text (sink, "(");
                      sink_text (sink, reading);
                      sink_text (sink, ")");
                    }
                  descend = FALSE;
                }
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
              if (in != NULL && in->kind == TAG_MATH_TOKEN)
                sink->need_space = TRUE;
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

/* Writes the article: the top candidate and its qualifying siblings. */
static char *
write_article (Page        *page,
               const Flags *flags,
               guint        top_idx,
               gboolean     keep_captions,
               gboolean    *saw_caption)
{
  NodeInfo *infos = (NodeInfo *) page->infos->data;
  NodeInfo *top;
  TextSink sink = { 0 };
  double threshold;
  const char *top_class;

  sink.out = g_string_new (NULL);
  sink.keep_captions = keep_captions;
  if (top_idx == G_MAXUINT || infos[top_idx].kind == TAG_BODY ||
      infos[top_idx].parent == G_MAXUINT)
    {
      xmlNode *root = top_idx == G_MAXUINT ? page->body : infos[top_idx].node;

      if (root != NULL)
        write_text (page, root, flags, flags->clean_conditionally, &sink);
      *saw_caption = sink.saw_caption;
      return g_string_free (sink.out, FALSE);
    }
  top = &infos[top_idx];
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
  *saw_caption = sink.saw_caption;
  return g_string_free (sink.out, FALSE);
}

/* A photo guide tells its steps in blocks that each hold a picture, its
 * caption and some of the article's own text; the caption is then part of the
 * step ("Dig a hole in the foam.") and is kept. A caption alone in a figure, or
 * beside a credit line, stays a photo's caption. It takes this many such steps
 * (each with its own block), and this much text (non-space bytes, captions not
 * counted) in a step besides its caption. */
#define PHOTO_GUIDE_MIN_STEPS 3
#define PHOTO_GUIDE_STEP_TEXT 40

/* Whether the caption root @in is a step's: its block is no figure and holds
 * text of its own besides, and no other caption (@per_block counts them). */
static gboolean
is_step_caption (const NodeInfo *infos,
                 const NodeInfo *in,
                 GHashTable     *per_block)
{
  const NodeInfo *block;

  if (in->parent == G_MAXUINT)
    return FALSE;
  block = &infos[in->parent];
  return !block->dropped && block->kind != TAG_FIGURE && block->kind != TAG_BODY &&
         block->text_len >= PHOTO_GUIDE_STEP_TEXT &&
         GPOINTER_TO_UINT (g_hash_table_lookup (per_block, GUINT_TO_POINTER (in->parent + 1))) == 1;
}

static void
mark_step_captions (Page *page)
{
  NodeInfo *infos = (NodeInfo *) page->infos->data;
  guint n = page->infos->len;
  guint steps = 0;
  g_autoptr (GHashTable) per_block = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      NodeInfo *in = &infos[i];

      in->step_caption = FALSE;
      /* a caption root */
      if (in->caption_only && in->parent != G_MAXUINT && !infos[in->parent].caption_only)
        {
          gpointer key = GUINT_TO_POINTER (in->parent + 1);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (per_block, key));

          g_hash_table_insert (per_block, key, GUINT_TO_POINTER (count + 1));
        }
    }
  if (g_hash_table_size (per_block) < PHOTO_GUIDE_MIN_STEPS)
    return;
  for (guint i = 0; i < n; i++)
    if (infos[i].caption_only && infos[i].parent != G_MAXUINT &&
        !infos[infos[i].parent].caption_only && is_step_caption (infos, &infos[i], per_block))
      steps++;
  if (steps < PHOTO_GUIDE_MIN_STEPS)
    return;
  for (guint i = 0; i < n; i++)
    {
      NodeInfo *in = &infos[i];

      if (!in->caption_only || in->parent == G_MAXUINT)
        continue;
      if (infos[in->parent].caption_only)
        in->step_caption = infos[in->parent].step_caption;
      else
        in->step_caption = is_step_caption (infos, in, per_block);
    }
}

/* Captions are dropped (a photo's caption is no part of the story), unless the
 * article is told in its pictures: when its captions would add this much (in
 * tenths) to its text, they are kept, so a photo guide keeps its steps. */
#define CAPTIONS_TELL_THE_STORY 13

static char *
grab_article (Page        *page,
              const Flags *flags)
{
  guint top_idx;
  gboolean saw_caption = FALSE;
  char *text;

  accumulate (page, flags);
  top_idx = find_top_candidate (page, flags);
  mark_step_captions (page);
  text = write_article (page, flags, top_idx, FALSE, &saw_caption);
  if (saw_caption)
    {
      char *with = write_article (page, flags, top_idx, TRUE, &saw_caption);

      if (strlen (with) * 10 >= strlen (text) * CAPTIONS_TELL_THE_STORY)
        {
          g_free (text);
          return with;
        }
      g_free (with);
    }
  return text;
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
