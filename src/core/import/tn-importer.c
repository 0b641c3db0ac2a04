/* tn-importer.c — importing vCard files: one thread parses, another matches each card
 * against the contacts already there and writes, through its own connection, in one
 * transaction; then the store's list catches up on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline (tn-import-pipeline.c): the parser thread reads cards and queues them in
 * chunks; keys threads work out everything the writer will compare; the writer takes the
 * chunks in file order, matches and writes, and hands them back for the parser to refill,
 * so memory stays that of a few thousand cards whatever the size of the file. The writer
 * knows the contacts already there from one read at the start (a TnDuplicateIndex), not
 * from a query per card.
 *
 * Safety: all the files of one call are one transaction, each file under a savepoint with
 * its own batch. A refused file leaves nothing (its refusal comes before its first card);
 * a file whose every card was already there leaves no batch either. A cancel, a full disk
 * or any database error rolls everything back; a crash or kill -9 before the commit leaves
 * the database as it was, SQLite's journal sees to that.
 *
 * A card without a UID gets one derived from its text (derive_uid() in the pipeline), so
 * that importing the same card again finds it even when it has no email address or phone
 * number.
 */
#define G_LOG_DOMAIN "tn-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-duplicates.h"
#include "tn-import-merge-private.h"
#include "tn-import-pipeline-private.h"
#include "tn-import-progress-private.h"
#include "tn-importer.h"
#include "tn-import-writer.h"
#include "tn-vcard.h"

/* An import at least this large, and larger than the database, drops the lookup indexes and
 * builds them again at the end (see tn-import-writer.c). Cards are estimated from file sizes. */
#define LARGE_IMPORT_CARDS     10000
#define BYTES_PER_CARD_AT_MOST 1024

/* Contacts already there from which their names are counted by a thread of their own (see
 * index_known_contacts()). Not measured: a name costs about a microsecond, starting and
 * joining a thread some tens, so below this the thread would hardly pay. */
#define NAMES_THREAD_FROM 2000

/* ---- Results ------------------------------------------------------------------------- */

static void
file_result_free (TnImportFileResult *result)
{
  g_clear_object (&result->file);
  g_clear_pointer (&result->name, g_free);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static TnImportFileResult *
file_result_new (GFile *file)
{
  TnImportFileResult *result = g_new0 (TnImportFileResult, 1);

  result->file = g_object_ref (file);
  result->name = g_file_get_basename (file);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_problem_free);

  return result;
}

void
tn_import_result_free (TnImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->files, g_ptr_array_unref);
  g_clear_pointer (&result->added_ids, g_array_unref);
  g_clear_pointer (&result->changed_ids, g_array_unref);
  g_free (result);
}

static TnImportResult *
result_new (GPtrArray *files)
{
  TnImportResult *result = g_new0 (TnImportResult, 1);

  result->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_result_free);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (result->files, file_result_new (g_ptr_array_index (files, i)));
  result->added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return result;
}

static void
add_up_files (TnImportResult *result)
{
  for (guint i = 0; i < result->files->len; i++)
    {
      TnImportFileResult *file = g_ptr_array_index (result->files, i);

      result->n_added += file->n_added;
      result->n_merged += file->n_merged;
      result->n_unchanged += file->n_unchanged;
      result->n_skipped += file->n_skipped;
      result->n_possible_duplicates += file->n_possible_duplicates;
      result->n_refused += file->error != NULL;
    }
}

/* ---- The writer ---------------------------------------------------------------------- */

/* What the worker thread has: copies made on the main thread, never the store itself. */
typedef struct
{
  char *path;
  GPtrArray *files; /* of GFile */
  guint64 *sizes;   /* of each file, to weigh progress */
  guint64 total_size;
  TnImportProgress *progress;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->files);
  g_free (job->sizes);
  if (job->progress != NULL)
    _tn_import_progress_unref (job->progress);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

/* What writing one import needs as it goes. */
typedef struct
{
  ImportJob *job;
  TnImportWriter *writer;
  TnDuplicateIndex *index;
  TnImportResult *result;
  GCancellable *cancellable;

  /* The file being written. */
  TnImportFileResult *file;
  gint64 batch_id;
  gint64 first_id_of_file; /* 0 until the file created a contact */
  guint64 done_size;       /* of the files before this one */
  guint64 file_size;
  guint n_written;         /* cards of every file so far */
  gint64 waited;           /* µs the writer waited for the parser, for the debug figures */
  gint64 parser_cpu_time;  /* µs of CPU the parser and keys threads used, for the same */
} Import;

