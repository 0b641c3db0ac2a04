/* tn-csv-mapping-dialog.h — for a CSV file TrustNet does not know: its first rows, and a
 * drop-down per column to say what it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-csv.h"

G_BEGIN_DECLS

#define TN_TYPE_CSV_MAPPING_DIALOG (tn_csv_mapping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TnCsvMappingDialog, tn_csv_mapping_dialog, TN, CSV_MAPPING_DIALOG, AdwWindow)

TnCsvMappingDialog *tn_csv_mapping_dialog_new          (GtkWindow          *parent,
                                                        const char         *file_name,
                                                        const TnCsvPreview *preview);
const TnCsvColumn  *tn_csv_mapping_dialog_get_columns  (TnCsvMappingDialog *self,
                                                        guint              *n_columns);
void                tn_csv_mapping_dialog_set_column   (TnCsvMappingDialog *self,
                                                        guint               index,
                                                        TnCsvColumn         column);
gboolean            tn_csv_mapping_dialog_can_import   (TnCsvMappingDialog *self);
void                tn_csv_mapping_dialog_choose       (TnCsvMappingDialog *self);

G_END_DECLS
