/* tn-row-slots.c — a list of rows that stay where they are, for GTK 4.8's list views.
 *
 * When a list announces items-changed over many rows (a search or a filter changes who is
 * shown: about items-changed (0, old, new)), GTK 4.8's GtkColumnView destroys every row
 * widget in view, makes new ones, and finds its scroll anchor again, up to 200 rows of
 * five cells each: most of a keystroke's time at 100,000 contacts. Here the items are
 * places, not contacts: slot n is the n-th row for as long as anyone holds it (the view
 * holds the items of its rows), and when the list underneath changes, each slot held is
 * given the contact now at its position (one notify::contact each) and only the change in
 * length is announced, at the end. The view keeps its row widgets; the cells follow their
 * slot's contact.
 *
 * A slot no one holds is not kept: it is made again, with the contact of its position,
 * when it is asked for.
 *
 * A limit on the length (tn_row_slots_set_limit()) lets the frame that shows a list, or a
 * list grown by a search, make only the rows in sight: GTK 4.8 makes a row widget for up
 * to 200 rows as soon as they are announced, however few fit. The rows past the limit are
 * announced when it is raised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-row-slots"

#include "config.h"

#include "tn-row-slot-private.h"
#include "tn-row-slots.h"

struct _TnRowSlots
{
  GObject parent_instance;

  GListModel *model;
  gulong items_changed_id;
  /* The length announced so far: the model's, or the limit if that is less. */
  guint n_items;
  guint limit;
  /* The slots someone holds, by position (GUINT_TO_POINTER): weak references. */
  GHashTable *live;
  gboolean changing;
};

static void tn_row_slots_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TnRowSlots, tn_row_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tn_row_slots_model_init))

/* Keeping the slots held */

static void
on_slot_finalized_cb (gpointer  user_data,
                      GObject  *where_the_slot_was)
{
  TnRowSlots *self = user_data;
  GHashTableIter iter;
  gpointer slot;

  /* A slot's position cannot be read once it is gone: look for it by address. Rare
   * enough (rows scrolled out of the view, at most a few hundred live) to be cheap. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    {
      if (slot == (gpointer) where_the_slot_was)
        {
          g_hash_table_iter_remove (&iter);
          return;
        }
    }
}

static void
forget_slot (TnRowSlots *self,
             TnRowSlot  *slot)
{
  g_object_weak_unref (G_OBJECT (slot), on_slot_finalized_cb, self);
  g_hash_table_remove (self->live, GUINT_TO_POINTER (tn_row_slot_get_position (slot)));
}

/* GListModel */

static GType
tn_row_slots_get_item_type (GListModel *model)
{
  return TN_TYPE_ROW_SLOT;
}

static guint
tn_row_slots_get_n_items (GListModel *model)
{
  return TN_ROW_SLOTS (model)->n_items;
}

static gpointer
tn_row_slots_get_item (GListModel *model,
                       guint       position)
{
  TnRowSlots *self = TN_ROW_SLOTS (model);
  g_autoptr(TnContact) contact = NULL;
  TnRowSlot *slot;

  if (position >= self->n_items)
    return NULL;

  slot = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  contact = g_list_model_get_item (self->model, position);
  slot = _tn_row_slot_new (position, contact);
  g_object_weak_ref (G_OBJECT (slot), on_slot_finalized_cb, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), slot);
  return slot;
}

static void
tn_row_slots_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tn_row_slots_get_item_type;
  iface->get_n_items = tn_row_slots_get_n_items;
  iface->get_item = tn_row_slots_get_item;
}

/* Following the model */

/* The length to announce: the model's, up to the limit. */
static guint
count_items (TnRowSlots *self)
{
  return self->model != NULL ? MIN (g_list_model_get_n_items (self->model), self->limit) : 0;
}

/* Every slot held from @position on gets the contact now there (those past the new end go
 * with the end), then the change in length is announced. */
