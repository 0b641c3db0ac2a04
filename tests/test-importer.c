/* test-importer.c — importing vCard files into a real temporary database: reading card by
 * card, sync and async, re-imports, refusals, undo, cancel, and the facts of EXPECTED.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-importer"

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

/* The first bytes of a PNG image, as in a photo renamed contacts.vcf. */
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/* ---- The store, as the importer needs it -------------------------------------------- */

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_store_keeps_new_fields (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *reread;

  tn_contact_set_given_name (ada, "Ada");
  tn_contact_set_family_name (ada, "Lovelace");
  tn_contact_set_birthday (ada, "1815-12-10");
  g_assert_true (tn_store_add_contact (fixture->store, ada, &error));
  g_assert_no_error (error);

  draft = tn_contact_copy (ada);
  tn_contact_set_birthday (draft, "--12-10");
  tn_contact_set_given_name (draft, "Augusta Ada");
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  fixture->store = tn_test_store_open_path (fixture->path);
  reread = tn_test_contact_at (fixture->store, 0);
  g_assert_cmpstr (tn_contact_get_given_name (reread), ==, "Augusta Ada");
  g_assert_cmpstr (tn_contact_get_family_name (reread), ==, "Lovelace");
  g_assert_cmpstr (tn_contact_get_birthday (reread), ==, "--12-10");
  g_assert_null (tn_contact_get_vcard (reread));
}

/* A store opened without its list, as the command line's import does. */
static void
test_open_without_contacts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnStore) bare = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tn_test_write_file (fixture->dir, "ada.vcf", "BEGIN:VCARD\r\nFN:Ada\r\nEMAIL:ada@example.org\r\nTITLE:Countess\r\nEND:VCARD\r\n", -1);
  GFile *files[1];

  bare = tn_store_open_full (fixture->path, TN_STORE_OPEN_FLAGS_NO_CONTACTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (bare), ==, 0);

  /* The importer still finds Ada in the database. */
  file = g_file_new_for_path (path);
  files[0] = file;
  result = tn_importer_import (bare, files, 1, TN_IMPORT_FLAGS_NO_REFRESH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpuint (tn_test_n_contacts (bare), ==, 0);
  tn_test_assert_query (fixture->path, "SELECT title FROM contacts", "Countess");
}

/* ---- Reading a file card by card ---------------------------------------------------- */

typedef struct
{
  GPtrArray *names;
  guint last_index;
  guint n_cards;
  guint stop_after;
} Streamed;

static gboolean
on_card_cb (TnVcardCard *card,
            guint        index,
            guint        n_cards,
            gpointer     user_data)
{
  Streamed *streamed = user_data;

  g_ptr_array_add (streamed->names, g_strdup (card->full_name));
  streamed->last_index = index;
  streamed->n_cards = n_cards;
  tn_vcard_card_free (card);

  return streamed->names->len < streamed->stop_after;
}

