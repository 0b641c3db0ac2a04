/* test-overdue-filter.c — the contacts page's "Overdue" filter and count in the real window
 * under Xvfb: clicks, the trust filter beside it, a lunch logged and a new cadence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-ui-test-people.h"
#include "tn-window-private.h"

typedef TnUiPeopleFixture Fixture;

static TnApplication *application;

/* A #TnTestCount of the TnWindow @window. */
static guint
n_overdue (gpointer window)
{
  guint n = 0;

  g_object_get (tn_window_get_contacts_page (window), "n-overdue", &n, NULL);
  return n;
}

static void
test_overdue_filter (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TnContactsPage *page;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *button;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->ui.window), ==, 4);
  g_assert_cmpuint (n_overdue (fixture->ui.window), ==, 2);

  /* One click on "Overdue": Ada and Barbara. */
  button = tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "overdue-filter-wide");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  tn_ui_test_click (button);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->ui.window, 2));
  g_assert_true (tn_contacts_page_get_overdue_only (page));
  g_assert_true (g_settings_get_boolean (settings, "contacts-overdue-only"));
  tn_ui_test_save_screenshot ("overdue-filter");

  /* With the trust filter: no overdue 2s, and the page says so. */
  tn_contacts_page_set_trust_filter (page, "moderately");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->ui.window, 0));
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (fixture->ui.window),
                                           "No one is overdue. You are keeping in touch with everyone."));
  tn_contacts_page_set_trust_filter (page, "all");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->ui.window, 2));

  /* Logging a lunch with Barbara takes her off the list and the count. */
  tn_ui_test_log (fixture->ui.store, fixture->barbara, TN_INTERACTION_LUNCH, "2026-11-24", NULL);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->ui.window, 1));
  g_assert_true (tn_ui_test_wait_for_count (n_overdue, fixture->ui.window, 1));

  /* Every 6 weeks for the 1s in Preferences: Ada's five weeks are fine now. */
  g_settings_set_int (settings, "cadence-weeks-completely", 6);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->ui.window, 0));
  g_assert_true (tn_ui_test_wait_for_count (n_overdue, fixture->ui.window, 0));

  /* A second click shows everyone again. */
  tn_ui_test_click (button);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->ui.window, 4));
  g_assert_false (g_settings_get_boolean (settings, "contacts-overdue-only"));
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/contacts/overdue-filter", Fixture, application,
              tn_ui_test_people_set_up, test_overdue_filter, tn_ui_test_people_tear_down);

  return g_test_run ();
}
