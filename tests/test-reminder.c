/* test-reminder.c — the weekly reminder's schedule and suggestion rule at fixed
 * clocks: week boundaries, year ends, DST changes, snooze, and who comes next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reminder"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib.h>

#include "tn-reminder.h"

#define HOUR (60 * 60)
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)

/* Local time in Europe/Berlin, set in main(). */
static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute,
    int second)
{
  return g_date_time_new_local (year, month, day, hour, minute, (gdouble) second);
}

static gint64
unix_at (int year,
         int month,
         int day,
         int hour,
         int minute,
         int second)
{
  g_autoptr(GDateTime) when = at (year, month, day, hour, minute, second);

  return g_date_time_to_unix (when);
}

static void
assert_week (GDateTime *when,
             int        expected_year,
             int        expected_week)
{
  int year = -1, week = -1;

  tn_reminder_week_of (when, &year, &week);
  g_assert_cmpint (year, ==, expected_year);
  g_assert_cmpint (week, ==, expected_week);
}

static void
assert_local (GDateTime *when,
              int        year,
              int        month,
              int        day,
              int        hour,
              int        utc_offset_hours)
{
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_get_year (when), ==, year);
  g_assert_cmpint (g_date_time_get_month (when), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (when), ==, day);
  g_assert_cmpint (g_date_time_get_hour (when), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (when), ==, 0);
  g_assert_cmpint (g_date_time_get_second (when), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (when) / G_TIME_SPAN_HOUR, ==, utc_offset_hours);
}

static void
test_week_boundaries (void)
{
  g_autoptr(GDateTime) sunday_last = at (2026, 5, 31, 23, 59, 59);
  g_autoptr(GDateTime) monday_first = at (2026, 6, 1, 0, 0, 0);
  g_autoptr(GDateTime) sunday_end = at (2026, 6, 7, 23, 59, 59);

  assert_week (sunday_last, 2026, 22);
  assert_week (monday_first, 2026, 23);
  assert_week (sunday_end, 2026, 23);
}

static void
test_week_year_ends (void)
{
  g_autoptr(GDateTime) w52_end = at (2026, 12, 27, 23, 59, 59);
  g_autoptr(GDateTime) w53_start = at (2026, 12, 28, 0, 0, 0);
  g_autoptr(GDateTime) new_years_eve = at (2026, 12, 31, 12, 0, 0);
  g_autoptr(GDateTime) new_year = at (2027, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) w53_end = at (2027, 1, 3, 23, 59, 59);
  g_autoptr(GDateTime) w01_start = at (2027, 1, 4, 0, 0, 0);
  g_autoptr(GDateTime) early_w01 = at (2024, 12, 30, 9, 0, 0);

  assert_week (w52_end, 2026, 52);
  assert_week (w53_start, 2026, 53);
  assert_week (new_years_eve, 2026, 53);
  assert_week (new_year, 2026, 53);
  assert_week (w53_end, 2026, 53);
  assert_week (w01_start, 2027, 1);
  /* The other way round: the last days of December in next year's week 1. */
  assert_week (early_w01, 2025, 1);
}

static void
test_week_is_local (void)
{
  /* 23:30 UTC on Sunday is already Monday 00:30 in Berlin. */
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2027, 1, 3, 23, 30, 0);
  g_autoptr(GDateTime) utc_before = g_date_time_new_utc (2027, 1, 3, 22, 30, 0);

  assert_week (utc, 2027, 1);
  assert_week (utc_before, 2026, 53);
}

static void
test_due_time (void)
{
  g_autoptr(GDateTime) wednesday = at (2026, 6, 3, 12, 0, 0);
  g_autoptr(GDateTime) sunday_late = at (2026, 6, 7, 23, 59, 59);
  g_autoptr(GDateTime) monday_early = at (2026, 6, 8, 0, 0, 0);
  g_autoptr(GDateTime) due_monday = tn_reminder_due_time (wednesday, 1, 9);
  g_autoptr(GDateTime) due_friday = tn_reminder_due_time (wednesday, 5, 17);
  g_autoptr(GDateTime) due_sunday = tn_reminder_due_time (wednesday, 7, 0);
  g_autoptr(GDateTime) due_same_week = tn_reminder_due_time (sunday_late, 1, 9);
  g_autoptr(GDateTime) due_next_week = tn_reminder_due_time (monday_early, 1, 9);

  assert_local (due_monday, 2026, 6, 1, 9, 2);
  assert_local (due_friday, 2026, 6, 5, 17, 2);
  assert_local (due_sunday, 2026, 6, 7, 0, 2);
  assert_local (due_same_week, 2026, 6, 1, 9, 2);
  assert_local (due_next_week, 2026, 6, 8, 9, 2);
}