static void
test_parse_file_foreach (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = tn_test_write_file (fixture->dir, "three.vcf",
                                              "BEGIN:VCARD\nFN:Ada\nEND:VCARD\n"
                                              "BEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n"
                                              "BEGIN:VCARD\nFN:Grace\nEND:VCARD\n", -1);
  g_autofree char *photo = tn_test_write_file (fixture->dir, "photo.vcf", png, sizeof png - 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  Streamed streamed = { g_ptr_array_new_with_free_func (g_free), 0, 0, G_MAXUINT };
  guint n_skipped = 0;

  /* Every card in order, told where it is among all of them; the skipped one counted. */
  g_assert_true (tn_vcard_parse_file_foreach (file, on_card_cb, &streamed, &problems, &n_skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (streamed.names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (streamed.names, 0), ==, "Ada");
  g_assert_cmpstr (g_ptr_array_index (streamed.names, 1), ==, "Grace");
  g_assert_cmpuint (streamed.last_index, ==, 2);
  g_assert_cmpuint (streamed.n_cards, ==, 3);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The callback can stop it. */
  g_ptr_array_set_size (streamed.names, 0);
  streamed.stop_after = 1;
  g_assert_false (tn_vcard_parse_file_foreach (file, on_card_cb, &streamed, &problems, &n_skipped, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (streamed.names->len, ==, 1);
  g_assert_null (problems);
  g_clear_error (&error);

  /* A refused file is refused before any card. */
  g_ptr_array_set_size (streamed.names, 0);
  g_assert_false (tn_vcard_parse_file_foreach (photo_file, on_card_cb, &streamed, NULL, NULL, NULL, &error));
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_assert_cmpuint (streamed.names->len, ==, 0);

  g_ptr_array_unref (streamed.names);
}

/* ---- Importing ---------------------------------------------------------------------- */

static void
test_import_basic (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = tn_test_import_text (fixture, "three.vcf", tn_test_three_cards);
  TnImportFileResult *file = tn_test_file_result (result, 0);
  TnContact *ada, *alan;

  g_assert_no_error (file->error);
  g_assert_cmpstr (file->name, ==, "three.vcf");
  g_assert_cmpint (file->batch_id, >, 0);
  g_assert_cmpuint (file->n_added, ==, 3);
  g_assert_cmpuint (file->n_merged + file->n_unchanged + file->n_skipped, ==, 0);
  g_assert_cmpuint (file->problems->len, ==, 0);
  g_assert_cmpuint (result->n_added, ==, 3);
  g_assert_cmpuint (result->n_refused, ==, 0);
  g_assert_cmpuint (result->added_ids->len, ==, 3);

  /* The list shows them at once, with every field. */
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 3);
  ada = tn_test_lookup (fixture->store, "ada@example.org");
  g_assert_cmpstr (tn_contact_get_uid (ada), ==, "uid-ada");
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_given_name (ada), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_family_name (ada), ==, "Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
  g_assert_cmpstr (tn_contact_get_note (ada), ==, "Wrote the first program");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "1815-12-10");
  tn_test_assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);
  g_assert_nonnull (strstr (tn_contact_get_vcard (ada), "X-SOCIAL:@ada"));
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_UNRATED);

  /* A card without UID gets one, derived from the card; the name of a card without FN
   * comes from N. */
  alan = tn_test_contact_at (fixture->store, 2);
  g_assert_cmpstr (tn_contact_get_full_name (alan), ==, "Alan Turing");
  g_assert_true (g_uuid_string_is_valid (tn_contact_get_uid (alan)));
  g_assert_cmpstr (tn_contact_get_uid (alan), !=, tn_contact_get_uid (tn_test_contact_at (fixture->store, 1)));

  /* The same in the database, with the batch. */
  g_clear_object (&fixture->store);
  fixture->store = tn_test_store_open_path (fixture->path);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 3);
  tn_test_assert_query (fixture->path, "SELECT file_name, n_added, n_merged, n_unchanged, n_skipped, undone_at IS NULL FROM import_batches",
                        "three.vcf|3|0|0|0|1");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM contacts WHERE batch_id = 1", "3");
  tn_test_assert_query (fixture->path, "SELECT normalized FROM phones ORDER BY contact_id", "+442079460958\n+12125550100");
}

typedef struct
{
  GMainLoop *loop;
  TnImportResult *result;
  GError *error;
  GCancellable *cancel_on_progress;
  guint n_progress;
  double last_fraction;
  guint last_n_cards;
  guint n_items_added;
  gboolean done;
} AsyncImport;

static void
on_progress_cb (double   fraction,
                guint    n_cards,
                gpointer user_data)
{
  AsyncImport *state = user_data;

  g_assert_false (state->done);
  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_cmpuint (n_cards, >=, state->last_n_cards);
  state->last_fraction = fraction;
  state->last_n_cards = n_cards;
  state->n_progress++;

  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncImport *state = user_data;

  state->result = tn_importer_import_finish (TN_STORE (source), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  AsyncImport *state = user_data;

  /* Only once the import is over, on this thread. */
  g_assert_false (state->done);
  state->n_items_added += added;
}

static void
import_async (TnStore      *store,
              const char   *path,
              GCancellable *cancellable,
              AsyncImport  *state)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  state->loop = g_main_loop_new (NULL, FALSE);
  tn_importer_import_async (store, files, 1, TN_IMPORT_FLAGS_NONE, cancellable,
                            on_progress_cb, state, NULL, on_import_done_cb, state);
  g_main_loop_run (state->loop);
  g_clear_pointer (&state->loop, g_main_loop_unref);
}

