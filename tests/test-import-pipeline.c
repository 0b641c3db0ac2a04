/* test-import-pipeline.c — the importer's reading side on its own: cards come to the writer
 * in file order with their keys worked out, a stop or a refusal ends the file, chunks recycle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-import-pipeline-private.h"
#include "tn-test-import.h"

/* A file in the test's own scratch folder. */
static char *
write_file (const char *name,
            const char *text,
            gssize      len)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "pipeline", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return tn_test_write_file (dir, name, text, len);
}

/* A file of @n cards, of *@size bytes. Every third has a UID, every fifth a rating; the rest of the card's
 * fields differ by its place, so that a card out of order shows. A note pads each card, so
 * that 3,000 cards make a file large enough for the keys threads. */
static char *
write_cards (guint    n,
             guint64 *size)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %04u\r\n", i);
      if (i % 3 == 0)
        g_string_append_printf (text, "UID:uid-%u\r\n", i);
      if (i % 5 == 0)
        g_string_append_printf (text, "X-TRUSTNET-TRUST:%u\r\n", 1 + i % 3);
      g_string_append_printf (text,
                              "EMAIL:Person.%u@Example.ORG\r\nTEL:+1 212 555 %04u\r\n"
                              "NOTE:A note long enough to make the file one the keys threads work on.\r\n"
                              "END:VCARD\r\n",
                              i, i % 10000);
    }

  *size = text->len;
  return write_file ("cards.vcf", text->str, text->len);
}

static void
assert_card_is (const TnImportCard *import,
                guint               i)
{
  g_autofree char *name = g_strdup_printf ("Person %04u", i);
  g_autofree char *email = g_strdup_printf ("Person.%u@Example.ORG", i);
  g_autofree char *email_key = tn_duplicates_email_key (email);
  g_autofree char *phone = g_strdup_printf ("+1 212 555 %04u", i % 10000);
  g_autofree char *phone_digits = tn_duplicates_phone_digits (phone);

  g_assert_cmpstr (import->card->full_name, ==, name);

  /* The keys the writer compares: a card's own uid, or one derived from its text. */
  g_assert_nonnull (import->keys);
  if (i % 3 == 0)
    {
      g_autofree char *uid = g_strdup_printf ("uid-%u", i);

      g_assert_cmpstr (import->keys->uid, ==, uid);
    }
  else
    {
      g_assert_true (g_uuid_string_is_valid (import->keys->uid));
      g_assert_cmpint (import->keys->uid[14], ==, '5');
    }
  g_assert_cmpuint (import->keys->emails->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (import->keys->emails, 0), ==, email_key);
  g_assert_cmpuint (import->keys->phones->len, ==, 1);

  /* What the writer stores. */
  g_assert_cmpint (import->trust, ==, i % 5 == 0 ? (TnTrust) (1 + i % 3) : TN_TRUST_UNRATED);
  tn_test_assert_strv ((const char * const *) import->normalized_emails, email_key, NULL);
  tn_test_assert_strv ((const char * const *) import->normalized_phones, phone_digits, NULL);
}

/* Takes every chunk of the file, in order, checking each card and the reading's progress;
 * returns the last chunk, for the caller to recycle. */
static TnImportChunk *
take_all (TnImportPipeline *pipeline,
          guint             n)
{
  guint n_taken = 0;

  for (;;)
    {
      TnImportChunk *chunk = _tn_import_pipeline_take (pipeline);

      for (guint i = 0; i < chunk->cards->len; i++)
        assert_card_is (g_ptr_array_index (chunk->cards, i), n_taken + i);
      n_taken += chunk->cards->len;

      if (chunk->last)
        {
          g_assert_cmpuint (n_taken, ==, n);
          g_assert_cmpuint (chunk->cards->len, ==, 0);
          return chunk;
        }

      /* The file's cards are an estimate while it is being read, always more than read. */
      g_assert_cmpuint (chunk->n_read, ==, n_taken);
      g_assert_cmpuint (chunk->n_cards, >=, n_taken);
      _tn_import_pipeline_recycle (pipeline, chunk);
    }
}

/* A small file has its keys worked out by the parser thread, a large one by the keys
 * threads: the writer sees the same either way, card after card in file order. 3,000 cards
 * need every chunk more than once, so recycled chunks are refilled too. */
