/* test-row-slots.c — rows that stay where they are: after random changes of the list
 * underneath, every slot held shows the contact at its position, a slot shows a new contact
 * only through one notify::contact, only the change in length is announced (at the end),
 * and a slot let go of is made again with the contact of its position; under a limit, only
 * the model's first rows are announced, and the rest when it is raised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-row-slots.h"
#include "tn-test-store.h"

/* What a view over the slots would know: the length announced, and that every change was
 * at the end. */
typedef struct
{
  guint n_items;
  guint n_announced;
} Announced;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Announced  *announced)
{
  g_assert_cmpuint (position, ==, announced->n_items - removed);
  g_assert_true (removed == 0 || added == 0);
  g_assert_true (tn_row_slots_is_changing (TN_ROW_SLOTS (model)));
  announced->n_items += added - removed;
  g_assert_cmpuint (announced->n_items, ==, g_list_model_get_n_items (model));
  announced->n_announced++;
}

static void
on_contact_notify_cb (TnRowSlot  *slot,
                      GParamSpec *pspec,
                      guint      *n_notified)
{
  g_assert_true (TN_IS_CONTACT (tn_row_slot_get_contact (slot)));
  (*n_notified)++;
}

/* Every slot held (@held, by position) shows the contact at its position in @model. */
static void
assert_held_follow (GPtrArray  *held,
                    GListModel *model)
{
  for (guint i = 0; i < held->len; i++)
    {
      TnRowSlot *slot = g_ptr_array_index (held, i);
      g_autoptr(TnContact) contact = NULL;

      if (slot == NULL || i >= g_list_model_get_n_items (model))
        continue;

      contact = g_list_model_get_item (model, i);
      g_assert_cmpuint (tn_row_slot_get_position (slot), ==, i);
      g_assert_true (tn_row_slot_get_contact (slot) == contact);
    }
}

static void
test_follow_random_changes (void)
{
  g_autoptr(GListStore) store = g_list_store_new (TN_TYPE_CONTACT);
  g_autoptr(TnRowSlots) slots = tn_row_slots_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  Announced announced = { 0, 0 };
  gint64 next_id = 1;
  guint n_notified = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id++);

      g_list_store_append (store, contact);
    }

  tn_row_slots_set_model (slots, G_LIST_MODEL (store));
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed_cb), &announced);
  announced.n_items = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpuint (announced.n_items, ==, 40);
  g_assert_false (tn_row_slots_is_changing (slots));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == TN_TYPE_ROW_SLOT);

  /* The view holds the first 20 rows, as GTK holds the rows around its anchor. */
  for (guint i = 0; i < 20; i++)
    {
      TnRowSlot *slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_signal_connect (slot, "notify::contact", G_CALLBACK (on_contact_notify_cb), &n_notified);
      g_ptr_array_add (held, slot);
    }
  assert_held_follow (held, G_LIST_MODEL (store));

  for (guint round = 0; round < 300; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, MIN (n - position, 8) + 1);
      guint added = g_rand_int_range (rand, 0, 8);
      g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_announced = announced.n_announced;

      /* The list keeps between a few and a hundred contacts: the end moves past the rows
       * held and back. */
      if (n > 100)
        added = 0;
      else if (n < 5)
        removed = 0;
      for (guint i = 0; i < added; i++)
        g_ptr_array_add (additions, tn_test_contact_with_id (next_id++));

      g_list_store_splice (store, position, removed, additions->pdata, added);

      g_assert_cmpuint (announced.n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (store)));
      g_assert_cmpuint (announced.n_announced - n_announced, ==, removed != added ? 1 : 0);
      assert_held_follow (held, G_LIST_MODEL (store));
      g_assert_false (tn_row_slots_is_changing (slots));

      /* Every row of the list, held or not, is the contact at its position. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (slots)); i++)
        {
          g_autoptr(TnRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);
          g_autoptr(TnContact) contact = g_list_model_get_item (G_LIST_MODEL (store), i);

          g_assert_true (tn_row_slot_get_contact (slot) == contact);
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), announced.n_items));

      /* Now and then the view lets go of a row, and takes it again later. */
      if (round % 7 == 0)
        {
          guint i = g_rand_int_range (rand, 0, held->len);

          g_clear_object (&g_ptr_array_index (held, i));
          if (i < g_list_model_get_n_items (G_LIST_MODEL (slots)))
            g_ptr_array_index (held, i) = g_list_model_get_item (G_LIST_MODEL (slots), i);
        }
    }
  g_assert_cmpuint (n_notified, >, 0);
}

/* Every row announced is the contact at its position in @model, and no more than
 * @limit of the model's are. */
static void
assert_rows_are (TnRowSlots *slots,
                 GListModel *model,
                 guint       limit)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (slots));

  g_assert_cmpuint (n_items, ==, MIN (g_list_model_get_n_items (model), limit));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(TnContact) contact = g_list_model_get_item (model, i);

      g_assert_true (tn_row_slot_get_contact (slot) == contact);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), n_items));
}

/* Under a limit, the model's first rows and no more, through random changes; a higher
 * limit announces the rest at the end, a lower one takes the rows past it away. */