static void
follow_model (TnRowSlots *self,
              guint       position,
              guint       removed,
              guint       added)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n_items = self->n_items;
  guint new_n_items = count_items (self);
  GHashTableIter iter;
  gpointer slot;

  /* Held by this list while it changes: a notify handler may let go of its slot. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    {
      guint at = tn_row_slot_get_position (slot);

      if (at >= position && (removed != added || at < position + removed))
        g_ptr_array_add (held, g_object_ref (slot));
    }

  self->changing = TRUE;
  self->n_items = new_n_items;
  for (guint i = 0; i < held->len; i++)
    {
      TnRowSlot *held_slot = g_ptr_array_index (held, i);
      guint at = tn_row_slot_get_position (held_slot);

      if (at >= new_n_items)
        {
          forget_slot (self, held_slot);
        }
      else
        {
          g_autoptr(TnContact) contact = g_list_model_get_item (self->model, at);

          _tn_row_slot_set_contact (held_slot, contact);
        }
    }

  if (new_n_items < old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n_items, old_n_items - new_n_items, 0);
  else if (new_n_items > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, new_n_items - old_n_items);
  self->changing = FALSE;
}

static void
on_model_items_changed_cb (TnRowSlots *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  follow_model (self, position, removed, added);
}

/* GObject */

static void
tn_row_slots_dispose (GObject *object)
{
  TnRowSlots *self = (TnRowSlots *) object;
  GHashTableIter iter;
  gpointer slot;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    {
      g_object_weak_unref (slot, on_slot_finalized_cb, self);
      g_hash_table_iter_remove (&iter);
    }

  G_OBJECT_CLASS (tn_row_slots_parent_class)->dispose (object);
}

static void
tn_row_slots_finalize (GObject *object)
{
  TnRowSlots *self = (TnRowSlots *) object;

  g_hash_table_unref (self->live);

  G_OBJECT_CLASS (tn_row_slots_parent_class)->finalize (object);
}

static void
tn_row_slots_class_init (TnRowSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_row_slots_dispose;
  object_class->finalize = tn_row_slots_finalize;
}

static void
tn_row_slots_init (TnRowSlots *self)
{
  self->live = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->limit = G_MAXUINT;
}

/**
 * tn_row_slots_new:
 *
 * Returns: (transfer full): an empty list; give it a model with tn_row_slots_set_model()
 */
TnRowSlots *
tn_row_slots_new (void)
{
  return g_object_new (TN_TYPE_ROW_SLOTS, NULL);
}

/**
 * tn_row_slots_set_model:
 * @self: a list
 * @model: (nullable): a #GListModel of #TnContact
 *
 * The slots held show @model's contacts from now on, as after any other change.
 */
void
tn_row_slots_set_model (TnRowSlots *self,
                        GListModel *model)
{
  g_return_if_fail (TN_IS_ROW_SLOTS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_changed_id = g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
  follow_model (self, 0, self->n_items, count_items (self));
}

/**
 * tn_row_slots_set_limit:
 * @self: a list
 * @limit: the most rows to announce, %G_MAXUINT for all of the model's
 *
 * Announces at most @limit rows from now on, the model's first ones: a lower limit takes
 * the rows past it away, a higher one announces the model's rows up to it.
 */
void
tn_row_slots_set_limit (TnRowSlots *self,
                        guint       limit)
{
  guint old_n_items, new_n_items, kept;

  g_return_if_fail (TN_IS_ROW_SLOTS (self));

  if (self->limit == limit)
    return;

  old_n_items = self->n_items;
  self->limit = limit;
  new_n_items = count_items (self);
  kept = MIN (old_n_items, new_n_items);
  follow_model (self, kept, old_n_items - kept, new_n_items - kept);
}

/**
 * tn_row_slots_get_limit:
 * @self: a list
 *
 * Returns: the most rows announced, %G_MAXUINT (the default) for all of the model's
 */
guint
tn_row_slots_get_limit (TnRowSlots *self)
{
  g_return_val_if_fail (TN_IS_ROW_SLOTS (self), G_MAXUINT);

  return self->limit;
}

/**
 * tn_row_slots_is_changing:
 * @self: a list
 *
 * Returns: whether the list is following a change of its model right now: its slots are
 *   being given their new contacts or its new length announced (what a selection over it
 *   does then is the list's doing, not the person's)
 */
gboolean
tn_row_slots_is_changing (TnRowSlots *self)
{
  g_return_val_if_fail (TN_IS_ROW_SLOTS (self), FALSE);

  return self->changing;
}
