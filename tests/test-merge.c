/* test-merge.c — merging: an import that meets a known person adds and fills but never
 * overwrites, and the store merges two contacts into one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-merge"

#include "config.h"

#include <gio/gio.h>

#include "tn-test-import.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

/* A merge adds and fills; it never overwrites, the rating included. */
static void
test_merge_never_overwrites (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", "+44 20 7946 0958");
  g_autoptr(TnContact) draft = tn_contact_copy (ada);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_contact_set_organization (draft, "Analytical Engines");
  tn_contact_set_trust (draft, TN_TRUST_MODERATELY);
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  result = tn_test_import_text (fixture, "ada.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-uid\r\nFN:Augusta Ada King\r\nN:King;Augusta Ada;;;\r\n"
                                "ORG:Babbage & Co\r\nTITLE:Mathematician\r\nBDAY:--12-10\r\nX-TRUSTNET-TRUST:3\r\n"
                                "EMAIL:ada@example.org\r\nEMAIL:countess@example.org\r\nTEL:+44 20 7946 0958\r\n"
                                "TEL:+44 20 7946 0000\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_merged, ==, 1);

  g_assert_cmpstr (tn_contact_get_uid (ada), !=, "card-uid");
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_MODERATELY);
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Mathematician");
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Augusta Ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "--12-10");
  g_assert_nonnull (tn_contact_get_vcard (ada));
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@example.org", "countess@example.org", NULL);
  tn_test_assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", "+44 20 7946 0000", NULL);
  /* The rating history did not move. */
  tn_test_assert_query (fixture->path, "SELECT group_concat (trust) FROM trust_changes", "2");
}

static void
test_merge_contacts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", "+44 20 7946 0958");
  g_autoptr(TnContact) other = tn_test_add_person (fixture->store, "Ada King", "ADA@example.org", "020 7946 0958");
  g_autoptr(TnContact) draft = tn_contact_copy (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *emails[] = { "ADA@example.org", "countess@example.org", NULL };

  tn_contact_set_emails (draft, emails);
  tn_contact_set_organization (draft, "Analytical Engines");
  tn_contact_set_trust (draft, TN_TRUST_COMPLETELY);
  g_assert_true (tn_store_update_contact (fixture->store, other, draft, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO interactions (contact_id, kind, happened_on) VALUES (%" G_GINT64_FORMAT ", 'lunch', '2026-11-20')",
                         tn_contact_get_id (other));
  g_free (tn_test_sqlite (fixture->path, sql));

  g_assert_false (tn_store_merge_contacts (fixture->store, ada, ada, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tn_store_merge_contacts (fixture->store, ada, other, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  g_assert_true (tn_test_contact_at (fixture->store, 0) == ada);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@example.org", "countess@example.org", NULL);
  tn_test_assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-20");

  /* The one that went cannot be merged again. */
  g_assert_false (tn_store_merge_contacts (fixture->store, ada, other, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tn_test_add_store_test ("/importer/merge-never-overwrites", NOW, test_merge_never_overwrites);
  tn_test_add_store_test ("/store/merge-contacts", NOW, test_merge_contacts);

  return g_test_run ();
}