static void
remember_uid (gint64      id,
              const char *uid,
              gpointer    user_data)
{
  tn_duplicate_index_add_uid (user_data, uid, id);
}

static void
remember_email (gint64      id,
                const char *email,
                gpointer    user_data)
{
  tn_duplicate_index_add_email (user_data, email, id);
}

static void
remember_phone (gint64      id,
                const char *phone,
                gpointer    user_data)
{
  tn_duplicate_index_add_phone (user_data, phone, id);
}

static void
remember_url (gint64      id,
              const char *url,
              gpointer    user_data)
{
  tn_duplicate_index_add_url (user_data, url, id);
}

static void
remember_name (gint64      id,
               const char *name,
               gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (name));
}

/* Counts the names of @user_data (a GPtrArray it takes) into an index of their own. */
static gpointer
count_names (gpointer user_data)
{
  g_autoptr(GPtrArray) names = user_data;
  TnDuplicateIndex *index = tn_duplicate_index_new ();

  for (guint i = 0; i < names->len; i++)
    tn_duplicate_index_add_name (index, g_ptr_array_index (names, i));

  return index;
}

/* Learns every contact already in the database, once, inside the transaction: a hash
 * lookup per card instead of a query per card, and nobody changes them meanwhile.
 *
 * The names' keys (folded, for the possible duplicates) cost more than anything else here,
 * a third of it: a thread of their own counts them while this one reads the rest, when
 * there are enough for a thread to be worth starting. Nothing else runs yet: the parser
 * starts with the first file. */
static TnDuplicateIndex *
index_known_contacts (TnImportWriter *writer,
                      GError        **error)
{
  g_autoptr(TnDuplicateIndex) index = tn_duplicate_index_new ();
  g_autoptr(TnDuplicateIndex) names_index = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GThread *counter = NULL;
  gboolean ok;

  if (!tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_NAMES, remember_name, names, error))
    {
      g_ptr_array_unref (names);
      return NULL;
    }

  if (names->len >= NAMES_THREAD_FROM)
    counter = g_thread_new ("tn-import-names", count_names, names);
  else
    names_index = count_names (names);

  ok = tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_UIDS, remember_uid, index, error) &&
       tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_REMOVED_UIDS, remember_uid, index, error) &&
       tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_EMAILS, remember_email, index, error) &&
       tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_PHONES, remember_phone, index, error) &&
       tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_URLS, remember_url, index, error);

  if (counter != NULL)
    names_index = g_thread_join (counter);
  if (!ok)
    return NULL;

  tn_duplicate_index_take_names (index, names_index);
  return g_steal_pointer (&index);
}

static gboolean
add_card (Import        *self,
          TnImportCard  *import,
          GError       **error)
{
  gint64 id;

  /* A uid another contact holds (only a removed one can, or the index would have matched)
   * cannot be given twice. */
  if (tn_duplicate_index_has_uid (self->index, import->keys->uid))
    {
      g_free (import->keys->uid);
      import->keys->uid = g_uuid_string_random ();
    }

  if (!tn_import_writer_add_contact (self->writer, import->card, import->keys->uid, import->trust,
                                     (const char * const *) import->normalized_emails,
                                     (const char * const *) import->normalized_phones,
                                     self->batch_id, &id, error))
    return FALSE;

  if (self->first_id_of_file == 0)
    self->first_id_of_file = id;

  if (tn_duplicate_index_add (self->index, import->keys, id) > 0)
    self->file->n_possible_duplicates++;

  self->file->n_added++;
  g_array_append_val (self->result->added_ids, id);
  return TRUE;
}

static gboolean
write_card (Import        *self,
            TnImportCard  *import,
            GError       **error)
{
  gint64 id = tn_duplicate_index_find (self->index, import->keys, NULL);
  gboolean changed;

  if (id == 0)
    return add_card (self, import, error);

  if (!_tn_import_merge_card (self->writer, self->index, self->batch_id, id, import->card, &changed, error))
    return FALSE;

  if (self->first_id_of_file != 0 && id >= self->first_id_of_file)
    self->file->n_duplicates_in_file++;

  if (!changed)
    self->file->n_unchanged++;
  else
    {
      self->file->n_merged++;
      /* A contact this import created is among the added ones already. */
      if (self->result->added_ids->len == 0 || id < g_array_index (self->result->added_ids, gint64, 0))
        g_array_append_val (self->result->changed_ids, id);
    }

  return TRUE;
}

