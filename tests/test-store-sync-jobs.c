/* test-store-sync-jobs.c — web pages and job changes as sync reads them from the database
 * and writes them back: matched by the id made of the jobs, the dashboard's list and the
 * contact's web pages as another machine left them, one change noticed twice kept once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-store-jobs.h"
#include "tn-store-sync.h"
#include "tn-sync-card.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

#define T0 "2026-11-24T09:00:00Z"

static TnStoreSyncCard *
card_state (const char *uid,
            const char *text)
{
  TnStoreSyncCard *card = g_new0 (TnStoreSyncCard, 1);

  card->uid = g_strdup (uid);
  card->href = g_strdup_printf ("http://h/b/%s.vcf", uid);
  card->etag = g_strdup ("e1");
  card->card = g_strdup (text);
  return card;
}

/* Grace from another machine: two web pages, two job changes, the later dismissed. */
static TnSyncContact *
make_grace (void)
{
  TnSyncContact *contact = tn_sync_contact_new ("g");
  TnSyncJobChange *promoted = tn_sync_job_change_new ("US Navy", "Commander", "US Navy", "Rear Admiral", "2026-11-20");

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, "Grace Hopper", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, "US Navy", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TITLE, "Rear Admiral", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "1", 100);
  g_ptr_array_add (contact->urls, g_strdup ("https://de.linkedin.com/in/grace-hopper/de"));
  g_ptr_array_add (contact->urls, g_strdup ("https://grace.example.org/"));
  tn_sync_job_changes_add (contact->job_changes,
                           tn_sync_job_change_new ("Remington Rand", NULL, "US Navy", "Commander", "2026-11-01"));
  promoted->dismissed_at = 1795510000;
  tn_sync_job_changes_add (contact->job_changes, promoted);
  contact->vcard = g_strdup ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:g\r\nFN:Grace Hopper\r\nEND:VCARD\r\n");
  return contact;
}

static void
write_contact (TnTestStore         *fixture,
               const TnSyncContact *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStoreSyncCard) state = card_state (contact->uid, contact->vcard);

  g_assert_true (tn_store_sync_write_contact (fixture->store, contact, state, &error));
  g_assert_no_error (error);
}

