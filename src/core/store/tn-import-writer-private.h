/* tn-import-writer-private.h — for tests only: the import writer as it was before it set
 * its triggers aside, so that a test can compare the rows the writer writes in their place
 * with the rows the triggers write, in the same run (test-import-same-rows).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With @keep, the transactions writers begin from now on keep the triggers of
 * set_aside_triggers (tn-import-writer.c) and let them write the change feed's rows and the
 * field times, instead of writing those rows themselves. */
void _tn_import_writer_set_keep_triggers (gboolean keep);

G_END_DECLS
