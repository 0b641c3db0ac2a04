/* tn-sync.c — the sync engine: setting sync up (discover, choose or create the address
 * book), one sync, and forgetting it. One sync first asks whether the book changed at all
 * (tn-sync-book.c: its last-modified where that is trusted, else its CTag); if it did, it
 * reads what changed on the server (RFC 6578 sync-collection with the stored token, the
 * changed cards' text in the same answer; without a token, or when the server refuses it,
 * a listing of ETags compared with the cards known), fetches the cards still needed in
 * batches on a thread of its own while the batch before is written, merges each with the
 * contact here, sends what changed here (from the change feed), deletes both ways, and only
 * then stores the new token and feed position: a sync stopped at any point is finished by
 * the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-clock.h"
#include "tn-sync-private.h"

/* The name of the address book TrustNet makes when the account has none. */
#define NEW_BOOK_NAME "TrustNet"

/* Cards fetched per addressbook-multiget: the transport's batch, so one request each. */
#define FETCH_BATCH 1000

/* A contact deleted here is deleted on the server once the window's Undo is gone. */
#define UNDO_SECONDS 20

void
tn_sync_report_clear (TnSyncReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->host, g_free);
  g_clear_pointer (&report->removed, g_ptr_array_unref);
  report->sent = report->received = report->merged = report->deleted = 0;
}

void
tn_sync_account_free (TnSyncAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->server_url);
  g_free (account->user);
  g_free (account->book_url);
  g_free (account);
}

static void
removed_free (TnSyncRemoved *removed)
{
  g_free (removed->uid);
  g_free (removed->full_name);
  g_free (removed);
}

/**
 * tn_sync_get_account:
 * @store: a store
 *
 * Returns: (transfer full) (nullable): the account, %NULL when sync is not set up
 */
TnSyncAccount *
tn_sync_get_account (TnStore *store)
{
  g_autoptr(TnStoreSyncAccount) stored = NULL;
  TnSyncAccount *account;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);

  stored = tn_store_sync_get_account (store, NULL);
  if (stored == NULL)
    return NULL;

  account = g_new0 (TnSyncAccount, 1);
  account->server_url = g_steal_pointer (&stored->server_url);
  account->user = g_steal_pointer (&stored->user);
  account->book_url = g_steal_pointer (&stored->book_url);
  return account;
}

/* The book to sync: one named TrustNet, else the first, else a new one. */
static char *
choose_book (TnCardDav     *dav,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) books = tn_carddav_discover_books_sync (dav, cancellable, error);

  if (books == NULL)
    return NULL;

  for (guint i = 0; i < books->len; i++)
    {
      TnCardDavBook *book = g_ptr_array_index (books, i);

      if (g_strcmp0 (book->display_name, NEW_BOOK_NAME) == 0)
        return g_strdup (book->href);
    }
  if (books->len > 0)
    return g_strdup (((TnCardDavBook *) g_ptr_array_index (books, 0))->href);

  return tn_carddav_create_book_sync (dav, NEW_BOOK_NAME, cancellable, error);
}

/**
 * tn_sync_setup:
 * @store: a store
 * @server_url: a server root (discovery finds the address books) or an address book's URL
 * @user: the user name
 * @password: the password; it is not stored here (see tn_sync_password_store())
 * @book_url: (nullable): the address book to sync; %NULL: the one named TrustNet, else
 *   the first one found, else a new one named TrustNet
 * @book_url_out: (out) (optional): the address book chosen
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks the account on the server and remembers it; the next sync compares everything.
 *
 * Returns: %TRUE on success; on failure nothing was stored
 */
