/* tn-importer.c — importing vCard files: one thread parses, another matches each card
 * against the contacts already there and writes, through its own connection, in one
 * transaction; then the store's list catches up on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline: the parser thread reads cards and queues them in chunks of CHUNK_CARDS; two
 * keys threads work out, a chunk each at a time, everything the writer will compare (see
 * ImportCard); the writer takes the chunks in file order, matches and writes, and hands them
 * back for the parser to free and refill. Only N_CHUNKS chunks exist, so a parser that runs
 * ahead waits, and memory stays that of a few thousand cards whatever the size of the file. The writer knows the contacts already
 * there from one read at the start (a TnDuplicateIndex), not from a query per card.
 *
 * Safety: all the files of one call are one transaction, each file under a savepoint with
 * its own batch. A refused file leaves nothing (its refusal comes before its first card);
 * a file whose every card was already there leaves no batch either. A cancel, a full disk
 * or any database error rolls everything back; a crash or kill -9 before the commit leaves
 * the database as it was, SQLite's journal sees to that.
 *
 * A card without a UID gets one derived from its text (derive_uid()), so that importing
 * the same card again finds it even when it has no email address or phone number.
 */
#define G_LOG_DOMAIN "tn-importer"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "tn-csv.h"
#include "tn-duplicates.h"
#include "tn-import-progress-private.h"
#include "tn-import-merge-private.h"
#include "tn-importer.h"
#include "tn-import-writer.h"
#include "tn-vcard.h"

/* Cards handed from the parser to the writer at a time, and how many such handfuls may be
 * under way: enough that neither thread waits on the other for long, few enough to keep
 * memory flat. */
#define CHUNK_CARDS 256
#define N_CHUNKS    12

/* Threads that work out the cards' keys. Parsing a phone number with libphonenumber takes
 * about 30 µs, more than the rest of a card: with a number on each card the parser thread
 * alone took three times as long, and the writer waited for it most of the import. */
#define N_KEYERS 2

/* A file smaller than this has its keys worked out by the parser thread itself: starting
 * two threads for each of 3,000 one-card files cost 8% more CPU. */
#define KEYERS_FROM_BYTES (256 * 1024)

/* An import at least this large, and larger than the database, drops the lookup indexes and
 * builds them again at the end (see tn-import-writer.c). Cards are estimated from file sizes. */
#define LARGE_IMPORT_CARDS     10000
#define BYTES_PER_CARD_AT_MOST 1024

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

/* ---- The parser thread --------------------------------------------------------------- */

/* The CPU time the calling thread has used, in µs: the debug figures' measure of each
 * thread's own work, which the wall clock hides on a busy machine. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* The rating a card carries in X-TRUSTNET-TRUST (what our export writes), or unrated.
 * The kept text is clean 3.0: one property per line once unfolded, CRLF endings. */
static TnTrust
card_trust (const TnVcardCard *card)
{
  static const char name[] = "X-TRUSTNET-TRUST";
  const gsize name_len = sizeof name - 1;
  const char *line = card->vcard;

  /* Most cards have none: a search is much cheaper than a look at every line. The name is
   * written in capitals (by us) or, rarely, in small letters. */
  if (line == NULL || (strstr (line, "TRUSTNET") == NULL && strstr (line, "trustnet") == NULL))
    return TN_TRUST_UNRATED;

  while (line != NULL && *line != '\0')
    {
      const char *end = line + strcspn (line, "\r\n");
      const char *colon = memchr (line, ':', end - line);
      const char *start = line;
      const char *dot = colon != NULL ? memchr (line, '.', colon - line) : NULL;

      /* Past a group name, as in item1.X-TRUSTNET-TRUST. */
      if (dot != NULL)
        start = dot + 1;

      if (colon != NULL && (gsize) (colon - start) >= name_len &&
          g_ascii_strncasecmp (start, name, name_len) == 0 &&
          (start[name_len] == ':' || start[name_len] == ';'))
        {
          g_autofree char *value = g_strndup (colon + 1, end - colon - 1);
          TnTrust trust;

          return tn_trust_parse (g_strstrip (value), &trust) ? trust : TN_TRUST_UNRATED;
        }

      line = end + strspn (end, "\r\n");
    }

  return TN_TRUST_UNRATED;
}

/* A card with everything the writer will compare or store, worked out on a keys thread
 * (import_card_work_out()) rather than by the writer. */
typedef struct
{
  TnVcardCard *card;
  TnDuplicateKeys *keys;
  TnTrust trust;
  char **normalized_emails; /* as the emails table stores them, one per email */
  char **normalized_phones; /* as the phones table stores them; may hold NULLs */
} ImportCard;

