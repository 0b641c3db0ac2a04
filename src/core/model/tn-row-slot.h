/* tn-row-slot.h — one row's place in a TnRowSlots list: the contact at that position now,
 * which changes in place when the list underneath changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tn-contact.h"

G_BEGIN_DECLS

#define TN_TYPE_ROW_SLOT (tn_row_slot_get_type ())

G_DECLARE_FINAL_TYPE (TnRowSlot, tn_row_slot, TN, ROW_SLOT, GObject)

TnContact *tn_row_slot_get_contact  (TnRowSlot *self);
guint      tn_row_slot_get_position (TnRowSlot *self);

G_END_DECLS
