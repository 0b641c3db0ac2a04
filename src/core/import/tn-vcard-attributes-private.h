/* tn-vcard-attributes-private.h — a property's value read as the importer reads it, for
 * tn-vcard.c and for the exporter, which compares it with the contact's to keep what is unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

G_BEGIN_DECLS

char *_tn_vcard_attribute_text      (EVCardAttribute *attr,
                                     gboolean         is_phone);
char *_tn_vcard_attribute_component (EVCardAttribute *attr,
                                     guint            index);
char *_tn_vcard_attribute_birthday  (EVCardAttribute *attr);

G_END_DECLS
