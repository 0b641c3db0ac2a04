/* test-sync-window.c — sync as the main window shows it, against a real Radicale: the
 * header indicator (hidden until sync is set up, then synced, syncing, offline, refused)
 * and its popover; a first sync's progress; contacts whose cards another client deleted
 * leave the list with "… was deleted on another device" ("… elsewhere" in a 360 px window,
 * whole in both) and Undo, which brings them back with their history and puts their cards
 * back on the server; the same Undo after a sync that failed once it had removed them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "tn-store-sync.h"
#include "tn-sync-card.h"
#include "tn-sync-controller.h"
#include "tn-sync-indicator.h"
#include "tn-sync.h"
#include "tn-test-dav-server.h"
#include "tn-test-sync.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

/* Syncs only when the test asks, so that what each one sees is known (test-sync-controller
 * covers when they start on their own). */
#define NEVER_MS (60 * 60 * 1000)

static TnApplication *application;

typedef struct
{
  TnUiFixture ui;
  TnTestDavServer *server;
  TnSyncController *controller;
  GtkWidget *indicator;
  /* Every status the controller showed, in order. */
  GPtrArray *statuses;
  double max_fraction;
  /* The largest fraction shown while the status said the cards were downloading. */
  double downloading_fraction;
  guint finished;
} Fixture;

static void
on_status_notify_cb (TnSyncController *controller,
                     GParamSpec       *pspec,
                     Fixture          *fixture)
{
  const char *status = tn_sync_controller_get_status (controller);

  if (status != NULL)
    g_ptr_array_add (fixture->statuses, g_strdup (status));
}

static void
on_fraction_notify_cb (TnSyncController *controller,
                       GParamSpec       *pspec,
                       Fixture          *fixture)
{
  double fraction = tn_sync_controller_get_fraction (controller);

  fixture->max_fraction = MAX (fixture->max_fraction, fraction);
  if (g_str_has_prefix (tn_sync_controller_get_status (controller), "Downloading "))
    fixture->downloading_fraction = MAX (fixture->downloading_fraction, fraction);
}

static void
on_busy_notify_cb (TnSyncController *controller,
                   GParamSpec       *pspec,
                   Fixture          *fixture)
{
  if (!tn_sync_controller_get_busy (controller))
    fixture->finished++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_ui_test_fixture_set_up (&fixture->ui, "test-sync-window");
  if (fixture->ui.store == NULL)
    return;
  fixture->server = tn_test_dav_server_start ("radicale");
  if (fixture->server == NULL)
    return;

  /* The test's bus has no keyring: the password comes from the environment, as in scripts. */
  g_setenv ("TRUSTNET_SYNC_PASSWORD", tn_test_dav_server_get_password (fixture->server), TRUE);
  fixture->statuses = g_ptr_array_new_with_free_func (g_free);
  fixture->max_fraction = -1;
  fixture->downloading_fraction = -1;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->controller != NULL)
    g_signal_handlers_disconnect_by_data (fixture->controller, fixture);
  g_clear_object (&fixture->controller);
  g_clear_pointer (&fixture->statuses, g_ptr_array_unref);
  g_clear_pointer (&fixture->server, tn_test_dav_server_free);
  g_unsetenv ("TRUSTNET_SYNC_PASSWORD");
  if (fixture->ui.store != NULL)
    tn_ui_test_fixture_tear_down (&fixture->ui, NULL);
}

/* The window with its controller, as the application makes them. */
static void
open_window (Fixture *fixture)
{
  tn_ui_test_fixture_open_window (&fixture->ui, application);
  fixture->controller = tn_sync_controller_new_full (fixture->ui.store, g_network_monitor_get_default (),
                                                     NEVER_MS, NEVER_MS);
  g_signal_connect (fixture->controller, "notify::status", G_CALLBACK (on_status_notify_cb), fixture);
  g_signal_connect (fixture->controller, "notify::fraction", G_CALLBACK (on_fraction_notify_cb), fixture);
  g_signal_connect (fixture->controller, "notify::busy", G_CALLBACK (on_busy_notify_cb), fixture);
  tn_window_set_sync_controller (fixture->ui.window, fixture->controller);
  tn_sync_controller_start (fixture->controller);
  fixture->indicator = GTK_WIDGET (fixture->ui.window->sync_indicator);
  g_assert_true (tn_sync_indicator_get_controller (TN_SYNC_INDICATOR (fixture->indicator)) == fixture->controller);
}

static guint
count_finished (gpointer data)
{
  return ((Fixture *) data)->finished;
}

