/* tn-background.c — sends the weekly reminder if it is due (`--remind` and
 * `--background` share this), and TnBackground, the reminder service the application
 * runs for `trustnet --background`: a check at start, then one each time the reminder
 * could next be due (at most an hour apart, so a resume from suspend is noticed within
 * the hour), and the notification's actions handled for as long as it lives. The
 * notification names its contact by uid, never by row id, and is withdrawn when the
 * service goes away, so no button is left on screen that nobody serves.
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
#include "tn-text.h"

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

/* The uid of the contact with row id @id, or NULL: what outlives this moment (a
 * notification on screen) names the contact by uid, which is never reused. */
static char *
uid_of (TnStore *store,
        gint64   id)
{
  TnContact *contact = id != 0 ? tn_store_get_contact_by_id (store, id) : NULL;

  return contact != NULL ? g_strdup (tn_contact_get_uid (contact)) : NULL;
}

/* Sends this week's reminder if it is due; @report is the line that says what happened
 * (`sent: Ada Lovelace`, `not due: …`), for the caller to print. */
static gboolean
remind_if_due (TnStore               *store,
               GSettings             *settings,
               TnNotifierActionFunc   func,
               gpointer               user_data,
               NotifyNotification   **sent,
               char                 **contact_uid,
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
  *contact_uid = NULL;
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

  tn_reminder_week_of (now, &year, &week);
  if (!tn_store_claim_reminder (store, year, week, &claimed, error))
    return FALSE;
  if (!claimed)
    {
      *report = g_strdup (tn_reminder_verdict_describe (TN_REMINDER_ALREADY_SENT));
      return TRUE;
    }

  notification = tn_notifier_send_reminder (suggestion.name, suggestion.body, func, user_data, error);
  if (notification == NULL)
    {
      g_autoptr(GError) unclaim_error = NULL;

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
  *contact_uid = uid_of (store, suggestion.contact_id);
  return TRUE;
}

/**
 * tn_background_remind_if_due:
 * @store: the database
 * @settings: the app's settings
 * @func: (nullable): called with the action the person picks
 * @user_data: for @func
 * @sent: (out) (transfer full): the notification sent, %NULL when none was
 * @error: return location for a #GError
 *
 * Sends this week's reminder if it is due and prints what it did on stdout
 * (`sent: Ada Lovelace`, `not due: …`). Without @func the notification has no buttons:
 * a process that exits right after sending (`--remind`) could not serve them.
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
                             GError               **error)
{
  g_autofree char *report = NULL;
  g_autofree char *contact_uid = NULL;

  g_return_val_if_fail (TN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (sent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!remind_if_due (store, settings, func, user_data, sent, &contact_uid, &report, error))
    return FALSE;

  tn_text_print (FALSE, "%s\n", report);
  return TRUE;
}

struct _TnBackground
{
  GObject parent_instance;

  TnStore *store;
  GSettings *settings;
  NotifyNotification *notification;
  /* Whom the notification on screen suggests; "Someone else" moves on by @skip. */
  char *contact_uid;
  guint skip;
  guint timeout_id;
  /* The last line a check printed: the same verdict is not printed every hour. */
  char *last_report;
};

G_DEFINE_FINAL_TYPE (TnBackground, tn_background, G_TYPE_OBJECT)

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_action (const char *action,
                       const char *activation_token,
                       gpointer    user_data);

/* The suggested contact as the database has it now: another process may have deleted
 * them since the notification went out. (A store that cannot read the changes now
 * reads them at its next look; what it has is the best answer meanwhile.) */
static TnContact *
find_suggested (TnBackground *self)
{
  if (self->contact_uid == NULL)
    return NULL;
  tn_store_check_for_changes (self->store, NULL);
  return tn_store_get_contact_by_uid (self->store, self->contact_uid);
}

static void
log_lunch (TnBackground *self)
{
  TnContact *contact = find_suggested (self);
  g_autoptr(TnInteraction) interaction = NULL;
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (contact == NULL)
    {
      tn_text_print (TRUE, "trustnet: %s\n", _("The suggested contact was deleted; nothing was logged"));
      return;
    }

  interaction = tn_interaction_new (TN_INTERACTION_LUNCH, today);
  tn_interaction_set_one_on_one (interaction, TRUE);
  if (!tn_store_log_interaction (self->store, contact, interaction, &error))
    {
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      return;
    }

  /* TRANSLATORS: what --background prints after "Log lunch", e.g. "logged lunch: Ada Lovelace" */
  tn_text_print (FALSE, _("logged lunch: %s\n"), tn_contact_get_full_name (contact));
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
  g_autofree char *uid = NULL;
  g_autofree char *body = NULL;
  const char *name;
  gboolean alone;

  tn_store_check_for_changes (self->store, NULL);
  if (!suggest (self->store, self->settings, now, self->skip + 1, &suggestion, &error))
    {
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      return;
    }

  name = suggestion.name;
  uid = uid_of (self->store, suggestion.contact_id);
  alone = name != NULL && g_strcmp0 (uid, self->contact_uid) == 0;
  if (alone)
    /* TRANSLATORS: the reminder's body after "Someone else" when only one person can
     * be suggested; %s is the usual suggestion, e.g. "Ada Lovelace trusts you completely — …" */
    body = g_strdup_printf (_("No one else to suggest this week. %s"), suggestion.body);
  else
    body = g_strdup (suggestion.body);

  if (!tn_notifier_update_reminder (self->notification, name, body, on_action, self, &error))
    {
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      return;
    }

  self->skip++;
  g_free (self->contact_uid);
  self->contact_uid = g_steal_pointer (&uid);
  if (alone)
    /* TRANSLATORS: what --background prints after "Someone else" when there is no one else */
    tn_text_print (FALSE, _("no one else to suggest: %s\n"), name);
  else if (name != NULL)
    /* TRANSLATORS: what --background prints after "Someone else", e.g. "suggested: Alan Turing" */
    tn_text_print (FALSE, _("suggested: %s\n"), name);
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
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      return;
    }

  /* TRANSLATORS: what --background prints after "Remind me tomorrow" */
  tn_text_print (FALSE, _("snoozed until %s\n"), text);
}

