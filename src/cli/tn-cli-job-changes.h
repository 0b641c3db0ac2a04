/* tn-cli-job-changes.h — `trustnet --job-changes [--json]`: who changed jobs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"

G_BEGIN_DECLS

gboolean tn_cli_print_job_changes (TnStore   *store,
                                   gboolean   json,
                                   GError   **error);

G_END_DECLS
