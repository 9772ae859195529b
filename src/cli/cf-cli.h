/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cf-case.h"

G_BEGIN_DECLS

/* Every subcommand is a function of its own argument vector (argv[0] is the command
 * name) that returns the process exit status: 0 on success, 1 on a failure it
 * reported on stderr, 2 on a usage error. */
typedef int (*CfCliCommandFunc) (int argc, char **argv);

#define CF_CLI_EXIT_OK      0
#define CF_CLI_EXIT_FAILURE 1
#define CF_CLI_EXIT_USAGE   2

int  cf_cli_extract    (int argc, char **argv);
int  cf_cli_brief      (int argc, char **argv);

int  cf_cli_new        (int argc, char **argv);
int  cf_cli_set        (int argc, char **argv);
int  cf_cli_info       (int argc, char **argv);
int  cf_cli_import     (int argc, char **argv);
int  cf_cli_list       (int argc, char **argv);
int  cf_cli_claim      (int argc, char **argv);
int  cf_cli_note       (int argc, char **argv);
int  cf_cli_tag        (int argc, char **argv);
int  cf_cli_hypothesis (int argc, char **argv);
int  cf_cli_ach        (int argc, char **argv);
int  cf_cli_evidence   (int argc, char **argv);
/* "hypothesis indicator …" (cf-cli-ach.c) */
int  cf_cli_hypothesis_indicator (int argc, char **argv);
int  cf_cli_search     (int argc, char **argv);
int  cf_cli_check      (int argc, char **argv);
int  cf_cli_upgrade    (int argc, char **argv);
int  cf_cli_export     (int argc, char **argv);
int  cf_cli_timeline   (int argc, char **argv);

/* Checks an event time given as @what (cf_event_time_parse()); NULL or "" succeeds;
 * anything else prints a usage error naming @what (cf-cli-timeline.c). */
gboolean cf_cli_check_event_time (const char *text,
                                  const char *what);

