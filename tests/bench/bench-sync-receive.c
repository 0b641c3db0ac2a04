/* bench-sync-receive.c — this machine's share of a first sync, without a server: the cards
 * of a folder (one .vcf each, as Radicale keeps them) received into an empty database
 * through the sync engine's own path (read, merge with nothing, write in transactions),
 * timed in CPU milliseconds. bench-sync.sh runs it on the book it serves.
 *
 *   bench-sync-receive FOLDER [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "tn-carddav-private.h"
#include "tn-clock.h"
#include "tn-sync-private.h"

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static GPtrArray *
read_cards (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);
  const char *name;

  if (dir == NULL)
    g_error ("bench-sync-receive: cannot read %s", folder);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *href = NULL;
      char *data = NULL;

      if (!g_str_has_suffix (name, ".vcf"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (!g_file_get_contents (path, &data, NULL, NULL))
        g_error ("bench-sync-receive: cannot read %s", path);
      href = g_strconcat ("http://127.0.0.1/bench/book/", name, NULL);
      g_ptr_array_add (cards, _tn_carddav_card_new (href, "\"etag\"", data));
      g_free (data);
    }

  return cards;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cards = NULL;
  double best = G_MAXDOUBLE;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 3;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-sync-receive FOLDER [RUNS]\n");
      return 2;
    }

  tn_clock_pin_local_zone ();
  cards = read_cards (argv[1]);

  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *dir = g_dir_make_tmp ("bench-sync-receive-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "trustnet.db", NULL);
      g_autoptr(TnStore) store = tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, NULL);
      g_autoptr(GHashTable) local_changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GError) error = NULL;
      TnSyncReport report = { 0 };
      TnSyncRun run = { .store = store, .report = &report, .local_changed = local_changed };
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      double start;

      if (store == NULL)
        g_error ("bench-sync-receive: cannot make a database in %s", dir);
      start = cpu_ms ();
      if (!_tn_sync_receive_cards (&run, cards, &error))
        g_error ("bench-sync-receive: %s", error->message);
      best = MIN (best, cpu_ms () - start);
      tn_sync_report_clear (&report);
      g_clear_object (&store);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  /* The least CPU time of the runs: what the work costs, without the other processes'
   * share of the caches on a busy machine. */
  printf ("receive %u cards into an empty database: %.0f ms of CPU (least of %u)\n", cards->len, best, runs);
  return 0;
}
