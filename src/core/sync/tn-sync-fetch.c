/* tn-sync-fetch.c — the cards a sync receives, fetched in batches on a thread of its own
 * while the sync writes the batch before: the server's time and the database's time
 * overlap instead of adding up. At most FETCH_AHEAD batches wait, so a big address book
 * is never held in memory whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include "tn-sync-private.h"

/* Batches fetched before the writer took the first of them. */
#define FETCH_AHEAD 2

struct _TnSyncFetch
{
  GThread      *thread;
  /* The fetcher makes a client of its own on its thread: a TnCardDav makes one request
   * at a time, and a libsoup session is used on the thread it was made on. */
  char         *server_url;
  char         *user;
  char         *password;
  char         *book_url;
  char        **hrefs;
  guint         batch;
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_handler;

  /* A slot is a token the writer hands back for each batch it took (so the fetcher
   * waits when FETCH_AHEAD batches wait); fetched holds Batch. */
  GAsyncQueue  *slots;
  GAsyncQueue  *fetched;
};

typedef struct
{
  GPtrArray *cards;   /* NULL: the end, with error when it failed */
  GError    *error;
} Batch;

static gpointer
fetch_thread (gpointer data)
{
  TnSyncFetch *fetch = data;
  g_autoptr(TnCardDav) dav = tn_carddav_new (fetch->server_url, fetch->user, fetch->password);
  guint n_hrefs = g_strv_length (fetch->hrefs);

  for (guint start = 0; start < n_hrefs; start += fetch->batch)
    {
      g_autofree const char **hrefs = g_new0 (const char *, fetch->batch + 1);
      Batch *batch = g_new0 (Batch, 1);

      g_async_queue_pop (fetch->slots);
      if (g_cancellable_set_error_if_cancelled (fetch->cancellable, &batch->error))
        {
          g_async_queue_push (fetch->fetched, batch);
          return NULL;
        }
      for (guint i = start; i < MIN (start + fetch->batch, n_hrefs); i++)
        hrefs[i - start] = fetch->hrefs[i];

      gboolean failed;

      batch->cards = tn_carddav_multiget_sync (dav, fetch->book_url, hrefs, fetch->cancellable,
                                               &batch->error);
      /* Once pushed, the batch is the writer's, who may free it at once. */
      failed = batch->cards == NULL;
      g_async_queue_push (fetch->fetched, batch);
      if (failed)
        return NULL;
    }

  g_async_queue_push (fetch->fetched, g_new0 (Batch, 1));
  return NULL;
}

static void
forward_cancel_cb (GCancellable *caller_cancellable,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/**
 * _tn_sync_fetch_start:
 * @server_url: the account's server
 * @user: its user
 * @password: its password
 * @book_url: the address book
 * @hrefs: the cards to fetch
 * @batch: cards per batch
 * @cancellable: (nullable): stops the fetcher too
 *
 * Returns: (transfer full): the fetcher, already at work; end with _tn_sync_fetch_stop()
 */
TnSyncFetch *
_tn_sync_fetch_start (const char   *server_url,
                      const char   *user,
                      const char   *password,
                      const char   *book_url,
                      GPtrArray    *hrefs,
                      guint         batch,
                      GCancellable *cancellable)
{
  TnSyncFetch *fetch = g_new0 (TnSyncFetch, 1);

  g_assert (batch > 0);

  fetch->server_url = g_strdup (server_url);
  fetch->user = g_strdup (user);
  fetch->password = g_strdup (password);
  fetch->book_url = g_strdup (book_url);
  fetch->hrefs = g_new0 (char *, hrefs->len + 1);
  for (guint i = 0; i < hrefs->len; i++)
    fetch->hrefs[i] = g_strdup (g_ptr_array_index (hrefs, i));
  fetch->batch = batch;
  fetch->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->caller_cancellable = g_object_ref (cancellable);
      fetch->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb),
                                                     fetch->cancellable, NULL);
    }
  fetch->slots = g_async_queue_new ();
  fetch->fetched = g_async_queue_new ();
  for (guint i = 0; i < FETCH_AHEAD; i++)
    g_async_queue_push (fetch->slots, GUINT_TO_POINTER (1));

  fetch->thread = g_thread_new ("tn-sync-fetch", fetch_thread, fetch);
  return fetch;
}

/**
 * _tn_sync_fetch_next:
 * @fetch: a fetcher
 * @error: return location for a #GError
 *
 * Waits for the next batch.
 *
 * Returns: (transfer full) (nullable) (element-type TnCardDavCard): its cards with their
 *   text, or %NULL at the end (@error set when fetching failed)
 */
GPtrArray *
_tn_sync_fetch_next (TnSyncFetch  *fetch,
                     GError      **error)
{
  g_autofree Batch *batch = g_async_queue_pop (fetch->fetched);

  if (batch->cards == NULL)
    {
      /* The end stays the end for another call. */
      if (batch->error != NULL)
        g_propagate_error (error, batch->error);
      g_async_queue_push_front (fetch->fetched, g_new0 (Batch, 1));
      return NULL;
    }

  g_async_queue_push (fetch->slots, GUINT_TO_POINTER (1));
  return batch->cards;
}

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->cards, g_ptr_array_unref);
  g_clear_error (&batch->error);
  g_free (batch);
}

/**
 * _tn_sync_fetch_stop:
 * @fetch: (transfer full): a fetcher, finished or not
 *
 * Stops it (a request under way is cancelled), waits for its thread and frees it.
 */
void
_tn_sync_fetch_stop (TnSyncFetch *fetch)
{
  Batch *batch;

  if (fetch->caller_cancellable != NULL)
    g_cancellable_disconnect (fetch->caller_cancellable, fetch->caller_handler);
  g_clear_object (&fetch->caller_cancellable);
  g_cancellable_cancel (fetch->cancellable);
  /* A fetcher waiting for a slot gets one, sees the cancellable and ends. */
  for (guint i = 0; i < FETCH_AHEAD; i++)
    g_async_queue_push (fetch->slots, GUINT_TO_POINTER (1));
  g_thread_join (fetch->thread);

  while ((batch = g_async_queue_try_pop (fetch->fetched)) != NULL)
    batch_free (batch);
  g_async_queue_unref (fetch->fetched);
  g_async_queue_unref (fetch->slots);
  g_object_unref (fetch->cancellable);
  g_strfreev (fetch->hrefs);
  g_free (fetch->server_url);
  g_free (fetch->user);
  g_free (fetch->password);
  g_free (fetch->book_url);
  g_free (fetch);
}
