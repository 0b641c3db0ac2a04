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
#include "tn-duplicate-hints.h"
#include "tn-store-internal.h"
#include "tn-store-reader-private.h"

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
read_dismissed (TnDb *db)
{
  g_autoptr(GHashTable) dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  statement = tn_db_prepare (db, "SELECT key FROM meta WHERE key >= ?1 AND key < ?2", &error);
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
    g_warning ("Could not read the dismissed duplicates: %s", sqlite3_errmsg (db->handle));

  return g_steal_pointer (&dismissed);
}

/* One contact as the pairing sees it: from the store's list on the window's thread
 * (@contact), or read from the database by a worker (@name, @organization, @emails and
 * @phones, the lists %NULL-terminated). */
typedef struct
{
  gint64 id;
  TnContact *contact;
  char *name;
  char *organization;
  GPtrArray *emails;
  GPtrArray *phones;
} Person;

static void
person_clear (Person *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->organization, g_free);
  g_clear_pointer (&person->emails, g_ptr_array_unref);
  g_clear_pointer (&person->phones, g_ptr_array_unref);
}

static GArray *
people_new (guint n)
{
  GArray *people = g_array_sized_new (FALSE, TRUE, sizeof (Person), n);

  g_array_set_clear_func (people, (GDestroyNotify) person_clear);
  return people;
}

/* The store's contacts, borrowed: for this thread only. */
static GArray *
people_of_store (TnStore *self)
{
  GListModel *model = G_LIST_MODEL (self->contacts);
  guint n = g_list_model_get_n_items (model);
  GArray *people = people_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (model, i);
      Person person = { .id = tn_contact_get_id (contact), .contact = contact };

      g_array_append_val (people, person);
    }

  return people;
}

static const char *
person_name (const Person *person)
{
  return person->contact != NULL ? tn_contact_get_full_name (person->contact) : person->name;
}

static GPtrArray *
person_keys (const Person *person)
{
  if (person->contact != NULL)
    return tn_duplicate_hints_keys (person->contact);

  return tn_duplicate_hints_keys_of (person->organization, (const char * const *) person->emails->pdata,
                                     (const char * const *) person->phones->pdata);
}

/* The people grouped by name key, only the names two or more share, each group as indices
 * into @people in its order (by when they were added). */
static GPtrArray *
group_by_name (GArray *people)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) group_of_spelling = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < people->len; i++)
    {
      const char *name = person_name (&g_array_index (people, Person, i));
      g_autofree char *key = NULL;
      GArray *group;

      if (name == NULL)
        continue;

      /* Namesakes are written alike: each spelling is folded once, not once per person. */
      if (!g_hash_table_lookup_extended (group_of_spelling, name, NULL, (gpointer *) &group))
        {
          key = tn_duplicates_name_key (name);
          group = key != NULL ? g_hash_table_lookup (by_name, key) : NULL;
          if (key != NULL && group == NULL)
            {
              group = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (by_name, g_steal_pointer (&key), group);
            }
          g_hash_table_insert (group_of_spelling, g_strdup (name), group);
        }

      if (group != NULL)
        g_array_append_val (group, i);
    }

  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((GArray *) value)->len >= 2)
      g_ptr_array_add (groups, g_array_ref (value));

  return groups;
}

typedef void (*PairFunc) (const Person     *first,
                          const Person     *second,
                          TnDuplicateHints  hints,
                          gpointer          user_data);

/* Calls @func for each pair of @group that shares a key of tn_duplicate_hints_keys(), once,
 * the one added first first. Only pairs that share a key are ever looked at: with a
 * thousand namesakes, comparing every pair would be half a million comparisons. Each
 * member's partners after it are gathered in arrays stamped with the member, not in a
 * table of pairs: 480,000 pairs cost a few milliseconds instead of a second. */
