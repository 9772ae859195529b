/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader: one document's text with its claims highlighted. Its "case",
 * "document-id" and "selected-claim" properties are bound to the window's, so
 * picking a claim anywhere scrolls to its span here, and a click on a highlight
 * ("claim-activated") selects that claim everywhere. It follows the case's
 * record changes through a signal group, so a new case needs no reconnecting. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cf-app-util.h"
#include "cf-colors.h"
#include "cf-reader.h"
#include "cf-reader-pages.h"
#include "cf-record-list.h"


typedef struct
{
  int    start;
  int    end;
  gint64 claim_id;
} Span;

struct _CfReader
{
  GtkBox         parent_instance;

  GtkStack      *stack;
  GtkLabel      *title_label;
  GtkLabel      *byline_label;
  GtkLabel      *meta_label;
  GtkLabel      *url_label;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;

  CfCase        *kase;
  GSignalGroup  *case_signals;
  CfDocument    *document;
  GListModel    *claims;       /* the shown document's claims in reading order */
  gulong         items_changed_id;

  GArray        *spans;        /* Span, sorted by start */
  GHashTable    *color_tags;   /* "#rrggbb" → GtkTextTag (owned by the table) */
  GtkTextTag    *overlap_tag;
  GtkTextTag    *selected_tag;
  CfClaim       *selected_claim;
  gint64         selected_claim_id;   /* underlined; 0 once another document shows */
  guint          rehighlight_id;
  CfReaderPages *pages;        /* a PDF's page view and page breaks */

  /* dragging an end of a highlight */
  gint64         drag_claim_id;   /* 0 when no end is being dragged */
  int            drag_fixed;      /* the end that stays */
  double         drag_x, drag_y;  /* where the drag began */
  gboolean       end_cursor;      /* the pointer shows it can drag an end */
};

G_DEFINE_FINAL_TYPE (CfReader, cf_reader, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_DOCUMENT_ID,
  PROP_SELECTED_CLAIM,
  PROP_HAS_SELECTION,
  N_PROPS
};

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkTextTag *
tag_for_color (CfReader   *self,
               const char *color)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextTag *tag;
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    color = CF_UNTAGGED_COLOR;

  tag = g_hash_table_lookup (self->color_tags, color);
  if (tag != NULL)
    return tag;

  gdk_rgba_parse (&rgba, color);
  /* Translucent so the text stays readable on light and dark backgrounds; underlined
   * in the text's own colour, so a highlight is not told by colour alone (a light
   * blue tag would look like the text selection). */
  rgba.alpha = CF_HIGHLIGHT_ALPHA;
  tag = gtk_text_buffer_create_tag (self->buffer, NULL, "background-rgba", &rgba,
                                    "underline", PANGO_UNDERLINE_SINGLE, NULL);
  g_hash_table_insert (self->color_tags, g_strdup (color), tag);

  /* The overlap and selection tags must stay above every colour tag. */
  gtk_text_tag_set_priority (self->overlap_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_tag_set_priority (self->selected_tag, gtk_text_tag_table_get_size (table) - 1);

  return tag;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return sa->end < sb->end ? -1 : sa->end > sb->end;
}

static void
apply_tag_offsets (CfReader   *self,
                   GtkTextTag *tag,
                   int         start,
                   int         end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &e, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &s, &e);
}

static void
apply_selected_tag (CfReader *self)
{
  GtkTextIter s, e;

  _cf_reader_pages_select_claim (self->pages, self->selected_claim_id);
  gtk_text_buffer_get_bounds (self->buffer, &s, &e);
  gtk_text_buffer_remove_tag (self->buffer, self->selected_tag, &s, &e);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->claim_id == self->selected_claim_id)
        {
          apply_tag_offsets (self, self->selected_tag, span->start, span->end);
          break;
        }
    }
}

