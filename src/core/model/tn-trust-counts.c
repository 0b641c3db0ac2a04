/* tn-trust-counts.c — contacts counted per trust rating. The contacts page counts its
 * in-memory list and the figures count with SQL, but both put a rating in its bucket here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-trust-counts"

#include "config.h"

#include "tn-contact.h"
#include "tn-trust-counts.h"

/**
 * tn_trust_counts_add:
 * @counts: the counts to add to
 * @trust: a rating as stored, 0 (unrated) to 3; any other value is counted as a contact only
 * @n: how many contacts have it
 *
 * The one place that says which bucket a rating goes to.
 *
 * Returns: %TRUE when @trust is a rating and was counted in its bucket
 */
gboolean
tn_trust_counts_add (TnTrustCounts *counts,
                     int            trust,
                     guint          n)
{
  g_return_val_if_fail (counts != NULL, FALSE);

  counts->n_contacts += n;
  if (!tn_trust_is_valid (trust))
    return FALSE;

  counts->by_trust[trust] += n;
  return TRUE;
}

/**
 * tn_trust_counts_remove:
 * @counts: the counts to take from
 * @trust: a rating as stored, as given to tn_trust_counts_add()
 * @n: how many contacts with it are no longer counted
 *
 * Takes back what tn_trust_counts_add() counted, from the same buckets.
 */
void
tn_trust_counts_remove (TnTrustCounts *counts,
                        int            trust,
                        guint          n)
{
  g_return_if_fail (counts != NULL);
  g_return_if_fail (counts->n_contacts >= n);
  g_return_if_fail (!tn_trust_is_valid (trust) || counts->by_trust[trust] >= n);

  counts->n_contacts -= n;
  if (tn_trust_is_valid (trust))
    counts->by_trust[trust] -= n;
}

/**
 * tn_trust_counts_count_model:
 * @counts: (out caller-allocates): the counts to fill; what they held is replaced
 * @contacts: (nullable): a #GListModel of #TnContact, or %NULL for none
 * @cadence: the defaults per trust rating, for the overdue count
 * @now: the current time, in local time
 *
 * Counts @contacts per rating, and the overdue among them by the cadence's one rule.
 */
void
tn_trust_counts_count_model (TnTrustCounts   *counts,
                             GListModel      *contacts,
                             const TnCadence *cadence,
                             GDateTime       *now)
{
  guint n_items;

  g_return_if_fail (counts != NULL);

  *counts = (TnTrustCounts) { 0 };
  g_return_if_fail (contacts == NULL || G_IS_LIST_MODEL (contacts));
  g_return_if_fail (cadence != NULL);
  g_return_if_fail (now != NULL);
  if (contacts == NULL)
    return;

  n_items = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      tn_trust_counts_add (counts, tn_contact_get_trust (contact), 1);
      if (tn_cadence_is_overdue (cadence, contact, now))
        counts->n_overdue++;
    }
}
