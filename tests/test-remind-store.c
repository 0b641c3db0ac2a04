/* test-remind-store.c — the weekly reminder's state in the database: what was sent and
 * snoozed, claiming a week once, lunches of this week, and the candidates to suggest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-remind-store"

#include "config.h"

#include <gio/gio.h>

#include "tn-reminder.h"
#include "tn-store.h"
#include "tn-store-reader-private.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/* Contacts are added at this moment; every reminder call gets its own explicit time. */
#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  tn_test_store_open (fixture, "test-remind-store");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_store_close (fixture);
  g_unsetenv ("TRUSTNET_NOW");
}

static gboolean
lunch_this_week (TnStore   *store,
                 GDateTime *now)
{
  TnReminderState state = { 0 };
  g_autoptr(GError) error = NULL;

  tn_store_get_reminder_state (store, &state, now, &error);
  g_assert_no_error (error);
  return state.lunch_this_week;
}

static void
test_state_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  TnReminderState state = { 0 };
  gboolean claimed = FALSE;

  /* A new database: never sent, never snoozed. */
  tn_store_get_reminder_state (fixture->store, &state, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state.sent_year, ==, 0);
  g_assert_cmpint (state.sent_week, ==, 0);
  g_assert_cmpint (state.snoozed_until, ==, 0);
  g_assert_false (state.lunch_this_week);

  tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_true (claimed);

  /* It survives a reopen. */
  tn_test_store_reopen (fixture);
  tn_store_get_reminder_state (fixture->store, &state, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state.sent_year, ==, 2026);
  g_assert_cmpint (state.sent_week, ==, 48);
  g_assert_cmpint (state.snoozed_until, ==, 0);

  /* Taking a claim back restores what was there before. */
  state.sent_year = 2026;
  state.sent_week = 47;
  state.snoozed_until = 0;
  tn_store_unclaim_reminder (fixture->store, &state, &error);
  g_assert_no_error (error);
  tn_store_get_reminder_state (fixture->store, &state, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state.sent_week, ==, 47);
}

static void
test_claim_twice (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TnStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gboolean claimed = FALSE;

  tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_true (claimed);

  /* The same week again, from this store and from a second one (another process). */
  tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_false (claimed);

  other = tn_test_store_open_path (fixture->path);
  tn_store_claim_reminder (other, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_false (claimed);

  /* The next week is new; the same week number of another year too. */
  tn_store_claim_reminder (other, 2026, 49, &claimed, &error);
  g_assert_no_error (error);
  g_assert_true (claimed);
  tn_store_claim_reminder (fixture->store, 2027, 49, &claimed, &error);
  g_assert_no_error (error);
  g_assert_true (claimed);
}

static void
test_lunch_this_week (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(GDateTime) monday_start = g_date_time_new_local (2026, 11, 23, 0, 0, 1);
  g_autoptr(GDateTime) sunday_end = g_date_time_new_local (2026, 11, 29, 23, 59, 59);
  g_autoptr(GDateTime) next_monday = g_date_time_new_local (2026, 11, 30, 0, 0, 1);
  g_autoptr(GDateTime) year_end = g_date_time_new_local (2027, 1, 3, 12, 0, 0);
  g_autoptr(GDateTime) new_year = g_date_time_new_local (2027, 1, 4, 12, 0, 0);

  /* The checks below take their time as an argument; the store refuses to log a day
   * after today, so today is after all of them. */
  g_setenv ("TRUSTNET_NOW", "2027-01-10T12:00:00", TRUE);

  /* The Sunday before the week: not this week. A call this week is not a lunch. */
  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-11-22");
  tn_test_log (fixture->store, ada, TN_INTERACTION_CALL, "2026-11-24");
  g_assert_false (lunch_this_week (fixture->store, monday_start));
  g_assert_false (lunch_this_week (fixture->store, sunday_end));

  /* A coffee on the Sunday, the week's last day, counts from Monday 00:00 to Sunday 23:59. */
  tn_test_log (fixture->store, ada, TN_INTERACTION_COFFEE, "2026-11-29");
  g_assert_true (lunch_this_week (fixture->store, monday_start));
  g_assert_true (lunch_this_week (fixture->store, sunday_end));
  g_assert_false (lunch_this_week (fixture->store, next_monday));

  /* ISO week 2026-W53 runs from 2026-12-28 to 2027-01-03, across the year end. */
  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-12-28");
  g_assert_true (lunch_this_week (fixture->store, year_end));
  g_assert_false (lunch_this_week (fixture->store, new_year));
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GError) error = NULL;
  TnReminderState state = { 0 };
  gboolean claimed = FALSE;

  tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_true (claimed);

  tn_store_snooze_reminder (fixture->store, g_date_time_to_unix (tomorrow), &error);
  g_assert_no_error (error);
  tn_store_get_reminder_state (fixture->store, &state, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state.snoozed_until, ==, g_date_time_to_unix (tomorrow));
  g_assert_cmpint (state.sent_week, ==, 48);

  /* The snooze run out in the same week: the reminder is due once more, and claiming
   * it clears the snooze, so a second process still cannot send it again. */
  tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_true (claimed);
  tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error);
  g_assert_no_error (error);
  g_assert_false (claimed);
  tn_store_get_reminder_state (fixture->store, &state, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state.snoozed_until, ==, 0);

  /* 0 clears it. */
  tn_store_snooze_reminder (fixture->store, g_date_time_to_unix (tomorrow), &error);
  g_assert_no_error (error);
  tn_store_snooze_reminder (fixture->store, 0, &error);
  g_assert_no_error (error);
  tn_store_get_reminder_state (fixture->store, &state, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state.snoozed_until, ==, 0);
}

