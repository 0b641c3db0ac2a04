/* tn-store-internal.h — what the files of TnStore share: the instance struct, its
 * signals, and the helpers one concern's file lends another. Only src/core/store/ reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contact-list.h"
#include "tn-contacts-by-name.h"
#include "tn-db.h"
#include "tn-import-writer.h"
#include "tn-store.h"

G_BEGIN_DECLS

struct _TnStore
{
  GObject parent_instance;

  /* Owned References */
  TnDb *db;

  /* Contacts ordered by id, and the same objects by id for lookups. */
  TnContactList *contacts;
  GHashTable *contacts_by_id;
  /* The same in the order of their names, made when first asked for. */
  TnContactsByName *contacts_by_name;

  /* The change feed (tn-store-feed.c): SQLite's count of other connections' commits
   * when this store last looked, the last change it took in, and its polling source. */
  gint64 data_version;
  gint64 seen_seq;
  guint follow_source;

  /* Sync (tn-store-sync.c) has a transaction open for a batch of writes; one of them
   * failed half-way, so the batch can only be rolled back. */
  gboolean sync_batch;
  gboolean sync_batch_failed;
};

typedef enum
{
  TN_STORE_SIGNAL_INTERACTIONS_CHANGED,
  TN_STORE_SIGNAL_BRAND_CHANGED,
  TN_STORE_SIGNAL_CHANGED_ELSEWHERE,
  TN_STORE_N_SIGNALS
} TnStoreSignal;

extern guint _tn_store_signals[TN_STORE_N_SIGNALS];

/* tn-store.c */
gint64      _tn_store_now_unix              (void);

/* tn-store-contacts.c */
gboolean    _tn_store_load_contacts         (TnStore        *self,
                                             GError        **error);
int         _tn_store_compare_by_id         (gconstpointer   a,
                                             gconstpointer   b,
                                             gpointer        user_data);
void        _tn_store_announce_changed      (TnStore        *self,
                                             TnContact      *contact);
gboolean    _tn_store_check_contact_is_here (TnStore        *self,
                                             TnContact      *contact,
                                             GError        **error);
gboolean    _tn_store_record_trust_change   (TnStore        *self,
                                             gint64          contact_id,
                                             TnTrust         trust,
                                             gint64          changed_at,
                                             GError        **error);

/* tn-store-feed.c */
gboolean    _tn_store_feed_init             (TnStore        *self,
                                             GError        **error);


/* tn-store-meta.c: a meta row written only when its value changed; NULL removes it */
gboolean    _tn_store_set_meta              (TnStore        *self,
                                             const char     *key,
                                             const char     *value,
                                             GError        **error);
gboolean    _tn_store_set_meta_int          (TnStore        *self,
                                             const char     *key,
                                             gint64          value,
                                             GError        **error);

/* tn-store-reminder.c */
char       *_tn_store_local_day_plus        (GDateTime      *when,
                                             int             days);

/* tn-store-jobs.c */
gboolean    _tn_store_take_back_job_changes (TnStore        *self,
                                             gint64          batch_id,
                                             GError        **error);

/* tn-store-brand.c */
gboolean    _tn_store_write_heard_brand     (TnStore        *self,
                                             TnContact      *contact,
                                             gboolean        heard,
                                             gboolean       *changed,
                                             GError        **error);

/* tn-import-writer.c: what batch_changes records, for taking an import back. */
extern const char * const _tn_import_field_columns[TN_IMPORT_N_TEXT_FIELDS];
gboolean    _tn_import_parse_field_name     (const char     *name,
                                             TnImportField  *field);

G_END_DECLS
