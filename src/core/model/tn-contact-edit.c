/* tn-contact-edit.c — a person's edit laid onto the contact as it is now: another process
 * (the command line, an import, sync) may have changed it since the edit began, and what
 * it changed must survive the edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact"

#include "config.h"

#include "tn-contact-edit.h"

static GHashTable *
string_set (const char * const *strv)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; strv[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) strv[i]);

  return set;
}

/* @current with the list edit @seen → @wanted: what the person removed goes, what they
 * added comes after what is there now, and what someone else added or removed meanwhile
 * stays as they left it. @seen and @wanted are looked up as sets: a contact with 40,000
 * addresses made g_strv_contains() here quadratic after every import that touched it. */
static GStrv
rebase_list (const char * const *seen,
             const char * const *wanted,
             const char * const *current)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_set = string_set (seen);
  g_autoptr(GHashTable) wanted_set = string_set (wanted);

  for (guint i = 0; current[i] != NULL; i++)
    {
      gboolean removed = g_hash_table_contains (seen_set, current[i]) &&
                         !g_hash_table_contains (wanted_set, current[i]);

      if (!removed && g_hash_table_add (taken, (gpointer) current[i]))
        g_strv_builder_add (builder, current[i]);
    }

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      if (!g_hash_table_contains (seen_set, wanted[i]) && g_hash_table_add (taken, (gpointer) wanted[i]))
        g_strv_builder_add (builder, wanted[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * tn_contact_edit_same:
 * @a: a contact
 * @b: another contact
 *
 * Returns: whether @a and @b hold the same of everything a person can edit (what
 *   tn_contact_edit_rebase() takes), whatever their ids and dates
 */
gboolean
tn_contact_edit_same (TnContact *a,
                      TnContact *b)
{
  g_autoptr(TnContact) result = NULL;
  gboolean changed;

  g_return_val_if_fail (TN_IS_CONTACT (a), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (b), FALSE);

  /* Laying all of @b onto @a changes nothing exactly when they are the same: one
   * definition of "the fields", the one the rebase uses. */
  result = tn_contact_edit_rebase (a, b, a, TN_CONTACT_EDIT_NONE, &changed);
  return !changed;
}

/**
 * tn_contact_edit_rebase:
 * @seen: the contact as the person saw it when the edit began
 * @wanted: the edit: @seen with the person's changes
 * @current: the contact as it is now (in the database)
 * @flags: what the person chose beyond what differs
 * @changed: (out): whether the result differs from @current
 *
 * The fields where @wanted differs from @seen are the person's changes; they are laid
 * onto @current, which keeps every other field as it is now. When someone else changed
 * the same field meanwhile, the person's change is the later one and wins. Emails and
 * phones are merged as lists (see above).
 *
 * Returns: (transfer full): a copy of @current with the person's changes
 */
TnContact *
tn_contact_edit_rebase (TnContact          *seen,
                        TnContact          *wanted,
                        TnContact          *current,
                        TnContactEditFlags  flags,
                        gboolean           *changed)
{
  TnContact *result;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) phones = NULL;

  g_return_val_if_fail (TN_IS_CONTACT (seen), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (wanted), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (current), NULL);
  g_return_val_if_fail (changed != NULL, NULL);

  result = tn_contact_copy (current);
  *changed = FALSE;

#define TAKE(field, differ) \
  if (differ (tn_contact_get_##field (wanted), tn_contact_get_##field (seen)) && \
      differ (tn_contact_get_##field (wanted), tn_contact_get_##field (current))) \
    { \
      tn_contact_set_##field (result, tn_contact_get_##field (wanted)); \
      *changed = TRUE; \
    }
#define TEXT_DIFFERS(a, b) (g_strcmp0 ((a), (b)) != 0)
#define NUMBER_DIFFERS(a, b) ((a) != (b))
  TAKE (uid, TEXT_DIFFERS);
  TAKE (full_name, TEXT_DIFFERS);
  TAKE (given_name, TEXT_DIFFERS);
  TAKE (family_name, TEXT_DIFFERS);
  TAKE (organization, TEXT_DIFFERS);
  TAKE (title, TEXT_DIFFERS);
  TAKE (note, TEXT_DIFFERS);
  TAKE (birthday, TEXT_DIFFERS);
  TAKE (vcard, TEXT_DIFFERS);
  TAKE (cadence_weeks, NUMBER_DIFFERS);
#undef NUMBER_DIFFERS
#undef TEXT_DIFFERS
#undef TAKE

  /* A rating the person chose is theirs even when it is what they saw: the window may
   * have shown 1 while the command line had set 3. */
  if (((flags & TN_CONTACT_EDIT_RATING) || tn_contact_get_trust (wanted) != tn_contact_get_trust (seen)) &&
      tn_contact_get_trust (wanted) != tn_contact_get_trust (current))
    {
      tn_contact_set_trust (result, tn_contact_get_trust (wanted));
      *changed = TRUE;
    }

  emails = rebase_list (tn_contact_get_emails (seen), tn_contact_get_emails (wanted), tn_contact_get_emails (current));
  phones = rebase_list (tn_contact_get_phones (seen), tn_contact_get_phones (wanted), tn_contact_get_phones (current));
  if (!g_strv_equal ((const char * const *) emails, tn_contact_get_emails (current)) ||
      !g_strv_equal ((const char * const *) phones, tn_contact_get_phones (current)))
    {
      tn_contact_set_emails (result, (const char * const *) emails);
      tn_contact_set_phones (result, (const char * const *) phones);
      *changed = TRUE;
    }

  return result;
}
