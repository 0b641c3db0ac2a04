/* tn-adw-words.h — the words of libadwaita's rows and group headers held in a TnWrapBin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean tn_adw_words_hold_in_action_row       (AdwActionRow        *row);
gboolean tn_adw_words_hold_in_preferences_group (AdwPreferencesGroup *group);
guint    tn_adw_words_hold_within              (GtkWidget           *root);

G_END_DECLS
