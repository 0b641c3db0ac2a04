/* test-cli-csv.c — `trustnet --import FILE.csv` and `--job-changes [--json]` as scripts use
 * them: LinkedIn exports imported and noticed, an unknown CSV refused naming the formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-csv"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tn-test-cli.h"
#include "tn-test-util.h"

#define HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

static char *
write_csv (Fixture    *fixture,
           const char *folder,
           const char *data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, folder, NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "Connections.csv", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_linkedin_and_job_changes (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *change;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  first = write_csv (fixture, "2025", HEADER
                     "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Engineer,07 Dec 2025\n"
                     "Bad,\"Ro\"w,x,,,,\n"
                     "Grace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Rear Admiral,01 Jan 2020\n");
  second = write_csv (fixture, "2026", HEADER
                      "Ada,Lovelace,https://www.linkedin.com/in/ada/,,Initech,CTO,07 Dec 2025\n"
                      "Grace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Rear Admiral,01 Jan 2020\n");

  run_on (fixture->path, &run, "--import", first, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 2 contacts"));
  /* The broken row, as editors and grep read it. */
  g_assert_nonnull (strstr (run.err, "Connections.csv:3: "));
  run_clear (&run);

  run_on (fixture->path, &run, "--job-changes", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Nobody changed jobs yet"));
  run_clear (&run);

  run_on (fixture->path, &run, "--import", second, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_on (fixture->path, &run, "--job-changes", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "2026-11-24  Ada Lovelace: Engineer at Analytical Engines → CTO at Initech\n");
  run_clear (&run);

  run_on (fixture->path, &run, "--job-changes", "--json", NULL);
  assert_success (&run);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 1);
  change = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "name"), ==, "Ada Lovelace");
  g_assert_nonnull (json_object_get_string_member (change, "uid"));
  g_assert_cmpstr (json_object_get_string_member (change, "from_organization"), ==, "Analytical Engines");
  g_assert_cmpstr (json_object_get_string_member (change, "from_title"), ==, "Engineer");
  g_assert_cmpstr (json_object_get_string_member (change, "to_organization"), ==, "Initech");
  g_assert_cmpstr (json_object_get_string_member (change, "to_title"), ==, "CTO");
  g_assert_cmpstr (json_object_get_string_member (change, "noticed_on"), ==, "2026-11-24");
}

/* An unknown CSV: one line naming the formats TrustNet knows, exit 1, nothing written. */
static void
test_unknown_csv (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *invoice = g_build_filename (fixture->dir, "invoice.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  add_ok (fixture->path, "Ada Lovelace", "ada@example.org");
  before = tn_test_dump (fixture->path);
  g_assert_true (g_file_set_contents (invoice, "Vendor,Amount\nAcme,12\n", -1, NULL));

  run_on (fixture->path, &run, "--import", invoice, NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "invoice.csv"));
  g_assert_nonnull (strstr (run.err, "LinkedIn"));
  g_assert_nonnull (strstr (run.err, "Google Contacts"));
  g_assert_nonnull (strstr (run.err, "Outlook"));

  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_json_needs_a_mode (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  if (!have_trustnet ())
    return;

  run_on (fixture->path, &run, "--json", NULL);
  assert_user_error (&run);
  g_assert_nonnull (strstr (run.err, "--job-changes"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_cli_test ("/cli/csv/linkedin-and-job-changes", test_linkedin_and_job_changes);
  add_cli_test ("/cli/csv/unknown", test_unknown_csv);
  add_cli_test ("/cli/csv/json-needs-a-mode", test_json_needs_a_mode);

  return g_test_run ();
}
