/* test-sync-fetch.c — the engine's fetcher (cards fetched in batches on a thread of its
 * own while the sync writes the batch before) against Radicale and xandikos: every card
 * once, in batches of the size asked; stopped half-way without hanging; a refused password
 * ends it with the transport's error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-sync-private.h"
#include "tn-test-dav-server.h"
#include "tn-test-util.h"

#define N_CARDS 7

typedef struct
{
  TnTestDavServer *server;
  char            *book;
  GPtrArray       *hrefs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  kind)
{
  g_autoptr(TnCardDav) dav = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = tn_test_dav_server_start (kind);
  if (fixture->server == NULL)
    return;

  dav = tn_carddav_new (tn_test_dav_server_get_url (fixture->server), tn_test_dav_server_get_user (fixture->server),
                        tn_test_dav_server_get_password (fixture->server));
  fixture->book = tn_carddav_create_book_sync (dav, "TrustNet", NULL, &error);
  g_assert_no_error (error);

  fixture->hrefs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_CARDS; i++)
    {
      g_autofree char *href = g_strdup_printf ("%scard-%u.vcf", fixture->book, i);
      g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-%u\r\nFN:Person %u\r\n"
                                               "N:%u;Person;;;\r\nEND:VCARD\r\n", i, i, i);

      g_assert_true (tn_carddav_put_card_sync (dav, href, card, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (fixture->hrefs, g_steal_pointer (&href));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  kind)
{
  g_clear_pointer (&fixture->hrefs, g_ptr_array_unref);
  g_clear_pointer (&fixture->book, g_free);
  g_clear_pointer (&fixture->server, tn_test_dav_server_free);
}

static TnSyncFetch *
start (Fixture      *fixture,
       const char   *password,
       GCancellable *cancellable)
{
  return _tn_sync_fetch_start (tn_test_dav_server_get_url (fixture->server),
                               tn_test_dav_server_get_user (fixture->server), password, fixture->book,
                               fixture->hrefs, 3, cancellable);
}

/* 7 cards in batches of 3: 3, 3, 1, then the end (and the end again), each card once with
 * its text. */
static void
test_batches (Fixture       *fixture,
              gconstpointer  kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const guint expected[] = { 3, 3, 1 };
  TnSyncFetch *fetch;

  if (fixture->server == NULL)
    return;

  fetch = start (fixture, tn_test_dav_server_get_password (fixture->server), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) cards = _tn_sync_fetch_next (fetch, &error);

      g_assert_no_error (error);
      g_assert_nonnull (cards);
      g_assert_cmpuint (cards->len, ==, expected[i]);
      for (guint j = 0; j < cards->len; j++)
        {
          TnCardDavCard *card = g_ptr_array_index (cards, j);

          g_assert_nonnull (card->etag);
          g_assert_nonnull (strstr (card->data, "FN:Person "));
          g_assert_true (g_hash_table_add (seen, g_strdup (card->href)));
        }
    }
  g_assert_null (_tn_sync_fetch_next (fetch, &error));
  g_assert_no_error (error);
  g_assert_null (_tn_sync_fetch_next (fetch, &error));
  g_assert_no_error (error);
  _tn_sync_fetch_stop (fetch);

  g_assert_cmpuint (g_hash_table_size (seen), ==, N_CARDS);
  for (guint i = 0; i < N_CARDS; i++)
    g_assert_true (g_hash_table_contains (seen, g_ptr_array_index (fixture->hrefs, i)));
}

/* The writer failed after the first batch: stopping does not wait for the rest. A cancelled
 * caller stops it as well. */
static void
test_stopped (Fixture       *fixture,
              gconstpointer  kind)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) after_cancel = NULL;
  g_autoptr(GError) error = NULL;
  TnSyncFetch *fetch;

  if (fixture->server == NULL)
    return;

  fetch = start (fixture, tn_test_dav_server_get_password (fixture->server), NULL);
  first = _tn_sync_fetch_next (fetch, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  _tn_sync_fetch_stop (fetch);

  fetch = start (fixture, tn_test_dav_server_get_password (fixture->server), cancellable);
  g_cancellable_cancel (cancellable);
  /* Batches fetched before the cancel may still come; then the end, cancelled. */
  while ((after_cancel = _tn_sync_fetch_next (fetch, &error)) != NULL)
    g_clear_pointer (&after_cancel, g_ptr_array_unref);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  _tn_sync_fetch_stop (fetch);
}

/* A refused password: no cards, the transport's AUTH error (xandikos asks for none). */
static void
test_refused (Fixture       *fixture,
              gconstpointer  kind)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  TnSyncFetch *fetch;

  if (fixture->server == NULL || !tn_test_dav_server_requires_auth (fixture->server))
    return;

  fetch = start (fixture, "not-the-password", NULL);
  cards = _tn_sync_fetch_next (fetch, &error);
  g_assert_null (cards);
  g_assert_error (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_AUTH);
  _tn_sync_fetch_stop (fetch);
}

int
main (int   argc,
      char *argv[])
{
  const char *kinds[] = { "radicale", "xandikos" };

  tn_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *batches = g_strdup_printf ("/sync-fetch/%s/batches", kinds[i]);
      g_autofree char *stopped = g_strdup_printf ("/sync-fetch/%s/stopped", kinds[i]);
      g_autofree char *refused = g_strdup_printf ("/sync-fetch/%s/refused", kinds[i]);

      g_test_add (batches, Fixture, kinds[i], fixture_set_up, test_batches, fixture_tear_down);
      g_test_add (stopped, Fixture, kinds[i], fixture_set_up, test_stopped, fixture_tear_down);
      g_test_add (refused, Fixture, kinds[i], fixture_set_up, test_refused, fixture_tear_down);
    }

  return g_test_run ();
}
