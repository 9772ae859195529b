/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing the pages of a web archive (WARC, WACZ) to import. An archive of a crawl
 * can hold hundreds of pages of which the analyst wants a few, so when one holds
 * more than a handful the window lists them, title and address, each with a check
 * box, before anything is added to the case. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-archive-import-dialog.h"

typedef struct
{
  CfImport *import;
  GPtrArray *checks;      /* GtkCheckButton, one per document */
  CfArchiveImportChosen chosen;
  gpointer user_data;
  GDestroyNotify destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  cf_import_free (choice->import);
  g_ptr_array_unref (choice->checks);
  g_free (choice);
}

gboolean
cf_archive_import_should_ask (const CfImport *import)
{
  CfExtractedDocument *first;

  g_return_val_if_fail (import != NULL, FALSE);

  if (import->documents == NULL || import->documents->len <= CF_ARCHIVE_IMPORT_ASK_ABOVE)
    return FALSE;
  first = g_ptr_array_index (import->documents, 0);
  return strcmp (first->media_type, "application/warc") == 0 ||
         strcmp (first->media_type, "application/wacz") == 0;
}

CfImport *
cf_archive_import_keep (const CfImport *import,
                        const gboolean *keep)
{
  CfImport *copy;
  g_autofree int *new_index = NULL;

  g_return_val_if_fail (import != NULL && import->documents != NULL && keep != NULL, NULL);

  copy = g_new0 (CfImport, 1);
  new_index = g_new (int, MAX (import->documents->len, 1));

  copy->filename = g_strdup (import->filename);
  copy->original = g_bytes_ref (import->original);
  copy->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
  for (guint i = 0; i < import->documents->len; i++)
    {
      const CfExtractedDocument *doc = g_ptr_array_index (import->documents, i);
      CfExtractedDocument *kept;
      int parent = doc->parent_index;

      /* parents come before their attachments, so their fate is known */
      new_index[i] = -1;
      if (!keep[i] || (parent >= 0 && new_index[parent] < 0))
        continue;
      kept = g_new0 (CfExtractedDocument, 1);
      kept->title = g_strdup (doc->title);
      kept->byline = g_strdup (doc->byline);
      kept->published = g_strdup (doc->published);
      kept->site_name = g_strdup (doc->site_name);
      kept->language = g_strdup (doc->language);
      kept->url = g_strdup (doc->url);
      kept->text = g_strdup (doc->text);
      kept->media_type = g_strdup (doc->media_type);
      kept->note = g_strdup (doc->note);
      kept->captured = g_strdup (doc->captured);
      kept->filename = g_strdup (doc->filename);
      kept->parent_index = parent >= 0 ? new_index[parent] : -1;
      if (doc->pages != NULL)
        kept->pages = g_array_ref (doc->pages);
      new_index[i] = (int) copy->documents->len;
      g_ptr_array_add (copy->documents, kept);
    }
  return copy;
}

static void
choice_closure_free (gpointer  data,
                     GClosure *closure)
{
  choice_free (data);
}

static void
set_all (Choice   *choice,
         gboolean  active)
{
  for (guint i = 0; i < choice->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (choice->checks, i), active);
}

static void
select_all_clicked_cb (GtkButton *button,
                       Choice    *choice)
{
  set_all (choice, TRUE);
}

static void
select_none_clicked_cb (GtkButton *button,
                        Choice    *choice)
{
  set_all (choice, FALSE);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Choice           *choice)
{
  g_autoptr(CfImport) kept = NULL;

  if (g_strcmp0 (response, "import") == 0)
    {
      g_autofree gboolean *keep = g_new0 (gboolean, choice->checks->len);

      for (guint i = 0; i < choice->checks->len; i++)
        keep[i] = gtk_check_button_get_active (g_ptr_array_index (choice->checks, i));
      kept = cf_archive_import_keep (choice->import, keep);
    }
  choice->chosen (kept != NULL && kept->documents->len > 0 ? kept : NULL, choice->user_data);
}

static GtkWidget *
page_row (CfExtractedDocument *doc,
          GtkCheckButton     **check)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (doc->title != NULL ? doc->title : _("Untitled page"));
  GtkWidget *address = gtk_label_new (doc->url != NULL ? doc->url : "");
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  *check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_active (*check, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  doc->title != NULL ? doc->title : _("Untitled page"), -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (address), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (address), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (address, "dim-label");
  gtk_widget_add_css_class (address, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), address);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (*check));
  gtk_box_append (GTK_BOX (row), box);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  return row;
}

void
cf_archive_import_dialog_run (GtkWindow             *parent,
                              CfImport              *import,
                              CfArchiveImportChosen  chosen,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  Choice *choice;
  AdwMessageDialog *dialog;
  GtkWidget *list, *scrolled, *box, *buttons, *all, *none;
  g_autofree char *body = NULL;

  g_return_if_fail (import != NULL && import->documents != NULL);
  g_return_if_fail (chosen != NULL);

  choice = g_new0 (Choice, 1);
  choice->import = import;
  choice->checks = g_ptr_array_new ();
  choice->chosen = chosen;
  choice->user_data = user_data;
  choice->destroy = destroy;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” holds %u web page. Choose the pages to import.",
                                       "“%s” holds %u web pages. Choose the pages to import.",
                                       import->documents->len),
                          import->filename != NULL ? import->filename : _("The archive"),
                          import->documents->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Import Pages from the Archive?"),
                                                       body));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < import->documents->len; i++)
    {
      GtkCheckButton *check;

      gtk_list_box_append (GTK_LIST_BOX (list), page_row (g_ptr_array_index (import->documents, i),
                                                          &check));
      g_ptr_array_add (choice->checks, check);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  all = gtk_button_new_with_mnemonic (_("Select _All"));
  none = gtk_button_new_with_mnemonic (_("Select _None"));
  g_signal_connect (all, "clicked", G_CALLBACK (select_all_clicked_cb), choice);
  g_signal_connect (none, "clicked", G_CALLBACK (select_none_clicked_cb), choice);
  gtk_box_append (GTK_BOX (buttons), all);
  gtk_box_append (GTK_BOX (buttons), none);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), choice,
                         choice_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
