/* test-cli-launch.c — which launches `trustnet` hands to the window's program: a copy of
 * the built binary beside a stand-in `trustnet-window` (a script that prints what it was
 * given) shows that no mode, `--background` and D-Bus's `--gapplication-service` exec it
 * with the same arguments in the same process, and that every command-line mode, --version,
 * --help and a refused option never do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-launch"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-test-cli.h"
#include "tn-test-util.h"

/* Prints its arguments on one line, and its process id on the next, then exits 3. */
#define STAND_IN_WINDOW "#!/bin/sh\nprintf 'window:'\nfor a in \"$@\"; do printf ' %s' \"$a\"; done\necho\necho \"pid $$\"\nexit 3\n"

/* The built trustnet copied into the fixture's folder, a stand-in window beside it. */
static char *
copy_trustnet (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) built = g_file_new_for_path (g_getenv ("TRUSTNET_BIN"));
  g_autofree char *path = g_build_filename (fixture->dir, "trustnet", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autofree char *window = g_build_filename (fixture->dir, "trustnet-window", NULL);

  g_assert_true (g_file_copy (built, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);

  g_assert_true (g_file_set_contents (window, STAND_IN_WINDOW, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (window, 0755), ==, 0);

  return g_steal_pointer (&path);
}

/* The stand-in ran, with @arguments (each after a space), in the process trustnet was
 * started as. */
static void
assert_window (Run        *run,
               GPid        pid,
               const char *arguments)
{
  g_autofree char *expected = g_strdup_printf ("window:%s\npid %d\n", arguments, (int) pid);

  g_assert_cmpint (run->status, ==, 3);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_window_launches (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *trustnet = NULL;
  g_autofree char *arguments = NULL;
  g_auto(Run) run = { 0 };
  GPid pid;

  if (!have_trustnet ())
    return;
  trustnet = copy_trustnet (fixture);

  pid = spawn ((const char *[]) { trustnet, NULL }, &run);
  assert_window (&run, pid, "");

  pid = run_program (trustnet, &run, "--database", fixture->path, NULL);
  arguments = g_strdup_printf (" --database %s", fixture->path);
  assert_window (&run, pid, arguments);
  /* The window's program opens the database, not trustnet. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  pid = run_program (trustnet, &run, "--background", "--database=x.db", NULL);
  assert_window (&run, pid, " --background --database=x.db");

  pid = run_program (trustnet, &run, "--gapplication-service", NULL);
  assert_window (&run, pid, " --gapplication-service");
}

static void
test_command_line_stays (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *trustnet = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;
  trustnet = copy_trustnet (fixture);

  run_program (trustnet, &run, "--version", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "TrustNet " PACKAGE_VERSION "\n");

  run_program (trustnet, &run, "--database", fixture->path, "--add", "Ada Lovelace", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Added Ada Lovelace"));

  run_program (trustnet, &run, "--database", fixture->path, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "0\tAda Lovelace\t\t\n");

  run_program (trustnet, &run, "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "--sync-setup"));

  /* Refused before anything starts: no window either. */
  run_program (trustnet, &run, "--frobnicate", NULL);
  assert_user_error (&run);
  run_program (trustnet, &run, "--background", "--list", NULL);
  assert_user_error (&run);
}

/* No window's program beside trustnet and none installed: one clear line, exit 1. */
static void
test_window_missing (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *trustnet = NULL;
  g_autofree char *window = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;
  if (g_file_test (LIBEXECDIR "/trustnet-window", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("TrustNet is installed in this prefix: its window would start");
      return;
    }
  trustnet = copy_trustnet (fixture);
  window = g_build_filename (fixture->dir, "trustnet-window", NULL);
  g_assert_cmpint (g_unlink (window), ==, 0);

  run_program (trustnet, &run, "--database", fixture->path, NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, LIBEXECDIR "/trustnet-window"));
}

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

  add_cli_test ("/cli-launch/window-launches", test_window_launches);
  add_cli_test ("/cli-launch/command-line-stays", test_command_line_stays);
  add_cli_test ("/cli-launch/window-missing", test_window_missing);

  return g_test_run ();
}
