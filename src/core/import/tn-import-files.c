/* tn-import-files.c — which of the files and folders given to an import are vCard files:
 * folders opened a few levels deep, the same file given twice read once, the rest refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the person named is refused with a reason; inside a folder, whatever is not a
 * vCard is passed by, as a folder of photos and address books holds both. A name that says
 * vCard is enough here: the importer refuses a PNG renamed .vcf with a message of its own.
 */
#define G_LOG_DOMAIN "tn-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-import-files.h"

/* How deep an import looks into the folders it is given: a folder of address books
 * sorted by year is found, a whole home folder is not walked. */
#define MAX_FOLDER_DEPTH 3

/* How many bytes of a file with an unknown name are read to tell whether it is a vCard. */
#define SNIFF_SIZE 1024

#define FILE_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN

typedef struct
{
  TnImportFiles *found;
  GHashTable *seen; /* GFile: a file given alone and in its folder is read once */
  TnImportCollectFlags flags;
  GCancellable *cancellable;
} Collection;

/**
 * tn_import_files_free:
 * @files: (transfer full): what tn_import_collect_files() found
 */
void
tn_import_files_free (TnImportFiles *files)
{
  if (files == NULL)
    return;

  g_clear_pointer (&files->files, g_ptr_array_unref);
  g_clear_pointer (&files->refused, g_ptr_array_unref);
  g_free (files);
}

static gboolean
name_is_vcard (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  /* CSV exports (LinkedIn, Google, Outlook) are read by tn-csv.c. */
  return g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard") || g_str_has_suffix (lower, ".csv");
}

static gboolean
content_type_is_vcard (const char *content_type)
{
  return content_type != NULL &&
         (g_content_type_is_a (content_type, "text/vcard") ||
          g_content_type_is_a (content_type, "text/x-vcard") ||
          g_content_type_is_a (content_type, "text/directory"));
}

/* A file named "contacts.txt" or nothing at all may still be a vCard: it starts with
 * BEGIN:VCARD, after a byte-order mark and blank lines (UTF-16 text reads the same
 * once its zero bytes are left out). */
static gboolean
starts_like_vcard (GFile        *file,
                   GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  char buffer[SNIFF_SIZE];
  char text[SNIFF_SIZE + 1];
  gsize n_read = 0;
  gsize n_text = 0;
  const char *start;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &n_read, cancellable, NULL))
    return FALSE;

  for (gsize i = 0; i < n_read; i++)
    {
      guchar c = buffer[i];

      if (c != '\0' && c != 0xef && c != 0xbb && c != 0xbf && c != 0xff && c != 0xfe)
        text[n_text++] = c;
    }
  text[n_text] = '\0';

  for (start = text; g_ascii_isspace (*start); start++)
    ;

  return g_ascii_strncasecmp (start, "BEGIN:VCARD", strlen ("BEGIN:VCARD")) == 0;
}

static void
add_file (Collection *self,
          GFile      *file)
{
  if (g_hash_table_add (self->seen, g_object_ref (file)))
    g_ptr_array_add (self->found->files, g_object_ref (file));
}

static void
refuse (Collection *self,
        char       *reason)
{
  g_ptr_array_add (self->found->refused, reason);
}

static int
compare_infos_by_name (gconstpointer a,
                       gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo * const *) a;
  GFileInfo *info_b = *(GFileInfo * const *) b;
  g_autofree char *key_a = g_utf8_collate_key_for_filename (g_file_info_get_display_name (info_a), -1);
  g_autofree char *key_b = g_utf8_collate_key_for_filename (g_file_info_get_display_name (info_b), -1);

  return strcmp (key_a, key_b);
}

static void collect_file (Collection *self,
                          GFile      *file,
                          GFileInfo  *info,
                          guint       depth);

static void
collect_folder (Collection *self,
                GFile      *folder,
                GFileInfo  *info,
                guint       depth)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_before = self->found->files->len;
  GFileInfo *child;

  enumerator = g_file_enumerate_children (folder, FILE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          self->cancellable, &error);
  if (enumerator == NULL)
    {
      if (depth == 0)
        refuse (self, g_strdup (error->message));
      return;
    }

  while ((child = g_file_enumerator_next_file (enumerator, self->cancellable, NULL)) != NULL)
    g_ptr_array_add (children, child);

  /* The files of a folder are imported in the order a file manager shows them. */
  g_ptr_array_sort (children, compare_infos_by_name);

  for (guint i = 0; i < children->len; i++)
    {
      GFileInfo *child_info = g_ptr_array_index (children, i);
      g_autoptr(GFile) child_file = g_file_enumerator_get_child (enumerator, child_info);

      if (!g_file_info_get_is_hidden (child_info))
        collect_file (self, child_file, child_info, depth + 1);
    }

  if (depth == 0 && self->found->files->len == n_before)
    refuse (self, g_strdup_printf (_("The folder “%s” holds no vCard files."),
                                   g_file_info_get_display_name (info)));
}