/* Prints "casefile-cli: MESSAGE" on stderr. */
void cf_cli_error      (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* --- shared helpers (cf-cli-util.c) ------------------------------------------ */

/* One action of a command with actions ("claim add"). */
typedef struct
{
  const char       *name;
  CfCliCommandFunc  func;
  const char       *summary;   /* N_() */
} CfCliSubcommand;

/* Runs the action named by argv[1] from @table (NULL-terminated), or prints the
 * list of actions for "--help" / a missing or unknown action. */
int        cf_cli_dispatch_subcommand (int                    argc,
                                       char                 **argv,
                                       const CfCliSubcommand *table,
                                       const char            *summary);

/* A GOptionContext with the translation domain, @parameter_string and @summary set
 * and @entries (may be NULL) added. */
GOptionContext *cf_cli_option_context_new (const char         *parameter_string,
                                           const char         *summary,
                                           const GOptionEntry *entries);
/* Parses, printing the error as a usage error; FALSE means exit with 2. */
gboolean   cf_cli_parse_options       (GOptionContext  *context,
                                       int             *argc,
                                       char          ***argv);
/* Checks the number of positional arguments left after parsing (argv[0] included
 * in @argc); prints a usage error naming @parameter_string when it is wrong. */
gboolean   cf_cli_check_n_args        (int              argc,
                                       int              min_args,
                                       int              max_args,
                                       const char      *usage);

/* Opens @path, printing the core's message on failure. */
/* FALSE with @error set when @arg, a file named on the command line, is empty:
 * GIO would take "" for the current folder. */
/* A line of progress on a terminal (stderr), rewritten in place a few times a
 * second; cf_cli_progress_end() clears it before other output. */
void       cf_cli_progress            (const char      *format,
                                       ...) G_GNUC_PRINTF (1, 2);
void       cf_cli_progress_end        (void);
gboolean   cf_cli_check_file_arg      (const char      *arg,
                                       GError         **error);
CfCase    *cf_cli_open_case           (const char      *path,
                                       gboolean         read_only);
/* The edits of one command, made inside one undoable action; FALSE with @error set
 * when an edit fails. */
typedef gboolean (*CfCliEditFunc) (CfCase   *kase,
                                   gpointer  data,
                                   GError  **error);

/* Runs @edit between cf_case_begin_action () and cf_case_end_action (), rolling back
 * whatever it did when it fails; FALSE with @error set when nothing was changed. The
 * caller reports the error in its own words. */
gboolean   cf_cli_run_action          (CfCase          *kase,
                                       const char      *label,
                                       CfCliEditFunc    edit,
                                       gpointer         data,
                                       GError         **error);

/* Prints @error ("casefile-cli: MESSAGE") and returns 1. */
int        cf_cli_report_error        (const GError    *error);

/* Parses an id argument ("12"); prints a usage error and returns FALSE if it is
 * not a positive number. */
gboolean   cf_cli_parse_id            (const char      *text,
                                       const char      *what,
                                       gint64          *out);

/* Checks a date given as @what (an option or field name): ISO 8601, a date
 * (2026-03-14, 2026-03 or 2026) or a date-time (2026-03-14T09:30:00Z). NULL or ""
 * (which clears a date) succeeds; anything else prints a usage error naming @what. */
gboolean   cf_cli_check_date          (const char      *text,
                                       const char      *what);

/* Rating parsers for options: NULL or "" leaves *@out alone and succeeds; an
 * unknown value prints the valid ones. FALSE means exit with 2. */
gboolean   cf_cli_parse_reliability   (const char      *text,
                                       CfReliability   *out);
gboolean   cf_cli_parse_credibility   (const char      *text,
                                       CfCredibility   *out);
gboolean   cf_cli_parse_likelihood    (const char      *text,
                                       CfLikelihood    *out);
gboolean   cf_cli_parse_confidence    (const char      *text,
                                       CfConfidence    *out);
gboolean   cf_cli_parse_relation      (const char      *text,
                                       CfRelation      *out);

/* Finds a tag by path, printing an error naming it when there is none. */
gint64     cf_cli_find_tag            (CfCase          *kase,
                                       const char      *path);

/* Writes @node as one line of JSON (or pretty-printed) to stdout. */
void       cf_cli_print_json          (JsonNode        *node,
                                       gboolean         pretty);
/* Same, taking ownership of the object. */
void       cf_cli_print_object        (JsonObject      *object);

JsonObject *cf_cli_document_to_json   (CfDocument      *document);
JsonObject *cf_cli_claim_to_json      (CfCase          *kase,
                                       CfClaim         *claim);

/* For many claims: reads the tags and hypotheses of the case once. */
typedef struct _CfCliClaimWriter CfCliClaimWriter;

CfCliClaimWriter *cf_cli_claim_writer_new     (CfCase           *kase);
JsonObject       *cf_cli_claim_writer_to_json (CfCliClaimWriter *writer,
                                               CfClaim          *claim);
void              cf_cli_claim_writer_free    (CfCliClaimWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCliClaimWriter, cf_cli_claim_writer_free)
JsonObject *cf_cli_tag_to_json        (CfTag           *tag);
JsonObject *cf_cli_note_to_json       (CfNote          *note);
JsonObject *cf_cli_hypothesis_to_json (CfHypothesis    *hypothesis);
JsonObject *cf_cli_actor_to_json      (CfActor         *actor);

/* A plain-text table with aligned columns for human readers. */
typedef struct _CfCliTable CfCliTable;

CfCliTable *cf_cli_table_new          (guint            n_columns,
                                       ...);
/* Takes @n_columns strings (NULL prints as empty). */
void        cf_cli_table_add_row      (CfCliTable      *table,
                                       ...);
/* Whether the first row (the column titles) is printed; it is by default. */
void        cf_cli_table_set_show_header (CfCliTable   *table,
                                          gboolean      show_header);
/* Prints the header and rows; the last column is not padded. */
void        cf_cli_table_print        (CfCliTable      *table);
void        cf_cli_table_free         (CfCliTable      *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCliTable, cf_cli_table_free)

/* Reads all of stdin as UTF-8 text. */
char       *cf_cli_read_stdin         (GError         **error);

G_END_DECLS
