/* test-program.c — how `trustnet` and `trustnet-window` find each other: beside the
 * running program when an executable file of that name is there (the build folder), else
 * where Meson installs it; the running program's own path; what both do first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-program"

#include "config.h"

#include <libintl.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-program.h"
#include "tn-test-util.h"

typedef struct
{
  char *dir;
  /* A program in @dir that plays the one running now: only its folder matters. */
  char *running;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-program-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->running = g_build_filename (fixture->dir, "trustnet", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tn_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->running);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            int         mode)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "#!/bin/sh\n", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static void
test_window_beside (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *window = write_file (fixture, "trustnet-window", 0755);
  g_autofree char *found = tn_program_find_beside (fixture->running, TN_PROGRAM_WINDOW);

  g_assert_cmpstr (found, ==, window);
}

static void
test_command_line_beside (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *window = g_build_filename (fixture->dir, "trustnet-window", NULL);
  g_autofree char *command_line = write_file (fixture, "trustnet", 0755);
  g_autofree char *found = tn_program_find_beside (window, TN_PROGRAM_COMMAND_LINE);

  g_assert_cmpstr (found, ==, command_line);
}

/* Nothing beside, a file that is not executable, a folder of that name: the installed one. */
static void
test_installed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *installed_window = g_build_filename (LIBEXECDIR, "trustnet-window", NULL);
  g_autofree char *installed_command_line = g_build_filename (BINDIR, "trustnet", NULL);
  g_autofree char *window = NULL;
  g_autofree char *found = NULL;

  found = tn_program_find_beside (fixture->running, TN_PROGRAM_WINDOW);
  g_assert_cmpstr (found, ==, installed_window);
  g_clear_pointer (&found, g_free);

  window = write_file (fixture, "trustnet-window", 0644);
  found = tn_program_find_beside (fixture->running, TN_PROGRAM_WINDOW);
  g_assert_cmpstr (found, ==, installed_window);
  g_clear_pointer (&found, g_free);

  g_assert_cmpint (g_unlink (window), ==, 0);
  g_assert_cmpint (g_mkdir (window, 0755), ==, 0);
  found = tn_program_find_beside (fixture->running, TN_PROGRAM_WINDOW);
  g_assert_cmpstr (found, ==, installed_window);
  g_clear_pointer (&found, g_free);

  /* Where the system does not say which program runs. */
  found = tn_program_find_beside (NULL, TN_PROGRAM_COMMAND_LINE);
  g_assert_cmpstr (found, ==, installed_command_line);
}

/* This test's own binary: the same file, whatever symlinks the build folder's path went
 * through; and with no `trustnet` beside it, the installed one is found. */
static void
test_running (void)
{
  g_autofree char *program = tn_program_get_running ();
  g_autofree char *expected = g_canonicalize_filename (g_test_get_filename (G_TEST_BUILT, "test-program", NULL), NULL);
  g_autofree char *found = tn_program_find (TN_PROGRAM_COMMAND_LINE);
  GStatBuf mine;
  GStatBuf theirs;

  g_assert_nonnull (program);
  g_assert_true (g_path_is_absolute (program));
  g_assert_cmpint (g_stat (program, &mine), ==, 0);
  g_assert_cmpint (g_stat (expected, &theirs), ==, 0);
  g_assert_cmpint (mine.st_ino, ==, theirs.st_ino);
  g_assert_cmpint (mine.st_dev, ==, theirs.st_dev);

  g_assert_cmpstr (found, ==, BINDIR "/trustnet");
}

/* What both programs do first: the time zone pinned, TrustNet's translations, its names. */
static void
test_init (void)
{
  tn_program_init ();

  g_assert_nonnull (g_getenv ("TZ"));
  g_assert_cmpstr (textdomain (NULL), ==, GETTEXT_PACKAGE);
  g_assert_cmpstr (g_get_prgname (), ==, "trustnet");
  g_assert_cmpstr (g_get_application_name (), ==, "TrustNet");
}

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

  g_test_add ("/program/window-beside", Fixture, NULL, fixture_set_up, test_window_beside, fixture_tear_down);
  g_test_add ("/program/command-line-beside", Fixture, NULL, fixture_set_up, test_command_line_beside,
              fixture_tear_down);
  g_test_add ("/program/installed", Fixture, NULL, fixture_set_up, test_installed, fixture_tear_down);
  g_test_add_func ("/program/running", test_running);
  g_test_add_func ("/program/init", test_init);

  return g_test_run ();
}
