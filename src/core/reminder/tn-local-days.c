/* tn-local-days.c — local calendar days of unix times against one time zone taken once.
 *
 * A GDateTime per contact costs a time-zone look-up (GLib 2.74 stats /etc/localtime for
 * every g_time_zone_new_local() unless TZ is set) and a walk over the zone's transitions:
 * 200,000 of them were most of a dashboard refresh at 100,000 contacts. Here the zone is
 * taken once, its offset remembered per hour of unix time (an hour with a transition
 * inside is looked up exactly, every time), and local midnights remembered per day, so
 * that a rule over every contact asks the zone a few hundred times instead.
 *
 * Days are GDate's Julian day numbers: 1 is 0001-01-01, so they subtract to whole days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-local-days"

#include "config.h"

#include <stdio.h>

#include "tn-local-days.h"

#define SECONDS_PER_HOUR 3600
#define SECONDS_PER_DAY 86400

/* The Julian day of 1970-01-01, where unix time starts. */
#define UNIX_EPOCH_JULIAN 719163

struct _TnLocalDays
{
  GTimeZone *zone;
  GHashTable *offsets;   /* hour of unix time → its offset from UTC in seconds */
  GHashTable *midnights; /* Julian day → gint64 * unix time of its local midnight */
};

/**
 * tn_local_days_new:
 * @zone: (nullable): the time zone of the days, %NULL for the local one
 *
 * Returns: (transfer full): a converter; free with tn_local_days_free()
 */
TnLocalDays *
tn_local_days_new (GTimeZone *zone)
{
  TnLocalDays *self = g_new0 (TnLocalDays, 1);

  self->zone = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  self->offsets = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->midnights = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return self;
}

/**
 * tn_local_days_free:
 * @self: (nullable) (transfer full): a converter
 */
void
tn_local_days_free (TnLocalDays *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->offsets, g_hash_table_unref);
  g_clear_pointer (&self->midnights, g_hash_table_unref);
  g_free (self);
}

static gint64
floor_divide (gint64 a,
              gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static gint32
offset_of (TnLocalDays *self,
           gint64       unix_time)
{
  return g_time_zone_get_offset (self->zone, g_time_zone_find_interval (self->zone, G_TIME_TYPE_UNIVERSAL, unix_time));
}

/* The zone's offset from UTC at @unix_time. */
static gint32
offset_at (TnLocalDays *self,
           gint64       unix_time)
{
  gint64 hour = floor_divide (unix_time, SECONDS_PER_HOUR);
  gpointer key = GINT_TO_POINTER ((gint) hour);
  gpointer value;
  int first, last;

  /* Hours past what a pointer-sized key holds (year 245,000) are simply not remembered. */
  if (hour < G_MININT || hour > G_MAXINT)
    return offset_of (self, unix_time);

  if (g_hash_table_lookup_extended (self->offsets, key, NULL, &value))
    return GPOINTER_TO_INT (value);

  first = g_time_zone_find_interval (self->zone, G_TIME_TYPE_UNIVERSAL, hour * SECONDS_PER_HOUR);
  last = g_time_zone_find_interval (self->zone, G_TIME_TYPE_UNIVERSAL, hour * SECONDS_PER_HOUR + SECONDS_PER_HOUR - 1);
  if (first != last)
    return offset_of (self, unix_time);

  g_hash_table_insert (self->offsets, key, GINT_TO_POINTER (g_time_zone_get_offset (self->zone, first)));
  return g_time_zone_get_offset (self->zone, first);
}

/* Days from 1970-01-01 to @year-@month-@day in the proleptic Gregorian calendar: March
 * starts the counted year, so that February's leap day falls at its end. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = floor_divide (y, 400);
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

static guint32
julian_of_days (gint64 days)
{
  return (guint32) CLAMP (days + UNIX_EPOCH_JULIAN, 1, (gint64) G_MAXUINT32);
}

/**
 * tn_local_days_of_unix:
 * @self: a converter
 * @unix_time: a moment
 *
 * Returns: the Julian day (as g_date_get_julian() counts) of @unix_time in the zone
 */
guint32
tn_local_days_of_unix (TnLocalDays *self,
                       gint64       unix_time)
{
  g_return_val_if_fail (self != NULL, 1);

  return julian_of_days (floor_divide (unix_time + offset_at (self, unix_time), SECONDS_PER_DAY));
}

/**
 * tn_local_days_midnight:
 * @self: a converter
 * @julian_day: a Julian day, 1 or more
 *
 * Returns: the unix time of the day's midnight in the zone (where a daylight-saving change
 *   skips midnight, the moment g_date_time_new() takes for it); 0 for no valid day
 */
gint64
tn_local_days_midnight (TnLocalDays *self,
                        guint32      julian_day)
{
  g_autoptr(GDateTime) midnight = NULL;
  gpointer key = GUINT_TO_POINTER (julian_day);
  gint64 *value;
  GDate date;

  g_return_val_if_fail (self != NULL, 0);

  if (!g_date_valid_julian (julian_day))
    return 0;

  value = g_hash_table_lookup (self->midnights, key);
  if (value != NULL)
    return *value;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  midnight = g_date_time_new (self->zone, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              0, 0, 0);
  value = g_new (gint64, 1);
  *value = midnight != NULL ? g_date_time_to_unix (midnight) : 0;
  g_hash_table_insert (self->midnights, key, value);
  return *value;
}

/**
 * tn_local_days_of_date_time:
 * @when: a moment
 *
 * Returns: the Julian day of @when's date as it is given, in its own zone, with no
 *   time-zone look-up
 */
guint32
tn_local_days_of_date_time (GDateTime *when)
{
  int year, month, day;

  g_return_val_if_fail (when != NULL, 1);

  g_date_time_get_ymd (when, &year, &month, &day);
  return julian_of_days (days_from_civil (year, month, day));
}

static gboolean
is_digits (const char *text,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/**
 * tn_local_days_parse:
 * @text: (nullable): a day "YYYY-MM-DD", as the store writes them ("2026-1-5" is read too)
 *
 * Returns: its Julian day, or 0 when @text is not a valid day
 */
guint32
tn_local_days_parse (const char *text)
{
  int year, month, day;

  if (text == NULL)
    return 0;

  /* The store's own form, read without sscanf(): 100,000 of them are parsed per refresh. */
  if (is_digits (text, 4) && text[4] == '-' && is_digits (text + 5, 2) && text[7] == '-' && is_digits (text + 8, 2))
    {
      year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      month = (text[5] - '0') * 10 + (text[6] - '0');
      day = (text[8] - '0') * 10 + (text[9] - '0');
    }
  else if (sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return 0;

  /* GDateTime's years, the ones a midnight can be made for. */
  if (year < 1 || year > 9999 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return 0;

  return julian_of_days (days_from_civil (year, month, day));
}
