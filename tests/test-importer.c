/* test-importer.c — issue 3's core: the duplicate rules, importing vCard files into a real
 * temporary database (sync and async, merge, undo, cancel, refusals), the store's new
 * list operations, and export → import round trips on every file of tests/data/vcards/real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-importer"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-duplicates.h"
#include "tn-exporter.h"
#include "tn-importer.h"
#include "tn-store.h"
#include "tn-text.h"
#include "tn-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

#define NOW "2026-11-24T09:00:00Z"

/* The first bytes of a PNG image, as in a photo renamed contacts.vcf. */
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

typedef struct
{
  char *dir;  /* a fresh temporary folder, removed afterwards */
  char *path; /* the database */
  TnStore *store;
} Fixture;

static TnStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  TnStore *store = tn_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (TN_IS_STORE (store));
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  fixture->dir = g_dir_make_tmp ("test-importer-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "trustnet.db", NULL);
  fixture->store = open_store (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  tn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_unsetenv ("TRUSTNET_NOW");
}

/* ---- Helpers ------------------------------------------------------------------------ */

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports the files (NULL-terminated paths) synchronously; the import must succeed. */
static TnImportResult *
import_paths (TnStore    *store,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TnImportResult *result;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (args);

  result = tn_importer_import (store, (GFile **) files->pdata, files->len, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static TnImportResult *
import_text (Fixture    *fixture,
             const char *name,
             const char *text)
{
  g_autofree char *path = write_file (fixture, name, text, -1);

  return import_paths (fixture->store, path, NULL);
}

static TnImportFileResult *
file_result (TnImportResult *result,
             guint           index)
{
  g_assert_cmpuint (index, <, result->files->len);
  return g_ptr_array_index (result->files, index);
}

static guint
n_contacts (TnStore *store)
{
  return g_list_model_get_n_items (tn_store_get_contacts (store));
}

/* The contact at @index of the list; the list holds a reference. */
static TnContact *
contact_at (TnStore *store,
            guint    index)
{
  g_autoptr(TnContact) contact = g_list_model_get_item (tn_store_get_contacts (store), index);

  g_assert_nonnull (contact);
  return contact;
}

static TnContact *
lookup (TnStore    *store,
        const char *who)
{
  g_autoptr(GError) error = NULL;
  TnContact *contact = tn_store_lookup (store, who, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

/* Returns: (transfer full): the new contact, in the store's list */
static TnContact *
add_contact (TnStore    *store,
             const char *full_name,
             const char *email,
             const char *phone)
{
  g_autoptr(TnContact) contact = tn_contact_new (full_name);
  g_autoptr(GError) error = NULL;
  const char *emails[] = { email, NULL };
  const char *phones[] = { phone, NULL };

  tn_contact_set_emails (contact, emails);
  tn_contact_set_phones (contact, phones);
  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contact);
}

static void
assert_strv (const char * const *strv,
             ...)
{
  va_list args;
  const char *expected;
  guint i = 0;

  va_start (args, strv);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (strv[i]);
      g_assert_cmpstr (strv[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_null (strv[i]);
}

static void
assert_query (const char *path,
              const char *sql,
              const char *expected)
{
  g_autofree char *result = tn_test_sqlite (path, sql);

  g_assert_cmpstr (result, ==, expected);
}

/* ---- The duplicate rules ------------------------------------------------------------ */

static void
test_email_key (void)
{
  static const char * const emails[] = {
    "Ada@Example.ORG", "  ada@example.org\t", "BJØRN@Example.no", "not an address", "ÉLODIE@exemple.fr",
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
    const char *phone;
    const char *key;
    gboolean international;
  } cases[] = {
    { "+44 20 7946 0958", "442079460958", TRUE },
    { "0044 20 7946 0958", "442079460958", TRUE },
    { "+44 (0)20 7946 0958", "442079460958", TRUE },
    { "020 7946 0958", "2079460958", FALSE },
    { "tel:+1-212-555-0100", "12125550100", TRUE },
    { "(212) 555-0100 ext. 12", "2125550100", FALSE },
    { "+1 555 0100", NULL, FALSE },  /* 8 digits: a local number */
    { "555 0100", NULL, FALSE },
    { "123456", NULL, FALSE },
    { "", NULL, FALSE },
  };
  static const char * const digits[] = {
    "+44 (20) 7946-0958", "tel:+1-555-0100", "0044 20", "++1 2", "1+2", "+", "abc", "", "  +  33 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean international = !cases[i].international;
      g_autofree char *key = tn_duplicates_phone_key (cases[i].phone, &international);

      g_test_message ("%s", cases[i].phone);
      g_assert_cmpstr (key, ==, cases[i].key);
      g_assert_cmpint (international, ==, cases[i].international);
    }

  /* What the phones table stores, computed without GString, must not differ. */
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      g_autofree char *fast = tn_duplicates_phone_digits (digits[i]);
      g_autofree char *expected = tn_text_normalize_phone (digits[i]);

      g_assert_cmpstr (fast, ==, expected);
    }
}

static void
test_phones_match (void)
{
  static const struct
  {
    const char *a;
    const char *b;
    gboolean match;
  } cases[] = {
    /* With and without the country code, the trunk 0, "(0)", "00". */
    { "+44 20 7946 0958", "020 7946 0958", TRUE },
    { "+44 20 7946 0958", "0044 20 7946 0958", TRUE },
    { "+44 (0)20 7946 0958", "020 7946 0958", TRUE },
    { "+1 212 555 0100", "(212) 555-0100", TRUE },
    { "+1 212 555 0100", "1-212-555-0100", TRUE },
    { "+33 1 23 45 67 89", "01 23 45 67 89", TRUE },
    { "tel:+1-212-555-0100", "+1 (212) 555-0100", TRUE },
    /* Another area code, another country. */
    { "+1 212 555 0100", "+1 312 555 0100", FALSE },
    { "+44 20 7946 0958", "+33 20 7946 0958", FALSE },
    { "212 555 0100", "312 555 0100", FALSE },
    /* Too short for the rule: only the very same digits. */
    { "+1 555 0100", "555 0100", FALSE },
    { "555 0100", "555-0100", TRUE },
    { "123456", "123456", TRUE },
    { "123456", "1234567", FALSE },
    { NULL, "123456", FALSE },
    /* No digits at all: only the same text. */
    { "BusinessPhone", "BusinessPhone", TRUE },
    { "BusinessPhone", "HomePhone", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s ~ %s", cases[i].a, cases[i].b);
      g_assert_cmpint (tn_duplicates_phones_match (cases[i].a, cases[i].b), ==, cases[i].match);
      g_assert_cmpint (tn_duplicates_phones_match (cases[i].b, cases[i].a), ==, cases[i].match);
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

    g_assert_cmpint (tn_duplicate_index_find (index, by_uid, &rule), ==, 2);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_UID);
    g_assert_cmpint (tn_duplicate_index_find (index, by_email, &rule), ==, 2);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_EMAIL);
    g_assert_cmpint (tn_duplicate_index_find (index, by_phone, &rule), ==, 1);
    g_assert_cmpint (rule, ==, TN_DUPLICATE_RULE_PHONE);
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
  tn_duplicate_index_add_phone (index, "+1 (212) 555-0100", 3);
  tn_duplicate_index_add_email (index, "grace@navy.example", 1);
  {
    g_autoptr(TnDuplicateKeys) again = keys_for (NULL, "ADA@example.org", NULL, NULL);
    g_autoptr(TnDuplicateKeys) national = keys_for (NULL, NULL, "212-555-0100", NULL);
    g_autoptr(TnDuplicateKeys) grace_again = keys_for (NULL, "grace@navy.example", NULL, NULL);

    g_assert_cmpint (tn_duplicate_index_find (index, again, NULL), ==, 1);
    g_assert_cmpint (tn_duplicate_index_find (index, national, NULL), ==, 3);
    g_assert_cmpint (tn_duplicate_index_find (index, grace_again, NULL), ==, 1);
  }
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "ada lovelace"), ==, 1);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Ada Lovelace"), ==, 2);
  g_assert_cmpuint (tn_duplicate_index_add_name (index, "Alan Turing"), ==, 0);
}

/* ---- The contact's new fields -------------------------------------------------------- */

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_contact_fields (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) copy = NULL;
  g_autofree char *given = NULL;
  guint n_notify = 0;

  g_signal_connect_swapped (contact, "notify::given-name", G_CALLBACK (count_cb), &n_notify);
  tn_contact_set_given_name (contact, "Ada");
  tn_contact_set_given_name (contact, "Ada");
  g_assert_cmpuint (n_notify, ==, 1);
  tn_contact_set_family_name (contact, "  ");
  g_assert_cmpstr (tn_contact_get_family_name (contact), ==, "  ");
  tn_contact_set_family_name (contact, "");
  g_assert_null (tn_contact_get_family_name (contact));
  tn_contact_set_family_name (contact, "Lovelace");
  tn_contact_set_birthday (contact, "--12-10");
  tn_contact_set_vcard (contact, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n");

  g_object_get (contact, "given-name", &given, NULL);
  g_assert_cmpstr (given, ==, "Ada");

  copy = tn_contact_copy (contact);
  g_assert_cmpstr (tn_contact_get_given_name (copy), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_family_name (copy), ==, "Lovelace");
  g_assert_cmpstr (tn_contact_get_birthday (copy), ==, "--12-10");
  g_assert_cmpstr (tn_contact_get_vcard (copy), ==, tn_contact_get_vcard (contact));
}

static void
test_store_keeps_new_fields (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *reread;

  tn_contact_set_given_name (ada, "Ada");
  tn_contact_set_family_name (ada, "Lovelace");
  tn_contact_set_birthday (ada, "1815-12-10");
  g_assert_true (tn_store_add_contact (fixture->store, ada, &error));
  g_assert_no_error (error);

  draft = tn_contact_copy (ada);
  tn_contact_set_birthday (draft, "--12-10");
  tn_contact_set_given_name (draft, "Augusta Ada");
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  fixture->store = open_store (fixture->path);
  reread = contact_at (fixture->store, 0);
  g_assert_cmpstr (tn_contact_get_given_name (reread), ==, "Augusta Ada");
  g_assert_cmpstr (tn_contact_get_family_name (reread), ==, "Lovelace");
  g_assert_cmpstr (tn_contact_get_birthday (reread), ==, "--12-10");
  g_assert_null (tn_contact_get_vcard (reread));
}

/* A database written by schema 1 gains the import tables and keeps its contacts. */
/* A store opened without its list, as the command line's import does. */
static void
test_open_without_contacts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnStore) bare = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "ada.vcf", "BEGIN:VCARD\r\nFN:Ada\r\nEMAIL:ada@example.org\r\nTITLE:Countess\r\nEND:VCARD\r\n", -1);
  GFile *files[1];

  bare = tn_store_open_full (fixture->path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_contacts (bare), ==, 0);

  /* The importer still finds Ada in the database. */
  file = g_file_new_for_path (path);
  files[0] = file;
  result = tn_importer_import (bare, files, 1, TN_IMPORT_FLAGS_NO_REFRESH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpuint (n_contacts (bare), ==, 0);
  assert_query (fixture->path, "SELECT title FROM contacts", "Countess");
}

static void
test_migration_from_v1 (void)
{
  static const char v1[] =
    "CREATE TABLE contacts (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL,"
    " given_name TEXT, family_name TEXT, organization TEXT, title TEXT, note TEXT, birthday TEXT,"
    " trust INTEGER NOT NULL DEFAULT 0 CHECK (trust BETWEEN 0 AND 3), created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL, removed_at INTEGER, vcard TEXT);"
    "CREATE INDEX contacts_full_name ON contacts (full_name);"
    "CREATE TABLE emails (contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, value TEXT NOT NULL, normalized TEXT NOT NULL, kind TEXT,"
    " PRIMARY KEY (contact_id, position));"
    "CREATE INDEX emails_normalized ON emails (normalized);"
    "CREATE TABLE phones (contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, value TEXT NOT NULL, normalized TEXT, kind TEXT,"
    " PRIMARY KEY (contact_id, position));"
    "CREATE INDEX phones_normalized ON phones (normalized);"
    "CREATE TABLE interactions (id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts (id)"
    " ON DELETE CASCADE, kind TEXT NOT NULL, happened_on TEXT NOT NULL, one_on_one INTEGER NOT NULL DEFAULT 1,"
    " gave_value INTEGER NOT NULL DEFAULT 0, note TEXT);"
    "CREATE TABLE trust_changes (id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts (id)"
    " ON DELETE CASCADE, trust INTEGER NOT NULL, changed_at INTEGER NOT NULL);"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    "INSERT INTO contacts (uid, full_name, given_name, birthday, trust, created_at, updated_at)"
    " VALUES ('uid-ada', 'Ada Lovelace', 'Ada', '1815-12-10', 1, 1, 1);"
    "INSERT INTO emails VALUES (1, 0, 'ada@example.org', 'ada@example.org', NULL);"
    "PRAGMA user_version = 1;";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-importer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(TnStore) store = NULL;
  g_autofree char *result = tn_test_sqlite (path, v1);
  TnContact *ada;

  store = open_store (path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (n_contacts (store), ==, 1);
  ada = contact_at (store, 0);
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "1815-12-10");
  assert_query (path, "SELECT count (*) FROM contacts WHERE batch_id IS NULL", "1");
  assert_query (path, "SELECT count (*) FROM import_batches", "0");

  g_clear_object (&store);
  tn_test_remove_tree (dir);
}

/* ---- Reading a file card by card ----------------------------------------------------- */

typedef struct
{
  GPtrArray *names;
  guint last_index;
  guint n_cards;
  guint stop_after;
} Streamed;

static gboolean
on_card_cb (TnVcardCard *card,
            guint        index,
            guint        n_cards,
            gpointer     user_data)
{
  Streamed *streamed = user_data;

  g_ptr_array_add (streamed->names, g_strdup (card->full_name));
  streamed->last_index = index;
  streamed->n_cards = n_cards;
  tn_vcard_card_free (card);

  return streamed->names->len < streamed->stop_after;
}

static void
test_parse_file_foreach (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "three.vcf",
                                      "BEGIN:VCARD\nFN:Ada\nEND:VCARD\n"
                                      "BEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n"
                                      "BEGIN:VCARD\nFN:Grace\nEND:VCARD\n", -1);
  g_autofree char *photo = write_file (fixture, "photo.vcf", png, sizeof png - 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  Streamed streamed = { g_ptr_array_new_with_free_func (g_free), 0, 0, G_MAXUINT };
  guint n_skipped = 0;

  /* Every card in order, told where it is among all of them; the skipped one counted. */
  g_assert_true (tn_vcard_parse_file_foreach (file, on_card_cb, &streamed, &problems, &n_skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (streamed.names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (streamed.names, 0), ==, "Ada");
  g_assert_cmpstr (g_ptr_array_index (streamed.names, 1), ==, "Grace");
  g_assert_cmpuint (streamed.last_index, ==, 2);
  g_assert_cmpuint (streamed.n_cards, ==, 3);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The callback can stop it. */
  g_ptr_array_set_size (streamed.names, 0);
  streamed.stop_after = 1;
  g_assert_false (tn_vcard_parse_file_foreach (file, on_card_cb, &streamed, &problems, &n_skipped, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (streamed.names->len, ==, 1);
  g_assert_null (problems);
  g_clear_error (&error);

  /* A refused file is refused before any card. */
  g_ptr_array_set_size (streamed.names, 0);
  g_assert_false (tn_vcard_parse_file_foreach (photo_file, on_card_cb, &streamed, NULL, NULL, NULL, &error));
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_assert_cmpuint (streamed.names->len, ==, 0);

  g_ptr_array_unref (streamed.names);
}

/* ---- Importing ---------------------------------------------------------------------- */

static const char three_cards[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
  "ORG:Analytical Engines;Research\r\nTITLE:Countess\r\nNOTE:Wrote the first program\r\n"
  "BDAY:1815-12-10\r\nEMAIL;TYPE=INTERNET:ada@example.org\r\nTEL;TYPE=CELL:+44 20 7946 0958\r\n"
  "X-SOCIAL:@ada\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Turing;Alan\r\nTEL;CELL:+1 212 555 0100\r\nEND:VCARD\r\n";

static void
test_import_basic (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = import_text (fixture, "three.vcf", three_cards);
  TnImportFileResult *file = file_result (result, 0);
  TnContact *ada, *alan;

  g_assert_no_error (file->error);
  g_assert_cmpstr (file->name, ==, "three.vcf");
  g_assert_cmpint (file->batch_id, >, 0);
  g_assert_cmpuint (file->n_added, ==, 3);
  g_assert_cmpuint (file->n_merged + file->n_unchanged + file->n_skipped, ==, 0);
  g_assert_cmpuint (file->problems->len, ==, 0);
  g_assert_cmpuint (result->n_added, ==, 3);
  g_assert_cmpuint (result->n_refused, ==, 0);
  g_assert_cmpuint (result->added_ids->len, ==, 3);

  /* The list shows them at once, with every field. */
  g_assert_cmpuint (n_contacts (fixture->store), ==, 3);
  ada = lookup (fixture->store, "ada@example.org");
  g_assert_cmpstr (tn_contact_get_uid (ada), ==, "uid-ada");
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_family_name (ada), ==, "Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
  g_assert_cmpstr (tn_contact_get_note (ada), ==, "Wrote the first program");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "1815-12-10");
  assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  g_assert_nonnull (strstr (tn_contact_get_vcard (ada), "X-SOCIAL:@ada"));
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_UNRATED);

  /* A card without UID gets one, derived from the card; the name of a card without FN
   * comes from N. */
  alan = contact_at (fixture->store, 2);
  g_assert_cmpstr (tn_contact_get_full_name (alan), ==, "Alan Turing");
  g_assert_true (g_uuid_string_is_valid (tn_contact_get_uid (alan)));
  g_assert_cmpstr (tn_contact_get_uid (alan), !=, tn_contact_get_uid (contact_at (fixture->store, 1)));

  /* The same in the database, with the batch. */
  g_clear_object (&fixture->store);
  fixture->store = open_store (fixture->path);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 3);
  assert_query (fixture->path, "SELECT file_name, n_added, n_merged, n_unchanged, n_skipped, undone_at IS NULL FROM import_batches",
                "three.vcf|3|0|0|0|1");
  assert_query (fixture->path, "SELECT count (*) FROM contacts WHERE batch_id = 1", "3");
  assert_query (fixture->path, "SELECT normalized FROM phones ORDER BY contact_id", "+442079460958\n+12125550100");
}

typedef struct
{
  GMainLoop *loop;
  TnImportResult *result;
  GError *error;
  GCancellable *cancel_on_progress;
  guint n_progress;
  double last_fraction;
  guint last_n_cards;
  guint n_items_added;
  gboolean done;
} AsyncImport;

static void
on_progress_cb (double   fraction,
                guint    n_cards,
                gpointer user_data)
{
  AsyncImport *state = user_data;

  g_assert_false (state->done);
  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_cmpuint (n_cards, >=, state->last_n_cards);
  state->last_fraction = fraction;
  state->last_n_cards = n_cards;
  state->n_progress++;

  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncImport *state = user_data;

  state->result = tn_importer_import_finish (TN_STORE (source), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  AsyncImport *state = user_data;

  /* Only once the import is over, on this thread. */
  g_assert_false (state->done);
  state->n_items_added += added;
}

static void
import_async (TnStore      *store,
              const char   *path,
              GCancellable *cancellable,
              AsyncImport  *state)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  state->loop = g_main_loop_new (NULL, FALSE);
  tn_importer_import_async (store, files, 1, TN_IMPORT_FLAGS_NONE, cancellable,
                            on_progress_cb, state, NULL, on_import_done_cb, state);
  g_main_loop_run (state->loop);
  g_clear_pointer (&state->loop, g_main_loop_unref);
}

/* "Card N" cards, every @dup_every'th repeating the email of the one before. */
static char *
many_cards (guint n,
            guint dup_every)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      guint person = dup_every > 0 && i % dup_every == dup_every - 1 ? i - 1 : i;

      g_string_append_printf (text,
                              "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nN:%u;Person;;;\r\n"
                              "EMAIL;TYPE=INTERNET:person.%u@example.org\r\nTEL:+1 555 %04u\r\n"
                              "ORG:Company %u\r\nNOTE:Card %u\\, with a note\r\nEND:VCARD\r\n",
                              person, person, person, i % 10000, i % 7, i);
    }

  return g_string_free (text, FALSE);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *text = many_cards (3000, 10);
  g_autofree char *path = write_file (fixture, "many.vcf", text, -1);
  AsyncImport state = { 0 };
  TnImportFileResult *file;

  g_signal_connect (tn_store_get_contacts (fixture->store), "items-changed", G_CALLBACK (on_items_changed_cb), &state);
  import_async (fixture->store, path, NULL, &state);
  g_signal_handlers_disconnect_by_func (tn_store_get_contacts (fixture->store), on_items_changed_cb, &state);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.result);
  file = file_result (state.result, 0);
  g_assert_cmpuint (file->n_added, ==, 2700);
  g_assert_cmpuint (file->n_merged + file->n_unchanged, ==, 300);
  g_assert_cmpuint (file->n_duplicates_in_file, ==, 300);
  g_assert_cmpuint (state.n_items_added, ==, 2700);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 2700);
  g_assert_cmpuint (state.n_progress, >=, 1);

  tn_import_result_free (state.result);
}

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

  result = import_text (fixture, "ada.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\n"
                        "EMAIL:ada@example.org\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpuint (result->changed_ids->len, ==, 1);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 1);
  /* The name is not overwritten; the address is added. */
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada King");
  assert_strv (tn_contact_get_emails (ada), "ada@example.org", NULL);
}

