/* test-migration.c — databases written by older schemas, opened by this one: they gain
 * the new tables and columns and keep every contact (schema 1, 2, 6), the triggers of
 * schema 9 behave as schema 8's did, the address tables of schema 10 hold the same rows
 * as schema 9's, and the rating changes of schema 11 know the rating they replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-migration"

#include "config.h"

#include <gio/gio.h>

#include "tn-test-import.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

/* No store is open at first: each test writes an old database with the sqlite3 tool,
 * since a store would create the file with today's schema. */
typedef TnTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_test_store_make_dir (fixture, "test-migration", "trustnet.db");
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
}

/* A database written by schema 1 gains the import tables and keeps its contacts. */
static void
test_migration_from_v1 (Fixture       *fixture,
                        gconstpointer  user_data)
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
  const char *path = fixture->path;
  g_autofree char *result = tn_test_sqlite (path, v1);
  TnStore *store;
  TnContact *ada;

  tn_test_store_reopen (fixture);
  store = fixture->store;
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  ada = tn_test_contact_at (store, 0);
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "1815-12-10");
  tn_test_assert_query (path, "SELECT count (*) FROM contacts WHERE batch_id IS NULL", "1");
  tn_test_assert_query (path, "SELECT count (*) FROM import_batches", "0");
}

/* A database from before per-contact cadences (schema 2) gains the column, every
 * contact keeps following its tier, and an interval set afterwards survives a reopen. */
static void
test_open_migrates_cadence (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) changes = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *reread;

  g_clear_object (&store);
  tn_test_assert_query (fixture->path,
                        /* Undo every migration after 2 → 3 as well: a real schema-2 file has none of them. */
                        SCHEMA_11_UNDONE SCHEMA_9_UNDONE SCHEMA_8_UNDONE SCHEMA_7_UNDONE
                        "DROP TABLE changes; DROP TRIGGER contacts_insert_feed; DROP TRIGGER contacts_update_feed;"
                        " DROP TRIGGER contacts_delete_feed; DROP TRIGGER interactions_insert_feed;"
                        " DROP TRIGGER interactions_update_feed; DROP TRIGGER interactions_delete_feed;"
                        " DROP TRIGGER meta_insert_feed; DROP TRIGGER meta_update_feed; DROP TRIGGER meta_delete_feed;"
                        " DROP TRIGGER brand_statements_insert_feed; DROP TRIGGER brand_statements_delete_feed;"
                        " DROP TRIGGER brand_heard_insert_feed; DROP TRIGGER brand_heard_delete_feed;"
                        " DROP TRIGGER linchpin_checks_insert_feed;"
                        " ALTER TABLE contacts DROP COLUMN revision;"
                        " DROP INDEX contacts_removed_trust; DROP INDEX trust_changes_contact_trust;"
                        " DROP INDEX interactions_kind_day; DROP INDEX trust_changes_changed;"
                        " DROP TABLE interaction_days; DROP TRIGGER interactions_insert_day;"
                        " DROP TRIGGER interactions_delete_day; DROP TRIGGER interactions_update_day;"
                        " DROP TRIGGER interactions_insert_last_met; DROP TRIGGER interactions_delete_last_met;"
                        " DROP TRIGGER interactions_update_last_met; ALTER TABLE contacts DROP COLUMN last_met;"
                        " DROP TABLE brand_heard; DROP TABLE brand_statements; DROP TABLE linchpin_checks;"
                        " ALTER TABLE contacts DROP COLUMN cadence_weeks; PRAGMA user_version = 2;"
                        " SELECT count(*) FROM pragma_table_info('contacts') WHERE name = 'cadence_weeks';",
                        "0");

  store = tn_test_store_open_path (fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  reread = tn_store_get_contact_by_id (store, tn_contact_get_id (ada));
  g_assert_cmpstr (tn_contact_get_full_name (reread), ==, "Ada Lovelace");
  g_assert_cmpint (tn_contact_get_cadence_weeks (reread), ==, 0);

  changes = tn_contact_copy (reread);
  tn_contact_set_cadence_weeks (changes, 6);
  g_assert_true (tn_store_update_contact (store, reread, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_contact_get_cadence_weeks (reread), ==, 6);

  g_clear_object (&store);
  store = tn_test_store_open_path (fixture->path);
  reread = tn_store_get_contact_by_id (store, tn_contact_get_id (ada));
  g_assert_cmpint (tn_contact_get_cadence_weeks (reread), ==, 6);
  tn_test_assert_query (fixture->path, "SELECT cadence_weeks FROM contacts", "6");
}

/* Schema 6 → 7: the web pages, Connected On and job changes come, and the batch_changes an
 * import recorded stay, so that its Undo still works. */
static void
test_migration_from_v6 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vcf = tn_test_write_file (fixture->dir, "ada.vcf",
                                             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEMAIL:ada@example.org\r\n"
                                             "TITLE:Countess\r\nEND:VCARD\r\n", -1);

  result = tn_test_import_paths (store, vcf, NULL);
  g_clear_object (&store);
  tn_test_assert_query (fixture->path,
                        SCHEMA_11_UNDONE SCHEMA_9_UNDONE SCHEMA_8_UNDONE SCHEMA_7_UNDONE " PRAGMA user_version = 6; SELECT group_concat (what) FROM batch_changes;",
                        "title,vcard");

  store = tn_test_store_open_path (fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  tn_test_assert_query (fixture->path, "SELECT group_concat (what) FROM batch_changes", "title,vcard");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM job_changes", "0");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM pragma_table_info ('contacts') WHERE name = 'connected_on'", "1");

  g_assert_true (tn_store_undo_import (store, tn_test_file_result (result, 0)->batch_id, &error));
  g_assert_no_error (error);
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM contacts WHERE title IS NULL", "1");
}

