/* test-import-controller.c — TnImportController without a window: an import's progress,
 * what it says when done, Undo, refusals, one import at a time, Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-application.h"
#include "tn-import-controller.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

typedef struct
{
  TnUiFixture base;
  TnImportController *controller;
  /* What the controller said, in order: "finished: SUMMARY", "import: TEXT", "message: TEXT". */
  GPtrArray *said;
  GArray *batches;
} Fixture;

static TnApplication *application;

static void
on_import_finished_cb (Fixture    *fixture,
                       const char *summary,
                       gboolean    has_details,
                       GArray     *batches)
{
  g_ptr_array_add (fixture->said, g_strdup_printf ("finished: %s", summary));
  if (batches != NULL)
    {
      g_clear_pointer (&fixture->batches, g_array_unref);
      fixture->batches = g_array_ref (batches);
    }
}

static void
on_import_message_cb (Fixture    *fixture,
                      const char *message)
{
  g_ptr_array_add (fixture->said, g_strdup_printf ("import: %s", message));
}

static void
on_duplicates_found_cb (Fixture *fixture,
                        guint    n_pairs)
{
  g_ptr_array_add (fixture->said, g_strdup_printf ("duplicates: %u", n_pairs));
}

static void
on_message_cb (Fixture    *fixture,
               const char *message)
{
  g_ptr_array_add (fixture->said, g_strdup_printf ("message: %s", message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_ui_test_fixture_set_up (&fixture->base, "test-import-controller");
  fixture->said = g_ptr_array_new_with_free_func (g_free);
  if (fixture->base.store == NULL)
    return;

  fixture->controller = tn_import_controller_new (fixture->base.store, G_APPLICATION (application));
  g_signal_connect_swapped (fixture->controller, "import-finished", G_CALLBACK (on_import_finished_cb), fixture);
  g_signal_connect_swapped (fixture->controller, "import-message", G_CALLBACK (on_import_message_cb), fixture);
  g_signal_connect_swapped (fixture->controller, "message", G_CALLBACK (on_message_cb), fixture);
  g_signal_connect_swapped (fixture->controller, "duplicates-found", G_CALLBACK (on_duplicates_found_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->controller);
  g_clear_pointer (&fixture->said, g_ptr_array_unref);
  g_clear_pointer (&fixture->batches, g_array_unref);
  tn_ui_test_fixture_tear_down (&fixture->base, user_data);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
is_idle (gpointer data)
{
  return !tn_import_controller_get_importing (data);
}

static guint
n_said (gpointer data)
{
  return ((Fixture *) data)->said->len;
}

/* A folder's two vCards, then Undo: the contacts come and go, and each step is said. */
static void
test_folder_and_undo (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (fixture->controller == NULL)
    return;

  g_object_unref (write_file (fixture, "phone/ada.vcf", "BEGIN:VCARD\nFN:Ada Lovelace\nEND:VCARD\n"));
  g_object_unref (write_file (fixture, "phone/2025/grace.vcf", "BEGIN:VCARD\nFN:Grace Hopper\nEND:VCARD\n"));
  path = g_build_filename (fixture->base.dir, "phone", NULL);
  folder = g_file_new_for_path (path);

  g_assert_true (tn_import_controller_import_files (fixture->controller, &folder, 1));
  g_assert_true (tn_import_controller_get_importing (fixture->controller));
  g_assert_true (tn_ui_test_wait_until (is_idle, fixture->controller));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 1));

  g_assert_cmpstr (g_ptr_array_index (fixture->said, 0), ==, "finished: Imported 2 contacts");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->base.store), ==, 2);
  g_assert_null (tn_import_controller_get_report_details (fixture->controller));
  g_assert_nonnull (fixture->batches);
  g_assert_cmpuint (fixture->batches->len, ==, 2);

  tn_import_controller_undo (fixture->controller, fixture->batches);
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 1), ==, "message: Import undone");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->base.store), ==, 0);
}

