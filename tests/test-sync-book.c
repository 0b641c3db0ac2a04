/* test-sync-book.c — whether the address book changed, asked as cheaply as can be trusted
 * (src/core/sync/tn-sync-book.c), against real servers: Radicale's last-modified becomes
 * trusted, and a trusted quiet sync is one request; a change, an add and a delete right
 * after A's sync each reach A's next one, a change in the same second as A's last sync
 * too; a server found not to move its last-modified (made so by setting its files' times)
 * is never trusted again, and even a trusted one is asked the CTag after an hour;
 * xandikos gives no last-modified for a book and is never trusted.
 *
 * Times: Radicale's last-modified is its files' newest time. Setting every file's time
 * ten seconds back makes the book look settled (so what A reads can tell that nothing
 * changed since); setting them all to one second makes a change look like one made in
 * that second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/time.h>

#include "tn-store-sync.h"
#include "tn-sync.h"
#include "tn-test-dav-server.h"
#include "tn-test-store.h"
#include "tn-test-sync.h"
#include "tn-test-util.h"

typedef TnTestSyncPair Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  kind)
{
  tn_test_sync_pair_open (fixture, tn_test_dav_server_start_logging_bodies (kind), "test-sync-book");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  kind)
{
  g_unsetenv ("TRUSTNET_NOW");
  tn_test_sync_pair_close (fixture);
}

static TnSyncReport
sync_now (Fixture *fixture,
          TnStore *store)
{
  return tn_test_sync_run (fixture->server, store);
}

/* What a sync did, added up: received, merged, deleted here and sent. */
static guint
sync_and_count (Fixture *fixture,
                TnStore *store)
{
  TnSyncReport report = sync_now (fixture, store);
  guint done = report.received + report.merged + report.deleted + report.sent;

  tn_sync_report_clear (&report);
  return done;
}

static TnStoreSyncBook
stored_book (TnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStoreSyncAccount) account = tn_store_sync_get_account (store, &error);
  TnStoreSyncBook book;

  g_assert_no_error (error);
  book = account->book;
  account->book.ctag = NULL;
  return book;
}

static TnStoreSyncTrust
stored_trust (TnStore *store)
{
  g_auto(TnStoreSyncBook) book = stored_book (store);

  return book.modified_trust;
}

/* One sync of A that finds nothing: the requests Radicale logged for it, and whether one
 * asked the CTag. A quiet sync asks the last-modified in any case but on a server found
 * not to move it. */
static guint
quiet_sync_requests (Fixture  *fixture,
                     gboolean *asked_ctag)
{
  g_autofree char *before = tn_test_dav_server_read_log (fixture->server);
  g_autofree char *after = NULL;
  guint requests_before = tn_test_dav_server_count_requests (fixture->server);

  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 0);
  after = tn_test_dav_server_read_log (fixture->server);
  g_assert_true (g_str_has_prefix (after, before));
  *asked_ctag = strstr (after + strlen (before), "getctag") != NULL;
  g_assert_true ((strstr (after + strlen (before), "getlastmodified") != NULL) ==
                 (stored_trust (fixture->a.store) != TN_STORE_SYNC_TRUST_NO));
  return tn_test_dav_server_count_requests (fixture->server) - requests_before;
}

