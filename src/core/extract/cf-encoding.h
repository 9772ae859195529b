/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes @len bytes of text to UTF-8, whatever the importer.
 *
 * Order of trust: a byte-order mark, then valid UTF-8 (which legacy text almost never
 * is, so it wins even over a declaration that says otherwise), then UTF-8 with a few
 * damaged bytes (replaced by U+FFFD, and the note says how many), then @declared (the
 * charset named by markup, may be NULL), then a guess among windows-1252,
 * windows-1251 and KOI8-R. Line endings become "\n". When the text was converted
 * from something else than UTF-8 or ASCII, *@note (if not NULL) gets a sentence for
 * the user. Errors: CF_EXTRACT_ERROR_BINARY for NUL bytes or control-character junk,
 * CF_EXTRACT_ERROR_ENCODING for undecodable bytes.
 * Returns: (transfer full) (nullable); *@note gets (transfer full) (nullable). */
char       *_cf_decode_text                (const char  *data,
                                            gsize        len,
                                            const char  *declared,
                                            char       **note,
                                            GError     **error);

/* Decodes markup (HTML or XML) as _cf_decode_text() does, with the charset it
 * declares in its first bytes as the declared one. *@utf8_len gets the length,
 * which fits the int that libxml2 takes (CF_EXTRACT_ERROR_TOO_LARGE otherwise).
 * Returns: (transfer full) (nullable); *@note gets (transfer full) (nullable). */
char       *_cf_decode_markup              (const char  *data,
                                            gsize        len,
                                            gsize       *utf8_len,
                                            char       **note,
                                            GError     **error);

/* Finds the charset a document declares in its first bytes: the XML declaration's
 * encoding="", <meta charset> or <meta http-equiv="Content-Type" content="...charset=">.
 * Returns: (transfer full) (nullable) a lower-case name, or NULL. */
char       *_cf_prescan_charset            (const char  *data,
                                            gsize        len);

/* Plain text as an extracted document: trailing spaces trimmed on every line, runs
 * of blank lines collapsed to one, no leading or trailing blank lines.
 * Returns: (transfer full) never NULL. */
char       *_cf_normalise_plain_text       (const char  *utf8);

/* Length of a byte-order mark at @data, 0 if none; *@charset gets its encoding
 * (transfer none: a static name), or NULL. */
gsize       _cf_detect_bom                 (const char  *data,
                                            gsize        len,
                                            const char **charset);

G_END_DECLS
