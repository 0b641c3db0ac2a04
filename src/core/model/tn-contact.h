/* tn-contact.h — one person in the network, as the views and the store see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tn-trust.h"

G_BEGIN_DECLS

/* Ten years: the same bound as the Preferences' per-tier cadence. */
#define TN_CONTACT_MAX_CADENCE_WEEKS 520

#define TN_TYPE_CONTACT (tn_contact_get_type ())

G_DECLARE_FINAL_TYPE (TnContact, tn_contact, TN, CONTACT, GObject)

TnContact          *tn_contact_new               (const char         *full_name);
TnContact          *tn_contact_copy              (TnContact          *self);

gint64              tn_contact_get_id            (TnContact          *self);
const char         *tn_contact_get_uid           (TnContact          *self);
void                tn_contact_set_uid           (TnContact          *self,
                                                  const char         *uid);
const char         *tn_contact_get_full_name     (TnContact          *self);
void                tn_contact_set_full_name     (TnContact          *self,
                                                  const char         *full_name);
const char         *tn_contact_get_given_name    (TnContact          *self);
void                tn_contact_set_given_name    (TnContact          *self,
                                                  const char         *given_name);
const char         *tn_contact_get_family_name   (TnContact          *self);
void                tn_contact_set_family_name   (TnContact          *self,
                                                  const char         *family_name);
const char         *tn_contact_get_organization  (TnContact          *self);
void                tn_contact_set_organization  (TnContact          *self,
                                                  const char         *organization);
const char         *tn_contact_get_title         (TnContact          *self);
void                tn_contact_set_title         (TnContact          *self,
                                                  const char         *title);
const char         *tn_contact_get_note          (TnContact          *self);
void                tn_contact_set_note          (TnContact          *self,
                                                  const char         *note);
const char         *tn_contact_get_birthday      (TnContact          *self);
void                tn_contact_set_birthday      (TnContact          *self,
                                                  const char         *birthday);
const char         *tn_contact_get_vcard         (TnContact          *self);
void                tn_contact_set_vcard         (TnContact          *self,
                                                  const char         *vcard);
TnTrust             tn_contact_get_trust         (TnContact          *self);
void                tn_contact_set_trust         (TnContact          *self,
                                                  TnTrust             trust);
int                 tn_contact_get_cadence_weeks (TnContact          *self);
void                tn_contact_set_cadence_weeks (TnContact          *self,
                                                  int                 cadence_weeks);
const char * const *tn_contact_get_emails        (TnContact          *self);
void                tn_contact_set_emails        (TnContact          *self,
                                                  const char * const *emails);
const char         *tn_contact_get_primary_email (TnContact          *self);
const char * const *tn_contact_get_phones        (TnContact          *self);
void                tn_contact_set_phones        (TnContact          *self,
                                                  const char * const *phones);
const char * const *tn_contact_get_urls          (TnContact          *self);
void                tn_contact_set_urls          (TnContact          *self,
                                                  const char * const *urls);
const char         *tn_contact_get_connected_on  (TnContact          *self);
void                tn_contact_set_connected_on  (TnContact          *self,
                                                  const char         *connected_on);
const char         *tn_contact_get_last_contact  (TnContact          *self);
GDateTime          *tn_contact_get_created_at    (TnContact          *self);
gint64              tn_contact_get_created_unix  (TnContact          *self);
GDateTime          *tn_contact_get_updated_at    (TnContact          *self);

const char         *tn_contact_get_search_key    (TnContact          *self);
const char         *tn_contact_get_sort_key      (TnContact          *self);
gboolean            tn_contact_matches           (TnContact          *self,
                                                  const char         *query);
gboolean            tn_contact_has_email         (TnContact          *self,
                                                  const char         *email);

G_END_DECLS
