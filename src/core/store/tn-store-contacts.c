/* tn-store-contacts.c — the contacts of TnStore: adding, editing, removing, finding them,
 * and keeping the GListModel of contacts identical to what is on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-contact-edit.h"
#include "tn-contact-private.h"
#include "tn-store-internal.h"
#include "tn-text.h"

/* The columns fill_contact_from_row() reads, in its order, of the contacts with ids in
 * [?1, ?2]. The "+" keeps SQLite off the index that starts with removed_at: through it,
 * reading one contact (a rating) walked every contact's entry; by rowid it reads the range. */
static const char contacts_query[] =
  "SELECT id, uid, full_name, organization, title, note, trust, created_at, updated_at,"
  "       given_name, family_name, birthday, vcard, cadence_weeks, last_met, connected_on"
  "  FROM contacts WHERE +removed_at IS NULL AND id BETWEEN ?1 AND ?2 ORDER BY id";

static void
remember_contact (TnStore   *self,
                  TnContact *contact)
{
  gint64 *key = g_new (gint64, 1);

  *key = tn_contact_get_id (contact);
  g_hash_table_insert (self->contacts_by_id, key, g_object_ref (contact));
}

static void
fill_contact_from_row (TnContact    *contact,
                       sqlite3_stmt *statement)
{
  int trust = sqlite3_column_int (statement, 6);

  _tn_contact_set_id (contact, sqlite3_column_int64 (statement, 0));
  tn_contact_set_uid (contact, (const char *) sqlite3_column_text (statement, 1));
  tn_contact_set_full_name (contact, (const char *) sqlite3_column_text (statement, 2));
  tn_contact_set_organization (contact, (const char *) sqlite3_column_text (statement, 3));
  tn_contact_set_title (contact, (const char *) sqlite3_column_text (statement, 4));
  tn_contact_set_note (contact, (const char *) sqlite3_column_text (statement, 5));
  tn_contact_set_trust (contact, tn_trust_is_valid (trust) ? (TnTrust) trust : TN_TRUST_UNRATED);
  _tn_contact_set_timestamps (contact, sqlite3_column_int64 (statement, 7), sqlite3_column_int64 (statement, 8));
  tn_contact_set_given_name (contact, (const char *) sqlite3_column_text (statement, 9));
  tn_contact_set_family_name (contact, (const char *) sqlite3_column_text (statement, 10));
  tn_contact_set_birthday (contact, (const char *) sqlite3_column_text (statement, 11));
  tn_contact_set_vcard (contact, (const char *) sqlite3_column_text (statement, 12));
  tn_contact_set_cadence_weeks (contact, CLAMP (sqlite3_column_int (statement, 13), 0, TN_CONTACT_MAX_CADENCE_WEEKS));
  _tn_contact_set_last_contact (contact, (const char *) sqlite3_column_text (statement, 14));
  tn_contact_set_connected_on (contact, (const char *) sqlite3_column_text (statement, 15));
}

typedef void (*ApplyList) (TnContact          *contact,
                           const char * const *values);

static void
apply_emails (TnContact          *contact,
              const char * const *values)
{
  tn_contact_set_emails (contact, values);
}

static void
apply_phones (TnContact          *contact,
              const char * const *values)
{
  tn_contact_set_phones (contact, values);
}

static void
apply_urls (TnContact          *contact,
            const char * const *values)
{
  tn_contact_set_urls (contact, values);
}

/* Walks (contact_id, value) rows ordered by contact_id alongside
 * @contacts, also ordered by id, and hands each contact its values: one
 * pass per table instead of a subquery per contact, which halves start-up
 * with 100,000 contacts. */
