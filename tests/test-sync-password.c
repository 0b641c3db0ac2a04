/* test-sync-password.c — the sync password in a real gnome-keyring-daemon, unlocked on a
 * private D-Bus session bus with scratch folders; and TRUSTNET_SYNC_PASSWORD, which wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>

#include "tn-sync-password.h"
#include "tn-test-dav-server.h"
#include "tn-test-util.h"

#define SERVER "https://dav.example.org/"
#define SECRETS_NAME "org.freedesktop.secrets"

typedef struct
{
  GSubprocess *keyring;
  char        *runtime_dir;
} Keyring;

static gboolean
secrets_on_bus (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", SECRETS_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

/* A bus of the test's own, and the keyring daemon on it, its login keyring created and
 * unlocked with the password written to its standard input. */
static gboolean
keyring_start (Keyring *keyring)
{
  g_autofree char *program = g_find_program_in_path ("gnome-keyring-daemon");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *input;
  gint64 deadline;

  if (program == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return FALSE;
    }

  keyring->runtime_dir = g_dir_make_tmp ("tn-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  launcher = tn_test_server_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  /* Every folder the daemon writes to is the test's own. */
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", keyring->runtime_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", keyring->runtime_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", keyring->runtime_dir, TRUE);
  keyring->keyring = g_subprocess_launcher_spawn (launcher, &error, program,
                                                  "--foreground", "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);

  input = g_subprocess_get_stdin_pipe (keyring->keyring);
  g_output_stream_write_all (input, "test-keyring-password", 21, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!secrets_on_bus ())
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 20);
    }
  return TRUE;
}

static void
keyring_stop (Keyring *keyring)
{
  if (keyring->keyring != NULL)
    {
      g_subprocess_send_signal (keyring->keyring, SIGTERM);
      g_subprocess_wait (keyring->keyring, NULL, NULL);
      g_clear_object (&keyring->keyring);
    }
}

static void
keyring_free (Keyring *keyring)
{
  keyring_stop (keyring);
  if (keyring->runtime_dir != NULL)
    tn_test_remove_tree (keyring->runtime_dir);
  g_clear_pointer (&keyring->runtime_dir, g_free);
}

/* Stored, found again for that server and user only, replaced, cleared; clearing twice is
 * fine; with the keyring gone, an error that names the keyring. */
static void
test_keyring (void)
{
  Keyring keyring = { 0 };
  g_autoptr(GError) error = NULL;
  char *password;

  g_unsetenv ("TRUSTNET_SYNC_PASSWORD");
  if (!keyring_start (&keyring))
    return;

  password = tn_sync_password_lookup (SERVER, "ada", &error);
  g_assert_no_error (error);
  g_assert_null (password);

  g_assert_true (tn_sync_password_store (SERVER, "ada", "first secret", &error));
  g_assert_no_error (error);
  password = tn_sync_password_lookup (SERVER, "ada", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "first secret");
  g_free (password);

  password = tn_sync_password_lookup (SERVER, "bob", &error);
  g_assert_no_error (error);
  g_assert_null (password);
  password = tn_sync_password_lookup ("https://other.example.org/", "ada", &error);
  g_assert_no_error (error);
  g_assert_null (password);

  g_assert_true (tn_sync_password_store (SERVER, "ada", "second secret", &error));
  g_assert_no_error (error);
  password = tn_sync_password_lookup (SERVER, "ada", &error);
  g_assert_cmpstr (password, ==, "second secret");
  g_free (password);

  g_assert_true (tn_sync_password_clear (SERVER, "ada", &error));
  g_assert_no_error (error);
  password = tn_sync_password_lookup (SERVER, "ada", &error);
  g_assert_no_error (error);
  g_assert_null (password);
  g_assert_true (tn_sync_password_clear (SERVER, "ada", &error));
  g_assert_no_error (error);

  keyring_stop (&keyring);
  g_assert_false (tn_sync_password_store (SERVER, "ada", "third secret", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "keyring could not be used"));

  keyring_free (&keyring);
}

/* TRUSTNET_SYNC_PASSWORD is the password, whatever the keyring holds (or without one). */
static void
test_environment (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  g_setenv ("TRUSTNET_SYNC_PASSWORD", "from the environment", TRUE);
  password = tn_sync_password_lookup (SERVER, "ada", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "from the environment");
  g_unsetenv ("TRUSTNET_SYNC_PASSWORD");
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;

  tn_test_init (&argc, &argv);

  /* A session bus of the test's own, up until the process ends: libsecret keeps its
   * connection to it for the whole process, so it is never taken down (GTestDBus's watcher
   * stops the daemon when this process is gone). */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/sync-password/keyring", test_keyring);
  g_test_add_func ("/sync-password/environment", test_environment);

  return g_test_run ();
}
