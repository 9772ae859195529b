/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_TAG (cf_tag_get_type ())
G_DECLARE_FINAL_TYPE (CfTag, cf_tag, CF, TAG, GObject)

/* A tag; tags nest (parent id 0 for a top-level tag) and have a colour. */
gint64      cf_tag_get_id          (CfTag *self);
gint64      cf_tag_get_parent_id   (CfTag *self);
const char *cf_tag_get_name        (CfTag *self);
/* "Attack / Drone" for a nested tag */
const char *cf_tag_get_path        (CfTag *self);
/* nesting depth, 0 for a top-level tag */
guint       cf_tag_get_depth       (CfTag *self);
/* "#rrggbb" */
const char *cf_tag_get_color       (CfTag *self);
guint       cf_tag_get_claim_count (CfTag *self);

G_END_DECLS
