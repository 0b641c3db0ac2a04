/* tn-trust-tally.c — counts per rating kept beside a list, position by position: what was
 * counted of each contact is remembered, so that the contacts leaving a range are taken
 * back out of exactly the counts they went into, even when the contact object itself
 * comes back changed (a new rating is the same contact removed and added again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-trust-tally"

#include "config.h"

#include <string.h>

#include "tn-trust-tally.h"

/* One byte per contact: the rating (or NOT_A_RATING), FOUND and OVERDUE. */
#define RATING_MASK  0x07
#define NOT_A_RATING 0x07
#define FOUND        0x08
#define OVERDUE      0x10

struct _TnTrustTally
{
  GArray *entries;
  TnTrustCounts total;
  /* Those the search finds: [0] not overdue, [1] overdue. */
  TnTrustCounts found[2];
};

static guint8
pack (const TnTallyEntry *entry)
{
  guint8 rating = tn_trust_is_valid (entry->trust) ? (guint8) entry->trust : NOT_A_RATING;

  return rating | (entry->found ? FOUND : 0) | (entry->overdue ? OVERDUE : 0);
}

/* Counts the contact @packed says, @sign +1, or takes it back out, -1. */
static void
count (TnTrustTally *self,
       guint8        packed,
       int           sign)
{
  int rating = packed & RATING_MASK;
  TnTrustCounts *found = (packed & FOUND) != 0 ? &self->found[(packed & OVERDUE) != 0 ? 1 : 0] : NULL;

  if (sign > 0)
    {
      tn_trust_counts_add (&self->total, rating, 1);
      if (found != NULL)
        tn_trust_counts_add (found, rating, 1);
    }
  else
    {
      tn_trust_counts_remove (&self->total, rating, 1);
      if (found != NULL)
        tn_trust_counts_remove (found, rating, 1);
    }
}

/**
 * tn_trust_tally_new:
 *
 * Returns: (transfer full): a tally of no contacts
 */
TnTrustTally *
tn_trust_tally_new (void)
{
  TnTrustTally *self = g_new0 (TnTrustTally, 1);

  self->entries = g_array_new (FALSE, FALSE, sizeof (guint8));
  return self;
}

/**
 * tn_trust_tally_free:
 * @self: (nullable): a tally
 */
void
tn_trust_tally_free (TnTrustTally *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_free (self);
}

/**
 * tn_trust_tally_clear:
 * @self: a tally
 *
 * Forgets every contact: all counts are 0, as before a count from scratch.
 */
void
tn_trust_tally_clear (TnTrustTally *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->entries, 0);
  self->total = (TnTrustCounts) { 0 };
  memset (self->found, 0, sizeof self->found);
}

/**
 * tn_trust_tally_splice:
 * @self: a tally
 * @position: where the change is, as in #GListModel::items-changed
 * @n_removed: how many contacts from @position on are gone
 * @added: (array length=n_added) (nullable): the contacts now at @position on
 * @n_added: how many
 *
 * Follows a change of the list: what was counted of the removed contacts is taken back,
 * the added ones are counted. Costs as much as the change, not as the list.
 */
void
tn_trust_tally_splice (TnTrustTally       *self,
                       guint               position,
                       guint               n_removed,
                       const TnTallyEntry *added,
                       guint               n_added)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (position <= self->entries->len);
  g_return_if_fail (n_removed <= self->entries->len - position);
  g_return_if_fail (added != NULL || n_added == 0);

  for (guint i = position; i < position + n_removed; i++)
    count (self, g_array_index (self->entries, guint8, i), -1);
  g_array_remove_range (self->entries, position, n_removed);

  if (n_added > 0)
    {
      g_autofree guint8 *packed = g_new (guint8, n_added);

      for (guint i = 0; i < n_added; i++)
        {
          packed[i] = pack (&added[i]);
          count (self, packed[i], +1);
        }
      g_array_insert_vals (self->entries, position, packed, n_added);
    }
}

/**
 * tn_trust_tally_get_n_entries:
 * @self: a tally
 *
 * Returns: how many contacts it counts
 */
guint
tn_trust_tally_get_n_entries (const TnTrustTally *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * tn_trust_tally_get_total:
 * @self: a tally
 *
 * Returns: (transfer none): every contact counted, per rating
 */
const TnTrustCounts *
tn_trust_tally_get_total (const TnTrustTally *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->total;
}

/**
 * tn_trust_tally_get_found:
 * @self: a tally
 * @overdue: the overdue ones, or the others
 *
 * Returns: (transfer none): the contacts the search finds that are (or are not) overdue,
 *   per rating
 */
const TnTrustCounts *
tn_trust_tally_get_found (const TnTrustTally *self,
                          gboolean            overdue)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->found[overdue ? 1 : 0];
}