gboolean
tn_sync_setup (TnStore       *store,
               const char    *server_url,
               const char    *user,
               const char    *password,
               const char    *book_url,
               char         **book_url_out,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(TnCardDav) dav = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *book = NULL;

  g_return_val_if_fail (TN_IS_STORE (store), FALSE);
  g_return_val_if_fail (server_url != NULL && user != NULL && password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dav = tn_carddav_new (server_url, user, password);
  book = book_url != NULL ? g_strdup (book_url) : choose_book (dav, cancellable, error);
  if (book == NULL)
    return FALSE;

  /* A book given by hand must be one: a listing answers that and checks the password. */
  if (book_url != NULL)
    {
      cards = tn_carddav_list_cards_sync (dav, book, cancellable, error);
      if (cards == NULL)
        return FALSE;
    }

  if (!tn_store_sync_set_account (store, server_url, user, book, error))
    return FALSE;

  if (book_url_out != NULL)
    *book_url_out = g_steal_pointer (&book);
  return TRUE;
}

/**
 * tn_sync_forget:
 * @store: a store
 * @error: return location for a #GError
 *
 * Forgets the account on this machine; the server keeps its cards and the contacts here
 * stay.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_sync_forget (TnStore  *store,
                GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (store), FALSE);

  return tn_store_sync_forget (store, error);
}

/* ---- one sync ------------------------------------------------------------------------- */

/* A full listing (no token, or one refused) against the cards known here: the changed are
 * those with another ETag, the removed those no longer listed. */
static gboolean
compare_listing (TnSyncRun   *run,
                 GPtrArray   *listing,
                 GPtrArray  **changed,
                 GPtrArray  **removed,
                 GError     **error)
{
  g_autoptr(GPtrArray) known = tn_store_sync_list_cards (run->store, error);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  if (known == NULL)
    return FALSE;

  *changed = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);
  *removed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < listing->len; i++)
    {
      TnCardDavCard *card = g_ptr_array_index (listing, i);

      g_hash_table_add (listed, card->href);
    }
  for (guint i = 0; i < known->len; i++)
    {
      TnStoreSyncCard *card = g_ptr_array_index (known, i);

      if (!g_hash_table_contains (listed, card->href))
        g_ptr_array_add (*removed, g_strdup (card->href));
    }
  for (guint i = 0; i < listing->len; i++)
    g_ptr_array_add (*changed, g_steal_pointer (&g_ptr_array_index (listing, i)));

  return TRUE;
}

/* Whether @error says the server cannot answer a question asked this way (an error of its
 * own, an answer too large), so that it is asked another way. */
gboolean
_tn_sync_is_unanswered (const GError *error)
{
  return g_error_matches (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_SERVER) ||
         g_error_matches (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE);
}

/* What changed since @since, with the changed cards' text in the same answer: one request
 * when nothing (or little) changed. Every card (@since %NULL: a token lost) is listed
 * without text: most are known here already, and xandikos 0.2 gives no text there at all.
 * An answer too large to take at once is asked for again without the text: the cards are
 * then fetched apart. FALSE with TOKEN when the server refuses @since. */
