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

/**
 * tn_text_for_terminal:
 * @text: (nullable): text to print: a contact's field, a message quoting a file
 *
 * @text as a terminal may be given it: every control character (ESC, BEL, a
 * newline, C1 controls) becomes a space and bytes that are not UTF-8 become
 * U+FFFD, so a name read from a vCard can neither send escape sequences to the
 * terminal nor split one line of output in two.
 *
 * Returns: (transfer full): the printable text, "" for %NULL
 */
char *
tn_text_for_terminal (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * tn_text_has_control:
 * @text: a value typed for a one-line field
 * @allow_space: whether tabs and line breaks are allowed (a field that folds them)
 *
 * Whether @text holds a control character: an ESC or BEL typed into a name
 * would reach every terminal and notification that shows it.
 *
 * Returns: %TRUE when @text holds one
 */
gboolean
tn_text_has_control (const char *text,
                     gboolean    allow_space)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allow_space && (c == '\t' || c == '\n' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

/**
 * tn_text_print:
 * @to_stderr: whether the line goes to stderr rather than stdout
 * @format: a printf() format for one line, with or without its final newline
 * @...: the values, some of them data from a database or a file
 *
 * Prints one line of text for a terminal, through tn_text_for_terminal(): every
 * command-line message that shows data goes through here, so no path forgets it.
 */
void
tn_text_print (gboolean    to_stderr,
               const char *format,
               ...)
{
  g_autofree char *line = NULL;
  g_autofree char *printable = NULL;
  va_list args;
  gsize length;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  length = strlen (line);
  if (length > 0 && line[length - 1] == '\n')
    line[length - 1] = '\0';
  printable = tn_text_for_terminal (line);

  if (to_stderr)
    g_printerr ("%s\n", printable);
  else
    g_print ("%s\n", printable);
}
