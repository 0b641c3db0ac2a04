/* test-exporter.c — the exporter: fresh and kept cards, the written file, and export → import
 * round trips on every file of tests/data/vcards/real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-exporter"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-exporter-private.h"
#include "tn-test-import.h"
#include "tn-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

/* ---- Export ------------------------------------------------------------------------- */

static EVCard *
parse_card (const char *text)
{
  EVCard *vcard = e_vcard_new_from_string (text);

  g_assert_nonnull (vcard);
  return vcard;
}

static char *
first_value (EVCard     *vcard,
             const char *name)
{
  EVCardAttribute *attr = e_vcard_get_attribute (vcard, name);

  return attr != NULL ? e_vcard_attribute_get_value (attr) : NULL;
}

static void
test_export_fresh_card (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_person (fixture->store, "Ada Lovelace", "ada@example.org", "+44 20 7946 0958");
  g_autoptr(TnContact) draft = tn_contact_copy (ada);
  g_autoptr(GError) error = NULL;
  g_autoptr(EVCard) vcard = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fn = NULL, *uid = NULL, *trust = NULL, *email = NULL, *bday = NULL, *note = NULL;
  EVCardAttribute *n;

  tn_contact_set_given_name (draft, "Ada");
  tn_contact_set_family_name (draft, "Lovelace");
  tn_contact_set_birthday (draft, "--12-10");
  tn_contact_set_note (draft, "First program; notes, and\nmore");
  tn_contact_set_trust (draft, TN_TRUST_COMPLETELY);
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  text = tn_exporter_contact_to_vcard (ada);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  vcard = parse_card (text);
  fn = first_value (vcard, EVC_FN);
  uid = first_value (vcard, EVC_UID);
  trust = first_value (vcard, "X-TRUSTNET-TRUST");
  email = first_value (vcard, EVC_EMAIL);
  bday = first_value (vcard, EVC_BDAY);
  note = first_value (vcard, EVC_NOTE);
  g_assert_cmpstr (fn, ==, "Ada Lovelace");
  g_assert_cmpstr (uid, ==, tn_contact_get_uid (ada));
  g_assert_cmpstr (trust, ==, "1");
  g_assert_cmpstr (email, ==, "ada@example.org");
  g_assert_cmpstr (bday, ==, "--12-10");
  g_assert_cmpstr (note, ==, "First program; notes, and\nmore");
  n = e_vcard_get_attribute (vcard, EVC_N);
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (n), 0), ==, "Lovelace");
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (n), 1), ==, "Ada");
}

/* A card's every property survives; only what changed in TrustNet is rewritten. */
static void
test_export_keeps_card (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EVCard) vcard = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL, *org_units = NULL;
  const char *emails[] = { "ada@example.org", "new@example.org", NULL };
  TnContact *ada;
  EVCardAttribute *attr;

  result = tn_test_import_text (fixture, "ada.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iOS 17//EN\r\nUID:uid-ada\r\n"
                                "FN:Ada Lovelace\r\nN:Lovelace;Ada;Augusta;Lady;\r\nORG:Analytical Engines;Research\r\n"
                                "TITLE:Countess\r\nitem1.EMAIL;type=INTERNET;type=HOME:ada@example.org\r\n"
                                "item1.X-ABLabel:_$!<Home>!$_\r\nEMAIL:old@example.org\r\n"
                                "ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4LE;UK\r\n"
                                "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAcCBlCwAAAABJRU5ErkJggg==\r\n"
                                "X-SOCIAL:@ada\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10\r\nEND:VCARD\r\n");
  ada = tn_test_lookup (fixture->store, "uid-ada");
  g_assert_cmpstr (tn_contact_get_birthday (ada), ==, "--12-10");

  draft = tn_contact_copy (ada);
  tn_contact_set_title (draft, "Mathematician");
  tn_contact_set_emails (draft, emails);
  tn_contact_set_organization (draft, "Babbage & Co");
  g_assert_true (tn_store_update_contact (fixture->store, ada, draft, &error));
  g_assert_no_error (error);

  text = tn_exporter_contact_to_vcard (ada);
  vcard = parse_card (text);

  /* Kept as they were. */
  g_assert_nonnull (strstr (text, "PRODID:-//Apple Inc.//iOS 17//EN"));
  g_assert_nonnull (strstr (text, "X-SOCIAL:@ada"));
  g_assert_nonnull (strstr (text, "item1.X-ABLabel:_$!<Home>!$_"));
  g_assert_nonnull (strstr (text, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10"));
  g_assert_nonnull (e_vcard_get_attribute (vcard, EVC_ADR));
  g_assert_nonnull (e_vcard_get_attribute (vcard, EVC_PHOTO));
  attr = e_vcard_get_attribute (vcard, EVC_N);
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 2), ==, "Augusta");
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 3), ==, "Lady");

  /* The grouped address stays with its group and types; the removed one is gone. */
  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      g_autofree char *value = NULL;

      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), EVC_EMAIL) != 0)
        continue;
      value = e_vcard_attribute_get_value (l->data);
      g_assert_cmpstr (value, !=, "old@example.org");
      if (g_str_equal (value, "ada@example.org"))
        {
          g_assert_cmpstr (e_vcard_attribute_get_group (l->data), ==, "item1");
          g_assert_true (e_vcard_attribute_has_type (l->data, "HOME"));
          g_assert_true (e_vcard_attribute_has_type (l->data, "INTERNET"));
        }
    }
  g_assert_nonnull (strstr (text, "new@example.org"));

  /* Rewritten, keeping ORG's unit. */
  title = first_value (vcard, EVC_TITLE);
  g_assert_cmpstr (title, ==, "Mathematician");
  attr = e_vcard_get_attribute (vcard, EVC_ORG);
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 0), ==, "Babbage & Co");
  g_assert_cmpstr (g_list_nth_data (e_vcard_attribute_get_values (attr), 1), ==, "Research");
  (void) org_units;
}

