/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How often the date finder's offer is right on our table of test sentences
 * (tests/fixtures/timeline/date-sentences.tsv): prints each sentence and the hit rate.
 *   build/tests/bench/date-finder-bench [TABLE] */
#include "config.h"

#include <stdio.h>

#include "timeline-test-util.h"

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const char *path = argc > 1 ? argv[1] : CF_DATE_TABLE;
  guint right, total;

  if (!cf_test_date_table_run (path, report, &right, &total, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%s\n", report->str);
  printf ("date offers right: %u of %u sentences (%.1f%%)\n", right, total,
          total ? 100.0 * right / total : 0.0);
  return 0;
}
