/* tn-sync-book.c — whether the address book changed since the last sync, asked as cheaply
 * as can be trusted.
 *
 * The CTag (CS:getctag) changes with any card, but Radicale 3.1 reads the whole book to
 * work it out (433 ms for 10,000 cards). Its last-modified (DAV:getlastmodified) comes
 * from the files' times (53 ms): the newest of the folder's, its properties' and every
 * card's, so a change, an add and a delete all move it. RFC 4918 does not promise that of
 * any server, so it is trusted only where seen:
 *   - trusted once an answer shows the CTag changed and the last-modified with it;
 *   - distrusted for good once the CTag changed while a last-modified that could tell did
 *     not, or the server gives none for the book (xandikos 0.2);
 *   - only a last-modified read well after its second ended can tell that nothing
 *     changed (tn_carddav_book_tags_modified_is_validator ()): a change later in the
 *     same second leaves it as it was;
 *   - even when trusted, the CTag is asked at least once an hour, so a server whose
 *     clock goes wrong cannot hide a change for long.
 * A quiet sync of a trusted account is one PROPFIND of the last-modified alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include "tn-clock.h"
#include "tn-sync-private.h"

/* The window syncs every 15 minutes: every fourth quiet sync asks the CTag. */
#define CTAG_AT_LEAST_EVERY (60 * 60)

static gint64
now_unix (void)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  return g_date_time_to_unix (now);
}

/* Whether the account's book is known to have a CTag, or may have one: not one known to
 * lack it. */
gboolean
_tn_sync_book_may_have_ctag (const TnSyncRun *run)
{
  return g_strcmp0 (run->book.ctag, "") != 0;
}

/* Whether @stored's last-modified alone may say that nothing changed. The clock going
 * back counts as an hour gone. */
static gboolean
modified_may_tell (const TnStoreSyncBook *stored,
                   gint64                 now)
{
  return stored->modified_trust == TN_STORE_SYNC_TRUST_YES && stored->modified != 0 && stored->ctag != NULL &&
         *stored->ctag != '\0' && now >= stored->ctag_asked_at && now - stored->ctag_asked_at < CTAG_AT_LEAST_EVERY;
}

/* What @tags (both tags, read together) say of the server's last-modified against the
 * pair the run holds. */
static void
learn_trust (TnSyncRun               *run,
             const TnCardDavBookTags *tags)
{
  TnStoreSyncBook *book = &run->book;

  if (book->modified_trust == TN_STORE_SYNC_TRUST_NO)
    return;
  if (tags->modified == 0)
    {
      g_debug ("the book has no last-modified: the CTag is asked each time");
      book->modified_trust = TN_STORE_SYNC_TRUST_NO;
      return;
    }
  if (book->ctag == NULL || *book->ctag == '\0' || tags->ctag == NULL || run->modified_read == 0 ||
      g_str_equal (book->ctag, tags->ctag))
    return;

  if (tags->modified != run->modified_read)
    book->modified_trust = TN_STORE_SYNC_TRUST_YES;
  /* The one before could tell: a change since must have moved it. */
  else if (book->modified != 0)
    {
      g_debug ("the CTag changed, the last-modified did not: the CTag is asked each time");
      book->modified_trust = TN_STORE_SYNC_TRUST_NO;
    }
}

/**
 * _tn_sync_book_ask:
 *
 * The book's CTag now, with its last-modified unless that is distrusted, from one
 * PROPFIND; what they say of the last-modified is learned (not yet remembered).
 */
gboolean
_tn_sync_book_ask (TnSyncRun          *run,
                   TnCardDavBookTags  *tags,
                   GError            **error)
{
  TnCardDavBookTag asked = TN_CARDDAV_BOOK_CTAG;

  if (run->book.modified_trust != TN_STORE_SYNC_TRUST_NO)
    asked |= TN_CARDDAV_BOOK_MODIFIED;
  if (!tn_carddav_get_book_tags_sync (run->dav, run->account->book_url, asked, tags, run->cancellable, error))
    return FALSE;

  learn_trust (run, tags);
  return TRUE;
}

/**
 * _tn_sync_book_remember:
 *
 * @tags from _tn_sync_book_ask() become what is stored with the token.
 */
void
_tn_sync_book_remember (TnSyncRun               *run,
                        const TnCardDavBookTags *tags)
{
  TnStoreSyncBook *book = &run->book;

  g_free (book->ctag);
  book->ctag = g_strdup (tags->ctag != NULL ? tags->ctag : "");
  run->modified_read = tags->modified;
  book->modified = tn_carddav_book_tags_modified_is_validator (tags) ? tags->modified : 0;
  book->ctag_asked_at = book->modified_trust == TN_STORE_SYNC_TRUST_YES ? now_unix () : 0;
}

/**
 * _tn_sync_book_unchanged:
 *
 * Whether the address book is as the last sync left it: by its last-modified where that
 * may tell, else by its CTag, each one PROPFIND that costs the server less than a
 * sync-collection, even one that finds nothing. A server known to have no CTag is not
 * asked (that sync-collection is then the one request). FALSE without @error when
 * something changed, nothing is known, or the server cannot answer (the sync-collection
 * then tells). The run's book, as stored until now, becomes what is to be stored.
 */
gboolean
_tn_sync_book_unchanged (TnSyncRun  *run,
                         GError    **error)
{
  const TnStoreSyncBook *stored = &run->account->book;
  g_auto(TnCardDavBookTags) tags = { 0 };
  g_autoptr(GError) local_error = NULL;

  if (!_tn_sync_book_may_have_ctag (run))
    return FALSE;

  if (modified_may_tell (stored, now_unix ()))
    {
      if (tn_carddav_get_book_tags_sync (run->dav, run->account->book_url, TN_CARDDAV_BOOK_MODIFIED, &tags,
                                         run->cancellable, &local_error))
        {
          if (tags.modified == stored->modified)
            return TRUE;
        }
      else if (!_tn_sync_is_unanswered (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      tn_carddav_book_tags_clear (&tags);
    }

  if (!_tn_sync_book_ask (run, &tags, &local_error))
    {
      g_clear_pointer (&run->book.ctag, g_free);
      run->book.modified = run->modified_read = 0;
      if (!_tn_sync_is_unanswered (local_error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _tn_sync_book_remember (run, &tags);
  return tags.ctag != NULL && g_strcmp0 (tags.ctag, stored->ctag) == 0;
}

/* Whether the run's book differs from the stored one: a sync that found nothing writes
 * nothing. */
gboolean
_tn_sync_book_changed (const TnSyncRun *run)
{
  const TnStoreSyncBook *stored = &run->account->book;

  return g_strcmp0 (run->book.ctag, stored->ctag) != 0 || run->book.modified != stored->modified ||
         run->book.modified_trust != stored->modified_trust || run->book.ctag_asked_at != stored->ctag_asked_at;
}
