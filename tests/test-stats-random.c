/* test-stats-random.c — the dashboard's figures over random address books, each equal to
 * the plain computation: the contacts in memory, and the rating changes and interactions
 * the test wrote, counted one by one. The figures read partial indexes and the rating each
 * change replaced, kept by triggers (schema 11), and cut the overdue from index ranges;
 * these books write ratings out of time order, remove contacts and mix imported ones in,
 * so that every such shortcut meets the cases it must get right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-stats-random"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "tn-cadence.h"
#include "tn-stats.h"
#include "tn-store.h"
#include "tn-test-import.h"
#include "tn-test-store.h"
#include "tn-test-util.h"
#include "tn-trust-counts.h"

/* A Tuesday; the figures are also taken at later moments. */
#define NOW "2026-11-24T09:00:00"
#define N_CONTACTS 150
#define EMPLOYER "acme"

static const char * const organizations[] = { "Acme", "ACME ", "Acme Corp", "Globex", "Öl AG", "öl ag", "Initech", "" };

/* A rating change as the store wrote it; @seq, its id, orders two of one second. */
typedef struct
{
  gint64 contact_id;
  int trust;
  gint64 changed_at;
  guint seq;
} Change;

typedef struct
{
  gint64 contact_id;
  TnInteractionKind kind;
  char *day;
  gboolean one_on_one;
  gboolean gave_value;
} Meeting;

typedef struct
{
  TnTestStore test_store;
  GRand *rand;
  GArray *changes;       /* Change */
  GArray *meetings;      /* Meeting */
  GHashTable *removed;   /* ids of contacts removed, waiting for their Undo to run out */
  GHashTable *imported;  /* ids of contacts an import added */
} Book;

static void
meeting_clear (gpointer data)
{
  g_free (((Meeting *) data)->day);
}

/* A moment in the last two years before NOW, as TRUSTNET_NOW takes it. */
static char *
random_moment (GRand *rand)
{
  g_autoptr(GDateTime) now = tn_test_local_time (NOW);
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -g_rand_double_range (rand, 0, 730.0 * 24 * 3600));

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S");
}

static void
write_contact (Book *book)
{
  g_autofree char *added = random_moment (book->rand);
  g_autofree char *name = g_strdup_printf ("Person %u", g_rand_int (book->rand));
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;
  TnStore *store = book->test_store.store;
  guint n_ratings = g_rand_int_range (book->rand, 0, 4);
  guint n_meetings = g_rand_int_range (book->rand, 0, 4) == 0 ? 0 : g_rand_int_range (book->rand, 1, 6);

  tn_contact_set_organization (contact, organizations[g_rand_int_range (book->rand, 0, G_N_ELEMENTS (organizations))]);
  if (g_rand_int_range (book->rand, 0, 6) == 0)
    tn_contact_set_cadence_weeks (contact, g_rand_int_range (book->rand, 1, 9));
  g_setenv ("TRUSTNET_NOW", added, TRUE);
  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);

  /* Ratings at random moments, not in the order of time. */
  for (guint i = 0; i < n_ratings; i++)
    {
      g_autofree char *when = random_moment (book->rand);

      tn_test_rate_at (store, contact, g_rand_int_range (book->rand, 0, 4), when);
    }

  /* Met on days up to NOW, which the store takes only once it is NOW. */
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  for (guint i = 0; i < n_meetings; i++)
    {
      g_autoptr(GDateTime) now = tn_test_local_time (NOW);
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -g_rand_int_range (book->rand, 0, 200));
      Meeting meeting = {
        tn_contact_get_id (contact), g_rand_int_range (book->rand, 0, TN_INTERACTION_KIND_LAST + 1),
        g_date_time_format (then, "%Y-%m-%d"), g_rand_boolean (book->rand), g_rand_int_range (book->rand, 0, 4) == 0,
      };
      g_autoptr(TnInteraction) interaction = tn_interaction_new (meeting.kind, meeting.day);

      tn_interaction_set_one_on_one (interaction, meeting.one_on_one);
      tn_interaction_set_gave_value (interaction, meeting.gave_value);
      g_assert_true (tn_store_log_interaction (store, contact, interaction, &error));
      g_assert_no_error (error);
      g_array_append_val (book->meetings, meeting);
    }
}

/* Every third contact marked as an import's (the store adds none with a batch), and a few
 * removed. */