/* The reminder's state written again as it is (a snooze to the same time, a claim put back
 * to what it was) is no write: no change in the feed, which wakes other windows. */
static void
test_unchanged_writes_nothing (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *last_change = NULL;
  g_autofree char *last_change_again = NULL;
  TnReminderState state = { 0 };
  gboolean claimed = FALSE;

  g_assert_true (tn_store_claim_reminder (fixture->store, 2026, 48, &claimed, &error));
  g_assert_true (tn_store_snooze_reminder (fixture->store, 1796600000, &error));
  g_assert_true (tn_store_get_reminder_state (fixture->store, &state, now, &error));
  g_assert_no_error (error);
  last_change = tn_test_sqlite (fixture->path, "SELECT max (seq) FROM changes");

  g_assert_true (tn_store_snooze_reminder (fixture->store, 1796600000, &error));
  g_assert_true (tn_store_unclaim_reminder (fixture->store, &state, &error));
  g_assert_no_error (error);
  last_change_again = tn_test_sqlite (fixture->path, "SELECT max (seq) FROM changes");
  g_assert_cmpstr (last_change_again, ==, last_change);

  g_assert_true (tn_store_snooze_reminder (fixture->store, 1796700000, &error));
  g_assert_no_error (error);
  g_clear_pointer (&last_change_again, g_free);
  last_change_again = tn_test_sqlite (fixture->path, "SELECT max (seq) FROM changes");
  g_assert_cmpint (g_ascii_strtoll (last_change_again, NULL, 10), >, g_ascii_strtoll (last_change, NULL, 10));
}

static const TnReminderCandidate *
find_candidate (GArray     *candidates,
                const char *name)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const TnReminderCandidate *candidate = &g_array_index (candidates, TnReminderCandidate, i);

      if (g_strcmp0 (candidate->name, name) == 0)
        return candidate;
    }

  g_assert_not_reached ();
}

