/* tn-trust-gauge.h — a ring that fills toward the trusted-contacts goal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TN_TYPE_TRUST_GAUGE (tn_trust_gauge_get_type ())

G_DECLARE_FINAL_TYPE (TnTrustGauge, tn_trust_gauge, TN, TRUST_GAUGE, GtkWidget)

GtkWidget *tn_trust_gauge_new   (void);
void       tn_trust_gauge_set   (TnTrustGauge *self,
                                 guint         trusted,
                                 int           goal);

G_END_DECLS
