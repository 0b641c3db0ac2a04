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

/* Today, in every test; the contacts were added on ADDED. */
#define TODAY "2026-11-24T10:00:00"
#define ADDED "2026-09-10T10:00:00"

typedef struct
{
  char *dir;
  TnStore *store;
  TnWindow *window;
  TnContact *ada;      /* a 1, last met five weeks ago: overdue */
  TnContact *grace;    /* a 1, met last week */
  TnContact *alan;     /* a 2, never met: added 75 days ago, twelve weeks not up yet */
  TnContact *barbara;  /* a 1, never met since added 75 days ago: overdue */
} Fixture;

static TnApplication *application;

static TnContact *
add_contact (TnStore    *store,
             const char *name,
             TnTrust     trust)
{
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;

  tn_contact_set_trust (contact, trust);
  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contact);
}

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
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs an X display: run under xvfb-run");
      return;
    }

  fixture->dir = g_dir_make_tmp ("test-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "trustnet.db", NULL);
  fixture->store = tn_store_open (path, &error);
  g_assert_no_error (error);

  g_setenv ("TRUSTNET_NOW", ADDED, TRUE);
  fixture->ada = add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  fixture->grace = add_contact (fixture->store, "Grace Hopper", TN_TRUST_COMPLETELY);
  fixture->alan = add_contact (fixture->store, "Alan Turing", TN_TRUST_MODERATELY);
  fixture->barbara = add_contact (fixture->store, "Barbara Liskov", TN_TRUST_COMPLETELY);

  g_setenv ("TRUSTNET_NOW", TODAY, TRUE);
  log_interaction (fixture->store, fixture->ada, TN_INTERACTION_CALL, "2026-10-05", NULL);
  log_interaction (fixture->store, fixture->ada, TN_INTERACTION_LUNCH, "2026-10-20", "Talked about engines");
  log_interaction (fixture->store, fixture->grace, TN_INTERACTION_COFFEE, "2026-11-17", NULL);

  fixture->window = tn_ui_test_open_window (application, fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  tn_ui_test_settle (50);
  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->grace);
  g_clear_object (&fixture->alan);
  g_clear_object (&fixture->barbara);
  g_clear_object (&fixture->store);
  if (fixture->dir != NULL)
    tn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);

  g_settings_reset (settings, "contacts-overdue-only");
  g_settings_reset (settings, "contacts-filter");
  g_settings_reset (settings, "cadence-weeks-completely");
}

/* The first descendant of @widget whose widget name is @name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
n_visible (Fixture *fixture)
{
  return g_list_model_get_n_items (tn_contacts_page_get_visible_model (tn_window_get_contacts_page (fixture->window)));
}

static guint
n_overdue (Fixture *fixture)
{
  guint n = 0;

  g_object_get (tn_window_get_contacts_page (fixture->window), "n-overdue", &n, NULL);
  return n;
}

typedef struct
{
  Fixture *fixture;
  guint expected;
} Count;

static gboolean
n_visible_is (gpointer data)
{
  Count *count = data;

  return n_visible (count->fixture) == count->expected;
}

static gboolean
n_overdue_is (gpointer data)
{
  Count *count = data;

  return n_overdue (count->fixture) == count->expected;
}

static void
test_overdue_filter (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TnContactsPage *page;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *button;

  if (fixture->store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->window);
  g_assert_cmpuint (n_visible (fixture), ==, 4);
  g_assert_cmpuint (n_overdue (fixture), ==, 2);

  /* One click on "Overdue": Ada and Barbara. */
  button = find_named (GTK_WIDGET (fixture->window), "overdue-filter-wide");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  tn_ui_test_click (button);
  g_assert_true (tn_ui_test_wait_until (n_visible_is, &(Count) { fixture, 2 }));
  g_assert_true (tn_contacts_page_get_overdue_only (page));
  g_assert_true (g_settings_get_boolean (settings, "contacts-overdue-only"));
  tn_ui_test_save_screenshot ("overdue-filter");

  /* With the trust filter: no overdue 2s, and the page says so. */
  tn_contacts_page_set_trust_filter (page, "moderately");
  g_assert_true (tn_ui_test_wait_until (n_visible_is, &(Count) { fixture, 0 }));
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (fixture->window),
                                           "No one is overdue. You are keeping in touch with everyone."));
  tn_contacts_page_set_trust_filter (page, "all");
  g_assert_true (tn_ui_test_wait_until (n_visible_is, &(Count) { fixture, 2 }));

  /* Logging a lunch with Barbara takes her off the list and the count. */
  log_interaction (fixture->store, fixture->barbara, TN_INTERACTION_LUNCH, "2026-11-24", NULL);
  g_assert_true (tn_ui_test_wait_until (n_visible_is, &(Count) { fixture, 1 }));
  g_assert_true (tn_ui_test_wait_until (n_overdue_is, &(Count) { fixture, 1 }));

  /* Every 6 weeks for the 1s in Preferences: Ada's five weeks are fine now. */
  g_settings_set_int (settings, "cadence-weeks-completely", 6);
  g_assert_true (tn_ui_test_wait_until (n_visible_is, &(Count) { fixture, 0 }));
  g_assert_true (tn_ui_test_wait_until (n_overdue_is, &(Count) { fixture, 0 }));

  /* A second click shows everyone again. */
  tn_ui_test_click (button);
  g_assert_true (tn_ui_test_wait_until (n_visible_is, &(Count) { fixture, 4 }));
  g_assert_false (g_settings_get_boolean (settings, "contacts-overdue-only"));
}

