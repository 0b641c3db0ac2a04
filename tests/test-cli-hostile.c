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

/* ---------------------------------------------------------- private files */

/* Plants @path as another user would in a folder everyone may write: 0666, owned by
 * nobody. FALSE (and the test skipped) where this process cannot give files away. */
static gboolean
plant_foreign_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("Only root can make a file another user's");
      return FALSE;
    }

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chmod (path, 0666), ==, 0);
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  return TRUE;
}

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  return info.st_mode & 07777;
}

/* A database another user made first: refused, and left exactly as it was. */
static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_auto(Run) run = { 0 };
  GStatBuf info;

  if (!have_trustnet ())
    return;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0777), ==, 0);
  if (!plant_foreign_file (fixture->path))
    return;

  run_on (fixture->path, &run, "--add", "Ada Lovelace", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "another user"));
  g_assert_cmpint (g_lstat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
  g_assert_cmpuint (info.st_uid, ==, 65534);
  g_assert_cmphex (file_mode (fixture->path), ==, 0666);
}

/* A WAL or SHM file another user put beside our database: refused before SQLite reads
 * it, nothing written, and the database as it was once the file is gone. */
static void
test_foreign_journal (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *suffix = user_data;
  g_autofree char *planted = g_strconcat (fixture->path, suffix, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  before = tn_test_dump (fixture->path);
  g_remove (planted);
  if (!plant_foreign_file (planted))
    return;

  run_on (fixture->path, &run, "--add", "Eve", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, planted));
  g_assert_cmphex (file_mode (planted), ==, 0666);

  g_assert_cmpint (g_remove (planted), ==, 0);
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

/* A symbolic link in the database's or its WAL's place is not followed. */
static void
test_symlinked_files (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *content = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  g_assert_true (g_file_set_contents (target, "not yours", -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (target, fixture->path), ==, 0);
  run_on (fixture->path, &run, "--add", "Ada Lovelace", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "symbolic link"));

  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  add_ok (fixture->path, "Ada Lovelace", NULL);
  g_remove (wal);
  g_assert_cmpint (symlink (target, wal), ==, 0);
  run_on (fixture->path, &run, "--add", "Eve", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "symbolic link"));

  g_assert_true (g_file_get_contents (target, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "not yours");
}

/* Our own database left readable by everyone is still made private, as before. */
static void
test_own_loose_database_tightened (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", NULL);
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmphex (file_mode (fixture->path), ==, 0600);
}

/* ------------------------------------------------------------------ export */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted and joined with spaces: what an export left behind. */
static char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* --export link.vcf where the link points at a file of value: refused, the file as it was. */
static void
test_export_symlink_refused (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out, "precious.txt", NULL);
  g_autofree char *link = g_build_filename (out, "link.vcf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "my thesis\n", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);

  run_on (fixture->path, &run, "--export", link, NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "symbolic link"));
  text = read_text (target);
  g_assert_cmpstr (text, ==, "my thesis\n");
  listing = folder_listing (out);
  g_assert_cmpstr (listing, ==, "link.vcf precious.txt");
}

/* An existing 0644 file is replaced by a 0600 one, never written in place: its other
 * hard link keeps the old content, and no temporary file stays behind. */
static void
test_export_replaces (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out, "contacts.vcf", NULL);
  g_autofree char *other = g_build_filename (out, "other-link.vcf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old content\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0644), ==, 0);
  g_assert_cmpint (link (target, other), ==, 0);

  run_on (fixture->path, &run, "--export", target, NULL);
  assert_success (&run);
  text = read_text (target);
  g_assert_nonnull (strstr (text, "FN:Ada Lovelace"));
  g_assert_cmphex (file_mode (target), ==, 0600);
  kept = read_text (other);
  g_assert_cmpstr (kept, ==, "old content\n");
  g_assert_cmphex (file_mode (other), ==, 0644);
  listing = folder_listing (out);
  g_assert_cmpstr (listing, ==, "contacts.vcf other-link.vcf");
}

/* SIGKILL at moments through an export of 20,000 contacts: the target holds its old
 * content or the whole new file, never half, and a temporary left behind is its
 * owner's alone (0600). */
