/* tn-store-sync-private.h — what the files of the store's sync state share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store-sync.h"

G_BEGIN_DECLS

gboolean _tn_store_sync_begin      (TnStore                *self,
                                    GError                **error);
gboolean _tn_store_sync_commit     (TnStore                *self,
                                    GError                **error);
void     _tn_store_sync_rollback   (TnStore                *self);
gboolean _tn_store_sync_write_card (TnStore                *self,
                                    const TnStoreSyncCard  *card,
                                    GError                **error);

gboolean _tn_store_sync_read_job_changes  (TnStore                *self,
                                           gint64                  id,
                                           TnSyncContact          *contact,
                                           GError                **error);
gboolean _tn_store_sync_write_job_changes (TnStore                *self,
                                           gint64                  id,
                                           const TnSyncContact    *contact,
                                           GError                **error);

G_END_DECLS
