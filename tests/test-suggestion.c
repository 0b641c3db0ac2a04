/* test-suggestion.c — whom the reminder and the dashboard suggest, and the words, over a
 * real store with a fixed clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-suggestion.h"
#include "tn-test-store.h"

/* A Tuesday of an even ISO week (2026-W48): the rule prefers overdue 1s. */
#define ADDED "2026-06-01T09:00:00"
#define NOW "2026-11-24T10:00:00"

static const TnCadence cadence = { { 4, 12, 26 } };

typedef TnTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_test_store_open (fixture, "test-suggestion");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_store_close (fixture);
}

static GDateTime *
now (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new_from_iso8601 (NOW, zone);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_auto(TnSuggestion) suggestion = { 0 };
  g_autoptr(GDateTime) when = now ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, when, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (suggestion.contact_id, ==, 0);
  g_assert_null (suggestion.name);
  g_assert_cmpint (suggestion.reason, ==, TN_REMINDER_REASON_NO_CANDIDATES);
  g_assert_nonnull (strstr (suggestion.body, "Import your contacts"));
}

static void
test_oldest_overdue_one_first (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(GDateTime) when = now ();
  g_autoptr(GError) error = NULL;

  g_setenv ("TRUSTNET_NOW", ADDED, TRUE);
  ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  grace = tn_test_add_contact (fixture->store, "Grace Hopper", TN_TRUST_COMPLETELY);
  alan = tn_test_add_contact (fixture->store, "Alan Turing", TN_TRUST_MODERATELY);
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-09-22");
  tn_test_log (fixture->store, grace, TN_INTERACTION_LUNCH, "2026-10-20");

  /* Ada, met nine weeks ago, before Grace, met five weeks ago. */
  {
    g_auto(TnSuggestion) suggestion = { 0 };

    g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, when, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpint (suggestion.contact_id, ==, tn_contact_get_id (ada));
    g_assert_cmpstr (suggestion.name, ==, "Ada Lovelace");
    g_assert_cmpint (suggestion.reason, ==, TN_REMINDER_REASON_OVERDUE_COMPLETELY);
    g_assert_cmpstr (suggestion.body, ==, "Ada Lovelace trusts you completely — you last met 9 weeks ago.");
  }

  /* "Someone else": the next one. */
  {
    g_auto(TnSuggestion) suggestion = { 0 };

    g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, when, 1, &error));
    g_assert_cmpstr (suggestion.name, ==, "Grace Hopper");
  }
}

static void
test_everyone_met_this_week (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(GDateTime) when = now ();
  g_autoptr(GError) error = NULL;
  g_auto(TnSuggestion) suggestion = { 0 };

  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-11-23");

  g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, when, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (suggestion.contact_id, ==, 0);
  g_assert_cmpint (suggestion.reason, ==, TN_REMINDER_REASON_ALL_MET_THIS_WEEK);
  g_assert_nonnull (strstr (suggestion.body, "already met everyone this week"));

  tn_suggestion_clear (&suggestion);
  g_assert_null (suggestion.body);
  g_assert_cmpint (suggestion.contact_id, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/suggestion/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/suggestion/oldest-overdue-one-first", Fixture, NULL,
              fixture_set_up, test_oldest_overdue_one_first, fixture_tear_down);
  g_test_add ("/suggestion/everyone-met-this-week", Fixture, NULL,
              fixture_set_up, test_everyone_met_this_week, fixture_tear_down);

  return g_test_run ();
}
