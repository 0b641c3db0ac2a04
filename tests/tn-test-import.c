/* tn-test-import.c — imports that must succeed and the readings that check them, for the
 * suites of the importer, the duplicate rules, merging and the exporter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-test-import.h"
#include "tn-test-util.h"

const char tn_test_three_cards[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
  "ORG:Analytical Engines;Research\r\nTITLE:Countess\r\nNOTE:Wrote the first program\r\n"
  "BDAY:1815-12-10\r\nEMAIL;TYPE=INTERNET:ada@example.org\r\nTEL;TYPE=CELL:+44 20 7946 0958\r\n"
  "X-SOCIAL:@ada\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Turing;Alan\r\nTEL;CELL:+1 212 555 0100\r\nEND:VCARD\r\n";

/**
 * tn_test_write_file:
 * @dir: a scratch folder
 * @name: the file's name in it
 * @data: what to write
 * @len: its length, or -1 if nul-terminated
 *
 * Returns: (transfer full): the file's path
 */
char *
tn_test_write_file (const char *dir,
                    const char *name,
                    const char *data,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports the files (NULL-terminated paths) synchronously; the import must succeed. */
TnImportResult *
tn_test_import_paths (TnStore    *store,
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

/* Writes @text to a file called @name in the scratch folder and imports it. */
TnImportResult *
tn_test_import_text (TnTestStore *test_store,
                     const char  *name,
                     const char  *text)
{
  g_autofree char *path = tn_test_write_file (test_store->dir, name, text, -1);

  return tn_test_import_paths (test_store->store, path, NULL);
}

TnImportFileResult *
tn_test_file_result (TnImportResult *result,
                     guint           index)
{
  g_assert_cmpuint (index, <, result->files->len);
  return g_ptr_array_index (result->files, index);
}

guint
tn_test_n_contacts (TnStore *store)
{
  return g_list_model_get_n_items (tn_store_get_contacts (store));
}

/* The contact at @index of the list; the list holds a reference. */
TnContact *
tn_test_contact_at (TnStore *store,
                    guint    index)
{
  g_autoptr(TnContact) contact = g_list_model_get_item (tn_store_get_contacts (store), index);

  g_assert_nonnull (contact);
  return contact;
}

/* The one contact @who (a name, email or phone) finds; there must be one. */
TnContact *
tn_test_lookup (TnStore    *store,
                const char *who)
{
  g_autoptr(GError) error = NULL;
  TnContact *contact = tn_store_lookup (store, who, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

/* Returns: (transfer full): the new contact, in the store's list */
TnContact *
tn_test_add_person (TnStore    *store,
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
  g_assert_cmpint (tn_contact_get_id (contact), >, 0);
  return g_steal_pointer (&contact);
}

/* The sqlite3 tool, a second reader, gets @expected for @sql. */
void
tn_test_assert_query (const char *path,
                      const char *sql,
                      const char *expected)
{
  g_autofree char *result = tn_test_sqlite (path, sql);

  g_assert_cmpstr (result, ==, expected);
}
