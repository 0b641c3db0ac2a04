/* test-sync-page.c — Preferences → Sync under Xvfb against a real Radicale: the account
 * typed in, its address books found, sync set up with a new TrustNet address book, the
 * status shown; a contact another database sends to the server appears in the window after
 * Sync Now; a contact added in the window reaches the other database without asking; a
 * stopped server is shown as such; Forget brings the form back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-sync-controller.h"
#include "tn-sync-page.h"
#include "tn-sync.h"
#include "tn-test-dav-server.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

static TnApplication *application;

typedef struct
{
  TnSyncController *controller;
  const char       *prefix;
} StatusWait;

static gboolean
status_starts_with (gpointer data)
{
  StatusWait *wait = data;
  const char *status = tn_sync_controller_get_status (wait->controller);

  return !tn_sync_controller_get_busy (wait->controller) && status != NULL && g_str_has_prefix (status, wait->prefix);
}

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_row (GtkWidget  *page,
          const char *title)
{
  GtkWidget *label = tn_ui_test_find_label (page, title);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_ROW);
}

static void
type_into (GtkWidget  *page,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (page, title)), text);
}

static void
click_button (GtkWidget  *page,
              const char *label)
{
  GtkWidget *button = tn_ui_test_find_button (page, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  tn_ui_test_click (button);
}

static gboolean
has_grace (gpointer store)
{
  g_autoptr(GError) error = NULL;

  return tn_store_lookup (store, "Grace Hopper", &error) != NULL;
}

static void
sync_elsewhere (TnStore         *elsewhere,
                TnTestDavServer *server)
{
  g_autoptr(GError) error = NULL;
  TnSyncReport report = { 0 };

  g_assert_true (tn_sync_run (elsewhere, tn_test_dav_server_get_password (server), &report, NULL, &error));
  g_assert_no_error (error);
  tn_sync_report_clear (&report);
}

/* Read afresh: the engine writes the database, not the list of the store it was given. */
static gboolean
has_contact (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_store_open (path, &error);

  g_assert_no_error (error);
  return tn_store_lookup (store, name, NULL) != NULL;
}

/* What another computer does: the same address book, a contact added there, one sync.
 * Returns that computer's store. */
static TnStore *
send_from_elsewhere (TnTestDavServer *server,
                     const char      *dir,
                     const char      *book_url)
{
  g_autofree char *path = g_build_filename (dir, "elsewhere.db", NULL);
  g_autoptr(TnStore) elsewhere = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;

  elsewhere = tn_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tn_sync_setup (elsewhere, tn_test_dav_server_get_url (server), tn_test_dav_server_get_user (server),
                                tn_test_dav_server_get_password (server), book_url, &chosen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, book_url);

  grace = tn_ui_test_add_contact (elsewhere, "Grace Hopper", "grace@example.org", "Navy", TN_TRUST_COMPLETELY);
  sync_elsewhere (elsewhere, server);
  return g_steal_pointer (&elsewhere);
}

typedef struct
{
  TnSyncController *controller;
  guint             finished;
} SyncCount;

static void
on_busy_notify_cb (TnSyncController *controller,
                   GParamSpec       *pspec,
                   SyncCount        *count)
{
  if (!tn_sync_controller_get_busy (controller))
    count->finished++;
}

static gboolean
synced_since (gpointer data)
{
  SyncCount *count = data;

  return count->finished > 0 && !tn_sync_controller_get_busy (count->controller);
}