static gboolean
merge_values (TnStore    *self,
              GPtrArray  *contacts,
              const char *sql,
              ApplyList   apply,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, sql, error);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint index = 0;
  gint64 current_id = -1;
  int result;

  if (statement == NULL)
    return FALSE;

  if (contacts->len == 0)
    return TRUE;

  /* Only the rows of the id range the contacts span. */
  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (g_ptr_array_index (contacts, 0)));
  sqlite3_bind_int64 (statement, 2, tn_contact_get_id (g_ptr_array_index (contacts, contacts->len - 1)));

  for (;;)
    {
      gint64 id;

      result = sqlite3_step (statement);
      id = result == SQLITE_ROW ? sqlite3_column_int64 (statement, 0) : G_MAXINT64;

      if (id != current_id && values->len > 0)
        {
          while (index < contacts->len && tn_contact_get_id (g_ptr_array_index (contacts, index)) < current_id)
            index++;

          g_ptr_array_add (values, NULL);
          if (index < contacts->len && tn_contact_get_id (g_ptr_array_index (contacts, index)) == current_id)
            apply (g_ptr_array_index (contacts, index), (const char * const *) values->pdata);
          g_ptr_array_set_size (values, 0);
        }

      if (result != SQLITE_ROW)
        break;

      current_id = id;
      if (sqlite3_column_text (statement, 1) != NULL)
        g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (statement, 1)));
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return TRUE;
}

/* Reads the contacts with ids from @first to @last that @wanted holds (every one when
 * @wanted is %NULL), as new objects ordered by id, with their addresses and last contact
 * (contacts.last_met, which triggers keep, rather than a pass over every interaction):
 * one pass over each table for the range. */
static GPtrArray *
read_contacts (TnStore     *self,
               gint64       first,
               gint64       last,
               GHashTable  *wanted,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int result;

  statement = tn_db_prepare (self->db, contacts_query, error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, first);
  sqlite3_bind_int64 (statement, 2, last);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnContact *contact;

      if (wanted != NULL && !g_hash_table_contains (wanted, &(gint64) { sqlite3_column_int64 (statement, 0) }))
        continue;

      contact = g_object_new (TN_TYPE_CONTACT, NULL);
      fill_contact_from_row (contact, statement);
      g_ptr_array_add (loaded, contact);
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return NULL;
    }

  if (!merge_values (self, loaded,
                     "SELECT contact_id, value FROM emails WHERE contact_id BETWEEN ?1 AND ?2 "
                     "ORDER BY contact_id, position",
                     apply_emails, error) ||
      !merge_values (self, loaded,
                     "SELECT contact_id, value FROM phones WHERE contact_id BETWEEN ?1 AND ?2 "
                     "ORDER BY contact_id, position",
                     apply_phones, error) ||
      !merge_values (self, loaded,
                     "SELECT contact_id, value FROM urls WHERE contact_id BETWEEN ?1 AND ?2 "
                     "ORDER BY contact_id, position",
                     apply_urls, error))
    return NULL;

  return g_steal_pointer (&loaded);
}

gboolean
_tn_store_load_contacts (TnStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) loaded = read_contacts (self, 0, G_MAXINT64, NULL, error);

  if (loaded == NULL)
    return FALSE;

  for (guint i = 0; i < loaded->len; i++)
    remember_contact (self, g_ptr_array_index (loaded, i));

  tn_contact_list_splice (self->contacts, 0, 0, (TnContact **) loaded->pdata, loaded->len);
  return TRUE;
}

/**
 * tn_store_get_contacts:
 * @self: a store
 *
 * The live list of contacts, ordered by when they were added. It emits
 * items-changed for every addition, removal and change (a change replaces
 * the item with itself, so filters and sorters look at it again).
 *
 * Returns: (transfer none): a #GListModel of #TnContact
 */
GListModel *
tn_store_get_contacts (TnStore *self)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->contacts);
}

/**
 * tn_store_get_contacts_by_name:
 * @self: a store
 *
 * The same live list in the order of the names (#TnContactsByName), made the first time
 * it is asked for: in a worker thread for many contacts, so ask early, and call
 * tn_contacts_by_name_wait() when the rows are needed at once.
 *
 * Returns: (transfer none): a #GListModel of #TnContact
 */
