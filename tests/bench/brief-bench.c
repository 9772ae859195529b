/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the summary brief of a 1,000-claim case takes to render to PDF (target:
 * under 2 s). Not a test: run build/tests/brief-bench [N_CLAIMS] [OUT.pdf] by hand. */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "cf-brief.h"
#include "cf-case.h"

static const char *words[] = {
  "officials", "said", "the", "strike", "hit", "a", "depot", "near", "harbour", "after",
  "midnight", "witnesses", "reported", "two", "explosions", "and", "smoke", "over", "river",
  "посадовці", "заявили", "удар", "склад", "قال", "المسؤولون", "الضربة", "الميناء",
};

static char *
make_quote (guint i)
{
  GString *quote = g_string_new (NULL);
  guint length = 4 + (i * 37) % 45;
  guint script = i % 10 == 3 ? 19 : i % 10 == 7 ? 23 : 0;
  guint n = script == 0 ? 19 : 4;

  if (i % 97 == 5)
    length = 350;
  for (guint w = 0; w < length; w++)
    g_string_append_printf (quote, "%s%s", w > 0 ? " " : "", words[script + (i + w * 7) % n]);
  return g_string_free (quote, FALSE);
}

static CfCase *
make_case (const char *path,
           guint       n_claims)
{
  g_autoptr(GError) error = NULL;
  CfCase *kase = cf_case_create (path, "Benchmark case", &error);
  gint64 tags[3], hypotheses[3];
  guint per_document = 50;

  g_assert_no_error (error);
  cf_case_set_undo_enabled (kase, FALSE);
  cf_case_begin_action (kase, "Load");
  tags[0] = cf_case_add_tag (kase, "Attack", 0, "#e01b24", &error);
  tags[1] = cf_case_add_tag (kase, "Drone", tags[0], "#ff7800", &error);
  tags[2] = cf_case_add_tag (kase, "Denial", 0, "#3584e4", &error);
  for (guint h = 0; h < 3; h++)
    hypotheses[h] = cf_case_add_hypothesis (kase, "A hypothesis", NULL, &error);
  g_assert_no_error (error);

  for (guint first = 0; first < n_claims; first += per_document)
    {
      g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = NULL;
      CfDocumentFields fields = { 0 };
      gint64 document;
      gint offset = 0;
      guint count = MIN (per_document, n_claims - first);

      for (guint k = 0; k < count; k++)
        g_ptr_array_add (quotes, make_quote (first + k));
      g_ptr_array_add (quotes, NULL);
      text = g_strjoinv ("\n\n", (char **) quotes->pdata);
      fields.title = "A source document";
      fields.url = "https://news.example/a/very/long/path/to/an/article";
      fields.text = text;
      document = cf_case_add_document (kase, &fields, &error);
      g_assert_no_error (error);

      for (guint k = 0; k < count; k++)
        {
          guint i = first + k;
          gint length = (gint) g_utf8_strlen (g_ptr_array_index (quotes, k), -1);
          gint64 claim = cf_case_add_claim (kase, document, offset, offset + length, NULL, &error);

          g_assert_no_error (error);
          offset += length + 2;
          cf_case_add_claim_tag (kase, claim, tags[i % 3], &error);
          cf_case_set_claim_reliability (kase, claim, 1 + i % 6, &error);
          cf_case_set_claim_credibility (kase, claim, 1 + i % 6, &error);
          cf_case_set_claim_confidence (kase, claim, 1 + i % 3, &error);
          if (i % 3 == 0)
            cf_case_set_claim_relation (kase, claim, hypotheses[(i / 3) % 3],
                                        i % 2 ? CF_RELATION_CONSISTENT : CF_RELATION_INCONSISTENT,
                                        &error);
          if (i % 11 == 0)
            cf_case_add_note (kase, CF_NOTE_TARGET_CLAIM, claim, "A note on this claim.", &error);
          g_assert_no_error (error);
        }
    }
  cf_case_end_action (kase, &error);
  g_assert_no_error (error);
  return kase;
}

int
main (int    argc,
      char **argv)
{
  guint n_claims = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autofree char *dir = g_dir_make_tmp ("brief-bench-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "bench.casefile", NULL);
  g_autofree char *pdf_path = argc > 2 ? g_strdup (argv[2]) : g_build_filename (dir, "bench.pdf", NULL);
  g_autoptr(CfCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 5, 3, 0, 0, 0);
  CfBriefOptions options;
  double best = G_MAXDOUBLE;
  guint n_pages = 0;

  kase = make_case (case_path, n_claims);
  cf_brief_options_init (&options);
  options.date = date;
  options.paper = CF_BRIEF_PAPER_A4;

  for (guint run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();
      g_autoptr(CfBrief) brief = cf_brief_new (kase, &options, &error);
      double load, total, cpu;
      gint64 loaded;

      g_assert_no_error (error);
      loaded = g_get_monotonic_time ();
      if (!cf_brief_write_pdf (brief, pdf_path, &error))
        g_error ("%s", error->message);
      total = (g_get_monotonic_time () - start) / 1e6;
      cpu = (double) (clock () - cpu_start) / CLOCKS_PER_SEC;
      load = (loaded - start) / 1e6;
      n_pages = cf_brief_get_n_pages (brief);
      /* CPU time too: on a busy machine the wall clock says more about the others */
      g_print ("run %u: %.3f s (reading the case %.3f s, layout and PDF %.3f s; CPU %.3f s)\n",
               run + 1, total, load, total - load, cpu);
      best = MIN (best, total);
    }

  g_print ("brief of %u claims, %u pages: best %.3f s (target < 2 s)\n", n_claims, n_pages, best);

  if (argc <= 2)
    g_unlink (pdf_path);
  g_unlink (case_path);
  g_rmdir (dir);
  return best < 2.0 ? 0 : 1;
}
