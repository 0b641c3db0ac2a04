/* test-sync-controller.c — when the window syncs: at start, a few seconds after a change
 * made here (the goal and the employer too), every 15 minutes, when the network comes back.
 * The controller's times are shortened and its network monitor is a fake one the test
 * switches; the account points at a port nobody listens on, so each sync ends quickly as
 * "could not be reached". No window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-self-settings.h"
#include "tn-store-sync.h"
#include "tn-sync-controller.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

/* "Every 15 minutes" and "a few seconds after a change", as a test can wait for them. */
#define SHORT_MS 200
#define NEVER_MS (60 * 60 * 1000)

/* ---- A network monitor the test switches on and off ------------------------------------ */

#define TEST_TYPE_NETWORK_MONITOR (test_network_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestNetworkMonitor, test_network_monitor, TEST, NETWORK_MONITOR, GObject)

struct _TestNetworkMonitor
{
  GObject parent_instance;
  gboolean available;
};

enum
{
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void test_network_monitor_iface_init (GNetworkMonitorInterface *iface);

static void test_network_monitor_initable_iface_init (GInitableIface *iface);

/* GNetworkMonitor requires GInitable; there is nothing to set up. */
G_DEFINE_FINAL_TYPE_WITH_CODE (TestNetworkMonitor, test_network_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_network_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_network_monitor_iface_init))

static gboolean
test_network_monitor_initable_init (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  return TRUE;
}

static void
test_network_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_network_monitor_initable_init;
}

static gboolean
test_network_monitor_can_reach (GNetworkMonitor     *monitor,
                                GSocketConnectable  *connectable,
                                GCancellable        *cancellable,
                                GError             **error)
{
  return TEST_NETWORK_MONITOR (monitor)->available;
}

static void
test_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_network_monitor_can_reach;
}

static void
test_network_monitor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TestNetworkMonitor *self = TEST_NETWORK_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_network_monitor_class_init (TestNetworkMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_network_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_network_monitor_init (TestNetworkMonitor *self)
{
  self->available = TRUE;
}

static void
set_network (TestNetworkMonitor *monitor,
             gboolean            available)
{
  monitor->available = available;
  g_object_notify (G_OBJECT (monitor), "network-available");
  g_signal_emit_by_name (monitor, "network-changed", available);
}

/* ---- Fixture ------------------------------------------------------------------------- */

typedef struct
{
  TnUiFixture ui;
  TestNetworkMonitor *monitor;
  TnSyncController *controller;
  /* Syncs started and finished, from the controller's busy property. */
  guint started;
  guint finished;
} Fixture;

static void
on_busy_notify_cb (TnSyncController *controller,
                   GParamSpec       *pspec,
                   Fixture          *fixture)
{
  if (tn_sync_controller_get_busy (controller))
    fixture->started++;
  else
    fixture->finished++;
}

/* A port that was free a moment ago: connecting is refused at once. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", closed_port ());
  g_autofree char *book = g_strconcat (url, "user/book/", NULL);

  tn_ui_test_fixture_set_up (&fixture->ui, "test-sync-controller");
  if (fixture->ui.store == NULL)
    return;
  g_assert_true (tn_store_sync_set_account (fixture->ui.store, url, "user", book, &error));
  g_assert_no_error (error);
  g_setenv ("TRUSTNET_SYNC_PASSWORD", "secret", TRUE);
  fixture->monitor = g_object_new (TEST_TYPE_NETWORK_MONITOR, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->ui.store == NULL)
    return;
  if (fixture->controller != NULL)
    g_signal_handlers_disconnect_by_data (fixture->controller, fixture);
  g_clear_object (&fixture->controller);
  g_clear_object (&fixture->monitor);
  g_unsetenv ("TRUSTNET_SYNC_PASSWORD");
  tn_ui_test_fixture_tear_down (&fixture->ui, NULL);
}

static void
start_controller (Fixture *fixture,
                  guint    change_delay_ms,
                  guint    period_ms)
{
  g_assert_nonnull (fixture->ui.store);
  fixture->controller = tn_sync_controller_new_full (fixture->ui.store, G_NETWORK_MONITOR (fixture->monitor),
                                                     change_delay_ms, period_ms);
  g_signal_connect (fixture->controller, "notify::busy", G_CALLBACK (on_busy_notify_cb), fixture);
  tn_sync_controller_start (fixture->controller);
}

static guint
count_finished (gpointer data)
{
  Fixture *fixture = data;

  return fixture->finished;
}

/* Waits until @n syncs have finished, then a little longer to see that no other one starts. */
static void
assert_syncs (Fixture *fixture,
              guint    n)
{
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, n));
  tn_ui_test_settle (SHORT_MS * 3);
  g_assert_cmpuint (fixture->started, ==, n);
  g_assert_cmpuint (fixture->finished, ==, n);
}

