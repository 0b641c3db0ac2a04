/* tn-log-dialog.h — the dialog that logs a lunch, coffee, call… with a contact,
 * or edits one already logged; the contact fixed or picked by searching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_LOG_DIALOG (tn_log_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TnLogDialog, tn_log_dialog, TN, LOG_DIALOG, AdwWindow)

TnLogDialog   *tn_log_dialog_new_for_contact   (GtkWindow         *parent,
                                                TnStore           *store,
                                                TnContact         *contact);
TnLogDialog   *tn_log_dialog_new_with_picker   (GtkWindow         *parent,
                                                TnStore           *store,
                                                TnInteractionKind  kind);
TnLogDialog   *tn_log_dialog_new_for_edit      (GtkWindow         *parent,
                                                TnStore           *store,
                                                TnContact         *contact,
                                                TnInteraction     *interaction);

TnContact     *tn_log_dialog_get_contact       (TnLogDialog       *self);
void           tn_log_dialog_set_contact       (TnLogDialog       *self,
                                                TnContact         *contact);
gboolean       tn_log_dialog_get_can_save      (TnLogDialog       *self);
gboolean       tn_log_dialog_save              (TnLogDialog       *self);

G_END_DECLS
