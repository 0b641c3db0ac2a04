/* test-one-truth.c — the window and the command line on one database: every change the
 * trustnet binary makes from another process shows in the open window within a second,
 * and nothing the window writes afterwards loses what the other process wrote (issue 12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-application.h"
#include "tn-self-settings.h"
#include "tn-stats.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

/* The window follows another process four times a second. How fast is the benchmark's
 * business, not this test's: a loaded machine may take longer, so the wait is the usual one. */
#define WITHIN_MS 30000

typedef TnUiFixture Fixture;

static TnApplication *application;

/* Runs the real trustnet binary on @fixture's database with the arguments after it,
 * as a person at a terminal would, and waits for it to finish. */
static void
run_trustnet (Fixture    *fixture,
              const char *first_arg,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *bin = g_getenv ("TRUSTNET_BIN");
  int status = 0;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) tn_store_get_path (fixture->store));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("trustnet %s failed: %s\n%s", first_arg, error->message, err);
}

static TnContact *
find_by_name (TnStore    *store,
              const char *name)
{
  GListModel *contacts = tn_store_get_contacts (store);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (tn_contact_get_full_name (contact), name) == 0)
        return contact;
    }

  return NULL;
}

/* ---- What the window is waited for ---------------------------------------------------- */

typedef struct
{
  Fixture *fixture;
  TnContact *ada;
  /* A label text the window should show, for label_is_shown(). */
  const char *text;
} Wait;

static gboolean
ada_is_rated_3 (gpointer data)
{
  return tn_contact_get_trust (((Wait *) data)->ada) == TN_TRUST_VAGUELY;
}

static gboolean
ada_was_met (gpointer data)
{
  return tn_contact_get_last_contact (((Wait *) data)->ada) != NULL;
}

static gboolean
eve_is_listed (gpointer data)
{
  return find_by_name (((Wait *) data)->fixture->store, "Eve New") != NULL;
}

static gboolean
label_is_shown (gpointer data)
{
  Wait *wait = data;

  return tn_ui_test_find_label (GTK_WIDGET (wait->fixture->window), wait->text) != NULL;
}

/* Everything the merge import adds to Ada, as @contact holds it. */
static void
assert_import_kept (TnContact *contact)
{
  const char * const *emails = tn_contact_get_emails (contact);
  const char * const *phones = tn_contact_get_phones (contact);

  g_assert_cmpstr (tn_contact_get_organization (contact), ==, "Analytical Engines Ltd");
  g_assert_true (g_strv_contains (emails, "ada@example.org"));
  g_assert_true (g_strv_contains (emails, "countess@analytical.example"));
  g_assert_cmpuint (g_strv_length ((GStrv) phones), ==, 1);
  g_assert_cmpstr (tn_contact_get_note (contact), ==, "Met at the Difference Engine demo");
}

static gboolean
ada_was_imported (gpointer data)
{
  TnContact *ada = ((Wait *) data)->ada;

  return g_strcmp0 (tn_contact_get_organization (ada), "Analytical Engines Ltd") == 0 &&
         g_strv_length ((GStrv) tn_contact_get_emails (ada)) == 2 &&
         g_strv_length ((GStrv) tn_contact_get_phones (ada)) == 1 &&
         tn_contact_get_note (ada) != NULL;
}

static gboolean
pane_is_closed (gpointer data)
{
  return !tn_window_get_pane_revealed (data);
}

/* Deletes @contact through @other, another connection, while it is open in the pane: the
 * pane lets go within a second. */
static void
delete_elsewhere (Fixture   *fixture,
                  TnStore   *other,
                  TnContact *contact)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_remove_contact (other, tn_store_get_contact_by_uid (other, tn_contact_get_uid (contact)),
                                          &error));
  g_assert_no_error (error);
  g_assert_true (tn_ui_test_wait_until_ms (pane_is_closed, fixture->window, WITHIN_MS));
  g_assert_null (tn_contact_pane_get_contact (tn_window_get_contact_pane (fixture->window)));
}

/* The dashboard's "trusted" figure, as the core counts it now. */
static char *
describe_trusted (TnStore *store)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  TnCadence cadence;

  tn_cadence_init_from_settings (&cadence, settings);
  stats = tn_stats_compute (store, now, g_settings_get_int (settings, TN_SELF_SETTINGS_GOAL), NULL, &cadence, &error);
  g_assert_no_error (error);
  return tn_stats_describe_trusted (tn_stats_get_trusted (stats), stats->goal);
}

