/* tn-test-cli.c — running the real `trustnet` binary the way the command-line suites do:
 * a scratch database per test, exit status, stdout and stderr of each run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tn-test-cli.h"
#include "tn-test-util.h"

#define PYTHON "/usr/bin/python3"

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

/* Text of @bytes up to its first NUL, as the tests read output: "" for none. */
static char *
bytes_to_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return g_strndup (data != NULL ? data : "", size);
}

/* Runs @argv to its end; returns its process id, for a test that checks what ran in it. */
GPid
spawn (const char * const *argv,
       Run                *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  GPid pid;

  run_clear (run);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_text (out);
  run->err = bytes_to_text (err);
  return pid;
}

static GPid
run_program_valist (const char *program,
                    Run        *run,
                    const char *first,
                    va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) program);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  return spawn ((const char * const *) argv->pdata, run);
}

/* @program ARGS…, NULL-terminated; returns its process id. */
GPid
run_program (const char *program,
             Run        *run,
             const char *first,
             ...)
{
  va_list args;
  GPid pid;

  va_start (args, first);
  pid = run_program_valist (program, run, first, args);
  va_end (args);
  return pid;
}

/* trustnet ARGS…, NULL-terminated, without --database. */
void
run_plain (Run        *run,
           const char *first,
           ...)
{
  va_list args;

  va_start (args, first);
  run_program_valist (g_getenv ("TRUSTNET_BIN"), run, first, args);
  va_end (args);
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

/* The --list --json output of @database, which must succeed. */
char *
list_json (const char *database)
{
  g_auto(Run) run = { 0 };

  run_on (database, &run, "--list", "--json", NULL);
  assert_success (&run);
  return g_steal_pointer (&run.out);
}

/* Feeds @json to a small Python program that checks its shape and prints
 * one line per contact: name|organization|title|trust|emails|phones|last_contact. */
char *
summarize_json (const char *json)
{
  static const char script[] =
    "import json, sys\n"
    "data = json.load(sys.stdin)\n"
    "assert isinstance(data, list), 'not an array'\n"
    "for c in data:\n"
    "    for key in ('uid', 'name', 'organization', 'title', 'trust', 'emails', 'phones', 'last_contact'):\n"
    "        assert key in c, 'missing ' + key\n"
    "    assert isinstance(c['uid'], str) and c['uid'], 'uid'\n"
    "    assert isinstance(c['trust'], int), 'trust is not a number'\n"
    "    assert isinstance(c['emails'], list) and isinstance(c['phones'], list)\n"
    "    print('|'.join([c['name'], str(c['organization']), str(c['title']), str(c['trust']),\n"
    "                    ','.join(c['emails']), ','.join(c['phones']), str(c['last_contact'])]))\n";
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  char *standard_output = NULL;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error, PYTHON, "-c", script, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, json, NULL, &standard_output, &standard_error, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("The --json output did not parse: %s\n%s", standard_error, json);

  return standard_output;
}

/* The --list --json output of @database, summarised as summarize_json() does. */
char *
summarize_list (const char *database)
{
  g_autofree char *json = list_json (database);

  return summarize_json (json);
}

/* Two namesakes and Grace, the database each error case starts from. */
void
seed (const char *database)
{
  g_auto(Run) run = { 0 };

  add_ok (database, "Ada Lovelace", "ada@example.org");
  add_ok (database, "Ada Lovelace", "ada@engines.example");
  add_ok (database, "Grace Hopper", "grace@navy.example");
  run_on (database, &run, "--with", "grace@navy.example", "--rate", "2", NULL);
  assert_success (&run);
}
