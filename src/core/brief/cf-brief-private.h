/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the brief share: the page geometry, the paragraph styles, the
 * model read from the case (BriefClaim, BriefSource, ...), the laid-out blocks and
 * the CfBrief instance itself. The brief is one object split by stage: options,
 * model (reading the case), blocks (what the brief says), layout (measuring and
 * pagination), drawing and the PDF writer; each stage reaches the others only
 * through the _cf_brief_ functions declared here. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cf-brief.h"

G_BEGIN_DECLS

/* Geometry, in points. */
#define MM              (72.0 / 25.4)
#define MARGIN_SIDE     (20.0 * MM)
#define MARGIN_TOP      (25.0 * MM)
#define MARGIN_BOTTOM   (24.0 * MM)
#define HEADER_CENTER   (12.5 * MM)   /* from the top edge */
#define HEADER_RULE     (18.0 * MM)
#define FOOTER_RULE     (17.0 * MM)   /* from the bottom edge */
#define FOOTER_CENTER   (11.5 * MM)
#define CLAIM_INDENT    11.0
#define SWATCH_INDENT   14.0

/* How much of a claim list the brief prints beside each claim or judgment. */
#define MAX_OPPOSING_IDS   8
#define MAX_STRONGEST      2
#define EXCERPT_CHARS      110

#define SANS_FAMILY  "Noto Sans, DejaVu Sans, sans-serif"
#define SERIF_FAMILY "Noto Serif, DejaVu Serif, serif"
#define MONO_FAMILY  "Noto Sans Mono, DejaVu Sans Mono, monospace"

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.10, 0.10, 0.11 };
static const Rgb grey = { 0.36, 0.37, 0.40 };
static const Rgb accent = { 0.11, 0.23, 0.37 };
static const Rgb rule_grey = { 0.78, 0.79, 0.81 };
static const Rgb untagged_grey = { 0.70, 0.71, 0.73 };

/* --- paragraph styles --------------------------------------------------------- */

typedef enum
{
  STYLE_KICKER,
  STYLE_TITLE,
  STYLE_META,
  STYLE_H1,
  STYLE_H2,
  STYLE_H3,
  STYLE_BODY,
  STYLE_QUOTE,
  STYLE_QUOTE_UPRIGHT,   /* right-to-left quotes: Arabic has no italic */
  STYLE_SMALL,
  STYLE_MONO,
  STYLE_HASH,            /* a whole SHA-256, small enough for one line */
  STYLE_EMPTY,
  STYLE_HEADER,
  N_STYLES
} ParaStyle;

typedef struct
{
  const char  *family;
  double       size;
  PangoWeight  weight;
  PangoStyle   slant;
  double       line_spacing;   /* 0: the font's own */
  const Rgb   *color;
  gboolean     content;        /* text from the case, not a label of ours */
} StyleSpec;

/* --- the laid-out content --------------------------------------------------------- */

typedef enum
{
  BLOCK_PLAIN,
  BLOCK_TITLE,     /* a strong rule under it */
  BLOCK_H1,        /* a rule under it, an outline entry */
  BLOCK_H2,        /* maybe a colour swatch, an outline entry */
  BLOCK_CLAIM,     /* an accent bar in the tag's colour beside it */
  BLOCK_JUDGMENT,  /* an accent bar */
  BLOCK_FIGURE,    /* the chronology's figure, drawn over the space its paragraph holds */
} BlockKind;

typedef struct
{
  ParaStyle  style;
  char      *markup;
  double     indent;
  double     space_after;
  char      *link;      /* URL the paragraph links to in a PDF, or NULL */
  double     height;    /* measured */
  /* the layout measured during pagination, kept for the first drawing so that a
   * PDF shapes each paragraph once; pages drawn again lay out again */
  PangoLayout *layout;
} Para;

typedef struct
{
  BlockKind  kind;
  GPtrArray *paras;
  double     space_before;
  double     indent;
  gboolean   keep_with_next;
  gboolean   has_color;
  Rgb        color;
  char      *outline;   /* plain text for the PDF outline, or NULL */
  double     height;    /* measured: the paragraphs with their spacing */
} Block;

/* Where a page starts: a block, a paragraph in it and a line in that. */
typedef struct
{
  guint block;
  guint para;
  guint line;
} PagePos;

/* --- what the brief reads from the case ------------------------------------------------ */

typedef struct
{
  gint64         id;
  gint64         document_id;
  char          *quote;
  char          *paraphrase;
  char          *actor;
  char          *document_title;
  char          *event_date;
  char          *tag_names;
  char          *color;
  gint64         first_tag;
  guint          n_tags;
  CfReliability  reliability;
  CfCredibility  credibility;
  CfLikelihood   likelihood;
  CfConfidence   confidence;
  guint          source_number;
  guint          page;        /* of a PDF source, from 1; 0 for none */
  GPtrArray     *notes;       /* char * */
  GArray        *relations;   /* CfRelation, one per hypothesis in brief order */
  GArray        *opposing;    /* gint64 ids of claims with the opposite relation */
} BriefClaim;

typedef struct
{
  gint64        id;
  guint         number;
  char         *title;
  char         *description;
  CfLikelihood  likelihood;
  CfConfidence  confidence;
  GPtrArray    *by_relation[CF_RELATION_LAST + 1];   /* BriefClaim *, borrowed */
} BriefHypothesis;

