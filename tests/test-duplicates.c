/* test-duplicates.c — the duplicate rules (keys, phone matching, the index), duplicates
 * recognised on import, and the store's groups of possible duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-duplicates"

#include "config.h"

#include <gio/gio.h>

#include <glib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-duplicates.h"
#include "tn-text.h"
#include "tn-test-import.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

/* ---- The duplicate rules ------------------------------------------------------------ */

static void
test_email_key (void)
{
  static const char * const emails[] = {
    "Ada@Example.ORG", "  ada@example.org\t", "BJØRN@Example.no", "not an address", "ÉLODIE@exemple.fr",
    /* Beyond ASCII without capitals there, lower-cased byte by byte … */
    "josé.anderson.3@Example.ORG", " bjørn@mail.example.net ", "李@例子.中国", "σοφία@Example.gr",
    "a\xcc\x81" "da@EXAMPLE.org",
    /* … and what only g_utf8_strdown() knows: capitals beyond ASCII, a final sigma, the
     * Turkish and Lithuanian I and J, a title-case letter. */
    "ΣΟΦΊΑ@example.gr", "ΟΔΥΣΣΕΑΣ@example.gr", "İstanbul@örnek.tr", "Info@bücher.de", "Jürgen@bücher.de",
    "ǅemal@primjer.hr", "Ünal@örnek.tr", "élodie@EXEMPLE.FR\xef\xbf\xbd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      g_autofree char *key = tn_duplicates_email_key (emails[i]);
      g_autofree char *expected = tn_text_normalize_email (emails[i]);

      /* The same as the emails table's normalized column, which lookups use. */
      g_assert_cmpstr (key, ==, expected);
    }

  g_assert_null (tn_duplicates_email_key (NULL));
  g_assert_null (tn_duplicates_email_key ("   "));
}

static void
test_phone_key (void)
{
  static const struct
  {
    const char *region;
    const char *phone;
    const char *key;
  } cases[] = {
    { "GB", "+44 20 7946 0958", "+442079460958" },
    { "GB", "0044 20 7946 0958", "+442079460958" },
    { "GB", "+44 (0)20 7946 0958", "+442079460958" },
    { "GB", "020 7946 0958", "+442079460958" },
    { "DE", "020 7946 0958", "+492079460958" },
    { "DE", "(0221) 9999123", "+492219999123" },
    { "US", "tel:+1-212-555-0100", "+12125550100" },
    { "US", "(212) 555-0100 ext. 12", "+12125550100" },
    { "US", "+1 555 0100", NULL },  /* 7 digits: a local number */
    { "US", "555 0100", NULL },
    { "DE", "112", NULL },
    { "US", "123456", NULL },
    { "US", "BusinessPhone", NULL },
    { "US", "", NULL },
  };
  static const char * const digits[] = {
    "+44 (20) 7946-0958", "tel:+1-555-0100", "0044 20", "++1 2", "1+2", "+", "abc", "", "  +  33 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = NULL;

      tn_duplicates_set_phone_region (cases[i].region);
      key = tn_duplicates_phone_key (cases[i].phone);
      g_test_message ("%s in %s", cases[i].phone, cases[i].region);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
  tn_duplicates_set_phone_region ("GB");

  /* What the phones table stores, computed without GString, must not differ. */
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      g_autofree char *fast = tn_duplicates_phone_digits (digits[i]);
      g_autofree char *expected = tn_text_normalize_phone (digits[i]);

      g_assert_cmpstr (fast, ==, expected);
    }
}

static void
test_phone_region (void)
{
  g_autofree char *region = NULL;
  g_autofree char *locale_region = e_phone_number_get_default_region (NULL);

  tn_duplicates_set_phone_region ("DE");
  region = tn_duplicates_get_phone_region ();
  g_assert_cmpstr (region, ==, "DE");
  g_clear_pointer (&region, g_free);

  /* NULL goes back to the locale's. */
  tn_duplicates_set_phone_region (NULL);
  region = tn_duplicates_get_phone_region ();
  g_assert_cmpstr (region, ==, locale_region);
  tn_duplicates_set_phone_region ("GB");
}

