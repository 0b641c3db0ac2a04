/* tn-sync-controller.c — the window's side of sync: decides when to sync, runs the engine in
 * a worker thread with a TnStore of its own on the same file (the window's store then takes
 * in what it wrote through the change feed), and words the outcome for the status row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-carddav.h"
#include "tn-self-settings.h"
#include "tn-sync-controller.h"
#include "tn-sync-enums.h"
#include "tn-sync-password.h"

/* "A few seconds after a local change": edits in a row are sent together. */
#define CHANGE_DELAY_MS (5 * 1000)
#define PERIOD_MS (15 * 60 * 1000)
#define NEW_BOOK_NAME "TrustNet"
#define PASSWORD_VARIABLE "TRUSTNET_SYNC_PASSWORD"

struct _TnSyncController
{
  GObject       parent_instance;

  /* The window's store, for reading the account and taking in what sync wrote; held, as a
   * sync under way at shutdown finishes after the window has let go of it. */
  TnStore      *store;
  char         *path;

  /* Tells when the network comes back; the default one, or a test's. */
  GNetworkMonitor *monitor;
  guint         change_delay_ms;
  guint         period_ms;

  char         *status;
  TnSyncState   state;
  double        fraction;
  gboolean      busy;
  /* The last sync could not reach the server: the network coming back retries at once. */
  gboolean      offline;
  /* A sync was asked for (or the store changed) while one ran: run again afterwards. */
  gboolean      again;
  /* Set while the window's store takes in what sync wrote: those are not local changes. */
  gboolean      taking_in;
  gboolean      started;

  /* The goal and employer, whose changes are sent as the store's are. */
  GSettings    *settings;

  GCancellable *cancellable;
  guint         change_source;
  guint         period_source;
};

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_BUSY,
  PROP_STATE,
  PROP_FRACTION,
  N_PROPS
};

enum
{
  SIGNAL_REMOVED_ON_SERVER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TnSyncController, tn_sync_controller, G_TYPE_OBJECT)

/* ---- Worker jobs: they copy what they need and never touch the controller ------------------ */

typedef struct
{
  char *path;
  char *server_url;
  char *user;
  char *password;
  char *book_url;
  /* A sync that failed after removing contacts deleted on the server: what it removed. */
  GPtrArray *removed_before_failing;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->server_url);
  g_free (job->user);
  g_free (job->password);
  g_free (job->book_url);
  g_clear_pointer (&job->removed_before_failing, g_ptr_array_unref);
  g_free (job);
}

static void
report_free (TnSyncReport *report)
{
  tn_sync_report_clear (report);
  g_free (report);
}

/* How far a worker's sync is, on its way to the main thread. */
typedef struct
{
  GTask *task;
  guint  received;
  guint  total;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->task);
  g_free (progress);
}

static void show_progress (TnSyncController *self,
                           guint             received,
                           guint             total);

static gboolean
on_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  TnSyncController *self = g_task_get_source_object (progress->task);
  GCancellable *cancellable = g_task_get_cancellable (progress->task);

  /* Late news of a sync already over (its cancellable is gone) is not this sync's. */
  if (cancellable == self->cancellable && !g_cancellable_is_cancelled (cancellable))
    show_progress (self, progress->received, progress->total);
  return G_SOURCE_REMOVE;
}

/* On the worker's thread: the task holds the controller, which only the main thread reads. */
static void
on_sync_progress_cb (guint    received,
                     guint    total,
                     gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->task = g_object_ref (user_data);
  progress->received = received;
  progress->total = total;
  g_main_context_invoke_full (g_task_get_context (progress->task), G_PRIORITY_DEFAULT, on_progress_cb, progress,
                              (GDestroyNotify) progress_free);
}

/* One sync with the worker's store; its report (or error) is the task's result. */
static void
return_sync_run (GTask        *task,
                 TnStore      *store,
                 const char   *password,
                 GCancellable *cancellable)
{
  TnSyncReport *report = g_new0 (TnSyncReport, 1);
  GError *error = NULL;

  if (!tn_sync_run_with_progress (store, password, report, on_sync_progress_cb, task, cancellable, &error))
    {
      Job *job = g_task_get_task_data (task);

      /* Those removals are written: the window still offers their Undo. */
      if (job != NULL && report->removed != NULL && report->removed->len > 0)
        job->removed_before_failing = g_steal_pointer (&report->removed);
      report_free (report);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, report, (GDestroyNotify) report_free);
}

