/* tn-duplicates.h — when two cards or contacts are the same person: the keys an import
 * matches on (uid, email address, phone number) and an index of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A phone number needs at least this many digits, not counting an international prefix or
 * a national trunk 0, to identify a person: shorter ones are local numbers, extensions and
 * short codes that many people share. */
#define TN_DUPLICATES_MIN_PHONE_DIGITS 9

void      tn_duplicates_set_phone_region (const char *region);
char     *tn_duplicates_get_phone_region (void);

char     *tn_duplicates_email_key   (const char *email);
char     *tn_duplicates_phone_key   (const char *phone);
char     *tn_duplicates_url_key     (const char *url);
char     *tn_duplicates_phone_digits (const char *phone);
gboolean  tn_duplicates_phones_match (const char *a,
                                      const char *b);
char     *tn_duplicates_name_key    (const char *full_name);

/**
 * TnDuplicateIndex:
 *
 * Which contact each uid, email address and phone number belongs to, for matching the cards
 * of an import against the contacts already there and the cards before them. An address
 * several contacts share belongs to the oldest (the lowest id).
 */
typedef struct _TnDuplicateIndex TnDuplicateIndex;

/**
 * TnDuplicateRule:
 * @TN_DUPLICATE_RULE_NONE: no match
 * @TN_DUPLICATE_RULE_UID: the same UID
 * @TN_DUPLICATE_RULE_EMAIL: an email address in common
 * @TN_DUPLICATE_RULE_PHONE: a phone number in common
 * @TN_DUPLICATE_RULE_PROFILE: the same LinkedIn profile
 *
 * Which rule found a match; the rules are tried in this order.
 */
typedef enum
{
  TN_DUPLICATE_RULE_NONE,
  TN_DUPLICATE_RULE_UID,
  TN_DUPLICATE_RULE_EMAIL,
  TN_DUPLICATE_RULE_PHONE,
  TN_DUPLICATE_RULE_PROFILE,
} TnDuplicateRule;

/**
 * TnDuplicateKeys:
 * @uid: (nullable): the uid, as given
 * @emails: the email keys (see tn_duplicates_email_key()), one per address that has one
 * @phones: the phone keys (see tn_duplicates_phone_key()), one per number that has one
 * @profiles: the keys of its LinkedIn profiles (see tn_duplicates_url_key())
 * @name: (nullable): the name key (see tn_duplicates_name_key())
 *
 * Everything the index compares of one card or contact, computed apart from the index so
 * that another thread can do it: an import computes them while it parses.
 */
typedef struct
{
  char *uid;
  GPtrArray *emails;
  GPtrArray *phones;
  GPtrArray *profiles;
  char *name;
} TnDuplicateKeys;

TnDuplicateKeys  *tn_duplicate_keys_new         (const char         *uid,
                                                 const char * const *emails,
                                                 const char * const *phones,
                                                 const char         *full_name);
void              tn_duplicate_keys_add_urls    (TnDuplicateKeys    *keys,
                                                 const char * const *urls);
void              tn_duplicate_keys_free        (TnDuplicateKeys    *keys);

TnDuplicateIndex *tn_duplicate_index_new        (void);
void              tn_duplicate_index_free       (TnDuplicateIndex   *self);
void              tn_duplicate_index_add_uid    (TnDuplicateIndex   *self,
                                                 const char         *uid,
                                                 gint64              id);
gboolean          tn_duplicate_index_has_uid    (TnDuplicateIndex   *self,
                                                 const char         *uid);
void              tn_duplicate_index_add_email  (TnDuplicateIndex   *self,
                                                 const char         *email,
                                                 gint64              id);
void              tn_duplicate_index_add_phone  (TnDuplicateIndex   *self,
                                                 const char         *phone,
                                                 gint64              id);
void              tn_duplicate_index_add_url    (TnDuplicateIndex   *self,
                                                 const char         *url,
                                                 gint64              id);
guint             tn_duplicate_index_add_name   (TnDuplicateIndex   *self,
                                                 const char         *full_name);
void              tn_duplicate_index_take_names (TnDuplicateIndex   *self,
                                                 TnDuplicateIndex   *other);
gint64            tn_duplicate_index_find       (TnDuplicateIndex   *self,
                                                 const TnDuplicateKeys *keys,
                                                 TnDuplicateRule    *rule);
guint             tn_duplicate_index_add        (TnDuplicateIndex   *self,
                                                 const TnDuplicateKeys *keys,
                                                 gint64              id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnDuplicateIndex, tn_duplicate_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnDuplicateKeys, tn_duplicate_keys_free)

G_END_DECLS
