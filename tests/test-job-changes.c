/* test-job-changes.c — a newer LinkedIn export noticing who changed jobs: the changes
 * recorded with their from and to, ratings kept, nothing changed by the same file twice,
 * Undo taking them back; listing, dismissing, the contact's history and the change feed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-job-changes"

#include "config.h"

#include <gio/gio.h>

#include <string.h>

#include "tn-exporter.h"
#include "tn-store-jobs.h"
#include "tn-suggestion.h"
#include "tn-test-import.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

#define HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

/* Five connections. */
static const char first_export[] =
  HEADER
  "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Engineer,07 Dec 2025\n"
  "Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Rear Admiral,01 Jan 2020\n"
  "Alan,Turing,https://www.linkedin.com/in/alan-turing,,Bletchley Park,Codebreaker,02 Feb 2021\n"
  "Hedy,Lamarr,https://www.linkedin.com/in/hedy,,MGM,Actress,03 Mar 2022\n"
  "Linus,Torvalds,https://www.linkedin.com/in/linus,,Transmeta,Engineer,04 Apr 2022\n";

/* A year later: Ada moved to Initech as CTO, Grace was promoted, Alan moved; written by
 * another LinkedIn site with a language path and without "www.". */
static const char second_export[] =
  "Notes:\n\"Some email addresses are missing.\"\n\n"
  HEADER
  "Ada,Lovelace,https://de.linkedin.com/in/ada-lovelace/de,,Initech,CTO,07 Dec 2025\n"
  "Grace,Hopper,https://linkedin.com/in/grace-hopper/,,US Navy,Commodore,01 Jan 2020\n"
  "Alan,Turing,http://www.linkedin.com/in/alan-turing,,University of Manchester,Codebreaker,02 Feb 2021\n"
  "Hedy,Lamarr,https://www.linkedin.com/in/hedy,,mgm,Actress,03 Mar 2022\n"
  "Linus,Torvalds,https://www.linkedin.com/in/linus,,Transmeta,,04 Apr 2022\n";

static TnImportResult *
import_text (Fixture    *fixture,
             const char *folder,
             const char *text)
{
  g_autofree char *dir = g_build_filename (fixture->dir, folder, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autofree char *path = tn_test_write_file (dir, "Connections.csv", text, -1);

    return tn_test_import_paths (fixture->store, path, NULL);
  }
}

static void
rate (Fixture    *fixture,
      const char *name,
      TnTrust     trust)
{
  g_autoptr(GError) error = NULL;
  TnContact *contact = tn_test_lookup (fixture->store, name);

  g_assert_nonnull (contact);
  g_assert_true (tn_store_set_trust (fixture->store, contact, trust, &error));
  g_assert_no_error (error);
}

static void
assert_change (TnJobChange *change,
               const char  *name,
               const char  *from_organization,
               const char  *from_title,
               const char  *to_organization,
               const char  *to_title)
{
  g_assert_cmpstr (change->name, ==, name);
  g_assert_cmpstr (change->from_organization, ==, from_organization);
  g_assert_cmpstr (change->from_title, ==, from_title);
  g_assert_cmpstr (change->to_organization, ==, to_organization);
  g_assert_cmpstr (change->to_title, ==, to_title);
  g_assert_cmpstr (change->noticed_on, ==, "2026-11-24");
  g_assert_false (change->dismissed);
}