/* A click on the notification: the application opens its window on the contact, in
 * this very process, since the reminder runs inside the one TrustNet of the database. */
static void
open_contact (TnBackground *self,
              const char   *activation_token)
{
  TnContact *contact = find_suggested (self);

  g_signal_emit (self, signals[OPEN_CONTACT], 0,
                 contact != NULL ? tn_contact_get_uid (contact) : NULL, activation_token);
  /* TRANSLATORS: what --background prints after a click on the reminder, e.g. "opened: Ada Lovelace" */
  tn_text_print (FALSE, _("opened: %s\n"), contact != NULL ? tn_contact_get_full_name (contact) : "TrustNet");
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
  g_autofree char *contact_uid = NULL;
  NotifyNotification *sent = NULL;

  /* What other processes wrote since the last check decides whom to suggest. */
  tn_store_check_for_changes (self->store, NULL);
  if (!remind_if_due (self->store, self->settings, on_action, self, &sent, &contact_uid, &report, &error))
    {
      tn_text_print (TRUE, "trustnet: %s\n", error->message);
      g_clear_pointer (&self->last_report, g_free);
      return;
    }

  /* Checks come hourly; a verdict is news only when it changes. */
  if (g_strcmp0 (report, self->last_report) != 0)
    tn_text_print (FALSE, "%s\n", report);
  g_free (self->last_report);
  self->last_report = g_steal_pointer (&report);

  if (sent != NULL)
    {
      g_clear_object (&self->notification);
      self->notification = sent;
      g_free (self->contact_uid);
      self->contact_uid = g_steal_pointer (&contact_uid);
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
  tn_text_print (FALSE, _("next check: %s (every hour at most; reminder time: %s)\n"), when, reminder_time);
}

/* Withdraws the notification: its buttons would find nobody once this service is gone. */
static void
withdraw (TnBackground *self)
{
  if (self->notification == NULL)
    return;

  if (!notify_notification_close (self->notification, NULL))
    g_debug ("The reminder could not be withdrawn: the notification server is gone");
  g_clear_object (&self->notification);
}

static void
tn_background_dispose (GObject *object)
{
  TnBackground *self = (TnBackground *) object;

  withdraw (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tn_background_parent_class)->dispose (object);
}

static void
tn_background_finalize (GObject *object)
{
  TnBackground *self = (TnBackground *) object;

  g_clear_pointer (&self->contact_uid, g_free);
  g_clear_pointer (&self->last_report, g_free);

  G_OBJECT_CLASS (tn_background_parent_class)->finalize (object);
}

static void
tn_background_class_init (TnBackgroundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_background_dispose;
  object_class->finalize = tn_background_finalize;

  /**
   * TnBackground::open-contact:
   * @self: the service
   * @uid: (nullable): the suggested contact's uid, %NULL when they are gone or there
   *   was no one to suggest
   * @activation_token: (nullable): the token of the click, for the window to take the focus
   *
   * The person clicked the notification: the window should open on @uid.
   */
  signals[OPEN_CONTACT] = g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
tn_background_init (TnBackground *self)
{
}

/**
 * tn_background_new:
 * @store: the database
 * @settings: the app's settings
 *
 * Returns: (transfer full): a reminder service, not started yet
 */
TnBackground *
tn_background_new (TnStore   *store,
                   GSettings *settings)
{
  TnBackground *self;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TN_TYPE_BACKGROUND, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  return self;
}

/**
 * tn_background_start:
 * @self: a reminder service
 *
 * Checks now, prints the verdict and when the next check is, then keeps checking on
 * the main loop, printing a line only when something happens or the verdict changes.
 * Disposing the service stops it and withdraws its notification.
 */
void
tn_background_start (TnBackground *self)
{
  g_autoptr(GDateTime) next = NULL;

  g_return_if_fail (TN_IS_BACKGROUND (self));
  g_return_if_fail (self->timeout_id == 0);

  check (self);
  next = schedule (self);
  print_next_check (self, next);
}