static gboolean
ask_changes (TnSyncRun   *run,
             const char  *since,
             char       **token,
             GPtrArray  **changed,
             GPtrArray  **removed,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *book = run->account->book_url;

  if (since == NULL)
    return tn_carddav_sync_collection_sync (run->dav, book, NULL, token, changed, removed, run->cancellable, error);
  if (tn_carddav_sync_collection_with_data_sync (run->dav, book, since, token, changed, removed,
                                                 run->cancellable, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return tn_carddav_sync_collection_sync (run->dav, book, since, token, changed, removed, run->cancellable, error);
}

/* A first sync: the book's token, then every card with its text from one addressbook-query.
 * Radicale 3.1 answers a sync-collection from no token by reading every card for the
 * listing, and again for their text: the token alone and the query took about half that
 * time for 10,000 cards (tests/bench/bench-sync.sh). The token is taken before the cards
 * are read, so a card changed in between is heard of again next time (and is then known
 * by its ETag, or merged). The CTag is not asked with it: Radicale reads the whole book
 * again for it (1.09 s against 0.64 s for the token alone, 10,000 cards), and the next
 * sync, finding it not known, asks it then. FALSE without @error where the server cannot
 * answer so (no token property, a server error, an answer too large): the engine lists
 * instead. */
static gboolean
list_whole_book (TnSyncRun   *run,
                 char       **token,
                 GPtrArray  **listing,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(TnCardDavBookTags) tags = { 0 };

  if (tn_carddav_get_book_tags_sync (run->dav, run->account->book_url, TN_CARDDAV_BOOK_TOKEN, &tags, run->cancellable,
                                     &local_error))
    *token = g_steal_pointer (&tags.token);
  if (*token != NULL)
    *listing = tn_carddav_query_all_sync (run->dav, run->account->book_url, run->cancellable, &local_error);
  if (*listing != NULL)
    return TRUE;

  g_clear_pointer (token, g_free);
  if (local_error != NULL && !_tn_sync_is_unanswered (local_error))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* What changed on the server since the last sync: hrefs with ETags (not yet compared with
 * the ETags known here), most with their text, and removed hrefs. */
static gboolean
list_server_changes (TnSyncRun   *run,
                     char       **token,
                     GPtrArray  **changed,
                     GPtrArray  **removed,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) listing = NULL;
  g_autoptr(GPtrArray) ignored = NULL;

  if (run->account->token != NULL)
    {
      if (_tn_sync_book_unchanged (run, &local_error))
        {
          *token = g_strdup (run->account->token);
          *changed = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);
          *removed = g_ptr_array_new_with_free_func (g_free);
          return TRUE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (run->account->token == NULL)
    {
      _tn_sync_progress_downloading (run, 0);
      if (list_whole_book (run, token, &listing, &local_error))
        return compare_listing (run, listing, changed, removed, error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (run->account->token != NULL && ask_changes (run, run->account->token, token, changed, removed, &local_error))
    return TRUE;
  if (local_error != NULL && !g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOKEN))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  /* No token, or one the server no longer takes: everything, compared with what is known. */
  if (!ask_changes (run, NULL, token, &listing, &ignored, &local_error))
    {
      if (!g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOKEN))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      listing = tn_carddav_list_cards_sync (run->dav, run->account->book_url, run->cancellable, error);
      if (listing == NULL)
        return FALSE;
    }

  return compare_listing (run, listing, changed, removed, error);
}

/* The ETag this machine last wrote or read for each href, from @known (TnStoreSyncCard,
 * one query: a first sync compares thousands); the table points into @known. */
static GHashTable *
known_etags_new (GPtrArray *known)
{
  GHashTable *known_etags = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < known->len; i++)
    {
      TnStoreSyncCard *card = g_ptr_array_index (known, i);

      if (card->etag != NULL)
        g_hash_table_insert (known_etags, card->href, card->etag);
    }

  return known_etags;
}

/* Whether the server's @card is as this machine last wrote or read it. */
static gboolean
is_known (GHashTable          *known_etags,
          const TnCardDavCard *card)
{
  return card->etag != NULL && g_strcmp0 (g_hash_table_lookup (known_etags, card->href), card->etag) == 0;
}

/* The changed cards whose ETag is not the one known here: the rest are this machine's own
 * writes, or nothing new. Those that came with their text go into @ready, the others'
 * hrefs into @hrefs, to be fetched; the person's own card first in either (see
 * tn-sync-cards.c). The known ETags are read in one query: a first sync compares thousands. */
static gboolean
sort_changed (TnSyncRun  *run,
              GPtrArray  *changed,
              GPtrArray  *ready,
              GPtrArray  *hrefs,
              GError    **error)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) known_etags = NULL;

  if (changed->len == 0)
    return TRUE;

  known = tn_store_sync_list_cards (run->store, error);
  if (known == NULL)
    return FALSE;
  known_etags = known_etags_new (known);

  for (guint i = 0; i < changed->len; i++)
    {
      TnCardDavCard *card = g_ptr_array_index (changed, i);

      if (is_known (known_etags, card))
        continue;

      g_ptr_array_insert (card->data != NULL ? ready : hrefs, _tn_sync_is_self_href (card->href) ? 0 : -1,
                          card->data != NULL ? (gpointer) card : card->href);
    }

  return TRUE;
}

/* More than one batch, from a server that would not answer query_and_receive(): fetched on
 * a thread of their own, each written while the next comes. */
