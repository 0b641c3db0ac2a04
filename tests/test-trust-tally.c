/* test-trust-tally.c — counts kept beside a list through its changes equal a count of the
 * list from scratch, however the list changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-trust-tally"

#include "config.h"

#include "tn-trust-tally.h"

static void
assert_counts_equal (const TnTrustCounts *kept,
                     const TnTrustCounts *counted)
{
  g_assert_cmpuint (kept->n_contacts, ==, counted->n_contacts);
  for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
    g_assert_cmpuint (kept->by_trust[trust], ==, counted->by_trust[trust]);
}

/* The tally against a count from scratch of @list (of TnTallyEntry). */
static void
assert_as_counted (const TnTrustTally *tally,
                   GArray             *list)
{
  TnTrustCounts total = { 0 };
  TnTrustCounts found[2] = { { 0 } };

  for (guint i = 0; i < list->len; i++)
    {
      const TnTallyEntry *entry = &g_array_index (list, TnTallyEntry, i);

      tn_trust_counts_add (&total, entry->trust, 1);
      if (entry->found)
        tn_trust_counts_add (&found[entry->overdue ? 1 : 0], entry->trust, 1);
    }

  g_assert_cmpuint (tn_trust_tally_get_n_entries (tally), ==, list->len);
  assert_counts_equal (tn_trust_tally_get_total (tally), &total);
  assert_counts_equal (tn_trust_tally_get_found (tally, FALSE), &found[0]);
  assert_counts_equal (tn_trust_tally_get_found (tally, TRUE), &found[1]);
}

static TnTallyEntry
random_entry (GRand *rand)
{
  /* Now and then a rating no one can give (a database written by hand): -1 or 4. */
  return (TnTallyEntry) {
    .trust = g_rand_int_range (rand, -1, TN_TRUST_N_RATINGS + 1),
    .found = g_rand_boolean (rand),
    .overdue = g_rand_boolean (rand),
  };
}

/* Random changes as the store makes them: a contact re-rated in place, one added or
 * deleted, and now and then a batch; the list they describe changes alike. */
static void
test_random_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autoptr(TnTrustTally) tally = tn_trust_tally_new ();
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (TnTallyEntry));

  for (guint step = 0; step < 5000; step++)
    {
      guint position = g_rand_int_range (rand, 0, list->len + 1);
      guint n_removed = position < list->len ? g_rand_int_range (rand, 0, MIN (list->len - position, 2) + 1) : 0;
      guint n_added = g_rand_int_range (rand, 0, step % 97 == 0 ? 40 : 4);
      TnTallyEntry added[40];

      for (guint i = 0; i < n_added; i++)
        added[i] = random_entry (rand);

      tn_trust_tally_splice (tally, position, n_removed, added, n_added);
      g_array_remove_range (list, position, n_removed);
      g_array_insert_vals (list, position, added, n_added);

      assert_as_counted (tally, list);
    }
  g_assert_cmpuint (list->len, >, 100);
}

/* A contact re-rated: itself removed and added again, moved between two counts only. */
static void
test_rerated (void)
{
  g_autoptr(TnTrustTally) tally = tn_trust_tally_new ();
  TnTallyEntry ada = { TN_TRUST_COMPLETELY, TRUE, FALSE };
  TnTallyEntry grace = { TN_TRUST_UNRATED, TRUE, TRUE };

  tn_trust_tally_splice (tally, 0, 0, (TnTallyEntry[]) { ada, grace }, 2);
  grace.trust = TN_TRUST_VAGUELY;
  tn_trust_tally_splice (tally, 1, 1, &grace, 1);

  g_assert_cmpuint (tn_trust_tally_get_total (tally)->n_contacts, ==, 2);
  g_assert_cmpuint (tn_trust_tally_get_total (tally)->by_trust[TN_TRUST_UNRATED], ==, 0);
  g_assert_cmpuint (tn_trust_tally_get_total (tally)->by_trust[TN_TRUST_VAGUELY], ==, 1);
  g_assert_cmpuint (tn_trust_tally_get_found (tally, TRUE)->by_trust[TN_TRUST_VAGUELY], ==, 1);
  g_assert_cmpuint (tn_trust_tally_get_found (tally, FALSE)->by_trust[TN_TRUST_COMPLETELY], ==, 1);
}

/* Cleared, it counts nothing, and counts anew from there. */
static void
test_clear (void)
{
  g_autoptr(TnTrustTally) tally = tn_trust_tally_new ();
  TnTallyEntry ada = { TN_TRUST_MODERATELY, FALSE, FALSE };

  tn_trust_tally_splice (tally, 0, 0, &ada, 1);
  tn_trust_tally_clear (tally);
  g_assert_cmpuint (tn_trust_tally_get_n_entries (tally), ==, 0);
  g_assert_cmpuint (tn_trust_tally_get_total (tally)->n_contacts, ==, 0);
  g_assert_cmpuint (tn_trust_tally_get_total (tally)->by_trust[TN_TRUST_MODERATELY], ==, 0);

  tn_trust_tally_splice (tally, 0, 0, &ada, 1);
  g_assert_cmpuint (tn_trust_tally_get_total (tally)->by_trust[TN_TRUST_MODERATELY], ==, 1);
  g_assert_cmpuint (tn_trust_tally_get_found (tally, FALSE)->n_contacts, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trust-tally/random-changes", test_random_changes);
  g_test_add_func ("/trust-tally/rerated", test_rerated);
  g_test_add_func ("/trust-tally/clear", test_clear);

  return g_test_run ();
}