GListModel *
tn_store_get_contacts_by_name (TnStore *self)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  if (self->contacts_by_name == NULL)
    self->contacts_by_name = tn_contacts_by_name_new (G_LIST_MODEL (self->contacts));

  return G_LIST_MODEL (self->contacts_by_name);
}

/**
 * tn_store_get_contact_by_id:
 * @self: a store
 * @id: a contact's id
 *
 * Returns: (transfer none) (nullable): the contact, or %NULL
 */
TnContact *
tn_store_get_contact_by_id (TnStore *self,
                            gint64   id)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->contacts_by_id, &id);
}

int
_tn_store_compare_by_id (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  gint64 id_a = tn_contact_get_id ((TnContact *) a);
  gint64 id_b = tn_contact_get_id ((TnContact *) b);

  return (id_a > id_b) - (id_a < id_b);
}

static gboolean
find_position (TnStore   *self,
               TnContact *contact,
               guint     *position)
{
  return tn_contact_list_find_by_id (self->contacts, tn_contact_get_id (contact), position) &&
         tn_contact_list_get (self->contacts, *position) == contact;
}

void
_tn_store_announce_changed (TnStore   *self,
                            TnContact *contact)
{
  guint position;

  if (find_position (self, contact, &position))
    tn_contact_list_splice (self->contacts, position, 1, &contact, 1);
}