/* Runs one sync from the window's controller and waits for its end. */
static void
sync_window (Fixture *fixture)
{
  guint before = fixture->finished;

  tn_sync_controller_sync_now (fixture->controller);
  g_assert_true (tn_sync_controller_get_busy (fixture->controller));
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, before + 1));
}

static GtkWidget *
indicator_icon (Fixture *fixture)
{
  return tn_ui_test_find_visible (fixture->indicator, GTK_TYPE_IMAGE);
}

static void
assert_icon (Fixture    *fixture,
             const char *icon_name)
{
  GtkWidget *icon = indicator_icon (fixture);

  g_assert_nonnull (icon);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, icon_name);
}

static gboolean
popover_shown (gpointer indicator)
{
  return tn_ui_test_find_visible (indicator, GTK_TYPE_POPOVER) != NULL;
}

/* The popover says what the controller says, in words. */
static void
assert_popover_says (Fixture    *fixture,
                     const char *text)
{
  GtkWidget *label = tn_ui_test_find_named (fixture->indicator, "sync-indicator-status");

  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->indicator), ==, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (fixture->indicator)), ==,
                   tn_sync_controller_get_status (fixture->controller));
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} ToastWait;

static gboolean
has_toast (gpointer data)
{
  Fixture *fixture = ((ToastWait *) data)->fixture;

  return tn_ui_test_find_label (GTK_WIDGET (fixture->ui.window), ((ToastWait *) data)->text) != NULL;
}

static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  ToastWait wait = { fixture, text };

  g_assert_true (tn_ui_test_wait_until (has_toast, &wait));
}

#define NARROW 360

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= NARROW;
}

/* Whether some label of the toast, from @widget down, is shortened with "…". */
static gboolean
has_ellipsized_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_ellipsized_label (child))
      return TRUE;

  return FALSE;
}

/* The toast says @text whole at the window's width, and @narrow_text whole at 360 px,
 * light and dark; screenshots of each. */
static void
look_at_toast (Fixture    *fixture,
               const char *text,
               const char *narrow_text,
               const char *name)
{
  GtkWindow *window = GTK_WINDOW (fixture->ui.window);
  GtkWidget *label;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  tn_ui_test_settle (600);
  tn_ui_test_save_screenshot (name);
  label = tn_ui_test_find_label (GTK_WIDGET (window), text);
  g_assert_nonnull (label);
  g_assert_false (has_ellipsized_label (gtk_widget_get_parent (label)));

  gtk_window_set_default_size (window, NARROW, 720);
  g_assert_true (tn_ui_test_wait_until (is_narrow, window));
  tn_ui_test_settle (400);
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *shot = g_strdup_printf ("%s-narrow%s", name, dark ? "-dark" : "");

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      tn_ui_test_save_screenshot (shot);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  label = tn_ui_test_find_label (GTK_WIDGET (window), narrow_text);
  g_assert_nonnull (label);
  g_assert_false (has_ellipsized_label (gtk_widget_get_parent (label)));
  gtk_window_set_default_size (window, width, height);
}

/* Once the toast has slid in (half a second), as a person would. */
static void
click_undo (Fixture *fixture)
{
  GtkWidget *undo;

  tn_ui_test_settle (600);
  undo = tn_ui_test_find_button (GTK_WIDGET (fixture->ui.window), "Undo");

  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
}

static gboolean
has_received (gpointer data)
{
  Fixture *fixture = data;

  for (guint i = 0; i < fixture->statuses->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (fixture->statuses, i), "Receiving "))
      return TRUE;
  return FALSE;
}

