/* tn-vcard-read.h — reading a file to import: regular files only, and never more bytes
 * than the import bound, whatever size the file claims.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *_tn_vcard_read_file (GFile         *file,
                             gsize          max_size,
                             GCancellable  *cancellable,
                             GError       **error);

/* In tn-vcard.c: the file read with errors written for people (CSV files too). */
GBytes *_tn_vcard_load_file (GFile         *file,
                             char         **display_name,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