/* What schema 9 keeps of schema 8's triggers, run with SQL on the closed store's file: any
 * UPDATE of a contact moves its revision by one and puts it last in the change feed, once;
 * a writer that names the new revision itself gets no second bump; the sync field times
 * record the fields that changed, and nothing for an UPDATE of other columns. */
static void
assert_revision_rules (const char *path,
                       gint64      id)
{
  g_autofree char *is_id = g_strdup_printf (" = %" G_GINT64_FORMAT, id);
  g_autofree char *where = g_strconcat (" WHERE id", is_id, NULL);
  g_autofree char *feed_tail = g_strdup_printf ("SELECT kind, row_id FROM changes ORDER BY seq DESC LIMIT 1; "
                                                "SELECT count (*) FROM changes WHERE row_id = %" G_GINT64_FORMAT
                                                " AND kind = 'contact'", id);
  g_autofree char *revision = g_strconcat ("SELECT revision FROM contacts", where, NULL);
  g_autofree char *plain = g_strconcat ("UPDATE contacts SET given_name = 'Augusta', updated_at = 5", where,
                                        "; SELECT revision FROM contacts", where,
                                        "; SELECT changed_at FROM sync_field_times WHERE field = 'given-name' AND contact_id", is_id, NULL);
  g_autofree char *named = g_strconcat ("UPDATE contacts SET note = 'Poet', updated_at = 6, revision = revision + 1", where,
                                        "; SELECT revision FROM contacts", where,
                                        "; SELECT changed_at FROM sync_field_times WHERE field = 'note' AND contact_id", is_id, NULL);
  g_autofree char *other = g_strconcat ("UPDATE contacts SET last_met = '2026-11-01', updated_at = 7", where,
                                        "; SELECT revision FROM contacts", where,
                                        "; SELECT count (*) FROM sync_field_times WHERE changed_at = 7 AND contact_id", is_id, NULL);
  g_autofree char *before = tn_test_sqlite (path, revision);
  gint64 start = g_ascii_strtoll (before, NULL, 10);
  g_autofree char *expected_plain = g_strdup_printf ("%" G_GINT64_FORMAT "\n5", start + 1);
  g_autofree char *expected_named = g_strdup_printf ("%" G_GINT64_FORMAT "\n6", start + 2);
  g_autofree char *expected_other = g_strdup_printf ("%" G_GINT64_FORMAT "\n0", start + 3);
  g_autofree char *expected_feed = g_strdup_printf ("contact|%" G_GINT64_FORMAT "\n1", id);

  tn_test_assert_query (path, plain, expected_plain);
  tn_test_assert_query (path, feed_tail, expected_feed);
  tn_test_assert_query (path, named, expected_named);
  tn_test_assert_query (path, feed_tail, expected_feed);
  tn_test_assert_query (path, other, expected_other);
  tn_test_assert_query (path, feed_tail, expected_feed);
}

