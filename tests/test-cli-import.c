/* test-cli-import.c — --import and --export as scripts use them: the real `trustnet` binary on a
 * temporary database with vCard files that are good, refused, hostile, many, huge or killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-import"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-store.h"
#include "tn-test-cli.h"
#include "tn-test-util.h"

static const char two_people[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\nORG:US Navy\r\nEND:VCARD\r\n";

/* The first bytes of a PNG image. */
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

static char *
write_vcf (Fixture    *fixture,
           const char *name,
           const char *data,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *mixed = NULL;
  g_autofree char *two = NULL;
  g_autofree char *expected_err = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  /* Ada twice (the second card adds a phone number), and a card with no name on line 9. */
  mixed = write_vcf (fixture, "mixed.vcf",
                     "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEMAIL:ada@example.org\nEND:VCARD\n"
                     "BEGIN:VCARD\nVERSION:3.0\nFN:Ada L.\nEMAIL:ADA@example.org\nTEL:+44 20 7946 0958\nEND:VCARD\n"
                     "BEGIN:VCARD\nVERSION:3.0\nNOTE:nobody\nEND:VCARD\n", -1);
  run_on (fixture->path, &run, "--import", mixed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Imported 1 contact, merged 1 duplicate, skipped 1 broken card\n");
  /* Each problem as FILE:LINE: what, the way compilers and grep say it. */
  expected_err = g_strdup_printf ("%s:12: The card on line 12 has no name, organization or email address and was skipped.\n", mixed);
  g_assert_cmpstr (run.err, ==, expected_err);

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "0\tAda Lovelace\t\tada@example.org\n");

  /* Plurals, and no problems: nothing on stderr. */
  two = write_vcf (fixture, "two.vcf", two_people, -1);
  run_on (fixture->path, &run, "--import", two, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 1 contact; 1 was already there\n");

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "0\tAda Lovelace\t\tada@example.org\n"
                   "0\tGrace Hopper\tUS Navy\tgrace@navy.example\n");
}

