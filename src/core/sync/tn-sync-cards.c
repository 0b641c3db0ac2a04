/* tn-sync-cards.c — one card of a sync: a card the server changed, merged with the
 * contact here and written where it differs; a contact changed here, sent with If-Match
 * (If-None-Match: * when new), and on 412 fetched, merged and sent again, a few times at
 * most. Data are compared, never card texts, so a server that rewrites cards after a PUT
 * (new ETag, properties reordered) causes no second PUT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-sync-card.h"
#include "tn-sync-merge.h"
#include "tn-sync-private.h"

/* A 412 means someone wrote the card between our read and our write; a few rounds of
 * fetch, merge, retry settle any person, not a server that changes it on every read. */
#define MAX_PUT_ATTEMPTS 4

/* Cards received per transaction: one commit per card made a first sync of 10,000 cards
 * write its journal 10,000 times; a few hundred keep other processes' waits short. */
#define WRITE_BATCH 250

static void
set_text (char       **place,
          const char  *text)
{
  char *copy = g_strdup (text);

  g_free (*place);
  *place = copy;
}

/* The card URL of a new contact: from its uid, so that a sync killed after its PUT and
 * before recording it finds the same card again (a 412) instead of making a duplicate. */
static char *
new_card_href (TnSyncRun  *run,
               const char *uid)
{
  const char *book = run->account->book_url;
  const char *slash = g_str_has_suffix (book, "/") ? "" : "/";
  gboolean plain = *uid != '\0' && strlen (uid) <= 128;
  g_autofree char *name = NULL;

  for (const char *p = uid; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';

  name = plain ? g_strdup (uid) : g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);
  return g_strdup_printf ("%s%s%s.vcf", book, slash, name);
}

/* The contact as the card @text says, or %NULL for a card that cannot be read. */
static TnSyncContact *
read_base (const char *text)
{
  return text != NULL && *text != '\0' ? tn_sync_card_read (text, NULL) : NULL;
}

/**
 * _tn_sync_fetch_card:
 * @run: the sync
 * @href: a card
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the card with its data and ETag
 */
TnCardDavCard *
_tn_sync_fetch_card (TnSyncRun   *run,
                     const char  *href,
                     GError     **error)
{
  const char *hrefs[] = { href, NULL };
  g_autoptr(GPtrArray) cards = tn_carddav_multiget_sync (run->dav, run->account->book_url, hrefs,
                                                         run->cancellable, error);
  if (cards == NULL)
    return NULL;
  if (cards->len == 0)
    {
      g_set_error (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_NOT_FOUND, _("The card %s is not on the server"), href);
      return NULL;
    }

  return g_ptr_array_steal_index (cards, 0);
}

/* After a 412: the contact merged with the card on the server now, written here if it
 * changed, with @etag set to the server's. @settled says the server has all of it already
 * (its card state is then recorded). %NULL on error. */
static TnSyncContact *
merge_with_server (TnSyncRun            *run,
                   const TnSyncContact  *mine,
                   const char           *href,
                   char                **etag,
                   gboolean             *settled,
                   GError              **error)
{
  g_autoptr(TnCardDavCard) card = _tn_sync_fetch_card (run, href, error);
  g_autoptr(TnStoreSyncCard) known = NULL;
  g_autoptr(TnSyncContact) base = NULL;
  g_autoptr(TnSyncContact) theirs = NULL;
  TnSyncContact *merged;

  if (card == NULL)
    return NULL;

  theirs = tn_sync_card_read (card->data, error);
  if (theirs == NULL)
    return NULL;

  known = tn_store_sync_get_card (run->store, mine->uid, NULL, NULL);
  base = known != NULL ? read_base (known->card) : NULL;
  merged = tn_sync_merge_contact (base, mine, theirs, NULL);
  set_text (&merged->vcard, card->data);
  set_text (etag, card->etag);

  if (!tn_sync_contact_equal (merged, mine))
    {
      TnStoreSyncCard state = { merged->uid, (char *) href, card->etag, card->data };

      if (!tn_store_sync_write_contact (run->store, merged, &state, error))
        {
          tn_sync_contact_free (merged);
          return NULL;
        }
    }

  /* Nothing of ours left to send: record what the server has. */
  *settled = tn_sync_contact_equal (merged, theirs);
  if (*settled)
    {
      TnStoreSyncCard state = { merged->uid, (char *) href, card->etag, card->data };

      if (!tn_store_sync_save_card (run->store, &state, error))
        {
          tn_sync_contact_free (merged);
          return NULL;
        }
    }

  return merged;
}

