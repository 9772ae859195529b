/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The date finder's table of test sentences, read once for the test (which keeps a floor
 * under the hit rate) and the benchmark (which prints the table). */
#include "config.h"

#include <string.h>

#include "cf-date-finder.h"
#include "timeline-test-util.h"

gboolean
cf_test_date_table_run (const char  *path,
                        GString     *report,
                        guint       *right,
                        guint       *total,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  *right = *total = 0;
  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *text = NULL;
      g_autoptr(CfDateOffer) offer = NULL;
      g_autofree char *got = NULL;
      const char *published, *zone, *before, *claim, *expected;
      gint start;
      gboolean ok;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 5);
      if (g_strv_length (f) != 5)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: expected 5 columns", path, i + 1);
          return FALSE;
        }
      published = strcmp (f[0], "-") == 0 ? NULL : f[0];
      zone = f[1];
      before = strcmp (f[2], "-") == 0 ? "" : f[2];
      claim = f[3];
      expected = f[4];
      text = *before ? g_strconcat (before, " ", claim, NULL) : g_strdup (claim);
      start = (gint) g_utf8_strlen (text, -1) - (gint) g_utf8_strlen (claim, -1);
      offer = cf_date_finder_find_for_span (text, start, (gint) g_utf8_strlen (text, -1), published, zone);
      got = offer != NULL ? cf_event_time_to_string (offer->time) : g_strdup ("-");
      ok = strcmp (got, expected) == 0;
      *right += ok;
      (*total)++;
      if (report != NULL)
        g_string_append_printf (report, "%s  %-34s %-34s %s\n", ok ? "ok  " : "MISS", expected, got, claim);
    }
  return TRUE;
}
