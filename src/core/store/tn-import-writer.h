/* tn-import-writer.h — what the importer's worker thread may do to the database: write
 * through its own SQLite connection, never through the TnStore the main thread owns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"
#include "tn-vcard.h"

G_BEGIN_DECLS

/* A second connection to a store's database, for one thread. */
typedef struct _TnImportWriter TnImportWriter;

/* The fields of a contact an import may fill when they are empty, then the lists it may
 * add to. The names are what batch_changes.what records. */
typedef enum
{
  TN_IMPORT_FIELD_GIVEN_NAME,
  TN_IMPORT_FIELD_FAMILY_NAME,
  TN_IMPORT_FIELD_ORGANIZATION,
  TN_IMPORT_FIELD_TITLE,
  TN_IMPORT_FIELD_NOTE,
  TN_IMPORT_FIELD_BIRTHDAY,
  TN_IMPORT_FIELD_VCARD,
  TN_IMPORT_FIELD_CONNECTED_ON,
  TN_IMPORT_N_TEXT_FIELDS,
  TN_IMPORT_FIELD_EMAIL = TN_IMPORT_N_TEXT_FIELDS,
  TN_IMPORT_FIELD_PHONE,
  TN_IMPORT_FIELD_URL,
} TnImportField;

/* A contact as a merge needs it: its fields (NULL when empty) and its addresses (each table's
 * in no promised order: a merge asks only whether an address is there). */
typedef struct
{
  char *fields[TN_IMPORT_N_TEXT_FIELDS];
  GStrv emails;
  GStrv phones;
  GStrv urls;
} TnImportMergeTarget;

/* What the importer reads to know the contacts already there. */
typedef enum
{
  TN_IMPORT_KNOWN_UIDS,         /* (id, uid) of every contact in the list */
  TN_IMPORT_KNOWN_REMOVED_UIDS, /* (0, uid) of contacts removed but not purged yet */
  TN_IMPORT_KNOWN_NAMES,        /* (id, full name) */
  TN_IMPORT_KNOWN_EMAILS,       /* (id, address), by id then position */
  TN_IMPORT_KNOWN_PHONES,       /* (id, number), by id then position */
  TN_IMPORT_KNOWN_URLS,         /* (id, web page), by id then position */
} TnImportKnown;

typedef void (*TnImportRowFunc) (gint64      id,
                                 const char *text,
                                 gpointer    user_data);

typedef struct
{
  guint n_added;
  guint n_merged;
  guint n_unchanged;
  guint n_skipped;
} TnImportBatchCounts;

TnImportWriter *tn_import_writer_open           (const char                *path,
                                                 GError                   **error);
void            tn_import_writer_free           (TnImportWriter            *self);

gboolean        tn_import_writer_begin          (TnImportWriter            *self,
                                                 GError                   **error);
gboolean        tn_import_writer_commit         (TnImportWriter            *self,
                                                 GError                   **error);
void            tn_import_writer_rollback       (TnImportWriter            *self);
gboolean        tn_import_writer_defer_indexes  (TnImportWriter            *self,
                                                 GError                   **error);
void            tn_import_writer_checkpoint     (TnImportWriter            *self);
guint           tn_import_writer_count_contacts (TnImportWriter            *self);

gboolean        tn_import_writer_begin_batch    (TnImportWriter            *self,
                                                 const char                *file_name,
                                                 gint64                    *batch_id,
                                                 GError                   **error);
gboolean        tn_import_writer_end_batch      (TnImportWriter            *self,
                                                 gint64                     batch_id,
                                                 const TnImportBatchCounts *counts,
                                                 GError                   **error);
gboolean        tn_import_writer_drop_batch     (TnImportWriter            *self,
                                                 GError                   **error);
gboolean        tn_import_writer_forget_batch   (TnImportWriter            *self,
                                                 gint64                     batch_id,
                                                 GError                   **error);

gboolean        tn_import_writer_foreach_known  (TnImportWriter            *self,
                                                 TnImportKnown              what,
                                                 TnImportRowFunc            func,
                                                 gpointer                   user_data,
                                                 GError                   **error);

gboolean        tn_import_writer_add_contact    (TnImportWriter            *self,
                                                 const TnVcardCard         *card,
                                                 const char                *uid,
                                                 TnTrust                    trust,
                                                 const char * const        *normalized_emails,
                                                 const char * const        *normalized_phones,
                                                 gint64                     batch_id,
                                                 gint64                    *id,
                                                 GError                   **error);
gboolean        tn_import_writer_read_contact   (TnImportWriter            *self,
                                                 gint64                     id,
                                                 TnImportMergeTarget       *target,
                                                 GError                   **error);
gboolean        tn_import_writer_add_value      (TnImportWriter            *self,
                                                 gint64                     id,
                                                 gint64                     batch_id,
                                                 TnImportField              field,
                                                 const char                *value,
                                                 GError                   **error);
gboolean        tn_import_writer_update_contact (TnImportWriter            *self,
                                                 gint64                     id,
                                                 const TnImportMergeTarget *from,
                                                 const char * const        *fields,
                                                 GError                   **error);
gboolean        tn_import_writer_record_job_change (TnImportWriter         *self,
                                                 gint64                     id,
                                                 gint64                     batch_id,
                                                 const TnImportMergeTarget *from,
                                                 const char                *organization,
                                                 const char                *title,
                                                 GError                   **error);

void            tn_import_merge_target_clear    (TnImportMergeTarget       *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnImportWriter, tn_import_writer_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnImportMergeTarget, tn_import_merge_target_clear)

G_END_DECLS