/* "Card N" cards, every @dup_every'th repeating the email of the one before. */
static char *
many_cards (guint n,
            guint dup_every)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      guint person = dup_every > 0 && i % dup_every == dup_every - 1 ? i - 1 : i;

      g_string_append_printf (text,
                              "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nN:%u;Person;;;\r\n"
                              "EMAIL;TYPE=INTERNET:person.%u@example.org\r\nTEL:+1 555 %04u\r\n"
                              "ORG:Company %u\r\nNOTE:Card %u\\, with a note\r\nEND:VCARD\r\n",
                              person, person, person, i % 10000, i % 7, i);
    }

  return g_string_free (text, FALSE);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *text = many_cards (3000, 10);
  g_autofree char *path = tn_test_write_file (fixture->dir, "many.vcf", text, -1);
  AsyncImport state = { 0 };
  TnImportFileResult *file;
  g_autofree char *phones = NULL;

  g_signal_connect (tn_store_get_contacts (fixture->store), "items-changed", G_CALLBACK (on_items_changed_cb), &state);
  import_async (fixture->store, path, NULL, &state);
  g_signal_handlers_disconnect_by_func (tn_store_get_contacts (fixture->store), on_items_changed_cb, &state);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.result);
  file = tn_test_file_result (state.result, 0);
  g_assert_cmpuint (file->n_added, ==, 2700);
  g_assert_cmpuint (file->n_merged + file->n_unchanged, ==, 300);
  g_assert_cmpuint (file->n_duplicates_in_file, ==, 300);
  g_assert_cmpuint (state.n_items_added, ==, 2700);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2700);
  g_assert_cmpuint (state.n_progress, >=, 1);

  /* Card 9 repeats card 8's person with another number: merged into a contact whose
   * addresses the writer may still hold back (tn-import-writer-rows.c), the new number
   * comes after the first. */
  phones = tn_test_sqlite (fixture->path,
                           "SELECT group_concat (value, ',') FROM (SELECT value FROM phones WHERE contact_id ="
                           " (SELECT contact_id FROM emails WHERE value = 'person.8@example.org') ORDER BY position)");
  g_assert_cmpstr (phones, ==, "+1 555 0008,+1 555 0009");

  tn_import_result_free (state.result);
}

static gint64
file_size_of (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_size;
}

/* The window gets the result first; the worker then copies the import from the write-ahead
 * log into the database file by itself, with no further change on the main thread (the
 * database file grows only by a checkpoint). */
static void
test_import_async_checkpoints (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *text = many_cards (3000, 0);
  g_autofree char *path = tn_test_write_file (fixture->dir, "many.vcf", text, -1);
  gint64 size_before = file_size_of (fixture->path);
  g_autofree char *count = NULL;
  AsyncImport state = { 0 };

  import_async (fixture->store, path, NULL, &state);
  g_assert_no_error (state.error);
  g_assert_cmpuint (tn_test_file_result (state.result, 0)->n_added, ==, 3000);
  tn_import_result_free (state.result);

  /* Waits for the worker, which needs no main loop; a checkpoint that never comes fails
   * by the suite's timeout. */
  while (file_size_of (fixture->path) < size_before + 3000 * 100)
    g_usleep (10 * 1000);
  count = tn_test_sqlite (fixture->path, "SELECT count (*) FROM contacts");
  g_assert_cmpstr (count, ==, "3000");
}

/* The writer sets triggers aside for its transaction (and drops the lookup indexes of a
 * large import, as test-import-same-rows does): after the commit the schema is what it was,
 * each trigger made from its own SQL again (only their order in sqlite_master may move). */
static void
test_import_keeps_schema (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char schema_sql[] = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
  g_autofree char *text = many_cards (3000, 10);
  g_autofree char *path = tn_test_write_file (fixture->dir, "many.vcf", text, -1);
  g_autofree char *schema_before = tn_test_sqlite (fixture->path, schema_sql);
  g_autofree char *schema_after = NULL;
  AsyncImport state = { 0 };

  import_async (fixture->store, path, NULL, &state);
  g_assert_no_error (state.error);
  g_assert_cmpuint (tn_test_file_result (state.result, 0)->n_added, ==, 2700);
  tn_import_result_free (state.result);

  schema_after = tn_test_sqlite (fixture->path, schema_sql);
  g_assert_cmpstr (schema_after, ==, schema_before);
}

/* Importing the same file again changes nothing at all. */
static void
test_reimport_changes_nothing (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *path = tn_test_write_file (fixture->dir, "three.vcf", tn_test_three_cards, -1);
  g_autoptr(TnImportResult) first = tn_test_import_paths (fixture->store, path, NULL);
  g_autoptr(TnImportResult) second = NULL;
  g_autofree char *before = tn_test_dump (fixture->path);
  g_autofree char *after = NULL;
  TnImportFileResult *file;

  second = tn_test_import_paths (fixture->store, path, NULL);
  file = tn_test_file_result (second, 0);
  g_assert_cmpuint (file->n_added, ==, 0);
  g_assert_cmpuint (file->n_merged, ==, 0);
  g_assert_cmpuint (file->n_unchanged, ==, 3);
  g_assert_cmpint (file->batch_id, ==, 0);
  g_assert_cmpuint (second->changed_ids->len, ==, 0);

  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 3);

  /* The batch taken back gives its id to the next file that changes something. */
  {
    g_autofree char *other = tn_test_write_file (fixture->dir, "other.vcf",
                                                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone New\r\nEND:VCARD\r\n", -1);
    g_autoptr(TnImportResult) third = tn_test_import_paths (fixture->store, other, NULL);

    g_assert_cmpint (tn_test_file_result (third, 0)->batch_id, ==, tn_test_file_result (first, 0)->batch_id + 1);
  }
}