static void
test_due_time_year_end (void)
{
  /* Friday 1 January 2027 belongs to 2026-W53, whose Monday is 28 December. */
  g_autoptr(GDateTime) new_year = at (2027, 1, 1, 10, 0, 0);
  g_autoptr(GDateTime) due = tn_reminder_due_time (new_year, 1, 9);
  g_autoptr(GDateTime) due_sunday = tn_reminder_due_time (new_year, 7, 9);

  assert_local (due, 2026, 12, 28, 9, 1);
  assert_local (due_sunday, 2027, 1, 3, 9, 1);
}

static void
test_due_time_dst (void)
{
  /* Berlin moves to summer time on Sunday 29 March 2026 at 02:00, back on 25 October. */
  g_autoptr(GDateTime) march_monday = at (2026, 3, 23, 10, 0, 0);
  g_autoptr(GDateTime) october_monday = at (2026, 10, 19, 10, 0, 0);
  g_autoptr(GDateTime) march_due = tn_reminder_due_time (march_monday, 7, 9);
  g_autoptr(GDateTime) october_due = tn_reminder_due_time (october_monday, 7, 9);
  g_autoptr(GDateTime) march_gap = tn_reminder_due_time (march_monday, 7, 2);

  assert_local (march_due, 2026, 3, 29, 9, 2);
  assert_local (october_due, 2026, 10, 25, 9, 1);

  /* 02:00 does not exist that night: the due time is not before 02:00 CET would be. */
  g_assert_nonnull (march_gap);
  g_assert_cmpint (g_date_time_get_day_of_month (march_gap), ==, 29);
  g_assert_cmpint (g_date_time_to_unix (march_gap), >=,
                   g_date_time_to_unix (march_monday) + 6 * DAY - 8 * HOUR);
}

static void
test_next_check (void)
{
  g_autoptr(GDateTime) before = at (2026, 6, 1, 8, 59, 59);
  g_autoptr(GDateTime) exactly = at (2026, 6, 1, 9, 0, 0);
  g_autoptr(GDateTime) sunday = at (2026, 6, 7, 23, 0, 0);
  g_autoptr(GDateTime) next_before = tn_reminder_next_check (before, 1, 9);
  g_autoptr(GDateTime) next_exactly = tn_reminder_next_check (exactly, 1, 9);
  g_autoptr(GDateTime) next_sunday = tn_reminder_next_check (sunday, 1, 9);
  g_autoptr(GDateTime) next_friday = tn_reminder_next_check (exactly, 5, 17);

  assert_local (next_before, 2026, 6, 1, 9, 2);
  /* At the due moment itself the check happens now; the next one is a week on. */
  assert_local (next_exactly, 2026, 6, 8, 9, 2);
  assert_local (next_sunday, 2026, 6, 8, 9, 2);
  assert_local (next_friday, 2026, 6, 5, 17, 2);
  g_assert_cmpint (g_date_time_compare (next_before, before), >, 0);
}

static void
test_next_check_year_end (void)
{
  g_autoptr(GDateTime) w53 = at (2026, 12, 28, 10, 0, 0);
  g_autoptr(GDateTime) next = tn_reminder_next_check (w53, 1, 9);

  assert_local (next, 2027, 1, 4, 9, 1);
  assert_week (next, 2027, 1);
}

static void
test_next_check_dst (void)
{
  g_autoptr(GDateTime) march_monday = at (2026, 3, 23, 10, 0, 0);
  g_autoptr(GDateTime) october_monday = at (2026, 10, 19, 10, 0, 0);
  g_autoptr(GDateTime) march_next = tn_reminder_next_check (march_monday, 1, 9);
  g_autoptr(GDateTime) october_next = tn_reminder_next_check (october_monday, 1, 9);

  /* Still 09:00 on the wall, so the week is an hour shorter or longer. */
  assert_local (march_next, 2026, 3, 30, 9, 2);
  g_assert_cmpint (g_date_time_to_unix (march_next) - unix_at (2026, 3, 23, 9, 0, 0), ==,
                   WEEK - HOUR);
  assert_local (october_next, 2026, 10, 26, 9, 1);
  g_assert_cmpint (g_date_time_to_unix (october_next) - unix_at (2026, 10, 19, 9, 0, 0), ==,
                   WEEK + HOUR);
}