/* Not g_strfreev(): a value that normalises to nothing leaves a NULL in the middle. */
static void
free_normalized (char        **normalized,
                 const GStrv   values)
{
  if (normalized == NULL)
    return;
  for (guint i = 0; values[i] != NULL; i++)
    g_free (normalized[i]);
  g_free (normalized);
}

static void
import_card_free (ImportCard *self)
{
  free_normalized (self->normalized_emails, self->card->emails);
  free_normalized (self->normalized_phones, self->card->phones);
  tn_duplicate_keys_free (self->keys);
  tn_vcard_card_free (self->card);
  g_free (self);
}

/* One normalised value per value, NULL where there is none. */
static char **
normalize_all (GStrv   values,
               char *(*normalize) (const char *))
{
  guint n = g_strv_length (values);
  char **normalized = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    normalized[i] = normalize (values[i]);

  return normalized;
}

/* A uid for a card that has none, derived from its text as a name-based (version 5 style)
 * UUID: the same card imported again gets the same uid, and the uid rule finds it, even
 * when the card has no email address or phone number to match on. */
static char *
derive_uid (const TnVcardCard *card)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "trustnet-vcard:", -1);
  g_checksum_update (checksum, (const guchar *) card->vcard, -1);
  g_checksum_get_digest (checksum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
}

/* Takes @card; its keys come from import_card_work_out(). */
static ImportCard *
import_card_new (TnVcardCard *card)
{
  ImportCard *self = g_new0 (ImportCard, 1);

  self->card = card;
  return self;
}

static void
import_card_work_out (ImportCard *self)
{
  TnVcardCard *card = self->card;
  g_autofree char *derived_uid = card->uid == NULL ? derive_uid (card) : NULL;

  self->keys = tn_duplicate_keys_new (card->uid != NULL ? card->uid : derived_uid, NULL,
                                      (const char * const *) card->phones, card->full_name);
  tn_duplicate_keys_add_urls (self->keys, (const char * const *) card->urls);
  self->trust = card_trust (card);
  /* As write_list() stores them: emails.normalized is NOT NULL, phones.normalized may be. */
  self->normalized_emails = normalize_all (card->emails, tn_duplicates_email_key);
  self->normalized_phones = normalize_all (card->phones, tn_duplicates_phone_digits);

  /* An email's key is what the emails table stores: worked out once for both. */
  for (guint i = 0; card->emails[i] != NULL; i++)
    {
      if (self->normalized_emails[i] != NULL)
        g_ptr_array_add (self->keys->emails, g_strdup (self->normalized_emails[i]));
      else
        self->normalized_emails[i] = g_strdup (card->emails[i]);
    }
}

typedef struct
{
  GPtrArray *cards; /* of ImportCard */
  guint seq;        /* its place among the chunks of the file */
  guint n_read;     /* cards of the file read up to the last one here */
  guint n_cards;    /* cards in the file */

  /* Only in the last chunk of a file: how reading it ended. */
  gboolean last;
  GError *error;
  GPtrArray *problems;
  guint n_skipped;
} Chunk;

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->cards = g_ptr_array_new_full (CHUNK_CARDS, (GDestroyNotify) import_card_free);
  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  g_ptr_array_unref (chunk->cards);
  g_clear_error (&chunk->error);
  g_clear_pointer (&chunk->problems, g_ptr_array_unref);
  g_free (chunk);
}

/* What the parser sends each keys thread after the last chunk of a file. */
static Chunk no_more_chunks;

/* Between the threads of one file and the writer. */
typedef struct
{
  GFile *file;
  GCancellable *cancellable;
  GThread *parser;
  GThread *keyers[N_KEYERS];
  guint n_keyer_threads; /* 0 when the parser works the keys out itself */
  GAsyncQueue *parsed; /* chunks for the keys threads, in file order */
  GAsyncQueue *filled; /* chunks for the writer, in the order the keys threads finish them */
  GAsyncQueue *empty;  /* chunks for the parser to fill */
  Chunk *current;      /* being filled; the parser thread's only */
  guint n_sent;        /* chunks sent on; the parser thread's only */
  guint next_seq;      /* the chunk the writer takes next; the writer's only */
  GPtrArray *held;     /* chunks that came before their turn; the writer's only */
  int n_keyers;        /* atomic: keys threads started, for their places in keyer_cpu_time */
  int stop;            /* atomic: the writer gave up, read no further */
  gint64 cpu_time;     /* µs the parser thread used, once it ended */
  gint64 keyer_cpu_time[N_KEYERS]; /* and each keys thread, once it ended */
} Pipeline;

