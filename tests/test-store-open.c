/* test-store-open.c — opening a TnStore on real SQLite files in a fresh temporary folder per
 * test: a private new database, and refusing what it must not touch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store-open"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-store.h"
#include "tn-test-import.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/* Whatever the clock says, stores in these tests are at this moment. */
#define NOW "2026-11-24T09:00:00Z"

/* No store is open: these tests open their own, on a database in a subfolder that does
 * not exist yet, since opening is what they test. */
typedef TnTestStore Fixture;

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 07777;
}

/* What "left untouched" means: the same bytes, mode and modification time. */
typedef struct
{
  char *contents;
  gsize length;
  guint mode;
  struct timespec mtime;
} FileSnapshot;

static void
file_snapshot_take (FileSnapshot *snapshot,
                    const char   *path)
{
  g_autoptr(GError) error = NULL;
  struct stat info;

  g_assert_true (g_file_get_contents (path, &snapshot->contents, &snapshot->length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &info), ==, 0);
  snapshot->mode = info.st_mode & 07777;
  snapshot->mtime = info.st_mtim;
}

static void
file_snapshot_assert_unchanged (FileSnapshot *snapshot,
                                const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  struct stat info;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, snapshot->contents, snapshot->length);
  g_assert_cmpint (stat (path, &info), ==, 0);
  g_assert_cmpuint (info.st_mode & 07777, ==, snapshot->mode);
  g_assert_cmpint (info.st_mtim.tv_sec, ==, snapshot->mtime.tv_sec);
  g_assert_cmpint (info.st_mtim.tv_nsec, ==, snapshot->mtime.tv_nsec);
}

static void
file_snapshot_clear (FileSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->contents, g_free);
}

static char *
sibling (const char *path,
         const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* ---------------------------------------------------------------- open */

static void
test_open_creates_private (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnStore) store = NULL;
  g_autoptr(TnContact) ada = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = sibling (fixture->path, "-wal");

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  store = tn_test_store_open_path (fixture->path);

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmphex (file_mode (fixture->path), ==, 0600);
  g_assert_cmphex (file_mode (folder), ==, 0700);
  g_assert_cmpstr (tn_store_get_path (store), ==, fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 0);
  g_assert_true (g_list_model_get_item_type (tn_store_get_contacts (store)) == TN_TYPE_CONTACT);

  /* The journal holds the same private data: same mode. */
  ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  g_assert_cmphex (file_mode (wal), ==, 0600);

  /* What another program sees. */
  {
    g_autofree char *version = g_strdup_printf ("%d", TN_STORE_SCHEMA_VERSION);

    tn_test_assert_query (fixture->path, "PRAGMA user_version", version);
  }
  tn_test_assert_query (fixture->path, "PRAGMA journal_mode", "wal");
  tn_test_assert_query (fixture->path, "SELECT full_name FROM contacts", "Ada Lovelace");
}

static void
test_open_tightens_mode (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);

  g_clear_object (&store);

  /* A backup tool restored it readable by everyone. */
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  store = tn_test_store_open_path (fixture->path);
  g_assert_cmphex (file_mode (fixture->path), ==, 0600);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = NULL;
  g_autoptr(TnContact) ada = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (fixture->path, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);

  store = tn_test_store_open_path (fixture->path);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
  tn_test_assert_query (fixture->path,
                    "SELECT group_concat (name, ' ') FROM"
                    " (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)",
                    "batch_changes brand_heard brand_statements changes contacts emails import_batches"
                    " interaction_days interactions job_changes linchpin_checks meta phones sqlite_sequence sync_account"
                    " sync_cards sync_field_times sync_gone trust_changes urls");

  ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  tn_test_reopen_path (fixture->path, &store);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  g_assert_cmpint (tn_store_get_schema_version (store), ==, TN_STORE_SCHEMA_VERSION);
}