static gboolean
fetch_and_receive (TnSyncRun  *run,
                   GPtrArray  *hrefs,
                   GError    **error)
{
  TnSyncFetch *fetch = _tn_sync_fetch_start (run->account->server_url, run->account->user, run->password,
                                             run->account->book_url, hrefs, FETCH_BATCH, run->cancellable);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *cards;
  gboolean success = TRUE;

  while (success && (cards = _tn_sync_fetch_next (fetch, &local_error)) != NULL)
    {
      success = _tn_sync_receive_cards (run, cards, error);
      g_ptr_array_unref (cards);
    }
  _tn_sync_fetch_stop (fetch);

  if (success && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return success;
}

/* Many cards to fetch (a first sync, or a listing after a lost token) from a server whose
 * sync-collection does not bring their text: one addressbook-query for the whole book is
 * one pass over it on the server, where multigets may be a pass per href (xandikos 0.2:
 * 1,000 hrefs of a 10,000-card book took minutes). Only the cards asked for are received.
 * A server that cannot answer so (an error of its own, an answer too large) is asked with
 * multigets after all. */
static gboolean
query_and_receive (TnSyncRun  *run,
                   GPtrArray  *hrefs,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) wanted_cards = NULL;
  g_autoptr(GHashTable) wanted = NULL;

  all = tn_carddav_query_all_sync (run->dav, run->account->book_url, run->cancellable, &local_error);
  if (all == NULL)
    {
      if (!_tn_sync_is_unanswered (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("addressbook-query not answered (%s): multigets instead", local_error->message);
      return fetch_and_receive (run, hrefs, error);
    }

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < hrefs->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (hrefs, i));

  /* The cards stay owned by @all; _tn_sync_receive_cards() puts the person's own first. */
  wanted_cards = g_ptr_array_sized_new (hrefs->len);
  for (guint i = 0; i < all->len; i++)
    {
      TnCardDavCard *card = g_ptr_array_index (all, i);

      if (g_hash_table_contains (wanted, card->href))
        g_ptr_array_add (wanted_cards, card);
    }

  return _tn_sync_receive_cards (run, wanted_cards, error);
}

static gboolean
receive_changes (TnSyncRun  *run,
                 GPtrArray  *changed,
                 GError    **error)
{
  g_autoptr(GPtrArray) ready = g_ptr_array_new ();
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new ();
  g_autoptr(GPtrArray) cards = NULL;

  if (!sort_changed (run, changed, ready, hrefs, error))
    return FALSE;
  /* Only cards still to fetch: the window says they are being downloaded. */
  if (ready->len == 0 && hrefs->len > 0)
    _tn_sync_progress_downloading (run, hrefs->len);
  else
    _tn_sync_progress_begin (run, ready->len + hrefs->len);

  if (!_tn_sync_receive_cards (run, ready, error))
    return FALSE;
  if (hrefs->len > FETCH_BATCH)
    return query_and_receive (run, hrefs, error);
  if (hrefs->len == 0)
    return TRUE;

  g_ptr_array_add (hrefs, NULL);
  cards = tn_carddav_multiget_sync (run->dav, run->account->book_url, (const char * const *) hrefs->pdata,
                                    run->cancellable, error);
  return cards != NULL && _tn_sync_receive_cards (run, cards, error);
}

static gboolean
send_changes (TnSyncRun  *run,
              GError    **error)
{
  g_autofree gpointer *uids = (gpointer *) g_hash_table_get_keys_as_array (run->local_changed, NULL);

  for (guint i = 0; uids[i] != NULL; i++)
    {
      gboolean sent = g_str_equal (uids[i], TN_SYNC_SELF_UID) ? _tn_sync_send_self (run, error)
                                                             : _tn_sync_send_contact (run, uids[i], error);

      if (!sent)
        return FALSE;
    }

  return TRUE;
}

/* Whether @changed and @removed tell of nothing but cards as this sync left them. */
static gboolean
only_own_writes (TnSyncRun  *run,
                 GPtrArray  *changed,
                 GPtrArray  *removed)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) known_etags = NULL;

  if (removed->len > 0)
    return FALSE;
  if (changed->len == 0)
    return TRUE;

  known = tn_store_sync_list_cards (run->store, NULL);
  if (known == NULL)
    return FALSE;
  known_etags = known_etags_new (known);
  for (guint i = 0; i < changed->len; i++)
    {
      if (!is_known (known_etags, g_ptr_array_index (changed, i)))
        return FALSE;
    }

  return TRUE;
}

