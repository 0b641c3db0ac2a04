/* tn-application.c — the GtkApplication of `trustnet-window`: a plain launch opens the
 * store and the window, and `--background` runs the weekly reminder in the same one
 * instance per database. `trustnet` runs the command-line modes without GTK and execs this
 * program for the rest; given a mode directly, this program runs it the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-background.h"
#include "tn-cli.h"
#include "tn-preferences-window.h"
#include "tn-resources.h"
#include "tn-sync-controller.h"
#include "tn-sync-page.h"
#include "tn-text.h"
#include "tn-window.h"

struct _TnApplication
{
  AdwApplication parent_instance;

  char *database_path;
  TnStore *store;
  /* The weekly reminder, once `--background` asked for it here or in another launch. */
  TnBackground *background;
  /* The activation g_application_run() makes in a `--background` launch: no window. */
  gboolean skip_activate;
  /* Sync over CardDAV while the window is open; Preferences → Sync shows it. */
  TnSyncController *sync_controller;
};

G_DEFINE_FINAL_TYPE (TnApplication, tn_application, ADW_TYPE_APPLICATION)

/* One TrustNet per database: the default database has the application id, any other
 * one an id of its own derived from its absolute path. A launch on database B while a
 * window on A is open so starts a TrustNet of its own on B rather than raising A's. */
static char *
application_id_for (const char *database_path)
{
  g_autofree char *default_path = tn_store_get_default_path ();
  g_autofree char *path = NULL;
  g_autofree char *digest = NULL;

  if (database_path == NULL)
    return g_strdup (APPLICATION_ID);

  path = g_canonicalize_filename (database_path, NULL);
  if (g_strcmp0 (path, default_path) == 0)
    return g_strdup (APPLICATION_ID);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  digest[16] = '\0';
  return g_strdup_printf ("%s.Database_%s", APPLICATION_ID, digest);
}

/* `--background`: the reminder runs in the one TrustNet of this database. If it is
 * running already (a window is open), it is handed the reminder and this launch ends;
 * otherwise this process becomes that TrustNet, without a window until one is asked for. */
static int
start_background (TnApplication *self)
{
  GApplication *application = G_APPLICATION (self);
  g_autoptr(GError) error = NULL;

  if (!g_application_register (application, NULL, &error))
    {
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (self), "background", NULL);
  if (g_application_get_is_remote (application))
    {
      GDBusConnection *bus = g_application_get_dbus_connection (application);

      if (bus != NULL)
        g_dbus_connection_flush_sync (bus, NULL, NULL);
      g_print ("%s\n", _("The running TrustNet now sends the weekly reminder"));
      return 0;
    }

  /* Here the action ran in this process: without its store there is no reminder. */
  if (self->background == NULL)
    return 1;

  self->skip_activate = TRUE;
  return -1;
}

static gboolean
tn_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  gboolean handled;

  tn_cli_begin_parsing ();
  handled = G_APPLICATION_CLASS (tn_application_parent_class)->local_command_line (application, arguments,
                                                                                  exit_status);
  tn_cli_end_parsing ();
  return handled;
}

static int
tn_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TnApplication *self = TN_APPLICATION (application);
  const char *database_path = NULL;
  g_autofree char *application_id = NULL;
  int status;

  /* Parsing succeeded: from here on, what is printed is the commands' own. */
  tn_cli_end_parsing ();

  if (g_variant_dict_lookup (options, "database", "^&ay", &database_path))
    self->database_path = g_strdup (database_path);

  application_id = application_id_for (self->database_path);
  g_application_set_application_id (application, application_id);

  status = tn_cli_run (options);
  if (status == TN_CLI_CONTINUE && g_variant_dict_contains (options, "background"))
    return start_background (self);
  return status;
}

/* The store every part of this process shares, opened on first use. */
static TnStore *
ensure_store (TnApplication  *self,
              GError        **error)
{
  if (self->store != NULL)
    return self->store;

  self->store = tn_store_open (self->database_path, error);
  /* The command line, an import or another machine's sync write the same database:
   * the window and the reminder show what they wrote within a second. */
  if (self->store != NULL)
    tn_store_follow_other_processes (self->store);
  return self->store;
}

/* The window needs the store; without it, say why in the window and on
 * stderr, and keep the database as it is rather than start over with an
 * empty one. */
static void
show_store_error (TnApplication *self,
                  const GError  *error)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  tn_text_print (TRUE, "trustnet: %s\n", error->message);

  builder = gtk_builder_new_from_resource ("/org/example/TrustNet/ui/tn-store-error-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "window"));
  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_builder_get_object (builder, "status_page")),
                                   error->message);
  gtk_window_set_application (window, GTK_APPLICATION (self));
  gtk_window_present (window);
}

static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, window);
  g_printerr ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());

  if (g_strcmp0 (g_getenv ("TRUSTNET_BENCH_FIRST_FRAME"), "quit") == 0)
    gtk_window_destroy (window);
}

/* For tests/bench only: reports when the first frame was painted, so the
 * benchmark can measure launch-to-first-frame from outside. */