static TnReminderVerdict
check_at (const TnReminderState *state,
          int                    year,
          int                    month,
          int                    day,
          int                    hour,
          int                    minute,
          int                    second)
{
  g_autoptr(GDateTime) now = at (year, month, day, hour, minute, second);

  /* Monday 09:00, the default. */
  return tn_reminder_check (state, now, 1, 9);
}

static void
test_check_hour_boundary (void)
{
  TnReminderState state = { .enabled = TRUE };

  g_assert_cmpint (check_at (&state, 2026, 6, 1, 0, 0, 0), ==, TN_REMINDER_NOT_YET);
  g_assert_cmpint (check_at (&state, 2026, 6, 1, 8, 59, 59), ==, TN_REMINDER_NOT_YET);
  g_assert_cmpint (check_at (&state, 2026, 6, 1, 9, 0, 0), ==, TN_REMINDER_DUE);
  g_assert_cmpint (check_at (&state, 2026, 6, 3, 15, 0, 0), ==, TN_REMINDER_DUE);
  g_assert_cmpint (check_at (&state, 2026, 6, 7, 23, 59, 59), ==, TN_REMINDER_DUE);
}

static void
test_check_dst (void)
{
  TnReminderState state = { .enabled = TRUE };
  g_autoptr(GDateTime) march_before = at (2026, 3, 29, 8, 59, 59);
  g_autoptr(GDateTime) march_due = at (2026, 3, 29, 9, 0, 0);
  g_autoptr(GDateTime) october_before = at (2026, 10, 25, 8, 59, 59);
  g_autoptr(GDateTime) october_due = at (2026, 10, 25, 9, 0, 0);

  /* Sunday 09:00, on the days the clocks change. */
  g_assert_cmpint (tn_reminder_check (&state, march_before, 7, 9), ==, TN_REMINDER_NOT_YET);
  g_assert_cmpint (tn_reminder_check (&state, march_due, 7, 9), ==, TN_REMINDER_DUE);
  g_assert_cmpint (tn_reminder_check (&state, october_before, 7, 9), ==, TN_REMINDER_NOT_YET);
  g_assert_cmpint (tn_reminder_check (&state, october_due, 7, 9), ==, TN_REMINDER_DUE);
}

static void
test_check_already_sent (void)
{
  TnReminderState state = { .enabled = TRUE, .sent_year = 2026, .sent_week = 23 };
  TnReminderState year_end = { .enabled = TRUE, .sent_year = 2026, .sent_week = 53 };

  g_assert_cmpint (check_at (&state, 2026, 6, 1, 9, 0, 0), ==, TN_REMINDER_ALREADY_SENT);
  g_assert_cmpint (check_at (&state, 2026, 6, 7, 23, 59, 59), ==, TN_REMINDER_ALREADY_SENT);
  /* A new week, a new reminder. */
  g_assert_cmpint (check_at (&state, 2026, 6, 8, 9, 0, 0), ==, TN_REMINDER_DUE);

  /* Sent in 2026-W53 on 28 December: 3 January 2027 is still that week. */
  g_assert_cmpint (check_at (&year_end, 2027, 1, 3, 12, 0, 0), ==, TN_REMINDER_ALREADY_SENT);
  g_assert_cmpint (check_at (&year_end, 2027, 1, 4, 9, 0, 0), ==, TN_REMINDER_DUE);
}