static void
report_progress (Import              *self,
                 const TnImportChunk *chunk)
{
  /* The last chunk of a file holds no cards and says the file is done. */
  double file_fraction = chunk->n_cards > 0 ? (double) chunk->n_read / chunk->n_cards : 1.0;
  double done = self->done_size + file_fraction * self->file_size;

  self->n_written += chunk->cards->len;
  _tn_import_progress_report (self->job->progress,
                   self->job->total_size > 0 ? MIN (1.0, done / self->job->total_size) : 1.0,
                   self->n_written);
}

/* Takes the chunks of one file until its last, writing their cards. After a write fails,
 * the rest is only drained, so that the parser thread can finish. */
static TnImportChunk *
write_chunks (Import            *self,
              TnImportPipeline  *pipeline,
              GError           **error)
{
  for (;;)
    {
      gint64 asked = g_get_monotonic_time ();
      TnImportChunk *chunk = _tn_import_pipeline_take (pipeline);
      gboolean failed = error != NULL && *error != NULL;

      self->waited += g_get_monotonic_time () - asked;
      if (!failed && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        failed = TRUE;

      for (guint i = 0; i < chunk->cards->len && !failed; i++)
        {
          if (!write_card (self, g_ptr_array_index (chunk->cards, i), error))
            failed = TRUE;
        }

      if (failed)
        _tn_import_pipeline_stop (pipeline);
      else
        report_progress (self, chunk);

      if (chunk->last)
        return chunk;

      _tn_import_pipeline_recycle (pipeline, chunk);
    }
}

/* Keeps the file's batch if the file changed anything, and drops it (leaving no trace of
 * the file) if it was refused or every card was there already. */
static gboolean
close_batch (Import  *self,
             GError **error)
{
  TnImportFileResult *file = self->file;
  TnImportBatchCounts counts = {
    .n_added = file->n_added,
    .n_merged = file->n_merged,
    .n_unchanged = file->n_unchanged,
    .n_skipped = file->n_skipped,
  };

  if (file->error != NULL)
    return tn_import_writer_drop_batch (self->writer, error);
  /* Cards that were all there already, or skipped, wrote nothing but the batch's row. */
  if (file->n_added + file->n_merged == 0)
    return tn_import_writer_forget_batch (self->writer, self->batch_id, error);

  file->batch_id = self->batch_id;
  return tn_import_writer_end_batch (self->writer, self->batch_id, &counts, error);
}

/* A file refused after some of its cards were written (a NUL byte or a read error found
 * further on: the file is read in pieces) had its batch dropped; what the import learnt
 * from its cards goes too. */
static gboolean
forget_refused_file (Import  *self,
                     guint    n_added_before,
                     guint    n_changed_before,
                     GError **error)
{
  TnImportFileResult *file = self->file;
  gboolean wrote = file->n_added + file->n_merged + file->n_unchanged > 0;

  g_array_set_size (self->result->added_ids, n_added_before);
  g_array_set_size (self->result->changed_ids, n_changed_before);
  file->n_added = file->n_merged = file->n_unchanged = 0;
  file->n_duplicates_in_file = file->n_possible_duplicates = 0;
  if (!wrote)
    return TRUE;

  g_clear_pointer (&self->index, tn_duplicate_index_free);
  self->index = index_known_contacts (self->writer, error);
  return self->index != NULL;
}

/* Imports one file into the open transaction. Returns FALSE only for what stops the whole
 * import (a cancel, a database error); a refused file is recorded in its result. */
static gboolean
import_file (Import     *self,
             guint       index,
             GError    **error)
{
  GFile *file = g_ptr_array_index (self->job->files, index);
  g_autoptr(GError) write_error = NULL;
  guint n_added_before, n_changed_before;
  TnImportPipeline *pipeline;
  TnImportChunk *last;

  self->file = g_ptr_array_index (self->result->files, index);
  self->first_id_of_file = 0;
  self->file_size = self->job->sizes[index];
  n_added_before = self->result->added_ids->len;
  n_changed_before = self->result->changed_ids->len;

  if (!tn_import_writer_begin_batch (self->writer, self->file->name, &self->batch_id, error))
    return FALSE;

  pipeline = _tn_import_pipeline_start (file, self->file_size, self->cancellable);
  last = write_chunks (self, pipeline, &write_error);

  if (last->problems != NULL)
    g_ptr_array_extend_and_steal (self->file->problems, g_steal_pointer (&last->problems));
  self->file->n_skipped = last->n_skipped;
  if (write_error == NULL && last->error != NULL)
    {
      if (g_error_matches (last->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        write_error = g_steal_pointer (&last->error);
      else
        self->file->error = g_steal_pointer (&last->error);
    }

  _tn_import_pipeline_recycle (pipeline, last);
  _tn_import_pipeline_free (pipeline, &self->parser_cpu_time);

  if (write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }

  self->done_size += self->file_size;
  if (!close_batch (self, error))
    return FALSE;

  if (self->file->error != NULL)
    return forget_refused_file (self, n_added_before, n_changed_before, error);
  return TRUE;
}

static gboolean
defer_indexes_if_large (ImportJob      *job,
                        TnImportWriter *writer,
                        GError        **error)
{
  guint64 n_cards = job->total_size / BYTES_PER_CARD_AT_MOST;

  if (n_cards < LARGE_IMPORT_CARDS || n_cards < tn_import_writer_count_contacts (writer))
    return TRUE;

  return tn_import_writer_defer_indexes (writer, error);
}

/* Copies the import from the write-ahead log into the database file, saying how long that
 * took for bench-import.sh's readers. */
static void
checkpoint_import (TnImportWriter *writer)
{
  gint64 started = g_get_monotonic_time ();

  tn_import_writer_checkpoint (writer);
  g_debug ("checkpointed in %.0f ms", (g_get_monotonic_time () - started) / 1e3);
}

/* The whole import, on the thread that calls it, but never touching the store. With
 * @committed_writer, the caller gets the writer back after the commit, to checkpoint once
 * it has handed on the result; without, the import is checkpointed here. */
static TnImportResult *
run_import (ImportJob       *job,
            GCancellable    *cancellable,
            TnImportWriter **committed_writer,
            GError         **error)
{
  g_autoptr(TnImportWriter) writer = NULL;
  g_autoptr(TnDuplicateIndex) index = NULL;
  g_autoptr(TnImportResult) result = result_new (job->files);
  Import self = { 0 };
  gint64 started = g_get_monotonic_time ();
  gint64 cpu_started = _tn_import_thread_cpu_time ();
  gint64 written, committed;
  gboolean ok;

  writer = tn_import_writer_open (job->path, error);
  if (writer == NULL || !tn_import_writer_begin (writer, error))
    return NULL;

  index = index_known_contacts (writer, error);
  if (index == NULL || !defer_indexes_if_large (job, writer, error))
    {
      tn_import_writer_rollback (writer);
      return NULL;
    }

  self.job = job;
  self.writer = writer;
  self.result = result;
  self.cancellable = cancellable;

  for (guint i = 0; i < job->files->len; i++)
    {
      /* Lent for the file; a file refused half-way has it made again. */
      self.index = g_steal_pointer (&index);
      ok = import_file (&self, i, error);
      index = g_steal_pointer (&self.index);
      if (!ok)
        {
          tn_import_writer_rollback (writer);
          return NULL;
        }
    }

  /* A cancel that comes after this is too late: the result says what was imported. */
  written = g_get_monotonic_time ();
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !tn_import_writer_commit (writer, error))
    {
      tn_import_writer_rollback (writer);
      return NULL;
    }

  committed = g_get_monotonic_time ();
  /* For bench-import.sh's readers: where an import's time goes. */
  g_debug ("read and written in %.0f ms (the writer waited %.0f ms for the parser), committed in %.0f ms;"
           " CPU: writer %.0f ms, parser and keys threads %.0f ms",
           (written - started) / 1e3, self.waited / 1e3, (committed - written) / 1e3,
           (_tn_import_thread_cpu_time () - cpu_started) / 1e3, self.parser_cpu_time / 1e3);
  if (committed_writer != NULL)
    *committed_writer = g_steal_pointer (&writer);
  else
    checkpoint_import (writer);
  add_up_files (result);
  return g_steal_pointer (&result);
}

/* ---- Starting and finishing ---------------------------------------------------------- */

static guint64
file_size (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? (guint64) g_file_info_get_size (info) : 0;
}

/* On the thread that owns @store: everything the worker will need, copied. */
static ImportJob *
import_job_new (TnStore  *store,
                GFile   **files,
                guint     n_files)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->path = g_strdup (tn_store_get_path (store));
  job->files = g_ptr_array_new_full (n_files, g_object_unref);
  job->sizes = g_new0 (guint64, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      g_ptr_array_add (job->files, g_object_ref (files[i]));
      job->sizes[i] = file_size (files[i]);
      job->total_size += job->sizes[i];
    }

  return job;
}

/* On the thread that owns @store, once the import is committed. */
static gboolean
refresh_store (TnStore         *store,
               TnImportResult  *result,
               GError         **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                             result->added_ids->len + result->changed_ids->len);

  g_array_append_vals (ids, result->changed_ids->data, result->changed_ids->len);
  g_array_append_vals (ids, result->added_ids->data, result->added_ids->len);

  if (tn_store_refresh_contacts (store, (const gint64 *) (gpointer) ids->data, ids->len, error))
    return TRUE;

  g_prefix_error (error, _("The contacts were imported, but the list could not show them: "));
  return FALSE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(TnImportWriter) writer = NULL;
  GError *error = NULL;
  TnImportResult *result = run_import (task_data, cancellable, &writer, &error);

  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) tn_import_result_free);

  /* The import is committed and the window may show it: copying a large one from the
   * write-ahead log into the database file (a fifth of a second for 100,000 cards) happens
   * meanwhile, here, rather than before the result or in the middle of the next change on
   * the main thread. A checkpoint blocks neither readers nor writers. */
  checkpoint_import (writer);
}