static void
pair_group (GArray     *people,
            GArray     *group,
            GHashTable *dismissed,
            PairFunc    func,
            gpointer    user_data)
{
  g_autoptr(GHashTable) holders_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) keys_of = g_ptr_array_new_full (group->len, (GDestroyNotify) g_ptr_array_unref);
  g_autofree guint *stamps = g_new0 (guint, group->len);
  g_autofree TnDuplicateHints *hints = g_new0 (TnDuplicateHints, group->len);
  g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Each key's holders, by their place in the group: in order, since members come so. */
  for (guint m = 0; m < group->len; m++)
    {
      GPtrArray *keys = person_keys (&g_array_index (people, Person, g_array_index (group, guint, m)));

      g_ptr_array_add (keys_of, keys);
      for (guint k = 0; k < keys->len; k++)
        {
          GArray *holders = g_hash_table_lookup (holders_of, keys->pdata[k]);

          if (holders == NULL)
            {
              holders = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (holders_of, keys->pdata[k], holders);
            }
          g_array_append_val (holders, m);
        }
    }

  for (guint m = 0; m < group->len; m++)
    {
      GPtrArray *keys = keys_of->pdata[m];
      const Person *first = &g_array_index (people, Person, g_array_index (group, guint, m));

      g_array_set_size (partners, 0);
      for (guint k = 0; k < keys->len; k++)
        {
          GArray *holders = g_hash_table_lookup (holders_of, keys->pdata[k]);
          TnDuplicateHints hint = tn_duplicate_hints_of_key (keys->pdata[k]);

          /* The holders after @m, from the last back. */
          for (guint h = holders->len; h > 0 && g_array_index (holders, guint, h - 1) > m; h--)
            {
              guint j = g_array_index (holders, guint, h - 1);

              if (stamps[j] != m + 1)
                {
                  stamps[j] = m + 1;
                  hints[j] = TN_DUPLICATE_HINT_NONE;
                  g_array_append_val (partners, j);
                }
              hints[j] |= hint;
            }
        }

      for (guint p = 0; p < partners->len; p++)
        {
          guint j = g_array_index (partners, guint, p);
          const Person *second = &g_array_index (people, Person, g_array_index (group, guint, j));

          if (g_hash_table_size (dismissed) > 0)
            {
              g_autofree char *dismissed_id = dismissed_key (first->id, second->id);

              if (g_hash_table_contains (dismissed, dismissed_id))
                continue;
            }
          func (first, second, tn_duplicate_hints_tidy (hints[j]), user_data);
        }
    }
}

/* Calls @func for each pair of namesakes among @people with a hint in common that was
 * not dismissed. Stops early, and says so, when @cancellable is cancelled. */
static gboolean
foreach_pair (GArray        *people,
              GHashTable    *dismissed,
              PairFunc       func,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) groups = group_by_name (people);

  for (guint g = 0; g < groups->len; g++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      pair_group (people, groups->pdata[g], dismissed, func, user_data);
    }

  return TRUE;
}

static void
add_pair_cb (const Person     *first,
             const Person     *second,
             TnDuplicateHints  hints,
             gpointer          user_data)
{
  TnPossibleDuplicate *pair = g_new0 (TnPossibleDuplicate, 1);

  pair->first = g_object_ref (first->contact);
  pair->second = g_object_ref (second->contact);
  pair->hints = hints;
  pair->likeness = tn_duplicate_hints_likeness (hints);
  g_ptr_array_add (user_data, pair);
}

static void
count_pair_cb (const Person     *first,
               const Person     *second,
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
  g_autoptr(GArray) people = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  GPtrArray *pairs;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  people = people_of_store (self);
  dismissed = read_dismissed (self->db);
  pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_possible_duplicate_free);
  foreach_pair (people, dismissed, add_pair_cb, pairs, NULL, NULL);
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
  g_autoptr(GArray) people = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  guint count = 0;

  g_return_val_if_fail (TN_IS_STORE (self), 0);

  people = people_of_store (self);
  dismissed = read_dismissed (self->db);
  foreach_pair (people, dismissed, count_pair_cb, &count, NULL, NULL);
  return count;
}

