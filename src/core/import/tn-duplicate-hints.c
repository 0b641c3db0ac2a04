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

static TnDuplicateHints
compare_emails (TnContact *a,
                TnContact *b)
{
  const char * const *emails_a = tn_contact_get_emails (a);
  const char * const *emails_b = tn_contact_get_emails (b);
  TnDuplicateHints hints = TN_DUPLICATE_HINT_NONE;

  for (guint i = 0; emails_a[i] != NULL; i++)
    {
      g_autofree char *address_a = tn_duplicates_email_key (emails_a[i]);
      g_autofree char *mailbox_a = tn_duplicate_hints_mailbox_key (emails_a[i]);

      for (guint j = 0; emails_b[j] != NULL; j++)
        {
          g_autofree char *address_b = tn_duplicates_email_key (emails_b[j]);
          g_autofree char *mailbox_b = tn_duplicate_hints_mailbox_key (emails_b[j]);

          if (address_a != NULL && g_strcmp0 (address_a, address_b) == 0)
            hints |= TN_DUPLICATE_HINT_SAME_EMAIL;
          else if (mailbox_a != NULL && g_strcmp0 (mailbox_a, mailbox_b) == 0)
            hints |= TN_DUPLICATE_HINT_SIMILAR_EMAIL;
        }
    }

  return hints;
}

static gboolean
have_phone_in_common (TnContact *a,
                      TnContact *b)
{
  const char * const *phones_a = tn_contact_get_phones (a);
  const char * const *phones_b = tn_contact_get_phones (b);

  for (guint i = 0; phones_a[i] != NULL; i++)
    for (guint j = 0; phones_b[j] != NULL; j++)
      if (tn_duplicates_phones_match (phones_a[i], phones_b[j]))
        return TRUE;

  return FALSE;
}

static gboolean
have_organization_in_common (TnContact *a,
                             TnContact *b)
{
  g_autofree char *organization_a = tn_text_fold_for_search (tn_contact_get_organization (a));
  g_autofree char *organization_b = tn_text_fold_for_search (tn_contact_get_organization (b));

  g_strstrip (organization_a);
  g_strstrip (organization_b);
  return *organization_a != '\0' && g_str_equal (organization_a, organization_b);
}

/**
 * tn_duplicate_hints_find:
 * @a: a contact
 * @b: another contact, usually of the same name
 *
 * Returns: what @a and @b have in common besides a name
 */
TnDuplicateHints
tn_duplicate_hints_find (TnContact *a,
                         TnContact *b)
{
  TnDuplicateHints hints;

  g_return_val_if_fail (TN_IS_CONTACT (a), TN_DUPLICATE_HINT_NONE);
  g_return_val_if_fail (TN_IS_CONTACT (b), TN_DUPLICATE_HINT_NONE);

  hints = compare_emails (a, b);
  if (have_phone_in_common (a, b))
    hints |= TN_DUPLICATE_HINT_PHONE;
  if (have_organization_in_common (a, b))
    hints |= TN_DUPLICATE_HINT_ORGANIZATION;

  return hints;
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