static void
test_file_order_with_keys (gconstpointer user_data)
{
  guint n = GPOINTER_TO_UINT (user_data);
  guint64 size;
  g_autofree char *path = write_cards (n, &size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TnImportPipeline *pipeline;
  TnImportChunk *last;
  gint64 cpu_time = 0;

  /* Either side of KEYERS_FROM_BYTES in tn-import-pipeline.c. */
  if (n > 100)
    g_assert_cmpuint (size, >=, 256 * 1024);
  else
    g_assert_cmpuint (size, <, 256 * 1024);
  pipeline = _tn_import_pipeline_start (file, size, NULL);
  last = take_all (pipeline, n);
  g_assert_no_error (last->error);
  g_assert_cmpuint (last->n_skipped, ==, 0);
  _tn_import_pipeline_recycle (pipeline, last);
  _tn_import_pipeline_free (pipeline, &cpu_time);

  /* The threads' CPU time is added up for the debug figures. */
  g_assert_cmpint (cpu_time, >, 0);
}

/* The same card gets the same derived uid each time it is read. */
static void
test_derived_uid_stays (void)
{
  guint64 size;
  g_autofree char *path = write_cards (2, &size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first_uid = NULL;
  gint64 cpu_time = 0;

  for (guint run = 0; run < 2; run++)
    {
      TnImportPipeline *pipeline = _tn_import_pipeline_start (file, size, NULL);
      TnImportChunk *chunk = _tn_import_pipeline_take (pipeline);
      TnImportCard *second = g_ptr_array_index (chunk->cards, 1);

      if (first_uid == NULL)
        first_uid = g_strdup (second->keys->uid);
      else
        g_assert_cmpstr (second->keys->uid, ==, first_uid);

      _tn_import_pipeline_recycle (pipeline, chunk);
      chunk = _tn_import_pipeline_take (pipeline);
      g_assert_true (chunk->last);
      _tn_import_pipeline_recycle (pipeline, chunk);
      _tn_import_pipeline_free (pipeline, &cpu_time);
    }
}

/* After the writer gives up, the parser reads no further: the last chunk comes long before
 * the end of the file, and the threads end. */
static void
test_stop (void)
{
  guint64 size;
  g_autofree char *path = write_cards (20000, &size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TnImportPipeline *pipeline = _tn_import_pipeline_start (file, size, NULL);
  TnImportChunk *chunk = _tn_import_pipeline_take (pipeline);
  guint n_read = chunk->n_read;
  gint64 cpu_time = 0;

  g_assert_false (chunk->last);
  _tn_import_pipeline_stop (pipeline);
  while (!chunk->last)
    {
      _tn_import_pipeline_recycle (pipeline, chunk);
      chunk = _tn_import_pipeline_take (pipeline);
      n_read = MAX (n_read, chunk->n_read);
    }

  g_assert_cmpuint (n_read, <, 20000);
  _tn_import_pipeline_recycle (pipeline, chunk);
  _tn_import_pipeline_free (pipeline, &cpu_time);
}

/* Reads @path to the end and returns how reading ended, as the last chunk says. */
static GError *
read_to_the_end (const char   *path,
                 guint64       size,
                 GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TnImportPipeline *pipeline = _tn_import_pipeline_start (file, size, cancellable);
  TnImportChunk *last = _tn_import_pipeline_take (pipeline);
  GError *error = g_steal_pointer (&last->error);
  gint64 cpu_time = 0;

  g_assert_true (last->last);
  g_assert_cmpuint (last->cards->len, ==, 0);
  _tn_import_pipeline_recycle (pipeline, last);
  _tn_import_pipeline_free (pipeline, &cpu_time);
  return error;
}

/* How reading ended comes in the last chunk: a file that is not a vCard file, or a cancel. */
static void
test_refused_and_cancelled (void)
{
  g_autofree char *empty = write_file ("empty.vcf", "", 0);
  guint64 size;
  g_autofree char *cards = write_cards (10, &size);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) refused = read_to_the_end (empty, 0, NULL);
  g_autoptr(GError) cancelled = NULL;

  g_assert_error (refused, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY);

  g_cancellable_cancel (cancellable);
  cancelled = read_to_the_end (cards, size, cancellable);
  g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The calling thread's own CPU time, in µs: it grows with work, not with waiting. */
static void
test_thread_cpu_time (void)
{
  gint64 before = _tn_import_thread_cpu_time ();
  gint64 after;
  volatile guint64 sum = 0;

  g_assert_cmpint (before, >, 0);
  for (guint64 i = 0; i < 20 * 1000 * 1000; i++)
    sum += i;
  after = _tn_import_thread_cpu_time ();
  g_assert_cmpint (after, >, before);

  g_usleep (100 * 1000);
  g_assert_cmpint (_tn_import_thread_cpu_time () - after, <, 50 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/import-pipeline/file-order-with-keys/parser-thread", GUINT_TO_POINTER (20),
                        test_file_order_with_keys);
  g_test_add_data_func ("/import-pipeline/file-order-with-keys/keys-threads", GUINT_TO_POINTER (3000),
                        test_file_order_with_keys);
  g_test_add_func ("/import-pipeline/derived-uid-stays", test_derived_uid_stays);
  g_test_add_func ("/import-pipeline/stop", test_stop);
  g_test_add_func ("/import-pipeline/refused-and-cancelled", test_refused_and_cancelled);
  g_test_add_func ("/import-pipeline/thread-cpu-time", test_thread_cpu_time);

  return g_test_run ();
}