static void
test_export_killed (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const guint delays_ms[] = { 50, 200, 400, 700, 1000, 1500, 2500 };
  g_autoptr(GString) cards = g_string_new (NULL);
  g_autofree char *vcf = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out, "contacts.vcf", NULL);
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (cards, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nEMAIL:p%u@example.org\r\nEND:VCARD\r\n", i, i);
  vcf = write_vcard (fixture, "many.vcf", cards->str);
  run_on (fixture->path, &run, "--import", vcf, NULL);
  assert_success (&run);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      g_autoptr(GSubprocess) export = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autofree char *text = NULL;
      const char *name;

      g_assert_true (g_file_set_contents (target, "old content\n", -1, NULL));
      export = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                 g_getenv ("TRUSTNET_BIN"), "--database", fixture->path, "--export", target, NULL);
      g_assert_no_error (error);
      g_usleep (delays_ms[i] * 1000);
      g_subprocess_force_exit (export);
      g_subprocess_wait (export, NULL, NULL);

      text = read_text (target);
      g_test_message ("killed after %u ms: %zu bytes", delays_ms[i], strlen (text));
      if (!g_str_equal (text, "old content\n"))
        {
          g_assert_nonnull (strstr (text, "FN:Person 19999\r\n"));
          g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));
        }

      dir = g_dir_open (out, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (out, name, NULL);

          if (!g_str_equal (name, "contacts.vcf"))
            g_assert_cmphex (file_mode (path), ==, 0600);
        }
    }
}

/* ------------------------------------------------------ files that are not files */

/* A FIFO nobody writes to: refused with a message, where it used to hang (a hang now fails
 * by the suite's timeout, not by a clock here: a slow machine is no failure). */
static void
test_import_fifo_refused (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "contacts.vcf", NULL);
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_on (fixture->path, &run, "--import", fifo, NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "not a regular file"));
}

/* /dev/zero claims no size and never ends: refused, not read until memory runs out. A
 * folder holding a link to it gets the same answer for that file. */
static void
test_import_device_refused (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "cards", NULL);
  g_autofree char *zero = g_build_filename (folder, "zero.vcf", NULL);
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--import", "/dev/zero", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "not a regular file"));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  run_on (fixture->path, &run, "--import", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "Imported 1"));
}

/* ------------------------------------------------------- nothing importable */

/* A file none of whose cards could be taken failed for the person: exit 1 with the
 * reasons, where it said "Imported 0 contacts" and exit 0. A good file beside it is
 * still imported and summed up, and the exit status still says one file failed. */
static void
test_import_nothing_importable (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GString) huge = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Too Big\r\n");
  g_autofree char *broken = NULL;
  g_autofree char *big = NULL;
  g_autofree char *good = NULL;
  g_autofree char *count = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  broken = write_vcard (fixture, "broken.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody either\r\nEND:VCARD\r\n");
  while (huge->len < 1100 * 1024)
    g_string_append (huge, "NOTE:a line of text that makes this one card larger than a megabyte\r\n");
  g_string_append (huge, "END:VCARD\r\n");
  big = write_vcard (fixture, "big.vcf", huge->str);
  good = write_vcard (fixture, "good.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n");

  run_on (fixture->path, &run, "--import", broken, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "broken.vcf:1: "));
  g_assert_nonnull (strstr (run.err, "trustnet: Nothing was imported from"));
  g_assert_nonnull (strstr (run.err, "none of its 2 cards"));

  run_on (fixture->path, &run, "--import", big, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "trustnet: Nothing was imported from"));

  run_on (fixture->path, &run, "--import", good, broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "Imported 1 contact, skipped 2 broken cards\n");
  g_assert_nonnull (strstr (run.err, "trustnet: Nothing was imported from"));
  count = tn_test_sqlite (fixture->path, "SELECT count (*) FROM contacts");
  g_assert_cmpstr (count, ==, "1");
}

/* ------------------------------------------------------------ odd dates */

/* A clock at year 1 or 9999 (TRUSTNET_NOW) is ignored with a warning: logging no longer
 * crashes, --stats prints no GLib-CRITICAL. A typed --date in year 1 is refused. */
