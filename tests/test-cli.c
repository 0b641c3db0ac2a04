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

#define RLM "\xe2\x80\x8f"

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

/* --list --search finds whom the window's search finds (the rule of tn-search.c). */
static void
test_list_search (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *summary = NULL;

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--add", "Ana García", "--email", "ana@acme.example", "--org", "Acme Corp", NULL);
  assert_success (&run);
  add_ok (fixture->path, "Günter Müller", NULL);
  add_ok (fixture->path, "Anabel Gomez", NULL);
  add_ok (fixture->path, "Bjørn Hansen", NULL);

  /* Word prefixes in any order, case- and accent-blind; sorted by name. */
  run_on (fixture->path, &run, "--list", "--search", "ANA G", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "0\tAna García\tAcme Corp\tana@acme.example\n0\tAnabel Gomez\t\t\n");

  run_on (fixture->path, &run, "--list", "--search", "garcia", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "0\tAna García\tAcme Corp\tana@acme.example\n");

  run_on (fixture->path, &run, "--list", "--search", "mull", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "0\tGünter Müller\t\t\n");

  run_on (fixture->path, &run, "--list", "--search", "acme ana", "--json", NULL);
  assert_success (&run);
  summary = summarize_json (run.out);
  g_assert_cmpstr (summary, ==, "Ana García|Acme Corp|None|0|ana@acme.example||None\n");
  g_clear_pointer (&summary, g_free);

  run_on (fixture->path, &run, "--list", "--search", "bjorn h", "--json", NULL);
  assert_success (&run);
  summary = summarize_json (run.out);
  g_assert_cmpstr (summary, ==, "Bjørn Hansen|None|None|0|||None\n");

  /* Nobody found is an empty answer, not an error. */
  run_on (fixture->path, &run, "--list", "--search", "arcia", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "");
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
  g_assert_cmpstr (run.out, ==, "Ada Lovelace: trust 0 (Not rated)\n");
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
  { "/cli/error/search-without-list", { "--search", "ana" }, "--search", TRUE },
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

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

  add_cli_test ("/cli/version", test_version);
  add_cli_test ("/cli/add", test_add);
  add_cli_test ("/cli/list", test_list);
  add_cli_test ("/cli/list-json", test_list_json);
  add_cli_test ("/cli/list/search", test_list_search);
  add_cli_test ("/cli/list/one-line-per-contact", test_list_one_line_per_contact);
  add_cli_test ("/cli/rate", test_rate);
  add_cli_test ("/cli/log", test_log);
  add_cli_test ("/cli/brand", test_brand);
  add_cli_test ("/cli/strange-strings", test_strange_strings);
  add_cli_test ("/cli/ambiguous-lists-candidates", test_ambiguous_lists_candidates);
  add_cli_test ("/cli/unknown-option", test_unknown_option);
  add_cli_test ("/cli/database-is-directory", test_database_is_directory);
  add_cli_test ("/cli/not-a-database", test_not_a_database);
  add_cli_test ("/cli/truncated-database", test_truncated_database);
  add_cli_test ("/cli/newer-schema", test_newer_schema);
  add_cli_test ("/cli/error/creates-no-database", test_error_creates_no_database);
  add_cli_test ("/cli/stats", test_stats);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add (error_cases[i].path, Fixture, &error_cases[i], fixture_set_up, test_error_case, fixture_tear_down);

  return g_test_run ();
}