static void
test_limit (void)
{
  g_autoptr(GListStore) store = g_list_store_new (TN_TYPE_CONTACT);
  g_autoptr(TnRowSlots) slots = tn_row_slots_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  Announced announced = { 0, 0 };
  gint64 next_id = 1;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id++);

      g_list_store_append (store, contact);
    }

  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed_cb), &announced);
  g_assert_cmpuint (tn_row_slots_get_limit (slots), ==, G_MAXUINT);
  tn_row_slots_set_limit (slots, 10);
  g_assert_cmpuint (tn_row_slots_get_limit (slots), ==, 10);
  tn_row_slots_set_model (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (announced.n_items, ==, 10);
  assert_rows_are (slots, G_LIST_MODEL (store), 10);
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, MIN (n - position, 8) + 1);
      guint added = g_rand_int_range (rand, 0, 8);
      g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);

      /* Between none and about sixty: the end moves across the limit both ways. */
      if (n > 60)
        added = 0;
      for (guint i = 0; i < added; i++)
        g_ptr_array_add (additions, tn_test_contact_with_id (next_id++));
      g_list_store_splice (store, position, removed, additions->pdata, added);

      assert_rows_are (slots, G_LIST_MODEL (store), 10);
      assert_held_follow (held, G_LIST_MODEL (store));
      for (guint i = 0; i < held->len; i++)
        if (i >= g_list_model_get_n_items (G_LIST_MODEL (slots)))
          g_clear_object (&g_ptr_array_index (held, i));
        else if (g_ptr_array_index (held, i) == NULL)
          g_ptr_array_index (held, i) = g_list_model_get_item (G_LIST_MODEL (slots), i);
    }

  /* The whole list: the rows held keep theirs, the rest come at the end. */
  while (g_list_model_get_n_items (G_LIST_MODEL (store)) < 30)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id++);

      g_list_store_append (store, contact);
    }
  tn_row_slots_set_limit (slots, G_MAXUINT);
  g_assert_cmpuint (announced.n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (store)));
  assert_rows_are (slots, G_LIST_MODEL (store), G_MAXUINT);
  assert_held_follow (held, G_LIST_MODEL (store));

  tn_row_slots_set_limit (slots, 3);
  g_assert_cmpuint (announced.n_items, ==, 3);
  assert_rows_are (slots, G_LIST_MODEL (store), 3);
}

/* A slot hears of a change only when its own contact changes, once. */
static void
test_notifies_only_changed (void)
{
  g_autoptr(GListStore) store = g_list_store_new (TN_TYPE_CONTACT);
  g_autoptr(TnRowSlots) slots = tn_row_slots_new ();
  g_autoptr(TnRowSlot) first = NULL;
  g_autoptr(TnRowSlot) third = NULL;
  g_autoptr(TnContact) replacement = tn_test_contact_with_id (99);
  guint first_notified = 0, third_notified = 0;

  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (id);

      g_list_store_append (store, contact);
    }
  tn_row_slots_set_model (slots, G_LIST_MODEL (store));
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  third = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  g_signal_connect (first, "notify::contact", G_CALLBACK (on_contact_notify_cb), &first_notified);
  g_signal_connect (third, "notify::contact", G_CALLBACK (on_contact_notify_cb), &third_notified);

  /* The second contact replaced: neither slot held changes. */
  g_list_store_splice (store, 1, 1, (gpointer *) &replacement, 1);
  g_assert_cmpuint (first_notified, ==, 0);
  g_assert_cmpuint (third_notified, ==, 0);

  /* The first removed: every row moves up, the third slot goes with the end. */
  g_list_store_remove (store, 0);
  g_assert_cmpuint (first_notified, ==, 1);
  g_assert_cmpuint (third_notified, ==, 0);
  g_assert_true (tn_row_slot_get_contact (first) == replacement);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 2);

  /* A slot past the end is not the row made again there. */
  g_list_store_append (store, replacement);
  {
    g_autoptr(TnRowSlot) again = g_list_model_get_item (G_LIST_MODEL (slots), 2);

    g_assert_true (again != third);
    g_assert_true (tn_row_slot_get_contact (again) == replacement);
    g_assert_cmpuint (tn_row_slot_get_position (again), ==, 2);
  }
}

/* A new model is a change like any other; no model, no rows. */
static void
test_model_replaced (void)
{
  g_autoptr(GListStore) a = g_list_store_new (TN_TYPE_CONTACT);
  g_autoptr(GListStore) b = g_list_store_new (TN_TYPE_CONTACT);
  g_autoptr(TnRowSlots) slots = tn_row_slots_new ();
  g_autoptr(TnRowSlot) slot = NULL;
  Announced announced = { 0, 0 };

  for (gint64 id = 1; id <= 4; id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (id);

      g_list_store_append (id <= 2 ? a : b, contact);
    }

  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed_cb), &announced);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  tn_row_slots_set_model (slots, G_LIST_MODEL (a));
  g_assert_cmpuint (announced.n_items, ==, 2);
  slot = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  tn_row_slots_set_model (slots, G_LIST_MODEL (b));
  g_assert_cmpuint (announced.n_announced, ==, 1);
  g_assert_cmpint (tn_contact_get_id (tn_row_slot_get_contact (slot)), ==, 3);

  tn_row_slots_set_model (slots, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  g_assert_cmpuint (announced.n_items, ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), 0));

  /* The list goes before the slot someone still holds. */
  g_clear_object (&slots);
  g_assert_cmpint (tn_contact_get_id (tn_row_slot_get_contact (slot)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-slots/follow-random-changes", test_follow_random_changes);
  g_test_add_func ("/row-slots/notifies-only-changed", test_notifies_only_changed);
  g_test_add_func ("/row-slots/model-replaced", test_model_replaced);
  g_test_add_func ("/row-slots/limit", test_limit);

  return g_test_run ();
}
