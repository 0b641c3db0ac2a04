/* tn-sync-merge.h — the merge rules of sync: what a contact becomes when this machine and
 * the server both changed it since the last sync. Pure: no store, no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-sync-contact.h"

G_BEGIN_DECLS

TnSyncContact *tn_sync_merge_contact (const TnSyncContact *base,
                                      const TnSyncContact *local,
                                      const TnSyncContact *remote,
                                      guint               *n_conflicts);
TnSyncSelf    *tn_sync_merge_self    (const TnSyncSelf    *base,
                                      const TnSyncSelf    *local,
                                      const TnSyncSelf    *remote);
char          *tn_sync_merge_notes   (const char          *later,
                                      const char          *earlier);

G_END_DECLS
