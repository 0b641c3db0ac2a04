/* tn-stats.h — every figure the dashboard and `trustnet --stats` show, computed
 * with SQL aggregates over a store at a given moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-cadence.h"
#include "tn-store.h"
#include "tn-suggestion.h"

G_BEGIN_DECLS

/* The months of the "Trust over time" chart, the current one last. */
#define TN_STATS_HISTORY_MONTHS 12
/* The weeks of the habits sparkline (91 days), the current one last. */
#define TN_STATS_HABIT_WEEKS 13
/* The days the habit figures count back over, today included. */
#define TN_STATS_HABIT_DAYS 90
/* How many organizations the spread of the 1s names before "others". */
#define TN_STATS_TOP_ORGANIZATIONS 3
/* How many overdue people the figures list by name (all are counted). */
#define TN_STATS_LISTED_OVERDUE 5

/**
 * TnStatsOrganization:
 * @name: the organization as first written, %NULL for the 1s with none
 * @n_trusted: how many 1s work there
 */
typedef struct
{
  char *name;
  guint n_trusted;
} TnStatsOrganization;

/**
 * TnStatsMonth:
 * @year: the year
 * @month: the month, 1 to 12
 * @n_completely: contacts rated 1 at the end of the month (now, for the current one)
 * @n_moderately: contacts rated 2 then
 */
typedef struct
{
  int year;
  int month;
  guint n_completely;
  guint n_moderately;
} TnStatsMonth;

/**
 * TnStatsOverdue:
 * @id: the contact's id
 * @name: the contact's full name
 * @trust: the contact's rating
 * @days_since: whole days since the last contact, or since added when never met
 * @never_met: no interaction was ever logged
 */
typedef struct
{
  gint64 id;
  char *name;
  int trust;
  int days_since;
  gboolean never_met;
} TnStatsOverdue;

/**
 * TnStats:
 * @n_contacts: contacts in the list (removed ones are never counted)
 * @by_trust: contacts per rating, indexed by #TnTrust (0, unrated, to 3), bucketed by
 *   tn_trust_counts_add() as the contacts page counts them
 * @goal: the trusted-contacts goal the figures were computed for
 * @outside_employer: 1s whose organization is not the employer (all 1s when no employer is set)
 * @employer_set: an employer was given
 * @organizations: (element-type TnStatsOrganization): the organizations with the most 1s, at
 *   most %TN_STATS_TOP_ORGANIZATIONS, most first; 1s without an organization are not among them
 * @other_organizations: 1s elsewhere or without an organization
 * @history: the number of 1s and 2s at the end of each of the last months, oldest first
 * @lunches_this_week: lunches and coffees logged in the current ISO week (Monday to Sunday)
 * @week_streak: consecutive ISO weeks with a lunch or coffee, counted back from this week,
 *   or from last week while this week has none yet (the streak is not lost before Sunday)
 * @n_overdue: contacts whose keep-in-touch interval has passed (tn_cadence_is_overdue())
 * @overdue: (element-type TnStatsOverdue): the first %TN_STATS_LISTED_OVERDUE of them: 1s
 *   first, then 2s, 3s and the unrated, each tier the longest unseen first
 * @never_contacted: contacts you rated, added by an import, with no interaction logged since
 *   (the unrated thousands of a large address book would drown the ones that matter)
 * @lost_touch: rated contacts not met for more than twice their interval
 * @interactions_90d: interactions in the last %TN_STATS_HABIT_DAYS days
 * @one_on_one_90d: how many of them were one-on-one
 * @gave_value_90d: how many times you gave something of value in them
 * @per_week: interactions in each of the last 7-day spans ending today, oldest first
 * @brand_statement: the current brand statement, %NULL if none
 * @suggestion: whom to meet this week (tn_suggestion_compute() with no skip), found by
 *   tn_stats_compute_async() only; empty (no body) from tn_stats_compute()
 */
typedef struct
{
  guint n_contacts;
  guint by_trust[TN_TRUST_N_RATINGS];
  int goal;
  guint outside_employer;
  gboolean employer_set;
  GPtrArray *organizations;
  guint other_organizations;
  TnStatsMonth history[TN_STATS_HISTORY_MONTHS];
  guint lunches_this_week;
  guint week_streak;
  guint n_overdue;
  GArray *overdue;
  guint never_contacted;
  guint lost_touch;
  guint interactions_90d;
  guint one_on_one_90d;
  guint gave_value_90d;
  guint per_week[TN_STATS_HABIT_WEEKS];
  char *brand_statement;
  TnSuggestion suggestion;
} TnStats;

TnStats  *tn_stats_compute                (TnStore         *store,
                                           GDateTime       *now,
                                           int              goal,
                                           const char      *employer,
                                           const TnCadence *cadence,
                                           GError         **error);
void      tn_stats_compute_async          (TnStore             *store,
                                           GDateTime           *now,
                                           int                  goal,
                                           const char          *employer,
                                           const TnCadence     *cadence,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
TnStats  *tn_stats_compute_finish         (TnStore             *store,
                                           GAsyncResult        *result,
                                           GError             **error);
void      tn_stats_free                   (TnStats         *stats);

guint     tn_stats_get_trusted            (const TnStats   *stats);
gboolean  tn_stats_goal_reached           (const TnStats   *stats);
double    tn_stats_get_one_on_one_share   (const TnStats   *stats);

gboolean  tn_stats_is_employer            (const char      *organization,
                                           const char      *employer);
char     *tn_stats_describe_trusted       (guint            trusted,
                                           int              goal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnStats, tn_stats_free)

G_END_DECLS
