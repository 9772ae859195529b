/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "cf-extract.h"

G_BEGIN_DECLS

/* Most elements any one parsed document may have before we stop walking it. */
#define CF_EXTRACT_MAX_NODES (4 * 1000 * 1000)

/* Most bytes of internal-entity text a generic XML document may contribute. */
#define CF_EXTRACT_MAX_ENTITY_TEXT (1024 * 1024)

/* Returns: (transfer full) an empty document of @media_type (copied). */
CfExtractedDocument *_cf_extracted_document_new     (const char  *media_type);

/* Installs the libxml2 settings every importer relies on (once per process). */
void                 _cf_extract_init_libxml        (void);

/* An ISO 8601 form of a date written in ISO 8601, RFC 822/1123 or a few common
 * variants. @s: (nullable). Returns: (transfer full) (nullable) NULL if @s is no
 * date we understand. */
char                *_cf_normalise_date             (const char  *s);

/* @url (whose leading white space is dropped) if it is an http or https URL, the
 * only kind a source may link to; otherwise frees it and returns NULL, so that a
 * page or feed cannot give a document a javascript:, data: or file: link.
 * @url: (nullable) (transfer full). Returns: (transfer full) (nullable). */
char                *_cf_web_url_or_null            (char        *url);

/* Collapses runs of white space (including no-break space) to one space and trims.
 * @s: (nullable). Returns: (transfer full) (nullable) NULL only for NULL. */
char                *_cf_collapse_whitespace        (const char  *s);

G_END_DECLS