static void
import_and_remove (Book *book)
{
  TnTestStore *test_store = &book->test_store;
  GListModel *contacts;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_object (&test_store->store);
  g_free (tn_test_sqlite (test_store->path,
                          "INSERT INTO import_batches (id, file_name, imported_at) VALUES (1, 'book.vcf', 0);"
                          " UPDATE contacts SET batch_id = 1 WHERE id % 3 = 0;"));
  tn_test_store_reopen (test_store);

  contacts = tn_store_get_contacts (test_store->store);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      gint64 *id = g_new (gint64, 1);

      *id = tn_contact_get_id (contact);
      if (*id % 3 == 0)
        g_hash_table_add (book->imported, g_memdup2 (id, sizeof *id));
      if (g_rand_int_range (book->rand, 0, 15) == 0)
        {
          g_hash_table_add (book->removed, id);
          g_ptr_array_add (doomed, g_steal_pointer (&contact));
        }
      else
        g_free (id);
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (tn_store_remove_contact (test_store->store, g_ptr_array_index (doomed, i), &error));
      g_assert_no_error (error);
    }
}

/* The rating changes as the store wrote them (a rating that changes nothing writes none),
 * their ids ordering two of one second. */
static void
read_changes (Book *book)
{
  g_autofree char *rows = tn_test_sqlite (book->test_store.path,
                                          "SELECT contact_id, trust, changed_at, id FROM trust_changes");
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Change change;

      if (sscanf (lines[i], "%" G_GINT64_FORMAT "|%d|%" G_GINT64_FORMAT "|%u",
                  &change.contact_id, &change.trust, &change.changed_at, &change.seq) == 4)
        g_array_append_val (book->changes, change);
    }
  g_assert_cmpuint (book->changes->len, >, N_CONTACTS / 2);
}

static void
book_set_up (Book          *book,
             gconstpointer  seed)
{
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  tn_test_store_open (&book->test_store, "test-stats-random");
  book->rand = g_rand_new_with_seed (GPOINTER_TO_UINT (seed));
  book->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  book->meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  g_array_set_clear_func (book->meetings, meeting_clear);
  book->removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  book->imported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < N_CONTACTS; i++)
    write_contact (book);
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  import_and_remove (book);
  read_changes (book);
  tn_test_assert_query (book->test_store.path, PREVIOUS_RATINGS_WRONG, "0");
}

static void
book_tear_down (Book          *book,
                gconstpointer  seed)
{
  tn_test_store_close (&book->test_store);
  g_rand_free (book->rand);
  g_array_unref (book->changes);
  g_array_unref (book->meetings);
  g_hash_table_unref (book->removed);
  g_hash_table_unref (book->imported);
  g_unsetenv ("TRUSTNET_NOW");
}

static gboolean
is_removed (Book   *book,
            gint64  id)
{
  return g_hash_table_contains (book->removed, &id);
}

