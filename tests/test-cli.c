/* test-cli.c — the command line as scripts use it: the real `trustnet`
 * binary on a temporary database, checking exit status, stdout and stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tn-store.h"
#include "tn-test-cli.h"
#include "tn-test-util.h"

#define PYTHON "/usr/bin/python3"

#define RLM "\xe2\x80\x8f"


static char *
list_json (const char *database)
{
  g_auto(Run) run = { 0 };

  run_on (database, &run, "--list", "--json", NULL);
  assert_success (&run);
  return g_steal_pointer (&run.out);
}

/* Feeds @json to a small Python program that checks its shape and prints
 * one line per contact: name|organization|title|trust|emails|phones|last_contact. */
static char *
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
static char *
summarize_list (const char *database)
{
  g_autofree char *json = list_json (database);

  return summarize_json (json);
}

/* --------------------------------------------------------------- success */

static void
test_version (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  run_plain (&run, "--version", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "TrustNet " PACKAGE_VERSION "\n");

  /* Asking for the version touches no database. */
  run_on (fixture->path, &run, "--version", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "TrustNet " PACKAGE_VERSION "\n");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_add (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW, NULL);
  g_autofree char *expected_created = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (now));
  GStatBuf info;

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--add", "Ada Lovelace", "--email", "ada@example.org", "--org", "Analytical Engines", NULL);
  assert_success (&run);

  regex = g_regex_new ("^Added Ada Lovelace \\(uid ([^)]+)\\)\n$", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, run.out, 0, &match));
  uid = g_match_info_fetch (match, 1);
  g_assert_true (g_uuid_string_is_valid (uid));

  /* Created privately, where --database said. */
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmphex (info.st_mode & 0777, ==, 0600);

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "0\tAda Lovelace\tAnalytical Engines\tada@example.org\n");

  {
    g_autofree char *stored_uid = tn_test_sqlite (fixture->path, "SELECT uid FROM contacts");

    g_assert_cmpstr (stored_uid, ==, uid);
  }
  created = tn_test_sqlite (fixture->path, "SELECT created_at FROM contacts");
  g_assert_cmpstr (created, ==, expected_created);

  /* Several addresses, in order; the name is trimmed. */
  run_on (fixture->path, &run, "--add", "  Alan Turing \t", "--email", "alan@bletchley.example",
          "--email", "turing@manchester.example", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Added Alan Turing (uid "));

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "0\tAda Lovelace\tAnalytical Engines\tada@example.org\n"
                   "0\tAlan Turing\t\talan@bletchley.example, turing@manchester.example\n");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  /* A new, empty database lists nothing, successfully. */
  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "");

  add_ok (fixture->path, "Grace Hopper", NULL);
  run_on (fixture->path, &run, "--add", "Ada Lovelace", "--email", "ada@example.org", "--org", "Analytical Engines", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--add", "Alan Turing", "--email", "alan@bletchley.example",
          "--email", "turing@manchester.example", "--org", "Bletchley Park", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--with", "alan@bletchley.example", "--rate", "2", NULL);
  assert_success (&run);

  /* trust, name, organization, emails; sorted by name, not by when added. */
  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "0\tAda Lovelace\tAnalytical Engines\tada@example.org\n"
                   "2\tAlan Turing\tBletchley Park\talan@bletchley.example, turing@manchester.example\n"
                   "0\tGrace Hopper\t\t\n");
}

static void
test_list_json (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *summary = NULL;

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--list", "--json", NULL);
  assert_success (&run);
  summary = summarize_json (run.out);
  g_assert_cmpstr (summary, ==, "");
  g_clear_pointer (&summary, g_free);

  add_ok (fixture->path, "Grace Hopper", NULL);
  run_on (fixture->path, &run, "--add", "Ada Lovelace", "--email", "ada@example.org", "--email", "countess@example.org",
          "--org", "Analytical Engines", NULL);
  assert_success (&run);

  run_on (fixture->path, &run, "--list", "--json", NULL);
  assert_success (&run);
  summary = summarize_json (run.out);
  g_assert_cmpstr (summary, ==,
                   "Ada Lovelace|Analytical Engines|None|0|ada@example.org,countess@example.org||None\n"
                   "Grace Hopper|None|None|0|||None\n");
}

