/* tn-store-sync-contact.c — a contact and the person's own data, read from TnStore and
 * written back as sync carries them (tn-sync-contact.h): what a sync sends, and in one
 * transaction with the card's state, what it received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "tn-duplicates.h"
#include "tn-linchpin.h"
#include "tn-store-internal.h"
#include "tn-store-sync-private.h"
#include "tn-text.h"

/* The columns of contacts that hold the sync fields, in TnSyncField order; "heard" is in
 * brand_heard. */
#define CONTACT_COLUMNS "full_name, given_name, family_name, organization, title, note, birthday, trust, cadence_weeks"
#define N_CONTACT_COLUMNS TN_SYNC_FIELD_HEARD

static gboolean
step_row (TnStore       *self,
          sqlite3_stmt  *statement,
          gboolean      *row,
          GError       **error)
{
  int result = sqlite3_step (statement);

  *row = result == SQLITE_ROW;
  return *row || tn_db_finished (self->db, result, error);
}

/* Runs a cached query bound to @id and hands each row to @read. */
typedef void (*ReadRow) (sqlite3_stmt *statement,
                         gpointer      data);

static gboolean
read_rows (TnStore     *self,
           const char  *sql,
           gint64       id,
           ReadRow      read,
           gpointer     data,
           GError     **error)
{
  sqlite3_stmt *statement = tn_db_cached (self->db, sql, error);
  gboolean row = TRUE;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  while (row)
    {
      if (!step_row (self, statement, &row, error))
        {
          sqlite3_reset (statement);
          return FALSE;
        }
      if (row)
        read (statement, data);
    }

  sqlite3_reset (statement);
  return TRUE;
}