static gboolean
check_contact_is_valid (TnContact  *contact,
                        GError    **error)
{
  g_autofree char *name = tn_text_clean_line (tn_contact_get_full_name (contact));

  if (name == NULL)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("A contact needs a name"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_list (TnStore             *self,
            gint64               contact_id,
            const char          *table,
            const char * const  *values,
            char               *(*normalize) (const char *),
            GError             **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE contact_id = ?1", table);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (contact_id, position, value, normalized) "
                                                 "VALUES (?1, ?2, ?3, ?4)",
                                                 table);
  g_autoptr(sqlite3_stmt) delete = tn_db_prepare (self->db, delete_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (delete == NULL)
    return FALSE;

  sqlite3_bind_int64 (delete, 1, contact_id);
  if (!tn_db_step_done (self->db, delete, error))
    return FALSE;

  insert = tn_db_prepare (self->db, insert_sql, error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *normalized = normalize (values[i]);

      sqlite3_bind_int64 (insert, 1, contact_id);
      sqlite3_bind_int (insert, 2, (int) i);
      tn_db_bind_text (insert, 3, values[i]);
      /* emails.normalized is NOT NULL: an unparseable address matches only itself. */
      tn_db_bind_text (insert, 4, normalized ? normalized : values[i]);
      if (!tn_db_step_done (self->db, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_addresses (TnStore    *self,
                 gint64      contact_id,
                 TnContact  *contact,
                 GError    **error)
{
  return write_list (self, contact_id, "emails", tn_contact_get_emails (contact),
                     tn_text_normalize_email, error) &&
         write_list (self, contact_id, "phones", tn_contact_get_phones (contact),
                     tn_text_normalize_phone, error);
}

gboolean
_tn_store_record_trust_change (TnStore    *self,
                               gint64      contact_id,
                               TnTrust     trust,
                               gint64      changed_at,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) statement =
    tn_db_prepare (self->db, "INSERT INTO trust_changes (contact_id, trust, changed_at) VALUES (?1, ?2, ?3)", error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  sqlite3_bind_int (statement, 2, trust);
  sqlite3_bind_int64 (statement, 3, changed_at);
  return tn_db_step_done (self->db, statement, error);
}

/* Binds what an added and an edited contact both write, as ?1 to ?11 (uid, full name,
 * organization, title, note, trust, the time, given and family names, birthday, vcard),
 * and runs @statement. A uid another contact has is the person's mistake, said so. */
static gboolean
write_contact_row (TnStore       *self,
                   sqlite3_stmt  *statement,
                   const char    *uid,
                   TnContact     *contact,
                   gint64         now,
                   GError       **error)
{
  tn_db_bind_text (statement, 1, uid);
  tn_db_bind_text (statement, 2, tn_contact_get_full_name (contact));
  tn_db_bind_text (statement, 3, tn_contact_get_organization (contact));
  tn_db_bind_text (statement, 4, tn_contact_get_title (contact));
  tn_db_bind_text (statement, 5, tn_contact_get_note (contact));
  sqlite3_bind_int (statement, 6, tn_contact_get_trust (contact));
  sqlite3_bind_int64 (statement, 7, now);
  tn_db_bind_text (statement, 8, tn_contact_get_given_name (contact));
  tn_db_bind_text (statement, 9, tn_contact_get_family_name (contact));
  tn_db_bind_text (statement, 10, tn_contact_get_birthday (contact));
  tn_db_bind_text (statement, 11, tn_contact_get_vcard (contact));

  if (sqlite3_step (statement) == SQLITE_DONE)
    return TRUE;

  if (sqlite3_extended_errcode (self->db->handle) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                 _("A contact with the uid %s already exists"), uid);
  else
    tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
  return FALSE;
}

/**
 * tn_store_add_contact:
 * @self: a store
 * @contact: a new contact, with a full name
 * @error: return location for a #GError
 *
 * Saves @contact in one transaction, gives it an id (and a uid if it has
 * none) and appends it to the contacts list.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_add_contact (TnStore    *self,
                      TnContact  *contact,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *uid = NULL;
  gint64 now = _tn_store_now_unix ();
  gint64 id;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (tn_contact_get_id (contact) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_contact_is_valid (contact, error))
    return FALSE;

  uid = g_strdup (tn_contact_get_uid (contact));
  if (uid == NULL)
    uid = g_uuid_string_random ();

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db,
                             "INSERT INTO contacts (uid, full_name, organization, title, note, trust, created_at, updated_at, "
                             "                      given_name, family_name, birthday, vcard) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, ?11)",
                             error);
  if (statement == NULL || !write_contact_row (self, statement, uid, contact, now, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db->handle);

  if (!write_addresses (self, id, contact, error))
    goto failed;

  if (tn_contact_get_trust (contact) != TN_TRUST_UNRATED &&
      !_tn_store_record_trust_change (self, id, tn_contact_get_trust (contact), now, error))
    goto failed;

  if (!tn_db_commit (self->db, error))
    return FALSE;

  tn_contact_set_uid (contact, uid);
  _tn_contact_set_id (contact, id);
  _tn_contact_set_timestamps (contact, now, now);
  remember_contact (self, contact);
  tn_contact_list_append (self->contacts, contact);

  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

static void
set_gone_error (TnContact  *contact,
                GError    **error)
{
  g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
               _("%s is no longer in the database"), tn_contact_get_full_name (contact));
}

gboolean
_tn_store_check_contact_is_here (TnStore    *self,
                                 TnContact  *contact,
                                 GError    **error)
{
  if (tn_store_get_contact_by_id (self, tn_contact_get_id (contact)) == contact)
    return TRUE;

  set_gone_error (contact, error);
  return FALSE;
}

static void update_from (TnStore   *self,
                         TnContact *contact,
                         TnContact *fresh);

/* Writes the person's edit of @contact (@wanted, see tn_contact_edit_rebase()) onto the
 * row as the database has it now, then gives @contact that row. The write lock is taken
 * before the row is read, so nobody can change it in between; whatever another process
 * wrote before stays, except the fields the person changed. */
static gboolean
write_edit (TnStore             *self,
            TnContact           *contact,
            TnContact           *wanted,
            TnContactEditFlags   flags,
            GError             **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TnContact) row = NULL;
  TnContact *current;
  gint64 id = tn_contact_get_id (contact);
  gint64 now = _tn_store_now_unix ();
  gboolean changed;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  rows = read_contacts (self, id, id, NULL, error);
  if (rows == NULL)
    goto failed;
  if (rows->len == 0)
    {
      set_gone_error (contact, error);
      goto failed;
    }

  current = g_ptr_array_index (rows, 0);
  row = tn_contact_edit_rebase (contact, wanted, current, flags, &changed);
  if (!changed)
    {
      /* Nothing to write; the contact may still be behind what another process wrote. */
      tn_db_rollback (self->db);
      update_from (self, contact, current);
      return TRUE;
    }

  statement = tn_db_prepare (self->db,
                             "UPDATE contacts SET uid = ?1, full_name = ?2, organization = ?3, title = ?4, "
                             "note = ?5, trust = ?6, updated_at = ?7, given_name = ?8, family_name = ?9, "
                             "birthday = ?10, vcard = ?11, cadence_weeks = ?12 WHERE id = ?13",
                             error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int (statement, 12, tn_contact_get_cadence_weeks (row));
  sqlite3_bind_int64 (statement, 13, id);
  if (!write_contact_row (self, statement, tn_contact_get_uid (row), row, now, error))
    goto failed;

  if ((!g_strv_equal (tn_contact_get_emails (row), tn_contact_get_emails (current)) ||
       !g_strv_equal (tn_contact_get_phones (row), tn_contact_get_phones (current))) &&
      !write_addresses (self, id, row, error))
    goto failed;

  if (tn_contact_get_trust (row) != tn_contact_get_trust (current) &&
      !_tn_store_record_trust_change (self, id, tn_contact_get_trust (row), now, error))
    goto failed;

  if (!tn_db_commit (self->db, error))
    return FALSE;

  _tn_contact_set_timestamps (row, g_date_time_to_unix (tn_contact_get_created_at (current)), now);
  update_from (self, contact, row);
  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_update_contact:
 * @self: a store
 * @contact: a contact of this store
 * @changes: a draft from tn_contact_copy() with the edited fields
 * @error: return location for a #GError
 *
 * Writes the fields the draft changed, in one transaction, onto the contact as the
 * database has it now: what another process (the command line, an import) wrote
 * meanwhile is kept, and where both changed one field the draft, the later change,
 * wins. Only then does @contact take the result, so what is shown is what is saved.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_update_contact (TnStore    *self,
                         TnContact  *contact,
                         TnContact  *changes,
                         GError    **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (changes), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_tn_store_check_contact_is_here (self, contact, error))
    return FALSE;

  if (!check_contact_is_valid (changes, error))
    return FALSE;

  if (tn_contact_get_uid (changes) == NULL)
    tn_contact_set_uid (changes, tn_contact_get_uid (contact));

  return write_edit (self, contact, changes, TN_CONTACT_EDIT_NONE, error);
}

/**
 * tn_store_set_trust:
 * @self: a store
 * @contact: a contact of this store
 * @trust: the new rating
 * @error: return location for a #GError
 *
 * Rates @contact and records the change for the trust history. Whether anything needs
 * writing is decided by the database, not by @contact, which may be behind another
 * process's rating.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_set_trust (TnStore    *self,
                    TnContact  *contact,
                    TnTrust     trust,
                    GError    **error)
{
  g_autoptr(TnContact) changes = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (tn_trust_is_valid (trust), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_tn_store_check_contact_is_here (self, contact, error))
    return FALSE;

  changes = tn_contact_copy (contact);
  tn_contact_set_trust (changes, trust);
  return write_edit (self, contact, changes, TN_CONTACT_EDIT_RATING, error);
}

static gboolean
set_removed_at (TnStore    *self,
                gint64      id,
                gint64      removed_at,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db, "UPDATE contacts SET removed_at = ?2 WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, id);
  if (removed_at == 0)
    sqlite3_bind_null (statement, 2);
  else
    sqlite3_bind_int64 (statement, 2, removed_at);

  if (!tn_db_step_done (self->db, statement, error))
    goto failed;

  return tn_db_commit (self->db, error);

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_remove_contact:
 * @self: a store
 * @contact: a contact of this store
 * @error: return location for a #GError
 *
 * Takes @contact out of the list. It stays in the database, with its
 * interactions, until the next start, so tn_store_restore_contact() can
 * undo this completely.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_remove_contact (TnStore    *self,
                         TnContact  *contact,
                         GError    **error)
{
  guint position;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_position (self, contact, &position))
    {
      set_gone_error (contact, error);
      return FALSE;
    }

  if (!set_removed_at (self, tn_contact_get_id (contact), _tn_store_now_unix (), error))
    return FALSE;

  tn_contact_list_remove (self->contacts, position);
  g_hash_table_remove (self->contacts_by_id, &(gint64) { tn_contact_get_id (contact) });

  return TRUE;
}

/**
 * tn_store_restore_contact:
 * @self: a store
 * @contact: a contact removed with tn_store_remove_contact() since the store opened
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @contact is back in the list where it was
 */
gboolean
tn_store_restore_contact (TnStore    *self,
                          TnContact  *contact,
                          GError    **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (tn_contact_get_id (contact) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tn_store_get_contact_by_id (self, tn_contact_get_id (contact)) != NULL)
    return TRUE;

  if (!set_removed_at (self, tn_contact_get_id (contact), 0, error))
    return FALSE;

  if (sqlite3_changes (self->db->handle) == 0)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("%s can no longer be restored"), tn_contact_get_full_name (contact));
      return FALSE;
    }

  remember_contact (self, contact);
  tn_contact_list_insert_by_id (self->contacts, contact);

  return TRUE;
}

/**
 * tn_store_restore_contact_by_uid:
 * @self: a store
 * @uid: the uid of a contact another connection removed (sync, when its card was deleted
 *   on the server), whose object this store no longer holds
 * @error: return location for a #GError
 *
 * The Undo of tn_store_restore_contact() for such a contact: it comes back into the list
 * with its interactions and ratings, and the change feed carries it as changed here, so
 * sync sends it again instead of deleting it.
 *
 * Returns: %TRUE if the contact is in the list
 */
gboolean
tn_store_restore_contact_by_uid (TnStore     *self,
                                 const char  *uid,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 id;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tn_store_get_contact_by_uid (self, uid) != NULL)
    return TRUE;

  statement = tn_db_prepare (self->db, "SELECT id FROM contacts WHERE uid = ?1 AND removed_at IS NOT NULL", error);
  if (statement == NULL)
    return FALSE;
  tn_db_bind_text (statement, 1, uid);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("This contact can no longer be restored"));
      return FALSE;
    }
  id = sqlite3_column_int64 (statement, 0);

  return set_removed_at (self, id, 0, error) && tn_store_refresh_contacts (self, &id, 1, error);
}

static void
append_candidate (GString   *candidates,
                  TnContact *contact)
{
  const char *email = tn_contact_get_primary_email (contact);

  if (candidates->len > 0)
    g_string_append (candidates, ", ");

  g_string_append (candidates, tn_contact_get_full_name (contact));
  if (email != NULL)
    g_string_append_printf (candidates, " <%s>", email);
  else
    g_string_append_printf (candidates, " (uid %s)", tn_contact_get_uid (contact));
}

/* The rules in order: an email address, then a uid, then an exact full
 * name. The first rule that finds anyone decides. */
static GPtrArray *
find_matches (TnStore     *self,
              const char  *who,
              GError     **error)
{
  static const char * const queries[] = {
    "SELECT DISTINCT e.contact_id FROM emails AS e JOIN contacts AS c ON c.id = e.contact_id "
    " WHERE e.normalized = ?1 AND c.removed_at IS NULL ORDER BY e.contact_id",
    "SELECT id FROM contacts WHERE uid = ?2 AND removed_at IS NULL",
    "SELECT id FROM contacts WHERE full_name = ?2 AND removed_at IS NULL ORDER BY id",
  };
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *email = tn_text_normalize_email (who);

  for (guint i = 0; i < G_N_ELEMENTS (queries) && matches->len == 0; i++)
    {
      g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, queries[i], error);
      int result;

      if (statement == NULL)
        return NULL;

      tn_db_bind_text (statement, 1, email);
      tn_db_bind_text (statement, 2, who);
      while ((result = sqlite3_step (statement)) == SQLITE_ROW)
        {
          TnContact *contact = tn_store_get_contact_by_id (self, sqlite3_column_int64 (statement, 0));

          if (contact != NULL)
            g_ptr_array_add (matches, contact);
        }

      if (result != SQLITE_DONE)
        {
          tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
          return NULL;
        }
    }

  return g_steal_pointer (&matches);
}