static void
test_second_export (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TnImportResult) first = import_text (fixture, "2025", first_export);
  g_autoptr(TnImportResult) second = NULL;
  g_autoptr(TnImportResult) again = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  TnContact *ada;

  g_assert_cmpuint (first->n_added, ==, 5);
  rate (fixture, "Ada Lovelace", TN_TRUST_COMPLETELY);
  rate (fixture, "Grace Hopper", TN_TRUST_MODERATELY);
  rate (fixture, "Alan Turing", TN_TRUST_COMPLETELY);

  second = import_text (fixture, "2026", second_export);
  g_assert_cmpuint (second->n_added, ==, 0);
  g_assert_cmpuint (second->n_merged, ==, 3);
  /* Hedy's "mgm" is MGM, and Linus's missing position is no change. */
  g_assert_cmpuint (second->n_unchanged, ==, 2);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 5);

  changes = tn_store_list_job_changes (fixture->store, TN_JOB_CHANGES_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  /* 1s first (the newest first among them), then 2s. */
  assert_change (g_ptr_array_index (changes, 0), "Alan Turing", "Bletchley Park", "Codebreaker",
                 "University of Manchester", "Codebreaker");
  assert_change (g_ptr_array_index (changes, 1), "Ada Lovelace", "Analytical Engines", "Engineer", "Initech", "CTO");
  assert_change (g_ptr_array_index (changes, 2), "Grace Hopper", "US Navy", "Rear Admiral", "US Navy", "Commodore");
  g_assert_cmpint (((TnJobChange *) g_ptr_array_index (changes, 0))->trust, ==, TN_TRUST_COMPLETELY);

  /* The contacts have their new jobs and keep their ratings. */
  ada = tn_test_lookup (fixture->store, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Initech");
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "CTO");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpint (tn_contact_get_trust (tn_test_lookup (fixture->store, "Grace Hopper")), ==, TN_TRUST_MODERATELY);
  g_assert_cmpstr (tn_contact_get_connected_on (ada), ==, "2025-12-07");
  tn_test_assert_strv (tn_contact_get_urls (ada), "https://www.linkedin.com/in/ada-lovelace", NULL);

  /* The same export again changes nothing at all. */
  before = tn_test_dump (fixture->path);
  again = import_text (fixture, "2026-again", second_export);
  g_assert_cmpuint (again->n_added + again->n_merged, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 5);
  g_assert_cmpint (tn_test_file_result (again, 0)->batch_id, ==, 0);
  {
    g_autofree char *after = tn_test_dump (fixture->path);

    g_assert_cmpstr (after, ==, before);
  }
}

/* A merge that changes a job and adds an address writes the contact's row
 * once (tn_import_writer_update_contact()): one revision, and every changed field stamped
 * with the import's time for sync. */
static void
test_one_write_per_merge (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char later[] =
    HEADER
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Initech,CTO,07 Dec 2025\n";
  g_autoptr(TnImportResult) first = import_text (fixture, "2025", first_export);
  g_autoptr(TnImportResult) second = NULL;
  g_autofree char *revision_before = NULL;
  g_autofree char *revision_after = NULL;
  g_autofree char *times = NULL;
  TnContact *ada;

  g_assert_cmpuint (first->n_added, ==, 5);
  revision_before = tn_test_sqlite (fixture->path, "SELECT revision FROM contacts WHERE full_name = 'Ada Lovelace'");

  second = import_text (fixture, "2026", later);
  g_assert_cmpuint (second->n_merged, ==, 1);

  ada = tn_test_lookup (fixture->store, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Initech");
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "CTO");
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@example.org", NULL);

  revision_after = tn_test_sqlite (fixture->path, "SELECT revision FROM contacts WHERE full_name = 'Ada Lovelace'");
  g_assert_cmpint (g_ascii_strtoll (revision_after, NULL, 10), ==, g_ascii_strtoll (revision_before, NULL, 10) + 1);

  times = tn_test_sqlite (fixture->path,
                          "SELECT group_concat (t.field || '=' || (t.changed_at = c.updated_at), ',')"
                          "  FROM (SELECT * FROM sync_field_times ORDER BY field) AS t"
                          "  JOIN contacts AS c ON c.id = t.contact_id WHERE c.full_name = 'Ada Lovelace'");
  g_assert_cmpstr (times, ==, "organization=1,title=1");
}

