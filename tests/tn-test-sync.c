/* tn-test-sync.c — sync in tests: a store set up against a test server, and what another
 * client does to the address book, seen from the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-carddav.h"
#include "tn-store-sync.h"
#include "tn-sync.h"
#include "tn-test-sync.h"

/* @server (taken; NULL: skipped) with stores "PREFIX-a" and "PREFIX-b". */
void
tn_test_sync_pair_open (TnTestSyncPair  *pair,
                        TnTestDavServer *server,
                        const char      *prefix)
{
  g_autofree char *a = g_strconcat (prefix, "-a", NULL);
  g_autofree char *b = g_strconcat (prefix, "-b", NULL);

  pair->server = server;
  if (server == NULL)
    return;
  tn_test_store_open (&pair->a, a);
  tn_test_store_open (&pair->b, b);
}

void
tn_test_sync_pair_close (TnTestSyncPair *pair)
{
  if (pair->server == NULL)
    return;

  tn_test_store_close (&pair->a);
  tn_test_store_close (&pair->b);
  g_clear_pointer (&pair->server, tn_test_dav_server_free);
}

TnSyncReport
tn_test_sync_run (TnTestDavServer *server,
                  TnStore         *store)
{
  g_autoptr(GError) error = NULL;
  TnSyncReport report = { 0 };

  g_assert_true (tn_sync_run (store, tn_test_dav_server_get_password (server), &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.host, ==, "127.0.0.1");
  return report;
}

/* Sets @store up with the server's TrustNet address book (made by the first store set up);
 * returns its URL. */
char *
tn_test_sync_set_up (TnTestDavServer *server,
                     TnStore         *store)
{
  g_autoptr(GError) error = NULL;
  char *book = NULL;

  g_assert_true (tn_sync_setup (store, tn_test_dav_server_get_url (server), tn_test_dav_server_get_user (server),
                                tn_test_dav_server_get_password (server), NULL, &book, NULL, &error));
  g_assert_no_error (error);
  return book;
}

static TnCardDav *
connect_as (TnTestDavServer *server,
            TnStore         *store,
            char           **book_url)
{
  g_autoptr(TnSyncAccount) account = tn_sync_get_account (store);

  g_assert_nonnull (account);
  *book_url = g_strdup (account->book_url);
  return tn_carddav_new (account->server_url, account->user, tn_test_dav_server_get_password (server));
}

/* The href of @uid's card as @store last synced it. */
char *
tn_test_sync_get_href (TnStore    *store,
                       const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStoreSyncCard) card = tn_store_sync_get_card (store, uid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
  return g_strdup (card->href);
}

/* Another client (a phone) deletes the card of @uid, which @store synced. */
void
tn_test_sync_delete_card (TnTestDavServer *server,
                          TnStore         *store,
                          const char      *uid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *book = NULL;
  g_autofree char *href = tn_test_sync_get_href (store, uid);
  g_autoptr(TnCardDav) dav = connect_as (server, store, &book);

  g_assert_true (tn_carddav_delete_card_sync (dav, href, NULL, NULL, &error));
  g_assert_no_error (error);
}

gboolean
tn_test_sync_server_has_card (TnTestDavServer *server,
                              TnStore         *store,
                              const char      *href)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *book = NULL;
  g_autoptr(TnCardDav) dav = connect_as (server, store, &book);
  g_autoptr(GPtrArray) cards = tn_carddav_list_cards_sync (dav, book, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (((TnCardDavCard *) g_ptr_array_index (cards, i))->href, href))
      return TRUE;
  return FALSE;
}

/**
 * tn_test_sync_record_progress:
 * @received: as #TnSyncProgressFunc gives it
 * @total: as #TnSyncProgressFunc gives it
 * @calls: a #GArray of guint, which gets (received, total) for every call, in order
 */
void
tn_test_sync_record_progress (guint    received,
                              guint    total,
                              gpointer calls)
{
  guint call[2] = { received, total };

  g_array_append_vals (calls, call, 2);
}
