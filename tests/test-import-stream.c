/* test-import-stream.c — issue 13 item 8: a file is read in pieces, so memory stays that of
 * a piece and a card whatever the file's size; what is found late refuses the file cleanly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-stream"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-importer.h"
#include "tn-store.h"
#include "tn-test-import.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

/* @n cards named "Person i" with an address each, far more than one piece of reading. */
static GString *
many_cards (guint       n,
            const char *line_end)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "BEGIN:VCARD%sVERSION:3.0%sFN:Person %u%sEMAIL:person%u@example.org%s"
                            "NOTE:a note long enough that cards straddle the pieces of the file%s"
                            "END:VCARD%s",
                            line_end, line_end, i, line_end, i, line_end, line_end, line_end);
  return text;
}

/* Every card of a file much larger than a piece, whatever ends its lines: a lone CR (old
 * Macs) is only known to end a line by what follows it, maybe in the next piece. */
static void
test_pieces_give_every_card (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *line_ends[] = { "\r\n", "\n", "\r" };

  for (guint e = 0; e < G_N_ELEMENTS (line_ends); e++)
    {
      g_autoptr(GString) text = many_cards (20000, line_ends[e]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) cards = NULL;

      g_assert_cmpuint (text->len, >, 2 * 1024 * 1024);
      cards = tn_test_parse_vcard_bytes (text->str, text->len, &problems);
      g_assert_cmpuint (cards->len, ==, 20000);
      g_assert_cmpuint (problems->len, ==, 0);
      for (guint i = 0; i < cards->len; i += 997)
        {
          g_autofree char *name = g_strdup_printf ("Person %u", i);
          TnVcardCard *card = tn_test_card_at (cards, i);

          g_assert_cmpstr (card->full_name, ==, name);
          /* Line numbers go on across pieces. */
          g_assert_cmpuint (card->line, ==, 1 + 6 * i);
        }
    }
}

typedef struct
{
  char *path;
  guint n_cards;
  guint first_estimate;
  guint last_estimate;
} Growing;

/* After the first card, the file grows: only a reader that has not read it all sees it. */
static gboolean
on_card_grow_cb (TnVcardCard *card,
                 guint        index,
                 guint        n_cards,
                 gpointer     user_data)
{
  Growing *growing = user_data;

  if (growing->n_cards == 0)
    {
      g_autoptr(GString) more = many_cards (10, "\r\n");
      FILE *file = fopen (growing->path, "ab");

      g_assert_nonnull (file);
      g_assert_cmpuint (fwrite (more->str, 1, more->len, file), ==, more->len);
      fclose (file);
      growing->first_estimate = n_cards;
    }

  g_assert_cmpuint (index, ==, growing->n_cards);
  g_assert_cmpuint (n_cards, >, index);
  growing->n_cards++;
  growing->last_estimate = n_cards;
  tn_vcard_card_free (card);
  return TRUE;
}

static void
test_file_is_read_in_pieces (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GString) text = many_cards (5000, "\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  Growing growing = { 0 };

  growing.path = tn_test_write_file (fixture->dir, "growing.vcf", text->str, text->len);
  file = g_file_new_for_path (growing.path);
  g_assert_true (tn_vcard_parse_file_foreach (file, on_card_grow_cb, &growing, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The ten cards written after the first was handed on were read too. */
  g_assert_cmpuint (growing.n_cards, ==, 5010);
  /* How many cards there are is estimated from the file's size, then known at the end. */
  g_assert_cmpuint (growing.first_estimate, >=, 4000);
  g_assert_cmpuint (growing.first_estimate, <=, 6000);
  g_assert_cmpuint (growing.last_estimate, ==, 5010);
  g_free (growing.path);
}

/* A card that never ends (or holds more than any card may) is skipped without holding
 * the file in memory; the cards after it are read. */
static void
test_card_without_end_is_bounded (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Endless\r\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  while (text->len <= TN_VCARD_MAX_CARD_BYTES + 1024 * 1024)
    g_string_append (text, "X-FILLER:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n");
  g_string_append (text, "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Next\r\nEND:VCARD\r\n");

  cards = tn_test_parse_vcard_bytes (text->str, text->len, &problems);
  tn_test_assert_one_card_and_skip (cards, "Next", problems, 1, "takes more than");
}

/* A line longer than any card may be is not a vCard file's. */
static void
test_endless_line_refused (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\nNOTE:");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  g_string_set_size (text, text->len + TN_VCARD_MAX_CARD_BYTES + 10);
  memset (text->str + text->len - TN_VCARD_MAX_CARD_BYTES - 10, 'x', TN_VCARD_MAX_CARD_BYTES + 10);
  bytes = g_bytes_new (text->str, text->len);

  cards = tn_vcard_parse (bytes, "long.vcf", NULL, &error);
  g_assert_null (cards);
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "line 4"));
}

/* A NUL byte far into a file refuses it after its first cards were written: the import
 * drops them, and the next file of the same import does not take them for known. */
static void
test_late_refusal_leaves_nothing (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GString) text = many_cards (20000, "\r\n");
  g_autoptr(TnImportResult) result = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *good = NULL;
  TnImportFileResult *file;

  text->str[text->len - 20] = '\0';
  broken = tn_test_write_file (fixture->dir, "broken.vcf", text->str, text->len);
  good = tn_test_write_file (fixture->dir, "good.vcf",
                             "BEGIN:VCARD\r\nFN:Person 7\r\nEMAIL:person7@example.org\r\nEND:VCARD\r\n", -1);

  result = tn_test_import_paths (fixture->store, broken, good, NULL);
  file = tn_test_file_result (result, 0);
  g_assert_error (file->error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_assert_cmpuint (file->n_added, ==, 0);
  g_assert_cmpuint (file->batch_id, ==, 0);

  file = tn_test_file_result (result, 1);
  g_assert_no_error (file->error);
  g_assert_cmpuint (file->n_added, ==, 1);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (result->added_ids->len, ==, 1);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM contacts", "1");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM import_batches", "1");
  tn_test_assert_query (fixture->path, "SELECT full_name FROM contacts", "Person 7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tn_test_add_store_test ("/stream/pieces-give-every-card", NOW, test_pieces_give_every_card);
  tn_test_add_store_test ("/stream/file-is-read-in-pieces", NOW, test_file_is_read_in_pieces);
  tn_test_add_store_test ("/stream/card-without-end-is-bounded", NOW, test_card_without_end_is_bounded);
  tn_test_add_store_test ("/stream/endless-line-refused", NOW, test_endless_line_refused);
  tn_test_add_store_test ("/stream/late-refusal-leaves-nothing", NOW, test_late_refusal_leaves_nothing);

  return g_test_run ();
}