/* A lunch, a group coffee where something of value was given, and today's
 * call (TRUSTNET_NOW); "Last contact" follows the latest. */
static void
test_log (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *rows = NULL;

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Grace Hopper", "grace@navy.example");

  run_on (fixture->path, &run, "--with", "grace@navy.example", "--log", "lunch", "--date", "2026-11-02", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Logged lunch with Grace Hopper on 2026-11-02\n");

  run_on (fixture->path, &run, "--with", "Grace Hopper", "--log", "Coffee", "--date", "2026-10-01",
          "--gave-value", "--group", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Logged coffee with Grace Hopper on 2026-10-01\n");
  summary = summarize_list (fixture->path);
  g_assert_cmpstr (summary, ==, "Grace Hopper|None|None|0|grace@navy.example||2026-11-02\n");
  g_clear_pointer (&summary, g_free);

  run_on (fixture->path, &run, "--with", "grace@navy.example", "--log", "call", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Logged call with Grace Hopper on 2026-11-24\n");
  summary = summarize_list (fixture->path);
  g_assert_cmpstr (summary, ==, "Grace Hopper|None|None|0|grace@navy.example||2026-11-24\n");

  rows = tn_test_sqlite (fixture->path,
                         "SELECT kind, happened_on, one_on_one, gave_value FROM interactions ORDER BY happened_on");
  g_assert_cmpstr (rows, ==,
                   "coffee|2026-10-01|0|1\n"
                   "lunch|2026-11-02|1|0\n"
                   "call|2026-11-24|1|0");
}

/* 1,000 characters: with anything before it, one too many for a brand statement. */
#define BRAND_10 "abcdefghij"
#define BRAND_100 BRAND_10 BRAND_10 BRAND_10 BRAND_10 BRAND_10 BRAND_10 BRAND_10 BRAND_10 BRAND_10 BRAND_10
#define BRAND_1000 BRAND_100 BRAND_100 BRAND_100 BRAND_100 BRAND_100 BRAND_100 BRAND_100 BRAND_100 BRAND_100 BRAND_100

/* --brand saves a cleaned-up version; the same text again is no new version. */
static void
test_brand (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *rows = NULL;

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--brand", "  I doubled widget sales\n in two territories. ", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Saved your brand statement: I doubled widget sales in two territories.\n");

  run_on (fixture->path, &run, "--brand", "I doubled widget sales in two territories.", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Your brand statement is unchanged: I doubled widget sales in two territories.\n");

  run_on (fixture->path, &run, "--brand", "私は売上を2倍にしました。", NULL);
  assert_success (&run);

  /* 1,000 characters is the most. */
  run_on (fixture->path, &run, "--brand", BRAND_1000, NULL);
  assert_success (&run);

  rows = tn_test_sqlite (fixture->path, "SELECT id, length (text), created_at FROM brand_statements ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|42|1795510800\n2|13|1795510800\n3|1000|1795510800");
}

static void
test_rate (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--add", "Ada Lovelace", "--email", "ada@example.org", "--org", "Analytical Engines", NULL);
  assert_success (&run);
  add_ok (fixture->path, "Grace Hopper", "grace@navy.example");

  /* By email. */
  run_on (fixture->path, &run, "--with", "ada@example.org", "--rate", "1", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Ada Lovelace: trust 1 (Completely)\n");
  summary = summarize_list (fixture->path);
  g_assert_cmpstr (summary, ==,
                   "Ada Lovelace|Analytical Engines|None|1|ada@example.org||None\n"
                   "Grace Hopper|None|None|0|grace@navy.example||None\n");
  g_clear_pointer (&summary, g_free);

  /* By exact name: 0 clears. */
  run_on (fixture->path, &run, "--with", "Ada Lovelace", "--rate", "0", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Ada Lovelace: trust 0 (Not rated yet)\n");
  summary = summarize_list (fixture->path);
  g_assert_cmpstr (summary, ==,
                   "Ada Lovelace|Analytical Engines|None|0|ada@example.org||None\n"
                   "Grace Hopper|None|None|0|grace@navy.example||None\n");

  /* By email in another case, and by uid. */
  run_on (fixture->path, &run, "--with", "GRACE@Navy.Example", "--rate", "3", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Grace Hopper: trust 3 (Vaguely)\n");

  uid = tn_test_sqlite (fixture->path, "SELECT uid FROM contacts WHERE full_name = 'Grace Hopper'");
  run_on (fixture->path, &run, "--with", uid, "--rate", "2", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Grace Hopper: trust 2 (Moderately)\n");

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "0\tAda Lovelace\tAnalytical Engines\tada@example.org\n"
                   "2\tGrace Hopper\t\tgrace@navy.example\n");

  /* Every change is in the history, at TRUSTNET_NOW. */
  {
    g_autofree char *history = tn_test_sqlite (fixture->path, "SELECT trust FROM trust_changes ORDER BY id");
    g_autofree char *times = tn_test_sqlite (fixture->path, "SELECT count(DISTINCT changed_at) FROM trust_changes");

    g_assert_cmpstr (history, ==, "1\n0\n3\n2");
    g_assert_cmpstr (times, ==, "1");
  }

  /* Rating what is already there succeeds and records nothing new. */
  run_on (fixture->path, &run, "--with", "grace@navy.example", "--rate", "2", NULL);
  assert_success (&run);
  {
    g_autofree char *count = tn_test_sqlite (fixture->path, "SELECT count(*) FROM trust_changes");

    g_assert_cmpstr (count, ==, "4");
  }
}

static void
test_strange_strings (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char name[] =
    "\"Ada\" 'Countess'; Robert'); DROP TABLE contacts;-- "
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 "
    RLM "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" RLM " %s%n";
  static const char organization[] =
    RLM "\xd8\xa7\xd9\x84\xd9\x85\xd8\xad\xd8\xb1\xd9\x83\xd8\xa7\xd8\xaa \xd8\xa7\xd9\x84\xd8\xaa\xd8\xad\xd9\x84\xd9\x8a\xd9\x84\xd9\x8a\xd8\xa9" RLM
    " \xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88";
  g_auto(Run) run = { 0 };
  g_autofree char *expected_added = g_strdup_printf ("Added %s (uid ", name);
  g_autofree char *expected_line = g_strdup_printf ("0\t%s\t%s\to'brien+lunch@example.ie\n", name, organization);
  g_autofree char *expected_summary = g_strdup_printf ("%s|%s|None|0|o'brien+lunch@example.ie||None\n", name, organization);
  g_autofree char *summary = NULL;
  g_autofree char *expected_rated = g_strdup_printf ("%s: trust 1 (Completely)\n", name);

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--add", name, "--email", "o'brien+lunch@example.ie", "--org", organization, NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, expected_added));

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, expected_line);

  summary = summarize_list (fixture->path);
  g_assert_cmpstr (summary, ==, expected_summary);

  /* The exact name, as typed, finds the contact. */
  run_on (fixture->path, &run, "--with", name, "--rate", "1", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, expected_rated);

  {
    g_autofree char *tables = tn_test_sqlite (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name = 'contacts'");

    g_assert_cmpstr (tables, ==, "1");
  }
}

/* --list is for cut and awk: one contact a line, four fields, whatever the
 * names hold. A name or organization with a line break or a tab must not
 * split a contact over two lines or shift its columns. */
static void
test_list_one_line_per_contact (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *count = NULL;
  guint n_contacts;

  if (!have_trustnet ())
    return;

  /* Whether trustnet takes these names or refuses them, --list must
   * stay one contact a line. */
  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  run_on (fixture->path, &run, "--add", "Grace\nHopper", NULL);
  run_on (fixture->path, &run, "--add", "Alan\tTuring", "--org", "Bletchley\tPark", NULL);
  run_on (fixture->path, &run, "--add", "Charles Babbage", "--org", "Difference\r\nEngines", NULL);

  count = tn_test_sqlite (fixture->path, "SELECT count(*) FROM contacts");
  n_contacts = (guint) g_ascii_strtoull (count, NULL, 10);
  g_assert_cmpuint (n_contacts, >=, 1);

  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  lines = g_strsplit (run.out, "\n", -1);
  /* The text after the last newline is empty. */
  g_assert_cmpuint (g_strv_length (lines), ==, n_contacts + 1);
  for (guint i = 0; i < n_contacts && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_test_message ("line %u: %s", i, lines[i]);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_null (strchr (lines[i], '\r'));
    }
}

/* ---------------------------------------------------------------- --stats */

static gint64
member_int (JsonObject *object,
            const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_int_member (object, member);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *stats, *by_trust;
  JsonArray *history;

  if (!have_trustnet ())
    return;

  /* The empty database: zeros, no brand statement, no one-on-one share. */
  run_on (fixture->path, &run, "--stats", "--json", NULL);
  assert_success (&run);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  stats = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (member_int (stats, "trusted"), ==, 0);
  g_assert_cmpint (member_int (stats, "goal"), ==, 20);
  g_assert_true (json_object_get_null_member (stats, "brand_statement"));
  g_assert_true (json_object_get_null_member (stats, "one_on_one_share"));

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  add_ok (fixture->path, "Grace Hopper", "grace@navy.example");
  add_ok (fixture->path, "Alan Turing", "alan@example.org");
  run_on (fixture->path, &run, "--with", "ada@example.org", "--rate", "1", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--with", "grace@navy.example", "--rate", "1", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--with", "alan@example.org", "--rate", "2", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--with", "ada@example.org", "--log", "lunch", "--date", "2026-11-23", "--gave-value", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--with", "alan@example.org", "--log", "meeting", "--date", "2026-11-17", "--group", NULL);
  assert_success (&run);

  run_on (fixture->path, &run, "--stats", "--json", NULL);
  assert_success (&run);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  stats = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (member_int (stats, "trusted"), ==, 2);
  by_trust = json_object_get_object_member (stats, "by_trust");
  g_assert_cmpint (member_int (by_trust, "0"), ==, 0);
  g_assert_cmpint (member_int (by_trust, "1"), ==, 2);
  g_assert_cmpint (member_int (by_trust, "2"), ==, 1);
  g_assert_cmpint (member_int (by_trust, "3"), ==, 0);
  g_assert_cmpint (member_int (stats, "lunches_this_week"), ==, 1);
  g_assert_cmpint (member_int (stats, "week_streak"), ==, 1);
  g_assert_cmpint (member_int (stats, "lost_touch"), ==, 0);
  g_assert_cmpint (member_int (stats, "outside_employer"), ==, 2);
  g_assert_cmpint (member_int (stats, "overdue"), ==, 0);
  g_assert_cmpint (member_int (stats, "gave_value_90d"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (stats, "one_on_one_share"), ==, 0.5);
  history = json_object_get_array_member (stats, "trusted_history");
  g_assert_cmpuint (json_array_get_length (history), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 11), "month"), ==, "2026-11");
  g_assert_cmpint (member_int (json_array_get_object_element (history, 11), "completely"), ==, 2);
  g_assert_cmpint (member_int (json_array_get_object_element (history, 10), "completely"), ==, 0);

  /* Five weeks later, Ada is overdue (4 weeks) and the streak is over. */
  g_setenv ("TRUSTNET_NOW", "2026-12-29T09:00:00Z", TRUE);
  run_on (fixture->path, &run, "--stats", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "2 of 20 people trust you completely\n"));
  g_assert_nonnull (strstr (run.out, "Overdue: 2\n"));
  g_assert_nonnull (strstr (run.out, "Ada Lovelace, 36 days"));
  g_assert_nonnull (strstr (run.out, "Week streak: 0\n"));
}

/* ---------------------------------------------------------------- errors */

typedef struct
{
  const char *path;
  const char *args[9];
  /* Something the one line on stderr must mention, or NULL. */
  const char *mentions;
  /* Whether trustnet can tell this is wrong without the database. */
  gboolean argument_error;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "/cli/error/rate-4", { "--with", "grace@navy.example", "--rate", "4" }, "--rate", TRUE },
  { "/cli/error/rate-x", { "--with", "grace@navy.example", "--rate", "x" }, "--rate", TRUE },
  { "/cli/error/rate-minus-1", { "--with", "grace@navy.example", "--rate", "-1" }, "--rate", TRUE },
  { "/cli/error/rate-empty", { "--with", "grace@navy.example", "--rate", "" }, "--rate", TRUE },
  { "/cli/error/rate-without-with", { "--rate", "1" }, "--with", TRUE },
  { "/cli/error/with-nobody", { "--with", "nobody@example.org", "--rate", "1" }, "nobody@example.org", FALSE },
  { "/cli/error/with-ambiguous-name", { "--with", "Ada Lovelace", "--rate", "1" }, "ada@engines.example", FALSE },
  { "/cli/error/with-empty", { "--with", "", "--rate", "1" }, NULL, TRUE },
  { "/cli/error/with-alone", { "--with", "grace@navy.example" }, "--rate", TRUE },
  { "/cli/error/add-empty", { "--add", "" }, "--add", TRUE },
  { "/cli/error/add-blank", { "--add", "  \t " }, "--add", TRUE },
  { "/cli/error/add-bad-email", { "--add", "Charles Babbage", "--email", "not-an-email" }, "not-an-email", TRUE },
  { "/cli/error/add-one-bad-email", { "--add", "Charles Babbage", "--email", "charles@example.org", "--email", "charles at example" }, "charles at example", TRUE },
  { "/cli/error/email-without-add", { "--email", "a@b.org" }, "--add", TRUE },
  { "/cli/error/org-without-add", { "--org", "Analytical Engines" }, "--add", TRUE },
  { "/cli/error/json-without-list", { "--json" }, "--list", TRUE },
  { "/cli/error/stats-and-list", { "--stats", "--list" }, "--stats", TRUE },
  { "/cli/error/json-with-add", { "--add", "Charles Babbage", "--json" }, "--stats", TRUE },
  { "/cli/error/list-and-add", { "--list", "--add", "Charles Babbage" }, NULL, TRUE },
  { "/cli/error/add-and-with", { "--add", "Charles Babbage", "--with", "grace@navy.example", "--rate", "1" }, NULL, TRUE },
  { "/cli/error/list-and-with", { "--list", "--with", "grace@navy.example", "--rate", "1" }, NULL, TRUE },
  { "/cli/error/import-missing-file", { "--import", "/nonexistent/trustnet/contacts.vcf" }, "/nonexistent/trustnet/contacts.vcf", TRUE },
  { "/cli/error/import-one-missing-file", { "--import", "/dev/null", "/nonexistent/trustnet/contacts.vcf" }, "does not exist", TRUE },
  { "/cli/error/argument-without-import", { "contacts.vcf" }, "--import", TRUE },
  { "/cli/error/import-and-list", { "--import", "/dev/null", "--list" }, NULL, TRUE },
  { "/cli/error/import-and-export", { "--import", "/dev/null", "--export", "/tmp/trustnet-test.vcf" }, NULL, TRUE },
  { "/cli/error/export-missing-folder", { "--export", "/nonexistent/trustnet/contacts.vcf" }, "/nonexistent/trustnet", TRUE },
  { "/cli/error/export-to-folder", { "--export", "/tmp" }, "folder", TRUE },
  { "/cli/error/export-empty", { "--export", "" }, "--export", TRUE },
  { "/cli/error/import-folder", { "--import", "/dev/pts" }, "folder", FALSE },
  { "/cli/error/import-device", { "--import", "/dev/null" }, "not a regular file", FALSE },
  { "/cli/error/log-unknown-kind", { "--with", "grace@navy.example", "--log", "dinner" }, "dinner", TRUE },
  { "/cli/error/log-bad-date", { "--with", "grace@navy.example", "--log", "lunch", "--date", "2026-02-30" }, "2026-02-30", TRUE },
  { "/cli/error/log-future", { "--with", "grace@navy.example", "--log", "lunch", "--date", "2026-11-25" }, "future", FALSE },
  { "/cli/error/log-without-with", { "--log", "lunch" }, "--with", TRUE },
  { "/cli/error/log-nobody", { "--with", "nobody@example.org", "--log", "lunch" }, "nobody@example.org", FALSE },
  { "/cli/error/date-without-log", { "--with", "grace@navy.example", "--rate", "1", "--date", "2026-11-01" }, "--log", TRUE },
  { "/cli/error/gave-value-without-log", { "--gave-value" }, "--log", TRUE },
  { "/cli/error/rate-and-log", { "--with", "grace@navy.example", "--rate", "1", "--log", "lunch" }, NULL, TRUE },
  { "/cli/error/brand-empty", { "--brand", "" }, "empty", TRUE },
  { "/cli/error/brand-blank", { "--brand", " \n\t " }, "empty", TRUE },
  { "/cli/error/brand-too-long", { "--brand", "I " BRAND_1000 }, "1000", TRUE },
  { "/cli/error/brand-and-list", { "--brand", "I sold widgets.", "--list" }, "--brand", TRUE },
};

/* Two namesakes and Grace, the database each error case starts from. */
static void
seed (const char *database)
{
  g_auto(Run) run = { 0 };

  add_ok (database, "Ada Lovelace", "ada@example.org");
  add_ok (database, "Ada Lovelace", "ada@engines.example");
  add_ok (database, "Grace Hopper", "grace@navy.example");
  run_on (database, &run, "--with", "grace@navy.example", "--rate", "2", NULL);
  assert_success (&run);
}

static void
test_error_case (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const ErrorCase *error_case = user_data;
  g_auto(Run) run = { 0 };
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;

  if (!have_trustnet ())
    return;

  seed (fixture->path);
  dump_before = tn_test_dump (fixture->path);
  json_before = list_json (fixture->path);

  run_argv (fixture->path, error_case->args, &run);
  assert_user_error (&run);
  if (error_case->mentions != NULL)
    g_assert_nonnull (strstr (run.err, error_case->mentions));

  dump_after = tn_test_dump (fixture->path);
  json_after = list_json (fixture->path);
  g_assert_cmpstr (dump_after, ==, dump_before);
  g_assert_cmpstr (json_after, ==, json_before);
}

static void
test_ambiguous_lists_candidates (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  seed (fixture->path);
  run_on (fixture->path, &run, "--with", "Ada Lovelace", "--rate", "1", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "ada@example.org"));
  g_assert_nonnull (strstr (run.err, "ada@engines.example"));

  /* Either address picks one of them. */
  run_on (fixture->path, &run, "--with", "ada@engines.example", "--rate", "1", NULL);
  assert_success (&run);
  run_on (fixture->path, &run, "--list", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "0\tAda Lovelace\t\tada@example.org\n"
                   "1\tAda Lovelace\t\tada@engines.example\n"
                   "2\tGrace Hopper\t\tgrace@navy.example\n");
}

/* A mistake in the arguments is found before the database is opened, so
 * a mistyped --database path does not leave a new empty database behind. */
static void
test_error_creates_no_database (Fixture       *fixture,
                                gconstpointer  user_data)
{
  if (!have_trustnet ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_auto(Run) run = { 0 };

      if (!error_cases[i].argument_error)
        continue;

      g_test_message ("%s", error_cases[i].path);
      run_argv (fixture->path, error_cases[i].args, &run);
      assert_user_error (&run);
      if (g_file_test (fixture->path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *folder = g_path_get_dirname (fixture->path);

          g_test_message ("%s left a new database behind", error_cases[i].path);
          g_test_fail_printf ("%s left a new database %s behind", error_cases[i].path, fixture->path);
          /* Judge the next case on its own. */
          tn_test_remove_tree (folder);
        }
    }
}

static void
test_unknown_option (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!have_trustnet ())
    return;

  seed (fixture->path);
  before = tn_test_dump (fixture->path);

  run_on (fixture->path, &run, "--frobnicate", NULL);
  g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--frobnicate"));

  run_on (fixture->path, &run, "--list", "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_database_is_directory (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GDir) dir = NULL;

  if (!have_trustnet ())
    return;

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);

  run_on (fixture->path, &run, "--list", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, fixture->path));

  run_on (fixture->path, &run, "--add", "Ada Lovelace", NULL);
  assert_user_error (&run);

  /* Still an empty folder. */
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
  dir = g_dir_open (fixture->path, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

typedef struct
{
  char *contents;
  gsize length;
  struct timespec mtime;
} FileSnapshot;

static void
file_snapshot_take (FileSnapshot *snapshot,
                    const char   *path)
{
  g_autoptr(GError) error = NULL;
  struct stat info;

  g_assert_true (g_file_get_contents (path, &snapshot->contents, &snapshot->length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &info), ==, 0);
  snapshot->mtime = info.st_mtim;
}

static void
file_snapshot_assert_unchanged (FileSnapshot *snapshot,
                                const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  struct stat info;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, snapshot->contents, snapshot->length);
  g_assert_cmpint (stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mtim.tv_sec, ==, snapshot->mtime.tv_sec);
  g_assert_cmpint (info.st_mtim.tv_nsec, ==, snapshot->mtime.tv_nsec);
}

static void
file_snapshot_clear (FileSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->contents, g_free);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char text[] = "Monday: call Ada.\nTuesday: lunch with Grace.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  FileSnapshot before = { 0 };
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (fixture->path, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  file_snapshot_take (&before, fixture->path);
  g_usleep (20 * 1000);

  run_on (fixture->path, &run, "--list", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, fixture->path));

  run_on (fixture->path, &run, "--add", "Ada Lovelace", "--email", "ada@example.org", NULL);
  assert_user_error (&run);

  run_on (fixture->path, &run, "--with", "ada@example.org", "--rate", "1", NULL);
  assert_user_error (&run);

  file_snapshot_assert_unchanged (&before, fixture->path);
  file_snapshot_clear (&before);
}

/* A database cut short (a copy interrupted, a disk that failed): every command says it is
 * damaged and leaves every byte, whether the header, the first page or a later one is gone. */
static void
test_truncated_database (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const gsize sizes[] = { 100, 4096, 3 * 4096, 12 * 4096 };
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *whole = NULL;
  g_autofree char *vcf = NULL;
  gsize length = 0;

  if (!have_trustnet ())
    return;

  seed (fixture->path);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);

      add_ok (fixture->path, name, email);
    }
  /* One file, as a copy of it would be, without the write-ahead log beside it. */
  g_free (tn_test_sqlite (fixture->path, "PRAGMA journal_mode = DELETE"));
  g_assert_true (g_file_get_contents (fixture->path, &whole, &length, NULL));
  g_remove (wal);
  g_remove (shm);
  vcf = g_build_filename (fixture->dir, "one.vcf", NULL);
  g_assert_true (g_file_set_contents (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:New\r\nEND:VCARD\r\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      FileSnapshot before = { 0 };
      g_auto(Run) run = { 0 };

      g_test_message ("cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", sizes[i], length);
      g_assert_cmpuint (sizes[i], <, length);
      g_assert_true (g_file_set_contents_full (fixture->path, whole, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
      g_assert_no_error (error);
      g_assert_cmpint (truncate (fixture->path, sizes[i]), ==, 0);
      file_snapshot_take (&before, fixture->path);
      g_usleep (20 * 1000);

      run_on (fixture->path, &run, "--list", NULL);
      assert_user_error (&run);
      g_assert_nonnull (strstr (run.err, "damaged"));
      run_on (fixture->path, &run, "--import", vcf, NULL);
      assert_user_error (&run);
      run_on (fixture->path, &run, "--add", "Ada Lovelace", NULL);
      assert_user_error (&run);

      file_snapshot_assert_unchanged (&before, fixture->path);
      file_snapshot_clear (&before);
      g_remove (wal);
      g_remove (shm);
    }
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *result = NULL;
  FileSnapshot before = { 0 };
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  result = tn_test_sqlite (fixture->path, "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);");
  g_assert_cmpstr (result, ==, "0|0|0");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  file_snapshot_take (&before, fixture->path);
  g_usleep (20 * 1000);

  run_on (fixture->path, &run, "--list", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "newer"));

  run_on (fixture->path, &run, "--add", "Grace Hopper", NULL);
  assert_user_error (&run);

  run_on (fixture->path, &run, "--with", "ada@example.org", "--rate", "1", NULL);
  assert_user_error (&run);

  file_snapshot_assert_unchanged (&before, fixture->path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  file_snapshot_clear (&before);
}

/* ------------------------------------------------------ import and export */

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
  g_assert_cmpstr (run.out, ==, "Imported 1 contact, merged 0 duplicates, skipped 0 broken cards; 1 was already there\n");

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
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts, merged 0 duplicates, skipped 0 broken cards\n");
  before = tn_test_dump (fixture->path);

  run_on (fixture->path, &run, "--import", two, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 0 contacts, merged 0 duplicates, skipped 0 broken cards; 2 were already there\n");
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
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts, merged 0 duplicates, skipped 0 broken cards\n");

  run_on (fixture->path, &run, "--import", alan, "--import", ada, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Imported 1 contact, merged 0 duplicates, skipped 0 broken cards; 1 was already there\n");

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
      g_assert_true (g_str_has_prefix (run.out, round == 0 ? "Imported 10000 contacts" : "Imported 0 contacts"));
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
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts, merged 0 duplicates, skipped 0 broken cards\n");
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
  g_assert_cmpstr (run.out, ==, "Imported 4 contacts, merged 0 duplicates, skipped 0 broken cards\n");
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
  g_assert_cmpstr (run.out, ==, "Imported 2 contacts, merged 0 duplicates, skipped 0 broken cards\n");
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
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and lets the others still run. */
  g_test_set_nonfatal_assertions ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/cli/version", test_version);
  ADD_TEST ("/cli/add", test_add);
  ADD_TEST ("/cli/list", test_list);
  ADD_TEST ("/cli/list-json", test_list_json);
  ADD_TEST ("/cli/list/one-line-per-contact", test_list_one_line_per_contact);
  ADD_TEST ("/cli/rate", test_rate);
  ADD_TEST ("/cli/log", test_log);
  ADD_TEST ("/cli/brand", test_brand);
  ADD_TEST ("/cli/strange-strings", test_strange_strings);
  ADD_TEST ("/cli/ambiguous-lists-candidates", test_ambiguous_lists_candidates);
  ADD_TEST ("/cli/unknown-option", test_unknown_option);
  ADD_TEST ("/cli/database-is-directory", test_database_is_directory);
  ADD_TEST ("/cli/not-a-database", test_not_a_database);
  ADD_TEST ("/cli/truncated-database", test_truncated_database);
  ADD_TEST ("/cli/newer-schema", test_newer_schema);
  ADD_TEST ("/cli/error/creates-no-database", test_error_creates_no_database);
  ADD_TEST ("/cli/import", test_import);
  ADD_TEST ("/cli/import/again", test_import_again);
  ADD_TEST ("/cli/import/several-files", test_import_several);
  ADD_TEST ("/cli/import/refused", test_import_refused);
  ADD_TEST ("/cli/import/one-refused", test_import_one_refused);
  ADD_TEST ("/cli/import/hostile-files", test_import_hostile_files);
  ADD_TEST ("/cli/import/never-fetches", test_import_never_fetches);
  ADD_TEST ("/cli/import/many-files", test_import_many_files);
  ADD_TEST ("/cli/import/file-ends-while-read", test_import_file_ends_while_read);
  ADD_TEST ("/cli/import/killed", test_import_killed);
  ADD_TEST ("/cli/export", test_export);
  ADD_TEST ("/cli/stats", test_stats);
  ADD_TEST ("/cli/import/folder", test_import_folder);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add (error_cases[i].path, Fixture, &error_cases[i], fixture_set_up, test_error_case, fixture_tear_down);

#undef ADD_TEST

  return g_test_run ();
}