static TnStats *
compute (Book            *book,
         GDateTime       *when,
         const TnCadence *cadence)
{
  g_autoptr(GError) error = NULL;
  TnStats *stats = tn_stats_compute (book->test_store.store, when, 20, EMPLOYER, cadence, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

/* The contacts by rating, and the 1s by organization, counted over the list in memory. */
static void
check_ratings (Book          *book,
               const TnStats *stats)
{
  GListModel *contacts = tn_store_get_contacts (book->test_store.store);
  g_autoptr(GHashTable) by_organization = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  TnTrustCounts counts = { 0 };
  guint outside_employer = 0, listed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      const char *organization = tn_contact_get_organization (contact);
      g_autofree char *key = g_utf8_casefold (organization != NULL ? organization : "", -1);
      guint *n;

      tn_trust_counts_add (&counts, tn_contact_get_trust (contact), 1);
      if (tn_contact_get_trust (contact) != TN_TRUST_COMPLETELY)
        continue;

      outside_employer += !tn_stats_is_employer (organization, EMPLOYER);
      g_strstrip (key);
      if (*key == '\0')
        continue;
      n = g_hash_table_lookup (by_organization, key);
      if (n == NULL)
        g_hash_table_insert (by_organization, g_steal_pointer (&key), n = g_new0 (guint, 1));
      (*n)++;
    }

  g_assert_cmpuint (stats->n_contacts, ==, counts.n_contacts);
  g_assert_cmpmem (stats->by_trust, sizeof stats->by_trust, counts.by_trust, sizeof counts.by_trust);
  g_assert_cmpuint (stats->outside_employer, ==, outside_employer);
  g_assert_cmpuint (stats->organizations->len, ==, MIN (g_hash_table_size (by_organization), TN_STATS_TOP_ORGANIZATIONS));
  for (guint i = 0; i < stats->organizations->len; i++)
    {
      TnStatsOrganization *organization = g_ptr_array_index (stats->organizations, i);
      g_autofree char *key = g_utf8_casefold (organization->name, -1);

      g_assert_cmpuint (organization->n_trusted, ==, *(guint *) g_hash_table_lookup (by_organization, g_strstrip (key)));
      listed += organization->n_trusted;
    }
  g_assert_cmpuint (stats->other_organizations, ==, counts.by_trust[TN_TRUST_COMPLETELY] - listed);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const Change *x = a, *y = b;

  if (x->contact_id != y->contact_id)
    return x->contact_id < y->contact_id ? -1 : 1;
  if (x->changed_at != y->changed_at)
    return x->changed_at < y->changed_at ? -1 : 1;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The 1s and 2s at each month's end: today's, with every later change undone (its rating
 * taken off, the one before it in time put back), replayed from the changes as written. */
static void
check_history (Book          *book,
               const TnStats *stats,
               GDateTime     *when)
{
  g_autoptr(GArray) sorted = g_array_copy (book->changes);

  g_array_sort (sorted, compare_changes);
  for (guint m = 0; m < TN_STATS_HISTORY_MONTHS; m++)
    {
      const TnStatsMonth *point = &stats->history[m];
      gint64 end = G_MAXINT64;
      gint64 n_completely = stats->by_trust[TN_TRUST_COMPLETELY];
      gint64 n_moderately = stats->by_trust[TN_TRUST_MODERATELY];

      if (m < TN_STATS_HISTORY_MONTHS - 1)
        {
          g_autoptr(GDateTime) first = g_date_time_new_local (point->year, point->month, 1, 0, 0, 0);
          g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);

          end = g_date_time_to_unix (next);
        }
      for (guint i = 0; i < sorted->len; i++)
        {
          const Change *change = &g_array_index (sorted, Change, i);
          const Change *before = i > 0 ? &g_array_index (sorted, Change, i - 1) : NULL;
          int replaced = before != NULL && before->contact_id == change->contact_id ? before->trust : 0;

          if (change->changed_at < end || is_removed (book, change->contact_id))
            continue;
          n_completely += (replaced == TN_TRUST_COMPLETELY) - (change->trust == TN_TRUST_COMPLETELY);
          n_moderately += (replaced == TN_TRUST_MODERATELY) - (change->trust == TN_TRUST_MODERATELY);
        }
      g_assert_cmpint (point->n_completely, ==, n_completely);
      g_assert_cmpint (point->n_moderately, ==, n_moderately);
    }
}

/* The overdue listing's order, written out again: 1s, 2s, 3s, then the unrated; in each the
 * never met (added longest ago first), then the longest unseen. */
static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  TnContact *x = *(TnContact * const *) a, *y = *(TnContact * const *) b;
  int tier_x = tn_contact_get_trust (x) == 0 ? 4 : tn_contact_get_trust (x);
  int tier_y = tn_contact_get_trust (y) == 0 ? 4 : tn_contact_get_trust (y);
  const char *met_x = tn_contact_get_last_contact (x), *met_y = tn_contact_get_last_contact (y);

  if (tier_x != tier_y)
    return tier_x - tier_y;
  if ((met_x == NULL) != (met_y == NULL))
    return met_x == NULL ? -1 : 1;
  if (met_x != NULL && strcmp (met_x, met_y) != 0)
    return strcmp (met_x, met_y);
  if (tn_contact_get_created_unix (x) != tn_contact_get_created_unix (y))
    return tn_contact_get_created_unix (x) < tn_contact_get_created_unix (y) ? -1 : 1;
  return tn_contact_get_id (x) < tn_contact_get_id (y) ? -1 : 1;
}

/* The overdue, those who lost touch and the never contacted, by the cadence's own rule
 * (tn_cadence_is_overdue()) over every contact in memory, and the first overdue listed. */
