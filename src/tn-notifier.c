/* tn-notifier.c — shows the weekly reminder as a libnotify notification with its
 * actions: Log lunch, Someone else, Remind me tomorrow, and a click that opens the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "tn-notifier.h"

#define APP_ID "org.example.TrustNet"

/* The actions only do anything in a process that keeps running its main loop after
 * sending: `trustnet --remind` sends and exits, so the server's ActionInvoked signals
 * find nobody; `trustnet --background` (not written yet) will stay, log the lunch,
 * suggest the next person or snooze. Until then these only note what was asked. */
static void
on_action_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  g_debug ("Reminder action “%s” for contact %" G_GINT64_FORMAT,
           action, (gint64) GPOINTER_TO_SIZE (user_data));
}

/**
 * tn_notifier_send_reminder:
 * @name: (nullable): the suggested contact's name, %NULL when there is no one to suggest
 * @body: the notification's body
 * @contact_id: the suggested contact's id, 0 when there is none
 * @error: return location for a #GError
 *
 * Shows the reminder: app name "TrustNet", the app icon, the `desktop-entry` hint, the
 * summary "Lunch with someone this week", @body, and the actions "log-lunch",
 * "someone-else", "snooze" and "default" (a click on the notification).
 *
 * Returns: %TRUE when the notification server took it; %FALSE with @error set when there
 *   is no notification server (or it refused)
 */
gboolean
tn_notifier_send_reminder (const char  *name,
                           const char  *body,
                           gint64       contact_id,
                           GError     **error)
{
  NotifyNotification *notification;
  gboolean shown;
  g_autoptr(GError) local_error = NULL;
  gpointer data = GSIZE_TO_POINTER ((gsize) contact_id);

  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (contact_id >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!notify_is_initted () && !notify_init ("TrustNet"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Cannot show notifications: libnotify failed to start"));
      return FALSE;
    }

  notification = notify_notification_new (_("Lunch with someone this week"), body, APP_ID);
  notify_notification_set_app_name (notification, "TrustNet");
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);

  /* With nobody to suggest (no contacts yet) there is no lunch to log and no one else. */
  if (name != NULL)
    {
      notify_notification_add_action (notification, "log-lunch", _("Log lunch"), on_action_cb, data, NULL);
      notify_notification_add_action (notification, "someone-else", _("Someone else"), on_action_cb, data, NULL);
    }
  notify_notification_add_action (notification, "snooze", _("Remind me tomorrow"), on_action_cb, data, NULL);
  notify_notification_add_action (notification, "default", _("Open TrustNet"), on_action_cb, data, NULL);

  /* libnotify 0.8 has no g_autoptr for its types. */
  shown = notify_notification_show (notification, &local_error);
  g_object_unref (notification);
  if (!shown)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot show the reminder: no notification server answered (%s)"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}