/* On the parser thread: a chunk is ready for the keys threads, or, without them, its keys
 * are worked out here and it goes to the writer. */
static void
pipeline_send (Pipeline *pipeline,
               Chunk    *chunk)
{
  chunk->seq = pipeline->n_sent++;
  if (pipeline->n_keyer_threads > 0)
    {
      g_async_queue_push (pipeline->parsed, chunk);
      return;
    }

  for (guint i = 0; i < chunk->cards->len; i++)
    import_card_work_out (g_ptr_array_index (chunk->cards, i));
  g_async_queue_push (pipeline->filled, chunk);
}

static gboolean
on_card_read_cb (TnVcardCard *card,
                 guint        index,
                 guint        n_cards,
                 gpointer     user_data)
{
  Pipeline *pipeline = user_data;

  if (g_atomic_int_get (&pipeline->stop) || g_cancellable_is_cancelled (pipeline->cancellable))
    {
      tn_vcard_card_free (card);
      return FALSE;
    }

  if (pipeline->current == NULL)
    {
      pipeline->current = g_async_queue_pop (pipeline->empty);
      /* The writer hands chunks back full: freeing their cards is this thread's work. */
      g_ptr_array_set_size (pipeline->current->cards, 0);
    }

  g_ptr_array_add (pipeline->current->cards, import_card_new (card));
  pipeline->current->n_read = index + 1;
  pipeline->current->n_cards = n_cards;

  if (pipeline->current->cards->len == CHUNK_CARDS)
    pipeline_send (pipeline, g_steal_pointer (&pipeline->current));

  return TRUE;
}

static gpointer
parse_file_thread (gpointer user_data)
{
  Pipeline *pipeline = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_skipped = 0;
  Chunk *last;

  /* CSV exports give the same cards as vCard files; the file's name says which it is. */
  (tn_csv_file_is_csv (pipeline->file) ? tn_csv_parse_file_foreach : tn_vcard_parse_file_foreach)
    (pipeline->file, on_card_read_cb, pipeline, &problems, &n_skipped, pipeline->cancellable, &error);

  if (pipeline->current != NULL)
    pipeline_send (pipeline, g_steal_pointer (&pipeline->current));

  /* A chunk used before: nothing of its last use may remain, its place in the file
   * included, or progress would step back. */
  last = g_async_queue_pop (pipeline->empty);
  g_ptr_array_set_size (last->cards, 0);
  last->n_read = 0;
  last->n_cards = 0;
  last->last = TRUE;
  last->error = g_steal_pointer (&error);
  last->problems = g_steal_pointer (&problems);
  last->n_skipped = n_skipped;
  pipeline->cpu_time = thread_cpu_time ();
  pipeline_send (pipeline, last);
  for (guint i = 0; i < pipeline->n_keyer_threads; i++)
    g_async_queue_push (pipeline->parsed, &no_more_chunks);

  return NULL;
}

/* Works out the keys of the cards of each chunk it takes. After the writer gave up, the
 * chunks only pass through: their cards will not be written. */
static gpointer
work_out_keys_thread (gpointer user_data)
{
  Pipeline *pipeline = user_data;
  guint place = g_atomic_int_add (&pipeline->n_keyers, 1);
  Chunk *chunk;

  while ((chunk = g_async_queue_pop (pipeline->parsed)) != &no_more_chunks)
    {
      for (guint i = 0; i < chunk->cards->len && !g_atomic_int_get (&pipeline->stop); i++)
        import_card_work_out (g_ptr_array_index (chunk->cards, i));
      g_async_queue_push (pipeline->filled, chunk);
    }

  pipeline->keyer_cpu_time[place] = thread_cpu_time ();
  return NULL;
}

/* Starts parsing @file, of @size bytes. */
static Pipeline *
pipeline_start (GFile        *file,
                guint64       size,
                GCancellable *cancellable)
{
  Pipeline *pipeline = g_new0 (Pipeline, 1);

  pipeline->file = g_object_ref (file);
  pipeline->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  pipeline->parsed = g_async_queue_new ();
  pipeline->filled = g_async_queue_new ();
  pipeline->empty = g_async_queue_new_full ((GDestroyNotify) chunk_free);
  pipeline->held = g_ptr_array_new ();
  pipeline->n_keyer_threads = size >= KEYERS_FROM_BYTES ? N_KEYERS : 0;
  for (guint i = 0; i < N_CHUNKS; i++)
    g_async_queue_push (pipeline->empty, chunk_new ());

  pipeline->parser = g_thread_new ("tn-import-parse", parse_file_thread, pipeline);
  for (guint i = 0; i < pipeline->n_keyer_threads; i++)
    pipeline->keyers[i] = g_thread_new ("tn-import-keys", work_out_keys_thread, pipeline);
  return pipeline;
}

