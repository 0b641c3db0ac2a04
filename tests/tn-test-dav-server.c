/* tn-test-dav-server.c — start Radicale or xandikos for one test, wait until it answers,
 * stop it (SIGTERM) and remove its folder afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "tn-test-dav-server.h"
#include "tn-test-util.h"

#define STARTUP_TIMEOUT_US (20 * G_USEC_PER_SEC)

struct _TnTestDavServer
{
  char        *kind;
  gboolean     log_bodies;
  char        *dir;
  guint16      port;
  char        *url;
  char        *default_book;
  char        *user;
  char        *password;
  char       **argv;
  GSubprocess *process;
};

/* The kernel hands out a port nobody uses; the server binds it a moment later. */
static guint16
find_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char **
radicale_argv (TnTestDavServer *self,
               const char      *program)
{
  g_autofree char *users = g_build_filename (self->dir, "users", NULL);
  g_autofree char *config = g_build_filename (self->dir, "config", NULL);
  g_autofree char *users_line = g_strdup_printf ("%s:%s\n", self->user, self->password);
  g_autofree char *config_text = NULL;

  write_file (users, users_line);
  config_text = g_strdup_printf ("[server]\n"
                                 "hosts = 127.0.0.1:%u\n"
                                 "[auth]\n"
                                 "type = htpasswd\n"
                                 "htpasswd_filename = %s\n"
                                 "htpasswd_encryption = plain\n"
                                 "delay = 0\n"
                                 "[rights]\n"
                                 "type = owner_only\n"
                                 "[storage]\n"
                                 "filesystem_folder = %s/collections\n"
                                 "[web]\n"
                                 "type = none\n"
                                 "[logging]\n"
                                 "level = %s\n",
                                 self->port, users, self->dir, self->log_bodies ? "debug" : "info");
  write_file (config, config_text);

  return g_strdupv ((char *[]) { (char *) program, "--config", config, NULL });
}

static char **
xandikos_argv (TnTestDavServer *self,
               const char      *program)
{
  g_autofree char *data = g_build_filename (self->dir, "data", NULL);
  g_autofree char *port = g_strdup_printf ("%u", self->port);

  self->default_book = g_strdup_printf ("%suser/contacts/addressbook/", self->url);
  return g_strdupv ((char *[]) { (char *) program, "--defaults", "-d", data,
                                 "-l", "127.0.0.1", "-p", port, NULL });
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocessLauncher *
tn_test_server_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

GSubprocess *
tn_test_fake_dav_server_start (char **url)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "tools", "fake-dav-server.py", NULL);
  g_autoptr(GSubprocessLauncher) launcher = tn_test_server_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;

  process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", script, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  port = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (port);
  *url = g_strdup_printf ("http://127.0.0.1:%s/", port);
  return g_steal_pointer (&process);
}

static gboolean
server_answers (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
spawn (TnTestDavServer *self)
{
  g_autoptr(GSubprocessLauncher) launcher = tn_test_server_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  /* The server's own home: xandikos's git library reads the user's git configuration. */
  g_subprocess_launcher_setenv (launcher, "HOME", self->dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "XDG_CONFIG_HOME");
  g_subprocess_launcher_unsetenv (launcher, "XDG_CONFIG_DIRS");
  /* Radicale logs each request (at "info"): tests count them there. */
  if (tn_test_dav_server_requires_auth (self))
    {
      g_autofree char *log = g_build_filename (self->dir, "server.log", NULL);

      g_subprocess_launcher_set_stderr_file_path (launcher, log);
    }
  g_assert_null (self->process);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) self->argv, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + STARTUP_TIMEOUT_US;
  while (!server_answers (self->port))
    {
      /* The child watch that notices an exit runs in the main context. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (g_subprocess_get_identifier (self->process) == NULL || g_get_monotonic_time () > deadline)
        g_error ("%s did not start on port %u", self->kind, self->port);
      g_usleep (G_USEC_PER_SEC / 20);
    }
}

static TnTestDavServer *
start (const char *kind,
       gboolean    log_bodies)
{
  g_autofree char *program = g_find_program_in_path (kind);
  g_autoptr(GError) error = NULL;
  TnTestDavServer *self;

  g_assert_true (g_str_equal (kind, "radicale") || g_str_equal (kind, "xandikos"));
  if (program == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed", kind);

      g_test_skip (why);
      return NULL;
    }

  self = g_new0 (TnTestDavServer, 1);
  self->log_bodies = log_bodies;
  self->kind = g_strdup (kind);
  self->dir = g_dir_make_tmp ("tn-dav-XXXXXX", &error);
  g_assert_no_error (error);
  self->port = find_free_port ();
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  self->user = g_strdup ("tn-test");
  self->password = g_strdup_printf ("pw-%08x", g_random_int ());
  self->argv = g_str_equal (kind, "radicale") ? radicale_argv (self, program) : xandikos_argv (self, program);

  spawn (self);
  return self;
}

TnTestDavServer *
tn_test_dav_server_start (const char *kind)
{
  return start (kind, FALSE);
}

TnTestDavServer *
tn_test_dav_server_start_logging_bodies (const char *kind)
{
  return start (kind, TRUE);
}

char *
tn_test_dav_server_read_log (TnTestDavServer *self)
{
  g_autofree char *log = g_build_filename (self->dir, "server.log", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (tn_test_dav_server_requires_auth (self));
  g_file_get_contents (log, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

const char *
tn_test_dav_server_get_folder (TnTestDavServer *self)
{
  return self->dir;
}

const char *
tn_test_dav_server_get_url (TnTestDavServer *self)
{
  return self->url;
}

const char *
tn_test_dav_server_get_user (TnTestDavServer *self)
{
  return self->user;
}

const char *
tn_test_dav_server_get_password (TnTestDavServer *self)
{
  return self->password;
}

gboolean
tn_test_dav_server_requires_auth (TnTestDavServer *self)
{
  return g_str_equal (self->kind, "radicale");
}

guint
tn_test_dav_server_count_requests (TnTestDavServer *self)
{
  g_autofree char *text = tn_test_dav_server_read_log (self);
  guint count = 0;

  for (const char *line = strstr (text, " request for "); line != NULL; line = strstr (line + 1, " request for "))
    count++;
  return count;
}

const char *
tn_test_dav_server_get_default_book (TnTestDavServer *self)
{
  return self->default_book;
}

void
tn_test_dav_server_stop (TnTestDavServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self->process == NULL)
    return;

  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&self->process);
}

void
tn_test_dav_server_restart (TnTestDavServer *self)
{
  tn_test_dav_server_stop (self);
  spawn (self);
}

void
tn_test_dav_server_free (TnTestDavServer *self)
{
  if (self == NULL)
    return;

  tn_test_dav_server_stop (self);
  tn_test_remove_tree (self->dir);
  g_free (self->kind);
  g_free (self->dir);
  g_free (self->url);
  g_free (self->default_book);
  g_free (self->user);
  g_free (self->password);
  g_strfreev (self->argv);
  g_free (self);
}
