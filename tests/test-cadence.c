/* test-cadence.c — keep-in-touch intervals and who is overdue, with a fixed clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-cadence.h"
#include "tn-contact-private.h"
#include "tn-reminder.h"
#include "tn-test-util.h"

static const TnCadence defaults = { { 4, 12, 26 } };

/* A contact added at @added, last met on @last_contact (NULL for never). */
static TnContact *
make_contact (TnTrust     trust,
              const char *added,
              const char *last_contact)
{
  TnContact *contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(GDateTime) added_at = tn_test_local_time (added);

  tn_contact_set_trust (contact, trust);
  _tn_contact_set_timestamps (contact, g_date_time_to_unix (added_at), g_date_time_to_unix (added_at));
  _tn_contact_set_last_contact (contact, last_contact);
  return contact;
}

static void
test_weeks_for (void)
{
  g_autoptr(TnContact) unrated = make_contact (TN_TRUST_UNRATED, "2026-01-05T10:00:00", NULL);
  g_autoptr(TnContact) completely = make_contact (TN_TRUST_COMPLETELY, "2026-01-05T10:00:00", NULL);
  g_autoptr(TnContact) moderately = make_contact (TN_TRUST_MODERATELY, "2026-01-05T10:00:00", NULL);
  g_autoptr(TnContact) vaguely = make_contact (TN_TRUST_VAGUELY, "2026-01-05T10:00:00", NULL);

  g_assert_cmpint (tn_cadence_weeks_for (&defaults, unrated), ==, 0);
  g_assert_cmpint (tn_cadence_weeks_for (&defaults, completely), ==, 4);
  g_assert_cmpint (tn_cadence_weeks_for (&defaults, moderately), ==, 12);
  g_assert_cmpint (tn_cadence_weeks_for (&defaults, vaguely), ==, 26);
  g_assert_cmpint (tn_cadence_weeks_for_trust (&defaults, TN_TRUST_UNRATED), ==, 0);
  g_assert_cmpint (tn_cadence_weeks_for_trust (&defaults, TN_TRUST_COMPLETELY), ==, 4);
  g_assert_cmpint (tn_cadence_weeks_for_trust (&defaults, TN_TRUST_MODERATELY), ==, 12);
  g_assert_cmpint (tn_cadence_weeks_for_trust (&defaults, TN_TRUST_VAGUELY), ==, 26);

  /* A contact's own interval wins, whatever the rating, even unrated. */
  tn_contact_set_cadence_weeks (vaguely, 2);
  g_assert_cmpint (tn_cadence_weeks_for (&defaults, vaguely), ==, 2);
  tn_contact_set_cadence_weeks (unrated, 52);
  g_assert_cmpint (tn_cadence_weeks_for (&defaults, unrated), ==, 52);
  tn_contact_set_cadence_weeks (unrated, 0);
  g_assert_cmpint (tn_cadence_weeks_for (&defaults, unrated), ==, 0);
}

static void
test_days_since_contact (void)
{
  g_autoptr(TnContact) met = make_contact (TN_TRUST_COMPLETELY, "2026-01-05T23:30:00", "2026-11-01");
  g_autoptr(TnContact) never = make_contact (TN_TRUST_COMPLETELY, "2026-11-10T23:30:00", NULL);
  g_autoptr(TnContact) odd = make_contact (TN_TRUST_COMPLETELY, "2026-11-10T08:00:00", "2026-13-45");
  g_autoptr(TnContact) later = make_contact (TN_TRUST_COMPLETELY, "2026-11-10T08:00:00", "2026-12-01");
  g_autoptr(GDateTime) morning = tn_test_local_time ("2026-11-24T00:10:00");
  g_autoptr(GDateTime) night = tn_test_local_time ("2026-11-24T23:50:00");

  /* Whole days: the hour does not matter. */
  g_assert_cmpint (tn_cadence_days_since_contact (met, morning), ==, 23);
  g_assert_cmpint (tn_cadence_days_since_contact (met, night), ==, 23);
  /* Never met: counted from the day it was added. */
  g_assert_cmpint (tn_cadence_days_since_contact (never, morning), ==, 14);
  /* A day written by hand that is not a day counts as never met. */
  g_assert_cmpint (tn_cadence_days_since_contact (odd, morning), ==, 14);
  /* A clock set back never gives a negative count. */
  g_assert_cmpint (tn_cadence_days_since_contact (later, morning), ==, 0);
}

