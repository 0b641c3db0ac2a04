/* bench-vcard.c — how long tn_vcard_parse_file() takes on a file, to hold against
 * bench-parse (EVCard alone) on the same file: issue 3 wants at most 1.3 times as long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-vcard FILE.vcf
 * Prints one line: milliseconds (read + parse), cards, emails, problems, peak RSS.
 */
#define G_LOG_DOMAIN "bench-vcard"

#include "config.h"

#include <sys/resource.h>

#include <gio/gio.h>

#include "tn-vcard.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 started, finished;
  guint n_emails = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FILE.vcf\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);

  started = g_get_monotonic_time ();
  if (!tn_vcard_parse_file (file, &cards, &problems, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  finished = g_get_monotonic_time ();

  for (guint i = 0; i < cards->len; i++)
    {
      TnVcardCard *card = g_ptr_array_index (cards, i);

      n_emails += g_strv_length (card->emails);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("bench-vcard: %.0f ms, %u cards, %u emails, %u problems, peak RSS %ld MiB\n",
           (finished - started) / 1000.0, cards->len, n_emails, problems->len,
           usage.ru_maxrss / 1024);

  return 0;
}
