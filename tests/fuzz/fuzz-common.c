/* fuzz-common.c — the scratch folder, the stores and one import with the invariants every
 * input must keep: no error escapes as a crash, and a refused file writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"

static char *scratch_dir;

/* Removes the scratch folder when the fuzzer (or the regression run) exits. */
static void
remove_scratch_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (scratch_dir);
}

/* A critical means our code or our use of a library broke a precondition: a finding, so
 * it aborts. Warnings and messages are the libraries talking about bad input, which is
 * what the fuzzer feeds them all day; printing them would only slow it down. */
static void
quiet_log_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_printerr ("%s: %s\n", log_domain ? log_domain : "?", message);
      abort ();
    }
}

void
fuzz_init (void)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "trustnet-fuzz-XXXXXX", NULL);

  if (scratch_dir != NULL)
    return;

  /* Fixed time, so that "last contact" and batch times never depend on the run. */
  g_setenv ("TRUSTNET_NOW", "2026-11-24T09:00:00Z", TRUE);
  g_log_set_default_handler (quiet_log_cb, NULL);

  scratch_dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (scratch_dir);
  atexit (remove_scratch_dir);
}

char *
fuzz_scratch_path (const char *name)
{
  return g_build_filename (scratch_dir, name, NULL);
}

TnStore *
fuzz_open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fuzz_scratch_path (name);
  TnStore *store = tn_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

TnImportResult *
fuzz_import_path (TnStore    *store,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TnImportResult *result;
  TnImportFileResult *one;

  result = tn_importer_import (store, &file, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  /* Only the database can fail a whole import, and the fuzzer's database never fails. */
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->files->len, ==, 1);

  one = g_ptr_array_index (result->files, 0);
  g_assert_nonnull (one->problems);
  if (one->error != NULL)
    {
      /* A refused file writes nothing. */
      g_assert_cmpint (one->batch_id, ==, 0);
      g_assert_cmpuint (one->n_added + one->n_merged, ==, 0);
      g_assert_cmpuint (result->n_refused, ==, 1);
      g_assert_cmpstr (one->error->message, !=, "");
    }
  if (one->batch_id == 0)
    g_assert_cmpuint (one->n_added + one->n_merged, ==, 0);
  for (guint i = 0; i < one->problems->len; i++)
    {
      TnVcardProblem *problem = g_ptr_array_index (one->problems, i);

      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
    }
  return result;
}

TnImportResult *
fuzz_import_bytes (TnStore       *store,
                   const uint8_t *data,
                   size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fuzz_scratch_path ("input.vcf");

  g_assert_true (g_file_set_contents (path, (const char *) data, size, &error));
  return fuzz_import_path (store, path);
}

void
fuzz_undo (TnStore        *store,
           TnImportResult *result)
{
  for (guint i = 0; i < result->files->len; i++)
    {
      TnImportFileResult *one = g_ptr_array_index (result->files, i);
      g_autoptr(GError) error = NULL;

      if (one->batch_id != 0)
        g_assert_true (tn_store_undo_import (store, one->batch_id, &error));
      g_assert_no_error (error);
    }
}

/* Every field TrustNet models, one per line, to compare two contacts or a whole store
 * before and after. */
char *
fuzz_describe_contact (TnContact *contact)
{
  g_autofree char *emails = g_strjoinv (",", (char **) tn_contact_get_emails (contact));
  g_autofree char *phones = g_strjoinv (",", (char **) tn_contact_get_phones (contact));

  return g_strdup_printf ("%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%d\n",
                          tn_contact_get_full_name (contact),
                          tn_contact_get_given_name (contact),
                          tn_contact_get_family_name (contact),
                          tn_contact_get_organization (contact),
                          tn_contact_get_title (contact),
                          tn_contact_get_note (contact),
                          tn_contact_get_birthday (contact),
                          tn_contact_get_uid (contact),
                          emails, phones,
                          (int) tn_contact_get_trust (contact));
}

char *
fuzz_describe_store (TnStore *store)
{
  GListModel *contacts = tn_store_get_contacts (store);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *one = fuzz_describe_contact (contact);

      g_string_append (text, one);
    }
  return g_string_free (text, FALSE);
}
