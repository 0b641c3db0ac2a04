/* test-contact-list.c — the store's array-backed list model, and the same contacts kept in
 * the order of their names (TnContactsByName).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tn-contact-list.h"
#include "tn-contact-private.h"
#include "tn-contacts-by-name.h"
#include "tn-test-store.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_ids (TnContactList *list,
            const gint64  *ids,
            guint          n_ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(TnContact) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (tn_contact_get_id (item), ==, ids[i]);
      g_assert_true (tn_contact_list_get (list, i) == item);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n_ids));
  g_assert_null (tn_contact_list_get (list, n_ids));
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
test_model (void)
{
  g_autoptr(TnContactList) list = tn_contact_list_new ();

  g_assert_true (G_IS_LIST_MODEL (list));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TN_TYPE_CONTACT);
  assert_ids (list, NULL, 0);
}

static void
test_append_insert_remove (void)
{
  g_autoptr(TnContactList) list = tn_contact_list_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(TnContact) one = tn_test_contact_with_id (1);
  g_autoptr(TnContact) three = tn_test_contact_with_id (3);
  g_autoptr(TnContact) five = tn_test_contact_with_id (5);
  g_autoptr(TnContact) four = tn_test_contact_with_id (4);
  g_autoptr(TnContact) zero = tn_test_contact_with_id (0);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  tn_contact_list_append (list, one);
  tn_contact_list_append (list, three);
  tn_contact_list_append (list, five);
  assert_ids (list, (gint64[]) { 1, 3, 5 }, 3);
  assert_change (changes, 2, 2, 0, 1);

  tn_contact_list_insert_by_id (list, four);
  tn_contact_list_insert_by_id (list, zero);
  assert_ids (list, (gint64[]) { 0, 1, 3, 4, 5 }, 5);
  assert_change (changes, 3, 2, 0, 1);
  assert_change (changes, 4, 0, 0, 1);

  tn_contact_list_remove (list, 2);
  assert_ids (list, (gint64[]) { 0, 1, 4, 5 }, 4);
  assert_change (changes, 5, 2, 1, 0);
  g_assert_cmpuint (changes->len, ==, 6);

  /* The list holds its own references. */
  g_assert_cmpuint (G_OBJECT (three)->ref_count, ==, 1);
  g_assert_cmpuint (G_OBJECT (four)->ref_count, ==, 2);
}

static void
test_splice (void)
{
  g_autoptr(TnContactList) list = tn_contact_list_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(TnContact) a = tn_test_contact_with_id (10);
  g_autoptr(TnContact) b = tn_test_contact_with_id (20);
  g_autoptr(TnContact) c = tn_test_contact_with_id (30);
  g_autoptr(TnContact) d = tn_test_contact_with_id (40);
  TnContact *all[] = { a, b, c, d };
  TnContact *self_replacement[] = { b };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  tn_contact_list_splice (list, 0, 0, all, 4);
  assert_ids (list, (gint64[]) { 10, 20, 30, 40 }, 4);
  assert_change (changes, 0, 0, 0, 4);

  /* A contact replaced with itself announces a change without losing it. */
  tn_contact_list_splice (list, 1, 1, self_replacement, 1);
  assert_ids (list, (gint64[]) { 10, 20, 30, 40 }, 4);
  assert_change (changes, 1, 1, 1, 1);
  g_assert_cmpuint (G_OBJECT (b)->ref_count, ==, 2);

  tn_contact_list_splice (list, 1, 2, NULL, 0);
  assert_ids (list, (gint64[]) { 10, 40 }, 2);
  assert_change (changes, 2, 1, 2, 0);

  /* Nothing to do emits nothing. */
  tn_contact_list_splice (list, 2, 0, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 3);
}

