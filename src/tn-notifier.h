/* tn-notifier.h — the weekly "Lunch with someone this week" desktop notification,
 * sent through libnotify.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tn_notifier_send_reminder (const char  *name,
                                    const char  *body,
                                    gint64       contact_id,
                                    GError     **error);

G_END_DECLS