static void
test_candidates (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const TnCadence cadence = { { 4, 12, 26 } };
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) grace = tn_test_add_contact (fixture->store, "Grace Hopper", TN_TRUST_MODERATELY);
  g_autoptr(TnContact) alan = tn_test_add_contact (fixture->store, "Alan Turing", TN_TRUST_VAGUELY);
  g_autoptr(TnContact) unrated = tn_test_add_contact (fixture->store, "Someone New", TN_TRUST_UNRATED);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (2026, 9, 21, 0, 0, 0);
  g_autoptr(GDateTime) added = g_date_time_new_from_iso8601 (NOW, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  const TnReminderCandidate *candidate;
  TnReminderReason reason;

  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-09-21");

  candidates = tn_store_list_reminder_candidates (fixture->store, &cadence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 4);

  candidate = find_candidate (candidates, "Ada Lovelace");
  g_assert_cmpint (candidate->id, ==, tn_contact_get_id (ada));
  g_assert_cmpint (candidate->trust, ==, 1);
  g_assert_cmpint (candidate->cadence_weeks, ==, 4);
  g_assert_cmpint (candidate->last_met, ==, g_date_time_to_unix (midnight));
  g_assert_cmpint (candidate->added_at, ==, g_date_time_to_unix (added));

  candidate = find_candidate (candidates, "Grace Hopper");
  g_assert_cmpint (candidate->trust, ==, 2);
  g_assert_cmpint (candidate->cadence_weeks, ==, 12);
  g_assert_cmpint (candidate->last_met, ==, 0);

  candidate = find_candidate (candidates, "Alan Turing");
  g_assert_cmpint (candidate->cadence_weeks, ==, 26);
  g_assert_cmpint (candidate->id, ==, tn_contact_get_id (alan));

  candidate = find_candidate (candidates, "Someone New");
  g_assert_cmpint (candidate->trust, ==, 0);
  g_assert_cmpint (candidate->cadence_weeks, ==, 0);
  g_assert_cmpint (candidate->id, ==, tn_contact_get_id (unrated));

  /* They feed the suggestion rule: the overdue 1 on this even week (2026-W48). */
  g_assert_cmpint (tn_reminder_suggest ((const TnReminderCandidate *) (gpointer) candidates->data,
                                        candidates->len, now, 0, &reason),
                   ==, tn_contact_get_id (ada));
  g_assert_cmpint (reason, ==, TN_REMINDER_REASON_OVERDUE_COMPLETELY);
  (void) grace;

  /* A worker reads the same candidates from the database, in the same order. */
  {
    g_autoptr(TnDb) db = tn_db_open (fixture->path, &error);
    g_autoptr(GStringChunk) names = g_string_chunk_new (64);
    g_autoptr(GArray) read = NULL;

    g_assert_no_error (error);
    read = _tn_store_read_reminder_candidates (db, &cadence, names, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (read->len, ==, candidates->len);
    for (guint i = 0; i < read->len; i++)
      {
        const TnReminderCandidate *a = &g_array_index (read, TnReminderCandidate, i);
        const TnReminderCandidate *b = &g_array_index (candidates, TnReminderCandidate, i);

        g_assert_cmpint (a->id, ==, b->id);
        g_assert_cmpstr (a->name, ==, b->name);
        g_assert_cmpint (a->trust, ==, b->trust);
        g_assert_cmpint (a->last_met, ==, b->last_met);
        g_assert_cmpint (a->added_at, ==, b->added_at);
        g_assert_cmpint (a->cadence_weeks, ==, b->cadence_weeks);
      }
  }
}

static void
test_candidates_empty (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const TnCadence cadence = { { 4, 12, 26 } };
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  candidates = tn_store_list_reminder_candidates (fixture->store, &cadence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/remind-store/state-round-trip", test_state_round_trip);
  ADD ("/remind-store/claim-twice", test_claim_twice);
  ADD ("/remind-store/lunch-this-week", test_lunch_this_week);
  ADD ("/remind-store/snooze", test_snooze);
  ADD ("/remind-store/unchanged-writes-nothing", test_unchanged_writes_nothing);
  ADD ("/remind-store/candidates", test_candidates);
  ADD ("/remind-store/candidates-empty", test_candidates_empty);
#undef ADD

  return g_test_run ();
}