/* Sends @contact to @href (if_match: its ETag; %NULL for a new card) and records it. */
static gboolean
put_contact (TnSyncRun            *run,
             const TnSyncContact  *contact,
             const char           *href,
             const char           *if_match,
             GError              **error)
{
  g_autoptr(TnSyncContact) current = tn_sync_contact_copy (contact);
  g_autofree char *etag = g_strdup (if_match);

  for (guint attempt = 0; attempt < MAX_PUT_ATTEMPTS; attempt++)
    {
      g_autofree char *text = tn_sync_card_write (current);
      g_autofree char *new_etag = NULL;
      g_autoptr(GError) put_error = NULL;
      TnSyncContact *merged;
      gboolean settled = FALSE;

      if (tn_carddav_put_card_sync (run->dav, href, text, etag, &new_etag, run->cancellable, &put_error))
        {
          TnStoreSyncCard state = { current->uid, (char *) href, new_etag, text };

          return tn_store_sync_save_card (run->store, &state, error);
        }

      if (!g_error_matches (put_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&put_error));
          return FALSE;
        }

      merged = merge_with_server (run, current, href, &etag, &settled, error);
      if (merged == NULL)
        return FALSE;
      tn_sync_contact_free (current);
      current = merged;
      if (settled)
        return TRUE;
    }

  g_set_error (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_PRECONDITION,
               _("The server kept changing the card of %s while TrustNet wrote it; try again later"),
               current->fields[TN_SYNC_FIELD_FULL_NAME]);
  return FALSE;
}

/**
 * _tn_sync_send_contact:
 * @run: the sync
 * @uid: a contact changed here
 * @error: return location for a #GError
 *
 * Sends the contact unless the server already has what it says (the change was this
 * sync's own write, or was undone).
 */
gboolean
_tn_sync_send_contact (TnSyncRun   *run,
                       const char  *uid,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TnSyncContact) contact = tn_store_sync_read_contact (run->store, uid, &local_error);
  g_autoptr(TnStoreSyncCard) known = NULL;
  g_autoptr(TnSyncContact) base = NULL;
  g_autofree char *href = NULL;

  if (contact == NULL)
    {
      /* Deleted here: tn_store_sync_list_deleted() has it. */
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return local_error == NULL;
    }

  known = tn_store_sync_get_card (run->store, uid, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  base = known != NULL ? read_base (known->card) : NULL;
  if (base != NULL && tn_sync_contact_equal (contact, base))
    return TRUE;

  /* Written over the card as the server last had it, so other clients' lines stay. */
  if (known != NULL && known->card != NULL && *known->card != '\0')
    set_text (&contact->vcard, known->card);
  href = known != NULL ? g_strdup (known->href) : new_card_href (run, uid);

  if (!put_contact (run, contact, href, known != NULL ? known->etag : NULL, error))
    return FALSE;

  run->report->sent++;
  return TRUE;
}

/* A card another client made may have no UID: its href names it. */
static void
name_from_href (TnSyncContact *contact,
                const char    *href)
{
  g_autofree char *name = g_path_get_basename (href);

  if (g_str_has_suffix (name, ".vcf"))
    name[strlen (name) - 4] = '\0';
  contact->uid = g_uri_unescape_string (name, NULL);
  if (contact->uid == NULL)
    contact->uid = g_strdup (name);
}

/**
 * _tn_sync_receive_card:
 * @run: the sync
 * @card: a card the server changed, with its data
 * @error: return location for a #GError
 *
 * Merges the card with the contact here (three-way, over the card as last synced), writes
 * the result here where it differs (with the card's state, in one transaction) and sends
 * it where the server's card lacks something.
 */
gboolean
_tn_sync_receive_card (TnSyncRun            *run,
                       const TnCardDavCard  *card,
                       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TnSyncContact) theirs = NULL;
  g_autoptr(TnSyncContact) mine = NULL;
  g_autoptr(TnSyncContact) base = NULL;
  g_autoptr(TnSyncContact) merged = NULL;
  g_autoptr(TnStoreSyncCard) known = NULL;
  TnStoreSyncCard state = { NULL, card->href, card->etag, card->data };
  gboolean changed_here, changed_there;

  if (tn_sync_card_is_self (card->data))
    return _tn_sync_receive_self (run, card, error);

  theirs = tn_sync_card_read (card->data, &local_error);
  if (theirs == NULL)
    {
      /* One broken card must not stop everyone else's. */
      g_message ("Skipping the card %s: %s", card->href, local_error->message);
      return TRUE;
    }
  if (theirs->uid == NULL || *theirs->uid == '\0')
    {
      g_clear_pointer (&theirs->uid, g_free);
      name_from_href (theirs, card->href);
    }
  state.uid = theirs->uid;

  known = tn_store_sync_get_card (run->store, theirs->uid, NULL, &local_error);
  if (local_error == NULL)
    mine = tn_store_sync_read_contact (run->store, theirs->uid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_hash_table_remove (run->local_changed, theirs->uid);

  if (mine == NULL)
    {
      /* New here (added on a phone, say, and then not rated yet), or deleted here after
       * it changed there: the change brings it back. */
      if (!tn_store_sync_write_contact (run->store, theirs, &state, error))
        return FALSE;
      run->report->received++;
      return TRUE;
    }

  base = known != NULL ? read_base (known->card) : NULL;
  merged = tn_sync_merge_contact (base, mine, theirs, NULL);
  set_text (&merged->vcard, card->data);
  changed_here = !tn_sync_contact_equal (merged, mine);
  changed_there = !tn_sync_contact_equal (merged, theirs);

  if (changed_here ? !tn_store_sync_write_contact (run->store, merged, &state, error)
                   : !tn_store_sync_save_card (run->store, &state, error))
    return FALSE;
  if (changed_there && !put_contact (run, merged, card->href, card->etag, error))
    return FALSE;

  if (changed_here && changed_there)
    run->report->merged++;
  else if (changed_here)
    run->report->received++;
  else if (changed_there)
    run->report->sent++;
  return TRUE;
}