static void
test_find_by_id (void)
{
  g_autoptr(TnContactList) list = tn_contact_list_new ();
  guint position = G_MAXUINT;

  for (gint64 id = 2; id <= 2000; id += 2)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (id);

      tn_contact_list_append (list, contact);
    }

  g_assert_true (tn_contact_list_find_by_id (list, 2, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (tn_contact_list_find_by_id (list, 2000, &position));
  g_assert_cmpuint (position, ==, 999);
  g_assert_true (tn_contact_list_find_by_id (list, 1234, &position));
  g_assert_cmpuint (position, ==, 616);
  g_assert_true (tn_contact_list_find_by_id (list, 1234, NULL));
  g_assert_false (tn_contact_list_find_by_id (list, 1, &position));
  g_assert_false (tn_contact_list_find_by_id (list, 1235, &position));
  g_assert_false (tn_contact_list_find_by_id (list, 2002, &position));
}

/* ---- TnContactsByName ------------------------------------------------------------------- */

/* Names that collate unlike their bytes: case, accents, spaces, equal names. */
static const char * const syllables[] = { "ada", "Ada", "Émile", "emile", "Zoë", "zoe", "Øyvind", "Ölaf",
                                          "bob", "Bob ", "ñu", "nu", "", "ß", "ss", "Ça", "ca" };

static char *
random_name (GRand *rand)
{
  return g_strconcat (syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))],
                      g_rand_boolean (rand) ? " " : "",
                      syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))],
                      NULL);
}

static TnContact *
contact_named (gint64      id,
               const char *name)
{
  TnContact *contact = tn_contact_new (name);

  _tn_contact_set_id (contact, id);
  return contact;
}

static const char *
name_of (TnContact *contact)
{
  const char *name = tn_contact_get_full_name (contact);

  return name != NULL ? name : "";
}

static int
compare_ids_of (TnContact *a,
                TnContact *b)
{
  return (tn_contact_get_id (a) > tn_contact_get_id (b)) - (tn_contact_get_id (a) < tn_contact_get_id (b));
}

/* What a stable sort of a list ordered by id gives: by key, equal keys by id. The key is
 * made here from the name as it is now; the plain order calls g_utf8_collate() on the names,
 * the other compares keys, which is quicker for the tests that check after each of hundreds
 * of changes. */
typedef struct
{
  char *key;
  TnContact *contact;
} Keyed;

static int
compare_plainly (gconstpointer a,
                 gconstpointer b)
{
  const Keyed *keyed_a = a;
  const Keyed *keyed_b = b;
  int order = g_utf8_collate (name_of (keyed_a->contact), name_of (keyed_b->contact));

  return order != 0 ? order : compare_ids_of (keyed_a->contact, keyed_b->contact);
}

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *keyed_a = a;
  const Keyed *keyed_b = b;
  int order = strcmp (keyed_a->key, keyed_b->key);

  return order != 0 ? order : compare_ids_of (keyed_a->contact, keyed_b->contact);
}

static void
assert_order (GListModel *by_name,
              GListModel *source,
              gboolean    plainly)
{
  guint n = g_list_model_get_n_items (source);
  g_autofree Keyed *expected = g_new (Keyed, n);

  for (guint i = 0; i < n; i++)
    {
      expected[i].contact = g_list_model_get_item (source, i);
      expected[i].key = plainly ? NULL : g_utf8_collate_key (name_of (expected[i].contact), -1);
      g_object_unref (expected[i].contact);
    }
  if (plainly)
    qsort (expected, n, sizeof (Keyed), compare_plainly);
  else
    qsort (expected, n, sizeof (Keyed), compare_keyed);

  g_assert_cmpuint (g_list_model_get_n_items (by_name), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnContact) shown = g_list_model_get_item (by_name, i);

      if (shown != expected[i].contact)
        g_error ("position %u: “%s” (%" G_GINT64_FORMAT ") where “%s” (%" G_GINT64_FORMAT ") belongs", i,
                 name_of (shown), tn_contact_get_id (shown),
                 name_of (expected[i].contact), tn_contact_get_id (expected[i].contact));
    }
  g_assert_null (g_list_model_get_item (by_name, n));

  for (guint i = 0; i < n; i++)
    g_free (expected[i].key);
}

static void
assert_in_name_order (GListModel *by_name,
                      GListModel *source)
{
  assert_order (by_name, source, TRUE);
}

/* A view's copy of the list, changed only as items-changed says: after every signal it must
 * be the list itself, or a view following the signals would show other rows. */
typedef struct
{
  GPtrArray *rows;
  GArray *changes;
} Follower;

