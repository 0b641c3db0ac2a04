/* bench-stats.c — how long a dashboard refresh takes over 100,000 contacts and 1,000,000
 * interactions: the floor (two plain counts), every figure on the store's connection, the
 * window's way (figures and the week's suggestion in a worker, to its callback), what the
 * suggestion costs alone in the worker and over the contacts in memory (the reminder's
 * way); with the indexes the figures read (schemas 5 and 11) and without them. Medians
 * and worst cases, wall and CPU. Prints figures; asserts nothing. The window's own part
 * (the cards) is printed by the app itself with G_MESSAGES_DEBUG=tn-dashboard-page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-stats [CONTACTS [INTERACTIONS [RUNS]]]   (no display needed;
 *        BENCH_STATS_KEEP=1 keeps the database and prints where it is;
 *        BENCH_STATS_DB=PATH writes the database there once and measures it again later)
 *
 * The database is generated in a temporary folder, deterministically: contacts added over
 * the last three years (nine in ten by import), rated like populate.py's (3% of them 1s),
 * a rating change for every rated contact and a re-rating for one in five, and
 * interactions over the last two years, most with rated people.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "tn-clock.h"
#include "tn-db.h"
#include "tn-stats.h"
#include "tn-store-reader-private.h"
#include "tn-suggestion.h"
#include "tn-store.h"

#define DAY (24 * 60 * 60)

static const char * const organizations[] = {
  "Acme Corp", "Globex", "Initech", "Umbrella, Inc.", "Stark Industries", "Wayne Enterprises",
  "Hooli", "Vandelay Industries", "Cyberdyne Systems", "Tyrell Corp", "Massive Dynamic", NULL,
};
static const char * const kinds[] = { "lunch", "coffee", "call", "email", "message", "meeting", "event" };

/* The indexes the figures read (schema 5's, and schema 11's in place of contacts_removed_trust),
 * dropped to measure without them. */
static const char * const figure_indexes[] = {
  "contacts_removed", "contacts_trusted", "contacts_timed", "interactions_kind_day", "trust_changes_changed",
  "trust_changes_contact_trust",
};

/* A bench has nobody to tell: any failure of the database ends it, with the store's message. */
static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error->message);
}

static sqlite3_stmt *
prepare (TnDb       *db,
         const char *sql)
{
  GError *error = NULL;
  sqlite3_stmt *statement = tn_db_prepare (db, sql, &error);

  check (statement != NULL, error);
  return statement;
}

static void
step (TnDb         *db,
      sqlite3_stmt *statement)
{
  GError *error = NULL;

  check (tn_db_step_done (db, statement, &error), error);
}

static void
exec (TnDb       *db,
      const char *sql)
{
  GError *error = NULL;

  check (tn_db_exec (db, sql, &error), error);
}

static TnDb *
open_db (const char *path)
{
  GError *error = NULL;
  TnDb *db = tn_db_open (path, &error);

  check (db != NULL, error);
  return db;
}

