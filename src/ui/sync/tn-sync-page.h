/* tn-sync-page.h — Preferences → Sync: set up a CardDAV account, see how sync is doing,
 * sync now or forget the account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-sync-controller.h"

G_BEGIN_DECLS

#define TN_TYPE_SYNC_PAGE (tn_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (TnSyncPage, tn_sync_page, TN, SYNC_PAGE, AdwPreferencesPage)

GtkWidget *tn_sync_page_new (TnSyncController *controller);

G_END_DECLS