static gboolean
pane_shows_timeline (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *timeline = find_named (GTK_WIDGET (fixture->window), "contact-pane-timeline");

  return tn_window_get_pane_revealed (fixture->window) && timeline != NULL &&
         gtk_widget_is_drawable (timeline) &&
         tn_contact_timeline_get_contact (TN_CONTACT_TIMELINE (timeline)) == fixture->ada;
}

static guint
n_history_rows (TnContactTimeline *timeline)
{
  GtkListBox *list = tn_contact_timeline_get_history_list (timeline);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

typedef struct
{
  TnContactTimeline *timeline;
  guint expected;
} RowCount;

static gboolean
n_history_rows_is (gpointer data)
{
  RowCount *count = data;

  return n_history_rows (count->timeline) == count->expected;
}

static guint
n_stored_interactions (Fixture   *fixture,
                       TnContact *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interactions = tn_store_list_interactions (fixture->store, contact, &error);

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
  GtkWidget *button = tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo");

  return button != NULL && gtk_widget_is_drawable (button);
}

static GtkWindow *
find_log_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TN_IS_LOG_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
log_dialog_shown (gpointer data)
{
  return find_log_dialog () != NULL;
}

static gboolean
log_dialog_gone (gpointer data)
{
  return find_log_dialog () == NULL;
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

  if (fixture->store == NULL)
    return;

  tn_window_show_contact (fixture->window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_shows_timeline, fixture));
  timeline = TN_CONTACT_TIMELINE (find_named (GTK_WIDGET (fixture->window), "contact-pane-timeline"));

  /* Newest first, with the note; overdue after five weeks for a 1. */
  g_assert_cmpuint (n_history_rows (timeline), ==, 2);
  newest = gtk_list_box_get_row_at_index (tn_contact_timeline_get_history_list (timeline), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (newest)), ==, "Lunch");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (newest)), ==,
                   "Tuesday, 20 October 2026 — Talked about engines");
  status_row = ADW_ACTION_ROW (find_named (GTK_WIDGET (timeline), "timeline-status-row"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status_row)), ==, "Overdue");
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==, "Last in touch 5 weeks ago");
  tn_ui_test_save_screenshot ("timeline");

  /* Delete the lunch with a real click: the call is now the last contact. */
  tn_ui_test_click (row_button (newest, "Delete"));
  g_assert_true (tn_ui_test_wait_until (n_history_rows_is, &(RowCount) { timeline, 1 }));
  g_assert_cmpuint (n_stored_interactions (fixture, fixture->ada), ==, 1);
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, "2026-10-05");

  /* Undo from the toast brings it back. */
  g_assert_true (tn_ui_test_wait_until (undo_button_shown, fixture));
  tn_ui_test_save_screenshot ("timeline-deleted");
  tn_ui_test_click (tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo"));
  g_assert_true (tn_ui_test_wait_until (n_history_rows_is, &(RowCount) { timeline, 2 }));
  g_assert_cmpuint (n_stored_interactions (fixture, fixture->ada), ==, 2);
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, "2026-10-20");

  /* Every 8 weeks for Ada alone: saved at once, and no longer overdue. */
  cadence_row = ADW_COMBO_ROW (find_named (GTK_WIDGET (timeline), "timeline-cadence-row"));
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
    g_autofree char *path = g_build_filename (fixture->dir, "trustnet.db", NULL);
    g_autofree char *stored = tn_test_sqlite (path, "SELECT cadence_weeks FROM contacts WHERE full_name = 'Ada Lovelace'");

    g_assert_cmpstr (stored, ==, "8");
  }

  /* Edit opens the log dialog on that entry; Escape leaves it as it was. */
  newest = gtk_list_box_get_row_at_index (tn_contact_timeline_get_history_list (timeline), 0);
  tn_ui_test_click (row_button (newest, "Edit"));
  g_assert_true (tn_ui_test_wait_until (log_dialog_shown, NULL));
  dialog = find_log_dialog ();
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Lunch");
  tn_ui_test_save_screenshot ("timeline-edit");
  gtk_window_close (dialog);
  g_assert_true (tn_ui_test_wait_until (log_dialog_gone, NULL));
  g_assert_cmpuint (n_stored_interactions (fixture, fixture->ada), ==, 2);
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
