/* tn-contact-pane.h — the side pane that shows a contact, and adds one or edits one
 * through a draft, so the shown contact changes only once the store took it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACT_PANE (tn_contact_pane_get_type ())

G_DECLARE_FINAL_TYPE (TnContactPane, tn_contact_pane, TN, CONTACT_PANE, GtkWidget)

GtkWidget   *tn_contact_pane_new               (TnStore       *store);
TnStore     *tn_contact_pane_get_store         (TnContactPane *self);
void         tn_contact_pane_set_store         (TnContactPane *self,
                                                TnStore       *store);

TnContact   *tn_contact_pane_get_contact       (TnContactPane *self);
void         tn_contact_pane_show_contact      (TnContactPane *self,
                                                TnContact     *contact);
void         tn_contact_pane_begin_edit        (TnContactPane *self);
gboolean     tn_contact_pane_get_editing       (TnContactPane *self);
gboolean     tn_contact_pane_get_dirty         (TnContactPane *self);
gboolean     tn_contact_pane_get_can_save      (TnContactPane *self);
gboolean     tn_contact_pane_save              (TnContactPane *self);
void         tn_contact_pane_discard           (TnContactPane *self);
void         tn_contact_pane_ask_about_changes (TnContactPane *self);
void         tn_contact_pane_set_folded        (TnContactPane *self,
                                                gboolean       folded);

G_END_DECLS
