/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-record-list.h"

G_BEGIN_DECLS

/* What a list shows; the case turns it into SQL. */
typedef struct
{
  CfRecordKind  kind;
  gint64        document_id;
  gint64        tag_id;
  gint64        hypothesis_id;
  gint64        actor_id;
  char         *text;
  gint64        event_from;  /* claims whose event time overlaps [event_from, event_to)
                              (UTC seconds); none when event_to <= event_from */
  gint64        event_to;
  CfClaimSort   sort;
  gboolean      descending;
  CfNoteTarget  note_target;
  gint64        note_target_id;
} CfListQuery;

CfRecordList *_cf_record_list_new           (CfCase        *kase,
                                             CfRecordKind   kind);
CfListQuery  *_cf_record_list_get_query     (CfRecordList  *self);
void          _cf_record_list_requery       (CfRecordList  *self);
void          _cf_record_list_defer         (CfRecordList  *self);
/* Called by the case after every commit, undo or redo with the kinds touched. */
void          _cf_record_list_case_changed  (CfRecordList  *self,
                                             guint          kinds_mask);

void          _cf_case_add_list             (CfCase        *self,
                                             CfRecordList  *list);
void          _cf_case_remove_list          (CfCase        *self,
                                             CfRecordList  *list);
/* The ids a query selects, in order. */
GArray       *_cf_case_query_ids            (CfCase            *self,
                                             const CfListQuery *query,
                                             GError           **error);
/* Live objects for @ids (loading those not yet alive in one query), appended to
 * @out in the order of @ids, each with a reference. */
gboolean      _cf_case_load_records         (CfCase        *self,
                                             CfRecordKind   kind,
                                             const gint64  *ids,
                                             guint          n_ids,
                                             GPtrArray     *out,
                                             GError       **error);

G_END_DECLS
