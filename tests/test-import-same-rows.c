/* test-import-same-rows.c — issue 17: a faster import writes the same database. Generated
 * files are imported (a large one, which takes the deferred-index path, a small one that
 * merges, and the large one again: all duplicates) and every row the import writes is
 * hashed. The hash was taken with the importer before issue 17's changes.
 *
 * The import writer sets five triggers aside and writes their rows itself (see
 * set_aside_triggers in tn-import-writer.c): the same imports into a second database with
 * the triggers kept must write every row the same, so that a change to a trigger that the
 * writer does not follow fails here.
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

#include "tn-import-writer-private.h"
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

/* Every table an import writes, whole, in a fixed order, for comparing two databases row by
 * row. The change feed is compared with its seq: the writer writes its rows at the moments
 * the triggers did (a job change's, then the merged row's, which replaces it), so the
 * feed's order and sqlite_sequence match exactly and nothing is allowed to differ. */
static const char * const all_rows_queries[] = {
  "SELECT * FROM contacts ORDER BY id",
  "SELECT * FROM emails ORDER BY contact_id, position",
  "SELECT * FROM phones ORDER BY contact_id, position",
  "SELECT * FROM urls ORDER BY contact_id, position",
  "SELECT * FROM trust_changes ORDER BY id",
  "SELECT * FROM import_batches ORDER BY id",
  "SELECT * FROM batch_changes ORDER BY rowid",
  "SELECT * FROM changes ORDER BY seq",
  "SELECT * FROM sync_field_times ORDER BY contact_id, field",
  "SELECT * FROM job_changes ORDER BY id",
  "SELECT * FROM sqlite_sequence ORDER BY name",
};

/* The rows @sql reads from @db, each as its values joined by '|' (NULL as "<null>"). */
static GPtrArray *
read_rows (sqlite3    *db,
           const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int column = 0; column < sqlite3_column_count (statement); column++)
        {
          const char *text = (const char *) sqlite3_column_text (statement, column);

          g_string_append_printf (row, "%s%s", column > 0 ? "|" : "", text != NULL ? text : "<null>");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  g_assert_cmpint (sqlite3_finalize (statement), ==, SQLITE_OK);

  return rows;
}

static guint
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  sqlite3 *db = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rows = read_rows (db, sql);
  sqlite3_close (db);

  return rows->len;
}

/* Fails at the first row of all_rows_queries where @path and @other_path differ, naming it. */
static void
assert_same_rows (const char *path,
                  const char *other_path)
{
  sqlite3 *db = NULL, *other_db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open_v2 (other_path, &other_db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (all_rows_queries); i++)
    {
      g_autoptr(GPtrArray) rows = read_rows (db, all_rows_queries[i]);
      g_autoptr(GPtrArray) other_rows = read_rows (other_db, all_rows_queries[i]);

      for (guint row = 0; row < MIN (rows->len, other_rows->len); row++)
        {
          if (g_strcmp0 (g_ptr_array_index (rows, row), g_ptr_array_index (other_rows, row)) != 0)
            g_error ("%s, row %u:\n  set aside: %s\n  kept:      %s", all_rows_queries[i], row,
                     (char *) g_ptr_array_index (rows, row), (char *) g_ptr_array_index (other_rows, row));
        }
      if (rows->len != other_rows->len)
        g_error ("%s: %u rows with the triggers set aside, %u with them kept", all_rows_queries[i],
                 rows->len, other_rows->len);
    }
  sqlite3_close (other_db);
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

/* The three imports of this suite: the large file, the small one, the large one again. */
static void
import_three (TnStore    *store,
              const char *large,
              const char *small)
{
  g_autoptr(TnImportResult) first = NULL, second = NULL, again = NULL;

  first = tn_test_import_paths (store, large, NULL);
  g_assert_cmpuint (first->n_added + first->n_merged, ==, 30000);
  second = tn_test_import_paths (store, small, NULL);
  g_assert_cmpuint (second->n_merged, >, 0);
  again = tn_test_import_paths (store, large, NULL);
  g_assert_cmpuint (again->n_added, ==, 0);
}

static void
test_same_rows (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *large = NULL, *small = NULL, *rows = NULL, *kept_path = NULL;
  g_autoptr(TnStore) kept_store = NULL;

  if (g_getenv ("TRUSTNET_GEN_VCARDS") == NULL)
    {
      g_test_skip ("TRUSTNET_GEN_VCARDS is not set");
      return;
    }

  /* Over 10 MB: estimated at more than LARGE_IMPORT_CARDS, so its indexes are deferred. */
  large = generate (fixture->dir, "large.vcf", "30000", "1", "0.05");
  small = generate (fixture->dir, "small.vcf", "2000", "2", "0.3");

  import_three (fixture->store, large, small);

  assert_foreign_keys_hold (fixture->path);
  /* The indexes the large import built again at its commit, their keys sorted in SQLite's
   * worker threads, hold exactly the rows of their tables. */
  tn_test_assert_query (fixture->path, "PRAGMA integrity_check", "ok");
  rows = hash_rows (fixture->path);
  if (g_getenv ("TN_TEST_SHOW_ROWS") != NULL)
    g_printerr ("rows: %s\n", rows);
  g_assert_cmpstr (rows, ==, EXPECTED_ROWS);

  /* The merges changed fields and jobs, so the rows of every trigger set aside are there. */
  g_assert_cmpuint (count_rows (fixture->path, "job_changes"), >, 0);
  g_assert_cmpuint (count_rows (fixture->path, "sync_field_times"), >, 0);

  /* The same imports, at the same pinned time, with the triggers writing their rows. */
  kept_path = g_build_filename (fixture->dir, "kept.db", NULL);
  kept_store = tn_test_store_open_path (kept_path);
  _tn_import_writer_set_keep_triggers (TRUE);
  import_three (kept_store, large, small);
  _tn_import_writer_set_keep_triggers (FALSE);

  assert_same_rows (fixture->path, kept_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tn_test_add_store_test ("/import/same-rows", NOW, test_same_rows);

  return g_test_run ();
}
