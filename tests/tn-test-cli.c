/* tn-test-cli.c — running the real `trustnet` binary the way the command-line suites do:
 * a scratch database per test, exit status, stdout and stderr of each run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "tn-test-cli.h"
#include "tn-test-util.h"

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}


void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data", "trustnet.db", NULL);
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_unsetenv ("TRUSTNET_NOW");
}

gboolean
have_trustnet (void)
{
  const char *binary = g_getenv ("TRUSTNET_BIN");

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("TRUSTNET_BIN does not name the built trustnet; run this through meson test");
      return FALSE;
    }

  return TRUE;
}

void
spawn (const char * const *argv,
       Run                *run)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* trustnet ARGS…, NULL-terminated, without --database. */
void
run_plain (Run        *run,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TRUSTNET_BIN"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  spawn ((const char * const *) argv->pdata, run);
}

void
run_argv (const char         *database,
          const char * const *args,
          Run                *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("TRUSTNET_BIN"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) database);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  spawn ((const char * const *) argv->pdata, run);
}

/* trustnet --database PATH ARGS…, NULL-terminated. */
void
run_on (const char *database,
        Run        *run,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list list;

  va_start (list, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  run_argv (database, (const char * const *) args->pdata, run);
}

void
assert_success (Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* Exit 1, nothing on stdout, and exactly one line on stderr saying what
 * was wrong. */
void
assert_user_error (Run *run)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "trustnet: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("trustnet: \n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

void
add_ok (const char *database,
        const char *name,
        const char *email)
{
  g_auto(Run) run = { 0 };

  if (email != NULL)
    run_on (database, &run, "--add", name, "--email", email, NULL);
  else
    run_on (database, &run, "--add", name, NULL);
  assert_success (&run);
}
