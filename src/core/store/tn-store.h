/* tn-store.h — the SQLite database behind TrustNet, and the live list of
 * contacts the views show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-cadence.h"
#include "tn-contact.h"
#include "tn-duplicate-hints.h"
#include "tn-interaction.h"
#include "tn-linchpin.h"
#include "tn-reminder.h"

G_BEGIN_DECLS

#define TN_STORE_SCHEMA_VERSION 11

#define TN_STORE_ERROR (tn_store_error_quark ())

/**
 * TnStoreError:
 * @TN_STORE_ERROR_NEWER_SCHEMA: written by a newer TrustNet; left untouched
 * @TN_STORE_ERROR_NOT_A_DATABASE: not an SQLite database, or damaged
 * @TN_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @TN_STORE_ERROR_BUSY: another program holds the database locked
 * @TN_STORE_ERROR_DISK_FULL: no room left to write
 * @TN_STORE_ERROR_INVALID: the change itself is wrong (an empty name, …)
 * @TN_STORE_ERROR_NOT_FOUND: no contact matches
 * @TN_STORE_ERROR_AMBIGUOUS: more than one contact matches
 * @TN_STORE_ERROR_FAILED: anything else the database reported
 * @TN_STORE_ERROR_NOT_PRIVATE: the database or its WAL or SHM file belongs to another
 *   user, is a symbolic link, or could be read by others and cannot be made private
 */
typedef enum
{
  TN_STORE_ERROR_NEWER_SCHEMA,
  TN_STORE_ERROR_NOT_A_DATABASE,
  TN_STORE_ERROR_READ_ONLY,
  TN_STORE_ERROR_BUSY,
  TN_STORE_ERROR_DISK_FULL,
  TN_STORE_ERROR_INVALID,
  TN_STORE_ERROR_NOT_FOUND,
  TN_STORE_ERROR_AMBIGUOUS,
  TN_STORE_ERROR_FAILED,
  TN_STORE_ERROR_NOT_PRIVATE,
} TnStoreError;

/**
 * TnStoreOpenFlags:
 * @TN_STORE_OPEN_FLAGS_NONE: open the store with the list of every contact
 * @TN_STORE_OPEN_FLAGS_NO_CONTACTS: leave the list empty, for a program that only imports
 *   (with %TN_IMPORT_FLAGS_NO_REFRESH) and exits: reading 100,000 contacts it will not show
 *   would double the time and memory of a second import. Lookups find nobody in such a store.
 * @TN_STORE_OPEN_FLAGS_NO_CREATE: for a command that only reads: when there is no database
 *   at the path, neither it nor its folders are created, and the store is an empty one in
 *   memory that is gone when closed
 */
typedef enum
{
  TN_STORE_OPEN_FLAGS_NONE = 0,
  TN_STORE_OPEN_FLAGS_NO_CONTACTS = 1 << 0,
  TN_STORE_OPEN_FLAGS_NO_CREATE = 1 << 1,
} TnStoreOpenFlags;

/**
 * TnStoreChangeKind:
 * @TN_STORE_CHANGE_CONTACT: a contact, its addresses or whether they heard your statement
 * @TN_STORE_CHANGE_INTERACTION: a logged lunch, call, …
 * @TN_STORE_CHANGE_BRAND: a version of the brand statement
 * @TN_STORE_CHANGE_SELF_CHECK: a linchpin self-check
 * @TN_STORE_CHANGE_SETTING: a row of the store's own settings (the reminder's state)
 */
typedef enum
{
  TN_STORE_CHANGE_CONTACT,
  TN_STORE_CHANGE_INTERACTION,
  TN_STORE_CHANGE_BRAND,
  TN_STORE_CHANGE_SELF_CHECK,
  TN_STORE_CHANGE_SETTING,
} TnStoreChangeKind;

/**
 * TnStoreChange:
 * @seq: its place in the feed; later changes have greater numbers
 * @kind: what changed
 * @row_id: the row: the contact's, the interaction's, the statement's, …
 * @contact_id: the contact it belongs to, 0 for none
 * @deleted: whether the row was deleted
 *
 * The latest committed change of one row (see tn_store_list_changes()).
 */