static void
on_follow_cb (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              Follower   *follower)
{
  Change change = { position, removed, added };

  g_array_append_val (follower->changes, change);
  g_assert_cmpuint (position + removed, <=, follower->rows->len);
  g_ptr_array_remove_range (follower->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (follower->rows, position + i, g_list_model_get_item (model, position + i));

  g_assert_cmpuint (follower->rows->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < follower->rows->len; i++)
    {
      g_autoptr(TnContact) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (follower->rows, i));
    }
}

static void
follow (GListModel *model,
        Follower   *follower)
{
  guint n = g_list_model_get_n_items (model);

  follower->rows = g_ptr_array_new_with_free_func (g_object_unref);
  follower->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (follower->rows, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_follow_cb), follower);
}

static void
unfollow (GListModel *model,
          Follower   *follower)
{
  g_signal_handlers_disconnect_by_data (model, follower);
  g_clear_pointer (&follower->rows, g_ptr_array_unref);
  g_clear_pointer (&follower->changes, g_array_unref);
}

static TnContactList *
random_list (GRand *rand,
             guint  n)
{
  TnContactList *list = tn_contact_list_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = random_name (rand);
      g_autoptr(TnContact) contact = contact_named (10 * (i + 1), name);

      tn_contact_list_append (list, contact);
    }

  return list;
}

/* A few contacts are ordered at once, as a stable sort by the plain collation would. */
static void
test_by_name_at_once (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(TnContactList) list = random_list (rand, 300);
  g_autoptr(TnContactsByName) by_name = tn_contacts_by_name_new (G_LIST_MODEL (list));

  g_assert_true (G_IS_LIST_MODEL (by_name));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (by_name)) == TN_TYPE_CONTACT);
  g_assert_true (tn_contacts_by_name_is_ordered (by_name));
  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));

  /* Nothing to wait for. */
  tn_contacts_by_name_wait (by_name);
  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));
}

static void
on_ordered_cb (TnContactsByName *by_name,
               GParamSpec       *pspec,
               gboolean         *ordered)
{
  *ordered = tn_contacts_by_name_is_ordered (by_name);
}

/* Many are ordered by a worker: empty until then, then filled with one items-changed; and
 * the contacts keep the keys it made. */
static void
test_by_name_in_thread (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(TnContactList) list = random_list (rand, 5000);
  g_autoptr(TnContactsByName) by_name = tn_contacts_by_name_new (G_LIST_MODEL (list));
  Follower follower = { 0 };
  gboolean ordered = FALSE;

  g_assert_false (tn_contacts_by_name_is_ordered (by_name));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_name)), ==, 0);
  follow (G_LIST_MODEL (by_name), &follower);
  g_signal_connect (by_name, "notify::ordered", G_CALLBACK (on_ordered_cb), &ordered);

  while (!ordered)
    g_main_context_iteration (NULL, TRUE);

  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));
  g_assert_cmpuint (follower.changes->len, ==, 1);
  assert_change (follower.changes, 0, 0, 0, 5000);
  for (guint i = 0; i < 5000; i++)
    {
      TnContact *contact = tn_contact_list_get (list, i);
      const char *name = tn_contact_get_full_name (contact);
      g_autofree char *key = g_utf8_collate_key (name != NULL ? name : "", -1);

      g_assert_cmpstr (tn_contact_get_sort_key (contact), ==, key);
    }
  unfollow (G_LIST_MODEL (by_name), &follower);
}

/* Waiting fills the list at once; a list changed while the worker read a copy of it is
 * ordered again, and a list let go while the worker runs is no trouble. */
static void
test_by_name_wait (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(TnContactList) list = random_list (rand, 4000);
  g_autoptr(TnContactsByName) by_name = tn_contacts_by_name_new (G_LIST_MODEL (list));
  g_autoptr(TnContactsByName) let_go = tn_contacts_by_name_new (G_LIST_MODEL (list));
  g_autoptr(TnContact) late = contact_named (999999, "Aaron");
  TnContact *renamed = tn_contact_list_get (list, 7);

  tn_contacts_by_name_wait (by_name);
  g_assert_true (tn_contacts_by_name_is_ordered (by_name));
  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));
  g_clear_object (&by_name);

  by_name = tn_contacts_by_name_new (G_LIST_MODEL (list));
  tn_contact_list_append (list, late);
  tn_contact_set_full_name (renamed, "zzz last");
  tn_contact_list_splice (list, 7, 1, &renamed, 1);
  tn_contacts_by_name_wait (by_name);
  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));

  /* Renamed without the list hearing of it: the copy the worker read is not the list. */
  g_clear_object (&by_name);
  by_name = tn_contacts_by_name_new (G_LIST_MODEL (list));
  tn_contact_set_full_name (renamed, "Aaa first");
  tn_contacts_by_name_wait (by_name);
  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));

  g_clear_object (&let_go);
  while (g_main_context_pending (NULL) || g_main_context_iteration (NULL, FALSE))
    g_main_context_iteration (NULL, FALSE);
}