static void
generate (const char *path,
          guint       n_contacts,
          guint       n_interactions,
          gint64      now)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree int *trusts = g_new (int, n_contacts + 1);
  g_autofree gint64 *added = g_new (gint64, n_contacts + 1);
  g_autoptr(GArray) rated = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *contact, *change, *interaction;
  TnDb *db = open_db (path);

  exec (db, "BEGIN; INSERT INTO import_batches (id, file_name, imported_at) VALUES (1, 'bench.vcf', 0)");
  contact = prepare (db, "INSERT INTO contacts (id, uid, full_name, organization, trust, created_at, updated_at, batch_id)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)");
  change = prepare (db, "INSERT INTO trust_changes (contact_id, trust, changed_at) VALUES (?1, ?2, ?3)");
  interaction = prepare (db, "INSERT INTO interactions (contact_id, kind, happened_on, one_on_one, gave_value)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)");

  for (guint id = 1; id <= n_contacts; id++)
    {
      g_autofree char *uid = g_strdup_printf ("bench-%u", id);
      g_autofree char *name = g_strdup_printf ("Person %u", id);
      int roll = g_rand_int_range (rand, 0, 100);
      int trust = roll < 70 ? 0 : roll < 73 ? 1 : roll < 85 ? 2 : 3;
      gint64 created = now - g_rand_int_range (rand, 1, 3 * 365) * (gint64) DAY;

      trusts[id] = trust;
      added[id] = created;
      sqlite3_bind_int64 (contact, 1, id);
      tn_db_bind_text (contact, 2, uid);
      tn_db_bind_text (contact, 3, name);
      tn_db_bind_static (contact, 4, organizations[g_rand_int_range (rand, 0, G_N_ELEMENTS (organizations))]);
      sqlite3_bind_int (contact, 5, trust);
      sqlite3_bind_int64 (contact, 6, created);
      if (g_rand_int_range (rand, 0, 10) > 0)
        sqlite3_bind_int (contact, 7, 1);
      else
        sqlite3_bind_null (contact, 7);
      step (db, contact);

      if (trust == 0)
        continue;

      g_array_append_val (rated, id);
      /* One in five was rated something else first, and re-rated later. */
      sqlite3_bind_int64 (change, 1, id);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          sqlite3_bind_int (change, 2, trust == 1 ? 2 : 1 + trust % 3);
          sqlite3_bind_int64 (change, 3, created);
          step (db, change);
          created += g_rand_int_range (rand, 1, (now - created) / DAY + 1) * (gint64) DAY;
        }
      sqlite3_bind_int (change, 2, trust);
      sqlite3_bind_int64 (change, 3, MIN (created, now));
      step (db, change);
    }

  for (guint i = 0; i < n_interactions; i++)
    {
      /* Four in five with someone rated. */
      guint id = g_rand_int_range (rand, 0, 5) > 0 && rated->len > 0
                   ? g_array_index (rated, guint, g_rand_int_range (rand, 0, rated->len))
                   : (guint) g_rand_int_range (rand, 1, n_contacts + 1);
      gint64 when = now - g_rand_int_range (rand, 0, 2 * 365) * (gint64) DAY;
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (MAX (when, added[id]));
      g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

      sqlite3_bind_int64 (interaction, 1, id);
      tn_db_bind_static (interaction, 2, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      tn_db_bind_text (interaction, 3, text);
      sqlite3_bind_int (interaction, 4, g_rand_int_range (rand, 0, 5) > 0);
      sqlite3_bind_int (interaction, 5, g_rand_int_range (rand, 0, 10) == 0);
      step (db, interaction);
    }

  sqlite3_finalize (contact);
  sqlite3_finalize (change);
  sqlite3_finalize (interaction);
  exec (db, "COMMIT; ANALYZE");
  tn_db_close (db);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* This thread's CPU time in ms: on a busy machine, wall time says more about the others. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* Wall and CPU times of the runs of one figure, sorted when printed. */
typedef struct
{
  guint runs;
  double *ms;
  double *cpu;
} Times;

static void
times_init (Times *times,
            guint  runs)
{
  times->runs = 0;
  times->ms = g_new (double, runs);
  times->cpu = g_new (double, runs);
}

static void
times_add (Times  *times,
           gint64  start,
           double  cpu_start)
{
  times->ms[times->runs] = (g_get_monotonic_time () - start) / 1000.0;
  times->cpu[times->runs] = cpu_ms () - cpu_start;
  times->runs++;
}

static double
times_median (Times *times)
{
  qsort (times->ms, times->runs, sizeof (double), compare_doubles);
  return times->ms[times->runs / 2];
}

/* One line: median and worst, wall and this thread's CPU, and the ratio to @floor. */
static void
times_print (Times      *times,
             const char *label,
             double      floor)
{
  double median = times_median (times);

  qsort (times->cpu, times->runs, sizeof (double), compare_doubles);
  g_print ("  %-44s median %6.1f ms, worst %6.1f ms (CPU %6.1f / %6.1f)", label, median,
           times->ms[times->runs - 1], times->cpu[times->runs / 2], times->cpu[times->runs - 1]);
  if (floor > 0)
    g_print ("  %5.1fx the floor", median / floor);
  g_print ("\n");
  g_free (times->ms);
  g_free (times->cpu);
}

/* The floor: what any dashboard must ask at least, the contacts by rating and the
 * interactions of the last 90 days, two plain counts on what the store keeps for them
 * (an index of the rated contacts by rating, the per-day sums of interaction_days). Only
 * the rated are grouped: schema 11 keeps no index of every contact by rating, so grouping
 * the unrated too would read the table, a floor no dashboard needs (the unrated are all
 * contacts less the rated, a count SQLite takes from the pages). Schema 10's floor grouped
 * every contact through its index of them all. */
static void
count_plainly (TnDb      *db,
               GDateTime *now)
{
  g_autoptr(GDateTime) first = g_date_time_add_days (now, -90);
  g_autofree char *day = g_date_time_format (first, "%Y-%m-%d");
  sqlite3_stmt *by_trust = prepare (db, "SELECT trust, count(*) FROM contacts WHERE removed_at IS NULL AND trust > 0 GROUP BY trust");
  sqlite3_stmt *recent = prepare (db, "SELECT sum (n) FROM interaction_days WHERE day >= ?1");

  while (sqlite3_step (by_trust) == SQLITE_ROW)
    ;
  tn_db_bind_text (recent, 1, day);
  while (sqlite3_step (recent) == SQLITE_ROW)
    ;
  sqlite3_finalize (by_trust);
  sqlite3_finalize (recent);
}

typedef struct
{
  TnStats *stats;
  GError *error;
  gboolean done;
} Async;

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Async *async = user_data;

  async->stats = tn_stats_compute_finish (TN_STORE (source), result, &async->error);
  async->done = TRUE;
}