typedef struct
{
  gint64     id;
  guint      number;
  char      *title;
  char      *byline;
  char      *publisher;
  char      *published;
  char      *captured;    /* when a saved page was captured, apart from published */
  char      *url;
  char      *link;    /* the URL as a PDF link, or NULL when it must not be one */
  char      *sha256;
  guint      n_claims;
  GPtrArray *notes;   /* char * */
} BriefSource;

typedef struct
{
  gint64     id;
  char      *path;
  char      *color;
  GPtrArray *claims;  /* BriefClaim *, borrowed */
} BriefTag;

struct _CfBrief
{
  GObject         parent_instance;

  CfBriefGroupBy  group_by;
  gboolean        include_notes;
  CfConfidence    min_confidence;
  CfBriefPaper    paper;
  GDateTime      *date;

  char           *title;
  char           *summary;
  char           *incident_date;
  char           *marking;
  char           *analyst;
  char           *case_path;

  GPtrArray      *claims;       /* BriefClaim *, reading order */
  GPtrArray      *hypotheses;   /* BriefHypothesis * */
  GPtrArray      *sources;      /* BriefSource * */
  GPtrArray      *tags;         /* BriefTag *, depth first */
  GPtrArray      *case_notes;   /* char * */
  CfAchMatrix    *ach;          /* the computed matrix, or NULL (cf-brief-ach.c) */
  GPtrArray      *indicators;   /* CfIndicator * */
  GPtrArray      *timeline;            /* CfTimelineEntry *, in time order (cf-brief-chronology.c) */
  GPtrArray      *timeline_documents;  /* CfTimelineDocument * */
  GPtrArray      *timeline_findings;   /* CfTimelineFinding * */
  guint           n_claims_in_case;

  GPtrArray      *blocks;       /* Block * */

  PangoContext   *context;
  PangoFontDescription *fonts[N_STYLES];
  double          page_width;
  double          page_height;
  GArray         *pages;        /* PagePos */

  /* only while writing a PDF */
  cairo_surface_t *pdf_surface;
  int              outline_parent;
};

/* --- model (cf-brief-model.c) ------------------------------------------------------ */

/* NULL for NULL or blank text, else a stripped copy. */
char         *_cf_brief_dup_stripped         (const char      *text);
void          _cf_brief_claim_free           (BriefClaim      *claim);
void          _cf_brief_hypothesis_free      (BriefHypothesis *hypothesis);
void          _cf_brief_source_free          (BriefSource     *source);
void          _cf_brief_tag_free             (BriefTag        *tag);
/* Fills the records of @self from @kase, honouring the options already set on it. */
void          _cf_brief_load_case            (CfBrief         *self,
                                              CfCase          *kase);

/* --- blocks (cf-brief-blocks.c) ---------------------------------------------------- */

/* @text escaped for Pango markup; NULL gives "". */
char         *_cf_brief_escape               (const char      *text);
void          _cf_brief_block_free           (Block           *block);
/* Turns the model into self->blocks, in reading order. */
void          _cf_brief_build_blocks         (CfBrief         *self);

/* What other stages add blocks with (cf-brief-blocks.c); the markup is taken. */
Block        *_cf_brief_add_block            (CfBrief         *self,
                                              BlockKind        kind,
                                              double           space_before);
Para         *_cf_brief_add_para             (Block           *block,
                                              ParaStyle        style,
                                              char            *markup,
                                              double           space_after);
void          _cf_brief_add_heading          (CfBrief         *self,
                                              const char      *text);

/* --- chronology (cf-brief-chronology.c) ------------------------------------------------ */

/* Reads the dated claims, the sources' dates and the timeline checks of @kase. */
void          _cf_brief_load_chronology      (CfBrief         *self,
                                              CfCase          *kase);
/* The figure, the dated claims in order and the checks; nothing without dated claims. */
void          _cf_brief_build_chronology     (CfBrief         *self);
/* Draws the figure of a BLOCK_FIGURE in the box it holds. */
void          _cf_brief_draw_chronology_figure (CfBrief       *self,
                                                cairo_t       *cr,
                                                double         x,
                                                double         top,
                                                double         width,
                                                double         bottom);

/* --- analysis of competing hypotheses (cf-brief-ach.c) ------------------------------- */

/* Reads the matrix and indicators of @kase into @self. */
void          _cf_brief_load_ach             (CfBrief         *self,
                                              CfCase          *kase);
/* The matrix, its legend, scores, critical evidence and indicators; nothing when
 * the case has no hypotheses. */
void          _cf_brief_build_ach            (CfBrief         *self);

/* --- layout (cf-brief-layout.c) ---------------------------------------------------- */

extern const StyleSpec _cf_brief_styles[N_STYLES];

/* The width between the side margins, in points. */
double        _cf_brief_content_width        (CfBrief         *self);
/* A new layout of @para at the width @block leaves it. */
PangoLayout  *_cf_brief_make_layout          (CfBrief         *self,
                                              Block           *block,
                                              Para            *para);
/* The top of each line of @layout, in points from its top (doubles). */
GArray       *_cf_brief_line_tops            (PangoLayout     *layout);

G_END_DECLS