static void
test_export_file (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TnImportResult) result = tn_test_import_text (fixture, "three.vcf", tn_test_three_cards);
  g_autofree char *out = g_build_filename (fixture->dir, "out.vcf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf info;
  guint n_written = 0;

  g_assert_true (tn_exporter_write_file (tn_store_get_contacts (fixture->store), file, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 3);
  g_assert_cmpint (g_stat (out, &info), ==, 0);
  g_assert_cmphex (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));

  g_assert_false (tn_exporter_write_file (tn_store_get_contacts (fixture->store), nowhere, &n_written, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "folder.vcf"));
}

/* ---- What is exported can be imported again (issue 13, item 8) ---------------------- */

static void
assert_file_holds (const char *path,
                   const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (strcmp (text, expected) == 0);
}

/* No hidden ".NAME.XXXXXX" the export wrote beside @name is left in @folder. */
static void
assert_no_temporary (const char *folder,
                     const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", name);
  const char *entry;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (entry, prefix));
}

/* A note of @len bytes, in words, as a person might paste a long text. */
static char *
long_note (gsize len)
{
  char *note = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    note[i] = i % 8 == 7 ? ' ' : 'a' + i % 26;
  /* Values are kept trimmed. */
  note[len - 1] = 'z';
  note[len] = '\0';
  return note;
}

