/* tn-contact-edit.h — a person's edit of a contact as the fields they changed, so that
 * it can be laid onto the contact as the database has it now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contact.h"

G_BEGIN_DECLS

/**
 * TnContactEditFlags:
 * @TN_CONTACT_EDIT_NONE: take the fields where the edit differs from what was seen
 * @TN_CONTACT_EDIT_RATING: the person chose the edit's rating: take it even where it is
 *   what they saw, since what they saw may be stale
 */
typedef enum
{
  TN_CONTACT_EDIT_NONE = 0,
  TN_CONTACT_EDIT_RATING = 1 << 0,
} TnContactEditFlags;

gboolean   tn_contact_edit_same   (TnContact          *a,
                                   TnContact          *b);
TnContact *tn_contact_edit_rebase (TnContact          *seen,
                                   TnContact          *wanted,
                                   TnContact          *current,
                                   TnContactEditFlags  flags,
                                   gboolean           *changed);

G_END_DECLS
