/* tn-test-util.c — helpers shared by the test suites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-test-util.h"

/**
 * tn_test_init:
 * @argc: main()'s argc
 * @argv: main()'s argv
 *
 * g_test_init() with a private home, config and cache folder per test, and checks that
 * fail their test and let the others still run.
 */
void
tn_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
}

/**
 * tn_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and everything below it, making folders writable first:
 * some tests make them read-only.
 */
void
tn_test_remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          tn_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

/**
 * tn_test_sqlite:
 * @path: a database file
 * @sql: SQL or a dot command for the sqlite3 tool
 *
 * Runs @sql through the sqlite3 command-line tool, a second program on the
 * same file, and fails the test if it reports anything on stderr.
 *
 * Returns: (transfer full): what it printed, without the last newline
 */
char *
tn_test_sqlite (const char *path,
                const char *sql)
{
  const char *argv[] = { "sqlite3", "-batch", path, sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  char *standard_output = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &standard_output, &standard_error, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("sqlite3 “%s” failed: %s\n%s", sql, error->message, standard_error);
  g_assert_cmpstr (standard_error, ==, "");

  return g_strchomp (standard_output);
}

/**
 * tn_test_dump:
 * @path: a database file
 *
 * Returns: (transfer full): everything in the database as SQL text: equal
 *   dumps, equal databases
 */
char *
tn_test_dump (const char *path)
{
  return tn_test_sqlite (path, ".dump");
}

/**
 * tn_test_real_dir:
 *
 * Returns: (transfer full) (nullable): tests/data/vcards/real, the corpus of files that
 *   real programs wrote; %NULL when the test runs outside meson and TRUSTNET_TEST_DATA is unset
 */
char *
tn_test_real_dir (void)
{
  const char *data = g_getenv ("TRUSTNET_TEST_DATA");

  return data != NULL ? g_build_filename (data, "vcards", "real", NULL) : NULL;
}

/* Every file of the corpus below @dir into @files, without its notes (*.md, SHA256SUMS). */
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

/* @strv holds exactly the strings that follow, in order, up to NULL. */
void
tn_test_assert_strv (const char * const *strv,
                     ...)
{
  va_list args;
  const char *expected;
  guint i = 0;

  g_assert_nonnull (strv);
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

/**
 * tn_test_real_files:
 * @files: (element-type GFile): where to add every file of the corpus
 *
 * Returns: (transfer full) (nullable): the corpus's folder, for paths relative to it;
 *   %NULL, and the test skipped, when TRUSTNET_TEST_DATA is unset
 */
GFile *
tn_test_real_files (GPtrArray *files)
{
  g_autofree char *dir = tn_test_real_dir ();
  g_autoptr(GFile) root = NULL;

  if (dir == NULL)
    {
      g_test_skip ("TRUSTNET_TEST_DATA is not set");
      return NULL;
    }

  root = g_file_new_for_path (dir);
  collect_files (root, files);
  /* Fewer would mean a corpus copied in part, which would pass for the wrong reason. */
  g_assert_cmpuint (files->len, >=, 80);
  return g_steal_pointer (&root);
}

/**
 * tn_test_local_time:
 * @iso8601: a time without a zone, "2026-11-24T09:00:00"
 *
 * Returns: (transfer full): @iso8601 in the local time zone; the test fails if it is not a time
 */
GDateTime *
tn_test_local_time (const char *iso8601)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  GDateTime *when = g_date_time_new_from_iso8601 (iso8601, zone);

  g_assert_nonnull (when);
  return when;
}