typedef struct
{
  gint64 seq;
  TnStoreChangeKind kind;
  gint64 row_id;
  gint64 contact_id;
  gboolean deleted;
} TnStoreChange;

#define TN_TYPE_STORE (tn_store_get_type ())

G_DECLARE_FINAL_TYPE (TnStore, tn_store, TN, STORE, GObject)

GQuark      tn_store_error_quark        (void);

char       *tn_store_get_default_path   (void);
TnStore    *tn_store_open               (const char  *path,
                                         GError     **error);
TnStore    *tn_store_open_full          (const char        *path,
                                         TnStoreOpenFlags   flags,
                                         GError           **error);
const char *tn_store_get_path           (TnStore     *self);
int         tn_store_get_schema_version (TnStore     *self);

GListModel *tn_store_get_contacts       (TnStore     *self);
GListModel *tn_store_get_contacts_by_name (TnStore   *self);
TnContact  *tn_store_get_contact_by_id  (TnStore     *self,
                                         gint64       id);
TnContact  *tn_store_get_contact_by_uid (TnStore     *self,
                                         const char  *uid);
TnContact  *tn_store_lookup             (TnStore     *self,
                                         const char  *who,
                                         GError     **error);

gboolean    tn_store_add_contact        (TnStore     *self,
                                         TnContact   *contact,
                                         GError     **error);
gboolean    tn_store_update_contact     (TnStore     *self,
                                         TnContact   *contact,
                                         TnContact   *changes,
                                         GError     **error);
gboolean    tn_store_set_trust          (TnStore     *self,
                                         TnContact   *contact,
                                         TnTrust      trust,
                                         GError     **error);
gboolean    tn_store_remove_contact     (TnStore     *self,
                                         TnContact   *contact,
                                         GError     **error);
gboolean    tn_store_restore_contact    (TnStore     *self,
                                         TnContact   *contact,
                                         GError     **error);
gboolean    tn_store_restore_contact_by_uid (TnStore *self,
                                             const char *uid,
                                             GError    **error);

gboolean    tn_store_check_for_changes  (TnStore       *self,
                                         GError       **error);
void        tn_store_follow_other_processes (TnStore   *self);
GArray     *tn_store_list_changes       (TnStore       *self,
                                         gint64         since,
                                         GError       **error);
gint64      tn_store_get_change_seq     (TnStore       *self);

gboolean    tn_store_refresh_contacts   (TnStore       *self,
                                         const gint64  *ids,
                                         gsize          n_ids,
                                         GError       **error);
gboolean    tn_store_undo_import        (TnStore       *self,
                                         gint64         batch_id,
                                         GError       **error);
gboolean    tn_store_merge_contacts     (TnStore       *self,
                                         TnContact     *keep,
                                         TnContact     *absorb,
                                         GError       **error);

/**
 * TnMergeUndo:
 *
 * What a merge changed, for tn_store_undo_merge() to put back while the store is open.
 */
typedef struct _TnMergeUndo TnMergeUndo;

TnMergeUndo *tn_store_merge_contacts_undoable (TnStore            *self,
                                               TnContact          *keep,
                                               TnContact          *absorb,
                                               GError            **error);
gboolean     tn_store_undo_merge              (TnStore            *self,
                                               const TnMergeUndo  *undo,
                                               GError            **error);
void         tn_merge_undo_free               (TnMergeUndo        *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnMergeUndo, tn_merge_undo_free)

/**
 * TnPossibleDuplicate:
 * @first: the contact added earlier
 * @second: the contact added later, of the same name
 * @hints: what else they have in common
 * @likeness: how alike that makes them (tn_duplicate_hints_likeness())
 */
typedef struct
{
  TnContact *first;
  TnContact *second;
  TnDuplicateHints hints;
  guint likeness;
} TnPossibleDuplicate;

