/* fuzz-roundtrip.c — libFuzzer target over export → import: whatever one file brings in,
 * TrustNet's own export of it must come back whole into an empty store, and change nothing
 * when imported again into the store it came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-roundtrip"

#include "config.h"

#include "tn-exporter.h"

#include "fuzz-common.h"

/* Two empty stores, opened once: each input's batches are undone before the next. */
static TnStore *first;
static TnStore *second;
static char *export_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  first = fuzz_open_store ("first.db");
  second = fuzz_open_store ("second.db");
  export_path = fuzz_scratch_path ("export.vcf");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TnImportResult) imported = fuzz_import_bytes (first, data, size);
  g_autoptr(TnImportResult) again = NULL;
  g_autoptr(TnImportResult) repeated = NULL;
  g_autoptr(GFile) exported = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TnImportFileResult *one;
  guint n_written = 0;

  if (imported->n_added == 0)
    {
      fuzz_undo (first, imported);
      return 0;
    }

  g_assert_true (tn_exporter_write_file (tn_store_get_contacts (first), exported, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, imported->n_added);

  /* Into an empty store: every card comes back, and when no two of them are now the same
   * person, as the very same contacts. They can be: a card matched only against what came
   * before it, and a later card may have given an earlier contact the phone number that
   * now joins them (matching depends on order, by design). */
  again = fuzz_import_path (second, export_path);
  one = g_ptr_array_index (again->files, 0);
  g_assert_no_error (one->error);
  g_assert_cmpuint (one->n_skipped, ==, 0);
  g_assert_cmpuint (one->n_added + one->n_merged + one->n_unchanged, ==, n_written);
  if (one->n_duplicates_in_file == 0)
    {
      before = fuzz_describe_store (first);
      after = fuzz_describe_store (second);
      g_assert_cmpstr (after, ==, before);
    }

  /* Into the store it came from: changes nothing. */
  repeated = fuzz_import_path (first, export_path);
  g_assert_cmpuint (repeated->n_added, ==, 0);
  g_assert_cmpuint (repeated->n_merged, ==, 0);
  g_assert_cmpint (((TnImportFileResult *) g_ptr_array_index (repeated->files, 0))->batch_id, ==, 0);

  fuzz_undo (first, imported);
  fuzz_undo (second, again);
  return 0;
}
