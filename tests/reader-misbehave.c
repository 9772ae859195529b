/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stands in for casefile-reader in tests/test-reader-process.c: the first word of
 * its input says how to misbehave (spin, crash, sleep, allocate without end, write a
 * file, answer nonsense), so that each limit of the helper process can be shown to
 * stop it and to come back to the importer as an error. CASEFILE_MISBEHAVE, when
 * set, says it instead (the input is then a real PDF). Asked to render a page
 * (--render PAGE WIDTH HEIGHT), it can also answer with pixels that lie: a larger
 * image than asked, garbage, a stride that does not fit, too few rows, or an
 * endless stream. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>

#define RENDER_MAGIC "CFPIXL1"

static void
put_u32 (uint32_t value)
{
  fwrite (&value, sizeof value, 1, stdout);
}

static void
put_header (uint32_t width,
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
put_pixels (size_t n)
{
  static const char row[4096];

  while (n > 0)
    {
      size_t k = n < sizeof row ? n : sizeof row;

      fwrite (row, 1, k, stdout);
      n -= k;
    }
}

/* The ways to lie about a rendered page; 0 if @word is none of them. */
static int
misrender (const char *word,
           int         argc,
           char       *argv[])
{
  uint32_t width, height;

  if (argc != 5 || strcmp (argv[1], "--render") != 0)
    return 0;
  width = (uint32_t) strtoul (argv[3], NULL, 10);
  height = (uint32_t) strtoul (argv[4], NULL, 10);
  if (strncmp (word, "oversize", 8) == 0)
    {
      put_header (width * 2, height * 2, width * 8);
      put_pixels ((size_t) width * 8 * height * 2);
      return 1;
    }
  if (strncmp (word, "garbage", 7) == 0)
    {
      for (size_t i = 0; i < 32 + (size_t) width * 4 * height; i++)
        putchar ((int) ((i * 2654435761u) >> 13) & 0xff);
      return 1;
    }
  if (strncmp (word, "lying-stride", 12) == 0)
    {
      put_header (width, height, 4);
      put_pixels ((size_t) width * 4 * height);
      return 1;
    }
  if (strncmp (word, "short", 5) == 0)
    {
      put_header (width, height, width * 4);
      put_pixels ((size_t) width * 4 * (height / 2));
      return 1;
    }
  if (strncmp (word, "flood", 5) == 0)
    {
      put_header (width, height, width * 4);
      for (;;)
        if (fwrite ("floodfloodflood", 1, 16, stdout) != 16)
          return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  char word[32] = { 0 };
  volatile unsigned long spin = 0;
  const char *env = getenv ("CASEFILE_MISBEHAVE");

  if (env != NULL)
    {
      char sink[4096];

      strncpy (word, env, sizeof word - 1);
      /* take the whole input, as the real helper would */
      while (fread (sink, 1, sizeof sink, stdin) > 0)
        ;
    }
  else if (fgets (word, sizeof word, stdin) == NULL)
    return 3;
  if (misrender (word, argc, argv))
    return 0;
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
      fputs ("{\"documents\": [{\"text\": \"wrote\", \"media_type\": \"text/plain\"}]}", stdout);
      return 0;
    }
  if (strncmp (word, "nonsense", 8) == 0)
    {
      fputs ("{\"documents\": [{\"text\": \"x\", \"media_type\": \"text/plain\", \"parent_index\": 7}]}",
             stdout);
      return 0;
    }
  return 4;
}
