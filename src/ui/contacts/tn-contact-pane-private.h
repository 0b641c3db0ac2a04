/* tn-contact-pane-private.h — the pane's fields, for the tests that fill them in as a
 * person would; the app goes through the pane's own API instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contact-pane.h"

G_BEGIN_DECLS

AdwEntryRow *tn_contact_pane_get_name_row    (TnContactPane *self);
GtkTextView *tn_contact_pane_get_note_view   (TnContactPane *self);
GtkWidget   *tn_contact_pane_get_save_button (TnContactPane *self);

G_END_DECLS