static TnContact *
some_contact (TnContactList *list,
              GRand         *rand,
              guint         *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  *position = g_rand_int_range (rand, 0, n);
  return tn_contact_list_get (list, *position);
}

/* Every kind of change the store makes, small and in bulk: the order stays the plain
 * collation order, and each items-changed says exactly what changed. */
static void
test_by_name_follows_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(TnContactList) list = random_list (rand, 400);
  g_autoptr(TnContactsByName) by_name = tn_contacts_by_name_new (G_LIST_MODEL (list));
  Follower follower = { 0 };
  gint64 next_id = 100000;

  follow (G_LIST_MODEL (by_name), &follower);

  for (guint step = 0; step < 600; step++)
    {
      guint position;
      TnContact *contact;
      g_autofree char *name = random_name (rand);
      guint before = follower.changes->len;

      switch (g_rand_int_range (rand, 0, 9))
        {
        case 0: /* Added (a new contact has the highest id) */
          {
            g_autoptr(TnContact) added = contact_named (next_id++, name);

            tn_contact_list_append (list, added);
          }
          break;
        case 1: /* Restored: back where its id was */
          {
            g_autoptr(TnContact) restored = contact_named (10 * g_rand_int_range (rand, 1, 400) + 5, name);

            tn_contact_list_insert_by_id (list, restored);
          }
          break;
        case 2: /* Removed */
          some_contact (list, rand, &position);
          tn_contact_list_remove (list, position);
          break;
        case 3: /* Renamed */
          contact = some_contact (list, rand, &position);
          tn_contact_set_full_name (contact, name);
          tn_contact_list_splice (list, position, 1, &contact, 1);
          break;
        case 4: /* Something else changed: its row is told so, in place, once */
          {
            g_autoptr(TnContact) shown = NULL;

            contact = some_contact (list, rand, &position);
            tn_contact_set_organization (contact, name);
            tn_contact_list_splice (list, position, 1, &contact, 1);
            g_assert_cmpuint (follower.changes->len, ==, before + 1);
            position = g_array_index (follower.changes, Change, before).position;
            shown = g_list_model_get_item (G_LIST_MODEL (by_name), position);
            g_assert_true (shown == contact);
            assert_change (follower.changes, before, position, 1, 1);
          }
          break;
        case 5: /* Renamed before the list hears of it, after another change */
          {
            g_autoptr(TnContact) added = contact_named (next_id++, "Mid name");

            contact = some_contact (list, rand, &position);
            tn_contact_set_full_name (contact, name);
            tn_contact_list_append (list, added);
            tn_contact_list_splice (list, position, 1, &contact, 1);
          }
          break;
        case 6: /* An import heard from elsewhere: many at once */
          {
            g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
            guint n = g_rand_int_range (rand, 100, 300);

            for (guint i = 0; i < n; i++)
              {
                g_autofree char *batch_name = random_name (rand);

                g_ptr_array_add (batch, contact_named (next_id++, batch_name));
              }
            tn_contact_list_splice (list, g_list_model_get_n_items (G_LIST_MODEL (list)), 0,
                                    (TnContact **) batch->pdata, batch->len);
          }
          break;
        case 7: /* Many renamed and announced in one splice */
          {
            guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
            guint start = g_rand_int_range (rand, 0, n_items);
            guint wanted = g_rand_int_range (rand, 1, 250);
            guint n = MIN (n_items - start, wanted);
            g_autoptr(GPtrArray) same = g_ptr_array_new ();

            for (guint i = 0; i < n; i++)
              {
                g_autofree char *new_name = random_name (rand);

                contact = tn_contact_list_get (list, start + i);
                if (g_rand_boolean (rand))
                  tn_contact_set_full_name (contact, new_name);
                g_ptr_array_add (same, contact);
              }
            tn_contact_list_splice (list, start, n, (TnContact **) same->pdata, n);
          }
          break;
        default: /* Many removed (an undone import) */
          {
            guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
            guint start = g_rand_int_range (rand, 0, n_items);
            guint wanted = g_rand_int_range (rand, 1, 200);

            tn_contact_list_splice (list, start, MIN (n_items - start, wanted), NULL, 0);
          }
          break;
        }

      assert_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list), FALSE);
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 1200)
        tn_contact_list_splice (list, 0, 600, NULL, 0);
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) < 50)
        {
          g_autoptr(TnContactList) more = random_list (rand, 200);

          for (guint i = 0; i < 200; i++)
            {
              g_autoptr(TnContact) added = contact_named (next_id++, tn_contact_get_full_name (tn_contact_list_get (more, i)));

              tn_contact_list_append (list, added);
            }
        }
    }

  assert_in_name_order (G_LIST_MODEL (by_name), G_LIST_MODEL (list));
  unfollow (G_LIST_MODEL (by_name), &follower);
}