/* The same file twice: the second time changes nothing, and says so. */
static void
test_import_again (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *two = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  two = write_vcf (fixture, "two.vcf", two_people, -1);
  run_on (fixture->path, &run, "--import", two, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts\n");
  before = tn_test_dump (fixture->path);

  run_on (fixture->path, &run, "--import", two, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Nothing new; 2 were already there\n");
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

/* `--import a.vcf b.vcf` and `--import a.vcf --import b.vcf` both take both files. */
static void
test_import_several (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *ada = NULL;
  g_autofree char *grace = NULL;
  g_autofree char *alan = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  ada = write_vcf (fixture, "ada.vcf", "BEGIN:VCARD\nFN:Ada Lovelace\nEND:VCARD\n", -1);
  grace = write_vcf (fixture, "grace.vcf", "BEGIN:VCARD\nFN:Grace Hopper\nEND:VCARD\n", -1);
  alan = write_vcf (fixture, "alan.vcf", "BEGIN:VCARD\nFN:Alan Turing\nEND:VCARD\n", -1);

  run_on (fixture->path, &run, "--import", ada, grace, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts\n");

  run_on (fixture->path, &run, "--import", alan, "--import", ada, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 1 contact; 1 was already there\n");

  {
    g_autofree char *batches = tn_test_sqlite (fixture->path, "SELECT group_concat (file_name, ' ') FROM import_batches");

    /* One batch per file that changed something. */
    g_assert_cmpstr (batches, ==, "ada.vcf grace.vcf alan.vcf");
  }
}

/* What is not a vCard file is refused with one line, and nothing is written. */
static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const struct
  {
    const char *name;
    const char *data;
    gsize len;
    const char *mentions;
  } refused[] = {
    { "photo.vcf", png, sizeof png - 1, "“photo.vcf” is a PNG image, not a vCard file." },
    { "empty.vcf", "", 0, "“empty.vcf” is empty" },
    { "notes.vcf", "Monday: call Ada.\nTuesday: lunch with Grace.\n", 45, "no BEGIN:VCARD line" },
  };
  g_autofree char *before = NULL;

  if (!have_trustnet ())
    return;

  seed (fixture->path);
  before = tn_test_dump (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = write_vcf (fixture, refused[i].name, refused[i].data, refused[i].len);
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0 };

      run_on (fixture->path, &run, "--import", path, NULL);
      assert_user_error (&run);
      g_assert_nonnull (strstr (run.err, refused[i].mentions));

      after = tn_test_dump (fixture->path);
      g_assert_cmpstr (after, ==, before);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
sorted_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  return g_strjoinv ("\n", lines);
}

/* A refused import: one "trustnet: " line, or with @card_problems the "file:line: …" lines
 * of each card first and the refusal last. */
static void
assert_import_refused (Run      *run,
                       gboolean  card_problems)
{
  if (!card_problems)
    {
      assert_user_error (run);
      return;
    }

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "\ntrustnet: "));
}

/* Files made to hurt, each with what the person sees. The refused ones change nothing; the
 * others add exactly the cards that can be read, and no file takes long. */
static void
test_import_hostile_files (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GString) binary = g_string_new (NULL);
  g_autoptr(GString) begins = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) utf16 = g_string_new ("\xff\xfe");
  static const char utf16_text[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac\r\n"
                                   "EMAIL:zoe@example.org\r\nEND:VCARD\r\n";
  static const char latin1[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Caf\xe9 M\xfcller\xff\r\nEND:VCARD\r\n";
  g_autofree gunichar2 *utf16_units = NULL;
  glong n_units = 0;
  struct
  {
    const char *name;
    GString *data;
    int status;
    const char *mentions;
    const char *added; /* the name it adds, or NULL for none */
    gboolean card_problems; /* "file:line: …" lines come before the one refusal */
  } cases[] = {
    { "binary.vcf", binary, 1, "binary data", NULL, FALSE },
    { "line.vcf", line, 1, "is not a vCard file: it is a single line of", NULL, FALSE },
    /* Nothing importable is a failure (issue 13): exit 1, each card's problem, the reason. */
    { "begins.vcf", begins, 1, "none of its 100000 cards", NULL, TRUE },
    { "utf16.vcf", utf16, 0, NULL, "Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac", FALSE },
    { "latin1.vcf", NULL, 0, NULL, "Caf\xc3\xa9 M\xc3\xbcller\xc3\xbf", FALSE },
  };

  if (!have_trustnet ())
    return;

  for (guint i = 0; i < 64 * 256; i++)
    g_string_append_c (binary, (char) (i % 256));
  for (guint i = 0; i < 100000; i++)
    g_string_append (begins, "BEGIN:VCARD\r\n");
  for (guint i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (line, 'x');
  utf16_units = g_utf8_to_utf16 (utf16_text, -1, NULL, &n_units, NULL);
  g_string_append_len (utf16, (const char *) utf16_units, n_units * 2);
  cases[4].data = g_string_new (latin1);

  seed (fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_vcf (fixture, cases[i].name, cases[i].data->str, cases[i].data->len);
      g_autofree char *before = tn_test_dump (fixture->path);
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0 };
      gint64 started = g_get_monotonic_time ();

      g_test_message ("%s", cases[i].name);
      run_on (fixture->path, &run, "--import", path, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (cases[i].status != 0)
        assert_import_refused (&run, cases[i].card_problems);
      if (cases[i].mentions != NULL)
        g_assert_nonnull (strstr (cases[i].status != 0 ? run.err : run.out, cases[i].mentions));
      g_assert_cmpint (g_get_monotonic_time () - started, <, 30 * G_USEC_PER_SEC);

      after = tn_test_dump (fixture->path);
      if (cases[i].added == NULL)
        {
          /* Sorted: a file announcing 100,000 cards has the importer drop and rebuild the
           * lookup indexes, which only moves their lines in the dump. */
          g_autofree char *sorted_before = sorted_lines (before);
          g_autofree char *sorted_after = sorted_lines (after);

          g_assert_cmpstr (sorted_after, ==, sorted_before);
        }
      else
        {
          g_auto(Run) found = { 0 };

          run_on (fixture->path, &found, "--with", cases[i].added, "--rate", "3", NULL);
          assert_success (&found);
        }
    }
  g_string_free (cases[4].data, TRUE);
}

/* A folder of 10,000 small files, given as 10,000 arguments (the window expands a dropped
 * folder the same way): one import, every contact, and the second time nothing new. */
static void
test_import_many_files (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = g_build_filename (fixture->dir, "many", NULL);
  g_autofree char *count = NULL;

  if (!have_trustnet ())
    return;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_ptr_array_add (args, g_strdup ("--import"));
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\n"
                                               "EMAIL:p%u@example.org\r\nEND:VCARD\r\n", i, i);
      g_autofree char *name = g_strdup_printf ("many/%05u.vcf", i);

      g_ptr_array_add (args, write_vcf (fixture, name, text, -1));
    }
  g_ptr_array_add (args, NULL);

  for (guint round = 0; round < 2; round++)
    {
      g_auto(Run) run = { 0 };

      run_argv (fixture->path, (const char * const *) args->pdata, &run);
      assert_success (&run);
      g_assert_true (g_str_has_prefix (run.out, round == 0 ? "Imported 10000 contacts\n" : "Nothing new; 10000 were already there\n"));
    }
  count = tn_test_sqlite (fixture->path, "SELECT count (*) FROM contacts");
  g_assert_cmpstr (count, ==, "10000");
}

/* A file that ends halfway through a card (a removed USB stick or a dropped network share
 * leaves one): the whole cards are imported and the cut one is reported, never a crash or a
 * half-written contact. A pipe is no longer read (issue 13); test-cli-hostile refuses one. */
static void
test_import_file_ends_while_read (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *cut = g_build_filename (fixture->dir, "vanishing.vcf", NULL);
  g_autofree char *names = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  g_assert_true (g_file_set_contents (cut, "BEGIN:VCARD\nVERSION:3.0\nFN:Whole\nEND:VCARD\n"
                                           "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\nEMAIL:cut@exa", -1, NULL));
  run_on (fixture->path, &run, "--import", cut, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "no END:VCARD"));
  names = tn_test_sqlite (fixture->path, "SELECT group_concat (full_name, '|') FROM (SELECT full_name FROM contacts ORDER BY id)");
  g_assert_cmpstr (names, ==, "Whole|Cut Off");
}

