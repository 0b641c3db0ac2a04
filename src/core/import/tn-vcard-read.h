/* tn-vcard-read.h — reading a file to import: regular files only, and never more bytes
 * than the import bound, whatever size the file claims; in pieces, or whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _TnVcardSource TnVcardSource;

TnVcardSource *_tn_vcard_source_open          (GFile          *file,
                                               gsize           max_size,
                                               GCancellable   *cancellable,
                                               GError        **error);
TnVcardSource *_tn_vcard_source_new_for_bytes (GBytes         *bytes,
                                               gsize           max_size);
guint64        _tn_vcard_source_get_size      (TnVcardSource  *self);
gssize         _tn_vcard_source_read          (TnVcardSource  *self,
                                               GByteArray     *into,
                                               gsize           most,
                                               GCancellable   *cancellable,
                                               GError        **error);
void           _tn_vcard_source_free          (TnVcardSource  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnVcardSource, _tn_vcard_source_free)

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
