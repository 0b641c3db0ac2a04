/* tn-store-sync.c — what sync keeps in TnStore: the account, the server's and the change
 * feed's positions, each card's href, ETag and last synced text (the merge's base), and a
 * contact read and written as sync carries it. Every write of what a sync received is one
 * transaction with the card's state, so a sync killed at any moment leaves the database
 * consistent, and the next one finds each card either done or not begun.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-store-internal.h"
#include "tn-store-sync-private.h"

void
tn_store_sync_account_free (TnStoreSyncAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->server_url);
  g_free (account->user);
  g_free (account->book_url);
  g_free (account->token);
  tn_store_sync_book_clear (&account->book);
  g_free (account);
}

void
tn_store_sync_book_clear (TnStoreSyncBook *book)
{
  g_return_if_fail (book != NULL);

  g_clear_pointer (&book->ctag, g_free);
  *book = (TnStoreSyncBook) { 0 };
}

/* @to is cleared first. */
void
tn_store_sync_book_copy (TnStoreSyncBook       *to,
                         const TnStoreSyncBook *from)
{
  g_return_if_fail (to != NULL && from != NULL && to != from);

  tn_store_sync_book_clear (to);
  *to = *from;
  to->ctag = g_strdup (from->ctag);
}

void
tn_store_sync_card_free (TnStoreSyncCard *card)
{
  if (card == NULL)
    return;

  g_free (card->uid);
  g_free (card->href);
  g_free (card->etag);
  g_free (card->card);
  g_free (card);
}

static char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

/* A sync's writes are one transaction each, or part of a batch the engine opened (see
 * tn_store_sync_begin_batch()). A write inside a batch has no savepoint of its own: one
 * per card made SQLite copy every page a card touched into its sub-journal, a fifth of a
 * first sync's time; a write that fails marks the batch, which is then rolled back whole
 * (the next sync receives its cards again). */
gboolean
_tn_store_sync_begin (TnStore  *self,
                      GError  **error)
{
  return self->sync_batch || tn_db_begin (self->db, error);
}

gboolean
_tn_store_sync_commit (TnStore  *self,
                       GError  **error)
{
  return self->sync_batch || tn_db_commit (self->db, error);
}

void
_tn_store_sync_rollback (TnStore *self)
{
  if (self->sync_batch)
    self->sync_batch_failed = TRUE;
  else
    tn_db_rollback (self->db);
}

/**
 * tn_store_sync_begin_batch:
 * @self: a store
 * @error: return location for a #GError
 *
 * Opens one transaction for the writes that follow, until tn_store_sync_end_batch():
 * thousands of cards received then cost one commit, not one each. Keep batches short;
 * other processes wait to write meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_sync_begin_batch (TnStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->sync_batch, FALSE);

  if (!tn_db_begin (self->db, error))
    return FALSE;

  self->sync_batch = TRUE;
  self->sync_batch_failed = FALSE;
  return TRUE;
}

/**
 * tn_store_sync_end_batch:
 * @self: a store
 * @error: return location for a #GError
 *
 * Commits what the batch wrote; when a write in it failed, rolls the whole batch back
 * instead (a failed write may have left part of itself) and says so.
 *
 * Returns: %TRUE when the batch was committed
 */
gboolean
tn_store_sync_end_batch (TnStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->sync_batch, FALSE);

  self->sync_batch = FALSE;
  if (self->sync_batch_failed)
    {
      tn_db_rollback (self->db);
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED,
                   _("A contact from the server could not be saved; nothing of its batch was kept"));
      return FALSE;
    }

  return tn_db_commit (self->db, error);
}

/* Runs @statement (already bound) to its end, with a transaction around it. */
static gboolean
run_in_transaction (TnStore       *self,
                    sqlite3_stmt  *statement,
                    GError       **error)
{
  if (!_tn_store_sync_begin (self, error))
    return FALSE;
  if (!tn_db_step_done (self->db, statement, error))
    {
      _tn_store_sync_rollback (self);
      return FALSE;
    }

  return _tn_store_sync_commit (self, error);
}

/* ---- the account ----------------------------------------------------------------------- */

/* What sync knows of the address book as a whole lives in the meta table: it came after
 * schema 8, and only a migration of another part may change the schema now. It belongs to
 * the account's token, so every write of the token writes or forgets it too, in the same
 * transaction. Each key is written only when its value changed (_tn_store_set_meta()): a
 * quiet sync writes nothing. A key that is missing is 0, NULL or unknown. */
#define META_CTAG          "sync_ctag"
#define META_MODIFIED      "sync_modified"
#define META_TRUST         "sync_modified_trust"
#define META_CTAG_ASKED_AT "sync_ctag_asked_at"

