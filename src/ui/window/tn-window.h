/* tn-window.h — TrustNet's main window: the contacts page, the contact pane
 * beside it, importing and exporting vCards, and the toasts that report what happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-contact-pane.h"
#include "tn-contacts-page.h"
#include "tn-store.h"
#include "tn-sync-controller.h"

G_BEGIN_DECLS

#define TN_TYPE_WINDOW (tn_window_get_type ())

G_DECLARE_FINAL_TYPE (TnWindow, tn_window, TN, WINDOW, AdwApplicationWindow)

TnWindow       *tn_window_new               (AdwApplication *application,
                                             TnStore        *store);
TnStore        *tn_window_get_store         (TnWindow       *self);
void            tn_window_show_contact      (TnWindow       *self,
                                             TnContact      *contact);
void            tn_window_show_page         (TnWindow       *self,
                                             const char     *name);
void            tn_window_add_contact       (TnWindow       *self);
void            tn_window_delete_contact    (TnWindow       *self,
                                             TnContact      *contact);
void            tn_window_add_toast         (TnWindow       *self,
                                             AdwToast       *toast);
void            tn_window_set_sync_controller (TnWindow     *self,
                                             TnSyncController *controller);

void            tn_window_import_files      (TnWindow       *self,
                                             GFile         **files,
                                             guint           n_files);
gboolean        tn_window_get_importing     (TnWindow       *self);
void            tn_window_cancel_import     (TnWindow       *self);
void            tn_window_export_to_file    (TnWindow       *self,
                                             GFile          *file);
guint           tn_window_get_n_possible_duplicates (TnWindow *self);
GtkWindow      *tn_window_review_duplicates (TnWindow       *self);

G_END_DECLS
