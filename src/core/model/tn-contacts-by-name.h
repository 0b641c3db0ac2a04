/* tn-contacts-by-name.h — a list of contacts kept in the order of their names, over the
 * store's list (ordered by id): the order the contacts table and the log dialog show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-contact.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACTS_BY_NAME (tn_contacts_by_name_get_type ())

G_DECLARE_FINAL_TYPE (TnContactsByName, tn_contacts_by_name, TN, CONTACTS_BY_NAME, GObject)

TnContactsByName *tn_contacts_by_name_new        (GListModel       *contacts);
gboolean          tn_contacts_by_name_is_ordered (TnContactsByName *self);
void              tn_contacts_by_name_wait       (TnContactsByName *self);

G_END_DECLS