static void
test_overdue_boundary (void)
{
  g_autoptr(TnContact) ada = make_contact (TN_TRUST_COMPLETELY, "2026-01-05T10:00:00", "2026-10-27");
  g_autoptr(GDateTime) day_27 = tn_test_local_time ("2026-11-23T23:59:00");
  g_autoptr(GDateTime) day_28 = tn_test_local_time ("2026-11-24T00:00:00");

  g_assert_false (tn_cadence_is_overdue (&defaults, ada, day_27));
  g_assert_true (tn_cadence_is_overdue (&defaults, ada, day_28));

  /* Rated down to a 2: twelve weeks now. */
  tn_contact_set_trust (ada, TN_TRUST_MODERATELY);
  g_assert_false (tn_cadence_is_overdue (&defaults, ada, day_28));
  /* Its own interval of 3 weeks. */
  tn_contact_set_cadence_weeks (ada, 3);
  g_assert_true (tn_cadence_is_overdue (&defaults, ada, day_27));

  /* Unrated without an interval of its own: never overdue. */
  tn_contact_set_cadence_weeks (ada, 0);
  tn_contact_set_trust (ada, TN_TRUST_UNRATED);
  g_assert_false (tn_cadence_is_overdue (&defaults, ada, day_28));
}

static void
test_overdue_never_met (void)
{
  g_autoptr(TnContact) grace = make_contact (TN_TRUST_COMPLETELY, "2026-10-27T18:00:00", NULL);
  g_autoptr(GDateTime) before = tn_test_local_time ("2026-11-23T20:00:00");
  g_autoptr(GDateTime) after = tn_test_local_time ("2026-11-24T08:00:00");

  g_assert_false (tn_cadence_is_overdue (&defaults, grace, before));
  g_assert_true (tn_cadence_is_overdue (&defaults, grace, after));
}

/* One rule, tn_cadence_has_passed(), decides for the contacts page and the reminder
 * alike, also across the change from summer time (Europe/Berlin, 25 October 2026) and
 * at any hour. */
static void
test_one_rule (void)
{
  static const char * const days[] = { "2026-09-28", "2026-09-29", "2026-10-24", "2026-10-25",
                                       "2026-10-26", "2026-11-23", NULL };
  static const char * const nows[] = { "2026-10-25T01:30:00", "2026-10-26T00:00:00",
                                       "2026-11-22T23:59:59", "2026-11-23T00:00:00",
                                       "2026-11-23T12:00:00", "2026-12-21T09:00:00", NULL };

  for (guint d = 0; days[d] != NULL; d++)
    {
      g_autoptr(TnContact) contact = make_contact (TN_TRUST_COMPLETELY, "2026-01-05T10:00:00", days[d]);
      g_autofree char *midnight_text = g_strconcat (days[d], "T00:00:00", NULL);
      g_autoptr(GDateTime) midnight = tn_test_local_time (midnight_text);
      TnReminderCandidate candidate = { 1, "Ada", 1, g_date_time_to_unix (midnight), 0, 4 };

      for (guint n = 0; nows[n] != NULL; n++)
        {
          g_autoptr(GDateTime) now = tn_test_local_time (nows[n]);

          gboolean passed = tn_cadence_has_passed (4, tn_cadence_days_between (midnight, now), 1);

          g_assert_cmpint (tn_cadence_is_overdue (&defaults, contact, now), ==, passed);
          g_assert_cmpint (tn_cadence_is_overdue (&defaults, contact, now), ==,
                           tn_reminder_is_overdue (&candidate, now));
        }
    }
}