static void
watch_first_frame (GtkWindow *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (frame_clock != NULL)
    g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_first_frame_painted_cb), window, 0);
}

static void
tn_application_activate (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->skip_activate)
    {
      self->skip_activate = FALSE;
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (ensure_store (self, &error) == NULL)
    {
      show_store_error (self, error);
      return;
    }

  window = GTK_WINDOW (tn_window_new (ADW_APPLICATION (self), self->store));
  gtk_window_present (window);

  if (self->sync_controller == NULL)
    {
      self->sync_controller = tn_sync_controller_new (self->store);
      tn_window_set_sync_controller (TN_WINDOW (window), self->sync_controller);
      tn_sync_controller_start (self->sync_controller);
    }

  if (g_getenv ("TRUSTNET_BENCH_FIRST_FRAME") != NULL)
    watch_first_frame (window);
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TnApplication *self = user_data;
  static const char *developers[] = { "TrustNet developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", "TrustNet",
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("TrustNet developers"),
                         "developers", developers,
                         "comments", _("Keep the people who trust you close: job security is who you are and who trusts you."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Opens the window (if need be) on the contact with @uid; an empty uid, or one
 * deleted since, just opens the window. */
static void
show_contact (TnApplication *self,
              const char    *uid)
{
  GtkWindow *window;
  TnContact *contact;

  g_application_activate (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!TN_IS_WINDOW (window) || self->store == NULL || uid == NULL || *uid == '\0')
    return;

  tn_store_check_for_changes (self->store, NULL);
  contact = tn_store_get_contact_by_uid (self->store, uid);
  if (contact != NULL)
    tn_window_show_contact (TN_WINDOW (window), contact);
}

/* "app.show-contact" (string uid): a contact named by its uid, which outlives any
 * row id, for whatever asks from outside (a click on the reminder, a script). */
static void
on_show_contact_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  show_contact (user_data, g_variant_get_string (parameter, NULL));
}

static void
on_open_contact_cb (TnApplication *self,
                    const char    *uid,
                    const char    *activation_token)
{
  /* The click's token lets the window take the focus (XDG activation). */
  if (activation_token != NULL)
    gdk_display_notify_startup_complete (gdk_display_get_default (), activation_token);
  show_contact (self, uid);
}

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

/* "app.background": start the weekly reminder in this process, once. It keeps the
 * application running with no window, and after the window closes, until SIGTERM,
 * SIGINT or Quit; shutting down withdraws its notification. */
static void
on_background_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  TnApplication *self = user_data;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (self->background != NULL)
    return;

  if (ensure_store (self, &error) == NULL)
    {
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      return;
    }

  settings = g_settings_new (APPLICATION_ID);
  self->background = tn_background_new (self->store, settings);
  g_signal_connect_object (self->background, "open-contact", G_CALLBACK (on_open_contact_cb), self,
                           G_CONNECT_SWAPPED);
  g_unix_signal_add (SIGTERM, on_quit_signal_cb, self);
  g_unix_signal_add (SIGINT, on_quit_signal_cb, self);
  g_application_hold (G_APPLICATION (self));
  tn_background_start (self->background);
}

/* One Preferences window at a time: a second Ctrl+, shows the open one again. */
static void
on_preferences_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  TnApplication *self = user_data;
  GtkWindow *parent;
  GtkWidget *preferences;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (TN_IS_PREFERENCES_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = tn_preferences_window_new (parent);
  if (self->sync_controller != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                ADW_PREFERENCES_PAGE (tn_sync_page_new (self->sync_controller)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
tn_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "about", on_about_activated_cb },
    { "show-contact", on_show_contact_activated_cb, "s" },
    { "background", on_background_activated_cb },
    { "preferences", on_preferences_activated_cb },
    { "quit", on_quit_activated_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (tn_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
}

static void
tn_application_shutdown (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);

  g_clear_object (&self->background);
  g_clear_object (&self->sync_controller);

  G_APPLICATION_CLASS (tn_application_parent_class)->shutdown (application);
}

static void
tn_application_finalize (GObject *object)
{
  TnApplication *self = (TnApplication *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (tn_application_parent_class)->finalize (object);
}

static void
tn_application_class_init (TnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tn_application_finalize;
  application_class->local_command_line = tn_application_local_command_line;
  application_class->handle_local_options = tn_application_handle_local_options;
  application_class->startup = tn_application_startup;
  application_class->shutdown = tn_application_shutdown;
  application_class->activate = tn_application_activate;
}

static void
tn_application_init (TnApplication *self)
{
  tn_register_resource ();
  tn_cli_add_options (G_APPLICATION (self));
}

TnApplication *
tn_application_new (void)
{
  return g_object_new (TN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/TrustNet",
                       NULL);
}

/**
 * tn_application_get_store:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the open store, once the window opened
 */
TnStore *
tn_application_get_store (TnApplication *self)
{
  g_return_val_if_fail (TN_IS_APPLICATION (self), NULL);

  return self->store;
}
