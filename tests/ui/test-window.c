/* test-window.c — the real TrustNet window under Xvfb, driven as a person would:
 * real key presses through xdotool, assertions on the store, the model and the widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "tn-application.h"
#include "tn-contact-pane-private.h"
#include "tn-window-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

/* No fields of its own: the shared scratch store and window are all it needs. */
typedef TnUiFixture Fixture;

static TnApplication *application;

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *status_page;

  if (fixture->store == NULL)
    return;

  tn_ui_test_fixture_open_window (fixture, application);
  status_page = tn_ui_test_find_visible (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "No Contacts Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), "vCard"));
  tn_ui_test_save_screenshot ("empty");
}

static gboolean
pane_is_open (gpointer data)
{
  return tn_window_get_pane_revealed (data);
}

static void
test_add_contact (Fixture       *fixture,
                  gconstpointer  user_data)
{
  TnContactPane *pane;
  GListModel *contacts;
  g_autoptr(TnContact) added = NULL;
  const char *name = "Zoë \"Zed\" O'Brien; שלום 👩‍💻";

  if (fixture->store == NULL)
    return;

  tn_ui_test_fixture_open_window (fixture, application);
  contacts = tn_store_get_contacts (fixture->store);

  /* Ctrl+N, as a person would. */
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "50", "ctrl+n", NULL);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture->window));

  pane = tn_window_get_contact_pane (fixture->window);
  g_assert_false (tn_contact_pane_get_can_save (pane));
  gtk_editable_set_text (GTK_EDITABLE (tn_contact_pane_get_name_row (pane)), name);
  g_assert_true (tn_contact_pane_get_can_save (pane));
  tn_ui_test_save_screenshot ("add-contact");
  g_assert_true (tn_contact_pane_save (pane));

  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  added = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (tn_contact_get_full_name (added), ==, name);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 1);
  g_assert_true (tn_contacts_page_get_selected_contact (tn_window_get_contacts_page (fixture->window)) == added);
  g_assert_null (tn_ui_test_find_visible (GTK_WIDGET (tn_window_get_contacts_page (fixture->window)), ADW_TYPE_STATUS_PAGE));
}

typedef struct
{
  TnContact *contact;
  TnTrust trust;
} TrustWait;

static gboolean
has_trust (gpointer data)
{
  TrustWait *wait = data;

  return tn_contact_get_trust (wait->contact) == wait->trust;
}

static void
test_rate_with_keyboard (Fixture       *fixture,
                         gconstpointer  user_data)
{
  TnContactsPage *page;
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnContact) alan = NULL;
  TrustWait wait;

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", "Analytical Engines", TN_TRUST_UNRATED);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", "grace@navy.example", "US Navy", TN_TRUST_UNRATED);
  alan = tn_ui_test_add_contact (fixture->store, "Alan Turing", "alan@bletchley.example", "Bletchley Park", TN_TRUST_UNRATED);
  tn_ui_test_fixture_open_window (fixture, application);
  page = tn_window_get_contacts_page (fixture->window);

  g_assert_true (tn_contacts_page_select_contact (page, ada));
  tn_contacts_page_focus_list (page);

  /* Triage without the mouse: rate, move down, rate, move down, rate. */
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "80", "1", NULL);
  wait = (TrustWait) { ada, TN_TRUST_COMPLETELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));

  /* The list is sorted by name: Ada, Alan, Grace. */
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "80", "j", "2", NULL);
  wait = (TrustWait) { alan, TN_TRUST_MODERATELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_true (tn_contacts_page_get_selected_contact (page) == alan);

  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "80", "j", "3", NULL);
  wait = (TrustWait) { grace, TN_TRUST_VAGUELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));

  /* k goes back up; 0 clears. */
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "80", "k", "0", NULL);
  wait = (TrustWait) { alan, TN_TRUST_UNRATED };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_cmpint (tn_contact_get_trust (grace), ==, TN_TRUST_VAGUELY);

  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
  tn_ui_test_save_screenshot ("rated");

  /* The ratings are in the database, not only on screen. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TnStore) reopened = tn_store_open (tn_store_get_path (fixture->store), &error);
    TnContact *stored_ada;

    g_assert_no_error (error);
    stored_ada = tn_store_get_contact_by_id (reopened, tn_contact_get_id (ada));
    g_assert_cmpint (tn_contact_get_trust (stored_ada), ==, TN_TRUST_COMPLETELY);
  }
}

static void
test_filter_and_search (Fixture       *fixture,
                        gconstpointer  user_data)
{
  TnContactsPage *page;
  GListModel *visible;
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(TnContact) katherine = NULL;
  g_autoptr(TnContact) first = NULL;

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", "Analytical Engines", TN_TRUST_COMPLETELY);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", "grace@navy.example", "US Navy", TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->store, "Alan Turing", "alan@bletchley.example", "Bletchley Park", TN_TRUST_MODERATELY);
  katherine = tn_ui_test_add_contact (fixture->store, "Katherine Johnson", "kj@nasa.example", "NASA", TN_TRUST_VAGUELY);
  tn_ui_test_fixture_open_window (fixture, application);
  page = tn_window_get_contacts_page (fixture->window);
  visible = tn_contacts_page_get_visible_model (page);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 4);

  /* One click hides the 2s and 3s. */
  tn_contacts_page_set_trust_filter (page, "completely");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 2));
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (visible, i);

      g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_COMPLETELY);
    }
  tn_ui_test_save_screenshot ("only-completely");

  tn_contacts_page_set_trust_filter (page, "vaguely");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 1));
  first = g_list_model_get_item (visible, 0);
  g_assert_true (first == katherine);

  tn_contacts_page_set_trust_filter (page, "all");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 4));

  /* Ctrl+F and type: matches name, organization or email. */
  tn_contacts_page_focus_list (page);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "50", "ctrl+f", NULL);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("type", "--delay", "50", "navy", NULL);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 1));
  g_clear_object (&first);
  first = g_list_model_get_item (visible, 0);
  g_assert_true (first == grace);
  tn_ui_test_save_screenshot ("search");

  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), "bletchley");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 1));

  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), "nobody-matches-this");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 0));
  g_assert_nonnull (tn_ui_test_find_visible (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  user_data)
{
  TnContactsPage *page;
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  GtkWidget *undo;

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", "grace@navy.example", NULL, TN_TRUST_MODERATELY);
  tn_ui_test_fixture_open_window (fixture, application);
  page = tn_window_get_contacts_page (fixture->window);

  g_assert_true (tn_contacts_page_select_contact (page, grace));
  tn_contacts_page_focus_list (page);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "50", "Delete", NULL);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
  tn_ui_test_save_screenshot ("deleted-toast");

  /* Undo from the toast brings Grace back, rating and all. */
  undo = tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));
  g_assert_cmpint (tn_contact_get_trust (grace), ==, TN_TRUST_MODERATELY);
}

