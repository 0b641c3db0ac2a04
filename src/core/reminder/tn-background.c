/* tn-background.c — sends the weekly reminder if it is due (`--remind` and
 * `--background` share this), and `trustnet --background`: no window, a check at
 * start, then one each time the reminder could next be due (at most an hour apart, so
 * a resume from suspend is noticed within the hour), the notification's actions
 * handled (a click opens TrustNet, starting it if need be), and a clean exit on
 * SIGTERM or SIGINT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-background"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "tn-background.h"
#include "tn-clock.h"
#include "tn-reminder.h"
#include "tn-suggestion.h"

#define MAX_SLEEP_US G_TIME_SPAN_HOUR

/* The suggestion for @now, passing over the first @skip people. */
static gboolean
suggest (TnStore       *store,
         GSettings     *settings,
         GDateTime     *now,
         guint          skip,
         TnSuggestion  *suggestion,
         GError       **error)
{
  TnCadence cadence;

  tn_cadence_init_from_settings (&cadence, settings);
  return tn_suggestion_compute (suggestion, store, &cadence, now, skip, error);
}

/* Sends this week's reminder if it is due; @report is the line that says what happened
 * (`sent: Ada Lovelace`, `not due: …`), for the caller to print. */
static gboolean
remind_if_due (TnStore               *store,
               GSettings             *settings,
               TnNotifierActionFunc   func,
               gpointer               user_data,
               NotifyNotification   **sent,
               gint64                *contact_id,
               char                 **report,
               GError               **error)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_auto(TnSuggestion) suggestion = { 0 };
  TnReminderState state = { 0 };
  TnReminderVerdict verdict;
  NotifyNotification *notification;
  int weekday, hour, year, week;
  gboolean claimed;

  *sent = NULL;
  *contact_id = 0;
  *report = NULL;

  weekday = g_settings_get_int (settings, "reminder-weekday");
  hour = g_settings_get_int (settings, "reminder-hour");

  if (!tn_store_get_reminder_state (store, &state, now, error))
    return FALSE;
  state.enabled = g_settings_get_boolean (settings, "reminder-enabled");

  verdict = tn_reminder_check (&state, now, weekday, hour);
  if (verdict != TN_REMINDER_DUE)
    {
      *report = g_strdup (tn_reminder_verdict_describe (verdict));
      return TRUE;
    }

  if (!suggest (store, settings, now, 0, &suggestion, error))
    return FALSE;
  *contact_id = suggestion.contact_id;

  tn_reminder_week_of (now, &year, &week);
  if (!tn_store_claim_reminder (store, year, week, &claimed, error))
    return FALSE;
  if (!claimed)
    {
      *contact_id = 0;
      *report = g_strdup (tn_reminder_verdict_describe (TN_REMINDER_ALREADY_SENT));
      return TRUE;
    }

  notification = tn_notifier_send_reminder (suggestion.name, suggestion.body, func, user_data, error);
  if (notification == NULL)
    {
      g_autoptr(GError) unclaim_error = NULL;

      *contact_id = 0;
      if (!tn_store_unclaim_reminder (store, &state, &unclaim_error))
        g_warning ("Could not take back this week's reminder: %s", unclaim_error->message);
      return FALSE;
    }

  if (suggestion.name != NULL)
    /* TRANSLATORS: what --remind prints after sending, e.g. "sent: Ada Lovelace" */
    *report = g_strdup_printf (_("sent: %s"), suggestion.name);
  else if (suggestion.reason == TN_REMINDER_REASON_NO_CANDIDATES)
    *report = g_strdup (_("sent: no contacts yet"));
  else
    *report = g_strdup (_("sent: everyone already met this week"));

  *sent = notification;
  return TRUE;
}

/**
 * tn_background_remind_if_due:
 * @store: the database
 * @settings: the app's settings
 * @func: (nullable): called with the action the person picks
 * @user_data: for @func
 * @sent: (out) (transfer full): the notification sent, %NULL when none was
 * @contact_id: (out): whom it suggests, 0 for no one
 * @error: return location for a #GError
 *
 * Sends this week's reminder if it is due and prints what it did on stdout
 * (`sent: Ada Lovelace`, `not due: …`).
 *
 * The week is claimed in the database (one transaction) before the notification is
 * sent, so two processes never both send it; if sending then fails (no notification
 * server), the claim is taken back, so the reminder stays due.
 *
 * Returns: %FALSE with @error set when the database or the notification server failed
 */