static void
test_indicator (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TnStore) elsewhere = NULL;
  g_autofree char *elsewhere_path = NULL;
  g_autofree char *book = NULL;
  GtkWidget *popover;

  if (fixture->server == NULL)
    return;

  /* Not set up: nothing in the header bar. */
  open_window (fixture);
  g_assert_false (gtk_widget_get_visible (fixture->indicator));
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_OFF);

  /* Another computer has three contacts on the server already. */
  elsewhere_path = g_build_filename (fixture->ui.dir, "elsewhere.db", NULL);
  elsewhere = tn_store_open (elsewhere_path, NULL);
  g_assert_nonnull (elsewhere);
  book = tn_test_sync_set_up (fixture->server, elsewhere);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Colleague %u", i + 1);
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (elsewhere, name, NULL, NULL, TN_TRUST_MODERATELY);
    }
  {
    TnSyncReport report = { 0 };

    g_assert_true (tn_sync_run (elsewhere, tn_test_dav_server_get_password (fixture->server), &report, NULL, NULL));
    tn_sync_report_clear (&report);
  }

  /* Set up here: the indicator comes, spins while syncing, and the first sync says how
   * far receiving is, in the status and as a fraction. */
  g_free (tn_test_sync_set_up (fixture->server, fixture->ui.store));
  g_assert_cmpuint (fixture->finished, ==, 0);
  tn_sync_controller_sync_now (fixture->controller);
  g_assert_true (gtk_widget_get_visible (fixture->indicator));
  g_assert_nonnull (tn_ui_test_find_visible (fixture->indicator, GTK_TYPE_SPINNER));
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, 1));
  g_assert_true (has_received (fixture));
  /* While the book downloads, words and no bar; then the count as cards are written. */
  g_assert_cmpstr (g_ptr_array_index (fixture->statuses, 1), ==, "Downloading contacts from the server…");
  g_assert_cmpfloat (fixture->downloading_fraction, ==, -1);
  g_assert_cmpstr (g_ptr_array_index (fixture->statuses, 2), ==, "Receiving 0 of 3 contacts…");
  g_assert_cmpfloat (fixture->max_fraction, ==, 1.0);
  g_assert_cmpfloat (tn_sync_controller_get_fraction (fixture->controller), ==, -1);
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->ui.store), ==, 3);

  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_SYNCED);
  assert_icon (fixture, "emblem-synchronizing-symbolic");
  assert_popover_says (fixture, "Synced with 127.0.0.1 at ");
  tn_ui_test_click (fixture->indicator);
  /* A click reaches the window through the X server: on a busy machine, some frames later. */
  g_assert_true (tn_ui_test_wait_until (popover_shown, fixture->indicator));
  popover = tn_ui_test_find_visible (fixture->indicator, GTK_TYPE_POPOVER);
  tn_ui_test_save_screenshot ("sync-indicator-synced");

  /* Sync Now in the popover. */
  tn_ui_test_click (tn_ui_test_find_named (fixture->indicator, "sync-indicator-sync-now"));
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, 2));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* A refused password: a warning, and the server's message in words. */
  g_setenv ("TRUSTNET_SYNC_PASSWORD", "wrong", TRUE);
  sync_window (fixture);
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_FAILED);
  assert_icon (fixture, "dialog-warning-symbolic");
  g_assert_true (gtk_widget_has_css_class (indicator_icon (fixture), "warning"));
  g_setenv ("TRUSTNET_SYNC_PASSWORD", tn_test_dav_server_get_password (fixture->server), TRUE);

  /* The server gone: offline, and the changes kept. */
  tn_test_dav_server_stop (fixture->server);
  sync_window (fixture);
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_OFFLINE);
  assert_icon (fixture, "network-offline-symbolic");
  g_assert_false (gtk_widget_has_css_class (indicator_icon (fixture), "warning"));
  assert_popover_says (fixture, "your changes are kept and will be sent");
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_first_child (fixture->indicator)));
  tn_ui_test_settle (300);
  tn_ui_test_save_screenshot ("sync-indicator-offline");
  gtk_popover_popdown (GTK_POPOVER (tn_ui_test_find_visible (fixture->indicator, GTK_TYPE_POPOVER)));

  /* Back: synced again. */
  tn_test_dav_server_restart (fixture->server);
  sync_window (fixture);
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_SYNCED);
  assert_icon (fixture, "emblem-synchronizing-symbolic");
}