/* The worker's own connection to the window's database. The engine reads and writes
 * through SQL alone: the list of every contact is not read for it. */
static TnStore *
open_worker_store (const char  *path,
                   GError     **error)
{
  return tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, error);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(TnStore) store = NULL;
  g_autoptr(TnSyncAccount) account = NULL;
  g_autofree char *password = NULL;
  GError *error = NULL;

  store = open_worker_store (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  account = tn_sync_get_account (store);
  if (account == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  password = tn_sync_password_lookup (account->server_url, account->user, &error);
  if (password == NULL && error == NULL)
    error = g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_AUTH,
                         _("The keyring holds no password for %s; set sync up again."), account->user);
  if (password == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  return_sync_run (task, store, password, cancellable);
}

static void
set_up_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(TnStore) store = NULL;
  g_autofree char *created = NULL;
  g_autofree char *book_url = NULL;
  GError *error = NULL;

  store = open_worker_store (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->book_url == NULL)
    {
      g_autoptr(TnCardDav) dav = tn_carddav_new (job->server_url, job->user, job->password);

      created = tn_carddav_create_book_sync (dav, NEW_BOOK_NAME, cancellable, &error);
      if (created == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (!tn_sync_setup (store, job->server_url, job->user, job->password,
                      job->book_url != NULL ? job->book_url : created, &book_url, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Without the password in the keyring, the next sync could not run: not set up then.
   * With TRUSTNET_SYNC_PASSWORD, which wins over the keyring, every sync takes it from
   * there: a keyring that may not even run (scripts, tests) is left alone. */
  if (g_getenv (PASSWORD_VARIABLE) == NULL
      && !tn_sync_password_store (job->server_url, job->user, job->password, &error))
    {
      tn_sync_forget (store, NULL);
      g_task_return_error (task, error);
      return;
    }

  return_sync_run (task, store, job->password, cancellable);
}

static void
find_books_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(TnCardDav) dav = tn_carddav_new (job->server_url, job->user, job->password);
  GError *error = NULL;
  GPtrArray *books;

  books = tn_carddav_discover_books_sync (dav, cancellable, &error);
  if (books == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, books, (GDestroyNotify) g_ptr_array_unref);
}

static Job *
job_new (TnSyncController *self,
         const char       *server_url,
         const char       *user,
         const char       *password,
         const char       *book_url)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (self->path);
  job->server_url = g_strdup (server_url);
  job->user = g_strdup (user);
  job->password = g_strdup (password);
  job->book_url = g_strdup (book_url);
  return job;
}

/* ---- Status ------------------------------------------------------------------------------- */

static void
set_status (TnSyncController *self,
            const char       *status)
{
  /* g_set_str is GLib 2.76; Debian 12 has 2.74. */
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_busy (TnSyncController *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_fraction (TnSyncController *self,
              double            fraction)
{
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* The state and its words change together; the state is notified last, so that whoever
 * follows it reads the new words. */
static void
show_state (TnSyncController *self,
            TnSyncState       state,
            const char       *status)
{
  set_status (self, status);
  if (state != TN_SYNC_STATE_SYNCING)
    set_fraction (self, -1);
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* "Receiving 1,200 of 10,000 contacts…": a first sync of a big address book takes a while.
 * While the cards are downloaded (0 of 0) nothing is counted yet: words, no bar. */
static void
show_progress (TnSyncController *self,
               guint             received,
               guint             total)
{
  g_autofree char *status = NULL;

  if (self->state != TN_SYNC_STATE_SYNCING)
    return;
  if (total == 0)
    {
      set_status (self, _("Downloading contacts from the server…"));
      set_fraction (self, -1);
      return;
    }

  /* TRANSLATORS: "Receiving 1,200 of 10,000 contacts…" (%'u groups the digits as the language does) */
  status = g_strdup_printf (ngettext ("Receiving %'u of %'u contact…", "Receiving %'u of %'u contacts…", total),
                            received, total);
  set_status (self, status);
  set_fraction (self, (double) MIN (received, total) / total);
}

static void
show_synced (TnSyncController   *self,
             const TnSyncReport *report)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *status = NULL;

  /* TRANSLATORS: "Synced with dav.example.org at 10:42" */
  status = g_strdup_printf (_("Synced with %s at %s"), report->host, time);
  self->offline = FALSE;
  show_state (self, TN_SYNC_STATE_SYNCED, status);
}

static void
show_failure (TnSyncController *self,
              const GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->offline = g_error_matches (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_UNREACHABLE);
  if (self->offline && !g_network_monitor_get_network_available (self->monitor))
    {
      show_state (self, TN_SYNC_STATE_OFFLINE, _("Offline — your changes are kept and will be sent"));
      return;
    }
  if (self->offline)
    {
      /* TRANSLATORS: %s is a message like "The server dav.example.org could not be reached: …" */
      g_autofree char *status = g_strdup_printf (_("%s — your changes are kept and will be sent"), error->message);

      show_state (self, TN_SYNC_STATE_OFFLINE, status);
      return;
    }

  show_state (self, TN_SYNC_STATE_FAILED, error->message);
}

/* Contacts this sync removed because their cards were deleted on the server (a
 * TnSyncReport's removed, %NULL for none): the window says so, with Undo
 * (tn_sync_controller_restore()). */
static void
announce_removed (TnSyncController *self,
                  GPtrArray        *removed_list)
{
  g_autoptr(GStrvBuilder) uids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) uid_list = NULL;
  g_auto(GStrv) name_list = NULL;

  if (removed_list == NULL || removed_list->len == 0)
    return;

  for (guint i = 0; i < removed_list->len; i++)
    {
      const TnSyncRemoved *removed = g_ptr_array_index (removed_list, i);

      g_strv_builder_add (uids, removed->uid);
      g_strv_builder_add (names, removed->full_name);
    }
  uid_list = g_strv_builder_end (uids);
  name_list = g_strv_builder_end (names);
  g_signal_emit (self, signals[SIGNAL_REMOVED_ON_SERVER], 0, uid_list, name_list);
}

/* What the worker wrote reaches the window now, not at the store's next look; the signals
 * that brings are not changes made here. */
static void
take_in_changes (TnSyncController *self)
{
  g_autoptr(GError) error = NULL;

  self->taking_in = TRUE;
  if (!tn_store_check_for_changes (self->store, &error))
    g_debug ("Could not take in what sync wrote: %s", error->message);
  self->taking_in = FALSE;
}

static void start_sync (TnSyncController *self);

static void
finish_run (TnSyncController *self,
            GTask            *task)
{
  g_autoptr(GError) error = NULL;
  Job *job = g_task_get_task_data (task);
  TnSyncReport *report;

  take_in_changes (self);
  report = g_task_propagate_pointer (task, &error);
  if (report != NULL)
    show_synced (self, report);
  else if (error != NULL)
    show_failure (self, error);
  else
    show_state (self, TN_SYNC_STATE_OFF, NULL);

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  announce_removed (self, report != NULL ? report->removed
                                         : job != NULL ? job->removed_before_failing : NULL);
  g_clear_pointer (&report, report_free);

  if (self->again)
    {
      self->again = FALSE;
      start_sync (self);
    }
}

static void
on_sync_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  finish_run (TN_SYNC_CONTROLLER (source_object), G_TASK (result));
}

static void
start_sync (TnSyncController *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(TnSyncAccount) account = tn_sync_get_account (self->store);

  if (account == NULL)
    {
      show_state (self, TN_SYNC_STATE_OFF, NULL);
      return;
    }

  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  set_busy (self, TRUE);
  set_fraction (self, -1);
  show_state (self, TN_SYNC_STATE_SYNCING, _("Syncing…"));
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_sync_done_cb, NULL);
  g_task_set_source_tag (task, start_sync);
  g_task_set_task_data (task, job_new (self, NULL, NULL, NULL, NULL), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, sync_thread);
}

void
tn_sync_controller_sync_now (TnSyncController *self)
{
  g_return_if_fail (TN_IS_SYNC_CONTROLLER (self));

  start_sync (self);
}

/* ---- When to sync ------------------------------------------------------------------------- */

static gboolean
on_change_delay_cb (gpointer user_data)
{
  TnSyncController *self = user_data;

  self->change_source = 0;
  start_sync (self);
  return G_SOURCE_REMOVE;
}

static void
on_local_change_cb (TnSyncController *self)
{
  if (self->taking_in)
    return;
  /* During a sync this may be the worker's own writes arriving, or an edit: one more sync
   * afterwards covers both, and finds nothing to do in the first case. */
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  g_clear_handle_id (&self->change_source, g_source_remove);
  self->change_source = g_timeout_add (self->change_delay_ms, on_change_delay_cb, self);
}

static void
on_items_changed_cb (GListModel       *contacts,
                     guint             position,
                     guint             removed,
                     guint             added,
                     TnSyncController *self)
{
  on_local_change_cb (self);
}

static gboolean
on_period_cb (gpointer user_data)
{
  start_sync (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed_cb (GNetworkMonitor  *monitor,
                       gboolean          available,
                       TnSyncController *self)
{
  if (available && self->offline)
    start_sync (self);
}

void
tn_sync_controller_start (TnSyncController *self)
{
  g_return_if_fail (TN_IS_SYNC_CONTROLLER (self));

  if (self->started)
    return;
  self->started = TRUE;

  g_signal_connect_object (tn_store_get_contacts (self->store), "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (self->store, "interactions-changed", G_CALLBACK (on_local_change_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "brand-changed", G_CALLBACK (on_local_change_cb), self,
                           G_CONNECT_SWAPPED);
  /* The times change only with the values (tn_self_settings_set()). */
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::" TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT, G_CALLBACK (on_local_change_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" TN_SELF_SETTINGS_EMPLOYER TN_SELF_SETTINGS_CHANGED_AT, G_CALLBACK (on_local_change_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "network-changed", G_CALLBACK (on_network_changed_cb), self, 0);
  self->period_source = g_timeout_add (self->period_ms, on_period_cb, self);

  start_sync (self);
}

/* ---- Setting up and forgetting ------------------------------------------------------------ */

void
tn_sync_controller_find_books_async (TnSyncController    *self,
                                     const char          *server_url,
                                     const char          *user,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TN_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (server_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_sync_controller_find_books_async);
  g_task_set_task_data (task, job_new (self, server_url, user, password, NULL), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, find_books_thread);
}

GPtrArray *
tn_sync_controller_find_books_finish (TnSyncController  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_set_up_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TnSyncController *self = TN_SYNC_CONTROLLER (source_object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSyncAccount) account = NULL;
  TnSyncReport *report;

  take_in_changes (self);
  report = g_task_propagate_pointer (G_TASK (result), &error);
  account = tn_sync_get_account (self->store);
  set_busy (self, FALSE);

  /* Set up, but the first sync failed: the account stays, and the status says why. */
  if (report == NULL && account != NULL)
    {
      show_failure (self, error);
      g_task_return_boolean (outer, TRUE);
      return;
    }
  if (report == NULL)
    {
      show_state (self, TN_SYNC_STATE_OFF, NULL);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  show_synced (self, report);
  report_free (report);
  tn_sync_controller_start (self);
  g_task_return_boolean (outer, TRUE);
}

void
tn_sync_controller_set_up_async (TnSyncController    *self,
                                 const char          *server_url,
                                 const char          *user,
                                 const char          *password,
                                 const char          *book_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TN_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tn_sync_controller_set_up_async);

  set_busy (self, TRUE);
  show_state (self, TN_SYNC_STATE_SYNCING, _("Setting up sync…"));
  task = g_task_new (self, cancellable, on_set_up_done_cb, outer);
  g_task_set_task_data (task, job_new (self, server_url, user, password, book_url), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, set_up_thread);
}

gboolean
tn_sync_controller_set_up_finish (TnSyncController  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
tn_sync_controller_forget (TnSyncController  *self,
                           GError           **error)
{
  g_autoptr(TnSyncAccount) account = NULL;
  g_autoptr(GError) keyring_error = NULL;

  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), FALSE);

  account = tn_sync_get_account (self->store);
  if (account == NULL)
    return TRUE;

  g_cancellable_cancel (self->cancellable);
  if (!tn_sync_forget (self->store, error))
    return FALSE;

  /* The account is gone either way; a password left in an unreachable keyring is unused.
   * With TRUSTNET_SYNC_PASSWORD the keyring was never asked. */
  if (g_getenv (PASSWORD_VARIABLE) == NULL
      && !tn_sync_password_clear (account->server_url, account->user, &keyring_error))
    g_debug ("The sync password could not be removed from the keyring: %s", keyring_error->message);

  self->offline = FALSE;
  show_state (self, TN_SYNC_STATE_OFF, NULL);
  return TRUE;
}

/**
 * tn_sync_controller_restore:
 * @self: a controller
 * @uids: (array zero-terminated=1): contacts removed because their cards were deleted on
 *   the server, as #TnSyncController::removed-on-server gave them
 * @error: return location for a #GError
 *
 * Undo: each comes back with its interactions and ratings, as after Delete → Undo, and as
 * a change made here, so the next sync (a few seconds later) puts its card back.
 *
 * Returns: %TRUE if all are back; on failure those before stay restored
 */
gboolean
tn_sync_controller_restore (TnSyncController   *self,
                            const char * const *uids,
                            GError            **error)
{
  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), FALSE);
  g_return_val_if_fail (uids != NULL, FALSE);

  for (guint i = 0; uids[i] != NULL; i++)
    if (!tn_store_restore_contact_by_uid (self->store, uids[i], error))
      return FALSE;

  return TRUE;
}

/* ---- Reading ------------------------------------------------------------------------------ */

const char *
tn_sync_controller_get_status (TnSyncController *self)
{
  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), NULL);

  return self->status;
}

