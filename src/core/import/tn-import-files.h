/* tn-import-files.h — what a person gave to import (files, folders) as the vCard files to
 * read: the one rule the window's drop, its Import… and `trustnet --import` all follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TnImportCollectFlags:
 * @TN_IMPORT_COLLECT_FLAGS_NONE: the one rule: regular files and folders of them are
 *   taken; devices, pipes and sockets are refused, from a window and the command line alike
 *   (a pipe with no writer would keep an import waiting forever)
 */
typedef enum
{
  TN_IMPORT_COLLECT_FLAGS_NONE = 0,
} TnImportCollectFlags;

/**
 * TnImportFiles:
 * @files: (element-type GFile): the vCard files found, in the order given (a folder's in
 *   the order a file manager shows them), each once
 * @refused: (element-type utf8): why a file or folder given will not be imported, one
 *   sentence each, written for the person
 */
typedef struct
{
  GPtrArray *files;
  GPtrArray *refused;
} TnImportFiles;

void           tn_import_files_free         (TnImportFiles         *files);

TnImportFiles *tn_import_collect_files      (GFile * const         *given,
                                             guint                  n_given,
                                             TnImportCollectFlags   flags,
                                             GCancellable          *cancellable,
                                             GError               **error);
void           tn_import_collect_files_async  (GFile * const         *given,
                                               guint                  n_given,
                                               TnImportCollectFlags   flags,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
TnImportFiles *tn_import_collect_files_finish (GAsyncResult          *result,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnImportFiles, tn_import_files_free)

G_END_DECLS