static void
set_times_below (const char *path,
                 gint64      when)
{
  struct timeval times[2] = { { when, 0 }, { when, 0 } };
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      set_times_below (child, when);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* Every file and folder of the server's data gets @when (Unix seconds) as its time. */
static void
set_book_times (Fixture *fixture,
                gint64   when)
{
  g_autofree char *root = g_build_filename (tn_test_dav_server_get_folder (fixture->server), "collections", NULL);

  set_times_below (root, when);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The book as if last changed ten seconds ago, and A's sync since: what A keeps of its
 * last-modified (unless it distrusts it) can tell that nothing changed. Returns that
 * time. */
static gint64
settle (Fixture *fixture)
{
  gint64 settled = now_unix () - 10;
  g_auto(TnStoreSyncBook) book = { 0 };

  set_book_times (fixture, settled);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 0);
  book = stored_book (fixture->a.store);
  if (book.modified_trust != TN_STORE_SYNC_TRUST_NO)
    g_assert_cmpint (book.modified, ==, settled);
  return settled;
}

/* B's copy of a contact of A's, by uid. */
static TnContact *
on_b (Fixture   *fixture,
      TnContact *contact)
{
  TnContact *found;

  tn_test_store_reopen (&fixture->b);
  found = tn_store_get_contact_by_uid (fixture->b.store, tn_contact_get_uid (contact));
  g_assert_nonnull (found);
  return found;
}

static void
b_sets_organization (Fixture    *fixture,
                     TnContact  *contact,
                     const char *organization)
{
  g_autoptr(GError) error = NULL;
  TnContact *there = on_b (fixture, contact);
  g_autoptr(TnContact) changes = tn_contact_copy (there);

  tn_contact_set_organization (changes, organization);
  g_assert_true (tn_store_update_contact (fixture->b.store, there, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sync_and_count (fixture, fixture->b.store), >=, 1);
}

static const char *
organization_on_a (Fixture   *fixture,
                   TnContact *contact)
{
  tn_test_store_reopen (&fixture->a);
  return tn_contact_get_organization (tn_store_get_contact_by_uid (fixture->a.store, tn_contact_get_uid (contact)));
}

/* A and B hold Ada, Bob and Cy, synced; A's book settled. */
static void
two_machines (Fixture    *fixture,
              TnContact **contacts)
{
  const char * const names[] = { "Ada Lovelace", "Bob Babbage", "Cy Clerk" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    contacts[i] = tn_test_add_contact (fixture->a.store, names[i], TN_TRUST_VAGUELY);
  g_free (tn_test_sync_set_up (fixture->server, fixture->a.store));
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), >=, 3);
  g_free (tn_test_sync_set_up (fixture->server, fixture->b.store));
  g_assert_cmpuint (sync_and_count (fixture, fixture->b.store), >=, 3);
}

/* Radicale: trusted after the CTag and the last-modified moved together; then a quiet
 * sync is one request, and a change, an add and a delete made right after A's sync each
 * reach A's next one. A change made in the second A last read cannot be told by the
 * last-modified: A asks the CTag and receives it. */
static void
test_trusted (Fixture       *fixture,
              gconstpointer  kind)
{
  g_autoptr(GError) error = NULL;
  TnContact *contacts[3] = { NULL };
  g_autoptr(TnContact) dee = NULL;
  gint64 future;
  gboolean asked_ctag;
  g_auto(TnStoreSyncBook) book = { 0 };

  if (fixture->server == NULL)
    return;

  two_machines (fixture, contacts);
  settle (fixture);
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_UNKNOWN);
  /* Not trusted yet: the CTag (with the last-modified) is asked, one request. */
  g_assert_cmpuint (quiet_sync_requests (fixture, &asked_ctag), ==, 1);
  g_assert_true (asked_ctag);

  b_sets_organization (fixture, contacts[0], "Analytical Engines");
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpstr (organization_on_a (fixture, contacts[0]), ==, "Analytical Engines");
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_YES);

  /* Trusted: a quiet sync is the last-modified alone. */
  settle (fixture);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (quiet_sync_requests (fixture, &asked_ctag), ==, 1);
      g_assert_false (asked_ctag);
    }

  /* A change right after A's sync. */
  b_sets_organization (fixture, contacts[1], "Difference Engines");
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpstr (organization_on_a (fixture, contacts[1]), ==, "Difference Engines");

  /* An add. */
  settle (fixture);
  dee = tn_test_add_contact (fixture->b.store, "Dee Dalton", TN_TRUST_COMPLETELY);
  g_assert_cmpuint (sync_and_count (fixture, fixture->b.store), >=, 1);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  tn_test_store_reopen (&fixture->a);
  g_assert_nonnull (tn_store_get_contact_by_uid (fixture->a.store, tn_contact_get_uid (dee)));

  /* A delete, by another client. */
  settle (fixture);
  tn_test_sync_delete_card (fixture->server, fixture->a.store, tn_contact_get_uid (contacts[2]));
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  tn_test_store_reopen (&fixture->a);
  g_assert_null (tn_store_get_contact_by_uid (fixture->a.store, tn_contact_get_uid (contacts[2])));

  /* A reads a last-modified in the very second it answers (the book's times a minute
   * ahead of the server's clock: its Date is before that second ended) ... */
  settle (fixture);
  future = now_unix () + 60;
  set_book_times (fixture, future);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 0);
  book = stored_book (fixture->a.store);
  g_assert_cmpint (book.modified, ==, 0);
  /* ... and B's change then falls in that same second: the same last-modified, but A
   * kept none that could tell, and asks the CTag. */
  b_sets_organization (fixture, contacts[0], "Same Second Ltd");
  set_book_times (fixture, future);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpstr (organization_on_a (fixture, contacts[0]), ==, "Same Second Ltd");
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_YES);

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    g_clear_object (&contacts[i]);
}

