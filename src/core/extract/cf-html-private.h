/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the HTML extractor share: the page model that one walk over
 * the parsed tree builds (cf-html-scan.c), that the article finder scores and
 * writes out as text (cf-html-score.c), that the metadata is read from
 * (cf-html-meta.c), and that the entry points drive (cf-html-extract.c). Only
 * those files include it. */
#pragma once

#include <libxml/tree.h>

#include "cf-extract.h"

G_BEGIN_DECLS

/*
 * How the article is found.
 *
 * The page is parsed once. One pre-order walk (iterative: the HTML parser has no
 * nesting limit) gives every element a NodeInfo, in document order, so that a
 * parent always comes before its children; it also collects the metadata. Then,
 * for up to four attempts with ever fewer rules (as Readability does when a page
 * yields too little), the infos are swept backwards to sum up text, link text and
 * counts per subtree, every "paragraph" (a block with enough inline text) scores
 * its ancestors, the best-scoring container wins together with its qualifying
 * siblings, and its text is written out while conditionally dropping link lists,
 * share widgets and other furniture inside it.
 */

typedef enum
{
  TAG_OTHER = 0,        /* unknown tags count as inline */
  TAG_INLINE,
  TAG_A,
  TAG_BR,
  TAG_IMG,
  TAG_BLOCK,            /* generic block: div, section, article, main, ... */
  TAG_P,
  TAG_PRE,
  TAG_TD,
  TAG_TR,
  TAG_LIST,             /* ul, ol, dl */
  TAG_LI,
  TAG_HEADING,
  TAG_BLOCKQUOTE,
  TAG_TABLE,
  TAG_FORM,
  TAG_HEAD,
  TAG_BODY,
  TAG_HTML,
  TAG_INPUT,            /* dropped, but counted by conditional cleaning */
  TAG_EMBED,            /* dropped, but counted */
  TAG_DROP,             /* never content: script, style, nav, ... */
  TAG_SCRIPT,
  TAG_TITLE,
  TAG_META,
  TAG_LINK,
  TAG_TIME,
  TAG_HEADER,
  TAG_FOOTER,
  TAG_ASIDE,
  TAG_FIGURE,
  TAG_MATH_TOKEN,       /* inline, but a word of its own: mi, mo, mn, ... */
  TAG_RUBY_TEXT,        /* <rt>: the reading of the base text, in parentheses */
} TagKind;

enum
{
  INFO_HIDDEN     = 1 << 0,   /* never content: dropped tag, hidden element */
  INFO_UNLIKELY   = 1 << 1,   /* class/id says it is no article part */
  INFO_IN_TABLE   = 1 << 2,
  INFO_NONCONTENT = 1 << 3,
  INFO_BOILER     = 1 << 4,   /* class/id of a byline, date, caption, share bar... */
  INFO_BYLINE     = 1 << 5,
  INFO_IN_UNLIKELY = 1 << 6,  /* some ancestor is INFO_UNLIKELY */
  INFO_SHARE      = 1 << 7,   /* class/id names a share widget */
  INFO_CAPTION    = 1 << 8,   /* a caption: no article text, but may hold a byline */
  INFO_TABLE_SEEN = 1 << 9,   /* a table whose kind (data or layout) is known */
  INFO_DATA_TABLE = 1 << 10,  /* a table of data, not of layout */
};

typedef struct
{
  xmlNode *node;
  guint    parent;          /* index, or G_MAXUINT for the root */
  guint8   kind;
  guint16  flags;
  gint16   class_weight;
  guint    own_text;        /* non-space bytes of the element's own text nodes */
  guint    own_commas;

  /* per attempt */
  gboolean dropped;
  gboolean caption_only;    /* dropped for being (in) a caption alone */
  gboolean step_caption;    /* (in) the caption of a step of a photo guide */
  gboolean scored;
  guint    text_len;
  guint    link_len;
  guint    inline_len;
  guint    inline_commas;
  guint    commas;
  guint    n_p;
  guint    n_img;
  guint    n_li;
  guint    n_input;
  guint    n_embed;
  guint    n_heading;
  double   score;
} NodeInfo;