gboolean
tn_background_remind_if_due (TnStore               *store,
                             GSettings             *settings,
                             TnNotifierActionFunc   func,
                             gpointer               user_data,
                             NotifyNotification   **sent,
                             gint64                *contact_id,
                             GError               **error)
{
  g_autofree char *report = NULL;

  g_return_val_if_fail (TN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (sent != NULL && contact_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!remind_if_due (store, settings, func, user_data, sent, contact_id, &report, error))
    return FALSE;

  g_print ("%s\n", report);
  return TRUE;
}

typedef struct
{
  TnStore *store;
  GSettings *settings;
  GMainLoop *loop;
  GCancellable *cancellable;
  NotifyNotification *notification;
  gint64 contact_id;
  guint skip;
  guint timeout_id;
  /* The last line a check printed: the same verdict is not printed every hour. */
  char *last_report;
  /* A click while TrustNet was not running: waiting for the started app. */
  gint64 open_contact_id;
  char *open_token;
  gboolean opening;
  gboolean may_start_app;
  guint open_watch_id;
  guint open_timeout_id;
  int status;
} TnBackground;

static void on_action (const char *action,
                       const char *activation_token,
                       gpointer    user_data);

static void
log_lunch (TnBackground *self)
{
  TnContact *contact;
  g_autoptr(TnInteraction) interaction = NULL;
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  contact = tn_store_get_contact_by_id (self->store, self->contact_id);
  if (contact == NULL)
    {
      g_printerr ("trustnet: %s\n", _("The suggested contact is no longer there"));
      return;
    }

  interaction = tn_interaction_new (TN_INTERACTION_LUNCH, today);
  tn_interaction_set_one_on_one (interaction, TRUE);
  if (!tn_store_log_interaction (self->store, contact, interaction, &error))
    {
      g_printerr ("trustnet: %s\n", error->message);
      return;
    }

  /* TRANSLATORS: what --background prints after "Log lunch", e.g. "logged lunch: Ada Lovelace" */
  g_print (_("logged lunch: %s\n"), tn_contact_get_full_name (contact));
}

/* "Someone else": the same notification (same id) with the next person of the rule's
 * order, wrapping around after the last. With only one person to suggest, the body says
 * there is no one else rather than showing the same text again. */
static void
someone_else (TnBackground *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GError) error = NULL;
  g_auto(TnSuggestion) suggestion = { 0 };
  const char *name;
  g_autofree char *body = NULL;
  gboolean alone;

  if (!suggest (self->store, self->settings, now, self->skip + 1, &suggestion, &error))
    {
      g_printerr ("trustnet: %s\n", error->message);
      return;
    }

  name = suggestion.name;
  alone = name != NULL && suggestion.contact_id == self->contact_id;
  if (alone)
    /* TRANSLATORS: the reminder's body after "Someone else" when only one person can
     * be suggested; %s is the usual suggestion, e.g. "Ada Lovelace trusts you completely — …" */
    body = g_strdup_printf (_("No one else to suggest this week. %s"), suggestion.body);
  else
    body = g_strdup (suggestion.body);

  if (!tn_notifier_update_reminder (self->notification, name, body, on_action, self, &error))
    {
      g_printerr ("trustnet: %s\n", error->message);
      return;
    }

  self->skip++;
  self->contact_id = suggestion.contact_id;
  if (alone)
    /* TRANSLATORS: what --background prints after "Someone else" when there is no one else */
    g_print (_("no one else to suggest: %s\n"), name);
  else if (name != NULL)
    /* TRANSLATORS: what --background prints after "Someone else", e.g. "suggested: Alan Turing" */
    g_print (_("suggested: %s\n"), name);
}

static void
snooze (TnBackground *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) until = g_date_time_add_days (now, 1);
  g_autofree char *text = g_date_time_format (until, "%Y-%m-%d %H:%M");
  g_autoptr(GError) error = NULL;

  if (!tn_store_snooze_reminder (self->store, g_date_time_to_unix (until), &error))
    {
      g_printerr ("trustnet: %s\n", error->message);
      return;
    }

  /* TRANSLATORS: what --background prints after "Remind me tomorrow" */
  g_print (_("snoozed until %s\n"), text);
}

/* Opening TrustNet on a contact after a click: the app's "show-contact" action over
 * D-Bus (org.freedesktop.Application), so a running window is reused. When no
 * TrustNet runs, the bus starts the installed D-Bus service; where it cannot (not
 * installed, a private bus), this process starts `trustnet` itself, waits for it to
 * take its name and asks again. */

#define OPEN_TIMEOUT_SECONDS 30

static void call_show_contact (TnBackground    *self,
                               GDBusConnection *bus);

static void
stop_waiting_for_app (TnBackground *self)
{
  self->opening = FALSE;
  g_clear_handle_id (&self->open_watch_id, g_bus_unwatch_name);
  g_clear_handle_id (&self->open_timeout_id, g_source_remove);
  g_clear_pointer (&self->open_token, g_free);
}