static void
read_email (sqlite3_stmt *statement,
            gpointer      data)
{
  g_ptr_array_add (((TnSyncContact *) data)->emails, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
}

static void
read_phone (sqlite3_stmt *statement,
            gpointer      data)
{
  g_ptr_array_add (((TnSyncContact *) data)->phones, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
}

static void
read_url (sqlite3_stmt *statement,
          gpointer      data)
{
  tn_sync_contact_add_url (data, (const char *) sqlite3_column_text (statement, 0));
}

static void
read_trust_change (sqlite3_stmt *statement,
                   gpointer      data)
{
  int trust = sqlite3_column_int (statement, 0);

  if (tn_trust_is_valid (trust))
    tn_sync_contact_add_trust_change (data, (TnTrust) trust, sqlite3_column_int64 (statement, 1));
}

static void
read_interaction (sqlite3_stmt *statement,
                  gpointer      data)
{
  TnSyncInteraction *interaction;
  TnInteractionKind kind;

  if (!tn_interaction_kind_parse ((const char *) sqlite3_column_text (statement, 1), &kind))
    return;

  interaction = tn_sync_interaction_new ((const char *) sqlite3_column_text (statement, 0), kind,
                                         (const char *) sqlite3_column_text (statement, 2));
  interaction->one_on_one = sqlite3_column_int (statement, 3) != 0;
  interaction->gave_value = sqlite3_column_int (statement, 4) != 0;
  interaction->note = tn_sync_text_new ((const char *) sqlite3_column_text (statement, 5));
  if (interaction->note != NULL && *interaction->note == '\0')
    g_clear_pointer (&interaction->note, g_free);
  interaction->changed_at = sqlite3_column_int64 (statement, 6);
  g_ptr_array_add (((TnSyncContact *) data)->interactions, interaction);
}

static void
read_tombstone (sqlite3_stmt *statement,
                gpointer      data)
{
  g_ptr_array_add (((TnSyncContact *) data)->gone,
                   tn_sync_tombstone_new ((const char *) sqlite3_column_text (statement, 0),
                                          sqlite3_column_int64 (statement, 1)));
}

static void
read_field_time (sqlite3_stmt *statement,
                 gpointer      data)
{
  TnSyncContact *contact = data;
  TnSyncField field;

  if (tn_sync_field_parse ((const char *) sqlite3_column_text (statement, 0), &field))
    contact->times[field] = sqlite3_column_int64 (statement, 1);
}

static void
read_heard (sqlite3_stmt *statement,
            gpointer      data)
{
  TnSyncContact *contact = data;

  tn_sync_contact_set (contact, TN_SYNC_FIELD_HEARD, "1", contact->times[TN_SYNC_FIELD_HEARD]);
}

/* The row of @uid, not removed: its id, and the contact with the row's fields. */
static TnSyncContact *
read_contact_row (TnStore     *self,
                  const char  *uid,
                  gint64      *id,
                  GError     **error)
{
  sqlite3_stmt *statement =
    tn_db_cached (self->db,
                  "SELECT id, created_at, vcard, " CONTACT_COLUMNS " FROM contacts WHERE uid = ?1 AND removed_at IS NULL",
                  error);
  TnSyncContact *contact = NULL;
  gboolean row;

  if (statement == NULL)
    return NULL;

  tn_db_bind_text (statement, 1, uid);
  if (step_row (self, statement, &row, error) && row)
    {
      gint64 created_at = sqlite3_column_int64 (statement, 1);

      *id = sqlite3_column_int64 (statement, 0);
      contact = tn_sync_contact_new (uid);
      contact->vcard = g_strdup ((const char *) sqlite3_column_text (statement, 2));
      /* A field never changed since the contact was made changed when it was made. */
      for (guint i = 0; i < N_CONTACT_COLUMNS; i++)
        tn_sync_contact_set (contact, i, (const char *) sqlite3_column_text (statement, 3 + i), created_at);
      contact->times[TN_SYNC_FIELD_HEARD] = created_at;
    }
  sqlite3_reset (statement);
  return contact;
}

/**
 * tn_store_sync_read_contact:
 * @self: a store
 * @uid: a contact's uid
 * @error: return location for a #GError
 *
 * The contact as sync carries it, with when each field last changed, its addresses and
 * web pages, its interactions with their uids, the tombstones of the deleted ones, its
 * trust history and its job changes.
 *
 * Returns: (transfer full) (nullable): the contact, or %NULL: with @error set on failure,
 *   without when no contact here has @uid (or it was removed)
 */
TnSyncContact *
tn_store_sync_read_contact (TnStore     *self,
                            const char  *uid,
                            GError     **error)
{
  g_autoptr(TnSyncContact) contact = NULL;
  GError *local_error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  contact = read_contact_row (self, uid, &id, &local_error);
  if (contact == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }

  if (!read_rows (self, "SELECT field, changed_at FROM sync_field_times WHERE contact_id = ?1", id,
                  read_field_time, contact, error) ||
      !read_rows (self, "SELECT value FROM emails WHERE contact_id = ?1 ORDER BY position", id,
                  read_email, contact, error) ||
      !read_rows (self, "SELECT value FROM phones WHERE contact_id = ?1 ORDER BY position", id,
                  read_phone, contact, error) ||
      !read_rows (self, "SELECT value FROM urls WHERE contact_id = ?1 ORDER BY position", id,
                  read_url, contact, error) ||
      !_tn_store_sync_read_job_changes (self, id, contact, error) ||
      !read_rows (self, "SELECT trust, changed_at FROM trust_changes WHERE contact_id = ?1", id,
                  read_trust_change, contact, error) ||
      !read_rows (self,
                  "SELECT uid, kind, happened_on, one_on_one, gave_value, note, changed_at FROM interactions"
                  " WHERE contact_id = ?1 ORDER BY happened_on, uid",
                  id, read_interaction, contact, error) ||
      !read_rows (self, "SELECT uid, deleted_at FROM sync_gone WHERE contact_id = ?1 ORDER BY uid", id,
                  read_tombstone, contact, error) ||
      !read_rows (self,
                  "SELECT 1 FROM brand_heard WHERE contact_id = ?1"
                  "  AND statement_id = (SELECT max (id) FROM brand_statements)",
                  id, read_heard, contact, error))
    return NULL;

  return g_steal_pointer (&contact);
}

/* ---- writing what a sync received ----------------------------------------------------- */

/* Runs a cached statement with ?1 = @id, ?2 = @text and ?3 = @number, those it has. */
static gboolean
exec_bound (TnStore     *self,
            const char  *sql,
            gint64       id,
            const char  *text,
            gint64       number,
            GError     **error)
{
  sqlite3_stmt *statement = tn_db_cached (self->db, sql, error);

  if (statement == NULL)
    return FALSE;

  /* Binding a parameter a statement does not have does nothing. */
  sqlite3_bind_int64 (statement, 1, id);
  tn_db_bind_text (statement, 2, text);
  sqlite3_bind_int64 (statement, 3, number);
  return tn_db_step_done (self->db, statement, error);
}

static void
bind_field (sqlite3_stmt        *statement,
            int                  index,
            const TnSyncContact *contact,
            TnSyncField          field)
{
  const char *value = contact->fields[field];

  if (field == TN_SYNC_FIELD_TRUST || field == TN_SYNC_FIELD_CADENCE)
    sqlite3_bind_int (statement, index, value != NULL ? atoi (value) : 0);
  else
    tn_db_bind_text (statement, index, value);
}

/* The contact's row: made, or changed and brought back if it had been removed (a card
 * changed on the server after it was deleted here is kept: an edit beats a deletion).
 * @made says it is new: a new row (AUTOINCREMENT: its id was never anyone's) has nothing
 * elsewhere to delete, which saves a first sync a dozen statements per card. */
static gboolean
write_row (TnStore              *self,
           const TnSyncContact  *contact,
           gint64               *id,
           gboolean             *made,
           GError              **error)
{
  sqlite3_stmt *find = tn_db_cached (self->db, "SELECT id FROM contacts WHERE uid = ?1", error);
  sqlite3_stmt *statement;
  gint64 now = _tn_store_now_unix ();
  gboolean row;

  if (find == NULL)
    return FALSE;

  tn_db_bind_text (find, 1, contact->uid);
  if (!step_row (self, find, &row, error))
    {
      sqlite3_reset (find);
      return FALSE;
    }
  *id = row ? sqlite3_column_int64 (find, 0) : 0;
  sqlite3_reset (find);

  statement = tn_db_cached (self->db,
                            row ? "UPDATE contacts SET full_name = ?1, given_name = ?2, family_name = ?3,"
                                  " organization = ?4, title = ?5, note = ?6, birthday = ?7, trust = ?8,"
                                  " cadence_weeks = ?9, vcard = ?10, updated_at = ?11, removed_at = NULL"
                                  " WHERE uid = ?12"
                                : "INSERT INTO contacts (full_name, given_name, family_name, organization, title,"
                                  " note, birthday, trust, cadence_weeks, vcard, updated_at, uid, created_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11)",
                            error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < N_CONTACT_COLUMNS; i++)
    bind_field (statement, 1 + i, contact, i);
  tn_db_bind_text (statement, 10, contact->vcard);
  sqlite3_bind_int64 (statement, 11, now);
  tn_db_bind_text (statement, 12, contact->uid);
  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;

  if (!row)
    *id = sqlite3_last_insert_rowid (self->db->handle);
  *made = !row;
  return TRUE;
}

/* Emails, phones and web pages: written afresh, each with the key it is looked up by. */
static gboolean
write_addresses (TnStore              *self,
                 gint64                id,
                 gboolean              made,
                 const TnSyncContact  *contact,
                 GError              **error)
{
  GPtrArray *lists[] = { contact->emails, contact->phones, contact->urls };
  char *(*normalize[]) (const char *) = { tn_text_normalize_email, tn_text_normalize_phone, tn_duplicates_url_key };
  const char * const deletes[] = {
    "DELETE FROM emails WHERE contact_id = ?1",
    "DELETE FROM phones WHERE contact_id = ?1",
    "DELETE FROM urls WHERE contact_id = ?1",
  };
  const char * const inserts[] = {
    "INSERT INTO emails (contact_id, position, value, normalized) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO phones (contact_id, position, value, normalized) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO urls (contact_id, position, value, normalized) VALUES (?1, ?2, ?3, ?4)",
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      sqlite3_stmt *insert;

      if (!made && !exec_bound (self, deletes[l], id, NULL, 0, error))
        return FALSE;
      insert = tn_db_cached (self->db, inserts[l], error);
      if (insert == NULL)
        return FALSE;

      for (guint i = 0; i < lists[l]->len; i++)
        {
          const char *value = g_ptr_array_index (lists[l], i);
          g_autofree char *normalized = normalize[l] (value);

          sqlite3_bind_int64 (insert, 1, id);
          sqlite3_bind_int (insert, 2, (int) i);
          tn_db_bind_text (insert, 3, value);
          /* emails.normalized and urls.normalized are NOT NULL: an unparseable value matches
           * only itself. */
          tn_db_bind_text (insert, 4, normalized != NULL ? normalized : value);
          if (!tn_db_step_done (self->db, insert, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_trust_history (TnStore              *self,
                     gint64                id,
                     const TnSyncContact  *contact,
                     GError              **error)
{
  for (guint i = 0; i < contact->trust_history->len; i++)
    {
      const TnSyncTrustChange *change = &g_array_index (contact->trust_history, TnSyncTrustChange, i);
      g_autofree char *trust = g_strdup_printf ("%d", change->trust);

      if (!exec_bound (self,
                       "INSERT INTO trust_changes (contact_id, trust, changed_at) SELECT ?1, ?2, ?3"
                       " WHERE NOT EXISTS (SELECT 1 FROM trust_changes WHERE contact_id = ?1 AND trust = ?2"
                       "                   AND changed_at = ?3)",
                       id, trust, change->changed_at, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_interactions (TnStore              *self,
                    gint64                id,
                    const TnSyncContact  *contact,
                    GError              **error)
{
  /* Deleted first: the deletion's trigger leaves a tombstone, replaced below by the one
   * that says when it was really deleted. */
  for (guint i = 0; i < contact->gone->len; i++)
    {
      const TnSyncTombstone *tombstone = g_ptr_array_index (contact->gone, i);

      if (!exec_bound (self, "DELETE FROM interactions WHERE uid = ?2", id,
                       tombstone->uid, 0, error) ||
          !exec_bound (self, "INSERT OR REPLACE INTO sync_gone (contact_id, uid, deleted_at) VALUES (?1, ?2, ?3)",
                       id, tombstone->uid, tombstone->deleted_at, error))
        return FALSE;
    }

  /* An UPDATE, then an INSERT of what it did not find: an upsert (ON CONFLICT) would
   * impose its conflict rule on the change feed's INSERT OR REPLACE triggers. */
  for (guint i = 0; i < contact->interactions->len; i++)
    {
      const TnSyncInteraction *interaction = g_ptr_array_index (contact->interactions, i);
      const char * const sql[] = {
        "UPDATE interactions SET contact_id = ?1, kind = ?3, happened_on = ?4, one_on_one = ?5, gave_value = ?6,"
        "  note = ?7, changed_at = ?8"
        " WHERE uid = ?2 AND (contact_id, kind, happened_on, one_on_one, gave_value, coalesce (note, ''))"
        "   IS NOT (?1, ?3, ?4, ?5, ?6, coalesce (?7, ''))",
        "INSERT INTO interactions (contact_id, uid, kind, happened_on, one_on_one, gave_value, note, changed_at)"
        " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM interactions WHERE uid = ?2)",
      };

      for (guint s = 0; s < G_N_ELEMENTS (sql); s++)
        {
          sqlite3_stmt *statement = tn_db_cached (self->db, sql[s], error);

          if (statement == NULL)
            return FALSE;

          sqlite3_bind_int64 (statement, 1, id);
          tn_db_bind_text (statement, 2, interaction->uid);
          tn_db_bind_static (statement, 3, tn_interaction_kind_to_string (interaction->kind));
          tn_db_bind_text (statement, 4, interaction->day);
          sqlite3_bind_int (statement, 5, interaction->one_on_one);
          sqlite3_bind_int (statement, 6, interaction->gave_value);
          tn_db_bind_text (statement, 7, interaction->note);
          sqlite3_bind_int64 (statement, 8, interaction->changed_at);
          if (!tn_db_step_done (self->db, statement, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_heard (TnStore              *self,
             gint64                id,
             gboolean              made,
             const TnSyncContact  *contact,
             GError              **error)
{
  if (made && contact->fields[TN_SYNC_FIELD_HEARD] == NULL)
    return TRUE;

  return exec_bound (self,
                     contact->fields[TN_SYNC_FIELD_HEARD] != NULL
                       ? "INSERT OR IGNORE INTO brand_heard (statement_id, contact_id, heard_at)"
                         " SELECT max (id), ?1, ?3 FROM brand_statements HAVING max (id) IS NOT NULL"
                       : "DELETE FROM brand_heard WHERE contact_id = ?1"
                         "  AND statement_id = (SELECT max (id) FROM brand_statements)",
                     id, NULL, contact->times[TN_SYNC_FIELD_HEARD], error);
}

/* The triggers stamped every field this write changed with now; what changed is the
 * merge's times, which may be earlier (or unknown: then the contact's creation counts). */
static gboolean
write_field_times (TnStore              *self,
                   gint64                id,
                   gboolean              made,
                   const TnSyncContact  *contact,
                   GError              **error)
{
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    {
      const char *field = tn_sync_field_to_string (i);

      if (made && contact->times[i] == 0)
        continue;
      if (!exec_bound (self,
                       contact->times[i] != 0
                         ? "INSERT OR REPLACE INTO sync_field_times (contact_id, field, changed_at) VALUES (?1, ?2, ?3)"
                         : "DELETE FROM sync_field_times WHERE contact_id = ?1 AND field = ?2",
                       id, field, contact->times[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * tn_store_sync_write_contact:
 * @self: a store
 * @contact: the contact as the sync leaves it (a new one from the server, or a merge)
 * @card: the card's state on the server after this sync, with its text
 * @error: return location for a #GError
 *
 * Writes @contact and @card in one transaction: the contact's row (made when new, brought
 * back when removed), addresses and web pages, trust history, interactions (matched by
 * uid), deleted interactions, job changes (matched by id), "heard" and field change times.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_sync_write_contact (TnStore                *self,
                             const TnSyncContact    *contact,
                             const TnStoreSyncCard  *card,
                             GError                **error)
{
  gint64 id = 0;
  gboolean made = FALSE;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL && contact->uid != NULL, FALSE);
  g_return_val_if_fail (contact->fields[TN_SYNC_FIELD_FULL_NAME] != NULL, FALSE);
  g_return_val_if_fail (card != NULL, FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;

  if (!write_row (self, contact, &id, &made, error) || !write_addresses (self, id, made, contact, error) ||
      !write_trust_history (self, id, contact, error) || !write_interactions (self, id, contact, error) ||
      !_tn_store_sync_write_job_changes (self, id, contact, error) ||
      !write_heard (self, id, made, contact, error) || !write_field_times (self, id, made, contact, error) ||
      !_tn_store_sync_write_card (self, card, error))
    {
      _tn_store_sync_rollback (self);
      return FALSE;
    }

  return _tn_store_sync_commit (self, error);
}

/**
 * tn_store_sync_remove_contact:
 * @self: a store
 * @uid: the uid of a contact whose card was deleted on the server
 * @error: return location for a #GError
 *
 * Removes the contact as the window's Delete does (it can be restored until purged), and
 * forgets its card, in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_sync_remove_contact (TnStore     *self,
                              const char  *uid,
                              GError     **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;

  if (!exec_bound (self, "UPDATE contacts SET removed_at = ?3 WHERE uid = ?2 AND removed_at IS NULL", 0, uid,
                   _tn_store_now_unix (), error) ||
      !exec_bound (self, "DELETE FROM sync_cards WHERE uid = ?2", 0, uid, 0, error))
    {
      _tn_store_sync_rollback (self);
      return FALSE;
    }

  return _tn_store_sync_commit (self, error);
}

/* ---- the person's own data ------------------------------------------------------------ */

static void
read_statement (sqlite3_stmt *statement,
                gpointer      data)
{
  tn_sync_self_add_statement (data, (const char *) sqlite3_column_text (statement, 0),
                              sqlite3_column_int64 (statement, 1));
}

static void
read_check (sqlite3_stmt *statement,
            gpointer      data)
{
  guint answers = (guint) sqlite3_column_int (statement, 0);

  if (tn_linchpin_answers_are_valid (answers))
    tn_sync_self_add_check (data, answers, sqlite3_column_int64 (statement, 1));
}

/**
 * tn_store_sync_read_self:
 * @self: a store
 * @error: return location for a #GError
 *
 * Every brand statement version and self-check here. Goal and employer are settings, not
 * in the database: they are left unset for the caller.
 *
 * Returns: (transfer full) (nullable): the person's data, or %NULL with @error set
 */
TnSyncSelf *
tn_store_sync_read_self (TnStore  *self,
                         GError  **error)
{
  g_autoptr(TnSyncSelf) data = tn_sync_self_new ();

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  if (!read_rows (self, "SELECT text, created_at FROM brand_statements", 0, read_statement, data, error) ||
      !read_rows (self, "SELECT answers, taken_at FROM linchpin_checks", 0, read_check, data, error))
    return NULL;

  return g_steal_pointer (&data);
}

/* The current statement is the one with the greatest id; after older versions from the
 * server were added, the newest by time may not be. It then moves to a new row, and whom
 * you told it moves with it. */
static gboolean
keep_newest_current (TnStore  *self,
                     GError  **error)
{
  return tn_db_exec (self->db,
                     "CREATE TEMP TABLE IF NOT EXISTS sync_newest (id INTEGER);"
                     "DELETE FROM sync_newest;"
                     "INSERT INTO sync_newest SELECT id FROM brand_statements"
                     "  WHERE id != (SELECT max (id) FROM brand_statements)"
                     "  ORDER BY created_at DESC, id DESC LIMIT 1;"
                     "DELETE FROM sync_newest WHERE (SELECT created_at FROM brand_statements WHERE id = sync_newest.id)"
                     "  <= (SELECT created_at FROM brand_statements ORDER BY id DESC LIMIT 1);"
                     "INSERT INTO brand_statements (text, created_at)"
                     "  SELECT text, created_at FROM brand_statements WHERE id IN (SELECT id FROM sync_newest);"
                     "UPDATE brand_heard SET statement_id = (SELECT max (id) FROM brand_statements)"
                     "  WHERE statement_id IN (SELECT id FROM sync_newest);"
                     "DELETE FROM brand_statements WHERE id IN (SELECT id FROM sync_newest);",
                     error);
}

/**
 * tn_store_sync_write_self:
 * @self: a store
 * @data: the person's data after this sync
 * @card: the own card's state on the server, with its text
 * @error: return location for a #GError
 *
 * Adds the statement versions and self-checks this database lacks, keeps the newest
 * statement the current one, and records the card, in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_sync_write_self (TnStore                *self,
                          const TnSyncSelf       *data,
                          const TnStoreSyncCard  *card,
                          GError                **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL && card != NULL, FALSE);

  if (!_tn_store_sync_begin (self, error))
    return FALSE;

  for (guint i = 0; i < data->statements->len; i++)
    {
      const TnSyncStatement *statement = g_ptr_array_index (data->statements, i);

      if (!exec_bound (self,
                       "INSERT INTO brand_statements (text, created_at) SELECT ?2, ?3"
                       " WHERE NOT EXISTS (SELECT 1 FROM brand_statements WHERE text = ?2 AND created_at = ?3)",
                       0, statement->text, statement->created_at, error))
        goto failed;
    }
  for (guint i = 0; i < data->checks->len; i++)
    {
      const TnSyncSelfCheck *check = &g_array_index (data->checks, TnSyncSelfCheck, i);
      g_autofree char *answers = g_strdup_printf ("%u", check->answers);

      if (!exec_bound (self,
                       "INSERT INTO linchpin_checks (taken_at, answers, score) SELECT ?3, ?2, ?1"
                       " WHERE NOT EXISTS (SELECT 1 FROM linchpin_checks WHERE answers = ?2 AND taken_at = ?3)",
                       tn_linchpin_score (check->answers), answers, check->taken_at, error))
        goto failed;
    }

  if (!keep_newest_current (self, error) || !_tn_store_sync_write_card (self, card, error))
    goto failed;

  return _tn_store_sync_commit (self, error);

failed:
  _tn_store_sync_rollback (self);
  return FALSE;
}
