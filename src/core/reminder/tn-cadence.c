/* tn-cadence.c — a contact's keep-in-touch interval and whether it has passed.
 *
 * Overdue is counted in whole days from the last logged contact, or from the day
 * the contact was added if there is none: an interval of 4 weeks has passed on the
 * 28th day after. Whole days keep the answer the same at any hour of the day and
 * across daylight-saving changes, and need no time-zone lookup per contact, which
 * matters when the contacts page filters 100,000 of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-cadence"

#include "config.h"

#include <string.h>

#include "tn-cadence.h"
#include "tn-local-days.h"

/**
 * tn_cadence_init_from_settings:
 * @cadence: (out caller-allocates): the defaults to fill
 * @settings: the app's settings (schema org.example.TrustNet)
 *
 * Reads the cadence-weeks-completely, -moderately and -vaguely keys.
 */
void
tn_cadence_init_from_settings (TnCadence *cadence,
                               GSettings *settings)
{
  g_return_if_fail (cadence != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  cadence->tier_weeks[0] = g_settings_get_int (settings, "cadence-weeks-completely");
  cadence->tier_weeks[1] = g_settings_get_int (settings, "cadence-weeks-moderately");
  cadence->tier_weeks[2] = g_settings_get_int (settings, "cadence-weeks-vaguely");
}

/**
 * tn_cadence_weeks_for:
 * @cadence: the defaults per trust rating
 * @contact: a contact
 *
 * Returns: the weeks that may pass between two meetings with @contact: its own interval
 *   if it has one, else its trust rating's; 0 (none) for an unrated contact without one
 */
int
tn_cadence_weeks_for (const TnCadence *cadence,
                      TnContact       *contact)
{
  g_return_val_if_fail (cadence != NULL, 0);
  g_return_val_if_fail (TN_IS_CONTACT (contact), 0);

  if (tn_contact_get_cadence_weeks (contact) > 0)
    return tn_contact_get_cadence_weeks (contact);

  return tn_cadence_weeks_for_trust (cadence, tn_contact_get_trust (contact));
}

/**
 * tn_cadence_weeks_for_trust:
 * @cadence: the defaults per trust rating
 * @trust: a rating
 *
 * Returns: the rating's default interval in weeks; 0 (none) for %TN_TRUST_UNRATED
 */
int
tn_cadence_weeks_for_trust (const TnCadence *cadence,
                            TnTrust          trust)
{
  g_return_val_if_fail (cadence != NULL, 0);

  if (trust < TN_TRUST_COMPLETELY || trust > TN_TRUST_VAGUELY)
    return 0;

  return MAX (cadence->tier_weeks[trust - TN_TRUST_COMPLETELY], 0);
}

/* The store's "YYYY-MM-DD", read without sscanf(): the contacts page asks for 100,000. */
static gboolean
parse_day (const char *text,
           GDate      *day)
{
  guint32 julian = tn_local_days_parse (text);

  if (julian == 0)
    return FALSE;

  g_date_set_julian (day, julian);
  return TRUE;
}

/* The local calendar day of @when as it is given, with no time-zone lookup. */
static void
day_of (GDateTime *when,
        GDate     *day)
{
  int year, month, mday;

  g_date_time_get_ymd (when, &year, &month, &mday);
  g_date_clear (day, 1);
  g_date_set_dmy (day, mday, month, year);
}

/* The days after which an interval of @weeks has passed @times times: the rule itself,
 * which the C functions and the SQL below all take from here. */
static int
interval_days (int weeks,
               int times)
{
  return times * 7 * weeks;
}

/**
 * tn_cadence_has_passed:
 * @weeks: a keep-in-touch interval in weeks; 0 or less means none
 * @days_since: whole days since the last contact (tn_cadence_days_between())
 * @times: how many intervals: 1 for overdue, 2 for "lost touch"
 *
 * The one overdue rule: the contacts page, the reminder and the dashboard's figures
 * (through tn_cadence_passed_sql()) all follow it.
 *
 * Returns: %TRUE when @days_since reaches @times intervals; never without an interval
 */
gboolean
tn_cadence_has_passed (int weeks,
                       int days_since,
                       int times)
{
  return weeks > 0 && days_since >= interval_days (weeks, times);
}

/**
 * tn_cadence_days_until_due:
 * @weeks: a keep-in-touch interval in weeks, more than 0
 * @days_since: whole days since the last contact
 *
 * Returns: the days left until tn_cadence_has_passed() says overdue; 0 or less once it does
 */
int
tn_cadence_days_until_due (int weeks,
                           int days_since)
{
  return interval_days (weeks, 1) - days_since;
}

/**
 * tn_cadence_days_between:
 * @since: the last contact, in local time
 * @now: the current time, in local time
 *
 * Returns: whole calendar days from @since's day to @now's; never less than 0
 */
int
tn_cadence_days_between (GDateTime *since,
                         GDateTime *now)
{
  GDate since_day, today;

  g_return_val_if_fail (since != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  day_of (since, &since_day);
  day_of (now, &today);
  return MAX (g_date_days_between (&since_day, &today), 0);
}

/**
 * tn_cadence_days_since_contact:
 * @contact: a contact
 * @now: the current time, in local time
 *
 * Returns: whole days from the last logged contact to @now's day, or from the day
 *   @contact was added if there is none; never less than 0
 */
int
tn_cadence_days_since_contact (TnContact *contact,
                               GDateTime *now)
{
  GDate today, since;
  GDateTime *added;

  g_return_val_if_fail (TN_IS_CONTACT (contact), 0);
  g_return_val_if_fail (now != NULL, 0);

  day_of (now, &today);
  g_date_clear (&since, 1);
  if (parse_day (tn_contact_get_last_contact (contact), &since))
    return MAX (g_date_days_between (&since, &today), 0);

  added = tn_contact_get_created_at (contact);
  return added != NULL ? tn_cadence_days_between (added, now) : 0;
}

/**
 * tn_cadence_is_overdue:
 * @cadence: the defaults per trust rating
 * @contact: a contact
 * @now: the current time, in local time
 *
 * Returns: %TRUE when @contact's interval (tn_cadence_weeks_for()) has passed since the
 *   last logged contact, or since it was added if never; never for a contact without one
 */
gboolean
tn_cadence_is_overdue (const TnCadence *cadence,
                       TnContact       *contact,
                       GDateTime       *now)
{
  g_return_val_if_fail (cadence != NULL, FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return tn_cadence_has_passed (tn_cadence_weeks_for (cadence, contact),
                                tn_cadence_days_since_contact (contact, now), 1);
}

/**
 * tn_cadence_passed_sql:
 * @times: how many intervals, as for tn_cadence_has_passed()
 *
 * tn_cadence_has_passed() as an SQL condition over a row of the store's contacts table
 * (its trust, cadence_weeks, last_met "YYYY-MM-DD" and created_at unix time columns),
 * with the parameters ?1 to ?7 of #TnCadenceCutoffs. For the intervals of the ratings
 * the cut-offs are bound, so that the condition compares columns of one index and calls
 * no date function; a contact's own interval, which few have, is computed.
 *
 * Returns: (transfer full): the condition
 */
char *
tn_cadence_passed_sql (int times)
{
  return g_strdup_printf ("CASE WHEN cadence_weeks > 0"
                          "       THEN julianday (?1) - julianday (coalesce (last_met,"
                          "              date (created_at, 'unixepoch', 'localtime')))"
                          "            >= %d * cadence_weeks"
                          "     WHEN last_met IS NOT NULL"
                          "       THEN last_met <= CASE trust WHEN 1 THEN ?2 WHEN 2 THEN ?3 ELSE ?4 END"
                          "     ELSE created_at < CASE trust WHEN 1 THEN ?5 WHEN 2 THEN ?6 ELSE ?7 END END",
                          interval_days (1, times));
}

/**
 * tn_cadence_cutoffs_init:
 * @cutoffs: (out caller-allocates): the parameters to fill; free with
 *   tn_cadence_cutoffs_clear()
 * @cadence: the defaults per trust rating
 * @now: the current time, in local time
 * @times: how many intervals, as for tn_cadence_passed_sql()
 */
void
tn_cadence_cutoffs_init (TnCadenceCutoffs *cutoffs,
                         const TnCadence  *cadence,
                         GDateTime        *now,
                         int               times)
{
  g_return_if_fail (cutoffs != NULL);
  g_return_if_fail (cadence != NULL);
  g_return_if_fail (now != NULL);

  memset (cutoffs, 0, sizeof *cutoffs);
  cutoffs->today = g_date_time_format (now, "%Y-%m-%d");
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) last_day = NULL;
      g_autoptr(GDateTime) after = NULL;
      g_autoptr(GDateTime) midnight = NULL;
      int days = interval_days (cadence->tier_weeks[i], times);

      if (cadence->tier_weeks[i] <= 0)
        continue;

      last_day = g_date_time_add_days (now, -days);
      cutoffs->last_met_by[i] = g_date_time_format (last_day, "%Y-%m-%d");
      /* Added on the cut-off day or before: before the next day's local midnight. */
      after = g_date_time_add_days (now, 1 - days);
      midnight = g_date_time_new_local (g_date_time_get_year (after), g_date_time_get_month (after),
                                        g_date_time_get_day_of_month (after), 0, 0, 0);
      cutoffs->added_before[i] = g_date_time_to_unix (midnight);
    }
}

/**
 * tn_cadence_cutoffs_clear:
 * @cutoffs: parameters filled by tn_cadence_cutoffs_init()
 */
void
tn_cadence_cutoffs_clear (TnCadenceCutoffs *cutoffs)
{
  g_return_if_fail (cutoffs != NULL);

  g_clear_pointer (&cutoffs->today, g_free);
  for (int i = 0; i < 3; i++)
    g_clear_pointer (&cutoffs->last_met_by[i], g_free);
}