/* The next chunk in file order, waiting for it: the keys threads may finish them in any. */
static Chunk *
pipeline_take (Pipeline *pipeline)
{
  for (;;)
    {
      Chunk *chunk;

      for (guint i = 0; i < pipeline->held->len; i++)
        {
          chunk = g_ptr_array_index (pipeline->held, i);
          if (chunk->seq == pipeline->next_seq)
            {
              g_ptr_array_remove_index_fast (pipeline->held, i);
              pipeline->next_seq++;
              return chunk;
            }
        }

      chunk = g_async_queue_pop (pipeline->filled);
      if (chunk->seq == pipeline->next_seq)
        {
          pipeline->next_seq++;
          return chunk;
        }
      g_ptr_array_add (pipeline->held, chunk);
    }
}

/* Once the writer has taken the last chunk and given every chunk back: waits for the
 * threads to end, and adds the CPU time they used to @cpu_time. */
static void
pipeline_free (Pipeline *pipeline,
               gint64   *cpu_time)
{
  g_thread_join (pipeline->parser);
  *cpu_time += pipeline->cpu_time;
  for (guint i = 0; i < pipeline->n_keyer_threads; i++)
    {
      g_thread_join (pipeline->keyers[i]);
      *cpu_time += pipeline->keyer_cpu_time[i];
    }

  g_object_unref (pipeline->file);
  g_clear_object (&pipeline->cancellable);
  g_async_queue_unref (pipeline->parsed);
  g_async_queue_unref (pipeline->filled);
  g_async_queue_unref (pipeline->empty);
  g_ptr_array_unref (pipeline->held);
  g_free (pipeline);
}

static void
chunk_recycle (Pipeline *pipeline,
               Chunk    *chunk)
{
  g_async_queue_push (pipeline->empty, chunk);
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
  tn_duplicate_index_add_name (user_data, name);
}

/* Learns every contact already in the database, once, inside the transaction: a hash
 * lookup per card instead of a query per card, and nobody changes them meanwhile. */
static TnDuplicateIndex *
index_known_contacts (TnImportWriter *writer,
                      GError        **error)
{
  g_autoptr(TnDuplicateIndex) index = tn_duplicate_index_new ();

  if (!tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_UIDS, remember_uid, index, error) ||
      !tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_REMOVED_UIDS, remember_uid, index, error) ||
      !tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_EMAILS, remember_email, index, error) ||
      !tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_PHONES, remember_phone, index, error) ||
      !tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_URLS, remember_url, index, error) ||
      !tn_import_writer_foreach_known (writer, TN_IMPORT_KNOWN_NAMES, remember_name, index, error))
    return NULL;

  return g_steal_pointer (&index);
}

static gboolean
add_card (Import      *self,
          ImportCard  *import,
          GError     **error)
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
write_card (Import      *self,
            ImportCard  *import,
            GError     **error)
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
report_progress (Import      *self,
                 const Chunk *chunk)
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
static Chunk *
write_chunks (Import    *self,
              Pipeline  *pipeline,
              GError   **error)
{
  for (;;)
    {
      gint64 asked = g_get_monotonic_time ();
      Chunk *chunk = pipeline_take (pipeline);
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
        g_atomic_int_set (&pipeline->stop, TRUE);
      else
        report_progress (self, chunk);

      if (chunk->last)
        return chunk;

      chunk_recycle (pipeline, chunk);
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
  Pipeline *pipeline;
  Chunk *last;

  self->file = g_ptr_array_index (self->result->files, index);
  self->first_id_of_file = 0;
  self->file_size = self->job->sizes[index];
  n_added_before = self->result->added_ids->len;
  n_changed_before = self->result->changed_ids->len;

  if (!tn_import_writer_begin_batch (self->writer, self->file->name, &self->batch_id, error))
    return FALSE;

  pipeline = pipeline_start (file, self->file_size, self->cancellable);
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

  chunk_recycle (pipeline, last);
  pipeline_free (pipeline, &self->parser_cpu_time);

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
  gint64 cpu_started = thread_cpu_time ();
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
           (thread_cpu_time () - cpu_started) / 1e3, self.parser_cpu_time / 1e3);
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
