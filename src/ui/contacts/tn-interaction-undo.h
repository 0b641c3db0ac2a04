/* tn-interaction-undo.h — the toast after a lunch (or call, …) was logged or deleted, whose
 * Undo takes it back: the log dialog and the timeline share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-store.h"

G_BEGIN_DECLS

/**
 * TnInteractionUndo:
 * @TN_INTERACTION_UNDO_LOG: the interaction was just logged; Undo removes it
 * @TN_INTERACTION_UNDO_DELETE: the interaction was just deleted; Undo restores it
 */
typedef enum
{
  TN_INTERACTION_UNDO_LOG,
  TN_INTERACTION_UNDO_DELETE,
} TnInteractionUndo;

void tn_interaction_undo_show_toast (GtkWidget         *near,
                                     const char        *title,
                                     TnInteractionUndo  undo,
                                     TnStore           *store,
                                     TnContact         *contact,
                                     TnInteraction     *interaction,
                                     gboolean           unheard_on_undo);

G_END_DECLS
