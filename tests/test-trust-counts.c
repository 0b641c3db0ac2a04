/* test-trust-counts.c — contacts counted per rating and overdue: the one count the
 * contacts page and the dashboard's figures share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-trust-counts"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "tn-contact-private.h"
#include "tn-test-util.h"
#include "tn-trust-counts.h"

static const TnCadence defaults = { { 4, 12, 26 } };

/* Adds to @store a contact rated @trust, added long ago and last met on @last_contact. */
static void
add_contact (GListStore *store,
             TnTrust     trust,
             const char *last_contact)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(GDateTime) added_at = tn_test_local_time ("2026-01-05T10:00:00");

  tn_contact_set_trust (contact, trust);
  _tn_contact_set_timestamps (contact, g_date_time_to_unix (added_at), g_date_time_to_unix (added_at));
  _tn_contact_set_last_contact (contact, last_contact);
  g_list_store_append (store, contact);
}

static void
test_add (void)
{
  TnTrustCounts counts = { 0 };

  g_assert_true (tn_trust_counts_add (&counts, TN_TRUST_UNRATED, 2));
  g_assert_true (tn_trust_counts_add (&counts, TN_TRUST_COMPLETELY, 3));
  g_assert_true (tn_trust_counts_add (&counts, TN_TRUST_COMPLETELY, 1));
  g_assert_true (tn_trust_counts_add (&counts, TN_TRUST_VAGUELY, 5));

  /* A rating no one can give (a database written by hand) is a contact in no bucket. */
  g_assert_false (tn_trust_counts_add (&counts, 7, 4));
  g_assert_false (tn_trust_counts_add (&counts, -1, 1));

  g_assert_cmpuint (counts.by_trust[TN_TRUST_UNRATED], ==, 2);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_COMPLETELY], ==, 4);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_MODERATELY], ==, 0);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_VAGUELY], ==, 5);
  g_assert_cmpuint (counts.n_contacts, ==, 16);
  g_assert_cmpuint (counts.n_overdue, ==, 0);
}

/* Removing takes from the buckets adding put into, the not-a-rating ones included. */
static void
test_remove (void)
{
  TnTrustCounts counts = { 0 };

  tn_trust_counts_add (&counts, TN_TRUST_MODERATELY, 3);
  tn_trust_counts_add (&counts, 9, 2);
  tn_trust_counts_remove (&counts, TN_TRUST_MODERATELY, 2);
  tn_trust_counts_remove (&counts, 9, 1);

  g_assert_cmpuint (counts.by_trust[TN_TRUST_MODERATELY], ==, 1);
  g_assert_cmpuint (counts.n_contacts, ==, 2);
  for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
    if (trust != TN_TRUST_MODERATELY)
      g_assert_cmpuint (counts.by_trust[trust], ==, 0);
}

static void
test_count_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (TN_TYPE_CONTACT);
  g_autoptr(GDateTime) now = tn_test_local_time ("2026-11-24T09:00:00");
  TnTrustCounts counts;

  /* Overdue: a 1 unseen for 5 weeks (interval 4), a 2 never met since January. */
  add_contact (store, TN_TRUST_COMPLETELY, "2026-10-20");
  add_contact (store, TN_TRUST_COMPLETELY, "2026-11-20");
  add_contact (store, TN_TRUST_MODERATELY, NULL);
  add_contact (store, TN_TRUST_VAGUELY, "2026-11-01");
  /* The unrated have no interval: never overdue. */
  add_contact (store, TN_TRUST_UNRATED, NULL);
  add_contact (store, TN_TRUST_UNRATED, "2020-01-01");

  memset (&counts, 0xff, sizeof counts);
  tn_trust_counts_count_model (&counts, G_LIST_MODEL (store), &defaults, now);

  g_assert_cmpuint (counts.n_contacts, ==, 6);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_UNRATED], ==, 2);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_COMPLETELY], ==, 2);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_MODERATELY], ==, 1);
  g_assert_cmpuint (counts.by_trust[TN_TRUST_VAGUELY], ==, 1);
  g_assert_cmpuint (counts.n_overdue, ==, 2);
}

static void
test_count_no_model (void)
{
  g_autoptr(GDateTime) now = tn_test_local_time ("2026-11-24T09:00:00");
  TnTrustCounts counts;

  memset (&counts, 0xff, sizeof counts);
  tn_trust_counts_count_model (&counts, NULL, &defaults, now);

  g_assert_cmpuint (counts.n_contacts, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (counts.by_trust); i++)
    g_assert_cmpuint (counts.by_trust[i], ==, 0);
  g_assert_cmpuint (counts.n_overdue, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trust-counts/add", test_add);
  g_test_add_func ("/trust-counts/remove", test_remove);
  g_test_add_func ("/trust-counts/count-model", test_count_model);
  g_test_add_func ("/trust-counts/count-no-model", test_count_no_model);

  return g_test_run ();
}
