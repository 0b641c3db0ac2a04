/* test-import-same-rows.c — issue 17: a faster import writes the same database. Generated
 * files are imported (a large one, which takes the deferred-index path, a small one that
 * merges, and the large one again: all duplicates) and every row the import writes is
 * hashed. The hash was taken with the importer before issue 17's changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When an import is meant to change what it writes, print the new hash with
 * TN_TEST_SHOW_ROWS=1 and say why in the commit.
 */
#define G_LOG_DOMAIN "test-import-same-rows"

#include "config.h"

#include <sqlite3.h>

#include <gio/gio.h>

#include "tn-importer.h"
#include "tn-store.h"
#include "tn-test-import.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

/* SHA-256 of the rows below after the three imports, taken with the importer from before
 * issue 17's work: at c3cd24b, then again with schema 7 (issue 16's columns, phones matched
 * through libphonenumber) on the CSV branch before it met the faster importer. Then once
 * more when a merge came to write the contact's row once instead of once per field it
 * fills (tn_import_writer_update_contact()): only contacts.revision (one step per merge,
 * not per field) and the order of the change feed's rows moved; every value is the same. */
#define EXPECTED_ROWS "fce768a4ea63bab9c53b5c0a415d77f2ee9c10a6730c8b0d8732048eb022412c"

typedef TnTestStore Fixture;

/* Every row an import writes, in a fixed order. */
static const char * const row_queries[] = {
  "SELECT * FROM contacts ORDER BY id",
  "SELECT * FROM emails ORDER BY contact_id, position",
  "SELECT * FROM phones ORDER BY contact_id, position",
  "SELECT * FROM trust_changes ORDER BY id",
  "SELECT * FROM import_batches ORDER BY id",
  "SELECT * FROM batch_changes ORDER BY rowid",
  "SELECT * FROM changes ORDER BY seq",
  "SELECT * FROM sqlite_sequence ORDER BY name",
};

static char *
hash_rows (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (row_queries); i++)
    {
      sqlite3_stmt *statement = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, row_queries[i], -1, &statement, NULL), ==, SQLITE_OK);
      while (sqlite3_step (statement) == SQLITE_ROW)
        {
          for (int column = 0; column < sqlite3_column_count (statement); column++)
            {
              const char *text = (const char *) sqlite3_column_text (statement, column);

              g_checksum_update (checksum, (const guchar *) (text != NULL ? text : "\x01NULL"), -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      g_assert_cmpint (sqlite3_finalize (statement), ==, SQLITE_OK);
    }
  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

/* The importer's connection checks no foreign keys (see tn-import-writer.c): they hold
 * by construction, and this says so. */
static void
assert_foreign_keys_hold (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
  sqlite3_close (db);
}

static char *
generate (const char *dir,
          const char *name,
          const char *n,
          const char *seed,
          const char *dup_rate)
{
  const char *tool = g_getenv ("TRUSTNET_GEN_VCARDS");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, n, "--seed", seed, "--dup-rate", dup_rate, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_set_contents (path, out, -1, &error));
  return g_steal_pointer (&path);
}

static void
test_same_rows (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *large = NULL, *small = NULL, *rows = NULL;
  g_autoptr(TnImportResult) first = NULL, second = NULL, again = NULL;

  if (g_getenv ("TRUSTNET_GEN_VCARDS") == NULL)
    {
      g_test_skip ("TRUSTNET_GEN_VCARDS is not set");
      return;
    }

  /* Over 10 MB: estimated at more than LARGE_IMPORT_CARDS, so its indexes are deferred. */
  large = generate (fixture->dir, "large.vcf", "30000", "1", "0.05");
  small = generate (fixture->dir, "small.vcf", "2000", "2", "0.3");

  first = tn_test_import_paths (fixture->store, large, NULL);
  g_assert_cmpuint (first->n_added + first->n_merged, ==, 30000);
  second = tn_test_import_paths (fixture->store, small, NULL);
  again = tn_test_import_paths (fixture->store, large, NULL);
  g_assert_cmpuint (again->n_added, ==, 0);

  assert_foreign_keys_hold (fixture->path);
  rows = hash_rows (fixture->path);
  if (g_getenv ("TN_TEST_SHOW_ROWS") != NULL)
    g_printerr ("rows: %s\n", rows);
  g_assert_cmpstr (rows, ==, EXPECTED_ROWS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tn_test_add_store_test ("/import/same-rows", NOW, test_same_rows);

  return g_test_run ();
}
