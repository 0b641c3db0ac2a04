/* tn-duplicates-window.h — the Possible Duplicates window: contacts with the same name and
 * no address in common, a pair to a row, each merged or kept apart by the person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_DUPLICATES_WINDOW (tn_duplicates_window_get_type ())

G_DECLARE_FINAL_TYPE (TnDuplicatesWindow, tn_duplicates_window, TN, DUPLICATES_WINDOW, AdwWindow)

GtkWidget  *tn_duplicates_window_new         (GtkWindow          *parent,
                                              TnStore            *store);
GListModel *tn_duplicates_window_get_pairs   (TnDuplicatesWindow *self);
AdwToast   *tn_duplicates_window_merge       (TnDuplicatesWindow *self,
                                              guint               position);
void        tn_duplicates_window_keep_apart  (TnDuplicatesWindow *self,
                                              guint               position);
void        tn_duplicates_window_dismiss_all (TnDuplicatesWindow *self);

guint       tn_duplicates_window_count_pairs (TnStore            *store);

G_END_DECLS
