/* tn-background.h — the weekly reminder sent if due (shared by `--remind` and
 * `--background`), and TnBackground, the service that keeps checking and handles the
 * notification's actions inside the running TrustNet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-notifier.h"
#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_BACKGROUND (tn_background_get_type ())

G_DECLARE_FINAL_TYPE (TnBackground, tn_background, TN, BACKGROUND, GObject)

gboolean      tn_background_remind_if_due (TnStore               *store,
                                           GSettings             *settings,
                                           TnNotifierActionFunc   func,
                                           gpointer               user_data,
                                           NotifyNotification   **sent,
                                           GError               **error);

TnBackground *tn_background_new           (TnStore               *store,
                                           GSettings             *settings);
void          tn_background_start         (TnBackground          *self);

G_END_DECLS