static const char * const trust_names[] = {
  [TN_STORE_SYNC_TRUST_UNKNOWN] = NULL,
  [TN_STORE_SYNC_TRUST_YES] = "yes",
  [TN_STORE_SYNC_TRUST_NO] = "no",
};

static gboolean
set_meta_time (TnStore     *self,
               const char  *key,
               gint64       value,
               GError     **error)
{
  return value != 0 ? _tn_store_set_meta_int (self, key, value, error) : _tn_store_set_meta (self, key, NULL, error);
}

/* @book NULL forgets it all. */
static gboolean
write_book (TnStore                *self,
            const TnStoreSyncBook  *book,
            GError                **error)
{
  static const TnStoreSyncBook unknown = { 0 };

  if (book == NULL)
    book = &unknown;
  g_return_val_if_fail (book->modified_trust < G_N_ELEMENTS (trust_names), FALSE);

  return _tn_store_set_meta (self, META_CTAG, book->ctag, error) &&
         set_meta_time (self, META_MODIFIED, book->modified, error) &&
         _tn_store_set_meta (self, META_TRUST, trust_names[book->modified_trust], error) &&
         set_meta_time (self, META_CTAG_ASKED_AT, book->ctag_asked_at, error);
}

static TnStoreSyncTrust
trust_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (trust_names); i++)
    {
      if (trust_names[i] != NULL && g_strcmp0 (name, trust_names[i]) == 0)
        return i;
    }
  return TN_STORE_SYNC_TRUST_UNKNOWN;
}

/**
 * tn_store_sync_set_account:
 * @self: a store
 * @server_url: the server address the person gave
 * @user: the user name
 * @book_url: the address book to sync
 * @error: return location for a #GError
 *
 * Sets sync up with this account. Whatever an earlier account knew (token, cards) is
 * forgotten, so the first sync compares everything.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_sync_set_account (TnStore     *self,
                           const char  *server_url,
                           const char  *user,
                           const char  *book_url,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (server_url != NULL && user != NULL && book_url != NULL, FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;

  statement = tn_db_prepare (self->db,
                             "INSERT OR REPLACE INTO sync_account (id, server_url, user_name, book_url, token, seen_seq)"
                             " VALUES (1, ?1, ?2, ?3, NULL, 0)",
                             error);
  if (statement == NULL)
    goto failed;

  tn_db_bind_text (statement, 1, server_url);
  tn_db_bind_text (statement, 2, user);
  tn_db_bind_text (statement, 3, book_url);
  if (!tn_db_step_done (self->db, statement, error) ||
      !tn_db_exec (self->db, "DELETE FROM sync_cards", error) || !write_book (self, NULL, error))
    goto failed;

  return _tn_store_sync_commit (self, error);

failed:
  _tn_store_sync_rollback (self);
  return FALSE;
}

/**
 * tn_store_sync_get_account:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account, or %NULL: with @error set on failure,
 *   without when sync is not set up
 */
TnStoreSyncAccount *
tn_store_sync_get_account (TnStore  *self,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  TnStoreSyncAccount *account;
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  statement = tn_db_prepare (self->db,
                             "SELECT server_url, user_name, book_url, token, seen_seq,"
                             " (SELECT value FROM meta WHERE key = '" META_CTAG "'),"
                             " (SELECT value FROM meta WHERE key = '" META_MODIFIED "'),"
                             " (SELECT value FROM meta WHERE key = '" META_TRUST "'),"
                             " (SELECT value FROM meta WHERE key = '" META_CTAG_ASKED_AT "')"
                             " FROM sync_account",
                             error);
  if (statement == NULL)
    return NULL;

  result = sqlite3_step (statement);
  if (result != SQLITE_ROW)
    {
      tn_db_finished (self->db, result, error);
      return NULL;
    }

  account = g_new0 (TnStoreSyncAccount, 1);
  account->server_url = column_text (statement, 0);
  account->user = column_text (statement, 1);
  account->book_url = column_text (statement, 2);
  account->token = column_text (statement, 3);
  account->seen_seq = sqlite3_column_int64 (statement, 4);
  account->book.ctag = column_text (statement, 5);
  account->book.modified = sqlite3_column_int64 (statement, 6);
  account->book.modified_trust = trust_from_name ((const char *) sqlite3_column_text (statement, 7));
  account->book.ctag_asked_at = sqlite3_column_int64 (statement, 8);
  return account;
}

