/* tn-reminder.h — when the weekly "Lunch with someone this week" reminder is due,
 * and whom it suggests: pure functions of an injected clock, no I/O.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TnReminderState:
 * @sent_year: ISO week-numbering year of the last reminder sent, 0 if never
 * @sent_week: ISO week of the last reminder sent, 0 if never
 * @snoozed_until: unix time "Remind me tomorrow" asked for, 0 if none
 * @lunch_this_week: a lunch or coffee is logged in the current ISO week
 * @enabled: reminders are turned on
 *
 * What the caller knows from the database and settings. After sending, the caller
 * records the current week in @sent_year/@sent_week and clears @snoozed_until;
 * "Remind me tomorrow" only sets @snoozed_until.
 */
typedef struct
{
  int      sent_year;
  int      sent_week;
  gint64   snoozed_until;
  gboolean lunch_this_week;
  gboolean enabled;
} TnReminderState;

/**
 * TnReminderVerdict:
 * @TN_REMINDER_DUE: send it now
 * @TN_REMINDER_NOT_YET: this week's weekday and hour have not come yet
 * @TN_REMINDER_ALREADY_SENT: it was already sent this ISO week
 * @TN_REMINDER_SNOOZED: "Remind me tomorrow" has not run out yet
 * @TN_REMINDER_LUNCH_LOGGED: a lunch or coffee is already logged this week
 * @TN_REMINDER_DISABLED: reminders are turned off
 */
typedef enum
{
  TN_REMINDER_DUE,
  TN_REMINDER_NOT_YET,
  TN_REMINDER_ALREADY_SENT,
  TN_REMINDER_SNOOZED,
  TN_REMINDER_LUNCH_LOGGED,
  TN_REMINDER_DISABLED,
} TnReminderVerdict;

/**
 * TnReminderCandidate:
 * @id: the contact's database id, > 0
 * @name: the name to show
 * @trust: the contact's trust rating, 0 (unrated) to 3
 * @last_met: unix time of the last logged interaction, 0 if never
 * @added_at: unix time the contact was added
 * @cadence_weeks: the keep-in-touch interval; 0 or less means none
 */
typedef struct
{
  gint64      id;
  const char *name;
  int         trust;
  gint64      last_met;
  gint64      added_at;
  int         cadence_weeks;
} TnReminderCandidate;

/**
 * TnReminderReason:
 * @TN_REMINDER_REASON_NO_CANDIDATES: there is no one at all (invite an import)
 * @TN_REMINDER_REASON_ALL_MET_THIS_WEEK: everyone was already met this week
 * @TN_REMINDER_REASON_COULD_BECOME_COMPLETELY: an overdue 2, on an odd week
 * @TN_REMINDER_REASON_OVERDUE_COMPLETELY: an overdue 1
 * @TN_REMINDER_REASON_COMPLETELY: a 1, not met for the longest
 * @TN_REMINDER_REASON_LONGEST: anyone, not met for the longest
 * @TN_REMINDER_REASON_CHANGED_JOBS: a 1 who changed jobs in the last
 *   %TN_SUGGESTION_JOB_CHANGE_DAYS days and was not met since (see tn-suggestion.c)
 */
typedef enum
{
  TN_REMINDER_REASON_NO_CANDIDATES,
  TN_REMINDER_REASON_ALL_MET_THIS_WEEK,
  TN_REMINDER_REASON_COULD_BECOME_COMPLETELY,
  TN_REMINDER_REASON_OVERDUE_COMPLETELY,
  TN_REMINDER_REASON_COMPLETELY,
  TN_REMINDER_REASON_LONGEST,
  TN_REMINDER_REASON_CHANGED_JOBS,
} TnReminderReason;

void               tn_reminder_week_of               (GDateTime                 *when,
                                                      int                       *iso_year,
                                                      int                       *iso_week);
gboolean           tn_reminder_is_overdue            (const TnReminderCandidate *candidate,
                                                      GDateTime                 *now);
GDateTime         *tn_reminder_due_time              (GDateTime                 *now,
                                                      int                        weekday,
                                                      int                        hour);
GDateTime         *tn_reminder_next_check            (GDateTime                 *now,
                                                      int                        weekday,
                                                      int                        hour);
TnReminderVerdict  tn_reminder_check                 (const TnReminderState     *state,
                                                      GDateTime                 *now,
                                                      int                        weekday,
                                                      int                        hour);
const char        *tn_reminder_verdict_describe      (TnReminderVerdict          verdict);
gint64             tn_reminder_suggest               (const TnReminderCandidate *candidates,
                                                      guint                      n,
                                                      GDateTime                 *now,
                                                      guint                      skip,
                                                      TnReminderReason          *reason);
int                tn_reminder_count_gap             (int                        days,
                                                      gboolean                  *in_weeks);
char              *tn_reminder_describe_suggestion   (const char                *name,
                                                      int                        trust,
                                                      gint64                     last_met,
                                                      GDateTime                 *now);

G_END_DECLS
