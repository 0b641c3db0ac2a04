/* tn-action-row-words.h — an AdwActionRow's title and subtitle held in a TnWrapBin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean tn_action_row_hold_words        (AdwActionRow *row);
guint    tn_action_row_hold_words_within (GtkWidget    *root);

G_END_DECLS
