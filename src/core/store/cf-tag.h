/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_TAG (cf_tag_get_type ())
G_DECLARE_FINAL_TYPE (CfTag, cf_tag, CF, TAG, GObject)

/* A tag; tags nest (parent id 0 for a top-level tag) and have a colour. Strings it
 * returns belong to the tag: valid until it next changes (then it notifies). */
gint64      cf_tag_get_id          (CfTag *self);
/**
 * cf_tag_get_parent_id:
 * Returns: the parent tag's id, 0 for a top-level tag
 */
gint64      cf_tag_get_parent_id   (CfTag *self);
/**
 * cf_tag_get_name:
 * Returns: (transfer none): the tag's own name
 */
const char *cf_tag_get_name        (CfTag *self);
/**
 * cf_tag_get_path:
 * Returns: (transfer none): the names from the top, e.g. "Attack / Drone"
 */
const char *cf_tag_get_path        (CfTag *self);
/**
 * cf_tag_get_depth:
 * Returns: the nesting depth, 0 for a top-level tag
 */
guint       cf_tag_get_depth       (CfTag *self);
/**
 * cf_tag_get_color:
 * Returns: (transfer none): "#rrggbb"
 */
const char *cf_tag_get_color       (CfTag *self);
guint       cf_tag_get_claim_count (CfTag *self);
/**
 * cf_tag_get_palette:
 * @n_colors: (out): how many colours
 *
 * Returns: (transfer none) (array length=n_colors): the "#rrggbb" colours new tags
 *   take in turn
 */
const char * const *cf_tag_get_palette (guint *n_colors);

G_END_DECLS
