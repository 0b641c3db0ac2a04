/* tn-interaction-private.h — what only the store sets on an interaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-interaction.h"

G_BEGIN_DECLS

void _tn_interaction_set_ids (TnInteraction *self,
                              gint64         id,
                              gint64         contact_id);

void _tn_interaction_assign  (TnInteraction *self,
                              TnInteraction *from);

G_END_DECLS