static void
test_at_start (Fixture       *fixture,
               gconstpointer  user_data)
{
  if (fixture->ui.store == NULL)
    return;

  start_controller (fixture, NEVER_MS, NEVER_MS);

  /* At once, without waiting for anything. */
  g_assert_true (tn_sync_controller_get_busy (fixture->controller));
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_SYNCING);
  g_assert_cmpstr (tn_sync_controller_get_status (fixture->controller), ==, "Syncing…");
  assert_syncs (fixture, 1);

  /* The server is not there, the network is: it says why, and that changes are kept. */
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_OFFLINE);
  g_assert_true (g_str_has_suffix (tn_sync_controller_get_status (fixture->controller),
                                   "your changes are kept and will be sent"));
  g_assert_cmpfloat (tn_sync_controller_get_fraction (fixture->controller), ==, -1);

  /* Started twice: still one sync. */
  tn_sync_controller_start (fixture->controller);
  assert_syncs (fixture, 1);
}

static void
test_after_local_change (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(TnInteraction) lunch = NULL;

  if (fixture->ui.store == NULL)
    return;

  start_controller (fixture, SHORT_MS, NEVER_MS);
  assert_syncs (fixture, 1);

  /* Not at once: edits in a row are sent together, in one sync. */
  ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", "alan@example.org", NULL, TN_TRUST_VAGUELY);
  g_assert_false (tn_sync_controller_get_busy (fixture->controller));
  assert_syncs (fixture, 2);

  /* An interaction logged, the statement written: each a change too. */
  lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-20");
  g_assert_true (tn_store_log_interaction (fixture->ui.store, ada, lunch, NULL));
  assert_syncs (fixture, 3);
  g_assert_true (tn_store_save_brand_statement (fixture->ui.store, "I connect builders.", NULL, NULL));
  assert_syncs (fixture, 4);
}

/* The goal and the employer live in the settings, not the database: set, they are sent as
 * a change is; set to what they are, nothing happens. */
static void
test_after_own_change (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = NULL;

  if (fixture->ui.store == NULL)
    return;

  settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (settings, TN_SELF_SETTINGS_GOAL);
  g_settings_reset (settings, TN_SELF_SETTINGS_EMPLOYER);
  start_controller (fixture, SHORT_MS, NEVER_MS);
  assert_syncs (fixture, 1);

  g_assert_true (tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, g_variant_new_int32 (25), 0));
  assert_syncs (fixture, 2);
  g_assert_true (tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER, g_variant_new_string ("Acme"), 0));
  assert_syncs (fixture, 3);
  g_assert_false (tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, g_variant_new_int32 (25), 0));
  assert_syncs (fixture, 3);
  g_settings_reset (settings, TN_SELF_SETTINGS_GOAL);
  g_settings_reset (settings, TN_SELF_SETTINGS_EMPLOYER);
}

static void
test_every_period (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->ui.store == NULL)
    return;

  start_controller (fixture, NEVER_MS, SHORT_MS);

  /* Nothing changes, and still it syncs again and again. */
  g_assert_true (tn_ui_test_wait_for_count (count_finished, fixture, 3));
  g_assert_cmpuint (fixture->started, >=, 3);
}

static void
test_network_back (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->ui.store == NULL)
    return;

  set_network (fixture->monitor, FALSE);
  start_controller (fixture, NEVER_MS, NEVER_MS);
  assert_syncs (fixture, 1);
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_OFFLINE);
  g_assert_cmpstr (tn_sync_controller_get_status (fixture->controller), ==,
                   "Offline — your changes are kept and will be sent");

  /* Still down: nothing to try. */
  set_network (fixture->monitor, FALSE);
  assert_syncs (fixture, 1);

  /* Back: a sync at once. */
  set_network (fixture->monitor, TRUE);
  g_assert_true (tn_sync_controller_get_busy (fixture->controller));
  assert_syncs (fixture, 2);
}

static void
test_not_set_up (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->ui.store == NULL)
    return;

  g_assert_true (tn_store_sync_forget (fixture->ui.store, &error));
  start_controller (fixture, SHORT_MS, SHORT_MS);
  tn_ui_test_settle (SHORT_MS * 3);

  /* No account: no sync, no status, and nothing for the window to show. */
  g_assert_cmpuint (fixture->started, ==, 0);
  g_assert_cmpint (tn_sync_controller_get_state (fixture->controller), ==, TN_SYNC_STATE_OFF);
  g_assert_null (tn_sync_controller_get_status (fixture->controller));
}

int
main (int   argc,
      char *argv[])
{
  tn_ui_test_init (&argc, &argv);

  g_test_add ("/sync-controller/at-start", Fixture, NULL, fixture_set_up, test_at_start, fixture_tear_down);
  g_test_add ("/sync-controller/after-local-change", Fixture, NULL, fixture_set_up, test_after_local_change,
              fixture_tear_down);
  g_test_add ("/sync-controller/after-own-change", Fixture, NULL, fixture_set_up, test_after_own_change,
              fixture_tear_down);
  g_test_add ("/sync-controller/every-period", Fixture, NULL, fixture_set_up, test_every_period, fixture_tear_down);
  g_test_add ("/sync-controller/network-back", Fixture, NULL, fixture_set_up, test_network_back, fixture_tear_down);
  g_test_add ("/sync-controller/not-set-up", Fixture, NULL, fixture_set_up, test_not_set_up, fixture_tear_down);

  return g_test_run ();
}
