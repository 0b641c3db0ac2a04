/* tn-import-pipeline.c — the importer's reading side: one thread parses a file, two keys
 * threads work out its cards' keys, and the writer (tn-importer.c) takes them in file order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline: the parser thread reads cards and queues them in chunks of CHUNK_CARDS; two
 * keys threads work out, a chunk each at a time, everything the writer will compare (see
 * TnImportCard); the writer takes the chunks in file order, matches and writes, and hands them
 * back for the parser to free and refill. Only N_CHUNKS chunks exist, so a parser that runs
 * ahead waits, and memory stays that of a few thousand cards whatever the size of the file.
 *
 * A card without a UID gets one derived from its text (derive_uid()), so that importing
 * the same card again finds it even when it has no email address or phone number.
 */
#define G_LOG_DOMAIN "tn-importer"

#include "config.h"

#include <string.h>
#include <time.h>

#include "tn-csv.h"
#include "tn-import-pipeline-private.h"

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

/* The CPU time the calling thread has used, in µs: the debug figures' measure of each
 * thread's own work, which the wall clock hides on a busy machine. */
gint64
_tn_import_thread_cpu_time (void)
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
import_card_free (TnImportCard *self)
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
static TnImportCard *
import_card_new (TnVcardCard *card)
{
  TnImportCard *self = g_new0 (TnImportCard, 1);

  self->card = card;
  return self;
}

static void
import_card_work_out (TnImportCard *self)
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

static TnImportChunk *
chunk_new (void)
{
  TnImportChunk *chunk = g_new0 (TnImportChunk, 1);

  chunk->cards = g_ptr_array_new_full (CHUNK_CARDS, (GDestroyNotify) import_card_free);
  return chunk;
}

static void
chunk_free (TnImportChunk *chunk)
{
  g_ptr_array_unref (chunk->cards);
  g_clear_error (&chunk->error);
  g_clear_pointer (&chunk->problems, g_ptr_array_unref);
  g_free (chunk);
}

/* What the parser sends each keys thread after the last chunk of a file. */
static TnImportChunk no_more_chunks;

struct _TnImportPipeline
{
  GFile *file;
  GCancellable *cancellable;
  GThread *parser;
  GThread *keyers[N_KEYERS];
  guint n_keyer_threads; /* 0 when the parser works the keys out itself */
  GAsyncQueue *parsed; /* chunks for the keys threads, in file order */
  GAsyncQueue *filled; /* chunks for the writer, in the order the keys threads finish them */
  GAsyncQueue *empty;  /* chunks for the parser to fill */
  TnImportChunk *current; /* being filled; the parser thread's only */
  guint n_sent;        /* chunks sent on; the parser thread's only */
  guint next_seq;      /* the chunk the writer takes next; the writer's only */
  GPtrArray *held;     /* chunks that came before their turn; the writer's only */
  int n_keyers;        /* atomic: keys threads started, for their places in keyer_cpu_time */
  int stop;            /* atomic: the writer gave up, read no further */
  gint64 cpu_time;     /* µs the parser thread used, once it ended */
  gint64 keyer_cpu_time[N_KEYERS]; /* and each keys thread, once it ended */
};

/* On the parser thread: a chunk is ready for the keys threads, or, without them, its keys
 * are worked out here and it goes to the writer. */
static void
pipeline_send (TnImportPipeline *pipeline,
               TnImportChunk    *chunk)
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
  TnImportPipeline *pipeline = user_data;

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
  TnImportPipeline *pipeline = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_skipped = 0;
  TnImportChunk *last;

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
  pipeline->cpu_time = _tn_import_thread_cpu_time ();
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
  TnImportPipeline *pipeline = user_data;
  guint place = g_atomic_int_add (&pipeline->n_keyers, 1);
  TnImportChunk *chunk;

  while ((chunk = g_async_queue_pop (pipeline->parsed)) != &no_more_chunks)
    {
      for (guint i = 0; i < chunk->cards->len && !g_atomic_int_get (&pipeline->stop); i++)
        import_card_work_out (g_ptr_array_index (chunk->cards, i));
      g_async_queue_push (pipeline->filled, chunk);
    }

  pipeline->keyer_cpu_time[place] = _tn_import_thread_cpu_time ();
  return NULL;
}

/* Starts parsing @file, of @size bytes. */
TnImportPipeline *
_tn_import_pipeline_start (GFile        *file,
                           guint64       size,
                           GCancellable *cancellable)
{
  TnImportPipeline *pipeline = g_new0 (TnImportPipeline, 1);

  g_assert (G_IS_FILE (file));

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
TnImportChunk *
_tn_import_pipeline_take (TnImportPipeline *pipeline)
{
  for (;;)
    {
      TnImportChunk *chunk;

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
void
_tn_import_pipeline_free (TnImportPipeline *pipeline,
                          gint64           *cpu_time)
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

/* Hands a chunk the writer is done with back to the parser, to free its cards and refill. */
void
_tn_import_pipeline_recycle (TnImportPipeline *pipeline,
                             TnImportChunk    *chunk)
{
  g_async_queue_push (pipeline->empty, chunk);
}

/* The writer gave up: the parser reads no further, and the keys threads only pass the
 * chunks through. */
void
_tn_import_pipeline_stop (TnImportPipeline *pipeline)
{
  g_atomic_int_set (&pipeline->stop, TRUE);
}