/**
 * tn_store_sync_forget:
 * @self: a store
 * @error: return location for a #GError
 *
 * Forgets the account and every card's state; the contacts stay, and so do the cards on
 * the server.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_sync_forget (TnStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;
  if (!tn_db_exec (self->db, "DELETE FROM sync_account; DELETE FROM sync_cards", error) ||
      !write_book (self, NULL, error))
    {
      _tn_store_sync_rollback (self);
      return FALSE;
    }

  return _tn_store_sync_commit (self, error);
}

/**
 * tn_store_sync_save_position:
 * @self: a store
 * @token: (nullable): the server's sync token
 * @book: (nullable): what is known of the address book with @token (no newer than its
 *   state); %NULL: nothing
 * @seen_seq: the change feed's position everything up to which was sent
 * @error: return location for a #GError
 *
 * Stores where the server and the change feed stood after a sync, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_sync_save_position (TnStore                *self,
                             const char             *token,
                             const TnStoreSyncBook  *book,
                             gint64                  seen_seq,
                             GError                **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;
  statement = tn_db_prepare (self->db, "UPDATE sync_account SET token = ?1, seen_seq = ?2", error);
  if (statement == NULL)
    goto failed;
  tn_db_bind_text (statement, 1, token);
  sqlite3_bind_int64 (statement, 2, seen_seq);
  if (!tn_db_step_done (self->db, statement, error) || !write_book (self, book, error))
    goto failed;

  return _tn_store_sync_commit (self, error);

failed:
  _tn_store_sync_rollback (self);
  return FALSE;
}

/* ---- cards ----------------------------------------------------------------------------- */

/**
 * tn_store_sync_get_card:
 * @self: a store
 * @uid: (nullable): the contact's uid
 * @href: (nullable): or the card's URL
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the card's state with its text, or %NULL: with
 *   @error set on failure, without when no card is known
 */
TnStoreSyncCard *
tn_store_sync_get_card (TnStore     *self,
                        const char  *uid,
                        const char  *href,
                        GError     **error)
{
  sqlite3_stmt *statement;
  TnStoreSyncCard *card = NULL;
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail ((uid == NULL) != (href == NULL), NULL);

  statement = tn_db_cached (self->db,
                            uid != NULL ? "SELECT uid, href, etag, card FROM sync_cards WHERE uid = ?1"
                                        : "SELECT uid, href, etag, card FROM sync_cards WHERE href = ?1",
                            error);
  if (statement == NULL)
    return NULL;

  tn_db_bind_text (statement, 1, uid != NULL ? uid : href);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    {
      card = g_new0 (TnStoreSyncCard, 1);
      card->uid = column_text (statement, 0);
      card->href = column_text (statement, 1);
      card->etag = column_text (statement, 2);
      card->card = column_text (statement, 3);
    }
  sqlite3_reset (statement);
  if (result != SQLITE_ROW)
    tn_db_finished (self->db, result, error);

  return card;
}

static GPtrArray *
list_cards_where (TnStore     *self,
                  const char  *sql,
                  gint64       parameter,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, sql, error);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_store_sync_card_free);
  int result;

  if (statement == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (statement) > 0)
    sqlite3_bind_int64 (statement, 1, parameter);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnStoreSyncCard *card = g_new0 (TnStoreSyncCard, 1);

      card->uid = column_text (statement, 0);
      card->href = column_text (statement, 1);
      card->etag = column_text (statement, 2);
      g_ptr_array_add (cards, card);
    }

  if (!tn_db_finished (self->db, result, error))
    return NULL;

  return g_steal_pointer (&cards);
}

/**
 * tn_store_sync_list_cards:
 * @self: a store
 * @error: return location for a #GError
 *
 * Every card known to be on the server, without its text: what an ETag listing is
 * compared with when the server has no usable sync token.
 *
 * Returns: (transfer full) (element-type TnStoreSyncCard) (nullable): the cards
 */
GPtrArray *
tn_store_sync_list_cards (TnStore  *self,
                          GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return list_cards_where (self, "SELECT uid, href, etag FROM sync_cards", 0, error);
}

/* Inside the caller's transaction. */
gboolean
_tn_store_sync_write_card (TnStore                *self,
            const TnStoreSyncCard  *card,
            GError                **error)
{
  sqlite3_stmt *statement =
    tn_db_cached (self->db,
                  "INSERT OR REPLACE INTO sync_cards (uid, href, etag, card, revision)"
                  " VALUES (?1, ?2, ?3, ?4, coalesce ((SELECT revision FROM contacts WHERE uid = ?1), 0))",
                  error);

  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, card->uid);
  tn_db_bind_text (statement, 2, card->href);
  tn_db_bind_text (statement, 3, card->etag);
  tn_db_bind_text (statement, 4, card->card != NULL ? card->card : "");
  return tn_db_step_done (self->db, statement, error);
}