static TnContact *
add_with_note (TnStore    *store,
               const char *name,
               gsize       note_len)
{
  g_autoptr(TnContact) contact = tn_test_add_person (store, name, NULL, NULL);
  g_autoptr(TnContact) draft = tn_contact_copy (contact);
  g_autofree char *note = long_note (note_len);
  g_autoptr(GError) error = NULL;

  tn_contact_set_note (draft, note);
  g_assert_true (tn_store_update_contact (store, contact, draft, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contact);
}

static TnImportFileResult *
import_into_new_store (Fixture     *fixture,
                       const char  *name,
                       GFile       *file,
                       TnStore    **store,
                       TnImportResult **result)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GFile *files[] = { file };

  *store = tn_test_store_open_path (path);
  *result = tn_importer_import (*store, files, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  return tn_test_file_result (*result, 0);
}

/* A card just under the importer's bound is exported and imported again whole; one over
 * it is refused by the export, naming the contact, and the file there is left as it was. */
static void
test_export_card_at_limit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_with_note (fixture->store, "Ada Lovelace", TN_VCARD_MAX_CARD_SIZE - 512);
  g_autofree char *out = g_build_filename (fixture->dir, "limit.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(TnStore) again = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TnImportFileResult *file_result;

  g_assert_true (tn_exporter_write_file (tn_store_get_contacts (fixture->store), file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  /* Folded, the card is longer than the bound on its text: measured as the importer does. */
  g_assert_cmpuint (strlen (text), >, TN_VCARD_MAX_CARD_SIZE);

  file_result = import_into_new_store (fixture, "again.db", file, &again, &result);
  g_assert_no_error (file_result->error);
  g_assert_cmpuint (file_result->n_added, ==, 1);
  g_assert_cmpuint (file_result->n_skipped, ==, 0);
  /* Not g_assert_cmpstr(): a megabyte in a failure message helps nobody. */
  g_assert_true (g_strcmp0 (tn_contact_get_note (tn_test_contact_at (again, 0)), tn_contact_get_note (ada)) == 0);

  grace = add_with_note (fixture->store, "Grace Hopper", TN_VCARD_MAX_CARD_SIZE + 512);
  g_assert_false (tn_exporter_write_file (tn_store_get_contacts (fixture->store), file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Grace Hopper"));
  assert_file_holds (out, text);
}

/* A file at the bound is written and imported again; one byte over, it is refused and the
 * file there is left as it was. The bound is made small here: at 512 MiB the test would
 * write half a gigabyte, but the rule is the same one. */
static void
test_export_file_at_limit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnImportResult) imported = tn_test_import_text (fixture, "three.vcf", tn_test_three_cards);
  g_autofree char *out = g_build_filename (fixture->dir, "limit.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  GListModel *contacts = tn_store_get_contacts (fixture->store);
  g_autoptr(TnStore) again = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TnImportFileResult *file_result;
  gsize size;

  g_assert_true (tn_exporter_write_file (contacts, file, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (out, &text, &size, NULL));
  g_assert_true (_tn_exporter_write_file_at_most (contacts, file, size, NULL, NULL, &error));
  g_assert_no_error (error);

  file_result = import_into_new_store (fixture, "again.db", file, &again, &result);
  g_assert_no_error (file_result->error);
  g_assert_cmpuint (file_result->n_added, ==, 3);

  g_assert_false (_tn_exporter_write_file_at_most (contacts, file, size - 1, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "fewer contacts"));
  assert_file_holds (out, text);
  assert_no_temporary (fixture->dir, "limit.vcf");
}

/* ---- Round trips on the real files -------------------------------------------------- */

/* The properties TrustNet models, which an export rewrites from the contact. */
static gboolean
is_modelled (EVCardAttribute *attr)
{
  static const char * const names[] = {
    EVC_FN, EVC_N, EVC_ORG, EVC_TITLE, EVC_NOTE, EVC_EMAIL, EVC_TEL, EVC_BDAY, EVC_UID, EVC_VERSION,
    EVC_URL, "X-TRUSTNET-TRUST", TN_VCARD_CONNECTED_ON_PROPERTY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (attr), names[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every property a card holds beyond what TrustNet models, as comparable text: group,
 * name, parameters and values. */
static char *
unmodelled_properties (const char *text)
{
  g_autoptr(EVCard) vcard = text != NULL ? parse_card (text) : e_vcard_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;

      if (is_modelled (attr))
        continue;

      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

      g_string_append_printf (out, "%s.%s", e_vcard_attribute_get_group (attr) ? e_vcard_attribute_get_group (attr) : "",
                              e_vcard_attribute_get_name (attr));
      /* Parameters in any order mean the same; EVCard writes ENCODING first. */
      for (GList *p = e_vcard_attribute_get_params (attr); p != NULL; p = p->next)
        {
          g_autoptr(GString) param = g_string_new (e_vcard_attribute_param_get_name (p->data));

          for (GList *v = e_vcard_attribute_param_get_values (p->data); v != NULL; v = v->next)
            g_string_append_printf (param, "%c%s", v == e_vcard_attribute_param_get_values (p->data) ? '=' : ',',
                                    (const char *) v->data);
          g_ptr_array_add (params, g_string_free (g_steal_pointer (&param), FALSE));
        }
      g_ptr_array_sort (params, compare_strings);
      for (guint i = 0; i < params->len; i++)
        g_string_append_printf (out, ";%s", (const char *) g_ptr_array_index (params, i));
      for (GList *v = e_vcard_attribute_get_values (attr); v != NULL; v = v->next)
        g_string_append_printf (out, ":%s", (const char *) v->data);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Compares line by line, so that a difference is shown without a whole photo. */
static void
assert_same_lines (const char *a,
                   const char *b)
{
  g_auto(GStrv) a_lines = g_strsplit (a, "\n", -1);
  g_auto(GStrv) b_lines = g_strsplit (b, "\n", -1);

  for (guint i = 0; a_lines[i] != NULL || b_lines[i] != NULL; i++)
    {
      g_autofree char *a_short = g_strndup (a_lines[i] != NULL ? a_lines[i] : "(none)", 300);
      g_autofree char *b_short = g_strndup (b_lines[i] != NULL ? b_lines[i] : "(none)", 300);

      if (a_lines[i] == NULL || b_lines[i] == NULL || strcmp (a_lines[i], b_lines[i]) != 0)
        g_assert_cmpstr (a_short, ==, b_short);
      if (a_lines[i] == NULL || b_lines[i] == NULL)
        break;
    }
}

static void
assert_same_contact (TnContact *a,
                     TnContact *b)
{
  g_autofree char *a_rest = unmodelled_properties (tn_contact_get_vcard (a));
  g_autofree char *b_rest = unmodelled_properties (tn_contact_get_vcard (b));

  g_assert_cmpstr (tn_contact_get_uid (a), ==, tn_contact_get_uid (b));
  g_assert_cmpstr (tn_contact_get_full_name (a), ==, tn_contact_get_full_name (b));
  g_assert_cmpstr (tn_contact_get_given_name (a), ==, tn_contact_get_given_name (b));
  g_assert_cmpstr (tn_contact_get_family_name (a), ==, tn_contact_get_family_name (b));
  g_assert_cmpstr (tn_contact_get_organization (a), ==, tn_contact_get_organization (b));
  g_assert_cmpstr (tn_contact_get_title (a), ==, tn_contact_get_title (b));
  g_assert_cmpstr (tn_contact_get_note (a), ==, tn_contact_get_note (b));
  g_assert_cmpstr (tn_contact_get_birthday (a), ==, tn_contact_get_birthday (b));
  g_assert_cmpint (tn_contact_get_trust (a), ==, tn_contact_get_trust (b));
  g_assert_true (g_strv_equal (tn_contact_get_emails (a), tn_contact_get_emails (b)));
  g_assert_true (g_strv_equal (tn_contact_get_phones (a), tn_contact_get_phones (b)));
  g_assert_true (g_strv_equal (tn_contact_get_urls (a), tn_contact_get_urls (b)));
  g_assert_cmpstr (tn_contact_get_connected_on (a), ==, tn_contact_get_connected_on (b));
  /* Nothing TrustNet does not model was lost. */
  assert_same_lines (a_rest, b_rest);
}

/* Import → export → import gives the same contacts, for every real-world file. */
static void
test_round_trip_real_files (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) root = tn_test_real_files (files);
  guint n_round_trips = 0;

  if (root == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *relative = g_file_get_relative_path (root, file);
      g_autofree char *first_path = g_strdup_printf ("%s/first-%u.db", fixture->dir, i);
      g_autofree char *second_path = g_strdup_printf ("%s/second-%u.db", fixture->dir, i);
      g_autofree char *export_path = g_strdup_printf ("%s/export-%u.vcf", fixture->dir, i);
      g_autoptr(TnStore) first = tn_test_store_open_path (first_path);
      g_autoptr(TnStore) second = tn_test_store_open_path (second_path);
      g_autoptr(TnImportResult) imported = NULL;
      g_autoptr(TnImportResult) again = NULL;
      g_autoptr(GFile) exported = g_file_new_for_path (export_path);
      g_autoptr(GError) error = NULL;
      TnImportFileResult *result;
      GFile *one[] = { file };
      guint n_written = 0;

      g_test_message ("%s", relative);
      imported = tn_importer_import (first, one, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
      g_assert_no_error (error);
      result = tn_test_file_result (imported, 0);
      if (result->error != NULL)
        {
          /* The two files of the corpus that hold no card. */
          g_assert_true (g_str_equal (relative, "folkerkinzel-vcards/Empty.vcf") ||
                         g_str_equal (relative, "evolution-data-server/7.vcf"));
          continue;
        }
      g_assert_cmpuint (tn_test_n_contacts (first), ==, result->n_added);

      g_assert_true (tn_exporter_write_file (tn_store_get_contacts (first), exported, &n_written, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_written, ==, tn_test_n_contacts (first));

      one[0] = exported;
      again = tn_importer_import (second, one, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_no_error (tn_test_file_result (again, 0)->error);
      g_assert_cmpuint (tn_test_file_result (again, 0)->n_skipped, ==, 0);
      g_assert_cmpuint (tn_test_n_contacts (second), ==, tn_test_n_contacts (first));

      for (guint j = 0; j < tn_test_n_contacts (first); j++)
        assert_same_contact (tn_test_contact_at (first, j), tn_test_contact_at (second, j));

      /* The same file again changes nothing. */
      {
        g_autoptr(TnImportResult) repeated = NULL;

        one[0] = file;
        repeated = tn_importer_import (first, one, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (repeated->n_added, ==, 0);
        g_assert_cmpuint (repeated->n_merged, ==, 0);
        g_assert_cmpint (tn_test_file_result (repeated, 0)->batch_id, ==, 0);
      }
      n_round_trips++;
    }

  /* All but the two files that hold no card. */
  g_assert_cmpuint (n_round_trips, ==, files->len - 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tn_test_add_store_test ("/exporter/fresh-card", NOW, test_export_fresh_card);
  tn_test_add_store_test ("/exporter/keeps-card", NOW, test_export_keeps_card);
  tn_test_add_store_test ("/exporter/file", NOW, test_export_file);
  tn_test_add_store_test ("/exporter/card-at-limit", NOW, test_export_card_at_limit);
  tn_test_add_store_test ("/exporter/file-at-limit", NOW, test_export_file_at_limit);

  tn_test_add_store_test ("/real/round-trip", NOW, test_round_trip_real_files);

  return g_test_run ();
}
