/* tn-background.c — sends the weekly reminder if it is due (`--remind` and
 * `--background` share this), and `trustnet --background`: no window, a check at
 * start, then one each time the reminder could next be due (at most an hour apart, so
 * a resume from suspend is noticed within the hour), the notification's actions
 * handled, and a clean exit on SIGTERM or SIGINT.
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

#define MAX_SLEEP_US G_TIME_SPAN_HOUR

/* The suggestion for @now, passing over the first @skip people; @name is %NULL when
 * there is no one to suggest. */
static gboolean
suggest (TnStore     *store,
         GSettings   *settings,
         GDateTime   *now,
         guint        skip,
         gint64      *contact_id,
         char       **name,
         char       **body,
         TnReminderReason *reason_out,
         GError     **error)
{
  g_autoptr(GArray) candidates = NULL;
  const TnReminderCandidate *chosen = NULL;
  TnReminderReason reason;
  TnCadence cadence;
  gint64 id;

  tn_cadence_init_from_settings (&cadence, settings);
  candidates = tn_store_list_reminder_candidates (store, &cadence, error);
  if (candidates == NULL)
    return FALSE;

  id = tn_reminder_suggest ((const TnReminderCandidate *) (gpointer) candidates->data, candidates->len,
                            now, skip, &reason);
  for (guint i = 0; id != 0 && i < candidates->len; i++)
    {
      if (g_array_index (candidates, TnReminderCandidate, i).id == id)
        chosen = &g_array_index (candidates, TnReminderCandidate, i);
    }

  if (reason_out != NULL)
    *reason_out = reason;
  *contact_id = chosen != NULL ? chosen->id : 0;
  *name = chosen != NULL ? g_strdup (chosen->name) : NULL;
  if (chosen != NULL)
    *body = tn_reminder_describe_suggestion (chosen->name, chosen->trust, chosen->last_met, now);
  else if (reason == TN_REMINDER_REASON_NO_CANDIDATES)
    *body = g_strdup (_("Import your contacts to get a suggestion: drag vCard files onto TrustNet."));
  else
    *body = g_strdup (_("You have already met everyone this week. Who else could you invite?"));

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
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  TnReminderState state = { 0 };
  TnReminderVerdict verdict;
  TnReminderReason reason;
  NotifyNotification *notification;
  int weekday, hour, year, week;
  gboolean claimed;

  *sent = NULL;
  *contact_id = 0;

  weekday = g_settings_get_int (settings, "reminder-weekday");
  hour = g_settings_get_int (settings, "reminder-hour");

  if (!tn_store_get_reminder_state (store, &state, now, error))
    return FALSE;
  state.enabled = g_settings_get_boolean (settings, "reminder-enabled");

  verdict = tn_reminder_check (&state, now, weekday, hour);
  if (verdict != TN_REMINDER_DUE)
    {
      g_print ("%s\n", tn_reminder_verdict_describe (verdict));
      return TRUE;
    }

  if (!suggest (store, settings, now, 0, contact_id, &name, &body, &reason, error))
    return FALSE;

  tn_reminder_week_of (now, &year, &week);
  if (!tn_store_claim_reminder (store, year, week, &claimed, error))
    return FALSE;
  if (!claimed)
    {
      g_print ("%s\n", tn_reminder_verdict_describe (TN_REMINDER_ALREADY_SENT));
      return TRUE;
    }

  notification = tn_notifier_send_reminder (name, body, func, user_data, error);
  if (notification == NULL)
    {
      g_autoptr(GError) unclaim_error = NULL;

      if (!tn_store_unclaim_reminder (store, &state, &unclaim_error))
        g_warning ("Could not take back this week's reminder: %s", unclaim_error->message);
      return FALSE;
    }

  if (name != NULL)
    /* TRANSLATORS: what --remind prints after sending, e.g. "sent: Ada Lovelace" */
    g_print (_("sent: %s\n"), name);
  else if (reason == TN_REMINDER_REASON_NO_CANDIDATES)
    g_print ("%s\n", _("sent: no contacts yet"));
  else
    g_print ("%s\n", _("sent: everyone already met this week"));

  *sent = notification;
  return TRUE;
}

