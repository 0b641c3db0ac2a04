/* tn-wrap-bin.h — holds wrapping words and asks them for their width once, not once for
 * each height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TN_TYPE_WRAP_BIN (tn_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (TnWrapBin, tn_wrap_bin, TN, WRAP_BIN, GtkWidget)

GtkWidget *tn_wrap_bin_new       (void);
void       tn_wrap_bin_set_child (TnWrapBin *self,
                                  GtkWidget *child);

G_END_DECLS
