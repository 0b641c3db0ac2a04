/* tn-notifier.h — the weekly "Lunch with someone this week" desktop notification,
 * sent through libnotify.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libnotify/notify.h>

G_BEGIN_DECLS

/**
 * TnNotifierActionFunc:
 * @action: "log-lunch", "someone-else", "snooze" or "default"
 * @activation_token: (nullable): the token the notification server gave with the
 *   action (XDG activation), for the window it opens to get the focus
 * @user_data: what was given with the function
 *
 * Called when the person picks one of the reminder's actions, in a process that keeps
 * its main loop running and the notification alive.
 */
typedef void (*TnNotifierActionFunc) (const char *action,
                                      const char *activation_token,
                                      gpointer    user_data);

NotifyNotification *tn_notifier_send_reminder   (const char            *name,
                                                 const char            *body,
                                                 TnNotifierActionFunc   func,
                                                 gpointer               user_data,
                                                 GError               **error);
gboolean            tn_notifier_update_reminder (NotifyNotification    *notification,
                                                 const char            *name,
                                                 const char            *body,
                                                 TnNotifierActionFunc   func,
                                                 gpointer               user_data,
                                                 GError               **error);

G_END_DECLS
