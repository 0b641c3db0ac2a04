/* test-csv-import.c — CSV files in the real TrustNet window under Xvfb: two LinkedIn exports
 * imported as a drop imports them, the contacts listed and the dashboard's Changed Jobs card
 * showing who moved; an unknown CSV asks which column is what before importing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv-import"

#include "config.h"

#include "tn-application.h"
#include "tn-csv-mapping-dialog.h"
#include "tn-dashboard-page.h"
#include "tn-job-changes-card.h"
#include "tn-window-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

typedef TnUiFixture Fixture;

static TnApplication *application;

#define HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

static gboolean
not_importing (gpointer data)
{
  return !tn_window_get_importing (data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    tn_ui_test_wait_until (not_importing, fixture->window);
  tn_ui_test_fixture_tear_down (fixture, user_data);
}

/* Hands @path to the window as a drop does (tn-window-dnd.c calls the same). */
static void
import_csv (Fixture    *fixture,
            const char *folder,
            const char *data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, folder, NULL);
  g_autofree char *path = g_build_filename (dir, "Connections.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  tn_window_import_files (fixture->window, &file, 1);
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
}

static void
rate (Fixture    *fixture,
      const char *name,
      TnTrust     trust)
{
  GListModel *contacts = G_LIST_MODEL (tn_store_get_contacts (fixture->store));

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (tn_contact_get_full_name (contact), name) == 0)
        g_assert_true (tn_store_set_trust (fixture->store, contact, trust, NULL));
    }
}

static gboolean
card_shows_two (gpointer data)
{
  TnJobChangesCard *card = TN_JOB_CHANGES_CARD (tn_ui_test_find_visible (data, TN_TYPE_JOB_CHANGES_CARD));

  return card != NULL && tn_job_changes_card_get_n_shown (card) == 2;
}

static void
test_linkedin_exports (Fixture       *fixture,
                       gconstpointer  user_data)
{
  TnJobChangesCard *card;

  if (fixture->store == NULL)
    return;

  tn_ui_test_fixture_open_window (fixture, application);
  import_csv (fixture, "2025", HEADER
              "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Engineer,07 Dec 2025\n"
              "Grace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Rear Admiral,01 Jan 2020\n"
              "Alan,Turing,https://www.linkedin.com/in/alan,,Bletchley Park,Codebreaker,02 Feb 2021\n");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 3);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 3));

  /* No job changes yet: no card. */
  tn_window_show_page (fixture->window, "dashboard");
  tn_ui_test_settle (300);
  g_assert_null (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), TN_TYPE_JOB_CHANGES_CARD));

  rate (fixture, "Ada Lovelace", TN_TRUST_COMPLETELY);
  rate (fixture, "Grace Hopper", TN_TRUST_MODERATELY);
  import_csv (fixture, "2026", HEADER
              "Ada,Lovelace,https://www.linkedin.com/in/ada,,Initech,CTO,07 Dec 2025\n"
              "Grace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Commodore,01 Jan 2020\n"
              "Alan,Turing,https://www.linkedin.com/in/alan,,University of Manchester,Codebreaker,02 Feb 2021\n");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 3);

  /* The 1 and the 2 who moved; Alan is unrated and is left to the command line. */
  g_assert_true (tn_ui_test_wait_until (card_shows_two, fixture->window));
  card = TN_JOB_CHANGES_CARD (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), TN_TYPE_JOB_CHANGES_CARD));
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (card), "now CTO at Initech"));
  gtk_widget_grab_focus (GTK_WIDGET (card));
  tn_ui_test_settle (300);
  tn_ui_test_save_screenshot ("csv-changed-jobs");

  /* Dismiss takes one off the card (the card may be below the fold: no pointer). */
  g_assert_true (gtk_widget_activate (tn_ui_test_find_button (GTK_WIDGET (card), "Dismiss")));
  tn_ui_test_settle (300);
  g_assert_cmpuint (tn_job_changes_card_get_n_shown (card), ==, 1);
}

static gboolean
has_ada (gpointer data)
{
  return tn_ui_test_n_contacts (data) == 2;
}

/* An unknown CSV: the columns are asked, then the rows imported with them. */
static void
test_unknown_csv (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  TnCsvMappingDialog *dialog;

  if (fixture->store == NULL)
    return;

  tn_ui_test_fixture_open_window (fixture, application);
  path = g_build_filename (fixture->dir, "people.csv", NULL);
  g_assert_true (g_file_set_contents (path, "Who,Mail,Amount\nAda Lovelace,ada@example.org,12\n"
                                            "Grace Hopper,grace@navy.example,3\n", -1, NULL));
  file = g_file_new_for_path (path);
  tn_window_import_files (fixture->window, &file, 1);

  dialog = TN_CSV_MAPPING_DIALOG (tn_ui_test_wait_for_toplevel (TN_TYPE_CSV_MAPPING_DIALOG));
  g_assert_nonnull (dialog);
  /* Nothing names the person yet ("Who" is no name the guess knows). */
  g_assert_false (tn_csv_mapping_dialog_can_import (dialog));
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (dialog), "Ada Lovelace, Grace Hopper"));
  tn_ui_test_settle (300);
  tn_ui_test_save_screenshot ("csv-mapping-dialog");

  tn_csv_mapping_dialog_set_column (dialog, 0, TN_CSV_COLUMN_FULL_NAME);
  tn_csv_mapping_dialog_set_column (dialog, 1, TN_CSV_COLUMN_EMAIL);
  g_assert_true (tn_csv_mapping_dialog_can_import (dialog));
  tn_csv_mapping_dialog_choose (dialog);

  g_assert_true (tn_ui_test_wait_until (has_ada, fixture->store));
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, "test-csv-import", tn_ui_test_fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/csv-import/linkedin-exports", test_linkedin_exports);
  ADD_TEST ("/csv-import/unknown", test_unknown_csv);

  result = g_test_run ();
  g_clear_object (&application);
  return result;
}
