/* test-day-changed.c — the window's pages follow its one clock: when it says the day
 * changed, the contacts page's "Overdue" count and a contact's status row move on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-contact-timeline.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

/* Ada, a 1 (every four weeks) never met, was added on ADDED: she is overdue from the
 * 28th day after, AFTER_MIDNIGHT, and not yet the evening before. */
#define ADDED "2026-10-01T10:00:00"
#define BEFORE_MIDNIGHT "2026-10-28T23:59:59"
#define AFTER_MIDNIGHT "2026-10-29T00:00:01"

typedef struct
{
  TnUiFixture ui;
  TnContact *ada;
} Fixture;

static TnApplication *application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_ui_test_fixture_set_up (&fixture->ui, "test-day-changed");
  if (fixture->ui.store == NULL)
    return;

  g_setenv ("TRUSTNET_NOW", ADDED, TRUE);
  fixture->ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  g_setenv ("TRUSTNET_NOW", BEFORE_MIDNIGHT, TRUE);
  tn_ui_test_fixture_open_window (&fixture->ui, application);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->ada);
  tn_ui_test_fixture_tear_down (&fixture->ui, user_data);
}

static guint
n_overdue (TnWindow *window)
{
  guint n = 0;

  g_object_get (tn_window_get_contacts_page (window), "n-overdue", &n, NULL);
  return n;
}

static gboolean
pane_shows_ada (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *timeline = tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "contact-pane-timeline");

  return tn_window_get_pane_revealed (fixture->ui.window) && timeline != NULL &&
         tn_contact_timeline_get_contact (TN_CONTACT_TIMELINE (timeline)) == fixture->ada;
}

static const char *
status_title (Fixture *fixture)
{
  GtkWidget *timeline = tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "contact-pane-timeline");
  GtkWidget *row = tn_ui_test_find_named (timeline, "timeline-status-row");

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
test_pages_follow_clock (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnClock) clock = NULL;

  if (fixture->ui.store == NULL)
    return;

  g_object_get (fixture->ui.window, "clock", &clock, NULL);
  g_assert_true (TN_IS_CLOCK (clock));
  g_assert_true (tn_contacts_page_get_clock (tn_window_get_contacts_page (fixture->ui.window)) == clock);

  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_shows_ada, fixture));
  g_assert_cmpuint (n_overdue (fixture->ui.window), ==, 0);
  g_assert_cmpstr (status_title (fixture), ==, "Due in 1 day");

  /* The time alone changes nothing: the pages wait for the clock. */
  g_setenv ("TRUSTNET_NOW", AFTER_MIDNIGHT, TRUE);
  g_assert_cmpuint (n_overdue (fixture->ui.window), ==, 0);

  g_signal_emit_by_name (clock, "day-changed");
  g_assert_cmpuint (n_overdue (fixture->ui.window), ==, 1);
  g_assert_cmpstr (status_title (fixture), ==, "Overdue");
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/day-changed/pages-follow-clock", Fixture, NULL, fixture_set_up, test_pages_follow_clock,
              fixture_tear_down);

  return g_test_run ();
}
