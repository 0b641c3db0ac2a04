/* tn-store-reader-private.h — reading the store's file on a connection of its own, in a
 * worker thread, so that a long read never holds up the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-cadence.h"
#include "tn-db.h"
#include "tn-store.h"
#include "tn-store-jobs.h"

G_BEGIN_DECLS

/* Reads what it needs from @db and returns it, or %NULL with @error set. */
typedef gpointer (*TnStoreReadFunc) (TnDb          *db,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

void     _tn_store_read_async  (TnStore             *store,
                                gpointer             source_tag,
                                TnStoreReadFunc      func,
                                gpointer             data,
                                GDestroyNotify       data_free,
                                GDestroyNotify       result_free,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gpointer _tn_store_read_finish (TnStore             *store,
                                GAsyncResult        *result,
                                gpointer             source_tag,
                                GError             **error);

/* What the week's suggestion reads, on a worker's connection (tn-store-reminder.c,
 * tn-store-jobs.c): the same as the store's own functions give. */
GArray    *_tn_store_read_reminder_candidates (TnDb              *db,
                                               const TnCadence   *cadence,
                                               GStringChunk      *names,
                                               GError           **error);
GArray    *_tn_store_read_first_reminder_candidates (TnDb            *db,
                                                     const TnCadence *cadence,
                                                     GError         **error);
char      *_tn_store_read_contact_name        (gint64             id,
                                               gpointer           db,
                                               GError           **error);
GPtrArray *_tn_store_list_job_changes_on      (TnDb              *db,
                                               TnJobChangesFlags  flags,
                                               GError           **error);

G_END_DECLS
