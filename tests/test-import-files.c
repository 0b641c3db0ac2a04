/* test-import-files.c — which of the files and folders given to an import are read: the
 * rule the window's drop, its Import… and `trustnet --import` share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-files"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-import-files.h"
#include "tn-vcard-read.h"
#include "tn-test-util.h"

static const char card[] = "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD\n";
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-import-files-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Writes @data to @name under the fixture's folder, making the folders on the way. */
static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static TnImportFiles *
collect (GFile                **given,
         guint                  n_given,
         TnImportCollectFlags   flags)
{
  g_autoptr(GError) error = NULL;
  TnImportFiles *found = tn_import_collect_files (given, n_given, flags, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static void
assert_found (TnImportFiles *found,
              const char    *dir,
              const char    *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);

  for (guint i = 0; i < found->files->len; i++)
    {
      g_autofree char *name = g_file_get_relative_path (root, g_ptr_array_index (found->files, i));

      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", name);
    }
  g_assert_cmpstr (names->str, ==, expected);
}

/* A folder: vCards at any of three levels, in the order a file manager shows them; hidden
 * files, other files and what lies deeper passed by without a word. */
static void
test_folder (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GFile) phone = fixture_file (fixture, "phone");
  g_autoptr(TnImportFiles) found = NULL;

  g_object_unref (write_file (fixture, "phone/b.vcf", card, -1));
  g_object_unref (write_file (fixture, "phone/a10.VCF", card, -1));
  g_object_unref (write_file (fixture, "phone/a9.vcard", card, -1));
  g_object_unref (write_file (fixture, "phone/2025/c.vcf", card, -1));
  g_object_unref (write_file (fixture, "phone/2025/x/d.vcf", card, -1));
  g_object_unref (write_file (fixture, "phone/2025/x/y/too-deep.vcf", card, -1));
  g_object_unref (write_file (fixture, "phone/.hidden.vcf", card, -1));
  g_object_unref (write_file (fixture, "phone/notes.txt", "Ada on Monday\n", -1));
  g_object_unref (write_file (fixture, "phone/unnamed", card, -1));

  found = collect (&phone, 1, TN_IMPORT_COLLECT_FLAGS_NONE);
  assert_found (found, fixture->dir, "phone/2025/c.vcf phone/2025/x/d.vcf phone/a9.vcard phone/a10.VCF phone/b.vcf");
  g_assert_cmpuint (found->refused->len, ==, 0);
}

/* Given by name, a file is sniffed: a vCard by another name is taken, a picture refused
 * with what it is; a file given alone and in its folder is read once. */
static void
test_given_files (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GFile) text = write_file (fixture, "contacts.txt", "\xef\xbb\xbf\n  begin:vcard\nFN:Ada\nEND:VCARD\n", -1);
  g_autoptr(GFile) picture = write_file (fixture, "holiday.png", png, sizeof png - 1);
  g_autoptr(GFile) ada = write_file (fixture, "phone/ada.vcf", card, -1);
  g_autoptr(GFile) phone = fixture_file (fixture, "phone");
  g_autoptr(GFile) missing = fixture_file (fixture, "missing.vcf");
  GFile *given[] = { text, picture, phone, ada, missing };
  g_autoptr(TnImportFiles) found = collect (given, G_N_ELEMENTS (given), TN_IMPORT_COLLECT_FLAGS_NONE);

  assert_found (found, fixture->dir, "contacts.txt phone/ada.vcf");
  g_assert_cmpuint (found->refused->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (found->refused, 0), "“holiday.png” is not a vCard file"));
  g_assert_nonnull (strstr (g_ptr_array_index (found->refused, 1), "missing.vcf"));
}

static void
test_empty_folder (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) picture = write_file (fixture, "pictures/beach.png", png, sizeof png - 1);
  g_autoptr(GFile) pictures = fixture_file (fixture, "pictures");
  g_autoptr(TnImportFiles) found = collect (&pictures, 1, TN_IMPORT_COLLECT_FLAGS_NONE);

  g_assert_cmpuint (found->files->len, ==, 0);
  g_assert_cmpuint (found->refused->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (found->refused, 0), ==, "The folder “pictures” holds no vCard files.");
}

/* A device is refused, from a window and the command line alike (issue 13). */
static void
test_special_files (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GFile) null = g_file_new_for_path ("/dev/null");
  g_autoptr(TnImportFiles) refused = collect (&null, 1, TN_IMPORT_COLLECT_FLAGS_NONE);

  g_assert_cmpuint (refused->files->len, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (refused->refused, 0), ==,
                   "“null” is not a regular file (a device, a pipe or a socket); TrustNet imports only files.");
}

/* The bound holds on the bytes read, not the size a file reports: /proc files say 0 bytes
 * and still hold text, and a file one byte over the bound is refused however it is read. */
static void
test_read_bound (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GFile) status = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  read = _tn_vcard_read_file (status, 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read), >, 0);
  g_clear_pointer (&read, g_bytes_unref);

  read = _tn_vcard_read_file (status, 10, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (read);
  g_clear_error (&error);

  read = _tn_vcard_read_file (zero, 1024, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (read);
}

static void
on_collected_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Cancelled before it starts, the walk says so and finds nothing. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GFile) ada = write_file (fixture, "ada.vcf", card, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TnImportFiles) found = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  tn_import_collect_files_async (&ada, 1, TN_IMPORT_COLLECT_FLAGS_NONE, cancellable, on_collected_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  found = tn_import_collect_files_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/import-files/folder", test_folder);
  ADD_TEST ("/import-files/given-files", test_given_files);
  ADD_TEST ("/import-files/empty-folder", test_empty_folder);
  ADD_TEST ("/import-files/special-files", test_special_files);
  ADD_TEST ("/import-files/read-bound", test_read_bound);
  ADD_TEST ("/import-files/cancelled", test_cancelled);

#undef ADD_TEST

  return g_test_run ();
}