static void
test_check_snoozed (void)
{
  /* Sent Monday 09:00, then "Remind me tomorrow". */
  TnReminderState state = {
    .enabled = TRUE,
    .sent_year = 2026,
    .sent_week = 23,
    .snoozed_until = unix_at (2026, 6, 2, 9, 0, 0),
  };
  /* An old snooze from last week does not make this week's reminder due twice. */
  TnReminderState stale = {
    .enabled = TRUE,
    .sent_year = 2026,
    .sent_week = 23,
    .snoozed_until = unix_at (2026, 5, 26, 9, 0, 0),
  };
  /* Snoozed on Sunday, running out next Monday evening. */
  TnReminderState over_week = {
    .enabled = TRUE,
    .sent_year = 2026,
    .sent_week = 23,
    .snoozed_until = unix_at (2026, 6, 8, 20, 0, 0),
  };

  g_assert_cmpint (check_at (&state, 2026, 6, 1, 12, 0, 0), ==, TN_REMINDER_SNOOZED);
  g_assert_cmpint (check_at (&state, 2026, 6, 2, 8, 59, 59), ==, TN_REMINDER_SNOOZED);
  g_assert_cmpint (check_at (&state, 2026, 6, 2, 9, 0, 0), ==, TN_REMINDER_DUE);
  g_assert_cmpint (check_at (&state, 2026, 6, 4, 9, 0, 0), ==, TN_REMINDER_DUE);

  /* The caller clears the snooze once the reminder is sent again. */
  state.snoozed_until = 0;
  g_assert_cmpint (check_at (&state, 2026, 6, 2, 9, 0, 1), ==, TN_REMINDER_ALREADY_SENT);

  g_assert_cmpint (check_at (&stale, 2026, 6, 2, 9, 0, 0), ==, TN_REMINDER_ALREADY_SENT);

  g_assert_cmpint (check_at (&over_week, 2026, 6, 8, 9, 0, 0), ==, TN_REMINDER_SNOOZED);
  g_assert_cmpint (check_at (&over_week, 2026, 6, 8, 20, 0, 0), ==, TN_REMINDER_DUE);
}

static void
test_check_lunch_logged (void)
{
  TnReminderState state = { .enabled = TRUE, .lunch_this_week = TRUE };

  g_assert_cmpint (check_at (&state, 2026, 6, 1, 9, 0, 0), ==, TN_REMINDER_LUNCH_LOGGED);
  g_assert_cmpint (check_at (&state, 2026, 6, 1, 8, 0, 0), ==, TN_REMINDER_LUNCH_LOGGED);

  state.lunch_this_week = FALSE;
  g_assert_cmpint (check_at (&state, 2026, 6, 1, 9, 0, 0), ==, TN_REMINDER_DUE);
}

static void
test_check_disabled (void)
{
  TnReminderState state = { .enabled = FALSE };
  TnReminderState lunch = { .enabled = FALSE, .lunch_this_week = TRUE };

  g_assert_cmpint (check_at (&state, 2026, 6, 1, 9, 0, 0), ==, TN_REMINDER_DISABLED);
  g_assert_cmpint (check_at (&state, 2026, 6, 1, 8, 0, 0), ==, TN_REMINDER_DISABLED);
  g_assert_cmpint (check_at (&lunch, 2026, 6, 1, 9, 0, 0), ==, TN_REMINDER_DISABLED);
}