/* A server may report a card added and deleted after a token as nothing at all (RFC 6578
 * 3.5.1 allows it; xandikos 0.2 does): with the token taken before this sync's new cards,
 * another client deleting one of them would never be heard of. So after sending, the token
 * is asked for again and kept only if it tells of nothing but what this sync wrote;
 * otherwise the older one stays and the next sync hears of the rest. */
static void
advance_token_past_sent (TnSyncRun  *run,
                         char      **token)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *after = NULL;
  g_auto(TnCardDavBookTags) tags = { 0 };
  gboolean book_asked = FALSE;

  if (*token == NULL)
    return;
  /* The CTag (and last-modified) before the token: if that token tells of nothing but this
   * sync's writes, so do they, and the next sync with nothing new is one request. A server
   * known to have no CTag is not asked. */
  if (_tn_sync_book_may_have_ctag (run))
    {
      if (!_tn_sync_book_ask (run, &tags, NULL))
        return;
      book_asked = TRUE;
    }
  if (!tn_carddav_sync_collection_sync (run->dav, run->account->book_url, *token, &after, &changed, &removed,
                                        run->cancellable, NULL))
    return;

  if (after != NULL && only_own_writes (run, changed, removed))
    {
      g_free (*token);
      *token = g_steal_pointer (&after);
      if (book_asked)
        _tn_sync_book_remember (run, &tags);
    }
}

static gboolean
delete_on_server (TnSyncRun  *run,
                  GError    **error)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GPtrArray) deleted = tn_store_sync_list_deleted (run->store, g_date_time_to_unix (now) - UNDO_SECONDS,
                                                             error);

  if (deleted == NULL)
    return FALSE;

  for (guint i = 0; i < deleted->len; i++)
    {
      TnStoreSyncCard *card = g_ptr_array_index (deleted, i);
      g_autoptr(GError) local_error = NULL;

      if (!tn_carddav_delete_card_sync (run->dav, card->href, card->etag, run->cancellable, &local_error))
        {
          /* Changed there since: the next sync brings it back here (an edit beats a
           * deletion). Gone already: nothing to do but forget it. */
          if (g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_PRECONDITION))
            continue;
          if (!g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }

      if (!tn_store_sync_drop_card (run->store, card->uid, error))
        return FALSE;
      run->report->deleted++;
    }

  return TRUE;
}

/* The contact a card deleted on the server stands for, with its name, before it goes. */
static TnSyncRemoved *
read_removed (TnSyncRun  *run,
              const char *href)
{
  g_autoptr(TnStoreSyncCard) known = tn_store_sync_get_card (run->store, NULL, href, NULL);
  g_autoptr(TnSyncContact) contact = NULL;
  TnSyncRemoved *removed;

  if (known == NULL || g_str_equal (known->uid, TN_SYNC_SELF_UID))
    return NULL;
  contact = tn_store_sync_read_contact (run->store, known->uid, NULL);
  if (contact == NULL)
    return NULL;

  removed = g_new0 (TnSyncRemoved, 1);
  removed->uid = g_strdup (known->uid);
  removed->full_name = g_strdup (contact->fields[TN_SYNC_FIELD_FULL_NAME]);
  return removed;
}

/* Each card deleted there; those whose contacts went here too are listed in the report,
 * for the window's Undo. */
static gboolean
remove_removed (TnSyncRun  *run,
                GPtrArray  *removed,
                GError    **error)
{
  for (guint i = 0; i < removed->len; i++)
    {
      const char *href = g_ptr_array_index (removed, i);
      TnSyncRemoved *contact = read_removed (run, href);
      guint deleted = run->report->deleted;

      if (!_tn_sync_removed_there (run, href, error))
        {
          g_clear_pointer (&contact, removed_free);
          return FALSE;
        }
      /* Not removed here: it was changed here since, and its card is made again. */
      if (contact != NULL && run->report->deleted == deleted)
        g_clear_pointer (&contact, removed_free);
      if (contact == NULL)
        continue;

      if (run->report->removed == NULL)
        run->report->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) removed_free);
      g_ptr_array_add (run->report->removed, contact);
    }

  return TRUE;
}