/* Cards already there are counted in the toast's words as the command line says them. */
static void
test_already_there (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) again = NULL;

  if (fixture->controller == NULL)
    return;

  first = write_file (fixture, "first.vcf",
                      "BEGIN:VCARD\nFN:Ada Lovelace\nEMAIL:ada@example.org\nEND:VCARD\n"
                      "BEGIN:VCARD\nFN:Grace Hopper\nEMAIL:grace@example.org\nEND:VCARD\n");
  again = write_file (fixture, "again.vcf",
                      "BEGIN:VCARD\nFN:Ada Lovelace\nEMAIL:ada@example.org\nEND:VCARD\n"
                      "BEGIN:VCARD\nFN:Grace Hopper\nEMAIL:grace@example.org\nEND:VCARD\n"
                      "BEGIN:VCARD\nFN:Alan Turing\nEMAIL:alan@example.org\nEND:VCARD\n");

  g_assert_true (tn_import_controller_import_files (fixture->controller, &first, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 1));
  g_assert_true (tn_ui_test_wait_until (is_idle, fixture->controller));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 0), ==, "finished: Imported 2 contacts");

  g_assert_true (tn_import_controller_import_files (fixture->controller, &again, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 2));
  g_assert_true (tn_ui_test_wait_until (is_idle, fixture->controller));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 1), ==, "finished: Imported 1 contact; 2 were already there");

  g_assert_true (tn_import_controller_import_files (fixture->controller, &again, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 3));
  g_assert_true (tn_ui_test_wait_until (is_idle, fixture->controller));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 2), ==, "finished: Nothing new; 3 were already there");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->base.store), ==, 3);
}

/* An import that adds namesakes says what it did at once, idle already, and the pairs to
 * review after, when a worker has counted them; one that adds none offers no review. */
static void
test_finished_before_counted (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) namesakes = NULL;
  g_autoptr(GFile) others = NULL;

  if (fixture->controller == NULL)
    return;

  first = write_file (fixture, "first.vcf",
                      "BEGIN:VCARD\nFN:Ada Lovelace\nORG:Babbage & Co\nEMAIL:ada@example.org\nEND:VCARD\n");
  namesakes = write_file (fixture, "namesakes.vcf",
                          "BEGIN:VCARD\nFN:Ada Lovelace\nORG:Babbage & Co\nEMAIL:countess@example.net\nEND:VCARD\n");
  others = write_file (fixture, "others.vcf", "BEGIN:VCARD\nFN:Grace Hopper\nEND:VCARD\n");

  g_assert_true (tn_import_controller_import_files (fixture->controller, &first, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 1));
  g_assert_true (tn_import_controller_import_files (fixture->controller, &namesakes, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 2));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 1), ==, "finished: Imported 1 contact");
  g_assert_false (tn_import_controller_get_importing (fixture->controller));
  g_assert_cmpuint (tn_import_controller_get_n_possible_duplicates (fixture->controller), ==, 0);

  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 3));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 2), ==, "duplicates: 1");
  g_assert_cmpuint (tn_import_controller_get_n_possible_duplicates (fixture->controller), ==, 1);

  g_assert_true (tn_import_controller_import_files (fixture->controller, &others, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 4));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 3), ==, "finished: Imported 1 contact");
  tn_ui_test_settle (300);
  g_assert_cmpuint (fixture->said->len, ==, 4);
}

/* What is not a vCard changes nothing and says why, as the only message. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GFile) notes = NULL;

  if (fixture->controller == NULL)
    return;

  notes = write_file (fixture, "notes.txt", "Lunch with Ada on Monday.\n");
  g_assert_true (tn_import_controller_import_files (fixture->controller, &notes, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 1));

  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->said, 0), "import: “notes.txt” is not a vCard file"));
  g_assert_false (tn_import_controller_get_importing (fixture->controller));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->base.store), ==, 0);
}

/* One import at a time; Cancel leaves the database as it was. */
static void
test_busy_and_cancel (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GFile) ada = NULL;

  if (fixture->controller == NULL)
    return;

  ada = write_file (fixture, "ada.vcf", "BEGIN:VCARD\nFN:Ada Lovelace\nEND:VCARD\n");
  g_assert_true (tn_import_controller_import_files (fixture->controller, &ada, 1));
  g_assert_false (tn_import_controller_import_files (fixture->controller, &ada, 1));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 0), ==,
                   "message: Another import is under way: wait for it to finish, or cancel it");

  tn_import_controller_cancel (fixture->controller);
  g_assert_cmpstr (tn_import_controller_get_status (fixture->controller), ==, "Cancelling the import…");
  g_assert_true (tn_ui_test_wait_for_count (n_said, fixture, 2));
  g_assert_cmpstr (g_ptr_array_index (fixture->said, 1), ==, "import: Import cancelled; nothing was changed");
  g_assert_false (tn_import_controller_get_importing (fixture->controller));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->base.store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/import-controller/folder-and-undo", test_folder_and_undo);
  ADD_TEST ("/import-controller/already-there", test_already_there);
  ADD_TEST ("/import-controller/finished-before-counted", test_finished_before_counted);
  ADD_TEST ("/import-controller/refused", test_refused);
  ADD_TEST ("/import-controller/busy-and-cancel", test_busy_and_cancel);

#undef ADD_TEST

  return g_test_run ();
}
