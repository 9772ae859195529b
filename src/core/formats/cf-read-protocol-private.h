/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the window (or the CLI) and the casefile-reader helper talk: requests on the
 * helper's stdin and answers on its stdout, one after another, each a fixed header
 * and then as many bytes as the header says. One helper serves a batch of files
 * (cf-read-helper.c says when it is replaced, and why that is safe). Both ends are
 * on one machine, so numbers go in host byte order. The helper is believed about
 * nothing: every answer's length is checked against what was asked before a byte
 * of it is read, and its contents by the wire readers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_READ_REQUEST_MAGIC "CFQ1"
#define CF_READ_ANSWER_MAGIC "CFA1"
#define CF_READ_MAGIC_SIZE 4

typedef enum
{
  CF_READ_REQUEST_READ = 1,   /* the documents in the payload, as JSON (cf-read-wire.c) */
  CF_READ_REQUEST_LAYOUT = 2, /* the PDF's layout (cf_pdf_layout_to_wire) */
  CF_READ_REQUEST_RENDER = 3, /* one page's pixels (cf_pdf_render_to_wire) */
} CfReadRequestKind;

/* The request has no payload: it is about the PDF of the helper's last layout or
 * render request with one, which the helper keeps. */
#define CF_READ_REQUEST_SAME_DOCUMENT 1u

typedef struct
{
  char    magic[CF_READ_MAGIC_SIZE];
  guint32 kind;
  guint32 flags;
  guint32 page;      /* render: the page (from 0) */
  guint32 width;     /* render: pixels */
  guint32 height;
  guint64 length;    /* payload bytes that follow: the file */
} CfReadRequest;

typedef enum
{
  CF_READ_ANSWER_OK = 0,      /* the payload is the answer */
  CF_READ_ANSWER_FAILED = 1,  /* the payload is why not, in words (UTF-8) */
} CfReadAnswerStatus;

typedef struct
{
  char    magic[CF_READ_MAGIC_SIZE];
  guint32 status;
  guint64 length;    /* payload bytes that follow */
} CfReadAnswer;

/* The longest reason for a failure that is believed. */
#define CF_READ_MAX_FAILURE_MESSAGE 4096

G_STATIC_ASSERT (sizeof (CfReadRequest) == 32);
G_STATIC_ASSERT (sizeof (CfReadAnswer) == 16);

G_END_DECLS
