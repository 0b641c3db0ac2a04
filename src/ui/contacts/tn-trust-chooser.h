/* tn-trust-chooser.h — the trust rating of one contact, shown and changed
 * in place with three buttons: 1 Completely, 2 Moderately, 3 Vaguely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tn-contact.h"

G_BEGIN_DECLS

#define TN_TYPE_TRUST_CHOOSER (tn_trust_chooser_get_type ())

G_DECLARE_FINAL_TYPE (TnTrustChooser, tn_trust_chooser, TN, TRUST_CHOOSER, GtkWidget)

GtkWidget *tn_trust_chooser_new            (void);
TnContact *tn_trust_chooser_get_contact    (TnTrustChooser *self);
void       tn_trust_chooser_set_contact    (TnTrustChooser *self,
                                            TnContact      *contact);
TnTrust    tn_trust_chooser_get_trust      (TnTrustChooser *self);
void       tn_trust_chooser_set_trust      (TnTrustChooser *self,
                                            TnTrust         trust);
gboolean   tn_trust_chooser_get_show_label (TnTrustChooser *self);
void       tn_trust_chooser_set_show_label (TnTrustChooser *self,
                                            gboolean        show_label);

G_END_DECLS
