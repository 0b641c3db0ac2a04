/* tn-import-summary.h — what an import did, in the one line the window and the command
 * line both show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-importer.h"

G_BEGIN_DECLS

char *tn_import_result_describe (const TnImportResult *result);

G_END_DECLS
