/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CF_EXTRACT_ERROR (cf_extract_error_quark ())

typedef enum
{
  CF_EXTRACT_ERROR_TOO_LARGE,     /* input over the size bound */
  CF_EXTRACT_ERROR_BINARY,        /* NUL bytes / not text at all */
  CF_EXTRACT_ERROR_ENCODING,      /* undecodable text */
  CF_EXTRACT_ERROR_UNSUPPORTED,   /* a format we do not import */
  CF_EXTRACT_ERROR_PARSE,         /* markup that yields nothing usable */
  CF_EXTRACT_ERROR_EMPTY,         /* no text at all */
} CfExtractError;

/* The largest input any importer accepts, in bytes. */
#define CF_EXTRACT_MAX_INPUT (64 * 1024 * 1024)

/* Page N (from 1) of a paged document covers the text's characters [start, end);
 * what lies between two pages (a paragraph break) belongs to neither. */
typedef struct
{
  guint start;
  guint end;
} CfExtractedPage;

/* One document extracted from some bytes. A feed yields several. The document owns
 * every string in it (freed by cf_extracted_document_free()); all are UTF-8 and
 * (nullable) except @text and @media_type, which are never NULL. @text has its
 * paragraphs separated by one blank line. */
typedef struct
{
  char *title;
  char *byline;
  char *published;      /* ISO 8601 date or date-time */
  char *site_name;
  char *language;       /* BCP 47 tag, e.g. "en", "uk" */
  char *url;            /* canonical URL: http or https only */
  char *text;
  char *media_type;     /* of the input: "text/html", "text/plain", "application/rss+xml", ... */
  char *note;           /* for the user: e.g. "Converted from windows-1251", or NULL */
  char *captured;       /* ISO 8601 time the page was saved (MHTML, WARC), apart from published */
  char *filename;       /* an attachment's own file name, or NULL */
  int   parent_index;   /* an attachment: index of its message in the same array; -1 for none */
  GArray *pages;        /* (element-type CfExtractedPage) (nullable): a PDF's pages, in order */
} CfExtractedDocument;

GQuark               cf_extract_error_quark          (void);

/* @doc: (nullable) (transfer full) */
void                 cf_extracted_document_free      (CfExtractedDocument *doc);

/* Guess the media type from the bytes first, the file name second.
 * @filename: (nullable). Returns: (transfer none) a static string, never NULL. */
const char          *cf_extract_sniff_media_type     (GBytes      *bytes,
                                                      const char  *filename);

/* Extract the documents in @bytes (borrowed; @filename is (nullable) and only breaks
 * ties when sniffing). Returns: (transfer full) (element-type CfExtractedDocument)
 * (nullable) a GPtrArray that frees its elements, at least one element, or NULL with
 * @error set in CF_EXTRACT_ERROR. Deterministic: the same bytes always give the same
 * text. */
GPtrArray           *cf_extract_bytes                (GBytes      *bytes,
                                                      const char  *filename,
                                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfExtractedDocument, cf_extracted_document_free)

/**
 * cf_extract_read_file:
 * Reads at most %CF_EXTRACT_MAX_INPUT + 1 bytes of @file, so that a file larger than
 * the limit (or one that grows while it is read) is refused by cf_extract_bytes()
 * without being read whole.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with @error set
 */
GBytes              *cf_extract_read_file            (GFile        *file,
                                                      GCancellable *cancellable,
                                                      GError      **error);

G_END_DECLS
