/* test-timeline.c — a contact's history in the side pane of the real window under Xvfb,
 * with Delete and Undo driven by real clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-contact-timeline.h"
#include "tn-log-dialog.h"
#include "tn-test-util.h"
#include "tn-ui-test-people.h"
#include "tn-window-private.h"

typedef TnUiPeopleFixture Fixture;

static TnApplication *application;

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
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==, "Added 75 days ago; nothing logged since");
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/timeline/history-in-pane", Fixture, application,
              tn_ui_test_people_set_up, test_history_in_pane, tn_ui_test_people_tear_down);

  return g_test_run ();
}