static void
test_clock_at_the_edges (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char *const nows[] = { "0001-01-01T00:00:00Z", "9999-12-31T23:00:00Z" };
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
    {
      g_setenv ("TRUSTNET_NOW", nows[i], TRUE);
      run_on (fixture->path, &run, "--with", "ada@example.org", "--log", "lunch", NULL);
      g_test_message ("%s: %s%s", nows[i], run.out, run.err);
      g_assert_null (strstr (run.err, "CRITICAL"));
      run_on (fixture->path, &run, "--stats", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_null (strstr (run.err, "CRITICAL"));
    }
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);

  run_on (fixture->path, &run, "--with", "ada@example.org", "--log", "lunch", "--date", "0001-01-01", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "0001-01-01"));
}

/* ------------------------------------------------------------- odd paths */

/* A relative XDG_DATA_HOME is invalid (XDG base directory spec) and ignored: the default
 * database goes to ~/.local/share, not below the folder trustnet was started in. */
static void
test_relative_data_home (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *home = g_build_filename (fixture->dir, "home", NULL);
  g_autofree char *expected = g_build_filename (home, ".local", "share", "trustnet", "trustnet.db", NULL);
  g_autofree char *relative = g_build_filename (fixture->dir, "relative", NULL);
  g_autofree char *old_home = g_strdup (g_getenv ("HOME"));
  g_autofree char *old_data = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", "relative", TRUE);
  run_plain (&run, "--add", "Ada Lovelace", NULL);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_setenv ("HOME", old_home, TRUE);
  if (old_data != NULL)
    g_setenv ("XDG_DATA_HOME", old_data, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");

  assert_success (&run);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (relative, G_FILE_TEST_EXISTS));
}

/* Reading commands on a database that is not there answer as for an empty one and create
 * neither it nor its folder: a mistyped --database path leaves nothing behind. */
static void
test_reading_creates_nothing (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *out = g_build_filename (fixture->dir, "out.vcf", NULL);
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "");
  run_on (fixture->path, &run, "--list", "--json", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--stats", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--export", out, NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--with", "ada@example.org", "--rate", "1", NULL);
  assert_user_error (&run);

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* An argument that is not UTF-8 is refused as every other mistake is: one line starting
 * "trustnet: ", where GOption's bare message used to come. */
static void
test_invalid_utf8_argument (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--add", "Ada \xff\xfe Lovelace", NULL);
  assert_user_error (&run);
  run_on (fixture->path, &run, "--with", "\xc3", "--rate", "1", NULL);
  assert_user_error (&run);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
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
  ADD_TEST ("/cli/hostile/foreign-database", test_foreign_database);
  g_test_add ("/cli/hostile/foreign-wal", Fixture, "-wal", fixture_set_up, test_foreign_journal, fixture_tear_down);
  g_test_add ("/cli/hostile/foreign-shm", Fixture, "-shm", fixture_set_up, test_foreign_journal, fixture_tear_down);
  ADD_TEST ("/cli/hostile/symlinked-files", test_symlinked_files);
  ADD_TEST ("/cli/hostile/own-loose-database-tightened", test_own_loose_database_tightened);
  ADD_TEST ("/cli/hostile/export-symlink-refused", test_export_symlink_refused);
  ADD_TEST ("/cli/hostile/export-replaces", test_export_replaces);
  ADD_TEST ("/cli/hostile/export-killed", test_export_killed);
  ADD_TEST ("/cli/hostile/import-fifo-refused", test_import_fifo_refused);
  ADD_TEST ("/cli/hostile/import-device-refused", test_import_device_refused);
  ADD_TEST ("/cli/hostile/import-nothing-importable", test_import_nothing_importable);
  ADD_TEST ("/cli/hostile/clock-at-the-edges", test_clock_at_the_edges);
  ADD_TEST ("/cli/hostile/relative-data-home", test_relative_data_home);
  ADD_TEST ("/cli/hostile/reading-creates-nothing", test_reading_creates_nothing);
  ADD_TEST ("/cli/hostile/invalid-utf8-argument", test_invalid_utf8_argument);

  return g_test_run ();
}
