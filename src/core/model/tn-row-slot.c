/* tn-row-slot.c — one row's place in a TnRowSlots list (tn-row-slots.c says why rows are
 * places rather than contacts): its position, which never changes, and the contact there
 * now, announced by notify::contact when the list underneath changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-row-slot"

#include "config.h"

#include "tn-row-slot-private.h"

struct _TnRowSlot
{
  GObject parent_instance;

  guint position;
  TnContact *contact;
};

enum {
  PROP_0,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TnRowSlot, tn_row_slot, G_TYPE_OBJECT)

static void
tn_row_slot_dispose (GObject *object)
{
  TnRowSlot *self = (TnRowSlot *) object;

  g_clear_object (&self->contact);

  G_OBJECT_CLASS (tn_row_slot_parent_class)->dispose (object);
}

static void
tn_row_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TnRowSlot *self = TN_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_row_slot_class_init (TnRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_row_slot_dispose;
  object_class->get_property = tn_row_slot_get_property;

  /**
   * TnRowSlot:contact:
   *
   * The contact at the slot's position now.
   */
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_row_slot_init (TnRowSlot *self)
{
}

TnRowSlot *
_tn_row_slot_new (guint      position,
                  TnContact *contact)
{
  TnRowSlot *self = g_object_new (TN_TYPE_ROW_SLOT, NULL);

  self->position = position;
  self->contact = g_object_ref (contact);
  return self;
}

void
_tn_row_slot_set_contact (TnRowSlot *self,
                          TnContact *contact)
{
  g_assert (TN_IS_ROW_SLOT (self));
  g_assert (TN_IS_CONTACT (contact));

  if (g_set_object (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/**
 * tn_row_slot_get_contact:
 * @self: a slot
 *
 * Returns: (transfer none): the contact at the slot's position now
 */
TnContact *
tn_row_slot_get_contact (TnRowSlot *self)
{
  g_return_val_if_fail (TN_IS_ROW_SLOT (self), NULL);

  return self->contact;
}

/**
 * tn_row_slot_get_position:
 * @self: a slot
 *
 * Returns: the slot's position in its list, the same all its life
 */
guint
tn_row_slot_get_position (TnRowSlot *self)
{
  g_return_val_if_fail (TN_IS_ROW_SLOT (self), 0);

  return self->position;
}