/* A card with a name and nothing else to match on: the same card again is still found,
 * by the uid derived from it; another card with the same name is someone else. */
static void
test_reimport_name_only (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char ada[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n";
  static const char other_ada[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nNOTE:the other one\r\nEND:VCARD\r\n";
  g_autoptr(TnImportResult) first = tn_test_import_text (fixture, "ada.vcf", ada);
  g_autoptr(TnImportResult) again = tn_test_import_text (fixture, "ada-again.vcf", ada);
  g_autoptr(TnImportResult) other = tn_test_import_text (fixture, "other-ada.vcf", other_ada);
  g_autoptr(TnImportResult) twice = NULL;
  g_autofree char *both = g_strconcat (ada, ada, NULL);

  g_assert_cmpuint (first->n_added, ==, 1);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 1);
  g_assert_cmpuint (other->n_added, ==, 1);
  g_assert_cmpuint (other->n_possible_duplicates, ==, 1);

  /* Twice in one file is one card, too. */
  twice = tn_test_import_text (fixture, "twice.vcf", both);
  g_assert_cmpuint (twice->n_added + twice->n_merged, ==, 0);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2);
}

/* A merge adds an address only when the contact has none with its key, and one the card
 * lists twice only once: the same email in other capitals, the same phone number written
 * another way. */