static void
refuse_not_vcard (Collection *self,
                  const char *name,
                  const char *content_type)
{
  g_autofree char *description = NULL;

  if (content_type == NULL || g_content_type_is_unknown (content_type))
    {
      refuse (self, g_strdup_printf (_("“%s” is not a vCard file."), name));
      return;
    }

  description = g_content_type_get_description (content_type);
  /* TRANSLATORS: the second %s says what the file is instead, like "PNG image" */
  refuse (self, g_strdup_printf (_("“%s” is not a vCard file (%s)."), name, description));
}

/* Adds @file if it is a vCard file, opens it if it is a folder; @depth 0 is what was given. */
static void
collect_file (Collection *self,
              GFile      *file,
              GFileInfo  *info,
              guint       depth)
{
  const char *name = g_file_info_get_display_name (info);
  const char *content_type = g_file_info_get_content_type (info);

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      if (depth < MAX_FOLDER_DEPTH)
        collect_folder (self, file, info, depth);
      return;

    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_UNKNOWN:
      break;

    case G_FILE_TYPE_SPECIAL:
      /* A pipe with no writer would keep the import waiting forever, /dev/zero would
       * fill memory: devices, pipes and sockets are never read, whoever gives them. */
      if (depth == 0)
        refuse (self, g_strdup_printf (_("“%s” is not a regular file (a device, a pipe or a socket); TrustNet imports only files."),
                                       name));
      return;

    case G_FILE_TYPE_MOUNTABLE:
    default:
      if (depth == 0)
        refuse (self, g_strdup_printf (_("“%s” is not a vCard file."), name));
      return;
    }

  if (name_is_vcard (name) || content_type_is_vcard (content_type) ||
      (depth == 0 && starts_like_vcard (file, self->cancellable)))
    add_file (self, file);
  else if (depth == 0)
    refuse_not_vcard (self, name, content_type);
}

/**
 * tn_import_collect_files:
 * @given: (array length=n_given): files and folders, as dropped, chosen or named
 * @n_given: how many there are
 * @flags: %TN_IMPORT_COLLECT_FLAGS_NONE, kept for what may come
 * @cancellable: (nullable): to stop looking
 * @error: only ever %G_IO_ERROR_CANCELLED: a file that cannot be read is refused instead
 *
 * Finds the vCard files among @given and in the folders of @given (three levels deep,
 * hidden files left out). Blocks: call it in a worker thread, or use the async variant.
 *
 * Returns: (transfer full): the files to import and why the others are not
 */
TnImportFiles *
tn_import_collect_files (GFile * const         *given,
                         guint                  n_given,
                         TnImportCollectFlags   flags,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(TnImportFiles) found = g_new0 (TnImportFiles, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);
  Collection self = { found, seen, flags, cancellable };

  g_return_val_if_fail (given != NULL || n_given == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  found->files = g_ptr_array_new_with_free_func (g_object_unref);
  found->refused = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_given; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      info = g_file_query_info (given[i], FILE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
      if (info == NULL)
        refuse (&self, g_strdup (local_error->message));
      else
        collect_file (&self, given[i], info, 0);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&found);
}

typedef struct
{
  GPtrArray *given;
  TnImportCollectFlags flags;
} CollectData;

static void
collect_data_free (CollectData *data)
{
  g_clear_pointer (&data->given, g_ptr_array_unref);
  g_free (data);
}

static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CollectData *data = task_data;
  TnImportFiles *found;
  GError *error = NULL;

  found = tn_import_collect_files ((GFile * const *) data->given->pdata, data->given->len,
                                   data->flags, cancellable, &error);
  if (found != NULL)
    g_task_return_pointer (task, found, (GDestroyNotify) tn_import_files_free);
  else
    g_task_return_error (task, error);
}

/**
 * tn_import_collect_files_async:
 * @given: (array length=n_given): files and folders, as dropped, chosen or named
 * @n_given: how many there are
 * @flags: %TN_IMPORT_COLLECT_FLAGS_NONE, kept for what may come
 * @cancellable: (nullable): to stop looking
 * @callback: called on this thread once the files are looked at
 * @user_data: for @callback
 *
 * Does what tn_import_collect_files() does, in a worker thread.
 */
void
tn_import_collect_files_async (GFile * const         *given,
                               guint                  n_given,
                               TnImportCollectFlags   flags,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  CollectData *data;

  g_return_if_fail (given != NULL || n_given == 0);

  data = g_new0 (CollectData, 1);
  data->given = g_ptr_array_new_full (n_given, g_object_unref);
  data->flags = flags;
  for (guint i = 0; i < n_given; i++)
    g_ptr_array_add (data->given, g_object_ref (given[i]));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_import_collect_files_async);
  g_task_set_task_data (task, data, (GDestroyNotify) collect_data_free);
  g_task_run_in_thread (task, collect_thread);
}

/**
 * tn_import_collect_files_finish:
 * @result: the result given to the callback
 * @error: only ever %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the files to import and why the others are not
 */
TnImportFiles *
tn_import_collect_files_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_import_collect_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