/* Schema 8 → 9: a database whose contacts' revisions were bumped by a second write of the
 * row gets the triggers that name it once, and then behaves as a new database does. */
static void
test_migration_from_v8 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnStore) fresh = tn_test_store_open_path (fresh_path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@example.org", NULL);
  g_autoptr(TnContact) fresh_ada = tn_test_add_person (fresh, "Ada Lovelace", "ada@example.org", NULL);

  g_clear_object (&store);
  g_clear_object (&fresh);
  tn_test_assert_query (fixture->path,
                        SCHEMA_11_UNDONE SCHEMA_9_UNDONE " PRAGMA user_version = 8;"
                        " SELECT count (*) FROM sqlite_master WHERE name = 'contacts_update_revision'",
                        "0");
  /* The rules are schema 8's. */
  assert_revision_rules (fixture->path, tn_contact_get_id (ada));

  store = tn_test_store_open_path (fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  tn_test_assert_query (fixture->path,
                        "SELECT count (*) FROM sqlite_master WHERE name = 'contacts_update_revision'", "1");

  assert_revision_rules (fixture->path, tn_contact_get_id (grace));
  assert_revision_rules (fresh_path, tn_contact_get_id (fresh_ada));
}

/* Schema 9 → 10: the address tables, rebuilt without a rowid, keep every row in the order
 * of their key, and a contact's cascade and an import's merge work on them as before. */
static void
test_migration_from_v9 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char addresses[] =
    "SELECT * FROM emails ORDER BY contact_id, position;"
    " SELECT * FROM phones ORDER BY contact_id, position;"
    " SELECT * FROM urls ORDER BY contact_id, position";
  static const char by_rowid[] =
    "SELECT count (*) FROM sqlite_master WHERE name IN ('emails', 'phones', 'urls') AND sql LIKE '%WITHOUT ROWID'";
  static const char card[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEMAIL:ada@work.example\r\n"
    "TEL:+1 555 0100\r\nURL:https://www.linkedin.com/in/ada\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@example.org\r\nTEL:+1 555 0200\r\nEND:VCARD\r\n";
  static const char again[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@example.org\r\nEMAIL:amazing.grace@example.org\r\n"
    "END:VCARD\r\n";
  g_autoptr(TnImportResult) first = NULL;
  g_autoptr(TnImportResult) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture->store = tn_test_store_open_path (fixture->path);
  first = tn_test_import_text (fixture, "people.vcf", card);
  g_assert_cmpuint (tn_test_file_result (first, 0)->n_added, ==, 2);
  g_clear_object (&fixture->store);
  tn_test_assert_query (fixture->path, by_rowid, "3");

  before = tn_test_sqlite (fixture->path, SCHEMA_11_UNDONE SCHEMA_10_UNDONE " PRAGMA user_version = 9;");
  tn_test_assert_query (fixture->path, by_rowid, "0");
  g_clear_pointer (&before, g_free);
  before = tn_test_sqlite (fixture->path, addresses);
  g_assert_nonnull (strstr (before, "ada@work.example"));

  fixture->store = tn_test_store_open_path (fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (fixture->store), ==, TN_STORE_SCHEMA_VERSION);
  tn_test_assert_query (fixture->path, by_rowid, "3");
  after = tn_test_sqlite (fixture->path, addresses);
  g_assert_cmpstr (after, ==, before);

  /* A merge appends after the contact's addresses; removing the contact takes them along. */
  second = tn_test_import_text (fixture, "again.vcf", again);
  g_assert_cmpuint (tn_test_file_result (second, 0)->n_merged, ==, 1);
  tn_test_assert_query (fixture->path,
                        "SELECT group_concat (value, ',') FROM (SELECT value FROM emails WHERE contact_id = 2 ORDER BY position)",
                        "grace@example.org,amazing.grace@example.org");
  tn_test_assert_query (fixture->path,
                        "PRAGMA foreign_keys = ON; DELETE FROM contacts WHERE id = 1;"
                        " SELECT count (*) FROM emails WHERE contact_id = 1; SELECT count (*) FROM urls",
                        "0\n0");
}

/* Schema 10 → 11: the dashboard's indexes take the place of schema 5's, and every rating
 * change gets the rating it replaced; the triggers keep that right when a change is put
 * among a contact's others, taken away, or moved to another contact. */
static void
test_migration_from_v10 (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char indexes[] =
    "SELECT group_concat (name, ',') FROM (SELECT name FROM sqlite_master"
    "  WHERE name IN ('contacts_removed_trust', 'contacts_removed', 'contacts_trusted', 'contacts_timed') ORDER BY name)";
  static const char previous[] = "SELECT group_concat (previous, ',') FROM (SELECT previous FROM trust_changes ORDER BY id)";
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_contact (store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnContact) grace = tn_test_add_contact (store, "Grace Hopper", TN_TRUST_UNRATED);
  g_autofree char *insert_between = NULL;
  g_autofree char *move = NULL;

  tn_test_rate_at (store, ada, TN_TRUST_MODERATELY, "2026-01-10T12:00:00Z");
  tn_test_rate_at (store, grace, TN_TRUST_VAGUELY, "2026-02-10T12:00:00Z");
  tn_test_rate_at (store, ada, TN_TRUST_COMPLETELY, "2026-03-10T12:00:00Z");
  tn_test_rate_at (store, grace, TN_TRUST_COMPLETELY, "2026-04-10T12:00:00Z");
  tn_test_rate_at (store, ada, TN_TRUST_VAGUELY, "2026-05-10T12:00:00Z");
  g_clear_object (&store);

  tn_test_assert_query (fixture->path,
                        SCHEMA_11_UNDONE " PRAGMA user_version = 10;"
                        " SELECT count (*) FROM pragma_table_info ('trust_changes') WHERE name = 'previous';",
                        "0");
  tn_test_assert_query (fixture->path, indexes, "contacts_removed_trust");

  store = tn_test_store_open_path (fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  tn_test_assert_query (fixture->path, indexes, "contacts_removed,contacts_timed,contacts_trusted");
  /* Ada 0 → 2 → 1 → 3, Grace 0 → 3 → 1, in the order of the ids. */
  tn_test_assert_query (fixture->path, previous, "0,0,2,3,1");
  tn_test_assert_query (fixture->path, PREVIOUS_RATINGS_WRONG, "0");

  /* A change before all of Ada's, one between two of them, one in the same second as
   * another (the id orders those), one taken away, one moved to Grace. */
  insert_between = g_strdup_printf ("INSERT INTO trust_changes (contact_id, trust, changed_at) VALUES"
                                    " (%1$" G_GINT64_FORMAT ", 3, 1), (%1$" G_GINT64_FORMAT ", 2, 1775000000),"
                                    " (%1$" G_GINT64_FORMAT ", 1, 1775000000);",
                                    tn_contact_get_id (ada));
  tn_test_assert_query (fixture->path, insert_between, "");
  tn_test_assert_query (fixture->path, PREVIOUS_RATINGS_WRONG, "0");
  tn_test_assert_query (fixture->path, "DELETE FROM trust_changes WHERE id = 3; " PREVIOUS_RATINGS_WRONG, "0");
  move = g_strdup_printf ("UPDATE trust_changes SET contact_id = %" G_GINT64_FORMAT " WHERE id = 1; %s",
                          tn_contact_get_id (grace), PREVIOUS_RATINGS_WRONG);
  tn_test_assert_query (fixture->path, move, "0");
  tn_test_assert_query (fixture->path, "UPDATE trust_changes SET changed_at = 0 WHERE id = 5; " PREVIOUS_RATINGS_WRONG, "0");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM trust_changes WHERE previous <> 0", "5");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NOW, fixture_set_up, func, tn_test_store_tear_down)

  ADD_TEST ("/store/migration-from-v1", test_migration_from_v1);
  ADD_TEST ("/store/open/migrates-cadence", test_open_migrates_cadence);
  ADD_TEST ("/store/migration-from-v6", test_migration_from_v6);
  ADD_TEST ("/store/migration-from-v8", test_migration_from_v8);
  ADD_TEST ("/store/migration-from-v9", test_migration_from_v9);
  ADD_TEST ("/store/migration-from-v10", test_migration_from_v10);

#undef ADD_TEST

  return g_test_run ();
}