static void
on_app_appeared_cb (GDBusConnection *bus,
                    const char      *name,
                    const char      *owner,
                    gpointer         user_data)
{
  TnBackground *self = user_data;

  g_clear_handle_id (&self->open_watch_id, g_bus_unwatch_name);
  g_clear_handle_id (&self->open_timeout_id, g_source_remove);
  call_show_contact (self, bus);
}

static gboolean
on_app_timeout_cb (gpointer user_data)
{
  TnBackground *self = user_data;

  self->open_timeout_id = 0;
  stop_waiting_for_app (self);
  g_printerr ("trustnet: %s\n", _("Could not open TrustNet: it did not start in time"));
  return G_SOURCE_REMOVE;
}

/* The program to start: this very executable, so a build-tree or relocated TrustNet
 * starts itself rather than another one found in $PATH. */
static char *
own_executable (void)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  return path != NULL ? path : g_strdup ("trustnet");
}

static void
start_app (TnBackground    *self,
           GDBusConnection *bus)
{
  g_autofree char *program = own_executable ();
  const char *argv[] = { program, "--database", tn_store_get_path (self->store), NULL };
  g_autoptr(GError) error = NULL;

  self->may_start_app = FALSE;

  /* Watch first, so the name cannot appear unnoticed. */
  self->open_watch_id = g_bus_watch_name_on_connection (bus, APPLICATION_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                        on_app_appeared_cb, NULL, self, NULL);

  /* Without G_SPAWN_DO_NOT_REAP_CHILD the app is not our child: it outlives us. */
  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL, NULL, &error))
    {
      stop_waiting_for_app (self);
      g_printerr ("trustnet: could not start TrustNet: %s\n", error->message);
      return;
    }

  self->open_timeout_id = g_timeout_add_seconds (OPEN_TIMEOUT_SECONDS, on_app_timeout_cb, self);
  g_print ("%s\n", _("starting TrustNet"));
}

static void
on_show_contact_reply_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GDBusConnection *bus = G_DBUS_CONNECTION (source);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  TnBackground *self;
  TnContact *contact;

  reply = g_dbus_connection_call_finish (bus, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (reply == NULL &&
      (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
       g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)) &&
      self->may_start_app)
    {
      start_app (self, bus);
      return;
    }

  stop_waiting_for_app (self);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (error);
      g_printerr ("trustnet: could not open TrustNet: %s\n", error->message);
      return;
    }

  contact = tn_store_get_contact_by_id (self->store, self->open_contact_id);
  /* TRANSLATORS: what --background prints after a click on the reminder, e.g. "opened: Ada Lovelace" */
  g_print (_("opened: %s\n"), contact != NULL ? tn_contact_get_full_name (contact) : "TrustNet");
}

static void
call_show_contact (TnBackground    *self,
                   GDBusConnection *bus)
{
  GVariantBuilder parameter, platform_data;

  g_variant_builder_init (&parameter, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameter, "v", g_variant_new_int64 (self->open_contact_id));

  /* The click's activation token lets the window take the focus (Wayland's XDG
   * activation; X11's startup notification). */
  g_variant_builder_init (&platform_data, G_VARIANT_TYPE_VARDICT);
  if (self->open_token != NULL)
    {
      g_variant_builder_add (&platform_data, "{sv}", "activation-token", g_variant_new_string (self->open_token));
      g_variant_builder_add (&platform_data, "{sv}", "desktop-startup-id", g_variant_new_string (self->open_token));
    }
  g_dbus_connection_call (bus, APPLICATION_ID, "/org/example/TrustNet",
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(sava{sv})", "show-contact", &parameter, &platform_data),
                          NULL, G_DBUS_CALL_FLAGS_NONE, 10000, self->cancellable,
                          on_show_contact_reply_cb, self);
}

static void
open_contact (TnBackground *self,
              const char   *activation_token)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  self->open_contact_id = self->contact_id;

  /* A second click while the first is under way: it opens on the latest contact. */
  if (self->opening)
    return;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_printerr ("trustnet: could not open TrustNet: %s\n", error->message);
      return;
    }

  g_free (self->open_token);
  self->open_token = g_strdup (activation_token);
  self->opening = TRUE;
  self->may_start_app = TRUE;
  call_show_contact (self, bus);
}

static void
on_action (const char *action,
           const char *activation_token,
           gpointer    user_data)
{
  TnBackground *self = user_data;

  if (g_strcmp0 (action, "log-lunch") == 0)
    log_lunch (self);
  else if (g_strcmp0 (action, "someone-else") == 0)
    someone_else (self);
  else if (g_strcmp0 (action, "snooze") == 0)
    snooze (self);
  else
    open_contact (self, activation_token);
}

static gboolean on_check_cb (gpointer user_data);

/* The longest sleep between two checks: an hour, so a resume from suspend is noticed
 * within the hour. TRUSTNET_CHECK_EVERY_MS shortens it, for tests only. */
