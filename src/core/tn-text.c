/* tn-text.c — one place that decides when two pieces of text mean the same:
 * search matching ignores case and accents' composition, emails ignore case and spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-text"

#include "config.h"

#include <string.h>

#include "tn-text.h"

/**
 * tn_text_fold_for_search:
 * @text: (nullable): any UTF-8 text
 *
 * Folds @text so that a substring test on two folded strings is a
 * case-insensitive match that treats composed and decomposed accents alike.
 *
 * Returns: (transfer full): the folded text, "" for %NULL
 */
char *
tn_text_fold_for_search (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized, -1);
}

/**
 * tn_text_normalize_email:
 * @email: (nullable): an email address as a person or a card wrote it
 *
 * Returns: (transfer full) (nullable): the address trimmed and lower-cased,
 *   or %NULL when nothing is left
 */
char *
tn_text_normalize_email (const char *email)
{
  g_autofree char *trimmed = NULL;

  if (email == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (email));
  if (*trimmed == '\0')
    return NULL;

  return g_utf8_strdown (trimmed, -1);
}

/**
 * tn_text_is_plausible_email:
 * @email: (nullable): what a person typed as an email address
 *
 * Catches typing mistakes, not every invalid address: one "@" with text on
 * both sides, a dot in the domain, and no white space.
 *
 * Returns: %TRUE if @email looks like an address
 */
gboolean
tn_text_is_plausible_email (const char *email)
{
  const char *at;

  if (email == NULL || *email == '\0')
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        return FALSE;
    }

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  return strchr (at + 1, '.') != NULL && at[1] != '.' && email[strlen (email) - 1] != '.';
}

/**
 * tn_text_normalize_phone:
 * @phone: (nullable): a phone number as written, "+44 (20) 7946-0958" or "tel:+1-555-0100"
 *
 * Keeps the digits and a leading plus, so that the same number written
 * two ways compares equal.
 *
 * Returns: (transfer full) (nullable): the digits, or %NULL if there are none
 */
char *
tn_text_normalize_phone (const char *phone)
{
  g_autoptr(GString) digits = NULL;

  if (phone == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0)
        g_string_assign (digits, "+");
    }

  if (digits->len == 0 || (digits->len == 1 && digits->str[0] == '+'))
    return NULL;

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * tn_text_clean_line:
 * @text: (nullable): a value for a one-line field
 *
 * Trims surrounding white space. Interior text is kept exactly, so names
 * with quotes, semicolons, emoji or right-to-left marks survive unchanged.
 *
 * Returns: (transfer full) (nullable): the trimmed text, or %NULL when empty
 */
char *
tn_text_clean_line (const char *text)
{
  char *trimmed;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_free (trimmed);
      return NULL;
    }

  return trimmed;
}
