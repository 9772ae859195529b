/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What several test programs need: temporary folders, files and their snapshots,
 * generated text, the repository's fixtures and the optional shared folder, a sound-case
 * assertion, and running casefile-cli as a user would (CASEFILE_CLI). One copy here
 * instead of one per test file, so a fix to a helper reaches every test. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cf-case.h"

G_BEGIN_DECLS

/* --- files and folders ---------------------------------------------------------- */

/* Removes @path and everything below it without following symlinks; NULL or a
 * missing path does nothing. */
void     cf_test_remove_tree           (const char  *path);

/* Writes @contents (@length bytes, or up to NUL when -1) to @dir/@name and returns
 * the path. */
char    *cf_test_write_file            (const char  *dir,
                                        const char  *name,
                                        const char  *contents,
                                        gssize       length);

/* The whole file; the test fails if it cannot be read. */
GBytes  *cf_test_read_bytes            (const char  *path);

/* tests/fixtures/@name in the source tree (G_TEST_SRCDIR): always there. */
char    *cf_test_fixture_path          (const char  *name);

/* @relative below the shared folder (CASEFILE_SHARED_DIR: seed articles, corpora), or
 * NULL when it is not there, as in a plain clone; the caller then skips. */
char    *cf_test_shared_path           (const char  *relative);

/* Deterministic prose-like text of @n_words words for @seed, with a line break every
 * twelve words, ending in "end.". */
char    *cf_test_make_text             (guint        seed,
                                        guint        n_words);

/* The bytes and modification time of a file, to show that a refused command left it
 * alone. */
typedef struct
{
  GBytes *bytes;    /* NULL when the path is missing or not a regular file */
  gint64  mtime;
} CfTestSnapshot;

CfTestSnapshot cf_test_snapshot_take   (const char      *path);
/* Asserts that @path still has the bytes and time of @before, and frees @before. */
void     cf_test_snapshot_assert_unchanged (const char      *path,
                                            CfTestSnapshot  *before);

/* Whether PATH + SUFFIX ("-journal", "-wal") exists. */
gboolean cf_test_side_file_exists      (const char  *path,
                                        const char  *suffix);

/* --- cases ------------------------------------------------------------------------- */

/* @name in the test's own data folder (G_TEST_OPTION_ISOLATE_DIRS gives each test
 * case one), which is created. */
char    *cf_test_tmp_path              (const char  *name);

/* A new case titled "Test incident" at cf_test_tmp_path (@name). */
CfCase  *cf_test_new_case              (const char  *name);

/* Three sentences with attributed, hedged claims and curly quotes (multi-byte). */
extern const char cf_test_sample_text[];

/* Imports cf_test_sample_text as "Sample report"; returns its id. */
gint64   cf_test_add_sample_document   (CfCase      *kase);

/* Asserts that cf_case_check () finds nothing and SQLite's integrity_check says ok. */
void     cf_test_assert_case_sound     (CfCase      *kase);

/* --- casefile-cli ------------------------------------------------------------------ */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CfTestRun;

void     cf_test_run_clear             (CfTestRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfTestRun, cf_test_run_clear)

/* Starts CASEFILE_CLI with @args (NULL-terminated) in the C.UTF-8 locale, with pipes
 * for stdin, stdout and stderr. */
GSubprocess *cf_test_spawn_cliv        (const char * const *args);

/* Runs CASEFILE_CLI with @args, feeding @input (may be NULL) to stdin, and fills @run.
 * A program that dies by a signal fails the test. */
void     cf_test_run_cliv              (CfTestRun          *run,
                                        const char         *input,
                                        const char * const *args);

#define cf_test_run_cli(run, ...) \
  G_STMT_START { \
    const char *_args[] = { __VA_ARGS__, NULL }; \
    cf_test_run_clear (run); \
    cf_test_run_cliv (run, NULL, _args); \
  } G_STMT_END

#define cf_test_run_cli_input(run, input, ...) \
  G_STMT_START { \
    const char *_args[] = { __VA_ARGS__, NULL }; \
    cf_test_run_clear (run); \
    cf_test_run_cliv (run, input, _args); \
  } G_STMT_END

/* Runs and requires exit status 0. */
#define cf_test_run_ok(run, ...) \
  G_STMT_START { \
    cf_test_run_cli (run, __VA_ARGS__); \
    if ((run)->status != 0) \
      g_error ("casefile-cli failed (%d): %s", (run)->status, (run)->err); \
  } G_STMT_END

/* Asserts a refusal: @expected_status (any non-zero when negative) and one clear
 * "casefile-cli: " message without GLib criticals or warnings. */
void     cf_test_assert_cli_error      (CfTestRun   *run,
                                        int          expected_status);

/* A temporary folder with a case path in it (not created yet), for the tests that
 * drive casefile-cli; cleared with everything in it. */
typedef struct
{
  char *dir;
  char *case_path;
} CfTestCliCase;

void     cf_test_cli_case_init         (CfTestCliCase *f);
void     cf_test_cli_case_clear        (CfTestCliCase *f);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfTestCliCase, cf_test_cli_case_clear)

/* A short news text about a depot fire, with attributed and hedged claims. */
extern const char cf_test_depot_text[];

/* Creates the case "River depot fire" with cf_test_depot_text imported; returns the
 * document id as a string. */
char    *cf_test_cli_case_with_document (CfTestCliCase *f);

/* Adds a claim on @quote with "claim add --quote"; returns its id as a string. */
char    *cf_test_cli_add_claim         (CfTestCliCase *f,
                                        const char    *document_id,
                                        const char    *quote);

/* One JSON object; the test fails on anything else. */
JsonObject *cf_test_parse_object       (const char  *text);
/* The objects of a "one JSON object per line" output. */
GPtrArray  *cf_test_parse_lines        (const char  *out);
/* The "id" member as the string a command line takes. */
char       *cf_test_id_string          (JsonObject  *object);

G_END_DECLS