static void
on_import_thread_done_cb (GObject      *source_object,
                          GAsyncResult *inner,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TnStore *store = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (G_TASK (inner));
  TnImportFlags flags = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(TnImportResult) result = NULL;
  GError *error = NULL;

  _tn_import_progress_finish (job->progress);

  result = g_task_propagate_pointer (G_TASK (inner), &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!(flags & TN_IMPORT_FLAGS_NO_REFRESH) && !refresh_store (store, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) tn_import_result_free);
}

/**
 * tn_importer_import_async:
 * @store: the store to import into
 * @files: (array length=n_files): vCard files
 * @n_files: how many files there are
 * @flags: what to do besides
 * @cancellable: (nullable): to stop the import; then nothing at all is written
 * @progress: (nullable) (scope notified): called now and then on this thread
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data when it is no longer needed
 * @callback: called on this thread when the import is over
 * @user_data: data for @callback
 *
 * Imports @files in worker threads, through a connection of their own: the store and this
 * thread stay free. Every card is matched against the contacts there (see tn-duplicates.h)
 * and merged, or added. All the files are one transaction with one batch each (a refused
 * file is left out, see #TnImportFileResult); once it is committed, the store's list
 * shows the new and changed contacts, unless @flags says otherwise.
 *
 * While an import runs, other writes to the database wait for it or fail as busy.
 */
