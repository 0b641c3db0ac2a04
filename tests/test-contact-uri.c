/* test-contact-uri.c — the mailto: and tel: addresses the contact pane hands to the
 * desktop: what a person stored, readable by any mail or phone app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-contact-uri.h"

static void
test_email (void)
{
  struct { const char *address; const char *uri; } cases[] = {
    { "ada@example.org", "mailto:ada@example.org" },
    { "  grace@navy.example ", "mailto:grace@navy.example" },
    { "o'brien+news@example.ie", "mailto:o'brien+news@example.ie" },
    /* What would end the address or start a query or fragment is encoded. */
    { "odd?name#1%@example.org", "mailto:odd%3Fname%231%25@example.org" },
    { "zoë@bücher.example", "mailto:zo%C3%AB@b%C3%BCcher.example" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = tn_contact_uri_for_email (cases[i].address);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }

  g_assert_null (tn_contact_uri_for_email (""));
  g_assert_null (tn_contact_uri_for_email ("   "));
}

static void
test_phone (void)
{
  struct { const char *number; const char *uri; } cases[] = {
    /* With its country: EPhoneNumber's RFC 3966 form. */
    { "+44 20 7946 0000", "tel:+44-20-7946-0000" },
    { "+1 (555) 010-9999", "tel:+1-555-010-9999" },
    /* Without: a local number, dialled where the phone is. */
    { "030 1234567", "tel:0301234567" },
    { "(555) 010-9999", "tel:5550109999" },
    { "*31# 0800 123", "tel:*31%230800123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = tn_contact_uri_for_phone (cases[i].number);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }

  g_assert_null (tn_contact_uri_for_phone ("ask at the front desk"));
  g_assert_null (tn_contact_uri_for_phone (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-uri/email", test_email);
  g_test_add_func ("/contact-uri/phone", test_phone);

  return g_test_run ();
}
