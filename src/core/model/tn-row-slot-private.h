/* tn-row-slot-private.h — what only TnRowSlots does to its slots: makes them and gives them
 * their contact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-row-slot.h"

G_BEGIN_DECLS

TnRowSlot *_tn_row_slot_new         (guint      position,
                                     TnContact *contact);
void       _tn_row_slot_set_contact (TnRowSlot *self,
                                     TnContact *contact);

G_END_DECLS
