/* tn-store-reader.c — a read of the store's file in a worker thread, on a connection of its
 * own: SQLite connections are one thread's each, and the store's own is the window's.
 *
 * The worker opens its connection per read: it costs under a millisecond, and a connection
 * kept open would not keep its page cache anyway, since SQLite empties it whenever another
 * connection wrote, which is why there is a read at all. An in-memory store (an empty one
 * read without a file) has no file to open a second time: it is read on the caller's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include "tn-store-internal.h"
#include "tn-store-reader-private.h"

typedef struct
{
  char *path;
  TnStoreReadFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Read;

static void
read_free (Read *read)
{
  g_free (read->path);
  if (read->data_free != NULL)
    g_clear_pointer (&read->data, read->data_free);
  g_free (read);
}

static void
return_result (GTask    *task,
               Read     *read,
               gpointer  result,
               GError   *error)
{
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->result_free);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Read *read = task_data;
  g_autoptr(TnDb) db = NULL;
  GError *error = NULL;
  gpointer result = NULL;

  db = tn_db_open (read->path, &error);
  if (db != NULL)
    result = read->func (db, read->data, cancellable, &error);
  return_result (task, read, result, error);
}

/* A file of its own, or "" for a database in memory. */
static const char *
file_of (TnStore *store)
{
  const char *file = sqlite3_db_filename (store->db->handle, "main");

  return file != NULL ? file : "";
}

/**
 * _tn_store_read_async:
 * @store: a store
 * @source_tag: the public function that reads, to check the result with
 * @func: what to read, called in a worker thread with a connection to @store's file
 * @data: (transfer full): what @func needs, copied beforehand: it must not touch @store
 * @data_free: (nullable): frees @data
 * @result_free: frees what @func returns, if nobody takes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread with the result
 * @user_data: for @callback
 */
void
_tn_store_read_async (TnStore             *store,
                      gpointer             source_tag,
                      TnStoreReadFunc      func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *file = file_of (store);
  Read *read;

  read = g_new0 (Read, 1);
  read->path = g_strdup (file);
  read->func = func;
  read->data = data;
  read->data_free = data_free;
  read->result_free = result_free;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);

  if (*file == '\0')
    {
      GError *error = NULL;
      gpointer result = func (store->db, read->data, cancellable, &error);

      return_result (task, read, result, error);
      return;
    }

  g_task_run_in_thread (task, read_thread);
}

/**
 * _tn_store_read_finish:
 * @store: the store read
 * @result: the result given to the callback
 * @source_tag: the tag given to _tn_store_read_async()
 * @error: return location for a #GError
 *
 * Returns: (transfer full): what the read function returned, or %NULL with @error set
 */
gpointer
_tn_store_read_finish (TnStore       *store,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
