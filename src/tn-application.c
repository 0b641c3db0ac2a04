/* tn-application.c — TrustNet's GtkApplication: the command-line modes run
 * locally without a window; a plain launch opens the store and the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-cli.h"
#include "tn-preferences-window.h"
#include "tn-resources.h"
#include "tn-window.h"

struct _TnApplication
{
  AdwApplication parent_instance;

  char *database_path;
  TnStore *store;
};

G_DEFINE_FINAL_TYPE (TnApplication, tn_application, ADW_TYPE_APPLICATION)

static int
tn_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TnApplication *self = TN_APPLICATION (application);
  const char *database_path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database_path))
    self->database_path = g_strdup (database_path);

  return tn_cli_run (options);
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

  g_printerr ("trustnet: %s\n", error->message);

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

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    self->store = tn_store_open (self->database_path, &error);

  if (self->store == NULL)
    {
      show_store_error (self, error);
      return;
    }

  window = GTK_WINDOW (tn_window_new (ADW_APPLICATION (self), self->store));
  gtk_window_present (window);

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

/* "app.show-contact" (int64 id): what clicking the weekly reminder asks for,
 * over D-Bus, from the --background process. */
static void
on_show_contact_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  TnApplication *self = user_data;
  GtkWindow *window;
  TnContact *contact;

  g_application_activate (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!TN_IS_WINDOW (window) || self->store == NULL)
    return;

  contact = tn_store_get_contact_by_id (self->store, g_variant_get_int64 (parameter));
  if (contact != NULL)
    tn_window_show_contact (TN_WINDOW (window), contact);
}

/* One Preferences window at a time: a second Ctrl+, shows the open one again. */
static void
on_preferences_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  TnApplication *self = user_data;
  GtkWindow *parent;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (TN_IS_PREFERENCES_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (tn_preferences_window_new (parent)));
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
    { "show-contact", on_show_contact_activated_cb, "x" },
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
  application_class->handle_local_options = tn_application_handle_local_options;
  application_class->startup = tn_application_startup;
  application_class->activate = tn_application_activate;
}

static void
tn_application_init (TnApplication *self)
{
  tn_register_resource ();
  tn_cli_add_options (G_APPLICATION (self));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep the people who trust you close. Without options, opens the window."));
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
