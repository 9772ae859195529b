/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The readers of container formats (saved web pages, mail, office documents, web
 * archives, PDF): each turns the bytes of one file into extracted documents, the
 * same CfExtractedDocument the article extractor gives. They parse hostile input
 * with large libraries, so the importer runs them in the casefile-reader helper
 * process (cf_read_in_helper) under resource limits. */
#pragma once

#include <gio/gio.h>

#include "cf-extract.h"

G_BEGIN_DECLS

/* What the readers may spend on one file. Every bound is checked on what is really
 * read, never on what the file says about itself. */
typedef struct
{
  guint64 max_uncompressed;  /* bytes unpacked from a zip, gzip or MIME part, in all */
  guint   max_ratio;         /* unpacked bytes per packed byte, for a whole zip */
  guint   max_entries;       /* zip entries, WARC records */
  guint   max_depth;         /* nesting of MIME multiparts and attached messages */
  guint   max_parts;         /* MIME parts in one message */
  guint   max_documents;     /* documents one file may yield (archive pages, attachments) */
  guint   max_pages;         /* pages of one PDF */
  /* the helper process (cf_read_in_helper) */
  guint64 max_address_space; /* bytes (RLIMIT_AS); 0 leaves it unset */
  guint   max_cpu_seconds;   /* RLIMIT_CPU */
  guint   timeout_seconds;   /* wall clock, after which the helper is killed */
} CfReadLimits;

typedef enum
{
  CF_READ_FORMAT_NONE,   /* none of ours: the article extractor's (HTML, XML, feeds, text) */
  CF_READ_FORMAT_MHTML,
  CF_READ_FORMAT_EML,
  CF_READ_FORMAT_DOCX,
  CF_READ_FORMAT_ODT,
  CF_READ_FORMAT_WARC,
  CF_READ_FORMAT_WACZ,
  CF_READ_FORMAT_PDF,
} CfReadFormat;

/* Returns: (transfer none) the limits every import uses. */
const CfReadLimits *cf_read_limits_default   (void);

/* Decides the format from the content only (never a file name).
 * Returns: %CF_READ_FORMAT_NONE for anything the readers do not handle. */
CfReadFormat        cf_read_sniff            (GBytes              *bytes);

/* Returns: (transfer none) the media type stored for @format ("message/rfc822", ...). */
const char         *cf_read_format_media_type (CfReadFormat        format);

/* Each reader: @bytes borrowed, @limits (nullable) for the defaults.
 * Returns: (transfer full) (element-type CfExtractedDocument) (nullable) at least
 * one document, or NULL with @error set in CF_EXTRACT_ERROR. */
GPtrArray          *cf_read_mhtml            (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);
GPtrArray          *cf_read_eml              (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);
GPtrArray          *cf_read_docx             (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);
GPtrArray          *cf_read_odt              (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);
GPtrArray          *cf_read_warc             (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);
GPtrArray          *cf_read_wacz             (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);
GPtrArray          *cf_read_pdf              (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);

/* Sniffs @bytes and runs the reader of its format, in this process.
 * Returns: (transfer full) (nullable) as the readers; UNSUPPORTED for
 * %CF_READ_FORMAT_NONE. */
GPtrArray          *cf_read_bytes            (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GError             **error);

/* Runs cf_read_bytes() in a casefile-reader helper process of its own under @limits'
 * rlimits and timeout; a crash, a limit or a hang there is an error here.
 * Returns: (transfer full) (nullable) as cf_read_bytes(). */
GPtrArray          *cf_read_in_helper        (GBytes              *bytes,
                                              const CfReadLimits  *limits,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* One casefile-reader helper process for a batch of files (an import of many files,
 * a CLI run, a document's pages): the helper is started for the first file and
 * serves the next ones, each under its own processor time and wall clock; after any
 * file that fails (a refusal, a crash, a limit, a timeout, a cancel, a nonsense
 * answer) the next one gets a fresh helper. A helper that a hostile file took over
 * could lie about the later files of its batch, never touch the case (see
 * cf-read-helper.c). Requests from several threads wait for each other. */
typedef struct _CfReadSession CfReadSession;

/* @limits: (nullable): copied; %NULL for the defaults. No process starts yet. */
CfReadSession      *cf_read_session_new      (const CfReadLimits  *limits);
CfReadSession      *cf_read_session_ref      (CfReadSession       *session);
/* The last reference kills the helper, if one runs. */
void                cf_read_session_unref    (CfReadSession       *session);
/* Kills the helper when it has been idle for @idle_seconds and no request is under
 * way (the next request starts a new one). Returns: TRUE when no helper runs now. */
gboolean            cf_read_session_stop_idle (CfReadSession      *session,
                                              guint                idle_seconds);
/* cf_read_in_helper() in the session's helper. */
GPtrArray          *cf_read_session_read     (CfReadSession       *session,
                                              GBytes              *bytes,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfReadSession, cf_read_session_unref)

/* cf_read_any() with @session's helper (nullable: a helper of its own). */
GPtrArray          *cf_read_any_in_session   (CfReadSession       *session,
                                              GBytes              *bytes,
                                              const char          *filename,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* What every import path calls: the formats above through the helper process,
 * anything else through the article extractor in this process (@filename only
 * breaks its ties). Returns: (transfer full) (nullable) as cf_extract_bytes(). */
GPtrArray          *cf_read_any              (GBytes              *bytes,
                                              const char          *filename,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* The helper's wire format: documents (or an error) as JSON. */
char               *cf_read_serialise        (GPtrArray           *documents,
                                              const GError        *error,
                                              gsize               *length);
GPtrArray          *cf_read_deserialise      (const char          *data,
                                              gsize                length,
                                              GError             **error);

G_END_DECLS
