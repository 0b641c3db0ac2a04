/* test-local-days.c — the local days of many unix times against one zone: the same days
 * and midnights a GDateTime per moment gives, in zones with daylight saving at 02:00, at
 * midnight, by half an hour, and at an offset of 5:45.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-local-days"

#include "config.h"

#include <glib.h>

#include "tn-local-days.h"

#define HOUR (60 * 60)
#define DAY (24 * HOUR)

static const char * const zones[] = {
  "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC",
};

static guint32
julian_of (GDateTime *when)
{
  GDate date;
  int year, month, day;

  g_date_time_get_ymd (when, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Every 20 minutes over two years, each zone: the day a GDateTime in that zone gives. */
static void
test_of_unix_agrees (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
      g_autoptr(TnLocalDays) days = tn_local_days_new (zone);
      g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 1, 1, 0, 7, 0);
      gint64 first = g_date_time_to_unix (start);

      g_assert_nonnull (zone);
      for (gint64 t = first; t < first + 730 * (gint64) DAY; t += 20 * 60)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (t);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (when, zone);

          if (tn_local_days_of_unix (days, t) != julian_of (local))
            {
              g_test_message ("%s at %" G_GINT64_FORMAT, zones[z], t);
              g_assert_cmpuint (tn_local_days_of_unix (days, t), ==, julian_of (local));
            }
        }
    }
}

/* Before 1970 too: the days count down the same way. */
static void
test_of_unix_before_epoch (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(TnLocalDays) days = tn_local_days_new (zone);
  g_autoptr(GDateTime) when = g_date_time_new (zone, 1969, 12, 31, 23, 30, 0);
  g_autoptr(GDateTime) moon = g_date_time_new (zone, 1969, 7, 21, 3, 56, 0);

  g_assert_cmpuint (tn_local_days_of_unix (days, g_date_time_to_unix (when)), ==, julian_of (when));
  g_assert_cmpuint (tn_local_days_of_unix (days, g_date_time_to_unix (moon)), ==, julian_of (moon));
  g_assert_cmpuint (tn_local_days_of_unix (days, 0), ==, julian_of (when) + 1);
}

/* Each day's midnight as g_date_time_new() makes it, twice (the second from memory). */
static void
test_midnight_agrees (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
      g_autoptr(TnLocalDays) days = tn_local_days_new (zone);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2025);
      for (guint i = 0; i < 2 * 730; i++)
        {
          g_autoptr(GDateTime) midnight = NULL;
          guint32 julian = g_date_get_julian (&date) + i % 730;
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_julian (&day, julian);
          midnight = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                                      0, 0, 0);
          g_assert_cmpint (tn_local_days_midnight (days, julian), ==, g_date_time_to_unix (midnight));
        }
    }
}

static void
test_midnight_invalid (void)
{
  g_autoptr(TnLocalDays) days = tn_local_days_new (NULL);

  g_assert_cmpint (tn_local_days_midnight (days, 0), ==, 0);
}

/* The zone of the GDateTime itself, whatever the local one is. */
static void
test_of_date_time (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 11, 24, 23, 30, 0);
  g_autoptr(GDateTime) in_tokyo = g_date_time_to_timezone (late, tokyo);

  g_assert_cmpuint (tn_local_days_of_date_time (late), ==, julian_of (late));
  g_assert_cmpuint (tn_local_days_of_date_time (in_tokyo), ==, julian_of (late) + 1);
}

static void
test_parse (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, 2, 2024);
  g_assert_cmpuint (tn_local_days_parse ("2024-02-29"), ==, g_date_get_julian (&date));
  /* The store writes two digits; a hand-edited database may not. */
  g_date_set_dmy (&date, 5, 1, 2026);
  g_assert_cmpuint (tn_local_days_parse ("2026-1-5"), ==, g_date_get_julian (&date));
  g_date_set_dmy (&date, 1, 1, 1);
  g_assert_cmpuint (tn_local_days_parse ("0001-01-01"), ==, 1);
  g_date_set_dmy (&date, 31, 12, 9999);
  g_assert_cmpuint (tn_local_days_parse ("9999-12-31"), ==, g_date_get_julian (&date));

  g_assert_cmpuint (tn_local_days_parse (NULL), ==, 0);
  g_assert_cmpuint (tn_local_days_parse (""), ==, 0);
  g_assert_cmpuint (tn_local_days_parse ("yesterday"), ==, 0);
  g_assert_cmpuint (tn_local_days_parse ("2025-02-29"), ==, 0);
  g_assert_cmpuint (tn_local_days_parse ("2026-13-01"), ==, 0);
  g_assert_cmpuint (tn_local_days_parse ("0000-01-01"), ==, 0);
  g_assert_cmpuint (tn_local_days_parse ("99999-01-01"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/local-days/of-unix/agrees", test_of_unix_agrees);
  g_test_add_func ("/local-days/of-unix/before-epoch", test_of_unix_before_epoch);
  g_test_add_func ("/local-days/midnight/agrees", test_midnight_agrees);
  g_test_add_func ("/local-days/midnight/invalid", test_midnight_invalid);
  g_test_add_func ("/local-days/of-date-time", test_of_date_time);
  g_test_add_func ("/local-days/parse", test_parse);

  return g_test_run ();
}