gboolean
tn_sync_controller_get_busy (TnSyncController *self)
{
  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), FALSE);

  return self->busy;
}

TnSyncState
tn_sync_controller_get_state (TnSyncController *self)
{
  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), TN_SYNC_STATE_OFF);

  return self->state;
}

double
tn_sync_controller_get_fraction (TnSyncController *self)
{
  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), -1);

  return self->fraction;
}

TnSyncAccount *
tn_sync_controller_get_account (TnSyncController *self)
{
  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (self), NULL);

  return tn_sync_get_account (self->store);
}

/* ---- GObject ------------------------------------------------------------------------------ */

TnSyncController *
tn_sync_controller_new (TnStore *store)
{
  return tn_sync_controller_new_full (store, g_network_monitor_get_default (), CHANGE_DELAY_MS, PERIOD_MS);
}

TnSyncController *
tn_sync_controller_new_full (TnStore         *store,
                             GNetworkMonitor *monitor,
                             guint            change_delay_ms,
                             guint            period_ms)
{
  TnSyncController *self;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_NETWORK_MONITOR (monitor), NULL);
  g_return_val_if_fail (period_ms > 0, NULL);

  self = g_object_new (TN_TYPE_SYNC_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (tn_store_get_path (store));
  self->monitor = g_object_ref (monitor);
  self->change_delay_ms = change_delay_ms;
  self->period_ms = period_ms;
  return self;
}