/* A moment of a busy main thread (as with 100,000 contacts): a toast whose show animation
 * and hide animation end in the same frame is what libadwaita 1.2.2 cannot take (see
 * dismiss_toast_safely() in tn-window-toasts.c). */
static void
block_main_thread (void)
{
  /* A frame or two, in which a toast sliding in may be dismissed; then the long one. */
  tn_ui_test_settle (40);
  g_usleep (700 * G_TIME_SPAN_MILLISECOND);
  tn_ui_test_settle (100);
}

/* The Undo of the toast that says @title, once the toast is shown. */
static GtkWidget *
undo_of (Fixture    *fixture,
         const char *title)
{
  GtkWidget *toast = tn_ui_test_find_label (GTK_WIDGET (fixture->window), title);

  while (toast != NULL && tn_ui_test_find_button (toast, "Undo") == NULL)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  return tn_ui_test_find_button (toast, "Undo");
}

typedef struct
{
  Fixture *fixture;
  const char *title;
} ToastWait;

static gboolean
toast_is_mapped (gpointer data)
{
  ToastWait *wait = data;
  GtkWidget *label = tn_ui_test_find_label (GTK_WIDGET (wait->fixture->window), wait->title);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
toast_is_gone (gpointer data)
{
  return !toast_is_mapped (data);
}

/* Where Undo of the toast saying @title ends up once it has slid in; then that Undo is
 * clicked, and the toast left to go. */
static TnUiSpot
find_where_undo_ends_up (Fixture    *fixture,
                         const char *title)
{
  ToastWait wait = { fixture, title };
  TnUiSpot spot;

  g_assert_true (tn_ui_test_wait_until (toast_is_mapped, &wait));
  tn_ui_test_settle (700);
  spot = tn_ui_test_spot_of (undo_of (fixture, title));
  tn_ui_test_click (undo_of (fixture, title));
  g_assert_true (tn_ui_test_wait_until (toast_is_gone, &wait));
  return spot;
}

typedef struct
{
  ToastWait toast;
  TnUiSpot spot;
} UndoWait;

/* Whether Undo of the sliding toast covers the spot where it ends up: the widget's middle
 * spot is within half its height of that spot. */
static gboolean
undo_has_risen (gpointer data)
{
  UndoWait *wait = data;
  GtkWidget *undo;
  TnUiSpot now;

  if (!toast_is_mapped (&wait->toast))
    return FALSE;

  undo = undo_of (wait->toast.fixture, wait->toast.title);
  now = tn_ui_test_spot_of (undo);
  return now.x == wait->spot.x && ABS (now.y - wait->spot.y) < gtk_widget_get_height (undo) / 2;
}

/* Undo of the toast saying @title clicked while the toast still slides in (300 ms, or
 * 500 ms when it replaces another): with the pointer where Undo ends up, as soon as the
 * button has risen under it, however slow the frames (a sanitizer build). Then the main
 * thread is busy for a moment. */
static void
click_undo_at_once (Fixture    *fixture,
                    const char *title,
                    TnUiSpot    spot)
{
  UndoWait wait = { { fixture, title }, spot };

  g_assert_true (tn_ui_test_wait_until (undo_has_risen, &wait));
  tn_ui_test_click_spot (GTK_WIDGET (fixture->window), spot);
  block_main_thread ();
  g_assert_true (tn_ui_test_wait_until (toast_is_gone, &wait.toast));
}

/* Delete pressed @n_presses times, quickly, with @contact selected. */
static void
delete_with_key (Fixture   *fixture,
                 TnContact *contact,
                 guint      n_presses)
{
  TnContactsPage *page = tn_window_get_contacts_page (fixture->window);

  g_assert_true (tn_contacts_page_select_contact (page, contact));
  tn_contacts_page_focus_list (page);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "--delay", "30", "Delete", n_presses > 1 ? "Delete" : NULL, NULL);
}

