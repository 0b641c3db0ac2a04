/* tn-toast.h — toasts that libadwaita 1.2.2 survives, in every window: the one way a toast
 * is shown, and so the one way it goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast  *tn_toast_new               (const char *text);
GtkWidget *tn_toast_new_title         (const char *markup);
GtkWidget *tn_toast_new_fitting_title (const char *long_markup,
                                       const char *short_markup);
void       tn_toast_show              (GtkWidget  *host,
                                       AdwToast   *toast);

G_END_DECLS