static GTimeSpan
max_sleep_us (void)
{
  const char *every_ms = g_getenv ("TRUSTNET_CHECK_EVERY_MS");
  guint64 ms;

  if (every_ms != NULL && g_ascii_string_to_unsigned (every_ms, 10, 1, MAX_SLEEP_US / 1000, &ms, NULL))
    return (GTimeSpan) ms * 1000;
  return MAX_SLEEP_US;
}

/* Returns when the next check will be. */
static GDateTime *
schedule (TnBackground *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) next = NULL;
  GTimeSpan wait_us;

  next = tn_reminder_next_check (now,
                                 g_settings_get_int (self->settings, "reminder-weekday"),
                                 g_settings_get_int (self->settings, "reminder-hour"));
  wait_us = CLAMP (g_date_time_difference (next, now), 0, max_sleep_us ());

  /* A little after the due time, never before it. */
  self->timeout_id = g_timeout_add ((guint) (wait_us / 1000) + 100, on_check_cb, self);
  return g_date_time_add (now, wait_us);
}

static void
check (TnBackground *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  NotifyNotification *sent = NULL;
  gint64 contact_id = 0;

  if (!remind_if_due (self->store, self->settings, on_action, self, &sent, &contact_id, &report, &error))
    {
      g_printerr ("trustnet: %s\n", error->message);
      g_clear_pointer (&self->last_report, g_free);
      return;
    }

  /* Checks come hourly; a verdict is news only when it changes. */
  if (g_strcmp0 (report, self->last_report) != 0)
    g_print ("%s\n", report);
  g_free (self->last_report);
  self->last_report = g_steal_pointer (&report);

  if (sent != NULL)
    {
      g_clear_object (&self->notification);
      self->notification = sent;
      self->contact_id = contact_id;
      self->skip = 0;

      /* What the next checks this week will find: nothing new to say. */
      g_free (self->last_report);
      self->last_report = g_strdup (tn_reminder_verdict_describe (TN_REMINDER_ALREADY_SENT));
    }
}

static gboolean
on_check_cb (gpointer user_data)
{
  TnBackground *self = user_data;

  self->timeout_id = 0;
  check (self);
  g_date_time_unref (schedule (self));
  return G_SOURCE_REMOVE;
}

static gboolean
on_signal_cb (gpointer user_data)
{
  TnBackground *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_CONTINUE;
}

/* The one line `--background` prints at start after its first verdict, e.g.
 * "next check: 2026-11-23 09:00 (every hour at most; reminder time: Monday 09:00)". */
static void
print_next_check (TnBackground *self,
                  GDateTime    *next)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *when = g_date_time_format (next, "%Y-%m-%d %H:%M");
  g_autofree char *reminder_time = NULL;

  due = tn_reminder_next_check (now,
                                g_settings_get_int (self->settings, "reminder-weekday"),
                                g_settings_get_int (self->settings, "reminder-hour"));
  reminder_time = g_date_time_format (due, "%A %H:%M");

  /* TRANSLATORS: printed once by --background at start, e.g.
   * "next check: 2026-11-23 09:00 (every hour at most; reminder time: Monday 09:00)" */
  g_print (_("next check: %s (every hour at most; reminder time: %s)\n"), when, reminder_time);
}

/**
 * tn_background_run:
 * @store: the database
 * @settings: the app's settings
 *
 * Runs until SIGTERM or SIGINT. Prints the first check's verdict and when the next
 * check is, then a line only when something happens or the verdict changes.
 *
 * Returns: the exit status
 */
int
tn_background_run (TnStore   *store,
                   GSettings *settings)
{
  TnBackground self = { 0 };
  g_autoptr(GDateTime) next = NULL;
  guint term_id, int_id;

  g_return_val_if_fail (TN_IS_STORE (store), 1);
  g_return_val_if_fail (G_IS_SETTINGS (settings), 1);

  self.store = store;
  self.settings = settings;
  self.loop = g_main_loop_new (NULL, FALSE);
  self.cancellable = g_cancellable_new ();

  term_id = g_unix_signal_add (SIGTERM, on_signal_cb, &self);
  int_id = g_unix_signal_add (SIGINT, on_signal_cb, &self);

  check (&self);
  next = schedule (&self);
  print_next_check (&self, next);
  g_main_loop_run (self.loop);

  /* A D-Bus reply still on its way must not find `self` gone. */
  g_cancellable_cancel (self.cancellable);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_source_remove (term_id);
  g_source_remove (int_id);
  g_clear_handle_id (&self.timeout_id, g_source_remove);
  stop_waiting_for_app (&self);
  g_clear_object (&self.notification);
  g_clear_object (&self.cancellable);
  g_clear_pointer (&self.last_report, g_free);
  g_main_loop_unref (self.loop);
  return self.status;
}
