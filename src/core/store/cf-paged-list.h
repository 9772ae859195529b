/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-case.h"

G_BEGIN_DECLS

#define CF_TYPE_PAGED_LIST (cf_paged_list_get_type ())
G_DECLARE_FINAL_TYPE (CfPagedList, cf_paged_list, CF, PAGED_LIST, GObject)

/* A GListModel of claims or documents for the panes of a big case: the count comes
 * from SQL, rows are read a page at a time by position when first asked for, and no
 * list of every id is kept while the order has an index (claims in reading order or
 * by creation, with or without a source; documents). Other sorts and filters read
 * the ids the query selects, once, as CfRecordList does. Edits, undo and redo are
 * followed (items-changed). */
GListModel   *cf_paged_list_new_claims          (CfCase       *kase);
/* Every document, by id. */
GListModel   *cf_paged_list_new_documents       (CfCase       *kase);
/* The documents at the top of the sources tree: those attached to nothing, and
 * attachments whose message is not in the case or whose line of messages never ends
 * (a damaged file). */
GListModel   *cf_paged_list_new_top_documents   (CfCase       *kase);
/* The documents attached to @parent_id. */
GListModel   *cf_paged_list_new_attachments     (CfCase       *kase,
                                                 gint64        parent_id);
/* Whether @document_id has attachments (asked once per row shown). */
gboolean      cf_paged_list_has_attachments     (CfPagedList  *top,
                                                 gint64        document_id);

/* Claim lists only; 0 means "any". Each setter emits one items-changed. */
void          cf_paged_list_set_document        (CfPagedList  *self,
                                                 gint64        document_id);
void          cf_paged_list_set_tag             (CfPagedList  *self,
                                                 gint64        tag_id);
void          cf_paged_list_set_hypothesis      (CfPagedList  *self,
                                                 gint64        hypothesis_id);
void          cf_paged_list_set_event_range     (CfPagedList  *self,
                                                 gint64        earliest,
                                                 gint64        latest);
void          cf_paged_list_set_text_filter     (CfPagedList  *self,
                                                 const char   *text);
void          cf_paged_list_set_sort            (CfPagedList  *self,
                                                 CfClaimSort   sort,
                                                 gboolean      descending);
/**
 * cf_paged_list_find:
 * Returns: the position of the record with @id, or %G_MAXUINT
 */
guint         cf_paged_list_find                (CfPagedList  *self,
                                                 gint64        id);
/* Whether the list reads pages by position (no list of ids is held). */
gboolean      cf_paged_list_is_paged            (CfPagedList  *self);
const GError *cf_paged_list_get_error           (CfPagedList  *self);

G_END_DECLS
