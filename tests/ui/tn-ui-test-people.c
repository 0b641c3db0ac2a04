/* tn-ui-test-people.c — four contacts whose trust and history put two of them overdue,
 * in the real window, for the Overdue filter and the timeline tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-ui-test-people.h"

/**
 * tn_ui_test_log:
 * @store: the fixture's store
 * @contact: one of its contacts
 * @kind: what it was
 * @day: YYYY-MM-DD
 * @note: (nullable): what was said
 *
 * Logs an interaction as the log dialog would; the store must take it.
 */
void
tn_ui_test_log (TnStore           *store,
                TnContact         *contact,
                TnInteractionKind  kind,
                const char        *day,
                const char        *note)
{
  g_autoptr(TnInteraction) interaction = tn_interaction_new (kind, day);
  g_autoptr(GError) error = NULL;

  tn_interaction_set_note (interaction, note);
  g_assert_true (tn_store_log_interaction (store, contact, interaction, &error));
  g_assert_no_error (error);
}

/**
 * tn_ui_test_people_set_up:
 * @fixture: the test's
 * @application: (type TnApplication): what tn_ui_test_init() returned
 *
 * Ada, Grace, Alan and Barbara added on TN_UI_TEST_ADDED, their interactions logged,
 * and the window open with the clock at TN_UI_TEST_TODAY.
 */
void
tn_ui_test_people_set_up (TnUiPeopleFixture *fixture,
                          gconstpointer      application)
{
  g_autofree char *prefix = g_path_get_basename (g_get_prgname ());

  tn_ui_test_fixture_set_up (&fixture->ui, prefix);
  if (fixture->ui.store == NULL)
    return;

  g_setenv ("TRUSTNET_NOW", TN_UI_TEST_ADDED, TRUE);
  fixture->ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  fixture->grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", NULL, NULL, TN_TRUST_COMPLETELY);
  fixture->alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", NULL, NULL, TN_TRUST_MODERATELY);
  fixture->barbara = tn_ui_test_add_contact (fixture->ui.store, "Barbara Liskov", NULL, NULL, TN_TRUST_COMPLETELY);

  g_setenv ("TRUSTNET_NOW", TN_UI_TEST_TODAY, TRUE);
  tn_ui_test_log (fixture->ui.store, fixture->ada, TN_INTERACTION_CALL, "2026-10-05", NULL);
  tn_ui_test_log (fixture->ui.store, fixture->ada, TN_INTERACTION_LUNCH, "2026-10-20", "Talked about engines");
  tn_ui_test_log (fixture->ui.store, fixture->grace, TN_INTERACTION_COFFEE, "2026-11-17", NULL);

  tn_ui_test_fixture_open_window (&fixture->ui, (TnApplication *) application);
}

/**
 * tn_ui_test_people_tear_down:
 * @fixture: the test's
 * @application: (type TnApplication): as given to tn_ui_test_people_set_up()
 *
 * Closes the window and puts back the settings the tests change, so that the next
 * test's window starts with every contact shown.
 */
void
tn_ui_test_people_tear_down (TnUiPeopleFixture *fixture,
                             gconstpointer      application)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->grace);
  g_clear_object (&fixture->alan);
  g_clear_object (&fixture->barbara);
  tn_ui_test_fixture_tear_down (&fixture->ui, application);

  g_settings_reset (settings, "contacts-overdue-only");
  g_settings_reset (settings, "contacts-filter");
  g_settings_reset (settings, "cadence-weeks-completely");
}