static void
test_phones_match (void)
{
  static const struct
  {
    const char *region;
    const char *a;
    const char *b;
    gboolean match;
  } cases[] = {
    /* The example: a German number written the German way and the international. */
    { "DE", "(0221) 9999123", "+49 221 9999123", TRUE },
    { "DE", "0221 9999123", "0049 221 9999123", TRUE },
    /* With and without the country code, the trunk 0, "(0)", "00". */
    { "GB", "+44 20 7946 0958", "020 7946 0958", TRUE },
    { "GB", "+44 20 7946 0958", "0044 20 7946 0958", TRUE },
    { "GB", "+44 (0)20 7946 0958", "020 7946 0958", TRUE },
    { "US", "+1 212 555 0100", "(212) 555-0100", TRUE },
    { "US", "+1 212 555 0100", "1-212-555-0100", TRUE },
    { "FR", "+33 1 23 45 67 89", "01 23 45 67 89", TRUE },
    { "US", "tel:+1-212-555-0100", "+1 (212) 555-0100", TRUE },
    /* The region decides what a national number is. */
    { "DE", "+44 20 7946 0958", "020 7946 0958", FALSE },
    /* Another area code, another country. */
    { "US", "+1 212 555 0100", "+1 312 555 0100", FALSE },
    { "GB", "+44 20 7946 0958", "+33 20 7946 0958", FALSE },
    { "US", "212 555 0100", "312 555 0100", FALSE },
    /* Short numbers never match by the rule: only the very same digits, for merging. */
    { "DE", "9999123", "+49 221 9999123", FALSE },
    { "US", "+1 555 0100", "555 0100", FALSE },
    { "US", "555 0100", "555-0100", TRUE },
    { "DE", "112", "+49 112", FALSE },
    { "US", "123456", "123456", TRUE },
    { "US", "123456", "1234567", FALSE },
    { "US", NULL, "123456", FALSE },
    /* No digits at all: only the same text. */
    { "US", "BusinessPhone", "BusinessPhone", TRUE },
    { "US", "BusinessPhone", "HomePhone", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      tn_duplicates_set_phone_region (cases[i].region);
      g_test_message ("%s ~ %s in %s", cases[i].a, cases[i].b, cases[i].region);
      g_assert_cmpint (tn_duplicates_phones_match (cases[i].a, cases[i].b), ==, cases[i].match);
      g_assert_cmpint (tn_duplicates_phones_match (cases[i].b, cases[i].a), ==, cases[i].match);
    }
  tn_duplicates_set_phone_region ("GB");
}

static void
test_url_key (void)
{
  static const struct
  {
    const char *url;
    const char *key;
  } cases[] = {
    { "https://www.linkedin.com/in/ada-lovelace/", "linkedin:ada-lovelace" },
    { "http://linkedin.com/in/Ada-Lovelace", "linkedin:ada-lovelace" },
    { "https://de.linkedin.com/in/ada-lovelace/de", "linkedin:ada-lovelace" },
    { "www.linkedin.com/in/ada-lovelace?trk=people", "linkedin:ada-lovelace" },
    { " https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller ", "linkedin:jörg-müller" },
    /* Not profiles: a company page, another site that ends alike. */
    { "https://www.linkedin.com/company/initech/", "linkedin.com/company/initech" },
    { "https://notlinkedin.com/in/ada", "notlinkedin.com/in/ada" },
    { "HTTPS://WWW.Example.org/", "example.org" },
    { "example.org/ada//", "example.org/ada" },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = tn_duplicates_url_key (cases[i].url);

      g_test_message ("%s", cases[i].url);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_name_key (void)
{
  g_autofree char *ascii = tn_duplicates_name_key ("  Ada LOVELACE ");
  g_autofree char *composed = tn_duplicates_name_key ("Chlo\xc3\xa9 Dubois");
  g_autofree char *decomposed = tn_duplicates_name_key ("CHLOE\xcc\x81 dubois");

  g_assert_cmpstr (ascii, ==, "ada lovelace");
  g_assert_cmpstr (composed, ==, decomposed);
  g_assert_null (tn_duplicates_name_key (" "));
}

static TnDuplicateKeys *
keys_for (const char *uid,
          const char *email,
          const char *phone,
          const char *name)
{
  const char *emails[] = { email, NULL };
  const char *phones[] = { phone, NULL };

  return tn_duplicate_keys_new (uid, emails, phones, name);
}

static void
test_index (void)
{
  g_autoptr(TnDuplicateIndex) index = tn_duplicate_index_new ();
  g_autoptr(TnDuplicateKeys) ada = keys_for ("uid-ada", "ada@example.org", "+44 20 7946 0958", "Ada Lovelace");
  g_autoptr(TnDuplicateKeys) grace = keys_for ("uid-grace", "grace@navy.example", NULL, "Grace Hopper");
  TnDuplicateRule rule;

  g_assert_cmpuint (tn_duplicate_index_add (index, ada, 1), ==, 0);
  g_assert_cmpuint (tn_duplicate_index_add (index, grace, 2), ==, 0);
  tn_duplicate_index_add_uid (index, "uid-removed", 0);

  /* Each rule alone. */
  {
    g_autoptr(TnDuplicateKeys) by_uid = keys_for ("uid-grace", NULL, NULL, "G. Hopper");
    g_autoptr(TnDuplicateKeys) by_email = keys_for (NULL, "GRACE@Navy.Example", NULL, NULL);
    g_autoptr(TnDuplicateKeys) by_phone = keys_for (NULL, NULL, "020 7946 0958", NULL);
    g_autoptr(TnDuplicateKeys) nobody = keys_for ("uid-removed", "nobody@example.org", "+1 555 0100", "Ada Lovelace");
    g_autoptr(TnDuplicateKeys) by_profile = keys_for (NULL, NULL, NULL, NULL);

    g_assert_cmpint (tn_duplicate_index_find (index, by_uid, &rule), ==, 2);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_UID);
    g_assert_cmpint (tn_duplicate_index_find (index, by_email, &rule), ==, 2);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_EMAIL);
    g_assert_cmpint (tn_duplicate_index_find (index, by_phone, &rule), ==, 1);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_PHONE);
    tn_duplicate_index_add_url (index, "https://www.linkedin.com/in/grace-hopper/", 2);
    tn_duplicate_index_add_url (index, "https://navy.example/", 1);
    tn_duplicate_keys_add_urls (by_profile, (const char * const[]) { "https://navy.example", "http://de.linkedin.com/in/Grace-Hopper", NULL });
    g_assert_cmpint (tn_duplicate_index_find (index, by_profile, &rule), ==, 2);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_PROFILE);
    /* A removed contact's uid and a name match nobody. */
    g_assert_cmpint (tn_duplicate_index_find (index, nobody, &rule), ==, 0);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_NONE);
    g_assert_true (tn_duplicate_index_has_uid (index, "uid-removed"));
    g_assert_false (tn_duplicate_index_has_uid (index, "uid-new"));
  }

  /* The order: a uid beats an email address, which beats a phone number. */
  {
    g_autoptr(TnDuplicateKeys) both = keys_for ("uid-ada", "grace@navy.example", NULL, NULL);
    g_autoptr(TnDuplicateKeys) email_and_phone = keys_for (NULL, "grace@navy.example", "+44 20 7946 0958", NULL);

    g_assert_cmpint (tn_duplicate_index_find (index, both, &rule), ==, 1);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_UID);
    g_assert_cmpint (tn_duplicate_index_find (index, email_and_phone, &rule), ==, 2);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_EMAIL);
  }

  /* The oldest contact keeps a shared key; names are counted. */
  tn_duplicate_index_add_email (index, "ada@example.org", 3);
  tn_duplicate_index_add_phone (index, "+44 161 496 0000", 3);
  tn_duplicate_index_add_email (index, "grace@navy.example", 1);
  {
    g_autoptr(TnDuplicateKeys) again = keys_for (NULL, "ADA@example.org", NULL, NULL);
    g_autoptr(TnDuplicateKeys) national = keys_for (NULL, NULL, "0161 496 0000", NULL);
    g_autoptr(TnDuplicateKeys) grace_again = keys_for (NULL, "grace@navy.example", NULL, NULL);

    g_assert_cmpint (tn_duplicate_index_find (index, again, NULL), ==, 1);
    g_assert_cmpint (tn_duplicate_index_find (index, national, NULL), ==, 3);
    g_assert_cmpint (tn_duplicate_index_find (index, grace_again, NULL), ==, 1);
  }
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "ada lovelace"), ==, 1);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Ada Lovelace"), ==, 2);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Alan Turing"), ==, 0);
}

