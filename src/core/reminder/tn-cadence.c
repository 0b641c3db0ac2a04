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

#include <stdio.h>

#include "tn-cadence.h"

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

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int year, month, mday;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return FALSE;

  g_date_set_dmy (day, mday, month, year);
  return TRUE;
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
  int year, month, mday;

  g_return_val_if_fail (TN_IS_CONTACT (contact), 0);
  g_return_val_if_fail (now != NULL, 0);

  g_date_time_get_ymd (now, &year, &month, &mday);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, mday, month, year);
  g_date_clear (&since, 1);

  if (!parse_day (tn_contact_get_last_contact (contact), &since))
    {
      GDateTime *added = tn_contact_get_created_at (contact);

      if (added == NULL)
        return 0;

      g_date_time_get_ymd (added, &year, &month, &mday);
      g_date_set_dmy (&since, mday, month, year);
    }

  return MAX (g_date_days_between (&since, &today), 0);
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
  int weeks;

  g_return_val_if_fail (cadence != NULL, FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  weeks = tn_cadence_weeks_for (cadence, contact);
  return weeks > 0 && tn_cadence_days_since_contact (contact, now) >= weeks * 7;
}