/* Undo takes the changes back, and the old jobs with them. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TnImportResult) first = import_text (fixture, "2025", first_export);
  g_autoptr(TnImportResult) second = import_text (fixture, "2026", second_export);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *ada;

  g_assert_true (tn_store_undo_import (fixture->store, tn_test_file_result (second, 0)->batch_id, &error));
  g_assert_no_error (error);

  changes = tn_store_list_job_changes (fixture->store, TN_JOB_CHANGES_FLAGS_NONE, &error);
  g_assert_cmpuint (changes->len, ==, 0);
  ada = tn_test_lookup (fixture->store, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Engineer");
  tn_test_assert_query (fixture->path, "SELECT title FROM contacts WHERE full_name = 'Grace Hopper'", "Rear Admiral");
}

static void
test_dismiss_and_history (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnImportResult) first = import_text (fixture, "2025", first_export);
  g_autoptr(TnImportResult) second = import_text (fixture, "2026", second_export);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  TnJobChange *first_change;
  g_autofree char *expected = NULL;
  g_autofree char *contact_id = NULL;

  all = tn_store_list_job_changes (fixture->store, TN_JOB_CHANGES_FLAGS_NONE, &error);
  first_change = g_ptr_array_index (all, 0);
  tn_test_assert_query (fixture->path, "DELETE FROM changes; SELECT count (*) FROM changes", "0");
  g_assert_true (tn_store_dismiss_job_change (fixture->store, first_change->id, &error));
  g_assert_no_error (error);
  /* Dismissing is a change of the contact in the change feed. */
  contact_id = g_strdup_printf ("%" G_GINT64_FORMAT, first_change->contact_id);
  tn_test_assert_query (fixture->path, "SELECT kind || ':' || contact_id FROM changes",
                        (expected = g_strconcat ("contact:", contact_id, NULL)));
  /* Twice is harmless; a change that is not there says so. */
  g_assert_true (tn_store_dismiss_job_change (fixture->store, first_change->id, &error));
  g_assert_false (tn_store_dismiss_job_change (fixture->store, 9999, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  open = tn_store_list_job_changes (fixture->store, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, &error);
  g_assert_cmpuint (open->len, ==, 2);

  /* The history keeps a dismissed change. */
  history = tn_store_list_contact_job_changes (fixture->store,
                                               tn_store_get_contact_by_id (fixture->store, first_change->contact_id),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_true (((TnJobChange *) g_ptr_array_index (history, 0))->dismissed);
}

/* Any source: a vCard with another organization is a job change too; a contact without
 * one simply gets it. */
static void
test_vcard_source (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnImportResult) filled = NULL;
  g_autoptr(TnImportResult) moved = NULL;

  filled = tn_test_import_text (fixture, "a.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEMAIL:ada@example.org\r\nORG:Acme\r\nEND:VCARD\r\n");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM job_changes", "0");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Acme");

  moved = tn_test_import_text (fixture, "b.vcf",
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEMAIL:ada@example.org\r\nORG:Initech\r\nEND:VCARD\r\n");
  tn_test_assert_query (fixture->path, "SELECT from_organization || '>' || to_organization FROM job_changes", "Acme>Initech");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Initech");
}

/* A LinkedIn row gives a vCard contact its profile and Connected On; the export writes
 * them, and the export read back matches by the profile. */
static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnImportResult) linkedin = NULL;
  g_autoptr(TnImportResult) again = NULL;
  g_autofree char *card = NULL;

  linkedin = import_text (fixture, "2026", HEADER "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,,,07 Dec 2025\n");
  g_assert_cmpuint (linkedin->n_merged, ==, 1);
  tn_test_assert_strv (tn_contact_get_urls (ada), "https://www.linkedin.com/in/ada", NULL);
  g_assert_cmpstr (tn_contact_get_connected_on (ada), ==, "2025-12-07");

  card = tn_exporter_contact_to_vcard (ada);
  g_assert_nonnull (strstr (card, "\r\nURL:https://www.linkedin.com/in/ada\r\n"));
  g_assert_nonnull (strstr (card, "\r\nX-TRUSTNET-CONNECTED-ON:2025-12-07\r\n"));

  /* Without its email address and uid, the card finds Ada by her profile. */
  again = tn_test_import_text (fixture, "profile.vcf",
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A. Lovelace\r\nURL:https://de.linkedin.com/in/ada/\r\n"
                               "TITLE:Countess\r\nEND:VCARD\r\n");
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_merged, ==, 1);
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
}

