/* bench-carddav.c — the CardDAV transport's requests against a server, timed: the ETag
 * listing, the multiget of every card (in TrustNet's batches), a first sync-collection without
 * and with the cards' text (what a first sync asks), and one with nothing changed since, and
 * the book's CTag alone (what a sync asks first). Run by tests/bench/bench-carddav.py, which compares them
 * with one bare multiget of all cards.
 *
 *   bench-carddav BOOK-URL USER PASSWORD
 *
 * Prints "name milliseconds count" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "tn-carddav.h"

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "bench-carddav: %s: %s\n", what, error->message);
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TnCardDav) dav = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) fetched = NULL;
  g_autoptr(GPtrArray) hrefs = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GPtrArray) changed_again = NULL;
  g_autoptr(GPtrArray) with_data = NULL;
  g_autoptr(GPtrArray) removed_with_data = NULL;
  g_autofree char *token_with_data = NULL;
  g_autoptr(GPtrArray) removed_again = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_again = NULL;
  g_auto(TnCardDavBookTags) tags = { 0 };
  GError *error = NULL;
  gint64 start;

  if (argc != 4)
    {
      fprintf (stderr, "usage: bench-carddav BOOK-URL USER PASSWORD\n");
      return 2;
    }

  dav = tn_carddav_new (argv[1], argv[2], argv[3]);

  start = g_get_monotonic_time ();
  listed = tn_carddav_list_cards_sync (dav, argv[1], NULL, &error);
  if (listed == NULL)
    fail ("listing", error);
  printf ("list %.1f %u\n", elapsed_ms (start), listed->len);

  hrefs = g_ptr_array_new ();
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (hrefs, ((TnCardDavCard *) g_ptr_array_index (listed, i))->href);
  g_ptr_array_add (hrefs, NULL);

  start = g_get_monotonic_time ();
  fetched = tn_carddav_multiget_sync (dav, argv[1], (const char * const *) hrefs->pdata, NULL, &error);
  if (fetched == NULL)
    fail ("multiget", error);
  printf ("multiget %.1f %u\n", elapsed_ms (start), fetched->len);

  start = g_get_monotonic_time ();
  if (!tn_carddav_sync_collection_sync (dav, argv[1], NULL, &token, &changed, &removed, NULL, &error))
    fail ("first sync-collection", error);
  printf ("sync-collection-first %.1f %u\n", elapsed_ms (start), changed->len);

  start = g_get_monotonic_time ();
  if (!tn_carddav_sync_collection_with_data_sync (dav, argv[1], NULL, &token_with_data, &with_data, &removed_with_data,
                                                  NULL, &error))
    fail ("first sync-collection with the cards' text", error);
  printf ("sync-collection-first-with-data %.1f %u\n", elapsed_ms (start), with_data->len);

  start = g_get_monotonic_time ();
  if (!tn_carddav_sync_collection_sync (dav, argv[1], token, &token_again, &changed_again, &removed_again,
                                        NULL, &error))
    fail ("sync-collection with nothing changed", error);
  printf ("sync-collection-unchanged %.1f %u\n", elapsed_ms (start), changed_again->len);

  start = g_get_monotonic_time ();
  if (!tn_carddav_get_book_tags_sync (dav, argv[1], TN_CARDDAV_BOOK_CTAG, &tags, NULL, &error))
    fail ("the book's CTag", error);
  printf ("getctag %.1f %u\n", elapsed_ms (start), tags.ctag != NULL ? 1 : 0);

  start = g_get_monotonic_time ();
  tn_carddav_book_tags_clear (&tags);
  if (!tn_carddav_get_book_tags_sync (dav, argv[1], TN_CARDDAV_BOOK_MODIFIED, &tags, NULL, &error))
    fail ("the book's last-modified", error);
  printf ("getlastmodified %.1f %u\n", elapsed_ms (start), tags.modified != 0 ? 1 : 0);

  return 0;
}