static void
rehighlight (CfReader *self)
{
  GtkTextIter s, e;
  guint n;
  int covered_until = -1;

  g_clear_handle_id (&self->rehighlight_id, g_source_remove);

  gtk_text_buffer_get_bounds (self->buffer, &s, &e);
  gtk_text_buffer_remove_all_tags (self->buffer, &s, &e);
  g_array_set_size (self->spans, 0);

  if (self->claims == NULL || self->document == NULL)
    return;

  n = g_list_model_get_n_items (self->claims);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (self->claims, i);
      Span span;

      span.start = cf_claim_get_start (claim);
      span.end = cf_claim_get_end (claim);
      span.claim_id = cf_claim_get_id (claim);
      g_array_append_val (self->spans, span);

      apply_tag_offsets (self, tag_for_color (self, cf_claim_get_color (claim)),
                         span.start, span.end);
    }

  g_array_sort (self->spans, compare_spans);

  /* Spans sorted by start: a span overlaps the union of the earlier ones where it
   * starts before the furthest end seen so far. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->start < covered_until)
        apply_tag_offsets (self, self->overlap_tag, span->start,
                           MIN (span->end, covered_until));
      covered_until = MAX (covered_until, span->end);
    }

  _cf_reader_pages_set_claims (self->pages, self->claims);
  apply_selected_tag (self);
}

static gboolean
rehighlight_idle_cb (gpointer data)
{
  CfReader *self = data;

  self->rehighlight_id = 0;
  rehighlight (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rehighlight (CfReader *self)
{
  if (self->rehighlight_id == 0)
    self->rehighlight_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, rehighlight_idle_cb, self, NULL);
}

void
cf_reader_flush (CfReader *self)
{
  g_return_if_fail (CF_IS_READER (self));

  if (self->rehighlight_id != 0)
    rehighlight (self);
}

static void
claims_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   CfReader   *self)
{
  if (self->document != NULL)
    queue_rehighlight (self);
}

static void
update_metadata (CfReader *self)
{
  const char *url;
  g_autoptr(GString) meta = g_string_new (NULL);

  if (self->document == NULL)
    return;

  gtk_label_set_label (self->title_label, cf_document_get_title (self->document) ?: _("Untitled Source"));
  gtk_label_set_label (self->byline_label, cf_document_get_byline (self->document) ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label),
                          cf_document_get_byline (self->document) != NULL &&
                          *cf_document_get_byline (self->document) != '\0');

  if (cf_document_get_publisher (self->document) != NULL && *cf_document_get_publisher (self->document))
    g_string_append (meta, cf_document_get_publisher (self->document));
  if (cf_document_get_published (self->document) != NULL && *cf_document_get_published (self->document))
    {
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_autofree char *published = cf_date_format_local (cf_document_get_published (self->document));

      g_string_append (meta, published);
    }
  gtk_label_set_label (self->meta_label, meta->str);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta->len > 0);

  url = cf_document_get_url (self->document);
  if (url != NULL && *url != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (url, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);

      gtk_label_set_markup (self->url_label, markup);
      gtk_widget_set_visible (GTK_WIDGET (self->url_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->url_label), FALSE);
}

static gboolean
has_span (CfReader *self,
          gint64    claim_id)
{
  for (guint i = 0; i < self->spans->len; i++)
    if (g_array_index (self->spans, Span, i).claim_id == claim_id)
      return TRUE;
  return FALSE;
}

static void
record_changed_cb (CfCase       *kase,
                   CfRecordKind  kind,
                   gint64        id,
                   CfChange      change,
                   CfReader     *self)
{
  switch (kind)
    {
    case CF_RECORD_CLAIM:
      /* New and deleted claims arrive through the list; an update matters only
       * for a claim shown here (its first tag may have changed). */
      if (self->document != NULL && change == CF_CHANGE_UPDATED && has_span (self, id))
        queue_rehighlight (self);
      break;

    case CF_RECORD_TAG:
      /* A tag's new colour. */
      if (self->document != NULL)
        queue_rehighlight (self);
      break;

    case CF_RECORD_DOCUMENT:
      if (self->document != NULL && id == cf_document_get_id (self->document))
        {
          if (change == CF_CHANGE_DELETED)
            cf_reader_show_document (self, 0);
          else
            update_metadata (self);
        }
      break;

    case CF_RECORD_CASE:
    case CF_RECORD_ACTOR:
    case CF_RECORD_NOTE:
    case CF_RECORD_HYPOTHESIS:
    case CF_N_RECORD_KINDS:
    default:
      break;
    }
}

