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

/* The toast widget that says @title, once it is shown. */
static GtkWidget *
toast_of (Fixture    *fixture,
          const char *title)
{
  GtkWidget *toast = tn_ui_test_find_label (GTK_WIDGET (fixture->window), title);

  while (toast != NULL && g_strcmp0 (gtk_widget_get_css_name (toast), "toast") != 0)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  return toast;
}

/* The button labelled @label (Undo) of the toast that says @title; with no label, the
 * toast's own close button, libadwaita's last child of the toast. */
static GtkWidget *
button_of (Fixture    *fixture,
           const char *title,
           const char *label)
{
  GtkWidget *toast = toast_of (fixture, title);
  GtkWidget *close = gtk_widget_get_last_child (toast);

  if (label != NULL)
    return tn_ui_test_find_button (toast, label);

  g_assert_true (GTK_IS_BUTTON (close));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (close)), ==, "window-close-symbolic");
  return close;
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

/* Where the button labelled @label (see button_of()) of the toast saying @title ends up
 * once the toast has slid in; then that button is clicked, and the toast left to go. */
static TnUiSpot
find_where_button_ends_up (Fixture    *fixture,
                           const char *title,
                           const char *label)
{
  ToastWait wait = { fixture, title };
  TnUiSpot spot;

  g_assert_true (tn_ui_test_wait_until (toast_is_mapped, &wait));
  tn_ui_test_settle (700);
  spot = tn_ui_test_spot_of (button_of (fixture, title, label));
  tn_ui_test_click (button_of (fixture, title, label));
  g_assert_true (tn_ui_test_wait_until (toast_is_gone, &wait));
  return spot;
}

typedef struct
{
  ToastWait toast;
  const char *label;
  TnUiSpot spot;
} ButtonWait;

/* Whether the button of the sliding toast covers the spot where it ends up: the widget's
 * middle spot is within half its height of that spot. */
static gboolean
button_has_risen (gpointer data)
{
  ButtonWait *wait = data;
  GtkWidget *button;
  TnUiSpot now;

  if (!toast_is_mapped (&wait->toast))
    return FALSE;

  button = button_of (wait->toast.fixture, wait->toast.title, wait->label);
  now = tn_ui_test_spot_of (button);
  return now.x == wait->spot.x && ABS (now.y - wait->spot.y) < gtk_widget_get_height (button) / 2;
}

/* The button labelled @label of the toast saying @title clicked while the toast still
 * slides in (300 ms, or 500 ms when it replaces another): with the pointer where the
 * button ends up, as soon as the button has risen under it, however slow the frames (a
 * sanitizer build). Then the main thread is busy for a moment. */
static void
click_at_once (Fixture    *fixture,
               const char *title,
               const char *label,
               TnUiSpot    spot)
{
  ButtonWait wait = { { fixture, title }, label, spot };

  g_assert_true (tn_ui_test_wait_until (button_has_risen, &wait));
  tn_ui_test_click_spot (GTK_WIDGET (fixture->window), spot);
  tn_ui_test_busy_moment ();
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
 * the first while it still slides in; then its button labelled @label (see button_of())
 * is clicked at once. The window lives on through a busy moment each time. */
static void
click_replacing_toast_at_once (Fixture    *fixture,
                               const char *label)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(TnContact) grace = NULL;
  /* Undo brings Alan back; closing the toast does not. */
  guint n_after = label != NULL ? 2 : 1;
  TnUiSpot button;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->store, "Alan Turing", NULL, NULL, TN_TRUST_VAGUELY);
  grace = tn_ui_test_add_contact (fixture->store, "Grace Hopper", NULL, NULL, TN_TRUST_MODERATELY);
  tn_ui_test_fixture_open_window (fixture, application);

  /* Ada, then the row that takes her place: Alan. */
  delete_with_key (fixture, ada, 2);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
  tn_ui_test_busy_moment ();
  button = find_where_button_ends_up (fixture, "Deleted Alan Turing", label);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, n_after));

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (tn_store_restore_contact (fixture->store, ada, NULL));
      if (tn_store_get_contact_by_id (fixture->store, tn_contact_get_id (alan)) == NULL)
        g_assert_true (tn_store_restore_contact (fixture->store, alan, NULL));
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_visible, fixture->window, 3));
      tn_ui_test_settle (800);

      delete_with_key (fixture, ada, 2);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
      click_at_once (fixture, "Deleted Alan Turing", label, button);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, n_after));
    }
}

static void
test_delete_toasts_quickly (Fixture       *fixture,
                            gconstpointer  user_data)
{
  if (fixture->store != NULL)
    click_replacing_toast_at_once (fixture, "Undo");
}

/* The same with the toast's own close button, which libadwaita 1.2.2 would let dismiss
 * the toast at once (see tn-toast.c). */
static void
test_close_toast_at_once (Fixture       *fixture,
                          gconstpointer  user_data)
{
  if (fixture->store != NULL)
    click_replacing_toast_at_once (fixture, NULL);
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
  undo = find_where_button_ends_up (fixture, "Deleted Grace Hopper", "Undo");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));

  for (guint round = 0; round < 3; round++)
    {
      delete_with_key (fixture, grace, 1);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
      click_at_once (fixture, "Deleted Grace Hopper", "Undo", undo);
      g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));
    }
}

/* A toast goes by itself after its time, and not before: libadwaita's own timeout, whose
 * dismissal is held back like any other (see tn-toast.c). */
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

/* Escape pressed in the list while a toast still slides in: libadwaita's toast overlay
 * takes the key and would dismiss the toast at once; the toast goes, and the window
 * lives on through a busy moment. */
static void
test_escape_toast_at_once (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  ToastWait wait = { fixture, "Nothing to see here" };

  if (fixture->store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  tn_ui_test_fixture_open_window (fixture, application);
  tn_contacts_page_focus_list (tn_window_get_contacts_page (fixture->window));
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-toast", "s", wait.title));
      g_assert_true (tn_ui_test_wait_until (toast_is_mapped, &wait));
      tn_ui_test_xdotool ("key", "Escape", NULL);
      tn_ui_test_busy_moment ();
      /* Long before its 6 s are over. */
      g_assert_true (tn_ui_test_wait_until_ms (toast_is_gone, &wait, 2000));
    }
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 1);
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
  ADD_TEST ("/window/close-toast-at-once", test_close_toast_at_once);
  ADD_TEST ("/window/escape-toast-at-once", test_escape_toast_at_once);

  result = g_test_run ();
  g_clear_object (&application);
  return result;
}
