/* tn-import-progress.c — an import's progress, reported from its worker thread on the
 * thread that started it, at most every PROGRESS_INTERVAL_US and never after its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-importer"

#include "config.h"

#include "tn-import-progress-private.h"

/* How often, at most, progress is reported to the main thread. */
#define PROGRESS_INTERVAL_US (50 * 1000)

struct _TnImportProgress
{
  GMainContext *context;
  TnImportProgressFunc func;
  gpointer data;
  GDestroyNotify data_free;

  GMutex lock;
  double fraction;
  guint n_cards;
  gboolean pending;  /* a report is queued on @context */
  gboolean finished; /* the import returned: no more reports */
  gint64 last_report_us;
};

static void
progress_clear (TnImportProgress *self)
{
  if (self->data_free != NULL)
    self->data_free (self->data);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
}

TnImportProgress *
_tn_import_progress_new (TnImportProgressFunc func,
                         gpointer             data,
                         GDestroyNotify       data_free)
{
  TnImportProgress *self = g_atomic_rc_box_new0 (TnImportProgress);

  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->data = data;
  self->data_free = data_free;
  g_mutex_init (&self->lock);

  return self;
}

void
_tn_import_progress_unref (TnImportProgress *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) progress_clear);
}

static gboolean
progress_dispatch (gpointer user_data)
{
  TnImportProgress *self = user_data;
  gboolean finished;
  double fraction;
  guint n_cards;

  g_mutex_lock (&self->lock);
  self->pending = FALSE;
  finished = self->finished;
  fraction = self->fraction;
  n_cards = self->n_cards;
  g_mutex_unlock (&self->lock);

  if (!finished)
    self->func (fraction, n_cards, self->data);

  return G_SOURCE_REMOVE;
}

/* From the worker thread: keeps the newest figures, and queues one report on the main
 * thread unless one is queued already or the last went out too recently. */
void
_tn_import_progress_report (TnImportProgress *self,
                            double            fraction,
                            guint             n_cards)
{
  gint64 now = g_get_monotonic_time ();
  gboolean send = FALSE;

  if (self == NULL || self->func == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->fraction = fraction;
  self->n_cards = n_cards;
  if (!self->pending && now - self->last_report_us >= PROGRESS_INTERVAL_US)
    {
      self->pending = TRUE;
      self->last_report_us = now;
      send = TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (send)
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, progress_dispatch,
                                g_atomic_rc_box_acquire (self), (GDestroyNotify) _tn_import_progress_unref);
}

/* On the main thread, before the result is handed over: a report still queued is dropped,
 * so that progress never arrives after the end. */
void
_tn_import_progress_finish (TnImportProgress *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->finished = TRUE;
  g_mutex_unlock (&self->lock);
}
