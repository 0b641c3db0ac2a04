/* tn-after-paint.h — work that waits until the frame showing a change is painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*TnAfterPaintFunc) (gpointer user_data);

/* Embedded in its owner; tn_after_paint_cancel() before the owner goes. */
typedef struct
{
  TnAfterPaintFunc func;
  gpointer user_data;
  GdkFrameClock *frame_clock;
  gulong paint_id;
  guint idle_id;
} TnAfterPaint;

void     tn_after_paint_init       (TnAfterPaint     *self,
                                    TnAfterPaintFunc  func,
                                    gpointer          user_data);
gboolean tn_after_paint_queue      (TnAfterPaint     *self,
                                    GtkWidget        *widget);
void     tn_after_paint_queue_idle (TnAfterPaint     *self);
void     tn_after_paint_stop_waiting (TnAfterPaint   *self);
void     tn_after_paint_cancel     (TnAfterPaint     *self);
gboolean tn_after_paint_is_pending (TnAfterPaint     *self);

G_END_DECLS