/* The dashboard's refresh as the window makes it: the figures in a worker on a connection
 * of its own (its wall time, to the callback), then on the main thread the week's
 * suggestion and the brand card over the contacts in memory. */
static void
measure (const char *path,
         const char *label,
         guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, &error);
  g_autoptr(GDateTime) now = tn_clock_now ();
  const TnCadence cadence = { { 4, 12, 26 } };
  guint n_overdue = 0, trusted = 0;
  Times floor_times, sync_times, async_times;
  TnDb *db = open_db (path);
  double floor;

  if (store == NULL)
    g_error ("%s", error->message);

  times_init (&floor_times, runs);
  times_init (&sync_times, runs);
  times_init (&async_times, runs);
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(TnStats) stats = NULL;
      Async async = { 0 };
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      count_plainly (db, now);
      times_add (&floor_times, start, cpu_start);

      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      stats = tn_stats_compute (store, now, 20, "Acme Corp", &cadence, &error);
      times_add (&sync_times, start, cpu_start);
      if (stats == NULL)
        g_error ("%s", error->message);
      n_overdue = stats->n_overdue;
      trusted = tn_stats_get_trusted (stats);

      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      tn_stats_compute_async (store, now, 20, "Acme Corp", &cadence, NULL, on_computed_cb, &async);
      while (!async.done)
        g_main_context_iteration (NULL, TRUE);
      times_add (&async_times, start, cpu_start);
      if (async.stats == NULL)
        g_error ("%s", async.error->message);
      g_assert (async.stats->n_overdue == n_overdue);
      tn_stats_free (async.stats);
    }
  tn_db_close (db);

  floor = times_median (&floor_times);
  g_print ("%s (%u runs; %u 1s, %u overdue):\n", label, runs, trusted, n_overdue);
  times_print (&floor_times, "floor: two plain counts", 0);
  times_print (&sync_times, "all figures, store's connection", floor);
  times_print (&async_times, "figures + suggestion, worker (to callback)", floor);
}

/* The week's suggestion over the contacts in memory, as `trustnet --remind` finds it, and the
 * brand card's two small reads, which stay on the window's thread. */
static void
measure_main_thread (const char *path,
                     guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = NULL;
  g_autoptr(GDateTime) now = tn_clock_now ();
  const TnCadence cadence = { { 4, 12, 26 } };
  Times suggestion_times, brand_times;
  gint64 load = g_get_monotonic_time ();

  store = tn_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("over %u contacts in memory (loaded in %.1f s):\n",
           g_list_model_get_n_items (tn_store_get_contacts (store)), (g_get_monotonic_time () - load) / 1e6);

  times_init (&suggestion_times, runs);
  times_init (&brand_times, runs);
  for (guint run = 0; run < runs; run++)
    {
      g_auto(TnSuggestion) suggestion = { 0 };
      g_autoptr(GArray) checks = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      guint heard, trusted;

      if (!tn_suggestion_compute (&suggestion, store, &cadence, now, 0, &error))
        g_error ("%s", error->message);
      times_add (&suggestion_times, start, cpu_start);

      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      if (!tn_store_count_brand_reach (store, &heard, &trusted, &error))
        g_error ("%s", error->message);
      checks = tn_store_list_linchpin_checks (store, NULL);
      times_add (&brand_times, start, cpu_start);
      if (run == 0)
        g_print ("  (suggested: %s)\n", suggestion.name != NULL ? suggestion.name : "no one");
    }
  times_print (&suggestion_times, "the week's suggestion (the reminder's way)", 0);
  times_print (&brand_times, "the brand card's reads (window's thread)", 0);
}

/* The refresh's suggestion alone, in a read transaction of a worker's connection as
 * tn_stats_compute_async() makes it: from the candidates that can come first (as the
 * refresh reads them) and, for comparison, from every contact with its name (as before). */
