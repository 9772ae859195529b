/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_DOCUMENT (cf_document_get_type ())
G_DECLARE_FINAL_TYPE (CfDocument, cf_document, CF, DOCUMENT, GObject)

/* A source document of a case, without its text and original bytes (ask the case
 * for those). The case keeps one live object per row and updates it in place, so
 * binding to its properties follows every edit. */
gint64      cf_document_get_id          (CfDocument *self);
const char *cf_document_get_title       (CfDocument *self);
const char *cf_document_get_byline      (CfDocument *self);
const char *cf_document_get_publisher   (CfDocument *self);
const char *cf_document_get_url         (CfDocument *self);
const char *cf_document_get_published   (CfDocument *self);
const char *cf_document_get_imported    (CfDocument *self);
const char *cf_document_get_language    (CfDocument *self);
const char *cf_document_get_media_type  (CfDocument *self);
const char *cf_document_get_filename    (CfDocument *self);
const char *cf_document_get_note        (CfDocument *self);
const char *cf_document_get_sha256      (CfDocument *self);
/* length of the text in characters */
gint        cf_document_get_length      (CfDocument *self);
guint       cf_document_get_claim_count (CfDocument *self);

G_END_DECLS
