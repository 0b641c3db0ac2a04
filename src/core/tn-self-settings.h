/* tn-self-settings.h — the person's own goal and employer, kept in the settings with the
 * time each last changed, so that sync can tell which machine's change is the later one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The two keys; each has a "KEY-changed-at" key beside it. */
#define TN_SELF_SETTINGS_GOAL       "trusted-goal"
#define TN_SELF_SETTINGS_EMPLOYER   "employer"
#define TN_SELF_SETTINGS_CHANGED_AT "-changed-at"

gboolean tn_self_settings_set            (GSettings  *settings,
                                          const char *key,
                                          GVariant   *value,
                                          gint64      changed_at);
gint64   tn_self_settings_get_changed_at (GSettings  *settings,
                                          const char *key);

G_END_DECLS
