/* tn-exporter-private.h — the exporter with a smaller bound on the file, for tests that
 * check the bound without writing half a gigabyte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-exporter.h"

G_BEGIN_DECLS

gboolean _tn_exporter_write_file_at_most (GListModel    *contacts,
                                          GFile         *file,
                                          gsize          max_size,
                                          guint         *n_written,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