/**
 * tn_store_lookup:
 * @self: a store
 * @who: an email address, a uid, or an exact full name
 * @error: return location for a #GError
 *
 * Finds the one contact @who names. When several match, the error lists
 * them so the person can pick an email address or uid instead.
 *
 * Returns: (transfer none) (nullable): the contact, or %NULL with @error set
 */
TnContact *
tn_store_lookup (TnStore     *self,
                 const char  *who,
                 GError     **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GString) candidates = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (who == NULL || *who == '\0')
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("Say who: an email address, a uid or a full name"));
      return NULL;
    }

  matches = find_matches (self, who, error);
  if (matches == NULL)
    return NULL;

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len == 0)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("No contact matches “%s”"), who);
      return NULL;
    }

  candidates = g_string_new (NULL);
  for (guint i = 0; i < matches->len; i++)
    append_candidate (candidates, g_ptr_array_index (matches, i));

  g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_AMBIGUOUS,
               _("“%s” matches %u contacts: %s. Use an email address or uid instead"),
               who, matches->len, candidates->str);
  return NULL;
}

/* ---- Bringing the list up to date after another connection wrote ---------------------- */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return (id_a > id_b) - (id_a < id_b);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint position_a = *(const guint *) a;
  guint position_b = *(const guint *) b;

  return (position_a > position_b) - (position_a < position_b);
}

