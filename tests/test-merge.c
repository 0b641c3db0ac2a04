/* test-merge.c — merging: an import that meets a known person adds and fills but never
 * overwrites, and the store merges two contacts into one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-merge"

#include "config.h"

#include <gio/gio.h>

#include "tn-duplicates.h"
#include "tn-test-import.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

/* A merge adds and fills; it never overwrites, the rating included. */
static void
test_merge_keeps_what_the_person_set (Fixture       *fixture,
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
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_MODERATELY);
  /* Another organization is a job change (issue 16): the new one, with the card's title,
   * and the old one kept in the change. */
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Babbage & Co");
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Mathematician");
  tn_test_assert_query (fixture->path,
                        "SELECT from_organization || '|' || coalesce (from_title, '-') || '|' || to_organization || '|' || to_title"
                        "  FROM job_changes",
                        "Analytical Engines|-|Babbage & Co|Mathematician");
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

/* One card of @n addresses p0@x.io…, and @extra after them when not NULL. */
static char *
card_with_emails (guint       n,
                  const char *extra)
{
  GString *card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Addresses\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (card, "EMAIL:p%u@x.io\r\n", i);
  if (extra != NULL)
    g_string_append_printf (card, "EMAIL:%s\r\n", extra);
  g_string_append (card, "END:VCARD\r\n");
  return g_string_free (card, FALSE);
}

/* Re-importing a card of 40,000 addresses merges it into the contact it made, in time
 * that grows with the addresses (it was quadratic: about 800 million key builds); a new
 * address among them is the one added. The time is printed, not asserted. */
static void
test_merge_many_emails (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const guint n = 40000;
  g_autofree char *card = card_with_emails (n, NULL);
  g_autofree char *again = card_with_emails (n, "P17@X.IO");
  g_autofree char *more = card_with_emails (n, "new@x.io");
  g_autoptr(TnImportResult) first = NULL;
  g_autoptr(TnImportResult) second = NULL;
  g_autoptr(TnImportResult) third = NULL;
  g_autofree char *count = g_strdup_printf ("%u", n + 1);
  gint64 start;

  start = g_get_monotonic_time ();
  first = tn_test_import_text (fixture, "many.vcf", card);
  g_test_message ("first import: %.2f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (first->n_added, ==, 1);

  start = g_get_monotonic_time ();
  second = tn_test_import_text (fixture, "again.vcf", again);
  g_test_message ("re-import of %u matching addresses: %.2f s", n,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (second->n_added, ==, 0);
  g_assert_cmpuint (second->n_added + second->n_merged + second->n_unchanged, ==, 1);

  start = g_get_monotonic_time ();
  third = tn_test_import_text (fixture, "more.vcf", more);
  g_test_message ("import adding one address: %.2f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (third->n_merged, ==, 1);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM emails", count);
}

static char *
card_with_phones (guint       n,
                  const char *format,
                  const char *extra)
{
  GString *card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:many-phones\r\nFN:Switchboard\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (card, "TEL:");
      g_string_append_printf (card, format, i);
      g_string_append (card, "\r\n");
    }
  if (extra != NULL)
    g_string_append_printf (card, "TEL:%s\r\n", extra);
  g_string_append (card, "END:VCARD\r\n");
  return g_string_free (card, FALSE);
}

/* Issue 13's remainder: a card of 10,000 phone numbers, written again the national way,
 * merges in time that grows with the numbers (each was compared with every other); only
 * the one new number is added. The time is printed, not asserted. */
static void
test_merge_many_phones (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const guint n = 10000;
  g_autofree char *card = card_with_phones (n, "+44 20 7946 %04u", NULL);
  g_autofree char *national = card_with_phones (n, "020 7946 %04u", "020 7000 0001");
  g_autoptr(TnImportResult) first = NULL;
  g_autoptr(TnImportResult) second = NULL;
  g_autofree char *count = g_strdup_printf ("%u", n + 1);
  gint64 start;

  first = tn_test_import_text (fixture, "phones.vcf", card);
  g_assert_cmpuint (first->n_added, ==, 1);

  start = g_get_monotonic_time ();
  second = tn_test_import_text (fixture, "national.vcf", national);
  g_test_message ("re-import of %u numbers written the national way: %.2f s", n,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (second->n_merged, ==, 1);
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM phones", count);
  tn_test_assert_query (fixture->path, "SELECT value FROM phones ORDER BY position DESC LIMIT 1", "020 7000 0001");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* "020 7946 0958" below is the London number only in the UK. */
  tn_duplicates_set_phone_region ("GB");

  tn_test_add_store_test ("/importer/merge-keeps-what-the-person-set", NOW, test_merge_keeps_what_the_person_set);
  tn_test_add_store_test ("/importer/merge-many-phones", NOW, test_merge_many_phones);
  tn_test_add_store_test ("/store/merge-contacts", NOW, test_merge_contacts);
  tn_test_add_store_test ("/importer/merge-many-emails", NOW, test_merge_many_emails);

  return g_test_run ();
}
