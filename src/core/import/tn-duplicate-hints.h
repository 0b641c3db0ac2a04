/* tn-duplicate-hints.h — what else two contacts with one name have in common, so that only
 * pairs that may really be one person are put to the person, likeliest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contact.h"

G_BEGIN_DECLS

/**
 * TnDuplicateHints:
 * @TN_DUPLICATE_HINT_NONE: nothing but the name
 * @TN_DUPLICATE_HINT_ORGANIZATION: the same organization, case and accents aside
 * @TN_DUPLICATE_HINT_SIMILAR_EMAIL: email addresses with the same mailbox name
 *   ("ada.lovelace@work.example" and "AdaLovelace+news@home.example")
 * @TN_DUPLICATE_HINT_SAME_EMAIL: an email address in common
 * @TN_DUPLICATE_HINT_PHONE: a phone number in common (tn_duplicates_phones_match())
 */
typedef enum
{
  TN_DUPLICATE_HINT_NONE = 0,
  TN_DUPLICATE_HINT_ORGANIZATION = 1 << 0,
  TN_DUPLICATE_HINT_SIMILAR_EMAIL = 1 << 1,
  TN_DUPLICATE_HINT_SAME_EMAIL = 1 << 2,
  TN_DUPLICATE_HINT_PHONE = 1 << 3,
} TnDuplicateHints;

TnDuplicateHints  tn_duplicate_hints_find         (TnContact        *a,
                                                   TnContact        *b);
guint             tn_duplicate_hints_likeness     (TnDuplicateHints  hints);
char             *tn_duplicate_hints_mailbox_key  (const char       *email);
GPtrArray        *tn_duplicate_hints_keys         (TnContact        *contact);
GPtrArray        *tn_duplicate_hints_keys_of      (const char         *organization,
                                                   const char * const *emails,
                                                   const char * const *phones);
TnDuplicateHints  tn_duplicate_hints_of_key       (const char       *key);
TnDuplicateHints  tn_duplicate_hints_tidy         (TnDuplicateHints  hints);

G_END_DECLS