static void
test_duplicate_by_email (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "Ada@Example.org", NULL);
  g_autoptr(TnImportResult) result = NULL;

  result = import_text (fixture, "ada.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Countess of Lovelace\r\n"
                        "EMAIL:  ADA@example.ORG \r\nEMAIL:countess@example.org\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  assert_strv (tn_contact_get_emails (ada), "Ada@Example.org", "countess@example.org", NULL);
}

static void
test_duplicate_by_phone (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", NULL, "+44 20 7946 0958");
  g_autoptr(TnContact) grace = add_contact (fixture->store, "Grace Hopper", NULL, "+1 555 0100");
  g_autoptr(TnImportResult) result = NULL;

  /* The national form of Ada's number matches; Grace's number is too short to. */
  result = import_text (fixture, "phones.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A. Lovelace\r\nTEL:020 7946 0958\r\n"
                        "TITLE:Countess\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:G. Hopper\r\nTEL:555 0100\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 3);
  /* Ada gains the empty title, not a second way of writing her number. */
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
  assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  assert_strv (tn_contact_get_phones (grace), "+1 555 0100", NULL);
}

/* The same name and nothing else in common: two contacts, listed as possible duplicates. */
static void
test_same_name_not_merged (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  GPtrArray *group;

  result = import_text (fixture, "namesake.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:ada lovelace\r\nEMAIL:other.ada@example.org\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_merged, ==, 0);
  g_assert_cmpuint (result->n_possible_duplicates, ==, 1);
  g_assert_cmpuint (file_result (result, 0)->n_possible_duplicates, ==, 1);

  groups = tn_store_list_possible_duplicates (fixture->store);
  g_assert_cmpuint (groups->len, ==, 1);
  group = g_ptr_array_index (groups, 0);
  g_assert_cmpuint (group->len, ==, 2);
  g_assert_true (g_ptr_array_index (group, 0) == ada);
  g_assert_cmpstr (tn_contact_get_full_name (g_ptr_array_index (group, 1)), ==, "ada lovelace");
}

/* A merge adds and fills; it never overwrites, the rating included. */
static void
test_merge_never_overwrites (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "ada@example.org", "+44 20 7946 0958");
  g_autoptr(TnContact) draft = tn_contact_copy (ada);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_contact_set_organization (draft, "Analytical Engines");
  tn_contact_set_trust (draft, TN_TRUST_MODERATELY);
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  result = import_text (fixture, "ada.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-uid\r\nFN:Augusta Ada King\r\nN:King;Augusta Ada;;;\r\n"
                        "ORG:Babbage & Co\r\nTITLE:Mathematician\r\nBDAY:--12-10\r\nX-TRUSTNET-TRUST:3\r\n"
                        "EMAIL:ada@example.org\r\nEMAIL:countess@example.org\r\nTEL:+44 20 7946 0958\r\n"
                        "TEL:+44 20 7946 0000\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_merged, ==, 1);

  g_assert_cmpstr (tn_contact_get_uid (ada), !=, "card-uid");
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_MODERATELY);
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Mathematician");
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Augusta Ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "--12-10");
  g_assert_nonnull (tn_contact_get_vcard (ada));
  assert_strv (tn_contact_get_emails (ada), "ada@example.org", "countess@example.org", NULL);
  assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", "+44 20 7946 0000", NULL);
  /* The rating history did not move. */
  assert_query (fixture->path, "SELECT group_concat (trust) FROM trust_changes", "2");
}