static void
check_overdue (Book            *book,
               const TnStats   *stats,
               GDateTime       *when,
               const TnCadence *cadence)
{
  GListModel *contacts = tn_store_get_contacts (book->test_store.store);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  guint lost = 0, never = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = tn_contact_get_id (contact);
      gboolean rated = tn_contact_get_trust (contact) != TN_TRUST_UNRATED;
      int weeks = tn_cadence_weeks_for (cadence, contact);
      int days = tn_cadence_days_since_contact (contact, when);

      never += rated && g_hash_table_contains (book->imported, &id) && tn_contact_get_last_contact (contact) == NULL;
      if (!tn_cadence_is_overdue (cadence, contact, when))
        continue;
      lost += rated && tn_cadence_has_passed (weeks, days, 2);
      g_ptr_array_add (overdue, g_steal_pointer (&contact));
    }

  g_ptr_array_sort (overdue, compare_overdue);
  g_assert_cmpuint (stats->n_overdue, ==, overdue->len);
  g_assert_cmpuint (stats->lost_touch, ==, lost);
  g_assert_cmpuint (stats->never_contacted, ==, never);
  g_assert_cmpuint (stats->overdue->len, ==, MIN (overdue->len, TN_STATS_LISTED_OVERDUE));
  for (guint i = 0; i < stats->overdue->len; i++)
    {
      TnStatsOverdue *listed = &g_array_index (stats->overdue, TnStatsOverdue, i);
      TnContact *contact = g_ptr_array_index (overdue, i);

      g_assert_cmpint (listed->id, ==, tn_contact_get_id (contact));
      g_assert_cmpstr (listed->name, ==, tn_contact_get_full_name (contact));
      g_assert_cmpint (listed->never_met, ==, tn_contact_get_last_contact (contact) == NULL);
    }
}

/* Whole days from @day back from @today ("YYYY-MM-DD" both). */
static int
age_of (const char *day,
        GDate      *today)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_assert_true (g_date_valid (&date));
  return g_date_days_between (&date, today);
}

/* Lunches this week, the week streak and the habits, from the interactions written. */
static void
check_meetings (Book          *book,
                const TnStats *stats,
                GDateTime     *when)
{
  gboolean had_lunch[520] = { FALSE };
  guint per_week[TN_STATS_HABIT_WEEKS] = { 0 };
  guint lunches = 0, n = 0, one_on_one = 0, gave_value = 0, streak = 0;
  int weekday = g_date_time_get_day_of_week (when);
  int year, month, day;
  GDate today;

  g_date_time_get_ymd (when, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  for (guint i = 0; i < book->meetings->len; i++)
    {
      const Meeting *meeting = &g_array_index (book->meetings, Meeting, i);
      int age = age_of (meeting->day, &today);
      /* Weeks back from this ISO week (Monday to Sunday). */
      int week = (age + 7 - weekday) / 7;

      if (is_removed (book, meeting->contact_id) || age < 0)
        continue;
      if (meeting->kind == TN_INTERACTION_LUNCH || meeting->kind == TN_INTERACTION_COFFEE)
        {
          lunches += week == 0;
          if (week < (int) G_N_ELEMENTS (had_lunch))
            had_lunch[week] = TRUE;
        }
      if (age >= 7 * TN_STATS_HABIT_WEEKS)
        continue;
      per_week[TN_STATS_HABIT_WEEKS - 1 - age / 7]++;
      if (age >= TN_STATS_HABIT_DAYS)
        continue;
      n++;
      one_on_one += meeting->one_on_one;
      gave_value += meeting->gave_value;
    }
  for (guint week = had_lunch[0] ? 0 : 1; week < G_N_ELEMENTS (had_lunch) && had_lunch[week]; week++)
    streak++;

  g_assert_cmpuint (stats->lunches_this_week, ==, lunches);
  g_assert_cmpuint (stats->week_streak, ==, streak);
  g_assert_cmpmem (stats->per_week, sizeof stats->per_week, per_week, sizeof per_week);
  g_assert_cmpuint (stats->interactions_90d, ==, n);
  g_assert_cmpuint (stats->one_on_one_90d, ==, one_on_one);
  g_assert_cmpuint (stats->gave_value_90d, ==, gave_value);
}

/* Every figure at several moments and with several cadences, against the plain counts. */
static void
test_random_book (Book          *book,
                  gconstpointer  seed)
{
  const TnCadence cadences[] = { { { 4, 12, 26 } }, { { 1, 2, 3 } }, { { 0, 8, 0 } } };
  const char *moments[] = { NOW, "2026-11-30T23:30:00", "2027-01-03T12:00:00", "2027-03-29T01:30:00" };

  for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
    {
      g_autoptr(GDateTime) when = tn_test_local_time (moments[m]);

      for (guint c = 0; c < G_N_ELEMENTS (cadences); c++)
        {
          g_autoptr(TnStats) stats = compute (book, when, &cadences[c]);

          check_ratings (book, stats);
          check_history (book, stats, when);
          check_overdue (book, stats, when, &cadences[c]);
          check_meetings (book, stats, when);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the local time zone: one with daylight saving, as test-stats. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint seed = 1; seed <= 4; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/stats/random-book/%u", seed);

      g_test_add (path, Book, GUINT_TO_POINTER (seed), book_set_up, test_random_book, book_tear_down);
    }

  return g_test_run ();
}
