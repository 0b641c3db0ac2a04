/* test-migration.c — databases written by older schemas, opened by this one: they gain
 * the new tables and keep every contact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-migration"

#include "config.h"

#include <gio/gio.h>

#include "tn-test-import.h"
#include "tn-test-util.h"

/* A database written by schema 1 gains the import tables and keeps its contacts. */
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
  TnTestStore scratch = { 0 };
  g_autofree char *result = NULL;
  TnStore *store;
  const char *path;
  TnContact *ada;

  /* The old schema is written first, by the sqlite3 tool: no store may create the file. */
  tn_test_store_make_dir (&scratch, "test-migration", "v1.db");
  path = scratch.path;
  result = tn_test_sqlite (path, v1);
  tn_test_store_reopen (&scratch);
  store = scratch.store;
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  ada = tn_test_contact_at (store, 0);
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "1815-12-10");
  tn_test_assert_query (path, "SELECT count (*) FROM contacts WHERE batch_id IS NULL", "1");
  tn_test_assert_query (path, "SELECT count (*) FROM import_batches", "0");

  tn_test_store_close (&scratch);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/migration-from-v1", test_migration_from_v1);

  return g_test_run ();
}
