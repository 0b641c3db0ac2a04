/* tn-trust-counts.h — how many contacts there are per trust rating, and how many are
 * overdue: the one count the contacts page's filter bar and the dashboard's figures share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-cadence.h"
#include "tn-trust.h"

G_BEGIN_DECLS

/**
 * TnTrustCounts:
 * @n_contacts: every contact counted, whatever its rating
 * @by_trust: contacts per rating, indexed by #TnTrust: [0] the unrated, [1] to [3] the 1s to 3s
 * @n_overdue: contacts whose keep-in-touch interval has passed (tn_cadence_is_overdue());
 *   only tn_trust_counts_count_model() fills it
 *
 * A rating outside #TnTrust (a database written by hand) counts in @n_contacts only.
 */
typedef struct
{
  guint n_contacts;
  guint by_trust[TN_TRUST_N_RATINGS];
  guint n_overdue;
} TnTrustCounts;

gboolean  tn_trust_counts_add         (TnTrustCounts   *counts,
                                       int              trust,
                                       guint            n);
void      tn_trust_counts_remove      (TnTrustCounts   *counts,
                                       int              trust,
                                       guint            n);
void      tn_trust_counts_count_model (TnTrustCounts   *counts,
                                       GListModel      *contacts,
                                       const TnCadence *cadence,
                                       GDateTime       *now);

G_END_DECLS
