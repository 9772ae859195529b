/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_ACTOR (cf_actor_get_type ())
G_DECLARE_FINAL_TYPE (CfActor, cf_actor, CF, ACTOR, GObject)

/* Who asserts claims: "US officials", "ISW", a named person. */
gint64      cf_actor_get_id          (CfActor *self);
const char *cf_actor_get_name        (CfActor *self);
const char *cf_actor_get_description (CfActor *self);
guint       cf_actor_get_claim_count (CfActor *self);

G_END_DECLS
