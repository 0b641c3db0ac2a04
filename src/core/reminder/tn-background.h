/* tn-background.h — the weekly reminder sent if due (shared by `--remind` and
 * `--background`), and `trustnet --background`, which keeps checking and handles the
 * notification's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-notifier.h"
#include "tn-store.h"

G_BEGIN_DECLS

gboolean tn_background_remind_if_due (TnStore               *store,
                                      GSettings             *settings,
                                      TnNotifierActionFunc   func,
                                      gpointer               user_data,
                                      NotifyNotification   **sent,
                                      gint64                *contact_id,
                                      GError               **error);
int      tn_background_run           (TnStore               *store,
                                      GSettings             *settings);

G_END_DECLS
