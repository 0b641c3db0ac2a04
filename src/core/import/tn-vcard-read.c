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
            guint64     *size,
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

  *size = info.st_size;
  return g_unix_input_stream_new (fd, TRUE);
}

static GInputStream *
open_by_uri (GFile         *file,
             guint64       *size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                       G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

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

  *size = g_file_info_get_size (info);
  return G_INPUT_STREAM (g_file_read (file, cancellable, error));
}

struct _TnVcardSource
{
  GInputStream *stream;
  gsize max_size;
  guint64 size;   /* what the file said when it was opened; 0 when not known */
  guint64 n_read;
};

void
_tn_vcard_source_free (TnVcardSource *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_free (self);
}

/**
 * _tn_vcard_source_open:
 * @file: a file to import
 * @max_size: the most bytes that may be read
 * @cancellable: (nullable): to stop opening
 * @error: %G_IO_ERROR_NOT_REGULAR_FILE for a device, pipe or socket,
 *   %G_IO_ERROR_IS_DIRECTORY for a folder, or what opening said
 *
 * Returns: (transfer full) (nullable): @file, to be read in pieces
 */
TnVcardSource *
_tn_vcard_source_open (GFile         *file,
                       gsize          max_size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(TnVcardSource) self = g_new0 (TnVcardSource, 1);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->max_size = max_size;
  self->stream = g_file_peek_path (file) != NULL ? open_local (g_file_peek_path (file), &self->size, error)
                                                 : open_by_uri (file, &self->size, cancellable, error);
  if (self->stream == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* Bytes already in memory, read through the same bound. */
TnVcardSource *
_tn_vcard_source_new_for_bytes (GBytes *bytes,
                                gsize   max_size)
{
  TnVcardSource *self = g_new0 (TnVcardSource, 1);

  self->max_size = max_size;
  self->size = g_bytes_get_size (bytes);
  self->stream = g_memory_input_stream_new_from_bytes (bytes);

  return self;
}

/* The size the file had when it was opened, to weigh progress; 0 when not known. */
guint64
_tn_vcard_source_get_size (TnVcardSource *self)
{
  return self->size;
}

/**
 * _tn_vcard_source_read:
 * @self: a source
 * @into: bytes are appended here
 * @most: how many bytes at most
 * @cancellable: (nullable): to stop reading
 * @error: %G_IO_ERROR_MESSAGE_TOO_LARGE once more than the bound was read, or what reading said
 *
 * Returns: how many bytes were appended, 0 at the end of the file, -1 on an error
 */
gssize
_tn_vcard_source_read (TnVcardSource  *self,
                       GByteArray     *into,
                       gsize           most,
                       GCancellable   *cancellable,
                       GError        **error)
{
  gsize before = into->len;
  gssize n;

  /* One byte past the bound tells a file of exactly max_size bytes from a larger one. */
  most = MIN (most, self->max_size + 1 - self->n_read);
  g_byte_array_set_size (into, before + most);
  n = g_input_stream_read (self->stream, into->data + before, most, cancellable, error);
  g_byte_array_set_size (into, before + MAX (n, 0));
  if (n < 0)
    return -1;

  self->n_read += n;
  if (self->n_read > self->max_size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "too large");
      return -1;
    }

  return n;
}

/**
 * _tn_vcard_read_file:
 * @file: a file to import
 * @max_size: the most bytes that may be read
 * @cancellable: (nullable): to stop reading
 * @error: as _tn_vcard_source_open() and _tn_vcard_source_read()
 *
 * Returns: (transfer full) (nullable): all of @file
 */
GBytes *
_tn_vcard_read_file (GFile         *file,
                     gsize          max_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(TnVcardSource) source = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  source = _tn_vcard_source_open (file, max_size, cancellable, error);
  if (source == NULL)
    return NULL;

  while ((n = _tn_vcard_source_read (source, data, READ_PIECE, cancellable, error)) > 0)
    ;
  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