static void
test_verdict_describe (void)
{
  static const TnReminderVerdict not_due[] = {
    TN_REMINDER_NOT_YET,
    TN_REMINDER_ALREADY_SENT,
    TN_REMINDER_SNOOZED,
    TN_REMINDER_LUNCH_LOGGED,
    TN_REMINDER_DISABLED,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (tn_reminder_verdict_describe (TN_REMINDER_DUE), ==, "due");
  g_assert_cmpstr (tn_reminder_verdict_describe (TN_REMINDER_LUNCH_LOGGED), ==,
                   "not due: lunch already logged this week");
  g_assert_cmpstr (tn_reminder_verdict_describe (TN_REMINDER_ALREADY_SENT), ==,
                   "not due: already sent this week");
  g_assert_cmpstr (tn_reminder_verdict_describe (TN_REMINDER_DISABLED), ==,
                   "not due: reminders are turned off");

  for (guint i = 0; i < G_N_ELEMENTS (not_due); i++)
    {
      const char *text = tn_reminder_verdict_describe (not_due[i]);

      g_assert_true (g_str_has_prefix (text, "not due: "));
      g_assert_true (g_hash_table_add (seen, (gpointer) text));
    }
}

static void
test_is_overdue (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 3, 12, 0, 0);
  g_autoptr(GDateTime) after_dst = at (2026, 3, 30, 12, 0, 0);
  gint64 now_unix = g_date_time_to_unix (now);
  TnReminderCandidate exactly = { .id = 1, .trust = 1, .cadence_weeks = 4,
                                  .last_met = now_unix - 4 * WEEK };
  /* Whole days count: the day after is not overdue yet, at any hour. */
  TnReminderCandidate almost = { .id = 2, .trust = 1, .cadence_weeks = 4,
                                 .last_met = now_unix - 4 * WEEK + DAY - 1 };
  TnReminderCandidate same_day_later = { .id = 7, .trust = 1, .cadence_weeks = 4,
                                         .last_met = now_unix - 4 * WEEK + 11 * 3600 };
  TnReminderCandidate never_old = { .id = 3, .trust = 1, .cadence_weeks = 4,
                                    .added_at = now_unix - 5 * WEEK };
  TnReminderCandidate never_new = { .id = 4, .trust = 1, .cadence_weeks = 4,
                                    .added_at = now_unix - 1 * WEEK };
  TnReminderCandidate no_cadence = { .id = 5, .trust = 1, .cadence_weeks = 0,
                                     .last_met = now_unix - 500 * WEEK };
  /* A calendar week across the March change: only 7 days minus an hour. */
  TnReminderCandidate dst = { .id = 6, .trust = 1, .cadence_weeks = 1,
                              .last_met = unix_at (2026, 3, 23, 12, 0, 0) };

  g_assert_true (tn_reminder_is_overdue (&exactly, now));
  g_assert_false (tn_reminder_is_overdue (&almost, now));
  g_assert_true (tn_reminder_is_overdue (&same_day_later, now));
  g_assert_true (tn_reminder_is_overdue (&never_old, now));
  g_assert_false (tn_reminder_is_overdue (&never_new, now));
  g_assert_false (tn_reminder_is_overdue (&no_cadence, now));
  g_assert_true (tn_reminder_is_overdue (&dst, after_dst));
}

/* Five people, described relative to @now. */
static void
fill_people (TnReminderCandidate *people,
             GDateTime           *now)
{
  gint64 t = g_date_time_to_unix (now);
  const TnReminderCandidate template[] = {
    { 1, "Ada Lovelace", 1, t - 5 * WEEK, t - 100 * WEEK, 4 },    /* overdue 1 */
    { 2, "Grace Hopper", 1, t - 9 * WEEK, t - 100 * WEEK, 4 },    /* overdue 1, older */
    { 3, "Alan Turing", 1, t - 2 * WEEK, t - 100 * WEEK, 4 },     /* a 1, not overdue */
    { 4, "Edsger Dijkstra", 3, t - 100 * WEEK, t - 200 * WEEK, 26 }, /* overdue 3 */
    { 5, "Barbara Liskov", 2, t - 8 * DAY, t - 100 * WEEK, 12 },  /* a 2, not overdue */
  };

  memcpy (people, template, sizeof template);
}

static gint64
suggest (const TnReminderCandidate *people,
         guint                      n,
         GDateTime                 *now,
         guint                      skip,
         TnReminderReason           expected_reason)
{
  TnReminderReason reason = (TnReminderReason) -1;
  gint64 id = tn_reminder_suggest (people, n, now, skip, &reason);

  g_assert_cmpint (reason, ==, expected_reason);
  return id;
}

