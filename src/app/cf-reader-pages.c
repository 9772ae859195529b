/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's pages: for a PDF source, the Text / Page switch above the text, the
 * page view (built on first use: when the analyst asks to see the pages, the
 * casefile-reader helper process reads the original's layout, off the main thread,
 * and the same helper then renders each page: no PDF is parsed in the window's
 * process), and the
 * page breaks of the text view, a gap before each page with its
 * number in the left margin (from the pages the case stored, so the text itself is
 * never touched and offsets stay those of the document). The two views share the
 * claims, the selected claim and the page being read. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-colors.h"
#include "cf-reader-pages.h"

#define GUTTER_WIDTH 52

struct _CfReaderPages
{
  GtkWidget       *reader;        /* borrowed: it owns us */
  GtkTextView     *text_view;
  GtkWidget       *text_scroller;
  GtkWidget       *switch_box;
  GtkToggleButton *text_toggle;
  GtkToggleButton *page_toggle;
  CfPageView      *page_view;
  GtkWidget       *gutter;
  GtkTextTag      *break_tag;

  CfCase          *kase;
  gint64           document_id;
  GArray          *pages;         /* CfExtractedPage, from the case */
  CfPdfLayout     *layout;        /* read by the helper when the pages are first shown */
  GBytes          *original;      /* the PDF, while its pages are shown */
  GCancellable    *loading;       /* the layout being read */
  CfReadSession   *helper;        /* the helper that reads it, which then renders the pages */
  GArray          *highlights;    /* CfPageHighlight */
  gint64           selected_claim;
};

static void
draw_gutter_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  CfReaderPages *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRectangle visible;

  if (self->pages == NULL)
    return;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  cairo_set_source_rgba (cr, 0.35, 0.35, 0.4, 1.0);
  for (guint i = 0; i < self->pages->len; i++)
    {
      const CfExtractedPage *page = &g_array_index (self->pages, CfExtractedPage, i);
      /* TRANSLATORS: a page number in the margin of a PDF's text */
      g_autofree char *label = g_strdup_printf (_("p. %u"), i + 1);
      GdkRectangle where;
      GtkTextIter iter;
      int x, y, text_width;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) page->start);
      gtk_text_view_get_iter_location (self->text_view, &iter, &where);
      if (where.y + where.height < visible.y || where.y > visible.y + visible.height)
        continue;
      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, 0, where.y, &x, &y);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      cairo_move_to (cr, width - text_width - 6, y);
      pango_cairo_show_layout (cr, layout);
      if (i > 0)
        {
          /* a rule in the gap above the page's first line */
          cairo_rectangle (cr, 4, y - 8, width - 4, 1);
          cairo_fill (cr);
        }
    }
}

static void
scrolled_cb (GtkAdjustment *adjustment,
             CfReaderPages *self)
{
  if (self->gutter != NULL && self->pages != NULL)
    gtk_widget_queue_draw (self->gutter);
}

static void
mark_page_breaks (CfReaderPages *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  for (guint i = 1; i < self->pages->len; i++)
    {
      const CfExtractedPage *page = &g_array_index (self->pages, CfExtractedPage, i);
      GtkTextIter s, e;

      gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) page->start);
      gtk_text_iter_set_line_offset (&s, 0);
      e = s;
      gtk_text_iter_forward_to_line_end (&e);
      gtk_text_buffer_apply_tag (buffer, self->break_tag, &s, &e);
    }
}

static void
layout_failed (CfReaderPages *self,
               const GError  *error)
{
  g_autofree char *why = g_strdup_printf (_("The pages cannot be shown: %s"), error->message);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_toggle), why);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_toggle), FALSE);
  g_clear_pointer (&self->original, g_bytes_unref);
  _cf_reader_pages_show_pages (self, FALSE);
}

static int cursor_offset (CfReaderPages *self);

static void
layout_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  CfReaderPages *self = data;
  g_autoptr(GError) error = NULL;
  CfPdfLayout *layout = cf_pdf_layout_in_session_finish (result, &error);
  g_autoptr(CfReadSession) helper = NULL;

  /* cancelled: another document is shown, or the reader is gone with @self */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  /* the page view keeps the helper from here */
  helper = g_steal_pointer (&self->helper);
  if (layout == NULL)
    {
      layout_failed (self, error);
      return;
    }
  self->layout = layout;
  cf_page_view_set_layout (self->page_view, self->layout, self->original, helper);
  cf_page_view_set_highlights (self->page_view, self->highlights);
  cf_page_view_set_selected_claim (self->page_view, self->selected_claim);
  if (gtk_widget_get_visible (GTK_WIDGET (self->page_view)))
    cf_page_view_show_offset (self->page_view, cursor_offset (self));
}

