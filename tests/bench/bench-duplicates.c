/* bench-duplicates.c — how long counting the possible duplicates takes over a large
 * database (populate.py's 100,000 contacts share 870 names), on the window's thread and in
 * the worker, and the longest the main loop waited while the worker counted. Prints
 * figures; asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-duplicates DATABASE [RUNS]   (populate.py TRUSTNET DATABASE 100000 makes one)
 */
#include "config.h"

#include "tn-clock.h"

#include <stdlib.h>

#include "tn-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  guint count;
  gboolean done;
  gint64 last_tick;
  double longest_wait_ms;
} Counting;

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Counting *counting = user_data;
  g_autoptr(GError) error = NULL;

  if (!tn_store_count_possible_duplicates_finish (TN_STORE (source), result, &counting->count, &error))
    g_error ("%s", error->message);
  counting->done = TRUE;
}

/* A frame clock's stand-in: how late each millisecond tick of the main loop comes. */
static gboolean
tick_cb (gpointer user_data)
{
  Counting *counting = user_data;
  gint64 now = g_get_monotonic_time ();

  counting->longest_wait_ms = MAX (counting->longest_wait_ms, (now - counting->last_tick) / 1000.0);
  counting->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
print_times (const char *label,
             double     *ms,
             guint       runs)
{
  qsort (ms, runs, sizeof (double), compare_doubles);
  g_print ("  %-40s median %7.1f ms, worst %7.1f ms\n", label, ms[runs / 2], ms[runs - 1]);
}

int
main (int   argc,
      char *argv[])
{
  /* As the app does first thing (src/main.c): one look-up of the local zone, not one per date. */
  tn_clock_pin_local_zone ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autofree double *sync_ms = NULL;
  g_autofree double *async_ms = NULL;
  g_autofree double *waits = NULL;
  g_autofree double *idle_waits = NULL;
  guint count = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-duplicates DATABASE [RUNS]\n");
      return 1;
    }

  store = tn_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  sync_ms = g_new (double, runs);
  async_ms = g_new (double, runs);
  waits = g_new (double, runs);
  idle_waits = g_new (double, runs);
  for (guint run = 0; run < runs; run++)
    {
      Counting counting = { 0 };
      gint64 start = g_get_monotonic_time ();
      guint tick;

      count = tn_store_count_possible_duplicates (store);
      sync_ms[run] = (g_get_monotonic_time () - start) / 1000.0;

      counting.last_tick = start = g_get_monotonic_time ();
      tick = g_timeout_add (1, tick_cb, &counting);
      tn_store_count_possible_duplicates_async (store, NULL, on_counted_cb, &counting);
      while (!counting.done)
        g_main_context_iteration (NULL, TRUE);
      async_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_source_remove (tick);
      waits[run] = counting.longest_wait_ms;

      /* The floor of that wait: the same main loop as long, with no worker, on this
       * (shared, busy) machine. */
      {
        Counting idle = { .last_tick = g_get_monotonic_time () };
        gint64 until = idle.last_tick + (gint64) (async_ms[run] * 1000);

        tick = g_timeout_add (1, tick_cb, &idle);
        while (g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (tick);
        idle_waits[run] = idle.longest_wait_ms;
      }
      if (counting.count != count)
        g_error ("the worker counted %u pairs, the window's thread %u", counting.count, count);
    }

  g_print ("%u contacts, %u possible duplicate pairs, %u runs:\n",
           g_list_model_get_n_items (tn_store_get_contacts (store)), count, runs);
  print_times ("on the window's thread", sync_ms, runs);
  print_times ("in the worker, to its callback", async_ms, runs);
  print_times ("longest main-loop wait meanwhile", waits, runs);
  print_times ("longest main-loop wait, no worker (floor)", idle_waits, runs);
  return 0;
}
