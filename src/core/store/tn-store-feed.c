/* tn-store-feed.c — what other processes wrote: the change feed that schema 6's triggers
 * fill, read back to refresh exactly the rows that changed, and offered to sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-store-internal.h"

/* How often a store that follows other processes asks whether anyone else committed:
 * PRAGMA data_version reads shared memory, so four times a second costs nothing, and a
 * change made by the command line shows in the window well within a second. */
#define FOLLOW_INTERVAL_MS 250

static const char * const kind_names[] = {
  [TN_STORE_CHANGE_CONTACT] = "contact",
  [TN_STORE_CHANGE_INTERACTION] = "interaction",
  [TN_STORE_CHANGE_BRAND] = "brand",
  [TN_STORE_CHANGE_SELF_CHECK] = "self-check",
  [TN_STORE_CHANGE_SETTING] = "setting",
};

static gboolean
parse_kind (const char        *name,
            TnStoreChangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (name, kind_names[i]) == 0)
        {
          *kind = (TnStoreChangeKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_int64 (TnStore     *self,
            const char  *sql,
            gint64      *value,
            GError     **error)
{
  sqlite3_stmt *statement = tn_db_cached (self->db, sql, error);
  int result;

  if (statement == NULL)
    return FALSE;

  result = sqlite3_step (statement);
  if (result != SQLITE_ROW)
    {
      sqlite3_reset (statement);
      return tn_db_finished (self->db, result == SQLITE_DONE ? SQLITE_CORRUPT : result, error);
    }

  *value = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return TRUE;
}

/* At open: what this store has seen is everything committed so far. */
gboolean
_tn_store_feed_init (TnStore  *self,
                     GError  **error)
{
  return read_int64 (self, "PRAGMA data_version", &self->data_version, error) &&
         read_int64 (self, "SELECT coalesce (max (seq), 0) FROM changes", &self->seen_seq, error);
}

/**
 * tn_store_list_changes:
 * @self: a store
 * @since: a sequence number from tn_store_get_change_seq() or a #TnStoreChange
 * @error: return location for a #GError
 *
 * The latest change of every row that changed after @since, oldest first. A row
 * changed several times is listed once, with its latest change.
 *
 * Returns: (transfer full) (element-type TnStoreChange): the changes, or %NULL with @error set
 */
GArray *
tn_store_list_changes (TnStore  *self,
                       gint64    since,
                       GError  **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (TnStoreChange));
  sqlite3_stmt *statement;
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = tn_db_cached (self->db,
                            "SELECT seq, kind, row_id, coalesce (contact_id, 0), deleted FROM changes"
                            " WHERE seq > ?1 ORDER BY seq",
                            error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, since);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnStoreChange change = {
        .seq = sqlite3_column_int64 (statement, 0),
        .row_id = sqlite3_column_int64 (statement, 2),
        .contact_id = sqlite3_column_int64 (statement, 3),
        .deleted = sqlite3_column_int (statement, 4) != 0,
      };

      /* A kind from a newer TrustNet is none of this version's business. */
      if (parse_kind ((const char *) sqlite3_column_text (statement, 1), &change.kind))
        g_array_append_val (changes, change);
    }
  sqlite3_reset (statement);

  if (!tn_db_finished (self->db, result, error))
    return NULL;

  return g_steal_pointer (&changes);
}

/**
 * tn_store_get_change_seq:
 * @self: a store
 *
 * Returns: the sequence number of the last change this store has taken in
 */
gint64
tn_store_get_change_seq (TnStore *self)
{
  g_return_val_if_fail (TN_IS_STORE (self), 0);

  return self->seen_seq;
}

/* Emits interactions-changed once for each contact whose interactions changed. */
static void
announce_interactions (TnStore    *self,
                       GHashTable *contact_ids)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, contact_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TnContact *contact = tn_store_get_contact_by_id (self, *(gint64 *) key);

      if (contact != NULL)
        g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_INTERACTIONS_CHANGED], 0, contact);
    }
}

/* Takes in @changes: the contacts they touch are read again, the signals of what else
 * changed are emitted. */
