/* tn-duplicate-hints.c — the second hint that makes two namesakes a possible duplicate: an
 * organization, a mailbox name or a phone number in common, and how alike that makes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name alone is not enough: 313 contacts gave 45 name-only pairs of clearly different
 * people. Each hint weighs what it says: a shared phone number or address is nearly
 * certain, a mailbox name at another provider likely, an organization only suggestive.
 */
#define G_LOG_DOMAIN "tn-duplicate-hints"

#include "config.h"

#include <string.h>

#include "tn-duplicate-hints.h"
#include "tn-duplicates.h"
#include "tn-text.h"

/* Mailboxes that name a role, not a person: many people write from them. */
static gboolean
is_role_mailbox (const char *mailbox)
{
  static const char * const roles[] = {
    "info", "contact", "hello", "office", "admin", "sales", "support", "mail", "team", "noreply",
    "no-reply", "service", "help", "jobs", "billing", "accounts", "webmaster", "postmaster",
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (mailbox, roles[i]))
      return TRUE;

  return FALSE;
}

/**
 * tn_duplicate_hints_mailbox_key:
 * @email: (nullable): an email address as written
 *
 * The part before the @ as a person recognises it at any provider: case aside, without a
 * "+tag" and without dots ("Ada.Lovelace+news" is "adalovelace"). Role mailboxes ("info",
 * "sales") and ones under three letters have none.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for no usable mailbox name
 */
char *
tn_duplicate_hints_mailbox_key (const char *email)
{
  g_autofree char *key = tn_duplicates_email_key (email);
  g_autoptr(GString) mailbox = NULL;
  const char *at;

  if (key == NULL || (at = strchr (key, '@')) == NULL)
    return NULL;

  mailbox = g_string_new (NULL);
  for (const char *c = key; c < at && *c != '+'; c++)
    if (*c != '.')
      g_string_append_c (mailbox, *c);

  /* "a@…" or "info@…" says nothing about who it is. */
  if (mailbox->len < 3 || is_role_mailbox (mailbox->str))
    return NULL;

  return g_string_free (g_steal_pointer (&mailbox), FALSE);
}

/* The last digits every matching pair of numbers shares (tn_duplicates_phones_match()
 * needs at least this many significant digits in common, at the end). */
#define PHONE_KEY_TAIL TN_DUPLICATES_MIN_PHONE_DIGITS

/**
 * tn_duplicate_hints_keys_of:
 * @organization: (nullable): a contact's organization
 * @emails: (nullable) (array zero-terminated=1): its email addresses
 * @phones: (nullable) (array zero-terminated=1): its phone numbers
 *
 * tn_duplicate_hints_keys() of what a contact holds, for a reader that has the columns
 * and no #TnContact (a worker thread reading the database).
 *
 * Returns: (transfer full) (element-type utf8): the keys, as tn_duplicate_hints_keys()
 */
GPtrArray *
tn_duplicate_hints_keys_of (const char         *organization,
                            const char * const *emails,
                            const char * const *phones)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *folded = NULL;
  GPtrArray *keys;

  keys = g_ptr_array_new_with_free_func (g_free);
  folded = tn_text_fold_for_search (organization);
  g_strstrip (folded);
  if (*folded != '\0')
    g_ptr_array_add (keys, g_strconcat ("o:", folded, NULL));

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    {
      g_autofree char *address = tn_duplicates_email_key (emails[i]);
      g_autofree char *mailbox = tn_duplicate_hints_mailbox_key (emails[i]);

      if (address != NULL)
        g_ptr_array_add (keys, g_strconcat ("e:", address, NULL));
      if (mailbox != NULL)
        g_ptr_array_add (keys, g_strconcat ("m:", mailbox, NULL));
    }

  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      g_autofree char *digits = tn_duplicates_phone_digits (phones[i]);
      size_t length = digits != NULL ? strlen (digits) : 0;

      if (length >= PHONE_KEY_TAIL)
        g_ptr_array_add (keys, g_strconcat ("p:", digits + length - PHONE_KEY_TAIL, NULL));
    }

  /* No key twice: two addresses with one mailbox would pair a contact with itself. */
  for (guint i = 0; i < keys->len;)
    {
      if (g_hash_table_contains (seen, keys->pdata[i]))
        g_ptr_array_remove_index (keys, i);
      else
        g_hash_table_add (seen, keys->pdata[i++]);
    }

  return keys;
}