typedef struct
{
  /* metadata */
  GHashTable *meta;         /* lower-case key -> value, last one wins */
  char       *html_lang;
  char       *title;
  char       *canonical;
  char       *byline_markup;
  char       *time_datetime;
  char       *itemprop_published;
  GPtrArray  *json_ld;      /* raw script texts */
  GPtrArray  *h1s;          /* texts of h1 elements */
  GPtrArray  *h2s;

  GArray     *infos;
  xmlNode    *body;
  const char *headline;     /* the document's title, once the metadata is read */

  /* classes the page's own style sheets hide on screen and show in print */
  GHashTable *screen_hidden;
  GHashTable *print_shown;
  gsize       css_bytes;
} Page;

/* The info of an element the scan walked, NULL for one it did not. */
static inline NodeInfo *
_cf_html_node_info (Page          *page,
                    const xmlNode *node)
{
  guint idx = GPOINTER_TO_UINT (node->_private);

  return idx ? &g_array_index (page->infos, NodeInfo, idx - 1) : NULL;
}

/* --- cf-html-scan.c ---------------------------------------------------------- */

void         _cf_html_page_init             (Page          *page);
void         _cf_html_page_clear            (Page          *page);
/* The one walk: fills @page's infos (parents before children) and metadata. */
void         _cf_html_scan_page             (Page          *page,
                                             xmlDoc        *doc);
/* The value of attribute @name (any case) of @node, borrowed from the tree, or NULL. */
const char  *_cf_html_attr                  (const xmlNode *node,
                                             const char    *name);
/* The text of @root's subtree with white space collapsed; never NULL. */
char        *_cf_html_subtree_text          (xmlNode       *root);

/* --- cf-html-score.c --------------------------------------------------------- */

/* The article's text, trying ever fewer rules until it is long enough. */
char        *_cf_html_extract_body          (Page          *page);
/* All the text under @root, uncleaned (a feed item's content is all article). */
char        *_cf_html_page_text             (Page          *page,
                                             xmlNode       *root);
/* @text without its paragraphs that are only a date and a clock time. */
char        *_cf_html_drop_timestamp_lines  (const char    *text);

/* --- cf-html-css.c ----------------------------------------------------------- */

/* Reads a <style> element for classes that only print. */
void         _cf_html_note_style            (Page          *page,
                                             const xmlNode *style);
/* Whether a class attribute (lower case) names a class that only prints. */
gboolean     _cf_html_class_prints_only     (Page          *page,
                                             const char    *lower_class);

/* --- cf-html-byline.c -------------------------------------------------------- */

/* The text of a byline element without its dates, job titles and pictures. */
char        *_cf_html_byline_text           (xmlNode       *root);
/* @raw cleaned down to the names in it ("By Jane Doe • 8h" -> "Jane Doe"); NULL
 * when no name is left (a date is no byline). */
char        *_cf_html_clean_byline          (const char    *raw);

/* --- cf-html-meta.c ---------------------------------------------------------- */

/* Records a <meta> element's content under its normalised name. */
void         _cf_html_note_meta             (Page          *page,
                                             const xmlNode *node);
/* Undoes a second round of entity escaping; NULL for NULL. */
char        *_cf_html_unescape_entities     (const char    *s);
/* How much of @b's words (by length) @a holds, 0 to 1. */
double       _cf_html_text_similarity       (const char    *a,
                                             const char    *b);
/* Fills @doc's metadata fields; *@json_ld_body gets the publisher's articleBody
 * (or NULL), for checking the article we found against. */
void         _cf_html_fill_metadata         (Page                *page,
                                             CfExtractedDocument *doc,
                                             char               **json_ld_body);

G_END_DECLS