/* GTK 4.8 logs a critical when a scrolled window is unmapped while its
 * adjustment animates (gtk_adjustment_enable_animation()); a jump to a claim
 * animates. Setting the value ends the animation first. */
static void
stop_scroll_animation (CfReader *self)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  if (vadj != NULL)
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj));
}

static void
show_empty (CfReader *self)
{
  stop_scroll_animation (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
clear_claims (CfReader *self)
{
  if (self->claims != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->claims);
  g_clear_object (&self->claims);
}

static void
clear_document (CfReader *self)
{
  if (self->pages != NULL)
    _cf_reader_pages_clear (self->pages);
  g_clear_object (&self->document);
  g_clear_handle_id (&self->rehighlight_id, g_source_remove);
  g_array_set_size (self->spans, 0);
  self->selected_claim_id = 0;
}

void
cf_reader_set_case (CfReader *self,
                    CfCase   *kase)
{
  g_return_if_fail (CF_IS_READER (self));
  g_return_if_fail (kase == NULL || CF_IS_CASE (kase));

  if (self->kase == kase)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  cf_reader_select_claim (self, NULL);
  clear_document (self);
  clear_claims (self);
  g_set_object (&self->kase, kase);
  g_signal_group_set_target (self->case_signals, kase);

  show_empty (self);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  g_object_thaw_notify (G_OBJECT (self));
}

CfCase *
cf_reader_get_case (CfReader *self)
{
  g_return_val_if_fail (CF_IS_READER (self), NULL);

  return self->kase;
}

void
cf_reader_show_document (CfReader *self,
                         gint64    document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CF_IS_READER (self));

  if (self->document != NULL && cf_document_get_id (self->document) == document_id)
    return;

  stop_scroll_animation (self);
  clear_document (self);

  if (self->kase != NULL && document_id > 0)
    {
      document = cf_case_get_document (self->kase, document_id, &error);
      if (document != NULL)
        text = cf_case_get_document_text (self->kase, document_id, &error);
      if (text == NULL)
        {
          g_warning ("Cannot show document %" G_GINT64_FORMAT ": %s", document_id, error->message);
          g_clear_object (&document);
        }
    }

  if (document == NULL)
    {
      show_empty (self);
      gtk_text_buffer_set_text (self->buffer, "", 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
      return;
    }

  self->document = g_steal_pointer (&document);
  update_metadata (self);

  gtk_text_buffer_set_text (self->buffer, text, -1);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_place_cursor (self->buffer, &start);
  }

  /* One list for the case, narrowed to each document in turn: a new list would
   * first query every claim of the case. */
  if (self->claims == NULL)
    {
      self->claims = cf_case_list_claims (self->kase);
      cf_record_list_set_sort (CF_RECORD_LIST (self->claims), CF_CLAIM_SORT_POSITION, FALSE);
      self->items_changed_id = g_signal_connect (self->claims, "items-changed",
                                                 G_CALLBACK (claims_changed_cb), self);
    }
  cf_record_list_set_document (CF_RECORD_LIST (self->claims), document_id);
  _cf_reader_pages_load (self->pages, self->kase, self->document);
  rehighlight (self);

  gtk_stack_set_visible_child_name (self->stack, "text");
  {
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
    gtk_adjustment_set_value (vadj, 0);
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
cf_reader_get_document_id (CfReader *self)
{
  g_return_val_if_fail (CF_IS_READER (self), 0);

  return self->document != NULL ? cf_document_get_id (self->document) : 0;
}

/* Scrolls @start into view only when it is not in view: a click on a highlight or
 * a claim just marked must leave the text where the reader's eyes are. */
static void
scroll_to_if_hidden (CfReader    *self,
                     GtkTextIter *start,
                     gboolean     new_document)
{
  GdkRectangle visible, location;
  GtkTextMark *mark;

  if (!new_document && gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    {
      gtk_text_view_get_visible_rect (self->text_view, &visible);
      gtk_text_view_get_iter_location (self->text_view, start, &location);
      if (visible.height > 0 && location.y >= visible.y &&
          location.y + location.height <= visible.y + visible.height)
        return;
    }

  mark = gtk_text_buffer_get_mark (self->buffer, "cf-jump");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (self->buffer, "cf-jump", start, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, mark, start);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.05, TRUE, 0.0, 0.3);
}

void
cf_reader_select_range (CfReader *self,
                        gint64    document_id,
                        int       start,
                        int       end)
{
  GtkTextIter s, e;

  g_return_if_fail (CF_IS_READER (self));

  cf_reader_show_document (self, document_id);
  if (self->document == NULL)
    return;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &e, MAX (start, end));
  /* Cursor at the start, so scrolling the cursor into view shows the beginning. */
  gtk_text_buffer_select_range (self->buffer, &s, &e);
  scroll_to_if_hidden (self, &s, TRUE);
}

static void
reveal_claim (CfReader *self,
              CfClaim  *claim)
{
  gint64 shown = cf_reader_get_document_id (self);
  GtkTextIter start;

  /* an assumption or absence has no document: the source shown stays */
  if (cf_claim_get_document_id (claim) <= 0)
    return;
  cf_reader_show_document (self, cf_claim_get_document_id (claim));
  if (self->document == NULL)
    return;

  /* A cursor at its start, not a selection: a selected claim is not new text to
   * mark (Mark Claim stays off), and its underline already shows where it is. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, cf_claim_get_start (claim));
  gtk_text_buffer_place_cursor (self->buffer, &start);
  scroll_to_if_hidden (self, &start, shown != cf_claim_get_document_id (claim));
  self->selected_claim_id = cf_claim_get_id (claim);
  if (self->rehighlight_id == 0)
    apply_selected_tag (self);
}

void
cf_reader_select_claim (CfReader *self,
                        CfClaim  *claim)
{
  g_return_if_fail (CF_IS_READER (self));
  g_return_if_fail (claim == NULL || CF_IS_CLAIM (claim));

  /* The same claim again, after another document was shown: show it again. */
  if (self->selected_claim == claim)
    {
      if (claim != NULL && self->selected_claim_id != cf_claim_get_id (claim))
        reveal_claim (self, claim);
      return;
    }

  g_set_object (&self->selected_claim, claim);
  if (claim != NULL)
    reveal_claim (self, claim);
  else
    {
      self->selected_claim_id = 0;
      apply_selected_tag (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

CfClaim *
cf_reader_get_selected_claim (CfReader *self)
{
  g_return_val_if_fail (CF_IS_READER (self), NULL);

  return self->selected_claim;
}

/* The selected span of the shown document, optionally without the white space
 * at either end; FALSE when nothing (or, trimmed, only white space) is selected. */
static gboolean
selected_span (CfReader *self,
               gboolean  trim,
               gint64   *document_id,
               int      *start,
               int      *end)
{
  GtkTextIter s, e;

  if (self->document == NULL ||
      !gtk_text_buffer_get_selection_bounds (self->buffer, &s, &e))
    return FALSE;

  while (trim && gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    gtk_text_iter_forward_char (&s);
  while (trim && gtk_text_iter_compare (&s, &e) < 0)
    {
      GtkTextIter prev = e;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      e = prev;
    }
  if (gtk_text_iter_equal (&s, &e))
    return FALSE;

  if (document_id != NULL)
    *document_id = cf_document_get_id (self->document);
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

gboolean
cf_reader_get_selection (CfReader *self,
                         gint64   *document_id,
                         int      *start,
                         int      *end)
{
  g_return_val_if_fail (CF_IS_READER (self), FALSE);

  return selected_span (self, FALSE, document_id, start, end);
}

gboolean
cf_reader_get_selected_words (CfReader *self,
                              gint64   *document_id,
                              int      *start,
                              int      *end)
{
  g_return_val_if_fail (CF_IS_READER (self), FALSE);

  /* A drag usually catches a space or line break at either end; a claim is the words. */
  return selected_span (self, TRUE, document_id, start, end);
}

gboolean
cf_reader_get_has_selection (CfReader *self)
{
  g_return_val_if_fail (CF_IS_READER (self), FALSE);

  return cf_reader_get_selection (self, NULL, NULL, NULL);
}

gint64
cf_reader_claim_at_offset (CfReader *self,
                           int       offset)
{
  guint lo = 0, hi;
  gint64 best = 0;
  int best_len = G_MAXINT;

  g_return_val_if_fail (CF_IS_READER (self), 0);

  cf_reader_flush (self);

  /* First span starting after @offset; only spans before it can contain it. */
  hi = self->spans->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->spans, Span, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i > 0; i--)
    {
      const Span *span = &g_array_index (self->spans, Span, i - 1);

      if (span->end > offset && span->end - span->start < best_len)
        {
          best = span->claim_id;
          best_len = span->end - span->start;
        }
    }

  return best;
}

guint
cf_reader_get_n_highlights (CfReader *self)
{
  g_return_val_if_fail (CF_IS_READER (self), 0);

  cf_reader_flush (self);
  return self->spans->len;
}

GtkTextView *
cf_reader_get_text_view (CfReader *self)
{
  g_return_val_if_fail (CF_IS_READER (self), NULL);

  return self->text_view;
}

/* The default handler: what "claim-activated" means is selecting the claim. */
static void
cf_reader_real_claim_activated (CfReader *self,
                                gint64    claim_id)
{
  g_autoptr(CfClaim) claim = NULL;

  if (self->kase == NULL || claim_id <= 0)
    return;

  claim = cf_case_get_claim (self->kase, claim_id, NULL);
  if (claim == self->selected_claim && claim != NULL)
    reveal_claim (self, claim);
  else if (claim != NULL)
    cf_reader_select_claim (self, claim);
}

static void
activate_claim_at_iter (CfReader    *self,
                        GtkTextIter *iter)
{
  gint64 claim_id = cf_reader_claim_at_offset (self, gtk_text_iter_get_offset (iter));

  if (claim_id > 0)
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim_id);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   CfReader        *self)
{
  GtkTextIter iter;
  int bx, by;

  /* A drag that selected text is a selection, not a click on a highlight. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    activate_claim_at_iter (self, &iter);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CfReader              *self)
{
  GtkTextIter iter;

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                        gtk_text_buffer_get_insert (self->buffer));
      activate_claim_at_iter (self, &iter);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* --- dragging a highlight's ends ------------------------------------------------------ */

/* How near (in pixels) to a highlight's first or last character the pointer grabs it. */
#define END_GRAB_DISTANCE 4

/* The claim whose start or end is under the widget point (@x, @y), if any, and the
 * offset of its other end. A claim's ends are where its first character begins and
 * its last one ends, on their lines. */
static gint64
claim_end_at (CfReader *self,
              double    x,
              double    y,
              int      *other_end)
{
  GtkTextIter iter;
  int bx, by, offset;

  if (self->document == NULL || self->kase == NULL || cf_case_get_read_only (self->kase))
    return 0;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return 0;
  offset = gtk_text_iter_get_offset (&iter);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      int ends[2] = { span->start, span->end };

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          GtkTextIter at;
          GdkRectangle place;

          /* only an end next to the character under the pointer can be near it */
          if (ABS (ends[e] - offset) > 1)
            continue;
          gtk_text_buffer_get_iter_at_offset (self->buffer, &at, ends[e]);
          gtk_text_view_get_iter_location (self->text_view, &at, &place);
          if (e == 1 && ends[e] > 0)
            {
              /* the end of the last character, which may wrap to the next line */
              GtkTextIter last = at;
              GdkRectangle last_place;

              gtk_text_iter_backward_char (&last);
              gtk_text_view_get_iter_location (self->text_view, &last, &last_place);
              place.x = last_place.x + last_place.width;
              place.y = last_place.y;
              place.height = last_place.height;
            }
          if (by >= place.y && by < place.y + place.height &&
              ABS (bx - place.x) <= END_GRAB_DISTANCE)
            {
              *other_end = e == 0 ? span->end : span->start;
              return span->claim_id;
            }
        }
    }
  return 0;
}

static void
set_end_cursor (CfReader *self,
                gboolean  on_end)
{
  if (self->end_cursor == on_end)
    return;
  self->end_cursor = on_end;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), on_end ? "ew-resize" : "text");
}

static void
pointer_motion_cb (GtkEventControllerMotion *controller,
                   double                    x,
                   double                    y,
                   CfReader                 *self)
{
  int other;

  if (self->drag_claim_id == 0)
    set_end_cursor (self, claim_end_at (self, x, y, &other) > 0);
}

static int
offset_at (CfReader *self,
           double    x,
           double    y)
{
  GtkTextIter iter;
  int bx, by, trailing;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  /* between characters, as a text cursor goes */
  gtk_text_view_get_iter_at_position (self->text_view, &iter, &trailing, bx, by);
  gtk_text_iter_forward_chars (&iter, trailing);
  return gtk_text_iter_get_offset (&iter);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CfReader       *self)
{
  gint64 claim_id = claim_end_at (self, x, y, &self->drag_fixed);

  /* anywhere else a drag selects text, as it always does */
  if (claim_id <= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_claim_id = claim_id;
  self->drag_x = x;
  self->drag_y = y;
  set_end_cursor (self, TRUE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* While dragging, the claim's new span shows as the text selection. */
static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CfReader       *self)
{
  GtkTextIter fixed, moving;

  if (self->drag_claim_id == 0)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &fixed, self->drag_fixed);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &moving, offset_at (self, self->drag_x + dx, self->drag_y + dy));
  gtk_text_buffer_select_range (self->buffer, &moving, &fixed);
}

static void
show_toast (CfReader   *self,
            const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CfReader       *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClaim) claim = NULL;
  gint64 claim_id = self->drag_claim_id;
  GtkTextIter cursor;
  int moved, start, end;

  self->drag_claim_id = 0;
  if (claim_id == 0 || self->kase == NULL)
    return;

  moved = offset_at (self, self->drag_x + dx, self->drag_y + dy);
  start = MIN (moved, self->drag_fixed);
  end = MAX (moved, self->drag_fixed);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &cursor, start);
  gtk_text_buffer_place_cursor (self->buffer, &cursor);

  claim = cf_case_get_claim (self->kase, claim_id, NULL);
  if (claim == NULL || (start == cf_claim_get_start (claim) && end == cf_claim_get_end (claim)))
    return;
  /* one undoable step; the store trims the ends and refuses what marking refuses */
  if (!cf_case_set_claim_span (self->kase, claim_id, start, end, &error))
    show_toast (self, error->message);
}