void        tn_possible_duplicate_free           (TnPossibleDuplicate *pair);
GPtrArray  *tn_store_list_possible_duplicates    (TnStore             *self);
guint       tn_store_count_possible_duplicates   (TnStore             *self);
void        tn_store_count_possible_duplicates_async  (TnStore             *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean    tn_store_count_possible_duplicates_finish (TnStore             *self,
                                                       GAsyncResult        *result,
                                                       guint               *count,
                                                       GError             **error);
void        tn_store_list_possible_duplicates_async  (TnStore             *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *tn_store_list_possible_duplicates_finish (TnStore             *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean    tn_store_dismiss_possible_duplicate  (TnStore             *self,
                                                  TnContact           *first,
                                                  TnContact           *second,
                                                  GError             **error);

gboolean    tn_store_log_interaction    (TnStore        *self,
                                         TnContact      *contact,
                                         TnInteraction  *interaction,
                                         GError        **error);
gboolean    tn_store_update_interaction (TnStore        *self,
                                         TnContact      *contact,
                                         TnInteraction  *interaction,
                                         TnInteraction  *changes,
                                         GError        **error);
gboolean    tn_store_remove_interaction (TnStore        *self,
                                         TnContact      *contact,
                                         TnInteraction  *interaction,
                                         GError        **error);
gboolean    tn_store_restore_interaction (TnStore       *self,
                                         TnContact      *contact,
                                         TnInteraction  *interaction,
                                         GError        **error);
GPtrArray  *tn_store_list_interactions  (TnStore        *self,
                                         TnContact      *contact,
                                         GError        **error);

gboolean    tn_store_get_reminder_state (TnStore          *self,
                                         TnReminderState  *state,
                                         GDateTime        *now,
                                         GError          **error);
gboolean    tn_store_claim_reminder     (TnStore          *self,
                                         int               iso_year,
                                         int               iso_week,
                                         gboolean         *claimed,
                                         GError          **error);
gboolean    tn_store_unclaim_reminder   (TnStore               *self,
                                         const TnReminderState *before,
                                         GError               **error);
gboolean    tn_store_snooze_reminder    (TnStore          *self,
                                         gint64            until_unix,
                                         GError          **error);
GArray     *tn_store_list_reminder_candidates (TnStore    *self,
                                               const TnCadence *cadence,
                                               GError    **error);

/* Who you are: brand statements and linchpin self-checks. */

/**
 * TnBrandVersion:
 * @id: the version's row id
 * @text: the statement, one cleaned-up sentence
 * @created_at: when it was saved, Unix time
 */
typedef struct
{
  gint64 id;
  char *text;
  gint64 created_at;
} TnBrandVersion;

void            tn_brand_version_free                (TnBrandVersion *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnBrandVersion, tn_brand_version_free)

gboolean        tn_store_save_brand_statement        (TnStore        *self,
                                                      const char     *text,
                                                      gint64         *id_out,
                                                      GError        **error);
TnBrandVersion *tn_store_get_current_brand_statement (TnStore        *self,
                                                      GError        **error);
GPtrArray      *tn_store_list_brand_statements       (TnStore        *self,
                                                      GError        **error);
gboolean        tn_store_restore_brand_statement     (TnStore        *self,
                                                      gint64          id,
                                                      GError        **error);
gboolean        tn_store_set_heard_brand             (TnStore        *self,
                                                      TnContact      *contact,
                                                      gboolean        heard,
                                                      GError        **error);
gboolean        tn_store_get_heard_brand             (TnStore        *self,
                                                      TnContact      *contact);
gboolean        tn_store_count_brand_reach           (TnStore        *self,
                                                      guint          *heard,
                                                      guint          *trusted,
                                                      GError        **error);
gboolean        tn_store_log_interaction_with_brand  (TnStore        *self,
                                                      TnContact      *contact,
                                                      TnInteraction  *interaction,
                                                      gboolean        heard_brand,
                                                      GError        **error);
gboolean        tn_store_save_linchpin_check         (TnStore        *self,
                                                      guint           answers,
                                                      GError        **error);
GArray         *tn_store_list_linchpin_checks        (TnStore        *self,
                                                      GError        **error);
gboolean        tn_store_count_one_on_one            (TnStore        *self,
                                                      GDateTime      *since,
                                                      guint          *one_on_one,
                                                      guint          *total,
                                                      GError        **error);

G_END_DECLS
