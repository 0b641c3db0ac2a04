/* test-autostart.c — the autostart entry: written as a valid desktop file that runs
 * `trustnet --background` by absolute path and with any other database, quoted as the
 * desktop entry specification says; removed again, both idempotent, and a clear error when blocked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-autostart"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-autostart.h"
#include "tn-store.h"

/* Every test runs with its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS). */

static char *
get_autostart_folder (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", NULL);
}

static void
test_path (void)
{
  g_autofree char *path = tn_autostart_get_path ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "autostart",
                                                "org.example.TrustNet-autostart.desktop", NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (tn_autostart_is_enabled ());
}

static void
test_enable_writes_entry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = tn_autostart_get_path ();
  g_autofree char *folder = get_autostart_folder ();
  g_autofree char *exec = NULL;
  g_autofree char *type = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *name = NULL;
  g_autofree char *comment = NULL;
  GStatBuf buf;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  g_assert_true (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tn_autostart_is_enabled ());

  /* A new folder is the person's own. */
  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  type = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, NULL);
  icon = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, NULL);
  name = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, NULL);
  comment = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT, NULL);
  g_assert_cmpstr (exec, ==, "/usr/bin/trustnet --background");
  g_assert_cmpstr (type, ==, "Application");
  g_assert_cmpstr (icon, ==, "org.example.TrustNet");
  g_assert_cmpstr (name, ==, "TrustNet");
  g_assert_nonnull (comment);
  g_assert_true (g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, NULL));
  g_assert_true (g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));
}

/* An existing folder keeps the mode the person gave it. */
static void
test_enable_keeps_folder_mode (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = get_autostart_folder ();
  GStatBuf buf;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  g_assert_true (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0755);
}

