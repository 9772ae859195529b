/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-extract.h"

G_BEGIN_DECLS

/* Parses XML safely (no network, no external entities, no DTD loading) and
 * extracts: an RSS or Atom feed as one document per item, any other XML as its text
 * content.
 * Returns: (transfer full) (nullable) as cf_extract_bytes(). */
GPtrArray           *_cf_xml_extract                (const char  *data,
                                                     gsize        len,
                                                     GError     **error);

G_END_DECLS