static void
assert_shows (Wait       *wait,
              const char *page,
              const char *text)
{
  tn_window_show_page (wait->fixture->window, page);
  wait->text = text;
  if (!tn_ui_test_wait_until_ms (label_is_shown, wait, WITHIN_MS))
    g_error ("The %s page does not show “%s”", page, text);
}

/* ---- The test ------------------------------------------------------------------------- */

static char *
write_card (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "ada.vcf", NULL);
  g_autoptr(GError) error = NULL;
  const char *card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                     "EMAIL:ada@example.org\r\nEMAIL:countess@analytical.example\r\n"
                     "ORG:Analytical Engines Ltd\r\nTEL:+44 20 7946 0000\r\n"
                     "NOTE:Met at the Difference Engine demo\r\nEND:VCARD\r\n";

  g_file_set_contents (path, card, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Rating, logging and adding from the command line: the list, the dashboard and the brand
 * page's reach follow, with no refresh asked for. */
static void
check_command_line (Wait *wait)
{
  Fixture *fixture = wait->fixture;
  g_autofree char *trusted = NULL;

  tn_window_show_page (fixture->window, "dashboard");
  run_trustnet (fixture, "--with", "ada@example.org", "--rate", "3", NULL);
  g_assert_true (tn_ui_test_wait_until_ms (ada_is_rated_3, wait, WITHIN_MS));
  trusted = describe_trusted (fixture->store);
  assert_shows (wait, "dashboard", trusted);
  assert_shows (wait, "you", "Know what you do now: 0 of the 1 person who trusts you completely");

  run_trustnet (fixture, "--with", "ada@example.org", "--log", "lunch", NULL);
  g_assert_true (tn_ui_test_wait_until_ms (ada_was_met, wait, WITHIN_MS));
  assert_shows (wait, "dashboard", "A lunch or coffee done this week. Well done.");

  run_trustnet (fixture, "--add", "Eve New", NULL);
  g_assert_true (tn_ui_test_wait_until_ms (eve_is_listed, wait, WITHIN_MS));
}

/* A merge import while Ada is open in the pane and the person is typing her title: the
 * form shows what the import added, and Save keeps both. */
static void
check_import_under_edit (Wait *wait)
{
  Fixture *fixture = wait->fixture;
  TnContactPane *pane = tn_window_get_contact_pane (fixture->window);
  g_autofree char *card = write_card (fixture);

  tn_window_show_contact (fixture->window, wait->ada);
  g_assert_true (tn_contact_pane_get_contact (pane) == wait->ada);
  tn_contact_pane_begin_edit (pane);
  gtk_editable_set_text (GTK_EDITABLE (tn_ui_test_find_named (GTK_WIDGET (pane), "contact-pane-title-row")),
                         "Countess");
  g_assert_true (tn_contact_pane_get_dirty (pane));

  run_trustnet (fixture, "--import", card, NULL);
  g_assert_true (tn_ui_test_wait_until_ms (ada_was_imported, wait, WITHIN_MS));
  assert_import_kept (wait->ada);
  /* What the import brought shows in the form; the title being typed stays. */
  assert_shows (wait, "contacts", "Eve New");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tn_ui_test_find_named (GTK_WIDGET (pane),
                                                                               "contact-pane-organization-row"))),
                   ==, "Analytical Engines Ltd");
  g_assert_true (tn_contact_pane_get_dirty (pane));
  tn_ui_test_save_screenshot ("one-truth");

  g_assert_true (tn_contact_pane_save (pane));
  g_assert_cmpstr (tn_contact_get_title (wait->ada), ==, "Countess");
  assert_import_kept (wait->ada);
}