static void
buffer_selection_changed_cb (CfReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

/* The selected claim's underline keeps 3:1 against the highlights and the page in
 * either style: a dark blue on light, a light blue on dark. */
static void
style_changed_cb (CfReader *self)
{
  GdkRGBA selected;

  gdk_rgba_parse (&selected, adw_style_manager_get_dark (adw_style_manager_get_default ())
                             ? CF_SELECTED_DARK : CF_SELECTED_LIGHT);
  g_object_set (self->selected_tag, "underline-rgba", &selected, NULL);
}

static void
cf_reader_unmap (GtkWidget *widget)
{
  stop_scroll_animation (CF_READER (widget));

  GTK_WIDGET_CLASS (cf_reader_parent_class)->unmap (widget);
}

static void
cf_reader_dispose (GObject *object)
{
  CfReader *self = CF_READER (object);

  clear_document (self);
  g_clear_pointer (&self->pages, _cf_reader_pages_free);
  clear_claims (self);
  g_clear_object (&self->selected_claim);
  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  g_clear_object (&self->case_signals);
  g_clear_object (&self->kase);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_READER);

  G_OBJECT_CLASS (cf_reader_parent_class)->dispose (object);
}

static void
cf_reader_finalize (GObject *object)
{
  CfReader *self = CF_READER (object);

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->color_tags, g_hash_table_unref);

  G_OBJECT_CLASS (cf_reader_parent_class)->finalize (object);
}

