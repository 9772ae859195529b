/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_RECORD_LIST (cf_record_list_get_type ())
G_DECLARE_FINAL_TYPE (CfRecordList, cf_record_list, CF, RECORD_LIST, GObject)

/* The GListModel behind cf_case_list_*(). For claim lists the filters below narrow
 * the rows; each setter requeries and emits one items-changed. 0 means "any". */
CfRecordKind cf_record_list_get_kind          (CfRecordList *self);
void         cf_record_list_set_document      (CfRecordList *self,
                                               gint64        document_id);
void         cf_record_list_set_tag           (CfRecordList *self,
                                               gint64        tag_id);
void         cf_record_list_set_hypothesis    (CfRecordList *self,
                                               gint64        hypothesis_id);
void         cf_record_list_set_actor         (CfRecordList *self,
                                               gint64        actor_id);
/* Only claims whose event time overlaps [@earliest, @latest) (UTC seconds, in the
 * case's zone); @latest <= @earliest removes the filter. */
void         cf_record_list_set_event_range   (CfRecordList *self,
                                               gint64        earliest,
                                               gint64        latest);
/**
 * cf_record_list_set_text_filter:
 * @text: (nullable): a case-insensitive substring of quote, paraphrase or actor
 *   name; %NULL or "" for none
 */
void         cf_record_list_set_text_filter   (CfRecordList *self,
                                               const char   *text);
void         cf_record_list_set_sort          (CfRecordList *self,
                                               CfClaimSort   sort,
                                               gboolean      descending);
/**
 * cf_record_list_find:
 * Returns: the position of the record with @id, or %G_MAXUINT
 */
guint        cf_record_list_find              (CfRecordList *self,
                                               gint64        id);
/**
 * cf_record_list_get_error:
 * Returns: (transfer none) (nullable): the first error met while reading the case for
 *   this list (a damaged page, an I/O error), or %NULL. Rows that could not be read
 *   are %NULL items, so a caller that must not show a partial list checks this.
 */
const GError *cf_record_list_get_error        (CfRecordList *self);

G_END_DECLS
