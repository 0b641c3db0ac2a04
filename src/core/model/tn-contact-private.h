/* tn-contact-private.h — what only the store may change on a contact:
 * its identity in the database and the figures the database derives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contact.h"

G_BEGIN_DECLS

void _tn_contact_set_id           (TnContact  *self,
                                   gint64      id);
void _tn_contact_set_last_contact (TnContact  *self,
                                   const char *last_contact);
void _tn_contact_set_timestamps   (TnContact  *self,
                                   gint64      created_at,
                                   gint64      updated_at);
void _tn_contact_assign           (TnContact  *self,
                                   TnContact  *source);

/* The name's collation key, shared with TnContactsByName (tn-contact.c). */
char *_tn_contact_make_sort_key   (const char *name);
char *_tn_contact_ref_sort_key    (TnContact  *self);
void  _tn_contact_offer_sort_key  (TnContact  *self,
                                   const char *name,
                                   char       *key);

G_END_DECLS