static void
test_open_default_path (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = tn_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "trustnet", "trustnet.db", NULL);
  g_autofree char *folder = NULL;
  g_autoptr(TnStore) store = NULL;

  /* $XDG_DATA_HOME as GLib reads it; G_TEST_OPTION_ISOLATE_DIRS points it
   * at a folder of this test's own, so nothing lands in the real home. */
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "trustnet" G_DIR_SEPARATOR_S "trustnet.db"));
  g_assert_nonnull (strstr (path, "/store/open/default-path/"));

  /* No path means the default one, created privately. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = tn_test_store_open_path (NULL);
  g_assert_cmpstr (tn_store_get_path (store), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmphex (file_mode (path), ==, 0600);
  folder = g_path_get_dirname (path);
  g_assert_cmphex (file_mode (folder), ==, 0700);
}

static void
test_open_newer_schema (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autofree char *wal = sibling (fixture->path, "-wal");
  FileSnapshot before = { 0 };

  g_clear_object (&store);

  /* A newer TrustNet moved the schema on; its last connection closed,
   * so everything is in the main file. */
  tn_test_assert_query (fixture->path, "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);", "0|0|0");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  tn_test_assert_query (fixture->path, "PRAGMA user_version", "99");
  file_snapshot_take (&before, fixture->path);

  /* The file's mtime has a coarse clock on some file systems: let any
   * write land in a later tick. */
  g_usleep (20 * 1000);

  store = tn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "99"));

  file_snapshot_assert_unchanged (&before, fixture->path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  file_snapshot_clear (&before);

  /* Refused again, the same way: nothing was half-migrated. */
  g_clear_error (&error);
  store = tn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NEWER_SCHEMA);
  tn_test_assert_query (fixture->path, "SELECT full_name FROM contacts", "Ada Lovelace");
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static void
assert_open_refused_untouched (const char   *path,
                               TnStoreError  expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = NULL;
  FileSnapshot before = { 0 };

  file_snapshot_take (&before, path);
  g_usleep (20 * 1000);

  store = tn_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TN_STORE_ERROR, (int) expected);
  g_assert_nonnull (strstr (error->message, path));

  file_snapshot_assert_unchanged (&before, path);
  file_snapshot_clear (&before);
}

static void
test_open_not_a_database (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autofree guint8 *noise = g_malloc (16384);

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Line %u of a shopping list, not a database.\n", i);

  write_file (fixture->path, text->str, text->len);
  assert_open_refused_untouched (fixture->path, TN_STORE_ERROR_NOT_A_DATABASE);

  /* A short text, smaller than one database page. */
  write_file (fixture->path, "hello\n", 6);
  assert_open_refused_untouched (fixture->path, TN_STORE_ERROR_NOT_A_DATABASE);

  for (guint i = 0; i < 16384; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  write_file (fixture->path, (const char *) noise, 16384);
  assert_open_refused_untouched (fixture->path, TN_STORE_ERROR_NOT_A_DATABASE);
}

/* A file TrustNet refuses is not TrustNet's to change in any way, its
 * permissions included: it may be someone else's file given by mistake. */
static void
test_open_refused_keeps_mode (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(TnStore) store = NULL;

  write_file (notes, "Call Ada on Monday.\n", 20);
  g_assert_cmpint (g_chmod (notes, 0644), ==, 0);
  assert_open_refused_untouched (notes, TN_STORE_ERROR_NOT_A_DATABASE);

  store = tn_test_store_open_path (fixture->path);
  g_clear_object (&store);
  tn_test_assert_query (fixture->path, "PRAGMA user_version = 99", "");
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  assert_open_refused_untouched (fixture->path, TN_STORE_ERROR_NEWER_SCHEMA);
}

static void
test_open_directory (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);

  store = tn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
}

static void
test_open_read_only (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TnStore) store = NULL;
  g_autoptr(TnContact) ada = NULL;

  if (geteuid () == 0)
    {
      /* Permission bits do not stop root from writing, so there is no
       * read-only file to make here. */
      g_test_skip ("Running as root: a chmod 0400 database is still writable");
      return;
    }

  store = tn_test_store_open_path (fixture->path);
  ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (fixture->path, 0400), ==, 0);
  assert_open_refused_untouched (fixture->path, TN_STORE_ERROR_READ_ONLY);

  /* A writable file in a folder that cannot be written: the journal
   * cannot be created. */
  {
    g_autofree char *folder = g_path_get_dirname (fixture->path);

    g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
    g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
    assert_open_refused_untouched (fixture->path, TN_STORE_ERROR_READ_ONLY);
    g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

#define ADD_TEST(path, func) tn_test_add_unopened_store_test (path, NOW, func)

  ADD_TEST ("/store/open/creates-private", test_open_creates_private);
  ADD_TEST ("/store/open/tightens-mode", test_open_tightens_mode);
  ADD_TEST ("/store/open/empty-file", test_open_empty_file);
  ADD_TEST ("/store/open/default-path", test_open_default_path);
  ADD_TEST ("/store/open/newer-schema", test_open_newer_schema);
  ADD_TEST ("/store/open/not-a-database", test_open_not_a_database);
  ADD_TEST ("/store/open/refused-keeps-mode", test_open_refused_keeps_mode);
  ADD_TEST ("/store/open/directory", test_open_directory);
  ADD_TEST ("/store/open/read-only", test_open_read_only);

#undef ADD_TEST

  return g_test_run ();
}