/**
 * _tn_sync_removed_there:
 * @run: the sync
 * @href: a card deleted on the server
 * @error: return location for a #GError
 *
 * Removes its contact here (it can be restored, as after Delete), unless the contact was
 * changed here since the last sync: an edit beats a deletion, and the card is made again.
 */
gboolean
_tn_sync_removed_there (TnSyncRun   *run,
                        const char  *href,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TnStoreSyncCard) known = tn_store_sync_get_card (run->store, NULL, href, &local_error);
  g_autoptr(TnSyncContact) mine = NULL;
  g_autoptr(TnSyncContact) base = NULL;

  if (known == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return local_error == NULL;
    }

  mine = g_str_equal (known->uid, TN_SYNC_SELF_UID) ? NULL
                                                   : tn_store_sync_read_contact (run->store, known->uid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  base = read_base (known->card);

  if (mine != NULL && (base == NULL || !tn_sync_contact_equal (mine, base)))
    {
      g_hash_table_remove (run->local_changed, known->uid);
      set_text (&mine->vcard, known->card);
      if (!put_contact (run, mine, href, NULL, error))
        return FALSE;
      run->report->sent++;
      return TRUE;
    }

  if (mine == NULL)
    return tn_store_sync_drop_card (run->store, known->uid, error);

  g_hash_table_remove (run->local_changed, known->uid);
  if (!tn_store_sync_remove_contact (run->store, known->uid, error))
    return FALSE;
  run->report->deleted++;
  return TRUE;
}

/* tn-sync-self.c makes the person's own card at this href, on every machine. */
gboolean
_tn_sync_is_self_href (const char *href)
{
  return g_str_has_suffix (href, "/" TN_SYNC_SELF_UID ".vcf");
}

/* The person's own card before the contacts' (a server answers a multiget in its own
 * order): a contact's "heard the statement" is about the current statement, which that
 * card may bring; received after, "heard" would go to the statement before it. */
static void
self_first (GPtrArray *cards)
{
  for (guint i = 1; i < cards->len; i++)
    {
      TnCardDavCard *card = g_ptr_array_index (cards, i);

      if (_tn_sync_is_self_href (card->href))
        {
          g_ptr_array_steal_index (cards, i);
          g_ptr_array_insert (cards, 0, card);
          return;
        }
    }
}

/**
 * _tn_sync_receive_cards:
 * @run: the sync
 * @cards: (element-type TnCardDavCard): cards the server changed, with their data; the
 *   person's own card is moved first
 * @error: return location for a #GError
 *
 * _tn_sync_receive_card() for each, WRITE_BATCH of them per transaction, telling the
 * progress as each card is written. The batches before an error are kept; a card that
 * could not be written takes its batch with it (the next sync receives those again).
 */
gboolean
_tn_sync_receive_cards (TnSyncRun  *run,
                        GPtrArray  *cards,
                        GError    **error)
{
  self_first (cards);
  for (guint start = 0; start < cards->len; start += WRITE_BATCH)
    {
      g_autoptr(GError) local_error = NULL;
      guint end = MIN (start + WRITE_BATCH, cards->len);

      if (!tn_store_sync_begin_batch (run->store, error))
        return FALSE;

      for (guint i = start; i < end && local_error == NULL; i++)
        if (_tn_sync_receive_card (run, g_ptr_array_index (cards, i), &local_error))
          _tn_sync_progress_add (run, 1);

      if (!tn_store_sync_end_batch (run->store, local_error == NULL ? error : NULL) || local_error != NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}