/* Takes @gone out of the list with one items-changed per run of neighbours: the contacts of
 * one import sit side by side, so undoing 100,000 of them is one signal, not 100,000. */
static void
forget_contacts (TnStore   *self,
                 GPtrArray *gone)
{
  g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), gone->len);
  guint end;

  for (guint i = 0; i < gone->len; i++)
    {
      TnContact *contact = g_ptr_array_index (gone, i);
      guint position;

      if (find_position (self, contact, &position))
        g_array_append_val (positions, position);
      g_hash_table_remove (self->contacts_by_id, &(gint64) { tn_contact_get_id (contact) });
    }

  g_array_sort (positions, compare_positions);

  /* From the end, so that earlier positions stay valid. */
  end = positions->len;
  while (end > 0)
    {
      guint start = end - 1;

      while (start > 0 && g_array_index (positions, guint, start - 1) + 1 == g_array_index (positions, guint, start))
        start--;

      tn_contact_list_splice (self->contacts, g_array_index (positions, guint, start), end - start, NULL, 0);
      end = start;
    }
}

/* Adds contacts new to the list, which come from the database ordered by id: at the end in
 * one splice when they are all newer than the last one listed, which is what an import
 * gives; else each in its place. */
static void
welcome_contacts (TnStore   *self,
                  GPtrArray *added)
{
  GListModel *model = G_LIST_MODEL (self->contacts);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(TnContact) last = n_items > 0 ? g_list_model_get_item (model, n_items - 1) : NULL;

  if (added->len == 0)
    return;

  for (guint i = 0; i < added->len; i++)
    remember_contact (self, g_ptr_array_index (added, i));

  if (last == NULL || _tn_store_compare_by_id (last, g_ptr_array_index (added, 0), NULL) < 0)
    {
      tn_contact_list_splice (self->contacts, n_items, 0, (TnContact **) added->pdata, added->len);
      return;
    }

  for (guint i = 0; i < added->len; i++)
    tn_contact_list_insert_by_id (self->contacts, g_ptr_array_index (added, i));
}