void
tn_importer_import_async (TnStore              *store,
                          GFile               **files,
                          guint                 n_files,
                          TnImportFlags         flags,
                          GCancellable         *cancellable,
                          TnImportProgressFunc  progress,
                          gpointer              progress_data,
                          GDestroyNotify        progress_data_free,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  ImportJob *job;

  g_return_if_fail (TN_IS_STORE (store));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_importer_import_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (flags), NULL);
  /* The worker decides: a cancel after the commit must not hide what was imported. */
  g_task_set_check_cancellable (task, FALSE);

  job = import_job_new (store, files, n_files);
  if (progress != NULL)
    job->progress = _tn_import_progress_new (progress, progress_data, progress_data_free);
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);

  inner = g_task_new (NULL, cancellable, on_import_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, import_thread);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (inner, import_thread);
}

/**
 * tn_importer_import_finish:
 * @store: the store given to tn_importer_import_async()
 * @result: the result given to the callback
 * @error: return location for a #GError: %G_IO_ERROR_CANCELLED, or a #TnStoreError when
 *   the database could not take the import; then nothing was written
 *
 * Returns: (transfer full) (nullable): what was imported, file by file
 */
TnImportResult *
tn_importer_import_finish (TnStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_importer_import_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tn_importer_import:
 * @store: the store to import into
 * @files: (array length=n_files): vCard files
 * @n_files: how many files there are
 * @flags: what to do besides
 * @cancellable: (nullable): to stop the import; then nothing at all is written
 * @error: return location for a #GError, as tn_importer_import_finish()
 *
 * tn_importer_import_async() for a program with nothing else to do meanwhile (the command
 * line): this thread writes while another parses, and it returns when the import is over.
 *
 * Returns: (transfer full) (nullable): what was imported, file by file
 */
TnImportResult *
tn_importer_import (TnStore       *store,
                    GFile        **files,
                    guint          n_files,
                    TnImportFlags  flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ImportJob) job = NULL;
  g_autoptr(TnImportResult) result = NULL;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = import_job_new (store, files, n_files);
  result = run_import (job, cancellable, NULL, error);
  if (result == NULL)
    return NULL;

  if (!(flags & TN_IMPORT_FLAGS_NO_REFRESH) && !refresh_store (store, result, error))
    return NULL;

  return g_steal_pointer (&result);
}
