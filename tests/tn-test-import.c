/* tn-test-import.c — imports that must succeed and the readings that check them, for the
 * suites of the importer, the duplicate rules, merging and the exporter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tn-test-import.h"
#include "tn-test-util.h"

const char tn_test_three_cards[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:uid-ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
  "ORG:Analytical Engines;Research\r\nTITLE:Countess\r\nNOTE:Wrote the first program\r\n"
  "BDAY:1815-12-10\r\nEMAIL;TYPE=INTERNET:ada@example.org\r\nTEL;TYPE=CELL:+44 20 7946 0958\r\n"
  "X-SOCIAL:@ada\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Turing;Alan\r\nTEL;CELL:+1 212 555 0100\r\nEND:VCARD\r\n";

/**
 * tn_test_write_file:
 * @dir: a scratch folder
 * @name: the file's name in it
 * @data: what to write
 * @len: its length, or -1 if nul-terminated
 *
 * Returns: (transfer full): the file's path
 */
char *
tn_test_write_file (const char *dir,
                    const char *name,
                    const char *data,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports the files (NULL-terminated paths) synchronously; the import must succeed. */
TnImportResult *
tn_test_import_paths (TnStore    *store,
                      const char *first,
                      ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TnImportResult *result;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (args);

  result = tn_importer_import (store, (GFile **) files->pdata, files->len, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Writes @text to a file called @name in the scratch folder and imports it. */
TnImportResult *
tn_test_import_text (TnTestStore *test_store,
                     const char  *name,
                     const char  *text)
{
  g_autofree char *path = tn_test_write_file (test_store->dir, name, text, -1);

  return tn_test_import_paths (test_store->store, path, NULL);
}

TnImportFileResult *
tn_test_file_result (TnImportResult *result,
                     guint           index)
{
  g_assert_cmpuint (index, <, result->files->len);
  return g_ptr_array_index (result->files, index);
}

guint
tn_test_n_contacts (TnStore *store)
{
  return g_list_model_get_n_items (tn_store_get_contacts (store));
}

/* The contact at @index of the list; the list holds a reference. */
TnContact *
tn_test_contact_at (TnStore *store,
                    guint    index)
{
  g_autoptr(TnContact) contact = g_list_model_get_item (tn_store_get_contacts (store), index);

  g_assert_nonnull (contact);
  return contact;
}

/* The one contact @who (a name, email or phone) finds; there must be one. */
TnContact *
tn_test_lookup (TnStore    *store,
                const char *who)
{
  g_autoptr(GError) error = NULL;
  TnContact *contact = tn_store_lookup (store, who, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

/* Returns: (transfer full): the new contact, in the store's list */
TnContact *
tn_test_add_person (TnStore    *store,
                    const char *full_name,
                    const char *email,
                    const char *phone)
{
  g_autoptr(TnContact) contact = tn_contact_new (full_name);
  g_autoptr(GError) error = NULL;
  const char *emails[] = { email, NULL };
  const char *phones[] = { phone, NULL };

  tn_contact_set_emails (contact, emails);
  tn_contact_set_phones (contact, phones);
  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_contact_get_id (contact), >, 0);
  return g_steal_pointer (&contact);
}

/* The sqlite3 tool, a second reader, gets @expected for @sql. */
void
tn_test_assert_query (const char *path,
                      const char *sql,
                      const char *expected)
{
  g_autofree char *result = tn_test_sqlite (path, sql);

  g_assert_cmpstr (result, ==, expected);
}

/* ---- vCards read without the store (test-vcard, test-vcard-real) ---- */

/* The cards tn_vcard_parse() reads in @data, which it must not refuse; its problems in
 * @problems when that is not NULL. */
GPtrArray *
tn_test_parse_vcard_bytes (const char  *data,
                           gsize        len,
                           GPtrArray  **problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GPtrArray) local_problems = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cards;

  cards = tn_vcard_parse (bytes, "test.vcf", &local_problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cards);
  g_assert_nonnull (local_problems);

  if (problems != NULL)
    *problems = g_steal_pointer (&local_problems);
  return cards;
}

GPtrArray *
tn_test_parse_vcard_text (const char  *text,
                          GPtrArray  **problems)
{
  return tn_test_parse_vcard_bytes (text, strlen (text), problems);
}

/* The card at @index, which must be there. */
TnVcardCard *
tn_test_card_at (GPtrArray *cards,
                 guint      index)
{
  g_assert_cmpuint (index, <, cards->len);
  return g_ptr_array_index (cards, index);
}

/* Whether a problem on @line says @words. */
gboolean
tn_test_has_problem_at (GPtrArray  *problems,
                        guint       line,
                        const char *words)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TnVcardProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line == line && strstr (problem->message, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* @cards holds the one card named @name, and @problems one problem: the card on @line
 * was skipped, said in @words. */
void
tn_test_assert_one_card_and_skip (GPtrArray  *cards,
                                  const char *name,
                                  GPtrArray  *problems,
                                  guint       line,
                                  const char *words)
{
  TnVcardProblem *problem;

  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, name);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_true (problem->card_skipped);
  g_assert_nonnull (strstr (problem->message, words));
}

/* The kept card text with its folds undone. */
static char *
unfold (const char *vcard)
{
  GString *out = g_string_new (NULL);

  for (const char *p = vcard; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
        p += 2;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The value of the first @name property in the kept text (any group), or NULL. */
char *
tn_test_kept_value (const char *vcard,
                    const char *name)
{
  g_autofree char *text = unfold (vcard);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *dot = strchr (line, '.');
      const char *colon = strchr (line, ':');
      gsize len = strlen (name);

      if (colon == NULL)
        continue;
      if (dot != NULL && dot < colon && g_ascii_strncasecmp (line, name, len) != 0)
        line = dot + 1;
      if (g_ascii_strncasecmp (line, name, len) == 0 && (line[len] == ':' || line[len] == ';'))
        {
          /* The value starts after the first ":" outside quotes. */
          gboolean quoted = FALSE;

          for (const char *p = line + len; *p != '\0'; p++)
            {
              if (*p == '"')
                quoted = !quoted;
              else if (*p == ':' && !quoted)
                return g_strdup (p + 1);
            }
        }
    }
  return NULL;
}

/* How many bytes the kept base64 PHOTO decodes to. */
gsize
tn_test_kept_photo_size (const char *vcard)
{
  g_autofree char *value = tn_test_kept_value (vcard, "PHOTO");
  g_autofree guchar *data = NULL;
  gsize len = 0;

  g_assert_nonnull (value);
  data = g_base64_decode (value, &len);
  return len;
}

/* Every card keeps clean text: UTF-8, 3.0, no QUOTED-PRINTABLE or CHARSET left, and it reads
 * back to the same fields. */
void
tn_test_assert_card_round_trips (TnVcardCard *card)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *upper = NULL;
  TnVcardCard *again;

  g_assert_nonnull (card->full_name);
  g_assert_true (g_utf8_validate (card->full_name, -1, NULL));
  g_assert_nonnull (card->emails);
  g_assert_nonnull (card->phones);
  g_assert_nonnull (card->vcard);
  g_assert_true (g_utf8_validate (card->vcard, -1, NULL));
  g_assert_true (g_str_has_prefix (card->vcard, "BEGIN:VCARD\r\n"));

  upper = g_ascii_strup (card->vcard, -1);
  g_assert_nonnull (strstr (upper, "\r\nVERSION:3.0\r\n"));
  g_assert_null (strstr (upper, "QUOTED-PRINTABLE"));
  g_assert_null (strstr (upper, "CHARSET="));

  cards = tn_test_parse_vcard_text (card->vcard, &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  again = tn_test_card_at (cards, 0);
  g_assert_cmpstr (again->full_name, ==, card->full_name);
  g_assert_cmpstr (again->given_name, ==, card->given_name);
  g_assert_cmpstr (again->family_name, ==, card->family_name);
  g_assert_cmpstr (again->organization, ==, card->organization);
  g_assert_cmpstr (again->title, ==, card->title);
  g_assert_cmpstr (again->note, ==, card->note);
  g_assert_cmpstr (again->birthday, ==, card->birthday);
  g_assert_cmpstr (again->uid, ==, card->uid);
  g_assert_true (g_strv_equal ((const char * const *) again->emails,
                               (const char * const *) card->emails));
  g_assert_true (g_strv_equal ((const char * const *) again->phones,
                               (const char * const *) card->phones));
}