/* The store's list in name order follows what this process and another write. */
static void
test_store_contacts_by_name (TnTestStore   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) elsewhere = NULL;
  g_autoptr(TnContact) draft = NULL;
  GListModel *by_name = tn_store_get_contacts_by_name (fixture->store);
  GListModel *contacts = tn_store_get_contacts (fixture->store);
  TnContact *zoe = tn_test_add_contact (fixture->store, "Zoë Adams", TN_TRUST_UNRATED);
  TnContact *other;

  g_assert_true (tn_store_get_contacts_by_name (fixture->store) == by_name);
  tn_test_add_contact (fixture->store, "émile Zola", TN_TRUST_COMPLETELY);
  tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_VAGUELY);
  tn_test_add_contact (fixture->store, "ada lovelace", TN_TRUST_UNRATED);
  assert_in_name_order (by_name, contacts);

  draft = tn_contact_copy (zoe);
  tn_contact_set_full_name (draft, "Aaron Zoë");
  g_assert_true (tn_store_update_contact (fixture->store, zoe, draft, &error));
  g_assert_no_error (error);
  assert_in_name_order (by_name, contacts);
  g_assert_true (tn_store_remove_contact (fixture->store, zoe, &error));
  assert_in_name_order (by_name, contacts);
  g_assert_true (tn_store_restore_contact (fixture->store, zoe, &error));
  assert_in_name_order (by_name, contacts);

  /* Another process adds one and renames one; this one hears of it. */
  elsewhere = tn_test_store_open_path (fixture->path);
  tn_test_add_contact (elsewhere, "Bea Müller", TN_TRUST_UNRATED);
  other = tn_store_get_contact_by_uid (elsewhere, tn_contact_get_uid (zoe));
  g_clear_object (&draft);
  draft = tn_contact_copy (other);
  tn_contact_set_full_name (draft, "Zygmunt");
  g_assert_true (tn_store_update_contact (elsewhere, other, draft, &error));
  g_assert_true (tn_store_check_for_changes (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_name), ==, 5);
  assert_in_name_order (by_name, contacts);
}

int
main (int   argc,
      char *argv[])
{
  /* Accents and case collate by the language's rules where a language is installed. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-list/model", test_model);
  g_test_add_func ("/contact-list/append-insert-remove", test_append_insert_remove);
  g_test_add_func ("/contact-list/splice", test_splice);
  g_test_add_func ("/contact-list/find-by-id", test_find_by_id);
  g_test_add_func ("/contacts-by-name/at-once", test_by_name_at_once);
  g_test_add_func ("/contacts-by-name/in-thread", test_by_name_in_thread);
  g_test_add_func ("/contacts-by-name/wait", test_by_name_wait);
  g_test_add_func ("/contacts-by-name/follows-changes", test_by_name_follows_changes);
  tn_test_add_store_test ("/contacts-by-name/store", NULL, test_store_contacts_by_name);

  return g_test_run ();
}