/* One sync of @run, to the stored position. */
static gboolean
sync_run (TnSyncRun  *run,
          GError    **error)
{
  g_autoptr(GPtrArray) local_uids = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *token = NULL;
  gint64 seq = 0;

  if (!list_server_changes (run, &token, &changed, &removed, error))
    return FALSE;

  local_uids = tn_store_sync_list_changed (run->store, run->account->seen_seq, &seq, error);
  if (local_uids == NULL)
    return FALSE;
  for (guint i = 0; i < local_uids->len; i++)
    g_hash_table_add (run->local_changed, g_strdup (g_ptr_array_index (local_uids, i)));
  /* Goal and employer live in the settings, which the change feed does not see:
   * _tn_sync_send_self() compares with the last card and sends only a change. */
  g_hash_table_add (run->local_changed, g_strdup (TN_SYNC_SELF_UID));

  if (!receive_changes (run, changed, error) || !remove_removed (run, removed, error) ||
      !send_changes (run, error) || !delete_on_server (run, error))
    return FALSE;
  if (run->report->sent > 0)
    advance_token_past_sent (run, &token);

  /* A sync that found nothing leaves the position as it was: no write (and no wait for
   * the disk) at all. */
  if (g_strcmp0 (token, run->account->token) == 0 && !_tn_sync_book_changed (run) && seq == run->account->seen_seq)
    return TRUE;
  return tn_store_sync_save_position (run->store, token, &run->book, seq, error);
}

/**
 * tn_sync_run:
 * @store: a store with sync set up
 * @password: the account's password
 * @report: (out caller-allocates): what the sync did; clear with tn_sync_report_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * One two-way sync. The first request tells whether the server can be reached and takes
 * the password: if not, nothing here changed. Cards received are written in transactions
 * with their state; the token and the change feed's position are stored last, so a sync
 * stopped half-way is finished, without duplicates, by the next.
 *
 * Returns: %TRUE on success; %FALSE with @error (%TN_CARDDAV_ERROR, %TN_STORE_ERROR)
 */
gboolean
tn_sync_run (TnStore       *store,
             const char    *password,
             TnSyncReport  *report,
             GCancellable  *cancellable,
             GError       **error)
{
  return tn_sync_run_with_progress (store, password, report, NULL, NULL, cancellable, error);
}

/**
 * tn_sync_run_with_progress:
 * @store: a store with sync set up
 * @password: the account's password
 * @report: (out caller-allocates): what the sync did; clear with tn_sync_report_clear()
 * @progress: (nullable) (scope call): called on this thread as cards are received
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * tn_sync_run(), telling @progress how far receiving is (a first sync of a big address
 * book takes a while): once with 0 when the number of cards to receive is known, then
 * after each transaction.
 *
 * Returns: %TRUE on success; %FALSE with @error (%TN_CARDDAV_ERROR, %TN_STORE_ERROR)
 */
gboolean
tn_sync_run_with_progress (TnStore            *store,
                           const char         *password,
                           TnSyncReport       *report,
                           TnSyncProgressFunc  progress,
                           gpointer            user_data,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(TnStoreSyncAccount) account = NULL;
  g_autoptr(TnCardDav) dav = NULL;
  g_autoptr(GHashTable) local_changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  TnSyncRun run = { 0 };
  gboolean success;

  g_return_val_if_fail (TN_IS_STORE (store), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *report = (TnSyncReport) { 0 };
  account = tn_store_sync_get_account (store, &local_error);
  if (account == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                     _("Sync is not set up on this computer"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  dav = tn_carddav_new (account->server_url, account->user, password);
  report->host = tn_carddav_get_host (dav);
  run = (TnSyncRun) {
    .store = store,
    .dav = dav,
    .password = password,
    .account = account,
    .report = report,
    .cancellable = cancellable,
    .local_changed = local_changed,
    .progress = progress,
    .progress_data = user_data,
  };
  tn_store_sync_book_copy (&run.book, &account->book);
  run.modified_read = account->book.modified;

  success = sync_run (&run, error);
  tn_store_sync_book_clear (&run.book);
  return success;
}