/* PHOTO, LOGO and SOUND URLs are text: importing, listing and exporting a card that points
 * them at a listening port never connects to it, and the export keeps the URLs. */
static void
test_import_never_fetches (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocket) connection = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autofree char *card = NULL;
  g_autofree char *path = NULL;
  g_autofree char *exported = g_build_filename (fixture->dir, "out.vcf", NULL);
  g_autofree char *text = NULL;
  g_auto(Run) imported = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) written = { 0 };
  guint port;

  if (!have_trustnet ())
    return;

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (listener, address, TRUE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  g_clear_object (&address);
  address = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));

  card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Linked\r\n"
                          "PHOTO;VALUE=uri:http://127.0.0.1:%u/photo.jpg\r\n"
                          "LOGO;VALUE=uri:http://127.0.0.1:%u/logo.png\r\n"
                          "SOUND;VALUE=uri:http://127.0.0.1:%u/name.ogg\r\nEND:VCARD\r\n",
                          port, port, port);
  path = write_vcf (fixture, "linked.vcf", card, -1);
  run_on (fixture->path, &imported, "--import", path, NULL);
  assert_success (&imported);
  run_on (fixture->path, &listed, "--list", "--json", NULL);
  assert_success (&listed);
  run_on (fixture->path, &written, "--export", exported, NULL);
  assert_success (&written);

  g_socket_set_blocking (listener, FALSE);
  connection = g_socket_accept (listener, NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);

  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "/photo.jpg"));
  g_assert_nonnull (strstr (text, "/logo.png"));
  g_assert_nonnull (strstr (text, "/name.ogg"));
}

