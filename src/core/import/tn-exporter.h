/* tn-exporter.h — contacts out as vCard 3.0, keeping everything their imported card held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-contact.h"

G_BEGIN_DECLS

char     *tn_exporter_contact_to_vcard (TnContact     *contact);
gboolean  tn_exporter_write_file       (GListModel    *contacts,
                                        GFile         *file,
                                        guint         *n_written,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
