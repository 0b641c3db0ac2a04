/* tn-contact-uri.h — the mailto: and tel: addresses that hand an email address or a
 * phone number of a contact to the desktop's mail and phone apps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tn_contact_uri_for_email (const char *address);
char *tn_contact_uri_for_phone (const char *number);

G_END_DECLS
