/* tn-test-util.c — helpers shared by the test suites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "tn-test-util.h"

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
