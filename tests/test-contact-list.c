/* test-contact-list.c — the store's array-backed list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-contact-list.h"
#include "tn-contact-private.h"

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

static TnContact *
contact_with_id (gint64 id)
{
  g_autofree char *name = g_strdup_printf ("Contact %" G_GINT64_FORMAT, id);
  TnContact *contact = tn_contact_new (name);

  _tn_contact_set_id (contact, id);
  return contact;
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
  g_autoptr(TnContact) one = contact_with_id (1);
  g_autoptr(TnContact) three = contact_with_id (3);
  g_autoptr(TnContact) five = contact_with_id (5);
  g_autoptr(TnContact) four = contact_with_id (4);
  g_autoptr(TnContact) zero = contact_with_id (0);

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
  g_autoptr(TnContact) a = contact_with_id (10);
  g_autoptr(TnContact) b = contact_with_id (20);
  g_autoptr(TnContact) c = contact_with_id (30);
  g_autoptr(TnContact) d = contact_with_id (40);
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
      g_autoptr(TnContact) contact = contact_with_id (id);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-list/model", test_model);
  g_test_add_func ("/contact-list/append-insert-remove", test_append_insert_remove);
  g_test_add_func ("/contact-list/splice", test_splice);
  g_test_add_func ("/contact-list/find-by-id", test_find_by_id);

  return g_test_run ();
}
