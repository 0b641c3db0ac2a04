/* tn-sync-controller.h — when the window syncs (at start, a few seconds after a change made
 * here, every 15 minutes, when the network comes back, on demand), off the main thread, and
 * what it says about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-store.h"
#include "tn-sync.h"

G_BEGIN_DECLS

#define TN_TYPE_SYNC_CONTROLLER (tn_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (TnSyncController, tn_sync_controller, TN, SYNC_CONTROLLER, GObject)

TnSyncController *tn_sync_controller_new           (TnStore            *store);
void              tn_sync_controller_start         (TnSyncController   *self);
void              tn_sync_controller_sync_now      (TnSyncController   *self);

/* Words for the status row: "Synced with HOST at 10:42", "Syncing…", "Offline — your changes
 * are kept and will be sent", or the server's message. NULL when sync is not set up. */
const char       *tn_sync_controller_get_status    (TnSyncController   *self);
gboolean          tn_sync_controller_get_busy      (TnSyncController   *self);
TnSyncAccount    *tn_sync_controller_get_account   (TnSyncController   *self);

/* The address books of an account (TnCardDavBook), for the person to choose from. */
void              tn_sync_controller_find_books_async  (TnSyncController    *self,
                                                        const char          *server_url,
                                                        const char          *user,
                                                        const char          *password,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray        *tn_sync_controller_find_books_finish (TnSyncController    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Sets sync up with @book_url, or with a new "TrustNet" address book when it is NULL; stores
 * the password in the keyring and syncs once. */
void              tn_sync_controller_set_up_async      (TnSyncController    *self,
                                                        const char          *server_url,
                                                        const char          *user,
                                                        const char          *password,
                                                        const char          *book_url,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          tn_sync_controller_set_up_finish     (TnSyncController    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Forgets the account and its password on this computer; the server keeps its cards. */
gboolean          tn_sync_controller_forget        (TnSyncController   *self,
                                                    GError            **error);

G_END_DECLS
