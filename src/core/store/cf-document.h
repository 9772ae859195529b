/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_DOCUMENT (cf_document_get_type ())
G_DECLARE_FINAL_TYPE (CfDocument, cf_document, CF, DOCUMENT, GObject)

/* A source document of a case, without its text and original bytes (ask the case
 * for those). The case keeps one live object per row and updates it in place, so
 * binding to its properties follows every edit. Strings it returns belong to the
 * document: valid until it next changes (then it notifies). */
gint64      cf_document_get_id          (CfDocument *self);
/**
 * cf_document_get_title:
 * Returns: (transfer none): the title, "" when none
 */
const char *cf_document_get_title       (CfDocument *self);
/**
 * cf_document_get_byline:
 * Returns: (transfer none) (nullable): the author line, or %NULL
 */
const char *cf_document_get_byline      (CfDocument *self);
/**
 * cf_document_get_publisher:
 * Returns: (transfer none) (nullable): the publisher or site, or %NULL
 */
const char *cf_document_get_publisher   (CfDocument *self);
/**
 * cf_document_get_url:
 * Returns: (transfer none) (nullable): the source address, or %NULL
 */
const char *cf_document_get_url         (CfDocument *self);
/**
 * cf_document_get_published:
 * Returns: (transfer none) (nullable): ISO 8601, or %NULL
 */
const char *cf_document_get_published   (CfDocument *self);
/**
 * cf_document_get_captured:
 * Returns: (transfer none) (nullable): ISO 8601, when a saved page or archived
 *   response was captured (apart from when it was published), or %NULL
 */
const char *cf_document_get_captured    (CfDocument *self);
/**
 * cf_document_get_parent_id:
 * Returns: the id of the message this document was attached to, or 0
 */
gint64      cf_document_get_parent_id   (CfDocument *self);
/**
 * cf_document_get_imported:
 * Returns: (transfer none): ISO 8601 UTC
 */
const char *cf_document_get_imported    (CfDocument *self);
/**
 * cf_document_get_language:
 * Returns: (transfer none) (nullable): a language tag, or %NULL
 */
const char *cf_document_get_language    (CfDocument *self);
/**
 * cf_document_get_media_type:
 * Returns: (transfer none): e.g. "text/html"
 */
const char *cf_document_get_media_type  (CfDocument *self);
/**
 * cf_document_get_filename:
 * Returns: (transfer none) (nullable): base name of the imported file, or %NULL
 */
const char *cf_document_get_filename    (CfDocument *self);
/**
 * cf_document_get_note:
 * Returns: (transfer none) (nullable): the importer's note, or %NULL
 */
const char *cf_document_get_note        (CfDocument *self);
/**
 * cf_document_get_sha256:
 * Returns: (transfer none): hex SHA-256 of the original bytes
 */
const char *cf_document_get_sha256      (CfDocument *self);
/**
 * cf_document_get_length:
 * Returns: the length of the text in characters
 */
gint        cf_document_get_length      (CfDocument *self);
guint       cf_document_get_claim_count (CfDocument *self);

G_END_DECLS