static void
test_merge_adds_each_address_once (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  static const char ada[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:Ada@Example.org\r\nTEL:+1 650 253 0000\r\nEND:VCARD\r\n";
  static const char more_ada[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEMAIL:ada@work.example\r\n"
    "EMAIL:ADA@work.example\r\nTEL:+1-650-253-0000\r\nTEL:+1 212 555 0199\r\nTEL:(212) 555-0199\r\nEND:VCARD\r\n";
  g_autoptr(TnImportResult) first = tn_test_import_text (fixture, "ada.vcf", ada);
  g_autoptr(TnImportResult) more = tn_test_import_text (fixture, "more-ada.vcf", more_ada);
  TnContact *contact = NULL;

  g_assert_cmpuint (first->n_added, ==, 1);
  g_assert_cmpuint (more->n_merged, ==, 1);
  contact = tn_test_lookup (fixture->store, "Ada@Example.org");
  tn_test_assert_strv (tn_contact_get_emails (contact), "Ada@Example.org", "ada@work.example", NULL);
  tn_test_assert_strv (tn_contact_get_phones (contact), "+1 650 253 0000", "+1 212 555 0199", NULL);
}

static void
test_problems_have_lines (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = NULL;
  TnImportFileResult *file;
  gboolean skipped_seen = FALSE;

  result = tn_test_import_text (fixture, "broken.vcf",
                                "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD\n"
                                "stray text\n"
                                "BEGIN:VCARD\nVERSION:3.0\nNOTE:nobody\nEND:VCARD\n"
                                "BEGIN:VCARD\nVERSION:3.0\nFN:Grace Hopper\nEND:VCARD\n");
  file = tn_test_file_result (result, 0);
  g_assert_no_error (file->error);
  g_assert_cmpuint (file->n_added, ==, 2);
  g_assert_cmpuint (file->n_skipped, ==, 1);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_assert_cmpuint (file->problems->len, ==, 2);

  for (guint i = 0; i < file->problems->len; i++)
    {
      TnVcardProblem *problem = g_ptr_array_index (file->problems, i);

      g_assert_true (problem->line == 5 || problem->line == 6);
      if (problem->line == 6)
        {
          g_assert_true (problem->card_skipped);
          skipped_seen = TRUE;
        }
    }
  g_assert_true (skipped_seen);
  tn_test_assert_query (fixture->path, "SELECT n_added, n_skipped FROM import_batches", "2|1");
}

/* A file that is not a vCard file writes nothing, alone or beside a good one. */
static void
test_not_a_vcard (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *photo = tn_test_write_file (fixture->dir, "photo.vcf", png, sizeof png - 1);
  g_autofree char *empty = tn_test_write_file (fixture->dir, "empty.vcf", "", 0);
  g_autofree char *good = tn_test_write_file (fixture->dir, "good.vcf", tn_test_three_cards, -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnImportResult) mixed = NULL;

  before = tn_test_dump (fixture->path);
  result = tn_test_import_paths (fixture->store, photo, empty, NULL);
  g_assert_cmpuint (result->n_refused, ==, 2);
  g_assert_error (tn_test_file_result (result, 0)->error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_assert_cmpstr (tn_test_file_result (result, 0)->error->message, ==, "“photo.vcf” is a PNG image, not a vCard file.");
  g_assert_error (tn_test_file_result (result, 1)->error, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY);
  g_assert_cmpint (tn_test_file_result (result, 0)->batch_id, ==, 0);
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 0);

  /* Each file its own batch: the good one is imported, the refused one leaves nothing. */
  mixed = tn_test_import_paths (fixture->store, photo, good, NULL);
  g_assert_cmpuint (mixed->n_refused, ==, 1);
  g_assert_cmpuint (mixed->n_added, ==, 3);
  g_assert_cmpint (tn_test_file_result (mixed, 0)->batch_id, ==, 0);
  g_assert_cmpint (tn_test_file_result (mixed, 1)->batch_id, >, 0);
  tn_test_assert_query (fixture->path, "SELECT group_concat (file_name) FROM import_batches", "good.vcf");
}

/* A contact removed with undo offered keeps its uid until it is purged: a card with that
 * uid is someone new, under a uid of its own. */
static void
test_removed_contact_uid (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_contact_set_uid (ada, "uid-ada");
  g_assert_true (tn_store_add_contact (fixture->store, ada, &error));
  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));
  g_assert_no_error (error);

  result = tn_test_import_text (fixture, "ada.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  g_assert_cmpstr (tn_contact_get_uid (tn_test_contact_at (fixture->store, 0)), !=, "uid-ada");

  /* And the removed one can still come back. */
  g_assert_true (tn_store_restore_contact (fixture->store, ada, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2);
}

/* ---- Undo --------------------------------------------------------------------------- */

static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TnContact) grace = tn_test_add_person (fixture->store, "Grace Hopper", "grace@navy.example", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;
  gint64 batch;

  result = tn_test_import_text (fixture, "three.vcf", tn_test_three_cards);
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_merged, ==, 1);
  g_assert_cmpstr (tn_contact_get_organization (grace), ==, NULL);
  batch = tn_test_file_result (result, 0)->batch_id;

  /* Grace gains nothing from her card but is matched; make her card add something. */
  g_clear_pointer (&result, tn_import_result_free);
  result = tn_test_import_text (fixture, "grace.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\n"
                                "EMAIL:amazing.grace@example.org\r\nORG:US Navy\r\nTEL:+1 212 555 0199\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_merged, ==, 1);
  tn_test_assert_strv (tn_contact_get_emails (grace), "grace@navy.example", "amazing.grace@example.org", NULL);
  g_assert_cmpstr (tn_contact_get_organization (grace), ==, "US Navy");

  g_signal_connect_swapped (tn_store_get_contacts (fixture->store), "items-changed", G_CALLBACK (count_cb), &n_removed);

  /* The second import: Grace is un-merged, exactly. */
  g_assert_true (tn_store_undo_import (fixture->store, tn_test_file_result (result, 0)->batch_id, &error));
  g_assert_no_error (error);
  tn_test_assert_strv (tn_contact_get_emails (grace), "grace@navy.example", NULL);
  tn_test_assert_strv (tn_contact_get_phones (grace), NULL);
  g_assert_null (tn_contact_get_organization (grace));
  /* The card the first import gave her stays, until that import is undone. */
  g_assert_nonnull (tn_contact_get_vcard (grace));

  /* The first: the contacts it made go; the vCard it gave Grace too. */
  g_assert_true (tn_store_undo_import (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  g_assert_true (tn_test_contact_at (fixture->store, 0) == grace);
  g_assert_cmpuint (n_removed, >=, 2);
  g_assert_null (tn_contact_get_vcard (grace));

  /* In the database: Grace as she was before either import. */
  tn_test_assert_query (fixture->path, "SELECT full_name, organization IS NULL, vcard IS NULL, batch_id IS NULL FROM contacts",
                        "Grace Hopper|1|1|1");
  tn_test_assert_query (fixture->path, "SELECT group_concat (value) FROM emails", "grace@navy.example");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM phones", "0");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM batch_changes", "0");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM import_batches WHERE undone_at IS NOT NULL", "2");

  /* Once only, and only what exists. */
  g_assert_false (tn_store_undo_import (fixture->store, batch, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tn_store_undo_import (fixture->store, 999, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
}

/* What the person did since the import stays: a contact they rated, a field they edited. */
static void
test_undo_keeps_edits (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TnContact) grace = tn_test_add_person (fixture->store, "Grace Hopper", "grace@navy.example", NULL);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *ada;

  result = tn_test_import_text (fixture, "three.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nEMAIL:alan@example.org\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\n"
                                "ORG:US Navy\r\nTITLE:Rear Admiral\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->n_added, ==, 2);

  ada = tn_test_lookup (fixture->store, "ada@example.org");
  g_assert_true (tn_store_set_trust (fixture->store, ada, TN_TRUST_COMPLETELY, &error));
  draft = tn_contact_copy (grace);
  tn_contact_set_title (draft, "Commodore");
  g_assert_true (tn_store_update_contact (fixture->store, grace, draft, &error));
  g_assert_no_error (error);

  g_assert_true (tn_store_undo_import (fixture->store, tn_test_file_result (result, 0)->batch_id, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2);
  g_assert_true (tn_test_lookup (fixture->store, "ada@example.org") == ada);
  g_assert_cmpstr (tn_contact_get_title (grace), ==, "Commodore");
  g_assert_null (tn_contact_get_organization (grace));
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM contacts WHERE batch_id IS NOT NULL", "0");
}

/* ---- Cancel ------------------------------------------------------------------------- */

static char *
read_bytes (const char *path,
            gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *text = many_cards (20000, 0);
  g_autofree char *path = tn_test_write_file (fixture->dir, "many.vcf", text, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "person.5@example.org", NULL);
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  gsize len_before, len_after;
  AsyncImport state = { 0 };

  /* Everything in the database file itself, not in its write-ahead log. */
  g_free (tn_test_sqlite (fixture->path, "PRAGMA wal_checkpoint(TRUNCATE)"));
  dump_before = tn_test_dump (fixture->path);
  bytes_before = read_bytes (fixture->path, &len_before);

  /* Cancelled at the first progress report, well before the end. */
  state.cancel_on_progress = cancellable;
  import_async (fixture->store, path, cancellable, &state);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.result);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpuint (state.last_n_cards, <, 20000);
  g_clear_error (&state.error);

  bytes_after = read_bytes (fixture->path, &len_after);
  g_assert_cmpmem (bytes_after, len_after, bytes_before, len_before);
  dump_after = tn_test_dump (fixture->path);
  g_assert_cmpstr (dump_after, ==, dump_before);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  tn_test_assert_strv (tn_contact_get_emails (ada), "person.5@example.org", NULL);

  /* Cancelled before it starts: the same. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(TnImportResult) result = NULL;
    GFile *files[] = { file };

    result = tn_importer_import (fixture->store, files, 1, TN_IMPORT_FLAGS_NONE, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (result);
  }
  g_clear_pointer (&dump_after, g_free);
  dump_after = tn_test_dump (fixture->path);
  g_assert_cmpstr (dump_after, ==, dump_before);

  /* And the same file imports whole afterwards. */
  {
    g_autoptr(TnImportResult) result = tn_test_import_paths (fixture->store, path, NULL);

    g_assert_cmpuint (result->n_added, ==, 19999);
    g_assert_cmpuint (result->n_merged, ==, 1);
    g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 20000);
  }
}

/* The database refuses the import as a whole: nothing is written, the error says why. */
/* Cards matched by their phone numbers alone, so that each number's key (libphonenumber,
 * worked out on one of two keys threads) decides: the writer still takes the cards in file
 * order, whichever thread finished its chunk first, and the first card with a number makes
 * the contact. 30 chunks of cards, each number on three cards a thousand apart. */
static void
test_keys_threads_keep_file_order (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GString) first_names = g_string_new (NULL);
  g_autoptr(TnImportResult) result = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %04u\r\nTEL:+1 212 555 %04u\r\n"
                            "NOTE:A note long enough to make the file one the keys threads work on.\r\n"
                            "END:VCARD\r\n",
                            i, i % 1000);
  /* Large enough for the keys threads (KEYERS_FROM_BYTES in tn-import-pipeline.c). */
  g_assert_cmpuint (text->len, >=, 256 * 1024);
  path = tn_test_write_file (fixture->dir, "phones.vcf", text->str, -1);

  result = tn_test_import_paths (fixture->store, path, NULL);
  g_assert_cmpuint (result->n_added, ==, 1000);
  g_assert_cmpuint (result->n_added + result->n_merged + result->n_unchanged, ==, 3000);

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (first_names, "Person %04u\n", i);
  names = tn_test_sqlite (fixture->path, "SELECT full_name FROM contacts ORDER BY full_name");
  g_assert_cmpstr (names, ==, g_strchomp (first_names->str));
}

/* The writer reads the contacts already there before the first card; a failure of that
 * read (after the transaction began) leaves the database as it was, and nothing half-done. */
static void
test_failed_start_leaves_nothing (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *text = many_cards (20000, 0);
  g_autofree char *path = tn_test_write_file (fixture->dir, "many.vcf", text, -1);
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  GFile *files[] = { file };

  /* The read of the known web pages fails: their table is not where it should be. */
  g_free (tn_test_sqlite (fixture->path, "ALTER TABLE urls RENAME TO urls_away"));
  dump_before = tn_test_dump (fixture->path);

  result = tn_importer_import (fixture->store, files, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
  dump_after = tn_test_dump (fixture->path);
  g_assert_cmpstr (dump_after, ==, dump_before);

  /* Put back, the same file imports whole. */
  g_free (tn_test_sqlite (fixture->path, "ALTER TABLE urls_away RENAME TO urls"));
  g_clear_pointer (&result, tn_import_result_free);
  result = tn_test_import_paths (fixture->store, path, NULL);
  g_assert_cmpuint (result->n_added, ==, 20000);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 20001);
}

static void
test_busy_database (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = tn_test_write_file (fixture->dir, "three.vcf", tn_test_three_cards, -1);
  static const char script[] =
    "import sqlite3, sys, time\n"
    "connection = sqlite3.connect (sys.argv[1], isolation_level=None)\n"
    "connection.execute ('BEGIN IMMEDIATE')\n"
    "print ('locked', flush=True)\n"
    "time.sleep (30)\n";
  g_autoptr(GSubprocess) locker = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TnImportResult) result = NULL;
  GInputStream *out;
  GFile *files[] = { file };
  char buffer[16] = { 0 };

  /* Another program holds the write lock for longer than the importer waits. */
  locker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", "-c", script, fixture->path, NULL);
  g_assert_no_error (error);
  out = g_subprocess_get_stdout_pipe (locker);
  g_assert_cmpint (g_input_stream_read (out, buffer, 6, NULL, &error), ==, 6);
  g_assert_cmpstr (buffer, ==, "locked");

  result = tn_importer_import (fixture->store, files, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 0);

  g_subprocess_force_exit (locker);
  g_subprocess_wait (locker, NULL, NULL);
}

/* ---- The store's list after other connections wrote --------------------------------- */

static void
test_refresh_contacts (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_test_add_person (fixture->store, "Grace Hopper", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 ids[4];
  guint n_changes = 0;
  guint n_title = 0;

  /* Alan first: a new contact would take the id of the last one, deleted. */
  sql = g_strdup_printf ("UPDATE contacts SET title = 'Countess' WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO emails VALUES (%" G_GINT64_FORMAT ", 1, 'countess@example.org', 'countess@example.org', NULL);"
                         "INSERT INTO contacts (uid, full_name, trust, created_at, updated_at) VALUES ('uid-alan', 'Alan Turing', 2, 5, 5);"
                         "DELETE FROM contacts WHERE id = %" G_GINT64_FORMAT ";",
                         tn_contact_get_id (ada), tn_contact_get_id (ada), tn_contact_get_id (grace));
  g_free (tn_test_sqlite (fixture->path, sql));

  g_signal_connect_swapped (tn_store_get_contacts (fixture->store), "items-changed", G_CALLBACK (count_cb), &n_changes);
  g_signal_connect_swapped (ada, "notify::title", G_CALLBACK (count_cb), &n_title);

  ids[0] = tn_contact_get_id (ada);
  ids[1] = tn_contact_get_id (grace);
  ids[2] = tn_contact_get_id (grace) + 1;
  ids[3] = tn_contact_get_id (ada);
  g_assert_true (tn_store_refresh_contacts (fixture->store, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2);
  g_assert_true (tn_test_contact_at (fixture->store, 0) == ada);
  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Countess");
  g_assert_cmpuint (n_title, ==, 1);
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@example.org", "countess@example.org", NULL);
  g_assert_cmpstr (tn_contact_get_full_name (tn_test_contact_at (fixture->store, 1)), ==, "Alan Turing");
  g_assert_cmpint (tn_contact_get_trust (tn_test_contact_at (fixture->store, 1)), ==, TN_TRUST_MODERATELY);
  g_assert_null (tn_store_get_contact_by_id (fixture->store, tn_contact_get_id (grace)));
  g_assert_cmpuint (n_changes, ==, 3);

  /* Nothing to do is no error. */
  g_assert_true (tn_store_refresh_contacts (fixture->store, NULL, 0, &error));
}

/* ---- The real files ----------------------------------------------------------------- */

/* Facts of EXPECTED.md, through the importer. */
static void
test_real_expected (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *dir = tn_test_real_dir ();
  g_autofree char *outlook = NULL, *android = NULL, *gmail = NULL;
  g_autoptr(TnImportResult) result = NULL;
  TnContact *john;

  if (dir == NULL)
    {
      g_test_skip ("TRUSTNET_TEST_DATA is not set");
      return;
    }

  outlook = g_build_filename (dir, "ez-vcard", "John_Doe_MS_OUTLOOK.vcf", NULL);
  android = g_build_filename (dir, "ez-vcard", "John_Doe_ANDROID.vcf", NULL);
  gmail = g_build_filename (dir, "ez-vcard", "John_Doe_GMAIL.vcf", NULL);
  result = tn_test_import_paths (fixture->store, outlook, android, gmail, NULL);

  /* §1: one contact. §2: six, e-mail-only ones included, none the same person. */
  g_assert_cmpuint (tn_test_file_result (result, 0)->n_added, ==, 1);
  g_assert_cmpuint (tn_test_file_result (result, 1)->n_added, ==, 6);
  /* §4: Gmail's John Doe has another address (Outlook's is john.doe@ibm.cm, sic) but the
   * same phone numbers, written 905-555-1234: the phone rule makes them one. */
  g_assert_cmpuint (tn_test_file_result (result, 2)->n_added, ==, 0);
  g_assert_cmpuint (tn_test_file_result (result, 2)->n_merged, ==, 1);

  john = tn_test_lookup (fixture->store, "john.doe@ibm.cm");
  g_assert_cmpstr (tn_contact_get_full_name (john), ==, "Mr. John Richter James Doe Sr.");
  g_assert_cmpstr (tn_contact_get_family_name (john), ==, "Doe");
  g_assert_cmpstr (tn_contact_get_given_name (john), ==, "John");
  g_assert_cmpstr (tn_contact_get_organization (john), ==, "IBM");
  g_assert_cmpstr (tn_contact_get_title (john), ==, "Money Counter");
  g_assert_cmpstr (tn_contact_get_birthday (john), ==, "1980-03-22");
  tn_test_assert_strv (tn_contact_get_phones (john), "(905) 555-1234", "(905) 666-1234", NULL);
  tn_test_assert_strv (tn_contact_get_emails (john), "john.doe@ibm.cm", "john.doe@ibm.com", NULL);
  g_assert_nonnull (strstr (tn_contact_get_vcard (john), "PHOTO"));

  john = tn_test_lookup (fixture->store, "john.doe@company.com");
  g_assert_cmpstr (tn_contact_get_full_name (john), ==, "john.doe@company.com");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tn_test_add_store_test ("/store/keeps-new-fields", NOW, test_store_keeps_new_fields);
  tn_test_add_store_test ("/store/open-without-contacts", NOW, test_open_without_contacts);
  tn_test_add_store_test ("/store/refresh-contacts", NOW, test_refresh_contacts);

  tn_test_add_store_test ("/vcard/parse-file-foreach", NOW, test_parse_file_foreach);
  tn_test_add_store_test ("/importer/basic", NOW, test_import_basic);
  tn_test_add_store_test ("/importer/async", NOW, test_import_async);
  tn_test_add_store_test ("/importer/async-checkpoints", NOW, test_import_async_checkpoints);
  tn_test_add_store_test ("/importer/keeps-schema", NOW, test_import_keeps_schema);
  tn_test_add_store_test ("/importer/reimport-changes-nothing", NOW, test_reimport_changes_nothing);
  tn_test_add_store_test ("/importer/reimport-name-only", NOW, test_reimport_name_only);
  tn_test_add_store_test ("/importer/merge-adds-each-address-once", NOW, test_merge_adds_each_address_once);
  tn_test_add_store_test ("/importer/problems-have-lines", NOW, test_problems_have_lines);
  tn_test_add_store_test ("/importer/not-a-vcard", NOW, test_not_a_vcard);
  tn_test_add_store_test ("/importer/removed-contact-uid", NOW, test_removed_contact_uid);
  tn_test_add_store_test ("/importer/undo", NOW, test_undo);
  tn_test_add_store_test ("/importer/undo-keeps-edits", NOW, test_undo_keeps_edits);
  tn_test_add_store_test ("/importer/cancel", NOW, test_cancel);
  tn_test_add_store_test ("/importer/busy-database", NOW, test_busy_database);
  tn_test_add_store_test ("/importer/failed-start-leaves-nothing", NOW, test_failed_start_leaves_nothing);
  tn_test_add_store_test ("/importer/keys-threads-keep-file-order", NOW, test_keys_threads_keep_file_order);

  tn_test_add_store_test ("/real/expected", NOW, test_real_expected);

  return g_test_run ();
}
