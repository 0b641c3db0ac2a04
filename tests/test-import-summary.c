/* test-import-summary.c — the one line that says what an import did, in every form the
 * window's toast and `trustnet --import` show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-summary"

#include "config.h"

#include <gio/gio.h>

#include "tn-import-summary.h"

/* An import of the files named in @names ("a.vcf", "b.csv"), each having skipped the
 * count at the same place in @skipped; the totals are set by the caller. */
typedef struct
{
  TnImportResult result;
  TnImportFileResult files[2];
  GPtrArray *file_list;
} Import;

static void
import_init (Import      *import,
             const char  *names[],
             const guint  skipped[],
             guint        n_files)
{
  *import = (Import) { 0 };
  import->file_list = g_ptr_array_new ();
  import->result.files = import->file_list;

  for (guint i = 0; i < n_files; i++)
    {
      import->files[i].file = g_file_new_for_path (names[i]);
      import->files[i].n_skipped = skipped[i];
      import->result.n_skipped += skipped[i];
      g_ptr_array_add (import->file_list, &import->files[i]);
    }
}

static void
import_clear (Import *import)
{
  for (guint i = 0; i < import->file_list->len; i++)
    g_object_unref (import->files[i].file);
  g_ptr_array_unref (import->file_list);
}

/* Says an import of one vCard file with these counts. */
static char *
describe_vcard_import (guint n_added,
                       guint n_merged,
                       guint n_skipped,
                       guint n_unchanged)
{
  const char *names[] = { "contacts.vcf" };
  const guint skipped[] = { n_skipped };
  Import import;
  char *text;

  import_init (&import, names, skipped, 1);
  import.result.n_added = n_added;
  import.result.n_merged = n_merged;
  import.result.n_unchanged = n_unchanged;
  text = tn_import_result_describe (&import.result);
  import_clear (&import);
  return text;
}

/* Every part, each only when it is not zero, singular and plural; with nothing added the
 * line does not start with "Imported 0 contacts". */
static const struct
{
  guint n_added, n_merged, n_skipped, n_unchanged;
  const char *said;
} vcard_imports[] = {
  { 812, 17, 2, 5, "Imported 812 contacts, merged 17 duplicates, skipped 2 broken cards; 5 were already there" },
  { 1, 1, 1, 1, "Imported 1 contact, merged 1 duplicate, skipped 1 broken card; 1 was already there" },
  { 2, 0, 0, 0, "Imported 2 contacts" },
  { 2, 0, 1, 0, "Imported 2 contacts, skipped 1 broken card" },
  { 7, 0, 0, 5, "Imported 7 contacts; 5 were already there" },
  { 0, 0, 2, 0, "Imported 0 contacts, skipped 2 broken cards" },
  { 0, 0, 0, 0, "Imported 0 contacts" },
  { 0, 0, 0, 5, "Nothing new; 5 were already there" },
  { 0, 3, 0, 0, "No new contacts, merged 3 duplicates" },
  { 0, 3, 1, 2, "No new contacts, merged 3 duplicates, skipped 1 broken card; 2 were already there" },
  { 0, 0, 1, 5, "Imported 0 contacts, skipped 1 broken card; 5 were already there" },
};

static void
test_vcard_imports (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vcard_imports); i++)
    {
      g_autofree char *text = describe_vcard_import (vcard_imports[i].n_added, vcard_imports[i].n_merged,
                                                     vcard_imports[i].n_skipped, vcard_imports[i].n_unchanged);

      g_assert_cmpstr (text, ==, vcard_imports[i].said);
    }
}

/* Broken items of CSV files are rows; whenever a vCard file skipped some, they are cards. */
static void
test_rows_and_cards (void)
{
  const char *both[] = { "Connections.CSV", "contacts.vcf" };
  const guint from_csv[] = { 2, 0 };
  const guint from_both[] = { 2, 1 };
  const char *one_csv[] = { "google.csv" };
  const guint one_row[] = { 1 };
  Import import;
  g_autofree char *rows = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *row = NULL;

  import_init (&import, both, from_csv, 2);
  import.result.n_added = 812;
  import.result.n_merged = 17;
  rows = tn_import_result_describe (&import.result);
  import_clear (&import);
  g_assert_cmpstr (rows, ==, "Imported 812 contacts, merged 17 duplicates, skipped 2 broken rows");

  import_init (&import, both, from_both, 2);
  import.result.n_added = 4;
  mixed = tn_import_result_describe (&import.result);
  import_clear (&import);
  g_assert_cmpstr (mixed, ==, "Imported 4 contacts, skipped 3 broken cards");

  import_init (&import, one_csv, one_row, 1);
  import.result.n_unchanged = 9;
  row = tn_import_result_describe (&import.result);
  import_clear (&import);
  g_assert_cmpstr (row, ==, "Imported 0 contacts, skipped 1 broken row; 9 were already there");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-summary/vcard-imports", test_vcard_imports);
  g_test_add_func ("/import-summary/rows-and-cards", test_rows_and_cards);

  return g_test_run ();
}