static gint64
unix_or_zero (GDateTime *date_time)
{
  return date_time != NULL ? g_date_time_to_unix (date_time) : 0;
}

/* Gives @contact, which the views hold, what the database now says; the views hear of
 * it only when it says something new. */
static void
update_from (TnStore   *self,
             TnContact *contact,
             TnContact *fresh)
{
  if (tn_contact_edit_same (contact, fresh) &&
      g_strcmp0 (tn_contact_get_last_contact (contact), tn_contact_get_last_contact (fresh)) == 0 &&
      unix_or_zero (tn_contact_get_updated_at (contact)) == unix_or_zero (tn_contact_get_updated_at (fresh)))
    return;

  g_object_freeze_notify (G_OBJECT (contact));
  _tn_contact_assign (contact, fresh);
  _tn_contact_set_last_contact (contact, tn_contact_get_last_contact (fresh));
  _tn_contact_set_timestamps (contact,
                              unix_or_zero (tn_contact_get_created_at (fresh)),
                              unix_or_zero (tn_contact_get_updated_at (fresh)));
  g_object_thaw_notify (G_OBJECT (contact));
  _tn_store_announce_changed (self, contact);
}

/**
 * tn_store_refresh_contacts:
 * @self: a store
 * @ids: (array length=n_ids): the contacts another connection changed, added or deleted
 * @n_ids: how many ids there are
 * @error: return location for a #GError
 *
 * Brings these contacts of the list in line with the database after an import (or anything
 * else) wrote through another connection: new ones are appended, changed ones take their
 * new values (and are announced with items-changed), deleted ones leave the list.
 *
 * Returns: %TRUE on success; on failure the list is as it was
 */
