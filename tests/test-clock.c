/* test-clock.c — the one clock: TRUSTNET_NOW puts TrustNet at any date,
 * a bad value falls back to the real time with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-clock"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "tn-clock.h"

/* Tests change TRUSTNET_NOW and TZ; each puts back what it found. */
typedef struct
{
  char *saved_now;
  char *saved_tz;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->saved_now = g_strdup (g_getenv ("TRUSTNET_NOW"));
  fixture->saved_tz = g_strdup (g_getenv ("TZ"));
  g_unsetenv ("TRUSTNET_NOW");
  /* A zone that is not UTC, written as a POSIX rule so no tzdata is
   * needed: a date without a zone must be read in this local time. */
  g_setenv ("TZ", "EST5", TRUE);
}

static void
restore_variable (const char *name,
                  const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  restore_variable ("TRUSTNET_NOW", fixture->saved_now);
  restore_variable ("TZ", fixture->saved_tz);
  g_clear_pointer (&fixture->saved_now, g_free);
  g_clear_pointer (&fixture->saved_tz, g_free);
}

static gint64
utc_unix (int year,
          int month,
          int day,
          int hour,
          int minute,
          int second)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (year, month, day, hour, minute, (double) second);

  return g_date_time_to_unix (utc);
}

/* The real clock, within a margin wide enough for a slow machine. */
static void
assert_is_real_now (GDateTime *now)
{
  g_autoptr(GDateTime) reference = g_date_time_new_now_utc ();
  gint64 difference = g_date_time_to_unix (reference) - g_date_time_to_unix (now);

  g_assert_nonnull (now);
  g_assert_cmpint (ABS (difference), <=, 5);
}

static void
test_now_unset (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  assert_is_real_now (now);
  /* Local time: the zone the person lives in, here TZ. */
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, -5 * G_TIME_SPAN_HOUR);
}

static void
test_now_empty (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = NULL;

  /* Set but empty means "not set": no warning expected, and GTest fails
   * the test if a warning is logged. */
  g_setenv ("TRUSTNET_NOW", "", TRUE);
  now = tn_clock_now ();
  assert_is_real_now (now);
}

static void
test_now_date_only (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = NULL;

  g_setenv ("TRUSTNET_NOW", "2026-11-24", TRUE);
  now = tn_clock_now ();

  g_assert_nonnull (now);
  g_assert_cmpint (g_date_time_get_year (now), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (now), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 24);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 0);
  g_assert_cmpint (g_date_time_get_second (now), ==, 0);
  /* Midnight local time (UTC−5), not midnight UTC. */
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, -5 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_to_unix (now), ==, utc_unix (2026, 11, 24, 5, 0, 0));

  /* Read at every call, not once. */
  g_setenv ("TRUSTNET_NOW", "2024-02-29", TRUE);
  {
    g_autoptr(GDateTime) later = tn_clock_now ();

    g_assert_cmpint (g_date_time_to_unix (later), ==, utc_unix (2024, 2, 29, 5, 0, 0));
  }
}

static void
test_now_timestamp (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = NULL;

  g_setenv ("TRUSTNET_NOW", "2026-11-24T09:30:15", TRUE);
  now = tn_clock_now ();

  g_assert_nonnull (now);
  g_assert_cmpint (g_date_time_get_year (now), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (now), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 24);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 30);
  g_assert_cmpint (g_date_time_get_second (now), ==, 15);
  g_assert_cmpint (g_date_time_to_unix (now), ==, utc_unix (2026, 11, 24, 14, 30, 15));
}

static void
test_now_with_zone (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const struct
  {
    const char *text;
    int utc_hour;
  } cases[] = {
    { "2026-11-24T09:30:00+01:00", 8 },
    { "2026-11-24T09:30:00Z", 9 },
    { "2026-11-24T09:30:00-08:00", 17 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = NULL;

      g_test_message ("TRUSTNET_NOW=%s", cases[i].text);
      g_setenv ("TRUSTNET_NOW", cases[i].text, TRUE);
      now = tn_clock_now ();

      /* The zone given decides the instant, whatever the local zone. */
      g_assert_nonnull (now);
      g_assert_cmpint (g_date_time_to_unix (now), ==, utc_unix (2026, 11, 24, cases[i].utc_hour, 30, 0));
    }
}

static void
test_now_invalid (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char * const invalid[] = {
    "next tuesday",
    "2026-13-01",
    "2026-11-24T25:00:00",
    "24/11/2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GDateTime) now = NULL;

      g_test_message ("TRUSTNET_NOW=%s", invalid[i]);
      g_setenv ("TRUSTNET_NOW", invalid[i], TRUE);
      g_test_expect_message ("tn-clock", G_LOG_LEVEL_WARNING, "Ignoring TRUSTNET_NOW:*");
      now = tn_clock_now ();
      g_test_assert_expected_messages ();

      assert_is_real_now (now);
    }
}

static void
test_parse_valid (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = tn_clock_parse_iso8601 ("2026-01-05", &error);
  g_autoptr(GDateTime) leap = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_to_unix (date), ==, utc_unix (2026, 1, 5, 5, 0, 0));

  leap = tn_clock_parse_iso8601 ("2024-02-29T23:59:59Z", &error);
  g_assert_no_error (error);
  g_assert_nonnull (leap);
  g_assert_cmpint (g_date_time_to_unix (leap), ==, utc_unix (2024, 2, 29, 23, 59, 59));
}