/* The weekly suggestion: a 1 who changed jobs lately, until they are met. */
static void
test_suggestion (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const TnCadence cadence = { { 4, 12, 26 } };
  g_autoptr(TnImportResult) first = import_text (fixture, "2025", first_export);
  g_autoptr(TnImportResult) second = NULL;
  g_autoptr(GDateTime) now = tn_test_local_time ("2026-11-25T10:00:00");
  g_autoptr(GDateTime) later = tn_test_local_time ("2027-01-05T10:00:00");
  g_autoptr(GError) error = NULL;
  g_auto(TnSuggestion) suggestion = { 0 };

  rate (fixture, "Ada Lovelace", TN_TRUST_COMPLETELY);
  rate (fixture, "Grace Hopper", TN_TRUST_MODERATELY);
  second = import_text (fixture, "2026", second_export);

  g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, now, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (suggestion.reason, ==, TN_REMINDER_REASON_CHANGED_JOBS);
  g_assert_cmpstr (suggestion.name, ==, "Ada Lovelace");
  g_assert_cmpstr (suggestion.body, ==, "Ada Lovelace started at Initech as CTO — a good week to have lunch.");
  tn_suggestion_clear (&suggestion);

  /* "Someone else" goes on with the rule. */
  g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, now, 1, &error));
  g_assert_cmpint (suggestion.reason, !=, TN_REMINDER_REASON_CHANGED_JOBS);
  tn_suggestion_clear (&suggestion);

  /* More than 30 days later, the change is old news. */
  g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, later, 0, &error));
  g_assert_cmpint (suggestion.reason, !=, TN_REMINDER_REASON_CHANGED_JOBS);
  tn_suggestion_clear (&suggestion);

  /* Met since: no longer suggested for it. */
  tn_test_log (fixture->store, tn_test_lookup (fixture->store, "Ada Lovelace"), TN_INTERACTION_LUNCH, "2026-11-24");
  g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &cadence, now, 0, &error));
  g_assert_cmpint (suggestion.reason, !=, TN_REMINDER_REASON_CHANGED_JOBS);
}

static void
test_describe_job_change (void)
{
  g_autofree char *both = tn_suggestion_describe_job_change ("Ada", "Initech", "CTO");
  g_autofree char *organization = tn_suggestion_describe_job_change ("Ada", "Initech", NULL);
  g_autofree char *title = tn_suggestion_describe_job_change ("Ada", NULL, "CTO");
  g_autofree char *none = tn_suggestion_describe_job_change ("Ada", NULL, NULL);

  g_assert_cmpstr (both, ==, "Ada started at Initech as CTO — a good week to have lunch.");
  g_assert_cmpstr (organization, ==, "Ada started at Initech — a good week to have lunch.");
  g_assert_cmpstr (title, ==, "Ada is now CTO — a good week to have lunch.");
  g_assert_cmpstr (none, ==, "Ada changed jobs — a good week to have lunch.");
}

static void
test_describe_job (void)
{
  g_autofree char *both = tn_job_change_describe_job ("Initech", "CTO");
  g_autofree char *organization = tn_job_change_describe_job ("Initech", NULL);
  g_autofree char *title = tn_job_change_describe_job (NULL, "CTO");
  g_autofree char *none = tn_job_change_describe_job (NULL, NULL);

  g_assert_cmpstr (both, ==, "CTO at Initech");
  g_assert_cmpstr (organization, ==, "Initech");
  g_assert_cmpstr (title, ==, "CTO");
  g_assert_cmpstr (none, ==, "no job given");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/job-changes/describe-job", test_describe_job);
  g_test_add_func ("/job-changes/describe-job-change", test_describe_job_change);
  tn_test_add_store_test ("/job-changes/suggestion", NOW, test_suggestion);
  tn_test_add_store_test ("/job-changes/second-export", NOW, test_second_export);
  tn_test_add_store_test ("/job-changes/one-write-per-merge", NOW, test_one_write_per_merge);
  tn_test_add_store_test ("/job-changes/undo", NOW, test_undo);
  tn_test_add_store_test ("/job-changes/dismiss-and-history", NOW, test_dismiss_and_history);
  tn_test_add_store_test ("/job-changes/vcard-source", NOW, test_vcard_source);
  tn_test_add_store_test ("/job-changes/export-round-trip", NOW, test_export_round_trip);

  return g_test_run ();
}
