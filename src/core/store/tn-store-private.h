/* tn-store-private.h — what the importer's worker thread may do to the database: write
 * through its own SQLite connection, never through the TnStore the main thread owns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"
#include "tn-vcard.h"

G_BEGIN_DECLS

/* tn-stats.c reads the store's tables with SQL aggregates through the store's own
 * connection, on the main thread. */
typedef struct sqlite3 sqlite3;
sqlite3 *_tn_store_get_db (TnStore *self);

/* A second connection to a store's database, for one thread. */
typedef struct _TnStoreWriter TnStoreWriter;

/* The fields of a contact an import may fill when they are empty, then the lists it may
 * add to. The names are what batch_changes.what records. */
typedef enum
{
  TN_STORE_FIELD_GIVEN_NAME,
  TN_STORE_FIELD_FAMILY_NAME,
  TN_STORE_FIELD_ORGANIZATION,
  TN_STORE_FIELD_TITLE,
  TN_STORE_FIELD_NOTE,
  TN_STORE_FIELD_BIRTHDAY,
  TN_STORE_FIELD_VCARD,
  TN_STORE_N_TEXT_FIELDS,
  TN_STORE_FIELD_EMAIL = TN_STORE_N_TEXT_FIELDS,
  TN_STORE_FIELD_PHONE,
} TnStoreField;

/* A contact as a merge needs it: its fields (NULL when empty) and its addresses. */
typedef struct
{
  char *fields[TN_STORE_N_TEXT_FIELDS];
  GStrv emails;
  GStrv phones;
} TnStoreMergeTarget;

/* What the importer reads to know the contacts already there. */
typedef enum
{
  TN_STORE_KNOWN_UIDS,         /* (id, uid) of every contact in the list */
  TN_STORE_KNOWN_REMOVED_UIDS, /* (0, uid) of contacts removed but not purged yet */
  TN_STORE_KNOWN_NAMES,        /* (id, full name) */
  TN_STORE_KNOWN_EMAILS,       /* (id, address), by id then position */
  TN_STORE_KNOWN_PHONES,       /* (id, number), by id then position */
} TnStoreKnown;

typedef void (*TnStoreRowFunc) (gint64      id,
                                const char *text,
                                gpointer    user_data);

typedef struct
{
  guint n_added;
  guint n_merged;
  guint n_unchanged;
  guint n_skipped;
} TnStoreBatchCounts;

TnStoreWriter *_tn_store_writer_open          (const char               *path,
                                               GError                  **error);
void           _tn_store_writer_free          (TnStoreWriter            *self);

gboolean       _tn_store_writer_begin         (TnStoreWriter            *self,
                                               GError                  **error);
gboolean       _tn_store_writer_commit        (TnStoreWriter            *self,
                                               GError                  **error);
void           _tn_store_writer_rollback      (TnStoreWriter            *self);
gboolean       _tn_store_writer_defer_indexes (TnStoreWriter            *self,
                                               GError                  **error);
void           _tn_store_writer_checkpoint    (TnStoreWriter            *self);
guint          _tn_store_writer_count_contacts (TnStoreWriter           *self);

gboolean       _tn_store_writer_begin_batch   (TnStoreWriter            *self,
                                               const char               *file_name,
                                               gint64                   *batch_id,
                                               GError                  **error);
gboolean       _tn_store_writer_end_batch     (TnStoreWriter            *self,
                                               gint64                    batch_id,
                                               const TnStoreBatchCounts *counts,
                                               GError                  **error);
gboolean       _tn_store_writer_drop_batch    (TnStoreWriter            *self,
                                               GError                  **error);

gboolean       _tn_store_writer_foreach_known (TnStoreWriter            *self,
                                               TnStoreKnown              what,
                                               TnStoreRowFunc            func,
                                               gpointer                  user_data,
                                               GError                  **error);

gboolean       _tn_store_writer_add_contact   (TnStoreWriter            *self,
                                               const TnVcardCard        *card,
                                               const char               *uid,
                                               TnTrust                   trust,
                                               const char * const       *normalized_emails,
                                               const char * const       *normalized_phones,
                                               gint64                    batch_id,
                                               gint64                   *id,
                                               GError                  **error);
gboolean       _tn_store_writer_read_contact  (TnStoreWriter            *self,
                                               gint64                    id,
                                               TnStoreMergeTarget       *target,
                                               GError                  **error);
gboolean       _tn_store_writer_add_value     (TnStoreWriter            *self,
                                               gint64                    id,
                                               gint64                    batch_id,
                                               TnStoreField              field,
                                               const char               *value,
                                               GError                  **error);
gboolean       _tn_store_writer_touch         (TnStoreWriter            *self,
                                               gint64                    id,
                                               GError                  **error);

void           _tn_store_merge_target_clear   (TnStoreMergeTarget       *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnStoreWriter, _tn_store_writer_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnStoreMergeTarget, _tn_store_merge_target_clear)

G_END_DECLS