/* Starts reading the layout in the helper; FALSE (and the pages refused) when the
 * case cannot give the original or the text. */
static gboolean
start_layout (CfReaderPages *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->layout != NULL || self->loading != NULL)
    return TRUE;
  bytes = cf_case_get_document_original (self->kase, self->document_id, &error);
  if (bytes != NULL)
    text = cf_case_get_document_text (self->kase, self->document_id, &error);
  if (text == NULL)
    {
      layout_failed (self, error);
      return FALSE;
    }
  self->original = g_bytes_ref (bytes);
  self->loading = g_cancellable_new ();
  cf_page_view_set_loading (self->page_view);
  self->helper = cf_read_session_new (NULL);
  cf_pdf_layout_in_session_async (self->helper, bytes, text, self->pages, self->loading,
                                  layout_ready_cb, self);
  return TRUE;
}

static void
stop_layout (CfReaderPages *self)
{
  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  g_clear_pointer (&self->helper, cf_read_session_unref);
}

static int
cursor_offset (CfReaderPages *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
_cf_reader_pages_show_pages (CfReaderPages *self,
                             gboolean       show)
{
  if (show && (self->pages == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->page_toggle)) ||
               !start_layout (self)))
    show = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->page_view), show);
  gtk_widget_set_visible (self->text_scroller, !show);
  if (gtk_toggle_button_get_active (self->page_toggle) != show)
    gtk_toggle_button_set_active (self->page_toggle, show);
  if (show)
    {
      /* the page the text was being read at (once the layout is read) */
      if (self->layout != NULL)
        cf_page_view_show_offset (self->page_view, cursor_offset (self));
      gtk_widget_grab_focus (cf_page_view_get_canvas (self->page_view));
    }
  else if (self->layout != NULL && gtk_widget_get_realized (self->text_scroller))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      guint page = cf_page_view_get_page (self->page_view);
      GtkTextIter iter;

      if (cf_pdf_layout_page_at (self->layout, (guint) cursor_offset (self)) != page)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) cf_pdf_layout_page_start (self->layout, page));
          gtk_text_buffer_place_cursor (buffer, &iter);
          gtk_text_view_scroll_to_iter (self->text_view, &iter, 0.0, TRUE, 0.0, 0.0);
        }
    }
}

static void
page_toggled_cb (GtkToggleButton *button,
                 CfReaderPages   *self)
{
  gboolean show = gtk_toggle_button_get_active (button);

  if (show != gtk_widget_get_visible (GTK_WIDGET (self->page_view)))
    _cf_reader_pages_show_pages (self, show);
}

static void
page_claim_activated_cb (CfPageView    *view,
                         gint64         claim_id,
                         CfReaderPages *self)
{
  g_signal_emit_by_name (self->reader, "claim-activated", claim_id);
}

/* A selection on the page is the same characters selected in the text, so Mark
 * Claim quotes exactly what the page shows selected. */
static void
page_selection_changed_cb (CfPageView    *view,
                           int            start,
                           int            end,
                           CfReaderPages *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);
}

CfReaderPages *
_cf_reader_pages_new (GtkWidget   *reader,
                      GtkTextView *text_view)
{
  CfReaderPages *self = g_new0 (CfReaderPages, 1);
  GtkWidget *box;

  self->reader = reader;
  self->text_view = text_view;
  self->text_scroller = gtk_widget_get_ancestor (GTK_WIDGET (text_view), GTK_TYPE_SCROLLED_WINDOW);
  box = gtk_widget_get_parent (self->text_scroller);
  g_assert (GTK_IS_BOX (box));
  self->highlights = g_array_new (FALSE, FALSE, sizeof (CfPageHighlight));

  self->switch_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->switch_box, "linked");
  gtk_widget_set_halign (self->switch_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->switch_box, 6);
  gtk_widget_set_margin_bottom (self->switch_box, 6);
  self->text_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Text")));
  self->page_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Page")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_toggle), _("Read the extracted text"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_toggle), _("See the pages as printed, with the claims on them"));
  gtk_toggle_button_set_group (self->page_toggle, self->text_toggle);
  gtk_toggle_button_set_active (self->text_toggle, TRUE);
  g_signal_connect (self->page_toggle, "toggled", G_CALLBACK (page_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->switch_box), GTK_WIDGET (self->text_toggle));
  gtk_box_append (GTK_BOX (self->switch_box), GTK_WIDGET (self->page_toggle));
  gtk_widget_set_visible (self->switch_box, FALSE);
  gtk_box_insert_child_after (GTK_BOX (box), self->switch_box,
                              gtk_widget_get_prev_sibling (self->text_scroller));

  self->page_view = cf_page_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->page_view), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->page_view), FALSE);
  g_signal_connect (self->page_view, "claim-activated", G_CALLBACK (page_claim_activated_cb), self);
  g_signal_connect (self->page_view, "selection-changed", G_CALLBACK (page_selection_changed_cb), self);
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->page_view), self->text_scroller);

  self->break_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (text_view), "cf-page-break",
                                                "pixels-above-lines", 26, NULL);
  g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)), "value-changed",
                    G_CALLBACK (scrolled_cb), self);
  return self;
}

