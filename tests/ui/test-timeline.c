/* test-timeline.c — keeping in touch in the real window under Xvfb: the contacts page's
 * "Overdue" filter and count, and a contact's history in the side pane with Delete and
 * Undo, driven with real clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tn-contact-timeline.h"
#include "tn-log-dialog.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

/* Today, in every test; the contacts were added on ADDED. */
#define TODAY "2026-11-24T10:00:00"
#define ADDED "2026-09-10T10:00:00"

typedef struct
{
  TnUiFixture ui;
  TnContact *ada;      /* a 1, last met five weeks ago: overdue */
  TnContact *grace;    /* a 1, met last week */
  TnContact *alan;     /* a 2, never met: added 75 days ago, twelve weeks not up yet */
  TnContact *barbara;  /* a 1, never met since added 75 days ago: overdue */
} Fixture;

static TnApplication *application;

static void
log_interaction (TnStore           *store,
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_ui_test_fixture_set_up (&fixture->ui, "test-timeline");
  if (fixture->ui.store == NULL)
    return;

  g_setenv ("TRUSTNET_NOW", ADDED, TRUE);
  fixture->ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  fixture->grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", NULL, NULL, TN_TRUST_COMPLETELY);
  fixture->alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", NULL, NULL, TN_TRUST_MODERATELY);
  fixture->barbara = tn_ui_test_add_contact (fixture->ui.store, "Barbara Liskov", NULL, NULL, TN_TRUST_COMPLETELY);

  g_setenv ("TRUSTNET_NOW", TODAY, TRUE);
  log_interaction (fixture->ui.store, fixture->ada, TN_INTERACTION_CALL, "2026-10-05", NULL);
  log_interaction (fixture->ui.store, fixture->ada, TN_INTERACTION_LUNCH, "2026-10-20", "Talked about engines");
  log_interaction (fixture->ui.store, fixture->grace, TN_INTERACTION_COFFEE, "2026-11-17", NULL);

  tn_ui_test_fixture_open_window (&fixture->ui, application);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->grace);
  g_clear_object (&fixture->alan);
  g_clear_object (&fixture->barbara);
  tn_ui_test_fixture_tear_down (&fixture->ui, user_data);

  g_settings_reset (settings, "contacts-overdue-only");
  g_settings_reset (settings, "contacts-filter");
  g_settings_reset (settings, "cadence-weeks-completely");
}

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
  log_interaction (fixture->ui.store, fixture->barbara, TN_INTERACTION_LUNCH, "2026-11-24", NULL);
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

static gboolean
pane_shows_timeline (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *timeline = tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "contact-pane-timeline");

  return tn_window_get_pane_revealed (fixture->ui.window) && timeline != NULL &&
         gtk_widget_is_drawable (timeline) &&
         tn_contact_timeline_get_contact (TN_CONTACT_TIMELINE (timeline)) == fixture->ada;
}

/* A #TnTestCount of a TnContactTimeline. */
static guint
n_history_rows (gpointer timeline)
{
  GtkListBox *list = tn_contact_timeline_get_history_list (timeline);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static guint
n_stored_interactions (Fixture   *fixture,
                       TnContact *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interactions = tn_store_list_interactions (fixture->ui.store, contact, &error);

  g_assert_no_error (error);
  return interactions->len;
}

/* The row's button with @tooltip, e.g. "Delete". */
static GtkWidget *
row_button (GtkListBoxRow *row,
            const char    *tooltip)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row));
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, GTK_WIDGET (row));
  while ((child = g_queue_pop_head (queue)) != NULL)
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }

  return NULL;
}

static gboolean
undo_button_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = tn_ui_test_find_button (GTK_WIDGET (fixture->ui.window), "Undo");

  return button != NULL && gtk_widget_is_drawable (button);
}

static gboolean
no_history_shown (gpointer data)
{
  GtkWidget *placeholder = tn_ui_test_find_label (GTK_WIDGET (data), "Nothing logged yet. A lunch, a call or an email starts the clock again.");

  return n_history_rows (data) == 0 && placeholder != NULL && gtk_widget_is_drawable (placeholder);
}

