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
#include "tn-sync-controller.h"
#include "tn-sync-password.h"

/* "A few seconds after a local change": edits in a row are sent together. */
#define CHANGE_DELAY_SECONDS 5
#define PERIOD_SECONDS (15 * 60)
#define NEW_BOOK_NAME "TrustNet"
#define PASSWORD_VARIABLE "TRUSTNET_SYNC_PASSWORD"

struct _TnSyncController
{
  GObject       parent_instance;

  /* The window's store, for reading the account and taking in what sync wrote; held, as a
   * sync under way at shutdown finishes after the window has let go of it. */
  TnStore      *store;
  char         *path;

  char         *status;
  gboolean      busy;
  /* The last sync could not reach the server: the network coming back retries at once. */
  gboolean      offline;
  /* A sync was asked for (or the store changed) while one ran: run again afterwards. */
  gboolean      again;
  /* Set while the window's store takes in what sync wrote: those are not local changes. */
  gboolean      taking_in;
  gboolean      started;

  GCancellable *cancellable;
  guint         change_source;
  guint         period_source;
};

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TnSyncController, tn_sync_controller, G_TYPE_OBJECT)

/* ---- Worker jobs: they copy what they need and never touch the controller ------------------ */

typedef struct
{
  char *path;
  char *server_url;
  char *user;
  char *password;
  char *book_url;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->server_url);
  g_free (job->user);
  g_free (job->password);
  g_free (job->book_url);
  g_free (job);
}

static void
report_free (TnSyncReport *report)
{
  tn_sync_report_clear (report);
  g_free (report);
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

  if (!tn_sync_run (store, password, report, cancellable, &error))
    {
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
show_synced (TnSyncController   *self,
             const TnSyncReport *report)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *status = NULL;

  /* TRANSLATORS: "Synced with dav.example.org at 10:42" */
  status = g_strdup_printf (_("Synced with %s at %s"), report->host, time);
  self->offline = FALSE;
  set_status (self, status);
}

static void
show_failure (TnSyncController *self,
              const GError     *error)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->offline = g_error_matches (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_UNREACHABLE);
  if (self->offline && !g_network_monitor_get_network_available (monitor))
    {
      set_status (self, _("Offline — your changes are kept and will be sent"));
      return;
    }
  if (self->offline)
    {
      /* TRANSLATORS: %s is a message like "The server dav.example.org could not be reached: …" */
      g_autofree char *status = g_strdup_printf (_("%s — your changes are kept and will be sent"), error->message);

      set_status (self, status);
      return;
    }

  set_status (self, error->message);
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
  TnSyncReport *report;

  take_in_changes (self);
  report = g_task_propagate_pointer (task, &error);
  if (report != NULL)
    show_synced (self, report);
  else if (error != NULL)
    show_failure (self, error);
  else
    set_status (self, NULL);
  g_clear_pointer (&report, report_free);

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

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
      set_status (self, NULL);
      return;
    }

  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  set_busy (self, TRUE);
  set_status (self, _("Syncing…"));
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
  self->change_source = g_timeout_add_seconds (CHANGE_DELAY_SECONDS, on_change_delay_cb, self);
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
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (on_network_changed_cb), self, 0);
  self->period_source = g_timeout_add_seconds (PERIOD_SECONDS, on_period_cb, self);

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
      set_status (self, NULL);
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
  set_status (self, _("Setting up sync…"));
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
  set_status (self, NULL);
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
  TnSyncController *self;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);

  self = g_object_new (TN_TYPE_SYNC_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (tn_store_get_path (store));
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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_sync_controller_init (TnSyncController *self)
{
}