/* Names counted on another index count as if added to this one, whether it had names or not. */
static void
test_index_take_names (void)
{
  g_autoptr(TnDuplicateIndex) index = tn_duplicate_index_new ();
  g_autoptr(TnDuplicateIndex) apart = tn_duplicate_index_new ();
  g_autoptr(TnDuplicateIndex) more = tn_duplicate_index_new ();

  tn_duplicate_index_add_name (apart, "Ada Lovelace");
  tn_duplicate_index_add_name (apart, "ada lovelace");
  tn_duplicate_index_add_name (apart, "Grace Hopper");
  tn_duplicate_index_take_names (index, apart);

  tn_duplicate_index_add_name (more, " Ada Lovelace ");
  tn_duplicate_index_add_name (more, "Alan Turing");
  tn_duplicate_index_take_names (index, more);

  g_assert_cmpuint (tn_duplicate_index_add_name (index, "ADA LOVELACE"), ==, 3);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Grace Hopper"), ==, 1);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Alan Turing"), ==, 1);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Edsger Dijkstra"), ==, 0);
  /* What was taken is no longer counted where it was. */
  g_assert_cmpuint (tn_duplicate_index_add_name (apart, "Grace Hopper"), ==, 0);
  g_assert_cmpuint (tn_duplicate_index_add_name (more, "Alan Turing"), ==, 0);
}

