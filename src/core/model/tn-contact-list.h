/* tn-contact-list.h — the store's list of contacts: a GListModel over an array,
 * ordered by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-contact.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACT_LIST (tn_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (TnContactList, tn_contact_list, TN, CONTACT_LIST, GObject)

TnContactList *tn_contact_list_new             (void);
TnContact     *tn_contact_list_get             (TnContactList  *self,
                                                guint           position);
void           tn_contact_list_splice          (TnContactList  *self,
                                                guint           position,
                                                guint           n_removals,
                                                TnContact     **additions,
                                                guint           n_additions);
void           tn_contact_list_append          (TnContactList  *self,
                                                TnContact      *contact);
void           tn_contact_list_remove          (TnContactList  *self,
                                                guint           position);
void           tn_contact_list_insert_by_id    (TnContactList  *self,
                                                TnContact      *contact);
gboolean       tn_contact_list_find_by_id      (TnContactList  *self,
                                                gint64          id,
                                                guint          *position);

G_END_DECLS
