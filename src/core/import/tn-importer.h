/* tn-importer.h — vCard files into the store: read in one thread, written in another, each
 * card matched against the contacts already there, all in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-store.h"
#include "tn-vcard.h"

G_BEGIN_DECLS

/**
 * TnImportFlags:
 * @TN_IMPORT_FLAGS_NONE: bring the store's list up to date once the import is committed
 * @TN_IMPORT_FLAGS_NO_REFRESH: leave the store's list as it is, for a caller about to exit
 *   (the command line) that would only pay for reading the new contacts back
 */
typedef enum
{
  TN_IMPORT_FLAGS_NONE = 0,
  TN_IMPORT_FLAGS_NO_REFRESH = 1 << 0,
} TnImportFlags;

/**
 * TnImportFileResult:
 * @file: the file
 * @name: its name as people see it, for messages
 * @batch_id: the batch to pass to tn_store_undo_import(), or 0 when the file changed
 *   nothing (refused, or every card already there)
 * @n_added: contacts created
 * @n_merged: cards merged into a contact, adding an address or filling an empty field
 * @n_unchanged: cards whose contact already had everything they hold
 * @n_skipped: broken cards left out (see @problems)
 * @n_duplicates_in_file: cards (merged or unchanged) that were the same person as an
 *   earlier card of the same file
 * @n_possible_duplicates: contacts created with the name of another contact but no uid,
 *   email address or phone number in common (see tn_store_list_possible_duplicates())
 * @problems: (element-type TnVcardProblem): what was wrong with single cards or lines, in
 *   line order; never %NULL
 * @error: (nullable): why the file was refused as a whole (not a vCard file, unreadable);
 *   then nothing of it was written
 */
typedef struct
{
  GFile *file;
  char *name;
  gint64 batch_id;
  guint n_added;
  guint n_merged;
  guint n_unchanged;
  guint n_skipped;
  guint n_duplicates_in_file;
  guint n_possible_duplicates;
  GPtrArray *problems;
  GError *error;
} TnImportFileResult;

/**
 * TnImportResult:
 * @files: (element-type TnImportFileResult): one result per file, in the order given
 * @n_added: the sum over the files
 * @n_merged: the sum over the files
 * @n_unchanged: the sum over the files
 * @n_skipped: the sum over the files
 * @n_possible_duplicates: the sum over the files
 * @n_refused: files refused as a whole
 * @added_ids: (element-type gint64): the contacts created, in the order of the cards
 * @changed_ids: (element-type gint64): the contacts that were there before and gained
 *   something
 *
 * What an import did. Every file that was not refused was committed.
 */
typedef struct
{
  GPtrArray *files;
  guint n_added;
  guint n_merged;
  guint n_unchanged;
  guint n_skipped;
  guint n_possible_duplicates;
  guint n_refused;
  GArray *added_ids;
  GArray *changed_ids;
} TnImportResult;

/**
 * TnImportProgressFunc:
 * @fraction: how much of the import is done, from 0 to 1
 * @n_cards: how many cards have been written so far
 * @user_data: the data given with the function
 *
 * Called on the thread that started the import, at most every few tens of milliseconds.
 */
typedef void (*TnImportProgressFunc) (double   fraction,
                                      guint    n_cards,
                                      gpointer user_data);

void            tn_import_result_free     (TnImportResult       *result);

void            tn_importer_import_async  (TnStore              *store,
                                           GFile               **files,
                                           guint                 n_files,
                                           TnImportFlags         flags,
                                           GCancellable         *cancellable,
                                           TnImportProgressFunc  progress,
                                           gpointer              progress_data,
                                           GDestroyNotify        progress_data_free,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
TnImportResult *tn_importer_import_finish (TnStore              *store,
                                           GAsyncResult         *result,
                                           GError              **error);
TnImportResult *tn_importer_import        (TnStore              *store,
                                           GFile               **files,
                                           guint                 n_files,
                                           TnImportFlags         flags,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnImportResult, tn_import_result_free)

G_END_DECLS
