/* tn-contact-pane-details.h — the contact pane's read view of a contact's details: where
 * they work, their addresses and numbers (a click writes or calls), and the notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-contact.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACT_PANE_DETAILS (tn_contact_pane_details_get_type ())

G_DECLARE_FINAL_TYPE (TnContactPaneDetails, tn_contact_pane_details, TN, CONTACT_PANE_DETAILS, AdwBin)

GtkWidget *tn_contact_pane_details_new  (void);
void       tn_contact_pane_details_show (TnContactPaneDetails *self,
                                         TnContact            *contact);

G_END_DECLS