/* Cards of one file that are the same person become one contact. */
static void
test_duplicates_in_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = NULL;
  TnImportFileResult *file;
  TnContact *ada;

  result = import_text (fixture, "twice.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada L.\r\nEMAIL:ADA@example.org\r\nTEL:+44 20 7946 0958\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nTEL:020 7946 0958\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n");
  file = file_result (result, 0);
  g_assert_cmpuint (file->n_added, ==, 1);
  g_assert_cmpuint (file->n_merged, ==, 1);
  g_assert_cmpuint (file->n_unchanged, ==, 2);
  g_assert_cmpuint (file->n_duplicates_in_file, ==, 3);
  /* A contact this import created is counted as added, not as changed. */
  g_assert_cmpuint (result->changed_ids->len, ==, 0);

  g_assert_cmpuint (n_contacts (fixture->store), ==, 1);
  ada = contact_at (fixture->store, 0);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  /* Undoing it takes back the contact with everything merged into it. */
  assert_query (fixture->path, "SELECT count (*) FROM batch_changes", "1");
}

/* Importing the same file again changes nothing at all. */
static void
test_reimport_changes_nothing (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "three.vcf", three_cards, -1);
  g_autoptr(TnImportResult) first = import_paths (fixture->store, path, NULL);
  g_autoptr(TnImportResult) second = NULL;
  g_autofree char *before = tn_test_dump (fixture->path);
  g_autofree char *after = NULL;
  TnImportFileResult *file;

  second = import_paths (fixture->store, path, NULL);
  file = file_result (second, 0);
  g_assert_cmpuint (file->n_added, ==, 0);
  g_assert_cmpuint (file->n_merged, ==, 0);
  g_assert_cmpuint (file->n_unchanged, ==, 3);
  g_assert_cmpint (file->batch_id, ==, 0);
  g_assert_cmpuint (second->changed_ids->len, ==, 0);

  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 3);
}