static void
cf_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfReader *self = CF_READER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, cf_reader_get_document_id (self));
      break;

    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;

    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, cf_reader_get_has_selection (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfReader *self = CF_READER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_reader_set_case (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT_ID:
      cf_reader_show_document (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTED_CLAIM:
      cf_reader_select_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cf_reader_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CF_READER (widget)->text_view));
}

static void
cf_reader_class_init (CfReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_reader_dispose;
  object_class->finalize = cf_reader_finalize;
  object_class->get_property = cf_reader_get_property;
  object_class->set_property = cf_reader_set_property;
  widget_class->unmap = cf_reader_unmap;
  widget_class->grab_focus = cf_reader_grab_focus;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The shown document; 0 shows none. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Setting it shows the claim's document with its span selected and in view. */
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_object ("selected-claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether text of the shown document is selected (what Mark Claim needs). */
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLAIM_ACTIVATED] =
    g_signal_new_class_handler ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (cf_reader_real_claim_activated),
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casefile/cf-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, CfReader, stack);
  gtk_widget_class_bind_template_child (widget_class, CfReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfReader, byline_label);
  gtk_widget_class_bind_template_child (widget_class, CfReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CfReader, url_label);
  gtk_widget_class_bind_template_child (widget_class, CfReader, text_view);
}

