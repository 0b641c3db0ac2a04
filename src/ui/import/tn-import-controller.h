/* tn-import-controller.h — the work behind the window's Import, Export and Possible
 * Duplicates, without a widget: the window shows what its properties and signals say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_IMPORT_CONTROLLER (tn_import_controller_get_type ())

G_DECLARE_FINAL_TYPE (TnImportController, tn_import_controller, TN, IMPORT_CONTROLLER, GObject)

TnImportController *tn_import_controller_new          (TnStore            *store,
                                                       GApplication       *application);

gboolean    tn_import_controller_import_files         (TnImportController *self,
                                                       GFile             **files,
                                                       guint               n_files);
void        tn_import_controller_cancel               (TnImportController *self);
void        tn_import_controller_undo                 (TnImportController *self,
                                                       GArray             *batches);
gboolean    tn_import_controller_get_importing        (TnImportController *self);
double      tn_import_controller_get_progress         (TnImportController *self);
const char *tn_import_controller_get_status           (TnImportController *self);
const char *tn_import_controller_get_report_summary   (TnImportController *self);
const char *tn_import_controller_get_report_details   (TnImportController *self);

void        tn_import_controller_export               (TnImportController *self,
                                                       GListModel         *contacts,
                                                       GFile              *file);
gboolean    tn_import_controller_get_exporting        (TnImportController *self);

void        tn_import_controller_update_duplicates    (TnImportController *self);
guint       tn_import_controller_get_n_possible_duplicates (TnImportController *self);

G_END_DECLS