static void
tn_sync_controller_dispose (GObject *object)
{
  TnSyncController *self = TN_SYNC_CONTROLLER (object);

  /* A sync under way stops at its next request; its task keeps what it needs. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->change_source, g_source_remove);
  g_clear_handle_id (&self->period_source, g_source_remove);

  G_OBJECT_CLASS (tn_sync_controller_parent_class)->dispose (object);
}

static void
tn_sync_controller_finalize (GObject *object)
{
  TnSyncController *self = TN_SYNC_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (tn_sync_controller_parent_class)->finalize (object);
}

static void
tn_sync_controller_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TnSyncController *self = TN_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_sync_controller_class_init (TnSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_sync_controller_dispose;
  object_class->finalize = tn_sync_controller_finalize;
  object_class->get_property = tn_sync_controller_get_property;

  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, TN_TYPE_SYNC_STATE, TN_SYNC_STATE_OFF,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TnSyncController::removed-on-server:
   * @uids: the removed contacts' uids, for tn_sync_controller_restore()
   * @names: their names, in the same order
   *
   * A sync removed these contacts here because their cards were deleted on the server.
   */
  signals[SIGNAL_REMOVED_ON_SERVER] = g_signal_new ("removed-on-server", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRV);
}

static void
tn_sync_controller_init (TnSyncController *self)
{
  self->fraction = -1;
}