/* ---- On import ---------------------------------------------------------------------- */

static void
test_duplicate_by_uid (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_contact_new ("Ada King");
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_contact_set_uid (ada, "uid-ada");
  g_assert_true (tn_store_add_contact (fixture->store, ada, &error));
  g_assert_no_error (error);

  result = tn_test_import_text (fixture, "ada.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\n"
                                "EMAIL:ada@example.org\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpuint (result->changed_ids->len, ==, 1);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  /* The name is not overwritten; the address is added. */
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada King");
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@example.org", NULL);
}

static void
test_duplicate_by_email (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "Ada@Example.org", NULL);
  g_autoptr(TnImportResult) result = NULL;

  result = tn_test_import_text (fixture, "ada.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Countess of Lovelace\r\n"
                                "EMAIL:  ADA@example.ORG \r\nEMAIL:countess@example.org\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  tn_test_assert_strv (tn_contact_get_emails (ada), "Ada@Example.org", "countess@example.org", NULL);
}

static void
test_duplicate_by_phone (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", NULL, "+44 20 7946 0958");
  g_autoptr(TnContact) grace = tn_test_add_person (fixture->store, "Grace Hopper", NULL, "+1 555 0100");
  g_autoptr(TnImportResult) result = NULL;

  /* The national form of Ada's number matches; Grace's number is too short to. */
  result = tn_test_import_text (fixture, "phones.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A. Lovelace\r\nTEL:020 7946 0958\r\n"
                                "TITLE:Countess\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:G. Hopper\r\nTEL:555 0100\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 3);
  /* Ada gains the empty title, not a second way of writing her number. */
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
  tn_test_assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  tn_test_assert_strv (tn_contact_get_phones (grace), "+1 555 0100", NULL);
}

/* The same name and nothing else in common: two contacts. The importer counts the namesake,
 * but the store does not offer a pair with no second hint (test-possible-duplicates.c). */
static void
test_same_name_not_merged (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  result = tn_test_import_text (fixture, "namesake.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:ada lovelace\r\nEMAIL:other.ada@example.org\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_merged, ==, 0);
  g_assert_cmpuint (result->n_possible_duplicates, ==, 1);
  g_assert_cmpuint (tn_test_file_result (result, 0)->n_possible_duplicates, ==, 1);

  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 3);
  g_assert_nonnull (ada);
  groups = tn_store_list_possible_duplicates (fixture->store);
  g_assert_cmpuint (groups->len, ==, 0);
}

/* Cards of one file that are the same person become one contact. */
static void
test_duplicates_in_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = NULL;
  TnImportFileResult *file;
  TnContact *ada;

  result = tn_test_import_text (fixture, "twice.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada L.\r\nEMAIL:ADA@example.org\r\nTEL:+44 20 7946 0958\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nTEL:020 7946 0958\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n");
  file = tn_test_file_result (result, 0);
  g_assert_cmpuint (file->n_added, ==, 1);
  g_assert_cmpuint (file->n_merged, ==, 1);
  g_assert_cmpuint (file->n_unchanged, ==, 2);
  g_assert_cmpuint (file->n_duplicates_in_file, ==, 3);
  /* A contact this import created is counted as added, not as changed. */
  g_assert_cmpuint (result->changed_ids->len, ==, 0);

  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  ada = tn_test_contact_at (fixture->store, 0);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  tn_test_assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  /* Undoing it takes back the contact with everything merged into it. */
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM batch_changes", "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The numbers below are British: "020 7946 0958" is a London number in the UK only. */
  tn_duplicates_set_phone_region ("GB");

  g_test_add_func ("/duplicates/email-key", test_email_key);
  g_test_add_func ("/duplicates/phone-key", test_phone_key);
  g_test_add_func ("/duplicates/phones-match", test_phones_match);
  g_test_add_func ("/duplicates/phone-region", test_phone_region);
  g_test_add_func ("/duplicates/url-key", test_url_key);
  g_test_add_func ("/duplicates/name-key", test_name_key);
  g_test_add_func ("/duplicates/index", test_index);
  g_test_add_func ("/duplicates/index-take-names", test_index_take_names);

  tn_test_add_store_test ("/importer/duplicate/uid", NOW, test_duplicate_by_uid);
  tn_test_add_store_test ("/importer/duplicate/email", NOW, test_duplicate_by_email);
  tn_test_add_store_test ("/importer/duplicate/phone", NOW, test_duplicate_by_phone);
  tn_test_add_store_test ("/importer/duplicate/same-name-not-merged", NOW, test_same_name_not_merged);
  tn_test_add_store_test ("/importer/duplicate/in-file", NOW, test_duplicates_in_file);

  return g_test_run ();
}