static void
test_command_line_and_window (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnStore) second = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *again;
  Wait wait = { fixture, NULL, NULL };

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", "grace@navy.example", NULL, TN_TRUST_COMPLETELY);
  g_assert_true (tn_store_save_brand_statement (fixture->store, "I make engines compute.", NULL, &error));
  g_assert_no_error (error);
  /* As the application does with the store it opens. */
  tn_store_follow_other_processes (fixture->store);
  tn_ui_test_fixture_open_window (fixture, application);
  wait.ada = ada;

  check_command_line (&wait);
  check_import_under_edit (&wait);

  /* Rated in the window as a person would, from the list: the import's fields stay. */
  g_assert_true (tn_contacts_page_select_contact (tn_window_get_contacts_page (fixture->window), ada));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tn_window_get_contacts_page (fixture->window)),
                                             "contacts.rate-selected", "i", TN_TRUST_COMPLETELY));
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);

  second = tn_store_open (tn_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  again = tn_store_get_contact_by_uid (second, tn_contact_get_uid (ada));
  g_assert_nonnull (again);
  assert_import_kept (again);
  g_assert_cmpint (tn_contact_get_trust (again), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_title (again), ==, "Countess");
  g_assert_nonnull (tn_contact_get_last_contact (again));

  /* Deleted elsewhere while open in the pane: the pane lets go and says so. */
  tn_window_show_contact (fixture->window, ada);
  delete_elsewhere (fixture, second, ada);
  g_assert_null (tn_store_get_contact_by_id (fixture->store, tn_contact_get_id (ada)));
  /* After the toast of the rating above, whose Undo goes with her. */
  wait.text = "Ada Lovelace was deleted elsewhere";
  g_assert_true (tn_ui_test_wait_until (label_is_shown, &wait));
}

static gboolean
undo_is_shown (gpointer data)
{
  return tn_ui_test_find_button (GTK_WIDGET (data), "Undo") != NULL;
}

/* Undo outlives a moment: pressed after another process deleted the person, it changes
 * nothing and says why, instead of writing a lunch for nobody. */
static void
test_undo_after_deleted_elsewhere (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnInteraction) lunch = NULL;
  g_autoptr(TnStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GtkWidget *timeline;
  Wait wait = { fixture, NULL, "Ada Lovelace was deleted; nothing was changed" };

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-02");
  g_assert_true (tn_store_log_interaction (fixture->store, ada, lunch, &error));
  g_assert_no_error (error);
  tn_store_follow_other_processes (fixture->store);
  tn_ui_test_fixture_open_window (fixture, application);

  tn_window_show_contact (fixture->window, ada);
  timeline = tn_ui_test_find_named (GTK_WIDGET (fixture->window), "contact-pane-timeline");
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.delete", "u", 0));
  g_assert_true (tn_ui_test_wait_until (undo_is_shown, fixture->window));

  second = tn_store_open (tn_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  delete_elsewhere (fixture, second, ada);

  g_signal_emit_by_name (tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo"), "clicked");
  count = tn_test_sqlite (tn_store_get_path (fixture->store), "SELECT count (*) FROM interactions");
  g_assert_cmpstr (g_strstrip (count), ==, "0");
  g_assert_true (tn_ui_test_wait_until (label_is_shown, &wait));
}

/* A store that does not poll still catches up when the person comes back to the window:
 * the window asks when it becomes the active one. */
static void
test_catch_up_on_focus (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  Wait wait = { fixture, NULL, NULL };

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  tn_ui_test_fixture_open_window (fixture, application);
  wait.ada = ada;
  if (!gtk_window_is_active (GTK_WINDOW (fixture->window)))
    {
      g_test_skip ("the window is not the active one: no window manager");
      return;
    }

  run_trustnet (fixture, "--with", "ada@example.org", "--rate", "3", NULL);
  tn_ui_test_settle (300);
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);

  /* What GTK says when the window is focused again. */
  g_object_notify (G_OBJECT (fixture->window), "is-active");
  g_assert_true (ada_is_rated_3 (&wait));
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/one-truth/command-line-and-window", Fixture, "test-one-truth", tn_ui_test_fixture_set_up,
              test_command_line_and_window, tn_ui_test_fixture_tear_down);
  g_test_add ("/one-truth/undo-after-deleted-elsewhere", Fixture, "test-one-truth", tn_ui_test_fixture_set_up,
              test_undo_after_deleted_elsewhere, tn_ui_test_fixture_tear_down);
  g_test_add ("/one-truth/catch-up-on-focus", Fixture, "test-one-truth", tn_ui_test_fixture_set_up,
              test_catch_up_on_focus, tn_ui_test_fixture_tear_down);

  return g_test_run ();
}