static TnSyncContact *
read_contact (TnTestStore *fixture,
              const char  *uid)
{
  g_autoptr(GError) error = NULL;
  TnSyncContact *contact = tn_store_sync_read_contact (fixture->store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

static GPtrArray *
list_job_changes (TnTestStore       *fixture,
                  TnJobChangesFlags  flags)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = tn_store_list_job_changes (fixture->store, flags, &error);

  g_assert_no_error (error);
  return changes;
}

static void
test_written_and_read (TnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(TnSyncContact) grace = make_grace ();
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  TnJobChange *change;
  TnContact *contact;

  write_contact (fixture, grace);
  read = read_contact (fixture, "g");
  g_assert_true (tn_sync_contact_equal (read, grace));

  /* The dashboard's card shows the one not dismissed; the command line lists both. */
  all = list_job_changes (fixture, TN_JOB_CHANGES_FLAGS_NONE);
  shown = list_job_changes (fixture, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (shown->len, ==, 1);
  change = g_ptr_array_index (shown, 0);
  g_assert_cmpstr (change->uid, ==, "g");
  g_assert_cmpstr (change->from_organization, ==, "Remington Rand");
  g_assert_null (change->from_title);
  g_assert_cmpstr (change->to_title, ==, "Commander");
  g_assert_cmpstr (change->noticed_on, ==, "2026-11-01");

  /* The web pages, with the keys an import matches a LinkedIn profile by. */
  tn_test_store_reopen (fixture);
  contact = tn_store_get_contact_by_uid (fixture->store, "g");
  tn_test_assert_strv (tn_contact_get_urls (contact), "https://de.linkedin.com/in/grace-hopper/de",
                       "https://grace.example.org/", NULL);
  {
    g_autofree char *keys = tn_test_sqlite (fixture->path, "SELECT normalized FROM urls ORDER BY position");

    g_assert_cmpstr (keys, ==, "linkedin:grace-hopper\ngrace.example.org");
  }
}

static void
test_matched_by_id (TnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(TnSyncContact) grace = make_grace ();
  g_autoptr(TnSyncContact) read = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;

  /* This machine's import noticed her promotion too, a day later, spelled in capitals, and
   * did not dismiss it; another import noticed a move the other machine undid. */
  g_ptr_array_remove_index (grace->job_changes, 1);
  write_contact (fixture, grace);
  g_free (tn_test_sqlite (fixture->path,
                          "INSERT INTO import_batches (id, file_name, imported_at) VALUES (7, 'Connections.csv', 1);"
                          "INSERT INTO job_changes (contact_id, from_organization, from_title, to_organization, to_title,"
                          "                         noticed_on, batch_id)"
                          "  SELECT id, 'US NAVY', 'Commander', 'US NAVY', 'REAR ADMIRAL', '2026-11-21', 7 FROM contacts;"
                          "INSERT INTO job_changes (contact_id, to_organization, noticed_on, batch_id)"
                          "  SELECT id, 'Eckert-Mauchly', '2026-11-22', 7 FROM contacts;"));
  read = read_contact (fixture, "g");
  g_assert_cmpuint (read->job_changes->len, ==, 3);
  before = tn_test_sqlite (fixture->path, "SELECT id FROM job_changes WHERE to_title = 'REAR ADMIRAL'");

  /* The merge has the promotion as the other machine noticed it (a day earlier, dismissed),
   * and not the undone move. */
  g_clear_pointer (&grace, tn_sync_contact_free);
  grace = make_grace ();
  write_contact (fixture, grace);

  /* The same row, changed to match: one promotion, noticed on the earlier day, dismissed. */
  after = tn_test_sqlite (fixture->path, "SELECT id FROM job_changes WHERE to_title = 'Rear Admiral'");
  g_assert_cmpstr (after, ==, before);
  kept = tn_test_sqlite (fixture->path,
                         "SELECT count (*), group_concat (noticed_on || '/' || coalesce (dismissed_at, '-'), ' ')"
                         "  FROM (SELECT * FROM job_changes ORDER BY noticed_on)");
  g_assert_cmpstr (kept, ==, "2|2026-11-01/- 2026-11-20/1795510000");
  g_clear_pointer (&read, tn_sync_contact_free);
  read = read_contact (fixture, "g");
  g_assert_true (tn_sync_contact_equal (read, grace));
}

static void
test_same_change_twice (TnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(TnSyncContact) grace = make_grace ();
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *count = NULL;

  write_contact (fixture, grace);
  /* Two rows of one move (before sync, two imports noticed it twice): one job change. */
  g_free (tn_test_sqlite (fixture->path,
                          "INSERT INTO job_changes (contact_id, from_organization, to_organization, to_title, noticed_on)"
                          "  SELECT id, 'Remington Rand', 'US Navy', 'Commander', '2026-11-05' FROM contacts;"));
  read = read_contact (fixture, "g");
  g_assert_cmpuint (read->job_changes->len, ==, 2);
  g_assert_true (tn_sync_contact_equal (read, grace));

  /* Written back as the sync leaves it: one row each, as on the other machine. */
  write_contact (fixture, grace);
  all = list_job_changes (fixture, TN_JOB_CHANGES_FLAGS_NONE);
  g_assert_cmpuint (all->len, ==, 2);
  count = tn_test_sqlite (fixture->path, "SELECT count (*) FROM job_changes WHERE noticed_on = '2026-11-01'");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_taken_back (TnTestStore   *fixture,
                 gconstpointer  data)
{
  g_autoptr(TnSyncContact) grace = make_grace ();
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(GPtrArray) all = NULL;

  write_contact (fixture, grace);
  /* Another machine undid the import that noticed the first move, and a web page went. */
  g_ptr_array_remove_index (grace->job_changes, 0);
  g_ptr_array_remove_index (grace->urls, 1);
  write_contact (fixture, grace);

  all = list_job_changes (fixture, TN_JOB_CHANGES_FLAGS_NONE);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((TnJobChange *) g_ptr_array_index (all, 0))->to_title, ==, "Rear Admiral");
  read = read_contact (fixture, "g");
  g_assert_cmpuint (read->urls->len, ==, 1);
  g_assert_true (tn_sync_contact_equal (read, grace));
}

static void
test_same_page_twice (TnTestStore   *fixture,
                      gconstpointer  data)
{
  g_autoptr(TnSyncContact) grace = make_grace ();
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(TnSyncContact) from_card = NULL;
  g_autofree char *card = NULL;

  write_contact (fixture, grace);
  /* One card imported with one profile written two ways: one web page for sync, so the
   * contact read here equals its card read back, and is not sent at every sync. */
  g_free (tn_test_sqlite (fixture->path,
                          "INSERT INTO urls (contact_id, position, value, normalized)"
                          "  SELECT id, 9, 'http://www.linkedin.com/in/grace-hopper/', 'linkedin:grace-hopper' FROM contacts;"));
  read = read_contact (fixture, "g");
  g_assert_cmpuint (read->urls->len, ==, 2);
  g_assert_true (tn_sync_contact_equal (read, grace));
  card = tn_sync_card_write (read);
  from_card = tn_sync_card_read (card, NULL);
  g_assert_true (tn_sync_contact_equal (from_card, read));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  tn_test_add_store_test ("/store-sync-jobs/written-and-read", T0, test_written_and_read);
  tn_test_add_store_test ("/store-sync-jobs/matched-by-id", T0, test_matched_by_id);
  tn_test_add_store_test ("/store-sync-jobs/same-change-twice", T0, test_same_change_twice);
  tn_test_add_store_test ("/store-sync-jobs/taken-back", T0, test_taken_back);
  tn_test_add_store_test ("/store-sync-jobs/same-page-twice", T0, test_same_page_twice);

  return g_test_run ();
}