static void
cf_reader_init (CfReader *self)
{
  GtkGesture *click, *drag;
  GtkEventController *keys, *motion;
  g_autoptr(GMenu) extra = g_menu_new ();
  GdkRGBA overlap;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  self->pages = _cf_reader_pages_new (GTK_WIDGET (self), self->text_view);
  g_signal_connect_swapped (self->buffer, "notify::has-selection",
                            G_CALLBACK (buffer_selection_changed_cb), self);
  self->case_signals = g_signal_group_new (CF_TYPE_CASE);
  g_signal_group_connect (self->case_signals, "record-changed", G_CALLBACK (record_changed_cb), self);
  /* A read-only text has nothing to undo; keeping history for it only costs memory. */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->color_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gdk_rgba_parse (&overlap, CF_OVERLAP_COLOR);
  self->overlap_tag = gtk_text_buffer_create_tag (self->buffer, "cf-overlap",
                                                  "background-rgba", &overlap,
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  /* An underline, so the selected claim keeps its tag colour. */
  self->selected_tag = gtk_text_buffer_create_tag (self->buffer, "cf-selected-claim",
                                                   "underline", PANGO_UNDERLINE_DOUBLE,
                                                   NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  style_changed_cb (self);

  g_menu_append (extra, _("_Mark Claim"), "win.mark-claim");
  g_menu_append (extra, _("_Extend or Shrink Claim to Selection"), "win.set-claim-span");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (extra));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  /* A highlight's ends can be dragged; before the text view sees the press, so a
   * drag that starts on an end does not select text instead. */
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (drag));
}
