/* tn-store-duplicates.c — the pairs of contacts that may be one person, likeliest first,
 * and the pairs the person said are two people, remembered in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pair is offered when the two share a name and a second hint (tn-duplicate-hints.c):
 * namesakes with nothing else in common are different people far more often than not.
 * A dismissed pair is a row of the meta table, "duplicate-dismissed:<id>:<id>", so that the
 * dashboard stops asking after the person reviewed them, in this window and the next.
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-duplicates.h"
#include "tn-store-internal.h"

#define DISMISSED_PREFIX "duplicate-dismissed:"

/**
 * tn_possible_duplicate_free:
 * @pair: (nullable): a pair of tn_store_list_possible_duplicates()
 */
void
tn_possible_duplicate_free (TnPossibleDuplicate *pair)
{
  if (pair == NULL)
    return;

  g_clear_object (&pair->first);
  g_clear_object (&pair->second);
  g_free (pair);
}

static char *
dismissed_key (gint64 a,
               gint64 b)
{
  return g_strdup_printf (DISMISSED_PREFIX "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
}

static GHashTable *
read_dismissed (TnStore *self)
{
  g_autoptr(GHashTable) dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  statement = tn_db_prepare (self->db, "SELECT key FROM meta WHERE key >= ?1 AND key < ?2", &error);
  if (statement == NULL)
    {
      g_warning ("Could not read the dismissed duplicates: %s", error->message);
      return g_steal_pointer (&dismissed);
    }

  /* A range rather than LIKE, so that the primary key's index serves it. */
  sqlite3_bind_text (statement, 1, DISMISSED_PREFIX, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, "duplicate-dismissed;", -1, SQLITE_STATIC);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_hash_table_add (dismissed, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
  if (result != SQLITE_DONE)
    g_warning ("Could not read the dismissed duplicates: %s", sqlite3_errmsg (self->db->handle));

  return g_steal_pointer (&dismissed);
}

/* Contacts grouped by name key, only the names two or more share; each group in the list's
 * order, by when they were added. */
static GPtrArray *
group_by_name (TnStore *self)
{
  GListModel *model = G_LIST_MODEL (self->contacts);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (model, i);
      g_autofree char *key = tn_duplicates_name_key (tn_contact_get_full_name (contact));
      GPtrArray *group;

      if (key == NULL)
        continue;

      group = g_hash_table_lookup (by_name, key);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_name, g_steal_pointer (&key), group);
        }
      g_ptr_array_add (group, g_object_ref (contact));
    }

  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((GPtrArray *) value)->len >= 2)
      g_ptr_array_add (groups, g_ptr_array_ref (value));

  return groups;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const TnPossibleDuplicate *first = *(TnPossibleDuplicate * const *) a;
  const TnPossibleDuplicate *second = *(TnPossibleDuplicate * const *) b;
  int by_id;

  if (first->likeness != second->likeness)
    return first->likeness > second->likeness ? -1 : 1;
  by_id = _tn_store_compare_by_id (first->first, second->first, NULL);
  return by_id != 0 ? by_id : _tn_store_compare_by_id (first->second, second->second, NULL);
}

/**
 * tn_store_list_possible_duplicates:
 * @self: a store
 *
 * Pairs of contacts that may be one person: the same full name (case and surrounding blanks
 * aside) and a second hint, an organization, an email mailbox or a phone number in common.
 * An import merges only on a uid, email address or phone number, so these stay apart until
 * the person merges them (tn_store_merge_contacts_undoable()) or says they are two people
 * (tn_store_dismiss_possible_duplicate()).
 *
 * Returns: (transfer full) (element-type TnPossibleDuplicate): the pairs not dismissed, the
 *   likeliest first (then by when their contacts were added); each pair's @first is the
 *   one added earlier
 */
GPtrArray *
tn_store_list_possible_duplicates (TnStore *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  GPtrArray *pairs;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  groups = group_by_name (self);
  dismissed = read_dismissed (self);
  pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_possible_duplicate_free);

  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = groups->pdata[g];

      for (guint i = 0; i < group->len; i++)
        for (guint j = i + 1; j < group->len; j++)
          {
            TnContact *first = group->pdata[i];
            TnContact *second = group->pdata[j];
            g_autofree char *key = dismissed_key (tn_contact_get_id (first), tn_contact_get_id (second));
            TnDuplicateHints hints;
            TnPossibleDuplicate *pair;

            if (g_hash_table_contains (dismissed, key))
              continue;
            hints = tn_duplicate_hints_find (first, second);
            if (hints == TN_DUPLICATE_HINT_NONE)
              continue;

            pair = g_new0 (TnPossibleDuplicate, 1);
            pair->first = g_object_ref (first);
            pair->second = g_object_ref (second);
            pair->hints = hints;
            pair->likeness = tn_duplicate_hints_likeness (hints);
            g_ptr_array_add (pairs, pair);
          }
    }

  g_ptr_array_sort (pairs, compare_pairs);
  return pairs;
}

/**
 * tn_store_dismiss_possible_duplicate:
 * @self: a store
 * @first: a contact
 * @second: another contact the person says is someone else
 * @error: return location for a #GError
 *
 * Remembers that @first and @second are two people: tn_store_list_possible_duplicates()
 * no longer lists them, in any later session either.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_dismiss_possible_duplicate (TnStore    *self,
                                     TnContact  *first,
                                     TnContact  *second,
                                     GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (first), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (second), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = dismissed_key (tn_contact_get_id (first), tn_contact_get_id (second));
  statement = tn_db_prepare (self->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, '1')", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, key, -1, SQLITE_STATIC);
  return tn_db_step_done (self->db, statement, error);
}
