/* tn-ui-test-util.h — the harness the window tests share: a scratch store and its window,
 * running the main loop until something holds, real X input through xdotool, screenshots,
 * finding widgets and windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tn-application.h"
#include "tn-window.h"

G_BEGIN_DECLS

typedef gboolean (*TnTestCondition) (gpointer data);
/* A point of a window, as X (and xdotool) counts. */
typedef struct { int x, y; } TnUiSpot;
typedef guint    (*TnTestCount)     (gpointer data);

/* What every window test starts from; a test's own fixture may begin with one. */
typedef struct
{
  char *dir;
  TnStore *store;
  TnWindow *window;
} TnUiFixture;

TnApplication *tn_ui_test_init        (int             *argc,
                                       char          ***argv);
void           tn_ui_test_present     (GtkWindow       *window);
TnWindow      *tn_ui_test_open_window (TnApplication   *application,
                                       TnStore         *store);

void tn_ui_test_fixture_set_up      (TnUiFixture   *fixture,
                                     gconstpointer  prefix);
void tn_ui_test_fixture_open_window (TnUiFixture   *fixture,
                                     TnApplication *application);
void tn_ui_test_fixture_tear_down   (TnUiFixture   *fixture,
                                     gconstpointer  user_data);

TnContact *tn_ui_test_add_contact (TnStore    *store,
                                   const char *name,
                                   const char *email,
                                   const char *organization,
                                   TnTrust     trust);
guint      tn_ui_test_n_contacts  (gpointer    store);
guint      tn_ui_test_n_visible   (gpointer    window);

gboolean   tn_ui_test_wait_until_ms    (TnTestCondition  condition,
                                        gpointer         data,
                                        guint            ms);
gboolean   tn_ui_test_wait_until       (TnTestCondition  condition,
                                        gpointer         data);
gboolean   tn_ui_test_wait_for_count   (TnTestCount      count,
                                        gpointer         data,
                                        guint            expected);
void       tn_ui_test_settle           (guint            ms);
void       tn_ui_test_busy_moment      (void);
guint      tn_ui_test_add_slow_frames  (GtkWidget       *widget);
void       tn_ui_test_xdotool          (const char      *first_arg,
                                        ...) G_GNUC_NULL_TERMINATED;
char      *tn_ui_test_window_xid       (GtkWidget       *window);
void       tn_ui_test_point_at         (GtkWidget       *window);
void       tn_ui_test_click            (GtkWidget       *widget);
TnUiSpot   tn_ui_test_spot_of          (GtkWidget       *widget);
void       tn_ui_test_click_spot       (GtkWidget       *window,
                                        TnUiSpot         spot);
void       tn_ui_test_save_screenshot  (const char      *name);
GtkWidget *tn_ui_test_find_visible     (GtkWidget       *widget,
                                        GType            type);
GtkWidget *tn_ui_test_find_button      (GtkWidget       *widget,
                                        const char      *label);
GtkWidget *tn_ui_test_find_label       (GtkWidget       *widget,
                                        const char      *text);
GtkWidget *tn_ui_test_find_named       (GtkWidget       *widget,
                                        const char      *name);
GtkWidget *tn_ui_test_find_toplevel    (GType            type);
GtkWidget *tn_ui_test_wait_for_toplevel (GType           type);
gboolean   tn_ui_test_wait_toplevel_gone (GType          type);

G_END_DECLS
