/* tn-theme-color.c — a named colour of the current style sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-theme-color.h"

/**
 * tn_theme_color:
 * @widget: the widget that draws
 * @name: a colour the style sheet defines, e.g. "accent_color", "success_color"
 * @fallback: the colour to use if it does not, as gdk_rgba_parse() reads it
 *
 * GTK 4.8 has no replacement yet for the style context's named colours, which is
 * how Adwaita gives its light and dark variants to custom drawing.
 *
 * Returns: the colour
 */
GdkRGBA
tn_theme_color (GtkWidget  *widget,
                const char *name,
                const char *fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}