/* Appends each row's value (column 1) to the list of the person whose id is column 0. */
static gboolean
read_lists (TnDb        *db,
            const char  *sql,
            GHashTable  *by_id,
            gsize        list_offset,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (db, sql, error);
  int result;

  if (statement == NULL)
    return FALSE;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);
      Person *person = g_hash_table_lookup (by_id, &id);
      const char *value = (const char *) sqlite3_column_text (statement, 1);

      if (person != NULL && value != NULL)
        g_ptr_array_add (G_STRUCT_MEMBER (GPtrArray *, person, list_offset), g_strdup (value));
    }

  return tn_db_finished (db, result, error);
}

/* The contacts of the list as the database holds them, for a worker: what the pairing
 * compares of them, and nothing else. */
static GArray *
people_of_db (TnDb     *db,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GArray) people = people_new (0);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int result;

  statement = tn_db_prepare (db, "SELECT id, full_name, organization FROM contacts WHERE removed_at IS NULL ORDER BY id",
                             error);
  if (statement == NULL)
    return NULL;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      Person person = {
        .id = sqlite3_column_int64 (statement, 0),
        .name = g_strdup ((const char *) sqlite3_column_text (statement, 1)),
        .organization = g_strdup ((const char *) sqlite3_column_text (statement, 2)),
        .emails = g_ptr_array_new_with_free_func (g_free),
        .phones = g_ptr_array_new_with_free_func (g_free),
      };

      g_array_append_val (people, person);
    }
  if (!tn_db_finished (db, result, error))
    return NULL;

  /* The array is complete: its elements stay where they are. */
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (by_id, &g_array_index (people, Person, i).id, &g_array_index (people, Person, i));

  if (!read_lists (db, "SELECT contact_id, value FROM emails ORDER BY contact_id, position", by_id,
                   G_STRUCT_OFFSET (Person, emails), error) ||
      !read_lists (db, "SELECT contact_id, value FROM phones ORDER BY contact_id, position", by_id,
                   G_STRUCT_OFFSET (Person, phones), error))
    return NULL;

  for (guint i = 0; i < people->len; i++)
    {
      g_ptr_array_add (g_array_index (people, Person, i).emails, NULL);
      g_ptr_array_add (g_array_index (people, Person, i).phones, NULL);
    }

  return g_steal_pointer (&people);
}

/* The people and the dismissed pairs in one read transaction: of one moment. */
static GArray *
people_and_dismissed_of_db (TnDb        *db,
                            GHashTable **dismissed,
                            GError     **error)
{
  GArray *people;

  if (!tn_db_exec (db, "BEGIN", error))
    return NULL;
  people = people_of_db (db, error);
  *dismissed = read_dismissed (db);
  tn_db_exec (db, "COMMIT", NULL);
  return people;
}

static gpointer
count_read (TnDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GArray) people = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  g_autofree guint *count = g_new0 (guint, 1);

  people = people_and_dismissed_of_db (db, &dismissed, error);
  if (people == NULL)
    return NULL;

  if (!foreach_pair (people, dismissed, count_pair_cb, count, cancellable, error))
    return NULL;

  return g_steal_pointer (&count);
}

/**
 * tn_store_count_possible_duplicates_async:
 * @self: a store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread with the count
 * @user_data: for @callback
 *
 * tn_store_count_possible_duplicates() in a worker thread, on a connection of its own to
 * the store's file: at 100,000 contacts sharing 870 names there are 480,000 pairs to find,
 * which the window must not wait for. It counts the database as committed when the worker
 * starts reading.
 */
void
tn_store_count_possible_duplicates_async (TnStore             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (TN_IS_STORE (self));

  _tn_store_read_async (self, tn_store_count_possible_duplicates_async, count_read, NULL, NULL, g_free,
                        cancellable, callback, user_data);
}

/**
 * tn_store_count_possible_duplicates_finish:
 * @self: the store of tn_store_count_possible_duplicates_async()
 * @result: the result given to its callback
 * @count: (out): how many pairs tn_store_list_possible_duplicates() would list
 * @error: return location for a #GError
 *
 * Returns: %TRUE with @count set, or %FALSE with @error set
 */
