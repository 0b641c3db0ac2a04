/* tn-sync-card.h — the vCard a contact, or the person themself, becomes on a CardDAV
 * server: the standard properties plus X-TRUSTNET-*, over the card another client wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tn-sync-contact.h"

G_BEGIN_DECLS

#define TN_SYNC_CARD_ERROR (tn_sync_card_error_quark ())

/* @TN_SYNC_CARD_ERROR_INVALID: not a vCard, or not one this can read */
typedef enum
{
  TN_SYNC_CARD_ERROR_INVALID,
} TnSyncCardError;

GQuark         tn_sync_card_error_quark (void);

char          *tn_sync_card_write     (const TnSyncContact *contact);
TnSyncContact *tn_sync_card_read      (const char          *vcard,
                                       GError             **error);

char       *tn_sync_self_card_write    (const TnSyncSelf *self);
TnSyncSelf *tn_sync_self_card_read     (const char       *vcard,
                                        GError          **error);
gboolean    tn_sync_card_is_self       (const char       *vcard);


G_END_DECLS
