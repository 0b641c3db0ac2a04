/* tn-trust-cell.h — the trust rating in a row of the contacts table: the three buttons of
 * TnTrustChooser and the word, drawn by one widget (a row is made for every contact a
 * search brings into view, up to 200 at a time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tn-contact.h"

G_BEGIN_DECLS

#define TN_TYPE_TRUST_CELL (tn_trust_cell_get_type ())

G_DECLARE_FINAL_TYPE (TnTrustCell, tn_trust_cell, TN, TRUST_CELL, GtkWidget)

GtkWidget *tn_trust_cell_new         (void);
TnContact *tn_trust_cell_get_contact (TnTrustCell *self);
void       tn_trust_cell_set_contact (TnTrustCell *self,
                                      TnContact   *contact);

gboolean   tn_trust_follow_contact   (TnContact  **followed,
                                      TnContact   *contact,
                                      GCallback    on_trust_notify,
                                      gpointer     owner);

G_END_DECLS