/* Two people deleted with two quick presses of Delete: the second toast takes the place of
 * the first while it still slides in; then its Undo is clicked at once. The window lives
 * on through a busy moment each time. */
static void
test_delete_toasts_quickly (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(TnContact) grace = NULL;
  TnUiSpot undo;

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->store, "Alan Turing", NULL, NULL, TN_TRUST_VAGUELY);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", NULL, NULL, TN_TRUST_MODERATELY);
  tn_ui_test_fixture_open_window (fixture, application);

  /* Ada, then the row that takes her place: Alan. */
  delete_with_key (fixture, ada, 2);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
  block_main_thread ();
  undo = find_where_undo_ends_up (fixture, "Deleted Alan Turing");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (tn_store_restore_contact (fixture->store, ada, NULL));
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 3));
      tn_ui_test_settle (800);

      delete_with_key (fixture, ada, 2);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
      click_undo_at_once (fixture, "Deleted Alan Turing", undo);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));
    }
}

/* Undo clicked the moment the toast appears, while it still slides in: the contact comes
 * back, the toast goes, and the window lives on through a busy moment. */
static void
test_undo_at_once (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  TnUiSpot undo;

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", NULL, NULL, TN_TRUST_MODERATELY);
  tn_ui_test_fixture_open_window (fixture, application);

  delete_with_key (fixture, grace, 1);
  undo = find_where_undo_ends_up (fixture, "Deleted Grace Hopper");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));

  for (guint round = 0; round < 3; round++)
    {
      delete_with_key (fixture, grace, 1);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
      click_undo_at_once (fixture, "Deleted Grace Hopper", undo);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));
    }
}

/* A toast goes by itself after its time, the window's own clock (see on_toast_timeout_cb()),
 * and not before. */
static void
test_toast_times_out (Fixture       *fixture,
                      gconstpointer  user_data)
{
  ToastWait wait = { fixture, "Nothing to see here" };
  g_autoptr(GTimer) timer = NULL;

  if (fixture->store == NULL)
    return;

  tn_ui_test_fixture_open_window (fixture, application);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-toast", "s", wait.title));
  g_assert_true (tn_ui_test_wait_until (toast_is_mapped, &wait));
  timer = g_timer_new ();
  g_assert_true (tn_ui_test_wait_until_ms (toast_is_gone, &wait, 20000));
  /* Messages stay 6 s. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), >=, 5.5);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, "test-window", tn_ui_test_fixture_set_up, func, tn_ui_test_fixture_tear_down)

  ADD_TEST ("/window/empty-state", test_empty_state);
  ADD_TEST ("/window/add-contact", test_add_contact);
  ADD_TEST ("/window/rate-with-keyboard", test_rate_with_keyboard);
  ADD_TEST ("/window/filter-and-search", test_filter_and_search);
  ADD_TEST ("/window/delete-and-undo", test_delete_and_undo);
  ADD_TEST ("/window/delete-toasts-quickly", test_delete_toasts_quickly);
  ADD_TEST ("/window/undo-at-once", test_undo_at_once);
  ADD_TEST ("/window/toast-times-out", test_toast_times_out);

  result = g_test_run ();
  g_clear_object (&application);
  return result;
}