void
_cf_reader_pages_clear (CfReaderPages *self)
{
  if (self->gutter != NULL)
    {
      gtk_text_view_set_gutter (self->text_view, GTK_TEXT_WINDOW_LEFT, NULL);
      self->gutter = NULL;
    }
  _cf_reader_pages_show_pages (self, FALSE);
  stop_layout (self);
  cf_page_view_set_layout (self->page_view, NULL, NULL, NULL);
  g_clear_pointer (&self->layout, cf_pdf_layout_free);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->kase);
  g_array_set_size (self->highlights, 0);
  self->document_id = 0;
  self->selected_claim = 0;
  gtk_widget_set_visible (self->switch_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_toggle), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_toggle),
                               _("See the pages as printed, with the claims on them"));
}

void
_cf_reader_pages_free (CfReaderPages *self)
{
  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_data (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), self);
  stop_layout (self);
  g_clear_pointer (&self->layout, cf_pdf_layout_free);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->kase);
  g_array_unref (self->highlights);
  g_free (self);
}

void
_cf_reader_pages_load (CfReaderPages *self,
                       CfCase        *kase,
                       CfDocument    *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;

  if (self == NULL)
    return;
  _cf_reader_pages_clear (self);
  if (document == NULL || g_strcmp0 (cf_document_get_media_type (document), "application/pdf") != 0)
    return;
  pages = cf_case_get_document_pages (kase, cf_document_get_id (document), &error);
  if (pages == NULL)
    {
      g_warning ("Cannot read the pages of document %" G_GINT64_FORMAT ": %s",
                 cf_document_get_id (document), error->message);
      return;
    }
  if (pages->len == 0)
    return;
  self->kase = g_object_ref (kase);
  self->document_id = cf_document_get_id (document);
  self->pages = g_steal_pointer (&pages);
  mark_page_breaks (self);
  self->gutter = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->gutter), GUTTER_WIDTH);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->gutter), draw_gutter_cb, self, NULL);
  gtk_text_view_set_gutter (self->text_view, GTK_TEXT_WINDOW_LEFT, self->gutter);
  gtk_widget_set_visible (self->switch_box, TRUE);
}

void
_cf_reader_pages_set_claims (CfReaderPages *self,
                             GListModel    *claims)
{
  guint n = claims != NULL ? g_list_model_get_n_items (claims) : 0;

  if (self == NULL)
    return;
  g_array_set_size (self->highlights, 0);
  if (self->pages == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfClaim) claim = g_list_model_get_item (claims, i);
      const char *color = cf_claim_get_color (claim);
      CfPageHighlight h = { cf_claim_get_start (claim), cf_claim_get_end (claim), cf_claim_get_id (claim) };

      if (color == NULL || !gdk_rgba_parse (&h.color, color))
        gdk_rgba_parse (&h.color, CF_UNTAGGED_COLOR);
      h.color.alpha = 1.0;
      g_array_append_val (self->highlights, h);
    }
  if (self->layout != NULL)
    cf_page_view_set_highlights (self->page_view, self->highlights);
}

void
_cf_reader_pages_select_claim (CfReaderPages *self,
                               gint64         claim_id)
{
  /* the page turns to a newly selected claim only, not on every redraw */
  if (self == NULL || self->selected_claim == claim_id)
    return;
  self->selected_claim = claim_id;
  if (self->layout != NULL)
    cf_page_view_set_selected_claim (self->page_view, claim_id);
}

CfPageView *
_cf_reader_pages_get_view (CfReaderPages *self)
{
  return self->pages != NULL ? self->page_view : NULL;
}
