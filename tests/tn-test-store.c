/* tn-test-store.c — a store in a scratch folder, and writes to it that must succeed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-test-store.h"
#include "tn-test-util.h"

/**
 * tn_test_store_open:
 * @test_store: (out caller-allocates): where to keep the folder, path and store
 * @prefix: names the scratch folder, e.g. "test-interaction"
 */
void
tn_test_store_open (TnTestStore *test_store,
                    const char  *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);

  test_store->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  test_store->path = g_build_filename (test_store->dir, "trustnet.db", NULL);
  test_store->store = tn_store_open (test_store->path, &error);
  g_assert_no_error (error);
}

/**
 * tn_test_store_close:
 * @test_store: a store opened by tn_test_store_open()
 */
void
tn_test_store_close (TnTestStore *test_store)
{
  g_clear_object (&test_store->store);
  if (test_store->dir != NULL)
    tn_test_remove_tree (test_store->dir);
  g_clear_pointer (&test_store->dir, g_free);
  g_clear_pointer (&test_store->path, g_free);
}

/**
 * tn_test_add_contact:
 * @store: a store
 * @name: the full name
 * @trust: the rating, set after adding as a person would (so it is in trust_changes)
 *
 * Returns: (transfer full): the contact, as the store now has it
 */
TnContact *
tn_test_add_contact (TnStore    *store,
                     const char *name,
                     TnTrust     trust)
{
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  if (trust != TN_TRUST_UNRATED)
    {
      g_assert_true (tn_store_set_trust (store, contact, trust, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&contact);
}

/**
 * tn_test_log:
 * @store: a store
 * @contact: a contact of @store
 * @kind: what it was
 * @day: YYYY-MM-DD, not after the test's TRUSTNET_NOW
 *
 * Logs a one-on-one interaction and checks the store took it.
 */
void
tn_test_log (TnStore           *store,
             TnContact         *contact,
             TnInteractionKind  kind,
             const char        *day)
{
  g_autoptr(TnInteraction) interaction = tn_interaction_new (kind, day);
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_log_interaction (store, contact, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_interaction_get_id (interaction), >, 0);
  g_assert_cmpint (tn_interaction_get_contact_id (interaction), ==, tn_contact_get_id (contact));
}
