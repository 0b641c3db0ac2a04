/* tn-store-sync.h — what sync keeps in the database: the account (never the password),
 * where the server and the change feed stood, each card's href, ETag and last synced text,
 * and reading and writing a contact as sync carries it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"
#include "tn-sync-contact.h"

G_BEGIN_DECLS

/**
 * TnStoreSyncTrust:
 * @TN_STORE_SYNC_TRUST_UNKNOWN: not seen yet
 * @TN_STORE_SYNC_TRUST_YES: seen to move when the CTag did
 * @TN_STORE_SYNC_TRUST_NO: seen to stay when the CTag moved, or the server gives none
 *
 * Whether the server's DAV:getlastmodified for the address book moves with its cards,
 * which RFC 4918 does not promise: learned per account (see tn-sync-book.c).
 */
typedef enum
{
  TN_STORE_SYNC_TRUST_UNKNOWN,
  TN_STORE_SYNC_TRUST_YES,
  TN_STORE_SYNC_TRUST_NO,
} TnStoreSyncTrust;

/**
 * TnStoreSyncBook:
 * @ctag: (nullable): the address book's CTag (CS:getctag) as the last sync knew it, older
 *   than the token's state or the same; "" when the server gives none; %NULL when not known
 * @modified: the book's DAV:getlastmodified (Unix seconds) read with @ctag, where it can
 *   tell that nothing changed since; 0 otherwise
 * @modified_trust: whether the server's last-modified moves with its cards
 * @ctag_asked_at: when (Unix seconds, this computer's clock) the CTag was last asked of a
 *   server whose last-modified is trusted; 0 otherwise
 *
 * What the last sync knew of the address book as a whole.
 */
typedef struct
{
  char *ctag;
  gint64 modified;
  TnStoreSyncTrust modified_trust;
  gint64 ctag_asked_at;
} TnStoreSyncBook;

/**
 * TnStoreSyncAccount:
 * @server_url: the server address the person gave
 * @user: their user name
 * @book_url: the address book synced
 * @token: (nullable): the server's sync token after the last sync
 * @book: what the last sync knew of the address book as a whole
 * @seen_seq: the change feed's position the last sync sent up to
 */
typedef struct
{
  char *server_url;
  char *user;
  char *book_url;
  char *token;
  TnStoreSyncBook book;
  gint64 seen_seq;
} TnStoreSyncAccount;

/**
 * TnStoreSyncCard:
 * @uid: the contact's uid (%TN_SYNC_SELF_UID for the person's own card)
 * @href: the card's absolute URL
 * @etag: (nullable): its ETag when last synced; %NULL when the server gave none
 * @card: (nullable): the card as last synced, the base of the next merge; %NULL in lists
 */
typedef struct
{
  char *uid;
  char *href;
  char *etag;
  char *card;
} TnStoreSyncCard;

void                tn_store_sync_book_clear     (TnStoreSyncBook    *book);
void                tn_store_sync_book_copy      (TnStoreSyncBook       *to,
                                                  const TnStoreSyncBook *from);
void                tn_store_sync_account_free   (TnStoreSyncAccount *account);
void                tn_store_sync_card_free      (TnStoreSyncCard    *card);

gboolean            tn_store_sync_set_account    (TnStore            *self,
                                                  const char         *server_url,
                                                  const char         *user,
                                                  const char         *book_url,
                                                  GError            **error);
TnStoreSyncAccount *tn_store_sync_get_account    (TnStore            *self,
                                                  GError            **error);
gboolean            tn_store_sync_forget         (TnStore            *self,
                                                  GError            **error);
gboolean            tn_store_sync_save_position  (TnStore            *self,
                                                  const char         *token,
                                                  const TnStoreSyncBook *book,
                                                  gint64              seen_seq,
                                                  GError            **error);

gboolean            tn_store_sync_begin_batch    (TnStore            *self,
                                                  GError            **error);
gboolean            tn_store_sync_end_batch      (TnStore            *self,
                                                  GError            **error);

TnStoreSyncCard    *tn_store_sync_get_card       (TnStore            *self,
                                                  const char         *uid,
                                                  const char         *href,
                                                  GError            **error);
GPtrArray          *tn_store_sync_list_cards     (TnStore            *self,
                                                  GError            **error);
gboolean            tn_store_sync_save_card      (TnStore            *self,
                                                  const TnStoreSyncCard *card,
                                                  GError            **error);
gboolean            tn_store_sync_drop_card      (TnStore            *self,
                                                  const char         *uid,
                                                  GError            **error);

GPtrArray          *tn_store_sync_list_changed   (TnStore            *self,
                                                  gint64              since,
                                                  gint64             *seq,
                                                  GError            **error);
GPtrArray          *tn_store_sync_list_deleted   (TnStore            *self,
                                                  gint64              removed_before,
                                                  GError            **error);

TnSyncContact      *tn_store_sync_read_contact   (TnStore            *self,
                                                  const char         *uid,
                                                  GError            **error);
gboolean            tn_store_sync_write_contact  (TnStore            *self,
                                                  const TnSyncContact *contact,
                                                  const TnStoreSyncCard *card,
                                                  GError            **error);
gboolean            tn_store_sync_remove_contact (TnStore            *self,
                                                  const char         *uid,
                                                  GError            **error);
TnSyncSelf         *tn_store_sync_read_self      (TnStore            *self,
                                                  GError            **error);
gboolean            tn_store_sync_write_self     (TnStore            *self,
                                                  const TnSyncSelf   *data,
                                                  const TnStoreSyncCard *card,
                                                  GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnStoreSyncBook, tn_store_sync_book_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnStoreSyncAccount, tn_store_sync_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnStoreSyncCard, tn_store_sync_card_free)

G_END_DECLS
