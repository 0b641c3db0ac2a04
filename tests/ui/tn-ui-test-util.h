/* tn-ui-test-util.h — the harness the window tests share: running the main loop until
 * something holds, real X input through xdotool, screenshots, finding widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tn-application.h"
#include "tn-window.h"

G_BEGIN_DECLS

typedef gboolean (*TnTestCondition) (gpointer data);

TnApplication *tn_ui_test_init        (int             *argc,
                                       char          ***argv);
void           tn_ui_test_present     (GtkWindow       *window);
TnWindow      *tn_ui_test_open_window (TnApplication   *application,
                                       TnStore         *store);

gboolean   tn_ui_test_wait_until_ms    (TnTestCondition  condition,
                                        gpointer         data,
                                        guint            ms);
gboolean   tn_ui_test_wait_until       (TnTestCondition  condition,
                                        gpointer         data);
void       tn_ui_test_settle           (guint            ms);
void       tn_ui_test_xdotool          (const char      *first_arg,
                                        ...) G_GNUC_NULL_TERMINATED;
char      *tn_ui_test_window_xid       (GtkWidget       *window);
void       tn_ui_test_point_at         (GtkWidget       *window);
void       tn_ui_test_click            (GtkWidget       *widget);
void       tn_ui_test_save_screenshot  (const char      *name);
GtkWidget *tn_ui_test_find_visible     (GtkWidget       *widget,
                                        GType            type);
GtkWidget *tn_ui_test_find_button      (GtkWidget       *widget,
                                        const char      *label);
GtkWidget *tn_ui_test_find_label       (GtkWidget       *widget,
                                        const char      *text);
GtkWidget *tn_ui_test_find_message_dialog (void);

G_END_DECLS
