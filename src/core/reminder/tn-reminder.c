/* tn-reminder.c — the weekly reminder's schedule and its "who next" rule, as pure
 * functions of a clock passed in, so every date can be tested.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-reminder"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-cadence.h"
#include "tn-local-days.h"
#include "tn-reminder.h"

/* The local calendar date of @when. */
static void
local_date (GDateTime *when,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The Monday that starts @when's ISO week, in local time. */
static void
week_monday (GDateTime *when,
             GDate     *monday)
{
  local_date (when, monday);
  g_date_subtract_days (monday, (guint) g_date_get_weekday (monday) - 1);
}

/* Built from the wall-clock date and hour, never by adding seconds, so a week with a
 * DST change still lands on the configured hour. */
static GDateTime *
new_local_at (const GDate *date,
              int          hour)
{
  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                hour, 0, 0);
}

static GDateTime *
due_in_week_of (const GDate *monday,
                int          weekday,
                int          hour)
{
  GDate day = *monday;

  g_date_add_days (&day, (guint) (weekday - 1));
  return new_local_at (&day, hour);
}

/**
 * tn_reminder_week_of:
 * @when: a moment
 * @iso_year: (out): the ISO 8601 week-numbering year, in local time
 * @iso_week: (out): the ISO 8601 week, 1 to 53, in local time
 *
 * 2026-12-31 and 2027-01-03 are both in 2026-W53; 2027-01-04 starts 2027-W01.
 */
void
tn_reminder_week_of (GDateTime *when,
                     int       *iso_year,
                     int       *iso_week)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (when != NULL);
  g_return_if_fail (iso_year != NULL);
  g_return_if_fail (iso_week != NULL);

  local = g_date_time_to_local (when);
  *iso_year = g_date_time_get_week_numbering_year (local);
  *iso_week = g_date_time_get_week_of_year (local);
}

/* Whether @candidate is overdue on @today (a Julian day): its cadence counted in whole
 * days from the local day of its last meeting, or of when it was added, in @days' zone. */
static gboolean
is_overdue_on (const TnReminderCandidate *candidate,
               TnLocalDays               *days,
               guint32                    today)
{
  gint64 since = candidate->last_met != 0 ? candidate->last_met : candidate->added_at;

  if (candidate->cadence_weeks <= 0)
    return FALSE;

  return tn_cadence_has_passed (candidate->cadence_weeks,
                                (int) MAX ((gint64) today - tn_local_days_of_unix (days, since), 0), 1);
}

/**
 * tn_reminder_is_overdue:
 * @candidate: a contact
 * @now: the current time
 *
 * Returns: %TRUE when the contact's cadence has passed, in whole days, since it was last
 *   met, or since it was added if never met, by tn_cadence_has_passed(), so that the
 *   reminder and the contacts page's "Overdue" agree on everyone.
 */
gboolean
tn_reminder_is_overdue (const TnReminderCandidate *candidate,
                        GDateTime                 *now)
{
  g_autoptr(TnLocalDays) days = NULL;

  g_return_val_if_fail (candidate != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  days = tn_local_days_new (NULL);
  return is_overdue_on (candidate, days, tn_local_days_of_date_time (now));
}

/**
 * tn_reminder_due_time:
 * @now: the current time
 * @weekday: the configured day, 1 (Monday) to 7 (Sunday)
 * @hour: the configured hour, 0 to 23
 *
 * Returns: (transfer full): the moment the reminder falls due in @now's ISO week,
 *   in local time
 */
GDateTime *
tn_reminder_due_time (GDateTime *now,
                      int        weekday,
                      int        hour)
{
  GDate monday;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  g_return_val_if_fail (hour >= 0 && hour <= 23, NULL);

  week_monday (now, &monday);
  return due_in_week_of (&monday, weekday, hour);
}

/**
 * tn_reminder_next_check:
 * @now: the current time
 * @weekday: the configured day, 1 (Monday) to 7 (Sunday)
 * @hour: the configured hour, 0 to 23
 *
 * When a background process should look again: this week's due time if it is still
 * ahead, else next week's. The caller may wake up earlier (say, hourly) to survive
 * suspend and clock changes.
 *
 * Returns: (transfer full): a moment strictly after @now
 */
GDateTime *
tn_reminder_next_check (GDateTime *now,
                        int        weekday,
                        int        hour)
{
  g_autoptr(GDateTime) due = NULL;
  GDate monday;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  g_return_val_if_fail (hour >= 0 && hour <= 23, NULL);

  week_monday (now, &monday);
  due = due_in_week_of (&monday, weekday, hour);
  if (g_date_time_compare (now, due) < 0)
    return g_steal_pointer (&due);

  g_date_add_days (&monday, 7);
  return due_in_week_of (&monday, weekday, hour);
}

/**
 * tn_reminder_check:
 * @state: what was sent, snoozed and logged
 * @now: the current time
 * @weekday: the configured day, 1 (Monday) to 7 (Sunday)
 * @hour: the configured hour, 0 to 23
 *
 * Decides, in this order: turned off; a lunch is logged this week; before this week's
 * due time; snoozed until later; already sent this week — unless a snooze set after
 * sending ran out during this week, which makes it due again; otherwise due.
 *
 * Returns: the verdict
 */
TnReminderVerdict
tn_reminder_check (const TnReminderState *state,
                   GDateTime             *now,
                   int                    weekday,
                   int                    hour)
{
  g_autoptr(GDateTime) due = NULL;
  int year, week;

  g_return_val_if_fail (state != NULL, TN_REMINDER_DISABLED);
  g_return_val_if_fail (now != NULL, TN_REMINDER_DISABLED);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, TN_REMINDER_DISABLED);
  g_return_val_if_fail (hour >= 0 && hour <= 23, TN_REMINDER_DISABLED);

  if (!state->enabled)
    return TN_REMINDER_DISABLED;

  if (state->lunch_this_week)
    return TN_REMINDER_LUNCH_LOGGED;

  due = tn_reminder_due_time (now, weekday, hour);
  if (g_date_time_compare (now, due) < 0)
    return TN_REMINDER_NOT_YET;

  if (state->snoozed_until > g_date_time_to_unix (now))
    return TN_REMINDER_SNOOZED;

  tn_reminder_week_of (now, &year, &week);
  if (state->sent_year == year && state->sent_week == week)
    {
      if (state->snoozed_until != 0)
        {
          g_autoptr(GDateTime) woke = g_date_time_new_from_unix_local (state->snoozed_until);
          int woke_year, woke_week;

          tn_reminder_week_of (woke, &woke_year, &woke_week);
          if (woke_year == year && woke_week == week)
            return TN_REMINDER_DUE;
        }
      return TN_REMINDER_ALREADY_SENT;
    }

  return TN_REMINDER_DUE;
}