static gboolean
take_in (TnStore  *self,
         GArray   *changes,
         GError  **error)
{
  g_autoptr(GArray) contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) met = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean brand_changed = FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      TnStoreChange *change = &g_array_index (changes, TnStoreChange, i);

      switch (change->kind)
        {
        case TN_STORE_CHANGE_CONTACT:
          g_array_append_val (contact_ids, change->contact_id);
          break;
        case TN_STORE_CHANGE_INTERACTION:
          /* The contact's last contact follows its interactions. */
          g_array_append_val (contact_ids, change->contact_id);
          g_hash_table_add (met, &change->contact_id);
          break;
        case TN_STORE_CHANGE_BRAND:
        case TN_STORE_CHANGE_SELF_CHECK:
          brand_changed = TRUE;
          break;
        case TN_STORE_CHANGE_SETTING:
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (!tn_store_refresh_contacts (self, (const gint64 *) (gpointer) contact_ids->data, contact_ids->len, error))
    return FALSE;

  announce_interactions (self, met);
  if (brand_changed)
    g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_BRAND_CHANGED], 0);
  g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_CHANGED_ELSEWHERE], 0);
  return TRUE;
}

/**
 * tn_store_check_for_changes:
 * @self: a store
 * @error: return location for a #GError
 *
 * Takes in what other connections (the command line, an import, the reminder, sync)
 * committed since the last look: the contacts they changed are refreshed in the list
 * with precise items-changed, #TnStore::interactions-changed and
 * #TnStore::brand-changed are emitted for what they touched, then
 * #TnStore::changed-elsewhere once. Nothing is read when nobody else committed.
 *
 * Returns: %FALSE with @error set when the database could not be read
 */
gboolean
tn_store_check_for_changes (TnStore  *self,
                            GError  **error)
{
  g_autoptr(GArray) changes = NULL;
  gint64 data_version;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_int64 (self, "PRAGMA data_version", &data_version, error))
    return FALSE;
  if (data_version == self->data_version)
    return TRUE;

  changes = tn_store_list_changes (self, self->seen_seq, error);
  if (changes == NULL)
    return FALSE;

  /* This store's own changes are among them: taking them in again reads what is
   * already shown, and changes nothing. */
  if (changes->len > 0 && !take_in (self, changes, error))
    return FALSE;

  self->data_version = data_version;
  if (changes->len > 0)
    self->seen_seq = g_array_index (changes, TnStoreChange, changes->len - 1).seq;
  return TRUE;
}

static gboolean
on_follow_cb (gpointer user_data)
{
  TnStore *self = user_data;
  g_autoptr(GError) error = NULL;

  /* A database busy with another writer's checkpoint is read at the next tick. */
  if (!tn_store_check_for_changes (self, &error))
    g_debug ("Could not read the changes of other processes: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/**
 * tn_store_follow_other_processes:
 * @self: a store
 *
 * From now on, on the thread-default main context, checks a few times a second for
 * commits by other processes and takes them in (tn_store_check_for_changes()). For a
 * store that lives as long as a window or the reminder service; the command line,
 * which writes and exits, has no need.
 */
void
tn_store_follow_other_processes (TnStore *self)
{
  g_return_if_fail (TN_IS_STORE (self));

  if (self->follow_source != 0)
    return;

  self->follow_source = g_timeout_add_full (G_PRIORITY_LOW, FOLLOW_INTERVAL_MS, on_follow_cb, self, NULL);
}

/**
 * tn_store_get_contact_by_uid:
 * @self: a store
 * @uid: a contact's uid
 *
 * What outlives a moment (a notification, an action's target) names a contact by uid:
 * unlike a row id, a uid is never given to someone else.
 *
 * Returns: (transfer none) (nullable): the contact in the list with @uid
 */
TnContact *
tn_store_get_contact_by_uid (TnStore    *self,
                             const char *uid)
{
  sqlite3_stmt *statement;
  TnContact *contact = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  statement = tn_db_cached (self->db, "SELECT id FROM contacts WHERE uid = ?1 AND removed_at IS NULL", NULL);
  if (statement == NULL)
    return NULL;

  tn_db_bind_text (statement, 1, uid);
  if (sqlite3_step (statement) == SQLITE_ROW)
    contact = tn_store_get_contact_by_id (self, sqlite3_column_int64 (statement, 0));
  sqlite3_reset (statement);
  return contact;
}
