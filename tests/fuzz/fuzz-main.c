/* fuzz-main.c — runs a fuzz target's entry point over every file of the folders (or files)
 * given, without libFuzzer: the corpus and the crash reproducers as a normal test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "fuzz-common.h"

static guint n_inputs;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
run_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* The same order on every machine, for reproducible failures. */
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        run_path (g_ptr_array_index (names, i));
      return;
    }

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_print ("# %s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
  n_inputs++;
}

int
main (int   argc,
      char *argv[])
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  g_print ("1..1\nok 1 - %u inputs\n", n_inputs);
  return 0;
}
