/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-formats.h"

G_BEGIN_DECLS

/* A new array that frees its CfExtractedDocuments. */
GPtrArray  *_cf_read_documents_new     (void);

/* Moves @children (the documents read from one attachment) to the end of @docs:
 * their own parent links are shifted to their new places, and those with none
 * become attachments of @docs[@parent_index]. FALSE with @error set when @docs would
 * hold more than @limits->max_documents. */
gboolean    _cf_read_append_children   (GPtrArray           *docs,
                                        GPtrArray           *children,
                                        int                  parent_index,
                                        const CfReadLimits  *limits,
                                        GError             **error);

/* cf_read_bytes() for an attachment @depth levels down (mail inside mail). */
GPtrArray  *_cf_read_bytes_at_depth    (GBytes              *bytes,
                                        const CfReadLimits  *limits,
                                        guint                depth,
                                        GError             **error);
GPtrArray  *_cf_read_eml_at_depth      (GBytes              *bytes,
                                        const CfReadLimits  *limits,
                                        guint                depth,
                                        GError             **error);

/* An unfolded header block at the start of @data (RFC 5322: "Name: value" lines up
 * to an empty line), names in lower case, first value of each. NULL if @data does
 * not open with one within 64 KiB. */
GHashTable *_cf_read_header_block      (const char          *data,
                                        gsize                len,
                                        gsize               *body_offset);

/* The HTML page in @data (any charset) through the article extractor. @charset
 * (nullable) is what the container declared, which outranks the page's own. */
CfExtractedDocument *_cf_read_html_page (const char         *data,
                                         gsize               len,
                                         const char         *charset,
                                         GError            **error);

/* One zip archive entry read whole, within the limits. */
typedef struct _CfZip CfZip;

/* Lists the entries of the zip in @bytes (borrowed: keep it alive), checking the
 * entry count. NULL with @error set if it is not a zip we can read. */
CfZip      *_cf_zip_open               (GBytes              *bytes,
                                        const CfReadLimits  *limits,
                                        GError             **error);
void        _cf_zip_free               (CfZip               *zip);
gboolean    _cf_zip_has                (CfZip               *zip,
                                        const char          *name);
/* Returns: (transfer none) the entry names, in the archive's order. */
GPtrArray  *_cf_zip_names              (CfZip               *zip);
/* Reads entry @name whole, counting what it really unpacks against the size and
 * ratio limits over the whole archive. NULL with @error set (NOT_FOUND absent). */
GBytes     *_cf_zip_read               (CfZip               *zip,
                                        const char          *name,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfZip, _cf_zip_free)

G_END_DECLS
