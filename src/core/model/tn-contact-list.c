/* tn-contact-list.c — a GListModel of contacts kept in an array.
 *
 * GListStore keeps its items in a GSequence, where every get_item() is a
 * tree walk. Search filters 100,000 contacts per keystroke through a sort
 * model that asks for them out of order; an array answers in constant time
 * and halves the keystroke. Ordered by id, so a contact is found by binary
 * search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact-list"

#include "config.h"

#include <string.h>

#include "tn-contact-list.h"

struct _TnContactList
{
  GObject parent_instance;

  GPtrArray *items;
};

static void tn_contact_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TnContactList, tn_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tn_contact_list_model_init))

static GType
tn_contact_list_get_item_type (GListModel *model)
{
  return TN_TYPE_CONTACT;
}

static guint
tn_contact_list_get_n_items (GListModel *model)
{
  return TN_CONTACT_LIST (model)->items->len;
}

static gpointer
tn_contact_list_get_item (GListModel *model,
                          guint       position)
{
  TnContactList *self = TN_CONTACT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
tn_contact_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tn_contact_list_get_item_type;
  iface->get_n_items = tn_contact_list_get_n_items;
  iface->get_item = tn_contact_list_get_item;
}

static void
tn_contact_list_finalize (GObject *object)
{
  TnContactList *self = (TnContactList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (tn_contact_list_parent_class)->finalize (object);
}

static void
tn_contact_list_class_init (TnContactListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tn_contact_list_finalize;
}

static void
tn_contact_list_init (TnContactList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

TnContactList *
tn_contact_list_new (void)
{
  return g_object_new (TN_TYPE_CONTACT_LIST, NULL);
}

/**
 * tn_contact_list_get:
 * @self: a list
 * @position: a position in it
 *
 * Returns: (transfer none) (nullable): the contact there, or %NULL past the end
 */
TnContact *
tn_contact_list_get (TnContactList *self,
                     guint          position)
{
  g_return_val_if_fail (TN_IS_CONTACT_LIST (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

/**
 * tn_contact_list_splice:
 * @self: a list
 * @position: where to remove and insert
 * @n_removals: how many contacts to remove there
 * @additions: (array length=n_additions) (nullable): contacts to insert there
 * @n_additions: how many
 *
 * Changes the list and emits one items-changed. Replacing a contact with
 * itself is how a change of its fields is announced.
 */
void
tn_contact_list_splice (TnContactList  *self,
                        guint           position,
                        guint           n_removals,
                        TnContact     **additions,
                        guint           n_additions)
{
  g_return_if_fail (TN_IS_CONTACT_LIST (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_removals <= self->items->len - position);
  g_return_if_fail (additions != NULL || n_additions == 0);

  /* Take the references first: an addition may be one of the removed. */
  for (guint i = 0; i < n_additions; i++)
    g_object_ref (additions[i]);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);

  if (n_additions > 0)
    {
      g_ptr_array_set_size (self->items, self->items->len + n_additions);
      memmove (self->items->pdata + position + n_additions,
               self->items->pdata + position,
               (self->items->len - n_additions - position) * sizeof (gpointer));
      memcpy (self->items->pdata + position, additions, n_additions * sizeof (gpointer));
    }

  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

void
tn_contact_list_append (TnContactList *self,
                        TnContact     *contact)
{
  g_return_if_fail (TN_IS_CONTACT_LIST (self));
  g_return_if_fail (TN_IS_CONTACT (contact));

  tn_contact_list_splice (self, self->items->len, 0, &contact, 1);
}

void
tn_contact_list_remove (TnContactList *self,
                        guint          position)
{
  g_return_if_fail (TN_IS_CONTACT_LIST (self));
  g_return_if_fail (position < self->items->len);

  tn_contact_list_splice (self, position, 1, NULL, 0);
}

/* The first position whose contact's id is not below @id. */
static guint
lower_bound (TnContactList *self,
             gint64         id)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (tn_contact_get_id (g_ptr_array_index (self->items, middle)) < id)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * tn_contact_list_insert_by_id:
 * @self: a list
 * @contact: a stored contact
 *
 * Inserts @contact where its id belongs.
 */
void
tn_contact_list_insert_by_id (TnContactList *self,
                              TnContact     *contact)
{
  g_return_if_fail (TN_IS_CONTACT_LIST (self));
  g_return_if_fail (TN_IS_CONTACT (contact));

  tn_contact_list_splice (self, lower_bound (self, tn_contact_get_id (contact)), 0, &contact, 1);
}

/**
 * tn_contact_list_find_by_id:
 * @self: a list
 * @id: a contact's id
 * @position: (out) (optional): where it is
 *
 * Returns: %TRUE if a contact with @id is in the list
 */
gboolean
tn_contact_list_find_by_id (TnContactList *self,
                            gint64         id,
                            guint         *position)
{
  guint found;

  g_return_val_if_fail (TN_IS_CONTACT_LIST (self), FALSE);

  found = lower_bound (self, id);
  if (found >= self->items->len || tn_contact_get_id (g_ptr_array_index (self->items, found)) != id)
    return FALSE;

  if (position != NULL)
    *position = found;
  return TRUE;
}