static void
test_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tn_autostart_get_path ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Removing what is not there, twice, with no folder at all. */
  g_assert_true (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tn_autostart_is_enabled ());

  g_assert_true (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_true (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_assert_true (tn_autostart_is_enabled ());

  g_assert_true (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tn_autostart_is_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
}

/* A regular file named "autostart" where the folder should be. */
static void
test_blocked_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = get_autostart_folder ();
  g_autofree char *content = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));

  g_assert_false (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (tn_autostart_is_enabled ());

  /* Left as it was found. */
  g_assert_true (g_file_get_contents (folder, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "not a folder");

  /* Nothing can start at login from there: turning it off succeeds. */
  g_clear_error (&error);
  g_assert_true (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
}

/* A folder where the entry should be: it can be neither written nor removed. */
static void
test_blocked_entry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tn_autostart_get_path ();

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  g_assert_false (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (tn_autostart_is_enabled ());
  g_clear_error (&error);

  g_assert_false (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = get_autostart_folder ();
  g_autofree char *probe = g_build_filename (folder, "probe", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0500), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  /* root writes anyway: nothing to check there. */
  if (g_file_set_contents (probe, "", -1, NULL))
    {
      g_unlink (probe);
      g_chmod (folder, 0700);
      g_test_skip ("the folder's permissions do not apply to this user (root?)");
      return;
    }

  g_assert_false (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_false (tn_autostart_is_enabled ());
  g_chmod (folder, 0700);
}

/* The Exec line as a session reads it: the key file's escapes undone, then the %% of
 * field codes, then the shell-like quoting (GLib's g_shell_parse_argv follows the same
 * rules inside double quotes as the desktop entry specification). */
static char **
parse_exec (const char *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GString) exec = NULL;
  g_autofree char *value = NULL;
  char **argv = NULL;

  g_assert_true (g_key_file_load_from_data (key_file, content, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  value = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  g_assert_nonnull (value);
  exec = g_string_new (value);
  g_assert_cmpuint (exec->len, >, 0);
  g_string_replace (exec, "%%", "%", 0);
  g_assert_true (g_shell_parse_argv (exec->str, NULL, &argv, &error));
  g_assert_no_error (error);
  return argv;
}

/* The default database, by path or by NULL, writes no --database. */
static void
test_default_database (void)
{
  g_autofree char *default_path = tn_store_get_default_path ();
  g_autofree char *by_null = tn_autostart_get_content ("/opt/TrustNet/bin/trustnet", NULL);
  g_autofree char *by_path = tn_autostart_get_content ("/opt/TrustNet/bin/trustnet", default_path);
  g_auto(GStrv) argv = parse_exec (by_null);

  g_assert_cmpstr (by_null, ==, by_path);
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  g_assert_cmpstr (argv[0], ==, "/opt/TrustNet/bin/trustnet");
  g_assert_cmpstr (argv[1], ==, "--background");
}

/* Another database is kept, by its absolute path, quoted so that any name survives:
 * spaces, quotes, $, `, backslash, % and the like. */
static void
test_other_database_quoted (void)
{
  static const char *const names[] = {
    "plain.db", "with space.db", "quote\"double.db", "it's.db", "dollar$HOME.db",
    "back`tick`.db", "back\\slash.db", "100%.db", "%f.db", "semi;colon&amp.db", "~tilde.db",
  };
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "My Data (2026)", NULL);
  g_autofree char *program = g_build_filename (folder, "bin $x", "trustnet", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *database = g_build_filename (folder, names[i], NULL);
      g_autofree char *content = tn_autostart_get_content (program, database);
      g_auto(GStrv) argv = parse_exec (content);

      g_assert_cmpuint (g_strv_length (argv), ==, 4);
      g_assert_cmpstr (argv[0], ==, program);
      g_assert_cmpstr (argv[1], ==, "--database");
      g_assert_cmpstr (argv[2], ==, database);
      g_assert_cmpstr (argv[3], ==, "--background");
    }
}

/* A relative --database means the folder the window was started in, not the home
 * folder the session starts the entry in. */
static void
test_relative_database (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_build_filename (cwd, "work", "trust.db", NULL);
  g_autofree char *content = tn_autostart_get_content ("/usr/bin/trustnet", "work/../work/trust.db");
  g_auto(GStrv) argv = parse_exec (content);

  g_assert_cmpuint (g_strv_length (argv), ==, 4);
  g_assert_cmpstr (argv[2], ==, expected);
}

/* A desktop entry is UTF-8: a path that is not is refused, and nothing is written. */
static void
test_non_utf8_refused (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", "/tmp/caf\xe9.db", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_false (tn_autostart_is_enabled ());
}

static void
test_desktop_file_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *validate = g_find_program_in_path ("desktop-file-validate");
  g_autofree char *path = tn_autostart_get_path ();
  g_autofree char *output = NULL;
  const char *argv[] = { NULL, NULL, NULL };
  int status = 0;

  if (validate == NULL)
    {
      g_test_skip ("desktop-file-validate is not installed");
      return;
    }

  /* The hardest database name of the quoting test. */
  g_assert_true (tn_autostart_set_enabled (TRUE, "/opt/bin $x/trustnet", "/tmp/it's \"$HOME\" 100%.db", &error));
  g_assert_no_error (error);

  argv[0] = validate;
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &output, NULL, &status, &error));
  g_assert_no_error (error);
  /* It prints hints and warnings too; any line at all is a finding. */
  g_assert_cmpstr (output, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/autostart/path", test_path);
  g_test_add_func ("/autostart/enable-writes-entry", test_enable_writes_entry);
  g_test_add_func ("/autostart/enable-keeps-folder-mode", test_enable_keeps_folder_mode);
  g_test_add_func ("/autostart/idempotent", test_idempotent);
  g_test_add_func ("/autostart/blocked-folder", test_blocked_folder);
  g_test_add_func ("/autostart/blocked-entry", test_blocked_entry);
  g_test_add_func ("/autostart/read-only-folder", test_read_only_folder);
  g_test_add_func ("/autostart/default-database", test_default_database);
  g_test_add_func ("/autostart/other-database-quoted", test_other_database_quoted);
  g_test_add_func ("/autostart/relative-database", test_relative_database);
  g_test_add_func ("/autostart/non-utf8-refused", test_non_utf8_refused);
  g_test_add_func ("/autostart/desktop-file-validate", test_desktop_file_validate);

  return g_test_run ();
}