/* A card with a name and nothing else to match on: the same card again is still found,
 * by the uid derived from it; another card with the same name is someone else. */
static void
test_reimport_name_only (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char ada[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n";
  static const char other_ada[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nNOTE:the other one\r\nEND:VCARD\r\n";
  g_autoptr(TnImportResult) first = import_text (fixture, "ada.vcf", ada);
  g_autoptr(TnImportResult) again = import_text (fixture, "ada-again.vcf", ada);
  g_autoptr(TnImportResult) other = import_text (fixture, "other-ada.vcf", other_ada);
  g_autoptr(TnImportResult) twice = NULL;
  g_autofree char *both = g_strconcat (ada, ada, NULL);

  g_assert_cmpuint (first->n_added, ==, 1);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 1);
  g_assert_cmpuint (other->n_added, ==, 1);
  g_assert_cmpuint (other->n_possible_duplicates, ==, 1);

  /* Twice in one file is one card, too. */
  twice = import_text (fixture, "twice.vcf", both);
  g_assert_cmpuint (twice->n_added + twice->n_merged, ==, 0);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 2);
}

static void
test_problems_have_lines (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = NULL;
  TnImportFileResult *file;
  gboolean skipped_seen = FALSE;

  result = import_text (fixture, "broken.vcf",
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD\n"
                        "stray text\n"
                        "BEGIN:VCARD\nVERSION:3.0\nNOTE:nobody\nEND:VCARD\n"
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Grace Hopper\nEND:VCARD\n");
  file = file_result (result, 0);
  g_assert_no_error (file->error);
  g_assert_cmpuint (file->n_added, ==, 2);
  g_assert_cmpuint (file->n_skipped, ==, 1);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_assert_cmpuint (file->problems->len, ==, 2);

  for (guint i = 0; i < file->problems->len; i++)
    {
      TnVcardProblem *problem = g_ptr_array_index (file->problems, i);

      g_assert_true (problem->line == 5 || problem->line == 6);
      if (problem->line == 6)
        {
          g_assert_true (problem->card_skipped);
          skipped_seen = TRUE;
        }
    }
  g_assert_true (skipped_seen);
  assert_query (fixture->path, "SELECT n_added, n_skipped FROM import_batches", "2|1");
}

/* A file that is not a vCard file writes nothing, alone or beside a good one. */
static void
test_not_a_vcard (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *photo = write_file (fixture, "photo.vcf", png, sizeof png - 1);
  g_autofree char *empty = write_file (fixture, "empty.vcf", "", 0);
  g_autofree char *good = write_file (fixture, "good.vcf", three_cards, -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnImportResult) mixed = NULL;

  before = tn_test_dump (fixture->path);
  result = import_paths (fixture->store, photo, empty, NULL);
  g_assert_cmpuint (result->n_refused, ==, 2);
  g_assert_error (file_result (result, 0)->error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_assert_cmpstr (file_result (result, 0)->error->message, ==, "“photo.vcf” is a PNG image, not a vCard file.");
  g_assert_error (file_result (result, 1)->error, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY);
  g_assert_cmpint (file_result (result, 0)->batch_id, ==, 0);
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 0);

  /* Each file its own batch: the good one is imported, the refused one leaves nothing. */
  mixed = import_paths (fixture->store, photo, good, NULL);
  g_assert_cmpuint (mixed->n_refused, ==, 1);
  g_assert_cmpuint (mixed->n_added, ==, 3);
  g_assert_cmpint (file_result (mixed, 0)->batch_id, ==, 0);
  g_assert_cmpint (file_result (mixed, 1)->batch_id, >, 0);
  assert_query (fixture->path, "SELECT group_concat (file_name) FROM import_batches", "good.vcf");
}

/* A contact removed with undo offered keeps its uid until it is purged: a card with that
 * uid is someone new, under a uid of its own. */
static void
test_removed_contact_uid (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_contact_set_uid (ada, "uid-ada");
  g_assert_true (tn_store_add_contact (fixture->store, ada, &error));
  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));
  g_assert_no_error (error);

  result = import_text (fixture, "ada.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 1);
  g_assert_cmpstr (tn_contact_get_uid (contact_at (fixture->store, 0)), !=, "uid-ada");

  /* And the removed one can still come back. */
  g_assert_true (tn_store_restore_contact (fixture->store, ada, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 2);
}

/* ---- Undo --------------------------------------------------------------------------- */

static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TnContact) grace = add_contact (fixture->store, "Grace Hopper", "grace@navy.example", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;
  gint64 batch;

  result = import_text (fixture, "three.vcf", three_cards);
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpstr (tn_contact_get_organization (grace), ==, NULL);
  batch = file_result (result, 0)->batch_id;

  /* Grace gains nothing from her card but is matched; make her card add something. */
  g_clear_pointer (&result, tn_import_result_free);
  result = import_text (fixture, "grace.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\n"
                        "EMAIL:amazing.grace@example.org\r\nORG:US Navy\r\nTEL:+1 212 555 0199\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_merged, ==, 1);
  assert_strv (tn_contact_get_emails (grace), "grace@navy.example", "amazing.grace@example.org", NULL);
  g_assert_cmpstr (tn_contact_get_organization (grace), ==, "US Navy");

  g_signal_connect_swapped (tn_store_get_contacts (fixture->store), "items-changed", G_CALLBACK (count_cb), &n_removed);

  /* The second import: Grace is un-merged, exactly. */
  g_assert_true (tn_store_undo_import (fixture->store, file_result (result, 0)->batch_id, &error));
  g_assert_no_error (error);
  assert_strv (tn_contact_get_emails (grace), "grace@navy.example", NULL);
  assert_strv (tn_contact_get_phones (grace), NULL);
  g_assert_null (tn_contact_get_organization (grace));
  /* The card the first import gave her stays, until that import is undone. */
  g_assert_nonnull (tn_contact_get_vcard (grace));

  /* The first: the contacts it made go; the vCard it gave Grace too. */
  g_assert_true (tn_store_undo_import (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 1);
  g_assert_true (contact_at (fixture->store, 0) == grace);
  g_assert_cmpuint (n_removed, >=, 2);
  g_assert_null (tn_contact_get_vcard (grace));

  /* In the database: Grace as she was before either import. */
  assert_query (fixture->path, "SELECT full_name, organization IS NULL, vcard IS NULL, batch_id IS NULL FROM contacts",
                "Grace Hopper|1|1|1");
  assert_query (fixture->path, "SELECT group_concat (value) FROM emails", "grace@navy.example");
  assert_query (fixture->path, "SELECT count (*) FROM phones", "0");
  assert_query (fixture->path, "SELECT count (*) FROM batch_changes", "0");
  assert_query (fixture->path, "SELECT count (*) FROM import_batches WHERE undone_at IS NOT NULL", "2");

  /* Once only, and only what exists. */
  g_assert_false (tn_store_undo_import (fixture->store, batch, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tn_store_undo_import (fixture->store, 999, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
}

/* What the person did since the import stays: a contact they rated, a field they edited. */
static void
test_undo_keeps_edits (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TnContact) grace = add_contact (fixture->store, "Grace Hopper", "grace@navy.example", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *ada;

  result = import_text (fixture, "three.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nEMAIL:alan@example.org\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\n"
                        "ORG:US Navy\r\nTITLE:Rear Admiral\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 2);

  ada = lookup (fixture->store, "ada@example.org");
  g_assert_true (tn_store_set_trust (fixture->store, ada, TN_TRUST_COMPLETELY, &error));
  draft = tn_contact_copy (grace);
  tn_contact_set_title (draft, "Commodore");
  g_assert_true (tn_store_update_contact (fixture->store, grace, draft, &error));
  g_assert_no_error (error);

  g_assert_true (tn_store_undo_import (fixture->store, file_result (result, 0)->batch_id, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_contacts (fixture->store), ==, 2);
  g_assert_true (lookup (fixture->store, "ada@example.org") == ada);
  g_assert_cmpstr (tn_contact_get_title (grace), ==, "Commodore");
  g_assert_null (tn_contact_get_organization (grace));
  assert_query (fixture->path, "SELECT count (*) FROM contacts WHERE batch_id IS NOT NULL", "0");
}

/* ---- Cancel ------------------------------------------------------------------------- */

static char *
read_bytes (const char *path,
            gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *text = many_cards (20000, 0);
  g_autofree char *path = write_file (fixture, "many.vcf", text, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "person.5@example.org", NULL);
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  gsize len_before, len_after;
  AsyncImport state = { 0 };

  /* Everything in the database file itself, not in its write-ahead log. */
  g_free (tn_test_sqlite (fixture->path, "PRAGMA wal_checkpoint(TRUNCATE)"));
  dump_before = tn_test_dump (fixture->path);
  bytes_before = read_bytes (fixture->path, &len_before);

  /* Cancelled at the first progress report, well before the end. */
  state.cancel_on_progress = cancellable;
  import_async (fixture->store, path, cancellable, &state);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.result);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpuint (state.last_n_cards, <, 20000);
  g_clear_error (&state.error);

  bytes_after = read_bytes (fixture->path, &len_after);
  g_assert_cmpmem (bytes_after, len_after, bytes_before, len_before);
  dump_after = tn_test_dump (fixture->path);
  g_assert_cmpstr (dump_after, ==, dump_before);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 1);
  assert_strv (tn_contact_get_emails (ada), "person.5@example.org", NULL);

  /* Cancelled before it starts: the same. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(TnImportResult) result = NULL;
    GFile *files[] = { file };

    result = tn_importer_import (fixture->store, files, 1, TN_IMPORT_FLAGS_NONE, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (result);
  }
  g_clear_pointer (&dump_after, g_free);
  dump_after = tn_test_dump (fixture->path);
  g_assert_cmpstr (dump_after, ==, dump_before);

  /* And the same file imports whole afterwards. */
  {
    g_autoptr(TnImportResult) result = import_paths (fixture->store, path, NULL);

    g_assert_cmpuint (result->n_added, ==, 19999);
    g_assert_cmpuint (result->n_merged, ==, 1);
    g_assert_cmpuint (n_contacts (fixture->store), ==, 20000);
  }
}

/* The database refuses the import as a whole: nothing is written, the error says why. */
static void
test_busy_database (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "three.vcf", three_cards, -1);
  static const char script[] =
    "import sqlite3, sys, time\n"
    "connection = sqlite3.connect (sys.argv[1], isolation_level=None)\n"
    "connection.execute ('BEGIN IMMEDIATE')\n"
    "print ('locked', flush=True)\n"
    "time.sleep (30)\n";
  g_autoptr(GSubprocess) locker = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TnImportResult) result = NULL;
  GInputStream *out;
  GFile *files[] = { file };
  char buffer[16] = { 0 };

  /* Another program holds the write lock for longer than the importer waits. */
  locker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", "-c", script, fixture->path, NULL);
  g_assert_no_error (error);
  out = g_subprocess_get_stdout_pipe (locker);
  g_assert_cmpint (g_input_stream_read (out, buffer, 6, NULL, &error), ==, 6);
  g_assert_cmpstr (buffer, ==, "locked");

  result = tn_importer_import (fixture->store, files, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY);
  g_assert_cmpuint (n_contacts (fixture->store), ==, 0);

  g_subprocess_force_exit (locker);
  g_subprocess_wait (locker, NULL, NULL);
}

/* ---- The store's list after other connections wrote ---------------------------------- */

static void
test_refresh_contacts (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = add_contact (fixture->store, "Grace Hopper", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 ids[4];
  guint n_changes = 0;
  guint n_title = 0;

  /* Alan first: a new contact would take the id of the last one, deleted. */
  sql = g_strdup_printf ("UPDATE contacts SET title = 'Countess' WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO emails VALUES (%" G_GINT64_FORMAT ", 1, 'countess@example.org', 'countess@example.org', NULL);"
                         "INSERT INTO contacts (uid, full_name, trust, created_at, updated_at) VALUES ('uid-alan', 'Alan Turing', 2, 5, 5);"
                         "DELETE FROM contacts WHERE id = %" G_GINT64_FORMAT ";",
                         tn_contact_get_id (ada), tn_contact_get_id (ada), tn_contact_get_id (grace));
  g_free (tn_test_sqlite (fixture->path, sql));

  g_signal_connect_swapped (tn_store_get_contacts (fixture->store), "items-changed", G_CALLBACK (count_cb), &n_changes);
  g_signal_connect_swapped (ada, "notify::title", G_CALLBACK (count_cb), &n_title);

  ids[0] = tn_contact_get_id (ada);
  ids[1] = tn_contact_get_id (grace);
  ids[2] = tn_contact_get_id (grace) + 1;
  ids[3] = tn_contact_get_id (ada);
  g_assert_true (tn_store_refresh_contacts (fixture->store, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_contacts (fixture->store), ==, 2);
  g_assert_true (contact_at (fixture->store, 0) == ada);
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
  g_assert_cmpuint (n_title, ==, 1);
  assert_strv (tn_contact_get_emails (ada), "ada@example.org", "countess@example.org", NULL);
  g_assert_cmpstr (tn_contact_get_full_name (contact_at (fixture->store, 1)), ==, "Alan Turing");
  g_assert_cmpint (tn_contact_get_trust (contact_at (fixture->store, 1)), ==, TN_TRUST_MODERATELY);
  g_assert_null (tn_store_get_contact_by_id (fixture->store, tn_contact_get_id (grace)));
  g_assert_cmpuint (n_changes, ==, 3);

  /* Nothing to do is no error. */
  g_assert_true (tn_store_refresh_contacts (fixture->store, NULL, 0, &error));
}

static void
test_merge_contacts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "ada@example.org", "+44 20 7946 0958");
  g_autoptr(TnContact) other = add_contact (fixture->store, "Ada King", "ADA@example.org", "020 7946 0958");
  g_autoptr(TnContact) draft = tn_contact_copy (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *emails[] = { "ADA@example.org", "countess@example.org", NULL };

  tn_contact_set_emails (draft, emails);
  tn_contact_set_organization (draft, "Analytical Engines");
  tn_contact_set_trust (draft, TN_TRUST_COMPLETELY);
  g_assert_true (tn_store_update_contact (fixture->store, other, draft, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO interactions (contact_id, kind, happened_on) VALUES (%" G_GINT64_FORMAT ", 'lunch', '2026-11-20')",
                         tn_contact_get_id (other));
  g_free (tn_test_sqlite (fixture->path, sql));

  g_assert_false (tn_store_merge_contacts (fixture->store, ada, ada, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tn_store_merge_contacts (fixture->store, ada, other, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_contacts (fixture->store), ==, 1);
  g_assert_true (contact_at (fixture->store, 0) == ada);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  assert_strv (tn_contact_get_emails (ada), "ada@example.org", "countess@example.org", NULL);
  assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-20");

  /* The one that went cannot be merged again. */
  g_assert_false (tn_store_merge_contacts (fixture->store, ada, other, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
}

static void
test_possible_duplicates (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnContact) a1 = add_contact (fixture->store, "Ada Lovelace", NULL, NULL);
  g_autoptr(TnContact) g1 = add_contact (fixture->store, "Grace Hopper", NULL, NULL);
  g_autoptr(TnContact) a2 = add_contact (fixture->store, " ADA LOVELACE", NULL, NULL);
  g_autoptr(TnContact) alan = add_contact (fixture->store, "Alan Turing", NULL, NULL);
  g_autoptr(TnContact) g2 = add_contact (fixture->store, "grace hopper", NULL, NULL);
  g_autoptr(TnContact) a3 = add_contact (fixture->store, "Ada Lovelace", NULL, NULL);
  g_autoptr(GPtrArray) groups = tn_store_list_possible_duplicates (fixture->store);
  GPtrArray *ada_group, *grace_group;

  g_assert_cmpuint (groups->len, ==, 2);
  ada_group = g_ptr_array_index (groups, 0);
  grace_group = g_ptr_array_index (groups, 1);
  g_assert_cmpuint (ada_group->len, ==, 3);
  g_assert_true (g_ptr_array_index (ada_group, 0) == a1);
  g_assert_true (g_ptr_array_index (ada_group, 1) == a2);
  g_assert_true (g_ptr_array_index (ada_group, 2) == a3);
  g_assert_cmpuint (grace_group->len, ==, 2);
  g_assert_true (g_ptr_array_index (grace_group, 0) == g1);
  g_assert_true (g_ptr_array_index (grace_group, 1) == g2);
  (void) alan;
}

/* ---- Export ------------------------------------------------------------------------- */

static EVCard *
parse_card (const char *text)
{
  EVCard *vcard = e_vcard_new_from_string (text);

  g_assert_nonnull (vcard);
  return vcard;
}

static char *
first_value (EVCard     *vcard,
             const char *name)
{
  EVCardAttribute *attr = e_vcard_get_attribute (vcard, name);

  return attr != NULL ? e_vcard_attribute_get_value (attr) : NULL;
}

static void
test_export_fresh_card (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture->store, "Ada Lovelace", "ada@example.org", "+44 20 7946 0958");
  g_autoptr(TnContact) draft = tn_contact_copy (ada);
  g_autoptr(GError) error = NULL;
  g_autoptr(EVCard) vcard = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fn = NULL, *uid = NULL, *trust = NULL, *email = NULL, *bday = NULL, *note = NULL;
  EVCardAttribute *n;

  tn_contact_set_given_name (draft, "Ada");
  tn_contact_set_family_name (draft, "Lovelace");
  tn_contact_set_birthday (draft, "--12-10");
  tn_contact_set_note (draft, "First program; notes, and\nmore");
  tn_contact_set_trust (draft, TN_TRUST_COMPLETELY);
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  text = tn_exporter_contact_to_vcard (ada);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  vcard = parse_card (text);
  fn = first_value (vcard, EVC_FN);
  uid = first_value (vcard, EVC_UID);
  trust = first_value (vcard, "X-TRUSTNET-TRUST");
  email = first_value (vcard, EVC_EMAIL);
  bday = first_value (vcard, EVC_BDAY);
  note = first_value (vcard, EVC_NOTE);
  g_assert_cmpstr (fn, ==, "Ada Lovelace");
  g_assert_cmpstr (uid, ==, tn_contact_get_uid (ada));
  g_assert_cmpstr (trust, ==, "1");
  g_assert_cmpstr (email, ==, "ada@example.org");
  g_assert_cmpstr (bday, ==, "--12-10");
  g_assert_cmpstr (note, ==, "First program; notes, and\nmore");
  n = e_vcard_get_attribute (vcard, EVC_N);
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (n), 0), ==, "Lovelace");
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (n), 1), ==, "Ada");
}

/* A card's every property survives; only what changed in TrustNet is rewritten. */
static void
test_export_keeps_card (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EVCard) vcard = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL, *org_units = NULL;
  const char *emails[] = { "ada@example.org", "new@example.org", NULL };
  TnContact *ada;
  EVCardAttribute *attr;

  result = import_text (fixture, "ada.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iOS 17//EN\r\nUID:uid-ada\r\n"
                        "FN:Ada Lovelace\r\nN:Lovelace;Ada;Augusta;Lady;\r\nORG:Analytical Engines;Research\r\n"
                        "TITLE:Countess\r\nitem1.EMAIL;type=INTERNET;type=HOME:ada@example.org\r\n"
                        "item1.X-ABLabel:_$!<Home>!$_\r\nEMAIL:old@example.org\r\n"
                        "ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4LE;UK\r\n"
                        "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAcCBlCwAAAABJRU5ErkJggg==\r\n"
                        "X-SOCIAL:@ada\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10\r\nEND:VCARD\r\n");
  ada = lookup (fixture->store, "uid-ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "--12-10");

  draft = tn_contact_copy (ada);
  tn_contact_set_title (draft, "Mathematician");
  tn_contact_set_emails (draft, emails);
  tn_contact_set_organization (draft, "Babbage & Co");
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  text = tn_exporter_contact_to_vcard (ada);
  vcard = parse_card (text);

  /* Kept as they were. */
  g_assert_nonnull (strstr (text, "PRODID:-//Apple Inc.//iOS 17//EN"));
  g_assert_nonnull (strstr (text, "X-SOCIAL:@ada"));
  g_assert_nonnull (strstr (text, "item1.X-ABLabel:_$!<Home>!$_"));
  g_assert_nonnull (strstr (text, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10"));
  g_assert_nonnull (e_vcard_get_attribute (vcard, EVC_ADR));
  g_assert_nonnull (e_vcard_get_attribute (vcard, EVC_PHOTO));
  attr = e_vcard_get_attribute (vcard, EVC_N);
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 2), ==, "Augusta");
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 3), ==, "Lady");

  /* The grouped address stays with its group and types; the removed one is gone. */
  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      g_autofree char *value = NULL;

      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), EVC_EMAIL) != 0)
        continue;
      value = e_vcard_attribute_get_value (l->data);
      g_assert_cmpstr (value, !=, "old@example.org");
      if (g_str_equal (value, "ada@example.org"))
        {
          g_assert_cmpstr (e_vcard_attribute_get_group (l->data), ==, "item1");
          g_assert_true (e_vcard_attribute_has_type (l->data, "HOME"));
          g_assert_true (e_vcard_attribute_has_type (l->data, "INTERNET"));
        }
    }
  g_assert_nonnull (strstr (text, "new@example.org"));

  /* Rewritten, keeping ORG's unit. */
  title = first_value (vcard, EVC_TITLE);
  g_assert_cmpstr (title, ==, "Mathematician");
  attr = e_vcard_get_attribute (vcard, EVC_ORG);
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 0), ==, "Babbage & Co");
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 1), ==, "Research");
  (void) org_units;
}

