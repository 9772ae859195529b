/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-extract.h"

G_BEGIN_DECLS

/* Extracts the article of an HTML or XHTML page: detects the encoding, parses,
 * finds the main content and the metadata. Returns: (transfer full) (nullable) the
 * document, or NULL with @error set (CF_EXTRACT_ERROR_EMPTY when nothing is text). */
CfExtractedDocument *_cf_html_extract               (const char  *data,
                                                     gsize        len,
                                                     const char  *media_type,
                                                     GError     **error);

/* The text of an HTML fragment (a feed item's content), all of it, as paragraphs.
 * Returns: (transfer full) never NULL; "" when there is no text. */
char                *_cf_html_fragment_to_text      (const char  *utf8,
                                                     gsize        len);

G_END_DECLS
