/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stands in for casefile-reader in tests/test-reader-process.c and test-read-pdf.c:
 * it takes requests as the real helper does (src/core/formats/
 * cf-read-protocol-private.h, spelled out again here: this is the other side), and
 * the first word of each request's file says how to misbehave (spin, crash, sleep,
 * allocate without end, write a file, answer nonsense, refuse), so that each limit
 * of the helper process can be shown to stop it and to come back to the importer as
 * an error. "pid" answers a document whose text is the helper's process id, so a
 * test can tell whether one helper served several files. CASEFILE_MISBEHAVE, when
 * set, says the word instead (the files are then real PDFs). Asked to render a page,
 * it can also answer with pixels that lie: a larger image than asked, garbage, a
 * stride that does not fit, too few rows, or an endless stream; "crash-page-N"
 * renders blank pages but crashes on page N (from 1). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REQUEST_MAGIC "CFQ1"
#define ANSWER_MAGIC "CFA1"
#define RENDER_MAGIC "CFPIXL1"
#define KIND_READ 1
#define KIND_RENDER 3
#define SAME_DOCUMENT 1u

typedef struct
{
  char     magic[4];
  uint32_t kind;
  uint32_t flags;
  uint32_t page;
  uint32_t width;
  uint32_t height;
  uint64_t length;
} Request;

static void
put_u32 (uint32_t value)
{
  fwrite (&value, sizeof value, 1, stdout);
}

static void
put_answer (uint32_t status,
            uint64_t length)
{
  fwrite (ANSWER_MAGIC, 4, 1, stdout);
  put_u32 (status);
  fwrite (&length, sizeof length, 1, stdout);
}

static void
put_json (const char *json)
{
  put_answer (0, strlen (json));
  fputs (json, stdout);
  fflush (stdout);
}

static void
put_image_header (uint32_t width,
                  uint32_t height,
                  uint32_t stride)
{
  fwrite (RENDER_MAGIC, 8, 1, stdout);
  put_u32 (width);
  put_u32 (height);
  put_u32 (stride);
  put_u32 (0);
}

static void
put_bytes (size_t n,
           int    value)
{
  char row[4096];

  memset (row, value, sizeof row);
  while (n > 0)
    {
      size_t k = n < sizeof row ? n : sizeof row;

      fwrite (row, 1, k, stdout);
      n -= k;
    }
}

#define IMAGE_HEADER 24

/* The ways to answer a render request; 0 if @word is none of them. */
static int
render (const char    *word,
        const Request *request)
{
  uint32_t width = request->width, height = request->height;
  size_t pixels = (size_t) width * 4 * height;

  if (request->kind != KIND_RENDER)
    return 0;
  if (strncmp (word, "oversize", 8) == 0)
    {
      put_answer (0, IMAGE_HEADER + pixels * 4);
      put_image_header (width * 2, height * 2, width * 8);
      put_bytes (pixels * 4, 0);
    }
  else if (strncmp (word, "garbage", 7) == 0)
    {
      for (size_t i = 0; i < 32 + pixels; i++)
        putchar ((int) ((i * 2654435761u) >> 13) & 0xff);
    }
  else if (strncmp (word, "lying-stride", 12) == 0)
    {
      put_answer (0, IMAGE_HEADER + pixels);
      put_image_header (width, height, 4);
      put_bytes (pixels, 0);
    }
  else if (strncmp (word, "short", 5) == 0)
    {
      put_answer (0, IMAGE_HEADER + pixels);
      put_image_header (width, height, width * 4);
      put_bytes (pixels / 2, 0);
      fflush (stdout);
      exit (0);
    }
  else if (strncmp (word, "flood", 5) == 0)
    {
      put_answer (0, (uint64_t) 1 << 40);
      put_image_header (width, height, width * 4);
      for (;;)
        if (fwrite ("floodfloodflood", 1, 16, stdout) != 16)
          exit (1);
    }
  else if (strncmp (word, "crash-page-", 11) == 0 && request->page + 1 != (uint32_t) atoi (word + 11))
    {
      put_answer (0, IMAGE_HEADER + pixels);
      put_image_header (width, height, width * 4);
      put_bytes (pixels, 0xff);
    }
  else if (strncmp (word, "crash-page-", 11) == 0)
    raise (SIGSEGV);
  else
    return 0;
  fflush (stdout);
  return 1;
}

/* Answers one request as @word says; 0 to stop. */
static int
misbehave (const char    *word,
           const Request *request)
{
  volatile unsigned long spin = 0;
  char json[256];

  if (render (word, request))
    return 1;
  if (strncmp (word, "pid", 3) == 0)
    {
      snprintf (json, sizeof json,
                "{\"documents\": [{\"text\": \"helper %ld\", \"media_type\": \"text/plain\"}]}",
                (long) getpid ());
      put_json (json);
      return 1;
    }
  if (strncmp (word, "refuse", 6) == 0)
    {
      put_json ("{\"error\": {\"code\": 1, \"message\": \"refused\"}}");
      return 1;
    }
  if (strncmp (word, "spin", 4) == 0)
    for (;;)
      spin++;
  if (strncmp (word, "crash", 5) == 0)
    raise (SIGSEGV);
  if (strncmp (word, "sleep", 5) == 0)
    sleep (3600);
  if (strncmp (word, "allocate", 8) == 0)
    for (;;)
      {
        char *block = malloc (16 * 1024 * 1024);

        if (block == NULL)
          abort ();
        memset (block, 1, 16 * 1024 * 1024);
      }
  if (strncmp (word, "write", 5) == 0)
    {
      FILE *f = fopen ("reader-wrote-this", "w");

      if (f != NULL)
        {
          fputs ("a file the reader may not write", f);
          fclose (f);
        }
      put_json ("{\"documents\": [{\"text\": \"wrote\", \"media_type\": \"text/plain\"}]}");
      return 1;
    }
  if (strncmp (word, "nonsense", 8) == 0)
    {
      put_json ("{\"documents\": [{\"text\": \"x\", \"media_type\": \"text/plain\", \"parent_index\": 7}]}");
      return 1;
    }
  return 0;
}

int
main (void)
{
  const char *env = getenv ("CASEFILE_MISBEHAVE");
  Request request;

  while (fread (&request, sizeof request, 1, stdin) == 1)
    {
      char word[32] = { 0 };
      uint64_t left = request.length;

      if (memcmp (request.magic, REQUEST_MAGIC, 4) != 0)
        return 3;
      /* the word, then the rest of the file, taken whole as the real helper would */
      if (env == NULL && left > 0)
        {
          if (fgets (word, (int) (left < sizeof word ? left + 1 : sizeof word), stdin) == NULL)
            return 3;
          left -= strlen (word);
        }
      while (left > 0)
        {
          char sink[4096];
          size_t n = fread (sink, 1, left < sizeof sink ? left : sizeof sink, stdin);

          if (n == 0)
            return 3;
          left -= n;
        }
      if (env != NULL)
        snprintf (word, sizeof word, "%s", env);
      if (!misbehave (word, &request))
        return 4;
    }
  return 0;
}
