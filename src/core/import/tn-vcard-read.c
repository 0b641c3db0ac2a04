/* tn-vcard-read.c — reads a file to import. A FIFO would block an import forever and
 * /dev/zero would fill memory; a file may also grow after its size was asked. So only a
 * regular file is read, judged on what was opened, and reading stops past the bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-vcard"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

#include "tn-vcard-read.h"

/* Reads are done in pieces of this size; the buffer grows only as far as bytes come. */
#define READ_PIECE (256 * 1024)

static gboolean
fail_with_errno (GError **error)
{
  int saved_errno = errno;

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

/* A local file, opened without blocking (a FIFO with no writer would wait forever) and
 * judged by fstat(), so that what is read is what was checked. */
static GInputStream *
open_local (const char  *path,
            GError     **error)
{
  struct stat info;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      fail_with_errno (error);
      return NULL;
    }

  if (fstat (fd, &info) != 0)
    {
      fail_with_errno (error);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR,
                           S_ISDIR (info.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                           "not a regular file");
      close (fd);
      return NULL;
    }

  return g_unix_input_stream_new (fd, TRUE);
}

static GInputStream *
open_by_uri (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                                 cancellable, error);

  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR,
                           g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ? G_IO_ERROR_IS_DIRECTORY
                                                                                      : G_IO_ERROR_NOT_REGULAR_FILE,
                           "not a regular file");
      return NULL;
    }

  return G_INPUT_STREAM (g_file_read (file, cancellable, error));
}

/**
 * _tn_vcard_read_file:
 * @file: a file to import
 * @max_size: the most bytes that may be read
 * @cancellable: (nullable): to stop reading
 * @error: %G_IO_ERROR_NOT_REGULAR_FILE for a device, pipe or socket,
 *   %G_IO_ERROR_IS_DIRECTORY for a folder, %G_IO_ERROR_MESSAGE_TOO_LARGE past @max_size,
 *   or what reading said
 *
 * Returns: (transfer full) (nullable): all of @file
 */
GBytes *
_tn_vcard_read_file (GFile         *file,
                     gsize          max_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_peek_path (file) != NULL ? open_local (g_file_peek_path (file), error)
                                           : open_by_uri (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gsize before = data->len;
      gssize n;

      /* One byte past the bound tells a file of exactly @max_size bytes from a larger one. */
      g_byte_array_set_size (data, before + MIN (READ_PIECE, max_size + 1 - before));
      n = g_input_stream_read (stream, data->data + before, data->len - before, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, before + n);
      if (n == 0)
        break;
      if (data->len > max_size)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "too large");
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