static void
test_deleted_on_another_device (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnInteraction) lunch = NULL;
  g_autofree char *ada_uid = NULL;
  g_autofree char *href = NULL;
  TnContact *back;

  if (fixture->server == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", "alan@example.org", NULL, TN_TRUST_VAGUELY);
  grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", "grace@example.org", NULL, TN_TRUST_MODERATELY);
  lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-20");
  g_assert_true (tn_store_log_interaction (fixture->ui.store, ada, lunch, NULL));
  ada_uid = g_strdup (tn_contact_get_uid (ada));
  g_free (tn_test_sync_set_up (fixture->server, fixture->ui.store));
  open_window (fixture);
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, 1));
  /* A second sync takes a token after the first one's cards (see test-sync-engine). */
  sync_window (fixture);
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_SYNCED);

  /* Ada's card is deleted on a phone: she leaves the list, and the window says so. */
  href = tn_test_sync_get_href (fixture->ui.store, ada_uid);
  tn_test_sync_delete_card (fixture->server, fixture->ui.store, ada_uid);
  sync_window (fixture);
  wait_for_toast (fixture, "Ada Lovelace was deleted on another device");
  g_assert_null (tn_store_get_contact_by_uid (fixture->ui.store, ada_uid));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->ui.store), ==, 2);
  look_at_toast (fixture, "Ada Lovelace was deleted on another device", "Ada Lovelace was deleted elsewhere",
                 "sync-deleted-toast");

  /* Undo: back with her rating and lunch, selected, and on the server again after the next
   * sync. */
  click_undo (fixture);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->ui.store, 3));
  back = tn_store_get_contact_by_uid (fixture->ui.store, ada_uid);
  g_assert_nonnull (back);
  g_assert_cmpint (tn_contact_get_trust (back), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_last_contact (back), ==, "2026-11-20");
  g_assert_true (tn_contacts_page_get_selected_contact (tn_window_get_contacts_page (fixture->ui.window)) == back);
  sync_window (fixture);
  g_assert_true (tn_test_sync_server_has_card (fixture->server, fixture->ui.store, href));

  /* The sync after that keeps her. */
  sync_window (fixture);
  g_assert_nonnull (tn_store_get_contact_by_uid (fixture->ui.store, ada_uid));
  g_assert_true (tn_test_sync_server_has_card (fixture->server, fixture->ui.store, href));

  /* Two at once: one toast that counts them; Undo brings both. */
  tn_test_sync_delete_card (fixture->server, fixture->ui.store, tn_contact_get_uid (alan));
  tn_test_sync_delete_card (fixture->server, fixture->ui.store, tn_contact_get_uid (grace));
  sync_window (fixture);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->ui.store, 1));
  wait_for_toast (fixture, "2 contacts were deleted on another device");
  click_undo (fixture);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->ui.store, 3));
}

/* A sync that removes a contact whose card was deleted on the server and then fails (the
 * server is full): the removal is written, so the toast still offers its Undo, beside the
 * server's words. tests/tools/fake-dav-server.py plays the server. */
static void
test_deleted_then_failed (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *url = NULL;
  g_autofree char *book = NULL;
  g_autofree char *ada_uid = NULL;
  g_autoptr(TnSyncContact) as_synced = NULL;
  g_autofree char *card = NULL;
  g_autofree char *href = NULL;
  TnStoreSyncCard gone = { NULL, NULL, "\"1\"", NULL };
  gint64 seq;

  if (fixture->ui.store == NULL)
    return;

  server = tn_test_fake_dav_server_start (&url);
  book = g_strconcat (url, "removed-then-full/book/", NULL);
  href = g_strconcat (book, "gone.vcf", NULL);
  g_setenv ("TRUSTNET_SYNC_PASSWORD", "secret", TRUE);

  /* Synced before: Ada's card, as this machine wrote it, is known at the href the server
   * now says is gone. */
  ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", "alan@example.org", NULL, TN_TRUST_VAGUELY);
  ada_uid = g_strdup (tn_contact_get_uid (ada));
  as_synced = tn_store_sync_read_contact (fixture->ui.store, ada_uid, &error);
  g_assert_no_error (error);
  card = tn_sync_card_write (as_synced);
  gone.uid = ada_uid;
  gone.href = href;
  gone.card = card;
  g_assert_true (tn_store_sync_set_account (fixture->ui.store, url, "someone", book, &error));
  g_assert_true (tn_store_sync_save_card (fixture->ui.store, &gone, &error));
  changed = tn_store_sync_list_changed (fixture->ui.store, 0, &seq, &error);
  g_assert_no_error (error);
  g_assert_true (tn_store_sync_save_position (fixture->ui.store, "removed-then-full/1", NULL, seq, &error));
  /* Changed here since: Alan's card is to be sent, and the full server refuses it. */
  g_assert_true (tn_store_set_trust (fixture->ui.store, alan, TN_TRUST_MODERATELY, &error));

  open_window (fixture);
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, 1));
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_FAILED);
  g_assert_nonnull (strstr (tn_sync_controller_get_status (fixture->controller), "quota exceeded"));
  g_assert_null (tn_store_get_contact_by_uid (fixture->ui.store, ada_uid));
  wait_for_toast (fixture, "Ada Lovelace was deleted on another device");
  tn_ui_test_save_screenshot ("sync-deleted-then-failed");

  click_undo (fixture);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->ui.store, 2));
  g_assert_nonnull (tn_store_get_contact_by_uid (fixture->ui.store, ada_uid));

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/sync-window/indicator", Fixture, NULL, fixture_set_up, test_indicator, fixture_tear_down);
  g_test_add ("/sync-window/deleted-on-another-device", Fixture, NULL, fixture_set_up,
              test_deleted_on_another_device, fixture_tear_down);
  g_test_add ("/sync-window/deleted-then-failed", Fixture, NULL, fixture_set_up, test_deleted_then_failed,
              fixture_tear_down);

  return g_test_run ();
}