static void
test_suggest_order (void)
{
  /* 2026-W24, an even week: no 2 jumps the queue. */
  g_autoptr(GDateTime) now = at (2026, 6, 10, 12, 0, 0);
  TnReminderCandidate people[5];

  fill_people (people, now);

  g_assert_cmpint (suggest (people, 5, now, 0, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 2);
  g_assert_cmpint (suggest (people, 5, now, 1, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 1);
  g_assert_cmpint (suggest (people, 5, now, 2, TN_REMINDER_REASON_COMPLETELY), ==, 3);
  g_assert_cmpint (suggest (people, 5, now, 3, TN_REMINDER_REASON_LONGEST), ==, 4);
  g_assert_cmpint (suggest (people, 5, now, 4, TN_REMINDER_REASON_LONGEST), ==, 5);
}

static void
test_suggest_skip_wraps (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 10, 12, 0, 0);
  TnReminderCandidate people[5];

  fill_people (people, now);

  g_assert_cmpint (suggest (people, 5, now, 5, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 2);
  g_assert_cmpint (suggest (people, 5, now, 6, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 1);
  g_assert_cmpint (suggest (people, 5, now, 13, TN_REMINDER_REASON_LONGEST), ==, 4);
  g_assert_cmpint (suggest (people, 1, now, 7, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 1);
}

static void
test_suggest_odd_week (void)
{
  g_autoptr(GDateTime) odd = at (2026, 6, 3, 12, 0, 0);  /* 2026-W23 */
  g_autoptr(GDateTime) even = at (2026, 6, 10, 12, 0, 0); /* 2026-W24 */
  TnReminderCandidate people[7];
  gint64 t;

  fill_people (people, odd);
  t = g_date_time_to_unix (odd);
  people[5] = (TnReminderCandidate) { 6, "Katherine Johnson", 2, t - 13 * WEEK, t - 100 * WEEK, 12 };
  people[6] = (TnReminderCandidate) { 7, "Margaret Hamilton", 2, t - 20 * WEEK, t - 100 * WEEK, 12 };

  /* The overdue 2 not met for longest first; the other overdue 2 waits with everyone. */
  g_assert_cmpint (suggest (people, 7, odd, 0, TN_REMINDER_REASON_COULD_BECOME_COMPLETELY), ==, 7);
  g_assert_cmpint (suggest (people, 7, odd, 1, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 2);
  g_assert_cmpint (suggest (people, 7, odd, 2, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 1);
  g_assert_cmpint (suggest (people, 7, odd, 3, TN_REMINDER_REASON_COMPLETELY), ==, 3);
  g_assert_cmpint (suggest (people, 7, odd, 4, TN_REMINDER_REASON_LONGEST), ==, 4);
  g_assert_cmpint (suggest (people, 7, odd, 5, TN_REMINDER_REASON_LONGEST), ==, 6);
  g_assert_cmpint (suggest (people, 7, odd, 6, TN_REMINDER_REASON_LONGEST), ==, 5);

  /* The same people a week later, nobody met since: the 2s go back in line. */
  g_assert_cmpint (suggest (people, 7, even, 0, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 2);
  g_assert_cmpint (suggest (people, 7, even, 2, TN_REMINDER_REASON_COMPLETELY), ==, 3);
  g_assert_cmpint (suggest (people, 7, even, 3, TN_REMINDER_REASON_LONGEST), ==, 4);
  g_assert_cmpint (suggest (people, 7, even, 4, TN_REMINDER_REASON_LONGEST), ==, 7);
  g_assert_cmpint (suggest (people, 7, even, 5, TN_REMINDER_REASON_LONGEST), ==, 6);

  /* An odd week with no overdue 2: the overdue 1s lead as usual. */
  g_assert_cmpint (suggest (people, 5, odd, 0, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 2);
}

static void
test_suggest_never_met_this_week (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 3, 12, 0, 0);
  gint64 monday = unix_at (2026, 6, 1, 0, 0, 0);
  TnReminderCandidate people[] = {
    { 1, "Ada Lovelace", 1, monday, monday - 100 * WEEK, 4 },        /* met this week */
    { 2, "Grace Hopper", 1, monday + 2 * DAY, monday - 100 * WEEK, 4 }, /* met this morning */
    { 3, "Alan Turing", 3, monday - 1, monday - 100 * WEEK, 26 },     /* met last Sunday */
  };

  g_assert_cmpint (suggest (people, 3, now, 0, TN_REMINDER_REASON_LONGEST), ==, 3);
  g_assert_cmpint (suggest (people, 3, now, 1, TN_REMINDER_REASON_LONGEST), ==, 3);

  /* Everyone met this week: no one to suggest, and not for want of contacts. */
  g_assert_cmpint (suggest (people, 2, now, 0, TN_REMINDER_REASON_ALL_MET_THIS_WEEK), ==, 0);
}

static void
test_suggest_never_met_and_ties (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 10, 12, 0, 0);
  gint64 t = g_date_time_to_unix (now);
  TnReminderCandidate people[] = {
    { 9, "Ada Lovelace", 1, t - 9 * WEEK, t - 100 * WEEK, 4 },    /* overdue, met */
    { 8, "Grace Hopper", 1, t - 9 * WEEK, t - 100 * WEEK, 4 },    /* same, smaller id */
    { 7, "Alan Turing", 1, 0, t - 5 * WEEK, 4 },                  /* overdue, never met */
    { 6, "Edsger Dijkstra", 1, 0, t - 1 * WEEK, 4 },              /* new, not overdue */
    { 5, "Barbara Liskov", 0, 0, t - 300 * WEEK, 0 },             /* unrated */
  };

  g_assert_cmpint (suggest (people, 5, now, 0, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 7);
  g_assert_cmpint (suggest (people, 5, now, 1, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 8);
  g_assert_cmpint (suggest (people, 5, now, 2, TN_REMINDER_REASON_OVERDUE_COMPLETELY), ==, 9);
  g_assert_cmpint (suggest (people, 5, now, 3, TN_REMINDER_REASON_COMPLETELY), ==, 6);
  g_assert_cmpint (suggest (people, 5, now, 4, TN_REMINDER_REASON_LONGEST), ==, 5);
}

static void
test_suggest_empty (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 3, 12, 0, 0);

  g_assert_cmpint (suggest (NULL, 0, now, 0, TN_REMINDER_REASON_NO_CANDIDATES), ==, 0);
  g_assert_cmpint (suggest (NULL, 0, now, 3, TN_REMINDER_REASON_NO_CANDIDATES), ==, 0);
  /* The reason is optional. */
  g_assert_cmpint (tn_reminder_suggest (NULL, 0, now, 0, NULL), ==, 0);
}

static void
assert_description (const char *name,
                    int         trust,
                    gint64      last_met,
                    GDateTime  *now,
                    const char *expected)
{
  g_autofree char *text = tn_reminder_describe_suggestion (name, trust, last_met, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe_suggestion (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 3, 12, 0, 0);
  gint64 t = g_date_time_to_unix (now);

  assert_description ("Ada Lovelace", 1, t - 9 * WEEK, now,
                      "Ada Lovelace trusts you completely — you last met 9 weeks ago.");
  assert_description ("Ada Lovelace", 1, t - 9 * WEEK - 6 * DAY, now,
                      "Ada Lovelace trusts you completely — you last met 9 weeks ago.");
  assert_description ("Grace Hopper", 2, 0, now,
                      "Grace Hopper trusts you moderately — you have not met yet.");
  assert_description ("Alan Turing", 3, t - 1 * DAY, now,
                      "Alan Turing trusts you vaguely — you last met 1 day ago.");
  assert_description ("Alan Turing", 3, t - 3 * DAY, now,
                      "Alan Turing trusts you vaguely — you last met 3 days ago.");
  assert_description ("Edsger Dijkstra", 1, t - 7 * DAY, now,
                      "Edsger Dijkstra trusts you completely — you last met 1 week ago.");
  assert_description ("Barbara Liskov", 0, t - 2 * WEEK, now,
                      "Barbara Liskov — you last met 2 weeks ago.");
  assert_description ("Barbara Liskov", 2, t - HOUR, now,
                      "Barbara Liskov trusts you moderately — you last met today.");
}

static void
test_count_gap (void)
{
  gboolean in_weeks = TRUE;

  g_assert_cmpint (tn_reminder_count_gap (0, &in_weeks), ==, 0);
  g_assert_false (in_weeks);
  g_assert_cmpint (tn_reminder_count_gap (6, &in_weeks), ==, 6);
  g_assert_false (in_weeks);
  g_assert_cmpint (tn_reminder_count_gap (7, &in_weeks), ==, 1);
  g_assert_true (in_weeks);
  g_assert_cmpint (tn_reminder_count_gap (13, &in_weeks), ==, 1);
  /* Never months: 161 days are 23 weeks wherever they are shown. */
  g_assert_cmpint (tn_reminder_count_gap (161, &in_weeks), ==, 23);
  g_assert_true (in_weeks);
  g_assert_cmpint (tn_reminder_count_gap (-3, &in_weeks), ==, 0);
  g_assert_false (in_weeks);
}

static void
test_describe_suggestion_dst (void)
{
  /* 23 hours across the March change, but the day before on the calendar. */
  g_autoptr(GDateTime) now = at (2026, 3, 29, 23, 0, 0);
  gint64 met = unix_at (2026, 3, 28, 23, 30, 0);

  g_assert_cmpint (g_date_time_to_unix (now) - met, <, DAY);
  assert_description ("Ada Lovelace", 1, met, now,
                      "Ada Lovelace trusts you completely — you last met 1 day ago.");
}

/* The first person without a sort (skip 0) is the one the sorted order starts with: every
 * skip from 0 to n - 1 then names each person once. Random people, odd and even weeks. */
static void
test_suggest_first_starts_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 40; round++)
    {
      /* 2026-06-03 is in week 23, a week later in week 24. */
      g_autoptr(GDateTime) now = at (2026, 6, 3 + 7 * (round % 2), 12, 0, 0);
      gint64 now_unix = g_date_time_to_unix (now);
      guint n = g_rand_int_range (rand, 1, 60);
      g_autofree TnReminderCandidate *people = g_new0 (TnReminderCandidate, n);
      g_autoptr(GHashTable) named = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autofree gint64 *ids = g_new (gint64, n);

      for (guint i = 0; i < n; i++)
        {
          people[i].id = i + 1;
          people[i].trust = g_rand_int_range (rand, 0, 4);
          people[i].cadence_weeks = g_rand_int_range (rand, 0, 3) * 4;
          /* Few distinct days, so that ties by day and by id are common. */
          people[i].added_at = now_unix - g_rand_int_range (rand, 10, 15) * (gint64) WEEK;
          if (g_rand_boolean (rand))
            people[i].last_met = now_unix - g_rand_int_range (rand, 1, 12) * (gint64) WEEK;
        }

      for (guint skip = 0; skip < n; skip++)
        {
          ids[skip] = tn_reminder_suggest (people, n, now, skip, NULL);
          g_assert_cmpint (ids[skip], >, 0);
          g_assert_false (g_hash_table_contains (named, &ids[skip]));
          g_hash_table_add (named, &ids[skip]);
        }
      g_assert_cmpint (tn_reminder_suggest (people, n, now, n, NULL), ==, ids[0]);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Every time in these tests is Berlin wall-clock time, DST changes included. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and lets the others still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/reminder/week/boundaries", test_week_boundaries);
  g_test_add_func ("/reminder/week/year-ends", test_week_year_ends);
  g_test_add_func ("/reminder/week/local", test_week_is_local);
  g_test_add_func ("/reminder/due-time/week", test_due_time);
  g_test_add_func ("/reminder/due-time/year-end", test_due_time_year_end);
  g_test_add_func ("/reminder/due-time/dst", test_due_time_dst);
  g_test_add_func ("/reminder/next-check/week", test_next_check);
  g_test_add_func ("/reminder/next-check/year-end", test_next_check_year_end);
  g_test_add_func ("/reminder/next-check/dst", test_next_check_dst);
  g_test_add_func ("/reminder/check/hour-boundary", test_check_hour_boundary);
  g_test_add_func ("/reminder/check/dst", test_check_dst);
  g_test_add_func ("/reminder/check/already-sent", test_check_already_sent);
  g_test_add_func ("/reminder/check/snoozed", test_check_snoozed);
  g_test_add_func ("/reminder/check/lunch-logged", test_check_lunch_logged);
  g_test_add_func ("/reminder/check/disabled", test_check_disabled);
  g_test_add_func ("/reminder/verdict-describe", test_verdict_describe);
  g_test_add_func ("/reminder/is-overdue", test_is_overdue);
  g_test_add_func ("/reminder/suggest/order", test_suggest_order);
  g_test_add_func ("/reminder/suggest/skip-wraps", test_suggest_skip_wraps);
  g_test_add_func ("/reminder/suggest/first-starts-order", test_suggest_first_starts_order);
  g_test_add_func ("/reminder/suggest/odd-week", test_suggest_odd_week);
  g_test_add_func ("/reminder/suggest/never-met-this-week", test_suggest_never_met_this_week);
  g_test_add_func ("/reminder/suggest/never-met-and-ties", test_suggest_never_met_and_ties);
  g_test_add_func ("/reminder/suggest/empty", test_suggest_empty);
  g_test_add_func ("/reminder/describe-suggestion", test_describe_suggestion);
  g_test_add_func ("/reminder/describe-suggestion/dst", test_describe_suggestion_dst);
  g_test_add_func ("/reminder/count-gap", test_count_gap);

  return g_test_run ();
}
