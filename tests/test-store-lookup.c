/* test-store-lookup.c — finding a contact by name, email or phone in a TnStore on a real SQLite
 * file: the order of the rules, ambiguous and removed contacts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store-lookup"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "tn-store.h"
#include "tn-test-import.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/* Whatever the clock says, stores in these tests are at this moment. */
#define NOW "2026-11-24T09:00:00Z"

/* No store is open at first: these tests open their own, on a database in a subfolder that
 * does not exist yet. */
typedef TnTestStore Fixture;

static void
assert_lookup (TnStore    *store,
               const char *who,
               TnContact  *expected)
{
  g_autoptr(GError) error = NULL;
  TnContact *found = tn_store_lookup (store, who, &error);

  g_test_message ("looking up “%s”", who);
  g_assert_no_error (error);
  g_assert_true (found == expected);
}

static void
assert_lookup_fails (TnStore      *store,
                     const char   *who,
                     TnStoreError  code)
{
  g_autoptr(GError) error = NULL;
  TnContact *found = tn_store_lookup (store, who, &error);

  g_test_message ("looking up “%s”", who ? who : "(null)");
  g_assert_null (found);
  g_assert_error (error, TN_STORE_ERROR, (int) code);
}

static void
test_lookup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  const char *emails[] = { "ada@example.org", "Ada.Lovelace@Engines.Example", NULL };

  tn_contact_set_uid (ada, "urn:uuid:0f0e5cc4-ada");
  tn_contact_set_emails (ada, emails);
  g_assert_true (tn_store_add_contact (store, ada, &error));
  g_assert_no_error (error);

  /* By any email address, whatever the case and surrounding spaces. */
  assert_lookup (store, "ada@example.org", ada);
  assert_lookup (store, "ADA@Example.ORG", ada);
  assert_lookup (store, "  ada@example.org ", ada);
  assert_lookup (store, "ada.lovelace@engines.example", ada);
  assert_lookup (store, "grace@navy.example", grace);

  /* By uid, exactly. */
  assert_lookup (store, "urn:uuid:0f0e5cc4-ada", ada);
  assert_lookup (store, tn_contact_get_uid (grace), grace);

  /* By the exact full name. */
  assert_lookup (store, "Ada Lovelace", ada);
  assert_lookup (store, "Grace Hopper", grace);
  assert_lookup_fails (store, "Ada", TN_STORE_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "Lovelace", TN_STORE_ERROR_NOT_FOUND);

  /* Nobody. */
  {
    g_autoptr(GError) not_found = NULL;

    g_assert_null (tn_store_lookup (store, "nobody@example.org", &not_found));
    g_assert_error (not_found, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (not_found->message, "nobody@example.org"));
  }
  assert_lookup_fails (store, "ada@example", TN_STORE_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "", TN_STORE_ERROR_INVALID);
  assert_lookup_fails (store, NULL, TN_STORE_ERROR_INVALID);

  /* A lookup survives a reopen: it reads what is on disk. */
  tn_test_reopen_path (fixture->path, &store);
  {
    TnContact *found = tn_store_lookup (store, "ADA@EXAMPLE.ORG", &error);

    g_assert_no_error (error);
    g_assert_nonnull (found);
    g_assert_cmpstr (tn_contact_get_uid (found), ==, "urn:uuid:0f0e5cc4-ada");
  }
}

static void
test_lookup_rule_order (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  /* Someone whose name reads like Grace's address: the email rule wins. */
  g_autoptr(TnContact) odd = tn_test_add_person (store, "grace@navy.example", NULL, NULL);

  assert_lookup (store, "grace@navy.example", grace);
  assert_lookup (store, tn_contact_get_uid (odd), odd);
}

static void
test_lookup_ambiguous (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) first = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) second = tn_test_add_person (store, "Ada Lovelace", "ada@engines.example", NULL);
  g_autoptr(TnContact) third = NULL;
  TnContact *found;

  found = tn_store_lookup (store, "Ada Lovelace", &error);
  g_assert_null (found);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_AMBIGUOUS);
  /* The message lists the candidates so the person can pick one. */
  g_assert_nonnull (strstr (error->message, "ada@example.org"));
  g_assert_nonnull (strstr (error->message, "ada@engines.example"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  /* An address still tells them apart. */
  assert_lookup (store, "ada@engines.example", second);

  /* A namesake without an address is listed by uid. */
  third = tn_test_add_person (store, "Ada Lovelace", NULL, NULL);
  found = tn_store_lookup (store, "Ada Lovelace", &error);
  g_assert_null (found);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, tn_contact_get_uid (third)));
  g_clear_error (&error);
  assert_lookup (store, tn_contact_get_uid (third), third);

  /* Two people sharing an address is ambiguous as well. */
  {
    g_autoptr(TnContact) shared = tn_test_add_person (store, "Charles Babbage", "ada@example.org", NULL);

    assert_lookup_fails (store, "ada@example.org", TN_STORE_ERROR_AMBIGUOUS);
  }

  /* Once the others are removed the name is unique again. */
  g_assert_true (tn_store_remove_contact (store, second, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_remove_contact (store, third, &error));
  g_assert_no_error (error);
  assert_lookup (store, "Ada Lovelace", first);
}

static void
test_lookup_removed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  g_autofree char *uid = g_strdup (tn_contact_get_uid (grace));

  g_assert_true (tn_store_remove_contact (store, grace, &error));
  g_assert_no_error (error);

  assert_lookup_fails (store, "grace@navy.example", TN_STORE_ERROR_NOT_FOUND);
  assert_lookup_fails (store, uid, TN_STORE_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "Grace Hopper", TN_STORE_ERROR_NOT_FOUND);

  g_assert_true (tn_store_restore_contact (store, grace, &error));
  g_assert_no_error (error);
  assert_lookup (store, "grace@navy.example", grace);
}

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

#define ADD_TEST(path, func) tn_test_add_unopened_store_test (path, NOW, func)

  ADD_TEST ("/store/lookup", test_lookup);
  ADD_TEST ("/store/lookup/rule-order", test_lookup_rule_order);
  ADD_TEST ("/store/lookup/ambiguous", test_lookup_ambiguous);
  ADD_TEST ("/store/lookup/removed", test_lookup_removed);

#undef ADD_TEST

  return g_test_run ();
}