static void
test_export_file (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = import_text (fixture, "three.vcf", three_cards);
  g_autofree char *out = g_build_filename (fixture->dir, "out.vcf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf info;
  guint n_written = 0;

  g_assert_true (tn_exporter_write_file (tn_store_get_contacts (fixture->store), file, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 3);
  g_assert_cmpint (g_stat (out, &info), ==, 0);
  g_assert_cmphex (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));

  g_assert_false (tn_exporter_write_file (tn_store_get_contacts (fixture->store), nowhere, &n_written, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "folder.vcf"));
}

/* ---- Round trips on the real files -------------------------------------------------- */

static char *
real_dir (void)
{
  const char *data = g_getenv ("TRUSTNET_TEST_DATA");

  return data != NULL ? g_build_filename (data, "vcards", "real", NULL) : NULL;
}

static void
collect_files (GFile     *dir,
               GPtrArray *files)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        collect_files (child, files);
      else if (!g_str_has_suffix (name, ".md") && strcmp (name, "SHA256SUMS") != 0)
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
  g_assert_no_error (error);
}

/* The properties TrustNet models, which an export rewrites from the contact. */
static gboolean
is_modelled (EVCardAttribute *attr)
{
  static const char * const names[] = {
    EVC_FN, EVC_N, EVC_ORG, EVC_TITLE, EVC_NOTE, EVC_EMAIL, EVC_TEL, EVC_BDAY, EVC_UID, EVC_VERSION,
    "X-TRUSTNET-TRUST",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (attr), names[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every property a card holds beyond what TrustNet models, as comparable text: group,
 * name, parameters and values. */
static char *
unmodelled_properties (const char *text)
{
  g_autoptr(EVCard) vcard = text != NULL ? parse_card (text) : e_vcard_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;

      if (is_modelled (attr))
        continue;

      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

      g_string_append_printf (out, "%s.%s", e_vcard_attribute_get_group (attr) ? e_vcard_attribute_get_group (attr) : "",
                              e_vcard_attribute_get_name (attr));
      /* Parameters in any order mean the same; EVCard writes ENCODING first. */
      for (GList *p = e_vcard_attribute_get_params (attr); p != NULL; p = p->next)
        {
          g_autoptr(GString) param = g_string_new (e_vcard_attribute_param_get_name (p->data));

          for (GList *v = e_vcard_attribute_param_get_values (p->data); v != NULL; v = v->next)
            g_string_append_printf (param, "%c%s", v == e_vcard_attribute_param_get_values (p->data) ? '=' : ',',
                                    (const char *) v->data);
          g_ptr_array_add (params, g_string_free (g_steal_pointer (&param), FALSE));
        }
      g_ptr_array_sort (params, compare_strings);
      for (guint i = 0; i < params->len; i++)
        g_string_append_printf (out, ";%s", (const char *) g_ptr_array_index (params, i));
      for (GList *v = e_vcard_attribute_get_values (attr); v != NULL; v = v->next)
        g_string_append_printf (out, ":%s", (const char *) v->data);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Compares line by line, so that a difference is shown without a whole photo. */
static void
assert_same_lines (const char *a,
                   const char *b)
{
  g_auto(GStrv) a_lines = g_strsplit (a, "\n", -1);
  g_auto(GStrv) b_lines = g_strsplit (b, "\n", -1);

  for (guint i = 0; a_lines[i] != NULL || b_lines[i] != NULL; i++)
    {
      g_autofree char *a_short = g_strndup (a_lines[i] != NULL ? a_lines[i] : "(none)", 300);
      g_autofree char *b_short = g_strndup (b_lines[i] != NULL ? b_lines[i] : "(none)", 300);

      if (a_lines[i] == NULL || b_lines[i] == NULL || strcmp (a_lines[i], b_lines[i]) != 0)
        g_assert_cmpstr (a_short, ==, b_short);
      if (a_lines[i] == NULL || b_lines[i] == NULL)
        break;
    }
}

static void
assert_same_contact (TnContact *a,
                     TnContact *b)
{
  g_autofree char *a_rest = unmodelled_properties (tn_contact_get_vcard (a));
  g_autofree char *b_rest = unmodelled_properties (tn_contact_get_vcard (b));

  g_assert_cmpstr (tn_contact_get_uid (a), ==, tn_contact_get_uid (b));
  g_assert_cmpstr (tn_contact_get_full_name (a), ==, tn_contact_get_full_name (b));
  g_assert_cmpstr (tn_contact_get_given_name (a), ==, tn_contact_get_given_name (b));
  g_assert_cmpstr (tn_contact_get_family_name (a), ==, tn_contact_get_family_name (b));
  g_assert_cmpstr (tn_contact_get_organization (a), ==, tn_contact_get_organization (b));
  g_assert_cmpstr (tn_contact_get_title (a), ==, tn_contact_get_title (b));
  g_assert_cmpstr (tn_contact_get_note (a), ==, tn_contact_get_note (b));
  g_assert_cmpstr (tn_contact_get_birthday (a), ==, tn_contact_get_birthday (b));
  g_assert_cmpint (tn_contact_get_trust (a), ==, tn_contact_get_trust (b));
  g_assert_true (g_strv_equal (tn_contact_get_emails (a), tn_contact_get_emails (b)));
  g_assert_true (g_strv_equal (tn_contact_get_phones (a), tn_contact_get_phones (b)));
  /* Nothing TrustNet does not model was lost. */
  assert_same_lines (a_rest, b_rest);
}

/* Import → export → import gives the same contacts, for every real-world file. */
static void
test_round_trip_real_files (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *dir = real_dir ();
  g_autoptr(GFile) root = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_round_trips = 0;

  if (dir == NULL)
    {
      g_test_skip ("TRUSTNET_TEST_DATA is not set");
      return;
    }

  root = g_file_new_for_path (dir);
  collect_files (root, files);
  g_assert_cmpuint (files->len, >=, 80);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *relative = g_file_get_relative_path (root, file);
      g_autofree char *first_path = g_strdup_printf ("%s/first-%u.db", fixture->dir, i);
      g_autofree char *second_path = g_strdup_printf ("%s/second-%u.db", fixture->dir, i);
      g_autofree char *export_path = g_strdup_printf ("%s/export-%u.vcf", fixture->dir, i);
      g_autoptr(TnStore) first = open_store (first_path);
      g_autoptr(TnStore) second = open_store (second_path);
      g_autoptr(TnImportResult) imported = NULL;
      g_autoptr(TnImportResult) again = NULL;
      g_autoptr(GFile) exported = g_file_new_for_path (export_path);
      g_autoptr(GError) error = NULL;
      TnImportFileResult *result;
      GFile *one[] = { file };
      guint n_written = 0;

      g_test_message ("%s", relative);
      imported = tn_importer_import (first, one, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
      g_assert_no_error (error);
      result = file_result (imported, 0);
      if (result->error != NULL)
        {
          /* The two files of the corpus that hold no card. */
          g_assert_true (g_str_equal (relative, "folkerkinzel-vcards/Empty.vcf") ||
                         g_str_equal (relative, "evolution-data-server/7.vcf"));
          continue;
        }
      g_assert_cmpuint (n_contacts (first), ==, result->n_added);

      g_assert_true (tn_exporter_write_file (tn_store_get_contacts (first), exported, &n_written, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_written, ==, n_contacts (first));

      one[0] = exported;
      again = tn_importer_import (second, one, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_no_error (file_result (again, 0)->error);
      g_assert_cmpuint (file_result (again, 0)->n_skipped, ==, 0);
      g_assert_cmpuint (n_contacts (second), ==, n_contacts (first));

      for (guint j = 0; j < n_contacts (first); j++)
        assert_same_contact (contact_at (first, j), contact_at (second, j));

      /* The same file again changes nothing. */
      {
        g_autoptr(TnImportResult) repeated = NULL;

        one[0] = file;
        repeated = tn_importer_import (first, one, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (repeated->n_added, ==, 0);
        g_assert_cmpuint (repeated->n_merged, ==, 0);
        g_assert_cmpint (file_result (repeated, 0)->batch_id, ==, 0);
      }
      n_round_trips++;
    }

  /* All but the two files that hold no card. */
  g_assert_cmpuint (n_round_trips, ==, files->len - 2);
}

/* Facts of EXPECTED.md, through the importer. */
static void
test_real_expected (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *dir = real_dir ();
  g_autofree char *outlook = NULL, *android = NULL, *gmail = NULL;
  g_autoptr(TnImportResult) result = NULL;
  TnContact *john;

  if (dir == NULL)
    {
      g_test_skip ("TRUSTNET_TEST_DATA is not set");
      return;
    }

  outlook = g_build_filename (dir, "ez-vcard", "John_Doe_MS_OUTLOOK.vcf", NULL);
  android = g_build_filename (dir, "ez-vcard", "John_Doe_ANDROID.vcf", NULL);
  gmail = g_build_filename (dir, "ez-vcard", "John_Doe_GMAIL.vcf", NULL);
  result = import_paths (fixture->store, outlook, android, gmail, NULL);

  /* §1: one contact. §2: six, e-mail-only ones included, none the same person. */
  g_assert_cmpuint (file_result (result, 0)->n_added, ==, 1);
  g_assert_cmpuint (file_result (result, 1)->n_added, ==, 6);
  /* §4: Gmail's John Doe has another address (Outlook's is john.doe@ibm.cm, sic) but the
   * same phone numbers, written 905-555-1234: the phone rule makes them one. */
  g_assert_cmpuint (file_result (result, 2)->n_added, ==, 0);
  g_assert_cmpuint (file_result (result, 2)->n_merged, ==, 1);

  john = lookup (fixture->store, "john.doe@ibm.cm");
  g_assert_cmpstr (tn_contact_get_full_name (john), ==, "Mr. John Richter James Doe Sr.");
  g_assert_cmpstr (tn_contact_get_family_name (john), ==, "Doe");
  g_assert_cmpstr (tn_contact_get_given_name (john), ==, "John");
  g_assert_cmpstr (tn_contact_get_organization (john), ==, "IBM");
  g_assert_cmpstr (tn_contact_get_title (john), ==, "Money Counter");
  g_assert_cmpstr (tn_contact_get_birthday (john), ==, "1980-03-22");
  assert_strv (tn_contact_get_phones (john), "(905) 555-1234", "(905) 666-1234", NULL);
  assert_strv (tn_contact_get_emails (john), "john.doe@ibm.cm", "john.doe@ibm.com", NULL);
  g_assert_nonnull (strstr (tn_contact_get_vcard (john), "PHOTO"));

  john = lookup (fixture->store, "john.doe@company.com");
  g_assert_cmpstr (tn_contact_get_full_name (john), ==, "john.doe@company.com");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/duplicates/email-key", test_email_key);
  g_test_add_func ("/duplicates/phone-key", test_phone_key);
  g_test_add_func ("/duplicates/phones-match", test_phones_match);
  g_test_add_func ("/duplicates/name-key", test_name_key);
  g_test_add_func ("/duplicates/index", test_index);

  g_test_add_func ("/contact/import-fields", test_contact_fields);
  ADD_TEST ("/store/keeps-new-fields", test_store_keeps_new_fields);
  g_test_add_func ("/store/migration-from-v1", test_migration_from_v1);
  ADD_TEST ("/store/open-without-contacts", test_open_without_contacts);
  ADD_TEST ("/store/refresh-contacts", test_refresh_contacts);
  ADD_TEST ("/store/merge-contacts", test_merge_contacts);
  ADD_TEST ("/store/possible-duplicates", test_possible_duplicates);

  ADD_TEST ("/vcard/parse-file-foreach", test_parse_file_foreach);
  ADD_TEST ("/importer/basic", test_import_basic);
  ADD_TEST ("/importer/async", test_import_async);
  ADD_TEST ("/importer/duplicate/uid", test_duplicate_by_uid);
  ADD_TEST ("/importer/duplicate/email", test_duplicate_by_email);
  ADD_TEST ("/importer/duplicate/phone", test_duplicate_by_phone);
  ADD_TEST ("/importer/duplicate/same-name-not-merged", test_same_name_not_merged);
  ADD_TEST ("/importer/duplicate/in-file", test_duplicates_in_file);
  ADD_TEST ("/importer/merge-never-overwrites", test_merge_never_overwrites);
  ADD_TEST ("/importer/reimport-changes-nothing", test_reimport_changes_nothing);
  ADD_TEST ("/importer/reimport-name-only", test_reimport_name_only);
  ADD_TEST ("/importer/problems-have-lines", test_problems_have_lines);
  ADD_TEST ("/importer/not-a-vcard", test_not_a_vcard);
  ADD_TEST ("/importer/removed-contact-uid", test_removed_contact_uid);
  ADD_TEST ("/importer/undo", test_undo);
  ADD_TEST ("/importer/undo-keeps-edits", test_undo_keeps_edits);
  ADD_TEST ("/importer/cancel", test_cancel);
  ADD_TEST ("/importer/busy-database", test_busy_database);

  ADD_TEST ("/exporter/fresh-card", test_export_fresh_card);
  ADD_TEST ("/exporter/keeps-card", test_export_keeps_card);
  ADD_TEST ("/exporter/file", test_export_file);

  ADD_TEST ("/real/round-trip", test_round_trip_real_files);
  ADD_TEST ("/real/expected", test_real_expected);

#undef ADD_TEST

  return g_test_run ();
}