/* One good file and one refused: the good one is imported, the exit status says the other
 * failed. */
static void
test_import_one_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *photo = NULL;
  g_autofree char *two = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  photo = write_vcf (fixture, "photo.vcf", png, sizeof png - 1);
  two = write_vcf (fixture, "two.vcf", two_people, -1);

  run_on (fixture->path, &run, "--import", photo, two, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts\n");
  g_assert_cmpstr (run.err, ==, "trustnet: “photo.vcf” is a PNG image, not a vCard file.\n");

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "0\tAda Lovelace\t\tada@example.org\n"
                   "0\tGrace Hopper\tUS Navy\tgrace@navy.example\n");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "contacts.vcf", NULL);
  g_autofree char *one = g_build_filename (fixture->dir, "one.vcf", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other", "trustnet.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  GStatBuf info;

  if (!have_trustnet ())
    return;

  /* Nobody yet: an empty file, said in the plural. */
  run_on (fixture->path, &run, "--export", out, NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Exported 0 contacts to %s\n", out);
  g_assert_cmpstr (run.out, ==, expected);

  add_ok (fixture->path, "Alan Turing", "alan@bletchley.example");
  run_on (fixture->path, &run, "--export", one, NULL);
  assert_success (&run);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Exported 1 contact to %s\n", one);
  g_assert_cmpstr (run.out, ==, expected);

  seed (fixture->path);
  run_on (fixture->path, &run, "--export", out, NULL);
  assert_success (&run);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Exported 4 contacts to %s\n", out);
  g_assert_cmpstr (run.out, ==, expected);

  /* Private, like the database, and a vCard file with the ratings. */
  g_assert_cmpint (g_stat (out, &info), ==, 0);
  g_assert_cmphex (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_nonnull (strstr (text, "X-TRUSTNET-TRUST:2\r\n"));

  /* Into another database, it gives the same list back. */
  list = summarize_list (fixture->path);
  run_on (other, &run, "--import", out, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 4 contacts\n");
  {
    g_autofree char *again = summarize_list (other);

    g_assert_cmpstr (again, ==, list);
  }
}

/* Cards with an address each, so that none is a duplicate of another. */
static char *
many_cards (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nEMAIL:person.%u@example.org\r\n"
                            "ORG:Company %u\r\nNOTE:Card %u\\, with a note long enough to fill pages\r\nEND:VCARD\r\n",
                            i, i, i % 7, i);

  return g_string_free (text, FALSE);
}

/* kill -9 at any moment of an import leaves the database as it was or with the whole
 * file, never half of it, and never damaged. */
static void
test_import_killed (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const guint delays_ms[] = { 5, 25, 50, 75, 100, 125, 250, 500 };
  g_autofree char *text = many_cards (20000);
  g_autofree char *path = write_vcf (fixture, "many.vcf", text, -1);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *empty_dump = NULL;
  guint n_untouched = 0, n_whole = 0;

  if (!have_trustnet ())
    return;

  /* A database with its schema, and nothing else, to copy for each run. --list made it
   * before reading commands stopped creating databases (issue 13); the store does now. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TnStore) store = tn_store_open (empty, &error);

    g_assert_no_error (error);
  }
  empty_dump = tn_test_dump (empty);

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      g_autofree char *database = g_strdup_printf ("%s/killed-%u.db", fixture->dir, i);
      g_autofree char *contents = NULL;
      g_autoptr(GSubprocess) import = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *count = NULL;
      g_autofree char *check = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (empty, &contents, &len, &error));
      g_assert_true (g_file_set_contents (database, contents, len, &error));
      g_assert_no_error (error);

      import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                 g_getenv ("TRUSTNET_BIN"), "--database", database, "--import", path, NULL);
      g_assert_no_error (error);
      g_usleep (delays_ms[i] * 1000);
      g_subprocess_send_signal (import, SIGKILL);
      g_subprocess_wait (import, NULL, &error);
      g_assert_no_error (error);

      /* What another program finds afterwards: SQLite rolls back what was not committed. */
      check = tn_test_sqlite (database, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      count = tn_test_sqlite (database, "SELECT count (*) FROM contacts");
      g_test_message ("killed after %u ms: %s contacts", delays_ms[i], count);
      if (g_str_equal (count, "0"))
        {
          g_autofree char *after = tn_test_dump (database);

          g_assert_cmpstr (after, ==, empty_dump);
          n_untouched++;
        }
      else
        {
          g_assert_cmpstr (count, ==, "20000");
          n_whole++;
        }
    }

  /* Under load the import may still be running at every kill, so the
   * whole-file state is also checked once without a kill. */
  g_assert_cmpuint (n_untouched + n_whole, ==, G_N_ELEMENTS (delays_ms));
  g_assert_cmpuint (n_untouched, >=, 1);
  {
    g_autofree char *database = g_build_filename (fixture->dir, "finished.db", NULL);
    g_autofree char *count = NULL;
    g_auto(Run) finished = { 0 };

    run_on (database, &finished, "--import", path, NULL);
    assert_success (&finished);
    g_assert_cmpstr ((count = tn_test_sqlite (database, "SELECT count (*) FROM contacts")), ==, "20000");
  }
}

/* `--import DIR` takes the folder's vCards as a drop on the window does: sub-folders too,
 * hidden files and other files passed by, a file also named on its own read once. */
static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "phone", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "phone", "2025", NULL);
  g_autofree char *nothing = g_build_filename (fixture->dir, "nothing", NULL);
  g_autofree char *ada = NULL;
  g_autofree char *count = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) empty = { 0 };

  if (!have_trustnet ())
    return;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (nothing, 0700), ==, 0);
  ada = write_vcf (fixture, "phone/ada.vcf", "BEGIN:VCARD\nFN:Ada Lovelace\nEND:VCARD\n", -1);
  g_free (write_vcf (fixture, "phone/2025/grace.vcf", "BEGIN:VCARD\nFN:Grace Hopper\nEND:VCARD\n", -1));
  g_free (write_vcf (fixture, "phone/.alan.vcf", "BEGIN:VCARD\nFN:Alan Turing\nEND:VCARD\n", -1));
  g_free (write_vcf (fixture, "phone/notes.txt", "Lunch with Ada on Monday.\n", -1));

  run_on (fixture->path, &run, "--import", folder, ada, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts\n");
  g_assert_cmpstr (run.err, ==, "");
  count = tn_test_sqlite (fixture->path, "SELECT count (*) FROM contacts");
  g_assert_cmpstr (count, ==, "2");

  /* A folder with nothing to import is refused in one line, in the window's words. */
  run_on (fixture->path, &empty, "--import", nothing, NULL);
  assert_user_error (&empty);
  g_assert_nonnull (strstr (empty.err, "The folder “nothing” holds no vCard files."));
}

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

  add_cli_test ("/cli/import", test_import);
  add_cli_test ("/cli/import/again", test_import_again);
  add_cli_test ("/cli/import/several-files", test_import_several);
  add_cli_test ("/cli/import/refused", test_import_refused);
  add_cli_test ("/cli/import/one-refused", test_import_one_refused);
  add_cli_test ("/cli/import/hostile-files", test_import_hostile_files);
  add_cli_test ("/cli/import/never-fetches", test_import_never_fetches);
  add_cli_test ("/cli/import/many-files", test_import_many_files);
  add_cli_test ("/cli/import/file-ends-while-read", test_import_file_ends_while_read);
  add_cli_test ("/cli/import/killed", test_import_killed);
  add_cli_test ("/cli/export", test_export);
  add_cli_test ("/cli/import/folder", test_import_folder);

  return g_test_run ();
}