static void
test_history_in_pane (Fixture       *fixture,
                      gconstpointer  user_data)
{
  TnContactTimeline *timeline;
  GtkListBoxRow *newest;
  AdwActionRow *status_row;
  AdwComboRow *cadence_row;
  g_autoptr(GtkStringObject) chosen = NULL;
  GtkWindow *dialog;

  if (fixture->ui.store == NULL)
    return;

  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_shows_timeline, fixture));
  timeline = TN_CONTACT_TIMELINE (tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "contact-pane-timeline"));

  /* Newest first, with the note; overdue after five weeks for a 1. */
  g_assert_cmpuint (n_history_rows (timeline), ==, 2);
  newest = gtk_list_box_get_row_at_index (tn_contact_timeline_get_history_list (timeline), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (newest)), ==, "Lunch");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (newest)), ==,
                   "Tuesday, 20 October 2026 — Talked about engines");
  status_row = ADW_ACTION_ROW (tn_ui_test_find_named (GTK_WIDGET (timeline), "timeline-status-row"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status_row)), ==, "Overdue");
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==, "Last in touch 5 weeks ago");
  tn_ui_test_save_screenshot ("timeline");

  /* Delete the lunch with a real click: the call is now the last contact. */
  tn_ui_test_click (row_button (newest, "Delete"));
  g_assert_true (tn_ui_test_wait_for_count (n_history_rows, timeline, 1));
  g_assert_cmpuint (n_stored_interactions (fixture, fixture->ada), ==, 1);
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, "2026-10-05");

  /* Undo from the toast brings it back. */
  g_assert_true (tn_ui_test_wait_until (undo_button_shown, fixture));
  tn_ui_test_save_screenshot ("timeline-deleted");
  tn_ui_test_click (tn_ui_test_find_button (GTK_WIDGET (fixture->ui.window), "Undo"));
  g_assert_true (tn_ui_test_wait_for_count (n_history_rows, timeline, 2));
  g_assert_cmpuint (n_stored_interactions (fixture, fixture->ada), ==, 2);
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, "2026-10-20");

  /* Every 8 weeks for Ada alone: saved at once, and no longer overdue. */
  cadence_row = ADW_COMBO_ROW (tn_ui_test_find_named (GTK_WIDGET (timeline), "timeline-cadence-row"));
  chosen = g_list_model_get_item (adw_combo_row_get_model (cadence_row), 0);
  g_assert_cmpstr (gtk_string_object_get_string (chosen), ==, "Every 4 weeks, as for their trust rating");
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (cadence_row)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (cadence_row), i);

      if (g_str_equal (gtk_string_object_get_string (item), "Every 8 weeks"))
        {
          adw_combo_row_set_selected (cadence_row, i);
          break;
        }
    }
  tn_ui_test_settle (100);
  g_assert_cmpint (tn_contact_get_cadence_weeks (fixture->ada), ==, 8);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status_row)), ==, "Due in 21 days");
  {
    g_autofree char *path = g_build_filename (fixture->ui.dir, "trustnet.db", NULL);
    g_autofree char *stored = tn_test_sqlite (path, "SELECT cadence_weeks FROM contacts WHERE full_name = 'Ada Lovelace'");

    g_assert_cmpstr (stored, ==, "8");
  }

  /* Edit opens the log dialog on that entry; Escape leaves it as it was. */
  newest = gtk_list_box_get_row_at_index (tn_contact_timeline_get_history_list (timeline), 0);
  tn_ui_test_click (row_button (newest, "Edit"));
  dialog = GTK_WINDOW (tn_ui_test_wait_for_toplevel (TN_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Lunch");
  tn_ui_test_save_screenshot ("timeline-edit");
  gtk_window_close (dialog);
  g_assert_true (tn_ui_test_wait_toplevel_gone (TN_TYPE_LOG_DIALOG));
  g_assert_cmpuint (n_stored_interactions (fixture, fixture->ada), ==, 2);

  /* Alan has no history: the list says how to start one, and the status says since when. */
  tn_window_show_contact (fixture->ui.window, fixture->alan);
  g_assert_true (tn_ui_test_wait_until (no_history_shown, timeline));
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==, "Not in touch since you added them 75 days ago");
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/timeline/overdue-filter", Fixture, NULL, fixture_set_up, test_overdue_filter, fixture_tear_down);
  g_test_add ("/timeline/history-in-pane", Fixture, NULL, fixture_set_up, test_history_in_pane, fixture_tear_down);

  return g_test_run ();
}