gboolean
tn_store_count_possible_duplicates_finish (TnStore       *self,
                                           GAsyncResult  *result,
                                           guint         *count,
                                           GError       **error)
{
  g_autofree guint *counted = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *count = 0;
  counted = _tn_store_read_finish (self, result, tn_store_count_possible_duplicates_async, error);
  if (counted == NULL)
    return FALSE;

  *count = *counted;
  return TRUE;
}

/* A pair as a worker finds it: the contacts by id, for the window's thread to look up. */
typedef struct
{
  gint64 first_id;
  gint64 second_id;
  TnDuplicateHints hints;
  guint likeness;
} PairOfIds;

static void
add_pair_of_ids_cb (const Person     *first,
                    const Person     *second,
                    TnDuplicateHints  hints,
                    gpointer          user_data)
{
  PairOfIds pair = {
    .first_id = first->id,
    .second_id = second->id,
    .hints = hints,
    .likeness = tn_duplicate_hints_likeness (hints),
  };

  g_array_append_val (user_data, pair);
}

/* The order of compare_pairs(), on ids. */
static int
compare_pairs_of_ids (gconstpointer a,
                      gconstpointer b)
{
  const PairOfIds *first = a;
  const PairOfIds *second = b;

  if (first->likeness != second->likeness)
    return first->likeness > second->likeness ? -1 : 1;
  if (first->first_id != second->first_id)
    return first->first_id < second->first_id ? -1 : 1;
  return (first->second_id > second->second_id) - (first->second_id < second->second_id);
}

static gpointer
list_read (TnDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GArray) people = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (PairOfIds));

  people = people_and_dismissed_of_db (db, &dismissed, error);
  if (people == NULL)
    return NULL;

  if (!foreach_pair (people, dismissed, add_pair_of_ids_cb, pairs, cancellable, error))
    return NULL;

  g_array_sort (pairs, compare_pairs_of_ids);
  return g_steal_pointer (&pairs);
}

/**
 * tn_store_list_possible_duplicates_async:
 * @self: a store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread with the pairs
 * @user_data: for @callback
 *
 * tn_store_list_possible_duplicates() with the pairing in a worker thread, on a connection
 * of its own to the store's file (see tn_store_count_possible_duplicates_async()): the
 * window that lists them does not wait for it.
 */
void
tn_store_list_possible_duplicates_async (TnStore             *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (TN_IS_STORE (self));

  _tn_store_read_async (self, tn_store_list_possible_duplicates_async, list_read, NULL, NULL,
                        (GDestroyNotify) g_array_unref, cancellable, callback, user_data);
}

/**
 * tn_store_list_possible_duplicates_finish:
 * @self: the store of tn_store_list_possible_duplicates_async()
 * @result: the result given to its callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TnPossibleDuplicate) (nullable): the pairs, as
 *   tn_store_list_possible_duplicates() lists them, of the contacts this store still has;
 *   %NULL with @error set
 */
GPtrArray *
tn_store_list_possible_duplicates_finish (TnStore       *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_autoptr(GArray) found = NULL;
  GPtrArray *pairs;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  found = _tn_store_read_finish (self, result, tn_store_list_possible_duplicates_async, error);
  if (found == NULL)
    return NULL;

  pairs = g_ptr_array_new_full (found->len, (GDestroyNotify) tn_possible_duplicate_free);
  for (guint i = 0; i < found->len; i++)
    {
      const PairOfIds *ids = &g_array_index (found, PairOfIds, i);
      TnContact *first = tn_store_get_contact_by_id (self, ids->first_id);
      TnContact *second = tn_store_get_contact_by_id (self, ids->second_id);
      TnPossibleDuplicate *pair;

      /* Removed on this thread since the worker read them. */
      if (first == NULL || second == NULL)
        continue;

      pair = g_new0 (TnPossibleDuplicate, 1);
      pair->first = g_object_ref (first);
      pair->second = g_object_ref (second);
      pair->hints = ids->hints;
      pair->likeness = ids->likeness;
      g_ptr_array_add (pairs, pair);
    }

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
  g_autofree char *key = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (first), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (second), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = dismissed_key (tn_contact_get_id (first), tn_contact_get_id (second));
  return _tn_store_set_meta (self, key, "1", error);
}
