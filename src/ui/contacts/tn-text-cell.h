/* tn-text-cell.h — one text of a row of the contacts table, drawn by one widget, with the
 * person's initials in a coloured circle before it in the Name column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TN_TYPE_TEXT_CELL (tn_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (TnTextCell, tn_text_cell, TN, TEXT_CELL, GtkWidget)

GtkWidget   *tn_text_cell_new               (gboolean     with_avatar);
const char  *tn_text_cell_get_text          (TnTextCell  *self);
void         tn_text_cell_set_text          (TnTextCell  *self,
                                             const char  *text);
const char  *tn_text_cell_get_initials      (TnTextCell  *self);
guint        tn_text_cell_get_avatar_color  (TnTextCell  *self);

char        *tn_text_cell_make_initials     (const char  *name);
guint        tn_text_cell_pick_avatar_color (const char  *name);

PangoLayout *tn_cell_create_layout          (GtkWidget   *cell,
                                             const char  *text);
void         tn_cell_draw_layout            (GtkSnapshot *snapshot,
                                             PangoLayout *layout,
                                             float        x,
                                             float        y,
                                             const GdkRGBA *color);

G_END_DECLS
