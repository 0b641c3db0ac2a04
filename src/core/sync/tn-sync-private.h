/* tn-sync-private.h — one sync run, shared by the engine's files: tn-sync.c (what
 * changed where, in which order), tn-sync-fetch.c (cards fetched while others are
 * written), tn-sync-cards.c (one card received or sent), tn-sync-self.c (the person's
 * own card) and tn-sync-progress.c (how far receiving is).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-carddav.h"
#include "tn-store-sync.h"
#include "tn-sync.h"

G_BEGIN_DECLS

typedef struct
{
  TnStore *store;
  TnCardDav *dav;
  const char *password;        /* for a second client (tn-sync-fetch.c) */
  TnStoreSyncAccount *account;
  TnSyncReport *report;
  GCancellable *cancellable;
  /* What is known of the book as a whole, to store with the token (tn-sync-book.c): its
   * CTag and last-modified taken before the server was asked what changed, so never newer
   * than what this sync knows. Owned. */
  TnStoreSyncBook book;
  /* The last-modified read with book.ctag, even one that cannot tell that nothing changed
   * (book.modified is 0 then): the next answer is compared with it. */
  gint64 modified_read;
  /* uids changed here since the last sync and not yet dealt with */
  GHashTable *local_changed;
  /* How far receiving is, for the window (nullable) */
  TnSyncProgressFunc progress;
  gpointer progress_data;
  guint received;
  guint to_receive;
  gint64 progress_told_at;     /* monotonic time (tn-sync-progress.c) */
} TnSyncRun;

/* tn-sync.c */
gboolean _tn_sync_is_unanswered      (const GError       *error);

/* tn-sync-book.c */
gboolean _tn_sync_book_unchanged     (TnSyncRun          *run,
                                      GError            **error);
gboolean _tn_sync_book_may_have_ctag (const TnSyncRun    *run);
gboolean _tn_sync_book_ask           (TnSyncRun          *run,
                                      TnCardDavBookTags  *tags,
                                      GError            **error);
void     _tn_sync_book_remember      (TnSyncRun               *run,
                                      const TnCardDavBookTags *tags);
gboolean _tn_sync_book_changed       (const TnSyncRun    *run);

typedef struct _TnSyncFetch TnSyncFetch;

TnSyncFetch   *_tn_sync_fetch_start (const char      *server_url,
                                     const char      *user,
                                     const char      *password,
                                     const char      *book_url,
                                     GPtrArray       *hrefs,
                                     guint            batch,
                                     GCancellable    *cancellable);
GPtrArray     *_tn_sync_fetch_next  (TnSyncFetch     *fetch,
                                     GError         **error);
void           _tn_sync_fetch_stop  (TnSyncFetch     *fetch);

TnCardDavCard *_tn_sync_fetch_card (TnSyncRun       *run,
                                    const char      *href,
                                    GError         **error);
gboolean _tn_sync_is_self_href  (const char           *href);
gboolean _tn_sync_receive_cards (TnSyncRun            *run,
                                 GPtrArray            *cards,
                                 GError              **error);
gboolean _tn_sync_receive_card  (TnSyncRun            *run,
                                 const TnCardDavCard  *card,
                                 GError              **error);
gboolean _tn_sync_send_contact  (TnSyncRun            *run,
                                 const char           *uid,
                                 GError              **error);
gboolean _tn_sync_receive_self  (TnSyncRun            *run,
                                 const TnCardDavCard  *card,
                                 GError              **error);
gboolean _tn_sync_send_self     (TnSyncRun            *run,
                                 GError              **error);
gboolean _tn_sync_removed_there (TnSyncRun            *run,
                                 const char           *href,
                                 GError              **error);

void     _tn_sync_progress_begin (TnSyncRun           *run,
                                  guint                total);
void     _tn_sync_progress_downloading (TnSyncRun     *run,
                                        guint          total);
void     _tn_sync_progress_add   (TnSyncRun           *run,
                                  guint                n);

G_END_DECLS