gboolean
tn_store_refresh_contacts (TnStore       *self,
                           const gint64  *ids,
                           gsize          n_ids,
                           GError       **error)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_ids == 0)
    return TRUE;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (sorted, ids, n_ids);
  g_array_sort (sorted, compare_ids);

  wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < sorted->len; i++)
    g_hash_table_add (wanted, &g_array_index (sorted, gint64, i));

  fresh = read_contacts (self, g_array_index (sorted, gint64, 0),
                         g_array_index (sorted, gint64, sorted->len - 1), wanted, error);
  if (fresh == NULL)
    return FALSE;

  for (guint i = 0; i < fresh->len; i++)
    {
      TnContact *contact = g_ptr_array_index (fresh, i);
      TnContact *listed = tn_store_get_contact_by_id (self, tn_contact_get_id (contact));

      g_hash_table_remove (wanted, &(gint64) { tn_contact_get_id (contact) });
      if (listed != NULL)
        update_from (self, listed, contact);
      else
        g_ptr_array_add (added, g_object_ref (contact));
    }

  /* What is still wanted was not found: deleted, or removed with undo offered. */
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 id = g_array_index (sorted, gint64, i);
      TnContact *listed = g_hash_table_contains (wanted, &id) ? tn_store_get_contact_by_id (self, id) : NULL;

      if (listed != NULL && (gone->len == 0 || g_ptr_array_index (gone, gone->len - 1) != listed))
        g_ptr_array_add (gone, g_object_ref (listed));
    }

  forget_contacts (self, gone);
  welcome_contacts (self, added);

  return TRUE;
}