/**
 * tn_reminder_verdict_describe:
 * @verdict: a verdict of tn_reminder_check()
 *
 * Returns: what `trustnet --remind` prints when it sends nothing
 */
const char *
tn_reminder_verdict_describe (TnReminderVerdict verdict)
{
  switch (verdict)
    {
    case TN_REMINDER_DUE:
      return _("due");
    case TN_REMINDER_NOT_YET:
      return _("not due: this week's reminder time has not come yet");
    case TN_REMINDER_ALREADY_SENT:
      return _("not due: already sent this week");
    case TN_REMINDER_SNOOZED:
      return _("not due: snoozed until later");
    case TN_REMINDER_LUNCH_LOGGED:
      return _("not due: lunch already logged this week");
    case TN_REMINDER_DISABLED:
      return _("not due: reminders are turned off");
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  const TnReminderCandidate *candidate;
  TnReminderReason           reason;
  gboolean                   overdue;
} Ranked;

/* Longest without meeting first: the never met (oldest added first), then by the last
 * meeting, oldest first; ties by id. */
static int
compare_longest (const TnReminderCandidate *a,
                 const TnReminderCandidate *b)
{
  gboolean a_never = a->last_met == 0;
  gboolean b_never = b->last_met == 0;
  gint64 a_key = a_never ? a->added_at : a->last_met;
  gint64 b_key = b_never ? b->added_at : b->last_met;

  if (a_never != b_never)
    return a_never ? -1 : 1;
  if (a_key != b_key)
    return a_key < b_key ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  return 0;
}

static int
compare_ranked (const void *pa,
                const void *pb)
{
  const Ranked *a = pa;
  const Ranked *b = pb;

  /* The reasons are declared in order of preference. */
  if (a->reason != b->reason)
    return a->reason < b->reason ? -1 : 1;
  return compare_longest (a->candidate, b->candidate);
}

/**
 * tn_reminder_suggest:
 * @candidates: (array length=n): every contact
 * @n: the number of @candidates
 * @now: the current time
 * @skip: how many times "Someone else" was pressed
 * @reason: (out) (optional): why the returned contact was chosen
 *
 * The rule:
 *
 * 1. Never anyone met this ISO week (a @last_met on or after this week's local Monday
 *    00:00), so a lunch just logged never earns a reminder about the same person.
 * 2. "Not met for longest" order, used within every step below: the never met first
 *    (oldest added first), then by last meeting, oldest first; ties by smaller id.
 * 3. On odd ISO weeks, the first overdue 2 in that order goes first: someone who could
 *    become a 1. Overdue means @cadence_weeks have passed since @last_met, or since
 *    @added_at if never met.
 * 4. Then the overdue 1s; then the other 1s; then everyone else (including the other
 *    overdue 2s and the unrated).
 * 5. @skip picks the (@skip)th person of that order, wrapping around at the end.
 *
 * Returns: the chosen contact's id, or 0 when there is no one to suggest: @reason then
 *   says whether there are no contacts at all (invite an import) or everyone was met
 *   this week.
 */
gint64
tn_reminder_suggest (const TnReminderCandidate *candidates,
                     guint                      n,
                     GDateTime                 *now,
                     guint                      skip,
                     TnReminderReason          *reason)
{
  g_autofree Ranked *ranked = NULL;
  g_autoptr(GDateTime) week_start = NULL;
  g_autoptr(TnLocalDays) days = NULL;
  const Ranked *chosen;
  Ranked *promoted = NULL;
  gint64 week_start_unix;
  guint32 today;
  GDate monday;
  guint n_ranked = 0;
  int year, week;

  g_return_val_if_fail (candidates != NULL || n == 0, 0);
  g_return_val_if_fail (now != NULL, 0);

  if (n == 0)
    {
      if (reason != NULL)
        *reason = TN_REMINDER_REASON_NO_CANDIDATES;
      return 0;
    }

  week_monday (now, &monday);
  week_start = new_local_at (&monday, 0);
  week_start_unix = g_date_time_to_unix (week_start);
  tn_reminder_week_of (now, &year, &week);

  /* One zone for every candidate's day: a GDateTime each was most of a dashboard refresh. */
  days = tn_local_days_new (NULL);
  today = tn_local_days_of_date_time (now);

  ranked = g_new0 (Ranked, n);
  for (guint i = 0; i < n; i++)
    {
      const TnReminderCandidate *c = &candidates[i];
      Ranked *r;

      if (c->last_met != 0 && c->last_met >= week_start_unix)
        continue;

      r = &ranked[n_ranked++];
      r->candidate = c;
      r->overdue = is_overdue_on (c, days, today);
      if (c->trust == 1)
        r->reason = r->overdue ? TN_REMINDER_REASON_OVERDUE_COMPLETELY
                               : TN_REMINDER_REASON_COMPLETELY;
      else
        r->reason = TN_REMINDER_REASON_LONGEST;

      /* On odd weeks, the overdue 2 not met for longest goes first. */
      if (week % 2 == 1 && c->trust == 2 && r->overdue &&
          (promoted == NULL || compare_longest (c, promoted->candidate) < 0))
        promoted = r;
    }

  if (n_ranked == 0)
    {
      if (reason != NULL)
        *reason = TN_REMINDER_REASON_ALL_MET_THIS_WEEK;
      return 0;
    }

  /* The reasons are declared in order of preference: this one sorts before all others. */
  if (promoted != NULL)
    promoted->reason = TN_REMINDER_REASON_COULD_BECOME_COMPLETELY;

  /* The first in the order is the smallest: no need to sort 100,000 people for it. */
  if (skip % n_ranked == 0)
    {
      chosen = &ranked[0];
      for (guint i = 1; i < n_ranked; i++)
        if (compare_ranked (&ranked[i], chosen) < 0)
          chosen = &ranked[i];
    }
  else
    {
      qsort (ranked, n_ranked, sizeof *ranked, compare_ranked);
      chosen = &ranked[skip % n_ranked];
    }

  if (reason != NULL)
    *reason = chosen->reason;
  return chosen->candidate->id;
}

/**
 * tn_reminder_count_gap:
 * @days: how many calendar days ago
 * @in_weeks: (out): whether the count is in weeks rather than days
 *
 * How long ago, counted the one way every card and notification says it: days under a
 * week, whole weeks after (never months, so that "23 weeks" is never "5 months" elsewhere).
 *
 * Returns: the number of days or weeks
 */
int
tn_reminder_count_gap (int       days,
                       gboolean *in_weeks)
{
  g_return_val_if_fail (in_weeks != NULL, 0);

  *in_weeks = days >= 7;
  return *in_weeks ? days / 7 : MAX (days, 0);
}

/**
 * tn_reminder_describe_suggestion:
 * @name: the suggested contact's name
 * @trust: the contact's trust rating, 0 (unrated) to 3
 * @last_met: unix time of the last meeting, 0 if never
 * @now: the current time
 *
 * Returns: (transfer full): the notification body, for example
 *   "Ada Lovelace trusts you completely — you last met 9 weeks ago."
 */
char *
tn_reminder_describe_suggestion (const char *name,
                                 int         trust,
                                 gint64      last_met,
                                 GDateTime  *now)
{
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (trust)
    {
    case 1:
      who = g_strdup_printf (_("%s trusts you completely"), name);
      break;
    case 2:
      who = g_strdup_printf (_("%s trusts you moderately"), name);
      break;
    case 3:
      who = g_strdup_printf (_("%s trusts you vaguely"), name);
      break;
    default:
      who = g_strdup (name);
      break;
    }

  if (last_met == 0)
    {
      when = g_strdup (_("you have not met yet"));
    }
  else
    {
      g_autoptr(GDateTime) met = g_date_time_new_from_unix_local (last_met);
      GDate met_date, today;
      int days;

      /* Calendar days, so a DST change in between does not lose one. */
      local_date (met, &met_date);
      local_date (now, &today);

      gboolean in_weeks;
      int count;

      days = g_date_days_between (&met_date, &today);
      count = tn_reminder_count_gap (days, &in_weeks);

      if (days <= 0)
        when = g_strdup (_("you last met today"));
      else if (!in_weeks)
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "you last met %d day ago",
                                             "you last met %d days ago", count),
                                count);
      else
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "you last met %d week ago",
                                             "you last met %d weeks ago", count),
                                count);
    }

  /* Translators: the first %s is who ("Ada Lovelace trusts you completely"), the
   * second is when ("you last met 9 weeks ago"). */
  return g_strdup_printf (_("%s — %s."), who, when);
}
