/* tn-contact-uri.c — mailto: and tel: addresses for a contact's email addresses and phone
 * numbers, written so that any mail or phone app reads them as the person typed them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact"

#include "config.h"

#include <glib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-contact-uri.h"

/**
 * tn_contact_uri_for_email:
 * @address: an email address as stored, e.g. "ada@example.org"
 *
 * Returns: (transfer full) (nullable): "mailto:ada@example.org", with what a URI cannot
 *   hold percent-encoded, or %NULL for an address that is blank
 */
char *
tn_contact_uri_for_email (const char *address)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  trimmed = g_strstrip (g_strdup (address));
  if (*trimmed == '\0')
    return NULL;

  /* "@" and the characters allowed in an address's local part stay as they are; "?", "#",
   * "%" and spaces would end or change the URI, so they are encoded (RFC 6068). */
  escaped = g_uri_escape_string (trimmed, "@!$'*+-=^_`{|}~.", FALSE);
  return g_strconcat ("mailto:", escaped, NULL);
}

/* A number without its country ("030 1234567") is dialled where the phone is, so it is
 * handed on as a local number: its digits (and "+", "*", "#"), without the spaces and
 * brackets people write between them. */
static char *
local_phone_uri (const char *number)
{
  GString *uri = g_string_new ("tel:");

  for (const char *c = number; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c) || *c == '*' || (*c == '+' && uri->len == 4))
        g_string_append_c (uri, *c);
      else if (*c == '#')
        g_string_append (uri, "%23");
    }

  if (uri->len == 4)
    {
      g_string_free (uri, TRUE);
      return NULL;
    }

  return g_string_free (uri, FALSE);
}

/**
 * tn_contact_uri_for_phone:
 * @number: a phone number as stored, e.g. "+44 20 7946 0000"
 *
 * A number written with its country code is normalized by EPhoneNumber
 * ("tel:+44-20-7946-0000", extensions as ";ext="); any other number stays local.
 *
 * Returns: (transfer full) (nullable): the tel: URI, or %NULL for a number
 *   without a single digit
 */
char *
tn_contact_uri_for_phone (const char *number)
{
  EPhoneNumber *parsed = NULL;
  EPhoneNumberCountrySource source = E_PHONE_NUMBER_COUNTRY_FROM_DEFAULT;
  char *uri = NULL;

  g_return_val_if_fail (number != NULL, NULL);

  if (e_phone_number_is_supported ())
    parsed = e_phone_number_from_string (number, NULL, NULL);

  if (parsed != NULL)
    {
      e_phone_number_get_country_code (parsed, &source);
      if (source == E_PHONE_NUMBER_COUNTRY_FROM_FQTN)
        uri = e_phone_number_to_string (parsed, E_PHONE_NUMBER_FORMAT_RFC3966);
      e_phone_number_free (parsed);
    }

  return uri != NULL ? uri : local_phone_uri (number);
}
