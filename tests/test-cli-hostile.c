/* test-cli-hostile.c — the command line given hostile input (issue 13): names with
 * terminal escapes, files another user owns, exports through links, files that are not
 * files, files with nothing importable, dates and paths at the edges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-test-cli.h"
#include "tn-test-util.h"

#define ESC "\x1b"

/* A vCard beside the database, written for one test. */
static char *
write_vcard (Fixture    *fixture,
             const char *name,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_no_escape (Run *run)
{
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  g_assert_null (strchr (run->out, 0x1b));
  g_assert_null (strchr (run->err, 0x1b));
  g_assert_null (strchr (run->out, '\a'));
  g_assert_null (strchr (run->err, '\a'));
}

/* ------------------------------------------------------- terminal escapes */

/* A name from a vCard holding ESC sequences (clear the screen, set the title) and a
 * BEL: whatever prints it shows spaces instead, on stdout and stderr alike. */
static void
test_escape_from_vcard (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *vcf = NULL;

  if (!have_trustnet ())
    return;

  vcf = write_vcard (fixture, "escape.vcf",
                     "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                     "FN:Mallory " ESC "[2J" ESC "]0;pwned\a Evil\r\n"
                     "ORG:" ESC "[31mRed Corp\r\n"
                     "EMAIL:mallory@example.org\r\n"
                     "X-" ESC "[2J broken line without a colon\r\n"
                     "END:VCARD\r\n");
  run_on (fixture->path, &run, "--import", vcf, NULL);
  assert_no_escape (&run);
  g_assert_cmpint (run.status, ==, 0);

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  assert_no_escape (&run);
  g_assert_nonnull (strstr (run.out, "Mallory  [2J ]0;pwned  Evil"));

  run_on (fixture->path, &run, "--with", "mallory@example.org", "--rate", "1", NULL);
  assert_success (&run);
  assert_no_escape (&run);

  run_on (fixture->path, &run, "--with", "mallory@example.org", "--log", "lunch", "--date", "2026-09-01", NULL);
  assert_success (&run);
  assert_no_escape (&run);

  run_on (fixture->path, &run, "--stats", NULL);
  assert_no_escape (&run);

  /* No notification server here: sent or refused, the line shows no escape. */
  run_on (fixture->path, &run, "--remind", NULL);
  assert_no_escape (&run);
}

/* A problem line quotes the file: "escape.vcf:4: …" holds no raw ESC either. */
static void
test_escape_in_problem_line (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *vcf = NULL;

  if (!have_trustnet ())
    return;

  vcf = write_vcard (fixture, "problem.vcf",
                     "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                     "X-" ESC "[2J" ESC "[31m no colon here\r\n"
                     "\x80\xff bytes that are not UTF-8\r\n"
                     "END:VCARD\r\n");
  run_on (fixture->path, &run, "--import", vcf, NULL);
  assert_no_escape (&run);
  g_assert_true (g_utf8_validate (run.err, -1, NULL));
}

/* Typed control characters are refused, not stored: exit 1, one line, no database. */
static void
test_typed_control_refused (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const char *const cases[][4] = {
    { "--add", "Mallory " ESC "[2J", NULL },
    { "--add", "Mallory\aBell", NULL },
    { "--add", "Mallory", "--org", "Evil" ESC "[31m" },
    { "--brand", "I sell " ESC "]0;widgets\a to everyone.", NULL },
  };
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      run_on (fixture->path, &run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      assert_user_error (&run);
      assert_no_escape (&run);
      g_assert_nonnull (strstr (run.err, "control characters"));
      g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/cli/hostile/escape-from-vcard", test_escape_from_vcard);
  ADD_TEST ("/cli/hostile/escape-in-problem-line", test_escape_in_problem_line);
  ADD_TEST ("/cli/hostile/typed-control-refused", test_typed_control_refused);

  return g_test_run ();
}
