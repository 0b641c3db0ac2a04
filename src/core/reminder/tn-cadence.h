/* tn-cadence.h — how often to keep in touch with a contact, and whether they are
 * overdue: the rule the contacts page's "Overdue" filter, the reminder and the
 * dashboard share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-contact.h"

G_BEGIN_DECLS

/**
 * TnCadence:
 * @tier_weeks: the keep-in-touch interval in weeks for trust 1, 2 and 3, in that order
 *
 * The defaults per trust rating, from Preferences. A contact's own interval
 * (tn_contact_get_cadence_weeks()) wins over its tier's.
 */
typedef struct
{
  int tier_weeks[3];
} TnCadence;

void      tn_cadence_init_from_settings (TnCadence       *cadence,
                                         GSettings       *settings);
int       tn_cadence_weeks_for          (const TnCadence *cadence,
                                         TnContact       *contact);
int       tn_cadence_weeks_for_trust    (const TnCadence *cadence,
                                         TnTrust          trust);
int       tn_cadence_days_since_contact (TnContact       *contact,
                                         GDateTime       *now);
gboolean  tn_cadence_is_overdue         (const TnCadence *cadence,
                                         TnContact       *contact,
                                         GDateTime       *now);
int       tn_cadence_days_between       (GDateTime       *since,
                                         GDateTime       *now);
gboolean  tn_cadence_has_passed         (int              weeks,
                                         int              days_since,
                                         int              times);
int       tn_cadence_days_until_due     (int              weeks,
                                         int              days_since);

/**
 * TnCadenceCutoffs:
 * @today: ?1 of tn_cadence_passed_sql(), the local day, "YYYY-MM-DD"
 * @last_met_by: ?2 to ?4, per rating 1 to 3: met on this day or before, the interval
 *   has passed; %NULL (bind NULL) when the rating has no interval
 * @added_before: ?5 to ?7, per rating: added before this unix time (the local midnight
 *   after the day of @last_met_by) and never met, the interval has passed
 *
 * The parameters of tn_cadence_passed_sql(), for tn_cadence_cutoffs_init()'s day.
 */
typedef struct
{
  char   *today;
  char   *last_met_by[3];
  gint64  added_before[3];
} TnCadenceCutoffs;

char     *tn_cadence_passed_sql         (int               times);
void      tn_cadence_cutoffs_init       (TnCadenceCutoffs *cutoffs,
                                         const TnCadence  *cadence,
                                         GDateTime        *now,
                                         int               times);
void      tn_cadence_cutoffs_clear      (TnCadenceCutoffs *cutoffs);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnCadenceCutoffs, tn_cadence_cutoffs_clear)

G_END_DECLS
