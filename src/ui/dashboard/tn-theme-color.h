/* tn-theme-color.h — a named colour of the current style (light or dark), for widgets
 * that draw with GtkSnapshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkRGBA tn_theme_color (GtkWidget  *widget,
                        const char *name,
                        const char *fallback);

G_END_DECLS
