/* tn-window-private.h — what the parts of TnWindow share: the instance struct and the
 * entry points of tn-window-import.c (import, export, undo) and tn-window-dnd.c (drops).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-window.h"

G_BEGIN_DECLS

struct _TnWindow
{
  AdwApplicationWindow parent_instance;

  TnStore *store;
  GSettings *settings;

  /* The import under way, if any: its cancellable is set from the moment the files are
   * looked at until the importer is done. */
  GCancellable *import_cancellable;
  GApplication *import_application;
  char *import_label;

  /* Batches whose Undo was pressed while another import held the database. */
  GArray *pending_undo;

  /* Set once the window is being destroyed: a worker that finishes later only cleans up. */
  gboolean disposed;

  /* Possible duplicates: how many pairs are left to review, and the pairs the person
   * said to keep apart ("idA:idB", lower id first), for as long as the window is open. */
  guint n_possible_duplicates;
  GHashTable *kept_apart;
  guint duplicates_source;
  GtkWindow *duplicates_window;

  /* The toast about the last import, while it is shown or waiting to be. */
  AdwToast *result_toast;

  /* The report of the last import, for its Details dialog. */
  char *last_report_summary;
  char *last_report_details;

  GtkNativeDialog *chooser;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  AdwHeaderBar *header_bar;
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

  /* Owned, not a template child: the pages' one source of "the day changed", which the
   * template gives them. */
  TnClock *clock;
};

/* tn-window.c */
void     _tn_window_show_message             (TnWindow     *self,
                                              const char   *message);

/* tn-window-import.c */
void     _tn_window_class_init_import        (GtkWidgetClass *widget_class);
void     _tn_window_init_import              (TnWindow     *self);
void     _tn_window_dispose_import           (TnWindow     *self);
void     _tn_window_update_duplicates        (TnWindow     *self);

/* tn-window-log.c */
void     _tn_window_class_init_log           (GtkWidgetClass *widget_class);

/* tn-window-dnd.c */
void     _tn_window_init_dnd                 (TnWindow     *self);

G_END_DECLS
