/* test-db.c — the SQLite helpers every file of the store shares: errors for people,
 * statements prepared once, and transactions that leave nothing half-done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-db"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "tn-db.h"
#include "tn-store.h"
#include "tn-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  TnDb *db;
} Fixture;

/* An empty file is a database with no tables, as the store creates it. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-db-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  fixture->db = tn_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  g_assert_true (tn_db_exec (fixture->db, "CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT UNIQUE)", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->db, tn_db_close);
  tn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static int
count_rows (Fixture    *fixture,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) statement =
    tn_db_prepare (fixture->db, "SELECT count (*) FROM t WHERE value IS ?1", &error);

  g_assert_no_error (error);
  tn_db_bind_text (statement, 1, value);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  return sqlite3_column_int (statement, 0);
}

static void
test_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-db-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing.db", NULL);

  /* Never created: the caller makes the file, with the right permissions, first. */
  g_assert_null (tn_db_open (path, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Like g_free(), for cleanups that may find nothing opened. */
  tn_db_close (NULL);
  tn_test_remove_tree (dir);
}

static void
test_step_and_bind (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) insert =
    tn_db_prepare (fixture->db, "INSERT INTO t (value) VALUES (?1)", &error);
  static const char fixed[] = "static";
  char copied[] = "copied";

  g_assert_no_error (error);
  tn_db_bind_text (insert, 1, copied);
  /* Bound as a copy: changing the buffer after binding changes nothing. */
  copied[0] = 'X';
  g_assert_true (tn_db_step_done (fixture->db, insert, &error));
  g_assert_no_error (error);
  tn_db_bind_text (insert, 1, NULL);
  g_assert_true (tn_db_step_done (fixture->db, insert, &error));
  tn_db_bind_static (insert, 1, fixed);
  g_assert_true (tn_db_step_done (fixture->db, insert, &error));
  tn_db_bind_static (insert, 1, NULL);
  g_assert_true (tn_db_step_done (fixture->db, insert, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (fixture, "copied"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "static"), ==, 1);
  g_assert_cmpint (count_rows (fixture, NULL), ==, 2);

  /* A UNIQUE value twice: the statement fails, and is reset for the next use. */
  tn_db_bind_text (insert, 1, "copied");
  g_assert_false (tn_db_step_done (fixture->db, insert, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
  g_assert_false (sqlite3_stmt_busy (insert));
}

static void
test_finished (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (fixture->db, "SELECT 1 UNION SELECT 2", &error);
  int n_rows = 0;
  int result;

  g_assert_no_error (error);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    n_rows++;
  g_assert_cmpint (n_rows, ==, 2);
  g_assert_true (tn_db_finished (fixture->db, result, &error));
  g_assert_no_error (error);

  g_assert_false (tn_db_finished (fixture->db, SQLITE_ROW, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const struct { int result; int code; } cases[] = {
    { SQLITE_BUSY, TN_STORE_ERROR_BUSY },
    { SQLITE_LOCKED, TN_STORE_ERROR_BUSY },
    { SQLITE_READONLY, TN_STORE_ERROR_READ_ONLY },
    { SQLITE_CANTOPEN, TN_STORE_ERROR_READ_ONLY },
    { SQLITE_FULL, TN_STORE_ERROR_DISK_FULL },
    { SQLITE_NOTADB, TN_STORE_ERROR_NOT_A_DATABASE },
    { SQLITE_CORRUPT, TN_STORE_ERROR_NOT_A_DATABASE },
    { SQLITE_BUSY_SNAPSHOT, TN_STORE_ERROR_BUSY },
    { SQLITE_ERROR, TN_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      tn_db_set_error (fixture->db, cases[i].result, &error);
      g_assert_error (error, TN_STORE_ERROR, cases[i].code);
      /* Every message names the file, so the person knows which database. */
      g_assert_nonnull (strstr (error->message, fixture->path));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tn_db_exec (fixture->db, "NOT SQL", &error));
    g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_null (tn_db_prepare (fixture->db, "SELECT * FROM nowhere", &error));
    g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_null (tn_db_cached (fixture->db, "SELECT * FROM nowhere", &error));
    g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
  }
}

static const char select_values[] = "SELECT value FROM t ORDER BY id";

static void
test_cached (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement = tn_db_cached (fixture->db, select_values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statement);
  g_assert_true (tn_db_cached (fixture->db, select_values, NULL) == statement);

  g_assert_true (tn_db_exec (fixture->db, "INSERT INTO t (value) VALUES ('a')", &error));
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_true (sqlite3_stmt_busy (statement));
  tn_db_reset_cached (fixture->db);
  g_assert_false (sqlite3_stmt_busy (statement));
  /* The cache is finalized by tn_db_close(), which would fail with statements alive. */
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_db_begin (fixture->db, &error));
  g_assert_true (tn_db_exec (fixture->db, "INSERT INTO t (value) VALUES ('gone')", &error));
  tn_db_rollback (fixture->db);
  g_assert_cmpint (count_rows (fixture, "gone"), ==, 0);
  /* Outside a transaction, a rollback does nothing and says nothing. */
  tn_db_rollback (fixture->db);

  g_assert_true (tn_db_begin (fixture->db, &error));
  g_assert_true (tn_db_exec (fixture->db, "INSERT INTO t (value) VALUES ('kept')", &error));
  g_assert_true (tn_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "kept"), ==, 1);

  g_assert_false (tn_db_commit (fixture->db, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
}

/* A second connection holding the write lock: the first waits, then says why it failed. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  TnDb *other = tn_db_open (fixture->path, &error);

  g_assert_nonnull (other);
  g_assert_true (tn_db_begin (other, &error));
  g_assert_no_error (error);

  g_assert_false (tn_db_begin (fixture->db, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY);

  /* Closing rolls back what was not committed, and frees the lock. */
  tn_db_close (other);
  g_clear_error (&error);
  g_assert_true (tn_db_begin (fixture->db, &error));
  g_assert_true (tn_db_commit (fixture->db, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  g_test_add_func ("/db/open-missing", test_open_missing);
  ADD ("/db/step-and-bind", test_step_and_bind);
  ADD ("/db/finished", test_finished);
  ADD ("/db/errors", test_errors);
  ADD ("/db/cached", test_cached);
  ADD ("/db/transactions", test_transactions);
  ADD ("/db/busy", test_busy);

#undef ADD

  return g_test_run ();
}
