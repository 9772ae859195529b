/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing the pages of a big web archive before they are imported (issue 13): the
 * dialog is asked for only for archives of more than five pages, lists each page
 * with a check box, and hands over only the checked ones (an attachment goes with
 * its message). */
#include "config.h"

#include <adwaita.h>

#include "cf-archive-import-dialog.h"

static CfImport *
make_import (guint       n,
             const char *media_type)
{
  CfImport *import = g_new0 (CfImport, 1);

  import->filename = g_strdup ("crawl.warc.gz");
  import->original = g_bytes_new_static ("WARC/1.1", 8);
  import->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_extracted_document_free);
  for (guint i = 0; i < n; i++)
    {
      CfExtractedDocument *doc = g_new0 (CfExtractedDocument, 1);

      doc->title = g_strdup_printf ("Page %u", i + 1);
      doc->url = g_strdup_printf ("https://example.org/page/%u", i + 1);
      doc->text = g_strdup_printf ("The text of page %u.", i + 1);
      doc->media_type = g_strdup (media_type);
      doc->captured = g_strdup ("2024-06-02T12:00:00+00:00");
      doc->parent_index = -1;
      g_ptr_array_add (import->documents, doc);
    }
  return import;
}

static void
test_asks_only_for_big_archives (void)
{
  g_autoptr(CfImport) big = make_import (7, "application/warc");
  g_autoptr(CfImport) wacz = make_import (6, "application/wacz");
  g_autoptr(CfImport) small = make_import (5, "application/warc");
  g_autoptr(CfImport) feed = make_import (40, "application/rss+xml");

  g_assert_true (cf_archive_import_should_ask (big));
  g_assert_true (cf_archive_import_should_ask (wacz));
  g_assert_false (cf_archive_import_should_ask (small));
  g_assert_false (cf_archive_import_should_ask (feed));
}

static void
test_keep_takes_attachments_along (void)
{
  g_autoptr(CfImport) import = make_import (4, "message/rfc822");
  g_autoptr(CfImport) kept = NULL;
  const gboolean keep[] = { FALSE, TRUE, TRUE, TRUE };
  CfExtractedDocument *doc;

  /* 1 and 2 are attachments of 0, 3 of 1 */
  ((CfExtractedDocument *) import->documents->pdata[1])->parent_index = 0;
  ((CfExtractedDocument *) import->documents->pdata[2])->parent_index = 0;
  ((CfExtractedDocument *) import->documents->pdata[3])->parent_index = -1;
  kept = cf_archive_import_keep (import, keep);
  g_assert_cmpuint (kept->documents->len, ==, 1);
  doc = kept->documents->pdata[0];
  g_assert_cmpstr (doc->title, ==, "Page 4");
  g_assert_cmpint (doc->parent_index, ==, -1);
  g_assert_cmpstr (doc->captured, ==, "2024-06-02T12:00:00+00:00");
  g_assert_true (kept->original == import->original);
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
chosen_cb (CfImport *import,
           gpointer  user_data)
{
  GPtrArray *titles = user_data;

  for (guint i = 0; import != NULL && i < import->documents->len; i++)
    g_ptr_array_add (titles, g_strdup (((CfExtractedDocument *) import->documents->pdata[i])->title));
  g_ptr_array_add (titles, g_strdup ("(answered)"));
}

static void
test_dialog_imports_checked_pages (void)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  AdwMessageDialog *dialog;

  cf_archive_import_dialog_run (NULL, make_import (8, "application/warc"), chosen_cb, titles, NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, 8);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_check_button_get_active (checks->pdata[i]));
  gtk_check_button_set_active (checks->pdata[1], FALSE);
  gtk_check_button_set_active (checks->pdata[6], FALSE);

  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (titles->len, ==, 7);
  g_assert_cmpstr (titles->pdata[0], ==, "Page 1");
  g_assert_cmpstr (titles->pdata[1], ==, "Page 3");
  g_assert_cmpstr (titles->pdata[5], ==, "Page 8");
  g_assert_cmpstr (titles->pdata[6], ==, "(answered)");
}

static void
test_dialog_cancel_imports_nothing (void)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  AdwMessageDialog *dialog;

  cf_archive_import_dialog_run (NULL, make_import (8, "application/warc"), chosen_cb, titles, NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (titles->pdata[0], ==, "(answered)");
}

static void
skip_without_display (void)
{
  g_test_skip ("no display");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/app-archive/asks-only-for-big-archives", test_asks_only_for_big_archives);
  g_test_add_func ("/app-archive/keep-takes-attachments-along", test_keep_takes_attachments_along);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/app-archive/display", skip_without_display);
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/app-archive/dialog-imports-checked-pages", test_dialog_imports_checked_pages);
  g_test_add_func ("/app-archive/dialog-cancel-imports-nothing", test_dialog_cancel_imports_nothing);

  return g_test_run ();
}
