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

/* The pairs of @group that share a key of tn_duplicate_hints_keys(), each once, as indices
 * "i * len + j" (i < j) mapped to their hints: with a thousand namesakes, comparing every
 * pair would be half a million comparisons, and most share nothing but the name. */
static GHashTable *
find_candidates (GPtrArray *group)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  GHashTable *candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < group->len; i++)
    {
      g_autoptr(GPtrArray) keys = tn_duplicate_hints_keys (group->pdata[i]);

      for (guint k = 0; k < keys->len; k++)
        {
          GArray *holders = g_hash_table_lookup (by_key, keys->pdata[k]);

          if (holders == NULL)
            {
              holders = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (by_key, g_strdup (keys->pdata[k]), holders);
            }
          g_array_append_val (holders, i);
        }
    }

  g_hash_table_iter_init (&iter, by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *holders = value;
      TnDuplicateHints hint = tn_duplicate_hints_of_key (key);

      for (guint a = 0; a < holders->len; a++)
        for (guint b = a + 1; b < holders->len; b++)
          {
            gint64 index = (gint64) g_array_index (holders, guint, a) * group->len + g_array_index (holders, guint, b);
            gpointer hints = g_hash_table_lookup (candidates, &index);

            g_hash_table_replace (candidates, g_memdup2 (&index, sizeof index),
                                  GUINT_TO_POINTER (GPOINTER_TO_UINT (hints) | hint));
          }
    }

  return candidates;
}

typedef void (*PairFunc) (TnContact        *first,
                          TnContact        *second,
                          TnDuplicateHints  hints,
                          gpointer          user_data);

/* Calls @func for each pair of namesakes with a hint in common that was not dismissed. */
static void
foreach_pair (TnStore  *self,
              PairFunc  func,
              gpointer  user_data)
{
  g_autoptr(GPtrArray) groups = group_by_name (self);
  g_autoptr(GHashTable) dismissed = read_dismissed (self);

  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = groups->pdata[g];
      g_autoptr(GHashTable) candidates = find_candidates (group);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, candidates);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 index = *(gint64 *) key;
          TnContact *first = group->pdata[index / group->len];
          TnContact *second = group->pdata[index % group->len];

          if (g_hash_table_size (dismissed) > 0)
            {
              g_autofree char *dismissed_id = dismissed_key (tn_contact_get_id (first), tn_contact_get_id (second));

              if (g_hash_table_contains (dismissed, dismissed_id))
                continue;
            }
          func (first, second, tn_duplicate_hints_tidy (GPOINTER_TO_UINT (value)), user_data);
        }
    }
}

static void
add_pair_cb (TnContact        *first,
             TnContact        *second,
             TnDuplicateHints  hints,
             gpointer          user_data)
{
  TnPossibleDuplicate *pair = g_new0 (TnPossibleDuplicate, 1);

  pair->first = g_object_ref (first);
  pair->second = g_object_ref (second);
  pair->hints = hints;
  pair->likeness = tn_duplicate_hints_likeness (hints);
  g_ptr_array_add (user_data, pair);
}

static void
count_pair_cb (TnContact        *first,
               TnContact        *second,
               TnDuplicateHints  hints,
               gpointer          user_data)
{
  (*(guint *) user_data)++;
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
  GPtrArray *pairs;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_possible_duplicate_free);
  foreach_pair (self, add_pair_cb, pairs);
  g_ptr_array_sort (pairs, compare_pairs);
  return pairs;
}

/**
 * tn_store_count_possible_duplicates:
 * @self: a store
 *
 * Returns: how many pairs tn_store_list_possible_duplicates() lists, without making them
 */
guint
tn_store_count_possible_duplicates (TnStore *self)
{
  guint count = 0;

  g_return_val_if_fail (TN_IS_STORE (self), 0);

  foreach_pair (self, count_pair_cb, &count);
  return count;
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