typedef struct
{
  TnStore *store;
  GSettings *settings;
  GMainLoop *loop;
  NotifyNotification *notification;
  gint64 contact_id;
  guint skip;
  guint timeout_id;
  int status;
} TnBackground;

static void on_action (const char *action, gpointer user_data);

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

static void
someone_else (TnBackground *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  if (!suggest (self->store, self->settings, now, self->skip + 1, &id, &name, &body, NULL, &error) ||
      !tn_notifier_update_reminder (self->notification, name, body, on_action, self, &error))
    {
      g_printerr ("trustnet: %s\n", error->message);
      return;
    }

  self->skip++;
  self->contact_id = id;
  if (name != NULL)
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

/* A click opens TrustNet on the suggested person: the app's "show-contact"
 * action, asked for over D-Bus, so the running window is reused (or the
 * installed D-Bus service starts one). */
static void
open_contact (TnBackground *self)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder parameter;

  g_variant_builder_init (&parameter, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameter, "v", g_variant_new_int64 (self->contact_id));

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, "/org/example/TrustNet",
                                         "org.freedesktop.Application", "ActivateAction",
                                         g_variant_new ("(sava{sv})", "show-contact", &parameter, NULL),
                                         NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  else
    g_variant_builder_clear (&parameter);

  if (reply == NULL)
    {
      g_printerr ("trustnet: could not open TrustNet: %s\n", error->message);
      return;
    }

  g_print ("opened: contact %" G_GINT64_FORMAT "\n", self->contact_id);
}

static void
on_action (const char *action,
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
    open_contact (self);
}

static gboolean on_check_cb (gpointer user_data);

static void
schedule (TnBackground *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) next = NULL;
  GTimeSpan wait_us;

  next = tn_reminder_next_check (now,
                                 g_settings_get_int (self->settings, "reminder-weekday"),
                                 g_settings_get_int (self->settings, "reminder-hour"));
  wait_us = CLAMP (g_date_time_difference (next, now), 0, MAX_SLEEP_US);

  /* A little after the due time, never before it. */
  self->timeout_id = g_timeout_add ((guint) (wait_us / 1000) + 100, on_check_cb, self);
}

static void
check (TnBackground *self)
{
  g_autoptr(GError) error = NULL;
  NotifyNotification *sent = NULL;
  gint64 contact_id = 0;

  if (!tn_background_remind_if_due (self->store, self->settings, on_action, self, &sent, &contact_id, &error))
    g_printerr ("trustnet: %s\n", error->message);

  if (sent != NULL)
    {
      g_clear_object (&self->notification);
      self->notification = sent;
      self->contact_id = contact_id;
      self->skip = 0;
    }
}

static gboolean
on_check_cb (gpointer user_data)
{
  TnBackground *self = user_data;

  self->timeout_id = 0;
  check (self);
  schedule (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_signal_cb (gpointer user_data)
{
  TnBackground *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_CONTINUE;
}

/**
 * tn_background_run:
 * @store: the database
 * @settings: the app's settings
 *
 * Runs until SIGTERM or SIGINT.
 *
 * Returns: the exit status
 */
int
tn_background_run (TnStore   *store,
                   GSettings *settings)
{
  TnBackground self = { 0 };
  guint term_id, int_id;

  self.store = store;
  self.settings = settings;
  self.loop = g_main_loop_new (NULL, FALSE);

  term_id = g_unix_signal_add (SIGTERM, on_signal_cb, &self);
  int_id = g_unix_signal_add (SIGINT, on_signal_cb, &self);

  check (&self);
  schedule (&self);
  g_main_loop_run (self.loop);

  g_source_remove (term_id);
  g_source_remove (int_id);
  g_clear_handle_id (&self.timeout_id, g_source_remove);
  g_clear_object (&self.notification);
  g_main_loop_unref (self.loop);
  return self.status;
}
