/* tn-window-private.h — what the parts of TnWindow share: the instance struct, the entry
 * points of tn-window-actions.c, -import.c, -toasts.c and -dnd.c, and what tests reach.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-import-controller.h"
#include "tn-sync-indicator.h"
#include "tn-window.h"

G_BEGIN_DECLS

struct _TnWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned References */
  TnStore *store;
  GSettings *settings;
  /* The import, export and duplicates work; the window shows what it says. */
  TnImportController *import_controller;
  GtkNativeDialog *chooser;

  /* Borrowed References */
  /* The Possible Duplicates window, while it is open. */
  GtkWindow *duplicates_window;
  /* The toast about the last import, while it is shown or waiting to be. */
  AdwToast *result_toast;
  /* The toast about the last rating, with its Undo. */
  AdwToast *rating_toast;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  AdwHeaderBar *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack *view_stack;
  GtkWidget *add_button;
  GtkWidget *search_button;
  TnContactsPage *contacts_page;
  TnContactPane *contact_pane;
  GtkWidget *drop_zone;
  GtkRevealer *import_revealer;
  GtkLabel *import_label_widget;
  GtkProgressBar *import_progress;
  GtkButton *import_cancel_button;
  TnSyncIndicator *sync_indicator;

  /* Owned, not a template child: the pages' one source of "the day changed", which the
   * template gives them. */
  TnClock *clock;
};

/* One key of the window's actions: @target, if any, is the string parameter. */
typedef struct
{
  const char *accelerator;
  const char *action_name;
  const char *target;
} TnWindowAccel;

/* tn-window.c */
void     _tn_window_show_message             (TnWindow     *self,
                                              const char   *message);
void     _tn_window_close_pane               (TnWindow     *self);

/* tn-window-actions.c */
void                 _tn_window_class_actions_init (GtkWidgetClass *widget_class);
const TnWindowAccel *_tn_window_get_accels         (guint          *n_accels);

/* tn-window-import.c */
void     _tn_window_init_import              (TnWindow     *self);
void     _tn_window_dispose_import           (TnWindow     *self);
void     _tn_window_choose_import_files      (TnWindow     *self);
void     _tn_window_choose_export_file       (TnWindow     *self);
void     _tn_window_show_import_report       (TnWindow     *self);

/* tn-window-toasts.c */
void     _tn_window_show_import_message      (TnWindow     *self,
                                              const char   *message);
void     _tn_window_show_result_toast        (TnWindow     *self,
                                              const char   *summary,
                                              gboolean      has_details,
                                              GArray       *batches);
void     _tn_window_offer_duplicates_review  (TnWindow     *self);
void     _tn_window_dismiss_stale_result_toast (TnWindow   *self);
void     _tn_window_show_rating_toast        (TnWindow     *self,
                                              TnContact    *contact,
                                              TnTrust       previous);
void     _tn_window_follow_sync              (TnWindow     *self,
                                              TnSyncController *controller);

/* tn-window-dnd.c */
void     _tn_window_init_dnd                 (TnWindow     *self);

/* For tests: the parts of the window, and what a drop does. */
TnContactsPage *tn_window_get_contacts_page (TnWindow       *self);
TnContactPane  *tn_window_get_contact_pane  (TnWindow       *self);
gboolean        tn_window_get_pane_revealed (TnWindow       *self);
gboolean        tn_window_drop              (TnWindow       *self,
                                             const GValue   *value);
GtkWidget      *tn_window_get_drop_zone     (TnWindow       *self);

G_END_DECLS