static void
set_now (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);
  g_autofree char *text = g_date_time_format_iso8601 (time);

  g_setenv ("TRUSTNET_NOW", text, TRUE);
}

/* Even a trusted last-modified is checked by the CTag at least once an hour: a server
 * whose last-modified stays (the book's times put back, as a server whose clock lags
 * would) hides B's change for that hour at most; then the CTag moved while that
 * last-modified did not, and it is never trusted again. */
static void
test_hour (Fixture       *fixture,
           gconstpointer  kind)
{
  TnContact *contacts[3] = { NULL };
  gint64 settled;
  gint64 start = now_unix ();

  if (fixture->server == NULL)
    return;

  set_now (start);
  two_machines (fixture, contacts);
  settle (fixture);
  b_sets_organization (fixture, contacts[0], "Analytical Engines");
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_YES);
  settled = settle (fixture);

  b_sets_organization (fixture, contacts[1], "Hidden For An Hour");
  set_book_times (fixture, settled);
  set_now (start + 59 * 60);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 0);
  set_now (start + 60 * 60);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpstr (organization_on_a (fixture, contacts[1]), ==, "Hidden For An Hour");
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_NO);

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    g_clear_object (&contacts[i]);
}

/* A server seen with the CTag moved and a last-modified that could tell unmoved is not
 * trusted, before any trust: each sync asks the CTag (one request when quiet), and a
 * change it hides in the last-modified is still received. */
static void
test_distrusted (Fixture       *fixture,
                 gconstpointer  kind)
{
  TnContact *contacts[3] = { NULL };
  gboolean asked_ctag;
  gint64 settled;

  if (fixture->server == NULL)
    return;

  two_machines (fixture, contacts);
  settled = settle (fixture);
  b_sets_organization (fixture, contacts[0], "Analytical Engines");
  set_book_times (fixture, settled);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_NO);

  settled = settle (fixture);
  g_assert_cmpuint (quiet_sync_requests (fixture, &asked_ctag), ==, 1);
  g_assert_true (asked_ctag);
  b_sets_organization (fixture, contacts[1], "Difference Engines");
  set_book_times (fixture, settled);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpstr (organization_on_a (fixture, contacts[1]), ==, "Difference Engines");
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_NO);

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    g_clear_object (&contacts[i]);
}

/* xandikos 0.2 gives no last-modified for a book: never trusted, B's changes arrive. */
static void
test_no_modified (Fixture       *fixture,
                  gconstpointer  kind)
{
  TnContact *contacts[3] = { NULL };

  if (fixture->server == NULL)
    return;

  two_machines (fixture, contacts);
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 0);
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_NO);
  b_sets_organization (fixture, contacts[0], "Analytical Engines");
  g_assert_cmpuint (sync_and_count (fixture, fixture->a.store), ==, 1);
  g_assert_cmpstr (organization_on_a (fixture, contacts[0]), ==, "Analytical Engines");
  g_assert_cmpint (stored_trust (fixture->a.store), ==, TN_STORE_SYNC_TRUST_NO);

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    g_clear_object (&contacts[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-book/radicale/trusted", Fixture, "radicale", fixture_set_up, test_trusted, fixture_tear_down);
  g_test_add ("/sync-book/radicale/hour", Fixture, "radicale", fixture_set_up, test_hour, fixture_tear_down);
  g_test_add ("/sync-book/radicale/distrusted", Fixture, "radicale", fixture_set_up, test_distrusted,
              fixture_tear_down);
  g_test_add ("/sync-book/xandikos/no-modified", Fixture, "xandikos", fixture_set_up, test_no_modified,
              fixture_tear_down);

  return g_test_run ();
}
