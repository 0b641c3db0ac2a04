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

G_END_DECLS
