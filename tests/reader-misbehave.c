/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stands in for casefile-reader in tests/test-reader-process.c: the first word of
 * its input says how to misbehave (spin, crash, sleep, allocate without end, write a
 * file, answer nonsense), so that each limit of the helper process can be shown to
 * stop it and to come back to the importer as an error. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main (void)
{
  char word[32] = { 0 };
  volatile unsigned long spin = 0;

  if (fgets (word, sizeof word, stdin) == NULL)
    return 3;
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
