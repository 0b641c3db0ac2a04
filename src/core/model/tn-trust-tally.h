/* tn-trust-tally.h — counts per rating kept beside a list of contacts, one entry per
 * position: a change of a few contacts moves them between the counts instead of counting
 * every contact again (the contacts page's filter buttons, at 100,000 contacts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tn-trust-counts.h"

G_BEGIN_DECLS

/**
 * TnTallyEntry:
 * @trust: the contact's rating as stored; one outside #TnTrust counts as a contact only
 * @found: whether the search finds the contact
 * @overdue: whether the contact's keep-in-touch interval has passed
 *
 * What a tally counts of one contact.
 */
typedef struct
{
  int trust;
  gboolean found;
  gboolean overdue;
} TnTallyEntry;

typedef struct _TnTrustTally TnTrustTally;

TnTrustTally        *tn_trust_tally_new           (void);
void                 tn_trust_tally_free          (TnTrustTally       *self);
void                 tn_trust_tally_clear         (TnTrustTally       *self);
void                 tn_trust_tally_splice        (TnTrustTally       *self,
                                                   guint               position,
                                                   guint               n_removed,
                                                   const TnTallyEntry *added,
                                                   guint               n_added);
guint                tn_trust_tally_get_n_entries (const TnTrustTally *self);
const TnTrustCounts *tn_trust_tally_get_total     (const TnTrustTally *self);
const TnTrustCounts *tn_trust_tally_get_found     (const TnTrustTally *self,
                                                   gboolean            overdue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnTrustTally, tn_trust_tally_free)

G_END_DECLS