static void
test_has_passed (void)
{
  g_assert_false (tn_cadence_has_passed (4, 27, 1));
  g_assert_true (tn_cadence_has_passed (4, 28, 1));
  g_assert_false (tn_cadence_has_passed (4, 55, 2));
  g_assert_true (tn_cadence_has_passed (4, 56, 2));
  /* No interval, never passed. */
  g_assert_false (tn_cadence_has_passed (0, 10000, 1));
  g_assert_false (tn_cadence_has_passed (-1, 10000, 1));

  /* The days left run out on the day the rule says overdue. */
  g_assert_cmpint (tn_cadence_days_until_due (4, 27), ==, 1);
  g_assert_cmpint (tn_cadence_days_until_due (4, 28), ==, 0);
  g_assert_cmpint (tn_cadence_days_until_due (2, 0), ==, 14);
}

/* The SQL's parameters are the same rule seen from today: the last day a meeting may
 * have been on for the interval to have passed. */
static void
test_cutoffs (void)
{
  static const TnCadence some = { { 4, 0, 26 } };
  g_autoptr(GDateTime) now = tn_test_local_time ("2026-11-24T09:00:00");
  g_autoptr(GDateTime) midnight = tn_test_local_time ("2026-10-28T00:00:00");
  g_auto(TnCadenceCutoffs) cutoffs = { 0 };

  tn_cadence_cutoffs_init (&cutoffs, &some, now, 1);
  g_assert_cmpstr (cutoffs.today, ==, "2026-11-24");
  g_assert_cmpstr (cutoffs.last_met_by[0], ==, "2026-10-27");
  g_assert_cmpint (cutoffs.added_before[0], ==, g_date_time_to_unix (midnight));
  g_assert_null (cutoffs.last_met_by[1]);
  g_assert_cmpstr (cutoffs.last_met_by[2], ==, "2026-05-26");
  tn_cadence_cutoffs_clear (&cutoffs);

  tn_cadence_cutoffs_init (&cutoffs, &some, now, 2);
  g_assert_cmpstr (cutoffs.last_met_by[0], ==, "2026-09-29");
}

static void
test_init_from_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.example.TrustNet");
  TnCadence cadence;

  tn_cadence_init_from_settings (&cadence, settings);
  g_assert_cmpint (cadence.tier_weeks[0], ==, 4);
  g_assert_cmpint (cadence.tier_weeks[1], ==, 12);
  g_assert_cmpint (cadence.tier_weeks[2], ==, 26);

  g_settings_set_int (settings, "cadence-weeks-completely", 2);
  g_settings_set_int (settings, "cadence-weeks-vaguely", 52);
  tn_cadence_init_from_settings (&cadence, settings);
  g_assert_cmpint (cadence.tier_weeks[0], ==, 2);
  g_assert_cmpint (cadence.tier_weeks[1], ==, 12);
  g_assert_cmpint (cadence.tier_weeks[2], ==, 52);
}

int
main (int   argc,
      char *argv[])
{
  /* Days around a daylight-saving change mean something only in a zone that has one. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cadence/weeks-for", test_weeks_for);
  g_test_add_func ("/cadence/days-since-contact", test_days_since_contact);
  g_test_add_func ("/cadence/overdue-boundary", test_overdue_boundary);
  g_test_add_func ("/cadence/overdue-never-met", test_overdue_never_met);
  g_test_add_func ("/cadence/one-rule", test_one_rule);
  g_test_add_func ("/cadence/has-passed", test_has_passed);
  g_test_add_func ("/cadence/cutoffs", test_cutoffs);
  g_test_add_func ("/cadence/init-from-settings", test_init_from_settings);

  return g_test_run ();
}