static void
measure_refresh_suggestion (const char *path,
                            guint       runs)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  const TnCadence cadence = { { 4, 12, 26 } };
  Times first_times, everyone_times;
  TnDb *db = open_db (path);
  guint n_first = 0;

  times_init (&first_times, runs);
  times_init (&everyone_times, runs);
  for (guint run = 0; run < runs; run++)
    {
      g_auto(TnSuggestion) first = { 0 };
      g_auto(TnSuggestion) everyone = { 0 };
      g_autoptr(GStringChunk) names = g_string_chunk_new (4096);
      g_autoptr(GArray) candidates = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      GError *error = NULL;
      gint64 start;
      double cpu_start;

      exec (db, "BEGIN");
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      candidates = _tn_store_read_first_reminder_candidates (db, &cadence, &error);
      check (candidates != NULL, error);
      changes = _tn_store_list_job_changes_on (db, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, &error);
      check (changes != NULL, error);
      check (tn_suggestion_choose_named (&first, candidates, changes, now, 0, _tn_store_read_contact_name, db, &error), error);
      times_add (&first_times, start, cpu_start);
      n_first = candidates->len;
      g_clear_pointer (&candidates, g_array_unref);
      g_clear_pointer (&changes, g_ptr_array_unref);

      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      candidates = _tn_store_read_reminder_candidates (db, &cadence, names, &error);
      check (candidates != NULL, error);
      changes = _tn_store_list_job_changes_on (db, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, &error);
      check (changes != NULL, error);
      tn_suggestion_choose (&everyone, candidates, changes, now, 0);
      times_add (&everyone_times, start, cpu_start);
      exec (db, "COMMIT");

      if (first.contact_id != everyone.contact_id || first.reason != everyone.reason)
        g_error ("the refresh's suggestion (%" G_GINT64_FORMAT ") is not the rule's over everyone (%" G_GINT64_FORMAT ")",
                 first.contact_id, everyone.contact_id);
    }
  tn_db_close (db);

  g_print ("the refresh's suggestion, worker's connection (%u of the candidates read):\n", n_first);
  times_print (&first_times, "from the candidates that can come first", 0);
  times_print (&everyone_times, "from every contact, with names (before)", 0);
}

/* A database made by an earlier run, named by BENCH_STATS_DB, is used again: writing it
 * takes minutes. */
static gboolean
reuse_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  store = tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("database: %s, made by an earlier run\n", path);
  return TRUE;
}

static void
drop_figure_indexes (const char *path)
{
  TnDb *db = open_db (path);

  for (guint i = 0; i < G_N_ELEMENTS (figure_indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX IF EXISTS %s", figure_indexes[i]);

      exec (db, sql);
    }
  tn_db_close (db);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int   argc,
      char *argv[])
{
  /* As the app does first thing (src/main.c): one look-up of the local zone, not one per date. */
  tn_clock_pin_local_zone ();
  guint n_contacts = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint n_interactions = argc > 2 ? (guint) atoi (argv[2]) : 1000000;
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 9;
  const char *kept = g_getenv ("BENCH_STATS_DB");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = tn_clock_now ();
  gint64 start;

  if (kept != NULL)
    path = g_strdup (kept);
  else
    {
      dir = g_dir_make_tmp ("bench-stats-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (dir, "bench.db", NULL);
    }

  if (kept == NULL || !reuse_database (path))
    {
      /* The schema comes from the store itself. */
      g_object_unref (tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, &error));
      if (error != NULL)
        g_error ("%s", error->message);

      start = g_get_monotonic_time ();
      generate (path, n_contacts, n_interactions, g_date_time_to_unix (now));
      g_print ("database: %u contacts, %u interactions, written in %.1f s\n",
               n_contacts, n_interactions, (g_get_monotonic_time () - start) / 1e6);
    }

  measure (path, "with the indexes", runs);
  measure_refresh_suggestion (path, runs);
  measure_main_thread (path, runs);

  /* A kept database keeps its indexes, for the next run. */
  if (kept != NULL)
    return 0;

  drop_figure_indexes (path);
  measure (path, "without the figures' indexes", runs);

  /* BENCH_STATS_KEEP=1 keeps the database, to look at a query plan. */
  if (g_getenv ("BENCH_STATS_KEEP") != NULL)
    {
      g_print ("kept: %s\n", path);
      return 0;
    }

  remove_database (path);
  g_rmdir (dir);
  return 0;
}
