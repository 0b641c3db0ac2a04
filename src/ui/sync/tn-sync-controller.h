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

/**
 * TnSyncState:
 * @TN_SYNC_STATE_OFF: sync is not set up
 * @TN_SYNC_STATE_SYNCING: a sync (or setting up) is under way
 * @TN_SYNC_STATE_SYNCED: the last sync went through
 * @TN_SYNC_STATE_OFFLINE: the server could not be reached; changes are kept for later
 * @TN_SYNC_STATE_FAILED: the server refused or answered something wrong
 */
typedef enum
{
  TN_SYNC_STATE_OFF,
  TN_SYNC_STATE_SYNCING,
  TN_SYNC_STATE_SYNCED,
  TN_SYNC_STATE_OFFLINE,
  TN_SYNC_STATE_FAILED,
} TnSyncState;

#define TN_TYPE_SYNC_CONTROLLER (tn_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (TnSyncController, tn_sync_controller, TN, SYNC_CONTROLLER, GObject)

TnSyncController *tn_sync_controller_new           (TnStore            *store);
/* For tests: another network monitor, and times in milliseconds instead of "a few seconds
 * after a change" and "every 15 minutes". */
TnSyncController *tn_sync_controller_new_full      (TnStore            *store,
                                                    GNetworkMonitor    *monitor,
                                                    guint               change_delay_ms,
                                                    guint               period_ms);
void              tn_sync_controller_start         (TnSyncController   *self);
void              tn_sync_controller_sync_now      (TnSyncController   *self);

/* Words for the status row: "Synced with HOST at 10:42", "Syncing…", "Offline — your changes
 * are kept and will be sent", or the server's message. NULL when sync is not set up. */
const char       *tn_sync_controller_get_status    (TnSyncController   *self);
gboolean          tn_sync_controller_get_busy      (TnSyncController   *self);
TnSyncState       tn_sync_controller_get_state     (TnSyncController   *self);
/* How far the cards of this sync are received, 0 to 1; -1 when nothing is being received. */
double            tn_sync_controller_get_fraction  (TnSyncController   *self);
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

/* Undo for contacts removed here because their cards were deleted on the server (the
 * removed-on-server signal's uids): they come back, and the next sync sends them again. */
gboolean          tn_sync_controller_restore       (TnSyncController   *self,
                                                    const char * const *uids,
                                                    GError            **error);

/* Forgets the account and its password on this computer; the server keeps its cards. */
gboolean          tn_sync_controller_forget        (TnSyncController   *self,
                                                    GError            **error);

G_END_DECLS
