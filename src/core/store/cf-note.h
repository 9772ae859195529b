/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cf-store-enums.h"

G_BEGIN_DECLS

typedef enum
{
  CF_NOTE_TARGET_CASE,
  CF_NOTE_TARGET_DOCUMENT,
  CF_NOTE_TARGET_CLAIM,
} CfNoteTarget;

#define CF_TYPE_NOTE (cf_note_get_type ())
G_DECLARE_FINAL_TYPE (CfNote, cf_note, CF, NOTE, GObject)

/* An analyst note on the case, a document or a claim. Strings it returns belong to
 * the note: valid until it next changes (then it notifies). */
gint64        cf_note_get_id        (CfNote *self);
CfNoteTarget  cf_note_get_target    (CfNote *self);
/**
 * cf_note_get_target_id:
 * Returns: the document or claim id; 0 for a case note
 */
gint64        cf_note_get_target_id (CfNote *self);
/**
 * cf_note_get_body:
 * Returns: (transfer none): the note's text
 */
const char   *cf_note_get_body      (CfNote *self);
/**
 * cf_note_get_created:
 * Returns: (transfer none): ISO 8601 UTC
 */
const char   *cf_note_get_created   (CfNote *self);
/**
 * cf_note_get_modified:
 * Returns: (transfer none): ISO 8601 UTC
 */
const char   *cf_note_get_modified  (CfNote *self);

/**
 * cf_note_target_to_code:
 * Returns: (transfer none): "case", "document" or "claim" (static)
 */
const char   *cf_note_target_to_code   (CfNoteTarget target);
/**
 * cf_note_target_from_code:
 * @code: (nullable): a code as cf_note_target_to_code() gives it
 * @out: (out): the target
 *
 * Returns: whether @code names a target
 */
gboolean      cf_note_target_from_code (const char   *code,
                                        CfNoteTarget *out);

G_END_DECLS