/**
 * tn_store_sync_save_card:
 * @self: a store
 * @card: a card now on the server as TrustNet knows it, with its text
 * @error: return location for a #GError
 *
 * Records a card sent (or found equal) with the contact's revision now.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_sync_save_card (TnStore                *self,
                         const TnStoreSyncCard  *card,
                         GError                **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (card != NULL && card->uid != NULL && card->href != NULL, FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;
  if (!_tn_store_sync_write_card (self, card, error))
    {
      _tn_store_sync_rollback (self);
      return FALSE;
    }

  return _tn_store_sync_commit (self, error);
}

/**
 * tn_store_sync_drop_card:
 * @self: a store
 * @uid: a card's uid
 * @error: return location for a #GError
 *
 * Forgets a card deleted on the server.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_sync_drop_card (TnStore     *self,
                         const char  *uid,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  statement = tn_db_prepare (self->db, "DELETE FROM sync_cards WHERE uid = ?1", error);
  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, uid);
  return run_in_transaction (self, statement, error);
}

/* ---- what changed here ----------------------------------------------------------------- */

/**
 * tn_store_sync_list_changed:
 * @self: a store
 * @since: the change feed's position the last sync sent up to
 * @seq: (out): the feed's position now, to save once this sync has sent these
 * @error: return location for a #GError
 *
 * The uids of the contacts here whose row, addresses, interactions or "heard" changed
 * since @since, by the change feed; %TN_SYNC_SELF_UID when a brand statement or a
 * self-check did. Deleted contacts are not listed (see tn_store_sync_list_deleted()).
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the uids
 */
GPtrArray *
tn_store_sync_list_changed (TnStore  *self,
                            gint64    since,
                            gint64   *seq,
                            GError  **error)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *statement;
  gboolean self_changed = FALSE;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (seq != NULL, NULL);

  /* Read in one transaction, so the position returned is the one the list ends at. */
  if (!tn_db_exec (self->db, "BEGIN", error))
    return NULL;

  changes = tn_store_list_changes (self, since, error);
  statement = changes != NULL
                ? tn_db_cached (self->db, "SELECT uid FROM contacts WHERE id = ?1 AND removed_at IS NULL", error)
                : NULL;
  if (statement == NULL)
    {
      tn_db_exec (self->db, "ROLLBACK", NULL);
      return NULL;
    }

  *seq = since;
  for (guint i = 0; i < changes->len; i++)
    {
      TnStoreChange *change = &g_array_index (changes, TnStoreChange, i);

      *seq = MAX (*seq, change->seq);
      if (change->kind == TN_STORE_CHANGE_BRAND || change->kind == TN_STORE_CHANGE_SELF_CHECK)
        self_changed = TRUE;
      if ((change->kind != TN_STORE_CHANGE_CONTACT && change->kind != TN_STORE_CHANGE_INTERACTION) ||
          change->contact_id == 0 || !g_hash_table_add (seen, &change->contact_id))
        continue;

      sqlite3_bind_int64 (statement, 1, change->contact_id);
      if (sqlite3_step (statement) == SQLITE_ROW)
        g_ptr_array_add (uids, column_text (statement, 0));
      sqlite3_reset (statement);
    }

  tn_db_exec (self->db, "COMMIT", NULL);
  if (self_changed)
    g_ptr_array_add (uids, g_strdup (TN_SYNC_SELF_UID));
  return g_steal_pointer (&uids);
}

/**
 * tn_store_sync_list_deleted:
 * @self: a store
 * @removed_before: contacts removed (with Undo offered) before this Unix time count as
 *   deleted; later ones may still come back
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TnStoreSyncCard) (nullable): the cards on the
 *   server whose contact was deleted here, without their text
 */
GPtrArray *
tn_store_sync_list_deleted (TnStore  *self,
                            gint64    removed_before,
                            GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  /* Asked on every sync, when mostly nothing was deleted: the removed contacts through the
   * index that starts with removed_at, and the cards whose contact is gone altogether
   * (emptied from the bin, an import undone) through the two uid indexes alone. Joining
   * every card with its contact read each card's row and each contact's: 10,000 cards
   * took several times as long. */
  return list_cards_where (self,
                           "SELECT s.uid, s.href, s.etag FROM contacts c JOIN sync_cards s ON s.uid = c.uid"
                           " WHERE c.removed_at < ?1"
                           " UNION ALL"
                           " SELECT uid, href, etag FROM sync_cards WHERE uid IN"
                           "  (SELECT s.uid FROM sync_cards s WHERE s.uid != '" TN_SYNC_SELF_UID "'"
                           "   AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.uid = s.uid))",
                           removed_before, error);
}
