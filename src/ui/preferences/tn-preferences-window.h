/* tn-preferences-window.h — Preferences: the weekly reminder, how often to meet people of
 * each trust rating, and the job-security goal, all kept in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TN_TYPE_PREFERENCES_WINDOW (tn_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TnPreferencesWindow, tn_preferences_window, TN, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *tn_preferences_window_new (GtkWindow *parent);

G_END_DECLS
