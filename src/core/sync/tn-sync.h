/* tn-sync.h — two-way sync of TrustNet's database with a CardDAV address book: setting
 * it up, one sync, forgetting it. Blocking calls, for a worker thread or the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-store.h"

G_BEGIN_DECLS

/**
 * TnSyncReport:
 * @sent: cards written to the server for changes made here
 * @received: contacts changed here for changes made elsewhere
 * @merged: contacts changed on both sides, merged and written both ways
 * @deleted: contacts or cards deleted, either way
 * @host: the server's host name, for "Synced with HOST"
 * @removed: (element-type TnSyncRemoved) (nullable): contacts removed here because their
 *   cards were deleted on the server, for the window's Undo
 */
typedef struct
{
  guint sent, received, merged, deleted;
  char *host;
  GPtrArray *removed;
} TnSyncReport;

/**
 * TnSyncRemoved:
 * @uid: the contact's uid
 * @full_name: its name, for "Ada Lovelace was deleted on another device"
 */
typedef struct
{
  char *uid;
  char *full_name;
} TnSyncRemoved;

/* Called on the thread that syncs: @received of the @total cards to receive this sync are
 * written; 0 of 0 while cards are being downloaded and none is written yet. */
typedef void (*TnSyncProgressFunc) (guint    received,
                                    guint    total,
                                    gpointer user_data);

/**
 * TnSyncAccount:
 * @server_url: the server address the person gave
 * @user: their user name
 * @book_url: the address book synced
 */
typedef struct
{
  char *server_url, *user, *book_url;
} TnSyncAccount;

void           tn_sync_report_clear (TnSyncReport  *report);
void           tn_sync_account_free (TnSyncAccount *account);

/* All blocking. They use only the TnStore given; the window calls them from a worker thread
 * with a TnStore of its own opened on the same path (the change feed tells the window's store). */
gboolean       tn_sync_setup       (TnStore       *store,
                                    const char    *server_url,
                                    const char    *user,
                                    const char    *password,
                                    const char    *book_url,
                                    char         **book_url_out,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean       tn_sync_run         (TnStore       *store,
                                    const char    *password,
                                    TnSyncReport  *report,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean       tn_sync_run_with_progress (TnStore            *store,
                                          const char         *password,
                                          TnSyncReport       *report,
                                          TnSyncProgressFunc  progress,
                                          gpointer            user_data,
                                          GCancellable       *cancellable,
                                          GError            **error);
gboolean       tn_sync_forget      (TnStore       *store,
                                    GError       **error);
TnSyncAccount *tn_sync_get_account (TnStore       *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSyncAccount, tn_sync_account_free)

G_END_DECLS