/**
 * tn_duplicate_hints_keys:
 * @contact: a contact
 *
 * What two contacts may have in common, as keys: each key both have is a hint
 * (tn_duplicate_hints_of_key()), so among thousands of namesakes only the ones that share
 * a key are ever paired.
 *
 * Returns: (transfer full) (element-type utf8): "o:" and the folded organization, "e:"
 *   and each email key, "m:" and each mailbox key, "p:" and the last digits of each phone
 *   number; no key twice
 */
GPtrArray *
tn_duplicate_hints_keys (TnContact *contact)
{
  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);

  return tn_duplicate_hints_keys_of (tn_contact_get_organization (contact), tn_contact_get_emails (contact),
                                     tn_contact_get_phones (contact));
}

/**
 * tn_duplicate_hints_of_key:
 * @key: a key of tn_duplicate_hints_keys()
 *
 * Returns: the hint two contacts have when they share @key
 */
TnDuplicateHints
tn_duplicate_hints_of_key (const char *key)
{
  g_return_val_if_fail (key != NULL, TN_DUPLICATE_HINT_NONE);

  switch (key[0])
    {
    case 'o':
      return TN_DUPLICATE_HINT_ORGANIZATION;
    case 'e':
      return TN_DUPLICATE_HINT_SAME_EMAIL;
    case 'm':
      return TN_DUPLICATE_HINT_SIMILAR_EMAIL;
    case 'p':
      return TN_DUPLICATE_HINT_PHONE;
    default:
      return TN_DUPLICATE_HINT_NONE;
    }
}

/**
 * tn_duplicate_hints_tidy:
 * @hints: hints gathered key by key
 *
 * Returns: @hints, with a similar address left out where the same address is there
 */
TnDuplicateHints
tn_duplicate_hints_tidy (TnDuplicateHints hints)
{
  if (hints & TN_DUPLICATE_HINT_SAME_EMAIL)
    hints &= ~TN_DUPLICATE_HINT_SIMILAR_EMAIL;
  return hints;
}

/**
 * tn_duplicate_hints_find:
 * @a: a contact
 * @b: another contact, usually of the same name
 *
 * The keys both have (tn_duplicate_hints_keys()), as hints. A phone number is in common
 * when two numbers end with the same %TN_DUPLICATES_MIN_PHONE_DIGITS significant digits.
 *
 * Returns: what @a and @b have in common besides a name
 */
TnDuplicateHints
tn_duplicate_hints_find (TnContact *a,
                         TnContact *b)
{
  g_autoptr(GPtrArray) keys_a = NULL;
  g_autoptr(GPtrArray) keys_b = NULL;
  g_autoptr(GHashTable) of_a = NULL;
  TnDuplicateHints hints = TN_DUPLICATE_HINT_NONE;

  g_return_val_if_fail (TN_IS_CONTACT (a), TN_DUPLICATE_HINT_NONE);
  g_return_val_if_fail (TN_IS_CONTACT (b), TN_DUPLICATE_HINT_NONE);

  keys_a = tn_duplicate_hints_keys (a);
  keys_b = tn_duplicate_hints_keys (b);
  of_a = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < keys_a->len; i++)
    g_hash_table_add (of_a, keys_a->pdata[i]);
  for (guint i = 0; i < keys_b->len; i++)
    if (g_hash_table_contains (of_a, keys_b->pdata[i]))
      hints |= tn_duplicate_hints_of_key (keys_b->pdata[i]);

  return tn_duplicate_hints_tidy (hints);
}

/**
 * tn_duplicate_hints_likeness:
 * @hints: what two namesakes have in common
 *
 * Returns: how alike that makes them, 0 for a name alone; more is likelier the same person
 */
guint
tn_duplicate_hints_likeness (TnDuplicateHints hints)
{
  guint likeness = 0;

  if (hints & TN_DUPLICATE_HINT_SAME_EMAIL)
    likeness += 8;
  if (hints & TN_DUPLICATE_HINT_PHONE)
    likeness += 6;
  if (hints & TN_DUPLICATE_HINT_SIMILAR_EMAIL)
    likeness += 4;
  if (hints & TN_DUPLICATE_HINT_ORGANIZATION)
    likeness += 2;

  return likeness;
}