static void
test_set_up_and_sync (void)
{
  TnUiFixture fixture = { 0 };
  g_autoptr(TnTestDavServer) server = NULL;
  g_autoptr(TnSyncController) controller = NULL;
  g_autoptr(TnSyncAccount) account = NULL;
  g_autoptr(TnStore) elsewhere = NULL;
  g_autoptr(TnContact) alan = NULL;
  StatusWait synced = { NULL, "Synced with 127.0.0.1 at " };
  SyncCount count = { NULL, 0 };
  gulong busy_handler;
  GtkWidget *preferences;
  GtkWidget *page;

  tn_ui_test_fixture_set_up (&fixture, "test-sync-page");
  if (fixture.store == NULL)
    return;
  server = tn_test_dav_server_start ("radicale");
  if (server == NULL)
    {
      tn_ui_test_fixture_tear_down (&fixture, NULL);
      return;
    }
  /* The test's bus has no keyring: the password comes from the environment, as in scripts. */
  g_setenv ("TRUSTNET_SYNC_PASSWORD", tn_test_dav_server_get_password (server), TRUE);

  tn_ui_test_fixture_open_window (&fixture, application);
  controller = tn_sync_controller_new (fixture.store);
  synced.controller = controller;
  preferences = adw_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture.window));
  page = tn_sync_page_new (controller);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  tn_ui_test_present (GTK_WINDOW (preferences));

  /* Nothing set up: the form, with Set Up waiting for an address book. */
  g_assert_null (tn_sync_controller_get_account (controller));
  g_assert_false (gtk_widget_get_sensitive (tn_ui_test_find_button (page, "Set Up")));
  type_into (page, "Server address", tn_test_dav_server_get_url (server));
  type_into (page, "User name", tn_test_dav_server_get_user (server));
  type_into (page, "Password", tn_test_dav_server_get_password (server));
  click_button (page, "Find Address Books");
  g_assert_true (tn_ui_test_wait_until (is_shown, find_row (page, "Address book")));
  tn_ui_test_save_screenshot ("sync-page-books");

  click_button (page, "Set Up");
  if (!tn_ui_test_wait_until (status_starts_with, &synced))
    g_test_message ("status: %s", tn_sync_controller_get_status (controller));
  g_assert_true (status_starts_with (&synced));
  g_assert_nonnull (tn_ui_test_find_label (page, "Synced with 127.0.0.1 at "));
  account = tn_sync_controller_get_account (controller);
  g_assert_nonnull (account);
  g_assert_true (g_str_has_prefix (account->book_url, tn_test_dav_server_get_url (server)));
  tn_ui_test_save_screenshot ("sync-page-synced");

  /* Another computer adds Grace; Sync Now brings her into this window. */
  elsewhere = send_from_elsewhere (server, fixture.dir, account->book_url);
  g_assert_false (has_grace (fixture.store));
  click_button (page, "Sync Now");
  g_assert_true (tn_ui_test_wait_until (has_grace, fixture.store));
  g_assert_true (tn_ui_test_wait_until (status_starts_with, &synced));

  /* A contact added here is sent a few seconds later, with nobody asking. */
  count.controller = controller;
  busy_handler = g_signal_connect (controller, "notify::busy", G_CALLBACK (on_busy_notify_cb), &count);
  alan = tn_ui_test_add_contact (fixture.store, "Alan Turing", "alan@example.org", NULL, TN_TRUST_MODERATELY);
  g_assert_true (tn_ui_test_wait_until_ms (synced_since, &count, 30000));
  g_signal_handler_disconnect (controller, busy_handler);
  g_assert_true (status_starts_with (&synced));
  sync_elsewhere (elsewhere, server);
  g_assert_true (has_contact (tn_store_get_path (elsewhere), "Alan Turing"));

  /* The server stopped: the status says so, and that changes are kept. */
  tn_test_dav_server_stop (server);
  tn_sync_controller_sync_now (controller);
  synced.prefix = "The server 127.0.0.1 could not be reached";
  g_assert_true (tn_ui_test_wait_until (status_starts_with, &synced));
  g_assert_nonnull (strstr (tn_sync_controller_get_status (controller), "your changes are kept and will be sent"));
  tn_ui_test_save_screenshot ("sync-page-unreachable");

  click_button (page, "Forget");
  g_assert_null (tn_sync_controller_get_account (controller));
  g_assert_true (tn_ui_test_wait_until (is_shown, find_row (page, "Server address")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Server address"))), ==,
                   tn_test_dav_server_get_url (server));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Password"))), ==, "");

  g_unsetenv ("TRUSTNET_SYNC_PASSWORD");
  tn_ui_test_fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add_func ("/sync-page/set-up-and-sync", test_set_up_and_sync);

  return g_test_run ();
}
