/* tn-notifier.c — shows the weekly reminder as a libnotify notification with its
 * actions: Log lunch, Someone else, Remind me tomorrow, and a click that opens the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-notifier.h"

#define APP_ID "org.example.TrustNet"

typedef struct
{
  TnNotifierActionFunc func;
  gpointer user_data;
} ActionTarget;

/* Only a process that keeps its main loop running after sending (the reminder service)
 * gets here: `--remind` sends without actions, since it exits right away. */
static void
on_action_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  ActionTarget *target = user_data;

  g_debug ("Reminder action “%s”", action);
  /* The token is only there while the action is being handled. */
  if (target->func != NULL)
    target->func (action, notify_notification_get_activation_token (notification), target->user_data);
}

/* A server advertising "body-markup" reads the body as Pango-like markup: a contact named
 * "<a href=…>" or "AT&T" would become a link or vanish. Our text is plain, so all of it is
 * escaped there; the question is asked each time because the server may have been replaced.
 * GetCapabilities is called here rather than through notify_get_server_caps(), which logs a
 * warning when no server answers: the send that follows says that once, in its own words. */
static gboolean
server_renders_markup (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **caps = NULL;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetCapabilities", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(^a&s)", &caps);
  return g_strv_contains (caps, "body-markup");
}

static char *
as_server_text (const char *text,
                gboolean    markup)
{
  return markup ? g_markup_escape_text (text, -1) : g_strdup (text);
}

/* Sets the body and (again) the actions: with nobody to suggest (no contacts yet)
 * there is no lunch to log and no one else; without @func nobody would serve any. */
static void
fill (NotifyNotification   *notification,
      const char           *name,
      const char           *body,
      TnNotifierActionFunc  func,
      gpointer              user_data)
{
  ActionTarget target = { func, user_data };
  gboolean markup = server_renders_markup ();
  g_autofree char *summary = as_server_text (_("Lunch with someone this week"), markup);
  g_autofree char *server_body = as_server_text (body, markup);

  notify_notification_update (notification, summary, server_body, APP_ID);
  notify_notification_set_app_name (notification, "TrustNet");
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);

  notify_notification_clear_actions (notification);
  if (func == NULL)
    return;
  if (name != NULL)
    {
      notify_notification_add_action (notification, "log-lunch", _("Log lunch"), on_action_cb,
                                      g_memdup2 (&target, sizeof target), g_free);
      notify_notification_add_action (notification, "someone-else", _("Someone else"), on_action_cb,
                                      g_memdup2 (&target, sizeof target), g_free);
    }
  notify_notification_add_action (notification, "snooze", _("Remind me tomorrow"), on_action_cb,
                                  g_memdup2 (&target, sizeof target), g_free);
  notify_notification_add_action (notification, "default", _("Open TrustNet"), on_action_cb,
                                  g_memdup2 (&target, sizeof target), g_free);
}

static gboolean
show (NotifyNotification  *notification,
      GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!notify_notification_show (notification, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot show the reminder: no notification server answered (%s)"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * tn_notifier_send_reminder:
 * @name: (nullable): the suggested contact's name, %NULL when there is no one to suggest
 * @body: the notification's body
 * @func: (nullable): called with the action the person picks
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * Shows the reminder: app name "TrustNet", the app icon, the `desktop-entry` hint, the
 * summary "Lunch with someone this week", @body (plain text, escaped when the server
 * renders markup), and the actions "log-lunch",
 * "someone-else", "snooze" and "default" (a click on the notification). @func is only
 * called while the returned notification is alive and the main loop runs.
 *
 * Returns: (transfer full) (nullable): the notification shown; %NULL with @error set
 *   when there is no notification server (or it refused)
 */
NotifyNotification *
tn_notifier_send_reminder (const char            *name,
                           const char            *body,
                           TnNotifierActionFunc   func,
                           gpointer               user_data,
                           GError               **error)
{
  NotifyNotification *notification;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!notify_is_initted () && !notify_init ("TrustNet"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Cannot show notifications: libnotify failed to start"));
      return NULL;
    }

  /* fill() sets the summary and body, escaped as the server needs. */
  notification = notify_notification_new ("", NULL, APP_ID);
  fill (notification, name, body, func, user_data);

  /* libnotify 0.8 has no g_autoptr for its types. */
  if (!show (notification, error))
    {
      g_object_unref (notification);
      return NULL;
    }

  return notification;
}

/**
 * tn_notifier_update_reminder:
 * @notification: a notification from tn_notifier_send_reminder()
 * @name: (nullable): the new suggestion's name
 * @body: the new body
 * @func: (nullable): called with the action the person picks
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * Replaces the shown reminder (same notification id) with another suggestion.
 *
 * Returns: %TRUE when the server took it
 */
gboolean
tn_notifier_update_reminder (NotifyNotification    *notification,
                             const char            *name,
                             const char            *body,
                             TnNotifierActionFunc   func,
                             gpointer               user_data,
                             GError               **error)
{
  g_return_val_if_fail (NOTIFY_IS_NOTIFICATION (notification), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  fill (notification, name, body, func, user_data);
  return show (notification, error);
}
