/* tn-sync-indicator.h — the header bar's small sync button: an icon for how sync stands
 * and a popover with the status in words, the progress of a first sync, and Sync Now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-sync-controller.h"

G_BEGIN_DECLS

#define TN_TYPE_SYNC_INDICATOR (tn_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (TnSyncIndicator, tn_sync_indicator, TN, SYNC_INDICATOR, GtkWidget)

void              tn_sync_indicator_set_controller (TnSyncIndicator  *self,
                                                    TnSyncController *controller);
TnSyncController *tn_sync_indicator_get_controller (TnSyncIndicator  *self);

G_END_DECLS
