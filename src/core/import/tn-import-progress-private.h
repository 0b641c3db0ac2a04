/* tn-import-progress-private.h — what tn-importer.c uses to report progress on the thread
 * that started an import (tn-import-progress.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-importer.h"

G_BEGIN_DECLS

typedef struct _TnImportProgress TnImportProgress;

TnImportProgress *_tn_import_progress_new    (TnImportProgressFunc  func,
                                              gpointer              data,
                                              GDestroyNotify        data_free);
void              _tn_import_progress_unref  (TnImportProgress     *self);
void              _tn_import_progress_report (TnImportProgress     *self,
                                              double                fraction,
                                              guint                 n_cards);
void              _tn_import_progress_finish (TnImportProgress     *self);

G_END_DECLS