static void
test_parse_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char * const invalid[] = {
    "",
    "tomorrow",
    "2026-13-01",
    "2026-02-30",
    "2026-02-29",
    "2026-11-24T24:30:00",
    "2026-11-24 09:30",
    "24/11/2026",
    "2026-11-2",
    "2026-11-24T09:30:00+25:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) parsed = NULL;

      g_test_message ("parsing “%s”", invalid[i]);
      parsed = tn_clock_parse_iso8601 (invalid[i], &error);

      g_assert_null (parsed);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      /* The message shows what was given and an example of what works. */
      g_assert_nonnull (strstr (error->message, invalid[i]));
      g_assert_nonnull (strstr (error->message, "2026-11-24"));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) parsed = tn_clock_parse_iso8601 (NULL, &error);

    g_assert_null (parsed);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }

  /* Callers that do not want the error still get NULL, and no crash. */
  g_assert_null (tn_clock_parse_iso8601 ("not a date", NULL));
}

/* Runs in a child process: it changes the environment of the whole test program. */
static void
test_pin_local_zone (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTimeZone) before = NULL;
      g_autoptr(GTimeZone) after = NULL;
      g_autoptr(GDateTime) when = NULL;

      g_unsetenv ("TZ");
      before = g_time_zone_new_local ();
      tn_clock_pin_local_zone ();
      g_assert_cmpstr (g_getenv ("TZ"), ==, g_time_zone_get_identifier (before));

      /* The same zone, now found from the variable. */
      after = g_time_zone_new_local ();
      g_assert_cmpstr (g_time_zone_get_identifier (after), ==, g_time_zone_get_identifier (before));
      when = g_date_time_new_from_unix_local (1795000000);
      g_assert_cmpint (g_date_time_get_utc_offset (when), ==,
                       g_time_zone_get_offset (before, g_time_zone_find_interval (before, G_TIME_TYPE_UNIVERSAL, 1795000000)) * G_TIME_SPAN_SECOND);

      /* A zone someone chose is left alone. */
      g_setenv ("TZ", "Europe/Berlin", TRUE);
      tn_clock_pin_local_zone ();
      g_assert_cmpstr (g_getenv ("TZ"), ==, "Europe/Berlin");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
on_day_changed_cb (TnClock *clock,
                   guint   *n_changes)
{
  (*n_changes)++;
}

static gboolean
on_waited_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Counts day-changed over @wait_ms of a clock started at @now. */
static guint
count_day_changes (const char *now,
                   const char *moves,
                   guint       wait_ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(TnClock) clock = NULL;
  guint n_changes = 0;

  g_setenv ("TRUSTNET_NOW", now, TRUE);
  g_setenv ("TRUSTNET_NOW_MOVES", moves, TRUE);
  clock = tn_clock_new ();
  g_signal_connect (clock, "day-changed", G_CALLBACK (on_day_changed_cb), &n_changes);
  g_timeout_add (wait_ms, on_waited_cb, loop);
  g_main_loop_run (loop);

  return n_changes;
}

/* Each in a process of its own: TRUSTNET_NOW_MOVES counts from the clock's first use. */
static void
test_day_changed_at_midnight (Fixture       *fixture,
                              gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpuint (count_day_changes ("2026-11-24T23:59:59", "1", 2500), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_day_changed_not_before (Fixture       *fixture,
                             gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      /* Standing still a second before midnight: the day never changes. */
      g_assert_cmpuint (count_day_changes ("2026-11-24T23:59:59", "0", 2500), ==, 0);
      /* Moving, but far from midnight. */
      g_assert_cmpuint (count_day_changes ("2026-11-24T12:00:00", "1", 1500), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static guint n_followed_changes;

static void
on_followed_day_changed_cb (GObject *follower,
                            TnClock *clock)
{
  n_followed_changes++;
}

/* The follower hears the clock it follows now, and no other. */
static void
test_set_followed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GObject) follower = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(TnClock) first = tn_clock_new ();
  g_autoptr(TnClock) second = tn_clock_new ();
  TnClock *followed = NULL;
  GCallback callback = G_CALLBACK (on_followed_day_changed_cb);

  n_followed_changes = 0;
  g_assert_true (tn_clock_set_followed (&followed, first, callback, follower));
  g_assert_false (tn_clock_set_followed (&followed, first, callback, follower));
  g_signal_emit_by_name (first, "day-changed");
  g_assert_cmpuint (n_followed_changes, ==, 1);

  g_assert_true (tn_clock_set_followed (&followed, second, callback, follower));
  g_assert_true (followed == second);
  g_signal_emit_by_name (first, "day-changed");
  g_assert_cmpuint (n_followed_changes, ==, 1);
  g_signal_emit_by_name (second, "day-changed");
  g_assert_cmpuint (n_followed_changes, ==, 2);

  g_assert_true (tn_clock_set_followed (&followed, NULL, callback, follower));
  g_assert_null (followed);
  g_signal_emit_by_name (second, "day-changed");
  g_assert_cmpuint (n_followed_changes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and lets the others still run. */
  g_test_set_nonfatal_assertions ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/clock/now/unset", test_now_unset);
  ADD_TEST ("/clock/now/empty", test_now_empty);
  ADD_TEST ("/clock/now/date-only", test_now_date_only);
  ADD_TEST ("/clock/now/timestamp", test_now_timestamp);
  ADD_TEST ("/clock/now/with-zone", test_now_with_zone);
  ADD_TEST ("/clock/now/invalid-falls-back", test_now_invalid);
  ADD_TEST ("/clock/parse/valid", test_parse_valid);
  ADD_TEST ("/clock/parse/errors", test_parse_errors);
  g_test_add_func ("/clock/pin-local-zone", test_pin_local_zone);
  ADD_TEST ("/clock/day-changed/at-midnight", test_day_changed_at_midnight);
  ADD_TEST ("/clock/day-changed/not-before", test_day_changed_not_before);
  ADD_TEST ("/clock/set-followed", test_set_followed);

#undef ADD_TEST

  return g_test_run ();
}
