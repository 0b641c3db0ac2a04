/* tn-row-slots.h — a list of rows that stay where they are: a GListModel of TnRowSlot over a
 * list of contacts, one slot per position, whose contact changes in place when the list
 * underneath changes; only a change of length is announced, at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-row-slot.h"

G_BEGIN_DECLS

#define TN_TYPE_ROW_SLOTS (tn_row_slots_get_type ())

G_DECLARE_FINAL_TYPE (TnRowSlots, tn_row_slots, TN, ROW_SLOTS, GObject)

TnRowSlots *tn_row_slots_new         (void);
void        tn_row_slots_set_model   (TnRowSlots *self,
                                      GListModel *model);
void        tn_row_slots_set_limit   (TnRowSlots *self,
                                      guint       limit);
guint       tn_row_slots_get_limit   (TnRowSlots *self);
gboolean    tn_row_slots_is_changing (TnRowSlots *self);

G_END_DECLS
