/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_ACTOR (cf_actor_get_type ())
G_DECLARE_FINAL_TYPE (CfActor, cf_actor, CF, ACTOR, GObject)

/* Who asserts claims: "US officials", "ISW", a named person. Strings it returns
 * belong to the actor: valid until it next changes (then it notifies). */
gint64      cf_actor_get_id          (CfActor *self);
/**
 * cf_actor_get_name:
 * Returns: (transfer none): the actor's name
 */
const char *cf_actor_get_name        (CfActor *self);
/**
 * cf_actor_get_description:
 * Returns: (transfer none): the description, "" when none
 */
const char *cf_actor_get_description (CfActor *self);
guint       cf_actor_get_claim_count (CfActor *self);

G_END_DECLS
