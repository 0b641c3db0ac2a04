/* tn-cli-stats.h — `trustnet --stats [--json]`: the dashboard's figures as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-store.h"

G_BEGIN_DECLS

gboolean tn_cli_print_stats (TnStore    *store,
                             GSettings  *settings,
                             gboolean    json,
                             GError    **error);

G_END_DECLS
